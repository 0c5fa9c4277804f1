//! What the JSON export holds, table by table: every column of every table that holds the
//! user's journal, under a stable camelCase name, in an order where each row's references come
//! before it. This list is the format (`docs/export-format.md` documents it); a test checks it
//! against the live schema, so a column added by a later migration cannot be left out silently.

/// How a column is written in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An integer (ids, counts, minutes, scores), or null.
    Int,
    /// Text (names, notes, ISO dates and times), or null.
    Text,
    /// 0 or 1 in the database, `false` or `true` in JSON.
    Bool,
}

/// One table of the export.
pub(crate) struct Table {
    /// The key in the export object, e.g. `mentorStatusChanges`.
    pub name: &'static str,
    pub table: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// How rows are ordered, so two exports of the same journal are byte-identical.
    pub order: &'static str,
}

use Kind::{Bool, Int, Text};

pub(crate) const TABLES: &[Table] = &[
    Table {
        name: "focusAreas",
        table: "focus_areas",
        columns: &[("id", Int), ("name", Text), ("builtin", Bool)],
        order: "id",
    },
    Table {
        name: "goalCategories",
        table: "goal_categories",
        columns: &[("id", Int), ("name", Text), ("builtin", Bool)],
        order: "id",
    },
    Table {
        name: "templates",
        table: "templates",
        columns: &[
            ("id", Int),
            ("name", Text),
            ("description", Text),
            ("body", Text),
            ("takeaways", Text),
            ("builtin_key", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "mentors",
        table: "mentors",
        columns: &[
            ("id", Int),
            ("name", Text),
            ("role", Text),
            ("specialty", Text),
            ("institution", Text),
            ("email", Text),
            ("phone", Text),
            ("how_we_met", Text),
            ("origin", Text),
            ("private_notes", Text),
            ("status", Text),
            ("status_since", Text),
            ("end_reason", Text),
            ("cadence_days", Int),
            ("usual_channel", Text),
            ("agreed_goals", Text),
            ("introduced_by", Int),
            ("created_at", Text),
            ("updated_at", Text),
            ("default_template_id", Int),
            ("check_every_weeks", Int),
        ],
        order: "id",
    },
    Table {
        name: "mentorStatusChanges",
        table: "mentor_status_changes",
        columns: &[
            ("id", Int),
            ("mentor_id", Int),
            ("status", Text),
            ("changed_on", Text),
            ("note", Text),
        ],
        order: "id",
    },
    Table {
        name: "mentorFocusAreas",
        table: "mentor_focus_areas",
        columns: &[("mentor_id", Int), ("focus_area_id", Int)],
        order: "mentor_id, focus_area_id",
    },
    Table {
        name: "outreach",
        table: "outreach",
        columns: &[
            ("id", Int),
            ("mentor_id", Int),
            ("made_on", Text),
            ("request", Text),
            ("outcome", Text),
            ("note", Text),
            ("created_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "relationshipChecks",
        table: "relationship_checks",
        columns: &[
            ("id", Int),
            ("mentor_id", Int),
            ("answered_on", Text),
            ("helping", Int),
            ("meeting_as_agreed", Int),
            ("want_to_continue", Int),
            ("note", Text),
            ("created_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "conversations",
        table: "conversations",
        columns: &[
            ("id", Int),
            ("mentor_id", Int),
            ("occurred_at", Text),
            ("channel", Text),
            ("duration_minutes", Int),
            ("title", Text),
            ("body", Text),
            ("energy", Int),
            ("stress", Int),
            ("is_draft", Bool),
            ("created_at", Text),
            ("updated_at", Text),
            ("source", Text),
        ],
        order: "id",
    },
    Table {
        name: "takeaways",
        table: "takeaways",
        columns: &[
            ("id", Int),
            ("conversation_id", Int),
            ("position", Int),
            ("text", Text),
        ],
        order: "id",
    },
    Table {
        name: "goals",
        table: "goals",
        columns: &[
            ("id", Int),
            ("title", Text),
            ("description", Text),
            ("category_id", Int),
            ("success_criteria", Text),
            ("target_date", Text),
            ("status", Text),
            ("status_since", Text),
            ("progress_from", Text),
            ("created_on", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "goalMentors",
        table: "goal_mentors",
        columns: &[("goal_id", Int), ("mentor_id", Int)],
        order: "goal_id, mentor_id",
    },
    Table {
        name: "milestones",
        table: "milestones",
        columns: &[
            ("id", Int),
            ("goal_id", Int),
            ("position", Int),
            ("title", Text),
            ("done_on", Text),
            ("created_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "goalReviews",
        table: "goal_reviews",
        columns: &[
            ("id", Int),
            ("goal_id", Int),
            ("reviewed_on", Text),
            ("progress", Int),
            ("note", Text),
            ("old_title", Text),
            ("new_title", Text),
            ("old_criteria", Text),
            ("new_criteria", Text),
            ("reason", Text),
            ("created_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "goalStatusChanges",
        table: "goal_status_changes",
        columns: &[
            ("id", Int),
            ("goal_id", Int),
            ("status", Text),
            ("changed_on", Text),
            ("note", Text),
        ],
        order: "id",
    },
    Table {
        name: "actionItems",
        table: "action_items",
        columns: &[
            ("id", Int),
            ("title", Text),
            ("due_on", Text),
            ("owner", Text),
            ("status", Text),
            ("mentor_id", Int),
            ("conversation_id", Int),
            ("goal_id", Int),
            ("completed_at", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "questions",
        table: "mentor_questions",
        columns: &[
            ("id", Int),
            ("mentor_id", Int),
            ("text", Text),
            ("discussed_on", Text),
            ("created_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "blocks",
        table: "blocks",
        columns: &[
            ("id", Int),
            ("title", Text),
            ("starts_on", Text),
            ("ends_on", Text),
            ("pauses_cadence", Bool),
            ("all_mentors", Bool),
            ("note", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "blockMentors",
        table: "block_mentors",
        columns: &[("block_id", Int), ("mentor_id", Int)],
        order: "block_id, mentor_id",
    },
    Table {
        name: "mentorshipReviews",
        table: "mentorship_reviews",
        columns: &[
            ("id", Int),
            ("kind", Text),
            ("title", Text),
            ("period_from", Text),
            ("period_to", Text),
            ("closing_note", Text),
            ("completed_on", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "mentorshipReviewMentors",
        table: "mentorship_review_mentors",
        columns: &[
            ("review_id", Int),
            ("mentor_id", Int),
            ("position", Int),
            ("decision", Text),
            ("note", Text),
            ("figures", Text),
        ],
        order: "review_id, position, mentor_id",
    },
    Table {
        name: "mentorshipReviewGoals",
        table: "mentorship_review_goals",
        columns: &[("review_id", Int), ("goal_id", Int)],
        order: "review_id, goal_id",
    },
];

/// Settings that belong to this machine or to this journal's keys, never to an export: where the
/// second place is, whether this recovery key was saved, what the data key derives from.
pub(crate) const LOCAL_SETTINGS: &[&str] = &[
    "recovery_key_confirmed",
    "data_key_source",
    "backup_place",
    "backup_place_error",
    "backup_place_copied_at",
    "reminders_sent",
];

/// Tables that are not the user's journal: the search index (rebuilt from the rows) and SQLite's own.
#[cfg(test)]
pub(crate) const NOT_EXPORTED: &[&str] = &["settings", "search_index"];

/// `how_we_met` → `howWeMet`.
pub(crate) fn camel(column: &str) -> String {
    let mut out = String::with_capacity(column.len());
    let mut upper = false;
    for c in column.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_and_column_of_the_schema_is_exported_or_named_as_not() {
        let dir = tempfile::tempdir().unwrap();
        let journal = crate::test_journal(dir.path());
        let mut stmt = journal
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'",
            )
            .unwrap();
        let live: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for table in &live {
            let listed = TABLES.iter().find(|t| t.table == table);
            assert!(
                listed.is_some() || NOT_EXPORTED.contains(&table.as_str()),
                "the table {table} is neither exported nor named as not"
            );
            let Some(listed) = listed else { continue };
            let mut info = journal
                .conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap();
            let mut columns: Vec<String> = info
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            columns.sort();
            let mut exported: Vec<&str> = listed.columns.iter().map(|(c, _)| *c).collect();
            exported.sort_unstable();
            assert_eq!(columns, exported, "the columns of {table}");
        }
    }

    #[test]
    fn the_format_document_names_every_list_and_field() {
        let doc = include_str!("../../../../../docs/export-format.md");
        for table in TABLES {
            let heading = format!("### `{}`", table.name);
            let at = doc
                .find(&heading)
                .unwrap_or_else(|| panic!("docs/export-format.md lacks {heading}"));
            let section = &doc[at..];
            let section = &section[..section[4..].find("### ").map_or(section.len(), |e| e + 4)];
            for (column, _) in table.columns {
                let field = format!("`{}`", camel(column));
                assert!(
                    section.contains(&field),
                    "docs/export-format.md: {} lacks {field}",
                    table.name
                );
            }
        }
    }
}
