/* accord-objective-editor.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accord.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_OBJECTIVE_EDITOR (accord_objective_editor_get_type ())

G_DECLARE_FINAL_TYPE (AccordObjectiveEditor, accord_objective_editor, ACCORD, OBJECTIVE_EDITOR, AdwBin)

GtkWidget       *accord_objective_editor_new           (void);
AccordObjective *accord_objective_editor_get_objective (AccordObjectiveEditor *self);
void             accord_objective_editor_set_objective (AccordObjectiveEditor *self,
                                                        AccordObjective       *objective);
gboolean         accord_objective_editor_get_editable  (AccordObjectiveEditor *self);
void             accord_objective_editor_set_editable  (AccordObjectiveEditor *self,
                                                        gboolean               editable);
void             accord_objective_editor_focus_title   (AccordObjectiveEditor *self);

G_END_DECLS
