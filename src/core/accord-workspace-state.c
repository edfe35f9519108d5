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
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;
  char *value;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* A value that cannot be read is as good as one never set: what is kept
   * here only spares the user some steps. */
  if (!_accord_workspace_read_state (self, key, &value, &failure) &&
      (!_accord_workspace_rebuild (self, g_steal_pointer (&failure), &error) ||
       !_accord_workspace_read_state (self, key, &value, &error)))
    g_debug ("Could not read “%s” from the workspace: %s", key, error->message);

  return value;
}

/*
 * _accord_workspace_write_state:
 * @self: an #AccordWorkspace
 * @key: a name
 * @value: (nullable): its new value, or %NULL to forget it
 * @error: return location for a #GError
 *
 * Writes a value as accord_workspace_set_state() does, once: within a
 * transaction, where a damaged workspace cannot be made anew.
 *
 * Returns: %TRUE if it was written
 */
gboolean
_accord_workspace_write_state (AccordWorkspace  *self,
                               const char       *key,
                               const char       *value,
                               GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;

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
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return _accord_workspace_write_state (self, key, value, &failure) ||
         (_accord_workspace_rebuild (self, g_steal_pointer (&failure), error) &&
          _accord_workspace_write_state (self, key, value, error));
}

static gboolean
begin_once (AccordWorkspace  *self,
            gboolean         *interrupted,
            GError          **error)
{
  g_autoptr(AccordSqliteStmt) read = NULL;
  g_autoptr(AccordSqliteStmt) write = NULL;
  g_autofree char *mine = NULL;
  int rc;

  *interrupted = FALSE;

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
      *interrupted = pid > 0 && pid != getpid () && !process_is_running ((pid_t) pid);
    }

  if (!_accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error))
    return FALSE;

  mine = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) getpid ());
  if (!_accord_workspace_prepare (self,
                                  "INSERT INTO state (key, value) VALUES ('session', ?1)"
                                  " ON CONFLICT (key) DO UPDATE SET value = ?1",
                                  &write, error))
    return FALSE;

  return _accord_sqlite_bind_text (write, 1, mine, -1, error) &&
         _accord_workspace_run (self, write, NULL, error);
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
  g_autoptr(GError) failure = NULL;
  gboolean was_interrupted;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), FALSE);

  /* A session noted in a workspace that had to be made anew is lost: the
   * work tree keeps the changes all the same. */
  if (!begin_once (self, &was_interrupted, &failure) &&
      (!_accord_workspace_rebuild (self, g_steal_pointer (&failure), error) ||
       !begin_once (self, &was_interrupted, error)))
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
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORD_IS_WORKSPACE (self));

  /* Nothing searches the workspace after this: a damaged one is only set
   * aside, and the next load makes it anew. */
  if (!_accord_workspace_exec (self, "DELETE FROM state WHERE key = 'session'", &failure) &&
      !_accord_workspace_recover (self, g_steal_pointer (&failure), &error))
    g_debug ("Could not note the end of the session: %s", error->message);
}
