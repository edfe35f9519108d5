/* accord-outline-dnd.c
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
 * Drag and drop within the outline: each row is a drag source offering the
 * id of its entity, and a drop target that shows where the entity would
 * go, before, into or after the row, and moves it there. Sections go into
 * sections, never into themselves; objectives go into a section or next
 * to another objective. _accord_outline_drop() does the same for tests.
 */

#define DROP_NONE 2

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
      id = _accord_outline_parent_id_of (up);
    }

  return FALSE;
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

  if (entity == target || !_accord_outline_is_outline_kind (entity) ||
      !_accord_outline_is_outline_kind (target))
    return FALSE;

  if (kind == ACCORD_ENTITY_SECTION)
    {
      if (!onto_section)
        return FALSE;

      *parent_id = position == 0 ? accord_entity_get_id (target)
                                 : _accord_outline_parent_id_of (target);
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
      *parent_id = onto_section ? accord_entity_get_id (target)
                                : _accord_outline_parent_id_of (target);
    }

  if (position == 0)
    *after = _accord_outline_last_of_kind (self, *parent_id, kind, entity);
  else if (position > 0)
    *after = target;
  else
    *after = _accord_outline_neighbour (self, target, -1, entity);

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

  return _accord_outline_place_entity (self, entity, parent_id, after);
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

void
_accord_outline_dnd_setup_row (AccordOutline *self,
                               GtkWidget     *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
