/* accord-cli.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "accord.h"
#include "accord-cli.h"

static const AccordCliCommand commands[] = {
  { "init", accord_cli_cmd_init, N_("Create a new strategy with its first revision") },
  { "info", accord_cli_cmd_info, N_("Summarise a strategy and its state") },
  { "sections", accord_cli_cmd_sections, N_("List the sections in reading order") },
  { "section", accord_cli_cmd_section, N_("Add, change, move or remove a section") },
  { "objectives", accord_cli_cmd_objectives, N_("List the objectives with all their fields") },
  { "objective", accord_cli_cmd_objective, N_("Add, change or remove an objective") },
  { "save", accord_cli_cmd_save, N_("Save the changes as a new revision") },
  { "log", accord_cli_cmd_log, N_("List the revisions, newest first") },
  { "tag", accord_cli_cmd_tag, N_("Mark the last revision as a milestone") },
  { "restore", accord_cli_cmd_restore, N_("Bring back a past revision as a new one") },
  { "check", accord_cli_cmd_check, N_("List what is wrong in a strategy’s files") },
  { "export", accord_cli_cmd_export, N_("Write a strategy as one Markdown or HTML document") },
  { "search", accord_cli_cmd_search, N_("Search sections, objectives and comments") },
  { "version", accord_cli_cmd_version, N_("Show the versions of Accord and its libraries") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  accord-cli %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));

  fprintf (stream, "\n%s\n", _("Run “accord-cli COMMAND --help” for the options of a command."));
}

/* Names the program "accord-cli COMMAND" so that the --help of each
 * command shows how to call it. */
static void
set_program_name (const char *first,
                  const char *second)
{
  g_autofree char *name = g_strjoin (" ", "accord-cli", first, second, NULL);

  g_set_prgname (name);
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "help") || g_str_equal (arg, "--help") || g_str_equal (arg, "-h");
}

/**
 * accord_cli_fail:
 * @error: what went wrong
 *
 * Prints @error as the one-line message the command ends with.
 *
 * Returns: the exit status for a failed command
 */
int
accord_cli_fail (const GError *error)
{
  g_autofree char *line = accord_escape_line (error->message);

  g_printerr ("accord-cli: %s\n", line);
  return 1;
}

/**
 * accord_cli_warn:
 * @message: a sentence
 *
 * Prints @message on one line of the standard error, as failures are,
 * for what a command that succeeds has to say.
 */
void
accord_cli_warn (const char *message)
{
  g_autofree char *line = accord_escape_line (message);

  g_printerr ("accord-cli: %s\n", line);
}

int
accord_cli_usage_error (GOptionContext *context,
                        const char     *message)
{
  g_autofree char *line = accord_escape_line (message);

  g_printerr ("accord-cli: %s\n", line);
  return 2;
}

void
accord_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/**
 * accord_cli_context_new:
 * @parameters: the arguments after the options, as --help shows them
 * @summary: what the command does, in a sentence
 * @entries: (nullable): the command's own options
 *
 * Returns: (transfer full): the option context of a command
 */
