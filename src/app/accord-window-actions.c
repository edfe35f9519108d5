/* accord-window-actions.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-window"

#include "config.h"

/* The window's actions: creating and opening strategies, saving a
 * revision, discarding changes, and the views they show. Each is a widget
 * action installed by _accord_window_class_actions_init();
 * _accord_window_update_actions() sets whether each can be used now. */

#include <glib/gi18n.h>

#include "accord-folder-chooser.h"
#include "accord-history-view.h"
#include "accord-new-strategy-dialog.h"
#include "accord-window-private.h"

static gboolean
has_message (AccordWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->save_message_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped != '\0';
}

/* The one place that says which actions can be used now. */
void
_accord_window_update_actions (AccordWindow *self)
{
  gboolean open = self->document != NULL;
  gboolean unsaved = open && accord_document_get_unsaved (self->document);
  gboolean idle = open && !accord_document_get_busy (self->document);

  /* One change of the files at a time: saving and discarding wait for
   * the work under way. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-revision", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.confirm-save-revision",
                                 idle && has_message (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-changes", idle && unsaved);
  /* The Save button opens its popover itself, without the action. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-outline", open);
}

static void
folder_chosen (gpointer    owner,
               const char *path)
{
  accord_window_open_in_place (owner, path);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_choose_folder (GTK_WINDOW (widget), widget, _("Open a Strategy"), _("_Open"), NULL,
                        folder_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  accord_window_open_in_place (ACCORD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
strategy_created_cb (AccordWindow             *self,
                     const char               *path,
                     AccordNewStrategyDialog  *dialog)
{
  accord_window_open_in_place (self, path);
}

static void
new_strategy_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  GtkWidget *dialog = accord_new_strategy_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "created", G_CALLBACK (strategy_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
changes_described_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  GtkEditable *entry = GTK_EDITABLE (self->save_message_entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  message = accord_document_describe_changes_finish (ACCORD_DOCUMENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->describing);

  /* A message the drafter began typing is theirs: the draft comes
   * selected, so that typing replaces it, as it did before it came. */
  if (message != NULL && *gtk_editable_get_text (entry) == '\0')
    {
      gtk_editable_set_text (entry, message);
      if (gtk_widget_has_focus (GTK_WIDGET (self->save_message_entry)))
        gtk_editable_select_region (entry, 0, -1);
    }
  else if (message == NULL && !g_error_matches (error, ACCORD_REPOSITORY_ERROR,
                                                ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE))
    _accord_window_show_error_toast (self, error);
}

/* The message is drafted from what changed, off the main thread: the
 * popover shows at once, and the draft fills the entry when it comes. */
static void
save_popover_show_cb (AccordWindow *self,
                      GtkPopover   *popover)
{
  g_cancellable_cancel (self->describing);
  g_clear_object (&self->describing);

  gtk_editable_set_text (GTK_EDITABLE (self->save_message_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->save_message_entry));

  if (self->document == NULL || accord_document_get_busy (self->document))
    return;

  self->describing = g_cancellable_new ();
  accord_document_describe_changes_async (self->document, self->describing,
                                          changes_described_cb, g_object_ref (self));
}

static void
save_popover_closed_cb (AccordWindow *self,
                        GtkPopover   *popover)
{
  g_cancellable_cancel (self->describing);
  g_clear_object (&self->describing);
}

static void
save_message_changed_cb (AccordWindow *self,
                         GtkEntry     *entry)
{
  _accord_window_update_actions (self);
}

static void
save_revision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_menu_button_popup (self->save_button);
}

static void
open_preferences_cb (AccordWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
}

static void
revision_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  g_autofree char *revision = NULL;
  g_autoptr(GError) error = NULL;

  revision = accord_document_save_revision_finish (ACCORD_DOCUMENT (object), result, &error);

  /* The window went on to another strategy meanwhile. */
  if (ACCORD_DOCUMENT (object) != self->document)
    return;

  if (revision != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Revision %.7s saved"), revision);

      _accord_window_show_toast (self, title);
      accord_history_view_reload (self->history_view);
    }
  else if (g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE))
    _accord_window_show_toast (self, _("Nothing to save: the strategy is as in the last revision"));
  else if (g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NO_AUTHOR))
    {
      AdwToast *toast = adw_toast_new (_("Tell Accord who you are to save revisions"));

      adw_toast_set_button_label (toast, _("_Preferences"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_preferences_cb), self,
                               G_CONNECT_SWAPPED);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    _accord_window_show_error_toast (self, error);

  _accord_window_update_content_title (self);
}

/* Saves in a worker: the drafter may go on typing meanwhile, and what
 * they type is kept for the next revision. */
static void
confirm_save_revision_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  GtkEditable *entry = GTK_EDITABLE (self->save_message_entry);
  g_autofree char *message = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (*message == '\0')
    return;

  /* The focus goes back to the button, as when the popover is closed:
   * the entry is not left focused while the button turns insensitive. */
  gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
  gtk_popover_popdown (self->save_popover);
  accord_document_save_revision_async (self->document, message, NULL, revision_saved_cb,
                                       g_object_ref (self));
}

static void
changes_discarded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!accord_document_discard_finish (ACCORD_DOCUMENT (object), result, &error))
    {
      if (ACCORD_DOCUMENT (object) == self->document)
        _accord_window_show_error_toast (self, error);
      return;
    }

  if (ACCORD_DOCUMENT (object) != self->document)
    return;

  _accord_window_show_toast (self, _("Changes discarded"));
  accord_history_view_reload (self->history_view);
  _accord_window_update_content_title (self);
}

static void
discard_response_cb (AccordWindow     *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "discard") || self->document == NULL ||
      accord_document_get_busy (self->document))
    return;

  accord_document_discard_async (self->document, NULL, changes_discarded_cb,
                                 g_object_ref (self));
}

static void
discard_changes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("Every change since the last revision will be lost: the "
                                     "strategy goes back to how it was saved last."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

void
_accord_window_class_actions_init (AccordWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, save_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_message_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-strategy", NULL, new_strategy_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-revision", NULL, save_revision_action);
  gtk_widget_class_install_action (widget_class, "win.confirm-save-revision", NULL,
                                   confirm_save_revision_action);
  gtk_widget_class_install_action (widget_class, "win.discard-changes", NULL,
                                   discard_changes_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-history", "history-shown");
  gtk_widget_class_install_property_action (widget_class, "win.search", "searching");
  gtk_widget_class_install_action (widget_class, "win.show-outline", NULL, show_outline_action);
}
