/* accord-workspace.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>

#include "accord-errors.h"
#include "accord-repository.h"
#include "accord-snippet-private.h"
#include "accord-sqlite-private.h"
#include "accord-workspace-private.h"

/*
 * The workspace is a SQLite database in the repository's .git folder
 * (.git/accord/workspace.sqlite): never tracked, never synced, and always
 * rebuildable from the repository, so deleting it loses nothing.
 *
 * It keeps a copy of every entity file with its git blob id and what
 * stat() said of it, so that opening a strategy reads from the work tree
 * only the files that changed and takes everything else from one
 * sequential read of the database; and a full-text index (FTS5,
 * accent-insensitive) over titles and texts. For a file read without
 * problems it also keeps the fields that tie it to others (parent,
 * section, target, order…): opening makes its entity from those and
 * parses the rest of the file when it is first needed.
 */

#define SCHEMA_VERSION 2

G_DEFINE_FINAL_TYPE (AccordWorkspace, accord_workspace, G_TYPE_OBJECT)

G_DEFINE_QUARK (accord-workspace-error-quark, accord_workspace_error)

/* Each migration takes the schema from its index to the next version. */
static const char * const migrations[SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE files ("
  "  path TEXT PRIMARY KEY NOT NULL,"
  "  blob TEXT NOT NULL,"
  "  mtime INTEGER NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  inode INTEGER NOT NULL,"
  "  data BLOB NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE search USING fts5 ("
  "  title, body, tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TABLE state ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");",
  /* 1 → 2: the links of files read without problems (see
   * _accord_entity_dup_links()), so that opening need not parse them,
   * before the data that opening no longer reads */
  "CREATE TABLE files_2 ("
  "  path TEXT PRIMARY KEY NOT NULL,"
  "  blob TEXT NOT NULL,"
  "  mtime INTEGER NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  inode INTEGER NOT NULL,"
  "  links TEXT,"
  "  data BLOB NOT NULL"
  ");"
  "INSERT INTO files_2 (rowid, path, blob, mtime, size, inode, data)"
  "  SELECT rowid, path, blob, mtime, size, inode, data FROM files;"
  "DROP TABLE files;"
  "ALTER TABLE files_2 RENAME TO files;"
  /* and the problems the last check of references found, valid while
   * state has "checked" (the languages they are written in): any change
   * to the files forgets it */
  "CREATE TABLE checked ("
  "  path TEXT NOT NULL,"
  "  line INTEGER NOT NULL,"
  "  message TEXT NOT NULL"
  ");"
  "CREATE TRIGGER file_added AFTER INSERT ON files"
  " BEGIN DELETE FROM state WHERE key = 'checked'; END;"
  "CREATE TRIGGER file_removed AFTER DELETE ON files"
  " BEGIN DELETE FROM state WHERE key = 'checked'; END;"
  "CREATE TRIGGER file_changed AFTER UPDATE OF path, blob ON files"
  " BEGIN DELETE FROM state WHERE key = 'checked'; END;"
  /* and a search index that ranks by itself, titles weighing ten times
   * more, with the prefixes of two and three letters indexed: searching
   * as one types looks for those */
  "CREATE VIRTUAL TABLE search_2 USING fts5 ("
  "  title, body, tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO search_2 (search_2, rank) VALUES ('rank', 'bm25 (10.0, 1.0)');"
  "INSERT INTO search_2 (rowid, title, body) SELECT rowid, title, body FROM search;"
  "DROP TABLE search;"
  "ALTER TABLE search_2 RENAME TO search;"
  /* and how many rows hold each word */
  "CREATE VIRTUAL TABLE search_words USING fts5vocab (search, 'row');",
};

