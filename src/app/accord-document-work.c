/* accord-document-work.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-document"

#include "config.h"

/*
 * What the document does off the main thread: saving a revision, throwing
 * the changes away, reading the strategy again, drafting a revision's
 * message. On a large strategy each reads or writes thousands of files;
 * in a worker the window stays responsive.
 *
 * A repository or workspace handle serves one thread at a time, so each
 * worker opens its own from the strategy's folder; the document's own
 * handles stay on the main thread.
 *
 * While a worker changes the files (or a restore holds the document, see
 * accord_document_hold()), the document is busy: the drafter may go on
 * typing, but the edits stay in memory, for they would race with the
 * worker. When the worker is done they are written: after a save they
 * are the unsaved changes; when the worker read the strategy anew, they
 * are made again in the strategy read, field by field, so that the
 * worker's result never overwrites them.
 */

#include "accord-document-private.h"

typedef struct _Request Request;

typedef void (*RequestFunc) (GTask        *task,
                             Request      *request,
                             GCancellable *cancellable);

struct _Request
{
  RequestFunc  func;
  char        *path;
  char        *message;
  char        *author;
  gboolean     discard;
};

/* A strategy read in a worker, and whether it differs from the last
 * revision. */
typedef struct
{
  AccordStrategy *strategy;
  gboolean        unsaved;
} Loaded;

static void
request_free (Request *request)
{
  g_free (request->path);
  g_free (request->message);
  g_free (request->author);
  g_free (request);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->strategy);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

void
_accord_document_work_init (AccordDocument *self)
{
  g_mutex_init (&self->work_lock);
  g_cond_init (&self->work_cond);
  self->edited = g_ptr_array_new_with_free_func (g_free);
  self->edited_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_hash_table_unref);
}

void
_accord_document_work_clear (AccordDocument *self)
{
  g_clear_pointer (&self->edited, g_ptr_array_unref);
  g_clear_pointer (&self->edited_fields, g_hash_table_unref);
  g_cond_clear (&self->work_cond);
  g_mutex_clear (&self->work_lock);
}

/* Edits made while busy */

void
_accord_document_note_edit (AccordDocument *self,
                            AccordEntity   *entity,
                            const char     *field)
{
  const char *id = ACCORD_IS_STRATEGY (entity) ? "strategy" : accord_entity_get_id (entity);
  GHashTable *fields;

  if (self->busy == 0)
    return;

  fields = g_hash_table_lookup (self->edited_fields, id);
  if (fields == NULL)
    {
      fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->edited_fields, g_strdup (id), fields);
      g_ptr_array_add (self->edited, g_strdup (id));
    }

  if (field != NULL)
    g_hash_table_add (fields, g_strdup (field));
}

static gboolean
carry_fields (AccordEntity *from,
              AccordEntity *to,
              GHashTable   *fields)
{
  GHashTableIter iter;
  gpointer field;
  gboolean carried = FALSE;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &field, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (accord_entity_set_list (to, field, accord_entity_get_list (from, field), &error))
        carried = TRUE;
      else
        g_debug ("Could not carry %s of %s: %s", (char *) field, accord_entity_get_id (to),
                 error->message);
    }

  return carried;
}

/* Makes the edits noted while busy again in @strategy, read meanwhile:
 * each field edited takes the value it has in @old, the strategy edited.
 * An entity removed meanwhile is removed, one added is added; one edited
 * that @strategy no longer has (a discard took it) is added back whole:
 * what was typed after the work began is kept. Returns whether anything
 * changed. */
static gboolean
carry_edits (AccordDocument *self,
             AccordStrategy *old,
             AccordStrategy *strategy)
{
  gboolean carried = FALSE;

  for (guint i = 0; i < self->edited->len; i++)
    {
      const char *id = g_ptr_array_index (self->edited, i);
      AccordEntity *before = accord_strategy_lookup (old, id);
      AccordEntity *now = accord_strategy_lookup (strategy, id);
      g_autoptr(GError) error = NULL;

      if (before == NULL && now != NULL)
        {
          if (accord_strategy_remove (strategy, id, &error))
            carried = TRUE;
          else
            g_debug ("Could not remove %s again: %s", id, error->message);
        }
      else if (before != NULL && now == NULL)
        {
          g_autoptr(AccordEntity) copy = accord_entity_copy (before);

          if (accord_strategy_add (strategy, copy, &error))
            carried = TRUE;
          else
            g_debug ("Could not add %s again: %s", id, error->message);
        }
      else if (before != NULL)
        carried |= carry_fields (before, now, g_hash_table_lookup (self->edited_fields, id));
    }

  return carried;
}

/* Busy */

static void
begin_busy (AccordDocument *self)
{
  if (self->busy++ == 0)
    _accord_document_notify_busy (self);
}

