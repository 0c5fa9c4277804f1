//! The rules behind what a new user met in the daily loop (issue 12), checked on real vaults:
//! notes cannot be dated in the future and nothing counts negative days, the week of due items
//! includes its seventh day, waiting outreach reaches the dashboard, duplicate mentors are found
//! however they are spelled, search finds hyphenated words and shows snippets without Markdown
//! syntax, weak passphrases are refused by the core, and an unconfirmed recovery key is known.

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    ActionItemInput, Clock, ConversationInput, ErrorCode, Journal, MentorInput, MentorStatus,
    OutreachInput, Passphrase, ReviewInput, SearchQuery, Vault,
};

use crate::{fast_kdf, passphrase};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn journal_on(dir: &tempfile::TempDir, clock: Clock) -> Journal {
    Vault::create_with(dir.path(), &passphrase(), fast_kdf())
        .unwrap()
        .0
        .with_clock(clock)
}

fn active(journal: &Journal, name: &str, cadence_days: Option<u32>) -> journal::MentorId {
    journal
        .add_mentor(&MentorInput {
            status: Some(MentorStatus::Active),
            cadence_days,
            ..MentorInput::named(name)
        })
        .unwrap()
        .id
}

fn note_at(
    journal: &Journal,
    mentor: journal::MentorId,
    when: &str,
    body: &str,
) -> journal::Result<journal::Conversation> {
    journal.add_conversation(
        &ConversationInput {
            mentor_id: Some(mentor),
            occurred_at: Some(at(when)),
            body: body.into(),
            ..ConversationInput::default()
        },
        false,
    )
}

#[test]
fn a_conversation_cannot_be_dated_in_the_future_beyond_the_time_zone_slack() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::at(at("2026-12-01T20:00:00")));
    let osei = active(&journal, "Dr. Osei", Some(28));
    for ok in [
        "2026-12-01T23:59:00",
        "2026-12-02T09:30:00",
        "2026-11-30T08:00:00",
    ] {
        note_at(&journal, osei, ok, "fine").unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    for future in [
        "2026-12-02T10:30:00",
        "2026-12-05T09:00:00",
        "2149-12-01T09:00:00",
    ] {
        let err = note_at(&journal, osei, future, "not yet").unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (ErrorCode::Validation, Some("occurredAt")),
            "{future}: {err}"
        );
        assert!(err.to_string().contains("future"), "{err}");
    }
    let err = journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(osei),
                occurred_at: Some(at("2027-01-01T09:00:00")),
                ..ConversationInput::default()
            },
            true,
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("occurredAt"), "drafts too");
}

#[test]
fn other_things_that_happened_cannot_be_in_the_future_either() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::on(day("2026-12-01")));
    let osei = active(&journal, "Dr. Osei", None);
    let outreach = |on: &str| {
        journal.log_outreach(
            osei,
            &OutreachInput {
                made_on: day(on),
                request: "An introduction".into(),
                outcome: None,
                note: String::new(),
            },
        )
    };
    outreach("2026-12-01").unwrap();
    assert_eq!(outreach("2026-12-02").unwrap_err().field(), Some("madeOn"));
    let goal = journal
        .add_goal(&journal::GoalInput {
            title: "Publish".into(),
            ..journal::GoalInput::default()
        })
        .unwrap();
    let review = |on: &str| {
        journal.review_goal(
            goal.id,
            &ReviewInput {
                progress: 10,
                reviewed_on: Some(day(on)),
                ..ReviewInput::default()
            },
        )
    };
    review("2026-12-01").unwrap();
    assert_eq!(
        review("2026-12-02").unwrap_err().field(),
        Some("reviewedOn")
    );
    let question = journal.add_question(osei, "Which journal?").unwrap();
    assert_eq!(
        journal
            .set_question_discussed(question.id, Some(day("2026-12-02")))
            .unwrap_err()
            .field(),
        Some("discussedOn")
    );
}

