/* accord-document-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-document.h"

G_BEGIN_DECLS

struct _AccordDocument
{
  GObject           parent_instance;

  AccordRepository *repository;
  AccordWorkspace  *workspace;
  AccordStrategy   *strategy;

  guint             debounce_id;
  guint             deadline_id;

  /* While the files are changed elsewhere (a worker of the document, a
   * restore), edits stay in memory; the entities and fields edited are
   * noted, in order, so that a strategy read meanwhile gets them too. */
  guint             busy;           /* operations under way, holds included */
  guint             holds;
  GPtrArray        *edited;         /* ids, first edited first */
  GHashTable       *edited_fields;  /* id → set of field names */

  /* Workers still running, counted by the workers themselves: closing
   * waits for them, so that none is cut off in the middle of a commit. */
  GMutex            work_lock;
  GCond             work_cond;
  guint             working;

  guint             unsaved : 1;
  guint             recovered : 1;
  guint             pending : 1;
  guint             closed : 1;
};

/* accord-document.c */
void      _accord_document_set_unsaved     (AccordDocument  *self,
                                            gboolean         unsaved);
void      _accord_document_set_pending     (AccordDocument  *self,
                                            gboolean         pending);
void      _accord_document_cancel_autosave (AccordDocument  *self);
void      _accord_document_autosave        (AccordDocument  *self);
gboolean  _accord_document_write           (AccordDocument  *self,
                                            GError         **error);
void      _accord_document_watch_strategy  (AccordDocument  *self,
                                            AccordStrategy  *strategy);
void      _accord_document_notify_busy     (AccordDocument  *self);
gboolean  _accord_document_has_changes     (GPtrArray       *changes);

/* accord-document-work.c */
void      _accord_document_work_init       (AccordDocument  *self);
void      _accord_document_work_clear      (AccordDocument  *self);
void      _accord_document_note_edit       (AccordDocument  *self,
                                            AccordEntity    *entity,
                                            const char      *field);
void      _accord_document_wait_for_workers (AccordDocument *self);

G_END_DECLS
