//! The review on a seeded encrypted journal with a fixed clock: its figures, the decisions it
//! needs, what completing it applies, and that a completed review reads back as it was decided.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::*;
use crate::blocks::BlockInput;
use crate::clock::Clock;
use crate::error::ErrorCode;
use crate::goals::{GoalInput, ReviewInput};
use crate::kinds::{ActionStatus, Owner};
use crate::mentors::{MentorInput, StatusChange};
use crate::notes::actions::ActionItemInput;
use crate::notes::conversations::ConversationInput;
use crate::{Journal, test_journal, validation_field};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn meet(j: &Journal, mentor: MentorId, on: &str) {
    j.add_conversation(
        &ConversationInput {
            mentor_id: Some(mentor),
            occurred_at: Some(day(on).and_hms_opt(9, 0, 0).unwrap()),
            title: format!("Talk {on}"),
            ..ConversationInput::default()
        },
        false,
    )
    .unwrap();
}

struct Seeded {
    _dir: tempfile::TempDir,
    j: Journal,
    osei: MentorId,
    lee: MentorId,
    ended: MentorId,
    paper: GoalId,
}

/// 2026: Dr. Osei (every 4 weeks, met 6 times, ICU nights in February pause her cadence, one
/// item done and one open, a goal from 20 to 70 %), Dr. Lee (no cadence, met once), and an
/// ended mentor who is not reviewed. Today is 31 December 2026.
fn seeded() -> Seeded {
    let dir = tempfile::tempdir().unwrap();
    let mut j = test_journal(dir.path()).with_clock(Clock::on(day("2026-01-01")));
    let osei = j
        .add_mentor(&MentorInput {
            cadence_days: Some(28),
            ..MentorInput::named("Dr. Osei")
        })
        .unwrap()
        .id;
    let lee = j.add_mentor(&MentorInput::named("Dr. Lee")).unwrap().id;
    let ended = j.add_mentor(&MentorInput::named("Dr. Gone")).unwrap().id;
    j.set_mentor_status(
        ended,
        &StatusChange {
            status: MentorStatus::Ended,
            on: None,
            note: "Moved away".into(),
        },
    )
    .unwrap();
    let paper = j
        .add_goal(&GoalInput {
            mentor_ids: vec![osei],
            ..GoalInput::titled("Publish the registry paper")
        })
        .unwrap()
        .id;
    j.set_clock(Clock::on(day("2026-01-10")));
    j.review_goal(
        paper,
        &ReviewInput {
            progress: 20,
            ..ReviewInput::default()
        },
    )
    .unwrap();
    j.add_block(&BlockInput::pausing(
        "ICU nights",
        day("2026-02-01"),
        day("2026-02-28"),
    ))
    .unwrap();
    j.set_clock(Clock::on(day("2026-12-31")));
    for on in [
        "2026-01-15",
        "2026-03-10",
        "2026-05-02",
        "2026-07-20",
        "2026-09-09",
        "2026-11-30",
    ] {
        meet(&j, osei, on);
    }
    meet(&j, lee, "2026-06-01");
    let item = |title: &str| ActionItemInput {
        title: title.into(),
        due_on: None,
        owner: Some(Owner::Me),
        mentor_id: Some(osei),
        conversation_id: None,
        goal_id: None,
    };
    let done = j.add_action_item(&item("Send the draft")).unwrap();
    j.set_action_status(done.id, ActionStatus::Done).unwrap();
    j.add_action_item(&item("Book the statistician")).unwrap();
    j.review_goal(
        paper,
        &ReviewInput {
            progress: 70,
            ..ReviewInput::default()
        },
    )
    .unwrap();
    Seeded {
        _dir: dir,
        j,
        osei,
        lee,
        ended,
        paper,
    }
}

fn year() -> MentorshipReviewInput {
    MentorshipReviewInput {
        kind: ReviewKind::Yearly,
        title: String::new(),
        from: day("2026-01-01"),
        to: day("2026-12-31"),
    }
}

