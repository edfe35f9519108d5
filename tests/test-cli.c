/* test-cli.c
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

static const char *cli_path;

static int
run_cli (const char  *first_arg,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, err);
  argv = accord_test_strings_new (cli_path, first_arg, args);
  va_end (args);

  return accord_test_run ((const char * const *) argv->pdata, NULL, out, err);
}

static void
test_version_flag (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("--version", &out, &err, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "accord-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_help_lists_commands (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("help", &out, &err, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "accord-cli COMMAND"));
  g_assert_nonnull (strstr (out, "\n  version "));
}

static void
test_no_command_is_usage_error (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, &out, &err, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Commands:"));
}

static void
test_unknown_command (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("frobnicate", &out, &err, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  /* One line, naming the command. */
  g_assert_true (g_str_has_prefix (err, "accord-cli: unknown command “frobnicate”"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
}

static void
test_version_text (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli ("version", &out, &err, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Accord " PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (lines[1], "libgit2 "));
  g_assert_nonnull (strstr (lines[1], "threads: yes"));
  g_assert_true (g_str_has_prefix (lines[2], "SQLite "));
  g_assert_nonnull (strstr (lines[2], "full-text search: yes"));
}

static void
test_version_json (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *object;

  g_assert_cmpint (run_cli ("version", &out, &err, "--json", NULL), ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "libgit2-version"),
                                   "1."));
  g_assert_true (json_object_get_boolean_member (object, "sqlite-fts5"));
  g_assert_true (json_object_get_boolean_member (object, "libgit2-threads"));
  g_assert_true (json_object_has_member (object, "libgit2-https"));
  g_assert_true (json_object_has_member (object, "libgit2-ssh"));
}

static void
test_version_check (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("version", &out, &err, "--check", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_version_rejects_arguments (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("version", &out, &err, "extra", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "accord-cli: “version” takes no arguments\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("version", &out, &err, "--no-such-option", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "accord-cli: "));
  g_assert_nonnull (strstr (err, "--no-such-option"));
}

static void
test_help_lists_every_command (void)
{
  static const char * const names[] = {
    "init", "info", "sections", "section", "objectives", "objective", "save", "log", "tag",
    "restore", "check", "export", "version",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ("help", &out, &err, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %-12s ", names[i]);

      g_assert_nonnull (strstr (out, line));
    }
}

/* Commands on strategies run in a temporary folder, with a home folder
 * whose .gitconfig names the author and a fixed time zone one hour east of
 * UTC. The output of the last command run is kept in the fixture. */
typedef struct
{
  char      *tmpdir;
  char      *dir;
  char     **envp;
  char     **quick_envp;
  char      *out;
  char      *err;
  GPtrArray *pending;
} Fixture;

/* A command started by expect_failure(), still running. */
typedef struct
{
  GSubprocess *process;
  GBytes      *input;
  int          expected_status;
  char        *fragment;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->process);
  g_clear_pointer (&pending->input, g_bytes_unref);
  g_free (pending->fragment);
  g_free (pending);
}

static void wait_failures (Fixture *f);

static void
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

static void
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
static int
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

static GBytes *
bytes_new (const char *input,
           gssize      length)
{
  if (input == NULL)
    return NULL;

  return g_bytes_new (input, length >= 0 ? (gsize) length : strlen (input));
}

/* Runs accord-cli with the arguments, then NULL, and @input (if not NULL)
 * on its standard input; returns its exit status. */
static int
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

#define run(f, ...) run_with_input (f, NULL, 0, __VA_ARGS__)

/* Checks that the last command succeeded silently on standard error;
 * returns its output without the last line break. */
static char *
dup_success_output (Fixture *f,
                    int      status)
{
  if (status != 0)
    g_test_message ("accord-cli failed with status %d: %s", status, f->err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (f->err, ==, "");

  return g_strchomp (g_strdup (f->out));
}

/* Runs a command that must succeed silently on standard error; returns
 * its output without the last line break. */
#define run_ok(f, ...) dup_success_output (f, run (f, __VA_ARGS__))

/* Runs a command that must succeed printing nothing at all. */
#define run_quiet(f, ...) \
  G_STMT_START { \
    g_free (run_ok (f, __VA_ARGS__)); \
    g_assert_cmpstr ((f)->out, ==, ""); \
  } G_STMT_END

/* Runs a command with --json added, which must succeed; returns what it
 * printed, parsed. */
static JsonNode *
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
static void
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
static void
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

static void
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

#define expect_failure(f, ...) expect_failure_with_input (f, NULL, 0, __VA_ARGS__)

static void
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

static char *
path_in (Fixture    *f,
         const char *relative)
{
  return g_build_filename (f->dir, relative, NULL);
}

static gboolean
exists_in (Fixture    *f,
           const char *relative)
{
  g_autofree char *path = path_in (f, relative);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Writes a file next to the strategy; returns its path. */
static char *
write_tmp_file (Fixture    *f,
                const char *name,
                const char *contents,
                gssize      length)
{
  accord_test_write_file (f->tmpdir, name, contents, length);

  return g_build_filename (f->tmpdir, name, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
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
static char *
dup_tree (Fixture *f)
{
  GString *out = g_string_new (NULL);

  wait_failures (f);
  collect_tree (f->dir, "", out);

  return g_string_free (out, FALSE);
}

/* Checks that the strategy's files are still @before, as dup_tree()
 * returned them. */
static void
assert_tree (Fixture    *f,
             const char *before)
{
  g_autofree char *after = dup_tree (f);

  g_assert_cmpstr (after, ==, before);
}

/* Setting a strategy up, and looking at it, go through libaccord in this
 * process: only the commands under test run accord-cli. */

#define AUTHOR "Ada Lovelace <ada@example.org>"

static void
init_strategy (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Test strategy", "fr");
  g_autoptr(AccordRepository) repository = NULL;

  repository = accord_test_create (f->dir, strategy, AUTHOR, NULL);
}

static AccordRepository *
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
static char *
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

static char *
add_section (Fixture    *f,
             const char *title,
             const char *parent)
{
  return add_entity (f, ACCORD_ENTITY_SECTION, title, parent);
}

static char *
add_objective (Fixture    *f,
               const char *section,
               const char *title)
{
  return add_entity (f, ACCORD_ENTITY_OBJECTIVE, title, section);
}

static void
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

static void
remove_entity (Fixture    *f,
               const char *id)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GError) error = NULL;

  accord_strategy_remove (strategy, id, &error);
  g_assert_no_error (error);
  accord_test_write (repository, strategy);
}

/* Saves a revision; returns its short id. */
static char *
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

static void
make_milestone (Fixture    *f,
                const char *name)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GError) error = NULL;

  accord_repository_tag (repository, name, name, AUTHOR, &error);
  g_assert_no_error (error);
}

static guint
count_unsaved (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = accord_repository_status (repository, &error);
  g_assert_no_error (error);

  return changes->len;
}

static AccordRevision *
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

/* The value of an entity's field, a list's items joined by "|"; NULL when
 * the field is not set. */
static char *
dup_field (Fixture    *f,
           const char *id,
           const char *field)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  AccordEntity *entity = accord_strategy_lookup (strategy, id);
  const char * const *values;

  g_assert_nonnull (entity);
  values = accord_entity_get_list (entity, field);

  return values != NULL ? g_strjoinv ("|", (char **) values) : NULL;
}

static void
assert_field (Fixture    *f,
              const char *id,
              const char *field,
              const char *expected)
{
  g_autofree char *value = dup_field (f, id, field);

  g_assert_cmpstr (value, ==, expected);
}

/* The titles of the sections in reading order, joined by "|", each
 * indented by its depth: "A|  A.1|B". */
static char *
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

/* The titles of the objectives, section by section, joined by "|". */
static char *
dup_objective_titles (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GPtrArray) outline = accord_strategy_dup_outline (strategy);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < outline->len; i++)
    {
      AccordEntity *section = g_ptr_array_index (outline, i);
      GListModel *children = accord_strategy_get_children (strategy,
                                                           accord_entity_get_id (section));

      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(AccordEntity) child = g_list_model_get_item (children, j);

          if (accord_entity_get_kind (child) != ACCORD_ENTITY_OBJECTIVE)
            continue;
          if (titles->len > 0)
            g_string_append_c (titles, '|');
          g_string_append (titles, accord_entity_get_field (child, "title"));
        }
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
assert_n_items (JsonNode *root,
                guint     expected)
{
  JsonArray *array = json_node_get_array (root);

  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, expected);
}

