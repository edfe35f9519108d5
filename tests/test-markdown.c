/* test-markdown.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord.h"
#include "accord-objective-private.h"
#include "accord-test-util.h"

/* A draft strategy, built from its parts so that each body can be compared
 * with what was written. NBSP is a no-break space, NNBSP a narrow one. */

#define NBSP "\u00a0"
#define NNBSP "\u202f"

#define TITLE "Stratégie nationale pour le numérique international 2026–2030"

#define SUMMARY \
  "Ce document présente la *version de travail* de la stratégie de la France " \
  "pour le numérique à l’international. Il rassemble les contributions des " \
  "ministères, du réseau diplomatique et de la société civile.\n" \
  "\n" \
  "Il sera soumis à la «" NBSP "consultation publique" NBSP "» au printemps."

#define BODY_ORIENTATIONS \
  "La France défend un numérique **ouvert, sûr et inclusif**, fondé sur les droits humains.  \n" \
  "Cette ambition s’appuie sur trois principes" NNBSP ":\n" \
  "\n" \
  "- la souveraineté numérique européenne" NNBSP ";\n" \
  "- la coopération avec les pays partenaires" NNBSP ";\n" \
  "- la protection des données personnelles."

#define BODY_GOUVERNANCE \
  "Nous soutenons le modèle *multipartite*, où États, entreprises, chercheurs " \
  "et citoyens décident ensemble de l’avenir du réseau."

#define BODY_INSTANCES \
  "La France participera activement au _Pacte numérique mondial_ et au suivi " \
  "du Sommet mondial sur la société de l’information."

#define BODY_ORGANISMES \
  "| Organisme | Rôle | Engagement français |\n" \
  "|---|---|---|\n" \
  "| IETF | Normes de l’internet | Soutien aux experts |\n" \
  "| ICANN | Noms de domaine | Présence au comité consultatif |\n" \
  "| W3C | Normes du web | Financement de l’accessibilité |"

#define BODY_CYBER \
  "L’«" NBSP "Appel de Paris" NBSP "» reste la référence de notre action diplomatique.  "

#define BODY_FEUILLE \
  "Chaque ambassade rédigera sa feuille de route selon le modèle suivant" NNBSP ":\n" \
  "\n" \
  "```markdown\n" \
  "# Feuille de route — pays\n" \
  "\n" \
  "## Priorités\n" \
  "```\n" \
  "\n" \
  "<div class=\"note\">\n" \
  "# Ceci n’est pas un titre non plus\n" \
  "</div>\n" \
  "\n" \
  "Les postes transmettront leur document avant le 30" NBSP "juin."

#define BODY_INCLUSION \
  "1. Former 100" NNBSP "000 personnes aux compétences numériques de base.\n" \
  "2. Ouvrir des *Maisons du numérique* dans dix capitales partenaires.\n" \
  "\n" \
  "> ## Une citation, pas une section\n" \
  "> «" NBSP "Le numérique doit réduire les inégalités, non les creuser." NBSP "»"

#define BODY_SUIVI \
  "Un comité de pilotage interministériel se réunira deux fois par an.  \n" \
  "Il rendra compte au Parlement d’ici la fin de 2027."

#define DOCUMENT_HEAD \
  "# " TITLE "\n\n" \
  SUMMARY "\n\n" \
  "## Orientations générales\n\n" \
  BODY_ORIENTATIONS "\n\n" \
  "### Gouvernance de l’internet\n\n" \
  BODY_GOUVERNANCE "\n\n" \
  "#### Instances onusiennes\n\n" \
  BODY_INSTANCES "\n\n" \
  "#### Organismes techniques\n\n" \
  BODY_ORGANISMES "\n\n" \
  "### Cybersécurité\n\n" \
  BODY_CYBER "\n\n" \
  "## Solidarité numérique\n\n"

