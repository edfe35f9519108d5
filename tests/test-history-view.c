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

/* The history view, on real repositories made with the core API. */

#define AUTHOR "Alice Martin <alice@example.org>"
#define SECTION_ID "s-introduction"
#define OBJECTIVE_ID "o-open-data"

typedef struct
{
  char              *tmpdir;
  char              *path;
  AccordRepository  *repository;
  GPtrArray         *revisions;   /* ids, oldest first */
  GtkWindow         *window;
  AdwToastOverlay   *overlay;
  AccordHistoryView *view;
} Fixture;

/* Helpers */

/* Writes @strategy and saves it as a revision, whose id is remembered. */
static const char *
save (Fixture        *fixture,
      AccordStrategy *strategy,
      const char     *message)
{
  g_autoptr(GError) error = NULL;
  char *id;

  g_assert_true (accord_repository_write (fixture->repository, strategy, &error));
  g_assert_no_error (error);
  id = accord_repository_save (fixture->repository, message, AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_ptr_array_add (fixture->revisions, id);

  return id;
}

static void
set_title_and_save (Fixture    *fixture,
                    const char *id,
                    const char *title,
                    const char *message)
{
  g_autoptr(AccordStrategy) strategy = accord_test_load (fixture->repository);
  AccordEntity *entity = accord_strategy_lookup (strategy, id);

  g_assert_nonnull (entity);
  accord_test_set (entity, "title", title);
  save (fixture, strategy, message);
}

/* An empty strategy in a new repository, and a window to show its
 * history in. */
static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie numérique", "fr");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  fixture->tmpdir = accord_test_make_tmpdir ("accord-history-view-XXXXXX");
  fixture->path = g_build_filename (fixture->tmpdir, "strategy", NULL);
  fixture->revisions = g_ptr_array_new_with_free_func (g_free);

  fixture->repository = accord_test_create (fixture->path, strategy, AUTHOR, "Create the strategy");
  g_ptr_array_add (fixture->revisions, accord_repository_dup_head (fixture->repository));

  /* Restores and milestones are made in this name. */
  g_settings_set_string (settings, "author-name", "Bob Durand");
  g_settings_set_string (settings, "author-email", "bob@example.org");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 700);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->view = ACCORD_HISTORY_VIEW (accord_history_view_new ());
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->view));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  accord_test_ui_wait_mapped (GTK_WIDGET (fixture->window));
}

/* Five revisions: the strategy made, a section added and renamed twice,
 * an objective added, and a milestone on the fourth. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, SECTION_ID);
  g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, OBJECTIVE_ID);
  g_autoptr(GError) error = NULL;

  fixture_setup_empty (fixture, data);

  strategy = accord_test_load (fixture->repository);
  accord_test_set (section, "order", "k");
  accord_test_set (section, "title", "Introduction");
  accord_test_set (section, "body", "La France défend un internet ouvert.");
  g_assert_true (accord_strategy_add (strategy, section, &error));
  g_assert_no_error (error);
  save (fixture, strategy, "Add the introduction\n\nIt opens the strategy.");

  set_title_and_save (fixture, SECTION_ID, "Présentation", "Rename the introduction");

  g_clear_object (&strategy);
  strategy = accord_test_load (fixture->repository);
  accord_test_set (objective, "section", SECTION_ID);
  accord_test_set (objective, "order", "k");
  accord_test_set (objective, "code", "O1.1");
  accord_test_set (objective, "title", "Open data");
  accord_test_set (objective, "description", "Publish the data sets.");
  g_assert_true (accord_strategy_add (strategy, objective, &error));
  g_assert_no_error (error);
  save (fixture, strategy, "Add an objective");

  g_assert_true (accord_repository_tag (fixture->repository, "consultation-1",
                                        "Sent to consultation", AUTHOR, &error));
  g_assert_no_error (error);

  set_title_and_save (fixture, SECTION_ID, "Introduction générale", "Retitle the introduction");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  accord_test_ui_spin (20);
  g_clear_object (&fixture->repository);
  g_clear_pointer (&fixture->revisions, g_ptr_array_unref);
  accord_test_clear_tmpdir (&fixture->tmpdir);
  g_clear_pointer (&fixture->path, g_free);
}

static const char *
revision (Fixture *fixture,
          guint    index)
{
  g_assert_cmpuint (index, <, fixture->revisions->len);

  return g_ptr_array_index (fixture->revisions, index);
}

/* Lets the worker threads finish, then the list lay itself out. */
static void
wait_idle (AccordHistoryView *view)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  do
    {
      while (_accord_history_view_get_busy (view))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }

      accord_test_ui_wait_frames (GTK_WIDGET (view), 2);
    }
  /* Laying the list out may start reading the next page. */
  while (_accord_history_view_get_busy (view));
}

