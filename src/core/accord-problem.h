/* accord-problem.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "accord-types.h"

G_BEGIN_DECLS

/**
 * AccordProblem:
 * @path: the file, relative to the strategy's folder
 * @line: the line, counted from 1
 * @message: what is wrong, in a sentence
 *
 * Something wrong in a strategy's files, found while reading them.
 */
struct _AccordProblem
{
  char  *path;
  guint  line;
  char  *message;
};

#define ACCORD_TYPE_PROBLEM (accord_problem_get_type ())

GType          accord_problem_get_type   (void) G_GNUC_CONST;
AccordProblem *accord_problem_new        (const char          *path,
                                          guint                line,
                                          const char          *message);
AccordProblem *accord_problem_copy       (const AccordProblem *self);
void           accord_problem_free       (AccordProblem       *self);
char          *accord_problem_to_string  (const AccordProblem *self) G_GNUC_WARN_UNUSED_RESULT;
int            accord_problem_compare    (const AccordProblem *a,
                                          const AccordProblem *b);
char          *accord_escape_line        (const char          *text) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordProblem, accord_problem_free)

G_END_DECLS
