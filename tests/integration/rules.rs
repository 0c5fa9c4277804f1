//! Rules that used to live in the pages and now live in the core, so every front end gets them:
//! which status changes exist, a note saved with its action items all or nothing, and one clock
//! that every date rule reads.

use chrono::{Duration, NaiveDate};
use journal::{
    ActionItemFilter, ActionItemInput, Clock, ConversationInput, ErrorCode, GoalInput, GoalStatus,
    GoalStatusChange, Journal, MentorInput, MentorStatus, Owner, ReviewInput, StatusChange, Vault,
};

use crate::{fast_kdf, passphrase};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn journal_in(dir: &tempfile::TempDir) -> Journal {
    Vault::create_with(dir.path(), &passphrase(), fast_kdf())
        .unwrap()
        .0
}

/// Drives a mentor from `start` to `from` along allowed steps.
fn mentor_in(journal: &Journal, from: MentorStatus) -> journal::MentorId {
    let start = if from == MentorStatus::Prospective {
        MentorStatus::Prospective
    } else {
        MentorStatus::Active
    };
    let mentor = journal
        .add_mentor(&MentorInput {
            status: Some(start),
            ..MentorInput::named(format!("Dr. {from:?}"))
        })
        .unwrap();
    if from != start {
        journal
            .set_mentor_status(
                mentor.id,
                &StatusChange {
                    status: from,
                    on: Some(journal.today()),
                    note: "on the way".into(),
                },
            )
            .unwrap();
    }
    mentor.id
}

#[test]
fn mentor_status_changes_are_exactly_the_ones_the_core_offers() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(&dir);
    for &from in MentorStatus::ALL {
        for &to in MentorStatus::ALL.iter().filter(|&&to| to != from) {
            let id = mentor_in(&journal, from);
            let before = journal.mentor(id).unwrap();
            assert_eq!(before.status, from);
            assert_eq!(
                before.next_statuses,
                from.next(),
                "the UI shows what the core allows"
            );
            let result = journal.set_mentor_status(
                id,
                &StatusChange {
                    status: to,
                    on: Some(journal.today()),
                    note: String::new(),
                },
            );
            if from.next().contains(&to) {
                assert_eq!(result.unwrap().status, to, "{from:?} -> {to:?} is offered");
            } else {
                let err = result.unwrap_err();
                assert_eq!(
                    (err.code(), err.field()),
                    (ErrorCode::Validation, Some("status")),
                    "{from:?} -> {to:?} is not a step of the lifecycle: {err}"
                );
                assert_eq!(
                    journal.mentor(id).unwrap(),
                    before,
                    "a refused step changes nothing"
                );
            }
        }
    }
    assert!(
        !MentorStatus::Ended.next().contains(&MentorStatus::Paused),
        "an ended mentorship is taken up again (active), never paused"
    );
}

#[test]
fn goal_status_changes_are_exactly_the_ones_the_core_offers() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(&dir);
    let goal_in = |from: GoalStatus| {
        let goal = journal.add_goal(&GoalInput::titled("Publish")).unwrap();
        if from != GoalStatus::Active {
            journal
                .set_goal_status(
                    goal.id,
                    &GoalStatusChange {
                        status: from,
                        on: None,
                        note: "on the way".into(),
                    },
                )
                .unwrap();
        }
        goal.id
    };
    for &from in GoalStatus::ALL {
        for &to in GoalStatus::ALL.iter().filter(|&&to| to != from) {
            let id = goal_in(from);
            let before = journal.goal(id).unwrap();
            assert_eq!(before.next_statuses, from.next());
            let result = journal.set_goal_status(
                id,
                &GoalStatusChange {
                    status: to,
                    on: None,
                    note: "a note".into(),
                },
            );
            if from.next().contains(&to) {
                assert_eq!(result.unwrap().status, to, "{from:?} -> {to:?} is offered");
            } else {
                let err = result.unwrap_err();
                assert_eq!(
                    (err.code(), err.field()),
                    (ErrorCode::Validation, Some("status")),
                    "{from:?} -> {to:?} is refused: {err}"
                );
                assert_eq!(journal.goal(id).unwrap(), before);
            }
        }
    }
}

fn item(title: &str) -> ActionItemInput {
    ActionItemInput {
        title: title.into(),
        owner: Some(Owner::Me),
        ..ActionItemInput::default()
    }
}

