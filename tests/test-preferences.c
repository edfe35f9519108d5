/* test-preferences.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-preferences-window.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"

typedef struct
{
  char      *home;
  GSettings *settings;
  GtkWidget *window;
} Fixture;

static void
reset_settings (GSettings *settings)
{
  const char *keys[] = { "author-name", "author-email", "editor-font", "show-line-numbers" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = accord_preferences_window_new (NULL);
  g_object_ref (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  accord_test_ui_wait_mapped (fixture->window);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *gitconfig = data;

  fixture->home = accord_test_make_tmpdir ("accord-preferences-XXXXXX");
  if (gitconfig != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->home, ".gitconfig", NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, gitconfig, -1, &error);
      g_assert_no_error (error);
    }
  accord_test_use_git_home (fixture->home);

  fixture->settings = g_settings_new (APP_ID);
  reset_settings (fixture->settings);
  open_window (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);

  reset_settings (fixture->settings);
  g_clear_object (&fixture->settings);
  accord_test_use_git_home (NULL);
  accord_test_remove_tree (fixture->home);
  g_clear_pointer (&fixture->home, g_free);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The row of @type titled @title. */
static GtkWidget *
find_row (Fixture    *fixture,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (fixture->window, type, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return GTK_WIDGET (row);
    }

  g_error ("No row titled “%s”", title);
}

/* The dimmed label under the Revisions group. */
static GtkLabel *
find_identity_label (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (fixture->window, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (GTK_WIDGET (label), "caption") &&
          gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_GROUP) != NULL &&
          gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_ROW) == NULL)
        return label;
    }

  g_error ("No identity hint");
}

static char *
get_string (Fixture    *fixture,
            const char *key)
{
  return g_settings_get_string (fixture->settings, key);
}

static void
test_structure (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = accord_test_ui_find (fixture->window, ADW_TYPE_PREFERENCES_PAGE);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  AdwPreferencesGroup *revisions;

  g_assert_nonnull (page);
  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==, "General");

  collect (page, ADW_TYPE_PREFERENCES_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 2);
  revisions = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (adw_preferences_group_get_title (revisions), ==, "Revisions");
  g_assert_cmpstr (adw_preferences_group_get_description (revisions), ==,
                   "Changes are kept as you type; Save Revision records them in the history.");
  g_assert_cmpstr (adw_preferences_group_get_title (g_ptr_array_index (groups, 1)), ==, "Editor");

  g_assert_true (gtk_widget_is_ancestor (find_row (fixture, ADW_TYPE_ENTRY_ROW, "Name"),
                                         GTK_WIDGET (revisions)));
  g_assert_true (gtk_widget_is_ancestor (find_row (fixture, ADW_TYPE_ENTRY_ROW, "E-mail Address"),
                                         GTK_WIDGET (revisions)));
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "Font"));
  g_assert_nonnull (find_row (fixture, ADW_TYPE_ACTION_ROW, "Show Line Numbers"));

}

static void
spin_until_string (Fixture    *fixture,
                   GtkWidget  *editable,
                   const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), expected) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Typing in the rows changes the settings, and the other way round. */
static void
test_author (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *name_row = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Name");
  GtkWidget *email_row = find_row (fixture, ADW_TYPE_ENTRY_ROW, "E-mail Address");
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Zoé Lefèvre");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "zoe@example.org");
  name = get_string (fixture, "author-name");
  email = get_string (fixture, "author-email");
  g_assert_cmpstr (name, ==, "Zoé Lefèvre");
  g_assert_cmpstr (email, ==, "zoe@example.org");

  g_settings_set_string (fixture->settings, "author-name", "Ana Lima");
  g_settings_set_string (fixture->settings, "author-email", "ana@example.org");
  spin_until_string (fixture, name_row, "Ana Lima");
  spin_until_string (fixture, email_row, "ana@example.org");

  gtk_editable_set_text (GTK_EDITABLE (email_row), "");
  g_clear_pointer (&email, g_free);
  email = get_string (fixture, "author-email");
  g_assert_cmpstr (email, ==, "");
}

