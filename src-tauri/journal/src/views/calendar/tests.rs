//! The month view and "on this day" on a real encrypted journal with a fixed clock, and the
//! anniversary rule on its own around 29 February.

use chrono::NaiveDate;

use super::*;
use crate::goals::GoalInput;
use crate::notes::actions::ActionItemInput;
use crate::notes::conversations::ConversationInput;
use crate::{BlockInput, Clock, MentorInput, test_journal, validation_field};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn write(journal: &Journal, mentor: Option<MentorId>, at: &str, title: &str) -> ConversationId {
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: mentor,
                reflection: Some(mentor.is_none()),
                occurred_at: Some(at.parse().unwrap()),
                title: title.into(),
                body: format!("**{title}**, and what came of it."),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap()
        .id
}

#[test]
fn the_29th_of_february_comes_back_once_a_year() {
    assert_eq!(anniversaries(day("2027-03-10"), 1), [day("2026-03-10")]);
    assert_eq!(
        anniversaries(day("2027-02-28"), 3),
        [day("2024-02-28"), day("2024-02-29")],
        "in a common year the leap day's anniversary is the 28th"
    );
    assert_eq!(
        anniversaries(day("2028-02-28"), 4),
        [day("2024-02-28")],
        "in a leap year the leap day waits for its own day"
    );
    assert_eq!(anniversaries(day("2028-02-29"), 4), [day("2024-02-29")]);
    assert!(
        anniversaries(day("2028-02-29"), 1).is_empty(),
        "2027-02-28 came back the day before"
    );
    assert_eq!(anniversaries(day("2027-02-28"), 1), [day("2026-02-28")]);
    assert!(anniversaries(day("2027-03-10"), u32::MAX).is_empty());
}

#[test]
fn on_this_day_finds_the_notes_of_each_earlier_year_nearest_first() {
    let dir = tempfile::tempdir().unwrap();
    let today = day("2027-02-28");
    let journal = test_journal(dir.path()).with_clock(Clock::on(today));
    let osei = journal
        .add_mentor(&MentorInput::named("Dr. Osei"))
        .unwrap()
        .id;
    let last_year = write(&journal, Some(osei), "2026-02-28T16:00:00", "Fellowship");
    let leap_day = write(&journal, None, "2024-02-29T22:00:00", "Nights");
    let leap_eve = write(&journal, None, "2024-02-28T07:00:00", "Before nights");
    write(&journal, None, "2025-03-01T09:00:00", "Not the day");
    write(&journal, None, "2021-02-27T09:00:00", "The first note");
    write(&journal, None, "2027-02-28T08:00:00", "Today's own");

    let found = journal.on_this_day(today).unwrap();
    let years: Vec<(u32, Vec<ConversationId>)> = found
        .years
        .iter()
        .map(|y| (y.years, y.notes.iter().map(|n| n.id).collect()))
        .collect();
    assert_eq!(
        years,
        [(1, vec![last_year]), (3, vec![leap_eve, leap_day])],
        "only the years with notes, this year's own left out"
    );
    let note = &found.years[0].notes[0];
    assert_eq!(
        note.mentor.as_ref().map(|m| m.name.as_str()),
        Some("Dr. Osei")
    );
    assert_eq!(
        note.excerpt, "Fellowship, and what came of it.",
        "plain text"
    );
    assert!(
        journal
            .on_this_day(day("2028-02-29"))
            .unwrap()
            .years
            .iter()
            .all(|y| y.years == 4)
    );
    assert_eq!(
        validation_field(journal.on_this_day(day("1949-12-31")).unwrap_err()),
        "date"
    );
}

