/* test-history-view.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-history-view.h"
#include "accord-history-view-private.h"
#include "history-view-test-common.h"

static void
select_position (Fixture *fixture,
                 guint    position)
{
  GtkListView *list_view = template_child (fixture, "list_view");

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view)),
                                     position);
  wait_idle (fixture->view);
}

/* The rows the list shows, top to bottom: each its labels' texts. */
static GPtrArray *
dup_visible_rows (Fixture *fixture)
{
  GtkWidget *list_view = template_child (fixture, "list_view");
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();

      if (!gtk_widget_get_visible (row) || gtk_widget_get_first_child (row) == NULL)
        continue;

      collect_labels (row, labels);
      for (guint i = 0; i < labels->len; i++)
        g_strv_builder_add (texts, gtk_label_get_text (g_ptr_array_index (labels, i)));
      g_ptr_array_add (rows, g_strv_builder_end (texts));
    }

  return rows;
}

static char *
dup_text (Fixture *fixture)
{
  GtkTextView *text_view = template_child (fixture, "text_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Tests */

static void
test_new (void)
{
  GtkWidget *widget = accord_history_view_new ();
  GtkStack *list_stack;

  g_object_ref_sink (widget);
  g_assert_true (ACCORD_IS_HISTORY_VIEW (widget));
  g_assert_null (accord_history_view_get_repository (ACCORD_HISTORY_VIEW (widget)));
  g_assert_null (accord_history_view_get_selected_revision (ACCORD_HISTORY_VIEW (widget)));

  /* Without a strategy, the list says there is nothing to show. */
  list_stack = GTK_STACK (gtk_widget_get_template_child (widget, ACCORD_TYPE_HISTORY_VIEW,
                                                         "list_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");

  g_assert_finalize_object (widget);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  static const char *messages[] = {
    "Retitle the introduction",
    "Add an objective",
    "Rename the introduction",
    "Add the introduction",
    "Create the strategy",
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(AccordRepository) notified = NULL;
  GtkStack *list_stack = template_child (fixture, "list_stack");
  GtkWidget *list_view = template_child (fixture, "list_view");
  GtkWidget *tag;

  accord_history_view_set_repository (fixture->view, fixture->repository);
  g_object_get (fixture->view, "repository", &notified, NULL);
  g_assert_true (notified == fixture->repository);
  g_assert_true (accord_history_view_get_repository (fixture->view) == fixture->repository);
  wait_idle (fixture->view);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  g_assert_cmpuint (n_listed (fixture), ==, 5);

  /* Newest first; the newest is selected. */
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 4));
  for (guint i = 0; i < 5; i++)
    {
      select_position (fixture, i);
      g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                       revision (fixture, 4 - i));
    }

  /* Each row shows the first line of its message, its author, when, and
   * what changed, counted by kind. */
  rows = dup_visible_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const char * const *texts = g_ptr_array_index (rows, i);

      g_assert_cmpstr (texts[0], ==, messages[i]);
      g_assert_cmpstr (texts[1], ==, "Alice Martin · Just now");
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[2], ==, "1 section changed");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[2], ==, "1 objective changed");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 4))[2], ==, "strategy details changed");

  /* The milestone is a pill on its revision's row, and only there. */
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[3], ==, "consultation-1");
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, i == 1 ? 4 : 3);
  tag = find_tag (list_view, "consultation-1");
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_get_visible (tag));

}

