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
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::store::secret::Passphrase;
use crate::transfer::import::{MAX_FILE_BYTES, SourceEntry, SourceFile, SourceFormat, refuse};

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
// JSON export (`jrnl --format json`, plugins/json_exporter.py)

fn parse_json(text: &str) -> Result<Vec<SourceEntry>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            refuse("This jrnl export is cut short: the file ends in the middle of the JSON.")
        } else {
            refuse(format!(
                "This is not valid JSON (line {}, column {}).",
                e.line(),
                e.column()
            ))
        }
    })?;
    let Some(root) = value.as_object() else {
        return Err(refuse("This is not a jrnl export."));
    };
    let entries = match (root.get("tags"), root.get("entries")) {
        (Some(Value::Object(_)), Some(Value::Array(entries))) => entries,
        _ if root.contains_key("metadata") => {
            return Err(refuse(
                "This is not a jrnl export: it looks like a Day One export; import it as Day One.",
            ));
        }
        _ => {
            return Err(refuse(
                "This is not a jrnl export: it has no \"tags\" and \"entries\".",
            ));
        }
    };
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| json_entry(i + 1, e))
        .collect()
}

fn json_entry(n: usize, value: &Value) -> Result<SourceEntry> {
    let text = |key: &str| -> Result<&str> {
        value.get(key).and_then(Value::as_str).ok_or_else(|| {
            refuse(format!(
                "Entry {n} of this jrnl export has no \"{key}\" text: this is not a jrnl export."
            ))
        })
    };
    let (title, body, date, time) = (text("title")?, text("body")?, text("date")?, text("time")?);
    let stamp = format!("{date} {time}");
    let at = match parse_stamp(&stamp) {
        Some(Ok((at, _))) => at,
        _ => {
            return Err(refuse(format!(
                "Entry {n} (\"{title}\") has the date \"{stamp}\", which is not a real date and time."
            )));
        }
    };
    let tags = match value.get("tags") {
        None => Vec::new(),
        Some(Value::Array(tags)) => tags
            .iter()
            .filter_map(Value::as_str)
            .map(|t| t.trim_start_matches(['@', '#']).to_owned())
            .collect(),
        Some(_) => {
            return Err(refuse(format!(
                "Entry {n} (\"{title}\") has tags that are not a list."
            )));
        }
    };
    let starred = value
        .get("starred")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Ok(entry(at, false, title, body, tags, starred))
}

// ---------------------------------------------------------------------------------------------
// Plain text (journals/Journal.py `_parse`, `LegacyJournal._parse`; journals/Entry.py)

/// Where an entry line's date ends and its text begins, and when it was.
struct Head {
    at: NaiveDateTime,
    all_day: bool,
    text_from: usize,
}

fn parse_text(text: &str) -> Result<(Vec<SourceEntry>, Vec<String>)> {
    let text = text.replace("\r\n", "\n");
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line.trim_end_matches('\n')));
        offset += line.len();
    }
    let mut heads = find_heads(&lines, bracketed_head)?;
    if heads.is_empty() {
        heads = find_heads(&lines, legacy_head)?;
    }
    if heads.is_empty() {
        return Err(refuse(
            "This is not a jrnl journal: no line starts an entry as jrnl writes them, like \"[2024-01-31 09:15] Title\".",
        ));
    }
    let mut notes = Vec::new();
    if let Some(&(first, _)) = heads.first()
        && !text[..lines[first].0].trim().is_empty()
    {
        notes.push(format!("The text before the first entry (lines 1 to {first}) is not an entry and was not imported."));
    }
    let mut entries = Vec::with_capacity(heads.len());
    for (k, (_, head)) in heads.iter().enumerate() {
        let end = heads
            .get(k + 1)
            .map_or(text.len(), |(line, _)| lines[*line].0.saturating_sub(1));
        let raw = &text[head.text_from..end.max(head.text_from)];
        let (title, body, starred) = split_entry(raw);
        entries.push(entry(
            head.at,
            head.all_day,
            &title,
            &body,
            find_tags(raw),
            starred,
        ));
    }
    entries.sort_by_key(|e| e.occurred_at);
    Ok((entries, notes))
}

