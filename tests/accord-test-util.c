/* accord-test-util.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <git2.h>

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

/* The setup of a fixture that is, or starts with, an AccordTestFolder:
 * a new temporary folder named after the test program. */
void
accord_test_folder_setup (AccordTestFolder *folder,
                          gconstpointer     data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template_name = g_strdup_printf ("accord-%s-XXXXXX", program);

  folder->tmpdir = accord_test_make_tmpdir (template_name);
  folder->path = g_build_filename (folder->tmpdir, "strategy", NULL);
  folder->repository = NULL;
}

/* The same, with a repository holding an empty strategy, “Stratégie”. */
void
accord_test_folder_setup_strategy (AccordTestFolder *folder,
                                   gconstpointer     data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie", "fr");

  accord_test_folder_setup (folder, data);
  folder->repository = accord_test_create (folder->path, strategy,
                                           "Accord Tests <tests@example.org>", NULL);
}

void
accord_test_folder_teardown (AccordTestFolder *folder,
                             gconstpointer     data)
{
  g_clear_object (&folder->repository);
  accord_test_clear_tmpdir (&folder->tmpdir);
  g_clear_pointer (&folder->path, g_free);
}

/* Removes the directory *@tmpdir made by accord_test_make_tmpdir() and
 * what it holds, and frees its path; a fixture's teardown calls it. */
void
accord_test_clear_tmpdir (char **tmpdir)
{
  if (*tmpdir == NULL)
    return;

  accord_test_remove_tree (*tmpdir);
  g_clear_pointer (tmpdir, g_free);
}

