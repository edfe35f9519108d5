/* accord-outline.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-outline.h"
#include "accord-outline-row.h"

/*
 * The sidebar's outline: sections within sections, each with its objectives,
 * shown through a GtkTreeListModel over the strategy's live lists of
 * children, and edited with widget actions, drag and drop and a context
 * menu.
 *
 * The strategy's lists are re-sorted by replacing all their items whenever
 * an order or a parent changes, which gives the tree new rows for them: new
 * rows are collapsed and the selection loses its item. So the outline keeps
 * by itself the selected entity and the ids of the sections shown expanded,
 * and puts both back each time the tree changes.
 */

#define DROP_NONE 2

struct _AccordOutline
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkMenuButton      *add_button;
  GMenuModel         *context_menu;

  AccordStrategy     *strategy;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  AccordEntity       *selected;
  AccordEntity       *dragged;
  AccordEntity       *pending;        /* row to focus once it is shown */
  GHashTable         *comment_counts; /* target id → number of comments */
  GHashTable         *rows;           /* entity id → AccordOutlineRow showing it */
  GHashTable         *expanded;       /* ids of the sections shown expanded */
  guint               pending_tick;
  guint               pending_frames;
  guint               model_changing; /* depth of "items-changed" emissions */
  guint               busy;           /* depth of the outline's own changes */
  guint               syncing;        /* the outline changes the selection */
  guint               editable : 1;
  guint               renaming : 1;
  guint               pending_rename : 1;
  guint               unbinding : 1;
};

G_DEFINE_FINAL_TYPE (AccordOutline, accord_outline, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STRATEGY,
  PROP_SELECTED,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  AccordStrategy *strategy;
  GPtrArray      *copies;   /* AccordEntity, in the order they were removed */
} Removal;

static void
removal_free (Removal *removal)
{
  g_clear_object (&removal->strategy);
  g_clear_pointer (&removal->copies, g_ptr_array_unref);
  g_free (removal);
}

/* Helpers over the outline's structure */

/* The id of the section @entity is in, or %NULL at the top level. */
static const char *
parent_id_of (AccordEntity *entity)
{
  switch (accord_entity_get_kind (entity))
    {
    case ACCORD_ENTITY_SECTION:
      return accord_entity_get_field (entity, "parent");

    case ACCORD_ENTITY_OBJECTIVE:
      return accord_entity_get_field (entity, "section");

    case ACCORD_ENTITY_STRATEGY:
    case ACCORD_ENTITY_ROUND:
    case ACCORD_ENTITY_PARTICIPANT:
    case ACCORD_ENTITY_COMMENT:
    case ACCORD_N_ENTITY_KINDS:
    default:
      return NULL;
    }
}

static AccordEntity *
parent_of (AccordOutline *self,
           AccordEntity  *entity)
{
  return accord_strategy_lookup (self->strategy, parent_id_of (entity));
}

static gboolean
is_outline_kind (AccordEntity *entity)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);

  return kind == ACCORD_ENTITY_SECTION || kind == ACCORD_ENTITY_OBJECTIVE;
}

