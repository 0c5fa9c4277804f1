//! Action items: tasks a mentor set (or promised), with a due date, an owner, and a link to the
//! conversation and mentor they came from. Ticking one off records when.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::goals::GoalId;
use crate::journal::Journal;
use crate::kinds::{ActionStatus, Owner};
use crate::mentors::MentorId;
use crate::notes::conversations::ConversationId;
use crate::validate::{self, SHORT};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct ActionItemId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionItem {
    pub id: ActionItemId,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub owner: Owner,
    pub status: ActionStatus,
    pub mentor_id: Option<MentorId>,
    pub conversation_id: Option<ConversationId>,
    pub goal_id: Option<GoalId>,
    pub completed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Open and past its due date (relative to the `today` the list was asked for).
    pub overdue: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActionItemInput {
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub owner: Option<Owner>,
    pub mentor_id: Option<MentorId>,
    pub conversation_id: Option<ConversationId>,
    pub goal_id: Option<GoalId>,
}

/// Which action items to list.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActionItemFilter {
    pub status: Option<ActionStatus>,
    pub mentor_id: Option<MentorId>,
    pub conversation_id: Option<ConversationId>,
    pub goal_id: Option<GoalId>,
}

/// New action items one note can bring at once.
const MAX_ITEMS_PER_NOTE: usize = 100;

const COLUMNS: &str = "id, title, due_on, owner, status, mentor_id, conversation_id, completed_at, created_at, goal_id";

impl Journal {
    fn check_action(&self, input: &ActionItemInput) -> Result<(String, Option<MentorId>)> {
        let title = check_title_and_due(input, "Say what needs doing.")?;
        let mut mentor = input.mentor_id;
        if let Some(m) = mentor {
            self.mentor(m)
                .map_err(|_| Error::validation("mentorId", "That mentor no longer exists."))?;
        }
        if let Some(c) = input.conversation_id {
            let note = self.conversation(c).map_err(|_| {
                Error::validation("conversationId", "That conversation no longer exists.")
            })?;
            // An item from a conversation belongs to that conversation's mentor (none for a note
            // about no single mentor).
            mentor = note.mentor_id;
        }
        self.check_goal_link(input)?;
        Ok((title, mentor))
    }

    fn check_goal_link(&self, input: &ActionItemInput) -> Result<()> {
        if let Some(g) = input.goal_id {
            self.goal(g)
                .map_err(|_| Error::validation("goalId", "That goal no longer exists."))?;
        }
        Ok(())
    }

