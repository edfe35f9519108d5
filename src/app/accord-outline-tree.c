/* accord-outline-tree.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-outline"

#include "config.h"

/* Helpers over the outline's structure: where an entity sits among
 * sections, its parent, its siblings and its neighbours of the same
 * kind, as the strategy's live lists of children have them. */

#include "accord-outline-private.h"

/* The id of the section @entity is in, or %NULL at the top level. */
const char *
_accord_outline_parent_id_of (AccordEntity *entity)
{
  switch (accord_entity_get_kind (entity))
    {
    case ACCORD_ENTITY_SECTION:
      return accord_entity_get_field (entity, "parent");

    case ACCORD_ENTITY_OBJECTIVE:
      return accord_entity_get_field (entity, "section");

    case ACCORD_ENTITY_STRATEGY:
    case ACCORD_ENTITY_ROUND:
    case ACCORD_ENTITY_PARTICIPANT:
    case ACCORD_ENTITY_COMMENT:
    case ACCORD_N_ENTITY_KINDS:
    default:
      return NULL;
    }
}

AccordEntity *
_accord_outline_parent_of (AccordOutline *self,
                           AccordEntity  *entity)
{
  return accord_strategy_lookup (self->strategy, _accord_outline_parent_id_of (entity));
}

gboolean
_accord_outline_is_outline_kind (AccordEntity *entity)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);

  return kind == ACCORD_ENTITY_SECTION || kind == ACCORD_ENTITY_OBJECTIVE;
}

/* The model keeps a reference: the item outlives this call. */
gpointer
_accord_outline_model_peek (GListModel *model,
                            guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

gboolean
_accord_outline_model_find (GListModel *model,
                            gpointer    item,
                            guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  if (G_IS_LIST_STORE (model))
    return g_list_store_find (G_LIST_STORE (model), item, position);

  for (guint i = 0; i < n; i++)
    {
      if (_accord_outline_model_peek (model, i) == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

GListModel *
_accord_outline_siblings_of (AccordOutline *self,
                             AccordEntity  *entity)
{
  return accord_strategy_get_children (self->strategy, _accord_outline_parent_id_of (entity));
}

/* The nearest sibling of the same kind before (@step -1) or after (+1)
 * @entity, passing over @except. */
AccordEntity *
_accord_outline_neighbour (AccordOutline *self,
                           AccordEntity  *entity,
                           int            step,
                           AccordEntity  *except)
{
  GListModel *siblings = _accord_outline_siblings_of (self, entity);
  AccordEntityKind kind = accord_entity_get_kind (entity);
  int n = g_list_model_get_n_items (siblings);
  guint position;

  if (!_accord_outline_model_find (siblings, entity, &position))
    return NULL;

  for (int i = (int) position + step; i >= 0 && i < n; i += step)
    {
      AccordEntity *other = _accord_outline_model_peek (siblings, i);

      if (other == except)
        continue;
      if (accord_entity_get_kind (other) != kind)
        break;

      return other;
    }

  return NULL;
}

AccordEntity *
_accord_outline_last_of_kind (AccordOutline    *self,
                              const char       *parent_id,
                              AccordEntityKind  kind,
                              AccordEntity     *except)
{
  GListModel *children = accord_strategy_get_children (self->strategy, parent_id);

  for (guint i = g_list_model_get_n_items (children); i > 0; i--)
    {
      AccordEntity *child = _accord_outline_model_peek (children, i - 1);

      if (child != except && accord_entity_get_kind (child) == kind)
        return child;
    }

  return NULL;
}
