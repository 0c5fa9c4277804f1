//! Templates as records: validated fields, names unique whatever their case, the built-ins seeded
//! and restored by key, and the mentor's default.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::builtin::{BUILTINS, Builtin};
use super::{Template, TemplateId, TemplateInput};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::mentors::{Mentor, MentorId};
use crate::validate::{self, SHORT};

/// Longest template name: a label in a picker, like a category.
pub(crate) const NAME_MAX: usize = 80;
/// More templates than anyone picks from; keeps the picker usable.
const MAX_TEMPLATES: u32 = 200;
/// As many suggested takeaways as a note may hold, each as long as a note's.
const MAX_TAKEAWAYS: usize = 50;
const TAKEAWAY_MAX: usize = 2_000;

struct Checked {
    name: String,
    description: String,
    body: String,
    takeaways: String,
}

impl TemplateInput {
    fn check(&self) -> Result<Checked> {
        let mut takeaways = Vec::new();
        for t in &self.takeaways {
            let t = validate::text("takeaways", t, TAKEAWAY_MAX)?;
            if t.contains(['\n', '\r']) {
                return Err(Error::validation(
                    "takeaways",
                    "A takeaway is one line; add another takeaway for the next one.",
                ));
            }
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
            name: validate::required("name", &self.name, NAME_MAX, "Give the template a name.")?,
            description: validate::text("description", &self.description, SHORT)?,
            body: validate::body("body", &self.body)?,
            takeaways: takeaways.join("\n"),
        })
    }
}

const SELECT: &str = "SELECT t.id, t.name, t.description, t.body, t.takeaways, t.builtin_key,
        t.created_at, t.updated_at,
        (SELECT count(*) FROM mentors m WHERE m.default_template_id = t.id) AS mentors
     FROM templates t";

/// The built-ins first, in the order the app lists them, then the user's own by name.
const ORDER: &str = "ORDER BY t.builtin_key IS NULL, CASE WHEN t.builtin_key IS NOT NULL THEN t.id END, t.name COLLATE NOCASE, t.id";