static void
end_busy (AccordDocument *self)
{
  g_assert (self->busy > 0);

  if (--self->busy > 0)
    return;

  g_ptr_array_set_size (self->edited, 0);
  g_hash_table_remove_all (self->edited_fields);
  _accord_document_notify_busy (self);

  /* What was typed meanwhile can be written now. */
  if (self->pending && !self->closed)
    _accord_document_autosave (self);
}

/**
 * accord_document_hold:
 * @self: an #AccordDocument
 *
 * Makes the document busy while someone else changes the strategy's files,
 * such as a restore: edits stay in memory until
 * accord_document_release(). Write the edits first with
 * accord_document_flush().
 */
void
accord_document_hold (AccordDocument *self)
{
  g_return_if_fail (ACCORD_IS_DOCUMENT (self));

  self->holds++;
  begin_busy (self);
}

/**
 * accord_document_release:
 * @self: an #AccordDocument
 *
 * Ends what accord_document_hold() began; the edits made meanwhile are
 * written.
 */
void
accord_document_release (AccordDocument *self)
{
  g_return_if_fail (ACCORD_IS_DOCUMENT (self));
  g_return_if_fail (self->holds > 0);

  self->holds--;
  end_busy (self);
}

/* Workers */

static void
work_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AccordDocument *self = source_object;
  Request *request = task_data;

  request->func (task, request, cancellable);

  g_mutex_lock (&self->work_lock);
  self->working--;
  g_cond_broadcast (&self->work_cond);
  g_mutex_unlock (&self->work_lock);
}

static Request *
request_new (AccordDocument *self,
             RequestFunc     func)
{
  Request *request = g_new0 (Request, 1);

  request->func = func;
  request->path = g_strdup (accord_document_get_path (self));

  return request;
}

/* Runs @request in a worker, then @callback with @task, the caller's. A
 * worker that has begun finishes whatever happens: once git has saved a
 * revision, the document must know. */
static void
start_work (AccordDocument      *self,
            Request             *request,
            gboolean             busy,
            GAsyncReadyCallback  callback,
            GTask               *task)
{
  g_autoptr(GTask) work = g_task_new (self, NULL, callback, task);

  g_task_set_source_tag (work, start_work);
  g_task_set_task_data (work, request, (GDestroyNotify) request_free);

  if (busy)
    begin_busy (self);

  g_mutex_lock (&self->work_lock);
  self->working++;
  g_mutex_unlock (&self->work_lock);

  g_task_run_in_thread (work, work_thread_cb);
}

/* Writes what is in memory, so that the worker finds it in the files,
 * then runs @request; a failure to write ends @task, the caller's. */
static void
write_and_start_work (AccordDocument      *self,
                      Request             *request,
                      gboolean             busy,
                      GAsyncReadyCallback  callback,
                      GTask               *task)
{
  g_autoptr(GError) error = NULL;

  if (!_accord_document_write (self, &error))
    {
      request_free (request);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  start_work (self, request, busy, callback, task);
}

void
_accord_document_wait_for_workers (AccordDocument *self)
{
  g_mutex_lock (&self->work_lock);
  while (self->working > 0)
    g_cond_wait (&self->work_cond, &self->work_lock);
  g_mutex_unlock (&self->work_lock);
}

static AccordStrategy *
load_in_thread (AccordRepository  *repository,
                gboolean          *unsaved,
                GError           **error)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  if (!(workspace = accord_workspace_open (repository, error)) ||
      !(strategy = accord_workspace_load (workspace, error)) ||
      !(changes = accord_repository_status (repository, error)))
    return NULL;

  *unsaved = _accord_document_has_changes (changes);

  return g_steal_pointer (&strategy);
}

/* Saving a revision */

static void
save_in_thread (GTask        *task,
                Request      *request,
                GCancellable *cancellable)
{
  g_autoptr(AccordRepository) repository = NULL;
  GError *error = NULL;
  char *revision;

  if (!(repository = accord_repository_open (request->path, &error)) ||
      !(revision = accord_repository_save (repository, request->message, request->author,
                                           &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, revision, g_free);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AccordDocument *self = ACCORD_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;

  revision = g_task_propagate_pointer (G_TASK (result), &error);

  /* What differs from the revision now was typed while it was saved. */
  if (revision != NULL ||
      g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE))
    {
      _accord_document_set_unsaved (self, self->pending);
      self->recovered = FALSE;
    }

  end_busy (self);

  if (revision == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&revision), g_free);
}

/**
 * accord_document_save_revision_async:
 * @self: an #AccordDocument
 * @message: what the revision changes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the revision is saved
 * @user_data: data for @callback
 *
 * Writes what is still in memory, then saves the changes as a revision in
 * a worker. Edits made meanwhile are not in the revision: they stay the
 * unsaved changes. The document must not be busy.
 */
