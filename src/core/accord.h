/* accord.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define ACCORD_INSIDE

#include "accord-types.h"
#include "accord-errors.h"
#include "accord-global.h"
#include "accord-entity.h"
#include "accord-comment.h"
#include "accord-html.h"
#include "accord-markdown.h"
#include "accord-objective.h"
#include "accord-order.h"
#include "accord-participant.h"
#include "accord-problem.h"
#include "accord-round.h"
#include "accord-repository.h"
#include "accord-revision.h"
#include "accord-section.h"
#include "accord-strategy.h"
#include "accord-workspace.h"

#undef ACCORD_INSIDE