#define template_child(fixture, name) \
  accord_test_ui_template_child ((fixture)->view, ACCORD_TYPE_HISTORY_VIEW, name)

static guint
n_listed (Fixture *fixture)
{
  GtkListView *list_view = template_child (fixture, "list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
}

static void
select_position (Fixture *fixture,
                 guint    position)
{
  GtkListView *list_view = template_child (fixture, "list_view");

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view)),
                                     position);
  wait_idle (fixture->view);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
        return g_ptr_array_index (labels, i);
    }

  return NULL;
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

static GtkWidget *
find_tag (GtkWidget  *root,
          const char *name)
{
  GtkWidget *label = find_label (root, name);

  if (label == NULL || !gtk_widget_has_css_class (label, "tag"))
    return NULL;

  return label;
}

/* Answers @dialog as its buttons do: the response, then closing it, once
 * the view has handled the response. */
static void
respond (gpointer    dialog,
         const char *response)
{
  guint handled = 0;

  accord_test_count_signal (dialog, "response", &handled);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  g_assert_cmpuint (handled, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Waits for the view to tell of @event, as connect_events() logs it. */
static void
wait_event (GString    *events,
            const char *event)
{
  ACCORD_TEST_WAIT_FOR (strstr (events->str, event) != NULL);
}

/* Selects the row of entity @id in the outline of the selected revision. */
static void
select_outline_entity (Fixture    *fixture,
                       const char *id)
{
  GtkListBox *outline = template_child (fixture, "outline_list");

  for (int i = 0; gtk_list_box_get_row_at_index (outline, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (outline, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "entity-id"), id) == 0)
        {
          gtk_list_box_select_row (outline, row);
          return;
        }
    }

  g_error ("%s is not in the outline", id);
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

static void
record_cb (GString    *events,
           const char *name)
{
  g_string_append_printf (events, "%s;", name);
}

static void
before_change_cb (AccordHistoryView *view,
                  GString           *events)
{
  record_cb (events, "before-change");
}

static void
restored_cb (AccordHistoryView *view,
             const char        *new_revision,
             GString           *events)
{
  g_autofree char *event = g_strconcat ("restored ", new_revision, NULL);

  record_cb (events, event);
}

static void
tag_created_cb (AccordHistoryView *view,
                const char        *name,
                GString           *events)
{
  g_autofree char *event = g_strconcat ("tag-created ", name, NULL);

  record_cb (events, event);
}

static void
connect_events (Fixture *fixture,
                GString *events)
{
  g_signal_connect (fixture->view, "before-change", G_CALLBACK (before_change_cb), events);
  g_signal_connect (fixture->view, "restored", G_CALLBACK (restored_cb), events);
  g_signal_connect (fixture->view, "tag-created", G_CALLBACK (tag_created_cb), events);
}

static void
disconnect_events (Fixture *fixture,
                   GString *events)
{
  g_signal_handlers_disconnect_by_data (fixture->view, events);
}

static guint
count_revisions (AccordRepository *repository)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  log = accord_repository_log (repository, NULL, 0, &error);
  g_assert_no_error (error);

  return log->len;
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
  GtkListBox *changes_list = template_child (fixture, "changes_list");
  GtkListBox *outline = template_child (fixture, "outline_list");
  GtkStack *content_stack = template_child (fixture, "content_stack");
  GtkStack *text_stack = template_child (fixture, "text_stack");
  GtkTextView *text_view = template_child (fixture, "text_view");
  GtkButton *restore_entity_button = template_child (fixture, "restore_entity_button");
  GtkWidget *tags_box = template_child (fixture, "tags_box");
  g_autofree char *text = NULL;
  g_autofree char *short_id = NULL;
  GtkListBoxRow *row;

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
  row = gtk_list_box_get_row_at_index (changes_list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (changes_list, 1));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "O1.1 Open data"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Objective"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Added"));

  /* The outline as it was: the strategy, its section, and the objective
   * under it, indented. */
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (outline, 0)),
                                      "entity-id"), ==, "strategy");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (outline, 1)),
                                      "entity-id"), ==, SECTION_ID);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (outline, 2)),
                                      "entity-id"), ==, OBJECTIVE_ID);
  g_assert_null (gtk_list_box_get_row_at_index (outline, 3));
  g_assert_nonnull (find_label (GTK_WIDGET (gtk_list_box_get_row_at_index (outline, 1)),
                                "Présentation"));
  g_assert_cmpint (gtk_widget_get_margin_start (
                     gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (outline, 2))),
                   >,
                   gtk_widget_get_margin_start (
                     gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (outline, 1))));

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
  g_assert_nonnull (find_label (GTK_WIDGET (gtk_list_box_get_row_at_index (changes_list, 0)),
                                "Section"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (text_stack), ==, "text");
  g_assert_nonnull (gtk_list_box_get_selected_row (outline));
  g_assert_nonnull (find_label (GTK_WIDGET (gtk_list_box_get_selected_row (outline)),
                                "Introduction"));

  accord_history_view_select_revision (fixture->view, revision (fixture, 0));
  wait_idle (fixture->view);
  g_assert_null (gtk_list_box_get_selected_row (outline));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (text_stack), ==, "empty");
  g_assert_cmpstr (gtk_label_get_text (changes_label), ==, "Stratégie numérique");
  g_assert_null (gtk_list_box_get_row_at_index (outline, 1));

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
  GtkListBox *changes_list = template_child (fixture, "changes_list");
  GtkListBoxRow *row;

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
  row = gtk_list_box_get_row_at_index (changes_list, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "O1.1 Open data"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Removed"));
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_assert_null (gtk_list_box_get_row_at_index (changes_list, 3));

  /* Activating a change selects its entity in the outline. */
  row = gtk_list_box_get_row_at_index (changes_list, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Principes"));
  g_signal_emit_by_name (changes_list, "row-activated", row);
  g_assert_nonnull (find_label (GTK_WIDGET (gtk_list_box_get_selected_row (
                                  template_child (fixture, "outline_list"))), "Principes"));

  {
    g_autoptr(GPtrArray) rows = dup_visible_rows (fixture);

    g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[2], ==,
                     "2 sections, 1 objective changed");
  }
}

