/* accord-test-ui.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-document.h"

G_BEGIN_DECLS

gboolean            accord_test_ui_init              (int                  *argc,
                                                      char               ***argv);
void                accord_test_ui_wait_mapped       (GtkWidget            *widget);
void                accord_test_ui_wait_frames       (GtkWidget            *widget,
                                                      guint                 n);
void                accord_test_ui_spin              (guint                 milliseconds);
GtkWidget          *accord_test_ui_find              (GtkWidget            *root,
                                                      GType                 type);
GtkWidget          *accord_test_ui_find_with_class   (GtkWidget            *root,
                                                      GType                 type,
                                                      const char           *css_class);
gpointer            accord_test_ui_template_child    (gpointer              widget,
                                                      GType                 type,
                                                      const char           *name);
GtkWindow          *accord_test_ui_find_toplevel     (GType                 type);
GtkWindow          *accord_test_ui_wait_toplevel     (GType                 type);
GtkEventController *accord_test_ui_find_controller   (GtkWidget            *widget,
                                                      GType                 type);
GtkShortcut        *accord_test_ui_find_shortcut     (GtkWidget            *widget,
                                                      const char           *accelerator);
void                accord_test_ui_assert_bindings   (GtkWidget            *widget,
                                                      const char * const   *bindings);
void                accord_test_ui_save_png          (GtkWidget            *widget,
                                                      const char           *name);
void                accord_test_ui_assert_accessible (GtkWidget            *root);

AccordDocument     *accord_test_try_open_document    (const char           *path,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
AccordDocument     *accord_test_open_document        (const char           *path);

G_END_DECLS
