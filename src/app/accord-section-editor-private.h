/* accord-section-editor-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "accord-section-editor.h"

G_BEGIN_DECLS

/* The editor of one section: its title above its Markdown body.
 *
 * The section itself is the model. Every change in the widgets is written
 * to the section at once, and a change to the section from elsewhere (a
 * restored revision, another view) is shown in the widgets. Two flags keep
 * the two directions apart: `loading` while the widgets are being filled
 * from the section, `writing` while the section is being written from the
 * widgets. */
struct _AccordSectionEditor
{
  AdwBin                   parent_instance;

  AccordSection           *section;
  GSettings               *settings;
  GtkCssProvider          *font_provider;
  GtkCssProvider          *page_provider;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search_context;

  gulong                   title_changed_id;
  gulong                   body_changed_id;
  gulong                   dark_changed_id;
  gulong                   font_changed_id;

  guint                    word_count;

  guint                    editable : 1;
  guint                    loading : 1;
  guint                    writing : 1;
  guint                    replacing_all : 1;

  /* Template widgets */
  GtkStack                *stack;
  GtkWidget               *page;
  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  GtkLabel                *match_label;
  GtkToggleButton         *case_button;
  GtkToggleButton         *replace_button;
  GtkRevealer             *replace_revealer;
  GtkEntry                *replace_entry;
  GtkEntry                *title_entry;
  GtkScrolledWindow       *scrolled_window;
  GtkSourceView           *source_view;
  GtkSourceBuffer         *buffer;
  GtkWidget               *read_only_box;
  GtkLabel                *word_count_label;
};

/* accord-section-editor.c */
void     _accord_section_editor_update_word_count  (AccordSectionEditor *self);
void     _accord_section_editor_write_body         (AccordSectionEditor *self);

/* accord-section-editor-search.c */
void     _accord_section_editor_class_init_search  (GtkWidgetClass      *widget_class);
void     _accord_section_editor_init_search        (AccordSectionEditor *self);
void     _accord_section_editor_update_actions     (AccordSectionEditor *self);
void     _accord_section_editor_update_match_label (AccordSectionEditor *self);
void     _accord_section_editor_select_and_show    (AccordSectionEditor *self,
                                                    const GtkTextIter   *start,
                                                    const GtkTextIter   *end);

/* accord-section-editor-text.c */
guint    _accord_section_editor_count_words        (const char          *text);
gboolean _accord_section_editor_find_folded        (const char          *haystack,
                                                    const char          *needle,
                                                    int                 *start,
                                                    int                 *end);

G_END_DECLS
