/* accord-outline-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-outline.h"

G_BEGIN_DECLS

struct _AccordOutline
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkMenuButton      *add_button;
  GMenuModel         *context_menu;

  AccordStrategy     *strategy;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  AccordEntity       *selected;
  AccordEntity       *dragged;
  AccordEntity       *pending;        /* row to focus once it is shown */
  GHashTable         *comment_counts; /* target id → number of comments */
  GHashTable         *counted;        /* comment id → the target it is counted for */
  GHashTable         *rows;           /* entity id → AccordOutlineRow showing it */
  GHashTable         *expanded;       /* ids of the sections shown expanded */
  guint               pending_tick;
  guint               pending_frames;
  guint               model_changing; /* depth of "items-changed" emissions */
  guint               busy;           /* depth of the outline's own changes */
  guint               syncing;        /* the outline changes the selection */
  guint               editable : 1;
  guint               renaming : 1;
  guint               pending_rename : 1;
  guint               unbinding : 1;
};

/* accord-outline-tree.c */
const char   *_accord_outline_parent_id_of        (AccordEntity       *entity);
AccordEntity *_accord_outline_parent_of           (AccordOutline      *self,
                                                   AccordEntity       *entity);
gboolean      _accord_outline_is_outline_kind     (AccordEntity       *entity);
gpointer      _accord_outline_model_peek          (GListModel         *model,
                                                   guint               position);
gboolean      _accord_outline_model_find          (GListModel         *model,
                                                   gpointer            item,
                                                   guint              *position);
GListModel   *_accord_outline_siblings_of         (AccordOutline      *self,
                                                   AccordEntity       *entity);
AccordEntity *_accord_outline_neighbour           (AccordOutline      *self,
                                                   AccordEntity       *entity,
                                                   int                 step,
                                                   AccordEntity       *except);
AccordEntity *_accord_outline_last_of_kind        (AccordOutline      *self,
                                                   const char         *parent_id,
                                                   AccordEntityKind    kind,
                                                   AccordEntity       *except);

/* accord-outline.c */
void          _accord_outline_expand_row          (AccordOutline      *self,
                                                   GtkTreeListRow     *row);
guint         _accord_outline_find_position       (AccordOutline      *self,
                                                   AccordEntity       *entity,
                                                   gboolean            expand);
void          _accord_outline_select_entity       (AccordOutline      *self,
                                                   AccordEntity       *entity,
                                                   gboolean            focus,
                                                   gboolean            rename);
void          _accord_outline_begin_busy          (AccordOutline      *self);
void          _accord_outline_end_busy            (AccordOutline      *self);

/* accord-outline-actions.c */
void          _accord_outline_class_actions_init  (AccordOutlineClass *klass);
void          _accord_outline_add_arrow_shortcuts (AccordOutline      *self);
void          _accord_outline_actions_setup_row   (AccordOutline      *self,
                                                   GtkWidget          *row);
void          _accord_outline_update_actions      (AccordOutline      *self);
gboolean      _accord_outline_place_entity        (AccordOutline      *self,
                                                   AccordEntity       *entity,
                                                   const char         *parent_id,
                                                   AccordEntity       *after);

/* accord-outline-dnd.c */
void          _accord_outline_dnd_setup_row       (AccordOutline      *self,
                                                   GtkWidget          *row);

/* For tests: what dropping the entity @id on @target's row does, before
 * it (-1), into it (0) or after it (1). */
gboolean      _accord_outline_drop                (AccordOutline      *self,
                                                   const char         *id,
                                                   AccordEntity       *target,
                                                   int                 position);

G_END_DECLS