static void
accord_workspace_finalize (GObject *object)
{
  AccordWorkspace *self = ACCORD_WORKSPACE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_object (&self->repository);
  if (self->folder >= 0)
    close (self->folder);
  g_clear_pointer (&self->folder_path, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (accord_workspace_parent_class)->finalize (object);
}

static void
accord_workspace_class_init (AccordWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accord_workspace_finalize;
}

static void
accord_workspace_init (AccordWorkspace *self)
{
  self->folder = -1;
}

gboolean
_accord_workspace_exec (AccordWorkspace  *self,
                        const char       *sql,
                        GError          **error)
{
  return _accord_sqlite_check (self->db, sqlite3_exec (self->db, sql, NULL, NULL, NULL),
                               _("Could not update the workspace"), error);
}

gboolean
_accord_workspace_prepare (AccordWorkspace  *self,
                           const char       *sql,
                           sqlite3_stmt    **stmt,
                           GError          **error)
{
  return _accord_sqlite_check (self->db, sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL),
                               _("Could not read the workspace"), error);
}

gboolean
_accord_workspace_run (AccordWorkspace  *self,
                       sqlite3_stmt     *stmt,
                       sqlite3_int64    *rowid,
                       GError          **error)
{
  int rc = sqlite3_step (stmt);
  gboolean done;

  if (rc == SQLITE_ROW && rowid != NULL)
    *rowid = sqlite3_column_int64 (stmt, 0);

  done = _accord_sqlite_reset (stmt, rc, _("Could not update the workspace"), error);
  sqlite3_clear_bindings (stmt);

  return done;
}

/* Undoes the transaction a failure interrupted: that failure is the one
 * to report, so this one is only traced. */
void
_accord_workspace_rollback (AccordWorkspace *self)
{
  if (sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Could not roll back: %s", sqlite3_errmsg (self->db));
}

static gboolean
read_version (AccordWorkspace  *self,
              int              *version,
              GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  int rc;

  if (!_accord_workspace_prepare (self, "PRAGMA user_version", &stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  *version = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;

  return _accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error);
}

/* The tables and triggers a workspace has at SCHEMA_VERSION, those FTS5
 * keeps for the search index included. */
static const char * const schema_names[] = {
  "files", "state", "checked", "search", "search_data", "search_idx", "search_content",
  "search_docsize", "search_config", "search_words", "file_added", "file_removed",
  "file_changed", NULL
};

/* Counts the names of @names that the schema has; with @names %NULL,
 * everything the schema has. */
static gboolean
count_schema (AccordWorkspace     *self,
              const char * const  *names,
              guint               *count,
              GError             **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  int rc;

  *count = 0;

  if (!_accord_workspace_prepare (self, "SELECT name FROM sqlite_schema", &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (names == NULL || g_strv_contains (names, name))
        (*count)++;
    }

  return _accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error);
}

static gboolean
set_damaged (AccordWorkspace  *self,
             GError          **error)
{
  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT,
               _("The workspace %s is incomplete"), self->path);

  return FALSE;
}

/* Tells whether the database is one this version may open and bring up to
 * date, before anything writes to it: a newer one is left as it is, for
 * the version that made it. Accord never leaves a database without a
 * version and with tables, nor at the last version with tables missing:
 * such a database is damaged. */
static gboolean
check_version (AccordWorkspace  *self,
               int              *version,
               GError          **error)
{
  guint count;

  if (!read_version (self, version, error))
    return FALSE;

  if (*version > SCHEMA_VERSION)
    {
      /* Not even the checkpoint that closing the database makes. */
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      g_set_error (error, ACCORD_WORKSPACE_ERROR, ACCORD_WORKSPACE_ERROR_NEWER,
                   _("The workspace %s was made by a newer version of Accord; use that version, "
                     "or delete the file to let this one make a new workspace"), self->path);
      return FALSE;
    }

  if (*version == 0 &&
      (!count_schema (self, NULL, &count, error) ||
       (count > 0 && !set_damaged (self, error))))
    return FALSE;

  return TRUE;
}

/* Brings the schema from @version up to SCHEMA_VERSION, each step in a
 * transaction, and checks that it is whole. */
static gboolean
migrate (AccordWorkspace  *self,
         int               version,
         GError          **error)
{
  guint count;

  /* A new database (or one made anew after damage) indexes nothing yet. */
  if (version == 0)
    self->empty = TRUE;

  for (; version < SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!_accord_workspace_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!_accord_workspace_exec (self, migrations[version], error) ||
          !_accord_workspace_exec (self, bump, error))
        {
          _accord_workspace_rollback (self);
          return FALSE;
        }

      if (!_accord_workspace_exec (self, "COMMIT", error))
        {
          _accord_workspace_rollback (self);
          return FALSE;
        }
    }

  if (!count_schema (self, schema_names, &count, error))
    return FALSE;

  return count == g_strv_length ((char **) schema_names) || set_damaged (self, error);
}

