/* accord-outline-actions.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-outline-private.h"
#include "accord-outline-row.h"

/*
 * The outline's widget actions, their keyboard shortcuts and the one
 * function that sets which of them are enabled: adding a section, a
 * sub-section or an objective, renaming, moving up and down, indenting and
 * outdenting, deleting with an Undo toast that puts back what was removed,
 * expanding and collapsing from the keyboard, and the context menu. Drag
 * and drop moves through _accord_outline_place_entity() too.
 */

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

/* A section itself, an objective's section. */
static AccordEntity *
section_of (AccordOutline *self,
            AccordEntity  *entity)
{
  if (entity == NULL || accord_entity_get_kind (entity) == ACCORD_ENTITY_SECTION)
    return entity;

  return _accord_outline_parent_of (self, entity);
}

static AccordEntity *
top_section_of (AccordOutline *self,
                AccordEntity  *entity)
{
  guint limit = accord_strategy_count (self->strategy, ACCORD_ENTITY_SECTION);

  entity = section_of (self, entity);
  for (guint steps = 0;
       entity != NULL && _accord_outline_parent_id_of (entity) != NULL;
       steps++)
    {
      if (steps > limit)
        return NULL;
      entity = _accord_outline_parent_of (self, entity);
    }

  return entity;
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

/* Moving */

/* Places @entity in the section @parent_id (the top level when %NULL),
 * right after @after, or first when @after is %NULL. */
gboolean
_accord_outline_place_entity (AccordOutline *self,
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

  _accord_outline_begin_busy (self);
  placed = accord_entity_set_field (entity, "order", order, &error) &&
           accord_entity_set_field (entity, kind == ACCORD_ENTITY_SECTION ? "parent" : "section",
                                    parent, &error);
  if (!placed)
    show_error (self, error);
  _accord_outline_select_entity (self, entity, TRUE, FALSE);
  _accord_outline_end_busy (self);

  return placed;
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
      AccordEntity *comment = _accord_outline_model_peek (comments, i);

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
        g_ptr_array_add (copy, _accord_outline_model_peek (children, i));
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

  _accord_outline_begin_busy (self);
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
    _accord_outline_select_entity (self, top, TRUE, FALSE);
  g_ptr_array_set_size (removal->copies, 0);
  _accord_outline_end_busy (self);
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
  GListModel *siblings = _accord_outline_siblings_of (self, entity);
  guint position;

  if (!_accord_outline_model_find (siblings, entity, &position))
    return NULL;

  if (position > 0)
    return _accord_outline_model_peek (siblings, position - 1);

  if (_accord_outline_parent_id_of (entity) != NULL)
    return _accord_outline_parent_of (self, entity);

  if (position + 1 < g_list_model_get_n_items (siblings))
    return _accord_outline_model_peek (siblings, position + 1);

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

  _accord_outline_begin_busy (self);
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
      _accord_outline_end_busy (self);
      return;
    }

  _accord_outline_select_entity (self, next, TRUE, FALSE);
  _accord_outline_end_busy (self);

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

  _accord_outline_begin_busy (self);
  if (accord_strategy_add (self->strategy, entity, &error))
    _accord_outline_select_entity (self, entity, TRUE, TRUE);
  else
    show_error (self, error);
  _accord_outline_end_busy (self);
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
    after = _accord_outline_last_of_kind (self, NULL, ACCORD_ENTITY_SECTION, NULL);

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
              _accord_outline_last_of_kind (self, section_id, ACCORD_ENTITY_SECTION, NULL),
              _("New Section"));
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
    after = _accord_outline_last_of_kind (self, section_id, ACCORD_ENTITY_OBJECTIVE, NULL);

  add_entity (self, ACCORD_ENTITY_OBJECTIVE, section_id, after, _("New Objective"));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordOutline *self = ACCORD_OUTLINE (widget);

  if (self->selected != NULL)
    _accord_outline_select_entity (self, self->selected, TRUE, TRUE);
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

  if (entity == NULL ||
      (sibling = _accord_outline_neighbour (self, entity, up ? -1 : 1, NULL)) == NULL)
    return;

  _accord_outline_place_entity (self, entity, _accord_outline_parent_id_of (entity),
                                up ? _accord_outline_neighbour (self, sibling, -1, NULL) : sibling);
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
      (previous = _accord_outline_neighbour (self, entity, -1, NULL)) == NULL)
    return;

  previous_id = accord_entity_get_id (previous);
  _accord_outline_place_entity (self, entity, previous_id,
                                _accord_outline_last_of_kind (self, previous_id,
                                                              ACCORD_ENTITY_SECTION, entity));
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
      (parent = _accord_outline_parent_of (self, entity)) == NULL)
    return;

  _accord_outline_place_entity (self, entity, _accord_outline_parent_id_of (parent), parent);
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

  position = _accord_outline_find_position (self, self->selected, FALSE);
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
      _accord_outline_expand_row (self, row);
      return;
    }

  child = gtk_tree_list_row_get_child_row (row, 0);
  if (child != NULL && (first = gtk_tree_list_row_get_item (child)) != NULL)
    _accord_outline_select_entity (self, first, TRUE, FALSE);
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
  else if ((parent = _accord_outline_parent_of (self, self->selected)) != NULL)
    {
      _accord_outline_select_entity (self, parent, TRUE, FALSE);
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

void
_accord_outline_add_arrow_shortcuts (AccordOutline *self)
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

void
_accord_outline_update_actions (AccordOutline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AccordEntity *entity = self->selected;
  gboolean editable = self->editable && self->strategy != NULL && !self->renaming;
  gboolean selected = editable && entity != NULL;
  gboolean is_section = selected && accord_entity_get_kind (entity) == ACCORD_ENTITY_SECTION;
  gboolean has_previous = selected && _accord_outline_neighbour (self, entity, -1, NULL) != NULL;

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
                                 selected &&
                                 _accord_outline_neighbour (self, entity, 1, NULL) != NULL);
  gtk_widget_action_set_enabled (widget, "outline.indent", is_section && has_previous);
  gtk_widget_action_set_enabled (widget, "outline.outdent",
                                 is_section && _accord_outline_parent_of (self, entity) != NULL);
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

  _accord_outline_update_actions (self);

  /* Enter and Escape give the focus back to the row; a click elsewhere
   * keeps it where it went. */
  if (!self->unbinding && entity == self->selected &&
      (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)) ||
       gtk_widget_is_ancestor (GTK_WIDGET (row), focus)))
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
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

void
_accord_outline_actions_setup_row (AccordOutline *self,
                                   GtkWidget     *row)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (row, "rename-done", G_CALLBACK (row_rename_done_cb), self, 0);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             const char      *action_name)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action_name, NULL);
}

void
_accord_outline_class_actions_init (AccordOutlineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
