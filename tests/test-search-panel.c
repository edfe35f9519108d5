/* test-search-panel.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-search-panel.h"

#define AUTHOR "Ana Lima <ana@example.org>"

typedef struct
{
  char              *tmpdir;
  AccordRepository  *repository;
  AccordWorkspace   *workspace;
  AccordStrategy    *strategy;

  GtkWidget         *window;
  AccordSearchPanel *panel;
  GtkWidget         *entry;
  GtkListBox        *list;
  GtkStack          *stack;
  GtkLabel          *count;

  char              *section_id;
  char              *subsection_id;
  char              *objective_id;
  char              *comment_id;

  guint              n_activated;
  char              *activated_id;
  char              *activated_query;
  guint              n_stopped;
} Fixture;

/* A strategy written to a new repository, then read back through a
 * workspace, which indexes it. */
static void
make_strategy (Fixture *fixture)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie numérique internationale",
                                                            "fr");
  g_autofree char *path = g_build_filename (fixture->tmpdir, "strategy", NULL);
  g_autoptr(GError) error = NULL;
  AccordEntity *section, *subsection, *objective, *round, *participant, *comment;

  fixture->repository = accord_test_create (path, strategy, AUTHOR, NULL);

  section = accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL,
                             "title", "Principes", "order", "i",
                             "body", "Nous défendons une stratégie ouverte, libre et sûre.", NULL);
  subsection = accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL,
                                "parent", accord_entity_get_id (section), "order", "i",
                                "title", "Données & <ouverture>",
                                "body", "Les données publiques < 10 ans & plus.", NULL);
  objective = accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, NULL,
                               "section", accord_entity_get_id (section), "order", "i",
                               "code", "O1.1", "title", "Connectivité des partenaires",
                               "description", "Une stratégie pour relier les réseaux.", NULL);
  /* Text holding the very characters the panel asks the workspace to mark
   * matches with. */
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL,
                   "title", "Zones \xee\x80\x81rurales\xee\x80\x80 isolées",
                   "order", "r", NULL);
  round = accord_test_add (strategy, ACCORD_ENTITY_ROUND, NULL, "title", "Premier tour", NULL);
  participant = accord_test_add (strategy, ACCORD_ENTITY_PARTICIPANT, NULL,
                                 "name", "Zoé Martin", NULL);
  comment = accord_test_add (strategy, ACCORD_ENTITY_COMMENT, NULL,
                             "round", accord_entity_get_id (round),
                             "target", accord_entity_get_id (objective),
                             "author", accord_entity_get_id (participant),
                             "body", "Cette stratégie mérite un indicateur rural.", NULL);

  fixture->section_id = g_strdup (accord_entity_get_id (section));
  fixture->subsection_id = g_strdup (accord_entity_get_id (subsection));
  fixture->objective_id = g_strdup (accord_entity_get_id (objective));
  fixture->comment_id = g_strdup (accord_entity_get_id (comment));

  accord_repository_write (fixture->repository, strategy, &error);
  g_assert_no_error (error);

  fixture->workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  fixture->strategy = accord_workspace_load (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accord_strategy_lookup (fixture->strategy, fixture->comment_id));
}

static void
result_activated_cb (AccordSearchPanel *panel,
                     const char        *entity_id,
                     const char        *query,
                     Fixture           *fixture)
{
  fixture->n_activated++;
  g_free (fixture->activated_id);
  fixture->activated_id = g_strdup (entity_id);
  g_free (fixture->activated_query);
  fixture->activated_query = g_strdup (query);
}

