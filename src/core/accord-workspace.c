/* accord-workspace.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-entity-private.h"
#include "accord-errors.h"
#include "accord-format-private.h"
#include "accord-git-private.h"
#include "accord-repository-private.h"
#include "accord-scan-private.h"
#include "accord-snippet-private.h"
#include "accord-sqlite-private.h"
#include "accord-strategy-private.h"
#include "accord-workspace.h"

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

/* File times can be as coarse as two seconds (FAT, some network file
 * systems): a file whose time is that close to the last scan may have
 * changed without its stat changing, and is read again. */
#define RACY_MARGIN (G_GINT64_CONSTANT (2) * 1000000000)

struct _AccordWorkspace
{
  GObject           parent_instance;

  AccordRepository *repository;
  char             *path;
  sqlite3          *db;
  guint             n_files;  /* as the last load found them */
};

G_DEFINE_FINAL_TYPE (AccordWorkspace, accord_workspace, G_TYPE_OBJECT)

G_DEFINE_QUARK (accord-workspace-error-quark, accord_workspace_error)

G_DEFINE_BOXED_TYPE (AccordSearchHit, accord_search_hit, accord_search_hit_copy,
                     accord_search_hit_free)

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

AccordSearchHit *
accord_search_hit_copy (const AccordSearchHit *self)
{
  AccordSearchHit *copy = g_new0 (AccordSearchHit, 1);

  copy->id = g_strdup (self->id);
  copy->kind = self->kind;
  copy->title = g_strdup (self->title);
  copy->snippet = g_strdup (self->snippet);
  copy->rank = self->rank;

  return copy;
}

void
accord_search_hit_free (AccordSearchHit *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->title);
  g_free (self->snippet);
  g_free (self);
}

static void
accord_workspace_finalize (GObject *object)
{
  AccordWorkspace *self = ACCORD_WORKSPACE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_object (&self->repository);
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
}

static gboolean
exec (AccordWorkspace  *self,
      const char       *sql,
      GError          **error)
{
  return _accord_sqlite_check (self->db, sqlite3_exec (self->db, sql, NULL, NULL, NULL),
                               _("Could not update the workspace"), error);
}

static gboolean
prepare (AccordWorkspace   *self,
         const char        *sql,
         sqlite3_stmt     **stmt,
         GError           **error)
{
  return _accord_sqlite_check (self->db, sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL),
                               _("Could not read the workspace"), error);
}

static int
read_version (AccordWorkspace *self)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

