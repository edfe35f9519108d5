/* accord-history-view.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-history-view"

#include "config.h"

#include "accord-history-view-private.h"
#include "accord-release.h"

/* The view of a strategy's history: the list of revisions on one side,
 * the selected revision on the other. This file holds the type and its
 * public API; accord-history-view-detail.c fills the detail panel, which
 * shows the selected revision's message, changes and outline;
 * accord-history-view-log.c reads the history and fills the list,
 * accord-history-view-actions.c restores revisions and makes
 * milestones. */

G_DEFINE_FINAL_TYPE (AccordHistoryView, accord_history_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_RESTORING,
  PROP_CAN_RESTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BEFORE_CHANGE,
  RESTORED,
  TAG_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Signals */

void
_accord_history_view_emit_before_change (AccordHistoryView *self)
{
  g_signal_emit (self, signals[BEFORE_CHANGE], 0);
}

void
_accord_history_view_notify_restoring (AccordHistoryView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORING]);
}

void
_accord_history_view_emit_restored (AccordHistoryView *self,
                                    const char        *new_revision)
{
  g_signal_emit (self, signals[RESTORED], 0, new_revision);
}

void
_accord_history_view_emit_tag_created (AccordHistoryView *self,
                                       const char        *name)
{
  g_signal_emit (self, signals[TAG_CREATED], 0, name);
}

/* The detail shows a row for each entity of a revision: thousands in a
 * large strategy, which cost the main thread to make and to remove. While
 * the view is hidden, none of that is done: the detail is brought up to
 * date once the view is shown. */
static void
selection_changed_cb (AccordHistoryView *self)
{
  AccordHistoryItem *item = gtk_single_selection_get_selected_item (self->selection);
  gboolean shown = gtk_widget_get_mapped (GTK_WIDGET (self));

  if (item == self->shown)
    return;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  accord_release_in_thread (g_steal_pointer (&self->strategy));
  accord_release_in_thread (g_steal_pointer (&self->previous));
  g_set_object (&self->shown, item);

  self->detail_stale = !shown;
  if (shown)
    _accord_history_view_clear_detail (self);

  if (item == NULL || self->repository == NULL)
    {
      gtk_spinner_set_spinning (self->content_spinner, FALSE);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      _accord_history_view_update_actions (self);
      return;
    }

  _accord_history_view_show_header (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  _accord_history_view_load_detail (self);
  _accord_history_view_update_actions (self);
}

static void
accord_history_view_map (GtkWidget *widget)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);

  GTK_WIDGET_CLASS (accord_history_view_parent_class)->map (widget);

  if (!self->detail_stale)
    return;

  self->detail_stale = FALSE;
  _accord_history_view_clear_detail (self);
  if (self->shown != NULL && self->repository != NULL)
    _accord_history_view_load_detail (self);
}

/* GObject */

static void
accord_history_view_dispose (GObject *object)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_cancellable_cancel (self->restore_cancellable);
  g_clear_object (&self->restore_cancellable);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->outline_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->outline_selection, self);
  self->filling_outline = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_HISTORY_VIEW);

  g_clear_object (&self->shown);
  g_clear_object (&self->strategy);
  g_clear_object (&self->previous);
  g_clear_object (&self->selection);
  g_clear_object (&self->revisions);
  g_clear_object (&self->outline_selection);
  g_clear_object (&self->changes);
  g_clear_object (&self->outline);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_history_view_parent_class)->dispose (object);
}

static void
accord_history_view_finalize (GObject *object)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->frontier, g_hash_table_unref);
  g_clear_pointer (&self->head_id, g_free);
  g_clear_pointer (&self->pending_selection, g_free);
  g_clear_pointer (&self->entity_id, g_free);

  G_OBJECT_CLASS (accord_history_view_parent_class)->finalize (object);
}

