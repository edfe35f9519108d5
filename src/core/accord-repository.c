/* accord-repository.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-repository"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-entity-private.h"
#include "accord-format-private.h"
#include "accord-git-private.h"
#include "accord-global.h"
#include "accord-repository-private.h"
#include "accord-strategy-private.h"

/*
 * A strategy is a git repository with a work tree. The work tree always
 * holds a complete strategy; what differs from HEAD are the unsaved
 * changes. Saving commits them; nothing here ever rewrites history.
 *
 * A libgit2 repository handle serves one thread at a time, so each
 * AccordRepository belongs to the thread that opened it; workers open
 * their own.
 */

G_DEFINE_FINAL_TYPE (AccordRepository, accord_repository, G_TYPE_OBJECT)

G_DEFINE_QUARK (accord-repository-error-quark, accord_repository_error)

/* What .gitattributes says in a new strategy: entity files are text, with
 * LF line endings everywhere, and diffs show Markdown section context. */
static const char gitattributes[] =
  "# Accord strategy: every entity is a UTF-8 Markdown file.\n"
  "*.md text eol=lf diff=markdown\n";

static void
accord_repository_finalize (GObject *object)
{
  AccordRepository *self = ACCORD_REPOSITORY (object);

  g_clear_pointer (&self->git, git_repository_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);
  if (self->lock_fd >= 0)
    close (self->lock_fd);

  G_OBJECT_CLASS (accord_repository_parent_class)->finalize (object);
}

static void
accord_repository_class_init (AccordRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accord_repository_finalize;
}

static void
accord_repository_init (AccordRepository *self)
{
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->left_out = g_ptr_array_new_with_free_func (g_free);
  self->lock_fd = -1;
}

static gboolean
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO,
               /* Translators: the first %s is a file, the second why it failed. */
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

char *
_accord_repository_join_path (AccordRepository *self,
                              const char       *relative)
{
  return g_build_filename (self->path, relative, NULL);
}

/* Refuses to write through a folder of the work tree that is a link. */
static gboolean
check_folder (AccordRepository  *self,
              const char        *dir,
              const char        *relative,
              GError           **error)
{
  GStatBuf info;

  if (g_lstat (dir, &info) == 0 && S_ISLNK (info.st_mode) && !g_str_equal (dir, self->path))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO,
                   _("Could not write “%s”: its folder is a symbolic link"), relative);
      return FALSE;
    }

  return TRUE;
}

/* Writes @bytes to @relative in the work tree through a temporary file
 * renamed into place, so that a crash leaves either version whole. */
gboolean
_accord_repository_write_file (AccordRepository  *self,
                               const char        *relative,
                               GBytes            *bytes,
                               GError           **error)
{
  g_autofree char *path = _accord_repository_join_path (self, relative);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!check_folder (self, dir, relative, error))
    return FALSE;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    return set_io_error (error, relative, errno);

  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &local_error))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO,
                   "%s", local_error->message);
      return FALSE;
    }

  g_hash_table_add (self->written, g_strdup (relative));

  return TRUE;
}

gboolean
_accord_repository_delete_file (AccordRepository  *self,
                                const char        *relative,
                                GError           **error)
{
  g_autofree char *path = _accord_repository_join_path (self, relative);
  g_autofree char *dir = g_path_get_dirname (path);

  if (!check_folder (self, dir, relative, error))
    return FALSE;

  if (g_unlink (path) != 0 && errno != ENOENT)
    return set_io_error (error, relative, errno);

  g_hash_table_add (self->written, g_strdup (relative));

  return TRUE;
}

static AccordRepository *
repository_new (const char     *path,
                git_repository *git)
{
  AccordRepository *self = g_object_new (ACCORD_TYPE_REPOSITORY, NULL);

  self->path = g_canonicalize_filename (path, NULL);
  self->git = git;

  return self;
}

/* A new repository at @path, its branch named "main". */
static AccordRepository *
init_repository (const char  *path,
                 guint32      flags,
                 GError     **error)
{
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  g_autoptr(git_repository) git = NULL;

  options.flags = flags | GIT_REPOSITORY_INIT_NO_REINIT;
  options.initial_head = "main";

  if (!_accord_git_check (git_repository_init_ext (&git, path, &options),
                          _("Could not create the strategy’s repository"), error))
    return NULL;

  return repository_new (path, g_steal_pointer (&git));
}

static gboolean
write_attributes (AccordRepository  *self,
                  GError           **error)
{
  g_autoptr(GBytes) attributes = g_bytes_new_static (gitattributes, strlen (gitattributes));

  return _accord_repository_write_file (self, ".gitattributes", attributes, error);
}

static gboolean
save_first_revision (AccordRepository  *self,
                     const char        *author,
                     const char        *message,
                     GError           **error)
{
  g_autofree char *revision = NULL;

  revision = _accord_repository_commit_paths (self, NULL,
                                              message != NULL ? message : _("Create the strategy"),
                                              author, error);

  return revision != NULL;
}

