/* test-section-editor.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-section-editor.h"

#define AUTHOR "Alice Martin <alice@example.org>"
#define BODY_A "La France défend un internet **ouvert**, libre et sûr.\n"
#define BODY_B "Une stratégie nationale pour le numérique.\n\nLe cœur du sujet : l’État.\n"

typedef struct
{
  char                *tmpdir;
  AccordRepository    *repository;
  AccordStrategy      *strategy;
  AccordSection       *section_a;
  AccordSection       *section_b;
  GtkWindow           *window;
  AccordSectionEditor *editor;
  GSettings           *settings;
} Fixture;

/* A strategy saved in a real repository and read back, so that its
 * sections start unmodified, and an editor showing nothing in a window. */
static void
fixture_setup (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Test", "fr");
  g_autofree char *path = NULL;

  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-a",
                   "title", "Principes", "order", "k", "body", BODY_A, NULL);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, "s-b",
                   "title", "Stratégie numérique", "order", "m", "body", BODY_B, NULL);

  fixture->tmpdir = accord_test_make_tmpdir ("accord-section-editor-XXXXXX");
  path = g_build_filename (fixture->tmpdir, "strategy", NULL);
  fixture->repository = accord_test_create (path, strategy, AUTHOR, "First version");
  fixture->strategy = accord_test_load (fixture->repository);
  fixture->section_a = ACCORD_SECTION (accord_strategy_lookup (fixture->strategy, "s-a"));
  fixture->section_b = ACCORD_SECTION (accord_strategy_lookup (fixture->strategy, "s-b"));
  g_assert_false (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_a)));

  fixture->settings = g_settings_new (APP_ID);

  fixture->editor = ACCORD_SECTION_EDITOR (g_object_ref_sink (accord_section_editor_new ()));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  accord_test_ui_wait_mapped (GTK_WIDGET (fixture->editor));
}

static void
fixture_teardown (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Once out of its window, the editor lets go of everything it holds: the
   * section, the strategy, the settings. A window whose focus was inside a
   * removed widget holds that widget until its next frame, or until it is
   * destroyed. */
  gtk_window_set_child (fixture->window, NULL);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->editor);

  g_settings_reset (fixture->settings, "editor-font");
  g_settings_reset (fixture->settings, "show-line-numbers");
  g_clear_object (&fixture->settings);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  g_assert_finalize_object (fixture->strategy);
  g_assert_finalize_object (fixture->repository);
  accord_test_clear_tmpdir (&fixture->tmpdir);
}

#define template_child(fixture, name) \
  accord_test_ui_template_child ((fixture)->editor, ACCORD_TYPE_SECTION_EDITOR, name)

static GtkTextBuffer *
get_buffer (Fixture *fixture)
{
  return GTK_TEXT_BUFFER (template_child (fixture, "buffer"));
}

static char *
dup_buffer_text (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_buffer (fixture), &start, &end);

  return gtk_text_buffer_get_text (get_buffer (fixture), &start, &end, TRUE);
}

static char *
dup_selected_text (Fixture *fixture)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (fixture), &start, &end))
    return NULL;

  return gtk_text_buffer_get_text (get_buffer (fixture), &start, &end, TRUE);
}

static int
get_cursor_offset (Fixture *fixture)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_offset (&iter);
}

static void
place_cursor (Fixture *fixture,
              int      offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (get_buffer (fixture), &iter, offset);
  gtk_text_buffer_place_cursor (get_buffer (fixture), &iter);
}

static GtkWidget *
get_focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
set_field (AccordSection *section,
           const char    *name,
           const char    *value)
{
  g_autoptr(GError) error = NULL;

  accord_entity_set_field (ACCORD_ENTITY (section), name, value, &error);
  g_assert_no_error (error);
}

