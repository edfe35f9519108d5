/* test-cli-edit.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "accord.h"
#include "accord-test-util.h"
#include "cli-test-common.h"

/* Runs a command that must succeed printing nothing at all. */
#define run_quiet(f, ...) \
  G_STMT_START { \
    g_free (run_ok (f, __VA_ARGS__)); \
    g_assert_cmpstr ((f)->out, ==, ""); \
  } G_STMT_END

/* The value of an entity's field, a list's items joined by "|"; NULL when
 * the field is not set. */
static char *
dup_field (Fixture    *f,
           const char *id,
           const char *field)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  AccordEntity *entity = accord_strategy_lookup (strategy, id);
  const char * const *values;

  g_assert_nonnull (entity);
  values = accord_entity_get_list (entity, field);

  return values != NULL ? g_strjoinv ("|", (char **) values) : NULL;
}

static void
assert_field (Fixture    *f,
              const char *id,
              const char *field,
              const char *expected)
{
  g_autofree char *value = dup_field (f, id, field);

  g_assert_cmpstr (value, ==, expected);
}

/* The titles of the objectives, section by section, joined by "|". */
static char *
dup_objective_titles (Fixture *f)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(AccordRepository) repository = open_strategy (f, &strategy);
  g_autoptr(GPtrArray) outline = accord_strategy_dup_outline (strategy);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < outline->len; i++)
    {
      AccordEntity *section = g_ptr_array_index (outline, i);
      GListModel *children = accord_strategy_get_children (strategy,
                                                           accord_entity_get_id (section));

      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(AccordEntity) child = g_list_model_get_item (children, j);

          if (accord_entity_get_kind (child) != ACCORD_ENTITY_OBJECTIVE)
            continue;
          if (titles->len > 0)
            g_string_append_c (titles, '|');
          g_string_append (titles, accord_entity_get_field (child, "title"));
        }
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* sections */

