//! The lossless JSON export (issue 14): every kind of row, with its id, out and back in. Export,
//! import into an empty journal, export again: the same bytes apart from `exportedAt`. Imports
//! into a journal that holds something, a newer format, unknown fields and broken files are
//! refused with nothing written.

use chrono::NaiveDate;
use journal::{
    ActionItemInput, ActionStatus, BackupReason, BlockInput, Channel, Clock, ConversationInput,
    ErrorCode, GoalInput, GoalStatus, GoalStatusChange, Journal, MentorInput, MentorStatus,
    OutreachInput, Owner, ReviewInput, StatusChange, TemplateInput, Vault,
};
use std::path::Path;

use crate::{fast_kdf, mentor_names, passphrase};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// A journal with a row in every table the export covers.
pub(crate) fn rich_journal(dir: &Path) -> Journal {
    let (journal, _) = Vault::create_with(dir, &passphrase(), fast_kdf()).unwrap();
    let journal = journal.with_clock(Clock::on(day(28)));
    let osei = journal
        .add_mentor(&MentorInput {
            role: "Attending".into(),
            specialty: "Cardiology".into(),
            institution: "St. Elsewhere".into(),
            email: "osei@example.org".into(),
            how_we_met: "Grand rounds".into(),
            private_notes: "Private: asks hard questions".into(),
            focus_areas: vec!["Research".into(), "Résumé craft".into()],
            cadence_days: Some(28),
            usual_channel: Some(Channel::Video),
            agreed_goals: "One abstract a year".into(),
            ..MentorInput::named("Dr. Amara Osei")
        })
        .unwrap();
    let ng = journal
        .add_mentor(&MentorInput {
            introduced_by: Some(osei.id),
            status: Some(MentorStatus::Prospective),
            ..MentorInput::named("Dr. Łucja Ñúñez")
        })
        .unwrap();
    journal
        .log_outreach(
            ng.id,
            &OutreachInput {
                made_on: day(20),
                request: "Would you mentor me in research?".into(),
                outcome: None,
                note: "Sent after the journal club".into(),
            },
        )
        .unwrap();
    journal
        .set_mentor_status(
            ng.id,
            &StatusChange {
                status: MentorStatus::Active,
                on: Some(day(22)),
                note: "Said yes".into(),
            },
        )
        .unwrap();
    let note = journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(osei.id),
                reflection: None,
                occurred_at: Some(day(21).and_hms_opt(16, 30, 0).unwrap()),
                channel: Some(Channel::Coffee),
                duration_minutes: Some(45),
                title: "Abstract plan".into(),
                body: "We talked about the *abstract*.\n\n\"Quotes\", tabs\tand ünïcode.".into(),
                takeaways: vec!["Write the methods first".into(), "Ask Ng".into()],
                energy: Some(4),
                stress: Some(2),
                action_items: vec![ActionItemInput {
                    title: "Draft the methods".into(),
                    due_on: Some(day(30)),
                    ..ActionItemInput::default()
                }],
            },
            false,
        )
        .unwrap();
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(ng.id),
                body: "A draft not finished".into(),
                ..ConversationInput::default()
            },
            true,
        )
        .unwrap();
    let goal = journal
        .add_goal(&GoalInput {
            description: "Submit to the spring meeting".into(),
            category: "Research".into(),
            success_criteria: "Accepted abstract".into(),
            target_date: Some(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()),
            mentor_ids: vec![osei.id, ng.id],
            ..GoalInput::titled("First abstract")
        })
        .unwrap();
    let milestone = journal.add_milestone(goal.id, "Methods written").unwrap();
    journal.add_milestone(goal.id, "Figures").unwrap();
    journal
        .set_milestone_done(milestone.id, Some(day(27)))
        .unwrap();
    journal
        .review_goal(
            goal.id,
            &ReviewInput {
                reviewed_on: Some(day(28)),
                progress: 40,
                note: "On track".into(),
                new_title: Some("First abstract, spring".into()),
                new_criteria: None,
                reason: "Narrowed".into(),
            },
        )
        .unwrap();
    let other = journal.add_goal(&GoalInput::titled("Sleep more")).unwrap();
    journal
        .set_goal_status(
            other.id,
            &GoalStatusChange {
                status: GoalStatus::Paused,
                on: Some(day(25)),
                note: "Nights block".into(),
            },
        )
        .unwrap();
    let theirs = journal
        .add_action_item(&ActionItemInput {
            title: "Send the template".into(),
            owner: Some(Owner::Mentor),
            mentor_id: Some(osei.id),
            goal_id: Some(goal.id),
            conversation_id: Some(note.id),
            ..ActionItemInput::default()
        })
        .unwrap();
    journal
        .set_action_status(theirs.id, ActionStatus::Done)
        .unwrap();
    let q = journal.add_question(osei.id, "Which journal?").unwrap();
    journal.add_question(ng.id, "How often?").unwrap();
    journal.set_question_discussed(q.id, Some(day(21))).unwrap();
    journal.add_goal_category("Teaching").unwrap();
    // Templates (a built-in edited, one deleted, one of the user's own as a mentor's default)
    // and blocks (for everyone, and for one mentor only).
    let builtins = journal.list_templates().unwrap();
    journal
        .update_template(
            builtins[1].id,
            &TemplateInput {
                body: "## Since last time\n- ".into(),
                ..TemplateInput::named("Check-in, short")
            },
        )
        .unwrap();
    journal.delete_template(builtins[4].id).unwrap();
    let club = journal
        .add_template(&TemplateInput {
            takeaways: vec!["Read the methods".into(), "Ask about power".into()],
            ..TemplateInput::named("Journal club")
        })
        .unwrap();
    journal
        .set_mentor_default_template(osei.id, Some(club.id))
        .unwrap();
    journal
        .add_block(&BlockInput::pausing("ICU nights", day(1), day(14)))
        .unwrap();
    let mut research =
        BlockInput::pausing("Research block", day(15), day(30)).for_mentors(&[ng.id]);
    research.pauses_cadence = false;
    research.note = "Protected time".into();
    journal.add_block(&research).unwrap();
    let mut settings = journal.settings().unwrap();
    settings.review_after_weeks = 6;
    journal.update_settings(&settings).unwrap();
    journal
}