/* The model keeps a reference: the item outlives this call. */
static gpointer
model_peek (GListModel *model,
            guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

static gboolean
model_find (GListModel *model,
            gpointer    item,
            guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  if (G_IS_LIST_STORE (model))
    return g_list_store_find (G_LIST_STORE (model), item, position);

  for (guint i = 0; i < n; i++)
    {
      if (model_peek (model, i) == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static GListModel *
siblings_of (AccordOutline *self,
             AccordEntity  *entity)
{
  return accord_strategy_get_children (self->strategy, parent_id_of (entity));
}

/* The nearest sibling of the same kind before (@step -1) or after (+1)
 * @entity, passing over @except. */
static AccordEntity *
neighbour (AccordOutline *self,
           AccordEntity  *entity,
           int            step,
           AccordEntity  *except)
{
  GListModel *siblings = siblings_of (self, entity);
  AccordEntityKind kind = accord_entity_get_kind (entity);
  int n = g_list_model_get_n_items (siblings);
  guint position;

  if (!model_find (siblings, entity, &position))
    return NULL;

  for (int i = (int) position + step; i >= 0 && i < n; i += step)
    {
      AccordEntity *other = model_peek (siblings, i);

      if (other == except)
        continue;
      if (accord_entity_get_kind (other) != kind)
        break;

      return other;
    }

  return NULL;
}

static AccordEntity *
last_of_kind (AccordOutline    *self,
              const char       *parent_id,
              AccordEntityKind  kind,
              AccordEntity     *except)
{
  GListModel *children = accord_strategy_get_children (self->strategy, parent_id);

  for (guint i = g_list_model_get_n_items (children); i > 0; i--)
    {
      AccordEntity *child = model_peek (children, i - 1);

      if (child != except && accord_entity_get_kind (child) == kind)
        return child;
    }

  return NULL;
}

/* A section itself, an objective's section. */
static AccordEntity *
section_of (AccordOutline *self,
            AccordEntity  *entity)
{
  if (entity == NULL || accord_entity_get_kind (entity) == ACCORD_ENTITY_SECTION)
    return entity;

  return parent_of (self, entity);
}

static AccordEntity *
top_section_of (AccordOutline *self,
                AccordEntity  *entity)
{
  guint limit = accord_strategy_count (self->strategy, ACCORD_ENTITY_SECTION);

  entity = section_of (self, entity);
  for (guint steps = 0; entity != NULL && parent_id_of (entity) != NULL; steps++)
    {
      if (steps > limit)
        return NULL;
      entity = parent_of (self, entity);
    }

  return entity;
}

/* Whether the section @id is @section or lies within it. */
static gboolean
is_within (AccordOutline *self,
           const char    *id,
           AccordEntity  *section)
{
  guint limit = accord_strategy_count (self->strategy, ACCORD_ENTITY_SECTION);

  for (guint steps = 0; id != NULL && steps <= limit; steps++)
    {
      AccordEntity *up;

      if (g_str_equal (id, accord_entity_get_id (section)))
        return TRUE;

      up = accord_strategy_lookup (self->strategy, id);
      if (up == NULL)
        return FALSE;
      id = parent_id_of (up);
    }

  return FALSE;
}

static void
show_toast (AccordOutline *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

static void
show_error (AccordOutline *self,
            const GError  *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autoptr(AdwToast) toast = adw_toast_new (escaped);

  g_debug ("%s", error->message);
  show_toast (self, toast);
}

/* Rows of the tree */

static void
expand_row (AccordOutline  *self,
            GtkTreeListRow *row)
{
  g_autoptr(AccordEntity) entity = gtk_tree_list_row_get_item (row);

  g_hash_table_add (self->expanded, g_strdup (accord_entity_get_id (entity)));
  gtk_tree_list_row_set_expanded (row, TRUE);
}

/* The position of @entity in the tree, expanding the sections it is in
 * when @expand, or GTK_INVALID_LIST_POSITION when it is not shown. */
static guint
find_position (AccordOutline *self,
               AccordEntity  *entity,
               gboolean       expand)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GtkTreeListRow) row = NULL;
  AccordEntity *up = entity;

  /* Up to the top, each item with its place among its siblings. A section
   * whose parents go round in a cycle is not in its parent's list: the
   * strategy hangs it at the top. */
  for (;;)
    {
      AccordEntity *parent = parent_of (self, up);
      guint index;

      if (g_ptr_array_find (chain, up, NULL))
        return GTK_INVALID_LIST_POSITION;
      g_ptr_array_add (chain, up);

      if (parent != NULL && model_find (siblings_of (self, up), up, &index))
        {
          g_array_append_val (indexes, index);
          up = parent;
          continue;
        }

      if (!model_find (accord_strategy_get_children (self->strategy, NULL), up, &index))
        return GTK_INVALID_LIST_POSITION;
      g_array_append_val (indexes, index);
      break;
    }

  for (guint i = chain->len; i > 0; i--)
    {
      guint index = g_array_index (indexes, guint, i - 1);
      GtkTreeListRow *child;

      if (row == NULL)
        {
          child = gtk_tree_list_model_get_child_row (self->tree, index);
        }
      else
        {
          if (!gtk_tree_list_row_get_expanded (row))
            {
              if (!expand)
                return GTK_INVALID_LIST_POSITION;
              expand_row (self, row);
            }
          child = gtk_tree_list_row_get_child_row (row, index);
        }

      g_clear_object (&row);
      row = child;
      if (row == NULL)
        return GTK_INVALID_LIST_POSITION;
    }

  return row != NULL ? gtk_tree_list_row_get_position (row) : GTK_INVALID_LIST_POSITION;
}

static void
select_position (AccordOutline *self,
                 guint          position)
{
  self->syncing++;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing--;
}

static void update_actions (AccordOutline *self);

static void
set_selected (AccordOutline *self,
              AccordEntity  *entity)
{
  if (!g_set_object (&self->selected, entity))
    return;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The row showing the pending entity, once the list has made it. */
static AccordOutlineRow *
get_pending_row (AccordOutline *self)
{
  AccordOutlineRow *row = g_hash_table_lookup (self->rows, accord_entity_get_id (self->pending));

  if (row == NULL || accord_outline_row_get_entity (row) != self->pending ||
      !gtk_widget_get_mapped (GTK_WIDGET (row)))
    return NULL;

  return row;
}

/* Gives the row of the entity the focus, or starts renaming it, once the
 * list shows it: a row just added or moved is made at the next layout. */
static gboolean
try_pending (AccordOutline *self)
{
  AccordOutlineRow *row = get_pending_row (self);

  if (row == NULL)
    return FALSE;

  if (self->pending_rename && self->editable)
    {
      self->renaming = TRUE;
      update_actions (self);
      accord_outline_row_start_rename (row);
    }
  else
    {
      gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
    }

  g_clear_object (&self->pending);

  return TRUE;
}

static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  AccordOutline *self = user_data;

  if (self->pending == NULL || try_pending (self) || ++self->pending_frames > 30)
    {
      g_clear_object (&self->pending);
      self->pending_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* The row is given the focus at once when it is there, so that the next
 * key pressed acts on it, and again at the next frame: a menu that
 * activated the action gives the focus back to where it was as it closes.
 * For the same reason renaming waits for the next frame. */
static void
request_row (AccordOutline *self,
             AccordEntity  *entity,
             gboolean       rename)
{
  AccordOutlineRow *row;

  g_set_object (&self->pending, entity);
  self->pending_rename = !!rename;
  self->pending_frames = 0;

  if (!rename && (row = get_pending_row (self)) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));

  if (self->pending_tick == 0)
    self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                       pending_tick_cb, self, NULL);
}

/* Selects @entity, expanding the sections it is in, and scrolls to it;
 * when @focus, its row also takes the focus, or is renamed when @rename. */
static void
select_entity (AccordOutline *self,
               AccordEntity  *entity,
               gboolean       focus,
               gboolean       rename)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (entity != NULL && self->strategy != NULL)
    position = find_position (self, entity, TRUE);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      select_position (self, GTK_INVALID_LIST_POSITION);
      set_selected (self, NULL);
      return;
    }

  select_position (self, position);
  set_selected (self, entity);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  if (focus || rename)
    request_row (self, entity, rename);
}

/* Makes the selection show the selected entity again after the tree
 * changed; if it is hidden in a collapsed section, that section is
 * selected instead. */
static void
sync_selection (AccordOutline *self)
{
  AccordEntity *entity = self->selected;
  guint limit;

  if (self->strategy == NULL || entity == NULL)
    return;

  limit = accord_strategy_count (self->strategy, ACCORD_ENTITY_SECTION) + 1;
  if (accord_strategy_lookup (self->strategy, accord_entity_get_id (entity)) == entity)
    {
      AccordEntity *up = entity;

      for (guint steps = 0; up != NULL && steps <= limit; up = parent_of (self, up), steps++)
        {
          guint position = find_position (self, up, FALSE);

          if (position != GTK_INVALID_LIST_POSITION)
            {
              if (gtk_single_selection_get_selected (self->selection) != position)
                select_position (self, position);
              set_selected (self, up);
              return;
            }
        }
    }

  select_position (self, GTK_INVALID_LIST_POSITION);
  set_selected (self, NULL);
}

static void
begin_busy (AccordOutline *self)
{
  self->busy++;
}

static void
end_busy (AccordOutline *self)
{
  g_assert (self->busy > 0);

  if (--self->busy == 0)
    {
      sync_selection (self);
      update_actions (self);
    }
}

static void
update_empty (AccordOutline *self)
{
  gboolean empty = FALSE;

  if (self->strategy != NULL)
    empty = g_list_model_get_n_items (accord_strategy_get_children (self->strategy, NULL)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "outline");
}

/* Expands again the sections among the rows just added that were expanded
 * before; last first, so that the positions still to look at stay put. */
static void
restore_expansion (AccordOutline *self,
                   guint          position,
                   guint          added)
{
  if (g_hash_table_size (self->expanded) == 0)
    return;

  for (guint i = position + added; i > position; i--)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i - 1);
      g_autoptr(AccordEntity) entity = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

      if (entity != NULL && !gtk_tree_list_row_get_expanded (row) &&
          g_hash_table_contains (self->expanded, accord_entity_get_id (entity)))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
tree_changing_cb (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  AccordOutline *self)
{
  self->model_changing++;
}

static void
tree_changed_cb (GListModel    *model,
                 guint          position,
                 guint          removed,
                 guint          added,
                 AccordOutline *self)
{
  restore_expansion (self, position, added);

  if (--self->model_changing > 0)
    return;

  if (self->busy == 0)
    sync_selection (self);
  update_empty (self);
  update_actions (self);
}

static void
selection_changed_cb (AccordOutline *self)
{
  GtkTreeListRow *row;
  g_autoptr(AccordEntity) entity = NULL;

  /* Changes the tree makes to the selection are mended in tree_changed_cb. */
  if (self->model_changing > 0 || self->syncing > 0)
    return;

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row != NULL)
    entity = gtk_tree_list_row_get_item (row);

  set_selected (self, entity);
}

