/* accord-bench.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Generates a large strategy with a long history and prints how long the
 * everyday operations take on it:
 *
 *   accord-bench [--sections 1000] [--objectives 5000] [--comments 20000]
 *                [--revisions 2000] [--keep DIR] [--cli PATH]
 *
 * Figures are medians of several runs, in milliseconds, on this machine;
 * the program asserts nothing about them.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <git2.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-format-private.h"
#include "accord-git-private.h"

#define AUTHOR "Bench Mark <bench@example.org>"

static int n_sections = 1000;
static int n_objectives = 5000;
static int n_comments = 20000;
static int n_revisions = 2000;
static char *keep_dir = NULL;
static char *cli_path = NULL;

/* Text follows Zipf's law over a French-looking vocabulary: common
 * function words first, then the words of the field, then made-up words,
 * so that searches match as many entities as they would in real text. */
static const char * const common_words[] = {
  "de", "la", "le", "et", "les", "des", "à", "en", "du", "pour", "un", "une", "dans",
  "sur", "par", "au", "avec", "que", "qui", "est", "plus", "aux", "ce", "sont", "nous",
};

static const char * const field_words[] = {
  "stratégie", "numérique", "coopération", "partenaires", "données", "souveraineté",
  "connectivité", "inclusion", "gouvernance", "internet", "ouvert", "sécurité",
  "régulation", "innovation", "diplomatie", "compétences", "infrastructures",
  "confiance", "développement", "européenne", "multilatéral", "droits", "humains",
  "citoyens", "services", "publics", "cybersécurité", "intelligence", "artificielle",
  "climat", "énergie", "formation", "recherche", "entreprises", "accès", "réseaux",
};

#define N_WORDS 4000

static GPtrArray *vocabulary;
static double cumulative[N_WORDS];

static void
make_vocabulary (GRand *rand)
{
  static const char * const syllables[] = {
    "ra", "vé", "lon", "ti", "mar", "cel", "po", "den", "su", "gri", "fa", "nou",
    "bé", "tra", "min", "col", "dé", "rou", "sa", "quel", "pé", "lan", "vi", "or",
  };
  double total = 0;

  vocabulary = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
    g_ptr_array_add (vocabulary, g_strdup (common_words[i]));
  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    g_ptr_array_add (vocabulary, g_strdup (field_words[i]));
  while (vocabulary->len < N_WORDS)
    {
      GString *word = g_string_new (NULL);
      int count = g_rand_int_range (rand, 2, 5);

      for (int i = 0; i < count; i++)
        g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      g_ptr_array_add (vocabulary, g_string_free (word, FALSE));
    }

  for (guint i = 0; i < N_WORDS; i++)
    {
      total += 1.0 / (i + 1);
      cumulative[i] = total;
    }
  for (guint i = 0; i < N_WORDS; i++)
    cumulative[i] /= total;
}

static const char *
pick_word (GRand *rand)
{
  double x = g_rand_double (rand);
  guint low = 0, high = N_WORDS - 1;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (cumulative[middle] < x)
        low = middle + 1;
      else
        high = middle;
    }

  return g_ptr_array_index (vocabulary, low);
}

static char *
sentence (GRand *rand,
          int    length)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < length; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, pick_word (rand));
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static char *
paragraphs (GRand *rand,
            int    count)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < count; i++)
    {
      g_autofree char *one = sentence (rand, g_rand_int_range (rand, 12, 40));

      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, one);
    }

  return g_string_free (text, FALSE);
}

static void
set (AccordEntity *entity,
     const char   *field,
     const char   *value)
{
  g_autoptr(GError) error = NULL;

  if (!accord_entity_set_field (entity, field, value, &error))
    g_error ("%s", error->message);
}

static AccordEntity *
add (AccordStrategy   *strategy,
     AccordEntityKind  kind)
{
  g_autoptr(AccordEntity) entity = accord_entity_new (kind, NULL);

  accord_strategy_add (strategy, entity, NULL);

  return entity;
}

static void
add_sections (AccordStrategy *strategy,
              GRand          *rand,
              GPtrArray      *sections)
{
  int top = MAX (1, n_sections / 10);
  g_auto(GStrv) orders = accord_order_keys_spread (n_sections);

  for (int i = 0; i < n_sections; i++)
    {
      AccordEntity *section = add (strategy, ACCORD_ENTITY_SECTION);
      g_autofree char *title = sentence (rand, 4);
      g_autofree char *body = paragraphs (rand, 3);

      if (i >= top)
        set (section, "parent", accord_entity_get_id (g_ptr_array_index (sections, i % top)));
      set (section, "order", orders[i]);
      set (section, "title", title);
      set (section, "body", body);
      g_ptr_array_add (sections, section);
    }
}

