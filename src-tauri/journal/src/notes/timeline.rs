//! Lists of finished notes, newest first: all of them, one mentor's, or the private reflections
//! (notes about no single mentor), plus the drafts waiting to be finished.
//!
//! Each scope is its own statement, so each walks an index backwards from where the last page
//! ended and stops after one page: `conversations_finished (mentor_id, occurred_at)` serves a
//! mentor and the reflections (`mentor_id IS NULL` is an equality on that index),
//! `conversations_time` serves all notes. A `?1 IS NULL OR mentor_id = ?1` filter would make
//! SQLite pick one plan for every case and read past pages it then throws away.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::conversations::{COLUMNS, Conversation, ConversationId, row_to_conversation};
use crate::error::Result;
use crate::journal::Journal;
use crate::mentors::MentorId;

/// Notes on one page of a timeline: a screenful or two, so a mentor page opens at once however
/// many notes there are, and scrolling on asks for the next page.
pub const CONVERSATION_PAGE: u32 = 50;

/// Which finished notes a list holds.
///
/// The core's own: the commands say the scope by which command they are (`conversations_list`
/// with a mentor or none, `reflections_list`), so the UI never builds one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteScope {
    /// Every note, with a mentor or not.
    #[default]
    All,
    /// The notes of one mentor.
    Mentor(MentorId),
    /// Private reflections: the notes about no single mentor.
    Reflections,
}

/// `None` is every note, as the mentor filter of the lists has always meant.
impl From<Option<MentorId>> for NoteScope {
    fn from(mentor: Option<MentorId>) -> Self {
        mentor.map_or(NoteScope::All, NoteScope::Mentor)
    }
}

impl From<MentorId> for NoteScope {
    fn from(mentor: MentorId) -> Self {
        NoteScope::Mentor(mentor)
    }
}

impl NoteScope {
    /// The filter for this scope (`?1` is the mentor), beside `is_draft = 0`.
    fn filter(self) -> &'static str {
        match self {
            NoteScope::All => "is_draft = 0",
            NoteScope::Mentor(_) => "is_draft = 0 AND mentor_id = ?1",
            NoteScope::Reflections => "is_draft = 0 AND mentor_id IS NULL",
        }
    }

    fn mentor(self) -> Option<i64> {
        match self {
            NoteScope::Mentor(m) => Some(m.0),
            NoteScope::All | NoteScope::Reflections => None,
        }
    }
}

