/* accord-history-view.c
 *
 * Copyright 2026 The Accord authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-history-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-history-view.h"

/* How many revisions one read of the history adds to the list. */
#define PAGE_SIZE 50

/* How many parents of a revision are looked up: merges Accord makes have
 * two, and octopus merges of more than a handful of branches are unheard
 * of in a strategy's history. */
#define MAX_PARENTS 16

/* AccordHistoryItem: one revision in the list's model. */

#define ACCORD_TYPE_HISTORY_ITEM (accord_history_item_get_type ())

G_DECLARE_FINAL_TYPE (AccordHistoryItem, accord_history_item, ACCORD, HISTORY_ITEM, GObject)

struct _AccordHistoryItem
{
  GObject         parent_instance;

  AccordRevision *revision;
};

G_DEFINE_FINAL_TYPE (AccordHistoryItem, accord_history_item, G_TYPE_OBJECT)

static void
accord_history_item_finalize (GObject *object)
{
  AccordHistoryItem *self = ACCORD_HISTORY_ITEM (object);

  g_clear_pointer (&self->revision, accord_revision_free);

  G_OBJECT_CLASS (accord_history_item_parent_class)->finalize (object);
}

static void
accord_history_item_class_init (AccordHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accord_history_item_finalize;
}

static void
accord_history_item_init (AccordHistoryItem *self)
{
}

/* Takes @revision. */
static AccordHistoryItem *
accord_history_item_new (AccordRevision *revision)
{
  AccordHistoryItem *self = g_object_new (ACCORD_TYPE_HISTORY_ITEM, NULL);

  self->revision = revision;

  return self;
}

/* AccordHistoryView */

struct _AccordHistoryView
{
  AdwBin              parent_instance;

  AccordRepository   *repository;
  GSettings          *settings;

  GListStore         *revisions;
  GtkSingleSelection *selection;
  GHashTable         *loaded;        /* ids of the revisions in the list */
  GHashTable         *frontier;      /* parents of those, not in the list */
  char               *head_id;
  char               *pending_selection;
  GCancellable       *log_cancellable;
  gboolean            has_more;

  AccordHistoryItem  *shown;         /* the revision in the detail */
  GCancellable       *detail_cancellable;
  AccordStrategy     *strategy;      /* as it was in that revision */
  AccordStrategy     *previous;      /* in its first parent, for removed entities */
  char               *entity_id;     /* selected in the outline */
  gboolean            filling_outline;

  GtkStack           *list_stack;
  GtkSpinner         *list_spinner;
  AdwStatusPage      *list_error_page;
  GtkScrolledWindow  *list_scroll;
  GtkListView        *list_view;
  GtkRevealer        *more_revealer;
  GtkSpinner         *more_spinner;
  GtkStack           *detail_stack;
  GtkLabel           *message_label;
  GtkLabel           *body_label;
  GtkLabel           *meta_label;
  GtkLabel           *id_label;
  GtkBox             *tags_box;
  GtkButton          *restore_strategy_button;
  GtkButton          *restore_entity_button;
  GtkButton          *milestone_button;
  GtkStack           *content_stack;
  GtkSpinner         *content_spinner;
  AdwStatusPage      *content_error_page;
  GtkLabel           *changes_label;
  GtkListBox         *changes_list;
  GtkListBox         *outline_list;
  GtkStack           *text_stack;
  GtkLabel           *text_title_label;
  GtkTextView        *text_view;
};

G_DEFINE_FINAL_TYPE (AccordHistoryView, accord_history_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BEFORE_CHANGE,
  RESTORED,
  TAG_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_page (AccordHistoryView *self);
static void reset     (AccordHistoryView *self);
static guint find_revision (AccordHistoryView *self,
                            const char        *id);

/* Formatting */

static int
days_between (GDateTime *earlier,
              GDateTime *later)
{
  GDate first;
  GDate second;

  g_date_clear (&first, 1);
  g_date_clear (&second, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (earlier),
                  g_date_time_get_month (earlier), g_date_time_get_year (earlier));
  g_date_set_dmy (&second, g_date_time_get_day_of_month (later),
                  g_date_time_get_month (later), g_date_time_get_year (later));

  return g_date_days_between (&first, &second);
}

/**
 * _accord_history_view_format_relative:
 * @when: a moment
 * @now: the present, whose time zone counts calendar days
 *
 * Returns: (transfer full): @when as the list of revisions shows it:
 *   "Just now", "5 minutes ago", "Yesterday", "3 days ago" or a date
 */
char *
_accord_history_view_format_relative (GDateTime *when,
                                      GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan span;
  const char *format;
  int days;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* A revision from the future comes from a clock set wrong: it is as
   * new as can be. */
  span = g_date_time_difference (now, when);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));

  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = span / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), minutes);
    }

  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  days = days_between (local, now);

  if (days <= 0)
    {
      int hours = span / G_TIME_SPAN_HOUR;

      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);
    }

  if (days == 1)
    return g_strdup (_("Yesterday"));

  if (days < 7)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a date in the current year, in the format of
     * g_date_time_format(): "%B %-d" gives “March 5” */
    format = _("%B %-d");
  else
    /* Translators: a date in another year, in the format of
     * g_date_time_format(): "%B %-d, %Y" gives “March 5, 2025” */
    format = _("%B %-d, %Y");

  return g_date_time_format (local, format);
}

static char *
format_full_date (const AccordRevision *revision)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (revision->time);

  /* Translators: when a revision was saved, in the format of
   * g_date_time_format(): gives “Thursday, March 5, 2026 at 14:05” */
  return g_date_time_format (when, _("%A, %B %-d, %Y at %H:%M"));
}

static char *
format_short_id (const char *id)
{
  return g_strndup (id, 8);
}

/* The first line of a revision's message. */
static char *
dup_summary (const AccordRevision *revision)
{
  const char *message = revision->message != NULL ? revision->message : "";
  const char *end = strchr (message, '\n');

  return end != NULL ? g_strndup (message, end - message) : g_strdup (message);
}

/* Finds which entity a changed file holds: "strategy.md" the strategy,
 * "sections/s-….md" a section… Other files, such as .gitattributes, hold
 * none. */
