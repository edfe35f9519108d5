/* test-core.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord.h"
#include "accord-git-private.h"
#include "accord-sqlite-private.h"
#include "accord-test-util.h"

typedef AccordTestFolder Fixture;

/* accord_init() initialises libgit2 once, however often it is called,
 * and keeps it initialised. */
static void
test_init_is_idempotent (void)
{
  accord_init ();
  accord_init ();

  /* libgit2 counts its initialisations: accord_init()'s, then this one. */
  g_assert_cmpint (git_libgit2_init (), ==, 2);
  g_assert_cmpint (git_libgit2_shutdown (), ==, 1);
}

/* libaccord is the version the build says, and runs on libraries that
 * have what it needs: the libgit2 it was built against, with threads, and
 * an SQLite with threads and full-text search. */
static void
test_version (void)
{
  int major = 0, minor = 0, rev = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (accord_get_version (), ==, ACCORD_PROJECT_VERSION);

  g_assert_cmpint (git_libgit2_version (&major, &minor, &rev), ==, 0);
  g_assert_cmpint (major, ==, LIBGIT2_VER_MAJOR);
  g_assert_cmpint (minor, ==, LIBGIT2_VER_MINOR);
  g_assert_cmpint (major * 100 + minor, >=, 105);
  g_assert_cmpint (git_libgit2_features () & GIT_FEATURE_THREADS, !=, 0);

  g_assert_cmpint (sqlite3_libversion_number (), >=, 3040000);
  g_assert_cmpint (sqlite3_threadsafe (), !=, 0);
  g_assert_true (sqlite3_compileoption_used ("ENABLE_FTS5"));

  g_assert_true (accord_check_runtime (&error));
  g_assert_no_error (error);
}

static void
test_runtime_info (void)
{
  g_autoptr(GVariant) info = accord_dup_runtime_info ();
  g_autofree char *expected_git = NULL;
  const char *git_version = NULL;
  const char *sqlite_version = NULL;
  const char *version = NULL;
  gboolean fts5 = FALSE;
  gboolean threads = FALSE;
  int major, minor, rev;

  g_assert_true (g_variant_is_of_type (info, G_VARIANT_TYPE_VARDICT));
  g_assert_false (g_variant_is_floating (info));

  g_assert_true (g_variant_lookup (info, "version", "&s", &version));
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (version, ==, accord_get_version ());

  git_libgit2_version (&major, &minor, &rev);
  expected_git = g_strdup_printf ("%d.%d.%d", major, minor, rev);
  g_assert_true (g_variant_lookup (info, "libgit2-version", "&s", &git_version));
  g_assert_cmpstr (git_version, ==, expected_git);

  g_assert_true (g_variant_lookup (info, "sqlite-version", "&s", &sqlite_version));
  g_assert_cmpstr (sqlite_version, ==, sqlite3_libversion ());

  g_assert_true (g_variant_lookup (info, "sqlite-fts5", "b", &fts5));
  g_assert_true (fts5);
  g_assert_true (g_variant_lookup (info, "libgit2-threads", "b", &threads));
  g_assert_true (threads);
}

