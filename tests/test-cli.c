/* test-cli.c
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

static int
run_cli (const char  *first_arg,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, err);
  argv = accord_test_strings_new (cli_path, first_arg, args);
  va_end (args);

  return accord_test_run ((const char * const *) argv->pdata, NULL, out, err);
}

static void
test_version_flag (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("--version", &out, &err, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "accord-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_help_lists_commands (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("help", &out, &err, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "accord-cli COMMAND"));
  g_assert_nonnull (strstr (out, "\n  version "));
}

static void
test_no_command_is_usage_error (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, &out, &err, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Commands:"));
}

static void
test_unknown_command (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("frobnicate", &out, &err, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  /* One line, naming the command. */
  g_assert_true (g_str_has_prefix (err, "accord-cli: unknown command “frobnicate”"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
}

static void
test_version_text (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli ("version", &out, &err, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Accord " PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (lines[1], "libgit2 "));
  g_assert_nonnull (strstr (lines[1], "threads: yes"));
  g_assert_true (g_str_has_prefix (lines[2], "SQLite "));
  g_assert_nonnull (strstr (lines[2], "full-text search: yes"));
}

static void
test_version_json (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *object;

  g_assert_cmpint (run_cli ("version", &out, &err, "--json", NULL), ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "libgit2-version"),
                                   "1."));
  g_assert_true (json_object_get_boolean_member (object, "sqlite-fts5"));
  g_assert_true (json_object_get_boolean_member (object, "libgit2-threads"));
  g_assert_true (json_object_has_member (object, "libgit2-https"));
  g_assert_true (json_object_has_member (object, "libgit2-ssh"));
}

