//! Conversation notes: what was said, the advice, the takeaways, and an optional private
//! well-being check. A private reflection is the same note with no mentor, asked for explicitly.
//! Drafts are ordinary rows flagged `is_draft`, so an autosaved draft is as encrypted and as
//! durable as a finished note, and a closed window loses nothing.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::kinds::Channel;
use crate::markdown::render_markdown;
use crate::mentors::MentorId;
use crate::notes::actions::{ActionItemInput, insert_item};
use crate::validate::{self, SHORT};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct ConversationId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conversation {
    pub id: ConversationId,
    /// `None` for a private reflection, a note about no single mentor (an imported entry that
    /// named no mentor is one too).
    pub mentor_id: Option<MentorId>,
    pub occurred_at: NaiveDateTime,
    pub channel: Option<Channel>,
    pub duration_minutes: Option<u32>,
    pub title: String,
    pub body: String,
    /// The body rendered and sanitised in Rust; the UI shows this, never its own rendering.
    pub body_html: String,
    pub takeaways: Vec<String>,
    pub energy: Option<u8>,
    pub stress: Option<u8>,
    pub is_draft: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ConversationInput {
    /// The mentor met; required unless this is a reflection.
    pub mentor_id: Option<MentorId>,
    /// A private reflection, about no single mentor: `mentorId` must then be empty. Saying so
    /// rather than leaving the mentor out keeps a forgotten mentor from turning a meeting note
    /// into a reflection.
    /// (Optional, so callers that predate reflections send nothing; `null` is `false`.)
    #[ts(optional)]
    pub reflection: Option<bool>,
    /// Local wall-clock time; defaults to now.
    pub occurred_at: Option<NaiveDateTime>,
    pub channel: Option<Channel>,
    pub duration_minutes: Option<u32>,
    pub title: String,
    pub body: String,
    pub takeaways: Vec<String>,
    pub energy: Option<u8>,
    pub stress: Option<u8>,
    /// New action items from this conversation, saved with the note in the same transaction
    /// (their mentor and conversation are the note's). Empty for an autosaved draft.
    pub action_items: Vec<ActionItemInput>,
}

const MAX_TAKEAWAYS: usize = 50;

struct Checked {
    /// `None` for a reflection.
    mentor: Option<MentorId>,
    occurred_at: NaiveDateTime,
    title: String,
    body: String,
    takeaways: Vec<String>,
    item_titles: Vec<String>,
}

impl Journal {
    fn check_conversation(&self, input: &ConversationInput) -> Result<Checked> {
        let mentor = self.check_note_mentor(input)?;
        let occurred_at = self.moment_it_happened(
            "occurredAt",
            input.occurred_at,
            "A conversation cannot be dated in the future; check the date and time.",
        )?;
        if let Some(minutes) = input.duration_minutes {
            validate::range(
                "durationMinutes",
                minutes,
                1,
                24 * 60,
                "A duration is 1 minute to 24 hours.",
            )?;
        }
        for (field, value) in [("energy", input.energy), ("stress", input.stress)] {
            if let Some(v) = value {
                validate::range(field, u32::from(v), 1, 5, "Use the 1 to 5 scale.")?;
            }
        }
        let mut takeaways = Vec::new();
        for t in &input.takeaways {
            let t = validate::text("takeaways", t, 2_000)?;
            if !t.is_empty() {
                takeaways.push(t);
            }
        }
        if takeaways.len() > MAX_TAKEAWAYS {
            return Err(Error::validation(
                "takeaways",
                format!("Keep it to {MAX_TAKEAWAYS} takeaways."),
            ));
        }
        Ok(Checked {
            mentor,
            occurred_at,
            title: validate::text("title", &input.title, SHORT)?,
            body: validate::body("body", &input.body)?,
            takeaways,
            item_titles: self.check_note_items(&input.action_items)?,
        })
    }

    /// Who a note is about: the mentor met, who must exist, or nobody for a reflection.
    fn check_note_mentor(&self, input: &ConversationInput) -> Result<Option<MentorId>> {
        let reflection = input.reflection == Some(true);
        let Some(mentor) = input.mentor_id else {
            return if reflection {
                Ok(None)
            } else {
                Err(Error::validation("mentorId", "Pick the mentor you met."))
            };
        };
        if reflection {
            return Err(Error::validation(
                "mentorId",
                "A reflection is about no single mentor: clear the mentor, or make it a note of a meeting.",
            ));
        }
        match self.mentor(mentor) {
            Err(Error::NotFound(_)) => Err(Error::validation(
                "mentorId",
                "That mentor no longer exists; pick another.",
            )),
            other => other.map(|_| Some(mentor)),
        }
    }

    /// Saves a new conversation with the action items it brings, all or nothing; `draft` keeps it out of search, lists and cadence until finished.
    pub fn add_conversation(&self, input: &ConversationInput, draft: bool) -> Result<Conversation> {
        let c = self.check_conversation(input)?;
        let now = self.now();
        let id = self.write(|tx| {
            let id: i64 = tx.query_row(
                "INSERT INTO conversations (mentor_id, occurred_at, channel, duration_minutes, title, body,
                     energy, stress, is_draft, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id",
                params![
                    c.mentor.map(|m| m.0), c.occurred_at, input.channel, input.duration_minutes, c.title, c.body,
                    input.energy, input.stress, draft, now
                ],
                |row| row.get(0),
            )?;
            write_takeaways(tx, id, &c.takeaways)?;
            insert_items(tx, &c, &input.action_items, ConversationId(id), now)?;
            Ok(id)
        })?;
        self.conversation(ConversationId(id))
    }

    /// Replaces a conversation's content; `draft = false` also finishes a draft.
    pub fn update_conversation(
        &self,
        id: ConversationId,
        input: &ConversationInput,
        draft: bool,
    ) -> Result<Conversation> {
        self.conversation(id)?;
        let c = self.check_conversation(input)?;
        let now = self.now();
        self.write(|tx| {
            tx.execute(
                "UPDATE conversations SET mentor_id = ?2, occurred_at = ?3, channel = ?4, duration_minutes = ?5,
                     title = ?6, body = ?7, energy = ?8, stress = ?9, is_draft = ?10, updated_at = ?11
                 WHERE id = ?1",
                params![
                    id.0, c.mentor.map(|m| m.0), c.occurred_at, input.channel, input.duration_minutes, c.title, c.body,
                    input.energy, input.stress, draft, now
                ],
            )?;
            tx.execute("DELETE FROM takeaways WHERE conversation_id = ?1", [id.0])?;
            write_takeaways(tx, id.0, &c.takeaways)?;
            insert_items(tx, &c, &input.action_items, id, now)
        })?;
        self.conversation(id)
    }

    /// Deletes a conversation and its takeaways; its action items stay, unlinked.
    pub fn delete_conversation(&self, id: ConversationId) -> Result<()> {
        self.conversation(id)?;
        self.delete_by_id("DELETE FROM conversations WHERE id = ?1", id.0)
    }

    pub fn conversation(&self, id: ConversationId) -> Result<Conversation> {
        let mut conversation = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM conversations WHERE id = ?1"
            ))?
            .query_row([id.0], row_to_conversation)
            .optional()?
            .ok_or(Error::NotFound("That conversation"))?;
        conversation.takeaways = self.takeaways(id)?;
        Ok(conversation)
    }

    pub(super) fn takeaways(&self, id: ConversationId) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT text FROM takeaways WHERE conversation_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id.0], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(super) const COLUMNS: &str = "id, mentor_id, occurred_at, channel, duration_minutes, title, body, energy, stress, \
     is_draft, created_at, updated_at";

