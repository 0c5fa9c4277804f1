//! Everything `mj` prints: wrapped text for people, JSON for scripts, errors on stderr.
//!
//! Colour goes through `anstream`, which drops the escape codes when the stream is not a terminal
//! or `NO_COLOR` is set, so no verb decides that for itself. Text is wrapped to the terminal's
//! width only when stdout is a terminal: a pipe gets whole lines, which `grep` and `cut` want.
//! JSON is written with the core's own `Serialize` types where there is one, so the field names
//! are the ones the app's IPC uses (camelCase), documented verb by verb in `JSON.md`.

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// Widest a paragraph is wrapped to, even on a wide terminal: long lines are hard to read.
const MAX_WIDTH: usize = 100;

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const MARK: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
pub const WARN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
pub const GOOD: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));

#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub json: bool,
    /// Columns to wrap to; `None` when stdout is not a terminal.
    width: Option<usize>,
}

impl Out {
    pub fn new(json: bool) -> Self {
        let width = std::io::stdout()
            .is_terminal()
            .then(|| terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0)))
            .map(|w| w.clamp(20, MAX_WIDTH));
        Out { json, width }
    }

    /// Prints `value` as one JSON document.
    pub fn json(&self, value: &impl Serialize) -> journal::Result<()> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| journal::Error::Internal(format!("could not write JSON: {e}")))?;
        line(&text);
        Ok(())
    }

    /// Prints a paragraph, wrapped, each line after `indent` spaces.
    pub fn para(&self, indent: usize, text: &str) {
        let pad = " ".repeat(indent);
        match self.width {
            Some(width) => {
                let options = textwrap::Options::new(width.saturating_sub(1).max(indent + 10))
                    .initial_indent(&pad)
                    .subsequent_indent(&pad);
                for paragraph in text.split('\n') {
                    if paragraph.trim().is_empty() {
                        line("");
                    } else {
                        line(&textwrap::fill(paragraph, &options));
                    }
                }
            }
            None => {
                for paragraph in text.split('\n') {
                    line(&format!("{pad}{paragraph}"));
                }
            }
        }
    }
}

/// `text` in `style` (the codes are dropped later when colour is off).
pub fn styled(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// One line to stdout. A closed pipe (`mj search x | head -1`) is not an error worth a message.
pub fn line(text: &str) {
    let mut out = anstream::stdout();
    let _ = writeln!(out, "{text}");
}

/// A message for the person at the terminal, on stderr, so stdout stays the answer.
pub fn note(text: &str) {
    let mut err = anstream::stderr();
    let _ = writeln!(err, "{text}");
}

/// The core's message, in the app's words, on stderr.
pub fn error(err: &journal::Error) {
    let mut out = anstream::stderr();
    let _ = writeln!(out, "{}{err}", styled(WARN, "mj: "));
}

/// The core's search highlights (`<mark>`, escaped HTML) as terminal text: the marks become
/// `MARK`'s colour and the escapes their characters again.
pub fn marked(html: &str) -> String {
    let text = html
        .replace("<mark>", &format!("{MARK}"))
        .replace("</mark>", &format!("{MARK:#}"));
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A word of the core's vocabulary as people read it: `beforeImport` becomes "before import".
pub fn words(value: &impl Serialize) -> String {
    let wire = serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut out = String::new();
    for c in wire.chars() {
        if c.is_uppercase() {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else if c == '_' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// `n thing` or `n things`.
pub fn count(n: impl Into<u64>, thing: &str) -> String {
    let n = n.into();
    let consonant_y = thing
        .strip_suffix('y')
        .filter(|stem| !stem.ends_with(['a', 'e', 'i', 'o', 'u']));
    match (n, consonant_y) {
        (1, _) => format!("1 {thing}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {thing}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_become_plain_text_with_the_escapes_undone() {
        let shown = marked("&lt;b&gt; <mark>CV</mark> &amp; more");
        assert!(shown.starts_with("<b> "));
        assert!(shown.contains("CV"));
        assert!(shown.ends_with(" & more"));
        assert!(!shown.contains("mark>"), "no markup reaches the terminal");
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1u32, "note"), "1 note");
        assert_eq!(count(3u32, "note"), "3 notes");
        assert_eq!(count(2u32, "entry"), "2 entries");
        assert_eq!(count(2u32, "day"), "2 days");
    }
}
