/* test-schema.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord.h"
#include "accord-schema-private.h"
#include "accord-test-util.h"

/* The fields of each kind of entity: their names and order, the values
 * they accept, which are required, and what happens to keys that are no
 * field. The README's "strategy format" section describes the same tables
 * for people; a test holds them to each other. */

typedef AccordTestFolder Fixture;

static GPtrArray *
load_problems (Fixture         *fixture,
               AccordStrategy **strategy)
{
  *strategy = accord_test_load (fixture->repository);

  return accord_strategy_get_problems (*strategy);
}

/* The kinds, their names and folders. */
static void
test_schema_kinds (void)
{
  static const char * const names[] = {
    "strategy", "section", "objective", "round", "participant", "comment",
  };

  for (AccordEntityKind kind = 0; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      const AccordSchema *schema = _accord_schema_get (kind);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *directory = g_strconcat (names[kind], "s", NULL);
      AccordEntityKind parsed;

      g_assert_cmpint (schema->kind, ==, kind);
      g_assert_cmpstr (schema->name, ==, names[kind]);
      g_assert_cmpstr (schema->name, ==, accord_entity_kind_to_string (kind));
      g_assert_true (accord_entity_kind_from_string (schema->name, &parsed));
      g_assert_cmpint (parsed, ==, kind);
      g_assert_cmpstr (schema->directory, ==, accord_entity_kind_get_directory (kind));
      if (kind == ACCORD_ENTITY_STRATEGY)
        g_assert_null (schema->directory);
      else
        g_assert_cmpstr (schema->directory, ==, directory);
      g_assert_cmpuint (schema->n_fields, >, 0);

      /* Names are unique; texts and blocks come after the header. */
      for (guint i = 0; i < schema->n_fields; i++)
        {
          const AccordFieldSpec *spec = &schema->fields[i];

          g_assert_true (g_hash_table_add (seen, (gpointer) spec->name));
          g_assert_true (accord_entity_kind_has_field (kind, spec->name));
          if (i > 0 && schema->fields[i - 1].style >= ACCORD_FIELD_TEXT)
            g_assert_cmpint (spec->style, >=, ACCORD_FIELD_TEXT);
          g_assert_true ((spec->type == ACCORD_VALUE_ENUM) == (spec->choices != NULL));
        }
    }

  {
    AccordEntityKind kind;

    g_assert_false (accord_entity_kind_from_string ("sections", &kind));
    g_assert_false (accord_entity_kind_from_string ("", &kind));
  }
}

/* One field of a row of the README's table, such as "**section**" or
 * "status (planned, in-progress)". */
static void
check_readme_field (const AccordFieldSpec *spec,
                    const char            *text,
                    AccordFieldStyle       style)
{
  g_autofree char *name = NULL;
  const char *open = strstr (text, " (");
  gboolean bold = g_str_has_prefix (text, "**");

  name = g_strndup (text, open != NULL ? (gsize) (open - text) : strlen (text));
  if (bold)
    {
      g_assert_true (g_str_has_suffix (name, "**"));
      name[strlen (name) - 2] = '\0';
    }

  g_test_message ("README: %s", text);
  g_assert_cmpstr (bold ? name + 2 : name, ==, spec->name);
  g_assert_cmpint (bold, ==, spec->required);
  if (style == ACCORD_FIELD_LINE)
    g_assert_true (spec->style == ACCORD_FIELD_LINE || spec->style == ACCORD_FIELD_LIST);
  else
    g_assert_cmpint (spec->style, ==, style);

  if (spec->style == ACCORD_FIELD_LIST)
    g_assert_true (open != NULL && g_str_has_prefix (open, " (repeated"));

  if (spec->type == ACCORD_VALUE_ENUM)
    {
      g_autofree char *choices = g_strndup (open + 2, strlen (open) - 3);
      g_autofree char *expected = g_strjoinv (", ", (char **) spec->choices);

      g_assert_true (g_str_has_suffix (open, ")"));
      g_assert_cmpstr (choices, ==, expected);
    }
}