static void
stop_search_cb (AccordSearchPanel *panel,
                Fixture           *fixture)
{
  fixture->n_stopped++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->tmpdir = accord_test_make_tmpdir ("accord-search-panel-XXXXXX");
  make_strategy (fixture);

  fixture->panel = ACCORD_SEARCH_PANEL (accord_search_panel_new ());
  g_object_ref_sink (fixture->panel);
  g_signal_connect (fixture->panel, "result-activated", G_CALLBACK (result_activated_cb), fixture);
  g_signal_connect (fixture->panel, "stop-search", G_CALLBACK (stop_search_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 320, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->panel));
  gtk_window_present (GTK_WINDOW (fixture->window));
  accord_test_ui_wait_mapped (fixture->window);

  fixture->entry = accord_test_ui_find (GTK_WIDGET (fixture->panel), GTK_TYPE_SEARCH_ENTRY);
  fixture->list = GTK_LIST_BOX (accord_test_ui_find (GTK_WIDGET (fixture->panel),
                                                     GTK_TYPE_LIST_BOX));
  fixture->stack = GTK_STACK (accord_test_ui_find (GTK_WIDGET (fixture->panel), GTK_TYPE_STACK));
  fixture->count = GTK_LABEL (accord_test_ui_find_with_class (GTK_WIDGET (fixture->panel),
                                                              GTK_TYPE_LABEL, "search-count"));
  g_assert_nonnull (fixture->entry);
  g_assert_nonnull (fixture->list);
  g_assert_nonnull (fixture->stack);
  g_assert_nonnull (fixture->count);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->panel);

  g_assert_finalize_object (fixture->strategy);
  g_assert_finalize_object (fixture->workspace);
  g_assert_finalize_object (fixture->repository);
  accord_test_remove_tree (fixture->tmpdir);

  g_clear_pointer (&fixture->tmpdir, g_free);
  g_clear_pointer (&fixture->section_id, g_free);
  g_clear_pointer (&fixture->subsection_id, g_free);
  g_clear_pointer (&fixture->objective_id, g_free);
  g_clear_pointer (&fixture->comment_id, g_free);
  g_clear_pointer (&fixture->activated_id, g_free);
  g_clear_pointer (&fixture->activated_query, g_free);
}

static void
attach (Fixture *fixture)
{
  accord_search_panel_set_repository (fixture->panel, fixture->repository);
  accord_search_panel_set_strategy (fixture->panel, fixture->strategy);
  g_assert_true (accord_search_panel_get_repository (fixture->panel) == fixture->repository);
}

/* Types @text as the user would and waits until the panel has searched
 * for it, after the entry's delay. */
static void
type_query (Fixture    *fixture,
            const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), text);

  while (g_strcmp0 (accord_search_panel_get_query (fixture->panel), text) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* Let the new rows be laid out and mapped. */
  accord_test_ui_wait_frames (fixture->window, 2);
}

/* Waits for the search under way, which runs in a worker. */
static void
wait_searched (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (accord_search_panel_get_searching (fixture->panel))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (fixture->stack);
}

static const char *
visible_status_title (Fixture *fixture)
{
  GtkWidget *page = gtk_stack_get_visible_child (fixture->stack);

  g_assert_true (ADW_IS_STATUS_PAGE (page));

  return adw_status_page_get_title (ADW_STATUS_PAGE (page));
}

static guint
count_rows (Fixture *fixture)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (fixture->list, n) != NULL)
    n++;

  return n;
}

static GtkListBoxRow *
row_at (Fixture *fixture,
        guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (fixture->list, index);

  g_assert_nonnull (row);

  return row;
}

static GtkLabel *
row_label (GtkListBoxRow *row,
           const char    *css_class)
{
  return GTK_LABEL (accord_test_ui_find_with_class (GTK_WIDGET (row), GTK_TYPE_LABEL, css_class));
}

/* The row whose title reads @title, without its markup. */
static GtkListBoxRow *
find_row (Fixture    *fixture,
          const char *title)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (fixture->list, i)) != NULL; i++)
    {
      GtkLabel *label = row_label (row, "search-title");

      g_assert_nonnull (label);
      if (g_str_equal (gtk_label_get_text (label), title))
        return row;
    }

  g_error ("No result titled “%s”", title);
}

static const char *
row_markup (GtkListBoxRow *row,
            const char    *css_class)
{
  GtkLabel *label = row_label (row, css_class);

  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_use_markup (label));

  return gtk_label_get_label (label);
}