static void
test_sections_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a11 = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  init_strategy (f);
  run_quiet (f, "sections", f->dir, NULL);

  a = add_section (f, "Connectivity", NULL);
  b = add_section (f, "Governance", NULL);
  a1 = add_section (f, "Schools", a);
  a11 = add_section (f, "Rural schools", a1);

  g_free (out);
  out = run_ok (f, "sections", f->dir, NULL);
  expected = g_strdup_printf ("%s  Connectivity\n%s    Schools\n%s      Rural schools\n"
                              "%s  Governance",
                              a, a1, a11, b);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_sections_json (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *section;

  init_strategy (f);
  root = run_json (f, "sections", f->dir, NULL);
  assert_n_items (root, 0);
  g_clear_pointer (&root, json_node_unref);

  a = add_section (f, "Connectivity", NULL);
  a1 = add_section (f, "Schools", a);

  root = run_json (f, "sections", f->dir, NULL);
  assert_n_items (root, 2);

  section = get_object_at (root, 0);
  g_assert_cmpuint (json_object_get_size (section), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, a);
  g_assert_true (json_object_get_null_member (section, "parent"));
  g_assert_cmpint (json_object_get_int_member (section, "depth"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (section, "title"), ==, "Connectivity");

  section = get_object_at (root, 1);
  g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, a1);
  g_assert_cmpstr (json_object_get_string_member (section, "parent"), ==, a);
  g_assert_cmpint (json_object_get_int_member (section, "depth"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (section, "title"), ==, "Schools");
}

/* section */

static void
test_section_add_places (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  g_assert_true (g_str_has_prefix (a, "s-"));
  g_assert_null (strchr (a, '\n'));

  c = run_ok (f, "section", "add", f->dir, "--title", "C", "--first", NULL);
  d = run_ok (f, "section", "add", f->dir, "--title", "D", "--after", a, NULL);
  e = run_ok (f, "section", "add", f->dir, "--title", "A.1", "--parent", a, NULL);
  g_free (e);
  e = run_ok (f, "section", "add", f->dir, "--title", "A.0", "--parent", a, "--first", NULL);

  accord_test_assert_cmpstr_free (dup_outline (f), "C|A|  A.0|  A.1|D|B");
}

static void
test_section_add_body (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *body = write_tmp_file (f, "body.md", "First paragraph.\n\n::: not a block\n",
                                          -1);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  init_strategy (f);
  a = run_ok (f, "section", "add", f->dir, "--title", "A", "--body-file", body, NULL);
  path = g_strdup_printf ("sections/%s.md", a);
  contents = accord_test_read_file (f->dir, path);
  g_assert_true (g_str_has_suffix (contents, "---\nFirst paragraph.\n\n\\::: not a block\n"));

  g_assert_cmpint (run_with_input (f, "Read from the standard input.\n", -1, "section", "add",
                                   f->dir, "--title", "B", "--body-file", "-", NULL), ==, 0);
  b = g_strchomp (g_strdup (f->out));
  g_free (path);
  g_free (contents);
  path = g_strdup_printf ("sections/%s.md", b);
  contents = accord_test_read_file (f->dir, path);
  g_assert_true (g_str_has_suffix (contents, "---\nRead from the standard input.\n"));
}

static void
test_section_add_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *missing = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  a1 = add_section (f, "A.1", a);
  latin1 = write_tmp_file (f, "latin1.md", "Strat\xe9gie\n", -1);
  missing = g_build_filename (f->tmpdir, "missing.md", NULL);
  before = dup_tree (f);

  expect_failure (f, 1, "There is no section “s-nope”", "section", "add", f->dir, "--title", "X",
                  "--parent", "s-nope", NULL);
  /* --after must name a sibling. */
  expect_failure (f, 1, "is not a top-level section", "section", "add", f->dir, "--title", "X",
                  "--after", a1, NULL);
  expect_failure (f, 1, "is not a section directly under", "section", "add", f->dir, "--title", "X",
                  "--parent", a, "--after", a, NULL);
  expect_failure (f, 1, "“title” cannot be empty", "section", "add", f->dir, "--title", "", NULL);
  expect_failure (f, 1, "latin1.md” is not valid UTF-8 text", "section", "add", f->dir, "--title",
                  "X", "--body-file", latin1, NULL);
  expect_failure_with_input (f, "\xff\xfe", 2, 1, "The standard input is not valid UTF-8 text",
                             "section", "add", f->dir, "--title", "X", "--body-file", "-", NULL);
  expect_failure (f, 1, "missing.md", "section", "add", f->dir, "--title", "X", "--body-file",
                  missing, NULL);

  /* Usage errors. */
  expect_failure (f, 2, "needs a title", "section", "add", f->dir, NULL);
  expect_failure (f, 2, "--after and --first cannot be used together", "section", "add", f->dir,
                  "--title", "X", "--after", a, "--first", NULL);
  expect_failure (f, 2, "usage: accord-cli section add [OPTION…] DIR", "section", "add", "--title",
                  "X", NULL);

  assert_tree (f, before);
}

static void
test_section_set (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *body = write_tmp_file (f, "body.md", "New text.\n", -1);
  g_autofree char *empty = write_tmp_file (f, "empty.md", "", -1);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *untouched = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  path = g_strdup_printf ("sections/%s.md", b);
  untouched = accord_test_read_file (f->dir, path);
  g_free (path);
  path = g_strdup_printf ("sections/%s.md", a);

  run_quiet (f, "section", "set", f->dir, a, "--title", "Renamed", "--body-file", body, NULL);
  contents = accord_test_read_file (f->dir, path);
  g_assert_nonnull (strstr (contents, "\ntitle: Renamed\n"));
  g_assert_true (g_str_has_suffix (contents, "---\nNew text.\n"));

  /* An empty file clears the text. */
  run_quiet (f, "section", "set", f->dir, a, "--body-file", empty, NULL);
  g_free (contents);
  contents = accord_test_read_file (f->dir, path);
  g_assert_true (g_str_has_suffix (contents, "\n---\n"));

  /* Only the section changed is written. */
  g_free (path);
  path = g_strdup_printf ("sections/%s.md", b);
  g_free (contents);
  contents = accord_test_read_file (f->dir, path);
  g_assert_cmpstr (contents, ==, untouched);
}

