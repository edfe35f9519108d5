/* test-format-errors.c
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
#include "format-test-common.h"

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/format/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/accord/format/nul-byte", test_nul_byte);
  g_test_add_func ("/accord/format/truncated", test_truncated);
  g_test_add_func ("/accord/format/missing-start", test_missing_start);
  g_test_add_func ("/accord/format/crlf-file", test_crlf_file);

  g_test_add_func ("/accord/format/duplicate-key", test_duplicate_key);
  g_test_add_func ("/accord/format/invalid-values", test_invalid_values);
  g_test_add_func ("/accord/format/too-large", test_too_large);
  g_test_add_func ("/accord/format/required-missing", test_required_missing);
  g_test_add_func ("/accord/format/text-problems", test_text_problems);
  g_test_add_func ("/accord/format/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/accord/format/fuzz", test_fuzz);

  return g_test_run ();
}
