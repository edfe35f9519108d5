/* test-outline.c
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

static void
test_tree (Fixture       *fixture,
           gconstpointer  data)
{
  GtkTreeListModel *tree = get_tree (fixture);
  g_autoptr(GtkTreeListRow) row = NULL;
  AccordOutlineRow *widget;
  GtkWidget *list_view;

  list_view = accord_test_ui_find (GTK_WIDGET (fixture->outline), GTK_TYPE_LIST_VIEW);
  g_assert_true (gtk_widget_has_css_class (list_view, "navigation-sidebar"));
  g_assert_false (gtk_tree_list_model_get_autoexpand (tree));

  /* Sections start collapsed, in order. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), ==, 3);
  assert_shown (fixture, "S1,S2,S3");

  /* A section shows its objectives, then its sub-sections. */
  row = gtk_tree_list_model_get_row (tree, 0);
  g_assert_true (gtk_tree_list_row_is_expandable (row));
  gtk_tree_list_row_set_expanded (row, TRUE);
  assert_shown (fixture, "S1,Objective one,Objective two,S1a,S1b,S2,S3");
  g_clear_object (&row);

  /* An objective cannot be expanded. */
  row = gtk_tree_list_model_get_row (tree, 1);
  g_assert_false (gtk_tree_list_row_is_expandable (row));

  /* Objectives show their code. */
  widget = find_row (fixture, fixture->o11);
  g_assert_cmpstr (accord_outline_row_get_text (widget), ==, "O1.1 · Objective one");
  g_assert_cmpstr (accord_outline_row_get_text (find_row (fixture, fixture->o12)), ==,
                   "Objective two");
  g_assert_cmpstr (accord_outline_row_get_text (find_row (fixture, fixture->s1a)), ==, "S1a");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "objective"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_row (fixture, fixture->s1)),
                                           "section"));

  /* Titles and codes are followed as they change. */
  accord_entity_set_field (fixture->o11, "title", "First objective", NULL);
  g_assert_cmpstr (accord_outline_row_get_text (widget), ==, "O1.1 · First objective");
  accord_entity_set_field (fixture->o11, "code", "A", NULL);
  g_assert_cmpstr (accord_outline_row_get_text (widget), ==, "A · First objective");
  accord_entity_set_field (fixture->s1a, "title", "Renamed", NULL);
  g_assert_cmpstr (accord_outline_row_get_text (find_row (fixture, fixture->s1a)), ==, "Renamed");

  /* Children follow their order. */
  accord_entity_set_field (fixture->s1a, "order", "z", NULL);
  assert_shown (fixture, "S1,First objective,Objective two,S1b,Renamed,S2,S3");
}

