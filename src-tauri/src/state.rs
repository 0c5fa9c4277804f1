//! The app's one piece of state: where the journal lives and whether it is unlocked.
//!
//! `Session` is explicit so that "locked" is a value, not an absent key: every journal command goes
//! through `AppState::journal`, which answers `LOCKED` without touching the disk. Locking replaces
//! the `Journal`, which closes the database and wipes the key.

use journal::{
    Backup, BackupJob, BackupProgress, BackupReason, Journal, Passphrase, RecoveryKey, Vault,
    VaultStatus,
};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use crate::clipboard::Clipboard;
use crate::error::IpcError;

#[derive(Debug)]
pub enum Session {
    Locked,
    Unlocked(Journal),
}

/// Shows one notification (title, body); says whether the desktop took it.
pub type Notifier = Box<dyn Fn(&str, &str) -> bool + Send + Sync>;

pub struct AppState {
    dir: PathBuf,
    session: Mutex<Session>,
    pub clipboard: Clipboard,
    /// Bumped on every unlock and lock, so a delayed lock can tell whether the session it meant
    /// to end is still the current one.
    generation: AtomicU64,
    /// Where progress of long work goes (the window, as events such as `backup-progress` and
    /// `import-progress`); unset in tests, which have no window.
    pub events: OnceLock<Box<dyn Fn(&'static str, serde_json::Value) + Send + Sync>>,
    /// Shows a desktop notification (title, body) through the notification plugin, from Rust:
    /// the page has no permission to show one itself. Unset in tests.
    pub notify: OnceLock<Notifier>,
    /// Set by `import_cancel` while an import runs; the import stops with nothing written.
    pub cancel_import: AtomicBool,
    /// Set by `vault_verify_cancel` while a check runs; the check stops.
    pub cancel_verify: AtomicBool,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("dir", &self.dir)
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

type Result<T> = std::result::Result<T, IpcError>;

impl AppState {
    pub fn new(dir: PathBuf) -> Self {
        AppState {
            dir,
            session: Mutex::new(Session::Locked),
            clipboard: Clipboard::default(),
            generation: AtomicU64::new(0),
            events: OnceLock::new(),
            notify: OnceLock::new(),
            cancel_import: AtomicBool::new(false),
            cancel_verify: AtomicBool::new(false),
        }
    }

    /// A panic in one command must not leave every later command failing, so a poisoned lock is
    /// taken as is: the session inside is either a whole `Journal` or `Locked`. Taking the session
    /// does not change `generation`: only unlocking and locking do, or any command the page sends
    /// during the screen-lock grace (a draft flush, a poll) would cancel Rust's fallback lock.
    fn session(&self) -> MutexGuard<'_, Session> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Which session is current; changes whenever the journal is unlocked or locked.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Locks only if the session is still the one current when `generation` was read (the UI did
    /// not lock or unlock in between). Returns whether it locked.
    pub fn lock_if_unchanged(&self, generation: u64) -> bool {
        let mut session = self
            .session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.generation.load(Ordering::SeqCst) != generation
            || matches!(*session, Session::Locked)
        {
            return false;
        }
        *session = Session::Locked;
        self.generation.fetch_add(1, Ordering::SeqCst);
        true
    }

    /// Runs a domain operation on the unlocked journal, or answers `LOCKED`.
    pub fn journal<T>(&self, op: impl FnOnce(&Journal) -> journal::Result<T>) -> Result<T> {
        match &*self.session() {
            Session::Unlocked(journal) => Ok(op(journal)?),
            Session::Locked => Err(journal::Error::Locked.into()),
        }
    }

    /// Shows the reminders the journal calls for now, as desktop notifications, and records the
    /// ones shown (a reminder the desktop refused is tried again next time); returns how many were
    /// shown (none when reminders are off, in quiet hours, or without a notification service).
    /// The journal is not held while the notification service answers.
    pub fn notify_reminders(&self) -> Result<u32> {
        let due = self.journal(|j| j.reminders_now())?;
        let Some(notify) = self.notify.get() else {
            return Ok(0);
        };
        let shown: Vec<_> = due
            .into_iter()
            .filter(|r| notify(&r.title, &r.body))
            .collect();
        self.journal(|j| j.reminders_given_now(&shown))?;
        Ok(u32::try_from(shown.len()).unwrap_or(u32::MAX))
    }

    /// Like `journal`, for the rare operation that replaces the journal's connection (key rotation).
    pub fn journal_mut<T>(&self, op: impl FnOnce(&mut Journal) -> journal::Result<T>) -> Result<T> {
        match &mut *self.session() {
            Session::Unlocked(journal) => Ok(op(journal)?),
            Session::Locked => Err(journal::Error::Locked.into()),
        }
    }

    /// Takes a backup (`Manual`, or any reason) without holding the journal: other commands go
    /// on while it copies, and its progress goes to `progress`. Only recording the second place's
    /// status takes the journal again, and is skipped if it was locked meanwhile.
    pub fn back_up(&self, reason: BackupReason) -> Result<Backup> {
        let job = self.journal(|j| j.backup_job(reason))?;
        self.run_backup(job)
    }

    /// The daily backup the same way, when one is due.
    pub fn back_up_if_due(&self) -> Result<Option<Backup>> {
        match self.journal(|j| j.backup_job_if_due())? {
            Some(job) => self.run_backup(job).map(Some),
            None => Ok(None),
        }
    }

    fn run_backup(&self, job: BackupJob) -> Result<Backup> {
        let done = job.run(&|p: BackupProgress| self.emit("backup-progress", &p))?;
        Ok(match &*self.session() {
            Session::Unlocked(journal) => journal.finish_backup(done),
            Session::Locked => done.backup,
        })
    }

    /// Sends `payload` to the window as the event `name` (nothing when there is no window).
    pub fn emit(&self, name: &'static str, payload: &impl serde::Serialize) {
        if let (Some(emit), Ok(value)) = (self.events.get(), serde_json::to_value(payload)) {
            emit(name, value);
        }
    }

    /// Imports entries from a file with the user's mappings, reporting progress as
    /// `import-progress` and stopping with nothing written if `import_cancel` is called.
    pub fn import(
        &self,
        file: &journal::SourceFile,
        mappings: &[journal::TagMapping],
    ) -> Result<journal::ImportReport> {
        self.cancel_import.store(false, Ordering::SeqCst);
        let progress = |done: u32, total: u32| {
            self.emit(
                "import-progress",
                &serde_json::json!({ "done": done, "total": total }),
            );
        };
        self.journal(|j| j.import_entries(file, mappings, &progress, &self.cancel_import))
    }

    /// Checks the journal without holding it (other commands go on meanwhile), reporting
    /// `verify-progress`; `vault_verify_cancel` stops it.
    pub fn verify(&self) -> Result<()> {
        self.cancel_verify.store(false, Ordering::SeqCst);
        let job = self.journal(|j| j.verify_job())?;
        Ok(job.run(
            &|p: journal::VerifyProgress| self.emit("verify-progress", &p),
            &self.cancel_verify,
        )?)
    }

    /// Asks a running check to stop.
    pub fn cancel_running_verify(&self) -> Result<()> {
        self.cancel_verify.store(true, Ordering::SeqCst);
        Ok(())
    }

    /// Asks a running import to stop; it ends with nothing written.
    pub fn cancel_running_import(&self) -> Result<()> {
        self.cancel_import.store(true, Ordering::SeqCst);
        Ok(())
    }

    pub fn backups_folder(&self) -> String {
        self.dir.join(journal::BACKUPS_DIR).display().to_string()
    }

    pub fn status(&self) -> VaultStatus {
        Vault::status(&self.dir)
    }

    pub fn create(&self, passphrase: &Passphrase) -> Result<String> {
        let mut session = self.session();
        let (journal, recovery) = Vault::create(&self.dir, passphrase)?;
        *session = Session::Unlocked(journal);
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(recovery.expose().to_owned())
    }

    pub fn unlock(&self, passphrase: &Passphrase) -> Result<()> {
        let mut session = self.session();
        *session = Session::Locked;
        *session = Session::Unlocked(Vault::unlock(&self.dir, passphrase)?);
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// Unlocks with the recovery key; true when the key file had to be rebuilt from a backup.
    pub fn unlock_with_recovery(&self, key: &RecoveryKey) -> Result<bool> {
        let mut session = self.session();
        *session = Session::Locked;
        let (journal, rebuilt) = Vault::recover(&self.dir, key)?;
        *session = Session::Unlocked(journal);
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(rebuilt)
    }

    /// Locking an already locked journal is fine: the answer is the same.
    pub fn lock(&self) -> Result<()> {
        *self.session() = Session::Locked;
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delayed_lock_spares_a_session_that_was_locked_and_reopened_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let cheap = journal::KdfParams::cheap_for_tests();
        let (j, recovery) = Vault::create_with(dir.path(), &pass, cheap).unwrap();
        j.lock();
        let state = AppState::new(dir.path().to_path_buf());
        state.unlock_with_recovery(&recovery).unwrap();

        let requested = state.generation();
        state.lock().unwrap();
        state.unlock(&pass).unwrap();
        assert!(
            !state.lock_if_unchanged(requested),
            "the user is back in: leave them be"
        );
        assert!(state.journal(|j| j.focus_areas()).is_ok());

        let requested = state.generation();
        assert!(
            state.lock_if_unchanged(requested),
            "the page never answered: Rust locks"
        );
        assert!(state.journal(|j| j.focus_areas()).is_err());
    }

    #[test]
    fn commands_during_the_grace_do_not_cancel_the_fallback_lock() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let (j, _) =
            Vault::create_with(dir.path(), &pass, journal::KdfParams::cheap_for_tests()).unwrap();
        j.lock();
        let state = AppState::new(dir.path().to_path_buf());
        state.unlock(&pass).unwrap();

        let requested = state.generation();
        // A page that answers commands (a draft flush, a poll) but never locks.
        for _ in 0..3 {
            state.journal(|j| j.focus_areas()).unwrap();
            state.journal_mut(|j| j.settings()).unwrap();
        }
        assert_eq!(
            state.generation(),
            requested,
            "only unlocking and locking start a new session"
        );
        assert!(
            state.lock_if_unchanged(requested),
            "the page kept working but never locked: Rust must lock when the grace ends"
        );
        assert!(
            matches!(
                state.journal(|j| j.focus_areas()).map_err(|e| e.code),
                Err(journal::ErrorCode::Locked)
            ),
            "the journal is closed after the fallback lock"
        );
    }

    #[test]
    fn a_reminder_the_desktop_did_not_show_comes_again() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let (j, _) =
            Vault::create_with(dir.path(), &pass, journal::KdfParams::cheap_for_tests()).unwrap();
        let mut settings = j.settings().unwrap();
        settings.reminders = journal::ReminderSettings {
            enabled: true,
            quiet_from: 0,
            quiet_to: 0,
        };
        j.update_settings(&settings).unwrap();
        let mentor = j
            .add_mentor(&journal::MentorInput {
                cadence_days: Some(7),
                ..journal::MentorInput::named("Dr. Osei")
            })
            .unwrap();
        let long_ago = chrono::Local::now().naive_local() - chrono::Duration::days(30);
        j.add_conversation(
            &journal::ConversationInput {
                mentor_id: Some(mentor.id),
                occurred_at: Some(long_ago),
                title: "Check-in".into(),
                ..journal::ConversationInput::default()
            },
            false,
        )
        .unwrap();
        j.lock();
        let state = AppState::new(dir.path().to_path_buf());
        state.unlock(&pass).unwrap();
        let up = Arc::new(AtomicBool::new(false));
        let service = Arc::clone(&up);
        let _ = state
            .notify
            .set(Box::new(move |_, _| service.load(Ordering::SeqCst)));

        assert_eq!(
            state.notify_reminders().unwrap(),
            0,
            "no service: none shown"
        );
        up.store(true, Ordering::SeqCst);
        let shown = state.notify_reminders().unwrap();
        assert!(
            shown >= 1,
            "the overdue mentor is reminded once the service is up"
        );
        assert_eq!(state.notify_reminders().unwrap(), 0, "and only once");
    }
}
