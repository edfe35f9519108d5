/* test-html.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord.h"
#include "accord-test-util.h"

/* The strategy as one standalone HTML page: its structure, what is
 * escaped or left out, and the fields of objectives. The strategies are
 * read back from a repository, as the export reads them. */

#define AUTHOR "HTML Tests <html@example.org>"

typedef struct
{
  char             *tmpdir;
  AccordRepository *repository;
  AccordStrategy   *strategy;   /* written to the repository by export() */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->tmpdir = accord_test_make_tmpdir ("accord-html-XXXXXX");
  path = g_build_filename (fixture->tmpdir, "strategy", NULL);
  fixture->strategy = accord_strategy_new ("Stratégie <test> & co", "fr");
  fixture->repository = accord_test_create (path, fixture->strategy, AUTHOR, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->strategy);
  g_clear_object (&fixture->repository);
  accord_test_clear_tmpdir (&fixture->tmpdir);
}

static void
add_section (Fixture    *fixture,
             const char *id,
             const char *parent,
             const char *order,
             const char *title,
             const char *body)
{
  accord_test_add (fixture->strategy, ACCORD_ENTITY_SECTION, id,
                   "parent", parent, "order", order, "title", title, "body", body, NULL);
}

/* A top-level section with a body, an objective with every field and a
 * sub-section. */
static void
add_sections_with_objective (Fixture    *fixture,
                             const char *body)
{
  const char * const partners[] = { "Expertise France", "AFD", NULL };
  const char * const indicators[] = {
    "Nombre de pays partenaires", "Part de femmes formées", NULL
  };
  AccordEntity *objective;

  add_section (fixture, "s-solidarite", NULL, "i", "Solidarité numérique", body);
  add_section (fixture, "s-inclusion", "s-solidarite", "i", "Inclusion", NULL);
  objective = accord_test_add (fixture->strategy, ACCORD_ENTITY_OBJECTIVE, "o-former",
                               "section", "s-solidarite", "order", "i", "code", "O2.1",
                               "title", "Former 100 000 personnes", "status", "in-progress",
                               "priority", "high", "lead", "Ministère <des affaires étrangères>",
                               "due", "2027-06-30",
                               "description", "Formations *en ligne* et sur place.", NULL);
  g_assert_true (accord_entity_set_list (objective, "partner", partners, NULL));
  g_assert_true (accord_entity_set_list (objective, "indicator", indicators, NULL));
}

