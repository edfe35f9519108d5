/* test-document.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "accord-document.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"

/* A strategy open in a window, without the window: opening it, edits that
 * reach the work tree by themselves, revisions, discarding, reading again,
 * and what the next start finds after a kill. */

#define AUTHOR "Ana Lima <ana@example.org>"
#define SECTION_FILE "sections/s-intro.md"

typedef struct
{
  char           *tmpdir;
  char           *path;
  GSettings      *settings;
  AccordDocument *document;  /* opened by fixture_setup_open() */
  GSubprocess    *editor;    /* a second program editing the strategy */
} Fixture;

static char *test_program;

/* The document's long operations run in workers: these wait for each,
 * iterating the main loop as the window would meanwhile. */
static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static char *
describe_changes (AccordDocument  *document,
                  GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  accord_document_describe_changes_async (document, NULL, store_result_cb, &result);
  return accord_document_describe_changes_finish (document, wait_result (&result), error);
}

static char *
save_revision (AccordDocument  *document,
               const char      *message,
               GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  accord_document_save_revision_async (document, message, NULL, store_result_cb, &result);
  return accord_document_save_revision_finish (document, wait_result (&result), error);
}

static gboolean
discard (AccordDocument  *document,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  accord_document_discard_async (document, NULL, store_result_cb, &result);
  return accord_document_discard_finish (document, wait_result (&result), error);
}

static gboolean
reload (AccordDocument  *document,
        GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  accord_document_reload_async (document, NULL, store_result_cb, &result);
  return accord_document_reload_finish (document, wait_result (&result), error);
}


static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie", "fr");
  g_autoptr(AccordRepository) repository = NULL;
  g_autofree char *home = NULL;

  fixture->tmpdir = accord_test_make_tmpdir ("accord-document-XXXXXX");
  fixture->path = g_build_filename (fixture->tmpdir, "strategy", NULL);

  /* Revisions are signed by the author of the preferences; git knows no
   * one. */
  home = g_build_filename (fixture->tmpdir, "home", NULL);
  accord_test_use_git_home (home);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "author-name", "Ana Lima");
  g_settings_set_string (fixture->settings, "author-email", "ana@example.org");

  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-intro",
                   "order", "i", "title", "Présentation", "body", "Premier paragraphe.\n", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-suite",
                   "order", "j", "title", "Suite", NULL);
  repository = accord_test_create (fixture->path, strategy, AUTHOR, "Premier jet");
}

/* The same, with the strategy open. */
static void
fixture_setup_open (Fixture       *fixture,
                    gconstpointer  data)
{
  fixture_setup (fixture, data);
  fixture->document = accord_test_open_document (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->document != NULL)
    {
      gpointer document = fixture->document;

      /* A worker's thread drops its task, and the document it holds, a
       * moment after the task returned. */
      accord_document_close (fixture->document);
      g_object_add_weak_pointer (document, &document);
      g_clear_object (&fixture->document);
      ACCORD_TEST_WAIT_FOR (document == NULL);
    }
  accord_test_kill (&fixture->editor);
  g_settings_reset (fixture->settings, "author-name");
  g_settings_reset (fixture->settings, "author-email");
  g_clear_object (&fixture->settings);
  accord_test_use_git_home (NULL);
  accord_test_clear_tmpdir (&fixture->tmpdir);
  g_clear_pointer (&fixture->path, g_free);
}

static AccordEntity *
lookup (AccordDocument *document,
        const char     *id)
{
  AccordEntity *entity = accord_strategy_lookup (accord_document_get_strategy (document), id);

  g_assert_nonnull (entity);

  return entity;
}

static char *
read_section_file (Fixture *fixture)
{
  return accord_test_read_file (fixture->path, SECTION_FILE);
}

static void
assert_file_contains (Fixture    *fixture,
                      const char *relative,
                      const char *text)
{
  g_autofree char *contents = accord_test_read_file (fixture->path, relative);

  if (strstr (contents, text) == NULL)
    g_test_message ("“%s” is not in %s:\n%s", text, relative, contents);
  g_assert_nonnull (strstr (contents, text));
}

