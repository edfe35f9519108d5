/* accord-types.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Forward declarations of the libaccord types, so that a header naming
 * another type need not include that type's header. The structs are
 * defined where their types are: the GObjects by G_DECLARE_*_TYPE, the
 * boxed types in their headers. */

typedef struct _AccordComment     AccordComment;
typedef struct _AccordEntity      AccordEntity;
typedef struct _AccordObjective   AccordObjective;
typedef struct _AccordParticipant AccordParticipant;
typedef struct _AccordProblem     AccordProblem;
typedef struct _AccordRepository  AccordRepository;
typedef struct _AccordRound       AccordRound;
typedef struct _AccordSearchHit   AccordSearchHit;
typedef struct _AccordSection     AccordSection;
typedef struct _AccordStrategy    AccordStrategy;
typedef struct _AccordWorkspace   AccordWorkspace;

/**
 * AccordEntityKind:
 * @ACCORD_ENTITY_STRATEGY: the strategy itself (`strategy.md`)
 * @ACCORD_ENTITY_SECTION: a section (`sections/ID.md`)
 * @ACCORD_ENTITY_OBJECTIVE: an objective (`objectives/ID.md`)
 * @ACCORD_ENTITY_ROUND: a consultation round (`rounds/ID.md`)
 * @ACCORD_ENTITY_PARTICIPANT: a participant in consultations (`participants/ID.md`)
 * @ACCORD_ENTITY_COMMENT: a comment or contribution (`comments/ID.md`)
 *
 * The kinds of entities a strategy is made of, each stored in its own file.
 * It is here, with the names of the types, because headers that only name
 * the types take kinds by value.
 */
typedef enum
{
  ACCORD_ENTITY_STRATEGY,
  ACCORD_ENTITY_SECTION,
  ACCORD_ENTITY_OBJECTIVE,
  ACCORD_ENTITY_ROUND,
  ACCORD_ENTITY_PARTICIPANT,
  ACCORD_ENTITY_COMMENT,
  ACCORD_N_ENTITY_KINDS
} AccordEntityKind;

G_END_DECLS
