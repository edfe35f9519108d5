/* accord-cli-search.c
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

/* Matched words are marked as Markdown emphasis, which reads well in a
 * terminal and in any Markdown view of the JSON. */
#define MARK_START "**"
#define MARK_END "**"

static JsonNode *
hits_to_json (GPtrArray *hits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);

  for (guint i = 0; i < hits->len; i++)
    {
      AccordSearchHit *hit = g_ptr_array_index (hits, i);

      json_builder_begin_object (builder);
      accord_cli_json_add_string (builder, "id", hit->id);
      accord_cli_json_add_string (builder, "kind", accord_entity_kind_to_string (hit->kind));
      accord_cli_json_add_string (builder, "title", hit->title);
      accord_cli_json_add_string (builder, "snippet", hit->snippet);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_double_value (builder, hit->rank);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* One line per hit, then its snippet on one indented line. */
static void
print_hits (GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      AccordSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *snippet = g_strdup (hit->snippet != NULL ? hit->snippet : "");

      g_strdelimit (snippet, "\n\r\t", ' ');
      g_print ("%s %s  %s\n", accord_entity_kind_to_string (hit->kind), hit->id,
               hit->title != NULL && *hit->title != '\0' ? hit->title : "—");
      if (*g_strstrip (snippet) != '\0')
        g_print ("    %s\n", snippet);
    }
}

/*
 * accord-cli search DIR QUERY [--json] [-n N]
 *
 * Searches titles and texts through the workspace's full-text index,
 * ignoring case and accents; the best matches come first.
 */
int
accord_cli_cmd_search (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR QUERY");
  gboolean json = FALSE;
  int limit = 20;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "max-count", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N results (20)"), N_("N") },
    { NULL }
  };

  context = accord_cli_context_new (parameters, _("Search sections, objectives and comments."),
                                    entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 2, parameters)) != 0)
    return status;

  if (limit <= 0)
    return accord_cli_usage_error (context, _("--max-count must be a positive number"));

  if (!(repository = accord_repository_open (argv[1], &error)) ||
      !(workspace = accord_workspace_open (repository, &error)) ||
      !(strategy = accord_workspace_load (workspace, &error)) ||
      !(hits = accord_workspace_search (workspace, argv[2], MARK_START, MARK_END, limit, &error)))
    return accord_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = hits_to_json (hits);

      accord_cli_print_json (node);
    }
  else
    print_hits (hits);

  return 0;
}
