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
#include "format-test-common.h"

/* The file format of one entity, and the problems found when reading a
 * strategy's files. */

typedef AccordTestFolder Fixture;

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

  g_test_add_func ("/accord/format/unknown-keys", test_unknown_keys_kept);

  g_test_add_func ("/accord/format/path-parse", test_path_parse);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/format/strategy/bad-files", test_strategy_bad_files);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/format/strategy/unknown-keys-written-back",
                                 test_strategy_unknown_keys_written_back);

  return g_test_run ();
}
