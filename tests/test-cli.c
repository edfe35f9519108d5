/* test-cli.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "accord-test-util.h"

static const char *cli_path;

static int
run_cli (const char  *first_arg,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path);
  va_start (args, err);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("ACCORD_CLI");
  g_assert_nonnull (cli_path);

  g_test_add_func ("/accord/cli/version-flag", test_version_flag);
  g_test_add_func ("/accord/cli/help", test_help_lists_commands);
  g_test_add_func ("/accord/cli/no-command", test_no_command_is_usage_error);
  g_test_add_func ("/accord/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/accord/cli/version/text", test_version_text);
  g_test_add_func ("/accord/cli/version/json", test_version_json);
  g_test_add_func ("/accord/cli/version/check", test_version_check);
  g_test_add_func ("/accord/cli/version/rejects-arguments", test_version_rejects_arguments);

  return g_test_run ();
}
