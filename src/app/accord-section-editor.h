/* accord-section-editor.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accord.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SECTION_EDITOR (accord_section_editor_get_type ())

G_DECLARE_FINAL_TYPE (AccordSectionEditor, accord_section_editor, ACCORD, SECTION_EDITOR, AdwBin)

GtkWidget     *accord_section_editor_new            (void);
AccordSection *accord_section_editor_get_section    (AccordSectionEditor *self);
void           accord_section_editor_set_section    (AccordSectionEditor *self,
                                                     AccordSection       *section);
gboolean       accord_section_editor_get_editable   (AccordSectionEditor *self);
void           accord_section_editor_set_editable   (AccordSectionEditor *self,
                                                     gboolean             editable);
guint          accord_section_editor_get_word_count (AccordSectionEditor *self);
void           accord_section_editor_reveal_text    (AccordSectionEditor *self,
                                                     const char          *text);
void           accord_section_editor_focus_body     (AccordSectionEditor *self);

G_END_DECLS
