/* accord-history-view-log.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-history-view"

#include "config.h"

/* The list of revisions, and what is read for it off the main thread.
 * The history is read a page at a time in a worker thread, as the list is
 * scrolled towards its end or as a revision further back is asked for;
 * each revision becomes an AccordHistoryItem in the list's model, whose
 * row says who saved it, when, and what it changed. The strategy as it
 * was in the selected revision is read the same way for the detail
 * panel. The helpers that write out a revision's date, summary,
 * milestones and changed files serve the detail panel and the actions
 * too. */

#include <string.h>
#include <glib/gi18n.h>

#include "accord-history-view-private.h"

/* How many revisions one read of the history adds to the list. */
#define PAGE_SIZE 50

/* How many parents of a revision are looked up: merges Accord makes have
 * two, and octopus merges of more than a handful of branches are unheard
 * of in a strategy's history. */
#define MAX_PARENTS 16

/* AccordHistoryItem: one revision in the list's model. */

G_DEFINE_FINAL_TYPE (AccordHistoryItem, accord_history_item, G_TYPE_OBJECT)

static void
accord_history_item_finalize (GObject *object)
{
  AccordHistoryItem *self = ACCORD_HISTORY_ITEM (object);

  g_clear_pointer (&self->revision, accord_revision_free);

  G_OBJECT_CLASS (accord_history_item_parent_class)->finalize (object);
}

static void
accord_history_item_class_init (AccordHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accord_history_item_finalize;
}

static void
accord_history_item_init (AccordHistoryItem *self)
{
}

/* Takes @revision. */
static AccordHistoryItem *
accord_history_item_new (AccordRevision *revision)
{
  AccordHistoryItem *self = g_object_new (ACCORD_TYPE_HISTORY_ITEM, NULL);

  self->revision = revision;

  return self;
}

/* Formatting */

static int
days_between (GDateTime *earlier,
              GDateTime *later)
{
  GDate first;
  GDate second;

  g_date_clear (&first, 1);
  g_date_clear (&second, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (earlier),
                  g_date_time_get_month (earlier), g_date_time_get_year (earlier));
  g_date_set_dmy (&second, g_date_time_get_day_of_month (later),
                  g_date_time_get_month (later), g_date_time_get_year (later));

  return g_date_days_between (&first, &second);
}

/**
 * _accord_history_view_format_relative:
 * @when: a moment
 * @now: the present, whose time zone counts calendar days
 *
 * Returns: (transfer full): @when as the list of revisions shows it:
 *   "Just now", "5 minutes ago", "Yesterday", "3 days ago" or a date
 */
char *
_accord_history_view_format_relative (GDateTime *when,
                                      GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan span;
  const char *format;
  int days;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* A revision from the future comes from a clock set wrong: it is as
   * new as can be. */
  span = g_date_time_difference (now, when);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));

  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = span / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), minutes);
    }

  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  days = days_between (local, now);

  if (days <= 0)
    {
      int hours = span / G_TIME_SPAN_HOUR;

      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);
    }

  if (days == 1)
    return g_strdup (_("Yesterday"));

  if (days < 7)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a date in the current year, in the format of
     * g_date_time_format(): "%B %-d" gives “March 5” */
    format = _("%B %-d");
  else
    /* Translators: a date in another year, in the format of
     * g_date_time_format(): "%B %-d, %Y" gives “March 5, 2025” */
    format = _("%B %-d, %Y");

  return g_date_time_format (local, format);
}

char *
_accord_history_view_format_full_date (const AccordRevision *revision)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (revision->time);

  /* Translators: when a revision was saved, in the format of
   * g_date_time_format(): gives “Thursday, March 5, 2026 at 14:05” */
  return g_date_time_format (when, _("%A, %B %-d, %Y at %H:%M"));
}

/* The first line of a revision's message. */
char *
_accord_history_view_dup_summary (const AccordRevision *revision)
{
  const char *message = revision->message != NULL ? revision->message : "";
  const char *end = strchr (message, '\n');

  return end != NULL ? g_strndup (message, end - message) : g_strdup (message);
}

/* Finds which entity a changed file holds: "strategy.md" the strategy,
 * "sections/s-….md" a section… Other files, such as .gitattributes, hold
 * none. */
