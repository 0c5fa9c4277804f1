//! Reading Day One's JSON export, zipped or bare. (Being written.)

use crate::error::Result;
use crate::transfer::import::{SourceFile, refuse};

/// Reads a Day One export: the `.zip` Day One writes, or the `.json` inside it.
pub fn read(bytes: &[u8]) -> Result<SourceFile> {
    let _ = bytes;
    Err(refuse("Reading Day One files is not built yet."))
}
