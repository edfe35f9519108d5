/* test-cli-export.c
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

/* export */

static void
test_export_markdown (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *source = NULL;
  g_autofree char *again = NULL;
  g_autofree char *output = g_build_filename (f->tmpdir, "out.md", NULL);
  g_autofree char *contents = NULL;

  init_strategy (f);
  a = add_section (f, "Connectivity", NULL);
  g_assert_cmpint (run_with_input (f, "Schools first.\n", -1, "section", "set", f->dir, a,
                                   "--body-file", "-", NULL), ==, 0);
  first = commit (f, "Connectivity");
  b = add_section (f, "Governance", NULL);

  g_assert_cmpint (run (f, "export", f->dir, "--format", "markdown", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpstr (f->out, ==, "# Test strategy\n\n## Connectivity\n\nSchools first.\n\n"
                               "## Governance\n");
  exported = g_strdup (f->out);

  /* -o writes the same bytes to a file. */
  g_assert_cmpint (run (f, "export", f->dir, "--format", "markdown", "-o", output, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, exported);

  /* A past revision. */
  g_assert_cmpint (run (f, "export", f->dir, "--format", "markdown", "--rev", first, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "# Test strategy\n\n## Connectivity\n\nSchools first.\n");

  /* Round trip: a strategy made from the export exports the same bytes. */
  source = write_tmp_file (f, "exported.md", exported, -1);
  g_free (f->dir);
  f->dir = g_build_filename (f->tmpdir, "copy", NULL);
  again = run_ok (f, "init", f->dir, "--from-markdown", source, NULL);
  g_assert_cmpint (run (f, "export", f->dir, "--format", "markdown", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, exported);
}

static void
test_export_html (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *output = g_build_filename (f->tmpdir, "out.html", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *html = NULL;

  init_strategy (f);
  a = add_section (f, "Connectivity & access", NULL);
  objective = add_objective (f, a, "Connect <every> school");

  g_assert_cmpint (run (f, "export", f->dir, "--format", "html", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_true (g_str_has_prefix (f->out, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (f->out, "<title>Test strategy</title>"));
  g_assert_nonnull (strstr (f->out, "Connectivity &amp; access"));
  g_assert_null (strstr (f->out, "<every>"));
  html = g_strdup (f->out);

  g_assert_cmpint (run (f, "export", f->dir, "--format", "html", "-o", output, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, html);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *section = NULL;
  g_autofree char *other = NULL;
  JsonArray *hits;
  JsonObject *hit;

  init_strategy (f);
  section = add_section (f, "Stratégie de coopération", NULL);
  other = add_section (f, "Connectivité", NULL);

  /* Accents and case do not matter; matched words are marked. */
  text = run_ok (f, "search", f->dir, "strategie", NULL);
  g_assert_true (g_str_has_prefix (text, "section "));
  g_assert_nonnull (strstr (text, section));
  g_assert_nonnull (strstr (text, "**Stratégie** de coopération"));
  g_assert_null (strstr (text, other));

  root = run_json (f, "search", f->dir, "COOP", NULL);
  hits = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  hit = json_array_get_object_element (hits, 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "id"), ==, section);
  g_assert_cmpstr (json_object_get_string_member (hit, "kind"), ==, "section");
  g_assert_cmpstr (json_object_get_string_member (hit, "title"), ==,
                   "Stratégie de **coopération**");
  g_assert_true (json_object_has_member (hit, "snippet"));
  g_assert_true (json_object_has_member (hit, "rank"));

  /* The index follows edits made since. */
  set_title (f, other, "Stratégie d’accès");
  g_clear_pointer (&root, json_node_unref);
  root = run_json (f, "search", f->dir, "strategie", "-n", "5", NULL);
  assert_n_items (root, 2);
}

static void
test_search_errors (Fixture       *f,
                    gconstpointer  data)
{
  init_strategy (f);

  expect_failure (f, 1, "no words", "search", f->dir, "«  »", NULL);
  expect_failure (f, 2, "max-count", "search", f->dir, "x", "-n", "0", NULL);
  expect_failure (f, 2, "", "search", f->dir, NULL);
  wait_failures (f);
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *output = g_build_filename (f->tmpdir, "no-such-folder", "out.md", NULL);
  g_autofree char *existing = write_tmp_file (f, "existing.md", "keep me", -1);
  g_autofree char *contents = NULL;

  init_strategy (f);

  expect_failure (f, 2, "Give the format", "export", f->dir, NULL);
  expect_failure (f, 2, "--format markdown or --format html", "export", f->dir, "--format", "pdf",
                  "-o", existing, NULL);
  expect_failure (f, 1, "There is no revision “nowhere”", "export", f->dir, "--format", "html",
                  "--rev", "nowhere", "-o", existing, NULL);
  expect_failure (f, 1, "out.md", "export", f->dir, "--format", "markdown", "-o", output, NULL);
  expect_failure (f, 1, "is not a strategy", "export", f->tmpdir, "--format", "markdown", NULL);

  wait_failures (f);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  ACCORD_TEST_ADD ("/accord/cli/export/markdown", test_export_markdown);
  ACCORD_TEST_ADD ("/accord/cli/export/html", test_export_html);
  ACCORD_TEST_ADD ("/accord/cli/export/errors", test_export_errors);
  ACCORD_TEST_ADD ("/accord/cli/search/words", test_search);
  ACCORD_TEST_ADD ("/accord/cli/search/errors", test_search_errors);

  return g_test_run ();
}
