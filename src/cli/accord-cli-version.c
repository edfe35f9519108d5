/* accord-cli-version.c
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

static const char *
yes_no (GVariant   *info,
        const char *key)
{
  gboolean value = FALSE;

  g_variant_lookup (info, key, "b", &value);
  return value ? _("yes") : _("no");
}

/*
 * accord-cli version [--json] [--check]
 *
 * Prints the versions of Accord, libgit2 and sqlite and the features Accord
 * relies on; with --check, exits 1 when one of them is missing.
 */
int
accord_cli_cmd_version (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GVariant) info = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gboolean check = FALSE;
  const char *git_version = NULL;
  const char *sqlite_version = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Fail when a library lacks a feature Accord needs"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Show the versions of Accord and its libraries."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return accord_cli_usage_error (context, error->message);

  if (argc > 1)
    return accord_cli_usage_error (context, _("“version” takes no arguments"));

  if (check && !accord_check_runtime (&error))
    return accord_cli_fail (error);

  info = accord_dup_runtime_info ();

  if (json)
    {
      g_autoptr(JsonNode) node = json_gvariant_serialize (info);

      accord_cli_print_json (node);
      return 0;
    }

  g_variant_lookup (info, "libgit2-version", "&s", &git_version);
  g_variant_lookup (info, "sqlite-version", "&s", &sqlite_version);

  g_print ("Accord %s\n", accord_get_version ());
  g_print ("libgit2 %s (%s %s, %s %s, %s %s)\n", git_version,
           _("threads:"), yes_no (info, "libgit2-threads"),
           _("HTTPS:"), yes_no (info, "libgit2-https"),
           _("SSH:"), yes_no (info, "libgit2-ssh"));
  g_print ("SQLite %s (%s %s)\n", sqlite_version,
           _("full-text search:"), yes_no (info, "sqlite-fts5"));

  return 0;
}
