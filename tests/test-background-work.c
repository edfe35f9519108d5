/* test-background-work.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What runs off the main thread: saving a revision, discarding, reading
 * the strategy again, searching. The drafter may type meanwhile; what
 * they type is kept, written once the worker is done, and never in a
 * revision saved before it was typed.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "accord.h"
#include "accord-document.h"
#include "accord-search-panel.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-window.h"

#define AUTHOR "Alice Martin <alice@example.org>"
#define FIRST_BODY "Premier texte de la stratégie.\n"

typedef struct
{
  char             *tmpdir;
  char             *path;
  AccordRepository *repository;   /* the test's own, to look at what was saved */
  AccordDocument   *document;
} Fixture;

typedef struct
{
  gboolean  done;
  char     *revision;
  GError   *error;
} Outcome;

static void
set (AccordEntity *entity,
     const char   *field,
     const char   *value)
{
  g_autoptr(GError) error = NULL;

  if (!accord_entity_set_field (entity, field, value, &error))
    g_error ("Could not set %s: %s", field, error->message);
}

static void
add_section (AccordStrategy *strategy,
             const char     *id,
             const char     *order,
             const char     *title,
             const char     *body)
{
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, id);
  g_autoptr(GError) error = NULL;

  set (section, "order", order);
  set (section, "title", title);
  set (section, "body", body);
  g_assert_true (accord_strategy_add (strategy, section, &error));
  g_assert_no_error (error);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AccordDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = accord_document_open_finish (result, &error);
  g_assert_no_error (error);
}

/* A strategy of two sections, saved, and open in a document. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie numérique", "fr");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  g_settings_set_string (settings, "author-name", "Bob Durand");
  g_settings_set_string (settings, "author-email", "bob@example.org");

  fixture->tmpdir = accord_test_make_tmpdir ("accord-background-work-XXXXXX");
  fixture->path = g_build_filename (fixture->tmpdir, "strategy", NULL);
  add_section (strategy, "s-un", "i", "Un", FIRST_BODY);
  add_section (strategy, "s-deux", "r", "Deux", "Deuxième texte.\n");
  fixture->repository = accord_repository_create (fixture->path, strategy, AUTHOR, "Create",
                                                  &error);
  g_assert_no_error (error);

  accord_document_open_async (fixture->path, NULL, opened_cb, &fixture->document);
  ACCORD_TEST_WAIT_FOR (fixture->document != NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->document != NULL)
    {
      ACCORD_TEST_WAIT_FOR (!accord_document_get_busy (fixture->document));
      accord_document_close (fixture->document);
    }
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->repository);
  accord_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static AccordEntity *
lookup (Fixture    *fixture,
        const char *id)
{
  AccordEntity *entity = accord_strategy_lookup (accord_document_get_strategy (fixture->document),
                                                 id);

  g_assert_nonnull (entity);

  return entity;
}

static char *
read_work_file (Fixture    *fixture,
                const char *id)
{
  g_autofree char *name = g_strconcat (id, ".md", NULL);
  g_autofree char *file = g_build_filename (fixture->path, "sections", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (file, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* @field of the entity @id in @revision, as the test's own repository
 * reads it. */
static char *
dup_saved_field (Fixture    *fixture,
                 const char *revision,
                 const char *id,
                 const char *field)
{
  g_autoptr(AccordStrategy) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = accord_repository_load_revision (fixture->repository, revision, &error);
  g_assert_no_error (error);

  return g_strdup (accord_entity_get_field (accord_strategy_lookup (saved, id), field));
}

static void
assert_saved (Fixture    *fixture,
              const char *revision,
              const char *id,
              const char *field,
              const char *expected)
{
  g_autofree char *value = dup_saved_field (fixture, revision, id, field);

  g_assert_cmpstr (value, ==, expected);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->revision = accord_document_save_revision_finish (ACCORD_DOCUMENT (object), result,
                                                            &outcome->error);
  outcome->done = TRUE;
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  if (g_async_result_is_tagged (result, accord_document_discard_async))
    accord_document_discard_finish (ACCORD_DOCUMENT (object), result, &outcome->error);
  else
    accord_document_reload_finish (ACCORD_DOCUMENT (object), result, &outcome->error);
  outcome->done = TRUE;
}

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->revision, g_free);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
}

/* Edits typed while the revision is saved are not in it: they stay
 * unsaved, are written once it is saved, and go into the next one. */