static void
test_restore_entity (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autofree char *head = NULL;
  g_autofree char *expected = NULL;
  AccordEntity *section;

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);
  connect_events (fixture, events);

  /* The section as it was first added. */
  accord_history_view_select_revision (fixture->view, revision (fixture, 1));
  wait_idle (fixture->view);
  select_outline_entity (fixture, SECTION_ID);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "history.restore-entity", NULL);
  wait_event (events, "restored ");

  /* A new revision, with the old title, made in the preferences' name. */
  g_assert_cmpuint (count_revisions (fixture->repository), ==, 6);
  head = accord_repository_dup_head (fixture->repository);
  g_assert_cmpstr (head, !=, revision (fixture, 4));
  strategy = accord_test_load (fixture->repository);
  section = accord_strategy_lookup (strategy, SECTION_ID);
  g_assert_cmpstr (accord_entity_get_field (section, "title"), ==, "Introduction");
  g_assert_nonnull (accord_strategy_lookup (strategy, OBJECTIVE_ID));
  {
    g_autoptr(GPtrArray) log = accord_repository_log (fixture->repository, NULL, 1, NULL);
    AccordRevision *last = g_ptr_array_index (log, 0);

    g_assert_cmpstr (last->author_name, ==, "Bob Durand");
    g_assert_cmpstr (last->author_email, ==, "bob@example.org");
  }

  /* The window was told before, then after. */
  expected = g_strdup_printf ("before-change;restored %s;", head);
  g_assert_cmpstr (events->str, ==, expected);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->overlay), "Restored “Introduction”"));

  /* The list is read again, with the new revision selected. */
  wait_idle (fixture->view);
  g_assert_cmpuint (n_listed (fixture), ==, 6);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==, head);

  disconnect_events (fixture, events);
}

