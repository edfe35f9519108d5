/* test-format.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-entity-private.h"
#include "accord-format-private.h"
#include "accord-test-util.h"

/* The file format of one entity, and the problems found when reading a
 * strategy's files. */

typedef AccordTestFolder Fixture;

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
}

/* Parses a copy of @data that ends exactly where the data does, with no
 * terminating NUL, so that the sanitizers catch any read past the end. */
static AccordEntity *
parse (AccordEntityKind  kind,
       const char       *id,
       const char       *path,
       const char       *data,
       gssize            length,
       GPtrArray        *problems)
{
  gsize size = length < 0 ? strlen (data) : (gsize) length;
  g_autofree char *copy = g_malloc (MAX (size, 1));

  memcpy (copy, data, size);

  return _accord_format_parse (kind, id, path, copy, size, problems);
}

static AccordEntity *
parse_bytes (AccordEntityKind  kind,
             const char       *id,
             GBytes           *bytes,
             GPtrArray        *problems)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return parse (kind, id, "test.md", data, size, problems);
}

static char *
escape_data (const char *data,
             gsize       size)
{
  g_autofree char *copy = g_strndup (data, size);

  return g_strescape (copy, NULL);
}

static void
assert_bytes_equal (GBytes     *bytes,
                    const char *expected,
                    gssize      length)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize expected_size = length < 0 ? strlen (expected) : (gsize) length;

  if (size != expected_size || memcmp (data, expected, size) != 0)
    {
      g_autofree char *a = escape_data (data, size);
      g_autofree char *b = escape_data (expected, expected_size);

      g_error ("The bytes differ:\n  got      “%s”\n  expected “%s”", a, b);
    }
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);

  return strstr (text, needle) != NULL;
}

/* Round trips */

static void
set_list (AccordEntity *entity,
          const char   *name,
          const char   *first,
          ...)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  const char *value;
  va_list args;

  va_start (args, first);
  for (value = first; value != NULL; value = va_arg (args, const char *))
    g_ptr_array_add (values, (gpointer) value);
  va_end (args);

  if (!accord_entity_set_list (entity, name, (const char * const *) values->pdata, &error))
    g_error ("Could not set %s: %s", name, error->message);
}

/* An entity of @kind with every field set; @text goes in every text and
 * @line in every free-text header field. */
static AccordEntity *
make_full_entity (AccordEntityKind  kind,
                  const char       *text,
                  const char       *line)
{
  g_autoptr(AccordEntity) entity = accord_entity_new (kind, NULL);
  g_autofree char *text_en = g_strconcat (text, "\n(English)", NULL);
  g_autofree char *line_en = g_strconcat (line, " (English)", NULL);

  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      accord_test_set (entity, "accord-format", "1");
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "title@zh-Hant", "战略");
      accord_test_set (entity, "subtitle", line);
      accord_test_set (entity, "subtitle@en", line_en);
      accord_test_set (entity, "language", "fr");
      accord_test_set (entity, "status", "consultation");
      accord_test_set (entity, "summary", text);
      accord_test_set (entity, "summary@en", text_en);
      break;

    case ACCORD_ENTITY_SECTION:
      accord_test_set (entity, "parent", "s-4k2m9q7xhd");
      accord_test_set (entity, "order", "a0i");
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "body", text);
      accord_test_set (entity, "body@en", text_en);
      accord_test_set (entity, "body@de", "Nur ein Satz.");
      break;

    case ACCORD_ENTITY_OBJECTIVE:
      accord_test_set (entity, "section", "s-4k2m9q7xhd");
      accord_test_set (entity, "order", "zzi1");
      accord_test_set (entity, "code", line);
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "status", "in-progress");
      accord_test_set (entity, "priority", "high");
      accord_test_set (entity, "lead", line);
      set_list (entity, "partner", "City", line, "Région Île-de-France", NULL);
      accord_test_set (entity, "due", "2028-02-29");
      set_list (entity, "indicator", "Rivers tested: 100 %", line, NULL);
      set_list (entity, "indicator@en", line_en, "Second", NULL);
      accord_test_set (entity, "description", text);
      accord_test_set (entity, "description@en", text_en);
      break;

    case ACCORD_ENTITY_ROUND:
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "status", "closed");
      accord_test_set (entity, "opens", "2026-01-05");
      accord_test_set (entity, "closes", "2026-03-01");
      set_list (entity, "extension", "2026-03-20 Requested by the regions", "2026-04-01", NULL);
      accord_test_set (entity, "platform", line);
      accord_test_set (entity, "url", "https://consultation.example.org/r/1?lang=fr#top");
      accord_test_set (entity, "description", text);
      accord_test_set (entity, "description@en", text_en);
      break;

    case ACCORD_ENTITY_PARTICIPANT:
      accord_test_set (entity, "name", line);
      accord_test_set (entity, "organisation", line_en);
      accord_test_set (entity, "kind", "civil-society");
      break;

    case ACCORD_ENTITY_COMMENT:
      accord_test_set (entity, "round", "r-1");
      accord_test_set (entity, "target", "strategy");
      accord_test_set (entity, "parent", "c-0");
      accord_test_set (entity, "author", "p-1");
      accord_test_set (entity, "created", "2026-03-01T09:30:00+01:00");
      accord_test_set (entity, "quote", line);
      accord_test_set (entity, "stance", "mixed");
      accord_test_set (entity, "votes-for", "0");
      accord_test_set (entity, "votes-mixed", "7");
      accord_test_set (entity, "votes-against", "120");
      accord_test_set (entity, "external-id", line);
      accord_test_set (entity, "url", "mailto:someone@example.org");
      accord_test_set (entity, "status", "partly-accepted");
      accord_test_set (entity, "addressed-in", "4f2c1a9");
      accord_test_set (entity, "body", text);
      accord_test_set (entity, "body@en", text_en);
      accord_test_set (entity, "answer", text);
      accord_test_set (entity, "answer@en", text_en);
      break;

    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&entity);
}

