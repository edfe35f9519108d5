/* format-test-common.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "accord.h"
#include "accord-entity-private.h"
#include "accord-format-private.h"
#include "accord-test-util.h"

#include "format-test-common.h"

GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
}

/* Parses a copy of @data that ends exactly where the data does, with no
 * terminating NUL, so that the sanitizers catch any read past the end. */
AccordEntity *
parse (AccordEntityKind  kind,
       const char       *id,
       const char       *path,
       const char       *data,
       gssize            length,
       GPtrArray        *problems)
{
  gsize size = length < 0 ? strlen (data) : (gsize) length;
  g_autofree char *copy = g_malloc (MAX (size, 1));

  memcpy (copy, data, size);

  return _accord_format_parse (kind, id, path, copy, size, problems);
}

AccordEntity *
parse_bytes (AccordEntityKind  kind,
             const char       *id,
             GBytes           *bytes,
             GPtrArray        *problems)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return parse (kind, id, "test.md", data, size, problems);
}

char *
escape_data (const char *data,
             gsize       size)
{
  g_autofree char *copy = g_strndup (data, size);

  return g_strescape (copy, NULL);
}

gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);

  return strstr (text, needle) != NULL;
}

/* Round trips */

void
set_list (AccordEntity *entity,
          const char   *name,
          const char   *first,
          ...)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  const char *value;
  va_list args;

  va_start (args, first);
  for (value = first; value != NULL; value = va_arg (args, const char *))
    g_ptr_array_add (values, (gpointer) value);
  va_end (args);

  if (!accord_entity_set_list (entity, name, (const char * const *) values->pdata, &error))
    g_error ("Could not set %s: %s", name, error->message);
}

/* An entity of @kind with every field set; @text goes in every text and
 * @line in every free-text header field. */
AccordEntity *
make_full_entity (AccordEntityKind  kind,
                  const char       *text,
                  const char       *line)
{
  g_autoptr(AccordEntity) entity = accord_entity_new (kind, NULL);
  g_autofree char *text_en = g_strconcat (text, "\n(English)", NULL);
  g_autofree char *line_en = g_strconcat (line, " (English)", NULL);

  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      accord_test_set (entity, "accord-format", "1");
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "title@zh-Hant", "战略");
      accord_test_set (entity, "subtitle", line);
      accord_test_set (entity, "subtitle@en", line_en);
      accord_test_set (entity, "language", "fr");
      accord_test_set (entity, "status", "consultation");
      accord_test_set (entity, "summary", text);
      accord_test_set (entity, "summary@en", text_en);
      break;

    case ACCORD_ENTITY_SECTION:
      accord_test_set (entity, "parent", "s-4k2m9q7xhd");
      accord_test_set (entity, "order", "a0i");
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "body", text);
      accord_test_set (entity, "body@en", text_en);
      accord_test_set (entity, "body@de", "Nur ein Satz.");
      break;

    case ACCORD_ENTITY_OBJECTIVE:
      accord_test_set (entity, "section", "s-4k2m9q7xhd");
      accord_test_set (entity, "order", "zzi1");
      accord_test_set (entity, "code", line);
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "status", "in-progress");
      accord_test_set (entity, "priority", "high");
      accord_test_set (entity, "lead", line);
      set_list (entity, "partner", "City", line, "Région Île-de-France", NULL);
      accord_test_set (entity, "due", "2028-02-29");
      set_list (entity, "indicator", "Rivers tested: 100 %", line, NULL);
      set_list (entity, "indicator@en", line_en, "Second", NULL);
      accord_test_set (entity, "description", text);
      accord_test_set (entity, "description@en", text_en);
      break;

    case ACCORD_ENTITY_ROUND:
      accord_test_set (entity, "title", line);
      accord_test_set (entity, "title@en", line_en);
      accord_test_set (entity, "status", "closed");
      accord_test_set (entity, "opens", "2026-01-05");
      accord_test_set (entity, "closes", "2026-03-01");
      set_list (entity, "extension", "2026-03-20 Requested by the regions", "2026-04-01", NULL);
      accord_test_set (entity, "platform", line);
      accord_test_set (entity, "url", "https://consultation.example.org/r/1?lang=fr#top");
      accord_test_set (entity, "description", text);
      accord_test_set (entity, "description@en", text_en);
      break;

    case ACCORD_ENTITY_PARTICIPANT:
      accord_test_set (entity, "name", line);
      accord_test_set (entity, "organisation", line_en);
      accord_test_set (entity, "kind", "civil-society");
      break;

    case ACCORD_ENTITY_COMMENT:
      accord_test_set (entity, "round", "r-1");
      accord_test_set (entity, "target", "strategy");
      accord_test_set (entity, "parent", "c-0");
      accord_test_set (entity, "author", "p-1");
      accord_test_set (entity, "created", "2026-03-01T09:30:00+01:00");
      accord_test_set (entity, "quote", line);
      accord_test_set (entity, "stance", "mixed");
      accord_test_set (entity, "votes-for", "0");
      accord_test_set (entity, "votes-mixed", "7");
      accord_test_set (entity, "votes-against", "120");
      accord_test_set (entity, "external-id", line);
      accord_test_set (entity, "url", "mailto:someone@example.org");
      accord_test_set (entity, "status", "partly-accepted");
      accord_test_set (entity, "addressed-in", "4f2c1a9");
      accord_test_set (entity, "body", text);
      accord_test_set (entity, "body@en", text_en);
      accord_test_set (entity, "answer", text);
      accord_test_set (entity, "answer@en", text_en);
      break;

    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&entity);
}

/* Broken and hostile files */

AccordEntity *
parse_broken (AccordEntityKind   kind,
              const char        *data,
              gssize             length,
              GPtrArray        **problems)
{
  *problems = new_problems ();

  return parse (kind, "s-1", "sections/s-1.md", data, length, *problems);
}
