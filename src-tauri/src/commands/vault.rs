//! Creating, unlocking, locking and checking the journal, and its passphrase and recovery key.

use journal::{Passphrase, PassphraseStrength, RecoveryKey, RecoveryStatus, VaultStatus};
use serde::Serialize;
use ts_rs::TS;

/// Answer to creating a journal: the recovery key, shown to the user exactly once.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewJournal {
    pub recovery_key: String,
}

/// Answer to a recovery-key unlock.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recovered {
    /// The key file was missing, damaged or another journal's, and was rebuilt from a backup.
    pub key_file_rebuilt: bool,
}

commands! {
    /// Whether a journal exists yet in the data folder.
    fn vault_status(state) -> VaultStatus { Ok(state.status()) }

    /// Creates the journal and unlocks it; returns the recovery key to show once.
    fn vault_create(state, passphrase: Passphrase) -> NewJournal {
        state.create(&passphrase).map(|recovery_key| NewJournal { recovery_key })
    }

    fn vault_unlock(state, passphrase: Passphrase) -> () { state.unlock(&passphrase) }

    /// Unlocks with the recovery key; `keyFileRebuilt` when the key file was missing, damaged or
    /// another journal's and was rebuilt from a backup.
    fn vault_unlock_with_recovery(state, recovery_key: RecoveryKey) -> Recovered {
        state.unlock_with_recovery(&recovery_key).map(|key_file_rebuilt| Recovered { key_file_rebuilt })
    }

    /// Seals the data key under a new passphrase (used after a recovery-key unlock).
    fn vault_set_passphrase(state, passphrase: Passphrase) -> () {
        state.journal(|journal| journal.set_passphrase(&passphrase))
    }

    fn vault_lock(state) -> () { state.lock() }

    /// How hard a passphrase being chosen is to guess, and whether the core would accept it.
    fn passphrase_strength(_state, passphrase: Passphrase) -> PassphraseStrength { Ok(passphrase.strength()) }

    /// Whether the current recovery key was confirmed as saved, and whether it opens the journal
    /// without its key file (either false: offer a new one).
    fn vault_recovery_status(state) -> RecoveryStatus { state.journal(|j| j.recovery_status()) }

    /// The user saved the recovery key they were just shown.
    fn vault_confirm_recovery_key(state) -> () { state.journal(|j| j.confirm_recovery_key_saved()) }

    /// Changes the passphrase; the current one must be given (and pays the full KDF).
    fn vault_change_passphrase(state, current: Passphrase, passphrase: Passphrase) -> () {
        state.journal(|j| j.change_passphrase(&current, &passphrase))
    }

    /// A new recovery key and the journal re-encrypted under a data key derived from it (needs
    /// the passphrase); returns the recovery key to show once. The old one stops working.
    fn vault_rotate_key(state, passphrase: Passphrase) -> NewJournal {
        state
            .journal_mut(|j| j.rotate_key(&passphrase))
            .map(|key| NewJournal { recovery_key: key.expose().to_owned() })
    }

    /// Checks every page of the journal; `CORRUPT` when damaged.
    fn vault_verify(state) -> () { state.verify() }

    /// Stops a running check of the journal (it only reads, so nothing needs undoing).
    fn vault_verify_cancel(state) -> () { state.cancel_running_verify() }
}
