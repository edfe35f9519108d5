/* cli-test-common.c
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

const char *cli_path;

void
pending_free (Pending *pending)
{
  g_clear_object (&pending->process);
  g_clear_pointer (&pending->input, g_bytes_unref);
  g_free (pending->fragment);
  g_free (pending);
}

void
fixture_setup (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *config = NULL;
  g_autofree char *gitconfig = NULL;
  g_autofree char *asan_options = NULL;
  const char *asan;

  f->tmpdir = accord_test_make_tmpdir ("accord-cli-XXXXXX");
  f->dir = g_build_filename (f->tmpdir, "strategy", NULL);
  home = g_build_filename (f->tmpdir, "home", NULL);
  config = g_build_filename (home, ".config", NULL);
  gitconfig = g_build_filename (home, ".gitconfig", NULL);

  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_file_set_contents (gitconfig, "[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n",
                       -1, &error);
  g_assert_no_error (error);

  f->envp = g_get_environ ();
  f->envp = g_environ_setenv (f->envp, "HOME", home, TRUE);
  f->envp = g_environ_setenv (f->envp, "XDG_CONFIG_HOME", config, TRUE);
  f->envp = g_environ_setenv (f->envp, "TZ", "CET-1", TRUE);

  /* In a sanitizer build, looking for leaks takes each run of accord-cli
   * about half its time: the commands expected to fail, many of them, run
   * without it. */
  asan = g_environ_getenv (f->envp, "ASAN_OPTIONS");
  asan_options = g_strconcat (asan != NULL ? asan : "", ":detect_leaks=0", NULL);
  f->quick_envp = g_environ_setenv (g_strdupv (f->envp), "ASAN_OPTIONS", asan_options, TRUE);
  f->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
}

void
fixture_teardown (Fixture       *f,
                   gconstpointer  data)
{
  wait_failures (f);
  g_ptr_array_unref (f->pending);
  accord_test_clear_tmpdir (&f->tmpdir);
  g_free (f->dir);
  g_strfreev (f->envp);
  g_strfreev (f->quick_envp);
  g_free (f->out);
  g_free (f->err);
}

/* Runs the command line @argv, which ends with NULL, keeping its output
 * in the fixture. */
int
run_argv (Fixture   *f,
          GBytes    *input,
          GPtrArray *argv)
{
  wait_failures (f);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);

  return accord_test_run_full ((const char * const *) argv->pdata,
                               (const char * const *) f->envp, input, &f->out, &f->err);
}

GBytes *
bytes_new (const char *input,
           gssize      length)
{
  if (input == NULL)
    return NULL;

  return g_bytes_new (input, length >= 0 ? (gsize) length : strlen (input));
}

/* Runs accord-cli with the arguments, then NULL, and @input (if not NULL)
 * on its standard input; returns its exit status. */
int
run_with_input (Fixture    *f,
                const char *input,
                gssize      length,
                const char *first_arg,
                ...)
{
  g_autoptr(GBytes) bytes = bytes_new (input, length);
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first_arg);
  argv = accord_test_strings_new (cli_path, first_arg, args);
  va_end (args);

  return run_argv (f, bytes, argv);
}

/* Checks that the last command succeeded silently on standard error;
 * returns its output without the last line break. */
char *
dup_success_output (Fixture *f,
                    int      status)
{
  if (status != 0)
    g_test_message ("accord-cli failed with status %d: %s", status, f->err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (f->err, ==, "");

  return g_strchomp (g_strdup (f->out));
}

/* Runs a command with --json added, which must succeed; returns what it
 * printed, parsed. */
JsonNode *
run_json (Fixture    *f,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first_arg);
  argv = accord_test_strings_new (cli_path, first_arg, args);
  va_end (args);
  g_ptr_array_insert (argv, argv->len - 1, (char *) "--json");

  g_free (dup_success_output (f, run_argv (f, NULL, argv)));

  return accord_test_parse_json (f->out);
}

/* Checks that the last command failed with @expected_status, printing
 * nothing but one line on standard error that contains @fragment. */
