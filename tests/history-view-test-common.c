/* history-view-test-common.c
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

/* Helpers */

/* Writes @strategy and saves it as a revision, whose id is remembered. */
const char *
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

void
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
void
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
void
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

void
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

const char *
revision (Fixture *fixture,
          guint    index)
{
  g_assert_cmpuint (index, <, fixture->revisions->len);

  return g_ptr_array_index (fixture->revisions, index);
}

/* Lets the worker threads finish, then the list lay itself out. */
void
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

guint
n_listed (Fixture *fixture)
{
  GtkListView *list_view = template_child (fixture, "list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
}

void
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

GtkWidget *
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

GtkWidget *
find_tag (GtkWidget  *root,
          const char *name)
{
  GtkWidget *label = find_label (root, name);

  if (label == NULL || !gtk_widget_has_css_class (label, "tag"))
    return NULL;

  return label;
}

/* The entry at @position in @list's model, NULL past its end. */
AccordHistoryEntry *
list_entry (GtkListView *list,
            guint        position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  AccordHistoryEntry *entry = g_list_model_get_item (model, position);

  /* The list's model holds it still. */
  if (entry != NULL)
    g_object_unref (entry);

  return entry;
}

/* The widget that shows the entry at @position in @list, once the list
 * is laid out; the lists here are short enough to be seen whole. */
GtkWidget *
list_row (GtkListView *list,
          guint        position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
  guint n_rows = 0;

  accord_test_ui_wait_frames (GTK_WIDGET (list), 2);

  for (GtkWidget *child = row; child != NULL; child = gtk_widget_get_next_sibling (child))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (model));
  g_assert_cmpuint (position, <, n_rows);

  for (guint i = 0; i < position; i++)
    row = gtk_widget_get_next_sibling (row);

  return row;
}

/* The entry selected in the outline of the selected revision, or NULL. */
AccordHistoryEntry *
selected_outline_entry (Fixture *fixture)
{
  GtkListView *outline = template_child (fixture, "outline_list");

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (
                                                   gtk_list_view_get_model (outline)));
}

/* Selects the row of entity @id in the outline of the selected revision. */
void
select_outline_entity (Fixture    *fixture,
                       const char *id)
{
  GtkListView *outline = template_child (fixture, "outline_list");
  GtkSelectionModel *model = gtk_list_view_get_model (outline);
  AccordHistoryEntry *entry;

  for (guint i = 0; (entry = list_entry (outline, i)) != NULL; i++)
    {
      if (g_strcmp0 (entry->entity_id, id) == 0)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          return;
        }
    }

  g_error ("%s is not in the outline", id);
}