type HeadFn = fn(&str) -> Option<std::result::Result<(NaiveDateTime, bool, usize), ()>>;

fn find_heads(lines: &[(usize, &str)], head: HeadFn) -> Result<Vec<(usize, Head)>> {
    let mut heads = Vec::new();
    for (i, (offset, line)) in lines.iter().enumerate() {
        match head(line) {
            None => {}
            Some(Ok((at, all_day, skip))) => heads.push((
                i,
                Head {
                    at,
                    all_day,
                    text_from: offset + skip,
                },
            )),
            Some(Err(())) => {
                let shown: String = line.chars().take(40).collect();
                return Err(refuse(format!(
                    "Line {}: \"{shown}\" starts an entry with a date that is not a real date and time.",
                    i + 1
                )));
            }
        }
    }
    Ok(heads)
}

/// `[2024-01-31 09:15] Title` (jrnl 2+): `None` if the line is not an entry line at all.
fn bracketed_head(line: &str) -> Option<std::result::Result<(NaiveDateTime, bool, usize), ()>> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let rest = &inner[close + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let skip = 1 + close + 1 + usize::from(rest.starts_with(' '));
    Some(parse_stamp(&inner[..close])?.map(|(at, all_day)| (at, all_day, skip)))
}

/// `2024-01-31 09:15 Title` (jrnl 1.x, its default timeformat `%Y-%m-%d %H:%M`).
fn legacy_head(line: &str) -> Option<std::result::Result<(NaiveDateTime, bool, usize), ()>> {
    let stamp = line.get(..16)?;
    let shape = stamp.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        10 => b == b' ',
        13 => b == b':',
        _ => b.is_ascii_digit(),
    });
    let rest = &line[16..];
    if !shape || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some(parse_stamp(stamp)?.map(|(at, _)| (at, false, 16 + usize::from(!rest.is_empty()))))
}

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

/// Title, body and star of an entry's text, as `Entry._parse_text` and `split_title` make them.
fn split_entry(raw: &str) -> (String, String, bool) {
    let mut text = raw.to_owned();
    let first = raw.lines().next().unwrap_or("");
    let starred = first.trim().ends_with('*');
    if starred {
        let rest: Vec<&str> = raw.lines().skip(1).collect();
        text = format!(
            "{}\n{}",
            first.trim_matches([' ', '*', '\n']),
            rest.join("\n")
        );
    }
    let text = text.trim_start();
    let cut = match text.find('\n') {
        Some(newline) => newline + 1,
        None => sentence_end(text).unwrap_or(text.len()),
    };
    (
        text[..cut].trim().to_owned(),
        text[cut..].trim().to_owned(),
        starred,
    )
}

/// The end of the first sentence: a terminal, an optional closing quote and brackets, then
/// whitespace (jrnl's `SENTENCE_SPLITTER`), or a CJK full stop.
fn sentence_end(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if "！．？｡。".contains(c) {
            return Some(at + c.len_utf8());
        }
        if !".!?…‼‽⁇⁈⁉⋯﹒﹗".contains(c) {
            continue;
        }
        let mut j = k + 1;
        if chars.get(j).is_some_and(|&(_, q)| "'’\"”".contains(q)) {
            j += 1;
        }
        while chars.get(j).is_some_and(|&(_, b)| b == ']' || b == ')') {
            j += 1;
        }
        let spaces = chars[j.min(chars.len())..]
            .iter()
            .take_while(|(_, s)| s.is_whitespace())
            .count();
        if spaces > 0 {
            return Some(chars.get(j + spaces).map_or(text.len(), |&(end, _)| end));
        }
    }
    None
}

/// Tags as jrnl's `(?<!\S)([@][-+*#/\w]+)` finds them, lowercased, without the `@`.
fn find_tags(text: &str) -> Vec<String> {
    let word = |c: char| c.is_alphanumeric() || "_-+*#/".contains(c);
    let mut tags = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '@'
            && prev.is_none_or(char::is_whitespace)
            && chars.peek().is_some_and(|&n| word(n))
        {
            let mut tag = String::new();
            while let Some(&n) = chars.peek().filter(|&&n| word(n)) {
                tag.push(n);
                chars.next();
            }
            prev = tag.chars().last();
            tags.push(tag.to_lowercase());
        } else {
            prev = Some(c);
        }
    }
    tags
}

