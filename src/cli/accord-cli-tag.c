/* accord-cli-tag.c
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

/*
 * accord-cli tag DIR NAME -m MESSAGE [--rev REV] [--author "Name <email>"]
 *
 * Marks the last revision, or REV, as a milestone (an annotated git tag)
 * and prints the revision's short id with the milestone's name.
 */
int
accord_cli_cmd_tag (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *author = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *head = NULL;
  g_autofree char *short_id = NULL;
  const char *parameters = _("DIR NAME");
  int status;
  const GOptionEntry entries[] = {
    { "rev", 0, 0, G_OPTION_ARG_STRING, &revision, N_("The revision to mark, instead of the last"),
      N_("REV") },
    { NULL }
  };

  context = accord_cli_context_new (parameters, _("Mark the last revision as a milestone."),
                                    entries);
  accord_cli_add_message (context, &message, N_("What the milestone marks"));
  accord_cli_add_author (context, &author);
  if ((status = accord_cli_parse (context, &argc, &argv, 2, parameters)) != 0)
    return status;

  if (message == NULL || *g_strstrip (message) == '\0')
    return accord_cli_usage_error (context, _("A milestone needs a message: give -m MESSAGE"));

  if (!(repository = accord_cli_open (argv[1], NULL, &error)) ||
      !(head = accord_repository_resolve (repository, revision != NULL ? revision : "HEAD",
                                          &error)) ||
      !accord_repository_tag_revision (repository, head, argv[2], message, author, &error))
    return accord_cli_fail (error);

  short_id = accord_cli_short_id (head);
  g_print ("%s %s\n", short_id, argv[2]);

  return 0;
}
