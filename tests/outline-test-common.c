/* outline-test-common.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-outline-private.h"
#include "accord-outline-row.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "outline-test-common.h"

AccordEntity *
add_section (AccordStrategy *strategy,
             AccordEntity   *parent,
             const char     *order,
             const char     *title)
{
  return accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL,
                          "parent", parent != NULL ? accord_entity_get_id (parent) : NULL,
                          "order", order, "title", title, NULL);
}

AccordEntity *
add_objective (AccordStrategy *strategy,
               AccordEntity   *section,
               const char     *order,
               const char     *code,
               const char     *title)
{
  return accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, NULL,
                          "section", accord_entity_get_id (section),
                          "order", order, "code", code, "title", title, NULL);
}

AccordEntity *
add_comment (AccordStrategy *strategy,
             AccordEntity   *target,
             AccordEntity   *parent)
{
  return accord_test_add (strategy, ACCORD_ENTITY_COMMENT, NULL,
                          "target", accord_entity_get_id (target),
                          "parent", parent != NULL ? accord_entity_get_id (parent) : NULL,
                          NULL);
}

void
selected_notify_cb (AccordOutline *outline,
                    GParamSpec    *pspec,
                    Fixture       *fixture)
{
  fixture->notified++;
}

void
show_outline (Fixture *fixture)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 600);
  fixture->entry = gtk_entry_new ();
  gtk_window_set_titlebar (GTK_WINDOW (fixture->window), fixture->entry);
  fixture->outline = ACCORD_OUTLINE (accord_outline_new ());
  g_object_ref (fixture->outline);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->outline));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  accord_outline_set_strategy (fixture->outline, fixture->strategy);
  g_signal_connect (fixture->outline, "notify::selected", G_CALLBACK (selected_notify_cb), fixture);

  gtk_window_present (GTK_WINDOW (fixture->window));
  accord_test_ui_wait_mapped (GTK_WIDGET (fixture->outline));
}

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  AccordStrategy *strategy = accord_strategy_new ("Test", "fr");

  fixture->strategy = strategy;
  fixture->s1 = add_section (strategy, NULL, "c", "S1");
  fixture->s2 = add_section (strategy, NULL, "g", "S2");
  fixture->s3 = add_section (strategy, NULL, "k", "S3");
  fixture->s1a = add_section (strategy, fixture->s1, "c", "S1a");
  fixture->s1b = add_section (strategy, fixture->s1, "g", "S1b");
  fixture->o11 = add_objective (strategy, fixture->s1, "c", "O1.1", "Objective one");
  fixture->o12 = add_objective (strategy, fixture->s1, "g", NULL, "Objective two");
  fixture->o21 = add_objective (strategy, fixture->s2, "c", "O2.1", "Objective three");
  fixture->c1 = add_comment (strategy, fixture->o11, NULL);
  fixture->c2 = add_comment (strategy, fixture->o11, fixture->c1);
  fixture->c3 = add_comment (strategy, fixture->s2, NULL);

  show_outline (fixture);
}

void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  accord_test_ui_spin (10);
  g_assert_finalize_object (fixture->outline);
  g_assert_finalize_object (fixture->strategy);
}

GtkTreeListModel *
get_tree (Fixture *fixture)
{
  GtkListView *view = GTK_LIST_VIEW (accord_test_ui_find (GTK_WIDGET (fixture->outline),
                                                          GTK_TYPE_LIST_VIEW));
  GtkSelectionModel *selection = gtk_list_view_get_model (view);

  g_assert_true (GTK_IS_SINGLE_SELECTION (selection));

  return GTK_TREE_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
}

/* The titles of the rows shown, from top to bottom, separated by commas. */
char *
dup_shown (Fixture *fixture)
{
  GListModel *tree = G_LIST_MODEL (get_tree (fixture));
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);
      g_autoptr(AccordEntity) entity = gtk_tree_list_row_get_item (row);

      if (i > 0)
        g_string_append_c (titles, ',');
      g_string_append (titles, accord_entity_get_field (entity, "title"));
    }

  return g_string_free (titles, FALSE);
}

/* The titles of the children of @parent in the strategy, in order. */
char *
dup_children (Fixture      *fixture,
              AccordEntity *parent)
{
  const char *parent_id = parent != NULL ? accord_entity_get_id (parent) : NULL;
  GListModel *children = accord_strategy_get_children (fixture->strategy, parent_id);
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(AccordEntity) entity = g_list_model_get_item (children, i);

      if (i > 0)
        g_string_append_c (titles, ',');
      g_string_append (titles, accord_entity_get_field (entity, "title"));
    }

  return g_string_free (titles, FALSE);
}

AccordOutlineRow *
find_row_in (GtkWidget    *widget,
             AccordEntity *entity)
{
  if (ACCORD_IS_OUTLINE_ROW (widget))
    return accord_outline_row_get_entity (ACCORD_OUTLINE_ROW (widget)) == entity &&
           gtk_widget_get_mapped (widget) ? ACCORD_OUTLINE_ROW (widget) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AccordOutlineRow *row = find_row_in (child, entity);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The row showing @entity, once the list has laid it out. */
AccordOutlineRow *
find_row (Fixture      *fixture,
          AccordEntity *entity)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  AccordOutlineRow *row;

  while ((row = find_row_in (GTK_WIDGET (fixture->outline), entity)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }

  return row;
}

GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the keyboard focus is on the row of @entity. */
gboolean
row_has_focus (Fixture      *fixture,
               AccordEntity *entity)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (find_row (fixture, entity)));

  return focus != NULL && (focus == item || gtk_widget_is_ancestor (focus, item));
}

void
activate (Fixture    *fixture,
          const char *name)
{
  g_autofree char *detailed = g_strconcat ("outline.", name, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->outline), detailed, NULL));
  accord_test_ui_wait_frames (fixture->window, 2);
}