static void
list_row_expanded_cb (GtkTreeListRow *row,
                      GParamSpec     *pspec,
                      AccordOutline  *self)
{
  g_autoptr(AccordEntity) entity = gtk_tree_list_row_get_item (row);

  /* A row removed from the tree also says it is no longer expanded. */
  if (entity == NULL)
    return;

  if (gtk_tree_list_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (accord_entity_get_id (entity)));
  else
    g_hash_table_remove (self->expanded, accord_entity_get_id (entity));
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  AccordStrategy *strategy = user_data;

  if (accord_entity_get_kind (item) != ACCORD_ENTITY_SECTION)
    return NULL;

  return g_object_ref (accord_strategy_get_children (strategy, accord_entity_get_id (item)));
}

/* Comment counts */

static void
change_comment_count (AccordOutline *self,
                      const char    *target,
                      int            delta)
{
  AccordOutlineRow *row;
  guint count;

  if (target == NULL)
    return;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->comment_counts, target));
  if (delta < 0 && count < (guint) -delta)
    count = 0;
  else
    count += delta;

  if (count == 0)
    g_hash_table_remove (self->comment_counts, target);
  else
    g_hash_table_insert (self->comment_counts, g_strdup (target), GUINT_TO_POINTER (count));

  row = g_hash_table_lookup (self->rows, target);
  if (row != NULL)
    accord_outline_row_set_comment_count (row, count);
}

static void
count_comments (AccordOutline *self)
{
  GListModel *comments = accord_strategy_get_entities (self->strategy, ACCORD_ENTITY_COMMENT);
  guint n = g_list_model_get_n_items (comments);

  for (guint i = 0; i < n; i++)
    change_comment_count (self, accord_entity_get_field (model_peek (comments, i), "target"), 1);
}

static void
strategy_entity_added_cb (AccordOutline *self,
                          AccordEntity  *entity)
{
  if (accord_entity_get_kind (entity) == ACCORD_ENTITY_COMMENT)
    change_comment_count (self, accord_entity_get_field (entity, "target"), 1);
}

static void
strategy_entity_removed_cb (AccordOutline *self,
                            AccordEntity  *entity)
{
  if (accord_entity_get_kind (entity) == ACCORD_ENTITY_COMMENT)
    change_comment_count (self, accord_entity_get_field (entity, "target"), -1);
  else if (entity == self->pending)
    g_clear_object (&self->pending);
}

/* Moving */

/* Places @entity in the section @parent_id (the top level when %NULL),
 * right after @after, or first when @after is %NULL. */
static gboolean
place_entity (AccordOutline *self,
              AccordEntity  *entity,
              const char    *parent_id,
              AccordEntity  *after)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);
  g_autofree char *parent = g_strdup (parent_id);
  g_autofree char *order = NULL;
  g_autoptr(GError) error = NULL;
  gboolean placed;

  order = accord_strategy_dup_order_after (self->strategy, parent,
                                           after != NULL ? accord_entity_get_id (after) : NULL,
                                           kind);
  if (order == NULL)
    return FALSE;

  begin_busy (self);
  placed = accord_entity_set_field (entity, "order", order, &error) &&
           accord_entity_set_field (entity, kind == ACCORD_ENTITY_SECTION ? "parent" : "section",
                                    parent, &error);
  if (!placed)
    show_error (self, error);
  select_entity (self, entity, TRUE, FALSE);
  end_busy (self);

  return placed;
}

