/* accord-section-editor.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-section-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-section-editor.h"

struct _AccordSectionEditor
{
  AdwBin  parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordSectionEditor, accord_section_editor, ADW_TYPE_BIN)

static void
accord_section_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_SECTION_EDITOR);

  G_OBJECT_CLASS (accord_section_editor_parent_class)->dispose (object);
}

static void
accord_section_editor_class_init (AccordSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_section_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-section-editor.ui");
}

static void
accord_section_editor_init (AccordSectionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_section_editor_new (void)
{
  return g_object_new (ACCORD_TYPE_SECTION_EDITOR, NULL);
}
