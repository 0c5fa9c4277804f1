//! Days as people type them at a prompt: `2026-12-01`, `today`, `yesterday`, `monday`,
//! `3 days ago`, `2 weeks ago`.
//!
//! It lives in the core, not in a front end, so that every front end reads a typed day the same
//! way and refuses the same things with the same words. Only the wording is decided here; whether
//! a day is allowed for what it dates (a note cannot be in the future) stays with the rule that
//! owns it. So a plain ISO date is returned as it is, even after today, and the rule refuses it in
//! its own words; every relative form is, by construction, today or earlier.
//!
//! A bare weekday means the most recent one, today included: `monday` typed on a Monday is today,
//! on a Wednesday the day before yesterday. jrnl reads a bare weekday the same way, as the last
//! one and never the next: a journal records what has happened. `last monday` skips today, for
//! the Monday of the week before when it is Monday now.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::{Error, Result};

const HELP: &str = "Use a date like 2026-12-01, today, yesterday, monday or 3 days ago.";

/// The longest span `N days ago` or `N weeks ago` may reach back: a hundred years.
const MAX_DAYS_BACK: u64 = 36_525;

/// Reads a typed day relative to `today` (see the module notes).
pub fn parse_day(text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let refuse = || Error::validation("date", HELP);
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        [one] => match *one {
            "today" => Ok(today),
            "yesterday" => back(today, 1).ok_or_else(refuse),
            word => match weekday(word) {
                Some(day) => back(today, days_since(today.weekday(), day)).ok_or_else(refuse),
                None => NaiveDate::parse_from_str(word, "%Y-%m-%d").map_err(|_| refuse()),
            },
        },
        ["last", word] => {
            let day = weekday(word).ok_or_else(refuse)?;
            let since = match days_since(today.weekday(), day) {
                0 => 7,
                n => n,
            };
            back(today, since).ok_or_else(refuse)
        }
        [count, unit, "ago"] => {
            let count: u64 = match *count {
                "a" | "one" => 1,
                digits => digits.parse().map_err(|_| refuse())?,
            };
            let per = match *unit {
                "day" | "days" => 1,
                "week" | "weeks" => 7,
                _ => return Err(refuse()),
            };
            let days = count.checked_mul(per).filter(|d| *d <= MAX_DAYS_BACK);
            days.and_then(|d| back(today, d)).ok_or_else(refuse)
        }
        _ => Err(refuse()),
    }
}

fn back(today: NaiveDate, days: u64) -> Option<NaiveDate> {
    today.checked_sub_days(Days::new(days))
}

/// Days from the last `day` (today included) to `today`: 0 when today is that day.
fn days_since(today: Weekday, day: Weekday) -> u64 {
    u64::from((today.num_days_from_monday() + 7 - day.num_days_from_monday()) % 7)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// A Wednesday.
    fn today() -> NaiveDate {
        day("2026-12-02")
    }

    #[test]
    fn plain_dates_are_taken_as_written_even_after_today() {
        assert_eq!(parse_day("2026-12-01", today()).unwrap(), day("2026-12-01"));
        assert_eq!(
            parse_day("2027-01-05", today()).unwrap(),
            day("2027-01-05"),
            "the rule that owns the date refuses the future, in its own words"
        );
    }

    #[test]
    fn today_and_yesterday_in_any_case_and_spacing() {
        assert_eq!(parse_day("today", today()).unwrap(), today());
        assert_eq!(
            parse_day("  Yesterday ", today()).unwrap(),
            day("2026-12-01")
        );
        assert_eq!(
            parse_day("yesterday", day("2028-03-01")).unwrap(),
            day("2028-02-29"),
            "a leap day is the day before 1 March in a leap year"
        );
    }

    #[test]
    fn a_bare_weekday_is_the_most_recent_one_today_included() {
        assert_eq!(parse_day("monday", today()).unwrap(), day("2026-11-30"));
        assert_eq!(parse_day("Wednesday", today()).unwrap(), today());
        assert_eq!(
            parse_day("thursday", today()).unwrap(),
            day("2026-11-26"),
            "never the coming Thursday"
        );
        assert_eq!(parse_day("fri", today()).unwrap(), day("2026-11-27"));
        assert_eq!(
            parse_day("last wednesday", today()).unwrap(),
            day("2026-11-25")
        );
        assert_eq!(
            parse_day("last monday", today()).unwrap(),
            day("2026-11-30")
        );
    }

    #[test]
    fn days_and_weeks_ago() {
        assert_eq!(parse_day("3 days ago", today()).unwrap(), day("2026-11-29"));
        assert_eq!(parse_day("1 day ago", today()).unwrap(), day("2026-12-01"));
        assert_eq!(parse_day("0 days ago", today()).unwrap(), today());
        assert_eq!(parse_day("1 week ago", today()).unwrap(), day("2026-11-25"));
        assert_eq!(parse_day("a week ago", today()).unwrap(), day("2026-11-25"));
        assert_eq!(
            parse_day("2 weeks ago", today()).unwrap(),
            day("2026-11-18")
        );
    }

    #[test]
    fn anything_else_is_refused_with_an_example_of_a_good_one() {
        for bad in [
            "",
            "tomorrow",
            "next monday",
            "3 days",
            "-3 days ago",
            "3 months ago",
            "99999999999999999999 days ago",
            "1000000 weeks ago",
            "2026-13-01",
            "01/12/2026",
            "last",
            "last today",
        ] {
            let err = parse_day(bad, today()).unwrap_err();
            assert_eq!(err.field(), Some("date"), "{bad:?} is refused as input");
            assert!(
                err.to_string().contains("2026-12-01"),
                "the refusal of {bad:?} shows a good date"
            );
        }
    }
}