static void
accord_history_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_RESTORING:
      g_value_set_boolean (value, accord_history_view_get_restoring (self));
      break;

    case PROP_CAN_RESTORE:
      g_value_set_boolean (value, self->can_restore);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_history_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      accord_history_view_set_repository (self, g_value_get_object (value));
      break;

    case PROP_CAN_RESTORE:
      accord_history_view_set_can_restore (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_history_view_class_init (AccordHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_history_view_dispose;
  object_class->finalize = accord_history_view_finalize;
  object_class->get_property = accord_history_view_get_property;
  object_class->set_property = accord_history_view_set_property;

  widget_class->map = accord_history_view_map;

  /**
   * AccordHistoryView:repository:
   *
   * The strategy whose history is shown; setting it reads the history.
   */
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         ACCORD_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordHistoryView:restoring:
   *
   * Whether a restore is changing the strategy's files, in a worker.
   */
  properties[PROP_RESTORING] =
    g_param_spec_boolean ("restoring", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordHistoryView:can-restore:
   *
   * Whether a restore may begin: %FALSE while something else changes the
   * strategy's files, such as a revision being saved.
   */
  properties[PROP_CAN_RESTORE] =
    g_param_spec_boolean ("can-restore", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordHistoryView::before-change:
   *
   * Emitted right before a restore writes files, so that edits not yet
   * written can be written first.
   */
  signals[BEFORE_CHANGE] =
    g_signal_new ("before-change",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AccordHistoryView::restored:
   * @new_revision: the id of the revision the restore saved
   *
   * Emitted after a restore saved a new revision: the strategy on disk
   * changed.
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * AccordHistoryView::tag-created:
   * @name: the milestone's name
   *
   * Emitted after a milestone was made.
   */
  signals[TAG_CREATED] =
    g_signal_new ("tag-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_scroll);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, more_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, more_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, message_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, body_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, id_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, tags_box);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, restore_strategy_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, restore_entity_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, milestone_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, changes_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, changes_scroll);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, changes_list);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_view);
  _accord_history_view_class_detail_init (klass);
  _accord_history_view_class_actions_init (klass);
}

static void
accord_history_view_init (AccordHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _accord_history_view_detail_init (self);

  self->settings = g_settings_new (APP_ID);
  self->can_restore = TRUE;
  self->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->frontier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->revisions = g_list_store_new (ACCORD_TYPE_HISTORY_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->revisions)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  _accord_history_view_log_init (self);

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  _accord_history_view_update_actions (self);
}

GtkWidget *
accord_history_view_new (void)
{
  return g_object_new (ACCORD_TYPE_HISTORY_VIEW, NULL);
}

AccordRepository *
accord_history_view_get_repository (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  return self->repository;
}

/**
 * accord_history_view_set_repository:
 * @self: an #AccordHistoryView
 * @repository: (nullable): the strategy whose history to show
 *
 * Shows the history of @repository, reading it again even when it was
 * already shown.
 */
void
accord_history_view_set_repository (AccordHistoryView *self,
                                    AccordRepository  *repository)
{
  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));
  g_return_if_fail (repository == NULL || ACCORD_IS_REPOSITORY (repository));

  if (g_set_object (&self->repository, repository))
    {
      g_clear_pointer (&self->pending_selection, g_free);
      g_clear_pointer (&self->entity_id, g_free);
      _accord_history_view_reset (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
      return;
    }

  accord_history_view_reload (self);
}

/**
 * accord_history_view_reload:
 * @self: an #AccordHistoryView
 *
 * Reads the history again, after a revision was saved; the selected
 * revision stays selected.
 */
void
accord_history_view_reload (AccordHistoryView *self)
{
  const char *selected;

  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));

  selected = accord_history_view_get_selected_revision (self);
  if (self->pending_selection == NULL && selected != NULL)
    self->pending_selection = g_strdup (selected);

  _accord_history_view_reset (self);
}

/**
 * accord_history_view_get_selected_revision:
 * @self: an #AccordHistoryView
 *
 * Returns: (nullable): the full id of the selected revision
 */
const char *
accord_history_view_get_selected_revision (AccordHistoryView *self)
{
  AccordHistoryItem *item;

  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;

  item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? item->revision->id : NULL;
}

/**
 * accord_history_view_select_revision:
 * @self: an #AccordHistoryView
 * @revision: a revision: its id, a prefix of it, a milestone…
 *
 * Selects @revision, reading older pages of the history until it is
 * found.
 */
void
accord_history_view_select_revision (AccordHistoryView *self,
                                     const char        *revision)
{
  g_autofree char *id = NULL;

  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));
  g_return_if_fail (revision != NULL);

  g_clear_pointer (&self->pending_selection, g_free);

  if (self->repository == NULL)
    return;

  id = accord_repository_resolve (self->repository, revision, NULL);
  if (id == NULL)
    {
      g_debug ("No revision “%s” to select", revision);
      return;
    }

  if (_accord_history_view_select_loaded (self, id))
    return;

  /* Once the whole history is read, a revision not in it is not waited
   * for: the next reload would read every page looking for it, and would
   * lose the selected revision. */
  if (self->log_cancellable == NULL && !self->has_more)
    {
      g_debug ("Revision “%s” is not in the history", revision);
      return;
    }

  self->pending_selection = g_steal_pointer (&id);
  if (self->log_cancellable == NULL)
    _accord_history_view_load_page (self);
}

gboolean
accord_history_view_get_restoring (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), FALSE);

  return self->restore_cancellable != NULL;
}

gboolean
accord_history_view_get_can_restore (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), FALSE);

  return self->can_restore;
}

/**
 * accord_history_view_set_can_restore:
 * @self: an #AccordHistoryView
 * @can_restore: whether a restore may begin
 *
 * Turns restoring off while something else changes the strategy's files,
 * and back on.
 */
void
accord_history_view_set_can_restore (AccordHistoryView *self,
                                     gboolean           can_restore)
{
  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));

  can_restore = !!can_restore;
  if (self->can_restore == can_restore)
    return;

  self->can_restore = can_restore;
  _accord_history_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_RESTORE]);
}

/* Whether the view reads or writes anything in a worker. */
gboolean
_accord_history_view_get_busy (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), FALSE);

  return self->log_cancellable != NULL || self->detail_cancellable != NULL ||
         self->restore_cancellable != NULL;
}

/* The ids of the revisions in the list, in its order. */
GStrv
_accord_history_view_dup_revision_ids (AccordHistoryView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  model = G_LIST_MODEL (self->revisions);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordHistoryItem) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, item->revision->id);
    }

  return g_strv_builder_end (builder);
}
