/* accord-format.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-format"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-entity-private.h"
#include "accord-format-private.h"
#include "accord-problem.h"

/*
 * One entity per file, written as:
 *
 *   ---
 *   key: value
 *
 *   other-key: value
 *   ---
 *   The Markdown text of the entity…
 *   ::: answer
 *   A named block, for entities with a second text.
 *
 * Header fields are separated by blank lines so that two people changing
 * two different fields never edit adjacent lines, which git would report
 * as a conflict. Header values are one line: a backslash escapes "\\",
 * "\n" and "\r". In texts, a line starting with ":::" is written with a
 * backslash in front (and any backslashes already there get one more), so
 * that it is never read as the start of a block.
 *
 * Writing always produces the same bytes for the same fields, and reading
 * what was written gives the same fields back.
 */

typedef struct
{
  const char *path;
  GPtrArray  *problems;
  gboolean    fatal;
} Reader;

G_GNUC_PRINTF (3, 4)
static void
report (Reader     *reader,
        guint       line,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->problems != NULL)
    g_ptr_array_add (reader->problems, accord_problem_new (reader->path, line, message));
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
    }

  return line;
}

static gboolean
key_is_valid (const char *key)
{
  const char *at = strchr (key, '@');

  if (!g_ascii_islower (key[0]))
    return FALSE;

  for (const char *c = key; *c != '\0' && c != at; c++)
    {
      if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
        return FALSE;
    }

  return TRUE;
}

static char *
unescape_value (const char *value,
                gboolean   *valid)
{
  GString *out;

  *valid = TRUE;

  /* Most values have nothing escaped. */
  if (strchr (value, '\\') == NULL)
    return g_strdup (value);

  out = g_string_sized_new (strlen (value));

  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c != '\\')
        {
          g_string_append_c (out, *c);
          continue;
        }

      c++;
      if (*c == '\\')
        g_string_append_c (out, '\\');
      else if (*c == 'n')
        g_string_append_c (out, '\n');
      else if (*c == 'r')
        g_string_append_c (out, '\r');
      else
        {
          /* Keep a lone backslash as it is, but say so. */
          *valid = FALSE;
          g_string_append_c (out, '\\');
          if (*c == '\0')
            break;
          g_string_append_c (out, *c);
        }
    }

  return g_string_free (out, FALSE);
}

static void
escape_value (GString    *out,
              const char *value)
{
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\\')
        g_string_append (out, "\\\\");
      else if (*c == '\n')
        g_string_append (out, "\\n");
      else if (*c == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_c (out, *c);
    }
}

/* Lines of a text that start with backslashes then ":::" carry one more
 * backslash in the file. */
static gboolean
is_escaped_marker (const char *line,
                   gsize       length)
{
  gsize i = 0;

  while (i < length && line[i] == '\\')
    i++;

  return length - i >= 3 && strncmp (line + i, ":::", 3) == 0;
}

static void
append_text (GString    *out,
             const char *text)
{
  const char *line = text;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      if (is_escaped_marker (line, length))
        g_string_append_c (out, '\\');

      g_string_append_len (out, line, length);
      g_string_append_c (out, '\n');

      if (end == NULL)
        break;
      line = end + 1;
    }

  /* A text that ends with a newline ends with an empty line. */
  if (*text != '\0' && text[strlen (text) - 1] == '\n')
    g_string_append_c (out, '\n');
}

