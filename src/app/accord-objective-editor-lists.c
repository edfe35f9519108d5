/* accord-objective-editor-lists.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-objective-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-objective-editor-private.h"

/*
 * The partners and indicators of an objective, each shown as a list of
 * entry rows, one per item: building the rows from the entity, numbering
 * them, writing them back as the list field, and the buttons that add,
 * remove and move items. Blank rows are items still to be written: they
 * stay on screen but are not stored.
 */

/* The buttons of one item row, kept on the row as object data. */
typedef struct
{
  GtkWidget *move_up;
  GtkWidget *move_down;
  GtkWidget *remove;
} ItemButtons;

static const char * const item_buttons_key = "accord-item-buttons";

static GtkWidget *
get_item_row (ItemList *items,
              int       index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (items->list, index));
}

static int
count_item_rows (ItemList *items)
{
  int n = 0;

  while (get_item_row (items, n) != NULL)
    n++;

  return n;
}

static ItemButtons *
get_item_buttons (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), item_buttons_key);
}

static char *
dup_item_title (ItemList *items,
                int       index)
{
  if (items == &items->self->indicators)
    /* Translators: the title of the n-th indicator row of an objective. */
    return g_strdup_printf (_("Indicator %d"), index + 1);

  /* Translators: the title of the n-th partner row of an objective. */
  return g_strdup_printf (_("Partner %d"), index + 1);
}

/* Numbers the rows and shows the buttons that apply to each. */
void
_accord_objective_editor_update_item_rows (ItemList *items)
{
  gboolean editable = _accord_objective_editor_can_edit (items->self);
  int n = count_item_rows (items);

  for (int i = 0; i < n; i++)
    {
      GtkWidget *row = get_item_row (items, i);
      ItemButtons *buttons = get_item_buttons (row);
      g_autofree char *title = dup_item_title (items, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_sensitive (row, editable);
      gtk_widget_set_visible (buttons->remove, editable);

      if (buttons->move_up != NULL)
        {
          gtk_widget_set_visible (buttons->move_up, editable);
          gtk_widget_set_visible (buttons->move_down, editable);
          gtk_widget_set_sensitive (buttons->move_up, i > 0);
          gtk_widget_set_sensitive (buttons->move_down, i < n - 1);
        }
    }

  gtk_widget_set_visible (items->add_button, editable);
}

static void
write_items (ItemList *items)
{
  AccordObjectiveEditor *self = items->self;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->refreshing > 0 || self->objective == NULL)
    return;

  for (int i = 0; (row = get_item_row (items, i)) != NULL; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

      /* Like empty rows, rows of spaces are items still to be written. */
      if (!_accord_objective_editor_is_blank (text))
        g_ptr_array_add (values, (gpointer) text);
    }
  g_ptr_array_add (values, NULL);

  self->writing++;
  if (!accord_entity_set_list (ACCORD_ENTITY (self->objective), items->field,
                               (const char * const *) values->pdata, &error))
    g_warning ("Could not set the objective’s %s: %s", items->field, error->message);
  self->writing--;
}

static void
item_changed_cb (ItemList    *items,
                 AdwEntryRow *row)
{
  write_items (items);
}

static void
move_item (ItemList  *items,
           GtkWidget *button,
           int        delta)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkWidget *other = get_item_row (items, index + delta);
  g_autofree char *text = NULL;
  ItemButtons *buttons;

  if (index < 0 || other == NULL)
    return;

  /* The rows stay in place and swap their texts, which keeps the list
   * from being rebuilt under the button that was pressed. */
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  items->self->refreshing++;
  gtk_editable_set_text (GTK_EDITABLE (row), gtk_editable_get_text (GTK_EDITABLE (other)));
  gtk_editable_set_text (GTK_EDITABLE (other), text);
  items->self->refreshing--;

  _accord_objective_editor_update_item_rows (items);
  write_items (items);

  /* Keyboard focus follows the item, on the same button when it can
   * move further, on the other one at an end. */
  buttons = get_item_buttons (other);
  if (delta < 0)
    gtk_widget_grab_focus (gtk_widget_get_sensitive (buttons->move_up) ?
                           buttons->move_up : buttons->move_down);
  else
    gtk_widget_grab_focus (gtk_widget_get_sensitive (buttons->move_down) ?
                           buttons->move_down : buttons->move_up);
}