/* Brings the schema up to SCHEMA_VERSION, each step in a transaction. */
static gboolean
migrate (AccordWorkspace  *self,
         GError          **error)
{
  int version = read_version (self);

  if (version < 0)
    return _accord_sqlite_check (self->db, sqlite3_errcode (self->db),
                                 _("Could not read the workspace"), error);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, ACCORD_WORKSPACE_ERROR, ACCORD_WORKSPACE_ERROR_NEWER,
                   _("The workspace %s was made by a newer version of Accord"), self->path);
      return FALSE;
    }

  for (; version < SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!exec (self, migrations[version], error) || !exec (self, bump, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      if (!exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
open_database (AccordWorkspace  *self,
               GError          **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (!_accord_sqlite_check (self->db, rc, _("Could not open the workspace"), error))
    return FALSE;

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, FALSE);

  return exec (self, "PRAGMA journal_mode = WAL", error) &&
         exec (self, "PRAGMA synchronous = NORMAL", error) &&
         exec (self, "PRAGMA mmap_size = 268435456", error) &&
         _accord_snippet_register (self->db, error) &&
         migrate (self, error);
}

/* A damaged workspace is only a cache of the repository: it is set aside
 * (kept for inspection) and made anew. */
static gboolean
set_aside (AccordWorkspace  *self,
           GError          **error)
{
  g_autofree char *broken = g_strconcat (self->path, ".broken", NULL);
  static const char * const suffixes[] = { "-wal", "-shm" };

  g_clear_pointer (&self->db, sqlite3_close);
  g_warning ("The workspace %s is damaged; it is rebuilt from the repository", self->path);

  if (g_rename (self->path, broken) != 0)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CANNOT_OPEN,
                   _("Could not set the damaged workspace aside: %s"), g_strerror (errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *extra = g_strconcat (self->path, suffixes[i], NULL);

      g_unlink (extra);
    }

  return TRUE;
}

/**
 * accord_workspace_open:
 * @repository: the strategy the workspace belongs to
 * @error: return location for a #GError
 *
 * Opens the strategy's workspace, creating it or bringing its schema up to
 * date as needed. A damaged workspace is set aside and rebuilt.
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
  g_autofree char *dir = NULL;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (repository), NULL);

  git_dir = accord_repository_dup_git_dir (repository);
  dir = g_build_filename (git_dir, "accord", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CANNOT_OPEN,
                   _("Could not create the workspace folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }

  self = g_object_new (ACCORD_TYPE_WORKSPACE, NULL);
  self->repository = g_object_ref (repository);
  self->path = g_build_filename (dir, "workspace.sqlite", NULL);

  if (!open_database (self, &local_error))
    {
      if (!g_error_matches (local_error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_clear_error (&local_error);
      if (!set_aside (self, error) || !open_database (self, error))
        return NULL;
    }

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
  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), -1);

  return read_version (self);
}

static guint rank_of (const char *path);

/* One file as the workspace has it, parsed on the chance that it has not
 * changed since. */
typedef struct
{
  sqlite3_int64  rowid;
  const char    *path;
  const char    *blob;
  gint64         mtime;
  gint64         size;
  gint64         inode;
  AccordEntity  *entity;
  GPtrArray     *problems;
  guint          rank;             /* see rank_of() */
  guint          needs_links : 1;  /* parsed cleanly, but its links are not stored */
} Cached;

static void
cached_clear (Cached *cached)
{
  g_clear_object (&cached->entity);
  g_clear_pointer (&cached->problems, g_ptr_array_unref);
}

static int
compare_cached (gconstpointer a,
                gconstpointer b)
{
  return strcmp ((*(Cached **) a)->path, (*(Cached **) b)->path);
}

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
}

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

static GBytes *
source_read_copy (Source     *self,
                  const char *path,
                  gint64      rowid)
{
  GBytes *content = NULL;

  if (self->db == NULL &&
      (sqlite3_open_v2 (self->database, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK ||
       sqlite3_prepare_v2 (self->db, "SELECT path, data FROM files WHERE rowid = ?1", -1,
                           &self->select, NULL) != SQLITE_OK))
    {
      g_debug ("Could not open %s: %s", self->database, sqlite3_errmsg (self->db));
      g_clear_pointer (&self->db, sqlite3_close);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_bind_int64 (self->select, 1, rowid);
  if (sqlite3_step (self->select) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (self->select, 0), path) == 0)
    content = g_bytes_new (sqlite3_column_blob (self->select, 1),
                           sqlite3_column_bytes (self->select, 1));
  sqlite3_reset (self->select);

  return content;
}

static GBytes *
source_read (AccordEntitySource  *source,
             const char          *path,
             gint64               rowid,
             GError             **error)
{
  Source *self = (Source *) source;
  g_autofree char *full = NULL;
  GBytes *content;
  char *data = NULL;
  gsize length;

  g_mutex_lock (&self->lock);
  content = source_read_copy (self, path, rowid);
  g_mutex_unlock (&self->lock);

  if (content != NULL)
    return content;

  full = g_build_filename (self->root, path, NULL);
  if (!g_file_get_contents (full, &data, &length, error))
    return NULL;

  return g_bytes_new_take (data, length);
}

static AccordEntitySource *
source_new (AccordWorkspace *workspace)
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

/* The rows of the workspace, sorted by path, made in @arena. */
static GPtrArray *
read_cached (AccordWorkspace  *self,
             AccordArena            *arena,
             GError          **error)
{
  g_autoptr(AccordSqliteStmt) rows = NULL;
  g_autoptr(GPtrArray) cached = g_ptr_array_new_with_free_func ((GDestroyNotify) cached_clear);
  g_autoptr(GPtrArray) scratch = problems_new ();
  AccordEntitySource *source = source_new (self);
  int rc;

  /* In the table's own order: following the path index would read the
   * rows out of order, and sorting them here is cheaper. The files of
   * rows with links are read only when their entities are parsed. */
  if (!prepare (self, "SELECT rowid, path, blob, mtime, size, inode, links,"
                      " CASE WHEN links IS NULL THEN data END FROM files",
                &rows, error))
    {
      _accord_entity_source_unref (source);
      return NULL;
    }

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      Cached *item = memset (_accord_arena_alloc (arena, sizeof (Cached)), 0, sizeof (Cached));
      const char *links = (const char *) sqlite3_column_text (rows, 6);
      const char *data = sqlite3_column_blob (rows, 7);
      gsize length = sqlite3_column_bytes (rows, 7);
      g_autofree char *id = NULL;
      AccordEntityKind kind;

      item->rowid = sqlite3_column_int64 (rows, 0);
      item->path = _accord_arena_strdup (arena, (const char *) sqlite3_column_text (rows, 1));
      item->blob = _accord_arena_strdup (arena, (const char *) sqlite3_column_text (rows, 2));
      item->mtime = sqlite3_column_int64 (rows, 3);
      item->size = sqlite3_column_int64 (rows, 4);
      item->inode = sqlite3_column_int64 (rows, 5);
      item->rank = rank_of (item->path);

      if (links != NULL && _accord_format_path_parse (item->path, &kind, &id) &&
          kind != ACCORD_ENTITY_STRATEGY)
        item->entity = _accord_entity_new_pending (kind, id, links, source, item->rowid);

      if (item->entity == NULL)
        {
          g_autoptr(GBytes) content = NULL;

          /* Links the workspace cannot have written: read the file whole. */
          if (links != NULL &&
              (content = source->read (source, item->path, item->rowid, NULL)) != NULL)
            data = g_bytes_get_data (content, &length);

          item->entity = _accord_repository_parse_entry (item->path, data, length, scratch);
          if (scratch->len > 0)
            {
              item->problems = g_steal_pointer (&scratch);
              scratch = problems_new ();
            }
          else
            item->needs_links = item->entity != NULL && !ACCORD_IS_STRATEGY (item->entity);
        }
      g_ptr_array_add (cached, item);
    }

  _accord_entity_source_unref (source);
  if (!_accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error))
    return NULL;

  g_ptr_array_sort (cached, compare_cached);

  return g_steal_pointer (&cached);
}