static gboolean
parse_entity_path (const char        *path,
                   AccordEntityKind  *kind,
                   char             **id)
{
  const char *slash;
  const char *name;
  g_autofree char *directory = NULL;
  g_autofree char *found_id = NULL;

  if (g_str_equal (path, "strategy.md"))
    {
      *kind = ACCORD_ENTITY_STRATEGY;
      *id = g_strdup ("strategy");
      return TRUE;
    }

  slash = strchr (path, '/');
  if (slash == NULL)
    return FALSE;

  name = slash + 1;
  if (strchr (name, '/') != NULL || !g_str_has_suffix (name, ".md"))
    return FALSE;

  directory = g_strndup (path, slash - path);
  found_id = g_strndup (name, strlen (name) - strlen (".md"));
  if (!accord_id_is_valid (found_id))
    return FALSE;

  for (guint k = ACCORD_ENTITY_SECTION; k < ACCORD_N_ENTITY_KINDS; k++)
    {
      if (g_strcmp0 (directory, accord_entity_kind_get_directory (k)) == 0)
        {
          *kind = k;
          *id = g_steal_pointer (&found_id);
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
kind_label (AccordEntityKind kind)
{
  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      return C_("entity kind", "Strategy");
    case ACCORD_ENTITY_SECTION:
      return C_("entity kind", "Section");
    case ACCORD_ENTITY_OBJECTIVE:
      return C_("entity kind", "Objective");
    case ACCORD_ENTITY_ROUND:
      return C_("entity kind", "Consultation round");
    case ACCORD_ENTITY_PARTICIPANT:
      return C_("entity kind", "Participant");
    case ACCORD_ENTITY_COMMENT:
      return C_("entity kind", "Comment");
    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_kind_count (AccordEntityKind kind,
                   guint            n)
{
  switch (kind)
    {
    case ACCORD_ENTITY_STRATEGY:
      /* Translators: part of “strategy details, 2 sections changed” */
      return g_strdup (_("strategy details"));
    case ACCORD_ENTITY_SECTION:
      return g_strdup_printf (ngettext ("%u section", "%u sections", n), n);
    case ACCORD_ENTITY_OBJECTIVE:
      return g_strdup_printf (ngettext ("%u objective", "%u objectives", n), n);
    case ACCORD_ENTITY_ROUND:
      return g_strdup_printf (ngettext ("%u consultation round", "%u consultation rounds", n), n);
    case ACCORD_ENTITY_PARTICIPANT:
      return g_strdup_printf (ngettext ("%u participant", "%u participants", n), n);
    case ACCORD_ENTITY_COMMENT:
      return g_strdup_printf (ngettext ("%u comment", "%u comments", n), n);
    case ACCORD_N_ENTITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* What a revision changed, counted by kind: "2 sections, 1 objective
 * changed". */
static char *
format_change_counts (const AccordRevision *revision)
{
  guint counts[ACCORD_N_ENTITY_KINDS] = { 0 };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);
      g_autofree char *id = NULL;
      AccordEntityKind kind;

      if (parse_entity_path (change->path, &kind, &id))
        counts[kind]++;
    }

  for (guint kind = 0; kind < ACCORD_N_ENTITY_KINDS; kind++)
    {
      if (counts[kind] > 0)
        g_ptr_array_add (parts, format_kind_count (kind, counts[kind]));
    }

  if (parts->len == 0)
    return g_strdup (_("Nothing in the strategy changed"));

  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the items of a list such as “2 sections,
   * 1 objective” */
  joined = g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);

  /* Translators: %s lists what a revision changed, such as “2 sections,
   * 1 objective” */
  return g_strdup_printf (_("%s changed"), joined);
}

/* How an entity is named: its title, an objective's code when @brief and
 * it has one. */
static char *
dup_entity_name (AccordEntity *entity,
                 gboolean      brief)
{
  AccordEntityKind kind = accord_entity_get_kind (entity);
  const char *title = NULL;
  const char *code = NULL;

  if (accord_entity_kind_has_field (kind, "title"))
    title = accord_entity_get_field (entity, "title");
  else if (accord_entity_kind_has_field (kind, "name"))
    title = accord_entity_get_field (entity, "name");

  if (title == NULL || *title == '\0')
    title = accord_entity_get_id (entity);

  if (kind == ACCORD_ENTITY_OBJECTIVE)
    code = accord_entity_get_field (entity, "code");

  if (code == NULL || *code == '\0')
    return g_strdup (title);

  if (brief)
    return g_strdup (code);

  /* Translators: an objective's code, then its title: “O2.3 Open data” */
  return g_strdup_printf (_("%s %s"), code, title);
}

/* "Présentation, O2.3 and 3 more" */
static char *
format_names (GPtrArray *names)
{
  const char *first;
  const char *second;
  guint more;

  if (names->len == 0)
    return NULL;

  first = g_ptr_array_index (names, 0);
  if (names->len == 1)
    return g_strdup (first);

  second = g_ptr_array_index (names, 1);
  if (names->len == 2)
    /* Translators: two changed entities, “Présentation and O2.3” */
    return g_strdup_printf (_("%s and %s"), first, second);

  more = names->len - 2;
  /* Translators: two changed entities and how many others changed too:
   * “Présentation, O2.3 and 3 more” */
  return g_strdup_printf (ngettext ("%s, %s and %u more", "%s, %s and %u more", more),
                          first, second, more);
}

static const char *
change_label (AccordChangeKind kind)
{
  switch (kind)
    {
    case ACCORD_CHANGE_ADDED:
      return _("Added");
    case ACCORD_CHANGE_MODIFIED:
      return _("Changed");
    case ACCORD_CHANGE_REMOVED:
      return _("Removed");
    default:
      g_assert_not_reached ();
    }
}

static const char *
entity_text (AccordEntity *entity)
{
  switch (accord_entity_get_kind (entity))
    {
    case ACCORD_ENTITY_STRATEGY:
      return accord_entity_get_field (entity, "summary");
    case ACCORD_ENTITY_SECTION:
      return accord_section_get_body (ACCORD_SECTION (entity));
    case ACCORD_ENTITY_OBJECTIVE:
      return accord_objective_get_description (ACCORD_OBJECTIVE (entity));
    case ACCORD_ENTITY_ROUND:
    case ACCORD_ENTITY_PARTICIPANT:
    case ACCORD_ENTITY_COMMENT:
    case ACCORD_N_ENTITY_KINDS:
    default:
      return NULL;
    }
}

static void
fill_tags (GtkBox             *box,
           const char * const *tags)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (tags[i]);
      g_autofree char *tooltip = g_strdup_printf (_("Milestone “%s”"), tags[i]);

      gtk_widget_add_css_class (label, "tag");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (label, tooltip);
      gtk_box_append (box, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (box), tags != NULL && tags[0] != NULL);
}

/* Toasts and settings */

/* Errors are shown at once, before toasts already waiting. */
static void
show_toast (AccordHistoryView *self,
            const char        *title,
            gboolean           error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("%s", title);
      return;
    }

  /* A toast's title is Pango markup. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  if (error)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* "Name <e-mail>" from the preferences, or NULL for git's configuration. */
static char *
dup_author (AccordHistoryView *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");
  g_autofree char *email = g_settings_get_string (self->settings, "author-email");

  g_strstrip (name);
  g_strstrip (email);

  if (*name == '\0' || *email == '\0')
    return NULL;

  return g_strdup_printf ("%s <%s>", name, email);
}

static GtkWindow *
get_window (AccordHistoryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Actions */

static AccordEntity *
get_selected_entity (AccordHistoryView *self)
{
  AccordEntity *entity;

  if (self->strategy == NULL || self->entity_id == NULL)
    return NULL;

  if (g_str_equal (self->entity_id, "strategy"))
    return ACCORD_ENTITY (self->strategy);

  entity = accord_strategy_lookup (self->strategy, self->entity_id);
  if (entity == NULL)
    return NULL;

  return entity;
}

static void
update_actions (AccordHistoryView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *selected = accord_history_view_get_selected_revision (self);
  AccordEntity *entity = get_selected_entity (self);
  gboolean can_change = self->repository != NULL && selected != NULL;
  gboolean is_head = can_change && g_strcmp0 (selected, self->head_id) == 0;
  const char *label = _("Restore This Section");

  gtk_widget_action_set_enabled (widget, "history.restore-strategy", can_change);
  gtk_widget_action_set_enabled (widget, "history.restore-entity",
                                 can_change && entity != NULL);
  gtk_widget_action_set_enabled (widget, "history.create-milestone", is_head);

  if (entity != NULL && ACCORD_IS_OBJECTIVE (entity))
    label = _("Restore This Objective");
  else if (entity != NULL && ACCORD_IS_STRATEGY (entity))
    label = _("Restore Title and Summary");

  gtk_button_set_label (self->restore_entity_button, label);

  if (entity != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->restore_entity_button),
                                 _("Bring back the selected part as it was in this revision"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->restore_entity_button),
                                 _("Select a section or an objective below to restore it"));

  if (is_head)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->milestone_button),
                                 _("Name this revision, such as the version sent to consultation"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->milestone_button),
                                 _("Only the last revision can be made a milestone"));
}

