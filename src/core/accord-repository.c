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
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-entity-private.h"
#include "accord-errors.h"
#include "accord-format-private.h"
#include "accord-git-private.h"
#include "accord-global.h"
#include "accord-objective.h"
#include "accord-participant.h"
#include "accord-problem.h"
#include "accord-section.h"
#include "accord-repository-private.h"
#include "accord-scan-private.h"
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

G_DEFINE_BOXED_TYPE (AccordChange, accord_change, accord_change_copy, accord_change_free)
G_DEFINE_BOXED_TYPE (AccordRevision, accord_revision, accord_revision_copy, accord_revision_free)

/* What .gitattributes says in a new strategy: entity files are text, with
 * LF line endings everywhere, and diffs show Markdown section context. */
static const char gitattributes[] =
  "# Accord strategy: every entity is a UTF-8 Markdown file.\n"
  "*.md text eol=lf diff=markdown\n";

AccordChange *
accord_change_copy (const AccordChange *self)
{
  AccordChange *copy = g_new0 (AccordChange, 1);

  copy->path = g_strdup (self->path);
  copy->kind = self->kind;

  return copy;
}

void
accord_change_free (AccordChange *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self);
}

const char *
accord_change_kind_to_string (AccordChangeKind kind)
{
  switch (kind)
    {
    case ACCORD_CHANGE_ADDED:    return "added";
    case ACCORD_CHANGE_MODIFIED: return "modified";
    case ACCORD_CHANGE_REMOVED:  return "removed";
    default:                     g_return_val_if_reached (NULL);
    }
}

AccordChange *
_accord_change_new (const char       *path,
                    AccordChangeKind  kind)
{
  AccordChange *change = g_new0 (AccordChange, 1);

  change->path = g_strdup (path);
  change->kind = kind;

  return change;
}

AccordRevision *
accord_revision_copy (const AccordRevision *self)
{
  AccordRevision *copy = g_new0 (AccordRevision, 1);

  copy->id = g_strdup (self->id);
  copy->author_name = g_strdup (self->author_name);
  copy->author_email = g_strdup (self->author_email);
  copy->time = self->time;
  copy->offset = self->offset;
  copy->message = g_strdup (self->message);
  copy->tags = g_strdupv (self->tags);
  if (self->changes != NULL)
    {
      copy->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_change_free);
      for (guint i = 0; i < self->changes->len; i++)
        g_ptr_array_add (copy->changes, accord_change_copy (g_ptr_array_index (self->changes, i)));
    }

  return copy;
}

void
accord_revision_free (AccordRevision *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->author_name);
  g_free (self->author_email);
  g_free (self->message);
  g_strfreev (self->tags);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self);
}