static void
spin_until_visible (GtkWidget *widget,
                    gboolean   visible)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (gtk_widget_get_visible (widget) != visible)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* With git's identity set, the hint names it while a field is empty. */
static void
test_identity_from_git (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkLabel *label = find_identity_label (fixture);

  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "When empty, revisions are saved as “Zoé Lefèvre <zoe@example.org>” "
                   "from git’s settings");
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));

  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, ADW_TYPE_ENTRY_ROW, "Name")), "Ana");
  spin_until_visible (GTK_WIDGET (label), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, ADW_TYPE_ENTRY_ROW, "E-mail Address")),
                         "ana@example.org");
  spin_until_visible (GTK_WIDGET (label), FALSE);

  g_settings_reset (fixture->settings, "author-name");
  spin_until_visible (GTK_WIDGET (label), TRUE);
}

/* Without it (or with half of it), the hint asks for a name. */
static void
test_identity_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkLabel *label = find_identity_label (fixture);

  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "Set a name so that revisions say who saved them");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
}

static void
spin_until_active (GtkWidget *widget,
                   gboolean   active)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (gtk_switch_get_active (GTK_SWITCH (widget)) != active)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static gboolean
font_is (GtkWidget  *font_button,
         const char *expected)
{
  g_autofree char *font = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (font_button));

  return g_strcmp0 (font, expected) == 0;
}

static void
test_editor (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *switch_row = find_row (fixture, ADW_TYPE_ACTION_ROW, "Show Line Numbers");
  GtkWidget *font_row = find_row (fixture, ADW_TYPE_ACTION_ROW, "Font");
  GtkWidget *line_numbers = accord_test_ui_find (switch_row, GTK_TYPE_SWITCH);
  GtkWidget *font_button = accord_test_ui_find (font_row, GTK_TYPE_FONT_BUTTON);
  g_autofree char *font = NULL;
  g_autofree char *shown = NULL;

  g_assert_nonnull (line_numbers);
  g_assert_nonnull (font_button);
  g_assert_false (g_settings_get_boolean (fixture->settings, "show-line-numbers"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (line_numbers)));

  gtk_switch_set_active (GTK_SWITCH (line_numbers), TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "show-line-numbers"));

  /* Activating the row flips its switch, at the end of the switch's
   * animation. */
  g_assert_true (gtk_widget_activate (switch_row));
  spin_until_active (line_numbers, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "show-line-numbers"));

  g_settings_set_boolean (fixture->settings, "show-line-numbers", TRUE);
  spin_until_active (line_numbers, TRUE);

  shown = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (font_button));
  g_assert_cmpstr (shown, ==, "Sans 12");
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (font_button), "Serif Bold 14");
  font = get_string (fixture, "editor-font");
  g_assert_cmpstr (font, ==, "Serif Bold 14");

  g_settings_set_string (fixture->settings, "editor-font", "Serif 9");
  ACCORD_TEST_WAIT_FOR (font_is (font_button, "Serif 9"));
}

static void
test_transient (void)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *window = accord_preferences_window_new (GTK_WINDOW (parent));

  g_object_ref (window);
  g_assert_true (ACCORD_IS_PREFERENCES_WINDOW (window));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (parent));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  gtk_window_destroy (GTK_WINDOW (parent));
}

#define GITCONFIG \
  "[user]\n" \
  "\tname = Zoé Lefèvre\n" \
  "\temail = zoe@example.org\n"

#define GITCONFIG_NAME_ONLY \
  "[user]\n" \
  "\tname = Zoé Lefèvre\n"

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, data, func) \
  g_test_add ("/accord/preferences/" path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("structure", NULL, test_structure);
  ADD ("author", NULL, test_author);
  ADD ("identity-from-git", GITCONFIG, test_identity_from_git);
  ADD ("identity-missing", NULL, test_identity_missing);
  ADD ("identity-half", GITCONFIG_NAME_ONLY, test_identity_missing);
  ADD ("editor", NULL, test_editor);
  g_test_add_func ("/accord/preferences/transient", test_transient);

#undef ADD

  return g_test_run ();
}
