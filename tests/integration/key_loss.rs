//! The key file is not a single point of failure (issue 13): with only `journal.db` and the
//! recovery key, the whole journal comes back and the user chooses a new passphrase, whether the
//! key file was deleted, truncated or replaced with another journal's, and with no backup at all.

use journal::{BACKUPS_DIR, ErrorCode, MentorInput, Passphrase, RecoveryKey, Vault, VaultStatus};
use std::fs;

use crate::backups::{damage_key_file, journal_with_a_note};
use crate::{fast_kdf, mentor_names, passphrase};

#[test]
fn with_only_the_database_and_the_recovery_key_the_whole_journal_comes_back() {
    for how in ["deleted", "truncated", "another journal's"] {
        let dir = tempfile::tempdir().unwrap();
        let (journal, recovery) = journal_with_a_note(dir.path());
        assert!(journal.recoverable_without_key_file().unwrap(), "{how}");
        journal
            .add_mentor(&MentorInput::named("Dr. Written Last"))
            .unwrap();
        drop(journal);
        assert!(
            !dir.path().join(BACKUPS_DIR).exists(),
            "no backup to lean on"
        );
        damage_key_file(dir.path(), how);
        assert_eq!(Vault::status(dir.path()), VaultStatus::Present, "{how}");

        let (journal, rebuilt) =
            Vault::recover(dir.path(), &recovery).unwrap_or_else(|e| panic!("{how}: {e}"));
        assert!(rebuilt, "{how}: the key file was rebuilt");
        assert_eq!(
            mentor_names(&journal),
            ["Dr. Amara Osei", "Dr. Written Last"],
            "{how}: every note and mentor"
        );
        assert_eq!(
            Vault::unlock(dir.path(), &passphrase()).unwrap_err().code(),
            ErrorCode::WrongPassphrase,
            "{how}: the rebuilt key file knows no passphrase until the user chooses one"
        );
        let chosen = Passphrase::new("lantern orchard velvet compass");
        journal.set_passphrase_with(&chosen, fast_kdf()).unwrap();
        drop(journal);
        assert_eq!(
            mentor_names(&Vault::unlock(dir.path(), &chosen).unwrap()),
            ["Dr. Amara Osei", "Dr. Written Last"],
            "{how}"
        );
        assert!(Vault::unlock_with_recovery(dir.path(), &recovery).is_ok());
        let kept_aside = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".unreadable-"))
            .count();
        assert_eq!(
            kept_aside,
            usize::from(how != "deleted"),
            "{how}: an unreadable key file is kept aside, not deleted"
        );
    }
}

#[test]
fn a_wrong_recovery_key_rebuilds_nothing_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    drop(journal);
    fs::remove_file(dir.path().join(journal::KEY_FILE)).unwrap();
    let before = crate::snapshot(dir.path());
    let other = tempfile::tempdir().unwrap();
    let (_, wrong) = Vault::create_with(other.path(), &passphrase(), fast_kdf()).unwrap();
    let err = Vault::recover(dir.path(), &wrong).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Corrupt, "{err}");
    assert!(err.to_string().contains("missing"), "{err}");
    assert_eq!(crate::snapshot(dir.path()), before, "nothing written");
    let malformed = Vault::recover(dir.path(), &RecoveryKey::new("ABCD-EFGH")).unwrap_err();
    assert_eq!(malformed.code(), ErrorCode::Validation);
    assert_eq!(crate::snapshot(dir.path()), before);
}

#[test]
fn after_a_new_recovery_key_the_database_alone_opens_with_the_new_key_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, old) = journal_with_a_note(dir.path());
    let new = journal.regenerate_recovery_key(&passphrase()).unwrap();
    assert!(journal.recoverable_without_key_file().unwrap());
    drop(journal);
    // No backups either: the ones taken by the re-encryption are removed, only the database stays.
    fs::remove_dir_all(dir.path().join(BACKUPS_DIR)).unwrap();
    fs::remove_file(dir.path().join(journal::KEY_FILE)).unwrap();
    assert!(
        Vault::recover(dir.path(), &old).is_err(),
        "the old key opens nothing"
    );
    let (journal, rebuilt) = Vault::recover(dir.path(), &new).unwrap();
    assert!(rebuilt);
    assert_eq!(mentor_names(&journal), ["Dr. Amara Osei"]);
}
