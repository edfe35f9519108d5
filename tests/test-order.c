/* test-order.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord.h"
#include "accord-test-util.h"

/* Order keys: the fractions that place siblings between each other
 * without renumbering them. */

static void
test_order_valid (void)
{
  g_autofree char *longest = g_strnfill (128, 'z');
  g_autofree char *too_long = g_strnfill (129, 'z');
  const char * const valid[] = { "1", "i", "z", "a1", "0001", "zzz", "09az", NULL };
  const char * const invalid[] = { "", "0", "a0", "00", "A", "a-b", "a b", "é", "i\n", NULL };

  for (guint i = 0; valid[i] != NULL; i++)
    g_assert_true (accord_order_key_is_valid (valid[i]));
  for (guint i = 0; invalid[i] != NULL; i++)
    g_assert_false (accord_order_key_is_valid (invalid[i]));

  g_assert_false (accord_order_key_is_valid (NULL));
  g_assert_true (accord_order_key_is_valid (longest));
  g_assert_false (accord_order_key_is_valid (too_long));
}

static void
test_order_between (void)
{
  static const struct {
    const char *before;
    const char *after;
  } pairs[] = {
    { NULL, NULL },
    { NULL, "i" },
    { NULL, "1" },
    { NULL, "01" },
    { NULL, "0001" },
    { "i", NULL },
    { "z", NULL },
    { "zzzz", NULL },
    { "y", NULL },
    { "a1", NULL },
    { "a", "a1" },
    { "a", "a01" },
    { "a", "a001" },
    { "a", "b" },
    { "a", "c" },
    { "a1", "a2" },
    { "az", "b" },
    { "azz", "b" },
    { "9", "a" },
    { "y", "z" },
    { "yz", "z" },
    { "zy", "zz" },
    { "0001", "0002" },
    { "1", "11" },
    { "i", "i00001" },
    { "abc", "abd" },
    { "abcz", "abd1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *key = accord_order_key_between (pairs[i].before, pairs[i].after);

      g_test_message ("between “%s” and “%s”: “%s”",
                      pairs[i].before ? pairs[i].before : "(start)",
                      pairs[i].after ? pairs[i].after : "(end)", key);
      accord_test_assert_order_between (pairs[i].before, pairs[i].after, key);
    }

  /* Stable: the same neighbours give the same key. */
  {
    g_autofree char *a = accord_order_key_between ("a", "a1");
    g_autofree char *b = accord_order_key_between ("a", "a1");

    g_assert_cmpstr (a, ==, b);
  }

  /* The first key is short. */
  {
    g_autofree char *first = accord_order_key_between (NULL, NULL);

    g_assert_cmpuint (strlen (first), ==, 1);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
insert_randomly (GRand *rand,
                 guint  n)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  gsize longest = 0;

  for (guint i = 0; i < n; i++)
    {
      guint position = g_rand_int_range (rand, 0, keys->len + 1);
      const char *before = position > 0 ? g_ptr_array_index (keys, position - 1) : NULL;
      const char *after = position < keys->len ? g_ptr_array_index (keys, position) : NULL;
      char *key = accord_order_key_between (before, after);

      accord_test_assert_order_between (before, after, key);
      g_ptr_array_insert (keys, position, key);
      longest = MAX (longest, strlen (key));
    }

  /* Strictly increasing from end to end, every key valid. */
  for (guint i = 0; i < keys->len; i++)
    {
      g_assert_true (accord_order_key_is_valid (g_ptr_array_index (keys, i)));
      if (i > 0)
        g_assert_cmpstr (g_ptr_array_index (keys, i - 1), <, g_ptr_array_index (keys, i));
    }

  /* Sorting them gives the same order. */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_copy (keys, NULL, NULL);

    /* The copy shares the strings. */
    g_ptr_array_set_free_func (sorted, NULL);
    g_ptr_array_sort (sorted, compare_strings);
    for (guint i = 0; i < keys->len; i++)
      g_assert_true (g_ptr_array_index (sorted, i) == g_ptr_array_index (keys, i));
  }

  g_test_message ("%u random insertions: the longest key has %" G_GSIZE_FORMAT " digits",
                  n, longest);
  g_assert_cmpuint (longest, <=, 24);
}

static void
test_order_random (void)
{
  g_autoptr(GRand) fixed = g_rand_new_with_seed (20260301);
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) varying = g_rand_new_with_seed (seed);

  /* Once with a fixed seed, once with the test run's (see --seed). */
  insert_randomly (fixed, 2000);
  g_test_message ("second run with seed %u", seed);
  insert_randomly (varying, 2000);
}


