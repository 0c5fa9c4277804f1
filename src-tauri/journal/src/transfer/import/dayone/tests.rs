//! Tests of the Day One reader against `tests/fixtures/dayone/Dev Journal.json`, bare and
//! zipped, and of its text conversion, titles, time zones, refusals and zip limits.

use std::io::{Cursor, Write};

use ::zip::write::SimpleFileOptions;
use chrono::NaiveDate;

use super::text::TITLE_CUT_CHARS;
use super::*;
use crate::error::Error;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/dayone/Dev Journal.json"
);

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, s)
        .unwrap()
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(::zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, data) in files {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The refusal's message, checking it is a validation error on `file`.
fn refusal(bytes: &[u8]) -> String {
    refusal_with(bytes, MAX_UNPACKED_BYTES)
}

fn refusal_with(bytes: &[u8], max_unpacked: u64) -> String {
    match read_with_limits(bytes, max_unpacked) {
        Err(Error::Validation { field, message }) => {
            assert_eq!(field, "file");
            message
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_fixture_gives_five_entries_on_their_local_days() {
    let file = read(&fixture()).unwrap();
    assert_eq!(file.format, SourceFormat::DayOne);
    assert!(file.notes.is_empty(), "{:?}", file.notes);
    let e = &file.entries;
    assert_eq!(e.len(), 5);

    // All-day, 2024-04-16T23:00:00Z in Europe/Dublin: local midnight of 17 April.
    assert_eq!(e[0].source_id, "dayone:DF8B32A3FE25400BBBB3A7BBFCD23CE7");
    assert_eq!(e[0].occurred_at, at(2024, 4, 17, 0, 0, 0));
    assert!(e[0].all_day);
    assert_eq!(e[0].title, "Header 1");
    assert!(e[0].body.starts_with("## Header 2\n\n### Header 3\n"));
    assert!(e[0].body.contains("```\nCode block\n```"));
    assert!(e[0].body.ends_with("[photo not imported]"));
    assert!(e[0].starred);
    assert_eq!(e[0].tags, ["another-dev-testing-tag", "dev-testing-tag"]);
    assert_eq!(
        e[0].media,
        ["photo 646FD9CE9D924262ADB1FA7AF3A2F4DB (jpeg)"]
    );

    // All-day, 2024-04-17T23:00:00Z in Europe/London (BST): 18 April.
    assert_eq!(e[1].source_id, "dayone:1461153D91EC48C180C606C853FBFD83");
    assert_eq!(e[1].occurred_at, at(2024, 4, 18, 0, 0, 0));
    assert!(e[1].all_day);
    assert_eq!(e[1].title, "Pariatur aute nulla incididunt");
    assert!(
        e[1].body
            .starts_with("Pariatur aute nulla incididunt. Ad dolor irure est in magna est. ")
    );
    assert!(e[1].body.ends_with("Dolore adipisicing do ea."));
    assert!(!e[1].body.contains('\\'));
    assert!(!e[1].starred);
    assert!(e[1].tags.is_empty());
    assert!(e[1].media.is_empty());

    // 21:48:36Z in BST.
    assert_eq!(e[2].source_id, "dayone:876E72B228F847379F296B1698CA3F61");
    assert_eq!(e[2].occurred_at, at(2024, 4, 19, 22, 48, 36));
    assert!(!e[2].all_day);
    assert_eq!(e[2].title, "\"This text is in quotes\"");
    assert!(
        e[2].body
            .starts_with("This-text-is-hyphenated\n(This text is in parentheses)\n\nDolore ex")
    );
    assert!(!e[2].starred);
    assert!(e[2].tags.is_empty());
    assert!(e[2].media.is_empty());

    // Two photos in the text, one video only in the list.
    assert_eq!(e[3].source_id, "dayone:479270F4CAD1429AB1564DB34D0FE337");
    assert_eq!(e[3].occurred_at, at(2024, 4, 19, 22, 55, 53));
    assert!(!e[3].all_day);
    assert_eq!(
        e[3].title,
        "Ipsum labore tempor eu elit voluptate incididunt sint ea enim aute do minim"
    );
    assert!(
        e[3].body
            .contains("sit consequat nulla et.[photo not imported]. Nostrud est")
    );
    assert!(e[3].body.ends_with("excepteur.\n\n[photo not imported]"));
    assert!(!e[3].body.contains("dayone-moment"));
    assert_eq!(
        e[3].media,
        [
            "photo 031C8B7DAE0349BAA27892008778F6F6 (jpeg)",
            "photo 24BD79E9E42F4A4CA0C9F384F547B5BC (jpeg)",
            "video E5B4E8C8B7EB4291AFDFFACB966A0382 (mp4)",
        ]
    );

    // Only a video and an audio: no title, the markers are the body. 22:45:51Z is 23:45 BST.
    assert_eq!(e[4].source_id, "dayone:959E7A13B3B649D681DC573DB7E07967");
    assert_eq!(e[4].occurred_at, at(2024, 4, 21, 23, 45, 51));
    assert!(!e[4].all_day);
    assert_eq!(e[4].title, "");
    assert_eq!(e[4].body, "[video not imported]\n\n[audio not imported]");
    assert_eq!(
        e[4].media,
        [
            "video 6F9B2DC7EADE4242A80DC76470D2264E (mp4)",
            "audio 08514236013D4E4A9389BFDC24A5F727 (aac)",
        ]
    );
}

#[test]
fn a_zip_gives_the_same_entries_and_counts_its_media() {
    let json = fixture();
    let zipped = zip_of(&[
        ("Dev Journal.json", &json),
        ("photos/31c871f18f68d2fde4196ccba1f8ece1.jpeg", b"jpeg"),
        ("videos/842e6f3bf38e93981004c637e8b03967.mp4", b"mp4"),
    ]);
    let from_zip = read(&zipped).unwrap();
    assert_eq!(from_zip.entries, read(&json).unwrap().entries);
    assert_eq!(from_zip.notes.len(), 1);
    assert!(
        from_zip.notes[0].contains("2 media files"),
        "{:?}",
        from_zip.notes
    );
}

#[test]
fn a_zip_with_two_journals_reads_both_and_says_so() {
    let other = br#"{"metadata":{"version":"1.0"},"entries":[{"uuid":"AA","creationDate":"2020-01-01T12:00:00Z","timeZone":"America/New_York","text":"Hi"}]}"#;
    let zipped = zip_of(&[("Dev Journal.json", &fixture()), ("Work.json", other)]);
    let file = read(&zipped).unwrap();
    assert_eq!(file.entries.len(), 6);
    assert_eq!(file.entries[5].occurred_at, at(2020, 1, 1, 7, 0, 0));
    assert!(file.notes[0].contains("2 journals"), "{:?}", file.notes);
}

#[test]
fn escapes_are_undone_only_before_ascii_punctuation() {
    let raw: RawEntry = serde_json::from_str("{}").unwrap();
    let undo = |s: &str| convert_text(s, &raw);
    assert_eq!(undo(r"a\. b\- \(c\) \# \! \` \*"), "a. b- (c) # ! ` *");
    assert_eq!(undo(r"\d+ \w \é \1 end\"), r"\d+ \w \é \1 end\");
    assert_eq!(undo(r"C:\\Users\\me \\. \\d"), r"C:\Users\me \. \d");
    assert_eq!(undo("```\nlet x = 1\\.0;\n```"), "```\nlet x = 1.0;\n```");
    assert_eq!(
        undo(r"\[not a link\](dayone2://view?entryId=X)"),
        "[not a link](dayone2://view?entryId=X)"
    );
}

#[test]
fn media_and_entry_links_become_text() {
    let raw: RawEntry = serde_json::from_str(
        r#"{"pdfAttachments":[{"identifier":"P1","type":"pdf"}],"audios":[{"identifier":"A1","format":"m4a"}]}"#,
    )
    .unwrap();
    let convert = |s: &str| convert_text(s, &raw);
    assert_eq!(convert("![](dayone-moment://P1)"), "[pdf not imported]");
    assert_eq!(convert("![](dayone-moment://A1)"), "[audio not imported]");
    assert_eq!(
        convert("![](dayone-moment:/video/V1)"),
        "[video not imported]"
    );
    assert_eq!(convert("![](dayone-moment://X)"), "[photo not imported]");
    assert_eq!(
        convert(r"see [the trip\!](dayone2://view?entryId=ABC) and [it](dayone-moment://E)"),
        "see the trip! and it"
    );
    assert_eq!(
        convert("[site](https://example.org)"),
        "[site](https://example.org)"
    );
    assert_eq!(media_list(&raw), ["audio A1 (m4a)", "pdf P1 (pdf)"]);
}

#[test]
fn titles_follow_the_first_line() {
    assert_eq!(
        split_title("# Trip ##\n\nBody"),
        ("Trip".into(), "Body".into())
    );
    assert_eq!(
        split_title("\n\nShort\nBody\n\n"),
        ("Short".into(), "Body".into())
    );
    assert_eq!(
        split_title("#hashtag\nBody"),
        ("#hashtag".into(), "Body".into())
    );
    assert_eq!(split_title(""), (String::new(), String::new()));
    let long = "word ".repeat(40);
    let (title, body) = split_title(&long);
    assert!(title.ends_with('…') && title.chars().count() <= TITLE_CUT_CHARS + 1);
    assert_eq!(body, long.trim_end());
    let heading = format!("## {long}\nBody");
    let (title, body) = split_title(&heading);
    assert!(
        title.starts_with("word word") && title.ends_with('…'),
        "{title}"
    );
    assert_eq!(body, heading);
}

#[test]
fn tags_are_deduplicated_and_zones_fall_back() {
    let json = br##"{"metadata":{},"entries":[
        {"uuid":"A","creationDate":"2024-01-31T23:30:00Z","tags":["x","#y","x"," y ",""],
         "location":{"timeZoneName":"Asia/Tokyo"},"starred":true},
        {"uuid":"B","creationDate":"2024-01-31T23:30:00Z","timeZone":"Mars/Olympus","isAllDay":true}
    ]}"##;
    let file = read(json).unwrap();
    assert_eq!(file.entries[0].tags, ["x", "y"]);
    assert_eq!(file.entries[0].occurred_at, at(2024, 2, 1, 8, 30, 0));
    assert!(file.entries[0].starred);
    assert_eq!(file.entries[1].occurred_at, at(2024, 1, 31, 0, 0, 0));
    assert!(
        file.notes[0]
            .starts_with("Entry 1 (A): no usable time zone, used its place's (Asia/Tokyo)")
    );
    assert_eq!(file.notes[1], "Entry 2 (B): no time zone, kept UTC.");
}

#[test]
fn a_duplicate_uuid_is_skipped_with_a_note() {
    let json = br#"{"metadata":{},"entries":[
        {"uuid":"A","creationDate":"2024-01-01T00:00:00Z","timeZone":"UTC"},
        {"uuid":"A","creationDate":"2024-01-01T00:00:00Z","timeZone":"UTC"}]}"#;
    let file = read(json).unwrap();
    assert_eq!(file.entries.len(), 1);
    assert!(file.notes[0].contains("appears twice"));
}

#[test]
fn bad_files_are_refused_clearly() {
    let json = fixture();
    assert!(refusal(&json[..json.len() / 2]).contains("truncated"));
    assert!(refusal(b"").contains("empty"));
    assert!(refusal(b"  \n").contains("empty"));
    let jrnl =
        br#"{"tags":{},"entries":[{"title":"Hi","body":"","date":"2020-01-01","time":"09:00"}]}"#;
    assert!(refusal(jrnl).starts_with("This is not a Day One export"));
    assert!(refusal(b"[1,2]").starts_with("This is not a Day One export"));
    assert!(refusal(b"hello").starts_with("This is not a Day One export"));
    let mut bad_utf8 = br#"{"metadata":{},"entries":[{"text":""#.to_vec();
    bad_utf8.extend_from_slice(&[0xff, 0xfe, b'"', b'}', b']', b'}']);
    assert!(refusal(&bad_utf8).contains("not valid UTF-8"));
    let too_big = vec![b' '; usize::try_from(MAX_FILE_BYTES).unwrap() + 1];
    assert!(refusal(&too_big).contains("larger than"));
}

#[test]
fn entries_without_a_sane_date_are_refused_by_number() {
    let with = |entry: &str| {
        format!(
            r#"{{"metadata":{{}},"entries":[{{"uuid":"OK","creationDate":"2024-01-01T00:00:00Z"}},{entry}]}}"#
        )
    };
    let missing = refusal(with(r#"{"uuid":"U2"}"#).as_bytes());
    assert_eq!(missing, "Entry 2 (U2) has no creationDate.");
    for date in [
        "0000-01-01T00:00:00Z",
        "99999-01-01T00:00:00Z",
        "yesterday",
        "2024-13-45T00:00:00Z",
    ] {
        let message =
            refusal(with(&format!(r#"{{"uuid":"U2","creationDate":"{date}"}}"#)).as_bytes());
        assert!(
            message.starts_with("Entry 2 (U2) has an unreadable creationDate"),
            "{message}"
        );
    }
    let no_uuid = refusal(with(r#"{"creationDate":"2024-01-01T00:00:00Z"}"#).as_bytes());
    assert_eq!(no_uuid, "Entry 2 has no uuid.");
    let wrong_type = refusal(
        with(r#"{"uuid":"U2","creationDate":"2024-01-01T00:00:00Z","tags":"x"}"#).as_bytes(),
    );
    assert!(
        wrong_type.starts_with("Entry 2 (U2) cannot be read"),
        "{wrong_type}"
    );
}

#[test]
fn zips_without_a_journal_or_too_large_are_refused() {
    let no_json = zip_of(&[("photos/a.jpeg", b"jpeg"), ("nested/Journal.json", b"{}")]);
    assert!(refusal(&no_json).contains("no .json file"));
    let mut damaged = zip_of(&[("Dev Journal.json", &fixture())]);
    damaged.truncate(200);
    assert!(refusal(&damaged).contains("damaged"));
    // 2 MiB of zeros deflate to a few KiB; a 1 MiB limit must stop it.
    let zeros = vec![0u8; 2 * 1024 * 1024];
    let bomb = zip_of(&[("Bomb.json", &zeros)]);
    assert!(bomb.len() < 64 * 1024);
    assert!(refusal_with(&bomb, 1024 * 1024).contains("zip bomb"));
}

#[test]
fn a_lying_size_header_is_still_capped() {
    // Declares 16 bytes but holds 2 MiB. The zip crate stops at the declared size and fails
    // the CRC ("damaged"); were it not to, the capped read would ("zip bomb"). Never memory.
    let zeros = vec![b' '; 2 * 1024 * 1024];
    let mut bomb = zip_of(&[("Bomb.json", &zeros)]);
    let declared = u32::try_from(zeros.len()).unwrap().to_le_bytes();
    let small = 16u32.to_le_bytes();
    let mut patched = 0;
    for i in 0..bomb.len().saturating_sub(4) {
        if bomb[i..i + 4] == declared {
            bomb[i..i + 4].copy_from_slice(&small);
            patched += 1;
        }
    }
    assert!(patched >= 2);
    let message = refusal_with(&bomb, 1024 * 1024);
    assert!(
        message.contains("zip bomb") || message.contains("damaged"),
        "{message}"
    );
}
