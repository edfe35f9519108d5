/* accord-section-editor.c
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

G_DEFINE_FINAL_TYPE (AccordSectionEditor, accord_section_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_EDITABLE,
  PROP_WORD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pango font descriptions to CSS */

static void
append_css_family (GString    *css,
                   const char *families)
{
  g_auto(GStrv) names = g_strsplit (families, ",", -1);
  gboolean first = TRUE;

  g_string_append (css, "font-family: ");
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (*name == '\0')
        continue;

      if (!first)
        g_string_append (css, ", ");
      first = FALSE;

      g_string_append_c (css, '"');
      for (const char *p = name; *p != '\0'; p++)
        {
          /* A CSS string holds no line break; a family name has none. */
          if (g_ascii_iscntrl (*p))
            continue;
          if (*p == '"' || *p == '\\')
            g_string_append_c (css, '\\');
          g_string_append_c (css, *p);
        }
      g_string_append_c (css, '"');
    }
  g_string_append (css, ";\n");
}

static char *
font_to_css (const char *font)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoFontMask mask = pango_font_description_get_set_fields (desc);
  GString *css = g_string_new ("textview {\n");

  if (mask & PANGO_FONT_MASK_FAMILY)
    append_css_family (css, pango_font_description_get_family (desc));

  if ((mask & PANGO_FONT_MASK_SIZE) && pango_font_description_get_size (desc) > 0)
    {
      char size[G_ASCII_DTOSTR_BUF_SIZE];

      /* Not printf: a French locale would write a decimal comma. */
      g_ascii_formatd (size, sizeof size, "%.2f",
                       (double) pango_font_description_get_size (desc) / PANGO_SCALE);
      g_string_append_printf (css, "font-size: %s%s;\n", size,
                              pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
    }

  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, "font-weight: %d;\n",
                            CLAMP ((int) pango_font_description_get_weight (desc), 1, 1000));

  if (mask & PANGO_FONT_MASK_STYLE)
    {
      static const char * const styles[] = { "normal", "oblique", "italic" };
      PangoStyle style = pango_font_description_get_style (desc);

      if (style <= PANGO_STYLE_ITALIC)
        g_string_append_printf (css, "font-style: %s;\n", styles[style]);
    }

  g_string_append (css, "}\n");

  return g_string_free (css, FALSE);
}

/* Appearance */

static void
update_font (AccordSectionEditor *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");
  g_autofree char *css = font_to_css (font);

  gtk_css_provider_load_from_data (self->font_provider, css, -1);
}

static void
font_changed_cb (AccordSectionEditor *self,
                 const char          *key,
                 GSettings           *settings)
{
  update_font (self);
}

/* The title and the margins beside the text take the text's background,
 * so that the page looks like one sheet. */
static char *
dup_page_css (GtkSourceStyleScheme *scheme)
{
  GtkSourceStyle *style = NULL;
  g_autofree char *background = NULL;
  g_autofree char *color = NULL;
  gboolean background_set = FALSE;
  GdkRGBA rgba;

  if (scheme != NULL)
    style = gtk_source_style_scheme_get_style (scheme, "text");
  if (style != NULL)
    g_object_get (style,
                  "background", &background,
                  "background-set", &background_set,
                  NULL);

  if (!background_set || background == NULL || !gdk_rgba_parse (&rgba, background))
    return g_strdup ("");

  color = gdk_rgba_to_string (&rgba);

  return g_strdup_printf (".section-editor-page { background-color: %s; }\n", color);
}

static void
update_style_scheme (AccordSectionEditor *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);
  g_autofree char *css = dup_page_css (scheme);

  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
  gtk_css_provider_load_from_data (self->page_provider, css, -1);
}

static void
dark_changed_cb (AccordSectionEditor *self,
                 GParamSpec          *pspec,
                 AdwStyleManager     *style_manager)
{
  update_style_scheme (self);
}

/* Word count */

