/* test-window-properties.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The window's properties, as a binding or a property action sees them:
 * each change is told once, and setting what already is tells nothing.
 */

#include "config.h"

#include <adwaita.h>

#include "accord.h"
#include "accord-outline.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-window.h"

#define AUTHOR "Alice Martin <alice@example.org>"

typedef struct
{
  char         *tmpdir;
  AccordWindow *window;
  guint         n_searching;
  guint         n_history_shown;
} Fixture;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "searching"))
    fixture->n_searching++;
  else if (g_str_equal (pspec->name, "history-shown"))
    fixture->n_history_shown++;
}

static void
add_section (AccordStrategy *strategy,
             const char     *id,
             const char     *order,
             const char     *title)
{
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, id);
  g_autoptr(GError) error = NULL;

  accord_entity_set_field (section, "order", order, &error);
  g_assert_no_error (error);
  accord_entity_set_field (section, "title", title, &error);
  g_assert_no_error (error);
  g_assert_true (accord_strategy_add (strategy, section, &error));
  g_assert_no_error (error);
}

/* A window showing a strategy of two sections. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Stratégie numérique", "fr");
  g_autoptr(AccordRepository) repository = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  fixture->tmpdir = accord_test_make_tmpdir ("accord-window-properties-XXXXXX");
  path = g_build_filename (fixture->tmpdir, "strategy", NULL);
  add_section (strategy, "s-principes", "i", "Principes");
  add_section (strategy, "s-actions", "r", "Actions");
  repository = accord_repository_create (path, strategy, AUTHOR, "Create", &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (accord_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  accord_test_ui_wait_mapped (GTK_WIDGET (fixture->window));
  accord_window_open (fixture->window, path);
  while (accord_window_get_document (fixture->window) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  accord_test_ui_spin (50);

  g_signal_connect (fixture->window, "notify", G_CALLBACK (notify_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->window, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  accord_test_ui_spin (20);
  accord_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static gboolean
get_boolean (AccordWindow *window,
             const char   *name)
{
  gboolean value;

  g_object_get (window, name, &value, NULL);

  return value;
}

static void
test_searching (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_false (get_boolean (fixture->window, "searching"));

  g_object_set (fixture->window, "searching", FALSE, NULL);
  g_assert_cmpuint (fixture->n_searching, ==, 0);

  g_object_set (fixture->window, "searching", TRUE, NULL);
  g_assert_true (get_boolean (fixture->window, "searching"));
  g_assert_cmpuint (fixture->n_searching, ==, 1);

  /* Searching again only puts the focus back in the entry. */
  g_object_set (fixture->window, "searching", TRUE, NULL);
  g_assert_cmpuint (fixture->n_searching, ==, 1);

  g_object_set (fixture->window, "searching", FALSE, NULL);
  g_assert_false (get_boolean (fixture->window, "searching"));
  g_assert_cmpuint (fixture->n_searching, ==, 2);

  g_object_set (fixture->window, "searching", FALSE, NULL);
  g_assert_cmpuint (fixture->n_searching, ==, 2);
}

static void
test_history_shown (Fixture       *fixture,
                    gconstpointer  data)
{
  GObject *outline = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                    ACCORD_TYPE_WINDOW, "outline");
  AccordStrategy *strategy = accord_document_get_strategy (
    accord_window_get_document (fixture->window));

  /* Going from one section to another is not leaving the history. */
  accord_outline_select (ACCORD_OUTLINE (outline), accord_strategy_lookup (strategy, "s-actions"));
  accord_outline_select (ACCORD_OUTLINE (outline), accord_strategy_lookup (strategy,
                                                                           "s-principes"));
  g_assert_cmpuint (fixture->n_history_shown, ==, 0);

  g_object_set (fixture->window, "history-shown", TRUE, NULL);
  g_assert_true (get_boolean (fixture->window, "history-shown"));
  g_assert_cmpuint (fixture->n_history_shown, ==, 1);
  g_object_set (fixture->window, "history-shown", TRUE, NULL);
  g_assert_cmpuint (fixture->n_history_shown, ==, 1);

  g_object_set (fixture->window, "history-shown", FALSE, NULL);
  g_assert_false (get_boolean (fixture->window, "history-shown"));
  g_assert_cmpuint (fixture->n_history_shown, ==, 2);
  g_object_set (fixture->window, "history-shown", FALSE, NULL);
  g_assert_cmpuint (fixture->n_history_shown, ==, 2);

  /* Choosing a section in the outline while the history shows leaves it. */
  g_object_set (fixture->window, "history-shown", TRUE, NULL);
  g_assert_cmpuint (fixture->n_history_shown, ==, 3);
  accord_outline_select (ACCORD_OUTLINE (outline), accord_strategy_lookup (strategy, "s-actions"));
  g_assert_false (get_boolean (fixture->window, "history-shown"));
  g_assert_cmpuint (fixture->n_history_shown, ==, 4);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/accord/window-properties/" path, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)

  ADD ("searching", test_searching);
  ADD ("history-shown", test_history_shown);

#undef ADD

  return g_test_run ();
}
