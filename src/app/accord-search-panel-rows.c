/* accord-search-panel-rows.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-search-panel"

#include "config.h"

/* How a result is shown: the kind's icon, the title and the snippet with
 * the matched words in bold, and where the result belongs in the
 * strategy. */

#include <string.h>
#include <glib/gi18n.h>

#include "accord-search-panel-private.h"

/* Turns text marked by the workspace into Pango markup: the text is
 * escaped, and each marked word set in bold. Stray or unbalanced marks
 * cannot make the markup invalid: a start inside a match and an end
 * outside one are dropped, and a match left open is closed. */
static char *
marked_to_markup (const char *marked)
{
  g_autofree char *valid = g_utf8_make_valid (marked, -1);
  g_autofree char *escaped = g_markup_escape_text (valid, -1);
  GString *markup = g_string_sized_new (strlen (escaped) + 16);
  gboolean open = FALSE;
  const char *p = escaped;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, MARK_START))
        {
          if (!open)
            g_string_append (markup, "<b>");
          open = TRUE;
          p += strlen (MARK_START);
        }
      else if (g_str_has_prefix (p, MARK_END))
        {
          if (open)
            g_string_append (markup, "</b>");
          open = FALSE;
          p += strlen (MARK_END);
        }
      else
        {
          g_string_append_c (markup, *p);
          p++;
        }
    }

  if (open)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}

/* A title holds every language's title, one a line: show the line that
 * matched, or else the first. */
static char *
dup_title_line (const char *title)
{
  g_auto(GStrv) lines = g_strsplit (title, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], MARK_START) != NULL)
        return g_strdup (lines[i]);
    }

  return g_strdup (lines[0] != NULL ? lines[0] : "");
}

/* Snippets cross paragraphs; in a short label they read as one line. */
static char *
dup_flat_snippet (const char *snippet)
{
  char *flat = g_strdup (snippet);

  g_strdelimit (flat, "\n\r\t", ' ');

  return g_strstrip (flat);
}

