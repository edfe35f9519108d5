/* accord-html.h
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
 * AccordHtmlError:
 * @ACCORD_HTML_ERROR_RENDER: a Markdown text could not be rendered
 *
 * Errors reported by accord_html_export().
 */
typedef enum
{
  ACCORD_HTML_ERROR_RENDER,
} AccordHtmlError;

#define ACCORD_HTML_ERROR (accord_html_error_quark ())
GQuark accord_html_error_quark (void);

char *accord_html_export (AccordStrategy  *strategy,
                          GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