static void
wait_for_label (GtkLabel   *label,
                const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (g_strcmp0 (gtk_label_get_label (label), expected) != 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("label is “%s”, not “%s”", gtk_label_get_label (label), expected);
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_section_editor_empty (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkStack *stack = template_child (fixture, "stack");
  GtkSearchBar *search_bar = template_child (fixture, "search_bar");

  g_assert_null (accord_section_editor_get_section (fixture->editor));
  g_assert_true (accord_section_editor_get_editable (fixture->editor));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Nothing to find in nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.find", NULL);
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));

  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");

  /* Letting go of the section empties the widgets. */
  accord_section_editor_set_section (fixture->editor, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (gtk_editable_get_text (template_child (fixture, "title_entry")), ==, "");
  g_assert_cmpuint (gtk_text_buffer_get_char_count (get_buffer (fixture)), ==, 0);
  g_assert_cmpuint (accord_section_editor_get_word_count (fixture->editor), ==, 0);
}

static void
test_section_editor_load (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkEditable *title = template_child (fixture, "title_entry");
  GtkSourceView *view = template_child (fixture, "source_view");
  GtkSourceBuffer *buffer = template_child (fixture, "buffer");
  GtkLabel *word_count_label = template_child (fixture, "word_count_label");
  g_autofree char *text = NULL;
  GtkSourceLanguage *language;

  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  g_assert_true (accord_section_editor_get_section (fixture->editor) == fixture->section_a);

  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Principes");
  text = dup_buffer_text (fixture);
  g_assert_cmpstr (text, ==, BODY_A);
  g_assert_cmpint (get_cursor_offset (fixture), ==, 0);
  g_assert_cmpuint (accord_section_editor_get_word_count (fixture->editor), ==, 9);
  g_assert_cmpstr (gtk_label_get_label (word_count_label), ==, "9 words");

  language = gtk_source_buffer_get_language (buffer);
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "markdown");
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_WORD);
  g_assert_false (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (buffer)));

  /* Showing a section is not changing it. */
  g_assert_false (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_a)));

  g_object_set (fixture->editor, "section", fixture->section_b, NULL);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Stratégie numérique");
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (fixture);
  g_assert_cmpstr (text, ==, BODY_B);
  g_assert_false (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_b)));
}

static void
test_section_editor_typing (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkEditable *title = template_child (fixture, "title_entry");
  guint word_count_notes = 0;

  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  g_signal_connect_swapped (fixture->editor, "notify::word-count",
                            G_CALLBACK (count_cb), &word_count_notes);

  gtk_text_buffer_insert_at_cursor (get_buffer (fixture), "Oui, ", -1);
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==, "Oui, " BODY_A);
  g_assert_true (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_a)));
  g_assert_cmpuint (accord_section_editor_get_word_count (fixture->editor), ==, 10);
  g_assert_cmpuint (word_count_notes, ==, 1);
  /* The section's change does not come back to the buffer. */
  g_assert_cmpint (get_cursor_offset (fixture), ==, 5);

  gtk_editable_set_text (title, "Principes généraux");
  g_assert_cmpstr (accord_section_get_title (fixture->section_a), ==, "Principes généraux");

  /* An empty text clears the body. */
  gtk_text_buffer_set_text (get_buffer (fixture), "", -1);
  g_assert_null (accord_section_get_body (fixture->section_a));
  g_assert_cmpuint (accord_section_editor_get_word_count (fixture->editor), ==, 0);
  g_assert_cmpuint (word_count_notes, ==, 2);
}

static void
test_section_editor_external (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkEditable *title = template_child (fixture, "title_entry");
  g_autofree char *text = NULL;

  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  gtk_text_buffer_insert_at_cursor (get_buffer (fixture), "Texte tapé. ", -1);
  g_assert_true (gtk_text_buffer_get_can_undo (get_buffer (fixture)));
  place_cursor (fixture, 5);

  /* A restored revision, for instance. */
  set_field (fixture->section_a, "body", "Texte restauré.\n");
  text = dup_buffer_text (fixture);
  g_assert_cmpstr (text, ==, "Texte restauré.\n");
  g_assert_cmpint (get_cursor_offset (fixture), ==, 5);
  g_assert_cmpuint (accord_section_editor_get_word_count (fixture->editor), ==, 2);
  /* Undoing never goes behind a change made elsewhere. */
  g_assert_false (gtk_text_buffer_get_can_undo (get_buffer (fixture)));

  set_field (fixture->section_a, "title", "Principes restaurés");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Principes restaurés");

  set_field (fixture->section_a, "body", NULL);
  g_assert_cmpuint (gtk_text_buffer_get_char_count (get_buffer (fixture)), ==, 0);
  g_assert_cmpint (get_cursor_offset (fixture), ==, 0);

  /* A section no longer shown is no longer followed. */
  accord_section_editor_set_section (fixture->editor, fixture->section_b);
  set_field (fixture->section_a, "body", "Ailleurs.\n");
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (fixture);
  g_assert_cmpstr (text, ==, BODY_B);
}

