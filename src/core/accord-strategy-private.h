/* accord-strategy-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-strategy.h"

G_BEGIN_DECLS

AccordStrategy *_accord_strategy_new_empty          (void);
GPtrArray      *_accord_strategy_check_links        (AccordStrategy *self);
GPtrArray      *_accord_strategy_get_problem_list   (AccordStrategy *self);
GPtrArray      *_accord_strategy_dup_sorted_members (AccordStrategy *self,
                                                     const char     *key);
void            _accord_strategy_walk_parents       (AccordStrategy   *self,
                                                     AccordEntityKind  kind,
                                                     const char       *field,
                                                     GHashTable       *depths,
                                                     GHashTable       *cyclic,
                                                     GHashTable       *breaks);
void            _accord_strategy_add_checked        (AccordStrategy *self,
                                                     GPtrArray      *problems);
void            _accord_strategy_add_problem        (AccordStrategy *self,
                                                     AccordProblem  *problem);
void            _accord_strategy_begin_load         (AccordStrategy *self);
void            _accord_strategy_end_load           (AccordStrategy *self);
void            _accord_strategy_add_loaded         (AccordStrategy *self,
                                                     AccordEntity   *entity,
                                                     const char     *path);
void            _accord_strategy_emit_entity_changed (AccordStrategy *self,
                                                      AccordEntity   *entity,
                                                      const char     *field);
GPtrArray      *_accord_strategy_get_removed        (AccordStrategy *self);
GPtrArray      *_accord_strategy_steal_removed      (AccordStrategy *self);
void            _accord_strategy_set_unreadable     (AccordStrategy *self,
                                                     gboolean        unreadable);
gboolean        _accord_strategy_get_unreadable     (AccordStrategy *self);
void            _accord_strategy_add_removed        (AccordStrategy *self,
                                                     const char     *path);
void            _accord_strategy_forget_removed     (AccordStrategy *self);
void            _accord_strategy_note_modified      (AccordStrategy *self,
                                                     AccordEntity   *entity);
GPtrArray      *_accord_strategy_dup_modified       (AccordStrategy *self);

G_END_DECLS
