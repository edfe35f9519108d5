/* accord-cli.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "accord.h"

G_BEGIN_DECLS

/* Each subcommand receives its own name as argv[0] and returns the exit
 * status of the program. */
typedef int (*AccordCliCommandFunc) (int    argc,
                                     char **argv);

typedef struct
{
  const char           *name;
  AccordCliCommandFunc  func;
  const char           *summary;
} AccordCliCommand;

int               accord_cli_run               (int                      argc,
                                                char                   **argv);
int               accord_cli_run_subcommand    (const char              *group,
                                                const AccordCliCommand  *commands,
                                                guint                    n_commands,
                                                int                      argc,
                                                char                   **argv);
int               accord_cli_fail              (const GError            *error);
void              accord_cli_warn              (const char              *message);
int               accord_cli_usage_error       (GOptionContext          *context,
                                                const char              *message);
void              accord_cli_print_json        (JsonNode                *node);

GOptionContext   *accord_cli_context_new       (const char              *parameters,
                                                const char              *summary,
                                                const GOptionEntry      *entries);
void              accord_cli_add_message       (GOptionContext          *context,
                                                char                   **message,
                                                const char              *description);
void              accord_cli_add_author        (GOptionContext          *context,
                                                char                   **author);
int               accord_cli_parse             (GOptionContext          *context,
                                                int                     *argc,
                                                char                  ***argv,
                                                int                      n_args,
                                                const char              *parameters);
int               accord_cli_exclusive         (GOptionContext          *context,
                                                gboolean                 first_given,
                                                const char              *first_name,
                                                gboolean                 second_given,
                                                const char              *second_name);

AccordRepository *accord_cli_open              (const char              *path,
                                                AccordStrategy         **strategy,
                                                GError                 **error);
AccordEntity     *accord_cli_lookup            (AccordStrategy          *strategy,
                                                const char              *id,
                                                AccordEntityKind         kind,
                                                GError                 **error);
char             *accord_cli_read_text_file    (const char              *path,
                                                gboolean                 strip_newlines,
                                                gsize                   *length,
                                                GError                 **error);
char             *accord_cli_dup_order         (AccordStrategy          *strategy,
                                                AccordEntityKind         kind,
                                                const char              *parent_id,
                                                const char              *after_id,
                                                gboolean                 first,
                                                const char              *moving_id,
                                                GError                 **error);
gboolean          accord_cli_set_field         (AccordEntity            *entity,
                                                const char              *name,
                                                const char              *value,
                                                gboolean                 required,
                                                GError                 **error);

char             *accord_cli_short_id          (const char              *id);
char             *accord_cli_format_time       (gint64                   time,
                                                int                      offset);
char             *accord_cli_first_line        (const char              *text);
int               accord_cli_print_revision    (AccordRepository        *repository,
                                                const char              *revision);

GPtrArray        *accord_cli_table_new         (void);
void              accord_cli_table_add         (GPtrArray               *table,
                                                const char              *first,
                                                ...) G_GNUC_NULL_TERMINATED;
void              accord_cli_print_table       (GPtrArray               *table);

void              accord_cli_json_add_string   (JsonBuilder             *builder,
                                                const char              *member,
                                                const char              *value);
void              accord_cli_json_add_strv     (JsonBuilder             *builder,
                                                const char              *member,
                                                const char * const      *values);

int               accord_cli_remove            (int                      argc,
                                                char                   **argv,
                                                AccordEntityKind         kind,
                                                const char              *summary);

int               accord_cli_cmd_version       (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_init          (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_info          (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_sections      (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_section       (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_objectives    (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_objective     (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_save          (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_log           (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_tag           (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_restore       (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_check         (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_export        (int                      argc,
                                                char                   **argv);
int               accord_cli_cmd_search        (int                      argc,
                                                char                   **argv);

G_END_DECLS