static void
header_line (Reader       *reader,
             AccordEntity *entity,
             const char   *line,
             guint         number)
{
  const AccordSchema *schema = _accord_entity_get_schema (entity);
  const AccordFieldSpec *spec;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_key = NULL;
  g_autofree char *value = NULL;
  const char *colon = strchr (line, ':');
  gboolean escapes_valid;
  char short_key[64];
  char *key;

  if (colon == NULL)
    {
      report (reader, number, _("“%s” is not a “field: value” line"), line);
      _accord_entity_add_extra (entity, line);
      return;
    }

  if ((gsize) (colon - line) < sizeof short_key)
    {
      key = memcpy (short_key, line, colon - line);
      key[colon - line] = '\0';
    }
  else
    key = long_key = g_strndup (line, colon - line);
  value = unescape_value (colon[1] == ' ' ? colon + 2 : colon + 1, &escapes_valid);

  if (!key_is_valid (key) || !(spec = _accord_schema_lookup (schema, key, NULL)))
    {
      report (reader, number, _("A %s has no field “%s”"), schema->name, key);
      _accord_entity_add_extra (entity, line);
      return;
    }

  if (spec->style == ACCORD_FIELD_TEXT || spec->style == ACCORD_FIELD_BLOCK)
    {
      report (reader, number, _("“%s” belongs after the header, not in it"), key);
      _accord_entity_add_extra (entity, line);
      return;
    }

  if (!escapes_valid)
    report (reader, number, _("“%s” has a backslash that is not followed by \\, n or r"), key);

  if (spec->style != ACCORD_FIELD_LIST && _accord_entity_get_values (entity, key, NULL) != NULL)
    {
      report (reader, number, _("“%s” is given twice"), key);
      _accord_entity_add_extra (entity, line);
      return;
    }

  if (*value == '\0')
    return;

  if (!_accord_schema_check_value (spec, value, &error))
    {
      report (reader, number, "%s", error->message);
      _accord_entity_add_extra (entity, line);
      return;
    }

  _accord_entity_take_value_at (entity, key, g_steal_pointer (&value), number);
}

/* The field a "::: key" line opens, or NULL when it opens none. */
static const AccordFieldSpec *
block_spec (AccordEntity *entity,
            const char   *line,
            gsize         length)
{
  g_autofree char *key = NULL;
  const AccordFieldSpec *spec;
  const char *language;

  if (length > 0 && line[length - 1] == '\r')
    length--;

  if (length < 5 || strncmp (line, "::: ", 4) != 0)
    return NULL;

  key = g_strndup (line + 4, length - 4);
  spec = _accord_schema_lookup (_accord_entity_get_schema (entity), key, &language);

  if (spec == NULL ||
      spec->style == ACCORD_FIELD_LINE || spec->style == ACCORD_FIELD_LIST ||
      (spec->style == ACCORD_FIELD_TEXT && language == NULL))
    return NULL;

  return spec;
}

/* Text that belongs to no field is kept as the file had it, escapes
 * included, so that writing the entity back loses nothing. */
static void
keep_text (AccordEntity *entity,
           const char   *block,
           const char   *text)
{
  g_autoptr(GString) kept = g_string_new (NULL);

  if (block != NULL)
    g_string_append_printf (kept, "::: %s\n", block);
  append_text (kept, text);
  _accord_entity_append_extra_text (entity, kept->str);
}

static void
finish_text (Reader       *reader,
             AccordEntity *entity,
             const char   *key,
             GString      *text,
             guint         line)
{
  /* The newline that ends the last line belongs to the layout. */
  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  if (text->len == 0)
    return;

  if (_accord_entity_get_values (entity, key, NULL) != NULL)
    {
      report (reader, line, _("The block “%s” is given twice"), key);
      keep_text (entity, key, text->str);
      return;
    }

  _accord_entity_take_value_at (entity, key, g_strndup (text->str, text->len), line);
}

static void
read_texts (Reader       *reader,
            AccordEntity *entity,
            const char   *data,
            gsize         length,
            guint         first_line)
{
  const AccordSchema *schema = _accord_entity_get_schema (entity);
  const AccordFieldSpec *text_spec = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *key = NULL;
  guint key_line = first_line;
  guint number = first_line;
  gsize offset = 0;

  for (guint i = 0; i < schema->n_fields; i++)
    {
      if (schema->fields[i].style == ACCORD_FIELD_TEXT)
        text_spec = &schema->fields[i];
    }

  key = g_strdup (text_spec != NULL ? text_spec->name : NULL);

  while (offset < length)
    {
      const char *line = data + offset;
      const char *end = memchr (line, '\n', length - offset);
      gsize line_length = end != NULL ? (gsize) (end - line) : length - offset;

      if (block_spec (entity, line, line_length) != NULL)
        {
          if (key != NULL)
            finish_text (reader, entity, key, text, key_line);
          g_string_truncate (text, 0);
          g_free (key);
          key = g_strndup (line + 4, line_length - 4 - (line[line_length - 1] == '\r'));
          key_line = number;
        }
      else
        {
          if (line_length >= 3 && strncmp (line, ":::", 3) == 0)
            report (reader, number, _("“%.*s” does not open a block a %s can have"),
                    (int) line_length, line, schema->name);

          if (is_escaped_marker (line, line_length) && line[0] == '\\')
            g_string_append_len (text, line + 1, line_length - 1);
          else
            g_string_append_len (text, line, line_length);
          g_string_append_c (text, '\n');
        }

      if (end == NULL)
        break;

      offset += line_length + 1;
      number++;
    }

  if (key != NULL)
    finish_text (reader, entity, key, text, key_line);
  else if (text->len > 0 && strspn (text->str, "\n") != text->len)
    {
      report (reader, first_line, _("A %s has no text after its header"), schema->name);
      if (text->str[text->len - 1] == '\n')
        g_string_truncate (text, text->len - 1);
      keep_text (entity, NULL, text->str);
    }
}

