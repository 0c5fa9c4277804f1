//! A journal in a temp dir, and `mj` pointed at it.

use assert_cmd::Command;
use journal::{Journal, KdfParams, MentorInput, Passphrase, Vault};
use std::borrow::BorrowMut;
use std::path::{Path, PathBuf};

pub const PASS: &str = "correct horse battery staple";

pub struct Fixture {
    _tmp: tempfile::TempDir,
    pub dir: PathBuf,
    pub recovery: String,
}

impl Fixture {
    /// An empty journal with a cheap KDF.
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("journal");
        let (journal, key) =
            Vault::create_with(&dir, &Passphrase::new(PASS), KdfParams::cheap_for_tests()).unwrap();
        journal.lock();
        Fixture {
            _tmp: tmp,
            dir,
            recovery: key.expose().to_owned(),
        }
    }

    /// A journal with two mentors whose names both start with "a".
    pub fn with_mentors() -> Self {
        let f = Self::new();
        f.core(|j| {
            j.add_mentor(&MentorInput {
                cadence_days: Some(14),
                focus_areas: vec!["research".into()],
                ..MentorInput::named("Dr. Amara Osei")
            })
            .unwrap();
            j.add_mentor(&MentorInput::named("Alan Turing")).unwrap();
        });
        f
    }

    /// Runs `op` on the journal unlocked in this process (as the app would).
    pub fn core<T>(&self, op: impl FnOnce(&Journal) -> T) -> T {
        let journal = Vault::unlock(&self.dir, &Passphrase::new(PASS)).unwrap();
        op(&journal)
    }

    /// `mj --dir DIR --passphrase-fd 0 ARGS`, with the passphrase on stdin.
    pub fn mj(&self, args: &[&str]) -> Command {
        self.mj_with(args, &format!("{PASS}\n"))
    }

    /// The same with `stdin` as given (secrets first, one a line).
    pub fn mj_with(&self, args: &[&str], stdin: &str) -> Command {
        let mut cmd = bare(&self.dir);
        cmd.arg("--passphrase-fd")
            .arg("0")
            .args(args)
            .write_stdin(stdin.to_owned());
        cmd
    }

    pub fn notes(&self) -> Vec<journal::Conversation> {
        self.core(|j| j.list_conversations(None, 10_000).unwrap())
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }
}

/// `mj --dir DIR` with a clean environment: no editor, no colour, no journal folder of the user.
pub fn bare(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mj").unwrap();
    cmd.env_remove("EDITOR")
        .env_remove("VISUAL")
        .env_remove("MENTOR_JOURNAL_DIR")
        .env("NO_COLOR", "1")
        .arg("--dir")
        .arg(dir);
    cmd
}

pub fn stdout(mut cmd: impl BorrowMut<Command>) -> String {
    let out = cmd
        .borrow_mut()
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

pub fn json(cmd: impl BorrowMut<Command>) -> serde_json::Value {
    serde_json::from_str(&stdout(cmd)).expect("--json prints one JSON document")
}

/// stderr of a run that must end with `code`.
pub fn fails(mut cmd: impl BorrowMut<Command>, code: i32) -> String {
    let out = cmd.borrow_mut().assert().code(code).get_output().clone();
    assert!(
        out.stdout.is_empty() || code == 2,
        "a failure prints no answer on stdout"
    );
    String::from_utf8(out.stderr).unwrap()
}
