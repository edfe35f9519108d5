/* accord-cli-section.c
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
 * Every subcommand reads the strategy, changes it in memory and writes it
 * back only when every change was accepted, so a refused command leaves
 * the files as they were.
 */

static gboolean
set_body_from_file (AccordEntity  *section,
                    const char    *body_file,
                    GError       **error)
{
  g_autofree char *body = NULL;

  if (body_file == NULL)
    return TRUE;

  body = accord_cli_read_text_file (body_file, TRUE, NULL, error);

  return body != NULL && accord_entity_set_field (section, "body", body, error);
}

/* Checks that @parent_id names a section, which @moving_id is not and is
 * not an ancestor of. */
static gboolean
check_parent (AccordStrategy  *strategy,
              const char      *parent_id,
              const char      *moving_id,
              GError         **error)
{
  AccordEntity *parent;
  guint limit = accord_strategy_count (strategy, ACCORD_ENTITY_SECTION);

  if (parent_id == NULL)
    return TRUE;

  if (!(parent = accord_cli_lookup (strategy, parent_id, ACCORD_ENTITY_SECTION, error)))
    return FALSE;

  for (guint steps = 0; moving_id != NULL && parent != NULL && steps <= limit; steps++)
    {
      if (g_str_equal (accord_entity_get_id (parent), moving_id))
        {
          g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                       _("“%s” cannot be moved under itself or one of its sub-sections"),
                       moving_id);
          return FALSE;
        }

      parent = accord_strategy_lookup (strategy, accord_entity_get_field (parent, "parent"));
    }

  return TRUE;
}

/* Places @section, new or moved, under @parent_id as the options say. */
static gboolean
place_section (AccordStrategy  *strategy,
               AccordEntity    *section,
               const char      *parent_id,
               const char      *after,
               gboolean         first,
               GError         **error)
{
  const char *id = accord_entity_get_id (section);
  g_autofree char *order = NULL;

  if (!check_parent (strategy, parent_id, id, error) ||
      !(order = accord_cli_dup_order (strategy, ACCORD_ENTITY_SECTION, parent_id, after, first,
                                      id, error)))
    return FALSE;

  return accord_entity_set_field (section, "parent", parent_id, error) &&
         accord_entity_set_field (section, "order", order, error);
}

/*
 * accord-cli section add DIR --title T [--parent ID] [--after ID | --first]
 *                    [--body-file F]
 */
static int
section_add (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordEntity) section = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *after = NULL;
  g_autofree char *body_file = NULL;
  const char *parameters = _("DIR");
  gboolean first = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The section’s title"), N_("TITLE") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent,
      N_("Make it a sub-section of this section"), N_("ID") },
    { "after", 0, 0, G_OPTION_ARG_STRING, &after, N_("Place it after this section"), N_("ID") },
    { "first", 0, 0, G_OPTION_ARG_NONE, &first, N_("Place it first among its siblings"), NULL },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file,
      N_("Read its text from this file (- for the standard input)"), N_("FILE") },
    { NULL }
  };

  context = accord_cli_context_new (parameters,
                                    _("Add a section, by default last among its siblings, "
                                      "and print its id."),
                                    entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0 ||
      (status = accord_cli_exclusive (context, after != NULL, "--after", first, "--first")) != 0)
    return status;

  if (title == NULL)
    return accord_cli_usage_error (context, _("A new section needs a title: give --title"));

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  section = accord_entity_new (ACCORD_ENTITY_SECTION, NULL);

  if (!place_section (strategy, section, parent, after, first, &error) ||
      !accord_cli_set_field (section, "title", title, TRUE, &error) ||
      !set_body_from_file (section, body_file, &error) ||
      !accord_strategy_add (strategy, section, &error) ||
      !accord_repository_write (repository, strategy, &error))
    return accord_cli_fail (error);

  g_print ("%s\n", accord_entity_get_id (section));

  return 0;
}

/*
 * accord-cli section set DIR ID [--title T] [--body-file F]
 */
static int
section_set (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body_file = NULL;
  const char *parameters = _("DIR ID");
  AccordEntity *section;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The section’s new title"), N_("TITLE") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file,
      N_("Read its new text from this file (- for the standard input)"), N_("FILE") },
    { NULL }
  };

  context = accord_cli_context_new (parameters, _("Change a section’s title or text."), entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 2, parameters)) != 0)
    return status;

  if (title == NULL && body_file == NULL)
    return accord_cli_usage_error (context, _("Nothing to change: give --title or --body-file"));

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  if (!(section = accord_cli_lookup (strategy, argv[2], ACCORD_ENTITY_SECTION, &error)) ||
      !accord_cli_set_field (section, "title", title, TRUE, &error) ||
      !set_body_from_file (section, body_file, &error) ||
      !accord_repository_write (repository, strategy, &error))
    return accord_cli_fail (error);

  return 0;
}

/*
 * accord-cli section move DIR ID [--parent ID | --top] [--after ID | --first]
 */
static int
section_move (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *after = NULL;
  const char *parameters = _("DIR ID");
  const char *new_parent;
  AccordEntity *section;
  gboolean top = FALSE;
  gboolean first = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent,
      N_("Make it a sub-section of this section"), N_("ID") },
    { "top", 0, 0, G_OPTION_ARG_NONE, &top, N_("Make it a top-level section"), NULL },
    { "after", 0, 0, G_OPTION_ARG_STRING, &after, N_("Place it after this section"), N_("ID") },
    { "first", 0, 0, G_OPTION_ARG_NONE, &first, N_("Place it first among its siblings"), NULL },
    { NULL }
  };

  context = accord_cli_context_new (parameters,
                                    _("Move a section, with its sub-sections and objectives. "
                                      "Without --after or --first it goes last."),
                                    entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 2, parameters)) != 0 ||
      (status = accord_cli_exclusive (context, parent != NULL, "--parent", top, "--top")) != 0 ||
      (status = accord_cli_exclusive (context, after != NULL, "--after", first, "--first")) != 0)
    return status;

  if (parent == NULL && !top && after == NULL && !first)
    return accord_cli_usage_error (context, _("Say where to move the section: give --parent, "
                                              "--top, --after or --first"));

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  if (!(section = accord_cli_lookup (strategy, argv[2], ACCORD_ENTITY_SECTION, &error)))
    return accord_cli_fail (error);

  new_parent = top ? NULL : parent != NULL ? parent : accord_entity_get_field (section, "parent");

  if (!place_section (strategy, section, new_parent, after, first, &error) ||
      !accord_repository_write (repository, strategy, &error))
    return accord_cli_fail (error);

  return 0;
}

/*
 * accord-cli section remove DIR ID
 */
static int
section_remove (int    argc,
                char **argv)
{
  return accord_cli_remove (argc, argv, ACCORD_ENTITY_SECTION,
                            _("Remove a section that has no sub-sections, objectives "
                              "or comments."));
}

static const AccordCliCommand subcommands[] = {
  { "add", section_add, N_("Add a section and print its id") },
  { "set", section_set, N_("Change a section’s title or text") },
  { "move", section_move, N_("Move a section to another place in the outline") },
  { "remove", section_remove, N_("Remove a section nothing depends on") },
};

/*
 * accord-cli section add|set|move|remove DIR …
 */
int
accord_cli_cmd_section (int    argc,
                        char **argv)
{
  return accord_cli_run_subcommand ("section", subcommands, G_N_ELEMENTS (subcommands),
                                    argc, argv);
}
