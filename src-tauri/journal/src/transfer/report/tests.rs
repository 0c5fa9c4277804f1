//! The reports' data, on a real encrypted journal, and the pure pieces (active days, wrapping).
#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, NaiveDateTime};

use super::layout::{Face, Layout};
use super::portfolio::active_days;
use crate::blocks::Block;
use crate::clock::Clock;
use crate::error::ErrorCode;
use crate::kinds::{ActionStatus, GoalStatus, MentorStatus, Owner};
use crate::mentors::{MentorId, MentorInput, StatusChange};
use crate::notes::actions::ActionItemInput;
use crate::notes::conversations::ConversationInput;
use crate::{GoalInput, GoalStatusChange, Journal, KdfParams, Passphrase, Vault};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    day(s).and_hms_opt(10, 0, 0).unwrap()
}

fn journal_on(today: &str) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let pass = Passphrase::new("correct horse battery staple");
    let (journal, _) = Vault::create_with(dir.path(), &pass, KdfParams::cheap_for_tests()).unwrap();
    (dir, journal.with_clock(Clock::on(day(today))))
}

fn meet(j: &Journal, mentor: MentorId, on: &str, draft: bool) {
    let input = ConversationInput {
        mentor_id: Some(mentor),
        occurred_at: Some(at(on)),
        title: format!("Talk {on}"),
        body: "SECRET body".into(),
        takeaways: vec!["SECRET takeaway".into()],
        energy: Some(2),
        stress: Some(5),
        ..ConversationInput::default()
    };
    j.add_conversation(&input, draft).unwrap();
}

fn pausing(title: &str, from: &str, to: &str) -> Block {
    Block {
        id: crate::blocks::BlockId(1),
        title: title.into(),
        starts_on: day(from),
        ends_on: day(to),
        pauses_cadence: true,
        all_mentors: true,
        mentor_ids: vec![],
        note: String::new(),
        created_at: chrono::DateTime::UNIX_EPOCH,
        updated_at: chrono::DateTime::UNIX_EPOCH,
    }
}

#[test]
fn active_days_follow_the_status_history_and_the_relationship_start() {
    use MentorStatus::*;
    let year = (day("2026-01-01"), day("2026-12-31"));
    let always = [(Active, day("2026-01-01"))];
    assert_eq!(
        active_days(&always, day("2026-01-01"), year.0, year.1, &[]),
        365
    );
    let summer_off = [
        (Active, day("2026-01-01")),
        (Paused, day("2026-04-01")),
        (Active, day("2026-07-01")),
    ];
    assert_eq!(
        active_days(&summer_off, day("2026-01-01"), year.0, year.1, &[]),
        90 + 184,
        "January to March, then July to December"
    );
    assert_eq!(
        active_days(
            &[(Active, day("2026-12-01"))],
            day("2026-03-01"),
            year.0,
            year.1,
            &[]
        ),
        306,
        "notes back-dated to March start the relationship in March"
    );
    let prospect = [
        (Prospective, day("2026-01-01")),
        (Active, day("2026-10-01")),
    ];
    assert_eq!(
        active_days(&prospect, day("2026-01-01"), year.0, year.1, &[]),
        92
    );
    assert_eq!(
        active_days(&always, day("2026-01-01"), year.0, day("2025-12-31"), &[]),
        0
    );
    let ended = [(Active, day("2025-01-01")), (Ended, day("2025-06-01"))];
    assert_eq!(
        active_days(&ended, day("2025-01-01"), year.0, year.1, &[]),
        0
    );

    // A block that pauses cadence takes its days out, once however many blocks overlap, and
    // only where the mentor was active (the summer pause and the nights do not add up twice).
    let nights = pausing("ICU nights", "2026-02-01", "2026-02-28");
    let overlap = pausing("Leave", "2026-02-20", "2026-03-10");
    assert_eq!(
        active_days(
            &always,
            day("2026-01-01"),
            year.0,
            year.1,
            &[&nights, &overlap]
        ),
        365 - 28 - 10
    );
    let summer = pausing("Summer", "2026-06-01", "2026-07-10");
    assert_eq!(
        active_days(&summer_off, day("2026-01-01"), year.0, year.1, &[&summer]),
        90 + 184 - 10,
        "only the ten July days of the block were active ones"
    );
}

