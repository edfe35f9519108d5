/* test-repository-merge.c
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

  ADD ("adopt", test_adopt);
  ADD ("describe-changes", test_describe_changes);
  ADD ("merge", test_merge);

#undef ADD

  status = g_test_run ();

  accord_test_remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);

  return status;
}