/* Writes the fixture's strategy, reads it back and exports it. */
static char *
export (Fixture *fixture)
{
  g_autoptr(AccordStrategy) read = NULL;
  g_autoptr(GError) error = NULL;
  char *html;

  accord_test_write (fixture->repository, fixture->strategy);
  read = accord_test_load (fixture->repository);

  html = accord_html_export (read, &error);
  g_assert_no_error (error);
  g_assert_nonnull (html);

  return html;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

static void
assert_contains (const char *html,
                 const char *fragment)
{
  if (strstr (html, fragment) == NULL)
    g_test_message ("“%s” is not in:\n%s", fragment, html);
  g_assert_nonnull (strstr (html, fragment));
}

/* Every element is closed, in the order it was opened. */
static void
assert_well_formed (const char *html)
{
  static const char * const void_elements[] = { "br", "hr", "img", "input", "meta", NULL };
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      gboolean closing = p[1] == '/';
      const char *name = p + (closing ? 2 : 1);
      char *tag = g_strndup (name, strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789"));

      /* The doctype and comments have no name. */
      if (*tag == '\0' || g_strv_contains (void_elements, tag))
        {
          g_free (tag);
          continue;
        }

      if (!closing)
        {
          g_ptr_array_add (open, tag);
          continue;
        }

      g_assert_cmpuint (open->len, >, 0);
      g_assert_cmpstr (g_ptr_array_index (open, open->len - 1), ==, tag);
      g_ptr_array_remove_index (open, open->len - 1);
      g_free (tag);
    }

  g_assert_cmpuint (open->len, ==, 0);
}

static void
assert_balanced (const char *html,
                 const char *open,
                 const char *close)
{
  g_assert_cmpuint (count_occurrences (html, open), >, 0);
  g_assert_cmpuint (count_occurrences (html, open), ==, count_occurrences (html, close));
}

/* The page as a whole: a document that loads nothing, with a table of
 * contents linking to every section once. */
static void
test_html_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) outline = NULL;

  accord_test_set (ACCORD_ENTITY (fixture->strategy), "subtitle", "Version de travail");
  accord_test_set (ACCORD_ENTITY (fixture->strategy), "summary", "Un *résumé*.");
  add_sections_with_objective (fixture, "Corps.");
  add_section (fixture, "s-suivi", NULL, "k", "Suivi", "Un comité.");
  outline = accord_strategy_dup_outline (fixture->strategy);
  html = export (fixture);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"));
  g_assert_true (g_str_has_suffix (html, "</body>\n</html>\n"));
  assert_contains (html, "<meta charset=\"utf-8\">");
  assert_contains (html, "<meta name=\"viewport\" content=\"width=device-width, "
                         "initial-scale=1\">");
  assert_contains (html, "<meta name=\"generator\" content=\"" PACKAGE_NAME " "
                         PACKAGE_VERSION "\">");
  assert_contains (html, "<header class=\"document\">\n<p class=\"status\">Draft</p>\n"
                         "<h1>Stratégie &lt;test&gt; &amp; co</h1>\n"
                         "<p class=\"subtitle\">Version de travail</p>\n</header>\n"
                         "<div class=\"summary\">\n<p>Un <em>résumé</em>.</p>\n</div>\n");
  assert_contains (html, "<nav class=\"contents\">\n<h2>Contents</h2>\n");
  assert_contains (html, "@media print");

  /* Nothing is loaded from elsewhere. */
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "@import"));
  g_assert_null (strstr (html, "url("));

  /* One anchor per section, and one link to it from the contents. */
  g_assert_cmpuint (outline->len, ==, 3);
  g_assert_cmpuint (count_occurrences (html, "href=\"#"), ==, outline->len);
  for (guint i = 0; i < outline->len; i++)
    {
      const char *id = accord_entity_get_id (g_ptr_array_index (outline, i));
      g_autofree char *anchor = g_strdup_printf ("<section id=\"%s\"", id);
      g_autofree char *link = g_strdup_printf ("<a href=\"#%s\">", id);

      g_assert_cmpuint (count_occurrences (html, anchor), ==, 1);
      g_assert_cmpuint (count_occurrences (html, link), ==, 1);
    }

  assert_well_formed (html);
  assert_balanced (html, "<section ", "</section>");
  assert_balanced (html, "<ol>", "</ol>");
  assert_balanced (html, "<li>", "</li>");
  assert_balanced (html, "<div ", "</div>");
}

/* Sections nest as the outline does, in the page and in its contents;
 * headings follow the depth, up to h6. */
