/* format-test-common.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-entity-private.h"
#include "accord-format-private.h"
#include "accord-test-util.h"

G_BEGIN_DECLS

GPtrArray    *new_problems     (void);
AccordEntity *parse            (AccordEntityKind kind,
                                const char      *id,
                                const char      *path,
                                const char      *data,
                                gssize           length,
                                GPtrArray       *problems);
AccordEntity *parse_bytes      (AccordEntityKind kind,
                                const char      *id,
                                GBytes          *bytes,
                                GPtrArray       *problems);
char         *escape_data      (const char      *data,
                                gsize            size);
gboolean      bytes_contain    (GBytes          *bytes,
                                const char      *needle);
void          set_list         (AccordEntity    *entity,
                                const char      *name,
                                const char      *first,
                                ...);
AccordEntity *make_full_entity (AccordEntityKind kind,
                                const char      *text,
                                const char      *line);
AccordEntity *parse_broken     (AccordEntityKind kind,
                                const char      *data,
                                gssize           length,
                                GPtrArray      **problems);

G_END_DECLS