/* What opening found for one path, in the order files are added. */
typedef struct
{
  const char    *path;      /* the scan's */
  guint          rank;
  AccordEntity  *entity;
  GPtrArray     *problems;  /* or NULL when there are none */
} Found;

static void
found_clear (Found *found)
{
  g_clear_object (&found->entity);
  g_clear_pointer (&found->problems, g_ptr_array_unref);
}

/* Entities are added kind by kind, as accord_repository_load() does, so
 * that both agree on which file keeps an id given twice. */
static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = *(Found **) a;
  const Found *y = *(Found **) b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;

  return strcmp (x->path, y->path);
}

static guint
rank_of (const char *path)
{
  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      const char *dir = accord_entity_kind_get_directory (kind);
      gsize length = strlen (dir);

      if (strncmp (path, dir, length) == 0 && path[length] == '/')
        return kind;
    }

  return 0;
}

static Found *
found_new (AccordArena        *arena,
           const char   *path,
           AccordEntity *entity,
           GPtrArray    *problems)
{
  Found *found = _accord_arena_alloc (arena, sizeof (Found));

  found->path = path;
  found->rank = rank_of (path);
  found->entity = entity;
  found->problems = problems;

  return found;
}

/* Reads a file the workspace does not have, or has in another version. */
static GBytes *
read_file (AccordWorkspace *self,
           AccordScanned         *scanned,
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

typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *touch;
  sqlite3_stmt *links;
  sqlite3_stmt *remove;
  sqlite3_stmt *search_delete;
  sqlite3_stmt *search_insert;
} Statements;

static void
statements_clear (Statements *statements)
{
  g_clear_pointer (&statements->insert, sqlite3_finalize);
  g_clear_pointer (&statements->update, sqlite3_finalize);
  g_clear_pointer (&statements->touch, sqlite3_finalize);
  g_clear_pointer (&statements->links, sqlite3_finalize);
  g_clear_pointer (&statements->remove, sqlite3_finalize);
  g_clear_pointer (&statements->search_delete, sqlite3_finalize);
  g_clear_pointer (&statements->search_insert, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statements, statements_clear)

static gboolean
statements_prepare (AccordWorkspace  *self,
                    Statements       *statements,
                    GError          **error)
{
  return prepare (self,
                  "INSERT INTO files (path, blob, mtime, size, inode, data, links)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING rowid",
                  &statements->insert, error) &&
         prepare (self,
                  "UPDATE files SET path = ?1, blob = ?2, mtime = ?3, size = ?4, inode = ?5,"
                  " data = ?6, links = ?7 WHERE rowid = ?8 RETURNING rowid",
                  &statements->update, error) &&
         prepare (self, "UPDATE files SET mtime = ?2, size = ?3, inode = ?4 WHERE rowid = ?1",
                  &statements->touch, error) &&
         prepare (self, "UPDATE files SET links = ?2 WHERE rowid = ?1",
                  &statements->links, error) &&
         prepare (self, "DELETE FROM files WHERE rowid = ?1", &statements->remove, error) &&
         prepare (self, "DELETE FROM search WHERE rowid = ?1", &statements->search_delete, error) &&
         prepare (self, "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)",
                  &statements->search_insert, error);
}

static gboolean
run (AccordWorkspace  *self,
     sqlite3_stmt     *stmt,
     sqlite3_int64    *rowid,
     GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW && rowid != NULL)
    *rowid = sqlite3_column_int64 (stmt, 0);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return _accord_sqlite_check (self->db, rc, _("Could not update the workspace"), error);
}

static gboolean
index_search_text (AccordWorkspace  *self,
                   Statements       *statements,
                   sqlite3_int64     rowid,
                   AccordEntity     *entity,
                   GError          **error)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);

  sqlite3_bind_int64 (statements->search_delete, 1, rowid);
  if (!run (self, statements->search_delete, NULL, error))
    return FALSE;

  if (entity == NULL)
    return TRUE;

  collect_search_text (entity, title, body);

  sqlite3_bind_int64 (statements->search_insert, 1, rowid);
  sqlite3_bind_text (statements->search_insert, 2, title->str, title->len, SQLITE_STATIC);
  sqlite3_bind_text (statements->search_insert, 3, body->str, body->len, SQLITE_STATIC);

  return run (self, statements->search_insert, NULL, error);
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