/* Makes @n keys one after the other, each next to the one before at the
 * end (or at the start) of the list; returns the length of the longest. */
static gsize
insert_at_end (char     **key,
               gboolean   at_start,
               guint      n)
{
  gsize longest = strlen (*key);

  for (guint i = 0; i < n; i++)
    {
      char *next = at_start ? accord_order_key_between (NULL, *key)
                            : accord_order_key_between (*key, NULL);

      if (at_start)
        accord_test_assert_order_between (NULL, *key, next);
      else
        accord_test_assert_order_between (*key, NULL, next);
      longest = MAX (longest, strlen (next));
      g_free (*key);
      *key = next;
    }

  return longest;
}

static void
test_order_append (void)
{
  g_autofree char *key = accord_order_key_between (NULL, NULL);
  gsize longest = insert_at_end (&key, FALSE, 1000);

  g_test_message ("1000 appends: the longest key has %" G_GSIZE_FORMAT " digits", longest);
  g_assert_cmpuint (longest, <=, 8);

  /* Appending goes on working well past the first thousand. */
  longest = MAX (longest, insert_at_end (&key, FALSE, 20000));
  g_assert_cmpuint (longest, <=, 16);
}

static void
test_order_prepend (void)
{
  g_autofree char *key = accord_order_key_between (NULL, NULL);
  gsize longest = insert_at_end (&key, TRUE, 1000);

  g_test_message ("1000 insertions at the start: the longest key has %" G_GSIZE_FORMAT " digits",
                  longest);
  g_assert_cmpuint (longest, <=, 8);
}

static void
test_order_spread (void)
{
  static const struct {
    guint n;
    gsize max_length;
  } cases[] = {
    { 0, 0 },
    { 1, 1 },
    { 2, 1 },
    { 35, 1 },
    { 36, 2 },
    { 1000, 2 },
    { 1295, 2 },
    { 20000, 3 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(GStrv) keys = accord_order_keys_spread (cases[c].n);

      g_test_message ("spread %u", cases[c].n);
      g_assert_nonnull (keys);
      g_assert_cmpuint (g_strv_length (keys), ==, cases[c].n);

      for (guint i = 0; i < cases[c].n; i++)
        {
          g_assert_true (accord_order_key_is_valid (keys[i]));
          g_assert_cmpuint (strlen (keys[i]), <=, cases[c].max_length);
          if (i > 0)
            g_assert_cmpstr (keys[i - 1], <, keys[i]);
        }

      /* There is room before, between and after them. */
      if (cases[c].n > 0)
        {
          g_autofree char *first = accord_order_key_between (NULL, keys[0]);
          g_autofree char *last = accord_order_key_between (keys[cases[c].n - 1], NULL);

          accord_test_assert_order_between (NULL, keys[0], first);
          accord_test_assert_order_between (keys[cases[c].n - 1], NULL, last);
        }
      if (cases[c].n > 1)
        {
          g_autofree char *middle = accord_order_key_between (keys[0], keys[1]);

          accord_test_assert_order_between (keys[0], keys[1], middle);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  accord_init ();

  g_test_add_func ("/accord/order/valid", test_order_valid);
  g_test_add_func ("/accord/order/between", test_order_between);
  g_test_add_func ("/accord/order/random", test_order_random);
  g_test_add_func ("/accord/order/append", test_order_append);
  g_test_add_func ("/accord/order/prepend", test_order_prepend);
  g_test_add_func ("/accord/order/spread", test_order_spread);

  return g_test_run ();
}