#define DOCUMENT_TAIL \
  " Feuille de route des ambassades\n\n" \
  BODY_FEUILLE "\n\n" \
  "### Inclusion et compétences\n\n" \
  BODY_INCLUSION "\n\n" \
  "## Mise en œuvre et suivi\n\n" \
  BODY_SUIVI "\n"

/* A level-4 heading right after a level-2 one: it becomes a sub-section,
 * written back one level up. */
static const char document[] = DOCUMENT_HEAD "####" DOCUMENT_TAIL;
static const char document_exported[] = DOCUMENT_HEAD "###" DOCUMENT_TAIL;

typedef struct
{
  const char *title;
  guint       depth;
  int         parent;   /* index in the outline, or -1 */
  const char *body;
} ExpectedSection;

static const ExpectedSection expected_outline[] = {
  { "Orientations générales", 0, -1, BODY_ORIENTATIONS },
  { "Gouvernance de l’internet", 1, 0, BODY_GOUVERNANCE },
  { "Instances onusiennes", 2, 1, BODY_INSTANCES },
  { "Organismes techniques", 2, 1, BODY_ORGANISMES },
  { "Cybersécurité", 1, 0, BODY_CYBER },
  { "Solidarité numérique", 0, -1, NULL },
  { "Feuille de route des ambassades", 1, 5, BODY_FEUILLE },
  { "Inclusion et compétences", 1, 5, BODY_INCLUSION },
  { "Mise en œuvre et suivi", 0, -1, BODY_SUIVI },
};

static AccordStrategy *
import_or_fail (const char *text)
{
  g_autoptr(GError) error = NULL;
  AccordStrategy *strategy = accord_markdown_import (text, -1, "fr", &error);

  g_assert_no_error (error);
  g_assert_nonnull (strategy);

  return strategy;
}

static void
assert_outline (AccordStrategy        *strategy,
                const ExpectedSection *expected,
                guint                  n_expected)
{
  g_autoptr(GPtrArray) outline = accord_strategy_dup_outline (strategy);

  g_assert_cmpuint (outline->len, ==, n_expected);

  for (guint i = 0; i < outline->len; i++)
    {
      AccordSection *section = g_ptr_array_index (outline, i);
      const char *parent = accord_section_get_parent (section);

      g_assert_cmpstr (accord_section_get_title (section), ==, expected[i].title);
      g_assert_cmpuint (accord_strategy_get_depth (strategy, section), ==, expected[i].depth);
      g_assert_cmpstr (accord_section_get_body (section), ==, expected[i].body);
      g_assert_true (accord_order_key_is_valid (accord_section_get_order (section)));

      if (expected[i].parent < 0)
        g_assert_null (parent);
      else
        g_assert_cmpstr (parent, ==,
                         accord_entity_get_id (g_ptr_array_index (outline, expected[i].parent)));
    }
}

static void
test_import (void)
{
  g_autoptr(AccordStrategy) strategy = import_or_fail (document);
  AccordEntity *entity = ACCORD_ENTITY (strategy);

  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, TITLE);
  g_assert_cmpstr (accord_strategy_get_language (strategy), ==, "fr");
  g_assert_cmpstr (accord_entity_get_field (entity, "summary"), ==, SUMMARY);
  g_assert_cmpstr (accord_entity_get_field (entity, "status"), ==, "draft");
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_SECTION), ==,
                    G_N_ELEMENTS (expected_outline));
  g_assert_cmpuint (accord_strategy_count (strategy, ACCORD_ENTITY_OBJECTIVE), ==, 0);

  assert_outline (strategy, expected_outline, G_N_ELEMENTS (expected_outline));
}

static void
test_round_trip (void)
{
  g_autoptr(AccordStrategy) strategy = import_or_fail (document_exported);
  g_autoptr(AccordStrategy) skipping = import_or_fail (document);
  g_autoptr(AccordStrategy) again = NULL;
  g_autofree char *exported = accord_markdown_export (strategy);
  g_autofree char *normalized = accord_markdown_export (skipping);
  g_autofree char *exported_again = NULL;

  /* A document in the usual layout comes back byte for byte. */
  g_assert_cmpstr (exported, ==, document_exported);

  /* A skipped heading level is written as the section's depth. */
  g_assert_cmpstr (normalized, ==, document_exported);

  again = import_or_fail (exported);
  assert_outline (again, expected_outline, G_N_ELEMENTS (expected_outline));
  exported_again = accord_markdown_export (again);
  g_assert_cmpstr (exported_again, ==, exported);
}

