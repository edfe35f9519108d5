/* accord-objective.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-objective"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-entity-private.h"
#include "accord-objective-private.h"

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

/* The fields the exports show under an objective's heading, in the order
 * the objective editor has them. The code, the title and the description
 * have places of their own. */
static const AccordShownField shown_fields[] = {
  { "status", N_("Status"), ACCORD_SHOWN_CHOICE },
  { "priority", N_("Priority"), ACCORD_SHOWN_CHOICE },
  { "lead", N_("Lead"), ACCORD_SHOWN_TEXT },
  { "due", N_("Due date"), ACCORD_SHOWN_DATE },
  { "partner", N_("Partners"), ACCORD_SHOWN_JOINED },
  { "indicator", N_("Indicators"), ACCORD_SHOWN_ITEMS },
  { NULL, },
};

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

/*
 * _accord_objective_get_shown_fields:
 *
 * Returns: (transfer none) (array zero-terminated=1): the fields every
 *   export of an objective shows, in the order they show them, up to one
 *   whose name is %NULL
 */
const AccordShownField *
_accord_objective_get_shown_fields (void)
{
  return shown_fields;
}

/*
 * _accord_objective_dup_shown_value:
 * @self: an #AccordObjective
 * @field: one of _accord_objective_get_shown_fields()
 *
 * Returns: (transfer full) (nullable): the value of @field as readers see
 *   it on one line: a choice by its translated label, a list with its
 *   items joined by commas; %NULL when the objective has none
 */
char *
_accord_objective_dup_shown_value (AccordObjective        *self,
                                   const AccordShownField *field)
{
  AccordEntity *entity = ACCORD_ENTITY (self);
  const char * const *items;
  const char *value;

  switch (field->shown_as)
    {
    case ACCORD_SHOWN_CHOICE:
      value = accord_entity_get_field (entity, field->name);
      return value != NULL
             ? g_strdup (accord_entity_kind_get_choice_label (ACCORD_ENTITY_OBJECTIVE, field->name,
                                                              value))
             : NULL;

    case ACCORD_SHOWN_TEXT:
    case ACCORD_SHOWN_DATE:
      return g_strdup (accord_entity_get_field (entity, field->name));

    case ACCORD_SHOWN_JOINED:
    case ACCORD_SHOWN_ITEMS:
      items = accord_entity_get_list (entity, field->name);
      return items != NULL ? g_strjoinv (", ", (char **) items) : NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}
