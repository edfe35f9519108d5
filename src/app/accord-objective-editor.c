/* accord-objective-editor.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-objective-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-objective-editor.h"

struct _AccordObjectiveEditor
{
  AdwBin  parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordObjectiveEditor, accord_objective_editor, ADW_TYPE_BIN)

static void
accord_objective_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_OBJECTIVE_EDITOR);

  G_OBJECT_CLASS (accord_objective_editor_parent_class)->dispose (object);
}

static void
accord_objective_editor_class_init (AccordObjectiveEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_objective_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-objective-editor.ui");
}

static void
accord_objective_editor_init (AccordObjectiveEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_objective_editor_new (void)
{
  return g_object_new (ACCORD_TYPE_OBJECTIVE_EDITOR, NULL);
}
