/* accord-participant.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-entity.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PARTICIPANT (accord_participant_get_type ())

G_DECLARE_FINAL_TYPE (AccordParticipant, accord_participant, ACCORD, PARTICIPANT, AccordEntity)

const char *accord_participant_get_name         (AccordParticipant *self);
const char *accord_participant_get_organisation (AccordParticipant *self);

G_END_DECLS