static void
test_states (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *placeholder = NULL;

  /* Without a workspace the panel only invites a search. */
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_cmpstr (visible_status_title (fixture), ==, "Search the Strategy");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "");
  g_object_get (fixture->entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Search sections, objectives and comments");

  attach (fixture);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->count)));

  type_query (fixture, "xyzzy");
  g_assert_cmpstr (visible_page (fixture), ==, "no-results");
  g_assert_cmpstr (visible_status_title (fixture), ==, "No Results");
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->count)));

  type_query (fixture, "partenaires");
  g_assert_cmpstr (visible_page (fixture), ==, "results");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->count)));
  g_assert_cmpstr (gtk_label_get_label (fixture->count), ==, "1 result");

  /* Blanks are no query. */
  type_query (fixture, "  ");
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_cmpuint (count_rows (fixture), ==, 0);

  type_query (fixture, "");
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_cmpstr (visible_status_title (fixture), ==, "Search the Strategy");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->count)));

  /* Taking the repository away leaves the query but no results. */
  type_query (fixture, "partenaires");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  accord_search_panel_set_repository (fixture->panel, NULL);
  g_assert_null (accord_search_panel_get_repository (fixture->panel));
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_cmpuint (count_rows (fixture), ==, 0);
}

/* "strategie" finds "stratégie" in a title, two texts and a comment, and
 * each row shows the match in bold, the snippet and the place. */
static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  GtkListBoxRow *row;

  attach (fixture);
  type_query (fixture, "strategie");

  g_assert_cmpstr (visible_page (fixture), ==, "results");
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  g_assert_cmpstr (gtk_label_get_label (fixture->count), ==, "4 results");

  /* Titles weigh more: the strategy comes first. */
  row = row_at (fixture, 0);
  g_assert_cmpstr (row_markup (row, "search-title"), ==,
                   "<b>Stratégie</b> numérique internationale");

  row = find_row (fixture, "Principes");
  g_assert_cmpstr (row_markup (row, "search-title"), ==, "Principes");
  g_assert_nonnull (strstr (row_markup (row, "search-snippet"), "une <b>stratégie</b> ouverte"));
  g_assert_cmpstr (gtk_label_get_text (row_label (row, "search-place")), ==,
                   "Stratégie numérique internationale");

  row = find_row (fixture, "Connectivité des partenaires");
  g_assert_nonnull (strstr (row_markup (row, "search-snippet"), "Une <b>stratégie</b> pour"));
  g_assert_cmpstr (gtk_label_get_text (row_label (row, "search-place")), ==, "O1.1 · Principes");

  row = find_row (fixture, "Comment by Zoé Martin");
  g_assert_nonnull (strstr (row_markup (row, "search-snippet"), "Cette <b>stratégie</b> mérite"));
  g_assert_cmpstr (gtk_label_get_text (row_label (row, "search-place")), ==,
                   "On “O1.1 Connectivité des partenaires”");


  /* The last word is a prefix, and several words must all match. */
  type_query (fixture, "strategie ouv");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  row = row_at (fixture, 0);
  g_assert_cmpstr (gtk_label_get_text (row_label (row, "search-title")), ==, "Principes");
  g_assert_nonnull (strstr (row_markup (row, "search-snippet"),
                            "<b>stratégie</b> <b>ouverte</b>"));
}

/* Titles and texts are raw text: "<" and "&" in them are escaped, and the
 * markup stays valid (an invalid one would be a warning, fatal here). */
