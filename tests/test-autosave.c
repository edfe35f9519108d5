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
#include <sys/wait.h>
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
  argv = accord_test_argv_new ("xdotool", first, args);
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

  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *found = run_xdotool ("search", "--onlyvisible", "--name", title, NULL);

      if (found != NULL && *found != '\0')
        {
          char *newline = strchr (found, '\n');

          if (newline != NULL)
            *newline = '\0';
          return g_steal_pointer (&found);
        }

      g_usleep (100 * 1000);
    }

  g_error ("No window named “%s” appeared", title);
  return NULL;
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AccordDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = accord_document_open_finish (result, &error);
  g_assert_no_error (error);
}

static AccordDocument *
open_document (const char *path)
{
  AccordDocument *document = NULL;

  accord_document_open_async (path, NULL, opened_cb, &document);
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);

  return document;
}

static void
test_autosave_survives_sigkill (void)
{
  g_autofree char *tmpdir = accord_test_make_tmpdir ("accord-autosave-XXXXXX");
  g_autofree char *path = g_build_filename (tmpdir, "strategy", NULL);
  g_autofree char *section_file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *window = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(AccordStrategy) strategy = accord_strategy_new (TITLE, "fr");
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, "s-intro");
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *app = g_getenv ("ACCORD_APP");
  char *argv[] = { (char *) app, path, NULL };
  gint64 last_key;
  GPid pid;
  int status;

  g_assert_nonnull (app);

  accord_entity_set_field (section, "order", "m", &error);
  accord_entity_set_field (section, "title", "Présentation", &error);
  accord_entity_set_field (section, "body", "Premier paragraphe.\n", &error);
  g_assert_no_error (error);
  g_assert_true (accord_strategy_add (strategy, section, &error));
  repository = accord_test_create (path, strategy, AUTHOR, "Premier jet");

  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);

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
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  /* Every word is in the work tree… */
  section_file = g_build_filename (path, "sections", "s-intro.md", NULL);
  g_assert_true (g_file_get_contents (section_file, &contents, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; typed_words[i] != NULL; i++)
    {
      if (strstr (contents, typed_words[i]) == NULL)
        g_error ("“%s” was lost; the file holds:\n%s", typed_words[i], contents);
    }
  g_assert_nonnull (strstr (contents, "Premier paragraphe."));

  /* …and the next start knows it recovered them. */
  document = open_document (path);
  g_assert_true (accord_document_get_unsaved (document));
  g_assert_true (accord_document_get_recovered (document));
  g_assert_nonnull (strstr (accord_entity_get_field (accord_strategy_lookup (
                              accord_document_get_strategy (document), "s-intro"), "body"),
                            "gouvernance"));
  accord_document_close (document);

  accord_test_remove_tree (tmpdir);
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

  g_test_add_func ("/accord/autosave/survives-sigkill", test_autosave_survives_sigkill);

  return g_test_run ();
}
