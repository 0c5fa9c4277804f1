//! Backups under an older data key (issue 13): a new recovery key re-encrypts the journal, and the
//! backups taken before stay under the old key. Listing says which; they still open with today's
//! passphrase and with the recovery key of their time (their data key is derived from it, so no
//! re-seal can change that: only re-encrypting or removing them does, and the user is offered both).

use journal::{BackupReason, ErrorCode, Journal, Passphrase, Secret, Vault};

use crate::backups::{journal_with_a_note, open_copy};
use crate::{fast_kdf, mentor_names, passphrase};

fn older(journal: &Journal) -> Vec<String> {
    let mut ids: Vec<String> = journal
        .backups()
        .unwrap()
        .into_iter()
        .filter(|b| b.older_key)
        .map(|b| b.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn after_a_new_recovery_key_the_older_backups_are_marked_and_open_as_they_honestly_can() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, old_recovery) = journal_with_a_note(dir.path());
    let manual = journal.back_up(BackupReason::Manual).unwrap();
    assert!(older(&journal).is_empty(), "nothing older yet");
    let recovery = journal.regenerate_recovery_key(&passphrase()).unwrap();
    let after = journal.back_up(BackupReason::Manual).unwrap();
    let marked = older(&journal);
    assert_eq!(
        marked.len(),
        2,
        "the manual one and the one taken before re-encrypting"
    );
    assert!(marked.contains(&manual.id) && !marked.contains(&after.id));

    let opened = open_copy(dir.path(), &manual.id, |p| Vault::unlock(p, &passphrase())).unwrap();
    assert_eq!(
        mentor_names(&opened),
        ["Dr. Amara Osei"],
        "today's passphrase"
    );
    assert!(
        open_copy(dir.path(), &manual.id, |p| Vault::unlock_with_recovery(
            p,
            &old_recovery
        ))
        .is_ok(),
        "the recovery key of its time still opens it: that is what Settings says"
    );
    let err = open_copy(dir.path(), &manual.id, |p| {
        Vault::unlock_with_recovery(p, &recovery)
    })
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase, "{err}");
}

#[test]
fn re_encrypting_the_older_backups_keeps_their_time_and_content_and_retires_the_old_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, old_recovery) = journal_with_a_note(dir.path());
    let manual = journal.back_up(BackupReason::Manual).unwrap();
    let recovery = journal.regenerate_recovery_key(&passphrase()).unwrap();
    let times = |j: &Journal| {
        let mut t: Vec<_> = j
            .backups()
            .unwrap()
            .iter()
            .map(|b| (b.taken_at, format!("{:?}", b.reason)))
            .collect();
        t.sort();
        t
    };
    let before = times(&journal);

    let wrong = journal
        .reencrypt_older_backups(&Passphrase::new("not the passphrase at all"))
        .unwrap_err();
    assert_eq!(wrong.code(), ErrorCode::WrongPassphrase);
    assert_eq!(
        older(&journal).len(),
        2,
        "a wrong passphrase changes nothing"
    );

    let done = journal.reencrypt_older_backups(&passphrase()).unwrap();
    assert_eq!((done.reencrypted, done.left), (2, 0));
    assert!(older(&journal).is_empty());
    assert_eq!(
        times(&journal),
        before,
        "the same backups, of the same times"
    );
    for backup in journal.backups().unwrap() {
        assert!(backup.verified_at.is_some());
        let opened = open_copy(dir.path(), &backup.id, |p| {
            Vault::unlock_with_recovery(p, &recovery)
        })
        .unwrap();
        assert_eq!(mentor_names(&opened), ["Dr. Amara Osei"]);
        assert!(
            open_copy(dir.path(), &backup.id, |p| Vault::unlock_with_recovery(
                p,
                &old_recovery
            ))
            .is_err(),
            "the old recovery key opens none of them"
        );
        let preview = journal::preview_backup(
            &journal.backup_folder(&backup.id).unwrap(),
            Secret::Passphrase(&passphrase()),
        )
        .unwrap();
        assert_eq!(preview.notes, 1);
    }
    assert_ne!(
        journal.backups().unwrap()[0].id,
        manual.id,
        "a new folder for each"
    );
}

#[test]
fn removing_the_older_backups_keeps_the_current_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, _) = journal_with_a_note(dir.path());
    journal.back_up(BackupReason::Manual).unwrap();
    journal.regenerate_recovery_key(&passphrase()).unwrap();
    let current = journal.back_up(BackupReason::Manual).unwrap();
    assert_eq!(journal.remove_older_backups().unwrap(), 2);
    let left: Vec<String> = journal
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(left, [current.id]);
    assert_eq!(journal.remove_older_backups().unwrap(), 0);
}

#[test]
fn a_passphrase_change_after_a_new_recovery_key_reaches_the_older_backups() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, old_recovery) = journal_with_a_note(dir.path());
    journal.regenerate_recovery_key(&passphrase()).unwrap();
    let before = journal.backups().unwrap()[0].clone();
    assert!(before.older_key);
    let new = Passphrase::new("violet anchor ledger pumpkin");
    journal
        .change_passphrase_with(&passphrase(), &new, fast_kdf())
        .unwrap();
    let err = open_copy(dir.path(), &before.id, |p| Vault::unlock(p, &passphrase())).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::WrongPassphrase,
        "the old passphrase: {err}"
    );
    let opened = open_copy(dir.path(), &before.id, |p| Vault::unlock(p, &new)).unwrap();
    assert_eq!(mentor_names(&opened), ["Dr. Amara Osei"]);
    assert!(
        open_copy(dir.path(), &before.id, |p| Vault::unlock_with_recovery(
            p,
            &old_recovery
        ))
        .is_ok()
    );
}