static void
test_blank_lines (void)
{
  static const char text[] =
    "\n"
    "# Titre\n"
    "\n"
    "\n"
    "  \t\n"
    "Résumé sur deux lignes,  \n"
    "la seconde finit par deux espaces.  \n"
    "\n"
    "\n"
    "## Code\n"
    "\n"
    "\n"
    "    code indenté\n"
    "\n"
    "        encore du code\n"
    "\n"
    "\n"
    "\n"
    "## Collé\n"
    "Texte juste sous le titre.\n"
    "## Vide\n"
    "   \n"
    "## Dernière";
  static const char expected[] =
    "# Titre\n"
    "\n"
    "Résumé sur deux lignes,  \n"
    "la seconde finit par deux espaces.  \n"
    "\n"
    "## Code\n"
    "\n"
    "    code indenté\n"
    "\n"
    "        encore du code\n"
    "\n"
    "## Collé\n"
    "\n"
    "Texte juste sous le titre.\n"
    "\n"
    "## Vide\n"
    "\n"
    "## Dernière\n";
  static const ExpectedSection sections[] = {
    { "Code", 0, -1, "    code indenté\n\n        encore du code" },
    { "Collé", 0, -1, "Texte juste sous le titre." },
    { "Vide", 0, -1, NULL },
    { "Dernière", 0, -1, NULL },
  };
  g_autoptr(AccordStrategy) strategy = import_or_fail (text);
  g_autofree char *exported = accord_markdown_export (strategy);

  g_assert_cmpstr (accord_entity_get_field (ACCORD_ENTITY (strategy), "summary"), ==,
                   "Résumé sur deux lignes,  \nla seconde finit par deux espaces.  ");
  assert_outline (strategy, sections, G_N_ELEMENTS (sections));
  g_assert_cmpstr (exported, ==, expected);
}

static void
test_line_breaks (void)
{
  static const char text[] =
    "# Titre\r\n"
    "\r\n"
    "Résumé\r\n"
    "suite\r\n"
    "\r\n"
    "## Partie\r"
    "\r"
    "Corps\r"
    "\r"
    "## Autre\n";
  static const ExpectedSection sections[] = {
    { "Partie", 0, -1, "Corps" },
    { "Autre", 0, -1, NULL },
  };
  g_autoptr(AccordStrategy) strategy = import_or_fail (text);

  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, "Titre");
  g_assert_cmpstr (accord_entity_get_field (ACCORD_ENTITY (strategy), "summary"), ==,
                   "Résumé\r\nsuite");
  assert_outline (strategy, sections, G_N_ELEMENTS (sections));
}

