/* test-objective-editor-fields.c
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

static void
assert_strv (const char * const *values,
             const char * const *expected)
{
  if (expected == NULL || expected[0] == NULL)
    {
      g_assert_true (values == NULL || values[0] == NULL);
      return;
    }

  g_assert_nonnull (values);
  g_assert_cmpstrv (values, expected);
}

static void
select_calendar_day (Fixture *f,
                     int      year,
                     int      month,
                     int      day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

  gtk_calendar_select_day (GTK_CALENDAR (get_widget (f, "due-calendar")), date);
}

static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  select_combo (f, "status-row", 3);
  g_assert_cmpstr (field (f, "status"), ==, "achieved");
  select_combo (f, "status-row", 5);
  g_assert_cmpstr (field (f, "status"), ==, "cancelled");
  select_combo (f, "status-row", 0);
  g_assert_null (field (f, "status"));

  select_combo (f, "priority-row", 3);
  g_assert_cmpstr (field (f, "priority"), ==, "low");
  select_combo (f, "priority-row", 0);
  g_assert_null (field (f, "priority"));
}

static char *
dup_calendar_date (Fixture *f)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (get_widget (f, "due-calendar")));

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
assert_calendar_date (Fixture    *f,
                      const char *expected)
{
  g_autofree char *date = dup_calendar_date (f);

  g_assert_cmpstr (date, ==, expected);
}

static void
assert_calendar_date_not (Fixture    *f,
                          const char *unexpected)
{
  g_autofree char *date = dup_calendar_date (f);

  g_assert_cmpstr (date, !=, unexpected);
}

static GtkWidget *
find_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  GtkWidget *popover =
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (get_widget (f, "due-button"))));
  GtkWidget *clear = get_widget (f, "due-clear");

  gtk_menu_button_popup (GTK_MENU_BUTTON (get_widget (f, "due-button")));
  accord_test_ui_wait_mapped (popover);
  assert_calendar_date (f, "2026-03-15");

  /* Browsing months chooses nothing, and the calendar opens on the due
   * date again. */
  click (find_button (get_widget (f, "due-calendar")));
  g_assert_cmpstr (field (f, "due"), ==, "2026-03-15");
  assert_calendar_date_not (f, "2026-03-15");
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_menu_button_popup (GTK_MENU_BUTTON (get_widget (f, "due-button")));
  accord_test_ui_wait_mapped (popover);
  assert_calendar_date (f, "2026-03-15");

  /* Choosing a day sets it. */
  select_calendar_day (f, 2027, 1, 5);
  g_assert_cmpstr (field (f, "due"), ==, "2027-01-05");
  g_assert_cmpstr (due_subtitle (f), ==, "5 January 2027");
  g_assert_false (gtk_widget_get_visible (popover));

  click (clear);
  g_assert_null (field (f, "due"));
  g_assert_cmpstr (due_subtitle (f), ==, "No Due Date");
  g_assert_false (gtk_widget_get_sensitive (clear));

  select_calendar_day (f, 2026, 12, 31);
  g_assert_cmpstr (field (f, "due"), ==, "2026-12-31");
  g_assert_cmpstr (due_subtitle (f), ==, "31 December 2026");
  g_assert_true (gtk_widget_get_sensitive (clear));
}

static GtkWidget *
find_today_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "today"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_today_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The editor's controller of @type on the calendar: the one added last,
 * after the calendar's own, which GTK lists first. */
static GtkEventController *
find_added_controller (GtkWidget *widget,
                      GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_type_is_a (G_OBJECT_TYPE (controller), type))
        {
          found = controller;
          break;
        }
    }

  g_assert_nonnull (found);

  return found;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Without a due date the calendar shows today already selected; choosing
 * that day, which the calendar does not report, still sets it. */
