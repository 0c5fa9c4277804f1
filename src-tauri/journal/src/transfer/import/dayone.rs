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
use std::io::{Cursor, Read};

use chrono::{DateTime, Datelike, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::Value;

use crate::error::Result;
use crate::transfer::import::{
    MAX_FILE_BYTES, MAX_UNPACKED_BYTES, SourceEntry, SourceFile, SourceFormat, refuse,
};

/// A first line longer than this is not used whole as a title (validation allows 200).
const TITLE_MAX_CHARS: usize = 100;
/// Where a long first line is cut, at a word boundary, when it has no short first sentence.
const TITLE_CUT_CHARS: usize = 80;
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
        let journals = unzip(bytes, max_unpacked, &mut out.notes)?;
        let many = journals.len() > 1;
        for (name, json) in &journals {
            read_journal(json, many.then_some(name.as_str()), &mut out)?;
        }
    } else {
        read_journal(bytes, None, &mut out)?;
    }
    Ok(out)
}

/// The top-level `.json` files of a Day One zip, by name, read within `max_unpacked` in all.
fn unzip(
    bytes: &[u8],
    max_unpacked: u64,
    notes: &mut Vec<String>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let damaged = |_| refuse("This zip file is damaged or incomplete.");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut json_files = Vec::new();
    let mut declared: u64 = 0;
    let mut media = 0usize;
    for index in 0..archive.len() {
        let file = archive.by_index_raw(index).map_err(damaged)?;
        let name = file.name().map_err(damaged)?.into_owned();
        if file.is_dir() || name.starts_with("__MACOSX/") {
            continue;
        }
        if !name.contains('/') && name.to_ascii_lowercase().ends_with(".json") {
            declared = declared.saturating_add(file.size());
            json_files.push((index, name));
        } else {
            media += 1;
        }
    }
    if json_files.is_empty() {
        return Err(refuse(
            "This zip holds no Day One journal: there is no .json file at its top level.",
        ));
    }
    let too_big = || {
        refuse(format!(
            "This zip unpacks to more than {} MiB: it is not a Day One export (or is a zip bomb).",
            max_unpacked / (1024 * 1024)
        ))
    };
    if declared > max_unpacked {
        return Err(too_big());
    }
    let mut budget = max_unpacked;
    let mut journals = Vec::new();
    for (index, name) in json_files {
        let file = archive.by_index(index).map_err(|_| {
            refuse(format!(
                "“{name}” in this zip cannot be read (encrypted or damaged)."
            ))
        })?;
        let mut json = Vec::new();
        file.take(budget.saturating_add(1))
            .read_to_end(&mut json)
            .map_err(|_| refuse(format!("“{name}” in this zip is damaged or incomplete.")))?;
        if json.len() as u64 > budget {
            return Err(too_big());
        }
        budget -= json.len() as u64;
        journals.push((name, json));
    }
    if journals.len() > 1 {
        let names: Vec<&str> = journals.iter().map(|(n, _)| n.as_str()).collect();
        notes.push(format!(
            "The zip holds {} journals ({}); the entries of all of them are read.",
            journals.len(),
            names.join(", ")
        ));
    }
    if media > 0 {
        notes.push(format!(
            "The zip holds {media} media files (photos, videos, audio, PDFs); they are not imported."
        ));
    }
    Ok(journals)
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

fn marker(kind: &str) -> String {
    format!("[{kind} not imported]")
}

/// Undoes Day One's backslash escapes (only before ASCII punctuation), replaces media
/// placeholders with a marker and turns links to other entries into their text, in one pass so
/// an escaped `\[` or `\!` is never mistaken for the start of a link.
fn convert_text(text: &str, raw: &RawEntry) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            match rest[1..].chars().next() {
                Some(next) if next.is_ascii_punctuation() => {
                    out.push(next);
                    rest = &rest[1 + next.len_utf8()..];
                }
                _ => {
                    out.push('\\');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        if let Some(image) = rest.strip_prefix('!')
            && let Some((_, url, len)) = link_at(image)
            && let Some(moment) = url.strip_prefix("dayone-moment:")
        {
            let mut parts = moment.trim_start_matches('/').rsplit('/');
            let id = parts.next().unwrap_or_default();
            let kind = match parts.next() {
                Some("video") => "video",
                Some("audio") => "audio",
                Some("pdf" | "pdfAttachment") => "pdf",
                Some("photo" | "image") => "photo",
                _ => media_kind(raw, id),
            };
            out.push_str(&marker(kind));
            rest = &image[len..];
            continue;
        }
        if let Some((label, url, len)) = link_at(rest)
            && ["dayone2:", "dayone:", "dayone-moment:"]
                .iter()
                .any(|scheme| url.starts_with(scheme))
        {
            out.push_str(&convert_text(label, raw));
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A Markdown link `[label](url)` at the start of `text`, on one line: (label, url, length).
fn link_at(text: &str) -> Option<(&str, &str, usize)> {
    let inner = text.strip_prefix('[')?;
    let mut close = None;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match c {
            '\n' => return None,
            '\\' if !escaped => escaped = true,
            ']' if !escaped => {
                close = Some(i);
                break;
            }
            _ => escaped = false,
        }
    }
    let close = close?;
    let after = inner[close + 1..].strip_prefix('(')?;
    let end = after.find(|c: char| c == ')' || c.is_whitespace())?;
    if !after[end..].starts_with(')') {
        return None;
    }
    Some((&inner[..close], &after[..end], 1 + close + 2 + end + 1))
}

/// Title and body, as Day One shows them: the first line is the title (a heading loses its `#`s).
/// A first line too long for a title stays in the body and the title is its first sentence (or
/// its first words), so nothing is lost; a first line of only media markers gives no title.
fn split_title(text: &str) -> (String, String) {
    let text = text.trim_start_matches(['\n', '\r']).trim_end();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim();
    let rest = rest.trim_start_matches(['\n', '\r']).to_owned();
    let hashes = first.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && first[hashes..].starts_with([' ', '\t']) {
        let title = first[hashes..].trim().trim_end_matches('#').trim_end();
        if title.chars().count() <= TITLE_MAX_CHARS {
            return (title.to_owned(), rest);
        }
        return (shorten(title), text.to_owned());
    }
    let without_markers = ["photo", "video", "audio", "pdf"]
        .iter()
        .fold(first.to_owned(), |line, kind| {
            line.replace(&marker(kind), "")
        });
    if without_markers.trim().is_empty() {
        return (String::new(), text.to_owned());
    }
    if first.chars().count() <= TITLE_MAX_CHARS {
        return (first.to_owned(), rest);
    }
    (shorten(first), text.to_owned())
}

/// The first sentence of a long line if it is short enough, else its first words and "…".
fn shorten(line: &str) -> String {
    let sentence_end = line
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && line[i + 1..].starts_with(' '))
        .map(|(i, c)| if c == '.' { i } else { i + 1 });
    if let Some(end) = sentence_end
        && line[..end].chars().count() <= TITLE_MAX_CHARS
    {
        return line[..end].to_owned();
    }
    let cut: String = line.chars().take(TITLE_CUT_CHARS).collect();
    let words = cut.rsplit_once(' ').map_or(cut.as_str(), |(w, _)| w);
    format!("{}…", words.trim_end())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use chrono::NaiveDate;
    use zip::write::SimpleFileOptions;

    use super::*;
    use crate::error::Error;

    const FIXTURE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/dayone/Dev Journal.json"
    );

    fn fixture() -> Vec<u8> {
        std::fs::read(FIXTURE).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, s)
            .unwrap()
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, data) in files {
            writer.start_file(*name, options).unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    /// The refusal's message, checking it is a validation error on `file`.
    fn refusal(bytes: &[u8]) -> String {
        refusal_with(bytes, MAX_UNPACKED_BYTES)
    }

    fn refusal_with(bytes: &[u8], max_unpacked: u64) -> String {
        match read_with_limits(bytes, max_unpacked) {
            Err(Error::Validation { field, message }) => {
                assert_eq!(field, "file");
                message
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn the_fixture_gives_five_entries_on_their_local_days() {
        let file = read(&fixture()).unwrap();
        assert_eq!(file.format, SourceFormat::DayOne);
        assert!(file.notes.is_empty(), "{:?}", file.notes);
        let e = &file.entries;
        assert_eq!(e.len(), 5);

        // All-day, 2024-04-16T23:00:00Z in Europe/Dublin: local midnight of 17 April.
        assert_eq!(e[0].source_id, "dayone:DF8B32A3FE25400BBBB3A7BBFCD23CE7");
        assert_eq!(e[0].occurred_at, at(2024, 4, 17, 0, 0, 0));
        assert!(e[0].all_day);
        assert_eq!(e[0].title, "Header 1");
        assert!(e[0].body.starts_with("## Header 2\n\n### Header 3\n"));
        assert!(e[0].body.contains("```\nCode block\n```"));
        assert!(e[0].body.ends_with("[photo not imported]"));
        assert!(e[0].starred);
        assert_eq!(e[0].tags, ["another-dev-testing-tag", "dev-testing-tag"]);
        assert_eq!(
            e[0].media,
            ["photo 646FD9CE9D924262ADB1FA7AF3A2F4DB (jpeg)"]
        );

        // All-day, 2024-04-17T23:00:00Z in Europe/London (BST): 18 April.
        assert_eq!(e[1].source_id, "dayone:1461153D91EC48C180C606C853FBFD83");
        assert_eq!(e[1].occurred_at, at(2024, 4, 18, 0, 0, 0));
        assert!(e[1].all_day);
        assert_eq!(e[1].title, "Pariatur aute nulla incididunt");
        assert!(
            e[1].body
                .starts_with("Pariatur aute nulla incididunt. Ad dolor irure est in magna est. ")
        );
        assert!(e[1].body.ends_with("Dolore adipisicing do ea."));
        assert!(!e[1].body.contains('\\'));
        assert!(!e[1].starred);
        assert!(e[1].tags.is_empty());
        assert!(e[1].media.is_empty());

        // 21:48:36Z in BST.
        assert_eq!(e[2].source_id, "dayone:876E72B228F847379F296B1698CA3F61");
        assert_eq!(e[2].occurred_at, at(2024, 4, 19, 22, 48, 36));
        assert!(!e[2].all_day);
        assert_eq!(e[2].title, "\"This text is in quotes\"");
        assert!(
            e[2].body
                .starts_with("This-text-is-hyphenated\n(This text is in parentheses)\n\nDolore ex")
        );
        assert!(!e[2].starred);
        assert!(e[2].tags.is_empty());
        assert!(e[2].media.is_empty());

        // Two photos in the text, one video only in the list.
        assert_eq!(e[3].source_id, "dayone:479270F4CAD1429AB1564DB34D0FE337");
        assert_eq!(e[3].occurred_at, at(2024, 4, 19, 22, 55, 53));
        assert!(!e[3].all_day);
        assert_eq!(
            e[3].title,
            "Ipsum labore tempor eu elit voluptate incididunt sint ea enim aute do minim"
        );
        assert!(
            e[3].body
                .contains("sit consequat nulla et.[photo not imported]. Nostrud est")
        );
        assert!(e[3].body.ends_with("excepteur.\n\n[photo not imported]"));
        assert!(!e[3].body.contains("dayone-moment"));
        assert_eq!(
            e[3].media,
            [
                "photo 031C8B7DAE0349BAA27892008778F6F6 (jpeg)",
                "photo 24BD79E9E42F4A4CA0C9F384F547B5BC (jpeg)",
                "video E5B4E8C8B7EB4291AFDFFACB966A0382 (mp4)",
            ]
        );

        // Only a video and an audio: no title, the markers are the body. 22:45:51Z is 23:45 BST.
        assert_eq!(e[4].source_id, "dayone:959E7A13B3B649D681DC573DB7E07967");
        assert_eq!(e[4].occurred_at, at(2024, 4, 21, 23, 45, 51));
        assert!(!e[4].all_day);
        assert_eq!(e[4].title, "");
        assert_eq!(e[4].body, "[video not imported]\n\n[audio not imported]");
        assert_eq!(
            e[4].media,
            [
                "video 6F9B2DC7EADE4242A80DC76470D2264E (mp4)",
                "audio 08514236013D4E4A9389BFDC24A5F727 (aac)",
            ]
        );
    }

    #[test]
    fn a_zip_gives_the_same_entries_and_counts_its_media() {
        let json = fixture();
        let zipped = zip_of(&[
            ("Dev Journal.json", &json),
            ("photos/31c871f18f68d2fde4196ccba1f8ece1.jpeg", b"jpeg"),
            ("videos/842e6f3bf38e93981004c637e8b03967.mp4", b"mp4"),
        ]);
        let from_zip = read(&zipped).unwrap();
        assert_eq!(from_zip.entries, read(&json).unwrap().entries);
        assert_eq!(from_zip.notes.len(), 1);
        assert!(
            from_zip.notes[0].contains("2 media files"),
            "{:?}",
            from_zip.notes
        );
    }

    #[test]
    fn a_zip_with_two_journals_reads_both_and_says_so() {
        let other = br#"{"metadata":{"version":"1.0"},"entries":[{"uuid":"AA","creationDate":"2020-01-01T12:00:00Z","timeZone":"America/New_York","text":"Hi"}]}"#;
        let zipped = zip_of(&[("Dev Journal.json", &fixture()), ("Work.json", other)]);
        let file = read(&zipped).unwrap();
        assert_eq!(file.entries.len(), 6);
        assert_eq!(file.entries[5].occurred_at, at(2020, 1, 1, 7, 0, 0));
        assert!(file.notes[0].contains("2 journals"), "{:?}", file.notes);
    }

    #[test]
    fn escapes_are_undone_only_before_ascii_punctuation() {
        let raw: RawEntry = serde_json::from_str("{}").unwrap();
        let undo = |s: &str| convert_text(s, &raw);
        assert_eq!(undo(r"a\. b\- \(c\) \# \! \` \*"), "a. b- (c) # ! ` *");
        assert_eq!(undo(r"\d+ \w \é \1 end\"), r"\d+ \w \é \1 end\");
        assert_eq!(undo(r"C:\\Users\\me \\. \\d"), r"C:\Users\me \. \d");
        assert_eq!(undo("```\nlet x = 1\\.0;\n```"), "```\nlet x = 1.0;\n```");
        assert_eq!(
            undo(r"\[not a link\](dayone2://view?entryId=X)"),
            "[not a link](dayone2://view?entryId=X)"
        );
    }

    #[test]
    fn media_and_entry_links_become_text() {
        let raw: RawEntry = serde_json::from_str(
            r#"{"pdfAttachments":[{"identifier":"P1","type":"pdf"}],"audios":[{"identifier":"A1","format":"m4a"}]}"#,
        )
        .unwrap();
        let convert = |s: &str| convert_text(s, &raw);
        assert_eq!(convert("![](dayone-moment://P1)"), "[pdf not imported]");
        assert_eq!(convert("![](dayone-moment://A1)"), "[audio not imported]");
        assert_eq!(
            convert("![](dayone-moment:/video/V1)"),
            "[video not imported]"
        );
        assert_eq!(convert("![](dayone-moment://X)"), "[photo not imported]");
        assert_eq!(
            convert(r"see [the trip\!](dayone2://view?entryId=ABC) and [it](dayone-moment://E)"),
            "see the trip! and it"
        );
        assert_eq!(
            convert("[site](https://example.org)"),
            "[site](https://example.org)"
        );
        assert_eq!(media_list(&raw), ["audio A1 (m4a)", "pdf P1 (pdf)"]);
    }

    #[test]
    fn titles_follow_the_first_line() {
        assert_eq!(
            split_title("# Trip ##\n\nBody"),
            ("Trip".into(), "Body".into())
        );
        assert_eq!(
            split_title("\n\nShort\nBody\n\n"),
            ("Short".into(), "Body".into())
        );
        assert_eq!(
            split_title("#hashtag\nBody"),
            ("#hashtag".into(), "Body".into())
        );
        assert_eq!(split_title(""), (String::new(), String::new()));
        let long = "word ".repeat(40);
        let (title, body) = split_title(&long);
        assert!(title.ends_with('…') && title.chars().count() <= TITLE_CUT_CHARS + 1);
        assert_eq!(body, long.trim_end());
        let heading = format!("## {long}\nBody");
        let (title, body) = split_title(&heading);
        assert!(
            title.starts_with("word word") && title.ends_with('…'),
            "{title}"
        );
        assert_eq!(body, heading);
    }

    #[test]
    fn tags_are_deduplicated_and_zones_fall_back() {
        let json = br##"{"metadata":{},"entries":[
            {"uuid":"A","creationDate":"2024-01-31T23:30:00Z","tags":["x","#y","x"," y ",""],
             "location":{"timeZoneName":"Asia/Tokyo"},"starred":true},
            {"uuid":"B","creationDate":"2024-01-31T23:30:00Z","timeZone":"Mars/Olympus","isAllDay":true}
        ]}"##;
        let file = read(json).unwrap();
        assert_eq!(file.entries[0].tags, ["x", "y"]);
        assert_eq!(file.entries[0].occurred_at, at(2024, 2, 1, 8, 30, 0));
        assert!(file.entries[0].starred);
        assert_eq!(file.entries[1].occurred_at, at(2024, 1, 31, 0, 0, 0));
        assert!(
            file.notes[0]
                .starts_with("Entry 1 (A): no usable time zone, used its place's (Asia/Tokyo)")
        );
        assert_eq!(file.notes[1], "Entry 2 (B): no time zone, kept UTC.");
    }

    #[test]
    fn a_duplicate_uuid_is_skipped_with_a_note() {
        let json = br#"{"metadata":{},"entries":[
            {"uuid":"A","creationDate":"2024-01-01T00:00:00Z","timeZone":"UTC"},
            {"uuid":"A","creationDate":"2024-01-01T00:00:00Z","timeZone":"UTC"}]}"#;
        let file = read(json).unwrap();
        assert_eq!(file.entries.len(), 1);
        assert!(file.notes[0].contains("appears twice"));
    }

    #[test]
    fn bad_files_are_refused_clearly() {
        let json = fixture();
        assert!(refusal(&json[..json.len() / 2]).contains("truncated"));
        assert!(refusal(b"").contains("empty"));
        assert!(refusal(b"  \n").contains("empty"));
        let jrnl = br#"{"tags":{},"entries":[{"title":"Hi","body":"","date":"2020-01-01","time":"09:00"}]}"#;
        assert!(refusal(jrnl).starts_with("This is not a Day One export"));
        assert!(refusal(b"[1,2]").starts_with("This is not a Day One export"));
        assert!(refusal(b"hello").starts_with("This is not a Day One export"));
        let mut bad_utf8 = br#"{"metadata":{},"entries":[{"text":""#.to_vec();
        bad_utf8.extend_from_slice(&[0xff, 0xfe, b'"', b'}', b']', b'}']);
        assert!(refusal(&bad_utf8).contains("not valid UTF-8"));
        let too_big = vec![b' '; usize::try_from(MAX_FILE_BYTES).unwrap() + 1];
        assert!(refusal(&too_big).contains("larger than"));
    }

    #[test]
    fn entries_without_a_sane_date_are_refused_by_number() {
        let with = |entry: &str| {
            format!(
                r#"{{"metadata":{{}},"entries":[{{"uuid":"OK","creationDate":"2024-01-01T00:00:00Z"}},{entry}]}}"#
            )
        };
        let missing = refusal(with(r#"{"uuid":"U2"}"#).as_bytes());
        assert_eq!(missing, "Entry 2 (U2) has no creationDate.");
        for date in [
            "0000-01-01T00:00:00Z",
            "99999-01-01T00:00:00Z",
            "yesterday",
            "2024-13-45T00:00:00Z",
        ] {
            let message =
                refusal(with(&format!(r#"{{"uuid":"U2","creationDate":"{date}"}}"#)).as_bytes());
            assert!(
                message.starts_with("Entry 2 (U2) has an unreadable creationDate"),
                "{message}"
            );
        }
        let no_uuid = refusal(with(r#"{"creationDate":"2024-01-01T00:00:00Z"}"#).as_bytes());
        assert_eq!(no_uuid, "Entry 2 has no uuid.");
        let wrong_type = refusal(
            with(r#"{"uuid":"U2","creationDate":"2024-01-01T00:00:00Z","tags":"x"}"#).as_bytes(),
        );
        assert!(
            wrong_type.starts_with("Entry 2 (U2) cannot be read"),
            "{wrong_type}"
        );
    }

    #[test]
    fn zips_without_a_journal_or_too_large_are_refused() {
        let no_json = zip_of(&[("photos/a.jpeg", b"jpeg"), ("nested/Journal.json", b"{}")]);
        assert!(refusal(&no_json).contains("no .json file"));
        let mut damaged = zip_of(&[("Dev Journal.json", &fixture())]);
        damaged.truncate(200);
        assert!(refusal(&damaged).contains("damaged"));
        // 2 MiB of zeros deflate to a few KiB; a 1 MiB limit must stop it.
        let zeros = vec![0u8; 2 * 1024 * 1024];
        let bomb = zip_of(&[("Bomb.json", &zeros)]);
        assert!(bomb.len() < 64 * 1024);
        assert!(refusal_with(&bomb, 1024 * 1024).contains("zip bomb"));
    }

    #[test]
    fn a_lying_size_header_is_still_capped() {
        // Declares 16 bytes but holds 2 MiB. The zip crate stops at the declared size and fails
        // the CRC ("damaged"); were it not to, the capped read would ("zip bomb"). Never memory.
        let zeros = vec![b' '; 2 * 1024 * 1024];
        let mut bomb = zip_of(&[("Bomb.json", &zeros)]);
        let declared = u32::try_from(zeros.len()).unwrap().to_le_bytes();
        let small = 16u32.to_le_bytes();
        let mut patched = 0;
        for i in 0..bomb.len().saturating_sub(4) {
            if bomb[i..i + 4] == declared {
                bomb[i..i + 4].copy_from_slice(&small);
                patched += 1;
            }
        }
        assert!(patched >= 2);
        let message = refusal_with(&bomb, 1024 * 1024);
        assert!(
            message.contains("zip bomb") || message.contains("damaged"),
            "{message}"
        );
    }
}
