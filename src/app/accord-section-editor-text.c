/* accord-section-editor-text.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-section-editor"

#include "config.h"

#include "accord-section-editor-private.h"

/* The section editor's work on plain text, which needs no widget: counting
 * the words of the body for the word count, and the folding of case, accents
 * and typography that lets accord_section_editor_reveal_text() find
 * "strategie" in "Stratégie" or "coeur" in "cœur". */

static inline gboolean
is_word_char (gunichar c)
{
  /* Marks belong to the letter they combine with. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_word_joiner (gunichar c)
{
  switch (c)
    {
    case '\'':
    case '-':
    case 0x02BC: /* MODIFIER LETTER APOSTROPHE */
    case 0x2010: /* HYPHEN */
    case 0x2011: /* NON-BREAKING HYPHEN */
    case 0x2019: /* RIGHT SINGLE QUOTATION MARK, the typographic apostrophe */
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_number_separator (gunichar c)
{
  /* "3,5", "3.5", "10 000" with a no-break or narrow no-break space. */
  return c == ',' || c == '.' || c == 0x00A0 || c == 0x202F;
}

/* A word is a run of letters and digits, which one apostrophe or hyphen
 * between two of them does not break: "L'État s'engage — vite." has three
 * words (L'État, s'engage, vite), "porte-parole" one, "**ouvert**" one. A
 * comma, a period or a no-break space between two digits does not break a
 * number either: "3,5" is one word. Punctuation, dashes and Markdown marks
 * are not words. */
guint
_accord_section_editor_count_words (const char *text)
{
  gboolean in_word = FALSE;
  gboolean joined = FALSE;
  gboolean in_number = FALSE;
  gboolean after_digit = FALSE;
  guint count = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        {
          /* Only a digit goes on a number after its separator. */
          if (!in_word || (in_number && !g_unichar_isdigit (c)))
            count++;
          in_word = TRUE;
          joined = FALSE;
          in_number = FALSE;
          after_digit = g_unichar_isdigit (c);
        }
      else if (in_word && !joined && is_word_joiner (c))
        {
          joined = TRUE;
        }
      else if (in_word && !joined && after_digit && is_number_separator (c))
        {
          joined = TRUE;
          in_number = TRUE;
        }
      else
        {
          in_word = FALSE;
          joined = FALSE;
          in_number = FALSE;
        }
    }

  return count;
}

static void
fold_append (GArray   *folded,
             GArray   *offsets,
             gunichar  c,
             int       offset)
{
  switch (c)
    {
    case 0x00E6: /* æ */
      fold_append (folded, offsets, 'a', offset);
      fold_append (folded, offsets, 'e', offset);
      return;
    case 0x0153: /* œ */
      fold_append (folded, offsets, 'o', offset);
      fold_append (folded, offsets, 'e', offset);
      return;
    case 0x02BC:
    case 0x2018:
    case 0x2019:
      c = '\'';
      break;
    default:
      if (g_unichar_isspace (c))
        c = ' ';
      break;
    }

  g_array_append_val (folded, c);
  if (offsets != NULL)
    g_array_append_val (offsets, offset);
}

/* Folds @text for a search that ignores case and accents: each character is
 * decomposed, stripped of its marks and case-folded. French spellings that
 * differ only in typography fold together too: "œ" and "oe", "’" and "'",
 * a no-break space and a space. @offsets, when given, receives for each
 * folded character the offset of the character of @text it comes from. */
static GArray *
fold_text (const char *text,
           GArray     *offsets)
{
  GArray *folded = g_array_new (FALSE, FALSE, sizeof (gunichar));
  int offset = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n_decomposed;

      if (c < 0x80)
        {
          fold_append (folded, offsets, g_ascii_tolower (c), offset);
          continue;
        }

      n_decomposed = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n_decomposed; i++)
        {
          char utf8[8];
          g_autofree char *casefolded = NULL;

          if (g_unichar_ismark (decomposed[i]))
            continue;

          utf8[g_unichar_to_utf8 (decomposed[i], utf8)] = '\0';
          casefolded = g_utf8_casefold (utf8, -1);
          for (const char *q = casefolded; *q != '\0'; q = g_utf8_next_char (q))
            fold_append (folded, offsets, g_utf8_get_char (q), offset);
        }
    }

  return folded;
}

/* Finds @needle in @haystack ignoring case and accents; @start and @end
 * receive the character offsets of the first match in @haystack. */
gboolean
_accord_section_editor_find_folded (const char *haystack,
                                    const char *needle,
                                    int        *start,
                                    int        *end)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) text = fold_text (haystack, offsets);
  g_autoptr(GArray) pattern = fold_text (needle, NULL);
  const gunichar *t = (const gunichar *) (gpointer) text->data;
  const gunichar *n = (const gunichar *) (gpointer) pattern->data;

  if (pattern->len == 0 || pattern->len > text->len)
    return FALSE;

  for (guint i = 0; i + pattern->len <= text->len; i++)
    {
      guint j = 0;

      while (j < pattern->len && t[i + j] == n[j])
        j++;

      if (j == pattern->len)
        {
          *start = g_array_index (offsets, int, i);
          *end = g_array_index (offsets, int, i + j - 1) + 1;
          return TRUE;
        }
    }

  return FALSE;
}
