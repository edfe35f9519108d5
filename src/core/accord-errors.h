/* accord-errors.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AccordRuntimeError:
 * @ACCORD_RUNTIME_ERROR_MISSING_FEATURE: a library Accord needs was built
 *   without a feature Accord relies on.
 *
 * Errors reported by accord_check_runtime().
 */
typedef enum
{
  ACCORD_RUNTIME_ERROR_MISSING_FEATURE,
} AccordRuntimeError;

/**
 * AccordGitError:
 * @ACCORD_GIT_ERROR_FAILED: an unclassified git failure.
 * @ACCORD_GIT_ERROR_NOT_FOUND: a repository, reference or object does not exist.
 * @ACCORD_GIT_ERROR_EXISTS: the object already exists.
 * @ACCORD_GIT_ERROR_CONFLICT: the operation would overwrite local changes.
 * @ACCORD_GIT_ERROR_NOT_FAST_FORWARD: the remote has revisions this copy lacks.
 * @ACCORD_GIT_ERROR_AUTH: the server refused the credentials.
 * @ACCORD_GIT_ERROR_NETWORK: the server could not be reached.
 *
 * Errors coming from git operations.
 */
typedef enum
{
  ACCORD_GIT_ERROR_FAILED,
  ACCORD_GIT_ERROR_NOT_FOUND,
  ACCORD_GIT_ERROR_EXISTS,
  ACCORD_GIT_ERROR_CONFLICT,
  ACCORD_GIT_ERROR_NOT_FAST_FORWARD,
  ACCORD_GIT_ERROR_AUTH,
  ACCORD_GIT_ERROR_NETWORK,
} AccordGitError;

/**
 * AccordStoreError:
 * @ACCORD_STORE_ERROR_FAILED: an unclassified database failure.
 * @ACCORD_STORE_ERROR_BUSY: another process holds the database.
 * @ACCORD_STORE_ERROR_CORRUPT: the database file is damaged.
 * @ACCORD_STORE_ERROR_CANNOT_OPEN: the database file cannot be opened.
 *
 * Errors coming from the sqlite workspace store.
 */
typedef enum
{
  ACCORD_STORE_ERROR_FAILED,
  ACCORD_STORE_ERROR_BUSY,
  ACCORD_STORE_ERROR_CORRUPT,
  ACCORD_STORE_ERROR_CANNOT_OPEN,
} AccordStoreError;

#define ACCORD_RUNTIME_ERROR (accord_runtime_error_quark ())
#define ACCORD_GIT_ERROR     (accord_git_error_quark ())
#define ACCORD_STORE_ERROR   (accord_store_error_quark ())

GQuark accord_runtime_error_quark (void);
GQuark accord_git_error_quark     (void);
GQuark accord_store_error_quark   (void);

G_END_DECLS
