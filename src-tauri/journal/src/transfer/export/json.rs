//! The lossless JSON export, and importing it back into an empty journal.
//!
//! Every row of every table that holds the journal (see `tables`) is written with its own id, in
//! a fixed order, so exporting, importing into a new journal and exporting again gives the same
//! bytes apart from `exportedAt` (a test). Rows stream to the writer one at a time inside one read
//! transaction: a consistent snapshot, and no copy of a 100,000-note journal held in memory.
//! `docs/export-format.md` documents the format.
//!
//! Importing writes the rows back with their ids in one transaction, after a backup, into a
//! journal that holds nothing yet (ids are the links between rows, so merging two journals is a
//! different feature). The search index is rebuilt by the same triggers as any write.

use rusqlite::types::ValueRef;
use serde::Serialize;
use serde_json::Value;
use std::io::Write;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::migrate::{LATEST_SCHEMA_VERSION, schema_version};
use crate::transfer::backup::BackupReason;
use crate::transfer::export::tables::{Kind, LOCAL_SETTINGS, TABLES, Table, camel};
use crate::transfer::import::refuse;

pub const EXPORT_FORMAT: &str = "mentor-journal-export";
pub const EXPORT_VERSION: u32 = 1;

/// What an export or an import of the JSON format covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JsonTransfer {
    /// Rows of every kind (mentors, notes, takeaways, goals, ...).
    #[ts(type = "number")]
    pub rows: u64,
    pub mentors: u32,
    pub notes: u32,
    pub goals: u32,
}

impl Journal {
    /// Writes the whole journal as JSON to `out` (see the module notes).
    pub fn export_json(&self, out: &mut dyn Write) -> Result<JsonTransfer> {
        // One read transaction: every table from the same moment.
        let read = self.conn.unchecked_transaction()?;
        let mut done = JsonTransfer {
            rows: 0,
            mentors: 0,
            notes: 0,
            goals: 0,
        };
        write!(
            out,
            "{{\n  \"format\": \"{EXPORT_FORMAT}\",\n  \"version\": {EXPORT_VERSION},\n  \
             \"schemaVersion\": {},\n  \"app\": {},\n  \"exportedAt\": {}",
            schema_version(&read)?,
            json(&env!("CARGO_PKG_VERSION"))?,
            json(
                &self
                    .now()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            )?,
        )?;
        for table in TABLES {
            let rows = write_table(&read, table, out)?;
            done.rows += rows;
            let count = u32::try_from(rows).unwrap_or(u32::MAX);
            match table.name {
                "mentors" => done.mentors = count,
                "conversations" => done.notes = count,
                "goals" => done.goals = count,
                _ => {}
            }
        }
        write!(out, ",\n  \"settings\": {{")?;
        let mut stmt = read.prepare("SELECT key, value FROM settings ORDER BY key")?;
        let mut rows = stmt.query([])?;
        let mut first = true;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            if LOCAL_SETTINGS.contains(&key.as_str()) {
                continue;
            }
            let value: String = row.get(1)?;
            let sep = if first { "" } else { "," };
            write!(out, "{sep}\n    {}: {}", json(&key)?, json(&value)?)?;
            first = false;
        }
        write!(out, "{}}}\n}}\n", if first { "" } else { "\n  " })?;
        out.flush()?;
        Ok(done)
    }

    /// `import_json` of the file at `path` (its size checked before it is read).
    pub fn import_json_from(&self, path: &std::path::Path) -> Result<JsonTransfer> {
        self.import_json(&crate::transfer::import::read_limited(path)?)
    }

    /// Imports a JSON export into this journal, which must hold nothing yet; backed up first.
    pub fn import_json(&self, bytes: &[u8]) -> Result<JsonTransfer> {
        if bytes.starts_with(b"age-encryption.org/") {
            return Err(refuse(
                "This export is encrypted (age). Open it first with `age -d FILE > export.json` \
                 and the passphrase it was made with, then import the .json.",
            ));
        }
        let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
            refuse(format!(
                "This is not valid JSON (line {}, column {}: {e}).",
                e.line(),
                e.column()
            ))
        })?;
        check_header(&doc)?;
        let held: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM mentors) + (SELECT count(*) FROM goals)
                  + (SELECT count(*) FROM action_items)",
            [],
            |row| row.get(0),
        )?;
        if held > 0 {
            return Err(refuse(
                "A Mentor Journal export can only be imported into a new, empty journal: this \
                 one already holds mentors or goals. Create a new journal for it, or restore a \
                 backup instead.",
            ));
        }
        self.back_up(BackupReason::BeforeImport)?;
        self.write(|tx| {
            tx.execute_batch(
                "PRAGMA defer_foreign_keys = ON;
                 DELETE FROM focus_areas; DELETE FROM goal_categories;",
            )?;
            // The export's templates replace the new journal's built-ins; an export from before
            // templates existed has none, and the built-ins stay.
            if doc.get("templates").is_some() {
                tx.execute_batch("DELETE FROM templates;")?;
            }
            let mut done = JsonTransfer {
                rows: 0,
                mentors: 0,
                notes: 0,
                goals: 0,
            };
            for table in TABLES {
                let rows = insert_table(tx, table, &doc)?;
                done.rows += rows;
                let count = u32::try_from(rows).unwrap_or(u32::MAX);
                match table.name {
                    "mentors" => done.mentors = count,
                    "conversations" => done.notes = count,
                    "goals" => done.goals = count,
                    _ => {}
                }
            }
            if let Some(settings) = doc.get("settings").and_then(Value::as_object) {
                for (key, value) in settings {
                    let Some(value) = value.as_str() else {
                        return Err(refuse(format!("The setting {key} is not text.")));
                    };
                    if !LOCAL_SETTINGS.contains(&key.as_str()) {
                        tx.execute(
                            "INSERT INTO settings (key, value) VALUES (?1, ?2)
                             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            [key, value],
                        )?;
                    }
                }
            }
            Ok(done)
        })
    }
}