static void
restore (AccordHistoryView *self,
         const char        *revision,
         AccordEntity      *entity)
{
  g_autoptr(AccordHistoryView) hold = g_object_ref (self);
  g_autofree char *revision_id = g_strdup (revision);
  g_autofree char *entity_id = NULL;
  g_autofree char *done = NULL;
  g_autofree char *author = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(GError) error = NULL;

  if (entity != NULL)
    {
      g_autofree char *name = dup_entity_name (entity, FALSE);

      entity_id = g_strdup (accord_entity_get_id (entity));
      /* Translators: %s is the title of a section or an objective */
      done = g_strdup_printf (_("Restored “%s”"), name);
    }
  else
    {
      GListModel *model = G_LIST_MODEL (self->revisions);
      guint position = find_revision (self, revision_id);
      g_autoptr(AccordHistoryItem) item = NULL;
      g_autofree char *date = NULL;

      if (position != GTK_INVALID_LIST_POSITION)
        {
          item = g_list_model_get_item (model, position);
          date = format_full_date (item->revision);
        }

      /* Translators: %s is a date and time */
      done = g_strdup_printf (_("Restored the strategy as it was on %s"),
                              date != NULL ? date : revision_id);
    }

  /* Edits not yet written would be overwritten, or would block the
   * restore: the window writes them now. */
  g_signal_emit (self, signals[BEFORE_CHANGE], 0);

  if (self->repository == NULL)
    return;

  author = dup_author (self);
  new_id = accord_repository_restore (self->repository, revision_id, entity_id, author, &error);
  if (new_id == NULL)
    {
      if (g_error_matches (error, ACCORD_REPOSITORY_ERROR, ACCORD_REPOSITORY_ERROR_UNSAVED_CHANGES))
        show_toast (self, _("Save or discard your changes before restoring"), TRUE);
      else if (g_error_matches (error, ACCORD_REPOSITORY_ERROR,
                                ACCORD_REPOSITORY_ERROR_NOTHING_TO_SAVE))
        show_toast (self, _("Nothing to restore: it is already as it was in this revision"),
                    TRUE);
      else
        show_toast (self, error->message, TRUE);

      g_debug ("Could not restore %s from %s: %s",
               entity_id != NULL ? entity_id : "the strategy", revision_id, error->message);
      return;
    }

  show_toast (self, done, FALSE);
  g_signal_emit (self, signals[RESTORED], 0, new_id);

  /* The new revision heads the list once it is read again. */
  g_free (self->pending_selection);
  self->pending_selection = g_steal_pointer (&new_id);
  reset (self);
}

static void
restore_entity_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);
  const char *revision = accord_history_view_get_selected_revision (self);
  g_autoptr(AccordEntity) entity = NULL;

  if (revision == NULL || get_selected_entity (self) == NULL)
    return;

  entity = g_object_ref (get_selected_entity (self));
  restore (self, revision, entity);
}

static void
restore_strategy_response_cb (AccordHistoryView *self,
                              const char        *response,
                              AdwMessageDialog  *dialog)
{
  const char *revision = g_object_get_data (G_OBJECT (dialog), "revision");

  if (g_str_equal (response, "restore") && revision != NULL && self->repository != NULL)
    restore (self, revision, NULL);
}