static const char * const tricky_texts[] = {
  "A plain line",
  "::: answer\nis not a block here",
  "::: body@en\n::: answer@en\n:::\n::: \n:::x",
  "\\::: already escaped once\n\\\\::: twice\n\\\\\\:::",
  "a line ending with a newline\n",
  "two newlines at the end\n\n",
  "\n\nempty lines first",
  "\n",
  "\n\n\n",
  "Windows\r\nline\r\nends\r\n",
  "a lone\rcarriage return\r",
  "\r",
  "Accents: é è ê ë à ç ñ ø å ß; emoji: 🚀 👩🏽‍💻 🇫🇷; CJK: 日本語",
  "Backslashes: \\ \\\\ \\n \\r C:\\path\\to\\file \\",
  "---\nnot the end of the header\n---",
  "trailing spaces   \n\ttabs\t\n   ",
  "key: value\n\ntitle: not a field",
  "# Heading\n\n- list\n- items\n\n> quote\n\n```\ncode ::: \n```\n",
};

static const char * const tricky_lines[] = {
  "Principes",
  "a line\nbreak and a\r\nWindows one",
  "back\\slash, \\n literal, \\\\ double",
  " leading and trailing spaces ",
  "colon: inside, and --- dashes",
  "---",
  "::: answer",
  "Émoji 🚀 and accents: Île-de-France",
  "\\",
  "ends with a backslash \\",
  "\n",
};

/* Writes @entity, reads it back and writes it again. A @complete entity
 * has every required field, so reading it finds nothing wrong. */
static void
check_round_trip (AccordEntity *entity,
                  gboolean      complete)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GBytes) bytes = _accord_format_write (entity);
  g_autoptr(AccordEntity) parsed = NULL;
  g_autoptr(GBytes) again = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  parsed = parse_bytes (accord_entity_get_kind (entity), accord_entity_get_id (entity),
                        bytes, problems);
  g_assert_nonnull (parsed);
  if (complete)
    accord_test_assert_no_problems (problems);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpuint (((AccordProblem *) g_ptr_array_index (problems, i))->line, ==, 1);
  g_assert_false (accord_entity_get_modified (parsed));

  if (!accord_entity_equal (entity, parsed))
    {
      g_auto(GStrv) names = accord_entity_dup_field_names (entity);
      g_autofree char *escaped = escape_data (data, size);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *a = g_strescape (accord_entity_get_field (entity, names[i]), NULL);
          const char *read = accord_entity_get_field (parsed, names[i]);
          g_autofree char *b = read != NULL ? g_strescape (read, NULL) : g_strdup ("(none)");

          if (!g_str_equal (a, b))
            g_test_message ("%s: wrote “%s”, read “%s”", names[i], a, b);
        }
      g_error ("Reading back gives other fields; the file was “%s”", escaped);
    }

  again = _accord_format_write (parsed);
  assert_bytes_equal (again, data, size);
}

static void
test_round_trip_every_kind (void)
{
  for (AccordEntityKind kind = ACCORD_ENTITY_STRATEGY; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      for (guint t = 0; t < G_N_ELEMENTS (tricky_texts); t++)
        {
          const char *line = tricky_lines[t % G_N_ELEMENTS (tricky_lines)];
          g_autoptr(AccordEntity) entity = make_full_entity (kind, tricky_texts[t], line);

          check_round_trip (entity, TRUE);
        }

      for (guint l = 0; l < G_N_ELEMENTS (tricky_lines); l++)
        {
          g_autoptr(AccordEntity) entity = make_full_entity (kind, "Text", tricky_lines[l]);

          check_round_trip (entity, TRUE);
        }
    }
}

static void
test_round_trip_minimal (void)
{
  /* Only what each kind requires, and no text at all. */
  for (AccordEntityKind kind = ACCORD_ENTITY_STRATEGY; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(AccordEntity) entity = accord_entity_new (kind, NULL);

      check_round_trip (entity, FALSE);
    }

  {
    g_autoptr(AccordEntity) comment = accord_entity_new (ACCORD_ENTITY_COMMENT, "c-1");
    g_autoptr(GBytes) bytes = NULL;

    /* An answer without a body. */
    accord_test_set (comment, "target", "s-1");
    accord_test_set (comment, "answer", "Only an answer");
    check_round_trip (comment, TRUE);

    bytes = _accord_format_write (comment);
    assert_bytes_equal (bytes, "---\ntarget: s-1\n---\n::: answer\nOnly an answer\n", -1);
  }
}