static void
test_markup_escaped (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkListBoxRow *row;

  attach (fixture);
  type_query (fixture, "donnees");

  g_assert_cmpuint (count_rows (fixture), ==, 1);
  row = row_at (fixture, 0);
  g_assert_cmpstr (row_markup (row, "search-title"), ==,
                   "<b>Données</b> &amp; &lt;ouverture&gt;");
  g_assert_cmpstr (gtk_label_get_text (row_label (row, "search-title")), ==,
                   "Données & <ouverture>");
  g_assert_cmpstr (row_markup (row, "search-snippet"), ==,
                   "Les <b>données</b> publiques &lt; 10 ans &amp; plus.");
  /* A sub-section's place is its parent section. */
  g_assert_cmpstr (gtk_label_get_text (row_label (row, "search-place")), ==, "Principes");

  type_query (fixture, "ouverture");
  row = find_row (fixture, "Données & <ouverture>");
  g_assert_cmpstr (row_markup (row, "search-title"), ==,
                   "Données &amp; &lt;<b>ouverture</b>&gt;");

  /* Marks in the text itself cannot unbalance the markup. */
  type_query (fixture, "isolees");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  row = row_at (fixture, 0);
  g_assert_cmpstr (row_markup (row, "search-title"), ==, "Zones rurales<b> isolées</b>");
  g_assert_null (row_label (row, "search-snippet"));
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListBoxRow *row;

  attach (fixture);

  /* Enter in the entry opens the best result. */
  type_query (fixture, "connectivite");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_signal_emit_by_name (fixture->entry, "activate");
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpstr (fixture->activated_id, ==, fixture->objective_id);
  g_assert_cmpstr (fixture->activated_query, ==, "connectivite");

  /* Activating a row opens it. */
  type_query (fixture, "strategie");
  row = find_row (fixture, "Comment by Zoé Martin");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpuint (fixture->n_activated, ==, 2);
  g_assert_cmpstr (fixture->activated_id, ==, fixture->comment_id);
  g_assert_cmpstr (fixture->activated_query, ==, "strategie");

  /* Enter opens the selected row rather than the first. */
  row = find_row (fixture, "Principes");
  g_assert_cmpint (gtk_list_box_row_get_index (row), >, 0);
  gtk_list_box_select_row (fixture->list, row);
  g_signal_emit_by_name (fixture->entry, "activate");
  g_assert_cmpuint (fixture->n_activated, ==, 3);
  g_assert_cmpstr (fixture->activated_id, ==, fixture->section_id);

  /* Enter before the entry's delay searches for what is typed. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "donnees");
  g_signal_emit_by_name (fixture->entry, "activate");
  wait_searched (fixture);
  g_assert_cmpuint (fixture->n_activated, ==, 4);
  g_assert_cmpstr (fixture->activated_id, ==, fixture->subsection_id);
  g_assert_cmpstr (fixture->activated_query, ==, "donnees");

  /* Without results Enter does nothing. */
  type_query (fixture, "xyzzy");
  g_signal_emit_by_name (fixture->entry, "activate");
  g_assert_cmpuint (fixture->n_activated, ==, 4);
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "accord-search-panel-keys") == 0)
        return controller;
    }

  g_error ("The entry has no key controller");
}

static gboolean
press_key (GtkWidget *entry,
           guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_key_controller (entry), "key-pressed", keyval, 0, 0, &handled);

  return handled;
}

/* Down goes from the entry to the results, Up from the first result back;
 * Escape stops the search. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkShortcutAction *action;
  GtkWidget *focus;
  GtkListBoxRow *first;
  int start = -1, end = -1;

  attach (fixture);

  /* Down with nothing to go to stays in the entry. */
  accord_search_panel_focus_entry (fixture->panel);
  g_assert_false (press_key (fixture->entry, GDK_KEY_Down));

  type_query (fixture, "strategie");
  accord_search_panel_focus_entry (fixture->panel);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, fixture->entry));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (fixture->entry), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, strlen ("strategie"));

  g_assert_false (press_key (fixture->entry, GDK_KEY_Up));
  g_assert_true (press_key (fixture->entry, GDK_KEY_Down));
  first = row_at (fixture, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (first));
  g_assert_true (gtk_list_box_get_selected_row (fixture->list) == first);

  /* Moving up from the first row returns to the entry. */
  g_assert_true (gtk_widget_keynav_failed (GTK_WIDGET (fixture->list), GTK_DIR_UP));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, fixture->entry));

  /* Escape in the entry, which GtkSearchEntry turns into stop-search
   * before the event reaches the panel. */
  action = gtk_shortcut_get_action (accord_test_ui_find_shortcut (fixture->entry, "Escape"));
  g_assert_true (GTK_IS_SIGNAL_ACTION (action));
  g_assert_cmpstr (gtk_signal_action_get_signal_name (GTK_SIGNAL_ACTION (action)), ==,
                   "stop-search");
  g_assert_cmpuint (fixture->n_stopped, ==, 0);
  g_assert_true (gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               fixture->entry, NULL));
  g_assert_cmpuint (fixture->n_stopped, ==, 1);

  /* Escape in the results. */
  action = gtk_shortcut_get_action (accord_test_ui_find_shortcut (GTK_WIDGET (fixture->panel),
                                                                   "Escape"));
  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               GTK_WIDGET (fixture->panel), NULL));
  g_assert_cmpuint (fixture->n_stopped, ==, 2);
  g_assert_cmpuint (fixture->n_activated, ==, 0);
}

