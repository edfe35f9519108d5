/* accord-workspace-state.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "accord-sqlite-private.h"
#include "accord-workspace-private.h"

/*
 * What the workspace keeps for this copy of the strategy alone, in its
 * state table: values such as the entity looked at last, and which program
 * has the strategy open, to tell a crash from a normal end.
 */

static gboolean
process_is_running (pid_t pid)
{
  /* EPERM: it runs, as somebody else. */
  return kill (pid, 0) == 0 || errno == EPERM;
}

/*
 * _accord_workspace_read_state:
 * @self: an #AccordWorkspace
 * @key: a name
 * @value: (out) (transfer full) (nullable): its value, or %NULL when it has
 *   none
 * @error: return location for a #GError
 *
 * Reads a value as accord_workspace_dup_state() does, telling a failure
 * from a value never set.
 *
 * Returns: %TRUE unless the workspace could not be read
 */
gboolean
_accord_workspace_read_state (AccordWorkspace  *self,
                              const char       *key,
                              char            **value,
                              GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  int rc;

  *value = NULL;

  if (!_accord_workspace_prepare (self, "SELECT value FROM state WHERE key = ?1", &stmt, error) ||
      !_accord_sqlite_bind_text (stmt, 1, key, -1, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return _accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error);
}

/**
 * accord_workspace_dup_state:
 * @self: an #AccordWorkspace
 * @key: a name, such as "last-entity"
 *
 * Reads a value kept for this copy of the strategy only: what the user
 * looked at last, and the like. Never part of the strategy, never synced.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL
 */
char *
accord_workspace_dup_state (AccordWorkspace *self,
                            const char      *key)
{
  g_autoptr(GError) error = NULL;
  char *value;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* A value that cannot be read is as good as one never set: what is kept
   * here only spares the user some steps. */
  if (!_accord_workspace_read_state (self, key, &value, &error))
    g_debug ("Could not read “%s” from the workspace: %s", key, error->message);

  return value;
}

/**
 * accord_workspace_set_state:
 * @self: an #AccordWorkspace
 * @key: a name
 * @value: (nullable): its new value, or %NULL to forget it
 * @error: return location for a #GError
 *
 * Keeps a value for accord_workspace_dup_state().
 *
 * Returns: %TRUE if it was written
 */
gboolean
accord_workspace_set_state (AccordWorkspace  *self,
                            const char       *key,
                            const char       *value,
                            GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    {
      if (!_accord_workspace_prepare (self, "DELETE FROM state WHERE key = ?1", &stmt, error))
        return FALSE;
    }
  else if (!_accord_workspace_prepare (self,
                                       "INSERT INTO state (key, value) VALUES (?1, ?2)"
                                       " ON CONFLICT (key) DO UPDATE SET value = ?2",
                                       &stmt, error))
    return FALSE;

  return _accord_sqlite_bind_text (stmt, 1, key, -1, error) &&
         (value == NULL || _accord_sqlite_bind_text (stmt, 2, value, -1, error)) &&
         _accord_workspace_run (self, stmt, NULL, error);
}

/**
 * accord_workspace_begin_session:
 * @self: an #AccordWorkspace
 * @interrupted: (out) (optional): set to whether the last program that
 *   opened this strategy ended without closing it (a crash, a kill)
 * @error: return location for a #GError
 *
 * Notes that a program has the strategy open, until
 * accord_workspace_end_session(). A session still noted when the next one
 * begins, by a process that no longer runs, was interrupted: its unsaved
 * changes are in the work tree, and the user may want to hear so.
 *
 * Returns: %TRUE unless the note could not be written
 */
gboolean
accord_workspace_begin_session (AccordWorkspace  *self,
                                gboolean         *interrupted,
                                GError          **error)
{
  g_autoptr(AccordSqliteStmt) read = NULL;
  g_autoptr(AccordSqliteStmt) write = NULL;
  g_autofree char *mine = NULL;
  gboolean was_interrupted = FALSE;
  int rc;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), FALSE);

  if (!_accord_workspace_prepare (self, "SELECT value FROM state WHERE key = 'session'", &read,
                                  error))
    return FALSE;

  rc = sqlite3_step (read);
  if (rc == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (read, 0);
      gint64 pid = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;

      /* The same process opening the strategy again is not a crash; a
       * process that is gone is. */
      was_interrupted = pid > 0 && pid != getpid () && !process_is_running ((pid_t) pid);
    }

  if (!_accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error))
    return FALSE;

  mine = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) getpid ());
  if (!_accord_workspace_prepare (self,
                                  "INSERT INTO state (key, value) VALUES ('session', ?1)"
                                  " ON CONFLICT (key) DO UPDATE SET value = ?1",
                                  &write, error))
    return FALSE;
  if (!_accord_sqlite_bind_text (write, 1, mine, -1, error) ||
      !_accord_workspace_run (self, write, NULL, error))
    return FALSE;

  if (interrupted != NULL)
    *interrupted = was_interrupted;

  return TRUE;
}

/**
 * accord_workspace_end_session:
 * @self: an #AccordWorkspace
 *
 * Notes that the strategy was closed normally.
 */
void
accord_workspace_end_session (AccordWorkspace *self)
{
  g_return_if_fail (ACCORD_IS_WORKSPACE (self));

  if (sqlite3_exec (self->db, "DELETE FROM state WHERE key = 'session'", NULL, NULL, NULL) !=
      SQLITE_OK)
    g_debug ("Could not note the end of the session: %s", sqlite3_errmsg (self->db));
}
