/* accord-test-util.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord.h"

G_BEGIN_DECLS

char     *accord_test_make_tmpdir  (const char          *template_name);
void      accord_test_remove_tree  (const char          *path);
int       accord_test_run          (const char * const  *argv,
                                    const char          *cwd,
                                    char               **stdout_text,
                                    char               **stderr_text);
int       accord_test_run_full     (const char * const  *argv,
                                    const char * const  *envp,
                                    GBytes              *input,
                                    char               **stdout_text,
                                    char               **stderr_text);

AccordStrategy *accord_test_load (AccordRepository *repository);

G_END_DECLS