GOptionContext *
accord_cli_context_new (const char         *parameters,
                        const char         *summary,
                        const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/**
 * accord_cli_add_message:
 * @context: the option context of a command
 * @message: where the message given goes
 * @description: what the message says, marked with N_()
 *
 * Adds -m/--message, the message of the revision or milestone a command
 * makes.
 */
void
accord_cli_add_message (GOptionContext  *context,
                        char           **message,
                        const char      *description)
{
  const GOptionEntry entries[] = {
    { "message", 'm', 0, G_OPTION_ARG_STRING, message, description, N_("MESSAGE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/**
 * accord_cli_add_author:
 * @context: the option context of a command
 * @author: where the author given goes
 *
 * Adds --author, who signs the revision or milestone a command makes when
 * git's configuration should not.
 */
void
accord_cli_add_author (GOptionContext  *context,
                       char           **author)
{
  const GOptionEntry entries[] = {
    { "author", 0, 0, G_OPTION_ARG_STRING, author,
      N_("The author, instead of git’s user.name and user.email"), N_("NAME <E-MAIL>") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/**
 * accord_cli_parse:
 * @context: the command's options
 * @argc: the number of arguments, the command's name included
 * @argv: the arguments
 * @n_args: how many arguments the command takes after its options
 * @parameters: the arguments, as given to accord_cli_context_new()
 *
 * Parses the options and checks the number of the other arguments.
 *
 * Returns: 0, or the exit status of a usage error already reported
 */
int
accord_cli_parse (GOptionContext   *context,
                  int              *argc,
                  char           ***argv,
                  int               n_args,
                  const char       *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return accord_cli_usage_error (context, error->message);

  if (*argc - 1 == n_args)
    return 0;

  /* Translators: the first %s is a command, such as "accord-cli sections",
   * the second its arguments, such as "DIR". */
  message = g_strdup_printf (_("Wrong number of arguments; usage: %s [OPTION…] %s"),
                             g_get_prgname (), parameters);

  return accord_cli_usage_error (context, message);
}

/* Reports a usage error when two options that exclude each other are both
 * given. Returns 0 otherwise. */
int
accord_cli_exclusive (GOptionContext *context,
                      gboolean        first_given,
                      const char     *first_name,
                      gboolean        second_given,
                      const char     *second_name)
{
  g_autofree char *message = NULL;

  if (!first_given || !second_given)
    return 0;

  /* Translators: both %s are option names, such as --after and --first. */
  message = g_strdup_printf (_("%s and %s cannot be used together"), first_name, second_name);

  return accord_cli_usage_error (context, message);
}

/**
 * accord_cli_open:
 * @path: the strategy's folder
 * @strategy: (out) (optional): where to return the strategy read from the
 *   work tree, unsaved changes included
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the repository
 */
AccordRepository *
accord_cli_open (const char      *path,
                 AccordStrategy **strategy,
                 GError         **error)
{
  g_autoptr(AccordRepository) repository = accord_repository_open (path, error);

  if (repository == NULL)
    return NULL;

  if (strategy != NULL && !(*strategy = accord_repository_load (repository, error)))
    return NULL;

  return g_steal_pointer (&repository);
}

/**
 * accord_cli_lookup:
 * @strategy: an #AccordStrategy
 * @id: the id the user gave
 * @kind: %ACCORD_ENTITY_SECTION or %ACCORD_ENTITY_OBJECTIVE
 * @error: return location for a #GError
 *
 * Returns: (transfer none): the section or objective with @id
 */
AccordEntity *
accord_cli_lookup (AccordStrategy    *strategy,
                   const char        *id,
                   AccordEntityKind   kind,
                   GError           **error)
{
  AccordEntity *entity = accord_strategy_lookup (strategy, id);

  if (entity != NULL && accord_entity_get_kind (entity) == kind)
    return entity;

  if (kind == ACCORD_ENTITY_SECTION)
    g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                 _("There is no section “%s”"), id);
  else
    g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                 _("There is no objective “%s”"), id);

  return NULL;
}

static char *
read_stdin (gsize   *length,
            GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);

  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read the standard input: %s"), g_strerror (saved_errno));
      return NULL;
    }

  *length = text->len;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * accord_cli_read_text_file:
 * @path: a file name, or "-" for the standard input
 * @strip_newlines: whether to drop the line ends at the end of the text
 * @length: (out) (optional): the length of the text
 * @error: return location for a #GError
 *
 * Reads a text the user gives in a file, which must be valid UTF-8.
 *
 * Returns: (transfer full): the text
 */
char *
accord_cli_read_text_file (const char  *path,
                           gboolean     strip_newlines,
                           gsize       *length,
                           GError     **error)
{
  g_autofree char *text = NULL;
  gboolean is_stdin = g_str_equal (path, "-");
  const char *invalid = NULL;
  gsize size = 0;

  if (is_stdin)
    text = read_stdin (&size, error);
  else if (!g_file_get_contents (path, &text, &size, error))
    return NULL;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate_len (text, size, &invalid))
    {
      guint line = 1;

      for (const char *c = text; c < invalid; c++)
        line += *c == '\n';

      if (is_stdin)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The standard input is not valid UTF-8 text, from line %u"), line);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” is not valid UTF-8 text, from line %u"), path, line);
      return NULL;
    }

  while (strip_newlines && size > 0 && (text[size - 1] == '\n' || text[size - 1] == '\r'))
    text[--size] = '\0';

  if (length != NULL)
    *length = size;

  return g_steal_pointer (&text);
}

/* The id of the last @kind among the children of @parent_id, leaving out
 * @moving_id. */
static const char *
last_sibling (AccordStrategy   *strategy,
              AccordEntityKind  kind,
              const char       *parent_id,
              const char       *moving_id)
{
  GListModel *children = accord_strategy_get_children (strategy, parent_id);
  guint n = g_list_model_get_n_items (children);
  const char *last = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordEntity) child = g_list_model_get_item (children, i);

      if (accord_entity_get_kind (child) == kind &&
          accord_entity_get_field (child, "order") != NULL &&
          g_strcmp0 (accord_entity_get_id (child), moving_id) != 0)
        last = accord_entity_get_id (child);
    }

  return last;
}

