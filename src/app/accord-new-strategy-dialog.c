/* accord-new-strategy-dialog.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-new-strategy-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "accord.h"
#include "accord-document.h"
#include "accord-folder-chooser.h"
#include "accord-new-strategy-dialog-private.h"

struct _AccordNewStrategyDialog
{
  AdwWindow     parent_instance;

  char         *folder;    /* where the strategy's own folder is made */

  AdwEntryRow  *title_row;
  AdwComboRow  *language_row;
  AdwActionRow *folder_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (AccordNewStrategyDialog, accord_new_strategy_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The languages offered first; each is named in itself, as people look
 * for their own language that way. */
static const struct {
  const char *tag;
  const char *name;
} languages[] = {
  { "fr", "Français" },
  { "en", "English" },
  { "de", "Deutsch" },
  { "es", "Español" },
  { "it", "Italiano" },
  { "pt", "Português" },
  { "nl", "Nederlands" },
  { "pl", "Polski" },
  { "sv", "Svenska" },
  { "ar", "العربية" },
};

/**
 * _accord_new_strategy_dialog_slug:
 * @title: a strategy's title
 *
 * Returns: (transfer full): a folder name made from @title: ASCII letters
 *   and digits joined by dashes, such as "strategie-numerique-2030"
 */
char *
_accord_new_strategy_dialog_slug (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, NULL);
  GString *slug = g_string_new (NULL);

  for (const char *c = ascii; *c != '\0' && slug->len < 60; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (slug, g_ascii_tolower (*c));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    g_string_append (slug, "strategy");

  return g_string_free (slug, FALSE);
}

static char *
dup_title (AccordNewStrategyDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

/**
 * accord_new_strategy_dialog_dup_path:
 * @self: an #AccordNewStrategyDialog
 *
 * Returns: (transfer full): the folder the strategy would be made in: the
 *   chosen folder, and in it a new folder named after the title that does
 *   not exist yet
 */
char *
accord_new_strategy_dialog_dup_path (AccordNewStrategyDialog *self)
{
  g_autofree char *title = dup_title (self);
  g_autofree char *slug = _accord_new_strategy_dialog_slug (title);
  char *path = g_build_filename (self->folder, slug, NULL);

  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS) && i < 1000; i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s-%u", slug, i);

      g_free (path);
      path = g_build_filename (self->folder, numbered, NULL);
    }

  return path;
}

static void
update (AccordNewStrategyDialog *self)
{
  g_autofree char *title = dup_title (self);
  g_autofree char *path = accord_new_strategy_dialog_dup_path (self);

  adw_action_row_set_subtitle (self->folder_row, path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", *title != '\0');
}

void
accord_new_strategy_dialog_set_folder (AccordNewStrategyDialog *self,
                                       const char              *folder)
{
  g_return_if_fail (ACCORD_IS_NEW_STRATEGY_DIALOG (self));
  g_return_if_fail (folder != NULL);

  g_free (self->folder);
  self->folder = g_strdup (folder);
  update (self);
}

static void
title_changed_cb (AccordNewStrategyDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

static void
title_activated_cb (AccordNewStrategyDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordNewStrategyDialog *self = ACCORD_NEW_STRATEGY_DIALOG (widget);
  g_autofree char *title = dup_title (self);
  g_autofree char *path = accord_new_strategy_dialog_dup_path (self);
  g_autofree char *author = accord_document_dup_author ();
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  guint language = adw_combo_row_get_selected (self->language_row);

  if (*title == '\0')
    return;

  strategy = accord_strategy_new (title, languages[MIN (language, G_N_ELEMENTS (languages) - 1)].tag);
  repository = accord_repository_create (path, strategy, author, _("Create the strategy"), &error);

  if (repository == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, accord_repository_get_path (repository));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
folder_chosen (gpointer    owner,
               const char *path)
{
  accord_new_strategy_dialog_set_folder (owner, path);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordNewStrategyDialog *self = ACCORD_NEW_STRATEGY_DIALOG (widget);

  accord_choose_folder (GTK_WINDOW (self), self, _("Where to Keep the Strategy"), _("_Select"),
                        self->folder, folder_chosen);
}

static void
accord_new_strategy_dialog_finalize (GObject *object)
{
  AccordNewStrategyDialog *self = ACCORD_NEW_STRATEGY_DIALOG (object);

  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (accord_new_strategy_dialog_parent_class)->finalize (object);
}

static void
accord_new_strategy_dialog_class_init (AccordNewStrategyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = accord_new_strategy_dialog_finalize;

  /**
   * AccordNewStrategyDialog::created:
   * @self: an #AccordNewStrategyDialog
   * @path: the new strategy's folder
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-new-strategy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordNewStrategyDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AccordNewStrategyDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, AccordNewStrategyDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AccordNewStrategyDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_new_strategy_dialog_init (AccordNewStrategyDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", languages[i].name, languages[i].tag);

      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));

  accord_new_strategy_dialog_set_folder (self, documents != NULL ? documents : g_get_home_dir ());
}

GtkWidget *
accord_new_strategy_dialog_new (GtkWindow *parent)
{
  return g_object_new (ACCORD_TYPE_NEW_STRATEGY_DIALOG,
                       "transient-for", parent,
                       NULL);
}
