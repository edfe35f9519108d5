/* objective-editor-test-common.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gtksourceview/gtksource.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-objective-editor.h"

#include "objective-editor-test-common.h"

AccordEntity *
add_objective (Fixture            *f,
               const char         *order,
               const char * const *fields,
               const char * const *partners,
               const char * const *indicators)
{
  g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, NULL);
  g_autoptr(GError) error = NULL;

  accord_entity_set_field (objective, "section", accord_entity_get_id (f->section), &error);
  g_assert_no_error (error);
  accord_entity_set_field (objective, "order", order, &error);
  g_assert_no_error (error);

  for (guint i = 0; fields[i] != NULL; i += 2)
    {
      accord_entity_set_field (objective, fields[i], fields[i + 1], &error);
      g_assert_no_error (error);
    }

  accord_entity_set_list (objective, "partner", partners, &error);
  g_assert_no_error (error);
  accord_entity_set_list (objective, "indicator", indicators, &error);
  g_assert_no_error (error);

  accord_strategy_add (f->strategy, objective, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&objective);
}

void
fixture_setup (Fixture       *f,
                gconstpointer  data)
{
  static const char * const fields[] = {
    "title", "Connect every school",
    "code", "O1.1",
    "status", "in-progress",
    "priority", "high",
    "lead", "Ministry of Education",
    "due", "2026-03-15",
    "description", "All schools get **fibre**.\n",
    NULL
  };
  static const char * const partners[] = { "Regions", "Cities", NULL };
  static const char * const indicators[] = {
    "Schools connected", "Teachers trained", "Budget spent", NULL
  };
  g_autoptr(GError) error = NULL;

  f->strategy = accord_strategy_new ("Test", "fr");
  f->section = accord_entity_new (ACCORD_ENTITY_SECTION, NULL);
  accord_entity_set_field (f->section, "title", "Education", &error);
  g_assert_no_error (error);
  accord_entity_set_field (f->section, "order", "m", &error);
  g_assert_no_error (error);
  accord_strategy_add (f->strategy, f->section, &error);
  g_assert_no_error (error);

  f->objective = add_objective (f, "m", fields, partners, indicators);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 900);
  f->editor = accord_objective_editor_new ();
  g_object_ref (f->editor);
  gtk_window_set_child (GTK_WINDOW (f->window), f->editor);
  accord_objective_editor_set_objective (ACCORD_OBJECTIVE_EDITOR (f->editor),
                                         ACCORD_OBJECTIVE (f->objective));
  gtk_window_present (GTK_WINDOW (f->window));
  accord_test_ui_wait_mapped (f->editor);
}

void
fixture_teardown (Fixture       *f,
                   gconstpointer  data)
{
  AccordEntity *objective = f->objective;

  gtk_window_destroy (GTK_WINDOW (f->window));
  accord_test_ui_spin (10);
  /* Nothing else holds the editor once its window is gone… */
  g_assert_finalize_object (f->editor);

  /* …and the editor let go of the objective. */
  g_object_add_weak_pointer (G_OBJECT (objective), (gpointer *) &objective);
  g_object_unref (f->objective);
  g_object_unref (f->section);
  g_assert_finalize_object (f->strategy);
  g_assert_null (objective);
}

/* Widgets are found by the names the editor gives them. */
GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
get_widget (Fixture    *f,
            const char *name)
{
  GtkWidget *widget = find_named (f->editor, name);

  g_assert_nonnull (widget);

  return widget;
}

const char *
field (Fixture    *f,
       const char *name)
{
  return accord_entity_get_field (f->objective, name);
}

GtkWidget *
list_row (Fixture    *f,
          const char *list,
          int         index)
{
  GtkWidget *box = get_widget (f, list);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), index));
}

const char *
row_title (Fixture    *f,
           const char *list,
           int         index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (f, list, index)));
}

int
count_rows (Fixture    *f,
            const char *list)
{
  int n = 0;

  while (list_row (f, list, n) != NULL)
    n++;

  return n;
}

GtkWidget *
row_button (Fixture    *f,
            const char *list,
            int         index,
            const char *name)
{
  GtkWidget *row = list_row (f, list, index);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = find_named (row, name);
  g_assert_true (GTK_IS_BUTTON (button));

  return button;
}

void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

void
assert_rows (Fixture            *f,
             const char         *list,
             const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpint (count_rows (f, list), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (list_row (f, list, i))), ==,
                     expected[i]);
}

gboolean
has_focus_within (Fixture   *f,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

GtkTextBuffer *
description_buffer (Fixture *f)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_widget (f, "description-view")));
}

const char *
due_subtitle (Fixture *f)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (get_widget (f, "due-row")));
}

void
select_combo (Fixture    *f,
              const char *name,
              guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (f, name)), position);
}
