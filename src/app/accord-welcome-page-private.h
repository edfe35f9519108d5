/* accord-welcome-page-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-welcome-page.h"

G_BEGIN_DECLS

/* For tests */
char *_accord_welcome_page_read_title (const char *path);

G_END_DECLS
