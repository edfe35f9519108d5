/* test-cli-history.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "accord.h"
#include "accord-test-util.h"
#include "cli-test-common.h"

static void
remove_entity (Fixture    *f,
               const char *id)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GError) error = NULL;

  accord_strategy_remove (strategy, id, &error);
  g_assert_no_error (error);
  accord_test_write (repository, strategy);
}

static void
make_milestone (Fixture    *f,
                const char *name)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GError) error = NULL;

  accord_repository_tag (repository, name, name, AUTHOR, &error);
  g_assert_no_error (error);
}

static guint
count_unsaved (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);

  return changes->len;
}

/* save */

static void
test_save_revision (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *out = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);

  g_assert_cmpuint (count_unsaved (f), ==, 1);
  out = run_ok (f, "save", f->dir, "-m", "Add the first section", NULL);
  g_assert_true (is_short_id (out, 7));
  g_assert_cmpstr (out + 7, ==, " Add the first section");
  g_assert_cmpuint (count_unsaved (f), ==, 0);
}

static void
test_save_nothing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  before = dup_tree (f);

  g_assert_cmpint (run (f, "save", f->dir, "-m", "Nothing new", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Nothing to save\n");
  g_assert_cmpstr (f->err, ==, "");

  assert_tree (f, before);
  revision = dup_last_revision (f);
  g_assert_cmpstr (revision->message, ==, "Create the strategy");
}

static void
test_save_author (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *out = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);
  out = run_ok (f, "save", f->dir, "-m", "By Bob", "--author", "Bob Smith <bob@example.org>",
                NULL);

  revision = dup_last_revision (f);
  g_assert_cmpstr (revision->message, ==, "By Bob");
  g_assert_cmpstr (revision->author_name, ==, "Bob Smith");
  g_assert_cmpstr (revision->author_email, ==, "bob@example.org");
}

static void
test_save_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *before = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);
  before = dup_tree (f);

  expect_failure (f, 2, "A revision needs a message", "save", f->dir, NULL);
  expect_failure (f, 2, "A revision needs a message", "save", f->dir, "-m", "  ", NULL);
  expect_failure (f, 1, "“Bob” is not an author written “Name <e-mail>”", "save", f->dir, "-m", "X",
                  "--author", "Bob", NULL);
  expect_failure (f, 1, "is not a strategy", "save", f->tmpdir, "-m", "X", NULL);

  assert_tree (f, before);
}

/* log */

/* Makes three revisions after the first: a section added, a milestone,
 * the section renamed and an objective added, then the section removed
 * with its objective. Returns the section's id. */
static char *
make_history (Fixture *f)
{
  g_autofree char *section = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *out = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);
  out = commit (f, "Add A");
  make_milestone (f, "draft-1");
  set_title (f, section, "A renamed");
  objective = add_objective (f, section, "An objective");
  g_free (run_ok (f, "save", f->dir, "-m", "Rename A\n\nAnd add an objective.", NULL));
  remove_entity (f, objective);
  g_free (run_ok (f, "save", f->dir, "-m", "Remove the objective", NULL));

  return g_steal_pointer (&section);
}

static void
test_log_text (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *section = make_history (f);
  g_autofree char *out = run_ok (f, "log", f->dir, NULL);
  g_auto(GStrv) revisions = g_strsplit (out, "\n\n", -1);
  g_auto(GStrv) lines = NULL;
  g_autofree char *expected = NULL;

  /* Newest first, a blank line between revisions (and in a message). */
  g_assert_cmpuint (g_strv_length (revisions), ==, 5);

  lines = g_strsplit (revisions[0], "\n", -1);
  g_assert_true (is_short_id (lines[0], 7));
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{7}  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
                                       "\\+01:00  Ada Lovelace <ada@example.org>$",
                                       lines[0], 0, 0));
  g_assert_cmpstr (lines[1], ==, "    Remove the objective");
  g_assert_true (g_str_has_prefix (lines[2], "    removed objective o-"));
  g_assert_null (lines[3]);

  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[1], "\n", -1);
  g_assert_cmpstr (lines[1], ==, "    Rename A");
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[2], "\n", -1);
  g_assert_cmpstr (lines[0], ==, "    And add an objective.");
  g_assert_true (g_str_has_prefix (lines[1], "    added objective o-"));
  expected = g_strdup_printf ("    modified section %s", section);
  g_assert_cmpstr (lines[2], ==, expected);

  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[3], "\n", -1);
  g_assert_cmpstr (lines[1], ==, "    milestone: draft-1");
  g_assert_cmpstr (lines[2], ==, "    Add A");
  g_free (expected);
  expected = g_strdup_printf ("    added section %s", section);
  g_assert_cmpstr (lines[3], ==, expected);

  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[4], "\n", -1);
  g_assert_cmpstr (lines[1], ==, "    Create the strategy");
  g_assert_cmpstr (lines[2], ==, "    added .gitattributes");
  g_assert_cmpstr (lines[3], ==, "    added strategy");
}

