/* accord-entity-fields-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-entity-private.h"

G_BEGIN_DECLS

/* One key of an entity. A strategy holds tens of thousands of entities of
 * a dozen fields each, so fields live in one small array per entity rather
 * than in hash tables: opening a large strategy is mostly allocation. */
typedef struct
{
  const char *key;        /* the schema's own name, or owned ("title@en") */
  char      **values;     /* NULL-terminated, or NULL when not set */
  guint       n_values;
  guint       line;       /* where it was read from, 0 when unknown */
  guint       owns_key : 1;
} Field;

typedef struct
{
  char             *id;
  Field            *fields;
  guint             n_fields;
  guint             allocated_fields;
  GPtrArray        *extra;    /* header lines with unknown keys, kept verbatim */
  char             *extra_text; /* text that belongs to no field, kept verbatim */
  gpointer          owner;    /* the AccordStrategy holding it, not a reference */
  AccordEntitySource *source; /* where the file is, when it is still to be parsed */
  gint64            source_key;
  guint             modified : 1;
} AccordEntityPrivate;

/* For the accord-entity*.c files only. Hidden: the library is built
 * position-independent, where GCC inlines no visible function, not even in
 * its own file; accord-entity.c reads and sets fields for everyone, and
 * calls these as it did when they were static. */
G_GNUC_INTERNAL
AccordEntityPrivate *_accord_entity_get_private        (AccordEntity        *self);
G_GNUC_INTERNAL
AccordEntityPrivate *_accord_entity_get_fields         (AccordEntity        *self);
G_GNUC_INTERNAL
Field               *_accord_entity_find_field         (AccordEntityPrivate *priv,
                                                        const char          *key);
G_GNUC_INTERNAL
void                 _accord_entity_field_clear_values (Field               *field);
G_GNUC_INTERNAL
gboolean             _accord_entity_is_link_name       (AccordEntity        *self,
                                                        const char          *key);
G_GNUC_INTERNAL
void                 _accord_entity_parse_pending      (AccordEntity        *self,
                                                        AccordEntityPrivate *priv);

G_END_DECLS