static void
test_git_error_not_found (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(git_repository) repository = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = git_repository_open_ext (&repository, fixture->tmpdir,
                                GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
  g_assert_cmpint (rc, ==, GIT_ENOTFOUND);

  g_assert_false (_accord_git_check (rc, "Opening the strategy", &error));
  g_assert_error (error, ACCORD_GIT_ERROR, ACCORD_GIT_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Opening the strategy: "));
  /* libgit2's own explanation names the folder. */
  g_assert_nonnull (strstr (error->message, fixture->tmpdir));

  /* The libgit2 error was consumed. */
  g_assert_null (git_error_last ());
}

static void
test_git_check_success (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(git_repository) repository = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = git_repository_init (&repository, fixture->tmpdir, FALSE);
  g_assert_true (_accord_git_check (rc, "Creating the strategy", &error));
  g_assert_no_error (error);
  g_assert_nonnull (repository);
  g_assert_true (git_repository_is_empty (repository) == 1);
}

static void
test_sqlite_syntax_error (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "store.sqlite", NULL);
  g_autoptr(AccordSqlite) db = NULL;
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = sqlite3_open (path, &db);
  g_assert_true (_accord_sqlite_check (db, rc, "Opening the workspace", &error));
  g_assert_no_error (error);

  rc = sqlite3_prepare_v2 (db, "SELEKT 1", -1, &stmt, NULL);
  g_assert_false (_accord_sqlite_check (db, rc, "Reading the workspace", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Reading the workspace: "));
  g_assert_nonnull (strstr (error->message, "syntax error"));
}

static void
test_sqlite_not_a_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "store.sqlite", NULL);
  g_autoptr(AccordSqlite) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_strnfill (4096, 'x');
  int rc;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  rc = sqlite3_open (path, &db);
  g_assert_cmpint (rc, ==, SQLITE_OK);

  rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  g_assert_false (_accord_sqlite_check (db, rc, "Reading the workspace", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT);
}

static void
test_git_identity (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  accord_test_write_file (fixture->tmpdir, ".gitconfig",
                          "[user]\n"
                          "\tname = Zoé Lefèvre\n"
                          "\temail = zoe@example.org\n", -1);

  accord_test_use_git_home (fixture->tmpdir);
  g_assert_true (accord_get_git_identity (&name, &email));
  accord_test_use_git_home (NULL);

  g_assert_cmpstr (name, ==, "Zoé Lefèvre");
  g_assert_cmpstr (email, ==, "zoe@example.org");
}

/* The XDG file counts, the home one wins over it, and a value that is
 * empty comes back as NULL; one value is enough to return TRUE, whichever
 * the caller asks for. */
static void
test_git_identity_partial (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *email_only = NULL;
  gboolean found, found_email_only;

  accord_test_write_file (fixture->tmpdir, ".config/git/config",
                          "[user]\n"
                          "\tname = Ana Lima\n"
                          "\temail = ana@example.org\n", -1);
  accord_test_write_file (fixture->tmpdir, ".gitconfig",
                          "[user]\n"
                          "\temail = \n"
                          "\tname = Ana Lima Costa\n", -1);

  accord_test_use_git_home (fixture->tmpdir);
  found = accord_get_git_identity (&name, &email);
  found_email_only = accord_get_git_identity (NULL, &email_only);
  accord_test_use_git_home (NULL);

  g_assert_true (found);
  g_assert_cmpstr (name, ==, "Ana Lima Costa");
  g_assert_null (email);
  g_assert_true (found_email_only);
  g_assert_null (email_only);
}

static void
test_git_identity_none (Fixture       *fixture,
                        gconstpointer  data)
{
  char *name = (char *) "unset";
  char *email = (char *) "unset";
  gboolean found;

  accord_test_use_git_home (fixture->tmpdir);
  found = accord_get_git_identity (&name, &email);
  accord_test_use_git_home (NULL);

  g_assert_false (found);
  g_assert_null (name);
  g_assert_null (email);
}

static void
test_sqlite_bind (void)
{
  static const char blob[] = { 'a', '\0', 'b' };
  g_autoptr(AccordSqlite) db = NULL;
  g_autoptr(AccordSqliteStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT ?1, ?2, ?3, ?4", -1, &stmt, NULL), ==,
                   SQLITE_OK);

  g_assert_true (_accord_sqlite_bind_int64 (stmt, 1, G_GINT64_CONSTANT (1) << 40, &error));
  g_assert_true (_accord_sqlite_bind_text (stmt, 2, "stratégie", -1, &error));
  g_assert_true (_accord_sqlite_bind_text (stmt, 3, NULL, -1, &error));
  g_assert_true (_accord_sqlite_bind_blob (stmt, 4, blob, sizeof blob, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, G_GINT64_CONSTANT (1) << 40);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "stratégie");
  g_assert_cmpint (sqlite3_column_type (stmt, 2), ==, SQLITE_NULL);
  g_assert_cmpmem (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3),
                   blob, sizeof blob);
  g_assert_true (_accord_sqlite_reset (stmt, SQLITE_ROW, "Reading the workspace", &error));
  g_assert_no_error (error);

  /* A parameter the statement does not have. */
  g_assert_false (_accord_sqlite_bind_int64 (stmt, 5, 1, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, sqlite3_errstr (SQLITE_RANGE)));
  g_clear_error (&error);

  g_assert_false (_accord_sqlite_bind_text (stmt, 0, "nulle part", -1, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
}

static void
test_sqlite_reset (void)
{
  g_autoptr(AccordSqlite) db = NULL;
  g_autoptr(AccordSqliteStmt) insert = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (k TEXT PRIMARY KEY)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (k) VALUES (?1)", -1, &insert, NULL), ==,
                   SQLITE_OK);

  g_assert_true (_accord_sqlite_bind_text (insert, 1, "a", -1, &error));
  rc = sqlite3_step (insert);
  g_assert_true (_accord_sqlite_reset (insert, rc, "Updating the workspace", &error));
  g_assert_no_error (error);

  /* The failed step is reported once, with sqlite's own message. */
  rc = sqlite3_step (insert);
  g_assert_false (_accord_sqlite_reset (insert, rc, "Updating the workspace", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Updating the workspace: "));
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_clear_error (&error);

  /* And the statement is ready for its next use. */
  g_assert_true (_accord_sqlite_bind_text (insert, 1, "b", -1, &error));
  rc = sqlite3_step (insert);
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_true (_accord_sqlite_reset (insert, rc, "Updating the workspace", &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/global/init", test_init_is_idempotent);
  g_test_add_func ("/accord/global/version", test_version);
  g_test_add_func ("/accord/global/runtime-info", test_runtime_info);
  ACCORD_TEST_ADD_IN_FOLDER ("/accord/git/error-not-found", test_git_error_not_found);
  ACCORD_TEST_ADD_IN_FOLDER ("/accord/git/check-success", test_git_check_success);
  ACCORD_TEST_ADD_IN_FOLDER ("/accord/global/git-identity", test_git_identity);
  ACCORD_TEST_ADD_IN_FOLDER ("/accord/global/git-identity-partial", test_git_identity_partial);
  ACCORD_TEST_ADD_IN_FOLDER ("/accord/global/git-identity-none", test_git_identity_none);
  ACCORD_TEST_ADD_IN_FOLDER ("/accord/sqlite/syntax-error", test_sqlite_syntax_error);
  ACCORD_TEST_ADD_IN_FOLDER ("/accord/sqlite/not-a-database", test_sqlite_not_a_database);
  g_test_add_func ("/accord/sqlite/bind", test_sqlite_bind);
  g_test_add_func ("/accord/sqlite/reset", test_sqlite_reset);

  return g_test_run ();
}