static void
add_objectives (AccordStrategy *strategy,
                GRand          *rand,
                GPtrArray      *sections,
                GPtrArray      *targets)
{
  g_auto(GStrv) orders = accord_order_keys_spread (n_objectives);

  for (int i = 0; i < n_objectives; i++)
    {
      AccordEntity *objective = add (strategy, ACCORD_ENTITY_OBJECTIVE);
      g_autofree char *code = g_strdup_printf ("O%d.%d", i / 10 + 1, i % 10 + 1);
      g_autofree char *title = sentence (rand, 6);
      g_autofree char *description = paragraphs (rand, 2);
      g_autofree char *indicator = sentence (rand, 8);
      const char * const indicators[] = { indicator, "Rapport annuel publié", NULL };

      set (objective, "section",
           accord_entity_get_id (g_ptr_array_index (sections, i % sections->len)));
      set (objective, "order", orders[i]);
      set (objective, "code", code);
      set (objective, "title", title);
      set (objective, "status", "planned");
      set (objective, "lead", "Direction du numérique");
      set (objective, "due", "2028-12-31");
      set (objective, "description", description);
      accord_entity_set_list (objective, "indicator", indicators, NULL);
      g_ptr_array_add (targets, objective);
    }
}

static void
add_consultation (AccordStrategy *strategy,
                  GRand          *rand,
                  GPtrArray      *targets)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) comments = g_ptr_array_new ();
  AccordEntity *round = add (strategy, ACCORD_ENTITY_ROUND);

  set (round, "title", "Consultation publique");
  set (round, "opens", "2026-01-05");
  set (round, "closes", "2026-02-27");

  for (int i = 0; i < 500; i++)
    {
      AccordEntity *person = add (strategy, ACCORD_ENTITY_PARTICIPANT);
      g_autofree char *name = g_strdup_printf ("Participant %d", i + 1);

      set (person, "name", name);
      g_ptr_array_add (people, person);
    }

  for (int i = 0; i < n_comments; i++)
    {
      AccordEntity *comment = add (strategy, ACCORD_ENTITY_COMMENT);
      g_autofree char *body = paragraphs (rand, g_rand_int_range (rand, 1, 4));
      AccordEntity *target = g_ptr_array_index (targets, g_rand_int_range (rand, 0, targets->len));

      set (comment, "round", accord_entity_get_id (round));
      set (comment, "target", accord_entity_get_id (target));
      set (comment, "author",
           accord_entity_get_id (g_ptr_array_index (people, i % people->len)));
      set (comment, "created", "2026-01-20T10:00:00Z");
      set (comment, "body", body);
      if (comments->len > 0 && g_rand_int_range (rand, 0, 5) == 0)
        set (comment, "parent",
             accord_entity_get_id (g_ptr_array_index (comments,
                                                      g_rand_int_range (rand, 0, comments->len))));
      g_ptr_array_add (comments, comment);
    }
}

/* Builds the history straight from trees, one section edit per revision,
 * then checks the last one out: far quicker than saving 2,000 times, and
 * the repository ends up the same. */
