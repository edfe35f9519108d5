/* accord-workspace-files.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-git-private.h"
#include "accord-repository-private.h"
#include "accord-sqlite-private.h"
#include "accord-strategy-private.h"
#include "accord-workspace-private.h"

/*
 * The workspace's copy of the strategy's files: a row for each file, with
 * its blob id, its stat and its links, and the words search looks for in
 * it. Loading brings the rows up to date with what it reads from the work
 * tree; writing, with what it wrote.
 */

GPtrArray *
_accord_workspace_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
}

/* Reads a file the workspace does not have, or has in another version. */
GBytes *
_accord_workspace_read_file (AccordWorkspace *self,
                             AccordScanned   *scanned,
                             GPtrArray       *problems)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length;

  if (!scanned->regular)
    {
      g_ptr_array_add (problems, accord_problem_new (scanned->path, 1,
                                                     _("This is not a plain file")));
      return NULL;
    }

  if (scanned->size > ACCORD_MAX_FILE_SIZE)
    {
      g_ptr_array_add (problems, accord_problem_new (scanned->path, 1,
                                                     _("The file is larger than 1 MiB")));
      return NULL;
    }

  path = g_build_filename (accord_repository_get_path (self->repository), scanned->path, NULL);
  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_ptr_array_add (problems, accord_problem_new (scanned->path, 1, error->message));
      return NULL;
    }

  return g_bytes_new_take (data, length);
}

/* The words of an entity that search looks at: its title, and its texts
 * and other free-text fields (codes, leads, indicators…), every language
 * included. Ids, dates, choices and counts are left out. */
static void
collect_search_text (AccordEntity  *entity,
                     GString       *title,
                     GString       *body)
{
  const AccordSchema *schema = _accord_entity_get_schema (entity);
  g_auto(GStrv) names = accord_entity_dup_field_names (entity);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const AccordFieldSpec *spec = _accord_schema_lookup (schema, names[i], NULL);
      const char * const *values = _accord_entity_get_values (entity, names[i], NULL);
      gboolean is_title;

      if (spec == NULL || spec->type != ACCORD_VALUE_STRING || values == NULL)
        continue;

      is_title = g_str_equal (spec->name, "title") || g_str_equal (spec->name, "name");

      for (guint j = 0; values[j] != NULL; j++)
        {
          GString *out = is_title ? title : body;

          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, values[j]);
        }
    }
}

void
_accord_workspace_statements_clear (AccordWorkspaceStatements *statements)
{
  g_clear_pointer (&statements->insert, sqlite3_finalize);
  g_clear_pointer (&statements->update, sqlite3_finalize);
  g_clear_pointer (&statements->touch, sqlite3_finalize);
  g_clear_pointer (&statements->links, sqlite3_finalize);
  g_clear_pointer (&statements->remove, sqlite3_finalize);
  g_clear_pointer (&statements->search_delete, sqlite3_finalize);
  g_clear_pointer (&statements->search_insert, sqlite3_finalize);
}

gboolean
_accord_workspace_statements_prepare (AccordWorkspace            *self,
                                      AccordWorkspaceStatements  *statements,
                                      GError                    **error)
{
  return _accord_workspace_prepare (self,
                                    "INSERT INTO files (path, blob, mtime, size, inode, data,"
                                    " links) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                    " RETURNING rowid",
                                    &statements->insert, error) &&
         _accord_workspace_prepare (self,
                                    "UPDATE files SET path = ?1, blob = ?2, mtime = ?3, size = ?4,"
                                    " inode = ?5, data = ?6, links = ?7 WHERE rowid = ?8"
                                    " RETURNING rowid",
                                    &statements->update, error) &&
         _accord_workspace_prepare (self,
                                    "UPDATE files SET mtime = ?2, size = ?3, inode = ?4"
                                    " WHERE rowid = ?1",
                                    &statements->touch, error) &&
         _accord_workspace_prepare (self, "UPDATE files SET links = ?2 WHERE rowid = ?1",
                                    &statements->links, error) &&
         _accord_workspace_prepare (self, "DELETE FROM files WHERE rowid = ?1",
                                    &statements->remove, error) &&
         _accord_workspace_prepare (self, "DELETE FROM search WHERE rowid = ?1",
                                    &statements->search_delete, error) &&
         _accord_workspace_prepare (self,
                                    "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)",
                                    &statements->search_insert, error);
}

