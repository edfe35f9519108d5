/* accord-scan-private.h
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Blocks that things made by the ten thousand come from, dropped together. */
typedef struct
{
  GSList *blocks;
  char   *next;
  gsize   left;
} AccordArena;

gpointer _accord_arena_alloc  (AccordArena *arena,
                               gsize        size);
char    *_accord_arena_strdup (AccordArena *arena,
                               const char  *text);
void     _accord_arena_clear  (AccordArena *arena);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccordArena, _accord_arena_clear)

/* One file of a strategy's folder, as stat() saw it. */
typedef struct
{
  const char *path;       /* relative to the strategy's folder */
  gint64      mtime;      /* nanoseconds */
  gint64      ctime;      /* nanoseconds */
  gint64      size;
  gint64      inode;
  guint       regular : 1;
} AccordScanned;

void _accord_scanned_init (AccordScanned *scanned,
                           const char    *path,
                           GStatBuf      *info);

typedef struct _AccordScan AccordScan;

AccordScan *_accord_scan_new       (const char          *root,
                                    const char * const  *root_files);
void        _accord_scan_run       (AccordScan          *self,
                                    guint                n_threads);
void        _accord_scan_help      (AccordScan          *self);
GPtrArray  *_accord_scan_get_files (AccordScan          *self);
void        _accord_scan_free      (AccordScan          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordScan, _accord_scan_free)

G_END_DECLS
