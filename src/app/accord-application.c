/* accord-application.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-application"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-application.h"
#include "accord-preferences-window.h"
#include "accord-window.h"

#define DEMO_RESOURCES "/io/github/accord_editor/Accord/demo"
#define DEMO_AUTHOR "Équipe de rédaction <redaction@example.org>"

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

/* The window to open a strategy in: one that shows none, or a new one. */
static AccordWindow *
find_free_window (AccordApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (ACCORD_IS_WINDOW (l->data) && !accord_window_is_busy (l->data))
        return l->data;
    }

  return accord_window_new (self);
}

/**
 * accord_application_open_strategy:
 * @self: an #AccordApplication
 * @path: a strategy's folder
 *
 * Shows the strategy at @path: in the window that has it open already, in
 * a window that shows no strategy, or in a new window.
 */
void
accord_application_open_strategy (AccordApplication *self,
                                  const char        *path)
{
  g_autofree char *canonical = NULL;
  AccordWindow *window;

  g_return_if_fail (ACCORD_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  canonical = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      AccordDocument *document;

      if (!ACCORD_IS_WINDOW (l->data))
        continue;

      document = accord_window_get_document (l->data);
      if (document != NULL && g_str_equal (accord_document_get_path (document), canonical))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  window = find_free_window (self);
  accord_window_open (window, canonical);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
extract_demo (const char  *resource,
              const char  *folder,
              GError     **error)
{
  g_auto(GStrv) children = NULL;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (!(children = g_resources_enumerate_children (resource, 0, error)))
    return FALSE;

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child_resource = g_strconcat (resource, "/", children[i], NULL);
      g_autofree char *name = g_strdup (children[i]);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      const char *data;

      /* Folders are listed with a trailing slash. */
      if (g_str_has_suffix (name, "/"))
        {
          name[strlen (name) - 1] = '\0';
          child_resource[strlen (child_resource) - 1] = '\0';
          path = g_build_filename (folder, name, NULL);
          if (!extract_demo (child_resource, path, error))
            return FALSE;
          continue;
        }

      if (!(bytes = g_resources_lookup_data (child_resource, 0, error)))
        return FALSE;

      data = g_bytes_get_data (bytes, &length);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_set_contents (path, data, length, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * accord_application_create_demo:
 * @error: return location for a #GError
 *
 * Makes a fresh copy of the bundled demo strategy, with its history, in
 * the user's data folder.
 *
 * Returns: (transfer full): the copy's folder
 */
char *
accord_application_create_demo (GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "demo-%Y%m%d-%H%M%S");
  g_autofree char *parent = g_build_filename (g_get_user_data_dir (), "accord", "demos", NULL);
  g_autofree char *path = g_build_filename (parent, stamp, NULL);
  g_autoptr(AccordRepository) repository = NULL;

  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s-%u", stamp, i);

      g_free (path);
      path = g_build_filename (parent, numbered, NULL);
    }

  /* The demo is in French, as written: it is a sample document, not
   * part of the interface. */
  if (!extract_demo (DEMO_RESOURCES, path, error) ||
      !(repository = accord_repository_adopt (path, DEMO_AUTHOR,
                                              "Projet de stratégie soumis à la consultation",
                                              error)) ||
      !accord_repository_tag (repository, "consultation-2026",
                              "Version soumise à la consultation publique", DEMO_AUTHOR, error))
    return NULL;

  return g_steal_pointer (&path);
}

static void
accord_application_open_demo (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  AccordApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = accord_application_create_demo (&error);

  if (path == NULL)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
      g_autofree char *message = g_strdup_printf (_("Could not make the demo strategy: %s"),
                                                  error->message);

      if (window == NULL)
        window = GTK_WINDOW (accord_window_new (self));
      accord_window_add_toast (ACCORD_WINDOW (window), adw_toast_new (message));
      gtk_window_present (window);
      return;
    }

  accord_application_open_strategy (self, path);
}

static void
accord_application_preferences (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AccordApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (accord_preferences_window_new (window)));
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
  { "open-demo", accord_application_open_demo },
  { "preferences", accord_application_preferences },
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
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
    { "win.new-strategy", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save-revision", { "<Control>s", NULL } },
    { "win.show-history", { "<Control><Shift>h", NULL } },
    { "win.search", { "<Control><Shift>f", NULL } },
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
accord_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  AccordApplication *self = ACCORD_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        accord_application_open_strategy (self, path);
    }
}

static int
accord_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  /* Ask the running instance, if there is one, to open the demo. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (application), "open-demo", NULL);

  return 0;
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
  app_class->open = accord_application_open;
  app_class->handle_local_options = accord_application_handle_local_options;
}

static void
accord_application_init (AccordApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open a new copy of the demo strategy"), NULL },
    { NULL }
  };

  self->settings = g_settings_new (APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FOLDER…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Edit strategy documents kept in git."));
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
