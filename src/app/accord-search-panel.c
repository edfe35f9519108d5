/* accord-search-panel.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-search-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-search-panel-private.h"

#define MAX_RESULTS 50

/*
 * Searching reads the workspace's index in a worker, which opens its own
 * repository and workspace (a handle serves one thread at a time): the
 * window stays responsive while the drafter types. A new query cancels
 * the search under way; the results shown always answer the query
 * property.
 */

G_DEFINE_FINAL_TYPE (AccordSearchPanel, accord_search_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_STRATEGY,
  PROP_QUERY,
  N_PROPS
};

enum {
  RESULT_ACTIVATED,
  STOP_SEARCH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_rows (AccordSearchPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static char *
dup_selected_id (AccordSearchPanel *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || self->hits == NULL || (guint) index >= self->hits->len)
    return NULL;

  return g_strdup (((AccordSearchHit *) g_ptr_array_index (self->hits, index))->id);
}

static void
set_count (AccordSearchPanel *self,
           const char        *text)
{
  gtk_label_set_label (self->count_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), text != NULL);

  /* Screen readers hear the count with the entry. */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->search_entry),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Shows @hits (NULL: none), keeping the row of @selected_id selected. The
 * array holds one more hit than is shown when there are more. */
static void
show_hits (AccordSearchPanel *self,
           GPtrArray         *hits,
           const char        *selected_id)
{
  g_autofree char *count = NULL;
  gboolean more;

  clear_rows (self);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->rows_stale = FALSE;

  if (hits == NULL || hits->len == 0)
    {
      set_count (self, NULL);
      return;
    }

  more = hits->len > MAX_RESULTS;
  if (more)
    g_ptr_array_set_size (hits, MAX_RESULTS);
  self->hits = g_ptr_array_ref (hits);

  for (guint i = 0; i < hits->len; i++)
    {
      AccordSearchHit *hit = g_ptr_array_index (hits, i);
      GtkWidget *row = _accord_search_panel_create_row (self, hit);

      gtk_list_box_append (self->list_box, row);
      if (g_strcmp0 (hit->id, selected_id) == 0)
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
    }

  if (more)
    count = g_strdup_printf (ngettext ("The first %u result; add words to narrow the search",
                                       "The first %u results; add words to narrow the search",
                                       hits->len),
                             hits->len);
  else
    count = g_strdup_printf (ngettext ("%u result", "%u results", hits->len), hits->len);
  set_count (self, count);
}

/* The same results again, placed in the strategy as it is now. */
static void
refill_rows (AccordSearchPanel *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *selected_id = NULL;

  self->rows_stale = FALSE;
  if (self->hits == NULL)
    return;

  hits = g_ptr_array_ref (self->hits);
  selected_id = dup_selected_id (self);
  show_hits (self, hits, selected_id);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
set_query (AccordSearchPanel *self,
           const char        *query)
{
  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

typedef struct
{
  char *path;
  char *query;
} SearchRequest;

static void
search_request_free (SearchRequest *request)
{
  g_free (request->path);
  g_free (request->query);
  g_free (request);
}

static void
search_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SearchRequest *request = task_data;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordWorkspace) workspace = NULL;
  GError *error = NULL;
  GPtrArray *hits;

  if (!(repository = accord_repository_open (request->path, &error)) ||
      !(workspace = accord_workspace_open (repository, &error)) ||
      !(hits = accord_workspace_search (workspace, request->query, MARK_START, MARK_END,
                                        MAX_RESULTS + 1, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static void activate_best (AccordSearchPanel *self);

/* Shows what was found. A query without a word to look for (only quotes,
 * dashes or stars) finds nothing; it is not an error the user has to read
 * about. */
static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AccordSearchPanel *self = user_data;
  SearchRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_id = NULL;
  const char *page;

  /* A newer query took its place, or the panel is gone. */
  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->searching);
  selected_id = dup_selected_id (self);

  if (hits != NULL)
    {
      page = hits->len > 0 ? "results" : "no-results";
    }
  else if (g_error_matches (error, ACCORD_WORKSPACE_ERROR, ACCORD_WORKSPACE_ERROR_INVALID_QUERY))
    {
      page = "no-results";
    }
  else
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      g_debug ("Searching for “%s” failed: %s", request->query, error->message);
      adw_status_page_set_description (self->error_page, description);
      page = "error";
    }

  show_hits (self, hits, selected_id);
  gtk_stack_set_visible_child_name (self->stack, page);
  set_query (self, request->query);

  if (self->activate_when_found)
    {
      self->activate_when_found = FALSE;
      activate_best (self);
    }
}

/* Searches for the entry's text in a worker; blanks are no query, and
 * are answered at once. */
static void
run_search (AccordSearchPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GTask) task = NULL;
  SearchRequest *request;

  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  self->activate_when_found = FALSE;

  if (self->repository == NULL || is_blank (text))
    {
      show_hits (self, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_query (self, text);
      return;
    }

  request = g_new0 (SearchRequest, 1);
  request->path = g_strdup (accord_repository_get_path (self->repository));
  request->query = g_strdup (text);

  /* The task does not keep the panel: disposing it cancels the search,
   * and the callback then returns at once. */
  self->searching = g_cancellable_new ();
  task = g_task_new (NULL, self->searching, search_cb, self);
  g_task_set_source_tag (task, run_search);
  g_task_set_task_data (task, request, (GDestroyNotify) search_request_free);
  g_task_run_in_thread (task, search_thread_cb);
}

static void
search_changed_cb (AccordSearchPanel *self)
{
  run_search (self);
}

static void
activate_row (AccordSearchPanel *self,
              GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);
  AccordSearchHit *hit;

  g_return_if_fail (self->hits != NULL && index >= 0 && (guint) index < self->hits->len);

  hit = g_ptr_array_index (self->hits, index);
  g_signal_emit (self, signals[RESULT_ACTIVATED], 0, hit->id, self->query);
}

