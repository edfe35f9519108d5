/* accord-types.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Forward declarations of the libaccord types, so that headers can name
 * each other without including each other. */

G_END_DECLS
