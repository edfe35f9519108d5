/* accord-markdown.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-markdown"

#include "config.h"

#include <string.h>
#include <cmark.h>
#include <glib/gi18n.h>

#include "accord-markdown.h"
#include "accord-objective-private.h"
#include "accord-order.h"
#include "accord-schema-private.h"
#include "accord-section.h"
#include "accord-strategy.h"

/*
 * A whole strategy as one Markdown document:
 *
 *   # The strategy's title
 *
 *   The summary.
 *
 *   ## A top-level section
 *
 *   Its body.
 *
 *   ### One of its sub-sections
 *
 * Importing, cmark finds the headings, so that a "#" line inside a fenced
 * code block or an HTML block is not taken for one. Only headings at the
 * top level of the document count: one inside a block quote or a list item
 * stays in the text around it. The first heading must be a level-1 heading,
 * which gives the title; a document with no heading, with another heading
 * first, or with text before the title is refused, because that text would
 * have nowhere to go. Each later heading starts a section: level 2 at the
 * top level (a second level-1 heading too), deeper levels under the closest
 * heading before them with a smaller level, so that a level-4 heading right
 * after a level-2 one becomes its sub-section and no heading is ever lost.
 * A heading's text is taken from the source as written: without the "#"
 * markers and the optional closing "#"s, or the lines of a setext heading
 * joined by a space; a heading with no text is refused, as a section needs
 * a title. Every refusal names the line at fault.
 *
 * The text between a heading and the next is the section's body (between
 * the title and the first section, the summary), byte for byte, except for
 * the layout around it: the blank lines (lines of spaces and tabs only) at
 * its start and at its end, and the line break after its last line. Export
 * writes the same layout back: one blank line after each heading, one
 * before each heading, and a line break at the end of the document. So a
 * document laid out like this imports and exports to the same bytes, and
 * the editor shows no stray blank line at the start of a body.
 *
 * Export writes each section's heading with as many "#" as its depth plus
 * two (at most six), its body, then its objectives — a heading one level
 * deeper ("O2.1 — Title"), a list of their fields, their description —
 * then its sub-sections.
 */

G_DEFINE_QUARK (accord-markdown-error-quark, accord_markdown_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)

#define MAX_LEVEL 6

typedef struct
{
  const char *text;
  GArray     *starts;   /* gsize: where each line starts, then the length */
} Lines;

typedef struct
{
  guint  level;
  guint  first;         /* the heading's first line, counting from 1 */
  guint  last;          /* its last line: the underline of a setext heading */
  char  *title;
} Heading;

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Lines end with "\n", "\r\n" or "\r", as cmark counts them. */
static GArray *
find_line_starts (const char *text,
                  gsize       length)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize offset = 0;

  while (offset < length)
    {
      g_array_append_val (starts, offset);

      while (offset < length && text[offset] != '\n' && text[offset] != '\r')
        offset++;

      if (offset + 1 < length && text[offset] == '\r' && text[offset + 1] == '\n')
        offset += 2;
      else if (offset < length)
        offset++;
    }

  g_array_append_val (starts, length);

  return starts;
}

static guint
count_lines (const Lines *lines)
{
  return lines->starts->len - 1;
}

/* Where line @n starts; line count_lines() + 1 starts at the end. */
static gsize
line_start (const Lines *lines,
            guint        n)
{
  n = CLAMP (n, 1, lines->starts->len);

  return g_array_index (lines->starts, gsize, n - 1);
}

/* Line @n without its line break. */
static const char *
get_line (const Lines *lines,
          guint        n,
          gsize       *length)
{
  gsize start = line_start (lines, n);
  gsize end = line_start (lines, n + 1);

  if (end > start && lines->text[end - 1] == '\n')
    end--;
  if (end > start && lines->text[end - 1] == '\r')
    end--;

  *length = end - start;

  return lines->text + start;
}

/* Narrows [*start, *end) of @text to leave out the blank lines at both
 * ends and the line break after the last line left. */
static void
trim_blank_lines (const char *text,
                  gsize      *start,
                  gsize      *end)
{
  gsize s = *start;
  gsize e = *end;
  gsize i;

  for (i = s; i < e; i++)
    {
      if (text[i] == '\n' || text[i] == '\r')
        s = i + 1;
      else if (!is_blank (text[i]))
        break;
    }

  if (i == e)
    s = e;

  for (i = e; i > s; i--)
    {
      if (text[i - 1] == '\n' || text[i - 1] == '\r')
        e = i - 1;
      else if (!is_blank (text[i - 1]))
        break;
    }

  *start = s;
  *end = MAX (e, s);
}

