//! Security and durability figures: wrong passphrases, bit flips, killed writers, key changes.
//! Loop counts are moderate in `make test`; `make soak` sets MJ_SOAK=1 for the full counts.
//!
//! The randomised tests print their seed; `MJ_SEED=0x...` replays a failing run.

use journal::{
    ConversationInput, DATABASE_FILE, ErrorCode, KEY_FILE, KdfParams, MentorId, MentorInput,
    Passphrase, RecoveryKey, Vault, kdf_paid_on_this_thread,
};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Instant;

use crate::children::{XorShift, after_marker, run_child_until_killed, seed, soak};
use crate::{fast_kdf, passphrase, snapshot};

#[test]
fn wrong_passphrases_pay_the_full_kdf_and_change_nothing() {
    let attempts = if soak() { 200 } else { 50 };
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create(dir.path(), &passphrase()).unwrap();
    journal.add_mentor(&MentorInput::named("Dr. Lee")).unwrap();
    journal.lock();
    let key_file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join(KEY_FILE)).unwrap()).unwrap();
    let stored: KdfParams = serde_json::from_value(key_file["kdf"].clone()).unwrap();
    assert_eq!(
        stored,
        KdfParams::default(),
        "a journal made by Vault::create stores the full default cost"
    );
    let before = snapshot(dir.path());

    let started = Instant::now();
    for attempt in 0..attempts {
        let wrong = Passphrase::new(format!("correct horse battery stapl{attempt}"));
        // Per thread: the cheap derivations of tests running in parallel cannot be counted here.
        let paid_before = kdf_paid_on_this_thread().len();
        let err = Vault::unlock(dir.path(), &wrong).unwrap_err();
        assert_eq!(
            err.code(),
            ErrorCode::WrongPassphrase,
            "attempt {attempt}: {err}"
        );
        let paid = kdf_paid_on_this_thread().split_off(paid_before);
        assert_eq!(
            paid,
            [stored],
            "attempt {attempt}: a wrong passphrase pays exactly one Argon2id derivation, at the \
             cost stored in the journal's key file"
        );
    }
    let elapsed = started.elapsed();
    assert_eq!(snapshot(dir.path()), before, "no file changed");
    println!(
        "wrong passphrases: {attempts} attempts, all WRONG_PASSPHRASE, each paid one derivation at \
         {} KiB, t={}, p={}, files byte-identical, {:.0} ms per attempt",
        stored.memory_kib,
        stored.iterations,
        stored.parallelism,
        elapsed.as_secs_f64() * 1000.0 / attempts as f64
    );
    assert!(
        Vault::unlock(dir.path(), &passphrase()).is_ok(),
        "the right one still opens it"
    );
}

fn journal_with_content(dir: &Path) -> RecoveryKey {
    let (journal, recovery) = Vault::create_with(dir, &passphrase(), fast_kdf()).unwrap();
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
    recovery
}

/// How a key file with one flipped bit answered one way in (passphrase or recovery key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyFlipOutcome {
    /// The flip was in the other way's seal; this way opened an intact journal.
    Opened,
    /// A seal, its salt or its bound parameters changed: the seal no longer opens.
    Refused,
    /// The file no longer parses as a key file.
    Damaged,
    /// The flip turned the format version into a newer one: refused as written by a newer app.
    Newer,
}

fn key_flip_outcome(
    result: journal::Result<journal::Journal>,
    flipped: &[u8],
    what: &str,
) -> KeyFlipOutcome {
    match result {
        Ok(journal) => {
            journal
                .verify()
                .unwrap_or_else(|e| panic!("{what}: opened, then {e}"));
            KeyFlipOutcome::Opened
        }
        Err(err) => match err.code() {
            ErrorCode::WrongPassphrase => KeyFlipOutcome::Refused,
            ErrorCode::Corrupt => KeyFlipOutcome::Damaged,
            ErrorCode::Conflict => {
                let version = serde_json::from_slice::<serde_json::Value>(flipped)
                    .ok()
                    .and_then(|v| v["version"].as_u64());
                assert!(
                    version.is_some_and(|v| v > 1),
                    "{what}: CONFLICT is only for a key file of a newer version ({version:?}): {err}"
                );
                KeyFlipOutcome::Newer
            }
            code => panic!(
                "{what}: a damaged key file must be refused as WRONG_PASSPHRASE or CORRUPT, \
                 got {code:?}: {err}"
            ),
        },
    }
}