/* Splits a list of fields at the commas outside parentheses. */
static GPtrArray *
split_fields (const char *list)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *start = list;
  int depth = 0;

  for (const char *p = list; ; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      else if ((*p == ',' && depth == 0) || *p == '\0')
        {
          g_ptr_array_add (fields, g_strstrip (g_strndup (start, p - start)));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }

  return fields;
}

/* Checks a row of the table, "| kind | fields; text: …; block: … |",
 * against the kind's schema. */
static void
check_readme_row (const char *row)
{
  g_auto(GStrv) cells = g_strsplit (row, "|", -1);
  g_auto(GStrv) parts = NULL;
  const AccordSchema *schema;
  AccordEntityKind kind;
  guint next = 0;

  g_assert_cmpuint (g_strv_length (cells), ==, 4);
  g_assert_true (accord_entity_kind_from_string (g_strstrip (cells[1]), &kind));
  schema = _accord_schema_get (kind);

  parts = g_strsplit (g_strstrip (cells[2]), "; ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      AccordFieldStyle style = ACCORD_FIELD_LINE;
      const char *list = parts[i];
      g_autoptr(GPtrArray) fields = NULL;

      if (g_str_has_prefix (list, "text: "))
        style = ACCORD_FIELD_TEXT, list += strlen ("text: ");
      else if (g_str_has_prefix (list, "block: "))
        style = ACCORD_FIELD_BLOCK, list += strlen ("block: ");

      fields = split_fields (list);
      for (guint j = 0; j < fields->len; j++)
        {
          g_assert_cmpuint (next, <, schema->n_fields);
          check_readme_field (&schema->fields[next++], g_ptr_array_index (fields, j), style);
        }
    }

  /* Every field, none left out. */
  g_assert_cmpuint (next, ==, schema->n_fields);
}

static void
test_schema_readme (void)
{
  g_autofree char *readme = accord_test_read_file (ACCORD_SOURCE_DIR, "README.md");
  g_auto(GStrv) lines = g_strsplit (readme, "\n", -1);
  guint rows = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      AccordEntityKind kind;
      g_auto(GStrv) cells = g_strsplit (lines[i], "|", 3);

      if (g_strv_length (cells) == 3 && *cells[0] == '\0' &&
          accord_entity_kind_from_string (g_strstrip (cells[1]), &kind))
        {
          check_readme_row (lines[i]);
          rows++;
        }
    }

  g_assert_cmpuint (rows, ==, ACCORD_N_ENTITY_KINDS);
}

/* Every choice of every field has a label for people, which is not its
 * value; other values are shown as they are. */
static void
test_schema_choices (void)
{
  guint n_choices = 0;

  for (AccordEntityKind kind = 0; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      const AccordSchema *schema = _accord_schema_get (kind);

      for (guint i = 0; i < schema->n_fields; i++)
        {
          const AccordFieldSpec *spec = &schema->fields[i];
          const char * const *choices = accord_entity_kind_get_choices (kind, spec->name);

          if (spec->type != ACCORD_VALUE_ENUM)
            {
              g_assert_null (choices);
              continue;
            }

          g_assert_true (choices == spec->choices);
          for (guint j = 0; choices[j] != NULL; j++, n_choices++)
            {
              const char *label = accord_entity_kind_get_choice_label (kind, spec->name,
                                                                       choices[j]);

              g_assert_nonnull (label);
              g_assert_cmpstr (label, !=, choices[j]);
              g_assert_true (g_utf8_validate (label, -1, NULL));
            }

          g_assert_cmpstr (accord_entity_kind_get_choice_label (kind, spec->name, "unheard-of"),
                           ==, "unheard-of");
          g_assert_null (accord_entity_kind_get_choice_label (kind, spec->name, NULL));
        }
    }

  /* Four kinds of status, a priority, a participant's kind, a stance. */
  g_assert_cmpuint (n_choices, ==, 31);
  g_assert_cmpstr (accord_entity_kind_get_choice_label (ACCORD_ENTITY_OBJECTIVE, "status",
                                                        "in-progress"), ==, "In progress");
  g_assert_cmpstr (accord_entity_kind_get_choice_label (ACCORD_ENTITY_OBJECTIVE, "title",
                                                        "in-progress"), ==, "in-progress");
}

