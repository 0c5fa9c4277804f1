//! Journal preferences, stored inside the encrypted journal so they need no plaintext file and
//! follow the journal to a backup or another laptop.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::reminders::ReminderSettings;
use crate::validate;

/// Seconds of inactivity before the app locks itself (10 minutes), unless the user turns it off.
pub const DEFAULT_AUTO_LOCK_SECONDS: u32 = 600;
/// Weeks without a reassessment before the dashboard says a goal is due for review.
pub const DEFAULT_REVIEW_AFTER_WEEKS: u32 = 4;

fn default_review_after_weeks() -> u32 {
    DEFAULT_REVIEW_AFTER_WEEKS
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Idle time before locking; `None` turns auto-lock off.
    pub auto_lock_seconds: Option<u32>,
    /// Weeks without a review after which a goal shows as due for one.
    #[serde(default = "default_review_after_weeks")]
    pub review_after_weeks: u32,
    /// Desktop reminders: off by default.
    #[serde(default)]
    pub reminders: ReminderSettings,
}

impl Journal {
    /// Records one preference or fact about the journal in its own transaction.
    pub(crate) fn put_setting(&self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| upsert(tx, key, value))
    }

    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |row| row.get(0))
            .optional()?)
    }

    pub fn settings(&self) -> Result<Settings> {
        let auto_lock_seconds = match self.setting("auto_lock_seconds")?.as_deref() {
            None => Some(DEFAULT_AUTO_LOCK_SECONDS),
            Some("off") => None,
            Some(n) => Some(n.parse().unwrap_or(DEFAULT_AUTO_LOCK_SECONDS)),
        };
        let review_after_weeks = self
            .setting("review_after_weeks")?
            .and_then(|n| n.parse().ok())
            .unwrap_or(DEFAULT_REVIEW_AFTER_WEEKS);
        let reminders = self
            .setting("reminders")?
            .and_then(|text| parse_reminders(&text))
            .unwrap_or_default();
        Ok(Settings {
            auto_lock_seconds,
            review_after_weeks,
            reminders,
        })
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
        let weeks = validate::range(
            "reviewAfterWeeks",
            settings.review_after_weeks,
            1,
            52,
            "Ask for a goal review after 1 to 52 weeks.",
        )?;
        let r = settings.reminders;
        for (field, hour) in [
            ("reminders.quietFrom", r.quiet_from),
            ("reminders.quietTo", r.quiet_to),
        ] {
            if hour > 23 {
                return Err(Error::validation(field, "Pick an hour from 0 to 23."));
            }
        }
        let reminders = format!("{} {} {}", u8::from(r.enabled), r.quiet_from, r.quiet_to);
        self.write(|tx| {
            for (key, value) in [
                ("auto_lock_seconds", value),
                ("review_after_weeks", weeks.to_string()),
                ("reminders", reminders),
            ] {
                upsert(tx, key, &value)?;
            }
            Ok(())
        })?;
        self.settings()
    }
}

/// "1 21 8": on, quiet from 21:00 to 08:00.
fn parse_reminders(text: &str) -> Option<ReminderSettings> {
    let mut parts = text.split(' ').map(str::parse::<u8>);
    let (Some(Ok(on)), Some(Ok(from)), Some(Ok(to))) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(ReminderSettings {
        enabled: on == 1,
        quiet_from: from,
        quiet_to: to,
    })
}

fn upsert(tx: &rusqlite::Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{KdfParams, Passphrase, Vault};

    #[test]
    fn auto_lock_defaults_to_ten_minutes_can_be_turned_off_and_is_validated() {
        let dir = tempfile::tempdir().unwrap();
        let params = KdfParams::cheap_for_tests();
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
                review_after_weeks: 4,
                reminders: ReminderSettings::default(),
            })
            .unwrap();
        assert_eq!(seconds(&journal), None);
        journal
            .update_settings(&Settings {
                auto_lock_seconds: Some(30),
                review_after_weeks: 6,
                reminders: ReminderSettings::default(),
            })
            .unwrap();
        assert_eq!(seconds(&journal), Some(30));
        let err = journal
            .update_settings(&Settings {
                auto_lock_seconds: Some(5),
                review_after_weeks: 6,
                reminders: ReminderSettings::default(),
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("autoLockSeconds"));
        assert_eq!(
            seconds(&journal),
            Some(30),
            "a refused value changes nothing"
        );
        assert_eq!(journal.settings().unwrap().review_after_weeks, 6);
        let err = journal
            .update_settings(&Settings {
                auto_lock_seconds: Some(30),
                review_after_weeks: 0,
                reminders: ReminderSettings::default(),
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("reviewAfterWeeks"));
        assert_eq!(journal.settings().unwrap().review_after_weeks, 6);
    }
}
