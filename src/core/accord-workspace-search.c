/* accord-workspace-search.c
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
#include "accord-sqlite-private.h"
#include "accord-strategy.h"
#include "accord-workspace-private.h"

/*
 * Search runs on the workspace's full-text index (see the migrations in
 * accord-workspace.c), which loading and writing keep up to date with the
 * work tree.
 */

G_DEFINE_BOXED_TYPE (AccordSearchHit, accord_search_hit, accord_search_hit_copy,
                     accord_search_hit_free)

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

/* Sets @only_common to whether every word of @query is in more than half
 * the rows (%FALSE when that cannot be told): ranking them all, which costs
 * most, would then order rows that weigh almost the same (bm25()'s idf
 * floors at zero) and only by how often they repeat the words. */
static gboolean
only_common_words (AccordWorkspace  *self,
                   const char       *query,
                   gboolean         *only_common,
                   GError          **error)
{
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  g_auto(GStrv) pieces = g_strsplit_set (query, " \t\n\r\f\v", -1);
  guint words = 0;

  *only_common = FALSE;

  if (self->n_files < 2)
    return TRUE;

  if (!_accord_workspace_prepare (self, "SELECT doc FROM search_words WHERE term = ?1", &stmt,
                                  error))
    return FALSE;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_auto(GStrv) ascii = NULL;
      g_auto(GStrv) tokens = g_str_tokenize_and_fold (pieces[i], NULL, &ascii);
      const char *word;
      gboolean common;
      int rc;

      if (tokens[0] == NULL)
        continue;

      /* A phrase ("l'état") can be rare even when its words are not. */
      if (tokens[1] != NULL)
        return TRUE;

      word = ascii != NULL && ascii[0] != NULL ? ascii[0] : tokens[0];
      if (!_accord_sqlite_bind_text (stmt, 1, word, -1, error))
        return FALSE;

      rc = sqlite3_step (stmt);
      common = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > self->n_files / 2;
      if (!_accord_sqlite_reset (stmt, rc, _("Could not search the workspace"), error))
        return FALSE;

      if (!common)
        return TRUE;
      words++;
    }

  *only_common = words > 0;

  return TRUE;
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

  if (!_accord_workspace_prepare (self,
                                  ranked
                                  ? "SELECT rowid, rank, highlight (search, 0, ?2, ?3),"
                                    "       accord_snippet (search, 1, ?2, ?3, '…', 16)"
                                    " FROM search WHERE search MATCH ?1 ORDER BY rank"
                                  : "SELECT rowid, rank, highlight (search, 0, ?2, ?3),"
                                    "       accord_snippet (search, 1, ?2, ?3, '…', 16)"
                                    " FROM search WHERE search MATCH ?1",
                                  &rows, error) ||
      !_accord_workspace_prepare (self, "SELECT path FROM files WHERE rowid = ?1", &path, error))
    return FALSE;

  if (!_accord_sqlite_bind_text (rows, 1, match, -1, error) ||
      !_accord_sqlite_bind_text (rows, 2, marks->start, -1, error) ||
      !_accord_sqlite_bind_text (rows, 3, marks->end, -1, error))
    return FALSE;

  while (hits->len < limit && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      g_autoptr(AccordSearchHit) hit = NULL;
      sqlite3_int64 rowid = sqlite3_column_int64 (rows, 0);
      int found;

      if (seen != NULL && g_hash_table_contains (seen, &rowid))
        continue;

      if (!_accord_sqlite_bind_int64 (path, 1, rowid, error))
        return FALSE;

      found = sqlite3_step (path);
      hit = g_new0 (AccordSearchHit, 1);
      if (found == SQLITE_ROW &&
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

      if (!_accord_sqlite_reset (path, found, _("Could not search the workspace"), error))
        return FALSE;
    }

  if (hits->len >= limit)
    return TRUE;

  return _accord_sqlite_check (self->db, rc, _("Could not search the workspace"), error);
}

/* Runs the search for @query, made into @match, once. */
static GPtrArray *
search_once (AccordWorkspace  *self,
             const char       *query,
             const char       *match,
             const Marks      *marks,
             guint             limit,
             GError          **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *in_titles = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean only_common;

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_search_hit_free);

  /* How common the words are only chooses how to search: when it cannot
   * be told, the ranked search runs, and reports its own failure. */
  if (!only_common_words (self, query, &only_common, &local_error))
    g_debug ("Could not tell how common the words of “%s” are: %s", query,
             local_error->message);

  if (!only_common)
    return collect_hits (self, match, TRUE, limit, marks, hits, NULL, error)
           ? g_steal_pointer (&hits) : NULL;

  /* Words that common are looked for whole (the last one as a prefix too
   * would add thousands of rows): the titles that have them first, then
   * the other rows, as they come. */
  whole = g_strndup (match, strlen (match) - 1);
  in_titles = g_strdup_printf ("{title} : (%s)", whole);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!collect_hits (self, in_titles, FALSE, limit, marks, hits, seen, error) ||
      (hits->len < limit &&
       !collect_hits (self, whole, FALSE, limit, marks, hits, seen, error)))
    return NULL;

  return g_steal_pointer (&hits);
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
 * first so that the index matches the work tree. A workspace found damaged
 * is rebuilt from the work tree and searched again.
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
  g_autofree char *match = NULL;
  g_autoptr(GError) local_error = NULL;
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

  limit = limit > 0 ? limit : G_MAXINT;

  /* A workspace made anew when it was opened (the first time, or after
   * damage) holds no index yet: it is filled from the work tree first, so
   * that a search from a worker that never loaded finds what is there. */
  if (self->empty)
    {
      g_autoptr(AccordStrategy) loaded = accord_workspace_load (self, error);

      if (loaded == NULL)
        return NULL;
    }

  if (!(hits = search_once (self, query, match, &marks, limit, &local_error)) &&
      (!_accord_workspace_rebuild (self, g_steal_pointer (&local_error), error) ||
       !(hits = search_once (self, query, match, &marks, limit, error))))
    return NULL;

  return g_steal_pointer (&hits);
}
