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

/* AccordRepository is written in several files, one concern each:
 * accord-repository.c (the object, create, adopt, open, writing the work
 * tree), -load.c, -commit.c, -history.c, -restore.c and -describe.c. */
struct _AccordRepository
{
  GObject         parent_instance;

  char           *path;
  git_repository *git;
  GHashTable     *written;   /* paths written or deleted since the last save */
  GPtrArray      *left_out;  /* what the last save found that is not the strategy's */
  int             lock_fd;   /* .git/accord.lock while writing, or -1 */
  guint           lock_depth;
};

/* accord-repository.c */
char           *_accord_repository_join_path        (AccordRepository  *self,
                                                     const char        *relative);
gboolean        _accord_repository_write_file       (AccordRepository  *self,
                                                     const char        *relative,
                                                     GBytes            *bytes,
                                                     GError           **error);
gboolean        _accord_repository_delete_file      (AccordRepository  *self,
                                                     const char        *relative,
                                                     GError           **error);

/* accord-repository-load.c */
AccordStrategy *_accord_repository_new_strategy     (void);
AccordEntity   *_accord_repository_parse_entry      (const char        *path,
                                                     const char        *data,
                                                     gsize              length,
                                                     GPtrArray         *problems);
void            _accord_repository_add_entry        (AccordStrategy    *strategy,
                                                     const char        *path,
                                                     AccordEntity      *entity,
                                                     GPtrArray         *problems);
AccordStrategy *_accord_repository_end_load         (AccordStrategy    *strategy);

/* accord-repository-commit.c */
git_signature  *_accord_repository_make_signature   (git_repository    *git,
                                                     const char        *author,
                                                     GError           **error);
gboolean        _accord_repository_is_strategy_path (const char        *path);
char           *_accord_repository_commit_paths     (AccordRepository  *self,
                                                     GPtrArray         *given,
                                                     const char        *message,
                                                     const char        *author,
                                                     GError           **error);
void            _accord_repository_forget_written   (AccordRepository  *self,
                                                     GPtrArray         *paths);

/* accord-repository-history.c */
gboolean        _accord_repository_lookup_commit    (AccordRepository  *self,
                                                     const char        *revision,
                                                     git_commit       **commit,
                                                     GError           **error);
gboolean        _accord_repository_diff_trees       (git_repository    *git,
                                                     git_tree          *old_tree,
                                                     git_tree          *new_tree,
                                                     const char        *prefix,
                                                     GPtrArray         *changes,
                                                     GError           **error);

/* accord-repository-guard.c */
gboolean        _accord_repository_check_folders    (AccordRepository  *self,
                                                     GError           **error);
gboolean        _accord_repository_check_saved_file (AccordRepository  *self,
                                                     const char        *relative,
                                                     GError           **error);
gboolean        _accord_repository_lock             (AccordRepository  *self,
                                                     GError           **error);
void            _accord_repository_unlock           (AccordRepository  *self);
gboolean        _accord_repository_clear_stale_locks (AccordRepository  *self,
                                                      GError           **error);
gboolean        _accord_repository_index_may_be_behind (AccordRepository *self,
                                                        git_index        *index);
gboolean        _accord_repository_repair_index     (AccordRepository  *self,
                                                     git_index         *index,
                                                     git_tree          *head,
                                                     gboolean          *repaired,
                                                     GError           **error);

/* accord-revision.c */
AccordChange   *_accord_change_new                  (const char        *path,
                                                     AccordChangeKind   kind);

G_END_DECLS
