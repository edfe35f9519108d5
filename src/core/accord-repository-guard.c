/* accord-repository-guard.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-repository"

/* F_OFD_SETLK */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-git-private.h"
#include "accord-repository-private.h"
#include "accord-schema-private.h"

/*
 * What keeps a save inside the strategy and lets it survive being killed:
 *
 * - the strategy's folders must be real folders: a link could bring
 *   another folder's files into a revision, and record the strategy's own
 *   as removed;
 * - a file over the size limit, or one that is a link, is not saved;
 * - every write to the repository holds an advisory lock of Accord's own
 *   (.git/accord.lock, fcntl(), released by the kernel when the process
 *   dies), so that a lock file git uses (index.lock, a branch's .lock) can
 *   be known for one a killed save left: no Accord process writes, and no
 *   git process runs in the repository;
 * - a save killed between its commit and the index leaves the index
 *   behind HEAD: the entries whose file matches HEAD are put back in step.
 */

static const char * const entity_folders[] = {
  "sections", "objectives", "rounds", "participants", "comments", NULL
};

/**
 * _accord_repository_check_folders:
 *
 * Fails when a folder of the strategy is a symbolic link.
 */
gboolean
_accord_repository_check_folders (AccordRepository  *self,
                                  GError           **error)
{
  for (guint i = 0; entity_folders[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (self->path, entity_folders[i], NULL);
      GStatBuf info;

      if (g_lstat (path, &info) == 0 && !S_ISDIR (info.st_mode))
        {
          g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAFE,
                       S_ISLNK (info.st_mode)
                       ? _("The folder “%s” is a symbolic link: Accord reads and saves only the "
                           "strategy’s own folders; replace it with a real folder")
                       : _("“%s” is not a folder: Accord keeps the strategy’s entities there"),
                       entity_folders[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * _accord_repository_check_saved_file:
 * @relative: a strategy file about to go into a revision
 *
 * Fails when the file is larger than a strategy file may be, or is a
 * symbolic link: neither is saved.
 */
gboolean
_accord_repository_check_saved_file (AccordRepository  *self,
                                     const char        *relative,
                                     GError           **error)
{
  g_autofree char *path = _accord_repository_join_path (self, relative);
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return TRUE;

  if (S_ISLNK (info.st_mode))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAFE,
                   _("Nothing was saved: “%s” is a symbolic link, and Accord saves only plain "
                     "files"), relative);
      return FALSE;
    }

  if (info.st_size > ACCORD_MAX_FILE_SIZE)
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAFE,
                   _("Nothing was saved: “%s” is larger than 1 MiB, more than a strategy file "
                     "may hold"), relative);
      return FALSE;
    }

  return TRUE;
}

/* Open file description locks belong to the descriptor, not to the
 * process: two repositories open in one program (the window and a worker)
 * exclude each other too, and closing one does not release the other. */
#ifdef F_OFD_SETLK
# define LOCK_COMMAND F_OFD_SETLK
#else
# define LOCK_COMMAND F_SETLK
#endif

/* The process that holds the lock, as it wrote itself in the file, or 0. */
static pid_t
lock_holder (int fd)
{
  char text[32] = { 0, };

  if (pread (fd, text, sizeof text - 1, 0) <= 0)
    return 0;

  return (pid_t) atoi (text);
}

/* Writes our process id in the lock file, for a message to name it. */
static void
sign_lock (int fd)
{
  g_autofree char *text = g_strdup_printf ("%d\n", (int) getpid ());

  if (ftruncate (fd, 0) != 0 || pwrite (fd, text, strlen (text), 0) < 0)
    g_debug ("Could not write in the lock file: %s", g_strerror (errno));
}

/**
 * _accord_repository_lock:
 *
 * Takes Accord's lock on the repository for a write, waiting a few seconds
 * for another Accord process to finish its own. Locks nest.
 */
gboolean
_accord_repository_lock (AccordRepository  *self,
                         GError           **error)
{
  g_autofree char *path = NULL;
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  pid_t holder = 0;

  if (self->lock_depth++ > 0)
    return TRUE;

  path = g_build_filename (git_repository_path (self->git), "accord.lock", NULL);
  self->lock_fd = g_open (path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (self->lock_fd < 0)
    {
      int saved_errno = errno;

      self->lock_depth = 0;
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO,
                   _("Could not lock the strategy for saving: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  for (guint tries = 0; tries < 100; tries++)
    {
      if (fcntl (self->lock_fd, LOCK_COMMAND, &lock) == 0)
        {
          sign_lock (self->lock_fd);
          return TRUE;
        }
      if (errno != EACCES && errno != EAGAIN)
        break;
      holder = lock_holder (self->lock_fd);
      g_usleep (50 * 1000);
    }

  close (self->lock_fd);
  self->lock_fd = -1;
  self->lock_depth = 0;
  if (holder > 0)
    g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_BUSY,
                 _("Another Accord program (process %d) is saving this strategy; try again "
                   "when it has finished"), (int) holder);
  else
    g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_BUSY,
                 _("Could not lock the strategy for saving: %s"), g_strerror (errno));

  return FALSE;
}

void
_accord_repository_unlock (AccordRepository *self)
{
  g_assert (self->lock_depth > 0);

  if (--self->lock_depth == 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

/* Whether @dir is @root or inside it. */
static gboolean
is_within (const char *dir,
           const char *root)
{
  gsize length = strlen (root);

  while (length > 1 && root[length - 1] == '/')
    length--;

  return strncmp (dir, root, length) == 0 && (dir[length] == '\0' || dir[length] == '/');
}

/* A git process working in the repository (its current folder inside the
 * work tree or the .git folder), or 0. Read from /proc, where there is
 * one; elsewhere none is known. */
static pid_t
find_git_process (AccordRepository *self)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  if (proc == NULL)
    return 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *comm_path = NULL;
      g_autofree char *comm = NULL;
      g_autofree char *cwd_path = NULL;
      g_autofree char *cwd = NULL;

      if (!g_ascii_isdigit (name[0]) || atoi (name) == getpid ())
        continue;

      comm_path = g_build_filename ("/proc", name, "comm", NULL);
      if (!g_file_get_contents (comm_path, &comm, NULL, NULL) || !g_str_has_prefix (comm, "git"))
        continue;

      cwd_path = g_build_filename ("/proc", name, "cwd", NULL);
      cwd = g_file_read_link (cwd_path, NULL);
      if (cwd != NULL &&
          (is_within (cwd, self->path) || is_within (cwd, git_repository_path (self->git))))
        return (pid_t) atoi (name);
    }

  return 0;
}

/* The lock files git would meet saving on the current branch, relative to
 * the .git folder. */
static GPtrArray *
dup_git_lock_names (AccordRepository *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(git_reference) head = NULL;

  g_ptr_array_add (names, g_strdup ("index.lock"));
  g_ptr_array_add (names, g_strdup ("HEAD.lock"));
  g_ptr_array_add (names, g_strdup ("packed-refs.lock"));

  if (git_reference_lookup (&head, self->git, "HEAD") == 0 &&
      git_reference_type (head) == GIT_REFERENCE_SYMBOLIC)
    g_ptr_array_add (names, g_strconcat (git_reference_symbolic_target (head), ".lock", NULL));
  else
    git_error_clear ();

  return names;
}

/**
 * accord_repository_dup_leftover_locks:
 * @self: an #AccordRepository
 *
 * The lock files git uses that a save or a git command killed midway left
 * behind: no program running holds them, and the next save removes them.
 *
 * Returns: (transfer full) (element-type filename): their paths, relative
 *   to the strategy's folder
 */
GPtrArray *
accord_repository_dup_leftover_locks (AccordRepository *self)
{
  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  g_autoptr(GPtrArray) names = dup_git_lock_names (self);
  GPtrArray *leftover = g_ptr_array_new_with_free_func (g_free);
  const char *git_dir = git_repository_path (self->git);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (git_dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (leftover, g_build_filename (".git", g_ptr_array_index (names, i), NULL));
    }

  if (leftover->len > 0 && find_git_process (self) != 0)
    g_ptr_array_set_size (leftover, 0);

  return leftover;
}

/**
 * _accord_repository_clear_stale_locks:
 *
 * With Accord's own lock held: removes the git lock files a killed save
 * left, or fails when a git command running in the repository may hold
 * them.
 */
gboolean
_accord_repository_clear_stale_locks (AccordRepository  *self,
                                      GError           **error)
{
  g_autoptr(GPtrArray) names = dup_git_lock_names (self);
  const char *git_dir = git_repository_path (self->git);
  pid_t git_process = 0;

  g_assert (self->lock_depth > 0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (git_dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      if (git_process == 0 && (git_process = find_git_process (self)) != 0)
        {
          g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_BUSY,
                       _("A git command (process %d) is working in this strategy and holds "
                         "“.git/%s”; save again when it has finished"), (int) git_process, name);
          return FALSE;
        }

      g_debug ("Removing .git/%s, left by a save that was interrupted", name);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO,
                       _("Could not remove “.git/%s”, left by a save that was interrupted: %s"),
                       name, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* The modification time of @path in nanoseconds, or G_MININT64. */
static gint64
mtime_of (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return G_MININT64;

  return (gint64) info.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + info.st_mtim.tv_nsec;
}

/* Whether the branch moved after the index was last written: a save that
 * commits then writes the index never leaves it so, unless killed. */
gboolean
_accord_repository_index_may_be_behind (AccordRepository *self,
                                        git_index        *index)
{
  g_autoptr(git_reference) head = NULL;
  const char *git_dir = git_repository_path (self->git);
  g_autofree char *ref_path = NULL;
  gint64 ref_time;

  if (git_repository_head (&head, self->git) != 0)
    {
      git_error_clear ();
      return FALSE;
    }

  ref_path = g_build_filename (git_dir, git_reference_name (head), NULL);
  ref_time = mtime_of (ref_path);
  if (ref_time == G_MININT64)
    {
      g_autofree char *packed = g_build_filename (git_dir, "packed-refs", NULL);

      ref_time = mtime_of (packed);
    }

  return git_index_path (index) == NULL || ref_time > mtime_of (git_index_path (index));
}

/* Whether the work tree's @relative holds exactly the blob @id. */
static gboolean
work_tree_has (AccordRepository *self,
               const char       *relative,
               const git_oid    *id)
{
  g_autofree char *path = _accord_repository_join_path (self, relative);
  git_oid hashed;
  GStatBuf info;

  if (g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode) ||
      info.st_size > ACCORD_MAX_FILE_SIZE)
    return FALSE;

  if (git_odb_hashfile (&hashed, path, GIT_OBJECT_BLOB) != 0)
    {
      git_error_clear ();
      return FALSE;
    }

  return git_oid_equal (&hashed, id);
}

/**
 * _accord_repository_repair_index:
 * @index: the repository's index, read
 * @head: (nullable): the last revision's tree
 * @repaired: (out): whether any entry was changed
 *
 * Puts back in step with @head the entries of @index whose work-tree file
 * matches @head: those a save killed after its commit left behind. Other
 * differences (a git add, unsaved edits) are left as they are. Costs two
 * stat() calls unless the branch moved after the index was written.
 */
gboolean
_accord_repository_repair_index (AccordRepository  *self,
                                 git_index         *index,
                                 git_tree          *head,
                                 gboolean          *repaired,
                                 GError           **error)
{
  g_autoptr(git_diff) diff = NULL;

  *repaired = FALSE;

  if (head == NULL || !_accord_repository_index_may_be_behind (self, index))
    return TRUE;

  if (!_accord_git_check (git_diff_tree_to_index (&diff, self->git, head, index, NULL),
                          _("Could not compare the strategy with its last revision"), error))
    return FALSE;

  for (size_t d = 0; d < git_diff_num_deltas (diff); d++)
    {
      const git_diff_delta *delta = git_diff_get_delta (diff, d);
      const char *path = delta->old_file.path;
      int rc = 0;

      if (!_accord_repository_is_strategy_path (path))
        continue;

      if (delta->status == GIT_DELTA_ADDED)
        {
          g_autofree char *full = _accord_repository_join_path (self, delta->new_file.path);

          if (!g_file_test (full, G_FILE_TEST_EXISTS))
            rc = git_index_remove_bypath (index, delta->new_file.path);
          else
            continue;
        }
      else if ((delta->status == GIT_DELTA_MODIFIED || delta->status == GIT_DELTA_DELETED) &&
               work_tree_has (self, path, &delta->old_file.id))
        rc = git_index_add_bypath (index, path);
      else
        continue;

      if (!_accord_git_check (rc, _("Could not repair the list of saved files"), error))
        return FALSE;

      g_debug ("Put %s back in step with the last revision in the index", path);
      *repaired = TRUE;
    }

  return TRUE;
}
