/* test-hardening.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* F_OFD_SETLK */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
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
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first_arg);
  argv = accord_test_strings_new (cli_path, first_arg, args);
  va_end (args);

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

/* Runs git in the strategy's folder, asserting that it succeeds, and
 * returns its output without the last line break. */
#define git_out(fixture, ...) \
  g_strchomp (accord_test_git_output ((fixture)->dir, __VA_ARGS__))

static char *
add_section (Fixture    *fixture,
             const char *title)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "section", "add", fixture->dir,
                               "--title", title, NULL), ==, 0);

  return g_strchomp (g_steal_pointer (&out));
}

static void
save (Fixture *fixture)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Saved",
                               "--author", "Test <test@example.org>", NULL), ==, 0);
}

/* Asserts that a command failed with one line on stderr holding @part. */
static void
assert_one_line_error (const char *err,
                       const char *part)
{
  g_assert_true (g_str_has_prefix (err, "accord-cli: "));
  g_assert_cmpuint (count_lines (err), ==, 1);
  if (strstr (err, part) == NULL)
    g_error ("“%s” is not in: %s", part, err);
}

/* A folder of the strategy replaced by a link to another folder is not
 * followed by save or restore: nothing outside is read into a revision,
 * and the files it hides are not recorded as removed. */
static void
test_linked_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_section (fixture, "Présentation");
  g_autofree char *head = NULL;
  g_autofree char *after = NULL;
  g_autofree char *outside = g_build_filename (fixture->root, "outside", NULL);
  g_autofree char *sections = g_build_filename (fixture->dir, "sections", NULL);
  g_autofree char *moved = g_build_filename (fixture->root, "sections-moved", NULL);
  g_autofree char *secret = g_build_filename (outside, "s-notes.md", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  save (fixture);
  head = git_out (fixture, "rev-parse", "HEAD", NULL);

  g_assert_cmpint (g_mkdir_with_parents (outside, 0755), ==, 0);
  g_assert_true (g_file_set_contents (secret, "---\norder: i\n\ntitle: Secret\n---\n", -1, NULL));
  g_assert_cmpint (g_rename (sections, moved), ==, 0);
  g_assert_cmpint (symlink (outside, sections), ==, 0);

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Hostile", NULL),
                   ==, 1);
  assert_one_line_error (err, "sections");
  after = git_out (fixture, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (after, ==, head);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "restore", fixture->dir, "HEAD", NULL), ==, 1);
  assert_one_line_error (err, "sections");
  g_clear_pointer (&after, g_free);
  after = git_out (fixture, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (after, ==, head);

  /* Nothing was written through the link. */
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_get_contents (secret, &out, NULL, NULL));
  g_assert_cmpstr (out, ==, "---\norder: i\n\ntitle: Secret\n---\n");
  g_clear_pointer (&secret, g_free);
  secret = g_build_filename (outside, ".gitattributes", NULL);
  g_assert_false (g_file_test (secret, G_FILE_TEST_EXISTS));
}

/* core.worktree naming another folder, a bare repository and a git
 * folder kept elsewhere are refused in one line. */
