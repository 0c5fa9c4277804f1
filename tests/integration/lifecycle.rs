//! Mentors in full: lifecycle, outreach, agreement and cadence, introductions, focus areas.

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    CadenceStatus, Channel, ConversationInput, ErrorCode, MentorFilter, MentorInput, MentorSort,
    MentorStatus, Origin, OutreachInput, OutreachOutcome, StatusChange, Vault,
};

use crate::{fast_kdf, passphrase};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    date(s).and_hms_opt(9, 30, 0).unwrap()
}

#[test]
fn a_prospect_becomes_active_then_ends_and_keeps_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let prospect = journal
        .add_mentor(&MentorInput {
            status: Some(MentorStatus::Prospective),
            origin: Some(Origin::Organic),
            focus_areas: vec!["Research".into(), "research".into(), "Global health".into()],
            ..MentorInput::named("Dr. Ines Duarte")
        })
        .unwrap();
    assert_eq!(prospect.status, MentorStatus::Prospective);
    assert_eq!(
        prospect.focus_areas,
        ["Global health", "Research"],
        "deduplicated, sorted, custom area kept"
    );
    assert!(
        journal
            .focus_areas()
            .unwrap()
            .contains(&"Global health".to_owned()),
        "a new area joins the list"
    );

    let asked = journal
        .log_outreach(
            prospect.id,
            &OutreachInput {
                made_on: date("2026-01-10"),
                request: "A specific question after rounds about her sepsis study".into(),
                outcome: None,
                note: String::new(),
            },
        )
        .unwrap();
    assert_eq!(asked.outcome, OutreachOutcome::Pending);
    journal
        .set_outreach_outcome(asked.id, OutreachOutcome::Agreed, "Monthly coffee")
        .unwrap();
    assert_eq!(
        journal.list_outreach(prospect.id).unwrap()[0].outcome,
        OutreachOutcome::Agreed
    );

    journal
        .set_mentor_status(
            prospect.id,
            &StatusChange {
                status: MentorStatus::Active,
                on: Some(date("2026-01-20")),
                note: String::new(),
            },
        )
        .unwrap();
    let active = journal
        .update_mentor(
            prospect.id,
            &MentorInput {
                cadence_days: Some(28),
                usual_channel: Some(Channel::Coffee),
                agreed_goals: "Co-author one paper".into(),
                ..MentorInput::named("Dr. Ines Duarte")
            },
        )
        .unwrap();
    assert_eq!(active.cadence_days, Some(28));
    assert_eq!(
        active.status,
        MentorStatus::Active,
        "editing details does not touch the lifecycle"
    );

    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(active.id),
                occurred_at: Some(at("2026-02-01")),
                ..Default::default()
            },
            false,
        )
        .unwrap();
    let ended = journal
        .set_mentor_status(
            active.id,
            &StatusChange {
                status: MentorStatus::Ended,
                on: Some(date("2026-06-01")),
                note: "Moved abroad".into(),
            },
        )
        .unwrap();
    assert_eq!(ended.end_reason, "Moved abroad");
    let history: Vec<_> = journal
        .mentor_status_history(active.id)
        .unwrap()
        .into_iter()
        .map(|e| e.status)
        .collect();
    assert_eq!(
        history,
        [
            MentorStatus::Prospective,
            MentorStatus::Active,
            MentorStatus::Ended
        ]
    );
    assert_eq!(
        journal
            .list_conversations(Some(active.id), 10)
            .unwrap()
            .len(),
        1,
        "ending keeps the notes"
    );
    assert_eq!(
        journal.list_outreach(active.id).unwrap().len(),
        1,
        "and the outreach log"
    );

    let err = journal
        .set_mentor_status(
            active.id,
            &StatusChange {
                status: MentorStatus::Ended,
                on: Some(date("2026-06-02")),
                note: String::new(),
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation, "ending twice is refused");
}

