/* accord-test-util.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "accord.h"

G_BEGIN_DECLS

/* A problem a test expects: where, and a part of its message (NULL:
 * any message). */
typedef struct
{
  const char *path;
  guint       line;
  const char *fragment;
} AccordTestProblem;

/* A test's own temporary folder, for a fixture, and the folder of the
 * strategy in it. */
typedef struct
{
  char             *tmpdir;
  char             *path;        /* tmpdir/strategy, which the test makes */
  AccordRepository *repository;  /* NULL, or an empty strategy at path */
} AccordTestFolder;

/* Adds the test @func with the program's Fixture, made by its
 * fixture_setup() and undone by its fixture_teardown(). */
#define ACCORD_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* Adds the test @func, with an AccordTestFolder fixture: one that is only
 * a temporary folder, or one that also holds an empty strategy. */
#define ACCORD_TEST_ADD_IN_FOLDER(path, func) \
  g_test_add (path, AccordTestFolder, NULL, accord_test_folder_setup, func, \
              accord_test_folder_teardown)
#define ACCORD_TEST_ADD_WITH_STRATEGY(path, func) \
  g_test_add (path, AccordTestFolder, NULL, accord_test_folder_setup_strategy, func, \
              accord_test_folder_teardown)

/* Iterates the main loop until @condition holds, failing the test after
 * twenty seconds: how a test waits for something to happen. */
#define ACCORD_TEST_WAIT_FOR(condition) \
  G_STMT_START { \
    gint64 accord_test_deadline_ = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND; \
    while (!(condition)) \
      { \
        g_assert_cmpint (g_get_monotonic_time (), <, accord_test_deadline_); \
        if (!g_main_context_iteration (NULL, FALSE)) \
          g_usleep (1000); \
      } \
  } G_STMT_END

void              accord_test_folder_setup          (AccordTestFolder         *folder,
                                                     gconstpointer             data);
void              accord_test_folder_setup_strategy (AccordTestFolder         *folder,
                                                     gconstpointer             data);
void              accord_test_folder_teardown       (AccordTestFolder         *folder,
                                                     gconstpointer             data);
char             *accord_test_make_tmpdir           (const char               *template_name);
void              accord_test_remove_tree           (const char               *path);
void              accord_test_clear_tmpdir          (char                    **tmpdir);
char             *accord_test_read_file             (const char               *dir,
                                                     const char               *relative);
void              accord_test_write_file            (const char               *dir,
                                                     const char               *relative,
                                                     const char               *contents,
                                                     gssize                    length);
void              accord_test_write_files           (const char               *dir,
                                                     const char               *first_relative,
                                                     ...) G_GNUC_NULL_TERMINATED;

GPtrArray        *accord_test_strings_new           (const char               *first,
                                                     const char               *second,
                                                     va_list                   rest);
int               accord_test_run                   (const char * const       *argv,
                                                     const char               *cwd,
                                                     char                    **stdout_text,
                                                     char                    **stderr_text);
void              accord_test_die_with_parent       (gpointer                  data);
GSubprocess      *accord_test_spawn                 (const char * const       *argv,
                                                     const char * const       *envp,
                                                     gboolean                  with_input);
void              accord_test_kill                  (GSubprocess             **process);
int               accord_test_communicate           (GSubprocess              *process,
                                                     GBytes                   *input,
                                                     char                    **stdout_text,
                                                     char                    **stderr_text);
int               accord_test_run_full              (const char * const       *argv,
                                                     const char * const       *envp,
                                                     GBytes                   *input,
                                                     char                    **stdout_text,
                                                     char                    **stderr_text);
char             *accord_test_git_output            (const char               *cwd,
                                                     const char               *first_arg,
                                                     ...) G_GNUC_NULL_TERMINATED;
void              accord_test_assert_cmpstr_free    (char                     *actual,
                                                     const char               *expected);
JsonNode         *accord_test_parse_json            (const char               *text);
gulong            accord_test_count_signal          (gpointer                  instance,
                                                     const char               *detailed_signal,
                                                     guint                    *count);
void              accord_test_use_git_home          (const char               *home);

void              accord_test_set                   (AccordEntity             *entity,
                                                     const char               *field,
                                                     const char               *value);
AccordEntity     *accord_test_add                   (AccordStrategy           *strategy,
                                                     AccordEntityKind          kind,
                                                     const char               *id,
                                                     const char               *first_field,
                                                     ...) G_GNUC_NULL_TERMINATED;
AccordRepository *accord_test_create                (const char               *path,
                                                     AccordStrategy           *strategy,
                                                     const char               *author,
                                                     const char               *message);
AccordStrategy   *accord_test_load                  (AccordRepository         *repository);
void              accord_test_write                 (AccordRepository         *repository,
                                                     AccordStrategy           *strategy);
char             *accord_test_save                  (AccordRepository         *repository,
                                                     const char               *message,
                                                     const char               *author);

void              accord_test_assert_problem        (GPtrArray                *problems,
                                                     const char               *path,
                                                     guint                     line,
                                                     const char               *fragment);
void              accord_test_assert_problems       (GPtrArray                *problems,
                                                     const AccordTestProblem  *expected,
                                                     guint                     n_expected);
void              accord_test_assert_no_problems    (GPtrArray                *problems);
void              accord_test_assert_order_between  (const char               *before,
                                                     const char               *after,
                                                     const char               *key);

G_END_DECLS
