/* test-workspace-repair.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-test-util.h"

/*
 * A damaged or tampered workspace never stops a command: whatever is found
 * in its place is set aside and the workspace made anew from the work
 * tree, and nothing is ever written through a link. Most cases run
 * accord-cli on a real strategy, as a user would meet them.
 */

#define AUTHOR "Ana Lima <ana@example.org>"
#define N_SECTIONS 24

static const char *cli_path;

typedef struct
{
  char             *tmpdir;
  char             *path;
  char             *git_dir;
  char             *folder;    /* the workspace's */
  char             *database;
  AccordRepository *repository;
  char             *expected;  /* what searching for "banane" prints */
} Fixture;

/* Sections with enough text that the workspace spans a few dozen pages,
 * each with a word of its own and all with "banane". */
static AccordStrategy *
make_strategy (void)
{
  AccordStrategy *strategy = accord_strategy_new ("Stratégie fruitière", "fr");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, NULL);
      g_autofree char *title = g_strdup_printf ("Section %u banane", i);
      g_autofree char *order = g_strdup_printf ("i%c", 'a' + i);
      g_autoptr(GString) body = g_string_new (NULL);

      for (guint j = 0; j < 40; j++)
        g_string_append_printf (body, "mot%u%c texte%u ", i, 'a' + j % 26, j);
      g_string_append_printf (body, "propre%u", i);

      accord_entity_set_field (section, "title", title, &error);
      g_assert_no_error (error);
      accord_entity_set_field (section, "order", order, &error);
      g_assert_no_error (error);
      accord_entity_set_field (section, "body", body->str, &error);
      g_assert_no_error (error);
      accord_strategy_add (strategy, section, &error);
      g_assert_no_error (error);
    }

  return strategy;
}

/* Runs accord-cli with the NULL-terminated arguments after @first. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return accord_test_run ((const char * const *) argv->pdata, NULL, out, err);
}

/* Searches for "banane" with accord-cli, which must succeed and print what
 * it prints on a sound workspace; @note is set to what it printed on its
 * standard error. */
static void
assert_search_works (Fixture  *fixture,
                     char    **note)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run_cli (&out, &err, "search", fixture->path, "banane", "-n", "100", NULL);
  if (status != 0)
    g_test_message ("search: %s", err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, fixture->expected);

  if (note != NULL)
    *note = g_steal_pointer (&err);
}

/* What accord-cli prints on its standard error when the workspace was
 * made anew: nothing, or one note that starts as its errors do. */
static void
assert_one_line (const char *err)
{
  if (*err == '\0')
    return;

  g_assert_true (g_str_has_prefix (err, "accord-cli: "));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_null (strstr (err, "WARNING"));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = make_strategy ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  fixture->tmpdir = accord_test_make_tmpdir ("accord-workspace-repair-XXXXXX");
  fixture->path = g_build_filename (fixture->tmpdir, "strategy", NULL);
  fixture->repository = accord_repository_create (fixture->path, strategy, AUTHOR, NULL, &error);
  g_assert_no_error (error);

  fixture->git_dir = accord_repository_dup_git_dir (fixture->repository);
  fixture->folder = g_build_filename (fixture->git_dir, "accord", NULL);
  fixture->database = g_build_filename (fixture->folder, "workspace.sqlite", NULL);

  /* The first search makes the workspace, and says what a sound one finds. */
  status = run_cli (&fixture->expected, &err, "search", fixture->path, "banane", "-n", "100",
                    NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (strlen (fixture->expected), >, 0);
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  accord_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->git_dir, g_free);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->database, g_free);
  g_clear_pointer (&fixture->expected, g_free);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *content = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &content, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (content, length);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *content = NULL;

  g_assert_true (g_file_get_contents (path, &content, NULL, &error));
  g_assert_no_error (error);

  return content;
}

static void
write_file (const char *path,
            const char *content)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, content, -1, &error));
  g_assert_no_error (error);
}

/* The database's name holds a folder: it is set aside, files and all. */
static void
test_database_is_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *broken = g_strconcat (fixture->database, ".broken", NULL);
  g_autofree char *inside = g_build_filename (fixture->database, "keep.txt", NULL);
  g_autofree char *kept = g_build_filename (broken, "keep.txt", NULL);
  g_autofree char *content = NULL;
  g_autofree char *note = NULL;

  g_assert_cmpint (g_unlink (fixture->database), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->database, 0700), ==, 0);
  write_file (inside, "kept");

  assert_search_works (fixture, &note);
  assert_one_line (note);
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
  content = read_file (kept);
  g_assert_cmpstr (content, ==, "kept");
}

