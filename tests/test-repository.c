/* test-repository.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/time.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-git-private.h"
#include "accord-strategy-private.h"
#include "accord-test-util.h"
#include "repository-test-common.h"

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autofree char *branch = NULL;
  g_autofree char *head = NULL;
  g_autofree char *git_head = NULL;
  g_autofree char *files = NULL;
  g_autofree char *message = NULL;
  g_autofree char *canonical = g_canonicalize_filename (fixture->path, NULL);

  g_assert_cmpstr (accord_repository_get_path (repository), ==, canonical);

  /* One revision, on "main", holding every file. */
  branch = accord_test_git_output (fixture->path, "rev-parse", "--abbrev-ref", "HEAD", NULL);
  g_assert_cmpstr (branch, ==, "main\n");
  assert_n_revisions (fixture, 1);
  message = accord_test_git_output (fixture->path, "log", "-1", "--format=%s|%an|%ae", NULL);
  g_assert_cmpstr (message, ==, "First version|Alice Martin|alice@example.org\n");
  files = accord_test_git_output (fixture->path, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (files, ==,
                   ".gitattributes\n"
                   "comments/c-1.md\n"
                   "objectives/o-one.md\n"
                   "participants/p-1.md\n"
                   "rounds/r-1.md\n"
                   "sections/s-child.md\n"
                   "sections/s-one.md\n"
                   "sections/s-two.md\n"
                   "strategy.md\n");
  assert_clean (fixture->path);

  head = accord_repository_dup_head (repository);
  git_head = accord_test_git_output (fixture->path, "rev-parse", "HEAD", NULL);
  g_assert_nonnull (head);
  g_assert_cmpuint (strlen (head), ==, 40);
  g_assert_true (g_str_has_prefix (git_head, head));

  /* The .git folder is the repository's. */
  {
    g_autofree char *git_dir = accord_repository_dup_git_dir (repository);

    g_assert_nonnull (strstr (git_dir, "/strategy/.git"));
  }
}

static void
test_create_folders (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "en");
  g_autoptr(AccordRepository) in_empty = NULL;
  g_autoptr(AccordRepository) in_full = NULL;
  g_autoptr(AccordRepository) nested = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = g_build_filename (fixture->tmpdir, "empty", NULL);
  g_autofree char *full = g_build_filename (fixture->tmpdir, "full", NULL);
  g_autofree char *note = g_build_filename (full, "note.txt", NULL);
  g_autofree char *full_git = g_build_filename (full, ".git", NULL);
  g_autofree char *deep = g_build_filename (fixture->tmpdir, "a", "b", "c", NULL);
  g_autofree char *message = NULL;

  /* An empty folder will do. */
  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  in_empty = accord_test_create (empty, strategy, BOB, NULL);
  message = accord_test_git_output (empty, "log", "-1", "--format=%s", NULL);
  g_assert_cmpstr (message, ==, "Create the strategy\n");

  /* A folder with anything in it will not, and is left as it was. */
  g_assert_cmpint (g_mkdir (full, 0755), ==, 0);
  g_file_set_contents (note, "mine", -1, &error);
  g_assert_no_error (error);
  in_full = accord_repository_create (full, strategy, BOB, NULL, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS);
  g_assert_null (in_full);
  g_clear_error (&error);
  g_assert_false (g_file_test (full_git, G_FILE_TEST_EXISTS));

  /* An existing strategy is not overwritten either. */
  in_full = accord_repository_create (empty, strategy, BOB, NULL, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS);
  g_assert_null (in_full);
  g_clear_error (&error);

  /* Missing parent folders are made. */
  nested = accord_test_create (deep, strategy, BOB, NULL);

  /* A failure once the repository is made leaves the folder empty, ready
   * for another try. */
  {
    g_autoptr(AccordStrategy) broken = accord_strategy_new ("Broken", "en");
    g_autoptr(AccordRepository) failed = NULL;
    g_autofree char *target = g_build_filename (fixture->tmpdir, "failed", NULL);
    g_autoptr(GDir) dir = NULL;

    g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
    _accord_strategy_set_unreadable (broken, TRUE);
    failed = accord_repository_create (target, broken, BOB, NULL, &error);
    g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO);
    g_assert_null (failed);
    g_clear_error (&error);
    dir = g_dir_open (target, 0, &error);
    g_assert_no_error (error);
    g_assert_null (g_dir_read_name (dir));
  }
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(AccordRepository) created = create_repository (fixture);
  g_autoptr(AccordRepository) opened = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = g_build_filename (fixture->tmpdir, "plain", NULL);
  g_autofree char *bare = g_build_filename (fixture->tmpdir, "bare.git", NULL);
  g_autofree char *empty_repo = g_build_filename (fixture->tmpdir, "no-strategy", NULL);
  g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing", NULL);
  g_autofree char *inside = g_build_filename (fixture->path, "sections", NULL);

  opened = accord_repository_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  strategy = load_clean (opened);
  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, "Stratégie numérique");
  g_clear_object (&opened);

  /* A folder that is not a repository. */
  g_assert_cmpint (g_mkdir (plain, 0755), ==, 0);
  opened = accord_repository_open (plain, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY);
  g_assert_null (opened);
  g_clear_error (&error);

  opened = accord_repository_open (missing, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY);
  g_clear_error (&error);

  /* A folder inside a strategy is not the strategy. */
  opened = accord_repository_open (inside, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY);
  g_clear_error (&error);

  /* A bare repository has no work tree. */
  g_free (accord_test_git_output (fixture->tmpdir, "init", "--quiet", "--bare", bare, NULL));
  opened = accord_repository_open (bare, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY);
  g_assert_null (opened);
  g_clear_error (&error);

  /* A repository without strategy.md holds something else. */
  g_free (accord_test_git_output (fixture->tmpdir, "init", "--quiet", empty_repo, NULL));
  opened = accord_repository_open (empty_repo, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY);
  g_assert_null (opened);
  g_clear_error (&error);
}