static void
test_layout (void)
{
  /* The example of the README, byte for byte. */
  static const char example[] =
    "---\n"
    "parent: s-7c1q0m2k4b\n"
    "\n"
    "order: k\n"
    "\n"
    "title: Principes\n"
    "\n"
    "title@en: Principles\n"
    "---\n"
    "La France défend un internet **ouvert**, libre et sûr.\n"
    "::: body@en\n"
    "France stands for an **open**, free and secure internet.\n";
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AccordEntity) section = NULL;
  g_autoptr(AccordEntity) built = accord_entity_new (ACCORD_ENTITY_SECTION, "s-1");
  g_autoptr(GBytes) bytes = NULL;

  section = parse (ACCORD_ENTITY_SECTION, "s-1", "sections/s-1.md", example, -1, problems);
  g_assert_nonnull (section);
  accord_test_assert_no_problems (problems);
  g_assert_cmpstr (accord_entity_get_field (section, "parent"), ==, "s-7c1q0m2k4b");
  g_assert_cmpstr (accord_entity_get_field (section, "title@en"), ==, "Principles");
  g_assert_cmpstr (accord_entity_get_field (section, "body"), ==,
                   "La France défend un internet **ouvert**, libre et sûr.");
  g_assert_cmpstr (accord_entity_get_field (section, "body@en"), ==,
                   "France stands for an **open**, free and secure internet.");

  bytes = _accord_format_write (section);
  assert_bytes_equal (bytes, example, -1);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Fields come in the schema's order, whatever order they were set in;
   * language variants follow their field, sorted. */
  accord_test_set (built, "title@fr", "Principes");
  accord_test_set (built, "body@en", "Text");
  accord_test_set (built, "title", "Principles");
  accord_test_set (built, "order", "k");
  accord_test_set (built, "title@de", "Grundsätze");
  accord_test_set (built, "body", "Texte");
  bytes = _accord_format_write (built);
  assert_bytes_equal (bytes,
                      "---\n"
                      "order: k\n"
                      "\n"
                      "title: Principles\n"
                      "\n"
                      "title@de: Grundsätze\n"
                      "\n"
                      "title@fr: Principes\n"
                      "---\n"
                      "Texte\n"
                      "::: body@en\n"
                      "Text\n", -1);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Escapes in header values and in texts. */
  accord_test_set (built, "title@de", NULL);
  accord_test_set (built, "title@fr", NULL);
  accord_test_set (built, "body@en", NULL);
  accord_test_set (built, "title", "two\nlines, a \\ and a \r");
  accord_test_set (built, "body", "::: answer\n\\:::\nend\n");
  bytes = _accord_format_write (built);
  assert_bytes_equal (bytes,
                      "---\n"
                      "order: k\n"
                      "\n"
                      "title: two\\nlines, a \\\\ and a \\r\n"
                      "---\n"
                      "\\::: answer\n"
                      "\\\\:::\n"
                      "end\n"
                      "\n", -1);

  /* Lists: one line per item, each its own paragraph. */
  {
    g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, "o-1");

    accord_test_set (objective, "section", "s-1");
    accord_test_set (objective, "order", "i");
    accord_test_set (objective, "title", "T");
    set_list (objective, "partner", "B", "A", NULL);
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = _accord_format_write (objective);
    assert_bytes_equal (bytes,
                        "---\n"
                        "section: s-1\n"
                        "\n"
                        "order: i\n"
                        "\n"
                        "title: T\n"
                        "\n"
                        "partner: B\n"
                        "\n"
                        "partner: A\n"
                        "---\n", -1);
  }
}

static void
test_language_variants (void)
{
  static const char file[] =
    "---\n"
    "target: s-1\n"
    "---\n"
    "Corps du commentaire\n"
    "::: body@en\n"
    "Comment body\n"
    "::: answer\n"
    "Réponse\n"
    "\n"
    "::: answer@en\n"
    "Answer\n"
    "::: answer@pt-BR\n"
    "Resposta\n";
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AccordEntity) comment = NULL;
  g_autoptr(GBytes) bytes = NULL;

  comment = parse (ACCORD_ENTITY_COMMENT, "c-1", "comments/c-1.md", file, -1, problems);
  g_assert_nonnull (comment);
  accord_test_assert_no_problems (problems);
  g_assert_cmpstr (accord_comment_get_body (ACCORD_COMMENT (comment)), ==, "Corps du commentaire");
  g_assert_cmpstr (accord_entity_get_field (comment, "body@en"), ==, "Comment body");
  g_assert_cmpstr (accord_comment_get_answer (ACCORD_COMMENT (comment)), ==, "Réponse\n");
  g_assert_cmpstr (accord_entity_get_field (comment, "answer@en"), ==, "Answer");
  g_assert_cmpstr (accord_entity_get_field (comment, "answer@pt-BR"), ==, "Resposta");

  bytes = _accord_format_write (comment);
  assert_bytes_equal (bytes, file, -1);

  /* Variants of fields that have none, or with a bad tag, are not fields. */
  {
    static const char bad[] =
      "---\n"
      "target@en: s-1\n"
      "\n"
      "target: s-2\n"
      "\n"
      "quote@EN: x\n"
      "---\n"
      "::: answer@english\n"
      "text\n";
    g_autoptr(AccordEntity) entity = NULL;
    g_autoptr(GBytes) written = NULL;

    g_ptr_array_set_size (problems, 0);
    entity = parse (ACCORD_ENTITY_COMMENT, "c-2", "comments/c-2.md", bad, -1, problems);
    g_assert_nonnull (entity);
    accord_test_assert_problem (problems, "comments/c-2.md", 2, "target@en");
    accord_test_assert_problem (problems, "comments/c-2.md", 6, "quote@EN");
    accord_test_assert_problem (problems, "comments/c-2.md", 8, "::: answer@english");
    g_assert_cmpstr (accord_entity_get_field (entity, "target"), ==, "s-2");
    g_assert_cmpstr (accord_entity_get_field (entity, "body"), ==, "::: answer@english\ntext");

    /* Nothing is lost when it is written again. */
    written = _accord_format_write (entity);
    g_assert_true (bytes_contain (written, "\ntarget@en: s-1\n"));
    g_assert_true (bytes_contain (written, "\nquote@EN: x\n"));
    g_assert_true (bytes_contain (written, "\n\\::: answer@english\ntext\n"));
  }
}

/* Broken and hostile files */

static AccordEntity *
parse_broken (AccordEntityKind   kind,
              const char        *data,
              gssize             length,
              GPtrArray        **problems)
{
  *problems = new_problems ();

  return parse (kind, "s-1", "sections/s-1.md", data, length, *problems);
}

/* Asserts that @data cannot be read as a section, for one problem, at
 * @line, that mentions @fragment (NULL: anything). */
