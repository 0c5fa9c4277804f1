//! Checking the journal, off the window's thread, with progress and a way to stop (issue 16: it
//! takes about 4 s at 100,000 notes, too long for a frozen button).
//!
//! `Journal::verify_job` gathers the database's path and key; `VerifyJob::run` then opens a
//! connection of its own (under write-ahead logging it reads one consistent snapshot while the app
//! goes on writing) and runs the two checks: SQLCipher's check of every page's authentication code,
//! then SQLite's check of the database structure.
//!
//! Progress comes from SQLite's progress handler, which the structure check calls as it walks each
//! page (and the statements between, every `STEP` operations). The share is those calls against
//! an estimate made from the page count, capped below 1 until the check is over: a bar honest
//! enough to show it moves, not a promise. The handler also stops the check when `cancel` is set.
//! SQLCipher's page check runs in one call that cannot be stopped; it is the shorter part.

use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::keyfile::DataKey;
use crate::store::snapshot;

/// Operations between calls of the progress handler.
const STEP: i32 = 64;
/// About how many units of work (pages walked plus operations run) a whole structure check makes
/// per page (measured: 114 at 10,000 notes, 110 at 100,000; see docs/benchmarks.md). Only the
/// bar's pace depends on it.
const WORK_PER_PAGE: f64 = 112.0;
/// The share of the bar given to the page check, which reports nothing while it runs.
const SEALS_SHARE: f64 = 0.3;

/// What a running check is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum VerifyStage {
    /// Checking every page's authentication code (SQLCipher).
    Seals,
    /// Checking the database's structure (SQLite).
    Structure,
    /// Finished, stopped or failed: the call's result says which.
    Done,
}

/// Where a running check is: its stage and an estimate of the share done (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VerifyProgress {
    pub stage: VerifyStage,
    pub fraction: f64,
}

/// A check ready to run on another thread (see the module notes).
pub struct VerifyJob {
    database: PathBuf,
    key: DataKey,
}

impl std::fmt::Debug for VerifyJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifyJob")
            .field("database", &self.database)
            .finish_non_exhaustive()
    }
}

impl Journal {
    /// Everything a check needs, gathered now; run it with `VerifyJob::run` on any thread.
    pub fn verify_job(&self) -> Result<VerifyJob> {
        // The file this connection has open: during a key rotation the key file still names
        // the old one while the new one is checked.
        let database = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .ok_or_else(|| Error::Internal("the journal has no database file".into()))?;
        Ok(VerifyJob {
            database,
            key: self.key.clone(),
        })
    }

    /// Checks every page's authentication code and the database structure; `Ok` means intact.
    /// A damaged journal is reported as `CORRUPT` with how many problems were found.
    pub fn verify(&self) -> Result<()> {
        self.verify_job()?.run(&|_| {}, &AtomicBool::new(false))
    }
}

