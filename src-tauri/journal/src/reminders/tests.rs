//! Reminders with a fixed clock on a real encrypted journal: off by default, quiet hours, each
//! given once (across a reopened journal too), paused mentors left alone, and no item text.
#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::blocks::BlockInput;
use crate::clock::Clock;
use crate::mentors::MentorId;
use crate::mentors::MentorInput;
use crate::notes::actions::ActionItemInput;
use crate::notes::conversations::ConversationInput;
use crate::settings::Settings;
use crate::{test_journal, validation_field};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str, hour: u32) -> NaiveDateTime {
    day(s).and_hms_opt(hour, 0, 0).unwrap()
}

fn switch_on(j: &Journal, quiet_from: u8, quiet_to: u8) {
    let settings = j.settings().unwrap();
    j.update_settings(&Settings {
        reminders: ReminderSettings {
            enabled: true,
            quiet_from,
            quiet_to,
        },
        ..settings
    })
    .unwrap();
}

/// Dr. Osei agreed every 2 weeks and was last met on 1 November; an item with her is due on
/// 3 December. Today is 2 December.
fn journal() -> (tempfile::TempDir, Journal, MentorId) {
    let dir = tempfile::tempdir().unwrap();
    let j = test_journal(dir.path()).with_clock(Clock::on(day("2026-12-02")));
    let osei = j
        .add_mentor(&MentorInput {
            cadence_days: Some(14),
            ..MentorInput::named("Dr. Osei")
        })
        .unwrap()
        .id;
    j.add_conversation(
        &ConversationInput {
            mentor_id: Some(osei),
            occurred_at: Some(at("2026-11-01", 9)),
            ..ConversationInput::default()
        },
        false,
    )
    .unwrap();
    j.add_action_item(&ActionItemInput {
        title: "SECRET send the draft".into(),
        due_on: Some(day("2026-12-03")),
        owner: None,
        mentor_id: Some(osei),
        conversation_id: None,
        goal_id: None,
    })
    .unwrap();
    (dir, j, osei)
}

#[test]
fn quiet_hours_may_run_past_midnight() {
    assert!(in_quiet_hours(22, 21, 8));
    assert!(in_quiet_hours(3, 21, 8));
    assert!(!in_quiet_hours(8, 21, 8), "the last hour is not included");
    assert!(!in_quiet_hours(12, 21, 8));
    assert!(in_quiet_hours(13, 12, 14));
    assert!(!in_quiet_hours(14, 12, 14));
    assert!(
        !in_quiet_hours(5, 6, 6),
        "the same hour twice is never quiet"
    );
}

#[test]
fn reminders_are_off_by_default_and_silent_in_quiet_hours() {
    let (_dir, j, _) = journal();
    assert!(!j.settings().unwrap().reminders.enabled);
    assert!(j.reminders_due(at("2026-12-02", 10)).unwrap().is_empty());
    switch_on(&j, 21, 8);
    assert!(j.reminders_due(at("2026-12-02", 22)).unwrap().is_empty());
    assert!(j.reminders_due(at("2026-12-02", 7)).unwrap().is_empty());
    assert_eq!(j.reminders_due(at("2026-12-02", 9)).unwrap().len(), 3);
}

#[test]
fn each_reminder_is_given_once_and_says_no_item_text() {
    let (dir, j, osei) = journal();
    switch_on(&j, 21, 8);
    let first = j.reminders_due(at("2026-12-02", 9)).unwrap();
    let keys: Vec<_> = first.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            format!("overdue:{}:2026-11-01", osei.0).as_str(),
            "due:1:2026-12-03",
            "review:2026-12"
        ]
    );
    assert_eq!(first[0].title, "Time to meet Dr. Osei");
    assert_eq!(first[0].body, "17 days past the cadence you agreed.");
    assert!(
        first
            .iter()
            .all(|r| !r.title.contains("SECRET") && !r.body.contains("SECRET")),
        "no item text in a notification: {first:?}"
    );
    // Only what the desktop showed is recorded: the rest comes again on the next round.
    assert_eq!(j.reminders_due(at("2026-12-02", 9)).unwrap(), first);
    j.reminders_given(&first[..1], day("2026-12-02")).unwrap();
    assert_eq!(j.reminders_due(at("2026-12-02", 9)).unwrap(), first[1..]);
    j.reminders_given(&first, day("2026-12-02")).unwrap();
    assert!(j.reminders_due(at("2026-12-02", 9)).unwrap().is_empty());
    // Remembered in the journal, so not again after the app restarts.
    drop(j);
    let j = crate::Vault::unlock(
        dir.path(),
        &crate::Passphrase::new("correct horse battery staple"),
    )
    .unwrap()
    .with_clock(Clock::on(day("2026-12-02")));
    assert!(j.reminders_due(at("2026-12-02", 15)).unwrap().is_empty());
}

#[test]
fn a_mentor_paused_by_a_block_is_not_a_reminder() {
    let (_dir, j, _) = journal();
    switch_on(&j, 0, 0);
    // It began once she was overdue (due 15 November): the board says paused, not overdue.
    j.add_block(&BlockInput::pausing(
        "ICU nights",
        day("2026-11-20"),
        day("2026-12-20"),
    ))
    .unwrap();
    let board = j.dashboard(day("2026-12-02")).unwrap();
    assert!(matches!(
        board.mentors[0].cadence,
        CadenceStatus::Paused { .. }
    ));
    let given = j.reminders_due(at("2026-12-02", 3)).unwrap();
    assert!(
        given.iter().all(|r| !r.key.starts_with("overdue:")),
        "{given:?}"
    );
}

#[test]
fn quiet_hours_are_checked() {
    let (_dir, j, _) = journal();
    let settings = j.settings().unwrap();
    let err = j
        .update_settings(&Settings {
            reminders: ReminderSettings {
                enabled: true,
                quiet_from: 24,
                quiet_to: 8,
            },
            ..settings
        })
        .unwrap_err();
    assert_eq!(validation_field(err), "reminders.quietFrom");
    assert!(!j.settings().unwrap().reminders.enabled);
}
