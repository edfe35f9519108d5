/* accord-bench-ui.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How the window feels with a small and a large strategy:
 *
 *   accord-bench-ui [--sections 1000] [--objectives 5000] [--keep DIR]
 *
 * For the bundled demo and for a generated strategy, prints the time from
 * asking to open the strategy to the first frame that shows it, the
 * longest the main loop went without running while it was read (the
 * window stays responsive when that is short), and the longest frame while
 * the outline scrolls from top to bottom. Then, as a drafter would, it
 * writes an edit, saves a revision, searches, restores a section and the
 * whole strategy from the history, and discards an edit, and prints the
 * longest main-loop stall from the click to the frame that shows each
 * outcome, and that stall less the time GTK spent drawing frames in it.
 * Run it under a display (xvfb-run -a works); it asserts nothing about
 * the figures.
 */

#include "config.h"

#include <stdio.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-application.h"
#include "accord-history-view-private.h"
#include "accord-outline.h"
#include "accord-search-panel.h"
#include "accord-test-ui.h"
#include "accord-window.h"

#define AUTHOR "Bench Mark <bench@example.org>"

static int n_sections = 1000;
static int n_objectives = 5000;
static char *keep_dir = NULL;

/* The main loop's stalls, seen from a timeout that fires every 2 ms.
 * When the window's frames are watched too, the time GTK spends laying
 * them out and painting them is told apart: under Xvfb frames are drawn
 * in software, slowly on a busy machine, whatever the app does. */
typedef struct
{
  gint64 last_tick;
  gint64 longest_gap;
  gint64 drawing;          /* laying out and painting since the last tick */
  gint64 drawing_started;
  gint64 longest_undrawn;  /* the longest gap less its drawing */
  guint  id;
} Watch;

static gboolean
tick_cb (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();

  if (watch->last_tick > 0)
    {
      watch->longest_gap = MAX (watch->longest_gap, now - watch->last_tick);
      watch->longest_undrawn = MAX (watch->longest_undrawn,
                                    now - watch->last_tick - watch->drawing);
    }
  watch->last_tick = now;
  watch->drawing = 0;

  return G_SOURCE_CONTINUE;
}

static void
drawing_begin_cb (GdkFrameClock *clock,
                  Watch         *watch)
{
  watch->drawing_started = g_get_monotonic_time ();
}

static void
drawing_end_cb (GdkFrameClock *clock,
                Watch         *watch)
{
  if (watch->drawing_started > 0)
    watch->drawing += g_get_monotonic_time () - watch->drawing_started;
  watch->drawing_started = 0;
}

static void
set (AccordEntity *entity,
     const char   *field,
     const char   *value)
{
  g_autoptr(GError) error = NULL;

  if (!accord_entity_set_field (entity, field, value, &error))
    g_error ("%s", error->message);
}

static char *
generate (const char *parent)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie générée", "fr");
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *order = NULL;
  char *path = g_build_filename (parent, "large", NULL);

  for (int i = 0; i < n_sections; i++)
    {
      g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, NULL);
      g_autofree char *title = g_strdup_printf ("Section %d", i + 1);
      g_autofree char *key = NULL;
      const char *parent_id = NULL;

      /* A tenth of the sections are top-level, the rest nested below. */
      if (i % 10 != 0)
        parent_id = g_ptr_array_index (ids, (guint) (i / 10) * 10);

      key = accord_strategy_dup_order_after (strategy, parent_id, NULL, ACCORD_ENTITY_SECTION);
      set (section, "order", key);
      set (section, "title", title);
      set (section, "body", "Un paragraphe de texte pour la section.\n");
      if (parent_id != NULL)
        set (section, "parent", parent_id);
      if (!accord_strategy_add (strategy, section, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (ids, g_strdup (accord_entity_get_id (section)));
    }

  for (int i = 0; i < n_objectives; i++)
    {
      g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, NULL);
      const char *section_id = g_ptr_array_index (ids, (guint) i % ids->len);
      g_autofree char *title = g_strdup_printf ("Objectif %d", i + 1);
      g_autofree char *code = g_strdup_printf ("O%d.%d", i % ids->len + 1, i / ids->len + 1);
      g_autofree char *key = accord_strategy_dup_order_after (strategy, section_id, NULL,
                                                              ACCORD_ENTITY_OBJECTIVE);

      set (objective, "section", section_id);
      set (objective, "order", key);
      set (objective, "code", code);
      set (objective, "title", title);
      if (!accord_strategy_add (strategy, objective, &error))
        g_error ("%s", error->message);
    }

  repository = accord_repository_create (path, strategy, AUTHOR, "Generated", &error);
  if (repository == NULL)
    g_error ("%s", error->message);

  return path;
}