static void
test_section_editor_title_required (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkEditable *title = template_child (fixture, "title_entry");

  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));

  gtk_editable_set_text (title, "");
  g_assert_cmpstr (accord_section_get_title (fixture->section_a), ==, "Principes");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  g_assert_false (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_a)));

  gtk_editable_set_text (title, "   ");
  g_assert_cmpstr (accord_section_get_title (fixture->section_a), ==, "Principes");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));

  gtk_editable_set_text (title, "Objectifs");
  g_assert_cmpstr (accord_section_get_title (fixture->section_a), ==, "Objectifs");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));

  /* Another section shows no error of the one before. */
  gtk_editable_set_text (title, "");
  accord_section_editor_set_section (fixture->editor, fixture->section_b);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Objectifs");
}

static void
test_section_editor_word_count (Fixture       *fixture,
                                gconstpointer  data)
{
  const struct {
    const char *text;
    guint       count;
  } cases[] = {
    { "L'État s'engage — vite.", 3 },
    { "L’État s’engage — vite.", 3 },
    { "Le porte-parole du gouvernement", 4 },
    { "La France défend un internet **ouvert**, libre et sûr.", 9 },
    { "# Titre\n\n- un\n- deux\n", 3 },
    { "En 2026 : 3,5 % de plus !", 5 },
    { "10\u00a0000 euros, 3.5, fin.", 4 },
    { "3,a", 2 },
    { "avant -- après ' seul", 3 },
    { "aujourd'hui-même", 1 },
    { "Bonjour", 1 },
    { " \n — ! ", 0 },
  };
  GtkLabel *label = template_child (fixture, "word_count_label");

  accord_section_editor_set_section (fixture->editor, fixture->section_a);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      set_field (fixture->section_a, "body", cases[i].text);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpuint (accord_section_editor_get_word_count (fixture->editor), ==, cases[i].count);
    }

  set_field (fixture->section_a, "body", "Bonjour");
  g_assert_cmpstr (gtk_label_get_label (label), ==, "1 word");
  set_field (fixture->section_a, "body", "Bonjour à tous");
  g_assert_cmpstr (gtk_label_get_label (label), ==, "3 words");
}

static void
test_section_editor_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = template_child (fixture, "source_view");
  GtkTextBuffer *buffer = get_buffer (fixture);
  g_autofree char *text = NULL;

  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  gtk_text_buffer_insert_at_cursor (buffer, "Ajout. ", -1);
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==, "Ajout. " BODY_A);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  /* What Ctrl+Z does. */
  g_assert_true (gtk_widget_activate_action (view, "text.undo", NULL));
  text = dup_buffer_text (fixture);
  g_assert_cmpstr (text, ==, BODY_A);
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==, BODY_A);
  g_assert_true (gtk_text_buffer_get_can_redo (buffer));

  g_assert_true (gtk_widget_activate_action (view, "text.redo", NULL));
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==, "Ajout. " BODY_A);

  /* Another section starts with nothing to undo, and so does this one when
   * it comes back: undoing never brings another section's text. */
  accord_section_editor_set_section (fixture->editor, fixture->section_b);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  g_assert_false (gtk_text_buffer_get_can_redo (buffer));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (fixture);
  g_assert_cmpstr (text, ==, BODY_B);
  g_assert_false (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_b)));

  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
}

