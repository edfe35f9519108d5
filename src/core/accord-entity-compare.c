/* accord-entity-compare.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-entity"

#include "config.h"

#include <string.h>

#include "accord-entity-fields-private.h"

/*
 * Comparing and copying entities, field by field.
 */

static guint
count_set_fields (AccordEntityPrivate *priv)
{
  guint count = 0;

  for (guint i = 0; i < priv->n_fields; i++)
    count += priv->fields[i].n_values > 0;

  return count;
}

/**
 * accord_entity_equal:
 * @self: an #AccordEntity
 * @other: another #AccordEntity
 *
 * Returns: whether both are the same kind, with the same id and fields
 */
gboolean
accord_entity_equal (AccordEntity *self,
                     AccordEntity *other)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  AccordEntityPrivate *other_priv = _accord_entity_get_fields (other);

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_ENTITY (other), FALSE);

  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (other) ||
      g_strcmp0 (priv->id, other_priv->id) != 0 ||
      count_set_fields (priv) != count_set_fields (other_priv))
    return FALSE;

  for (guint i = 0; i < priv->n_fields; i++)
    {
      const Field *field = &priv->fields[i];
      const Field *match;

      if (field->n_values == 0)
        continue;

      match = _accord_entity_find_field (other_priv, field->key);
      if (match == NULL || match->n_values != field->n_values)
        return FALSE;

      for (guint j = 0; j < field->n_values; j++)
        {
          if (strcmp (field->values[j], match->values[j]) != 0)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * accord_entity_copy:
 * @self: an #AccordEntity
 *
 * Returns: (transfer full): a new entity with the same id and fields
 */
AccordEntity *
accord_entity_copy (AccordEntity *self)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  AccordEntity *copy;

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), NULL);

  copy = _accord_entity_new_with_id (accord_entity_get_kind (self), priv->id);

  for (guint i = 0; i < priv->n_fields; i++)
    {
      const Field *field = &priv->fields[i];

      for (guint j = 0; j < field->n_values; j++)
        _accord_entity_take_value (copy, field->key, g_strdup (field->values[j]));
    }

  for (guint i = 0; priv->extra != NULL && i < priv->extra->len; i++)
    _accord_entity_add_extra (copy, g_ptr_array_index (priv->extra, i));
  if (priv->extra_text != NULL)
    _accord_entity_append_extra_text (copy, priv->extra_text);

  return copy;
}
