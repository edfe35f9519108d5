/* accord-objective-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-objective.h"

G_BEGIN_DECLS

/* How an objective's field is shown to readers. */
typedef enum
{
  ACCORD_SHOWN_CHOICE,  /* one of the schema's choices, by its label */
  ACCORD_SHOWN_TEXT,    /* a line of text, as written */
  ACCORD_SHOWN_DATE,    /* a date, YYYY-MM-DD as written */
  ACCORD_SHOWN_JOINED,  /* a list, on one line, its items separated by commas */
  ACCORD_SHOWN_ITEMS,   /* a list, one item per line */
} AccordShownAs;

/* A field of an objective that exports show, with the label they give it
 * (untranslated: pass it to _()). */
typedef struct
{
  const char    *name;
  const char    *label;
  AccordShownAs  shown_as;
} AccordShownField;

const AccordShownField *_accord_objective_get_shown_fields  (void);
char                   *_accord_objective_dup_shown_value   (AccordObjective        *self,
                                                             const AccordShownField *field);

G_END_DECLS
