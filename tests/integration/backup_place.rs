//! The second place for backups (issue 13): every backup is copied there too, thinned out the
//! same way; a missing or unwritable place is a status and never stops a backup or touches the
//! local ones; a new passphrase reaches the copies there; bad choices are refused.

use journal::{BackupReason, Clock, ErrorCode, MentorInput, PLACE_FOLDER, Passphrase, Vault};
use std::fs;
use std::path::Path;

use crate::{copy_folder, fast_kdf, mentor_names, passphrase};

fn listed(place: &Path) -> Vec<String> {
    journal::list_backups(&place.join(PLACE_FOLDER))
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect()
}

#[test]
fn backups_are_copied_to_the_second_place_and_open_from_there() {
    let dir = tempfile::tempdir().unwrap();
    let place = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    journal
        .add_mentor(&MentorInput::named("Dr. Amara Osei"))
        .unwrap();
    let first = journal.back_up(BackupReason::Manual).unwrap();
    let chosen = journal
        .set_backup_place(Some(place.path()))
        .unwrap()
        .unwrap();
    assert!(chosen.reachable && chosen.problem.is_empty());
    assert_eq!(
        listed(place.path()),
        std::slice::from_ref(&first.id),
        "the newest is copied at once"
    );
    let copy = place.path().join(PLACE_FOLDER).join(&first.id);
    let opened = Vault::unlock(&copy, &passphrase()).unwrap();
    assert_eq!(mentor_names(&opened), ["Dr. Amara Osei"]);
    drop(opened);

    // A new passphrase reaches the copies in the second place too.
    let new = Passphrase::new("violet anchor ledger pumpkin");
    journal
        .change_passphrase_with(&passphrase(), &new, fast_kdf())
        .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    copy_folder(&copy, elsewhere.path());
    assert!(
        Vault::unlock(elsewhere.path(), &passphrase()).is_err(),
        "the old passphrase"
    );
    assert!(Vault::unlock(elsewhere.path(), &new).is_ok());
}

#[test]
fn a_missing_place_is_a_status_and_never_stops_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let place = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let mut journal = journal.with_clock(Clock::on("2026-12-01".parse().unwrap()));
    journal.set_backup_place(Some(place.path())).unwrap();
    let stick = place.path().to_path_buf();
    let unplugged = stick.with_extension("unplugged");
    fs::rename(&stick, &unplugged).unwrap();
    let backup = journal.back_up(BackupReason::Manual).unwrap();
    assert_eq!(
        journal.backups().unwrap(),
        std::slice::from_ref(&backup),
        "the local backup"
    );
    let status = journal.backup_place().unwrap().unwrap();
    assert!(!status.reachable);
    assert!(status.problem.contains("not there"), "{status:?}");
    fs::rename(&unplugged, &stick).unwrap();
    journal.set_clock(Clock::on("2026-12-02".parse().unwrap()));
    let next = journal.back_up(BackupReason::Daily).unwrap();
    let status = journal.backup_place().unwrap().unwrap();
    assert!(status.reachable && status.problem.is_empty(), "{status:?}");
    assert_eq!(listed(&stick), [next.id], "copied once it is back");
}

#[test]
fn bad_choices_for_the_second_place_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    for bad in [
        dir.path().to_path_buf(),
        dir.path().join("backups"),
        Path::new("relative/folder").to_path_buf(),
        Path::new("/no/such/folder/anywhere").to_path_buf(),
    ] {
        let _ = fs::create_dir_all(dir.path().join("backups"));
        let err = journal.set_backup_place(Some(&bad)).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (ErrorCode::Validation, Some("path")),
            "{}: {err}",
            bad.display()
        );
    }
    assert!(journal.backup_place().unwrap().is_none());
    let place = tempfile::tempdir().unwrap();
    journal.set_backup_place(Some(place.path())).unwrap();
    assert!(journal.set_backup_place(None).unwrap().is_none());
    assert!(journal.backup_place().unwrap().is_none(), "forgotten");
}
