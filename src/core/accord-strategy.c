/* accord-strategy.c
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
#include "accord-objective.h"
#include "accord-strategy-private.h"

/*
 * AccordStrategy is both the strategy's own file (strategy.md: title,
 * language, summary…) and the collection of every other entity, indexed by
 * id. It keeps, per section, the list of its sub-sections and objectives in
 * order, as GListModels a GtkTreeListModel can show.
 */

struct _AccordStrategy
{
  AccordEntity  parent_instance;

  GHashTable   *entities;        /* id → AccordEntity */
  GListStore   *by_kind[ACCORD_N_ENTITY_KINDS];
  GPtrArray    *loading[ACCORD_N_ENTITY_KINDS]; /* read, not yet in by_kind */
  GHashTable   *members;         /* parent key → GPtrArray of AccordEntity */
  GHashTable   *parent_of;       /* id → parent key */
  GHashTable   *children;        /* parent key → GListStore, made on demand */
  GHashTable   *stale;           /* parent keys whose GListStore needs sorting again */
  GPtrArray    *problems;        /* AccordProblem */
  GPtrArray    *removed;         /* paths of removed entities, to delete on write */
  GHashTable   *modified;        /* entities changed since they were read or written */
  guint         unreadable : 1;  /* strategy.md could not be read */
};

G_DEFINE_FINAL_TYPE (AccordStrategy, accord_strategy, ACCORD_TYPE_ENTITY)

enum {
  ENTITY_ADDED,
  ENTITY_REMOVED,
  ENTITY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROOT_KEY ""

static void
accord_strategy_dispose (GObject *object)
{
  AccordStrategy *self = ACCORD_STRATEGY (object);

  if (self->entities != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->entities);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        _accord_entity_set_owner (value, NULL);
    }
  if (self->modified != NULL)
    g_hash_table_remove_all (self->modified);

  for (guint i = 0; i < ACCORD_N_ENTITY_KINDS; i++)
    g_clear_object (&self->by_kind[i]);
  for (guint i = 0; i < ACCORD_N_ENTITY_KINDS; i++)
    g_clear_pointer (&self->loading[i], g_ptr_array_unref);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->entities, g_hash_table_unref);

  G_OBJECT_CLASS (accord_strategy_parent_class)->dispose (object);
}

static void
accord_strategy_finalize (GObject *object)
{
  AccordStrategy *self = ACCORD_STRATEGY (object);

  g_clear_pointer (&self->parent_of, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->modified, g_hash_table_unref);

  G_OBJECT_CLASS (accord_strategy_parent_class)->finalize (object);
}

static void
accord_strategy_class_init (AccordStrategyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_strategy_dispose;
  object_class->finalize = accord_strategy_finalize;

  _accord_entity_class_set_schema (ACCORD_ENTITY_CLASS (klass), ACCORD_ENTITY_STRATEGY);

  /**
   * AccordStrategy::entity-added:
   * @self: an #AccordStrategy
   * @entity: the entity added
   */
  signals[ENTITY_ADDED] =
    g_signal_new ("entity-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ACCORD_TYPE_ENTITY);

  /**
   * AccordStrategy::entity-removed:
   * @self: an #AccordStrategy
   * @entity: the entity removed
   */
  signals[ENTITY_REMOVED] =
    g_signal_new ("entity-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ACCORD_TYPE_ENTITY);

  /**
   * AccordStrategy::entity-changed:
   * @self: an #AccordStrategy
   * @entity: the entity whose field changed, @self included
   * @field: the field's name
   *
   * Emitted after any field of any entity of the strategy changed: one
   * signal to watch for everything that needs writing.
   */
  signals[ENTITY_CHANGED] =
    g_signal_new ("entity-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ACCORD_TYPE_ENTITY, G_TYPE_STRING);
}

static void entity_changed_cb (AccordEntity   *entity,
                               const char     *field,
                               AccordStrategy *self);

/* Every field change of the strategy's entities comes here, after the
 * entity's own "changed" signal: what moves an entity in the outline is
 * followed first. */
void
_accord_strategy_emit_entity_changed (AccordStrategy *self,
                                      AccordEntity   *entity,
                                      const char     *field)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);

  if (kind == ACCORD_ENTITY_SECTION || kind == ACCORD_ENTITY_OBJECTIVE)
    entity_changed_cb (entity, field, self);

  g_signal_emit (self, signals[ENTITY_CHANGED], 0, entity, field);
}

/* The paths of removed entities whose files are still to be deleted. */
GPtrArray *
_accord_strategy_get_removed (AccordStrategy *self)
{
  return self->removed;
}

static void
accord_strategy_init (AccordStrategy *self)
{
  self->entities = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->parent_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->stale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
  self->removed = g_ptr_array_new_with_free_func (g_free);
  self->modified = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ACCORD_N_ENTITY_KINDS; i++)
    self->by_kind[i] = g_list_store_new (ACCORD_TYPE_ENTITY);
}

