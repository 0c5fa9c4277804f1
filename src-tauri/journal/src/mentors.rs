//! Mentors: the people the journal is about. For now a name; the full model (focus areas, origin,
//! lifecycle, agreement) arrives with its own migration.

use chrono::{DateTime, Utc};
use rusqlite::Row;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;

const MAX_NAME_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct MentorId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Mentor {
    pub id: MentorId,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewMentor {
    pub name: String,
}

impl NewMentor {
    fn validated_name(&self) -> Result<&str> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::validation("name", "Give the mentor a name."));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(Error::validation(
                "name",
                format!("Keep the name under {MAX_NAME_CHARS} characters."),
            ));
        }
        Ok(name)
    }
}

impl Mentor {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Mentor {
            id: MentorId(row.get("id")?),
            name: row.get("name")?,
            created_at: row.get("created_at")?,
        })
    }
}

impl Journal {
    pub fn add_mentor(&self, input: &NewMentor) -> Result<Mentor> {
        let name = input.validated_name()?;
        let now = self.now();
        let id = self.conn.query_row(
            "INSERT INTO mentors (name, created_at, updated_at) VALUES (?1, ?2, ?2) RETURNING id",
            rusqlite::params![name, now],
            |row| row.get(0),
        )?;
        Ok(Mentor {
            id: MentorId(id),
            name: name.to_owned(),
            created_at: now,
        })
    }

    /// All mentors, alphabetically (case-insensitive), oldest first among equal names.
    pub fn list_mentors(&self) -> Result<Vec<Mentor>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, created_at FROM mentors ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], Mentor::from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
