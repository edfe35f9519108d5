/* accord-entity-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-entity.h"
#include "accord-schema-private.h"

G_BEGIN_DECLS

/* Where the file of an entity made from its links alone is read from when
 * it is parsed (see _accord_entity_new_pending()): @read returns the
 * content of @path, kept under @key, or %NULL with @error set. */
typedef struct _AccordEntitySource AccordEntitySource;

struct _AccordEntitySource
{
  gatomicrefcount   ref_count;
  GBytes         *(*read)     (AccordEntitySource  *source,
                               const char          *path,
                               gint64               key,
                               GError             **error);
  void            (*finalize) (AccordEntitySource  *source);
};

AccordEntitySource *_accord_entity_source_ref    (AccordEntitySource *source);
void                _accord_entity_source_unref  (AccordEntitySource *source);

void                 _accord_entity_class_set_schema (AccordEntityClass  *klass,
                                                      AccordEntityKind    kind);
const AccordSchema  *_accord_entity_get_schema       (AccordEntity       *self);
AccordEntity        *_accord_entity_new_with_id      (AccordEntityKind    kind,
                                                      const char         *id);
AccordEntity        *_accord_entity_new_pending      (AccordEntityKind    kind,
                                                      const char         *id,
                                                      const char         *links,
                                                      AccordEntitySource *source,
                                                      gint64              key);
void                 _accord_entity_ensure_read      (AccordEntity       *self);
char                *_accord_entity_dup_links        (AccordEntity       *self);
void                 _accord_entity_set_id           (AccordEntity       *self,
                                                      const char         *id);
void                 _accord_entity_take_value       (AccordEntity       *self,
                                                      const char         *key,
                                                      char               *value);
const char * const  *_accord_entity_get_values       (AccordEntity       *self,
                                                      const char         *key,
                                                      guint              *n_values);
void                 _accord_entity_take_value_at    (AccordEntity       *self,
                                                      const char         *key,
                                                      char               *value,
                                                      guint               line);
GPtrArray           *_accord_entity_dup_keys         (AccordEntity       *self);
void                 _accord_entity_add_extra        (AccordEntity       *self,
                                                      const char         *line);
GPtrArray           *_accord_entity_get_extra        (AccordEntity       *self);
void                 _accord_entity_append_extra_text (AccordEntity     *self,
                                                       const char       *text);
const char          *_accord_entity_get_extra_text   (AccordEntity       *self);
void                 _accord_entity_set_line         (AccordEntity       *self,
                                                      const char         *key,
                                                      guint               line);
guint                _accord_entity_get_line         (AccordEntity       *self,
                                                      const char         *key);
void                 _accord_entity_set_modified     (AccordEntity       *self,
                                                      gboolean            modified);
void                 _accord_entity_set_owner        (AccordEntity       *self,
                                                      gpointer            owner);

G_END_DECLS