/* Deletes what is in @path, without following symbolic links. */
static void
empty_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          empty_folder (child);
          g_rmdir (child);
        }
      else
        g_unlink (child);
    }
}

/**
 * accord_repository_create:
 * @path: a folder that does not exist yet, or is empty
 * @strategy: the strategy to store there
 * @author: (nullable): "Name <e-mail>", or %NULL for git's configuration
 * @message: (nullable): the first revision's message
 * @error: return location for a #GError
 *
 * Makes a new strategy repository at @path holding @strategy, with its
 * first revision saved on the branch "main".
 *
 * Returns: (transfer full): the repository
 */
AccordRepository *
accord_repository_create (const char      *path,
                          AccordStrategy  *strategy,
                          const char      *author,
                          const char      *message,
                          GError         **error)
{
  g_autoptr(AccordRepository) self = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(git_signature) signature = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (ACCORD_IS_STRATEGY (strategy), NULL);

  accord_init ();

  /* Check everything that can be checked before anything is written. */
  if (!(signature = _accord_repository_make_signature (NULL, author, error)))
    return NULL;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL && g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS,
                   _("“%s” is not empty: a new strategy needs an empty folder"), path);
      return NULL;
    }

  if (!(self = init_repository (path, GIT_REPOSITORY_INIT_MKPATH, error)))
    return NULL;

  if (!write_attributes (self, error) ||
      !accord_repository_write (self, strategy, error) ||
      !save_first_revision (self, author, message, error))
    {
      /* The folder was empty or did not exist: leave it empty again. */
      g_clear_object (&self);
      empty_folder (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * accord_repository_adopt:
 * @path: a folder holding a strategy's files, but no repository
 * @author: (nullable): "Name <e-mail>", or %NULL for git's configuration
 * @message: (nullable): the first revision's message
 * @error: return location for a #GError
 *
 * Makes the strategy in @path, copied from an archive or a bundled
 * example, a repository whose first revision holds its files.
 *
 * Returns: (transfer full): the repository
 */
AccordRepository *
accord_repository_adopt (const char  *path,
                         const char  *author,
                         const char  *message,
                         GError     **error)
{
  g_autoptr(AccordRepository) self = NULL;
  g_autoptr(git_signature) signature = NULL;
  g_autofree char *strategy_md = NULL;
  g_autofree char *dot_git = NULL;
  g_autofree char *attributes_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  accord_init ();

  if (!(signature = _accord_repository_make_signature (NULL, author, error)))
    return NULL;

  strategy_md = g_build_filename (path, "strategy.md", NULL);
  dot_git = g_build_filename (path, ".git", NULL);
  if (!g_file_test (strategy_md, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY,
                   _("“%s” is not a strategy: it has no strategy.md"), path);
      return NULL;
    }
  if (g_file_test (dot_git, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS,
                   _("“%s” is already a repository"), path);
      return NULL;
    }

  attributes_path = g_build_filename (path, ".gitattributes", NULL);
  if (!(self = init_repository (path, 0, error)) ||
      (!g_file_test (attributes_path, G_FILE_TEST_EXISTS) && !write_attributes (self, error)) ||
      !save_first_revision (self, author, message, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Whether two paths name the same folder. */
static gboolean
same_folder (const char *a,
             const char *b)
{
  GStatBuf first, second;

  return g_stat (a, &first) == 0 && g_stat (b, &second) == 0 &&
         first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

/* The strategy's folder must be the repository's work tree, and its .git
 * folder the repository: a core.worktree set elsewhere would make saves
 * take another folder's files, and a .git file pointing elsewhere keeps
 * the history where the folder's owner may not look. */
static gboolean
check_own_work_tree (git_repository  *git,
                     const char      *path,
                     GError         **error)
{
  g_autofree char *git_dir = g_build_filename (path, ".git", NULL);
  const char *workdir = git_repository_workdir (git);
  GStatBuf info;

  if (g_lstat (git_dir, &info) != 0 || !S_ISDIR (info.st_mode) ||
      !same_folder (git_dir, git_repository_path (git)))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAFE,
                   _("“%s” keeps its repository elsewhere (its .git is not a folder): Accord "
                     "works only with a repository inside the strategy’s folder"), path);
      return FALSE;
    }

  if (workdir == NULL || !same_folder (workdir, path))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAFE,
                   _("The repository of “%s” sets its work tree to another folder (core.worktree "
                     "= %s): Accord works only in the strategy’s own folder; remove the setting "
                     "with “git config --unset core.worktree”"), path,
                   workdir != NULL ? workdir : "");
      return FALSE;
    }

  return TRUE;
}

/* Puts the index back in step with the last revision where a killed save
 * left it behind (see _accord_repository_repair_index()); a repository
 * another program is writing is left to it. */
static void
repair_on_open (AccordRepository *self)
{
  g_autoptr(git_index) index = NULL;
  g_autoptr(git_reference) head = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GError) error = NULL;
  gboolean repaired = FALSE;

  if (git_repository_head (&head, self->git) != 0 ||
      git_reference_peel ((git_object **) &tree, head, GIT_OBJECT_TREE) != 0 ||
      git_repository_index (&index, self->git) != 0)
    {
      git_error_clear ();
      return;
    }

  if (!_accord_repository_index_may_be_behind (self, index))
    return;

  if (!_accord_repository_lock (self, &error))
    {
      g_debug ("Not repairing the index now: %s", error->message);
      return;
    }

  /* The killed save may have left git's lock on the index too. */
  if (_accord_repository_clear_stale_locks (self, &error) &&
      _accord_repository_repair_index (self, index, tree, &repaired, &error) && repaired)
    _accord_git_check (git_index_write (index), "Could not write the index", &error);
  if (error != NULL)
    {
      g_debug ("Could not repair the index: %s", error->message);

      /* What was put in step in memory only must not hide, from the next
       * save, that the file on disk still lags behind. */
      if (git_index_read (index, TRUE) != 0)
        git_error_clear ();
    }

  _accord_repository_unlock (self);
}

/**
 * accord_repository_open:
 * @path: the strategy's folder
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the repository at @path
 */
AccordRepository *
accord_repository_open (const char  *path,
                        GError     **error)
{
  g_autoptr(AccordRepository) self = NULL;
  g_autoptr(git_repository) git = NULL;
  g_autofree char *strategy_md = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  accord_init ();

  rc = git_repository_open_ext (&git, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
  if (rc == GIT_ENOTFOUND)
    {
      git_error_clear ();
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY,
                   _("“%s” is not a strategy: it is not a git repository"), path);
      return NULL;
    }
  if (!_accord_git_check (rc, _("Could not open the strategy"), error))
    return NULL;

  if (git_repository_is_bare (git))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY,
                   _("“%s” is a bare repository: a strategy needs a work tree"), path);
      return NULL;
    }

  if (!check_own_work_tree (git, path, error))
    return NULL;

  strategy_md = g_build_filename (path, "strategy.md", NULL);
  if (!g_file_test (strategy_md, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY,
                   _("“%s” is not a strategy: it has no strategy.md"), path);
      return NULL;
    }

  self = repository_new (path, g_steal_pointer (&git));
  repair_on_open (self);

  return g_steal_pointer (&self);
}

