/* test-reported-errors.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the app could not read is told to the drafter, not dropped: a
 * recent strategy that cannot be read says why in the welcome page, and a
 * revision whose parent cannot be read says so in the history.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-history-view-private.h"
#include "accord-test-ui.h"
#include "accord-test-util.h"
#include "accord-welcome-page.h"

#define AUTHOR "Alice Martin <alice@example.org>"

static GtkWidget *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AccordRepository *
create_strategy (const char *path,
                 const char *title)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new (title, "fr");
  g_autoptr(GError) error = NULL;
  AccordRepository *repository;

  repository = accord_repository_create (path, strategy, AUTHOR, "Create", &error);
  g_assert_no_error (error);

  return repository;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static const char *
row_subtitle (GtkListBox *list,
              guint       index)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, index)));
}

/* A strategy that is gone is only not found; one that is there but
 * cannot be read says why. */
static void
test_recent_unreadable (void)
{
  g_autofree char *tmpdir = accord_test_make_tmpdir ("accord-reported-errors-XXXXXX");
  g_autofree char *saved = g_build_filename (tmpdir, "saved", NULL);
  g_autofree char *gone = g_build_filename (tmpdir, "gone", NULL);
  g_autofree char *unreadable = g_build_filename (tmpdir, "unreadable", NULL);
  g_autofree char *unreadable_md = g_build_filename (unreadable, "strategy.md", NULL);
  g_autofree char *not_git = g_build_filename (tmpdir, "not-git", NULL);
  g_autofree char *not_git_md = g_build_filename (not_git, "strategy.md", NULL);
  const char *recent[] = { saved, gone, unreadable, not_git, NULL };
  g_autoptr(AccordRepository) repository = create_strategy (saved, "Stratégie enregistrée");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkListBox *list;

  /* strategy.md is a folder: reading it fails, as a disk error would. */
  g_assert_cmpint (g_mkdir_with_parents (unreadable_md, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (not_git, 0755), ==, 0);
  g_file_set_contents (not_git_md, "---\naccord-format: 1\n\ntitle: Sans dépôt\n---\n", -1,
                       &error);
  g_assert_no_error (error);
  g_settings_set_strv (settings, "recent-strategies", recent);

  window = gtk_window_new ();
  page = accord_welcome_page_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  list = accord_welcome_page_get_recent_list (ACCORD_WELCOME_PAGE (page));
  ACCORD_TEST_WAIT_FOR (count_rows (list) == 4);

  g_assert_nonnull (strstr (row_subtitle (list, 0), "— saved on "));
  g_assert_true (g_str_has_suffix (row_subtitle (list, 1), "gone — not found"));
  g_assert_nonnull (strstr (row_subtitle (list, 2), "unreadable — could not be read: "));
  g_assert_nonnull (strstr (row_subtitle (list, 2), "Is a directory"));
  g_assert_nonnull (strstr (row_subtitle (list, 3), "not-git — could not be read: "));
  g_assert_nonnull (strstr (row_subtitle (list, 3), "not a git repository"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "recent-strategies");
  accord_test_ui_spin (20);
  accord_test_remove_tree (tmpdir);
}

static char *
run_git (const char *path,
         const char *revision)
{
  const char *argv[] = { "git", "-C", path, "rev-parse", revision, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (accord_test_run (argv, NULL, &out, NULL), ==, 0);

  return g_strstrip (g_steal_pointer (&out));
}

/* A revision that removed a section names it as the revision before had
 * it; when that revision cannot be read, the history says so. */
static void
test_history_parent_unreadable (void)
{
  g_autofree char *tmpdir = accord_test_make_tmpdir ("accord-reported-errors-XXXXXX");
  g_autofree char *path = g_build_filename (tmpdir, "strategy", NULL);
  g_autoptr(AccordRepository) repository = create_strategy (path, "Stratégie");
  g_autoptr(AccordStrategy) strategy = accord_test_load (repository);
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, "s-ancienne");
  g_autofree char *tree = NULL;
  g_autofree char *object = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *overlay;
  AccordHistoryView *view;

  accord_entity_set_field (section, "order", "i", &error);
  accord_entity_set_field (section, "title", "Ancienne section", &error);
  g_assert_no_error (error);
  g_assert_true (accord_strategy_add (strategy, section, &error));
  g_assert_true (accord_repository_write (repository, strategy, &error));
  g_free (accord_repository_save (repository, "Add a section", AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_true (accord_strategy_remove (strategy, "s-ancienne", &error));
  g_assert_true (accord_repository_write (repository, strategy, &error));
  head = accord_repository_save (repository, "Remove the section", AUTHOR, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  overlay = adw_toast_overlay_new ();
  view = ACCORD_HISTORY_VIEW (accord_history_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  accord_test_ui_wait_mapped (window);

  /* The last revision shows first: look at the one before, so that the
   * last is read again when it is selected. */
  accord_history_view_set_repository (view, repository);
  ACCORD_TEST_WAIT_FOR (!_accord_history_view_get_busy (view));
  accord_history_view_select_revision (view, "HEAD~1");
  ACCORD_TEST_WAIT_FOR (!_accord_history_view_get_busy (view));

  /* The revision before the last one loses its folders' tree. */
  tree = run_git (path, "HEAD~1^{tree}");
  object = g_build_filename (path, ".git", "objects", (char []) { tree[0], tree[1], '\0' },
                             tree + 2, NULL);
  g_assert_cmpint (g_unlink (object), ==, 0);

  accord_history_view_select_revision (view, head);
  ACCORD_TEST_WAIT_FOR (!_accord_history_view_get_busy (view));
  ACCORD_TEST_WAIT_FOR (find_label (overlay, "Could not read the revision before this one: ") != NULL);

  /* The removed section is named by its id. */
  g_assert_nonnull (find_label (GTK_WIDGET (view), "s-ancienne"));

  gtk_window_destroy (GTK_WINDOW (window));
  accord_test_ui_spin (20);
  accord_test_remove_tree (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  if (!accord_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/accord/reported-errors/recent-unreadable", test_recent_unreadable);
  g_test_add_func ("/accord/reported-errors/history-parent-unreadable",
                   test_history_parent_unreadable);

  return g_test_run ();
}
