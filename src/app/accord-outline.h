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

GtkWidget *accord_outline_new (void);

G_END_DECLS
