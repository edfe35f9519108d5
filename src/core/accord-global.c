/* accord-global.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-global"

#include "config.h"

#include <glib/gi18n.h>
#include <git2.h>
#include <sqlite3.h>

#include "accord-errors.h"
#include "accord-git-private.h"
#include "accord-global.h"
#include "accord-sqlite-private.h"

G_DEFINE_QUARK (accord-runtime-error-quark, accord_runtime_error)
G_DEFINE_QUARK (accord-git-error-quark, accord_git_error)
G_DEFINE_QUARK (accord-store-error-quark, accord_store_error)

/**
 * accord_init:
 *
 * Prepares the libraries libaccord stands on. Call it once before any other
 * libaccord function; later calls do nothing.
 */
void
accord_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* libgit2 keeps a reference count of its initialisations; we take one
       * for the life of the process and never shut it down, so that worker
       * threads can use it until exit. */
      git_libgit2_init ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * accord_get_version:
 *
 * Returns: (transfer none): the version of libaccord, such as "0.2.0".
 */
const char *
accord_get_version (void)
{
  return PACKAGE_VERSION;
}

static gboolean
sqlite_has_fts5 (char **message)
{
  g_autoptr(AccordSqlite) db = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db,
                       "CREATE VIRTUAL TABLE probe USING fts5"
                       " (body, tokenize = 'unicode61 remove_diacritics 2')",
                       NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      if (message != NULL)
        *message = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/**
 * accord_check_runtime:
 * @error: return location for a #GError
 *
 * Checks that libgit2 and sqlite were built with what Accord needs: thread
 * safety in libgit2 (work runs in worker threads) and the FTS5 full-text
 * search module with the unicode61 tokenizer in sqlite.
 *
 * Returns: %TRUE if every feature is present
 */
gboolean
accord_check_runtime (GError **error)
{
  g_autofree char *fts5_message = NULL;

  accord_init ();

  if ((git_libgit2_features () & GIT_FEATURE_THREADS) == 0)
    {
      g_set_error_literal (error,
                           ACCORD_RUNTIME_ERROR,
                           ACCORD_RUNTIME_ERROR_MISSING_FEATURE,
                           _("The git library was built without thread support"));
      return FALSE;
    }

  if (!sqlite3_threadsafe ())
    {
      g_set_error_literal (error,
                           ACCORD_RUNTIME_ERROR,
                           ACCORD_RUNTIME_ERROR_MISSING_FEATURE,
                           _("The SQLite library was built without thread support"));
      return FALSE;
    }

  if (!sqlite_has_fts5 (&fts5_message))
    {
      g_set_error (error,
                   ACCORD_RUNTIME_ERROR,
                   ACCORD_RUNTIME_ERROR_MISSING_FEATURE,
                   _("The SQLite library cannot do full-text search (FTS5): %s"),
                   fts5_message);
      return FALSE;
    }

  return TRUE;
}

/**
 * accord_dup_runtime_info:
 *
 * Describes libaccord and the libraries it runs on, for "about" pages and
 * bug reports.
 *
 * Returns: (transfer full): a floating-free `a{sv}` variant with the keys
 *   `version`, `libgit2-version`, `libgit2-threads`, `libgit2-https`,
 *   `libgit2-ssh`, `sqlite-version` and `sqlite-fts5`.
 */
GVariant *
accord_dup_runtime_info (void)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autofree char *git_version = NULL;
  int major, minor, rev;
  int features;

  accord_init ();

  git_libgit2_version (&major, &minor, &rev);
  git_version = g_strdup_printf ("%d.%d.%d", major, minor, rev);
  features = git_libgit2_features ();

  g_variant_builder_add (&builder, "{sv}", "version",
                         g_variant_new_string (PACKAGE_VERSION));
  g_variant_builder_add (&builder, "{sv}", "libgit2-version",
                         g_variant_new_string (git_version));
  g_variant_builder_add (&builder, "{sv}", "libgit2-threads",
                         g_variant_new_boolean ((features & GIT_FEATURE_THREADS) != 0));
  g_variant_builder_add (&builder, "{sv}", "libgit2-https",
                         g_variant_new_boolean ((features & GIT_FEATURE_HTTPS) != 0));
  g_variant_builder_add (&builder, "{sv}", "libgit2-ssh",
                         g_variant_new_boolean ((features & GIT_FEATURE_SSH) != 0));
  g_variant_builder_add (&builder, "{sv}", "sqlite-version",
                         g_variant_new_string (sqlite3_libversion ()));
  g_variant_builder_add (&builder, "{sv}", "sqlite-fts5",
                         g_variant_new_boolean (sqlite_has_fts5 (NULL)));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* A value of @config as a new string, or NULL when it is missing or empty:
 * git itself refuses an empty name or e-mail address. */
static char *
dup_config_string (git_config *config,
                   const char *key)
{
  const char *value = NULL;

  if (git_config_get_string (&value, config, key) < 0)
    {
      git_error_clear ();
      return NULL;
    }

  if (value == NULL || *value == '\0')
    return NULL;

  return g_strdup (value);
}

/**
 * accord_get_git_identity:
 * @name: (out) (optional) (nullable) (transfer full): return location for
 *   git's `user.name`, or %NULL when it is not set
 * @email: (out) (optional) (nullable) (transfer full): return location for
 *   git's `user.email`, or %NULL when it is not set
 *
 * Reads who the user is to git: `user.name` and `user.email` from the
 * user's own configuration (`~/.gitconfig`, `$XDG_CONFIG_HOME/git/config`)
 * and the system's (`/etc/gitconfig`), the configuration a revision is
 * signed with when no author is given. A strategy's own `.git/config` is
 * not read. Empty values count as not set.
 *
 * Returns: %TRUE if at least one of the two is set
 */
gboolean
accord_get_git_identity (char **name,
                         char **email)
{
  g_autoptr(git_config) config = NULL;
  g_autoptr(git_config) snapshot = NULL;
  g_autofree char *found_name = NULL;
  g_autofree char *found_email = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;

  accord_init ();

  /* A snapshot, because strings read from a live configuration may be
   * freed when it reloads its files. */
  if (_accord_git_check (git_config_open_default (&config), "Could not read git’s configuration",
                         &error) &&
      _accord_git_check (git_config_snapshot (&snapshot, config),
                         "Could not read git’s configuration", &error))
    {
      found_name = dup_config_string (snapshot, "user.name");
      found_email = dup_config_string (snapshot, "user.email");
    }
  else
    g_debug ("%s", error->message);

  found = found_name != NULL || found_email != NULL;

  if (name != NULL)
    *name = g_steal_pointer (&found_name);
  if (email != NULL)
    *email = g_steal_pointer (&found_email);

  return found;
}
