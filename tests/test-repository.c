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

/* Strategies stored in real git repositories, checked with the git
 * command itself. */

#define ALICE "Alice Martin <alice@example.org>"
#define BOB "Bob Durand <bob@example.org>"

typedef AccordTestFolder Fixture;

/* The HOME of the whole test program, made before any thread starts:
 * changing the environment later is not safe. */
static char *test_home;

static void
write_git_config (const char *home,
                  gboolean    with_identity)
{
  g_autofree char *path = g_build_filename (home, ".gitconfig", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) config = g_string_new (NULL);

  if (with_identity)
    g_string_append (config,
                     "[user]\n"
                     "\tname = Config Author\n"
                     "\temail = config@example.org\n");
  g_string_append (config,
                   "[init]\n"
                   "\tdefaultBranch = main\n"
                   "[advice]\n"
                   "\tdetachedHead = false\n");

  g_file_set_contents (path, config->str, -1, &error);
  g_assert_no_error (error);
}

/* Both the git command and libgit2 find their identity in a HOME of
 * ours, and nothing from the real one. */
static void
setup_home (void)
{
  g_autofree char *config_home = NULL;
  g_autofree char *xdg_git = NULL;
  g_autofree char *system = NULL;

  test_home = accord_test_make_tmpdir ("accord-home-XXXXXX");
  config_home = g_build_filename (test_home, ".config", NULL);
  xdg_git = g_build_filename (config_home, "git", NULL);
  system = g_build_filename (test_home, "system", NULL);
  g_assert_cmpint (g_mkdir_with_parents (xdg_git, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (system, 0755), ==, 0);

  g_setenv ("HOME", test_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);

  /* libgit2 may have looked HOME up already. */
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL,
                                     test_home), ==, 0);
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG,
                                     xdg_git), ==, 0);
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM,
                                     system), ==, 0);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  accord_test_folder_setup (fixture, data);

  /* Each test starts with an identity in git's configuration. */
  write_git_config (test_home, TRUE);
}

/* A small strategy with one entity of every kind and some texts that are
 * easy to get wrong. */
static AccordStrategy *
make_strategy (void)
{
  AccordStrategy *strategy = accord_strategy_new ("Stratégie numérique", "fr");
  const char * const partners[] = { "Ville", "Région", NULL };

  accord_test_set (ACCORD_ENTITY (strategy), "summary", "Résumé.\n\n::: answer\nnot a block\n");
  accord_test_set (ACCORD_ENTITY (strategy), "title@en", "Digital strategy");
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-one",
                   "order", "i", "title", "One", "body", "First section\n", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-two",
                   "order", "j", "title", "Two", "body", "Second \\ section 🚀", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-child",
                   "parent", "s-one", "order", "i", "title", "Child", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, "o-one",
                   "section", "s-one", "order", "i", "title", "Objective", "lead", "Ministry",
                   "due", "2027-12-31", "status", "planned", NULL);
  g_assert_true (accord_entity_set_list (accord_strategy_lookup (strategy, "o-one"), "partner",
                                         partners, NULL));
  accord_test_add (strategy, ACCORD_ENTITY_ROUND, "r-1",
                   "title", "First round", "opens", "2026-01-05", "closes", "2026-03-01",
                   "url", "https://example.org/round", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_PARTICIPANT, "p-1",
                   "name", "Association\nwith two lines", "kind", "civil-society", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-1",
                   "round", "r-1", "target", "s-one", "author", "p-1", "stance", "for",
                   "votes-for", "3", "body", "I agree.", "answer", "Thanks!\n", NULL);

  return strategy;
}

static AccordRepository *
create_repository (Fixture *fixture)
{
  g_autoptr(AccordStrategy) strategy = make_strategy ();

  return accord_test_create (fixture->path, strategy, ALICE, "First version");
}

static AccordStrategy *
load_clean (AccordRepository *repository)
{
  AccordStrategy *strategy = accord_test_load (repository);

  accord_test_assert_no_problems (accord_strategy_get_problems (strategy));

  return strategy;
}

/* Changes the title of @id and saves it. */
static char *
save_title (AccordRepository *repository,
            const char       *id,
            const char       *title,
            const char       *message)
{
  g_autoptr(AccordStrategy) strategy = accord_test_load (repository);

  accord_test_set (accord_strategy_lookup (strategy, id), "title", title);
  accord_test_write (repository, strategy);

  return accord_test_save (repository, message, ALICE);
}

/* Gives s-one and s-two new titles and saves them as “Version 2”;
 * returns the revision. */
static char *
save_version_2 (AccordRepository *repository,
                AccordStrategy   *strategy)
{
  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One v2");
  accord_test_set (accord_strategy_lookup (strategy, "s-two"), "title", "Two v2");
  accord_test_write (repository, strategy);

  return accord_test_save (repository, "Version 2", ALICE);
}

