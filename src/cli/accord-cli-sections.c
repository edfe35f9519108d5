/* accord-cli-sections.c
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

static JsonNode *
outline_to_json (AccordStrategy *strategy,
                 GPtrArray      *outline)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);

  for (guint i = 0; i < outline->len; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);

      json_builder_begin_object (builder);
      accord_cli_json_add_string (builder, "id", accord_entity_get_id (ACCORD_ENTITY (section)));
      accord_cli_json_add_string (builder, "parent", accord_section_get_parent (section));
      json_builder_set_member_name (builder, "depth");
      json_builder_add_int_value (builder, accord_strategy_get_depth (strategy, section));
      accord_cli_json_add_string (builder, "title", accord_section_get_title (section));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
print_outline (AccordStrategy *strategy,
               GPtrArray      *outline)
{
  g_autoptr(GPtrArray) table = accord_cli_table_new ();

  for (guint i = 0; i < outline->len; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);
      guint depth = accord_strategy_get_depth (strategy, section);
      const char *title = accord_section_get_title (section);
      g_autofree char *indented = g_strdup_printf ("%*s%s", (int) depth * 2, "",
                                                   title != NULL ? title : "");

      accord_cli_table_add (table, accord_entity_get_id (ACCORD_ENTITY (section)), indented, NULL);
    }

  accord_cli_print_table (table);
}

/*
 * accord-cli sections DIR [--json]
 *
 * Lists the sections in reading order, sub-sections indented under their
 * parent.
 */
int
accord_cli_cmd_sections (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) outline = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR");
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = accord_cli_context_new (parameters, _("List the sections in reading order."), entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  repository = accord_cli_open (argv[1], &strategy, &error);
  if (repository == NULL)
    return accord_cli_fail (error);

  outline = accord_strategy_dup_outline (strategy);

  if (json)
    {
      g_autoptr(JsonNode) node = outline_to_json (strategy, outline);

      accord_cli_print_json (node);
    }
  else
    print_outline (strategy, outline);

  return 0;
}