static void
assert_unreadable (const char *data,
                   gssize      length,
                   guint       line,
                   const char *fragment)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AccordEntity) entity = parse_broken (ACCORD_ENTITY_SECTION, data, length, &problems);
  const AccordTestProblem expected = { "sections/s-1.md", line, fragment };

  g_assert_null (entity);
  accord_test_assert_problems (problems, &expected, 1);
}

static void
test_invalid_utf8 (void)
{
  /* In the header: the line of the bad byte is reported. */
  assert_unreadable ("---\norder: i\n\ntitle: caf\xe9\n---\nBody\n", -1, 4, "UTF-8");

  /* In the text, on line 8. */
  assert_unreadable ("---\norder: i\n\ntitle: T\n---\nOne\n\nTh\xc3\x28ree\n", -1, 8, "UTF-8");

  /* A truncated multi-byte character at the very end. */
  assert_unreadable ("---\norder: i\n\ntitle: T\n---\n\xf0\x9f\x9a", -1, 6, "UTF-8");

  /* Overlong encodings and surrogates are not UTF-8 either. */
  assert_unreadable ("---\norder: i\n\ntitle: \xc0\xaf\n---\n", -1, 4, "UTF-8");
  assert_unreadable ("---\n\xed\xa0\x80: x\n---\n", -1, 2, "UTF-8");
}

static void
test_nul_byte (void)
{
  static const char data[] = "---\norder: i\n\ntitle: A\0B\n---\nText\n";
  static const char in_text[] = "---\norder: i\n\ntitle: AB\n---\nText\n\0\n";

  assert_unreadable (data, sizeof data - 1, 4, NULL);
  assert_unreadable (in_text, sizeof in_text - 1, 7, NULL);
}

static void
test_truncated (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AccordEntity) entity = NULL;

  /* The header never closes: what was read is kept. */
  entity = parse_broken (ACCORD_ENTITY_SECTION, "---\norder: i\n\ntitle: Kept\n", -1, &problems);
  g_assert_nonnull (entity);
  accord_test_assert_problem (problems, "sections/s-1.md", 4, "---");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (accord_entity_get_field (entity, "title"), ==, "Kept");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&entity);

  /* …also when the last line has no newline. */
  entity = parse_broken (ACCORD_ENTITY_SECTION, "---\norder: i\n\ntitle: Kept", -1, &problems);
  g_assert_nonnull (entity);
  accord_test_assert_problem (problems, "sections/s-1.md", 4, "---");
  g_assert_cmpstr (accord_entity_get_field (entity, "title"), ==, "Kept");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&entity);

  /* A header of one line. */
  entity = parse_broken (ACCORD_ENTITY_SECTION, "---\n", -1, &problems);
  g_assert_nonnull (entity);
  accord_test_assert_problem (problems, "sections/s-1.md", 1, "---");
  accord_test_assert_problem (problems, "sections/s-1.md", 1, "order");
  accord_test_assert_problem (problems, "sections/s-1.md", 1, "title");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&entity);

  /* Every prefix of a valid file is read without harm. */
  {
    g_autoptr(AccordEntity) full = make_full_entity (ACCORD_ENTITY_COMMENT,
                                                     "Body\n::: answer\nAnswer é",
                                                     "Line 🚀");
    g_autoptr(GBytes) bytes = _accord_format_write (full);
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);

    for (gsize length = 0; length <= size; length++)
      {
        g_autoptr(GPtrArray) some = new_problems ();
        g_autoptr(AccordEntity) part = parse (ACCORD_ENTITY_COMMENT, "c-1", "comments/c-1.md",
                                              data, length, some);

        for (guint i = 0; i < some->len; i++)
          {
            AccordProblem *problem = g_ptr_array_index (some, i);

            g_assert_cmpstr (problem->path, ==, "comments/c-1.md");
            g_assert_cmpuint (problem->line, >=, 1);
            g_assert_cmpuint (problem->line, <=, 60);
          }
      }
  }
}

static void
test_missing_start (void)
{
  static const char * const files[] = {
    "",
    "-",
    "---",
    "--\norder: i\n---\n",
    "order: i\n\ntitle: T\n---\n",
    " ---\norder: i\n---\n",
    "----\norder: i\n---\n",
    "\n---\norder: i\n---\n",
    "\xef\xbb\xbf\xef\xbb\xbf---\norder: i\n---\n",
    "# Just Markdown\n\nNo header at all.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    assert_unreadable (files[i], -1, 1, "---");
}

/* A byte order mark, as some editors write, is skipped. */
static void
test_byte_order_mark (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AccordEntity) entity = NULL;
  g_autoptr(GBytes) written = NULL;

  entity = parse_broken (ACCORD_ENTITY_SECTION,
                         "\xef\xbb\xbf---\norder: i\n\ntitle: T\n---\nBody\n", -1, &problems);
  g_assert_nonnull (entity);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (accord_entity_get_field (entity, "title"), ==, "T");
  g_assert_cmpstr (accord_entity_get_field (entity, "body"), ==, "Body");

  written = _accord_format_write (entity);
  g_assert_cmpstr (g_bytes_get_data (written, NULL), ==, "---\norder: i\n\ntitle: T\n---\nBody\n");
}

static void
test_crlf_file (void)
{
  static const char file[] =
    "---\r\n"
    "order: i\r\n"
    "\r\n"
    "title: Windows\r\n"
    "---\r\n"
    "Body\r\n"
    "Second line\r\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AccordEntity) entity = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AccordEntity) again = NULL;

  /* A file whose lines all end in CR LF, as some editors save them. */
  entity = parse_broken (ACCORD_ENTITY_SECTION, file, -1, &problems);
  g_assert_nonnull (entity);
  accord_test_assert_no_problems (problems);
  g_assert_cmpstr (accord_entity_get_field (entity, "order"), ==, "i");
  g_assert_cmpstr (accord_entity_get_field (entity, "title"), ==, "Windows");
  /* The text is kept as it is. */
  g_assert_cmpstr (accord_entity_get_field (entity, "body"), ==, "Body\r\nSecond line\r");

  bytes = _accord_format_write (entity);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = new_problems ();
  again = parse_bytes (ACCORD_ENTITY_SECTION, "s-1", bytes, problems);
  accord_test_assert_no_problems (problems);
  g_assert_true (accord_entity_equal (entity, again));
}