static void
set_not_sibling_error (GError           **error,
                       AccordEntityKind   kind,
                       const char        *parent_id,
                       const char        *after_id)
{
  if (kind == ACCORD_ENTITY_OBJECTIVE)
    g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                 _("“%s” is not an objective of the section “%s”"), after_id, parent_id);
  else if (parent_id == NULL)
    g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                 _("“%s” is not a top-level section"), after_id);
  else
    g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                 _("“%s” is not a section directly under “%s”"), after_id, parent_id);
}

/**
 * accord_cli_dup_order:
 * @strategy: an #AccordStrategy
 * @kind: %ACCORD_ENTITY_SECTION or %ACCORD_ENTITY_OBJECTIVE
 * @parent_id: (nullable): the section to place in, %NULL for the top level
 * @after_id: (nullable): the sibling to place after (--after)
 * @first: whether to place first (--first)
 * @moving_id: (nullable): the entity being placed, when it already exists
 * @error: return location for a #GError
 *
 * Makes the order key that places a @kind after @after_id, first, or by
 * default last among its siblings.
 *
 * Returns: (transfer full): the order key
 */
char *
accord_cli_dup_order (AccordStrategy    *strategy,
                      AccordEntityKind   kind,
                      const char        *parent_id,
                      const char        *after_id,
                      gboolean           first,
                      const char        *moving_id,
                      GError           **error)
{
  char *order;

  if (after_id != NULL && g_strcmp0 (after_id, moving_id) == 0)
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_ID,
                   _("“%s” cannot be placed after itself"), after_id);
      return NULL;
    }

  if (after_id == NULL && !first)
    after_id = last_sibling (strategy, kind, parent_id, moving_id);

  order = accord_strategy_dup_order_after (strategy, parent_id, after_id, kind);
  if (order == NULL)
    set_not_sibling_error (error, kind, parent_id, after_id);

  return order;
}

/**
 * accord_cli_set_field:
 * @entity: an #AccordEntity
 * @name: a field name
 * @value: (nullable): the value given, "" to clear the field, or %NULL
 *   when the option was not given
 * @required: whether the field may not be cleared
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the value suits the field
 */
gboolean
accord_cli_set_field (AccordEntity  *entity,
                      const char    *name,
                      const char    *value,
                      gboolean       required,
                      GError       **error)
{
  if (value == NULL)
    return TRUE;

  if (required && *value == '\0')
    {
      g_set_error (error, ACCORD_ENTITY_ERROR, ACCORD_ENTITY_ERROR_INVALID_VALUE,
                   _("“%s” cannot be empty"), name);
      return FALSE;
    }

  return accord_entity_set_field (entity, name, value, error);
}

