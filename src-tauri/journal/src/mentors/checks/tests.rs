//! The relationship check's two rules with a fixed "today", then the records on a real
//! encrypted journal: the schedule, the answers, their trend, and a JSON export that keeps them.

use chrono::NaiveDate;

use super::*;
use crate::kinds::MentorStatus::{Active, Ended, Paused};
use crate::{Clock, MentorInput, StatusChange, test_journal, validation_field};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn answers(totals: &[(u8, u8, u8)]) -> Vec<RelationshipCheck> {
    totals
        .iter()
        .enumerate()
        .map(
            |(i, &(helping, meeting_as_agreed, want_to_continue))| RelationshipCheck {
                id: RelationshipCheckId(i as i64),
                mentor_id: MentorId(1),
                answered_on: day("2026-01-01"),
                helping,
                meeting_as_agreed,
                want_to_continue,
                note: String::new(),
            },
        )
        .collect()
}

#[test]
fn a_check_is_due_every_so_many_weeks_after_the_last_answer_or_the_start() {
    let start = day("2026-01-05");
    let today = day("2026-03-02");
    assert_eq!(
        check_due(Active, None, start, None, today),
        CheckDue::NotScheduled
    );
    assert_eq!(
        check_due(Active, Some(0), start, None, today),
        CheckDue::NotScheduled,
        "zero weeks is no schedule, not every day"
    );
    for status in [Paused, Ended, crate::kinds::MentorStatus::Prospective] {
        assert_eq!(
            check_due(status, Some(4), start, None, today),
            CheckDue::NotScheduled,
            "only an active relationship is asked about"
        );
    }
    assert_eq!(
        check_due(Active, Some(8), start, None, today),
        CheckDue::Due {
            since: day("2026-03-02")
        },
        "the first check eight weeks after the mentor became active: due on the day itself"
    );
    assert_eq!(
        check_due(Active, Some(8), start, None, day("2026-03-01")),
        CheckDue::Upcoming {
            on: day("2026-03-02")
        }
    );
    assert_eq!(
        check_due(Active, Some(4), start, Some(day("2026-02-16")), today),
        CheckDue::Upcoming {
            on: day("2026-03-16")
        },
        "each next one after the last answer"
    );
    assert_eq!(
        check_due(Active, Some(2), start, Some(day("2026-02-01")), today),
        CheckDue::Due {
            since: day("2026-02-15")
        },
        "still due since the day it fell due"
    );
    assert_eq!(
        check_due(
            Active,
            Some(4),
            day("2026-02-20"),
            Some(day("2025-12-01")),
            today
        ),
        CheckDue::Upcoming {
            on: day("2026-03-20")
        },
        "a relationship active again starts the wait afresh"
    );
    assert!(matches!(
        check_due(Active, Some(52), NaiveDate::MAX, None, today),
        CheckDue::Upcoming { .. }
    ));
}

#[test]
fn answers_fall_when_two_points_lower_or_lower_twice_running() {
    assert_eq!(check_trend(&[]), CheckTrend::TooFew);
    assert_eq!(check_trend(&answers(&[(1, 1, 1)])), CheckTrend::TooFew);
    assert_eq!(
        check_trend(&answers(&[(4, 4, 4), (4, 4, 3)])),
        CheckTrend::Steady,
        "one point lower once is a bad week"
    );
    assert_eq!(
        check_trend(&answers(&[(4, 4, 4), (4, 3, 3)])),
        CheckTrend::Falling
    );
    assert_eq!(
        check_trend(&answers(&[(5, 5, 5), (5, 5, 4), (5, 4, 4)])),
        CheckTrend::Falling,
        "lower twice running, a point each time"
    );
    assert_eq!(
        check_trend(&answers(&[(5, 5, 4), (5, 4, 4), (5, 4, 4)])),
        CheckTrend::Steady,
        "a fall that stopped"
    );
    assert_eq!(
        check_trend(&answers(&[(2, 2, 2), (3, 3, 2)])),
        CheckTrend::Rising
    );
    assert_eq!(
        check_trend(&answers(&[(1, 1, 1), (5, 5, 5), (4, 4, 4)])),
        CheckTrend::Falling,
        "only the latest step and the one before count"
    );
}