/* The workspace folder's name holds a file. */
static void
test_folder_is_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *broken = g_strconcat (fixture->folder, ".broken", NULL);
  g_autofree char *content = NULL;
  g_autofree char *note = NULL;

  accord_test_remove_tree (fixture->folder);
  write_file (fixture->folder, "not a folder");

  assert_search_works (fixture, &note);
  assert_one_line (note);
  g_assert_nonnull (strstr (note, "not a folder"));
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
  content = read_file (broken);
  g_assert_cmpstr (content, ==, "not a folder");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Lists @folder's entries with their contents, to tell it changed. */
static char *
describe_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *description = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (char *) name);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *content = read_file (path);

      g_string_append_printf (description, "%s: %s\n", (char *) g_ptr_array_index (names, i),
                              content);
    }

  return g_string_free (description, FALSE);
}

/* .git/accord is a link to a folder elsewhere: the workspace is made in
 * .git, and the folder it pointed to is left as it was. */
static void
test_folder_is_link (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *outside = g_build_filename (fixture->tmpdir, "outside", NULL);
  g_autofree char *keep = g_build_filename (outside, "keep.txt", NULL);
  g_autofree char *broken = g_strconcat (fixture->folder, ".broken", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;
  g_autofree char *target = NULL;
  GStatBuf info;

  accord_test_remove_tree (fixture->folder);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  write_file (keep, "outside");
  g_assert_cmpint (symlink (outside, fixture->folder), ==, 0);
  before = describe_folder (outside);

  assert_search_works (fixture, &note);
  assert_search_works (fixture, NULL);

  after = describe_folder (outside);
  g_assert_cmpstr (after, ==, before);
  assert_one_line (note);
  g_assert_nonnull (strstr (note, "link"));
  g_assert_cmpint (g_lstat (fixture->folder, &info), ==, 0);
  g_assert_true (S_ISDIR (info.st_mode));
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
  target = g_file_read_link (broken, NULL);
  g_assert_cmpstr (target, ==, outside);
}

/* A link in place of the database or of a file sqlite keeps beside it (or
 * a second name of the database's file): set aside, and the file it
 * points to left as it was. */
static void
test_file_links (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const suffixes[] = { "-wal", "-journal", "-shm", "", NULL };
  g_autofree char *outside = g_build_filename (fixture->tmpdir, "outside", NULL);

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (fixture->database, suffixes[i], NULL);
      g_autofree char *broken = g_strconcat (name, ".broken", NULL);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autofree char *note = NULL;
      g_autofree char *target = NULL;

      g_test_message ("workspace.sqlite%s", suffixes[i]);
      if (*suffixes[i] == '\0')
        {
          /* The whole database elsewhere, sound. */
          g_assert_cmpint (g_rename (fixture->database, outside), ==, 0);
        }
      else
        write_file (outside, "outside");
      g_assert_cmpint (symlink (outside, name), ==, 0);
      before = read_bytes (outside);

      assert_search_works (fixture, &note);
      assert_search_works (fixture, NULL);

      after = read_bytes (outside);
      g_assert_true (g_bytes_equal (before, after));
      assert_one_line (note);
      g_assert_nonnull (strstr (note, "link"));
      target = g_file_read_link (broken, NULL);
      g_assert_cmpstr (target, ==, outside);
      g_assert_cmpint (g_unlink (outside), ==, 0);
    }
}

/* The database's file has another name, outside: it is left as it is. */
static void
test_database_hard_link (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *outside = g_build_filename (fixture->tmpdir, "outside", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *note = NULL;
  GStatBuf info;

  g_assert_cmpint (link (fixture->database, outside), ==, 0);
  before = read_bytes (outside);

  assert_search_works (fixture, &note);
  assert_one_line (note);
  assert_search_works (fixture, NULL);

  after = read_bytes (outside);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (fixture->database, &info), ==, 0);
  g_assert_cmpuint (info.st_nlink, ==, 1);
}

/* Runs @sql on the workspace, as another program would. */
static void
run_sql (Fixture    *fixture,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static sqlite3_int64
query_number (Fixture    *fixture,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 number;

  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  number = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return number;
}

/* Overwrites page @page (from 1) of @database with bytes that mean nothing. */
static void
spoil_page (const char *database,
            guint       page,
            guint       page_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (page);
  g_autofree char *content = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (database, &content, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, (gsize) page * page_size);

  for (gsize i = (gsize) (page - 1) * page_size; i < (gsize) page * page_size; i++)
    content[i] = (char) g_rand_int_range (rand, 0, 256);

  g_assert_true (g_file_set_contents (database, content, length, &error));
  g_assert_no_error (error);
}

static guint
root_page (Fixture    *fixture,
           const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'",
                                          name);

  return query_number (fixture, sql);
}

