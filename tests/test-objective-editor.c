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
#include "objective-editor-test-common.h"

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

static char *
dup_description_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (description_buffer (f), &start, &end);

  return gtk_text_buffer_get_text (description_buffer (f), &start, &end, TRUE);
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

  ACCORD_TEST_ADD ("/accord/objective-editor/external-change", test_external_change);
  ACCORD_TEST_ADD ("/accord/objective-editor/read-only", test_read_only);
  ACCORD_TEST_ADD ("/accord/objective-editor/switch-objective", test_switch_objective);
  ACCORD_TEST_ADD ("/accord/objective-editor/focus-title", test_focus_title);
  ACCORD_TEST_ADD ("/accord/objective-editor/font-and-scheme", test_font_and_scheme);

  return g_test_run ();
}
