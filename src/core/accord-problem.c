/* accord-problem.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-problem"

#include "config.h"

#include <string.h>

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
  g_autofree char *line = g_strdup_printf ("%s:%u: %s", self->path, self->line, self->message);

  return accord_escape_line (line);
}

/**
 * accord_escape_line:
 * @text: UTF-8 text, such as a file name or a message naming one
 *
 * Escapes the control characters of @text as C does (a line break as
 * `\n`, others as `\xNN`), so that a file name holding one cannot break
 * a one-line message in two or send codes to the terminal. Backslashes are
 * doubled only when something was escaped, so that ordinary names read
 * as they are.
 *
 * Returns: (transfer full): @text, fit for one line
 */
char *
accord_escape_line (const char *text)
{
  GString *line;
  gboolean plain = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      plain = FALSE;
  if (plain)
    return g_strdup (text);

  line = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '\n': g_string_append (line, "\\n"); break;
        case '\r': g_string_append (line, "\\r"); break;
        case '\t': g_string_append (line, "\\t"); break;
        case '\\': g_string_append (line, "\\\\"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (line, "\\x%02x", c);
          else
            g_string_append_c (line, (char) c);
        }
    }

  return g_string_free (line, FALSE);
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
