/* accord-snippet-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean _accord_snippet_register (sqlite3  *db,
                                   GError  **error);

G_END_DECLS
