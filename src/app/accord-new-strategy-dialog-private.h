/* accord-new-strategy-dialog-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-new-strategy-dialog.h"

G_BEGIN_DECLS

/* For tests */
char *_accord_new_strategy_dialog_slug (const char *title);

G_END_DECLS
