/* test-strategy.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord.h"
#include "accord-test-util.h"

/* The strategy as a container of entities: adding and removing them, the
 * outline and the order of siblings, moves, and the problems found in how
 * entities refer to each other. */

typedef AccordTestFolder Fixture;

static void
put_file (Fixture    *fixture,
          const char *relative,
          const char *contents)
{
  accord_test_write_file (fixture->path, relative, contents, -1);
}

static AccordEntity *
add_section (AccordStrategy *strategy,
             const char     *id,
             const char     *parent,
             const char     *order,
             const char     *title)
{
  return accord_test_add (strategy, ACCORD_ENTITY_SECTION, id,
                          "parent", parent, "order", order, "title", title, NULL);
}

static AccordEntity *
add_objective (AccordStrategy *strategy,
               const char     *id,
               const char     *section_id,
               const char     *order)
{
  return accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, id,
                          "section", section_id, "order", order, "title", id, NULL);
}

static void
assert_ids (GListModel *model,
            const char *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) entity = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, accord_entity_get_id (entity));
    }

  g_assert_cmpstr (ids->str, ==, expected);
}

static void
assert_children (AccordStrategy *strategy,
                 const char     *parent_id,
                 const char     *expected)
{
  assert_ids (accord_strategy_get_children (strategy, parent_id), expected);
}

static void
assert_outline (AccordStrategy *strategy,
                const char     *expected)
{
  g_autoptr(GPtrArray) outline = accord_strategy_dup_outline (strategy);
  g_autoptr(GListStore) store = g_list_store_new (ACCORD_TYPE_ENTITY);

  g_list_store_splice (store, 0, 0, outline->pdata, outline->len);
  assert_ids (G_LIST_MODEL (store), expected);
}

static guint
depth_of (AccordStrategy *strategy,
          const char     *id)
{
  AccordEntity *section = accord_strategy_lookup (strategy, id);

  return accord_strategy_get_depth (strategy, ACCORD_SECTION (section));
}

static void
test_strategy_new (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan numérique", "en-GB");
  AccordEntity *entity = ACCORD_ENTITY (strategy);

  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, "Plan numérique");
  g_assert_cmpstr (accord_strategy_get_language (strategy), ==, "en-GB");
  g_assert_cmpstr (accord_entity_get_id (entity), ==, "strategy");
  g_assert_cmpstr (accord_entity_get_field (entity, "status"), ==, "draft");
  g_assert_cmpstr (accord_entity_get_field (entity, "accord-format"), ==, "1");
  g_assert_true (accord_entity_get_modified (entity));

  for (AccordEntityKind kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      g_assert_cmpuint (accord_strategy_count (strategy, kind), ==, 0);
      g_assert_true (g_list_model_get_item_type (accord_strategy_get_entities (strategy, kind)) ==
                     ACCORD_TYPE_ENTITY);
    }
  g_assert_cmpuint (g_list_model_get_n_items (accord_strategy_get_children (strategy, NULL)),
                    ==, 0);
  g_assert_cmpuint (accord_strategy_get_problems (strategy)->len, ==, 0);
}