static void
test_log_json (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *section = make_history (f);
  g_autoptr(JsonNode) root = run_json (f, "log", f->dir, NULL);
  JsonArray *changes;
  JsonObject *revision;
  JsonObject *change;
  g_autofree char *path = g_strdup_printf ("sections/%s.md", section);

  assert_n_items (root, 4);

  revision = get_object_at (root, 2);
  g_assert_cmpuint (json_object_get_size (revision), ==, 8);
  g_assert_cmpuint (strlen (json_object_get_string_member (revision, "id")), ==, 40);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (revision, "id"),
                                   json_object_get_string_member (revision, "short-id")));
  g_assert_cmpuint (strlen (json_object_get_string_member (revision, "short-id")), ==, 7);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+01:00$",
                                       json_object_get_string_member (revision, "date"), 0, 0));
  g_assert_cmpstr (json_object_get_string_member (revision, "author-name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (revision, "author-email"), ==,
                   "ada@example.org");
  g_assert_cmpstr (json_object_get_string_member (revision, "message"), ==, "Add A");
  assert_strv_member (revision, "milestones", "draft-1");

  changes = json_object_get_array_member (revision, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpuint (json_object_get_size (change), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (change, "path"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "added");
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "section");
  g_assert_cmpstr (json_object_get_string_member (change, "id"), ==, section);

  revision = get_object_at (root, 1);
  g_assert_cmpstr (json_object_get_string_member (revision, "message"), ==,
                   "Rename A\n\nAnd add an objective.");
  assert_strv_member (revision, "milestones", "");

  /* Files that are not entities have no kind nor id. */
  revision = get_object_at (root, 3);
  changes = json_object_get_array_member (revision, "changes");
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "path"), ==, ".gitattributes");
  g_assert_true (json_object_get_null_member (change, "kind"));
  g_assert_true (json_object_get_null_member (change, "id"));
  change = json_array_get_object_element (changes, 1);
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "strategy");
  g_assert_cmpstr (json_object_get_string_member (change, "id"), ==, "strategy");
}

static void
test_log_count_and_revision (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *section = make_history (f);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = run_json (f, "log", f->dir, "-n", "2", NULL);
  assert_n_items (root, 2);
  g_assert_cmpstr (json_object_get_string_member (get_object_at (root, 0), "message"), ==,
                   "Remove the objective");

  g_clear_pointer (&root, json_node_unref);
  root = run_json (f, "log", f->dir, "--rev", "draft-1", NULL);
  assert_n_items (root, 2);
  g_assert_cmpstr (json_object_get_string_member (get_object_at (root, 0), "message"), ==,
                   "Add A");

  g_clear_pointer (&root, json_node_unref);
  root = run_json (f, "log", f->dir, "--rev", "HEAD~1", "-n", "1", NULL);
  assert_n_items (root, 1);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (get_object_at (root, 0),
                                                                  "message"),
                                   "Rename A"));

  g_free (out);
  out = run_ok (f, "log", f->dir, "-n", "1", NULL);
  g_assert_null (strstr (out, "\n\n"));

  expect_failure (f, 1, "There is no revision “no-such-revision”", "log", f->dir, "--rev",
                  "no-such-revision", NULL);
  expect_failure (f, 2, "-n needs a number", "log", f->dir, "-n", "0", NULL);
  expect_failure (f, 2, "many", "log", f->dir, "-n", "many", NULL);
}

/* tag */

static void
test_tag (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  revision = dup_last_revision (f);
  expected = g_strdup_printf ("%.7s consultation-1", revision->id);

  out = run_ok (f, "tag", f->dir, "consultation-1", "-m", "Sent out for consultation",
                "--author", "Bob Smith <bob@example.org>", NULL);
  g_assert_cmpstr (out, ==, expected);

  g_free (run_ok (f, "tag", f->dir, "v1.0", "-m", "Adopted", NULL));

  g_clear_pointer (&revision, accord_revision_free);
  revision = dup_last_revision (f);
  g_assert_cmpuint (g_strv_length (revision->tags), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) revision->tags, "consultation-1"));
  g_assert_true (g_strv_contains ((const char * const *) revision->tags, "v1.0"));

  /* An older revision, named afterwards. */
  {
    g_autofree char *first = g_strdup (revision->id);
    g_autofree char *first_expected = g_strdup_printf ("%.7s first-draft", first);

    g_free (run_ok (f, "section", "add", f->dir, "--title", "Later", NULL));
    g_free (run_ok (f, "save", f->dir, "-m", "Second", NULL));
    g_free (out);
    out = run_ok (f, "tag", f->dir, "first-draft", "-m", "As sent", "--rev", first, NULL);
    g_assert_cmpstr (out, ==, first_expected);

    g_clear_pointer (&revision, accord_revision_free);
    revision = dup_last_revision (f);
    g_assert_cmpstr (revision->id, !=, first);
    g_assert_false (g_strv_contains ((const char * const *) revision->tags, "first-draft"));
    expect_failure (f, 1, "There is no revision “nowhere”", "tag", f->dir, "x", "-m", "X",
                    "--rev", "nowhere", NULL);
  }
}

