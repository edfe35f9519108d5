/* accord-welcome-page.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-welcome-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord.h"
#include "accord-welcome-page-private.h"

/* What the window shows when no strategy is open: ways to start, and the
 * strategies opened last, with their titles and when they were last saved
 * (read in a worker, as a strategy may sit on a slow disk). */

struct _AccordWelcomePage
{
  AdwBin                parent_instance;

  GSettings            *settings;
  GCancellable         *reading;

  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
};

G_DEFINE_FINAL_TYPE (AccordWelcomePage, accord_welcome_page, ADW_TYPE_BIN)

typedef struct
{
  char   *path;
  char   *title;
  char   *problem;    /* why it could not be read, when it is there */
  gint64  saved;      /* seconds since 1970, or 0 */
  guint   found : 1;
} Recent;

static void
recent_free (Recent *recent)
{
  g_free (recent->path);
  g_free (recent->title);
  g_free (recent->problem);
  g_free (recent);
}

/* Reads the title from strategy.md's header without reading the rest of
 * the strategy: enough to name it in a list. A folder or a strategy.md
 * that is gone is no error: *@title is then %NULL, as it is when the file
 * holds no title. */
static gboolean
read_title (const char  *path,
            char       **title,
            GError     **error)
{
  g_autofree char *file = g_build_filename (path, "strategy.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) lines = NULL;

  *title = NULL;

  if (!g_file_get_contents (file, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_utf8_validate (contents, -1, NULL))
    return TRUE;

  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL || !g_str_equal (g_strchomp (lines[0]), "---"))
    return TRUE;

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);

      if (g_str_equal (lines[i], "---"))
        break;

      if (g_str_has_prefix (lines[i], "title:"))
        {
          g_autofree char *found = g_strstrip (g_strdup (lines[i] + strlen ("title:")));

          if (*found != '\0')
            {
              *title = g_steal_pointer (&found);
              return TRUE;
            }
        }
    }

  return TRUE;
}

/**
 * _accord_welcome_page_read_title:
 * @path: a strategy's folder
 *
 * Returns: (transfer full) (nullable): the title in strategy.md's header
 */
char *
_accord_welcome_page_read_title (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *title = NULL;

  if (!read_title (path, &title, &error))
    g_debug ("Could not read the title of %s: %s", path, error->message);

  return title;
}

/* When the strategy at @path was last saved; a strategy never saved has
 * no date, and is no error. */
static gboolean
read_last_saved (const char  *path,
                 gint64      *saved,
                 GError     **error)
{
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) local_error = NULL;

  *saved = 0;

  if (!(repository = accord_repository_open (path, error)))
    return FALSE;

  if (!(log = accord_repository_log (repository, NULL, 1, &local_error)))
    {
      if (g_error_matches (local_error, ACCORD_REPOSITORY_ERROR,
                           ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (log->len > 0)
    *saved = ((AccordRevision *) g_ptr_array_index (log, 0))->time;

  return TRUE;
}

static void
read_recent_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  char **paths = task_data;
  GPtrArray *recents = g_ptr_array_new_with_free_func ((GDestroyNotify) recent_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      Recent *recent = g_new0 (Recent, 1);
      g_autoptr(GError) error = NULL;

      recent->path = g_strdup (paths[i]);

      /* What cannot be read is said in its row, so that the drafter knows
       * why a strategy they know is there does not open. */
      if (read_title (paths[i], &recent->title, &error))
        {
          recent->found = recent->title != NULL;
          if (recent->found && !read_last_saved (paths[i], &recent->saved, &error))
            recent->problem = g_strdup (error->message);
        }
      else
        recent->problem = g_strdup (error->message);

      if (recent->problem != NULL)
        g_debug ("Could not read the recent strategy %s: %s", paths[i], recent->problem);

      g_ptr_array_add (recents, recent);
    }

  g_task_return_pointer (task, recents, (GDestroyNotify) g_ptr_array_unref);
}

static char *
describe_place (const Recent *recent)
{
  g_autofree char *place = NULL;
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (recent->path, home) && recent->path[strlen (home)] == '/')
    place = g_strconcat ("~", recent->path + strlen (home), NULL);
  else
    place = g_strdup (recent->path);

  if (recent->problem != NULL)
    /* Translators: a folder, then why its strategy could not be read. */
    return g_strdup_printf (_("%s — could not be read: %s"), place, recent->problem);

  if (!recent->found)
    /* Translators: %s is a folder that no longer holds a strategy. */
    return g_strdup_printf (_("%s — not found"), place);

  if (recent->saved > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (recent->saved);
      g_autofree char *date = g_date_time_format (when, "%x");

      /* Translators: a folder, then the date of its last revision. */
      return g_strdup_printf (_("%s — saved on %s"), place, date);
    }

  return g_steal_pointer (&place);
}

