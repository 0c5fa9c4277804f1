//! jrnl's plain-text journal (journals/Journal.py `_parse`, `LegacyJournal._parse`;
//! journals/Entry.py): finding the entry lines, bracketed or in jrnl 1.x's legacy form, and
//! splitting each entry into title, body, star and tags as jrnl does. Decrypted files are read
//! here too, which is why it is apart from the JSON export and the decryption.

use chrono::NaiveDateTime;

use super::{entry, parse_stamp};
use crate::error::Result;
use crate::transfer::import::{SourceEntry, refuse};

/// Where an entry line's date ends and its text begins, and when it was.
struct Head {
    at: NaiveDateTime,
    all_day: bool,
    text_from: usize,
}
pub(super) fn parse_text(text: &str) -> Result<(Vec<SourceEntry>, Vec<String>)> {
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
