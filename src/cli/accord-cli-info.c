/* accord-cli-info.c
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

typedef struct
{
  AccordStrategy *strategy;
  AccordRevision *revision;
  guint           n_unsaved;
  guint           n_problems;
  GPtrArray      *locks;
} Info;

/* The kinds counted, with the names of their counts. */
static const struct
{
  AccordEntityKind  kind;
  const char       *member;
  const char       *label;
} counts[] = {
  { ACCORD_ENTITY_SECTION, "sections", N_("Sections:") },
  { ACCORD_ENTITY_OBJECTIVE, "objectives", N_("Objectives:") },
  { ACCORD_ENTITY_ROUND, "rounds", N_("Consultation rounds:") },
  { ACCORD_ENTITY_PARTICIPANT, "participants", N_("Participants:") },
  { ACCORD_ENTITY_COMMENT, "comments", N_("Comments:") },
};

static void
add_revision_json (JsonBuilder    *builder,
                   AccordRevision *revision)
{
  g_autofree char *short_id = accord_cli_short_id (revision->id);
  g_autofree char *date = accord_cli_format_time (revision->time, revision->offset);

  json_builder_set_member_name (builder, "revision");
  json_builder_begin_object (builder);
  accord_cli_json_add_string (builder, "id", revision->id);
  accord_cli_json_add_string (builder, "short-id", short_id);
  accord_cli_json_add_string (builder, "date", date);
  accord_cli_json_add_string (builder, "author-name", revision->author_name);
  accord_cli_json_add_string (builder, "author-email", revision->author_email);
  accord_cli_json_add_string (builder, "message", revision->message);
  json_builder_end_object (builder);
}

static JsonNode *
info_to_json (Info       *info,
              const char *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  AccordEntity *entity = ACCORD_ENTITY (info->strategy);

  json_builder_begin_object (builder);
  accord_cli_json_add_string (builder, "path", path);
  accord_cli_json_add_string (builder, "title", accord_entity_get_field (entity, "title"));
  accord_cli_json_add_string (builder, "language", accord_entity_get_field (entity, "language"));
  accord_cli_json_add_string (builder, "status", accord_entity_get_field (entity, "status"));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].member);
      json_builder_add_int_value (builder, accord_strategy_count (info->strategy, counts[i].kind));
    }

  if (info->revision != NULL)
    add_revision_json (builder, info->revision);
  else
    accord_cli_json_add_string (builder, "revision", NULL);

  json_builder_set_member_name (builder, "unsaved-changes");
  json_builder_add_int_value (builder, info->n_unsaved);
  json_builder_set_member_name (builder, "problems");
  json_builder_add_int_value (builder, info->n_problems);
  json_builder_set_member_name (builder, "leftover-locks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < info->locks->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (info->locks, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_row (GPtrArray  *table,
         const char *label,
         const char *value)
{
  accord_cli_table_add (table, label, value != NULL ? value : "", NULL);
}

static void
add_count_row (GPtrArray  *table,
               const char *label,
               guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  add_row (table, label, text);
}

static void
print_info (Info *info)
{
  g_autoptr(GPtrArray) table = accord_cli_table_new ();
  AccordEntity *entity = ACCORD_ENTITY (info->strategy);

  add_row (table, _("Title:"), accord_entity_get_field (entity, "title"));
  add_row (table, _("Language:"), accord_entity_get_field (entity, "language"));
  add_row (table, _("Status:"), accord_entity_get_field (entity, "status"));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    add_count_row (table, _(counts[i].label),
                   accord_strategy_count (info->strategy, counts[i].kind));

  if (info->revision != NULL)
    {
      g_autofree char *short_id = accord_cli_short_id (info->revision->id);
      g_autofree char *date = accord_cli_format_time (info->revision->time,
                                                      info->revision->offset);
      g_autofree char *summary = accord_cli_first_line (info->revision->message);
      g_autofree char *text = g_strdup_printf ("%s  %s  %s", short_id, date, summary);

      add_row (table, _("Revision:"), text);
    }

  add_count_row (table, _("Unsaved files:"), info->n_unsaved);
  add_count_row (table, _("Problems:"), info->n_problems);
  for (guint i = 0; i < info->locks->len; i++)
    {
      g_autofree char *text =
        /* Translators: %s is a file, such as ".git/index.lock". */
        g_strdup_printf (_("%s, left by an interrupted save; the next save removes it"),
                         (char *) g_ptr_array_index (info->locks, i));

      add_row (table, i == 0 ? _("Leftover locks:") : "", text);
    }

  accord_cli_print_table (table);
}

/*
 * accord-cli info DIR [--json]
 *
 * Summarises a strategy: its title, language and status, how many of each
 * kind of entity it has, its last revision, its unsaved files and how many
 * problems its files have.
 */
int
accord_cli_cmd_info (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) locks = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR");
  gboolean json = FALSE;
  Info info = { NULL };
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = accord_cli_context_new (parameters, _("Summarise a strategy and its state."), entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)) ||
      !(changes = accord_repository_status (repository, &error)))
    return accord_cli_fail (error);

  /* A repository cloned before its first revision has none. */
  log = accord_repository_log (repository, NULL, 1, &error);
  if (log == NULL &&
      !g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION))
    return accord_cli_fail (error);

  info.strategy = strategy;
  info.revision = log != NULL && log->len > 0 ? g_ptr_array_index (log, 0) : NULL;
  info.n_unsaved = changes->len;
  info.n_problems = accord_strategy_get_problems (strategy)->len;
  info.locks = locks = accord_repository_dup_leftover_locks (repository);

  if (json)
    {
      g_autoptr(JsonNode) node = info_to_json (&info, accord_repository_get_path (repository));

      accord_cli_print_json (node);
    }
  else
    print_info (&info);

  return 0;
}
