/* accord-window.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-window-private.h"

G_DEFINE_FINAL_TYPE (AccordWindow, accord_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SEARCHING,
  PROP_HISTORY_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accord_window_restore_state (AccordWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
accord_window_save_state (AccordWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The default size tracks the unmaximized size, which is what the next
   * start should use when the user unmaximizes. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

void
_accord_window_show_toast (AccordWindow *self,
                           const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_accord_window_show_error_toast (AccordWindow *self,
                                 const GError *error)
{
  _accord_window_show_toast (self, error->message);
}

/* The editor ------------------------------------------------------------ */

static void
shown_title_changed_cb (AccordWindow *self)
{
  _accord_window_update_content_title (self);
}

void
_accord_window_update_content_title (AccordWindow *self)
{
  const char *title = NULL;
  const char *status;

  if (self->document == NULL)
    return;

  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "history"))
    title = _("History");
  else if (self->shown != NULL)
    title = accord_entity_get_field (self->shown, "title");

  if (accord_document_get_unsaved (self->document))
    status = _("Unsaved changes");
  else
    status = _("No unsaved changes");

  adw_window_title_set_title (self->content_title, title != NULL ? title : "");
  adw_window_title_set_subtitle (self->content_title, status);
}

static gboolean get_history_shown (AccordWindow *self);

static void
show_entity (AccordWindow *self,
             AccordEntity *entity)
{
  gboolean history_was_shown = get_history_shown (self);

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, shown_title_changed_cb, self);

  g_set_object (&self->shown, entity);

  if (entity != NULL)
    g_signal_connect_object (entity, "notify::title", G_CALLBACK (shown_title_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (entity != NULL && self->document != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!accord_workspace_set_state (accord_document_get_workspace (self->document),
                                       "last-entity", accord_entity_get_id (entity), &error))
        g_debug ("Could not remember the place: %s", error->message);
    }

  accord_section_editor_set_section (self->section_editor,
                                     ACCORD_IS_SECTION (entity) ? ACCORD_SECTION (entity) : NULL);
  accord_objective_editor_set_objective (self->objective_editor,
                                         ACCORD_IS_OBJECTIVE (entity) ?
                                         ACCORD_OBJECTIVE (entity) : NULL);

  if (ACCORD_IS_SECTION (entity))
    gtk_stack_set_visible_child_name (self->content_stack, "section");
  else if (ACCORD_IS_OBJECTIVE (entity))
    gtk_stack_set_visible_child_name (self->content_stack, "objective");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");

  _accord_window_update_content_title (self);

  if (history_was_shown)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_SHOWN]);
}

static void
outline_selected_cb (AccordWindow  *self,
                     GParamSpec    *pspec,
                     AccordOutline *outline)
{
  AccordEntity *selected = accord_outline_get_selected (outline);

  if (selected == self->shown)
    return;

  show_entity (self, selected);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* On a narrow window the outline hides the editor: there, one click on a
 * row opens it (activating the row), as in other adaptive GNOME apps. */
static void
leaflet_folded_cb (AccordWindow *self)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (self->outline), GTK_TYPE_LIST_VIEW);

  if (list != NULL)
    gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list),
                                             adw_leaflet_get_folded (self->leaflet));
}

static void
outline_activated_cb (AccordWindow  *self,
                      AccordEntity  *entity,
                      AccordOutline *outline)
{
  show_entity (self, entity);
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  if (ACCORD_IS_SECTION (entity))
    accord_section_editor_focus_body (self->section_editor);
  else if (ACCORD_IS_OBJECTIVE (entity))
    accord_objective_editor_focus_title (self->objective_editor);
}

/* Search ----------------------------------------------------------------- */

static void
search_result_activated_cb (AccordWindow      *self,
                            const char        *id,
                            const char        *query,
                            AccordSearchPanel *panel)
{
  AccordStrategy *strategy = accord_document_get_strategy (self->document);
  AccordEntity *entity = accord_strategy_lookup (strategy, id);

  /* A comment is shown where it belongs. */
  if (ACCORD_IS_COMMENT (entity))
    entity = accord_strategy_lookup (strategy, accord_entity_get_field (entity, "target"));

  if (!ACCORD_IS_SECTION (entity) && !ACCORD_IS_OBJECTIVE (entity))
    return;

  accord_outline_select (self->outline, entity);
  show_entity (self, entity);
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  if (ACCORD_IS_SECTION (entity))
    accord_section_editor_reveal_text (self->section_editor, query);
  else
    accord_objective_editor_focus_title (self->objective_editor);
}

