/* test-window.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The main window with a strategy in it, driven as a drafter would: the
 * real AccordApplication, real repositories in a temporary folder.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "accord.h"
#include "accord-application.h"
#include "accord-history-view-private.h"
#include "accord-outline.h"
#include "accord-search-panel.h"
#include "accord-new-strategy-dialog-private.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-welcome-page-private.h"
#include "accord-window.h"

static char *test_home;

static void
test_slug (void)
{
  static const struct {
    const char *title;
    const char *slug;
  } cases[] = {
    { "Stratégie numérique 2030", "strategie-numerique-2030" },
    { "  L’Europe & le monde !  ", "l-europe-le-monde" },
    { "???", "strategy" },
    { "", "strategy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = _accord_new_strategy_dialog_slug (cases[i].title);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

static void
test_read_title (void)
{
  g_autofree char *dir = accord_test_make_tmpdir ("accord-title-XXXXXX");
  g_autofree char *file = g_build_filename (dir, "strategy.md", NULL);
  g_autofree char *title = NULL;
  g_autofree char *none = NULL;

  g_assert_true (g_file_set_contents (file, "---\naccord-format: 1\n\ntitle: Stratégie « test »\n"
                                      "---\ntitle: not this one\n", -1, NULL));
  title = _accord_welcome_page_read_title (dir);
  g_assert_cmpstr (title, ==, "Stratégie « test »");

  g_assert_true (g_file_set_contents (file, "no header\ntitle: x\n", -1, NULL));
  none = _accord_welcome_page_read_title (dir);
  g_assert_null (none);

  accord_test_remove_tree (dir);
}

/* The demo is a whole strategy: every view has something to show. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = accord_application_create_demo (&error);
  g_autofree char *second = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *data_dir = g_build_filename (test_home, "data", NULL);
  GListModel *comments;
  guint answered = 0;
  guint replies = 0;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, data_dir));

  repository = accord_repository_open (path, &error);
  g_assert_no_error (error);
  strategy = accord_repository_load (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accord_strategy_get_problems (strategy)->len, ==, 0);
  g_assert_cmpstr (accord_strategy_get_language (strategy), ==, "fr");
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), >=, 8);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_OBJECTIVE), >=, 3);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_OBJECTIVE), <=, 6);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_ROUND), ==, 1);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_COMMENT), >=, 24);

  comments = accord_strategy_get_entities (strategy, ACCORD_ENTITY_COMMENT);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(AccordEntity) comment = g_list_model_get_item (comments, i);

      answered += accord_entity_get_field (comment, "answer") != NULL;
      replies += accord_entity_get_field (comment, "parent") != NULL;
    }
  g_assert_cmpuint (answered, >, 0);
  g_assert_cmpuint (answered, <, g_list_model_get_n_items (comments));
  g_assert_cmpuint (replies, >, 0);

  /* The round was extended by three weeks. */
  {
    g_autoptr(AccordEntity) round = g_list_model_get_item (
      accord_strategy_get_entities (strategy, ACCORD_ENTITY_ROUND), 0);
    const char * const *extensions = accord_entity_get_list (round, "extension");

    g_assert_cmpstr (accord_entity_get_field (round, "status"), ==, "closed");
    g_assert_nonnull (extensions);
    g_assert_true (g_str_has_prefix (extensions[0], accord_entity_get_field (round, "closes")));
  }

  /* Saved, tagged, nothing left unsaved. */
  log = accord_repository_log (repository, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *)
                                  ((AccordRevision *) g_ptr_array_index (log, 0))->tags,
                                  "consultation-2026"));
  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Each time a fresh copy. */
  second = accord_application_create_demo (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, path);
}

/* Running the real application ------------------------------------------ */

typedef struct
{
  AccordApplication *app;
  AccordWindow      *window;
  char              *tmpdir;
} Fixture;

typedef void (*TestBody) (Fixture *fixture);

