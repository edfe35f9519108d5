/* accord-problem.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-problem"

#include "config.h"

#include "accord-problem.h"

G_DEFINE_BOXED_TYPE (AccordProblem, accord_problem, accord_problem_copy, accord_problem_free)

AccordProblem *
accord_problem_new (const char *path,
                    guint       line,
                    const char *message)
{
  AccordProblem *self = g_new0 (AccordProblem, 1);

  self->path = g_strdup (path);
  self->line = MAX (line, 1);
  self->message = g_strdup (message);

  return self;
}

AccordProblem *
accord_problem_copy (const AccordProblem *self)
{
  return accord_problem_new (self->path, self->line, self->message);
}

void
accord_problem_free (AccordProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

/**
 * accord_problem_to_string:
 * @self: an #AccordProblem
 *
 * Returns: (transfer full): the problem as `path:line: message`, the form
 *   compilers use, which editors can jump to
 */
char *
accord_problem_to_string (const AccordProblem *self)
{
  return g_strdup_printf ("%s:%u: %s", self->path, self->line, self->message);
}

int
accord_problem_compare (const AccordProblem *a,
                        const AccordProblem *b)
{
  int result = g_strcmp0 (a->path, b->path);

  if (result != 0)
    return result;

  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;

  return g_strcmp0 (a->message, b->message);
}