static void
test_type_while_saving (Fixture       *fixture,
                        gconstpointer  data)
{
  Outcome outcome = { 0, };
  g_autofree char *on_disk = NULL;

  set (lookup (fixture, "s-un"), "body", "Avant l’enregistrement.\n");
  accord_document_save_revision_async (fixture->document, "Réécrire le premier texte", NULL,
                                       saved_cb, &outcome);
  g_assert_true (accord_document_get_busy (fixture->document));

  /* Typing, while the worker saves. */
  set (lookup (fixture, "s-un"), "body", "Tapé pendant l’enregistrement.\n");
  set (lookup (fixture, "s-deux"), "title", "Deux, retitré");
  g_assert_true (accord_document_get_pending (fixture->document));

  ACCORD_TEST_WAIT_FOR (outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_false (accord_document_get_busy (fixture->document));

  /* The revision has what was there when Save was clicked… */
  assert_saved (fixture, outcome.revision, "s-un", "body", "Avant l’enregistrement.\n");
  assert_saved (fixture, outcome.revision, "s-deux", "title", "Deux");

  /* …the document what was typed after, unsaved and soon on disk. */
  g_assert_cmpstr (accord_entity_get_field (lookup (fixture, "s-un"), "body"), ==,
                   "Tapé pendant l’enregistrement.\n");
  g_assert_true (accord_document_get_unsaved (fixture->document));
  ACCORD_TEST_WAIT_FOR (!accord_document_get_pending (fixture->document));
  on_disk = read_work_file (fixture, "s-un");
  g_assert_nonnull (strstr (on_disk, "Tapé pendant l’enregistrement."));

  /* The next revision takes it. */
  outcome_clear (&outcome);
  accord_document_save_revision_async (fixture->document, "Retitrer", NULL, saved_cb, &outcome);
  ACCORD_TEST_WAIT_FOR (outcome.done);
  g_assert_no_error (outcome.error);
  assert_saved (fixture, outcome.revision, "s-un", "body", "Tapé pendant l’enregistrement.\n");
  assert_saved (fixture, outcome.revision, "s-deux", "title", "Deux, retitré");
  g_assert_false (accord_document_get_unsaved (fixture->document));

  outcome_clear (&outcome);
}

/* A discard throws away what was there when it was asked for, and keeps
 * what was typed after. */
static void
test_type_while_discarding (Fixture       *fixture,
                            gconstpointer  data)
{
  Outcome outcome = { 0, };
  AccordStrategy *before = accord_document_get_strategy (fixture->document);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  set (lookup (fixture, "s-un"), "body", "Brouillon à jeter.\n");
  ACCORD_TEST_WAIT_FOR (!accord_document_get_pending (fixture->document));

  accord_document_discard_async (fixture->document, NULL, reloaded_cb, &outcome);
  set (lookup (fixture, "s-deux"), "title", "Gardé");
  ACCORD_TEST_WAIT_FOR (outcome.done);
  g_assert_no_error (outcome.error);

  g_assert_true (accord_document_get_strategy (fixture->document) != before);
  g_assert_cmpstr (accord_entity_get_field (lookup (fixture, "s-un"), "body"), ==, FIRST_BODY);
  g_assert_cmpstr (accord_entity_get_field (lookup (fixture, "s-deux"), "title"), ==, "Gardé");
  g_assert_true (accord_document_get_unsaved (fixture->document));

  ACCORD_TEST_WAIT_FOR (!accord_document_get_pending (fixture->document));
  first = read_work_file (fixture, "s-un");
  second = read_work_file (fixture, "s-deux");
  g_assert_null (strstr (first, "Brouillon"));
  g_assert_nonnull (strstr (second, "Gardé"));
}

/* Reading the strategy again after its files changed keeps what was
 * typed meanwhile, field by field. */
static void
test_type_while_reloading (Fixture       *fixture,
                           gconstpointer  data)
{
  Outcome outcome = { 0, };
  g_autoptr(AccordStrategy) elsewhere = accord_test_load (fixture->repository);
  g_autoptr(GError) error = NULL;

  /* Another program changes a title on disk. */
  set (accord_strategy_lookup (elsewhere, "s-un"), "title", "Changé ailleurs");
  g_assert_true (accord_repository_write (fixture->repository, elsewhere, &error));
  g_assert_no_error (error);

  accord_document_reload_async (fixture->document, NULL, reloaded_cb, &outcome);
  set (lookup (fixture, "s-un"), "body", "Tapé pendant la lecture.\n");
  ACCORD_TEST_WAIT_FOR (outcome.done);
  g_assert_no_error (outcome.error);

  g_assert_cmpstr (accord_entity_get_field (lookup (fixture, "s-un"), "title"), ==,
                   "Changé ailleurs");
  g_assert_cmpstr (accord_entity_get_field (lookup (fixture, "s-un"), "body"), ==,
                   "Tapé pendant la lecture.\n");
  ACCORD_TEST_WAIT_FOR (!accord_document_get_pending (fixture->document));
  {
    g_autofree char *on_disk = read_work_file (fixture, "s-un");

    g_assert_nonnull (strstr (on_disk, "Changé ailleurs"));
    g_assert_nonnull (strstr (on_disk, "Tapé pendant la lecture."));
  }
}

/* While a restore holds the document, edits wait; released, they are
 * written. */
static void
test_hold (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *held = NULL;
  g_autofree char *released = NULL;

  accord_document_hold (fixture->document);
  g_assert_true (accord_document_get_busy (fixture->document));
  set (lookup (fixture, "s-un"), "body", "Tapé pendant la restauration.\n");
  accord_test_ui_spin (ACCORD_DOCUMENT_AUTOSAVE_MAX_DELAY_MS + 200);
  g_assert_true (accord_document_get_pending (fixture->document));
  held = read_work_file (fixture, "s-un");
  g_assert_null (strstr (held, "Tapé pendant"));

  accord_document_release (fixture->document);
  g_assert_false (accord_document_get_busy (fixture->document));
  g_assert_false (accord_document_get_pending (fixture->document));
  released = read_work_file (fixture, "s-un");
  g_assert_nonnull (strstr (released, "Tapé pendant la restauration."));
}

/* Closing waits for the save under way, then writes what was typed:
 * the program may end right after without losing either. */
static void
test_close_waits (Fixture       *fixture,
                  gconstpointer  data)
{
  Outcome outcome = { 0, };
  g_autofree char *head = accord_repository_dup_head (fixture->repository);
  g_autofree char *now = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *lock = g_build_filename (fixture->path, ".git", "index.lock", NULL);

  set (lookup (fixture, "s-un"), "body", "Enregistré avant de fermer.\n");
  accord_document_save_revision_async (fixture->document, "Fermer", NULL, saved_cb, &outcome);
  set (lookup (fixture, "s-deux"), "title", "Tapé avant de fermer");
  accord_document_close (fixture->document);

  now = accord_repository_dup_head (fixture->repository);
  g_assert_cmpstr (now, !=, head);
  assert_saved (fixture, now, "s-un", "body", "Enregistré avant de fermer.\n");
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  on_disk = read_work_file (fixture, "s-deux");
  g_assert_nonnull (strstr (on_disk, "Tapé avant de fermer"));

  ACCORD_TEST_WAIT_FOR (outcome.done);
  g_assert_no_error (outcome.error);
  outcome_clear (&outcome);
}

/* The window: while it saves, the spinner turns and Save is off; the
 * drafter types on, and what they typed is not in the revision. */
static void
test_window_type_while_saving (Fixture       *fixture,
                               gconstpointer  data)
{
  AccordWindow *window;
  GtkWidget *spinner;
  GtkWidget *save_button;
  GtkEditable *entry;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  AccordDocument *document;
  g_autofree char *head = accord_repository_dup_head (fixture->repository);
  g_autofree char *saved = NULL;
  g_autofree char *saved_body = NULL;

  /* The window opens the strategy itself. */
  accord_document_close (fixture->document);
  g_clear_object (&fixture->document);

  window = g_object_ref_sink (accord_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  accord_test_ui_wait_mapped (GTK_WIDGET (window));
  accord_window_open (window, fixture->path);
  ACCORD_TEST_WAIT_FOR (accord_window_get_document (window) != NULL);
  document = accord_window_get_document (window);
  spinner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), ACCORD_TYPE_WINDOW,
                                                       "busy_spinner"));
  save_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                           ACCORD_TYPE_WINDOW, "save_button"));
  entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window), ACCORD_TYPE_WINDOW,
                                                       "save_message_entry"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (accord_test_ui_find (
    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), ACCORD_TYPE_WINDOW,
                                               "section_editor")),
    GTK_SOURCE_TYPE_VIEW)));
  g_assert_false (gtk_widget_get_visible (spinner));

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Avant.", -1, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-revision", NULL);
  ACCORD_TEST_WAIT_FOR (*gtk_editable_get_text (entry) != '\0');
  gtk_widget_activate_action (GTK_WIDGET (window), "win.confirm-save-revision", NULL);

  g_assert_true (accord_document_get_busy (document));
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, " Pendant.", -1, TRUE);

  ACCORD_TEST_WAIT_FOR (!accord_document_get_busy (document));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_get_sensitive (save_button));

  saved = accord_repository_dup_head (fixture->repository);
  g_assert_cmpstr (saved, !=, head);
  saved_body = dup_saved_field (fixture, saved, "s-un", "body");
  g_assert_nonnull (strstr (saved_body, "Avant."));
  g_assert_null (strstr (saved_body, "Pendant."));
  g_assert_nonnull (strstr (accord_entity_get_field (accord_strategy_lookup (
                              accord_document_get_strategy (document), "s-un"), "body"),
                            "Avant. Pendant."));
  g_assert_true (accord_document_get_unsaved (document));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  accord_test_ui_spin (20);
}