static void
activated_cb (AccordApplication *app,
              TestBody           body)
{
  Fixture fixture = { app, NULL, NULL };

  fixture.window = ACCORD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  fixture.tmpdir = accord_test_make_tmpdir ("accord-window-XXXXXX");
  accord_test_ui_wait_mapped (GTK_WIDGET (fixture.window));

  body (&fixture);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  accord_test_remove_tree (fixture.tmpdir);
  g_free (fixture.tmpdir);
}

static void
run_in_application (gconstpointer data)
{
  char *argv[] = { (char *) "accord", NULL };
  AccordApplication *app = accord_application_new (G_APPLICATION_NON_UNIQUE);

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), (gpointer) data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

#define template_child(fixture, name) \
  accord_test_ui_template_child ((fixture)->window, ACCORD_TYPE_WINDOW, name)

static AccordDocument *
create_strategy (Fixture    *fixture,
                 const char *title)
{
  GtkWindow *dialog;
  GtkWidget *title_row;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-strategy", NULL);
  dialog = accord_test_ui_wait_toplevel (ACCORD_TYPE_NEW_STRATEGY_DIALOG);
  accord_new_strategy_dialog_set_folder (ACCORD_NEW_STRATEGY_DIALOG (dialog), fixture->tmpdir);
  title_row = accord_test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);

  ACCORD_TEST_WAIT_FOR (accord_window_get_document (fixture->window) != NULL);
  accord_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);

  return accord_window_get_document (fixture->window);
}

static GtkTextBuffer *
section_buffer (Fixture *fixture)
{
  GtkWidget *editor = template_child (fixture, "section_editor");
  GtkWidget *view = accord_test_ui_find (editor, GTK_SOURCE_TYPE_VIEW);

  g_assert_nonnull (view);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static void
type_text (GtkTextBuffer *buffer,
           const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

static guint
count_revisions (AccordDocument *document)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  log = accord_repository_log (accord_document_get_repository (document), NULL, 100, &error);
  g_assert_no_error (error);

  return log->len;
}

static char *
save_revision (Fixture    *fixture,
               const char *message)
{
  GtkEditable *entry = template_child (fixture, "save_message_entry");
  AccordDocument *document = accord_window_get_document (fixture->window);
  guint before = count_revisions (document);
  char *drafted;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);
  ACCORD_TEST_WAIT_FOR (gtk_widget_get_mapped (template_child (fixture, "save_popover")) &&
                        *gtk_editable_get_text (entry) != '\0');
  drafted = g_strdup (gtk_editable_get_text (entry));
  if (message != NULL)
    gtk_editable_set_text (entry, message);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.confirm-save-revision", NULL);

  ACCORD_TEST_WAIT_FOR (!accord_document_get_busy (document));
  g_assert_cmpuint (count_revisions (document), ==, before + 1);
  g_assert_false (accord_document_get_unsaved (document));

  return drafted;
}

static gboolean
is_chosen (GtkFileChooser *chooser,
           GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Picks @folder in the file chooser that should be showing, as a user
 * would (it selects it once it has listed its parent), and accepts it. */
static void
choose_in_file_chooser (const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  GtkWindow *chooser;

  chooser = accord_test_ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  /* The folder it starts in is set as it shows, which can undo a choice
   * made too early: choose until the choice stays. */
  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!is_chosen (GTK_FILE_CHOOSER (chooser), file))
        {
          g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
          g_assert_no_error (error);
        }
      accord_test_ui_spin (200);
    }
  while (!is_chosen (GTK_FILE_CHOOSER (chooser), file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  ACCORD_TEST_WAIT_FOR (accord_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

/* Open… and the New Strategy dialog's folder button both ask for a folder
 * and act on the one chosen. */
static void
test_choose_folder (Fixture *fixture)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie choisie", "fr");
  g_autoptr(AccordRepository) repository = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "choisie", NULL);
  g_autofree char *elsewhere = g_build_filename (fixture->tmpdir, "ailleurs", NULL);
  AccordDocument *document;
  GtkWindow *dialog;
  GtkWidget *folder_row;

#if defined(__SANITIZE_ADDRESS__)
  /* Its tree paths, cancelled reads and failed D-Bus lookups are never
   * freed; the normal build runs this test. */
  g_test_skip ("GTK 4.8's file chooser leaks");
  return;
#endif

  repository = accord_test_create (path, strategy, "Test <test@example.org>", NULL);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open", NULL);
  choose_in_file_chooser (path);
  ACCORD_TEST_WAIT_FOR (accord_window_get_document (fixture->window) != NULL);
  document = accord_window_get_document (fixture->window);
  g_assert_cmpstr (accord_repository_get_path (accord_document_get_repository (document)), ==,
                   path);

  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-strategy", NULL);
  dialog = accord_test_ui_wait_toplevel (ACCORD_TYPE_NEW_STRATEGY_DIALOG);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.choose-folder", NULL);
  choose_in_file_chooser (elsewhere);
  folder_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                         ACCORD_TYPE_NEW_STRATEGY_DIALOG,
                                                         "folder_row"));
  g_assert_nonnull (folder_row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (folder_row)),
                                   elsewhere));
  gtk_window_destroy (dialog);
}

