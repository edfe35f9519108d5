/* accord-entity.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "accord-types.h"

G_BEGIN_DECLS

/**
 * AccordEntityError:
 * @ACCORD_ENTITY_ERROR_UNKNOWN_FIELD: the kind of entity has no such field
 * @ACCORD_ENTITY_ERROR_INVALID_VALUE: the value does not suit the field
 * @ACCORD_ENTITY_ERROR_INVALID_ID: the id is not a valid entity id
 */
typedef enum
{
  ACCORD_ENTITY_ERROR_UNKNOWN_FIELD,
  ACCORD_ENTITY_ERROR_INVALID_VALUE,
  ACCORD_ENTITY_ERROR_INVALID_ID,
} AccordEntityError;

#define ACCORD_ENTITY_ERROR (accord_entity_error_quark ())
GQuark accord_entity_error_quark (void);

#define ACCORD_TYPE_ENTITY (accord_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (AccordEntity, accord_entity, ACCORD, ENTITY, GObject)

struct _AccordEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer schema;
};

AccordEntity       *accord_entity_new                (AccordEntityKind   kind,
                                                      const char        *id) G_GNUC_WARN_UNUSED_RESULT;
AccordEntityKind    accord_entity_get_kind           (AccordEntity      *self);
const char         *accord_entity_get_id             (AccordEntity      *self);
char               *accord_entity_dup_path           (AccordEntity      *self) G_GNUC_WARN_UNUSED_RESULT;
const char         *accord_entity_get_field          (AccordEntity      *self,
                                                      const char        *name);
gboolean            accord_entity_set_field          (AccordEntity      *self,
                                                      const char        *name,
                                                      const char        *value,
                                                      GError           **error);
const char * const *accord_entity_get_list           (AccordEntity      *self,
                                                      const char        *name);
gboolean            accord_entity_set_list           (AccordEntity      *self,
                                                      const char        *name,
                                                      const char * const *values,
                                                      GError           **error);
guint64             accord_entity_get_count          (AccordEntity      *self,
                                                      const char        *name);
gboolean            accord_entity_equal              (AccordEntity      *self,
                                                      AccordEntity      *other);
AccordEntity       *accord_entity_copy               (AccordEntity      *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean            accord_entity_get_modified       (AccordEntity      *self);
char              **accord_entity_dup_field_names    (AccordEntity      *self) G_GNUC_WARN_UNUSED_RESULT;

const char         *accord_entity_kind_to_string     (AccordEntityKind   kind);
gboolean            accord_entity_kind_from_string   (const char        *name,
                                                      AccordEntityKind  *kind);
const char         *accord_entity_kind_get_directory (AccordEntityKind   kind);
GType               accord_entity_kind_get_type      (AccordEntityKind   kind);
const char * const *accord_entity_kind_get_choices   (AccordEntityKind   kind,
                                                      const char        *field);
gboolean            accord_entity_kind_has_field     (AccordEntityKind   kind,
                                                      const char        *field);
const char         *accord_entity_kind_get_choice_label (AccordEntityKind kind,
                                                         const char      *field,
                                                         const char      *value);

gboolean            accord_id_is_valid               (const char        *id);
char               *accord_id_generate               (AccordEntityKind   kind) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