// ---------------------------------------------------------------------------------------------
// Encryption (jrnl/encryption/Jrnlv1Encryption.py, Jrnlv2Encryption.py, Jrnlv3Encryption.py)

mod crypto {
    use aes::cipher::{BlockDecryptMut, KeyIvInit, block_padding::NoPadding, block_padding::Pkcs7};
    use data_encoding::{BASE64, BASE64URL, BASE64URL_NOPAD};
    use hmac::{Hmac, Mac};
    use sha2::{Digest, Sha256};
    use zeroize::Zeroizing;

    use crate::error::{Error, Result};
    use crate::transfer::import::refuse;

    /// jrnl's fixed v2 salt (see its advisory GHSA-rhx6-37mm-5q9r); v3 stores a random one.
    const V2_SALT: &[u8] = b"\xf2\xd5q\x0e\xc1\x8d.\xde\xdc\x8e6t\x89\x04\xce\xf8";
    const ITERATIONS: u32 = 100_000;
    const V3_MAGIC: &[u8] = b"JRNLv3";

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) enum Kind {
        V1,
        V2,
        V3,
    }

    /// The encryption a file uses, or `None` for a file that is not encrypted. v1 has no marker:
    /// whole AES blocks (IV and at least one) that are not text, where a random IV is binary.
    pub(super) fn kind(bytes: &[u8]) -> Option<Kind> {
        if bytes.starts_with(V3_MAGIC) {
            Some(Kind::V3)
        } else if bytes.starts_with(b"gAAAAA") {
            Some(Kind::V2)
        } else {
            let binary = bytes
                .iter()
                .take(16)
                .any(|&b| b >= 0x7f || (b < 0x20 && !b"\t\n\r".contains(&b)));
            (bytes.len() >= 32
                && bytes.len().is_multiple_of(16)
                && binary
                && std::str::from_utf8(bytes).is_err())
            .then_some(Kind::V1)
        }
    }

    fn wrong_password() -> Error {
        Error::validation(
            "password",
            "That is not the password of this jrnl journal, or the file is damaged.",
        )
    }

    fn damaged(what: &str) -> Error {
        refuse(format!("This encrypted jrnl journal is damaged: {what}."))
    }

    pub(super) fn decrypt(kind: Kind, bytes: &[u8], password: &[u8]) -> Result<String> {
        let plain = match kind {
            Kind::V1 => v1(bytes, password)?,
            Kind::V2 => fernet(bytes, &derive(password, V2_SALT))?,
            Kind::V3 => {
                let (salt, token) = v3_header(bytes)?;
                fernet(token, &derive(password, &salt))?
            }
        };
        String::from_utf8(plain.to_vec()).map_err(|_| match kind {
            Kind::V1 => wrong_password(),
            _ => damaged("its text is not UTF-8"),
        })
    }

    fn derive(password: &[u8], salt: &[u8]) -> Zeroizing<[u8; 32]> {
        let mut key = Zeroizing::new([0u8; 32]);
        pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, ITERATIONS, key.as_mut());
        key
    }

    /// `JRNLv3`, a big-endian u16 length, a header (base64 of JSON, or raw JSON in early files)
    /// holding `"salt"` (urlsafe base64), then the Fernet token.
    fn v3_header(bytes: &[u8]) -> Result<(Vec<u8>, &[u8])> {
        let rest = &bytes[V3_MAGIC.len()..];
        let (len, rest) = match rest {
            [hi, lo, rest @ ..] => (usize::from(u16::from_be_bytes([*hi, *lo])), rest),
            _ => return Err(damaged("its header is cut short")),
        };
        let (header, token) = rest
            .split_at_checked(len)
            .ok_or_else(|| damaged("its header is cut short"))?;
        let json = BASE64.decode(header).unwrap_or_else(|_| header.to_vec());
        let header: serde_json::Value =
            serde_json::from_slice(&json).map_err(|_| damaged("its header is not readable"))?;
        let salt = header
            .get("salt")
            .and_then(|s| s.as_str())
            .ok_or_else(|| damaged("its header has no salt"))?;
        let salt = decode_url(salt.as_bytes())
            .filter(|s| !s.is_empty())
            .ok_or_else(|| damaged("its salt is not readable"))?;
        Ok((salt, token))
    }

    fn decode_url(text: &[u8]) -> Option<Vec<u8>> {
        let text = text.trim_ascii();
        BASE64URL
            .decode(text)
            .or_else(|_| BASE64URL_NOPAD.decode(text.strip_suffix(b"=").unwrap_or(text)))
            .ok()
    }

    /// A Fernet token: 0x80, timestamp (8), IV (16), AES-128-CBC ciphertext, HMAC-SHA256 (32)
    /// over everything before it. Signing key = first half of the key, encryption key = second.
    fn fernet(token: &[u8], key: &[u8; 32]) -> Result<Zeroizing<Vec<u8>>> {
        let data = decode_url(token).ok_or_else(|| damaged("it is not a Fernet token"))?;
        if data.len() < 1 + 8 + 16 + 16 + 32 || (data.len() - 57) % 16 != 0 || data[0] != 0x80 {
            return Err(damaged("it is not a Fernet token"));
        }
        let (signed, tag) = data.split_at(data.len() - 32);
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key[..16])
            .map_err(|_| Error::Internal("HMAC key".into()))?;
        mac.update(signed);
        mac.verify_slice(tag).map_err(|_| wrong_password())?;
        let (iv, ciphertext) = signed[9..].split_at(16);
        cbc::Decryptor::<aes::Aes128>::new_from_slices(&key[16..], iv)
            .map_err(|_| Error::Internal("AES key".into()))?
            .decrypt_padded_vec_mut::<Pkcs7>(ciphertext)
            .map(Zeroizing::new)
            .map_err(|_| damaged("its padding is wrong"))
    }

    /// v1: AES-256-CBC, key SHA-256(password), the IV first; PKCS7, or spaces in ancient files.
    fn v1(bytes: &[u8], password: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        let key = Zeroizing::new(<[u8; 32]>::from(Sha256::digest(password)));
        let (iv, ciphertext) = bytes.split_at(16);
        let mut plain = Zeroizing::new(
            cbc::Decryptor::<aes::Aes256>::new_from_slices(key.as_ref(), iv)
                .map_err(|_| Error::Internal("AES key".into()))?
                .decrypt_padded_vec_mut::<NoPadding>(ciphertext)
                .map_err(|_| damaged("its length is wrong"))?,
        );
        let Some(&last) = plain.last() else {
            return Err(damaged("it is empty"));
        };
        let keep = if last == b' ' {
            plain.iter().rposition(|&b| b != b' ').map_or(0, |p| p + 1)
        } else {
            let pad = usize::from(last);
            if !(1..=16).contains(&pad) || !plain[plain.len() - pad..].iter().all(|&b| b == last) {
                return Err(wrong_password());
            }
            plain.len() - pad
        };
        plain.truncate(keep);
        Ok(plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../../tests/fixtures/jrnl/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn refused(bytes: &[u8], password: Option<&str>) -> (String, String) {
        match read(bytes, password.map(Passphrase::new).as_ref()) {
            Err(Error::Validation { field, message }) => (field.into_owned(), message),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    fn ok(bytes: &[u8], password: Option<&str>) -> SourceFile {
        read(bytes, password.map(Passphrase::new).as_ref()).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The five entries every fixture holds (jrnl wrote them all from the same commands).
    fn check_journal(file: &SourceFile) {
        let titles: Vec<&str> = file.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Morning pages",
                "Finished the first draft! @Writing @milestone",
                "Lunch with Dana @mentor",
                "Leap day.",
                "Quiet evening"
            ]
        );
        let [morning, draft, lunch, leap, quiet] = &file.entries[..] else {
            panic!("five entries")
        };
        assert_eq!(morning.occurred_at, at("2023-11-02 07:45:00"));
        assert_eq!(
            morning.body,
            "Coffee first, then three pages about the week ahead. @writing\n\n- call the printer\n- draft chapter two"
        );
        assert_eq!(
            draft.occurred_at,
            at("2023-11-02 21:10:00"),
            "9:10 PM is 21:10, never shifted"
        );
        assert!(
            draft.starred && !morning.starred,
            "only the entry written with ` *` is starred"
        );
        let mut tags = draft.tags.clone();
        tags.sort();
        assert_eq!(
            tags,
            ["mentor", "milestone", "writing"],
            "tags are jrnl's, lowercased, without @"
        );
        assert_eq!(
            lunch.occurred_at,
            at("2024-01-15 12:05:00"),
            "12:05 PM is noon"
        );
        assert!(lunch.body.starts_with(
            "We talked about pacing at the café on Main Street.\n[note] She recommends"
        ));
        assert!(lunch.body.ends_with(
            "## Next steps\nRead [her essay](https://example.org/essay) and reply. @Mentor @reading"
        ));
        assert_eq!(
            leap.occurred_at,
            at("2024-02-29 00:30:00"),
            "12:30 AM is half past midnight"
        );
        assert_eq!(leap.body, "Could not sleep, so I wrote this instead.");
        assert_eq!((quiet.body.as_str(), quiet.tags.len()), ("", 0));
        assert!(
            file.entries
                .iter()
                .all(|e| !e.all_day && e.media.is_empty() && e.source_id.len() == 64)
        );
    }

    #[test]
    fn reads_every_form_of_the_same_journal_alike() {
        let text = ok(&fixture("journal-24h.txt"), None);
        assert_eq!(text.format, SourceFormat::JrnlText);
        check_journal(&text);
        assert_eq!(
            text.entries[2].tags,
            ["mentor", "reading"],
            "first-seen order, deduplicated across case"
        );
        let ampm = ok(&fixture("journal-ampm.txt"), None);
        let json = ok(&fixture("export.json"), None);
        assert_eq!(json.format, SourceFormat::JrnlJson);
        let v1 = ok(&fixture("journal-v1.jrnl"), Some("jrnl-v1-pass"));
        for (name, file) in [("am/pm", &ampm), ("json", &json), ("v1", &v1)] {
            check_journal(file);
            let ids = |f: &SourceFile| {
                f.entries
                    .iter()
                    .map(|e| e.source_id.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                ids(file),
                ids(&text),
                "{name}: the same entry has the same identity in every form"
            );
        }
        assert_eq!(v1.format, SourceFormat::JrnlEncrypted);
    }

    #[test]
    fn reads_fernet_journals_v2_and_v3() {
        let v2 = ok(&fixture("journal-v2.jrnl"), Some("correct horse v2"));
        let v3 = ok(&fixture("journal-v3.jrnl"), Some("pässwörd v3"));
        check_journal(&v2);
        check_journal(&v3);
        assert_eq!(v2.entries, v3.entries);
        assert_eq!(v2.format, SourceFormat::JrnlEncrypted);
    }

    #[test]
    fn refuses_wrong_passwords_and_damage_without_panicking() {
        for name in ["journal-v1.jrnl", "journal-v2.jrnl", "journal-v3.jrnl"] {
            let bytes = fixture(name);
            assert_eq!(
                refused(&bytes, None),
                (
                    "password".into(),
                    "This jrnl journal is encrypted: enter its password.".into()
                )
            );
            let (field, message) = refused(&bytes, Some("not it"));
            assert_eq!(field, "password", "{name}");
            assert!(
                message.starts_with("That is not the password of this jrnl journal"),
                "{name}: {message}"
            );
        }
        let mut v2 = fixture("journal-v2.jrnl");
        v2[200] = if v2[200] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            refused(&v2, Some("correct horse v2")).0,
            "password",
            "a flipped byte fails the HMAC"
        );
        let v3 = fixture("journal-v3.jrnl");
        assert!(refused(&v3[..7], Some("x")).1.contains("damaged"));
        assert!(refused(&v3[..40], Some("x")).1.contains("damaged"));
        let v1 = fixture("journal-v1.jrnl");
        let (_, message) = refused(&v1[..v1.len() - 5], Some("jrnl-v1-pass"));
        assert!(
            message.contains("UTF-8"),
            "a cut v1 file is no longer whole blocks: {message}"
        );
    }

    #[test]
    fn refuses_what_is_not_a_jrnl_export() {
        let json = fixture("export.json");
        assert!(
            refused(&json[..json.len() / 2], None)
                .1
                .contains("cut short")
        );
        assert!(
            refused(br#"{"foo":1}"#, None)
                .1
                .starts_with("This is not a jrnl export")
        );
        let dayone = br#"{"metadata":{"version":"1.0"},"entries":[{"uuid":"A","creationDate":"2024-04-16T23:00:00Z"}]}"#;
        assert!(refused(dayone, None).1.contains("Day One"));
        let bad = br#"{"tags":{},"entries":[{"title":"Odd","body":"","date":"2024-13-01","time":"09:00"}]}"#;
        assert_eq!(
            refused(bad, None).1,
            "Entry 1 (\"Odd\") has the date \"2024-13-01 09:00\", which is not a real date and time."
        );
    }

    #[test]
    fn refuses_bad_text_with_its_line() {
        let mut latin1 = fixture("journal-24h.txt");
        let cafe = latin1
            .windows(2)
            .position(|w| w == "é".as_bytes())
            .unwrap_or_else(|| panic!("café"));
        latin1.splice(cafe..cafe + 2, [0xe9]);
        assert_eq!(
            refused(&latin1, None).1,
            format!("This file is not UTF-8 text: line 13 (byte {cafe}) is not valid UTF-8.")
        );
        for (stamp, line) in [
            ("0000-01-01 09:00", 3),
            ("99999-01-01 09:00", 3),
            ("2024-13-01 09:00", 3),
            ("2024-02-30 09:00", 3),
            ("2024-01-01 25:00", 3),
        ] {
            let text = format!("[2024-01-01 09:00] Fine\nbody\n[{stamp}] Absurd\n");
            let message = refused(text.as_bytes(), None).1;
            assert!(
                message.starts_with(&format!("Line {line}: \"[{stamp}] Absurd\"")),
                "{message}"
            );
        }
        assert!(
            refused(b"Dear diary,\nnothing here looks like jrnl.\n", None)
                .1
                .contains("no line starts an entry")
        );
        assert_eq!(refused(b"", None).1, "This file is empty.");
        assert_eq!(refused(b" \n\n", None).1, "This file is empty.");
        let huge = vec![b' '; usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX) + 1];
        assert!(
            refused(&huge, None)
                .1
                .starts_with("This file is larger than 256 MiB")
        );
    }

    #[test]
    fn splits_as_jrnl_does() {
        let text = "preamble\n[2024-01-01 9:05 am] One line. Then more @A @a! @b@c x@d\n[2024-01-02] Day only *\n";
        let file = ok(text.as_bytes(), None);
        let [one, day] = &file.entries[..] else {
            panic!("two entries")
        };
        assert_eq!(
            (one.title.as_str(), one.body.as_str()),
            ("One line.", "Then more @A @a! @b@c x@d")
        );
        assert_eq!(
            (one.occurred_at, one.tags.clone()),
            (
                at("2024-01-01 09:05:00"),
                vec!["a".to_owned(), "b".to_owned()]
            )
        );
        assert_eq!(
            (day.title.as_str(), day.starred, day.all_day),
            ("Day only", true, true)
        );
        assert_eq!(
            file.notes.len(),
            1,
            "the preamble is reported, not dropped silently"
        );
        let legacy = ok(
            b"2012-05-01 10:00 Old style *\nbody [x] here\n2012-05-02 11:30 Next\n",
            None,
        );
        assert_eq!(legacy.entries.len(), 2);
        assert!(legacy.entries[0].starred && legacy.entries[0].body == "body [x] here");
    }
}