static void
move_up_clicked_cb (ItemList  *items,
                    GtkButton *button)
{
  move_item (items, GTK_WIDGET (button), -1);
}

static void
move_down_clicked_cb (ItemList  *items,
                      GtkButton *button)
{
  move_item (items, GTK_WIDGET (button), 1);
}

static void
remove_clicked_cb (ItemList  *items,
                   GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkWidget *next;

  gtk_list_box_remove (items->list, row);
  _accord_objective_editor_update_item_rows (items);
  write_items (items);

  /* Keep keyboard focus in the list: on the row that took its place, the
   * one before it, or the add button once the list is empty. */
  next = get_item_row (items, index);
  if (next == NULL && index > 0)
    next = get_item_row (items, index - 1);

  if (next != NULL)
    gtk_widget_grab_focus (get_item_buttons (next)->remove);
  else
    gtk_widget_grab_focus (items->add_button);
}

static GtkWidget *
item_button_new (ItemList   *items,
                 const char *name,
                 const char *icon_name,
                 const char *label,
                 GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_swapped (button, "clicked", callback, items);

  return button;
}

static GtkWidget *
item_row_new (ItemList   *items,
              const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  ItemButtons *buttons = g_new0 (ItemButtons, 1);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (item_changed_cb), items);

  if (items->reorderable)
    {
      buttons->move_up = item_button_new (items, "move-up", "go-up-symbolic", _("Move Up"),
                                          G_CALLBACK (move_up_clicked_cb));
      buttons->move_down = item_button_new (items, "move-down", "go-down-symbolic",
                                            _("Move Down"), G_CALLBACK (move_down_clicked_cb));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), buttons->move_up);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), buttons->move_down);
    }

  buttons->remove = item_button_new (items, "remove", "list-remove-symbolic",
                                     items == &items->self->indicators ?
                                     _("Remove Indicator") : _("Remove Partner"),
                                     G_CALLBACK (remove_clicked_cb));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), buttons->remove);
  g_object_set_data_full (G_OBJECT (row), item_buttons_key, buttons, g_free);

  return row;
}

/* Whether the rows already say what @values says; blank rows, which are
 * not stored, do not count. */
static gboolean
item_rows_match (ItemList           *items,
                 const char * const *values)
{
  guint n_values = values != NULL ? g_strv_length ((char **) values) : 0;
  guint matched = 0;
  GtkWidget *row;

  for (int i = 0; (row = get_item_row (items, i)) != NULL; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

      if (_accord_objective_editor_is_blank (text))
        continue;

      if (matched >= n_values || strcmp (text, values[matched]) != 0)
        return FALSE;

      matched++;
    }

  return matched == n_values;
}

void
_accord_objective_editor_refresh_items (ItemList *items,
                                        gboolean  rebuild)
{
  AccordObjectiveEditor *self = items->self;
  const char * const *values = NULL;
  GtkWidget *row;

  if (self->objective != NULL)
    values = accord_entity_get_list (ACCORD_ENTITY (self->objective), items->field);

  if (rebuild || !item_rows_match (items, values))
    {
      self->refreshing++;
      while ((row = get_item_row (items, 0)) != NULL)
        gtk_list_box_remove (items->list, row);

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        gtk_list_box_append (items->list, item_row_new (items, values[i]));
      self->refreshing--;
    }

  _accord_objective_editor_update_item_rows (items);
}

static void
add_item (ItemList *items)
{
  GtkWidget *row;

  if (!_accord_objective_editor_can_edit (items->self))
    return;

  row = item_row_new (items, "");
  gtk_list_box_append (items->list, row);
  _accord_objective_editor_update_item_rows (items);
  gtk_widget_grab_focus (row);
}

static void
add_partner_clicked_cb (AccordObjectiveEditor *self,
                        GtkButton             *button)
{
  add_item (&self->partners);
}

static void
add_indicator_clicked_cb (AccordObjectiveEditor *self,
                          GtkButton             *button)
{
  add_item (&self->indicators);
}

void
_accord_objective_editor_class_lists_init (AccordObjectiveEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, add_partner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_indicator_clicked_cb);
}

void
_accord_objective_editor_lists_init (AccordObjectiveEditor *self)
{
  self->partners = (ItemList) { self, "partner", self->partner_list,
                                self->add_partner_button, FALSE };
  self->indicators = (ItemList) { self, "indicator", self->indicator_list,
                                  self->add_indicator_button, TRUE };
}
