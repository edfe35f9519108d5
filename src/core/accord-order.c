/* accord-order.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-order"

#include "config.h"

#include <string.h>

#include "accord-order.h"

/*
 * Order keys place an entity among its siblings without a central list.
 * A key is a string of base-36 digits (0-9, a-z) read as the digits of a
 * fraction between 0 and 1, so keys compare with strcmp() and there is
 * always a key between two others. Keys never end in "0": "k" and "k0"
 * would be the same fraction.
 *
 * Two drafters who insert after the same sibling at the same time may get
 * the same key; siblings with equal keys are ordered by id, so the merge of
 * their work is still clean and deterministic.
 */

#define BASE 36
#define MAX_KEY_LENGTH 128

static int
digit_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  return -1;
}

static char
digit_char (int value)
{
  g_assert (value >= 0 && value < BASE);

  return value < 10 ? '0' + value : 'a' + value - 10;
}

/**
 * accord_order_key_is_valid:
 * @key: (nullable): a string
 *
 * Returns: whether @key is a valid order key
 */
gboolean
accord_order_key_is_valid (const char *key)
{
  gsize length;

  if (key == NULL || *key == '\0')
    return FALSE;

  length = strlen (key);
  if (length > MAX_KEY_LENGTH || key[length - 1] == '0')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (digit_value (key[i]) < 0)
        return FALSE;
    }

  return TRUE;
}

/* Appends to @out a key strictly between the fractions @a (at least 0) and
 * @b (at most 1, or NULL for 1). */
static void
midpoint (GString    *out,
          const char *a,
          const char *b)
{
  int da, db;

  if (b != NULL)
    {
      gsize a_length = strlen (a);
      gsize n = 0;

      /* Copy the common prefix, reading missing digits of a as 0. */
      while (b[n] != '\0' && (n < a_length ? a[n] : '0') == b[n])
        n++;

      if (n > 0)
        {
          g_string_append_len (out, b, n);
          midpoint (out, a + MIN (n, a_length), b + n);
          return;
        }
    }

  da = a[0] != '\0' ? digit_value (a[0]) : 0;
  db = b != NULL ? digit_value (b[0]) : BASE;

  if (db - da > 1)
    {
      g_string_append_c (out, digit_char ((da + db) / 2));
    }
  else if (b != NULL && b[1] != '\0')
    {
      /* b has more digits, so its first digit alone is below b and above a. */
      g_string_append_c (out, b[0]);
    }
  else
    {
      g_string_append_c (out, digit_char (da));
      midpoint (out, a[0] != '\0' ? a + 1 : a, NULL);
    }
}

/* Appends to @out the key one step above (or below) @key, for placing after
 * the last sibling (or before the first). Halving the gap each time would
 * add a digit every few steps; counting instead keeps long runs short. A
 * key that starts with n "z" digits (n "0" digits, stepping down) counts
 * with the n + 1 digits after them, so each level holds 36 times more keys
 * than the one before. Returns FALSE when there is no such step. */
static gboolean
step (GString    *out,
      const char *key,
      gboolean    up)
{
  gsize length = strlen (key);
  gsize level = strspn (key, up ? "z" : "0");
  gsize width = level + 1;
  char counter[MAX_KEY_LENGTH];
  gsize end;

  if (level + width > MAX_KEY_LENGTH)
    return FALSE;

  for (gsize i = 0; i < width; i++)
    counter[i] = level + i < length ? key[level + i] : '0';

  /* The first digit of the counter is never "z" (never "0"), so the carry
   * stops there at the latest. */
  for (gsize i = width; i-- > 0;)
    {
      int value = digit_value (counter[i]) + (up ? 1 : -1);

      if (value >= 0 && value < BASE)
        {
          counter[i] = digit_char (value);
          break;
        }

      counter[i] = up ? '0' : digit_char (BASE - 1);
    }

  /* Trailing zeros add nothing to the fraction; a key of zeros only is 0,
   * below every key. */
  end = width;
  while (end > 0 && counter[end - 1] == '0')
    end--;

  if (level + end == 0)
    return FALSE;

  g_string_append_len (out, key, level);
  g_string_append_len (out, counter, end);

  return TRUE;
}

/**
 * accord_order_key_between:
 * @before: (nullable): the key to sort after, or %NULL for the first place
 * @after: (nullable): the key to sort before, or %NULL for the last place
 *
 * Makes a key that sorts after @before and before @after. Placing after
 * the last sibling increments a digit, and placing before the first
 * decrements one, so that adding one item after another keeps keys short.
 *
 * Returns: (transfer full): a new order key
 */
char *
accord_order_key_between (const char *before,
                          const char *after)
{
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (before == NULL || accord_order_key_is_valid (before), NULL);
  g_return_val_if_fail (after == NULL || accord_order_key_is_valid (after), NULL);
  g_return_val_if_fail (before == NULL || after == NULL || strcmp (before, after) < 0, NULL);

  if ((before != NULL && after == NULL && step (key, before, TRUE)) ||
      (before == NULL && after != NULL && step (key, after, FALSE)))
    return g_string_free (key, FALSE);

  midpoint (key, before != NULL ? before : "", after);

  return g_string_free (key, FALSE);
}

/**
 * accord_order_keys_spread:
 * @n: how many keys
 *
 * Makes @n keys in increasing order, spread evenly and all short, for
 * placing many new siblings at once (an import, for instance).
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys
 */
char **
accord_order_keys_spread (guint n)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  guint digits = 1;
  guint64 space = BASE;
  char **keys;

  while (space < (guint64) n + 1 && digits < 12)
    {
      space *= BASE;
      digits++;
    }

  for (guint i = 0; i < n; i++)
    {
      guint64 value = (guint64) ((i + 1) * (double) space / (n + 1));
      char buffer[16];

      for (guint d = digits; d > 0; d--)
        {
          buffer[d - 1] = digit_char (value % BASE);
          value /= BASE;
        }
      buffer[digits] = '\0';

      /* Trailing zeros add nothing to the fraction and are not allowed. */
      for (guint d = digits; d > 1 && buffer[d - 1] == '0'; d--)
        buffer[d - 1] = '\0';

      g_strv_builder_add (builder, buffer);
    }

  keys = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return keys;
}
