/* accord-preferences-window.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accord.h"
#include "accord-preferences-window.h"

struct _AccordPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  GtkLabel             *identity_label;
  GtkFontButton        *font_button;
  GtkSwitch            *line_numbers_switch;
};

G_DEFINE_FINAL_TYPE (AccordPreferencesWindow, accord_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* Says what an empty name or address stands for: git's own identity, which
 * is only of use when both its parts are set. Read once: git's settings
 * are not expected to change while the window is open. */
static void
set_identity_text (AccordPreferencesWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *text = NULL;

  accord_get_git_identity (&name, &email);

  if (name != NULL && email != NULL)
    /* Translators: the first %s is a name, the second an e-mail address */
    text = g_strdup_printf (_("When empty, revisions are saved as “%s <%s>” from git’s settings"),
                            name, email);
  else
    text = g_strdup (_("Set a name so that revisions say who saved them"));

  gtk_label_set_label (self->identity_label, text);
}

/* The hint stays while either field is empty. */
static void
author_changed_cb (AccordPreferencesWindow *self)
{
  g_autofree char *author_name = g_settings_get_string (self->settings, "author-name");
  g_autofree char *author_email = g_settings_get_string (self->settings, "author-email");

  gtk_widget_set_visible (GTK_WIDGET (self->identity_label),
                          *author_name == '\0' || *author_email == '\0');
}

static void
accord_preferences_window_dispose (GObject *object)
{
  AccordPreferencesWindow *self = ACCORD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_preferences_window_parent_class)->dispose (object);
}

static void
accord_preferences_window_class_init (AccordPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, identity_label);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow,
                                        line_numbers_switch);
}

static void
accord_preferences_window_init (AccordPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "author-name", self->name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "author-email", self->email_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "editor-font", self->font_button, "font",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-line-numbers", self->line_numbers_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::author-name",
                           G_CALLBACK (author_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::author-email",
                           G_CALLBACK (author_changed_cb), self, G_CONNECT_SWAPPED);
  set_identity_text (self);
  author_changed_cb (self);
}

/**
 * accord_preferences_window_new:
 * @parent: (nullable): the window the preferences are opened from
 *
 * Returns: (transfer none): a new preferences window, modal to @parent
 */
GtkWidget *
accord_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ACCORD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
