//! Security and durability figures: wrong passphrases, bit flips, killed writers, key changes.
//! Loop counts are moderate in `make test`; `make soak` sets MJ_SOAK=1 for the full counts.

use journal::{
    ConversationInput, DATABASE_FILE, ErrorCode, KEY_FILE, MentorId, MentorInput, Passphrase,
    RecoveryKey, Vault, kdf_runs,
};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{fast_kdf, passphrase, snapshot};

fn soak() -> bool {
    std::env::var_os("MJ_SOAK").is_some()
}

/// A small deterministic generator, so a failing round can be replayed from its seed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Runs one of this binary's child tests (it acts only when `env` names the journal folder), lets
/// it work for `millis`, kills it with SIGKILL (no destructor, no checkpoint, no goodbye) and
/// returns the lines it printed, each printed only after the work it reports was done.
fn run_child_until_killed(test: &str, env: &str, dir: &Path, millis: u64) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(env, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    std::thread::sleep(Duration::from_millis(millis));
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap()
}

#[test]
fn wrong_passphrases_pay_the_full_kdf_and_change_nothing() {
    let attempts = if soak() { 200 } else { 50 };
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create(dir.path(), &passphrase()).unwrap();
    journal.add_mentor(&MentorInput::named("Dr. Lee")).unwrap();
    journal.lock();
    let before = snapshot(dir.path());

    let runs_before = kdf_runs();
    let started = Instant::now();
    for attempt in 0..attempts {
        let wrong = Passphrase::new(format!("correct horse battery stapl{attempt}"));
        let err = Vault::unlock(dir.path(), &wrong).unwrap_err();
        assert_eq!(
            err.code(),
            ErrorCode::WrongPassphrase,
            "attempt {attempt}: {err}"
        );
    }
    let elapsed = started.elapsed();
    // Other tests in this binary may run the KDF concurrently, so at least one run per attempt.
    assert!(
        kdf_runs() - runs_before >= attempts,
        "every wrong attempt runs the full Argon2id derivation"
    );
    assert_eq!(snapshot(dir.path()), before, "no file changed");
    println!(
        "wrong passphrases: {attempts} attempts, all WRONG_PASSPHRASE, files byte-identical, {:.0} ms per attempt",
        elapsed.as_secs_f64() * 1000.0 / attempts as f64
    );
    assert!(
        Vault::unlock(dir.path(), &passphrase()).is_ok(),
        "the right one still opens it"
    );
}

fn journal_with_content(dir: &Path) {
    let (journal, _) = Vault::create_with(dir, &passphrase(), fast_kdf()).unwrap();
    for i in 0..40 {
        let m = journal
            .add_mentor(&MentorInput::named(format!("Mentor {i}")))
            .unwrap();
        journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: Some(m.id),
                    body: format!("Conversation {i} ").repeat(40),
                    ..Default::default()
                },
                false,
            )
            .unwrap();
    }
    journal.lock();
}

#[test]
fn single_bit_flips_are_reported_as_corrupt_never_as_a_wrong_passphrase() {
    let pristine = tempfile::tempdir().unwrap();
    journal_with_content(pristine.path());
    let db = std::fs::read(pristine.path().join(DATABASE_FILE)).unwrap();
    let key = std::fs::read(pristine.path().join(KEY_FILE)).unwrap();
    let seed = 0x5eed_2026_u64;
    let mut rng = XorShift(seed);
    let (mut on_open, mut on_verify) = (0, 0);
    for round in 0..200 {
        let dir = tempfile::tempdir().unwrap();
        let mut flipped = db.clone();
        let offset = rng.below(flipped.len() as u64) as usize;
        flipped[offset] ^= 1 << rng.below(8);
        std::fs::write(dir.path().join(DATABASE_FILE), &flipped).unwrap();
        std::fs::write(dir.path().join(KEY_FILE), &key).unwrap();
        match Vault::unlock(dir.path(), &passphrase()) {
            Err(err) => {
                assert_eq!(
                    err.code(),
                    ErrorCode::Corrupt,
                    "round {round} (seed {seed:#x}) offset {offset}: {err}"
                );
                on_open += 1;
            }
            Ok(journal) => {
                let err = journal
                    .verify()
                    .expect_err(&format!("round {round}: flip at {offset} went unnoticed"));
                assert_eq!(err.code(), ErrorCode::Corrupt);
                on_verify += 1;
            }
        }
    }
    println!(
        "bit flips: 200 rounds, {on_open} caught on open, {on_verify} by verify, 0 missed, 0 wrong-passphrase"
    );

    // Flips in the key file: refused, as a wrong passphrase or a damaged key file, never opened.
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let mut flipped = key.clone();
        let offset = rng.below(flipped.len() as u64) as usize;
        flipped[offset] ^= 1 << rng.below(8);
        std::fs::write(dir.path().join(DATABASE_FILE), &db).unwrap();
        std::fs::write(dir.path().join(KEY_FILE), &flipped).unwrap();
        if let Ok(journal) = Vault::unlock(dir.path(), &passphrase()) {
            // A flip in JSON whitespace or a quote's case can leave the file meaning the same.
            journal
                .verify()
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
        }
    }
}