AccordStrategy *
_accord_strategy_new_empty (void)
{
  return g_object_new (ACCORD_TYPE_STRATEGY, "id", "strategy", NULL);
}

/**
 * accord_strategy_new:
 * @title: the strategy's title
 * @language: the language it is written in, such as "fr"
 *
 * Returns: (transfer full): a new strategy with no sections
 */
AccordStrategy *
accord_strategy_new (const char *title,
                     const char *language)
{
  AccordStrategy *self;
  AccordEntity *entity;
  g_autofree char *version = g_strdup_printf ("%d", ACCORD_FORMAT_VERSION);

  g_return_val_if_fail (title != NULL && *title != '\0', NULL);
  g_return_val_if_fail (_accord_language_is_valid (language), NULL);

  self = _accord_strategy_new_empty ();
  entity = ACCORD_ENTITY (self);

  accord_entity_set_field (entity, "accord-format", version, NULL);
  accord_entity_set_field (entity, "title", title, NULL);
  accord_entity_set_field (entity, "language", language, NULL);
  accord_entity_set_field (entity, "status", "draft", NULL);

  return self;
}

const char *
accord_strategy_get_title (AccordStrategy *self)
{
  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "title");
}

const char *
accord_strategy_get_language (AccordStrategy *self)
{
  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);

  return accord_entity_get_field (ACCORD_ENTITY (self), "language");
}

/* The section an outline item hangs under: a section's parent, an
 * objective's section; other kinds are not in the outline. */
static const char *
outline_parent (AccordEntity *entity)
{
  switch (accord_entity_get_kind (entity))
    {
    case ACCORD_ENTITY_SECTION:
      {
        const char *parent = accord_entity_get_field (entity, "parent");

        return parent != NULL ? parent : ROOT_KEY;
      }

    case ACCORD_ENTITY_OBJECTIVE:
      {
        const char *section = accord_entity_get_field (entity, "section");

        return section != NULL ? section : ROOT_KEY;
      }

    case ACCORD_ENTITY_STRATEGY:
    case ACCORD_ENTITY_ROUND:
    case ACCORD_ENTITY_PARTICIPANT:
    case ACCORD_ENTITY_COMMENT:
    case ACCORD_N_ENTITY_KINDS:
    default:
      return NULL;
    }
}

static void
mark_stale (AccordStrategy *self,
            const char     *key)
{
  if (g_hash_table_contains (self->children, key))
    g_hash_table_add (self->stale, g_strdup (key));
}

/* Whether following parents from @key comes back to @entity. */
static gboolean
leads_back (AccordStrategy *self,
            AccordEntity   *entity,
            const char     *key)
{
  guint limit = g_hash_table_size (self->entities);

  for (guint steps = 0; key != NULL && *key != '\0' && steps <= limit; steps++)
    {
      AccordEntity *up;

      if (g_str_equal (key, accord_entity_get_id (entity)))
        return TRUE;

      up = g_hash_table_lookup (self->entities, key);
      if (up == NULL || !ACCORD_IS_SECTION (up))
        return FALSE;

      key = accord_entity_get_field (up, "parent");
    }

  return FALSE;
}

static void
attach_under (AccordStrategy *self,
              AccordEntity   *entity,
              const char     *key)
{
  GPtrArray *members = g_hash_table_lookup (self->members, key);

  if (members == NULL)
    {
      members = g_ptr_array_new ();
      g_hash_table_insert (self->members, g_strdup (key), members);
    }

  g_ptr_array_add (members, entity);
  g_hash_table_insert (self->parent_of, g_strdup (accord_entity_get_id (entity)),
                       g_strdup (key));
  mark_stale (self, key);
}

