/* accord-cli-objectives.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

/* An objective's fields, in the order its file lists them; lists are
 * printed as JSON arrays. */
static const struct
{
  const char *name;
  gboolean    list;
} fields[] = {
  { "section", FALSE },
  { "order", FALSE },
  { "code", FALSE },
  { "title", FALSE },
  { "status", FALSE },
  { "priority", FALSE },
  { "lead", FALSE },
  { "partner", TRUE },
  { "due", FALSE },
  { "indicator", TRUE },
  { "description", FALSE },
};

static void
add_objectives_of (AccordStrategy *strategy,
                   const char     *section_id,
                   GPtrArray      *objectives,
                   GHashTable     *seen)
{
  GListModel *children = accord_strategy_get_children (strategy, section_id);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) child = g_list_model_get_item (children, i);

      if (accord_entity_get_kind (child) == ACCORD_ENTITY_OBJECTIVE &&
          g_hash_table_add (seen, child))
        g_ptr_array_add (objectives, g_object_ref (child));
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (accord_entity_get_id (*(AccordEntity **) a),
                 accord_entity_get_id (*(AccordEntity **) b));
}

/* Every objective: section by section in reading order, each section's in
 * order; those whose section is missing or unset come last, by id. */
static GPtrArray *
dup_objectives (AccordStrategy *strategy)
{
  GPtrArray *objectives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outline = accord_strategy_dup_outline (strategy);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *all;

  for (guint i = 0; i < outline->len; i++)
    add_objectives_of (strategy, accord_entity_get_id (g_ptr_array_index (outline, i)),
                       objectives, seen);

  all = accord_strategy_get_entities (strategy, ACCORD_ENTITY_OBJECTIVE);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(AccordEntity) objective = g_list_model_get_item (all, i);

      if (!g_hash_table_contains (seen, objective))
        g_ptr_array_add (orphans, g_object_ref (objective));
    }

  g_ptr_array_sort (orphans, compare_ids);
  g_ptr_array_extend_and_steal (objectives, g_steal_pointer (&orphans));

  return objectives;
}

static JsonNode *
objectives_to_json (GPtrArray *objectives)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);

  for (guint i = 0; i < objectives->len; i++)
    {
      AccordEntity *objective = g_ptr_array_index (objectives, i);

      json_builder_begin_object (builder);
      accord_cli_json_add_string (builder, "id", accord_entity_get_id (objective));

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (fields[j].list)
            accord_cli_json_add_strv (builder, fields[j].name,
                                      accord_entity_get_list (objective, fields[j].name));
          else
            accord_cli_json_add_string (builder, fields[j].name,
                                        accord_entity_get_field (objective, fields[j].name));
        }

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* Prints "  name: value", continuing the lines of a text further in. */
static void
print_value (const char *name,
             const char *value)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

  g_print ("  %s: %s\n", name, lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    g_print ("    %s\n", lines[i]);
}

static void
print_objective (AccordEntity *objective)
{
  const char *code = accord_entity_get_field (objective, "code");
  const char *title = accord_entity_get_field (objective, "title");

  g_print ("%s%s%s  %s\n", accord_entity_get_id (objective),
           code != NULL ? "  " : "", code != NULL ? code : "", title != NULL ? title : "");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *name = fields[i].name;
      const char * const *values = accord_entity_get_list (objective, name);

      if (g_str_equal (name, "code") || g_str_equal (name, "title") ||
          g_str_equal (name, "order"))
        continue;

      for (guint j = 0; values != NULL && values[j] != NULL && (j == 0 || fields[i].list); j++)
        print_value (name, values[j]);
    }
}

/*
 * accord-cli objectives DIR [--json]
 *
 * Lists every objective with all its fields, section by section.
 */
int
accord_cli_cmd_objectives (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR");
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = accord_cli_context_new (parameters,
                                    _("List the objectives with all their fields, section by "
                                      "section in reading order."),
                                    entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  objectives = dup_objectives (strategy);

  if (json)
    {
      g_autoptr(JsonNode) node = objectives_to_json (objectives);

      accord_cli_print_json (node);
      return 0;
    }

  for (guint i = 0; i < objectives->len; i++)
    print_objective (g_ptr_array_index (objectives, i));

  return 0;
}
