//! Importing other journals (jrnl, Day One): each format's reader turns a file into the same
//! neutral `SourceFile`, and the import itself (preview, mapping tags to mentors, idempotency, one
//! transaction after a backup) works on that alone, so a new format is one reader.
//!
//! Readers never write anything and never panic on bad input: a truncated or invalid file, the
//! wrong format, a wrong password, invalid UTF-8, absurd dates, an oversized file or a zip bomb is
//! an `Error::Validation` on the field `file`, naming the problem and, where known, the entry or
//! line. Sizes are bounded before anything large is allocated (`MAX_FILE_BYTES`,
//! `MAX_UNPACKED_BYTES`).

use chrono::NaiveDateTime;
use serde::Serialize;
use ts_rs::TS;

pub mod apply;
pub mod dayone;
pub mod jrnl;

/// The largest file a reader accepts (a jrnl or Day One export of decades is a few tens of MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// The most a zip may unpack to, in all (a zip bomb stops here, not in memory).
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// Which reader produced a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SourceFormat {
    JrnlJson,
    JrnlText,
    JrnlEncrypted,
    DayOne,
}

/// One entry as another app wrote it, before anything is written here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    /// A stable identity in its source, so importing the same file twice adds nothing: Day One's
    /// `uuid`; for jrnl (which has none) a hash of the entry's date, title and body as read.
    pub source_id: String,
    /// The wall-clock time the entry belongs to, in its own time zone (Day One's `timeZone`; jrnl
    /// times are local already). Never shifted into UTC.
    pub occurred_at: NaiveDateTime,
    /// Whether the source recorded only a day (Day One `isAllDay`; jrnl entries at the default hour).
    pub all_day: bool,
    pub title: String,
    /// Markdown. Day One's backslash escapes are undone only before ASCII punctuation.
    pub body: String,
    /// Tags as the source spelled them, without `@` or `#`, deduplicated, in first-seen order.
    pub tags: Vec<String>,
    pub starred: bool,
    /// Media the entry refers to that is not imported (photos, audio, video, PDFs), one line each
    /// for the import report, e.g. "photo 3F2A… (jpeg)".
    pub media: Vec<String>,
}

/// A whole file read by one reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub format: SourceFormat,
    pub entries: Vec<SourceEntry>,
    /// Anything the reader passed over, in the user's words, for the preview (never silent).
    pub notes: Vec<String>,
}

/// Which app's file the user is importing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportSource {
    /// jrnl: its JSON export, its plain-text journal, or an encrypted journal file.
    Jrnl,
    /// Day One: the JSON export, zipped or bare.
    DayOne,
}

/// Reads the file at `path` as `source` says (the size is checked before anything is read, so a
/// 2 GiB file costs nothing); `password` opens an encrypted jrnl journal.
pub fn read_source(
    path: &std::path::Path,
    source: ImportSource,
    password: Option<&crate::store::secret::Passphrase>,
) -> crate::error::Result<SourceFile> {
    let bytes = read_limited(path)?;
    if bytes.starts_with(b"age-encryption.org/") {
        return Err(refuse(
            "This file is encrypted with age. Open it first with `age -d`, then import what it holds.",
        ));
    }
    match source {
        ImportSource::Jrnl => jrnl::read(&bytes, password),
        ImportSource::DayOne => dayone::read(&bytes),
    }
}

/// The bytes of the file at `path`, refused before reading when larger than `MAX_FILE_BYTES`.
pub(crate) fn read_limited(path: &std::path::Path) -> crate::error::Result<Vec<u8>> {
    if !path.is_absolute() {
        return Err(refuse("Choose the file to import."));
    }
    let size = std::fs::metadata(path)
        .map_err(|_| refuse("That file cannot be read (is it still there?)."))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "That file is {} MiB; an export this app reads is at most {} MiB.",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    std::fs::read(path).map_err(|_| refuse("That file cannot be read."))
}

/// The refusal of a file: a validation error on `file`, with the message given.
pub(crate) fn refuse(message: impl Into<String>) -> crate::error::Error {
    crate::error::Error::validation("file", message.into())
}