static void
test_schema_required (void)
{
  static const struct {
    AccordEntityKind  kind;
    const char       *required;
  } cases[] = {
    { ACCORD_ENTITY_STRATEGY, "accord-format title language" },
    { ACCORD_ENTITY_SECTION, "order title" },
    { ACCORD_ENTITY_OBJECTIVE, "section order title" },
    { ACCORD_ENTITY_ROUND, "title" },
    { ACCORD_ENTITY_PARTICIPANT, "name" },
    { ACCORD_ENTITY_COMMENT, "target" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const AccordSchema *schema = _accord_schema_get (cases[c].kind);
      g_autoptr(GPtrArray) required = g_ptr_array_new_null_terminated (4, NULL, TRUE);
      g_autofree char *joined = NULL;

      for (guint i = 0; i < schema->n_fields; i++)
        {
          if (schema->fields[i].required)
            g_ptr_array_add (required, (gpointer) schema->fields[i].name);
        }

      joined = g_strjoinv (" ", (char **) required->pdata);
      g_assert_cmpstr (joined, ==, cases[c].required);
    }
}

/* The file of an entity of @kind that has no field at all. */
static char *
dup_empty_file (AccordEntityKind kind)
{
  const AccordSchema *schema = _accord_schema_get (kind);

  return g_strdup_printf ("%s/%c-empty.md", schema->directory, schema->name[0]);
}

/* Files that leave out a required field open with a problem for each. */
static void
test_schema_required_missing (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *path = fixture->path;
  g_autoptr(AccordStrategy) strategy = NULL;
  GPtrArray *problems;
  guint expected = 0;

  for (AccordEntityKind kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_autofree char *file = dup_empty_file (kind);

      accord_test_write_file (path, file, "---\n---\n", -1);
    }

  problems = load_problems (fixture, &strategy);
  for (AccordEntityKind kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      const AccordSchema *schema = _accord_schema_get (kind);
      g_autofree char *file = dup_empty_file (kind);
      g_autofree char *id = g_strdup_printf ("%c-empty", schema->name[0]);

      for (guint i = 0; i < schema->n_fields; i++)
        {
          g_autofree char *message = NULL;

          if (!schema->fields[i].required)
            continue;

          message = g_strdup_printf ("The field “%s” is missing", schema->fields[i].name);
          accord_test_assert_problem (problems, file, 1, message);
          expected++;
        }

      /* The entity is there all the same. */
      g_assert_nonnull (accord_strategy_lookup (strategy, id));
    }

  g_assert_cmpuint (expected, ==, 8);
  g_assert_cmpuint (problems->len, ==, expected);
}

/* A header key that is no field of the kind, a language given to a field
 * that has none, or a language tag that is no tag, names nothing: the
 * line is reported and kept. */
static void
test_schema_unknown_keys (Fixture       *fixture,
                          gconstpointer  data)
{
  static const AccordTestProblem expected[] = {
    { "sections/s-1.md", 6, "A section has no field “colour”" },
    { "sections/s-1.md", 8, "“order@en”" },
    { "sections/s-1.md", 10, "“title@EN”" },
    { "sections/s-1.md", 12, "“due”" },
  };
  const AccordSchema *objective = _accord_schema_get (ACCORD_ENTITY_OBJECTIVE);
  const char *path = fixture->path;
  g_autoptr(AccordStrategy) strategy = NULL;
  const AccordFieldSpec *spec;
  const char *language = "unset";
  GPtrArray *problems;
  AccordEntity *section;

  spec = _accord_schema_lookup (objective, "title@en-GB", &language);
  g_assert_nonnull (spec);
  g_assert_cmpstr (spec->name, ==, "title");
  g_assert_cmpstr (language, ==, "en-GB");
  spec = _accord_schema_lookup (objective, "due", &language);
  g_assert_cmpstr (spec->name, ==, "due");
  g_assert_null (language);

  g_assert_null (_accord_schema_lookup (objective, "colour", NULL));
  g_assert_null (_accord_schema_lookup (objective, "titl", NULL));
  g_assert_null (_accord_schema_lookup (objective, "titles", NULL));
  g_assert_null (_accord_schema_lookup (objective, "due@en", NULL));
  g_assert_null (_accord_schema_lookup (objective, "title@EN", NULL));
  g_assert_null (_accord_schema_lookup (objective, "title@", NULL));
  g_assert_null (_accord_schema_lookup (objective, "parent", NULL));
  g_assert_null (_accord_schema_lookup (_accord_schema_get (ACCORD_ENTITY_SECTION), "due", NULL));

  accord_test_write_file (path, "sections/s-1.md",
                          "---\norder: i\n\ntitle: One\n\ncolour: blue\n\n"
                          "order@en: j\n\ntitle@EN: One\n\ndue: 2026-01-01\n---\n", -1);

  problems = load_problems (fixture, &strategy);
  accord_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));

  section = accord_strategy_lookup (strategy, "s-1");
  g_assert_cmpstr (accord_entity_get_field (section, "title"), ==, "One");
  g_assert_cmpstr (accord_entity_get_field (section, "order"), ==, "i");
}

