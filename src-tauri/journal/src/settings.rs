//! Journal preferences, stored inside the encrypted journal so they need no plaintext file and
//! follow the journal to a backup or another laptop.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::journal::Journal;
use crate::validate;

/// Minutes of inactivity before the app locks itself, unless the user turns it off.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// `None` turns auto-lock off.
    pub auto_lock_minutes: Option<u32>,
}

impl Journal {
    pub fn settings(&self) -> Result<Settings> {
        let stored: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = 'auto_lock_minutes'")?
            .query_row([], |row| row.get(0))
            .optional()?;
        let auto_lock_minutes = match stored.as_deref() {
            None => Some(DEFAULT_AUTO_LOCK_MINUTES),
            Some("off") => None,
            Some(n) => Some(n.parse().unwrap_or(DEFAULT_AUTO_LOCK_MINUTES)),
        };
        Ok(Settings { auto_lock_minutes })
    }

    pub fn update_settings(&self, settings: &Settings) -> Result<Settings> {
        let value = match settings.auto_lock_minutes {
            None => "off".to_owned(),
            Some(m) => validate::range(
                "autoLockMinutes",
                m,
                1,
                24 * 60,
                "Lock after 1 minute to 24 hours, or turn it off.",
            )?
            .to_string(),
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('auto_lock_minutes', ?1)
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
        assert_eq!(journal.settings().unwrap().auto_lock_minutes, Some(10));
        journal
            .update_settings(&Settings {
                auto_lock_minutes: None,
            })
            .unwrap();
        assert_eq!(journal.settings().unwrap().auto_lock_minutes, None);
        journal
            .update_settings(&Settings {
                auto_lock_minutes: Some(3),
            })
            .unwrap();
        assert_eq!(journal.settings().unwrap().auto_lock_minutes, Some(3));
        let err = journal
            .update_settings(&Settings {
                auto_lock_minutes: Some(0),
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("autoLockMinutes"));
        assert_eq!(
            journal.settings().unwrap().auto_lock_minutes,
            Some(3),
            "a refused value changes nothing"
        );
    }
}