#[test]
fn single_bit_flips_are_reported_as_corrupt_never_as_a_wrong_passphrase() {
    let seed = seed("bit flips");
    let pristine = tempfile::tempdir().unwrap();
    let recovery = journal_with_content(pristine.path());
    let db = std::fs::read(pristine.path().join(DATABASE_FILE)).unwrap();
    let key = std::fs::read(pristine.path().join(KEY_FILE)).unwrap();
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
                let err = journal.verify().expect_err(&format!(
                    "round {round} (seed {seed:#x}): flip at {offset} went unnoticed"
                ));
                assert_eq!(
                    err.code(),
                    ErrorCode::Corrupt,
                    "round {round} (seed {seed:#x}) offset {offset}: {err}"
                );
                on_verify += 1;
            }
        }
    }
    println!(
        "bit flips: 200 rounds, {on_open} caught on open, {on_verify} by verify, 0 missed, 0 wrong-passphrase"
    );

    // Flips in the key file: the passphrase is refused as a wrong secret or a damaged key file, or
    // opens the intact journal when the flip was in the other seal. The recovery key opens the
    // intact journal whatever was flipped (through its seal, or by rebuilding the key file from
    // the database, whose key derives from it), unless the flip made the file "newer", which is
    // left alone. Never both straight through the file: the flip always hit something.
    // `make soak` flips every bit of the file, `make test` a random sample.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DATABASE_FILE), &db).unwrap();
    let flips: Vec<(usize, u32)> = if soak() {
        (0..key.len())
            .flat_map(|offset| (0..8).map(move |bit| (offset, bit)))
            .collect()
    } else {
        (0..100)
            .map(|_| (rng.below(key.len() as u64) as usize, rng.below(8) as u32))
            .collect()
    };
    let mut outcomes = std::collections::BTreeMap::<String, usize>::new();
    for &(offset, bit) in &flips {
        let mut flipped = key.clone();
        flipped[offset] ^= 1 << bit;
        std::fs::write(dir.path().join(KEY_FILE), &flipped).unwrap();
        let what =
            |way: &str| format!("key file, {way} (seed {seed:#x}) offset {offset} bit {bit}");
        let by_passphrase = key_flip_outcome(
            Vault::unlock(dir.path(), &passphrase()),
            &flipped,
            &what("passphrase"),
        );
        let by_recovery = match Vault::recover(dir.path(), &recovery) {
            Ok((journal, rebuilt)) => {
                journal
                    .verify()
                    .unwrap_or_else(|e| panic!("{}: opened, then {e}", what("recovery key")));
                if rebuilt { "Rebuilt" } else { "Opened" }
            }
            Err(err) => {
                assert_eq!(
                    key_flip_outcome(Err(err), &flipped, &what("recovery key")),
                    KeyFlipOutcome::Newer,
                    "{}: the recovery key opens a journal with any damaged key file",
                    what("recovery key")
                );
                "Newer"
            }
        };
        assert!(
            !(by_passphrase == KeyFlipOutcome::Opened && by_recovery == "Opened"),
            "{}: a flipped key file still opened both ways",
            what("both")
        );
        *outcomes
            .entry(format!("{by_passphrase:?}/{by_recovery}"))
            .or_default() += 1;
    }
    println!(
        "key-file bit flips: {} flips of {} bytes, outcomes (passphrase/recovery key) {outcomes:?}",
        flips.len(),
        key.len()
    );
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
    let (mut journal, recovery) =
        Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
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

    let fresh = journal.regenerate_recovery_key(&new).unwrap();
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

