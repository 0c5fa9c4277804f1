//! Day One's entry text made plain: backslash escapes undone (only before ASCII punctuation),
//! media placeholders turned into markers, links to other entries into their text, and the
//! title taken from the first line. Apart from the JSON reading because it is pure string work.

use super::{RawEntry, media_kind};

/// A first line longer than this is not used whole as a title (validation allows 200).
const TITLE_MAX_CHARS: usize = 100;
/// Where a long first line is cut, at a word boundary, when it has no short first sentence.
pub(super) const TITLE_CUT_CHARS: usize = 80;

fn marker(kind: &str) -> String {
    format!("[{kind} not imported]")
}

/// Undoes Day One's backslash escapes (only before ASCII punctuation), replaces media
/// placeholders with a marker and turns links to other entries into their text, in one pass so
/// an escaped `\[` or `\!` is never mistaken for the start of a link.
pub(super) fn convert_text(text: &str, raw: &RawEntry) -> String {
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
pub(super) fn split_title(text: &str) -> (String, String) {
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
