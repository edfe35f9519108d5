/* accord-workspace.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"

G_BEGIN_DECLS

/**
 * AccordSearchHit:
 * @id: the entity's id
 * @kind: its kind
 * @title: its title (or a participant's name), with the matched words marked
 * @snippet: a passage of its text around the matched words, marked
 * @rank: how well it matched; lower is better
 *
 * One result of accord_workspace_search().
 */
struct _AccordSearchHit
{
  char             *id;
  AccordEntityKind  kind;
  char             *title;
  char             *snippet;
  double            rank;
};

#define ACCORD_TYPE_SEARCH_HIT (accord_search_hit_get_type ())
GType            accord_search_hit_get_type (void) G_GNUC_CONST;
AccordSearchHit *accord_search_hit_copy     (const AccordSearchHit *self);
void             accord_search_hit_free     (AccordSearchHit       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordSearchHit, accord_search_hit_free)

/**
 * AccordWorkspaceError:
 * @ACCORD_WORKSPACE_ERROR_NEWER: the workspace was made by a newer Accord
 * @ACCORD_WORKSPACE_ERROR_INVALID_QUERY: the search has no words to look for
 */
typedef enum
{
  ACCORD_WORKSPACE_ERROR_NEWER,
  ACCORD_WORKSPACE_ERROR_INVALID_QUERY,
} AccordWorkspaceError;

#define ACCORD_WORKSPACE_ERROR (accord_workspace_error_quark ())
GQuark accord_workspace_error_quark (void);

#define ACCORD_TYPE_WORKSPACE (accord_workspace_get_type ())

G_DECLARE_FINAL_TYPE (AccordWorkspace, accord_workspace, ACCORD, WORKSPACE, GObject)

AccordWorkspace *accord_workspace_open        (AccordRepository  *repository,
                                               GError           **error);
const char      *accord_workspace_get_path    (AccordWorkspace   *self);
AccordStrategy  *accord_workspace_load        (AccordWorkspace   *self,
                                               GError           **error);
GPtrArray       *accord_workspace_search      (AccordWorkspace   *self,
                                               const char        *query,
                                               const char        *mark_start,
                                               const char        *mark_end,
                                               guint              limit,
                                               GError           **error);
int              accord_workspace_get_schema_version (AccordWorkspace *self);
gboolean         accord_workspace_write       (AccordWorkspace   *self,
                                               AccordStrategy    *strategy,
                                               GError           **error);
gboolean         accord_workspace_begin_session (AccordWorkspace *self,
                                               gboolean          *interrupted,
                                               GError           **error);
void             accord_workspace_end_session (AccordWorkspace   *self);
char            *accord_workspace_dup_state   (AccordWorkspace   *self,
                                               const char        *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean         accord_workspace_set_state   (AccordWorkspace   *self,
                                               const char        *key,
                                               const char        *value,
                                               GError           **error);

G_END_DECLS
