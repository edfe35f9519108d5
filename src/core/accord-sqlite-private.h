/* accord-sqlite-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* sqlite3 and sqlite3_stmt are opaque structs; these aliases give them
 * g_autoptr cleanups that close the database and finalize statements. */
typedef sqlite3      AccordSqlite;
typedef sqlite3_stmt AccordSqliteStmt;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordSqlite, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordSqliteStmt, sqlite3_finalize)

gboolean _accord_sqlite_check       (sqlite3        *db,
                                     int             rc,
                                     const char     *what,
                                     GError        **error);
gboolean _accord_sqlite_bind_int64  (sqlite3_stmt   *stmt,
                                     int             index,
                                     sqlite3_int64   value,
                                     GError        **error);
gboolean _accord_sqlite_bind_text   (sqlite3_stmt   *stmt,
                                     int             index,
                                     const char     *value,
                                     int             length,
                                     GError        **error);
gboolean _accord_sqlite_bind_blob   (sqlite3_stmt   *stmt,
                                     int             index,
                                     const void     *value,
                                     int             length,
                                     GError        **error);
gboolean _accord_sqlite_reset       (sqlite3_stmt   *stmt,
                                     int             rc,
                                     const char     *what,
                                     GError        **error);

G_END_DECLS
