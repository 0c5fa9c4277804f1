//! Marking what matched in a search hit's title and choosing its snippet, in Rust.
//!
//! The search index holds no copy of the text (issue 16: it doubled the journal's size), so FTS5's
//! `highlight()` and `snippet()`, which read the indexed text back, cannot run. FTS5 still decides
//! which notes match; this module only marks, in the at most 50 hits shown, the words that made
//! them match. It splits text the way the index's `unicode61 remove_diacritics 2` tokenizer does
//! (runs of letters and digits, compared without case or accents), so "Müller" marks "muller" and
//! a hyphenated query marks the hyphenated word. Where the two could ever disagree, the cost is a
//! word left unmarked, never a wrong result.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Opening and closing sentinels around a match; `search` escapes the text and turns them into
/// `<mark>`.
pub(crate) const OPEN: char = '\u{1}';
pub(crate) const CLOSE: char = '\u{2}';

/// One term of a query: the tokens of a word or a quoted phrase, the last one maybe a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Needle {
    pub tokens: Vec<String>,
    pub prefix: bool,
}

/// A token of the text: where it is (byte offsets) and its folded form when it is not plain
/// ASCII (an ASCII word is compared ignoring case, without a copy: most words of most notes).
struct Token {
    start: usize,
    end: usize,
    folded: Option<String>,
}

impl Token {
    /// Whether this token is `want` (folded), or starts with it for a prefix.
    fn is(&self, text: &str, want: &str, prefix: bool) -> bool {
        let have = self
            .folded
            .as_deref()
            .unwrap_or(&text[self.start..self.end]);
        if prefix {
            have.len() >= want.len()
                && have.as_bytes()[..want.len()].eq_ignore_ascii_case(want.as_bytes())
        } else {
            have.eq_ignore_ascii_case(want)
        }
    }
}

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{E000}'..='\u{F8FF}')
}

/// Lower case without accents, as the index compares words (plain ASCII, most words, directly).
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn tokens(text: &str) -> Vec<Token> {
    let token = |start: usize, end: usize| {
        let word = &text[start..end];
        Token {
            start,
            end,
            folded: (!word.is_ascii()).then(|| fold(word)),
        }
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_token_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(token(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(token(s, text.len()));
    }
    out
}

/// The needles of a word or phrase as typed (already split on `"` by the caller).
pub(crate) fn needle(text: &str, prefix: bool) -> Option<Needle> {
    let tokens: Vec<String> = tokens(text)
        .into_iter()
        .map(|t| {
            t.folded
                .unwrap_or_else(|| text[t.start..t.end].to_ascii_lowercase())
        })
        .collect();
    (!tokens.is_empty()).then_some(Needle { tokens, prefix })
}

/// Where each needle matches in `tokens`: (first token, last token, which needle), in order.
fn matches(text: &str, tokens: &[Token], needles: &[Needle]) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        for (which, needle) in needles.iter().enumerate() {
            let n = needle.tokens.len();
            if i + n > tokens.len() {
                continue;
            }
            let hit = needle
                .tokens
                .iter()
                .enumerate()
                .all(|(k, want)| tokens[i + k].is(text, want, needle.prefix && k == n - 1));
            if hit {
                found.push((i, i + n - 1, which));
            }
        }
    }
    found.sort_unstable();
    found
}

/// `text[from..to]` with every match inside it wrapped in the sentinels; overlapping matches merge.
fn marked(
    text: &str,
    tokens: &[Token],
    found: &[(usize, usize, usize)],
    from: usize,
    to: usize,
) -> String {
    let mut out = String::with_capacity(to - from + 8);
    let mut at = from;
    let mut open_until: Option<usize> = None;
    for &(first, last, _) in found {
        let (s, e) = (tokens[first].start, tokens[last].end);
        if s < from || e > to {
            continue;
        }
        match open_until {
            Some(end) if s <= end => open_until = Some(end.max(e)),
            _ => {
                if let Some(end) = open_until.take() {
                    out.push_str(&text[at..end]);
                    out.push(CLOSE);
                    at = end;
                }
                out.push_str(&text[at..s]);
                out.push(OPEN);
                at = s;
                open_until = Some(e);
            }
        }
    }
    if let Some(end) = open_until {
        out.push_str(&text[at..end]);
        out.push(CLOSE);
        at = end;
    }
    out.push_str(&text[at..to]);
    out
}

