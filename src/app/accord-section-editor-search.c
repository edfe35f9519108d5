/* accord-section-editor-search.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-section-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "accord-section-editor-private.h"

/* The find and replace bar of the section editor: the search settings and
 * context over the body's buffer, the "editor." actions with their keyboard
 * shortcuts and the function that sets their enabled state, the bar's
 * signal handlers and the label that tells how many matches there are. */

/* State */

static gboolean
has_search_text (AccordSectionEditor *self)
{
  return gtk_source_search_settings_get_search_text (self->search_settings) != NULL;
}

void
_accord_section_editor_update_actions (AccordSectionEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_section = self->section != NULL;
  gboolean can_search = has_section && has_search_text (self);
  gboolean can_replace = has_section && self->editable;

  gtk_widget_action_set_enabled (widget, "editor.find", has_section);
  gtk_widget_action_set_enabled (widget, "editor.find-next", can_search);
  gtk_widget_action_set_enabled (widget, "editor.find-previous", can_search);
  gtk_widget_action_set_enabled (widget, "editor.replace", can_replace);
  gtk_widget_action_set_enabled (widget, "editor.replace-one", can_replace && can_search);
  gtk_widget_action_set_enabled (widget, "editor.replace-all", can_replace && can_search);
  gtk_widget_action_set_enabled (widget, "editor.close-search",
                                 gtk_search_bar_get_search_mode (self->search_bar));
}

void
_accord_section_editor_update_match_label (AccordSectionEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *label = NULL;
  GtkTextIter start, end;
  int count, position;

  /* The buffer tells of its marks before the search exists. */
  if (self->search_context == NULL)
    return;

  count = gtk_source_search_context_get_occurrences_count (self->search_context);
  if (!gtk_search_bar_get_search_mode (self->search_bar) || !has_search_text (self) || count < 0)
    {
      gtk_label_set_label (self->match_label, "");
      return;
    }

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  position = gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end);

  if (count == 0)
    label = g_strdup (_("No matches"));
  else if (position > 0)
    /* Translators: the position of the selected match among all the matches, "2 of 5". */
    label = g_strdup_printf (_("%d of %d"), position, count);
  else
    label = g_strdup_printf (ngettext ("%d match", "%d matches", count), count);

  gtk_label_set_label (self->match_label, label);
}

/* Find and replace */

void
_accord_section_editor_select_and_show (AccordSectionEditor *self,
                                        const GtkTextIter   *start,
                                        const GtkTextIter   *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view),
                                gtk_text_buffer_get_insert (buffer),
                                0.25, FALSE, 0.0, 0.0);
}

/* Selects the next match after the selection, or the previous one before
 * it, going round the text's end. With @from_start, a match at the start
 * of the selection counts as next, which keeps it selected while typing. */
static gboolean
select_match (AccordSectionEditor *self,
              gboolean             backward,
              gboolean             from_start)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  if (self->section == NULL || !has_search_text (self))
    return FALSE;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (backward)
    found = gtk_source_search_context_backward (self->search_context, &start,
                                                &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_forward (self->search_context, from_start ? &start : &end,
                                               &match_start, &match_end, NULL);

  if (found)
    _accord_section_editor_select_and_show (self, &match_start, &match_end);

  return found;
}