/* Stores the links of a file parsed cleanly at opening. */
static gboolean
store_links (AccordWorkspace  *self,
             Statements       *statements,
             Cached           *cached,
             GError          **error)
{
  g_autofree char *links = _accord_entity_dup_links (cached->entity);

  sqlite3_bind_int64 (statements->links, 1, cached->rowid);
  sqlite3_bind_text (statements->links, 2, links, -1, SQLITE_STATIC);

  return run (self, statements->links, NULL, error);
}

/* Records a file read from the work tree, new or changed, with its search
 * text; @rowid is its row, or 0 for a new one. */
static gboolean
store_file (AccordWorkspace  *self,
            Statements       *statements,
            AccordScanned          *scanned,
            GBytes           *content,
            AccordEntity     *entity,
            GPtrArray        *problems,
            sqlite3_int64     rowid,
            GError          **error)
{
  sqlite3_stmt *stmt = rowid > 0 ? statements->update : statements->insert;
  g_autofree char *links = links_of (entity, problems);
  char hex[GIT_OID_HEXSZ + 1];
  gsize length;
  const char *data = g_bytes_get_data (content, &length);
  git_oid blob;

  git_odb_hash (&blob, data, length, GIT_OBJECT_BLOB);
  git_oid_tostr (hex, sizeof hex, &blob);

  sqlite3_bind_text (stmt, 1, scanned->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hex, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, scanned->mtime);
  sqlite3_bind_int64 (stmt, 4, scanned->size);
  sqlite3_bind_int64 (stmt, 5, scanned->inode);
  sqlite3_bind_blob (stmt, 6, data, length, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, links, -1, SQLITE_STATIC);
  if (rowid > 0)
    sqlite3_bind_int64 (stmt, 8, rowid);

  if (!run (self, stmt, &rowid, error))
    return FALSE;

  return index_search_text (self, statements, rowid, entity, error);
}

static gboolean
forget_file (AccordWorkspace  *self,
             Statements       *statements,
             sqlite3_int64     rowid,
             GError          **error)
{
  sqlite3_bind_int64 (statements->remove, 1, rowid);
  if (!run (self, statements->remove, NULL, error))
    return FALSE;

  sqlite3_bind_int64 (statements->search_delete, 1, rowid);

  return run (self, statements->search_delete, NULL, error);
}

static gboolean
same_blob (GBytes     *content,
           const char *hex)
{
  char computed[GIT_OID_HEXSZ + 1];
  gsize length;
  const char *data = g_bytes_get_data (content, &length);
  git_oid blob;

  git_odb_hash (&blob, data, length, GIT_OBJECT_BLOB);
  git_oid_tostr (computed, sizeof computed, &blob);

  return g_strcmp0 (computed, hex) == 0;
}

/* A file whose row disagrees with the work tree: read it again. */
static Found *
refresh (AccordWorkspace  *self,
         AccordArena            *arena,
         Statements       *statements,
         AccordScanned          *scanned,
         Cached           *cached,
         gboolean         *changed,
         GError          **error)
{
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GBytes) content = read_file (self, scanned, problems);
  g_autoptr(AccordEntity) entity = NULL;
  gsize length;
  const char *data;

  if (content == NULL)
    {
      if (cached != NULL && !forget_file (self, statements, cached->rowid, error))
        return NULL;
      *changed = TRUE;
      return found_new (arena, scanned->path, NULL, g_steal_pointer (&problems));
    }

  if (cached != NULL && same_blob (content, cached->blob))
    {
      /* Same content, touched: note the new stat and keep the parse. */
      sqlite3_bind_int64 (statements->touch, 1, cached->rowid);
      sqlite3_bind_int64 (statements->touch, 2, scanned->mtime);
      sqlite3_bind_int64 (statements->touch, 3, scanned->size);
      sqlite3_bind_int64 (statements->touch, 4, scanned->inode);
      if (!run (self, statements->touch, NULL, error) ||
          (cached->needs_links && !store_links (self, statements, cached, error)))
        return NULL;
      return found_new (arena, scanned->path, g_steal_pointer (&cached->entity),
                        g_steal_pointer (&cached->problems));
    }

  data = g_bytes_get_data (content, &length);
  entity = _accord_repository_parse_entry (scanned->path, data, length, problems);
  if (!store_file (self, statements, scanned, content, entity, problems,
                   cached != NULL ? cached->rowid : 0, error))
    return NULL;

  *changed = TRUE;
  return found_new (arena, scanned->path, g_steal_pointer (&entity), g_steal_pointer (&problems));
}

static gboolean
unchanged (AccordScanned *scanned,
           Cached  *cached,
           gint64   racy_since)
{
  /* A file changed in the same clock tick as the last scan may still show
   * the stat that scan recorded: such files are always read again. */
  return scanned->regular &&
         scanned->mtime == cached->mtime &&
         scanned->size == cached->size &&
         scanned->inode == cached->inode &&
         cached->mtime < racy_since - RACY_MARGIN;
}

/* Walks the scanned files and the workspace's rows together, both sorted
 * by path, and decides for each file what to keep; @changed tells whether
 * any differs from the workspace's copy. */