/// The whole text with its matches marked (a title).
pub(crate) fn highlight(text: &str, needles: &[Needle]) -> String {
    let tokens = tokens(text);
    let found = matches(text, &tokens, needles);
    marked(text, &tokens, &found, 0, text.len())
}

/// A window of at most `size` tokens around the most matches, marked, with `…` where text was cut.
/// Ties go to the earliest window; the window starts a little before its first match, so the
/// reader sees what led up to it. Without a match it is the start of the text.
pub(crate) fn snippet(text: &str, needles: &[Needle], size: usize) -> String {
    let tokens = tokens(text);
    if tokens.is_empty() {
        return String::new();
    }
    let found = matches(text, &tokens, needles);
    let size = size.max(1);
    // The best window: the most different needles, then the most hits, then the earliest.
    let mut best = (0usize, 0usize);
    let mut first = 0usize;
    for &(start, _, _) in &found {
        let mut seen = vec![false; needles.len()];
        let mut hits = 0;
        for &(_, _, which) in found
            .iter()
            .filter(|(s, e, _)| *s >= start && *e < start + size)
        {
            seen[which] = true;
            hits += 1;
        }
        let score = (seen.iter().filter(|s| **s).count(), hits);
        if score > best {
            best = score;
            first = start;
        }
    }
    let lead = if found.is_empty() { 0 } else { size / 4 };
    let mut from_token = first.saturating_sub(lead);
    let to_token = (from_token + size).min(tokens.len()) - 1;
    if to_token + 1 == tokens.len() {
        from_token = (to_token + 1).saturating_sub(size);
    }
    let from = if from_token == 0 {
        0
    } else {
        tokens[from_token].start
    };
    let to = if to_token + 1 == tokens.len() {
        text.len()
    } else {
        tokens[to_token].end
    };
    let mut out = String::new();
    if from_token > 0 {
        out.push('…');
    }
    out.push_str(&marked(text, &tokens, &found, from, to));
    if to_token + 1 < tokens.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        s.replace(OPEN, "[").replace(CLOSE, "]")
    }

    fn words(list: &[&str], prefix_last: bool) -> Vec<Needle> {
        let n = list.len();
        list.iter()
            .enumerate()
            .filter_map(|(i, w)| needle(w, prefix_last && i == n - 1))
            .collect()
    }

    #[test]
    fn marks_words_without_case_or_accents_and_a_prefix_on_the_last() {
        let needles = words(&["muller", "prot"], true);
        assert_eq!(
            show(&highlight("Dr. Müller's protocol, MULLER again", &needles)),
            "Dr. [Müller]'s [protocol], [MULLER] again"
        );
        assert_eq!(
            show(&highlight("protocols", &words(&["protocol"], false))),
            "protocols",
            "a whole word is not a prefix"
        );
    }

    #[test]
    fn a_phrase_is_marked_as_one_span_and_only_in_order() {
        let needles = vec![needle("study protocol", false).unwrap()];
        assert_eq!(
            show(&highlight(
                "The study  protocol; protocol study; study-protocol",
                &needles
            )),
            "The [study  protocol]; protocol study; [study-protocol]"
        );
    }

    #[test]
    fn snippets_keep_the_most_matches_and_say_where_text_was_cut() {
        let text = (0..100)
            .map(|i| match i {
                10 => "abstract".to_owned(),
                60 => "abstract".to_owned(),
                62 => "deadline".to_owned(),
                _ => format!("w{i}"),
            })
            .collect::<Vec<_>>()
            .join(" ");
        let s = show(&snippet(
            &text,
            &words(&["abstract", "deadline"], false),
            12,
        ));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[abstract] w61 [deadline]"), "{s}");
        assert_eq!(s.matches(' ').count(), 11, "12 tokens: {s}");
        assert_eq!(
            show(&snippet("short note, no match", &words(&["x"], false), 24)),
            "short note, no match"
        );
        assert_eq!(
            show(&snippet("a b c d e", &words(&["zz"], false), 3)),
            "a b c…"
        );
        assert_eq!(
            show(&snippet("a b c d e", &words(&["e"], false), 3)),
            "…c d [e]"
        );
        assert_eq!(snippet("  … ", &words(&["e"], false), 3), "");
    }
}
