/* accord-search-panel.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accord.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SEARCH_PANEL (accord_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (AccordSearchPanel, accord_search_panel, ACCORD, SEARCH_PANEL, AdwBin)

GtkWidget *accord_search_panel_new (void);

G_END_DECLS