static void
accord_repository_finalize (GObject *object)
{
  AccordRepository *self = ACCORD_REPOSITORY (object);

  g_clear_pointer (&self->git, git_repository_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->written, g_hash_table_unref);

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

static git_signature *
default_signature (git_repository  *git,
                   GError         **error)
{
  g_autoptr(git_config) config = NULL;
  g_autoptr(git_config) snapshot = NULL;
  git_signature *signature = NULL;
  const char *name = NULL;
  const char *email = NULL;
  int rc;

  /* Without a repository yet (a strategy being created), read the
   * user's own configuration, as git itself would. */
  if (git != NULL)
    rc = git_signature_default (&signature, git);
  else if ((rc = git_config_open_default (&config)) == 0 &&
           (rc = git_config_snapshot (&snapshot, config)) == 0 &&
           (rc = git_config_get_string (&name, snapshot, "user.name")) == 0 &&
           (rc = git_config_get_string (&email, snapshot, "user.email")) == 0)
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

static gint64
nanoseconds (const git_index_time *time)
{
  static gsize nsec = 0;

  /* Without nanoseconds in the index, compare whole seconds. */
  if (g_once_init_enter (&nsec))
    g_once_init_leave (&nsec, (git_libgit2_features () & GIT_FEATURE_NSEC) ? 2 : 1);

  return (gint64) time->seconds * G_GINT64_CONSTANT (1000000000) +
         (nsec == 2 ? time->nanoseconds : 0);
}

static gint64
truncated (gint64 time)
{
  static gsize nsec = 0;

  if (g_once_init_enter (&nsec))
    g_once_init_leave (&nsec, (git_libgit2_features () & GIT_FEATURE_NSEC) ? 2 : 1);

  return nsec == 2 ? time : time - time % G_GINT64_CONSTANT (1000000000);
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
  int        rc;
} Staged;

static gpointer
diff_staged (gpointer data)
{
  Staged *staged = data;

  staged->rc = git_diff_tree_to_index (&staged->diff, git_index_owner (staged->index),
                                       staged->head, staged->index, NULL);

  return NULL;
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
                GError           **error)
{
  static const char * const root_files[] = { "strategy.md", ".gitattributes", NULL };
  g_autoptr(AccordScan) scan = _accord_scan_new (self->path, root_files);
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Staged staged = { index, head, NULL, 0 };
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

      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }

  if (!_accord_git_check (staged.rc, _("Could not compare the strategy with its last revision"),
                          error))
    return NULL;

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
            : git_treebuilder_remove (builder, path + skip);

          if (rc < 0 && !(entry == NULL && rc == GIT_ENOTFOUND))
            return _accord_git_check (rc, _("Could not prepare the revision"), error);
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

          while (end < last && g_str_has_prefix (g_ptr_array_index (paths, end), sub_prefix))
            end++;

          if (sub_entry != NULL && git_tree_entry_type (sub_entry) == GIT_OBJECT_TREE &&
              git_tree_lookup (&sub_base, git, git_tree_entry_id (sub_entry)) < 0)
            return _accord_git_check (-1, _("Could not read the last revision"), error);

          if (!update_tree (git, index, sub_base, sub_prefix, paths, i, end, &sub_id, &sub_empty,
                            error))
            return FALSE;

          if (sub_empty)
            git_treebuilder_remove (builder, name);
          else if (git_treebuilder_insert (NULL, builder, name, &sub_id, GIT_FILEMODE_TREE) < 0)
            return _accord_git_check (-1, _("Could not prepare the revision"), error);
          git_error_clear ();
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

/* Records @given paths (NULL: every change in the work tree) in the index,
 * builds the next revision's tree from the last one with those paths
 * replaced, and commits it on HEAD. Only the blobs and trees that changed
 * are written. */
char *
_accord_repository_commit_paths (AccordRepository  *self,
                                 GPtrArray         *given,
                                 const char        *message,
                                 const char        *author,
                                 GError           **error)
{
  g_autoptr(git_signature) signature = NULL;
  g_autoptr(git_index) index = NULL;
  g_autoptr(git_reference) head = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_tree) base = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  gboolean empty = FALSE;
  git_oid tree_id, commit_id;
  char hex[GIT_OID_HEXSZ + 1];
  gint64 start = g_get_monotonic_time ();
  int rc;

  if (!(signature = _accord_repository_make_signature (self->git, author, error)))
    return NULL;

  /* The index is kept by the repository: read it again if someone (git
   * add, another program) wrote it since. */
  if (!_accord_git_check (git_repository_index (&index, self->git),
                          _("Could not read the list of saved files"), error) ||
      !_accord_git_check (git_index_read (index, FALSE),
                          _("Could not read the list of saved files"), error))
    return NULL;

  rc = git_repository_head (&head, self->git);
  if (rc == 0 &&
      !_accord_git_check (git_reference_peel ((git_object **) &parent, head, GIT_OBJECT_COMMIT),
                          _("Could not read the last revision"), error))
    return NULL;
  else if (rc < 0 && rc != GIT_EUNBORNBRANCH && rc != GIT_ENOTFOUND)
    {
      _accord_git_check (rc, _("Could not read the last revision"), error);
      return NULL;
    }

  if (parent != NULL &&
      !_accord_git_check (git_commit_tree (&base, parent), _("Could not read the last revision"),
                          error))
    return NULL;

  if (given != NULL)
    paths = g_ptr_array_ref (given);
  else if (!(paths = dup_candidates (self, index, base, error)))
    return NULL;

  g_ptr_array_sort (paths, compare_paths);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *full = _accord_repository_join_path (self, path);

      if (g_file_test (full, G_FILE_TEST_IS_REGULAR))
        rc = git_index_add_bypath (index, path);
      else
        rc = git_index_remove_bypath (index, path);

      if (!_accord_git_check (rc, _("Could not prepare the revision"), error))
        {
          git_index_read (index, TRUE);
          return NULL;
        }
    }

  g_debug ("Updated the index in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  if (!update_tree (self->git, index, base, "", paths, 0, paths->len, &tree_id, &empty, error))
    {
      git_index_read (index, TRUE);
      return NULL;
    }

  g_debug ("Wrote the tree in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  if (parent != NULL)
    {
      if (git_oid_equal (&tree_id, git_commit_tree_id (parent)))
        {
          git_index_read (index, TRUE);
          g_set_error_literal (error, ACCORD_REPOSITORY_ERROR,
                               ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE,
                               _("Nothing to save: the strategy has not changed since the last revision"));
          return NULL;
        }
    }

  if (!_accord_git_check (git_tree_lookup (&tree, self->git, &tree_id),
                          _("Could not prepare the revision"), error) ||
      !_accord_git_check (git_commit_create_v (&commit_id, self->git, "HEAD",
                                               signature, signature, NULL, message, tree,
                                               parent != NULL ? 1 : 0, parent),
                          _("Could not save the revision"), error))
    return NULL;

  g_debug ("Wrote the commit in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* The commit exists; a failure to record the index only makes the next
   * status slower, so it is not an error. */
  if (git_index_write (index) < 0)
    {
      g_debug ("Could not write the index: %s", git_error_last () ? git_error_last ()->message : "");
      git_error_clear ();
    }

  git_oid_tostr (hex, sizeof hex, &commit_id);
  g_debug ("Saved revision %s in %.1f ms", hex, (g_get_monotonic_time () - start) / 1000.0);

  return g_strdup (hex);
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
  git_repository *git = NULL;

  options.flags = flags | GIT_REPOSITORY_INIT_NO_REINIT;
  options.initial_head = "main";

  if (!_accord_git_check (git_repository_init_ext (&git, path, &options),
                          _("Could not create the strategy’s repository"), error))
    return NULL;

  return repository_new (path, git);
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
  if (revision == NULL)
    return FALSE;

  _accord_repository_forget_written (self, NULL);

  return TRUE;
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
  git_repository *git = NULL;
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
      git_repository_free (git);
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY,
                   _("“%s” is a bare repository: a strategy needs a work tree"), path);
      return NULL;
    }

  strategy_md = g_build_filename (path, "strategy.md", NULL);
  if (!g_file_test (strategy_md, G_FILE_TEST_EXISTS))
    {
      git_repository_free (git);
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOT_A_STRATEGY,
                   _("“%s” is not a strategy: it has no strategy.md"), path);
      return NULL;
    }

  return repository_new (path, git);
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

git_repository *
_accord_repository_get_git (AccordRepository *self)
{
  return self->git;
}

AccordStrategy *
_accord_repository_new_strategy (void)
{
  AccordStrategy *strategy = _accord_strategy_new_empty ();

  _accord_strategy_begin_load (strategy);

  return strategy;
}

gboolean
_accord_repository_is_entity_path (const char *path)
{
  AccordEntityKind kind;

  return _accord_format_path_parse (path, &kind, NULL);
}

void
_accord_repository_add_problem (AccordStrategy *strategy,
                                const char     *path,
                                const char     *message)
{
  _accord_strategy_add_problem (strategy, accord_problem_new (path, 1, message));
}

static void
add_problem (AccordStrategy *strategy,
             const char     *path,
             const char     *message)
{
  _accord_strategy_add_problem (strategy, accord_problem_new (path, 1, message));
}

/* Parses one file; what is wrong with it is appended to @problems. */
AccordEntity *
_accord_repository_parse_entry (const char *path,
                                const char *data,
                                gsize       length,
                                GPtrArray  *problems)
{
  g_autofree char *id = NULL;
  AccordEntityKind kind;

  if (!_accord_format_path_parse (path, &kind, &id))
    {
      g_ptr_array_add (problems,
                       accord_problem_new (path, 1,
                                           _("This file’s name is not an entity id followed by “.md”")));
      return NULL;
    }

  return _accord_format_parse (kind, id, path, data, length, problems);
}

static void
take_strategy_fields (AccordStrategy *strategy,
                      AccordEntity   *entity)
{
  AccordEntity *self = ACCORD_ENTITY (strategy);
  g_auto(GStrv) names = accord_entity_dup_field_names (entity);
  GPtrArray *extra = _accord_entity_get_extra (entity);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char * const *values = _accord_entity_get_values (entity, names[i], NULL);

      for (guint j = 0; values[j] != NULL; j++)
        _accord_entity_take_value (self, names[i], g_strdup (values[j]));
      _accord_entity_set_line (self, names[i], _accord_entity_get_line (entity, names[i]));
    }

  for (guint i = 0; extra != NULL && i < extra->len; i++)
    _accord_entity_add_extra (self, g_ptr_array_index (extra, i));
  if (_accord_entity_get_extra_text (entity) != NULL)
    _accord_entity_append_extra_text (self, _accord_entity_get_extra_text (entity));

  _accord_entity_set_modified (self, FALSE);
}