static void
test_section_editor_find (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSearchBar *search_bar = template_child (fixture, "search_bar");
  GtkEditable *search_entry = template_child (fixture, "search_entry");
  GtkLabel *match_label = template_child (fixture, "match_label");
  GtkToggleButton *case_button = template_child (fixture, "case_button");
  GtkWidget *view = template_child (fixture, "source_view");
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  g_autofree char *selected = NULL;

  set_field (fixture->section_a, "body", "La France. Une france. LA FRANCE.");
  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  accord_section_editor_focus_body (fixture->editor);
  g_assert_true (get_focus (fixture) == view);

  g_assert_true (gtk_widget_activate_action (editor, "editor.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (gtk_widget_is_ancestor (get_focus (fixture), GTK_WIDGET (search_entry)));

  gtk_editable_set_text (search_entry, "france");
  wait_for_label (match_label, "1 of 3");
  selected = dup_selected_text (fixture);
  g_assert_cmpstr (selected, ==, "France");
  g_assert_cmpint (get_cursor_offset (fixture), ==, 3);

  gtk_widget_activate_action (editor, "editor.find-next", NULL);
  wait_for_label (match_label, "2 of 3");
  g_assert_cmpint (get_cursor_offset (fixture), ==, 15);
  gtk_widget_activate_action (editor, "editor.find-next", NULL);
  wait_for_label (match_label, "3 of 3");

  /* Round the end and back. */
  gtk_widget_activate_action (editor, "editor.find-next", NULL);
  wait_for_label (match_label, "1 of 3");
  gtk_widget_activate_action (editor, "editor.find-previous", NULL);
  wait_for_label (match_label, "3 of 3");
  g_clear_pointer (&selected, g_free);
  selected = dup_selected_text (fixture);
  g_assert_cmpstr (selected, ==, "FRANCE");

  /* Enter goes to the next match. */
  g_signal_emit_by_name (search_entry, "activate");
  wait_for_label (match_label, "1 of 3");

  gtk_toggle_button_set_active (case_button, TRUE);
  wait_for_label (match_label, "1 match");
  gtk_widget_activate_action (editor, "editor.find-next", NULL);
  wait_for_label (match_label, "1 of 1");
  g_assert_cmpint (get_cursor_offset (fixture), ==, 15);

  gtk_editable_set_text (search_entry, "Allemagne");
  wait_for_label (match_label, "No matches");

  /* Escape closes the bar and gives the keyboard back to the text. */
  g_signal_emit_by_name (search_entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (get_focus (fixture) == view);

  /* Ctrl+F on a selection looks for it. */
  gtk_editable_set_text (search_entry, "");
  gtk_toggle_button_set_active (case_button, FALSE);
  accord_section_editor_reveal_text (fixture->editor, "une");
  gtk_widget_activate_action (editor, "editor.find", NULL);
  g_assert_cmpstr (gtk_editable_get_text (search_entry), ==, "Une");
  wait_for_label (match_label, "1 of 1");
  g_assert_true (gtk_widget_activate_action (editor, "editor.close-search", NULL));
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));

  /* Finding changes nothing. */
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==,
                   "La France. Une france. LA FRANCE.");
}

static void
test_section_editor_replace (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkEditable *search_entry = template_child (fixture, "search_entry");
  GtkEditable *replace_entry = template_child (fixture, "replace_entry");
  GtkRevealer *replace_revealer = template_child (fixture, "replace_revealer");
  GtkLabel *match_label = template_child (fixture, "match_label");
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  GtkWidget *view = template_child (fixture, "source_view");
  g_autofree char *selected = NULL;

  set_field (fixture->section_a, "body", "La France. Une france. LA FRANCE.");
  accord_section_editor_set_section (fixture->editor, fixture->section_a);

  g_assert_false (gtk_revealer_get_reveal_child (replace_revealer));
  g_assert_true (gtk_widget_activate_action (editor, "editor.replace", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (replace_revealer));

  gtk_editable_set_text (search_entry, "france");
  gtk_editable_set_text (replace_entry, "Europe");
  wait_for_label (match_label, "1 of 3");

  /* Replace the selected match and go to the next. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.replace-one", NULL));
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==,
                   "La Europe. Une france. LA FRANCE.");
  wait_for_label (match_label, "1 of 2");
  selected = dup_selected_text (fixture);
  g_assert_cmpstr (selected, ==, "france");

  g_assert_true (gtk_widget_activate_action (editor, "editor.replace-all", NULL));
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==,
                   "La Europe. Une Europe. LA Europe.");
  wait_for_label (match_label, "No matches");

  /* All the replacements go in one undo step. */
  g_assert_true (gtk_widget_activate_action (view, "text.undo", NULL));
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==,
                   "La Europe. Une france. LA FRANCE.");
}