void
assert_failed (Fixture    *f,
               int         status,
               int         expected_status,
               const char *fragment)
{
  if (status != expected_status)
    g_test_message ("unexpected status %d: %s%s", status, f->out, f->err);
  g_assert_cmpint (status, ==, expected_status);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "accord-cli: "));
  g_assert_true (g_str_has_suffix (f->err, "\n"));
  g_assert_true (strchr (f->err, '\n') == f->err + strlen (f->err) - 1);
  if (strstr (f->err, fragment) == NULL)
    g_test_message ("“%s” not in: %s", fragment, f->err);
  g_assert_nonnull (strstr (f->err, fragment));
}

/* Starts accord-cli with the arguments, then NULL, and @input (if not
 * NULL) on its standard input. It must fail as assert_failed() checks;
 * wait_failures() waits for it. Commands that must fail without writing
 * anything run side by side, which keeps the tests quick. */
void
expect_failure_va (Fixture    *f,
                   GBytes     *input,
                   int         expected_status,
                   const char *fragment,
                   const char *first_arg,
                   va_list     args)
{
  g_autoptr(GPtrArray) argv = accord_test_strings_new (cli_path, first_arg, args);
  Pending *pending = g_new0 (Pending, 1);

  pending->process = accord_test_spawn ((const char * const *) argv->pdata,
                                        (const char * const *) f->quick_envp, input != NULL);
  pending->input = input != NULL ? g_bytes_ref (input) : NULL;
  pending->expected_status = expected_status;
  pending->fragment = g_strdup (fragment);
  g_ptr_array_add (f->pending, pending);
}

void
expect_failure_with_input (Fixture    *f,
                           const char *input,
                           gssize      length,
                           int         expected_status,
                           const char *fragment,
                           const char *first_arg,
                           ...)
{
  g_autoptr(GBytes) bytes = bytes_new (input, length);
  va_list args;

  va_start (args, first_arg);
  expect_failure_va (f, bytes, expected_status, fragment, first_arg, args);
  va_end (args);
}

void
wait_failures (Fixture *f)
{
  for (guint i = 0; i < f->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (f->pending, i);
      int status;

      g_clear_pointer (&f->out, g_free);
      g_clear_pointer (&f->err, g_free);
      status = accord_test_communicate (pending->process, pending->input, &f->out, &f->err);
      assert_failed (f, status, pending->expected_status, pending->fragment);
    }

  g_ptr_array_set_size (f->pending, 0);
}

char *
path_in (Fixture    *f,
         const char *relative)
{
  return g_build_filename (f->dir, relative, NULL);
}

gboolean
exists_in (Fixture    *f,
           const char *relative)
{
  g_autofree char *path = path_in (f, relative);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Writes a file next to the strategy; returns its path. */
char *
write_tmp_file (Fixture    *f,
                const char *name,
                const char *contents,
                gssize      length)
{
  accord_test_write_file (f->tmpdir, name, contents, length);

  return g_build_filename (f->tmpdir, name, NULL);
}

int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
collect_tree (const char *root,
              const char *relative,
              GString    *out)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (relative, g_ptr_array_index (names, i), NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          g_string_append_printf (out, "%s/\n", child);
          collect_tree (root, child, out);
          continue;
        }

      /* Accord's lock holds the id of the last process that took it. */
      if (g_str_equal (child, ".git/accord.lock"))
        {
          g_string_append_printf (out, "%s\n", child);
          continue;
        }

      g_assert_true (g_file_get_contents (full, &contents, &length, NULL));
      g_string_append_printf (out, "%s %" G_GSIZE_FORMAT "\n", child, length);
      g_string_append_len (out, contents, length);
    }
}

/* Every file of the strategy, .git included, with its bytes: what a
 * failed command must leave as it was. */
char *
dup_tree (Fixture *f)
{
  GString *out = g_string_new (NULL);

  wait_failures (f);
  collect_tree (f->dir, "", out);

  return g_string_free (out, FALSE);
}

/* Checks that the strategy's files are still @before, as dup_tree()
 * returned them. */
void
assert_tree (Fixture    *f,
             const char *before)
{
  g_autofree char *after = dup_tree (f);

  g_assert_cmpstr (after, ==, before);
}

