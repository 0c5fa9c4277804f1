//! `mj init`, unlocking (passphrase, recovery key, the exit codes of each failure), `verify`,
//! `passwd`, `backup` and `restore`.

use crate::common::{Fixture, PASS, bare, fails, json, stdout};

#[test]
fn init_creates_a_journal_with_the_real_kdf_and_prints_the_recovery_key_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new");
    let out = stdout(
        bare(&dir)
            .args(["--passphrase-fd", "0", "init"])
            .write_stdin(format!("{PASS}\n")),
    );
    let key = out
        .split_whitespace()
        .find(|w| w.len() == 39 && w.matches('-').count() == 7)
        .expect("the recovery key is printed in its grouped form");
    journal::Vault::unlock_with_recovery(&dir, &journal::RecoveryKey::new(key)).unwrap();
    journal::Vault::unlock(&dir, &journal::Passphrase::new(PASS)).unwrap();
    let err = fails(
        bare(&dir)
            .args(["--passphrase-fd", "0", "init"])
            .write_stdin(format!("{PASS}\n")),
        1,
    );
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn init_refuses_a_weak_passphrase_in_the_cores_words() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new");
    fails(
        bare(&dir)
            .args(["--passphrase-fd", "0", "init"])
            .write_stdin("password\n"),
        1,
    );
    assert!(!dir.join(journal::KEY_FILE).exists(), "nothing was created");
}

#[test]
fn a_wrong_passphrase_exits_3_and_a_wrong_recovery_key_too() {
    let f = Fixture::new();
    let err = fails(&mut f.mj_with(&["mentors"], "not the passphrase\n"), 3);
    assert!(
        err.contains("That passphrase does not open this journal."),
        "{err}"
    );
    let other = Fixture::new();
    let err = fails(
        &mut f.mj_with(&["--recovery", "mentors"], &format!("{}\n", other.recovery)),
        3,
    );
    assert!(err.contains("recovery key does not open"), "{err}");
    fails(&mut f.mj_with(&["--recovery", "mentors"], "ABCD\n"), 1);
    f.mj_with(&["--recovery", "verify"], &format!("{}\n", f.recovery))
        .assert()
        .success();
}

#[test]
fn no_journal_no_passphrase_source_and_a_closed_descriptor_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let err = fails(
        bare(tmp.path())
            .args(["--passphrase-fd", "0", "mentors"])
            .write_stdin(format!("{PASS}\n")),
        1,
    );
    assert!(err.contains("mj init"), "{err}");
    let f = Fixture::new();
    let err = fails(bare(f.path()).arg("mentors").write_stdin(""), 1);
    assert!(
        err.contains("--passphrase-fd"),
        "no terminal: the passphrase is never taken from elsewhere: {err}"
    );
    let err = fails(bare(f.path()).args(["--passphrase-fd", "57", "mentors"]), 1);
    assert!(err.contains("57"), "{err}");
}

#[test]
fn a_damaged_journal_exits_4() {
    let f = Fixture::with_mentors();
    f.core(|j| {
        let mentor = j.list_mentors(&Default::default(), j.today()).unwrap()[0]
            .mentor
            .id;
        for n in 0..300 {
            j.add_conversation(
                &journal::ConversationInput {
                    mentor_id: Some(mentor),
                    body: format!("Note {n}: {}", "words to fill pages ".repeat(40)),
                    ..Default::default()
                },
                false,
            )
            .unwrap();
        }
    });
    f.mj(&["verify"]).assert().success();
    let db = f.path().join(journal::DATABASE_FILE);
    let mut bytes = std::fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 64] {
        *b ^= 0xA5;
    }
    std::fs::write(&db, bytes).unwrap();
    let err = fails(&mut f.mj(&["verify"]), 4);
    assert!(
        err.contains("damaged") || err.contains("integrity"),
        "{err}"
    );
}

#[test]
fn passwd_changes_the_passphrase_and_the_old_one_stops_working() {
    let f = Fixture::new();
    let new = "a different passphrase, quite long";
    f.mj_with(&["passwd"], &format!("{PASS}\n{new}\n"))
        .assert()
        .success();
    fails(&mut f.mj(&["verify"]), 3);
    f.mj_with(&["verify"], &format!("{new}\n"))
        .assert()
        .success();
    let newer = "yet another passphrase for the journal";
    f.mj_with(
        &["--recovery", "passwd"],
        &format!("{}\n{newer}\n", f.recovery),
    )
    .assert()
    .success();
    f.mj_with(&["verify"], &format!("{newer}\n"))
        .assert()
        .success();
}

#[test]
fn a_backup_is_listed_and_restoring_it_brings_the_journal_back() {
    let f = Fixture::with_mentors();
    let taken = json(f.mj(&["--json", "backup", "now"]));
    let id = taken["id"].as_str().unwrap().to_owned();
    let listed = json(f.mj(&["--json", "backup", "list"]));
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["id"] == id.as_str())
    );
    assert!(stdout(f.mj(&["backup", "list"])).contains(&id));
    f.mj(&["note", "--mentor", "alan", "Written after the backup."])
        .assert()
        .success();
    assert_eq!(f.notes().len(), 1);
    let out = stdout(f.mj(&["restore", &id]));
    assert!(out.contains("kept in"), "{out}");
    assert!(f.notes().is_empty(), "the journal is the backup again");
    let err = fails(&mut f.mj(&["restore", "no-such-backup"]), 1);
    assert!(err.contains("not found"), "{err}");
}

#[test]
fn the_passphrase_can_come_on_any_open_descriptor() {
    let f = Fixture::with_mentors();
    let tmp = tempfile::tempdir().unwrap();
    let secret = tmp.path().join("secret");
    std::fs::write(&secret, format!("{PASS}\n")).unwrap();
    let mj = assert_cmd::cargo::cargo_bin("mj");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" --dir \"$1\" --passphrase-fd 3 --json mentors 3<\"$2\"")
        .arg(&mj)
        .arg(f.path())
        .arg(&secret)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mentors: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(mentors.as_array().unwrap().len(), 2);
}