static JsonObject *
get_object_at (JsonNode *root,
               guint     index)
{
  JsonArray *array = json_node_get_array (root);

  g_assert_nonnull (array);
  g_assert_cmpuint (index, <, json_array_get_length (array));

  return json_array_get_object_element (array, index);
}

static void
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

static gboolean
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

/* init */

static void
test_init_default (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = run_ok (f, "init", f->dir, NULL);
  g_autofree char *strategy = accord_test_read_file (f->dir, "strategy.md");

  g_assert_true (is_short_id (out, 7));
  g_assert_cmpstr (out + 7, ==, " Create the strategy");
  /* The folder's name is the title; the language is French. */
  g_assert_nonnull (strstr (strategy, "\ntitle: strategy\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: fr\n"));
}

static void
test_init_options (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = run_ok (f, "init", f->dir, "--title", "Digital strategy",
                                 "--language", "en-GB", "--author", "Bob Smith <bob@example.org>",
                                 NULL);
  g_autofree char *strategy = accord_test_read_file (f->dir, "strategy.md");
  g_autoptr(AccordRevision) revision = dup_last_revision (f);

  g_assert_nonnull (strstr (strategy, "\ntitle: Digital strategy\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: en-GB\n"));
  g_assert_cmpstr (revision->author_name, ==, "Bob Smith");
  g_assert_cmpstr (revision->author_email, ==, "bob@example.org");
  g_assert_cmpint (strncmp (out, revision->id, 7), ==, 0);
}

static void
test_init_existing_folder (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));

  assert_failed (f, run (f, "init", f->dir, NULL), 1, "is not empty");
  g_assert_true (g_file_get_contents (notes, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_assert_false (exists_in (f, ".git"));
}

static void
test_init_empty_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  out = run_ok (f, "init", f->dir, NULL);
  g_assert_true (exists_in (f, "strategy.md"));
}

