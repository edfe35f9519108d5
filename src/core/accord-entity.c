/* accord-entity.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-entity"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-entity-fields-private.h"
#include "accord-strategy-private.h"

/*
 * An entity is one file of a strategy. Its fields follow the schema of its
 * kind (accord-schema.c); each is stored as the list of its values (one for
 * a line or text field, any number for a list field), keyed by the name
 * written in the file, language tag included ("title@en").
 *
 * Subclasses give each kind its own GType and typed accessors; the fields
 * that hold one value are also GObject properties of the subclass, so views
 * can bind to them.
 */

G_DEFINE_TYPE_WITH_PRIVATE (AccordEntity, accord_entity, G_TYPE_OBJECT)

G_DEFINE_QUARK (accord-entity-error-quark, accord_entity_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Subclass properties are numbered after ours: field i is N_PROPS + i. */

const AccordSchema *
_accord_entity_get_schema (AccordEntity *self)
{
  return ACCORD_ENTITY_GET_CLASS (self)->schema;
}

void
_accord_entity_field_clear_values (Field *field)
{
  g_clear_pointer (&field->values, g_strfreev);
  field->n_values = 0;
}

Field *
_accord_entity_find_field (AccordEntityPrivate *priv,
                           const char          *key)
{
  for (guint i = 0; i < priv->n_fields; i++)
    {
      const char *other = priv->fields[i].key;

      if (other == key || (other[0] == key[0] && strcmp (other, key) == 0))
        return &priv->fields[i];
    }

  return NULL;
}

/* The entity's private data, its fields as they are: a pending entity
 * has only its links. */
AccordEntityPrivate *
_accord_entity_get_private (AccordEntity *self)
{
  return accord_entity_get_instance_private (self);
}

/* The entity's fields, parsed first if they are still in the file. */
AccordEntityPrivate *
_accord_entity_get_fields (AccordEntity *self)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  if (G_UNLIKELY (priv->source != NULL))
    _accord_entity_parse_pending (self, priv);

  return priv;
}

static Field *
ensure_field (AccordEntity *self,
              const char   *key)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  const AccordFieldSpec *spec;
  const char *language = NULL;
  Field *field;

  if ((field = _accord_entity_find_field (priv, key)) != NULL)
    return field;

  if (priv->n_fields == priv->allocated_fields)
    {
      /* Room for every field of the kind at once: few entities have more. */
      priv->allocated_fields = MAX (_accord_entity_get_schema (self)->n_fields,
                                    priv->allocated_fields * 2);
      priv->fields = g_renew (Field, priv->fields, priv->allocated_fields);
    }

  field = &priv->fields[priv->n_fields++];
  *field = (Field) { NULL, };

  /* Most keys are the schema's own names: point at those. */
  spec = _accord_schema_lookup (_accord_entity_get_schema (self), key, &language);
  if (spec != NULL && language == NULL)
    field->key = spec->name;
  else
    {
      field->key = g_strdup (key);
      field->owns_key = TRUE;
    }

  return field;
}

static void
accord_entity_finalize (GObject *object)
{
  AccordEntity *self = ACCORD_ENTITY (object);
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  for (guint i = 0; i < priv->n_fields; i++)
    {
      _accord_entity_field_clear_values (&priv->fields[i]);
      if (priv->fields[i].owns_key)
        g_free ((char *) priv->fields[i].key);
    }
  g_clear_pointer (&priv->fields, g_free);
  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extra, g_ptr_array_unref);
  g_clear_pointer (&priv->extra_text, g_free);
  g_clear_pointer (&priv->source, _accord_entity_source_unref);

  G_OBJECT_CLASS (accord_entity_parent_class)->finalize (object);
}