/* The text from the start of line @first to the start of line @next,
 * without the layout around it, or %NULL when there is none. */
static char *
dup_text_between (const Lines *lines,
                  guint        first,
                  guint        next)
{
  gsize start = line_start (lines, first);
  gsize end = line_start (lines, next);

  if (end <= start)
    return NULL;

  trim_blank_lines (lines->text, &start, &end);

  return start < end ? g_strndup (lines->text + start, end - start) : NULL;
}

static char *
dup_atx_heading_text (const char *line,
                      gsize       length)
{
  gsize start = 0;
  gsize end = length;
  gsize run;

  while (start < end && line[start] == ' ')
    start++;
  while (start < end && line[start] == '#')
    start++;
  while (start < end && is_blank (line[start]))
    start++;
  while (end > start && is_blank (line[end - 1]))
    end--;

  /* An optional closing run of "#", alone or after a space. */
  for (run = end; run > start && line[run - 1] == '#'; run--)
    ;
  if (run == start || is_blank (line[run - 1]))
    {
      for (end = run; end > start && is_blank (line[end - 1]); end--)
        ;
    }

  return g_strndup (line + start, end - start);
}

static gboolean
is_setext_underline (const char *line,
                     gsize       length)
{
  gsize i = 0;
  char mark;

  while (i < length && i < 3 && line[i] == ' ')
    i++;

  if (i == length || (line[i] != '=' && line[i] != '-'))
    return FALSE;

  for (mark = line[i]; i < length && line[i] == mark; i++)
    ;
  while (i < length && is_blank (line[i]))
    i++;

  return i == length;
}

/* cmark may place the end of a setext heading after its underline, so
 * look for the underline. */
static guint
find_underline (const Lines *lines,
                guint        first,
                guint        last)
{
  for (guint n = first + 1; n <= last && n <= count_lines (lines); n++)
    {
      gsize length;
      const char *line = get_line (lines, n, &length);

      if (is_setext_underline (line, length))
        return n;
    }

  return last;
}

static char *
dup_setext_heading_text (const Lines *lines,
                         guint        first,
                         guint        underline)
{
  GString *text = g_string_new (NULL);

  for (guint n = first; n < underline; n++)
    {
      gsize start = 0;
      gsize length;
      const char *line = get_line (lines, n, &length);

      while (start < length && is_blank (line[start]))
        start++;
      while (length > start && is_blank (line[length - 1]))
        length--;

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, line + start, length - start);
    }

  return g_string_free (text, FALSE);
}

static void
clear_heading (gpointer data)
{
  Heading *heading = data;

  g_clear_pointer (&heading->title, g_free);
}

