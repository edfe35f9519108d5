/* accord-outline.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accord.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_OUTLINE (accord_outline_get_type ())

G_DECLARE_FINAL_TYPE (AccordOutline, accord_outline, ACCORD, OUTLINE, AdwBin)

GtkWidget      *accord_outline_new          (void);
AccordStrategy *accord_outline_get_strategy (AccordOutline  *self);
void            accord_outline_set_strategy (AccordOutline  *self,
                                             AccordStrategy *strategy);
AccordEntity   *accord_outline_get_selected (AccordOutline  *self);
void            accord_outline_select       (AccordOutline  *self,
                                             AccordEntity   *entity);
gboolean        accord_outline_get_editable (AccordOutline  *self);
void            accord_outline_set_editable (AccordOutline  *self,
                                             gboolean        editable);

G_END_DECLS