static void
restore_strategy_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);
  GtkWidget *dialog;
  g_autofree char *date = NULL;

  if (self->shown == NULL)
    return;

  date = format_full_date (self->shown->revision);
  dialog = adw_message_dialog_new (get_window (self), _("Restore the Whole Strategy?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a date and time */
                                  _("Every section, objective and other part of the strategy "
                                    "will be brought back as it was on %s. This is saved as a "
                                    "new revision: the history is kept, and later revisions can "
                                    "still be restored."),
                                  date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "revision",
                          g_strdup (self->shown->revision->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_strategy_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* A rough check of git's rules for tag names, to guide the drafter as they
 * type; the repository makes the full check. */
static gboolean
milestone_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '-' || *name == '.' ||
      g_str_has_suffix (name, ".") || g_str_has_suffix (name, ".lock") ||
      g_str_has_suffix (name, "/") || strstr (name, "..") != NULL ||
      strstr (name, "@{") != NULL || strstr (name, "//") != NULL || g_str_equal (name, "@"))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr ("~^:?*[\\", *p) != NULL)
        return FALSE;
    }

  return TRUE;
}

static void
milestone_name_changed_cb (AdwMessageDialog *dialog,
                           GtkEditable      *name_row)
{
  const char *name = gtk_editable_get_text (name_row);
  GtkWidget *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  gboolean valid = milestone_name_is_valid (name);
  gboolean show_error = !valid && *name != '\0';

  adw_message_dialog_set_response_enabled (dialog, "create", valid);

  if (show_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (name_row), "error");
      gtk_widget_add_css_class (hint, "error");
      gtk_widget_remove_css_class (hint, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (name_row), "error");
      gtk_widget_remove_css_class (hint, "error");
      gtk_widget_add_css_class (hint, "dim-label");
    }
}

static void
milestone_entry_activated_cb (AdwMessageDialog *dialog,
                              GtkEditable      *row)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    adw_message_dialog_response (dialog, "create");
}

static void
milestone_response_cb (AccordHistoryView *self,
                       const char        *response,
                       AdwMessageDialog  *dialog)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "name-row");
  GtkEditable *description_row = g_object_get_data (G_OBJECT (dialog), "description-row");
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *author = NULL;
  g_autofree char *done = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create") || self->repository == NULL)
    return;

  /* A milestone marks the last revision: if one was saved since the
   * dialog opened, it would not mark the revision the drafter saw. */
  head = accord_repository_dup_head (self->repository);
  if (g_strcmp0 (head, accord_history_view_get_selected_revision (self)) != 0)
    {
      show_toast (self, _("The strategy was saved in the meantime: look at its last revision "
                          "again before making it a milestone"), TRUE);
      accord_history_view_reload (self);
      return;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (name_row)));
  description = g_strstrip (g_strdup (gtk_editable_get_text (description_row)));
  author = dup_author (self);

  if (!accord_repository_tag (self->repository, name,
                              *description != '\0' ? description : NULL, author, &error))
    {
      show_toast (self, error->message, TRUE);
      return;
    }

  /* Translators: %s is a milestone's name */
  done = g_strdup_printf (_("Created the milestone “%s”"), name);
  show_toast (self, done, FALSE);
  g_signal_emit (self, signals[TAG_CREATED], 0, name);
  accord_history_view_reload (self);
}

static void
create_milestone_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *name_row;
  GtkWidget *description_row;
  GtkWidget *hint;

  dialog = adw_message_dialog_new (get_window (self), _("Create Milestone"),
                                   _("A milestone names the last revision, such as the version "
                                     "sent to consultation, so that everyone can find it again."));

  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  description_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description_row), _("Description"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), description_row);

  hint = gtk_label_new (_("Letters, digits, dots and dashes, without spaces, such as "
                          "“consultation-1”"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "name-row", name_row);
  g_object_set_data (G_OBJECT (dialog), "description-row", description_row);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect_swapped (name_row, "changed", G_CALLBACK (milestone_name_changed_cb), dialog);
  g_signal_connect_swapped (name_row, "entry-activated",
                            G_CALLBACK (milestone_entry_activated_cb), dialog);
  g_signal_connect_swapped (description_row, "entry-activated",
                            G_CALLBACK (milestone_entry_activated_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (milestone_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

/* The list of revisions */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_ellipsize (GTK_LABEL (message), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "heading");

  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");

  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_label_set_ellipsize (GTK_LABEL (counts), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (counts, "caption");
  gtk_widget_add_css_class (counts, "dim-label");

  gtk_widget_set_margin_top (tags, 3);

  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_box_append (GTK_BOX (box), tags);

  g_object_set_data (G_OBJECT (box), "message", message);
  g_object_set_data (G_OBJECT (box), "meta", meta);
  g_object_set_data (G_OBJECT (box), "counts", counts);
  g_object_set_data (G_OBJECT (box), "tags", tags);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  AccordHistoryItem *item = gtk_list_item_get_item (list_item);
  const AccordRevision *revision = item->revision;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (revision->time);
  g_autofree char *summary = dup_summary (revision);
  g_autofree char *relative = _accord_history_view_format_relative (when, now);
  g_autofree char *meta = NULL;
  g_autofree char *counts = format_change_counts (revision);
  g_autofree char *date = format_full_date (revision);

  /* Translators: who saved a revision, then when: “Alice Martin · 5 minutes ago” */
  meta = g_strdup_printf (_("%s · %s"), revision->author_name, relative);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "message"), summary);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "meta"), meta);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "counts"), counts);
  fill_tags (g_object_get_data (G_OBJECT (box), "tags"), (const char * const *) revision->tags);
  gtk_widget_set_tooltip_text (box, date);
}

static guint
find_revision (AccordHistoryView *self,
               const char        *id)
{
  GListModel *model = G_LIST_MODEL (self->revisions);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordHistoryItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (item->revision->id, id))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
update_loading (AccordHistoryView *self)
{
  gboolean loading = self->log_cancellable != NULL;
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0;

  gtk_spinner_set_spinning (self->list_spinner, loading && empty);
  gtk_spinner_set_spinning (self->more_spinner, loading && !empty);
  gtk_revealer_set_reveal_child (self->more_revealer, loading && !empty);

  if (loading && empty)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
}

/* Loads the next page when the list is scrolled near its end, or when it
 * does not fill its window. */
static void
maybe_load_more (AccordHistoryView *self)
{
  GtkAdjustment *adjustment;
  double page;
  double remaining;

  if (self->repository == NULL || self->log_cancellable != NULL || !self->has_more)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroll);
  page = gtk_adjustment_get_page_size (adjustment);
  if (page <= 0)
    return;

  remaining = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page;
  if (remaining <= page)
    load_page (self);
}

