/* accord-section.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-section"

#include "config.h"

#include "accord-entity-private.h"
#include "accord-section.h"

/*
 * AccordSection:
 *
 * A section of the strategy: a title and a Markdown body, placed under a parent section (or at the top) by its order key.
 * Its fields are listed in accord-schema.c.
 */

struct _AccordSection
{
  AccordEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordSection, accord_section, ACCORD_TYPE_ENTITY)

static void
accord_section_class_init (AccordSectionClass *klass)
{
  _accord_entity_class_set_schema (ACCORD_ENTITY_CLASS (klass), ACCORD_ENTITY_SECTION);
}

static void
accord_section_init (AccordSection *self)
{
}

/**
 * accord_section_get_title:
 * @self: an #AccordSection
 *
 * Returns: (transfer none) (nullable): the section’s title
 */
const char *
accord_section_get_title (AccordSection *self)
{
  g_return_val_if_fail (ACCORD_IS_SECTION (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "title");
}

/**
 * accord_section_get_parent:
 * @self: an #AccordSection
 *
 * Returns: (transfer none) (nullable): the id of the parent section, or %NULL at the top level
 */
const char *
accord_section_get_parent (AccordSection *self)
{
  g_return_val_if_fail (ACCORD_IS_SECTION (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "parent");
}

/**
 * accord_section_get_order:
 * @self: an #AccordSection
 *
 * Returns: (transfer none) (nullable): the order key among its siblings
 */
const char *
accord_section_get_order (AccordSection *self)
{
  g_return_val_if_fail (ACCORD_IS_SECTION (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "order");
}

/**
 * accord_section_get_body:
 * @self: an #AccordSection
 *
 * Returns: (transfer none) (nullable): the Markdown body
 */
const char *
accord_section_get_body (AccordSection *self)
{
  g_return_val_if_fail (ACCORD_IS_SECTION (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "body");
}