static void
check_required (Reader       *reader,
                AccordEntity *entity)
{
  const AccordSchema *schema = _accord_entity_get_schema (entity);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const AccordFieldSpec *spec = &schema->fields[i];

      if (spec->required && _accord_entity_get_values (entity, spec->name, NULL) == NULL)
        report (reader, 1, _("The field “%s” is missing"), spec->name);
    }
}

/*
 * _accord_format_parse:
 *
 * Reads one entity file. Everything wrong with it is appended to @problems
 * as an #AccordProblem naming the line; whatever could be read is kept, and
 * header lines that could not be read are kept verbatim so that writing the
 * entity back loses nothing. Returns %NULL only when the file cannot be
 * read at all (too large, not UTF-8, no header).
 */
AccordEntity *
_accord_format_parse (AccordEntityKind  kind,
                      const char       *id,
                      const char       *path,
                      const char       *data,
                      gsize             length,
                      GPtrArray        *problems)
{
  g_autoptr(AccordEntity) entity = NULL;
  g_autoptr(GString) text = g_string_sized_new (128);
  Reader reader = { path, problems, FALSE };
  const char *invalid = NULL;
  gsize offset;
  guint number;

  if (length > ACCORD_MAX_FILE_SIZE)
    {
      report (&reader, 1, _("The file is larger than 1 MiB"));
      return NULL;
    }

  /* Some editors start UTF-8 files with a byte order mark; it carries no
   * text, and is not written back. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      report (&reader, line_of_offset (data, invalid - data),
              _("The file is not valid UTF-8 text"));
      return NULL;
    }

  /* Header lines may end in CR LF, as some editors write them. */
  if (length >= 5 && strncmp (data, "---\r\n", 5) == 0)
    offset = 5;
  else if (length >= 4 && strncmp (data, "---\n", 4) == 0)
    offset = 4;
  else
    {
      report (&reader, 1, _("The file does not start with a “---” line"));
      return NULL;
    }

  entity = _accord_entity_new_with_id (kind, id);
  number = 2;

  for (;;)
    {
      const char *line = data + offset;
      const char *end = memchr (line, '\n', length - offset);
      gsize line_length = end != NULL ? (gsize) (end - line) : length - offset;

      if (offset >= length)
        {
          report (&reader, number - 1, _("The header has no closing “---” line"));
          break;
        }

      if (line_length > 0 && line[line_length - 1] == '\r')
        line_length--;

      g_string_truncate (text, 0);
      g_string_append_len (text, line, line_length);

      if (g_str_equal (text->str, "---"))
        {
          offset += (end != NULL ? (gsize) (end - line) : line_length) + 1;
          read_texts (&reader, entity, data + MIN (offset, length),
                      length - MIN (offset, length), number + 1);
          break;
        }

      if (text->len > 0)
        header_line (&reader, entity, text->str, number);

      if (end == NULL)
        {
          report (&reader, number, _("The header has no closing “---” line"));
          break;
        }

      offset += (gsize) (end - line) + 1;
      number++;
    }

  check_required (&reader, entity);
  _accord_entity_set_modified (entity, FALSE);

  return g_steal_pointer (&entity);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The language variants of @name that @entity has ("title@en", …), sorted. */
static GPtrArray *
variants_of (GPtrArray  *keys,
             const char *name)
{
  GPtrArray *variants = g_ptr_array_new ();
  gsize length = strlen (name);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (strncmp (key, name, length) == 0 && key[length] == '@')
        g_ptr_array_add (variants, (gpointer) key);
    }

  g_ptr_array_sort (variants, compare_keys);

  return variants;
}