void
_accord_section_editor_update_word_count (AccordSectionEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  guint count;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  count = _accord_section_editor_count_words (text);

  label = g_strdup_printf (ngettext ("%u word", "%u words", count), count);
  gtk_label_set_label (self->word_count_label, label);

  if (count != self->word_count)
    {
      self->word_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
    }
}

/* From the widgets to the section */

static void
write_field (AccordSectionEditor *self,
             const char          *name,
             const char          *value)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->section != NULL);

  self->writing = TRUE;
  if (!accord_entity_set_field (ACCORD_ENTITY (self->section), name, value, &error))
    g_warning ("Could not set the %s of section %s: %s",
               name, accord_entity_get_id (ACCORD_ENTITY (self->section)), error->message);
  self->writing = FALSE;
}

void
_accord_section_editor_write_body (AccordSectionEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  write_field (self, "body", text);
}

static void
set_title_missing (AccordSectionEditor *self,
                   gboolean             missing)
{
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");
}

static void
title_changed_cb (AccordSectionEditor *self,
                  GtkEntry            *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->loading || self->section == NULL || !self->editable)
    return;

  /* The title is required: while the entry is empty the section keeps its
   * last title, and the entry says that one is missing. */
  set_title_missing (self, *stripped == '\0');
  if (*stripped == '\0')
    return;

  write_field (self, "title", text);
}

static void
title_activate_cb (AccordSectionEditor *self,
                   GtkEntry            *entry)
{
  accord_section_editor_focus_body (self);
}

static void
buffer_changed_cb (AccordSectionEditor *self,
                   GtkTextBuffer       *buffer)
{
  /* Loading and "Replace All" bring the rest up to date once they are done. */
  if (self->loading || self->replacing_all)
    return;

  _accord_section_editor_update_word_count (self);

  if (self->section != NULL && self->editable)
    _accord_section_editor_write_body (self);
}

static void
buffer_mark_set_cb (AccordSectionEditor *self,
                    const GtkTextIter   *location,
                    GtkTextMark         *mark,
                    GtkTextBuffer       *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) ||
      mark == gtk_text_buffer_get_selection_bound (buffer))
    _accord_section_editor_update_match_label (self);
}

/* From the section to the widgets */

static void
load_title (AccordSectionEditor *self,
            gboolean             reset)
{
  const char *title = NULL;

  if (self->section != NULL)
    title = accord_section_get_title (self->section);
  if (title == NULL)
    title = "";

  set_title_missing (self, self->section != NULL && *title == '\0');

  /* Setting the entry's text also forgets its undo history. */
  if (!reset && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title) == 0)
    return;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  self->loading = FALSE;
}

/* Replaces the buffer's text with the section's body as an action that
 * cannot be undone, which also empties the undo history: undoing must never
 * bring back the text of another section, nor go behind a change made
 * elsewhere. With @reset, the cursor goes to the start; otherwise it keeps
 * its offset as far as the new text allows. */
static void
load_body (AccordSectionEditor *self,
           gboolean             reset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *body = NULL;
  g_autofree char *current = NULL;
  GtkTextIter start, end, cursor;
  int offset = 0;

  if (self->section != NULL)
    body = accord_section_get_body (self->section);
  if (body == NULL)
    body = "";

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (!reset && g_strcmp0 (current, body) == 0)
    return;

  if (!reset)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&cursor);
    }

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, body, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, offset);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->loading = FALSE;

  _accord_section_editor_update_word_count (self);
}

static void
section_title_changed_cb (AccordSectionEditor *self,
                          const char          *field,
                          AccordEntity        *section)
{
  if (!self->writing)
    load_title (self, FALSE);
}

static void
section_body_changed_cb (AccordSectionEditor *self,
                         const char          *field,
                         AccordEntity        *section)
{
  if (!self->writing)
    load_body (self, FALSE);
}

/* Find and replace */

/* GObject */