gboolean
_accord_history_view_parse_entity_path (const char        *path,
                                        AccordEntityKind  *kind,
                                        char             **id)
{
  const char *slash;
  const char *name;
  g_autofree char *directory = NULL;
  g_autofree char *found_id = NULL;

  if (g_str_equal (path, "strategy.md"))
    {
      *kind = ACCORD_ENTITY_STRATEGY;
      *id = g_strdup ("strategy");
      return TRUE;
    }

  slash = strchr (path, '/');
  if (slash == NULL)
    return FALSE;

  name = slash + 1;
  if (strchr (name, '/') != NULL || !g_str_has_suffix (name, ".md"))
    return FALSE;

  directory = g_strndup (path, slash - path);
  found_id = g_strndup (name, strlen (name) - strlen (".md"));
  if (!accord_id_is_valid (found_id))
    return FALSE;

  for (guint k = ACCORD_ENTITY_SECTION; k < ACCORD_N_ENTITY_KINDS; k++)
    {
      if (g_strcmp0 (directory, accord_entity_kind_get_directory (k)) == 0)
        {
          *kind = k;
          *id = g_steal_pointer (&found_id);
          return TRUE;
        }
    }

  return FALSE;
}

static char *
format_kind_count (AccordEntityKind kind,
                   guint            n)
{
  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      /* Translators: part of “strategy details, 2 sections changed” */
      return g_strdup (_("strategy details"));
    case ACCORD_ENTITY_SECTION:
      return g_strdup_printf (ngettext ("%u section", "%u sections", n), n);
    case ACCORD_ENTITY_OBJECTIVE:
      return g_strdup_printf (ngettext ("%u objective", "%u objectives", n), n);
    case ACCORD_ENTITY_ROUND:
      return g_strdup_printf (ngettext ("%u consultation round", "%u consultation rounds", n), n);
    case ACCORD_ENTITY_PARTICIPANT:
      return g_strdup_printf (ngettext ("%u participant", "%u participants", n), n);
    case ACCORD_ENTITY_COMMENT:
      return g_strdup_printf (ngettext ("%u comment", "%u comments", n), n);
    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* What a revision changed, counted by kind: "2 sections, 1 objective
 * changed". */
static char *
format_change_counts (const AccordRevision *revision)
{
  guint counts[ACCORD_N_ENTITY_KINDS] = { 0 };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);
      g_autofree char *id = NULL;
      AccordEntityKind kind;

      if (_accord_history_view_parse_entity_path (change->path, &kind, &id))
        counts[kind]++;
    }

  for (guint kind = 0; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      if (counts[kind] > 0)
        g_ptr_array_add (parts, format_kind_count (kind, counts[kind]));
    }

  if (parts->len == 0)
    return g_strdup (_("Nothing in the strategy changed"));

  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the items of a list such as “2 sections,
   * 1 objective” */
  joined = g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);

  /* Translators: %s lists what a revision changed, such as “2 sections,
   * 1 objective” */
  return g_strdup_printf (_("%s changed"), joined);
}

void
_accord_history_view_fill_tags (GtkBox             *box,
                                const char * const *tags)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (tags[i]);
      g_autofree char *tooltip = g_strdup_printf (_("Milestone “%s”"), tags[i]);

      gtk_widget_add_css_class (label, "tag");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (label, tooltip);
      gtk_box_append (box, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (box), tags != NULL && tags[0] != NULL);
}

/* The list of revisions */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_ellipsize (GTK_LABEL (message), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "heading");

  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");

  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_label_set_ellipsize (GTK_LABEL (counts), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (counts, "caption");
  gtk_widget_add_css_class (counts, "dim-label");

  gtk_widget_set_margin_top (tags, 3);

  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_box_append (GTK_BOX (box), tags);

  g_object_set_data (G_OBJECT (box), "message", message);
  g_object_set_data (G_OBJECT (box), "meta", meta);
  g_object_set_data (G_OBJECT (box), "counts", counts);
  g_object_set_data (G_OBJECT (box), "tags", tags);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  AccordHistoryItem *item = gtk_list_item_get_item (list_item);
  const AccordRevision *revision = item->revision;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (revision->time);
  g_autofree char *summary = _accord_history_view_dup_summary (revision);
  g_autofree char *relative = _accord_history_view_format_relative (when, now);
  g_autofree char *meta = NULL;
  g_autofree char *counts = format_change_counts (revision);
  g_autofree char *date = _accord_history_view_format_full_date (revision);

  /* Translators: who saved a revision, then when: “Alice Martin · 5 minutes ago” */
  meta = g_strdup_printf (_("%s · %s"), revision->author_name, relative);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "message"), summary);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "meta"), meta);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "counts"), counts);
  _accord_history_view_fill_tags (g_object_get_data (G_OBJECT (box), "tags"),
                                  (const char * const *) revision->tags);
  gtk_widget_set_tooltip_text (box, date);
}

