//! From a file read by one of the readers to notes in the journal: the preview shown before
//! anything is written, the user's mapping of tags to mentors, and the import itself.
//!
//! The import is idempotent: each note remembers its source identity (`conversations.source`,
//! unique), so importing the same file again adds nothing and says so, and a note edited after it
//! was imported is never overwritten. It is one transaction, after a backup, with progress and a
//! cancel that leaves nothing. An entry is about the mentor its first mapped tag names; one with
//! no mapped tag is a note about no single mentor, never dropped. Tags and stars go into the note
//! (a last line such as "Tags: research, abstract · starred"), so nothing of the source is lost;
//! media that is not imported is listed in the report.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::goals::MentorRef;
use crate::journal::Journal;
use crate::mentors::MentorId;
use crate::mentors::fold_name;
use crate::transfer::backup::BackupReason;
use crate::transfer::import::{SourceEntry, SourceFile, SourceFormat, refuse};
use crate::validate;

/// A tag found in the file, how many entries carry it, and the mentor it probably means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FoundTag {
    pub tag: String,
    pub entries: u32,
    /// An existing mentor whose name the tag matches (case, accents and titles aside).
    pub suggested: Option<MentorRef>,
}

/// What an import would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub format: SourceFormat,
    pub entries: u32,
    pub first_on: Option<NaiveDate>,
    pub last_on: Option<NaiveDate>,
    /// Entries already in the journal (imported before): they will be left as they are.
    pub already_imported: u32,
    pub tags: Vec<FoundTag>,
    pub without_tags: u32,
    /// Photos, audio, video and PDFs the entries refer to, which are not imported.
    pub media: u32,
    /// What the reader passed over or adjusted, in the user's words.
    pub notes: Vec<String>,
}

/// Where the entries with a tag go.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum MapTo {
    /// An existing mentor.
    Mentor { id: MentorId },
    /// A new mentor, made with this name.
    NewMentor { name: String },
    /// No mentor: the tag is kept in the note's text only.
    Nobody,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TagMapping {
    pub tag: String,
    pub to: MapTo,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    pub added: u32,
    /// Entries that were already in the journal and were left as they are.
    pub already_imported: u32,
    pub new_mentors: u32,
    /// Notes about no single mentor (no mapped tag).
    pub without_mentor: u32,
    /// One line per media item not imported.
    pub media_not_imported: Vec<String>,
    pub notes: Vec<String>,
}

/// Entries between progress reports.
const PROGRESS_EVERY: usize = 250;