static void
test_strategy_add_remove (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  g_autoptr(AccordEntity) duplicate = accord_entity_new (ACCORD_ENTITY_ROUND, "s-a");
  g_autoptr(GError) error = NULL;
  AccordEntity *section;
  guint added = 0, removed = 0;

  accord_test_count_signal (strategy, "entity-added", &added);
  accord_test_count_signal (strategy, "entity-removed", &removed);

  g_assert_true (accord_strategy_lookup (strategy, "strategy") == ACCORD_ENTITY (strategy));
  g_assert_null (accord_strategy_lookup (strategy, "s-a"));
  g_assert_null (accord_strategy_lookup (strategy, NULL));

  section = add_section (strategy, "s-a", NULL, "i", "A");
  add_section (strategy, "s-b", NULL, "j", "B");
  add_objective (strategy, "o-a", "s-a", "i");
  g_assert_cmpuint (added, ==, 3);
  g_assert_true (accord_strategy_lookup (strategy, "s-a") == section);
  g_assert_true (accord_entity_get_modified (section));
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), ==, 2);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_OBJECTIVE), ==, 1);

  /* Ids are unique across kinds. */
  g_assert_false (accord_strategy_add (strategy, duplicate, &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID);
  g_clear_error (&error);
  g_assert_cmpuint (added, ==, 3);

  /* A section with an objective, or one a comment is about, stays. */
  g_assert_false (accord_strategy_remove (strategy, "s-a", &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID);
  g_clear_error (&error);
  g_assert_true (accord_strategy_lookup (strategy, "s-a") == section);
  g_assert_true (ACCORD_IS_SECTION (section));

  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-1", "target", "s-b", NULL);
  g_assert_false (accord_strategy_remove (strategy, "s-b", &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID);
  g_assert_nonnull (strstr (error->message, "1 item depends on it"));
  g_clear_error (&error);
  g_assert_cmpuint (removed, ==, 0);

  /* Refusing must not have released anything the strategy holds. */
  g_assert_cmpuint (G_OBJECT (section)->ref_count, >=, 2);

  g_assert_true (accord_strategy_remove (strategy, "o-a", &error));
  g_assert_true (accord_strategy_remove (strategy, "s-a", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_null (accord_strategy_lookup (strategy, "s-a"));
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), ==, 1);

  g_assert_false (accord_strategy_remove (strategy, "s-a", &error));
  g_assert_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID);
  g_clear_error (&error);

  /* A removed id can be used again. */
  add_section (strategy, "s-a", NULL, "k", "A again");
  section = accord_strategy_lookup (strategy, "s-a");
  g_assert_cmpstr (accord_section_get_title (ACCORD_SECTION (section)), ==, "A again");
}

/* The entities of each kind, in the order they were added, whatever their
 * place in the outline. */
static void
test_strategy_entities (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  GListModel *sections = accord_strategy_get_entities (strategy, ACCORD_ENTITY_SECTION);
  GListModel *comments = accord_strategy_get_entities (strategy, ACCORD_ENTITY_COMMENT);
  guint changes = 0;

  accord_test_count_signal (sections, "items-changed", &changes);

  add_section (strategy, "s-z", NULL, "a", "Z");
  add_section (strategy, "s-a", "s-z", "z", "A");
  add_section (strategy, "s-m", NULL, "b", "M");
  add_objective (strategy, "o-1", "s-z", "i");
  accord_test_add (strategy, ACCORD_ENTITY_ROUND, "r-1", "title", "Round", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_PARTICIPANT, "p-1", "name", "Ana", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-2", "target", "s-a", "round", "r-1", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-1", "target", "strategy",
                   "author", "p-1", NULL);

  assert_ids (sections, "s-z s-a s-m");
  assert_ids (comments, "c-2 c-1");
  assert_ids (accord_strategy_get_entities (strategy, ACCORD_ENTITY_OBJECTIVE), "o-1");
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_ROUND), ==, 1);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_PARTICIPANT), ==, 1);

  /* Rounds, participants and comments are not in the outline. */
  assert_children (strategy, NULL, "s-z s-m");
  assert_outline (strategy, "s-z s-a s-m");

  /* A round or an author that comments name cannot go. */
  g_assert_false (accord_strategy_remove (strategy, "r-1", NULL));
  g_assert_false (accord_strategy_remove (strategy, "p-1", NULL));
  g_assert_true (accord_strategy_remove (strategy, "c-1", NULL));
  g_assert_true (accord_strategy_remove (strategy, "p-1", NULL));
  assert_ids (comments, "c-2");

  g_assert_true (accord_strategy_remove (strategy, "c-2", NULL));
  g_assert_true (accord_strategy_remove (strategy, "s-a", NULL));
  assert_ids (sections, "s-z s-m");
  g_assert_cmpuint (changes, ==, 4);
}