    /// Checks the new items a note brings, before anything is written, so one bad item saves
    /// nothing; an error names the item (`actionItems.1` is the second). Their mentor and
    /// conversation are the note's, whatever the input says. Returns the cleaned titles.
    pub(crate) fn check_note_items(&self, items: &[ActionItemInput]) -> Result<Vec<String>> {
        if items.len() > MAX_ITEMS_PER_NOTE {
            return Err(Error::validation(
                "actionItems",
                format!("A note can add at most {MAX_ITEMS_PER_NOTE} action items at once."),
            ));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                check_title_and_due(item, "Say what needs doing, or remove this item.")
                    .and_then(|title| self.check_goal_link(item).map(|()| title))
                    .map_err(|err| err.in_list("actionItems", i))
            })
            .collect()
    }

    pub fn add_action_item(&self, input: &ActionItemInput) -> Result<ActionItem> {
        let (title, mentor) = self.check_action(input)?;
        let now = self.now();
        let id =
            self.write(|tx| insert_item(tx, &title, input, mentor, input.conversation_id, now))?;
        self.action_item(ActionItemId(id), self.today())
    }

    pub fn update_action_item(
        &self,
        id: ActionItemId,
        input: &ActionItemInput,
    ) -> Result<ActionItem> {
        self.action_item(id, self.today())?;
        let (title, mentor) = self.check_action(input)?;
        let now = self.now();
        self.write(|tx| {
            tx.execute(
                "UPDATE action_items SET title = ?2, due_on = ?3, owner = ?4, mentor_id = ?5, conversation_id = ?6,
                     goal_id = ?7, updated_at = ?8 WHERE id = ?1",
                params![
                    id.0, title, input.due_on, input.owner.unwrap_or(Owner::Me), mentor.map(|m| m.0),
                    input.conversation_id.map(|c| c.0), input.goal_id.map(|g| g.0), now
                ],
            )?;
            Ok(())
        })?;
        self.action_item(id, self.today())
    }

    /// Ticks an item done (or drops, or reopens it); completion time is kept for "done" only.
    pub fn set_action_status(&self, id: ActionItemId, status: ActionStatus) -> Result<ActionItem> {
        self.action_item(id, self.today())?;
        let now = self.now();
        let completed = (status == ActionStatus::Done).then_some(now);
        self.write(|tx| {
            tx.execute(
                "UPDATE action_items SET status = ?2, completed_at = ?3, updated_at = ?4 WHERE id = ?1",
                params![id.0, status, completed, now],
            )?;
            Ok(())
        })?;
        self.action_item(id, self.today())
    }

    pub fn delete_action_item(&self, id: ActionItemId) -> Result<()> {
        self.action_item(id, self.today())?;
        self.delete_by_id("DELETE FROM action_items WHERE id = ?1", id.0)
    }

    pub fn action_item(&self, id: ActionItemId, today: NaiveDate) -> Result<ActionItem> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM action_items WHERE id = ?1"))?
            .query_row([id.0], |row| row_to_action(row, today))
            .optional()?
            .ok_or(Error::NotFound("That action item"))
    }

    /// Items by due date (undated last), then oldest first.
    pub fn list_action_items(
        &self,
        filter: &ActionItemFilter,
        today: NaiveDate,
    ) -> Result<Vec<ActionItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM action_items
             WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR mentor_id = ?2) AND (?3 IS NULL OR conversation_id = ?3)
               AND (?4 IS NULL OR goal_id = ?4)
             ORDER BY due_on IS NULL, due_on, id"
        ))?;
        let rows = stmt.query_map(
            params![
                filter.status,
                filter.mentor_id.map(|m| m.0),
                filter.conversation_id.map(|c| c.0),
                filter.goal_id.map(|g| g.0)
            ],
            |row| row_to_action(row, today),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn check_title_and_due(input: &ActionItemInput, empty_message: &str) -> Result<String> {
    let title = validate::required("title", &input.title, SHORT, empty_message)?;
    if let Some(due) = input.due_on {
        validate::date("dueOn", due)?;
    }
    Ok(title)
}

/// Writes a checked item inside the caller's transaction; returns its id.
pub(crate) fn insert_item(
    tx: &Transaction<'_>,
    title: &str,
    input: &ActionItemInput,
    mentor: Option<MentorId>,
    conversation: Option<ConversationId>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(tx.query_row(
        "INSERT INTO action_items (title, due_on, owner, mentor_id, conversation_id, goal_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
        params![
            title, input.due_on, input.owner.unwrap_or(Owner::Me), mentor.map(|m| m.0),
            conversation.map(|c| c.0), input.goal_id.map(|g| g.0), now
        ],
        |row| row.get(0),
    )?)
}

pub(crate) fn row_to_action(
    row: &rusqlite::Row<'_>,
    today: NaiveDate,
) -> rusqlite::Result<ActionItem> {
    let due_on: Option<NaiveDate> = row.get(2)?;
    let status: ActionStatus = row.get(4)?;
    Ok(ActionItem {
        id: ActionItemId(row.get(0)?),
        title: row.get(1)?,
        overdue: status == ActionStatus::Open && due_on.is_some_and(|d| d < today),
        due_on,
        owner: row.get(3)?,
        status,
        mentor_id: row.get::<_, Option<i64>>(5)?.map(MentorId),
        conversation_id: row.get::<_, Option<i64>>(6)?.map(ConversationId),
        completed_at: row.get(7)?,
        created_at: row.get(8)?,
        goal_id: row.get::<_, Option<i64>>(9)?.map(GoalId),
    })
}