static void
test_html_structure (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *html = NULL;
  const char *one, *deep, *two, *orphan;

  add_section (fixture, "s-1", NULL, "i", "One", NULL);
  add_section (fixture, "s-2", NULL, "j", "Two", NULL);
  add_section (fixture, "s-11", "s-1", "i", "One.one", NULL);
  add_section (fixture, "s-111", "s-11", "i", "Level 3", NULL);
  add_section (fixture, "s-1111", "s-111", "i", "Level 4", NULL);
  add_section (fixture, "s-11111", "s-1111", "i", "Level 5", NULL);
  add_section (fixture, "s-orphan", "s-gone", "i", "Orphan", NULL);
  html = export (fixture);
  assert_well_formed (html);

  assert_contains (html, "<section id=\"s-1\" class=\"level-1\">\n<h2>One</h2>\n"
                         "<section id=\"s-11\" class=\"level-2\">\n<h3>One.one</h3>\n"
                         "<section id=\"s-111\" class=\"level-3\">\n<h4>Level 3</h4>\n"
                         "<section id=\"s-1111\" class=\"level-4\">\n<h5>Level 4</h5>\n"
                         "<section id=\"s-11111\" class=\"level-5\">\n<h6>Level 5</h6>\n"
                         "</section>\n</section>\n</section>\n</section>\n</section>\n"
                         "<section id=\"s-2\" class=\"level-1\">\n<h2>Two</h2>\n"
                         "</section>\n");

  /* A section whose parent is missing stands at the top, last. */
  assert_contains (html, "<section id=\"s-orphan\" class=\"level-1\">\n<h2>Orphan</h2>\n"
                         "</section>\n</main>\n");

  /* The contents nest the same way. */
  assert_contains (html, "<ol>\n<li><a href=\"#s-1\">One</a>\n"
                         "<ol>\n<li><a href=\"#s-11\">One.one</a>\n"
                         "<ol>\n<li><a href=\"#s-111\">Level 3</a>\n");
  assert_contains (html, "<li><a href=\"#s-11111\">Level 5</a></li>\n</ol>\n</li>\n</ol>\n"
                         "</li>\n</ol>\n</li>\n</ol>\n</li>\n"
                         "<li><a href=\"#s-2\">Two</a></li>\n"
                         "<li><a href=\"#s-orphan\">Orphan</a></li>\n</ol>\n</nav>\n");

  one = strstr (html, "id=\"s-1\"");
  deep = strstr (html, "id=\"s-11111\"");
  two = strstr (html, "id=\"s-2\"");
  orphan = strstr (html, "id=\"s-orphan\"");
  g_assert_true (one < deep && deep < two && two < orphan);
}

/* A strategy without sections has neither contents nor sections; one
 * written from right to left says so. */
static void
test_html_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *html = NULL;
  g_autofree char *arabic = NULL;

  accord_test_set (ACCORD_ENTITY (fixture->strategy), "status", "consultation");
  html = export (fixture);
  assert_well_formed (html);
  g_assert_null (strstr (html, "<nav"));
  g_assert_null (strstr (html, "<section"));
  g_assert_null (strstr (html, "dir="));
  assert_contains (html, "<p class=\"status\">In consultation</p>");
  assert_contains (html, "</header>\n<main>\n</main>\n</body>");

  accord_test_set (ACCORD_ENTITY (fixture->strategy), "language", "ar-EG");
  arabic = export (fixture);
  g_assert_true (g_str_has_prefix (arabic, "<!DOCTYPE html>\n<html lang=\"ar-EG\" dir=\"rtl\">"));
}

/* Texts in the header and the fields are escaped; Markdown texts are
 * rendered without their raw HTML and their unsafe links. */
static void
test_html_escaping (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char body[] =
    "Un texte.\n"
    "\n"
    "<script>alert(1)</script>\n"
    "\n"
    "Un [lien piégé](javascript:alert(2)) et <img src=x onerror=alert(3)>.";
  g_autofree char *html = NULL;

  accord_test_set (ACCORD_ENTITY (fixture->strategy), "subtitle", "<script>alert(4)</script>");
  add_sections_with_objective (fixture, body);
  add_section (fixture, "s-quotes", NULL, "j", "« \"Quotes\" & 'apostrophes' »", NULL);
  accord_test_add (fixture->strategy, ACCORD_ENTITY_OBJECTIVE, "o-code",
                   "section", "s-quotes", "order", "i", "code", "<b>1</b>",
                   "title", "A < B", "lead", "\"Them\" & <us>", NULL);
  html = export (fixture);

  assert_well_formed (html);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "javascript:"));
  assert_contains (html, "<title>Stratégie &lt;test&gt; &amp; co</title>");
  assert_contains (html, "<h1>Stratégie &lt;test&gt; &amp; co</h1>");
  assert_contains (html, "<p class=\"subtitle\">&lt;script&gt;alert(4)&lt;/script&gt;</p>");
  assert_contains (html, "<p>Un texte.</p>");
  assert_contains (html, "<h2>« &quot;Quotes&quot; &amp; &apos;apostrophes&apos; »</h2>");
  assert_contains (html, "<a href=\"#s-quotes\">« &quot;Quotes&quot; &amp; "
                         "&apos;apostrophes&apos; »</a>");
  assert_contains (html, "<h3><span class=\"code\">&lt;b&gt;1&lt;/b&gt;</span> A &lt; B</h3>");
  assert_contains (html, "<dt>Lead</dt>\n<dd>&quot;Them&quot; &amp; &lt;us&gt;</dd>");
}

