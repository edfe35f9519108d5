/* accord-cli-objective.c
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
 * back only when every value was accepted, so a refused command leaves the
 * files as they were.
 */

typedef struct
{
  char      *section;
  char      *title;
  char      *code;
  char      *lead;
  char      *due;
  char      *status;
  char      *priority;
  char     **partners;
  char     **indicators;
  char      *description_file;
  char      *after;
  gboolean   first;
  gboolean   clear_partners;
  gboolean   clear_indicators;
} ObjectiveOptions;

static void
objective_options_clear (ObjectiveOptions *options)
{
  g_clear_pointer (&options->section, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->code, g_free);
  g_clear_pointer (&options->lead, g_free);
  g_clear_pointer (&options->due, g_free);
  g_clear_pointer (&options->status, g_free);
  g_clear_pointer (&options->priority, g_free);
  g_clear_pointer (&options->partners, g_strfreev);
  g_clear_pointer (&options->indicators, g_strfreev);
  g_clear_pointer (&options->description_file, g_free);
  g_clear_pointer (&options->after, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ObjectiveOptions, objective_options_clear)

static GOptionContext *
objective_context_new (ObjectiveOptions *o,
                       gboolean          editing,
                       const char       *parameters,
                       const char       *summary)
{
  GOptionContext *context;
  const GOptionEntry entries[] = {
    { "section", 0, 0, G_OPTION_ARG_STRING, &o->section, N_("The section it belongs to"),
      N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o->title, N_("Its title"), N_("TITLE") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &o->code, N_("Its code, such as 2.1"), N_("CODE") },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &o->lead, N_("Who leads it"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &o->due, N_("Its deadline"), N_("YYYY-MM-DD") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &o->status,
      N_("planned, in-progress, achieved, delayed or cancelled"), N_("STATUS") },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &o->priority, N_("high, medium or low"),
      N_("PRIORITY") },
    { "partner", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->partners,
      N_("A partner; repeat the option for several"), N_("NAME") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->indicators,
      N_("An indicator of progress; repeat the option for several"), N_("TEXT") },
    { "description-file", 0, 0, G_OPTION_ARG_FILENAME, &o->description_file,
      N_("Read its description from this file (- for the standard input)"), N_("FILE") },
    { "after", 0, 0, G_OPTION_ARG_STRING, &o->after,
      N_("Place it after this objective of its section"), N_("ID") },
    { "first", 0, 0, G_OPTION_ARG_NONE, &o->first, N_("Place it first in its section"), NULL },
    { NULL }
  };
  const GOptionEntry clear_entries[] = {
    { "clear-partners", 0, 0, G_OPTION_ARG_NONE, &o->clear_partners,
      N_("Remove every partner"), NULL },
    { "clear-indicators", 0, 0, G_OPTION_ARG_NONE, &o->clear_indicators,
      N_("Remove every indicator"), NULL },
    { NULL }
  };

  context = accord_cli_context_new (parameters, summary, entries);
  if (editing)
    g_option_context_add_main_entries (context, clear_entries, GETTEXT_PACKAGE);

  return context;
}

static int
check_exclusive_options (GOptionContext   *context,
                         ObjectiveOptions *o)
{
  int status;

  if ((status = accord_cli_exclusive (context, o->after != NULL, "--after",
                                      o->first, "--first")) != 0 ||
      (status = accord_cli_exclusive (context, o->partners != NULL, "--partner",
                                      o->clear_partners, "--clear-partners")) != 0)
    return status;

  return accord_cli_exclusive (context, o->indicators != NULL, "--indicator",
                               o->clear_indicators, "--clear-indicators");
}

/* Puts @objective in the section and place the options give. An objective
 * that stays in its section keeps its place unless --after or --first say
 * otherwise; one that changes section goes last by default. */
static gboolean
place_objective (AccordStrategy    *strategy,
                 AccordEntity      *objective,
                 ObjectiveOptions  *o,
                 GError           **error)
{
  const char *current = accord_entity_get_field (objective, "section");
  const char *section = o->section != NULL ? o->section : current;
  g_autofree char *order = NULL;

  if (o->section == NULL && o->after == NULL && !o->first)
    return TRUE;

  if (section == NULL || *section == '\0')
    {
      g_set_error_literal (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE,
                           _("An objective must belong to a section: give --section"));
      return FALSE;
    }

  if (!accord_cli_lookup (strategy, section, ACCORD_ENTITY_SECTION, error))
    return FALSE;

  if (g_strcmp0 (section, current) == 0 && o->after == NULL && !o->first)
    return TRUE;

  order = accord_cli_dup_order (strategy, ACCORD_ENTITY_OBJECTIVE, section, o->after, o->first,
                                accord_entity_get_id (objective), error);

  return order != NULL &&
         accord_entity_set_field (objective, "section", section, error) &&
         accord_entity_set_field (objective, "order", order, error);
}