static void
open_search (AccordSectionEditor *self,
             gboolean             replace)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  /* A selection on one line is what one wants to find, most of the time. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) <= 200)
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
      gtk_source_search_settings_set_search_text (self->search_settings, selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (replace)
    gtk_toggle_button_set_active (self->replace_button, TRUE);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  _accord_section_editor_update_actions (self);
  _accord_section_editor_update_match_label (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_search (ACCORD_SECTION_EDITOR (widget), FALSE);
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_search (ACCORD_SECTION_EDITOR (widget), TRUE);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  select_match (ACCORD_SECTION_EDITOR (widget), FALSE, FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  select_match (ACCORD_SECTION_EDITOR (widget), TRUE, FALSE);
}

static void
close_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordSectionEditor *self = ACCORD_SECTION_EDITOR (widget);

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
replace_one_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordSectionEditor *self = ACCORD_SECTION_EDITOR (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  /* The first press selects a match, the next ones replace it and go on. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end) <= 0)
    {
      select_match (self, FALSE, TRUE);
      return;
    }

  if (!gtk_source_search_context_replace (self->search_context, &start, &end,
                                          replacement, -1, &error))
    {
      g_debug ("Could not replace: %s", error->message);
      return;
    }

  gtk_text_buffer_place_cursor (buffer, &end);
  select_match (self, FALSE, TRUE);
}

static void
replace_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordSectionEditor *self = ACCORD_SECTION_EDITOR (widget);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr(GError) error = NULL;
  guint n_replaced;

  /* One write to the section for all the replacements, not one each. */
  self->replacing_all = TRUE;
  n_replaced = gtk_source_search_context_replace_all (self->search_context,
                                                      replacement, -1, &error);
  self->replacing_all = FALSE;

  if (error != NULL)
    g_debug ("Could not replace all: %s", error->message);

  if (n_replaced > 0)
    {
      _accord_section_editor_update_word_count (self);
      _accord_section_editor_write_body (self);
    }
}

static void
search_changed_cb (AccordSectionEditor *self,
                   GtkSearchEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_source_search_settings_set_search_text (self->search_settings, *text != '\0' ? text : NULL);
  _accord_section_editor_update_actions (self);

  /* Find as one types, from where the selection starts. */
  select_match (self, FALSE, TRUE);
  _accord_section_editor_update_match_label (self);
}

static void
search_activate_cb (AccordSectionEditor *self,
                    GtkSearchEntry      *entry)
{
  select_match (self, FALSE, FALSE);
}

static void
search_next_match_cb (AccordSectionEditor *self,
                      GtkSearchEntry      *entry)
{
  select_match (self, FALSE, FALSE);
}

static void
search_previous_match_cb (AccordSectionEditor *self,
                          GtkSearchEntry      *entry)
{
  select_match (self, TRUE, FALSE);
}

static void
search_stop_cb (AccordSectionEditor *self,
                GtkSearchEntry      *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
replace_activate_cb (AccordSectionEditor *self,
                     GtkEntry            *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.replace-one", NULL);
}

static void
search_mode_changed_cb (AccordSectionEditor *self,
                        GParamSpec          *pspec,
                        GtkSearchBar        *search_bar)
{
  gboolean enabled = gtk_search_bar_get_search_mode (search_bar);

  gtk_source_search_context_set_highlight (self->search_context, enabled);

  if (!enabled)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      gtk_toggle_button_set_active (self->replace_button, FALSE);

      /* Closing the bar sends the keyboard back to the text. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (search_bar)))
        gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
    }

  _accord_section_editor_update_actions (self);
  _accord_section_editor_update_match_label (self);
}

static void
occurrences_changed_cb (AccordSectionEditor    *self,
                        GParamSpec             *pspec,
                        GtkSourceSearchContext *context)
{
  _accord_section_editor_update_match_label (self);
}

/* Setup */

/* Binds the bar's signal handlers, which the template names, and installs
 * the "editor." actions with their shortcuts; after the template is set. */
void
_accord_section_editor_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL,
                                   find_previous_action);
  gtk_widget_class_install_action (widget_class, "editor.replace-one", NULL, replace_one_action);
  gtk_widget_class_install_action (widget_class, "editor.replace-all", NULL, replace_all_action);
  gtk_widget_class_install_action (widget_class, "editor.close-search", NULL, close_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "editor.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "editor.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "editor.close-search", NULL);
}

/* Creates the search over the body's buffer; after the template is
 * initialized. */
void
_accord_section_editor_init_search (AccordSectionEditor *self)
{
  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  g_object_bind_property (self->case_button, "active",
                          self->search_settings, "case-sensitive",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->search_context = gtk_source_search_context_new (self->buffer, self->search_settings);
  gtk_source_search_context_set_highlight (self->search_context, FALSE);
  g_signal_connect_object (self->search_context, "notify::occurrences-count",
                           G_CALLBACK (occurrences_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->replace_button, "active",
                          self->replace_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
}
