/* accord-sqlite.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-errors.h"
#include "accord-sqlite-private.h"

static AccordStoreError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ACCORD_STORE_ERROR_BUSY;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ACCORD_STORE_ERROR_CORRUPT;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return ACCORD_STORE_ERROR_CANNOT_OPEN;

    default:
      return ACCORD_STORE_ERROR_FAILED;
    }
}

/*
 * _accord_sqlite_check:
 * @db: (nullable): the database the call ran on
 * @rc: the sqlite result code
 * @what: a translated sentence fragment naming what was being done
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @rc is %SQLITE_OK, %SQLITE_ROW or %SQLITE_DONE;
 *   otherwise sets @error with sqlite's own message and returns %FALSE
 */
gboolean
_accord_sqlite_check (sqlite3     *db,
                      int          rc,
                      const char  *what,
                      GError     **error)
{
  const char *message;

  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  /* sqlite3_errmsg() describes the last call on @db, which is the one that
   * failed only when its code matches; otherwise use the generic text. */
  if (db != NULL && sqlite3_errcode (db) == (rc & 0xff))
    message = sqlite3_errmsg (db);
  else
    message = sqlite3_errstr (rc);

  g_set_error (error, ACCORD_STORE_ERROR, error_code_from_sqlite (rc),
               "%s: %s", what, message);

  return FALSE;
}

static gboolean
check_bind (sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  return _accord_sqlite_check (sqlite3_db_handle (stmt), rc,
                               _("Could not pass a value to the workspace"), error);
}

/*
 * _accord_sqlite_bind_int64:
 * @stmt: a prepared statement
 * @index: the parameter to bind, counting from 1
 * @value: its value
 * @error: return location for a #GError
 *
 * Binds @value to parameter @index of @stmt.
 *
 * Returns: %TRUE if it was bound; otherwise sets @error with sqlite's
 *   message and returns %FALSE
 */
gboolean
_accord_sqlite_bind_int64 (sqlite3_stmt   *stmt,
                           int             index,
                           sqlite3_int64   value,
                           GError        **error)
{
  return check_bind (stmt, sqlite3_bind_int64 (stmt, index, value), error);
}

/*
 * _accord_sqlite_bind_text:
 * @stmt: a prepared statement
 * @index: the parameter to bind, counting from 1
 * @value: (nullable): its value, or %NULL to bind SQL NULL
 * @length: the length of @value in bytes, or -1 when it ends with a nul byte
 * @error: return location for a #GError
 *
 * Binds @value to parameter @index of @stmt without copying it: @value
 * must stay valid until @stmt is stepped for the last time with it.
 *
 * Returns: %TRUE if it was bound; otherwise sets @error with sqlite's
 *   message and returns %FALSE
 */
gboolean
_accord_sqlite_bind_text (sqlite3_stmt  *stmt,
                          int            index,
                          const char    *value,
                          int            length,
                          GError       **error)
{
  return check_bind (stmt, sqlite3_bind_text (stmt, index, value, length, SQLITE_STATIC), error);
}

/*
 * _accord_sqlite_bind_blob:
 * @stmt: a prepared statement
 * @index: the parameter to bind, counting from 1
 * @value: the bytes to bind
 * @length: how many
 * @error: return location for a #GError
 *
 * Binds @length bytes at @value to parameter @index of @stmt without
 * copying them, as _accord_sqlite_bind_text() does.
 *
 * Returns: %TRUE if they were bound; otherwise sets @error with sqlite's
 *   message and returns %FALSE
 */
gboolean
_accord_sqlite_bind_blob (sqlite3_stmt  *stmt,
                          int            index,
                          const void    *value,
                          int            length,
                          GError       **error)
{
  return check_bind (stmt, sqlite3_bind_blob (stmt, index, value, length, SQLITE_STATIC), error);
}

/*
 * _accord_sqlite_reset:
 * @stmt: a statement that was stepped
 * @rc: what the last sqlite3_step() of @stmt returned
 * @what: a translated sentence fragment naming what was being done
 * @error: return location for a #GError
 *
 * Resets @stmt for its next use, and checks both the last step and the
 * reset: a failed step is the one reported, since resetting the statement
 * only returns its failure again.
 *
 * Returns: %TRUE when @rc is %SQLITE_ROW or %SQLITE_DONE and the reset
 *   succeeded; otherwise sets @error and returns %FALSE
 */
gboolean
_accord_sqlite_reset (sqlite3_stmt  *stmt,
                      int            rc,
                      const char    *what,
                      GError       **error)
{
  sqlite3 *db = sqlite3_db_handle (stmt);
  int reset = sqlite3_reset (stmt);

  return _accord_sqlite_check (db, rc, what, error) &&
         _accord_sqlite_check (db, reset, what, error);
}
