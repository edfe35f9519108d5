/* accord-outline-row.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-outline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-outline-row.h"

/*
 * One line of the outline: the expander that indents it and opens a
 * section, an icon for its kind, its title (with the code of an objective),
 * an entry that takes the title's place while it is renamed, and the number
 * of comments made on it. The outline binds it to the items of its tree
 * and gives it its behaviour; the row only shows.
 */

struct _AccordOutlineRow
{
  GtkWidget        parent_instance;

  GtkTreeExpander *expander;
  GtkImage        *icon;
  GtkStack        *title_stack;
  GtkLabel        *title_label;
  GtkEntry        *title_entry;
  GtkLabel        *badge;

  GtkWidget       *menu;
  GtkTreeListRow  *list_row;
  AccordEntity    *entity;
  AccordEntityKind kind;
  guint            comment_count;
  guint            renaming : 1;
  guint            drop_shown : 1;
};

G_DEFINE_FINAL_TYPE (AccordOutlineRow, accord_outline_row, GTK_TYPE_WIDGET)

enum {
  RENAME_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const drop_classes[] = { "drop-before", "drop-into", "drop-after" };

static void
update_title (AccordOutlineRow *self)
{
  const char *title = accord_entity_get_field (self->entity, "title");
  const char *code = NULL;
  g_autofree char *text = NULL;

  if (title == NULL)
    title = _("Untitled");

  if (accord_entity_get_kind (self->entity) == ACCORD_ENTITY_OBJECTIVE)
    code = accord_entity_get_field (self->entity, "code");

  if (code != NULL)
    /* Translators: an objective in the outline: its code, then its title,
     * such as “O2.1 · Reduce emissions”. */
    text = g_strdup_printf (_("%s · %s"), code, title);
  else
    text = g_strdup (title);

  gtk_label_set_label (self->title_label, text);
}

/* The whole title, when the row is too narrow for it. Set only when asked
 * for: setting a tooltip makes GTK look where the pointer is, which is too
 * slow to do for each row bound while scrolling. */
static gboolean
title_label_query_tooltip_cb (AccordOutlineRow *self,
                              int               x,
                              int               y,
                              gboolean          keyboard_mode,
                              GtkTooltip       *tooltip)
{
  PangoLayout *layout = gtk_label_get_layout (self->title_label);

  if (!pango_layout_is_ellipsized (layout))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (self->title_label));

  return TRUE;
}

static void
entity_changed_cb (AccordEntity     *entity,
                   const char       *field,
                   AccordOutlineRow *self)
{
  if (g_str_equal (field, "title") || g_str_equal (field, "code"))
    update_title (self);
}

static void
title_entry_activate_cb (AccordOutlineRow *self)
{
  accord_outline_row_finish_rename (self, TRUE);
}

static void
title_entry_leave_cb (AccordOutlineRow *self)
{
  accord_outline_row_finish_rename (self, TRUE);
}

/* The entry is made the first time the row is renamed: most rows never
 * are, and rows are made as the list scrolls. */
static void
ensure_title_entry (AccordOutlineRow *self)
{
  GtkEventController *focus;
  GtkEventController *shortcuts;
  GtkShortcut *escape;

  if (self->title_entry != NULL)
    return;

  self->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->title_entry), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  -1);
  g_signal_connect_swapped (self->title_entry, "activate",
                            G_CALLBACK (title_entry_activate_cb), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (title_entry_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), focus);

  escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                             gtk_named_action_new ("row.cancel-rename"));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), escape);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), shortcuts);

  gtk_stack_add_child (self->title_stack, GTK_WIDGET (self->title_entry));
}

static void
cancel_rename_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  accord_outline_row_finish_rename (ACCORD_OUTLINE_ROW (widget), FALSE);
}

static void
accord_outline_row_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  AccordOutlineRow *self = ACCORD_OUTLINE_ROW (widget);

  gtk_widget_measure (GTK_WIDGET (self->expander), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
accord_outline_row_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  AccordOutlineRow *self = ACCORD_OUTLINE_ROW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->expander), width, height, baseline, NULL);

  /* A popover follows its parent only when the parent presents it. */
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
accord_outline_row_dispose (GObject *object)
{
  AccordOutlineRow *self = ACCORD_OUTLINE_ROW (object);

  if (self->entity != NULL)
    accord_outline_row_unbind (self);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_OUTLINE_ROW);
  self->title_entry = NULL;

  G_OBJECT_CLASS (accord_outline_row_parent_class)->dispose (object);
}

