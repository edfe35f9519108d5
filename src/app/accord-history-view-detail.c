/* accord-history-view-detail.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-history-view"

#include "config.h"

/* The detail panel: the selected revision's message, who saved it and
 * when, what it changed, and the strategy's outline as it was then, with
 * the text of the part selected in it. */

#include <string.h>
#include <glib/gi18n.h>

#include "accord-history-view-private.h"

/* Formatting */

static char *
format_short_id (const char *id)
{
  return g_strndup (id, 8);
}

static const char *
kind_label (AccordEntityKind kind)
{
  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      return C_("entity kind", "Strategy");
    case ACCORD_ENTITY_SECTION:
      return C_("entity kind", "Section");
    case ACCORD_ENTITY_OBJECTIVE:
      return C_("entity kind", "Objective");
    case ACCORD_ENTITY_ROUND:
      return C_("entity kind", "Consultation round");
    case ACCORD_ENTITY_PARTICIPANT:
      return C_("entity kind", "Participant");
    case ACCORD_ENTITY_COMMENT:
      return C_("entity kind", "Comment");
    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* How an entity is named: its title, an objective's code when @brief and
 * it has one. */
char *
_accord_history_view_dup_entity_name (AccordEntity *entity,
                                      gboolean      brief)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);
  const char *title = NULL;
  const char *code = NULL;

  if (accord_entity_kind_has_field (kind, "title"))
    title = accord_entity_get_field (entity, "title");
  else if (accord_entity_kind_has_field (kind, "name"))
    title = accord_entity_get_field (entity, "name");

  if (title == NULL || *title == '\0')
    title = accord_entity_get_id (entity);

  if (kind == ACCORD_ENTITY_OBJECTIVE)
    code = accord_entity_get_field (entity, "code");

  if (code == NULL || *code == '\0')
    return g_strdup (title);

  if (brief)
    return g_strdup (code);

  /* Translators: an objective's code, then its title: “O2.3 Open data” */
  return g_strdup_printf (_("%s %s"), code, title);
}

/* "Présentation, O2.3 and 3 more" */
static char *
format_names (GPtrArray *names)
{
  const char *first;
  const char *second;
  guint more;

  if (names->len == 0)
    return NULL;

  first = g_ptr_array_index (names, 0);
  if (names->len == 1)
    return g_strdup (first);

  second = g_ptr_array_index (names, 1);
  if (names->len == 2)
    /* Translators: two changed entities, “Présentation and O2.3” */
    return g_strdup_printf (_("%s and %s"), first, second);

  more = names->len - 2;
  /* Translators: two changed entities and how many others changed too:
   * “Présentation, O2.3 and 3 more” */
  return g_strdup_printf (ngettext ("%s, %s and %u more", "%s, %s and %u more", more),
                          first, second, more);
}

static const char *
change_label (AccordChangeKind kind)
{
  switch (kind)
    {
    case ACCORD_CHANGE_ADDED:
      return _("Added");
    case ACCORD_CHANGE_MODIFIED:
      return _("Changed");
    case ACCORD_CHANGE_REMOVED:
      return _("Removed");
    default:
      g_assert_not_reached ();
    }
}

static const char *
entity_text (AccordEntity *entity)
{
  switch (accord_entity_get_kind (entity))
    {
    case ACCORD_ENTITY_STRATEGY:
      return accord_entity_get_field (entity, "summary");
    case ACCORD_ENTITY_SECTION:
      return accord_section_get_body (ACCORD_SECTION (entity));
    case ACCORD_ENTITY_OBJECTIVE:
      return accord_objective_get_description (ACCORD_OBJECTIVE (entity));
    case ACCORD_ENTITY_ROUND:
    case ACCORD_ENTITY_PARTICIPANT:
    case ACCORD_ENTITY_COMMENT:
    case ACCORD_N_ENTITY_KINDS:
    default:
      return NULL;
    }
}

/* The selected revision */

static void
clear_text (AccordHistoryView *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_stack_set_visible_child_name (self->text_stack, "empty");
}