static GArray *
collect_headings (cmark_node  *document,
                  const Lines *lines)
{
  GArray *headings = g_array_new (FALSE, TRUE, sizeof (Heading));

  g_array_set_clear_func (headings, clear_heading);

  for (cmark_node *node = cmark_node_first_child (document);
       node != NULL;
       node = cmark_node_next (node))
    {
      Heading heading = { 0, };
      guint last;

      if (cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;

      heading.level = cmark_node_get_heading_level (node);
      heading.first = CLAMP (cmark_node_get_start_line (node), 1, (int) count_lines (lines));
      last = MAX (cmark_node_get_end_line (node), (int) heading.first);

      if (last == heading.first)
        {
          gsize length;
          const char *line = get_line (lines, heading.first, &length);

          heading.last = heading.first;
          heading.title = dup_atx_heading_text (line, length);
        }
      else
        {
          heading.last = find_underline (lines, heading.first, last);
          heading.title = dup_setext_heading_text (lines, heading.first, heading.last);
        }

      g_array_append_val (headings, heading);
    }

  return headings;
}

/* The first line before @next with something other than blanks on it. */
static guint
first_text_line (const Lines *lines,
                 guint        next)
{
  for (guint n = 1; n < next; n++)
    {
      gsize length;
      const char *line = get_line (lines, n, &length);

      for (gsize i = 0; i < length; i++)
        {
          if (!is_blank (line[i]))
            return n;
        }
    }

  return 1;
}

static gboolean
check_title (GArray       *headings,
             const Lines  *lines,
             GError      **error)
{
  Heading *title = headings->len > 0 ? &g_array_index (headings, Heading, 0) : NULL;
  g_autofree char *before = NULL;

  if (title == NULL)
    {
      g_set_error_literal (error, ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE,
                           _("The document has no title: its first heading must be a "
                             "level-1 heading (“# Title”)"));
      return FALSE;
    }

  if (title->level != 1)
    {
      g_set_error (error, ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE,
                   _("The document has no title: its first heading, on line %u, must be a "
                     "level-1 heading (“# Title”)"), title->first);
      return FALSE;
    }

  if (*title->title == '\0')
    {
      g_set_error (error, ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE,
                   _("The document’s title, on line %u, is empty: write it after the “#”"),
                   title->first);
      return FALSE;
    }

  before = dup_text_between (lines, 1, title->first);
  if (before != NULL)
    {
      g_set_error (error, ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_TEXT_BEFORE_TITLE,
                   _("The document has text before its title, from line %u: it must start "
                     "with a level-1 heading (“# Title”)"), first_text_line (lines, title->first));
      return FALSE;
    }

  /* A section needs a title: an empty heading would make one without. */
  for (guint i = 1; i < headings->len; i++)
    {
      const Heading *heading = &g_array_index (headings, Heading, i);

      if (*heading->title == '\0')
        {
          g_set_error (error, ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_EMPTY_HEADING,
                       _("The heading on line %u has no title: write it after the “#”s"),
                       heading->first);
          return FALSE;
        }
    }

  return TRUE;
}

/* The text under heading @i, up to the next heading. */
static char *
dup_body (GArray      *headings,
          guint        i,
          const Lines *lines)
{
  Heading *heading = &g_array_index (headings, Heading, i);
  guint next = count_lines (lines) + 1;

  if (i + 1 < headings->len)
    next = g_array_index (headings, Heading, i + 1).first;

  return dup_text_between (lines, heading->last + 1, next);
}

/* A later level-1 heading is a top-level section, like a level-2 one. */
static guint
section_level (GArray *headings,
               guint   i)
{
  return MAX (g_array_index (headings, Heading, i).level, 2);
}

/* For each heading, the index of the heading it hangs under; 0, the
 * title, for the top level. */
static guint *
find_parents (GArray *headings)
{
  guint *parents = g_new0 (guint, headings->len);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint root = 0;

  g_array_append_val (open, root);

  for (guint i = 1; i < headings->len; i++)
    {
      guint level = section_level (headings, i);

      while (open->len > 1)
        {
          guint top = g_array_index (open, guint, open->len - 1);

          if (section_level (headings, top) < level)
            break;
          g_array_set_size (open, open->len - 1);
        }

      parents[i] = g_array_index (open, guint, open->len - 1);
      g_array_append_val (open, i);
    }

  return parents;
}

/* Order keys for each heading, spread evenly within each group of
 * siblings; none for the title. */
static GPtrArray *
dup_order_keys (const guint *parents,
                guint        n)
{
  GPtrArray *orders = g_ptr_array_new_full (n, g_free);
  g_autoptr(GPtrArray) spreads = g_ptr_array_new_full (n, (GDestroyNotify) g_strfreev);
  g_autofree guint *counts = g_new0 (guint, n);
  g_autofree guint *taken = g_new0 (guint, n);

  for (guint i = 1; i < n; i++)
    counts[parents[i]]++;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (spreads, accord_order_keys_spread (counts[i]));

  g_ptr_array_add (orders, NULL);
  for (guint i = 1; i < n; i++)
    {
      char **keys = g_ptr_array_index (spreads, parents[i]);

      g_ptr_array_add (orders, g_strdup (keys[taken[parents[i]]++]));
    }

  return orders;
}

static gboolean
set_field (AccordEntity  *entity,
           const char    *name,
           const char    *value,
           guint          line,
           GError       **error)
{
  if (accord_entity_set_field (entity, name, value, error))
    return TRUE;

  /* Translators: %u is a line number; an error message follows. */
  g_prefix_error (error, _("Line %u: "), line);

  return FALSE;
}

static gboolean
add_sections (AccordStrategy  *strategy,
              GArray          *headings,
              const Lines     *lines,
              GError         **error)
{
  g_autofree guint *parents = find_parents (headings);
  g_autoptr(GPtrArray) orders = dup_order_keys (parents, headings->len);
  g_autofree const char **ids = g_new0 (const char *, headings->len);

  for (guint i = 1; i < headings->len; i++)
    {
      Heading *heading = &g_array_index (headings, Heading, i);
      g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, NULL);
      g_autofree char *body = dup_body (headings, i, lines);

      if (!set_field (section, "parent", ids[parents[i]], heading->first, error) ||
          !set_field (section, "order", g_ptr_array_index (orders, i), heading->first, error) ||
          !set_field (section, "title", heading->title, heading->first, error) ||
          !set_field (section, "body", body, heading->last + 1, error) ||
          !accord_strategy_add (strategy, section, error))
        return FALSE;

      ids[i] = accord_entity_get_id (section);
    }

  return TRUE;
}

