/* accord-repository-commit.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-repository"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-format-private.h"
#include "accord-git-private.h"
#include "accord-global.h"
#include "accord-repository-private.h"
#include "accord-scan-private.h"

/*
 * Saving a revision: which files of the work tree changed since the last
 * one, and a commit that writes only their blobs and the trees above them.
 */

static git_signature *
default_signature (git_repository  *git,
                   GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  git_signature *signature = NULL;
  int rc = GIT_ENOTFOUND;

  /* Without a repository yet (a strategy being created), read the
   * user's own configuration, as git itself would. */
  if (git != NULL)
    rc = git_signature_default (&signature, git);
  else if (accord_get_git_identity (&name, &email) && name != NULL && email != NULL)
    rc = git_signature_now (&signature, name, email);

  if (rc < 0)
    {
      git_error_clear ();
      g_set_error_literal (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NO_AUTHOR,
                           _("No author is known: give one as “Name <e-mail>”, "
                             "or set git’s user.name and user.email"));
      return NULL;
    }

  return signature;
}

/* Accepts "Name <email>"; NULL or "" means the user's git configuration,
 * read from @git when there is one. */
git_signature *
_accord_repository_make_signature (git_repository  *git,
                                   const char      *author,
                                   GError         **error)
{
  git_signature *signature = NULL;
  const char *open, *close;

  if (author == NULL || *author == '\0')
    return default_signature (git, error);

  open = strchr (author, '<');
  close = open != NULL ? strchr (open, '>') : NULL;

  if (open == NULL || close == NULL || open == author || close[1] != '\0')
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NO_AUTHOR,
                   _("“%s” is not an author written “Name <e-mail>”"), author);
      return NULL;
    }

  {
    g_autofree char *name = g_strstrip (g_strndup (author, open - author));
    g_autofree char *email = g_strndup (open + 1, close - open - 1);

    if (*name == '\0' || git_signature_now (&signature, name, email) < 0)
      {
        git_error_clear ();
        g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NO_AUTHOR,
                     _("“%s” is not an author written “Name <e-mail>”"), author);
        return NULL;
      }
  }

  return signature;
}

gboolean
_accord_repository_is_strategy_path (const char *path)
{
  AccordEntityKind kind;

  return g_str_equal (path, ".gitattributes") || _accord_format_path_parse (path, &kind, NULL);
}

/* Whether libgit2 keeps nanoseconds in the index. Without them, times are
 * compared in whole seconds. */
static gboolean
index_has_nanoseconds (void)
{
  static gsize nsec = 0;

  if (g_once_init_enter (&nsec))
    g_once_init_leave (&nsec, (git_libgit2_features () & GIT_FEATURE_NSEC) ? 2 : 1);

  return nsec == 2;
}

static gint64
nanoseconds (const git_index_time *time)
{
  return (gint64) time->seconds * G_GINT64_CONSTANT (1000000000) +
         (index_has_nanoseconds () ? time->nanoseconds : 0);
}

static gint64
truncated (gint64 time)
{
  return index_has_nanoseconds () ? time : time - time % G_GINT64_CONSTANT (1000000000);
}

/* Whether what stat() says of a file is what the index noted when it read
 * the file, as git judges it: a file changed in the second the index was
 * written may still look the same, and is not trusted. */
static gboolean
same_as_indexed (const git_index_entry *entry,
                 const AccordScanned   *file,
                 gint64                 index_time)
{
  gint64 mtime = nanoseconds (&entry->mtime);

  return file->regular &&
         (entry->mode == GIT_FILEMODE_BLOB || entry->mode == GIT_FILEMODE_BLOB_EXECUTABLE) &&
         mtime == truncated (file->mtime) &&
         nanoseconds (&entry->ctime) == truncated (file->ctime) &&
         entry->file_size == (guint32) file->size &&
         entry->ino == (guint32) file->inode &&
         mtime / G_GINT64_CONSTANT (1000000000) < index_time / G_GINT64_CONSTANT (1000000000);
}

