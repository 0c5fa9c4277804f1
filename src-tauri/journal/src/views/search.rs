//! Full-text search over mentors, conversations (with their takeaways), action items, goals (with
//! their review notes) and parked questions, using the FTS5 index that lives inside the encrypted
//! database and that triggers keep in step with writes (migration 0007 says how it is laid out).
//!
//! What the user types is never passed to FTS5 as query syntax: each word becomes a quoted term
//! (the last one a prefix, for type-as-you-search) and text in double quotes becomes a phrase.
//! Results come newest first, which stays fast at any journal size, unlike ranking by relevance.
//! A mentor filter and the reflections filter are tokens of the index's `who` column ("m<id>",
//! "reflection"; migrations 0007 and 0009), part of the match itself, so a filtered search walks
//! the index as fast as an open one.
//!
//! Matches are marked with sentinel characters (`highlight.rs`), the text is HTML-escaped, and only
//! then are the sentinels turned into `<mark>`, so a note's own markup never reaches the webview.

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::journal::Journal;
use crate::markdown::plain_text;
use crate::mentors::MentorId;
use crate::views::highlight::{CLOSE, Needle, OPEN, highlight, needle, snippet};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SearchQuery {
    pub text: String,
    pub mentor_id: Option<MentorId>,
    /// Only private reflections (notes about no single mentor); not with a mentor.
    #[ts(optional)]
    pub reflections: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<u32>,
    /// Hits to skip, for the next page of results (the index walks past them, newest first).
    pub offset: Option<u32>,
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

const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 500;
const MAX_QUERY_CHARS: usize = 1_000;
const SNIPPET_TOKENS: usize = 24;
/// How a search row's key is laid out (see migration 0007): day << 35 | item id << 3 | kind.
const DAY_SHIFT: u32 = 35;
const ID_MASK: i64 = (1 << 32) - 1;

/// The words and phrases of typed text, each with whether it is a prefix (the last word, while
/// the user is still typing it). Text in double quotes is one phrase.
fn terms(text: &str) -> Vec<(String, bool)> {
    let mut terms: Vec<(String, bool)> = Vec::new();
    let has_token = |s: &str| s.chars().any(char::is_alphanumeric);
    for (i, part) in text.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if has_token(&phrase) {
                terms.push((phrase, false));
            }
        } else {
            for word in part.split_whitespace().filter(|w| has_token(w)) {
                terms.push((word.to_owned(), false));
            }
        }
    }
    let ends_in_word = text.chars().last().is_some_and(|c| c.is_alphanumeric());
    if let Some(last) = terms
        .last_mut()
        .filter(|_| ends_in_word && !text.trim_end().ends_with('"'))
    {
        last.1 = true;
    }
    terms
}

/// One term as an FTS5 string: only `"` is special inside one, and the typed text was split on it.
fn quoted(term: &str, prefix: bool) -> String {
    format!("\"{term}\"{}", if prefix { "*" } else { "" })
}