#[test]
fn checks_are_scheduled_answered_and_kept_as_a_trend_across_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let today = day("2026-03-02");
    let journal = test_journal(dir.path()).with_clock(Clock::on(today));
    let osei = journal
        .add_mentor(&MentorInput {
            status: Some(crate::kinds::MentorStatus::Prospective),
            ..MentorInput::named("Dr. Osei")
        })
        .unwrap()
        .id;
    journal
        .set_mentor_status(
            osei,
            &StatusChange {
                status: Active,
                on: Some(day("2026-01-05")),
                note: String::new(),
            },
        )
        .unwrap();
    let none = journal.relationship_checks(osei, today).unwrap();
    assert_eq!(
        (none.every_weeks, none.due, none.trend),
        (None, CheckDue::NotScheduled, CheckTrend::TooFew)
    );
    let scheduled = journal.set_check_schedule(osei, Some(8)).unwrap();
    assert_eq!(
        scheduled.due,
        CheckDue::Due {
            since: day("2026-03-02")
        }
    );
    assert_eq!(
        journal.dashboard(today).unwrap().mentors[0].check,
        scheduled.due,
        "the dashboard says the mentor page asks"
    );
    for (weeks, field) in [(0, "everyWeeks"), (53, "everyWeeks")] {
        assert_eq!(
            validation_field(journal.set_check_schedule(osei, Some(weeks)).unwrap_err()),
            field
        );
    }

    let answer = |on: &str, helping: u8, meeting: u8, continuing: u8| RelationshipCheckInput {
        answered_on: Some(day(on)),
        helping,
        meeting_as_agreed: meeting,
        want_to_continue: continuing,
        note: "  after the rota change ".into(),
    };
    journal
        .add_relationship_check(osei, &answer("2026-01-26", 4, 4, 5))
        .unwrap();
    let saved = journal
        .add_relationship_check(osei, &answer("2026-03-02", 3, 2, 4))
        .unwrap();
    assert_eq!(saved.note, "after the rota change");
    let after = journal.relationship_checks(osei, today).unwrap();
    assert_eq!(after.checks.last(), Some(&saved));
    assert_eq!(after.trend, CheckTrend::Falling, "13 then 9");
    assert_eq!(
        after.due,
        CheckDue::Upcoming {
            on: day("2026-04-27")
        }
    );
    assert_eq!(after.checks.len(), 2);
    assert_eq!(
        journal.dashboard(today).unwrap().mentors[0].check,
        after.due
    );
    assert_eq!(
        journal
            .mentor_deletion_impact(osei)
            .unwrap()
            .relationship_checks,
        2,
        "deleting the mentor says it takes the checks"
    );
    assert_eq!(after.checks[1].note, "after the rota change");
    assert_eq!(
        after.checks[0].answered_on,
        day("2026-01-26"),
        "oldest first"
    );

    let bad = |input: RelationshipCheckInput| {
        validation_field(journal.add_relationship_check(osei, &input).unwrap_err())
    };
    assert_eq!(bad(answer("2026-03-01", 0, 3, 3)), "helping");
    assert_eq!(bad(answer("2026-03-01", 3, 6, 3)), "meetingAsAgreed");
    assert_eq!(bad(answer("2026-03-01", 3, 3, 0)), "wantToContinue");
    assert_eq!(bad(answer("2026-03-03", 3, 3, 3)), "answeredOn");
    assert!(matches!(
        journal.add_relationship_check(MentorId(999), &answer("2026-03-01", 3, 3, 3)),
        Err(crate::Error::NotFound(_))
    ));

    let mut json = Vec::new();
    journal.export_json(&mut json).unwrap();
    let other = tempfile::tempdir().unwrap();
    let fresh = test_journal(other.path()).with_clock(Clock::on(today));
    fresh.import_json(&json).unwrap();
    assert_eq!(
        fresh.relationship_checks(osei, today).unwrap(),
        after,
        "the schedule and every answer come back"
    );

    let first = after.checks[0].id;
    journal.delete_relationship_check(first).unwrap();
    let left = journal.relationship_checks(osei, today).unwrap();
    assert_eq!(left.checks.len(), 1);
    assert_eq!(left.trend, CheckTrend::TooFew);
    assert!(matches!(
        journal.delete_relationship_check(first),
        Err(crate::Error::NotFound(_))
    ));
    let stopped = journal.set_check_schedule(osei, None).unwrap();
    assert_eq!(
        (stopped.due, stopped.checks.len()),
        (CheckDue::NotScheduled, 1),
        "the answers stay when the schedule stops"
    );
}
