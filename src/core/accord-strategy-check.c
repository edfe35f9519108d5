/* accord-strategy-check.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-strategy"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-entity-private.h"
#include "accord-strategy-private.h"

/*
 * How the entities of a strategy refer to each other: every link must name
 * an entity of the right kind, parents must not form a cycle, and sections
 * must not nest deeper than ACCORD_STRATEGY_MAX_DEPTH. Each check visits
 * every entity once, so that a chain of thousands of nested sections costs
 * no more than as many sections side by side.
 */

/**
 * accord_strategy_get_problems:
 * @self: an #AccordStrategy
 *
 * Returns: (transfer none) (element-type AccordProblem): what was wrong in
 *   the files the strategy was read from, and in how they refer to each
 *   other (see accord_strategy_check())
 */
GPtrArray *
accord_strategy_get_problems (AccordStrategy *self)
{
  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);

  return _accord_strategy_get_problem_list (self);
}

void
_accord_strategy_add_problem (AccordStrategy *self,
                              AccordProblem  *problem)
{
  g_ptr_array_add (_accord_strategy_get_problem_list (self), problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  return accord_problem_compare (*(AccordProblem **) a, *(AccordProblem **) b);
}

static void
report_field (AccordStrategy *self,
              AccordEntity   *entity,
              const char     *field,
              const char     *message)
{
  g_autofree char *path = accord_entity_dup_path (entity);

  _accord_strategy_add_problem (self,
                                accord_problem_new (path, _accord_entity_get_line (entity, field),
                                                    message));
}

static void
check_reference (AccordStrategy   *self,
                 AccordEntity     *entity,
                 const char       *field,
                 AccordEntityKind  expected,
                 gboolean          outline_target)
{
  const char *id = accord_entity_get_field (entity, field);
  AccordEntity *target;
  g_autofree char *message = NULL;

  if (id == NULL)
    return;

  target = accord_strategy_lookup (self, id);

  if (target == NULL)
    message = g_strdup_printf (_("“%s” names “%s”, which does not exist"), field, id);
  else if (outline_target)
    {
      AccordEntityKind kind = accord_entity_get_kind (target);

      if (kind != ACCORD_ENTITY_SECTION && kind != ACCORD_ENTITY_OBJECTIVE &&
          kind != ACCORD_ENTITY_STRATEGY)
        message = g_strdup_printf (_("“%s” must name the strategy, a section or an objective"),
                                   field);
    }
  else if (accord_entity_get_kind (target) != expected)
    /* Translators: the last %s is a kind of entity, such as "section". */
    message = g_strdup_printf (_("“%s” names “%s”, which is not a %s"),
                               field, id, accord_entity_kind_to_string (expected));

  if (message != NULL)
    report_field (self, entity, field, message);
}

/* The entity @entity's @field names, when it is of the same kind. */
static AccordEntity *
parent_of_same_kind (AccordStrategy *self,
                     AccordEntity   *entity,
                     const char     *field)
{
  const char *id = accord_entity_get_field (entity, field);
  AccordEntity *up;

  if (id == NULL || *id == '\0')
    return NULL;

  up = accord_strategy_lookup (self, id);
  if (up == NULL || accord_entity_get_kind (up) != accord_entity_get_kind (entity))
    return NULL;

  return up;
}

/* Gives every entity on @path the depth of the one after it plus one,
 * walking back from the end: @depth is the stored depth of the entity the
 * path stopped at. Depths are stored plus one, so that 0 means unknown. */
static void
unwind_path (GHashTable *depths,
             GPtrArray  *path,
             guint       depth)
{
  for (guint j = path->len; j > 0; j--)
    {
      g_hash_table_insert (depths, g_ptr_array_index (path, j - 1), GUINT_TO_POINTER (depth + 1));
      if (depth < G_MAXUINT - 1)
        depth++;
    }
}

/**
 * _accord_strategy_walk_parents:
 * @self: an #AccordStrategy
 * @kind: sections or comments
 * @field: the field naming an entity's parent of the same kind
 * @depths: (nullable): filled with entity → depth plus one
 * @cyclic: filled with the entities caught in a cycle of parents
 * @breaks: (nullable): filled with one entity of each cycle, the one with
 *   the greatest id, where the outline breaks the cycle
 *
 * Follows the parents of every entity of @kind once, remembering where each
 * walk ended, so that the whole costs time linear in the number of
 * entities whatever the shape of the tree. An entity in a cycle has depth
 * 0, as it is shown at the top; one hanging under a cycle counts from it.
 */
void
_accord_strategy_walk_parents (AccordStrategy   *self,
                               AccordEntityKind  kind,
                               const char       *field,
                               GHashTable       *depths,
                               GHashTable       *cyclic,
                               GHashTable       *breaks)
{
  GListModel *entities = accord_strategy_get_entities (self, kind);
  g_autoptr(GHashTable) known = depths != NULL ? g_hash_table_ref (depths)
                                               : g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) on_path = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (entities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) start = g_list_model_get_item (entities, i);
      AccordEntity *at = start;
      gpointer index;

      g_ptr_array_set_size (path, 0);
      g_hash_table_remove_all (on_path);

      while (at != NULL)
        {
          gpointer depth = g_hash_table_lookup (known, at);

          if (depth != NULL)
            {
              unwind_path (known, path, GPOINTER_TO_UINT (depth));
              break;
            }

          if (g_hash_table_lookup_extended (on_path, at, NULL, &index))
            {
              guint first = GPOINTER_TO_UINT (index);
              AccordEntity *last = at;

              for (guint j = first; j < path->len; j++)
                {
                  AccordEntity *member = g_ptr_array_index (path, j);

                  g_hash_table_add (cyclic, member);
                  g_hash_table_insert (known, member, GUINT_TO_POINTER (1));
                  if (strcmp (accord_entity_get_id (member), accord_entity_get_id (last)) > 0)
                    last = member;
                }
              if (breaks != NULL)
                g_hash_table_add (breaks, last);
              g_ptr_array_set_size (path, first);
              unwind_path (known, path, 1);
              break;
            }

          g_hash_table_insert (on_path, at, GUINT_TO_POINTER (path->len));
          g_ptr_array_add (path, at);
          at = parent_of_same_kind (self, at, field);
        }

      /* The walk ended at an entity with no parent: it is at the top. */
      if (at == NULL && path->len > 0)
        {
          g_hash_table_insert (known, g_ptr_array_index (path, path->len - 1),
                               GUINT_TO_POINTER (1));
          g_ptr_array_set_size (path, path->len - 1);
          unwind_path (known, path, 1);
        }
    }
}