static void
test_due_today (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *button = get_widget (f, "due-button");
  GtkWidget *calendar = get_widget (f, "due-calendar");
  g_autofree char *today = dup_today ();
  GtkEventController *controller;
  GtkWidget *label;
  graphene_point_t point;

  click (get_widget (f, "due-clear"));
  g_assert_null (field (f, "due"));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  accord_test_ui_wait_mapped (calendar);
  label = find_today_label (calendar);
  g_assert_nonnull (label);
  point = GRAPHENE_POINT_INIT (gtk_widget_get_width (label) / 2.0,
                               gtk_widget_get_height (label) / 2.0);
  g_assert_true (gtk_widget_compute_point (label, calendar, &point, &point));
  controller = find_added_controller (calendar, GTK_TYPE_GESTURE_CLICK);
  g_signal_emit_by_name (controller, "released", 1, (double) point.x, (double) point.y);
  g_assert_cmpstr (field (f, "due"), ==, today);

  /* A click outside the days, on the heading, chooses nothing. */
  click (get_widget (f, "due-clear"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  accord_test_ui_wait_mapped (calendar);
  g_signal_emit_by_name (controller, "released", 1, 1.0, 1.0);
  g_assert_null (field (f, "due"));

  /* The same with the keyboard. */
  gtk_widget_grab_focus (calendar);
  g_assert_true (gtk_widget_has_focus (calendar));
  controller = find_added_controller (calendar, GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (controller, "key-released", GDK_KEY_space, 0, 0);
  g_assert_cmpstr (field (f, "due"), ==, today);
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const added[] = {
    "Schools connected", "Teachers trained", "Budget spent", "Pupils online", NULL
  };
  static const char * const edited[] = {
    "Schools connected", "Teachers certified", "Budget spent", "Pupils online", NULL
  };
  static const char * const moved_up[] = {
    "Schools connected", "Teachers certified", "Pupils online", "Budget spent", NULL
  };
  static const char * const moved_down[] = {
    "Teachers certified", "Schools connected", "Pupils online", "Budget spent", NULL
  };
  static const char * const removed[] = {
    "Teachers certified", "Pupils online", "Budget spent", NULL
  };
  static const char * const original[] = {
    "Schools connected", "Teachers trained", "Budget spent", NULL
  };
  GtkWidget *row;

  /* A new row is empty, focused, and not stored until it has a text. */
  click (get_widget (f, "add-indicator"));
  g_assert_cmpint (count_rows (f, "indicator-list"), ==, 4);
  row = list_row (f, "indicator-list", 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_true (has_focus_within (f, row));
  assert_strv (accord_entity_get_list (f->objective, "indicator"), original);
  g_assert_false (gtk_widget_get_sensitive (row_button (f, "indicator-list", 3, "move-down")));
  g_assert_true (gtk_widget_get_sensitive (row_button (f, "indicator-list", 2, "move-down")));

  gtk_editable_set_text (GTK_EDITABLE (row), "Pupils online");
  assert_strv (accord_entity_get_list (f->objective, "indicator"), added);

  gtk_editable_set_text (GTK_EDITABLE (list_row (f, "indicator-list", 1)), "Teachers certified");
  assert_strv (accord_entity_get_list (f->objective, "indicator"), edited);

  /* Moving keeps the keyboard on the moved item. */
  click (row_button (f, "indicator-list", 3, "move-up"));
  assert_strv (accord_entity_get_list (f->objective, "indicator"), moved_up);
  assert_rows (f, "indicator-list", moved_up);
  g_assert_true (has_focus_within (f, row_button (f, "indicator-list", 2, "move-up")));

  click (row_button (f, "indicator-list", 0, "move-down"));
  assert_strv (accord_entity_get_list (f->objective, "indicator"), moved_down);
  assert_rows (f, "indicator-list", moved_down);
  g_assert_true (has_focus_within (f, row_button (f, "indicator-list", 1, "move-down")));

  /* At the top, focus goes to the button that can still move it. */
  click (row_button (f, "indicator-list", 1, "move-up"));
  g_assert_true (has_focus_within (f, row_button (f, "indicator-list", 0, "move-down")));
  click (row_button (f, "indicator-list", 0, "move-down"));
  assert_strv (accord_entity_get_list (f->objective, "indicator"), moved_down);

  click (row_button (f, "indicator-list", 1, "remove"));
  assert_strv (accord_entity_get_list (f->objective, "indicator"), removed);
  assert_rows (f, "indicator-list", removed);
  g_assert_cmpstr (row_title (f, "indicator-list", 2), ==, "Indicator 3");
  g_assert_true (has_focus_within (f, row_button (f, "indicator-list", 1, "remove")));
}

static void
test_partners (Fixture       *f,
               gconstpointer  data)
{
  static const char * const partners[] = { "Regions", "Cities", NULL };
  static const char * const added[] = { "Regions", "Cities", "Telecom operators", NULL };
  static const char * const removed[] = { "Cities", "Telecom operators", NULL };
  static const char * const none[] = { NULL };
  GtkWidget *row;

  click (get_widget (f, "add-partner"));
  row = list_row (f, "partner-list", 2);
  g_assert_nonnull (row);
  g_assert_true (has_focus_within (f, row));
  gtk_editable_set_text (GTK_EDITABLE (row), "  ");
  assert_strv (accord_entity_get_list (f->objective, "partner"), partners);
  gtk_editable_set_text (GTK_EDITABLE (row), "Telecom operators");
  assert_strv (accord_entity_get_list (f->objective, "partner"), added);

  click (row_button (f, "partner-list", 0, "remove"));
  assert_strv (accord_entity_get_list (f->objective, "partner"), removed);
  assert_rows (f, "partner-list", removed);

  /* Emptying a row drops the item; removing the last one clears the list. */
  gtk_editable_set_text (GTK_EDITABLE (list_row (f, "partner-list", 1)), "");
  assert_strv (accord_entity_get_list (f->objective, "partner"),
               (const char * const []) { "Cities", NULL });
  g_assert_cmpint (count_rows (f, "partner-list"), ==, 2);
  click (row_button (f, "partner-list", 1, "remove"));
  click (row_button (f, "partner-list", 0, "remove"));
  assert_strv (accord_entity_get_list (f->objective, "partner"), none);
  g_assert_cmpint (count_rows (f, "partner-list"), ==, 0);
  g_assert_true (has_focus_within (f, get_widget (f, "add-partner")));
}

static void
test_description (Fixture       *f,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = description_buffer (f);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n- a list item", -1);
  g_assert_cmpstr (field (f, "description"), ==, "All schools get **fibre**.\n\n- a list item");

  gtk_text_buffer_set_text (buffer, "", -1);
  g_assert_null (field (f, "description"));

  gtk_text_buffer_set_text (buffer, "# Heading", -1);
  g_assert_cmpstr (field (f, "description"), ==, "# Heading");
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  /* libadwaita 1.2 leaks an entry row's animation when it starts again
   * while the row is being unmapped, as when a window closes right after
   * the focus moved; without animations nothing plays. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  ACCORD_TEST_ADD ("/accord/objective-editor/choices", test_choices);
  ACCORD_TEST_ADD ("/accord/objective-editor/due", test_due);
  ACCORD_TEST_ADD ("/accord/objective-editor/due-today", test_due_today);
  ACCORD_TEST_ADD ("/accord/objective-editor/indicators", test_indicators);
  ACCORD_TEST_ADD ("/accord/objective-editor/partners", test_partners);
  ACCORD_TEST_ADD ("/accord/objective-editor/description", test_description);

  return g_test_run ();
}
