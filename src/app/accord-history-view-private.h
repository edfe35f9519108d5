/* accord-history-view-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-history-view.h"

G_BEGIN_DECLS

/* AccordHistoryItem: one revision in the list's model. */

#define ACCORD_TYPE_HISTORY_ITEM (accord_history_item_get_type ())

G_DECLARE_FINAL_TYPE (AccordHistoryItem, accord_history_item, ACCORD, HISTORY_ITEM, GObject)

struct _AccordHistoryItem
{
  GObject         parent_instance;

  AccordRevision *revision;
};

/* AccordHistoryEntry: one entity in the detail's lists of changes and
 * of the outline. */

#define ACCORD_TYPE_HISTORY_ENTRY (accord_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (AccordHistoryEntry, accord_history_entry, ACCORD, HISTORY_ENTRY, GObject)

struct _AccordHistoryEntry
{
  GObject           parent_instance;

  char             *entity_id;
  char             *name;
  AccordEntityKind  kind;
  gboolean          changed;   /* whether the revision changed it */
  AccordChangeKind  change;    /* how, if it did */
  guint             depth;     /* in the outline */
};

struct _AccordHistoryView
{
  AdwBin              parent_instance;

  AccordRepository   *repository;
  GSettings          *settings;

  GListStore         *revisions;
  GtkSingleSelection *selection;
  GHashTable         *loaded;        /* ids of the revisions in the list */
  GHashTable         *frontier;      /* parents of those, not in the list */
  char               *head_id;
  char               *pending_selection;
  GCancellable       *log_cancellable;
  gboolean            has_more;

  AccordHistoryItem  *shown;         /* the revision in the detail */
  GCancellable       *detail_cancellable;
  AccordStrategy     *strategy;      /* as it was in that revision */
  AccordStrategy     *previous;      /* in its first parent, for removed entities */
  char               *entity_id;     /* selected in the outline */
  gboolean            filling_outline;
  gboolean            detail_stale;  /* to read again once the view shows */

  GCancellable       *restore_cancellable;  /* a restore under way */
  gboolean            can_restore;

  GtkStack           *list_stack;
  GtkSpinner         *list_spinner;
  AdwStatusPage      *list_error_page;
  GtkScrolledWindow  *list_scroll;
  GtkListView        *list_view;
  GtkRevealer        *more_revealer;
  GtkSpinner         *more_spinner;
  GtkStack           *detail_stack;
  GtkLabel           *message_label;
  GtkLabel           *body_label;
  GtkLabel           *meta_label;
  GtkLabel           *id_label;
  GtkBox             *tags_box;
  GtkButton          *restore_strategy_button;
  GtkButton          *restore_entity_button;
  GtkButton          *milestone_button;
  GtkStack           *content_stack;
  GtkSpinner         *content_spinner;
  AdwStatusPage      *content_error_page;
  GtkLabel           *changes_label;
  GtkScrolledWindow  *changes_scroll;
  GtkListView        *changes_list;
  GtkListView        *outline_list;
  GListStore         *changes;       /* AccordHistoryEntry, in changes_list */
  GListStore         *outline;       /* AccordHistoryEntry, in outline_list */
  GtkSingleSelection *outline_selection;
  GtkStack           *text_stack;
  GtkLabel           *text_title_label;
  GtkTextView        *text_view;
};

/* accord-history-view.c */
void          _accord_history_view_emit_before_change  (AccordHistoryView       *self);
void          _accord_history_view_notify_restoring    (AccordHistoryView       *self);
void          _accord_history_view_emit_restored       (AccordHistoryView       *self,
                                                        const char              *new_revision);
void          _accord_history_view_emit_tag_created    (AccordHistoryView       *self,
                                                        const char              *name);

/* accord-history-view-detail.c */
void          _accord_history_view_class_detail_init   (AccordHistoryViewClass  *klass);
void          _accord_history_view_detail_init         (AccordHistoryView       *self);
char         *_accord_history_view_dup_entity_name     (AccordEntity            *entity,
                                                        gboolean                 brief);
void          _accord_history_view_show_header         (AccordHistoryView       *self);
void          _accord_history_view_clear_detail        (AccordHistoryView       *self);
void          _accord_history_view_fill_changes        (AccordHistoryView       *self);
void          _accord_history_view_fill_outline        (AccordHistoryView       *self);

/* accord-history-view-log.c */
void          _accord_history_view_log_init            (AccordHistoryView       *self);
char         *_accord_history_view_format_full_date    (const AccordRevision    *revision);
char         *_accord_history_view_dup_summary         (const AccordRevision    *revision);
gboolean      _accord_history_view_parse_entity_path   (const char              *path,
                                                        AccordEntityKind        *kind,
                                                        char                   **id);
void          _accord_history_view_fill_tags           (GtkBox                  *box,
                                                        const char * const      *tags);
guint         _accord_history_view_find_revision       (AccordHistoryView       *self,
                                                        const char              *id);
gboolean      _accord_history_view_select_loaded       (AccordHistoryView       *self,
                                                        const char              *id);
void          _accord_history_view_load_page           (AccordHistoryView       *self);
void          _accord_history_view_reset               (AccordHistoryView       *self);
void          _accord_history_view_load_detail         (AccordHistoryView       *self);

/* For tests */
char         *_accord_history_view_format_relative     (GDateTime               *when,
                                                        GDateTime               *now);
gboolean      _accord_history_view_get_busy            (AccordHistoryView       *self);
GStrv         _accord_history_view_dup_revision_ids    (AccordHistoryView       *self);

/* accord-history-view-actions.c */
void          _accord_history_view_class_actions_init  (AccordHistoryViewClass  *klass);
void          _accord_history_view_update_actions      (AccordHistoryView       *self);
AccordEntity *_accord_history_view_get_selected_entity (AccordHistoryView       *self);
void          _accord_history_view_show_toast          (AccordHistoryView       *self,
                                                        const char              *title,
                                                        gboolean                 error);

G_END_DECLS