static void
adjustment_changed_cb (AccordHistoryView *self)
{
  maybe_load_more (self);
}

/* Reading the history in a worker thread */

typedef struct
{
  char  *path;
  GStrv  starts;      /* where the walks start; NULL: from the last revision */
  GStrv  loaded;      /* revisions already in the list */
} LogRequest;

typedef struct
{
  GPtrArray *revisions;
  GPtrArray *parents; /* GStrv, the parents of each revision */
  gboolean   complete;
} LogPage;

static void
log_request_free (LogRequest *request)
{
  g_free (request->path);
  g_strfreev (request->starts);
  g_strfreev (request->loaded);
  g_free (request);
}

static void
log_page_free (LogPage *page)
{
  g_clear_pointer (&page->revisions, g_ptr_array_unref);
  g_clear_pointer (&page->parents, g_ptr_array_unref);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LogPage, log_page_free)

static GStrv
find_parents (AccordRepository *repository,
              const char       *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint n = 1; n <= MAX_PARENTS; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s^%u", id, n);
      g_autofree char *parent = accord_repository_resolve (repository, name, NULL);

      if (parent == NULL)
        break;

      g_strv_builder_add (builder, parent);
    }

  return g_strv_builder_end (builder);
}

/* Takes revisions from @walks, newest first, keeping each walk's own
 * order, skipping those in @seen, until all are taken. */
static void
merge_walks (GPtrArray  *walks,
             GHashTable *seen,
             GPtrArray  *merged)
{
  g_autofree guint *next = g_new0 (guint, walks->len);

  for (;;)
    {
      AccordRevision *best = NULL;
      guint best_walk = 0;

      for (guint w = 0; w < walks->len; w++)
        {
          GPtrArray *walk = g_ptr_array_index (walks, w);
          AccordRevision *candidate;

          while (next[w] < walk->len &&
                 g_hash_table_contains (seen, ((AccordRevision *) walk->pdata[next[w]])->id))
            next[w]++;

          if (next[w] == walk->len)
            continue;

          candidate = g_ptr_array_index (walk, next[w]);
          if (best == NULL || candidate->time > best->time)
            {
              best = candidate;
              best_walk = w;
            }
        }

      if (best == NULL)
        return;

      /* Moved from its walk to @merged. */
      ((GPtrArray *) g_ptr_array_index (walks, best_walk))->pdata[next[best_walk]] = NULL;
      next[best_walk]++;
      g_hash_table_add (seen, g_strdup (best->id));
      g_ptr_array_add (merged, best);
    }
}

/* The history is read a page at a time. accord_repository_log() walks
 * from one revision back to the first, that revision included; a page
 * after the first walks from every parent of the revisions listed so far
 * that is not listed itself, so that revisions on a merged branch come
 * too, and keeps the newest ones. */
static void
log_thread_cb (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LogRequest *request = task_data;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(GPtrArray) walks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LogPage) page = g_new0 (LogPage, 1);
  guint n_starts = request->starts != NULL ? g_strv_length (request->starts) : 1;
  gboolean truncated = FALSE;
  GError *error = NULL;

  repository = accord_repository_open (request->path, &error);
  if (repository == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < n_starts; i++)
    {
      const char *start = request->starts != NULL ? request->starts[i] : NULL;
      GPtrArray *walk;

      if (g_task_return_error_if_cancelled (task))
        return;

      walk = accord_repository_log (repository, start, PAGE_SIZE, &error);
      if (walk == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      truncated |= walk->len == PAGE_SIZE;
      g_ptr_array_add (walks, walk);
    }

  for (guint i = 0; request->loaded != NULL && request->loaded[i] != NULL; i++)
    g_hash_table_add (seen, g_strdup (request->loaded[i]));

  page->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_revision_free);
  merge_walks (walks, seen, page->revisions);
  page->complete = !truncated && page->revisions->len <= PAGE_SIZE;
  if (page->revisions->len > PAGE_SIZE)
    g_ptr_array_set_size (page->revisions, PAGE_SIZE);

  page->parents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < page->revisions->len; i++)
    {
      AccordRevision *revision = g_ptr_array_index (page->revisions, i);

      g_ptr_array_add (page->parents, find_parents (repository, revision->id));
    }

  g_task_return_pointer (task, g_steal_pointer (&page), (GDestroyNotify) log_page_free);
}

static gboolean
select_loaded (AccordHistoryView *self,
               const char        *id)
{
  guint position = find_revision (self, id);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

static void
append_page (AccordHistoryView *self,
             LogPage           *page)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < page->revisions->len; i++)
    {
      AccordRevision *revision = g_steal_pointer (&page->revisions->pdata[i]);
      const char * const *parents = g_ptr_array_index (page->parents, i);

      g_hash_table_add (self->loaded, g_strdup (revision->id));
      g_hash_table_remove (self->frontier, revision->id);

      for (guint p = 0; parents[p] != NULL; p++)
        {
          if (!g_hash_table_contains (self->loaded, parents[p]))
            g_hash_table_add (self->frontier, g_strdup (parents[p]));
        }

      if (self->head_id == NULL)
        self->head_id = g_strdup (revision->id);

      g_ptr_array_add (items, accord_history_item_new (revision));
    }

  self->has_more = !page->complete && g_hash_table_size (self->frontier) > 0;

  g_list_store_splice (self->revisions,
                       g_list_model_get_n_items (G_LIST_MODEL (self->revisions)), 0,
                       items->pdata, items->len);
}

static void
log_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);
  g_autoptr(LogPage) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->log_cancellable);
  empty = g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0;

  if (page == NULL)
    {
      g_debug ("Could not read the history: %s", error->message);
      self->has_more = FALSE;
      g_clear_pointer (&self->pending_selection, g_free);
      update_loading (self);

      if (empty)
        {
          adw_status_page_set_description (self->list_error_page, error->message);
          gtk_stack_set_visible_child_name (self->list_stack, "error");
        }
      else
        show_toast (self, error->message, TRUE);

      return;
    }

  append_page (self, page);
  update_loading (self);

  empty = g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) == 0;
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");

  /* A revision asked for before it was read is looked for further back. */
  if (self->pending_selection != NULL)
    {
      if (select_loaded (self, self->pending_selection))
        g_clear_pointer (&self->pending_selection, g_free);
      else if (self->has_more)
        load_page (self);
      else
        g_clear_pointer (&self->pending_selection, g_free);
    }

  update_actions (self);
}

