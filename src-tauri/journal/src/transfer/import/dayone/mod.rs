//! Reading Day One's JSON export, zipped or bare, into the neutral `SourceFile`.
//!
//! Day One writes a `.zip` holding one `<Journal name>.json` per journal beside `photos/`,
//! `videos/`, `audios/`, `pdfs/`; people also hand us the bare `.json`. Both are read here.
//!
//! Three things other importers get wrong, and why this one does what it does:
//! - **The day.** `creationDate` is UTC; an all-day entry stores *local* midnight as UTC
//!   (`2024-04-16T23:00:00Z` in Europe/Dublin is 17 April). So every time is converted into the
//!   entry's own `timeZone` (or, failing that, its place's), and only then is the date taken.
//! - **Backslashes.** `text` escapes Markdown with backslashes everywhere, code fences included
//!   (`\.`, `\-`, `\(`, `\\`). Undoing them inside fences too is what restores what the user
//!   typed; a backslash is undone only before ASCII punctuation, so `\d` or `\é` keep theirs.
//! - **Media.** Photos, video, audio and PDFs are not imported: their placeholders in the text
//!   (`![](dayone-moment://ID)`, `![](dayone-moment:/video/ID)`) become a readable marker and each
//!   file is listed in the entry's `media` for the report. Links to other entries become their text.
//!
//! A zip is never trusted: declared sizes are checked and every read is capped as well, so a
//! header that lies about its size still cannot exhaust memory.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::Value;

use crate::error::Result;
use crate::transfer::import::{
    MAX_FILE_BYTES, MAX_UNPACKED_BYTES, SourceEntry, SourceFile, SourceFormat, refuse,
};

use text::{convert_text, split_title};

mod text;
mod zip;

#[cfg(test)]
mod tests;

/// Dates outside these years are a damaged file, not a journal (old diaries typed in still fit).
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Reads a Day One export: the `.zip` Day One writes, or the `.json` inside it.
pub fn read(bytes: &[u8]) -> Result<SourceFile> {
    read_with_limits(bytes, MAX_UNPACKED_BYTES)
}