guint
_accord_history_view_find_revision (AccordHistoryView *self,
                                    const char        *id)
{
  GListModel *model = G_LIST_MODEL (self->revisions);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordHistoryItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (item->revision->id, id))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
update_loading (AccordHistoryView *self)
{
  gboolean loading = self->log_cancellable != NULL;
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0;

  gtk_spinner_set_spinning (self->list_spinner, loading && empty);
  gtk_spinner_set_spinning (self->more_spinner, loading && !empty);
  gtk_revealer_set_reveal_child (self->more_revealer, loading && !empty);

  if (loading && empty)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
}

/* Loads the next page when the list is scrolled near its end, or when it
 * does not fill its window. */
static void
maybe_load_more (AccordHistoryView *self)
{
  GtkAdjustment *adjustment;
  double page;
  double remaining;

  if (self->repository == NULL || self->log_cancellable != NULL || !self->has_more)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroll);
  page = gtk_adjustment_get_page_size (adjustment);
  if (page <= 0)
    return;

  remaining = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page;
  if (remaining <= page)
    _accord_history_view_load_page (self);
}

static void
adjustment_changed_cb (AccordHistoryView *self)
{
  maybe_load_more (self);
}

/* Shows the model of revisions in the list, and reads the next page as
 * the list is scrolled. */
void
_accord_history_view_log_init (AccordHistoryView *self)
{
  GtkListItemFactory *factory;
  GtkAdjustment *adjustment;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroll);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Reading the history in a worker thread */

typedef struct
{
  char  *path;
  GStrv  starts;      /* where the walks start; NULL: from the last revision */
  GStrv  loaded;      /* revisions already in the list */
} LogRequest;

typedef struct
{
  GPtrArray *revisions;
  GPtrArray *parents; /* GStrv, the parents of each revision */
  gboolean   complete;
} LogPage;

static void
log_request_free (LogRequest *request)
{
  g_free (request->path);
  g_strfreev (request->starts);
  g_strfreev (request->loaded);
  g_free (request);
}

static void
log_page_free (LogPage *page)
{
  g_clear_pointer (&page->revisions, g_ptr_array_unref);
  g_clear_pointer (&page->parents, g_ptr_array_unref);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LogPage, log_page_free)

static GStrv
find_parents (AccordRepository *repository,
              const char       *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint n = 1; n <= MAX_PARENTS; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s^%u", id, n);
      g_autofree char *parent = accord_repository_resolve (repository, name, NULL);

      if (parent == NULL)
        break;

      g_strv_builder_add (builder, parent);
    }

  return g_strv_builder_end (builder);
}

/* Takes revisions from @walks, newest first, keeping each walk's own
 * order, skipping those in @seen, until all are taken. */
static void
merge_walks (GPtrArray  *walks,
             GHashTable *seen,
             GPtrArray  *merged)
{
  g_autofree guint *next = g_new0 (guint, walks->len);

  for (;;)
    {
      AccordRevision *best = NULL;
      guint best_walk = 0;

      for (guint w = 0; w < walks->len; w++)
        {
          GPtrArray *walk = g_ptr_array_index (walks, w);
          AccordRevision *candidate;

          while (next[w] < walk->len &&
                 g_hash_table_contains (seen, ((AccordRevision *) walk->pdata[next[w]])->id))
            next[w]++;

          if (next[w] == walk->len)
            continue;

          candidate = g_ptr_array_index (walk, next[w]);
          if (best == NULL || candidate->time > best->time)
            {
              best = candidate;
              best_walk = w;
            }
        }

      if (best == NULL)
        return;

      /* Moved from its walk to @merged. */
      ((GPtrArray *) g_ptr_array_index (walks, best_walk))->pdata[next[best_walk]] = NULL;
      next[best_walk]++;
      g_hash_table_add (seen, g_strdup (best->id));
      g_ptr_array_add (merged, best);
    }
}

/* The history is read a page at a time. accord_repository_log() walks
 * from one revision back to the first, that revision included; a page
 * after the first walks from every parent of the revisions listed so far
 * that is not listed itself, so that revisions on a merged branch come
 * too, and keeps the newest ones. */
