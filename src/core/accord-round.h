/* accord-round.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-entity.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_ROUND (accord_round_get_type ())

G_DECLARE_FINAL_TYPE (AccordRound, accord_round, ACCORD, ROUND, AccordEntity)

const char *accord_round_get_title  (AccordRound *self);
const char *accord_round_get_opens  (AccordRound *self);
const char *accord_round_get_closes (AccordRound *self);

G_END_DECLS
