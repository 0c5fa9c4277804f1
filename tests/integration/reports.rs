//! PDF reports read back with pdftotext (issue 14): the portfolio for a period and the summary
//! for a mentor show what they are for (names in any script, meetings against the cadence, goals
//! with their milestones, items done and open both ways, parked questions) and nothing private.
//! Every private field of the journal holds a marker, and no marker may reach either PDF.

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    ActionItemInput, ActionStatus, Channel, Clock, ConversationInput, GoalInput, GoalStatus,
    GoalStatusChange, Journal, MentorId, MentorInput, MentorStatus, Owner, ReviewInput,
    StatusChange, Vault, portfolio_pdf, summary_pdf,
};
use std::path::Path;

use crate::{fast_kdf, passphrase};

pub(crate) const MARKER: &str = "PRIVATE-MARKER";
pub(crate) const LUCJA: &str = "Dr. Łucja Ñúñez";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    day(s).and_hms_opt(11, 0, 0).unwrap()
}

fn on(journal: &mut Journal, today: &str) {
    journal.set_clock(Clock::on(day(today)));
}

fn meet(journal: &Journal, mentor: MentorId, when: &str, draft: bool) {
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(mentor),
                occurred_at: Some(at(when)),
                title: format!("Catch-up {when}"),
                body: format!("{MARKER}-body {when}: doubts about the rota"),
                takeaways: vec![format!("{MARKER}-takeaway {when}")],
                energy: Some(1),
                stress: Some(5),
                ..ConversationInput::default()
            },
            draft,
        )
        .unwrap();
}

fn item(
    journal: &Journal,
    mentor: MentorId,
    title: &str,
    owner: Owner,
    due: Option<&str>,
) -> journal::ActionItemId {
    journal
        .add_action_item(&ActionItemInput {
            title: title.into(),
            owner: Some(owner),
            mentor_id: Some(mentor),
            due_on: due.map(day),
            ..ActionItemInput::default()
        })
        .unwrap()
        .id
}