typedef struct
{
  git_index *index;
  git_tree  *head;
  git_diff  *diff;
  GError    *error;
} Staged;

static gpointer
diff_staged (gpointer data)
{
  Staged *staged = data;

  /* libgit2 keeps its last error in the thread that met it: it is read
   * here. */
  _accord_git_check (git_diff_tree_to_index (&staged->diff, git_index_owner (staged->index),
                                             staged->head, staged->index, NULL),
                     _("Could not compare the strategy with its last revision"), &staged->error);

  return NULL;
}

/* Whether @index tracks @name or something inside the folder @name. */
static gboolean
index_tracks (git_index  *index,
              const char *name)
{
  g_autofree char *prefix = g_strconcat (name, "/", NULL);
  size_t position;

  if (git_index_find (&position, index, name) == 0)
    return TRUE;
  git_error_clear ();

  return git_index_find_prefix (&position, index, prefix) == 0;
}

/* Adds to the left-out list what the top of the folder holds apart from
 * the strategy's own files and folders and what git already tracks. */
static void
add_stray_root_entries (AccordRepository *self,
                        git_index        *index)
{
  static const char * const own[] = {
    ".git", "strategy.md", ".gitattributes",
    "sections", "objectives", "rounds", "participants", "comments", NULL
  };
  g_autoptr(GDir) root = g_dir_open (self->path, 0, NULL);
  const char *name;

  while (root != NULL && (name = g_dir_read_name (root)) != NULL)
    {
      g_autofree char *full = NULL;

      if (g_strv_contains (own, name) || index_tracks (index, name))
        continue;

      full = g_build_filename (self->path, name, NULL);
      g_ptr_array_add (self->left_out,
                       g_file_test (full, G_FILE_TEST_IS_DIR) ? g_strconcat (name, "/", NULL)
                                                               : g_strdup (name));
    }
  git_error_clear ();
}

/* The strategy's files a new revision may have to take from the work tree:
 * those whose stat() differs from the index (two threads ask stat() about
 * tens of thousands of files, relative to their folders), those gone from
 * the folder, and those the index has apart from the last revision
 * (someone ran git add). Files that did not change after all are found to
 * be the same when added. */
static GPtrArray *
dup_candidates (AccordRepository  *self,
                git_index         *index,
                git_tree          *head,
                gboolean          *index_differs,
                GError           **error)
{
  static const char * const root_files[] = { "strategy.md", ".gitattributes", NULL };
  g_autoptr(AccordScan) scan = _accord_scan_new (self->path, root_files);
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Staged staged = { index, head, NULL, NULL };
  g_autoptr(git_diff) diff = NULL;
  const char *index_path = git_index_path (index);
  GThread *differ;
  size_t n_entries = git_index_entrycount (index);
  gint64 index_time = G_MININT64;
  GPtrArray *files;
  GStatBuf info;
  guint i = 0;
  size_t j = 0;

  if (index_path != NULL && g_stat (index_path, &info) == 0)
    index_time = (gint64) info.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                 info.st_mtim.tv_nsec;

  g_ptr_array_set_size (self->left_out, 0);
  add_stray_root_entries (self, index);

  /* What the index has apart from the last revision is found meanwhile:
   * libgit2 is left to that thread until it is joined. */
  differ = g_thread_new ("accord-diff", diff_staged, &staged);
  _accord_scan_run (scan, 2);
  files = _accord_scan_get_files (scan);
  g_thread_join (differ);
  diff = staged.diff;

  /* Both lists are sorted by path: walk them together. */
  while (i < files->len || j < n_entries)
    {
      const AccordScanned *file = i < files->len ? g_ptr_array_index (files, i) : NULL;
      const git_index_entry *entry = j < n_entries ? git_index_get_byindex (index, j) : NULL;
      int order = file == NULL ? 1 : entry == NULL ? -1 : strcmp (file->path, entry->path);
      const char *path = order <= 0 ? file->path : entry->path;
      gboolean candidate;

      if (order < 0)        /* not in the index */
        candidate = file->regular;
      else if (order > 0)   /* gone from the folder */
        candidate = TRUE;
      else                  /* a conflict has several entries, none trusted */
        candidate = GIT_INDEX_ENTRY_STAGE (entry) != 0 ||
                    !same_as_indexed (entry, file, index_time);

      if (candidate && _accord_repository_is_strategy_path (path))
        g_hash_table_add (candidates, g_strdup (path));
      else if (order < 0 && !_accord_repository_is_strategy_path (path))
        g_ptr_array_add (self->left_out, g_strdup (path));

      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }

  if (staged.error != NULL)
    {
      g_propagate_error (error, staged.error);
      return NULL;
    }

  *index_differs = git_diff_num_deltas (diff) > 0;
  for (size_t d = 0; d < git_diff_num_deltas (diff); d++)
    {
      const git_diff_delta *delta = git_diff_get_delta (diff, d);
      const char *path = delta->new_file.path != NULL ? delta->new_file.path
                                                      : delta->old_file.path;

      if (_accord_repository_is_strategy_path (path))
        g_hash_table_add (candidates, g_strdup (path));
    }

  {
    GPtrArray *paths = g_ptr_array_new_full (g_hash_table_size (candidates), g_free);
    GHashTableIter iter;
    gpointer path;

    g_hash_table_iter_init (&iter, candidates);
    while (g_hash_table_iter_next (&iter, &path, NULL))
      {
        g_hash_table_iter_steal (&iter);
        g_ptr_array_add (paths, path);
      }

    return paths;
  }
}