/// The child side of the crash test, run by `killed_writers_lose_no_acknowledged_write` (ignored,
/// so a normal run does not count it): write notes into the journal that MJ_CRASH_CHILD names, in
/// a loop, printing each id once its transaction has committed.
#[test]
#[ignore = "a helper the crash test runs in a child process"]
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
    let seed = seed("crash durability");
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let mentor: MentorId = journal
        .add_mentor(&MentorInput::named("Dr. Crash"))
        .unwrap()
        .id;
    journal.lock();
    let mut rng = XorShift(seed);
    let mut acknowledged: Vec<i64> = Vec::new();
    for round in 0..rounds {
        let lines = run_child_until_killed(
            "security::crash_child",
            &[("MJ_CRASH_CHILD", dir.path().as_os_str())],
            "committed ",
            rng.below(200),
        );
        let this_round: Vec<i64> = lines
            .iter()
            .filter_map(|l| after_marker(l, "committed ")?.parse::<i64>().ok())
            .collect();
        assert!(
            !this_round.is_empty(),
            "round {round} (seed {seed:#x}): the child acknowledged no write: {lines:?}"
        );
        acknowledged.extend(this_round);

        let journal = Vault::unlock(dir.path(), &passphrase())
            .unwrap_or_else(|e| panic!("round {round} (seed {seed:#x}): {e}"));
        journal
            .verify()
            .unwrap_or_else(|e| panic!("round {round} (seed {seed:#x}): {e}"));
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
            "round {round} (seed {seed:#x}): acknowledged writes lost: {lost:?}"
        );
    }
    println!(
        "crash durability: {rounds} SIGKILL rounds, each acknowledged writes before it was killed, \
         {} acknowledged writes in all, 0 lost, integrity ok",
        acknowledged.len()
    );
}

/// The passphrases of the passphrase-change test: a numbered chain, so a rolled-back change (an
/// older one opening the journal) cannot be mistaken for the next one.
fn chain(n: u64) -> Passphrase {
    Passphrase::new(format!("passphrase number {n} of the chain"))
}

/// Child side of the passphrase-change crash test, run by it (ignored, so a normal run does not
/// count it): starting from `chain(MJ_PASSPHRASE_FROM)`, change the passphrase of the journal
/// MJ_PASSPHRASE_CHILD names to the next one in the chain, forever, printing the number of each
/// once its change has completed.
#[test]
#[ignore = "a helper the passphrase-change crash test runs in a child process"]
fn passphrase_child() {
    let Some(dir) = std::env::var_os("MJ_PASSPHRASE_CHILD") else {
        return;
    };
    let dir = Path::new(&dir);
    let mut n: u64 = std::env::var("MJ_PASSPHRASE_FROM")
        .unwrap()
        .parse()
        .unwrap();
    let journal = Vault::unlock(dir, &chain(n)).unwrap();
    loop {
        journal
            .change_passphrase_with(&chain(n), &chain(n + 1), fast_kdf())
            .unwrap();
        n += 1;
        println!("now {n}");
    }
}