static void
test_init_invalid_values (Fixture       *f,
                          gconstpointer  data)
{
  assert_failed (f, run (f, "init", f->dir, "--language", "French", NULL), 1,
                 "“language” must be a language tag");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  assert_failed (f, run (f, "init", f->dir, "--title", "", NULL), 1, "“title” cannot be empty");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

static void
test_init_bad_author_leaves_nothing (Fixture       *f,
                                     gconstpointer  data)
{
  /* The author is checked when the first revision is made, after the
   * files are written: they must go again. */
  assert_failed (f, run (f, "init", f->dir, "--author", "Bob", NULL), 1,
                 "is not an author written “Name <e-mail>”");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  assert_failed (f, run (f, "init", f->dir, "--author", "Bob", NULL), 1, "Bob");
  g_assert_true (g_file_test (f->dir, G_FILE_TEST_IS_DIR));
  g_assert_false (exists_in (f, ".git"));
  g_assert_false (exists_in (f, "strategy.md"));
}

static void
test_init_usage (Fixture       *f,
                 gconstpointer  data)
{
  assert_failed (f, run (f, "init", NULL), 2, "usage: accord-cli init [OPTION…] DIR");
  assert_failed (f, run (f, "init", f->dir, "--no-such-option", NULL), 2, "--no-such-option");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

static const char markdown_document[] =
  "# Stratégie numérique internationale\n"
  "\n"
  "La France porte une vision ouverte du numérique.\n"
  "\n"
  "## Connectivité\n"
  "\n"
  "Relier les écoles et les hôpitaux.\n"
  "\n"
  "### Infrastructures\n"
  "\n"
  "- câbles sous-marins\n"
  "- centres de données\n"
  "\n"
  "## Gouvernance\n"
  "\n"
  "Un internet ouvert, libre et sûr.\n";

static void
test_init_from_markdown (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *source = write_tmp_file (f, "strategy.md", markdown_document, -1);
  g_autofree char *out = run_ok (f, "init", f->dir, "--from-markdown", source, NULL);
  g_autofree char *outline = dup_outline (f);
  g_autofree char *strategy = accord_test_read_file (f->dir, "strategy.md");

  g_assert_cmpstr (outline, ==, "Connectivité|  Infrastructures|Gouvernance");
  g_assert_nonnull (strstr (strategy, "\ntitle: Stratégie numérique internationale\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: fr\n"));

  /* Nothing is left unsaved: the import is the first revision. */
  g_free (out);
  out = run_ok (f, "save", f->dir, "-m", "Again", NULL);
  g_assert_cmpstr (out, ==, "Nothing to save");

  /* Exporting gives the same bytes back. */
  g_assert_cmpint (run (f, "export", f->dir, "--format", "markdown", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpstr (f->out, ==, markdown_document);
}

static void
test_init_from_markdown_options (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *strategy = NULL;

  g_assert_cmpint (run_with_input (f, markdown_document, -1, "init", f->dir, "--from-markdown",
                                   "-", "--title", "Other title", "--language", "en", NULL),
                   ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  strategy = accord_test_read_file (f->dir, "strategy.md");
  g_assert_nonnull (strstr (strategy, "\ntitle: Other title\n"));
  g_assert_nonnull (strstr (strategy, "\nlanguage: en\n"));
}

static void
test_init_from_markdown_invalid (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *latin1 = write_tmp_file (f, "latin1.md", "# Strat\xe9gie\n", -1);
  g_autofree char *untitled = write_tmp_file (f, "untitled.md", "Some text\n\n## A section\n", -1);
  g_autofree char *empty_heading = write_tmp_file (f, "empty-heading.md",
                                                   "# Title\n\n## One\n\n##\n\nText.\n", -1);
  g_autofree char *missing = g_build_filename (f->tmpdir, "missing.md", NULL);

  assert_failed (f, run (f, "init", f->dir, "--from-markdown", latin1, NULL), 1,
                 "latin1.md” is not valid UTF-8 text, from line 1");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  assert_failed (f, run (f, "init", f->dir, "--from-markdown", untitled, NULL), 1,
                 "untitled.md: The document has no title: its first heading, on line 3,");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  /* A section cannot be without a title: the file and the line say where. */
  assert_failed (f, run (f, "init", f->dir, "--from-markdown", empty_heading, NULL), 1,
                 "empty-heading.md: The heading on line 5 has no title");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  assert_failed (f, run (f, "init", f->dir, "--from-markdown", missing, NULL), 1, "missing.md");
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

/* info */

static void
test_info_text (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AccordRevision) revision = NULL;
  g_auto(GStrv) lines = NULL;

  init_strategy (f);
  section = add_section (f, "Context", NULL);
  revision = dup_last_revision (f);

  out = run_ok (f, "info", f->dir, NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);
  g_assert_cmpstr (lines[0], ==, "Title:                Test strategy");
  g_assert_cmpstr (lines[1], ==, "Language:             fr");
  g_assert_cmpstr (lines[2], ==, "Status:               draft");
  g_assert_cmpstr (lines[3], ==, "Sections:             1");
  g_assert_cmpstr (lines[4], ==, "Objectives:           0");
  g_assert_cmpstr (lines[5], ==, "Consultation rounds:  0");
  g_assert_cmpstr (lines[6], ==, "Participants:         0");
  g_assert_cmpstr (lines[7], ==, "Comments:             0");
  expected = g_strdup_printf ("Revision:             %.7s  ", revision->id);
  g_assert_true (g_str_has_prefix (lines[8], expected));
  g_assert_true (g_regex_match_simple ("  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+01:00  "
                                       "Create the strategy$",
                                       lines[8], 0, 0));
  g_assert_cmpstr (lines[9], ==, "Unsaved files:        1");
  g_assert_cmpstr (lines[10], ==, "Problems:             0");
}

static void
test_info_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *canonical = g_canonicalize_filename (f->dir, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *info;
  JsonObject *revision;

  init_strategy (f);
  section = add_section (f, "Context", NULL);
  saved = commit (f, "Add the context");
  objective = add_objective (f, section, "Connect schools");
  accord_test_write_file (f->dir, "sections/s-broken.md", "no header\n", -1);

  root = run_json (f, "info", f->dir, NULL);
  info = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (info, "path"), ==, canonical);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Test strategy");
  g_assert_cmpstr (json_object_get_string_member (info, "language"), ==, "fr");
  g_assert_cmpstr (json_object_get_string_member (info, "status"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (info, "sections"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (info, "objectives"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (info, "rounds"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (info, "participants"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (info, "comments"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (info, "unsaved-changes"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (info, "problems"), ==, 1);

  revision = json_object_get_object_member (info, "revision");
  g_assert_nonnull (revision);
  g_assert_true (g_str_has_prefix (saved, json_object_get_string_member (revision, "short-id")));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (revision, "id"),
                                   json_object_get_string_member (revision, "short-id")));
  g_assert_cmpuint (strlen (json_object_get_string_member (revision, "id")), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (revision, "message"), ==, "Add the context");
  g_assert_cmpstr (json_object_get_string_member (revision, "author-name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (revision, "author-email"), ==,
                   "ada@example.org");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (revision, "date"), "+01:00"));
}

static void
test_info_not_a_strategy (Fixture       *f,
                          gconstpointer  data)
{
  expect_failure (f, 1, "is not a strategy", "info", f->tmpdir, NULL);
  expect_failure (f, 1, "is not a strategy", "info", f->dir, NULL);
  expect_failure (f, 2, "usage: accord-cli info [OPTION…] DIR", "info", NULL);
}

/* sections */

static void
test_sections_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a11 = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  init_strategy (f);
  run_quiet (f, "sections", f->dir, NULL);

  a = add_section (f, "Connectivity", NULL);
  b = add_section (f, "Governance", NULL);
  a1 = add_section (f, "Schools", a);
  a11 = add_section (f, "Rural schools", a1);

  g_free (out);
  out = run_ok (f, "sections", f->dir, NULL);
  expected = g_strdup_printf ("%s  Connectivity\n%s    Schools\n%s      Rural schools\n"
                              "%s  Governance",
                              a, a1, a11, b);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_sections_json (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *section;

  init_strategy (f);
  root = run_json (f, "sections", f->dir, NULL);
  assert_n_items (root, 0);
  g_clear_pointer (&root, json_node_unref);

  a = add_section (f, "Connectivity", NULL);
  a1 = add_section (f, "Schools", a);

  root = run_json (f, "sections", f->dir, NULL);
  assert_n_items (root, 2);

  section = get_object_at (root, 0);
  g_assert_cmpuint (json_object_get_size (section), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, a);
  g_assert_true (json_object_get_null_member (section, "parent"));
  g_assert_cmpint (json_object_get_int_member (section, "depth"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (section, "title"), ==, "Connectivity");

  section = get_object_at (root, 1);
  g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, a1);
  g_assert_cmpstr (json_object_get_string_member (section, "parent"), ==, a);
  g_assert_cmpint (json_object_get_int_member (section, "depth"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (section, "title"), ==, "Schools");
}

/* section */

static void
test_section_add_places (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  g_assert_true (g_str_has_prefix (a, "s-"));
  g_assert_null (strchr (a, '\n'));

  c = run_ok (f, "section", "add", f->dir, "--title", "C", "--first", NULL);
  d = run_ok (f, "section", "add", f->dir, "--title", "D", "--after", a, NULL);
  e = run_ok (f, "section", "add", f->dir, "--title", "A.1", "--parent", a, NULL);
  g_free (e);
  e = run_ok (f, "section", "add", f->dir, "--title", "A.0", "--parent", a, "--first", NULL);

  accord_test_assert_cmpstr_free (dup_outline (f), "C|A|  A.0|  A.1|D|B");
}

static void
test_section_add_body (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *body = write_tmp_file (f, "body.md", "First paragraph.\n\n::: not a block\n",
                                          -1);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  init_strategy (f);
  a = run_ok (f, "section", "add", f->dir, "--title", "A", "--body-file", body, NULL);
  path = g_strdup_printf ("sections/%s.md", a);
  contents = accord_test_read_file (f->dir, path);
  g_assert_true (g_str_has_suffix (contents, "---\nFirst paragraph.\n\n\\::: not a block\n"));

  g_assert_cmpint (run_with_input (f, "Read from the standard input.\n", -1, "section", "add",
                                   f->dir, "--title", "B", "--body-file", "-", NULL), ==, 0);
  b = g_strchomp (g_strdup (f->out));
  g_free (path);
  g_free (contents);
  path = g_strdup_printf ("sections/%s.md", b);
  contents = accord_test_read_file (f->dir, path);
  g_assert_true (g_str_has_suffix (contents, "---\nRead from the standard input.\n"));
}

static void
test_section_add_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *missing = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  a1 = add_section (f, "A.1", a);
  latin1 = write_tmp_file (f, "latin1.md", "Strat\xe9gie\n", -1);
  missing = g_build_filename (f->tmpdir, "missing.md", NULL);
  before = dup_tree (f);

  expect_failure (f, 1, "There is no section “s-nope”", "section", "add", f->dir, "--title", "X",
                  "--parent", "s-nope", NULL);
  /* --after must name a sibling. */
  expect_failure (f, 1, "is not a top-level section", "section", "add", f->dir, "--title", "X",
                  "--after", a1, NULL);
  expect_failure (f, 1, "is not a section directly under", "section", "add", f->dir, "--title", "X",
                  "--parent", a, "--after", a, NULL);
  expect_failure (f, 1, "“title” cannot be empty", "section", "add", f->dir, "--title", "", NULL);
  expect_failure (f, 1, "latin1.md” is not valid UTF-8 text", "section", "add", f->dir, "--title",
                  "X", "--body-file", latin1, NULL);
  expect_failure_with_input (f, "\xff\xfe", 2, 1, "The standard input is not valid UTF-8 text",
                             "section", "add", f->dir, "--title", "X", "--body-file", "-", NULL);
  expect_failure (f, 1, "missing.md", "section", "add", f->dir, "--title", "X", "--body-file",
                  missing, NULL);

  /* Usage errors. */
  expect_failure (f, 2, "needs a title", "section", "add", f->dir, NULL);
  expect_failure (f, 2, "--after and --first cannot be used together", "section", "add", f->dir,
                  "--title", "X", "--after", a, "--first", NULL);
  expect_failure (f, 2, "usage: accord-cli section add [OPTION…] DIR", "section", "add", "--title",
                  "X", NULL);

  assert_tree (f, before);
}

static void
test_section_set (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *body = write_tmp_file (f, "body.md", "New text.\n", -1);
  g_autofree char *empty = write_tmp_file (f, "empty.md", "", -1);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *untouched = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  path = g_strdup_printf ("sections/%s.md", b);
  untouched = accord_test_read_file (f->dir, path);
  g_free (path);
  path = g_strdup_printf ("sections/%s.md", a);

  run_quiet (f, "section", "set", f->dir, a, "--title", "Renamed", "--body-file", body, NULL);
  contents = accord_test_read_file (f->dir, path);
  g_assert_nonnull (strstr (contents, "\ntitle: Renamed\n"));
  g_assert_true (g_str_has_suffix (contents, "---\nNew text.\n"));

  /* An empty file clears the text. */
  run_quiet (f, "section", "set", f->dir, a, "--body-file", empty, NULL);
  g_free (contents);
  contents = accord_test_read_file (f->dir, path);
  g_assert_true (g_str_has_suffix (contents, "\n---\n"));

  /* Only the section changed is written. */
  g_free (path);
  path = g_strdup_printf ("sections/%s.md", b);
  g_free (contents);
  contents = accord_test_read_file (f->dir, path);
  g_assert_cmpstr (contents, ==, untouched);
}

static void
test_section_set_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *before = NULL;
  g_autofree char *latin1 = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  latin1 = write_tmp_file (f, "latin1.md", "Strat\xe9gie\n", -1);
  before = dup_tree (f);

  expect_failure (f, 1, "“title” cannot be empty", "section", "set", f->dir, a, "--title", "",
                  NULL);
  /* The title is not changed when the body cannot be read. */
  expect_failure (f, 1, "is not valid UTF-8 text", "section", "set", f->dir, a, "--title", "New",
                  "--body-file", latin1, NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "set", f->dir, "s-nope",
                  "--title", "X", NULL);
  expect_failure (f, 2, "Nothing to change", "section", "set", f->dir, a, NULL);
  expect_failure (f, 2, "usage: accord-cli section set [OPTION…] DIR ID", "section", "set", f->dir,
                  "--title", "X", NULL);

  assert_tree (f, before);
}

static void
test_section_move (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  c = add_section (f, "C", NULL);

  run_quiet (f, "section", "move", f->dir, a, "--parent", b, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|  A|C");

  run_quiet (f, "section", "move", f->dir, c, "--parent", b, "--first", NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|  C|  A");

  /* Without --parent, it stays under its parent. */
  run_quiet (f, "section", "move", f->dir, c, "--after", a, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|  A|  C");

  run_quiet (f, "section", "move", f->dir, a, "--top", "--first", NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "A|B|  C");

  /* --top alone places it last. */
  run_quiet (f, "section", "move", f->dir, c, "--top", NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "A|B|C");

  run_quiet (f, "section", "move", f->dir, a, "--after", c, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|C|A");
}

static void
test_section_move_into_descendant (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a11 = NULL;
  g_autofree char *b = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  a1 = add_section (f, "A.1", a);
  a11 = add_section (f, "A.1.1", a1);
  b = add_section (f, "B", NULL);
  before = dup_tree (f);

  expect_failure (f, 1, "cannot be moved under itself or one of its sub-sections", "section",
                  "move", f->dir, a, "--parent", a11, NULL);
  expect_failure (f, 1, "cannot be moved under itself", "section", "move", f->dir, a, "--parent",
                  a1, NULL);
  expect_failure (f, 1, "cannot be moved under itself", "section", "move", f->dir, a, "--parent", a,
                  NULL);
  expect_failure (f, 1, "cannot be placed after itself", "section", "move", f->dir, a, "--after", a,
                  NULL);
  expect_failure (f, 1, "is not a top-level section", "section", "move", f->dir, a, "--after", a1,
                  NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "move", f->dir, a, "--parent",
                  "s-nope", NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "move", f->dir, "s-nope",
                  "--top", NULL);

  expect_failure (f, 2, "Say where to move the section", "section", "move", f->dir, a, NULL);
  expect_failure (f, 2, "--parent and --top cannot be used together", "section", "move", f->dir, a,
                  "--parent", b, "--top", NULL);
  expect_failure (f, 2, "--after and --first cannot be used together", "section", "move", f->dir, a,
                  "--after", b, "--first", NULL);

  assert_tree (f, before);
}

static void
test_section_remove (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *b = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  a1 = add_section (f, "A.1", a);
  b = add_section (f, "B", NULL);
  objective = add_objective (f, b, "An objective");
  before = dup_tree (f);

  /* Refused, with the core's message, while something depends on it. */
  expect_failure (f, 1, "cannot be removed: 1 item depends on it", "section", "remove", f->dir, a,
                  NULL);
  expect_failure (f, 1, "cannot be removed: 1 item depends on it", "section", "remove", f->dir, b,
                  NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "remove", f->dir, "s-nope",
                  NULL);
  expect_failure (f, 1, "There is no section", "section", "remove", f->dir, objective, NULL);
  expect_failure (f, 2, "usage: accord-cli section remove [OPTION…] DIR ID", "section", "remove",
                  f->dir, NULL);
  assert_tree (f, before);

  run_quiet (f, "section", "remove", f->dir, a1, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "A|B");
  g_free (after);
  after = g_strdup_printf ("sections/%s.md", a1);
  g_assert_false (exists_in (f, after));
}

static void
test_section_subcommands (Fixture       *f,
                          gconstpointer  data)
{
  g_assert_cmpint (run (f, "section", "help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\n  add "));
  g_assert_nonnull (strstr (f->out, "\n  set "));
  g_assert_nonnull (strstr (f->out, "\n  move "));
  g_assert_nonnull (strstr (f->out, "\n  remove "));

  expect_failure (f, 2, "“section” needs a subcommand", "section", NULL);
  expect_failure (f, 2, "unknown command “section rename”", "section", "rename", NULL);

  g_assert_cmpint (run (f, "section", "add", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "accord-cli section add [OPTION…] DIR"));
  g_assert_nonnull (strstr (f->out, "--body-file=FILE"));
}

/* objectives and objective */

static void
test_objective_add_all_options (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  init_strategy (f);
  section = add_section (f, "Connectivity", NULL);

  g_assert_cmpint (run_with_input (f, "Connect every school.\nThen the hospitals.\n", -1,
                                   "objective", "add", f->dir, "--section", section,
                                   "--title", "Connect schools", "--code", "1.1",
                                   "--lead", "Ministry of Education", "--due", "2027-06-30",
                                   "--status", "in-progress", "--priority", "high",
                                   "--partner", "UNICEF", "--partner", "ITU",
                                   "--indicator", "500 schools connected",
                                   "--indicator", "80 % of pupils online",
                                   "--description-file", "-", NULL),
                   ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  objective = g_strchomp (g_strdup (f->out));
  g_assert_true (g_str_has_prefix (objective, "o-"));

  root = run_json (f, "objectives", f->dir, NULL);
  assert_n_items (root, 1);
  object = get_object_at (root, 0);
  g_assert_cmpuint (json_object_get_size (object), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, objective);
  g_assert_cmpstr (json_object_get_string_member (object, "section"), ==, section);
  g_assert_nonnull (json_object_get_string_member (object, "order"));
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, "1.1");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Connect schools");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (object, "priority"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (object, "lead"), ==, "Ministry of Education");
  assert_strv_member (object, "partner", "UNICEF|ITU");
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2027-06-30");
  assert_strv_member (object, "indicator", "500 schools connected|80 % of pupils online");
  g_assert_cmpstr (json_object_get_string_member (object, "description"), ==,
                   "Connect every school.\nThen the hospitals.");
}

static void
test_objectives_text (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *description = write_tmp_file (f, "description.md", "Line one\nLine two\n", -1);

  init_strategy (f);
  run_quiet (f, "objectives", f->dir, NULL);

  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  /* Listed section by section, in reading order. */
  second = run_ok (f, "objective", "add", f->dir, "--section", b, "--title", "Second",
                   "--partner", "P1", "--partner", "P2", NULL);
  first = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "First",
                  "--code", "A.1", "--status", "planned", "--due", "2026-12-31",
                  "--description-file", description, NULL);

  g_free (out);
  out = run_ok (f, "objectives", f->dir, NULL);
  expected = g_strdup_printf ("%s  A.1  First\n"
                              "  section: %s\n"
                              "  status: planned\n"
                              "  due: 2026-12-31\n"
                              "  description: Line one\n"
                              "    Line two\n"
                              "%s  Second\n"
                              "  section: %s\n"
                              "  partner: P1\n"
                              "  partner: P2",
                              first, a, second, b);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_objectives_json_empty_fields (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  init_strategy (f);
  root = run_json (f, "objectives", f->dir, NULL);
  assert_n_items (root, 0);
  g_clear_pointer (&root, json_node_unref);

  a = add_section (f, "A", NULL);
  objective = add_objective (f, a, "Bare");
  root = run_json (f, "objectives", f->dir, NULL);
  object = get_object_at (root, 0);

  /* Every field is there: null when unset, [] for empty lists. */
  g_assert_cmpuint (json_object_get_size (object), ==, 12);
  g_assert_true (json_object_get_null_member (object, "code"));
  g_assert_true (json_object_get_null_member (object, "status"));
  g_assert_true (json_object_get_null_member (object, "priority"));
  g_assert_true (json_object_get_null_member (object, "lead"));
  g_assert_true (json_object_get_null_member (object, "due"));
  g_assert_true (json_object_get_null_member (object, "description"));
  assert_strv_member (object, "partner", "");
  assert_strv_member (object, "indicator", "");
}

static void
test_objective_add_places (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;
  g_autofree char *four = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  one = add_objective (f, a, "One");
  two = add_objective (f, a, "Two");
  three = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "Three", "--first",
                  NULL);
  four = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "Four",
                 "--after", one, NULL);

  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Three|One|Four|Two");

  expect_failure (f, 1, "is not an objective of the section", "objective", "add", f->dir,
                  "--section", b, "--title", "X", "--after", one, NULL);
}

static void
test_objective_add_errors (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *latin1 = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  latin1 = write_tmp_file (f, "latin1.md", "Strat\xe9gie\n", -1);
  before = dup_tree (f);

  expect_failure (f, 1, "“due” must be a date written YYYY-MM-DD", "objective", "add", f->dir,
                  "--section", a, "--title", "X", "--due", "2027-02-30", NULL);
  expect_failure (f, 1,
                  "“status” must be one of planned, in-progress, achieved, delayed, cancelled",
                  "objective", "add", f->dir, "--section", a, "--title", "X", "--status", "done",
                  NULL);
  expect_failure (f, 1, "“priority” must be one of high, medium, low", "objective", "add", f->dir,
                  "--section", a, "--title", "X", "--priority", "urgent", NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "objective", "add", f->dir, "--section",
                  "s-nope", "--title", "X", NULL);
  expect_failure (f, 1, "“title” cannot be empty", "objective", "add", f->dir, "--section", a,
                  "--title", "", NULL);
  expect_failure (f, 1, "is not valid UTF-8 text", "objective", "add", f->dir, "--section", a,
                  "--title", "X", "--description-file", latin1, NULL);

  expect_failure (f, 2, "needs a section and a title", "objective", "add", f->dir, "--title", "X",
                  NULL);
  expect_failure (f, 2, "needs a section and a title", "objective", "add", f->dir, "--section", a,
                  NULL);
  expect_failure (f, 2, "--after and --first cannot be used together", "objective", "add", f->dir,
                  "--section", a, "--title", "X", "--first", "--after", "o-x", NULL);
  expect_failure (f, 2, "--clear-partners", "objective", "add", f->dir, "--section", a, "--title",
                  "X", "--clear-partners", NULL);

  assert_tree (f, before);
}

static void
test_objective_set (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *description = write_tmp_file (f, "description.md", "What it is for.\n", -1);

  init_strategy (f);
  a = add_section (f, "A", NULL);
  objective = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "Old",
                      "--code", "1", "--lead", "Someone", "--status", "planned",
                      "--partner", "P1", "--partner", "P2", "--indicator", "I1", NULL);

  /* Given lists replace the old ones; an empty value clears a field. */
  run_quiet (f, "objective", "set", f->dir, objective, "--title", "New", "--code", "",
                "--status", "achieved", "--priority", "low", "--due", "2026-01-15",
                "--partner", "P3", "--indicator", "I2", "--indicator", "I3",
                "--description-file", description, NULL);
  assert_field (f, objective, "description", "What it is for.");

  assert_field (f, objective, "title", "New");
  assert_field (f, objective, "code", NULL);
  assert_field (f, objective, "lead", "Someone");
  assert_field (f, objective, "status", "achieved");
  assert_field (f, objective, "priority", "low");
  assert_field (f, objective, "due", "2026-01-15");
  assert_field (f, objective, "partner", "P3");
  assert_field (f, objective, "indicator", "I2|I3");

  run_quiet (f, "objective", "set", f->dir, objective, "--clear-partners",
             "--clear-indicators", "--lead", "", NULL);
  assert_field (f, objective, "partner", NULL);
  assert_field (f, objective, "indicator", NULL);
  assert_field (f, objective, "lead", NULL);
  assert_field (f, objective, "title", "New");
}

static void
test_objective_set_moves (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;
  g_autofree char *out = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  one = add_objective (f, a, "One");
  two = add_objective (f, a, "Two");
  three = add_objective (f, b, "Three");

  out = run_ok (f, "objective", "set", f->dir, two, "--first", NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Two|One|Three");

  /* Into another section: last by default. */
  run_quiet (f, "objective", "set", f->dir, two, "--section", b, NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "One|Three|Two");

  run_quiet (f, "objective", "set", f->dir, one, "--section", b, "--after", three, NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Three|One|Two");
  assert_field (f, one, "section", b);
}

static void
test_objective_set_errors (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  objective = add_objective (f, a, "One");
  before = dup_tree (f);

  /* A valid change with an invalid one: nothing is written. */
  expect_failure (f, 1, "“due” must be a date written YYYY-MM-DD", "objective", "set", f->dir,
                  objective, "--title", "Changed", "--due", "31/12/2026", NULL);
  expect_failure (f, 1, "“status” must be one of", "objective", "set", f->dir, objective, "--code",
                  "2", "--status", "finished", NULL);
  expect_failure (f, 1, "“title” cannot be empty", "objective", "set", f->dir, objective, "--title",
                  "", NULL);
  expect_failure (f, 1, "An objective must belong to a section", "objective", "set", f->dir,
                  objective, "--section", "", NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "objective", "set", f->dir, objective,
                  "--section", "s-nope", NULL);
  expect_failure (f, 1, "cannot be placed after itself", "objective", "set", f->dir, objective,
                  "--after", objective, NULL);
  expect_failure (f, 1, "There is no objective “o-nope”", "objective", "set", f->dir, "o-nope",
                  "--title", "X", NULL);
  expect_failure (f, 1, "There is no objective", "objective", "set", f->dir, a, "--title", "X",
                  NULL);

  expect_failure (f, 2, "Nothing to change", "objective", "set", f->dir, objective, NULL);
  expect_failure (f, 2, "--partner and --clear-partners cannot be used together", "objective",
                  "set", f->dir, objective, "--partner", "P", "--clear-partners", NULL);
  expect_failure (f, 2, "--indicator and --clear-indicators cannot be used together", "objective",
                  "set", f->dir, objective, "--indicator", "I", "--clear-indicators", NULL);

  assert_tree (f, before);
}

static void
test_objective_remove (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *before = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  one = add_objective (f, a, "One");
  two = add_objective (f, a, "Two");

  run_quiet (f, "objective", "remove", f->dir, one, NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Two");

  before = dup_tree (f);
  expect_failure (f, 1, "There is no objective", "objective", "remove", f->dir, one, NULL);
  expect_failure (f, 1, "There is no objective", "objective", "remove", f->dir, a, NULL);
  expect_failure (f, 2, "“objective” needs a subcommand", "objective", NULL);
  assert_tree (f, before);
}

/* save */

static void
test_save_revision (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *out = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);

  g_assert_cmpuint (count_unsaved (f), ==, 1);
  out = run_ok (f, "save", f->dir, "-m", "Add the first section", NULL);
  g_assert_true (is_short_id (out, 7));
  g_assert_cmpstr (out + 7, ==, " Add the first section");
  g_assert_cmpuint (count_unsaved (f), ==, 0);
}

static void
test_save_nothing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  before = dup_tree (f);

  g_assert_cmpint (run (f, "save", f->dir, "-m", "Nothing new", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Nothing to save\n");
  g_assert_cmpstr (f->err, ==, "");

  assert_tree (f, before);
  revision = dup_last_revision (f);
  g_assert_cmpstr (revision->message, ==, "Create the strategy");
}

static void
test_save_author (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *out = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);
  out = run_ok (f, "save", f->dir, "-m", "By Bob", "--author", "Bob Smith <bob@example.org>",
                NULL);

  revision = dup_last_revision (f);
  g_assert_cmpstr (revision->message, ==, "By Bob");
  g_assert_cmpstr (revision->author_name, ==, "Bob Smith");
  g_assert_cmpstr (revision->author_email, ==, "bob@example.org");
}

static void
test_save_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *before = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);
  before = dup_tree (f);

  expect_failure (f, 2, "A revision needs a message", "save", f->dir, NULL);
  expect_failure (f, 2, "A revision needs a message", "save", f->dir, "-m", "  ", NULL);
  expect_failure (f, 1, "“Bob” is not an author written “Name <e-mail>”", "save", f->dir, "-m", "X",
                  "--author", "Bob", NULL);
  expect_failure (f, 1, "is not a strategy", "save", f->tmpdir, "-m", "X", NULL);

  assert_tree (f, before);
}

/* log */

/* Makes three revisions after the first: a section added, a milestone,
 * the section renamed and an objective added, then the section removed
 * with its objective. Returns the section's id. */
static char *
make_history (Fixture *f)
{
  g_autofree char *section = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *out = NULL;

  init_strategy (f);
  section = add_section (f, "A", NULL);
  out = commit (f, "Add A");
  make_milestone (f, "draft-1");
  set_title (f, section, "A renamed");
  objective = add_objective (f, section, "An objective");
  g_free (run_ok (f, "save", f->dir, "-m", "Rename A\n\nAnd add an objective.", NULL));
  remove_entity (f, objective);
  g_free (run_ok (f, "save", f->dir, "-m", "Remove the objective", NULL));

  return g_steal_pointer (&section);
}

static void
test_log_text (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *section = make_history (f);
  g_autofree char *out = run_ok (f, "log", f->dir, NULL);
  g_auto(GStrv) revisions = g_strsplit (out, "\n\n", -1);
  g_auto(GStrv) lines = NULL;
  g_autofree char *expected = NULL;

  /* Newest first, a blank line between revisions (and in a message). */
  g_assert_cmpuint (g_strv_length (revisions), ==, 5);

  lines = g_strsplit (revisions[0], "\n", -1);
  g_assert_true (is_short_id (lines[0], 7));
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{7}  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
                                       "\\+01:00  Ada Lovelace <ada@example.org>$",
                                       lines[0], 0, 0));
  g_assert_cmpstr (lines[1], ==, "    Remove the objective");
  g_assert_true (g_str_has_prefix (lines[2], "    removed objective o-"));
  g_assert_null (lines[3]);

  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[1], "\n", -1);
  g_assert_cmpstr (lines[1], ==, "    Rename A");
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[2], "\n", -1);
  g_assert_cmpstr (lines[0], ==, "    And add an objective.");
  g_assert_true (g_str_has_prefix (lines[1], "    added objective o-"));
  expected = g_strdup_printf ("    modified section %s", section);
  g_assert_cmpstr (lines[2], ==, expected);

  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[3], "\n", -1);
  g_assert_cmpstr (lines[1], ==, "    milestone: draft-1");
  g_assert_cmpstr (lines[2], ==, "    Add A");
  g_free (expected);
  expected = g_strdup_printf ("    added section %s", section);
  g_assert_cmpstr (lines[3], ==, expected);

  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (revisions[4], "\n", -1);
  g_assert_cmpstr (lines[1], ==, "    Create the strategy");
  g_assert_cmpstr (lines[2], ==, "    added .gitattributes");
  g_assert_cmpstr (lines[3], ==, "    added strategy");
}

static void
test_log_json (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *section = make_history (f);
  g_autoptr(JsonNode) root = run_json (f, "log", f->dir, NULL);
  JsonArray *changes;
  JsonObject *revision;
  JsonObject *change;
  g_autofree char *path = g_strdup_printf ("sections/%s.md", section);

  assert_n_items (root, 4);

  revision = get_object_at (root, 2);
  g_assert_cmpuint (json_object_get_size (revision), ==, 8);
  g_assert_cmpuint (strlen (json_object_get_string_member (revision, "id")), ==, 40);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (revision, "id"),
                                   json_object_get_string_member (revision, "short-id")));
  g_assert_cmpuint (strlen (json_object_get_string_member (revision, "short-id")), ==, 7);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+01:00$",
                                       json_object_get_string_member (revision, "date"), 0, 0));
  g_assert_cmpstr (json_object_get_string_member (revision, "author-name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (revision, "author-email"), ==,
                   "ada@example.org");
  g_assert_cmpstr (json_object_get_string_member (revision, "message"), ==, "Add A");
  assert_strv_member (revision, "milestones", "draft-1");

  changes = json_object_get_array_member (revision, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpuint (json_object_get_size (change), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (change, "path"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "added");
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "section");
  g_assert_cmpstr (json_object_get_string_member (change, "id"), ==, section);

  revision = get_object_at (root, 1);
  g_assert_cmpstr (json_object_get_string_member (revision, "message"), ==,
                   "Rename A\n\nAnd add an objective.");
  assert_strv_member (revision, "milestones", "");

  /* Files that are not entities have no kind nor id. */
  revision = get_object_at (root, 3);
  changes = json_object_get_array_member (revision, "changes");
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "path"), ==, ".gitattributes");
  g_assert_true (json_object_get_null_member (change, "kind"));
  g_assert_true (json_object_get_null_member (change, "id"));
  change = json_array_get_object_element (changes, 1);
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "strategy");
  g_assert_cmpstr (json_object_get_string_member (change, "id"), ==, "strategy");
}

