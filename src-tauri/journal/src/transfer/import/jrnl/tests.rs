//! Tests of the jrnl reader against the fixtures in `tests/fixtures/jrnl` (one journal written
//! by jrnl in every form: 24-hour and AM/PM text, JSON, v1, v2 and v3), and of its refusals.

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/jrnl/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn refused(bytes: &[u8], password: Option<&str>) -> (String, String) {
    match read(bytes, password.map(Passphrase::new).as_ref()) {
        Err(Error::Validation { field, message }) => (field.into_owned(), message),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn ok(bytes: &[u8], password: Option<&str>) -> SourceFile {
    read(bytes, password.map(Passphrase::new).as_ref()).unwrap_or_else(|e| panic!("{e}"))
}

/// The five entries every fixture holds (jrnl wrote them all from the same commands).
fn check_journal(file: &SourceFile) {
    let titles: Vec<&str> = file.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Morning pages",
            "Finished the first draft! @Writing @milestone",
            "Lunch with Dana @mentor",
            "Leap day.",
            "Quiet evening"
        ]
    );
    let [morning, draft, lunch, leap, quiet] = &file.entries[..] else {
        panic!("five entries")
    };
    assert_eq!(morning.occurred_at, at("2023-11-02 07:45:00"));
    assert_eq!(
        morning.body,
        "Coffee first, then three pages about the week ahead. @writing\n\n- call the printer\n- draft chapter two"
    );
    assert_eq!(
        draft.occurred_at,
        at("2023-11-02 21:10:00"),
        "9:10 PM is 21:10, never shifted"
    );
    assert!(
        draft.starred && !morning.starred,
        "only the entry written with ` *` is starred"
    );
    let mut tags = draft.tags.clone();
    tags.sort();
    assert_eq!(
        tags,
        ["mentor", "milestone", "writing"],
        "tags are jrnl's, lowercased, without @"
    );
    assert_eq!(
        lunch.occurred_at,
        at("2024-01-15 12:05:00"),
        "12:05 PM is noon"
    );
    assert!(
        lunch.body.starts_with(
            "We talked about pacing at the café on Main Street.\n[note] She recommends"
        )
    );
    assert!(lunch.body.ends_with(
        "## Next steps\nRead [her essay](https://example.org/essay) and reply. @Mentor @reading"
    ));
    assert_eq!(
        leap.occurred_at,
        at("2024-02-29 00:30:00"),
        "12:30 AM is half past midnight"
    );
    assert_eq!(leap.body, "Could not sleep, so I wrote this instead.");
    assert_eq!((quiet.body.as_str(), quiet.tags.len()), ("", 0));
    assert!(
        file.entries
            .iter()
            .all(|e| !e.all_day && e.media.is_empty() && e.source_id.len() == 64)
    );
}

