//! Reading jrnl journals: its JSON export, its plain-text journal file, and its encrypted journal
//! files (v1 of jrnl 1.x, v2 of jrnl 2.0-4.5, v3 of jrnl 4.6), following jrnl's own code.
//!
//! jrnl stores no identities, so an entry's `source_id` hashes its minute, title and body: the
//! JSON export keeps only `HH:MM` while the text file may keep seconds, and hashing to the minute
//! lets both forms of one journal (and a re-import) name an entry alike. Titles and bodies are
//! split as jrnl splits them (`Entry._parse_text`: the first line, or the first sentence of a
//! one-line entry; a trailing `*` stars it), tags are `@word` found as jrnl's regex finds them,
//! lowercased as jrnl does. Times are wall-clock and never shifted. jrnl's own writer sorts by
//! date; we keep that order.
//!
//! A text file's entry lines are `[date time] Title` in any of the usual timeformats (24-hour or
//! AM/PM, with or without seconds); jrnl 1.x wrote them without brackets (and v1 files hold that),
//! so a file without bracketed lines is read that way. A bracketed line that looks like a date
//! but is not one (month 13, year 0) is refused with its line, rather than silently merged into
//! the entry above as jrnl would.
//!
//! Encrypted files are recognised as jrnl does (`detect_decryption_method`): `JRNLv3`, then a
//! Fernet token (`gAAAAA`), then binary data as v1. Fernet is checked (HMAC, in constant time)
//! before anything is decrypted; a failed check cannot tell a wrong password from a damaged
//! file, so its message names both.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::store::secret::Passphrase;
use crate::transfer::import::{MAX_FILE_BYTES, SourceEntry, SourceFile, SourceFormat, refuse};

use json::parse_json;
use text::parse_text;

mod crypto;
mod json;
mod text;

#[cfg(test)]
mod tests;

/// Reads a jrnl file of any kind; `password` is needed only for an encrypted one.
pub fn read(bytes: &[u8], password: Option<&Passphrase>) -> Result<SourceFile> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "This file is larger than {} MiB, more than any jrnl journal; it was not read.",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse("This file is empty."));
    }
    if let Some(kind) = crypto::kind(bytes) {
        let password = password.ok_or_else(|| {
            Error::validation(
                "password",
                "This jrnl journal is encrypted: enter its password.",
            )
        })?;
        let text = crypto::decrypt(kind, bytes, password.as_bytes())?;
        let (entries, notes) = parse_text(&text)?;
        return Ok(SourceFile {
            format: SourceFormat::JrnlEncrypted,
            entries,
            notes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        refuse(format!(
            "This file is not UTF-8 text: line {line} (byte {at}) is not valid UTF-8."
        ))
    })?;
    if text.trim_start().starts_with('{') {
        let entries = parse_json(text)?;
        return Ok(SourceFile {
            format: SourceFormat::JrnlJson,
            entries,
            notes: Vec::new(),
        });
    }
    let (entries, notes) = parse_text(text)?;
    Ok(SourceFile {
        format: SourceFormat::JrnlText,
        entries,
        notes,
    })
}

/// The entry as the import sees it; the identity hashes the minute, title and body.
fn entry(
    at: NaiveDateTime,
    all_day: bool,
    title: &str,
    body: &str,
    tags: Vec<String>,
    starred: bool,
) -> SourceEntry {
    let (title, body) = (title.trim(), body.trim());
    let mut hash = Sha256::new();
    for part in [
        b"jrnl entry".as_slice(),
        at.format("%Y-%m-%d %H:%M").to_string().as_bytes(),
        title.as_bytes(),
        body.as_bytes(),
    ] {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part);
    }
    let source_id = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let mut unique: Vec<String> = Vec::new();
    for tag in tags {
        if !tag.is_empty() && !unique.contains(&tag) {
            unique.push(tag);
        }
    }
    SourceEntry {
        source_id,
        occurred_at: at,
        all_day,
        title: title.to_owned(),
        body: body.to_owned(),
        tags: unique,
        starred,
        media: Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Dates and times, shared by the JSON export and the text file

/// A date and time as jrnl's timeformats write them: `None` if it does not look like a date,
/// `Err` if it does but is none. A bare date means the entry has no time (jrnl gives it 09:00).
fn parse_stamp(stamp: &str) -> Option<std::result::Result<(NaiveDateTime, bool), ()>> {
    let stamp = stamp.trim();
    let (date, time) = stamp.split_once([' ', 'T']).unwrap_or((stamp, ""));
    let parts: Vec<&str> = date.split('-').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = (number(parts[0]), number(parts[1]), number(parts[2]));
    let date = (1..=9999)
        .contains(&year)
        .then(|| NaiveDate::from_ymd_opt(year as i32, month, day))
        .flatten();
    let time = if time.trim().is_empty() {
        Some((NaiveTime::from_hms_opt(9, 0, 0), true))
    } else {
        parse_time(time).map(|t| (Some(t), false))
    };
    Some(match (date, time) {
        (Some(date), Some((Some(time), all_day))) => Ok((date.and_time(time), all_day)),
        _ => Err(()),
    })
}

/// `21:10`, `21:10:00`, `9:10 PM`, `09:10:00 pm`.
fn parse_time(time: &str) -> Option<NaiveTime> {
    let time = time.trim().to_ascii_lowercase();
    let (clock, pm) = match time
        .strip_suffix("am")
        .or_else(|| time.strip_suffix("a.m."))
    {
        Some(clock) => (clock.trim_end(), Some(false)),
        None => match time
            .strip_suffix("pm")
            .or_else(|| time.strip_suffix("p.m."))
        {
            Some(clock) => (clock.trim_end(), Some(true)),
            None => (time.as_str(), None),
        },
    };
    let fields: Vec<u32> = clock
        .split(':')
        .map(|f| {
            if f.len() == 2 || f.len() == 1 {
                f.parse().ok()
            } else {
                None
            }
        })
        .collect::<Option<_>>()?;
    let (hour, minute, second) = match fields[..] {
        [h, m] => (h, m, 0),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    let hour = match pm {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}