static void
test_log_count_and_revision (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *section = make_history (f);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = run_json (f, "log", f->dir, "-n", "2", NULL);
  assert_n_items (root, 2);
  g_assert_cmpstr (json_object_get_string_member (get_object_at (root, 0), "message"), ==,
                   "Remove the objective");

  g_clear_pointer (&root, json_node_unref);
  root = run_json (f, "log", f->dir, "--rev", "draft-1", NULL);
  assert_n_items (root, 2);
  g_assert_cmpstr (json_object_get_string_member (get_object_at (root, 0), "message"), ==,
                   "Add A");

  g_clear_pointer (&root, json_node_unref);
  root = run_json (f, "log", f->dir, "--rev", "HEAD~1", "-n", "1", NULL);
  assert_n_items (root, 1);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (get_object_at (root, 0),
                                                                  "message"),
                                   "Rename A"));

  g_free (out);
  out = run_ok (f, "log", f->dir, "-n", "1", NULL);
  g_assert_null (strstr (out, "\n\n"));

  expect_failure (f, 1, "There is no revision “no-such-revision”", "log", f->dir, "--rev",
                  "no-such-revision", NULL);
  expect_failure (f, 2, "-n needs a number", "log", f->dir, "-n", "0", NULL);
  expect_failure (f, 2, "many", "log", f->dir, "-n", "many", NULL);
}

