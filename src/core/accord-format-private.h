/* accord-format-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "accord-entity.h"

G_BEGIN_DECLS

AccordEntity *_accord_format_parse       (AccordEntityKind   kind,
                                          const char        *id,
                                          const char        *path,
                                          const char        *data,
                                          gsize              length,
                                          GPtrArray         *problems);
GBytes       *_accord_format_write       (AccordEntity      *entity);
gboolean      _accord_format_path_parse  (const char        *path,
                                          AccordEntityKind  *kind,
                                          char             **id);

G_END_DECLS
