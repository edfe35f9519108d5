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

GtkWidget *accord_section_editor_new (void);

G_END_DECLS
