/* objective-editor-test-common.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <gtksourceview/gtksource.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-objective-editor.h"

G_BEGIN_DECLS

/* The objective editor shown in a window, editing an objective of a
 * strategy built in memory with the core API. */

typedef struct
{
  AccordStrategy *strategy;
  AccordEntity   *section;
  AccordEntity   *objective;
  GtkWidget      *window;
  GtkWidget      *editor;
} Fixture;

AccordEntity  *add_objective      (Fixture            *f,
                                   const char         *order,
                                   const char * const *fields,
                                   const char * const *partners,
                                   const char * const *indicators);
void           fixture_setup      (Fixture            *f,
                                   gconstpointer       data);
void           fixture_teardown   (Fixture            *f,
                                   gconstpointer       data);
GtkWidget     *find_named         (GtkWidget          *root,
                                   const char         *name);
GtkWidget     *get_widget         (Fixture            *f,
                                   const char         *name);
const char    *field              (Fixture            *f,
                                   const char         *name);
GtkWidget     *list_row           (Fixture            *f,
                                   const char         *list,
                                   int                 index);
const char    *row_title          (Fixture            *f,
                                   const char         *list,
                                   int                 index);
int            count_rows         (Fixture            *f,
                                   const char         *list);
GtkWidget     *row_button         (Fixture            *f,
                                   const char         *list,
                                   int                 index,
                                   const char         *name);
void           click              (GtkWidget          *button);
void           assert_rows        (Fixture            *f,
                                   const char         *list,
                                   const char * const *expected);
gboolean       has_focus_within   (Fixture            *f,
                                   GtkWidget          *widget);
GtkTextBuffer *description_buffer (Fixture            *f);
const char    *due_subtitle       (Fixture            *f);
void           select_combo       (Fixture            *f,
                                   const char         *name,
                                   guint               position);

G_END_DECLS