void
accord_document_save_revision_async (AccordDocument      *self,
                                     const char          *message,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (ACCORD_IS_DOCUMENT (self));
  g_return_if_fail (message != NULL && *message != '\0');
  g_return_if_fail (!accord_document_get_busy (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_document_save_revision_async);

  request = request_new (self, save_in_thread);
  request->message = g_strdup (message);
  request->author = accord_document_dup_author ();
  write_and_start_work (self, request, TRUE, saved_cb, g_steal_pointer (&task));
}

/**
 * accord_document_save_revision_finish:
 * @self: an #AccordDocument
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new revision's id
 */
char *
accord_document_save_revision_finish (AccordDocument  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, accord_document_save_revision_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Discarding and reading again */

static void
reload_in_thread (GTask        *task,
                  Request      *request,
                  GCancellable *cancellable)
{
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  if (!(repository = accord_repository_open (request->path, &error)) ||
      (request->discard && !accord_repository_discard (repository, &error)) ||
      !(loaded->strategy = load_in_thread (repository, &loaded->unsaved, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) loaded_free);
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AccordDocument *self = ACCORD_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Request *request = g_task_get_task_data (G_TASK (result));

  loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (loaded != NULL && !self->closed)
    {
      gboolean carried = carry_edits (self, self->strategy, loaded->strategy);

      if (request->discard)
        self->recovered = FALSE;

      /* The edits still in memory went with the strategy that held them;
       * those carried are to be written. */
      _accord_document_set_pending (self, carried);
      _accord_document_watch_strategy (self, loaded->strategy);
      _accord_document_set_unsaved (self, loaded->unsaved || carried);
    }

  end_busy (self);

  if (loaded == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * accord_document_discard_async:
 * @self: an #AccordDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the strategy is read again
 * @user_data: data for @callback
 *
 * Throws away every change since the last revision, those still in memory
 * included, and reads the strategy again, in a worker; edits made
 * meanwhile are kept. The document must not be busy.
 */
void
accord_document_discard_async (AccordDocument      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (ACCORD_IS_DOCUMENT (self));
  g_return_if_fail (!accord_document_get_busy (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_document_discard_async);

  /* The edits in memory go with the strategy that holds them. */
  _accord_document_cancel_autosave (self);

  request = request_new (self, reload_in_thread);
  request->discard = TRUE;
  start_work (self, request, TRUE, reloaded_cb, g_steal_pointer (&task));
}

/**
 * accord_document_discard_finish:
 * @self: an #AccordDocument
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the changes were thrown away
 */
gboolean
accord_document_discard_finish (AccordDocument  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, accord_document_discard_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * accord_document_reload_async:
 * @self: an #AccordDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the strategy is read again
 * @user_data: data for @callback
 *
 * Writes what is in memory, then reads the strategy again from the work
 * tree in a worker: after a restore, or anything else that changed the
 * files. Edits made meanwhile are kept. The document must not be busy.
 */
void
accord_document_reload_async (AccordDocument      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORD_IS_DOCUMENT (self));
  g_return_if_fail (!accord_document_get_busy (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_document_reload_async);
  write_and_start_work (self, request_new (self, reload_in_thread), TRUE, reloaded_cb,
                        g_steal_pointer (&task));
}

/**
 * accord_document_reload_finish:
 * @self: an #AccordDocument
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the strategy was read again
 */
gboolean
accord_document_reload_finish (AccordDocument  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, accord_document_reload_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Drafting a revision's message */

/* The entities are named as the work tree has them, read anew: the
 * strategy in memory is the main thread's. */
static void
describe_in_thread (GTask        *task,
                    Request      *request,
                    GCancellable *cancellable)
{
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  GError *error = NULL;
  gboolean unsaved;
  char *message;

  if (!(repository = accord_repository_open (request->path, &error)) ||
      !(strategy = load_in_thread (repository, &unsaved, &error)) ||
      !(message = accord_repository_describe_changes (repository, strategy, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, message, g_free);
}

static void
described_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *message;

  message = g_task_propagate_pointer (G_TASK (result), &error);
  if (message == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, message, g_free);
}

/**
 * accord_document_describe_changes_async:
 * @self: an #AccordDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the message
 * @user_data: data for @callback
 *
 * Writes what is in memory, then drafts a message for the next revision
 * from what changed, in a worker. The document must not be busy.
 */
void
accord_document_describe_changes_async (AccordDocument      *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORD_IS_DOCUMENT (self));
  g_return_if_fail (!accord_document_get_busy (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_document_describe_changes_async);
  write_and_start_work (self, request_new (self, describe_in_thread), FALSE, described_cb,
                        g_steal_pointer (&task));
}

/**
 * accord_document_describe_changes_finish:
 * @self: an #AccordDocument
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a message for the next revision, or %NULL with
 *   %ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE when nothing changed
 */
char *
accord_document_describe_changes_finish (AccordDocument  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, accord_document_describe_changes_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
