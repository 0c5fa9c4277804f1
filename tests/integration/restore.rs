//! Restoring a backup on real vaults (issue 13): the backup's journal comes back, the journal as
//! it was is kept aside and opens; a wrong secret, a damaged backup or one from a newer version
//! is refused and changes nothing.

use journal::{
    BackupReason, ConversationInput, ErrorCode, Journal, MentorInput, Passphrase, Secret, Vault,
    preview_backup,
};
use std::fs;
use std::path::{Path, PathBuf};

use crate::{fast_kdf, mentor_names, passphrase};

fn journal_with_a_backup(dir: &Path) -> (Journal, journal::RecoveryKey, PathBuf) {
    let (journal, recovery) = Vault::create_with(dir, &passphrase(), fast_kdf()).unwrap();
    let osei = journal
        .add_mentor(&MentorInput::named("Dr. Amara Osei"))
        .unwrap();
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(osei.id),
                occurred_at: Some("2026-11-30T10:00:00".parse().unwrap()),
                body: "Before the backup.".into(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
    let backup = journal.back_up(BackupReason::Manual).unwrap();
    let folder = journal.backup_folder(&backup.id).unwrap();
    (journal, recovery, folder)
}

/// Every file under `dir` (one level of folders down), with its bytes: "nothing changed" is this
/// being equal.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, depth: u32, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if depth < 3 {
                    walk(&path, depth + 1, out);
                }
            } else {
                out.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, 0, &mut out);
    out.sort();
    out
}

#[test]
fn restoring_brings_the_backup_back_and_keeps_the_journal_as_it_was_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, recovery, folder) = journal_with_a_backup(dir.path());
    journal
        .add_mentor(&MentorInput::named("Dr. Since The Backup"))
        .unwrap();
    let preview = preview_backup(&folder, Secret::RecoveryKey(&recovery)).unwrap();
    assert_eq!((preview.mentors, preview.notes, preview.goals), (1, 1, 0));
    assert_eq!(
        preview.last_note_on.map(|d| d.to_string()).as_deref(),
        Some("2026-11-30")
    );

    let restored = journal
        .restore(&folder, Secret::Passphrase(&passphrase()))
        .unwrap();
    assert_eq!(restored.preview, preview);
    assert_eq!(
        mentor_names(&journal),
        ["Dr. Amara Osei"],
        "the backup's journal"
    );
    journal
        .add_mentor(&MentorInput::named("Dr. After The Restore"))
        .unwrap();
    assert!(
        journal
            .backups()
            .unwrap()
            .iter()
            .any(|b| b.reason == BackupReason::BeforeRestore),
        "the journal was backed up before the restore"
    );
    drop(journal);
    let reopened = Vault::unlock(dir.path(), &passphrase()).unwrap();
    assert_eq!(
        mentor_names(&reopened),
        ["Dr. After The Restore", "Dr. Amara Osei"]
    );
    reopened.verify().unwrap();
    drop(reopened);
    let aside = Vault::unlock(Path::new(&restored.kept_aside), &passphrase()).unwrap();
    assert_eq!(
        mentor_names(&aside),
        ["Dr. Amara Osei", "Dr. Since The Backup"],
        "the journal as it was, kept aside, opens"
    );
}

#[test]
fn a_wrong_secret_or_a_damaged_backup_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, _, folder) = journal_with_a_backup(dir.path());
    let before = tree(dir.path());
    let wrong = Passphrase::new("not the passphrase at all");
    let err = journal
        .restore(&folder, Secret::Passphrase(&wrong))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase, "{err}");
    assert_eq!(
        tree(dir.path()),
        before,
        "a wrong passphrase changes nothing"
    );

    let db = folder.join("journal.db");
    let mut bytes = fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    fs::write(&db, &bytes).unwrap();
    let damaged = tree(dir.path());
    let err = preview_backup(&folder, Secret::Passphrase(&passphrase())).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::Corrupt,
        "damaged, not a wrong passphrase: {err}"
    );
    let err = journal
        .restore(&folder, Secret::Passphrase(&passphrase()))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Corrupt, "{err}");
    assert_eq!(
        tree(dir.path()),
        damaged,
        "a damaged backup is never restored"
    );
    assert_eq!(mentor_names(&journal), ["Dr. Amara Osei"]);
}

#[test]
fn only_the_journals_own_backups_are_named_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _, _) = journal_with_a_backup(dir.path());
    for id in ["", "..", "../..", ".partial-x", "a/b", "nope"] {
        assert_eq!(
            journal.backup_folder(id).unwrap_err().code(),
            ErrorCode::NotFound,
            "{id:?}"
        );
    }
}

#[test]
fn a_folder_that_holds_no_backup_is_named_as_such() {
    let empty = tempfile::tempdir().unwrap();
    let err = preview_backup(empty.path(), Secret::Passphrase(&passphrase())).unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Validation, Some("path")),
        "{err}"
    );
    assert!(
        err.to_string().contains("no Mentor Journal backup"),
        "{err}"
    );
}
