//! The Markdown export (issue 14): a folder a person reads in any editor: one file per mentor
//! (profile, agreement, conversations in date order with takeaways and action items), one for
//! goals, and an index. Drafts are left out; an existing folder is never written into.

use journal::{ConversationInput, MentorInput};
use std::fs;

use crate::export_json::rich_journal;

#[test]
fn the_markdown_export_is_one_readable_file_per_mentor_and_one_for_goals() {
    let dir = tempfile::tempdir().unwrap();
    let journal = rich_journal(dir.path());
    let osei = journal.list_conversations(None, 10).unwrap()[0].mentor_id;
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: osei,
                occurred_at: Some(
                    chrono::NaiveDate::from_ymd_opt(2026, 11, 2)
                        .unwrap()
                        .and_hms_opt(9, 0, 0)
                        .unwrap(),
                ),
                title: "An earlier talk".into(),
                body: "Said before the abstract plan.".into(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
    // Two mentors whose names make the same file name, and one no file system takes as is.
    journal.add_mentor(&MentorInput::named("Dr. Kim")).unwrap();
    journal.add_mentor(&MentorInput::named("dr. kim")).unwrap();
    journal
        .add_mentor(&MentorInput::named("A/B: \"Test\""))
        .unwrap();

    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("My journal");
    let done = journal.export_markdown_folder(&folder).unwrap();
    assert_eq!(done.notes, 2, "drafts are not exported");
    let mut files: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len() as u32, done.files);
    for expected in [
        "README.md",
        "Goals.md",
        "Dr. Amara Osei.md",
        "Dr. Łucja Ñúñez.md",
        "Dr. Kim.md",
        "A-B- -Test-.md",
    ] {
        assert!(
            files.iter().any(|f| f == expected),
            "{expected} in {files:?}"
        );
    }
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("dr. kim (") && f.ends_with(").md")),
        "the second Dr. Kim gets her own file: {files:?}"
    );

    let osei = fs::read_to_string(folder.join("Dr. Amara Osei.md")).unwrap();
    for part in [
        "# Dr. Amara Osei",
        "Attending · Cardiology · St. Elsewhere",
        "Meet every 4 weeks, usually video",
        "Agreed goals: One abstract a year",
        "## Private notes",
        "### 2026-11-21 16:30: Abstract plan",
        "*coffee · 45 minutes · energy 4/5 · stress 2/5*",
        "\"Quotes\", tabs\tand ünïcode.",
        "- Write the methods first",
        "- [ ] Draft the methods, due 2026-11-30",
        "- [x] Send the template (theirs)",
        "## Questions discussed",
    ] {
        assert!(osei.contains(part), "{part:?} in:\n{osei}");
    }
    let earlier = osei.find("An earlier talk").unwrap();
    let later = osei.find("Abstract plan").unwrap();
    assert!(earlier < later, "conversations in date order");
    let ng = fs::read_to_string(folder.join("Dr. Łucja Ñúñez.md")).unwrap();
    assert!(ng.contains("Introduced by: Dr. Amara Osei"), "{ng}");
    assert!(ng.contains("How often?"), "an open question: {ng}");
    assert!(!ng.contains("A draft not finished"), "no drafts");
    let goals = fs::read_to_string(folder.join("Goals.md")).unwrap();
    for part in [
        "## First abstract, spring",
        "- [x] Methods written (done 2026-11-27)",
        "- [ ] Figures",
        "40%, On track; renamed from \"First abstract\" (Narrowed)",
        "With: Dr. Amara Osei, Dr. Łucja Ñúñez",
        "paused (Nights block)",
    ] {
        assert!(goals.contains(part), "{part:?} in:\n{goals}");
    }
    let index = fs::read_to_string(folder.join("README.md")).unwrap();
    assert!(
        index.contains("[Dr. Amara Osei](<Dr. Amara Osei.md>) (2 notes)"),
        "{index}"
    );

    let again = journal.export_markdown_folder(&folder).unwrap_err();
    assert_eq!(again.field(), Some("path"), "{again}");
}

#[test]
fn notes_about_no_single_mentor_have_a_file_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) =
        journal::Vault::create_with(dir.path(), &crate::passphrase(), crate::fast_kdf()).unwrap();
    let jrnl =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jrnl/journal-24h.txt");
    let file = journal::read_source(&jrnl, journal::ImportSource::Jrnl, None).unwrap();
    let report = journal
        .import_entries(
            &file,
            &[],
            &|_, _| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap();
    assert_eq!(report.without_mentor, 5);
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("md");
    let done = journal.export_markdown_folder(&folder).unwrap();
    assert_eq!(done.notes, 5, "every note, none left out");
    let loose = fs::read_to_string(folder.join("Notes about no single mentor.md")).unwrap();
    for title in ["Morning pages", "Leap day.", "Quiet evening"] {
        assert!(loose.contains(title), "{title} in:\n{loose}");
    }
    let index = fs::read_to_string(folder.join("README.md")).unwrap();
    assert!(index.contains("(5 notes)"), "{index}");
}