/* Quotes, stars, dashes and FTS5 operators typed by the user are words or
 * nothing, never a syntax error. */
static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *queries[] = {
    "\"", "*", "a OR", "-x", "(", ")", "\"strat", "strat*", "NEAR(a b)", "title:principes",
    "^principes", "a AND NOT b", "{", "'", "\xee\x80\x80", "\xee\x80\x81 principes",
  };

  attach (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_test_message ("query: %s", queries[i]);
      type_query (fixture, queries[i]);
      g_assert_cmpstr (visible_page (fixture), !=, "error");
      g_assert_cmpstr (visible_page (fixture), !=, "empty");
    }

  /* Words among the operators are still found. */
  type_query (fixture, "\"principes\" -");
  g_assert_cmpstr (visible_page (fixture), ==, "results");
  type_query (fixture, "(connectivité)");
  g_assert_cmpstr (visible_page (fixture), ==, "results");
  g_assert_cmpstr (gtk_label_get_text (row_label (row_at (fixture, 0), "search-title")), ==,
                   "Connectivité des partenaires");
}

static void
change_workspace (Fixture    *fixture,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (accord_workspace_get_path (fixture->workspace), &db), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A damaged workspace is rebuilt and searched again; one this version
 * cannot use shows why. */
static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *page;
  const char *description;

  attach (fixture);
  type_query (fixture, "strategie");
  g_assert_cmpuint (count_rows (fixture), ==, 4);

  change_workspace (fixture, "DROP TABLE search");
  accord_search_panel_refresh (fixture->panel);
  wait_searched (fixture);
  g_assert_cmpstr (visible_page (fixture), ==, "results");
  g_assert_cmpuint (count_rows (fixture), ==, 4);

  change_workspace (fixture, "PRAGMA user_version = 99");
  accord_search_panel_refresh (fixture->panel);
  wait_searched (fixture);

  g_assert_cmpstr (visible_page (fixture), ==, "error");
  g_assert_cmpstr (visible_status_title (fixture), ==, "Search Failed");
  page = gtk_stack_get_visible_child (fixture->stack);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_assert_nonnull (strstr (description, "newer version of Accord"));
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->count)));
}

/* After the index changes, refresh shows the new text and keeps the
 * selected result selected. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AccordStrategy) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  AccordEntity *section;

  attach (fixture);
  type_query (fixture, "strategie");
  row = find_row (fixture, "Principes");
  gtk_list_box_select_row (fixture->list, row);

  section = accord_strategy_lookup (fixture->strategy, fixture->section_id);
  accord_entity_set_field (section, "title", "Principes & valeurs", &error);
  g_assert_no_error (error);
  accord_repository_write (fixture->repository, fixture->strategy, &error);
  g_assert_no_error (error);
  reloaded = accord_workspace_load (fixture->workspace, &error);
  g_assert_no_error (error);

  /* Rows are not rebuilt until asked. */
  g_assert_true (row_at (fixture, gtk_list_box_row_get_index (row)) == row);

  accord_search_panel_set_strategy (fixture->panel, reloaded);
  accord_search_panel_refresh (fixture->panel);
  wait_searched (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  row = find_row (fixture, "Principes & valeurs");
  g_assert_true (gtk_list_box_get_selected_row (fixture->list) == row);
  g_assert_cmpstr (row_markup (row, "search-title"), ==, "Principes &amp; valeurs");

  /* The objective's place follows its section's new title. */
  row = find_row (fixture, "Connectivité des partenaires");
  g_assert_cmpstr (gtk_label_get_text (row_label (row, "search-place")), ==,
                   "O1.1 · Principes & valeurs");
  g_assert_cmpstr (gtk_label_get_label (row_label (row, "search-place")), ==,
                   "O1.1 · Principes &amp; valeurs");

  accord_search_panel_set_strategy (fixture->panel, NULL);
  g_assert_null (accord_search_panel_get_strategy (fixture->panel));
  row = find_row (fixture, "Connectivité des partenaires");
  g_assert_null (row_label (row, "search-place"));
  /* A comment without the strategy to name its author. */
  g_assert_nonnull (find_row (fixture, "Comment"));
}

