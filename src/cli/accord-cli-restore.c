/* accord-cli-restore.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-cli.h"

/*
 * accord_repository_restore() writes the restored files before it saves
 * them, so a revision that cannot be made (no author known, for instance)
 * would leave them changed. The command keeps a copy of the strategy's
 * files and puts it back when the restore fails.
 */

/* The strategy's files: strategy.md and whatever the folders of the other
 * kinds hold, relative to @root. */
static GPtrArray *
list_files (const char *root)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_strdup ("strategy.md"));

  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      const char *directory = accord_entity_kind_get_directory (kind);
      g_autofree char *path = g_build_filename (root, directory, NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
    }

  return paths;
}

static GBytes *
read_file (const char *root,
           const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_bytes_new_take (contents, length);
}

static GHashTable *
snapshot_take (const char *root)
{
  GHashTable *snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) paths = list_files (root);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *relative = g_ptr_array_index (paths, i);
      GBytes *bytes = read_file (root, relative);

      if (bytes != NULL)
        g_hash_table_insert (snapshot, g_strdup (relative), bytes);
    }

  return snapshot;
}

/* Deletes the files that appeared since @snapshot and writes back those
 * that changed. */
static void
snapshot_put_back (const char *root,
                   GHashTable *snapshot)
{
  g_autoptr(GPtrArray) paths = list_files (root);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *relative = g_ptr_array_index (paths, i);
      g_autofree char *path = g_build_filename (root, relative, NULL);

      if (!g_hash_table_contains (snapshot, relative))
        g_unlink (path);
    }

  g_hash_table_iter_init (&iter, snapshot);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GBytes) current = read_file (root, key);
      g_autofree char *path = NULL;
      gsize length;
      const char *data;

      if (current != NULL && g_bytes_equal (current, value))
        continue;

      path = g_build_filename (root, key, NULL);
      data = g_bytes_get_data (value, &length);
      if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                     NULL))
        g_debug ("Could not put back %s", path);
    }
}

/*
 * accord-cli restore DIR REV [--entity ID] [--author "Name <email>"]
 *
 * Brings back the strategy, or one entity, as it was in REV, as a new
 * revision, and prints it.
 */
int
accord_cli_cmd_restore (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GHashTable) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *author = NULL;
  g_autofree char *revision = NULL;
  const char *parameters = _("DIR REV");
  int status;
  const GOptionEntry entries[] = {
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity,
      N_("Restore only this entity (a section, an objective…)"), N_("ID") },
    { NULL }
  };

  context = accord_cli_context_new (parameters,
                                    _("Bring back the strategy, or one entity, as it was in a "
                                      "past revision; this is saved as a new revision."),
                                    entries);
  accord_cli_add_author (context, &author);
  if ((status = accord_cli_parse (context, &argc, &argv, 2, parameters)) != 0)
    return status;

  if (!(repository = accord_cli_open (argv[1], NULL, &error)))
    return accord_cli_fail (error);

  snapshot = snapshot_take (accord_repository_get_path (repository));
  revision = accord_repository_restore (repository, argv[2], entity, author, &error);

  if (g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE))
    {
      g_print ("%s\n", _("Nothing to restore: it is already as in that revision"));
      return 0;
    }

  if (revision == NULL)
    {
      snapshot_put_back (accord_repository_get_path (repository), snapshot);
      return accord_cli_fail (error);
    }

  return accord_cli_print_revision (repository, revision);
}
