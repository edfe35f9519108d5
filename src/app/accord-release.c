/* accord-release.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-release"

#include "config.h"

#include <gio/gio.h>

#include "accord-release.h"

static void
release_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_object_unref (task_data);
}

/**
 * accord_release_in_thread:
 * @object: (transfer full) (nullable): a reference to drop
 *
 * Drops a reference in a worker thread: freeing a strategy of thousands
 * of entities takes hundreds of milliseconds that the main thread must
 * not spend. Only for an object the main thread no longer uses through
 * this reference; if it was the last, the object is freed in the worker.
 */
void
accord_release_in_thread (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  if (object == NULL)
    return;

  g_return_if_fail (G_IS_OBJECT (object));

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, accord_release_in_thread);
  g_task_set_task_data (task, object, NULL);
  g_task_run_in_thread (task, release_thread_cb);
}