/* Where dropping @entity on @target at @position puts it: in @parent_id,
 * after @after. */
static gboolean
resolve_drop (AccordOutline  *self,
              AccordEntity   *entity,
              AccordEntity   *target,
              int             position,
              const char    **parent_id,
              AccordEntity  **after)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);
  gboolean onto_section = accord_entity_get_kind (target) == ACCORD_ENTITY_SECTION;

  if (entity == target || !is_outline_kind (entity) || !is_outline_kind (target))
    return FALSE;

  if (kind == ACCORD_ENTITY_SECTION)
    {
      if (!onto_section)
        return FALSE;

      *parent_id = position == 0 ? accord_entity_get_id (target) : parent_id_of (target);
      /* Not into itself, nor into one of its own sub-sections. */
      if (is_within (self, *parent_id, entity))
        return FALSE;
    }
  else if (onto_section != (position == 0))
    {
      /* An objective goes into a section, or before or after an objective. */
      return FALSE;
    }
  else
    {
      *parent_id = onto_section ? accord_entity_get_id (target) : parent_id_of (target);
    }

  if (position == 0)
    *after = last_of_kind (self, *parent_id, kind, entity);
  else if (position > 0)
    *after = target;
  else
    *after = neighbour (self, target, -1, entity);

  return TRUE;
}

gboolean
_accord_outline_drop (AccordOutline *self,
                      const char    *id,
                      AccordEntity  *target,
                      int            position)
{
  AccordEntity *entity;
  const char *parent_id = NULL;
  AccordEntity *after = NULL;

  g_return_val_if_fail (ACCORD_IS_OUTLINE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (ACCORD_IS_ENTITY (target), FALSE);
  g_return_val_if_fail (position >= -1 && position <= 1, FALSE);

  if (!self->editable || self->strategy == NULL)
    return FALSE;

  entity = accord_strategy_lookup (self->strategy, id);
  if (entity == NULL || !resolve_drop (self, entity, target, position, &parent_id, &after))
    return FALSE;

  return place_entity (self, entity, parent_id, after);
}

/* Deleting */

/* Lists, for each id, the comments that target it or answer it. */
static GHashTable *
map_comments (AccordOutline *self)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);
  GListModel *comments = accord_strategy_get_entities (self->strategy, ACCORD_ENTITY_COMMENT);
  guint n = g_list_model_get_n_items (comments);
  const char * const fields[] = { "target", "parent" };

  for (guint i = 0; i < n; i++)
    {
      AccordEntity *comment = model_peek (comments, i);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *id = accord_entity_get_field (comment, fields[f]);
          GPtrArray *list;

          if (id == NULL)
            continue;

          list = g_hash_table_lookup (map, id);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (map, (gpointer) id, list);
            }
          g_ptr_array_add (list, comment);
        }
    }

  return map;
}

/* Adds to @order what hangs on @entity, then @entity itself, so that each
 * can be removed in turn. */
static void
collect_removal (AccordOutline *self,
                 AccordEntity  *entity,
                 GHashTable    *comments,
                 GHashTable    *seen,
                 GPtrArray     *order)
{
  const char *id = accord_entity_get_id (entity);
  GPtrArray *dependents;

  if (!g_hash_table_add (seen, entity))
    return;

  if (accord_entity_get_kind (entity) == ACCORD_ENTITY_SECTION)
    {
      GListModel *children = accord_strategy_get_children (self->strategy, id);
      g_autoptr(GPtrArray) copy = g_ptr_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        g_ptr_array_add (copy, model_peek (children, i));
      for (guint i = 0; i < copy->len; i++)
        collect_removal (self, g_ptr_array_index (copy, i), comments, seen, order);
    }

  dependents = g_hash_table_lookup (comments, id);
  for (guint i = 0; dependents != NULL && i < dependents->len; i++)
    collect_removal (self, g_ptr_array_index (dependents, i), comments, seen, order);

  g_ptr_array_add (order, g_object_ref (entity));
}

static void
undo_removal (AccordOutline *self,
              Removal       *removal)
{
  AccordEntity *top = NULL;

  if (removal->copies->len == 0)
    return;

  begin_busy (self);
  for (guint i = removal->copies->len; i > 0; i--)
    {
      AccordEntity *copy = g_ptr_array_index (removal->copies, i - 1);
      g_autoptr(GError) error = NULL;

      if (!accord_strategy_add (removal->strategy, copy, &error))
        g_debug ("Cannot put back %s: %s", accord_entity_get_id (copy), error->message);
      else if (i == removal->copies->len)
        top = copy;
    }

  if (top != NULL && removal->strategy == self->strategy)
    select_entity (self, top, TRUE, FALSE);
  g_ptr_array_set_size (removal->copies, 0);
  end_busy (self);
}

static void
undo_clicked_cb (AdwToast      *toast,
                 AccordOutline *self)
{
  Removal *removal = g_object_get_data (G_OBJECT (toast), "accord-removal");

  if (removal != NULL)
    undo_removal (self, removal);
}

/* What to select once @entity is gone: the sibling before it, or its
 * section, or the sibling after it. */
static AccordEntity *
next_selection (AccordOutline *self,
                AccordEntity  *entity)
{
  GListModel *siblings = siblings_of (self, entity);
  guint position;

  if (!model_find (siblings, entity, &position))
    return NULL;

  if (position > 0)
    return model_peek (siblings, position - 1);

  if (parent_id_of (entity) != NULL)
    return parent_of (self, entity);

  if (position + 1 < g_list_model_get_n_items (siblings))
    return model_peek (siblings, position + 1);

  return NULL;
}

