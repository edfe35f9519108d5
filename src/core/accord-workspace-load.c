/* accord-workspace-load.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-format-private.h"
#include "accord-git-private.h"
#include "accord-repository-private.h"
#include "accord-sqlite-private.h"
#include "accord-strategy-private.h"
#include "accord-workspace-private.h"

/*
 * Loading reads the strategy from the workspace's copy of its files while
 * another thread lists the work tree, then walks both together: the files
 * whose stat changed are read again and their rows brought up to date,
 * all in one transaction with what the check of links found.
 */

/* File times can be as coarse as two seconds (FAT, some network file
 * systems): a file whose time is that close to the last scan may have
 * changed without its stat changing, and is read again. */
#define RACY_MARGIN (G_GINT64_CONSTANT (2) * 1000000000)

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

/* The rows of the workspace, sorted by path, made in @arena. */
static GPtrArray *
read_cached (AccordWorkspace  *self,
             AccordArena      *arena,
             GError          **error)
{
  g_autoptr(AccordSqliteStmt) rows = NULL;
  g_autoptr(GPtrArray) cached = g_ptr_array_new_with_free_func ((GDestroyNotify) cached_clear);
  g_autoptr(GPtrArray) scratch = _accord_workspace_problems_new ();
  AccordEntitySource *source = _accord_workspace_source_new (self);
  int rc;

  /* In the table's own order: following the path index would read the
   * rows out of order, and sorting them here is cheaper. The files of
   * rows with links are read only when their entities are parsed. */
  if (!_accord_workspace_prepare (self,
                                  "SELECT rowid, path, blob, mtime, size, inode, links,"
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
              scratch = _accord_workspace_problems_new ();
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
found_new (AccordArena  *arena,
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

/* Stores the links of a file parsed cleanly at opening. */
static gboolean
store_links (AccordWorkspace            *self,
             AccordWorkspaceStatements  *statements,
             Cached                     *cached,
             GError                    **error)
{
  g_autofree char *links = _accord_entity_dup_links (cached->entity);

  return _accord_sqlite_bind_int64 (statements->links, 1, cached->rowid, error) &&
         _accord_sqlite_bind_text (statements->links, 2, links, -1, error) &&
         _accord_workspace_run (self, statements->links, NULL, error);
}

static gboolean
same_blob (GBytes     *content,
           const char *hex)
{
  char computed[GIT_OID_HEXSZ + 1];

  _accord_workspace_hash_blob (content, computed);

  return g_strcmp0 (computed, hex) == 0;
}

/* A file whose row disagrees with the work tree: read it again. */
static Found *
refresh (AccordWorkspace            *self,
         AccordArena                *arena,
         AccordWorkspaceStatements  *statements,
         AccordScanned              *scanned,
         Cached                     *cached,
         gboolean                   *changed,
         GError                    **error)
{
  g_autoptr(GPtrArray) problems = _accord_workspace_problems_new ();
  g_autoptr(GBytes) content = _accord_workspace_read_file (self, scanned, problems);
  g_autoptr(AccordEntity) entity = NULL;
  gsize length;
  const char *data;

  if (content == NULL)
    {
      if (cached != NULL && !_accord_workspace_forget_file (self, statements, cached->rowid, error))
        return NULL;
      *changed = TRUE;
      return found_new (arena, scanned->path, NULL, g_steal_pointer (&problems));
    }

  if (cached != NULL && same_blob (content, cached->blob))
    {
      /* Same content, touched: note the new stat and keep the parse. */
      if (!_accord_sqlite_bind_int64 (statements->touch, 1, cached->rowid, error) ||
          !_accord_sqlite_bind_int64 (statements->touch, 2, scanned->mtime, error) ||
          !_accord_sqlite_bind_int64 (statements->touch, 3, scanned->size, error) ||
          !_accord_sqlite_bind_int64 (statements->touch, 4, scanned->inode, error) ||
          !_accord_workspace_run (self, statements->touch, NULL, error) ||
          (cached->needs_links && !store_links (self, statements, cached, error)))
        return NULL;
      return found_new (arena, scanned->path, g_steal_pointer (&cached->entity),
                        g_steal_pointer (&cached->problems));
    }

  data = g_bytes_get_data (content, &length);
  entity = _accord_repository_parse_entry (scanned->path, data, length, problems);
  if (!_accord_workspace_store_file (self, statements, scanned, content, entity, problems,
                                     cached != NULL ? cached->rowid : 0, error))
    return NULL;

  *changed = TRUE;
  return found_new (arena, scanned->path, g_steal_pointer (&entity), g_steal_pointer (&problems));
}

static gboolean
unchanged (AccordScanned *scanned,
           Cached        *cached,
           gint64         racy_since)
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
           AccordArena      *arena,
           GPtrArray        *scanned,
           GPtrArray        *cached,
           gint64            racy_since,
           GPtrArray        *found,
           gboolean         *changed,
           GError          **error)
{
  g_auto(AccordWorkspaceStatements) statements = { NULL, };
  guint i = 0, j = 0;

  if (!_accord_workspace_statements_prepare (self, &statements, error))
    return FALSE;

  while (i < scanned->len || j < cached->len)
    {
      AccordScanned *file = i < scanned->len ? g_ptr_array_index (scanned, i) : NULL;
      Cached *row = j < cached->len ? g_ptr_array_index (cached, j) : NULL;
      int order = file == NULL ? 1 : row == NULL ? -1 : strcmp (file->path, row->path);
      Found *item = NULL;

      if (order > 0)
        {
          if (!_accord_workspace_forget_file (self, &statements, row->rowid, error))
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

/* When the last load scanned the work tree, or 0 before the first. */
static gboolean
read_racy_since (AccordWorkspace  *self,
                 gint64           *racy_since,
                 GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  int rc;

  if (!_accord_workspace_prepare (self, "SELECT value FROM state WHERE key = 'scanned-at'", &stmt,
                                  error))
    return FALSE;

  rc = sqlite3_step (stmt);
  *racy_since = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;

  return _accord_sqlite_check (self->db, rc, _("Could not read the workspace"), error);
}

static gboolean
write_racy_since (AccordWorkspace  *self,
                  gint64            scanned_at,
                  GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;

  if (!_accord_workspace_prepare (self,
                                  "INSERT INTO state (key, value) VALUES ('scanned-at', ?1)"
                                  " ON CONFLICT (key) DO UPDATE SET value = ?1",
                                  &stmt, error))
    return FALSE;

  return _accord_sqlite_bind_int64 (stmt, 1, scanned_at, error) &&
         _accord_workspace_run (self, stmt, NULL, error);
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
  g_autoptr(GPtrArray) problems = _accord_workspace_problems_new ();
  g_autofree char *languages = dup_languages ();
  g_autofree char *checked = NULL;
  int rc;

  if (!_accord_workspace_read_state (self, "checked", &checked, error) ||
      g_strcmp0 (checked, languages) != 0)
    return NULL;

  if (!_accord_workspace_prepare (self, "SELECT path, line, message FROM checked", &stmt, error))
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

  if (!_accord_workspace_exec (self, "DELETE FROM checked", error) ||
      !_accord_workspace_prepare (self,
                                  "INSERT INTO checked (path, line, message) VALUES (?1, ?2, ?3)",
                                  &insert, error))
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      const AccordProblem *problem = g_ptr_array_index (problems, i);

      if (!_accord_sqlite_bind_text (insert, 1, problem->path, -1, error) ||
          !_accord_sqlite_bind_int64 (insert, 2, problem->line, error) ||
          !_accord_sqlite_bind_text (insert, 3, problem->message, -1, error) ||
          !_accord_workspace_run (self, insert, NULL, error))
        return FALSE;
    }

  return _accord_workspace_write_state (self, "checked", languages, error);
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
          problems = _accord_workspace_problems_new ();
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
  gint64 racy_since;
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

  if (cached == NULL || !_accord_workspace_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!read_racy_since (self, &racy_since, error) ||
      !reconcile (self, &arena, scanned, cached, racy_since, found, &changed, error) ||
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
  if (!check_links (self, strategy, changed, error) ||
      !_accord_workspace_exec (self, "COMMIT", error))
    goto failed;

  g_debug ("Opened the strategy in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  self->n_files = scanned->len;
  self->empty = FALSE;

  return g_steal_pointer (&strategy);

failed:
  _accord_workspace_rollback (self);
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

  /* A workspace damaged since it was opened is made anew, and the
   * strategy read again. */
  if (!(strategy = load_once (self, &local_error)) &&
      (!_accord_workspace_recover (self, g_steal_pointer (&local_error), error) ||
       !(strategy = load_once (self, error))))
    return NULL;

  return g_steal_pointer (&strategy);
}

/*
 * _accord_workspace_rebuild:
 * @self: an #AccordWorkspace
 * @failure: (transfer full): why reading or writing the workspace failed
 * @error: return location for a #GError
 *
 * As _accord_workspace_recover(), for the workspace's users other than
 * loading: a damaged workspace is set aside and made anew from the work
 * tree, as a first load does, so that search finds what it found before;
 * the caller then tries again, once. Any other failure is passed on.
 *
 * Returns: %TRUE if the caller may try again on the new database
 */
gboolean
_accord_workspace_rebuild (AccordWorkspace  *self,
                           GError           *failure,
                           GError          **error)
{
  g_autoptr(AccordStrategy) strategy = NULL;

  if (!_accord_workspace_recover (self, failure, error))
    return FALSE;

  strategy = load_once (self, error);

  return strategy != NULL;
}
