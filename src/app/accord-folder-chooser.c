/* accord-folder-chooser.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-folder-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-folder-chooser.h"

/*
 * Choosing a folder, for a strategy to open or to create: the portal's
 * chooser where there is one (Flatpak), modal to the window asking.
 */

typedef struct
{
  GWeakRef           owner;
  AccordFolderChosen chosen;
} Choice;

static void
choice_free (gpointer data,
             GClosure *closure)
{
  Choice *choice = data;

  g_weak_ref_clear (&choice->owner);
  g_free (choice);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&choice->owner);

  if (response == GTK_RESPONSE_ACCEPT && owner != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      /* A folder with no local path (a remote location) cannot hold one. */
      if (path != NULL)
        choice->chosen (owner, path);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks for a folder; @chosen is called with @owner (a GObject) and the
 * folder's path once the user picked one. @current_folder, when given, is
 * where the chooser starts. */
void
accord_choose_folder (GtkWindow          *parent,
                      gpointer            owner,
                      const char         *title,
                      const char         *accept_label,
                      const char         *current_folder,
                      AccordFolderChosen  chosen)
{
  GtkFileChooserNative *chooser;
  Choice *choice = g_new0 (Choice, 1);

  g_return_if_fail (G_IS_OBJECT (owner));

  g_weak_ref_init (&choice->owner, owner);
  choice->chosen = chosen;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (current_folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (current_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
    }

  g_signal_connect_data (chooser, "response", G_CALLBACK (response_cb), choice, choice_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
