/* accord-outline.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-outline"

#include "config.h"

#include "accord-outline-private.h"
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
 *
 * This file holds the model, the selection, the comment badges and the
 * public API; accord-outline-tree.c the helpers that find an entity's
 * parent, siblings and neighbours; accord-outline-actions.c holds the
 * actions and the editing they do, accord-outline-dnd.c drag and drop.
 */

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

/* Rows of the tree */

void
_accord_outline_expand_row (AccordOutline  *self,
                            GtkTreeListRow *row)
{
  g_autoptr(AccordEntity) entity = gtk_tree_list_row_get_item (row);

  g_hash_table_add (self->expanded, g_strdup (accord_entity_get_id (entity)));
  gtk_tree_list_row_set_expanded (row, TRUE);
}

/* The position of @entity in the tree, expanding the sections it is in
 * when @expand, or GTK_INVALID_LIST_POSITION when it is not shown. */
guint
_accord_outline_find_position (AccordOutline *self,
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
      AccordEntity *parent = _accord_outline_parent_of (self, up);
      guint index;

      if (g_ptr_array_find (chain, up, NULL))
        return GTK_INVALID_LIST_POSITION;
      g_ptr_array_add (chain, up);

      if (parent != NULL &&
          _accord_outline_model_find (_accord_outline_siblings_of (self, up), up, &index))
        {
          g_array_append_val (indexes, index);
          up = parent;
          continue;
        }

      if (!_accord_outline_model_find (accord_strategy_get_children (self->strategy, NULL),
                                       up, &index))
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
              _accord_outline_expand_row (self, row);
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

static void
set_selected (AccordOutline *self,
              AccordEntity  *entity)
{
  if (!g_set_object (&self->selected, entity))
    return;

  _accord_outline_update_actions (self);
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
      _accord_outline_update_actions (self);
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
void
_accord_outline_select_entity (AccordOutline *self,
                               AccordEntity  *entity,
                               gboolean       focus,
                               gboolean       rename)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (entity != NULL && self->strategy != NULL)
    position = _accord_outline_find_position (self, entity, TRUE);

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

      for (guint steps = 0;
           up != NULL && steps <= limit;
           up = _accord_outline_parent_of (self, up), steps++)
        {
          guint position = _accord_outline_find_position (self, up, FALSE);

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

void
_accord_outline_begin_busy (AccordOutline *self)
{
  self->busy++;
}

void
_accord_outline_end_busy (AccordOutline *self)
{
  g_assert (self->busy > 0);

  if (--self->busy == 0)
    {
      sync_selection (self);
      _accord_outline_update_actions (self);
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
  _accord_outline_update_actions (self);
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

/* Counts @comment for its target, and notes which that is, so that the
 * count can move when the comment is given another target. */
static void
count_comment (AccordOutline *self,
               AccordEntity  *comment)
{
  const char *target = accord_entity_get_field (comment, "target");

  if (target == NULL)
    return;

  change_comment_count (self, target, 1);
  g_hash_table_insert (self->counted, g_strdup (accord_entity_get_id (comment)),
                       g_strdup (target));
}

static void
uncount_comment (AccordOutline *self,
                 AccordEntity  *comment)
{
  const char *target = g_hash_table_lookup (self->counted, accord_entity_get_id (comment));

  change_comment_count (self, target, -1);
  g_hash_table_remove (self->counted, accord_entity_get_id (comment));
}

static void
count_comments (AccordOutline *self)
{
  GListModel *comments = accord_strategy_get_entities (self->strategy, ACCORD_ENTITY_COMMENT);
  guint n = g_list_model_get_n_items (comments);

  for (guint i = 0; i < n; i++)
    count_comment (self, _accord_outline_model_peek (comments, i));
}

static void
strategy_entity_added_cb (AccordOutline *self,
                          AccordEntity  *entity)
{
  if (accord_entity_get_kind (entity) == ACCORD_ENTITY_COMMENT)
    count_comment (self, entity);
}

static void
strategy_entity_removed_cb (AccordOutline *self,
                            AccordEntity  *entity)
{
  if (accord_entity_get_kind (entity) == ACCORD_ENTITY_COMMENT)
    uncount_comment (self, entity);
  else if (entity == self->pending)
    g_clear_object (&self->pending);
}

static void
strategy_entity_changed_cb (AccordOutline *self,
                            AccordEntity  *entity,
                            const char    *field)
{
  if (accord_entity_get_kind (entity) == ACCORD_ENTITY_COMMENT && g_str_equal (field, "target"))
    {
      uncount_comment (self, entity);
      count_comment (self, entity);
    }
}

/* Rows */

static void
factory_setup_cb (AccordOutline *self,
                  GtkListItem   *item)
{
  GtkWidget *row = accord_outline_row_new ();

  _accord_outline_dnd_setup_row (self, row);
  _accord_outline_actions_setup_row (self, row);
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
  g_hash_table_remove_all (self->counted);
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
  g_clear_pointer (&self->counted, g_hash_table_unref);
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

  _accord_outline_class_actions_init (klass);
}

static void
accord_outline_init (AccordOutline *self)
{
  self->editable = TRUE;
  self->comment_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _accord_outline_add_arrow_shortcuts (self);

  update_empty (self);
  _accord_outline_update_actions (self);
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
      g_signal_connect_swapped (strategy, "entity-changed",
                                G_CALLBACK (strategy_entity_changed_cb), self);

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
  _accord_outline_update_actions (self);
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

  if (entity != NULL && !_accord_outline_is_outline_kind (entity))
    entity = NULL;

  _accord_outline_select_entity (self, entity, FALSE, FALSE);
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

  _accord_outline_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