/* A new query cancels the search under way: the rows answer the last. */
static void
test_search_newest_wins (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  AccordSearchPanel *panel = ACCORD_SEARCH_PANEL (accord_search_panel_new ());
  GtkWidget *entry = accord_test_ui_find (GTK_WIDGET (panel), GTK_TYPE_SEARCH_ENTRY);
  GtkListBox *list = GTK_LIST_BOX (accord_test_ui_find (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  accord_search_panel_set_repository (panel, accord_document_get_repository (fixture->document));
  accord_search_panel_set_strategy (panel, accord_document_get_strategy (fixture->document));

  gtk_editable_set_text (GTK_EDITABLE (entry), "premier");
  accord_search_panel_refresh (panel);
  g_assert_true (accord_search_panel_get_searching (panel));
  gtk_editable_set_text (GTK_EDITABLE (entry), "deuxieme");
  accord_search_panel_refresh (panel);
  ACCORD_TEST_WAIT_FOR (!accord_search_panel_get_searching (panel));

  g_assert_cmpstr (accord_search_panel_get_query (panel), ==, "deuxieme");
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));

  gtk_window_destroy (GTK_WINDOW (window));
  accord_test_ui_spin (20);
}

static GtkWidget *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A hidden panel places its rows in a new strategy only once shown:
 * reading the strategy again does not wait for rows nobody sees. */
