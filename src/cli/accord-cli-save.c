/* accord-cli-save.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

/* Names, on one line, what the folder holds that no revision takes. */
static void
print_left_out (GPtrArray *left_out)
{
  const guint shown = 5;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *line = NULL;

  if (left_out->len == 0)
    return;

  for (guint i = 0; i < left_out->len && i < shown; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_ptr_array_index (left_out, i));
    }
  if (left_out->len > shown)
    {
      g_string_append_c (names, ' ');
      /* Translators: follows a list of file names. */
      g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                  left_out->len - shown),
                              left_out->len - shown);
    }

  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u file is not part of the strategy and is not saved: %s",
                                       "%u files are not part of the strategy and are not saved: %s",
                                       left_out->len),
                          left_out->len, names->str);
  accord_cli_warn (line);
}

/*
 * accord-cli save DIR -m MESSAGE [--author "Name <email>"]
 *
 * Saves every unsaved change as one revision and prints it; when nothing
 * changed, says so and succeeds.
 */
int
accord_cli_cmd_save (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *author = NULL;
  g_autofree char *revision = NULL;
  const char *parameters = _("DIR");
  int status;

  context = accord_cli_context_new (parameters, _("Save the changes as a new revision."), NULL);
  accord_cli_add_message (context, &message, N_("What the revision changes"));
  accord_cli_add_author (context, &author);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  if (message == NULL || *g_strstrip (message) == '\0')
    return accord_cli_usage_error (context, _("A revision needs a message: give -m MESSAGE"));

  if (!(repository = accord_cli_open (argv[1], NULL, &error)))
    return accord_cli_fail (error);

  revision = accord_repository_save (repository, message, author, &error);
  print_left_out (accord_repository_get_left_out (repository));
  if (g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE))
    {
      g_print ("%s\n", _("Nothing to save"));
      return 0;
    }

  if (revision == NULL)
    return accord_cli_fail (error);

  return accord_cli_print_revision (repository, revision);
}