static void
log_thread_cb (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LogRequest *request = task_data;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GPtrArray) walks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LogPage) page = g_new0 (LogPage, 1);
  guint n_starts = request->starts != NULL ? g_strv_length (request->starts) : 1;
  gboolean truncated = FALSE;
  GError *error = NULL;

  repository = accord_repository_open (request->path, &error);
  if (repository == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < n_starts; i++)
    {
      const char *start = request->starts != NULL ? request->starts[i] : NULL;
      GPtrArray *walk;

      if (g_task_return_error_if_cancelled (task))
        return;

      walk = accord_repository_log (repository, start, PAGE_SIZE, &error);
      if (walk == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      truncated |= walk->len == PAGE_SIZE;
      g_ptr_array_add (walks, walk);
    }

  for (guint i = 0; request->loaded != NULL && request->loaded[i] != NULL; i++)
    g_hash_table_add (seen, g_strdup (request->loaded[i]));

  page->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_revision_free);
  merge_walks (walks, seen, page->revisions);
  page->complete = !truncated && page->revisions->len <= PAGE_SIZE;
  if (page->revisions->len > PAGE_SIZE)
    g_ptr_array_set_size (page->revisions, PAGE_SIZE);

  page->parents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < page->revisions->len; i++)
    {
      AccordRevision *revision = g_ptr_array_index (page->revisions, i);

      g_ptr_array_add (page->parents, find_parents (repository, revision->id));
    }

  g_task_return_pointer (task, g_steal_pointer (&page), (GDestroyNotify) log_page_free);
}

gboolean
_accord_history_view_select_loaded (AccordHistoryView *self,
                                    const char        *id)
{
  guint position = _accord_history_view_find_revision (self, id);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

static void
append_page (AccordHistoryView *self,
             LogPage           *page)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < page->revisions->len; i++)
    {
      AccordRevision *revision = g_steal_pointer (&page->revisions->pdata[i]);
      const char * const *parents = g_ptr_array_index (page->parents, i);

      g_hash_table_add (self->loaded, g_strdup (revision->id));
      g_hash_table_remove (self->frontier, revision->id);

      for (guint p = 0; parents[p] != NULL; p++)
        {
          if (!g_hash_table_contains (self->loaded, parents[p]))
            g_hash_table_add (self->frontier, g_strdup (parents[p]));
        }

      if (self->head_id == NULL)
        self->head_id = g_strdup (revision->id);

      g_ptr_array_add (items, accord_history_item_new (revision));
    }

  self->has_more = !page->complete && g_hash_table_size (self->frontier) > 0;

  g_list_store_splice (self->revisions,
                       g_list_model_get_n_items (G_LIST_MODEL (self->revisions)), 0,
                       items->pdata, items->len);
}

static void
log_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);
  g_autoptr(LogPage) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->log_cancellable);
  empty = g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0;

  if (page == NULL)
    {
      g_debug ("Could not read the history: %s", error->message);
      self->has_more = FALSE;
      g_clear_pointer (&self->pending_selection, g_free);
      update_loading (self);

      if (empty)
        {
          adw_status_page_set_description (self->list_error_page, error->message);
          gtk_stack_set_visible_child_name (self->list_stack, "error");
        }
      else
        _accord_history_view_show_toast (self, error->message, TRUE);

      return;
    }

  append_page (self, page);
  update_loading (self);

  empty = g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0;
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");

  /* A revision asked for before it was read is looked for further back. */
  if (self->pending_selection != NULL)
    {
      if (_accord_history_view_select_loaded (self, self->pending_selection))
        g_clear_pointer (&self->pending_selection, g_free);
      else if (self->has_more)
        _accord_history_view_load_page (self);
      else
        g_clear_pointer (&self->pending_selection, g_free);
    }

  _accord_history_view_update_actions (self);
}

void
_accord_history_view_load_page (AccordHistoryView *self)
{
  g_autoptr(GTask) task = NULL;
  LogRequest *request;

  g_assert (self->repository != NULL);
  g_assert (self->log_cancellable == NULL);

  request = g_new0 (LogRequest, 1);
  request->path = g_strdup (accord_repository_get_path (self->repository));

  if (g_hash_table_size (self->loaded) > 0)
    {
      request->starts = (GStrv) g_hash_table_get_keys_as_array (self->frontier, NULL);
      request->loaded = (GStrv) g_hash_table_get_keys_as_array (self->loaded, NULL);
      /* The arrays share their strings with the tables. */
      for (guint i = 0; request->starts[i] != NULL; i++)
        request->starts[i] = g_strdup (request->starts[i]);
      for (guint i = 0; request->loaded[i] != NULL; i++)
        request->loaded[i] = g_strdup (request->loaded[i]);
    }

  self->log_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->log_cancellable, log_cb, NULL);
  g_task_set_source_tag (task, _accord_history_view_load_page);
  g_task_set_task_data (task, request, (GDestroyNotify) log_request_free);
  g_task_run_in_thread (task, log_thread_cb);

  update_loading (self);
}

