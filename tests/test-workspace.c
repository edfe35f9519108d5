/* test-workspace.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-test-util.h"

#define AUTHOR "Ana Lima <ana@example.org>"

typedef struct
{
  char             *tmpdir;
  char             *path;
  AccordRepository *repository;
  char             *section_id;
  char             *objective_id;
  char             *comment_id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie numérique internationale",
                                                            "fr");
  g_autoptr(GError) error = NULL;
  AccordEntity *section, *objective, *round, *comment;

  fixture->tmpdir = accord_test_make_tmpdir ("accord-workspace-XXXXXX");
  fixture->path = g_build_filename (fixture->tmpdir, "strategy", NULL);

  accord_entity_set_field (ACCORD_ENTITY (strategy), "summary",
                           "Une feuille de route pour la coopération numérique.", &error);
  g_assert_no_error (error);

  section = accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL,
                             "title", "Principes", "order", "i",
                             "body", "Nous défendons un internet ouvert, libre et sûr.", NULL);
  objective = accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, NULL,
                               "section", accord_entity_get_id (section), "order", "i",
                               "code", "O1.1", "title", "Connectivité des partenaires",
                               "lead", "Direction du numérique", NULL);
  round = accord_test_add (strategy, ACCORD_ENTITY_ROUND, NULL, "title", "Premier tour", NULL);
  comment = accord_test_add (strategy, ACCORD_ENTITY_COMMENT, NULL,
                             "round", accord_entity_get_id (round),
                             "target", accord_entity_get_id (objective),
                             "body", "La fracture numérique rurale mérite un indicateur.", NULL);

  fixture->section_id = g_strdup (accord_entity_get_id (section));
  fixture->objective_id = g_strdup (accord_entity_get_id (objective));
  fixture->comment_id = g_strdup (accord_entity_get_id (comment));

  fixture->repository = accord_test_create (fixture->path, strategy, AUTHOR, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  accord_test_clear_tmpdir (&fixture->tmpdir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->section_id, g_free);
  g_clear_pointer (&fixture->objective_id, g_free);
  g_clear_pointer (&fixture->comment_id, g_free);
}

static AccordStrategy *
load (AccordWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  AccordStrategy *strategy = accord_workspace_load (workspace, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strategy);

  return strategy;
}

static GPtrArray *
search (AccordWorkspace *workspace,
        const char      *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = accord_workspace_search (workspace, query, "[", "]", 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

static void
set_section_body (Fixture    *fixture,
                  const char *body)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  AccordEntity *section;

  strategy = accord_repository_load (fixture->repository, &error);
  g_assert_no_error (error);
  section = accord_strategy_lookup (strategy, fixture->section_id);
  accord_entity_set_field (section, "body", body, &error);
  g_assert_no_error (error);
  accord_repository_write (fixture->repository, strategy, &error);
  g_assert_no_error (error);
}

static void
assert_same_strategy (AccordStrategy *a,
                      AccordStrategy *b)
{
  g_assert_true (accord_entity_equal (ACCORD_ENTITY (a), ACCORD_ENTITY (b)));
  g_assert_cmpuint (accord_strategy_get_problems (a)->len, ==,
                    accord_strategy_get_problems (b)->len);

  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      GListModel *entities = accord_strategy_get_entities (a, kind);

      g_assert_cmpuint (g_list_model_get_n_items (entities), ==, accord_strategy_count (b, kind));
      for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
        {
          g_autoptr(AccordEntity) entity = g_list_model_get_item (entities, i);
          AccordEntity *other = accord_strategy_lookup (b, accord_entity_get_id (entity));

          g_assert_nonnull (other);
          g_assert_true (accord_entity_equal (entity, other));
        }
    }
}

static void
test_load_matches_repository (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) direct = NULL;
  g_autoptr(AccordStrategy) cold = NULL;
  g_autoptr(AccordStrategy) warm = NULL;
  g_autoptr(GError) error = NULL;

  set_section_body (fixture, "Un texte pas encore enregistré.");

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accord_workspace_get_schema_version (workspace), ==, 2);
  g_assert_true (g_str_has_suffix (accord_workspace_get_path (workspace),
                                   "/.git/accord/workspace.sqlite"));

  direct = accord_repository_load (fixture->repository, &error);
  g_assert_no_error (error);
  cold = load (workspace);
  warm = load (workspace);

  assert_same_strategy (direct, cold);
  assert_same_strategy (direct, warm);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (warm, fixture->section_id),
                                            "body"), ==, "Un texte pas encore enregistré.");
}

/* Runs @sql, with @path as ?1, on the workspace's rows. */
static void
update_rows (AccordWorkspace *workspace,
             const char      *sql,
             const char      *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (accord_workspace_get_path (workspace), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), >=, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Spoils the copy of @path: a file read with problems is parsed at each
 * opening, one read cleanly only when its fields are first needed. */
static void
corrupt_cached_copy (AccordWorkspace *workspace,
                     const char      *path)
{
  update_rows (workspace, "UPDATE files SET data = 'no header', links = NULL WHERE path = ?1",
               path);
}

static void
retitle_cached_copy (AccordWorkspace *workspace,
                     const char      *path)
{
  update_rows (workspace,
               "UPDATE files SET data = replace (data, 'title: Principes', 'title: Gâté')"
               " WHERE path = ?1", path);
}

/* A file whose blob id did not change is taken from the workspace, not
 * read again: spoiling its cached copy shows through. A file that changed
 * is read again from the work tree. */
static void
test_reads_only_changed_files (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) first = NULL;
  g_autoptr(AccordStrategy) spoiled = NULL;
  g_autoptr(AccordStrategy) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("sections/", fixture->section_id, ".md", NULL);

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  first = load (workspace);
  g_assert_cmpuint (accord_strategy_get_problems (first)->len, ==, 0);

  retitle_cached_copy (workspace, path);
  spoiled = load (workspace);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (spoiled, fixture->section_id),
                                            "title"), ==, "Gâté");
  g_clear_object (&spoiled);

  corrupt_cached_copy (workspace, path);
  spoiled = load (workspace);
  g_assert_null (accord_strategy_lookup (spoiled, fixture->section_id));
  g_assert_cmpuint (accord_strategy_get_problems (spoiled)->len, >, 0);
  g_assert_nonnull (accord_strategy_lookup (spoiled, fixture->objective_id));

  set_section_body (fixture, "Un corps modifié.");
  reread = load (workspace);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (reread, fixture->section_id),
                                            "body"), ==, "Un corps modifié.");
}