impl Journal {
    /// What importing `file` would do (see `ImportPreview`); writes nothing.
    pub fn preview_import(&self, file: &SourceFile) -> Result<ImportPreview> {
        let mut counts: Vec<(String, u32)> = Vec::new();
        for entry in &file.entries {
            self.check_entry(entry)?;
            for tag in &entry.tags {
                match counts.iter_mut().find(|(t, _)| t == tag) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((tag.clone(), 1)),
                }
            }
        }
        let mentors = self.mentor_names()?;
        let known = self.known_sources()?;
        let days = file.entries.iter().map(|e| e.occurred_at.date());
        Ok(ImportPreview {
            format: file.format,
            entries: count(file.entries.len()),
            first_on: days.clone().min(),
            last_on: days.max(),
            already_imported: count(
                file.entries
                    .iter()
                    .filter(|e| known.contains_key(&source_key(e)))
                    .count(),
            ),
            tags: counts
                .into_iter()
                .map(|(tag, entries)| FoundTag {
                    suggested: suggest(&tag, &mentors),
                    tag,
                    entries,
                })
                .collect(),
            without_tags: count(file.entries.iter().filter(|e| e.tags.is_empty()).count()),
            media: count(file.entries.iter().map(|e| e.media.len()).sum()),
            notes: file.notes.clone(),
        })
    }

    /// Imports `file` with `mappings` (see the module notes). `progress(done, total)` hears how
    /// far it got; setting `cancel` stops it with nothing written.
    pub fn import_entries(
        &self,
        file: &SourceFile,
        mappings: &[TagMapping],
        progress: &dyn Fn(u32, u32),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        for entry in &file.entries {
            self.check_entry(entry)?;
        }
        for mapping in mappings {
            match &mapping.to {
                MapTo::Mentor { id } => {
                    self.mentor(*id).map_err(|_| {
                        Error::validation(
                            "mappings",
                            format!(
                                "The mentor chosen for \"{}\" no longer exists.",
                                mapping.tag
                            ),
                        )
                    })?;
                }
                MapTo::NewMentor { name } => {
                    validate::required("mappings", name, validate::SHORT, "Name the new mentor.")?;
                }
                MapTo::Nobody => {}
            }
        }
        let known = self.known_sources()?;
        let fresh: Vec<&SourceEntry> = file
            .entries
            .iter()
            .filter(|e| !known.contains_key(&source_key(e)))
            .collect();
        let mut report = ImportReport {
            added: 0,
            already_imported: count(file.entries.len() - fresh.len()),
            new_mentors: 0,
            without_mentor: 0,
            media_not_imported: file.entries.iter().flat_map(|e| e.media.clone()).collect(),
            notes: file.notes.clone(),
        };
        if fresh.is_empty() {
            return Ok(report);
        }
        self.back_up(BackupReason::BeforeImport)?;
        let now = self.now().to_rfc3339();
        let total = count(fresh.len());
        self.bulk_write(|tx| {
            let mut mentor_of: HashMap<&str, MentorId> = HashMap::new();
            for mapping in mappings {
                let id = match &mapping.to {
                    MapTo::Mentor { id } => *id,
                    MapTo::NewMentor { name } => {
                        report.new_mentors += 1;
                        let name = validate::text("mappings", name, validate::SHORT)?;
                        tx.query_row(
                            "INSERT INTO mentors (name, created_at, updated_at, status_since)
                             VALUES (?1, ?2, ?2, substr(?2, 1, 10)) RETURNING id",
                            rusqlite::params![name, now],
                            |row| row.get(0).map(MentorId),
                        )?
                    }
                    MapTo::Nobody => continue,
                };
                mentor_of.insert(mapping.tag.as_str(), id);
            }
            let mut insert = tx.prepare_cached(
                "INSERT INTO conversations (mentor_id, occurred_at, title, body, created_at,
                                            updated_at, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
            )?;
            for (n, entry) in fresh.iter().enumerate() {
                if n % PROGRESS_EVERY == 0 {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(Error::Conflict(
                            "The import was cancelled; nothing was written.".into(),
                        ));
                    }
                    progress(count(n), total);
                }
                let mentor = entry.tags.iter().find_map(|t| mentor_of.get(t.as_str()));
                if mentor.is_none() {
                    report.without_mentor += 1;
                }
                insert.execute(rusqlite::params![
                    mentor.map(|m| m.0),
                    entry.occurred_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    entry.title.trim(),
                    body_with_tags(entry),
                    now,
                    source_key(entry),
                ])?;
                report.added += 1;
            }
            progress(total, total);
            Ok(())
        })?;
        Ok(report)
    }

    /// The rules every imported note must meet, named by the entry.
    fn check_entry(&self, entry: &SourceEntry) -> Result<()> {
        let at = || {
            let title = entry.title.chars().take(40).collect::<String>();
            format!(
                "The entry of {} \"{title}\"",
                entry.occurred_at.format("%Y-%m-%d %H:%M")
            )
        };
        validate::date("file", entry.occurred_at.date())
            .map_err(|_| refuse(format!("{} has a date outside 1900 to 2200.", at())))?;
        if entry.occurred_at.date() > self.today() + chrono::Days::new(1) {
            return Err(refuse(format!("{} is dated in the future.", at())));
        }
        if entry.title.trim().chars().count() > validate::SHORT {
            return Err(refuse(format!(
                "{} has a title over {} characters.",
                at(),
                validate::SHORT
            )));
        }
        if body_with_tags(entry).len() > validate::MAX_BODY_BYTES {
            return Err(refuse(format!(
                "{} is longer than a note may be (1 MiB).",
                at()
            )));
        }
        Ok(())
    }

    /// The source identities already in the journal.
    fn known_sources(&self) -> Result<HashMap<String, ()>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT source FROM conversations WHERE source IS NOT NULL")?;
        let found = stmt
            .query_map([], |row| row.get::<_, String>(0))?
            .map(|s| s.map(|s| (s, ())))
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    fn mentor_names(&self) -> Result<Vec<MentorRef>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM mentors ORDER BY id")?;
        let found = stmt
            .query_map([], |row| {
                Ok(MentorRef {
                    id: MentorId(row.get(0)?),
                    name: row.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The identity stored with an imported note: the reader's, which already names its source
/// (`dayone:…`), or for jrnl's hash, prefixed so the two can never collide.
fn source_key(entry: &SourceEntry) -> String {
    if entry.source_id.contains(':') {
        entry.source_id.clone()
    } else {
        format!("jrnl:{}", entry.source_id)
    }
}

/// The entry's body with its tags and star written at the end, so nothing of the source is lost.
fn body_with_tags(entry: &SourceEntry) -> String {
    let mut extra = Vec::new();
    if !entry.tags.is_empty() {
        extra.push(format!("Tags: {}", entry.tags.join(", ")));
    }
    if entry.starred {
        extra.push("starred".to_owned());
    }
    let body = entry.body.trim_end();
    match (extra.is_empty(), body.is_empty()) {
        (true, _) => body.to_owned(),
        (false, true) => format!("*{}*", extra.join(" · ")),
        (false, false) => format!("{body}\n\n*{}*", extra.join(" · ")),
    }
}

/// The one mentor a tag names: every word of the tag (folded) is a word of the name, or the tag
/// is the folded name without spaces ("amaraosei"). `None` when no mentor or several match.
fn suggest(tag: &str, mentors: &[MentorRef]) -> Option<MentorRef> {
    let tag = fold_name(&tag.replace(['-', '_', '.'], " "));
    if tag.is_empty() {
        return None;
    }
    let matches: Vec<&MentorRef> = mentors
        .iter()
        .filter(|m| {
            let name = fold_name(&m.name);
            let words: Vec<&str> = name.split(' ').collect();
            tag.split(' ').all(|w| words.contains(&w))
                || name.replace(' ', "") == tag.replace(' ', "")
        })
        .collect();
    match matches.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}
