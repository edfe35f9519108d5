/* accord-markdown.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "accord-types.h"

G_BEGIN_DECLS

/**
 * AccordMarkdownError:
 * @ACCORD_MARKDOWN_ERROR_INVALID_UTF8: the document is not valid UTF-8 text
 * @ACCORD_MARKDOWN_ERROR_NO_TITLE: the document's first heading is not a
 *   non-empty level-1 heading, or it has no heading at all
 * @ACCORD_MARKDOWN_ERROR_TEXT_BEFORE_TITLE: there is text before the
 *   document's level-1 heading
 * @ACCORD_MARKDOWN_ERROR_EMPTY_HEADING: a heading after the title has no
 *   text, and would make a section without a title
 *
 * The messages name the line at fault.
 *
 * Errors reported by accord_markdown_import().
 */
typedef enum
{
  ACCORD_MARKDOWN_ERROR_INVALID_UTF8,
  ACCORD_MARKDOWN_ERROR_NO_TITLE,
  ACCORD_MARKDOWN_ERROR_TEXT_BEFORE_TITLE,
  ACCORD_MARKDOWN_ERROR_EMPTY_HEADING,
} AccordMarkdownError;

#define ACCORD_MARKDOWN_ERROR (accord_markdown_error_quark ())
GQuark accord_markdown_error_quark (void);

AccordStrategy *accord_markdown_import (const char      *text,
                                        gssize           length,
                                        const char      *language,
                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;
char           *accord_markdown_export (AccordStrategy  *strategy) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