static void
show_entity_text (AccordHistoryView *self,
                  AccordEntity      *entity)
{
  g_autofree char *name = _accord_history_view_dup_entity_name (entity, FALSE);
  const char *text = entity_text (entity);

  gtk_label_set_text (self->text_title_label, name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            text != NULL ? text : "", -1);
  gtk_stack_set_visible_child_name (self->text_stack, "text");
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_change_row (const char       *name,
                 AccordEntityKind  kind,
                 AccordChangeKind  change)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle = gtk_label_new (kind_label (kind));
  GtkWidget *what = gtk_label_new (change_label (change));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);

  gtk_widget_set_valign (what, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (what, "caption");
  gtk_widget_add_css_class (what, change == ACCORD_CHANGE_ADDED ? "success"
                                  : change == ACCORD_CHANGE_REMOVED ? "error" : "accent");

  gtk_box_append (GTK_BOX (box), titles);
  gtk_box_append (GTK_BOX (box), what);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static AccordEntity *
lookup_entity (AccordStrategy *strategy,
               const char     *id)
{
  if (strategy == NULL)
    return NULL;

  if (g_str_equal (id, "strategy"))
    return ACCORD_ENTITY (strategy);

  return accord_strategy_lookup (strategy, id);
}

void
_accord_history_view_fill_changes (AccordHistoryView *self)
{
  const AccordRevision *revision = self->shown->revision;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;

  remove_rows (self->changes_list);

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      AccordEntityKind kind;
      AccordEntity *entity;
      GtkWidget *row;

      if (!_accord_history_view_parse_entity_path (change->path, &kind, &id))
        continue;

      /* A removed entity is named as it was just before. */
      entity = lookup_entity (change->kind == ACCORD_CHANGE_REMOVED ? self->previous
                                                                    : self->strategy, id);

      name = entity != NULL ? _accord_history_view_dup_entity_name (entity, FALSE)
                            : g_strdup (id);
      g_ptr_array_add (names, entity != NULL ? _accord_history_view_dup_entity_name (entity, TRUE)
                                             : g_strdup (id));

      row = make_change_row (name, kind, change->kind);
      g_object_set_data_full (G_OBJECT (row), "entity-id", g_steal_pointer (&id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                        change->kind != ACCORD_CHANGE_REMOVED);
      gtk_list_box_append (self->changes_list, row);
    }

  summary = format_names (names);
  gtk_label_set_text (self->changes_label,
                      summary != NULL ? summary
                                      : _("Nothing in the strategy changed in this revision."));
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), names->len > 0);
}

static void
add_outline_row (AccordHistoryView *self,
                 AccordEntity      *entity,
                 guint              depth,
                 GHashTable        *changed)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *name = _accord_history_view_dup_entity_name (entity, FALSE);
  GtkWidget *label = gtk_label_new (name);
  const char *id = ACCORD_IS_STRATEGY (entity) ? "strategy" : accord_entity_get_id (entity);
  AccordChangeKind *change = g_hash_table_lookup (changed, id);

  gtk_widget_set_margin_start (box, 18 * MIN (depth, 8));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (!ACCORD_IS_OBJECTIVE (entity))
    gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  /* What this revision did to it, so that the outline shows where the
   * changes are. */
  if (change != NULL)
    {
      GtkWidget *mark = gtk_label_new (change_label (*change));

      gtk_widget_add_css_class (mark, "caption");
      gtk_widget_add_css_class (mark, "dim-label");
      gtk_box_append (GTK_BOX (box), mark);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "entity-id", g_strdup (id), g_free);
  gtk_list_box_append (self->outline_list, row);
}

static GHashTable *
collect_changed (const AccordRevision *revision)
{
  GHashTable *changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);
      AccordEntityKind kind;
      char *id;

      if (_accord_history_view_parse_entity_path (change->path, &kind, &id))
        g_hash_table_insert (changed, id, &change->kind);
    }

  return changed;
}