static void
remove_recent_cb (GtkButton         *button,
                  AccordWelcomePage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-strategies");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; recent[i] != NULL; i++)
    {
      if (!g_str_equal (recent[i], path))
        g_strv_builder_add (builder, recent[i]);
    }

  kept = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-strategies", (const char * const *) kept);
}

static GtkWidget *
make_row (AccordWelcomePage *self,
          const Recent      *recent)
{
  g_autofree char *basename = g_path_get_basename (recent->path);
  g_autofree char *place = describe_place (recent);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 recent->title != NULL ? recent->title : basename);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

  if (recent->found)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (recent->path));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  else
    gtk_widget_add_css_class (row, "dim-label");

  /* Translators: %s is a strategy's title. */
  remove_label = g_strdup_printf (_("Remove “%s” From the List"),
                                  recent->title != NULL ? recent->title : basename);
  gtk_widget_set_tooltip_text (remove, _("Remove From the List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "path", g_strdup (recent->path), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_recent_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
clear_rows (AccordWelcomePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
}

static void
recent_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AccordWelcomePage *self = user_data;
  g_autoptr(GPtrArray) recents = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled: the page may be gone. */
  recents = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->reading);

  /* The worker fails in no other way: what it cannot read, it says in
   * the rows. */
  if (recents == NULL)
    {
      g_warning ("Could not read the recent strategies: %s", error->message);
      return;
    }

  clear_rows (self);

  for (guint i = 0; i < recents->len; i++)
    gtk_list_box_append (self->recent_list, make_row (self, g_ptr_array_index (recents, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), recents->len > 0);
}

static void
reload_recent (AccordWelcomePage *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-strategies");
  g_autoptr(GTask) task = NULL;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);

  if (paths[0] == NULL)
    {
      clear_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->recent_group), FALSE);
      return;
    }

  self->reading = g_cancellable_new ();
  task = g_task_new (NULL, self->reading, recent_read_cb, self);
  g_task_set_source_tag (task, reload_recent);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, g_steal_pointer (&paths), (GDestroyNotify) g_strfreev);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, read_recent_in_thread);
}

static void
recent_changed_cb (AccordWelcomePage *self)
{
  reload_recent (self);
}

static void
accord_welcome_page_dispose (GObject *object)
{
  AccordWelcomePage *self = ACCORD_WELCOME_PAGE (object);

  /* The task's callback no longer runs once cancelled: it checks. */
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (accord_welcome_page_parent_class)->dispose (object);
}

static void
accord_welcome_page_class_init (AccordWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AccordWelcomePage, recent_list);
}

static void
accord_welcome_page_init (AccordWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-strategies",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  reload_recent (self);
}

GtkWidget *
accord_welcome_page_new (void)
{
  return g_object_new (ACCORD_TYPE_WELCOME_PAGE, NULL);
}

GtkListBox *
accord_welcome_page_get_recent_list (AccordWelcomePage *self)
{
  g_return_val_if_fail (ACCORD_IS_WELCOME_PAGE (self), NULL);

  return self->recent_list;
}