static void
delete_entity (AccordOutline *self,
               AccordEntity  *entity)
{
  g_autoptr(GHashTable) comments = map_comments (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AccordEntity) next = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  const char *title;
  Removal *removal;

  collect_removal (self, entity, comments, seen, order);
  g_clear_pointer (&comments, g_hash_table_unref);
  g_set_object (&next, next_selection (self, entity));

  removal = g_new0 (Removal, 1);
  removal->strategy = g_object_ref (self->strategy);
  removal->copies = g_ptr_array_new_with_free_func (g_object_unref);

  begin_busy (self);
  for (guint i = 0; i < order->len; i++)
    {
      AccordEntity *item = g_ptr_array_index (order, i);
      g_autoptr(AccordEntity) copy = accord_entity_copy (item);

      if (!accord_strategy_remove (self->strategy, accord_entity_get_id (item), &error))
        break;
      g_ptr_array_add (removal->copies, g_steal_pointer (&copy));
    }

  if (error != NULL)
    {
      /* Leave the outline as it was. */
      undo_removal (self, removal);
      removal_free (removal);
      show_error (self, error);
      end_busy (self);
      return;
    }

  select_entity (self, next, TRUE, FALSE);
  end_busy (self);

  title = accord_entity_get_field (entity, "title");
  escaped = g_markup_escape_text (title != NULL ? title : _("Untitled"), -1);
  message = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "accord-removal", removal,
                          (GDestroyNotify) removal_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  show_toast (self, toast);
}

/* Adding */

static void
add_entity (AccordOutline    *self,
            AccordEntityKind  kind,
            const char       *parent_id,
            AccordEntity     *after,
            const char       *title)
{
  g_autoptr(AccordEntity) entity = accord_entity_new (kind, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;

  order = accord_strategy_dup_order_after (self->strategy, parent_id,
                                           after != NULL ? accord_entity_get_id (after) : NULL,
                                           kind);
  if (order == NULL)
    return;

  accord_entity_set_field (entity, "title", title, NULL);
  accord_entity_set_field (entity, "order", order, NULL);
  if (parent_id != NULL)
    accord_entity_set_field (entity, kind == ACCORD_ENTITY_SECTION ? "parent" : "section",
                             parent_id, NULL);

  begin_busy (self);
  if (accord_strategy_add (self->strategy, entity, &error))
    select_entity (self, entity, TRUE, TRUE);
  else
    show_error (self, error);
  end_busy (self);
}

/* Actions */

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  AccordEntity *after = NULL;

  if (self->selected != NULL)
    after = top_section_of (self, self->selected);
  if (after == NULL)
    after = last_of_kind (self, NULL, ACCORD_ENTITY_SECTION, NULL);

  add_entity (self, ACCORD_ENTITY_SECTION, NULL, after, _("New Section"));
}

static void
add_subsection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  AccordEntity *section = section_of (self, self->selected);
  const char *section_id;

  if (section == NULL)
    return;

  section_id = accord_entity_get_id (section);
  add_entity (self, ACCORD_ENTITY_SECTION, section_id,
              last_of_kind (self, section_id, ACCORD_ENTITY_SECTION, NULL), _("New Section"));
}

static void
add_objective_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  AccordEntity *section = section_of (self, self->selected);
  AccordEntity *after;
  const char *section_id;

  if (section == NULL)
    return;

  section_id = accord_entity_get_id (section);
  if (accord_entity_get_kind (self->selected) == ACCORD_ENTITY_OBJECTIVE)
    after = self->selected;
  else
    after = last_of_kind (self, section_id, ACCORD_ENTITY_OBJECTIVE, NULL);

  add_entity (self, ACCORD_ENTITY_OBJECTIVE, section_id, after, _("New Objective"));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);

  if (self->selected != NULL)
    select_entity (self, self->selected, TRUE, TRUE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  AccordEntity *entity = self->selected;
  gboolean up = g_str_equal (action_name, "outline.move-up");
  AccordEntity *sibling;

  if (entity == NULL || (sibling = neighbour (self, entity, up ? -1 : 1, NULL)) == NULL)
    return;

  place_entity (self, entity, parent_id_of (entity),
                up ? neighbour (self, sibling, -1, NULL) : sibling);
}

static void
indent_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  AccordEntity *entity = self->selected;
  AccordEntity *previous;
  const char *previous_id;

  if (entity == NULL || accord_entity_get_kind (entity) != ACCORD_ENTITY_SECTION ||
      (previous = neighbour (self, entity, -1, NULL)) == NULL)
    return;

  previous_id = accord_entity_get_id (previous);
  place_entity (self, entity, previous_id,
                last_of_kind (self, previous_id, ACCORD_ENTITY_SECTION, entity));
}

static void
outdent_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  AccordEntity *entity = self->selected;
  AccordEntity *parent;

  if (entity == NULL || accord_entity_get_kind (entity) != ACCORD_ENTITY_SECTION ||
      (parent = parent_of (self, entity)) == NULL)
    return;

  place_entity (self, entity, parent_id_of (parent), parent);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);

  if (self->selected != NULL)
    delete_entity (self, self->selected);
}

/* The row of the selected entity in the tree, when it is shown. */
static GtkTreeListRow *
dup_selected_row (AccordOutline *self)
{
  guint position;

  if (self->selected == NULL || self->strategy == NULL)
    return NULL;

  position = find_position (self, self->selected, FALSE);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_tree_list_model_get_row (self->tree, position);
}

/* Expands the selected section, or goes to its first item when it is
 * expanded already. */
static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  g_autoptr(GtkTreeListRow) row = dup_selected_row (self);
  g_autoptr(GtkTreeListRow) child = NULL;
  g_autoptr(AccordEntity) first = NULL;

  if (row == NULL || !gtk_tree_list_row_is_expandable (row))
    return;

  if (!gtk_tree_list_row_get_expanded (row))
    {
      expand_row (self, row);
      return;
    }

  child = gtk_tree_list_row_get_child_row (row, 0);
  if (child != NULL && (first = gtk_tree_list_row_get_item (child)) != NULL)
    select_entity (self, first, TRUE, FALSE);
}

