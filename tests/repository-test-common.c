/* repository-test-common.c
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

/* The HOME of the whole test program, made before any thread starts:
 * changing the environment later is not safe. */
char *test_home;

void
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
 * ours, and nothing from the real one or from where the tests run. */
void
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

  /* Nor a repository or an identity from where the tests run. */
  g_unsetenv ("GIT_DIR");
  g_unsetenv ("GIT_WORK_TREE");
  g_unsetenv ("GIT_INDEX_FILE");
  g_unsetenv ("GIT_AUTHOR_NAME");
  g_unsetenv ("GIT_AUTHOR_EMAIL");
  g_unsetenv ("GIT_COMMITTER_NAME");
  g_unsetenv ("GIT_COMMITTER_EMAIL");
  g_unsetenv ("EMAIL");

  /* libgit2 may have looked HOME up already. */
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL,
                                     test_home), ==, 0);
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG,
                                     xdg_git), ==, 0);
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM,
                                     system), ==, 0);
}

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  accord_test_folder_setup (fixture, data);

  /* Each test starts with an identity in git's configuration. */
  write_git_config (test_home, TRUE);
}

/* A small strategy with one entity of every kind and some texts that are
 * easy to get wrong. */
AccordStrategy *
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

AccordRepository *
create_repository (Fixture *fixture)
{
  g_autoptr(AccordStrategy) strategy = make_strategy ();

  return accord_test_create (fixture->path, strategy, ALICE, "First version");
}

AccordStrategy *
load_clean (AccordRepository *repository)
{
  AccordStrategy *strategy = accord_test_load (repository);

  accord_test_assert_no_problems (accord_strategy_get_problems (strategy));

  return strategy;
}

/* Changes the title of @id and saves it. */
char *
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

const char *
title_of (AccordStrategy *strategy,
          const char     *id)
{
  AccordEntity *entity = accord_strategy_lookup (strategy, id);

  g_assert_nonnull (entity);

  return accord_entity_get_field (entity, "title");
}

/* Asserts that git finds nothing to commit in the work tree. */
void
assert_clean (const char *path)
{
  g_autofree char *status = accord_test_git_output (path, "status", "--porcelain",
                                                    "--untracked-files=all", NULL);

  g_assert_cmpstr (status, ==, "");
}

void
assert_n_revisions (Fixture *fixture,
                    guint    expected)
{
  g_autofree char *count = accord_test_git_output (fixture->path, "rev-list", "--count", "HEAD",
                                                   NULL);

  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), ==, expected);
}

/* The files @revision changed, as git diff-tree lists them in @format,
 * "--name-only" or "--name-status". */
char *
dup_changed (Fixture    *fixture,
             const char *revision,
             const char *format)
{
  return accord_test_git_output (fixture->path, "diff-tree", "--no-commit-id", format, "-r",
                                 revision, NULL);
}

gboolean
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
