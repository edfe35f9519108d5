/* accord-window.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-window.h"

struct _AccordWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (AccordWindow, accord_window, ADW_TYPE_APPLICATION_WINDOW)

static void
accord_window_restore_state (AccordWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
accord_window_save_state (AccordWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The default size tracks the unmaximized size, which is what the next
   * start should use when the user unmaximizes. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
accord_window_close_request (GtkWindow *window)
{
  accord_window_save_state (ACCORD_WINDOW (window));

  return GTK_WINDOW_CLASS (accord_window_parent_class)->close_request (window);
}

static void
accord_window_dispose (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WINDOW);

  G_OBJECT_CLASS (accord_window_parent_class)->dispose (object);
}

static void
accord_window_finalize (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_window_parent_class)->finalize (object);
}

static void
accord_window_class_init (AccordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = accord_window_dispose;
  object_class->finalize = accord_window_finalize;

  window_class->close_request = accord_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, empty_page);
}

static void
accord_window_init (AccordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  accord_window_restore_state (self);
}

AccordWindow *
accord_window_new (AccordApplication *application)
{
  g_return_val_if_fail (application == NULL || ACCORD_IS_APPLICATION (application), NULL);

  return g_object_new (ACCORD_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * accord_window_add_toast:
 * @self: an #AccordWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the window's content.
 */
void
accord_window_add_toast (AccordWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
