/* test-outline-edit.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-outline-private.h"
#include "accord-outline-row.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include "outline-test-common.h"

/* Whether an action is enabled, as a button in the outline sees it. */
static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  GtkWidget *probe = gtk_button_new ();
  g_autofree char *detailed = g_strconcat ("outline.", name, NULL);
  gboolean enabled;

  gtk_widget_set_parent (probe, GTK_WIDGET (fixture->outline));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), detailed);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);

  return enabled;
}

/* Ends renaming @row with @text, as Enter does. */
static void
rename_row (AccordOutlineRow *row,
            const char       *text)
{
  GtkEditable *editable = accord_outline_row_get_editable (row);

  g_assert_true (accord_outline_row_get_renaming (row));
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (editable)));
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (editable, "activate");
  g_assert_false (accord_outline_row_get_renaming (row));
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  AccordEntity *added;
  AccordOutlineRow *row;

  /* A section goes after the top-level section of the selection, and is
   * renamed at once. */
  accord_outline_select (fixture->outline, fixture->s1a);
  activate (fixture, "add-section");
  added = accord_outline_get_selected (fixture->outline);
  g_assert_true (ACCORD_IS_SECTION (added));
  g_assert_null (accord_entity_get_field (added, "parent"));
  assert_children (fixture, NULL, "S1,New Section,S2,S3");
  row = find_row (fixture, added);
  g_assert_cmpstr (gtk_editable_get_text (accord_outline_row_get_editable (row)), ==,
                   "New Section");
  g_assert_false (action_enabled (fixture, "delete"));
  rename_row (row, "  Introduction\n");
  g_assert_cmpstr (accord_entity_get_field (added, "title"), ==, "Introduction");
  g_assert_true (action_enabled (fixture, "delete"));

  /* Without a selection, at the end. */
  accord_outline_select (fixture->outline, NULL);
  activate (fixture, "add-section");
  rename_row (find_row (fixture, accord_outline_get_selected (fixture->outline)), "Last");
  assert_children (fixture, NULL, "S1,Introduction,S2,S3,Last");

  /* A sub-section goes last in the section of the selection. */
  accord_outline_select (fixture->outline, fixture->o12);
  activate (fixture, "add-subsection");
  added = accord_outline_get_selected (fixture->outline);
  g_assert_cmpstr (accord_entity_get_field (added, "parent"), ==,
                   accord_entity_get_id (fixture->s1));
  rename_row (find_row (fixture, added), "S1c");
  assert_children (fixture, fixture->s1, "Objective one,Objective two,S1a,S1b,S1c");

  /* An objective goes after the selected objective… */
  accord_outline_select (fixture->outline, fixture->o11);
  activate (fixture, "add-objective");
  added = accord_outline_get_selected (fixture->outline);
  g_assert_true (ACCORD_IS_OBJECTIVE (added));
  g_assert_cmpstr (accord_entity_get_field (added, "section"), ==,
                   accord_entity_get_id (fixture->s1));
  g_assert_null (accord_entity_get_field (added, "code"));
  rename_row (find_row (fixture, added), "Middle");
  assert_children (fixture, fixture->s1, "Objective one,Middle,Objective two,S1a,S1b,S1c");

  /* … or last among the objectives of the selected section. */
  accord_outline_select (fixture->outline, fixture->s3);
  activate (fixture, "add-objective");
  added = accord_outline_get_selected (fixture->outline);
  row = find_row (fixture, added);
  g_assert_cmpstr (accord_outline_row_get_text (row), ==, "New Objective");
  rename_row (row, "");
  g_assert_cmpstr (accord_entity_get_field (added, "title"), ==, "New Objective");
  assert_children (fixture, fixture->s3, "New Objective");
  assert_shown (fixture, "S1,Objective one,Middle,Objective two,S1a,S1b,S1c,Introduction,S2,"
                         "S3,New Objective,Last");
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  AccordOutlineRow *row;
  GtkEditable *editable;

  accord_outline_select (fixture->outline, fixture->s2);
  row = find_row (fixture, fixture->s2);
  editable = accord_outline_row_get_editable (row);
  g_assert_true (editable == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (editable)));

  activate (fixture, "rename");
  editable = accord_outline_row_get_editable (row);
  g_assert_true (accord_outline_row_get_renaming (row));
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, "S2");
  g_assert_true (gtk_widget_has_focus (gtk_editable_get_delegate (editable) != NULL
                                       ? GTK_WIDGET (gtk_editable_get_delegate (editable))
                                       : GTK_WIDGET (editable)));
  rename_row (row, "Second");
  g_assert_cmpstr (accord_entity_get_field (fixture->s2, "title"), ==, "Second");
  g_assert_cmpstr (accord_outline_row_get_text (row), ==, "Second");
  g_assert_true (row_has_focus (fixture, fixture->s2));

  /* Escape cancels. */
  activate (fixture, "rename");
  gtk_editable_set_text (editable, "Not this");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.cancel-rename", NULL));
  g_assert_false (accord_outline_row_get_renaming (row));
  g_assert_cmpstr (accord_entity_get_field (fixture->s2, "title"), ==, "Second");
  g_assert_cmpstr (accord_outline_row_get_text (row), ==, "Second");

  /* Moving the focus away commits. */
  activate (fixture, "rename");
  gtk_editable_set_text (editable, "Third");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (find_row (fixture,
                                                                                   fixture->s1)))));
  g_assert_false (accord_outline_row_get_renaming (row));
  g_assert_cmpstr (accord_entity_get_field (fixture->s2, "title"), ==, "Third");

  /* Objectives keep their code. */
  accord_outline_select (fixture->outline, fixture->o21);
  activate (fixture, "rename");
  row = find_row (fixture, fixture->o21);
  g_assert_cmpstr (gtk_editable_get_text (accord_outline_row_get_editable (row)), ==,
                   "Objective three");
  rename_row (row, "Renamed");
  g_assert_cmpstr (accord_outline_row_get_text (row), ==, "O2.1 · Renamed");
  g_assert_cmpstr (accord_entity_get_field (fixture->o21, "code"), ==, "O2.1");
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  accord_outline_select (fixture->outline, fixture->s2);
  g_assert_true (action_enabled (fixture, "move-up"));
  g_assert_true (action_enabled (fixture, "move-down"));
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (find_row (fixture, fixture->s2))));

  /* The moved row stays selected, with the keyboard focus. */
  activate (fixture, "move-up");
  assert_children (fixture, NULL, "S2,S1,S3");
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s2);
  g_assert_false (action_enabled (fixture, "move-up"));
  g_assert_true (row_has_focus (fixture, fixture->s2));

  /* Disabled: nothing moves. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.move-up", NULL);
  assert_children (fixture, NULL, "S2,S1,S3");

  activate (fixture, "move-down");
  assert_children (fixture, NULL, "S1,S2,S3");
  activate (fixture, "move-down");
  assert_children (fixture, NULL, "S1,S3,S2");
  g_assert_false (action_enabled (fixture, "move-down"));
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s2);
  g_assert_null (accord_entity_get_field (fixture->s2, "parent"));

  /* Objectives move among objectives, not past sub-sections. */
  accord_outline_select (fixture->outline, fixture->o12);
  g_assert_false (action_enabled (fixture, "move-down"));
  activate (fixture, "move-up");
  assert_children (fixture, fixture->s1, "Objective two,Objective one,S1a,S1b");
  g_assert_cmpstr (accord_entity_get_field (fixture->o12, "section"), ==,
                   accord_entity_get_id (fixture->s1));
  g_assert_false (action_enabled (fixture, "move-up"));
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->o12);

  /* Sub-sections do not pass objectives either. */
  accord_outline_select (fixture->outline, fixture->s1a);
  g_assert_false (action_enabled (fixture, "move-up"));
  activate (fixture, "move-down");
  assert_children (fixture, fixture->s1, "Objective two,Objective one,S1b,S1a");

  /* Moving keeps the rows the user expanded expanded. */
  assert_shown (fixture, "S1,Objective two,Objective one,S1b,S1a,S3,S2");
}