/* Adds a parsed file to @strategy: its entity, if any, and its problems,
 * which are moved out of @problems. */
void
_accord_repository_add_entry (AccordStrategy *strategy,
                              const char     *path,
                              AccordEntity   *entity,
                              GPtrArray      *problems)
{
  if (problems != NULL && problems->len > 0)
    {
      gsize count = 0;
      gpointer *items = g_ptr_array_steal (problems, &count);

      for (gsize i = 0; i < count; i++)
        _accord_strategy_add_problem (strategy, items[i]);
      g_free (items);
    }

  if (entity == NULL)
    {
      if (g_str_equal (path, "strategy.md"))
        _accord_strategy_set_unreadable (strategy, TRUE);
      return;
    }

  if (ACCORD_IS_STRATEGY (entity))
    take_strategy_fields (strategy, entity);
  else
    _accord_strategy_add_loaded (strategy, entity, path);
}

/* Parses one file and adds what it holds to @strategy, with its problems. */
void
_accord_repository_load_entry (AccordStrategy *strategy,
                               const char     *path,
                               const char     *data,
                               gsize           length)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
  g_autoptr(AccordEntity) entity = _accord_repository_parse_entry (path, data, length, problems);

  _accord_repository_add_entry (strategy, path, entity, problems);
}

/* Reads one file of the work tree, refusing links and anything too big
 * before reading it. */
