//! Writing while the desktop app has the same journal open.
//!
//! Both are SQLite connections to one database in WAL mode: readers never wait, and a writer waits
//! for the other's write (the core's busy timeout, 10 s) before it answers `CONFLICT` "The journal
//! is busy…". A write that long is rare (an import, a key rotation), so `mj` tries twice more,
//! saying so on stderr, before giving up with the core's message. Every attempt is a whole core
//! call in its own transaction, so a retry can never write half of something twice.

use journal::{Error, ErrorCode, Result};

/// Attempts in all: the first and two retries.
const ATTEMPTS: usize = 3;

/// Runs `op`, again (up to `ATTEMPTS` in all) while the journal is busy in another process.
pub fn retry<T>(mut op: impl FnMut() -> Result<T>) -> Result<T> {
    let mut attempt = 1;
    loop {
        match op() {
            Err(err) if is_busy(&err) && attempt < ATTEMPTS => {
                crate::output::note("The journal is busy in the app; trying again…");
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// The core's answer for a write that waited out its busy timeout.
fn is_busy(err: &Error) -> bool {
    err.code() == ErrorCode::Conflict && err.to_string().starts_with("The journal is busy")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy() -> Error {
        Error::Conflict("The journal is busy with a long change in another window or in mj.".into())
    }

    #[test]
    fn a_busy_journal_is_tried_three_times_in_all() {
        let mut calls = 0;
        let result: Result<()> = retry(|| {
            calls += 1;
            Err(busy())
        });
        assert!(result.is_err());
        assert_eq!(calls, ATTEMPTS);
    }

    #[test]
    fn other_conflicts_and_successes_are_not_retried() {
        let mut calls = 0;
        let result: Result<()> = retry(|| {
            calls += 1;
            Err(Error::Conflict(
                "A journal already exists in this folder.".into(),
            ))
        });
        assert!(result.is_err());
        assert_eq!(calls, 1, "only busy is worth another try");
        let mut calls = 0;
        let ok = retry(|| {
            calls += 1;
            if calls == 1 { Err(busy()) } else { Ok(7) }
        });
        assert_eq!(ok.ok(), Some(7));
    }
}