static void
test_strategy_children (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");

  add_section (strategy, "s-c", NULL, "k", "C");
  add_section (strategy, "s-b", NULL, "j", "B");
  add_section (strategy, "s-a", NULL, "i", "A");
  add_section (strategy, "s-b2", "s-b", "i", "B.2");
  add_section (strategy, "s-b1", "s-b", "i", "B.1");
  add_objective (strategy, "o-2", "s-b", "j");
  add_objective (strategy, "o-1", "s-b", "k");

  assert_children (strategy, NULL, "s-a s-b s-c");

  /* Objectives first, then sections; equal keys fall back to the id. */
  assert_children (strategy, "s-b", "o-2 o-1 s-b1 s-b2");

  g_assert_true (accord_strategy_remove (strategy, "o-2", NULL));
  assert_children (strategy, "s-b", "o-1 s-b1 s-b2");

  g_assert_cmpuint (g_list_model_get_n_items (accord_strategy_get_children (strategy, "s-none")),
                    ==, 0);
}

/* The lists of children are the ones views hold: they follow new keys,
 * new parents and new sections at once, with one change each time. */
static void
test_strategy_moves (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  GListModel *top = accord_strategy_get_children (strategy, NULL);
  GListModel *in_b = accord_strategy_get_children (strategy, "s-b");
  AccordEntity *b, *b1, *objective;
  guint top_changes = 0, b_changes = 0;

  accord_test_count_signal (top, "items-changed", &top_changes);
  accord_test_count_signal (in_b, "items-changed", &b_changes);

  add_section (strategy, "s-a", NULL, "i", "A");
  b = add_section (strategy, "s-b", NULL, "j", "B");
  add_section (strategy, "s-c", NULL, "k", "C");
  b1 = add_section (strategy, "s-b1", "s-b", "i", "B.1");
  objective = add_objective (strategy, "o-1", "s-b", "i");
  assert_ids (top, "s-a s-b s-c");
  assert_ids (in_b, "o-1 s-b1");
  g_assert_cmpuint (top_changes, ==, 3);
  g_assert_cmpuint (b_changes, ==, 2);

  /* A new key. */
  accord_test_set (b, "order", "l");
  assert_ids (top, "s-a s-c s-b");
  g_assert_cmpuint (top_changes, ==, 4);
  g_assert_cmpuint (b_changes, ==, 2);

  /* A new parent: out of one list, into the other. */
  accord_test_set (b1, "parent", NULL);
  assert_ids (top, "s-a s-b1 s-c s-b");
  assert_ids (in_b, "o-1");
  g_assert_cmpuint (top_changes, ==, 5);
  g_assert_cmpuint (b_changes, ==, 3);
  g_assert_cmpuint (depth_of (strategy, "s-b1"), ==, 0);

  /* An objective into another section. */
  accord_test_set (objective, "section", "s-a");
  assert_ids (in_b, "");
  assert_children (strategy, "s-a", "o-1");

  /* A field that has nothing to do with the place changes nothing. */
  accord_test_set (b, "title", "B, renamed");
  accord_test_set (objective, "title", "Renamed");
  g_assert_cmpuint (top_changes, ==, 5);
  g_assert_cmpuint (b_changes, ==, 4);

  /* A section into another: its sub-sections go with it. */
  accord_test_set (b1, "parent", "s-b");
  add_section (strategy, "s-b11", "s-b1", "i", "B.1.1");
  accord_test_set (b, "parent", "s-a");
  assert_ids (top, "s-a s-c");
  assert_outline (strategy, "s-a s-b s-b1 s-b11 s-c");
  g_assert_cmpuint (depth_of (strategy, "s-b11"), ==, 3);
}

static void
entity_changed_cb (AccordStrategy *strategy,
                   AccordEntity   *entity,
                   const char     *field,
                   GString        *log)
{
  g_string_append_printf (log, "%s.%s ", accord_entity_get_id (entity), field);
}

/* One signal tells of every change in every entity of the strategy, until
 * the entity leaves it. */
