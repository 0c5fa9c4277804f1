//! A backup off the command thread (issue 13, scale): it runs on a connection of its own while
//! the journal goes on writing, reports its stages in order, and the copy is a consistent,
//! verified snapshot; two backups at once take turns instead of removing each other's work.

use journal::{BACKUPS_DIR, BackupReason, BackupStage, MentorInput, Vault};
use std::sync::Mutex;

use crate::backups::{journal_with_a_note, open_copy};
use crate::{copy_folder, mentor_names, passphrase};

#[test]
fn a_backup_job_runs_while_the_journal_keeps_writing_and_reports_its_stages() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    for i in 0..200 {
        journal
            .add_mentor(&MentorInput::named(format!("Dr. Before {i:03}")))
            .unwrap();
    }
    let job = journal.backup_job(BackupReason::Manual).unwrap();
    let stages = Mutex::new(Vec::new());
    let done = std::thread::scope(|scope| {
        let running = scope.spawn(|| {
            job.run(&|p| {
                assert!((0.0..=1.0).contains(&p.fraction), "{p:?}");
                stages.lock().unwrap().push(p.stage);
            })
        });
        // The journal is not held by the backup: writes go on meanwhile.
        for i in 0..50 {
            journal
                .add_mentor(&MentorInput::named(format!("Dr. During {i:02}")))
                .unwrap();
        }
        running.join().unwrap()
    })
    .unwrap();
    let backup = journal.finish_backup(done);

    let mut seen = stages.into_inner().unwrap();
    seen.dedup();
    assert_eq!(
        seen.first(),
        Some(&BackupStage::Snapshot),
        "starts by copying: {seen:?}"
    );
    assert_eq!(seen.last(), Some(&BackupStage::Done), "{seen:?}");
    let verify = seen.iter().position(|s| *s == BackupStage::Verify).unwrap();
    assert!(
        seen[..verify].iter().all(|s| *s == BackupStage::Snapshot),
        "{seen:?}"
    );

    // A copy elsewhere that outlives the check (open_copy's folder is gone when it returns).
    let elsewhere = tempfile::tempdir().unwrap();
    copy_folder(
        &dir.path().join(BACKUPS_DIR).join(&backup.id),
        elsewhere.path(),
    );
    let copy = Vault::unlock(elsewhere.path(), &passphrase()).unwrap();
    let names = mentor_names(&copy);
    assert!(
        names.iter().filter(|n| n.starts_with("Dr. Before")).count() == 200,
        "everything committed before the job is in the copy"
    );
    copy.verify().unwrap();
    assert_eq!(
        mentor_names(&journal)
            .iter()
            .filter(|n| n.starts_with("Dr. During"))
            .count(),
        50,
        "and nothing written meanwhile was lost"
    );
    assert_eq!(journal.backups().unwrap()[0].id, backup.id);
}

#[test]
fn two_backups_at_once_take_turns_and_both_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = journal_with_a_note(dir.path());
    let first = journal.backup_job(BackupReason::Manual).unwrap();
    let second = journal.backup_job(BackupReason::Daily).unwrap();
    let (a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(|| first.run(&|_| {}));
        let b = scope.spawn(|| second.run(&|_| {}));
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    let ids: Vec<String> = journal
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    for done in [a, b] {
        let id = journal.finish_backup(done).id;
        assert!(ids.contains(&id));
        let copy = open_copy(dir.path(), &id, |p| Vault::unlock(p, &passphrase())).unwrap();
        assert_eq!(mentor_names(&copy), ["Dr. Amara Osei"]);
    }
}