static void
test_relative_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 12, 0, 0);
  g_autoptr(GDateTime) early = g_date_time_new_utc (2026, 3, 10, 0, 30, 0);
  struct {
    GDateTime  *when;
    const char *expected;
  } cases[] = {
    { g_date_time_add_seconds (now, -30), "Just now" },
    { g_date_time_add_seconds (now, 3600), "Just now" },
    { g_date_time_add_minutes (now, -1), "1 minute ago" },
    { g_date_time_add_minutes (now, -5), "5 minutes ago" },
    { g_date_time_add_minutes (now, -59), "59 minutes ago" },
    { g_date_time_add_hours (now, -1), "1 hour ago" },
    { g_date_time_add_hours (now, -11), "11 hours ago" },
    { g_date_time_new_utc (2026, 3, 9, 23, 0, 0), "Yesterday" },
    { g_date_time_new_utc (2026, 3, 9, 0, 5, 0), "Yesterday" },
    { g_date_time_new_utc (2026, 3, 8, 23, 0, 0), "2 days ago" },
    { g_date_time_add_days (now, -3), "3 days ago" },
    { g_date_time_add_days (now, -6), "6 days ago" },
    { g_date_time_add_days (now, -7), "March 3" },
    { g_date_time_new_utc (2026, 1, 2, 8, 0, 0), "January 2" },
    { g_date_time_new_utc (2025, 12, 31, 8, 0, 0), "December 31, 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _accord_history_view_format_relative (cases[i].when, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_date_time_unref (cases[i].when);
    }

  /* Early in the morning, late yesterday evening is minutes ago, and
   * earlier yesterday is yesterday, not hours ago. */
  {
    g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 3, 9, 23, 50, 0);
    g_autoptr(GDateTime) evening = g_date_time_new_utc (2026, 3, 9, 20, 0, 0);
    g_autofree char *minutes = _accord_history_view_format_relative (late, early);
    g_autofree char *yesterday = _accord_history_view_format_relative (evening, early);

    g_assert_cmpstr (minutes, ==, "40 minutes ago");
    g_assert_cmpstr (yesterday, ==, "Yesterday");
  }

  /* Days are counted in the time zone of "now": 20:00 UTC on March 9 is
   * 01:00 on March 10 at UTC+5, the same day as 06:00 there. */
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+05:00");
    g_autoptr(GDateTime) local_now = g_date_time_new (zone, 2026, 3, 10, 6, 0, 0);
    g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 9, 20, 0, 0);
    g_autofree char *text = _accord_history_view_format_relative (when, local_now);

    g_assert_cmpstr (text, ==, "5 hours ago");
  }
}

static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  GtkLabel *message_label = template_child (fixture, "message_label");
  GtkLabel *body_label = template_child (fixture, "body_label");
  GtkLabel *id_label = template_child (fixture, "id_label");
  GtkLabel *changes_label = template_child (fixture, "changes_label");
  GtkListView *changes_list = template_child (fixture, "changes_list");
  GtkListView *outline = template_child (fixture, "outline_list");
  GtkStack *content_stack = template_child (fixture, "content_stack");
  GtkStack *text_stack = template_child (fixture, "text_stack");
  GtkTextView *text_view = template_child (fixture, "text_view");
  GtkButton *restore_entity_button = template_child (fixture, "restore_entity_button");
  GtkWidget *tags_box = template_child (fixture, "tags_box");
  g_autofree char *text = NULL;
  g_autofree char *short_id = NULL;
  GtkWidget *row;

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);

  /* The revision that added the objective. */
  accord_history_view_select_revision (fixture->view, revision (fixture, 3));
  wait_idle (fixture->view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "content");
  g_assert_cmpstr (gtk_label_get_text (message_label), ==, "Add an objective");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (body_label)));
  short_id = g_strndup (revision (fixture, 3), 8);
  g_assert_cmpstr (gtk_label_get_text (id_label), ==, short_id);
  g_assert_nonnull (find_tag (tags_box, "consultation-1"));

  g_assert_cmpstr (gtk_label_get_text (changes_label), ==, "O1.1");
  g_assert_nonnull (list_entry (changes_list, 0));
  g_assert_null (list_entry (changes_list, 1));
  row = list_row (changes_list, 0);
  g_assert_nonnull (find_label (row, "O1.1 Open data"));
  g_assert_nonnull (find_label (row, "Objective"));
  g_assert_nonnull (find_label (row, "Added"));

  /* The outline as it was: the strategy, its section, and the objective
   * under it, indented. */
  g_assert_cmpstr (list_entry (outline, 0)->entity_id, ==, "strategy");
  g_assert_cmpstr (list_entry (outline, 1)->entity_id, ==, SECTION_ID);
  g_assert_cmpstr (list_entry (outline, 2)->entity_id, ==, OBJECTIVE_ID);
  g_assert_null (list_entry (outline, 3));
  g_assert_nonnull (find_label (list_row (outline, 1), "Présentation"));
  g_assert_cmpint (gtk_widget_get_margin_start (gtk_widget_get_first_child (list_row (outline, 2))),
                   >,
                   gtk_widget_get_margin_start (gtk_widget_get_first_child (list_row (outline, 1))));

  /* Nothing selected in the outline: nothing to restore but the whole. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (text_stack), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (restore_entity_button)));

  /* A section's text, read-only. */
  select_outline_entity (fixture, SECTION_ID);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (text_stack), ==, "text");
  text = dup_text (fixture);
  g_assert_cmpstr (text, ==, "La France défend un internet ouvert.");
  g_assert_false (gtk_text_view_get_editable (text_view));
  g_assert_false (gtk_text_view_get_monospace (text_view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (text_view), !=, GTK_WRAP_NONE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (restore_entity_button)));
  g_assert_cmpstr (gtk_button_get_label (restore_entity_button), ==, "Restore This Section");

  select_outline_entity (fixture, OBJECTIVE_ID);
  g_clear_pointer (&text, g_free);
  text = dup_text (fixture);
  g_assert_cmpstr (text, ==, "Publish the data sets.");
  g_assert_cmpstr (gtk_button_get_label (restore_entity_button), ==, "Restore This Objective");

  /* Going to another revision keeps the same part selected, as it was
   * there; one where it did not exist yet selects nothing. */
  select_outline_entity (fixture, SECTION_ID);
  accord_history_view_select_revision (fixture->view, revision (fixture, 1));
  wait_idle (fixture->view);
  g_assert_cmpstr (gtk_label_get_text (message_label), ==, "Add the introduction");
  g_assert_cmpstr (gtk_label_get_text (body_label), ==, "It opens the strategy.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (body_label)));
  g_assert_cmpstr (gtk_label_get_text (changes_label), ==, "Introduction");
  g_assert_nonnull (find_label (list_row (changes_list, 0), "Section"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (text_stack), ==, "text");
  g_assert_nonnull (selected_outline_entry (fixture));
  g_assert_cmpstr (selected_outline_entry (fixture)->name, ==, "Introduction");

  accord_history_view_select_revision (fixture->view, revision (fixture, 0));
  wait_idle (fixture->view);
  g_assert_null (selected_outline_entry (fixture));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (text_stack), ==, "empty");
  g_assert_cmpstr (gtk_label_get_text (changes_label), ==, "Stratégie numérique");
  g_assert_null (list_entry (outline, 1));

  /* A milestone's name selects its revision too. */
  accord_history_view_select_revision (fixture->view, "consultation-1");
  wait_idle (fixture->view);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 3));
}