#[test]
fn a_pristine_journal_verifies() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_content(dir.path());
    Vault::unlock(dir.path(), &passphrase())
        .unwrap()
        .verify()
        .unwrap();
}

#[test]
fn changing_the_passphrase_needs_the_current_one_and_keeps_the_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, recovery) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let new = Passphrase::new("another long passphrase");
    let err = journal
        .change_passphrase_with(&Passphrase::new("not the current one"), &new, fast_kdf())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase);
    let err = journal
        .change_passphrase_with(&passphrase(), &Passphrase::new("short"), fast_kdf())
        .unwrap_err();
    assert_eq!(err.field(), Some("passphrase"));
    assert!(
        Vault::unlock(dir.path(), &passphrase()).is_ok(),
        "refused changes change nothing"
    );

    journal
        .change_passphrase_with(&passphrase(), &new, fast_kdf())
        .unwrap();
    assert_eq!(
        Vault::unlock(dir.path(), &passphrase()).unwrap_err().code(),
        ErrorCode::WrongPassphrase
    );
    assert!(Vault::unlock(dir.path(), &new).is_ok());
    assert!(Vault::unlock_with_recovery(dir.path(), &recovery).is_ok());

    let fresh = journal.regenerate_recovery_key().unwrap();
    assert_eq!(
        Vault::unlock_with_recovery(dir.path(), &recovery)
            .unwrap_err()
            .code(),
        ErrorCode::WrongPassphrase
    );
    assert!(Vault::unlock_with_recovery(dir.path(), &RecoveryKey::new(fresh.expose())).is_ok());
    assert!(
        Vault::unlock(dir.path(), &new).is_ok(),
        "the passphrase is untouched by a new recovery key"
    );
}

/// The child side of the crash test: when MJ_CRASH_CHILD names a journal folder, write notes in a
/// loop and print each id once its transaction has committed. Otherwise this test does nothing.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os("MJ_CRASH_CHILD") else {
        return;
    };
    let journal = Vault::unlock(Path::new(&dir), &passphrase()).unwrap();
    let mentor = crate::all_mentors(&journal)[0].id;
    loop {
        let c = journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: Some(mentor),
                    body: "x".repeat(3000),
                    ..Default::default()
                },
                false,
            )
            .unwrap();
        println!("committed {}", c.id.0);
    }
}

#[test]
fn killed_writers_lose_no_acknowledged_write() {
    let rounds = if soak() { 200 } else { 25 };
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let mentor: MentorId = journal
        .add_mentor(&MentorInput::named("Dr. Crash"))
        .unwrap()
        .id;
    journal.lock();
    let mut rng = XorShift(0xc0ffee);
    let mut acknowledged: Vec<i64> = Vec::new();
    for round in 0..rounds {
        let lines = run_child_until_killed(
            "security::crash_child",
            "MJ_CRASH_CHILD",
            dir.path(),
            60 + rng.below(200),
        );
        acknowledged.extend(
            lines
                .iter()
                .filter_map(|l| l.strip_prefix("committed ")?.parse::<i64>().ok()),
        );

        let journal = Vault::unlock(dir.path(), &passphrase())
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        journal
            .verify()
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        let present: std::collections::HashSet<i64> = journal
            .list_conversations(Some(mentor), u32::MAX)
            .unwrap()
            .into_iter()
            .map(|c| c.id.0)
            .collect();
        let lost: Vec<_> = acknowledged
            .iter()
            .filter(|id| !present.contains(id))
            .collect();
        assert!(
            lost.is_empty(),
            "round {round}: acknowledged writes lost: {lost:?}"
        );
    }
    assert!(!acknowledged.is_empty(), "the children did write");
    println!(
        "crash durability: {rounds} SIGKILL rounds, {} acknowledged writes, 0 lost, integrity ok",
        acknowledged.len()
    );
}

const PASS_A: &str = "first passphrase of the pair";
const PASS_B: &str = "second passphrase of the pair";

