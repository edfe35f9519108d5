/* test-kill-save.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "accord.h"
#include "accord-test-util.h"

/*
 * `accord-cli save` killed at random moments, again and again: after each
 * kill the edit is still on disk, the next save succeeds and records it,
 * `git status` agrees with `accord-cli info`, and `git fsck --strict`
 * finds nothing wrong. ACCORD_SOAK_COUNT sets how many kills (10 by
 * default; 500 or more for a real soak), ACCORD_SOAK_SEED the seed, which
 * is printed so that a failure can be run again.
 */

#define N_SECTIONS 300

typedef struct
{
  const char *cli;
  char       *root;
  char       *dir;
  GRand      *rand;
  GHashTable *written;   /* relative path → content last written */
  guint       kills;
  guint       killed_midway;
  guint       saves;
} Soak;

static int
run (Soak        *soak,
     char       **out,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  va_list args;
  int status;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = accord_test_run ((const char * const *) argv->pdata, soak->dir, out, &err);
  if (status != 0)
    g_test_message ("%s exited with %d: %s", first, status, err);

  return status;
}

static void
write_section (Soak  *soak,
               guint  index,
               guint  edit)
{
  g_autofree char *relative = g_strdup_printf ("sections/s-k%04u.md", index);
  g_autofree char *path = g_build_filename (soak->dir, relative, NULL);
  g_autofree char *text = g_strdup_printf ("---\norder: k%04u\n\ntitle: Section %u, edit %u\n---\n"
                                           "Texte de la section %u, modifié %u fois.\n",
                                           index, index, edit, index, edit);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_hash_table_insert (soak->written, g_steal_pointer (&relative), g_steal_pointer (&text));
}

/* Every file written is on disk as written: a save never loses typing. */
static void
assert_work_tree_kept (Soak *soak)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, soak->written);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *path = g_build_filename (soak->dir, key, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, value);
    }
}

/* A save that runs to its end records every edit, and leaves git and
 * Accord agreeing that nothing is left to save. */
static void
save_and_verify (Soak *soak)
{
  g_autofree char *status = NULL;
  g_autofree char *info = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (soak, NULL, soak->cli, "save", soak->dir, "-m", "Saved", NULL), ==, 0);
  soak->saves++;

  g_assert_cmpint (run (soak, &status, "git", "status", "--porcelain", NULL), ==, 0);
  g_assert_cmpstr (status, ==, "");

  g_assert_cmpint (run (soak, &info, soak->cli, "info", "--json", soak->dir, NULL), ==, 0);
  json_parser_load_from_data (parser, info, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                               "unsaved-changes"), ==, 0);

  /* With git's index and HEAD agreeing with the work tree, and the work
   * tree holding every edit (assert_work_tree_kept()), HEAD holds them. */
  assert_work_tree_kept (soak);
}

static void
assert_fsck_clean (Soak *soak)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (soak, &out, "git", "fsck", "--strict", "--no-dangling", "--no-progress",
                        NULL), ==, 0);
}

/* Starts a save and kills it after @delay_us, or lets it end if it ends
 * first; returns whether it was killed. */
static gboolean
kill_save_after (Soak   *soak,
                 gulong  delay_us)
{
  const char *argv[] = { soak->cli, "save", soak->dir, "-m", "Killed", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (soak->dir, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_usleep (delay_us);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  return WIFSIGNALED (status);
}

/* How long a save of one edited file takes, from start to exit. */
static gint64
time_one_save (Soak *soak)
{
  gint64 start;

  write_section (soak, 0, 1);
  start = g_get_monotonic_time ();
  g_assert_cmpint (run (soak, NULL, soak->cli, "save", soak->dir, "-m", "Timed", NULL), ==, 0);

  return g_get_monotonic_time () - start;
}

static void
test_kill_loop (void)
{
  const char *count_text = g_getenv ("ACCORD_SOAK_COUNT");
  const char *seed_text = g_getenv ("ACCORD_SOAK_SEED");
  guint count = count_text != NULL ? (guint) g_ascii_strtoull (count_text, NULL, 10) : 10;
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : g_random_int ();
  g_autofree char *sections = NULL;
  Soak soak = { 0, };
  gint64 save_us;

  g_test_message ("ACCORD_SOAK_SEED=%u ACCORD_SOAK_COUNT=%u", seed, count);
  g_printerr ("# kill-save: ACCORD_SOAK_SEED=%u ACCORD_SOAK_COUNT=%u\n", seed, count);

  soak.cli = g_getenv ("ACCORD_CLI");
  g_assert_nonnull (soak.cli);
  soak.rand = g_rand_new_with_seed (seed);
  soak.written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  soak.root = accord_test_make_tmpdir ("accord-kill-save-XXXXXX");
  soak.dir = g_build_filename (soak.root, "strategy", NULL);

  sections = g_build_filename (soak.dir, "sections", NULL);
  g_assert_cmpint (g_mkdir_with_parents (soak.dir, 0755), ==, 0);
  g_assert_cmpint (run (&soak, NULL, soak.cli, "init", soak.dir, "--title", "Soak",
                        "--author", "Soak <soak@example.org>", NULL), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (sections, 0755), ==, 0);
  for (guint i = 0; i < N_SECTIONS; i++)
    write_section (&soak, i, 0);
  save_and_verify (&soak);

  /* Kills land anywhere from before the program starts to after it
   * would have ended. */
  save_us = time_one_save (&soak);
  g_test_message ("one save takes %" G_GINT64_FORMAT " µs", save_us);

  for (guint i = 0; i < count; i++)
    {
      guint edits = g_rand_int_range (soak.rand, 1, 4);

      for (guint e = 0; e < edits; e++)
        write_section (&soak, g_rand_int_range (soak.rand, 0, N_SECTIONS), i + 2);

      soak.kills++;
      if (kill_save_after (&soak, g_rand_int_range (soak.rand, 0, (gint32) (save_us * 12 / 10) + 1)))
        soak.killed_midway++;

      assert_work_tree_kept (&soak);
      if (g_rand_boolean (soak.rand) || i + 1 == count)
        save_and_verify (&soak);
      if (i % 25 == 24 || i + 1 == count)
        assert_fsck_clean (&soak);
    }

  g_printerr ("# kill-save: %u saves started and killed (%u before they ended), %u saves "
              "checked, fsck clean, no edit lost\n", soak.kills, soak.killed_midway, soak.saves);

  accord_test_remove_tree (soak.root);
  g_hash_table_unref (soak.written);
  g_rand_free (soak.rand);
  g_free (soak.dir);
  g_free (soak.root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/accord/kill-save/loop", test_kill_loop);

  return g_test_run ();
}