static void
accord_section_editor_dispose (GObject *object)
{
  AccordSectionEditor *self = ACCORD_SECTION_EDITOR (object);

  if (self->section != NULL)
    {
      g_clear_signal_handler (&self->title_changed_id, self->section);
      g_clear_signal_handler (&self->body_changed_id, self->section);
    }
  g_clear_signal_handler (&self->dark_changed_id, adw_style_manager_get_default ());
  if (self->settings != NULL)
    {
      g_clear_signal_handler (&self->font_changed_id, self->settings);
      g_settings_unbind (self->source_view, "show-line-numbers");
    }

  /* The stack is both the bin's child and a template child: the bin lets
   * go of it first, so that neither unparents it behind the other's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_SECTION_EDITOR);

  g_clear_object (&self->section);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_provider);
  g_clear_object (&self->page_provider);
  g_clear_object (&self->search_context);
  g_clear_object (&self->search_settings);

  G_OBJECT_CLASS (accord_section_editor_parent_class)->dispose (object);
}

static void
accord_section_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AccordSectionEditor *self = ACCORD_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->word_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_section_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AccordSectionEditor *self = ACCORD_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      accord_section_editor_set_section (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      accord_section_editor_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_section_editor_class_init (AccordSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_section_editor_dispose;
  object_class->get_property = accord_section_editor_get_property;
  object_class->set_property = accord_section_editor_set_property;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         ACCORD_TYPE_SECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (GTK_SOURCE_TYPE_BUFFER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-section-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, page);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, match_label);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, case_button);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, replace_button);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, replace_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, buffer);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, read_only_box);
  gtk_widget_class_bind_template_child (widget_class, AccordSectionEditor, word_count_label);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, buffer_mark_set_cb);

  _accord_section_editor_class_init_search (widget_class);
}

static void
accord_section_editor_init (AccordSectionEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  self->editable = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_source_buffer_set_language (self->buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));

  _accord_section_editor_init_search (self);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->source_view)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->page_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->page),
                                  GTK_STYLE_PROVIDER (self->page_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->settings = g_settings_new (APP_ID);
  self->font_changed_id = g_signal_connect_swapped (self->settings, "changed::editor-font",
                                                    G_CALLBACK (font_changed_cb), self);
  g_settings_bind (self->settings, "show-line-numbers",
                   self->source_view, "show-line-numbers",
                   G_SETTINGS_BIND_GET);
  update_font (self);

  self->dark_changed_id = g_signal_connect_swapped (adw_style_manager_get_default (),
                                                    "notify::dark",
                                                    G_CALLBACK (dark_changed_cb), self);
  update_style_scheme (self);

  _accord_section_editor_update_word_count (self);
  _accord_section_editor_update_actions (self);
}

/**
 * accord_section_editor_new:
 *
 * Creates an editor with no section; see accord_section_editor_set_section().
 *
 * Returns: (transfer floating): a new #AccordSectionEditor
 */
GtkWidget *
accord_section_editor_new (void)
{
  return g_object_new (ACCORD_TYPE_SECTION_EDITOR, NULL);
}

/**
 * accord_section_editor_get_section:
 * @self: an #AccordSectionEditor
 *
 * Returns: (nullable) (transfer none): the section being edited
 */
AccordSection *
accord_section_editor_get_section (AccordSectionEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_SECTION_EDITOR (self), NULL);

  return self->section;
}

/**
 * accord_section_editor_set_section:
 * @self: an #AccordSectionEditor
 * @section: (nullable): the section to edit
 *
 * Shows @section's title and body, with the cursor at the start of the body
 * and an empty undo history.
 */
