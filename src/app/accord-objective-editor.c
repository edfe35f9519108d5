/* accord-objective-editor.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-objective-editor"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "accord-objective-editor-private.h"

/*
 * AccordObjectiveEditor:
 *
 * A form editing every field of one objective. Each edit is written to the
 * entity at once; changes made elsewhere (a restore, the command line…)
 * come back through the entity's "changed" signal and refresh the rows,
 * except while the editor is writing, so that typing never loops and the
 * cursor of the row being typed in stays where it is.
 */

G_DEFINE_FINAL_TYPE (AccordObjectiveEditor, accord_objective_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OBJECTIVE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_accord_objective_editor_can_edit (AccordObjectiveEditor *self)
{
  return self->editable && self->objective != NULL;
}

static void
write_field (AccordObjectiveEditor *self,
             const char            *field,
             const char            *value)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->objective != NULL);

  self->writing++;
  if (!accord_entity_set_field (ACCORD_ENTITY (self->objective), field, value, &error))
    g_warning ("Could not set the objective’s %s: %s", field, error->message);
  self->writing--;
}

/* Text rows */

static void
refresh_entry (AccordObjectiveEditor *self,
               AdwEntryRow           *row,
               const char            *field)
{
  const char *value = NULL;

  if (self->objective != NULL)
    value = accord_entity_get_field (ACCORD_ENTITY (self->objective), field);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value != NULL ? value : "") != 0)
    {
      self->refreshing++;
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      self->refreshing--;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
entry_changed (AccordObjectiveEditor *self,
               AdwEntryRow           *row,
               const char            *field)
{
  if (self->refreshing > 0 || self->objective == NULL)
    return;

  write_field (self, field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
code_changed_cb (AccordObjectiveEditor *self,
                 AdwEntryRow           *row)
{
  entry_changed (self, row, "code");
}

static void
lead_changed_cb (AccordObjectiveEditor *self,
                 AdwEntryRow           *row)
{
  entry_changed (self, row, "lead");
}

gboolean
_accord_objective_editor_is_blank (const char *text)
{
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      if (!g_unichar_isspace (g_utf8_get_char (c)))
        return FALSE;
    }

  return TRUE;
}

/* The title is required: while the row is blank the entity keeps its
 * previous title and the row shows the problem. */
static void
title_changed_cb (AccordObjectiveEditor *self,
                  AdwEntryRow           *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->refreshing > 0 || self->objective == NULL)
    return;

  if (_accord_objective_editor_is_blank (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  write_field (self, "title", text);
}

/* Choice rows: position 0 is "Not Set", then the schema's choices. */

static void
setup_choice_row (AdwComboRow *row,
                  const char  *field)
{
  const char * const *choices = accord_entity_kind_get_choices (ACCORD_ENTITY_OBJECTIVE, field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Not Set"));
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    gtk_string_list_append (labels,
                            accord_entity_kind_get_choice_label (ACCORD_ENTITY_OBJECTIVE,
                                                                 field, choices[i]));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
refresh_choice (AccordObjectiveEditor *self,
                AdwComboRow           *row,
                const char            *field)
{
  const char * const *choices = accord_entity_kind_get_choices (ACCORD_ENTITY_OBJECTIVE, field);
  const char *value = NULL;
  guint position = 0;

  if (self->objective != NULL)
    value = accord_entity_get_field (ACCORD_ENTITY (self->objective), field);

  for (guint i = 0; value != NULL && choices != NULL && choices[i] != NULL; i++)
    {
      if (strcmp (choices[i], value) == 0)
        position = i + 1;
    }

  if (adw_combo_row_get_selected (row) != position)
    {
      self->refreshing++;
      adw_combo_row_set_selected (row, position);
      self->refreshing--;
    }
}

static void
choice_selected (AccordObjectiveEditor *self,
                 AdwComboRow           *row,
                 const char            *field)
{
  const char * const *choices = accord_entity_kind_get_choices (ACCORD_ENTITY_OBJECTIVE, field);
  guint position = adw_combo_row_get_selected (row);
  const char *value = NULL;

  if (self->refreshing > 0 || self->objective == NULL)
    return;

  if (position != GTK_INVALID_LIST_POSITION && position > 0 &&
      position <= g_strv_length ((char **) choices))
    value = choices[position - 1];

  write_field (self, field, value);
}

static void
status_selected_cb (AccordObjectiveEditor *self,
                    GParamSpec            *pspec,
                    AdwComboRow           *row)
{
  choice_selected (self, row, "status");
}

static void
priority_selected_cb (AccordObjectiveEditor *self,
                      GParamSpec            *pspec,
                      AdwComboRow           *row)
{
  choice_selected (self, row, "priority");
}

/* Due date */

static GDateTime *
parse_date (const char *value)
{
  int year, month, day;

  if (value == NULL || sscanf (value, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

/* The date as people read it, "15 March 2026", without the padding that
 * %e puts before one-digit days. */
static char *
dup_date_label (GDateTime *date)
{
  /* Translators: how a due date is shown, see g_date_time_format(). */
  g_autofree char *text = g_date_time_format (date, _("%-e %B %Y"));
  const char *start = text;
  const char *end;

  if (text == NULL)
    return NULL;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

/* Shows the due date in the calendar, or today when there is none. */
static void
select_due_day (AccordObjectiveEditor *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->objective != NULL)
    date = parse_date (accord_entity_get_field (ACCORD_ENTITY (self->objective), "due"));
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->refreshing++;
  gtk_calendar_select_day (self->due_calendar, date);
  self->refreshing--;
}

static void
refresh_due (AccordObjectiveEditor *self)
{
  const char *value = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *label = NULL;

  if (self->objective != NULL)
    value = accord_entity_get_field (ACCORD_ENTITY (self->objective), "due");

  date = parse_date (value);
  if (date != NULL)
    label = dup_date_label (date);
  else if (value != NULL)
    label = g_strdup (value);
  else
    label = g_strdup (_("No Due Date"));

  adw_action_row_set_subtitle (self->due_row, label);
  gtk_widget_set_sensitive (self->due_clear_button, value != NULL);

  select_due_day (self);
}

static void
due_popover_show_cb (AccordObjectiveEditor *self,
                     GtkPopover            *popover)
{
  /* Browsing other months moves the calendar's selection: start again
   * from the due date each time. */
  select_due_day (self);
}

static void
commit_calendar_date (AccordObjectiveEditor *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *value = NULL;

  if (self->refreshing > 0 || !_accord_objective_editor_can_edit (self))
    return;

  date = gtk_calendar_get_date (self->due_calendar);
  value = g_strdup_printf ("%04d-%02d-%02d",
                           g_date_time_get_year (date),
                           g_date_time_get_month (date),
                           g_date_time_get_day_of_month (date));
  write_field (self, "due", value);
  refresh_due (self);
  gtk_popover_popdown (self->due_popover);
}

static void
due_day_selected_cb (AccordObjectiveEditor *self,
                     GtkCalendar           *calendar)
{
  commit_calendar_date (self);
}

/* GtkCalendar reports a day only when the selection changes, so choosing
 * the day it already shows (today, when there is no due date yet) is
 * caught from the click or the Space key that chose it. */
static void
calendar_released_cb (AccordObjectiveEditor *self,
                      int                    n_press,
                      double                 x,
                      double                 y,
                      GtkGestureClick       *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->due_calendar), x, y, GTK_PICK_DEFAULT);

  if (GTK_IS_LABEL (picked) && gtk_widget_has_css_class (picked, "day-number"))
    commit_calendar_date (self);
}

static void
calendar_key_released_cb (AccordObjectiveEditor *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) &&
      gtk_widget_has_focus (GTK_WIDGET (self->due_calendar)))
    commit_calendar_date (self);
}

static void
due_clear_clicked_cb (AccordObjectiveEditor *self,
                      GtkButton             *button)
{
  if (!_accord_objective_editor_can_edit (self))
    return;

  write_field (self, "due", NULL);
  refresh_due (self);
  gtk_popover_popdown (self->due_popover);
}

/* Description */

static GtkTextBuffer *
get_description_buffer (AccordObjectiveEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view));
}

static void
refresh_description (AccordObjectiveEditor *self)
{
  GtkTextBuffer *buffer = get_description_buffer (self);
  const char *value = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->objective != NULL)
    value = accord_entity_get_field (ACCORD_ENTITY (self->objective), "description");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (strcmp (text, value != NULL ? value : "") == 0)
    return;

  /* Undoing past a text that came from the entity would write an old
   * description back, or another objective's. */
  self->refreshing++;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->refreshing--;
}

static void
description_changed_cb (AccordObjectiveEditor *self,
                        GtkTextBuffer         *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->refreshing > 0 || self->objective == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  write_field (self, "description", text);
}

static void
update_style_scheme (AccordObjectiveEditor *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (get_description_buffer (self));

  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
dark_changed_cb (AccordObjectiveEditor *self,
                 GParamSpec            *pspec,
                 AdwStyleManager       *style_manager)
{
  update_style_scheme (self);
}

static void
append_css_family (GString    *css,
                   const char *families)
{
  g_auto(GStrv) names = g_strsplit (families, ",", -1);
  gboolean first = TRUE;

  g_string_append (css, " font-family:");
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (*name == '\0')
        continue;

      g_string_append (css, first ? " \"" : ", \"");
      for (const char *c = name; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (css, '\\');
          g_string_append_c (css, *c);
        }
      g_string_append_c (css, '"');
      first = FALSE;
    }
  g_string_append_c (css, ';');
}

/* The CSS for the description in the Pango font description @font, such
 * as "Monospace 11". */
static char *
font_css_new (const char *font)
{
  PangoFontDescription *description = pango_font_description_from_string (font);
  PangoFontMask mask = pango_font_description_get_set_fields (description);
  GString *css = g_string_new ("textview {");
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if ((mask & PANGO_FONT_MASK_FAMILY) != 0)
    append_css_family (css, pango_font_description_get_family (description));

  if ((mask & PANGO_FONT_MASK_SIZE) != 0 && pango_font_description_get_size (description) > 0)
    {
      g_ascii_formatd (number, sizeof number, "%.2f",
                       (double) pango_font_description_get_size (description) / PANGO_SCALE);
      g_string_append_printf (css, " font-size: %s%s;", number,
                              pango_font_description_get_size_is_absolute (description) ?
                              "px" : "pt");
    }

  if ((mask & PANGO_FONT_MASK_WEIGHT) != 0)
    g_string_append_printf (css, " font-weight: %d;",
                            (int) pango_font_description_get_weight (description));

  if ((mask & PANGO_FONT_MASK_STYLE) != 0)
    {
      PangoStyle style = pango_font_description_get_style (description);

      g_string_append_printf (css, " font-style: %s;",
                              style == PANGO_STYLE_ITALIC ? "italic" :
                              style == PANGO_STYLE_OBLIQUE ? "oblique" : "normal");
    }

  /* About eight lines of text, whatever the font. */
  g_string_append (css, " min-height: 13em; }");
  pango_font_description_free (description);

  return g_string_free (css, FALSE);
}

static void
update_font (AccordObjectiveEditor *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");
  g_autofree char *css = font_css_new (font);

  gtk_css_provider_load_from_data (self->font_provider, css, -1);
}

static void
editor_font_changed_cb (AccordObjectiveEditor *self,
                        const char            *key,
                        GSettings             *settings)
{
  update_font (self);
}

/* Model to view */

static void
refresh_field (AccordObjectiveEditor *self,
               const char            *field)
{
  if (strcmp (field, "code") == 0)
    refresh_entry (self, self->code_row, "code");
  else if (strcmp (field, "title") == 0)
    refresh_entry (self, self->title_row, "title");
  else if (strcmp (field, "lead") == 0)
    refresh_entry (self, self->lead_row, "lead");
  else if (strcmp (field, "status") == 0)
    refresh_choice (self, self->status_row, "status");
  else if (strcmp (field, "priority") == 0)
    refresh_choice (self, self->priority_row, "priority");
  else if (strcmp (field, "due") == 0)
    refresh_due (self);
  else if (strcmp (field, "partner") == 0)
    _accord_objective_editor_refresh_items (&self->partners, FALSE);
  else if (strcmp (field, "indicator") == 0)
    _accord_objective_editor_refresh_items (&self->indicators, FALSE);
  else if (strcmp (field, "description") == 0)
    refresh_description (self);
}

static void
refresh_all (AccordObjectiveEditor *self)
{
  static const char * const fields[] = {
    "code", "title", "lead", "status", "priority", "due", "description",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    refresh_field (self, fields[i]);

  _accord_objective_editor_refresh_items (&self->partners, TRUE);
  _accord_objective_editor_refresh_items (&self->indicators, TRUE);
}

static void
objective_changed_cb (AccordObjectiveEditor *self,
                      const char            *field,
                      AccordEntity          *entity)
{
  if (self->writing > 0)
    return;

  refresh_field (self, field);
}

static void
update_editable (AccordObjectiveEditor *self)
{
  gboolean editable = _accord_objective_editor_can_edit (self);
  GtkWidget *rows[] = {
    GTK_WIDGET (self->code_row),
    GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->status_row),
    GTK_WIDGET (self->priority_row),
    GTK_WIDGET (self->lead_row),
    GTK_WIDGET (self->due_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], editable);

  gtk_widget_set_visible (GTK_WIDGET (self->due_button), editable);
  if (!editable)
    gtk_popover_popdown (self->due_popover);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->description_view), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->description_view), editable);

  _accord_objective_editor_update_item_rows (&self->partners);
  _accord_objective_editor_update_item_rows (&self->indicators);
}