static void
test_foreign_work_tree (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->root, "other", NULL);
  g_autofree char *bare = g_build_filename (fixture->root, "bare.git", NULL);
  g_autofree char *linked = g_build_filename (fixture->root, "linked", NULL);
  g_autofree char *gitfile = g_build_filename (linked, ".git", NULL);
  g_autofree char *pointer = NULL;
  g_autofree char *head = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;

  add_section (fixture, "Présentation");
  head = git_out (fixture, "rev-parse", "HEAD", NULL);
  g_assert_cmpint (g_mkdir_with_parents (other, 0755), ==, 0);
  ignored = git_out (fixture, "config", "core.worktree", other, NULL);

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Elsewhere", NULL),
                   ==, 1);
  assert_one_line_error (err, "core.worktree");
  after = git_out (fixture, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (after, ==, head);
  g_clear_pointer (&ignored, g_free);
  ignored = git_out (fixture, "config", "--unset", "core.worktree", NULL);

  /* A bare clone. */
  g_clear_pointer (&ignored, g_free);
  ignored = git_out (fixture, "clone", "-q", "--bare", fixture->dir, bare, NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "info", bare, NULL), ==, 1);
  assert_one_line_error (err, "bare");

  /* A folder whose .git is a file pointing at the repository. */
  g_assert_cmpint (g_mkdir_with_parents (linked, 0755), ==, 0);
  pointer = g_strdup_printf ("gitdir: %s/.git\n", fixture->dir);
  g_assert_true (g_file_set_contents (gitfile, pointer, -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", linked, "-m", "Linked", NULL), ==, 1);
  assert_one_line_error (err, ".git");
}

/* A file over the size limit is named and nothing is saved; files that
 * are not part of a strategy are left untracked, and said so. */
static void
test_oversized_and_stray (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *id = add_section (fixture, "Présentation");
  g_autofree char *relative = g_strdup_printf ("sections/%s.md", id);
  g_autofree char *path = g_build_filename (fixture->dir, relative, NULL);
  g_autoptr(GString) big = g_string_new ("---\norder: i\n\ntitle: Gros\n---\n");
  g_autofree char *head = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tracked = NULL;
  g_autofree char *status = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  save (fixture);
  head = git_out (fixture, "rev-parse", "HEAD", NULL);

  while (big->len <= 1024 * 1024)
    g_string_append (big, "Une ligne de texte qui ne finit pas de s’étendre encore et encore.\n");
  g_assert_true (g_file_set_contents (path, big->str, big->len, NULL));

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Big", NULL), ==, 1);
  assert_one_line_error (err, relative);
  after = git_out (fixture, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (after, ==, head);

  /* Back to a real section, with stray files beside it. */
  g_assert_true (g_file_set_contents (path, "---\norder: i\n\ntitle: Petit\n---\n", -1, NULL));
  put_file (fixture, "notes.txt", "à faire\n");
  put_file (fixture, "junk/a.bin", "x");
  put_file (fixture, "sections/README.txt", "y");
  put_file (fixture, "sections/Capitals.md", "---\norder: j\n\ntitle: X\n---\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Small", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "4"));
  g_assert_nonnull (strstr (err, "notes.txt"));

  tracked = git_out (fixture, "ls-files", NULL);
  g_assert_nonnull (strstr (tracked, relative));
  g_assert_null (strstr (tracked, "notes.txt"));
  g_assert_null (strstr (tracked, "junk/"));
  g_assert_null (strstr (tracked, "README.txt"));
  g_assert_null (strstr (tracked, "Capitals"));
  status = git_out (fixture, "status", "--porcelain", "--untracked-files=all", NULL);
  g_assert_nonnull (strstr (status, "?? notes.txt"));
}

static char *
current_branch_lock (Fixture *fixture)
{
  g_autofree char *branch = git_out (fixture, "symbolic-ref", "HEAD", NULL);

  return g_strdup_printf ("%s/.git/%s.lock", fixture->dir, branch);
}

/* A branch lock left by a save killed midway is removed by the next save
 * (check and info name it meanwhile); one held by a live git command is
 * respected, with a message saying so. */
static void
test_stale_lock (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *lock = current_branch_lock (fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) git = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;

  add_section (fixture, "Présentation");
  g_assert_true (g_file_set_contents (lock, "", 0, NULL));

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "check", fixture->dir, NULL), ==, 1);
  g_assert_nonnull (strstr (out, ".lock"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "info", fixture->dir, NULL), ==, 0);
  g_assert_nonnull (strstr (out, ".lock"));

  save (fixture);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* A git command still running in the repository: its lock is its own. */
  add_section (fixture, "Contexte");
  g_assert_true (g_file_set_contents (lock, "", 0, NULL));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  git = g_subprocess_launcher_spawn (launcher, &error, "git", "hash-object", "--stdin", NULL);
  g_assert_no_error (error);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Busy", NULL), ==, 1);
  assert_one_line_error (err, "git");
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  g_subprocess_force_exit (git);
  g_subprocess_wait (git, NULL, NULL);
  g_unlink (lock);
  save (fixture);
}

