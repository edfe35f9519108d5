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

GtkWidget        *accord_search_panel_new            (void);
AccordRepository *accord_search_panel_get_repository (AccordSearchPanel *self);
void              accord_search_panel_set_repository (AccordSearchPanel *self,
                                                      AccordRepository  *repository);
AccordStrategy   *accord_search_panel_get_strategy   (AccordSearchPanel *self);
void              accord_search_panel_set_strategy   (AccordSearchPanel *self,
                                                      AccordStrategy    *strategy);
void              accord_search_panel_focus_entry    (AccordSearchPanel *self);
const char       *accord_search_panel_get_query      (AccordSearchPanel *self);
gboolean          accord_search_panel_get_searching  (AccordSearchPanel *self);
void              accord_search_panel_refresh        (AccordSearchPanel *self);

G_END_DECLS