static AccordStrategy *
build_strategy (GArray       *headings,
                const Lines  *lines,
                const char   *language,
                GError      **error)
{
  const AccordFieldSpec *language_spec =
    _accord_schema_lookup (_accord_schema_get (ACCORD_ENTITY_STRATEGY), "language", NULL);
  Heading *title = &g_array_index (headings, Heading, 0);
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autofree char *summary = NULL;
  AccordEntity *entity;

  if (!_accord_schema_check_value (language_spec, language, error))
    return NULL;

  strategy = accord_strategy_new (title->title, language);
  entity = ACCORD_ENTITY (strategy);
  summary = dup_body (headings, 0, lines);

  if (!set_field (entity, "title", title->title, title->first, error) ||
      !set_field (entity, "summary", summary, title->last + 1, error) ||
      !add_sections (strategy, headings, lines, error))
    return NULL;

  return g_steal_pointer (&strategy);
}

/**
 * accord_markdown_import:
 * @text: a Markdown document
 * @length: the length of @text in bytes, or -1 when it ends with a nul byte
 * @language: the language the document is written in, such as "fr"
 * @error: return location for a #GError
 *
 * Builds a new strategy from a Markdown document: its level-1 heading is
 * the title, the text after it the summary, and every later heading a
 * section whose body is the text under it, kept as written. Level-2
 * headings are top-level sections; deeper ones are sub-sections of the
 * closest heading before them with a smaller level.
 *
 * Fails with %ACCORD_MARKDOWN_ERROR_INVALID_UTF8 when @text is not UTF-8,
 * %ACCORD_MARKDOWN_ERROR_NO_TITLE when its first heading is not a
 * level-1 heading with a text, %ACCORD_MARKDOWN_ERROR_TEXT_BEFORE_TITLE
 * when something other than blank lines comes before that heading, and
 * with an #ACCORD_ENTITY_ERROR when @language is not a valid tag or a
 * text is too long to store.
 *
 * Returns: (transfer full) (nullable): the new strategy, or %NULL on error
 */
AccordStrategy *
accord_markdown_import (const char  *text,
                        gssize       length,
                        const char  *language,
                        GError     **error)
{
  g_autoptr(cmark_node) document = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) headings = NULL;
  const char *invalid = NULL;
  Lines lines;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate (text, length, &invalid))
    {
      guint line = 1;

      for (const char *c = text; c < invalid; c++)
        line += *c == '\n';

      g_set_error (error, ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_INVALID_UTF8,
                   _("The document is not valid UTF-8 text, from line %u"), line);
      return NULL;
    }

  /* A byte order mark is not part of the text. */
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  starts = find_line_starts (text, length);
  lines = (Lines) { text, starts };
  document = cmark_parse_document (text, length, CMARK_OPT_DEFAULT);
  headings = collect_headings (document, &lines);

  if (!check_title (headings, &lines, error))
    return NULL;

  return build_strategy (headings, &lines, language, error);
}

static void
append_heading (GString    *out,
                guint       level,
                const char *title)
{
  gsize start;

  if (out->len > 0)
    g_string_append_c (out, '\n');

  for (guint i = 0; i < MIN (level, MAX_LEVEL); i++)
    g_string_append_c (out, '#');

  if (title == NULL || *title == '\0')
    {
      g_string_append_c (out, '\n');
      return;
    }

  g_string_append_c (out, ' ');
  start = out->len;
  g_string_append (out, title);
  g_strdelimit (out->str + start, "\r\n", ' ');

  /* A closing "#" keeps the title's own "#"s from being read as one. */
  if (out->str[out->len - 1] == '#')
    g_string_append (out, " #");

  g_string_append_c (out, '\n');
}

