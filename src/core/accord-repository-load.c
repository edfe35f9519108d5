/* accord-repository-load.c
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
#include "accord-format-private.h"
#include "accord-git-private.h"
#include "accord-problem.h"
#include "accord-repository-private.h"
#include "accord-strategy-private.h"

/*
 * Reading a strategy, from the work tree or from a saved revision. A file
 * that cannot be read becomes a problem of the strategy; the rest opens.
 */

AccordStrategy *
_accord_repository_new_strategy (void)
{
  AccordStrategy *strategy = _accord_strategy_new_empty ();

  _accord_strategy_begin_load (strategy);

  return strategy;
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
static void
load_entry (AccordStrategy *strategy,
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

  load_entry (strategy, relative, data, length);
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

/* Ends reading, and checks how the entities refer to each other. */
static AccordStrategy *
finish_load (AccordStrategy *strategy)
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

  return finish_load (g_steal_pointer (&strategy));
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

  load_entry (strategy, path, git_blob_rawcontent (blob), git_blob_rawsize (blob));
}

/* Reads the files of @directory in @root, when @root has that folder. A
 * file or folder that cannot be read is a problem of @strategy. */
static void
load_tree_directory (AccordRepository *self,
                     AccordStrategy   *strategy,
                     git_tree         *root,
                     const char       *directory)
{
  const git_tree_entry *entry = git_tree_entry_byname (root, directory);
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GError) error = NULL;
  size_t count;

  if (entry == NULL || git_tree_entry_type (entry) != GIT_OBJECT_TREE)
    return;

  if (!_accord_git_check (git_tree_lookup (&tree, self->git, git_tree_entry_id (entry)),
                          _("Could not read the revision"), &error))
    {
      add_problem (strategy, directory, error->message);
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

  return finish_load (g_steal_pointer (&strategy));
}