static void
test_indent (Fixture       *fixture,
             gconstpointer  data)
{
  /* The first section has no previous one to go into. */
  accord_outline_select (fixture->outline, fixture->s1);
  g_assert_false (action_enabled (fixture, "indent"));
  g_assert_false (action_enabled (fixture, "outdent"));

  accord_outline_select (fixture->outline, fixture->s2);
  activate (fixture, "indent");
  g_assert_cmpstr (accord_entity_get_field (fixture->s2, "parent"), ==,
                   accord_entity_get_id (fixture->s1));
  assert_children (fixture, NULL, "S1,S3");
  assert_children (fixture, fixture->s1, "Objective one,Objective two,S1a,S1b,S2");
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s2);
  assert_shown (fixture, "S1,Objective one,Objective two,S1a,S1b,S2,S3");
  g_assert_true (action_enabled (fixture, "outdent"));

  /* Again: into S1b, now its previous sibling. */
  activate (fixture, "indent");
  g_assert_cmpstr (accord_entity_get_field (fixture->s2, "parent"), ==,
                   accord_entity_get_id (fixture->s1b));
  assert_shown (fixture, "S1,Objective one,Objective two,S1a,S1b,S2,S3");

  /* Out: right after its parent. */
  activate (fixture, "outdent");
  assert_children (fixture, fixture->s1, "Objective one,Objective two,S1a,S1b,S2");
  activate (fixture, "outdent");
  g_assert_null (accord_entity_get_field (fixture->s2, "parent"));
  assert_children (fixture, NULL, "S1,S2,S3");
  g_assert_false (action_enabled (fixture, "outdent"));
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s2);

  /* Objectives are neither indented nor outdented. */
  accord_outline_select (fixture->outline, fixture->o12);
  g_assert_false (action_enabled (fixture, "indent"));
  g_assert_false (action_enabled (fixture, "outdent"));
}

