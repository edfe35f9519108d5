/* accord-cli-export.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

static char *
export_strategy (AccordStrategy  *strategy,
                 const char      *format,
                 GError         **error)
{
  if (g_str_equal (format, "markdown"))
    return accord_markdown_export (strategy);

  return accord_html_export (strategy, error);
}

/* Writes @text to @path through a temporary file renamed into place, or
 * to the standard output when @path is NULL. */
static gboolean
write_output (const char  *path,
              const char  *text,
              GError     **error)
{
  gsize length = strlen (text);

  if (path != NULL)
    return g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                     error);

  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write to the standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/*
 * accord-cli export DIR [--rev REV] --format markdown|html [-o FILE]
 *
 * Writes the strategy (as in the work tree, or as saved in REV) as one
 * Markdown or HTML document.
 */
int
accord_cli_cmd_export (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  const char *parameters = _("DIR");
  int status;
  const GOptionEntry entries[] = {
    { "rev", 0, 0, G_OPTION_ARG_STRING, &revision,
      N_("Export the strategy as saved in this revision, instead of the work tree"),
      N_("REV") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("markdown or html"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of the standard output"), N_("FILE") },
    { NULL }
  };

  context = accord_cli_context_new (parameters,
                                    _("Write a strategy as one Markdown or HTML document."),
                                    entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  if (format == NULL || !(g_str_equal (format, "markdown") || g_str_equal (format, "html")))
    return accord_cli_usage_error (context, _("Give the format: --format markdown or "
                                              "--format html"));

  if (!(repository = accord_cli_open (argv[1], NULL, &error)))
    return accord_cli_fail (error);

  if (revision != NULL)
    strategy = accord_repository_load_revision (repository, revision, &error);
  else
    strategy = accord_repository_load (repository, &error);

  if (strategy == NULL ||
      !(text = export_strategy (strategy, format, &error)) ||
      !write_output (output, text, &error))
    return accord_cli_fail (error);

  return 0;
}
