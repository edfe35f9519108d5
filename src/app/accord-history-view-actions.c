/* accord-history-view-actions.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-history-view"

#include "config.h"

/* What can be done with the selected revision: restore the whole
 * strategy or the part selected in its outline as they were then, or make
 * a revision a milestone. Each is a widget action, enabled by
 * _accord_history_view_update_actions(); restoring the whole strategy and
 * naming a milestone ask first in a dialog, and every outcome is told in
 * a toast. A restore runs in a worker; AccordHistoryView:restoring is
 * TRUE meanwhile. */

#include <string.h>
#include <glib/gi18n.h>

#include "accord-history-view-private.h"

/* Toasts and settings */

/* Errors are shown at once, before toasts already waiting. */
void
_accord_history_view_show_toast (AccordHistoryView *self,
                                 const char        *title,
                                 gboolean           error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("%s", title);
      return;
    }

  /* A toast's title is Pango markup. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  if (error)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* "Name <e-mail>" from the preferences, or NULL for git's configuration. */
static char *
dup_author (AccordHistoryView *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");
  g_autofree char *email = g_settings_get_string (self->settings, "author-email");

  g_strstrip (name);
  g_strstrip (email);

  if (*name == '\0' || *email == '\0')
    return NULL;

  return g_strdup_printf ("%s <%s>", name, email);
}

static GtkWindow *
get_window (AccordHistoryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Actions */

AccordEntity *
_accord_history_view_get_selected_entity (AccordHistoryView *self)
{
  AccordEntity *entity;

  if (self->strategy == NULL || self->entity_id == NULL)
    return NULL;

  if (g_str_equal (self->entity_id, "strategy"))
    return ACCORD_ENTITY (self->strategy);

  entity = accord_strategy_lookup (self->strategy, self->entity_id);
  if (entity == NULL)
    return NULL;

  return entity;
}

void
_accord_history_view_update_actions (AccordHistoryView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *selected = accord_history_view_get_selected_revision (self);
  AccordEntity *entity = _accord_history_view_get_selected_entity (self);
  gboolean can_change = self->repository != NULL && selected != NULL;
  gboolean can_restore = can_change && self->can_restore && self->restore_cancellable == NULL;
  const char *label = _("Restore This Section");

  gtk_widget_action_set_enabled (widget, "history.restore-strategy", can_restore);
  gtk_widget_action_set_enabled (widget, "history.restore-entity",
                                 can_restore && entity != NULL);
  gtk_widget_action_set_enabled (widget, "history.create-milestone", can_change);

  if (entity != NULL && ACCORD_IS_OBJECTIVE (entity))
    label = _("Restore This Objective");
  else if (entity != NULL && ACCORD_IS_STRATEGY (entity))
    label = _("Restore Title and Summary");

  gtk_button_set_label (self->restore_entity_button, label);

  if (entity != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->restore_entity_button),
                                 _("Bring back the selected part as it was in this revision"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->restore_entity_button),
                                 _("Select a section or an objective below to restore it"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->milestone_button),
                               _("Name this revision, such as the version sent to consultation"));
}

/* Restoring in a worker, which opens its own repository */

typedef struct
{
  char *path;
  char *revision;
  char *entity_id;   /* NULL: the whole strategy */
  char *author;
  char *done;        /* what the toast says once it is restored */
} RestoreRequest;

static void
restore_request_free (RestoreRequest *request)
{
  g_free (request->path);
  g_free (request->revision);
  g_free (request->entity_id);
  g_free (request->author);
  g_free (request->done);
  g_free (request);
}

