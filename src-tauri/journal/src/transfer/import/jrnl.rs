//! Reading jrnl journals: its JSON export, its plain-text journal file, and its encrypted journal
//! files. (Being written: see the module's tests for what is covered.)

use crate::error::Result;
use crate::store::secret::Passphrase;
use crate::transfer::import::{SourceFile, refuse};

/// Reads a jrnl file of any kind; `password` is needed only for an encrypted one.
pub fn read(bytes: &[u8], password: Option<&Passphrase>) -> Result<SourceFile> {
    let _ = (bytes, password);
    Err(refuse("Reading jrnl files is not built yet."))
}
