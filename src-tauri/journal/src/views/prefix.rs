//! The last word typed into search is a prefix ("fel" finds "fellowship"). FTS5 answers a prefix
//! query by merging the whole list of notes of every word with that prefix before it returns the
//! first match: 6 ms at 100,000 notes for "mentor", where the word itself takes 0.1 ms, because
//! a single word's list is read lazily, newest first, and the walk stops at the limit.
//!
//! So a prefix becomes the words the index holds that start with it, joined with OR, which FTS5
//! also reads lazily: `mentor*` is `("mentor" OR "mentors" OR "mentorship")`. The words come from
//! the index's own vocabulary (an `fts5vocab` table over it, in the connection's temporary schema,
//! which holds nothing): each lookup seeks to the next word after the last one found, so it costs
//! a seek per word, not a read of the word's notes. When a prefix stands for many words ("m"), or
//! is not plain ASCII (where this module could fold letters differently from the index's
//! tokenizer), FTS5's own prefix query is used: always right, only slower.

use crate::error::Result;
use crate::journal::Journal;

/// More words than this and FTS5's own prefix query is used.
const MAX_WORDS: usize = 24;

impl Journal {
    /// The FTS5 expression for the prefix `word` (as typed: one word, no quotes).
    pub(crate) fn prefix_expression(&self, word: &str) -> Result<String> {
        let native = format!("\"{word}\"*");
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Ok(native);
        }
        let prefix = word.to_ascii_lowercase();
        self.conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words
                 USING fts5vocab(main, search_index, instance);",
        )?;
        let mut next = self
            .conn
            .prepare_cached("SELECT term FROM temp.search_words WHERE term >= ?1 LIMIT 1")?;
        let mut words: Vec<String> = Vec::new();
        let mut from = prefix.clone();
        loop {
            let found: Option<String> = next
                .query_row([&from], |row| row.get(0))
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            let Some(term) = found.filter(|t| t.starts_with(&prefix)) else {
                break;
            };
            if words.len() == MAX_WORDS {
                return Ok(native);
            }
            // The smallest string after `term`: words are letters and digits, never U+0001.
            from = format!("{term}\u{1}");
            words.push(term);
        }
        if words.is_empty() {
            return Ok(format!("\"{word}\""));
        }
        let alternatives: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        Ok(format!("({})", alternatives.join(" OR ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::{ConversationInput, MentorInput, SearchQuery};

    #[test]
    fn a_prefix_becomes_the_words_that_start_with_it_or_fts5s_own_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let journal = crate::test_journal(dir.path());
        let m = journal.add_mentor(&MentorInput::named("Dr. Osei")).unwrap();
        let many: Vec<String> = (0..30).map(|i| format!("zeta{i}")).collect();
        for body in [
            "Mentor and mentorship, mentors.".to_owned(),
            "A mentee asked; the menu was long.".to_owned(),
            many.join(" "),
        ] {
            let input = ConversationInput {
                mentor_id: Some(m.id),
                body,
                ..ConversationInput::default()
            };
            journal.add_conversation(&input, false).unwrap();
        }
        assert_eq!(
            journal.prefix_expression("Mentor").unwrap(),
            "(\"mentor\" OR \"mentors\" OR \"mentorship\")"
        );
        assert_eq!(
            journal.prefix_expression("ment").unwrap(),
            "(\"mentee\" OR \"mentor\" OR \"mentors\" OR \"mentorship\")"
        );
        assert_eq!(journal.prefix_expression("nothing").unwrap(), "\"nothing\"");
        assert_eq!(
            journal.prefix_expression("zeta").unwrap(),
            "\"zeta\"*",
            "too many"
        );
        assert_eq!(journal.prefix_expression("Müll").unwrap(), "\"Müll\"*");
        assert_eq!(
            journal.prefix_expression("post-op").unwrap(),
            "\"post-op\"*"
        );

        let count = |text: &str| {
            let q = SearchQuery {
                text: text.into(),
                ..SearchQuery::default()
            };
            journal.search(&q).unwrap().len()
        };
        assert_eq!(count("ment"), 2, "both notes, through the words");
        assert_eq!(count("zet"), 1, "through FTS5's prefix");
        assert_eq!(count("osei ment"), 0, "a mentor's row has no such word");
    }
}
