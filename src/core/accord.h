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

#undef ACCORD_INSIDE
