/* accord-outline.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-outline.h"

struct _AccordOutline
{
  AdwBin  parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordOutline, accord_outline, ADW_TYPE_BIN)

static void
accord_outline_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_OUTLINE);

  G_OBJECT_CLASS (accord_outline_parent_class)->dispose (object);
}

static void
accord_outline_class_init (AccordOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_outline_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-outline.ui");
}

static void
accord_outline_init (AccordOutline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_outline_new (void)
{
  return g_object_new (ACCORD_TYPE_OUTLINE, NULL);
}
