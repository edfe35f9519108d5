/* test-history-view-restore.c
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

  ACCORD_TEST_ADD ("/accord/history-view/restore-entity", test_restore_entity);
  ACCORD_TEST_ADD ("/accord/history-view/restore-strategy", test_restore_strategy);
  ACCORD_TEST_ADD ("/accord/history-view/restore-unsaved", test_restore_unsaved);
  ACCORD_TEST_ADD ("/accord/history-view/milestone", test_milestone);

  return g_test_run ();
}