/// Child side of the passphrase-change crash test: flip the passphrase A -> B -> A ... forever,
/// printing which one is current after each completed change.
#[test]
fn passphrase_child() {
    let Some(dir) = std::env::var_os("MJ_PASSPHRASE_CHILD") else {
        return;
    };
    let dir = Path::new(&dir);
    let (a, b) = (Passphrase::new(PASS_A), Passphrase::new(PASS_B));
    let journal = Vault::unlock(dir, &a)
        .or_else(|_| Vault::unlock(dir, &b))
        .unwrap();
    let mut current_is_a = Vault::unlock(dir, &a).is_ok();
    loop {
        let (from, to) = if current_is_a { (&a, &b) } else { (&b, &a) };
        journal
            .change_passphrase_with(from, to, fast_kdf())
            .unwrap();
        current_is_a = !current_is_a;
        println!("now {}", if current_is_a { "A" } else { "B" });
    }
}

#[test]
fn a_killed_passphrase_change_leaves_exactly_one_passphrase_working() {
    let rounds = if soak() { 100 } else { 20 };
    let dir = tempfile::tempdir().unwrap();
    let (journal, recovery) =
        Vault::create_with(dir.path(), &Passphrase::new(PASS_A), fast_kdf()).unwrap();
    journal
        .add_mentor(&MentorInput::named("Dr. Keeps"))
        .unwrap();
    journal.lock();
    let mut rng = XorShift(0xfeed);
    let mut changes = 0usize;
    for round in 0..rounds {
        changes += run_child_until_killed(
            "security::passphrase_child",
            "MJ_PASSPHRASE_CHILD",
            dir.path(),
            40 + rng.below(160),
        )
        .iter()
        .filter(|l| l.starts_with("now "))
        .count();

        let opens_a = Vault::unlock(dir.path(), &Passphrase::new(PASS_A)).is_ok();
        let opens_b = Vault::unlock(dir.path(), &Passphrase::new(PASS_B)).is_ok();
        assert!(
            opens_a ^ opens_b,
            "round {round}: exactly one passphrase must open it (A {opens_a}, B {opens_b})"
        );
        let journal = Vault::unlock_with_recovery(dir.path(), &recovery).unwrap();
        journal.verify().unwrap();
        assert_eq!(
            crate::mentor_names(&journal),
            ["Dr. Keeps"],
            "round {round}: data intact"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        // A temp file from an interrupted write is harmless (the next write truncates it), but the
        // real key file must never be missing.
        assert!(
            dir.path().join(KEY_FILE).exists(),
            "round {round}: key file present (temp files: {leftovers:?})"
        );
    }
    assert!(changes > 0, "the children did change the passphrase");
    println!(
        "passphrase change: {rounds} SIGKILL rounds, {changes} completed changes, exactly one passphrase opened every time, data intact"
    );
}

#[test]
fn rotating_the_key_reencrypts_everything_and_retires_the_old_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, old_recovery) =
        Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let mentor = journal
        .add_mentor(&MentorInput::named("Dr. Rotate"))
        .unwrap();
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(mentor.id),
                body: "before rotation".into(),
                ..Default::default()
            },
            false,
        )
        .unwrap();
    let old_db = std::fs::read(dir.path().join(DATABASE_FILE)).unwrap();

    let before = snapshot(dir.path());
    let err = journal
        .rotate_key(&Passphrase::new("not the passphrase"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase);
    assert_eq!(
        snapshot(dir.path()),
        before,
        "a refused rotation changes nothing"
    );

    let new_recovery = journal.rotate_key(&passphrase()).unwrap();
    assert_eq!(
        crate::mentor_names(&journal),
        ["Dr. Rotate"],
        "the open journal continues on the new file"
    );
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(mentor.id),
                body: "after rotation".into(),
                ..Default::default()
            },
            false,
        )
        .unwrap();
    journal.lock();

    assert!(
        !dir.path().join(DATABASE_FILE).exists(),
        "the database under the old key is gone"
    );
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let new_db = files
        .iter()
        .find(|f| f.starts_with("journal-") && f.ends_with(".db"))
        .expect("a new database file");
    let new_bytes = std::fs::read(dir.path().join(new_db)).unwrap();
    let same = old_db
        .iter()
        .zip(&new_bytes)
        .filter(|(a, b)| a == b)
        .count();
    assert!(
        same < old_db.len().min(new_bytes.len()) / 50,
        "the new file shares no ciphertext with the old one ({same} equal bytes)"
    );

    let journal = Vault::unlock(dir.path(), &passphrase()).unwrap();
    journal.verify().unwrap();
    assert_eq!(
        journal
            .list_conversations(Some(mentor.id), 10)
            .unwrap()
            .len(),
        2,
        "everything survived"
    );
    assert_eq!(
        Vault::unlock_with_recovery(dir.path(), &old_recovery)
            .unwrap_err()
            .code(),
        ErrorCode::WrongPassphrase
    );
    assert!(
        Vault::unlock_with_recovery(dir.path(), &RecoveryKey::new(new_recovery.expose())).is_ok()
    );
}
