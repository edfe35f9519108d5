/* accord-preferences-window.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_PREFERENCES_WINDOW (accord_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AccordPreferencesWindow, accord_preferences_window,
                      ACCORD, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *accord_preferences_window_new (GtkWindow *parent);

G_END_DECLS