static void
test_heading_forms (void)
{
  static const char text[] =
    "\xef\xbb\xbf"
    "Titre souligné\n"
    "==============\n"
    "\n"
    "Première partie\n"
    "sur deux lignes\n"
    "---\n"
    "\n"
    "Texte.\n"
    "\n"
    "  ## Deuxième partie ##   \n"
    "\n"
    "### C# et F# #\n"
    "\n"
    "#### Étape n°1 ####\n"
    "\n"
    "# Un second titre de niveau 1\n"
    "\n"
    "###### Six\n"
    "\n"
    "#### Quatre\n"
    "\n"
    "## Sept\n";
  static const ExpectedSection sections[] = {
    { "Première partie sur deux lignes", 0, -1, "Texte." },
    { "Deuxième partie", 0, -1, NULL },
    { "C# et F#", 1, 1, NULL },
    { "Étape n°1", 2, 2, NULL },
    { "Un second titre de niveau 1", 0, -1, NULL },
    { "Six", 1, 4, NULL },
    { "Quatre", 1, 4, NULL },
    { "Sept", 0, -1, NULL },
  };
  g_autoptr(AccordStrategy) strategy = import_or_fail (text);
  g_autoptr(AccordStrategy) again = NULL;
  g_autofree char *exported = accord_markdown_export (strategy);

  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, "Titre souligné");
  g_assert_null (accord_entity_get_field (ACCORD_ENTITY (strategy), "summary"));
  assert_outline (strategy, sections, G_N_ELEMENTS (sections));

  g_assert_true (g_str_has_prefix (exported, "# Titre souligné\n\n## Première partie"));
  g_assert_nonnull (strstr (exported, "\n### C# et F# #\n\n#### Étape n°1\n"));

  again = import_or_fail (exported);
  assert_outline (again, sections, G_N_ELEMENTS (sections));
}

static void
assert_import_error (const char *text,
                     gssize      length,
                     const char *language,
                     GQuark      domain,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStrategy) strategy = accord_markdown_import (text, length, language, &error);

  g_assert_error (error, domain, code);
  g_assert_null (strategy);
}