static gboolean
get_searching (AccordWindow *self)
{
  /* Asked by the property action before the template is built. */
  if (self->sidebar_stack == NULL)
    return FALSE;

  return g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "search");
}

/* Searching again while searching puts the focus back in the entry, but
 * changes nothing else. */
static void
set_searching (AccordWindow *self,
               gboolean      searching)
{
  gboolean was_searching = get_searching (self);

  if (searching)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
      accord_search_panel_focus_entry (self->search_panel);
    }
  else if (was_searching)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
      gtk_widget_grab_focus (GTK_WIDGET (self->outline));
    }

  if (!!searching != was_searching)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
search_stopped_cb (AccordWindow      *self,
                   AccordSearchPanel *panel)
{
  set_searching (self, FALSE);
}

static gboolean
get_history_shown (AccordWindow *self)
{
  if (self->content_stack == NULL)
    return FALSE;

  return g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "history");
}

static void
set_history_shown (AccordWindow *self,
                   gboolean      shown)
{
  if (shown == get_history_shown (self))
    return;

  if (shown)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "history");
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      _accord_window_update_content_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_SHOWN]);
    }
  else
    show_entity (self, self->shown);
}

/* Opening ---------------------------------------------------------------- */

static void
document_unsaved_cb (AccordWindow   *self,
                     GParamSpec     *pspec,
                     AccordDocument *document)
{
  _accord_window_update_content_title (self);
  _accord_window_update_actions (self);
}

static void
document_autosave_failed_cb (AccordWindow   *self,
                             const GError   *error,
                             AccordDocument *document)
{
  g_autofree char *message = NULL;

  /* Once per streak of failures: it is tried again every few seconds. */
  if (self->autosave_error_shown)
    return;

  self->autosave_error_shown = TRUE;
  message = g_strdup_printf (_("Your edits could not be written to disk: %s"), error->message);
  _accord_window_show_toast (self, message);
}

/* While the document is busy, the spinner turns and nothing else may
 * change the files; a window asked to close meanwhile closes after. */