/* Spoils the state table and the index of its keys, which reading a value
 * goes through. */
static void
spoil_state (Fixture *fixture)
{
  guint page_size = query_number (fixture, "PRAGMA page_size");
  guint table = root_page (fixture, "state");
  guint index = root_page (fixture, "sqlite_autoindex_state_1");

  spoil_page (fixture->database, table, page_size);
  spoil_page (fixture->database, index, page_size);
}

/* Each page of a workspace overwritten in turn: search succeeds and finds
 * what it found on the sound workspace, and says so in one line at most. */
static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sound = NULL;
  g_autofree char *broken = g_strconcat (fixture->database, ".broken", NULL);
  g_autofree char *wal = g_strconcat (fixture->database, "-wal", NULL);
  gsize length;
  guint page_size = query_number (fixture, "PRAGMA page_size");
  guint n_pages = query_number (fixture, "PRAGMA page_count");
  guint n_rebuilt = 0;

  g_assert_true (g_file_get_contents (fixture->database, &sound, &length, NULL));
  g_assert_cmpuint (length, ==, (gsize) n_pages * page_size);
  g_assert_cmpuint (n_pages, >=, 16);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;

      g_test_message ("page %u of %u", page, n_pages);
      g_assert_true (g_file_set_contents (fixture->database, sound, length, &error));
      g_assert_no_error (error);
      g_unlink (broken);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      spoil_page (fixture->database, page, page_size);

      assert_search_works (fixture, &note);
      assert_one_line (note);
      if (g_file_test (broken, G_FILE_TEST_EXISTS))
        n_rebuilt++;

      /* …and again, on the workspace it left. */
      g_clear_pointer (&note, g_free);
      assert_search_works (fixture, &note);
      g_assert_cmpstr (note, ==, "");
    }

  /* Pages no search reads (free ones, the index of paths) go unnoticed. */
  g_assert_cmpuint (n_rebuilt, >=, n_pages / 2);
}

/* The first page of a few tables spoiled, searching with the library. */
static void
test_table_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const tables[] = {
    "files", "search_data", "search_content", "search_idx", "state", "checked", NULL
  };
  g_autofree char *sound = NULL;
  gsize length;
  guint page_size = query_number (fixture, "PRAGMA page_size");

  g_assert_true (g_file_get_contents (fixture->database, &sound, &length, NULL));

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema"
                                              " WHERE name = '%s'", tables[i]);
      g_autoptr(AccordWorkspace) workspace = NULL;
      g_autoptr(AccordStrategy) strategy = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GPtrArray) own = NULL;
      g_autoptr(GError) error = NULL;
      guint page;

      g_assert_true (g_file_set_contents (fixture->database, sound, length, &error));
      g_assert_no_error (error);
      page = query_number (fixture, sql);
      g_test_message ("%s: page %u", tables[i], page);
      spoil_page (fixture->database, page, page_size);

      g_test_expect_message ("accord-workspace", G_LOG_LEVEL_MESSAGE, "*damaged*");
      workspace = accord_workspace_open (fixture->repository, &error);
      g_assert_no_error (error);
      strategy = accord_workspace_load (workspace, &error);
      g_assert_no_error (error);
      hits = accord_workspace_search (workspace, "banane", "[", "]", 100, &error);
      g_assert_no_error (error);
      g_test_assert_expected_messages ();

      g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), ==, N_SECTIONS);
      g_assert_cmpuint (hits->len, ==, N_SECTIONS);
      own = accord_workspace_search (workspace, "propre7", "[", "]", 100, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (own->len, ==, 1);
    }
}

/* A workspace whose state table is damaged, which opening does not read:
 * reading and writing a value, and noting a session, make it anew and
 * succeed. */
