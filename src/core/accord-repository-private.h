/* accord-repository-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <git2.h>

#include "accord-repository.h"

G_BEGIN_DECLS

git_repository *_accord_repository_get_git      (AccordRepository *self);
AccordStrategy *_accord_repository_new_strategy (void);
AccordEntity   *_accord_repository_parse_entry  (const char       *path,
                                                 const char       *data,
                                                 gsize             length,
                                                 GPtrArray        *problems);
void            _accord_repository_add_entry    (AccordStrategy   *strategy,
                                                 const char       *path,
                                                 AccordEntity     *entity,
                                                 GPtrArray        *problems);
void            _accord_repository_load_entry   (AccordStrategy   *strategy,
                                                 const char       *path,
                                                 const char       *data,
                                                 gsize             length);
void            _accord_repository_add_problem  (AccordStrategy   *strategy,
                                                 const char       *path,
                                                 const char       *message);
AccordStrategy *_accord_repository_finish_load  (AccordStrategy   *strategy);
AccordStrategy *_accord_repository_end_load     (AccordStrategy   *strategy);
gboolean        _accord_repository_is_entity_path (const char     *path);

G_END_DECLS