static void
accord_objective_editor_dispose (GObject *object)
{
  AccordObjectiveEditor *self = (AccordObjectiveEditor *)object;

  if (self->objective != NULL)
    g_clear_signal_handler (&self->changed_handler, self->objective);
  g_clear_object (&self->objective);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_OBJECTIVE_EDITOR);

  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (accord_objective_editor_parent_class)->dispose (object);
}

static void
accord_objective_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AccordObjectiveEditor *self = ACCORD_OBJECTIVE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      g_value_set_object (value, self->objective);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_objective_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AccordObjectiveEditor *self = ACCORD_OBJECTIVE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      accord_objective_editor_set_objective (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      accord_objective_editor_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_objective_editor_class_init (AccordObjectiveEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_objective_editor_dispose;
  object_class->get_property = accord_objective_editor_get_property;
  object_class->set_property = accord_objective_editor_set_property;

  /**
   * AccordObjectiveEditor:objective:
   *
   * The objective being edited, or %NULL.
   */
  properties[PROP_OBJECTIVE] =
    g_param_spec_object ("objective", NULL, NULL,
                         ACCORD_TYPE_OBJECTIVE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AccordObjectiveEditor:editable:
   *
   * Whether the objective can be changed; when %FALSE the form only shows it.
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-objective-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, due_popover);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, due_clear_button);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, partner_list);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, add_partner_button);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, add_indicator_button);
  gtk_widget_class_bind_template_child (widget_class, AccordObjectiveEditor, description_view);
  gtk_widget_class_bind_template_callback (widget_class, code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lead_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, priority_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_clear_clicked_cb);

  _accord_objective_editor_class_lists_init (klass);
}