/* Time spent laying out and painting the last frames, waiting excluded:
 * without a compositor, frames may wait for a timer. */
typedef struct
{
  gint64 started;
  gint64 longest;
} FrameCost;

static void
layout_cb (GdkFrameClock *clock,
           FrameCost     *cost)
{
  cost->started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameCost     *cost)
{
  if (cost->started > 0)
    cost->longest = MAX (cost->longest, g_get_monotonic_time () - cost->started);
  cost->started = 0;
}

/* Waits for the frame after the next one; @redraw asks for the whole
 * window to be painted again, else only what changed is. */
static void
spin_until_painted (GtkWidget *widget,
                    gboolean   redraw)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gint64 deadline = g_get_monotonic_time () + G_TIME_SPAN_SECOND;

  if (redraw)
    gtk_widget_queue_draw (widget);
  while (gdk_frame_clock_get_frame_counter (clock) <= frame + 1 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
report (const char *what,
        const char *figure,
        double      ms,
        const char *extra)
{
  g_autofree char *label = g_strdup_printf ("%s: %s", what, figure);

  printf ("  %-56s %8.1f ms%s\n", label, ms, extra != NULL ? extra : "");
  fflush (stdout);
}

/* What the drafter does next ------------------------------------------- */

typedef gboolean (*Done) (gpointer data);

/* Runs the main loop until @done says the operation started by @start is
 * over and a frame shows it, and returns the longest the main loop went
 * without running meanwhile, @start included; @undrawn is set to the
 * longest such stall less the time GTK spent drawing frames in it. */
static double
longest_stall (GtkWidget *window,
               GCallback  start,
               Done       done,
               gpointer   data,
               double    *undrawn)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Watch watch = { 0, };
  gulong layout_id, paint_id;
  gint64 deadline;

  layout_id = g_signal_connect (clock, "layout", G_CALLBACK (drawing_begin_cb), &watch);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (drawing_end_cb), &watch);
  watch.id = g_timeout_add (2, tick_cb, &watch);
  while (watch.last_tick == 0)
    g_main_context_iteration (NULL, TRUE);

  ((void (*) (gpointer)) start) (data);

  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The operation did not finish within a minute");
      g_main_context_iteration (NULL, TRUE);
    }
  spin_until_painted (window, FALSE);
  g_source_remove (watch.id);
  g_signal_handler_disconnect (clock, layout_id);
  g_signal_handler_disconnect (clock, paint_id);

  if (undrawn != NULL)
    *undrawn = watch.longest_undrawn / 1000.0;

  return watch.longest_gap / 1000.0;
}

/* Times the operation @start begins and reports its longest stall. */
static void
report_stall (const char *what,
              const char *label,
              GtkWidget  *window,
              GCallback   start,
              Done        done,
              gpointer    data)
{
  double undrawn = 0;
  double ms = longest_stall (window, start, done, data, &undrawn);
  g_autofree char *extra = g_strdup_printf ("   (%.1f ms less drawing)", undrawn);

  report (what, label, ms, extra);
}

typedef struct
{
  AccordWindow      *window;
  AccordDocument    *document;
  AccordHistoryView *history;
  AccordSearchPanel *search;
  AccordEntity      *section;     /* the section edited, in the strategy shown */
  char              *section_id;
  AccordStrategy    *before;      /* the strategy before a reload */
  char              *head;        /* the last revision before a save */
  const char        *query;
  int                edits;
} Drafter;

static char *
dup_first_section_id (AccordStrategy *strategy)
{
  GListModel *sections = accord_strategy_get_entities (strategy, ACCORD_ENTITY_SECTION);
  g_autoptr(AccordEntity) section = g_list_model_get_item (sections, 0);

  return g_strdup (accord_entity_get_id (section));
}

/* The dialog that offers @response. */
static GtkWindow *
find_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window), response))
        return window;
    }

  g_error ("No dialog offers “%s”", response);
  return NULL;
}

static void
edit_section (Drafter *drafter)
{
  AccordStrategy *strategy = accord_document_get_strategy (drafter->document);
  g_autofree char *body = g_strdup_printf ("Un paragraphe réécrit, %d fois.\n", ++drafter->edits);
  g_autoptr(GError) error = NULL;

  drafter->section = accord_strategy_lookup (strategy, drafter->section_id);
  if (!accord_entity_set_field (drafter->section, "body", body, &error))
    g_error ("%s", error->message);
}

