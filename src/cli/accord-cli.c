/* accord-cli.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

static const AccordCliCommand commands[] = {
  { "version", accord_cli_cmd_version, N_("Show the versions of Accord and its libraries") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  accord-cli %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));

  fprintf (stream, "\n%s\n", _("Run “accord-cli COMMAND --help” for the options of a command."));
}

/**
 * accord_cli_fail:
 * @error: what went wrong
 *
 * Prints @error as the one-line message the command ends with.
 *
 * Returns: the exit status for a failed command
 */
int
accord_cli_fail (const GError *error)
{
  g_printerr ("accord-cli: %s\n", error->message);
  return 1;
}

int
accord_cli_usage_error (GOptionContext *context,
                        const char     *message)
{
  g_printerr ("accord-cli: %s\n", message);
  return 2;
}

void
accord_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
accord_cli_run (int    argc,
                char **argv)
{
  const char *name;

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  name = argv[1];

  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      print_help (stdout);
      return 0;
    }

  if (g_str_equal (name, "--version"))
    {
      g_print ("accord-cli %s\n", accord_get_version ());
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  /* Translators: %s is the name of a command the user typed. */
  g_printerr (_("accord-cli: unknown command “%s”; run “accord-cli help” for the list\n"), name);
  return 2;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  accord_init ();

  return accord_cli_run (argc, argv);
}