static void
write_header_field (GString      *out,
                    AccordEntity *entity,
                    const char   *key,
                    gboolean     *first)
{
  const char * const *values = _accord_entity_get_values (entity, key, NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (!*first)
        g_string_append_c (out, '\n');
      *first = FALSE;

      g_string_append (out, key);
      g_string_append (out, ": ");
      escape_value (out, values[i]);
      g_string_append_c (out, '\n');
    }
}

static void
write_block (GString      *out,
             AccordEntity *entity,
             const char   *key,
             gboolean      marker)
{
  const char *value = accord_entity_get_field (entity, key);

  if (value == NULL)
    return;

  if (marker)
    g_string_append_printf (out, "::: %s\n", key);

  append_text (out, value);
}

/*
 * _accord_format_write:
 *
 * Returns: (transfer full): the bytes of @entity's file
 */
GBytes *
_accord_format_write (AccordEntity *entity)
{
  const AccordSchema *schema = _accord_entity_get_schema (entity);
  g_autoptr(GPtrArray) keys = _accord_entity_dup_keys (entity);
  GPtrArray *extra = _accord_entity_get_extra (entity);
  GString *out = g_string_sized_new (256);
  gboolean first = TRUE;

  g_string_append (out, "---\n");

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const AccordFieldSpec *spec = &schema->fields[i];
      g_autoptr(GPtrArray) variants = NULL;

      if (spec->style == ACCORD_FIELD_TEXT || spec->style == ACCORD_FIELD_BLOCK)
        continue;

      write_header_field (out, entity, spec->name, &first);

      variants = variants_of (keys, spec->name);
      for (guint j = 0; j < variants->len; j++)
        write_header_field (out, entity, g_ptr_array_index (variants, j), &first);
    }

  for (guint i = 0; extra != NULL && i < extra->len; i++)
    {
      if (!first)
        g_string_append_c (out, '\n');
      first = FALSE;
      g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (extra, i));
    }

  g_string_append (out, "---\n");

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const AccordFieldSpec *spec = &schema->fields[i];
      g_autoptr(GPtrArray) variants = NULL;

      if (spec->style != ACCORD_FIELD_TEXT && spec->style != ACCORD_FIELD_BLOCK)
        continue;

      write_block (out, entity, spec->name, spec->style == ACCORD_FIELD_BLOCK);

      variants = variants_of (keys, spec->name);
      for (guint j = 0; j < variants->len; j++)
        write_block (out, entity, g_ptr_array_index (variants, j), TRUE);
    }

  if (_accord_entity_get_extra_text (entity) != NULL)
    g_string_append (out, _accord_entity_get_extra_text (entity));

  return g_string_free_to_bytes (out);
}

/*
 * _accord_format_path_parse:
 *
 * Recognises the path of an entity file: "strategy.md" or "DIR/ID.md" with
 * DIR one of the kinds' folders and ID a valid id.
 */
gboolean
_accord_format_path_parse (const char        *path,
                           AccordEntityKind  *kind,
                           char             **id)
{
  const char *slash;

  if (g_str_equal (path, "strategy.md"))
    {
      *kind = ACCORD_ENTITY_STRATEGY;
      if (id != NULL)
        *id = g_strdup ("strategy");
      return TRUE;
    }

  slash = strchr (path, '/');
  if (slash == NULL || !g_str_has_suffix (slash, ".md"))
    return FALSE;

  for (guint i = ACCORD_ENTITY_SECTION; i < ACCORD_N_ENTITY_KINDS; i++)
    {
      const char *dir = accord_entity_kind_get_directory (i);
      g_autofree char *name = NULL;

      if (strncmp (path, dir, slash - path) != 0 || dir[slash - path] != '\0')
        continue;

      name = g_strndup (slash + 1, strlen (slash + 1) - 3);
      if (!accord_id_is_valid (name))
        return FALSE;

      *kind = i;
      if (id != NULL)
        *id = g_steal_pointer (&name);
      return TRUE;
    }

  return FALSE;
}
