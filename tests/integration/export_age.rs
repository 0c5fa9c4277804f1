//! Exports encrypted with a passphrase in the age format (issue 14): the real `age -d` opens them,
//! the file on disk holds none of the journal's text, a weak passphrase is refused before anything
//! is written, and nothing is left beside the file.

use journal::{ErrorCode, Passphrase, Protection, portfolio_pdf, write_pdf};
use mentor_journal_tests::age_decrypt;

use crate::export_json::rich_journal;

const EXPORT_PASSPHRASE: &str = "tangerine lighthouse gravel orbit";

#[test]
fn an_age_export_opens_with_age_and_holds_no_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let journal = rich_journal(dir.path());
    let out = tempfile::tempdir().unwrap();
    let pass = Passphrase::new(EXPORT_PASSPHRASE);

    let json = out.path().join("journal.json.age");
    journal
        .export_json_to(&json, Protection::Age(&pass))
        .unwrap();
    let sealed = std::fs::read(&json).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1"), "an age file");
    for plain in ["Amara", "abstract", "mentor-journal-export"] {
        assert!(
            !sealed.windows(plain.len()).any(|w| w == plain.as_bytes()),
            "no {plain:?} in the encrypted file"
        );
    }
    let opened = age_decrypt(&json, EXPORT_PASSPHRASE).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&opened).unwrap();
    assert_eq!(doc["format"], "mentor-journal-export");
    assert_eq!(doc["mentors"][0]["name"], "Dr. Amara Osei");
    assert!(
        age_decrypt(&json, "not the passphrase").is_err(),
        "a wrong one fails"
    );

    let zip = out.path().join("journal-markdown.zip.age");
    let done = journal
        .export_markdown_zip_to(&zip, Protection::Age(&pass))
        .unwrap();
    assert!(done.files >= 4);
    let opened = age_decrypt(&zip, EXPORT_PASSPHRASE).unwrap();
    assert!(opened.starts_with(b"PK"), "a zip inside");
    let unpacked = tempfile::tempdir().unwrap();
    let zip_plain = unpacked.path().join("md.zip");
    std::fs::write(&zip_plain, &opened).unwrap();
    let status = mentor_journal_tests::tool("unzip")
        .unwrap()
        .args([
            "-q",
            zip_plain.to_str().unwrap(),
            "-d",
            unpacked.path().to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let osei =
        std::fs::read_to_string(unpacked.path().join("Mentor Journal/Dr. Amara Osei.md")).unwrap();
    assert!(
        osei.contains("### 2026-11-21 16:30: Abstract plan"),
        "{osei}"
    );

    let from = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let pdf = portfolio_pdf(&journal.portfolio(from, to).unwrap()).unwrap();
    let report = out.path().join("portfolio.pdf.age");
    write_pdf(&report, &pdf, Protection::Age(&pass)).unwrap();
    assert_eq!(age_decrypt(&report, EXPORT_PASSPHRASE).unwrap(), pdf);

    let left: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "nothing left beside the files: {left:?}");
}

#[test]
fn a_weak_export_passphrase_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let journal = rich_journal(dir.path());
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("journal.json.age");
    let err = journal
        .export_json_to(&path, Protection::Age(&Passphrase::new("password1")))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.field(), Some("passphrase"));
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "no file at all"
    );
    let plain = out.path().join("journal.json");
    journal.export_json_to(&plain, Protection::Plain).unwrap();
    assert!(
        std::fs::read_to_string(&plain)
            .unwrap()
            .contains("Dr. Amara Osei")
    );
}
