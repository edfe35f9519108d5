/* test-shortcuts.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The shortcuts window tells the truth: every accelerator the app
 * installs (the application's, for its actions, and those its widget
 * classes bind) is listed in it, and every accelerator it lists is
 * installed, by the app or by GTK (undo in the text, F10 for the main
 * menu). The keypad's keys count as the main keys they stand for: the
 * shortcuts window shows those only.
 */

#include "config.h"

#include <adwaita.h>

#include "accord-application.h"
#include "accord-test-ui.h"
#include "accord-window.h"

typedef void (*TestBody) (AccordApplication *app,
                          AccordWindow      *window);

static void
activated_cb (AccordApplication *app,
              TestBody           body)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ACCORD_IS_WINDOW (window));
  accord_test_ui_wait_mapped (GTK_WIDGET (window));

  body (app, ACCORD_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
run_in_application (gconstpointer data)
{
  char *argv[] = { (char *) "accord", NULL };
  AccordApplication *app = accord_application_new (G_APPLICATION_NON_UNIQUE);

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), (gpointer) data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

static guint
main_keyval (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_KP_Up:
      return GDK_KEY_Up;
    case GDK_KEY_KP_Down:
      return GDK_KEY_Down;
    case GDK_KEY_KP_Left:
      return GDK_KEY_Left;
    case GDK_KEY_KP_Right:
      return GDK_KEY_Right;
    case GDK_KEY_KP_Delete:
      return GDK_KEY_Delete;
    case GDK_KEY_KP_Add:
      return GDK_KEY_plus;
    case GDK_KEY_KP_Subtract:
      return GDK_KEY_minus;
    default:
      return gdk_keyval_to_lower (keyval);
    }
}

static void
add_key (GHashTable      *accels,
         guint            keyval,
         GdkModifierType  modifiers)
{
  g_hash_table_add (accels, gtk_accelerator_name (main_keyval (keyval), modifiers));
}

static void
add_accelerator (GHashTable *accels,
                 const char *accelerator)
{
  GdkModifierType modifiers = 0;
  guint keyval = 0;

  if (!gtk_accelerator_parse (accelerator, &keyval, &modifiers))
    g_error ("“%s” is not an accelerator", accelerator);

  add_key (accels, keyval, modifiers);
}

static void
add_trigger (GHashTable         *accels,
             GtkShortcutTrigger *trigger)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    add_key (accels, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
             gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (accels, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)));
      add_trigger (accels, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));
    }
}

/* What @widget's class binds, or with @any, what all its shortcut
 * controllers hold: GTK gives each widget whose class has shortcuts a
 * controller of that name holding them, the parent classes' included. */
static GHashTable *
dup_accels (GtkWidget *widget,
            gboolean   any)
{
  GHashTable *accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (!any && g_strcmp0 (gtk_event_controller_get_name (controller),
                              "gtk-widget-class-shortcuts") != 0))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          add_trigger (accels, gtk_shortcut_get_trigger (shortcut));
        }
    }

  return accels;
}

/* What @widget's class binds that its parent class does not. */
static GHashTable *
dup_own_class_accels (GtkWidget *widget)
{
  GType parent_type = g_type_parent (G_OBJECT_TYPE (widget));
  GHashTable *accels = dup_accels (widget, FALSE);
  g_autoptr(GHashTable) inherited = NULL;
  GtkWidget *parent;
  GHashTableIter iter;
  gpointer accel;

  parent = g_object_ref_sink (g_object_new (parent_type, NULL));
  inherited = dup_accels (parent, FALSE);
  if (GTK_IS_WINDOW (parent))
    gtk_window_destroy (GTK_WINDOW (parent));
  g_object_unref (parent);

  g_hash_table_iter_init (&iter, inherited);
  while (g_hash_table_iter_next (&iter, &accel, NULL))
    g_hash_table_remove (accels, accel);

  return accels;
}

static void
add_all (GHashTable *accels,
         GHashTable *more)
{
  GHashTableIter iter;
  gpointer accel;

  g_hash_table_iter_init (&iter, more);
  while (g_hash_table_iter_next (&iter, &accel, NULL))
    g_hash_table_add (accels, g_strdup (accel));
}