#[test]
fn a_note_dated_ahead_by_a_wrong_clock_never_shows_negative_days() {
    let dir = tempfile::tempdir().unwrap();
    // Written on a laptop whose clock said 2027; the clock is right again now.
    let mut journal = journal_on(&dir, Clock::on(day("2027-06-01")));
    let osei = active(&journal, "Dr. Osei", Some(28));
    note_at(&journal, osei, "2027-06-01T09:00:00", "met").unwrap();
    journal.set_clock(Clock::on(day("2026-12-01")));
    let d = journal.dashboard(journal.today()).unwrap();
    let due = d.mentors.iter().find(|m| m.id == osei).unwrap();
    assert_eq!(due.days_since_last, Some(0), "never negative");
    assert_eq!(
        due.cadence,
        journal::CadenceStatus::OnTrack { due_in_days: 28 },
        "counts as met today"
    );
}

#[test]
fn an_item_due_a_week_from_today_is_due_this_week() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::on(day("2026-12-01")));
    for (title, due) in [("Seventh day", "2026-12-08"), ("Eighth day", "2026-12-09")] {
        journal
            .add_action_item(&ActionItemInput {
                title: title.into(),
                due_on: Some(day(due)),
                ..ActionItemInput::default()
            })
            .unwrap();
    }
    let d = journal.dashboard(journal.today()).unwrap();
    let titles: Vec<_> = d
        .action_items
        .iter()
        .map(|i| i.item.title.as_str())
        .collect();
    assert_eq!(titles, ["Seventh day"]);
    assert_eq!(d.items_due_this_week, 1);
}

#[test]
fn outreach_waiting_for_an_answer_is_on_the_dashboard_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::on(day("2026-12-01")));
    let prospect = |name: &str| {
        journal
            .add_mentor(&MentorInput {
                status: Some(MentorStatus::Prospective),
                ..MentorInput::named(name)
            })
            .unwrap()
            .id
    };
    let (kim, lee, ended) = (
        prospect("Dr. Kim"),
        prospect("Dr. Lee"),
        prospect("Dr. Gone"),
    );
    let log = |mentor, on: &str, outcome| {
        journal
            .log_outreach(
                mentor,
                &OutreachInput {
                    made_on: day(on),
                    request: format!("Would you mentor me? ({on})"),
                    outcome,
                    note: String::new(),
                },
            )
            .unwrap()
    };
    log(lee, "2026-11-25", None);
    log(kim, "2026-11-10", None);
    log(kim, "2026-10-01", Some(journal::OutreachOutcome::Declined));
    log(ended, "2026-11-01", None);
    journal
        .set_mentor_status(
            ended,
            &journal::StatusChange {
                status: MentorStatus::Ended,
                on: None,
                note: String::new(),
            },
        )
        .unwrap();
    let d = journal.dashboard(journal.today()).unwrap();
    let waiting: Vec<_> = d
        .waiting_outreach
        .iter()
        .map(|w| (w.mentor_name.as_str(), w.days_waiting, w.follow_up))
        .collect();
    assert_eq!(
        waiting,
        [("Dr. Kim", 21, true), ("Dr. Lee", 6, false)],
        "pending only, oldest first, not for ended relationships; follow up after {} days",
        journal::FOLLOW_UP_AFTER_DAYS
    );
}

#[test]
fn a_duplicate_mentor_is_found_whatever_the_case_accents_or_title() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::on(day("2026-12-01")));
    let osei = active(&journal, "Dr. Amara Osei", None);
    let muller = active(&journal, "José Müller", None);
    active(&journal, "Amara Oseiwa", None);
    let like = |name: &str, except| {
        journal
            .mentors_named_like(name, except)
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(like("dr amara osei", None), [osei]);
    assert_eq!(like("Amara  OSEI", None), [osei]);
    assert_eq!(like("Prof. Jose Muller", None), [muller]);
    assert_eq!(
        like("Dr. Amara Osei", Some(osei)),
        [],
        "not itself when editing"
    );
    assert_eq!(like("Amara", None), [], "no fuzzy guesses");
    assert_eq!(like("  ", None), []);
}

