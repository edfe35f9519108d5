/* accord-window.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accord-application.h"
#include "accord-document.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_WINDOW (accord_window_get_type ())

G_DECLARE_FINAL_TYPE (AccordWindow, accord_window, ACCORD, WINDOW, AdwApplicationWindow)

AccordWindow *accord_window_new        (AccordApplication *application);
void            accord_window_add_toast      (AccordWindow      *self,
                                              AdwToast          *toast);
void            accord_window_open           (AccordWindow      *self,
                                              const char        *path);
void            accord_window_open_in_place  (AccordWindow      *self,
                                              const char        *path);
AccordDocument *accord_window_get_document   (AccordWindow      *self);
gboolean        accord_window_is_busy        (AccordWindow      *self);

G_END_DECLS