fn export(journal: &Journal) -> String {
    let mut out = Vec::new();
    journal.export_json(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn without_time(json: &str) -> String {
    json.lines()
        .filter(|l| !l.trim_start().starts_with("\"exportedAt\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn export_import_export_gives_the_same_journal() {
    let dir = tempfile::tempdir().unwrap();
    let journal = rich_journal(dir.path());
    let first = export(&journal);
    let doc: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["format"], "mentor-journal-export");
    for (key, at_least) in [
        ("mentors", 2),
        ("mentorStatusChanges", 1),
        ("mentorFocusAreas", 2),
        ("outreach", 1),
        ("conversations", 2),
        ("takeaways", 2),
        ("goals", 2),
        ("goalMentors", 2),
        ("milestones", 2),
        ("goalReviews", 1),
        ("goalStatusChanges", 1),
        ("actionItems", 2),
        ("questions", 2),
        ("focusAreas", 7),
        ("goalCategories", 8),
        ("templates", 5),
        ("blocks", 2),
        ("blockMentors", 1),
    ] {
        let n = doc[key].as_array().map_or(0, Vec::len);
        assert!(
            n >= at_least,
            "{key}: {n} rows, expected at least {at_least}"
        );
    }
    assert_eq!(doc["settings"]["review_after_weeks"], "6");
    assert!(
        doc["settings"].get("recovery_key_confirmed").is_none(),
        "nothing about this journal's keys or this machine"
    );

    let other = tempfile::tempdir().unwrap();
    let (fresh, _) = Vault::create_with(other.path(), &passphrase(), fast_kdf()).unwrap();
    let fresh = fresh.with_clock(Clock::on(day(29)));
    let imported = fresh.import_json(first.as_bytes()).unwrap();
    assert_eq!(
        (imported.mentors, imported.notes, imported.goals),
        (2, 2, 2)
    );
    let second = export(&fresh);
    assert_eq!(without_time(&first), without_time(&second), "lossless");
    assert_ne!(first, second, "only the export time differs");

    // The imported journal works: search finds the note, the backup before the import exists.
    let hits = fresh
        .search(&journal::SearchQuery {
            text: "abstract".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(!hits.is_empty(), "the search index was rebuilt");
    assert_eq!(
        fresh.backups().unwrap()[0].reason,
        BackupReason::BeforeImport
    );
    assert_eq!(mentor_names(&fresh), mentor_names(&journal));
}

#[test]
fn an_export_is_refused_by_a_journal_that_holds_something_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let journal = rich_journal(dir.path());
    let json = export(&journal);
    let err = journal.import_json(json.as_bytes()).unwrap_err();
    assert_eq!(err.field(), Some("file"), "{err}");
    assert!(err.to_string().contains("empty journal"), "{err}");
    assert_eq!(mentor_names(&journal).len(), 2);
}

#[test]
fn broken_newer_or_foreign_exports_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let json = export(&rich_journal(dir.path()));
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "truncated",
            json[..json.len() / 2].to_owned(),
            "not valid JSON",
        ),
        (
            "foreign",
            r#"{"tags":{},"entries":[]}"#.to_owned(),
            "not a Mentor Journal export",
        ),
        (
            "newer",
            json.replacen("\"version\": 1", "\"version\": 2", 1),
            "newer version",
        ),
        (
            "unknown field",
            json.replacen(
                "\"name\": \"Dr. Amara Osei\"",
                "\"name\": \"X\", \"mood\": 3",
                1,
            ),
            "mood",
        ),
        (
            "wrong type",
            json.replacen("\"cadenceDays\": 28", "\"cadenceDays\": \"monthly\"", 1),
            "cadenceDays",
        ),
        (
            "bad status",
            json.replacen("\"status\": \"active\"", "\"status\": \"asleep\"", 1),
            "cannot be imported",
        ),
    ];
    for (what, text, says) in cases {
        let other = tempfile::tempdir().unwrap();
        let (fresh, _) = Vault::create_with(other.path(), &passphrase(), fast_kdf()).unwrap();
        let err = fresh.import_json(text.as_bytes()).unwrap_err();
        assert!(err.to_string().contains(says), "{what}: {err}");
        if what == "newer" {
            assert_eq!(err.code(), ErrorCode::Conflict);
        }
        assert!(mentor_names(&fresh).is_empty(), "{what}: nothing written");
        assert_eq!(
            fresh.goal_categories().unwrap().len(),
            7,
            "{what}: builtins kept"
        );
    }
}
