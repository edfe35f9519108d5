/* accord-comment.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-entity.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_COMMENT (accord_comment_get_type ())

G_DECLARE_FINAL_TYPE (AccordComment, accord_comment, ACCORD, COMMENT, AccordEntity)

const char *accord_comment_get_target (AccordComment *self);
const char *accord_comment_get_round  (AccordComment *self);
const char *accord_comment_get_parent (AccordComment *self);
const char *accord_comment_get_body   (AccordComment *self);
const char *accord_comment_get_answer (AccordComment *self);

G_END_DECLS
