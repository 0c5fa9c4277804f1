//! Blocks as records: validated dates and mentors, the list, and the pausing blocks the cadence
//! rule reads (loaded once per list or dashboard, never once per mentor).

use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Block, BlockId, BlockInput};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::mentors::MentorId;
use crate::validate::{self, LONG, SHORT};

struct Checked {
    title: String,
    note: String,
    mentor_ids: Vec<MentorId>,
}

impl Journal {
    fn check_block(&self, input: &BlockInput) -> Result<Checked> {
        let title = validate::required("title", &input.title, SHORT, "Give the block a title.")?;
        validate::date("startsOn", input.starts_on)?;
        validate::date("endsOn", input.ends_on)?;
        if input.ends_on < input.starts_on {
            return Err(Error::validation(
                "endsOn",
                "The block ends before it starts.",
            ));
        }
        let mut mentor_ids = Vec::new();
        if !input.all_mentors {
            for &mentor in &input.mentor_ids {
                self.mentor(mentor).map_err(|_| {
                    Error::validation("mentorIds", "One of the chosen mentors does not exist.")
                })?;
                if !mentor_ids.contains(&mentor) {
                    mentor_ids.push(mentor);
                }
            }
            if mentor_ids.is_empty() {
                return Err(Error::validation(
                    "mentorIds",
                    "Choose the mentors it applies to, or apply it to every mentor.",
                ));
            }
        }
        Ok(Checked {
            title,
            note: validate::text("note", &input.note, LONG)?,
            mentor_ids,
        })
    }

    /// Every block, earliest first.
    pub fn list_blocks(&self) -> Result<Vec<Block>> {
        self.blocks_where("1")
    }

    /// The blocks that pause cadence, for the cadence rule.
    pub(crate) fn pausing_blocks(&self) -> Result<Vec<Block>> {
        self.blocks_where("b.pauses_cadence = 1")
    }

    fn blocks_where(&self, condition: &str) -> Result<Vec<Block>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT} WHERE {condition} {ORDER}"))?;
        let rows = stmt.query_map([], block_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn block(&self, id: BlockId) -> Result<Block> {
        self.conn
            .prepare_cached(&format!("{SELECT} WHERE b.id = ?1"))?
            .query_row([id.0], block_from_row)
            .optional()?
            .ok_or(Error::NotFound("That block"))
    }

    pub fn add_block(&self, input: &BlockInput) -> Result<Block> {
        let c = self.check_block(input)?;
        let now = self.now();
        let id = self.write(|tx| {
            let id: i64 = tx.query_row(
                "INSERT INTO blocks (title, starts_on, ends_on, pauses_cadence, all_mentors, note,
                     created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
                params![
                    c.title,
                    input.starts_on,
                    input.ends_on,
                    input.pauses_cadence,
                    input.all_mentors,
                    c.note,
                    now
                ],
                |row| row.get(0),
            )?;
            set_block_mentors(tx, id, &c.mentor_ids)?;
            Ok(BlockId(id))
        })?;
        self.block(id)
    }

    pub fn update_block(&self, id: BlockId, input: &BlockInput) -> Result<Block> {
        self.block(id)?;
        let c = self.check_block(input)?;
        let now = self.now();
        self.write(|tx| {
            tx.execute(
                "UPDATE blocks SET title = ?2, starts_on = ?3, ends_on = ?4, pauses_cadence = ?5,
                     all_mentors = ?6, note = ?7, updated_at = ?8
                 WHERE id = ?1",
                params![
                    id.0,
                    c.title,
                    input.starts_on,
                    input.ends_on,
                    input.pauses_cadence,
                    input.all_mentors,
                    c.note,
                    now
                ],
            )?;
            set_block_mentors(tx, id.0, &c.mentor_ids)
        })?;
        self.block(id)
    }

    pub fn delete_block(&self, id: BlockId) -> Result<()> {
        self.block(id)?;
        self.delete_by_id("DELETE FROM blocks WHERE id = ?1", id.0)
    }
}

fn set_block_mentors(tx: &Transaction<'_>, block: i64, mentors: &[MentorId]) -> Result<()> {
    tx.execute("DELETE FROM block_mentors WHERE block_id = ?1", [block])?;
    for mentor in mentors {
        tx.execute(
            "INSERT INTO block_mentors (block_id, mentor_id) VALUES (?1, ?2)",
            params![block, mentor.0],
        )?;
    }
    Ok(())
}

const SELECT: &str = "SELECT b.id, b.title, b.starts_on, b.ends_on, b.pauses_cadence,
        b.all_mentors, b.note, b.created_at, b.updated_at,
        (SELECT group_concat(mentor_id) FROM block_mentors WHERE block_id = b.id) AS mentor_ids
     FROM blocks b";

const ORDER: &str = "ORDER BY b.starts_on, b.ends_on, b.id";

fn block_from_row(row: &Row<'_>) -> rusqlite::Result<Block> {
    let ids: Option<String> = row.get("mentor_ids")?;
    let mut mentor_ids: Vec<MentorId> = ids
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.parse().ok().map(MentorId))
        .collect();
    mentor_ids.sort_by_key(|m| m.0);
    Ok(Block {
        id: BlockId(row.get("id")?),
        title: row.get("title")?,
        starts_on: row.get("starts_on")?,
        ends_on: row.get("ends_on")?,
        pauses_cadence: row.get("pauses_cadence")?,
        all_mentors: row.get("all_mentors")?,
        mentor_ids,
        note: row.get("note")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}