fn template_from_row(row: &Row<'_>) -> rusqlite::Result<Template> {
    let takeaways: String = row.get("takeaways")?;
    Ok(Template {
        id: TemplateId(row.get("id")?),
        name: row.get("name")?,
        description: row.get("description")?,
        body: row.get("body")?,
        takeaways: takeaways
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        builtin_key: row.get("builtin_key")?,
        default_for_mentors: row.get("mentors")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

impl Journal {
    /// Every template, in picker order.
    pub fn list_templates(&self) -> Result<Vec<Template>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} {ORDER}"))?;
        let rows = stmt.query_map([], template_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn template(&self, id: TemplateId) -> Result<Template> {
        self.conn
            .prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?
            .query_row([id.0], template_from_row)
            .optional()?
            .ok_or(Error::NotFound("That template"))
    }

    pub fn add_template(&self, input: &TemplateInput) -> Result<Template> {
        let c = input.check()?;
        let now = self.now();
        let id = self.write(|tx| {
            refuse_taken_name(tx, &c.name, None)?;
            room_for_one_more(tx)?;
            Ok(tx.query_row(
                "INSERT INTO templates (name, description, body, takeaways, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
                params![c.name, c.description, c.body, c.takeaways, now],
                |row| row.get(0),
            )?)
        })?;
        self.template(TemplateId(id))
    }

    /// Edits a template (a built-in stays known as built-in); notes written from it keep their text.
    pub fn update_template(&self, id: TemplateId, input: &TemplateInput) -> Result<Template> {
        let c = input.check()?;
        self.template(id)?;
        let now = self.now();
        self.write(|tx| {
            refuse_taken_name(tx, &c.name, Some(id))?;
            tx.execute(
                "UPDATE templates SET name = ?2, description = ?3, body = ?4, takeaways = ?5,
                     updated_at = ?6
                 WHERE id = ?1",
                params![id.0, c.name, c.description, c.body, c.takeaways, now],
            )?;
            Ok(())
        })?;
        self.template(id)
    }

    /// Deletes a template, built-in or not; mentors that started from it start from none.
    pub fn delete_template(&self, id: TemplateId) -> Result<()> {
        self.template(id)?;
        self.delete_by_id("DELETE FROM templates WHERE id = ?1", id.0)
    }

    /// Brings back the built-in templates that were deleted, with their original text (one whose
    /// name is now taken by another template gets "(built-in)" after it). Built-ins that are still
    /// there, edited or not, are left alone. Returns the ones restored.
    pub fn restore_builtin_templates(&self) -> Result<Vec<Template>> {
        let now = self.now();
        let ids = self.write(|tx| insert_missing(tx, now))?;
        ids.into_iter().map(|id| self.template(id)).collect()
    }

    /// Sets (or with `None` clears) the template new notes with this mentor start from.
    pub fn set_mentor_default_template(
        &self,
        mentor: MentorId,
        template: Option<TemplateId>,
    ) -> Result<Mentor> {
        self.mentor(mentor)?;
        if let Some(t) = template {
            self.template(t)?;
        }
        let now = self.now();
        self.write(|tx| {
            tx.execute(
                "UPDATE mentors SET default_template_id = ?2, updated_at = ?3 WHERE id = ?1",
                params![mentor.0, template.map(|t| t.0), now],
            )?;
            Ok(())
        })?;
        self.mentor(mentor)
    }

    /// What a new note with this mentor starts from: the mentor's default template, or none (a
    /// blank note).
    pub fn template_for_new_note(&self, mentor: MentorId) -> Result<Option<Template>> {
        match self.mentor(mentor)?.default_template_id {
            Some(id) => Ok(Some(self.template(id)?)),
            None => Ok(None),
        }
    }
}

/// A name is unique whatever its case, in any script (SQLite's NOCASE folds ASCII only).
fn refuse_taken_name(tx: &Transaction<'_>, name: &str, except: Option<TemplateId>) -> Result<()> {
    if let Some(other) = taken_by(tx, name)?
        && Some(other) != except
    {
        return Err(Error::validation(
            "name",
            format!("There is already a template called “{name}”."),
        ));
    }
    Ok(())
}

fn taken_by(tx: &Transaction<'_>, name: &str) -> Result<Option<TemplateId>> {
    let folded = name.to_lowercase();
    let mut stmt = tx.prepare_cached("SELECT id, name FROM templates")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let other: String = row.get(1)?;
        if other.to_lowercase() == folded {
            return Ok(Some(TemplateId(row.get(0)?)));
        }
    }
    Ok(None)
}

fn room_for_one_more(tx: &Transaction<'_>) -> Result<()> {
    let count: u32 = tx.query_row("SELECT count(*) FROM templates", [], |row| row.get(0))?;
    if count >= MAX_TEMPLATES {
        return Err(Error::validation(
            "name",
            format!(
                "You already have {MAX_TEMPLATES} templates; remove one you no longer use first."
            ),
        ));
    }
    Ok(())
}

/// Inserts every built-in whose key is not in the journal, under a free name.
fn insert_missing(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<Vec<TemplateId>> {
    let mut restored = Vec::new();
    for builtin in BUILTINS {
        let present: Option<i64> = tx
            .query_row(
                "SELECT id FROM templates WHERE builtin_key = ?1",
                [builtin.key],
                |row| row.get(0),
            )
            .optional()?;
        if present.is_none() {
            restored.push(insert_builtin(tx, builtin, now)?);
        }
    }
    Ok(restored)
}

fn insert_builtin(tx: &Transaction<'_>, b: &Builtin, now: DateTime<Utc>) -> Result<TemplateId> {
    let mut name = b.name.to_owned();
    let mut n = 1;
    while taken_by(tx, &name)?.is_some() {
        name = match n {
            1 => format!("{} (built-in)", b.name),
            _ => format!("{} (built-in {n})", b.name),
        };
        n += 1;
    }
    let id = tx.query_row(
        "INSERT INTO templates (name, description, body, takeaways, builtin_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
        params![
            name,
            b.description,
            b.body,
            b.takeaways.join("\n"),
            b.key,
            now
        ],
        |row| row.get(0),
    )?;
    Ok(TemplateId(id))
}

/// The migration's seed: every built-in, stamped with the moment the journal gained templates.
pub(crate) fn seed_builtins(tx: &Transaction<'_>) -> Result<()> {
    insert_missing(tx, Utc::now()).map(drop)
}
