#![allow(clippy::expect_used, clippy::unwrap_used)] // a bench that cannot set up should stop loudly
//! Moving a large journal: a backup (issue 13: the time `BackupJob::run` takes, snapshot through
//! SQLCipher, the check of every page and the manifest) and the lossless JSON export (issue 14),
//! at 10,000 and 100,000 notes, with the size of the journal, of one backup and of the export
//! printed for `docs/benchmarks.md`. Each measured backup is removed afterwards, so retention does
//! not come into it and /dev/shm does not fill up; the export goes to a byte counter.

#[path = "common/seed.rs"]
mod seed;

use criterion::{Criterion, criterion_group, criterion_main};
use journal::{BACKUPS_DIR, BackupReason, DATABASE_FILE, Journal};
use std::time::{Duration, Instant};

fn one_backup(journal: &Journal, dir: &std::path::Path) -> (Duration, u64) {
    let job = journal.backup_job(BackupReason::Manual).expect("job");
    let started = Instant::now();
    let done = job.run(&|_| {}).expect("backup");
    let took = started.elapsed();
    let backup = journal.finish_backup(done);
    std::fs::remove_dir_all(dir.join(BACKUPS_DIR).join(&backup.id)).expect("remove");
    (took, backup.bytes)
}

/// A writer that only counts what it is given.
struct Counter(u64);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn backups(c: &mut Criterion) {
    let dir = seed::scratch_dir();
    let (journal, mentors) = seed::journal(dir.path());
    let mut seeded = 0;
    let mut group = c.benchmark_group("transfer");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for notes in [10_000usize, 100_000] {
        let started = Instant::now();
        seed::add_notes(&journal, &mentors, seeded, notes);
        seeded = notes;
        let db = std::fs::metadata(dir.path().join(DATABASE_FILE))
            .unwrap()
            .len();
        let (took, bytes) = one_backup(&journal, dir.path());
        eprintln!(
            "backup at {notes} notes: seeded in {:.0?}; journal {:.1} MiB, one backup {:.1} MiB \
             ({} bytes per note), first backup {took:.2?}",
            started.elapsed(),
            db as f64 / 1048576.0,
            bytes as f64 / 1048576.0,
            bytes / notes as u64,
        );
        group.bench_function(format!("backup, {notes} notes"), |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| one_backup(&journal, dir.path()).0)
                    .sum()
            })
        });
        let mut counter = Counter(0);
        journal.export_json(&mut counter).expect("export");
        eprintln!(
            "JSON export at {notes} notes: {:.1} MiB",
            counter.0 as f64 / 1048576.0
        );
        group.bench_function(format!("JSON export, {notes} notes"), |b| {
            b.iter(|| journal.export_json(&mut Counter(0)).expect("export"))
        });
    }
    group.finish();
}

criterion_group!(benches, backups);
criterion_main!(benches);