/* Appends @text after a blank line, without the layout around it. */
static void
append_block (GString    *out,
              const char *text)
{
  gsize start = 0;
  gsize end;

  if (text == NULL)
    return;

  end = strlen (text);
  trim_blank_lines (text, &start, &end);
  if (start == end)
    return;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_len (out, text + start, end - start);
  g_string_append_c (out, '\n');
}

/* A list item, nested @depth levels deep, on one line. */
G_GNUC_PRINTF (3, 4)
static void
append_item (GString    *out,
             guint       depth,
             const char *format,
             ...)
{
  gsize start = out->len;
  va_list args;

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append (out, "- ");
  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
  g_strdelimit (out->str + start, "\r\n", ' ');
  g_string_append_c (out, '\n');
}

static void
append_field (GString                *out,
              AccordObjective        *objective,
              const AccordShownField *field)
{
  const char *label = _(field->label);
  const char * const *items;
  g_autofree char *value = NULL;

  if (field->shown_as != ACCORD_SHOWN_ITEMS)
    {
      value = _accord_objective_dup_shown_value (objective, field);
      if (value == NULL)
        return;

      /* Translators: a field of an objective and its value, in a Markdown
       * export, such as “Status: In progress”. */
      append_item (out, 0, _("%s: %s"), label, value);
      return;
    }

  items = accord_entity_get_list (ACCORD_ENTITY (objective), field->name);
  if (items == NULL)
    return;

  /* Translators: a field of an objective whose items follow, one a line,
   * in a Markdown export, such as “Indicators:”. */
  append_item (out, 0, _("%s:"), label);
  for (guint i = 0; items[i] != NULL; i++)
    append_item (out, 1, "%s", items[i]);
}

static void
append_objective (GString         *out,
                  AccordObjective *objective,
                  guint            level)
{
  const char *code = accord_objective_get_code (objective);
  const char *title = accord_objective_get_title (objective);
  g_autofree char *heading = NULL;
  g_autoptr(GString) fields = g_string_new (NULL);

  if (code != NULL && title != NULL)
    heading = g_strdup_printf ("%s — %s", code, title);
  else
    heading = g_strdup (code != NULL ? code : title);

  append_heading (out, level, heading);
  for (const AccordShownField *field = _accord_objective_get_shown_fields ();
       field->name != NULL;
       field++)
    append_field (fields, objective, field);
  append_block (out, fields->str);
  append_block (out, accord_objective_get_description (objective));
}

static void
append_objectives (GString        *out,
                   AccordStrategy *strategy,
                   AccordSection  *section,
                   guint           level)
{
  const char *id = accord_entity_get_id (ACCORD_ENTITY (section));
  GListModel *children = accord_strategy_get_children (strategy, id);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) child = g_list_model_get_item (children, i);

      if (ACCORD_IS_OBJECTIVE (child))
        append_objective (out, ACCORD_OBJECTIVE (child), level);
    }
}

/**
 * accord_markdown_export:
 * @strategy: an #AccordStrategy
 *
 * Writes the whole strategy as one Markdown document: its title as a
 * level-1 heading, its summary, then every section in reading order, with
 * a heading as deep as the section (level 2 at the top, at most level 6)
 * followed by its body and its objectives. A strategy imported with
 * accord_markdown_import() and not changed since exports to the same
 * bytes, when the document had one blank line after and before each
 * heading and a line break at its end.
 *
 * Returns: (transfer full): the document
 */
char *
accord_markdown_export (AccordStrategy *strategy)
{
  g_autoptr(GPtrArray) outline = NULL;
  GString *out;

  g_return_val_if_fail (ACCORD_IS_STRATEGY (strategy), NULL);

  out = g_string_new (NULL);
  outline = accord_strategy_dup_outline (strategy);

  append_heading (out, 1, accord_strategy_get_title (strategy));
  append_block (out, accord_entity_get_field (ACCORD_ENTITY (strategy), "summary"));

  for (guint i = 0; i < outline->len; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);
      guint level = MIN (accord_strategy_get_depth (strategy, section) + 2, MAX_LEVEL);

      append_heading (out, level, accord_section_get_title (section));
      append_block (out, accord_section_get_body (section));
      append_objectives (out, strategy, section, MIN (level + 1, MAX_LEVEL));
    }

  return g_string_free (out, FALSE);
}
