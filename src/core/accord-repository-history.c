/* accord-repository-history.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-repository"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-git-private.h"
#include "accord-repository-private.h"

/*
 * The history: revisions by name, what each changed, and milestones.
 */

/* Whether libgit2 answered that a name does not name a revision (no such
 * name, a name too short to tell, a file or folder rather than a commit,
 * no revision yet), rather than that the repository could not be read. */
static gboolean
is_unknown_revision (int rc)
{
  return rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC ||
         rc == GIT_EPEEL || rc == GIT_EUNBORNBRANCH;
}

gboolean
_accord_repository_lookup_commit (AccordRepository  *self,
                                  const char        *revision,
                                  git_commit       **commit,
                                  GError           **error)
{
  g_autoptr(git_object) object = NULL;
  const char *name = revision != NULL ? revision : "HEAD";
  int rc;

  rc = git_revparse_single (&object, self->git, name);
  if (rc == 0)
    rc = git_object_peel ((git_object **) commit, object, GIT_OBJECT_COMMIT);

  if (is_unknown_revision (rc))
    {
      git_error_clear ();
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION,
                   _("There is no revision “%s”"), name);
      return FALSE;
    }

  return _accord_git_check (rc, _("Could not read the revision"), error);
}

/**
 * accord_repository_resolve:
 * @self: an #AccordRepository
 * @revision: a revision name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the full id of the commit @revision names
 */
char *
accord_repository_resolve (AccordRepository  *self,
                           const char        *revision,
                           GError           **error)
{
  g_autoptr(git_commit) commit = NULL;
  char hex[GIT_OID_HEXSZ + 1];

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  if (!_accord_repository_lookup_commit (self, revision, &commit, error))
    return NULL;

  git_oid_tostr (hex, sizeof hex, git_commit_id (commit));

  return g_strdup (hex);
}

/**
 * accord_repository_dup_head:
 * @self: an #AccordRepository
 *
 * Returns: (transfer full) (nullable): the id of the last revision
 */
char *
accord_repository_dup_head (AccordRepository *self)
{
  return accord_repository_resolve (self, "HEAD", NULL);
}

/* Compares two trees folder by folder, skipping folders whose tree id did
 * not change, and adds the files that differ to @changes. */
gboolean
_accord_repository_diff_trees (git_repository  *git,
                               git_tree        *old_tree,
                               git_tree        *new_tree,
                               const char      *prefix,
                               GPtrArray       *changes,
                               GError         **error)
{
  size_t old_count = old_tree != NULL ? git_tree_entrycount (old_tree) : 0;
  size_t new_count = new_tree != NULL ? git_tree_entrycount (new_tree) : 0;
  size_t i = 0, j = 0;

  while (i < old_count || j < new_count)
    {
      const git_tree_entry *a = i < old_count ? git_tree_entry_byindex (old_tree, i) : NULL;
      const git_tree_entry *b = j < new_count ? git_tree_entry_byindex (new_tree, j) : NULL;
      int order = a == NULL ? 1 : b == NULL ? -1
                                            : strcmp (git_tree_entry_name (a), git_tree_entry_name (b));
      const git_tree_entry *entry = order <= 0 ? a : b;
      g_autofree char *path = g_strconcat (prefix, git_tree_entry_name (entry), NULL);

      if (order == 0 && git_oid_equal (git_tree_entry_id (a), git_tree_entry_id (b)))
        {
          /* Same content: nothing below it changed. */
        }
      else if ((a == NULL || order > 0 || git_tree_entry_type (a) == GIT_OBJECT_TREE) &&
               (b == NULL || order < 0 || git_tree_entry_type (b) == GIT_OBJECT_TREE) &&
               git_tree_entry_type (entry) == GIT_OBJECT_TREE)
        {
          g_autoptr(git_tree) sub_old = NULL;
          g_autoptr(git_tree) sub_new = NULL;
          g_autofree char *sub_prefix = g_strconcat (path, "/", NULL);

          if (order <= 0 &&
              !_accord_git_check (git_tree_lookup (&sub_old, git, git_tree_entry_id (a)),
                                  _("Could not read the revision"), error))
            return FALSE;
          if (order >= 0 &&
              !_accord_git_check (git_tree_lookup (&sub_new, git, git_tree_entry_id (b)),
                                  _("Could not read the revision"), error))
            return FALSE;
          if (!_accord_repository_diff_trees (git, sub_old, sub_new, sub_prefix, changes, error))
            return FALSE;
        }
      else
        g_ptr_array_add (changes, _accord_change_new (path, order < 0 ? ACCORD_CHANGE_REMOVED
                                                          : order > 0 ? ACCORD_CHANGE_ADDED
                                                                      : ACCORD_CHANGE_MODIFIED));

      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }

  return TRUE;
}