static void
test_detail_removed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_test_load (fixture->repository);
  g_autoptr(AccordEntity) second = accord_entity_new (ACCORD_ENTITY_SECTION, "s-second");
  g_autoptr(GError) error = NULL;
  GtkLabel *changes_label = template_child (fixture, "changes_label");
  GtkListView *changes_list = template_child (fixture, "changes_list");
  GtkWidget *row;

  /* One revision removes the objective, changes the section and adds
   * another: removed entities are named as they were before. */
  g_assert_true (accord_strategy_remove (strategy, OBJECTIVE_ID, &error));
  g_assert_no_error (error);
  accord_test_set (accord_strategy_lookup (strategy, SECTION_ID), "title", "Préambule");
  accord_test_set (second, "order", "t");
  accord_test_set (second, "title", "Principes");
  g_assert_true (accord_strategy_add (strategy, second, &error));
  g_assert_no_error (error);
  save (fixture, strategy, "Reorganise");

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 5));

  g_assert_cmpstr (gtk_label_get_text (changes_label), ==, "O1.1, Préambule and 1 more");
  row = list_row (changes_list, 0);
  g_assert_nonnull (find_label (row, "O1.1 Open data"));
  g_assert_nonnull (find_label (row, "Removed"));
  g_assert_null (list_entry (changes_list, 3));

  /* A removed entity is not there to go to. */
  g_signal_emit_by_name (changes_list, "activate", 0);
  g_assert_null (selected_outline_entry (fixture));

  /* Activating a change selects its entity in the outline. */
  row = list_row (changes_list, 2);
  g_assert_nonnull (find_label (row, "Principes"));
  g_signal_emit_by_name (changes_list, "activate", 2);
  g_assert_nonnull (selected_outline_entry (fixture));
  g_assert_cmpstr (selected_outline_entry (fixture)->name, ==, "Principes");

  {
    g_autoptr(GPtrArray) rows = dup_visible_rows (fixture);

    g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[2], ==,
                     "2 sections, 1 objective changed");
  }
}

