/* accord-cli-check.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  return accord_problem_compare (*(AccordProblem **) a, *(AccordProblem **) b);
}

/*
 * accord-cli check DIR
 *
 * Reads the work tree and prints every problem as "path:line: message",
 * sorted; exits 1 when there is one. Damaged files are what it is for, so
 * they never stop it.
 */
int
accord_cli_cmd_check (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) locks = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR");
  int status;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = accord_cli_context_new (parameters,
                                    _("List what is wrong in a strategy’s files, one "
                                      "“path:line: message” per line; exit with 1 when "
                                      "anything is."),
                                    entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  /* Sort a list of our own: the strategy's owns the problems. */
  problems = g_ptr_array_new ();
  g_ptr_array_extend (problems, accord_strategy_get_problems (strategy), NULL, NULL);
  g_ptr_array_sort (problems, compare_problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = accord_problem_to_string (g_ptr_array_index (problems, i));

      g_print ("%s\n", line);
    }

  locks = accord_repository_dup_leftover_locks (repository);
  for (guint i = 0; i < locks->len; i++)
    {
      g_autoptr(AccordProblem) problem =
        accord_problem_new (g_ptr_array_index (locks, i), 1,
                            _("A save that was interrupted left this lock behind; the next "
                              "save removes it"));
      g_autofree char *line = accord_problem_to_string (problem);

      g_print ("%s\n", line);
    }

  return problems->len + locks->len > 0 ? 1 : 0;
}