impl Journal {
    /// The newest `limit` finished notes in a scope (a mentor's, the reflections, or all; an
    /// `Option<MentorId>` is a scope too). Screens that list notes page through them with
    /// [`Journal::conversation_page`] instead.
    pub fn list_conversations(
        &self,
        scope: impl Into<NoteScope>,
        limit: u32,
    ) -> Result<Vec<Conversation>> {
        let scope = scope.into();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM conversations WHERE {}
             ORDER BY occurred_at DESC, id DESC LIMIT ?2",
            scope.filter()
        ))?;
        let rows = stmt.query_map(params![scope.mentor(), limit], row_to_conversation)?;
        self.with_takeaways(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One page of finished notes in a scope, newest first, and whether older ones follow.
    ///
    /// `after` is the last note already shown, as `(occurred_at, id)`: the page holds the notes
    /// that sort after it (keyset paging), so a note written meanwhile never shifts a page and
    /// notes at the same moment keep one order, by id. Taking the key rather than looking the id
    /// up keeps the walk going when that note was deleted or re-dated in the meantime.
    pub fn conversation_page(
        &self,
        scope: impl Into<NoteScope>,
        after: Option<(NaiveDateTime, ConversationId)>,
    ) -> Result<(Vec<Conversation>, bool)> {
        let scope = scope.into();
        let (at, id) = after.map_or((None, None), |(at, id)| (Some(at), Some(id.0)));
        let mut filter = String::from(scope.filter());
        if after.is_some() {
            filter.push_str(" AND (occurred_at, id) < (?2, ?3)");
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM conversations WHERE {filter}
             ORDER BY occurred_at DESC, id DESC LIMIT ?4"
        ))?;
        let rows = stmt.query_map(
            params![scope.mentor(), at, id, CONVERSATION_PAGE + 1],
            row_to_conversation,
        )?;
        let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let more = list.len() > CONVERSATION_PAGE as usize;
        list.truncate(CONVERSATION_PAGE as usize);
        Ok((self.with_takeaways(list)?, more))
    }

    /// Unfinished drafts, most recently touched first, so the app can offer to resume them.
    pub fn list_drafts(&self) -> Result<Vec<Conversation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM conversations WHERE is_draft = 1 ORDER BY updated_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([], row_to_conversation)?;
        self.with_takeaways(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn with_takeaways(&self, mut list: Vec<Conversation>) -> Result<Vec<Conversation>> {
        for c in &mut list {
            c.takeaways = self.takeaways(c.id)?;
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::conversations::ConversationInput;
    use crate::{Clock, MentorInput, test_journal};

    fn plan(journal: &Journal, scope: NoteScope) -> String {
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE {} AND (occurred_at, id) < (?2, ?3)
             ORDER BY occurred_at DESC, id DESC LIMIT ?4",
            scope.filter()
        );
        let mut stmt = journal.conn.prepare(&sql).unwrap();
        let rows = stmt
            .query_map(params![scope.mentor(), "2026", 1, 51], |r| {
                r.get::<_, String>(3)
            })
            .unwrap();
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
            .join("; ")
    }

    #[test]
    fn every_scope_walks_an_index_in_page_order() {
        let dir = tempfile::tempdir().unwrap();
        let journal = test_journal(dir.path());
        for scope in [
            NoteScope::All,
            NoteScope::Mentor(MentorId(1)),
            NoteScope::Reflections,
        ] {
            let plan = plan(&journal, scope);
            assert!(
                plan.contains(" INDEX ") && !plan.contains("TEMP B-TREE"),
                "{scope:?} must read an index in order, not sort: {plan}"
            );
        }
    }

    #[test]
    fn reflections_page_apart_from_the_mentors_notes() {
        let dir = tempfile::tempdir().unwrap();
        let day: chrono::NaiveDate = "2026-03-10".parse().unwrap();
        let journal = test_journal(dir.path()).with_clock(Clock::on(day));
        let osei = journal
            .add_mentor(&MentorInput::named("Dr. Osei"))
            .unwrap()
            .id;
        let mut reflections = Vec::new();
        for n in 0..60_i64 {
            let at = day.and_hms_opt(8, 0, 0).unwrap() - chrono::Duration::days(n);
            let with_mentor = journal
                .add_conversation(
                    &ConversationInput {
                        mentor_id: Some(osei),
                        occurred_at: Some(at),
                        body: format!("met {n}"),
                        ..ConversationInput::default()
                    },
                    false,
                )
                .unwrap();
            assert!(with_mentor.mentor_id.is_some());
            let own = journal
                .add_conversation(
                    &ConversationInput {
                        reflection: Some(true),
                        occurred_at: Some(at),
                        body: format!("thought {n}"),
                        ..ConversationInput::default()
                    },
                    false,
                )
                .unwrap();
            reflections.push(own.id);
        }
        let (first, more) = journal
            .conversation_page(NoteScope::Reflections, None)
            .unwrap();
        assert!(more);
        let last = first.last().unwrap();
        let (second, more) = journal
            .conversation_page(NoteScope::Reflections, Some((last.occurred_at, last.id)))
            .unwrap();
        assert!(!more);
        let ids: Vec<ConversationId> = first.iter().chain(&second).map(|c| c.id).collect();
        assert_eq!(ids, reflections, "every reflection once, newest first");
        assert_eq!(
            journal
                .list_conversations(NoteScope::All, 1000)
                .unwrap()
                .len(),
            120
        );
        assert_eq!(journal.list_conversations(osei, 1000).unwrap().len(), 60);
        assert_eq!(
            journal
                .list_conversations(NoteScope::Reflections, 5)
                .unwrap()
                .len(),
            5
        );
    }
}