/* tag */

static void
test_tag (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  revision = dup_last_revision (f);
  expected = g_strdup_printf ("%.7s consultation-1", revision->id);

  out = run_ok (f, "tag", f->dir, "consultation-1", "-m", "Sent out for consultation",
                "--author", "Bob Smith <bob@example.org>", NULL);
  g_assert_cmpstr (out, ==, expected);

  g_free (run_ok (f, "tag", f->dir, "v1.0", "-m", "Adopted", NULL));

  g_clear_pointer (&revision, accord_revision_free);
  revision = dup_last_revision (f);
  g_assert_cmpuint (g_strv_length (revision->tags), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) revision->tags, "consultation-1"));
  g_assert_true (g_strv_contains ((const char * const *) revision->tags, "v1.0"));

  /* An older revision, named afterwards. */
  {
    g_autofree char *first = g_strdup (revision->id);
    g_autofree char *first_expected = g_strdup_printf ("%.7s first-draft", first);

    g_free (run_ok (f, "section", "add", f->dir, "--title", "Later", NULL));
    g_free (run_ok (f, "save", f->dir, "-m", "Second", NULL));
    g_free (out);
    out = run_ok (f, "tag", f->dir, "first-draft", "-m", "As sent", "--rev", first, NULL);
    g_assert_cmpstr (out, ==, first_expected);

    g_clear_pointer (&revision, accord_revision_free);
    revision = dup_last_revision (f);
    g_assert_cmpstr (revision->id, !=, first);
    g_assert_false (g_strv_contains ((const char * const *) revision->tags, "first-draft"));
    expect_failure (f, 1, "There is no revision “nowhere”", "tag", f->dir, "x", "-m", "X",
                    "--rev", "nowhere", NULL);
  }
}