static void
test_actions_enabled (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const editing[] = {
    "add-subsection", "add-objective", "rename", "delete", "move-up", "move-down",
  };

  /* Without a selection, only a new section can be made. */
  g_assert_true (action_enabled (fixture, "add-section"));
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    g_assert_false (action_enabled (fixture, editing[i]));

  accord_outline_select (fixture->outline, fixture->s2);
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    g_assert_true (action_enabled (fixture, editing[i]));

  /* A read-only outline changes nothing. */
  accord_outline_set_editable (fixture->outline, FALSE);
  g_assert_false (accord_outline_get_editable (fixture->outline));
  g_assert_false (action_enabled (fixture, "add-section"));
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    g_assert_false (action_enabled (fixture, editing[i]));
  g_assert_false (_accord_outline_drop (fixture->outline, accord_entity_get_id (fixture->s3),
                                        fixture->s1, 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.move-up", NULL);
  g_assert_true (accord_strategy_lookup (fixture->strategy,
                                         accord_entity_get_id (fixture->s2)) == fixture->s2);
  assert_children (fixture, NULL, "S1,S2,S3");

  /* Selecting still works. */
  accord_outline_select (fixture->outline, fixture->o21);
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->o21);

  accord_outline_set_editable (fixture->outline, TRUE);
  g_assert_true (action_enabled (fixture, "delete"));
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const bindings[] = {
    "<Shift><Control>n", "outline.add-section",
    "<Control><Alt>n", "outline.add-subsection",
    "<Shift><Control>o", "outline.add-objective",
    "F2", "outline.rename",
    "<Alt>Up", "outline.move-up",
    "<Alt>Down", "outline.move-down",
    "<Alt>Right", "outline.indent",
    "<Alt>Left", "outline.outdent",
    "Delete", "outline.delete",
    "Menu", "outline.context-menu",
    "<Shift>F10", "outline.context-menu",
    "plus", "outline.expand",
    "minus", "outline.collapse",
    NULL
  };
  static const char * const rename_bindings[] = { "Escape", "row.cancel-rename", NULL };
  AccordOutlineRow *row;

  accord_test_ui_assert_bindings (GTK_WIDGET (fixture->outline), bindings);

  /* Escape in the rename entry cancels. */
  accord_outline_select (fixture->outline, fixture->s1);
  activate (fixture, "rename");
  row = find_row (fixture, fixture->s1);
  accord_test_ui_assert_bindings (GTK_WIDGET (accord_outline_row_get_editable (row)),
                                  rename_bindings);
  accord_outline_row_finish_rename (row, FALSE);
}

/* The "Undo" button of the toast shown in the window, once it is there. */
static GtkWidget *
find_undo_button (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  GtkWidget *button;

  while ((button = find_button_with_label (fixture->window, "_Undo")) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }

  return button;
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  const char * const gone[] = { "s1", "s1a", "s1b", "o11", "o12", "c1", "c2" };
  AccordEntity * const entities[] = {
    fixture->s1, fixture->s1a, fixture->s1b, fixture->o11, fixture->o12, fixture->c1, fixture->c2,
  };
  char *ids[G_N_ELEMENTS (entities)];
  GtkWidget *undo;
  AccordEntity *restored;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    ids[i] = g_strdup (accord_entity_get_id (entities[i]));

  /* A section goes with all it holds, comments included. */
  accord_outline_select (fixture->outline, fixture->o11);
  accord_outline_select (fixture->outline, fixture->s1);
  activate (fixture, "delete");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_test_message ("%s is removed", gone[i]);
      g_assert_null (accord_strategy_lookup (fixture->strategy, ids[i]));
    }
  g_assert_nonnull (accord_strategy_lookup (fixture->strategy, accord_entity_get_id (fixture->c3)));
  assert_children (fixture, NULL, "S2,S3");

  /* The first top-level section leaves the selection on the next one. */
  g_assert_true (accord_outline_get_selected (fixture->outline) == fixture->s2);

  /* Undo puts everything back, and selects it. */
  undo = find_undo_button (fixture);
  g_signal_emit_by_name (undo, "clicked");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (accord_strategy_lookup (fixture->strategy, ids[i]));
  assert_children (fixture, NULL, "S1,S2,S3");
  assert_children (fixture, fixture->s1 = accord_strategy_lookup (fixture->strategy, ids[0]),
                   "Objective one,Objective two,S1a,S1b");
  restored = accord_outline_get_selected (fixture->outline);
  g_assert_cmpstr (accord_entity_get_id (restored), ==, ids[0]);
  g_assert_cmpstr (accord_entity_get_field (accord_strategy_lookup (fixture->strategy, ids[6]),
                                            "parent"), ==, ids[5]);

  /* Its comments count again. */
  accord_outline_select (fixture->outline, accord_strategy_lookup (fixture->strategy, ids[3]));
  g_assert_cmpuint (accord_outline_row_get_comment_count (
                      find_row (fixture, accord_strategy_lookup (fixture->strategy, ids[3]))),
                    ==, 2);

  /* An objective leaves the selection on the one before it. */
  accord_outline_select (fixture->outline, accord_strategy_lookup (fixture->strategy, ids[4]));
  activate (fixture, "delete");
  g_assert_null (accord_strategy_lookup (fixture->strategy, ids[4]));
  g_assert_cmpstr (accord_entity_get_id (accord_outline_get_selected (fixture->outline)), ==,
                   ids[3]);

  /* The first of its section, on its section. */
  activate (fixture, "delete");
  g_assert_null (accord_strategy_lookup (fixture->strategy, ids[3]));
  g_assert_cmpstr (accord_entity_get_id (accord_outline_get_selected (fixture->outline)), ==,
                   ids[0]);
  assert_children (fixture, accord_strategy_lookup (fixture->strategy, ids[0]), "S1a,S1b");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  g_test_add ("/accord/outline/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/accord/outline/rename", Fixture, NULL, fixture_setup, test_rename,
              fixture_teardown);
  g_test_add ("/accord/outline/move", Fixture, NULL, fixture_setup, test_move, fixture_teardown);
  g_test_add ("/accord/outline/indent", Fixture, NULL, fixture_setup, test_indent,
              fixture_teardown);
  g_test_add ("/accord/outline/actions-enabled", Fixture, NULL, fixture_setup,
              test_actions_enabled, fixture_teardown);
  g_test_add ("/accord/outline/shortcuts", Fixture, NULL, fixture_setup, test_shortcuts,
              fixture_teardown);

  g_test_add ("/accord/outline/delete", Fixture, NULL, fixture_setup, test_delete,
              fixture_teardown);

  return g_test_run ();
}