/* An objective is a card after its section's body and before its
 * sub-sections, with each of its fields, in order. */
static void
test_html_objective_fields (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *html = NULL;
  const char *card;

  add_sections_with_objective (fixture, "Corps.");
  html = export (fixture);
  assert_well_formed (html);
  assert_balanced (html, "<article ", "</article>");

  card = strstr (html, "<article class=\"objective\" id=\"o-former\">\n");
  g_assert_nonnull (card);
  g_assert_true (g_str_has_prefix (card,
                                   "<article class=\"objective\" id=\"o-former\">\n"
                                   "<h3><span class=\"code\">O2.1</span> "
                                   "Former 100 000 personnes</h3>\n"
                                   "<dl>\n"
                                   "<dt>Status</dt>\n"
                                   "<dd class=\"status-in-progress\">In progress</dd>\n"
                                   "<dt>Priority</dt>\n"
                                   "<dd class=\"priority-high\">High</dd>\n"
                                   "<dt>Lead</dt>\n"
                                   "<dd>Ministère &lt;des affaires étrangères&gt;</dd>\n"
                                   "<dt>Due date</dt>\n"
                                   "<dd><time datetime=\"2027-06-30\">2027-06-30</time></dd>\n"
                                   "<dt>Partners</dt>\n<dd>Expertise France, AFD</dd>\n"
                                   "<dt>Indicators</dt>\n<dd><ul>\n"
                                   "<li>Nombre de pays partenaires</li>\n"
                                   "<li>Part de femmes formées</li>\n</ul></dd>\n"
                                   "</dl>\n"
                                   "<div class=\"description\">\n"
                                   "<p>Formations <em>en ligne</em> et sur place.</p>\n"
                                   "</div>\n"
                                   "</article>\n"));

  /* The card comes after the section's body, before its sub-section. */
  g_assert_true (strstr (html, "<p>Corps.</p>") < card);
  g_assert_true (card < strstr (html, "<h3>Inclusion</h3>"));
}

/* Fields left empty are left out, and an objective with none but its
 * title has no list of fields; values show their labels. */
static void
test_html_objective_bare (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *html = NULL;

  add_section (fixture, "s-1", NULL, "i", "One", NULL);
  accord_test_add (fixture->strategy, ACCORD_ENTITY_OBJECTIVE, "o-bare",
                   "section", "s-1", "order", "i", "title", "Bare", NULL);
  accord_test_add (fixture->strategy, ACCORD_ENTITY_OBJECTIVE, "o-late",
                   "section", "s-1", "order", "j", "title", "Late", "status", "delayed",
                   "priority", "low", NULL);
  html = export (fixture);
  assert_well_formed (html);

  assert_contains (html, "<article class=\"objective\" id=\"o-bare\">\n<h3>Bare</h3>\n"
                         "</article>\n");
  assert_contains (html, "<article class=\"objective\" id=\"o-late\">\n<h3>Late</h3>\n<dl>\n"
                         "<dt>Status</dt>\n<dd class=\"status-delayed\">Delayed</dd>\n"
                         "<dt>Priority</dt>\n<dd class=\"priority-low\">Low</dd>\n"
                         "</dl>\n</article>\n");
  g_assert_cmpuint (count_occurrences (html, "<dl>"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  ACCORD_TEST_ADD ("/accord/html/page", test_html_page);
  ACCORD_TEST_ADD ("/accord/html/structure", test_html_structure);
  ACCORD_TEST_ADD ("/accord/html/empty", test_html_empty);
  ACCORD_TEST_ADD ("/accord/html/escaping", test_html_escaping);
  ACCORD_TEST_ADD ("/accord/html/objective-fields", test_html_objective_fields);
  ACCORD_TEST_ADD ("/accord/html/objective-bare", test_html_objective_bare);


  return g_test_run ();
}