static void
test_restore_strategy (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autofree char *head = NULL;
  GtkWindow *dialog;

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);
  connect_events (fixture, events);

  /* The strategy as it was made, before any section. */
  accord_history_view_select_revision (fixture->view, revision (fixture, 0));
  wait_idle (fixture->view);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "history.restore-strategy", NULL);

  dialog = accord_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Restore the Whole Strategy?");
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "restore"), ==,
                   ADW_RESPONSE_SUGGESTED);

  /* Cancelling does nothing… */
  respond (dialog, "cancel");
  g_assert_cmpstr (events->str, ==, "");
  g_assert_cmpuint (count_revisions (fixture->repository), ==, 5);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "history.restore-strategy", NULL);
  dialog = accord_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "restore");
  wait_event (events, "restored ");

  /* …the restore that followed it is the only one. */
  g_assert_cmpuint (count_revisions (fixture->repository), ==, 6);
  strategy = accord_test_load (fixture->repository);
  g_assert_null (accord_strategy_lookup (strategy, SECTION_ID));
  g_assert_null (accord_strategy_lookup (strategy, OBJECTIVE_ID));
  head = accord_repository_dup_head (fixture->repository);
  g_assert_true (g_str_has_prefix (events->str, "before-change;restored "));
  g_assert_null (strstr (strstr (events->str, "restored ") + 1, "restored "));

  wait_idle (fixture->view);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==, head);
  g_assert_null (accord_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  disconnect_events (fixture, events);
}

static void
test_restore_unsaved (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(AccordStrategy) strategy = accord_test_load (fixture->repository);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);
  connect_events (fixture, events);

  /* The section has changes that were written but not saved. */
  accord_test_set (accord_strategy_lookup (strategy, SECTION_ID), "title", "Brouillon");
  g_assert_true (accord_repository_write (fixture->repository, strategy, &error));
  g_assert_no_error (error);

  accord_history_view_select_revision (fixture->view, revision (fixture, 1));
  wait_idle (fixture->view);
  select_outline_entity (fixture, SECTION_ID);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "history.restore-entity", NULL);
  wait_idle (fixture->view);

  /* The drafter is told, and nothing is saved or overwritten. */
  g_assert_cmpstr (events->str, ==, "before-change;");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->overlay),
                                "Save or discard your changes before restoring"));
  head = accord_repository_dup_head (fixture->repository);
  g_assert_cmpstr (head, ==, revision (fixture, 4));
  g_clear_object (&strategy);
  strategy = accord_test_load (fixture->repository);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (strategy, SECTION_ID),
                                            "title"), ==, "Brouillon");
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 1));

  disconnect_events (fixture, events);
}

static void
collect_entry_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entry_rows (child, rows);
}

/* The @index-th entry row under @root, depth first. */
static GtkWidget *
find_entry_row (GtkWidget *root,
                guint      index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_entry_rows (root, rows);

  return index < rows->len ? g_ptr_array_index (rows, index) : NULL;
}