static gboolean
open_database (AccordWorkspace  *self,
               GError          **error)
{
  int version;
  int rc;

  if (!_accord_workspace_check_files (self->folder, self->folder_path, error))
    return FALSE;

  /* The path has no link (see accord-workspace-folder.c): one put there
   * since makes opening fail rather than write elsewhere. */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                        SQLITE_OPEN_NOFOLLOW, NULL);
  if (!_accord_sqlite_check (self->db, rc, _("Could not open the workspace"), error))
    return FALSE;

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, FALSE);

  return check_version (self, &version, error) &&
         _accord_workspace_exec (self, "PRAGMA journal_mode = WAL", error) &&
         _accord_workspace_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         _accord_workspace_exec (self, "PRAGMA mmap_size = 268435456", error) &&
         _accord_snippet_register (self->db, error) &&
         migrate (self, version, error);
}

static gboolean
set_aside (AccordWorkspace  *self,
           GError          **error)
{
  g_autofree char *aside = NULL;

  /* Statements the failure left are finalized by their owners, and close
   * the connection then. */
  g_clear_pointer (&self->db, sqlite3_close_v2);

  if (!_accord_workspace_discard_files (self->folder, self->folder_path, &aside, error))
    return FALSE;

  /* Routine: the workspace is only a copy of the repository. */
  if (aside != NULL)
    g_message (_("The workspace %s was damaged: it is set aside as %s and rebuilt from the "
                 "repository"), self->path, aside);

  return TRUE;
}

/*
 * _accord_workspace_recover:
 * @self: an #AccordWorkspace
 * @failure: (transfer full): why opening or reading the workspace failed
 * @error: return location for a #GError
 *
 * A damaged workspace is only a cache of the repository: when @failure
 * says the database is damaged, it is set aside (kept for inspection) and
 * made anew, and the caller tries again. Any other failure is passed on.
 *
 * Returns: %TRUE if the caller may try again on a new database
 */
gboolean
_accord_workspace_recover (AccordWorkspace  *self,
                           GError           *failure,
                           GError          **error)
{
  if (!g_error_matches (failure, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, failure);
      return FALSE;
    }

  g_debug ("Setting the workspace aside: %s", failure->message);
  g_error_free (failure);

  return set_aside (self, error) && open_database (self, error);
}

/**
 * accord_workspace_open:
 * @repository: the strategy the workspace belongs to
 * @error: return location for a #GError
 *
 * Opens the strategy's workspace, creating it or bringing its schema up to
 * date as needed. A damaged workspace is set aside and rebuilt, as is
 * anything found in its place that Accord did not make there, a link
 * above all (see accord-workspace-folder.c): nothing is written through
 * one. A workspace made by a newer version is left as it is, and refused.
 *
 * Returns: (transfer full): the workspace
 */
AccordWorkspace *
accord_workspace_open (AccordRepository  *repository,
                       GError           **error)
{
  g_autoptr(AccordWorkspace) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *git_dir = NULL;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (repository), NULL);

  self = g_object_new (ACCORD_TYPE_WORKSPACE, NULL);
  self->repository = g_object_ref (repository);

  git_dir = accord_repository_dup_git_dir (repository);
  self->folder = _accord_workspace_open_folder (git_dir, &self->folder_path, error);
  if (self->folder < 0)
    return NULL;

  self->path = g_build_filename (self->folder_path, ACCORD_WORKSPACE_FILE, NULL);

  if (!open_database (self, &local_error) &&
      !_accord_workspace_recover (self, g_steal_pointer (&local_error), error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
accord_workspace_get_path (AccordWorkspace *self)
{
  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), NULL);

  return self->path;
}

int
accord_workspace_get_schema_version (AccordWorkspace *self)
{
  int version;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), -1);

  if (!read_version (self, &version, NULL))
    return -1;

  return version;
}
