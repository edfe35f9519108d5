/* test-entity.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord.h"
#include "accord-entity-private.h"

/* Entities: fields, lists, validation, signals, copies and ids. */

typedef struct
{
  guint  changed;         /* "changed", any field */
  guint  changed_title;   /* "changed::title" */
  guint  notify_title;
  guint  notify_modified;
  char  *last_field;
} Counters;

static void
counters_clear (Counters *counters)
{
  g_clear_pointer (&counters->last_field, g_free);
}

static void
changed_cb (AccordEntity *entity,
            const char   *field,
            Counters     *counters)
{
  counters->changed++;
  g_free (counters->last_field);
  counters->last_field = g_strdup (field);
}

static void
changed_title_cb (AccordEntity *entity,
                  const char   *field,
                  Counters     *counters)
{
  g_assert_cmpstr (field, ==, "title");
  counters->changed_title++;
}

static void
notify_title_cb (GObject    *object,
                 GParamSpec *pspec,
                 Counters   *counters)
{
  counters->notify_title++;
}

static void
notify_modified_cb (GObject    *object,
                    GParamSpec *pspec,
                    Counters   *counters)
{
  counters->notify_modified++;
}

static void
connect_counters (AccordEntity *entity,
                  Counters     *counters)
{
  g_signal_connect (entity, "changed", G_CALLBACK (changed_cb), counters);
  g_signal_connect (entity, "changed::title", G_CALLBACK (changed_title_cb), counters);
  g_signal_connect (entity, "notify::title", G_CALLBACK (notify_title_cb), counters);
  g_signal_connect (entity, "notify::modified", G_CALLBACK (notify_modified_cb), counters);
}

static void
test_entity_kinds (void)
{
  static const struct {
    AccordEntityKind  kind;
    const char       *name;
    const char       *directory;
  } kinds[] = {
    { ACCORD_ENTITY_STRATEGY, "strategy", NULL },
    { ACCORD_ENTITY_SECTION, "section", "sections" },
    { ACCORD_ENTITY_OBJECTIVE, "objective", "objectives" },
    { ACCORD_ENTITY_ROUND, "round", "rounds" },
    { ACCORD_ENTITY_PARTICIPANT, "participant", "participants" },
    { ACCORD_ENTITY_COMMENT, "comment", "comments" },
  };
  AccordEntityKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AccordEntity) entity = accord_entity_new (kinds[i].kind, NULL);
      g_autofree char *path = accord_entity_dup_path (entity);
      g_autofree char *expected_path = NULL;

      g_assert_cmpstr (accord_entity_kind_to_string (kinds[i].kind), ==, kinds[i].name);
      g_assert_cmpstr (accord_entity_kind_get_directory (kinds[i].kind), ==, kinds[i].directory);
      g_assert_true (accord_entity_kind_from_string (kinds[i].name, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);

      g_assert_true (G_OBJECT_TYPE (entity) == accord_entity_kind_get_type (kinds[i].kind));
      g_assert_cmpint (accord_entity_get_kind (entity), ==, kinds[i].kind);
      g_assert_true (accord_id_is_valid (accord_entity_get_id (entity)));
      g_assert_false (accord_entity_get_modified (entity));

      if (kinds[i].directory == NULL)
        expected_path = g_strdup ("strategy.md");
      else
        expected_path = g_strconcat (kinds[i].directory, "/", accord_entity_get_id (entity),
                                     ".md", NULL);
      g_assert_cmpstr (path, ==, expected_path);
    }

  g_assert_false (accord_entity_kind_from_string ("sections", &kind));
  g_assert_false (accord_entity_kind_from_string (NULL, &kind));

  {
    g_autoptr(AccordEntity) strategy = accord_entity_new (ACCORD_ENTITY_STRATEGY, NULL);
    g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, "intro");

    g_assert_cmpstr (accord_entity_get_id (strategy), ==, "strategy");
    g_assert_cmpstr (accord_entity_get_id (section), ==, "intro");
  }

  g_assert_true (accord_entity_kind_has_field (ACCORD_ENTITY_OBJECTIVE, "due"));
  g_assert_true (accord_entity_kind_has_field (ACCORD_ENTITY_OBJECTIVE, "title@en"));
  g_assert_false (accord_entity_kind_has_field (ACCORD_ENTITY_OBJECTIVE, "due@en"));
  g_assert_false (accord_entity_kind_has_field (ACCORD_ENTITY_SECTION, "due"));
  g_assert_true (g_strv_contains (accord_entity_kind_get_choices (ACCORD_ENTITY_OBJECTIVE,
                                                                  "status"),
                                  "in-progress"));
  g_assert_null (accord_entity_kind_get_choices (ACCORD_ENTITY_OBJECTIVE, "title"));
}