void
init_strategy (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Test strategy", "fr");
  g_autoptr(AccordRepository) repository = NULL;

  repository = accord_test_create (f->dir, strategy, AUTHOR, NULL);
}

AccordRepository *
open_strategy (Fixture         *f,
               AccordStrategy **strategy)
{
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GError) error = NULL;

  repository = accord_repository_open (f->dir, &error);
  g_assert_no_error (error);
  *strategy = accord_repository_load (repository, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&repository);
}

/* Adds a section or an objective last under @parent_id. */
char *
add_entity (Fixture          *f,
            AccordEntityKind  kind,
            const char       *title,
            const char       *parent_id)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  GListModel *siblings = accord_strategy_get_children (strategy, parent_id);
  g_autofree char *order = NULL;
  AccordEntity *entity;
  const char *last = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (siblings); i++)
    {
      g_autoptr(AccordEntity) sibling = g_list_model_get_item (siblings, i);

      if (accord_entity_get_kind (sibling) == kind)
        last = accord_entity_get_id (sibling);
    }

  order = accord_strategy_dup_order_after (strategy, parent_id, last, kind);
  entity = accord_test_add (strategy, kind, NULL, "order", order, "title", title,
                            kind == ACCORD_ENTITY_SECTION ? "parent" : "section", parent_id,
                            NULL);
  accord_test_write (repository, strategy);

  return g_strdup (accord_entity_get_id (entity));
}

char *
add_section (Fixture    *f,
             const char *title,
             const char *parent)
{
  return add_entity (f, ACCORD_ENTITY_SECTION, title, parent);
}

char *
add_objective (Fixture    *f,
               const char *section,
               const char *title)
{
  return add_entity (f, ACCORD_ENTITY_OBJECTIVE, title, section);
}

void
set_title (Fixture    *f,
           const char *id,
           const char *title)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GError) error = NULL;

  accord_entity_set_field (accord_strategy_lookup (strategy, id), "title", title, &error);
  g_assert_no_error (error);
  accord_test_write (repository, strategy);
}

/* Saves a revision; returns its short id. */
char *
commit (Fixture    *f,
        const char *message)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = accord_repository_save (repository, message, AUTHOR, &error);
  g_assert_no_error (error);

  return g_strndup (id, 7);
}

AccordRevision *
dup_last_revision (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  log = accord_repository_log (repository, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);

  return accord_revision_copy (g_ptr_array_index (log, 0));
}

/* The titles of the sections in reading order, joined by "|", each
 * indented by its depth: "A|  A.1|B". */
char *
dup_outline (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GPtrArray) outline = accord_strategy_dup_outline (strategy);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < outline->len; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);

      if (i > 0)
        g_string_append_c (titles, '|');
      for (guint depth = accord_strategy_get_depth (strategy, section); depth > 0; depth--)
        g_string_append (titles, "  ");
      g_string_append (titles, accord_section_get_title (section));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

void
assert_n_items (JsonNode *root,
                guint     expected)
{
  JsonArray *array = json_node_get_array (root);

  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, expected);
}

JsonObject *
get_object_at (JsonNode *root,
               guint     index)
{
  JsonArray *array = json_node_get_array (root);

  g_assert_nonnull (array);
  g_assert_cmpuint (index, <, json_array_get_length (array));

  return json_array_get_object_element (array, index);
}

void
assert_strv_member (JsonObject *object,
                    const char *member,
                    const char *expected)
{
  JsonArray *array = json_object_get_array_member (object, member);
  g_autoptr(GString) joined = g_string_new (NULL);

  g_assert_nonnull (array);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, json_array_get_string_element (array, i));
    }

  g_assert_cmpstr (joined->str, ==, expected);
}

gboolean
is_short_id (const char *text,
             gsize       length)
{
  if (strlen (text) < length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Starts a test program of accord-cli: its revisions, and those made here,
 * are one hour east of UTC. */
void
cli_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, NULL);

  g_setenv ("TZ", "CET-1", TRUE);
  tzset ();

  cli_path = g_getenv ("ACCORD_CLI");
  g_assert_nonnull (cli_path);
}