static void
add_history (const char     *path,
             AccordStrategy *strategy,
             GPtrArray      *sections,
             GRand          *rand)
{
  g_autoptr(git_repository) git = NULL;
  g_autoptr(git_commit) parent = NULL;
  git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
  git_oid commit_id;

  g_assert (git_repository_open (&git, path) == 0);
  g_assert (git_revparse_single ((git_object **) &parent, git, "HEAD^{commit}") == 0);

  for (int r = 1; r < n_revisions; r++)
    {
      AccordEntity *section = g_ptr_array_index (sections, g_rand_int_range (rand, 0, sections->len));
      g_autofree char *title = sentence (rand, 5);
      g_autofree char *name = g_strconcat (accord_entity_get_id (section), ".md", NULL);
      g_autofree char *message = g_strdup_printf ("Edit section %s", accord_entity_get_id (section));
      g_autoptr(git_tree) root = NULL;
      g_autoptr(git_tree) root_new = NULL;
      g_autoptr(git_tree) dir = NULL;
      g_autoptr(git_treebuilder) builder = NULL;
      g_autoptr(git_signature) signature = NULL;
      g_autoptr(GBytes) bytes = NULL;
      git_oid blob_id, dir_id, root_id;
      gsize size;
      const char *data;

      set (section, "title", title);
      bytes = _accord_format_write (section);
      data = g_bytes_get_data (bytes, &size);

      g_assert (git_commit_tree (&root, parent) == 0);
      g_assert (git_tree_lookup (&dir, git, git_tree_entry_id (git_tree_entry_byname (root, "sections"))) == 0);
      g_assert (git_blob_create_from_buffer (&blob_id, git, data, size) == 0);
      g_assert (git_treebuilder_new (&builder, git, dir) == 0);
      g_assert (git_treebuilder_insert (NULL, builder, name, &blob_id, GIT_FILEMODE_BLOB) == 0);
      g_assert (git_treebuilder_write (&dir_id, builder) == 0);
      g_clear_pointer (&builder, git_treebuilder_free);
      g_assert (git_treebuilder_new (&builder, git, root) == 0);
      g_assert (git_treebuilder_insert (NULL, builder, "sections", &dir_id, GIT_FILEMODE_TREE) == 0);
      g_assert (git_treebuilder_write (&root_id, builder) == 0);
      g_assert (git_tree_lookup (&root_new, git, &root_id) == 0);
      g_assert (git_signature_new (&signature, "Bench Mark", "bench@example.org",
                                   1767225600 + r * 600, 60) == 0);
      g_assert (git_commit_create_v (&commit_id, git, "HEAD", signature, signature, NULL,
                                     message, root_new, 1, parent) == 0);
      g_clear_pointer (&parent, git_commit_free);
      g_assert (git_commit_lookup (&parent, git, &commit_id) == 0);
    }

  checkout.checkout_strategy = GIT_CHECKOUT_FORCE;
  g_assert (git_checkout_head (git, &checkout) == 0);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

static void
report (const char *what,
        double      ms,
        const char *note)
{
  printf ("  %-48s %10.1f ms%s%s\n", what, ms, note != NULL ? "   " : "", note != NULL ? note : "");
}

static double
time_command (const char *cwd,
              const char *command)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", command, error->message);

  return elapsed_ms (start);
}

static AccordStrategy *
open_strategy (AccordRepository *repository,
               double           *ms)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  AccordStrategy *strategy;

  workspace = accord_workspace_open (repository, &error);
  g_assert_no_error (error);
  strategy = accord_workspace_load (workspace, &error);
  g_assert_no_error (error);
  *ms = elapsed_ms (start);

  return strategy;
}

static void
measure_open (AccordRepository *repository)
{
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *git_dir = accord_repository_dup_git_dir (repository);
  g_autofree char *db = g_build_filename (git_dir, "accord", "workspace.sqlite", NULL);
  double ms;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AccordStrategy) direct = NULL;
      gint64 start = g_get_monotonic_time ();

      direct = accord_repository_load (repository, &error);
      g_assert_no_error (error);
      ms = elapsed_ms (start);
      g_array_append_val (warm, ms);
    }
  report ("open, reading every file (no workspace)", median (warm), NULL);

  g_unlink (db);
  {
    g_autoptr(AccordStrategy) cold = open_strategy (repository, &ms);

    report ("cold open (workspace built from scratch)", ms, NULL);
    printf ("    %u sections, %u objectives, %u comments, %u problems\n",
             accord_strategy_count (cold, ACCORD_ENTITY_SECTION),
             accord_strategy_count (cold, ACCORD_ENTITY_OBJECTIVE),
             accord_strategy_count (cold, ACCORD_ENTITY_COMMENT),
             accord_strategy_get_problems (cold)->len);
  }

  g_array_set_size (warm, 0);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(AccordStrategy) again = open_strategy (repository, &ms);

      g_array_append_val (warm, ms);
    }
  report ("warm open (workspace up to date)", median (warm), "target <= 100 ms");
}

