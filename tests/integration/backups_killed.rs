//! SIGKILL during a backup and during a restore (issue 13): afterwards the journal opens with
//! every acknowledged write, no partial backup is listed, every listed backup opens, and a
//! restore happened completely or not at all. `make soak` runs 100 rounds of each.

use journal::{
    BACKUPS_DIR, BackupReason, ConversationInput, Journal, MentorInput, Secret, Vault, list_backups,
};
use std::collections::BTreeSet;
use std::path::Path;

use crate::children::{XorShift, after_marker, run_child_until_killed, seed, soak};
use crate::{copy_folder, fast_kdf, mentor_names, passphrase};

fn rounds() -> usize {
    if soak() { 100 } else { 12 }
}

/// Child side of the backup loop (ignored, so a normal run does not count it): in the journal
/// MJ_BACKUP_CHILD names, write a note and take a backup, forever, acknowledging each.
#[test]
#[ignore = "a helper the backup kill test runs in a child process"]
fn backup_child() {
    let Some(dir) = std::env::var_os("MJ_BACKUP_CHILD") else {
        return;
    };
    let journal = Vault::unlock(Path::new(&dir), &passphrase()).unwrap();
    let mentor = crate::all_mentors(&journal)[0].id;
    loop {
        let c = journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: Some(mentor),
                    body: "y".repeat(2000),
                    ..Default::default()
                },
                false,
            )
            .unwrap();
        println!("committed {}", c.id.0);
        let b = journal.back_up(BackupReason::Manual).unwrap();
        println!("backed up {}", b.id);
    }
}

#[test]
fn a_killed_backup_is_never_listed_and_loses_nothing() {
    let seed = seed("kill during backup");
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let mentor = journal
        .add_mentor(&MentorInput::named("Dr. Backup"))
        .unwrap()
        .id;
    drop(journal);
    let mut rng = XorShift(seed);
    let mut acknowledged = BTreeSet::new();
    let mut backups_acknowledged = 0;
    let mut checked = BTreeSet::new();
    for round in 0..rounds() {
        let lines = run_child_until_killed(
            "backups_killed::backup_child",
            &[("MJ_BACKUP_CHILD", dir.path().as_os_str())],
            "backed up ",
            rng.below(300),
        );
        acknowledged.extend(
            lines
                .iter()
                .filter_map(|l| after_marker(l, "committed ")?.parse::<i64>().ok()),
        );
        backups_acknowledged += lines
            .iter()
            .filter(|l| after_marker(l, "backed up ").is_some())
            .count();

        let journal = Vault::unlock(dir.path(), &passphrase())
            .unwrap_or_else(|e| panic!("round {round} (seed {seed:#x}): {e}"));
        journal.verify().unwrap();
        let present: BTreeSet<i64> = journal
            .list_conversations(Some(mentor), u32::MAX)
            .unwrap()
            .into_iter()
            .map(|c| c.id.0)
            .collect();
        let lost: Vec<_> = acknowledged.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "round {round} (seed {seed:#x}): lost {lost:?}"
        );
        // Every listed backup opens; each is checked once, the round it first appears.
        for backup in journal.backups().unwrap() {
            assert!(!backup.id.starts_with('.'), "round {round}: {backup:?}");
            if !checked.insert(backup.id.clone()) {
                continue;
            }
            let copy = tempfile::tempdir().unwrap();
            copy_folder(&dir.path().join(BACKUPS_DIR).join(&backup.id), copy.path());
            let opened = Vault::unlock(copy.path(), &passphrase()).unwrap_or_else(|e| {
                panic!(
                    "round {round} (seed {seed:#x}): listed backup {} does not open: {e}",
                    backup.id
                )
            });
            opened.verify().unwrap();
        }
    }
    println!(
        "kill during backup: {} SIGKILL rounds, {} acknowledged writes and {backups_acknowledged} \
         acknowledged backups, 0 writes lost, every listed backup ({} in all) opened and verified",
        rounds(),
        acknowledged.len(),
        checked.len()
    );
}

/// Child side of the restore loop: restore the backups in MJ_RESTORE_A and MJ_RESTORE_B (two
/// folders outside the journal) into the journal MJ_RESTORE_CHILD names, in turn, forever,
/// acknowledging each.
#[test]
#[ignore = "a helper the restore kill test runs in a child process"]
fn restore_child() {
    let Some(dir) = std::env::var_os("MJ_RESTORE_CHILD") else {
        return;
    };
    let folders = [
        std::env::var_os("MJ_RESTORE_A").unwrap(),
        std::env::var_os("MJ_RESTORE_B").unwrap(),
    ];
    let mut journal = Vault::unlock(Path::new(&dir), &passphrase()).unwrap();
    for n in 0.. {
        let which = n % 2;
        journal
            .restore(
                Path::new(&folders[which]),
                Secret::Passphrase(&passphrase()),
            )
            .unwrap();
        println!("restored {}", ["A", "B"][which]);
    }
}

/// A journal with the named mentors, backed up; the backup folder copied to `to`.
fn backup_of(names: &[&str], to: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    for name in names {
        journal.add_mentor(&MentorInput::named(*name)).unwrap();
    }
    let backup = journal.back_up(BackupReason::Manual).unwrap();
    copy_folder(&dir.path().join(BACKUPS_DIR).join(&backup.id), to);
}

fn names(journal: &Journal) -> Vec<String> {
    mentor_names(journal)
}

#[test]
fn a_killed_restore_happened_completely_or_not_at_all() {
    let seed = seed("kill during restore");
    let sources = tempfile::tempdir().unwrap();
    let (a, b) = (sources.path().join("a"), sources.path().join("b"));
    backup_of(&["Dr. A"], &a);
    backup_of(&["Dr. B1", "Dr. B2"], &b);
    let dir = tempfile::tempdir().unwrap();
    drop(Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap());
    let mut rng = XorShift(seed);
    let mut restores = 0;
    for round in 0..rounds() {
        let lines = run_child_until_killed(
            "backups_killed::restore_child",
            &[
                ("MJ_RESTORE_CHILD", dir.path().as_os_str()),
                ("MJ_RESTORE_A", a.as_os_str()),
                ("MJ_RESTORE_B", b.as_os_str()),
            ],
            "restored ",
            rng.below(400),
        );
        restores += lines
            .iter()
            .filter(|l| after_marker(l, "restored ").is_some())
            .count();
        let journal = Vault::unlock(dir.path(), &passphrase())
            .unwrap_or_else(|e| panic!("round {round} (seed {seed:#x}): {e}"));
        journal.verify().unwrap();
        let now = names(&journal);
        assert!(
            now == ["Dr. A"] || now == ["Dr. B1", "Dr. B2"],
            "round {round} (seed {seed:#x}): the journal is one backup or the other, whole: {now:?}"
        );
        assert!(
            list_backups(&dir.path().join(BACKUPS_DIR))
                .unwrap()
                .iter()
                .all(|b| !b.id.starts_with('.')),
            "round {round}: no partial backup listed"
        );
    }
    println!(
        "kill during restore: {} SIGKILL rounds, {restores} acknowledged restores, the journal \
         was always one backup or the other, whole, and opened and verified",
        rounds()
    );
}