static void
load_work_file (AccordRepository *self,
                AccordStrategy   *strategy,
                const char       *relative)
{
  g_autofree char *path = _accord_repository_join_path (self, relative);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GStatBuf info;
  gsize length;

  if (g_lstat (path, &info) != 0)
    {
      add_problem (strategy, relative, g_strerror (errno));
      return;
    }

  if (!S_ISREG (info.st_mode))
    {
      add_problem (strategy, relative,
                   S_ISLNK (info.st_mode) ? _("This is a symbolic link; Accord reads only plain files")
                                          : _("This is not a plain file"));
      return;
    }

  if (info.st_size > ACCORD_MAX_FILE_SIZE)
    {
      add_problem (strategy, relative, _("The file is larger than 1 MiB"));
      return;
    }

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      add_problem (strategy, relative, error->message);
      return;
    }

  _accord_repository_load_entry (strategy, relative, data, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
load_work_directory (AccordRepository *self,
                     AccordStrategy   *strategy,
                     const char       *directory)
{
  g_autofree char *path = _accord_repository_join_path (self, directory);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf info;

  /* A folder that is a link could lead anywhere on the disk. */
  if (g_lstat (path, &info) == 0 && S_ISLNK (info.st_mode))
    {
      add_problem (strategy, directory,
                   _("This folder is a symbolic link; Accord reads only plain folders"));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  /* Read in a stable order, so that problems come out the same each time. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *relative = g_strconcat (directory, "/", g_ptr_array_index (names, i), NULL);

      load_work_file (self, strategy, relative);
    }
}

/* Ends reading: the entities go into the list models; how they refer to
 * each other is still to be checked. */
AccordStrategy *
_accord_repository_end_load (AccordStrategy *strategy)
{
  const char *version = accord_entity_get_field (ACCORD_ENTITY (strategy), "accord-format");

  if (version != NULL && g_ascii_strtoull (version, NULL, 10) > ACCORD_FORMAT_VERSION)
    add_problem (strategy, "strategy.md",
                 _("This strategy was written by a newer version of Accord"));

  _accord_strategy_end_load (strategy);

  return strategy;
}

AccordStrategy *
_accord_repository_finish_load (AccordStrategy *strategy)
{
  _accord_repository_end_load (strategy);
  accord_strategy_check (strategy);

  return strategy;
}

/**
 * accord_repository_load:
 * @self: an #AccordRepository
 * @error: return location for a #GError
 *
 * Reads the strategy in the work tree, unsaved changes included. Files
 * that cannot be read are left out and listed as problems of the strategy
 * (accord_strategy_get_problems()); the rest still opens.
 *
 * Returns: (transfer full): the strategy
 */
AccordStrategy *
accord_repository_load (AccordRepository  *self,
                        GError           **error)
{
  g_autoptr(AccordStrategy) strategy = NULL;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  strategy = _accord_repository_new_strategy ();
  load_work_file (self, strategy, "strategy.md");

  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    load_work_directory (self, strategy, accord_entity_kind_get_directory (kind));

  return _accord_repository_finish_load (g_steal_pointer (&strategy));
}

gboolean
_accord_repository_lookup_commit (AccordRepository  *self,
                                  const char        *revision,
                                  git_commit       **commit,
                                  GError           **error)
{
  g_autoptr(git_object) object = NULL;

  if (git_revparse_single (&object, self->git, revision != NULL ? revision : "HEAD") < 0 ||
      git_object_peel ((git_object **) commit, object, GIT_OBJECT_COMMIT) < 0)
    {
      git_error_clear ();
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION,
                   _("There is no revision “%s”"), revision != NULL ? revision : "HEAD");
      return FALSE;
    }

  return TRUE;
}

static void
load_blob (AccordRepository *self,
           AccordStrategy   *strategy,
           const char       *path,
           const git_oid    *id)
{
  g_autoptr(git_odb) odb = NULL;
  g_autoptr(git_blob) blob = NULL;
  git_object_t type;
  size_t size = 0;

  /* Ask the size first: a huge blob is refused without being inflated. */
  if (git_repository_odb (&odb, self->git) < 0 ||
      git_odb_read_header (&size, &type, odb, id) < 0 ||
      type != GIT_OBJECT_BLOB)
    {
      git_error_clear ();
      add_problem (strategy, path, _("This file cannot be read from the revision"));
      return;
    }

  if (size > ACCORD_MAX_FILE_SIZE)
    {
      add_problem (strategy, path, _("The file is larger than 1 MiB"));
      return;
    }

  if (git_blob_lookup (&blob, self->git, id) < 0)
    {
      git_error_clear ();
      add_problem (strategy, path, _("This file cannot be read from the revision"));
      return;
    }

  _accord_repository_load_entry (strategy, path, git_blob_rawcontent (blob),
                                 git_blob_rawsize (blob));
}

static void
load_tree_directory (AccordRepository *self,
                     AccordStrategy   *strategy,
                     git_tree         *root,
                     const char       *directory)
{
  const git_tree_entry *entry = git_tree_entry_byname (root, directory);
  g_autoptr(git_tree) tree = NULL;
  size_t count;

  if (entry == NULL || git_tree_entry_type (entry) != GIT_OBJECT_TREE ||
      git_tree_lookup (&tree, self->git, git_tree_entry_id (entry)) < 0)
    {
      git_error_clear ();
      return;
    }

  count = git_tree_entrycount (tree);
  for (size_t i = 0; i < count; i++)
    {
      const git_tree_entry *child = git_tree_entry_byindex (tree, i);
      g_autofree char *path = g_strconcat (directory, "/", git_tree_entry_name (child), NULL);

      if (git_tree_entry_filemode (child) != GIT_FILEMODE_BLOB &&
          git_tree_entry_filemode (child) != GIT_FILEMODE_BLOB_EXECUTABLE)
        {
          add_problem (strategy, path, _("This is not a plain file"));
          continue;
        }

      load_blob (self, strategy, path, git_tree_entry_id (child));
    }
}

/**
 * accord_repository_load_revision:
 * @self: an #AccordRepository
 * @revision: (nullable): a revision: a commit id or its prefix, a
 *   milestone, "HEAD~2"…; %NULL for the last revision
 * @error: return location for a #GError
 *
 * Reads the strategy as it was saved in @revision.
 *
 * Returns: (transfer full): the strategy
 */
AccordStrategy *
accord_repository_load_revision (AccordRepository  *self,
                                 const char        *revision,
                                 GError           **error)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  const git_tree_entry *entry;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

  if (!_accord_repository_lookup_commit (self, revision, &commit, error) ||
      !_accord_git_check (git_commit_tree (&tree, commit),
                          _("Could not read the revision"), error))
    return NULL;

  strategy = _accord_repository_new_strategy ();

  entry = git_tree_entry_byname (tree, "strategy.md");
  if (entry != NULL && git_tree_entry_type (entry) == GIT_OBJECT_BLOB)
    load_blob (self, strategy, "strategy.md", git_tree_entry_id (entry));
  else
    add_problem (strategy, "strategy.md", _("The revision has no strategy.md"));

  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    load_tree_directory (self, strategy, tree, accord_entity_kind_get_directory (kind));

  return _accord_repository_finish_load (g_steal_pointer (&strategy));
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
  git_status_list *list = NULL;
  size_t count;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);

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

      if (delta == NULL || status == GIT_STATUS_CURRENT || (status & GIT_STATUS_IGNORED))
        continue;

      /* Other files in the folder are not part of the strategy. */
      if (!_accord_repository_is_strategy_path (delta->new_file.path != NULL
                                                ? delta->new_file.path
                                                : delta->old_file.path))
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

      g_ptr_array_add (changes, _accord_change_new (delta->new_file.path != NULL
                                                    ? delta->new_file.path
                                                    : delta->old_file.path,
                                                    kind));
    }

  git_status_list_free (list);

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
  char *revision;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (message != NULL && *message != '\0', NULL);

  revision = _accord_repository_commit_paths (self, NULL, message, author, error);
  if (revision != NULL)
    _accord_repository_forget_written (self, NULL);

  return revision;
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
  char *revision;

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (message != NULL && *message != '\0', NULL);

  g_hash_table_iter_init (&iter, self->written);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));

  revision = _accord_repository_commit_paths (self, paths, message, author, error);
  if (revision != NULL)
    _accord_repository_forget_written (self, paths);

  return revision;
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
 * not change, and lists the files that differ. */