#[test]
fn reads_every_form_of_the_same_journal_alike() {
    let text = ok(&fixture("journal-24h.txt"), None);
    assert_eq!(text.format, SourceFormat::JrnlText);
    check_journal(&text);
    assert_eq!(
        text.entries[2].tags,
        ["mentor", "reading"],
        "first-seen order, deduplicated across case"
    );
    let ampm = ok(&fixture("journal-ampm.txt"), None);
    let json = ok(&fixture("export.json"), None);
    assert_eq!(json.format, SourceFormat::JrnlJson);
    let v1 = ok(&fixture("journal-v1.jrnl"), Some("jrnl-v1-pass"));
    for (name, file) in [("am/pm", &ampm), ("json", &json), ("v1", &v1)] {
        check_journal(file);
        let ids = |f: &SourceFile| {
            f.entries
                .iter()
                .map(|e| e.source_id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(file),
            ids(&text),
            "{name}: the same entry has the same identity in every form"
        );
    }
    assert_eq!(v1.format, SourceFormat::JrnlEncrypted);
}

#[test]
fn reads_fernet_journals_v2_and_v3() {
    let v2 = ok(&fixture("journal-v2.jrnl"), Some("correct horse v2"));
    let v3 = ok(&fixture("journal-v3.jrnl"), Some("pässwörd v3"));
    check_journal(&v2);
    check_journal(&v3);
    assert_eq!(v2.entries, v3.entries);
    assert_eq!(v2.format, SourceFormat::JrnlEncrypted);
}

#[test]
fn refuses_wrong_passwords_and_damage_without_panicking() {
    for name in ["journal-v1.jrnl", "journal-v2.jrnl", "journal-v3.jrnl"] {
        let bytes = fixture(name);
        assert_eq!(
            refused(&bytes, None),
            (
                "password".into(),
                "This jrnl journal is encrypted: enter its password.".into()
            )
        );
        let (field, message) = refused(&bytes, Some("not it"));
        assert_eq!(field, "password", "{name}");
        assert!(
            message.starts_with("That is not the password of this jrnl journal"),
            "{name}: {message}"
        );
    }
    let mut v2 = fixture("journal-v2.jrnl");
    v2[200] = if v2[200] == b'A' { b'B' } else { b'A' };
    assert_eq!(
        refused(&v2, Some("correct horse v2")).0,
        "password",
        "a flipped byte fails the HMAC"
    );
    let v3 = fixture("journal-v3.jrnl");
    assert!(refused(&v3[..7], Some("x")).1.contains("damaged"));
    assert!(refused(&v3[..40], Some("x")).1.contains("damaged"));
    let v1 = fixture("journal-v1.jrnl");
    let (_, message) = refused(&v1[..v1.len() - 5], Some("jrnl-v1-pass"));
    assert!(
        message.contains("UTF-8"),
        "a cut v1 file is no longer whole blocks: {message}"
    );
}

#[test]
fn refuses_what_is_not_a_jrnl_export() {
    let json = fixture("export.json");
    assert!(
        refused(&json[..json.len() / 2], None)
            .1
            .contains("cut short")
    );
    assert!(
        refused(br#"{"foo":1}"#, None)
            .1
            .starts_with("This is not a jrnl export")
    );
    let dayone = br#"{"metadata":{"version":"1.0"},"entries":[{"uuid":"A","creationDate":"2024-04-16T23:00:00Z"}]}"#;
    assert!(refused(dayone, None).1.contains("Day One"));
    let bad =
        br#"{"tags":{},"entries":[{"title":"Odd","body":"","date":"2024-13-01","time":"09:00"}]}"#;
    assert_eq!(
        refused(bad, None).1,
        "Entry 1 (\"Odd\") has the date \"2024-13-01 09:00\", which is not a real date and time."
    );
}

#[test]
fn refuses_bad_text_with_its_line() {
    let mut latin1 = fixture("journal-24h.txt");
    let cafe = latin1
        .windows(2)
        .position(|w| w == "é".as_bytes())
        .unwrap_or_else(|| panic!("café"));
    latin1.splice(cafe..cafe + 2, [0xe9]);
    assert_eq!(
        refused(&latin1, None).1,
        format!("This file is not UTF-8 text: line 13 (byte {cafe}) is not valid UTF-8.")
    );
    for (stamp, line) in [
        ("0000-01-01 09:00", 3),
        ("99999-01-01 09:00", 3),
        ("2024-13-01 09:00", 3),
        ("2024-02-30 09:00", 3),
        ("2024-01-01 25:00", 3),
    ] {
        let text = format!("[2024-01-01 09:00] Fine\nbody\n[{stamp}] Absurd\n");
        let message = refused(text.as_bytes(), None).1;
        assert!(
            message.starts_with(&format!("Line {line}: \"[{stamp}] Absurd\"")),
            "{message}"
        );
    }
    assert!(
        refused(b"Dear diary,\nnothing here looks like jrnl.\n", None)
            .1
            .contains("no line starts an entry")
    );
    assert_eq!(refused(b"", None).1, "This file is empty.");
    assert_eq!(refused(b" \n\n", None).1, "This file is empty.");
    let huge = vec![b' '; usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX) + 1];
    assert!(
        refused(&huge, None)
            .1
            .starts_with("This file is larger than 256 MiB")
    );
}

#[test]
fn splits_as_jrnl_does() {
    let text = "preamble\n[2024-01-01 9:05 am] One line. Then more @A @a! @b@c x@d\n[2024-01-02] Day only *\n";
    let file = ok(text.as_bytes(), None);
    let [one, day] = &file.entries[..] else {
        panic!("two entries")
    };
    assert_eq!(
        (one.title.as_str(), one.body.as_str()),
        ("One line.", "Then more @A @a! @b@c x@d")
    );
    assert_eq!(
        (one.occurred_at, one.tags.clone()),
        (
            at("2024-01-01 09:05:00"),
            vec!["a".to_owned(), "b".to_owned()]
        )
    );
    assert_eq!(
        (day.title.as_str(), day.starred, day.all_day),
        ("Day only", true, true)
    );
    assert_eq!(
        file.notes.len(),
        1,
        "the preamble is reported, not dropped silently"
    );
    let legacy = ok(
        b"2012-05-01 10:00 Old style *\nbody [x] here\n2012-05-02 11:30 Next\n",
        None,
    );
    assert_eq!(legacy.entries.len(), 2);
    assert!(legacy.entries[0].starred && legacy.entries[0].body == "body [x] here");
}