#[test]
fn a_killed_passphrase_change_leaves_exactly_one_passphrase_working() {
    let rounds = if soak() { 100 } else { 20 };
    let seed = seed("passphrase change");
    let dir = tempfile::tempdir().unwrap();
    let (journal, recovery) = Vault::create_with(dir.path(), &chain(0), fast_kdf()).unwrap();
    journal
        .add_mentor(&MentorInput::named("Dr. Keeps"))
        .unwrap();
    journal.lock();
    let mut rng = XorShift(seed);
    let mut current = 0u64;
    let mut changes = 0u64;
    for round in 0..rounds {
        let start = current;
        let from = start.to_string();
        let acknowledged = run_child_until_killed(
            "security::passphrase_child",
            &[
                ("MJ_PASSPHRASE_CHILD", dir.path().as_os_str()),
                ("MJ_PASSPHRASE_FROM", OsStr::new(&from)),
            ],
            "now ",
            rng.below(160),
        )
        .iter()
        .filter_map(|l| after_marker(l, "now ")?.parse::<u64>().ok())
        .max()
        .unwrap_or_else(|| panic!("round {round}: the child acknowledged no change"));

        // Every passphrase this child went through, the first one of all, and the one whose
        // change may have completed just before the kill, unacknowledged.
        let candidates: Vec<u64> = std::iter::once(0)
            .chain(start.max(1)..=acknowledged + 1)
            .collect();
        let opening: Vec<u64> = candidates
            .iter()
            .copied()
            .filter(|&n| Vault::unlock(dir.path(), &chain(n)).is_ok())
            .collect();
        assert_eq!(
            opening.len(),
            1,
            "round {round} (seed {seed:#x}): exactly one passphrase must open it; of \
             {start}..={} and 0 these did: {opening:?}",
            acknowledged + 1
        );
        let works = opening[0];
        assert!(
            works == acknowledged || works == acknowledged + 1,
            "round {round} (seed {seed:#x}): passphrase {works} opens it, but the change to \
             {acknowledged} was acknowledged: a completed change was rolled back"
        );
        changes += works - start;
        current = works;

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
    println!(
        "passphrase change: {rounds} SIGKILL rounds, {changes} completed changes, exactly one \
         passphrase opened every time and it was the last acknowledged one (or the change in \
         flight), data intact"
    );
}

/// The key file's `database` field: the file the key opens (absent means `journal.db`).
fn database_named_in(key_file: &[u8]) -> String {
    let json: serde_json::Value = serde_json::from_slice(key_file).unwrap();
    json["database"]
        .as_str()
        .unwrap_or(DATABASE_FILE)
        .to_owned()
}

/// Whether `key_file` (its passphrase seal opened with the test passphrase) opens `database`
/// (with its write-ahead log, if any): copied into a scratch folder, the database under the name
/// the key file gives.
fn key_file_opens(key_file: &[u8], database: &[u8], wal: Option<&[u8]>) -> journal::Result<()> {
    let scratch = tempfile::tempdir().unwrap();
    let name = database_named_in(key_file);
    std::fs::write(scratch.path().join(KEY_FILE), key_file).unwrap();
    std::fs::write(scratch.path().join(&name), database).unwrap();
    if let Some(wal) = wal {
        std::fs::write(scratch.path().join(format!("{name}-wal")), wal).unwrap();
    }
    Vault::unlock(scratch.path(), &passphrase())?.verify()
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
    // The open journal's pages may still be in its write-ahead log: the copy takes both.
    let old_wal = std::fs::read(dir.path().join(format!("{DATABASE_FILE}-wal"))).ok();
    let old_key_file = std::fs::read(dir.path().join(KEY_FILE)).unwrap();

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
    let new_key_file = std::fs::read(dir.path().join(KEY_FILE)).unwrap();
    let new_db_name = database_named_in(&new_key_file);
    assert_ne!(
        new_db_name, DATABASE_FILE,
        "the key file names a new database"
    );
    let new_db = std::fs::read(dir.path().join(&new_db_name)).unwrap();
    let same = old_db.iter().zip(&new_db).filter(|(a, b)| a == b).count();
    assert!(
        same < old_db.len().min(new_db.len()) / 50,
        "the new file shares no ciphertext with the old one ({same} equal bytes)"
    );

    // The data keys themselves, through the key files that seal them: the old one still opens
    // the old file (so the scratch copies work), the new file opens only under the new key.
    let old_wal = old_wal.as_deref();
    key_file_opens(&old_key_file, &old_db, old_wal)
        .expect("control: the old key opens the old file");
    key_file_opens(&new_key_file, &new_db, None).expect("the new key opens the new file");
    let err = key_file_opens(&old_key_file, &new_db, None)
        .expect_err("the old data key must not open the re-encrypted file");
    assert_eq!(err.code(), ErrorCode::Corrupt, "{err}");
    let err = key_file_opens(&new_key_file, &old_db, old_wal)
        .expect_err("the new data key must not open the old file");
    assert_eq!(err.code(), ErrorCode::Corrupt, "{err}");

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