void
_accord_repository_diff_trees (git_repository *git,
                               git_tree       *old_tree,
                               git_tree       *new_tree,
                               const char     *prefix,
                               GPtrArray      *changes)
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

          if (order <= 0)
            git_tree_lookup (&sub_old, git, git_tree_entry_id (a));
          if (order >= 0)
            git_tree_lookup (&sub_new, git, git_tree_entry_id (b));
          _accord_repository_diff_trees (git, sub_old, sub_new, sub_prefix, changes);
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
}

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

  if (git_object_lookup (&object, data->git, oid, GIT_OBJECT_ANY) < 0 ||
      git_object_peel (&target, object, GIT_OBJECT_COMMIT) < 0)
    {
      git_error_clear ();
      return 0;
    }

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
revision_from_commit (AccordRepository *self,
                      git_commit       *commit,
                      GHashTable       *tags)
{
  AccordRevision *revision = g_new0 (AccordRevision, 1);
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
  if (git_commit_tree (&tree, commit) == 0)
    {
      if (git_commit_parentcount (commit) > 0 && git_commit_parent (&parent, commit, 0) == 0)
        git_commit_tree (&parent_tree, parent);
      _accord_repository_diff_trees (self->git, parent_tree, tree, "", revision->changes);
    }
  git_error_clear ();

  return revision;
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

  git_tag_foreach (self->git, collect_tag_cb, &tag_data);
  git_error_clear ();

  if (!_accord_git_check (git_revwalk_new (&walk, self->git),
                          _("Could not read the history"), error))
    return NULL;

  /* Git's own order, newest first, yields revisions as it goes: sorting
   * by time or topology would first read the whole history. */
  git_revwalk_sorting (walk, GIT_SORT_NONE);
  if (!_accord_git_check (git_revwalk_push (walk, git_commit_id (start)),
                          _("Could not read the history"), error))
    return NULL;

  revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_revision_free);

  while ((max_count == 0 || revisions->len < max_count) && git_revwalk_next (&id, walk) == 0)
    {
      g_autoptr(git_commit) commit = NULL;

      if (!_accord_git_check (git_commit_lookup (&commit, self->git, &id),
                              _("Could not read the history"), error))
        return NULL;

      g_ptr_array_add (revisions, revision_from_commit (self, commit, tags));
    }
  git_error_clear ();

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
  if (git_reference_name_is_valid (&valid, reference) < 0 || !valid || *name == '-')
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

