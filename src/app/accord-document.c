/* accord-document.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-document"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-document-private.h"
#include "accord-release.h"

/*
 * A strategy open in a window: its repository, its workspace and the
 * strategy being edited, and what keeps the edits safe.
 *
 * Edits reach the work tree by themselves: a short while after the last
 * change, and at most ACCORD_DOCUMENT_AUTOSAVE_MAX_DELAY_MS after the first
 * one while the user keeps typing. The work tree is the unsaved state (see
 * the design: uncommitted edits are the unsaved changes), so a crash or a
 * kill loses at most that last moment, and the next start finds the edits
 * where they were. The workspace notes that the strategy is open, so that
 * the next start can tell the user their changes were recovered.
 *
 * What takes long (saving a revision, discarding, reading the strategy
 * again) runs in a worker thread: see accord-document-work.c. Meanwhile
 * the document is busy, and edits wait in memory.
 */

G_DEFINE_FINAL_TYPE (AccordDocument, accord_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STRATEGY,
  PROP_UNSAVED,
  PROP_PENDING,
  PROP_BUSY,
  N_PROPS
};

enum {
  AUTOSAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_accord_document_set_unsaved (AccordDocument *self,
                              gboolean        unsaved)
{
  if (self->unsaved == !!unsaved)
    return;

  self->unsaved = !!unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

void
_accord_document_set_pending (AccordDocument *self,
                              gboolean        pending)
{
  if (self->pending == !!pending)
    return;

  self->pending = !!pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
_accord_document_notify_busy (AccordDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_accord_document_cancel_autosave (AccordDocument *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
}

static gboolean
debounce_cb (gpointer data)
{
  AccordDocument *self = data;

  self->debounce_id = 0;
  _accord_document_autosave (self);

  return G_SOURCE_REMOVE;
}

static gboolean
deadline_cb (gpointer data)
{
  AccordDocument *self = data;

  self->deadline_id = 0;
  _accord_document_autosave (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (AccordDocument *self)
{
  if (self->closed)
    return;

  _accord_document_set_pending (self, TRUE);
  _accord_document_set_unsaved (self, TRUE);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (ACCORD_DOCUMENT_AUTOSAVE_DELAY_MS, debounce_cb, self);

  if (self->deadline_id == 0)
    self->deadline_id = g_timeout_add (ACCORD_DOCUMENT_AUTOSAVE_MAX_DELAY_MS, deadline_cb, self);
}

/* Writes the edits in memory, unless the files are being changed
 * elsewhere: then the end of that work writes them. */
void
_accord_document_autosave (AccordDocument *self)
{
  g_autoptr(GError) error = NULL;

  _accord_document_cancel_autosave (self);

  if (self->busy > 0)
    return;

  if (!_accord_document_write (self, &error))
    {
      g_debug ("Could not keep the edits: %s", error->message);
      g_signal_emit (self, signals[AUTOSAVE_FAILED], 0, error);

      /* Try again later: what was not written is still to be written. */
      self->deadline_id = g_timeout_add_seconds (5, deadline_cb, self);
    }
}

static void
entity_changed_cb (AccordDocument *self,
                   AccordEntity   *entity,
                   const char     *field,
                   AccordStrategy *strategy)
{
  _accord_document_note_edit (self, entity, field);
  schedule_autosave (self);
}

static void
entity_added_or_removed_cb (AccordDocument *self,
                            AccordEntity   *entity,
                            AccordStrategy *strategy)
{
  _accord_document_note_edit (self, entity, NULL);
  schedule_autosave (self);
}

void
_accord_document_watch_strategy (AccordDocument *self,
                                 AccordStrategy *strategy)
{
  AccordStrategy *old = self->strategy;

  if (old == strategy)
    return;

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);

  self->strategy = strategy != NULL ? g_object_ref (strategy) : NULL;

  if (strategy != NULL)
    {
      g_signal_connect_object (strategy, "entity-changed",
                               G_CALLBACK (entity_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (strategy, "entity-added",
                               G_CALLBACK (entity_added_or_removed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (strategy, "entity-removed",
                               G_CALLBACK (entity_added_or_removed_cb), self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRATEGY]);

  /* Held until everyone watching moved to the new one, so that freeing
   * its thousands of entities, if it is the last reference, happens in a
   * worker. */
  accord_release_in_thread (old);
}

static void
accord_document_dispose (GObject *object)
{
  AccordDocument *self = ACCORD_DOCUMENT (object);

  _accord_document_cancel_autosave (self);

  if (self->strategy != NULL)
    g_signal_handlers_disconnect_by_data (self->strategy, self);

  g_clear_object (&self->strategy);
  g_clear_object (&self->workspace);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (accord_document_parent_class)->dispose (object);
}

static void
accord_document_finalize (GObject *object)
{
  AccordDocument *self = ACCORD_DOCUMENT (object);

  _accord_document_work_clear (self);

  G_OBJECT_CLASS (accord_document_parent_class)->finalize (object);
}

static void
accord_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AccordDocument *self = ACCORD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      g_value_set_object (value, self->strategy);
      break;

    case PROP_UNSAVED:
      g_value_set_boolean (value, self->unsaved);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, accord_document_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_document_class_init (AccordDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_document_dispose;
  object_class->finalize = accord_document_finalize;
  object_class->get_property = accord_document_get_property;

  properties[PROP_STRATEGY] =
    g_param_spec_object ("strategy", NULL, NULL,
                         ACCORD_TYPE_STRATEGY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AccordDocument:busy:
   *
   * Whether the strategy's files are being changed off the main thread,
   * by the document or by someone holding it: no other change may start,
   * and edits wait in memory until it is done.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordDocument::autosave-failed:
   * @self: an #AccordDocument
   * @error: what went wrong
   *
   * Emitted when edits could not be written to the work tree; they stay
   * in memory and writing is tried again.
   */
  signals[AUTOSAVE_FAILED] =
    g_signal_new ("autosave-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
accord_document_init (AccordDocument *self)
{
  _accord_document_work_init (self);
}

/* Whether @changes touch the strategy, not only other files in its
 * folder. */
gboolean
_accord_document_has_changes (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const char *path = ((AccordChange *) g_ptr_array_index (changes, i))->path;

      if (g_str_equal (path, "strategy.md") || strchr (path, '/') != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Everything that touches the disk happens here, in a worker: a large
 * strategy takes a moment to read. The handles are then the main
 * thread's, one thread at a time. */
static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(AccordDocument) self = g_object_new (ACCORD_TYPE_DOCUMENT, NULL);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GError *error = NULL;
  gboolean interrupted = FALSE;

  if (!(self->repository = accord_repository_open (path, &error)) ||
      !(self->workspace = accord_workspace_open (self->repository, &error)) ||
      !(strategy = accord_workspace_load (self->workspace, &error)) ||
      !(changes = accord_repository_status (self->repository, &error)) ||
      !accord_workspace_begin_session (self->workspace, &interrupted, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->strategy = g_steal_pointer (&strategy);
  self->unsaved = _accord_document_has_changes (changes);
  self->recovered = interrupted && self->unsaved;

  if (g_task_return_error_if_cancelled (task))
    {
      accord_workspace_end_session (self->workspace);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * accord_document_open_async:
 * @path: a strategy's folder
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the strategy is open
 * @user_data: data for @callback
 *
 * Opens the strategy at @path off the main thread.
 */
void
accord_document_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_document_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * accord_document_open_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the document
 */
AccordDocument *
accord_document_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(AccordDocument) self = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!(self = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  strategy = g_steal_pointer (&self->strategy);
  _accord_document_watch_strategy (self, strategy);

  return g_steal_pointer (&self);
}

const char *
accord_document_get_path (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), NULL);

  return accord_repository_get_path (self->repository);
}

AccordRepository *
accord_document_get_repository (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), NULL);

  return self->repository;
}

AccordWorkspace *
accord_document_get_workspace (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), NULL);

  return self->workspace;
}

/**
 * accord_document_get_strategy:
 * @self: an #AccordDocument
 *
 * The strategy being edited. Discarding changes or restoring a revision
 * reads it again: watch #AccordDocument:strategy.
 *
 * Returns: (transfer none): the strategy
 */
AccordStrategy *
accord_document_get_strategy (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), NULL);

  return self->strategy;
}

/* Whether the work tree (or soon the work tree) differs from the last
 * revision. */
gboolean
accord_document_get_unsaved (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), FALSE);

  return self->unsaved;
}

/* Whether opening found the unsaved changes of a session that ended
 * without closing the strategy. */
gboolean
accord_document_get_recovered (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), FALSE);

  return self->recovered;
}

/* Whether some edits are still only in memory. */
gboolean
accord_document_get_pending (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), FALSE);

  return self->pending;
}

gboolean
accord_document_get_busy (AccordDocument *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), FALSE);

  return self->busy > 0;
}

gboolean
_accord_document_write (AccordDocument  *self,
                        GError         **error)
{
  _accord_document_cancel_autosave (self);

  if (!self->pending)
    return TRUE;

  if (!accord_workspace_write (self->workspace, self->strategy, error))
    return FALSE;

  _accord_document_set_pending (self, FALSE);

  return TRUE;
}

/**
 * accord_document_flush:
 * @self: an #AccordDocument
 * @error: return location for a #GError
 *
 * Writes the edits still in memory to the work tree now. The document
 * must not be busy: wait for #AccordDocument:busy to turn %FALSE.
 *
 * Returns: %TRUE if everything was written
 */
gboolean
accord_document_flush (AccordDocument  *self,
                       GError         **error)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->busy == 0, FALSE);

  return _accord_document_write (self, error);
}

