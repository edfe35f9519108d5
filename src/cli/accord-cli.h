/* accord-cli.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

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

int  accord_cli_run           (int                argc,
                               char             **argv);
int  accord_cli_fail          (const GError      *error);
int  accord_cli_usage_error   (GOptionContext    *context,
                               const char        *message);
void accord_cli_print_json    (JsonNode          *node);

int  accord_cli_cmd_version   (int                argc,
                               char             **argv);

G_END_DECLS