#[test]
fn the_list_shows_cadence_status_and_sorts_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let today = date("2026-03-29");
    let add = |name: &str, cadence: Option<u32>, areas: &[&str]| {
        journal
            .add_mentor(&MentorInput {
                cadence_days: cadence,
                focus_areas: areas.iter().map(|a| a.to_string()).collect(),
                ..MentorInput::named(name)
            })
            .unwrap()
    };
    let overdue = add("Overdue Okafor", Some(14), &["Career"]);
    let fresh = add("Fresh Fischer", Some(28), &["Research"]);
    let never = add("Never Nakamura", Some(28), &["Research"]);
    let paused = add("Paused Petrov", Some(7), &[]);
    for (mentor, day) in [
        (overdue.id, "2026-03-01"),
        (fresh.id, "2026-03-29"),
        (paused.id, "2026-01-01"),
    ] {
        journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: Some(mentor),
                    occurred_at: Some(at(day)),
                    ..Default::default()
                },
                false,
            )
            .unwrap();
    }
    // A draft does not count as having met.
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(never.id),
                occurred_at: Some(at("2026-03-28")),
                ..Default::default()
            },
            true,
        )
        .unwrap();
    journal
        .set_mentor_status(
            paused.id,
            &StatusChange {
                status: MentorStatus::Paused,
                on: Some(date("2026-02-01")),
                note: String::new(),
            },
        )
        .unwrap();

    let by_cadence = journal
        .list_mentors(
            &MentorFilter {
                sort: MentorSort::Cadence,
                ..Default::default()
            },
            today,
        )
        .unwrap();
    let view: Vec<_> = by_cadence
        .iter()
        .map(|s| (s.mentor.name.as_str(), s.cadence.clone()))
        .collect();
    assert_eq!(
        view,
        [
            (
                "Overdue Okafor",
                CadenceStatus::Overdue { days_overdue: 14 }
            ),
            ("Never Nakamura", CadenceStatus::NeverMet),
            ("Fresh Fischer", CadenceStatus::OnTrack { due_in_days: 28 }),
            ("Paused Petrov", CadenceStatus::NotTracked),
        ]
    );
    assert_eq!(by_cadence[0].last_met, Some(date("2026-03-01")));
    assert_eq!(by_cadence[1].conversations, 0, "drafts are not counted");

    let research = journal
        .list_mentors(
            &MentorFilter {
                focus_area: Some("research".into()),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    let names: Vec<_> = research.iter().map(|s| s.mentor.name.as_str()).collect();
    assert_eq!(
        names,
        ["Fresh Fischer", "Never Nakamura"],
        "focus filter, case-insensitive, sorted by name"
    );

    let paused_only = journal
        .list_mentors(
            &MentorFilter {
                status: Some(MentorStatus::Paused),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    assert_eq!(paused_only.len(), 1);

    let by_last_met = journal
        .list_mentors(
            &MentorFilter {
                sort: MentorSort::LastMet,
                ..Default::default()
            },
            today,
        )
        .unwrap();
    assert_eq!(by_last_met[0].mentor.name, "Fresh Fischer");
    assert_eq!(
        by_last_met.last().unwrap().last_met,
        None,
        "never met sorts last"
    );
}

#[test]
fn introductions_and_deletion_impact() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let senior = journal
        .add_mentor(&MentorInput::named("Dr. Senior"))
        .unwrap();
    let introduced = journal
        .add_mentor(&MentorInput {
            status: Some(MentorStatus::Prospective),
            introduced_by: Some(senior.id),
            ..MentorInput::named("Dr. Referred")
        })
        .unwrap();
    assert_eq!(
        journal.introductions_by(senior.id).unwrap(),
        std::slice::from_ref(&introduced)
    );
    let err = journal
        .update_mentor(
            senior.id,
            &MentorInput {
                introduced_by: Some(senior.id),
                ..MentorInput::named("Dr. Senior")
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("introducedBy"));

    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(senior.id),
                body: "Talked".into(),
                ..Default::default()
            },
            false,
        )
        .unwrap();
    let impact = journal.mentor_deletion_impact(senior.id).unwrap();
    assert_eq!(
        (impact.conversations, impact.action_items, impact.outreach),
        (1, 0, 0)
    );
    journal.delete_mentor(senior.id).unwrap();
    assert_eq!(
        journal.mentor(introduced.id).unwrap().introduced_by,
        None,
        "the introduction link clears, the person stays"
    );
    assert_eq!(
        journal.list_conversations(None, 10).unwrap().len(),
        0,
        "their conversations went with them"
    );
}

#[test]
fn mentor_input_is_validated_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let cases = [
        (
            MentorInput {
                cadence_days: Some(0),
                ..MentorInput::named("A")
            },
            "cadenceDays",
        ),
        (
            MentorInput {
                email: "not-an-email".into(),
                ..MentorInput::named("A")
            },
            "email",
        ),
        (
            MentorInput {
                focus_areas: vec!["  ".into()],
                ..MentorInput::named("A")
            },
            "focusAreas",
        ),
        (
            MentorInput {
                status: Some(MentorStatus::Ended),
                ..MentorInput::named("A")
            },
            "status",
        ),
        (MentorInput::named(""), "name"),
    ];
    for (input, field) in cases {
        let err = journal.add_mentor(&input).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (ErrorCode::Validation, Some(field)),
            "{err}"
        );
    }
    assert!(crate::all_mentors(&journal).is_empty());
}
