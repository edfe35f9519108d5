/* accord-welcome-page.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_WELCOME_PAGE (accord_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (AccordWelcomePage, accord_welcome_page, ACCORD, WELCOME_PAGE, AdwBin)

GtkWidget *accord_welcome_page_new          (void);
GtkListBox *accord_welcome_page_get_recent_list (AccordWelcomePage *self);

G_END_DECLS