/* The whole story: create a strategy, add a section and an
 * objective, type, save, see it in History, restore an older version of
 * the section, search and jump. */
static void
test_flow (Fixture *fixture)
{
  AccordDocument *document = create_strategy (fixture, "Stratégie de coopération");
  AccordOutline *outline = template_child (fixture, "outline");
  AccordHistoryView *history = template_child (fixture, "history_view");
  AccordSearchPanel *search = template_child (fixture, "search_panel");
  GtkStack *content_stack = template_child (fixture, "content_stack");
  g_autofree char *first_message = NULL;
  g_autofree char *second_revision = NULL;
  g_autofree char *section_id = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  AccordEntity *section;
  AccordEntity *objective;
  GtkTextBuffer *buffer;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Stratégie de coopération");
  g_assert_cmpuint (count_revisions (document), ==, 1);
  g_assert_false (accord_document_get_unsaved (document));

  /* A section, with text typed into it. */
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.add-section", NULL);
  ACCORD_TEST_WAIT_FOR (ACCORD_IS_SECTION (accord_outline_get_selected (outline)));
  section = accord_outline_get_selected (outline);
  section_id = g_strdup (accord_entity_get_id (section));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "section");
  accord_entity_set_field (section, "title", "Principes", NULL);
  buffer = section_buffer (fixture);
  type_text (buffer, "Un internet ouvert et sûr.");
  g_assert_cmpstr (accord_entity_get_field (section, "body"), ==, "Un internet ouvert et sûr.");
  g_assert_true (accord_document_get_unsaved (document));

  /* An objective in it. */
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.add-objective", NULL);
  ACCORD_TEST_WAIT_FOR (ACCORD_IS_OBJECTIVE (accord_outline_get_selected (outline)));
  objective = accord_outline_get_selected (outline);
  g_assert_cmpstr (accord_entity_get_field (objective, "section"), ==, section_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "objective");
  accord_entity_set_field (objective, "code", "O1.1", NULL);

  /* The edits reach the disk by themselves. */
  ACCORD_TEST_WAIT_FOR (!accord_document_get_pending (document));
  file = g_build_filename (accord_document_get_path (document), "sections", NULL);
  g_free (contents);
  {
    g_autofree char *name = g_strconcat (section_id, ".md", NULL);
    g_autofree char *path = g_build_filename (file, name, NULL);

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Un internet ouvert et sûr."));
  }

  /* Save: the message is drafted from what changed. */
  first_message = save_revision (fixture, NULL);
  g_assert_cmpstr (first_message, ==, "Added objective O1.1; added section “Principes”");

  /* A second draft of the section. */
  accord_outline_select (outline, section);
  ACCORD_TEST_WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (content_stack), "section"));
  type_text (section_buffer (fixture), " Et libre.");
  g_free (save_revision (fixture, "Second draft"));
  second_revision = accord_repository_dup_head (accord_document_get_repository (document));

  /* History lists the three revisions. */
  g_object_set (fixture->window, "history-shown", TRUE, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "history");
  ACCORD_TEST_WAIT_FOR (!_accord_history_view_get_busy (history));
  {
    g_auto(GStrv) ids = _accord_history_view_dup_revision_ids (history);

    g_assert_cmpuint (g_strv_length (ids), ==, 3);
    g_assert_cmpstr (ids[0], ==, second_revision);
  }

  /* Restore the section as the first save had it. */
  {
    g_auto(GStrv) ids = _accord_history_view_dup_revision_ids (history);
    GtkListView *outline_list = GTK_LIST_VIEW (gtk_widget_get_template_child (
      GTK_WIDGET (history), ACCORD_TYPE_HISTORY_VIEW, "outline_list"));
    GtkSelectionModel *outline_model = gtk_list_view_get_model (outline_list);
    AccordEntity *restored;

    accord_history_view_select_revision (history, ids[1]);
    ACCORD_TEST_WAIT_FOR (!_accord_history_view_get_busy (history));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (outline_model)); i++)
      {
        g_autoptr(AccordHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (outline_model), i);

        if (g_strcmp0 (entry->entity_id, section_id) == 0)
          gtk_selection_model_select_item (outline_model, i, TRUE);
      }
    gtk_widget_activate_action (GTK_WIDGET (history), "history.restore-entity", NULL);
    ACCORD_TEST_WAIT_FOR (count_revisions (document) == 4);

    /* The window reads the strategy again: the editor shows the old text. */
    restored = accord_strategy_lookup (accord_document_get_strategy (document), section_id);
    ACCORD_TEST_WAIT_FOR (accord_strategy_lookup (accord_document_get_strategy (document),
                                                  section_id) != section);
    restored = accord_strategy_lookup (accord_document_get_strategy (document), section_id);
    g_assert_cmpstr (accord_entity_get_field (restored, "body"), ==, "Un internet ouvert et sûr.");
  }

  /* Search, then jump to the place. */
  g_object_set (fixture->window, "searching", TRUE, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (fixture, "sidebar_stack")),
                   ==, "search");
  {
    GtkWidget *entry = accord_test_ui_find (GTK_WIDGET (search), GTK_TYPE_SEARCH_ENTRY);
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    gtk_editable_set_text (GTK_EDITABLE (entry), "ouvert");
    ACCORD_TEST_WAIT_FOR (g_strcmp0 (accord_search_panel_get_query (search), "ouvert") == 0);
    g_signal_emit_by_name (entry, "activate");

    ACCORD_TEST_WAIT_FOR (ACCORD_IS_SECTION (accord_outline_get_selected (outline)));
    g_assert_cmpstr (accord_entity_get_id (accord_outline_get_selected (outline)), ==, section_id);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "section");
    buffer = section_buffer (fixture);
    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (selected, ==, "ouvert");
  }

  /* Discard: after asking, the strategy goes back to its last revision. */
  {
    AccordStrategy *before = accord_document_get_strategy (document);
    GtkWindow *dialog;

    type_text (section_buffer (fixture), " Brouillon à jeter.");
    g_assert_true (accord_document_get_unsaved (document));
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.discard-changes", NULL);
    dialog = accord_test_ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");

    ACCORD_TEST_WAIT_FOR (accord_document_get_strategy (document) != before);
    g_assert_false (accord_document_get_unsaved (document));
    g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (
                       accord_document_get_strategy (document), section_id), "body"),
                     ==, "Un internet ouvert et sûr.");
    g_assert_cmpuint (count_revisions (document), ==, 4);
  }
}

