/* test-objective-editor.c
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

/* The objective editor shown in a window, editing an objective of a
 * strategy built in memory with the core API. */

typedef struct
{
  AccordStrategy *strategy;
  AccordEntity   *section;
  AccordEntity   *objective;
  GtkWidget      *window;
  GtkWidget      *editor;
} Fixture;

static AccordEntity *
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

static void
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

static void
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
static GtkWidget *
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

static GtkWidget *
get_widget (Fixture    *f,
            const char *name)
{
  GtkWidget *widget = find_named (f->editor, name);

  g_assert_nonnull (widget);

  return widget;
}

static const char *
row_text (Fixture    *f,
          const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (get_widget (f, name)));
}

static void
set_row_text (Fixture    *f,
              const char *name,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_widget (f, name)), text);
}

static const char *
field (Fixture    *f,
       const char *name)
{
  return accord_entity_get_field (f->objective, name);
}

static GtkWidget *
list_row (Fixture    *f,
          const char *list,
          int         index)
{
  GtkWidget *box = get_widget (f, list);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), index));
}

static const char *
row_title (Fixture    *f,
           const char *list,
           int         index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (f, list, index)));
}

static int
count_rows (Fixture    *f,
            const char *list)
{
  int n = 0;

  while (list_row (f, list, n) != NULL)
    n++;

  return n;
}

static GtkWidget *
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

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

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

static gboolean
has_focus_within (Fixture   *f,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkTextBuffer *
description_buffer (Fixture *f)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_widget (f, "description-view")));
}

static char *
dup_description_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (description_buffer (f), &start, &end);

  return gtk_text_buffer_get_text (description_buffer (f), &start, &end, TRUE);
}

static const char *
due_subtitle (Fixture *f)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (get_widget (f, "due-row")));
}

static const char *
combo_label (Fixture    *f,
             const char *name,
             guint       position)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (get_widget (f, name)));

  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

static guint
combo_selected (Fixture    *f,
                const char *name)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (get_widget (f, name)));
}

static void
select_combo (Fixture    *f,
              const char *name,
              guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (f, name)), position);
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
count_changes_cb (AccordEntity *entity,
                  const char   *name,
                  guint        *count)
{
  (*count)++;
}

static void
test_shows_model (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const partners[] = { "Regions", "Cities", NULL };
  static const char * const indicators[] = {
    "Schools connected", "Teachers trained", "Budget spent", NULL
  };
  g_autofree char *description = NULL;
  GtkWidget *language_view;
  GtkSourceLanguage *language;
  PangoFontMetrics *metrics;

  g_assert_true (accord_objective_editor_get_objective (ACCORD_OBJECTIVE_EDITOR (f->editor)) ==
                 ACCORD_OBJECTIVE (f->objective));
  g_assert_true (accord_objective_editor_get_editable (ACCORD_OBJECTIVE_EDITOR (f->editor)));

  g_assert_cmpstr (row_text (f, "code-row"), ==, "O1.1");
  g_assert_cmpstr (row_text (f, "title-row"), ==, "Connect every school");
  g_assert_cmpstr (row_text (f, "lead-row"), ==, "Ministry of Education");

  /* "Not Set", then the choices in the schema's order with their labels. */
  g_assert_cmpstr (combo_label (f, "status-row", 0), ==, "Not Set");
  g_assert_cmpstr (combo_label (f, "status-row", 1), ==, "Planned");
  g_assert_cmpstr (combo_label (f, "status-row", 2), ==, "In progress");
  g_assert_cmpuint (combo_selected (f, "status-row"), ==, 2);
  g_assert_cmpstr (combo_label (f, "priority-row", 0), ==, "Not Set");
  g_assert_cmpstr (combo_label (f, "priority-row", 1), ==, "High");
  g_assert_cmpuint (combo_selected (f, "priority-row"), ==, 1);

  g_assert_cmpstr (due_subtitle (f), ==, "15 March 2026");

  assert_rows (f, "partner-list", partners);
  assert_rows (f, "indicator-list", indicators);
  g_assert_cmpstr (row_title (f, "indicator-list", 1), ==, "Indicator 2");

  /* Items move within the list's ends only. */
  g_assert_false (gtk_widget_get_sensitive (row_button (f, "indicator-list", 0, "move-up")));
  g_assert_true (gtk_widget_get_sensitive (row_button (f, "indicator-list", 0, "move-down")));
  g_assert_true (gtk_widget_get_sensitive (row_button (f, "indicator-list", 2, "move-up")));
  g_assert_false (gtk_widget_get_sensitive (row_button (f, "indicator-list", 2, "move-down")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row_button (f, "indicator-list", 1, "move-up")),
                   ==, "Move Up");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row_button (f, "partner-list", 0, "remove")),
                   ==, "Remove Partner");
  /* Partners keep the order they were given in. */
  g_assert_null (find_named (list_row (f, "partner-list", 0), "move-up"));

  description = dup_description_text (f);
  g_assert_cmpstr (description, ==, "All schools get **fibre**.\n");
  language_view = get_widget (f, "description-view");
  language = gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (description_buffer (f)));
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "markdown");
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (language_view)), ==,
                   GTK_WRAP_WORD_CHAR);

  /* Room for about eight lines, even with one line of text. */
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (language_view), NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (language_view), >=,
                   8 * PANGO_PIXELS (pango_font_metrics_get_height (metrics)) +
                   gtk_text_view_get_top_margin (GTK_TEXT_VIEW (language_view)) +
                   gtk_text_view_get_bottom_margin (GTK_TEXT_VIEW (language_view)));
  pango_font_metrics_unref (metrics);

}