static void
row_activated_cb (AccordSearchPanel *self,
                  GtkListBoxRow     *row)
{
  activate_row (self, row);
}

static void
activate_best (AccordSearchPanel *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (row != NULL)
    activate_row (self, row);
}

/* Enter opens the selected result, or the best one. It may come before
 * the entry's delay has run the search, or before the results came: then
 * it opens the best of those. */
static void
entry_activate_cb (AccordSearchPanel *self)
{
  if (g_strcmp0 (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    {
      run_search (self);
      self->activate_when_found = self->searching != NULL;
      return;
    }

  activate_best (self);
}

static void
entry_stop_search_cb (AccordSearchPanel *self)
{
  g_signal_emit (self, signals[STOP_SEARCH], 0);
}

/* Down in the entry moves into the results. */
static gboolean
entry_key_pressed_cb (AccordSearchPanel *self,
                      guint              keyval,
                      guint              keycode,
                      GdkModifierType    state)
{
  GtkListBoxRow *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)))
    return GDK_EVENT_PROPAGATE;

  gtk_list_box_select_row (self->list_box, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));

  return GDK_EVENT_STOP;
}

/* Up from the first result goes back to the entry. */
static gboolean
list_keynav_failed_cb (AccordSearchPanel *self,
                       GtkDirectionType   direction)
{
  if (direction != GTK_DIR_UP)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return TRUE;
}

static void
accord_search_panel_map (GtkWidget *widget)
{
  AccordSearchPanel *self = ACCORD_SEARCH_PANEL (widget);

  GTK_WIDGET_CLASS (accord_search_panel_parent_class)->map (widget);

  if (self->rows_stale)
    refill_rows (self);
}

static void
accord_search_panel_dispose (GObject *object)
{
  AccordSearchPanel *self = ACCORD_SEARCH_PANEL (object);

  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);

  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_SEARCH_PANEL);

  g_clear_object (&self->repository);
  g_clear_object (&self->strategy);
  g_clear_pointer (&self->hits, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_search_panel_parent_class)->dispose (object);
}

static void
accord_search_panel_finalize (GObject *object)
{
  AccordSearchPanel *self = ACCORD_SEARCH_PANEL (object);

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (accord_search_panel_parent_class)->finalize (object);
}