static void
attach_member (AccordStrategy *self,
               AccordEntity   *entity)
{
  const char *key = outline_parent (entity);

  if (key == NULL)
    return;

  /* A section that closes a cycle of parents hangs at the top, so that
   * views walking the outline never go round for ever. While a strategy is
   * read, cycles are looked for once at the end instead (a walk up from
   * each section would take time quadratic in the depth). */
  if (ACCORD_IS_SECTION (entity) && self->loading[ACCORD_ENTITY_SECTION] == NULL &&
      leads_back (self, entity, key))
    key = ROOT_KEY;

  attach_under (self, entity, key);
}

static void
detach_member (AccordStrategy *self,
               AccordEntity   *entity)
{
  const char *key = g_hash_table_lookup (self->parent_of, accord_entity_get_id (entity));
  GPtrArray *members;

  if (key == NULL)
    return;

  members = g_hash_table_lookup (self->members, key);
  if (members != NULL)
    g_ptr_array_remove_fast (members, entity);

  mark_stale (self, key);
  g_hash_table_remove (self->parent_of, accord_entity_get_id (entity));
}

/* Re-sorts the lists views hold, so that they show a move at once. */
static void
refresh_stale (AccordStrategy *self)
{
  GList *keys = g_hash_table_get_keys (self->stale);
  g_autolist(GString) copies = NULL;

  /* Copy the keys: getting the children removes them from the table. */
  for (GList *l = keys; l != NULL; l = l->next)
    copies = g_list_prepend (copies, g_string_new (l->data));
  g_list_free (keys);

  for (GList *l = copies; l != NULL; l = l->next)
    {
      GString *key = l->data;

      accord_strategy_get_children (self, key->len > 0 ? key->str : NULL);
    }
}

static void
entity_changed_cb (AccordEntity   *entity,
                   const char     *field,
                   AccordStrategy *self)
{
  if (g_str_equal (field, "parent") || g_str_equal (field, "section"))
    {
      detach_member (self, entity);
      attach_member (self, entity);
    }
  else if (g_str_equal (field, "order"))
    {
      const char *key = outline_parent (entity);

      if (key != NULL)
        mark_stale (self, key);
    }
  else
    {
      return;
    }

  refresh_stale (self);
}

static void
insert_entity (AccordStrategy *self,
               AccordEntity   *entity)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);

  g_hash_table_insert (self->entities, (gpointer) accord_entity_get_id (entity),
                       g_object_ref (entity));
  _accord_entity_set_owner (entity, self);
  if (accord_entity_get_modified (entity))
    g_hash_table_add (self->modified, entity);
  if (self->loading[kind] != NULL)
    g_ptr_array_add (self->loading[kind], entity);
  else
    g_list_store_append (self->by_kind[kind], entity);
  attach_member (self, entity);
}

/* While a strategy is read, entities gather in arrays and go into the list
 * models at once at the end: one "items-changed" instead of thousands. */
void
_accord_strategy_begin_load (AccordStrategy *self)
{
  for (guint kind = 0; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      if (self->loading[kind] == NULL)
        self->loading[kind] = g_ptr_array_new ();
    }
}

void
_accord_strategy_end_load (AccordStrategy *self)
{
  g_autoptr(GHashTable) cyclic = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) breaks = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer entity;

  for (guint kind = 0; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(GPtrArray) loaded = g_steal_pointer (&self->loading[kind]);

      if (loaded != NULL && loaded->len > 0)
        g_list_store_splice (self->by_kind[kind],
                             g_list_model_get_n_items (G_LIST_MODEL (self->by_kind[kind])),
                             0, loaded->pdata, loaded->len);
    }

  /* One section of each cycle of parents hangs at the top. */
  _accord_strategy_walk_parents (self, ACCORD_ENTITY_SECTION, "parent", NULL, cyclic, breaks);

  g_hash_table_iter_init (&iter, breaks);
  while (g_hash_table_iter_next (&iter, &entity, NULL))
    {
      detach_member (self, entity);
      attach_under (self, entity, ROOT_KEY);
    }
}

/* Adds an entity read from @path, reporting an id used twice. */
void
_accord_strategy_add_loaded (AccordStrategy *self,
                             AccordEntity   *entity,
                             const char     *path)
{
  AccordEntity *existing = g_hash_table_lookup (self->entities, accord_entity_get_id (entity));

  if (existing != NULL)
    {
      g_autofree char *other = accord_entity_dup_path (existing);
      g_autofree char *message = g_strdup_printf (_("The id “%s” is already used by %s"),
                                                  accord_entity_get_id (entity), other);

      _accord_strategy_add_problem (self, accord_problem_new (path, 1, message));
      return;
    }

  insert_entity (self, entity);
}