static void
load_page (AccordHistoryView *self)
{
  g_autoptr(GTask) task = NULL;
  LogRequest *request;

  g_assert (self->repository != NULL);
  g_assert (self->log_cancellable == NULL);

  request = g_new0 (LogRequest, 1);
  request->path = g_strdup (accord_repository_get_path (self->repository));

  if (g_hash_table_size (self->loaded) > 0)
    {
      request->starts = (GStrv) g_hash_table_get_keys_as_array (self->frontier, NULL);
      request->loaded = (GStrv) g_hash_table_get_keys_as_array (self->loaded, NULL);
      /* The arrays share their strings with the tables. */
      for (guint i = 0; request->starts[i] != NULL; i++)
        request->starts[i] = g_strdup (request->starts[i]);
      for (guint i = 0; request->loaded[i] != NULL; i++)
        request->loaded[i] = g_strdup (request->loaded[i]);
    }

  self->log_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->log_cancellable, log_cb, NULL);
  g_task_set_source_tag (task, load_page);
  g_task_set_task_data (task, request, (GDestroyNotify) log_request_free);
  g_task_run_in_thread (task, log_thread_cb);

  update_loading (self);
}

/* Forgets every revision read, and reads the history again. */
static void
reset (AccordHistoryView *self)
{
  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);

  g_hash_table_remove_all (self->loaded);
  g_hash_table_remove_all (self->frontier);
  g_clear_pointer (&self->head_id, g_free);
  self->has_more = FALSE;
  g_list_store_remove_all (self->revisions);

  if (self->repository == NULL)
    {
      g_clear_pointer (&self->pending_selection, g_free);
      update_loading (self);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      update_actions (self);
      return;
    }

  load_page (self);
  update_actions (self);
}

/* The selected revision */

static void
clear_text (AccordHistoryView *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_stack_set_visible_child_name (self->text_stack, "empty");
}

static void
show_entity_text (AccordHistoryView *self,
                  AccordEntity      *entity)
{
  g_autofree char *name = dup_entity_name (entity, FALSE);
  const char *text = entity_text (entity);

  gtk_label_set_text (self->text_title_label, name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            text != NULL ? text : "", -1);
  gtk_stack_set_visible_child_name (self->text_stack, "text");
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_change_row (const char       *name,
                 AccordEntityKind  kind,
                 AccordChangeKind  change)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle = gtk_label_new (kind_label (kind));
  GtkWidget *what = gtk_label_new (change_label (change));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);

  gtk_widget_set_valign (what, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (what, "caption");
  gtk_widget_add_css_class (what, change == ACCORD_CHANGE_ADDED ? "success"
                                  : change == ACCORD_CHANGE_REMOVED ? "error" : "accent");

  gtk_box_append (GTK_BOX (box), titles);
  gtk_box_append (GTK_BOX (box), what);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static AccordEntity *
lookup_entity (AccordStrategy *strategy,
               const char     *id)
{
  if (strategy == NULL)
    return NULL;

  if (g_str_equal (id, "strategy"))
    return ACCORD_ENTITY (strategy);

  return accord_strategy_lookup (strategy, id);
}

static void
fill_changes (AccordHistoryView *self)
{
  const AccordRevision *revision = self->shown->revision;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;

  remove_rows (self->changes_list);

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      AccordEntityKind kind;
      AccordEntity *entity;
      GtkWidget *row;

      if (!parse_entity_path (change->path, &kind, &id))
        continue;

      /* A removed entity is named as it was just before. */
      entity = lookup_entity (change->kind == ACCORD_CHANGE_REMOVED ? self->previous
                                                                    : self->strategy, id);

      name = entity != NULL ? dup_entity_name (entity, FALSE) : g_strdup (id);
      g_ptr_array_add (names, entity != NULL ? dup_entity_name (entity, TRUE) : g_strdup (id));

      row = make_change_row (name, kind, change->kind);
      g_object_set_data_full (G_OBJECT (row), "entity-id", g_steal_pointer (&id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                        change->kind != ACCORD_CHANGE_REMOVED);
      gtk_list_box_append (self->changes_list, row);
    }

  summary = format_names (names);
  gtk_label_set_text (self->changes_label,
                      summary != NULL ? summary
                                      : _("Nothing in the strategy changed in this revision."));
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), names->len > 0);
}

static void
add_outline_row (AccordHistoryView *self,
                 AccordEntity      *entity,
                 guint              depth,
                 GHashTable        *changed)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *name = dup_entity_name (entity, FALSE);
  GtkWidget *label = gtk_label_new (name);
  const char *id = ACCORD_IS_STRATEGY (entity) ? "strategy" : accord_entity_get_id (entity);
  AccordChangeKind *change = g_hash_table_lookup (changed, id);

  gtk_widget_set_margin_start (box, 18 * MIN (depth, 8));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (!ACCORD_IS_OBJECTIVE (entity))
    gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  /* What this revision did to it, so that the outline shows where the
   * changes are. */
  if (change != NULL)
    {
      GtkWidget *mark = gtk_label_new (change_label (*change));

      gtk_widget_add_css_class (mark, "caption");
      gtk_widget_add_css_class (mark, "dim-label");
      gtk_box_append (GTK_BOX (box), mark);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "entity-id", g_strdup (id), g_free);
  gtk_list_box_append (self->outline_list, row);
}

static GHashTable *
collect_changed (const AccordRevision *revision)
{
  GHashTable *changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);
      AccordEntityKind kind;
      char *id;

      if (parse_entity_path (change->path, &kind, &id))
        g_hash_table_insert (changed, id, &change->kind);
    }

  return changed;
}

