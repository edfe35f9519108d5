/* test-autosave.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The promise that nothing typed is lost, tested from outside: the real
 * accord program, real key presses (xdotool, under the test's X server),
 * then SIGKILL one second after the last key. The next start must find
 * every word and say that it recovered them.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-document.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"

#define AUTHOR "Test Drafter <drafter@example.org>"
#define TITLE "Stratégie de test"

static const char * const typed_words[] = {
  "coopération", "numerique", "souverainete", "reseaux", "partenaires", "indicateurs",
  "calendrier", "gouvernance", "inclusion", "connectivite", NULL
};

static char *
run_xdotool (const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  va_start (args, first);
  argv = accord_test_strings_new ("xdotool", first, args);
  va_end (args);

  if (accord_test_run ((const char * const *) argv->pdata, NULL, &out, &err) != 0)
    {
      g_test_message ("xdotool %s: %s", first, err);
      return NULL;
    }

  return g_strstrip (g_steal_pointer (&out));
}

/* The id of the window whose title is @title, once it is mapped. */
static char *
wait_for_window (const char *title)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  char *found = NULL;

  while (found == NULL || *found == '\0')
    {
      g_free (found);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      found = run_xdotool ("search", "--onlyvisible", "--name", title, NULL);
      if (found == NULL || *found == '\0')
        g_usleep (100 * 1000);
    }

  /* The first window, when there are several. */
  found[strcspn (found, "\n")] = '\0';

  return found;
}

/* A strategy of one section, and the application, once it is started:
 * teardown kills it if a test leaves it running, and it dies with the
 * test program if an assertion ends that. */
typedef struct
{
  char        *tmpdir;
  char        *path;
  GSubprocess *app;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new (TITLE, "fr");
  g_autoptr(AccordRepository) repository = NULL;

  fixture->tmpdir = accord_test_make_tmpdir ("accord-autosave-XXXXXX");
  fixture->path = g_build_filename (fixture->tmpdir, "strategy", NULL);

  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-intro", "order", "m",
                   "title", "Présentation", "body", "Premier paragraphe.\n", NULL);
  repository = accord_test_create (fixture->path, strategy, AUTHOR, "Premier jet");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  accord_test_kill (&fixture->app);
  accord_test_clear_tmpdir (&fixture->tmpdir);
  g_clear_pointer (&fixture->path, g_free);
}

static void
start_app (Fixture *fixture)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  const char *app = g_getenv ("ACCORD_APP");

  g_assert_nonnull (app);
  g_subprocess_launcher_set_child_setup (launcher, accord_test_die_with_parent, NULL, NULL);
  fixture->app = g_subprocess_launcher_spawn (launcher, &error, app, fixture->path, NULL);
  g_assert_no_error (error);
}

static void
test_autosave_survives_sigkill (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AccordDocument) document = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *window = NULL;
  g_autofree char *sentence = NULL;
  gint64 last_key;

  start_app (fixture);

  /* The strategy opens on its first section, the cursor in its text. */
  window = wait_for_window (TITLE);
  g_free (run_xdotool ("windowfocus", "--sync", window, NULL));
  g_usleep (500 * 1000);

  sentence = g_strjoinv (" ", (char **) typed_words);
  g_free (run_xdotool ("type", "--delay", "40", "--window", window, sentence, NULL));
  last_key = g_get_monotonic_time ();
  g_test_message ("typed %zu characters", strlen (sentence));

  /* One second after the last key, the process dies without warning. */
  g_usleep (MAX (0, G_TIME_SPAN_SECOND - (g_get_monotonic_time () - last_key)));
  accord_test_kill (&fixture->app);

  /* Every word is in the work tree… */
  contents = accord_test_read_file (fixture->path, "sections/s-intro.md");
  for (guint i = 0; typed_words[i] != NULL; i++)
    {
      if (strstr (contents, typed_words[i]) == NULL)
        g_test_message ("“%s” was lost; the file holds:\n%s", typed_words[i], contents);
      g_assert_nonnull (strstr (contents, typed_words[i]));
    }
  g_assert_nonnull (strstr (contents, "Premier paragraphe."));

  /* …and the next start knows it recovered them. */
  document = accord_test_open_document (fixture->path);
  g_assert_true (accord_document_get_unsaved (document));
  g_assert_true (accord_document_get_recovered (document));
  g_assert_nonnull (strstr (accord_entity_get_field (accord_strategy_lookup (
                              accord_document_get_strategy (document), "s-intro"), "body"),
                            "gouvernance"));
  accord_document_close (document);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *found = NULL;

  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  if ((found = g_find_program_in_path ("xdotool")) == NULL)
    g_error ("xdotool is needed (build-aux/dev deps installs it)");

  g_test_add ("/accord/autosave/survives-sigkill", Fixture, NULL,
              fixture_setup, test_autosave_survives_sigkill, fixture_teardown);

  return g_test_run ();
}
