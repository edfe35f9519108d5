/* accord-html.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-html"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cmark.h>
#include <glib/gi18n.h>

#include "accord-html.h"
#include "accord-objective-private.h"
#include "accord-section.h"
#include "accord-strategy.h"

/*
 * A strategy as one standalone HTML5 page, to read on screen, print or
 * save as PDF: a header with the title, a table of contents, then every
 * section as a <section> nested in its parent's, its objectives shown as
 * cards. The page loads nothing: the style sheet is embedded, and Markdown
 * texts are rendered by cmark with its safe defaults, so raw HTML and
 * "javascript:" links in a text are left out. Every other text is escaped.
 * Anchors are the entities' ids.
 */

G_DEFINE_QUARK (accord-html-error-quark, accord_html_error)

#define MAX_LEVEL 6

static const char style_sheet[] =
  ":root{color-scheme:light;--text:#241f31;--muted:#5e5c64;--accent:#1a5fb4;"
  "--line:#deddda;--card:#f6f5f4;--page:#ffffff}\n"
  "@media screen and (prefers-color-scheme:dark){:root{color-scheme:dark;"
  "--text:#f6f5f4;--muted:#c0bfbc;--accent:#99c1f1;--line:#4a4752;"
  "--card:#2e2c33;--page:#1e1d22}}\n"
  "html{background:var(--page);color:var(--text);font-family:Cantarell,"
  "\"Noto Sans\",\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;"
  "line-height:1.55;-webkit-text-size-adjust:100%}\n"
  "body{max-width:46rem;margin:0 auto;padding:2.5rem 1.25rem 4rem;"
  "overflow-wrap:break-word;hyphens:auto}\n"
  "h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.8em 0 .5em;"
  "break-after:avoid;page-break-after:avoid}\n"
  "h1{font-size:2.1rem}h2{font-size:1.6rem}h3{font-size:1.3rem}"
  "h4{font-size:1.12rem}h5,h6{font-size:1rem}\n"
  "p,li{orphans:3;widows:3}\n"
  "a{color:var(--accent)}\n"
  "header.document{border-bottom:2px solid var(--line);margin-bottom:2rem}\n"
  "header.document h1{margin-top:0}\n"
  ".subtitle{font-size:1.25rem;color:var(--muted);margin-top:-.25rem}\n"
  ".status{display:inline-block;font-size:.8rem;font-weight:600;"
  "letter-spacing:.04em;text-transform:uppercase;color:var(--muted);"
  "border:1px solid var(--line);border-radius:999px;padding:.1em .7em}\n"
  "nav.contents ol{list-style:none;padding-inline-start:1.25em;margin:.2em 0}\n"
  "nav.contents>ol{padding-inline-start:0}\n"
  "nav.contents a{text-decoration:none}\n"
  "nav.contents a:hover{text-decoration:underline}\n"
  "blockquote{margin:1em 0;padding:0 1em;border-inline-start:4px solid var(--line);"
  "color:var(--muted)}\n"
  "code,pre{font-family:\"Source Code Pro\",\"DejaVu Sans Mono\",monospace;"
  "font-size:.9em}\n"
  "pre{background:var(--card);border-radius:6px;padding:.75em 1em;"
  "white-space:pre-wrap;overflow-wrap:anywhere}\n"
  "table{border-collapse:collapse;margin:1em 0;width:100%}\n"
  "th,td{border:1px solid var(--line);padding:.35em .6em;text-align:start;"
  "vertical-align:top}\n"
  "th{background:var(--card)}\n"
  "img{max-width:100%}\n"
  "hr{border:0;border-top:1px solid var(--line)}\n"
  ".objective{background:var(--card);border:1px solid var(--line);"
  "border-inline-start:4px solid var(--accent);border-radius:6px;"
  "margin:1.25em 0;padding:.75em 1.1em;break-inside:avoid;page-break-inside:avoid}\n"
  ".objective>h2,.objective>h3,.objective>h4,.objective>h5,.objective>h6"
  "{font-size:1.1rem;margin:0 0 .5em}\n"
  ".objective .code{color:var(--muted);margin-inline-end:.4em}\n"
  ".objective dl{display:grid;grid-template-columns:max-content 1fr;"
  "gap:.2em 1em;margin:.5em 0}\n"
  ".objective dt{color:var(--muted);font-weight:600}\n"
  ".objective dd{margin:0}\n"
  ".objective dd ul{margin:0;padding-inline-start:1.2em}\n"
  "@page{margin:2cm 2cm 2.5cm}\n"
  "@media print{html{font-size:11pt;background:none}"
  "body{max-width:none;padding:0}"
  "a{color:inherit;text-decoration:none}"
  "main>section{break-before:page;page-break-before:always}"
  ".objective{background:none}}\n";

/* Languages written from right to left, by their primary subtag. */
static const char * const rtl_languages[] = {
  "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi", NULL
};

G_GNUC_PRINTF (2, 3)
static void
append_markup (GString    *out,
               const char *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);

  g_string_append (out, text);
}