static void
accord_entity_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordEntity *self = ACCORD_ENTITY (object);
  const AccordSchema *schema = _accord_entity_get_schema (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, accord_entity_get_id (self));
      break;

    case PROP_KIND:
      g_value_set_int (value, accord_entity_get_kind (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, accord_entity_get_modified (self));
      break;

    default:
      if (prop_id >= N_PROPS && prop_id - N_PROPS < schema->n_fields)
        g_value_set_string (value,
                            accord_entity_get_field (self, schema->fields[prop_id - N_PROPS].name));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_entity_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordEntity *self = ACCORD_ENTITY (object);
  const AccordSchema *schema = _accord_entity_get_schema (self);

  switch (prop_id)
    {
    case PROP_ID:
      _accord_entity_set_id (self, g_value_get_string (value));
      break;

    default:
      if (prop_id >= N_PROPS && prop_id - N_PROPS < schema->n_fields)
        {
          g_autoptr(GError) error = NULL;

          if (!accord_entity_set_field (self, schema->fields[prop_id - N_PROPS].name,
                                        g_value_get_string (value), &error))
            g_warning ("%s", error->message);
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_entity_class_init (AccordEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accord_entity_finalize;
  object_class->get_property = accord_entity_get_property;
  object_class->set_property = accord_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, ACCORD_N_ENTITY_KINDS - 1, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordEntity::changed:
   * @self: an #AccordEntity
   * @field: the name of the field that changed
   *
   * Emitted when a field's value changes; the detail is the field's name.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
accord_entity_init (AccordEntity *self)
{
}

/* Called from each subclass's class_init: ties the class to its kind and
 * installs a string property for every single-valued field. */
void
_accord_entity_class_set_schema (AccordEntityClass *klass,
                                 AccordEntityKind   kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const AccordSchema *schema = _accord_schema_get (kind);

  klass->schema = (gpointer) schema;

  /* GObject does not inherit these two; the fields' properties need them. */
  object_class->get_property = accord_entity_get_property;
  object_class->set_property = accord_entity_set_property;

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const AccordFieldSpec *spec = &schema->fields[i];

      if (spec->style == ACCORD_FIELD_LIST)
        continue;

      if (g_object_class_find_property (object_class, spec->name) != NULL)
        continue;

      g_object_class_install_property (object_class, N_PROPS + i,
                                       g_param_spec_string (spec->name, NULL, NULL, NULL,
                                                            (G_PARAM_READWRITE |
                                                             G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS)));
    }
}

/**
 * accord_entity_new:
 * @kind: the kind of entity
 * @id: (nullable): its id, or %NULL to generate one
 *
 * Creates an empty entity of @kind, of the matching subclass.
 *
 * Returns: (transfer full): a new #AccordEntity
 */
AccordEntity *
accord_entity_new (AccordEntityKind  kind,
                   const char       *id)
{
  g_autofree char *generated = NULL;

  g_return_val_if_fail (kind < ACCORD_N_ENTITY_KINDS, NULL);
  g_return_val_if_fail (id == NULL || accord_id_is_valid (id), NULL);

  if (id == NULL && kind != ACCORD_ENTITY_STRATEGY)
    id = generated = accord_id_generate (kind);

  return _accord_entity_new_with_id (kind, id);
}

/* Makes an entity without going through the "id" property: readers make
 * tens of thousands of them. @id must be valid. */
AccordEntity *
_accord_entity_new_with_id (AccordEntityKind  kind,
                            const char       *id)
{
  AccordEntity *self = g_object_new (accord_entity_kind_get_type (kind), NULL);
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  priv->id = g_strdup (kind == ACCORD_ENTITY_STRATEGY ? "strategy" : id);

  return self;
}

void
_accord_entity_set_id (AccordEntity *self,
                       const char   *id)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  g_free (priv->id);
  priv->id = g_strdup (id);
}

AccordEntityKind
accord_entity_get_kind (AccordEntity *self)
{
  g_return_val_if_fail (ACCORD_IS_ENTITY (self), 0);

  return _accord_entity_get_schema (self)->kind;
}

/**
 * accord_entity_get_id:
 * @self: an #AccordEntity
 *
 * Returns: (transfer none): the entity's id, which is also its file name
 */
const char *
accord_entity_get_id (AccordEntity *self)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), NULL);

  return priv->id;
}

/**
 * accord_entity_dup_path:
 * @self: an #AccordEntity
 *
 * Returns: (transfer full): the path of the entity's file inside the
 *   strategy, such as `sections/s-4k2m9q7x.md`
 */
char *
accord_entity_dup_path (AccordEntity *self)
{
  const AccordSchema *schema;

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), NULL);

  schema = _accord_entity_get_schema (self);
  if (schema->directory == NULL)
    return g_strdup ("strategy.md");

  return g_strconcat (schema->directory, "/", accord_entity_get_id (self), ".md", NULL);
}

/* The values of @key, NULL-terminated, or %NULL when it has none; the
 * number of values goes to @n_values when given. */
const char * const *
_accord_entity_get_values (AccordEntity *self,
                           const char   *key,
                           guint        *n_values)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);
  Field *field;

  field = _accord_entity_find_field (priv, key);

  /* Links are known before the file is parsed (a pending entity has no
   * other field); anything else needs it. */
  if (G_UNLIKELY (priv->source != NULL) && field == NULL &&
      !_accord_entity_is_link_name (self, key))
    {
      _accord_entity_parse_pending (self, priv);
      field = _accord_entity_find_field (priv, key);
    }

  if (n_values != NULL)
    *n_values = field != NULL ? field->n_values : 0;

  return field != NULL ? (const char * const *) field->values : NULL;
}

/* Adds one value to @key, as the parser does; no validation, no signal. */
void
_accord_entity_take_value (AccordEntity *self,
                           const char   *key,
                           char         *value)
{
  _accord_entity_take_value_at (self, key, value, 0);
}

