//! Which backups to keep: a bounded set, not "the last N". Every backup of the last two days (so
//! a backup taken by hand adds one and replaces nothing), then the newest backup of each of the last
//! `daily` days that have one, of each of the last `weekly` ISO weeks and of each of the last
//! `monthly` months; every backup taken before a schema migration until a newer backup of another
//! kind exists (the first one the new schema wrote); and always the newest. At one backup a day
//! that is at most 7 + 4 + 12 + 2 backups, whatever the journal's age.
//!
//! A pure function of the list, so the edge cases are tested with fixed dates and no files.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

use crate::transfer::backup::{Backup, BackupReason};

/// How many backups to keep, beyond every one of the last two days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Retention {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

impl Retention {
    /// The user's choice must keep something of every recent day and stay bounded.
    pub(crate) fn check(self) -> crate::Result<Self> {
        let v = crate::validate::range;
        v("daily", self.daily, 1, 90, "Keep 1 to 90 daily copies.")?;
        v("weekly", self.weekly, 0, 52, "Keep 0 to 52 weekly copies.")?;
        v(
            "monthly",
            self.monthly,
            0,
            120,
            "Keep 0 to 120 monthly copies.",
        )?;
        Ok(self)
    }
}

impl crate::journal::Journal {
    /// How many backups the user keeps (the default until they change it).
    pub fn retention(&self) -> crate::Result<Retention> {
        let get = |key: &str, default: u32| -> crate::Result<u32> {
            Ok(self
                .setting(key)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(default))
        };
        let d = Retention::default();
        Ok(Retention {
            daily: get("retention_daily", d.daily)?,
            weekly: get("retention_weekly", d.weekly)?,
            monthly: get("retention_monthly", d.monthly)?,
        })
    }

    /// Changes how many backups are kept, and thins them out to it at once.
    pub fn set_retention(&self, policy: Retention) -> crate::Result<Retention> {
        let policy = policy.check()?;
        for (key, value) in [
            ("retention_daily", policy.daily),
            ("retention_weekly", policy.weekly),
            ("retention_monthly", policy.monthly),
        ] {
            self.put_setting(key, &value.to_string())?;
        }
        self.prune_backups(policy)?;
        Ok(policy)
    }
}

/// Backups this many hours older than the newest or less are all kept.
const RECENT_HOURS: i64 = 48;

/// A period a backup falls in: a day, an ISO week or a month, as (year, number).
type Bucket = fn(NaiveDate) -> (i32, u32);

/// The ids of the backups that retention no longer keeps.
pub fn expired(backups: &[Backup], policy: Retention) -> Vec<String> {
    let mut newest_first: Vec<&Backup> = backups.iter().collect();
    newest_first.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.id.cmp(&a.id)));
    let mut keep: BTreeSet<&str> = BTreeSet::new();
    if let Some(newest) = newest_first.first() {
        keep.insert(&newest.id);
        // Everything from the last two days stays: "Back up now" adds a copy, it never replaces
        // the one taken this morning.
        for b in &newest_first {
            if newest.taken_at - b.taken_at < chrono::Duration::hours(RECENT_HOURS) {
                keep.insert(&b.id);
            }
        }
    }
    let day = |b: &Backup| b.taken_at.date_naive();
    let buckets: [(u32, Bucket); 3] = [
        (policy.daily, |d| (d.year(), d.ordinal())),
        (policy.weekly, |d| {
            (d.iso_week().year(), d.iso_week().week())
        }),
        (policy.monthly, |d| (d.year(), d.month())),
    ];
    for (count, bucket) in buckets {
        let mut seen = BTreeSet::new();
        for b in &newest_first {
            if seen.len() as u32 >= count {
                break;
            }
            if seen.insert(bucket(day(b))) {
                keep.insert(&b.id);
            }
        }
    }
    let newest_other = newest_first
        .iter()
        .find(|b| b.reason != BackupReason::BeforeMigration)
        .map(|b| b.taken_at);
    for b in &newest_first {
        if b.reason == BackupReason::BeforeMigration && newest_other.is_none_or(|t| t <= b.taken_at)
        {
            keep.insert(&b.id);
        }
    }
    newest_first
        .iter()
        .filter(|b| !keep.contains(b.id.as_str()))
        .map(|b| b.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    fn backup(days_ago: i64, hour: u32, reason: BackupReason) -> Backup {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, hour, 0, 0).unwrap() - Duration::days(days_ago);
        Backup {
            id: format!("{}-{:?}", at.format("%Y%m%dT%H%M%SZ"), reason),
            taken_at: at,
            reason,
            schema_version: 5,
            bytes: 1,
            verified_at: Some(at),
            older_key: false,
        }
    }

    #[test]
    fn a_year_of_daily_backups_is_bounded_by_the_policy() {
        let all: Vec<Backup> = (0..400)
            .map(|d| backup(d, 9, BackupReason::Daily))
            .collect();
        let gone = expired(&all, Retention::default());
        let kept = all.len() - gone.len();
        assert!(kept <= 7 + 4 + 12 + 2, "kept {kept}");
        assert!(kept >= 12, "one a month for a year at least: {kept}");
        let gone: BTreeSet<_> = gone.into_iter().collect();
        for b in &all[..7] {
            assert!(!gone.contains(&b.id), "the last 7 days are kept");
        }
        assert!(
            gone.contains(&all[399].id),
            "400 days ago is beyond 12 months"
        );
    }

    #[test]
    fn a_backup_by_hand_adds_and_the_newest_of_an_older_day_stays() {
        let none = Retention {
            daily: 0,
            weekly: 0,
            monthly: 0,
        };
        let today = vec![
            backup(0, 8, BackupReason::Daily),
            backup(0, 17, BackupReason::Manual),
        ];
        assert!(
            expired(&today, none).is_empty(),
            "a backup by hand never replaces one"
        );
        let older = vec![
            backup(0, 9, BackupReason::Daily),
            backup(3, 8, BackupReason::Daily),
            backup(3, 17, BackupReason::Manual),
        ];
        let two_days = Retention {
            daily: 2,
            weekly: 0,
            monthly: 0,
        };
        assert_eq!(
            expired(&older, two_days),
            [older[1].id.clone()],
            "of a day three days ago, the newest stays"
        );
    }

    #[test]
    fn a_pre_migration_backup_stays_until_a_newer_one_of_another_kind_exists() {
        let before = backup(30, 9, BackupReason::BeforeMigration);
        let none = Retention {
            daily: 0,
            weekly: 0,
            monthly: 0,
        };
        let mut all = vec![before.clone(), backup(31, 9, BackupReason::Daily)];
        assert!(
            !expired(&all, none).contains(&before.id),
            "nothing newer yet"
        );
        all.push(backup(25, 9, BackupReason::Daily));
        assert!(
            expired(&all, none).contains(&before.id),
            "the migrated journal was backed up"
        );
    }

    #[test]
    fn the_newest_backup_is_always_kept() {
        let all = vec![backup(3, 9, BackupReason::Manual)];
        assert!(
            expired(
                &all,
                Retention {
                    daily: 0,
                    weekly: 0,
                    monthly: 0
                }
            )
            .is_empty()
        );
        assert!(expired(&[], Retention::default()).is_empty());
    }
}
