/* accord-new-strategy-dialog.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_NEW_STRATEGY_DIALOG (accord_new_strategy_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AccordNewStrategyDialog, accord_new_strategy_dialog,
                      ACCORD, NEW_STRATEGY_DIALOG, AdwWindow)

GtkWidget *accord_new_strategy_dialog_new        (GtkWindow               *parent);
void       accord_new_strategy_dialog_set_folder (AccordNewStrategyDialog *self,
                                                  const char              *folder);
char      *accord_new_strategy_dialog_dup_path   (AccordNewStrategyDialog *self);

G_END_DECLS
