//! Getting the journal out: the lossless JSON export (`json`, with the table list that defines it
//! in `tables`); Markdown and age-encrypted exports build on it; PDF reports are `report`'s.

pub mod file;
pub mod json;
pub mod markdown;
pub(crate) mod tables;
