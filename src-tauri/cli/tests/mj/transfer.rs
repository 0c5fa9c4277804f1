//! `mj export` and `mj import`.

use crate::common::{Fixture, PASS, fails, json, stdout};

fn jrnl_fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/jrnl/journal-24h.txt")
}

#[test]
fn an_import_dry_run_writes_nothing_and_the_real_one_maps_the_tag_to_a_new_mentor() {
    let f = Fixture::with_mentors();
    let file = jrnl_fixture();
    let file = file.to_str().unwrap();
    let out = stdout(f.mj(&["import", "jrnl", file, "--dry-run", "--map", "mentor=+Dana"]));
    assert!(
        out.contains("5 entries") && out.contains("Nothing was written"),
        "{out}"
    );
    assert!(
        out.contains("mentor") && out.contains("new mentor Dana"),
        "{out}"
    );
    assert!(f.notes().is_empty(), "a dry run writes nothing");
    assert_eq!(
        f.core(|j| j.list_mentors(&Default::default(), j.today()).unwrap())
            .len(),
        2
    );

    let out = stdout(f.mj(&["import", "jrnl", file, "--map", "mentor=+Dana"]));
    assert!(out.contains("Imported 5 entries"), "{out}");
    let mentors = f.core(|j| j.list_mentors(&Default::default(), j.today()).unwrap());
    let dana = mentors
        .iter()
        .find(|s| s.mentor.name == "Dana")
        .expect("Dana was made");
    assert_eq!(dana.conversations, 2, "the two @mentor entries are hers");
    assert_eq!(f.notes().len(), 5);

    let again = json(f.mj(&["--json", "import", "jrnl", file, "--dry-run"]));
    assert_eq!(again["alreadyImported"], 5, "importing twice adds nothing");
}

#[test]
fn a_map_to_an_existing_mentor_goes_by_prefix() {
    let f = Fixture::with_mentors();
    let file = jrnl_fixture();
    f.mj(&[
        "import",
        "jrnl",
        file.to_str().unwrap(),
        "--map",
        "writing=alan",
    ])
    .assert()
    .success();
    let alan = f
        .core(|j| j.list_mentors(&Default::default(), j.today()).unwrap())
        .into_iter()
        .find(|s| s.mentor.name == "Alan Turing")
        .unwrap();
    assert_eq!(alan.conversations, 2);
    let err = fails(
        &mut f.mj(&["import", "jrnl", file.to_str().unwrap(), "--map", "writing"]),
        1,
    );
    assert!(err.contains("TAG=MENTOR"), "{err}");
}

#[test]
fn exports_write_json_markdown_and_pdfs_and_encrypt_with_the_second_line() {
    let f = Fixture::with_mentors();
    f.mj(&["note", "--mentor", "amara", "About the export."])
        .assert()
        .success();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("journal.json");
    let said = stdout(f.mj(&["export", "json", file.to_str().unwrap()]));
    assert!(said.contains("2 mentors, 1 note"), "{said}");
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["format"], journal::EXPORT_FORMAT);

    let folder = out.path().join("markdown");
    f.mj(&["export", "markdown", folder.to_str().unwrap()])
        .assert()
        .success();
    let any_md = walk(&folder)
        .into_iter()
        .any(|p| std::fs::read_to_string(&p).is_ok_and(|t| t.contains("About the export.")));
    assert!(any_md, "the note is in one of the Markdown files");

    let sealed = out.path().join("journal.json.age");
    f.mj_with(
        &["export", "json", sealed.to_str().unwrap(), "--encrypt"],
        &format!("{PASS}\nanother long export passphrase\n"),
    )
    .assert()
    .success();
    let bytes = std::fs::read(&sealed).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"), "an age file");
    assert!(
        !String::from_utf8_lossy(&bytes).contains("About the export"),
        "no plaintext"
    );

    let pdf = out.path().join("portfolio.pdf");
    f.mj(&[
        "export",
        "portfolio",
        pdf.to_str().unwrap(),
        "--from",
        "2 weeks ago",
        "--with-reviews",
    ])
    .assert()
    .success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let err = fails(
        &mut f.mj(&["export", "json", "x.json", "--with-reviews"]),
        1,
    );
    assert!(
        err.contains("--with-reviews is for `mj export portfolio`"),
        "{err}"
    );
    let pdf = out.path().join("summary.pdf");
    f.mj(&[
        "export",
        "summary",
        "--mentor",
        "amara",
        pdf.to_str().unwrap(),
    ])
    .assert()
    .success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let err = fails(&mut f.mj(&["export", "summary", pdf.to_str().unwrap()]), 1);
    assert!(err.contains("--mentor"), "{err}");
}

#[test]
fn an_encrypted_jrnl_journal_opens_with_the_password_on_the_next_line() {
    let f = Fixture::with_mentors();
    let file = jrnl_fixture().with_file_name("journal-v3.jrnl");
    let file = file.to_str().unwrap();
    let preview = json(f.mj_with(
        &[
            "--json",
            "import",
            "jrnl",
            file,
            "--dry-run",
            "--password-fd",
            "0",
        ],
        &format!("{PASS}\npässwörd v3\n"),
    ));
    assert_eq!(preview["format"], "jrnlEncrypted");
    assert_eq!(preview["entries"], 5);
    let err = fails(
        f.mj_with(
            &["import", "jrnl", file, "--dry-run", "--password-fd", "0"],
            &format!("{PASS}\nnot it\n"),
        ),
        1,
    );
    assert!(err.contains("not the password"), "{err}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