static void
test_edit_text (Fixture       *f,
                gconstpointer  data)
{
  set_row_text (f, "code-row", "O1.2");
  g_assert_cmpstr (field (f, "code"), ==, "O1.2");

  set_row_text (f, "title-row", "Connect every school and library");
  g_assert_cmpstr (field (f, "title"), ==, "Connect every school and library");

  set_row_text (f, "lead-row", "Regional councils");
  g_assert_cmpstr (field (f, "lead"), ==, "Regional councils");

  /* Emptying an optional row clears the field. */
  set_row_text (f, "lead-row", "");
  g_assert_null (field (f, "lead"));
  set_row_text (f, "code-row", "");
  g_assert_null (field (f, "code"));
}

static void
test_title_required (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *row = get_widget (f, "title-row");

  set_row_text (f, "title-row", "");
  g_assert_cmpstr (field (f, "title"), ==, "Connect every school");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  set_row_text (f, "title-row", "   ");
  g_assert_cmpstr (field (f, "title"), ==, "Connect every school");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  set_row_text (f, "title-row", "Fibre");
  g_assert_cmpstr (field (f, "title"), ==, "Fibre");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
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

static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const indicators[] = { "Only one", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkEditable *lead = GTK_EDITABLE (get_widget (f, "lead-row"));
  GtkWidget *new_row;
  guint changes = 0;

  accord_entity_set_field (f->objective, "title", "Restored title", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row_text (f, "title-row"), ==, "Restored title");

  accord_entity_set_field (f->objective, "status", "delayed", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (combo_selected (f, "status-row"), ==, 4);
  accord_entity_set_field (f->objective, "priority", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (combo_selected (f, "priority-row"), ==, 0);

  accord_entity_set_field (f->objective, "due", "2028-02-29", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (due_subtitle (f), ==, "29 February 2028");

  accord_entity_set_field (f->objective, "description", "Restored", &error);
  g_assert_no_error (error);
  description = dup_description_text (f);
  g_assert_cmpstr (description, ==, "Restored");

  /* A row being filled in survives changes to other fields… */
  click (get_widget (f, "add-indicator"));
  new_row = list_row (f, "indicator-list", 3);
  accord_entity_set_field (f->objective, "code", "O9", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row_text (f, "code-row"), ==, "O9");
  g_assert_true (list_row (f, "indicator-list", 3) == new_row);

  /* …until the list itself changes. */
  accord_entity_set_list (f->objective, "indicator", indicators, &error);
  g_assert_no_error (error);
  assert_rows (f, "indicator-list", indicators);
  g_assert_false (gtk_widget_get_sensitive (row_button (f, "indicator-list", 0, "move-up")));
  g_assert_false (gtk_widget_get_sensitive (row_button (f, "indicator-list", 0, "move-down")));

  /* Typing writes each change once and leaves the cursor alone. */
  g_signal_connect (f->objective, "changed::lead", G_CALLBACK (count_changes_cb), &changes);
  gtk_editable_set_position (lead, 3);
  gtk_editable_delete_text (lead, 8, 11);
  g_assert_cmpstr (field (f, "lead"), ==, "Ministry Education");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (gtk_editable_get_position (lead), ==, 3);
  g_signal_handlers_disconnect_by_func (f->objective, count_changes_cb, &changes);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  AccordObjectiveEditor *editor = ACCORD_OBJECTIVE_EDITOR (f->editor);
  static const char * const rows[] = {
    "code-row", "title-row", "status-row", "priority-row", "lead-row", "due-row", NULL
  };
  guint notified = 0;
  gulong handler;

  handler = accord_test_count_signal (editor, "notify::editable", &notified);
  accord_objective_editor_set_editable (editor, FALSE);
  accord_objective_editor_set_editable (editor, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (accord_objective_editor_get_editable (editor));

  for (guint i = 0; rows[i] != NULL; i++)
    g_assert_false (gtk_widget_is_sensitive (get_widget (f, rows[i])));
  g_assert_false (gtk_widget_is_sensitive (list_row (f, "indicator-list", 0)));
  g_assert_false (gtk_widget_is_sensitive (list_row (f, "partner-list", 0)));
  g_assert_false (gtk_widget_get_visible (get_widget (f, "add-partner")));
  g_assert_false (gtk_widget_get_visible (get_widget (f, "add-indicator")));
  g_assert_false (gtk_widget_get_visible (row_button (f, "indicator-list", 1, "move-up")));
  g_assert_false (gtk_widget_get_visible (row_button (f, "indicator-list", 1, "remove")));
  g_assert_false (gtk_widget_get_visible (row_button (f, "partner-list", 0, "remove")));
  g_assert_false (gtk_widget_get_visible (get_widget (f, "due-button")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (get_widget (f, "description-view"))));

  /* The fields still show the objective. */
  g_assert_cmpstr (row_text (f, "title-row"), ==, "Connect every school");

  g_object_set (editor, "editable", TRUE, NULL);
  for (guint i = 0; rows[i] != NULL; i++)
    g_assert_true (gtk_widget_is_sensitive (get_widget (f, rows[i])));
  g_assert_true (gtk_widget_get_visible (row_button (f, "indicator-list", 1, "remove")));
  g_assert_true (gtk_widget_get_visible (get_widget (f, "add-indicator")));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (get_widget (f, "description-view"))));
  g_signal_handler_disconnect (editor, handler);
}

static void
test_switch_objective (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const fields[] = {
    "title", "Train teachers",
    "code", "O1.2",
    NULL
  };
  static const char * const partners[] = { "Universities", NULL };
  static const char * const indicators[] = { "Teachers trained", NULL };
  AccordObjectiveEditor *editor = ACCORD_OBJECTIVE_EDITOR (f->editor);
  g_autoptr(AccordEntity) second = add_objective (f, "t", fields, partners, indicators);
  g_autofree char *description = NULL;
  guint notified = 0;
  gulong handler;

  /* Leave unsaved state behind: an empty new row and an empty title. */
  click (get_widget (f, "add-partner"));
  set_row_text (f, "title-row", "");

  handler = accord_test_count_signal (editor, "notify::objective", &notified);
  g_object_set (editor, "objective", second, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (accord_objective_editor_get_objective (editor) == ACCORD_OBJECTIVE (second));

  g_assert_cmpstr (row_text (f, "title-row"), ==, "Train teachers");
  g_assert_false (gtk_widget_has_css_class (get_widget (f, "title-row"), "error"));
  g_assert_cmpstr (row_text (f, "code-row"), ==, "O1.2");
  g_assert_cmpstr (row_text (f, "lead-row"), ==, "");
  g_assert_cmpuint (combo_selected (f, "status-row"), ==, 0);
  g_assert_cmpuint (combo_selected (f, "priority-row"), ==, 0);
  g_assert_cmpstr (due_subtitle (f), ==, "No Due Date");
  assert_rows (f, "partner-list", partners);
  assert_rows (f, "indicator-list", indicators);
  description = dup_description_text (f);
  g_assert_cmpstr (description, ==, "");

  set_row_text (f, "code-row", "O1.3");
  select_combo (f, "status-row", 1);
  g_assert_cmpstr (accord_entity_get_field (second, "code"), ==, "O1.3");
  g_assert_cmpstr (accord_entity_get_field (second, "status"), ==, "planned");
  g_assert_cmpstr (field (f, "code"), ==, "O1.1");
  g_assert_cmpstr (field (f, "status"), ==, "in-progress");
  g_assert_cmpstr (field (f, "title"), ==, "Connect every school");

  /* The first objective's changes no longer reach the rows. */
  accord_entity_set_field (f->objective, "lead", "Someone else", NULL);
  g_assert_cmpstr (row_text (f, "lead-row"), ==, "");

  /* Without an objective the form is empty and cannot be edited. */
  accord_objective_editor_set_objective (editor, NULL);
  g_assert_null (accord_objective_editor_get_objective (editor));
  g_assert_cmpstr (row_text (f, "title-row"), ==, "");
  g_assert_cmpint (count_rows (f, "indicator-list"), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (get_widget (f, "title-row")));
  g_assert_false (gtk_widget_get_visible (get_widget (f, "add-indicator")));

  accord_objective_editor_set_objective (editor, ACCORD_OBJECTIVE (f->objective));
  g_assert_cmpstr (row_text (f, "lead-row"), ==, "Someone else");
  g_assert_true (gtk_widget_is_sensitive (get_widget (f, "title-row")));
  g_assert_cmpuint (notified, ==, 3);
  g_signal_handler_disconnect (editor, handler);
}

static void
test_focus_title (Fixture       *f,
                  gconstpointer  data)
{
  accord_objective_editor_focus_title (ACCORD_OBJECTIVE_EDITOR (f->editor));
  g_assert_true (has_focus_within (f, get_widget (f, "title-row")));
}

static const char *
view_font_family (GtkWidget *view)
{
  PangoContext *context = gtk_widget_get_pango_context (view);

  return pango_font_description_get_family (pango_context_get_font_description (context));
}

static void
test_font_and_scheme (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWidget *view = get_widget (f, "description-view");
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (description_buffer (f));
  PangoFontDescription *font;
  int large, small;

  g_settings_set_string (settings, "editor-font", "Serif Bold 20");
  ACCORD_TEST_WAIT_FOR (g_strcmp0 (view_font_family (view), "Serif") == 0);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_BOLD);
  large = pango_font_description_get_size (font);

  g_settings_set_string (settings, "editor-font", "Monospace 10");
  ACCORD_TEST_WAIT_FOR (g_strcmp0 (view_font_family (view), "Monospace") == 0);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_NORMAL);
  small = pango_font_description_get_size (font);
  /* GTK turns points into pixels; what matters is that the size follows. */
  g_assert_cmpint (small, >, 0);
  g_assert_cmpint (ABS (large - 2 * small), <=, 2);
  g_settings_reset (settings, "editor-font");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                   ==, "Adwaita");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                   ==, "Adwaita-dark");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_objective_editor_new (void)
{
  GtkWidget *widget = accord_objective_editor_new ();

  g_object_ref_sink (widget);
  g_assert_true (ACCORD_IS_OBJECTIVE_EDITOR (widget));
  g_assert_null (accord_objective_editor_get_objective (ACCORD_OBJECTIVE_EDITOR (widget)));
  g_assert_false (gtk_widget_get_visible (find_named (widget, "add-indicator")));
  g_assert_finalize_object (widget);
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

  g_test_add_func ("/accord/objective-editor/new", test_objective_editor_new);
  ACCORD_TEST_ADD ("/accord/objective-editor/shows-model", test_shows_model);
  ACCORD_TEST_ADD ("/accord/objective-editor/edit-text", test_edit_text);
  ACCORD_TEST_ADD ("/accord/objective-editor/title-required", test_title_required);
  ACCORD_TEST_ADD ("/accord/objective-editor/choices", test_choices);
  ACCORD_TEST_ADD ("/accord/objective-editor/due", test_due);
  ACCORD_TEST_ADD ("/accord/objective-editor/due-today", test_due_today);
  ACCORD_TEST_ADD ("/accord/objective-editor/indicators", test_indicators);
  ACCORD_TEST_ADD ("/accord/objective-editor/partners", test_partners);
  ACCORD_TEST_ADD ("/accord/objective-editor/description", test_description);
  ACCORD_TEST_ADD ("/accord/objective-editor/external-change", test_external_change);
  ACCORD_TEST_ADD ("/accord/objective-editor/read-only", test_read_only);
  ACCORD_TEST_ADD ("/accord/objective-editor/switch-objective", test_switch_objective);
  ACCORD_TEST_ADD ("/accord/objective-editor/focus-title", test_focus_title);
  ACCORD_TEST_ADD ("/accord/objective-editor/font-and-scheme", test_font_and_scheme);

  return g_test_run ();
}
