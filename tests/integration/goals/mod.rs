//! Goals, milestones, the reassessment log, the dashboard, mentor coverage and the prep sheet, on
//! real encrypted vaults with a fixed "today".

mod categories;
mod crud;
mod dashboard;
mod milestones;
mod prep;
mod reviews;

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    ConversationInput, GoalFilter, GoalInput, Journal, MentorId, MentorInput, ProgressSource,
    ReviewInput, Vault,
};

use crate::{fast_kdf, passphrase};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    day(s).and_hms_opt(9, 30, 0).unwrap()
}

fn vault() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    (dir, journal)
}

fn mentor(journal: &Journal, name: &str, areas: &[&str], cadence: Option<u32>) -> MentorId {
    journal
        .add_mentor(&MentorInput {
            focus_areas: areas.iter().map(|a| a.to_string()).collect(),
            cadence_days: cadence,
            ..MentorInput::named(name)
        })
        .unwrap()
        .id
}

fn goal(title: &str, set_on: &str, target: Option<&str>, mentors: Vec<MentorId>) -> GoalInput {
    GoalInput {
        set_on: Some(day(set_on)),
        target_date: target.map(day),
        mentor_ids: mentors,
        ..GoalInput::titled(title)
    }
}

/// A goal set on 2026-01-10 whose progress comes from its milestones.
fn milestone_goal(journal: &Journal, title: &str) -> journal::Goal {
    journal
        .add_goal(&GoalInput {
            progress_from: Some(ProgressSource::Milestones),
            ..goal(title, "2026-01-10", None, vec![])
        })
        .unwrap()
}

fn review(on: &str, progress: i64, note: &str) -> ReviewInput {
    ReviewInput {
        reviewed_on: Some(day(on)),
        progress,
        note: note.into(),
        ..ReviewInput::default()
    }
}

fn goal_count(journal: &Journal) -> usize {
    journal.list_goals(&GoalFilter::default()).unwrap().len()
}

fn note(journal: &Journal, mentor: MentorId, on: &str, takeaways: &[&str]) {
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(mentor),
                occurred_at: Some(at(on)),
                title: format!("Talk on {on}"),
                body: "notes".into(),
                takeaways: takeaways.iter().map(|t| t.to_string()).collect(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
}
