/* accord-revision.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-revision"

#include "config.h"

#include "accord-repository-private.h"
#include "accord-revision.h"

G_DEFINE_BOXED_TYPE (AccordChange, accord_change, accord_change_copy, accord_change_free)
G_DEFINE_BOXED_TYPE (AccordRevision, accord_revision, accord_revision_copy, accord_revision_free)

AccordChange *
accord_change_copy (const AccordChange *self)
{
  AccordChange *copy = g_new0 (AccordChange, 1);

  copy->path = g_strdup (self->path);
  copy->kind = self->kind;

  return copy;
}

void
accord_change_free (AccordChange *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self);
}

const char *
accord_change_kind_to_string (AccordChangeKind kind)
{
  switch (kind)
    {
    case ACCORD_CHANGE_ADDED:    return "added";
    case ACCORD_CHANGE_MODIFIED: return "modified";
    case ACCORD_CHANGE_REMOVED:  return "removed";
    default:                     g_return_val_if_reached (NULL);
    }
}

AccordChange *
_accord_change_new (const char       *path,
                    AccordChangeKind  kind)
{
  AccordChange *change = g_new0 (AccordChange, 1);

  change->path = g_strdup (path);
  change->kind = kind;

  return change;
}

AccordRevision *
accord_revision_copy (const AccordRevision *self)
{
  AccordRevision *copy = g_new0 (AccordRevision, 1);

  copy->id = g_strdup (self->id);
  copy->author_name = g_strdup (self->author_name);
  copy->author_email = g_strdup (self->author_email);
  copy->time = self->time;
  copy->offset = self->offset;
  copy->message = g_strdup (self->message);
  copy->tags = g_strdupv (self->tags);
  if (self->changes != NULL)
    {
      copy->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_change_free);
      for (guint i = 0; i < self->changes->len; i++)
        g_ptr_array_add (copy->changes, accord_change_copy (g_ptr_array_index (self->changes, i)));
    }

  return copy;
}

void
accord_revision_free (AccordRevision *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->author_name);
  g_free (self->author_email);
  g_free (self->message);
  g_strfreev (self->tags);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self);
}