/* Notes which revision the tag @name marks. A failure to read it is
 * returned, and git_tag_foreach() returns it. */
static int
collect_tag_cb (const char *name,
                git_oid    *oid,
                void       *user_data)
{
  struct { git_repository *git; GHashTable *tags; } *data = user_data;
  g_autoptr(git_object) object = NULL;
  g_autoptr(git_object) target = NULL;
  char hex[GIT_OID_HEXSZ + 1];
  GPtrArray *names;
  int rc;

  if ((rc = git_object_lookup (&object, data->git, oid, GIT_OBJECT_ANY)) < 0)
    return rc;

  /* A tag of a folder or a file marks no revision: it is no milestone. */
  rc = git_object_peel (&target, object, GIT_OBJECT_COMMIT);
  if (rc == GIT_EPEEL || rc == GIT_EINVALIDSPEC)
    {
      git_error_clear ();
      return 0;
    }
  if (rc < 0)
    return rc;

  git_oid_tostr (hex, sizeof hex, git_object_id (target));
  names = g_hash_table_lookup (data->tags, hex);
  if (names == NULL)
    {
      names = g_ptr_array_new_null_terminated (1, g_free, TRUE);
      g_hash_table_insert (data->tags, g_strdup (hex), names);
    }

  g_ptr_array_add (names, g_strdup (name + strlen ("refs/tags/")));

  return 0;
}

static AccordRevision *
revision_from_commit (AccordRepository  *self,
                      git_commit        *commit,
                      GHashTable        *tags,
                      GError           **error)
{
  g_autoptr(AccordRevision) revision = g_new0 (AccordRevision, 1);
  const git_signature *author = git_commit_author (commit);
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree) parent_tree = NULL;
  char hex[GIT_OID_HEXSZ + 1];
  GPtrArray *names;

  git_oid_tostr (hex, sizeof hex, git_commit_id (commit));
  revision->id = g_strdup (hex);
  revision->author_name = g_strdup (author->name);
  revision->author_email = g_strdup (author->email);
  revision->time = author->when.time;
  revision->offset = author->when.offset;
  revision->message = g_strdup (git_commit_message (commit));
  g_strchomp (revision->message);

  names = g_hash_table_lookup (tags, hex);
  revision->tags = names != NULL ? g_strdupv ((char **) names->pdata) : g_new0 (char *, 1);

  revision->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_change_free);

  if (!_accord_git_check (git_commit_tree (&tree, commit), _("Could not read the history"),
                          error))
    return NULL;

  /* The first revision is compared with nothing: it added every file. */
  if (git_commit_parentcount (commit) > 0 &&
      (!_accord_git_check (git_commit_parent (&parent, commit, 0),
                           _("Could not read the history"), error) ||
       !_accord_git_check (git_commit_tree (&parent_tree, parent),
                           _("Could not read the history"), error)))
    return NULL;

  if (!_accord_repository_diff_trees (self->git, parent_tree, tree, "", revision->changes, error))
    return NULL;

  return g_steal_pointer (&revision);
}

/**
 * accord_repository_log:
 * @self: an #AccordRepository
 * @revision: (nullable): where to start, or %NULL for the last revision
 * @max_count: how many revisions at most, or 0 for all
 * @error: return location for a #GError
 *
 * The history: revisions from @revision back to the first, newest first,
 * each with the files it changed and its milestones.
 *
 * Returns: (transfer full) (element-type AccordRevision): the revisions
 */