/**
 * accord_document_dup_author:
 *
 * Who saves revisions: the name and e-mail address from the preferences,
 * each taken from git's configuration when left empty there.
 *
 * Returns: (transfer full) (nullable): "Name <e-mail>", or %NULL when
 *   neither source knows both
 */
char *
accord_document_dup_author (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_strstrip (g_settings_get_string (settings, "author-name"));
  g_autofree char *email = g_strstrip (g_settings_get_string (settings, "author-email"));
  g_autofree char *git_name = NULL;
  g_autofree char *git_email = NULL;

  if (*name == '\0' || *email == '\0')
    accord_get_git_identity (&git_name, &git_email);

  if (*name == '\0' && git_name != NULL)
    {
      g_free (name);
      name = g_steal_pointer (&git_name);
    }
  if (*email == '\0' && git_email != NULL)
    {
      g_free (email);
      email = g_steal_pointer (&git_email);
    }

  if (*name == '\0' || *email == '\0')
    return NULL;

  return g_strdup_printf ("%s <%s>", name, email);
}

/**
 * accord_document_close:
 * @self: an #AccordDocument
 *
 * Writes what is in memory and notes that the strategy was closed
 * normally. No autosave happens after this.
 */
void
accord_document_close (AccordDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORD_IS_DOCUMENT (self));

  if (self->closed)
    return;

  self->closed = TRUE;

  /* A worker cut off by the end of the program could leave git's lock
   * files behind; and only once it is done may the edits be written. */
  _accord_document_wait_for_workers (self);

  /* The window asks before closing when writing fails; if it still does
   * fail here, the session stays noted as interrupted. */
  if (!_accord_document_write (self, &error))
    {
      g_debug ("Could not write the last edits of “%s”: %s",
               accord_document_get_path (self), error->message);
      return;
    }

  accord_workspace_end_session (self->workspace);
}