static gboolean
reconcile (AccordWorkspace  *self,
           AccordArena            *arena,
           GPtrArray        *scanned,
           GPtrArray        *cached,
           gint64            racy_since,
           GPtrArray        *found,
           gboolean         *changed,
           GError          **error)
{
  g_auto(Statements) statements = { NULL, };
  guint i = 0, j = 0;

  if (!statements_prepare (self, &statements, error))
    return FALSE;

  while (i < scanned->len || j < cached->len)
    {
      AccordScanned *file = i < scanned->len ? g_ptr_array_index (scanned, i) : NULL;
      Cached *row = j < cached->len ? g_ptr_array_index (cached, j) : NULL;
      int order = file == NULL ? 1 : row == NULL ? -1 : strcmp (file->path, row->path);
      Found *item = NULL;

      if (order > 0)
        {
          if (!forget_file (self, &statements, row->rowid, error))
            return FALSE;
          *changed = TRUE;
          j++;
          continue;
        }

      if (order == 0 && unchanged (file, row, racy_since))
        {
          if (row->needs_links && !store_links (self, &statements, row, error))
            return FALSE;
          item = found_new (arena, file->path, g_steal_pointer (&row->entity),
                            g_steal_pointer (&row->problems));
        }
      else if (!(item = refresh (self, arena, &statements, file, order == 0 ? row : NULL, changed,
                                 error)))
        return FALSE;

      g_ptr_array_add (found, item);
      i++;
      if (order == 0)
        j++;
    }

  return TRUE;
}

static gboolean
process_is_running (pid_t pid)
{
  /* EPERM: it runs, as somebody else. */
  return kill (pid, 0) == 0 || errno == EPERM;
}

static gint64
read_racy_since (AccordWorkspace *self)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM state WHERE key = 'scanned-at'", -1,
                          &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
write_racy_since (AccordWorkspace  *self,
                  gint64            scanned_at,
                  GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;

  if (!prepare (self, "INSERT INTO state (key, value) VALUES ('scanned-at', ?1)"
                      " ON CONFLICT (key) DO UPDATE SET value = ?1", &stmt, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, scanned_at);

  return run (self, stmt, NULL, error);
}

/* The languages problems are written in, as the "checked" state has
 * them. */
static char *
dup_languages (void)
{
  return g_strjoinv (":", (char **) g_get_language_names ());
}

/* The problems the last check found, if nothing changed since and they
 * are in the languages of this process. */
static GPtrArray *
read_checked (AccordWorkspace  *self,
              GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autofree char *languages = dup_languages ();
  g_autofree char *checked = accord_workspace_dup_state (self, "checked");
  int rc;

  if (g_strcmp0 (checked, languages) != 0)
    return NULL;

  if (!prepare (self, "SELECT path, line, message FROM checked", &stmt, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     accord_problem_new ((const char *) sqlite3_column_text (stmt, 0),
                                         sqlite3_column_int (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2)));

  if (!_accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error))
    return NULL;

  return g_steal_pointer (&problems);
}

static gboolean
write_checked (AccordWorkspace  *self,
               GPtrArray        *problems,
               GError          **error)
{
  g_autoptr(AccordSqliteStmt) insert = NULL;
  g_autofree char *languages = dup_languages ();

  if (!exec (self, "DELETE FROM checked", error) ||
      !prepare (self, "INSERT INTO checked (path, line, message) VALUES (?1, ?2, ?3)",
                &insert, error))
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      const AccordProblem *problem = g_ptr_array_index (problems, i);

      sqlite3_bind_text (insert, 1, problem->path, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 2, problem->line);
      sqlite3_bind_text (insert, 3, problem->message, -1, SQLITE_STATIC);
      if (!run (self, insert, NULL, error))
        return FALSE;
    }

  return accord_workspace_set_state (self, "checked", languages, error);
}

/* Checks how the entities refer to each other, or takes what the last
 * check found when no file changed since. */
static gboolean
check_links (AccordWorkspace  *self,
             AccordStrategy   *strategy,
             gboolean          changed,
             GError          **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!changed && (problems = read_checked (self, &local_error)) != NULL)
    {
      _accord_strategy_add_checked (strategy, problems);
      return TRUE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  problems = _accord_strategy_check_links (strategy);

  return write_checked (self, problems, error);
}

/* The strategy as the workspace has it, entities added in the order
 * accord_repository_load() adds them (see compare_found()). */
static AccordStrategy *
build_from_cached (GPtrArray *cached)
{
  AccordStrategy *strategy = _accord_repository_new_strategy ();
  guint starts[ACCORD_N_ENTITY_KINDS + 1] = { 0, };
  g_autofree Cached **ordered = g_new (Cached *, MAX (cached->len, 1));

  /* The rows are sorted by path: spread them by rank, keeping that. */
  for (guint i = 0; i < cached->len; i++)
    starts[((Cached *) g_ptr_array_index (cached, i))->rank + 1]++;
  for (guint rank = 1; rank <= ACCORD_N_ENTITY_KINDS; rank++)
    starts[rank] += starts[rank - 1];
  for (guint i = 0; i < cached->len; i++)
    {
      Cached *row = g_ptr_array_index (cached, i);

      ordered[starts[row->rank]++] = row;
    }

  for (guint i = 0; i < cached->len; i++)
    {
      Cached *row = ordered[i];
      g_autoptr(GPtrArray) problems = NULL;

      if (row->problems != NULL)
        {
          problems = problems_new ();
          for (guint j = 0; j < row->problems->len; j++)
            g_ptr_array_add (problems, accord_problem_copy (g_ptr_array_index (row->problems, j)));
        }

      _accord_repository_add_entry (strategy, row->path, row->entity, problems);
    }

  return _accord_repository_end_load (strategy);
}

