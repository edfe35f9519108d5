/* accord-strategy.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord-entity.h"
#include "accord-problem.h"
#include "accord-section.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_STRATEGY (accord_strategy_get_type ())

/**
 * ACCORD_STRATEGY_MAX_DEPTH:
 *
 * How deep sections may nest below the top level. No strategy needs
 * more; sections deeper still are reported by accord_strategy_check() and
 * shown at this depth.
 */
#define ACCORD_STRATEGY_MAX_DEPTH 32

G_DECLARE_FINAL_TYPE (AccordStrategy, accord_strategy, ACCORD, STRATEGY, AccordEntity)

AccordStrategy *accord_strategy_new               (const char       *title,
                                                   const char       *language) G_GNUC_WARN_UNUSED_RESULT;
const char     *accord_strategy_get_title         (AccordStrategy   *self);
const char     *accord_strategy_get_language      (AccordStrategy   *self);
AccordEntity   *accord_strategy_lookup            (AccordStrategy   *self,
                                                   const char       *id);
gboolean        accord_strategy_add               (AccordStrategy   *self,
                                                   AccordEntity     *entity,
                                                   GError          **error);
gboolean        accord_strategy_remove            (AccordStrategy   *self,
                                                   const char       *id,
                                                   GError          **error);
GListModel     *accord_strategy_get_entities      (AccordStrategy   *self,
                                                   AccordEntityKind  kind);
guint           accord_strategy_count             (AccordStrategy   *self,
                                                   AccordEntityKind  kind);
GListModel     *accord_strategy_get_children      (AccordStrategy   *self,
                                                   const char       *section_id);
GPtrArray      *accord_strategy_dup_outline       (AccordStrategy   *self) G_GNUC_WARN_UNUSED_RESULT;
guint           accord_strategy_get_depth         (AccordStrategy   *self,
                                                   AccordSection    *section);
char           *accord_strategy_dup_order_after   (AccordStrategy   *self,
                                                   const char       *parent_id,
                                                   const char       *after_id,
                                                   AccordEntityKind  kind) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *accord_strategy_get_problems      (AccordStrategy   *self);
void            accord_strategy_check             (AccordStrategy   *self);

G_END_DECLS
