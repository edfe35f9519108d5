/* cli-test-common.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <time.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "accord.h"
#include "accord-test-util.h"

G_BEGIN_DECLS

extern const char *cli_path;

void cli_test_init (int    *argc,
                    char ***argv);

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

void    pending_free     (Pending      *pending);
void    fixture_setup    (Fixture      *f,
                          gconstpointer data);
void    fixture_teardown (Fixture      *f,
                          gconstpointer data);
int     run_argv         (Fixture      *f,
                          GBytes       *input,
                          GPtrArray    *argv);
GBytes *bytes_new        (const char   *input,
                          gssize        length);
int     run_with_input   (Fixture      *f,
                          const char   *input,
                          gssize        length,
                          const char   *first_arg,
                          ...);

#define run(f, ...) run_with_input (f, NULL, 0, __VA_ARGS__)

char *dup_success_output (Fixture *f,
                          int      status);

/* Runs a command that must succeed silently on standard error; returns
 * its output without the last line break. */
#define run_ok(f, ...) dup_success_output (f, run (f, __VA_ARGS__))

JsonNode *run_json                  (Fixture    *f,
                                     const char *first_arg,
                                     ...);
void      assert_failed             (Fixture    *f,
                                     int         status,
                                     int         expected_status,
                                     const char *fragment);
void      expect_failure_va         (Fixture    *f,
                                     GBytes     *input,
                                     int         expected_status,
                                     const char *fragment,
                                     const char *first_arg,
                                     va_list     args);
void      expect_failure_with_input (Fixture    *f,
                                     const char *input,
                                     gssize      length,
                                     int         expected_status,
                                     const char *fragment,
                                     const char *first_arg,
                                     ...);

#define expect_failure(f, ...) expect_failure_with_input (f, NULL, 0, __VA_ARGS__)

void     wait_failures   (Fixture      *f);
char    *path_in         (Fixture      *f,
                          const char   *relative);
gboolean exists_in       (Fixture      *f,
                          const char   *relative);
char    *write_tmp_file  (Fixture      *f,
                          const char   *name,
                          const char   *contents,
                          gssize        length);
int      compare_strings (gconstpointer a,
                          gconstpointer b);
void     collect_tree    (const char   *root,
                          const char   *relative,
                          GString      *out);
char    *dup_tree        (Fixture      *f);
void     assert_tree     (Fixture      *f,
                          const char   *before);

/* Setting a strategy up, and looking at it, go through libaccord in this
 * process: only the commands under test run accord-cli. */

#define AUTHOR "Ada Lovelace <ada@example.org>"

void              init_strategy      (Fixture         *f);
AccordRepository *open_strategy      (Fixture         *f,
                                      AccordStrategy **strategy);
char             *add_entity         (Fixture         *f,
                                      AccordEntityKind kind,
                                      const char      *title,
                                      const char      *parent_id);
char             *add_section        (Fixture         *f,
                                      const char      *title,
                                      const char      *parent);
char             *add_objective      (Fixture         *f,
                                      const char      *section,
                                      const char      *title);
void              set_title          (Fixture         *f,
                                      const char      *id,
                                      const char      *title);
char             *commit             (Fixture         *f,
                                      const char      *message);
AccordRevision   *dup_last_revision  (Fixture         *f);
char             *dup_outline        (Fixture         *f);
void              assert_n_items     (JsonNode        *root,
                                      guint            expected);
JsonObject       *get_object_at      (JsonNode        *root,
                                      guint            index);
void              assert_strv_member (JsonObject      *object,
                                      const char      *member,
                                      const char      *expected);
gboolean          is_short_id        (const char      *text,
                                      gsize            length);

G_END_DECLS