/**
 * accord_strategy_lookup:
 * @self: an #AccordStrategy
 * @id: an entity id
 *
 * Returns: (transfer none) (nullable): the entity with @id
 */
AccordEntity *
accord_strategy_lookup (AccordStrategy *self,
                        const char     *id)
{
  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);

  if (id == NULL)
    return NULL;

  if (g_str_equal (id, "strategy"))
    return ACCORD_ENTITY (self);

  return g_hash_table_lookup (self->entities, id);
}

/**
 * accord_strategy_add:
 * @self: an #AccordStrategy
 * @entity: a new entity
 * @error: return location for a #GError
 *
 * Adds @entity, which is then written with the strategy.
 *
 * Returns: %TRUE unless the id is already taken
 */
gboolean
accord_strategy_add (AccordStrategy  *self,
                     AccordEntity    *entity,
                     GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (!ACCORD_IS_STRATEGY (entity), FALSE);

  if (g_hash_table_contains (self->entities, accord_entity_get_id (entity)))
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                   _("The id “%s” is already used"), accord_entity_get_id (entity));
      return FALSE;
    }

  /* A file removed then added back again is simply rewritten. */
  path = accord_entity_dup_path (entity);
  for (guint i = 0; i < self->removed->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->removed, i), path))
        g_ptr_array_remove_index (self->removed, i--);
    }

  _accord_entity_set_modified (entity, TRUE);
  insert_entity (self, entity);
  refresh_stale (self);
  g_signal_emit (self, signals[ENTITY_ADDED], 0, entity);

  return TRUE;
}

static guint
count_dependents (AccordStrategy *self,
                  const char     *id)
{
  GPtrArray *members = g_hash_table_lookup (self->members, id);
  guint count = members != NULL ? members->len : 0;
  GListModel *comments = G_LIST_MODEL (self->by_kind[ACCORD_ENTITY_COMMENT]);
  guint n = g_list_model_get_n_items (comments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) comment = g_list_model_get_item (comments, i);

      if (g_strcmp0 (accord_entity_get_field (comment, "target"), id) == 0 ||
          g_strcmp0 (accord_entity_get_field (comment, "parent"), id) == 0 ||
          g_strcmp0 (accord_entity_get_field (comment, "round"), id) == 0 ||
          g_strcmp0 (accord_entity_get_field (comment, "author"), id) == 0)
        count++;
    }

  return count;
}

/**
 * accord_strategy_remove:
 * @self: an #AccordStrategy
 * @id: the id of the entity to remove
 * @error: return location for a #GError
 *
 * Removes an entity; its file is deleted when the strategy is written. An
 * entity that others hang on (a section with sub-sections, objectives or
 * comments, a comment with replies) is not removed.
 *
 * Returns: %TRUE if the entity was removed
 */
gboolean
accord_strategy_remove (AccordStrategy  *self,
                        const char      *id,
                        GError         **error)
{
  g_autoptr(AccordEntity) entity = NULL;
  AccordEntityKind kind;
  guint dependents;
  guint position;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), FALSE);

  entity = g_hash_table_lookup (self->entities, id);
  if (entity == NULL)
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                   _("There is no entity with the id “%s”"), id);
      return FALSE;
    }

  /* Ours until the end, whichever way we leave. */
  g_object_ref (entity);

  /* Its file is about to go: an undo must find the entity whole. */
  _accord_entity_ensure_read (entity);

  dependents = count_dependents (self, id);
  if (dependents > 0)
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be removed: %u item depends on it",
                                "“%s” cannot be removed: %u items depend on it",
                                dependents),
                   id, dependents);
      return FALSE;
    }

  kind = accord_entity_get_kind (entity);
  _accord_entity_set_owner (entity, NULL);
  g_hash_table_remove (self->modified, entity);
  detach_member (self, entity);
  if (g_list_store_find (self->by_kind[kind], entity, &position))
    g_list_store_remove (self->by_kind[kind], position);
  g_hash_table_remove (self->entities, id);
  g_ptr_array_add (self->removed, accord_entity_dup_path (entity));
  refresh_stale (self);

  g_signal_emit (self, signals[ENTITY_REMOVED], 0, entity);

  return TRUE;
}