static void
accord_outline_row_class_init (AccordOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_outline_row_dispose;

  widget_class->measure = accord_outline_row_measure;
  widget_class->size_allocate = accord_outline_row_size_allocate;

  /**
   * AccordOutlineRow::rename-done:
   * @self: an #AccordOutlineRow
   * @text: (nullable): the text entered, or %NULL when renaming was cancelled
   *
   * Emitted when renaming ends, by Enter, Escape or focus moving away.
   */
  signals[RENAME_DONE] =
    g_signal_new ("rename-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "row.cancel-rename", NULL, cancel_rename_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordOutlineRow, expander);
  gtk_widget_class_bind_template_child (widget_class, AccordOutlineRow, icon);
  gtk_widget_class_bind_template_child (widget_class, AccordOutlineRow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordOutlineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordOutlineRow, badge);
  gtk_widget_class_bind_template_callback (widget_class, title_label_query_tooltip_cb);
}

static void
accord_outline_row_init (AccordOutlineRow *self)
{
  self->kind = ACCORD_N_ENTITY_KINDS;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_outline_row_new (void)
{
  return g_object_new (ACCORD_TYPE_OUTLINE_ROW, NULL);
}

/* Shows the entity of @list_row, an item of a GtkTreeListModel whose items
 * are sections and objectives. */
void
accord_outline_row_bind (AccordOutlineRow *self,
                         GtkTreeListRow   *list_row)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AccordEntityKind kind;

  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));
  g_return_if_fail (GTK_IS_TREE_LIST_ROW (list_row));

  if (self->entity != NULL)
    accord_outline_row_unbind (self);

  self->list_row = g_object_ref (list_row);
  self->entity = gtk_tree_list_row_get_item (list_row);
  g_return_if_fail (ACCORD_IS_ENTITY (self->entity));

  /* Rows are bound again and again while the list scrolls: only what
   * differs is changed. */
  kind = accord_entity_get_kind (self->entity);
  if (kind != self->kind)
    {
      gboolean is_section = kind == ACCORD_ENTITY_SECTION;

      self->kind = kind;
      gtk_image_set_from_icon_name (self->icon, is_section ? "view-list-bullet-symbolic"
                                                           : "object-select-symbolic");
      gtk_widget_remove_css_class (widget, is_section ? "objective" : "section");
      gtk_widget_add_css_class (widget, is_section ? "section" : "objective");
    }

  gtk_tree_expander_set_list_row (self->expander, list_row);
  update_title (self);

  g_signal_connect_object (self->entity, "changed", G_CALLBACK (entity_changed_cb), self, 0);
}

void
accord_outline_row_unbind (AccordOutlineRow *self)
{
  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));

  accord_outline_row_finish_rename (self, FALSE);
  accord_outline_row_hide_drop (self);
  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));

  if (self->entity != NULL)
    g_signal_handlers_disconnect_by_func (self->entity, entity_changed_cb, self);

  gtk_tree_expander_set_list_row (self->expander, NULL);
  g_clear_object (&self->entity);
  g_clear_object (&self->list_row);
}

/* Returns: (transfer none) (nullable): the entity shown */
AccordEntity *
accord_outline_row_get_entity (AccordOutlineRow *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE_ROW (self), NULL);

  return self->entity;
}

/* Returns: (transfer none) (nullable): the item of the tree shown */
GtkTreeListRow *
accord_outline_row_get_list_row (AccordOutlineRow *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE_ROW (self), NULL);

  return self->list_row;
}

/* Returns: the text shown for the entity, its code included */
const char *
accord_outline_row_get_text (AccordOutlineRow *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
accord_outline_row_set_comment_count (AccordOutlineRow *self,
                                      guint             count)
{
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));

  if (self->comment_count == count && count > 0)
    return;

  self->comment_count = count;
  gtk_widget_set_visible (GTK_WIDGET (self->badge), count > 0);

  if (count == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  number = g_strdup_printf ("%u", count);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", count),
                                 count);
  gtk_label_set_label (self->badge, number);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

guint
accord_outline_row_get_comment_count (AccordOutlineRow *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE_ROW (self), 0);

  return self->comment_count;
}

/* Puts an entry holding the title in place of the label; Enter or moving
 * the focus away ends with "rename-done" and the text, Escape with %NULL. */
void
accord_outline_row_start_rename (AccordOutlineRow *self)
{
  const char *title;

  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));

  if (self->renaming || self->entity == NULL)
    return;

  ensure_title_entry (self);
  title = accord_entity_get_field (self->entity, "title");
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title != NULL ? title : "");
  self->renaming = TRUE;
  gtk_stack_set_visible_child (self->title_stack, GTK_WIDGET (self->title_entry));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

void
accord_outline_row_finish_rename (AccordOutlineRow *self,
                                  gboolean          commit)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));

  /* Hiding the entry takes the focus from it, which finishes again. */
  if (!self->renaming)
    return;

  self->renaming = FALSE;
  if (commit)
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  gtk_stack_set_visible_child (self->title_stack, GTK_WIDGET (self->title_label));

  g_signal_emit (self, signals[RENAME_DONE], 0, text);
}

gboolean
accord_outline_row_get_renaming (AccordOutlineRow *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE_ROW (self), FALSE);

  return self->renaming;
}

/* Returns: (transfer none) (nullable): the entry used to rename, once the
 * row has been renamed */
GtkEditable *
accord_outline_row_get_editable (AccordOutlineRow *self)
{
  g_return_val_if_fail (ACCORD_IS_OUTLINE_ROW (self), NULL);

  return self->title_entry != NULL ? GTK_EDITABLE (self->title_entry) : NULL;
}

/* Marks where a drop would go: before the row (-1), into it (0) or after
 * it (1). */
void
accord_outline_row_show_drop (AccordOutlineRow *self,
                              int               position)
{
  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));
  g_return_if_fail (position >= -1 && position <= 1);

  self->drop_shown = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (drop_classes); i++)
    {
      if ((int) i == position + 1)
        gtk_widget_add_css_class (GTK_WIDGET (self), drop_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), drop_classes[i]);
    }
}

void
accord_outline_row_hide_drop (AccordOutlineRow *self)
{
  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));

  if (!self->drop_shown)
    return;

  self->drop_shown = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (drop_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), drop_classes[i]);
}

/* Pops @menu up at (@x, @y) in the row, or under its middle when @x is
 * negative. */
void
accord_outline_row_popup_menu (AccordOutlineRow *self,
                               GMenuModel       *menu,
                               double            x,
                               double            y)
{
  GdkRectangle rect;

  g_return_if_fail (ACCORD_IS_OUTLINE_ROW (self));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (menu);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else if (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->menu)) != menu)
    {
      gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), menu);
    }

  if (x < 0)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self));
    }

  rect = (GdkRectangle) { (int) x, (int) y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}
