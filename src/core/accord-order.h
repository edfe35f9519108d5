/* accord-order.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   accord_order_key_is_valid  (const char *key);
char      *accord_order_key_between   (const char *before,
                                       const char *after) G_GNUC_WARN_UNUSED_RESULT;
char     **accord_order_keys_spread   (guint       n) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
