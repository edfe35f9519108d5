/* outline-test-common.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-outline-private.h"
#include "accord-outline-row.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

G_BEGIN_DECLS

/* The outline of a strategy built with the core API, shown in a window
 * under a toast overlay as in the main window:
 *
 *   S1            O1.1 (2 comments), O1.2, then S1a, S1b
 *   S2 (1 comment) O2.1
 *   S3
 */

typedef struct
{
  AccordStrategy *strategy;
  GtkWidget      *window;
  GtkWidget      *entry;
  AccordOutline  *outline;
  AccordEntity   *s1, *s1a, *s1b, *s2, *s3;
  AccordEntity   *o11, *o12, *o21;
  AccordEntity   *c1, *c2, *c3;
  guint           notified;
} Fixture;

AccordEntity     *add_section        (AccordStrategy *strategy,
                                      AccordEntity   *parent,
                                      const char     *order,
                                      const char     *title);
AccordEntity     *add_objective      (AccordStrategy *strategy,
                                      AccordEntity   *section,
                                      const char     *order,
                                      const char     *code,
                                      const char     *title);
AccordEntity     *add_comment        (AccordStrategy *strategy,
                                      AccordEntity   *target,
                                      AccordEntity   *parent);
void              selected_notify_cb (AccordOutline  *outline,
                                      GParamSpec     *pspec,
                                      Fixture        *fixture);
void              show_outline       (Fixture        *fixture);
void              fixture_setup      (Fixture        *fixture,
                                      gconstpointer   data);
void              fixture_teardown   (Fixture        *fixture,
                                      gconstpointer   data);
GtkTreeListModel *get_tree           (Fixture        *fixture);
char             *dup_shown          (Fixture        *fixture);
char             *dup_children       (Fixture        *fixture,
                                      AccordEntity   *parent);

#define assert_shown(fixture, expected) \
  G_STMT_START { \
    g_autofree char *shown__ = dup_shown (fixture); \
    g_assert_cmpstr (shown__, ==, expected); \
  } G_STMT_END

#define assert_children(fixture, parent, expected) \
  G_STMT_START { \
    g_autofree char *children__ = dup_children (fixture, parent); \
    g_assert_cmpstr (children__, ==, expected); \
  } G_STMT_END

AccordOutlineRow *find_row_in            (GtkWidget    *widget,
                                          AccordEntity *entity);
AccordOutlineRow *find_row               (Fixture      *fixture,
                                          AccordEntity *entity);
GtkWidget        *find_button_with_label (GtkWidget    *widget,
                                          const char   *label);
gboolean          row_has_focus          (Fixture      *fixture,
                                          AccordEntity *entity);
void              activate               (Fixture      *fixture,
                                          const char   *name);

G_END_DECLS