static void
test_rebuilt_after_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) before = NULL;
  g_autoptr(AccordStrategy) after = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  before = load (workspace);
  db_path = g_strdup (accord_workspace_get_path (workspace));
  g_clear_object (&workspace);

  g_assert_cmpint (g_unlink (db_path), ==, 0);

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  after = load (workspace);
  assert_same_strategy (before, after);

  hits = search (workspace, "fracture");
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_search_ignores_accents (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) accented = NULL;
  g_autoptr(GPtrArray) prefix = NULL;
  g_autoptr(GError) error = NULL;
  AccordSearchHit *hit;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  strategy = load (workspace);

  plain = search (workspace, "strategie");
  g_assert_cmpuint (plain->len, ==, 1);
  hit = g_ptr_array_index (plain, 0);
  g_assert_cmpint (hit->kind, ==, ACCORD_ENTITY_STRATEGY);
  g_assert_cmpstr (hit->title, ==, "[Stratégie] numérique internationale");

  accented = search (workspace, "COOPÉRATION");
  g_assert_cmpuint (accented->len, ==, 1);
  g_assert_nonnull (strstr (((AccordSearchHit *) g_ptr_array_index (accented, 0))->snippet,
                            "[coopération]"));

  /* The last word is a prefix: results follow typing. */
  prefix = search (workspace, "connect");
  g_assert_cmpuint (prefix->len, ==, 1);
  hit = g_ptr_array_index (prefix, 0);
  g_assert_cmpstr (hit->id, ==, fixture->objective_id);
  g_assert_cmpint (hit->kind, ==, ACCORD_ENTITY_OBJECTIVE);
}

