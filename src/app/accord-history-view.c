/* accord-history-view.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-history-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-history-view-private.h"
#include "accord-release.h"

/* The view of a strategy's history: the list of revisions on one side,
 * the selected revision on the other. This file holds the type, its
 * public API and the detail panel, which shows the selected revision's
 * message, changes and outline; accord-history-view-log.c reads the
 * history and fills the list, accord-history-view-actions.c restores
 * revisions and makes milestones. */

G_DEFINE_FINAL_TYPE (AccordHistoryView, accord_history_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_RESTORING,
  PROP_CAN_RESTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BEFORE_CHANGE,
  RESTORED,
  TAG_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* Signals */

void
_accord_history_view_emit_before_change (AccordHistoryView *self)
{
  g_signal_emit (self, signals[BEFORE_CHANGE], 0);
}

void
_accord_history_view_notify_restoring (AccordHistoryView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORING]);
}

void
_accord_history_view_emit_restored (AccordHistoryView *self,
                                    const char        *new_revision)
{
  g_signal_emit (self, signals[RESTORED], 0, new_revision);
}

void
_accord_history_view_emit_tag_created (AccordHistoryView *self,
                                       const char        *name)
{
  g_signal_emit (self, signals[TAG_CREATED], 0, name);
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

static void
show_header (AccordHistoryView *self)
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

static void
clear_detail (AccordHistoryView *self)
{
  self->filling_outline = TRUE;
  remove_rows (self->changes_list);
  remove_rows (self->outline_list);
  self->filling_outline = FALSE;
  clear_text (self);
}

/* The detail shows a row for each entity of a revision: thousands in a
 * large strategy, which cost the main thread to make and to remove. While
 * the view is hidden, none of that is done: the detail is brought up to
 * date once the view is shown. */
static void
selection_changed_cb (AccordHistoryView *self)
{
  AccordHistoryItem *item = gtk_single_selection_get_selected_item (self->selection);
  gboolean shown = gtk_widget_get_mapped (GTK_WIDGET (self));

  if (item == self->shown)
    return;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  accord_release_in_thread (g_steal_pointer (&self->strategy));
  accord_release_in_thread (g_steal_pointer (&self->previous));
  g_set_object (&self->shown, item);

  self->detail_stale = !shown;
  if (shown)
    clear_detail (self);

  if (item == NULL || self->repository == NULL)
    {
      gtk_spinner_set_spinning (self->content_spinner, FALSE);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      _accord_history_view_update_actions (self);
      return;
    }

  show_header (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  _accord_history_view_load_detail (self);
  _accord_history_view_update_actions (self);
}

static void
accord_history_view_map (GtkWidget *widget)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);

  GTK_WIDGET_CLASS (accord_history_view_parent_class)->map (widget);

  if (!self->detail_stale)
    return;

  self->detail_stale = FALSE;
  clear_detail (self);
  if (self->shown != NULL && self->repository != NULL)
    _accord_history_view_load_detail (self);
}

/* GObject */

static void
accord_history_view_dispose (GObject *object)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_cancellable_cancel (self->restore_cancellable);
  g_clear_object (&self->restore_cancellable);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  self->filling_outline = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_HISTORY_VIEW);

  g_clear_object (&self->shown);
  g_clear_object (&self->strategy);
  g_clear_object (&self->previous);
  g_clear_object (&self->selection);
  g_clear_object (&self->revisions);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_history_view_parent_class)->dispose (object);
}

static void
accord_history_view_finalize (GObject *object)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->frontier, g_hash_table_unref);
  g_clear_pointer (&self->head_id, g_free);
  g_clear_pointer (&self->pending_selection, g_free);
  g_clear_pointer (&self->entity_id, g_free);

  G_OBJECT_CLASS (accord_history_view_parent_class)->finalize (object);
}