/* Forgets every revision read, and reads the history again. */
void
_accord_history_view_reset (AccordHistoryView *self)
{
  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);

  g_hash_table_remove_all (self->loaded);
  g_hash_table_remove_all (self->frontier);
  g_clear_pointer (&self->head_id, g_free);
  self->has_more = FALSE;
  g_list_store_remove_all (self->revisions);

  if (self->repository == NULL)
    {
      g_clear_pointer (&self->pending_selection, g_free);
      update_loading (self);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      _accord_history_view_update_actions (self);
      return;
    }

  _accord_history_view_load_page (self);
  _accord_history_view_update_actions (self);
}

/* Reading the revision shown in the detail */

typedef struct
{
  char     *path;
  char     *revision;
  gboolean  with_previous;
} DetailRequest;

typedef struct
{
  AccordStrategy *strategy;
  AccordStrategy *previous;
  GError         *previous_error;  /* why @previous could not be read */
} DetailResult;

static void
detail_request_free (DetailRequest *request)
{
  g_free (request->path);
  g_free (request->revision);
  g_free (request);
}

static void
detail_result_free (DetailResult *result)
{
  g_clear_object (&result->strategy);
  g_clear_object (&result->previous);
  g_clear_error (&result->previous_error);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DetailResult, detail_result_free)

static void
detail_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DetailRequest *request = task_data;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(DetailResult) result = g_new0 (DetailResult, 1);
  GError *error = NULL;

  if (!(repository = accord_repository_open (request->path, &error)) ||
      !(result->strategy = accord_repository_load_revision (repository, request->revision,
                                                            &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A revision that removed something has a parent: the first revision
   * only adds. */
  if (request->with_previous && !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *parent = g_strconcat (request->revision, "^", NULL);

      result->previous = accord_repository_load_revision (repository, parent,
                                                          &result->previous_error);
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) detail_result_free);
}

static void
detail_cb (GObject      *object,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);
  g_autoptr(DetailResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->detail_cancellable);
  gtk_spinner_set_spinning (self->content_spinner, FALSE);

  if (result == NULL)
    {
      g_debug ("Could not read the revision: %s", error->message);
      adw_status_page_set_description (self->content_error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      _accord_history_view_update_actions (self);
      return;
    }

  g_set_object (&self->strategy, result->strategy);
  g_set_object (&self->previous, result->previous);

  /* The detail still shows, naming what was removed by its id. */
  if (result->previous_error != NULL)
    {
      g_autofree char *message = NULL;

      g_debug ("Could not read the parent of %s: %s", self->shown->revision->id,
               result->previous_error->message);
      /* Translators: %s says why, such as “Could not read the revision” */
      message = g_strdup_printf (_("Could not read the revision before this one: %s"),
                                 result->previous_error->message);
      _accord_history_view_show_toast (self, message, TRUE);
    }

  _accord_history_view_fill_changes (self);
  _accord_history_view_fill_outline (self);
  gtk_stack_set_visible_child_name (self->content_stack, "content");
  _accord_history_view_update_actions (self);
}

static gboolean
has_removed (const AccordRevision *revision)
{
  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);

      if (change->kind == ACCORD_CHANGE_REMOVED)
        return TRUE;
    }

  return FALSE;
}

void
_accord_history_view_load_detail (AccordHistoryView *self)
{
  g_autoptr(GTask) task = NULL;
  DetailRequest *request;

  gtk_spinner_set_spinning (self->content_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");

  /* Read once the view shows: see selection_changed_cb(). */
  if (self->detail_stale)
    return;

  request = g_new0 (DetailRequest, 1);
  request->path = g_strdup (accord_repository_get_path (self->repository));
  request->revision = g_strdup (self->shown->revision->id);
  request->with_previous = has_removed (self->shown->revision);

  self->detail_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->detail_cancellable, detail_cb, NULL);
  g_task_set_source_tag (task, _accord_history_view_load_detail);
  g_task_set_task_data (task, request, (GDestroyNotify) detail_request_free);
  g_task_run_in_thread (task, detail_thread_cb);
}