static void
fill_outline (AccordHistoryView *self)
{
  g_autoptr(GHashTable) changed = collect_changed (self->shown->revision);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) sections = accord_strategy_dup_outline (self->strategy);
  GListModel *objectives;
  gboolean selected = FALSE;

  self->filling_outline = TRUE;
  remove_rows (self->outline_list);

  add_outline_row (self, ACCORD_ENTITY (self->strategy), 0, changed);

  for (guint i = 0; i < sections->len; i++)
    {
      AccordSection *section = g_ptr_array_index (sections, i);
      guint depth = accord_strategy_get_depth (self->strategy, section);
      GListModel *children;

      add_outline_row (self, ACCORD_ENTITY (section), depth, changed);

      children = accord_strategy_get_children (self->strategy,
                                               accord_entity_get_id (ACCORD_ENTITY (section)));
      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(AccordEntity) child = g_list_model_get_item (children, j);

          if (!ACCORD_IS_OBJECTIVE (child))
            continue;

          add_outline_row (self, child, depth + 1, changed);
          g_hash_table_add (placed, child);
        }
    }

  /* Objectives of a section that does not exist are shown too. */
  objectives = accord_strategy_get_entities (self->strategy, ACCORD_ENTITY_OBJECTIVE);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(AccordEntity) objective = g_list_model_get_item (objectives, i);

      if (!g_hash_table_contains (placed, objective))
        add_outline_row (self, objective, 0, changed);
    }

  self->filling_outline = FALSE;

  /* The part read in the revision before stays selected, so that going
   * through revisions shows how it changed. */
  if (self->entity_id != NULL)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "entity-id"), self->entity_id) == 0)
            {
              gtk_list_box_select_row (self->outline_list, GTK_LIST_BOX_ROW (row));
              selected = TRUE;
              break;
            }
        }
    }

  if (!selected)
    clear_text (self);
}

static void
outline_row_selected_cb (AccordHistoryView *self,
                         GtkListBoxRow     *row)
{
  AccordEntity *entity;

  /* Rows removed while the outline is rebuilt unselect nothing the
   * drafter chose. */
  if (self->filling_outline || self->outline_list == NULL)
    return;

  g_clear_pointer (&self->entity_id, g_free);
  if (row != NULL)
    self->entity_id = g_strdup (g_object_get_data (G_OBJECT (row), "entity-id"));

  entity = get_selected_entity (self);
  if (entity != NULL)
    show_entity_text (self, entity);
  else
    clear_text (self);

  update_actions (self);
}

static void
changes_row_activated_cb (AccordHistoryView *self,
                          GtkListBoxRow     *changed_row)
{
  const char *id = g_object_get_data (G_OBJECT (changed_row), "entity-id");

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "entity-id"), id) == 0)
        {
          gtk_list_box_select_row (self->outline_list, GTK_LIST_BOX_ROW (row));
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

typedef struct
{
  char     *path;
  char     *revision;
  gboolean  with_previous;
} DetailRequest;

typedef struct
{
  AccordStrategy *strategy;
  AccordStrategy *previous;
} DetailResult;

static void
detail_request_free (DetailRequest *request)
{
  g_free (request->path);
  g_free (request->revision);
  g_free (request);
}

static void
detail_result_free (DetailResult *result)
{
  g_clear_object (&result->strategy);
  g_clear_object (&result->previous);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DetailResult, detail_result_free)

static void
detail_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DetailRequest *request = task_data;
  g_autoptr(AccordRepository) repository = NULL;
  g_autoptr(DetailResult) result = g_new0 (DetailResult, 1);
  GError *error = NULL;

  if (!(repository = accord_repository_open (request->path, &error)) ||
      !(result->strategy = accord_repository_load_revision (repository, request->revision,
                                                            &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (request->with_previous && !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *parent = g_strconcat (request->revision, "^", NULL);

      result->previous = accord_repository_load_revision (repository, parent, NULL);
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) detail_result_free);
}

static void
detail_cb (GObject      *object,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);
  g_autoptr(DetailResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->detail_cancellable);
  gtk_spinner_set_spinning (self->content_spinner, FALSE);

  if (result == NULL)
    {
      g_debug ("Could not read the revision: %s", error->message);
      adw_status_page_set_description (self->content_error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      update_actions (self);
      return;
    }

  g_set_object (&self->strategy, result->strategy);
  g_set_object (&self->previous, result->previous);

  fill_changes (self);
  fill_outline (self);
  gtk_stack_set_visible_child_name (self->content_stack, "content");
  update_actions (self);
}

static gboolean
has_removed (const AccordRevision *revision)
{
  for (guint i = 0; revision->changes != NULL && i < revision->changes->len; i++)
    {
      AccordChange *change = g_ptr_array_index (revision->changes, i);

      if (change->kind == ACCORD_CHANGE_REMOVED)
        return TRUE;
    }

  return FALSE;
}

static void
load_detail (AccordHistoryView *self)
{
  g_autoptr(GTask) task = NULL;
  DetailRequest *request;

  request = g_new0 (DetailRequest, 1);
  request->path = g_strdup (accord_repository_get_path (self->repository));
  request->revision = g_strdup (self->shown->revision->id);
  request->with_previous = has_removed (self->shown->revision);

  self->detail_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->detail_cancellable, detail_cb, NULL);
  g_task_set_source_tag (task, load_detail);
  g_task_set_task_data (task, request, (GDestroyNotify) detail_request_free);
  g_task_run_in_thread (task, detail_thread_cb);

  gtk_spinner_set_spinning (self->content_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
}

static void
show_header (AccordHistoryView *self)
{
  const AccordRevision *revision = self->shown->revision;
  g_autofree char *date = format_full_date (revision);
  g_autofree char *meta = NULL;
  g_autofree char *short_id = format_short_id (revision->id);
  g_autofree char *id_tooltip = NULL;
  g_autofree char *summary = dup_summary (revision);
  const char *body = revision->message != NULL ? revision->message + strlen (summary) : "";

  /* Translators: the first %s is who saved a revision, the second when */
  meta = g_strdup_printf (_("Saved by %s on %s"), revision->author_name, date);
  /* Translators: %s is the full id of a revision */
  id_tooltip = g_strdup_printf (_("Revision %s"), revision->id);

  /* The message's first line is its title; the rest, after a blank
   * line by git's convention, explains it. */
  while (g_ascii_isspace (*body))
    body++;

  gtk_label_set_text (self->message_label, summary);
  gtk_label_set_text (self->body_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), *body != '\0');
  gtk_label_set_text (self->meta_label, meta);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meta_label), revision->author_email);
  gtk_label_set_text (self->id_label, short_id);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_label), id_tooltip);
  fill_tags (self->tags_box, (const char * const *) revision->tags);
}