/* While another Accord program holds the repository's lock, a save waits
 * a little, then says which process holds it. */
static void
test_lock_held (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, ".git", "accord.lock", NULL);
  g_autofree char *pid = g_strdup_printf ("%d\n", (int) getpid ());
  g_autofree char *expected = g_strdup_printf ("process %d", (int) getpid ());
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int fd;

  add_section (fixture, "Présentation");
  fd = g_open (path, O_RDWR | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_OFD_SETLK, &lock), ==, 0);
  g_assert_cmpint (write (fd, pid, strlen (pid)), ==, (gssize) strlen (pid));

  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Busy", NULL), ==, 1);
  assert_one_line_error (err, expected);

  close (fd);
  save (fixture);
}

/* A save killed after its commit and before the index was written leaves
 * the index behind HEAD: the next command puts the entries whose file
 * matches HEAD in step, so that plain git does not undo the revision. */
static void
test_stale_index (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = add_section (fixture, "Présentation");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *status = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *title = NULL;
  g_autofree char *spec = g_strdup_printf ("HEAD:sections/%s.md", id);
  g_autofree char *index = NULL;
  g_autofree char *index_lock = NULL;
  struct utimbuf times;

  save (fixture);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "section", "set", fixture->dir, id,
                               "--title", "Nouveau titre", NULL), ==, 0);
  save (fixture);

  /* The index as the killed save left it: the tree before the revision,
   * written before the branch moved. */
  ignored = git_out (fixture, "read-tree", "HEAD~1", NULL);
  index = g_build_filename (fixture->dir, ".git", "index", NULL);
  times.actime = times.modtime = time (NULL) - 60;
  g_assert_cmpint (g_utime (index, &times), ==, 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Again", NULL), ==, 0);
  status = git_out (fixture, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  /* The same, with the lock on the index the killed save left as well:
   * the lock is cleared before the index is put back in step. */
  g_clear_pointer (&ignored, g_free);
  ignored = git_out (fixture, "read-tree", "HEAD~1", NULL);
  g_assert_cmpint (g_utime (index, &times), ==, 0);
  g_clear_pointer (&index_lock, g_free);
  index_lock = g_strconcat (index, ".lock", NULL);
  g_assert_true (g_file_set_contents (index_lock, "", 0, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Again", NULL), ==, 0);
  g_assert_false (g_file_test (index_lock, G_FILE_TEST_EXISTS));
  g_clear_pointer (&status, g_free);
  status = git_out (fixture, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  /* The same index written again since (git status does so): it is no
   * older than the branch, and the save finds it behind all the same. */
  g_clear_pointer (&ignored, g_free);
  ignored = git_out (fixture, "read-tree", "HEAD~1", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture, &out, &err, "save", fixture->dir, "-m", "Again", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing to save\n");
  g_clear_pointer (&status, g_free);
  status = git_out (fixture, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  /* A plain git commit of something else keeps the new title. */
  put_file (fixture, "notes.txt", "x\n");
  g_clear_pointer (&ignored, g_free);
  ignored = git_out (fixture, "add", "notes.txt", NULL);
  g_clear_pointer (&ignored, g_free);
  ignored = git_out (fixture, "-c", "user.name=T", "-c", "user.email=t@example.org",
                     "commit", "-q", "-m", "Notes", NULL);
  title = git_out (fixture, "show", spec, NULL);
  g_assert_nonnull (strstr (title, "title: Nouveau titre"));
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/accord/hardening/names-on-one-line", test_names_on_one_line);

  ADD ("/accord/hardening/linked-folder", test_linked_folder);
  ADD ("/accord/hardening/foreign-work-tree", test_foreign_work_tree);
  ADD ("/accord/hardening/oversized-and-stray", test_oversized_and_stray);
  ADD ("/accord/hardening/stale-lock", test_stale_lock);
  ADD ("/accord/hardening/lock-held", test_lock_held);
  ADD ("/accord/hardening/stale-index", test_stale_index);
  ADD ("/accord/hardening/search-repeated-word", test_search_repeated_word);

#undef ADD

  return g_test_run ();
}