/// The PDF's text as pdftotext reads it (keeping the layout, so a label stays beside its value), with every run of whitespace made one space, so a
/// phrase matches wherever the layout wrapped it.
pub(crate) fn pdf_text(dir: &Path, name: &str, bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF-"), "{name} is a PDF file");
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = mentor_journal_tests::tool("pdftotext")
        .unwrap()
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext reads {name}: {out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) struct Fixture {
    _dir: tempfile::TempDir,
    pub(crate) journal: Journal,
    lucja: MentorId,
}

/// Three mentors over the first quarter of 2026, looked at on 15 April.
pub(crate) fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    on(&mut journal, "2026-01-01");
    let lucja = journal
        .add_mentor(&MentorInput {
            role: "Consultant".into(),
            specialty: "Cardiology".into(),
            institution: "Hôpital Saint-Éloi".into(),
            focus_areas: vec!["Research".into(), "Career".into()],
            cadence_days: Some(30),
            usual_channel: Some(Channel::Video),
            agreed_goals: "One first-author paper by the summer; a fellowship plan by autumn."
                .into(),
            private_notes: format!("{MARKER}-private-notes: intimidating in clinic"),
            how_we_met: format!("{MARKER}-how-we-met"),
            ..MentorInput::named(LUCJA)
        })
        .unwrap()
        .id;
    let osei = journal
        .add_mentor(&MentorInput {
            focus_areas: vec!["Well-being".into()],
            private_notes: format!("{MARKER}-osei-notes"),
            ..MentorInput::named("Dr. Sam Osei")
        })
        .unwrap()
        .id;
    let haddad = journal
        .add_mentor(&MentorInput::named("Dr. Farah Haddad"))
        .unwrap()
        .id;

    // Meetings with Łucja: two in the quarter, one either side of it, and a draft inside it.
    on(&mut journal, "2026-04-15");
    for when in ["2025-12-20", "2026-01-10", "2026-03-20", "2026-04-05"] {
        meet(&journal, lucja, when, false);
    }
    meet(&journal, lucja, "2026-02-15", true);
    meet(&journal, haddad, "2026-01-05", false);
    journal
        .set_mentor_status(
            haddad,
            &StatusChange {
                status: MentorStatus::Ended,
                on: Some(day("2026-02-01")),
                note: format!("{MARKER}-end-reason: took credit for my work"),
            },
        )
        .unwrap();

    // A goal achieved in the quarter with its milestones, and one still in progress.
    let paper = journal
        .add_goal(&GoalInput {
            set_on: Some(day("2026-01-01")),
            mentor_ids: vec![lucja],
            category: "Research".into(),
            description: format!("{MARKER}-goal-description"),
            success_criteria: format!("{MARKER}-criteria"),
            ..GoalInput::titled("Publish the registry paper")
        })
        .unwrap();
    for (title, done) in [
        ("Ethics approval", "2026-01-20"),
        ("Submit to the journal", "2026-03-01"),
    ] {
        let m = journal.add_milestone(paper.id, title).unwrap();
        journal.set_milestone_done(m.id, Some(day(done))).unwrap();
    }
    journal
        .review_goal(
            paper.id,
            &ReviewInput {
                reviewed_on: Some(day("2026-02-01")),
                progress: 60,
                note: format!("{MARKER}-review-note"),
                ..ReviewInput::default()
            },
        )
        .unwrap();
    journal
        .set_goal_status(
            paper.id,
            &GoalStatusChange {
                status: GoalStatus::Achieved,
                on: Some(day("2026-03-15")),
                note: format!("{MARKER}-achieved-note"),
            },
        )
        .unwrap();
    let fellowship = journal
        .add_goal(&GoalInput {
            set_on: Some(day("2026-02-01")),
            target_date: Some(day("2026-09-30")),
            mentor_ids: vec![lucja],
            ..GoalInput::titled("Apply for the research fellowship")
        })
        .unwrap();
    journal
        .add_milestone(fellowship.id, "Draft the personal statement")
        .unwrap();

    // Items done in the quarter (both ways), one done after it, and open ones both ways.
    for (title, owner, done_on) in [
        ("Send the abstract", Owner::Me, "2026-02-10"),
        (
            "Introduce me to the statistics group",
            Owner::Mentor,
            "2026-03-05",
        ),
        ("Book the poster session", Owner::Me, "2026-04-10"),
    ] {
        let id = item(&journal, lucja, title, owner, None);
        on(&mut journal, done_on);
        journal.set_action_status(id, ActionStatus::Done).unwrap();
    }
    on(&mut journal, "2026-04-15");
    item(
        &journal,
        lucja,
        "Revise the CV",
        Owner::Me,
        Some("2026-05-01"),
    );
    item(
        &journal,
        lucja,
        "Write the reference letter",
        Owner::Mentor,
        Some("2026-04-10"),
    );
    for n in 1..=40 {
        let id = item(
            &journal,
            osei,
            &format!("Weekly check-in task {n}"),
            Owner::Me,
            None,
        );
        on(&mut journal, "2026-03-30");
        journal.set_action_status(id, ActionStatus::Done).unwrap();
        on(&mut journal, "2026-04-15");
    }

    journal
        .add_question(
            lucja,
            "Which fellowship programmes suit a clinician-scientist?",
        )
        .unwrap();
    let old = journal
        .add_question(lucja, "Should I do a research year?")
        .unwrap();
    journal
        .set_question_discussed(old.id, Some(day("2026-03-20")))
        .unwrap();
    Fixture {
        _dir: dir,
        journal,
        lucja,
    }
}

