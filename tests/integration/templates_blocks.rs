//! Note templates and schedule blocks (issue 18) on real encrypted journals with a fixed clock:
//! templates kept across a lock, a mentor's default following its template, a block pausing an
//! overdue mentor on the dashboard, the mentor list and the prep sheet, and a block for some
//! mentors only.

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    BlockInput, CadenceStatus, Clock, ConversationInput, ErrorCode, Journal, MentorFilter,
    MentorId, MentorInput, TemplateInput, Vault,
};

use crate::{fast_kdf, passphrase};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    day(s).and_hms_opt(8, 0, 0).unwrap()
}

fn vault(today: &str) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    (dir, journal.with_clock(Clock::on(day(today))))
}

fn mentor(journal: &Journal, name: &str, cadence: u32, met: &str) -> MentorId {
    let id = journal
        .add_mentor(&MentorInput {
            cadence_days: Some(cadence),
            ..MentorInput::named(name)
        })
        .unwrap()
        .id;
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(id),
                occurred_at: Some(at(met)),
                body: "We met.".into(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
    id
}

fn on_dashboard(journal: &Journal, id: MentorId) -> CadenceStatus {
    let board = journal.dashboard(journal.today()).unwrap();
    board
        .mentors
        .into_iter()
        .find(|m| m.id == id)
        .expect("an active mentor is on the dashboard")
        .cadence
}

fn in_list(journal: &Journal, id: MentorId) -> CadenceStatus {
    journal
        .list_mentors(&MentorFilter::default(), journal.today())
        .unwrap()
        .into_iter()
        .find(|s| s.mentor.id == id)
        .unwrap()
        .cadence
}

#[test]
fn templates_are_added_edited_and_deleted_and_a_mentors_default_follows_them() {
    let (dir, journal) = vault("2026-02-10");
    let builtins = journal.list_templates().unwrap();
    assert_eq!(builtins.len(), 5, "a new journal comes with the built-ins");
    let ada = journal
        .add_mentor(&MentorInput::named("Dr. Ada Osei"))
        .unwrap()
        .id;
    let club = journal
        .add_template(&TemplateInput {
            description: "Monthly journal club".into(),
            body: "## Paper\n- Question:\n- Methods:".into(),
            takeaways: vec!["Read the methods first".into()],
            ..TemplateInput::named("Journal club")
        })
        .unwrap();
    journal
        .set_mentor_default_template(ada, Some(club.id))
        .unwrap();
    let edited = journal
        .update_template(
            club.id,
            &TemplateInput {
                body: "## Paper\n- Question:".into(),
                ..TemplateInput::named("Journal club (short)")
            },
        )
        .unwrap();
    assert!(edited.updated_at >= club.updated_at);
    assert_eq!(
        journal
            .add_template(&TemplateInput::named("JOURNAL CLUB (SHORT)"))
            .unwrap_err()
            .code(),
        ErrorCode::Validation,
        "names are unique whatever their case"
    );

    // Everything is in the encrypted journal: lock, unlock, still there.
    journal.lock();
    let journal = Vault::unlock(dir.path(), &passphrase()).unwrap();
    let start = journal.template_for_new_note(ada).unwrap().unwrap();
    assert_eq!(start.name, "Journal club (short)");
    assert_eq!(start.body, "## Paper\n- Question:");
    assert!(start.takeaways.is_empty(), "the edit removed the takeaway");
    assert_eq!(start.default_for_mentors, 1);

    // A built-in can be a default too; deleting it clears the default and it can come back.
    let first = &builtins[0];
    journal
        .set_mentor_default_template(ada, Some(first.id))
        .unwrap();
    journal.delete_template(first.id).unwrap();
    assert_eq!(journal.mentor(ada).unwrap().default_template_id, None);
    assert_eq!(journal.template_for_new_note(ada).unwrap(), None);
    let restored = journal.restore_builtin_templates().unwrap();
    assert_eq!(restored.len(), 1);
    assert_eq!(
        (restored[0].name.as_str(), restored[0].body.as_str()),
        (first.name.as_str(), first.body.as_str()),
        "restored with its original name and text"
    );
    journal.delete_template(club.id).unwrap();
    assert_eq!(journal.list_templates().unwrap().len(), 5);
}

#[test]
fn a_pausing_block_pauses_an_overdue_mentor_on_the_dashboard_until_it_ends() {
    // Met 10 January, every 14 days: due 24 January, 17 days overdue on 10 February.
    let (_dir, mut journal) = vault("2026-02-10");
    let osei = mentor(&journal, "Dr. Osei", 14, "2026-01-10");
    assert_eq!(
        on_dashboard(&journal, osei),
        CadenceStatus::Overdue { days_overdue: 17 }
    );
    let nights = journal
        .add_block(&BlockInput::pausing(
            "ICU nights",
            day("2026-02-01"),
            day("2026-02-28"),
        ))
        .unwrap();
    let paused = CadenceStatus::Paused {
        block_id: nights.id,
        block_title: "ICU nights".into(),
        until: day("2026-02-28"),
        resumes_on: day("2026-03-01"),
        otherwise: Box::new(CadenceStatus::Overdue { days_overdue: 7 }),
    };
    assert_eq!(
        on_dashboard(&journal, osei),
        paused,
        "due, paused for ICU nights until 28 Feb: the clock stopped at 7 days overdue"
    );
    assert_eq!(in_list(&journal, osei), paused, "the mentor list agrees");
    assert_eq!(
        journal.prep_sheet(osei, journal.today()).unwrap().cadence,
        paused
    );

    // The day after the block the clock runs again from where it stopped.
    journal.set_clock(Clock::on(day("2026-03-01")));
    assert_eq!(
        on_dashboard(&journal, osei),
        CadenceStatus::Overdue { days_overdue: 8 }
    );
    // Deleting the block brings back the plain rule.
    journal.delete_block(nights.id).unwrap();
    assert_eq!(
        on_dashboard(&journal, osei),
        CadenceStatus::Overdue { days_overdue: 36 }
    );
}

#[test]
fn a_block_for_some_mentors_only_pauses_only_theirs_and_a_non_pausing_one_nothing() {
    let (_dir, journal) = vault("2026-02-10");
    let research = mentor(&journal, "Dr. Research", 14, "2026-01-10");
    let clinical = mentor(&journal, "Dr. Clinical", 14, "2026-01-10");
    let block = journal
        .add_block(
            &BlockInput::pausing("Research elective", day("2026-02-01"), day("2026-02-14"))
                .for_mentors(&[research]),
        )
        .unwrap();
    assert_eq!(block.mentor_ids, [research]);
    assert!(matches!(
        on_dashboard(&journal, research),
        CadenceStatus::Paused { ref block_title, until, .. }
            if block_title == "Research elective" && until == day("2026-02-14")
    ));
    assert_eq!(
        on_dashboard(&journal, clinical),
        CadenceStatus::Overdue { days_overdue: 17 },
        "the clinical mentor's clock keeps running"
    );
    let board = journal.dashboard(journal.today()).unwrap();
    assert_eq!(
        board.mentors[0].id, clinical,
        "the overdue mentor comes before the paused one"
    );

    // A rotation that does not pause is only a record.
    let mut rotation =
        BlockInput::pausing("Cardiology rotation", day("2026-02-01"), day("2026-02-28"));
    rotation.pauses_cadence = false;
    journal.add_block(&rotation).unwrap();
    assert_eq!(
        on_dashboard(&journal, clinical),
        CadenceStatus::Overdue { days_overdue: 17 }
    );
    assert_eq!(journal.list_blocks().unwrap().len(), 2);

    // The block names mentors that exist; a mentor deleted later leaves it.
    let mut ghost = rotation.clone().for_mentors(&[MentorId(9_999)]);
    ghost.title = "Ghost".into();
    assert_eq!(
        journal.add_block(&ghost).unwrap_err().code(),
        ErrorCode::Validation
    );
    journal.delete_mentor(research).unwrap();
    assert!(journal.block(block.id).unwrap().mentor_ids.is_empty());
}

#[test]
fn an_export_from_before_templates_imports_and_keeps_the_built_ins() {
    let (_dir, journal) = vault("2026-02-10");
    mentor(&journal, "Dr. Osei", 14, "2026-01-10");
    let mut out = Vec::new();
    journal.export_json(&mut out).unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    // As schema 7 wrote it: no templates, blocks or default template.
    let top = doc.as_object_mut().unwrap();
    for key in ["templates", "blocks", "blockMentors"] {
        top.remove(key);
    }
    top.insert("schemaVersion".into(), 7.into());
    for m in top["mentors"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("defaultTemplateId");
    }
    let (_other, fresh) = vault("2026-02-10");
    fresh.import_json(doc.to_string().as_bytes()).unwrap();
    assert_eq!(fresh.list_templates().unwrap().len(), 5);
    assert!(fresh.list_blocks().unwrap().is_empty());
}
