/* accord-comment.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-comment"

#include "config.h"

#include "accord-entity-private.h"
#include "accord-comment.h"

/*
 * AccordComment:
 *
 * A contribution to a consultation, attached to a section or objective, with its votes, its status and the drafters’ answer.
 * Its fields are listed in accord-schema.c.
 */

struct _AccordComment
{
  AccordEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordComment, accord_comment, ACCORD_TYPE_ENTITY)

static void
accord_comment_class_init (AccordCommentClass *klass)
{
  _accord_entity_class_set_schema (ACCORD_ENTITY_CLASS (klass), ACCORD_ENTITY_COMMENT);
}

static void
accord_comment_init (AccordComment *self)
{
}

/**
 * accord_comment_get_target:
 * @self: an #AccordComment
 *
 * Returns: (transfer none) (nullable): the id of the section or objective it concerns
 */
const char *
accord_comment_get_target (AccordComment *self)
{
  g_return_val_if_fail (ACCORD_IS_COMMENT (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "target");
}

/**
 * accord_comment_get_round:
 * @self: an #AccordComment
 *
 * Returns: (transfer none) (nullable): the id of the round it came from
 */
const char *
accord_comment_get_round (AccordComment *self)
{
  g_return_val_if_fail (ACCORD_IS_COMMENT (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "round");
}

/**
 * accord_comment_get_parent:
 * @self: an #AccordComment
 *
 * Returns: (transfer none) (nullable): the id of the comment it replies to
 */
const char *
accord_comment_get_parent (AccordComment *self)
{
  g_return_val_if_fail (ACCORD_IS_COMMENT (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "parent");
}

/**
 * accord_comment_get_body:
 * @self: an #AccordComment
 *
 * Returns: (transfer none) (nullable): the Markdown text of the comment
 */
const char *
accord_comment_get_body (AccordComment *self)
{
  g_return_val_if_fail (ACCORD_IS_COMMENT (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "body");
}

/**
 * accord_comment_get_answer:
 * @self: an #AccordComment
 *
 * Returns: (transfer none) (nullable): the drafters’ answer
 */
const char *
accord_comment_get_answer (AccordComment *self)
{
  g_return_val_if_fail (ACCORD_IS_COMMENT (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "answer");
}