static void
test_log_error (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *ref = g_build_filename (fixture->path, ".git", "refs", "heads", "main", NULL);
  GtkStack *list_stack = template_child (fixture, "list_stack");
  AdwStatusPage *error_page = template_child (fixture, "list_error_page");

  /* A branch without its revision: the history cannot be read. */
  g_assert_cmpint (g_unlink (ref), ==, 0);

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "HEAD"));
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_null (accord_history_view_get_selected_revision (fixture->view));

  /* With no strategy, there is nothing to show. */
  accord_history_view_set_repository (fixture->view, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_false (_accord_history_view_get_busy (fixture->view));
}

/* Scrolls the list to its end, and waits for the next page if there is
 * one; when there is none, the view knows it, and reads nothing. */
static void
scroll_to_end (Fixture *fixture)
{
  GtkScrolledWindow *scroll = template_child (fixture, "list_scroll");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroll);
  guint before = n_listed (fixture);

  g_assert_false (_accord_history_view_get_busy (fixture->view));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));

  if (!fixture->view->has_more)
    {
      accord_test_ui_wait_frames (GTK_WIDGET (fixture->view), 2);
      g_assert_false (_accord_history_view_get_busy (fixture->view));
      g_assert_cmpuint (n_listed (fixture), ==, before);
      return;
    }

  /* Reading the next page starts once the list is laid out again, which
   * takes a while on a slow machine (or under a sanitizer). */
  ACCORD_TEST_WAIT_FOR (_accord_history_view_get_busy (fixture->view) ||
                        n_listed (fixture) > before);
  wait_idle (fixture->view);
  g_assert_cmpuint (n_listed (fixture), >, before);
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_test_load (fixture->repository);
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, SECTION_ID);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  GtkStack *list_stack = template_child (fixture, "list_stack");

  accord_test_set (section, "order", "k");
  accord_test_set (section, "title", "Version 1");
  g_assert_true (accord_strategy_add (strategy, section, &error));
  g_assert_no_error (error);
  save (fixture, strategy, "Version 1");
  for (guint i = 2; i < 120; i++)
    {
      g_autofree char *title = g_strdup_printf ("Version %u", i);

      accord_test_set (section, "title", title);
      save (fixture, strategy, title);
    }
  g_assert_cmpuint (fixture->revisions->len, ==, 120);

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  g_assert_cmpuint (n_listed (fixture), ==, 50);

  scroll_to_end (fixture);
  g_assert_cmpuint (n_listed (fixture), ==, 100);
  scroll_to_end (fixture);
  g_assert_cmpuint (n_listed (fixture), ==, 120);
  scroll_to_end (fixture);
  g_assert_cmpuint (n_listed (fixture), ==, 120);

  /* Each revision once, newest first. */
  ids = _accord_history_view_dup_revision_ids (fixture->view);
  g_assert_cmpuint (g_strv_length (ids), ==, 120);
  for (guint i = 0; i < 120; i++)
    g_assert_cmpstr (ids[i], ==, revision (fixture, 119 - i));

  /* Reading again starts from the first page, and a revision asked for
   * further back is read up to. */
  accord_history_view_reload (fixture->view);
  accord_history_view_select_revision (fixture->view, revision (fixture, 10));
  wait_idle (fixture->view);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 10));
  g_assert_cmpuint (n_listed (fixture), >=, 110);
}

/* Runs git in the strategy's folder with a fixed identity, asserting
 * that it succeeds; the arguments end with NULL. */
#define git(fixture, ...) \
  accord_test_git_output ((fixture)->path, "-c", "user.name=Carol", \
                          "-c", "user.email=carol@example.org", __VA_ARGS__)

static void
save_titles (Fixture    *fixture,
             const char *id,
             const char *prefix,
             guint       count)
{
  g_autoptr(AccordStrategy) strategy = accord_test_load (fixture->repository);
  AccordEntity *entity = accord_strategy_lookup (strategy, id);

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %u", prefix, i);

      accord_test_set (entity, "title", title);
      save (fixture, strategy, title);
    }
}

