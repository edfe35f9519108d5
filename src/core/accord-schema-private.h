/* accord-schema-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "accord-entity.h"

G_BEGIN_DECLS

/* How a field is laid out in an entity's file. */
typedef enum
{
  ACCORD_FIELD_LINE,   /* one "key: value" line of the header */
  ACCORD_FIELD_LIST,   /* the key repeated, one header line per item */
  ACCORD_FIELD_TEXT,   /* the Markdown text after the header */
  ACCORD_FIELD_BLOCK,  /* a "::: key" block after the text */
} AccordFieldStyle;

/* What a field's value must look like. */
typedef enum
{
  ACCORD_VALUE_STRING,
  ACCORD_VALUE_ENUM,
  ACCORD_VALUE_DATE,       /* YYYY-MM-DD */
  ACCORD_VALUE_DATETIME,   /* ISO 8601 with a time zone */
  ACCORD_VALUE_COUNT,      /* a non-negative integer */
  ACCORD_VALUE_REF,        /* the id of another entity */
  ACCORD_VALUE_ORDER,      /* an order key, see accord-order.h */
  ACCORD_VALUE_LANGUAGE,   /* a BCP 47 language tag */
  ACCORD_VALUE_URL,        /* an http, https or mailto URL */
  ACCORD_VALUE_EXTENSION,  /* "YYYY-MM-DD reason": a new closing date and why */
  ACCORD_VALUE_VERSION,    /* the format version, a positive integer */
} AccordValueType;

typedef struct
{
  const char         *name;
  AccordFieldStyle    style;
  AccordValueType     type;
  const char * const *choices;
  guint               translatable : 1;
  guint               required : 1;
} AccordFieldSpec;

typedef struct
{
  AccordEntityKind       kind;
  const char            *name;        /* "section" */
  const char            *directory;   /* "sections", or NULL for strategy.md */
  const AccordFieldSpec *fields;
  guint                  n_fields;
} AccordSchema;

/* The largest entity file Accord reads; anything bigger is refused. */
#define ACCORD_MAX_FILE_SIZE (1024 * 1024)

/* The version written in strategy.md's "accord-format" field. */
#define ACCORD_FORMAT_VERSION 1

const AccordSchema    *_accord_schema_get          (AccordEntityKind     kind);
const AccordFieldSpec *_accord_schema_lookup       (const AccordSchema  *schema,
                                                    const char          *key,
                                                    const char         **language);
gboolean               _accord_schema_check_value  (const AccordFieldSpec *spec,
                                                    const char          *value,
                                                    GError             **error);
gboolean               _accord_language_is_valid   (const char          *tag);

G_END_DECLS