static void
test_unknown_keys_kept (void)
{
  static const AccordTestProblem expected[] = {
    { "sections/s-1.md", 4, "colour" },
    { "sections/s-1.md", 8, "Title" },
    { "sections/s-1.md", 10, "no colon on this line" },
    { "sections/s-1.md", 12, "body" },
    { "sections/s-1.md", 14, "x-tool_data" },
  };
  static const char file[] =
    "---\n"
    "order: i\n"
    "\n"
    "colour: blue\n"
    "\n"
    "title: T\n"
    "\n"
    "Title: Capital\n"
    "\n"
    "no colon on this line\n"
    "\n"
    "body: in the header\n"
    "\n"
    "x-tool_data: {\"a\": 1}\n"
    "---\n"
    "Text\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AccordEntity) entity = NULL;
  g_autoptr(AccordEntity) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;

  entity = parse_broken (ACCORD_ENTITY_SECTION, file, -1, &problems);
  g_assert_nonnull (entity);
  accord_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));

  g_assert_cmpstr (accord_entity_get_field (entity, "title"), ==, "T");
  g_assert_cmpstr (accord_entity_get_field (entity, "body"), ==, "Text");
  g_assert_cmpuint (_accord_entity_get_extra (entity)->len, ==, 5);

  /* Written back, every unreadable line is still there, verbatim. */
  accord_test_set (entity, "title", "Changed");
  bytes = _accord_format_write (entity);
  g_assert_true (bytes_contain (bytes, "\ncolour: blue\n"));
  g_assert_true (bytes_contain (bytes, "\nTitle: Capital\n"));
  g_assert_true (bytes_contain (bytes, "\nno colon on this line\n"));
  g_assert_true (bytes_contain (bytes, "\nbody: in the header\n"));
  g_assert_true (bytes_contain (bytes, "\nx-tool_data: {\"a\": 1}\n"));
  g_assert_true (bytes_contain (bytes, "\ntitle: Changed\n"));

  /* …and reading that again is stable. */
  g_ptr_array_set_size (problems, 0);
  again = parse_bytes (ACCORD_ENTITY_SECTION, "s-1", bytes, problems);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_true (accord_entity_equal (entity, again));
  bytes_again = _accord_format_write (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

static void
test_duplicate_key (void)
{
  static const char file[] =
    "---\n"
    "order: i\n"
    "\n"
    "title: First\n"
    "\n"
    "title: Second\n"
    "\n"
    "order: j\n"
    "---\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AccordEntity) entity = NULL;
  g_autoptr(GBytes) bytes = NULL;

  entity = parse_broken (ACCORD_ENTITY_SECTION, file, -1, &problems);
  g_assert_nonnull (entity);
  accord_test_assert_problem (problems, "sections/s-1.md", 6, "title");
  accord_test_assert_problem (problems, "sections/s-1.md", 8, "order");
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (accord_entity_get_field (entity, "title"), ==, "First");
  g_assert_cmpstr (accord_entity_get_field (entity, "order"), ==, "i");

  bytes = _accord_format_write (entity);
  g_assert_true (bytes_contain (bytes, "\ntitle: Second\n"));
  g_assert_true (bytes_contain (bytes, "\norder: j\n"));

  /* A list field may repeat; a block may not. */
  {
    static const char list[] =
      "---\n"
      "section: s-1\n"
      "\n"
      "order: i\n"
      "\n"
      "title: T\n"
      "\n"
      "partner: A\n"
      "\n"
      "partner: B\n"
      "---\n";
    static const char blocks[] =
      "---\n"
      "target: s-1\n"
      "---\n"
      "::: answer\n"
      "One\n"
      "::: answer\n"
      "Two\n";
    const char * const expected[] = { "A", "B", NULL };
    g_autoptr(AccordEntity) objective = NULL;
    g_autoptr(AccordEntity) comment = NULL;

    g_ptr_array_set_size (problems, 0);
    objective = parse (ACCORD_ENTITY_OBJECTIVE, "o-1", "objectives/o-1.md", list, -1, problems);
    accord_test_assert_no_problems (problems);
    g_assert_cmpstrv (accord_entity_get_list (objective, "partner"), expected);

    comment = parse (ACCORD_ENTITY_COMMENT, "c-1", "comments/c-1.md", blocks, -1, problems);
    g_assert_nonnull (comment);
    accord_test_assert_problem (problems, "comments/c-1.md", 6, "answer");
    g_assert_cmpstr (accord_entity_get_field (comment, "answer"), ==, "One");
  }
}

static void
test_invalid_values (void)
{
  static const char file[] =
    "---\n"
    "section: ../../etc\n"
    "\n"
    "order: A0\n"
    "\n"
    "title: T\n"
    "\n"
    "status: done\n"
    "\n"
    "due: 2026-02-30\n"
    "\n"
    "lead: bad \\escape\n"
    "\n"
    "priority:\n"
    "---\n";
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AccordEntity) objective = NULL;
  g_autoptr(GBytes) bytes = NULL;

  objective = parse (ACCORD_ENTITY_OBJECTIVE, "o-1", "objectives/o-1.md", file, -1, problems);
  g_assert_nonnull (objective);
  accord_test_assert_problem (problems, "objectives/o-1.md", 2, "section");
  accord_test_assert_problem (problems, "objectives/o-1.md", 4, "order");
  accord_test_assert_problem (problems, "objectives/o-1.md", 8, "status");
  accord_test_assert_problem (problems, "objectives/o-1.md", 10, "due");
  accord_test_assert_problem (problems, "objectives/o-1.md", 12, "lead");
  /* The required fields whose values were refused are missing. */
  accord_test_assert_problem (problems, "objectives/o-1.md", 1, "section");
  accord_test_assert_problem (problems, "objectives/o-1.md", 1, "order");

  g_assert_null (accord_entity_get_field (objective, "section"));
  g_assert_null (accord_entity_get_field (objective, "due"));
  g_assert_null (accord_entity_get_field (objective, "status"));
  g_assert_null (accord_entity_get_field (objective, "priority"));
  /* A stray backslash is kept as it is. */
  g_assert_cmpstr (accord_entity_get_field (objective, "lead"), ==, "bad \\escape");

  /* The refused lines are kept for writing back. */
  bytes = _accord_format_write (objective);
  g_assert_true (bytes_contain (bytes, "\nsection: ../../etc\n"));
  g_assert_true (bytes_contain (bytes, "\ndue: 2026-02-30\n"));
  g_assert_true (bytes_contain (bytes, "\nstatus: done\n"));
}