static void
test_strategy_entity_changed (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(AccordEntity) kept = NULL;
  AccordEntity *section;

  g_signal_connect (strategy, "entity-changed", G_CALLBACK (entity_changed_cb), log);

  section = add_section (strategy, "s-a", NULL, "i", "A");
  g_assert_cmpstr (log->str, ==, "");

  accord_test_set (section, "title", "A, renamed");
  accord_test_set (section, "body", "Text");
  accord_test_set (ACCORD_ENTITY (strategy), "title", "Plan, renamed");
  g_assert_cmpstr (log->str, ==, "s-a.title s-a.body strategy.title ");

  /* Setting the value it has is no change. */
  accord_test_set (section, "body", "Text");
  g_assert_cmpstr (log->str, ==, "s-a.title s-a.body strategy.title ");

  kept = g_object_ref (section);
  g_assert_true (accord_strategy_remove (strategy, "s-a", NULL));
  accord_test_set (kept, "title", "Gone");
  g_assert_cmpstr (log->str, ==, "s-a.title s-a.body strategy.title ");
}

static void
test_strategy_outline (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");

  add_section (strategy, "s-2", NULL, "j", "2");
  add_section (strategy, "s-12", "s-1", "j", "1.2");
  add_section (strategy, "s-111", "s-11", "i", "1.1.1");
  add_section (strategy, "s-11", "s-1", "i", "1.1");
  add_section (strategy, "s-1", NULL, "i", "1");
  add_section (strategy, "s-orphan", "s-missing", "i", "Orphan");
  add_objective (strategy, "o-1", "s-1", "a");

  /* Depth first; objectives are not sections; orphans come last. */
  assert_outline (strategy, "s-1 s-11 s-111 s-12 s-2 s-orphan");

  g_assert_cmpuint (depth_of (strategy, "s-1"), ==, 0);
  g_assert_cmpuint (depth_of (strategy, "s-11"), ==, 1);
  g_assert_cmpuint (depth_of (strategy, "s-111"), ==, 2);
  g_assert_cmpuint (depth_of (strategy, "s-orphan"), ==, 0);

  /* The missing parent appears: the orphan is one no more. */
  add_section (strategy, "s-missing", NULL, "k", "Found");
  assert_outline (strategy, "s-1 s-11 s-111 s-12 s-2 s-missing s-orphan");
  g_assert_cmpuint (depth_of (strategy, "s-orphan"), ==, 1);
}

/* Parents that go round in a circle, made by a merge or by hand, leave
 * every section in the outline once and every depth finite. */
static void
test_strategy_outline_cycle (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  AccordEntity *a;

  a = add_section (strategy, "s-a", NULL, "i", "A");
  add_section (strategy, "s-b", "s-a", "i", "B");
  add_section (strategy, "s-c", "s-b", "i", "C");
  add_section (strategy, "s-d", NULL, "j", "D");

  /* Depths go round the circle at most once: no more than there are
   * sections. */
  accord_test_set (a, "parent", "s-c");
  assert_outline (strategy, "s-a s-b s-c s-d");
  assert_children (strategy, NULL, "s-a s-d");
  g_assert_cmpuint (depth_of (strategy, "s-a"), <=, 4);
  g_assert_cmpuint (depth_of (strategy, "s-c"), <=, 4);

  accord_test_set (a, "parent", "s-a");
  assert_outline (strategy, "s-a s-b s-c s-d");
  g_assert_cmpuint (depth_of (strategy, "s-a"), <=, 4);

  /* Out of the circle, it is an ordinary outline again. */
  accord_test_set (a, "parent", "s-d");
  assert_outline (strategy, "s-d s-a s-b s-c");
  g_assert_cmpuint (depth_of (strategy, "s-c"), ==, 3);
}