char *
accord_cli_short_id (const char *id)
{
  return g_strndup (id, 7);
}

/* Formats a time as ISO 8601 in the time zone it was recorded in, @offset
 * minutes east of UTC. */
char *
accord_cli_format_time (gint64 time,
                        int    offset)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset * 60);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
accord_cli_first_line (const char *text)
{
  const char *end = strchr (text, '\n');

  return end != NULL ? g_strndup (text, end - text) : g_strdup (text);
}

/* Prints "SHORT-ID MESSAGE" for a revision, as the commands that make one
 * do. Returns the exit status. */
int
accord_cli_print_revision (AccordRepository *repository,
                           const char       *revision)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *short_id = NULL;
  g_autofree char *summary = NULL;
  AccordRevision *found;

  log = accord_repository_log (repository, revision, 1, &error);
  if (log == NULL)
    return accord_cli_fail (error);

  if (log->len == 0)
    return 0;

  found = g_ptr_array_index (log, 0);
  short_id = accord_cli_short_id (found->id);
  summary = accord_cli_first_line (found->message);
  g_print ("%s %s\n", short_id, summary);

  return 0;
}

/**
 * accord_cli_table_new:
 *
 * Returns: (transfer full): an empty table for accord_cli_table_add()
 */
GPtrArray *
accord_cli_table_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Adds a row: its cells, then NULL. */
void
accord_cli_table_add (GPtrArray  *table,
                      const char *first,
                      ...)
{
  GPtrArray *row = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (row, g_strdup (cell));
  va_end (args);

  g_ptr_array_add (row, NULL);
  g_ptr_array_add (table, g_ptr_array_free (row, FALSE));
}

/* The number of columns @text takes in a terminal. */
static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (g_unichar_iszerowidth (ch))
        continue;

      width += g_unichar_iswide (ch) ? 2 : 1;
    }

  return width;
}

/* Prints the rows with their columns aligned, two spaces apart. */
void
accord_cli_print_table (GPtrArray *table)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (gsize));

  for (guint i = 0; i < table->len; i++)
    {
      char **row = g_ptr_array_index (table, i);

      for (guint j = 0; row[j] != NULL; j++)
        {
          if (j >= widths->len)
            g_array_set_size (widths, j + 1);
          g_array_index (widths, gsize, j) = MAX (g_array_index (widths, gsize, j),
                                                  display_width (row[j]));
        }
    }

  for (guint i = 0; i < table->len; i++)
    {
      char **row = g_ptr_array_index (table, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint j = 0; row[j] != NULL; j++)
        {
          g_string_append (line, row[j]);
          if (row[j + 1] == NULL)
            break;

          for (gsize k = display_width (row[j]); k < g_array_index (widths, gsize, j) + 2; k++)
            g_string_append_c (line, ' ');
        }

      g_print ("%s\n", line->str);
    }
}

/* Adds a string member, or null when @value is NULL. */
void
accord_cli_json_add_string (JsonBuilder *builder,
                            const char  *member,
                            const char  *value)
{
  json_builder_set_member_name (builder, member);

  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds an array of strings, empty when @values is NULL. */
void
accord_cli_json_add_strv (JsonBuilder        *builder,
                          const char         *member,
                          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);

  json_builder_end_array (builder);
}

static void
print_subcommands (FILE                   *stream,
                   const char             *group,
                   const AccordCliCommand *subcommands,
                   guint                   n_subcommands)
{
  g_autofree char *hint = NULL;

  fprintf (stream, "%s\n  accord-cli %s %s\n\n%s\n",
           _("Usage:"), group, _("SUBCOMMAND [OPTION…]"), _("Subcommands:"));

  for (guint i = 0; i < n_subcommands; i++)
    fprintf (stream, "  %-12s %s\n", subcommands[i].name, _(subcommands[i].summary));

  /* Translators: %s is a command with subcommands, such as "section". */
  hint = g_strdup_printf (_("Run “accord-cli %s SUBCOMMAND --help” for the options of a subcommand."),
                          group);
  fprintf (stream, "\n%s\n", hint);
}

