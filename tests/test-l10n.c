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
#include "accord-test-util.h"
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

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo in a French window: the strategy, and everything around it. */
static void
test_strategy_in_french (void)
{
  g_autoptr(AccordWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = accord_application_create_demo (&error);
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  GObject *title;

  g_assert_no_error (error);
  window = g_object_ref_sink (accord_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  accord_test_ui_wait_mapped (GTK_WIDGET (window));

  accord_window_open (window, demo);
  while (accord_window_get_document (window) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  accord_test_ui_spin (300);

  title = gtk_widget_get_template_child (GTK_WIDGET (window), ACCORD_TYPE_WINDOW, "content_title");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==,
                   "Aucune modification non enregistrée");

  accord_test_ui_save_png (GTK_WIDGET (window), "main-window-fr");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_core_messages_in_french (void)
{
  /* A string of libaccord, translated through the same catalogue. */
  g_assert_cmpstr (_("The SQLite library was built without thread support"), ==,
                   "La bibliothèque SQLite a été compilée sans prise en charge des fils "
                   "d’exécution");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ACCORD_LOCALEDIR");
  g_autofree char *home = g_dir_make_tmp ("accord-l10n-XXXXXX", NULL);
  int status;

  /* The demo is made in the data folder: a temporary one. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);

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
  g_test_add_func ("/accord/l10n/strategy", test_strategy_in_french);

  status = g_test_run ();
  accord_test_remove_tree (home);

  return status;
}