/* Lists the strategy's files with what stat() says of them. This is the
 * only part of opening that touches every file, and it runs in a thread
 * of its own while the workspace is read. */
static gpointer
scan_work_tree (gpointer data)
{
  _accord_scan_run (data, 1);

  return _accord_scan_get_files (data);
}

static AccordStrategy *
load_once (AccordWorkspace  *self,
           GError          **error)
{
  static const char * const root_files[] = { "strategy.md", NULL };
  g_auto(AccordArena) arena = { NULL, };
  g_autoptr(AccordScan) scan = _accord_scan_new (accord_repository_get_path (self->repository),
                                                 root_files);
  g_autoptr(AccordStrategy) strategy = NULL;
  GPtrArray *scanned;
  g_autoptr(GPtrArray) cached = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) found_clear);
  gint64 scanned_at = g_get_real_time () * 1000;
  gint64 start = g_get_monotonic_time ();
  gboolean changed = FALSE;
  GThread *scanner;

  scanner = g_thread_new ("accord-scan", scan_work_tree, scan);

  /* While the files are checked, make the strategy as the workspace has
   * it: most often nothing changed, and it is the one to return. */
  cached = read_cached (self, &arena, error);
  g_debug ("Read the workspace in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  if (cached != NULL)
    strategy = build_from_cached (cached);
  g_debug ("Made the strategy in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  _accord_scan_help (scan);
  scanned = g_thread_join (scanner);
  g_debug ("Scanned %u files in %.1f ms", scanned->len,
           (g_get_monotonic_time () - start) / 1000.0);

  if (cached == NULL || !exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!reconcile (self, &arena, scanned, cached, read_racy_since (self), found, &changed, error) ||
      !write_racy_since (self, scanned_at, error))
    goto failed;

  g_debug ("Reconciled in %.1f ms: %s", (g_get_monotonic_time () - start) / 1000.0,
           changed ? "files changed" : "nothing changed");
  if (changed)
    {
      /* Let go of the entities before they go into another strategy. */
      g_clear_object (&strategy);
      strategy = _accord_repository_new_strategy ();
      g_ptr_array_sort (found, compare_found);
      for (guint i = 0; i < found->len; i++)
        {
          Found *item = g_ptr_array_index (found, i);

          _accord_repository_add_entry (strategy, item->path, item->entity, item->problems);
        }
      _accord_repository_end_load (strategy);
    }

  /* In the same transaction, so that what is kept of the check matches
   * the files as they were read. */
  if (!check_links (self, strategy, changed, error) || !exec (self, "COMMIT", error))
    goto failed;

  g_debug ("Opened the strategy in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  self->n_files = scanned->len;

  return g_steal_pointer (&strategy);

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

/**
 * accord_workspace_load:
 * @self: an #AccordWorkspace
 * @error: return location for a #GError
 *
 * Reads the strategy in the work tree, as accord_repository_load() does,
 * but reads from disk only the files whose size, time or inode changed
 * since the workspace last saw them; the rest comes from one sequential
 * read of the database, parsed while another thread checks the files.
 * The search index is brought up to date on the way.
 *
 * Returns: (transfer full): the strategy
 */
AccordStrategy *
accord_workspace_load (AccordWorkspace  *self,
                       GError          **error)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), NULL);

  if (!(strategy = load_once (self, &local_error)))
    {
      /* A workspace damaged since it was opened is only a cache: set it
       * aside, make it anew, and read the strategy again. */
      if (!g_error_matches (local_error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_clear_error (&local_error);
      if (!set_aside (self, error) || !open_database (self, error) ||
          !(strategy = load_once (self, error)))
        return NULL;
    }

  return g_steal_pointer (&strategy);
}

/* Brings the rows of @paths up to date with the work tree, as a load would
 * for files it finds changed. */
static gboolean
refresh_paths (AccordWorkspace  *self,
               GPtrArray        *paths,
               GError          **error)
{
  g_auto(Statements) statements = { NULL, };
  g_autoptr(AccordSqliteStmt) find = NULL;
  const char *root = accord_repository_get_path (self->repository);

  if (!statements_prepare (self, &statements, error) ||
      !prepare (self, "SELECT rowid FROM files WHERE path = ?1", &find, error))
    return FALSE;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *full = g_build_filename (root, path, NULL);
      g_autoptr(GPtrArray) problems = problems_new ();
      g_autoptr(GBytes) content = NULL;
      g_autoptr(AccordEntity) entity = NULL;
      sqlite3_int64 rowid = 0;
      AccordScanned scanned;
      GStatBuf info;
      gboolean stored;
      int rc;

      sqlite3_bind_text (find, 1, path, -1, SQLITE_STATIC);
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        rowid = sqlite3_column_int64 (find, 0);
      sqlite3_reset (find);
      if (rc != SQLITE_ROW && !_accord_sqlite_check (self->db, rc, _("Could not read the workspace"),
                                                       error))
        return FALSE;

      if (g_lstat (full, &info) != 0)
        {
          if (rowid > 0 && !forget_file (self, &statements, rowid, error))
            return FALSE;
          continue;
        }

      _accord_scanned_init (&scanned, path, &info);
      if ((content = read_file (self, &scanned, problems)) == NULL)
        stored = rowid == 0 || forget_file (self, &statements, rowid, error);
      else
        {
          gsize length;
          const char *data = g_bytes_get_data (content, &length);

          entity = _accord_repository_parse_entry (path, data, length, problems);
          stored = store_file (self, &statements, &scanned, content, entity, problems, rowid,
                               error);
        }

      if (!stored)
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
   * failure to index only delays search until the next load. */
  if (paths->len > 0)
    {
      if (!exec (self, "BEGIN IMMEDIATE", &index_error) ||
          !refresh_paths (self, paths, &index_error) ||
          !exec (self, "COMMIT", &index_error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_debug ("Could not index what was written: %s", index_error->message);
        }
    }

  return written;
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
  g_autoptr(AccordSqliteStmt) stmt = NULL;

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!prepare (self, "SELECT value FROM state WHERE key = ?1", &stmt, NULL))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
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
      if (!prepare (self, "DELETE FROM state WHERE key = ?1", &stmt, error))
        return FALSE;
    }
  else if (!prepare (self, "INSERT INTO state (key, value) VALUES (?1, ?2)"
                           " ON CONFLICT (key) DO UPDATE SET value = ?2", &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return run (self, stmt, NULL, error);
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

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), FALSE);

  if (!prepare (self, "SELECT value FROM state WHERE key = 'session'", &read, error))
    return FALSE;

  if (sqlite3_step (read) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (read, 0);
      gint64 pid = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;

      /* The same process opening the strategy again is not a crash; a
       * process that is gone is. */
      was_interrupted = pid > 0 && pid != getpid () && !process_is_running ((pid_t) pid);
    }

  mine = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) getpid ());
  if (!prepare (self, "INSERT INTO state (key, value) VALUES ('session', ?1)"
                      " ON CONFLICT (key) DO UPDATE SET value = ?1", &write, error))
    return FALSE;
  sqlite3_bind_text (write, 1, mine, -1, SQLITE_STATIC);
  if (!run (self, write, NULL, error))
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