static const char *
title_of (AccordStrategy *strategy,
          const char     *id)
{
  AccordEntity *entity = accord_strategy_lookup (strategy, id);

  g_assert_nonnull (entity);

  return accord_entity_get_field (entity, "title");
}

/* Asserts that git finds nothing to commit in the work tree. */
static void
assert_clean (const char *path)
{
  g_autofree char *status = accord_test_git_output (path, "status", "--porcelain",
                                                    "--untracked-files=all", NULL);

  g_assert_cmpstr (status, ==, "");
}

static void
assert_n_revisions (Fixture *fixture,
                    guint    expected)
{
  g_autofree char *count = accord_test_git_output (fixture->path, "rev-list", "--count", "HEAD",
                                                   NULL);

  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), ==, expected);
}

/* The files @revision changed, as git diff-tree lists them in @format,
 * "--name-only" or "--name-status". */
static char *
dup_changed (Fixture    *fixture,
             const char *revision,
             const char *format)
{
  return accord_test_git_output (fixture->path, "diff-tree", "--no-commit-id", format, "-r",
                                 revision, NULL);
}

static gboolean
has_change (GPtrArray        *changes,
            const char       *path,
            AccordChangeKind  kind)
{
  for (guint i = 0; i < changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->path, path) && change->kind == kind)
        return TRUE;
    }

  return FALSE;
}

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
test_log (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *fourth = NULL;
  AccordRevision *revision;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  second = save_title (repository, "s-one", "One (2)", "Second revision");
  g_assert_true (accord_repository_tag (repository, "draft-1", "First draft", BOB, &error));
  g_assert_no_error (error);

  {
    g_autoptr(AccordStrategy) strategy = accord_test_load (repository);

    accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-three",
                     "order", "k", "title", "Three", NULL);
    g_assert_true (accord_strategy_remove (strategy, "s-two", &error));
    accord_test_set (ACCORD_ENTITY (strategy), "subtitle", "Now with a subtitle");
    accord_test_write (repository, strategy);
    third = accord_test_save (repository, "Third revision", BOB);
  }
  g_assert_true (accord_repository_tag (repository, "draft-2", "Second draft", BOB, &error));
  g_assert_true (accord_repository_tag (repository, "consultation", "Sent out", BOB, &error));
  g_assert_no_error (error);
  fourth = save_title (repository, "o-one", "Objective (4)", "Fourth revision");

  log = accord_repository_log (repository, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 4);

  /* Newest first. */
  revision = g_ptr_array_index (log, 0);
  g_assert_cmpstr (revision->id, ==, fourth);
  g_assert_cmpstr (revision->message, ==, "Fourth revision");
  g_assert_cmpstr (revision->author_name, ==, "Alice Martin");
  g_assert_cmpstr (revision->author_email, ==, "alice@example.org");
  g_assert_cmpint (revision->time, >=, now - 60);
  g_assert_cmpint (revision->time, <=, now + 60);
  g_assert_cmpuint (revision->changes->len, ==, 1);
  g_assert_true (has_change (revision->changes, "objectives/o-one.md", ACCORD_CHANGE_MODIFIED));
  g_assert_cmpuint (g_strv_length (revision->tags), ==, 0);

  revision = g_ptr_array_index (log, 1);
  g_assert_cmpstr (revision->id, ==, third);
  g_assert_cmpstr (revision->message, ==, "Third revision");
  g_assert_cmpstr (revision->author_name, ==, "Bob Durand");
  g_assert_cmpuint (revision->changes->len, ==, 3);
  g_assert_true (has_change (revision->changes, "sections/s-three.md", ACCORD_CHANGE_ADDED));
  g_assert_true (has_change (revision->changes, "sections/s-two.md", ACCORD_CHANGE_REMOVED));
  g_assert_true (has_change (revision->changes, "strategy.md", ACCORD_CHANGE_MODIFIED));
  g_assert_cmpuint (g_strv_length (revision->tags), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) revision->tags, "draft-2"));
  g_assert_true (g_strv_contains ((const char * const *) revision->tags, "consultation"));

  revision = g_ptr_array_index (log, 2);
  g_assert_cmpstr (revision->id, ==, second);
  g_assert_cmpstr (revision->message, ==, "Second revision");
  g_assert_cmpuint (revision->changes->len, ==, 1);
  g_assert_true (has_change (revision->changes, "sections/s-one.md", ACCORD_CHANGE_MODIFIED));
  g_assert_cmpuint (g_strv_length (revision->tags), ==, 1);
  g_assert_cmpstr (revision->tags[0], ==, "draft-1");

  /* The first revision adds every file. */
  revision = g_ptr_array_index (log, 3);
  g_assert_cmpstr (revision->id, ==, first);
  g_assert_cmpstr (revision->message, ==, "First version");
  g_assert_cmpuint (revision->changes->len, ==, 9);
  g_assert_true (has_change (revision->changes, ".gitattributes", ACCORD_CHANGE_ADDED));
  g_assert_true (has_change (revision->changes, "strategy.md", ACCORD_CHANGE_ADDED));
  g_assert_true (has_change (revision->changes, "comments/c-1.md", ACCORD_CHANGE_ADDED));

  /* A copy is a deep copy. */
  {
    g_autoptr(AccordRevision) copy = accord_revision_copy (revision);

    g_assert_cmpstr (copy->id, ==, revision->id);
    g_assert_true (copy->changes != revision->changes);
    g_assert_cmpuint (copy->changes->len, ==, revision->changes->len);
  }

  /* At most two, and from a milestone back. */
  g_clear_pointer (&log, g_ptr_array_unref);
  log = accord_repository_log (repository, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (((AccordRevision *) g_ptr_array_index (log, 1))->id, ==, third);

  g_clear_pointer (&log, g_ptr_array_unref);
  log = accord_repository_log (repository, "draft-1", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (((AccordRevision *) g_ptr_array_index (log, 0))->id, ==, second);

  g_clear_pointer (&log, g_ptr_array_unref);
  log = accord_repository_log (repository, "no-such-revision", 0, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION);
  g_assert_null (log);
}

static void
test_tag (Fixture       *fixture,
          gconstpointer  data)
{
  static const char * const invalid[] = {
    "", "with space", "a..b", "-dash", "x~1", "x^", "x:y", "x?", "x*", "x[", "x\\y",
    "ends.lock", "ends.", "/x", "x/", "a//b", "x@{1}",
  };
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autofree char *head = accord_repository_dup_head (repository);

  g_assert_true (accord_repository_tag (repository, "consultation-1", "Sent to the regions",
                                        BOB, &error));
  g_assert_no_error (error);

  /* An annotated tag, on the last revision, with its message and tagger. */
  type = accord_test_git_output (fixture->path, "cat-file", "-t", "consultation-1", NULL);
  g_assert_cmpstr (type, ==, "tag\n");
  contents = accord_test_git_output (fixture->path, "cat-file", "-p", "consultation-1", NULL);
  g_assert_nonnull (strstr (contents, "\ntagger Bob Durand <bob@example.org> "));
  g_assert_nonnull (strstr (contents, "\n\nSent to the regions"));
  target = accord_test_git_output (fixture->path, "rev-parse", "consultation-1^{commit}", NULL);
  g_assert_true (g_str_has_prefix (target, head));

  /* The configured identity when none is given; the name as message. */
  g_assert_true (accord_repository_tag (repository, "v1.0", NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = accord_test_git_output (fixture->path, "cat-file", "-p", "v1.0", NULL);
  g_assert_nonnull (strstr (contents, "\ntagger Config Author <config@example.org> "));
  g_assert_nonnull (strstr (contents, "\n\nv1.0"));

  /* Names are unique. */
  g_assert_false (accord_repository_tag (repository, "consultation-1", "Again", BOB, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("milestone “%s”", invalid[i]);
      g_assert_false (accord_repository_tag (repository, invalid[i], "Bad", BOB, &error));
      g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_INVALID_NAME);
      g_clear_error (&error);
    }

  {
    g_autofree char *tags = accord_test_git_output (fixture->path, "tag", "--list", NULL);

    g_assert_cmpstr (tags, ==, "consultation-1\nv1.0\n");
  }

  /* A milestone named afterwards, on an older revision. */
  {
    g_autofree char *second = save_title (repository, "s-one", "One v2", "Version 2");
    g_autofree char *tagged = NULL;
    g_autoptr(GPtrArray) log = NULL;

    g_assert_cmpstr (second, !=, head);
    g_assert_true (accord_repository_tag_revision (repository, head, "first-draft", "As sent",
                                                   BOB, &error));
    g_assert_no_error (error);
    tagged = accord_test_git_output (fixture->path, "rev-parse", "first-draft^{commit}", NULL);
    g_assert_true (g_str_has_prefix (tagged, head));

    log = accord_repository_log (repository, NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_false (g_strv_contains ((const char * const *)
                                     ((AccordRevision *) g_ptr_array_index (log, 0))->tags,
                                     "first-draft"));
    g_assert_true (g_strv_contains ((const char * const *)
                                    ((AccordRevision *) g_ptr_array_index (log, 1))->tags,
                                    "first-draft"));

    g_assert_false (accord_repository_tag_revision (repository, "no-such-revision", "x", "x",
                                                    BOB, &error));
    g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION);
    g_clear_error (&error);
  }
}

static void
test_load_revision (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) old = NULL;
  g_autoptr(AccordStrategy) current = NULL;
  g_autoptr(AccordStrategy) work = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *second = NULL;
  g_autofree char *prefix = g_strndup (first, 7);
  g_autofree char *resolved = NULL;

  g_assert_true (accord_repository_tag (repository, "first", "First", ALICE, &error));
  second = save_title (repository, "s-one", "One, later", "Later");
  {
    g_autoptr(AccordStrategy) strategy = accord_test_load (repository);

    accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-unsaved",
                     "order", "z", "title", "U", NULL);
    accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One, unsaved");
    accord_test_write (repository, strategy);
  }

  /* By a prefix of its id. */
  old = accord_repository_load_revision (repository, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (old, "s-one"), ==, "One");
  g_assert_null (accord_strategy_lookup (old, "s-unsaved"));
  g_assert_cmpuint (accord_strategy_get_problems (old)->len, ==, 0);
  g_assert_cmpuint (accord_strategy_count (old, ACCORD_ENTITY_COMMENT), ==, 1);
  g_assert_cmpstr (accord_comment_get_answer (ACCORD_COMMENT (accord_strategy_lookup (old, "c-1"))),
                   ==, "Thanks!\n");
  g_clear_object (&old);

  /* By milestone, by full id, relative to HEAD. */
  old = accord_repository_load_revision (repository, "first", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (old, "s-one"), ==, "One");
  g_clear_object (&old);
  old = accord_repository_load_revision (repository, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (old, "s-one"), ==, "One");
  g_clear_object (&old);
  old = accord_repository_load_revision (repository, "HEAD~1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (old, "s-one"), ==, "One");

  /* The last revision, not the unsaved work. */
  current = accord_repository_load_revision (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (current, "s-one"), ==, "One, later");
  g_assert_null (accord_strategy_lookup (current, "s-unsaved"));
  work = load_clean (repository);
  g_assert_cmpstr (title_of (work, "s-one"), ==, "One, unsaved");
  g_assert_nonnull (accord_strategy_lookup (work, "s-unsaved"));

  resolved = accord_repository_resolve (repository, "first", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, first);
  g_clear_pointer (&resolved, g_free);
  resolved = accord_repository_resolve (repository, "HEAD", &error);
  g_assert_cmpstr (resolved, ==, second);

  /* Names of nothing. */
  {
    const char * const unknown[] = {
      "no-such-tag", "0000000", "deadbeefdeadbeef", "HEAD~5", "main:x",
      "HEAD^{tree}", "main:strategy.md", "a..b", NULL
    };

    for (guint i = 0; unknown[i] != NULL; i++)
      {
        g_autoptr(AccordStrategy) none = accord_repository_load_revision (repository, unknown[i],
                                                                          &error);

        g_test_message ("revision “%s”", unknown[i]);
        g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION);
        g_assert_null (none);
        g_clear_error (&error);
      }
  }
}

static void
test_restore_entity (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *second = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *message = NULL;
  g_autofree char *head = NULL;

  strategy = accord_test_load (repository);
  second = save_version_2 (repository, strategy);
  g_clear_object (&strategy);

  /* s-one comes back as it was; s-two keeps its new title. */
  restored = accord_repository_restore (repository, first, "s-one", BOB, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (restored, !=, second);
  head = accord_repository_dup_head (repository);
  g_assert_cmpstr (head, ==, restored);

  strategy = load_clean (repository);
  g_assert_cmpstr (title_of (strategy, "s-one"), ==, "One");
  g_assert_cmpstr (title_of (strategy, "s-two"), ==, "Two v2");
  g_clear_object (&strategy);

  changed = dup_changed (fixture, restored, "--name-only");
  g_assert_cmpstr (changed, ==, "sections/s-one.md\n");
  message = accord_test_git_output (fixture->path, "log", "-1", "--format=%an|%s", NULL);
  g_assert_true (g_str_has_prefix (message, "Bob Durand|"));
  g_assert_nonnull (strstr (message, "s-one"));
  assert_clean (fixture->path);
  assert_n_revisions (fixture, 3);

  /* The history still holds version 2. */
  {
    g_autoptr(AccordStrategy) v2 = accord_repository_load_revision (repository, second, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (title_of (v2, "s-one"), ==, "One v2");
  }

  /* Restoring what is already there saves nothing. */
  g_assert_null (accord_repository_restore (repository, first, "s-one", BOB, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_clear_error (&error);

  /* Unknown entities and revisions. */
  g_assert_null (accord_repository_restore (repository, first, "s-never", BOB, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (accord_repository_restore (repository, "no-such-revision", "s-one", BOB, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION);
  g_clear_error (&error);
}

static void
test_restore_removes_new (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *restored = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *file = g_build_filename (fixture->path, "sections", "s-late.md", NULL);

  strategy = accord_test_load (repository);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-late", "order", "z", "title", "Late", NULL);
  accord_test_write (repository, strategy);
  g_free (accord_test_save (repository, "Add a late section", ALICE));
  g_clear_object (&strategy);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  /* It did not exist in the first revision, so restoring removes it. */
  restored = accord_repository_restore (repository, first, "s-late", ALICE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  changed = dup_changed (fixture, restored, "--name-status");
  g_assert_cmpstr (changed, ==, "D\tsections/s-late.md\n");

  strategy = load_clean (repository);
  g_assert_null (accord_strategy_lookup (strategy, "s-late"));
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), ==, 3);
}

static void
test_restore_strategy (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordStrategy) first_state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *restored = NULL;
  g_autofree char *changed = NULL;

  strategy = accord_test_load (repository);
  accord_test_set (ACCORD_ENTITY (strategy), "title", "Renamed strategy");
  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One v2");
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-new", "order", "z", "title", "New", NULL);
  g_assert_true (accord_strategy_remove (strategy, "c-1", &error));
  g_assert_no_error (error);
  accord_test_write (repository, strategy);
  g_free (accord_test_save (repository, "Many changes", ALICE));
  g_clear_object (&strategy);

  restored = accord_repository_restore (repository, first, NULL, ALICE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);

  /* The tree is the first one again, in a new revision. */
  {
    g_autofree char *tree = accord_test_git_output (fixture->path, "rev-parse", "HEAD^{tree}",
                                                    NULL);
    g_autofree char *first_tree = accord_test_git_output (fixture->path, "rev-parse",
                                                          "HEAD~2^{tree}", NULL);

    g_assert_cmpstr (tree, ==, first_tree);
  }
  assert_n_revisions (fixture, 3);
  changed = dup_changed (fixture, restored, "--name-status");
  g_assert_cmpstr (changed, ==,
                   "A\tcomments/c-1.md\n"
                   "D\tsections/s-new.md\n"
                   "M\tsections/s-one.md\n"
                   "M\tstrategy.md\n");

  strategy = load_clean (repository);
  first_state = accord_repository_load_revision (repository, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, "Stratégie numérique");
  g_assert_cmpstr (title_of (strategy, "s-one"), ==, "One");
  g_assert_null (accord_strategy_lookup (strategy, "s-new"));
  g_assert_nonnull (accord_strategy_lookup (strategy, "c-1"));
  for (AccordEntityKind kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    g_assert_cmpuint (accord_strategy_count (strategy, kind), ==,
                      accord_strategy_count (first_state, kind));
  {
    assert_clean (fixture->path);
  }
}

static void
test_restore_unsaved (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *restored = NULL;

  strategy = accord_test_load (repository);
  second = save_version_2 (repository, strategy);

  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One, being edited");
  accord_test_write (repository, strategy);

  /* The file has unsaved edits: they are not thrown away. */
  g_assert_null (accord_repository_restore (repository, first, "s-one", ALICE, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAVED_CHANGES);
  g_clear_error (&error);
  contents = accord_test_read_file (fixture->path, "sections/s-one.md");
  g_assert_nonnull (strstr (contents, "\ntitle: One, being edited\n"));

  g_assert_null (accord_repository_restore (repository, first, NULL, ALICE, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAVED_CHANGES);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  contents = accord_test_read_file (fixture->path, "sections/s-one.md");
  g_assert_nonnull (strstr (contents, "\ntitle: One, being edited\n"));

  {
    g_autofree char *head = accord_repository_dup_head (repository);

    g_assert_cmpstr (head, ==, second);
  }

  /* Another entity, without unsaved edits, can be restored; the unsaved
   * edits stay unsaved. */
  restored = accord_repository_restore (repository, first, "s-two", ALICE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_clear_pointer (&contents, g_free);
  contents = accord_test_read_file (fixture->path, "sections/s-two.md");
  g_assert_nonnull (strstr (contents, "\ntitle: Two\n"));
  g_clear_pointer (&contents, g_free);
  contents = accord_test_read_file (fixture->path, "sections/s-one.md");
  g_assert_nonnull (strstr (contents, "\ntitle: One, being edited\n"));
  {
    g_autofree char *changed = dup_changed (fixture, restored, "--name-only");
    g_autofree char *status = accord_test_git_output (fixture->path, "status", "--porcelain", NULL);

    g_assert_cmpstr (changed, ==, "sections/s-two.md\n");
    g_assert_cmpstr (status, ==, " M sections/s-one.md\n");
  }
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = accord_test_load (repository);
  g_autoptr(AccordStrategy) reloaded = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = accord_repository_dup_head (repository);
  g_autofree char *after = NULL;
  g_autofree char *notes = g_build_filename (fixture->path, "notes.txt", NULL);
  g_autofree char *contents = NULL;

  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "title", "One, edited");
  accord_test_set (ACCORD_ENTITY (strategy), "title", "Another title");
  g_assert_true (accord_strategy_remove (strategy, "s-two", &error));
  g_assert_no_error (error);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-new", "order", "z", "title", "New", NULL);
  accord_test_write (repository, strategy);
  g_assert_true (g_file_set_contents (notes, "mine\n", -1, NULL));

  g_assert_true (accord_repository_discard (repository, &error));
  g_assert_no_error (error);

  /* Every change is gone, the revision is the same, and the stray file
   * that is not the strategy's stays. */
  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    g_assert_false (g_str_has_prefix (((AccordChange *) g_ptr_array_index (changes, i))->path,
                                      "sections/"));
  reloaded = load_clean (repository);
  g_assert_cmpstr (title_of (reloaded, "s-one"), ==, "One");
  g_assert_cmpstr (title_of (reloaded, "s-two"), ==, "Two");
  g_assert_null (accord_strategy_lookup (reloaded, "s-new"));
  g_assert_cmpstr (accord_strategy_get_title (reloaded), ==, "Stratégie numérique");
  after = accord_repository_dup_head (repository);
  g_assert_cmpstr (after, ==, head);
  g_assert_true (g_file_get_contents (notes, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine\n");

  /* Nothing left to discard is not an error. */
  g_assert_true (accord_repository_discard (repository, &error));
  g_assert_no_error (error);
}

static void
test_describe_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(AccordStrategy) strategy = accord_test_load (repository);
  g_autoptr(GError) error = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *message = NULL;
  g_autofree char *many = NULL;

  nothing = accord_repository_describe_changes (repository, strategy, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_assert_null (nothing);
  g_clear_error (&error);

  accord_test_set (accord_strategy_lookup (strategy, "s-one"), "body", "Rewritten.");
  accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, "o-new", "section", "s-one", "order", "z",
                   "code", "O2.3", "title", "New objective", NULL);
  g_assert_true (accord_strategy_remove (strategy, "s-child", &error));
  g_assert_no_error (error);
  accord_test_write (repository, strategy);

  /* Files come sorted by path: objectives, then sections. */
  message = accord_repository_describe_changes (repository, strategy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (message, ==,
                   "Added objective O2.3; removed section “Child”; edited “One”");

  /* Comments are counted; long lists are cut short. */
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-2", "target", "s-one", "body", "A", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-3", "target", "s-one", "body", "B", NULL);
  accord_test_set (accord_strategy_lookup (strategy, "s-two"), "title", "Two, again");
  accord_test_set (ACCORD_ENTITY (strategy), "subtitle", "Sous-titre");
  accord_test_write (repository, strategy);
  many = accord_repository_describe_changes (repository, strategy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (many, ==,
                   "Added objective O2.3; removed section “Child”; edited “One”; "
                   "and 3 more changes");
}

static void
test_adopt (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AccordRepository) original = create_repository (fixture);
  g_autoptr(AccordRepository) adopted = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->tmpdir, "copy", NULL);
  g_autofree char *git_dir = g_build_filename (copy, ".git", NULL);
  g_autofree char *empty = g_build_filename (fixture->tmpdir, "empty", NULL);

  /* A copy of the files without the repository, as an archive gives. */
  g_free (accord_test_git_output (fixture->tmpdir, "clone", "-q", fixture->path, copy, NULL));
  accord_test_remove_tree (git_dir);

  adopted = accord_repository_adopt (copy, ALICE, "Imported", &error);
  g_assert_no_error (error);
  g_assert_nonnull (adopted);

  strategy = load_clean (adopted);
  g_assert_cmpstr (title_of (strategy, "s-one"), ==, "One");
  changes = accord_repository_status (adopted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  log = accord_repository_log (adopted, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((AccordRevision *) g_ptr_array_index (log, 0))->message, ==, "Imported");

  /* Twice, or on a folder without a strategy: refused, nothing made. */
  g_assert_null (accord_repository_adopt (copy, ALICE, NULL, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  g_assert_null (accord_repository_adopt (empty, ALICE, NULL, &error));
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY);
  g_clear_pointer (&git_dir, g_free);
  git_dir = g_build_filename (empty, ".git", NULL);
  g_assert_false (g_file_test (git_dir, G_FILE_TEST_EXISTS));
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AccordStrategy) initial = accord_strategy_new ("Shared strategy", "en");
  g_autoptr(AccordRepository) origin = NULL;
  g_autoptr(AccordRepository) clone_a = NULL;
  g_autoptr(AccordRepository) clone_b = NULL;
  g_autoptr(AccordStrategy) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = g_build_filename (fixture->tmpdir, "a", NULL);
  g_autofree char *path_b = g_build_filename (fixture->tmpdir, "b", NULL);
  g_autofree char *order = NULL;
  g_autofree char *section_a = NULL;
  g_autofree char *section_b = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *status = NULL;
  g_autofree char *parents = NULL;
  GListModel *top;
  AccordEntity *objective;

  order = accord_order_key_between (NULL, NULL);
  accord_test_add (initial, ACCORD_ENTITY_SECTION, "s-1", "order", order, "title", "S1", NULL);
  accord_test_add (initial, ACCORD_ENTITY_OBJECTIVE, "o-1", "section", "s-1", "order", order,
                   "title", "Objective", "lead", "Nobody yet", "status", "planned", NULL);
  origin = accord_test_create (fixture->path, initial, ALICE, "Start");

  g_free (accord_test_git_output (fixture->tmpdir, "clone", "-q", fixture->path, path_a, NULL));
  g_free (accord_test_git_output (fixture->tmpdir, "clone", "-q", fixture->path, path_b, NULL));

  /* A adds a section after S1 and changes the objective's lead. */
  clone_a = accord_repository_open (path_a, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AccordStrategy) strategy = load_clean (clone_a);
    g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, NULL);
    g_autofree char *after = accord_strategy_dup_order_after (strategy, NULL, "s-1",
                                                              ACCORD_ENTITY_SECTION);

    g_assert_nonnull (after);
    accord_test_set (section, "order", after);
    accord_test_set (section, "title", "Added by A");
    g_assert_true (accord_strategy_add (strategy, section, &error));
    section_a = g_strdup (accord_entity_get_id (section));
    accord_test_set (accord_strategy_lookup (strategy, "o-1"), "lead", "Team A");
    accord_test_write (clone_a, strategy);
    g_free (accord_test_save (clone_a, "A's work", ALICE));
  }

  /* B, at the same time, adds another section after S1 and renames the
   * objective. */
  clone_b = accord_repository_open (path_b, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AccordStrategy) strategy = load_clean (clone_b);
    g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, NULL);
    g_autofree char *after = accord_strategy_dup_order_after (strategy, NULL, "s-1",
                                                              ACCORD_ENTITY_SECTION);

    accord_test_set (section, "order", after);
    accord_test_set (section, "title", "Added by B");
    g_assert_true (accord_strategy_add (strategy, section, &error));
    section_b = g_strdup (accord_entity_get_id (section));
    accord_test_set (accord_strategy_lookup (strategy, "o-1"), "title", "Objective, as B puts it");
    accord_test_write (clone_b, strategy);
    g_free (accord_test_save (clone_b, "B's work", BOB));
  }
  g_assert_cmpstr (section_a, !=, section_b);

  /* A takes B's work with plain git: no conflict. */
  g_free (accord_test_git_output (path_a, "pull", "--quiet", "--no-rebase", "--no-edit",
                                    path_b, "main", NULL));
  conflicts = accord_test_git_output (path_a, "diff", "--name-only", "--diff-filter=U", NULL);
  g_assert_cmpstr (conflicts, ==, "");
  assert_clean (path_a);
  parents = accord_test_git_output (path_a, "log", "-1", "--format=%P", NULL);
  g_assert_nonnull (strchr (parents, ' '));

  /* The merged strategy has everything, and nothing wrong. */
  g_clear_object (&clone_a);
  clone_a = accord_repository_open (path_a, &error);
  g_assert_no_error (error);
  merged = load_clean (clone_a);
  g_assert_cmpstr (title_of (merged, section_a), ==, "Added by A");
  g_assert_cmpstr (title_of (merged, section_b), ==, "Added by B");
  objective = accord_strategy_lookup (merged, "o-1");
  g_assert_cmpstr (accord_entity_get_field (objective, "lead"), ==, "Team A");
  g_assert_cmpstr (accord_entity_get_field (objective, "title"), ==, "Objective, as B puts it");
  g_assert_cmpstr (accord_entity_get_field (objective, "status"), ==, "planned");

  /* S1 first, then both new sections, in a stable order. */
  top = accord_strategy_get_children (merged, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 3);
  {
    g_autoptr(AccordEntity) first = g_list_model_get_item (top, 0);
    g_autoptr(AccordEntity) second = g_list_model_get_item (top, 1);
    g_autoptr(AccordEntity) third = g_list_model_get_item (top, 2);
    gboolean a_first = strcmp (section_a, section_b) < 0;

    g_assert_cmpstr (accord_entity_get_id (first), ==, "s-1");
    g_assert_cmpstr (accord_entity_get_id (second), ==, a_first ? section_a : section_b);
    g_assert_cmpstr (accord_entity_get_id (third), ==, a_first ? section_b : section_a);
  }

  /* The merge shows in the history, with what it brought. */
  {
    g_autoptr(GPtrArray) log = accord_repository_log (clone_a, NULL, 0, &error);
    AccordRevision *merge;

    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 4);
    merge = g_ptr_array_index (log, 0);
    g_assert_true (has_change (merge->changes, "objectives/o-1.md", ACCORD_CHANGE_MODIFIED));
  }
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
test_restore_refuses_paths (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *victim = g_build_filename (fixture->tmpdir, "victim.md", NULL);
  g_autofree char *revision = NULL;

  g_assert_true (g_file_set_contents (victim, "keep me", -1, NULL));

  revision = accord_repository_restore (repository, "HEAD", "../../victim", ALICE, &error);
  g_assert_null (revision);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION);
  g_assert_true (g_file_test (victim, G_FILE_TEST_EXISTS));
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

/* A restore whose revision cannot be made puts the files back. */
static void
test_restore_failure_undone (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = accord_repository_dup_head (repository);
  g_autofree char *second = save_title (repository, "s-one", "One v2", "Version 2");
  g_autofree char *lock = g_build_filename (fixture->path, ".git", "refs", "heads", "main.lock",
                                            NULL);
  g_autofree char *before = accord_test_read_file (fixture->path, "sections/s-one.md");
  g_autofree char *after = NULL;
  g_autofree char *head = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) git = NULL;

  /* A git command running in the repository holds the branch: the
   * revision cannot be recorded. */
  g_assert_true (g_file_set_contents (lock, "", 0, NULL));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, fixture->path);
  git = g_subprocess_launcher_spawn (launcher, &error, "git", "hash-object", "--stdin", NULL);
  g_assert_no_error (error);
  restored = accord_repository_restore (repository, first, "s-one", BOB, &error);
  g_assert_null (restored);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_BUSY);
  g_subprocess_force_exit (git);
  g_assert_true (g_subprocess_wait (git, NULL, NULL));
  g_assert_cmpint (g_unlink (lock), ==, 0);

  after = accord_test_read_file (fixture->path, "sections/s-one.md");
  g_assert_cmpstr (after, ==, before);
  head = accord_repository_dup_head (repository);
  g_assert_cmpstr (head, ==, second);
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

/* A tag of a folder or a file marks no revision: the history lists no
 * milestone for it, and is read all the same. */
static void
test_log_tag_of_tree (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AccordRepository) repository = create_repository (fixture);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tagged = NULL;
  AccordRevision *revision;

  g_assert_true (accord_repository_tag (repository, "sent", "Sent out", ALICE, &error));
  g_assert_no_error (error);
  tagged = accord_test_git_output (fixture->path, "tag", "-a", "-m", "A folder", "folder",
                                   "HEAD:sections", NULL);
  g_clear_pointer (&tagged, g_free);
  tagged = accord_test_git_output (fixture->path, "tag", "file", "HEAD:strategy.md", NULL);

  log = accord_repository_log (repository, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  revision = g_ptr_array_index (log, 0);
  g_assert_cmpuint (g_strv_length (revision->tags), ==, 1);
  g_assert_cmpstr (revision->tags[0], ==, "sent");
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

  /* git must not pick up a repository or settings from where the tests
   * run. */
  g_unsetenv ("GIT_DIR");
  g_unsetenv ("GIT_WORK_TREE");
  g_unsetenv ("GIT_INDEX_FILE");
  g_unsetenv ("GIT_AUTHOR_NAME");
  g_unsetenv ("GIT_AUTHOR_EMAIL");
  g_unsetenv ("GIT_COMMITTER_NAME");
  g_unsetenv ("GIT_COMMITTER_EMAIL");
  g_unsetenv ("EMAIL");

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
  ADD ("log-tag-of-tree", test_log_tag_of_tree);
  ADD ("unreadable-tree", test_unreadable_tree);
  ADD ("save-finds-changes", test_save_finds_changes);
  ADD ("author", test_author);
  ADD ("log", test_log);
  ADD ("tag", test_tag);
  ADD ("load-revision", test_load_revision);
  ADD ("restore-entity", test_restore_entity);
  ADD ("restore-removes-new", test_restore_removes_new);
  ADD ("restore-strategy", test_restore_strategy);
  ADD ("restore-unsaved", test_restore_unsaved);
  ADD ("discard", test_discard);
  ADD ("adopt", test_adopt);
  ADD ("describe-changes", test_describe_changes);
  ADD ("merge", test_merge);
  ADD ("huge-file", test_huge_file);
  ADD ("removed-stays-removed", test_removed_stays_removed);
  ADD ("restore-refuses-paths", test_restore_refuses_paths);
  ADD ("save-ignores-other-files", test_save_ignores_other_files);
  ADD ("unreadable-strategy-file", test_unreadable_strategy_file);
  ADD ("clear-empty-list", test_clear_empty_list);
  ADD ("restore-failure-undone", test_restore_failure_undone);

#undef ADD

  status = g_test_run ();

  accord_test_remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);

  return status;
}