static void
test_tag_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *before = NULL;

  init_strategy (f);
  make_milestone (f, "v1");
  before = dup_tree (f);

  expect_failure (f, 1, "There is already a milestone named “v1”", "tag", f->dir, "v1", "-m",
                  "Again", NULL);
  expect_failure (f, 1, "“two words” cannot name a milestone", "tag", f->dir, "two words", "-m",
                  "X", NULL);
  expect_failure (f, 1, "is not an author written", "tag", f->dir, "v2", "-m", "X", "--author",
                  "nobody", NULL);
  expect_failure (f, 2, "A milestone needs a message", "tag", f->dir, "v2", NULL);
  expect_failure (f, 2, "usage: accord-cli tag [OPTION…] DIR NAME", "tag", f->dir, "-m", "X", NULL);

  assert_tree (f, before);
}

/* restore */

static void
test_restore_entity (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  first = commit (f, "A and B");
  set_title (f, a, "A changed");
  set_title (f, b, "B changed");
  out = commit (f, "Change both");

  /* Only A comes back, as a new revision. */
  g_free (out);
  out = run_ok (f, "restore", f->dir, first, "--entity", a, NULL);
  expected = g_strdup_printf (" Restore %s as of revision %s", a, first);
  g_assert_true (is_short_id (out, 7));
  g_assert_cmpstr (out + 7, ==, expected);

  accord_test_assert_cmpstr_free (dup_outline (f), "A|B changed");

  g_assert_cmpuint (count_unsaved (f), ==, 0);

  /* Again: it is already as it was. */
  g_free (out);
  out = run_ok (f, "restore", f->dir, first, "--entity", a, NULL);
  g_assert_cmpstr (out, ==, "Nothing to restore: it is already as in that revision");
}

static void
test_restore_whole (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  out = commit (f, "Add A");
  make_milestone (f, "with-a");
  b = add_section (f, "B", NULL);
  set_title (f, a, "A changed");
  g_free (out);
  out = commit (f, "Add B");

  g_free (out);
  out = run_ok (f, "restore", f->dir, "with-a", "--author", "Bob Smith <bob@example.org>", NULL);
  g_assert_nonnull (strstr (out, " Restore the strategy as of revision "));

  accord_test_assert_cmpstr_free (dup_outline (f), "A");

  revision = dup_last_revision (f);
  g_assert_cmpstr (revision->author_name, ==, "Bob Smith");
  g_assert_cmpuint (revision->changes->len, ==, 2);
}

static void
test_restore_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  out = commit (f, "Add A");
  set_title (f, a, "A changed");
  g_free (out);
  out = commit (f, "Change A");
  before = dup_tree (f);

  /* The revision cannot be made: the restored file is put back. */
  expect_failure (f, 1, "“Bob” is not an author written", "restore", f->dir, "HEAD~1", "--entity",
                  a, "--author", "Bob", NULL);
  assert_tree (f, before);

  expect_failure (f, 1, "is not an author written", "restore", f->dir, "HEAD~2", "--author", "Bob",
                  NULL);
  g_free (after);
  assert_tree (f, before);

  expect_failure (f, 1, "There is no revision “nowhere”", "restore", f->dir, "nowhere", NULL);
  expect_failure (f, 1, "“s-nope” exists neither now nor in revision", "restore", f->dir, "HEAD~1",
                  "--entity", "s-nope", NULL);
  expect_failure (f, 2, "usage: accord-cli restore [OPTION…] DIR REV", "restore", f->dir, NULL);
  g_free (after);
  assert_tree (f, before);

  /* Unsaved changes in the way are not overwritten. */
  set_title (f, a, "Unsaved");
  g_free (before);
  before = dup_tree (f);
  expect_failure (f, 1, "has unsaved changes", "restore", f->dir, "HEAD~1", "--entity", a, NULL);
  expect_failure (f, 1, "has unsaved changes", "restore", f->dir, "HEAD~1", NULL);
  g_free (after);
  assert_tree (f, before);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  ACCORD_TEST_ADD ("/accord/cli/save/revision", test_save_revision);
  ACCORD_TEST_ADD ("/accord/cli/save/nothing", test_save_nothing);
  ACCORD_TEST_ADD ("/accord/cli/save/author", test_save_author);
  ACCORD_TEST_ADD ("/accord/cli/save/errors", test_save_errors);

  ACCORD_TEST_ADD ("/accord/cli/log/text", test_log_text);
  ACCORD_TEST_ADD ("/accord/cli/log/json", test_log_json);
  ACCORD_TEST_ADD ("/accord/cli/log/count-and-revision", test_log_count_and_revision);

  ACCORD_TEST_ADD ("/accord/cli/tag/milestone", test_tag);
  ACCORD_TEST_ADD ("/accord/cli/tag/errors", test_tag_errors);

  ACCORD_TEST_ADD ("/accord/cli/restore/entity", test_restore_entity);
  ACCORD_TEST_ADD ("/accord/cli/restore/whole", test_restore_whole);
  ACCORD_TEST_ADD ("/accord/cli/restore/errors", test_restore_errors);

  return g_test_run ();
}