static void
test_tag_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *before = NULL;

  init_strategy (f);
  make_milestone (f, "v1");
  before = dup_tree (f);

  expect_failure (f, 1, "There is already a milestone named “v1”", "tag", f->dir, "v1", "-m",
                  "Again", NULL);
  expect_failure (f, 1, "“two words” cannot name a milestone", "tag", f->dir, "two words", "-m",
                  "X", NULL);
  expect_failure (f, 1, "is not an author written", "tag", f->dir, "v2", "-m", "X", "--author",
                  "nobody", NULL);
  expect_failure (f, 2, "A milestone needs a message", "tag", f->dir, "v2", NULL);
  expect_failure (f, 2, "usage: accord-cli tag [OPTION…] DIR NAME", "tag", f->dir, "-m", "X", NULL);

  assert_tree (f, before);
}

/* restore */

static void
test_restore_entity (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  first = commit (f, "A and B");
  set_title (f, a, "A changed");
  set_title (f, b, "B changed");
  out = commit (f, "Change both");

  /* Only A comes back, as a new revision. */
  g_free (out);
  out = run_ok (f, "restore", f->dir, first, "--entity", a, NULL);
  expected = g_strdup_printf (" Restore %s as of revision %s", a, first);
  g_assert_true (is_short_id (out, 7));
  g_assert_cmpstr (out + 7, ==, expected);

  accord_test_assert_cmpstr_free (dup_outline (f), "A|B changed");

  g_assert_cmpuint (count_unsaved (f), ==, 0);

  /* Again: it is already as it was. */
  g_free (out);
  out = run_ok (f, "restore", f->dir, first, "--entity", a, NULL);
  g_assert_cmpstr (out, ==, "Nothing to restore: it is already as in that revision");
}

