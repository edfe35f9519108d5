/* accord-scan.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-scan"

#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "accord-entity.h"
#include "accord-scan-private.h"

/*
 * Opening and saving a strategy both need what stat() says of each of its
 * files, tens of thousands of them: a scan lists the folders first, then
 * asks stat() about every file relative to its folder (no path walk from
 * the root), in one thread or several.
 */

#define ARENA_BLOCK_SIZE (256 * 1024)

gpointer
_accord_arena_alloc (AccordArena *arena,
                     gsize        size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    {
      gsize block = MAX (size, ARENA_BLOCK_SIZE);

      arena->next = g_malloc (block);
      arena->blocks = g_slist_prepend (arena->blocks, arena->next);
      arena->left = block;
    }

  memory = arena->next;
  arena->next += size;
  arena->left -= size;

  return memory;
}

char *
_accord_arena_strdup (AccordArena *arena,
                      const char  *text)
{
  gsize size = strlen (text) + 1;

  return memcpy (_accord_arena_alloc (arena, size), text, size);
}

void
_accord_arena_clear (AccordArena *arena)
{
  g_slist_free_full (g_steal_pointer (&arena->blocks), g_free);
  arena->next = NULL;
  arena->left = 0;
}

void
_accord_scanned_init (AccordScanned *scanned,
                      const char    *path,
                      GStatBuf      *info)
{
  scanned->path = path;
  scanned->mtime = (gint64) info->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                   info->st_mtim.tv_nsec;
  scanned->ctime = (gint64) info->st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                   info->st_ctim.tv_nsec;
  scanned->size = info->st_size;
  scanned->inode = info->st_ino;
  scanned->regular = S_ISREG (info->st_mode);
}

typedef struct
{
  int         fd;     /* of its folder */
  const char *name;
  const char *path;
} Entry;

struct _AccordScan
{
  char           *root;
  GStrv           root_files;
  AccordArena     arena;
  GPtrArray      *dirs;     /* DIR, open while the files are looked at */
  GArray         *entries;  /* Entry */
  AccordScanned  *scanned;  /* one per entry */
  gboolean       *seen;     /* whether stat() could tell of it */
  GPtrArray      *files;    /* AccordScanned, sorted by path */

  /* Threads take the entries by chunks, from the first no thread took. */
  GMutex          lock;
  GCond           cond;
  gboolean        listed;
  guint           next;     /* atomic */
  guint           done;     /* under the lock */
};

static void
close_directory (gpointer dir)
{
  closedir (dir);
}

/* A scan of the strategy in @root: @root_files, then the files of each
 * kind's folder. */
AccordScan *
_accord_scan_new (const char         *root,
                  const char * const *root_files)
{
  AccordScan *self = g_new0 (AccordScan, 1);

  self->root = g_strdup (root);
  self->root_files = g_strdupv ((char **) root_files);
  self->dirs = g_ptr_array_new_with_free_func (close_directory);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->files = g_ptr_array_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);

  return self;
}

void
_accord_scan_free (AccordScan *self)
{
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->dirs, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->scanned, g_free);
  g_clear_pointer (&self->seen, g_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_clear_pointer (&self->root_files, g_strfreev);
  g_clear_pointer (&self->root, g_free);
  _accord_arena_clear (&self->arena);
  g_free (self);
}

/* Opens @directory of the strategy, or NULL: links are not followed. */
static DIR *
open_directory (AccordScan *self,
                const char *directory)
{
  g_autofree char *path = directory != NULL ? g_build_filename (self->root, directory, NULL)
                                            : g_strdup (self->root);
  DIR *dir;
  int fd;

  /* The strategy's own folder may be reached through a link. */
  fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (directory != NULL ? O_NOFOLLOW : 0));
  if (fd < 0)
    return NULL;

  if ((dir = fdopendir (fd)) == NULL)
    close (fd);

  return dir;
}

