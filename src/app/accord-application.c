/* accord-application.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-application"

#include "config.h"

#include <glib/gi18n.h>

#include "accord.h"
#include "accord-application.h"
#include "accord-window.h"

struct _AccordApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AccordApplication, accord_application, ADW_TYPE_APPLICATION)

static void
accord_application_apply_color_scheme (AccordApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  /* "follow" keeps libadwaita's default, which follows the system's
   * light or dark preference. */
  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (style_manager, color_scheme);
}

static void
color_scheme_changed_cb (AccordApplication *self,
                         const char        *key,
                         GSettings         *settings)
{
  accord_application_apply_color_scheme (self);
}

static char *
dup_debug_info (void)
{
  g_autoptr(GVariant) info = accord_dup_runtime_info ();
  const char *git_version = "";
  const char *sqlite_version = "";

  g_variant_lookup (info, "libgit2-version", "&s", &git_version);
  g_variant_lookup (info, "sqlite-version", "&s", &sqlite_version);

  return g_strdup_printf ("Accord %s\n"
                          "GTK %u.%u.%u\n"
                          "libadwaita %u.%u.%u\n"
                          "libgit2 %s\n"
                          "SQLite %s\n",
                          PACKAGE_VERSION,
                          gtk_get_major_version (),
                          gtk_get_minor_version (),
                          gtk_get_micro_version (),
                          adw_get_major_version (),
                          adw_get_minor_version (),
                          adw_get_micro_version (),
                          git_version,
                          sqlite_version);
}

static void
accord_application_about (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AccordApplication *self = user_data;
  static const char *developers[] = { "The Accord authors", NULL };
  g_autofree char *debug_info = dup_debug_info ();
  GtkWindow *window;
  GtkWidget *about;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Accord"),
                        "developer-name", _("The Accord authors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_ISSUES,
                        "comments", _("Draft strategy documents, take in consultation "
                                      "contributions and keep every revision in git."),
                        "copyright", _("© 2026 The Accord authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "debug-info", debug_info,
                        "debug-info-filename", "accord-debug-info.txt",
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
accord_application_quit (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AccordApplication *self = user_data;
  GList *windows;

  /* Close windows one by one so that each saves its state on the way. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", accord_application_about },
  { "quit", accord_application_quit },
};

static void
accord_application_startup (GApplication *application)
{
  AccordApplication *self = ACCORD_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
  };
  g_autoptr(GAction) color_scheme_action = NULL;

  G_APPLICATION_CLASS (accord_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  color_scheme_action = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (self), color_scheme_action);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self,
                           G_CONNECT_SWAPPED);
  accord_application_apply_color_scheme (self);
}

static void
accord_application_activate (GApplication *application)
{
  AccordApplication *self = ACCORD_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (accord_window_new (self));

  gtk_window_present (window);
}

static void
accord_application_dispose (GObject *object)
{
  AccordApplication *self = ACCORD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_application_parent_class)->dispose (object);
}

static void
accord_application_class_init (AccordApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = accord_application_dispose;

  app_class->startup = accord_application_startup;
  app_class->activate = accord_application_activate;
}

static void
accord_application_init (AccordApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

AccordApplication *
accord_application_new (GApplicationFlags flags)
{
  return g_object_new (ACCORD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * accord_application_get_settings:
 * @self: an #AccordApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
accord_application_get_settings (AccordApplication *self)
{
  g_return_val_if_fail (ACCORD_IS_APPLICATION (self), NULL);

  return self->settings;
}