static void
measure_save (AccordRepository *repository)
{
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) outline = NULL;
  g_autoptr(GError) error = NULL;
  double ms;

  strategy = open_strategy (repository, &ms);
  outline = accord_strategy_dup_outline (strategy);

  for (guint i = 0; i < 9; i++)
    {
      AccordEntity *section = g_ptr_array_index (outline, (i * 97) % outline->len);
      g_autofree char *title = g_strdup_printf ("Section révisée %u", i);
      g_autofree char *revision = NULL;
      gint64 start = g_get_monotonic_time ();

      set (section, "title", title);
      accord_repository_write (repository, strategy, &error);
      g_assert_no_error (error);
      revision = accord_repository_save_written (repository, "Edit one section", AUTHOR, &error);
      g_assert_no_error (error);
      ms = elapsed_ms (start);
      g_array_append_val (times, ms);
    }
  report ("save a one-section edit, in process", median (times), "target <= 20 ms");

  g_array_set_size (times, 0);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AccordRepository) fresh = accord_repository_open (accord_repository_get_path (repository),
                                                                 &error);
      g_autofree char *revision = NULL;
      AccordEntity *section = g_ptr_array_index (outline, (i * 31 + 5) % outline->len);
      g_autofree char *title = g_strdup_printf ("Section revue %u", i);
      gint64 start;

      set (section, "title", title);
      accord_repository_write (repository, strategy, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      revision = accord_repository_save (fresh, "Edit one section", AUTHOR, &error);
      g_assert_no_error (error);
      ms = elapsed_ms (start);
      g_array_append_val (times, ms);
    }
  report ("save, looking at the whole work tree", median (times), NULL);
}

/* git would start "gc --auto" in the background after a commit, which
 * would slow every figure after this one; it is switched off for the
 * repository instead (Accord itself never starts it). */
static void
measure_commands (AccordRepository *repository)
{
  const char *path = accord_repository_get_path (repository);
  g_autoptr(GArray) git_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cli_times = g_array_new (FALSE, FALSE, sizeof (double));

  if (cli_path == NULL)
    return;

  time_command (path, "git config gc.auto 0");

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *edit = g_strdup_printf ("printf 'Note %u.\\n' >> strategy.md", i);
      g_autofree char *cli = g_strdup_printf ("'%s' save . -m 'Edit %u' --author '%s' > /dev/null",
                                              cli_path, i, AUTHOR);
      double ms;

      time_command (path, edit);
      ms = time_command (path, "git add -A && git -c user.name=B -c user.email=b@example.org "
                               "commit -q -m edit");
      g_array_append_val (git_times, ms);
      time_command (path, edit);
      ms = time_command (path, cli);
      g_array_append_val (cli_times, ms);
    }

  report ("git add -A && git commit (one file changed)", median (git_times), NULL);
  report ("accord-cli save (one file changed)", median (cli_times), NULL);
}

static void
measure_history (AccordRepository *repository)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* The git commands above may have packed the objects: open the
   * repository again, as a program starting now would. */
  repository = accord_repository_open (accord_repository_get_path (repository), &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();

  page = accord_repository_log (repository, NULL, 50, &error);
  g_assert_no_error (error);
  report ("history, latest 50 revisions with their changes", elapsed_ms (start), NULL);

  start = g_get_monotonic_time ();
  all = accord_repository_log (repository, NULL, 0, &error);
  g_assert_no_error (error);
  report ("history, every revision with its changes", elapsed_ms (start), NULL);
  printf ("    %u revisions\n", all->len);
  g_object_unref (repository);
}

static void
measure_search (AccordRepository *repository)
{
  static const char * const queries[] = {
    "strategie", "souverainete numerique", "cybersecurite", "partenaires donnees", "infra",
    "de la", NULL
  };
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;

  workspace = accord_workspace_open (repository, &error);
  g_assert_no_error (error);
  strategy = accord_workspace_load (workspace, &error);
  g_assert_no_error (error);

  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *label = g_strdup_printf ("search '%s' (best 20)", queries[q]);

      for (guint i = 0; i < 15; i++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          gint64 start = g_get_monotonic_time ();
          double ms;

          hits = accord_workspace_search (workspace, queries[q], "[", "]", 20, &error);
          g_assert_no_error (error);
          ms = elapsed_ms (start);
          g_array_append_val (times, ms);
        }
      report (label, median (times), "target <= 10 ms");
    }
}

/* Inputs meant to make a command slow (hostile or careless): one comment
 * repeating the searched word 100,000 times, and a chain of 20,000 nested
 * sections. Each must cost time linear in its size. */