static GtkWidget *
find_badge (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "outline-badge"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_badge (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the badge of the row of @entity shows, or %NULL when it is hidden. */
static const char *
badge_text (Fixture      *fixture,
            AccordEntity *entity)
{
  GtkWidget *badge = find_badge (GTK_WIDGET (find_row (fixture, entity)));

  g_assert_nonnull (badge);

  return gtk_widget_get_visible (badge) ? gtk_label_get_label (GTK_LABEL (badge)) : NULL;
}

static void
test_badges (Fixture       *fixture,
             gconstpointer  data)
{
  AccordOutlineRow *row;
  AccordEntity *comment;

  accord_outline_select (fixture->outline, fixture->o11);

  /* A comment answering another still counts for its target. */
  row = find_row (fixture, fixture->o11);
  g_assert_cmpstr (badge_text (fixture, fixture->o11), ==, "2");
  g_assert_cmpuint (accord_outline_row_get_comment_count (row), ==, 2);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "2 comments");
  g_assert_cmpstr (badge_text (fixture, fixture->s2), ==, "1");
  gtk_test_accessible_assert_property (find_row (fixture, fixture->s2),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "1 comment");

  /* No comment, no badge. */
  row = find_row (fixture, fixture->s1);
  g_assert_null (badge_text (fixture, fixture->s1));
  g_assert_null (badge_text (fixture, fixture->o12));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* The badge follows comments as they come and go. */
  comment = add_comment (fixture->strategy, fixture->s1, NULL);
  g_assert_cmpstr (badge_text (fixture, fixture->s1), ==, "1");
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "1 comment");
  add_comment (fixture->strategy, fixture->s1, comment);
  g_assert_cmpstr (badge_text (fixture, fixture->s1), ==, "2");

  /* A comment given another target counts there instead. */
  g_assert_true (accord_entity_set_field (comment, "target", accord_entity_get_id (fixture->o12),
                                          NULL));
  g_assert_cmpstr (badge_text (fixture, fixture->s1), ==, "1");
  g_assert_cmpstr (badge_text (fixture, fixture->o12), ==, "1");
  g_assert_true (accord_entity_set_field (comment, "target", accord_entity_get_id (fixture->s1),
                                          NULL));
  g_assert_cmpstr (badge_text (fixture, fixture->s1), ==, "2");
  g_assert_null (badge_text (fixture, fixture->o12));

  g_assert_true (accord_strategy_remove (fixture->strategy, accord_entity_get_id (fixture->c3),
                                         NULL));
  g_assert_null (badge_text (fixture, fixture->s2));
  row = find_row (fixture, fixture->s2);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* Deleting a section takes its comments with it. */
  accord_outline_select (fixture->outline, fixture->s1);
  activate (fixture, "delete");
  g_assert_cmpuint (accord_strategy_count (fixture->strategy, ACCORD_ENTITY_COMMENT), ==, 0);
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  GtkTreeListModel *tree = get_tree (fixture);
  GtkSingleSelection *selection;
  GtkWidget *list_view;

  list_view = accord_test_ui_find (GTK_WIDGET (fixture->outline), GTK_TYPE_LIST_VIEW);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_null (accord_outline_get_selected (fixture->outline));

  /* Selecting expands what the entity is in. */
  accord_outline_select (fixture->outline, fixture->o11);
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->o11);
  g_assert_cmpuint (fixture->notified, ==, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  assert_shown (fixture, "S1,Objective one,Objective two,S1a,S1b,S2,S3");

  /* Selecting again changes nothing. */
  accord_outline_select (fixture->outline, fixture->o11);
  g_assert_cmpuint (fixture->notified, ==, 1);

  /* Choosing a row in the list selects its entity. */
  gtk_single_selection_set_selected (selection, 5);
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s2);
  g_assert_cmpuint (fixture->notified, ==, 2);

  /* Sorting the siblings again keeps the selection on its entity. */
  accord_entity_set_field (fixture->s2, "order", "a", NULL);
  assert_shown (fixture, "S2,S1,Objective one,Objective two,S1a,S1b,S3");
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s2);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpuint (fixture->notified, ==, 2);

  /* Collapsing the section of the selection selects the section. */
  accord_outline_select (fixture->outline, fixture->o12);
  g_assert_cmpuint (fixture->notified, ==, 3);
  {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, 1);

    gtk_tree_list_row_set_expanded (row, FALSE);
  }
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s1);
  g_assert_cmpuint (fixture->notified, ==, 4);

  /* Selecting leaves the keyboard focus where it is, once the list has
   * scrolled to the row and drawn it. */
  gtk_widget_grab_focus (fixture->entry);
  accord_outline_select (fixture->outline, fixture->s1b);
  find_row (fixture, fixture->s1b);
  accord_test_ui_wait_frames (fixture->window, 2);
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s1b);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                         fixture->entry));

  /* The selected entity removed elsewhere is no longer selected. */
  accord_outline_select (fixture->outline, fixture->s3);
  g_assert_true (accord_strategy_remove (fixture->strategy, accord_entity_get_id (fixture->s3),
                                         NULL));
  g_assert_null (accord_outline_get_selected (fixture->outline));

  accord_outline_select (fixture->outline, fixture->s1);
  accord_outline_select (fixture->outline, NULL);
  g_assert_null (accord_outline_get_selected (fixture->outline));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
}

static void
test_empty (void)
{
  Fixture fixture = { NULL };
  GtkWidget *status;
  GtkWidget *button;

  fixture.strategy = accord_strategy_new ("Test", "fr");
  show_outline (&fixture);

  status = accord_test_ui_find (GTK_WIDGET (fixture.outline), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Sections");
  button = find_button_with_label (status, "_New Section");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (accord_strategy_count (fixture.strategy, ACCORD_ENTITY_SECTION), ==, 1);
  assert_shown (&fixture, "New Section");
  ACCORD_TEST_WAIT_FOR (!gtk_widget_get_mapped (status));

  fixture_teardown (&fixture, NULL);
}

static void
activated_cb (AccordOutline *outline,
              AccordEntity  *entity,
              AccordEntity **out)
{
  *out = entity;
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *list_view = accord_test_ui_find (GTK_WIDGET (fixture->outline), GTK_TYPE_LIST_VIEW);
  AccordEntity *activated = NULL;

  g_signal_connect (fixture->outline, "entity-activated", G_CALLBACK (activated_cb), &activated);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 1));
  g_assert_true (activated == fixture->s2);
}

/* Scrolls the outline from top to bottom a page at a time, each step
 * drawn, and gives the time the slowest step took. */
static double
scroll_through (Fixture *fixture)
{
  GtkWidget *scrolled = accord_test_ui_find (GTK_WIDGET (fixture->outline),
                                             GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gint64 slowest = 0;

  accord_test_ui_wait_frames (scrolled, 1);
  gtk_adjustment_set_value (adjustment, 0);

  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment))
    {
      gint64 start = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      accord_test_ui_wait_frames (scrolled, 1);
      slowest = MAX (slowest, g_get_monotonic_time () - start);
    }

  return slowest / 1000.0;
}