/// `read` with the unpacked-size limit as a parameter, so tests can build a small zip bomb.
fn read_with_limits(bytes: &[u8], max_unpacked: u64) -> Result<SourceFile> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "This file is larger than {} MiB, too large for a Day One export.",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse("The file is empty."));
    }
    let mut out = SourceFile {
        format: SourceFormat::DayOne,
        entries: Vec::new(),
        notes: Vec::new(),
    };
    if bytes.starts_with(b"PK\x03\x04") {
        let journals = zip::unzip(bytes, max_unpacked, &mut out.notes)?;
        let many = journals.len() > 1;
        for (name, json) in &journals {
            read_journal(json, many.then_some(name.as_str()), &mut out)?;
        }
    } else {
        read_journal(bytes, None, &mut out)?;
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntry {
    creation_date: Option<String>,
    time_zone: Option<String>,
    is_all_day: Option<bool>,
    starred: Option<bool>,
    tags: Option<Vec<String>>,
    text: Option<String>,
    photos: Option<Vec<RawMedia>>,
    videos: Option<Vec<RawMedia>>,
    audios: Option<Vec<RawMedia>>,
    pdf_attachments: Option<Vec<RawMedia>>,
    location: Option<RawLocation>,
}

#[derive(Deserialize)]
struct RawMedia {
    identifier: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    format: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawLocation {
    time_zone_name: Option<String>,
}

/// One journal's JSON, appended to `out`; `journal` names it when a zip holds several.
fn read_journal(bytes: &[u8], journal: Option<&str>, out: &mut SourceFile) -> Result<()> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        refuse(format!(
            "This file is not valid UTF-8 text (at byte {}), so it is not a Day One export.",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => refuse(format!(
            "This Day One file ends too early (line {}): it looks truncated.",
            e.line()
        )),
        _ => refuse(format!(
            "This is not a Day One export: it is not valid JSON (line {}, column {}).",
            e.line(),
            e.column()
        )),
    })?;
    let not_day_one = || refuse("This is not a Day One export.");
    let object = root.as_object().ok_or_else(not_day_one)?;
    let entries = object
        .get("entries")
        .and_then(Value::as_array)
        .ok_or_else(not_day_one)?;
    let looks_like_day_one = object.get("metadata").is_some_and(Value::is_object)
        || entries
            .iter()
            .any(|e| e.get("uuid").is_some() && e.get("creationDate").is_some());
    if !looks_like_day_one {
        return Err(refuse(
            if object.get("tags").is_some_and(Value::is_object) {
                "This is not a Day One export (it looks like a jrnl export: import it as jrnl)."
            } else {
                "This is not a Day One export."
            },
        ));
    }
    let mut seen: HashSet<String> = out.entries.iter().map(|e| e.source_id.clone()).collect();
    for (index, value) in entries.iter().enumerate() {
        let uuid = value.get("uuid").and_then(Value::as_str).map(str::to_owned);
        let label = label(index + 1, journal, uuid.as_deref());
        let entry = read_entry(value, uuid, &label, &mut out.notes)?;
        if seen.insert(entry.source_id.clone()) {
            out.entries.push(entry);
        } else {
            out.notes.push(format!(
                "{label} appears twice; the second copy was skipped."
            ));
        }
    }
    Ok(())
}

/// "Entry 3 (876E…)" or "Entry 3 in “Work.json” (876E…)", for messages and notes.
fn label(number: usize, journal: Option<&str>, uuid: Option<&str>) -> String {
    let mut label = format!("Entry {number}");
    if let Some(journal) = journal {
        label.push_str(&format!(" in “{journal}”"));
    }
    if let Some(uuid) = uuid {
        label.push_str(&format!(" ({uuid})"));
    }
    label
}

fn read_entry(
    value: &Value,
    uuid: Option<String>,
    label: &str,
    notes: &mut Vec<String>,
) -> Result<SourceEntry> {
    let raw: RawEntry = RawEntry::deserialize(value)
        .map_err(|e| refuse(format!("{label} cannot be read: {e}.")))?;
    let uuid = uuid
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .ok_or_else(|| refuse(format!("{label} has no uuid.")))?;
    let created = raw
        .creation_date
        .as_deref()
        .ok_or_else(|| refuse(format!("{label} has no creationDate.")))?;
    let utc = parse_utc(created).ok_or_else(|| {
        refuse(format!(
            "{label} has an unreadable creationDate “{created}”."
        ))
    })?;
    let zone_name = raw
        .location
        .as_ref()
        .and_then(|l| l.time_zone_name.as_deref());
    let mut local = match zone(raw.time_zone.as_deref()) {
        Some(tz) => utc.with_timezone(&tz).naive_local(),
        None => match zone(zone_name) {
            Some(tz) => {
                notes.push(format!(
                    "{label}: no usable time zone, used its place's ({tz})."
                ));
                utc.with_timezone(&tz).naive_local()
            }
            None => {
                notes.push(format!("{label}: no time zone, kept UTC."));
                utc.naive_utc()
            }
        },
    };
    let all_day = raw.is_all_day.unwrap_or(false);
    if all_day {
        local = local.date().and_time(NaiveTime::MIN);
    }
    let media = media_list(&raw);
    let text = convert_text(raw.text.as_deref().unwrap_or(""), &raw);
    let (title, body) = split_title(&text);
    let mut tags: Vec<String> = Vec::new();
    for tag in raw.tags.unwrap_or_default() {
        let tag = tag.trim().trim_start_matches(['#', '@']).trim();
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    Ok(SourceEntry {
        source_id: format!("dayone:{uuid}"),
        occurred_at: local,
        all_day,
        title,
        body,
        tags,
        starred: raw.starred.unwrap_or(false),
        media,
    })
}

/// `creationDate` as UTC: RFC 3339 (Day One writes `...Z`), or a bare date-time taken as UTC.
fn parse_utc(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let utc = DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|n| n.and_utc())
        })?;
    YEARS.contains(&utc.year()).then_some(utc)
}

fn zone(name: Option<&str>) -> Option<Tz> {
    name.and_then(|n| n.trim().parse::<Tz>().ok())
}

/// Every media file of an entry, "photo <identifier> (jpeg)", in the order the file lists them.
fn media_list(raw: &RawEntry) -> Vec<String> {
    let mut list = Vec::new();
    for (kind, files) in media_groups(raw) {
        for file in files {
            let id = file.identifier.as_deref().unwrap_or("(no identifier)");
            match file.kind.as_deref().or(file.format.as_deref()) {
                Some(format) => list.push(format!("{kind} {id} ({format})")),
                None => list.push(format!("{kind} {id}")),
            }
        }
    }
    list
}

fn media_groups(raw: &RawEntry) -> [(&'static str, &[RawMedia]); 4] {
    [
        ("photo", raw.photos.as_deref().unwrap_or_default()),
        ("video", raw.videos.as_deref().unwrap_or_default()),
        ("audio", raw.audios.as_deref().unwrap_or_default()),
        ("pdf", raw.pdf_attachments.as_deref().unwrap_or_default()),
    ]
}

/// What kind of media an identifier is, from the entry's lists ("photo" when unknown, as Day
/// One's bare `dayone-moment://ID` is a photo).
fn media_kind(raw: &RawEntry, id: &str) -> &'static str {
    media_groups(raw)
        .into_iter()
        .find(|(_, files)| files.iter().any(|f| f.identifier.as_deref() == Some(id)))
        .map_or("photo", |(kind, _)| kind)
}