#[test]
fn search_finds_hyphenated_words_and_snippets_show_no_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::on(day("2026-12-01")));
    let osei = active(&journal, "Dr. Osei", None);
    note_at(
        &journal,
        osei,
        "2026-11-30T10:00:00",
        "## Plan\n\nThe **half-written** draft needs a follow-up after the post-op review with \
         Dr. Müller-Łukasiewicz.",
    )
    .unwrap();
    let search = |text: &str| {
        journal
            .search(&SearchQuery {
                text: text.into(),
                ..SearchQuery::default()
            })
            .unwrap()
    };
    for query in [
        "Half-written",
        "half-writ",
        "half written",
        "follow-up",
        "post-op",
        "Müller-Łukasiewicz",
        "muller-łukasiewicz",
        "\"post-op review\"",
    ] {
        assert_eq!(search(query).len(), 1, "{query} finds the note");
    }
    assert!(
        search("written-half").is_empty(),
        "a hyphenated word is a phrase, in order"
    );
    let snippet = &search("draft")[0].snippet_html;
    assert!(
        !snippet.contains("##") && !snippet.contains("**"),
        "no Markdown syntax in {snippet}"
    );
    assert!(snippet.contains("<mark>draft</mark>"), "{snippet}");
    assert!(snippet.contains("Plan"), "{snippet}");
}

#[test]
fn the_core_refuses_a_weak_passphrase_and_says_what_would_pass() {
    for weak in ["password123", "qwertyuiop", "mentorjournal"] {
        let dir = tempfile::tempdir().unwrap();
        let err = Vault::create_with(dir.path(), &Passphrase::new(weak), fast_kdf()).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (ErrorCode::Validation, Some("passphrase")),
            "{weak}: {err}"
        );
        assert!(err.to_string().contains("unrelated words"), "{err}");
        assert_eq!(
            journal::Vault::status(dir.path()),
            journal::VaultStatus::Absent
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::System);
    let err = journal
        .change_passphrase_with(&passphrase(), &Passphrase::new("password123"), fast_kdf())
        .unwrap_err();
    assert_eq!(
        err.field(),
        Some("passphrase"),
        "a new passphrase too: {err}"
    );
    let strength = Passphrase::new("password123").strength();
    assert!(!strength.acceptable && strength.score < journal::MIN_SCORE);
    assert!(
        Passphrase::new("violet anchor ledger pumpkin")
            .strength()
            .acceptable
    );
}

#[test]
fn a_recovery_key_counts_as_saved_only_once_the_user_confirms_it() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::System);
    assert!(!journal.recovery_key_confirmed().unwrap(), "new journal");
    drop(journal);
    // Closed on the recovery-key screen: the next unlock still knows.
    let journal = Vault::unlock(dir.path(), &passphrase()).unwrap();
    assert!(
        !journal.recovery_key_confirmed().unwrap(),
        "after a restart"
    );
    journal.confirm_recovery_key_saved().unwrap();
    assert!(journal.recovery_key_confirmed().unwrap());
    let mut journal = journal;
    journal.regenerate_recovery_key(&passphrase()).unwrap();
    assert!(
        !journal.recovery_key_confirmed().unwrap(),
        "a new key must be saved again"
    );
    journal.confirm_recovery_key_saved().unwrap();
    let mut journal = journal;
    journal.rotate_key(&passphrase()).unwrap();
    assert!(
        !journal.recovery_key_confirmed().unwrap(),
        "rotation issues a new key"
    );
}

#[test]
fn the_database_and_its_companions_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_on(&dir, Clock::System);
    journal.add_mentor(&MentorInput::named("Dr. Osei")).unwrap();
    for name in [journal::DATABASE_FILE, "journal.db-wal", journal::KEY_FILE] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name} is {:o}", mode & 0o777);
    }
}

#[test]
fn an_older_journal_readable_by_others_is_made_private_when_opened() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    drop(journal_on(&dir, Clock::System));
    let db = dir.path().join(journal::DATABASE_FILE);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(Vault::unlock(dir.path(), &passphrase()).unwrap());
    let mode = std::fs::metadata(&db).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{:o}", mode & 0o777);
}
