/* accord-outline-row.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_OUTLINE_ROW (accord_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (AccordOutlineRow, accord_outline_row, ACCORD, OUTLINE_ROW, GtkWidget)

GtkWidget      *accord_outline_row_new               (void);
void            accord_outline_row_bind              (AccordOutlineRow *self,
                                                      GtkTreeListRow   *list_row);
void            accord_outline_row_unbind            (AccordOutlineRow *self);
AccordEntity   *accord_outline_row_get_entity        (AccordOutlineRow *self);
GtkTreeListRow *accord_outline_row_get_list_row      (AccordOutlineRow *self);
const char     *accord_outline_row_get_text          (AccordOutlineRow *self);
void            accord_outline_row_set_comment_count (AccordOutlineRow *self,
                                                      guint             count);
guint           accord_outline_row_get_comment_count (AccordOutlineRow *self);
void            accord_outline_row_start_rename      (AccordOutlineRow *self);
void            accord_outline_row_finish_rename     (AccordOutlineRow *self,
                                                      gboolean          commit);
gboolean        accord_outline_row_get_renaming      (AccordOutlineRow *self);
GtkEditable    *accord_outline_row_get_editable      (AccordOutlineRow *self);
void            accord_outline_row_show_drop         (AccordOutlineRow *self,
                                                      int               position);
void            accord_outline_row_hide_drop         (AccordOutlineRow *self);
void            accord_outline_row_popup_menu        (AccordOutlineRow *self,
                                                      GMenuModel       *menu,
                                                      double            x,
                                                      double            y);

G_END_DECLS