static void
document_busy_cb (AccordWindow   *self,
                  GParamSpec     *pspec,
                  AccordDocument *document)
{
  gboolean busy = accord_document_get_busy (document);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  _accord_window_update_actions (self);

  if (!busy && self->close_when_idle)
    {
      self->close_when_idle = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
document_pending_cb (AccordWindow   *self,
                     GParamSpec     *pspec,
                     AccordDocument *document)
{
  if (!accord_document_get_pending (document))
    {
      self->autosave_error_shown = FALSE;
      accord_search_panel_refresh (self->search_panel);
    }
}

/* Shows the strategy the document holds now: after opening, and after a
 * discard or a restore read it again. */
static void
show_strategy (AccordWindow *self)
{
  AccordStrategy *strategy = accord_document_get_strategy (self->document);
  g_autofree char *shown_id = NULL;
  AccordEntity *again = NULL;

  if (self->shown != NULL)
    shown_id = g_strdup (accord_entity_get_id (self->shown));

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_pointer (&self->window_title_binding, g_binding_unbind);
  self->title_binding = g_object_bind_property (strategy, "title", self->strategy_title, "title",
                                                G_BINDING_SYNC_CREATE);
  self->window_title_binding = g_object_bind_property (strategy, "title", self, "title",
                                                       G_BINDING_SYNC_CREATE);

  accord_outline_set_strategy (self->outline, strategy);
  accord_search_panel_set_strategy (self->search_panel, strategy);
  accord_search_panel_set_repository (self->search_panel,
                                      accord_document_get_repository (self->document));

  if (shown_id != NULL)
    again = accord_strategy_lookup (strategy, shown_id);

  show_entity (self, NULL);
  if (again != NULL)
    {
      accord_outline_select (self->outline, again);
      show_entity (self, again);
    }
}

static void
document_strategy_cb (AccordWindow   *self,
                      GParamSpec     *pspec,
                      AccordDocument *document)
{
  show_strategy (self);
}

static void
set_document (AccordWindow   *self,
              AccordDocument *document)
{
  g_cancellable_cancel (self->describing);
  g_clear_object (&self->describing);
  g_clear_pointer (&self->can_restore_binding, g_binding_unbind);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      if (self->held)
        accord_document_release (self->document);
      self->held = FALSE;
      accord_document_close (self->document);
    }

  g_set_object (&self->document, document);

  if (document == NULL)
    {
      g_clear_pointer (&self->title_binding, g_binding_unbind);
      g_clear_pointer (&self->window_title_binding, g_binding_unbind);
      return;
    }

  g_signal_connect_object (document, "notify::unsaved", G_CALLBACK (document_unsaved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::pending", G_CALLBACK (document_pending_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::strategy", G_CALLBACK (document_strategy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "autosave-failed", G_CALLBACK (document_autosave_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (document_busy_cb), self,
                           G_CONNECT_SWAPPED);

  /* A restore would race with the document's own work. */
  self->can_restore_binding = g_object_bind_property (document, "busy",
                                                      self->history_view, "can-restore",
                                                      G_BINDING_SYNC_CREATE |
                                                      G_BINDING_INVERT_BOOLEAN);

  accord_history_view_set_repository (self->history_view,
                                      accord_document_get_repository (document));
  show_strategy (self);
  document_busy_cb (self, NULL, document);
}

static void
remember_recent (AccordWindow *self,
                 const char   *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-strategies");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint count = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && count < 10; i++)
    {
      if (!g_str_equal (recent[i], path))
        {
          g_strv_builder_add (builder, recent[i]);
          count++;
        }
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-strategies", (const char * const *) updated);
}

/* Opens on what the user worked on last, or the first section: the place
 * to start typing. */
static void
restore_place (AccordWindow *self)
{
  AccordStrategy *strategy = accord_document_get_strategy (self->document);
  AccordWorkspace *workspace = accord_document_get_workspace (self->document);
  g_autofree char *last = accord_workspace_dup_state (workspace, "last-entity");
  g_autoptr(AccordEntity) entity = NULL;

  if (last != NULL && accord_strategy_lookup (strategy, last) != NULL)
    entity = g_object_ref (accord_strategy_lookup (strategy, last));
  else
    entity = g_list_model_get_item (accord_strategy_get_children (strategy, NULL), 0);

  if (!ACCORD_IS_SECTION (entity) && !ACCORD_IS_OBJECTIVE (entity))
    return;

  accord_outline_select (self->outline, entity);
  show_entity (self, entity);

  if (ACCORD_IS_SECTION (entity))
    accord_section_editor_focus_body (self->section_editor);
  else
    accord_objective_editor_focus_title (self->objective_editor);
}

static void
document_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  g_autoptr(AccordDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = accord_document_open_finish (result, &error);
  gtk_spinner_stop (self->loading_spinner);
  g_clear_object (&self->opening);

  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"),
                                                      self->opening_path, error->message);

          _accord_window_show_toast (self, message);
        }

      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->document != NULL ? "strategy" : "welcome");
      return;
    }

  remember_recent (self, accord_document_get_path (document));
  set_document (self, document);
  gtk_stack_set_visible_child_name (self->main_stack, "strategy");
  _accord_window_update_actions (self);
  _accord_window_update_content_title (self);

  restore_place (self);
  g_debug ("Opened %s", accord_document_get_path (document));

  if (accord_document_get_recovered (document))
    _accord_window_show_toast (self, _("Unsaved changes from your last session were recovered"));
}

/**
 * accord_window_open:
 * @self: an #AccordWindow
 * @path: a strategy's folder
 *
 * Opens the strategy at @path in this window, reading it off the main
 * thread while a spinner shows.
 */
void
accord_window_open (AccordWindow *self,
                    const char   *path)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();

  g_free (self->opening_path);
  self->opening_path = g_strdup (path);

  name = g_path_get_basename (path);
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  accord_document_open_async (path, self->opening, document_opened_cb, g_object_ref (self));
}

/**
 * accord_window_get_document:
 * @self: an #AccordWindow
 *
 * Returns: (transfer none) (nullable): the strategy open in the window
 */
AccordDocument *
accord_window_get_document (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  return self->document;
}

/* Whether the window shows a strategy or is opening one. */
gboolean
accord_window_is_busy (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), FALSE);

  return self->document != NULL || self->opening != NULL;
}

/* History ---------------------------------------------------------------- */

static void
history_before_change_cb (AccordWindow      *self,
                          AccordHistoryView *view)
{
  g_autoptr(GError) error = NULL;

  /* A restore reads the files: they must hold every edit. */
  if (!accord_document_flush (self->document, &error))
    _accord_window_show_error_toast (self, error);
}