static gboolean
index_search_text (AccordWorkspace            *self,
                   AccordWorkspaceStatements  *statements,
                   sqlite3_int64               rowid,
                   AccordEntity               *entity,
                   GError                    **error)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);

  if (!_accord_sqlite_bind_int64 (statements->search_delete, 1, rowid, error) ||
      !_accord_workspace_run (self, statements->search_delete, NULL, error))
    return FALSE;

  if (entity == NULL)
    return TRUE;

  collect_search_text (entity, title, body);

  return _accord_sqlite_bind_int64 (statements->search_insert, 1, rowid, error) &&
         _accord_sqlite_bind_text (statements->search_insert, 2, title->str, title->len, error) &&
         _accord_sqlite_bind_text (statements->search_insert, 3, body->str, body->len, error) &&
         _accord_workspace_run (self, statements->search_insert, NULL, error);
}

/* The links to keep for a file parsed into @entity with @problems: none
 * when it is to be parsed again at each opening. */
static char *
links_of (AccordEntity *entity,
          GPtrArray    *problems)
{
  if (entity == NULL || ACCORD_IS_STRATEGY (entity) || problems->len > 0)
    return NULL;

  return _accord_entity_dup_links (entity);
}

/* Writes to @hex, which has room for GIT_OID_HEXSZ + 1 bytes, the git blob
 * id of @content, as the files table keeps it. */
void
_accord_workspace_hash_blob (GBytes *content,
                             char   *hex)
{
  gsize length;
  const char *data = g_bytes_get_data (content, &length);
  git_oid blob;

  git_odb_hash (&blob, data, length, GIT_OBJECT_BLOB);
  git_oid_tostr (hex, GIT_OID_HEXSZ + 1, &blob);
}

/* Records a file read from the work tree, new or changed, with its search
 * text; @rowid is its row, or 0 for a new one. */
gboolean
_accord_workspace_store_file (AccordWorkspace            *self,
                              AccordWorkspaceStatements  *statements,
                              AccordScanned              *scanned,
                              GBytes                     *content,
                              AccordEntity               *entity,
                              GPtrArray                  *problems,
                              sqlite3_int64               rowid,
                              GError                    **error)
{
  sqlite3_stmt *stmt = rowid > 0 ? statements->update : statements->insert;
  g_autofree char *links = links_of (entity, problems);
  char hex[GIT_OID_HEXSZ + 1];
  gsize length;
  const char *data = g_bytes_get_data (content, &length);

  _accord_workspace_hash_blob (content, hex);

  if (!_accord_sqlite_bind_text (stmt, 1, scanned->path, -1, error) ||
      !_accord_sqlite_bind_text (stmt, 2, hex, -1, error) ||
      !_accord_sqlite_bind_int64 (stmt, 3, scanned->mtime, error) ||
      !_accord_sqlite_bind_int64 (stmt, 4, scanned->size, error) ||
      !_accord_sqlite_bind_int64 (stmt, 5, scanned->inode, error) ||
      !_accord_sqlite_bind_blob (stmt, 6, data, length, error) ||
      !_accord_sqlite_bind_text (stmt, 7, links, -1, error) ||
      (rowid > 0 && !_accord_sqlite_bind_int64 (stmt, 8, rowid, error)) ||
      !_accord_workspace_run (self, stmt, &rowid, error))
    return FALSE;

  return index_search_text (self, statements, rowid, entity, error);
}

gboolean
_accord_workspace_forget_file (AccordWorkspace            *self,
                               AccordWorkspaceStatements  *statements,
                               sqlite3_int64               rowid,
                               GError                    **error)
{
  return _accord_sqlite_bind_int64 (statements->remove, 1, rowid, error) &&
         _accord_workspace_run (self, statements->remove, NULL, error) &&
         _accord_sqlite_bind_int64 (statements->search_delete, 1, rowid, error) &&
         _accord_workspace_run (self, statements->search_delete, NULL, error);
}

