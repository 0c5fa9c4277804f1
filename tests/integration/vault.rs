use journal::{
    DATABASE_FILE, ErrorCode, KEY_FILE, MentorInput, Passphrase, RecoveryKey, Vault, VaultStatus,
};
use std::fs;

use crate::{fast_kdf, passphrase, snapshot};

#[test]
fn create_lock_unlock_round_trip_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Vault::status(dir.path()), VaultStatus::Absent);
    let (journal, _recovery) = Vault::create(dir.path(), &passphrase()).unwrap();
    journal
        .add_mentor(&MentorInput::named("Dr. Amara Osei"))
        .unwrap();
    journal.lock();
    assert_eq!(Vault::status(dir.path()), VaultStatus::Present);

    let journal = Vault::unlock(dir.path(), &passphrase()).unwrap();
    let names: Vec<_> = crate::mentor_names(&journal);
    assert_eq!(
        names,
        ["Dr. Amara Osei"],
        "what was written before locking is there after unlocking"
    );
}

#[test]
fn the_recovery_key_unlocks_and_a_new_passphrase_replaces_the_old() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, recovery) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    journal
        .add_mentor(&MentorInput::named("Dr. Rivera"))
        .unwrap();
    journal.lock();

    let typed = RecoveryKey::new(recovery.expose().to_lowercase().replace('-', " "));
    let journal = Vault::unlock_with_recovery(dir.path(), &typed).unwrap();
    assert_eq!(crate::all_mentors(&journal).len(), 1);
    let fresh = Passphrase::new("a brand new passphrase");
    journal.set_passphrase_with(&fresh, fast_kdf()).unwrap();
    journal.lock();

    assert_eq!(
        Vault::unlock(dir.path(), &passphrase()).unwrap_err().code(),
        ErrorCode::WrongPassphrase,
        "the forgotten passphrase no longer opens the journal"
    );
    assert!(Vault::unlock(dir.path(), &fresh).is_ok());
    assert!(
        Vault::unlock_with_recovery(dir.path(), &recovery).is_ok(),
        "the recovery key survives"
    );
}

#[test]
fn a_wrong_or_malformed_recovery_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let well_formed_but_wrong = RecoveryKey::new("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA");
    let err = Vault::unlock_with_recovery(dir.path(), &well_formed_but_wrong).unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase);
    let err = Vault::unlock_with_recovery(dir.path(), &RecoveryKey::new("not a key")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.field(), Some("recoveryKey"));
}

#[test]
fn short_passphrases_are_refused_at_creation_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("journal");
    let err = Vault::create(&target, &Passphrase::new("short")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.field(), Some("passphrase"));
    assert!(
        !target.exists(),
        "a refused creation leaves no folder behind"
    );
}

#[test]
fn creating_over_an_existing_journal_is_a_conflict_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let before = snapshot(dir.path());
    let err = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn damaged_key_files_give_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let key_path = dir.path().join(KEY_FILE);
    let original = fs::read(&key_path).unwrap();

    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated", original[..original.len() / 2].to_vec()),
        (
            "garbage",
            (0..512u32).map(|i| (i * 37 % 251) as u8).collect(),
        ),
        (
            "json of the wrong shape",
            br#"{"format":"mentor-journal-key"}"#.to_vec(),
        ),
        (
            "huge kdf cost",
            String::from_utf8(original.clone())
                .unwrap()
                .replace(
                    &format!("\"memory_kib\": {}", fast_kdf().memory_kib),
                    "\"memory_kib\": 4294967295",
                )
                .into_bytes(),
        ),
    ];
    for (what, bytes) in cases {
        fs::write(&key_path, &bytes).unwrap();
        let err = Vault::unlock(dir.path(), &passphrase()).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Corrupt, "{what}: {err}");
        assert!(
            err.to_string().contains("key file"),
            "{what}: the message names the key file"
        );
    }

    // A well-formed file whose KDF parameters were edited no longer opens: they are bound to the seal.
    let weakened = String::from_utf8(original.clone()).unwrap().replace(
        &format!("\"iterations\": {}", fast_kdf().iterations),
        &format!("\"iterations\": {}", fast_kdf().iterations + 1),
    );
    fs::write(&key_path, weakened).unwrap();
    assert_eq!(
        Vault::unlock(dir.path(), &passphrase()).unwrap_err().code(),
        ErrorCode::WrongPassphrase
    );

    fs::remove_file(&key_path).unwrap();
    let err = Vault::unlock(dir.path(), &passphrase()).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::Corrupt,
        "a database without its key file: {err}"
    );
    assert!(
        dir.path().join(DATABASE_FILE).exists(),
        "and the database is left alone"
    );
}

#[test]
fn a_damaged_database_after_a_good_key_is_corrupt_not_a_wrong_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    journal.add_mentor(&MentorInput::named("Dr. Chen")).unwrap();
    journal.lock();
    let db_path = dir.path().join(DATABASE_FILE);
    let mut bytes = fs::read(&db_path).unwrap();
    for b in &mut bytes[100..160] {
        *b ^= 0x5a;
    }
    fs::write(&db_path, &bytes).unwrap();
    let damaged = snapshot(dir.path());
    let err = Vault::unlock(dir.path(), &passphrase()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Corrupt, "{err}");
    assert_eq!(
        snapshot(dir.path()),
        damaged,
        "a damaged journal is never rewritten or replaced"
    );
}

#[test]
fn unlocking_an_empty_folder_says_there_is_no_journal() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        Vault::unlock(dir.path(), &passphrase()).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn the_key_can_be_rotated_after_an_ordinary_unlock_and_with_the_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, recovery) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    journal
        .add_mentor(&MentorInput::named("Dr. Rotate"))
        .unwrap();
    journal.lock();

    // The everyday case: the app was restarted, so the connection came from an unlock, not from
    // creating the journal (which opens the database with permission to create files).
    let mut journal = Vault::unlock(dir.path(), &passphrase()).unwrap();
    let new_recovery = journal
        .rotate_key(&passphrase())
        .expect("rotating after an unlock re-encrypts the journal");
    assert_eq!(crate::mentor_names(&journal), ["Dr. Rotate"]);
    journal.lock();
    assert!(
        Vault::unlock_with_recovery(dir.path(), &recovery).is_err(),
        "the old recovery key stops working"
    );
    let mut journal = Vault::unlock_with_recovery(dir.path(), &new_recovery).unwrap();
    journal
        .rotate_key(&passphrase())
        .expect("and again, after a recovery-key unlock");
    journal.lock();
    let journal = Vault::unlock(dir.path(), &passphrase()).unwrap();
    assert_eq!(crate::mentor_names(&journal), ["Dr. Rotate"]);
    let databases = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
        .count();
    assert_eq!(
        databases, 1,
        "each rotation removes the database it replaced"
    );
}
