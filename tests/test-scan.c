/* test-scan.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-scan-private.h"
#include "accord-test-util.h"

/* The scan that lists a strategy's files with what stat() says of them,
 * and the arena its paths come from. */

#define AUTHOR "Scan Tests <scan@example.org>"

static const char * const root_files[] = { "strategy.md", ".gitattributes", NULL };

typedef AccordTestFolder Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie", "fr");

  accord_test_folder_setup (fixture, data);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-1", "order", "i", "title", "One", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, "o-1",
                   "section", "s-1", "order", "i", "title", "Objective", NULL);
  fixture->repository = accord_test_create (fixture->path, strategy, AUTHOR, NULL);
}

/* The paths a scan found, joined by spaces. */
static char *
dup_paths (AccordScan *scan)
{
  GPtrArray *files = _accord_scan_get_files (scan);
  g_autoptr(GString) paths = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      AccordScanned *scanned = g_ptr_array_index (files, i);

      if (i > 0)
        g_string_append_c (paths, ' ');
      g_string_append (paths, scanned->path);
    }

  return g_strdup (paths->str);
}

static char *
scan_paths (const char *root,
            guint       n_threads)
{
  g_autoptr(AccordScan) scan = _accord_scan_new (root, root_files);

  _accord_scan_run (scan, n_threads);

  return dup_paths (scan);
}

static AccordScanned *
find_scanned (AccordScan *scan,
              const char *path)
{
  GPtrArray *files = _accord_scan_get_files (scan);

  for (guint i = 0; i < files->len; i++)
    {
      AccordScanned *scanned = g_ptr_array_index (files, i);

      if (g_str_equal (scanned->path, path))
        return scanned;
    }

  return NULL;
}

static void
assert_matches_stat (AccordScanned *scanned,
                     const char    *root)
{
  g_autofree char *path = g_build_filename (root, scanned->path, NULL);
  GStatBuf info;

  g_assert_cmpint (g_lstat (path, &info), ==, 0);
  g_assert_cmpint (scanned->size, ==, info.st_size);
  g_assert_cmpint (scanned->inode, ==, info.st_ino);
  g_assert_cmpint (scanned->mtime, ==, (gint64) info.st_mtim.tv_sec * 1000000000 +
                                       info.st_mtim.tv_nsec);
  g_assert_cmpint (scanned->ctime, ==, (gint64) info.st_ctim.tv_sec * 1000000000 +
                                       info.st_ctim.tv_nsec);
  g_assert_cmpuint (scanned->regular, ==, S_ISREG (info.st_mode));
}

static void
test_arena (void)
{
  g_auto(AccordArena) arena = { NULL, };
  g_autofree char *long_text = g_strnfill (300 * 1024, 'x');
  char *first, *second, *big, *copy;

  /* Every allocation is aligned for any value, and apart from the others. */
  first = _accord_arena_alloc (&arena, 3);
  second = _accord_arena_alloc (&arena, 5);
  g_assert_cmpuint ((guintptr) first % 8, ==, 0);
  g_assert_cmpuint ((guintptr) second % 8, ==, 0);
  g_assert_true (second >= first + 3);
  memset (first, 'a', 3);
  memset (second, 'b', 5);

  /* Larger than a block: a block of its own, the others untouched. */
  big = _accord_arena_alloc (&arena, strlen (long_text) + 1);
  memcpy (big, long_text, strlen (long_text) + 1);
  g_assert_cmpint (first[2], ==, 'a');
  g_assert_cmpint (second[4], ==, 'b');

  copy = _accord_arena_strdup (&arena, "sections/s-1.md");
  g_assert_cmpstr (copy, ==, "sections/s-1.md");
  g_assert_cmpstr (big, ==, long_text);
  g_assert_cmpuint (g_slist_length (arena.blocks), ==, 3);

  /* Cleared, it can be used again. */
  _accord_arena_clear (&arena);
  g_assert_null (arena.blocks);
  g_assert_cmpuint (arena.left, ==, 0);
  copy = _accord_arena_strdup (&arena, "");
  g_assert_cmpstr (copy, ==, "");
}

static void
test_scanned_init (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->path, "strategy.md", NULL);
  AccordScanned scanned;
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  _accord_scanned_init (&scanned, "strategy.md", &info);
  g_assert_cmpstr (scanned.path, ==, "strategy.md");
  assert_matches_stat (&scanned, fixture->path);
  g_assert_true (scanned.regular);
  g_assert_cmpint (scanned.size, >, 0);
}

/* The root files asked for, then every entry of each kind's folder, sorted
 * by path; nothing from elsewhere. */