/* Brings the rows of @paths up to date with the work tree, as a load would
 * for files it finds changed. */
static gboolean
refresh_paths (AccordWorkspace  *self,
               GPtrArray        *paths,
               GError          **error)
{
  g_auto(AccordWorkspaceStatements) statements = { NULL, };
  g_autoptr(AccordSqliteStmt) find = NULL;
  const char *root = accord_repository_get_path (self->repository);

  if (!_accord_workspace_statements_prepare (self, &statements, error) ||
      !_accord_workspace_prepare (self, "SELECT rowid FROM files WHERE path = ?1", &find, error))
    return FALSE;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *full = g_build_filename (root, path, NULL);
      g_autoptr(GPtrArray) problems = _accord_workspace_problems_new ();
      g_autoptr(GBytes) content = NULL;
      g_autoptr(AccordEntity) entity = NULL;
      sqlite3_int64 rowid = 0;
      AccordScanned scanned;
      GStatBuf info;
      gboolean stored;
      int rc;

      if (!_accord_sqlite_bind_text (find, 1, path, -1, error))
        return FALSE;
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        rowid = sqlite3_column_int64 (find, 0);
      if (!_accord_sqlite_reset (find, rc, _("Could not read the workspace"), error))
        return FALSE;

      if (g_lstat (full, &info) != 0)
        {
          if (rowid > 0 && !_accord_workspace_forget_file (self, &statements, rowid, error))
            return FALSE;
          continue;
        }

      _accord_scanned_init (&scanned, path, &info);
      if ((content = _accord_workspace_read_file (self, &scanned, problems)) == NULL)
        stored = rowid == 0 || _accord_workspace_forget_file (self, &statements, rowid, error);
      else
        {
          gsize length;
          const char *data = g_bytes_get_data (content, &length);

          entity = _accord_repository_parse_entry (path, data, length, problems);
          stored = _accord_workspace_store_file (self, &statements, &scanned, content, entity,
                                                 problems, rowid, error);
        }

      if (!stored)
        return FALSE;
    }

  return TRUE;
}

static gboolean
index_paths (AccordWorkspace  *self,
             GPtrArray        *paths,
             GError          **error)
{
  if (!_accord_workspace_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!refresh_paths (self, paths, error) ||
      !_accord_workspace_exec (self, "COMMIT", error))
    {
      _accord_workspace_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * accord_workspace_write:
 * @self: an #AccordWorkspace
 * @strategy: the strategy read from the workspace's repository
 * @error: return location for a #GError
 *
 * Writes the entities of @strategy that changed to the work tree, as
 * accord_repository_write() does, and brings the search index up to date
 * with them at once, so that what was just typed can be found.
 *
 * Returns: %TRUE if every file was written
 */
gboolean
accord_workspace_write (AccordWorkspace  *self,
                        AccordStrategy   *strategy,
                        GError          **error)
{
  g_autoptr(GPtrArray) modified = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) index_error = NULL;
  GPtrArray *removed;
  gboolean written;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_STRATEGY (strategy), FALSE);

  /* The set of modified entities is emptied by reading it: note it back. */
  modified = _accord_strategy_dup_modified (strategy);
  for (guint i = 0; i < modified->len; i++)
    {
      AccordEntity *entity = g_ptr_array_index (modified, i);

      g_ptr_array_add (paths, accord_entity_dup_path (entity));
      if (!ACCORD_IS_STRATEGY (entity))
        _accord_strategy_note_modified (strategy, entity);
    }

  removed = _accord_strategy_get_removed (strategy);
  for (guint i = 0; i < removed->len; i++)
    g_ptr_array_add (paths, g_strdup (g_ptr_array_index (removed, i)));

  written = accord_repository_write (self->repository, strategy, error);

  /* What did reach the disk is indexed even when the rest failed; a
   * failure to index only delays search until the next load. A damaged
   * workspace is made anew from the work tree, what was written with the
   * rest. */
  if (paths->len > 0 && !index_paths (self, paths, &index_error) &&
      !_accord_workspace_rebuild (self, g_steal_pointer (&index_error), &index_error))
    g_debug ("Could not index what was written: %s", index_error->message);

  return written;
}
