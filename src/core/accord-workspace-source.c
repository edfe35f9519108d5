/* accord-workspace-source.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-repository.h"
#include "accord-sqlite-private.h"
#include "accord-workspace-private.h"

/* Where entities made from their links read their files: the workspace's
 * copy, through a connection of their own (the workspace may be gone, or
 * busy in another thread), or the work tree when the copy went since. */
typedef struct
{
  AccordEntitySource  parent;
  GMutex              lock;
  char               *database;
  char               *root;
  sqlite3            *db;
  sqlite3_stmt       *select;
} Source;

static void
source_finalize (AccordEntitySource *source)
{
  Source *self = (Source *) source;

  g_clear_pointer (&self->select, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->database);
  g_free (self->root);
  g_free (self);
}

/* The copy of @path the workspace keeps in row @rowid; %NULL without an
 * error when that row holds another file now. */
static GBytes *
source_read_copy (Source      *self,
                  const char  *path,
                  gint64       rowid,
                  GError     **error)
{
  g_autoptr(GBytes) content = NULL;
  int rc;

  if (self->db == NULL &&
      (sqlite3_open_v2 (self->database, &self->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW,
                        NULL) != SQLITE_OK ||
       sqlite3_prepare_v2 (self->db, "SELECT path, data FROM files WHERE rowid = ?1", -1,
                           &self->select, NULL) != SQLITE_OK))
    {
      g_debug ("Could not open %s: %s", self->database, sqlite3_errmsg (self->db));
      g_clear_pointer (&self->db, sqlite3_close);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  if (!_accord_sqlite_bind_int64 (self->select, 1, rowid, error))
    return NULL;

  rc = sqlite3_step (self->select);
  if (rc == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (self->select, 0), path) == 0)
    content = g_bytes_new (sqlite3_column_blob (self->select, 1),
                           sqlite3_column_bytes (self->select, 1));

  if (!_accord_sqlite_reset (self->select, rc, _("Could not read the workspace"), error))
    return NULL;

  return g_steal_pointer (&content);
}

static GBytes *
source_read (AccordEntitySource  *source,
             const char          *path,
             gint64               rowid,
             GError             **error)
{
  Source *self = (Source *) source;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *full = NULL;
  GBytes *content;
  char *data = NULL;
  gsize length;

  g_mutex_lock (&self->lock);
  content = source_read_copy (self, path, rowid, &local_error);
  g_mutex_unlock (&self->lock);

  if (content != NULL)
    return content;

  /* The work tree has the file too, as the workspace last saw it or newer. */
  if (local_error != NULL)
    g_debug ("Could not read %s from the workspace: %s", path, local_error->message);

  full = g_build_filename (self->root, path, NULL);
  if (!g_file_get_contents (full, &data, &length, error))
    return NULL;

  return g_bytes_new_take (data, length);
}

AccordEntitySource *
_accord_workspace_source_new (AccordWorkspace *workspace)
{
  Source *self = g_new0 (Source, 1);

  g_atomic_ref_count_init (&self->parent.ref_count);
  self->parent.read = source_read;
  self->parent.finalize = source_finalize;
  g_mutex_init (&self->lock);
  self->database = g_strdup (workspace->path);
  self->root = g_strdup (accord_repository_get_path (workspace->repository));

  return &self->parent;
}