/* What each type of value accepts, and the sentence that says so. */
static void
test_schema_values (void)
{
  static const struct {
    AccordEntityKind  kind;
    const char       *field;
    const char       *value;
    const char       *refused;   /* NULL: accepted */
  } cases[] = {
    { ACCORD_ENTITY_OBJECTIVE, "lead", "Any text, “quoted” ✓", NULL },
    { ACCORD_ENTITY_OBJECTIVE, "status", "achieved", NULL },
    { ACCORD_ENTITY_OBJECTIVE, "status", "Achieved",
      "“status” must be one of planned, in-progress, achieved, delayed, cancelled" },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2028-02-29", NULL },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2027-02-29", "“due” must be a date written YYYY-MM-DD" },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2026-1-05", "a date written YYYY-MM-DD" },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2026-01-05 ", "a date written YYYY-MM-DD" },
    { ACCORD_ENTITY_COMMENT, "created", "2026-03-01T09:30:00Z", NULL },
    { ACCORD_ENTITY_COMMENT, "created", "2026-03-01T09:30:00+01:00", NULL },
    { ACCORD_ENTITY_COMMENT, "created", "2026-03-01T09:30:00",
      "“created” must be a date and time such as 2026-03-01T09:30:00Z" },
    { ACCORD_ENTITY_COMMENT, "votes-for", "0", NULL },
    { ACCORD_ENTITY_COMMENT, "votes-for", "1234", NULL },
    { ACCORD_ENTITY_COMMENT, "votes-for", "007", "“votes-for” must be a whole number" },
    { ACCORD_ENTITY_COMMENT, "votes-for", "-1", "a whole number" },
    { ACCORD_ENTITY_COMMENT, "votes-for", "many", "a whole number" },
    { ACCORD_ENTITY_COMMENT, "target", "s-4k2m9q7xhd", NULL },
    { ACCORD_ENTITY_COMMENT, "target", "S-1",
      "“target” must be an id made of lowercase letters, digits and dashes" },
    { ACCORD_ENTITY_COMMENT, "target", "../s-1", "an id made of" },
    { ACCORD_ENTITY_SECTION, "order", "a0i", NULL },
    { ACCORD_ENTITY_SECTION, "order", "a0", "“order” must be an order key" },
    { ACCORD_ENTITY_STRATEGY, "language", "sr-Latn", NULL },
    { ACCORD_ENTITY_STRATEGY, "language", "French", "“language” must be a language tag" },
    { ACCORD_ENTITY_ROUND, "url", "https://example.org/r/1?lang=fr#top", NULL },
    { ACCORD_ENTITY_ROUND, "url", "mailto:consultation@example.org", NULL },
    { ACCORD_ENTITY_ROUND, "url", "ftp://example.org/",
      "“url” must be an http, https or mailto address" },
    { ACCORD_ENTITY_ROUND, "url", "www.example.org", "an http, https or mailto address" },
    { ACCORD_ENTITY_ROUND, "extension", "2026-03-20 Requested by the regions", NULL },
    { ACCORD_ENTITY_ROUND, "extension", "2026-03-20", NULL },
    { ACCORD_ENTITY_ROUND, "extension", "2026-03-20Requested",
      "“extension” must be a new closing date written YYYY-MM-DD, then the reason" },
    { ACCORD_ENTITY_STRATEGY, "accord-format", "1", NULL },
    { ACCORD_ENTITY_STRATEGY, "accord-format", "0",
      "“accord-format” must be a positive whole number" },
    { ACCORD_ENTITY_SECTION, "body", "Line\n\n::: and anything\n", NULL },
    { ACCORD_ENTITY_SECTION, "title", "Caf\xe9", "The value of “title” is not valid UTF-8 text" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const AccordFieldSpec *spec = _accord_schema_lookup (_accord_schema_get (cases[c].kind),
                                                           cases[c].field, NULL);
      g_autoptr(GError) error = NULL;
      gboolean accepted;

      g_test_message ("%s “%s”", cases[c].field, cases[c].value);
      g_assert_nonnull (spec);
      accepted = _accord_schema_check_value (spec, cases[c].value, &error);
      if (cases[c].refused == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (accepted);
          continue;
        }

      g_assert_false (accepted);
      g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, cases[c].refused));
    }
}

