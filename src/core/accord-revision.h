/* accord-revision.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * AccordChangeKind:
 * @ACCORD_CHANGE_ADDED: the file is new
 * @ACCORD_CHANGE_MODIFIED: the file changed
 * @ACCORD_CHANGE_REMOVED: the file was deleted
 */
typedef enum
{
  ACCORD_CHANGE_ADDED,
  ACCORD_CHANGE_MODIFIED,
  ACCORD_CHANGE_REMOVED,
} AccordChangeKind;

/**
 * AccordChange:
 * @path: the file, relative to the strategy's folder
 * @kind: what happened to it
 *
 * One file that differs between two states of a strategy.
 */
typedef struct
{
  char             *path;
  AccordChangeKind  kind;
} AccordChange;

#define ACCORD_TYPE_CHANGE (accord_change_get_type ())
GType         accord_change_get_type (void) G_GNUC_CONST;
AccordChange *accord_change_copy     (const AccordChange *self);
void          accord_change_free     (AccordChange       *self);
const char   *accord_change_kind_to_string (AccordChangeKind kind);

/**
 * AccordRevision:
 * @id: the commit's full hexadecimal id
 * @author_name: who saved it
 * @author_email: their e-mail address
 * @time: when, in seconds since 1970
 * @offset: the author's time zone, in minutes east of UTC
 * @message: the revision's message
 * @changes: (element-type AccordChange): the files it changed, compared
 *   with the revision before it
 * @tags: the milestones that name it
 *
 * One saved state of a strategy: a git commit.
 */
typedef struct
{
  char       *id;
  char       *author_name;
  char       *author_email;
  gint64      time;
  int         offset;
  char       *message;
  GPtrArray  *changes;
  char      **tags;
} AccordRevision;

#define ACCORD_TYPE_REVISION (accord_revision_get_type ())

GType           accord_revision_get_type  (void) G_GNUC_CONST;
AccordRevision *accord_revision_copy      (const AccordRevision *self);
void            accord_revision_free      (AccordRevision       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordRevision, accord_revision_free)

G_END_DECLS