static gboolean
append_rendered (GString     *out,
                 const char  *class_name,
                 const char  *markdown,
                 GError     **error)
{
  char *html;

  if (markdown == NULL)
    return TRUE;

  /* The default options are the safe ones: raw HTML is not passed through. */
  html = cmark_markdown_to_html (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  if (html == NULL)
    {
      g_set_error_literal (error, ACCORD_HTML_ERROR, ACCORD_HTML_ERROR_RENDER,
                           _("A Markdown text could not be rendered"));
      return FALSE;
    }

  append_markup (out, "<div class=\"%s\">\n", class_name);
  g_string_append (out, html);
  g_string_append (out, "</div>\n");
  free (html);

  return TRUE;
}

static gboolean
is_right_to_left (const char *language)
{
  g_autofree char *primary = NULL;

  if (language == NULL)
    return FALSE;

  primary = g_strndup (language, strcspn (language, "-"));

  return g_strv_contains (rtl_languages, primary);
}

static void
append_head (GString        *out,
             AccordStrategy *strategy)
{
  const char *language = accord_strategy_get_language (strategy);
  const char *title = accord_strategy_get_title (strategy);

  g_string_append (out, "<!DOCTYPE html>\n");
  g_string_append (out, "<html");
  if (language != NULL)
    append_markup (out, " lang=\"%s\"", language);
  if (is_right_to_left (language))
    g_string_append (out, " dir=\"rtl\"");
  g_string_append (out, ">\n");

  g_string_append (out, "<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  append_markup (out, "<meta name=\"generator\" content=\"%s %s\">\n",
                 PACKAGE_NAME, PACKAGE_VERSION);
  append_markup (out, "<title>%s</title>\n", title != NULL ? title : "");
  g_string_append_printf (out, "<style>\n%s</style>\n</head>\n", style_sheet);
}

static gboolean
append_header (GString         *out,
               AccordStrategy  *strategy,
               GError         **error)
{
  AccordEntity *entity = ACCORD_ENTITY (strategy);
  const char *title = accord_strategy_get_title (strategy);
  const char *subtitle = accord_entity_get_field (entity, "subtitle");
  const char *status = accord_entity_get_field (entity, "status");

  g_string_append (out, "<header class=\"document\">\n");
  if (status != NULL)
    append_markup (out, "<p class=\"status\">%s</p>\n",
                   accord_entity_kind_get_choice_label (ACCORD_ENTITY_STRATEGY, "status", status));
  append_markup (out, "<h1>%s</h1>\n", title != NULL ? title : "");
  if (subtitle != NULL)
    append_markup (out, "<p class=\"subtitle\">%s</p>\n", subtitle);
  g_string_append (out, "</header>\n");

  return append_rendered (out, "summary", accord_entity_get_field (entity, "summary"), error);
}

/* The level of each section in the outline, 0 at the top: its depth, but
 * never more than one below the section before it, so that sections whose
 * parents are missing still nest properly. */
static guint *
find_levels (AccordStrategy *strategy,
             GPtrArray      *outline)
{
  guint *levels = g_new0 (guint, MAX (outline->len, 1));
  guint limit = 0;

  for (guint i = 0; i < outline->len; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);

      levels[i] = MIN (accord_strategy_get_depth (strategy, section), limit);
      limit = levels[i] + 1;
    }

  return levels;
}