static void
test_too_large (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AccordEntity) entity = NULL;
  g_autoptr(GString) file = g_string_new ("---\norder: i\n\ntitle: ");
  gsize header;

  /* A value of more than 1 MiB makes the file too large. */
  header = file->len;
  for (gsize i = 0; i < 1024 * 1024 + 1; i++)
    g_string_append_c (file, 'a');
  g_string_append (file, "\n---\n");

  entity = parse_broken (ACCORD_ENTITY_SECTION, file->str, file->len, &problems);
  g_assert_null (entity);
  accord_test_assert_problem (problems, "sections/s-1.md", 1, "1 MiB");
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Exactly 1 MiB is still read. */
  g_string_truncate (file, header);
  while (file->len < 1024 * 1024 - strlen ("\n---\n"))
    g_string_append_c (file, 'b');
  g_string_append (file, "\n---\n");
  g_assert_cmpuint (file->len, ==, 1024 * 1024);

  entity = parse_broken (ACCORD_ENTITY_SECTION, file->str, file->len, &problems);
  g_assert_nonnull (entity);
  accord_test_assert_no_problems (problems);
  g_assert_cmpuint (strlen (accord_entity_get_field (entity, "title")), ==,
                    1024 * 1024 - strlen ("---\norder: i\n\ntitle: \n---\n"));
}

static void
test_required_missing (void)
{
  static const struct {
    AccordEntityKind  kind;
    const char       *field;
  } required[] = {
    { ACCORD_ENTITY_STRATEGY, "accord-format" },
    { ACCORD_ENTITY_STRATEGY, "title" },
    { ACCORD_ENTITY_STRATEGY, "language" },
    { ACCORD_ENTITY_SECTION, "order" },
    { ACCORD_ENTITY_SECTION, "title" },
    { ACCORD_ENTITY_OBJECTIVE, "section" },
    { ACCORD_ENTITY_OBJECTIVE, "order" },
    { ACCORD_ENTITY_OBJECTIVE, "title" },
    { ACCORD_ENTITY_ROUND, "title" },
    { ACCORD_ENTITY_PARTICIPANT, "name" },
    { ACCORD_ENTITY_COMMENT, "target" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(AccordEntity) full = make_full_entity (required[i].kind, "Text", "Line");
      g_autoptr(AccordEntity) parsed = NULL;
      g_autoptr(GBytes) bytes = NULL;

      accord_test_set (full, required[i].field, NULL);
      bytes = _accord_format_write (full);
      parsed = parse (required[i].kind, accord_entity_get_id (full), "file.md",
                      g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), problems);
      g_assert_nonnull (parsed);
      accord_test_assert_problem (problems, "file.md", 1, required[i].field);
      g_assert_cmpuint (problems->len, ==, 1);
    }
}

static void
test_text_problems (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AccordEntity) section = NULL;
  g_autoptr(AccordEntity) participant = NULL;
  g_autoptr(AccordEntity) comment = NULL;

  /* A block a section cannot have stays in its text. */
  section = parse (ACCORD_ENTITY_SECTION, "s-1", "sections/s-1.md",
                   "---\norder: i\n\ntitle: T\n---\nOne\n::: answer\nTwo\n::: body\n:::", -1,
                   problems);
  g_assert_nonnull (section);
  accord_test_assert_problem (problems, "sections/s-1.md", 7, "::: answer");
  accord_test_assert_problem (problems, "sections/s-1.md", 9, "::: body");
  accord_test_assert_problem (problems, "sections/s-1.md", 10, ":::");
  g_assert_cmpstr (accord_section_get_body (ACCORD_SECTION (section)), ==,
                   "One\n::: answer\nTwo\n::: body\n:::");
  g_ptr_array_set_size (problems, 0);

  /* A participant has no text. */
  participant = parse (ACCORD_ENTITY_PARTICIPANT, "p-1", "participants/p-1.md",
                       "---\nname: N\n---\n\nSome text\n", -1, problems);
  g_assert_nonnull (participant);
  accord_test_assert_problem (problems, "participants/p-1.md", 4, "text");
  g_ptr_array_set_size (problems, 0);

  /* Short lines at the very end of the data. */
  comment = parse (ACCORD_ENTITY_COMMENT, "c-1", "comments/c-1.md",
                   "---\ntarget: s-1\n---\n::", -1, problems);
  g_assert_nonnull (comment);
  accord_test_assert_no_problems (problems);
  g_assert_cmpstr (accord_comment_get_body (ACCORD_COMMENT (comment)), ==, "::");
}

