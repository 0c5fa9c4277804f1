//! Encrypted backups on real vaults (issue 13, first slice): a backup is a verified, complete
//! journal folder that the passphrase of its day or the recovery key opens; an interrupted one is
//! never listed; a damaged one is reported as damaged; a read-only backups folder fails cleanly
//! and the next attempt works; retention bounds how many are kept.

use chrono::{Duration, NaiveDate};
use journal::{
    BACKUPS_DIR, BackupReason, Clock, ConversationInput, ErrorCode, Journal, MentorInput, Vault,
};
use std::fs;
use std::path::Path;

use crate::{copy_folder, fast_kdf, mentor_names, passphrase};

pub(crate) fn journal_with_a_note(dir: &Path) -> (Journal, journal::RecoveryKey) {
    let (journal, recovery) = Vault::create_with(dir, &passphrase(), fast_kdf()).unwrap();
    let osei = journal
        .add_mentor(&MentorInput::named("Dr. Amara Osei"))
        .unwrap();
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(osei.id),
                body: "The first note, before the backup.".into(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
    (journal, recovery)
}

#[test]
fn a_backup_is_a_verified_journal_folder_that_opens_with_the_passphrase_or_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, recovery) = journal_with_a_note(dir.path());
    let backup = journal.back_up(BackupReason::Manual).unwrap();
    assert_eq!(journal.backups().unwrap(), std::slice::from_ref(&backup));
    assert!(backup.verified_at.is_some() && backup.bytes > 0);
    assert_eq!(backup.schema_version, journal::LATEST_SCHEMA_VERSION);
    // The journal goes on; the backup keeps what it had.
    let kim = journal.add_mentor(&MentorInput::named("Dr. Kim")).unwrap();
    assert!(kim.id.0 > 0);
    let folder = dir.path().join(BACKUPS_DIR).join(&backup.id);
    for open in ["passphrase", "recovery"] {
        let elsewhere = tempfile::tempdir().unwrap();
        copy_folder(&folder, elsewhere.path());
        let restored = if open == "passphrase" {
            Vault::unlock(elsewhere.path(), &passphrase()).unwrap()
        } else {
            Vault::unlock_with_recovery(elsewhere.path(), &recovery).unwrap()
        };
        assert_eq!(
            mentor_names(&restored),
            ["Dr. Amara Osei"],
            "opened with the {open}"
        );
        restored.verify().unwrap();
    }
}

#[test]
fn an_interrupted_backup_is_never_listed_and_is_cleared_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    let root = dir.path().join(BACKUPS_DIR);
    fs::create_dir_all(root.join(".partial-20261201T090000Z-daily")).unwrap();
    fs::write(
        root.join(".partial-20261201T090000Z-daily/journal.db"),
        b"half",
    )
    .unwrap();
    fs::create_dir_all(root.join("20261201T090000Z-daily")).unwrap(); // no manifest
    assert!(journal.backups().unwrap().is_empty());
    let backup = journal.back_up(BackupReason::Manual).unwrap();
    assert_eq!(journal.backups().unwrap(), [backup]);
    assert!(!root.join(".partial-20261201T090000Z-daily").exists());
}

/// The backups folder cannot be written (here: something that is not a folder stands in its
/// place, which fails for root too, unlike a read-only mode): a clean I/O error, the journal and
/// the older backups untouched, and the next attempt works once the folder is back.
#[test]
fn an_unwritable_backups_folder_fails_cleanly_and_the_next_attempt_works() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    let first = journal.back_up(BackupReason::Manual).unwrap();
    let root = dir.path().join(BACKUPS_DIR);
    let aside = dir.path().join("backups-aside");
    fs::rename(&root, &aside).unwrap();
    fs::write(&root, b"not a folder").unwrap();
    let err = journal.back_up(BackupReason::Manual).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io, "{err}");
    assert_eq!(
        mentor_names(&journal),
        ["Dr. Amara Osei"],
        "the journal is untouched"
    );
    fs::remove_file(&root).unwrap();
    fs::rename(&aside, &root).unwrap();
    assert_eq!(
        journal.backups().unwrap(),
        std::slice::from_ref(&first),
        "the older backup is untouched"
    );
    let again = journal.back_up(BackupReason::Manual).unwrap();
    assert_ne!(again.id, first.id);
    assert_eq!(
        journal.backups().unwrap(),
        [again, first],
        "added, the older one kept"
    );
}