/**
 * accord_strategy_get_entities:
 * @self: an #AccordStrategy
 * @kind: a kind of entity
 *
 * Returns: (transfer none): every entity of @kind, in the order they were
 *   read or added
 */
GListModel *
accord_strategy_get_entities (AccordStrategy   *self,
                              AccordEntityKind  kind)
{
  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);
  g_return_val_if_fail (kind > ACCORD_ENTITY_STRATEGY && kind < ACCORD_N_ENTITY_KINDS, NULL);

  return G_LIST_MODEL (self->by_kind[kind]);
}

guint
accord_strategy_count (AccordStrategy   *self,
                       AccordEntityKind  kind)
{
  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), 0);

  return g_list_model_get_n_items (accord_strategy_get_entities (self, kind));
}

/* Objectives come before sub-sections; each by order key, then id. */
static int
compare_siblings (gconstpointer a,
                  gconstpointer b)
{
  AccordEntity *x = *(AccordEntity **) a;
  AccordEntity *y = *(AccordEntity **) b;
  AccordEntityKind kx = accord_entity_get_kind (x);
  AccordEntityKind ky = accord_entity_get_kind (y);
  int result;

  if (kx != ky)
    return kx == ACCORD_ENTITY_OBJECTIVE ? -1 : 1;

  result = g_strcmp0 (accord_entity_get_field (x, "order"), accord_entity_get_field (y, "order"));
  if (result != 0)
    return result;

  return strcmp (accord_entity_get_id (x), accord_entity_get_id (y));
}

static GPtrArray *
dup_sorted_members (AccordStrategy *self,
                    const char     *key)
{
  GPtrArray *members = g_hash_table_lookup (self->members, key);
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; members != NULL && i < members->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (members, i));

  g_ptr_array_sort (sorted, compare_siblings);

  return sorted;
}

/* The children of @key (ROOT_KEY for the top level), in order. */
GPtrArray *
_accord_strategy_dup_sorted_members (AccordStrategy *self,
                                     const char     *key)
{
  return dup_sorted_members (self, key != NULL ? key : ROOT_KEY);
}

/**
 * accord_strategy_get_children:
 * @self: an #AccordStrategy
 * @section_id: (nullable): a section's id, or %NULL for the top level
 *
 * The objectives, then the sub-sections, of a section, each group in
 * order. The list stays up to date as entities are added, removed or
 * moved.
 *
 * Returns: (transfer none): a list of #AccordEntity
 */
GListModel *
accord_strategy_get_children (AccordStrategy *self,
                              const char     *section_id)
{
  const char *key = section_id != NULL ? section_id : ROOT_KEY;
  GListStore *store;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);

  store = g_hash_table_lookup (self->children, key);
  if (store == NULL)
    {
      store = g_list_store_new (ACCORD_TYPE_ENTITY);
      g_hash_table_insert (self->children, g_strdup (key), store);
      g_hash_table_add (self->stale, g_strdup (key));
    }

  if (g_hash_table_remove (self->stale, key))
    {
      g_autoptr(GPtrArray) sorted = dup_sorted_members (self, key);

      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                           sorted->pdata, sorted->len);
    }

  return G_LIST_MODEL (store);
}

/* Adds the sections under @key to @outline, each followed by its own, depth
 * first. The walk keeps its own stack, so that a chain of thousands of
 * nested sections does not exhaust the thread's. */
static void
collect_outline (AccordStrategy *self,
                 const char     *key,
                 GPtrArray      *outline,
                 GHashTable     *seen)
{
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));
  guint zero = 0;

  g_ptr_array_add (levels, dup_sorted_members (self, key));
  g_array_append_val (next, zero);

  while (levels->len > 0)
    {
      GPtrArray *sorted = g_ptr_array_index (levels, levels->len - 1);
      guint *i = &g_array_index (next, guint, next->len - 1);
      AccordEntity *entity;

      if (*i >= sorted->len)
        {
          g_ptr_array_set_size (levels, levels->len - 1);
          g_array_set_size (next, next->len - 1);
          continue;
        }

      entity = g_ptr_array_index (sorted, (*i)++);
      if (accord_entity_get_kind (entity) != ACCORD_ENTITY_SECTION ||
          !g_hash_table_add (seen, entity))
        continue;

      g_ptr_array_add (outline, g_object_ref (entity));
      g_ptr_array_add (levels, dup_sorted_members (self, accord_entity_get_id (entity)));
      g_array_append_val (next, zero);
    }
}

