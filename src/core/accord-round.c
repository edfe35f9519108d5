/* accord-round.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-round"

#include "config.h"

#include "accord-entity-private.h"
#include "accord-round.h"

/*
 * AccordRound:
 *
 * A consultation round: when it opens and closes, its extensions, and the platform that ran it.
 * Its fields are listed in accord-schema.c.
 */

struct _AccordRound
{
  AccordEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordRound, accord_round, ACCORD_TYPE_ENTITY)

static void
accord_round_class_init (AccordRoundClass *klass)
{
  _accord_entity_class_set_schema (ACCORD_ENTITY_CLASS (klass), ACCORD_ENTITY_ROUND);
}

static void
accord_round_init (AccordRound *self)
{
}

/**
 * accord_round_get_title:
 * @self: an #AccordRound
 *
 * Returns: (transfer none) (nullable): the round’s title
 */
const char *
accord_round_get_title (AccordRound *self)
{
  g_return_val_if_fail (ACCORD_IS_ROUND (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "title");
}

/**
 * accord_round_get_opens:
 * @self: an #AccordRound
 *
 * Returns: (transfer none) (nullable): the opening date, YYYY-MM-DD
 */
const char *
accord_round_get_opens (AccordRound *self)
{
  g_return_val_if_fail (ACCORD_IS_ROUND (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "opens");
}

/**
 * accord_round_get_closes:
 * @self: an #AccordRound
 *
 * Returns: (transfer none) (nullable): the closing date, YYYY-MM-DD, before any extension
 */
const char *
accord_round_get_closes (AccordRound *self)
{
  g_return_val_if_fail (ACCORD_IS_ROUND (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "closes");
}
