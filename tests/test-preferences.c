/* test-preferences.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-preferences-window.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"

static void
test_preferences_new (void)
{
  GtkWidget *window = accord_preferences_window_new (NULL);

  g_assert_true (ACCORD_IS_PREFERENCES_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/accord/preferences/new", test_preferences_new);

  return g_test_run ();
}
