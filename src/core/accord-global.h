/* accord-global.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         accord_init                 (void);
const char  *accord_get_version          (void);
gboolean     accord_check_runtime        (GError **error);
GVariant    *accord_dup_runtime_info     (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean     accord_get_git_identity     (char   **name,
                                          char   **email);

G_END_DECLS
