/* accord-sqlite.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-sqlite"

#include "config.h"

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