/* The same, noting the line of the file the value was read from. */
void
_accord_entity_take_value_at (AccordEntity *self,
                              const char   *key,
                              char         *value,
                              guint         line)
{
  Field *field = ensure_field (self, key);

  if (field->line == 0)
    field->line = line;

  field->values = g_renew (char *, field->values, field->n_values + 2);
  field->values[field->n_values++] = value;
  field->values[field->n_values] = NULL;
}

static void
remove_values (AccordEntity *self,
               const char   *key)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  Field *field = _accord_entity_find_field (priv, key);

  /* The slot stays, with the line it was read from. */
  if (field != NULL)
    _accord_entity_field_clear_values (field);
}

/**
 * accord_entity_get_field:
 * @self: an #AccordEntity
 * @name: a field name, with an optional language tag ("title@en")
 *
 * Returns: (transfer none) (nullable): the field's value, or %NULL when it
 *   is not set; for a list field, its first item
 */
const char *
accord_entity_get_field (AccordEntity *self,
                         const char   *name)
{
  const char * const *values;

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  values = _accord_entity_get_values (self, name, NULL);

  return values != NULL ? values[0] : NULL;
}

/**
 * accord_entity_get_list:
 * @self: an #AccordEntity
 * @name: a list field's name, such as "indicator"
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the items,
 *   or %NULL when there are none
 */
const char * const *
accord_entity_get_list (AccordEntity *self,
                        const char   *name)
{
  g_return_val_if_fail (ACCORD_IS_ENTITY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _accord_entity_get_values (self, name, NULL);
}

/**
 * accord_entity_get_count:
 * @self: an #AccordEntity
 * @name: the name of a whole-number field, such as "votes-for"
 *
 * Returns: the field's value, or 0 when it is not set
 */
guint64
accord_entity_get_count (AccordEntity *self,
                         const char   *name)
{
  const char *value = accord_entity_get_field (self, name);

  return value != NULL ? g_ascii_strtoull (value, NULL, 10) : 0;
}

static const AccordFieldSpec *
lookup_field (AccordEntity  *self,
              const char    *name,
              GError       **error)
{
  const AccordFieldSpec *spec;

  spec = _accord_schema_lookup (_accord_entity_get_schema (self), name, NULL);
  if (spec == NULL)
    g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_UNKNOWN_FIELD,
                 /* Translators: the first %s is a kind of entity, the second a field name. */
                 _("A %s has no field “%s”"),
                 _accord_entity_get_schema (self)->name, name);

  return spec;
}

static void
emit_changed (AccordEntity          *self,
              const AccordFieldSpec *spec,
              const char            *key)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);
  GParamSpec *pspec;

  if (!priv->modified)
    {
      priv->modified = TRUE;
      if (priv->owner != NULL)
        _accord_strategy_note_modified (priv->owner, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  /* Only the main-language value is a property. */
  if (strcmp (spec->name, key) == 0 &&
      (pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), key)) != NULL &&
      pspec->owner_type != ACCORD_TYPE_ENTITY)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);

  if (priv->owner != NULL)
    _accord_strategy_emit_entity_changed (priv->owner, self, key);
  else if (ACCORD_IS_STRATEGY (self))
    _accord_strategy_emit_entity_changed (ACCORD_STRATEGY (self), self, key);
}

/**
 * accord_entity_set_field:
 * @self: an #AccordEntity
 * @name: a field name, with an optional language tag ("title@en")
 * @value: (nullable): the new value, or %NULL or "" to clear the field
 * @error: return location for a #GError
 *
 * Sets a field after checking that the kind of entity has it and that
 * @value suits it (a date, one of the allowed choices…).
 *
 * Returns: %TRUE if the field was set
 */
gboolean
accord_entity_set_field (AccordEntity  *self,
                         const char    *name,
                         const char    *value,
                         GError       **error)
{
  const AccordFieldSpec *spec;
  const char *current;

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(spec = lookup_field (self, name, error)))
    return FALSE;

  if (value != NULL && *value == '\0')
    value = NULL;

  if (value != NULL && !_accord_schema_check_value (spec, value, error))
    return FALSE;

  if (value != NULL && spec->style <= ACCORD_FIELD_LIST && strpbrk (value, "\n\r") != NULL &&
      spec->type != ACCORD_VALUE_STRING)
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE,
                   _("“%s” must fit on one line"), spec->name);
      return FALSE;
    }

  current = accord_entity_get_field (self, name);
  if (g_strcmp0 (current, value) == 0)
    {
      guint n_values;

      _accord_entity_get_values (self, name, &n_values);
      if (spec->style != ACCORD_FIELD_LIST || n_values <= 1)
        return TRUE;
    }

  remove_values (self, name);
  if (value != NULL)
    _accord_entity_take_value (self, name, g_strdup (value));

  emit_changed (self, spec, name);

  return TRUE;
}

