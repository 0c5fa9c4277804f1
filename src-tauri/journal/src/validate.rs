//! Input rules shared by every domain module: trimmed text with a length limit, dates in a sane
//! range. Each failure is a `VALIDATION` error naming the field, so the UI can put the message
//! beside the input and keep what the user typed.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// Longest free text accepted in a single field (a note body): 1 MB.
pub(crate) const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Short fields: names, titles, roles.
pub(crate) const SHORT: usize = 200;
/// Longer free text that is not a note body: notes, reasons, agreed goals.
pub(crate) const LONG: usize = 20_000;

/// Trims and bounds optional text; empty is fine.
pub(crate) fn text(field: &'static str, value: &str, max_chars: usize) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > max_chars {
        return Err(Error::validation(
            field,
            format!("Keep this under {max_chars} characters."),
        ));
    }
    Ok(value.to_owned())
}

/// Like `text`, but empty (or only spaces) is refused with `empty_message`.
pub(crate) fn required(
    field: &'static str,
    value: &str,
    max_chars: usize,
    empty_message: &str,
) -> Result<String> {
    let value = text(field, value, max_chars)?;
    if value.is_empty() {
        return Err(Error::validation(field, empty_message));
    }
    Ok(value)
}

/// A note body: Markdown of at most 1 MB, kept as typed (no trimming of meaningful whitespace).
pub(crate) fn body(field: &'static str, value: &str) -> Result<String> {
    if value.len() > MAX_BODY_BYTES {
        return Err(Error::validation(
            field,
            "This note is over 1 MB; split it into several notes.",
        ));
    }
    Ok(value.trim_end().to_owned())
}

/// Dates a journal can sensibly hold; catches typos such as year 20226.
pub(crate) fn date(field: &'static str, value: NaiveDate) -> Result<NaiveDate> {
    let earliest = NaiveDate::from_ymd_opt(1950, 1, 1);
    let latest = NaiveDate::from_ymd_opt(2150, 12, 31);
    match (earliest, latest) {
        (Some(lo), Some(hi)) if (lo..=hi).contains(&value) => Ok(value),
        _ => Err(Error::validation(
            field,
            "Pick a date between 1950 and 2150.",
        )),
    }
}

/// A whole number in an inclusive range, for durations, scales and cadences.
pub(crate) fn range(
    field: &'static str,
    value: u32,
    lo: u32,
    hi: u32,
    message: &str,
) -> Result<u32> {
    if (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(Error::validation(field, message))
    }
}

/// A status change must be a step the lifecycle has: `next` lists the steps from `from`, and
/// `word` names a status as the user reads it. Refusals name the steps that do exist.
pub(crate) fn transition<T: Copy + PartialEq>(
    what: &str,
    from: T,
    to: T,
    next: &[T],
    word: fn(T) -> &'static str,
) -> Result<()> {
    if from == to {
        return Err(Error::validation(
            "status",
            format!("The {what} already has that status."),
        ));
    }
    if next.contains(&to) {
        return Ok(());
    }
    let words: Vec<&str> = next.iter().map(|&s| word(s)).collect();
    let options = match words.as_slice() {
        [] => "nothing else".to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    };
    Err(Error::validation(
        "status",
        format!(
            "A {what} that is {} can become {options}, not {}.",
            word(from),
            word(to)
        ),
    ))
}