/* While a restore changes the files, edits wait in memory. */
static void
history_restoring_cb (AccordWindow      *self,
                      GParamSpec        *pspec,
                      AccordHistoryView *view)
{
  gboolean restoring = accord_history_view_get_restoring (view);

  if (self->document == NULL || restoring == self->held)
    return;

  self->held = restoring;
  if (restoring)
    accord_document_hold (self->document);
  else
    accord_document_release (self->document);
}

static void
document_reloaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!accord_document_reload_finish (ACCORD_DOCUMENT (object), result, &error) &&
      ACCORD_DOCUMENT (object) == self->document)
    _accord_window_show_error_toast (self, error);
}

/* The restore is over and the edits held back are written: the strategy
 * is read again. */
static void
history_restored_cb (AccordWindow      *self,
                     const char        *revision,
                     AccordHistoryView *view)
{
  if (self->document == NULL || accord_document_get_busy (self->document))
    return;

  accord_document_reload_async (self->document, NULL, document_reloaded_cb, g_object_ref (self));
}

/* Closing ---------------------------------------------------------------- */

static void
close_anyway_cb (AccordWindow     *self,
                 const char       *response,
                 AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "close"))
    return;

  set_document (self, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
accord_window_close_request (GtkWindow *window)
{
  AccordWindow *self = ACCORD_WINDOW (window);
  g_autoptr(GError) error = NULL;

  accord_window_save_state (self);

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);

  /* The edits typed meanwhile are written once the work is done. */
  if (self->document != NULL && accord_document_get_busy (self->document))
    {
      self->close_when_idle = TRUE;
      return TRUE;
    }

  if (self->document != NULL && !accord_document_flush (self->document, &error))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (window, _("Your Last Edits Could Not Be Kept"),
                                       NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Closing now loses them. %s"), error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Open"),
                                        "close", _("_Close Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_anyway_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  set_document (self, NULL);

  return GTK_WINDOW_CLASS (accord_window_parent_class)->close_request (window);
}

static void
accord_window_dispose (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);

  set_document (self, NULL);
  show_entity (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WINDOW);

  G_OBJECT_CLASS (accord_window_parent_class)->dispose (object);
}

static void
accord_window_finalize (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->opening);
  g_clear_pointer (&self->opening_path, g_free);

  G_OBJECT_CLASS (accord_window_parent_class)->finalize (object);
}

static void
accord_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, get_searching (self));
      break;

    case PROP_HISTORY_SHOWN:
      g_value_set_boolean (value, get_history_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      set_searching (self, g_value_get_boolean (value));
      break;

    case PROP_HISTORY_SHOWN:
      set_history_shown (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_class_init (AccordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = accord_window_dispose;
  object_class->finalize = accord_window_finalize;
  object_class->get_property = accord_window_get_property;
  object_class->set_property = accord_window_set_property;

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY_SHOWN] =
    g_param_spec_boolean ("history-shown", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  window_class->close_request = accord_window_close_request;

  g_type_ensure (ACCORD_TYPE_WELCOME_PAGE);
  g_type_ensure (ACCORD_TYPE_OUTLINE);
  g_type_ensure (ACCORD_TYPE_SEARCH_PANEL);
  g_type_ensure (ACCORD_TYPE_SECTION_EDITOR);
  g_type_ensure (ACCORD_TYPE_OBJECTIVE_EDITOR);
  g_type_ensure (ACCORD_TYPE_HISTORY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, strategy_title);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, history_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, section_editor);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, objective_editor);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, history_view);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, save_popover);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, save_message_entry);

  gtk_widget_class_bind_template_callback (widget_class, outline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_before_change_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_restoring_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_restored_cb);

  _accord_window_class_actions_init (klass);
}

static void
accord_window_init (AccordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  accord_window_restore_state (self);

  gtk_popover_set_default_widget (self->save_popover, NULL);
  _accord_window_update_actions (self);

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self,
                           G_CONNECT_SWAPPED);
}

AccordWindow *
accord_window_new (AccordApplication *application)
{
  g_return_val_if_fail (application == NULL || ACCORD_IS_APPLICATION (application), NULL);

  return g_object_new (ACCORD_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
accord_window_add_toast (AccordWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * accord_window_open_in_place:
 * @self: an #AccordWindow
 * @path: a strategy's folder
 *
 * Opens @path here when the window shows no strategy, else in a new
 * window, and focuses a window that already shows it.
 */
void
accord_window_open_in_place (AccordWindow *self,
                             const char   *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_return_if_fail (ACCORD_IS_WINDOW (self));

  if (app != NULL)
    accord_application_open_strategy (ACCORD_APPLICATION (app), path);
  else
    accord_window_open (self, path);
}
