/* accord-repository.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord-strategy.h"
#include "accord-revision.h"

G_BEGIN_DECLS

/**
 * AccordRepositoryError:
 * @ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY: the folder holds no strategy
 * @ACCORD_REPOSITORY_ERROR_EXISTS: the folder already holds something
 * @ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE: there are no changes to save
 * @ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION: no revision has that name
 * @ACCORD_REPOSITORY_ERROR_UNSAVED_CHANGES: unsaved changes are in the way
 * @ACCORD_REPOSITORY_ERROR_NO_AUTHOR: no author name or e-mail is known
 * @ACCORD_REPOSITORY_ERROR_INVALID_NAME: a milestone name git cannot use
 * @ACCORD_REPOSITORY_ERROR_IO: a file could not be read or written
 * @ACCORD_REPOSITORY_ERROR_UNSAFE: the folder holds what Accord must not
 *   read or save: a link, a file too large, a work tree elsewhere
 * @ACCORD_REPOSITORY_ERROR_BUSY: another program is writing the repository
 */
typedef enum
{
  ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY,
  ACCORD_REPOSITORY_ERROR_EXISTS,
  ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE,
  ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION,
  ACCORD_REPOSITORY_ERROR_UNSAVED_CHANGES,
  ACCORD_REPOSITORY_ERROR_NO_AUTHOR,
  ACCORD_REPOSITORY_ERROR_INVALID_NAME,
  ACCORD_REPOSITORY_ERROR_IO,
  ACCORD_REPOSITORY_ERROR_UNSAFE,
  ACCORD_REPOSITORY_ERROR_BUSY,
} AccordRepositoryError;

#define ACCORD_REPOSITORY_ERROR (accord_repository_error_quark ())
GQuark accord_repository_error_quark (void);

#define ACCORD_TYPE_REPOSITORY (accord_repository_get_type ())

G_DECLARE_FINAL_TYPE (AccordRepository, accord_repository, ACCORD, REPOSITORY, GObject)

AccordRepository *accord_repository_create          (const char        *path,
                                                     AccordStrategy    *strategy,
                                                     const char        *author,
                                                     const char        *message,
                                                     GError           **error);
AccordRepository *accord_repository_adopt           (const char        *path,
                                                     const char        *author,
                                                     const char        *message,
                                                     GError           **error);
AccordRepository *accord_repository_open            (const char        *path,
                                                     GError           **error);
const char       *accord_repository_get_path        (AccordRepository  *self);
char             *accord_repository_dup_git_dir     (AccordRepository  *self) G_GNUC_WARN_UNUSED_RESULT;
AccordStrategy   *accord_repository_load            (AccordRepository  *self,
                                                     GError           **error);
AccordStrategy   *accord_repository_load_revision   (AccordRepository  *self,
                                                     const char        *revision,
                                                     GError           **error);
gboolean          accord_repository_write           (AccordRepository  *self,
                                                     AccordStrategy    *strategy,
                                                     GError           **error);
GPtrArray        *accord_repository_status          (AccordRepository  *self,
                                                     GError           **error);
char             *accord_repository_save            (AccordRepository  *self,
                                                     const char        *message,
                                                     const char        *author,
                                                     GError           **error);
char             *accord_repository_save_written    (AccordRepository  *self,
                                                     const char        *message,
                                                     const char        *author,
                                                     GError           **error);
GPtrArray        *accord_repository_get_left_out      (AccordRepository  *self);
GPtrArray        *accord_repository_dup_leftover_locks (AccordRepository *self) G_GNUC_WARN_UNUSED_RESULT;
char             *accord_repository_resolve         (AccordRepository  *self,
                                                     const char        *revision,
                                                     GError           **error);
char             *accord_repository_dup_head        (AccordRepository  *self) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *accord_repository_log             (AccordRepository  *self,
                                                     const char        *revision,
                                                     guint              max_count,
                                                     GError           **error);
gboolean          accord_repository_tag             (AccordRepository  *self,
                                                     const char        *name,
                                                     const char        *message,
                                                     const char        *author,
                                                     GError           **error);
gboolean          accord_repository_tag_revision    (AccordRepository  *self,
                                                     const char        *revision,
                                                     const char        *name,
                                                     const char        *message,
                                                     const char        *author,
                                                     GError           **error);
char             *accord_repository_restore         (AccordRepository  *self,
                                                     const char        *revision,
                                                     const char        *entity_id,
                                                     const char        *author,
                                                     GError           **error);
gboolean          accord_repository_discard         (AccordRepository  *self,
                                                     GError           **error);
char             *accord_repository_describe_changes (AccordRepository *self,
                                                     AccordStrategy    *strategy,
                                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
