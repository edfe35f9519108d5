/* accord-repository-describe.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-repository"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-entity-private.h"
#include "accord-format-private.h"
#include "accord-git-private.h"
#include "accord-objective.h"
#include "accord-participant.h"
#include "accord-problem.h"
#include "accord-repository-private.h"
#include "accord-section.h"

/*
 * A revision message drafted from the unsaved changes.
 */

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

/* The entity a deleted file held, as the last revision (@tree, or %NULL
 * before the first) has it. @entity is set to %NULL when there is none
 * to name: the file is not in @tree, too big, or not an entity. */
static gboolean
load_head_entity (AccordRepository  *self,
                  git_tree          *tree,
                  const char        *path,
                  AccordEntity     **entity,
                  GError           **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  int rc;

  *entity = NULL;

  if (tree == NULL)
    return TRUE;

  rc = git_tree_entry_bypath (&entry, tree, path);
  if (rc == GIT_ENOTFOUND)
    {
      git_error_clear ();
      return TRUE;
    }

  if (!_accord_git_check (rc, _("Could not read the last revision"), error) ||
      !_accord_git_check (git_blob_lookup (&blob, self->git, git_tree_entry_id (entry)),
                          _("Could not read the last revision"), error))
    return FALSE;

  if (git_blob_rawsize (blob) <= ACCORD_MAX_FILE_SIZE)
    *entity = _accord_repository_parse_entry (path, git_blob_rawcontent (blob),
                                              git_blob_rawsize (blob), problems);

  return TRUE;
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
  g_autoptr(GError) head_error = NULL;
  guint comments[3] = { 0, };

  g_return_val_if_fail (ACCORD_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (ACCORD_IS_STRATEGY (strategy), NULL);

  if (!(changes = accord_repository_status (self, error)))
    return NULL;

  /* Before the first revision there is nothing to compare with. */
  if (!_accord_repository_lookup_commit (self, "HEAD", &head, &head_error) &&
      !g_error_matches (head_error, ACCORD_REPOSITORY_ERROR,
                        ACCORD_REPOSITORY_ERROR_UNKNOWN_REVISION))
    {
      g_propagate_error (error, g_steal_pointer (&head_error));
      return NULL;
    }

  if (head != NULL &&
      !_accord_git_check (git_commit_tree (&tree, head), _("Could not read the last revision"),
                          error))
    return NULL;

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
        {
          if (!load_head_entity (self, tree, change->path, &entity, error))
            return NULL;
        }
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
