/* accord-folder-chooser.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the folder chosen, if @owner still exists then. */
typedef void (*AccordFolderChosen) (gpointer    owner,
                                    const char *path);

void accord_choose_folder (GtkWindow          *parent,
                           gpointer            owner,
                           const char         *title,
                           const char         *accept_label,
                           const char         *current_folder,
                           AccordFolderChosen  chosen);

G_END_DECLS