static void
restore_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RestoreRequest *request = task_data;
  g_autoptr(AccordRepository) repository = NULL;
  GError *error = NULL;
  char *new_id;

  if (!(repository = accord_repository_open (request->path, &error)) ||
      !(new_id = accord_repository_restore (repository, request->revision, request->entity_id,
                                            request->author, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, new_id, g_free);
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);
  RestoreRequest *request = g_task_get_task_data (G_TASK (result));
  g_autofree char *new_id = NULL;
  g_autoptr(GError) error = NULL;

  new_id = g_task_propagate_pointer (G_TASK (result), &error);

  /* The view is gone; the restore itself could not be stopped. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  /* Over: whoever held their edits back writes them now, before the
   * strategy is read again. */
  g_clear_object (&self->restore_cancellable);
  _accord_history_view_notify_restoring (self);
  _accord_history_view_update_actions (self);

  if (new_id == NULL)
    {
      if (g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAVED_CHANGES))
        _accord_history_view_show_toast (self, _("Save or discard your changes before restoring"),
                                         TRUE);
      else if (g_error_matches (error, ACCORD_REPOSITORY_ERROR,
                                ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE))
        _accord_history_view_show_toast (self, _("Nothing to restore: it is already as it was in "
                                                 "this revision"), TRUE);
      else
        _accord_history_view_show_toast (self, error->message, TRUE);

      g_debug ("Could not restore %s from %s: %s",
               request->entity_id != NULL ? request->entity_id : "the strategy",
               request->revision, error->message);
      return;
    }

  _accord_history_view_show_toast (self, request->done, FALSE);
  _accord_history_view_emit_restored (self, new_id);

  /* The new revision heads the list once it is read again. */
  g_free (self->pending_selection);
  self->pending_selection = g_steal_pointer (&new_id);
  _accord_history_view_reset (self);
}

static void
restore (AccordHistoryView *self,
         const char        *revision,
         AccordEntity      *entity)
{
  g_autoptr(AccordHistoryView) hold = g_object_ref (self);
  g_autoptr(GTask) task = NULL;
  RestoreRequest *request;

  /* A dialog may answer after restoring was turned off. */
  if (self->repository == NULL || !self->can_restore || self->restore_cancellable != NULL)
    return;

  request = g_new0 (RestoreRequest, 1);
  request->revision = g_strdup (revision);

  if (entity != NULL)
    {
      g_autofree char *name = _accord_history_view_dup_entity_name (entity, FALSE);

      request->entity_id = g_strdup (accord_entity_get_id (entity));
      /* Translators: %s is the title of a section or an objective */
      request->done = g_strdup_printf (_("Restored “%s”"), name);
    }
  else
    {
      GListModel *model = G_LIST_MODEL (self->revisions);
      guint position = _accord_history_view_find_revision (self, revision);
      g_autoptr(AccordHistoryItem) item = NULL;
      g_autofree char *date = NULL;

      if (position != GTK_INVALID_LIST_POSITION)
        {
          item = g_list_model_get_item (model, position);
          date = _accord_history_view_format_full_date (item->revision);
        }

      /* Translators: %s is a date and time */
      request->done = g_strdup_printf (_("Restored the strategy as it was on %s"),
                                       date != NULL ? date : revision);
    }

  /* Edits not yet written would be overwritten, or would block the
   * restore: the window writes them now. */
  _accord_history_view_emit_before_change (self);

  /* Its handlers may have taken the repository away. */
  if (self->repository == NULL)
    {
      restore_request_free (request);
      return;
    }

  request->path = g_strdup (accord_repository_get_path (self->repository));
  request->author = dup_author (self);

  /* Once begun, the restore goes to its end: the result must be known. */
  self->restore_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->restore_cancellable, restore_cb, NULL);
  g_task_set_source_tag (task, restore);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, request, (GDestroyNotify) restore_request_free);
  g_task_run_in_thread (task, restore_thread_cb);

  _accord_history_view_notify_restoring (self);
  _accord_history_view_update_actions (self);
}

static void
restore_entity_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);
  const char *revision = accord_history_view_get_selected_revision (self);
  g_autoptr(AccordEntity) entity = NULL;

  if (revision == NULL || _accord_history_view_get_selected_entity (self) == NULL)
    return;

  entity = g_object_ref (_accord_history_view_get_selected_entity (self));
  restore (self, revision, entity);
}

static void
restore_strategy_response_cb (AccordHistoryView *self,
                              const char        *response,
                              AdwMessageDialog  *dialog)
{
  const char *revision = g_object_get_data (G_OBJECT (dialog), "revision");

  if (g_str_equal (response, "restore") && revision != NULL && self->repository != NULL)
    restore (self, revision, NULL);
}

