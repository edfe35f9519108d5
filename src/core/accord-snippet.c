/* accord-snippet.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-snippet-private.h"
#include "accord-sqlite-private.h"
#include "accord-errors.h"

/*
 * accord_snippet (search, column, start, end, ellipsis, tokens): the words
 * around the first match in a column, the matched ones between @start and
 * @end. FTS5's own snippet() weighs every window of the text against every
 * match, which takes time quadratic in the matches: a comment repeating a
 * word 100,000 times made each search take a minute. This one reads the
 * matches once and tokenizes the text only up to the end of its window.
 */

/* Tokens kept around the first match: as many before it as the window
 * can hold, so that it can be moved back when the text ends early. */
typedef struct
{
  int     first;      /* the token of the first match in the column, or -1 */
  int     from;       /* the first token recorded */
  int     upto;       /* tokenizing stops past this token */
  int     count;      /* tokens seen */
  GArray *starts;     /* byte offset where each recorded token starts */
  GArray *ends;       /* and ends */
} Window;

static int
record_token_cb (void       *user_data,
                 int         flags,
                 const char *token,
                 int         n_token,
                 int         start,
                 int         end)
{
  Window *window = user_data;

  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;

  if (window->count >= window->from)
    {
      g_array_append_val (window->starts, start);
      g_array_append_val (window->ends, end);
    }

  if (++window->count > window->upto)
    return SQLITE_DONE;

  return SQLITE_OK;
}

/* The first match in @column, and the token it starts at; -1 if none. */
static int
first_match (const Fts5ExtensionApi *api,
             Fts5Context            *fts,
             int                     column,
             int                    *first_inst)
{
  int n_inst = 0;

  if (api->xInstCount (fts, &n_inst) != SQLITE_OK)
    return -1;

  for (int i = 0; i < n_inst; i++)
    {
      int phrase, col, offset;

      if (api->xInst (fts, i, &phrase, &col, &offset) != SQLITE_OK)
        return -1;
      if (col == column)
        {
          *first_inst = i;
          return offset;
        }
      if (col > column)
        break;
    }

  return -1;
}

/* Whether token @token of @column is part of a match, walking the matches
 * from *@inst on (they come sorted by column and place). */
static gboolean
is_matched (const Fts5ExtensionApi *api,
            Fts5Context            *fts,
            int                     column,
            int                     token,
            int                    *inst)
{
  int n_inst = 0;

  api->xInstCount (fts, &n_inst);
  for (; *inst < n_inst; (*inst)++)
    {
      int phrase, col, offset;

      if (api->xInst (fts, *inst, &phrase, &col, &offset) != SQLITE_OK || col != column)
        return FALSE;
      if (offset + api->xPhraseSize (fts, phrase) > token)
        return offset <= token;
    }

  return FALSE;
}

static void
snippet_function (const Fts5ExtensionApi  *api,
                  Fts5Context             *fts,
                  sqlite3_context         *context,
                  int                      n_values,
                  sqlite3_value          **values)
{
  g_autoptr(GString) snippet = NULL;
  const char *text = NULL;
  const char *mark_start, *mark_end, *ellipsis;
  int column, tokens, length = 0, first_inst = 0, inst;
  int start, stop, rc;
  Window window = { 0, };

  if (n_values != 5)
    {
      sqlite3_result_error (context, "accord_snippet takes 5 arguments", -1);
      return;
    }

  column = sqlite3_value_int (values[0]);
  mark_start = (const char *) sqlite3_value_text (values[1]);
  mark_end = (const char *) sqlite3_value_text (values[2]);
  ellipsis = (const char *) sqlite3_value_text (values[3]);
  tokens = CLAMP (sqlite3_value_int (values[4]), 1, 64);

  if (api->xColumnText (fts, column, &text, &length) != SQLITE_OK || text == NULL)
    {
      sqlite3_result_text (context, "", 0, SQLITE_STATIC);
      return;
    }

  window.first = first_match (api, fts, column, &first_inst);
  window.from = MAX (0, MAX (window.first, 0) - tokens);
  window.upto = MAX (window.first, 0) + tokens;
  window.starts = g_array_new (FALSE, FALSE, sizeof (int));
  window.ends = g_array_new (FALSE, FALSE, sizeof (int));

  rc = api->xTokenize (fts, text, length, &window, record_token_cb);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_array_unref (window.starts);
      g_array_unref (window.ends);
      sqlite3_result_error_code (context, rc);
      return;
    }

  /* The match a third of the way in, moved back when the text ends. */
  start = MAX (window.first - tokens / 3, 0);
  stop = MIN (start + tokens, window.count);
  start = MAX (MIN (start, stop - tokens), 0);

  snippet = g_string_new (NULL);
  if (start > 0)
    g_string_append (snippet, ellipsis);

  inst = first_inst;
  for (int t = start; t < stop; t++)
    {
      int i = t - window.from;
      int from = t == start ? g_array_index (window.starts, int, i)
                            : g_array_index (window.ends, int, i - 1);
      int token_start = g_array_index (window.starts, int, i);
      int token_end = g_array_index (window.ends, int, i);

      if (t == 0)
        from = 0;
      g_string_append_len (snippet, text + from, token_start - from);
      if (window.first >= 0 && is_matched (api, fts, column, t, &inst))
        {
          g_string_append (snippet, mark_start);
          g_string_append_len (snippet, text + token_start, token_end - token_start);
          g_string_append (snippet, mark_end);
        }
      else
        g_string_append_len (snippet, text + token_start, token_end - token_start);
    }

  /* The rest of the text when the window reaches its end ("plus."). */
  if (stop > start && stop == window.count && window.count <= window.upto)
    {
      int last_end = g_array_index (window.ends, int, stop - 1 - window.from);

      g_string_append_len (snippet, text + last_end, length - last_end);
    }
  else if (stop > start)
    g_string_append (snippet, ellipsis);

  g_array_unref (window.starts);
  g_array_unref (window.ends);

  sqlite3_result_text (context, snippet->str, snippet->len, SQLITE_TRANSIENT);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  if (sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL) == SQLITE_OK)
    sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

/**
 * _accord_snippet_register:
 * @db: a connection to a workspace
 * @error: return location for a #GError
 *
 * Makes accord_snippet() known to the full-text index of @db.
 *
 * Returns: %TRUE on success
 */
gboolean
_accord_snippet_register (sqlite3  *db,
                          GError  **error)
{
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateFunction (api, "accord_snippet", NULL, snippet_function, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED,
                           _("The full-text search of SQLite is not available"));
      return FALSE;
    }

  return TRUE;
}
