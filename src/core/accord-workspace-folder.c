/* accord-workspace-folder.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-workspace"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "accord-errors.h"
#include "accord-workspace-private.h"

/*
 * The workspace's folder in the repository's git folder, and sqlite's
 * files in it. Accord alone writes there, so nothing found there may make
 * it write anywhere else: a link in place of the folder or of one of the
 * files, or anything that is not what Accord makes there (a file for the
 * folder, a folder for a file), is set aside, renamed next to itself so
 * that nothing is lost, and nothing is ever written through it.
 *
 * The folder is opened once without following a link, and every check and
 * rename goes through that descriptor. sqlite takes a path: it is given
 * one without links and told to refuse any (SQLITE_OPEN_NOFOLLOW), so that
 * a link made after the check makes opening fail instead of being
 * followed; and it opens its journal and shared memory with O_NOFOLLOW.
 */

#define FOLDER_NAME "accord"

/* The database, then the files sqlite keeps beside it. */
static const char * const database_files[] = {
  ACCORD_WORKSPACE_FILE,
  ACCORD_WORKSPACE_FILE "-wal",
  ACCORD_WORKSPACE_FILE "-shm",
  ACCORD_WORKSPACE_FILE "-journal",
};

/* How many names rename_aside() tries. */
#define MAX_ASIDE 10

/* Renames @name, in the folder @dir, "@name.broken", or "@name.broken-N"
 * when that name holds what it cannot replace (a folder, or a file for a
 * folder). @aside is set to the new name, or to %NULL when @name went away
 * meanwhile. */
static gboolean
rename_aside (int          dir,
              const char  *dir_path,
              const char  *name,
              char       **aside,
              GError     **error)
{
  int saved = 0;

  *aside = NULL;

  for (guint i = 0; i < MAX_ASIDE; i++)
    {
      g_autofree char *candidate = i == 0 ? g_strconcat (name, ".broken", NULL)
                                          : g_strdup_printf ("%s.broken-%u", name, i);

      if (renameat (dir, name, dir, candidate) == 0)
        {
          *aside = g_steal_pointer (&candidate);
          return TRUE;
        }

      saved = errno;
      if (saved == ENOENT)
        return TRUE;
      if (saved != EISDIR && saved != ENOTDIR && saved != ENOTEMPTY && saved != EEXIST)
        break;
    }

  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CANNOT_OPEN,
               _("Could not set %s/%s aside: %s"), dir_path, name, g_strerror (saved));

  return FALSE;
}

/* Sets aside @name, which is a link (@is_link) or is not the folder
 * (@folder) or plain file Accord keeps there, with a note saying so. */
static gboolean
set_aside_stranger (int          dir,
                    const char  *dir_path,
                    const char  *name,
                    gboolean     is_link,
                    gboolean     folder,
                    GError     **error)
{
  g_autofree char *aside = NULL;

  if (!rename_aside (dir, dir_path, name, &aside, error))
    return FALSE;

  if (aside == NULL)
    return TRUE;

  if (is_link)
    g_message (_("%s/%s was a link: it is set aside as %s, and nothing is written through it"),
               dir_path, name, aside);
  else if (folder)
    g_message (_("%s/%s is not a folder: it is set aside as %s, and a folder made in its place"),
               dir_path, name, aside);
  else
    g_message (_("%s/%s is not a plain file of its own: it is set aside as %s, and made anew"),
               dir_path, name, aside);

  return TRUE;
}

/* Whether @name in @dir, which is not the folder it should be, is a link:
 * what opening it said does not tell (ELOOP or ENOTDIR, depending on the
 * system). */