/* The contents of @relative under @dir, asserting that it can be read. */
char *
accord_test_read_file (const char *dir,
                       const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Writes @relative under @dir, and the folders it needs; a @length of -1
 * writes @contents up to its NUL. */
void
accord_test_write_file (const char *dir,
                        const char *relative,
                        const char *contents,
                        gssize      length)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Writes files under @dir, given as pairs of a relative path and
 * contents, up to NULL. */
void
accord_test_write_files (const char *dir,
                         const char *first_relative,
                         ...)
{
  g_autoptr(GPtrArray) pairs = NULL;
  const char *second;
  va_list args;

  va_start (args, first_relative);
  second = va_arg (args, const char *);
  pairs = accord_test_strings_new (first_relative, second, args);
  va_end (args);

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    accord_test_write_file (dir, g_ptr_array_index (pairs, i), g_ptr_array_index (pairs, i + 1),
                            -1);
}

/* The strings @first, @second and the rest of @rest up to NULL, in an
 * array ended by NULL: a command line for accord_test_run(), or a list of
 * pairs. The array holds the caller's strings. */
GPtrArray *
accord_test_strings_new (const char *first,
                         const char *second,
                         va_list     rest)
{
  GPtrArray *strings = g_ptr_array_new ();

  g_ptr_array_add (strings, (char *) first);
  for (const char *string = second; string != NULL; string = va_arg (rest, const char *))
    g_ptr_array_add (strings, (char *) string);
  g_ptr_array_add (strings, NULL);

  return strings;
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

/* A child setup function for the processes a test starts: they are
 * killed when the test program ends, whichever way it ends, so that a
 * failed assertion leaves nothing running behind it. */
void
accord_test_die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Starts @argv with the environment @envp (NULL: this process's), its
 * standard input a pipe when @with_input, its outputs pipes; the caller
 * finishes it with accord_test_communicate(). */
GSubprocess *
accord_test_spawn (const char * const *argv,
                   const char * const *envp,
                   gboolean            with_input)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  GSubprocess *process;

  if (with_input)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;

  launcher = g_subprocess_launcher_new (flags);
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, (char **) envp);
  g_subprocess_launcher_set_child_setup (launcher, accord_test_die_with_parent, NULL, NULL);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  return process;
}

/* Kills *@process, if there is one, without warning: with SIGKILL, as a
 * crash or the system would. Asserts that it died of it, waits for it,
 * and clears *@process. */
void
accord_test_kill (GSubprocess **process)
{
  g_autoptr(GError) error = NULL;

  if (*process == NULL)
    return;

  g_subprocess_force_exit (*process);
  g_assert_true (g_subprocess_wait (*process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (*process));
  g_assert_cmpint (g_subprocess_get_term_sig (*process), ==, SIGKILL);
  g_clear_object (process);
}

/* Writes @input (or nothing) to @process, waits for it to end and returns
 * its exit status, or -1 when it was killed by a signal; its outputs,
 * which need not be UTF-8, are returned in @stdout_text and @stderr_text. */
int
accord_test_communicate (GSubprocess  *process,
                         GBytes       *input,
                         char        **stdout_text,
                         char        **stderr_text)
{
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);

  *stdout_text = bytes_to_string (out);
  *stderr_text = bytes_to_string (err);

  if (!g_subprocess_get_if_exited (process))
    return -1;

  return g_subprocess_get_exit_status (process);
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
  g_autoptr(GSubprocess) process = accord_test_spawn (argv, envp, input != NULL);

  return accord_test_communicate (process, input, stdout_text, stderr_text);
}

/* Runs git in @cwd with the arguments up to NULL, asserts that it
 * succeeds, and returns what it printed. */
char *
accord_test_git_output (const char *cwd,
                        const char *first_arg,
                        ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list args;
  int status;

  va_start (args, first_arg);
  argv = accord_test_strings_new ("git", first_arg, args);
  va_end (args);

  status = accord_test_run ((const char * const *) argv->pdata, cwd, &out, &err);
  if (status != 0)
    g_test_message ("git %s: exit status %d\n%s%s", first_arg, status, out, err);
  g_assert_cmpint (status, ==, 0);

  return out;
}

/* Asserts that @actual, which is freed, is @expected: for values made
 * only to be compared. */
void
accord_test_assert_cmpstr_free (char       *actual,
                                const char *expected)
{
  g_autofree char *owned = actual;

  g_assert_cmpstr (owned, ==, expected);
}

/* Parses @text as JSON, asserting that it is. */
JsonNode *
accord_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
count_marshal (GClosure     *closure,
               GValue       *return_value,
               guint         n_param_values,
               const GValue *param_values,
               gpointer      invocation_hint,
               gpointer      marshal_data)
{
  guint *count = closure->data;

  (*count)++;
}

/* Adds one to *@count each time @instance emits @detailed_signal, whatever
 * the signal's parameters: a test waits for a count to grow to know that
 * something happened. Returns the handler's id. */
gulong
accord_test_count_signal (gpointer    instance,
                          const char *detailed_signal,
                          guint      *count)
{
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), count);

  g_closure_set_marshal (closure, count_marshal);

  return g_signal_connect_closure (instance, detailed_signal, closure, TRUE);
}

/* Makes libgit2 read the user's configuration from @home (its .gitconfig
 * and .config/git/config) and the system's from @home/etc, so that git's
 * identity is the test's; NULL goes back to the usual places. */
void
accord_test_use_git_home (const char *home)
{
  g_autofree char *xdg = home != NULL ? g_build_filename (home, ".config", "git", NULL) : NULL;
  g_autofree char *system = home != NULL ? g_build_filename (home, "etc", NULL) : NULL;

  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, home),
                   ==, 0);
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, xdg), ==, 0);
  g_assert_cmpint (git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, system),
                   ==, 0);
}

/* Sets a field, asserting that the value is accepted. */
void
accord_test_set (AccordEntity *entity,
                 const char   *field,
                 const char   *value)
{
  g_autoptr(GError) error = NULL;

  if (!accord_entity_set_field (entity, field, value, &error))
    g_test_message ("Could not set %s to “%s”", field, value);
  g_assert_no_error (error);
}