static void
test_restore_whole (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autoptr(AccordRevision) revision = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  out = commit (f, "Add A");
  make_milestone (f, "with-a");
  b = add_section (f, "B", NULL);
  set_title (f, a, "A changed");
  g_free (out);
  out = commit (f, "Add B");

  g_free (out);
  out = run_ok (f, "restore", f->dir, "with-a", "--author", "Bob Smith <bob@example.org>", NULL);
  g_assert_nonnull (strstr (out, " Restore the strategy as of revision "));

  accord_test_assert_cmpstr_free (dup_outline (f), "A");

  revision = dup_last_revision (f);
  g_assert_cmpstr (revision->author_name, ==, "Bob Smith");
  g_assert_cmpuint (revision->changes->len, ==, 2);
}

static void
test_restore_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  out = commit (f, "Add A");
  set_title (f, a, "A changed");
  g_free (out);
  out = commit (f, "Change A");
  before = dup_tree (f);

  /* The revision cannot be made: the restored file is put back. */
  expect_failure (f, 1, "“Bob” is not an author written", "restore", f->dir, "HEAD~1", "--entity",
                  a, "--author", "Bob", NULL);
  assert_tree (f, before);

  expect_failure (f, 1, "is not an author written", "restore", f->dir, "HEAD~2", "--author", "Bob",
                  NULL);
  g_free (after);
  assert_tree (f, before);

  expect_failure (f, 1, "There is no revision “nowhere”", "restore", f->dir, "nowhere", NULL);
  expect_failure (f, 1, "“s-nope” exists neither now nor in revision", "restore", f->dir, "HEAD~1",
                  "--entity", "s-nope", NULL);
  expect_failure (f, 2, "usage: accord-cli restore [OPTION…] DIR REV", "restore", f->dir, NULL);
  g_free (after);
  assert_tree (f, before);

  /* Unsaved changes in the way are not overwritten. */
  set_title (f, a, "Unsaved");
  g_free (before);
  before = dup_tree (f);
  expect_failure (f, 1, "has unsaved changes", "restore", f->dir, "HEAD~1", "--entity", a, NULL);
  expect_failure (f, 1, "has unsaved changes", "restore", f->dir, "HEAD~1", NULL);
  g_free (after);
  assert_tree (f, before);
}

/* check */

