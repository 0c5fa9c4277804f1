//! Journal preferences, stored inside the encrypted journal so they need no plaintext file and
//! follow the journal to a backup or another laptop.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::journal::Journal;
use crate::validate;

/// Seconds of inactivity before the app locks itself (10 minutes), unless the user turns it off.
pub const DEFAULT_AUTO_LOCK_SECONDS: u32 = 600;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Idle time before locking; `None` turns auto-lock off.
    pub auto_lock_seconds: Option<u32>,
}

impl Journal {
    pub fn settings(&self) -> Result<Settings> {
        let stored: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = 'auto_lock_seconds'")?
            .query_row([], |row| row.get(0))
            .optional()?;
        let auto_lock_seconds = match stored.as_deref() {
            None => Some(DEFAULT_AUTO_LOCK_SECONDS),
            Some("off") => None,
            Some(n) => Some(n.parse().unwrap_or(DEFAULT_AUTO_LOCK_SECONDS)),
        };
        Ok(Settings { auto_lock_seconds })
    }

    pub fn update_settings(&self, settings: &Settings) -> Result<Settings> {
        let value = match settings.auto_lock_seconds {
            None => "off".to_owned(),
            Some(secs) => validate::range(
                "autoLockSeconds",
                secs,
                15,
                24 * 3600,
                "Lock after 15 seconds to 24 hours, or turn it off.",
            )?
            .to_string(),
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('auto_lock_seconds', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![value],
            )?;
            Ok(())
        })?;
        self.settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{KdfParams, Passphrase, Vault};

    #[test]
    fn auto_lock_defaults_to_ten_minutes_can_be_turned_off_and_is_validated() {
        let dir = tempfile::tempdir().unwrap();
        let params = KdfParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        };
        let (journal, _) = Vault::create_with(
            dir.path(),
            &Passphrase::new("correct horse battery"),
            params,
        )
        .unwrap();
        let seconds = |j: &Journal| j.settings().unwrap().auto_lock_seconds;
        assert_eq!(seconds(&journal), Some(600));
        journal
            .update_settings(&Settings {
                auto_lock_seconds: None,
            })
            .unwrap();
        assert_eq!(seconds(&journal), None);
        journal
            .update_settings(&Settings {
                auto_lock_seconds: Some(30),
            })
            .unwrap();
        assert_eq!(seconds(&journal), Some(30));
        let err = journal
            .update_settings(&Settings {
                auto_lock_seconds: Some(5),
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("autoLockSeconds"));
        assert_eq!(
            seconds(&journal),
            Some(30),
            "a refused value changes nothing"
        );
    }
}