static char *
find_entity_path (AccordRepository *self,
                  git_tree         *tree,
                  const char       *entity_id)
{
  if (g_str_equal (entity_id, "strategy"))
    return g_strdup ("strategy.md");

  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_autofree char *path = g_strconcat (accord_entity_kind_get_directory (kind), "/",
                                           entity_id, ".md", NULL);
      g_autofree char *full = _accord_repository_join_path (self, path);
      git_tree_entry *entry = NULL;

      if (git_tree_entry_bypath (&entry, tree, path) == 0)
        {
          git_tree_entry_free (entry);
          return g_steal_pointer (&path);
        }
      git_error_clear ();

      if (g_file_test (full, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}

static gboolean
restore_path (AccordRepository  *self,
              git_tree          *tree,
              const char        *path,
              GError           **error)
{
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(GBytes) bytes = NULL;
  git_tree_entry *entry = NULL;
  gboolean found;

  found = git_tree_entry_bypath (&entry, tree, path) == 0;
  git_error_clear ();

  if (!found)
    return _accord_repository_delete_file (self, path, error);

  if (!_accord_git_check (git_blob_lookup (&blob, self->git, git_tree_entry_id (entry)),
                          _("Could not read the revision"), error))
    {
      git_tree_entry_free (entry);
      return FALSE;
    }
  git_tree_entry_free (entry);

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
      !_accord_git_check (git_commit_tree (&head_tree, head), _("Could not read the revision"), error))
    return FALSE;

  _accord_repository_diff_trees (self->git, head_tree, tree, "", changes);

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

  if (!_accord_repository_lookup_commit (self, "HEAD", &head, NULL) ||
      git_commit_tree (&tree, head) < 0)
    {
      git_error_clear ();
      return;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!restore_path (self, tree, g_ptr_array_index (paths, i), &error))
        g_warning ("Could not put back %s: %s", (char *) g_ptr_array_index (paths, i),
                   error->message);
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

  if (!(signature = _accord_repository_make_signature (self->git, author, error)))
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

      path = find_entity_path (self, tree, entity_id);
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
  if (saved != NULL)
    _accord_repository_forget_written (self, paths);
  else
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

/* How a change is named in a revision's message: an objective by its code
 * when it has one, anything else by its title or name. */
static char *
describe_entity (AccordEntity *entity)
{
  const char *code = NULL;
  const char *title;

  if (ACCORD_IS_OBJECTIVE (entity))
    code = accord_entity_get_field (entity, "code");
  if (code != NULL)
    return g_strdup (code);

  title = accord_entity_get_field (entity, ACCORD_IS_PARTICIPANT (entity) ? "name" : "title");

  /* Translators: a title in a revision's message, such as “Principles”. */
  return g_strdup_printf (_("“%s”"), title != NULL ? title : accord_entity_get_id (entity));
}

/* The entity a deleted file held, as the last revision has it. */
static AccordEntity *
load_head_entity (AccordRepository *self,
                  git_tree         *tree,
                  const char       *path)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
  g_autoptr(git_blob) blob = NULL;
  git_tree_entry *entry = NULL;
  AccordEntity *entity = NULL;

  if (tree != NULL && git_tree_entry_bypath (&entry, tree, path) == 0 &&
      git_blob_lookup (&blob, self->git, git_tree_entry_id (entry)) == 0 &&
      git_blob_rawsize (blob) <= ACCORD_MAX_FILE_SIZE)
    entity = _accord_repository_parse_entry (path, git_blob_rawcontent (blob),
                                             git_blob_rawsize (blob), problems);

  git_tree_entry_free (entry);
  git_error_clear ();

  return entity;
}

static char *
describe_change (AccordChangeKind  kind,
                 AccordEntity     *entity)
{
  g_autofree char *name = describe_entity (entity);

  if (kind == ACCORD_CHANGE_ADDED && ACCORD_IS_SECTION (entity))
    return g_strdup_printf (_("added section %s"), name);
  if (kind == ACCORD_CHANGE_ADDED && ACCORD_IS_OBJECTIVE (entity))
    return g_strdup_printf (_("added objective %s"), name);
  if (kind == ACCORD_CHANGE_REMOVED && ACCORD_IS_SECTION (entity))
    return g_strdup_printf (_("removed section %s"), name);
  if (kind == ACCORD_CHANGE_REMOVED && ACCORD_IS_OBJECTIVE (entity))
    return g_strdup_printf (_("removed objective %s"), name);
  if (kind == ACCORD_CHANGE_ADDED)
    /* Translators: %s is a title in quotes, such as “First round”. */
    return g_strdup_printf (C_("revision message", "added %s"), name);
  if (kind == ACCORD_CHANGE_REMOVED)
    /* Translators: %s is a title in quotes, such as “First round”. */
    return g_strdup_printf (C_("revision message", "removed %s"), name);

  /* Translators: %s is a title in quotes, or an objective's code. */
  return g_strdup_printf (C_("revision message", "edited %s"), name);
}

/* Comments come by the thousand: they are counted, not named. */
static void
describe_comments (GPtrArray *parts,
                   guint      counts[3])
{
  if (counts[ACCORD_CHANGE_ADDED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "added %u comment",
                                                          "added %u comments",
                                                          counts[ACCORD_CHANGE_ADDED]),
                                             counts[ACCORD_CHANGE_ADDED]));
  if (counts[ACCORD_CHANGE_MODIFIED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "edited %u comment",
                                                          "edited %u comments",
                                                          counts[ACCORD_CHANGE_MODIFIED]),
                                             counts[ACCORD_CHANGE_MODIFIED]));
  if (counts[ACCORD_CHANGE_REMOVED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "removed %u comment",
                                                          "removed %u comments",
                                                          counts[ACCORD_CHANGE_REMOVED]),
                                             counts[ACCORD_CHANGE_REMOVED]));
}