static void
test_strategy_order_after (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  g_autofree char *first = NULL;
  g_autofree char *after_a = NULL;
  g_autofree char *after_b = NULL;
  g_autofree char *in_empty = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *after_twins = NULL;

  add_section (strategy, "s-a", NULL, "i", "A");
  add_section (strategy, "s-b", NULL, "k", "B");
  add_section (strategy, "s-c", "s-a", "i", "A.1");
  add_objective (strategy, "o-1", "s-a", "i");

  first = accord_strategy_dup_order_after (strategy, NULL, NULL, ACCORD_ENTITY_SECTION);
  accord_test_assert_order_between (NULL, "i", first);

  after_a = accord_strategy_dup_order_after (strategy, NULL, "s-a", ACCORD_ENTITY_SECTION);
  accord_test_assert_order_between ("i", "k", after_a);

  after_b = accord_strategy_dup_order_after (strategy, NULL, "s-b", ACCORD_ENTITY_SECTION);
  accord_test_assert_order_between ("k", NULL, after_b);

  /* Objectives and sections are ordered separately. */
  objective = accord_strategy_dup_order_after (strategy, "s-a", "o-1", ACCORD_ENTITY_OBJECTIVE);
  accord_test_assert_order_between ("i", NULL, objective);

  in_empty = accord_strategy_dup_order_after (strategy, "s-b", NULL, ACCORD_ENTITY_OBJECTIVE);
  g_assert_true (accord_order_key_is_valid (in_empty));

  /* Not a child of that parent, or not of that kind. */
  g_assert_null (accord_strategy_dup_order_after (strategy, NULL, "s-c", ACCORD_ENTITY_SECTION));
  g_assert_null (accord_strategy_dup_order_after (strategy, "s-a", "o-1", ACCORD_ENTITY_SECTION));
  g_assert_null (accord_strategy_dup_order_after (strategy, NULL, "s-none", ACCORD_ENTITY_SECTION));

  /* Siblings sharing a key (two people inserted at the same place) do not
   * trap the next insertion. */
  add_section (strategy, "s-a2", NULL, "i", "A twin");
  after_twins = accord_strategy_dup_order_after (strategy, NULL, "s-a", ACCORD_ENTITY_SECTION);
  accord_test_assert_order_between ("i", "k", after_twins);
}

/* Inserting again and again at the same place would make keys longer than
 * allowed; the siblings then get short keys again, in the same order. */
static void
test_strategy_order_respread (void)
{
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Order", "fr");
  GListModel *children;

  add_section (strategy, "s-first", NULL, "i", "First");
  add_section (strategy, "s-last", NULL, "j", "Last");

  for (guint i = 0; i < 800; i++)
    {
      g_autofree char *id = g_strdup_printf ("s-n%u", i);
      g_autofree char *key = accord_strategy_dup_order_after (strategy, NULL, "s-first",
                                                              ACCORD_ENTITY_SECTION);

      g_assert_true (accord_order_key_is_valid (key));
      add_section (strategy, id, NULL, key, id);
    }

  /* Every insertion went right after s-first: the newest comes second. */
  children = accord_strategy_get_children (strategy, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 802);
  for (guint i = 0; i < 802; i++)
    {
      g_autoptr(AccordEntity) child = g_list_model_get_item (children, i);
      g_autofree char *expected = i == 0 ? g_strdup ("s-first")
                                  : i == 801 ? g_strdup ("s-last")
                                  : g_strdup_printf ("s-n%u", 800 - i);

      g_assert_cmpstr (accord_entity_get_id (child), ==, expected);
      g_assert_cmpuint (strlen (accord_entity_get_field (child, "order")), <=, 128);
    }
}

/* accord_strategy_check() on a strategy built in memory: every link that
 * names nothing, or the wrong kind of thing, and every circle of
 * parents, is a problem of the file that holds it. */
