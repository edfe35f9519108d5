/* repository-test-common.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <sys/time.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-git-private.h"
#include "accord-strategy-private.h"
#include "accord-test-util.h"

G_BEGIN_DECLS

/* Strategies stored in real git repositories, checked with the git
 * command itself. */

#define ALICE "Alice Martin <alice@example.org>"
#define BOB "Bob Durand <bob@example.org>"

typedef AccordTestFolder Fixture;

extern char *test_home;

void              write_git_config   (const char       *home,
                                      gboolean          with_identity);
void              setup_home         (void);
void              fixture_setup      (Fixture          *fixture,
                                      gconstpointer     data);
AccordStrategy   *make_strategy      (void);
AccordRepository *create_repository  (Fixture          *fixture);
AccordStrategy   *load_clean         (AccordRepository *repository);
char             *save_title         (AccordRepository *repository,
                                      const char       *id,
                                      const char       *title,
                                      const char       *message);
const char       *title_of           (AccordStrategy   *strategy,
                                      const char       *id);
void              assert_clean       (const char       *path);
void              assert_n_revisions (Fixture          *fixture,
                                      guint             expected);
char             *dup_changed        (Fixture          *fixture,
                                      const char       *revision,
                                      const char       *format);
gboolean          has_change         (GPtrArray        *changes,
                                      const char       *path,
                                      AccordChangeKind  kind);

G_END_DECLS
