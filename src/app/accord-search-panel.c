/* accord-search-panel.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-search-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-search-panel.h"

struct _AccordSearchPanel
{
  AdwBin  parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordSearchPanel, accord_search_panel, ADW_TYPE_BIN)

static void
accord_search_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_SEARCH_PANEL);

  G_OBJECT_CLASS (accord_search_panel_parent_class)->dispose (object);
}

static void
accord_search_panel_class_init (AccordSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_search_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-search-panel.ui");
}

static void
accord_search_panel_init (AccordSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_search_panel_new (void)
{
  return g_object_new (ACCORD_TYPE_SEARCH_PANEL, NULL);
}