/* Collapses the selected section, or goes to the section the selection is
 * in. */
static void
collapse_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  g_autoptr(GtkTreeListRow) row = dup_selected_row (self);
  AccordEntity *parent;

  if (row == NULL)
    return;

  if (gtk_tree_list_row_get_expanded (row))
    {
      g_hash_table_remove (self->expanded, accord_entity_get_id (self->selected));
      gtk_tree_list_row_set_expanded (row, FALSE);
    }
  else if ((parent = parent_of (self, self->selected)) != NULL)
    {
      select_entity (self, parent, TRUE, FALSE);
    }
}

/* Right expands and Left collapses (the other way round from right to
 * left) when a row has the focus. The list view would take these keys
 * before the outline's own bindings see them, so they are caught on their
 * way down to it. */
static gboolean
arrow_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean right = g_variant_get_boolean (args);

  if (self->renaming || self->selected == NULL || focus == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return FALSE;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    right = !right;

  return gtk_widget_activate_action (widget, right ? "outline.expand" : "outline.collapse", NULL);
}

static void
add_arrow_shortcuts (AccordOutline *self)
{
  const struct { guint keyval; gboolean right; } arrows[] = {
    { GDK_KEY_Right, TRUE }, { GDK_KEY_KP_Right, TRUE },
    { GDK_KEY_Left, FALSE }, { GDK_KEY_KP_Left, FALSE },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (arrows[i].keyval, 0),
                                                gtk_callback_action_new (arrow_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (arrows[i].right));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);
  AccordOutlineRow *row = NULL;

  if (self->selected != NULL)
    row = g_hash_table_lookup (self->rows, accord_entity_get_id (self->selected));

  if (row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)))
    accord_outline_row_popup_menu (row, self->context_menu, -1, -1);
  else
    gtk_menu_button_popup (self->add_button);
}

static void
update_actions (AccordOutline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AccordEntity *entity = self->selected;
  gboolean editable = self->editable && self->strategy != NULL && !self->renaming;
  gboolean selected = editable && entity != NULL;
  gboolean is_section = selected && accord_entity_get_kind (entity) == ACCORD_ENTITY_SECTION;
  gboolean has_previous = selected && neighbour (self, entity, -1, NULL) != NULL;

  gtk_widget_action_set_enabled (widget, "outline.context-menu",
                                 self->strategy != NULL && !self->renaming);
  gtk_widget_action_set_enabled (widget, "outline.expand", entity != NULL && !self->renaming);
  gtk_widget_action_set_enabled (widget, "outline.collapse", entity != NULL && !self->renaming);
  gtk_widget_action_set_enabled (widget, "outline.add-section", editable);
  gtk_widget_action_set_enabled (widget, "outline.add-subsection",
                                 selected && section_of (self, entity) != NULL);
  gtk_widget_action_set_enabled (widget, "outline.add-objective",
                                 selected && section_of (self, entity) != NULL);
  gtk_widget_action_set_enabled (widget, "outline.rename", selected);
  gtk_widget_action_set_enabled (widget, "outline.delete", selected);
  gtk_widget_action_set_enabled (widget, "outline.move-up", has_previous);
  gtk_widget_action_set_enabled (widget, "outline.move-down",
                                 selected && neighbour (self, entity, 1, NULL) != NULL);
  gtk_widget_action_set_enabled (widget, "outline.indent", is_section && has_previous);
  gtk_widget_action_set_enabled (widget, "outline.outdent",
                                 is_section && parent_of (self, entity) != NULL);
}

/* Rows */

static void
row_rename_done_cb (AccordOutlineRow *row,
                    const char       *text,
                    AccordOutline    *self)
{
  AccordEntity *entity = accord_outline_row_get_entity (row);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->renaming = FALSE;

  if (text != NULL && entity != NULL && self->editable)
    {
      g_autofree char *title = g_strstrip (g_strdelimit (g_strdup (text), "\r\n\t", ' '));
      g_autoptr(GError) error = NULL;

      if (*title != '\0' && !accord_entity_set_field (entity, "title", title, &error))
        show_error (self, error);
    }

  update_actions (self);

  /* Enter and Escape give the focus back to the row; a click elsewhere
   * keeps it where it went. */
  if (!self->unbinding && entity == self->selected &&
      (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)) ||
       gtk_widget_is_ancestor (GTK_WIDGET (row), focus)))
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 AccordOutline *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  AccordEntity *entity = accord_outline_row_get_entity (ACCORD_OUTLINE_ROW (row));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkPaintable) image = NULL;

  if (entity == NULL || !self->editable || self->renaming)
    return NULL;

  g_set_object (&self->dragged, entity);

  /* A still image: the row may show another entity while the drag goes on. */
  paintable = gtk_widget_paintable_new (row);
  image = gdk_paintable_get_current_image (paintable);
  gtk_drag_source_set_icon (source, image, (int) x, (int) y);

  return gdk_content_provider_new_typed (G_TYPE_STRING, accord_entity_get_id (entity));
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             AccordOutline *self)
{
  g_clear_object (&self->dragged);
}

/* Sections go before (top third), into (middle) or after (bottom third) a
 * section; objectives into a section, or before or after an objective. */
