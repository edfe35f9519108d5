/* accord-participant.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-participant"

#include "config.h"

#include "accord-entity-private.h"
#include "accord-participant.h"

/*
 * AccordParticipant:
 *
 * Someone who contributed to a consultation: a person or an organisation.
 * Its fields are listed in accord-schema.c.
 */

struct _AccordParticipant
{
  AccordEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordParticipant, accord_participant, ACCORD_TYPE_ENTITY)

static void
accord_participant_class_init (AccordParticipantClass *klass)
{
  _accord_entity_class_set_schema (ACCORD_ENTITY_CLASS (klass), ACCORD_ENTITY_PARTICIPANT);
}

static void
accord_participant_init (AccordParticipant *self)
{
}

/**
 * accord_participant_get_name:
 * @self: an #AccordParticipant
 *
 * Returns: (transfer none) (nullable): the name shown for the participant
 */
const char *
accord_participant_get_name (AccordParticipant *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTICIPANT (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "name");
}

/**
 * accord_participant_get_organisation:
 * @self: an #AccordParticipant
 *
 * Returns: (transfer none) (nullable): the organisation the participant speaks for
 */
const char *
accord_participant_get_organisation (AccordParticipant *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTICIPANT (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "organisation");
}
