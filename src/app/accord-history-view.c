/* accord-history-view.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-history-view"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-history-view.h"

struct _AccordHistoryView
{
  AdwBin  parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordHistoryView, accord_history_view, ADW_TYPE_BIN)

static void
accord_history_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_HISTORY_VIEW);

  G_OBJECT_CLASS (accord_history_view_parent_class)->dispose (object);
}

static void
accord_history_view_class_init (AccordHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_history_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-history-view.ui");
}

static void
accord_history_view_init (AccordHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_history_view_new (void)
{
  return g_object_new (ACCORD_TYPE_HISTORY_VIEW, NULL);
}