static void
selection_changed_cb (AccordHistoryView *self)
{
  AccordHistoryItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == self->shown)
    return;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_object (&self->strategy);
  g_clear_object (&self->previous);
  g_set_object (&self->shown, item);

  self->filling_outline = TRUE;
  remove_rows (self->changes_list);
  remove_rows (self->outline_list);
  self->filling_outline = FALSE;
  clear_text (self);

  if (item == NULL || self->repository == NULL)
    {
      gtk_spinner_set_spinning (self->content_spinner, FALSE);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }

  show_header (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  load_detail (self);
  update_actions (self);
}

/* GObject */

static void
accord_history_view_dispose (GObject *object)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  self->filling_outline = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_HISTORY_VIEW);

  g_clear_object (&self->shown);
  g_clear_object (&self->strategy);
  g_clear_object (&self->previous);
  g_clear_object (&self->selection);
  g_clear_object (&self->revisions);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_history_view_parent_class)->dispose (object);
}

static void
accord_history_view_finalize (GObject *object)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->frontier, g_hash_table_unref);
  g_clear_pointer (&self->head_id, g_free);
  g_clear_pointer (&self->pending_selection, g_free);
  g_clear_pointer (&self->entity_id, g_free);

  G_OBJECT_CLASS (accord_history_view_parent_class)->finalize (object);
}

static void
accord_history_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_history_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordHistoryView *self = ACCORD_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      accord_history_view_set_repository (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_history_view_class_init (AccordHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_history_view_dispose;
  object_class->finalize = accord_history_view_finalize;
  object_class->get_property = accord_history_view_get_property;
  object_class->set_property = accord_history_view_set_property;

  /**
   * AccordHistoryView:repository:
   *
   * The strategy whose history is shown; setting it reads the history.
   */
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         ACCORD_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordHistoryView::before-change:
   *
   * Emitted right before a restore writes files, so that edits not yet
   * written can be written first.
   */
  signals[BEFORE_CHANGE] =
    g_signal_new ("before-change",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AccordHistoryView::restored:
   * @new_revision: the id of the revision the restore saved
   *
   * Emitted after a restore saved a new revision: the strategy on disk
   * changed.
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * AccordHistoryView::tag-created:
   * @name: the milestone's name
   *
   * Emitted after a milestone was made.
   */
  signals[TAG_CREATED] =
    g_signal_new ("tag-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/accord-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_scroll);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, more_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, more_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, message_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, body_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, id_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, tags_box);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, restore_strategy_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, restore_entity_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, milestone_button);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, content_error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, changes_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, changes_list);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordHistoryView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, changes_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "history.restore-strategy", NULL,
                                   restore_strategy_action);
  gtk_widget_class_install_action (widget_class, "history.restore-entity", NULL,
                                   restore_entity_action);
  gtk_widget_class_install_action (widget_class, "history.create-milestone", NULL,
                                   create_milestone_action);
}

static void
accord_history_view_init (AccordHistoryView *self)
{
  GtkListItemFactory *factory;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->frontier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->revisions = g_list_store_new (ACCORD_TYPE_HISTORY_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->revisions)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroll);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  update_actions (self);
}

GtkWidget *
accord_history_view_new (void)
{
  return g_object_new (ACCORD_TYPE_HISTORY_VIEW, NULL);
}

AccordRepository *
accord_history_view_get_repository (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  return self->repository;
}

/**
 * accord_history_view_set_repository:
 * @self: an #AccordHistoryView
 * @repository: (nullable): the strategy whose history to show
 *
 * Shows the history of @repository, reading it again even when it was
 * already shown.
 */
void
accord_history_view_set_repository (AccordHistoryView *self,
                                    AccordRepository  *repository)
{
  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));
  g_return_if_fail (repository == NULL || ACCORD_IS_REPOSITORY (repository));

  if (g_set_object (&self->repository, repository))
    {
      g_clear_pointer (&self->pending_selection, g_free);
      g_clear_pointer (&self->entity_id, g_free);
      reset (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
      return;
    }

  accord_history_view_reload (self);
}

/**
 * accord_history_view_reload:
 * @self: an #AccordHistoryView
 *
 * Reads the history again, after a revision was saved; the selected
 * revision stays selected.
 */
void
accord_history_view_reload (AccordHistoryView *self)
{
  const char *selected;

  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));

  selected = accord_history_view_get_selected_revision (self);
  if (self->pending_selection == NULL && selected != NULL)
    self->pending_selection = g_strdup (selected);

  reset (self);
}

/**
 * accord_history_view_get_selected_revision:
 * @self: an #AccordHistoryView
 *
 * Returns: (nullable): the full id of the selected revision
 */
const char *
accord_history_view_get_selected_revision (AccordHistoryView *self)
{
  AccordHistoryItem *item;

  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;

  item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? item->revision->id : NULL;
}

/**
 * accord_history_view_select_revision:
 * @self: an #AccordHistoryView
 * @revision: a revision: its id, a prefix of it, a milestone…
 *
 * Selects @revision, reading older pages of the history until it is
 * found.
 */
void
accord_history_view_select_revision (AccordHistoryView *self,
                                     const char        *revision)
{
  g_autofree char *id = NULL;

  g_return_if_fail (ACCORD_IS_HISTORY_VIEW (self));
  g_return_if_fail (revision != NULL);

  g_clear_pointer (&self->pending_selection, g_free);

  if (self->repository == NULL)
    return;

  id = accord_repository_resolve (self->repository, revision, NULL);
  if (id == NULL)
    {
      g_debug ("No revision “%s” to select", revision);
      return;
    }

  if (select_loaded (self, id))
    return;

  self->pending_selection = g_steal_pointer (&id);
  if (self->has_more && self->log_cancellable == NULL)
    load_page (self);
}

gboolean
_accord_history_view_get_busy (AccordHistoryView *self)
{
  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), FALSE);

  return self->log_cancellable != NULL || self->detail_cancellable != NULL;
}

/* The ids of the revisions in the list, in its order. */
GStrv
_accord_history_view_dup_revision_ids (AccordHistoryView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (ACCORD_IS_HISTORY_VIEW (self), NULL);

  model = G_LIST_MODEL (self->revisions);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordHistoryItem) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, item->revision->id);
    }

  return g_strv_builder_end (builder);
}