static void
test_strategy_check (void)
{
  static const AccordTestProblem expected[] = {
    { "sections/s-lost.md", 1, "“parent” names “s-none”, which does not exist" },
    { "sections/s-under.md", 1, "“parent” names “o-1”, which is not a section" },
    { "objectives/o-2.md", 1, "“section” names “r-1”, which is not a section" },
    { "comments/c-round.md", 1, "“target” must name the strategy, a section or an objective" },
    { "comments/c-author.md", 1, "“author” names “s-ok”, which is not a participant" },
    { "comments/c-author.md", 1, "“round” names “p-1”, which is not a round" },
    { "comments/c-x.md", 1, "cycle" },
    { "comments/c-y.md", 1, "cycle" },
  };
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Plan", "fr");
  GPtrArray *problems = accord_strategy_get_problems (strategy);

  add_section (strategy, "s-ok", NULL, "i", "OK");
  add_section (strategy, "s-lost", "s-none", "j", "Lost");
  add_section (strategy, "s-under", "o-1", "k", "Under an objective");
  add_objective (strategy, "o-1", "s-ok", "i");
  add_objective (strategy, "o-2", "r-1", "j");
  accord_test_add (strategy, ACCORD_ENTITY_ROUND, "r-1", "title", "Round", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_PARTICIPANT, "p-1", "name", "Ana", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-ok", "target", "o-1", "round", "r-1",
                   "author", "p-1", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-round", "target", "r-1", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-author", "target", "strategy",
                   "author", "s-ok", "round", "p-1", NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-x", "target", "s-ok", "parent", "c-y",
                   NULL);
  accord_test_add (strategy, ACCORD_ENTITY_COMMENT, "c-y", "target", "s-ok", "parent", "c-x",
                   NULL);

  accord_strategy_check (strategy);
  accord_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));

  /* Sorted by file, then line. */
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpint (accord_problem_compare (g_ptr_array_index (problems, i - 1),
                                             g_ptr_array_index (problems, i)), <=, 0);
}

static void
test_problems_duplicate_id (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  GPtrArray *problems;

  put_file (fixture, "sections/x-1.md", "---\norder: i\n\ntitle: Section\n---\n");
  put_file (fixture, "objectives/x-1.md",
            "---\nsection: x-1\n\norder: i\n\ntitle: Objective\n---\n");

  strategy = accord_test_load (fixture->repository);
  problems = accord_strategy_get_problems (strategy);
  accord_test_assert_problem (problems, "objectives/x-1.md", 1, "x-1");
  accord_test_assert_problem (problems, "objectives/x-1.md", 1, "sections/x-1.md");
  g_assert_cmpuint (problems->len, ==, 1);

  /* The first file read keeps the id; the strategy still opens. */
  g_assert_true (ACCORD_IS_SECTION (accord_strategy_lookup (strategy, "x-1")));
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), ==, 1);
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_OBJECTIVE), ==, 0);
}

/* A chain of nested sections far deeper than any strategy, and a cycle of
 * thousands: both open in time linear in their length, the chain shown at
 * most ACCORD_STRATEGY_MAX_DEPTH deep, with one problem where it passes it. */