#[test]
fn a_portfolio_counts_meetings_against_the_cadence_and_leaves_out_the_private() {
    let (_dir, mut j) = journal_on("2026-01-01");
    let osei = j
        .add_mentor(&MentorInput {
            cadence_days: Some(30),
            focus_areas: vec!["Research".into()],
            private_notes: "SECRET private note".into(),
            ..MentorInput::named("Dr. Osei")
        })
        .unwrap()
        .id;
    let quiet = j
        .add_mentor(&MentorInput {
            status: Some(MentorStatus::Prospective),
            private_notes: "SECRET prospect".into(),
            ..MentorInput::named("Dr. Prospect")
        })
        .unwrap()
        .id;
    j.set_clock(Clock::on(day("2026-12-31")));
    for change in [
        (MentorStatus::Paused, "2026-04-01"),
        (MentorStatus::Active, "2026-07-01"),
    ] {
        j.set_mentor_status(
            osei,
            &StatusChange {
                status: change.0,
                on: Some(day(change.1)),
                note: "SECRET status note".into(),
            },
        )
        .unwrap();
    }
    meet(&j, osei, "2025-12-15", false);
    meet(&j, osei, "2026-02-01", false);
    meet(&j, osei, "2026-08-01", false);
    meet(&j, osei, "2026-09-01", true);

    let goal = j
        .add_goal(&GoalInput {
            set_on: Some(day("2026-01-01")),
            mentor_ids: vec![osei],
            description: "SECRET description".into(),
            ..GoalInput::titled("Registry paper")
        })
        .unwrap();
    let step = j.add_milestone(goal.id, "Ethics approval").unwrap();
    j.set_milestone_done(step.id, Some(day("2026-03-01")))
        .unwrap();
    j.set_goal_status(
        goal.id,
        &GoalStatusChange {
            status: GoalStatus::Achieved,
            on: Some(day("2026-10-01")),
            note: "SECRET achieved note".into(),
        },
    )
    .unwrap();
    let item = j
        .add_action_item(&ActionItemInput {
            title: "Send the draft".into(),
            mentor_id: Some(osei),
            ..ActionItemInput::default()
        })
        .unwrap();
    j.set_action_status(item.id, ActionStatus::Done).unwrap();
    j.set_clock(Clock::on(day("2027-02-01")));
    meet(&j, osei, "2027-01-02", false);

    let p = j.portfolio(day("2026-01-01"), day("2026-12-31")).unwrap();
    assert_eq!(
        p.mentors
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["Dr. Osei"],
        "a prospect with nothing to show is not part of a portfolio"
    );
    let m = &p.mentors[0];
    assert_eq!(
        m.meetings.held, 2,
        "drafts and days outside the period do not count"
    );
    assert_eq!(
        m.meetings.expected,
        Some((90 + 184) / 30),
        "not expected to meet while paused; the December 2025 note starts the relationship earlier but outside the period"
    );
    assert_eq!(m.goals_achieved.len(), 1);
    assert_eq!(
        m.goals_achieved[0].milestones[0].done_on,
        Some(day("2026-03-01"))
    );
    assert_eq!(m.completed.len(), 1);
    assert_eq!(m.completed[0].owner, Owner::Me);
    assert_eq!(m.completed[0].completed_on, day("2026-12-31"));
    let json = serde_json::to_string(&p).unwrap();
    assert!(!json.contains("SECRET"), "{json}");

    let s = j.mentor_summary(osei).unwrap();
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("SECRET"), "{json}");
    assert!(s.mine.is_empty() && s.theirs.is_empty());
    assert_eq!(
        s.last_met,
        Some(day("2027-01-02")),
        "the latest finished conversation"
    );
    let prospect = j.mentor_summary(quiet).unwrap();
    assert!(!serde_json::to_string(&prospect).unwrap().contains("SECRET"));

    assert_eq!(
        j.mentor_summary(MentorId(999)).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_portfolio_period_must_make_sense() {
    let (_dir, j) = journal_on("2026-06-01");
    let err = j
        .portfolio(day("2026-12-31"), day("2026-01-01"))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Validation, Some("to"))
    );
    let err = j
        .portfolio(day("2026-01-01"), day("2226-01-01"))
        .unwrap_err();
    assert_eq!(err.field(), Some("to"), "a typo in the year");
    let err = j
        .portfolio(day("1900-01-01"), day("2026-01-01"))
        .unwrap_err();
    assert_eq!(err.field(), Some("from"));
    let one_day = j.portfolio(day("2026-06-01"), day("2026-06-01")).unwrap();
    assert!(one_day.mentors.is_empty() && one_day.other_goals.is_empty());
}

#[test]
fn wrapped_lines_fit_the_width_and_long_words_break() {
    let layout = Layout::new("t", String::new()).unwrap();
    let text = "Łucja Ñúñez reviewed the протокол and the Ελληνικά abstract \
                Pneumonoultramicroscopicsilicovolcanoconiosis twice over";
    for max in [60.0, 120.0, 300.0] {
        let lines = layout.wrap(Face::Regular, 10.0, text, max);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(
                layout.width(Face::Regular, 10.0, line) <= max,
                "{line:?} is wider than {max}"
            );
        }
        assert_eq!(
            lines.join(" ").replace(' ', ""),
            text.replace(' ', ""),
            "nothing lost"
        );
    }
    assert!(
        layout.width(Face::Bold, 10.0, "WWW") > layout.width(Face::Regular, 10.0, "iii"),
        "widths come from the glyphs"
    );
}
