/* accord-test-util.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-test-util.h"

/* Returns a new empty directory under the system's temporary directory;
 * the test removes it with accord_test_remove_tree(). */
char *
accord_test_make_tmpdir (const char *template_name)
{
  g_autoptr(GError) error = NULL;
  char *path;

  path = g_dir_make_tmp (template_name, &error);
  g_assert_no_error (error);

  return path;
}

static gboolean
remove_file_tree (GFile   *file,
                  GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, error) &&
         info != NULL)
    {
      if (!remove_file_tree (child, error))
        return FALSE;
    }

  return g_file_delete (file, NULL, error);
}

void
accord_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  remove_file_tree (file, &error);
  g_assert_no_error (error);
}

/* Runs @argv to completion and returns its exit status, or -1 when it was
 * killed by a signal; its output is returned in @stdout_text and
 * @stderr_text. */
int
accord_test_run (const char * const  *argv,
                 const char          *cwd,
                 char               **stdout_text,
                 char               **stderr_text)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, stdout_text, stderr_text, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process))
    return -1;

  return g_subprocess_get_exit_status (process);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

/* Like accord_test_run(), with the environment @envp (NULL: this
 * process's) and @input written to the standard input (NULL: none). The
 * outputs need not be UTF-8. */
int
accord_test_run_full (const char * const  *argv,
                      const char * const  *envp,
                      GBytes              *input,
                      char               **stdout_text,
                      char               **stderr_text)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;

  launcher = g_subprocess_launcher_new (flags);
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, (char **) envp);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);

  *stdout_text = bytes_to_string (out);
  *stderr_text = bytes_to_string (err);

  if (!g_subprocess_get_if_exited (process))
    return -1;

  return g_subprocess_get_exit_status (process);
}

/* Reads the strategy in @repository's work tree, asserting that it can. */
AccordStrategy *
accord_test_load (AccordRepository *repository)
{
  g_autoptr(GError) error = NULL;
  AccordStrategy *strategy = accord_repository_load (repository, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strategy);

  return strategy;
}
