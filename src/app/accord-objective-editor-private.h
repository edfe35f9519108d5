/* accord-objective-editor-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "accord-objective-editor.h"

G_BEGIN_DECLS

/* A list field shown as one editable row per item: partners, indicators. */
typedef struct
{
  AccordObjectiveEditor *self;
  const char            *field;
  GtkListBox            *list;
  GtkWidget             *add_button;
  gboolean               reorderable;
} ItemList;

struct _AccordObjectiveEditor
{
  AdwBin              parent_instance;

  AccordObjective    *objective;
  gulong              changed_handler;
  GSettings          *settings;
  GtkCssProvider     *font_provider;

  AdwEntryRow        *code_row;
  AdwEntryRow        *title_row;
  AdwComboRow        *status_row;
  AdwComboRow        *priority_row;
  AdwEntryRow        *lead_row;
  AdwActionRow       *due_row;
  GtkMenuButton      *due_button;
  GtkPopover         *due_popover;
  GtkCalendar        *due_calendar;
  GtkWidget          *due_clear_button;
  GtkListBox         *partner_list;
  GtkWidget          *add_partner_button;
  GtkListBox         *indicator_list;
  GtkWidget          *add_indicator_button;
  GtkSourceView      *description_view;

  ItemList            partners;
  ItemList            indicators;

  /* Above zero while the editor writes to the entity, and while it fills
   * its widgets from the entity: the two directions never feed back. */
  guint               writing;
  guint               refreshing;

  guint               editable : 1;
};

gboolean _accord_objective_editor_can_edit           (AccordObjectiveEditor      *self);
gboolean _accord_objective_editor_is_blank           (const char                 *text);

void     _accord_objective_editor_class_lists_init   (AccordObjectiveEditorClass *klass);
void     _accord_objective_editor_lists_init         (AccordObjectiveEditor      *self);
void     _accord_objective_editor_refresh_items      (ItemList                   *items,
                                                      gboolean                    rebuild);
void     _accord_objective_editor_update_item_rows   (ItemList                   *items);

G_END_DECLS
