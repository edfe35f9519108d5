/* test-hardening.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-test-util.h"

/*
 * Strategies set up as an attacker or a careless user would leave them:
 * names that would break a one-line message, and (below) links, foreign
 * work trees, oversized files and what a killed save leaves behind.
 * Every command must answer in one line and touch nothing outside.
 */

typedef struct
{
  char *root;
  char *dir;
} Fixture;

static const char *cli_path;

static int
run_cli_in (Fixture     *fixture,
            char       **out,
            char       **err,
            const char  *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return accord_test_run ((const char * const *) argv->pdata, fixture->root, out, err);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  fixture->root = accord_test_make_tmpdir ("accord-hardening-XXXXXX");
  fixture->dir = g_build_filename (fixture->root, "strategy", NULL);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "init", fixture->dir, "--title", "Stratégie",
                               "--author", "Test <test@example.org>", NULL), ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  accord_test_remove_tree (fixture->root);
  g_free (fixture->dir);
  g_free (fixture->root);
}

static void
put_file (Fixture    *fixture,
          const char *relative,
          const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      lines++;

  return lines;
}

/* A file name holding a line break or a terminal code is named on one
 * line, escaped. */
static void
test_names_on_one_line (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  put_file (fixture, "sections/bad\nname.md", "---\norder: i\n\ntitle: A\n---\n");
  put_file (fixture, "sections/s-ok.md", "---\norder: j\n\ntitle: \x1b[31mB\n---\n");

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "check", fixture->dir, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "sections/bad\\nname.md:1: "));
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_assert_null (strchr (out, '\x1b'));
}

/* A comment repeating the searched word 100,000 times (800 kB, under the
 * size limit) gives a snippet of a few words around the first match,
 * reading the matches once: FTS5's own snippet() took a minute here. */
static void
test_search_repeated_word (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("---\ntarget: strategy\n---\nDébut de la contribution.");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, " donnees");
  g_string_append (text, " fin.\n");
  put_file (fixture, "comments/c-repeat.md", text->str);
  put_file (fixture, "comments/c-short.md",
            "---\ntarget: strategy\n---\nLes « données » ouvertes, enfin !\n");

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "search", fixture->dir, "donnees", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  /* The short text whole, its match marked; the long one cut after a
   * window of words, each match marked. */
  g_assert_nonnull (strstr (out, "    Les « **données** » ouvertes, enfin !\n"));
  g_assert_nonnull (strstr (out, "    Début de la contribution. **donnees** **donnees** "));
  g_assert_nonnull (strstr (out, " **donnees**…\n"));
  g_assert_cmpuint (strlen (out), <, 600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("ACCORD_CLI");
  g_assert_nonnull (cli_path);

  g_test_add ("/accord/hardening/names-on-one-line", Fixture, NULL,
              fixture_setup, test_names_on_one_line, fixture_teardown);

  g_test_add ("/accord/hardening/search-repeated-word", Fixture, NULL,
              fixture_setup, test_search_repeated_word, fixture_teardown);

  return g_test_run ();
}
