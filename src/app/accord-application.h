/* accord-application.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_APPLICATION (accord_application_get_type ())

G_DECLARE_FINAL_TYPE (AccordApplication, accord_application, ACCORD, APPLICATION, AdwApplication)

AccordApplication *accord_application_new          (GApplicationFlags  flags);
GSettings         *accord_application_get_settings (AccordApplication *self);
void               accord_application_open_strategy (AccordApplication *self,
                                                     const char        *path);
char              *accord_application_create_demo   (GError           **error);

G_END_DECLS