static void
test_section_set_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *before = NULL;
  g_autofree char *latin1 = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  latin1 = write_tmp_file (f, "latin1.md", "Strat\xe9gie\n", -1);
  before = dup_tree (f);

  expect_failure (f, 1, "“title” cannot be empty", "section", "set", f->dir, a, "--title", "",
                  NULL);
  /* The title is not changed when the body cannot be read. */
  expect_failure (f, 1, "is not valid UTF-8 text", "section", "set", f->dir, a, "--title", "New",
                  "--body-file", latin1, NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "set", f->dir, "s-nope",
                  "--title", "X", NULL);
  expect_failure (f, 2, "Nothing to change", "section", "set", f->dir, a, NULL);
  expect_failure (f, 2, "usage: accord-cli section set [OPTION…] DIR ID", "section", "set", f->dir,
                  "--title", "X", NULL);

  assert_tree (f, before);
}

static void
test_section_move (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  c = add_section (f, "C", NULL);

  run_quiet (f, "section", "move", f->dir, a, "--parent", b, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|  A|C");

  run_quiet (f, "section", "move", f->dir, c, "--parent", b, "--first", NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|  C|  A");

  /* Without --parent, it stays under its parent. */
  run_quiet (f, "section", "move", f->dir, c, "--after", a, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|  A|  C");

  run_quiet (f, "section", "move", f->dir, a, "--top", "--first", NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "A|B|  C");

  /* --top alone places it last. */
  run_quiet (f, "section", "move", f->dir, c, "--top", NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "A|B|C");

  run_quiet (f, "section", "move", f->dir, a, "--after", c, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "B|C|A");
}

static void
test_section_move_into_descendant (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a11 = NULL;
  g_autofree char *b = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  a1 = add_section (f, "A.1", a);
  a11 = add_section (f, "A.1.1", a1);
  b = add_section (f, "B", NULL);
  before = dup_tree (f);

  expect_failure (f, 1, "cannot be moved under itself or one of its sub-sections", "section",
                  "move", f->dir, a, "--parent", a11, NULL);
  expect_failure (f, 1, "cannot be moved under itself", "section", "move", f->dir, a, "--parent",
                  a1, NULL);
  expect_failure (f, 1, "cannot be moved under itself", "section", "move", f->dir, a, "--parent", a,
                  NULL);
  expect_failure (f, 1, "cannot be placed after itself", "section", "move", f->dir, a, "--after", a,
                  NULL);
  expect_failure (f, 1, "is not a top-level section", "section", "move", f->dir, a, "--after", a1,
                  NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "move", f->dir, a, "--parent",
                  "s-nope", NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "move", f->dir, "s-nope",
                  "--top", NULL);

  expect_failure (f, 2, "Say where to move the section", "section", "move", f->dir, a, NULL);
  expect_failure (f, 2, "--parent and --top cannot be used together", "section", "move", f->dir, a,
                  "--parent", b, "--top", NULL);
  expect_failure (f, 2, "--after and --first cannot be used together", "section", "move", f->dir, a,
                  "--after", b, "--first", NULL);

  assert_tree (f, before);
}

static void
test_section_remove (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *b = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  a1 = add_section (f, "A.1", a);
  b = add_section (f, "B", NULL);
  objective = add_objective (f, b, "An objective");
  before = dup_tree (f);

  /* Refused, with the core's message, while something depends on it. */
  expect_failure (f, 1, "cannot be removed: 1 item depends on it", "section", "remove", f->dir, a,
                  NULL);
  expect_failure (f, 1, "cannot be removed: 1 item depends on it", "section", "remove", f->dir, b,
                  NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "section", "remove", f->dir, "s-nope",
                  NULL);
  expect_failure (f, 1, "There is no section", "section", "remove", f->dir, objective, NULL);
  expect_failure (f, 2, "usage: accord-cli section remove [OPTION…] DIR ID", "section", "remove",
                  f->dir, NULL);
  assert_tree (f, before);

  run_quiet (f, "section", "remove", f->dir, a1, NULL);
  accord_test_assert_cmpstr_free (dup_outline (f), "A|B");
  g_free (after);
  after = g_strdup_printf ("sections/%s.md", a1);
  g_assert_false (exists_in (f, after));
}

static void
test_section_subcommands (Fixture       *f,
                          gconstpointer  data)
{
  g_assert_cmpint (run (f, "section", "help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\n  add "));
  g_assert_nonnull (strstr (f->out, "\n  set "));
  g_assert_nonnull (strstr (f->out, "\n  move "));
  g_assert_nonnull (strstr (f->out, "\n  remove "));

  expect_failure (f, 2, "“section” needs a subcommand", "section", NULL);
  expect_failure (f, 2, "unknown command “section rename”", "section", "rename", NULL);

  g_assert_cmpint (run (f, "section", "add", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "accord-cli section add [OPTION…] DIR"));
  g_assert_nonnull (strstr (f->out, "--body-file=FILE"));
}

/* objectives and objective */

static void
test_objective_add_all_options (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  init_strategy (f);
  section = add_section (f, "Connectivity", NULL);

  g_assert_cmpint (run_with_input (f, "Connect every school.\nThen the hospitals.\n", -1,
                                   "objective", "add", f->dir, "--section", section,
                                   "--title", "Connect schools", "--code", "1.1",
                                   "--lead", "Ministry of Education", "--due", "2027-06-30",
                                   "--status", "in-progress", "--priority", "high",
                                   "--partner", "UNICEF", "--partner", "ITU",
                                   "--indicator", "500 schools connected",
                                   "--indicator", "80 % of pupils online",
                                   "--description-file", "-", NULL),
                   ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  objective = g_strchomp (g_strdup (f->out));
  g_assert_true (g_str_has_prefix (objective, "o-"));

  root = run_json (f, "objectives", f->dir, NULL);
  assert_n_items (root, 1);
  object = get_object_at (root, 0);
  g_assert_cmpuint (json_object_get_size (object), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, objective);
  g_assert_cmpstr (json_object_get_string_member (object, "section"), ==, section);
  g_assert_nonnull (json_object_get_string_member (object, "order"));
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, "1.1");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Connect schools");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (object, "priority"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (object, "lead"), ==, "Ministry of Education");
  assert_strv_member (object, "partner", "UNICEF|ITU");
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2027-06-30");
  assert_strv_member (object, "indicator", "500 schools connected|80 % of pupils online");
  g_assert_cmpstr (json_object_get_string_member (object, "description"), ==,
                   "Connect every school.\nThen the hospitals.");
}

static void
test_objectives_text (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *description = write_tmp_file (f, "description.md", "Line one\nLine two\n", -1);

  init_strategy (f);
  run_quiet (f, "objectives", f->dir, NULL);

  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  /* Listed section by section, in reading order. */
  second = run_ok (f, "objective", "add", f->dir, "--section", b, "--title", "Second",
                   "--partner", "P1", "--partner", "P2", NULL);
  first = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "First",
                  "--code", "A.1", "--status", "planned", "--due", "2026-12-31",
                  "--description-file", description, NULL);

  g_free (out);
  out = run_ok (f, "objectives", f->dir, NULL);
  expected = g_strdup_printf ("%s  A.1  First\n"
                              "  section: %s\n"
                              "  status: planned\n"
                              "  due: 2026-12-31\n"
                              "  description: Line one\n"
                              "    Line two\n"
                              "%s  Second\n"
                              "  section: %s\n"
                              "  partner: P1\n"
                              "  partner: P2",
                              first, a, second, b);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_objectives_json_empty_fields (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  init_strategy (f);
  root = run_json (f, "objectives", f->dir, NULL);
  assert_n_items (root, 0);
  g_clear_pointer (&root, json_node_unref);

  a = add_section (f, "A", NULL);
  objective = add_objective (f, a, "Bare");
  root = run_json (f, "objectives", f->dir, NULL);
  object = get_object_at (root, 0);

  /* Every field is there: null when unset, [] for empty lists. */
  g_assert_cmpuint (json_object_get_size (object), ==, 12);
  g_assert_true (json_object_get_null_member (object, "code"));
  g_assert_true (json_object_get_null_member (object, "status"));
  g_assert_true (json_object_get_null_member (object, "priority"));
  g_assert_true (json_object_get_null_member (object, "lead"));
  g_assert_true (json_object_get_null_member (object, "due"));
  g_assert_true (json_object_get_null_member (object, "description"));
  assert_strv_member (object, "partner", "");
  assert_strv_member (object, "indicator", "");
}

static void
test_objective_add_places (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;
  g_autofree char *four = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  one = add_objective (f, a, "One");
  two = add_objective (f, a, "Two");
  three = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "Three", "--first",
                  NULL);
  four = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "Four",
                 "--after", one, NULL);

  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Three|One|Four|Two");

  expect_failure (f, 1, "is not an objective of the section", "objective", "add", f->dir,
                  "--section", b, "--title", "X", "--after", one, NULL);
}

static void
test_objective_add_errors (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *latin1 = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  latin1 = write_tmp_file (f, "latin1.md", "Strat\xe9gie\n", -1);
  before = dup_tree (f);

  expect_failure (f, 1, "“due” must be a date written YYYY-MM-DD", "objective", "add", f->dir,
                  "--section", a, "--title", "X", "--due", "2027-02-30", NULL);
  expect_failure (f, 1,
                  "“status” must be one of planned, in-progress, achieved, delayed, cancelled",
                  "objective", "add", f->dir, "--section", a, "--title", "X", "--status", "done",
                  NULL);
  expect_failure (f, 1, "“priority” must be one of high, medium, low", "objective", "add", f->dir,
                  "--section", a, "--title", "X", "--priority", "urgent", NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "objective", "add", f->dir, "--section",
                  "s-nope", "--title", "X", NULL);
  expect_failure (f, 1, "“title” cannot be empty", "objective", "add", f->dir, "--section", a,
                  "--title", "", NULL);
  expect_failure (f, 1, "is not valid UTF-8 text", "objective", "add", f->dir, "--section", a,
                  "--title", "X", "--description-file", latin1, NULL);

  expect_failure (f, 2, "needs a section and a title", "objective", "add", f->dir, "--title", "X",
                  NULL);
  expect_failure (f, 2, "needs a section and a title", "objective", "add", f->dir, "--section", a,
                  NULL);
  expect_failure (f, 2, "--after and --first cannot be used together", "objective", "add", f->dir,
                  "--section", a, "--title", "X", "--first", "--after", "o-x", NULL);
  expect_failure (f, 2, "--clear-partners", "objective", "add", f->dir, "--section", a, "--title",
                  "X", "--clear-partners", NULL);

  assert_tree (f, before);
}

static void
test_objective_set (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *description = write_tmp_file (f, "description.md", "What it is for.\n", -1);

  init_strategy (f);
  a = add_section (f, "A", NULL);
  objective = run_ok (f, "objective", "add", f->dir, "--section", a, "--title", "Old",
                      "--code", "1", "--lead", "Someone", "--status", "planned",
                      "--partner", "P1", "--partner", "P2", "--indicator", "I1", NULL);

  /* Given lists replace the old ones; an empty value clears a field. */
  run_quiet (f, "objective", "set", f->dir, objective, "--title", "New", "--code", "",
                "--status", "achieved", "--priority", "low", "--due", "2026-01-15",
                "--partner", "P3", "--indicator", "I2", "--indicator", "I3",
                "--description-file", description, NULL);
  assert_field (f, objective, "description", "What it is for.");

  assert_field (f, objective, "title", "New");
  assert_field (f, objective, "code", NULL);
  assert_field (f, objective, "lead", "Someone");
  assert_field (f, objective, "status", "achieved");
  assert_field (f, objective, "priority", "low");
  assert_field (f, objective, "due", "2026-01-15");
  assert_field (f, objective, "partner", "P3");
  assert_field (f, objective, "indicator", "I2|I3");

  run_quiet (f, "objective", "set", f->dir, objective, "--clear-partners",
             "--clear-indicators", "--lead", "", NULL);
  assert_field (f, objective, "partner", NULL);
  assert_field (f, objective, "indicator", NULL);
  assert_field (f, objective, "lead", NULL);
  assert_field (f, objective, "title", "New");
}

static void
test_objective_set_moves (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;
  g_autofree char *out = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  b = add_section (f, "B", NULL);
  one = add_objective (f, a, "One");
  two = add_objective (f, a, "Two");
  three = add_objective (f, b, "Three");

  out = run_ok (f, "objective", "set", f->dir, two, "--first", NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Two|One|Three");

  /* Into another section: last by default. */
  run_quiet (f, "objective", "set", f->dir, two, "--section", b, NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "One|Three|Two");

  run_quiet (f, "objective", "set", f->dir, one, "--section", b, "--after", three, NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Three|One|Two");
  assert_field (f, one, "section", b);
}

static void
test_objective_set_errors (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  objective = add_objective (f, a, "One");
  before = dup_tree (f);

  /* A valid change with an invalid one: nothing is written. */
  expect_failure (f, 1, "“due” must be a date written YYYY-MM-DD", "objective", "set", f->dir,
                  objective, "--title", "Changed", "--due", "31/12/2026", NULL);
  expect_failure (f, 1, "“status” must be one of", "objective", "set", f->dir, objective, "--code",
                  "2", "--status", "finished", NULL);
  expect_failure (f, 1, "“title” cannot be empty", "objective", "set", f->dir, objective, "--title",
                  "", NULL);
  expect_failure (f, 1, "An objective must belong to a section", "objective", "set", f->dir,
                  objective, "--section", "", NULL);
  expect_failure (f, 1, "There is no section “s-nope”", "objective", "set", f->dir, objective,
                  "--section", "s-nope", NULL);
  expect_failure (f, 1, "cannot be placed after itself", "objective", "set", f->dir, objective,
                  "--after", objective, NULL);
  expect_failure (f, 1, "There is no objective “o-nope”", "objective", "set", f->dir, "o-nope",
                  "--title", "X", NULL);
  expect_failure (f, 1, "There is no objective", "objective", "set", f->dir, a, "--title", "X",
                  NULL);

  expect_failure (f, 2, "Nothing to change", "objective", "set", f->dir, objective, NULL);
  expect_failure (f, 2, "--partner and --clear-partners cannot be used together", "objective",
                  "set", f->dir, objective, "--partner", "P", "--clear-partners", NULL);
  expect_failure (f, 2, "--indicator and --clear-indicators cannot be used together", "objective",
                  "set", f->dir, objective, "--indicator", "I", "--clear-indicators", NULL);

  assert_tree (f, before);
}

static void
test_objective_remove (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *before = NULL;

  init_strategy (f);
  a = add_section (f, "A", NULL);
  one = add_objective (f, a, "One");
  two = add_objective (f, a, "Two");

  run_quiet (f, "objective", "remove", f->dir, one, NULL);
  accord_test_assert_cmpstr_free (dup_objective_titles (f), "Two");

  before = dup_tree (f);
  expect_failure (f, 1, "There is no objective", "objective", "remove", f->dir, one, NULL);
  expect_failure (f, 1, "There is no objective", "objective", "remove", f->dir, a, NULL);
  expect_failure (f, 2, "“objective” needs a subcommand", "objective", NULL);
  assert_tree (f, before);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  ACCORD_TEST_ADD ("/accord/cli/sections/text", test_sections_text);
  ACCORD_TEST_ADD ("/accord/cli/sections/json", test_sections_json);

  ACCORD_TEST_ADD ("/accord/cli/section/add-places", test_section_add_places);
  ACCORD_TEST_ADD ("/accord/cli/section/add-body", test_section_add_body);
  ACCORD_TEST_ADD ("/accord/cli/section/add-errors", test_section_add_errors);
  ACCORD_TEST_ADD ("/accord/cli/section/set", test_section_set);
  ACCORD_TEST_ADD ("/accord/cli/section/set-errors", test_section_set_errors);
  ACCORD_TEST_ADD ("/accord/cli/section/move", test_section_move);
  ACCORD_TEST_ADD ("/accord/cli/section/move-into-descendant", test_section_move_into_descendant);
  ACCORD_TEST_ADD ("/accord/cli/section/remove", test_section_remove);
  ACCORD_TEST_ADD ("/accord/cli/section/subcommands", test_section_subcommands);

  ACCORD_TEST_ADD ("/accord/cli/objectives/text", test_objectives_text);
  ACCORD_TEST_ADD ("/accord/cli/objectives/json-empty-fields", test_objectives_json_empty_fields);

  ACCORD_TEST_ADD ("/accord/cli/objective/add-all-options", test_objective_add_all_options);
  ACCORD_TEST_ADD ("/accord/cli/objective/add-places", test_objective_add_places);
  ACCORD_TEST_ADD ("/accord/cli/objective/add-errors", test_objective_add_errors);
  ACCORD_TEST_ADD ("/accord/cli/objective/set", test_objective_set);
  ACCORD_TEST_ADD ("/accord/cli/objective/set-moves", test_objective_set_moves);
  ACCORD_TEST_ADD ("/accord/cli/objective/set-errors", test_objective_set_errors);
  ACCORD_TEST_ADD ("/accord/cli/objective/remove", test_objective_remove);

  return g_test_run ();
}