fn decide(j: &Journal, id: MentorshipReviewId, m: MentorId, d: Decision, note: &str) {
    j.decide_in_review(
        id,
        m,
        &DecisionInput {
            decision: Some(d),
            note: note.into(),
        },
    )
    .unwrap();
}

#[test]
fn a_review_lists_the_active_and_paused_mentors_with_their_figures() {
    let s = seeded();
    let review = s.j.start_review(&year()).unwrap();
    assert_eq!(review.title, "2026 review");
    let names: Vec<_> = review.mentors.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        ["Dr. Lee", "Dr. Osei"],
        "by name; the ended mentor is not reviewed"
    );
    assert!(review.mentors.iter().all(|m| m.mentor_id != s.ended));

    let osei = &review.mentors[1];
    assert_eq!(osei.figures.meetings.held, 6);
    // 365 days less the 28 nights of February: 337 days, 12 whole periods of 28 days.
    assert_eq!(osei.figures.meetings.expected, Some(12));
    assert_eq!((osei.figures.items_done, osei.figures.items_open), (1, 1));
    assert_eq!(osei.figures.goals.len(), 1);
    let goal = &osei.figures.goals[0];
    assert_eq!(
        (goal.id, goal.progress_then, goal.progress_now),
        (s.paper, 0, 70)
    );

    let lee = &review.mentors[0];
    assert_eq!(lee.figures.meetings.held, 1);
    assert_eq!(lee.figures.meetings.expected, None, "no cadence agreed");
    assert!(lee.decision.is_none());
}

#[test]
fn a_period_is_checked_and_a_rotation_review_needs_a_name() {
    let s = seeded();
    let refuse =
        |input: MentorshipReviewInput| validation_field(s.j.start_review(&input).unwrap_err());
    assert_eq!(
        refuse(MentorshipReviewInput {
            to: day("2027-01-01"),
            ..year()
        }),
        "to",
        "not into the future"
    );
    assert_eq!(
        refuse(MentorshipReviewInput {
            from: day("2027-01-01"),
            to: day("2026-12-01"),
            ..year()
        }),
        "to"
    );
    assert_eq!(
        refuse(MentorshipReviewInput {
            kind: ReviewKind::Rotation,
            ..year()
        }),
        "title"
    );
    let named =
        s.j.start_review(&MentorshipReviewInput {
            kind: ReviewKind::Rotation,
            title: "Cardiology, Feb-Apr".into(),
            from: day("2026-02-01"),
            to: day("2026-04-30"),
        })
        .unwrap();
    assert_eq!(named.title, "Cardiology, Feb-Apr");
}

#[test]
fn completing_needs_every_decision_and_the_reasons_it_asks_for() {
    let s = seeded();
    let id = s.j.start_review(&year()).unwrap().id;
    let complete = || {
        s.j.complete_review(
            id,
            &ReviewCompletion {
                carry_over: vec![],
                closing_note: String::new(),
            },
        )
    };
    let field = format!("mentors.{}", s.lee.0);
    assert_eq!(validation_field(complete().unwrap_err()), field);
    decide(&s.j, id, s.lee, Decision::End, "  ");
    decide(&s.j, id, s.osei, Decision::Keep, "");
    assert_eq!(
        validation_field(complete().unwrap_err()),
        field,
        "an end needs its reason"
    );
    decide(&s.j, id, s.lee, Decision::Refine, "");
    assert_eq!(validation_field(complete().unwrap_err()), field);
    // Nothing was applied by the refused attempts.
    assert_eq!(s.j.mentor(s.lee).unwrap().status, MentorStatus::Active);
    assert!(s.j.mentorship_review(id).unwrap().completed_on.is_none());
}