static void
add_entry (AccordScan *self,
           int         fd,
           const char *directory,
           const char *name)
{
  gsize length = directory != NULL ? strlen (directory) + 1 : 0;
  gsize name_size = strlen (name) + 1;
  char *path = _accord_arena_alloc (&self->arena, length + name_size);
  Entry entry;

  if (directory != NULL)
    {
      memcpy (path, directory, length - 1);
      path[length - 1] = '/';
    }
  memcpy (path + length, name, name_size);

  entry.fd = fd;
  entry.path = path;
  entry.name = path + length;
  g_array_append_val (self->entries, entry);
}

static void
list_files (AccordScan *self)
{
  DIR *root = open_directory (self, NULL);

  if (root == NULL)
    return;
  g_ptr_array_add (self->dirs, root);

  for (guint i = 0; self->root_files[i] != NULL; i++)
    add_entry (self, dirfd (root), NULL, self->root_files[i]);

  for (guint kind = ACCORD_ENTITY_SECTION; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      const char *directory = accord_entity_kind_get_directory (kind);
      DIR *dir = open_directory (self, directory);
      struct dirent *entry;

      if (dir == NULL)
        continue;
      g_ptr_array_add (self->dirs, dir);

      while ((entry = readdir (dir)) != NULL)
        {
          if (g_str_equal (entry->d_name, ".") || g_str_equal (entry->d_name, ".."))
            continue;

          add_entry (self, dirfd (dir), directory, entry->d_name);
        }
    }
}

#define CHUNK 256

/* Asks stat() about chunks of entries until none is left to take. */
static gpointer
stat_chunks (gpointer data)
{
  AccordScan *self = data;
  guint n = self->entries->len;

  for (;;)
    {
      guint first = g_atomic_int_add (&self->next, CHUNK);
      guint last = MIN (first + CHUNK, n);

      if (first >= n)
        break;

      for (guint i = first; i < last; i++)
        {
          const Entry *entry = &g_array_index (self->entries, Entry, i);
          GStatBuf info;

          if (fstatat (entry->fd, entry->name, &info, AT_SYMLINK_NOFOLLOW) == 0)
            {
              _accord_scanned_init (&self->scanned[i], entry->path, &info);
              self->seen[i] = TRUE;
            }
        }

      g_mutex_lock (&self->lock);
      self->done += last - first;
      if (self->done == n)
        g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
    }

  return NULL;
}

static int
compare_scanned (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(AccordScanned **) a)->path, (*(AccordScanned **) b)->path);
}

/* Lists the files and asks stat() about each, in @n_threads threads (the
 * calling one included), and in those that help (_accord_scan_help()). */
void
_accord_scan_run (AccordScan *self,
                  guint       n_threads)
{
  g_autofree GThread **threads = NULL;
  guint n;

  list_files (self);

  n = self->entries->len;
  self->scanned = g_new (AccordScanned, MAX (n, 1));
  self->seen = g_new0 (gboolean, MAX (n, 1));

  g_mutex_lock (&self->lock);
  self->listed = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  n_threads = CLAMP (n_threads, 1, MAX (n / 1024, 1));
  threads = g_new0 (GThread *, n_threads);
  for (guint t = 0; t + 1 < n_threads; t++)
    threads[t] = g_thread_new ("accord-stat", stat_chunks, self);

  stat_chunks (self);
  for (guint t = 0; t + 1 < n_threads; t++)
    g_thread_join (threads[t]);

  /* Wait for the chunks helpers took. */
  g_mutex_lock (&self->lock);
  while (self->done < n)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < n; i++)
    {
      if (self->seen[i])
        g_ptr_array_add (self->files, &self->scanned[i]);
    }

  g_ptr_array_sort (self->files, compare_scanned);

  /* The folders are no longer needed: let their descriptors go. */
  g_ptr_array_set_size (self->dirs, 0);
}

/* Takes part in a scan _accord_scan_run() runs in another thread, once it
 * has listed the files: a thread with nothing else to do shortens it. */
void
_accord_scan_help (AccordScan *self)
{
  g_mutex_lock (&self->lock);
  while (!self->listed)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  stat_chunks (self);
}

/* The files found, sorted by path; they belong to the scan. */
GPtrArray *
_accord_scan_get_files (AccordScan *self)
{
  return self->files;
}