static void
test_entity_fields (void)
{
  g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, "o-1");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_null (accord_entity_get_field (objective, "title"));

  g_assert_true (accord_entity_set_field (objective, "title", "Clean rivers", &error));
  g_assert_no_error (error);
  g_assert_true (accord_entity_set_field (objective, "title@en-GB", "Clean rivers (UK)", &error));
  g_assert_no_error (error);
  g_assert_true (accord_entity_set_field (objective, "section", "s-1", &error));
  g_assert_true (accord_entity_set_field (objective, "order", "i", &error));
  g_assert_true (accord_entity_set_field (objective, "due", "2028-02-29", &error));
  g_assert_true (accord_entity_set_field (objective, "status", "in-progress", &error));
  g_assert_true (accord_entity_set_field (objective, "description",
                                          "Line one\n\nLine three\n", &error));
  g_assert_no_error (error);

  g_assert_cmpstr (accord_entity_get_field (objective, "title"), ==, "Clean rivers");
  g_assert_cmpstr (accord_entity_get_field (objective, "title@en-GB"), ==, "Clean rivers (UK)");
  g_assert_null (accord_entity_get_field (objective, "title@fr"));
  g_assert_cmpstr (accord_entity_get_field (objective, "due"), ==, "2028-02-29");
  g_assert_cmpstr (accord_entity_get_field (objective, "description"), ==,
                   "Line one\n\nLine three\n");
  g_assert_cmpstr (accord_objective_get_title (ACCORD_OBJECTIVE (objective)), ==, "Clean rivers");
  g_assert_cmpstr (accord_objective_get_section (ACCORD_OBJECTIVE (objective)), ==, "s-1");
  g_assert_true (accord_entity_get_modified (objective));

  /* A free-text header value may span lines; the file escapes them. */
  g_assert_true (accord_entity_set_field (objective, "lead", "Water board\nNorth", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (accord_entity_get_field (objective, "lead"), ==, "Water board\nNorth");

  names = accord_entity_dup_field_names (objective);
  {
    const char * const expected[] = {
      "description", "due", "lead", "order", "section", "status", "title", "title@en-GB", NULL
    };

    g_assert_cmpstrv (names, expected);
  }

  /* NULL and "" both clear a field. */
  g_assert_true (accord_entity_set_field (objective, "due", NULL, &error));
  g_assert_null (accord_entity_get_field (objective, "due"));
  g_assert_true (accord_entity_set_field (objective, "lead", "", &error));
  g_assert_null (accord_entity_get_field (objective, "lead"));
  g_assert_no_error (error);
}

static void
test_entity_lists (void)
{
  g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, "o-1");
  g_autoptr(GError) error = NULL;
  const char * const partners[] = { "City", "", "Region", "City", NULL };
  const char * const expected[] = { "City", "Region", "City", NULL };
  const char * const same[] = { "City", "Region", "City", NULL };
  const char * const bad[] = { "2026-01-01 ok", "2026-02-30 nope", NULL };
  const char * const extensions[] = { "2026-04-01 more answers came in", "2026-05-01", NULL };
  const char * const title[] = { "Only the first", "is used", NULL };
  Counters counters = { 0, };

  connect_counters (objective, &counters);

  g_assert_null (accord_entity_get_list (objective, "partner"));
  g_assert_true (accord_entity_set_list (objective, "partner", partners, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (accord_entity_get_list (objective, "partner"), expected);
  g_assert_cmpstr (accord_entity_get_field (objective, "partner"), ==, "City");
  g_assert_cmpuint (counters.changed, ==, 1);
  g_assert_cmpstr (counters.last_field, ==, "partner");

  /* The same items again change nothing. */
  g_assert_true (accord_entity_set_list (objective, "partner", same, &error));
  g_assert_cmpuint (counters.changed, ==, 1);

  /* Setting a list field to one value keeps only that value. */
  g_assert_true (accord_entity_set_field (objective, "partner", "City", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) accord_entity_get_list (objective, "partner")), ==, 1);
  g_assert_cmpuint (counters.changed, ==, 2);

  /* Translatable lists have language variants. */
  g_assert_true (accord_entity_set_list (objective, "indicator@fr", same, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (accord_entity_get_list (objective, "indicator@fr"), expected);
  g_assert_null (accord_entity_get_list (objective, "indicator"));
  g_assert_false (accord_entity_set_list (objective, "partner@fr", same, &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);

  g_assert_true (accord_entity_set_list (objective, "partner", NULL, &error));
  g_assert_null (accord_entity_get_list (objective, "partner"));
  g_assert_null (accord_entity_get_field (objective, "partner"));

  /* set_list on a single-valued field sets its first item. */
  g_assert_true (accord_entity_set_list (objective, "title", title, &error));
  g_assert_cmpstr (accord_entity_get_field (objective, "title"), ==, "Only the first");

  {
    g_autoptr(AccordEntity) round = accord_entity_new (ACCORD_ENTITY_ROUND, "r-1");

    g_assert_true (accord_entity_set_list (round, "extension", extensions, &error));
    g_assert_no_error (error);
    g_assert_cmpstrv (accord_entity_get_list (round, "extension"), extensions);

    /* One bad item refuses the whole list. */
    g_assert_false (accord_entity_set_list (round, "extension", bad, &error));
    g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_cmpstrv (accord_entity_get_list (round, "extension"), extensions);
  }

  counters_clear (&counters);
}

static void
test_entity_count (void)
{
  g_autoptr(AccordEntity) comment = accord_entity_new (ACCORD_ENTITY_COMMENT, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (accord_entity_get_count (comment, "votes-for"), ==, 0);
  g_assert_true (accord_entity_set_field (comment, "votes-for", "0", &error));
  g_assert_true (accord_entity_set_field (comment, "votes-against", "12", &error));
  g_assert_true (accord_entity_set_field (comment, "votes-mixed", "9007199254740993", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (accord_entity_get_count (comment, "votes-for"), ==, 0);
  g_assert_cmpuint (accord_entity_get_count (comment, "votes-against"), ==, 12);
  g_assert_cmpuint (accord_entity_get_count (comment, "votes-mixed"), ==,
                    G_GUINT64_CONSTANT (9007199254740993));
}

typedef struct
{
  AccordEntityKind  kind;
  const char       *field;
  const char       *value;
  int               code;
} BadValue;

static void
test_entity_invalid_values (void)
{
  static const BadValue bad[] = {
    /* Dates */
    { ACCORD_ENTITY_OBJECTIVE, "due", "2026-02-30", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2023-02-29", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2026-13-01", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2026-1-01", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "due", "2026-01-01 ", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "due", "01/03/2026", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_ROUND, "opens", "tomorrow", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_ROUND, "extension", "2026-02-30 late", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_ROUND, "extension", "2026-03-01late", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "created", "2026-03-01T09:30:00", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "created", "2026-03-01", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* Choices */
    { ACCORD_ENTITY_OBJECTIVE, "status", "done", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "status", "Planned", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "priority", "urgent", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "stance", "for ", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* References */
    { ACCORD_ENTITY_SECTION, "parent", "../etc", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_SECTION, "parent", "S-1", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_SECTION, "parent", "a/b", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_OBJECTIVE, "section", "-s", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "target", "s 1", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* Counts and versions */
    { ACCORD_ENTITY_COMMENT, "votes-for", "007", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "votes-for", "-1", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "votes-for", "+1", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "votes-for", "1.5", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "votes-for", " 1", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "votes-for", "99999999999999999999",
      ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_STRATEGY, "accord-format", "0", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* URLs */
    { ACCORD_ENTITY_ROUND, "url", "example.org/consultation", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_ROUND, "url", "ftp://example.org/", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_ROUND, "url", "javascript:alert(1)", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "url", "https//example.org", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_COMMENT, "url", "HTTPS://example.org", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* Language tags */
    { ACCORD_ENTITY_STRATEGY, "language", "french", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_STRATEGY, "language", "FR", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_STRATEGY, "language", "en_GB", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_STRATEGY, "language", "en-", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* Order keys */
    { ACCORD_ENTITY_SECTION, "order", "a0", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    { ACCORD_ENTITY_SECTION, "order", "A", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* Typed values never span lines */
    { ACCORD_ENTITY_OBJECTIVE, "status", "planned\n", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* Not UTF-8 */
    { ACCORD_ENTITY_SECTION, "title", "caf\xe9", ACCORD_ENTITY_ERROR_INVALID_VALUE },
    /* Unknown fields */
    { ACCORD_ENTITY_SECTION, "colour", "blue", ACCORD_ENTITY_ERROR_UNKNOWN_FIELD },
    { ACCORD_ENTITY_SECTION, "due", "2026-01-01", ACCORD_ENTITY_ERROR_UNKNOWN_FIELD },
    { ACCORD_ENTITY_SECTION, "Title", "Intro", ACCORD_ENTITY_ERROR_UNKNOWN_FIELD },
    { ACCORD_ENTITY_SECTION, "title@french", "Intro", ACCORD_ENTITY_ERROR_UNKNOWN_FIELD },
    { ACCORD_ENTITY_SECTION, "order@en", "i", ACCORD_ENTITY_ERROR_UNKNOWN_FIELD },
    { ACCORD_ENTITY_SECTION, "", "x", ACCORD_ENTITY_ERROR_UNKNOWN_FIELD },
  };
  static const struct {
    AccordEntityKind  kind;
    const char       *field;
    const char       *value;
  } good[] = {
    { ACCORD_ENTITY_OBJECTIVE, "due", "2024-02-29" },
    { ACCORD_ENTITY_ROUND, "extension", "2026-03-01" },
    { ACCORD_ENTITY_ROUND, "extension", "2026-03-01 late answers" },
    { ACCORD_ENTITY_COMMENT, "created", "2026-03-01T09:30:00Z" },
    { ACCORD_ENTITY_COMMENT, "created", "2026-03-01T09:30:00+01:00" },
    { ACCORD_ENTITY_COMMENT, "votes-for", "0" },
    { ACCORD_ENTITY_COMMENT, "votes-for", "10" },
    { ACCORD_ENTITY_ROUND, "url", "https://example.org/a?b=c#d" },
    { ACCORD_ENTITY_ROUND, "url", "http://example.org" },
    { ACCORD_ENTITY_COMMENT, "url", "mailto:consult@example.org" },
    { ACCORD_ENTITY_STRATEGY, "language", "fr" },
    { ACCORD_ENTITY_STRATEGY, "language", "en-GB" },
    { ACCORD_ENTITY_STRATEGY, "language", "sr-Latn" },
    { ACCORD_ENTITY_STRATEGY, "accord-format", "1" },
    { ACCORD_ENTITY_SECTION, "title@sr-Latn", "Uvod" },
    { ACCORD_ENTITY_SECTION, "parent", "s-4k2m9q7xhd" },
    { ACCORD_ENTITY_COMMENT, "stance", "mixed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AccordEntity) entity = accord_entity_new (bad[i].kind, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (bad[i].value, NULL);
      Counters counters = { 0, };

      g_test_message ("%s: %s = “%s”", accord_entity_kind_to_string (bad[i].kind),
                      bad[i].field, escaped);

      connect_counters (entity, &counters);

      g_assert_false (accord_entity_set_field (entity, bad[i].field, bad[i].value, &error));
      g_assert_error (error, ACCORD_ENTITY_ERROR, bad[i].code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      /* Nothing changed. */
      if (bad[i].code != ACCORD_ENTITY_ERROR_UNKNOWN_FIELD)
        g_assert_null (accord_entity_get_field (entity, bad[i].field));
      g_assert_cmpuint (counters.changed, ==, 0);
      g_assert_cmpuint (counters.notify_modified, ==, 0);
      g_assert_false (accord_entity_get_modified (entity));

      /* A valid value stays when a bad one is refused. */
      if (g_str_equal (bad[i].field, "due") && bad[i].kind == ACCORD_ENTITY_OBJECTIVE)
        {
          g_assert_true (accord_entity_set_field (entity, "due", "2026-01-31", &error));
          g_assert_false (accord_entity_set_field (entity, "due", bad[i].value, &error));
          g_assert_error (error, ACCORD_ENTITY_ERROR, bad[i].code);
          g_assert_cmpstr (accord_entity_get_field (entity, "due"), ==, "2026-01-31");
        }

      counters_clear (&counters);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(AccordEntity) entity = accord_entity_new (good[i].kind, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s: %s = “%s”", accord_entity_kind_to_string (good[i].kind),
                      good[i].field, good[i].value);

      g_assert_true (accord_entity_set_field (entity, good[i].field, good[i].value, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (accord_entity_get_field (entity, good[i].field), ==, good[i].value);
    }
}

static void
test_entity_value_too_long (void)
{
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, "s-1");
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024 + 1, 'a');
  g_autofree char *largest = g_strnfill (1024 * 1024, 'a');

  g_assert_false (accord_entity_set_field (section, "body", huge, &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE);
  g_assert_null (accord_entity_get_field (section, "body"));
  g_clear_error (&error);

  g_assert_true (accord_entity_set_field (section, "body", largest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (accord_entity_get_field (section, "body")), ==, 1024 * 1024);
}

static void
test_entity_changed_signal (void)
{
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, "s-1");
  g_autoptr(GError) error = NULL;
  Counters counters = { 0, };

  connect_counters (section, &counters);

  g_assert_true (accord_entity_set_field (section, "title", "Introduction", &error));
  g_assert_cmpuint (counters.changed_title, ==, 1);
  g_assert_cmpuint (counters.changed, ==, 1);
  g_assert_cmpuint (counters.notify_title, ==, 1);
  g_assert_cmpuint (counters.notify_modified, ==, 1);
  g_assert_true (accord_entity_get_modified (section));

  /* The same value again is not a change. */
  g_assert_true (accord_entity_set_field (section, "title", "Introduction", &error));
  g_assert_cmpuint (counters.changed_title, ==, 1);
  g_assert_cmpuint (counters.changed, ==, 1);
  g_assert_cmpuint (counters.notify_title, ==, 1);

  /* A real change; "modified" is already set, so it is not notified again. */
  g_assert_true (accord_entity_set_field (section, "title", "Foreword", &error));
  g_assert_cmpuint (counters.changed_title, ==, 2);
  g_assert_cmpuint (counters.notify_title, ==, 2);
  g_assert_cmpuint (counters.notify_modified, ==, 1);

  /* Other fields, and other languages, have their own detail; a language
   * variant is not the "title" property. */
  g_assert_true (accord_entity_set_field (section, "title@en", "Foreword", &error));
  g_assert_true (accord_entity_set_field (section, "body", "Text", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counters.changed_title, ==, 2);
  g_assert_cmpuint (counters.notify_title, ==, 2);
  g_assert_cmpuint (counters.changed, ==, 4);
  g_assert_cmpstr (counters.last_field, ==, "body");

  /* A refused value emits nothing. */
  g_assert_false (accord_entity_set_field (section, "title", "caf\xc3", &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (counters.changed, ==, 4);

  /* Clearing is a change once; clearing again is not. */
  g_assert_true (accord_entity_set_field (section, "title", NULL, &error));
  g_assert_cmpuint (counters.changed_title, ==, 3);
  g_assert_cmpuint (counters.notify_title, ==, 3);
  g_assert_true (accord_entity_set_field (section, "title", "", &error));
  g_assert_true (accord_entity_set_field (section, "title", NULL, &error));
  g_assert_cmpuint (counters.changed_title, ==, 3);
  g_assert_cmpuint (counters.changed, ==, 5);

  /* Once written, the entity is unmodified again; the next change
   * notifies "modified" again. */
  _accord_entity_set_modified (section, FALSE);
  g_assert_false (accord_entity_get_modified (section));
  g_assert_cmpuint (counters.notify_modified, ==, 2);
  g_assert_true (accord_entity_set_field (section, "title", "Again", &error));
  g_assert_true (accord_entity_get_modified (section));
  g_assert_cmpuint (counters.notify_modified, ==, 3);
  g_assert_cmpuint (counters.changed_title, ==, 4);
  g_assert_no_error (error);

  counters_clear (&counters);
}

static void
test_entity_properties (void)
{
  g_autoptr(AccordEntity) section = accord_entity_new (ACCORD_ENTITY_SECTION, "s-1");
  g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, "o-1");
  g_autoptr(AccordEntity) participant = accord_entity_new (ACCORD_ENTITY_PARTICIPANT, "p-1");
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  gboolean modified = TRUE;
  int kind = -1;
  Counters counters = { 0, };

  connect_counters (section, &counters);

  g_object_get (section, "title", &title, "id", &id, "modified", &modified, "kind", &kind, NULL);
  g_assert_null (title);
  g_assert_cmpstr (id, ==, "s-1");
  g_assert_false (modified);
  g_assert_cmpint (kind, ==, ACCORD_ENTITY_SECTION);

  g_object_set (section, "title", "Set as a property", NULL);
  g_assert_cmpstr (accord_section_get_title (ACCORD_SECTION (section)), ==, "Set as a property");
  g_assert_cmpuint (counters.changed_title, ==, 1);
  g_assert_cmpuint (counters.notify_title, ==, 1);
  g_object_get (section, "title", &title, "modified", &modified, NULL);
  g_assert_cmpstr (title, ==, "Set as a property");
  g_assert_true (modified);

  /* Texts are properties; lists are not. */
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (section), "body"));
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (objective), "due"));
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (objective), "partner"));
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (section), "due"));

  g_object_get (strategy, "accord-format", &version, NULL);
  g_assert_cmpstr (version, ==, "1");

  /* A participant's "kind" field does not hide the entity's kind. */
  g_assert_true (accord_entity_set_field (participant, "kind", "academia", NULL));
  g_object_get (participant, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, ACCORD_ENTITY_PARTICIPANT);
  g_assert_cmpstr (accord_entity_get_field (participant, "kind"), ==, "academia");

  counters_clear (&counters);
}

static void
test_entity_copy_equal (void)
{
  g_autoptr(AccordEntity) objective = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, "o-1");
  g_autoptr(AccordEntity) copy = NULL;
  g_autoptr(AccordEntity) other_id = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, "o-2");
  g_autoptr(AccordEntity) other_kind = accord_entity_new (ACCORD_ENTITY_SECTION, "o-1");
  g_autoptr(AccordEntity) same = accord_entity_new (ACCORD_ENTITY_OBJECTIVE, "o-1");
  const char * const partners[] = { "City", "Region", NULL };
  const char * const reversed[] = { "Region", "City", NULL };
  GPtrArray *extra;

  g_assert_true (accord_entity_equal (objective, same));

  accord_entity_set_field (objective, "title", "Clean rivers", NULL);
  accord_entity_set_field (objective, "title@de", "Saubere Flüsse", NULL);
  accord_entity_set_field (objective, "section", "s-1", NULL);
  accord_entity_set_field (objective, "description", "Text\n", NULL);
  accord_entity_set_list (objective, "partner", partners, NULL);
  _accord_entity_add_extra (objective, "x-custom: kept");

  g_assert_false (accord_entity_equal (objective, same));

  copy = accord_entity_copy (objective);
  g_assert_true (copy != objective);
  g_assert_true (G_OBJECT_TYPE (copy) == ACCORD_TYPE_OBJECTIVE);
  g_assert_cmpstr (accord_entity_get_id (copy), ==, "o-1");
  g_assert_true (accord_entity_equal (objective, copy));
  g_assert_true (accord_entity_equal (copy, objective));
  g_assert_cmpstrv (accord_entity_get_list (copy, "partner"), partners);
  g_assert_cmpstr (accord_entity_get_field (copy, "title@de"), ==, "Saubere Flüsse");
  extra = _accord_entity_get_extra (copy);
  g_assert_nonnull (extra);
  g_assert_cmpuint (extra->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (extra, 0), ==, "x-custom: kept");

  /* The copy is independent. */
  accord_entity_set_field (copy, "title", "Changed", NULL);
  g_assert_false (accord_entity_equal (objective, copy));
  g_assert_cmpstr (accord_entity_get_field (objective, "title"), ==, "Clean rivers");
  accord_entity_set_field (copy, "title", "Clean rivers", NULL);
  g_assert_true (accord_entity_equal (objective, copy));

  /* List order matters. */
  accord_entity_set_list (copy, "partner", reversed, NULL);
  g_assert_false (accord_entity_equal (objective, copy));
  accord_entity_set_list (copy, "partner", partners, NULL);

  /* A field only one of them has. */
  accord_entity_set_field (copy, "title@fr", "Rivières propres", NULL);
  g_assert_false (accord_entity_equal (objective, copy));
  g_assert_false (accord_entity_equal (copy, objective));
  accord_entity_set_field (copy, "title@fr", NULL, NULL);
  g_assert_true (accord_entity_equal (objective, copy));
  g_assert_null (accord_entity_get_field (copy, "title@fr"));

  /* A cleared field is no longer listed, and can be set again. */
  {
    const char * const expected[] = {
      "description", "partner", "section", "title", "title@de", NULL
    };
    const char * const one_partner[] = { "Town", NULL };
    g_auto(GStrv) names = accord_entity_dup_field_names (copy);

    g_assert_cmpstrv (names, expected);
    accord_entity_set_list (copy, "partner", NULL, NULL);
    g_assert_null (accord_entity_get_list (copy, "partner"));
    g_assert_false (accord_entity_equal (objective, copy));
    accord_entity_set_list (copy, "partner", one_partner, NULL);
    g_assert_cmpstrv (accord_entity_get_list (copy, "partner"), one_partner);
    accord_entity_set_list (copy, "partner", partners, NULL);
    g_assert_true (accord_entity_equal (objective, copy));
  }

  /* Same fields, different id or kind. */
  g_clear_object (&same);
  same = accord_entity_copy (objective);
  accord_entity_set_field (other_id, "title", "Clean rivers", NULL);
  accord_entity_set_field (other_kind, "title", "Clean rivers", NULL);
  g_assert_false (accord_entity_equal (objective, other_id));
  g_assert_false (accord_entity_equal (objective, other_kind));
  g_assert_true (accord_entity_equal (objective, same));
}

static void
test_id_valid (void)
{
  g_autofree char *longest = g_strnfill (64, 'a');
  g_autofree char *too_long = g_strnfill (65, 'a');
  const char * const valid[] = {
    "a", "0", "s-4k2m9q7xhd", "intro", "2026-plan", "a-b-c", "a--b", NULL
  };
  const char * const invalid[] = {
    "", "..", ".", "a/b", "/a", "a\\b", "A", "Intro", "-a", "a-", "-", "a b", " a", "a\n",
    "a_b", "a.b", "a.md", "é", "ça", "a:b", NULL
  };

  for (guint i = 0; valid[i] != NULL; i++)
    {
      g_test_message ("valid: “%s”", valid[i]);
      g_assert_true (accord_id_is_valid (valid[i]));
    }

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_test_message ("invalid: “%s”", invalid[i]);
      g_assert_false (accord_id_is_valid (invalid[i]));
    }

  g_assert_false (accord_id_is_valid (NULL));
  g_assert_true (accord_id_is_valid (longest));
  g_assert_false (accord_id_is_valid (too_long));
}

static void
test_id_generate (void)
{
  for (AccordEntityKind kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      char prefix[3] = { accord_entity_kind_to_string (kind)[0], '-', '\0' };

      for (guint i = 0; i < 1000; i++)
        {
          char *id = accord_id_generate (kind);

          g_assert_true (accord_id_is_valid (id));
          g_assert_true (g_str_has_prefix (id, prefix));
          g_assert_cmpuint (strlen (id), ==, 12);
          g_assert_true (g_hash_table_add (seen, id));
        }
    }

  /* Prefixes tell kinds apart. */
  {
    g_autofree char *section = accord_id_generate (ACCORD_ENTITY_SECTION);
    g_autofree char *objective = accord_id_generate (ACCORD_ENTITY_OBJECTIVE);
    g_autofree char *round = accord_id_generate (ACCORD_ENTITY_ROUND);
    g_autofree char *participant = accord_id_generate (ACCORD_ENTITY_PARTICIPANT);
    g_autofree char *comment = accord_id_generate (ACCORD_ENTITY_COMMENT);

    g_assert_cmpint (section[0], ==, 's');
    g_assert_cmpint (objective[0], ==, 'o');
    g_assert_cmpint (round[0], ==, 'r');
    g_assert_cmpint (participant[0], ==, 'p');
    g_assert_cmpint (comment[0], ==, 'c');
  }

  /* accord_entity_new() generates one when given none. */
  {
    g_autoptr(AccordEntity) a = accord_entity_new (ACCORD_ENTITY_COMMENT, NULL);
    g_autoptr(AccordEntity) b = accord_entity_new (ACCORD_ENTITY_COMMENT, NULL);

    g_assert_true (g_str_has_prefix (accord_entity_get_id (a), "c-"));
    g_assert_cmpstr (accord_entity_get_id (a), !=, accord_entity_get_id (b));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/entity/kinds", test_entity_kinds);
  g_test_add_func ("/accord/entity/fields", test_entity_fields);
  g_test_add_func ("/accord/entity/lists", test_entity_lists);
  g_test_add_func ("/accord/entity/count", test_entity_count);
  g_test_add_func ("/accord/entity/invalid-values", test_entity_invalid_values);
  g_test_add_func ("/accord/entity/value-too-long", test_entity_value_too_long);
  g_test_add_func ("/accord/entity/changed-signal", test_entity_changed_signal);
  g_test_add_func ("/accord/entity/properties", test_entity_properties);
  g_test_add_func ("/accord/entity/copy-equal", test_entity_copy_equal);
  g_test_add_func ("/accord/id/valid", test_id_valid);
  g_test_add_func ("/accord/id/generate", test_id_generate);

  return g_test_run ();
}