static int
drop_position (AccordOutline    *self,
               AccordEntity     *entity,
               AccordOutlineRow *row,
               double            y)
{
  AccordEntity *target = accord_outline_row_get_entity (row);
  double height = gtk_widget_get_height (GTK_WIDGET (row));
  const char *parent_id = NULL;
  AccordEntity *after = NULL;
  int position;

  if (entity == NULL || target == NULL || !self->editable)
    return DROP_NONE;

  if (accord_entity_get_kind (target) == ACCORD_ENTITY_SECTION)
    {
      if (accord_entity_get_kind (entity) == ACCORD_ENTITY_OBJECTIVE)
        position = 0;
      else
        position = y < height / 3 ? -1 : y > height * 2 / 3 ? 1 : 0;
    }
  else
    {
      position = y < height / 2 ? -1 : 1;
    }

  if (!resolve_drop (self, entity, target, position, &parent_id, &after))
    return DROP_NONE;

  return position;
}

static AccordEntity *
dropped_entity (AccordOutline *self,
                GtkDropTarget *target)
{
  const GValue *value;

  if (self->dragged != NULL)
    return self->dragged;

  value = gtk_drop_target_get_value (target);
  if (value == NULL || !G_VALUE_HOLDS_STRING (value) || g_value_get_string (value) == NULL)
    return NULL;

  return accord_strategy_lookup (self->strategy, g_value_get_string (value));
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                AccordOutline *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  AccordOutlineRow *row = ACCORD_OUTLINE_ROW (widget);
  int position = DROP_NONE;

  if (self->strategy != NULL)
    position = drop_position (self, dropped_entity (self, target), row, y);

  if (position == DROP_NONE)
    {
      accord_outline_row_hide_drop (row);
      return 0;
    }

  accord_outline_row_show_drop (row, position);

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               AccordOutline *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  accord_outline_row_hide_drop (ACCORD_OUTLINE_ROW (row));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AccordOutline *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  AccordOutlineRow *row = ACCORD_OUTLINE_ROW (widget);
  g_autoptr(AccordEntity) over = NULL;
  AccordEntity *entity;
  const char *id;
  int position;

  accord_outline_row_hide_drop (row);

  if (self->strategy == NULL || !G_VALUE_HOLDS_STRING (value) ||
      (id = g_value_get_string (value)) == NULL ||
      (entity = accord_strategy_lookup (self->strategy, id)) == NULL ||
      accord_outline_row_get_entity (row) == NULL)
    return FALSE;

  /* The row may show another entity once the outline has changed. */
  over = g_object_ref (accord_outline_row_get_entity (row));
  position = drop_position (self, entity, row, y);
  if (position == DROP_NONE)
    return FALSE;

  return _accord_outline_drop (self, id, over, position);
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                AccordOutline   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkTreeListRow *list_row = accord_outline_row_get_list_row (ACCORD_OUTLINE_ROW (row));

  if (list_row == NULL || self->renaming)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, gtk_tree_list_row_get_position (list_row));
  accord_outline_row_popup_menu (ACCORD_OUTLINE_ROW (row), self->context_menu, x, y);
}

static void
factory_setup_cb (AccordOutline *self,
                  GtkListItem   *item)
{
  GtkWidget *row = accord_outline_row_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (row, "rename-done", G_CALLBACK (row_rename_done_cb), self, 0);
  gtk_list_item_set_child (item, row);
}

static void
factory_bind_cb (AccordOutline *self,
                 GtkListItem   *item)
{
  AccordOutlineRow *row = ACCORD_OUTLINE_ROW (gtk_list_item_get_child (item));
  GtkTreeListRow *list_row = gtk_list_item_get_item (item);
  const char *id;
  guint count;

  accord_outline_row_bind (row, list_row);
  id = accord_entity_get_id (accord_outline_row_get_entity (row));
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->comment_counts, id));
  accord_outline_row_set_comment_count (row, count);
  g_hash_table_insert (self->rows, (gpointer) id, row);
  g_signal_connect_object (list_row, "notify::expanded",
                           G_CALLBACK (list_row_expanded_cb), self, 0);
}

static void
factory_unbind_cb (AccordOutline *self,
                   GtkListItem   *item)
{
  AccordOutlineRow *row = ACCORD_OUTLINE_ROW (gtk_list_item_get_child (item));
  GtkTreeListRow *list_row = accord_outline_row_get_list_row (row);
  AccordEntity *entity = accord_outline_row_get_entity (row);

  if (list_row != NULL)
    g_signal_handlers_disconnect_by_func (list_row, list_row_expanded_cb, self);

  if (entity != NULL && g_hash_table_lookup (self->rows, accord_entity_get_id (entity)) == row)
    g_hash_table_remove (self->rows, accord_entity_get_id (entity));

  self->unbinding = TRUE;
  accord_outline_row_unbind (row);
  self->unbinding = FALSE;
}

static void
list_view_activate_cb (AccordOutline *self,
                       guint          position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);
  g_autoptr(AccordEntity) entity = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (entity != NULL)
    g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, entity);
}

/* GObject */

static void
drop_strategy (AccordOutline *self)
{
  if (self->strategy != NULL)
    g_signal_handlers_disconnect_by_data (self->strategy, self);
  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_data (self->tree, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->strategy);
  g_clear_object (&self->pending);
  g_clear_object (&self->dragged);
  g_hash_table_remove_all (self->comment_counts);
  g_hash_table_remove_all (self->expanded);
}

static void
accord_outline_dispose (GObject *object)
{
  AccordOutline *self = ACCORD_OUTLINE (object);

  if (self->pending_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->pending_tick);
      self->pending_tick = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_OUTLINE);
  drop_strategy (self);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (accord_outline_parent_class)->dispose (object);
}

static void
accord_outline_finalize (GObject *object)
{
  AccordOutline *self = ACCORD_OUTLINE (object);

  g_clear_pointer (&self->comment_counts, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (accord_outline_parent_class)->finalize (object);
}

static void
accord_outline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordOutline *self = ACCORD_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      g_value_set_object (value, self->strategy);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_outline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordOutline *self = ACCORD_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      accord_outline_set_strategy (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      accord_outline_select (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      accord_outline_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             const char      *action_name)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action_name, NULL);
}