/* Turns what the user typed into an FTS5 query: every word must appear,
 * the last one as a prefix (results follow typing). Quotes make every
 * word a plain phrase, so no FTS5 operator can be typed by mistake. */
static char *
build_match (const char *query)
{
  g_auto(GStrv) pieces = g_strsplit_set (query, " \t\n\r\f\v", -1);
  GString *match = g_string_new (NULL);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = g_str_tokenize_and_fold (pieces[i], NULL, NULL);
      g_auto(GStrv) parts = NULL;
      g_autofree char *escaped = NULL;

      /* "*", "(", "-"…: nothing the index could match. A phrase without
       * a word would make the whole query match nothing. */
      if (tokens[0] == NULL)
        continue;

      /* The piece as typed, not folded by GLib: the index folds with its
       * own tokenizer, which keeps "ß" or "²" as they are. */
      parts = g_strsplit (pieces[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", parts);
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_printf (match, "\"%s\"", escaped);
    }

  if (match->len > 0)
    g_string_append_c (match, '*');

  return g_string_free (match, match->len == 0);
}

/* Whether every word of @query is in more than half the rows: ranking
 * them all, which costs most, would then order rows that weigh almost the
 * same (bm25()'s idf floors at zero) and only by how often they repeat
 * the words. */
static gboolean
only_common_words (AccordWorkspace *self,
                   const char      *query)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  g_auto(GStrv) pieces = g_strsplit_set (query, " \t\n\r\f\v", -1);
  guint words = 0;

  if (self->n_files < 2 ||
      !prepare (self, "SELECT doc FROM search_words WHERE term = ?1", &stmt, NULL))
    return FALSE;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_auto(GStrv) ascii = NULL;
      g_auto(GStrv) tokens = g_str_tokenize_and_fold (pieces[i], NULL, &ascii);
      const char *word;
      gboolean common;

      if (tokens[0] == NULL)
        continue;

      /* A phrase ("l'état") can be rare even when its words are not. */
      if (tokens[1] != NULL)
        return FALSE;

      word = ascii != NULL && ascii[0] != NULL ? ascii[0] : tokens[0];
      sqlite3_bind_text (stmt, 1, word, -1, SQLITE_TRANSIENT);
      common = sqlite3_step (stmt) == SQLITE_ROW &&
               sqlite3_column_int64 (stmt, 0) > self->n_files / 2;
      sqlite3_reset (stmt);

      if (!common)
        return FALSE;
      words++;
    }

  return words > 0;
}