static void
test_search_ranks_titles_first (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  /* "numérique" is in the strategy's title, an objective's lead and a
   * comment's text. */
  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  strategy = load (workspace);

  hits = search (workspace, "numerique");
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpint (((AccordSearchHit *) g_ptr_array_index (hits, 0))->kind, ==,
                   ACCORD_ENTITY_STRATEGY);
  for (guint i = 1; i < hits->len; i++)
    {
      AccordSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (g_str_equal (hit->id, fixture->comment_id) ||
                     g_str_equal (hit->id, fixture->objective_id));
      g_assert_cmpfloat (((AccordSearchHit *) g_ptr_array_index (hits, 0))->rank, <, hit->rank);
    }
}

static void
test_search_follows_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) first = NULL;
  g_autoptr(AccordStrategy) second = NULL;
  g_autoptr(AccordStrategy) third = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) old_word = NULL;
  g_autoptr(GPtrArray) new_word = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment_path = NULL;
  g_autofree char *full = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  first = load (workspace);
  before = search (workspace, "ouvert");
  g_assert_cmpuint (before->len, ==, 1);

  set_section_body (fixture, "Nous soutenons la souveraineté des données.");
  second = load (workspace);
  old_word = search (workspace, "ouvert");
  new_word = search (workspace, "souverainete");
  g_assert_cmpuint (old_word->len, ==, 0);
  g_assert_cmpuint (new_word->len, ==, 1);
  g_assert_cmpstr (((AccordSearchHit *) g_ptr_array_index (new_word, 0))->id, ==,
                   fixture->section_id);

  /* A file removed from the work tree leaves the index too. */
  comment_path = g_strconcat ("comments/", fixture->comment_id, ".md", NULL);
  full = g_build_filename (fixture->path, comment_path, NULL);
  g_assert_cmpint (g_unlink (full), ==, 0);
  third = load (workspace);
  g_assert_null (accord_strategy_lookup (third, fixture->comment_id));
  gone = search (workspace, "fracture");
  g_assert_cmpuint (gone->len, ==, 0);
}

static void
test_search_query_is_plain_words (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char * const queries[] = {
    "principes AND", "NOT ouvert", "title:principes", "(sûr", "ouvert*", "O1.1", NULL
  };
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  strategy = load (workspace);

  /* FTS5 syntax typed by a user is searched as words, never an error. */
  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) result = search (workspace, queries[i]);

      g_test_message ("%s: %u hits", queries[i], result->len);
    }

  hits = search (workspace, "O1.1");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((AccordSearchHit *) g_ptr_array_index (hits, 0))->id, ==,
                   fixture->objective_id);

  g_assert_null (accord_workspace_search (workspace, " … \"", NULL, NULL, 10, &error));
  g_assert_error (error, ACCORD_WORKSPACE_ERROR, ACCORD_WORKSPACE_ERROR_INVALID_QUERY);
}

static void
test_damaged_workspace_is_rebuilt (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *git_dir = accord_repository_dup_git_dir (fixture->repository);
  g_autofree char *dir = g_build_filename (git_dir, "accord", NULL);
  g_autofree char *db_path = g_build_filename (dir, "workspace.sqlite", NULL);
  g_autofree char *broken = g_strconcat (db_path, ".broken", NULL);
  g_autofree char *garbage = g_strnfill (8192, 'z');

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (db_path, garbage, -1, NULL));

  g_test_expect_message ("accord-workspace", G_LOG_LEVEL_MESSAGE, "*damaged*");
  workspace = accord_workspace_open (fixture->repository, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  strategy = load (workspace);
  g_assert_nonnull (accord_strategy_lookup (strategy, fixture->section_id));
  hits = search (workspace, "principes");
  g_assert_cmpuint (hits->len, ==, 1);
}

/* The database damaged while the workspace is open (here its schema, by
 * another connection): loading sets it aside and reads the strategy
 * again, as opening does. */
