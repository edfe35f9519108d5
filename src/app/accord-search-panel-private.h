/* accord-search-panel-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-search-panel.h"

G_BEGIN_DECLS

/* The workspace puts these around matched words. They are private-use
 * characters (U+E000, U+E001), which no strategy has reason to contain, and
 * g_markup_escape_text() leaves them alone, so that they can be turned into
 * markup after the text around them has been escaped. */
#define MARK_START "\xEE\x80\x80"
#define MARK_END   "\xEE\x80\x81"

struct _AccordSearchPanel
{
  AdwBin             parent_instance;

  AccordRepository  *repository;
  AccordStrategy    *strategy;

  /* The results shown, one AccordSearchHit per row in the same order, and
   * the query they answer. */
  GPtrArray         *hits;
  char              *query;

  GCancellable      *searching;
  gboolean           activate_when_found;
  gboolean           rows_stale;  /* to place in a new strategy once shown */

  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *scrolled_window;
  GtkListBox        *list_box;
};

/* accord-search-panel-rows.c */
GtkWidget *_accord_search_panel_create_row (AccordSearchPanel     *self,
                                            const AccordSearchHit *hit);

G_END_DECLS