static void
test_fuzz (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  static const char * const pieces[] = {
    "---\n", "\n", "\r\n", ":::", "::: answer\n", "::: body@en\n", "\\", "title: ", "order: i\n",
    "target: s-1\n", "\xff", "\xc3", "\0", "é", "🚀", "@", ": ", "\r",
  };

  for (AccordEntityKind kind = ACCORD_ENTITY_STRATEGY; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(AccordEntity) full = make_full_entity (kind, "Text\n::: x\n\\:::", "Line\\n");
      g_autoptr(GBytes) bytes = _accord_format_write (full);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      for (guint round = 0; round < 300; round++)
        {
          g_autoptr(GPtrArray) problems = new_problems ();
          g_autoptr(GByteArray) mutated = g_byte_array_new ();
          g_autoptr(AccordEntity) parsed = NULL;
          guint edits = g_rand_int_range (rand, 1, 6);

          g_byte_array_append (mutated, (const guint8 *) data, size);

          for (guint e = 0; e < edits; e++)
            {
              guint position = mutated->len > 0 ? g_rand_int_range (rand, 0, mutated->len) : 0;

              switch (g_rand_int_range (rand, 0, 4))
                {
                case 0:
                  if (mutated->len > 0)
                    mutated->data[position] = g_rand_int_range (rand, 0, 256);
                  break;

                case 1:
                  {
                    guint count = g_rand_int_range (rand, 1, 20);

                    g_byte_array_remove_range (mutated, position,
                                               MIN (mutated->len - position, count));
                  }
                  break;

                case 2:
                  {
                    const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

                    /* The empty piece stands for a NUL byte. */
                    g_array_insert_vals ((GArray *) mutated, position, piece,
                                         MAX (strlen (piece), 1));
                  }
                  break;

                default:
                  g_byte_array_set_size (mutated, position);
                  break;
                }
            }

          parsed = parse (kind, accord_entity_get_id (full), "fuzz.md",
                          (const char *) mutated->data, mutated->len, problems);

          for (guint i = 0; i < problems->len; i++)
            {
              AccordProblem *problem = g_ptr_array_index (problems, i);

              g_assert_cmpstr (problem->path, ==, "fuzz.md");
              g_assert_cmpuint (problem->line, >=, 1);
              g_assert_cmpuint (problem->line, <=, mutated->len + 1);
              g_assert_true (g_utf8_validate (problem->message, -1, NULL));
            }

          /* Whatever was read is written and read again the same way. */
          if (parsed != NULL)
            {
              g_autoptr(GBytes) written = _accord_format_write (parsed);
              g_autoptr(GPtrArray) more = new_problems ();
              g_autoptr(AccordEntity) reread = parse_bytes (kind, accord_entity_get_id (full),
                                                            written, more);
              g_autoptr(GBytes) rewritten = NULL;

              g_assert_nonnull (reread);
              rewritten = _accord_format_write (reread);
              if (!g_bytes_equal (written, rewritten))
                {
                  g_autofree char *a = escape_data (g_bytes_get_data (written, NULL),
                                                    g_bytes_get_size (written));
                  g_autofree char *b = escape_data (g_bytes_get_data (rewritten, NULL),
                                                    g_bytes_get_size (rewritten));

                  g_error ("Writing is not stable:\n“%s”\n“%s”", a, b);
                }
            }
        }
    }
}

static void
test_path_parse (void)
{
  static const struct {
    const char       *path;
    gboolean          valid;
    AccordEntityKind  kind;
    const char       *id;
  } paths[] = {
    { "strategy.md", TRUE, ACCORD_ENTITY_STRATEGY, "strategy" },
    { "sections/s-1.md", TRUE, ACCORD_ENTITY_SECTION, "s-1" },
    { "objectives/o-4k2m9q7xhd.md", TRUE, ACCORD_ENTITY_OBJECTIVE, "o-4k2m9q7xhd" },
    { "rounds/r-1.md", TRUE, ACCORD_ENTITY_ROUND, "r-1" },
    { "participants/p-1.md", TRUE, ACCORD_ENTITY_PARTICIPANT, "p-1" },
    { "comments/c-1.md", TRUE, ACCORD_ENTITY_COMMENT, "c-1" },
    { "sections/...md", FALSE, 0, NULL },
    { "sections/..md", FALSE, 0, NULL },
    { "sections/a..b.md", FALSE, 0, NULL },
    { "sections/Intro.md", FALSE, 0, NULL },
    { "sections/INTRO.md", FALSE, 0, NULL },
    { "sections/.md", FALSE, 0, NULL },
    { "sections/a/b.md", FALSE, 0, NULL },
    { "sections/../strategy.md", FALSE, 0, NULL },
    { "sections/s-1.md.md", FALSE, 0, NULL },
    { "sections/s-1.txt", FALSE, 0, NULL },
    { "sections/s 1.md", FALSE, 0, NULL },
    { "sections/-s.md", FALSE, 0, NULL },
    { "sectionsx/s-1.md", FALSE, 0, NULL },
    { "section/s-1.md", FALSE, 0, NULL },
    { "notes/s-1.md", FALSE, 0, NULL },
    { "s-1.md", FALSE, 0, NULL },
    { "Strategy.md", FALSE, 0, NULL },
    { "/sections/s-1.md", FALSE, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      AccordEntityKind kind = ACCORD_N_ENTITY_KINDS;
      g_autofree char *id = NULL;

      g_test_message ("%s", paths[i].path);
      g_assert_cmpint (_accord_format_path_parse (paths[i].path, &kind, &id), ==, paths[i].valid);
      if (paths[i].valid)
        {
          g_assert_cmpint (kind, ==, paths[i].kind);
          g_assert_cmpstr (id, ==, paths[i].id);
        }
    }
}

/* Problems of a whole strategy, read from a work tree */

static void
test_strategy_bad_files (Fixture       *fixture,
                         gconstpointer  data)
{
  static const AccordTestProblem expected[] = {
    { "sections/Intro.md", 1, NULL },
    { "sections/...md", 1, NULL },
    { "sections/a..b.md", 1, NULL },
    { "sections/s-huge.md", 1, "1 MiB" },
    { "sections/s-nul.md", 4, NULL },
    { "sections/s-latin1.md", 7, "UTF-8" },
    { "sections/s-open.md", 4, "---" },
    { "sections/s-extra.md", 6, "who" },
    { "sections/s-link.md", 1, NULL },
  };
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autofree char *huge = g_strnfill (2 * 1024 * 1024, 'x');
  g_autofree char *link = g_build_filename (fixture->path, "sections", "s-link.md", NULL);
  static const char nul[] = "---\norder: i\n\ntitle: N\0L\n---\n";
  GPtrArray *problems;

  accord_test_write_files (fixture->path,
                           "sections/s-ok.md", "---\norder: i\n\ntitle: OK\n---\n",
                           "sections/Intro.md", "---\norder: i\n\ntitle: Capital\n---\n",
                           "sections/...md", "---\norder: i\n\ntitle: Dots\n---\n",
                           "sections/a..b.md", "---\norder: i\n\ntitle: Dots\n---\n",
                           "sections/s-huge.md", huge,
                           NULL);
  accord_test_write_file (fixture->path, "sections/s-nul.md", nul, sizeof nul - 1);
  accord_test_write_files (fixture->path,
                           "sections/s-latin1.md", "---\norder: i\n\ntitle: T\n---\n\nCaf\xe9\n",
                           "sections/s-open.md", "---\norder: j\n\ntitle: Open\n",
                           "sections/s-extra.md", "---\norder: k\n\ntitle: Extra\n\nwho: me\n---\n",
                           NULL);
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);

  strategy = accord_test_load (fixture->repository);
  problems = accord_strategy_get_problems (strategy);
  accord_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));

  /* The readable files are there. */
  g_assert_nonnull (accord_strategy_lookup (strategy, "s-ok"));
  g_assert_nonnull (accord_strategy_lookup (strategy, "s-open"));
  g_assert_nonnull (accord_strategy_lookup (strategy, "s-extra"));
  g_assert_null (accord_strategy_lookup (strategy, "s-huge"));
  g_assert_null (accord_strategy_lookup (strategy, "s-link"));
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), ==, 3);
  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, "Stratégie");
}

