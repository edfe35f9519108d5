/* main.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "accord.h"
#include "accord-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AccordApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  accord_init ();
  gtk_source_init ();

  g_set_application_name (_("Accord"));

  app = accord_application_new (G_APPLICATION_HANDLES_OPEN);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
