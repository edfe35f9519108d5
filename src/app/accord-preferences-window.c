/* accord-preferences-window.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-preferences-window.h"

struct _AccordPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordPreferencesWindow, accord_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
accord_preferences_window_class_init (AccordPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-preferences-window.ui");
}

static void
accord_preferences_window_init (AccordPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (ACCORD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
