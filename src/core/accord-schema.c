/* accord-schema.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-schema"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "accord-order.h"
#include "accord-schema-private.h"

/* The fields of each kind of entity, in the order they are written. The
 * README's "File format" section describes the same tables for people. */

static const char * const strategy_status[] = {
  "draft", "consultation", "adopted", "archived", NULL
};
static const char * const objective_status[] = {
  "planned", "in-progress", "achieved", "delayed", "cancelled", NULL
};
static const char * const priorities[] = { "high", "medium", "low", NULL };
static const char * const round_status[] = { "planned", "open", "closed", NULL };
static const char * const participant_kinds[] = {
  "individual", "organisation", "public-body", "business", "academia",
  "civil-society", "other", NULL
};
static const char * const stances[] = { "for", "against", "mixed", "neutral", NULL };
static const char * const comment_status[] = {
  "new", "accepted", "partly-accepted", "rejected", "noted", NULL
};

#define LINE(n, t)        { n, ACCORD_FIELD_LINE, t, NULL, FALSE, FALSE }
#define LINE_TR(n)        { n, ACCORD_FIELD_LINE, ACCORD_VALUE_STRING, NULL, TRUE, FALSE }
#define REQUIRED(n, t)    { n, ACCORD_FIELD_LINE, t, NULL, FALSE, TRUE }
#define REQUIRED_TR(n)    { n, ACCORD_FIELD_LINE, ACCORD_VALUE_STRING, NULL, TRUE, TRUE }
#define CHOICE(n, c)      { n, ACCORD_FIELD_LINE, ACCORD_VALUE_ENUM, c, FALSE, FALSE }
#define LIST(n, t, tr)    { n, ACCORD_FIELD_LIST, t, NULL, tr, FALSE }
#define TEXT(n)           { n, ACCORD_FIELD_TEXT, ACCORD_VALUE_STRING, NULL, TRUE, FALSE }
#define BLOCK(n)          { n, ACCORD_FIELD_BLOCK, ACCORD_VALUE_STRING, NULL, TRUE, FALSE }

static const AccordFieldSpec strategy_fields[] = {
  REQUIRED ("accord-format", ACCORD_VALUE_VERSION),
  REQUIRED_TR ("title"),
  LINE_TR ("subtitle"),
  REQUIRED ("language", ACCORD_VALUE_LANGUAGE),
  CHOICE ("status", strategy_status),
  TEXT ("summary"),
};

static const AccordFieldSpec section_fields[] = {
  LINE ("parent", ACCORD_VALUE_REF),
  REQUIRED ("order", ACCORD_VALUE_ORDER),
  REQUIRED_TR ("title"),
  TEXT ("body"),
};

static const AccordFieldSpec objective_fields[] = {
  REQUIRED ("section", ACCORD_VALUE_REF),
  REQUIRED ("order", ACCORD_VALUE_ORDER),
  LINE ("code", ACCORD_VALUE_STRING),
  REQUIRED_TR ("title"),
  CHOICE ("status", objective_status),
  CHOICE ("priority", priorities),
  LINE ("lead", ACCORD_VALUE_STRING),
  LIST ("partner", ACCORD_VALUE_STRING, FALSE),
  LINE ("due", ACCORD_VALUE_DATE),
  LIST ("indicator", ACCORD_VALUE_STRING, TRUE),
  TEXT ("description"),
};

static const AccordFieldSpec round_fields[] = {
  REQUIRED_TR ("title"),
  CHOICE ("status", round_status),
  LINE ("opens", ACCORD_VALUE_DATE),
  LINE ("closes", ACCORD_VALUE_DATE),
  LIST ("extension", ACCORD_VALUE_EXTENSION, FALSE),
  LINE ("platform", ACCORD_VALUE_STRING),
  LINE ("url", ACCORD_VALUE_URL),
  TEXT ("description"),
};

static const AccordFieldSpec participant_fields[] = {
  REQUIRED ("name", ACCORD_VALUE_STRING),
  LINE ("organisation", ACCORD_VALUE_STRING),
  CHOICE ("kind", participant_kinds),
};