static const char *
kind_icon_name (AccordEntityKind kind)
{
  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      return "x-office-document-symbolic";
    case ACCORD_ENTITY_SECTION:
      return "format-justify-left-symbolic";
    case ACCORD_ENTITY_OBJECTIVE:
      return "object-select-symbolic";
    case ACCORD_ENTITY_ROUND:
      return "x-office-calendar-symbolic";
    case ACCORD_ENTITY_PARTICIPANT:
      return "avatar-default-symbolic";
    case ACCORD_ENTITY_COMMENT:
      return "chat-message-new-symbolic";
    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
kind_label (AccordEntityKind kind)
{
  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      return _("Strategy");
    case ACCORD_ENTITY_SECTION:
      return _("Section");
    case ACCORD_ENTITY_OBJECTIVE:
      return _("Objective");
    case ACCORD_ENTITY_ROUND:
      return _("Consultation Round");
    case ACCORD_ENTITY_PARTICIPANT:
      return _("Participant");
    case ACCORD_ENTITY_COMMENT:
      return _("Comment");
    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static AccordEntity *
lookup_field (AccordSearchPanel *self,
              AccordEntity      *entity,
              const char        *field)
{
  const char *id = entity != NULL ? accord_entity_get_field (entity, field) : NULL;

  if (id == NULL || self->strategy == NULL)
    return NULL;

  if (g_str_equal (id, "strategy"))
    return ACCORD_ENTITY (self->strategy);

  return accord_strategy_lookup (self->strategy, id);
}

/* An entity's name as a place: an objective with its code. */
static char *
dup_entity_name (AccordEntity *entity)
{
  const char *title = accord_entity_get_field (entity, "title");
  const char *code = NULL;

  if (title == NULL)
    title = accord_entity_get_field (entity, "name");
  if (title == NULL)
    title = kind_label (accord_entity_get_kind (entity));

  if (accord_entity_get_kind (entity) == ACCORD_ENTITY_OBJECTIVE)
    code = accord_entity_get_field (entity, "code");

  if (code != NULL)
    /* Translators: an objective's code and title, such as "O1.2 Open data" */
    return g_strdup_printf (C_("objective", "%s %s"), code, title);

  return g_strdup (title);
}

/* Where a hit belongs, as plain text: the section holding a section or an
 * objective, what a comment is about. NULL when there is nothing to add. */
static char *
dup_place (AccordSearchPanel     *self,
           const AccordSearchHit *hit)
{
  AccordEntity *entity;
  AccordEntity *other;
  const char *code;

  if (self->strategy == NULL)
    return NULL;

  entity = accord_strategy_lookup (self->strategy, hit->id);
  if (entity == NULL)
    return NULL;

  switch (hit->kind)
    {
    case ACCORD_ENTITY_SECTION:
      other = lookup_field (self, entity, "parent");
      return other != NULL ? dup_entity_name (other)
                           : g_strdup (accord_strategy_get_title (self->strategy));

    case ACCORD_ENTITY_OBJECTIVE:
      other = lookup_field (self, entity, "section");
      code = accord_entity_get_field (entity, "code");
      if (other != NULL && code != NULL)
        {
          g_autofree char *section = dup_entity_name (other);

          /* Translators: where an objective is: its code, then its section */
          return g_strdup_printf (_("%s · %s"), code, section);
        }
      return other != NULL ? dup_entity_name (other) : g_strdup (code);

    case ACCORD_ENTITY_COMMENT:
      other = lookup_field (self, entity, "target");
      if (other != NULL)
        {
          g_autofree char *name = dup_entity_name (other);

          /* Translators: what a comment is about, such as a section's title */
          return g_strdup_printf (_("On “%s”"), name);
        }
      return NULL;

    case ACCORD_ENTITY_PARTICIPANT:
      return g_strdup (accord_entity_get_field (entity, "organisation"));

    case ACCORD_ENTITY_STRATEGY:
    case ACCORD_ENTITY_ROUND:
    case ACCORD_N_ENTITY_KINDS:
    default:
      return NULL;
    }
}

/* Comments have no title: they are named after their author. */
static char *
dup_untitled_name (AccordSearchPanel     *self,
                   const AccordSearchHit *hit)
{
  AccordEntity *entity = NULL;
  AccordEntity *author;
  const char *name = NULL;

  if (self->strategy != NULL)
    entity = accord_strategy_lookup (self->strategy, hit->id);

  author = lookup_field (self, entity, "author");
  if (author != NULL)
    name = accord_entity_get_field (author, "name");

  if (hit->kind == ACCORD_ENTITY_COMMENT && name != NULL)
    /* Translators: a comment, named after its author */
    return g_strdup_printf (_("Comment by %s"), name);

  return g_strdup (kind_label (hit->kind));
}

/* A label for one line of a result; @markup is escaped already. */
static GtkWidget *
create_label (const char *markup,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_kind_icon (AccordEntityKind kind)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon_name (kind));

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, kind_label (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label (kind),
                                  -1);

  return icon;
}

/* A row shows the kind's icon, then the title, the snippet and the place,
 * the last two only when there is something to show. */
GtkWidget *
_accord_search_panel_create_row (AccordSearchPanel     *self,
                                 const AccordSearchHit *hit)
{
  g_autofree char *title = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *place = NULL;
  GtkWidget *row, *box, *labels, *label;

  title = hit->title != NULL && *hit->title != '\0' ? dup_title_line (hit->title)
                                                     : dup_untitled_name (self, hit);
  title_markup = marked_to_markup (title);
  snippet = dup_flat_snippet (hit->snippet != NULL ? hit->snippet : "");
  place = dup_place (self, hit);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), create_label (title_markup, "search-title"));

  if (*snippet != '\0')
    {
      g_autofree char *snippet_markup = marked_to_markup (snippet);

      label = create_label (snippet_markup, "search-snippet");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_box_append (GTK_BOX (labels), label);
    }

  if (place != NULL && *place != '\0')
    {
      g_autofree char *place_markup = g_markup_escape_text (place, -1);

      label = create_label (place_markup, "search-place");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), create_kind_icon (hit->kind));
  gtk_box_append (GTK_BOX (box), labels);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}