#[test]
fn completing_applies_the_decisions_and_keeps_the_figures_it_was_decided_on() {
    let mut s = seeded();
    let id = s.j.start_review(&year()).unwrap().id;
    decide(
        &s.j,
        id,
        s.osei,
        Decision::Pause,
        "Research block next spring",
    );
    decide(
        &s.j,
        id,
        s.lee,
        Decision::End,
        "Our goals no longer overlap",
    );
    let done =
        s.j.complete_review(
            id,
            &ReviewCompletion {
                carry_over: vec![s.paper, s.paper],
                closing_note: "A good year.".into(),
            },
        )
        .unwrap();
    assert_eq!(done.completed_on, Some(day("2026-12-31")));
    assert_eq!(done.carry_over, vec![s.paper]);
    let lee = s.j.mentor(s.lee).unwrap();
    assert_eq!(lee.status, MentorStatus::Ended);
    assert_eq!(lee.end_reason, "Our goals no longer overlap");
    assert_eq!(s.j.mentor(s.osei).unwrap().status, MentorStatus::Paused);
    let history = s.j.mentor_status_history(s.osei).unwrap();
    assert!(
        history
            .last()
            .unwrap()
            .note
            .starts_with("2026 review: Research block"),
        "the step says it came from the review: {history:?}"
    );

    // A note dated in the year, written after the review, does not change what was decided on.
    s.j.set_clock(Clock::on(day("2027-01-05")));
    meet(&s.j, s.osei, "2026-12-20");
    let reopened = s.j.mentorship_review(id).unwrap();
    let osei = reopened
        .mentors
        .iter()
        .find(|m| m.mentor_id == s.osei)
        .unwrap();
    assert_eq!(osei.figures.meetings.held, 6);
    assert_eq!(osei.decision, Some(Decision::Pause));
    assert_eq!(reopened.closing_note, "A good year.");

    // Completed is final: no more decisions, no discarding.
    let again = s.j.decide_in_review(
        id,
        s.osei,
        &DecisionInput {
            decision: Some(Decision::Keep),
            note: String::new(),
        },
    );
    assert_eq!(again.unwrap_err().code(), ErrorCode::Conflict);
    assert_eq!(
        s.j.delete_review(id).unwrap_err().code(),
        ErrorCode::Conflict
    );
    let list = s.j.list_reviews().unwrap();
    assert_eq!((list.len(), list[0].mentors, list[0].decided), (1, 2, 2));
}

#[test]
fn only_active_goals_carry_over_and_an_unfinished_review_can_be_discarded() {
    let s = seeded();
    let id = s.j.start_review(&year()).unwrap().id;
    decide(&s.j, id, s.osei, Decision::Keep, "");
    decide(&s.j, id, s.lee, Decision::Keep, "");
    let missing = s.j.complete_review(
        id,
        &ReviewCompletion {
            carry_over: vec![GoalId(999)],
            closing_note: String::new(),
        },
    );
    assert_eq!(validation_field(missing.unwrap_err()), "carryOver");
    s.j.delete_review(id).unwrap();
    assert!(s.j.list_reviews().unwrap().is_empty());
    assert_eq!(
        s.j.mentorship_review(id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_completed_review_survives_a_json_export_and_import() {
    let s = seeded();
    let id = s.j.start_review(&year()).unwrap().id;
    decide(
        &s.j,
        id,
        s.osei,
        Decision::Refine,
        "Every 6 weeks, by video",
    );
    decide(&s.j, id, s.lee, Decision::Keep, "");
    let done =
        s.j.complete_review(
            id,
            &ReviewCompletion {
                carry_over: vec![s.paper],
                closing_note: "Carry the paper.".into(),
            },
        )
        .unwrap();
    let in_progress = s.j.start_review(&year()).unwrap();
    let mut out = Vec::new();
    s.j.export_json(&mut out).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let fresh = test_journal(dir.path()).with_clock(Clock::on(day("2026-12-31")));
    fresh.import_json(&out).unwrap();
    assert_eq!(fresh.mentorship_review(id).unwrap(), done);
    assert_eq!(
        fresh.mentorship_review(in_progress.id).unwrap(),
        in_progress
    );
    assert_eq!(fresh.list_reviews().unwrap(), s.j.list_reviews().unwrap());
}