fn json(value: &impl Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(format!("encoding JSON: {e}")))
}

fn write_table(read: &rusqlite::Connection, table: &Table, out: &mut dyn Write) -> Result<u64> {
    let columns: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
    let keys: Vec<String> = columns
        .iter()
        .map(|c| json(&camel(c)))
        .collect::<Result<_>>()?;
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        columns.join(", "),
        table.table,
        table.order
    );
    let mut stmt = read.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    write!(out, ",\n  \"{}\": [", table.name)?;
    let mut count = 0u64;
    while let Some(row) = rows.next()? {
        write!(out, "{}\n    {{", if count == 0 { "" } else { "," })?;
        for (i, (_, kind)) in table.columns.iter().enumerate() {
            let value = match (row.get_ref(i)?, kind) {
                (ValueRef::Null, _) => "null".to_owned(),
                (ValueRef::Integer(n), Kind::Bool) => (n != 0).to_string(),
                (ValueRef::Integer(n), _) => n.to_string(),
                (ValueRef::Real(x), _) => json(&x)?,
                (ValueRef::Text(t), _) => json(&String::from_utf8_lossy(t))?,
                (ValueRef::Blob(_), _) => {
                    return Err(Error::Internal(format!("a blob in {}", table.table)));
                }
            };
            write!(
                out,
                "{}{}: {value}",
                if i == 0 { "" } else { ", " },
                keys[i]
            )?;
        }
        write!(out, "}}")?;
        count += 1;
    }
    write!(out, "{}]", if count == 0 { "" } else { "\n  " })?;
    Ok(count)
}

fn check_header(doc: &Value) -> Result<()> {
    if doc.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(refuse(
            "This is not a Mentor Journal export (it has no \"format\": \"mentor-journal-export\").",
        ));
    }
    let version = doc.get("version").and_then(Value::as_u64).unwrap_or(0);
    let schema = doc
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if version > u64::from(EXPORT_VERSION) || schema > u64::from(LATEST_SCHEMA_VERSION) {
        return Err(Error::Conflict(
            "This export was made by a newer version of Mentor Journal. Update the app to import \
             it; nothing was changed."
                .into(),
        ));
    }
    if version == 0 {
        return Err(refuse("This export has no format version."));
    }
    Ok(())
}

fn insert_table(tx: &rusqlite::Transaction<'_>, table: &Table, doc: &Value) -> Result<u64> {
    let Some(rows) = doc.get(table.name) else {
        return Ok(0);
    };
    let rows = rows
        .as_array()
        .ok_or_else(|| refuse(format!("\"{}\" is not a list.", table.name)))?;
    let known: Vec<String> = table.columns.iter().map(|(c, _)| camel(c)).collect();
    for (n, row) in rows.iter().enumerate() {
        let at = || format!("{} #{}", table.name, n + 1);
        let object = row
            .as_object()
            .ok_or_else(|| refuse(format!("{} is not an object.", at())))?;
        if let Some(unknown) = object.keys().find(|k| !known.contains(k)) {
            return Err(refuse(format!(
                "{} has a field this version does not know: {unknown}.",
                at()
            )));
        }
        let mut columns = Vec::new();
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        for ((column, kind), key) in table.columns.iter().zip(&known) {
            let Some(value) = object.get(key) else {
                continue;
            };
            columns.push(*column);
            values.push(
                sql_value(value, *kind)
                    .ok_or_else(|| refuse(format!("{}: {key} has the wrong type.", at())))?,
            );
        }
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            table.table,
            columns.join(", "),
            vec!["?"; columns.len()].join(", ")
        );
        tx.execute(&sql, rusqlite::params_from_iter(values))
            .map_err(|e| refuse(format!("{} cannot be imported: {e}.", at())))?;
    }
    Ok(rows.len() as u64)
}

fn sql_value(value: &Value, kind: Kind) -> Option<rusqlite::types::Value> {
    use rusqlite::types::Value as Sql;
    Some(match (value, kind) {
        (Value::Null, _) => Sql::Null,
        (Value::Bool(b), Kind::Bool) => Sql::Integer(i64::from(*b)),
        (Value::Number(n), Kind::Int) => Sql::Integer(n.as_i64()?),
        (Value::String(s), Kind::Text) => Sql::Text(s.clone()),
        _ => return None,
    })
}