static void
accord_history_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_RESTORING:
      g_value_set_boolean (value, accord_history_view_get_restoring (self));
      break;

    case PROP_CAN_RESTORE:
      g_value_set_boolean (value, self->can_restore);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_history_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      accord_history_view_set_repository (self, g_value_get_object (value));
      break;

    case PROP_CAN_RESTORE:
      accord_history_view_set_can_restore (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_history_view_class_init (AccordHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_history_view_dispose;
  object_class->finalize = accord_history_view_finalize;
  object_class->get_property = accord_history_view_get_property;
  object_class->set_property = accord_history_view_set_property;

  widget_class->map = accord_history_view_map;

  /**
   * AccordHistoryView:repository:
   *
   * The strategy whose history is shown; setting it reads the history.
   */
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         ACCORD_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordHistoryView:restoring:
   *
   * Whether a restore is changing the strategy's files, in a worker.
   */
  properties[PROP_RESTORING] =
    g_param_spec_boolean ("restoring", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordHistoryView:can-restore:
   *
   * Whether a restore may begin: %FALSE while something else changes the
   * strategy's files, such as a revision being saved.
   */
  properties[PROP_CAN_RESTORE] =
    g_param_spec_boolean ("can-restore", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordHistoryView::before-change:
   *
   * Emitted right before a restore writes files, so that edits not yet
   * written can be written first.
   */
  signals[BEFORE_CHANGE] =
    g_signal_new ("before-change",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AccordHistoryView::restored:
   * @new_revision: the id of the revision the restore saved
   *
   * Emitted after a restore saved a new revision: the strategy on disk
   * changed.
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * AccordHistoryView::tag-created:
   * @name: the milestone's name
   *
   * Emitted after a milestone was made.
   */
  signals[TAG_CREATED] =
    g_signal_new ("tag-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_scroll);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, more_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, more_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, message_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, body_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, id_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, tags_box);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, restore_strategy_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, restore_entity_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, milestone_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, changes_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, changes_list);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, changes_row_activated_cb);

  _accord_history_view_class_actions_init (klass);
}

static void
accord_history_view_init (AccordHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->can_restore = TRUE;
  self->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->frontier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->revisions = g_list_store_new (ACCORD_TYPE_HISTORY_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->revisions)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  _accord_history_view_log_init (self);

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  _accord_history_view_update_actions (self);
}

GtkWidget *
accord_history_view_new (void)
{
  return g_object_new (ACCORD_TYPE_HISTORY_VIEW, NULL);
}

AccordRepository *
accord_history_view_get_repository (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  return self->repository;
}

/**
 * accord_history_view_set_repository:
 * @self: an #AccordHistoryView
 * @repository: (nullable): the strategy whose history to show
 *
 * Shows the history of @repository, reading it again even when it was
 * already shown.
 */
void
accord_history_view_set_repository (AccordHistoryView *self,
                                    AccordRepository  *repository)
{
  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));
  g_return_if_fail (repository == NULL || ACCORD_IS_REPOSITORY (repository));

  if (g_set_object (&self->repository, repository))
    {
      g_clear_pointer (&self->pending_selection, g_free);
      g_clear_pointer (&self->entity_id, g_free);
      _accord_history_view_reset (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
      return;
    }

  accord_history_view_reload (self);
}

/**
 * accord_history_view_reload:
 * @self: an #AccordHistoryView
 *
 * Reads the history again, after a revision was saved; the selected
 * revision stays selected.
 */
void
accord_history_view_reload (AccordHistoryView *self)
{
  const char *selected;

  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));

  selected = accord_history_view_get_selected_revision (self);
  if (self->pending_selection == NULL && selected != NULL)
    self->pending_selection = g_strdup (selected);

  _accord_history_view_reset (self);
}

/**
 * accord_history_view_get_selected_revision:
 * @self: an #AccordHistoryView
 *
 * Returns: (nullable): the full id of the selected revision
 */
const char *
accord_history_view_get_selected_revision (AccordHistoryView *self)
{
  AccordHistoryItem *item;

  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;

  item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? item->revision->id : NULL;
}

/**
 * accord_history_view_select_revision:
 * @self: an #AccordHistoryView
 * @revision: a revision: its id, a prefix of it, a milestone…
 *
 * Selects @revision, reading older pages of the history until it is
 * found.
 */
void
accord_history_view_select_revision (AccordHistoryView *self,
                                     const char        *revision)
{
  g_autofree char *id = NULL;

  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));
  g_return_if_fail (revision != NULL);

  g_clear_pointer (&self->pending_selection, g_free);

  if (self->repository == NULL)
    return;

  id = accord_repository_resolve (self->repository, revision, NULL);
  if (id == NULL)
    {
      g_debug ("No revision “%s” to select", revision);
      return;
    }

  if (_accord_history_view_select_loaded (self, id))
    return;

  /* Once the whole history is read, a revision not in it is not waited
   * for: the next reload would read every page looking for it, and would
   * lose the selected revision. */
  if (self->log_cancellable == NULL && !self->has_more)
    {
      g_debug ("Revision “%s” is not in the history", revision);
      return;
    }

  self->pending_selection = g_steal_pointer (&id);
  if (self->log_cancellable == NULL)
    _accord_history_view_load_page (self);
}

gboolean
accord_history_view_get_restoring (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), FALSE);

  return self->restore_cancellable != NULL;
}

gboolean
accord_history_view_get_can_restore (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), FALSE);

  return self->can_restore;
}

/**
 * accord_history_view_set_can_restore:
 * @self: an #AccordHistoryView
 * @can_restore: whether a restore may begin
 *
 * Turns restoring off while something else changes the strategy's files,
 * and back on.
 */
void
accord_history_view_set_can_restore (AccordHistoryView *self,
                                     gboolean           can_restore)
{
  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));

  can_restore = !!can_restore;
  if (self->can_restore == can_restore)
    return;

  self->can_restore = can_restore;
  _accord_history_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_RESTORE]);
}

/* Whether the view reads or writes anything in a worker. */
gboolean
_accord_history_view_get_busy (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), FALSE);

  return self->log_cancellable != NULL || self->detail_cancellable != NULL ||
         self->restore_cancellable != NULL;
}

/* The ids of the revisions in the list, in its order. */
GStrv
_accord_history_view_dup_revision_ids (AccordHistoryView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  model = G_LIST_MODEL (self->revisions);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordHistoryItem) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, item->revision->id);
    }

  return g_strv_builder_end (builder);
}