static void
restore_strategy_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);
  GtkWidget *dialog;
  g_autofree char *date = NULL;

  if (self->shown == NULL)
    return;

  date = _accord_history_view_format_full_date (self->shown->revision);
  dialog = adw_message_dialog_new (get_window (self), _("Restore the Whole Strategy?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a date and time */
                                  _("Every section, objective and other part of the strategy "
                                    "will be brought back as it was on %s. This is saved as a "
                                    "new revision: the history is kept, and later revisions can "
                                    "still be restored."),
                                  date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "revision",
                          g_strdup (self->shown->revision->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_strategy_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* A rough check of git's rules for tag names, to guide the drafter as they
 * type; the repository makes the full check. */
static gboolean
milestone_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '-' || *name == '.' ||
      g_str_has_suffix (name, ".") || g_str_has_suffix (name, ".lock") ||
      g_str_has_suffix (name, "/") || strstr (name, "..") != NULL ||
      strstr (name, "@{") != NULL || strstr (name, "//") != NULL || g_str_equal (name, "@"))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr ("~^:?*[\\", *p) != NULL)
        return FALSE;
    }

  return TRUE;
}

static void
milestone_name_changed_cb (AdwMessageDialog *dialog,
                           GtkEditable      *name_row)
{
  const char *name = gtk_editable_get_text (name_row);
  GtkWidget *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  gboolean valid = milestone_name_is_valid (name);
  gboolean show_error = !valid && *name != '\0';

  adw_message_dialog_set_response_enabled (dialog, "create", valid);

  if (show_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (name_row), "error");
      gtk_widget_add_css_class (hint, "error");
      gtk_widget_remove_css_class (hint, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (name_row), "error");
      gtk_widget_remove_css_class (hint, "error");
      gtk_widget_add_css_class (hint, "dim-label");
    }
}

static void
milestone_entry_activated_cb (AdwMessageDialog *dialog,
                              GtkEditable      *row)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    adw_message_dialog_response (dialog, "create");
}

static void
milestone_response_cb (AccordHistoryView *self,
                       const char        *response,
                       AdwMessageDialog  *dialog)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "name-row");
  GtkEditable *description_row = g_object_get_data (G_OBJECT (dialog), "description-row");
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *author = NULL;
  g_autofree char *done = NULL;
  const char *revision = g_object_get_data (G_OBJECT (dialog), "revision");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create") || self->repository == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (name_row)));
  description = g_strstrip (g_strdup (gtk_editable_get_text (description_row)));
  author = dup_author (self);

  /* The revision the dialog was opened for, whatever was saved since. */
  if (!accord_repository_tag_revision (self->repository, revision, name,
                                       *description != '\0' ? description : NULL, author,
                                       &error))
    {
      _accord_history_view_show_toast (self, error->message, TRUE);
      return;
    }

  /* Translators: %s is a milestone's name */
  done = g_strdup_printf (_("Created the milestone “%s”"), name);
  _accord_history_view_show_toast (self, done, FALSE);
  _accord_history_view_emit_tag_created (self, name);
  accord_history_view_reload (self);
}

static void
create_milestone_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *name_row;
  GtkWidget *description_row;
  GtkWidget *hint;

  dialog = adw_message_dialog_new (get_window (self), _("Create Milestone"),
                                   _("A milestone names this revision, such as the version "
                                     "sent to consultation, so that everyone can find it again."));
  g_object_set_data_full (G_OBJECT (dialog), "revision",
                          g_strdup (accord_history_view_get_selected_revision (self)), g_free);

  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  description_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description_row), _("Description"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), description_row);

  hint = gtk_label_new (_("Letters, digits, dots and dashes, without spaces, such as "
                          "“consultation-1”"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "name-row", name_row);
  g_object_set_data (G_OBJECT (dialog), "description-row", description_row);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect_swapped (name_row, "changed", G_CALLBACK (milestone_name_changed_cb), dialog);
  g_signal_connect_swapped (name_row, "entry-activated",
                            G_CALLBACK (milestone_entry_activated_cb), dialog);
  g_signal_connect_swapped (description_row, "entry-activated",
                            G_CALLBACK (milestone_entry_activated_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (milestone_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

void
_accord_history_view_class_actions_init (AccordHistoryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "history.restore-strategy", NULL,
                                   restore_strategy_action);
  gtk_widget_class_install_action (widget_class, "history.restore-entity", NULL,
                                   restore_entity_action);
  gtk_widget_class_install_action (widget_class, "history.create-milestone", NULL,
                                   create_milestone_action);
}