static void
test_damaged_after_open (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char damage[] =
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = 'CREATE TABLE files (' WHERE name = 'files';"
    "PRAGMA writable_schema = OFF;";
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) first = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = NULL;
  sqlite3 *db = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  first = load (workspace);
  broken = g_strconcat (accord_workspace_get_path (workspace), ".broken", NULL);
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));

  /* A new schema version makes the open connection read the schema again. */
  g_assert_cmpint (sqlite3_open (accord_workspace_get_path (workspace), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, damage, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA schema_version = 1000", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  g_test_expect_message ("accord-workspace", G_LOG_LEVEL_MESSAGE, "*damaged*");
  strategy = load (workspace);
  g_test_assert_expected_messages ();

  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_nonnull (accord_strategy_lookup (strategy, fixture->section_id));
  hits = search (workspace, "principes");
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_newer_schema_is_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  sqlite3 *db = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  db_path = g_strdup (accord_workspace_get_path (workspace));
  g_clear_object (&workspace);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_error (error, ACCORD_WORKSPACE_ERROR, ACCORD_WORKSPACE_ERROR_NEWER);
  g_assert_null (workspace);

  /* Nothing was destroyed: the newer Accord still finds its data. */
  g_assert_true (g_file_test (db_path, G_FILE_TEST_EXISTS));
}

static void
test_write_ahead_log (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (accord_workspace_get_path (workspace), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Writing through the workspace indexes what was written at once, without
 * loading the strategy again; and the next load agrees. */
static void
test_write_indexes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordStrategy) again = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  AccordEntity *section;
  AccordEntity *extra;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  strategy = load (workspace);
  section = accord_strategy_lookup (strategy, fixture->section_id);

  accord_entity_set_field (section, "body", "Une diplomatie des câbles sous-marins.", &error);
  g_assert_no_error (error);
  extra = accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL,
                           "title", "Calendrier", "order", "z", NULL);
  g_assert_true (accord_strategy_remove (strategy, fixture->comment_id, &error));
  g_assert_no_error (error);

  g_assert_true (accord_workspace_write (workspace, strategy, &error));
  g_assert_no_error (error);
  g_assert_false (accord_entity_get_modified (section));
  g_assert_false (accord_entity_get_modified (extra));

  found = search (workspace, "cables");
  stale = search (workspace, "ouvert");
  added = search (workspace, "calendrier");
  removed = search (workspace, "fracture");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((AccordSearchHit *) g_ptr_array_index (found, 0))->id, ==,
                   fixture->section_id);
  g_assert_cmpuint (stale->len, ==, 0);
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpuint (removed->len, ==, 0);

  /* The files are in the work tree, and a load reads the same. */
  again = load (workspace);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (again, fixture->section_id),
                                            "body"),
                   ==, "Une diplomatie des câbles sous-marins.");
  g_assert_nonnull (accord_strategy_lookup (again, accord_entity_get_id (extra)));
  g_assert_null (accord_strategy_lookup (again, fixture->comment_id));
}

/* A session left open by a process that is gone was interrupted; one
 * closed, or still held by a running process, was not. */
static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordWorkspace) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *sql = NULL;
  gboolean interrupted = TRUE;
  GPid child;
  sqlite3 *db;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_true (accord_workspace_begin_session (workspace, &interrupted, &error));
  g_assert_no_error (error);
  g_assert_false (interrupted);

  /* Opening again from the same process is not a crash. */
  g_assert_true (accord_workspace_begin_session (workspace, &interrupted, &error));
  g_assert_false (interrupted);
  accord_workspace_end_session (workspace);
  g_assert_true (accord_workspace_begin_session (workspace, &interrupted, &error));
  g_assert_false (interrupted);

  /* Pretend another process had it open: one that has exited. */
  {
    char *argv[] = { (char *) "true", NULL };
    int status;

    g_assert_true (g_spawn_async (NULL, argv, NULL,
                                  G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                  NULL, NULL, &child, &error));
    g_assert_no_error (error);
    g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  }

  db_path = g_strdup (accord_workspace_get_path (workspace));
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE state SET value = '%d' WHERE key = 'session'", (int) child);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  other = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_true (accord_workspace_begin_session (other, &interrupted, &error));
  g_assert_no_error (error);
  g_assert_true (interrupted);

  /* Now this process holds it: no longer interrupted. */
  g_assert_true (accord_workspace_begin_session (other, &interrupted, &error));
  g_assert_false (interrupted);
}