/* The demo in the window: what the screenshots in data/screenshots show,
 * and a check that each view has something in it. */
static void
test_demo_views (Fixture *fixture)
{
  AccordOutline *outline = template_child (fixture, "outline");
  AccordHistoryView *history = template_child (fixture, "history_view");
  GtkStack *content_stack = template_child (fixture, "content_stack");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = accord_application_create_demo (&error);
  AccordDocument *document;
  AccordStrategy *strategy;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  accord_window_open (fixture->window, demo);
  ACCORD_TEST_WAIT_FOR (accord_window_get_document (fixture->window) != NULL);
  document = accord_window_get_document (fixture->window);
  strategy = accord_document_get_strategy (document);
  g_assert_false (accord_document_get_recovered (document));

  /* It opens on the first section, which has text. */
  g_assert_true (ACCORD_IS_SECTION (accord_outline_get_selected (outline)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "section");

  accord_outline_select (outline, accord_strategy_lookup (strategy, "s-principes"));
  ACCORD_TEST_WAIT_FOR (g_str_equal (accord_entity_get_id (accord_outline_get_selected (outline)),
                                     "s-principes"));
  accord_test_ui_spin (300);
  accord_test_ui_save_png (GTK_WIDGET (fixture->window), "main-window");
  accord_test_ui_assert_accessible (GTK_WIDGET (fixture->window));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  accord_test_ui_spin (300);
  accord_test_ui_save_png (GTK_WIDGET (fixture->window), "main-window-dark");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  accord_outline_select (outline, accord_strategy_lookup (strategy, "o-connectivite"));
  ACCORD_TEST_WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (content_stack),
                                     "objective"));
  accord_test_ui_spin (300);
  accord_test_ui_save_png (GTK_WIDGET (fixture->window), "objective-form");
  accord_test_ui_assert_accessible (GTK_WIDGET (fixture->window));

  g_object_set (fixture->window, "history-shown", TRUE, NULL);
  ACCORD_TEST_WAIT_FOR (!_accord_history_view_get_busy (history));
  {
    g_auto(GStrv) ids = _accord_history_view_dup_revision_ids (history);

    g_assert_cmpuint (g_strv_length (ids), ==, 1);
    accord_history_view_select_revision (history, ids[0]);
  }
  ACCORD_TEST_WAIT_FOR (!_accord_history_view_get_busy (history));
  accord_test_ui_spin (300);
  accord_test_ui_save_png (GTK_WIDGET (fixture->window), "history");
  accord_test_ui_assert_accessible (GTK_WIDGET (fixture->window));

  /* On a narrow window the outline and the editor take turns. */
  {
    AdwLeaflet *leaflet = template_child (fixture, "leaflet");
    GtkWidget *list = accord_test_ui_find (GTK_WIDGET (outline), GTK_TYPE_LIST_VIEW);
    AccordEntity *section = accord_strategy_lookup (strategy, "s-contexte");

    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
    ACCORD_TEST_WAIT_FOR (adw_leaflet_get_folded (leaflet));
    g_assert_true (gtk_list_view_get_single_click_activate (GTK_LIST_VIEW (list)));

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-outline", NULL);
    g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (fixture, "sidebar"));
    g_signal_emit_by_name (outline, "entity-activated", section);
    g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (fixture, "content"));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "section");

    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
    ACCORD_TEST_WAIT_FOR (!adw_leaflet_get_folded (leaflet));
    g_assert_false (gtk_list_view_get_single_click_activate (GTK_LIST_VIEW (list)));
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  int status;

  /* GLib reads these once: before anything asks. */
  test_home = accord_test_make_tmpdir ("accord-window-home-XXXXXX");
  data = g_build_filename (test_home, "data", NULL);
  config = g_build_filename (test_home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  /* libadwaita 1.2 drops a render node when a leaflet's transition is
   * cut short by the next frame; the tests do not need the animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/accord/window/slug", test_slug);
  g_test_add_func ("/accord/window/read-title", test_read_title);
  g_test_add_func ("/accord/window/demo", test_demo);
  g_test_add_data_func ("/accord/window/flow", test_flow, run_in_application);
  g_test_add_data_func ("/accord/window/demo-views", test_demo_views, run_in_application);
  g_test_add_data_func ("/accord/window/choose-folder", test_choose_folder, run_in_application);

  status = g_test_run ();
  accord_test_remove_tree (test_home);

  return status;
}