static char *
join_parts (GPtrArray *parts)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint shown = parts->len > 4 ? 3 : parts->len;

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: what separates the changes a revision message lists. */
        g_string_append (message, C_("revision message", "; "));
      g_string_append (message, g_ptr_array_index (parts, i));
    }

  if (shown < parts->len)
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "; and %u more change",
                                         "; and %u more changes", parts->len - shown),
                            parts->len - shown);

  /* A message reads as a sentence. */
  if (message->len > 0)
    {
      gunichar first = g_utf8_get_char (message->str);
      char upper[8];
      int length = g_unichar_to_utf8 (g_unichar_totitle (first), upper);

      g_string_erase (message, 0, g_utf8_next_char (message->str) - message->str);
      g_string_prepend_len (message, upper, length);
    }

  return g_string_free (g_steal_pointer (&message), FALSE);
}

/**
 * accord_repository_describe_changes:
 * @self: an #AccordRepository
 * @strategy: the strategy as the work tree has it
 * @error: return location for a #GError
 *
 * Writes a revision message from the unsaved changes, such as “Edited
 * “Présentation”; added objective O2.3”: what a drafter would write, as a
 * starting point.
 *
 * Returns: (transfer full): the message, or %NULL with
 *   %ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE when nothing changed
 */
char *
accord_repository_describe_changes (AccordRepository  *self,
                                    AccordStrategy    *strategy,
                                    GError           **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(git_commit) head = NULL;
  g_autoptr(git_tree) tree = NULL;
  guint comments[3] = { 0, };

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (ACCORD_IS_STRATEGY (strategy), NULL);

  if (!(changes = accord_repository_status (self, error)))
    return NULL;

  if (_accord_repository_lookup_commit (self, "HEAD", &head, NULL))
    git_commit_tree (&tree, head);
  git_error_clear ();

  for (guint i = 0; i < changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (changes, i);
      g_autoptr(AccordEntity) entity = NULL;
      g_autofree char *id = NULL;
      AccordEntityKind kind;

      if (!_accord_format_path_parse (change->path, &kind, &id))
        continue;

      if (kind == ACCORD_ENTITY_COMMENT)
        {
          comments[MIN (change->kind, 2)]++;
          continue;
        }

      if (kind == ACCORD_ENTITY_STRATEGY)
        {
          g_ptr_array_add (parts, g_strdup (_("edited the strategy’s title or summary")));
          continue;
        }

      if (change->kind == ACCORD_CHANGE_REMOVED)
        entity = load_head_entity (self, tree, change->path);
      else if (accord_strategy_lookup (strategy, id) != NULL)
        entity = g_object_ref (accord_strategy_lookup (strategy, id));

      if (entity != NULL)
        g_ptr_array_add (parts, describe_change (change->kind, entity));
    }

  describe_comments (parts, comments);

  if (parts->len == 0)
    {
      g_set_error_literal (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE,
                           _("There are no changes to save"));
      return NULL;
    }

  return join_parts (parts);
}
