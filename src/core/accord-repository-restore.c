/* accord-repository-restore.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-repository"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-git-private.h"
#include "accord-repository-private.h"

/*
 * Bringing back what a revision had, saved as a new revision, and
 * discarding unsaved changes.
 */

static gboolean
check_no_unsaved (AccordRepository  *self,
                  const char        *only_path,
                  GError           **error)
{
  g_autoptr(GPtrArray) changes = accord_repository_status (self, error);

  if (changes == NULL)
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (changes, i);

      if (only_path != NULL && !g_str_equal (change->path, only_path))
        continue;

      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAVED_CHANGES,
                   _("“%s” has unsaved changes: save or discard them before restoring"),
                   change->path);
      return FALSE;
    }

  return TRUE;
}

/* Finds the file of @entity_id in @tree or else in the work tree; @found
 * is set to %NULL when neither has it. */
static gboolean
find_entity_path (AccordRepository  *self,
                  git_tree          *tree,
                  const char        *entity_id,
                  char             **found,
                  GError           **error)
{
  *found = NULL;

  if (g_str_equal (entity_id, "strategy"))
    {
      *found = g_strdup ("strategy.md");
      return TRUE;
    }

  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_autofree char *path = g_strconcat (accord_entity_kind_get_directory (kind), "/",
                                           entity_id, ".md", NULL);
      g_autofree char *full = _accord_repository_join_path (self, path);
      g_autoptr(git_tree_entry) entry = NULL;
      int rc = git_tree_entry_bypath (&entry, tree, path);

      if (rc == GIT_ENOTFOUND)
        git_error_clear ();
      else if (!_accord_git_check (rc, _("Could not read the revision"), error))
        return FALSE;

      if (entry != NULL || g_file_test (full, G_FILE_TEST_EXISTS))
        {
          *found = g_steal_pointer (&path);
          return TRUE;
        }
    }

  return TRUE;
}

static gboolean
restore_path (AccordRepository  *self,
              git_tree          *tree,
              const char        *path,
              GError           **error)
{
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  int rc;

  /* A file the revision does not have goes. */
  rc = git_tree_entry_bypath (&entry, tree, path);
  if (rc == GIT_ENOTFOUND)
    {
      git_error_clear ();
      return _accord_repository_delete_file (self, path, error);
    }

  if (!_accord_git_check (rc, _("Could not read the revision"), error) ||
      !_accord_git_check (git_blob_lookup (&blob, self->git, git_tree_entry_id (entry)),
                          _("Could not read the revision"), error))
    return FALSE;

  bytes = g_bytes_new (git_blob_rawcontent (blob), git_blob_rawsize (blob));

  return _accord_repository_write_file (self, path, bytes, error);
}

static gboolean
restore_everything (AccordRepository  *self,
                    git_tree          *tree,
                    GPtrArray         *paths,
                    GError           **error)
{
  g_autoptr(git_tree) head_tree = NULL;
  g_autoptr(git_commit) head = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_change_free);

  if (!_accord_repository_lookup_commit (self, "HEAD", &head, error) ||
      !_accord_git_check (git_commit_tree (&head_tree, head), _("Could not read the revision"),
                          error) ||
      !_accord_repository_diff_trees (self->git, head_tree, tree, "", changes, error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (changes, i);

      if (!_accord_repository_is_strategy_path (change->path))
        continue;

      if (!restore_path (self, tree, change->path, error))
        return FALSE;

      g_ptr_array_add (paths, g_strdup (change->path));
    }

  return TRUE;
}

/* Puts back the files a restore wrote, as the last revision has them:
 * they had no unsaved changes, so nothing else is lost. */
static void
undo_restore (AccordRepository *self,
              GPtrArray        *paths)
{
  g_autoptr(git_commit) head = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GError) error = NULL;

  if (!_accord_repository_lookup_commit (self, "HEAD", &head, &error) ||
      !_accord_git_check (git_commit_tree (&tree, head), _("Could not read the last revision"),
                          &error))
    {
      g_warning ("Could not put back the files of a restore: %s", error->message);
      return;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (!restore_path (self, tree, path, &error))
        {
          g_warning ("Could not put back %s: %s", path, error->message);
          g_clear_error (&error);
        }
    }
}

/**
 * accord_repository_restore:
 * @self: an #AccordRepository
 * @revision: the revision to take the content from
 * @entity_id: (nullable): the entity to restore, or %NULL for the whole strategy
 * @author: (nullable): "Name <e-mail>", or %NULL for git's configuration
 * @error: return location for a #GError
 *
 * Brings back the entity (or the whole strategy) as it was in @revision,
 * and saves that as a new revision: history is never rewritten. An entity
 * that did not exist in @revision is removed. Fails when the files it
 * would overwrite have unsaved changes.
 *
 * Returns: (transfer full): the new revision's id
 */
char *
accord_repository_restore (AccordRepository  *self,
                           const char        *revision,
                           const char        *entity_id,
                           const char        *author,
                           GError           **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  g_autoptr(git_signature) signature = NULL;
  char *saved;
  char short_id[8];

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (revision != NULL, NULL);

  if (!(signature = _accord_repository_make_signature (self->git, author, error)) ||
      !_accord_repository_check_folders (self, error))
    return NULL;

  if (!_accord_repository_lookup_commit (self, revision, &commit, error) ||
      !_accord_git_check (git_commit_tree (&tree, commit), _("Could not read the revision"), error))
    return NULL;

  git_oid_tostr (short_id, sizeof short_id, git_commit_id (commit));

  if (entity_id != NULL)
    {
      if (!accord_id_is_valid (entity_id))
        {
          g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION,
                       _("“%s” is not an entity id"), entity_id);
          return NULL;
        }

      if (!find_entity_path (self, tree, entity_id, &path, error))
        return NULL;
      if (path == NULL)
        {
          g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION,
                       _("“%s” exists neither now nor in revision %s"), entity_id, short_id);
          return NULL;
        }

      if (!check_no_unsaved (self, path, error) ||
          !restore_path (self, tree, path, error))
        return NULL;

      g_ptr_array_add (paths, g_strdup (path));
      /* Translators: %s is an entity id, %s a revision id. */
      message = g_strdup_printf (_("Restore %s as of revision %s"), entity_id, short_id);
    }
  else
    {
      if (!check_no_unsaved (self, NULL, error) ||
          !restore_everything (self, tree, paths, error))
        return NULL;

      message = g_strdup_printf (_("Restore the strategy as of revision %s"), short_id);
    }

  saved = _accord_repository_commit_paths (self, paths, message, author, error);
  if (saved == NULL)
    undo_restore (self, paths);

  return saved;
}

/**
 * accord_repository_discard:
 * @self: an #AccordRepository
 * @error: return location for a #GError
 *
 * Throws away the unsaved changes: every file of the strategy goes back to
 * what the last revision has, and files it does not have are deleted.
 * Files that are not the strategy's are left alone.
 *
 * Returns: %TRUE if every change was undone
 */
gboolean
accord_repository_discard (AccordRepository  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(git_commit) head = NULL;
  g_autoptr(git_tree) tree = NULL;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), FALSE);

  if (!(changes = accord_repository_status (self, error)) ||
      !_accord_repository_lookup_commit (self, "HEAD", &head, error) ||
      !_accord_git_check (git_commit_tree (&tree, head), _("Could not read the last revision"),
                          error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (changes, i);

      if (_accord_repository_is_strategy_path (change->path) &&
          !restore_path (self, tree, change->path, error))
        return FALSE;
    }

  _accord_repository_forget_written (self, NULL);

  return TRUE;
}
