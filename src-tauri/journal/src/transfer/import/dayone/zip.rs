//! Reading a Day One `.zip`: its top-level `.json` journals, counting (not reading) its media.
//! Apart from the JSON because a zip is never trusted: declared sizes are checked and every read
//! is capped as well, so a header that lies about its size still cannot exhaust memory.

use std::io::{Cursor, Read};

use crate::error::Result;
use crate::transfer::import::refuse;

/// The top-level `.json` files of a Day One zip, by name, read within `max_unpacked` in all.
pub(super) fn unzip(
    bytes: &[u8],
    max_unpacked: u64,
    notes: &mut Vec<String>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let damaged = |_| refuse("This zip file is damaged or incomplete.");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut json_files = Vec::new();
    let mut declared: u64 = 0;
    let mut media = 0usize;
    for index in 0..archive.len() {
        let file = archive.by_index_raw(index).map_err(damaged)?;
        let name = file.name().map_err(damaged)?.into_owned();
        if file.is_dir() || name.starts_with("__MACOSX/") {
            continue;
        }
        if !name.contains('/') && name.to_ascii_lowercase().ends_with(".json") {
            declared = declared.saturating_add(file.size());
            json_files.push((index, name));
        } else {
            media += 1;
        }
    }
    if json_files.is_empty() {
        return Err(refuse(
            "This zip holds no Day One journal: there is no .json file at its top level.",
        ));
    }
    let too_big = || {
        refuse(format!(
            "This zip unpacks to more than {} MiB: it is not a Day One export (or is a zip bomb).",
            max_unpacked / (1024 * 1024)
        ))
    };
    if declared > max_unpacked {
        return Err(too_big());
    }
    let mut budget = max_unpacked;
    let mut journals = Vec::new();
    for (index, name) in json_files {
        let file = archive.by_index(index).map_err(|_| {
            refuse(format!(
                "“{name}” in this zip cannot be read (encrypted or damaged)."
            ))
        })?;
        let mut json = Vec::new();
        file.take(budget.saturating_add(1))
            .read_to_end(&mut json)
            .map_err(|_| refuse(format!("“{name}” in this zip is damaged or incomplete.")))?;
        if json.len() as u64 > budget {
            return Err(too_big());
        }
        budget -= json.len() as u64;
        journals.push((name, json));
    }
    if journals.len() > 1 {
        let names: Vec<&str> = journals.iter().map(|(n, _)| n.as_str()).collect();
        notes.push(format!(
            "The zip holds {} journals ({}); the entries of all of them are read.",
            journals.len(),
            names.join(", ")
        ));
    }
    if media > 0 {
        notes.push(format!(
            "The zip holds {media} media files (photos, videos, audio, PDFs); they are not imported."
        ));
    }
    Ok(journals)
}