#[test]
fn a_note_and_its_action_items_are_saved_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(&dir);
    let mentor = journal
        .add_mentor(&MentorInput::named("Dr. Okafor"))
        .unwrap();
    let other = journal
        .add_mentor(&MentorInput::named("Dr. Other"))
        .unwrap();
    let mut note = ConversationInput {
        mentor_id: Some(mentor.id),
        body: "Talked about the CV".into(),
        action_items: vec![item("Revise the CV"), item("   ")],
        ..ConversationInput::default()
    };
    let err = journal.add_conversation(&note, false).unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Validation, Some("actionItems.1")),
        "the error names the second item, so the page can show it there: {err}"
    );
    assert!(err.to_string().contains("remove this item"));
    assert!(
        journal.list_conversations(None, 10).unwrap().is_empty(),
        "no note without its items"
    );
    assert!(
        journal
            .list_action_items(&ActionItemFilter::default(), journal.today())
            .unwrap()
            .is_empty(),
        "and no item 1 saved alone, which a retry would add twice"
    );

    note.action_items[1] = ActionItemInput {
        mentor_id: Some(other.id),
        due_on: Some(day("2026-12-20")),
        ..item("Email the draft protocol")
    };
    let saved = journal.add_conversation(&note, false).unwrap();
    let items = journal
        .list_action_items(&ActionItemFilter::default(), journal.today())
        .unwrap();
    assert_eq!(items.len(), 2);
    for i in &items {
        assert_eq!(i.conversation_id, Some(saved.id), "linked to the note");
        assert_eq!(
            i.mentor_id,
            Some(mentor.id),
            "the note's mentor, whatever the input said"
        );
    }

    // A draft finished with items: the items arrive with the final save.
    let draft = journal
        .add_conversation(
            &ConversationInput {
                action_items: Vec::new(),
                ..note.clone()
            },
            true,
        )
        .unwrap();
    let finished = journal
        .update_conversation(
            draft.id,
            &ConversationInput {
                action_items: vec![item("Book the next coffee")],
                ..note.clone()
            },
            false,
        )
        .unwrap();
    assert!(!finished.is_draft);
    let filter = ActionItemFilter {
        conversation_id: Some(draft.id),
        ..ActionItemFilter::default()
    };
    assert_eq!(
        journal
            .list_action_items(&filter, journal.today())
            .unwrap()
            .len(),
        1
    );

    let too_many = ConversationInput {
        action_items: (0..101).map(|i| item(&format!("item {i}"))).collect(),
        ..note
    };
    let err = journal.add_conversation(&too_many, false).unwrap_err();
    assert_eq!(err.field(), Some("actionItems"), "bounded: {err}");
}

#[test]
fn every_date_rule_reads_the_journals_clock() {
    let dir = tempfile::tempdir().unwrap();
    let today = day("2028-02-29");
    let journal = journal_in(&dir).with_clock(Clock::on(today));
    assert_eq!(journal.today(), today);

    let goal = journal
        .add_goal(&GoalInput::titled("Finish the QI project"))
        .unwrap();
    assert_eq!(goal.set_on, today, "a new goal is set on the clock's day");
    assert_eq!(goal.status_since, today);
    assert_eq!(goal.created_at, Clock::on(today).now());

    let review = journal
        .review_goal(
            goal.id,
            &ReviewInput {
                progress: 30,
                ..ReviewInput::default()
            },
        )
        .unwrap();
    assert_eq!(
        review.reviewed_on, today,
        "a review defaults to the clock's day"
    );

    let milestone = journal.add_milestone(goal.id, "Data collected").unwrap();
    let tomorrow = today + Duration::days(1);
    let err = journal
        .set_milestone_done(milestone.id, Some(tomorrow))
        .unwrap_err();
    assert_eq!(
        err.field(),
        Some("doneOn"),
        "the future is measured from the clock's day"
    );
    assert_eq!(
        journal
            .set_milestone_done(milestone.id, Some(today))
            .unwrap()
            .done_on,
        Some(today)
    );

    let changed = journal
        .set_goal_status(
            goal.id,
            &GoalStatusChange {
                status: GoalStatus::Paused,
                on: None,
                note: "Nights".into(),
            },
        )
        .unwrap();
    assert_eq!(changed.status_since, today);

    let mentor = journal
        .add_mentor(&MentorInput::named("Dr. Clock"))
        .unwrap();
    assert_eq!(mentor.status_since, today);
    let note = journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(mentor.id),
                body: "Met".into(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
    assert_eq!(
        note.occurred_at.date(),
        today,
        "a note without a time is written now, on the clock"
    );
    assert_eq!(journal.dashboard(journal.today()).unwrap().today, today);
}

#[test]
fn a_status_change_defaults_to_today_and_cannot_be_dated_in_the_future() {
    let dir = tempfile::tempdir().unwrap();
    let today = day("2026-03-10");
    let journal = journal_in(&dir).with_clock(Clock::on(today));
    let mentor = journal.add_mentor(&MentorInput::named("Dr. Date")).unwrap();
    let pause = |on| StatusChange {
        status: MentorStatus::Paused,
        on,
        note: String::new(),
    };
    let err = journal
        .set_mentor_status(mentor.id, &pause(Some(today + Duration::days(1))))
        .unwrap_err();
    assert_eq!(
        err.field(),
        Some("on"),
        "tomorrow has not happened yet: {err}"
    );
    assert_eq!(
        journal.mentor(mentor.id).unwrap().status,
        MentorStatus::Active
    );
    let paused = journal.set_mentor_status(mentor.id, &pause(None)).unwrap();
    assert_eq!(
        paused.status_since, today,
        "no date (an emptied field) means today, not an unreadable request"
    );

    let goal = journal.add_goal(&GoalInput::titled("Match")).unwrap();
    let err = journal
        .set_goal_status(
            goal.id,
            &GoalStatusChange {
                status: GoalStatus::Achieved,
                on: Some(today + Duration::days(30)),
                note: "Matched".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("on"), "{err}");
    assert_eq!(journal.goal(goal.id).unwrap().status, GoalStatus::Active);
}