/* Walks the window: into @ours what the app's own widget classes bind,
 * into @everything what any widget in the window has a shortcut for,
 * GTK's included. */
static void
collect_widget_accels (GtkWidget  *widget,
                       GHashTable *ours,
                       GHashTable *everything,
                       GHashTable *types_seen)
{
  GType type = G_OBJECT_TYPE (widget);
  g_autoptr(GHashTable) all = dup_accels (widget, TRUE);

  add_all (everything, all);

  if (!g_hash_table_contains (types_seen, GSIZE_TO_POINTER (type)))
    {
      g_hash_table_add (types_seen, GSIZE_TO_POINTER (type));

      if (g_str_has_prefix (g_type_name (type), "Accord"))
        {
          g_autoptr(GHashTable) own = dup_own_class_accels (widget);

          add_all (ours, own);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_accels (child, ours, everything, types_seen);
}

static void
collect_application_accels (GtkApplication *app,
                            GHashTable     *accels)
{
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) action_accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; action_accels[j] != NULL; j++)
        add_accelerator (accels, action_accels[j]);
    }
}

/* What the shortcuts window lists: an entry names its accelerators, or
 * the action whose application accelerators it shows. */
static void
collect_listed_accels (GtkWidget      *widget,
                       GtkApplication *app,
                       GHashTable     *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget,
                    "accelerator", &accelerator,
                    "action-name", &action_name,
                    "title", &title,
                    NULL);

      if (action_name != NULL)
        {
          g_auto(GStrv) action_accels = gtk_application_get_accels_for_action (app, action_name);

          if (action_accels[0] == NULL)
            g_error ("“%s” lists %s, which has no accelerator", title, action_name);
          for (guint i = 0; action_accels[i] != NULL; i++)
            add_accelerator (accels, action_accels[i]);
        }
      else if (accelerator != NULL)
        {
          g_auto(GStrv) alternatives = g_strsplit (accelerator, " ", -1);

          for (guint i = 0; alternatives[i] != NULL; i++)
            {
              if (*alternatives[i] != '\0')
                add_accelerator (accels, alternatives[i]);
            }
        }
      else
        g_error ("“%s” has neither an accelerator nor an action", title);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed_accels (child, app, accels);
}

/* The accelerators in @accels and in none of @others, sorted, one a
 * line. */
static char *
dup_missing (GHashTable *accels,
             GHashTable *others[])
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer accel;

  g_hash_table_iter_init (&iter, accels);
  while (g_hash_table_iter_next (&iter, &accel, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; others[i] != NULL && !found; i++)
        found = g_hash_table_contains (others[i], accel);

      if (!found)
        g_ptr_array_add (missing, accel);
    }

  g_ptr_array_sort (missing, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (missing, NULL);

  return g_strjoinv ("\n", (char **) missing->pdata);
}

static void
check_shortcuts_window (AccordApplication *app,
                        AccordWindow      *window)
{
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) everything = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) types_seen = g_hash_table_new (NULL, NULL);
  GtkShortcutsWindow *overlay;
  g_autofree char *not_listed = NULL;
  g_autofree char *not_installed = NULL;

  collect_application_accels (GTK_APPLICATION (app), ours);
  collect_widget_accels (GTK_WIDGET (window), ours, everything, types_seen);

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  collect_listed_accels (GTK_WIDGET (overlay), GTK_APPLICATION (app), listed);

  /* Enough is found for the comparison to mean something. */
  g_assert_true (g_hash_table_contains (ours, "<Control>s"));
  g_assert_true (g_hash_table_contains (ours, "F2"));
  g_assert_true (g_hash_table_contains (ours, "<Control>g"));
  g_assert_true (g_hash_table_contains (listed, "<Control>q"));

  not_listed = dup_missing (ours, (GHashTable *[]) { listed, NULL });
  not_installed = dup_missing (listed, (GHashTable *[]) { ours, everything, NULL });

  g_test_message ("%u accelerators installed by Accord, %u listed",
                  g_hash_table_size (ours), g_hash_table_size (listed));
  g_assert_cmpstr (not_listed, ==, "");
  g_assert_cmpstr (not_installed, ==, "");
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_data_func ("/accord/shortcuts/window-lists-all", check_shortcuts_window,
                        run_in_application);

  return g_test_run ();
}
