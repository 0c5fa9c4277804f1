//! jrnl's JSON export (`jrnl --format json`, plugins/json_exporter.py): its `tags` and
//! `entries`. A format of its own, so a file of its own; each entry's `date` and `time` go through
//! the same `parse_stamp` and `entry` as the text file, so both forms name an entry alike.

use serde_json::Value;

use super::{entry, parse_stamp};
use crate::error::Result;
use crate::transfer::import::{SourceEntry, refuse};

pub(super) fn parse_json(text: &str) -> Result<Vec<SourceEntry>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            refuse("This jrnl export is cut short: the file ends in the middle of the JSON.")
        } else {
            refuse(format!(
                "This is not valid JSON (line {}, column {}).",
                e.line(),
                e.column()
            ))
        }
    })?;
    let Some(root) = value.as_object() else {
        return Err(refuse("This is not a jrnl export."));
    };
    let entries = match (root.get("tags"), root.get("entries")) {
        (Some(Value::Object(_)), Some(Value::Array(entries))) => entries,
        _ if root.contains_key("metadata") => {
            return Err(refuse(
                "This is not a jrnl export: it looks like a Day One export; import it as Day One.",
            ));
        }
        _ => {
            return Err(refuse(
                "This is not a jrnl export: it has no \"tags\" and \"entries\".",
            ));
        }
    };
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| json_entry(i + 1, e))
        .collect()
}

fn json_entry(n: usize, value: &Value) -> Result<SourceEntry> {
    let text = |key: &str| -> Result<&str> {
        value.get(key).and_then(Value::as_str).ok_or_else(|| {
            refuse(format!(
                "Entry {n} of this jrnl export has no \"{key}\" text: this is not a jrnl export."
            ))
        })
    };
    let (title, body, date, time) = (text("title")?, text("body")?, text("date")?, text("time")?);
    let stamp = format!("{date} {time}");
    let at = match parse_stamp(&stamp) {
        Some(Ok((at, _))) => at,
        _ => {
            return Err(refuse(format!(
                "Entry {n} (\"{title}\") has the date \"{stamp}\", which is not a real date and time."
            )));
        }
    };
    let tags = match value.get("tags") {
        None => Vec::new(),
        Some(Value::Array(tags)) => tags
            .iter()
            .filter_map(Value::as_str)
            .map(|t| t.trim_start_matches(['@', '#']).to_owned())
            .collect(),
        Some(_) => {
            return Err(refuse(format!(
                "Entry {n} (\"{title}\") has tags that are not a list."
            )));
        }
    };
    let starred = value
        .get("starred")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Ok(entry(at, false, title, body, tags, starred))
}