static void
measure_hostile (const char *parent)
{
  g_autofree char *path = g_build_filename (parent, "hostile", NULL);
  g_autofree char *sections = g_build_filename (path, "sections", NULL);
  g_autofree char *comments = g_build_filename (path, "comments", NULL);
  g_autofree char *comment = g_build_filename (comments, "c-repeat.md", NULL);
  g_autoptr(AccordStrategy) strategy = accord_strategy_new ("Hostile", "fr");
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordWorkspace) workspace = NULL;
  g_autoptr(AccordStrategy) loaded = NULL;
  g_autoptr(GString) text = g_string_new ("---\ntarget: strategy\n---\nDébut.");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  gint64 start;

  repository = accord_repository_create (path, strategy, AUTHOR, "Hostile", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (sections, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (comments, 0755), ==, 0);

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, " donnees");
  g_string_append (text, "\n");
  g_file_set_contents (comment, text->str, text->len, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/s-d%05u.md", sections, i);
      g_autofree char *data = i == 0
        ? g_strdup ("---\norder: i\n\ntitle: D\n---\n")
        : g_strdup_printf ("---\nparent: s-d%05u\n\norder: i\n\ntitle: D\n---\n", i - 1);

      g_file_set_contents (file, data, -1, &error);
      g_assert_no_error (error);
    }

  start = g_get_monotonic_time ();
  workspace = accord_workspace_open (repository, &error);
  g_assert_no_error (error);
  loaded = accord_workspace_load (workspace, &error);
  g_assert_no_error (error);
  report ("open a chain of 20,000 nested sections (cold)", elapsed_ms (start), NULL);

  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) outline = accord_strategy_dup_outline (loaded);
    guint deepest = 0;

    for (guint i = 0; i < outline->len; i++)
      deepest = MAX (deepest, accord_strategy_get_depth (loaded, g_ptr_array_index (outline, i)));
    g_assert_cmpuint (deepest, ==, ACCORD_STRATEGY_MAX_DEPTH);
  }
  report ("  its outline with every depth", elapsed_ms (start), NULL);

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      double ms;

      start = g_get_monotonic_time ();
      hits = accord_workspace_search (workspace, "donnees", "[", "]", 20, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      ms = elapsed_ms (start);
      g_array_append_val (times, ms);
    }
  report ("search a word a comment repeats 100,000 times", median (times), "target <= 100 ms");
}

static const GOptionEntry entries[] = {
  { "sections", 0, 0, G_OPTION_ARG_INT, &n_sections, "Sections to generate", "N" },
  { "objectives", 0, 0, G_OPTION_ARG_INT, &n_objectives, "Objectives to generate", "N" },
  { "comments", 0, 0, G_OPTION_ARG_INT, &n_comments, "Comments to generate", "N" },
  { "revisions", 0, 0, G_OPTION_ARG_INT, &n_revisions, "Revisions of history", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Generate into DIR and keep it", "DIR" },
  { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli_path, "accord-cli to time", "PATH" },
  { NULL }
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  struct rusage usage;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  if (cli_path == NULL && g_getenv ("ACCORD_CLI") != NULL)
    cli_path = g_strdup (g_getenv ("ACCORD_CLI"));
  if (cli_path != NULL)
    {
      char *absolute = g_canonicalize_filename (cli_path, NULL);

      g_free (cli_path);
      cli_path = absolute;
    }

  /* Figures appear as they are measured, even if a later step fails. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  accord_init ();
  make_vocabulary (rand);
  tmpdir = keep_dir != NULL ? g_strdup (keep_dir) : g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  path = g_build_filename (tmpdir, "strategy", NULL);

  printf ("Generating %d sections, %d objectives, %d comments, %d revisions in %s\n",
           n_sections, n_objectives, n_comments, n_revisions, path);
  start = g_get_monotonic_time ();
  strategy = accord_strategy_new ("Stratégie internationale pour le numérique", "fr");
  add_sections (strategy, rand, sections);
  add_objectives (strategy, rand, sections, targets);
  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (targets, g_ptr_array_index (sections, i));
  add_consultation (strategy, rand, targets);
  repository = accord_repository_create (path, strategy, AUTHOR, "Generated strategy", &error);
  g_assert_no_error (error);
  add_history (path, strategy, sections, rand);
  printf ("  generated in %.1f s\n\n", elapsed_ms (start) / 1000.0);

  /* Write the generated files out now, rather than while they are timed. */
  sync ();

  g_clear_object (&repository);
  repository = accord_repository_open (path, &error);
  g_assert_no_error (error);

  measure_open (repository);
  measure_save (repository);
  measure_commands (repository);
  measure_history (repository);
  measure_search (repository);
  measure_hostile (tmpdir);

  getrusage (RUSAGE_SELF, &usage);
  printf ("  %-48s %10.1f MiB\n", "peak memory (resident, whole run)", usage.ru_maxrss / 1024.0);

  if (keep_dir == NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmpdir);

      time_command ("/", command);
    }

  g_clear_pointer (&vocabulary, g_ptr_array_unref);

  return 0;
}