static void
accord_search_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordSearchPanel *self = ACCORD_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_STRATEGY:
      g_value_set_object (value, self->strategy);
      break;

    case PROP_QUERY:
      g_value_set_string (value, accord_search_panel_get_query (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_search_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordSearchPanel *self = ACCORD_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      accord_search_panel_set_repository (self, g_value_get_object (value));
      break;

    case PROP_STRATEGY:
      accord_search_panel_set_strategy (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_search_panel_class_init (AccordSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_search_panel_dispose;
  object_class->finalize = accord_search_panel_finalize;
  object_class->get_property = accord_search_panel_get_property;
  object_class->set_property = accord_search_panel_set_property;

  widget_class->map = accord_search_panel_map;

  /**
   * AccordSearchPanel:repository:
   *
   * The strategy searched, through its workspace; with none the panel
   * only invites a search.
   */
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         ACCORD_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordSearchPanel:strategy:
   *
   * The strategy the workspace holds, which says where each result belongs.
   */
  properties[PROP_STRATEGY] =
    g_param_spec_object ("strategy", NULL, NULL,
                         ACCORD_TYPE_STRATEGY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordSearchPanel:query:
   *
   * The query the results shown answer, as typed.
   */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordSearchPanel::result-activated:
   * @self: the panel
   * @entity_id: the id of the entity found
   * @query: the query that found it
   *
   * Emitted when the user opens a result.
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * AccordSearchPanel::stop-search:
   * @self: the panel
   *
   * Emitted when the user presses Escape to leave the search.
   */
  signals[STOP_SEARCH] =
    g_signal_new ("stop-search",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Escape in the entry reaches the entry's own binding first; this one
   * serves the results list. */
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "stop-search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordSearchPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordSearchPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, AccordSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordSearchPanel, error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordSearchPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AccordSearchPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_keynav_failed_cb);
}

static void
accord_search_panel_init (AccordSearchPanel *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");

  /* In the capture phase, before the entry's text moves its cursor. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "accord-search-panel-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  /* Typing while a result has the focus goes on with the query. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));
}

/**
 * accord_search_panel_new:
 *
 * Returns: (transfer floating): a new search panel
 */
GtkWidget *
accord_search_panel_new (void)
{
  return g_object_new (ACCORD_TYPE_SEARCH_PANEL, NULL);
}

/**
 * accord_search_panel_get_repository:
 * @self: an #AccordSearchPanel
 *
 * Returns: (transfer none) (nullable): the strategy searched
 */
AccordRepository *
accord_search_panel_get_repository (AccordSearchPanel *self)
{
  g_return_val_if_fail (ACCORD_IS_SEARCH_PANEL (self), NULL);

  return self->repository;
}

/**
 * accord_search_panel_set_repository:
 * @self: an #AccordSearchPanel
 * @repository: (nullable): the strategy to search
 *
 * Searches @repository's workspace from now on, running the current query
 * again.
 */
void
accord_search_panel_set_repository (AccordSearchPanel *self,
                                    AccordRepository  *repository)
{
  g_return_if_fail (ACCORD_IS_SEARCH_PANEL (self));
  g_return_if_fail (repository == NULL || ACCORD_IS_REPOSITORY (repository));

  if (!g_set_object (&self->repository, repository))
    return;

  run_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
}

/**
 * accord_search_panel_get_strategy:
 * @self: an #AccordSearchPanel
 *
 * Returns: (transfer none) (nullable): the strategy results are placed in
 */
AccordStrategy *
accord_search_panel_get_strategy (AccordSearchPanel *self)
{
  g_return_val_if_fail (ACCORD_IS_SEARCH_PANEL (self), NULL);

  return self->strategy;
}

/**
 * accord_search_panel_set_strategy:
 * @self: an #AccordSearchPanel
 * @strategy: (nullable): the strategy as the repository has it
 *
 * Sets the strategy that says where each result belongs (the section of
 * an objective, what a comment is about).
 */
void
accord_search_panel_set_strategy (AccordSearchPanel *self,
                                  AccordStrategy    *strategy)
{
  g_return_if_fail (ACCORD_IS_SEARCH_PANEL (self));
  g_return_if_fail (strategy == NULL || ACCORD_IS_STRATEGY (strategy));

  if (!g_set_object (&self->strategy, strategy))
    return;

  /* Hidden, the panel places its rows in the new strategy once shown. */
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refill_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRATEGY]);
}

/**
 * accord_search_panel_focus_entry:
 * @self: an #AccordSearchPanel
 *
 * Puts the focus in the search entry with its text selected, so that
 * typing replaces the last query.
 */
void
accord_search_panel_focus_entry (AccordSearchPanel *self)
{
  g_return_if_fail (ACCORD_IS_SEARCH_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * accord_search_panel_get_query:
 * @self: an #AccordSearchPanel
 *
 * Returns: (transfer none): the query the results shown answer, as typed
 */
const char *
accord_search_panel_get_query (AccordSearchPanel *self)
{
  g_return_val_if_fail (ACCORD_IS_SEARCH_PANEL (self), NULL);

  return self->query;
}

/**
 * accord_search_panel_get_searching:
 * @self: an #AccordSearchPanel
 *
 * Returns: whether a search is under way, whose results are yet to come
 */
gboolean
accord_search_panel_get_searching (AccordSearchPanel *self)
{
  g_return_val_if_fail (ACCORD_IS_SEARCH_PANEL (self), FALSE);

  return self->searching != NULL;
}

/**
 * accord_search_panel_refresh:
 * @self: an #AccordSearchPanel
 *
 * Runs the query again, after the workspace's index changed; the selected
 * result stays selected when it is still found.
 */
void
accord_search_panel_refresh (AccordSearchPanel *self)
{
  g_return_if_fail (ACCORD_IS_SEARCH_PANEL (self));

  run_search (self);
}
