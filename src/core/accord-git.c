/* accord-git.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-git"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-errors.h"
#include "accord-git-private.h"

static AccordGitError
error_code_from_git (int rc,
                     int klass)
{
  switch (rc)
    {
    case GIT_ENOTFOUND:
      return ACCORD_GIT_ERROR_NOT_FOUND;

    case GIT_EEXISTS:
      return ACCORD_GIT_ERROR_EXISTS;

    case GIT_ECONFLICT:
    case GIT_EMERGECONFLICT:
    case GIT_EUNCOMMITTED:
    case GIT_EDIRECTORY:
      return ACCORD_GIT_ERROR_CONFLICT;

    case GIT_ENONFASTFORWARD:
      return ACCORD_GIT_ERROR_NOT_FAST_FORWARD;

    case GIT_EAUTH:
    case GIT_ECERTIFICATE:
      return ACCORD_GIT_ERROR_AUTH;

    default:
      break;
    }

  if (klass == GIT_ERROR_NET || klass == GIT_ERROR_SSH || klass == GIT_ERROR_HTTP)
    return ACCORD_GIT_ERROR_NETWORK;

  return ACCORD_GIT_ERROR_FAILED;
}

/*
 * _accord_git_check:
 * @rc: the return code of a libgit2 call
 * @what: a sentence fragment naming what was being done, translated unless
 *   the error only goes to the debug log
 * @error: return location for a #GError
 *
 * Turns a negative libgit2 return code into a #GError whose message starts
 * with @what and ends with libgit2's own explanation, when it gave one
 * (git_error_last() may return %NULL in libgit2 1.5).
 *
 * Returns: %TRUE when @rc is not an error
 */
gboolean
_accord_git_check (int          rc,
                   const char  *what,
                   GError     **error)
{
  const git_error *last;

  if (rc >= 0)
    return TRUE;

  last = git_error_last ();

  if (last != NULL && last->message != NULL && last->message[0] != '\0')
    g_set_error (error, ACCORD_GIT_ERROR, error_code_from_git (rc, last->klass),
                 "%s: %s", what, last->message);
  else
    g_set_error (error, ACCORD_GIT_ERROR, error_code_from_git (rc, GIT_ERROR_NONE),
                 _("%s: git error %d"), what, rc);

  git_error_clear ();

  return FALSE;
}
