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
 * the outline scrolls from top to bottom. Run it under a display (xvfb-run
 * -a works); it asserts nothing about the figures.
 */

#include "config.h"

#include <stdio.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-application.h"
#include "accord-outline.h"
#include "accord-window.h"

#define AUTHOR "Bench Mark <bench@example.org>"

static int n_sections = 1000;
static int n_objectives = 5000;
static char *keep_dir = NULL;

typedef struct
{
  gint64 last_tick;
  gint64 longest_gap;
  guint  id;
} Watch;

static gboolean
tick_cb (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();

  if (watch->last_tick > 0)
    watch->longest_gap = MAX (watch->longest_gap, now - watch->last_tick);
  watch->last_tick = now;

  return G_SOURCE_CONTINUE;
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

static GtkWidget *
find (GtkWidget *root,
      GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
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
  outline = find (GTK_WIDGET (window), ACCORD_TYPE_OUTLINE);
  scrolled = GTK_SCROLLED_WINDOW (find (outline, GTK_TYPE_SCROLLED_WINDOW));
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