static void
test_problems_deep_chain (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) outline = NULL;
  const guint chain = 6000;
  const guint cycle = 2000;
  g_autofree char *deep_path = NULL;
  GPtrArray *problems;
  guint cyclic = 0;
  gboolean deep_found = FALSE;

  for (guint i = 0; i < chain; i++)
    {
      g_autofree char *name = g_strdup_printf ("sections/s-d%05u.md", i);
      g_autofree char *text = i == 0
        ? g_strdup ("---\norder: i\n\ntitle: D\n---\n")
        : g_strdup_printf ("---\nparent: s-d%05u\n\norder: i\n\ntitle: D\n---\n", i - 1);

      put_file (fixture, name, text);
    }
  for (guint i = 0; i < cycle; i++)
    {
      g_autofree char *name = g_strdup_printf ("sections/s-y%05u.md", i);
      g_autofree char *text =
        g_strdup_printf ("---\nparent: s-y%05u\n\norder: i\n\ntitle: C\n---\n",
                         (i + 1) % cycle);

      put_file (fixture, name, text);
    }

  strategy = accord_test_load (fixture->repository);
  problems = accord_strategy_get_problems (strategy);
  deep_path = g_strdup_printf ("sections/s-d%05u.md", ACCORD_STRATEGY_MAX_DEPTH + 1);
  for (guint i = 0; i < problems->len; i++)
    {
      AccordProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->path, deep_path))
        {
          g_assert_cmpuint (problem->line, ==, 2);
          g_assert_nonnull (strstr (problem->message, "nested more than"));
          deep_found = TRUE;
        }
    }
  g_assert_true (deep_found);
  for (guint i = 0; i < problems->len; i++)
    {
      AccordProblem *problem = g_ptr_array_index (problems, i);

      if (strstr (problem->message, "cycle") != NULL)
        cyclic++;
    }
  g_assert_cmpuint (cyclic, ==, cycle);
  g_assert_cmpuint (problems->len, ==, cycle + 1);

  /* The chain in reading order, then the cycle, each section once. */
  outline = accord_strategy_dup_outline (strategy);
  g_assert_cmpuint (outline->len, ==, chain + cycle);
  for (guint i = 0; i < chain; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);
      g_autofree char *id = g_strdup_printf ("s-d%05u", i);

      g_assert_cmpstr (accord_entity_get_id (ACCORD_ENTITY (section)), ==, id);
      g_assert_cmpuint (accord_strategy_get_depth (strategy, section), ==,
                        MIN (i, ACCORD_STRATEGY_MAX_DEPTH));
    }

  /* One section of the cycle hangs at the top, with the rest in a chain
   * under it, the deepest shown at the limit. */
  g_assert_cmpstr (accord_entity_get_id (g_ptr_array_index (outline, chain)), ==, "s-y01999");
  g_assert_cmpuint (accord_strategy_get_depth (strategy, g_ptr_array_index (outline, chain)),
                    ==, 0);
  g_assert_cmpuint (accord_strategy_get_depth (strategy, g_ptr_array_index (outline, chain + 1)),
                    ==, 1);
  g_assert_cmpuint (accord_strategy_get_depth (strategy, g_ptr_array_index (outline, chain + cycle - 1)),
                    ==, ACCORD_STRATEGY_MAX_DEPTH);
}

static void
test_problems_parent_cycle (Fixture       *fixture,
                            gconstpointer  data)
{
  static const AccordTestProblem expected[] = {
    { "sections/s-a.md", 2, "cycle" },
    { "sections/s-b.md", 2, "cycle" },
    { "sections/s-self.md", 2, "cycle" },
  };
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) outline = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *problems;

  accord_test_write_files (fixture->path,
                           "sections/s-top.md", "---\norder: i\n\ntitle: Top\n---\n",
                           "sections/s-a.md", "---\nparent: s-b\n\norder: i\n\ntitle: A\n---\n",
                           "sections/s-b.md", "---\nparent: s-a\n\norder: j\n\ntitle: B\n---\n",
                           "sections/s-c.md", "---\nparent: s-b\n\norder: k\n\ntitle: C\n---\n",
                           "sections/s-self.md",
                           "---\nparent: s-self\n\norder: l\n\ntitle: Self\n---\n",
                           NULL);

  strategy = accord_test_load (fixture->repository);
  problems = accord_strategy_get_problems (strategy);
  accord_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));

  /* Every section is in the outline, once. */
  outline = accord_strategy_dup_outline (strategy);
  g_assert_cmpuint (outline->len, ==, 5);
  g_assert_cmpstr (accord_entity_get_id (g_ptr_array_index (outline, 0)), ==, "s-top");
  for (guint i = 0; i < outline->len; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);
      const char *id = accord_entity_get_id (ACCORD_ENTITY (section));

      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      /* Depth is finite even in a cycle. */
      g_assert_cmpuint (accord_strategy_get_depth (strategy, section), <=, 5);
    }
  g_assert_true (g_hash_table_contains (seen, "s-c"));
  g_assert_true (g_hash_table_contains (seen, "s-self"));
}