static void
accord_outline_class_init (AccordOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_outline_dispose;
  object_class->finalize = accord_outline_finalize;
  object_class->get_property = accord_outline_get_property;
  object_class->set_property = accord_outline_set_property;

  properties[PROP_STRATEGY] =
    g_param_spec_object ("strategy", NULL, NULL,
                         ACCORD_TYPE_STRATEGY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         ACCORD_TYPE_ENTITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordOutline::entity-activated:
   * @self: an #AccordOutline
   * @entity: the section or objective activated
   *
   * Emitted when a row is activated, by Enter or a double click.
   */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ACCORD_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/accord-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordOutline, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordOutline, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordOutline, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AccordOutline, add_button);
  gtk_widget_class_bind_template_child (widget_class, AccordOutline, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "outline.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "outline.add-subsection", NULL,
                                   add_subsection_action);
  gtk_widget_class_install_action (widget_class, "outline.add-objective", NULL,
                                   add_objective_action);
  gtk_widget_class_install_action (widget_class, "outline.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "outline.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "outline.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "outline.indent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "outline.outdent", NULL, outdent_action);
  gtk_widget_class_install_action (widget_class, "outline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "outline.context-menu", NULL,
                                   context_menu_action);
  gtk_widget_class_install_action (widget_class, "outline.expand", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "outline.collapse", NULL, collapse_action);

  add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "outline.add-section");
  add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK, "outline.add-subsection");
  add_binding (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "outline.add-objective");
  add_binding (widget_class, GDK_KEY_F2, 0, "outline.rename");
  add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "outline.move-up");
  add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "outline.move-up");
  add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "outline.move-down");
  add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "outline.move-down");
  add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "outline.indent");
  add_binding (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, "outline.indent");
  add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "outline.outdent");
  add_binding (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "outline.outdent");
  add_binding (widget_class, GDK_KEY_Delete, 0, "outline.delete");
  add_binding (widget_class, GDK_KEY_KP_Delete, 0, "outline.delete");
  add_binding (widget_class, GDK_KEY_plus, 0, "outline.expand");
  add_binding (widget_class, GDK_KEY_KP_Add, 0, "outline.expand");
  add_binding (widget_class, GDK_KEY_minus, 0, "outline.collapse");
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, "outline.collapse");
  add_binding (widget_class, GDK_KEY_Menu, 0, "outline.context-menu");
  add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "outline.context-menu");
}

static void
accord_outline_init (AccordOutline *self)
{
  self->editable = TRUE;
  self->comment_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_arrow_shortcuts (self);

  update_empty (self);
  update_actions (self);
}

GtkWidget *
accord_outline_new (void)
{
  return g_object_new (ACCORD_TYPE_OUTLINE, NULL);
}

AccordStrategy *
accord_outline_get_strategy (AccordOutline *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE (self), NULL);

  return self->strategy;
}

void
accord_outline_set_strategy (AccordOutline  *self,
                             AccordStrategy *strategy)
{
  GListModel *root;

  g_return_if_fail (ACCORD_IS_OUTLINE (self));
  g_return_if_fail (strategy == NULL || ACCORD_IS_STRATEGY (strategy));

  if (self->strategy == strategy)
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  drop_strategy (self);

  if (strategy != NULL)
    {
      self->strategy = g_object_ref (strategy);
      count_comments (self);
      g_signal_connect_swapped (strategy, "entity-added",
                                G_CALLBACK (strategy_entity_added_cb), self);
      g_signal_connect_swapped (strategy, "entity-removed",
                                G_CALLBACK (strategy_entity_removed_cb), self);

      /* Lazy: the rows of a section are made when it is expanded. */
      root = accord_strategy_get_children (strategy, NULL);
      self->tree = gtk_tree_list_model_new (g_object_ref (root), FALSE, FALSE,
                                            create_child_model,
                                            g_object_ref (strategy), g_object_unref);

      /* Around the selection's own handler: see tree_changed_cb(). */
      g_signal_connect (self->tree, "items-changed", G_CALLBACK (tree_changing_cb), self);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      g_signal_connect (self->tree, "items-changed", G_CALLBACK (tree_changed_cb), self);

      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected-item",
                                G_CALLBACK (selection_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_selected (self, NULL);
  update_empty (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRATEGY]);
  g_object_thaw_notify (G_OBJECT (self));
}

AccordEntity *
accord_outline_get_selected (AccordOutline *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE (self), NULL);

  return self->selected;
}

/**
 * accord_outline_select:
 * @self: an #AccordOutline
 * @entity: (nullable): a section or objective of the strategy, or %NULL
 *
 * Selects @entity, expanding the sections it is in, and scrolls to it.
 */
void
accord_outline_select (AccordOutline *self,
                       AccordEntity  *entity)
{
  g_return_if_fail (ACCORD_IS_OUTLINE (self));
  g_return_if_fail (entity == NULL || ACCORD_IS_ENTITY (entity));

  if (entity != NULL && !is_outline_kind (entity))
    entity = NULL;

  select_entity (self, entity, FALSE, FALSE);
}

gboolean
accord_outline_get_editable (AccordOutline *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE (self), FALSE);

  return self->editable;
}

/**
 * accord_outline_set_editable:
 * @self: an #AccordOutline
 * @editable: whether sections and objectives can be added, moved, renamed
 *   and deleted
 */
void
accord_outline_set_editable (AccordOutline *self,
                             gboolean       editable)
{
  g_return_if_fail (ACCORD_IS_OUTLINE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  if (!editable && self->renaming && self->selected != NULL)
    {
      AccordOutlineRow *row = g_hash_table_lookup (self->rows,
                                                   accord_entity_get_id (self->selected));

      if (row != NULL)
        accord_outline_row_finish_rename (row, FALSE);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
