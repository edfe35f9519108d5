/* accord-document.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_DOCUMENT (accord_document_get_type ())

G_DECLARE_FINAL_TYPE (AccordDocument, accord_document, ACCORD, DOCUMENT, GObject)

/* How long after the last change edits reach the disk, and how long at
 * most while the user keeps typing. */
#define ACCORD_DOCUMENT_AUTOSAVE_DELAY_MS 400
#define ACCORD_DOCUMENT_AUTOSAVE_MAX_DELAY_MS 1000

void              accord_document_open_async        (const char           *path,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
AccordDocument   *accord_document_open_finish       (GAsyncResult         *result,
                                                     GError              **error);
const char       *accord_document_get_path          (AccordDocument       *self);
AccordRepository *accord_document_get_repository    (AccordDocument       *self);
AccordWorkspace  *accord_document_get_workspace     (AccordDocument       *self);
AccordStrategy   *accord_document_get_strategy      (AccordDocument       *self);
gboolean          accord_document_get_unsaved       (AccordDocument       *self);
gboolean          accord_document_get_recovered     (AccordDocument       *self);
gboolean          accord_document_get_pending       (AccordDocument       *self);
gboolean          accord_document_get_busy          (AccordDocument       *self);
gboolean          accord_document_flush             (AccordDocument       *self,
                                                     GError              **error);
void              accord_document_hold              (AccordDocument       *self);
void              accord_document_release           (AccordDocument       *self);
void              accord_document_describe_changes_async  (AccordDocument       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
char             *accord_document_describe_changes_finish (AccordDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              accord_document_save_revision_async     (AccordDocument       *self,
                                                           const char           *message,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
char             *accord_document_save_revision_finish    (AccordDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              accord_document_discard_async           (AccordDocument       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          accord_document_discard_finish          (AccordDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              accord_document_reload_async            (AccordDocument       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          accord_document_reload_finish           (AccordDocument       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              accord_document_close             (AccordDocument       *self);
char             *accord_document_dup_author        (void);

G_END_DECLS
