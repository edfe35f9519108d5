/* accord-section.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-entity.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SECTION (accord_section_get_type ())

G_DECLARE_FINAL_TYPE (AccordSection, accord_section, ACCORD, SECTION, AccordEntity)

const char *accord_section_get_title  (AccordSection *self);
const char *accord_section_get_parent (AccordSection *self);
const char *accord_section_get_order  (AccordSection *self);
const char *accord_section_get_body   (AccordSection *self);

G_END_DECLS