static void
test_large (void)
{
  Fixture fixture = { NULL };
  g_auto(GStrv) orders = accord_order_keys_spread (1000);
  GtkTreeListModel *tree;
  AccordEntity *last = NULL;
  gint64 start;

  fixture.strategy = accord_strategy_new ("Test", "fr");
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Section %u", i);
      AccordEntity *section = add_section (fixture.strategy, NULL, orders[i], title);

      for (guint j = 0; j < 5; j++)
        {
          g_autofree char *code = g_strdup_printf ("O%u.%u", i, j);

          last = add_objective (fixture.strategy, section, orders[j], code, code);
        }
    }

  show_outline (&fixture);
  tree = get_tree (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), ==, 1000);

  /* Opened again: the rows of the sections are made when they are shown. */
  accord_outline_set_strategy (fixture.outline, NULL);
  start = g_get_monotonic_time ();
  accord_outline_set_strategy (fixture.outline, fixture.strategy);
  g_test_message ("Setting a strategy of 1,000 sections and 5,000 objectives took %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  tree = get_tree (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), ==, 1000);
  g_test_message ("The slowest page scrolled took %.1f ms", scroll_through (&fixture));

  /* Everything expanded, from the bottom while the top is shown. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                              accord_test_ui_find (GTK_WIDGET (fixture.outline),
                                                   GTK_TYPE_SCROLLED_WINDOW))), 0);
  accord_test_ui_wait_frames (GTK_WIDGET (fixture.outline), 1);
  start = g_get_monotonic_time ();
  for (guint i = 1000; i > 0; i--)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (tree, i - 1);

      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  g_test_message ("Expanding every section took %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), ==, 6000);
  g_test_message ("The slowest page scrolled took %.1f ms", scroll_through (&fixture));

  /* The last objective, far down, is shown. */
  accord_outline_select (fixture.outline, last);
  g_assert_cmpstr (accord_outline_row_get_text (find_row (&fixture, last)), ==, "O999.4 · O999.4");

  fixture_teardown (&fixture, NULL);
}

/* Sections whose parents go round in a cycle hang at the top. */
static void
test_cycle (void)
{
  Fixture fixture = { NULL };
  AccordEntity *a, *b, *inside;

  fixture.strategy = accord_strategy_new ("Test", "fr");
  a = add_section (fixture.strategy, NULL, "c", "A");
  b = add_section (fixture.strategy, a, "c", "B");
  inside = add_objective (fixture.strategy, a, "c", NULL, "Inside");
  g_assert_true (accord_entity_set_field (a, "parent", accord_entity_get_id (b), NULL));
  show_outline (&fixture);
  assert_shown (&fixture, "A");

  accord_outline_select (fixture.outline, inside);
  g_assert_true (accord_outline_get_selected (fixture.outline) == inside);
  assert_shown (&fixture, "A,Inside,B");
  accord_outline_select (fixture.outline, a);
  g_assert_true (accord_outline_get_selected (fixture.outline) == a);
  accord_outline_select (fixture.outline, b);
  g_assert_true (accord_outline_get_selected (fixture.outline) == b);
  activate (&fixture, "add-objective");
  g_assert_cmpuint (accord_strategy_count (fixture.strategy, ACCORD_ENTITY_OBJECTIVE), ==, 2);

  fixture_teardown (&fixture, NULL);
}

static void
test_new (void)
{
  GtkWidget *widget = accord_outline_new ();
  AccordStrategy *strategy = accord_strategy_new ("Test", "fr");
  AccordEntity *section;

  g_object_ref_sink (widget);
  g_assert_true (ACCORD_IS_OUTLINE (widget));
  g_assert_null (accord_outline_get_strategy (ACCORD_OUTLINE (widget)));
  g_assert_true (accord_outline_get_editable (ACCORD_OUTLINE (widget)));

  section = add_section (strategy, NULL, "c", "S1");
  accord_outline_set_strategy (ACCORD_OUTLINE (widget), strategy);
  g_assert_true (accord_outline_get_strategy (ACCORD_OUTLINE (widget)) == strategy);
  accord_outline_select (ACCORD_OUTLINE (widget), section);
  g_assert_true (accord_outline_get_selected (ACCORD_OUTLINE (widget)) == section);

  accord_outline_set_strategy (ACCORD_OUTLINE (widget), NULL);
  g_assert_null (accord_outline_get_selected (ACCORD_OUTLINE (widget)));

  g_assert_finalize_object (widget);
  g_assert_finalize_object (strategy);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/accord/outline/new", test_new);
  g_test_add ("/accord/outline/tree", Fixture, NULL, fixture_setup, test_tree, fixture_teardown);
  g_test_add ("/accord/outline/badges", Fixture, NULL, fixture_setup, test_badges,
              fixture_teardown);
  g_test_add ("/accord/outline/select", Fixture, NULL, fixture_setup, test_select,
              fixture_teardown);

  g_test_add ("/accord/outline/activate", Fixture, NULL, fixture_setup, test_activate,
              fixture_teardown);
  g_test_add_func ("/accord/outline/empty", test_empty);
  g_test_add_func ("/accord/outline/cycle", test_cycle);
  g_test_add_func ("/accord/outline/large", test_large);

  return g_test_run ();
}