static void
test_document_open (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AccordDocument) document = accord_test_open_document (fixture->path);
  g_autofree char *canonical = g_canonicalize_filename (fixture->path, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) cancelled = NULL;
  g_autoptr(AccordDocument) missing = NULL;

  g_assert_cmpstr (accord_document_get_path (document), ==, canonical);
  g_assert_true (ACCORD_IS_REPOSITORY (accord_document_get_repository (document)));
  g_assert_true (ACCORD_IS_WORKSPACE (accord_document_get_workspace (document)));
  g_assert_cmpstr (accord_strategy_get_title (accord_document_get_strategy (document)), ==,
                   "Stratégie");
  g_assert_nonnull (lookup (document, "s-intro"));
  g_assert_false (accord_document_get_unsaved (document));
  g_assert_false (accord_document_get_recovered (document));
  g_assert_false (accord_document_get_pending (document));
  accord_document_close (document);

  /* A folder that holds no strategy, and an opening given up. */
  missing = accord_test_try_open_document (fixture->tmpdir, NULL, &error);
  g_assert_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY);
  g_assert_null (missing);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  cancelled = accord_test_try_open_document (fixture->path, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
}

/* An edit is only in memory until a short while after the last change;
 * then it is in the work tree, unsaved. */
static void
test_document_autosave (Fixture       *fixture,
                        gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  g_autofree char *before = read_section_file (fixture);
  g_autofree char *after = NULL;
  guint pending_changes = 0;
  guint unsaved_changes = 0;
  gint64 edited;

  accord_test_count_signal (document, "notify::pending", &pending_changes);
  accord_test_count_signal (document, "notify::unsaved", &unsaved_changes);

  accord_test_set (lookup (document, "s-intro"), "body", "Un paragraphe réécrit.\n");
  edited = g_get_monotonic_time ();
  g_assert_true (accord_document_get_pending (document));
  g_assert_true (accord_document_get_unsaved (document));
  g_assert_cmpuint (pending_changes, ==, 1);
  g_assert_cmpuint (unsaved_changes, ==, 1);

  /* Still only in memory… */
  after = read_section_file (fixture);
  g_assert_cmpstr (after, ==, before);

  /* …until the delay has passed. */
  ACCORD_TEST_WAIT_FOR (!accord_document_get_pending (document));
  g_assert_cmpint (g_get_monotonic_time () - edited, >=,
                   ACCORD_DOCUMENT_AUTOSAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (pending_changes, ==, 2);
  assert_file_contains (fixture, SECTION_FILE, "---\nUn paragraphe réécrit.\n");
  g_assert_true (accord_document_get_unsaved (document));
  g_assert_cmpuint (unsaved_changes, ==, 1);
}

/* Someone who never stops typing has the edits written all the same, at
 * the latest a while after the first one. */
static void
test_document_autosave_deadline (Fixture       *fixture,
                                 gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  AccordEntity *section = lookup (document, "s-intro");
  gint64 first = g_get_monotonic_time ();
  guint keys = 0;

  while (accord_document_get_pending (document) || keys == 0)
    {
      g_autofree char *body = g_strdup_printf ("Frappe %u\n", ++keys);
      gint64 next = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;

      accord_test_set (section, "body", body);
      ACCORD_TEST_WAIT_FOR (g_get_monotonic_time () >= next ||
                            !accord_document_get_pending (document));
      g_assert_cmpint (g_get_monotonic_time () - first, <,
                       3 * ACCORD_DOCUMENT_AUTOSAVE_MAX_DELAY_MS * G_TIME_SPAN_MILLISECOND);
    }

  /* Written while the keys went on: more of them than one delay allows. */
  g_assert_cmpuint (keys, >, ACCORD_DOCUMENT_AUTOSAVE_DELAY_MS / 100);
  assert_file_contains (fixture, SECTION_FILE, "Frappe ");
}

/* Writing can fail (a folder became a file); the edits stay in memory and
 * are written once it works again. */
static void
test_document_autosave_failed (Fixture       *fixture,
                               gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  g_autofree char *sections = g_build_filename (fixture->path, "sections", NULL);
  g_autofree char *aside = g_build_filename (fixture->tmpdir, "sections-aside", NULL);
  g_autoptr(GError) error = NULL;
  guint failures = 0;

  accord_test_count_signal (document, "autosave-failed", &failures);
  g_assert_cmpint (g_rename (sections, aside), ==, 0);
  accord_test_write_file (fixture->path, "sections", "not a folder\n", -1);

  accord_test_set (lookup (document, "s-intro"), "title", "Introduction");
  ACCORD_TEST_WAIT_FOR (failures > 0);
  g_assert_true (accord_document_get_pending (document));

  g_assert_false (accord_document_flush (document, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (accord_document_get_pending (document));

  g_assert_cmpint (g_unlink (sections), ==, 0);
  g_assert_cmpint (g_rename (aside, sections), ==, 0);
  g_assert_true (accord_document_flush (document, &error));
  g_assert_no_error (error);
  g_assert_false (accord_document_get_pending (document));
  assert_file_contains (fixture, SECTION_FILE, "\ntitle: Introduction\n");
}

static void
test_document_flush (Fixture       *fixture,
                     gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  g_autoptr(GError) nothing_error = NULL;
  g_autoptr(GError) error = NULL;
  guint pending_changes = 0;

  /* Nothing to write: nothing happens. */
  accord_test_count_signal (document, "notify::pending", &pending_changes);
  g_assert_true (accord_document_flush (document, &nothing_error));
  g_assert_no_error (nothing_error);
  g_assert_cmpuint (pending_changes, ==, 0);

  accord_test_add (accord_document_get_strategy (document), ACCORD_ENTITY_OBJECTIVE, "o-new",
                   "section", "s-intro", "order", "i", "title", "Objectif", NULL);
  g_assert_true (accord_document_get_pending (document));
  g_assert_true (accord_document_flush (document, &error));
  g_assert_no_error (error);
  g_assert_false (accord_document_get_pending (document));
  g_assert_cmpuint (pending_changes, ==, 2);
  assert_file_contains (fixture, "objectives/o-new.md", "\ntitle: Objectif\n");
}

/* The message drafted for the next revision says what changed, edits in
 * memory included; saving makes a revision signed by the author of the
 * preferences, and the strategy is saved again. */
static void
test_document_save_revision (Fixture       *fixture,
                             gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  AccordRepository *repository = accord_document_get_repository (document);
  g_autoptr(GError) describe_error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *message = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *again = NULL;
  AccordRevision *last;

  accord_test_set (lookup (document, "s-intro"), "body", "Un paragraphe réécrit.\n");
  message = describe_changes (document, &describe_error);
  g_assert_no_error (describe_error);
  g_assert_cmpstr (message, ==, "Edited “Présentation”");
  g_assert_false (accord_document_get_pending (document));

  revision = save_revision (document, message, &save_error);
  g_assert_no_error (save_error);
  g_assert_nonnull (revision);
  g_assert_false (accord_document_get_unsaved (document));

  log = accord_repository_log (repository, NULL, 1, NULL);
  g_assert_nonnull (log);
  last = g_ptr_array_index (log, 0);
  g_assert_cmpstr (last->id, ==, revision);
  g_assert_cmpstr (last->author_name, ==, "Ana Lima");
  g_assert_cmpstr (last->author_email, ==, "ana@example.org");
  g_assert_cmpstr (last->message, ==, "Edited “Présentation”");
  changes = accord_repository_status (repository, NULL);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Nothing more to save. */
  again = save_revision (document, "Again", &again_error);
  g_assert_error (again_error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE);
  g_assert_null (again);
  g_assert_false (accord_document_get_unsaved (document));
}

/* Discarding throws the edits away, those in memory too, and gives a new
 * strategy read from the last revision. */
static void
test_document_discard (Fixture       *fixture,
                       gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  g_autofree char *before = read_section_file (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) flush_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStrategy) old = NULL;
  guint strategy_changes = 0;

  accord_test_set (lookup (document, "s-intro"), "title", "Écrit sur le disque");
  g_assert_true (accord_document_flush (document, &flush_error));
  g_assert_no_error (flush_error);
  accord_test_set (lookup (document, "s-suite"), "title", "Seulement en mémoire");
  g_assert_true (accord_document_get_pending (document));

  old = g_object_ref (accord_document_get_strategy (document));
  accord_test_count_signal (document, "notify::strategy", &strategy_changes);
  g_assert_true (discard (document, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (strategy_changes, ==, 1);
  g_assert_true (accord_document_get_strategy (document) != old);
  g_assert_cmpstr (accord_entity_get_field (lookup (document, "s-intro"), "title"), ==,
                   "Présentation");
  g_assert_cmpstr (accord_entity_get_field (lookup (document, "s-suite"), "title"), ==, "Suite");
  g_assert_false (accord_document_get_pending (document));
  g_assert_false (accord_document_get_unsaved (document));
  after = read_section_file (fixture);
  g_assert_cmpstr (after, ==, before);

  /* The strategy given up is no longer watched. */
  accord_test_set (accord_strategy_lookup (old, "s-suite"), "title", "Plus suivi");
  g_assert_false (accord_document_get_pending (document));
}

/* Reading again keeps what is in memory, and sees what changed on disk
 * meanwhile. */
static void
test_document_reload (Fixture       *fixture,
                      gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;

  accord_test_set (lookup (document, "s-intro"), "title", "Modifié dans la fenêtre");
  accord_test_write_file (fixture->path, "sections/s-dehors.md",
                          "---\norder: k\n\ntitle: Ajouté dehors\n---\n", -1);

  g_assert_true (reload (document, &error));
  g_assert_no_error (error);
  g_assert_false (accord_document_get_pending (document));
  g_assert_true (accord_document_get_unsaved (document));
  g_assert_cmpstr (accord_entity_get_field (lookup (document, "s-intro"), "title"), ==,
                   "Modifié dans la fenêtre");
  g_assert_cmpstr (accord_entity_get_field (lookup (document, "s-dehors"), "title"), ==,
                   "Ajouté dehors");
}

/* Closing writes what is in memory; nothing is written after it. */
static void
test_document_close (Fixture       *fixture,
                     gconstpointer  data)
{
  AccordDocument *document = fixture->document;
  g_autoptr(AccordDocument) again = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *later = NULL;

  accord_test_set (lookup (document, "s-intro"), "title", "Avant de fermer");
  accord_document_close (document);
  g_assert_false (accord_document_get_pending (document));
  assert_file_contains (fixture, SECTION_FILE, "\ntitle: Avant de fermer\n");

  closed = read_section_file (fixture);
  accord_test_set (lookup (document, "s-intro"), "title", "Après");
  g_assert_false (accord_document_get_pending (document));
  later = read_section_file (fixture);
  g_assert_cmpstr (later, ==, closed);

  /* Closed properly, the next start recovers nothing, though the edits
   * are still unsaved. */
  again = accord_test_open_document (fixture->path);
  g_assert_true (accord_document_get_unsaved (again));
  g_assert_false (accord_document_get_recovered (again));
  accord_document_close (again);
}

/* The process that had the strategy open dies by SIGKILL once its edit is
 * written: the next start finds the edit and says it recovered it. */
static void
test_document_recovery (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const argv[] = { test_program, "--edit-and-wait", fixture->path, NULL };
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  fixture->editor = accord_test_spawn (argv, NULL, FALSE);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->editor));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "written");

  accord_test_kill (&fixture->editor);

  document = accord_test_open_document (fixture->path);
  g_assert_true (accord_document_get_recovered (document));
  g_assert_true (accord_document_get_unsaved (document));
  g_assert_cmpstr (accord_entity_get_field (lookup (document, "s-intro"), "body"), ==,
                   "Tapé avant la fin.\n");

  /* Saving a revision is the end of the recovery. */
  g_free (save_revision (document, "Récupéré", &error));
  g_assert_no_error (error);
  g_assert_false (accord_document_get_recovered (document));
  accord_document_close (document);
}

/* The other side of test_document_recovery(): opens the strategy, edits
 * it, says so once the edit is written, and waits to be killed. */
static int
edit_and_wait (const char *path)
{
  g_autoptr(AccordDocument) document = accord_test_open_document (path);

  accord_test_set (lookup (document, "s-intro"), "body", "Tapé avant la fin.\n");
  ACCORD_TEST_WAIT_FOR (!accord_document_get_pending (document));
  printf ("written\n");
  fflush (stdout);

  /* Never closed: at most a while later, the test has failed anyway. */
  g_usleep (60 * G_USEC_PER_SEC);

  return 1;
}

int
main (int    argc,
      char **argv)
{
  test_program = g_canonicalize_filename (argv[0], NULL);

  if (argc == 3 && g_str_equal (argv[1], "--edit-and-wait"))
    {
      accord_init ();
      return edit_and_wait (argv[2]);
    }

  g_test_init (&argc, &argv, NULL);
  accord_init ();

#define ADD_OPEN(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup_open, func, fixture_teardown)

  ACCORD_TEST_ADD ("/accord/document/open", test_document_open);
  ADD_OPEN ("/accord/document/autosave", test_document_autosave);
  ADD_OPEN ("/accord/document/autosave-deadline", test_document_autosave_deadline);
  ADD_OPEN ("/accord/document/autosave-failed", test_document_autosave_failed);
  ADD_OPEN ("/accord/document/flush", test_document_flush);
  ADD_OPEN ("/accord/document/save-revision", test_document_save_revision);
  ADD_OPEN ("/accord/document/discard", test_document_discard);
  ADD_OPEN ("/accord/document/reload", test_document_reload);
  ADD_OPEN ("/accord/document/close", test_document_close);
  ACCORD_TEST_ADD ("/accord/document/recovery", test_document_recovery);

#undef ADD_OPEN

  return g_test_run ();
}