void
_accord_history_view_fill_outline (AccordHistoryView *self)
{
  g_autoptr(GHashTable) changed = collect_changed (self->shown->revision);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) sections = accord_strategy_dup_outline (self->strategy);
  GListModel *objectives;
  gboolean selected = FALSE;

  self->filling_outline = TRUE;
  remove_rows (self->outline_list);

  add_outline_row (self, ACCORD_ENTITY (self->strategy), 0, changed);

  for (guint i = 0; i < sections->len; i++)
    {
      AccordSection *section = g_ptr_array_index (sections, i);
      guint depth = accord_strategy_get_depth (self->strategy, section);
      GListModel *children;

      add_outline_row (self, ACCORD_ENTITY (section), depth, changed);

      children = accord_strategy_get_children (self->strategy,
                                               accord_entity_get_id (ACCORD_ENTITY (section)));
      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(AccordEntity) child = g_list_model_get_item (children, j);

          if (!ACCORD_IS_OBJECTIVE (child))
            continue;

          add_outline_row (self, child, depth + 1, changed);
          g_hash_table_add (placed, child);
        }
    }

  /* Objectives of a section that does not exist are shown too. */
  objectives = accord_strategy_get_entities (self->strategy, ACCORD_ENTITY_OBJECTIVE);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(AccordEntity) objective = g_list_model_get_item (objectives, i);

      if (!g_hash_table_contains (placed, objective))
        add_outline_row (self, objective, 0, changed);
    }

  self->filling_outline = FALSE;

  /* The part read in the revision before stays selected, so that going
   * through revisions shows how it changed. */
  if (self->entity_id != NULL)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "entity-id"), self->entity_id) == 0)
            {
              gtk_list_box_select_row (self->outline_list, GTK_LIST_BOX_ROW (row));
              selected = TRUE;
              break;
            }
        }
    }

  if (!selected)
    clear_text (self);
}

static void
outline_row_selected_cb (AccordHistoryView *self,
                         GtkListBoxRow     *row)
{
  AccordEntity *entity;

  /* Rows removed while the outline is rebuilt unselect nothing the
   * drafter chose. */
  if (self->filling_outline || self->outline_list == NULL)
    return;

  g_clear_pointer (&self->entity_id, g_free);
  if (row != NULL)
    self->entity_id = g_strdup (g_object_get_data (G_OBJECT (row), "entity-id"));

  entity = _accord_history_view_get_selected_entity (self);
  if (entity != NULL)
    show_entity_text (self, entity);
  else
    clear_text (self);

  _accord_history_view_update_actions (self);
}

static void
changes_row_activated_cb (AccordHistoryView *self,
                          GtkListBoxRow     *changed_row)
{
  const char *id = g_object_get_data (G_OBJECT (changed_row), "entity-id");

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "entity-id"), id) == 0)
        {
          gtk_list_box_select_row (self->outline_list, GTK_LIST_BOX_ROW (row));
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

void
_accord_history_view_show_header (AccordHistoryView *self)
{
  const AccordRevision *revision = self->shown->revision;
  g_autofree char *date = _accord_history_view_format_full_date (revision);
  g_autofree char *meta = NULL;
  g_autofree char *short_id = format_short_id (revision->id);
  g_autofree char *id_tooltip = NULL;
  g_autofree char *summary = _accord_history_view_dup_summary (revision);
  const char *body = revision->message != NULL ? revision->message + strlen (summary) : "";

  /* Translators: the first %s is who saved a revision, the second when */
  meta = g_strdup_printf (_("Saved by %s on %s"), revision->author_name, date);
  /* Translators: %s is the full id of a revision */
  id_tooltip = g_strdup_printf (_("Revision %s"), revision->id);

  /* The message's first line is its title; the rest, after a blank
   * line by git's convention, explains it. */
  while (g_ascii_isspace (*body))
    body++;

  gtk_label_set_text (self->message_label, summary);
  gtk_label_set_text (self->body_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), *body != '\0');
  gtk_label_set_text (self->meta_label, meta);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meta_label), revision->author_email);
  gtk_label_set_text (self->id_label, short_id);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_label), id_tooltip);
  _accord_history_view_fill_tags (self->tags_box, (const char * const *) revision->tags);
}

void
_accord_history_view_clear_detail (AccordHistoryView *self)
{
  self->filling_outline = TRUE;
  remove_rows (self->changes_list);
  remove_rows (self->outline_list);
  self->filling_outline = FALSE;
  clear_text (self);
}

void
_accord_history_view_class_detail_init (AccordHistoryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, outline_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, changes_row_activated_cb);
}