static void
check_parents (AccordStrategy   *self,
               AccordEntityKind  kind)
{
  g_autoptr(GHashTable) depths = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) cyclic = g_hash_table_new (NULL, NULL);
  GListModel *entities = accord_strategy_get_entities (self, kind);
  guint n = g_list_model_get_n_items (entities);

  _accord_strategy_walk_parents (self, kind, "parent", depths, cyclic, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) entity = g_list_model_get_item (entities, i);
      guint depth = GPOINTER_TO_UINT (g_hash_table_lookup (depths, entity));

      if (g_hash_table_contains (cyclic, entity))
        report_field (self, entity, "parent",
                      _("Following “parent” leads back to this file: the parents form a cycle"));
      /* Only the first section past the limit is reported: those below
       * it are shown at the same level and need no message of their own. */
      else if (kind == ACCORD_ENTITY_SECTION && depth == ACCORD_STRATEGY_MAX_DEPTH + 2)
        {
          g_autofree char *message =
            g_strdup_printf (_("Sections are nested more than %u levels deep here: this one "
                               "and those inside it are shown at level %u"),
                             ACCORD_STRATEGY_MAX_DEPTH, ACCORD_STRATEGY_MAX_DEPTH);

          report_field (self, entity, "parent", message);
        }
    }
}

static void
check_kind (AccordStrategy   *self,
            AccordEntityKind  kind)
{
  GListModel *entities = accord_strategy_get_entities (self, kind);
  guint n = g_list_model_get_n_items (entities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) entity = g_list_model_get_item (entities, i);

      switch (kind)
        {
        case ACCORD_ENTITY_SECTION:
          check_reference (self, entity, "parent", ACCORD_ENTITY_SECTION, FALSE);
          break;

        case ACCORD_ENTITY_OBJECTIVE:
          check_reference (self, entity, "section", ACCORD_ENTITY_SECTION, FALSE);
          break;

        case ACCORD_ENTITY_COMMENT:
          check_reference (self, entity, "round", ACCORD_ENTITY_ROUND, FALSE);
          check_reference (self, entity, "target", 0, TRUE);
          check_reference (self, entity, "parent", ACCORD_ENTITY_COMMENT, FALSE);
          check_reference (self, entity, "author", ACCORD_ENTITY_PARTICIPANT, FALSE);
          break;

        case ACCORD_ENTITY_STRATEGY:
        case ACCORD_ENTITY_ROUND:
        case ACCORD_ENTITY_PARTICIPANT:
        case ACCORD_N_ENTITY_KINDS:
        default:
          g_assert_not_reached ();
        }
    }

  if (kind == ACCORD_ENTITY_SECTION || kind == ACCORD_ENTITY_COMMENT)
    check_parents (self, kind);
}

/**
 * accord_strategy_check:
 * @self: an #AccordStrategy
 *
 * Checks how entities refer to each other: every parent, section, round,
 * target and author must exist and be of the right kind, parents must not
 * form a cycle, and sections must not nest deeper than
 * %ACCORD_STRATEGY_MAX_DEPTH. What is wrong is added to the problems.
 */
void
accord_strategy_check (AccordStrategy *self)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_if_fail (ACCORD_IS_STRATEGY (self));

  found = _accord_strategy_check_links (self);
}

/* Checks as accord_strategy_check() does, and returns a copy of the
 * problems found, for the workspace to keep. */
GPtrArray *
_accord_strategy_check_links (AccordStrategy *self)
{
  GPtrArray *problems = _accord_strategy_get_problem_list (self);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
  guint before = problems->len;

  check_kind (self, ACCORD_ENTITY_SECTION);
  check_kind (self, ACCORD_ENTITY_OBJECTIVE);
  check_kind (self, ACCORD_ENTITY_COMMENT);

  for (guint i = before; i < problems->len; i++)
    g_ptr_array_add (found, accord_problem_copy (g_ptr_array_index (problems, i)));
  g_ptr_array_sort (problems, compare_problems);

  return found;
}

/* Adds problems an earlier check found, when nothing changed since. */
void
_accord_strategy_add_checked (AccordStrategy *self,
                              GPtrArray      *problems)
{
  GPtrArray *list = _accord_strategy_get_problem_list (self);

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (list, accord_problem_copy (g_ptr_array_index (problems, i)));
  g_ptr_array_sort (list, compare_problems);
}
