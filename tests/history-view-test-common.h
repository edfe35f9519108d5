/* history-view-test-common.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-history-view.h"
#include "accord-history-view-private.h"

G_BEGIN_DECLS

/* The history view, on real repositories made with the core API. */

#define AUTHOR "Alice Martin <alice@example.org>"
#define SECTION_ID "s-introduction"
#define OBJECTIVE_ID "o-open-data"

typedef struct
{
  char              *tmpdir;
  char              *path;
  AccordRepository  *repository;
  GPtrArray         *revisions;   /* ids, oldest first */
  GtkWindow         *window;
  AdwToastOverlay   *overlay;
  AccordHistoryView *view;
} Fixture;

const char *save                (Fixture           *fixture,
                                 AccordStrategy    *strategy,
                                 const char        *message);
void        set_title_and_save  (Fixture           *fixture,
                                 const char        *id,
                                 const char        *title,
                                 const char        *message);
void        fixture_setup_empty (Fixture           *fixture,
                                 gconstpointer      data);
void        fixture_setup       (Fixture           *fixture,
                                 gconstpointer      data);
void        fixture_teardown    (Fixture           *fixture,
                                 gconstpointer      data);
const char *revision            (Fixture           *fixture,
                                 guint              index);
void        wait_idle           (AccordHistoryView *view);

#define template_child(fixture, name) \
  accord_test_ui_template_child ((fixture)->view, ACCORD_TYPE_HISTORY_VIEW, name)

guint      n_listed              (Fixture    *fixture);
void       collect_labels        (GtkWidget  *widget,
                                  GPtrArray  *labels);
GtkWidget *find_label            (GtkWidget  *root,
                                  const char *text);
GtkWidget *find_tag              (GtkWidget  *root,
                                  const char *name);
AccordHistoryEntry *list_entry             (GtkListView *list,
                                            guint        position);
GtkWidget          *list_row               (GtkListView *list,
                                            guint        position);
AccordHistoryEntry *selected_outline_entry (Fixture     *fixture);
void                select_outline_entity  (Fixture     *fixture,
                                            const char  *id);

G_END_DECLS