/* Local state survives reopening, and is not part of the strategy. */
static void
test_state (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordWorkspace) again = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *forgotten = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  missing = accord_workspace_dup_state (workspace, "last-entity");
  g_assert_null (missing);

  g_assert_true (accord_workspace_set_state (workspace, "last-entity", "s-1", &error));
  g_assert_true (accord_workspace_set_state (workspace, "last-entity", "s-2", &error));
  g_assert_no_error (error);

  again = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  kept = accord_workspace_dup_state (again, "last-entity");
  g_assert_cmpstr (kept, ==, "s-2");

  changes = accord_repository_status (fixture->repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_true (accord_workspace_set_state (again, "last-entity", NULL, &error));
  g_assert_no_error (error);
  forgotten = accord_workspace_dup_state (again, "last-entity");
  g_assert_null (forgotten);
}

/* Words GLib would fold differently from the index (ß, ²) are still
 * found as typed. */
static void
test_search_unfolded_letters (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) eszett = NULL;
  g_autoptr(GPtrArray) squared = NULL;
  g_autoptr(GPtrArray) mixed = NULL;
  g_autoptr(GError) error = NULL;

  set_section_body (fixture, "Die Straße der Zusammenarbeit, x² Werte.");
  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  strategy = load (workspace);

  eszett = search (workspace, "straße");
  squared = search (workspace, "x²");
  mixed = search (workspace, "(  STRASSE  straße");
  g_assert_cmpuint (eszett->len, ==, 1);
  g_assert_cmpuint (squared->len, ==, 1);
  g_assert_cmpuint (mixed->len, ==, 0);
}

/* Words in most rows ("de", "la") find every row that has them all,
 * marked, without ranking rows that would all weigh the same. */
static void
test_search_common_words (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) rarer = NULL;
  g_autoptr(GError) error = NULL;
  guint with_snippet = 0;

  /* With the summary ("Une feuille de route pour la coopération…"), three
   * of the five files have both words. */
  set_section_body (fixture, "Le rôle de la diplomatie numérique.");
  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  strategy = load (workspace);
  accord_entity_set_field (accord_strategy_lookup (strategy, fixture->objective_id),
                           "description", "Relier les zones blanches de la région.", &error);
  g_assert_no_error (error);
  g_assert_true (accord_workspace_write (workspace, strategy, &error));
  g_assert_no_error (error);
  g_clear_object (&strategy);
  strategy = load (workspace);

  hits = search (workspace, "DE la");
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < hits->len; i++)
    {
      AccordSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (hit->kind == ACCORD_ENTITY_STRATEGY ||
                     g_str_equal (hit->id, fixture->section_id) ||
                     g_str_equal (hit->id, fixture->objective_id));
      with_snippet += strstr (hit->snippet, "[de] [la]") != NULL;
    }
  g_assert_cmpuint (with_snippet, ==, 2);

  /* A rarer word among them: ranked, as always. */
  rarer = search (workspace, "de la diplomatie");
  g_assert_cmpuint (rarer->len, ==, 1);
  g_assert_cmpstr (((AccordSearchHit *) g_ptr_array_index (rarer, 0))->id, ==,
                   fixture->section_id);
}

static GStrv
problems_of (AccordStrategy *strategy)
{
  GPtrArray *problems = accord_strategy_get_problems (strategy);
  GStrv lines = g_new0 (char *, problems->len + 1);

  for (guint i = 0; i < problems->len; i++)
    lines[i] = accord_problem_to_string (g_ptr_array_index (problems, i));

  return lines;
}