static void
test_problems_bad_references (Fixture       *fixture,
                              gconstpointer  data)
{
  static const AccordTestProblem expected[] = {
    { "objectives/o-lost.md", 2, "s-none" },
    { "objectives/o-nested.md", 2, "o-lost" },
    { "sections/s-2.md", 2, "o-lost" },
    { "comments/c-1.md", 2, "round" },
    { "comments/c-1.md", 4, "r-none" },
    { "comments/c-1.md", 6, "p-none" },
  };
  g_autoptr(AccordStrategy) strategy = NULL;
  GPtrArray *problems;

  accord_test_write_files (fixture->path,
                           "sections/s-1.md", "---\norder: i\n\ntitle: S\n---\n",
                           "objectives/o-lost.md",
                           "---\nsection: s-none\n\norder: i\n\ntitle: Lost\n---\n",
                           "objectives/o-nested.md",
                           "---\nsection: o-lost\n\norder: j\n\ntitle: Nested\n---\n",
                           "sections/s-2.md",
                           "---\nparent: o-lost\n\norder: j\n\ntitle: Under an objective\n---\n",
                           "comments/c-1.md",
                           "---\nround: s-1\n\ntarget: r-none\n\nauthor: p-none\n---\nText\n",
                           "comments/c-2.md", "---\ntarget: strategy\n\nparent: c-1\n---\n",
                           NULL);

  strategy = accord_test_load (fixture->repository);
  problems = accord_strategy_get_problems (strategy);
  accord_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));

  /* Problems are sorted by file, then line. */
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpint (accord_problem_compare (g_ptr_array_index (problems, i - 1),
                                             g_ptr_array_index (problems, i)), <, 0);

  /* The objective is still there, under its missing section. */
  g_assert_nonnull (accord_strategy_lookup (strategy, "o-lost"));
  assert_children (strategy, "s-none", "o-lost");
}

/* Fixing the files makes the problems go: they belong to what was read,
 * not to the strategy for ever. */
static void
test_problems_fixed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordStrategy) broken = NULL;
  g_autoptr(AccordStrategy) fixed = NULL;

  put_file (fixture, "sections/s-1.md", "---\nparent: s-2\n\norder: i\n\ntitle: One\n---\n");
  broken = accord_test_load (fixture->repository);
  accord_test_assert_problem (accord_strategy_get_problems (broken), "sections/s-1.md", 2,
                              "“parent” names “s-2”, which does not exist");

  put_file (fixture, "sections/s-2.md", "---\norder: j\n\ntitle: Two\n---\n");
  fixed = accord_test_load (fixture->repository);
  accord_test_assert_no_problems (accord_strategy_get_problems (fixed));
  assert_outline (fixed, "s-2 s-1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/strategy/new", test_strategy_new);
  g_test_add_func ("/accord/strategy/add-remove", test_strategy_add_remove);
  g_test_add_func ("/accord/strategy/entities", test_strategy_entities);
  g_test_add_func ("/accord/strategy/children", test_strategy_children);
  g_test_add_func ("/accord/strategy/moves", test_strategy_moves);
  g_test_add_func ("/accord/strategy/entity-changed", test_strategy_entity_changed);
  g_test_add_func ("/accord/strategy/outline", test_strategy_outline);
  g_test_add_func ("/accord/strategy/outline-cycle", test_strategy_outline_cycle);
  g_test_add_func ("/accord/strategy/order-after", test_strategy_order_after);
  g_test_add_func ("/accord/strategy/order-respread", test_strategy_order_respread);
  g_test_add_func ("/accord/strategy/check", test_strategy_check);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/strategy/problems/duplicate-id",
                                 test_problems_duplicate_id);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/strategy/problems/parent-cycle",
                                 test_problems_parent_cycle);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/strategy/problems/deep-chain",
                                 test_problems_deep_chain);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/strategy/problems/bad-references",
                                 test_problems_bad_references);
  ACCORD_TEST_ADD_WITH_STRATEGY ("/accord/strategy/problems/fixed", test_problems_fixed);

  return g_test_run ();
}