static void
test_load_write_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AccordRepository) created = create_repository (fixture);
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordStrategy) original = make_strategy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *status = NULL;
  g_autofree char *section_md = g_build_filename (fixture->path, "sections", "s-one.md", NULL);
  GStatBuf before, after;

  repository = accord_repository_open (fixture->path, &error);
  g_assert_no_error (error);
  strategy = load_clean (repository);

  /* What was read is what was stored. */
  for (AccordEntityKind kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = accord_strategy_get_entities (original, kind);

      guint n = g_list_model_get_n_items (model);

      g_assert_cmpuint (accord_strategy_count (strategy, kind), ==, n);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(AccordEntity) entity = g_list_model_get_item (model, i);
          AccordEntity *read = accord_strategy_lookup (strategy, accord_entity_get_id (entity));

          g_assert_nonnull (read);
          g_assert_true (accord_entity_equal (entity, read));
          g_assert_false (accord_entity_get_modified (read));
        }
    }
  g_assert_false (accord_entity_get_modified (ACCORD_ENTITY (strategy)));
  g_assert_cmpstr (accord_entity_get_field (ACCORD_ENTITY (strategy), "summary"), ==,
                   "Résumé.\n\n::: answer\nnot a block\n");

  /* Writing what was read touches no file. */
  g_assert_cmpint (g_stat (section_md, &before), ==, 0);
  accord_test_write (repository, strategy);
  g_assert_cmpint (g_stat (section_md, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpuint (before.st_size, ==, after.st_size);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);

  assert_clean (fixture->path);
  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Nor does writing every entity again: the bytes are the same. A change
   * and its undoing leave each entity modified, so each file is written. */
  for (AccordEntityKind kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = accord_strategy_get_entities (strategy, kind);
      const char *field = kind == ACCORD_ENTITY_COMMENT ? "body"
                          : kind == ACCORD_ENTITY_PARTICIPANT ? "name" : "title";

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(AccordEntity) entity = g_list_model_get_item (model, i);
          AccordEntity *stored = accord_strategy_lookup (original, accord_entity_get_id (entity));

          accord_test_set (entity, field, "X");
          accord_test_set (entity, field, accord_entity_get_field (stored, field));
          g_assert_true (accord_entity_get_modified (entity));
        }
    }
  accord_test_set (ACCORD_ENTITY (strategy), "title", "X");
  accord_test_set (ACCORD_ENTITY (strategy), "title", "Stratégie numérique");
  g_assert_cmpint (g_stat (section_md, &before), ==, 0);
  accord_test_write (repository, strategy);
  g_assert_cmpint (g_stat (section_md, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_clear_pointer (&status, g_free);
  assert_clean (fixture->path);
}

static void
test_one_line_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = load_clean (repository);
  g_autofree char *numstat = NULL;
  g_autofree char *diff = NULL;

  accord_test_set (accord_strategy_lookup (strategy, "s-two"), "title", "Two, renamed");
  accord_test_write (repository, strategy);

  numstat = accord_test_git_output (fixture->path, "diff", "--numstat", NULL);
  g_assert_cmpstr (numstat, ==, "1\t1\tsections/s-two.md\n");
  diff = accord_test_git_output (fixture->path, "diff", "--unified=0", "--no-color", NULL);
  g_assert_nonnull (strstr (diff, "\n-title: Two\n+title: Two, renamed\n"));

  /* Changing an objective's lead, or a list, is also a change of its own
   * lines only. */
  g_clear_pointer (&numstat, g_free);
  accord_test_set (accord_strategy_lookup (strategy, "o-one"), "lead", "Agency");
  accord_test_write (repository, strategy);
  numstat = accord_test_git_output (fixture->path, "diff", "--numstat", "--", "objectives", NULL);
  g_assert_cmpstr (numstat, ==, "1\t1\tobjectives/o-one.md\n");
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = load_clean (repository);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-new", "order", "k", "title", "New", NULL);
  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "body", "Changed body");
  g_assert_true (accord_strategy_remove (strategy, "s-two", &error));
  g_assert_no_error (error);
  accord_test_write (repository, strategy);

  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_true (has_change (changes, "sections/s-new.md", ACCORD_CHANGE_ADDED));
  g_assert_true (has_change (changes, "sections/s-one.md", ACCORD_CHANGE_MODIFIED));
  g_assert_true (has_change (changes, "sections/s-two.md", ACCORD_CHANGE_REMOVED));
  g_assert_cmpstr (accord_change_kind_to_string (ACCORD_CHANGE_ADDED), ==, "added");
  g_assert_cmpstr (accord_change_kind_to_string (ACCORD_CHANGE_MODIFIED), ==, "modified");
  g_assert_cmpstr (accord_change_kind_to_string (ACCORD_CHANGE_REMOVED), ==, "removed");

  /* The removed file is gone from the work tree. */
  {
    g_autofree char *path = g_build_filename (fixture->path, "sections", "s-two.md", NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* Once saved, nothing is left to list. */
  g_free (accord_test_save (repository, "Three changes", ALICE));
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *revision = NULL;
  g_autofree char *git_head = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *message = NULL;

  /* Nothing changed yet. */
  g_assert_null (accord_repository_save (repository, "Nothing", ALICE, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_clear_error (&error);

  strategy = load_clean (repository);
  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One, better");
  accord_test_write (repository, strategy);

  revision = accord_test_save (repository, "Better title\n\nWith a longer explanation.", ALICE);
  g_assert_cmpuint (strlen (revision), ==, 40);
  git_head = accord_test_git_output (fixture->path, "rev-parse", "HEAD", NULL);
  g_assert_true (g_str_has_prefix (git_head, revision) && git_head[40] == '\n');
  {
    g_autofree char *head = accord_repository_dup_head (repository);

    g_assert_cmpstr (head, ==, revision);
  }

  /* The new revision follows the first and changes one file only. */
  parent = accord_test_git_output (fixture->path, "rev-parse", "HEAD^", NULL);
  g_assert_true (g_str_has_prefix (parent, first));
  changed = dup_changed (fixture, revision, "--name-only");
  g_assert_cmpstr (changed, ==, "sections/s-one.md\n");
  message = accord_test_git_output (fixture->path, "log", "-1", "--format=%B", NULL);
  g_assert_cmpstr (message, ==, "Better title\n\nWith a longer explanation.\n");

  {
    assert_clean (fixture->path);
  }

  /* Saving again finds nothing to save. */
  g_assert_null (accord_repository_save (repository, "Again", ALICE, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_clear_error (&error);

  /* A change made and undone before saving is nothing either. */
  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "Temporary");
  accord_test_write (repository, strategy);
  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One, better");
  accord_test_write (repository, strategy);
  g_assert_null (accord_repository_save (repository, "Undone", ALICE, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_clear_error (&error);

  assert_n_revisions (fixture, 2);
}

static void
test_author (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const invalid[] = {
    "Nobody",
    "nobody@example.org",
    "Name <unterminated@example.org",
    "Name unopened@example.org>",
    "<only@example.org>",
    "Name <a@example.org> trailing",
  };
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordRepository) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *who = NULL;

  /* From the argument. */
  {
    g_autoptr(AccordStrategy) strategy = accord_test_load (repository);

    accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "By Bob, really");
    accord_test_write (repository, strategy);
  }
  revision = accord_test_save (repository, "Bob's change", BOB);
  who = accord_test_git_output (fixture->path, "log", "-1", "--format=%an|%ae|%cn|%ce", NULL);
  g_assert_cmpstr (who, ==, "Bob Durand|bob@example.org|Bob Durand|bob@example.org\n");
  g_clear_pointer (&who, g_free);
  g_clear_pointer (&revision, g_free);

  /* From git's configuration. */
  {
    g_autoptr(AccordStrategy) strategy = accord_test_load (repository);

    accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title",
                     "By the configured author");
    accord_test_write (repository, strategy);
  }
  revision = accord_test_save (repository, "Configured", NULL);
  who = accord_test_git_output (fixture->path, "log", "-1", "--format=%an|%ae", NULL);
  g_assert_cmpstr (who, ==, "Config Author|config@example.org\n");
  g_clear_pointer (&who, g_free);
  g_clear_pointer (&revision, g_free);

  /* Malformed authors are refused, and nothing is saved. */
  {
    g_autoptr(AccordStrategy) strategy = accord_test_load (repository);

    accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "Unsaved");
    accord_test_write (repository, strategy);
  }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("author “%s”", invalid[i]);
      g_assert_null (accord_repository_save (repository, "Refused", invalid[i], &error));
      g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NO_AUTHOR);
      g_clear_error (&error);
    }
  assert_n_revisions (fixture, 3);

  /* Without an identity in git's configuration, an author must be given. */
  write_git_config (test_home, FALSE);
  reopened = accord_repository_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (accord_repository_save (reopened, "Nobody", NULL, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NO_AUTHOR);
  g_clear_error (&error);
  g_assert_false (accord_repository_tag (reopened, "anonymous", "No one", NULL, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NO_AUTHOR);
  g_clear_error (&error);

  revision = accord_repository_save (reopened, "Given", ALICE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (revision);
}

static void
set_times (const char *path,
           gint64      seconds_ago)
{
  struct timeval times[2];

  times[0].tv_sec = times[1].tv_sec = g_get_real_time () / G_USEC_PER_SEC - seconds_ago;
  times[0].tv_usec = times[1].tv_usec = 0;
  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* Saving looks again only at the files whose stat() differs from the
 * index, as git does; a file someone staged with git add, whose stat the
 * index then has, is saved all the same. */
static void
test_save_finds_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section = g_build_filename (fixture->path, "sections", "s-one.md", NULL);
  g_autofree char *child = g_build_filename (fixture->path, "sections", "s-child.md", NULL);
  g_autofree char *content = NULL;
  g_autoptr(GString) staged = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *again = NULL;

  /* Staged an hour ago, and the index written since. */
  g_assert_true (g_file_get_contents (section, &content, NULL, &error));
  g_assert_no_error (error);
  staged = g_string_new (content);
  g_assert_cmpuint (g_string_replace (staged, "title: One", "title: Une", 1), ==, 1);
  g_assert_true (g_file_set_contents (section, staged->str, -1, &error));
  g_assert_no_error (error);
  set_times (section, 3600);
  set_times (child, 3600);
  g_free (accord_test_git_output (fixture->path, "add", "sections", NULL));
  g_usleep (1100 * 1000);
  g_free (accord_test_git_output (fixture->path, "update-index", "--refresh", NULL));

  revision = accord_repository_save (repository, "Titre traduit", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (revision);
  saved = accord_repository_load_revision (repository, revision, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (saved, "s-one"), ==, "Une");

  /* Nothing left: saving again finds nothing to save. */
  again = accord_repository_save (repository, "Rien", NULL, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_assert_null (again);
}

static void
test_huge_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordStrategy) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) huge = g_string_new ("---\norder: z\n\ntitle: Huge\n---\n");
  g_autofree char *path = g_build_filename (fixture->path, "sections", "s-huge.md", NULL);
  GPtrArray *problems;
  gboolean found = FALSE;

  while (huge->len < 2 * 1024 * 1024)
    g_string_append (huge, "A very long text that nobody will ever read in full.\n");
  g_file_set_contents (path, huge->str, huge->len, &error);
  g_assert_no_error (error);
  g_free (accord_test_git_output (fixture->path, "add", "sections/s-huge.md", NULL));
  g_free (accord_test_git_output (fixture->path, "commit", "--quiet", "-m", "Huge", NULL));

  strategy = accord_repository_load_revision (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strategy);
  problems = accord_strategy_get_problems (strategy);
  for (guint i = 0; i < problems->len; i++)
    {
      AccordProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->path, "sections/s-huge.md") && strstr (problem->message, "1 MiB"))
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_null (accord_strategy_lookup (strategy, "s-huge"));
  g_assert_cmpstr (title_of (strategy, "s-one"), ==, "One");

  /* The same from the work tree. */
  g_clear_object (&strategy);
  strategy = accord_test_load (repository);
  problems = accord_strategy_get_problems (strategy);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((AccordProblem *) g_ptr_array_index (problems, 0))->path, ==,
                   "sections/s-huge.md");

  /* The revision before is fine, and the log lists the file. */
  before = accord_repository_load_revision (repository, "HEAD~1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accord_strategy_get_problems (before)->len, ==, 0);
  {
    g_autoptr(GPtrArray) log = accord_repository_log (repository, NULL, 1, &error);

    g_assert_no_error (error);
    g_assert_true (has_change (((AccordRevision *) g_ptr_array_index (log, 0))->changes,
                               "sections/s-huge.md", ACCORD_CHANGE_ADDED));
  }
}

/* save_written() records only what went through the repository, builds
 * the tree from the last revision, and leaves other edits unsaved. */
static void
test_save_written (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = load_clean (repository);
  g_autoptr(AccordStrategy) after = NULL;
  g_autoptr(AccordEntity) added = accord_entity_new (ACCORD_ENTITY_SECTION, "s-three");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *by_hand = g_build_filename (fixture->path, "sections", "s-two.md", NULL);
  g_autofree char *status = NULL;

  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One, revised");
  accord_test_set (added, "order", "k");
  accord_test_set (added, "title", "Three");
  g_assert_true (accord_strategy_add (strategy, added, &error));
  g_assert_true (accord_strategy_remove (strategy, "s-child", &error));
  g_assert_no_error (error);
  accord_test_write (repository, strategy);

  /* An edit made outside the repository object is not part of it. */
  g_assert_true (g_file_set_contents (by_hand, "---\norder: j\n\ntitle: Two by hand\n---\n",
                                      -1, NULL));

  revision = accord_repository_save_written (repository, "Revise the outline", ALICE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (revision);

  changed = dup_changed (fixture, revision, "--name-status");
  g_assert_cmpstr (changed, ==,
                   "D\tsections/s-child.md\nM\tsections/s-one.md\nA\tsections/s-three.md\n");

  status = accord_test_git_output (fixture->path, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, " M sections/s-two.md\n");

  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (has_change (changes, "sections/s-two.md", ACCORD_CHANGE_MODIFIED));

  /* Nothing written since: nothing to save that way. */
  g_assert_null (accord_repository_save_written (repository, "Again", ALICE, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);

  after = accord_repository_load_revision (repository, revision, NULL);
  g_assert_cmpstr (title_of (after, "s-one"), ==, "One, revised");
  g_assert_cmpstr (title_of (after, "s-two"), ==, "Two");
  g_assert_null (accord_strategy_lookup (after, "s-child"));
}

/* Findings of a review, each kept from coming back. */
static void
test_removed_stays_removed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = load_clean (repository);
  g_autoptr(AccordEntity) added = accord_entity_new (ACCORD_ENTITY_SECTION, "s-brief");
  g_autoptr(AccordEntity) child = g_object_ref (accord_strategy_lookup (strategy, "s-child"));
  g_autoptr(GError) error = NULL;
  g_autofree char *brief = g_build_filename (fixture->path, "sections", "s-brief.md", NULL);
  g_autofree char *child_path = g_build_filename (fixture->path, "sections", "s-child.md", NULL);

  accord_test_set (added, "order", "z");
  accord_test_set (added, "title", "Brief");
  g_assert_true (accord_strategy_add (strategy, added, &error));
  g_assert_true (accord_strategy_remove (strategy, "s-brief", &error));
  g_assert_true (accord_strategy_remove (strategy, "s-child", &error));
  g_assert_no_error (error);

  /* Edits to an entity no longer in the strategy do not bring it back. */
  accord_test_set (child, "title", "Edited after removal");
  accord_test_write (repository, strategy);
  g_assert_false (g_file_test (brief, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (child_path, G_FILE_TEST_EXISTS));

  accord_test_set (added, "title", "Edited too");
  accord_test_write (repository, strategy);
  g_assert_false (g_file_test (brief, G_FILE_TEST_EXISTS));
}

static void
test_save_ignores_other_files (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_build_filename (fixture->path, "private-notes.txt", NULL);
  g_autofree char *tracked = NULL;

  g_assert_true (g_file_set_contents (notes, "not for the remote", -1, NULL));

  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_null (accord_repository_save (repository, "Notes", ALICE, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_clear_error (&error);

  g_free (save_title (repository, "s-one", "One again", "Title"));
  tracked = accord_test_git_output (fixture->path, "ls-files", "private-notes.txt", NULL);
  g_assert_cmpstr (tracked, ==, "");
}

static void
test_unreadable_strategy_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->path, "strategy.md", NULL);
  g_autofree char *broken = g_strdup ("title: no header line\n\xff\n");
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  strategy = accord_test_load (repository);
  g_assert_cmpuint (accord_strategy_get_problems (strategy)->len, >, 0);

  accord_test_set (ACCORD_ENTITY (strategy), "subtitle", "Would replace the whole file");
  g_assert_false (accord_repository_write (repository, strategy, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);
}

static void
test_clear_empty_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_entity_set_field (objective, "partner", NULL, &error));
  g_assert_true (accord_entity_set_field (objective, "partner", "", &error));
  g_assert_no_error (error);
  g_assert_null (accord_entity_get_list (objective, "partner"));
}

/* A section added and removed again before a save was never saved: the
 * revision has nothing of it, and saving the rest does not fail on it. */
static void
test_save_written_added_then_removed (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = load_clean (repository);
  g_autoptr(AccordEntity) added = accord_entity_new (ACCORD_ENTITY_SECTION, "s-brief");
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *changed = NULL;

  accord_test_set (added, "order", "z");
  accord_test_set (added, "title", "Brief");
  g_assert_true (accord_strategy_add (strategy, added, &error));
  g_assert_no_error (error);
  accord_test_write (repository, strategy);

  g_assert_true (accord_strategy_remove (strategy, "s-brief", &error));
  g_assert_no_error (error);
  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One, revised");
  accord_test_write (repository, strategy);

  revision = accord_repository_save_written (repository, "Revise one section", ALICE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (revision);

  changed = accord_test_git_output (fixture->path, "diff-tree", "--no-commit-id",
                                    "--name-status", "-r", revision, NULL);
  g_assert_cmpstr (changed, ==, "M\tsections/s-one.md\n");
}

/* A folder of a revision that cannot be read is a problem of the strategy
 * read from it, and an error of the history and of a restore: neither
 * quietly takes it for an empty folder. */
static void
test_unreadable_tree (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AccordRepository) created = create_repository (fixture);
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (created);
  g_autofree char *second = save_title (created, "s-one", "One (2)", "Second revision");
  g_autofree char *sections = accord_test_git_output (fixture->path, "rev-parse",
                                                                  "HEAD~1:sections", NULL);
  g_autofree char *object = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *head = NULL;
  g_autofree char *text = NULL;
  gboolean folder_problem = FALSE;
  GPtrArray *problems;

  g_strstrip (sections);
  object = g_strdup_printf ("%s/.git/objects/%.2s/%s", fixture->path, sections, sections + 2);
  g_assert_cmpint (g_unlink (object), ==, 0);

  /* A new handle: the first keeps what it read in memory. */
  repository = accord_repository_open (fixture->path, &error);
  g_assert_no_error (error);

  /* The rest of the strategy opens; the folder is a problem. */
  strategy = accord_repository_load_revision (repository, first, &error);
  g_assert_no_error (error);
  g_assert_null (accord_strategy_lookup (strategy, "s-one"));
  g_assert_nonnull (accord_strategy_lookup (strategy, "o-one"));
  problems = accord_strategy_get_problems (strategy);
  for (guint i = 0; i < problems->len; i++)
    {
      AccordProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->path, "sections"))
        folder_problem = TRUE;
    }
  g_assert_true (folder_problem);

  log = accord_repository_log (repository, NULL, 0, &error);
  g_assert_error (error, ACCORD_GIT_ERROR, ACCORD_GIT_ERROR_NOT_FOUND);
  g_assert_null (log);
  g_clear_error (&error);

  /* Restoring it takes nothing away. */
  restored = accord_repository_restore (repository, first, NULL, ALICE, &error);
  g_assert_error (error, ACCORD_GIT_ERROR, ACCORD_GIT_ERROR_NOT_FOUND);
  g_assert_null (restored);
  head = accord_repository_dup_head (repository);
  g_assert_cmpstr (head, ==, second);
  text = accord_test_read_file (fixture->path, "sections/s-one.md");
  g_assert_nonnull (strstr (text, "One (2)"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  accord_init ();
  setup_home ();

#define ADD(path, func) \
  g_test_add ("/accord/repository/" path, Fixture, NULL, fixture_setup, func, \
              accord_test_folder_teardown)

  ADD ("create", test_create);
  ADD ("create-folders", test_create_folders);
  ADD ("open", test_open);
  ADD ("load-write-round-trip", test_load_write_round_trip);
  ADD ("one-line-change", test_one_line_change);
  ADD ("status", test_status);
  ADD ("save", test_save);
  ADD ("save-written", test_save_written);
  ADD ("save-written-added-then-removed", test_save_written_added_then_removed);

  ADD ("unreadable-tree", test_unreadable_tree);
  ADD ("save-finds-changes", test_save_finds_changes);
  ADD ("author", test_author);

  ADD ("huge-file", test_huge_file);
  ADD ("removed-stays-removed", test_removed_stays_removed);

  ADD ("save-ignores-other-files", test_save_ignores_other_files);
  ADD ("unreadable-strategy-file", test_unreadable_strategy_file);
  ADD ("clear-empty-list", test_clear_empty_list);

#undef ADD

  status = g_test_run ();

  accord_test_remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);

  return status;
}
