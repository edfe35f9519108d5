/* accord-history-view.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accord.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_HISTORY_VIEW (accord_history_view_get_type ())

G_DECLARE_FINAL_TYPE (AccordHistoryView, accord_history_view, ACCORD, HISTORY_VIEW, AdwBin)

GtkWidget        *accord_history_view_new                   (void);
AccordRepository *accord_history_view_get_repository        (AccordHistoryView *self);
void              accord_history_view_set_repository        (AccordHistoryView *self,
                                                             AccordRepository  *repository);
void              accord_history_view_reload                (AccordHistoryView *self);
const char       *accord_history_view_get_selected_revision (AccordHistoryView *self);
void              accord_history_view_select_revision       (AccordHistoryView *self,
                                                             const char        *revision);
gboolean          accord_history_view_get_restoring         (AccordHistoryView *self);
gboolean          accord_history_view_get_can_restore       (AccordHistoryView *self);
void              accord_history_view_set_can_restore       (AccordHistoryView *self,
                                                             gboolean           can_restore);

G_END_DECLS