/// Turns typed text into a safe FTS5 query, or `None` when there is nothing to look for.
///
/// Each whitespace-separated word becomes an FTS5 string, which FTS5 splits with the index's own
/// tokenizer: "half-written", "post-op" or "Müller-Łukasiewicz" become phrases of their parts,
/// exactly as the note's text was split when it was indexed. Only `"` is special inside a string,
/// and the typed text is split on it first, so nothing typed can become query syntax. (`search`
/// builds the same query, with a prefix spelled out as the words it stands for: `prefix.rs`.)
#[cfg(test)]
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let terms = terms(text);
    (!terms.is_empty()).then(|| {
        terms
            .iter()
            .map(|(t, prefix)| quoted(t, *prefix))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The first key of a day's rows: SQLite's `CAST(julianday(day) AS INTEGER) << 35`.
pub(crate) fn day_key(day: NaiveDate) -> i64 {
    (i64::from(day.num_days_from_ce()) + 1_721_424) << DAY_SHIFT
}

fn kind_of(code: i64) -> SearchKind {
    match code {
        1 => SearchKind::Mentor,
        2 => SearchKind::Conversation,
        4 => SearchKind::Goal,
        5 => SearchKind::Question,
        _ => SearchKind::Action,
    }
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
    /// The newest `limit` items matching the typed text (and the mentor and dates, if given).
    ///
    /// FTS5 walks the index newest first (the rowid is the date) and stops at `limit`, so the time
    /// does not grow with how many notes match; only the hits shown are read from their tables.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        if query.text.chars().count() > MAX_QUERY_CHARS {
            return Err(crate::error::Error::validation(
                "text",
                "Search for something shorter.",
            ));
        }
        let reflections = query.reflections == Some(true);
        if reflections && query.mentor_id.is_some() {
            return Err(crate::error::Error::validation(
                "reflections",
                "Reflections are about no single mentor: search one mentor or the reflections.",
            ));
        }
        let terms = terms(&query.text);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let fts = terms
            .iter()
            .map(|(t, prefix)| {
                if *prefix && t.chars().all(char::is_alphanumeric) {
                    self.prefix_expression(t)
                } else {
                    Ok(quoted(t, *prefix))
                }
            })
            .collect::<Result<Vec<_>>>()?
            .join(" AND ");
        let mut expression = format!("{{title body}} : ({fts})");
        if let Some(mentor) = query.mentor_id {
            expression.push_str(&format!(" AND who : \"m{}\"", mentor.0));
        }
        if reflections {
            expression.push_str(" AND who : \"reflection\"");
        }
        let from = query.from.map_or(i64::MIN, day_key);
        let to = query
            .to
            .and_then(|d| d.succ_opt())
            .map_or(i64::MAX, |d| day_key(d) - 1);
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        // Without dates there is no rowid range to give FTS5; with one, it walks only that range.
        let sql = if query.from.is_none() && query.to.is_none() {
            "SELECT rowid FROM search_index WHERE search_index MATCH ?1
             ORDER BY rowid DESC LIMIT ?4 OFFSET ?5"
        } else {
            "SELECT rowid FROM search_index
             WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3
             ORDER BY rowid DESC LIMIT ?4 OFFSET ?5"
        };
        let offset = query.offset.unwrap_or(0);
        let keys: Vec<i64> = self
            .conn
            .prepare_cached(sql)?
            .query_map(params![expression, from, to, limit, offset], |row| {
                row.get(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        let needles: Vec<Needle> = terms
            .iter()
            .filter_map(|(t, prefix)| needle(t, *prefix))
            .collect();
        let mut read = self.conn.prepare_cached(
            "SELECT mentor_id, happened, title, body FROM search_documents
             WHERE kind = ?1 AND item_id = ?2",
        )?;
        let mut hits = Vec::with_capacity(keys.len());
        for key in keys {
            let (code, item_id) = (key & 7, (key >> 3) & ID_MASK);
            let row = read.query_row(params![code, item_id], |row| {
                Ok((
                    row.get::<_, Option<i64>>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            });
            // An index row whose item is gone would be a bug in the triggers: skip it rather
            // than fail the search. Any other failure (a damaged page) is the caller's to hear.
            let (mentor_id, happened, title, body) = match row {
                Ok(found) => found,
                Err(rusqlite::Error::QueryReturnedNoRows) => continue,
                Err(e) => return Err(e.into()),
            };
            hits.push(SearchHit {
                kind: kind_of(code),
                item_id,
                mentor_id: mentor_id.map(MentorId),
                date: happened.and_then(|d| d.parse().ok()),
                title_html: escape_marked(&highlight(&title, &needles)),
                snippet_html: escape_marked(&snippet(&plain_text(&body), &needles, SNIPPET_TOKENS)),
            });
        }
        Ok(hits)
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
