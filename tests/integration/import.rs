//! Importing jrnl and Day One (issue 14) on real files written by those apps: a preview before
//! anything is written, tags mapped to mentors, entries on their own local day, nothing lost (tags
//! and stars kept in the note, entries without a mentor kept as notes about no single mentor, media
//! listed), idempotent (a second import adds nothing, an edited note is not overwritten), one
//! transaction after a backup, cancel leaves nothing, and bad files are refused with nothing written.

use journal::{
    BackupReason, ConversationInput, ErrorCode, ImportSource, Journal, MapTo, MentorInput,
    Passphrase, SourceFormat, TagMapping, Vault, read_source,
};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::{fast_kdf, mentor_names, passphrase};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

fn empty_journal(dir: &Path) -> Journal {
    Vault::create_with(dir, &passphrase(), fast_kdf())
        .unwrap()
        .0
}

fn notes(journal: &Journal) -> Vec<(Option<i64>, String, String, String)> {
    let mut all: Vec<_> = journal
        .list_conversations(None, 1000)
        .unwrap()
        .into_iter()
        .map(|c| {
            (
                c.mentor_id.map(|m| m.0),
                c.occurred_at.format("%Y-%m-%d %H:%M").to_string(),
                c.title,
                c.body,
            )
        })
        .collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    all
}

static NO_CANCEL: AtomicBool = AtomicBool::new(false);