static void
test_schema_value_too_long (void)
{
  const AccordFieldSpec *body = _accord_schema_lookup (_accord_schema_get (ACCORD_ENTITY_SECTION),
                                                       "body", NULL);
  g_autofree char *longest = g_strnfill (ACCORD_MAX_FILE_SIZE, 'x');
  g_autofree char *too_long = g_strnfill (ACCORD_MAX_FILE_SIZE + 1, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_true (_accord_schema_check_value (body, longest, &error));
  g_assert_no_error (error);
  g_assert_false (_accord_schema_check_value (body, too_long, &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "longer than 1 MiB"));
}

static void
test_schema_languages (void)
{
  const char * const valid[] = { "fr", "en-GB", "sr-Latn", "zh-Hant-TW", "ast", "de-1996", NULL };
  const char * const invalid[] = {
    "", "f", "fren", "FR", "en_GB", "en-", "-en", "en--GB", "en-G", "en-abcdefghi", "é", NULL
  };

  for (guint i = 0; valid[i] != NULL; i++)
    g_assert_true (_accord_language_is_valid (valid[i]));
  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_test_message ("“%s”", invalid[i]);
      g_assert_false (_accord_language_is_valid (invalid[i]));
    }
  g_assert_false (_accord_language_is_valid (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/schema/kinds", test_schema_kinds);
  g_test_add_func ("/accord/schema/readme", test_schema_readme);
  g_test_add_func ("/accord/schema/choices", test_schema_choices);
  g_test_add_func ("/accord/schema/required", test_schema_required);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/schema/required-missing", test_schema_required_missing);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/schema/unknown-keys", test_schema_unknown_keys);
  g_test_add_func ("/accord/schema/values", test_schema_values);
  g_test_add_func ("/accord/schema/value-too-long", test_schema_value_too_long);
  g_test_add_func ("/accord/schema/languages", test_schema_languages);

  return g_test_run ();
}
