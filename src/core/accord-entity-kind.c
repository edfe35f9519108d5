/* accord-entity-kind.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-entity"

#include "config.h"

#include <string.h>

#include "accord-comment.h"
#include "accord-entity-private.h"
#include "accord-objective.h"
#include "accord-participant.h"
#include "accord-round.h"
#include "accord-section.h"
#include "accord-strategy.h"

/*
 * The kinds of entity, and the ids of their files: an entity is the file
 * named by its id in the folder of its kind.
 */

/**
 * accord_entity_kind_to_string:
 * @kind: a kind of entity
 *
 * Returns: (transfer none): its name, such as "section"
 */
const char *
accord_entity_kind_to_string (AccordEntityKind kind)
{
  g_return_val_if_fail (kind < ACCORD_N_ENTITY_KINDS, NULL);

  return _accord_schema_get (kind)->name;
}

gboolean
accord_entity_kind_from_string (const char       *name,
                                AccordEntityKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < ACCORD_N_ENTITY_KINDS; i++)
    {
      if (g_strcmp0 (name, _accord_schema_get (i)->name) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * accord_entity_kind_get_directory:
 * @kind: a kind of entity
 *
 * Returns: (transfer none) (nullable): the folder holding entities of
 *   @kind, or %NULL for the strategy's own file
 */
const char *
accord_entity_kind_get_directory (AccordEntityKind kind)
{
  g_return_val_if_fail (kind < ACCORD_N_ENTITY_KINDS, NULL);

  return _accord_schema_get (kind)->directory;
}

GType
accord_entity_kind_get_type (AccordEntityKind kind)
{
  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:    return ACCORD_TYPE_STRATEGY;
    case ACCORD_ENTITY_SECTION:     return ACCORD_TYPE_SECTION;
    case ACCORD_ENTITY_OBJECTIVE:   return ACCORD_TYPE_OBJECTIVE;
    case ACCORD_ENTITY_ROUND:       return ACCORD_TYPE_ROUND;
    case ACCORD_ENTITY_PARTICIPANT: return ACCORD_TYPE_PARTICIPANT;
    case ACCORD_ENTITY_COMMENT:     return ACCORD_TYPE_COMMENT;
    case ACCORD_N_ENTITY_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

/**
 * accord_entity_kind_get_choices:
 * @kind: a kind of entity
 * @field: a field name
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the values
 *   @field accepts when it is a choice, such as an objective's "status"
 */
const char * const *
accord_entity_kind_get_choices (AccordEntityKind  kind,
                                const char       *field)
{
  const AccordFieldSpec *spec;

  g_return_val_if_fail (kind < ACCORD_N_ENTITY_KINDS, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  spec = _accord_schema_lookup (_accord_schema_get (kind), field, NULL);

  return spec != NULL ? spec->choices : NULL;
}

gboolean
accord_entity_kind_has_field (AccordEntityKind  kind,
                              const char       *field)
{
  g_return_val_if_fail (kind < ACCORD_N_ENTITY_KINDS, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return _accord_schema_lookup (_accord_schema_get (kind), field, NULL) != NULL;
}

/**
 * accord_id_is_valid:
 * @id: (nullable): a string
 *
 * Entity ids name files, so they are restricted to lowercase ASCII letters,
 * digits and inner dashes, at most 64 characters: no "/", no "..", nothing
 * a file system or git could read differently.
 *
 * Returns: whether @id is a valid entity id
 */
gboolean
accord_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;

  length = strlen (id);
  if (length == 0 || length > 64 || id[0] == '-' || id[length - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!(g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || id[i] == '-'))
        return FALSE;
    }

  return TRUE;
}

/**
 * accord_id_generate:
 * @kind: the kind of entity the id is for
 *
 * Makes a new random id: a letter for the kind, a dash and ten base-32
 * characters (50 bits), such as `s-7k2m9q4xhd`.
 *
 * Returns: (transfer full): a new id
 */
char *
accord_id_generate (AccordEntityKind kind)
{
  static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
  char id[13];

  id[0] = _accord_schema_get (kind)->name[0];
  id[1] = '-';
  for (guint i = 2; i < 12; i++)
    id[i] = alphabet[g_random_int_range (0, 32)];
  id[12] = '\0';

  return g_strdup (id);
}