static void
test_section_editor_reveal (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkEditable *title = template_child (fixture, "title_entry");
  GtkWidget *view = template_child (fixture, "source_view");
  g_autofree char *selected = NULL;
  int start, end;

  accord_section_editor_set_section (fixture->editor, fixture->section_b);

  /* The title comes first. */
  accord_section_editor_reveal_text (fixture->editor, "STRATEGIE");
  g_assert_true (gtk_widget_is_ancestor (get_focus (fixture), GTK_WIDGET (title)));
  g_assert_true (gtk_editable_get_selection_bounds (title, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 9);

  accord_section_editor_reveal_text (fixture->editor, "strategie nationale");
  g_assert_true (get_focus (fixture) == view);
  selected = dup_selected_text (fixture);
  g_assert_cmpstr (selected, ==, "stratégie nationale");

  /* "œ" is "oe", "’" is "'". */
  accord_section_editor_reveal_text (fixture->editor, "coeur");
  g_clear_pointer (&selected, g_free);
  selected = dup_selected_text (fixture);
  g_assert_cmpstr (selected, ==, "cœur");

  accord_section_editor_reveal_text (fixture->editor, "l'etat");
  g_clear_pointer (&selected, g_free);
  selected = dup_selected_text (fixture);
  g_assert_cmpstr (selected, ==, "l’État");

  /* What is not there changes nothing. */
  accord_section_editor_reveal_text (fixture->editor, "Allemagne");
  g_clear_pointer (&selected, g_free);
  selected = dup_selected_text (fixture);
  g_assert_cmpstr (selected, ==, "l’État");
}

static void
test_section_editor_read_only (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkEditable *title = template_child (fixture, "title_entry");
  GtkTextView *view = template_child (fixture, "source_view");
  GtkSearchBar *search_bar = template_child (fixture, "search_bar");
  GtkEditable *search_entry = template_child (fixture, "search_entry");
  GtkEditable *replace_entry = template_child (fixture, "replace_entry");
  GtkRevealer *replace_revealer = template_child (fixture, "replace_revealer");
  GtkWidget *replace_button = template_child (fixture, "replace_button");
  GtkLabel *match_label = template_child (fixture, "match_label");
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  guint editable_notes = 0;

  g_signal_connect_swapped (fixture->editor, "notify::editable",
                            G_CALLBACK (count_cb), &editable_notes);
  accord_section_editor_set_section (fixture->editor, fixture->section_a);
  accord_section_editor_set_editable (fixture->editor, FALSE);
  accord_section_editor_set_editable (fixture->editor, FALSE);
  g_assert_cmpuint (editable_notes, ==, 1);
  g_assert_false (accord_section_editor_get_editable (fixture->editor));

  g_assert_false (gtk_editable_get_editable (title));
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_false (gtk_widget_get_visible (replace_button));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "read_only_box")));

  /* Typing is refused, and whatever reaches the widgets never reaches the
   * section. */
  g_assert_false (gtk_text_buffer_insert_interactive_at_cursor (get_buffer (fixture), "x", -1,
                                                                gtk_text_view_get_editable (view)));
  gtk_editable_set_text (title, "Autre titre");
  g_assert_cmpstr (accord_section_get_title (fixture->section_a), ==, "Principes");

  /* Finding works, replacing does not. */
  gtk_widget_activate_action (editor, "editor.replace", NULL);
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_false (gtk_revealer_get_reveal_child (replace_revealer));
  g_assert_true (gtk_widget_activate_action (editor, "editor.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  gtk_editable_set_text (search_entry, "libre");
  wait_for_label (match_label, "1 of 1");
  gtk_editable_set_text (replace_entry, "fermé");
  gtk_widget_activate_action (editor, "editor.replace-all", NULL);
  gtk_widget_activate_action (editor, "editor.replace-one", NULL);
  g_assert_cmpstr (accord_section_get_body (fixture->section_a), ==, BODY_A);
  g_assert_false (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_a)));

  /* Back to editing: the widgets show the section again. */
  accord_section_editor_set_editable (fixture->editor, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Principes");
  g_assert_true (gtk_text_view_get_editable (view));
  g_assert_true (gtk_widget_get_visible (replace_button));
  gtk_text_buffer_insert_at_cursor (get_buffer (fixture), "x", -1);
  g_assert_true (accord_entity_get_modified (ACCORD_ENTITY (fixture->section_a)));
}