static gboolean
is_link_at (int         dir,
            const char *name)
{
  struct stat info;

  return fstatat (dir, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK (info.st_mode);
}

static int
open_folder_in (int          parent,
                const char  *parent_path,
                GError     **error)
{
  int saved = 0;

  /* Each turn removes one reason to fail; something that keeps putting
   * them back is not raced forever. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      int folder = openat (parent, FOLDER_NAME, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

      if (folder >= 0)
        return folder;

      saved = errno;
      if (saved == ENOENT)
        {
          if (mkdirat (parent, FOLDER_NAME, 0700) != 0 && errno != EEXIST)
            {
              saved = errno;
              break;
            }
        }
      else if (saved == ELOOP || saved == ENOTDIR)
        {
          if (!set_aside_stranger (parent, parent_path, FOLDER_NAME,
                                   is_link_at (parent, FOLDER_NAME), TRUE, error))
            return -1;
        }
      else
        break;
    }

  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CANNOT_OPEN,
               _("Could not create the workspace folder %s/%s: %s"), parent_path, FOLDER_NAME,
               g_strerror (saved));

  return -1;
}

/*
 * _accord_workspace_open_folder:
 * @git_dir: the repository's git folder
 * @path: (out) (transfer full): where the workspace folder is, as a path
 *   without links
 * @error: return location for a #GError
 *
 * Opens the workspace's folder in @git_dir, making it when there is none,
 * and setting aside whatever holds its name and is not a folder (a link
 * included).
 *
 * Returns: a descriptor of the folder, or -1
 */
int
_accord_workspace_open_folder (const char  *git_dir,
                               char       **path,
                               GError     **error)
{
  g_autofree char *real = NULL;
  int parent;
  int folder;

  /* The git folder may be reached through links (a home folder that is
   * one, say): only the workspace's own names must not be links. */
  if ((real = realpath (git_dir, NULL)) == NULL ||
      (parent = open (real, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
    {
      int saved = errno;

      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CANNOT_OPEN,
                   _("Could not open the git folder %s: %s"), git_dir, g_strerror (saved));
      return -1;
    }

  folder = open_folder_in (parent, real, error);
  close (parent);

  if (folder >= 0)
    *path = g_build_filename (real, FOLDER_NAME, NULL);

  return folder;
}

/*
 * _accord_workspace_check_files:
 * @folder: the workspace folder, from _accord_workspace_open_folder()
 * @folder_path: its path
 * @error: return location for a #GError
 *
 * Sets aside, before sqlite opens them, those of the database's files that
 * are not plain files of their own: links, folders and the like, and hard
 * links, whose other names are elsewhere.
 *
 * Returns: %TRUE unless one could not be set aside
 */
gboolean
_accord_workspace_check_files (int          folder,
                               const char  *folder_path,
                               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (database_files); i++)
    {
      struct stat info;

      if (fstatat (folder, database_files[i], &info, AT_SYMLINK_NOFOLLOW) != 0)
        {
          int saved = errno;

          if (saved == ENOENT)
            continue;

          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CANNOT_OPEN,
                       _("Could not open the workspace: %s/%s: %s"), folder_path,
                       database_files[i], g_strerror (saved));
          return FALSE;
        }

      if (S_ISREG (info.st_mode) && info.st_nlink <= 1)
        continue;

      if (!set_aside_stranger (folder, folder_path, database_files[i], S_ISLNK (info.st_mode),
                               FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/*
 * _accord_workspace_discard_files:
 * @folder: the workspace folder, from _accord_workspace_open_folder()
 * @folder_path: its path
 * @aside: (out) (transfer full) (optional) (nullable): the name the
 *   database was given, or %NULL when there was none
 * @error: return location for a #GError
 *
 * Sets a damaged database aside, closed, and removes the files sqlite kept
 * beside it: a journal left there would be played into the new database.
 *
 * Returns: %TRUE if the next opening makes a new database
 */
gboolean
_accord_workspace_discard_files (int          folder,
                                 const char  *folder_path,
                                 char       **aside,
                                 GError     **error)
{
  g_autofree char *database_aside = NULL;

  if (!rename_aside (folder, folder_path, database_files[0], &database_aside, error))
    return FALSE;

  for (guint i = 1; i < G_N_ELEMENTS (database_files); i++)
    {
      g_autofree char *ignored = NULL;

      if (unlinkat (folder, database_files[i], 0) != 0 && errno != ENOENT &&
          !rename_aside (folder, folder_path, database_files[i], &ignored, error))
        return FALSE;
    }

  if (aside != NULL)
    *aside = g_steal_pointer (&database_aside);

  return TRUE;
}
