/* test-objective-editor.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-objective-editor.h"

static void
test_objective_editor_new (void)
{
  GtkWidget *widget = accord_objective_editor_new ();

  g_object_ref_sink (widget);
  g_assert_true (ACCORD_IS_OBJECTIVE_EDITOR (widget));
  g_assert_finalize_object (widget);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/accord/objective-editor/new", test_objective_editor_new);

  return g_test_run ();
}
