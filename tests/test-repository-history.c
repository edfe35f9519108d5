/* test-repository-history.c
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

  ADD ("log-tag-of-tree", test_log_tag_of_tree);

  ADD ("log", test_log);
  ADD ("tag", test_tag);
  ADD ("load-revision", test_load_revision);
  ADD ("restore-entity", test_restore_entity);
  ADD ("restore-removes-new", test_restore_removes_new);
  ADD ("restore-strategy", test_restore_strategy);
  ADD ("restore-unsaved", test_restore_unsaved);
  ADD ("discard", test_discard);

  ADD ("restore-refuses-paths", test_restore_refuses_paths);

  ADD ("restore-failure-undone", test_restore_failure_undone);

#undef ADD

  status = g_test_run ();

  accord_test_remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);

  return status;
}