typedef struct
{
  const char *start;
  const char *end;
} Marks;

/* Adds to @hits up to @limit rows matching @match, best first when
 * @ranked, skipping the rows in @seen and adding those it takes. The
 * index sorts by its own rank (see the migrations), so that highlight()
 * and snippet(), which cost far more, run for the rows returned only, on
 * the same pass. */
static gboolean
collect_hits (AccordWorkspace  *self,
              const char       *match,
              gboolean          ranked,
              guint             limit,
              const Marks      *marks,
              GPtrArray        *hits,
              GHashTable       *seen,
              GError          **error)
{
  g_autoptr(AccordSqliteStmt) rows = NULL;
  g_autoptr(AccordSqliteStmt) path = NULL;
  int rc;

  if (!prepare (self,
                ranked
                ? "SELECT rowid, rank, highlight (search, 0, ?2, ?3),"
                  "       accord_snippet (search, 1, ?2, ?3, '…', 16)"
                  " FROM search WHERE search MATCH ?1 ORDER BY rank"
                : "SELECT rowid, rank, highlight (search, 0, ?2, ?3),"
                  "       accord_snippet (search, 1, ?2, ?3, '…', 16)"
                  " FROM search WHERE search MATCH ?1",
                &rows, error) ||
      !prepare (self, "SELECT path FROM files WHERE rowid = ?1", &path, error))
    return FALSE;

  sqlite3_bind_text (rows, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text (rows, 2, marks->start, -1, SQLITE_STATIC);
  sqlite3_bind_text (rows, 3, marks->end, -1, SQLITE_STATIC);

  while (hits->len < limit && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      g_autoptr(AccordSearchHit) hit = NULL;
      sqlite3_int64 rowid = sqlite3_column_int64 (rows, 0);

      if (seen != NULL && g_hash_table_contains (seen, &rowid))
        continue;

      sqlite3_bind_int64 (path, 1, rowid);
      rc = sqlite3_step (path);
      hit = g_new0 (AccordSearchHit, 1);
      if (rc == SQLITE_ROW &&
          _accord_format_path_parse ((const char *) sqlite3_column_text (path, 0),
                                     &hit->kind, &hit->id))
        {
          hit->rank = sqlite3_column_double (rows, 1);
          hit->title = g_strdup ((const char *) sqlite3_column_text (rows, 2));
          hit->snippet = g_strdup ((const char *) sqlite3_column_text (rows, 3));
          g_ptr_array_add (hits, g_steal_pointer (&hit));
          if (seen != NULL)
            g_hash_table_add (seen, g_memdup2 (&rowid, sizeof rowid));
        }
      sqlite3_reset (path);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        break;
      rc = SQLITE_ROW;
    }

  if (hits->len >= limit)
    return TRUE;

  return _accord_sqlite_check (self->db, rc, _("Could not search the workspace"), error);
}

/**
 * accord_workspace_search:
 * @self: an #AccordWorkspace
 * @query: the words to look for, as typed
 * @mark_start: what to put before each matched word in titles and snippets
 * @mark_end: what to put after it
 * @limit: how many results at most
 * @error: return location for a #GError
 *
 * Searches sections, objectives, comments and the rest, ignoring case and
 * accents ("strategie" finds "stratégie"). Call accord_workspace_load()
 * first so that the index matches the work tree.
 *
 * Returns: (transfer full) (element-type AccordSearchHit): the best matches
 *   first, titles weighing more than texts
 */
GPtrArray *
accord_workspace_search (AccordWorkspace  *self,
                         const char       *query,
                         const char       *mark_start,
                         const char       *mark_end,
                         guint             limit,
                         GError          **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *match = NULL;
  g_autofree char *in_titles = NULL;
  Marks marks = { mark_start != NULL ? mark_start : "", mark_end != NULL ? mark_end : "" };

  g_return_val_if_fail (ACCORD_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  match = build_match (query);
  if (match == NULL)
    {
      g_set_error_literal (error, ACCORD_WORKSPACE_ERROR, ACCORD_WORKSPACE_ERROR_INVALID_QUERY,
                           _("The search has no words to look for"));
      return NULL;
    }

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_search_hit_free);
  limit = limit > 0 ? limit : G_MAXINT;

  if (!only_common_words (self, query))
    return collect_hits (self, match, TRUE, limit, &marks, hits, NULL, error)
           ? g_steal_pointer (&hits) : NULL;

  /* Words that common are looked for whole (the last one as a prefix too
   * would add thousands of rows): the titles that have them first, then
   * the other rows, as they come. */
  match[strlen (match) - 1] = '\0';
  in_titles = g_strdup_printf ("{title} : (%s)", match);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!collect_hits (self, in_titles, FALSE, limit, &marks, hits, seen, error) ||
      (hits->len < limit &&
       !collect_hits (self, match, FALSE, limit, &marks, hits, seen, error)))
    return NULL;

  return g_steal_pointer (&hits);
}
