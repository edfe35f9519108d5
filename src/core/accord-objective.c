/* accord-objective.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-objective"

#include "config.h"

#include "accord-entity-private.h"
#include "accord-objective.h"

/*
 * AccordObjective:
 *
 * An objective of the strategy, inside a section: a code such as “O2.1”, a title, a lead, a due date, indicators and a status.
 * Its fields are listed in accord-schema.c.
 */

struct _AccordObjective
{
  AccordEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordObjective, accord_objective, ACCORD_TYPE_ENTITY)

static void
accord_objective_class_init (AccordObjectiveClass *klass)
{
  _accord_entity_class_set_schema (ACCORD_ENTITY_CLASS (klass), ACCORD_ENTITY_OBJECTIVE);
}

static void
accord_objective_init (AccordObjective *self)
{
}

/**
 * accord_objective_get_title:
 * @self: an #AccordObjective
 *
 * Returns: (transfer none) (nullable): the objective’s title
 */
const char *
accord_objective_get_title (AccordObjective *self)
{
  g_return_val_if_fail (ACCORD_IS_OBJECTIVE (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "title");
}

/**
 * accord_objective_get_section:
 * @self: an #AccordObjective
 *
 * Returns: (transfer none) (nullable): the id of the section holding it
 */
const char *
accord_objective_get_section (AccordObjective *self)
{
  g_return_val_if_fail (ACCORD_IS_OBJECTIVE (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "section");
}

/**
 * accord_objective_get_order:
 * @self: an #AccordObjective
 *
 * Returns: (transfer none) (nullable): the order key among its section’s objectives
 */
const char *
accord_objective_get_order (AccordObjective *self)
{
  g_return_val_if_fail (ACCORD_IS_OBJECTIVE (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "order");
}

/**
 * accord_objective_get_code:
 * @self: an #AccordObjective
 *
 * Returns: (transfer none) (nullable): the code, such as “O2.1”
 */
const char *
accord_objective_get_code (AccordObjective *self)
{
  g_return_val_if_fail (ACCORD_IS_OBJECTIVE (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "code");
}

/**
 * accord_objective_get_description:
 * @self: an #AccordObjective
 *
 * Returns: (transfer none) (nullable): the Markdown description
 */
const char *
accord_objective_get_description (AccordObjective *self)
{
  g_return_val_if_fail (ACCORD_IS_OBJECTIVE (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "description");
}