static void
setup_calendar (AccordObjectiveEditor *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (calendar_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->due_calendar), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (keys, "key-released", G_CALLBACK (calendar_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->due_calendar), keys);
}

static void
setup_description (AccordObjectiveEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (get_description_buffer (self));

  gtk_source_buffer_set_language (buffer,
                                  gtk_source_language_manager_get_language (languages,
                                                                            "markdown"));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (description_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->description_view)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::editor-font",
                           G_CALLBACK (editor_font_changed_cb), self, G_CONNECT_SWAPPED);
  update_font (self);
}

static void
accord_objective_editor_init (AccordObjectiveEditor *self)
{
  self->editable = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  _accord_objective_editor_lists_init (self);

  setup_choice_row (self->status_row, "status");
  setup_choice_row (self->priority_row, "priority");
  setup_calendar (self);
  setup_description (self);

  refresh_all (self);
  update_editable (self);
}

/**
 * accord_objective_editor_new:
 *
 * Returns: (transfer floating): a new #AccordObjectiveEditor, editing nothing
 */
GtkWidget *
accord_objective_editor_new (void)
{
  return g_object_new (ACCORD_TYPE_OBJECTIVE_EDITOR, NULL);
}

/**
 * accord_objective_editor_get_objective:
 * @self: an #AccordObjectiveEditor
 *
 * Returns: (transfer none) (nullable): the objective being edited
 */