#[test]
fn a_month_shows_each_day_with_its_notes_items_milestones_targets_and_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let today = day("2028-03-05");
    let journal = test_journal(dir.path()).with_clock(Clock::on(today));
    let osei = journal
        .add_mentor(&MentorInput::named("Dr. Osei"))
        .unwrap()
        .id;
    let met = write(&journal, Some(osei), "2028-02-03T12:00:00", "Research plan");
    let own = write(&journal, None, "2028-02-29T21:00:00", "Leap day thoughts");
    write(&journal, None, "2028-03-01T00:00:00", "March");
    write(&journal, Some(osei), "2028-01-31T23:59:00", "January");
    let item = |title: &str, due: &str| {
        journal
            .add_action_item(&ActionItemInput {
                title: title.into(),
                due_on: Some(day(due)),
                mentor_id: Some(osei),
                ..ActionItemInput::default()
            })
            .unwrap()
    };
    let late = item("Send the abstract", "2028-02-10");
    let done = item("Book the room", "2028-02-10");
    journal
        .set_action_status(done.id, crate::ActionStatus::Done)
        .unwrap();
    let dropped = item("Old idea", "2028-02-10");
    journal
        .set_action_status(dropped.id, crate::ActionStatus::Dropped)
        .unwrap();
    let goal = journal
        .add_goal(&GoalInput {
            target_date: Some(day("2028-02-29")),
            set_on: Some(day("2028-01-10")),
            ..GoalInput::titled("Submit the paper")
        })
        .unwrap();
    let step = journal.add_milestone(goal.id, "Draft methods").unwrap();
    journal
        .set_milestone_done(step.id, Some(day("2028-02-14")))
        .unwrap();
    journal
        .add_block(&BlockInput {
            title: "ICU nights".into(),
            starts_on: day("2028-01-20"),
            ends_on: day("2028-02-05"),
            pauses_cadence: true,
            all_mentors: true,
            mentor_ids: Vec::new(),
            note: String::new(),
        })
        .unwrap();

    let month = journal.calendar_month(2028, 2, today).unwrap();
    assert_eq!(month.days.len(), 29, "a leap February");
    assert_eq!(month.days[0].date, day("2028-02-01"));
    let d3 = &month.days[2];
    assert_eq!(
        d3.conversations.iter().map(|n| n.id).collect::<Vec<_>>(),
        [met]
    );
    assert_eq!(
        d3.conversations[0].mentor.as_ref().unwrap().name,
        "Dr. Osei"
    );
    assert_eq!(d3.conversations[0].title, "Research plan");
    let d10 = &month.days[9];
    let items: Vec<_> = d10
        .action_items
        .iter()
        .map(|d| (d.item.id, d.item.overdue))
        .collect();
    assert_eq!(
        items,
        [(late.id, true), (done.id, false)],
        "a dropped item is not due"
    );
    assert_eq!(d10.action_items[0].mentor_name.as_deref(), Some("Dr. Osei"));
    assert_eq!(month.days[13].milestones.len(), 1);
    assert_eq!(month.days[13].milestones[0].goal_title, "Submit the paper");
    let d29 = &month.days[28];
    assert_eq!(
        d29.reflections.iter().map(|n| n.id).collect::<Vec<_>>(),
        [own]
    );
    assert!(d29.conversations.is_empty());
    assert_eq!(
        d29.goal_targets.iter().map(|g| g.id).collect::<Vec<_>>(),
        [goal.id]
    );
    let notes: usize = month
        .days
        .iter()
        .map(|d| d.conversations.len() + d.reflections.len())
        .sum();
    assert_eq!(
        notes, 2,
        "the 31 January and 1 March notes are other months'"
    );
    assert_eq!(month.blocks.len(), 1, "the block that runs into the month");
    assert!(
        journal
            .calendar_month(2028, 3, today)
            .unwrap()
            .blocks
            .is_empty()
    );

    assert_eq!(
        journal.calendar_month(2027, 2, today).unwrap().days.len(),
        28
    );
    assert_eq!(
        journal.calendar_month(2028, 12, today).unwrap().days.len(),
        31
    );
    assert_eq!(
        validation_field(journal.calendar_month(2028, 13, today).unwrap_err()),
        "month"
    );
    assert_eq!(
        validation_field(journal.calendar_month(2028, 0, today).unwrap_err()),
        "month"
    );
    assert_eq!(
        validation_field(journal.calendar_month(1949, 12, today).unwrap_err()),
        "year"
    );
    assert_eq!(
        validation_field(journal.calendar_month(i32::MAX, 1, today).unwrap_err()),
        "year"
    );
}

#[test]
fn every_calendar_list_reads_a_date_index() {
    let dir = tempfile::tempdir().unwrap();
    let journal = test_journal(dir.path());
    for sql in [
        "SELECT id FROM action_items WHERE due_on BETWEEN '2028-02-01' AND '2028-02-29' AND status != 'dropped'",
        "SELECT id FROM milestones WHERE done_on BETWEEN '2028-02-01' AND '2028-02-29'",
        "SELECT id FROM goals WHERE target_date BETWEEN '2028-02-01' AND '2028-02-29'",
        "SELECT id FROM conversations WHERE occurred_at >= '2028-02-01' AND occurred_at < '2028-03-01' AND is_draft = 0",
    ] {
        let plan: String = journal
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
            .join("; ");
        assert!(plan.contains(" INDEX "), "{sql}: {plan}");
    }
}