static void
test_no_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;

  assert_import_error ("", -1, "fr", ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE);
  assert_import_error ("Un texte sans titre.\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE);
  assert_import_error ("## Une section\n\n# Le titre, trop tard\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE);
  assert_import_error ("```\n# Pas un titre\n```\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE);
  assert_import_error ("# \n\nTexte.\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_NO_TITLE);
  assert_import_error ("Préambule.\n\n# Titre\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_TEXT_BEFORE_TITLE);
  assert_import_error ("# Titre\n\n## Une\n\n### \n\nTexte.\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_EMPTY_HEADING);
  assert_import_error ("# Titre\n\n## Une\n\n#\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_EMPTY_HEADING);
  assert_import_error ("# Titre\n\n## Une\n\n### #\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_EMPTY_HEADING);

  strategy = accord_markdown_import ("\n  Préambule.\n\n# Titre\n", -1, "fr", &error);
  g_assert_null (strategy);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The document has text before its title, from line 2:"));
  g_clear_error (&error);

  strategy = accord_markdown_import ("# Titre\n\nTexte.\n\n## \n", -1, "fr", &error);
  g_assert_null (strategy);
  g_assert_cmpstr (error->message, ==,
                   "The heading on line 5 has no title: write it after the “#”s");
  g_clear_error (&error);

  strategy = accord_markdown_import ("# Titre\n\nCaf\xc3\n", -1, "fr", &error);
  g_assert_null (strategy);
  g_assert_cmpstr (error->message, ==, "The document is not valid UTF-8 text, from line 3");
  g_clear_error (&error);

  strategy = accord_markdown_import ("Un texte sans titre.\n", -1, "fr", &error);
  g_assert_null (strategy);
  g_assert_cmpstr (error->message, ==,
                   "The document has no title: its first heading must be a level-1 "
                   "heading (“# Title”)");

  /* Blank lines before the title are only layout. */
  g_clear_object (&strategy);
  strategy = import_or_fail ("\n  \n# Titre\n");
  g_assert_cmpstr (accord_strategy_get_title (strategy), ==, "Titre");
}

static void
test_invalid (void)
{
  static const char with_nul[] = "# Titre\n\nTexte\0caché\n";

  assert_import_error ("# Titre\n\nCaf\xc3\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_INVALID_UTF8);
  assert_import_error ("# Titre \xff\xfe\n", -1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_INVALID_UTF8);
  assert_import_error (with_nul, sizeof with_nul - 1, "fr",
                       ACCORD_MARKDOWN_ERROR, ACCORD_MARKDOWN_ERROR_INVALID_UTF8);
  assert_import_error ("# Titre\n", -1, "Français",
                       ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE);
}

/* A top-level section with one objective and one sub-section. */
static AccordStrategy *
make_strategy_with_objective (const char  *section_body,
                              const char **objective_id)
{
  AccordStrategy *strategy = accord_strategy_new ("Stratégie <test> & co", "fr");
  const char * const partners[] = { "Expertise France", "AFD", NULL };
  const char * const indicators[] = {
    "Nombre de pays partenaires", "Part de femmes formées", NULL
  };
  AccordEntity *section, *objective;

  section = accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL, "order", "i",
                             "title", "Solidarité numérique", "body", section_body, NULL);
  accord_test_add (strategy, ACCORD_ENTITY_SECTION, NULL, "parent", accord_entity_get_id (section),
                   "order", "i", "title", "Inclusion", NULL);
  objective = accord_test_add (strategy, ACCORD_ENTITY_OBJECTIVE, NULL,
                               "section", accord_entity_get_id (section), "order", "i",
                               "code", "O2.1", "title", "Former 100 000 personnes",
                               "status", "in-progress", "priority", "high",
                               "lead", "Ministère <des affaires étrangères>", "due", "2027-06-30",
                               "description", "Formations *en ligne* et sur place.", NULL);
  g_assert_true (accord_entity_set_list (objective, "partner", partners, NULL));
  g_assert_true (accord_entity_set_list (objective, "indicator", indicators, NULL));

  *objective_id = accord_entity_get_id (objective);

  return strategy;
}

static void
test_objectives (void)
{
  static const char expected[] =
    "# Stratégie <test> & co\n"
    "\n"
    "## Solidarité numérique\n"
    "\n"
    "Corps de la section.\n"
    "\n"
    "### O2.1 — Former 100 000 personnes\n"
    "\n"
    "- Status: In progress\n"
    "- Priority: High\n"
    "- Lead: Ministère <des affaires étrangères>\n"
    "- Due date: 2027-06-30\n"
    "- Partners: Expertise France, AFD\n"
    "- Indicators:\n"
    "  - Nombre de pays partenaires\n"
    "  - Part de femmes formées\n"
    "\n"
    "Formations *en ligne* et sur place.\n"
    "\n"
    "### Inclusion\n";
  const char *objective_id;
  g_autoptr(AccordStrategy) strategy = make_strategy_with_objective ("Corps de la section.",
                                                                     &objective_id);
  g_autofree char *exported = accord_markdown_export (strategy);

  g_assert_cmpstr (exported, ==, expected);
}

static char *
export_html_or_fail (AccordStrategy *strategy)
{
  g_autoptr(GError) error = NULL;
  char *html = accord_html_export (strategy, &error);

  g_assert_no_error (error);
  g_assert_nonnull (html);

  return html;
}

/* Every element is closed, in the order it was opened. */
/* The text of an HTML fragment without its tags and entities, its lines
 * trimmed and the empty ones left out. */
static char *
dup_html_text (const char *html,
               gsize       length)
{
  static const char * const entities[][2] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&amp;", "&" },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_auto(GStrv) split = NULL;
  gboolean in_tag = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (html[i] == '<' || html[i] == '>')
        in_tag = html[i] == '<';
      else if (!in_tag)
        g_string_append_c (text, html[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (text, entities[i][0], entities[i][1], 0);

  split = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      if (*g_strstrip (split[i]) != '\0')
        g_ptr_array_add (lines, split[i]);
    }
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The fields of the objective card starting at @card, as "Label=value",
 * lists with one item a line. */
static GPtrArray *
dup_html_fields (const char *card)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *end = strstr (card, "</dl>");

  g_assert_nonnull (end);

  for (const char *dt = strstr (card, "<dt>"); dt != NULL && dt < end; dt = strstr (dt + 1, "<dt>"))
    {
      const char *label_end = strstr (dt, "</dt>");
      const char *dd = strstr (dt, "<dd");
      const char *dd_end = strstr (dt, "</dd>");
      g_autofree char *label = g_strndup (dt + 4, label_end - (dt + 4));
      g_autofree char *value = dup_html_text (dd, dd_end - dd);

      g_ptr_array_add (fields, g_strdup_printf ("%s=%s", label, value));
    }

  return fields;
}

/* The fields under the Markdown heading @heading, as dup_html_fields()
 * gives them. */
static GPtrArray *
dup_markdown_fields (const char *markdown,
                     const char *heading)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *start = strstr (markdown, heading);
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (start);
  lines = g_strsplit (strstr (start, "\n\n") + 2, "\n", -1);

  for (guint i = 0; lines[i] != NULL && g_str_has_prefix (lines[i], "- "); i++)
    {
      const char *label = lines[i] + 2;
      const char *colon = strstr (label, ": ");
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      if (colon != NULL)
        {
          g_ptr_array_add (fields, g_strdup_printf ("%.*s=%s", (int) (colon - label), label,
                                                    colon + 2));
          continue;
        }

      /* "- Label:", then its items, indented. */
      g_assert_true (g_str_has_suffix (label, ":"));
      for (; lines[i + 1] != NULL && g_str_has_prefix (lines[i + 1], "  - "); i++)
        g_ptr_array_add (items, lines[i + 1] + 4);
      g_ptr_array_add (items, NULL);
      joined = g_strjoinv ("\n", (char **) items->pdata);
      g_ptr_array_add (fields, g_strdup_printf ("%.*s=%s", (int) strlen (label) - 1, label,
                                                joined));
    }

  return fields;
}

/* Both exports show the same fields of an objective, in the same order,
 * with the same labels and values: the list the objective gives them. */
static void
test_objective_fields (void)
{
  const char *objective_id;
  g_autoptr(AccordStrategy) strategy = make_strategy_with_objective ("Corps.", &objective_id);
  g_autofree char *html = export_html_or_fail (strategy);
  g_autofree char *markdown = accord_markdown_export (strategy);
  g_autofree char *card = g_strdup_printf ("<article class=\"objective\" id=\"%s\">",
                                           objective_id);
  g_autoptr(GPtrArray) from_html = NULL;
  g_autoptr(GPtrArray) from_markdown = NULL;
  const AccordShownField *shown = _accord_objective_get_shown_fields ();
  guint n_shown = 0;

  g_assert_nonnull (strstr (html, card));
  from_html = dup_html_fields (strstr (html, card));
  from_markdown = dup_markdown_fields (markdown, "### O2.1 — Former 100 000 personnes\n");
  while (shown[n_shown].name != NULL)
    n_shown++;

  /* Every field shown is set in this objective. */
  g_assert_cmpuint (from_html->len, ==, n_shown);
  g_assert_cmpuint (from_markdown->len, ==, n_shown);

  for (guint i = 0; i < n_shown; i++)
    {
      g_autofree char *label = g_strconcat (shown[i].label, "=", NULL);

      g_assert_cmpstr (g_ptr_array_index (from_html, i), ==, g_ptr_array_index (from_markdown, i));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (from_html, i), label));
    }

  g_assert_cmpstr (g_ptr_array_index (from_html, 2), ==,
                   "Lead=Ministère <des affaires étrangères>");
  g_assert_cmpstr (g_ptr_array_index (from_html, n_shown - 1), ==,
                   "Indicators=Nombre de pays partenaires\nPart de femmes formées");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/markdown/import", test_import);
  g_test_add_func ("/accord/markdown/round-trip", test_round_trip);
  g_test_add_func ("/accord/markdown/blank-lines", test_blank_lines);
  g_test_add_func ("/accord/markdown/line-breaks", test_line_breaks);
  g_test_add_func ("/accord/markdown/heading-forms", test_heading_forms);
  g_test_add_func ("/accord/markdown/no-title", test_no_title);
  g_test_add_func ("/accord/markdown/invalid", test_invalid);
  g_test_add_func ("/accord/markdown/objectives", test_objectives);
  g_test_add_func ("/accord/export/objective-fields", test_objective_fields);

  return g_test_run ();
}