/* Removes @name from @builder. A name it does not hold, such as a file
 * added and removed again since the last revision, is removed already:
 * libgit2 would call it an error, and not GIT_ENOTFOUND. */
static int
remove_entry (git_treebuilder *builder,
              const char      *name)
{
  if (git_treebuilder_get (builder, name) == NULL)
    return 0;

  return git_treebuilder_remove (builder, name);
}

/* Builds the tree of @prefix for the next revision: @base, the same folder
 * in the last revision (or NULL), with paths[first..last) — all under
 * @prefix, sorted — as the index now has them. Only the folders on those
 * paths are written again; the others keep their tree ids, which is what
 * makes saving a one-section edit cheap in a strategy of thousands of
 * files. */
static gboolean
update_tree (git_repository  *git,
             git_index       *index,
             git_tree        *base,
             const char      *prefix,
             GPtrArray       *paths,
             guint            first,
             guint            last,
             git_oid         *out,
             gboolean        *empty,
             GError         **error)
{
  g_autoptr(git_treebuilder) builder = NULL;
  gsize skip = strlen (prefix);
  guint i = first;

  if (!_accord_git_check (git_treebuilder_new (&builder, git, base),
                          _("Could not prepare the revision"), error))
    return FALSE;

  while (i < last)
    {
      const char *path = g_ptr_array_index (paths, i);
      const char *slash = strchr (path + skip, '/');

      if (slash == NULL)
        {
          const git_index_entry *entry = git_index_get_bypath (index, path, 0);
          int rc = entry != NULL
            ? git_treebuilder_insert (NULL, builder, path + skip, &entry->id, entry->mode)
            : remove_entry (builder, path + skip);

          if (!_accord_git_check (rc, _("Could not prepare the revision"), error))
            return FALSE;
          /* The index sets an error when it has no such file. */
          git_error_clear ();
          i++;
        }
      else
        {
          g_autofree char *name = g_strndup (path + skip, slash - path - skip);
          g_autofree char *sub_prefix = g_strndup (path, slash - path + 1);
          const git_tree_entry *sub_entry = base != NULL ? git_tree_entry_byname (base, name) : NULL;
          g_autoptr(git_tree) sub_base = NULL;
          gboolean sub_empty = FALSE;
          git_oid sub_id;
          guint end = i;
          int rc;

          while (end < last && g_str_has_prefix (g_ptr_array_index (paths, end), sub_prefix))
            end++;

          if (sub_entry != NULL && git_tree_entry_type (sub_entry) == GIT_OBJECT_TREE &&
              !_accord_git_check (git_tree_lookup (&sub_base, git, git_tree_entry_id (sub_entry)),
                                  _("Could not read the last revision"), error))
            return FALSE;

          if (!update_tree (git, index, sub_base, sub_prefix, paths, i, end, &sub_id, &sub_empty,
                            error))
            return FALSE;

          rc = sub_empty ? remove_entry (builder, name)
                         : git_treebuilder_insert (NULL, builder, name, &sub_id, GIT_FILEMODE_TREE);
          if (!_accord_git_check (rc, _("Could not prepare the revision"), error))
            return FALSE;
          i = end;
        }
    }

  *empty = git_treebuilder_entrycount (builder) == 0;

  return _accord_git_check (git_treebuilder_write (out, builder),
                            _("Could not prepare the revision"), error);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Drops what was recorded in @index for a revision that is not made: the
 * index file still lists the last revision's files. */
static void
forget_index_changes (git_index *index)
{
  g_autoptr(GError) error = NULL;

  if (!_accord_git_check (git_index_read (index, TRUE), "Could not read the index again",
                          &error))
    g_warning ("%s", error->message);
}

/* Finds the last revision, @parent, and its tree, @base; both stay %NULL
 * before the first revision. */
static gboolean
read_last_revision (AccordRepository  *self,
                    git_commit       **parent,
                    git_tree         **base,
                    GError           **error)
{
  g_autoptr(git_reference) head = NULL;
  int rc;

  rc = git_repository_head (&head, self->git);
  if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND)
    {
      git_error_clear ();
      return TRUE;
    }

  return _accord_git_check (rc, _("Could not read the last revision"), error) &&
         _accord_git_check (git_reference_peel ((git_object **) parent, head, GIT_OBJECT_COMMIT),
                            _("Could not read the last revision"), error) &&
         _accord_git_check (git_commit_tree (base, *parent),
                            _("Could not read the last revision"), error);
}

