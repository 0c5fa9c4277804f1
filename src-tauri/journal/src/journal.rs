//! An unlocked journal: the open database connection and the data key, held only while unlocked.
//!
//! Dropping a `Journal` is locking it: the connection closes and the key is wiped. The domain
//! methods live in their own modules (`mentors`, `notes`, `goals`, `views`, `store::keys`) as
//! `impl Journal` blocks; this file holds what they all share: the one write path and the clock.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::fmt;
use std::path::PathBuf;

use crate::clock::Clock;
use crate::error::Result;
use crate::store::keyfile::DataKey;

/// How far ahead of the local clock a conversation may be dated: the widest gap between two
/// time zones is 26 hours, but a note is written after the meeting, so half a day is plenty.
const ZONE_SLACK: chrono::TimeDelta = chrono::TimeDelta::hours(14);

pub struct Journal {
    pub(crate) conn: Connection,
    pub(crate) dir: PathBuf,
    pub(crate) key: DataKey,
    pub(crate) clock: Clock,
}

impl Journal {
    pub(crate) fn new(conn: Connection, dir: PathBuf, key: DataKey) -> Self {
        Journal {
            conn,
            dir,
            key,
            clock: Clock::System,
        }
    }

    /// Sets the clock every date rule of this journal reads (tests fix it to a day).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The same journal on another clock.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.set_clock(clock);
        self
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Locks: closes the database and wipes the key (also what dropping does).
    pub fn lock(self) {
        drop(self);
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(crate) fn local_now(&self) -> NaiveDateTime {
        self.clock.local_now()
    }

    /// Today on the user's wall clock: what "due today" and "met today" mean to them.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The day something happened (a status change, a milestone done): today unless given, in the
    /// sane date range, and not after today, for what has not happened cannot be recorded.
    pub(crate) fn day_it_happened(
        &self,
        field: &'static str,
        on: Option<NaiveDate>,
        future_message: &str,
    ) -> Result<NaiveDate> {
        let day = crate::validate::date(field, on.unwrap_or_else(|| self.today()))?;
        if day > self.today() {
            return Err(crate::error::Error::validation(field, future_message));
        }
        Ok(day)
    }

    /// When a conversation happened: now unless given, and not in the future. Anything today is
    /// fine, and so is up to `ZONE_SLACK` ahead of the clock, for a laptop whose time zone is
    /// behind the place the meeting happened (a call across zones, a flight home).
    pub(crate) fn moment_it_happened(
        &self,
        field: &'static str,
        at: Option<NaiveDateTime>,
        future_message: &str,
    ) -> Result<NaiveDateTime> {
        let now = self.local_now();
        let at = at.unwrap_or(now);
        crate::validate::date(field, at.date())?;
        if at.date() > self.today() && at > now + ZONE_SLACK {
            return Err(crate::error::Error::validation(field, future_message));
        }
        Ok(at)
    }

    /// The one way domain code writes: an immediate transaction, committed only if `op` succeeds.
    /// The search index is maintained by triggers inside the same transaction, so it can never
    /// disagree with what was committed.
    pub(crate) fn write<T>(&self, op: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let value = op(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// `write` for one large transaction (an import of thousands of notes): the page cache grows
    /// to the bulk size for it, so the search index's pages are not spilled and read back again
    /// mid-transaction, and goes back to the everyday size after, which frees the pages above it.
    pub(crate) fn bulk_write<T>(
        &self,
        op: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        crate::store::db::set_cache(&self.conn, crate::store::db::BULK_CACHE_KIB)?;
        let value = self.write(op);
        let restored = crate::store::db::set_cache(&self.conn, crate::store::db::CACHE_KIB);
        let value = value?;
        restored?;
        Ok(value)
    }

    /// Deletes one row by id through `write` (`sql` is a `DELETE ... WHERE id = ?1`). Callers
    /// look the row up first, so deleting something that is gone answers `NOT_FOUND`.
    pub(crate) fn delete_by_id(&self, sql: &str, id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(sql, [id])?;
            Ok(())
        })
    }

    /// A list of names from a one-column query (focus areas, goal categories).
    pub(crate) fn names(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let names = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }
}

impl fmt::Debug for Journal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Journal")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}