static guint
count_rows (AccordWorkspace *workspace,
            const char      *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open (accord_workspace_get_path (workspace), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

/* Entities a warm opening makes from the workspace parse their files only
 * when first needed; what they show, and the problems found in how they
 * refer to others (with their lines), are those of a cold opening. */
static void
test_entities_read_when_needed (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) cold = NULL;
  g_autoptr(AccordStrategy) warm = NULL;
  g_autoptr(AccordStrategy) upgraded = NULL;
  g_autoptr(AccordStrategy) direct = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cold_problems = NULL;
  g_auto(GStrv) warm_problems = NULL;
  g_autofree char *dangling = g_build_filename (fixture->path, "comments", "c-dangling1.md", NULL);
  AccordEntity *section;

  g_assert_true (g_file_set_contents (dangling,
                                      "---\n"
                                      "created: 2026-03-02T09:00:00Z\n"
                                      "\n"
                                      "target: o-nowhere1\n"
                                      "---\n"
                                      "Une contribution égarée.\n", -1, &error));
  g_assert_no_error (error);

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  cold = load (workspace);
  cold_problems = problems_of (cold);
  g_assert_cmpuint (g_strv_length (cold_problems), ==, 1);
  g_assert_true (g_str_has_prefix (cold_problems[0], "comments/c-dangling1.md:4:"));
  g_assert_cmpuint (count_rows (workspace, "SELECT count(*) FROM files WHERE links IS NULL"),
                    ==, 1);  /* strategy.md, always parsed */

  warm = load (workspace);
  warm_problems = problems_of (warm);
  g_assert_cmpstrv (warm_problems, cold_problems);

  /* Changing a link before anything else is read keeps the rest. */
  section = accord_strategy_lookup (warm, fixture->section_id);
  g_assert_cmpstr (accord_entity_get_field (section, "order"), ==, "i");
  g_assert_true (accord_entity_set_field (section, "order", "m", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (accord_entity_get_field (section, "title"), ==, "Principes");
  g_assert_cmpstr (accord_entity_get_field (section, "body"), ==,
                   "Nous défendons un internet ouvert, libre et sûr.");
  g_assert_true (accord_entity_get_modified (section));
  g_assert_true (accord_workspace_write (workspace, warm, &error));
  g_assert_no_error (error);
  g_clear_object (&warm);

  /* A workspace made before links were kept gets them on its next opening. */
  update_rows (workspace, "UPDATE files SET links = NULL WHERE path <> ?1", "strategy.md");
  upgraded = load (workspace);
  g_assert_cmpuint (count_rows (workspace, "SELECT count(*) FROM files WHERE links IS NULL"),
                    ==, 1);
  direct = accord_repository_load (fixture->repository, &error);
  g_assert_no_error (error);
  assert_same_strategy (direct, upgraded);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (upgraded, fixture->section_id),
                                            "order"), ==, "m");
}

/* An entity made from its links still finds its file when the
 * workspace's copy is gone, and one removed then added back (an undo)
 * keeps every field even though its file was deleted in between. */
static void
test_entities_read_without_copy (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) cold = NULL;
  g_autoptr(AccordStrategy) warm = NULL;
  g_autoptr(AccordStrategy) again = NULL;
  g_autoptr(AccordEntity) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section = g_strconcat ("sections/", fixture->section_id, ".md", NULL);
  g_autofree char *comment_file = g_strconcat ("comments/", fixture->comment_id, ".md", NULL);
  g_autofree char *comment_path = g_build_filename (fixture->path, comment_file, NULL);

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  cold = load (workspace);
  warm = load (workspace);

  update_rows (workspace, "DELETE FROM files WHERE path = ?1", section);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (warm, fixture->section_id),
                                            "body"), ==,
                   "Nous défendons un internet ouvert, libre et sûr.");

  comment = g_object_ref (accord_strategy_lookup (warm, fixture->comment_id));
  g_assert_true (accord_strategy_remove (warm, fixture->comment_id, &error));
  g_assert_no_error (error);
  g_assert_true (accord_workspace_write (workspace, warm, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (comment_path, G_FILE_TEST_EXISTS));

  g_assert_true (accord_strategy_add (warm, comment, &error));
  g_assert_no_error (error);
  g_assert_true (accord_workspace_write (workspace, warm, &error));
  g_assert_no_error (error);
  again = load (workspace);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (again, fixture->comment_id),
                                            "body"), ==,
                   "La fracture numérique rurale mérite un indicateur.");
}

static gboolean
has_problem (AccordStrategy *strategy,
             const char     *prefix)
{
  g_auto(GStrv) problems = problems_of (strategy);

  for (guint i = 0; problems[i] != NULL; i++)
    {
      if (g_str_has_prefix (problems[i], prefix))
        return TRUE;
    }

  return FALSE;
}

/* How entities refer to each other is checked again only when a file
 * changed, or when the problems were written in other languages. */