static void
test_search_hidden_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  AccordSearchPanel *panel = ACCORD_SEARCH_PANEL (accord_search_panel_new ());
  GtkWidget *entry = accord_test_ui_find (GTK_WIDGET (panel), GTK_TYPE_SEARCH_ENTRY);
  GtkListBox *list = GTK_LIST_BOX (accord_test_ui_find (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  accord_test_ui_wait_mapped (window);
  accord_search_panel_set_repository (panel, accord_document_get_repository (fixture->document));
  accord_search_panel_set_strategy (panel, accord_document_get_strategy (fixture->document));
  gtk_editable_set_text (GTK_EDITABLE (entry), "deuxieme");
  ACCORD_TEST_WAIT_FOR (g_strcmp0 (accord_search_panel_get_query (panel), "deuxieme") == 0);

  /* A section's place is the strategy it is in. */
  g_assert_nonnull (find_label_with_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                           "search-place"));

  gtk_widget_set_visible (GTK_WIDGET (panel), FALSE);
  accord_search_panel_set_strategy (panel, NULL);
  g_assert_nonnull (find_label_with_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                           "search-place"));

  gtk_widget_set_visible (GTK_WIDGET (panel), TRUE);
  ACCORD_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_null (find_label_with_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                        "search-place"));

  gtk_window_destroy (GTK_WINDOW (window));
  accord_test_ui_spin (20);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/accord/background-work/" path, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)

  ADD ("type-while-saving", test_type_while_saving);
  ADD ("type-while-discarding", test_type_while_discarding);
  ADD ("type-while-reloading", test_type_while_reloading);
  ADD ("hold", test_hold);
  ADD ("close-waits", test_close_waits);
  ADD ("window-type-while-saving", test_window_type_while_saving);
  ADD ("search-newest-wins", test_search_newest_wins);
  ADD ("search-hidden-rows", test_search_hidden_rows);

#undef ADD

  return g_test_run ();
}
