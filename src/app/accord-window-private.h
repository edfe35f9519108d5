/* accord-window-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-history-view.h"
#include "accord-objective-editor.h"
#include "accord-outline.h"
#include "accord-search-panel.h"
#include "accord-section-editor.h"
#include "accord-welcome-page.h"
#include "accord-window.h"

G_BEGIN_DECLS

struct _AccordWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  AccordDocument       *document;
  GCancellable         *opening;
  char                 *opening_path;
  AccordEntity         *shown;       /* the entity in the editor */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AccordWelcomePage    *welcome_page;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwWindowTitle       *strategy_title;
  AdwWindowTitle       *content_title;
  GtkToggleButton      *search_button;
  GtkToggleButton      *history_button;
  GtkMenuButton        *save_button;
  GtkSpinner           *busy_spinner;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *sidebar_stack;
  GtkStack             *content_stack;
  AccordOutline        *outline;
  AccordSearchPanel    *search_panel;
  AccordSectionEditor  *section_editor;
  AccordObjectiveEditor *objective_editor;
  AccordHistoryView    *history_view;
  GtkPopover           *save_popover;
  GtkEntry             *save_message_entry;

  GBinding             *title_binding;
  GBinding             *window_title_binding;
  GBinding             *can_restore_binding;
  GCancellable         *describing;  /* the message drafted for the save popover */

  guint                 autosave_error_shown : 1;
  guint                 close_when_idle : 1;
  guint                 held : 1;        /* the document, for a restore */
};

/* accord-window.c */
void _accord_window_show_toast          (AccordWindow      *self,
                                         const char        *title);
void _accord_window_show_error_toast    (AccordWindow      *self,
                                         const GError      *error);
void _accord_window_update_content_title (AccordWindow     *self);

/* accord-window-actions.c */
void _accord_window_class_actions_init  (AccordWindowClass *klass);
void _accord_window_update_actions      (AccordWindow      *self);

G_END_DECLS