/**
 * accord_repository_get_path:
 * @self: an #AccordRepository
 *
 * Returns: (transfer none): the absolute path of the strategy's folder
 */
const char *
accord_repository_get_path (AccordRepository *self)
{
  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  return self->path;
}

/**
 * accord_repository_dup_git_dir:
 * @self: an #AccordRepository
 *
 * Returns: (transfer full): the repository's .git folder, where Accord's
 *   local workspace lives
 */
char *
accord_repository_dup_git_dir (AccordRepository *self)
{
  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  return g_strdup (git_repository_path (self->git));
}

/**
 * accord_repository_write:
 * @self: an #AccordRepository
 * @strategy: a strategy read from @self
 * @error: return location for a #GError
 *
 * Writes the entities of @strategy that changed to the work tree, and
 * deletes the files of those removed. Files of unchanged entities are not
 * touched, so reading and writing a strategy changes nothing.
 *
 * Returns: %TRUE if every file was written
 */
gboolean
accord_repository_write (AccordRepository  *self,
                         AccordStrategy    *strategy,
                         GError           **error)
{
  g_autoptr(GPtrArray) modified = NULL;
  g_autoptr(GPtrArray) removed = NULL;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_STRATEGY (strategy), FALSE);

  if (_accord_strategy_get_unreadable (strategy) &&
      accord_entity_get_modified (ACCORD_ENTITY (strategy)))
    {
      g_set_error_literal (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_IO,
                           _("strategy.md could not be read: correct it before changing "
                             "the strategy’s title or summary, so that nothing in it is lost"));
      return FALSE;
    }

  modified = _accord_strategy_dup_modified (strategy);
  for (guint i = 0; i < modified->len; i++)
    {
      AccordEntity *entity = g_ptr_array_index (modified, i);
      g_autofree char *path = accord_entity_dup_path (entity);
      g_autoptr(GBytes) bytes = _accord_format_write (entity);

      if (!_accord_repository_write_file (self, path, bytes, error))
        {
          /* What was not written stays to be written next time. */
          for (guint j = i; j < modified->len; j++)
            if (!ACCORD_IS_STRATEGY (g_ptr_array_index (modified, j)))
              _accord_strategy_note_modified (strategy, g_ptr_array_index (modified, j));
          return FALSE;
        }

      _accord_entity_set_modified (entity, FALSE);
    }

  removed = _accord_strategy_steal_removed (strategy);
  for (guint i = 0; i < removed->len; i++)
    {
      if (!_accord_repository_delete_file (self, g_ptr_array_index (removed, i), error))
        {
          /* Those not deleted stay to be deleted next time. */
          for (guint j = i; j < removed->len; j++)
            _accord_strategy_add_removed (strategy, g_ptr_array_index (removed, j));
          return FALSE;
        }
    }

  return TRUE;
}