GPtrArray *
accord_repository_log (AccordRepository  *self,
                       const char        *revision,
                       guint              max_count,
                       GError           **error)
{
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  struct { git_repository *git; GHashTable *tags; } tag_data = { self->git, tags };
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(git_commit) start = NULL;
  git_oid id;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  if (!_accord_repository_lookup_commit (self, revision, &start, error))
    return NULL;

  if (!_accord_git_check (git_tag_foreach (self->git, collect_tag_cb, &tag_data),
                          _("Could not read the history"), error) ||
      !_accord_git_check (git_revwalk_new (&walk, self->git),
                          _("Could not read the history"), error))
    return NULL;

  /* Git's own order, newest first, yields revisions as it goes: sorting
   * by time or topology would first read the whole history. */
  if (!_accord_git_check (git_revwalk_sorting (walk, GIT_SORT_NONE),
                          _("Could not read the history"), error) ||
      !_accord_git_check (git_revwalk_push (walk, git_commit_id (start)),
                          _("Could not read the history"), error))
    return NULL;

  revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_revision_free);

  while (max_count == 0 || revisions->len < max_count)
    {
      g_autoptr(git_commit) commit = NULL;
      AccordRevision *next;
      int rc = git_revwalk_next (&id, walk);

      if (rc == GIT_ITEROVER)
        break;

      if (!_accord_git_check (rc, _("Could not read the history"), error) ||
          !_accord_git_check (git_commit_lookup (&commit, self->git, &id),
                              _("Could not read the history"), error) ||
          !(next = revision_from_commit (self, commit, tags, error)))
        return NULL;

      g_ptr_array_add (revisions, next);
    }

  return g_steal_pointer (&revisions);
}

/**
 * accord_repository_tag:
 * @self: an #AccordRepository
 * @name: the milestone's name, such as "consultation-1"
 * @message: what the milestone marks
 * @author: (nullable): "Name <e-mail>", or %NULL for git's configuration
 * @error: return location for a #GError
 *
 * Marks the last revision as a milestone: an annotated git tag.
 *
 * Returns: %TRUE if the milestone was made
 */
gboolean
accord_repository_tag (AccordRepository  *self,
                       const char        *name,
                       const char        *message,
                       const char        *author,
                       GError           **error)
{
  return accord_repository_tag_revision (self, "HEAD", name, message, author, error);
}

/**
 * accord_repository_tag_revision:
 * @self: an #AccordRepository
 * @revision: the revision to mark, such as an id from accord_repository_log()
 * @name: the milestone's name, such as "consultation-1"
 * @message: what the milestone marks
 * @author: (nullable): "Name <e-mail>", or %NULL for git's configuration
 * @error: return location for a #GError
 *
 * Marks @revision as a milestone: an annotated git tag. A milestone is
 * often named afterwards ("the version we sent out").
 *
 * Returns: %TRUE if the milestone was made
 */
gboolean
accord_repository_tag_revision (AccordRepository  *self,
                                const char        *revision,
                                const char        *name,
                                const char        *message,
                                const char        *author,
                                GError           **error)
{
  g_autoptr(git_signature) signature = NULL;
  g_autoptr(git_commit) target = NULL;
  g_autofree char *reference = NULL;
  git_oid id;
  int valid = 0;
  int rc;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (revision != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  reference = g_strconcat ("refs/tags/", name, NULL);
  if (!_accord_git_check (git_reference_name_is_valid (&valid, reference),
                          _("Could not make the milestone"), error))
    return FALSE;

  if (!valid || *name == '-')
    {
      git_error_clear ();
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_INVALID_NAME,
                   _("“%s” cannot name a milestone: use letters, digits, dots and dashes"), name);
      return FALSE;
    }

  if (!(signature = _accord_repository_make_signature (self->git, author, error)))
    return FALSE;

  if (!_accord_repository_lookup_commit (self, revision, &target, error))
    return FALSE;

  rc = git_tag_create (&id, self->git, name, (git_object *) target, signature,
                       message != NULL ? message : name, FALSE);
  if (rc == GIT_EEXISTS)
    {
      git_error_clear ();
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS,
                   _("There is already a milestone named “%s”"), name);
      return FALSE;
    }

  return _accord_git_check (rc, _("Could not make the milestone"), error);
}
