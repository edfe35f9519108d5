/* accord-entity-pending.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-entity"

#include "config.h"

#include <string.h>

#include "accord-entity-fields-private.h"
#include "accord-format-private.h"
#include "accord-problem.h"

/*
 * Opening a strategy reads little more than the links of every entity, so
 * an entity read from the workspace is made pending: from its links and
 * where its file is, parsed when first needed (_accord_entity_get_fields()).
 */

/* The fields that tie entities together (parents, sections, targets,
 * authors, order keys): what a strategy reads of every entity as it opens.
 * An entity read from the workspace has these at once; the rest of its
 * file is parsed the first time anything else is asked of it. */
static gboolean
is_link (const AccordFieldSpec *spec)
{
  return spec->style == ACCORD_FIELD_LINE &&
         (spec->type == ACCORD_VALUE_REF || spec->type == ACCORD_VALUE_ORDER);
}

gboolean
_accord_entity_is_link_name (AccordEntity *self,
                             const char   *key)
{
  const AccordSchema *schema = _accord_entity_get_schema (self);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const AccordFieldSpec *spec = &schema->fields[i];

      if (spec->name[0] == key[0] && is_link (spec) && strcmp (spec->name, key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Parses the file a pending entity was made from. The links it was made
 * with are kept as they are, so that values already handed out stay
 * valid; a link the file gives otherwise (a workspace out of step) takes
 * the file's value. */
void
_accord_entity_parse_pending (AccordEntity        *self,
                              AccordEntityPrivate *priv)
{
  AccordEntitySource *origin = g_steal_pointer (&priv->source);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_problem_free);
  g_autofree char *path = accord_entity_dup_path (self);
  g_autoptr(AccordEntity) parsed = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  AccordEntityPrivate *from;
  const char *data;
  gsize length;

  content = origin->read (origin, path, priv->source_key, &error);
  _accord_entity_source_unref (origin);
  if (content == NULL)
    {
      g_warning ("Could not read %s again: %s", path, error->message);
      return;
    }

  data = g_bytes_get_data (content, &length);
  parsed = _accord_format_parse (accord_entity_get_kind (self), priv->id, path, data, length,
                                 problems);
  if (problems->len > 0)
    g_debug ("%s has problems now, though it had none when its links were kept", path);
  if (parsed == NULL)
    return;

  from = _accord_entity_get_private (parsed);
  for (guint i = 0; i < from->n_fields; i++)
    {
      Field *source = &from->fields[i];
      Field *target = _accord_entity_find_field (priv, source->key);

      if (target != NULL)
        {
          if (target->n_values != source->n_values ||
              (source->n_values > 0 && strcmp (target->values[0], source->values[0]) != 0))
            {
              _accord_entity_field_clear_values (target);
              target->values = g_steal_pointer (&source->values);
              target->n_values = source->n_values;
            }
          target->line = source->line;
          continue;
        }

      if (priv->n_fields == priv->allocated_fields)
        {
          priv->allocated_fields = MAX (from->n_fields, priv->allocated_fields * 2);
          priv->fields = g_renew (Field, priv->fields, priv->allocated_fields);
        }
      priv->fields[priv->n_fields++] = *source;
      *source = (Field) { NULL, };
    }

  if (priv->extra == NULL)
    priv->extra = g_steal_pointer (&from->extra);
  if (priv->extra_text == NULL)
    priv->extra_text = g_steal_pointer (&from->extra_text);
}

/* Parses the entity's file now if it is still to be: for an entity about
 * to leave the place its file is read from. */
void
_accord_entity_ensure_read (AccordEntity *self)
{
  _accord_entity_get_fields (self);
}

/* The links of an entity, one "key value" line each, as
 * _accord_entity_new_pending() takes them. */
char *
_accord_entity_dup_links (AccordEntity *self)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  GString *links = g_string_new (NULL);

  for (guint i = 0; i < priv->n_fields; i++)
    {
      const Field *field = &priv->fields[i];
      const AccordFieldSpec *spec;
      const char *language = NULL;

      if (field->n_values != 1 ||
          !(spec = _accord_schema_lookup (_accord_entity_get_schema (self), field->key,
                                          &language)) ||
          language != NULL || !is_link (spec))
        continue;

      g_string_append_printf (links, "%s %s\n", field->key, field->values[0]);
    }

  return g_string_free (links, FALSE);
}

AccordEntitySource *
_accord_entity_source_ref (AccordEntitySource *source)
{
  g_atomic_ref_count_inc (&source->ref_count);

  return source;
}

void
_accord_entity_source_unref (AccordEntitySource *source)
{
  if (g_atomic_ref_count_dec (&source->ref_count))
    source->finalize (source);
}

/* Makes an entity from a file known to be well formed, from its @links
 * (see _accord_entity_dup_links()); the file is read from @source, under
 * @key, and parsed only when a field other than a link is first needed.
 * Returns %NULL when @links cannot be read. */
AccordEntity *
_accord_entity_new_pending (AccordEntityKind    kind,
                            const char         *id,
                            const char         *links,
                            AccordEntitySource *source,
                            gint64              source_key)
{
  g_autoptr(AccordEntity) self = _accord_entity_new_with_id (kind, id);
  AccordEntityPrivate *priv = _accord_entity_get_private (self);
  const AccordSchema *schema = _accord_entity_get_schema (self);
  const char *line = links;
  guint n_links = 0;

  /* Room for the links only: most such entities are never parsed. */
  for (const char *c = links; *c != '\0'; c++)
    n_links += *c == '\n';
  priv->allocated_fields = MAX (n_links, 1);
  priv->fields = g_new (Field, priv->allocated_fields);

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      const char *space = memchr (line, ' ', end != NULL ? (gsize) (end - line) : strlen (line));
      const AccordFieldSpec *spec;
      const char *language = NULL;
      char key[32];

      if (end == NULL || space == NULL || (gsize) (space - line) >= sizeof key)
        return NULL;

      memcpy (key, line, space - line);
      key[space - line] = '\0';
      spec = _accord_schema_lookup (schema, key, &language);
      if (spec == NULL || language != NULL || !is_link (spec) || end == space + 1 ||
          _accord_entity_find_field (priv, key) != NULL)
        return NULL;

      _accord_entity_take_value (self, spec->name, g_strndup (space + 1, end - space - 1));
      line = end + 1;
    }

  priv->source = _accord_entity_source_ref (source);
  priv->source_key = source_key;

  return g_steal_pointer (&self);
}