#[test]
fn a_damaged_backup_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    let backup = journal.back_up(BackupReason::Manual).unwrap();
    let db = dir
        .path()
        .join(BACKUPS_DIR)
        .join(&backup.id)
        .join("journal.db");
    let mut bytes = fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    fs::write(&db, &bytes).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    copy_folder(db.parent().unwrap(), elsewhere.path());
    let err = Vault::unlock(elsewhere.path(), &passphrase())
        .and_then(|j| j.verify())
        .unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::Corrupt,
        "damaged, not a wrong passphrase: {err}"
    );
}

#[test]
fn a_daily_backup_is_due_after_a_day_and_retention_bounds_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut journal = journal.with_clock(Clock::on(start));
    assert!(journal.back_up_if_due().unwrap().is_some(), "none yet");
    assert!(
        journal.back_up_if_due().unwrap().is_none(),
        "one today already"
    );
    for day in 1..120 {
        journal.set_clock(Clock::on(start + Duration::days(day)));
        assert!(journal.back_up_if_due().unwrap().is_some(), "day {day}");
    }
    let kept = journal.backups().unwrap();
    assert!(kept.len() <= 7 + 4 + 12 + 2, "{} backups kept", kept.len());
    assert_eq!(
        kept[0].taken_at.date_naive(),
        start + Duration::days(119),
        "the newest is kept"
    );
    let on_disk = fs::read_dir(dir.path().join(BACKUPS_DIR))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(on_disk, kept.len(), "pruned folders are gone from disk");
}

#[test]
fn a_key_rotation_backs_up_the_journal_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, old_recovery) = journal_with_a_note(dir.path());
    journal.rotate_key(&passphrase()).unwrap();
    let backups = journal.backups().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::BeforeKeyRotation);
    let elsewhere = tempfile::tempdir().unwrap();
    copy_folder(
        &dir.path().join(BACKUPS_DIR).join(&backups[0].id),
        elsewhere.path(),
    );
    let before = Vault::unlock_with_recovery(elsewhere.path(), &old_recovery).unwrap();
    assert_eq!(
        mentor_names(&before),
        ["Dr. Amara Osei"],
        "the old keys open the old backup"
    );
}

/// Opens a copy of a backup made in a folder of its own, which is removed when this returns: for
/// what opens it and what it holds, not for a journal to go on using (verify reopens its file).
pub(crate) fn open_copy(
    dir: &Path,
    id: &str,
    open: impl FnOnce(&Path) -> journal::Result<Journal>,
) -> journal::Result<Journal> {
    let elsewhere = tempfile::tempdir().unwrap();
    copy_folder(&dir.join(BACKUPS_DIR).join(id), elsewhere.path());
    open(elsewhere.path())
}

#[test]
fn after_a_new_passphrase_the_old_one_no_longer_opens_the_backups() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, recovery) = journal_with_a_note(dir.path());
    let backup = journal.back_up(BackupReason::Manual).unwrap();
    let new = journal::Passphrase::new("violet anchor ledger pumpkin");
    journal
        .change_passphrase_with(&passphrase(), &new, fast_kdf())
        .unwrap();
    let err = open_copy(dir.path(), &backup.id, |p| Vault::unlock(p, &passphrase())).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::WrongPassphrase,
        "the old passphrase: {err}"
    );
    let opened = open_copy(dir.path(), &backup.id, |p| Vault::unlock(p, &new)).unwrap();
    assert_eq!(mentor_names(&opened), ["Dr. Amara Osei"]);

    let opened = open_copy(dir.path(), &backup.id, |p| {
        Vault::unlock_with_recovery(p, &recovery)
    })
    .unwrap();
    assert_eq!(
        mentor_names(&opened),
        ["Dr. Amara Osei"],
        "the recovery key still does"
    );
}