static const AccordFieldSpec comment_fields[] = {
  LINE ("round", ACCORD_VALUE_REF),
  REQUIRED ("target", ACCORD_VALUE_REF),
  LINE ("parent", ACCORD_VALUE_REF),
  LINE ("author", ACCORD_VALUE_REF),
  LINE ("created", ACCORD_VALUE_DATETIME),
  LINE ("quote", ACCORD_VALUE_STRING),
  CHOICE ("stance", stances),
  LINE ("votes-for", ACCORD_VALUE_COUNT),
  LINE ("votes-mixed", ACCORD_VALUE_COUNT),
  LINE ("votes-against", ACCORD_VALUE_COUNT),
  LINE ("external-id", ACCORD_VALUE_STRING),
  LINE ("url", ACCORD_VALUE_URL),
  CHOICE ("status", comment_status),
  LINE ("addressed-in", ACCORD_VALUE_STRING),
  TEXT ("body"),
  BLOCK ("answer"),
};

#undef LINE
#undef LINE_TR
#undef REQUIRED
#undef REQUIRED_TR
#undef CHOICE
#undef LIST
#undef TEXT
#undef BLOCK

/* What readers see for each choice: in exports, in the application. */
typedef struct
{
  AccordEntityKind  kind;
  const char       *field;
  const char       *value;
  const char       *context;
  const char       *label;
} ChoiceLabel;

static const ChoiceLabel choice_labels[] = {
  { ACCORD_ENTITY_STRATEGY, "status", "draft", "strategy status",
    NC_("strategy status", "Draft") },
  { ACCORD_ENTITY_STRATEGY, "status", "consultation", "strategy status",
    NC_("strategy status", "In consultation") },
  { ACCORD_ENTITY_STRATEGY, "status", "adopted", "strategy status",
    NC_("strategy status", "Adopted") },
  { ACCORD_ENTITY_STRATEGY, "status", "archived", "strategy status",
    NC_("strategy status", "Archived") },
  { ACCORD_ENTITY_OBJECTIVE, "status", "planned", "objective status",
    NC_("objective status", "Planned") },
  { ACCORD_ENTITY_OBJECTIVE, "status", "in-progress", "objective status",
    NC_("objective status", "In progress") },
  { ACCORD_ENTITY_OBJECTIVE, "status", "achieved", "objective status",
    NC_("objective status", "Achieved") },
  { ACCORD_ENTITY_OBJECTIVE, "status", "delayed", "objective status",
    NC_("objective status", "Delayed") },
  { ACCORD_ENTITY_OBJECTIVE, "status", "cancelled", "objective status",
    NC_("objective status", "Cancelled") },
  { ACCORD_ENTITY_OBJECTIVE, "priority", "high", "priority",
    NC_("priority", "High") },
  { ACCORD_ENTITY_OBJECTIVE, "priority", "medium", "priority",
    NC_("priority", "Medium") },
  { ACCORD_ENTITY_OBJECTIVE, "priority", "low", "priority",
    NC_("priority", "Low") },
  { ACCORD_ENTITY_ROUND, "status", "planned", "round status",
    NC_("round status", "Planned") },
  { ACCORD_ENTITY_ROUND, "status", "open", "round status",
    NC_("round status", "Open") },
  { ACCORD_ENTITY_ROUND, "status", "closed", "round status",
    NC_("round status", "Closed") },
  { ACCORD_ENTITY_PARTICIPANT, "kind", "individual", "participant kind",
    NC_("participant kind", "Individual") },
  { ACCORD_ENTITY_PARTICIPANT, "kind", "organisation", "participant kind",
    NC_("participant kind", "Organisation") },
  { ACCORD_ENTITY_PARTICIPANT, "kind", "public-body", "participant kind",
    NC_("participant kind", "Public body") },
  { ACCORD_ENTITY_PARTICIPANT, "kind", "business", "participant kind",
    NC_("participant kind", "Business") },
  { ACCORD_ENTITY_PARTICIPANT, "kind", "academia", "participant kind",
    NC_("participant kind", "Academia") },
  { ACCORD_ENTITY_PARTICIPANT, "kind", "civil-society", "participant kind",
    NC_("participant kind", "Civil society") },
  { ACCORD_ENTITY_PARTICIPANT, "kind", "other", "participant kind",
    NC_("participant kind", "Other") },
  { ACCORD_ENTITY_COMMENT, "stance", "for", "stance",
    NC_("stance", "For") },
  { ACCORD_ENTITY_COMMENT, "stance", "against", "stance",
    NC_("stance", "Against") },
  { ACCORD_ENTITY_COMMENT, "stance", "mixed", "stance",
    NC_("stance", "Mixed") },
  { ACCORD_ENTITY_COMMENT, "stance", "neutral", "stance",
    NC_("stance", "Neutral") },
  { ACCORD_ENTITY_COMMENT, "status", "new", "comment status",
    NC_("comment status", "New") },
  { ACCORD_ENTITY_COMMENT, "status", "accepted", "comment status",
    NC_("comment status", "Accepted") },
  { ACCORD_ENTITY_COMMENT, "status", "partly-accepted", "comment status",
    NC_("comment status", "Partly accepted") },
  { ACCORD_ENTITY_COMMENT, "status", "rejected", "comment status",
    NC_("comment status", "Rejected") },
  { ACCORD_ENTITY_COMMENT, "status", "noted", "comment status",
    NC_("comment status", "Noted") },
};