/* GTK gives widgets their CSS font size in pixels, at 96 per inch. */
static double
get_points (const PangoFontDescription *font)
{
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size * 72.0 / 96.0 : size;
}

static void
test_section_editor_settings (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *view = template_child (fixture, "source_view");
  GtkSourceBuffer *buffer = template_child (fixture, "buffer");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  const PangoFontDescription *font;
  gint64 deadline;

  accord_section_editor_set_section (fixture->editor, fixture->section_a);

  g_assert_false (gtk_source_view_get_show_line_numbers (GTK_SOURCE_VIEW (view)));
  g_settings_set_boolean (fixture->settings, "show-line-numbers", TRUE);
  g_assert_true (gtk_source_view_get_show_line_numbers (GTK_SOURCE_VIEW (view)));
  g_settings_set_boolean (fixture->settings, "show-line-numbers", FALSE);
  g_assert_false (gtk_source_view_get_show_line_numbers (GTK_SOURCE_VIEW (view)));

  font = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  g_assert_cmpstr (pango_font_description_get_family (font), ==, "Sans");
  g_assert_cmpfloat_with_epsilon (get_points (font), 12.0, 0.01);

  g_settings_set_string (fixture->settings, "editor-font", "Serif Bold Italic 17");
  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      font = pango_context_get_font_description (gtk_widget_get_pango_context (view));
    }
  while (g_strcmp0 (pango_font_description_get_family (font), "Serif") != 0);
  g_assert_cmpfloat_with_epsilon (get_points (font), 17.0, 0.01);
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (pango_font_description_get_style (font), ==, PANGO_STYLE_ITALIC);

  /* Lists of families, fractions of points and quotes all reach CSS. */
  g_settings_set_string (fixture->settings, "editor-font", "Odd\"Name, Sans Oblique 9.5");
  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      font = pango_context_get_font_description (gtk_widget_get_pango_context (view));
    }
  while (pango_font_description_get_style (font) != PANGO_STYLE_OBLIQUE);
  g_assert_cmpstr (pango_font_description_get_family (font), ==, "Odd\"Name,Sans");
  g_assert_cmpfloat_with_epsilon (get_points (font), 9.5, 0.01);
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_NORMAL);

  /* The colours follow the light or dark style. */
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                   ==, "Adwaita-dark");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                   ==, "Adwaita");
}

static void
test_section_editor_shortcuts (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const bindings[] = {
    "<Control>f", "editor.find",
    "<Control>h", "editor.replace",
    "<Control>g", "editor.find-next",
    "<Control><Shift>g", "editor.find-previous",
    "Escape", "editor.close-search",
    NULL
  };

  accord_test_ui_assert_bindings (GTK_WIDGET (fixture->editor), bindings);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  ACCORD_TEST_ADD ("/accord/section-editor/empty", test_section_editor_empty);
  ACCORD_TEST_ADD ("/accord/section-editor/load", test_section_editor_load);
  ACCORD_TEST_ADD ("/accord/section-editor/typing", test_section_editor_typing);
  ACCORD_TEST_ADD ("/accord/section-editor/external", test_section_editor_external);
  ACCORD_TEST_ADD ("/accord/section-editor/title-required", test_section_editor_title_required);
  ACCORD_TEST_ADD ("/accord/section-editor/word-count", test_section_editor_word_count);
  ACCORD_TEST_ADD ("/accord/section-editor/undo", test_section_editor_undo);
  ACCORD_TEST_ADD ("/accord/section-editor/find", test_section_editor_find);
  ACCORD_TEST_ADD ("/accord/section-editor/replace", test_section_editor_replace);
  ACCORD_TEST_ADD ("/accord/section-editor/reveal", test_section_editor_reveal);
  ACCORD_TEST_ADD ("/accord/section-editor/read-only", test_section_editor_read_only);
  ACCORD_TEST_ADD ("/accord/section-editor/settings", test_section_editor_settings);
  ACCORD_TEST_ADD ("/accord/section-editor/shortcuts", test_section_editor_shortcuts);


  return g_test_run ();
}