/* Records @paths in @index as the work tree has them: a file there is
 * added, a file gone is removed. */
static gboolean
stage_paths (AccordRepository  *self,
             git_index         *index,
             GPtrArray         *paths,
             GError           **error)
{
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *full = _accord_repository_join_path (self, path);
      int rc;

      if (g_file_test (full, G_FILE_TEST_IS_REGULAR))
        rc = git_index_add_bypath (index, path);
      else
        rc = git_index_remove_bypath (index, path);

      if (!_accord_git_check (rc, _("Could not prepare the revision"), error))
        return FALSE;
    }

  return TRUE;
}

/* Refuses the save when one of @paths is a link or too large. */
static gboolean
check_saved_files (AccordRepository  *self,
                   GPtrArray         *paths,
                   GError           **error)
{
  for (guint i = 0; i < paths->len; i++)
    {
      if (!_accord_repository_check_saved_file (self, g_ptr_array_index (paths, i), error))
        return FALSE;
    }

  return TRUE;
}

static char *
commit_paths_locked (AccordRepository  *self,
                     GPtrArray         *given,
                     const char        *message,
                     const char        *author,
                     GError           **error)
{
  g_autoptr(git_signature) signature = NULL;
  g_autoptr(git_index) index = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_tree) base = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  gboolean empty = FALSE;
  git_oid tree_id, commit_id;
  char hex[GIT_OID_HEXSZ + 1];
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) index_error = NULL;
  gboolean repaired = FALSE;
  gboolean index_differs = FALSE;

  if (!(signature = _accord_repository_make_signature (self->git, author, error)))
    return NULL;

  /* The index is kept by the repository: read it again if someone (git
   * add, another program) wrote it since. */
  if (!_accord_git_check (git_repository_index (&index, self->git),
                          _("Could not read the list of saved files"), error) ||
      !_accord_git_check (git_index_read (index, FALSE),
                          _("Could not read the list of saved files"), error) ||
      !read_last_revision (self, &parent, &base, error) ||
      !_accord_repository_repair_index (self, index, base, &repaired, error))
    return NULL;

  /* Entries put back in step stay so, whether or not a revision is made. */
  if (repaired &&
      !_accord_git_check (git_index_write (index), _("Could not repair the list of saved files"),
                          error))
    return NULL;

  if (given != NULL)
    paths = g_ptr_array_ref (given);
  else if (!(paths = dup_candidates (self, index, base, &index_differs, error)))
    return NULL;

  g_ptr_array_sort (paths, compare_paths);
  if (!check_saved_files (self, paths, error))
    return NULL;

  if (!stage_paths (self, index, paths, error))
    {
      forget_index_changes (index);
      return NULL;
    }

  g_debug ("Updated the index in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  if (!update_tree (self->git, index, base, "", paths, 0, paths->len, &tree_id, &empty, error))
    {
      forget_index_changes (index);
      return NULL;
    }

  g_debug ("Wrote the tree in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  if (parent != NULL && git_oid_equal (&tree_id, git_commit_tree_id (parent)))
    {
      /* The index differed from the last revision while the work tree
       * does not: it was left behind (a save killed after its commit, a
       * git command that wrote it since). Staged again, it agrees with
       * both: keep it so. */
      if (index_differs &&
          !_accord_git_check (git_index_write (index),
                              _("Could not repair the list of saved files"), error))
        return NULL;
      if (!index_differs)
        forget_index_changes (index);
      g_set_error_literal (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE,
                           _("Nothing to save: the strategy has not changed since the last "
                             "revision"));
      return NULL;
    }

  if (!_accord_git_check (git_tree_lookup (&tree, self->git, &tree_id),
                          _("Could not prepare the revision"), error) ||
      !_accord_git_check (git_commit_create_v (&commit_id, self->git, "HEAD",
                                               signature, signature, NULL, message, tree,
                                               parent != NULL ? 1 : 0, parent),
                          _("Could not save the revision"), error))
    {
      forget_index_changes (index);
      return NULL;
    }

  g_debug ("Wrote the commit in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* The commit exists; a failure to record the index only makes the next
   * status slower, so it is not an error. */
  if (!_accord_git_check (git_index_write (index), "Could not write the index", &index_error))
    g_debug ("%s", index_error->message);

  git_oid_tostr (hex, sizeof hex, &commit_id);
  g_debug ("Saved revision %s in %.1f ms", hex, (g_get_monotonic_time () - start) / 1000.0);

  _accord_repository_forget_written (self, given);

  return g_strdup (hex);
}

/* Records @given paths (NULL: every change in the work tree) in the index,
 * builds the next revision's tree from the last one with those paths
 * replaced, and commits it on HEAD. Only the blobs and trees that changed
 * are written. The paths saved are no longer counted as written since the
 * last save. Nothing is read through a folder that is a link, and the
 * repository is locked meanwhile (see accord-repository-guard.c). */
char *
_accord_repository_commit_paths (AccordRepository  *self,
                                 GPtrArray         *given,
                                 const char        *message,
                                 const char        *author,
                                 GError           **error)
{
  char *saved;

  if (!_accord_repository_check_folders (self, error) ||
      !_accord_repository_lock (self, error))
    return NULL;

  saved = _accord_repository_clear_stale_locks (self, error)
          ? commit_paths_locked (self, given, message, author, error)
          : NULL;
  _accord_repository_unlock (self);

  return saved;
}

void
_accord_repository_forget_written (AccordRepository *self,
                                   GPtrArray        *paths)
{
  if (paths == NULL)
    {
      g_hash_table_remove_all (self->written);
      return;
    }

  for (guint i = 0; i < paths->len; i++)
    g_hash_table_remove (self->written, g_ptr_array_index (paths, i));
}

/**
 * accord_repository_status:
 * @self: an #AccordRepository
 * @error: return location for a #GError
 *
 * Lists the unsaved changes: the files of the work tree that differ from
 * the last revision.
 *
 * Returns: (transfer full) (element-type AccordChange): the changes
 */
GPtrArray *
accord_repository_status (AccordRepository  *self,
                          GError           **error)
{
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(git_status_list) list = NULL;
  size_t count;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  /* Through a linked folder, the strategy's files would look removed. */
  if (!_accord_repository_check_folders (self, error))
    return NULL;

  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
                  GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                  GIT_STATUS_OPT_EXCLUDE_SUBMODULES;

  if (!_accord_git_check (git_status_list_new (&list, self->git, &options),
                          _("Could not compare the strategy with its last revision"), error))
    return NULL;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_change_free);
  count = git_status_list_entrycount (list);

  for (size_t i = 0; i < count; i++)
    {
      const git_status_entry *entry = git_status_byindex (list, i);
      const git_diff_delta *delta = entry->index_to_workdir != NULL ? entry->index_to_workdir
                                                                    : entry->head_to_index;
      unsigned int status = entry->status;
      AccordChangeKind kind;
      const char *path;

      if (delta == NULL || status == GIT_STATUS_CURRENT || (status & GIT_STATUS_IGNORED))
        continue;

      /* Other files in the folder are not part of the strategy. */
      path = delta->new_file.path != NULL ? delta->new_file.path : delta->old_file.path;
      if (!_accord_repository_is_strategy_path (path))
        continue;

      if (status & (GIT_STATUS_WT_DELETED | GIT_STATUS_INDEX_DELETED))
        kind = ACCORD_CHANGE_REMOVED;
      else if ((status & GIT_STATUS_WT_NEW) ||
               ((status & GIT_STATUS_INDEX_NEW) && !(status & GIT_STATUS_WT_DELETED)))
        kind = ACCORD_CHANGE_ADDED;
      else
        kind = ACCORD_CHANGE_MODIFIED;

      /* A file added to the index then deleted from the work tree was
       * never saved: nothing changed. */
      if ((status & GIT_STATUS_INDEX_NEW) && (status & GIT_STATUS_WT_DELETED))
        continue;

      g_ptr_array_add (changes, _accord_change_new (path, kind));
    }

  return g_steal_pointer (&changes);
}

/**
 * accord_repository_save:
 * @self: an #AccordRepository
 * @message: the revision's message
 * @author: (nullable): "Name <e-mail>", or %NULL for git's configuration
 * @error: return location for a #GError
 *
 * Saves every unsaved change as a new revision: a commit on the current
 * branch. Fails with %ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE when nothing
 * changed.
 *
 * Returns: (transfer full): the new revision's id
 */
char *
accord_repository_save (AccordRepository  *self,
                        const char        *message,
                        const char        *author,
                        GError           **error)
{
  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (message != NULL && *message != '\0', NULL);

  return _accord_repository_commit_paths (self, NULL, message, author, error);
}

/**
 * accord_repository_save_written:
 * @self: an #AccordRepository
 * @message: the revision's message
 * @author: (nullable): "Name <e-mail>", or %NULL for git's configuration
 * @error: return location for a #GError
 *
 * Like accord_repository_save(), but saves only the files written or
 * deleted through @self since its last save, without looking at the rest
 * of the work tree: the quick way for a program that makes every change
 * through the same #AccordRepository.
 *
 * Returns: (transfer full): the new revision's id
 */
char *
accord_repository_save_written (AccordRepository  *self,
                                const char        *message,
                                const char        *author,
                                GError           **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (message != NULL && *message != '\0', NULL);

  g_hash_table_iter_init (&iter, self->written);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));

  return _accord_repository_commit_paths (self, paths, message, author, error);
}

/**
 * accord_repository_get_left_out:
 * @self: an #AccordRepository
 *
 * What the last accord_repository_save() found in the strategy's folder
 * that is not part of a strategy (other files and folders, files whose
 * names are not ids) and that git does not track: such files are never
 * saved, and are left as they are.
 *
 * Returns: (transfer none) (element-type utf8): their paths, folders
 *   ending with "/", sorted
 */
GPtrArray *
accord_repository_get_left_out (AccordRepository *self)
{
  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  g_ptr_array_sort (self->left_out, compare_paths);

  return self->left_out;
}