/**
 * accord_strategy_dup_outline:
 * @self: an #AccordStrategy
 *
 * Every section in reading order: each followed by its sub-sections,
 * depth first. Sections whose parent is missing, or that are caught in a
 * cycle of parents, come last, so that nothing is hidden.
 *
 * Returns: (transfer full) (element-type AccordSection): the sections
 */
GPtrArray *
accord_strategy_dup_outline (AccordStrategy *self)
{
  GPtrArray *outline = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *sections;
  guint n;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), NULL);

  collect_outline (self, ROOT_KEY, outline, seen);

  sections = G_LIST_MODEL (self->by_kind[ACCORD_ENTITY_SECTION]);
  n = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n && outline->len < n; i++)
    {
      g_autoptr(AccordEntity) section = g_list_model_get_item (sections, i);

      if (g_hash_table_add (seen, section))
        {
          g_ptr_array_add (outline, g_object_ref (section));
          collect_outline (self, accord_entity_get_id (section), outline, seen);
        }
    }

  return outline;
}

/**
 * accord_strategy_get_depth:
 * @self: an #AccordStrategy
 * @section: a section of @self
 *
 * The level a section is shown at: sections caught in a cycle of parents
 * are shown at the top, and those nested deeper than
 * %ACCORD_STRATEGY_MAX_DEPTH at that depth.
 *
 * Returns: 0 for a top-level section, 1 for its sub-sections, and so on, up
 *   to %ACCORD_STRATEGY_MAX_DEPTH
 */
guint
accord_strategy_get_depth (AccordStrategy *self,
                           AccordSection  *section)
{
  const char *key;
  guint depth = 0;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (self), 0);
  g_return_val_if_fail (ACCORD_IS_SECTION (section), 0);

  /* Where each section hangs in the outline is free of cycles. */
  key = g_hash_table_lookup (self->parent_of, accord_entity_get_id (ACCORD_ENTITY (section)));

  while (key != NULL && *key != '\0' && depth < ACCORD_STRATEGY_MAX_DEPTH)
    {
      AccordEntity *up = g_hash_table_lookup (self->entities, key);

      if (up == NULL || !ACCORD_IS_SECTION (up))
        break;

      depth++;
      key = g_hash_table_lookup (self->parent_of, key);
    }

  return depth;
}

GPtrArray *
_accord_strategy_get_problem_list (AccordStrategy *self)
{
  return self->problems;
}

GPtrArray *
_accord_strategy_steal_removed (AccordStrategy *self)
{
  GPtrArray *removed = g_steal_pointer (&self->removed);

  self->removed = g_ptr_array_new_with_free_func (g_free);

  return removed;
}

void
_accord_strategy_forget_removed (AccordStrategy *self)
{
  g_ptr_array_set_size (self->removed, 0);
}

void
_accord_strategy_note_modified (AccordStrategy *self,
                                AccordEntity   *entity)
{
  g_hash_table_add (self->modified, entity);
}

static int
compare_entities_by_id (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (accord_entity_get_id (*(AccordEntity **) a),
                 accord_entity_get_id (*(AccordEntity **) b));
}

/* The entities changed since they were read or last written, the
 * strategy's own file first, the others by id; the set is emptied. */
GPtrArray *
_accord_strategy_dup_modified (AccordStrategy *self)
{
  GPtrArray *modified = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (accord_entity_get_modified (ACCORD_ENTITY (self)))
    g_ptr_array_add (modified, g_object_ref (self));

  g_hash_table_iter_init (&iter, self->modified);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (accord_entity_get_modified (key))
        g_ptr_array_add (others, key);
    }
  g_hash_table_remove_all (self->modified);

  g_ptr_array_sort (others, compare_entities_by_id);
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (modified, g_object_ref (g_ptr_array_index (others, i)));

  return modified;
}

void
_accord_strategy_add_removed (AccordStrategy *self,
                              const char     *path)
{
  g_ptr_array_add (self->removed, g_strdup (path));
}

/* Remembers that strategy.md could not be read, so that its fields are
 * not written over what the file holds. */
void
_accord_strategy_set_unreadable (AccordStrategy *self,
                                 gboolean        unreadable)
{
  self->unreadable = !!unreadable;
}

gboolean
_accord_strategy_get_unreadable (AccordStrategy *self)
{
  return self->unreadable;
}