static void
test_check_clean (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  objective = add_objective (f, a, "One");

  g_assert_cmpint (run (f, "check", f->dir, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_check_broken (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);

  accord_test_write_files (f->dir,
                           "sections/s-bad-utf8.md",
                           "---\norder: x\n\ntitle: Broken\n---\nStrat\xe9gie\n",
                           "sections/s-unknown-key.md",
                           "---\norder: y\n\ntitle: Unknown key\n\ncolour: blue\n---\n",
                           "sections/s-unclosed.md", "---\norder: z\n\ntitle: Unclosed\n",
                           "sections/not an id.md", "---\norder: z\n\ntitle: Bad name\n---\n",
                           NULL);

  g_assert_cmpint (run (f, "check", f->dir, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, "");
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "sections/not an id.md:1: This file’s name is not an entity id "
                                 "followed by “.md”");
  g_assert_cmpstr (lines[1], ==, "sections/s-bad-utf8.md:6: The file is not valid UTF-8 text");
  g_assert_cmpstr (lines[2], ==, "sections/s-unclosed.md:4: The header has no closing “---” "
                                 "line");
  g_assert_cmpstr (lines[3], ==, "sections/s-unknown-key.md:6: A section has no field “colour”");
  g_assert_cmpstr (lines[4], ==, "");

  /* The other sections still open. */
  out = run_ok (f, "sections", f->dir, NULL);
  expected = g_strdup_printf ("%s   A\n"
                              "%s   B\n"
                              "s-unknown-key  Unknown key\n"
                              "s-unclosed     Unclosed",
                              a, b);
  g_assert_cmpstr (out, ==, expected);

  g_free (out);
  out = run_ok (f, "info", f->dir, NULL);
  g_assert_nonnull (strstr (out, "\nProblems:             4"));
}

static void
test_check_references (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  accord_test_write_file (f->dir, "sections/s-orphan.md",
                          "---\nparent: s-missing\n\norder: x\n\ntitle: Orphan\n---\n", -1);

  g_assert_cmpint (run (f, "check", f->dir, NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "sections/s-orphan.md:2: “parent” names “s-missing”, which does "
                               "not exist\n");

  expect_failure (f, 1, "is not a strategy", "check", f->tmpdir, NULL);
  expect_failure (f, 2, "usage: accord-cli check [OPTION…] DIR", "check", NULL);
}

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
  g_test_init (&argc, &argv, NULL);

  /* Revisions made here and by accord-cli are one hour east of UTC. */
  g_setenv ("TZ", "CET-1", TRUE);
  tzset ();

  cli_path = g_getenv ("ACCORD_CLI");
  g_assert_nonnull (cli_path);

  g_test_add_func ("/accord/cli/version-flag", test_version_flag);
  g_test_add_func ("/accord/cli/help", test_help_lists_commands);
  g_test_add_func ("/accord/cli/help/every-command", test_help_lists_every_command);
  g_test_add_func ("/accord/cli/no-command", test_no_command_is_usage_error);
  g_test_add_func ("/accord/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/accord/cli/version/text", test_version_text);
  g_test_add_func ("/accord/cli/version/json", test_version_json);
  g_test_add_func ("/accord/cli/version/check", test_version_check);
  g_test_add_func ("/accord/cli/version/rejects-arguments", test_version_rejects_arguments);

  ACCORD_TEST_ADD ("/accord/cli/init/default", test_init_default);
  ACCORD_TEST_ADD ("/accord/cli/init/options", test_init_options);
  ACCORD_TEST_ADD ("/accord/cli/init/existing-folder", test_init_existing_folder);
  ACCORD_TEST_ADD ("/accord/cli/init/empty-folder", test_init_empty_folder);
  ACCORD_TEST_ADD ("/accord/cli/init/invalid-values", test_init_invalid_values);
  ACCORD_TEST_ADD ("/accord/cli/init/bad-author-leaves-nothing",
                   test_init_bad_author_leaves_nothing);
  ACCORD_TEST_ADD ("/accord/cli/init/usage", test_init_usage);
  ACCORD_TEST_ADD ("/accord/cli/init/from-markdown", test_init_from_markdown);
  ACCORD_TEST_ADD ("/accord/cli/init/from-markdown-options", test_init_from_markdown_options);
  ACCORD_TEST_ADD ("/accord/cli/init/from-markdown-invalid", test_init_from_markdown_invalid);

  ACCORD_TEST_ADD ("/accord/cli/info/text", test_info_text);
  ACCORD_TEST_ADD ("/accord/cli/info/json", test_info_json);
  ACCORD_TEST_ADD ("/accord/cli/info/not-a-strategy", test_info_not_a_strategy);

  ACCORD_TEST_ADD ("/accord/cli/sections/text", test_sections_text);
  ACCORD_TEST_ADD ("/accord/cli/sections/json", test_sections_json);

  ACCORD_TEST_ADD ("/accord/cli/section/add-places", test_section_add_places);
  ACCORD_TEST_ADD ("/accord/cli/section/add-body", test_section_add_body);
  ACCORD_TEST_ADD ("/accord/cli/section/add-errors", test_section_add_errors);
  ACCORD_TEST_ADD ("/accord/cli/section/set", test_section_set);
  ACCORD_TEST_ADD ("/accord/cli/section/set-errors", test_section_set_errors);
  ACCORD_TEST_ADD ("/accord/cli/section/move", test_section_move);
  ACCORD_TEST_ADD ("/accord/cli/section/move-into-descendant", test_section_move_into_descendant);
  ACCORD_TEST_ADD ("/accord/cli/section/remove", test_section_remove);
  ACCORD_TEST_ADD ("/accord/cli/section/subcommands", test_section_subcommands);

  ACCORD_TEST_ADD ("/accord/cli/objectives/text", test_objectives_text);
  ACCORD_TEST_ADD ("/accord/cli/objectives/json-empty-fields", test_objectives_json_empty_fields);

  ACCORD_TEST_ADD ("/accord/cli/objective/add-all-options", test_objective_add_all_options);
  ACCORD_TEST_ADD ("/accord/cli/objective/add-places", test_objective_add_places);
  ACCORD_TEST_ADD ("/accord/cli/objective/add-errors", test_objective_add_errors);
  ACCORD_TEST_ADD ("/accord/cli/objective/set", test_objective_set);
  ACCORD_TEST_ADD ("/accord/cli/objective/set-moves", test_objective_set_moves);
  ACCORD_TEST_ADD ("/accord/cli/objective/set-errors", test_objective_set_errors);
  ACCORD_TEST_ADD ("/accord/cli/objective/remove", test_objective_remove);

  ACCORD_TEST_ADD ("/accord/cli/save/revision", test_save_revision);
  ACCORD_TEST_ADD ("/accord/cli/save/nothing", test_save_nothing);
  ACCORD_TEST_ADD ("/accord/cli/save/author", test_save_author);
  ACCORD_TEST_ADD ("/accord/cli/save/errors", test_save_errors);

  ACCORD_TEST_ADD ("/accord/cli/log/text", test_log_text);
  ACCORD_TEST_ADD ("/accord/cli/log/json", test_log_json);
  ACCORD_TEST_ADD ("/accord/cli/log/count-and-revision", test_log_count_and_revision);

  ACCORD_TEST_ADD ("/accord/cli/tag/milestone", test_tag);
  ACCORD_TEST_ADD ("/accord/cli/tag/errors", test_tag_errors);

  ACCORD_TEST_ADD ("/accord/cli/restore/entity", test_restore_entity);
  ACCORD_TEST_ADD ("/accord/cli/restore/whole", test_restore_whole);
  ACCORD_TEST_ADD ("/accord/cli/restore/errors", test_restore_errors);

  ACCORD_TEST_ADD ("/accord/cli/check/clean", test_check_clean);
  ACCORD_TEST_ADD ("/accord/cli/check/broken", test_check_broken);
  ACCORD_TEST_ADD ("/accord/cli/check/references", test_check_references);

  ACCORD_TEST_ADD ("/accord/cli/export/markdown", test_export_markdown);
  ACCORD_TEST_ADD ("/accord/cli/export/html", test_export_html);
  ACCORD_TEST_ADD ("/accord/cli/export/errors", test_export_errors);
  ACCORD_TEST_ADD ("/accord/cli/search/words", test_search);
  ACCORD_TEST_ADD ("/accord/cli/search/errors", test_search_errors);

  return g_test_run ();
}
