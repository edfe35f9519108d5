/* accord-workspace-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accord-entity-private.h"
#include "accord-scan-private.h"
#include "accord-workspace.h"

G_BEGIN_DECLS

/* The database's name in the workspace folder. */
#define ACCORD_WORKSPACE_FILE "workspace.sqlite"

struct _AccordWorkspace
{
  GObject           parent_instance;

  AccordRepository *repository;
  int               folder;   /* a descriptor of the folder that holds path */
  char             *folder_path;
  char             *path;
  sqlite3          *db;
  guint             n_files;  /* as the last load found them */
  guint             empty : 1; /* made anew since the last load: nothing indexed yet */
};

/* The statements that keep the rows of the files table and their search
 * text, prepared once for a whole load or write. */
typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *touch;
  sqlite3_stmt *links;
  sqlite3_stmt *remove;
  sqlite3_stmt *search_delete;
  sqlite3_stmt *search_insert;
} AccordWorkspaceStatements;

void                _accord_workspace_statements_clear   (AccordWorkspaceStatements  *statements);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccordWorkspaceStatements, _accord_workspace_statements_clear)

gboolean            _accord_workspace_exec               (AccordWorkspace            *self,
                                                          const char                 *sql,
                                                          GError                    **error);
gboolean            _accord_workspace_prepare            (AccordWorkspace            *self,
                                                          const char                 *sql,
                                                          sqlite3_stmt              **stmt,
                                                          GError                    **error);
gboolean            _accord_workspace_run                (AccordWorkspace            *self,
                                                          sqlite3_stmt               *stmt,
                                                          sqlite3_int64              *rowid,
                                                          GError                    **error);
void                _accord_workspace_rollback           (AccordWorkspace            *self);
gboolean            _accord_workspace_recover            (AccordWorkspace            *self,
                                                          GError                     *failure,
                                                          GError                    **error);
gboolean            _accord_workspace_rebuild            (AccordWorkspace            *self,
                                                          GError                     *failure,
                                                          GError                    **error);
gboolean            _accord_workspace_write_state        (AccordWorkspace            *self,
                                                          const char                 *key,
                                                          const char                 *value,
                                                          GError                    **error);

int                 _accord_workspace_open_folder        (const char                 *git_dir,
                                                          char                      **path,
                                                          GError                    **error);
gboolean            _accord_workspace_check_files        (int                         folder,
                                                          const char                 *folder_path,
                                                          GError                    **error);
gboolean            _accord_workspace_discard_files      (int                         folder,
                                                          const char                 *folder_path,
                                                          char                      **aside,
                                                          GError                    **error);

gboolean            _accord_workspace_read_state         (AccordWorkspace            *self,
                                                          const char                 *key,
                                                          char                      **value,
                                                          GError                    **error);

AccordEntitySource *_accord_workspace_source_new         (AccordWorkspace            *workspace);

GPtrArray          *_accord_workspace_problems_new       (void);
GBytes             *_accord_workspace_read_file          (AccordWorkspace            *self,
                                                          AccordScanned              *scanned,
                                                          GPtrArray                  *problems);
void                _accord_workspace_hash_blob          (GBytes                     *content,
                                                          char                       *hex);
gboolean            _accord_workspace_statements_prepare (AccordWorkspace            *self,
                                                          AccordWorkspaceStatements  *statements,
                                                          GError                    **error);
gboolean            _accord_workspace_store_file         (AccordWorkspace            *self,
                                                          AccordWorkspaceStatements  *statements,
                                                          AccordScanned              *scanned,
                                                          GBytes                     *content,
                                                          AccordEntity               *entity,
                                                          GPtrArray                  *problems,
                                                          sqlite3_int64               rowid,
                                                          GError                    **error);
gboolean            _accord_workspace_forget_file        (AccordWorkspace            *self,
                                                          AccordWorkspaceStatements  *statements,
                                                          sqlite3_int64               rowid,
                                                          GError                    **error);

G_END_DECLS
