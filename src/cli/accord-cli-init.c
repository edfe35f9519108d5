/* accord-cli-init.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

static gboolean
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) &&
         info != NULL)
    {
      if (!remove_tree (child))
        return FALSE;
    }

  return g_file_delete (file, NULL, NULL);
}

/* Whether @path is a folder with nothing in it. */
static gboolean
is_empty_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* Checks that the existing @path is an empty folder. */
static gboolean
check_folder (const char  *path,
              GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS,
                   _("“%s” is a file: a new strategy needs an empty folder"), path);
      return FALSE;
    }

  if (!is_empty_folder (path))
    {
      g_set_error (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_EXISTS,
                   _("“%s” is not empty: a new strategy needs an empty folder"), path);
      return FALSE;
    }

  return TRUE;
}

/* accord_repository_create() may fail after it wrote the first files (when
 * no author is known, for instance): remove what it made, which is
 * everything in a folder that was empty or did not exist. */
static void
clean_up (const char *path,
          gboolean    existed)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  if (!existed)
    {
      remove_tree (folder);
      return;
    }

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) &&
         info != NULL)
    remove_tree (child);
}

static AccordStrategy *
import_markdown (const char  *path,
                 const char  *language,
                 GError     **error)
{
  g_autofree char *text = NULL;
  AccordStrategy *strategy;
  gsize length = 0;

  text = accord_cli_read_text_file (path, FALSE, &length, error);
  if (text == NULL)
    return NULL;

  strategy = accord_markdown_import (text, length, language, error);
  if (strategy == NULL)
    g_prefix_error (error, "%s: ", path);

  return strategy;
}

/* The new strategy: empty, or imported from Markdown; the title and the
 * language given override what the import found. */
static AccordStrategy *
make_strategy (const char  *path,
               const char  *title,
               const char  *language,
               const char  *markdown_file,
               GError     **error)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autofree char *folder_name = g_path_get_basename (canonical);
  AccordEntity *entity;

  if (markdown_file != NULL)
    strategy = import_markdown (markdown_file, language, error);
  else
    strategy = accord_strategy_new (folder_name, "fr");

  if (strategy == NULL)
    return NULL;

  entity = ACCORD_ENTITY (strategy);
  if (title == NULL && accord_entity_get_field (entity, "title") == NULL)
    title = folder_name;

  if (!accord_cli_set_field (entity, "title", title, TRUE, error) ||
      !accord_cli_set_field (entity, "language", language, TRUE, error))
    return NULL;

  return g_steal_pointer (&strategy);
}

/*
 * accord-cli init DIR [--title T] [--language fr] [--from-markdown FILE]
 *                     [--author "Name <email>"]
 *
 * Creates a strategy in a new or empty folder, with its first revision,
 * and prints that revision.
 */
int
accord_cli_cmd_init (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  g_autofree char *markdown_file = NULL;
  g_autofree char *author = NULL;
  const char *parameters = _("DIR");
  gboolean existed;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The strategy’s title (by default, the folder’s name)"), N_("TITLE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language it is written in (by default, fr)"), N_("LANGUAGE") },
    { "from-markdown", 0, 0, G_OPTION_ARG_FILENAME, &markdown_file,
      N_("Make its sections and objectives from a Markdown document (- for the standard "
         "input)"), N_("FILE") },
    { NULL }
  };

  context = accord_cli_context_new (parameters,
                                    _("Create a strategy, with its first revision, in a new or "
                                      "empty folder."),
                                    entries);
  accord_cli_add_author (context, &author);
  if ((status = accord_cli_parse (context, &argc, &argv, 1, parameters)) != 0)
    return status;

  if (language == NULL)
    language = g_strdup ("fr");

  if (!(strategy = make_strategy (argv[1], title, language, markdown_file, &error)))
    return accord_cli_fail (error);

  existed = g_file_test (argv[1], G_FILE_TEST_EXISTS);
  if (existed && !check_folder (argv[1], &error))
    return accord_cli_fail (error);

  if (!(repository = accord_repository_create (argv[1], strategy, author, NULL, &error)))
    {
      clean_up (argv[1], existed);
      return accord_cli_fail (error);
    }

  return accord_cli_print_revision (repository, "HEAD");
}