pub(super) fn row_to_conversation(row: &rusqlite::Row<'_>) -> rusqlite::Result<Conversation> {
    let body: String = row.get(6)?;
    Ok(Conversation {
        id: ConversationId(row.get(0)?),
        mentor_id: row.get::<_, Option<i64>>(1)?.map(MentorId),
        occurred_at: row.get(2)?,
        channel: row.get(3)?,
        duration_minutes: row.get(4)?,
        title: row.get(5)?,
        body_html: render_markdown(&body),
        body,
        takeaways: Vec::new(),
        energy: row.get(7)?,
        stress: row.get(8)?,
        is_draft: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

fn write_takeaways(tx: &rusqlite::Transaction<'_>, id: i64, takeaways: &[String]) -> Result<()> {
    for (position, text) in takeaways.iter().enumerate() {
        tx.execute(
            "INSERT INTO takeaways (conversation_id, position, text) VALUES (?1, ?2, ?3)",
            params![id, position as i64, text],
        )?;
    }
    Ok(())
}

fn insert_items(
    tx: &rusqlite::Transaction<'_>,
    c: &Checked,
    items: &[ActionItemInput],
    conversation: ConversationId,
    now: DateTime<Utc>,
) -> Result<()> {
    for (title, item) in c.item_titles.iter().zip(items) {
        insert_item(tx, title, item, c.mentor, Some(conversation), now)?;
    }
    Ok(())
}
