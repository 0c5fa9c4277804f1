//! One error type for the whole core, and the small set of codes the UI branches on.
//!
//! Messages are written for the person at the keyboard: they never carry SQL, file paths or secrets,
//! because they cross into the webview and may end up in a screenshot or a bug report. The codes are
//! the contract; the UI never parses a message.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of failure crossed the boundary; the UI decides what to do from this alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[ts(export)]
pub enum ErrorCode {
    WrongPassphrase,
    Locked,
    NotFound,
    Validation,
    Conflict,
    Corrupt,
    Io,
    Internal,
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
        field: &'static str,
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
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    pub(crate) fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Error::Validation {
            field,
            message: message.into(),
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
            Some(Sqlite::ReadOnly | Sqlite::PermissionDenied | Sqlite::CannotOpen) => Error::Io(
                std::io::Error::other("the database file cannot be opened for writing"),
            ),
            Some(code) => Error::Internal(format!("database error {code:?}")),
            None => Error::Internal("database error".into()),
        }
    }
}