#[test]
fn the_portfolio_pdf_shows_the_quarter_and_nothing_private() {
    let f = fixture();
    let portfolio = f
        .journal
        .portfolio(day("2026-01-01"), day("2026-03-31"))
        .unwrap();
    assert!(
        !serde_json::to_string(&portfolio).unwrap().contains(MARKER),
        "the data handed to the UI carries nothing private either"
    );
    let out = tempfile::tempdir().unwrap();
    let text = pdf_text(
        out.path(),
        "portfolio.pdf",
        &portfolio_pdf(&portfolio).unwrap(),
    );

    for expected in [
        "Mentorship portfolio, 1 Jan 2026 – 31 Mar 2026",
        LUCJA,
        "Consultant · Cardiology · Hôpital Saint-Éloi",
        "Helped with Career, Research",
        "2 of 3 meetings (agreed every 30 days)",
        "Dr. Farah Haddad",
        "1 meeting (no agreed cadence)",
        "Dr. Sam Osei",
        "0 meetings (no agreed cadence)",
        "Publish the registry paper — achieved 15 Mar 2026",
        "Ethics approval — done 20 Jan 2026",
        "Submit to the journal — done 1 Mar 2026",
        "Send the abstract — done 10 Feb 2026",
        "Introduce me to the statistics group (by the mentor) — done 5 Mar 2026",
        "Weekly check-in task 40 — done 30 Mar 2026",
        "No goals achieved in this period.",
        "No action items completed in this period.",
        "Page 1 of 2",
        "Page 2 of 2",
        "Generated 15 Apr 2026 with Mentor Journal",
    ] {
        assert!(
            text.contains(expected),
            "portfolio shows {expected:?}:\n{text}"
        );
    }
    for absent in [
        MARKER,
        "Book the poster session",
        "Apply for the research fellowship",
        "Revise the CV",
        "Catch-up",
    ] {
        assert!(
            !text.contains(absent),
            "portfolio must not show {absent:?} (private, outside the period, or not an achievement):\n{text}"
        );
    }
}

#[test]
fn the_summary_pdf_brings_the_agreement_goals_items_and_questions_to_the_mentor() {
    let f = fixture();
    let summary = f.journal.mentor_summary(f.lucja).unwrap();
    assert!(!serde_json::to_string(&summary).unwrap().contains(MARKER));
    let out = tempfile::tempdir().unwrap();
    let text = pdf_text(out.path(), "summary.pdf", &summary_pdf(&summary).unwrap());

    for expected in [
        &format!("Summary for {LUCJA}"),
        "We meet Every 30 days",
        "Usually Video call",
        "Last met 5 Apr 2026",
        "One first-author paper by the summer; a fellowship plan by autumn.",
        "Publish the registry paper — achieved 15 Mar 2026",
        "Ethics approval — done 20 Jan 2026",
        "Apply for the research fellowship — in progress, 0% · target 30 Sep 2026",
        "Draft the personal statement — not done",
        "What I will do",
        "Revise the CV — due 1 May 2026",
        "What you offered",
        "Write the reference letter — due 10 Apr 2026 (overdue)",
        "Which fellowship programmes suit a clinician-scientist?",
        "Page 1 of 1",
    ] {
        assert!(
            text.contains(expected),
            "summary shows {expected:?}:\n{text}"
        );
    }
    for absent in [
        MARKER,
        "Should I do a research year?",
        "Send the abstract",
        "Catch-up",
    ] {
        assert!(
            !text.contains(absent),
            "summary must not show {absent:?} (private, discussed or done):\n{text}"
        );
    }
}

#[test]
fn reports_refuse_a_backwards_period_and_an_unknown_mentor() {
    let f = fixture();
    let err = f
        .journal
        .portfolio(day("2026-03-31"), day("2026-01-01"))
        .unwrap_err();
    assert_eq!(err.code(), journal::ErrorCode::Validation);
    assert_eq!(
        f.journal
            .mentor_summary(MentorId(9_999))
            .unwrap_err()
            .code(),
        journal::ErrorCode::NotFound
    );
}