static void
test_paging_merge (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) expected = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint before;

  /* Two branches of 40 revisions each, made from the fifth revision and
   * merged: the second branch's revisions are not ancestors of the
   * first's. */
  g_free (git (fixture, "branch", "side", NULL));
  save_titles (fixture, SECTION_ID, "Main", 40);
  g_free (git (fixture, "checkout", "--quiet", "side", NULL));
  g_clear_object (&fixture->repository);
  fixture->repository = accord_repository_open (fixture->path, NULL);
  g_assert_nonnull (fixture->repository);
  save_titles (fixture, OBJECTIVE_ID, "Side", 40);
  g_free (git (fixture, "checkout", "--quiet", "main", NULL));
  g_free (git (fixture, "merge", "--quiet", "--no-edit", "side", NULL));
  g_clear_object (&fixture->repository);
  fixture->repository = accord_repository_open (fixture->path, NULL);
  g_assert_nonnull (fixture->repository);

  out = git (fixture, "rev-list", "HEAD", NULL);
  g_strchomp (out);
  expected = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (expected), ==, 86);

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);
  g_assert_cmpuint (n_listed (fixture), ==, 50);

  do
    {
      before = n_listed (fixture);
      scroll_to_end (fixture);
    }
  while (n_listed (fixture) > before);

  /* Every revision, once, the merge first. */
  ids = _accord_history_view_dup_revision_ids (fixture->view);
  g_assert_cmpuint (g_strv_length (ids), ==, 86);
  g_assert_cmpstr (ids[0], ==, expected[0]);
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_true (g_hash_table_add (listed, ids[i]));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (g_hash_table_contains (listed, expected[i]));
}

static void
test_select_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *orphan = NULL;

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);

  /* A revision outside the history, made by git but on no branch,
   * selects nothing… */
  orphan = git (fixture, "commit-tree", "-m", "Orphan", "HEAD^{tree}", NULL);
  g_strchomp (orphan);
  accord_history_view_select_revision (fixture->view, orphan);
  wait_idle (fixture->view);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 4));

  /* …and is not looked for again when the history is read again: the
   * revision chosen in the list since stays selected. */
  select_position (fixture, 2);
  accord_history_view_reload (fixture->view);
  wait_idle (fixture->view);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 2));
}

static void
test_finalize (Fixture       *fixture,
               gconstpointer  data)
{
  AccordHistoryView *view = g_object_ref (fixture->view);

  accord_history_view_set_repository (view, fixture->repository);
  wait_idle (view);
  accord_history_view_select_revision (view, revision (fixture, 3));
  wait_idle (view);
  select_outline_entity (fixture, SECTION_ID);

  g_clear_pointer (&fixture->window, gtk_window_destroy);
  fixture->view = NULL;
  accord_test_ui_spin (20);
  g_assert_finalize_object (view);
}

static void
test_finalize_loading (Fixture       *fixture,
                       gconstpointer  data)
{
  AccordHistoryView *view = g_object_ref (fixture->view);
  GWeakRef ref;
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  /* Destroyed while the history is being read: the worker's result is
   * dropped, and the view goes once it is done. */
  accord_history_view_set_repository (view, fixture->repository);
  g_weak_ref_init (&ref, view);
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  fixture->view = NULL;
  g_object_unref (view);

  for (;;)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (&ref);

      if (alive == NULL)
        break;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_clear_object (&alive);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_weak_ref_clear (&ref);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  /* The application's style sheet, which AdwApplication would load. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/accord/history-view/new", test_new);
  g_test_add_func ("/accord/history-view/relative-date", test_relative_date);
  ACCORD_TEST_ADD ("/accord/history-view/list", test_list);
  ACCORD_TEST_ADD ("/accord/history-view/detail", test_detail);
  ACCORD_TEST_ADD ("/accord/history-view/detail-removed", test_detail_removed);

  ACCORD_TEST_ADD ("/accord/history-view/log-error", test_log_error);
  g_test_add ("/accord/history-view/paging", Fixture, NULL, fixture_setup_empty, test_paging,
              fixture_teardown);
  ACCORD_TEST_ADD ("/accord/history-view/paging-merge", test_paging_merge);
  ACCORD_TEST_ADD ("/accord/history-view/select-missing", test_select_missing);
  ACCORD_TEST_ADD ("/accord/history-view/finalize", test_finalize);
  ACCORD_TEST_ADD ("/accord/history-view/finalize-loading", test_finalize_loading);

  return g_test_run ();
}