static gboolean
edit_written (Drafter *drafter)
{
  return !accord_document_get_pending (drafter->document);
}

static void
open_save_popover (Drafter *drafter)
{
  gtk_widget_activate_action (GTK_WIDGET (drafter->window), "win.save-revision", NULL);
}

static gboolean
message_drafted (Drafter *drafter)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (drafter->window),
                                                                     ACCORD_TYPE_WINDOW,
                                                                     "save_message_entry"));

  return gtk_widget_get_mapped (GTK_WIDGET (entry)) && *gtk_editable_get_text (entry) != '\0';
}

static void
confirm_save (Drafter *drafter)
{
  g_free (drafter->head);
  drafter->head = accord_repository_dup_head (accord_document_get_repository (drafter->document));
  gtk_widget_activate_action (GTK_WIDGET (drafter->window), "win.confirm-save-revision", NULL);
}

static gboolean
revision_saved (Drafter *drafter)
{
  g_autofree char *head = accord_repository_dup_head (accord_document_get_repository (drafter->document));

  return g_strcmp0 (head, drafter->head) != 0 && !accord_document_get_unsaved (drafter->document);
}

static void
type_query (Drafter *drafter)
{
  GtkWidget *entry = accord_test_ui_find (GTK_WIDGET (drafter->search), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), drafter->query);
}

static gboolean
query_answered (Drafter *drafter)
{
  return g_strcmp0 (accord_search_panel_get_query (drafter->search), drafter->query) == 0;
}

static gboolean
strategy_replaced (Drafter *drafter)
{
  return accord_document_get_strategy (drafter->document) != drafter->before;
}

static void
wait_for_history (Drafter *drafter)
{
  do
    {
      while (_accord_history_view_get_busy (drafter->history))
        g_main_context_iteration (NULL, TRUE);
      spin_until_painted (GTK_WIDGET (drafter->window), FALSE);
    }
  while (_accord_history_view_get_busy (drafter->history));
}

/* Selects the revision @index in the list, newest first, and the section
 * edited in its outline. */
static void
select_in_history (Drafter *drafter,
                   guint    index)
{
  g_auto(GStrv) ids = _accord_history_view_dup_revision_ids (drafter->history);
  GtkListView *outline_list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (drafter->history),
                                                                          ACCORD_TYPE_HISTORY_VIEW,
                                                                          "outline_list"));
  GtkSelectionModel *outline = gtk_list_view_get_model (outline_list);

  accord_history_view_select_revision (drafter->history, ids[index]);
  wait_for_history (drafter);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (outline)); i++)
    {
      g_autoptr(AccordHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (outline), i);

      if (g_strcmp0 (entry->entity_id, drafter->section_id) == 0)
        gtk_selection_model_select_item (outline, i, TRUE);
    }
}

static void
restore_section (Drafter *drafter)
{
  drafter->before = accord_document_get_strategy (drafter->document);
  gtk_widget_activate_action (GTK_WIDGET (drafter->history), "history.restore-entity", NULL);
}

static void
confirm_in_dialog (Drafter    *drafter,
                   const char *response)
{
  drafter->before = accord_document_get_strategy (drafter->document);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog (response)), response);
}

static void
confirm_restore (Drafter *drafter)
{
  confirm_in_dialog (drafter, "restore");
}

static void
confirm_discard (Drafter *drafter)
{
  confirm_in_dialog (drafter, "discard");
}

