//! Reminders on the desktop, offline: what is worth a system notification now. A mentor who has
//! become overdue by the agreed cadence (not one paused by a block), an action item due
//! tomorrow, and, once a month, a yearly review when none was completed in the last twelve months.
//!
//! Off by default, and silent in the quiet hours the user picks. Each reminder is given once: the
//! keys of those given are kept in the journal (a local setting, not exported) for 60 days, so a
//! reminder is not repeated every few minutes, nor again after a restart. The words name the
//! mentor and the kind of thing due, never the text of a note or an item: a notification stays on
//! screen, and in the desktop's history, after the journal has locked. The app asks only while the
//! journal is unlocked (a locked journal cannot be read), so nothing is ever shown from a locked one.

use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::journal::Journal;
use crate::mentors::CadenceStatus;
use crate::views::dashboard::Dashboard;

/// How long a given reminder's key is remembered.
const REMEMBER_DAYS: i64 = 60;
const SENT_KEY: &str = "reminders_sent";

/// The user's choice: reminders on or off, and the hours they stay silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReminderSettings {
    pub enabled: bool,
    /// Silent from this hour (0-23)...
    pub quiet_from: u8,
    /// ...until this hour (0-23); the same hour twice means never silent.
    pub quiet_to: u8,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            enabled: false,
            quiet_from: 21,
            quiet_to: 8,
        }
    }
}

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reminder {
    /// What it is about, stable across checks ("overdue:3:2026-11-02"), so it is given once.
    pub key: String,
    pub title: String,
    pub body: String,
}

/// Whether `hour` falls in the quiet hours `from..to`, which may run past midnight (21 to 8).
pub fn in_quiet_hours(hour: u32, from: u8, to: u8) -> bool {
    let (from, to) = (u32::from(from), u32::from(to));
    match from.cmp(&to) {
        std::cmp::Ordering::Equal => false,
        std::cmp::Ordering::Less => (from..to).contains(&hour),
        std::cmp::Ordering::Greater => hour >= from || hour < to,
    }
}

/// Every reminder the journal calls for today, given or not. `review_due` says no yearly review
/// was completed in the last twelve months.
pub fn reminders_for(board: &Dashboard, review_due: bool) -> Vec<Reminder> {
    let today = board.today;
    let mut out = Vec::new();
    for m in &board.mentors {
        if let CadenceStatus::Overdue { days_overdue } = m.cadence {
            let since = m
                .last_met
                .map_or_else(|| "never".to_owned(), |d| d.to_string());
            let days = if days_overdue == 1 { "day" } else { "days" };
            out.push(Reminder {
                key: format!("overdue:{}:{since}", m.id.0),
                title: format!("Time to meet {}", m.name),
                body: format!("{days_overdue} {days} past the cadence you agreed."),
            });
        }
    }
    let tomorrow = today + Duration::days(1);
    for due in &board.action_items {
        if due.item.due_on == Some(tomorrow) {
            let with = due
                .mentor_name
                .as_deref()
                .map_or_else(String::new, |n| format!(" (with {n})"));
            out.push(Reminder {
                key: format!("due:{}:{tomorrow}", due.item.id.0),
                title: "An action item is due tomorrow".into(),
                body: format!("Open Mentor Journal to see it{with}."),
            });
        }
    }
    if review_due
        && board
            .mentors
            .iter()
            .any(|m| m.cadence != CadenceStatus::NotTracked)
    {
        out.push(Reminder {
            key: format!("review:{}", today.format("%Y-%m")),
            title: "Time for your yearly review".into(),
            body: "Go through each mentorship: keep it, refine it, pause it or end it.".into(),
        });
    }
    out
}

impl Journal {
    /// The reminders to show now, on the journal's clock (`reminders_due`).
    pub fn reminders_now(&self) -> Result<Vec<Reminder>> {
        self.reminders_due(self.local_now())
    }

    /// Records reminders shown now, on the journal's clock (`reminders_given`).
    pub fn reminders_given_now(&self, given: &[Reminder]) -> Result<()> {
        self.reminders_given(given, self.local_now().date())
    }

    /// The reminders to show at `now` (none when off or in the quiet hours) that were not given
    /// before. Nothing is recorded: the caller shows them and then records, with
    /// `reminders_given`, only those the desktop actually showed, so a reminder that could not
    /// be shown (no notification service yet, a D-Bus hiccup) is tried again on the next round
    /// instead of being lost. The notification is shown outside the journal's lock, which is why
    /// this is two steps and not one that takes the notifier.
    pub fn reminders_due(&self, now: NaiveDateTime) -> Result<Vec<Reminder>> {
        let settings = self.settings()?.reminders;
        if !settings.enabled || in_quiet_hours(now.hour(), settings.quiet_from, settings.quiet_to) {
            return Ok(Vec::new());
        }
        let today = now.date();
        let board = self.dashboard(today)?;
        let year_ago = today - Duration::days(365);
        let review_due = !self
            .list_reviews()?
            .iter()
            .any(|r| r.completed_on.is_some_and(|on| on > year_ago));
        let sent = self.sent_reminders(today)?;
        Ok(reminders_for(&board, review_due)
            .into_iter()
            .filter(|r| !sent.iter().any(|(key, _)| key == &r.key))
            .collect())
    }

    /// Records reminders as given on `today`, so none is shown twice (also across restarts);
    /// records older than `REMEMBER_DAYS` are let go.
    pub fn reminders_given(&self, given: &[Reminder], today: NaiveDate) -> Result<()> {
        if given.is_empty() {
            return Ok(());
        }
        let mut sent = self.sent_reminders(today)?;
        for r in given {
            if !sent.iter().any(|(key, _)| key == &r.key) {
                sent.push((r.key.clone(), today));
            }
        }
        let kept: Vec<String> = sent.iter().map(|(k, on)| format!("{on} {k}")).collect();
        self.put_setting(SENT_KEY, &kept.join("\n"))
    }

    /// The keys given in the last `REMEMBER_DAYS`, with the day each was given.
    fn sent_reminders(&self, today: NaiveDate) -> Result<Vec<(String, NaiveDate)>> {
        let text = self.setting(SENT_KEY)?.unwrap_or_default();
        Ok(text
            .lines()
            .filter_map(|line| {
                let (on, key) = line.split_once(' ')?;
                let on: NaiveDate = on.parse().ok()?;
                ((today - on).num_days() < REMEMBER_DAYS).then(|| (key.to_owned(), on))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests;
