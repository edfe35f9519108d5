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

/* The lists of changes and of the outline: a revision can touch
 * thousands of entities, so only the rows in sight are made. */

G_DEFINE_FINAL_TYPE (AccordHistoryEntry, accord_history_entry, G_TYPE_OBJECT)

static void
accord_history_entry_finalize (GObject *object)
{
  AccordHistoryEntry *self = ACCORD_HISTORY_ENTRY (object);

  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (accord_history_entry_parent_class)->finalize (object);
}

static void
accord_history_entry_class_init (AccordHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accord_history_entry_finalize;
}

static void
accord_history_entry_init (AccordHistoryEntry *self)
{
}

/* Takes @entity_id and @name. */
static AccordHistoryEntry *
history_entry_new (char             *entity_id,
                   char             *name,
                   AccordEntityKind  kind)
{
  AccordHistoryEntry *self = g_object_new (ACCORD_TYPE_HISTORY_ENTRY, NULL);

  self->entity_id = entity_id;
  self->name = name;
  self->kind = kind;

  return self;
}

static void
setup_change_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *what = gtk_label_new (NULL);

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

  gtk_box_append (GTK_BOX (box), titles);
  gtk_box_append (GTK_BOX (box), what);

  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "what", what);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_change_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  AccordHistoryEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *what = g_object_get_data (G_OBJECT (box), "what");

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), entry->name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "subtitle"), kind_label (entry->kind));
  gtk_label_set_text (GTK_LABEL (what), change_label (entry->change));

  gtk_widget_remove_css_class (what, "success");
  gtk_widget_remove_css_class (what, "error");
  gtk_widget_remove_css_class (what, "accent");
  gtk_widget_add_css_class (what, entry->change == ACCORD_CHANGE_ADDED ? "success"
                                  : entry->change == ACCORD_CHANGE_REMOVED ? "error" : "accent");

  /* A removed entity is not in the outline to go to. */
  gtk_list_item_set_activatable (list_item, entry->change != ACCORD_CHANGE_REMOVED);
}

static void
setup_outline_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *mark = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (mark, "caption");
  gtk_widget_add_css_class (mark, "dim-label");
  gtk_box_append (GTK_BOX (box), mark);

  g_object_set_data (G_OBJECT (box), "label", label);
  g_object_set_data (G_OBJECT (box), "mark", mark);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_outline_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  AccordHistoryEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "label");
  GtkWidget *mark = g_object_get_data (G_OBJECT (box), "mark");

  gtk_widget_set_margin_start (box, 18 * MIN (entry->depth, 8));
  gtk_label_set_text (GTK_LABEL (label), entry->name);
  if (entry->kind != ACCORD_ENTITY_OBJECTIVE)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");

  /* What this revision did to it, so that the outline shows where the
   * changes are. */
  gtk_label_set_text (GTK_LABEL (mark), entry->changed ? change_label (entry->change) : "");
  gtk_widget_set_visible (mark, entry->changed);
}

/* The position of entity @id in @model, or GTK_INVALID_LIST_POSITION. */
static guint
find_entity (GListModel *model,
             const char *id)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordHistoryEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (entry->entity_id, id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Replaces what @store holds by @entries in one change. */
static void
replace_entries (GListStore *store,
                 GPtrArray  *entries)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       entries->pdata, entries->len);
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
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      AccordEntityKind kind;
      AccordEntity *entity;
      AccordHistoryEntry *entry;

      if (!_accord_history_view_parse_entity_path (change->path, &kind, &id))
        continue;

      /* A removed entity is named as it was just before. */
      entity = lookup_entity (change->kind == ACCORD_CHANGE_REMOVED ? self->previous
                                                                    : self->strategy, id);

      name = entity != NULL ? _accord_history_view_dup_entity_name (entity, FALSE)
                            : g_strdup (id);
      g_ptr_array_add (names, entity != NULL ? _accord_history_view_dup_entity_name (entity, TRUE)
                                             : g_strdup (id));

      entry = history_entry_new (g_steal_pointer (&id), g_steal_pointer (&name), kind);
      entry->changed = TRUE;
      entry->change = change->kind;
      g_ptr_array_add (entries, entry);
    }

  replace_entries (self->changes, entries);

  summary = format_names (names);
  gtk_label_set_text (self->changes_label,
                      summary != NULL ? summary
                                      : _("Nothing in the strategy changed in this revision."));
  gtk_widget_set_visible (GTK_WIDGET (self->changes_scroll), names->len > 0);
}