#[test]
fn a_day_one_export_lands_on_its_own_days_with_tags_kept_and_a_second_import_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = empty_journal(dir.path());
    let file = read_source(
        &fixture("dayone/Dev Journal.json"),
        ImportSource::DayOne,
        None,
    )
    .unwrap();
    let preview = journal.preview_import(&file).unwrap();
    assert_eq!(preview.format, SourceFormat::DayOne);
    assert_eq!(preview.entries, 5);
    assert_eq!(preview.already_imported, 0);
    assert_eq!(preview.first_on.unwrap().to_string(), "2024-04-17");
    assert_eq!(preview.last_on.unwrap().to_string(), "2024-04-21");
    assert_eq!(preview.media, 6);
    let tags: Vec<&str> = preview.tags.iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(tags, ["another-dev-testing-tag", "dev-testing-tag"]);
    assert!(notes(&journal).is_empty(), "the preview writes nothing");

    let mappings = vec![TagMapping {
        tag: "dev-testing-tag".into(),
        to: MapTo::NewMentor {
            name: "Dr. Day One".into(),
        },
    }];
    let steps = std::sync::Mutex::new(Vec::new());
    let report = journal
        .import_entries(
            &file,
            &mappings,
            &|done, total| steps.lock().unwrap().push((done, total)),
            &NO_CANCEL,
        )
        .unwrap();
    assert_eq!(
        (report.added, report.new_mentors, report.without_mentor),
        (5, 1, 4)
    );
    assert_eq!(report.media_not_imported.len(), 6);
    assert_eq!(
        steps.lock().unwrap().last(),
        Some(&(5, 5)),
        "progress to the end"
    );
    assert_eq!(mentor_names(&journal), ["Dr. Day One"]);
    assert_eq!(
        journal.backups().unwrap()[0].reason,
        BackupReason::BeforeImport
    );

    let imported = notes(&journal);
    let days: Vec<&str> = imported.iter().map(|n| &n.1[..10]).collect();
    assert_eq!(
        days,
        [
            "2024-04-17",
            "2024-04-18",
            "2024-04-19",
            "2024-04-19",
            "2024-04-21"
        ],
        "all-day entries on their local day, not the UTC one"
    );
    let first = &imported[0];
    assert!(
        first.0.is_some(),
        "the tagged entry belongs to the new mentor"
    );
    assert_eq!(first.2, "Header 1");
    assert!(
        first
            .3
            .contains("Tags: another-dev-testing-tag, dev-testing-tag · starred"),
        "tags and the star are kept: {}",
        first.3
    );
    assert!(
        imported[1..].iter().all(|n| n.0.is_none()),
        "no mentor: kept, not dropped"
    );

    // Edited after the import, then the same file again: nothing added, the edit kept.
    let edited = journal
        .list_conversations(None, 10)
        .unwrap()
        .into_iter()
        .find(|c| c.title == "Header 1")
        .unwrap();
    journal
        .update_conversation(
            edited.id,
            &ConversationInput {
                mentor_id: edited.mentor_id,
                occurred_at: Some(edited.occurred_at),
                title: "Header 1, edited".into(),
                body: "Rewritten here.".into(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
    let again = journal.preview_import(&file).unwrap();
    assert_eq!(again.already_imported, 5);
    let report = journal
        .import_entries(&file, &mappings, &|_, _| {}, &NO_CANCEL)
        .unwrap();
    assert_eq!(
        (report.added, report.already_imported, report.new_mentors),
        (0, 5, 0)
    );
    assert_eq!(notes(&journal).len(), 5);
    assert!(notes(&journal).iter().any(|n| n.2 == "Header 1, edited"));
    assert_eq!(mentor_names(&journal), ["Dr. Day One"], "no second mentor");
}

#[test]
fn every_jrnl_form_imports_the_same_entries_and_the_second_form_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = empty_journal(dir.path());
    let dana = journal
        .add_mentor(&MentorInput::named("Dana Whitfield"))
        .unwrap();
    let text = read_source(&fixture("jrnl/journal-24h.txt"), ImportSource::Jrnl, None).unwrap();
    let preview = journal.preview_import(&text).unwrap();
    assert_eq!(preview.format, SourceFormat::JrnlText);
    assert_eq!(preview.entries, 5);
    let mentor_tag = preview.tags.iter().find(|t| t.tag == "mentor").unwrap();
    assert_eq!(mentor_tag.entries, 2);
    let mappings = vec![TagMapping {
        tag: "mentor".into(),
        to: MapTo::Mentor { id: dana.id },
    }];
    let report = journal
        .import_entries(&text, &mappings, &|_, _| {}, &NO_CANCEL)
        .unwrap();
    assert_eq!(report.added, 5);
    let imported = notes(&journal);
    assert_eq!(
        imported[0].1, "2023-11-02 07:45",
        "jrnl times are local, never shifted"
    );
    assert_eq!(imported[3].1, "2024-02-29 00:30");
    let lunch = imported
        .iter()
        .find(|n| n.2.starts_with("Lunch with Dana"))
        .unwrap();
    assert_eq!(lunch.0, Some(dana.id.0), "the @mentor tag maps to Dana");

    for (file, password) in [
        ("jrnl/export.json", None),
        ("jrnl/journal-ampm.txt", None),
        ("jrnl/journal-v2.jrnl", Some("correct horse v2")),
        ("jrnl/journal-v3.jrnl", Some("pässwörd v3")),
    ] {
        let password = password.map(Passphrase::new);
        let other = read_source(&fixture(file), ImportSource::Jrnl, password.as_ref()).unwrap();
        let report = journal
            .import_entries(&other, &mappings, &|_, _| {}, &NO_CANCEL)
            .unwrap();
        assert_eq!(
            (report.added, report.already_imported),
            (0, 5),
            "{file}: the same five entries"
        );
    }
    assert_eq!(notes(&journal).len(), 5);
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = empty_journal(dir.path());
    let file = read_source(&fixture("jrnl/journal-24h.txt"), ImportSource::Jrnl, None).unwrap();
    let cancel = AtomicBool::new(true);
    let err = journal
        .import_entries(&file, &[], &|_, _| {}, &cancel)
        .unwrap_err();
    assert!(err.to_string().contains("cancelled"), "{err}");
    assert!(notes(&journal).is_empty());
}

#[test]
fn bad_files_are_refused_with_a_clear_message_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let journal = empty_journal(dir.path());
    let scratch = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = scratch.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let export = std::fs::read(fixture("jrnl/export.json")).unwrap();
    let dayone = std::fs::read(fixture("dayone/Dev Journal.json")).unwrap();
    let huge = scratch.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let cases: Vec<(PathBuf, ImportSource, Option<&str>, &str)> = vec![
        (
            write("cut.json", &export[..export.len() / 2]),
            ImportSource::Jrnl,
            None,
            "file",
        ),
        (
            write("dayone-as-jrnl.json", &dayone),
            ImportSource::Jrnl,
            None,
            "file",
        ),
        (
            write("jrnl-as-dayone.json", &export),
            ImportSource::DayOne,
            None,
            "file",
        ),
        (
            write("latin1.txt", b"[2024-01-01 09:00] Caf\xe9\n"),
            ImportSource::Jrnl,
            None,
            "file",
        ),
        (
            write("year.txt", b"[99999-01-01 09:00] Far away\n"),
            ImportSource::Jrnl,
            None,
            "file",
        ),
        (
            fixture("jrnl/journal-v2.jrnl"),
            ImportSource::Jrnl,
            Some("wrong one"),
            "password",
        ),
        (
            fixture("jrnl/journal-v3.jrnl"),
            ImportSource::Jrnl,
            None,
            "password",
        ),
        (huge, ImportSource::DayOne, None, "file"),
        (
            scratch.path().join("gone.json"),
            ImportSource::DayOne,
            None,
            "file",
        ),
    ];
    for (path, source, password, field) in cases {
        let password = password.map(Passphrase::new);
        let err = read_source(&path, source, password.as_ref()).unwrap_err();
        assert_eq!(
            err.code(),
            ErrorCode::Validation,
            "{}: {err}",
            path.display()
        );
        assert_eq!(err.field(), Some(field), "{}: {err}", path.display());
        assert!(!err.to_string().is_empty());
    }
    let future = write("future.txt", b"[2099-01-01 09:00] Not yet\n");
    let file = read_source(&future, ImportSource::Jrnl, None).unwrap();
    let err = journal.preview_import(&file).unwrap_err();
    assert!(err.to_string().contains("in the future"), "{err}");
    assert!(
        journal
            .import_entries(&file, &[], &|_, _| {}, &NO_CANCEL)
            .is_err()
    );
    assert!(notes(&journal).is_empty());
    assert!(
        journal.backups().unwrap().is_empty(),
        "nothing even backed up"
    );
}