impl VerifyJob {
    /// Runs both checks; `progress` hears how far it got, and setting `cancel` stops it with a
    /// `CONFLICT` that says so (nothing was changed: a check only reads).
    pub fn run(
        &self,
        progress: &(dyn Fn(VerifyProgress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<()> {
        let result = self.run_checks(progress, cancel);
        progress(VerifyProgress {
            stage: VerifyStage::Done,
            fraction: 1.0,
        });
        result
    }

    fn run_checks(
        &self,
        progress: &(dyn Fn(VerifyProgress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<()> {
        let stopped = || Error::Conflict("The check was stopped; nothing was changed.".into());
        // Read-only: a check writes nothing, and a copy being checked may be a read-only file.
        let mut conn = snapshot::open_read_only(&self.database, &self.key)?;
        let pages: i64 = conn.query_row("PRAGMA page_count", [], |row| row.get(0))?;
        progress(VerifyProgress {
            stage: VerifyStage::Seals,
            fraction: 0.0,
        });
        let started = std::time::Instant::now();
        let mut problems = count_problems(&conn, "PRAGMA cipher_integrity_check")?;
        let seals = started.elapsed();
        if cancel.load(Ordering::Relaxed) {
            return Err(stopped());
        }

        // The handler must own what it touches: it counts its calls, and a watcher on this
        // thread's side turns the count into progress and the cancel flag into an interrupt.
        let calls = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (counted, asked) = (Arc::clone(&calls), Arc::clone(&stop));
        conn.progress_handler(
            STEP,
            Some(move || {
                counted.fetch_add(1, Ordering::Relaxed);
                asked.load(Ordering::Relaxed)
            }),
        )?;
        let expected = (pages.max(1) as f64 * WORK_PER_PAGE / f64::from(STEP)).max(1.0);
        progress(VerifyProgress {
            stage: VerifyStage::Structure,
            fraction: SEALS_SHARE,
        });
        if cancel.load(Ordering::Relaxed) {
            return Err(stopped());
        }
        let finished = AtomicBool::new(false);
        let structure = std::thread::scope(|scope| {
            scope.spawn(|| {
                while !finished.load(Ordering::Acquire) {
                    if cancel.load(Ordering::Relaxed) {
                        stop.store(true, Ordering::Relaxed);
                    }
                    let done = calls.load(Ordering::Relaxed) as f64 / expected;
                    progress(VerifyProgress {
                        stage: VerifyStage::Structure,
                        fraction: (SEALS_SHARE + (1.0 - SEALS_SHARE) * done).min(0.99),
                    });
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
            });
            let counted = count_problems(&conn, "PRAGMA integrity_check");
            finished.store(true, Ordering::Release);
            counted
        });
        conn.progress_handler(0, None::<fn() -> bool>)?;
        // MJ_VERIFY_TRACE=1 prints the work per page and the time of each part (numbers only), to set
        // WORK_PER_PAGE and SEALS_SHARE.
        if std::env::var_os("MJ_VERIFY_TRACE").is_some() {
            let work = calls.load(Ordering::Relaxed) as f64 * f64::from(STEP);
            eprintln!(
                "verify: {pages} pages, {:.2} work per page; seals {seals:.2?}, in all {:.2?}",
                work / pages.max(1) as f64,
                started.elapsed()
            );
        }
        if stop.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
            return Err(stopped());
        }
        problems += structure?;
        if problems == 0 {
            Ok(())
        } else {
            Err(Error::Corrupt(format!(
                "The journal failed its integrity check ({problems} problem{}). Restore a backup; the damaged file was left as it is.",
                if problems == 1 { "" } else { "s" }
            )))
        }
    }
}

/// The rows of a check that are not "ok".
fn count_problems(conn: &rusqlite::Connection, pragma: &str) -> Result<usize> {
    let mut stmt = conn.prepare(pragma)?;
    let rows: Vec<String> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows.iter().filter(|r| r.as_str() != "ok").count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ConversationInput, MentorInput};
    use std::sync::Mutex;

    fn journal_with_notes(dir: &std::path::Path, notes: usize) -> Journal {
        let journal = crate::test_journal(dir);
        let mentor = journal.add_mentor(&MentorInput::named("Dr. Osei")).unwrap();
        for i in 0..notes {
            let input = ConversationInput {
                mentor_id: Some(mentor.id),
                body: format!("Note {i} about the abstract and the poster deadline."),
                ..ConversationInput::default()
            };
            journal.add_conversation(&input, false).unwrap();
        }
        journal
    }

    #[test]
    fn a_check_reports_its_stages_in_order_and_ends_done() {
        let dir = tempfile::tempdir().unwrap();
        let journal = journal_with_notes(dir.path(), 50);
        let seen = Mutex::new(Vec::new());
        journal
            .verify_job()
            .unwrap()
            .run(&|p| seen.lock().unwrap().push(p), &AtomicBool::new(false))
            .unwrap();
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.first().map(|p| p.stage), Some(VerifyStage::Seals));
        assert_eq!(
            seen.last().map(|p| (p.stage, p.fraction)),
            Some((VerifyStage::Done, 1.0))
        );
        assert!(
            seen.windows(2).all(|w| w[0].fraction <= w[1].fraction),
            "{seen:?}"
        );
        assert!(
            seen[..seen.len() - 1].iter().all(|p| p.fraction < 1.0),
            "never full before it is over"
        );
    }

    #[test]
    fn a_cancelled_check_says_it_was_stopped_and_a_later_one_runs_whole() {
        let dir = tempfile::tempdir().unwrap();
        let journal = journal_with_notes(dir.path(), 300);
        let cancel = AtomicBool::new(false);
        // Asked to stop when the structure check is announced: it stops there (later, the
        // watcher turns the flag into an interrupt of the running check).
        let err = journal
            .verify_job()
            .unwrap()
            .run(
                &|p| {
                    if p.stage == VerifyStage::Structure {
                        cancel.store(true, Ordering::Relaxed);
                    }
                },
                &cancel,
            )
            .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Conflict);
        assert!(err.to_string().contains("stopped"), "{err}");
        journal.verify().unwrap();
    }
}