/**
 * accord_entity_set_list:
 * @self: an #AccordEntity
 * @name: a list field's name, such as "indicator"
 * @values: (nullable) (array zero-terminated=1): the new items
 * @error: return location for a #GError
 *
 * Replaces every item of a list field. Empty items are dropped.
 *
 * Returns: %TRUE if the list was set
 */
gboolean
accord_entity_set_list (AccordEntity        *self,
                        const char          *name,
                        const char * const  *values,
                        GError             **error)
{
  const AccordFieldSpec *spec;
  g_autoptr(GPtrArray) items = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  const char * const *current;
  guint n_current;

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), FALSE);

  if (!(spec = lookup_field (self, name, error)))
    return FALSE;

  if (spec->style != ACCORD_FIELD_LIST)
    return accord_entity_set_field (self, name, values != NULL ? values[0] : NULL, error);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (*values[i] == '\0')
        continue;

      if (!_accord_schema_check_value (spec, values[i], error))
        return FALSE;

      g_ptr_array_add (items, g_strdup (values[i]));
    }

  current = _accord_entity_get_values (self, name, &n_current);
  if (n_current == items->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < items->len; i++)
        same = strcmp (g_ptr_array_index (items, i), current[i]) == 0;

      if (same)
        return TRUE;
    }

  remove_values (self, name);
  for (guint i = 0; i < items->len; i++)
    _accord_entity_take_value (self, name, g_steal_pointer (&items->pdata[i]));

  emit_changed (self, spec, name);

  return TRUE;
}

/* The keys that have values, for serialising. */
GPtrArray *
_accord_entity_dup_keys (AccordEntity *self)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  GPtrArray *keys = g_ptr_array_sized_new (priv->n_fields);

  for (guint i = 0; i < priv->n_fields; i++)
    {
      if (priv->fields[i].n_values > 0)
        g_ptr_array_add (keys, (gpointer) priv->fields[i].key);
    }

  return keys;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * accord_entity_dup_field_names:
 * @self: an #AccordEntity
 *
 * Returns: (transfer full): the names of the fields that have a value,
 *   language variants included, sorted
 */
char **
accord_entity_dup_field_names (AccordEntity *self)
{
  g_autoptr(GPtrArray) keys = _accord_entity_dup_keys (self);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  g_ptr_array_sort (keys, compare_names);
  for (guint i = 0; i < keys->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (keys, i));

  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return names;
}

void
_accord_entity_add_extra (AccordEntity *self,
                          const char   *line)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);

  if (priv->extra == NULL)
    priv->extra = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (priv->extra, g_strdup (line));
}

void
_accord_entity_append_extra_text (AccordEntity *self,
                                  const char   *text)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  char *joined = g_strconcat (priv->extra_text != NULL ? priv->extra_text : "", text, NULL);

  g_free (priv->extra_text);
  priv->extra_text = joined;
}

const char *
_accord_entity_get_extra_text (AccordEntity *self)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);

  return priv->extra_text;
}

GPtrArray *
_accord_entity_get_extra (AccordEntity *self)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);

  return priv->extra;
}

void
_accord_entity_set_line (AccordEntity *self,
                         const char   *key,
                         guint         line)
{
  Field *field = ensure_field (self, key);

  if (field->line == 0)
    field->line = line;
}

/* The line of the file where @key was read, or 1 when unknown. */
guint
_accord_entity_get_line (AccordEntity *self,
                         const char   *key)
{
  AccordEntityPrivate *priv = _accord_entity_get_fields (self);
  Field *field = _accord_entity_find_field (priv, key);

  return field != NULL && field->line > 0 ? field->line : 1;
}

/**
 * accord_entity_get_modified:
 * @self: an #AccordEntity
 *
 * Returns: whether a field changed since the entity was read or written
 */
gboolean
accord_entity_get_modified (AccordEntity *self)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  g_return_val_if_fail (ACCORD_IS_ENTITY (self), FALSE);

  return priv->modified;
}

/* The strategy an entity belongs to hears when it becomes modified, so
 * that writing does not have to look at every entity. */
void
_accord_entity_set_owner (AccordEntity *self,
                          gpointer      owner)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  priv->owner = owner;
}

void
_accord_entity_set_modified (AccordEntity *self,
                             gboolean      modified)
{
  AccordEntityPrivate *priv = accord_entity_get_instance_private (self);

  if (priv->modified == !!modified)
    return;

  priv->modified = !!modified;
  if (priv->modified && priv->owner != NULL)
    _accord_strategy_note_modified (priv->owner, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}