static void
test_state_damaged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *note = NULL;
  gboolean interrupted = TRUE;

  /* Reading a value. */
  spoil_state (fixture);
  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  g_test_expect_message ("accord-workspace", G_LOG_LEVEL_MESSAGE, "*damaged*");
  value = accord_workspace_dup_state (workspace, "last-entity");
  g_test_assert_expected_messages ();
  g_assert_null (value);
  g_assert_true (accord_workspace_set_state (workspace, "last-entity", "s-1", &error));
  g_assert_no_error (error);
  value = accord_workspace_dup_state (workspace, "last-entity");
  g_assert_cmpstr (value, ==, "s-1");

  /* The workspace made anew has the whole strategy: search finds it. */
  hits = accord_workspace_search (workspace, "banane", "[", "]", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, N_SECTIONS);
  g_clear_object (&workspace);

  /* Writing one. */
  spoil_state (fixture);
  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  g_test_expect_message ("accord-workspace", G_LOG_LEVEL_MESSAGE, "*damaged*");
  g_assert_true (accord_workspace_set_state (workspace, "last-entity", "s-2", &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = accord_workspace_dup_state (workspace, "last-entity");
  g_assert_cmpstr (value, ==, "s-2");
  g_clear_object (&workspace);

  /* Noting a session. */
  spoil_state (fixture);
  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  g_test_expect_message ("accord-workspace", G_LOG_LEVEL_MESSAGE, "*damaged*");
  g_assert_true (accord_workspace_begin_session (workspace, &interrupted, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_false (interrupted);
  accord_workspace_end_session (workspace);
  g_clear_object (&workspace);

  assert_search_works (fixture, &note);
  g_assert_cmpstr (note, ==, "");
}

/* Writing through a workspace whose index of paths is damaged (only
 * writing reads it): what was written can be found all the same. */
static void
test_write_damaged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_strconcat (fixture->database, ".broken", NULL);
  guint page_size = query_number (fixture, "PRAGMA page_size");
  GListModel *sections;
  g_autoptr(AccordEntity) first = NULL;

  spoil_page (fixture->database, root_page (fixture, "sqlite_autoindex_files_1"), page_size);

  workspace = accord_workspace_open (fixture->repository, &error);
  g_assert_no_error (error);
  strategy = accord_workspace_load (workspace, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));

  sections = accord_strategy_get_entities (strategy, ACCORD_ENTITY_SECTION);
  first = g_list_model_get_item (sections, 0);
  accord_entity_set_field (first, "body", "Une groseille toute neuve.", &error);
  g_assert_no_error (error);

  g_test_expect_message ("accord-workspace", G_LOG_LEVEL_MESSAGE, "*damaged*");
  g_assert_true (accord_workspace_write (workspace, strategy, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));

  hits = accord_workspace_search (workspace, "groseille", "[", "]", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((AccordSearchHit *) g_ptr_array_index (hits, 0))->id, ==,
                   accord_entity_get_id (first));
}

/* A workspace without a version that has tables, or at its version with
 * tables missing, was not left so by Accord: it is made anew. */
static void
test_incomplete_schema (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *broken = g_strconcat (fixture->database, ".broken", NULL);
  g_autofree char *note = NULL;

  run_sql (fixture, "PRAGMA user_version = 0");
  assert_search_works (fixture, &note);
  assert_one_line (note);
  g_assert_nonnull (strstr (note, "damaged"));
  g_assert_true (g_file_test (broken, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_number (fixture, "PRAGMA user_version"), >, 0);

  g_clear_pointer (&note, g_free);
  g_assert_cmpint (g_unlink (broken), ==, 0);
  run_sql (fixture, "DROP TABLE checked");
  assert_search_works (fixture, &note);
  assert_one_line (note);
  g_assert_true (g_file_test (broken, G_FILE_TEST_IS_REGULAR));
}

/* A workspace made by a newer Accord is left untouched, for it; search
 * says so in one line, and the commands that need no workspace work. */
static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize before_length, after_length;

  /* A journal other than this version's, which it would change. */
  run_sql (fixture, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  g_assert_true (g_file_get_contents (fixture->database, &before, &before_length, NULL));

  g_assert_cmpint (run_cli (&out, &err, "search", fixture->path, "banane", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_line (err);
  g_assert_nonnull (strstr (err, "newer version of Accord"));

  g_assert_true (g_file_get_contents (fixture->database, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpint (query_number (fixture, "PRAGMA user_version"), ==, 99);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "sections", fixture->path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Section 7 banane"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  cli_path = g_getenv ("ACCORD_CLI");
  g_assert_nonnull (cli_path);

#define ADD(path, func) \
  g_test_add ("/accord/workspace-repair/" path, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)

  ADD ("database-is-folder", test_database_is_folder);
  ADD ("folder-is-file", test_folder_is_file);
  ADD ("folder-is-link", test_folder_is_link);
  ADD ("file-links", test_file_links);
  ADD ("database-hard-link", test_database_hard_link);
  ADD ("every-page", test_every_page);
  ADD ("table-pages", test_table_pages);
  ADD ("state", test_state_damaged);
  ADD ("write", test_write_damaged);
  ADD ("incomplete-schema", test_incomplete_schema);
  ADD ("newer-schema", test_newer_schema);

#undef ADD

  return g_test_run ();
}
