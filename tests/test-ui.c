/* test-ui.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "accord-application.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-window.h"

typedef struct
{
  AccordApplication *app;
  AccordWindow      *window;
} Fixture;

typedef void (*TestBody) (Fixture *fixture);

static void
activated_cb (AccordApplication *app,
              TestBody           body)
{
  Fixture fixture = { app, NULL };
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (ACCORD_IS_WINDOW (window));
  fixture.window = ACCORD_WINDOW (window);
  accord_test_ui_wait_mapped (GTK_WIDGET (window));

  body (&fixture);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* Runs @body inside a real AccordApplication, from its first activation to
 * its shutdown, and checks that nothing keeps the application alive. */
static void
run_in_application (gconstpointer data)
{
  TestBody body = (TestBody) data;
  char *argv[] = { (char *) "accord", NULL };
  AccordApplication *app;

  app = accord_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), body);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

static gboolean
has_accel (AccordApplication *app,
           const char        *action,
           const char        *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  return g_strv_contains ((const char * const *) accels, accel);
}

static void
test_main_window (Fixture *fixture)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *title;
  GtkWidget *status;
  GtkWidget *menu_button;
  GSettings *settings;
  int width, height;

  g_assert_nonnull (accord_test_ui_find (root, ADW_TYPE_HEADER_BAR));
  g_assert_nonnull (accord_test_ui_find (root, ADW_TYPE_TOAST_OVERLAY));

  title = accord_test_ui_find (root, ADW_TYPE_WINDOW_TITLE);
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Accord");

  status = accord_test_ui_find (root, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Welcome to Accord");

  menu_button = accord_test_ui_find (root, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");

  /* The window opens at the size kept in the settings. */
  settings = accord_application_get_settings (fixture->app);
  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));
  g_assert_cmpint (height, ==, g_settings_get_int (settings, "window-height"));

  accord_test_ui_save_png (root, "welcome");
}

static void
test_accelerators (Fixture *fixture)
{
  g_assert_true (has_accel (fixture->app, "app.quit", "<Control>q"));
  g_assert_true (has_accel (fixture->app, "window.close", "<Control>w"));
  g_assert_true (has_accel (fixture->app, "win.show-help-overlay", "<Control>question"));
}

static void
test_shortcuts_window (Fixture *fixture)
{
  GtkShortcutsWindow *overlay;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL);
  accord_test_ui_wait_mapped (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  accord_test_ui_save_png (GTK_WIDGET (overlay), "shortcuts");

  gtk_window_close (GTK_WINDOW (overlay));
  ACCORD_TEST_WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

static void
test_about_window (Fixture *fixture)
{
  GtkWindow *about;

  g_assert_null (accord_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  about = accord_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  accord_test_ui_wait_mapped (GTK_WIDGET (about));

  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Accord");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (fixture->window));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)),
                            "libgit2 "));

  gtk_window_destroy (about);
  g_assert_null (accord_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
}

static void
test_color_scheme (Fixture *fixture)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GSettings *settings = accord_application_get_settings (fixture->app);
  GActionGroup *actions = G_ACTION_GROUP (fixture->app);
  g_autofree char *stored = NULL;

  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  g_action_group_activate_action (actions, "color-scheme", g_variant_new_string ("dark"));
  stored = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (stored, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  g_action_group_activate_action (actions, "color-scheme", g_variant_new_string ("light"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  g_action_group_activate_action (actions, "color-scheme", g_variant_new_string ("follow"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_window_size_is_saved (Fixture *fixture)
{
  GSettings *settings = accord_application_get_settings (fixture->app);
  AccordWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 812, 604);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "window.close", NULL);
  ACCORD_TEST_WAIT_FOR (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) == NULL);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 604);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  second = accord_window_new (fixture->app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 604);
  gtk_window_destroy (GTK_WINDOW (second));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Shows a button named by a label given to it, one named by its text and,
 * when @unnamed, one that shows only an icon and was given no name. */
static void
show_buttons (gboolean unnamed)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *named = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add",
                                  -1);
  gtk_box_append (GTK_BOX (box), named);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Remove"));
  if (unnamed)
    gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("edit-delete-symbolic"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  accord_test_ui_wait_mapped (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_named_controls_subprocess (void)
{
  show_buttons (FALSE);
}

static void
test_unnamed_control_subprocess (void)
{
  show_buttons (TRUE);
}

/* A button that shows only an icon, and was given no name, is a failure
 * of any UI test that shows it; one given a name is not. */
static void
test_unnamed_control (void)
{
  g_test_trap_subprocess ("/accord/ui/unnamed-control/subprocess/named", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_test_trap_subprocess ("/accord/ui/unnamed-control/subprocess/unnamed", 0, 0);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*accord_test_ui_assert_accessible*GtkButton in GtkBox in "
                             "GtkWindow*");
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

#define ADD_IN_APPLICATION(path, body) \
  g_test_add_data_func (path, (gconstpointer) body, run_in_application)

  g_test_add_func ("/accord/ui/unnamed-control", test_unnamed_control);
  g_test_add_func ("/accord/ui/unnamed-control/subprocess/named", test_named_controls_subprocess);
  g_test_add_func ("/accord/ui/unnamed-control/subprocess/unnamed",
                   test_unnamed_control_subprocess);
  ADD_IN_APPLICATION ("/accord/ui/main-window", test_main_window);
  ADD_IN_APPLICATION ("/accord/ui/accelerators", test_accelerators);
  ADD_IN_APPLICATION ("/accord/ui/shortcuts-window", test_shortcuts_window);
  ADD_IN_APPLICATION ("/accord/ui/about-window", test_about_window);
  ADD_IN_APPLICATION ("/accord/ui/color-scheme", test_color_scheme);
  ADD_IN_APPLICATION ("/accord/ui/window-size-saved", test_window_size_is_saved);

#undef ADD_IN_APPLICATION

  return g_test_run ();
}
