//! The outreach log: how a trainee approached a prospective mentor and what came of it
//! ("start with a specific question; if it does not grow, ask formally; else look elsewhere").

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::kinds::OutreachOutcome;
use crate::mentors::MentorId;
use crate::validate::{self, LONG};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct OutreachId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Outreach {
    pub id: OutreachId,
    pub mentor_id: MentorId,
    pub made_on: NaiveDate,
    pub request: String,
    pub outcome: OutreachOutcome,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OutreachInput {
    pub made_on: NaiveDate,
    pub request: String,
    #[serde(default)]
    pub outcome: Option<OutreachOutcome>,
    #[serde(default)]
    pub note: String,
}

impl Journal {
    pub fn log_outreach(&self, mentor: MentorId, input: &OutreachInput) -> Result<Outreach> {
        self.mentor(mentor)?;
        let made_on = self.day_it_happened(
            "madeOn",
            Some(input.made_on),
            "Log an outreach on or after the day you made it, not ahead.",
        )?;
        let request =
            validate::required("request", &input.request, LONG, "Say what you asked for.")?;
        let note = validate::text("note", &input.note, LONG)?;
        let outcome = input.outcome.unwrap_or(OutreachOutcome::Pending);
        let now = self.now();
        let id = self.write(|tx| {
            Ok(tx.query_row(
                "INSERT INTO outreach (mentor_id, made_on, request, outcome, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                params![mentor.0, made_on, request, outcome, note, now],
                |row| row.get(0),
            )?)
        })?;
        self.outreach(OutreachId(id))
    }

    /// Records the answer once it comes (or that none came).
    pub fn set_outreach_outcome(
        &self,
        id: OutreachId,
        outcome: OutreachOutcome,
        note: &str,
    ) -> Result<Outreach> {
        self.outreach(id)?;
        let note = validate::text("note", note, LONG)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE outreach SET outcome = ?2, note = ?3 WHERE id = ?1",
                params![id.0, outcome, note],
            )?;
            Ok(())
        })?;
        self.outreach(id)
    }

    pub fn outreach(&self, id: OutreachId) -> Result<Outreach> {
        self.conn
            .prepare_cached(
                "SELECT id, mentor_id, made_on, request, outcome, note FROM outreach WHERE id = ?1",
            )?
            .query_row([id.0], row_to_outreach)
            .optional()?
            .ok_or(Error::NotFound("That outreach entry"))
    }

    pub fn list_outreach(&self, mentor: MentorId) -> Result<Vec<Outreach>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, mentor_id, made_on, request, outcome, note FROM outreach
             WHERE mentor_id = ?1 ORDER BY made_on, id",
        )?;
        let rows = stmt.query_map([mentor.0], row_to_outreach)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(crate) fn row_to_outreach(row: &rusqlite::Row<'_>) -> rusqlite::Result<Outreach> {
    Ok(Outreach {
        id: OutreachId(row.get(0)?),
        mentor_id: MentorId(row.get(1)?),
        made_on: row.get(2)?,
        request: row.get(3)?,
        outcome: row.get(4)?,
        note: row.get(5)?,
    })
}