void
accord_section_editor_set_section (AccordSectionEditor *self,
                                   AccordSection       *section)
{
  g_return_if_fail (ACCORD_IS_SECTION_EDITOR (self));
  g_return_if_fail (section == NULL || ACCORD_IS_SECTION (section));

  if (self->section == section)
    return;

  if (self->section != NULL)
    {
      g_clear_signal_handler (&self->title_changed_id, self->section);
      g_clear_signal_handler (&self->body_changed_id, self->section);
    }

  g_set_object (&self->section, section);

  if (section != NULL)
    {
      self->title_changed_id =
        g_signal_connect_swapped (section, "changed::title",
                                  G_CALLBACK (section_title_changed_cb), self);
      self->body_changed_id =
        g_signal_connect_swapped (section, "changed::body",
                                  G_CALLBACK (section_body_changed_cb), self);
    }

  load_title (self, TRUE);
  load_body (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);

  gtk_stack_set_visible_child_name (self->stack, section != NULL ? "editor" : "empty");
  if (section == NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  _accord_section_editor_update_actions (self);
  _accord_section_editor_update_match_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/**
 * accord_section_editor_get_editable:
 * @self: an #AccordSectionEditor
 *
 * Returns: whether the section can be changed through the editor
 */
gboolean
accord_section_editor_get_editable (AccordSectionEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_SECTION_EDITOR (self), FALSE);

  return self->editable;
}

/**
 * accord_section_editor_set_editable:
 * @self: an #AccordSectionEditor
 * @editable: whether the section can be changed
 *
 * Turns the editor into a read-only view of the section, or back. A
 * read-only editor never writes to its section; finding still works.
 */
void
accord_section_editor_set_editable (AccordSectionEditor *self,
                                    gboolean             editable)
{
  g_return_if_fail (ACCORD_IS_SECTION_EDITOR (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;

  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), editable);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->source_view), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->source_view), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->replace_button), editable);
  gtk_widget_set_visible (self->read_only_box, !editable);
  if (!editable)
    gtk_toggle_button_set_active (self->replace_button, FALSE);

  /* What the widgets may show that the section does not hold goes. */
  load_title (self, FALSE);
  load_body (self, FALSE);

  _accord_section_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * accord_section_editor_get_word_count:
 * @self: an #AccordSectionEditor
 *
 * Counts the words of the body, the title left out. A word is a run of
 * letters and digits, which one apostrophe or hyphen between two of them
 * does not break: "L'État s'engage — vite." has three words. A comma, a
 * period or a no-break space between two digits does not break a number:
 * "3,5 %" is one word.
 *
 * Returns: the number of words in the body
 */
guint
accord_section_editor_get_word_count (AccordSectionEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_SECTION_EDITOR (self), 0);

  return self->word_count;
}

/**
 * accord_section_editor_reveal_text:
 * @self: an #AccordSectionEditor
 * @text: the text to look for
 *
 * Selects the first occurrence of @text in the title or else in the body,
 * ignoring case and accents ("strategie" finds "Stratégie"), scrolls to it
 * and gives it the keyboard focus. Nothing happens when @text is not there.
 */
void
accord_section_editor_reveal_text (AccordSectionEditor *self,
                                   const char          *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start_iter, end_iter;
  const char *title;
  g_autofree char *body = NULL;
  int start, end;

  g_return_if_fail (ACCORD_IS_SECTION_EDITOR (self));
  g_return_if_fail (text != NULL);

  if (self->section == NULL)
    return;

  title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  if (_accord_section_editor_find_folded (title, text, &start, &end))
    {
      gtk_entry_grab_focus_without_selecting (self->title_entry);
      gtk_editable_select_region (GTK_EDITABLE (self->title_entry), start, end);
      return;
    }

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  body = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, TRUE);
  if (!_accord_section_editor_find_folded (body, text, &start, &end))
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  _accord_section_editor_select_and_show (self, &start_iter, &end_iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/**
 * accord_section_editor_focus_body:
 * @self: an #AccordSectionEditor
 *
 * Gives the keyboard focus to the body's text.
 */
void
accord_section_editor_focus_body (AccordSectionEditor *self)
{
  g_return_if_fail (ACCORD_IS_SECTION_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}