/// What can happen to `journal.key`, and how each is staged.
pub(crate) fn damage_key_file(dir: &Path, how: &str) {
    let key = dir.join(journal::KEY_FILE);
    match how {
        "deleted" => fs::remove_file(&key).unwrap(),
        "truncated" => {
            let bytes = fs::read(&key).unwrap();
            fs::write(&key, &bytes[..bytes.len() / 3]).unwrap();
        }
        "another journal's" => {
            let other = tempfile::tempdir().unwrap();
            drop(Vault::create_with(other.path(), &passphrase(), fast_kdf()).unwrap());
            fs::copy(other.path().join(journal::KEY_FILE), &key).unwrap();
        }
        _ => unreachable!(),
    }
}

#[test]
fn a_lost_or_damaged_key_file_is_rebuilt_from_a_backup_with_the_recovery_key() {
    for how in ["deleted", "truncated", "another journal's"] {
        let dir = tempfile::tempdir().unwrap();
        let (journal, recovery) = journal_with_a_note(dir.path());
        journal.back_up(BackupReason::Daily).unwrap();
        // Written after the backup: the live database holds it, and so must the recovered journal.
        journal
            .add_mentor(&MentorInput::named("Dr. After The Backup"))
            .unwrap();
        drop(journal);
        damage_key_file(dir.path(), how);
        assert_eq!(
            Vault::status(dir.path()),
            journal::VaultStatus::Present,
            "{how}"
        );
        assert!(Vault::unlock(dir.path(), &passphrase()).is_err(), "{how}");
        let (journal, rebuilt) = Vault::recover(dir.path(), &recovery).unwrap();
        assert!(rebuilt, "{how}: the key file was rebuilt");
        assert_eq!(
            mentor_names(&journal),
            ["Dr. After The Backup", "Dr. Amara Osei"],
            "{how}: the live journal, not the backup"
        );
        drop(journal);
        Vault::unlock(dir.path(), &passphrase()).unwrap_or_else(|e| panic!("{how}: {e}"));
        let kept: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".unreadable-"))
            .collect();
        assert_eq!(
            kept.len(),
            usize::from(how != "deleted"),
            "{how}: the unreadable key file is kept aside, not deleted"
        );
    }
}

#[test]
fn after_a_rotation_the_rebuilt_key_file_finds_the_re_encrypted_database() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, _) = journal_with_a_note(dir.path());
    let recovery = journal.rotate_key(&passphrase()).unwrap();
    journal.back_up(BackupReason::Manual).unwrap();
    drop(journal);
    fs::remove_file(dir.path().join(journal::KEY_FILE)).unwrap();
    // The database is journal-<time>.db now; the passphrase still gets the right advice.
    let err = Vault::unlock(dir.path(), &passphrase()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Corrupt, "{err}");
    assert!(err.to_string().contains("recovery key"), "{err}");
    let (journal, rebuilt) = Vault::recover(dir.path(), &recovery).unwrap();
    assert!(rebuilt);
    assert_eq!(mentor_names(&journal), ["Dr. Amara Osei"]);
}

#[test]
fn the_user_chooses_how_many_copies_to_keep_and_the_choice_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut journal = journal.with_clock(Clock::on(start));
    for day in 0..20 {
        journal.set_clock(Clock::on(start + Duration::days(day)));
        journal.back_up(BackupReason::Daily).unwrap();
    }
    let before = journal.backups().unwrap().len();
    let fewer = journal::Retention {
        daily: 3,
        weekly: 0,
        monthly: 0,
    };
    assert_eq!(journal.set_retention(fewer).unwrap(), fewer);
    assert_eq!(journal.retention().unwrap(), fewer, "remembered");
    let after = journal.backups().unwrap().len();
    assert!(after < before && after <= 4, "{before} -> {after}");
    for bad in [(0, 4, 12), (7, 53, 12), (7, 4, 121), (91, 0, 0)] {
        let err = journal
            .set_retention(journal::Retention {
                daily: bad.0,
                weekly: bad.1,
                monthly: bad.2,
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation, "{bad:?}: {err}");
    }
    assert_eq!(
        journal.retention().unwrap(),
        fewer,
        "a refused choice changes nothing"
    );
}