/**
 * accord_entity_kind_get_choice_label:
 * @kind: a kind of entity
 * @field: a choice field, such as "status"
 * @value: one of its values, such as "in-progress"
 *
 * Returns: (transfer none) (nullable): the translated label of @value, such
 *   as "In progress", or @value itself when @field has no such choice
 */
const char *
accord_entity_kind_get_choice_label (AccordEntityKind  kind,
                                     const char       *field,
                                     const char       *value)
{
  g_return_val_if_fail (kind < ACCORD_N_ENTITY_KINDS, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (choice_labels); i++)
    {
      const ChoiceLabel *label = &choice_labels[i];

      if (label->kind == kind && g_str_equal (label->field, field) &&
          g_str_equal (label->value, value))
        return g_dpgettext2 (GETTEXT_PACKAGE, label->context, label->label);
    }

  return value;
}

static const AccordSchema schemas[ACCORD_N_ENTITY_KINDS] = {
  { ACCORD_ENTITY_STRATEGY, "strategy", NULL,
    strategy_fields, G_N_ELEMENTS (strategy_fields) },
  { ACCORD_ENTITY_SECTION, "section", "sections",
    section_fields, G_N_ELEMENTS (section_fields) },
  { ACCORD_ENTITY_OBJECTIVE, "objective", "objectives",
    objective_fields, G_N_ELEMENTS (objective_fields) },
  { ACCORD_ENTITY_ROUND, "round", "rounds",
    round_fields, G_N_ELEMENTS (round_fields) },
  { ACCORD_ENTITY_PARTICIPANT, "participant", "participants",
    participant_fields, G_N_ELEMENTS (participant_fields) },
  { ACCORD_ENTITY_COMMENT, "comment", "comments",
    comment_fields, G_N_ELEMENTS (comment_fields) },
};

const AccordSchema *
_accord_schema_get (AccordEntityKind kind)
{
  g_assert (kind < ACCORD_N_ENTITY_KINDS);

  return &schemas[kind];
}

/* Finds the field a header key names. A translatable field may carry a
 * language tag after "@" ("title@en"); @language then points at it. */
const AccordFieldSpec *
_accord_schema_lookup (const AccordSchema  *schema,
                       const char          *key,
                       const char         **language)
{
  const char *at = strchr (key, '@');
  gsize length = at != NULL ? (gsize) (at - key) : strlen (key);

  if (language != NULL)
    *language = at != NULL ? at + 1 : NULL;

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const AccordFieldSpec *spec = &schema->fields[i];

      if (strncmp (spec->name, key, length) != 0 || spec->name[length] != '\0')
        continue;

      if (at != NULL && (!spec->translatable || !_accord_language_is_valid (at + 1)))
        return NULL;

      return spec;
    }

  return NULL;
}

/* A deliberately small subset of BCP 47: a 2–3 letter language, then
 * optional subtags of 2–8 letters or digits ("fr", "en-GB", "sr-Latn"). */