static gboolean
set_list (AccordEntity  *objective,
          const char    *name,
          char         **values,
          gboolean       clear,
          GError       **error)
{
  if (!clear && values == NULL)
    return TRUE;

  return accord_entity_set_list (objective, name, clear ? NULL : (const char * const *) values,
                                 error);
}

static gboolean
set_description (AccordEntity  *objective,
                 const char    *path,
                 GError       **error)
{
  g_autofree char *description = NULL;

  if (path == NULL)
    return TRUE;

  description = accord_cli_read_text_file (path, TRUE, NULL, error);

  return description != NULL &&
         accord_entity_set_field (objective, "description", description, error);
}

static gboolean
apply_options (AccordStrategy    *strategy,
               AccordEntity      *objective,
               ObjectiveOptions  *o,
               GError           **error)
{
  return place_objective (strategy, objective, o, error) &&
         accord_cli_set_field (objective, "title", o->title, TRUE, error) &&
         accord_cli_set_field (objective, "code", o->code, FALSE, error) &&
         accord_cli_set_field (objective, "status", o->status, FALSE, error) &&
         accord_cli_set_field (objective, "priority", o->priority, FALSE, error) &&
         accord_cli_set_field (objective, "lead", o->lead, FALSE, error) &&
         set_list (objective, "partner", o->partners, o->clear_partners, error) &&
         accord_cli_set_field (objective, "due", o->due, FALSE, error) &&
         set_list (objective, "indicator", o->indicators, o->clear_indicators, error) &&
         set_description (objective, o->description_file, error);
}

/*
 * accord-cli objective add DIR --section ID --title T [--code C] [--lead L]
 *   [--due YYYY-MM-DD] [--status S] [--priority P] [--partner P]…
 *   [--indicator TEXT]… [--description-file F] [--after ID | --first]
 */
static int
objective_add (int    argc,
               char **argv)
{
  g_auto(ObjectiveOptions) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordEntity) objective = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR");
  int status;

  context = objective_context_new (&o, FALSE, parameters,
                                   _("Add an objective to a section, by default last, and print "
                                     "its id."));
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0 ||
      (status = check_exclusive_options (context, &o)) != 0)
    return status;

  if (o.section == NULL || o.title == NULL)
    return accord_cli_usage_error (context, _("A new objective needs a section and a title: "
                                              "give --section and --title"));

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, NULL);

  if (!apply_options (strategy, objective, &o, &error) ||
      !accord_strategy_add (strategy, objective, &error) ||
      !accord_repository_write (repository, strategy, &error))
    return accord_cli_fail (error);

  g_print ("%s\n", accord_entity_get_id (objective));

  return 0;
}

static gboolean
has_changes (ObjectiveOptions *o)
{
  return o->section != NULL || o->title != NULL || o->code != NULL || o->lead != NULL ||
         o->due != NULL || o->status != NULL || o->priority != NULL || o->partners != NULL ||
         o->indicators != NULL || o->description_file != NULL || o->after != NULL ||
         o->first || o->clear_partners || o->clear_indicators;
}

/*
 * accord-cli objective set DIR ID [the options of add] [--clear-partners]
 *   [--clear-indicators]
 */
static int
objective_set (int    argc,
               char **argv)
{
  g_auto(ObjectiveOptions) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR ID");
  AccordEntity *objective;
  int status;

  context = objective_context_new (&o, TRUE, parameters,
                                   _("Change an objective. An empty value clears a field; "
                                     "--partner and --indicator replace the whole list."));
  if ((status = accord_cli_parse (context, &argc, &argv, 2, parameters)) != 0 ||
      (status = check_exclusive_options (context, &o)) != 0)
    return status;

  if (!has_changes (&o))
    return accord_cli_usage_error (context, _("Nothing to change: give the fields to set"));

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  if (!(objective = accord_cli_lookup (strategy, argv[2], ACCORD_ENTITY_OBJECTIVE, &error)) ||
      !apply_options (strategy, objective, &o, &error) ||
      !accord_repository_write (repository, strategy, &error))
    return accord_cli_fail (error);

  return 0;
}

/*
 * accord-cli objective remove DIR ID
 */
static int
objective_remove (int    argc,
                  char **argv)
{
  return accord_cli_remove (argc, argv, ACCORD_ENTITY_OBJECTIVE,
                            _("Remove an objective that no comment concerns."));
}

static const AccordCliCommand subcommands[] = {
  { "add", objective_add, N_("Add an objective to a section and print its id") },
  { "set", objective_set, N_("Change the fields of an objective") },
  { "remove", objective_remove, N_("Remove an objective no comment concerns") },
};

/*
 * accord-cli objective add|set|remove DIR …
 */
int
accord_cli_cmd_objective (int    argc,
                          char **argv)
{
  return accord_cli_run_subcommand ("objective", subcommands, G_N_ELEMENTS (subcommands),
                                    argc, argv);
}