static void
test_strategy_unknown_keys_written_back (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordStrategy) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *strategy_md = g_build_filename (fixture->path, "strategy.md", NULL);
  g_autofree char *section_md = g_build_filename (fixture->path, "sections", "s-1.md", NULL);
  g_autofree char *contents = NULL;
  AccordEntity *section;
  GPtrArray *problems;

  accord_test_write_file (fixture->path, "strategy.md",
                          "---\naccord-format: 1\n\ntitle: T\n\nlanguage: fr\n\n"
                          "sponsor: Ministry\n---\nSummary\n", -1);
  accord_test_write_file (fixture->path, "sections/s-1.md",
                          "---\norder: i\n\ntitle: Old\n\nreviewed-by: Ana\n---\nBody\n", -1);

  strategy = accord_test_load (fixture->repository);
  problems = accord_strategy_get_problems (strategy);
  accord_test_assert_problem (problems, "strategy.md", 8, "sponsor");
  accord_test_assert_problem (problems, "sections/s-1.md", 6, "reviewed-by");

  section = accord_strategy_lookup (strategy, "s-1");
  accord_test_set (section, "title", "New");
  accord_test_set (ACCORD_ENTITY (strategy), "title", "T2");
  g_assert_true (accord_repository_write (fixture->repository, strategy, &error));
  g_assert_no_error (error);

  g_file_get_contents (section_md, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "---\norder: i\n\ntitle: New\n\nreviewed-by: Ana\n---\nBody\n");
  g_clear_pointer (&contents, g_free);

  g_file_get_contents (strategy_md, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==,
                   "---\naccord-format: 1\n\ntitle: T2\n\nlanguage: fr\n\n"
                   "sponsor: Ministry\n---\nSummary\n");

  reloaded = accord_test_load (fixture->repository);
  g_assert_cmpuint (accord_strategy_get_problems (reloaded)->len, ==, 2);
  g_assert_cmpstr (accord_strategy_get_title (reloaded), ==, "T2");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/format/round-trip", test_round_trip_every_kind);
  g_test_add_func ("/accord/format/round-trip-minimal", test_round_trip_minimal);
  g_test_add_func ("/accord/format/layout", test_layout);
  g_test_add_func ("/accord/format/language-variants", test_language_variants);
  g_test_add_func ("/accord/format/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/accord/format/nul-byte", test_nul_byte);
  g_test_add_func ("/accord/format/truncated", test_truncated);
  g_test_add_func ("/accord/format/missing-start", test_missing_start);
  g_test_add_func ("/accord/format/crlf-file", test_crlf_file);
  g_test_add_func ("/accord/format/unknown-keys", test_unknown_keys_kept);
  g_test_add_func ("/accord/format/duplicate-key", test_duplicate_key);
  g_test_add_func ("/accord/format/invalid-values", test_invalid_values);
  g_test_add_func ("/accord/format/too-large", test_too_large);
  g_test_add_func ("/accord/format/required-missing", test_required_missing);
  g_test_add_func ("/accord/format/text-problems", test_text_problems);
  g_test_add_func ("/accord/format/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/accord/format/fuzz", test_fuzz);
  g_test_add_func ("/accord/format/path-parse", test_path_parse);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/format/strategy/bad-files", test_strategy_bad_files);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/format/strategy/unknown-keys-written-back",
                                 test_strategy_unknown_keys_written_back);

  return g_test_run ();
}
