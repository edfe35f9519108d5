/* accord-objective.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-entity.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_OBJECTIVE (accord_objective_get_type ())

G_DECLARE_FINAL_TYPE (AccordObjective, accord_objective, ACCORD, OBJECTIVE, AccordEntity)

const char *accord_objective_get_title       (AccordObjective *self);
const char *accord_objective_get_section     (AccordObjective *self);
const char *accord_objective_get_order       (AccordObjective *self);
const char *accord_objective_get_code        (AccordObjective *self);
const char *accord_objective_get_description (AccordObjective *self);

G_END_DECLS