gboolean
_accord_language_is_valid (const char *tag)
{
  g_auto(GStrv) parts = NULL;

  if (tag == NULL || *tag == '\0' || strlen (tag) > 35)
    return FALSE;

  parts = g_strsplit (tag, "-", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize length = strlen (parts[i]);

      if (i == 0 ? (length < 2 || length > 3) : (length < 2 || length > 8))
        return FALSE;

      for (const char *c = parts[i]; *c != '\0'; c++)
        {
          if (i == 0 ? !g_ascii_islower (*c) : !g_ascii_isalnum (*c))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
date_is_valid (const char *value,
               gsize       length)
{
  int year, month, day;

  if (length < 10 || value[4] != '-' || value[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (value[i]))
        return FALSE;
    }

  year = atoi (value);
  month = atoi (value + 5);
  day = atoi (value + 8);

  return g_date_valid_dmy (day, month, year);
}

static gboolean
check_typed_value (const AccordFieldSpec *spec,
                   const char            *value)
{
  switch (spec->type)
    {
    case ACCORD_VALUE_STRING:
      return TRUE;

    case ACCORD_VALUE_ENUM:
      return g_strv_contains (spec->choices, value);

    case ACCORD_VALUE_DATE:
      return strlen (value) == 10 && date_is_valid (value, 10);

    case ACCORD_VALUE_DATETIME:
      {
        g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (value, NULL);

        return parsed != NULL;
      }

    case ACCORD_VALUE_COUNT:
    case ACCORD_VALUE_VERSION:
      {
        guint64 number;

        if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &number, NULL))
          return FALSE;

        /* Canonical digits only, so that the value round-trips. */
        if (value[0] == '0' && value[1] != '\0')
          return FALSE;

        return spec->type == ACCORD_VALUE_COUNT || number > 0;
      }

    case ACCORD_VALUE_REF:
      return accord_id_is_valid (value);

    case ACCORD_VALUE_ORDER:
      return accord_order_key_is_valid (value);

    case ACCORD_VALUE_LANGUAGE:
      return _accord_language_is_valid (value);

    case ACCORD_VALUE_URL:
      return (g_str_has_prefix (value, "https://") ||
              g_str_has_prefix (value, "http://") ||
              g_str_has_prefix (value, "mailto:")) &&
             g_uri_is_valid (value, G_URI_FLAGS_PARSE_RELAXED, NULL);

    case ACCORD_VALUE_EXTENSION:
      return date_is_valid (value, strlen (value)) &&
             (value[10] == '\0' || value[10] == ' ');

    default:
      g_assert_not_reached ();
    }
}

static char *
describe_expected (const AccordFieldSpec *spec)
{
  switch (spec->type)
    {
    case ACCORD_VALUE_ENUM:
      {
        g_autofree char *list = g_strjoinv (", ", (char **) spec->choices);

        /* Translators: %s is a list of the values a field accepts. */
        return g_strdup_printf (_("one of %s"), list);
      }

    case ACCORD_VALUE_DATE:
      return g_strdup (_("a date written YYYY-MM-DD"));

    case ACCORD_VALUE_DATETIME:
      return g_strdup (_("a date and time such as 2026-03-01T09:30:00Z"));

    case ACCORD_VALUE_COUNT:
      return g_strdup (_("a whole number"));

    case ACCORD_VALUE_VERSION:
      return g_strdup (_("a positive whole number"));

    case ACCORD_VALUE_REF:
      return g_strdup (_("an id made of lowercase letters, digits and dashes"));

    case ACCORD_VALUE_ORDER:
      return g_strdup (_("an order key made of digits and letters"));

    case ACCORD_VALUE_LANGUAGE:
      return g_strdup (_("a language tag such as fr or en-GB"));

    case ACCORD_VALUE_URL:
      return g_strdup (_("an http, https or mailto address"));

    case ACCORD_VALUE_EXTENSION:
      return g_strdup (_("a new closing date written YYYY-MM-DD, then the reason"));

    case ACCORD_VALUE_STRING:
    default:
      return g_strdup (_("text"));
    }
}

/* Checks @value against what @spec accepts. Line and list values must fit
 * on one line; text and block values may hold any UTF-8 text. */
gboolean
_accord_schema_check_value (const AccordFieldSpec  *spec,
                            const char             *value,
                            GError                **error)
{
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE,
                   _("The value of “%s” is not valid UTF-8 text"), spec->name);
      return FALSE;
    }

  if (strlen (value) > ACCORD_MAX_FILE_SIZE)
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE,
                   _("The value of “%s” is longer than 1 MiB"), spec->name);
      return FALSE;
    }

  if (!check_typed_value (spec, value))
    {
      g_autofree char *expected = describe_expected (spec);

      /* Translators: the first %s is a field name, the second what it accepts. */
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE,
                   _("“%s” must be %s"), spec->name, expected);
      return FALSE;
    }

  return TRUE;
}
