//! The relationship's lifecycle: prospect, active, paused, ended, and the steps between them.
//!
//! Which steps exist is a rule of the core (`MentorStatus::next`), so the desktop app and any other
//! front end offer the same ones and the core refuses the rest. Ending keeps everything and
//! records a private reason; an ended mentorship can be taken up again.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Transaction, params};

use super::{Mentor, MentorId, StatusChange, StatusEntry};
use crate::error::Result;
use crate::journal::Journal;
use crate::kinds::MentorStatus;
use crate::validate::{self, LONG};

impl MentorStatus {
    /// The statuses a mentor can move to from this one, in the order to offer them. A prospect
    /// agrees (active) or is no longer pursued (ended); pausing is for a running mentorship.
    pub fn next(self) -> &'static [MentorStatus] {
        use MentorStatus::*;
        match self {
            Prospective => &[Active, Ended],
            Active => &[Paused, Ended],
            Paused => &[Active, Ended],
            Ended => &[Active],
        }
    }
}

const FUTURE: &str = "A status change cannot be dated in the future; record it on the day.";

impl Journal {
    /// Moves a mentor through the lifecycle. Ending records the (private) reason; nothing is deleted.
    pub fn set_mentor_status(&self, id: MentorId, change: &StatusChange) -> Result<Mentor> {
        let current = self.mentor(id)?;
        let on = self.day_it_happened("on", change.on, FUTURE)?;
        let note = validate::text("note", &change.note, LONG)?;
        validate::transition(
            "mentor",
            current.status,
            change.status,
            current.status.next(),
            MentorStatus::as_str,
        )?;
        let end_reason = if change.status == MentorStatus::Ended {
            note.clone()
        } else {
            String::new()
        };
        let now = self.now();
        self.write(|tx| record_status(tx, id, change.status, on, &note, &end_reason, now))?;
        self.mentor(id)
    }

    /// Every lifecycle step in the order it was recorded (dates may be back-dated).
    pub fn mentor_status_history(&self, id: MentorId) -> Result<Vec<StatusEntry>> {
        self.mentor(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, changed_on, note FROM mentor_status_changes WHERE mentor_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id.0], |row| {
            Ok(StatusEntry {
                status: row.get(0)?,
                changed_on: row.get(1)?,
                note: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Writes a checked lifecycle step inside `tx`: the mentor's status and the history row. Shared by
/// `set_mentor_status` and a completed review, which applies several in one transaction.
pub(crate) fn record_status(
    tx: &Transaction<'_>,
    id: MentorId,
    status: MentorStatus,
    on: NaiveDate,
    note: &str,
    end_reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "UPDATE mentors SET status = ?2, status_since = ?3, end_reason = ?4, updated_at = ?5 WHERE id = ?1",
        params![id.0, status, on, end_reason, now],
    )?;
    tx.execute(
        "INSERT INTO mentor_status_changes (mentor_id, status, changed_on, note) VALUES (?1, ?2, ?3, ?4)",
        params![id.0, status, on, note],
    )?;
    Ok(())
}