/**
 * accord_cli_run_subcommand:
 * @group: the command's name, such as "section"
 * @subcommands: its subcommands
 * @n_subcommands: how many
 * @argc: the number of arguments, @group included
 * @argv: the arguments
 *
 * Runs the subcommand named by argv[1].
 *
 * Returns: the exit status
 */
int
accord_cli_run_subcommand (const char             *group,
                           const AccordCliCommand *subcommands,
                           guint                   n_subcommands,
                           int                     argc,
                           char                  **argv)
{
  const char *name = argc > 1 ? argv[1] : NULL;

  if (name != NULL && is_help (name))
    {
      print_subcommands (stdout, group, subcommands, n_subcommands);
      return 0;
    }

  for (guint i = 0; name != NULL && i < n_subcommands; i++)
    {
      if (g_str_equal (name, subcommands[i].name))
        {
          set_program_name (group, name);
          return subcommands[i].func (argc - 1, argv + 1);
        }
    }

  if (name == NULL)
    /* Translators: %s is a command with subcommands, such as "section". */
    g_printerr (_("accord-cli: “%s” needs a subcommand; run “accord-cli %s help” for the list\n"),
                group, group);
  else
    /* Translators: the first two %s are what the user typed, the last a command. */
    g_printerr (_("accord-cli: unknown command “%s %s”; run “accord-cli %s help” for the list\n"),
                group, name, group);

  return 2;
}

int
accord_cli_run (int    argc,
                char **argv)
{
  const char *name;

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  name = argv[1];

  if (is_help (name))
    {
      print_help (stdout);
      return 0;
    }

  if (g_str_equal (name, "--version"))
    {
      g_print ("accord-cli %s\n", accord_get_version ());
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        {
          set_program_name (name, NULL);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  /* Translators: %s is the name of a command the user typed. */
  g_printerr (_("accord-cli: unknown command “%s”; run “accord-cli help” for the list\n"), name);
  return 2;
}

/* Notes from libaccord (g_message (): a damaged workspace set aside and
 * rebuilt, say) are routine: one line each, as the command's own errors.
 * Warnings and debug output keep GLib's form. */
static void
log_cb (const char     *domain,
        GLogLevelFlags  level,
        const char     *message,
        gpointer        user_data)
{
  g_autofree char *line = NULL;

  if ((level & G_LOG_LEVEL_MASK) != G_LOG_LEVEL_MESSAGE)
    {
      g_log_default_handler (domain, level, message, user_data);
      return;
    }

  line = accord_escape_line (message);
  g_printerr ("accord-cli: %s\n", line);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  accord_init ();
  g_log_set_default_handler (log_cb, NULL);

  return accord_cli_run (argc, argv);
}

/**
 * accord_cli_remove:
 * @argc: the arguments of the subcommand
 * @argv: the arguments of the subcommand
 * @kind: the kind of entity it removes
 * @summary: what the subcommand does, for --help
 *
 * `accord-cli section|objective remove DIR ID`: removes the entity unless
 * something depends on it, and writes the strategy.
 *
 * Returns: the exit status
 */
int
accord_cli_remove (int                argc,
                   char             **argv,
                   AccordEntityKind   kind,
                   const char        *summary)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(AccordStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  const char *parameters = _("DIR ID");
  int status;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = accord_cli_context_new (parameters, summary, entries);
  if ((status = accord_cli_parse (context, &argc, &argv, 2, parameters)) != 0)
    return status;

  if (!(repository = accord_cli_open (argv[1], &strategy, &error)))
    return accord_cli_fail (error);

  if (!accord_cli_lookup (strategy, argv[2], kind, &error) ||
      !accord_strategy_remove (strategy, argv[2], &error) ||
      !accord_repository_write (repository, strategy, &error))
    return accord_cli_fail (error);

  return 0;
}