static void
add_outline_entry (GPtrArray    *entries,
                   AccordEntity *entity,
                   guint         depth,
                   GHashTable   *changed)
{
  const char *id = ACCORD_IS_STRATEGY (entity) ? "strategy" : accord_entity_get_id (entity);
  AccordChangeKind *change = g_hash_table_lookup (changed, id);
  AccordHistoryEntry *entry;

  entry = history_entry_new (g_strdup (id), _accord_history_view_dup_entity_name (entity, FALSE),
                             accord_entity_get_kind (entity));
  entry->depth = depth;
  if (change != NULL)
    {
      entry->changed = TRUE;
      entry->change = *change;
    }

  g_ptr_array_add (entries, entry);
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
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *objectives;
  guint position = GTK_INVALID_LIST_POSITION;

  add_outline_entry (entries, ACCORD_ENTITY (self->strategy), 0, changed);

  for (guint i = 0; i < sections->len; i++)
    {
      AccordSection *section = g_ptr_array_index (sections, i);
      guint depth = accord_strategy_get_depth (self->strategy, section);
      GListModel *children;

      add_outline_entry (entries, ACCORD_ENTITY (section), depth, changed);

      children = accord_strategy_get_children (self->strategy,
                                               accord_entity_get_id (ACCORD_ENTITY (section)));
      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(AccordEntity) child = g_list_model_get_item (children, j);

          if (!ACCORD_IS_OBJECTIVE (child))
            continue;

          add_outline_entry (entries, child, depth + 1, changed);
          g_hash_table_add (placed, child);
        }
    }

  /* Objectives of a section that does not exist are shown too. */
  objectives = accord_strategy_get_entities (self->strategy, ACCORD_ENTITY_OBJECTIVE);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(AccordEntity) objective = g_list_model_get_item (objectives, i);

      if (!g_hash_table_contains (placed, objective))
        add_outline_entry (entries, objective, 0, changed);
    }

  self->filling_outline = TRUE;
  replace_entries (self->outline, entries);
  self->filling_outline = FALSE;

  /* The part read in the revision before stays selected, so that going
   * through revisions shows how it changed. */
  if (self->entity_id != NULL)
    position = find_entity (G_LIST_MODEL (self->outline), self->entity_id);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->outline_selection, position);
  else
    clear_text (self);
}

static void
outline_selection_changed_cb (AccordHistoryView *self)
{
  AccordHistoryEntry *entry;
  AccordEntity *entity;

  /* Rows removed while the outline is rebuilt unselect nothing the
   * drafter chose. */
  if (self->filling_outline || self->outline_list == NULL)
    return;

  g_clear_pointer (&self->entity_id, g_free);
  entry = gtk_single_selection_get_selected_item (self->outline_selection);
  if (entry != NULL)
    self->entity_id = g_strdup (entry->entity_id);

  entity = _accord_history_view_get_selected_entity (self);
  if (entity != NULL)
    show_entity_text (self, entity);
  else
    clear_text (self);

  _accord_history_view_update_actions (self);
}

static void
changes_list_activate_cb (AccordHistoryView *self,
                          guint              position)
{
  g_autoptr(AccordHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->changes),
                                                               position);
  guint found;

  if (entry == NULL || entry->change == ACCORD_CHANGE_REMOVED)
    return;

  found = find_entity (G_LIST_MODEL (self->outline), entry->entity_id);
  if (found == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->outline_selection, found);
  gtk_widget_activate_action (GTK_WIDGET (self->outline_list), "list.scroll-to-item", "u", found);
  gtk_widget_grab_focus (GTK_WIDGET (self->outline_list));
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
  g_list_store_remove_all (self->changes);
  g_list_store_remove_all (self->outline);
  self->filling_outline = FALSE;
  clear_text (self);
}

/* Tab leaves a list, as it leaves a GtkListBox, instead of going
 * through its rows: arrows move in it. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;

  if ((state & GDK_CONTROL_MASK) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) != 0 ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;

  /* A list that cannot take the focus passes it on to what follows it. */
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

static void
leave_list_on_tab (GtkListView *list)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (list), controller);
}

void
_accord_history_view_class_detail_init (AccordHistoryViewClass *klass)
{
  g_type_ensure (ACCORD_TYPE_HISTORY_ENTRY);
}

void
_accord_history_view_detail_init (AccordHistoryView *self)
{
  g_autoptr(GtkListItemFactory) changes_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) outline_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) changes_selection = NULL;

  self->changes = g_list_store_new (ACCORD_TYPE_HISTORY_ENTRY);
  self->outline = g_list_store_new (ACCORD_TYPE_HISTORY_ENTRY);

  changes_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->changes)));
  g_signal_connect (changes_factory, "setup", G_CALLBACK (setup_change_row_cb), NULL);
  g_signal_connect (changes_factory, "bind", G_CALLBACK (bind_change_row_cb), NULL);
  gtk_list_view_set_factory (self->changes_list, changes_factory);
  gtk_list_view_set_model (self->changes_list, GTK_SELECTION_MODEL (changes_selection));
  g_signal_connect_object (self->changes_list, "activate",
                           G_CALLBACK (changes_list_activate_cb), self, G_CONNECT_SWAPPED);

  self->outline_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->outline)));
  gtk_single_selection_set_autoselect (self->outline_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->outline_selection, TRUE);
  g_signal_connect (outline_factory, "setup", G_CALLBACK (setup_outline_row_cb), NULL);
  g_signal_connect (outline_factory, "bind", G_CALLBACK (bind_outline_row_cb), NULL);
  gtk_list_view_set_factory (self->outline_list, outline_factory);
  gtk_list_view_set_model (self->outline_list, GTK_SELECTION_MODEL (self->outline_selection));
  g_signal_connect_swapped (self->outline_selection, "notify::selected-item",
                            G_CALLBACK (outline_selection_changed_cb), self);

  leave_list_on_tab (self->changes_list);
  leave_list_on_tab (self->outline_list);
}