static void
test_milestone (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *milestone_button = template_child (fixture, "milestone_button");
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *name_row;
  GtkWidget *description_row;
  AccordRevision *last;

  accord_history_view_set_repository (fixture->view, fixture->repository);
  wait_idle (fixture->view);
  connect_events (fixture, events);

  /* Any revision can be a milestone. */
  accord_history_view_select_revision (fixture->view, revision (fixture, 2));
  wait_idle (fixture->view);
  g_assert_true (gtk_widget_is_sensitive (milestone_button));

  accord_history_view_select_revision (fixture->view, revision (fixture, 4));
  wait_idle (fixture->view);
  g_assert_true (gtk_widget_is_sensitive (milestone_button));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "history.create-milestone", NULL);
  dialog = ADW_MESSAGE_DIALOG (accord_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  name_row = find_entry_row (extra, 0);
  description_row = find_entry_row (extra, 1);
  g_assert_nonnull (name_row);
  g_assert_nonnull (description_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name_row)), ==, "Name");

  /* An empty name, or one with a space, cannot be used. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "second round");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "consultation-2");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (description_row), "Second round");
  respond (dialog, "create");

  g_assert_cmpstr (events->str, ==, "tag-created consultation-2;");
  log = accord_repository_log (fixture->repository, NULL, 1, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (log, 0);
  g_assert_cmpstr (last->id, ==, revision (fixture, 4));
  g_assert_true (g_strv_contains ((const char * const *) last->tags, "consultation-2"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->overlay),
                                "Created the milestone “consultation-2”"));

  /* The list shows it, and the revision stays selected. */
  wait_idle (fixture->view);
  g_assert_cmpstr (accord_history_view_get_selected_revision (fixture->view), ==,
                   revision (fixture, 4));
  g_assert_nonnull (find_tag (template_child (fixture, "list_view"), "consultation-2"));
  g_assert_nonnull (find_tag (template_child (fixture, "tags_box"), "consultation-2"));

  /* A name already used is refused, and said so. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "history.create-milestone", NULL);
  dialog = ADW_MESSAGE_DIALOG (accord_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (adw_message_dialog_get_extra_child (dialog),
                                                       0)), "consultation-2");
  respond (dialog, "create");
  g_assert_cmpstr (events->str, ==, "tag-created consultation-2;");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->overlay),
                                "There is already a milestone named “consultation-2”"));

  /* The revision the dialog was opened for is marked, even when another
   * is saved meanwhile; older ones too. */
  accord_history_view_select_revision (fixture->view, revision (fixture, 2));
  wait_idle (fixture->view);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "history.create-milestone", NULL);
  dialog = ADW_MESSAGE_DIALOG (accord_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  set_title_and_save (fixture, SECTION_ID, "Avant-propos", "Rename the introduction again");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (adw_message_dialog_get_extra_child (dialog),
                                                       0)), "first-draft");
  respond (dialog, "create");
  g_assert_cmpstr (events->str, ==, "tag-created consultation-2;tag-created first-draft;");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = accord_repository_log (fixture->repository, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (((AccordRevision *) g_ptr_array_index (log, 0))->tags), ==, 0);
  for (guint i = 0; i < log->len; i++)
    {
      AccordRevision *listed = g_ptr_array_index (log, i);

      g_assert_true (g_strv_contains ((const char * const *) listed->tags, "first-draft") ==
                     g_str_equal (listed->id, revision (fixture, 2)));
    }

  wait_idle (fixture->view);
  g_assert_cmpuint (n_listed (fixture), ==, 6);
  disconnect_events (fixture, events);
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
  ACCORD_TEST_ADD ("/accord/history-view/restore-entity", test_restore_entity);
  ACCORD_TEST_ADD ("/accord/history-view/restore-strategy", test_restore_strategy);
  ACCORD_TEST_ADD ("/accord/history-view/restore-unsaved", test_restore_unsaved);
  ACCORD_TEST_ADD ("/accord/history-view/milestone", test_milestone);
  ACCORD_TEST_ADD ("/accord/history-view/log-error", test_log_error);
  g_test_add ("/accord/history-view/paging", Fixture, NULL, fixture_setup_empty, test_paging,
              fixture_teardown);
  ACCORD_TEST_ADD ("/accord/history-view/paging-merge", test_paging_merge);
  ACCORD_TEST_ADD ("/accord/history-view/select-missing", test_select_missing);
  ACCORD_TEST_ADD ("/accord/history-view/finalize", test_finalize);
  ACCORD_TEST_ADD ("/accord/history-view/finalize-loading", test_finalize_loading);


  return g_test_run ();
}