/* Adds an entity of @kind to @strategy, with the id @id (NULL: a new one)
 * and the fields given as name, value pairs up to NULL; a NULL value
 * leaves the field unset. Returns the entity, which the strategy holds. */
AccordEntity *
accord_test_add (AccordStrategy   *strategy,
                 AccordEntityKind  kind,
                 const char       *id,
                 const char       *first_field,
                 ...)
{
  g_autoptr(AccordEntity) entity = accord_entity_new (kind, id);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    accord_test_set (entity, field, va_arg (args, const char *));
  va_end (args);

  g_assert_true (accord_strategy_add (strategy, entity, &error));
  g_assert_no_error (error);

  return entity;
}

/* Makes a strategy's repository at @path with its first revision. */
AccordRepository *
accord_test_create (const char     *path,
                    AccordStrategy *strategy,
                    const char     *author,
                    const char     *message)
{
  g_autoptr(GError) error = NULL;
  AccordRepository *repository = accord_repository_create (path, strategy, author, message,
                                                           &error);

  g_assert_no_error (error);
  g_assert_nonnull (repository);

  return repository;
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

/* Writes @strategy to @repository's work tree. */
void
accord_test_write (AccordRepository *repository,
                   AccordStrategy   *strategy)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_repository_write (repository, strategy, &error));
  g_assert_no_error (error);
}

/* Saves the work tree as a revision; returns its id. */
char *
accord_test_save (AccordRepository *repository,
                  const char       *message,
                  const char       *author)
{
  g_autoptr(GError) error = NULL;
  char *revision = accord_repository_save (repository, message, author, &error);

  g_assert_no_error (error);
  g_assert_nonnull (revision);

  return revision;
}

static char *
dup_problems_text (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = accord_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_strdup (text->str);
}

/* Asserts that one of @problems (AccordProblem) is at @path:@line and
 * that its message contains @fragment, when not NULL. */
void
accord_test_assert_problem (GPtrArray  *problems,
                            const char *path,
                            guint       line,
                            const char *fragment)
{
  g_autofree char *text = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      AccordProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->path, path) == 0 && problem->line == line &&
          (fragment == NULL || strstr (problem->message, fragment) != NULL))
        return;
    }

  text = dup_problems_text (problems);
  g_error ("No problem at %s:%u about “%s” among:\n%s", path, line,
           fragment != NULL ? fragment : "", text);
}

/* Asserts that @problems are the @n_expected ones of @expected, in any
 * order, and no others. */
void
accord_test_assert_problems (GPtrArray               *problems,
                             const AccordTestProblem *expected,
                             guint                    n_expected)
{
  for (guint i = 0; i < n_expected; i++)
    accord_test_assert_problem (problems, expected[i].path, expected[i].line,
                                expected[i].fragment);

  if (problems->len != n_expected)
    {
      g_autofree char *text = dup_problems_text (problems);

      g_error ("%u problems instead of %u:\n%s", problems->len, n_expected, text);
    }
}

void
accord_test_assert_no_problems (GPtrArray *problems)
{
  if (problems->len > 0)
    {
      g_autofree char *text = dup_problems_text (problems);

      g_error ("Unexpected problems:\n%s", text);
    }
}

/* Asserts that @key is a valid order key that sorts after @before and
 * before @after (NULL: the start, the end). */
void
accord_test_assert_order_between (const char *before,
                                  const char *after,
                                  const char *key)
{
  g_assert_nonnull (key);
  if (!accord_order_key_is_valid (key))
    g_error ("“%s” between “%s” and “%s” is not a valid key", key,
             before != NULL ? before : "(start)", after != NULL ? after : "(end)");
  if (before != NULL && strcmp (before, key) >= 0)
    g_error ("“%s” does not sort after “%s”", key, before);
  if (after != NULL && strcmp (key, after) >= 0)
    g_error ("“%s” does not sort before “%s”", key, after);
}