static void
measure_operations (const char   *what,
                    AccordWindow *window)
{
  Drafter drafter = { window, accord_window_get_document (window), };
  GtkWidget *widget = GTK_WIDGET (window);
  static const struct {
    const char *query;
    const char *label;
  } queries[] = {
    { "objectif 4242", "a rare word" },
    { "paragraphe", "a word in a sixth of the files" },
    { "objectif", "a word in most files" },
  };

  drafter.history = ACCORD_HISTORY_VIEW (accord_test_ui_find (widget, ACCORD_TYPE_HISTORY_VIEW));
  drafter.search = ACCORD_SEARCH_PANEL (accord_test_ui_find (widget, ACCORD_TYPE_SEARCH_PANEL));
  drafter.section_id = dup_first_section_id (accord_document_get_strategy (drafter.document));

  report_stall (what, "stall writing an edit to disk", widget, G_CALLBACK (edit_section),
                (Done) edit_written, &drafter);
  report_stall (what, "stall drafting the revision message", widget,
                G_CALLBACK (open_save_popover), (Done) message_drafted, &drafter);
  report_stall (what, "stall saving a revision", widget, G_CALLBACK (confirm_save),
                (Done) revision_saved, &drafter);

  g_object_set (window, "searching", TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *label = g_strdup_printf ("stall searching %s", queries[i].label);

      drafter.query = queries[i].query;
      report_stall (what, label, widget, G_CALLBACK (type_query), (Done) query_answered,
                    &drafter);
    }
  g_object_set (window, "searching", FALSE, NULL);

  /* The section as the strategy was made, then the whole strategy as the
   * saved revision had it. */
  g_object_set (window, "history-shown", TRUE, NULL);
  wait_for_history (&drafter);
  select_in_history (&drafter, 1);
  report_stall (what, "stall restoring a section", widget, G_CALLBACK (restore_section),
                (Done) strategy_replaced, &drafter);
  wait_for_history (&drafter);
  select_in_history (&drafter, 1);
  gtk_widget_activate_action (GTK_WIDGET (drafter.history), "history.restore-strategy", NULL);
  report_stall (what, "stall restoring the whole strategy", widget,
                G_CALLBACK (confirm_restore), (Done) strategy_replaced, &drafter);
  g_object_set (window, "history-shown", FALSE, NULL);

  longest_stall (widget, G_CALLBACK (edit_section), (Done) edit_written, &drafter, NULL);
  gtk_widget_activate_action (widget, "win.discard-changes", NULL);
  report_stall (what, "stall discarding an edit", widget, G_CALLBACK (confirm_discard),
                (Done) strategy_replaced, &drafter);

  g_free (drafter.section_id);
  g_free (drafter.head);
}

static void
measure (const char *what,
         const char *path)
{
  AccordWindow *window = accord_window_new (NULL);
  GtkWidget *outline;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  Watch watch = { 0, };
  gint64 start, shown;
  FrameCost cost = { 0, };
  GdkFrameClock *clock;
  gulong layout_id, paint_id;
  guint frames = 0;

  gtk_window_present (GTK_WINDOW (window));
  spin_until_painted (GTK_WIDGET (window), TRUE);

  watch.id = g_timeout_add (2, tick_cb, &watch);
  start = g_get_monotonic_time ();
  accord_window_open (window, path);
  while (accord_window_get_document (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  spin_until_painted (GTK_WIDGET (window), TRUE);
  shown = g_get_monotonic_time ();
  g_source_remove (watch.id);

  report (what, "open to first frame", (shown - start) / 1000.0, NULL);
  report (what, "longest main-loop stall while opening", watch.longest_gap / 1000.0, NULL);

  /* Scroll the outline from top to bottom, a page per frame. */
  outline = accord_test_ui_find (GTK_WIDGET (window), ACCORD_TYPE_OUTLINE);
  scrolled = GTK_SCROLLED_WINDOW (accord_test_ui_find (outline, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  layout_id = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &cost);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &cost);
  /* For comparison: painting the whole window again, nothing changed. */
  for (guint i = 0; i < 5; i++)
    spin_until_painted (GTK_WIDGET (window), TRUE);
  report (what, "a whole frame, nothing changed", cost.longest / 1000.0, NULL);
  cost.longest = 0;

  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) && frames < 2000)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      spin_until_painted (GTK_WIDGET (window), FALSE);
      frames++;
    }

  g_signal_handler_disconnect (clock, layout_id);
  g_signal_handler_disconnect (clock, paint_id);

  {
    g_autofree char *pages = g_strdup_printf ("   (%u pages)", frames);

    report (what, "longest frame scrolling the outline", cost.longest / 1000.0, pages);
  }

  measure_operations (what, window);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *large = NULL;
  const GOptionEntry entries[] = {
    { "sections", 0, 0, G_OPTION_ARG_INT, &n_sections, "Sections to generate", "N" },
    { "objectives", 0, 0, G_OPTION_ARG_INT, &n_objectives, "Objectives to generate", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Generate into DIR and keep it", "DIR" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  /* 77 tells meson the benchmark was skipped. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("No display: run it under xvfb-run -a\n");
      return 77;
    }

  tmpdir = keep_dir != NULL ? g_strdup (keep_dir) : g_dir_make_tmp ("accord-bench-ui-XXXXXX", NULL);
  g_mkdir_with_parents (tmpdir, 0755);
  data = g_build_filename (tmpdir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_init ();
  adw_init ();
  gtk_source_init ();
  accord_init ();

  printf ("Generating %d sections and %d objectives in %s\n", n_sections, n_objectives, tmpdir);
  large = generate (tmpdir);
  demo = accord_application_create_demo (&error);
  if (demo == NULL)
    g_error ("%s", error->message);

  measure ("demo", demo);
  measure ("large", large);

  return 0;
}