static void
test_scan_lists_files (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AccordScan) scan = _accord_scan_new (fixture->path, root_files);
  g_autofree char *paths = NULL;
  AccordScanned *section;

  accord_test_write_file (fixture->path, "notes.txt", "not the strategy's\n", -1);
  accord_test_write_file (fixture->path, "comments/c-1.md", "---\ntarget: s-1\n---\n", -1);
  accord_test_write_file (fixture->path, "rounds/draft.txt", "anything\n", -1);
  accord_test_write_file (fixture->path, "sections/deeper/s-2.md", "hidden\n", -1);

  _accord_scan_run (scan, 1);
  paths = dup_paths (scan);
  g_assert_cmpstr (paths, ==,
                   ".gitattributes comments/c-1.md objectives/o-1.md rounds/draft.txt "
                   "sections/deeper sections/s-1.md strategy.md");

  /* What stat() says, without following anything. */
  section = find_scanned (scan, "sections/s-1.md");
  g_assert_nonnull (section);
  assert_matches_stat (section, fixture->path);
  g_assert_true (section->regular);
  g_assert_false (find_scanned (scan, "sections/deeper")->regular);
  for (guint i = 0; i < _accord_scan_get_files (scan)->len; i++)
    assert_matches_stat (g_ptr_array_index (_accord_scan_get_files (scan), i), fixture->path);
}

/* Links are listed as links, and folders that are links are not entered:
 * nothing outside the strategy is read through them. */
static void
test_scan_links (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *outside = g_build_filename (fixture->tmpdir, "outside", NULL);
  g_autofree char *rounds = g_build_filename (fixture->path, "rounds", NULL);
  g_autofree char *link = g_build_filename (fixture->path, "sections", "s-link.md", NULL);
  g_autofree char *other_root = g_build_filename (fixture->tmpdir, "other-root", NULL);
  g_autoptr(AccordScan) scan = _accord_scan_new (fixture->path, root_files);
  g_autofree char *paths = NULL;
  g_autofree char *through_link = NULL;

  accord_test_write_file (outside, "r-secret.md", "---\ntitle: Secret\n---\n", -1);
  g_assert_cmpint (symlink (outside, rounds), ==, 0);
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);

  _accord_scan_run (scan, 1);
  paths = dup_paths (scan);
  g_assert_cmpstr (paths, ==, ".gitattributes objectives/o-1.md sections/s-1.md "
                              "sections/s-link.md strategy.md");
  g_assert_false (find_scanned (scan, "sections/s-link.md")->regular);
  g_assert_cmpint (find_scanned (scan, "sections/s-link.md")->size, ==, strlen ("/etc/passwd"));

  /* The strategy's own folder may be reached through a link. */
  g_assert_cmpint (symlink (fixture->path, other_root), ==, 0);
  through_link = scan_paths (other_root, 1);
  g_assert_cmpstr (through_link, ==, paths);
}

/* Missing root files and folders are simply not there; a missing strategy
 * has no files. */
static void
test_scan_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *objectives = g_build_filename (fixture->path, "objectives", NULL);
  g_autofree char *attributes = g_build_filename (fixture->path, ".gitattributes", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->tmpdir, "nowhere", NULL);
  g_autofree char *paths = NULL;
  g_autofree char *none = NULL;

  accord_test_remove_tree (objectives);
  g_assert_cmpint (g_unlink (attributes), ==, 0);

  paths = scan_paths (fixture->path, 1);
  g_assert_cmpstr (paths, ==, "sections/s-1.md strategy.md");

  none = scan_paths (nowhere, 4);
  g_assert_cmpstr (none, ==, "");
}

static gpointer
help_cb (gpointer data)
{
  _accord_scan_help (data);

  return NULL;
}

/* Many files, many threads, and a thread that helps: the same list as one
 * thread alone makes. */
static void
test_scan_threads (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AccordScan) helped = _accord_scan_new (fixture->path, root_files);
  g_autofree char *alone = NULL;
  g_autofree char *four = NULL;
  g_autofree char *with_help = NULL;
  GThread *helper;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("comments/c-%04u.md", i);

      accord_test_write_file (fixture->path, name, name, -1);
    }

  alone = scan_paths (fixture->path, 1);
  g_assert_cmpuint (strlen (alone), >, 5000 * strlen ("comments/c-0000.md"));
  g_assert_true (g_str_has_prefix (alone, ".gitattributes comments/c-0000.md comments/c-0001.md"));

  four = scan_paths (fixture->path, 4);
  g_assert_cmpstr (four, ==, alone);

  helper = g_thread_new ("scan-helper", help_cb, helped);
  _accord_scan_run (helped, 1);
  g_thread_join (helper);
  with_help = dup_paths (helped);
  g_assert_cmpstr (with_help, ==, alone);
  for (guint i = 0; i < _accord_scan_get_files (helped)->len; i++)
    assert_matches_stat (g_ptr_array_index (_accord_scan_get_files (helped), i), fixture->path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/scan/arena", test_arena);
  g_test_add ("/accord/scan/scanned-init", Fixture, NULL,
              fixture_setup, test_scanned_init, accord_test_folder_teardown);
  g_test_add ("/accord/scan/lists-files", Fixture, NULL,
              fixture_setup, test_scan_lists_files, accord_test_folder_teardown);
  g_test_add ("/accord/scan/links", Fixture, NULL,
              fixture_setup, test_scan_links, accord_test_folder_teardown);
  g_test_add ("/accord/scan/missing", Fixture, NULL,
              fixture_setup, test_scan_missing, accord_test_folder_teardown);
  g_test_add ("/accord/scan/threads", Fixture, NULL,
              fixture_setup, test_scan_threads, accord_test_folder_teardown);

  return g_test_run ();
}