/* No more than 50 results are shown, and the count says there are more. */
static void
test_many_results (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AccordStrategy) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Jalon numéro %u", i);
      g_autofree char *order = g_strdup_printf ("k%c%c", 'b' + i / 20, 'b' + i % 20);

      accord_test_add (fixture->strategy, ACCORD_ENTITY_OBJECTIVE, NULL,
                       "section", fixture->section_id, "order", order, "title", title, NULL);
    }
  accord_repository_write (fixture->repository, fixture->strategy, &error);
  g_assert_no_error (error);
  reloaded = accord_workspace_load (fixture->workspace, &error);
  g_assert_no_error (error);

  attach (fixture);
  type_query (fixture, "jalon");
  g_assert_cmpuint (count_rows (fixture), ==, 50);
  g_assert_cmpstr (gtk_label_get_label (fixture->count), ==,
                   "The first 50 results; add words to narrow the search");

  type_query (fixture, "jalon 7");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (fixture->count), ==, "1 result");
}

/* Properties notify once per change, and not when set to the same value. */
static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autofree char *query = NULL;
  guint n_repository = 0, n_strategy = 0, n_query = 0;

  accord_test_count_signal (fixture->panel, "notify::repository", &n_repository);
  accord_test_count_signal (fixture->panel, "notify::strategy", &n_strategy);
  accord_test_count_signal (fixture->panel, "notify::query", &n_query);

  g_object_set (fixture->panel,
                "repository", fixture->repository,
                "strategy", fixture->strategy,
                NULL);
  g_object_set (fixture->panel,
                "repository", fixture->repository,
                "strategy", fixture->strategy,
                NULL);
  g_assert_cmpuint (n_repository, ==, 1);
  g_assert_cmpuint (n_strategy, ==, 1);

  g_object_get (fixture->panel,
                "repository", &repository,
                "strategy", &strategy,
                "query", &query,
                NULL);
  g_assert_true (repository == fixture->repository);
  g_assert_true (strategy == fixture->strategy);
  g_assert_cmpstr (query, ==, "");
  g_clear_pointer (&query, g_free);

  type_query (fixture, "principes");
  g_assert_cmpuint (n_query, ==, 1);
  g_object_get (fixture->panel, "query", &query, NULL);
  g_assert_cmpstr (query, ==, "principes");

  /* Running the same query again changes nothing. */
  accord_search_panel_refresh (fixture->panel);
  g_assert_cmpuint (n_query, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  ACCORD_TEST_ADD ("/accord/search-panel/states", test_states);
  ACCORD_TEST_ADD ("/accord/search-panel/results", test_results);
  ACCORD_TEST_ADD ("/accord/search-panel/markup-escaped", test_markup_escaped);
  ACCORD_TEST_ADD ("/accord/search-panel/activate", test_activate);
  ACCORD_TEST_ADD ("/accord/search-panel/keyboard", test_keyboard);
  ACCORD_TEST_ADD ("/accord/search-panel/hostile-queries", test_hostile_queries);
  ACCORD_TEST_ADD ("/accord/search-panel/error", test_error);
  ACCORD_TEST_ADD ("/accord/search-panel/many-results", test_many_results);
  ACCORD_TEST_ADD ("/accord/search-panel/refresh", test_refresh);
  ACCORD_TEST_ADD ("/accord/search-panel/properties", test_properties);


  return g_test_run ();
}
