/* accord-strategy-order.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-strategy"

#include "config.h"

#include <string.h>

#include "accord-order.h"
#include "accord-strategy-private.h"

/* Where a new or moved section or objective goes among its siblings: an
 * order key between its neighbours' (see accord-order.c). */

static char *
respread (GPtrArray        *siblings,
          AccordEntityKind  kind,
          const char       *after_id)
{
  g_autoptr(GPtrArray) same = g_ptr_array_new ();
  g_auto(GStrv) keys = NULL;
  guint slot = 0;
  guint next = 0;

  for (guint i = 0; i < siblings->len; i++)
    {
      AccordEntity *sibling = g_ptr_array_index (siblings, i);

      if (accord_entity_get_kind (sibling) != kind)
        continue;

      g_ptr_array_add (same, sibling);
      if (after_id != NULL && g_str_equal (accord_entity_get_id (sibling), after_id))
        slot = same->len;
    }

  keys = accord_order_keys_spread (same->len + 1);
  for (guint i = 0; i <= same->len; i++)
    {
      if (i == slot)
        continue;
      accord_entity_set_field (g_ptr_array_index (same, next++), "order", keys[i], NULL);
    }

  return g_strdup (keys[slot]);
}

/**
 * accord_strategy_dup_order_after:
 * @self: an #AccordStrategy
 * @parent_id: (nullable): the section to place in, or %NULL for the top level
 * @after_id: (nullable): the sibling to place after, or %NULL for the first place
 * @kind: %ACCORD_ENTITY_SECTION or %ACCORD_ENTITY_OBJECTIVE
 *
 * Makes the order key for a @kind placed right after @after_id among the
 * children of @parent_id (or first, when @after_id is %NULL).
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @after_id is
 *   not a child of @parent_id of that kind
 */
char *
accord_strategy_dup_order_after (AccordStrategy   *self,
                                 const char       *parent_id,
                                 const char       *after_id,
                                 AccordEntityKind  kind)
{
  g_autoptr(GPtrArray) siblings = NULL;
  const char *before = NULL;
  const char *next = NULL;
  gboolean found = after_id == NULL;
  char *key;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);

  siblings = _accord_strategy_dup_sorted_members (self, parent_id);

  for (guint i = 0; i < siblings->len; i++)
    {
      AccordEntity *sibling = g_ptr_array_index (siblings, i);
      const char *order = accord_entity_get_field (sibling, "order");

      if (accord_entity_get_kind (sibling) != kind || order == NULL)
        continue;

      if (found)
        {
          /* Skip siblings sharing the key we place after. */
          if (before != NULL && strcmp (order, before) <= 0)
            continue;
          next = order;
          break;
        }

      if (g_str_equal (accord_entity_get_id (sibling), after_id))
        {
          found = TRUE;
          before = order;
        }
    }

  if (!found)
    return NULL;

  key = accord_order_key_between (before, next);
  if (key != NULL && accord_order_key_is_valid (key))
    return key;

  /* Hundreds of inserts at one place made the keys too long: give the
   * siblings short keys again, leaving a place for the new one. */
  g_free (key);

  return respread (siblings, kind, after_id);
}
