/* accord-test-ui.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "accord.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"

/* Prepares GTK for a UI test. Without a display the whole program is
 * reported as skipped (a TAP plan of zero tests with a SKIP directive), so
 * that a run without Xvfb never counts UI tests as passed. */
gboolean
accord_test_ui_init (int    *argc,
                     char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display (run the tests under xvfb-run)\n");
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  gtk_source_init ();
  accord_init ();

  return TRUE;
}

void
accord_test_ui_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
accord_test_ui_wait_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!(gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* Let the first frames be laid out and drawn. */
  accord_test_ui_wait_frames (widget, 2);

  accord_test_ui_assert_accessible (widget);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;

  return G_SOURCE_CONTINUE;
}

/* Waits until @widget, which is mapped, has been through @n whole frames,
 * layout included: what it does when laid out has been done. */
void
accord_test_ui_wait_frames (GtkWidget *widget,
                            guint      n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  ACCORD_TEST_WAIT_FOR (frames > n);
  gtk_widget_remove_tick_callback (widget, id);
}

/* Depth-first search for the first widget of @type under @root, @root
 * included. */
GtkWidget *
accord_test_ui_find (GtkWidget *root,
                     GType      type)
{
  return accord_test_ui_find_with_class (root, type, NULL);
}

/* The same, for a widget that also has the style class @css_class (NULL:
 * any). */
GtkWidget *
accord_test_ui_find_with_class (GtkWidget  *root,
                                GType       type,
                                const char *css_class)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = accord_test_ui_find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The child @name of the template of @widget's class or parent class
 * @type, asserting that there is one. */
gpointer
accord_test_ui_template_child (gpointer    widget,
                               GType       type,
                               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);

  return child;
}

/* The first shown toplevel window of @type, or NULL. */
GtkWindow *
accord_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }

  return NULL;
}

/* Waits for a toplevel window of @type to be shown, and returns it. */
GtkWindow *
accord_test_ui_wait_toplevel (GType type)
{
  GtkWindow *window;

  ACCORD_TEST_WAIT_FOR ((window = accord_test_ui_find_toplevel (type)) != NULL);

  return window;
}

/* The event controllers of @type that @widget has, in the order added. */
static GPtrArray *
dup_controllers (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_type_is_a (G_OBJECT_TYPE (controller), type))
        g_ptr_array_add (found, g_steal_pointer (&controller));
    }

  return found;
}

/* The first event controller of @type that @widget has, or NULL. */
GtkEventController *
accord_test_ui_find_controller (GtkWidget *widget,
                                GType      type)
{
  g_autoptr(GPtrArray) controllers = dup_controllers (widget, type);

  return controllers->len > 0 ? g_ptr_array_index (controllers, 0) : NULL;
}

/* The shortcut of @widget's own shortcut controllers for @accelerator, in
 * the syntax of gtk_shortcut_trigger_parse_string(), or NULL. */
GtkShortcut *
accord_test_ui_find_shortcut (GtkWidget  *widget,
                              const char *accelerator)
{
  g_autoptr(GPtrArray) controllers = dup_controllers (widget, GTK_TYPE_SHORTCUT_CONTROLLER);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);

  for (guint i = 0; i < controllers->len; i++)
    {
      GListModel *shortcuts = g_ptr_array_index (controllers, i);

      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;
        }
    }

  return NULL;
}

/* Asserts that @widget binds each accelerator of @bindings, in the syntax
 * of gtk_shortcut_trigger_parse_string(), to the action named after it:
 * pairs of strings, up to NULL. */
void
accord_test_ui_assert_bindings (GtkWidget          *widget,
                                const char * const *bindings)
{
  for (guint i = 0; bindings[i] != NULL && bindings[i + 1] != NULL; i += 2)
    {
      const char *accelerator = bindings[i];
      const char *action_name = bindings[i + 1];
      GtkShortcut *shortcut = accord_test_ui_find_shortcut (widget, accelerator);
      GtkShortcutAction *action = shortcut != NULL ? gtk_shortcut_get_action (shortcut) : NULL;

      g_test_message ("%s binds %s", accelerator, action_name);
      g_assert_true (GTK_IS_NAMED_ACTION (action));
      g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==,
                       action_name);
    }
}

/* Whether people act on widgets of @role: those need a name a screen
 * reader can say. */
static gboolean
is_control (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The text of the first shown label under @widget, @widget included. */
static const char *
find_label_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = find_label_text (child);

      if (text != NULL)
        return text;
    }

  return NULL;
}

/* A button is labelled by its own content, so a button that shows only an
 * icon is labelled by the icon: its name is a label given to it, or the
 * text it shows. Other controls may also be labelled by another widget,
 * such as a row's title. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      find_label_text (widget) != NULL)
    return TRUE;

  return !GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) &&
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  /* GTK 4.8's calendar gives its arrows no name, and its shortcuts window
   * none to its search button: not ours to fix. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_CALENDAR (widget) ||
      GTK_IS_SHORTCUTS_WINDOW (widget))
    return;

  if (is_control (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      /* What a control holds is part of it. */
      if (has_name (widget))
        return;

      g_string_append_printf (unnamed, "  %s", G_OBJECT_TYPE_NAME (widget));
      for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL;
           up = gtk_widget_get_parent (up))
        g_string_append_printf (unnamed, " in %s", G_OBJECT_TYPE_NAME (up));
      if (tooltip != NULL)
        g_string_append_printf (unnamed, " (tooltip “%s”)", tooltip);
      g_string_append_c (unnamed, '\n');
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

/* Asserts that every control shown under @root (a button, a switch, an
 * entry…) has a name a screen reader can say: a label of its own, a
 * widget it is labelled by, or a text it shows. GTK 4.8 checks nothing of
 * the sort by itself; the test accessibility backend (GTK_A11Y=test) keeps
 * the properties this looks at. */
void
accord_test_ui_assert_accessible (GtkWidget *root)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_test_message ("Controls without an accessible name:\n%s", unnamed->str);
  g_assert_cmpstr (unnamed->str, ==, "");
}

/* Renders @widget to NAME.png in $ACCORD_SCREENSHOT_DIR when that is set;
 * build-aux/screenshots uses it to refresh data/screenshots/. */
void
accord_test_ui_save_png (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("ACCORD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;
  int width, height;

  if (dir == NULL)
    return;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node, &bounds);
  filename = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, filename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Opens the strategy at @path as a window does, off the main thread, and
 * waits for it. */
AccordDocument *
accord_test_try_open_document (const char    *path,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  accord_document_open_async (path, cancellable, opened_cb, &result);
  ACCORD_TEST_WAIT_FOR (result != NULL);

  return accord_document_open_finish (result, error);
}

/* The same, asserting that it opens. */
AccordDocument *
accord_test_open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  AccordDocument *document = accord_test_try_open_document (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ACCORD_IS_DOCUMENT (document));

  return document;
}