AccordObjective *
accord_objective_editor_get_objective (AccordObjectiveEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_OBJECTIVE_EDITOR (self), NULL);

  return self->objective;
}

/**
 * accord_objective_editor_set_objective:
 * @self: an #AccordObjectiveEditor
 * @objective: (nullable): the objective to edit
 *
 * Shows @objective's fields; from then on edits change @objective only.
 */
void
accord_objective_editor_set_objective (AccordObjectiveEditor *self,
                                       AccordObjective       *objective)
{
  g_return_if_fail (ACCORD_IS_OBJECTIVE_EDITOR (self));
  g_return_if_fail (objective == NULL || ACCORD_IS_OBJECTIVE (objective));

  if (self->objective == objective)
    return;

  if (self->objective != NULL)
    g_clear_signal_handler (&self->changed_handler, self->objective);
  g_set_object (&self->objective, objective);
  if (objective != NULL)
    self->changed_handler = g_signal_connect_swapped (objective, "changed",
                                                      G_CALLBACK (objective_changed_cb), self);

  gtk_popover_popdown (self->due_popover);
  refresh_all (self);
  update_editable (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE]);
}

gboolean
accord_objective_editor_get_editable (AccordObjectiveEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_OBJECTIVE_EDITOR (self), FALSE);

  return self->editable;
}

/**
 * accord_objective_editor_set_editable:
 * @self: an #AccordObjectiveEditor
 * @editable: whether the objective can be changed
 *
 * When @editable is %FALSE the form shows the objective read-only and hides
 * the buttons that add, remove and move items.
 */
void
accord_objective_editor_set_editable (AccordObjectiveEditor *self,
                                      gboolean               editable)
{
  g_return_if_fail (ACCORD_IS_OBJECTIVE_EDITOR (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  update_editable (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * accord_objective_editor_focus_title:
 * @self: an #AccordObjectiveEditor
 *
 * Moves the keyboard focus to the title row, as after creating an objective.
 */
void
accord_objective_editor_focus_title (AccordObjectiveEditor *self)
{
  g_return_if_fail (ACCORD_IS_OBJECTIVE_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
