//! One error type for the whole core, and the small set of codes the UI branches on.
//!
//! Messages are written for the person at the keyboard: they never carry SQL, file paths or secrets,
//! because they cross into the webview and may end up in a screenshot or a bug report. The codes are
//! the contract; the UI never parses a message.

use serde::Serialize;
use std::borrow::Cow;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

macro_rules! error_codes {
    ($($(#[$doc:meta])* $code:ident = $wire:literal),+ $(,)?) => {
        /// What kind of failure crossed the boundary; the UI decides what to do from this alone.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
        #[ts(export)]
        pub enum ErrorCode {
            $($(#[$doc])* #[serde(rename = $wire)] $code),+
        }

        impl ErrorCode {
            /// Every code, for tests that check an answer carries a known one.
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$code),+];

            /// The code as it crosses IPC (`WRONG_PASSPHRASE`).
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$code => $wire),+ }
            }
        }
    };
}

error_codes! {
    WrongPassphrase = "WRONG_PASSPHRASE",
    Locked = "LOCKED",
    NotFound = "NOT_FOUND",
    Validation = "VALIDATION",
    Conflict = "CONFLICT",
    Corrupt = "CORRUPT",
    Io = "IO",
    Internal = "INTERNAL",
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("That passphrase does not open this journal.")]
    WrongPassphrase,
    #[error("That recovery key does not open this journal.")]
    WrongRecoveryKey,
    #[error("The journal is locked. Unlock it first.")]
    Locked,
    #[error("{message}")]
    Validation {
        /// The input's name as the UI knows it (`title`, `targetDate`), or a path into a list
        /// (`actionItems.2`: the third item).
        field: Cow<'static, str>,
        message: String,
    },
    #[error("{0} was not found.")]
    NotFound(&'static str),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Corrupt(String),
    #[error("Could not read or write the journal's files: {0}.")]
    Io(#[from] std::io::Error),
    #[error("Internal error: {0}.")]
    Internal(String),
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::WrongPassphrase | Error::WrongRecoveryKey => ErrorCode::WrongPassphrase,
            Error::Locked => ErrorCode::Locked,
            Error::Validation { .. } => ErrorCode::Validation,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::Corrupt(_) => ErrorCode::Corrupt,
            Error::Io(_) => ErrorCode::Io,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The input field a validation error is about, so the UI can show the message beside it.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    pub(crate) fn validation(
        field: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Error::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same error about an element of a list: field `items` of element 2 becomes `items.2`.
    pub(crate) fn in_list(self, list: &'static str, index: usize) -> Self {
        match self {
            Error::Validation { message, .. } => {
                Error::validation(format!("{list}.{index}"), message)
            }
            other => other,
        }
    }
}

/// SQLite errors are sorted into "the file is not (or no longer) a journal" and "something else";
/// the text of the statement never leaves, only the engine's error code.
impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Sqlite;
        match err.sqlite_error_code() {
            Some(Sqlite::NotADatabase | Sqlite::DatabaseCorrupt) => Error::Corrupt(
                "The journal database is damaged or is not a Mentor Journal database.".into(),
            ),
            Some(Sqlite::DiskFull) => Error::Io(std::io::Error::other("the disk is full")),
            Some(Sqlite::DatabaseBusy | Sqlite::DatabaseLocked) => Error::Conflict(
                "The journal is busy with a long change in another window or in mj; nothing was \
                 changed here. Try again in a moment."
                    .into(),
            ),
            Some(Sqlite::ReadOnly | Sqlite::PermissionDenied | Sqlite::CannotOpen) => Error::Io(
                std::io::Error::other("the database file cannot be opened for writing"),
            ),
            Some(code) => Error::Internal(format!("database error {code:?}")),
            None => Error::Internal("database error".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once_and_named_as_serde_sends_it() {
        for (i, code) in ErrorCode::ALL.iter().enumerate() {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::String(code.as_str().into()),
                "the name tests compare with is the one the UI receives"
            );
            assert!(
                !ErrorCode::ALL[..i].contains(code),
                "{code:?} is listed twice"
            );
        }
    }
}
