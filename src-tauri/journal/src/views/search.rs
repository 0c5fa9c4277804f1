//! Full-text search over mentors, conversations (with their takeaways), action items, goals (with
//! their review notes) and parked questions, using the
//! FTS5 index that lives inside the encrypted database and that triggers keep in step with writes.
//!
//! What the user types is never passed to FTS5 as query syntax: each word becomes a quoted term
//! (the last one a prefix, for type-as-you-search) and text in double quotes becomes a phrase.
//! Results come newest first, which stays fast at any journal size, unlike ranking by relevance.
//! Matches are highlighted with sentinel characters, the text is HTML-escaped, and only then are the
//! sentinels turned into `<mark>`, so a note's own markup can never reach the webview as HTML.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::journal::Journal;
use crate::markdown::plain_text;
use crate::mentors::MentorId;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SearchQuery {
    pub text: String,
    pub mentor_id: Option<MentorId>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SearchKind {
    Mentor,
    Conversation,
    Action,
    Goal,
    Question,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchKind,
    #[ts(type = "number")]
    pub item_id: i64,
    pub mentor_id: Option<MentorId>,
    pub date: Option<NaiveDate>,
    /// Escaped HTML with the matches in `<mark>`.
    pub title_html: String,
    pub snippet_html: String,
}

const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';
const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 500;
const MAX_QUERY_CHARS: usize = 1_000;

/// Turns typed text into a safe FTS5 query, or `None` when there is nothing to look for.
///
/// Each whitespace-separated word becomes an FTS5 string, which FTS5 splits with the index's own
/// tokenizer: "half-written", "post-op" or "Müller-Łukasiewicz" become phrases of their parts,
/// exactly as the note's text was split when it was indexed. Only `"` is special inside a string,
/// and the typed text is split on it first, so nothing typed can become query syntax.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let has_token = |s: &str| s.chars().any(char::is_alphanumeric);
    for (i, part) in text.split('"').enumerate() {
        let quoted = i % 2 == 1;
        if quoted {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if has_token(&phrase) {
                terms.push(format!("\"{phrase}\""));
            }
        } else {
            for word in part.split_whitespace().filter(|w| has_token(w)) {
                terms.push(format!("\"{word}\""));
            }
        }
    }
    let ends_in_word = text.chars().last().is_some_and(|c| c.is_alphanumeric());
    if let Some(last) = terms
        .last_mut()
        .filter(|_| ends_in_word && !text.trim_end().ends_with('"'))
    {
        last.push('*');
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn escape_marked(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            OPEN => out.push_str("<mark>"),
            CLOSE => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Journal {
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        if query.text.chars().count() > MAX_QUERY_CHARS {
            return Err(crate::error::Error::validation(
                "text",
                "Search for something shorter.",
            ));
        }
        let Some(fts) = fts_query(&query.text) else {
            return Ok(Vec::new());
        };
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, item_id, mentor_id, happened,
                    highlight(search_index, 4, char(1), char(2)),
                    snippet(search_index, 5, char(1), char(2), '…', 24)
             FROM search_index
             WHERE search_index MATCH ?1
               AND (?2 IS NULL OR mentor_id = ?2)
               AND (?3 IS NULL OR happened >= ?3)
               AND (?4 IS NULL OR happened <= ?4)
             ORDER BY happened DESC, rowid DESC
             LIMIT ?5",
        )?;
        let rows = stmt.query_map(
            params![
                fts,
                query.mentor_id.map(|m| m.0),
                query.from,
                query.to,
                limit
            ],
            |row| {
                let kind: String = row.get(0)?;
                Ok(SearchHit {
                    kind: match kind.as_str() {
                        "mentor" => SearchKind::Mentor,
                        "conversation" => SearchKind::Conversation,
                        "goal" => SearchKind::Goal,
                        "question" => SearchKind::Question,
                        _ => SearchKind::Action,
                    },
                    item_id: row.get(1)?,
                    mentor_id: row.get::<_, Option<i64>>(2)?.map(MentorId),
                    date: row
                        .get::<_, Option<String>>(3)?
                        .and_then(|d| d.parse().ok()),
                    title_html: escape_marked(&row.get::<_, String>(4)?),
                    snippet_html: escape_marked(&plain_text(&row.get::<_, String>(5)?)),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_quoted_terms_with_a_prefix_on_the_last() {
        assert_eq!(
            fts_query("study protocol").as_deref(),
            Some("\"study\" \"protocol\"*")
        );
        assert_eq!(
            fts_query("\"study protocol\" draft ").as_deref(),
            Some("\"study protocol\" \"draft\"")
        );
        assert_eq!(
            fts_query("NEAR(a b) OR x*").as_deref(),
            Some("\"NEAR(a\" \"b)\" \"OR\" \"x*\""),
            "operators and stars stay inside strings, where they are only text"
        );
        assert_eq!(
            fts_query("Half-written follow-up").as_deref(),
            Some("\"Half-written\" \"follow-up\"*"),
            "a hyphenated word is one string, which FTS5 reads as the phrase of its parts"
        );
        assert_eq!(fts_query("  ** \"\" "), None);
    }

    #[test]
    fn highlights_are_the_only_markup() {
        assert_eq!(
            escape_marked("<b>\u{1}CV\u{2}</b>"),
            "&lt;b&gt;<mark>CV</mark>&lt;/b&gt;"
        );
    }
}