static void
test_check_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) first = NULL;
  g_autoptr(AccordStrategy) kept = NULL;
  g_autoptr(AccordStrategy) relabelled = NULL;
  g_autoptr(AccordStrategy) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *objective = g_strconcat ("objectives/", fixture->objective_id, ".md", NULL);
  g_autofree char *objective_path = g_build_filename (fixture->path, objective, NULL);
  g_autofree char *content = NULL;
  g_autofree char *orphan = NULL;
  g_autofree char *problem = NULL;

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  first = load (workspace);
  g_assert_cmpuint (accord_strategy_get_problems (first)->len, ==, 0);

  /* What the last check found is taken as it is… */
  update_rows (workspace, "INSERT INTO checked (path, line, message)"
                          " VALUES (?1, 3, 'kept from the last check')", objective);
  kept = load (workspace);
  g_assert_true (has_problem (kept, "objectives/"));

  /* …unless it is in other languages… */
  update_rows (workspace, "UPDATE state SET value = 'xx' WHERE key = ?1", "checked");
  relabelled = load (workspace);
  g_assert_cmpuint (accord_strategy_get_problems (relabelled)->len, ==, 0);

  /* …or a file changed. */
  update_rows (workspace, "INSERT INTO checked (path, line, message)"
                          " VALUES (?1, 3, 'kept from the last check')", objective);
  g_assert_true (g_file_get_contents (objective_path, &content, NULL, &error));
  g_assert_no_error (error);
  orphan = g_strdup_printf ("%.*ssection: s-missing1\n%s",
                            (int) (strstr (content, "section:") - content), content,
                            strchr (strstr (content, "section:"), '\n') + 1);
  g_assert_true (g_file_set_contents (objective_path, orphan, -1, &error));
  g_assert_no_error (error);
  edited = load (workspace);
  g_assert_cmpuint (accord_strategy_get_problems (edited)->len, ==, 1);
  problem = accord_problem_to_string (g_ptr_array_index (accord_strategy_get_problems (edited), 0));
  g_assert_true (g_str_has_prefix (problem, objective));
  g_assert_nonnull (strstr (problem, "s-missing1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  ACCORD_TEST_ADD ("/accord/workspace/load-matches-repository", test_load_matches_repository);
  ACCORD_TEST_ADD ("/accord/workspace/reads-only-changed-files", test_reads_only_changed_files);
  ACCORD_TEST_ADD ("/accord/workspace/entities-read-when-needed", test_entities_read_when_needed);
  ACCORD_TEST_ADD ("/accord/workspace/check-kept", test_check_kept);
  ACCORD_TEST_ADD ("/accord/workspace/entities-read-without-copy", test_entities_read_without_copy);
  ACCORD_TEST_ADD ("/accord/workspace/rebuilt-after-delete", test_rebuilt_after_delete);
  ACCORD_TEST_ADD ("/accord/workspace/search/accents", test_search_ignores_accents);
  ACCORD_TEST_ADD ("/accord/workspace/search/common-words", test_search_common_words);
  ACCORD_TEST_ADD ("/accord/workspace/search/titles-first", test_search_ranks_titles_first);
  ACCORD_TEST_ADD ("/accord/workspace/search/follows-edits", test_search_follows_edits);
  ACCORD_TEST_ADD ("/accord/workspace/search/plain-words", test_search_query_is_plain_words);
  ACCORD_TEST_ADD ("/accord/workspace/search/unfolded-letters", test_search_unfolded_letters);
  ACCORD_TEST_ADD ("/accord/workspace/damaged", test_damaged_workspace_is_rebuilt);
  ACCORD_TEST_ADD ("/accord/workspace/damaged-after-open", test_damaged_after_open);
  ACCORD_TEST_ADD ("/accord/workspace/newer-schema", test_newer_schema_is_refused);
  ACCORD_TEST_ADD ("/accord/workspace/wal", test_write_ahead_log);
  ACCORD_TEST_ADD ("/accord/workspace/write-indexes", test_write_indexes);
  ACCORD_TEST_ADD ("/accord/workspace/session", test_session);
  ACCORD_TEST_ADD ("/accord/workspace/state", test_state);


  return g_test_run ();
}