static void
append_contents (GString     *out,
                 GPtrArray   *outline,
                 const guint *levels)
{
  guint open = 0;

  if (outline->len == 0)
    return;

  append_markup (out, "<nav class=\"contents\">\n<h2>%s</h2>\n", _("Contents"));

  for (guint i = 0; i < outline->len; i++)
    {
      AccordEntity *section = g_ptr_array_index (outline, i);
      const char *title = accord_section_get_title (ACCORD_SECTION (section));

      if (levels[i] + 1 > open)
        {
          if (out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          g_string_append (out, "<ol>\n");
          open++;
        }
      else
        {
          g_string_append (out, "</li>\n");
          for (; open > levels[i] + 1; open--)
            g_string_append (out, "</ol>\n</li>\n");
        }

      append_markup (out, "<li><a href=\"#%s\">%s</a>",
                     accord_entity_get_id (section), title != NULL ? title : "");
    }

  for (; open > 0; open--)
    g_string_append (out, "</li>\n</ol>\n");

  g_string_append (out, "</nav>\n");
}

static void
append_list_field (GString            *out,
                   const char         *label,
                   const char * const *values)
{
  if (values == NULL)
    return;

  append_markup (out, "<dt>%s</dt>\n<dd><ul>\n", label);
  for (guint i = 0; values[i] != NULL; i++)
    append_markup (out, "<li>%s</li>\n", values[i]);
  g_string_append (out, "</ul></dd>\n");
}

static void
append_field (GString                *out,
              AccordObjective        *objective,
              const AccordShownField *field)
{
  AccordEntity *entity = ACCORD_ENTITY (objective);
  const char *label = _(field->label);
  g_autofree char *value = NULL;

  if (field->shown_as == ACCORD_SHOWN_ITEMS)
    {
      append_list_field (out, label, accord_entity_get_list (entity, field->name));
      return;
    }

  if ((value = _accord_objective_dup_shown_value (objective, field)) == NULL)
    return;

  switch (field->shown_as)
    {
    case ACCORD_SHOWN_CHOICE:
      /* The choice itself names a class, for style sheets. */
      append_markup (out, "<dt>%s</dt>\n<dd class=\"%s-%s\">%s</dd>\n", label, field->name,
                     accord_entity_get_field (entity, field->name), value);
      break;

    case ACCORD_SHOWN_DATE:
      append_markup (out, "<dt>%s</dt>\n<dd><time datetime=\"%s\">%s</time></dd>\n",
                     label, value, value);
      break;

    case ACCORD_SHOWN_TEXT:
    case ACCORD_SHOWN_JOINED:
    default:
      append_markup (out, "<dt>%s</dt>\n<dd>%s</dd>\n", label, value);
      break;
    }
}

static gboolean
append_objective (GString          *out,
                  AccordObjective  *objective,
                  guint             level,
                  GError          **error)
{
  AccordEntity *entity = ACCORD_ENTITY (objective);
  const char *code = accord_objective_get_code (objective);
  const char *title = accord_objective_get_title (objective);
  g_autoptr(GString) fields = g_string_new (NULL);

  append_markup (out, "<article class=\"objective\" id=\"%s\">\n<h%u>",
                 accord_entity_get_id (entity), level);
  if (code != NULL)
    append_markup (out, "<span class=\"code\">%s</span> ", code);
  append_markup (out, "%s</h%u>\n", title != NULL ? title : "", level);

  for (const AccordShownField *field = _accord_objective_get_shown_fields ();
       field->name != NULL;
       field++)
    append_field (fields, objective, field);
  if (fields->len > 0)
    g_string_append_printf (out, "<dl>\n%s</dl>\n", fields->str);

  if (!append_rendered (out, "description", accord_objective_get_description (objective), error))
    return FALSE;

  g_string_append (out, "</article>\n");

  return TRUE;
}

static gboolean
append_section (GString         *out,
                AccordStrategy  *strategy,
                AccordSection   *section,
                guint            level,
                GError         **error)
{
  const char *id = accord_entity_get_id (ACCORD_ENTITY (section));
  const char *title = accord_section_get_title (section);
  guint heading = MIN (level + 2, MAX_LEVEL);
  GListModel *children;
  guint n;

  append_markup (out, "<section id=\"%s\" class=\"level-%u\">\n<h%u>%s</h%u>\n",
                 id, level + 1, heading, title != NULL ? title : "", heading);

  if (!append_rendered (out, "body", accord_section_get_body (section), error))
    return FALSE;

  children = accord_strategy_get_children (strategy, id);
  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) child = g_list_model_get_item (children, i);

      if (ACCORD_IS_OBJECTIVE (child) &&
          !append_objective (out, ACCORD_OBJECTIVE (child), MIN (heading + 1, MAX_LEVEL), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
append_sections (GString         *out,
                 AccordStrategy  *strategy,
                 GPtrArray       *outline,
                 const guint     *levels,
                 GError         **error)
{
  guint open = 0;

  g_string_append (out, "<main>\n");

  for (guint i = 0; i < outline->len; i++)
    {
      for (; open > levels[i]; open--)
        g_string_append (out, "</section>\n");

      if (!append_section (out, strategy, g_ptr_array_index (outline, i), levels[i], error))
        return FALSE;
      open++;
    }

  for (; open > 0; open--)
    g_string_append (out, "</section>\n");

  g_string_append (out, "</main>\n");

  return TRUE;
}

/**
 * accord_html_export:
 * @strategy: an #AccordStrategy
 * @error: return location for a #GError
 *
 * Writes the whole strategy as a standalone HTML5 page, ready to read on
 * screen or to print: a header with the title and subtitle, the summary,
 * a table of contents linking to each section, then the sections with
 * their bodies and their objectives, shown as cards. The page has its style
 * sheet embedded and loads nothing else. Texts written in Markdown are
 * rendered without the raw HTML they may hold; all other texts are escaped.
 *
 * Returns: (transfer full) (nullable): the page, or %NULL if a text could
 *   not be rendered
 */
char *
accord_html_export (AccordStrategy  *strategy,
                    GError         **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) outline = NULL;
  g_autofree guint *levels = NULL;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (strategy), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_new (NULL);
  outline = accord_strategy_dup_outline (strategy);
  levels = find_levels (strategy, outline);

  append_head (out, strategy);
  g_string_append (out, "<body>\n");
  if (!append_header (out, strategy, error))
    return NULL;
  append_contents (out, outline, levels);
  if (!append_sections (out, strategy, outline, levels, error))
    return NULL;
  g_string_append (out, "</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