static void
test_version_check (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("version", &out, &err, "--check", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_version_rejects_arguments (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("version", &out, &err, "extra", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "accord-cli: “version” takes no arguments\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("version", &out, &err, "--no-such-option", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "accord-cli: "));
  g_assert_nonnull (strstr (err, "--no-such-option"));
}

static void
test_help_lists_every_command (void)
{
  static const char * const names[] = {
    "init", "info", "sections", "section", "objectives", "objective", "save", "log", "tag",
    "restore", "check", "export", "version",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("help", &out, &err, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %-12s ", names[i]);

      g_assert_nonnull (strstr (out, line));
    }
}

/* init */

static void
test_init_default (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = run_ok (f, "init", f->dir, NULL);
  g_autofree char *strategy = accord_test_read_file (f->dir, "strategy.md");

  g_assert_true (is_short_id (out, 7));
  g_assert_cmpstr (out + 7, ==, " Create the strategy");
  /* The folder's name is the title; the language is French. */
  g_assert_nonnull (strstr (strategy, "\ntitle: strategy\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: fr\n"));
}

static void
test_init_options (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = run_ok (f, "init", f->dir, "--title", "Digital strategy",
                                 "--language", "en-GB", "--author", "Bob Smith <bob@example.org>",
                                 NULL);
  g_autofree char *strategy = accord_test_read_file (f->dir, "strategy.md");
  g_autoptr(AccordRevision) revision = dup_last_revision (f);

  g_assert_nonnull (strstr (strategy, "\ntitle: Digital strategy\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: en-GB\n"));
  g_assert_cmpstr (revision->author_name, ==, "Bob Smith");
  g_assert_cmpstr (revision->author_email, ==, "bob@example.org");
  g_assert_cmpint (strncmp (out, revision->id, 7), ==, 0);
}

static void
test_init_existing_folder (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));

  assert_failed (f, run (f, "init", f->dir, NULL), 1, "is not empty");
  g_assert_true (g_file_get_contents (notes, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_assert_false (exists_in (f, ".git"));
}

static void
test_init_empty_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  out = run_ok (f, "init", f->dir, NULL);
  g_assert_true (exists_in (f, "strategy.md"));
}

static void
test_init_invalid_values (Fixture       *f,
                          gconstpointer  data)
{
  assert_failed (f, run (f, "init", f->dir, "--language", "French", NULL), 1,
                 "“language” must be a language tag");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  assert_failed (f, run (f, "init", f->dir, "--title", "", NULL), 1, "“title” cannot be empty");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

static void
test_init_bad_author_leaves_nothing (Fixture       *f,
                                     gconstpointer  data)
{
  /* The author is checked when the first revision is made, after the
   * files are written: they must go again. */
  assert_failed (f, run (f, "init", f->dir, "--author", "Bob", NULL), 1,
                 "is not an author written “Name <e-mail>”");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  assert_failed (f, run (f, "init", f->dir, "--author", "Bob", NULL), 1, "Bob");
  g_assert_true (g_file_test (f->dir, G_FILE_TEST_IS_DIR));
  g_assert_false (exists_in (f, ".git"));
  g_assert_false (exists_in (f, "strategy.md"));
}

static void
test_init_usage (Fixture       *f,
                 gconstpointer  data)
{
  assert_failed (f, run (f, "init", NULL), 2, "usage: accord-cli init [OPTION…] DIR");
  assert_failed (f, run (f, "init", f->dir, "--no-such-option", NULL), 2, "--no-such-option");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

static const char markdown_document[] =
  "# Stratégie numérique internationale\n"
  "\n"
  "La France porte une vision ouverte du numérique.\n"
  "\n"
  "## Connectivité\n"
  "\n"
  "Relier les écoles et les hôpitaux.\n"
  "\n"
  "### Infrastructures\n"
  "\n"
  "- câbles sous-marins\n"
  "- centres de données\n"
  "\n"
  "## Gouvernance\n"
  "\n"
  "Un internet ouvert, libre et sûr.\n";

static void
test_init_from_markdown (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *source = write_tmp_file (f, "strategy.md", markdown_document, -1);
  g_autofree char *out = run_ok (f, "init", f->dir, "--from-markdown", source, NULL);
  g_autofree char *outline = dup_outline (f);
  g_autofree char *strategy = accord_test_read_file (f->dir, "strategy.md");

  g_assert_cmpstr (outline, ==, "Connectivité|  Infrastructures|Gouvernance");
  g_assert_nonnull (strstr (strategy, "\ntitle: Stratégie numérique internationale\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: fr\n"));

  /* Nothing is left unsaved: the import is the first revision. */
  g_free (out);
  out = run_ok (f, "save", f->dir, "-m", "Again", NULL);
  g_assert_cmpstr (out, ==, "Nothing to save");

  /* Exporting gives the same bytes back. */
  g_assert_cmpint (run (f, "export", f->dir, "--format", "markdown", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpstr (f->out, ==, markdown_document);
}

static void
test_init_from_markdown_options (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *strategy = NULL;

  g_assert_cmpint (run_with_input (f, markdown_document, -1, "init", f->dir, "--from-markdown",
                                   "-", "--title", "Other title", "--language", "en", NULL),
                   ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  strategy = accord_test_read_file (f->dir, "strategy.md");
  g_assert_nonnull (strstr (strategy, "\ntitle: Other title\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: en\n"));
}

static void
test_init_from_markdown_invalid (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *latin1 = write_tmp_file (f, "latin1.md", "# Strat\xe9gie\n", -1);
  g_autofree char *untitled = write_tmp_file (f, "untitled.md", "Some text\n\n## A section\n", -1);
  g_autofree char *empty_heading = write_tmp_file (f, "empty-heading.md",
                                                   "# Title\n\n## One\n\n##\n\nText.\n", -1);
  g_autofree char *missing = g_build_filename (f->tmpdir, "missing.md", NULL);

  assert_failed (f, run (f, "init", f->dir, "--from-markdown", latin1, NULL), 1,
                 "latin1.md” is not valid UTF-8 text, from line 1");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  assert_failed (f, run (f, "init", f->dir, "--from-markdown", untitled, NULL), 1,
                 "untitled.md: The document has no title: its first heading, on line 3,");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  /* A section cannot be without a title: the file and the line say where. */
  assert_failed (f, run (f, "init", f->dir, "--from-markdown", empty_heading, NULL), 1,
                 "empty-heading.md: The heading on line 5 has no title");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  assert_failed (f, run (f, "init", f->dir, "--from-markdown", missing, NULL), 1, "missing.md");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

/* info */

static void
test_info_text (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AccordRevision) revision = NULL;
  g_auto(GStrv) lines = NULL;

  init_strategy (f);
  section = add_section (f, "Context", NULL);
  revision = dup_last_revision (f);

  out = run_ok (f, "info", f->dir, NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);
  g_assert_cmpstr (lines[0], ==, "Title:                Test strategy");
  g_assert_cmpstr (lines[1], ==, "Language:             fr");
  g_assert_cmpstr (lines[2], ==, "Status:               draft");
  g_assert_cmpstr (lines[3], ==, "Sections:             1");
  g_assert_cmpstr (lines[4], ==, "Objectives:           0");
  g_assert_cmpstr (lines[5], ==, "Consultation rounds:  0");
  g_assert_cmpstr (lines[6], ==, "Participants:         0");
  g_assert_cmpstr (lines[7], ==, "Comments:             0");
  expected = g_strdup_printf ("Revision:             %.7s  ", revision->id);
  g_assert_true (g_str_has_prefix (lines[8], expected));
  g_assert_true (g_regex_match_simple ("  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+01:00  "
                                       "Create the strategy$",
                                       lines[8], 0, 0));
  g_assert_cmpstr (lines[9], ==, "Unsaved files:        1");
  g_assert_cmpstr (lines[10], ==, "Problems:             0");
}

static void
test_info_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *canonical = g_canonicalize_filename (f->dir, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *info;
  JsonObject *revision;

  init_strategy (f);
  section = add_section (f, "Context", NULL);
  saved = commit (f, "Add the context");
  objective = add_objective (f, section, "Connect schools");
  accord_test_write_file (f->dir, "sections/s-broken.md", "no header\n", -1);

  root = run_json (f, "info", f->dir, NULL);
  info = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (info, "path"), ==, canonical);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Test strategy");
  g_assert_cmpstr (json_object_get_string_member (info, "language"), ==, "fr");
  g_assert_cmpstr (json_object_get_string_member (info, "status"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (info, "sections"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (info, "objectives"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (info, "rounds"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (info, "participants"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (info, "comments"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (info, "unsaved-changes"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (info, "problems"), ==, 1);

  revision = json_object_get_object_member (info, "revision");
  g_assert_nonnull (revision);
  g_assert_true (g_str_has_prefix (saved, json_object_get_string_member (revision, "short-id")));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (revision, "id"),
                                   json_object_get_string_member (revision, "short-id")));
  g_assert_cmpuint (strlen (json_object_get_string_member (revision, "id")), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (revision, "message"), ==, "Add the context");
  g_assert_cmpstr (json_object_get_string_member (revision, "author-name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (revision, "author-email"), ==,
                   "ada@example.org");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (revision, "date"), "+01:00"));
}

static void
test_info_not_a_strategy (Fixture       *f,
                          gconstpointer  data)
{
  expect_failure (f, 1, "is not a strategy", "info", f->tmpdir, NULL);
  expect_failure (f, 1, "is not a strategy", "info", f->dir, NULL);
  expect_failure (f, 2, "usage: accord-cli info [OPTION…] DIR", "info", NULL);
}

/* check */

static void
test_check_clean (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  objective = add_objective (f, a, "One");

  g_assert_cmpint (run (f, "check", f->dir, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_check_broken (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);

  accord_test_write_files (f->dir,
                           "sections/s-bad-utf8.md",
                           "---\norder: x\n\ntitle: Broken\n---\nStrat\xe9gie\n",
                           "sections/s-unknown-key.md",
                           "---\norder: y\n\ntitle: Unknown key\n\ncolour: blue\n---\n",
                           "sections/s-unclosed.md", "---\norder: z\n\ntitle: Unclosed\n",
                           "sections/not an id.md", "---\norder: z\n\ntitle: Bad name\n---\n",
                           NULL);

  g_assert_cmpint (run (f, "check", f->dir, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, "");
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "sections/not an id.md:1: This file’s name is not an entity id "
                                 "followed by “.md”");
  g_assert_cmpstr (lines[1], ==, "sections/s-bad-utf8.md:6: The file is not valid UTF-8 text");
  g_assert_cmpstr (lines[2], ==, "sections/s-unclosed.md:4: The header has no closing “---” "
                                 "line");
  g_assert_cmpstr (lines[3], ==, "sections/s-unknown-key.md:6: A section has no field “colour”");
  g_assert_cmpstr (lines[4], ==, "");

  /* The other sections still open. */
  out = run_ok (f, "sections", f->dir, NULL);
  expected = g_strdup_printf ("%s   A\n"
                              "%s   B\n"
                              "s-unknown-key  Unknown key\n"
                              "s-unclosed     Unclosed",
                              a, b);
  g_assert_cmpstr (out, ==, expected);

  g_free (out);
  out = run_ok (f, "info", f->dir, NULL);
  g_assert_nonnull (strstr (out, "\nProblems:             4"));
}

static void
test_check_references (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  accord_test_write_file (f->dir, "sections/s-orphan.md",
                          "---\nparent: s-missing\n\norder: x\n\ntitle: Orphan\n---\n", -1);

  g_assert_cmpint (run (f, "check", f->dir, NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "sections/s-orphan.md:2: “parent” names “s-missing”, which does "
                               "not exist\n");

  expect_failure (f, 1, "is not a strategy", "check", f->tmpdir, NULL);
  expect_failure (f, 2, "usage: accord-cli check [OPTION…] DIR", "check", NULL);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/accord/cli/version-flag", test_version_flag);
  g_test_add_func ("/accord/cli/help", test_help_lists_commands);
  g_test_add_func ("/accord/cli/help/every-command", test_help_lists_every_command);
  g_test_add_func ("/accord/cli/no-command", test_no_command_is_usage_error);
  g_test_add_func ("/accord/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/accord/cli/version/text", test_version_text);
  g_test_add_func ("/accord/cli/version/json", test_version_json);
  g_test_add_func ("/accord/cli/version/check", test_version_check);
  g_test_add_func ("/accord/cli/version/rejects-arguments", test_version_rejects_arguments);

  ACCORD_TEST_ADD ("/accord/cli/init/default", test_init_default);
  ACCORD_TEST_ADD ("/accord/cli/init/options", test_init_options);
  ACCORD_TEST_ADD ("/accord/cli/init/existing-folder", test_init_existing_folder);
  ACCORD_TEST_ADD ("/accord/cli/init/empty-folder", test_init_empty_folder);
  ACCORD_TEST_ADD ("/accord/cli/init/invalid-values", test_init_invalid_values);
  ACCORD_TEST_ADD ("/accord/cli/init/bad-author-leaves-nothing",
                   test_init_bad_author_leaves_nothing);
  ACCORD_TEST_ADD ("/accord/cli/init/usage", test_init_usage);
  ACCORD_TEST_ADD ("/accord/cli/init/from-markdown", test_init_from_markdown);
  ACCORD_TEST_ADD ("/accord/cli/init/from-markdown-options", test_init_from_markdown_options);
  ACCORD_TEST_ADD ("/accord/cli/init/from-markdown-invalid", test_init_from_markdown_invalid);

  ACCORD_TEST_ADD ("/accord/cli/info/text", test_info_text);
  ACCORD_TEST_ADD ("/accord/cli/info/json", test_info_json);
  ACCORD_TEST_ADD ("/accord/cli/info/not-a-strategy", test_info_not_a_strategy);

  ACCORD_TEST_ADD ("/accord/cli/check/clean", test_check_clean);
  ACCORD_TEST_ADD ("/accord/cli/check/broken", test_check_broken);
  ACCORD_TEST_ADD ("/accord/cli/check/references", test_check_references);

  return g_test_run ();
}
