//! The app's one piece of state: where the journal lives and whether it is unlocked.
//!
//! `Session` is explicit so that "locked" is a value, not an absent key: every journal command goes
//! through `AppState::journal`, which answers `LOCKED` without touching the disk. Locking replaces
//! the `Journal`, which closes the database and wipes the key.

use journal::{Journal, Passphrase, RecoveryKey, Vault, VaultStatus};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use crate::clipboard::Clipboard;
use crate::error::IpcError;

#[derive(Debug)]
pub enum Session {
    Locked,
    Unlocked(Journal),
}

#[derive(Debug)]
pub struct AppState {
    dir: PathBuf,
    session: Mutex<Session>,
    pub clipboard: Clipboard,
}

type Result<T> = std::result::Result<T, IpcError>;

impl AppState {
    pub fn new(dir: PathBuf) -> Self {
        AppState {
            dir,
            session: Mutex::new(Session::Locked),
            clipboard: Clipboard::default(),
        }
    }

    /// A panic in one command must not leave every later command failing, so a poisoned lock is
    /// taken as is: the session inside is either a whole `Journal` or `Locked`.
    fn session(&self) -> MutexGuard<'_, Session> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs a domain operation on the unlocked journal, or answers `LOCKED`.
    pub fn journal<T>(&self, op: impl FnOnce(&Journal) -> journal::Result<T>) -> Result<T> {
        match &*self.session() {
            Session::Unlocked(journal) => Ok(op(journal)?),
            Session::Locked => Err(journal::Error::Locked.into()),
        }
    }

    /// Like `journal`, for the rare operation that replaces the journal's connection (key rotation).
    pub fn journal_mut<T>(&self, op: impl FnOnce(&mut Journal) -> journal::Result<T>) -> Result<T> {
        match &mut *self.session() {
            Session::Unlocked(journal) => Ok(op(journal)?),
            Session::Locked => Err(journal::Error::Locked.into()),
        }
    }

    pub fn status(&self) -> VaultStatus {
        Vault::status(&self.dir)
    }

    pub fn create(&self, passphrase: &Passphrase) -> Result<String> {
        let mut session = self.session();
        let (journal, recovery) = Vault::create(&self.dir, passphrase)?;
        *session = Session::Unlocked(journal);
        Ok(recovery.expose().to_owned())
    }

    pub fn unlock(&self, passphrase: &Passphrase) -> Result<()> {
        let mut session = self.session();
        *session = Session::Locked;
        *session = Session::Unlocked(Vault::unlock(&self.dir, passphrase)?);
        Ok(())
    }

    pub fn unlock_with_recovery(&self, key: &RecoveryKey) -> Result<()> {
        let mut session = self.session();
        *session = Session::Locked;
        *session = Session::Unlocked(Vault::unlock_with_recovery(&self.dir, key)?);
        Ok(())
    }

    /// Locking an already locked journal is fine: the answer is the same.
    pub fn lock(&self) -> Result<()> {
        *self.session() = Session::Locked;
        Ok(())
    }
}
