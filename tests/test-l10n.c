/* test-l10n.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "accord-application.h"
#include "accord-test-ui.h"
#include "accord-window.h"

/* Runs with LANGUAGE=fr and the catalogues of the build tree: the window
 * must come up in French. */
static void
test_window_in_french (void)
{
  g_autoptr(AccordWindow) window = NULL;
  GtkWidget *status;
  GtkWidget *menu_button;

  window = g_object_ref_sink (accord_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  accord_test_ui_wait_mapped (GTK_WIDGET (window));

  status = accord_test_ui_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Bienvenue dans Accord");

  menu_button = accord_test_ui_find (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Menu principal");

  accord_test_ui_save_png (GTK_WIDGET (window), "main-window-fr");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_core_messages_in_french (void)
{
  /* A string of libaccord, translated through the same catalogue. */
  g_assert_cmpstr (_("The SQLite library was built without thread support"), ==,
                   "La bibliothèque SQLite a été compilée sans prise en charge des fils d’exécution");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ACCORD_LOCALEDIR");

  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/accord/l10n/window", test_window_in_french);
  g_test_add_func ("/accord/l10n/core-messages", test_core_messages_in_french);

  return g_test_run ();
}
