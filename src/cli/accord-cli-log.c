/* accord-cli-log.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

/* Reads the kind and id of the entity stored at @path ("strategy.md",
 * "sections/ID.md"…). Returns FALSE for any other file. */
static gboolean
parse_entity_path (const char        *path,
                   AccordEntityKind  *kind,
                   char             **id)
{
  const char *slash = strchr (path, '/');

  if (g_str_equal (path, "strategy.md"))
    {
      *kind = ACCORD_ENTITY_STRATEGY;
      *id = g_strdup ("strategy");
      return TRUE;
    }

  if (slash == NULL || !g_str_has_suffix (slash, ".md"))
    return FALSE;

  for (guint i = ACCORD_ENTITY_SECTION; i < ACCORD_N_ENTITY_KINDS; i++)
    {
      const char *directory = accord_entity_kind_get_directory (i);
      g_autofree char *name = NULL;

      if (strncmp (path, directory, slash - path) != 0 || directory[slash - path] != '\0')
        continue;

      name = g_strndup (slash + 1, strlen (slash + 1) - strlen (".md"));
      if (!accord_id_is_valid (name))
        return FALSE;

      *kind = i;
      *id = g_steal_pointer (&name);
      return TRUE;
    }

  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The revision's milestones, sorted so that the output is stable. */
static char **
dup_sorted_tags (AccordRevision *revision)
{
  char **tags = revision->tags != NULL ? g_strdupv (revision->tags) : g_new0 (char *, 1);

  qsort (tags, g_strv_length (tags), sizeof (char *), compare_names);

  return tags;
}

static void
add_change_json (JsonBuilder  *builder,
                 AccordChange *change)
{
  g_autofree char *id = NULL;
  AccordEntityKind kind;
  gboolean is_entity = parse_entity_path (change->path, &kind, &id);

  json_builder_begin_object (builder);
  accord_cli_json_add_string (builder, "path", change->path);
  accord_cli_json_add_string (builder, "change", accord_change_kind_to_string (change->kind));
  accord_cli_json_add_string (builder, "kind", is_entity ? accord_entity_kind_to_string (kind)
                                                         : NULL);
  accord_cli_json_add_string (builder, "id", id);
  json_builder_end_object (builder);
}

static JsonNode *
log_to_json (GPtrArray *log)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);

  for (guint i = 0; i < log->len; i++)
    {
      AccordRevision *revision = g_ptr_array_index (log, i);
      g_autofree char *short_id = accord_cli_short_id (revision->id);
      g_autofree char *date = accord_cli_format_time (revision->time, revision->offset);
      g_auto(GStrv) tags = dup_sorted_tags (revision);

      json_builder_begin_object (builder);
      accord_cli_json_add_string (builder, "id", revision->id);
      accord_cli_json_add_string (builder, "short-id", short_id);
      accord_cli_json_add_string (builder, "date", date);
      accord_cli_json_add_string (builder, "author-name", revision->author_name);
      accord_cli_json_add_string (builder, "author-email", revision->author_email);
      accord_cli_json_add_string (builder, "message", revision->message);
      accord_cli_json_add_strv (builder, "milestones", (const char * const *) tags);

      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint j = 0; revision->changes != NULL && j < revision->changes->len; j++)
        add_change_json (builder, g_ptr_array_index (revision->changes, j));
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
print_change (AccordChange *change)
{
  g_autofree char *id = NULL;
  g_autofree char *what = NULL;
  AccordEntityKind kind;

  if (!parse_entity_path (change->path, &kind, &id))
    what = accord_escape_line (change->path);
  else if (kind == ACCORD_ENTITY_STRATEGY)
    what = g_strdup (accord_entity_kind_to_string (kind));
  else
    what = g_strdup_printf ("%s %s", accord_entity_kind_to_string (kind), id);

  g_print ("    ");
  switch (change->kind)
    {
    /* Translators: %s is what changed, such as "section s-4k2m9q7xhd". */
    case ACCORD_CHANGE_ADDED:    g_print (C_("log", "added %s"), what); break;
    /* Translators: %s is what changed, such as "section s-4k2m9q7xhd". */
    case ACCORD_CHANGE_REMOVED:  g_print (C_("log", "removed %s"), what); break;
    /* Translators: %s is what changed, such as "section s-4k2m9q7xhd". */
    case ACCORD_CHANGE_MODIFIED:
    default:                     g_print (C_("log", "modified %s"), what); break;
    }
  g_print ("\n");
}

static void
print_revision (AccordRevision *revision)
{
  g_autofree char *short_id = accord_cli_short_id (revision->id);
  g_autofree char *date = accord_cli_format_time (revision->time, revision->offset);
  g_auto(GStrv) lines = g_strsplit (revision->message, "\n", -1);
  g_auto(GStrv) tags = dup_sorted_tags (revision);

  g_print ("%s  %s  %s <%s>\n", short_id, date, revision->author_name, revision->author_email);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_print ("    ");
      /* Translators: %s is the name of a milestone. */
      g_print (_("milestone: %s"), tags[i]);
      g_print ("\n");
    }

  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("%s%s\n", *lines[i] != '\0' ? "    " : "", lines[i]);

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    print_change (g_ptr_array_index (revision->changes, i));
}

/*
 * accord-cli log DIR [--json] [-n N] [--rev REV]
 *
 * Lists the revisions newest first, with their milestones and the entities
 * each one changed.
 */
int
accord_cli_cmd_log (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;
  const char *parameters = _("DIR");
  gboolean json = FALSE;
  int max_count = G_MININT;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "max-count", 'n', 0, G_OPTION_ARG_INT, &max_count,
      N_("Show at most this many revisions"), N_("N") },
    { "rev", 0, 0, G_OPTION_ARG_STRING, &revision,
      N_("Start from this revision instead of the last one"), N_("REV") },
    { NULL }
  };

  context = accord_cli_context_new (parameters, _("List the revisions, newest first."), entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  if (max_count == G_MININT)
    max_count = 0;
  else if (max_count < 1)
    return accord_cli_usage_error (context, _("-n needs a number of revisions, 1 or more"));

  if (!(repository = accord_cli_open (argv[1], NULL, &error)) ||
      !(log = accord_repository_log (repository, revision, max_count, &error)))
    return accord_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = log_to_json (log);

      accord_cli_print_json (node);
      return 0;
    }

  for (guint i = 0; i < log->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_revision (g_ptr_array_index (log, i));
    }

  return 0;
}
