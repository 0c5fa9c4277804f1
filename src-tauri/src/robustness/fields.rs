//! Building blocks for inputs of the real argument types: each value says whether it is valid,
//! and a case is expected to succeed only if every part is. Mostly valid values, and now and then
//! an edge: one that must still pass (exactly 200 characters, 1950-01-01) or one just past it
//! (201 characters, 1949-12-31, a day after today where the day must have happened).

use chrono::{Days, Local, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::{Map, Value, json};

/// A body's value, and whether every part of it is valid.
pub(super) type Field = BoxedStrategy<(Value, bool)>;

/// Note bodies (bytes), long free text and short fields (characters), as the core checks them.
pub(super) const BODY: usize = 1024 * 1024;
pub(super) const LONG: usize = 20_000;
pub(super) const SHORT: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expect {
    /// Valid: the command must answer with a value.
    Ok,
    /// Past a limit, or a deleted row: the command must refuse with the envelope.
    Refused,
    /// Either is right (the clipboard may be unavailable); a refusal must still be the envelope.
    Any,
}

/// One call: an optional setup call whose answer's `id` replaces `"$id"` in the body (to delete
/// or move a fresh row without using up the shared ones), the body, and what it must get.
#[derive(Debug, Clone)]
pub(super) struct Case {
    pub setup: Option<(&'static str, Value)>,
    pub body: Value,
    pub expect: Expect,
}

/// Rows seeded through IPC before the run: `live` ones the fuzz never deletes, and one of each
/// kind deleted before it started.
pub(super) fn today() -> NaiveDate {
    Local::now().date_naive()
}

pub(super) fn day(d: NaiveDate) -> Value {
    json!(d.format("%Y-%m-%d").to_string())
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Mostly `valid`, now and then one of the edges that must pass or one that must fail.
pub(super) fn weighted(
    valid: impl Strategy<Value = Value> + 'static,
    edges_ok: Vec<Value>,
    edges_bad: Vec<Value>,
) -> Field {
    let mut options: Vec<(u32, Field)> = vec![(24, valid.prop_map(|v| (v, true)).boxed())];
    options.extend(edges_ok.into_iter().map(|v| (2, Just((v, true)).boxed())));
    options.extend(edges_bad.into_iter().map(|v| (1, Just((v, false)).boxed())));
    Union::new_weighted(options).boxed()
}

pub(super) fn text(max: usize, required: bool) -> Field {
    let filled = "[\\p{L}\\p{N}][\\p{L}\\p{N} ,.!?'()-]{0,30}".prop_map(Value::String);
    let valid = if required {
        filled.boxed()
    } else {
        prop_oneof![1 => Just(json!("")), 4 => filled].boxed()
    };
    let mut bad = vec![json!("x".repeat(max + 1))];
    if required {
        bad.push(json!(" \t "));
    }
    let ok = vec![
        json!("x".repeat(max)),
        json!(format!("  {}\n", "é".repeat(max))),
    ];
    weighted(valid, ok, bad)
}

pub(super) fn body() -> Field {
    let markdown = prop_oneof![
        "[\\PC\n]{0,300}",
        Just("# Notes\n\n- **one**\n- [link](https://example.org)\n\n> quoted".to_owned()),
    ];
    let ok = vec![json!("x".repeat(BODY))];
    let bad = vec![json!("x".repeat(BODY + 1))];
    weighted(markdown.prop_map(Value::String), ok, bad)
}

/// A day that has happened: from 1950 to today.
pub(super) fn past_day() -> Field {
    let days = (today() - ymd(1950, 1, 1)).num_days() as u64;
    let valid = (0..=days).prop_map(|k| day(today() - Days::new(k)));
    let tomorrow = today() + Days::new(1);
    weighted(
        valid,
        vec![day(ymd(1950, 1, 1)), day(today())],
        vec![day(ymd(1949, 12, 31)), day(tomorrow), day(ymd(2151, 1, 1))],
    )
}

/// Any day a journal can hold: 1950 to 2150.
pub(super) fn any_day() -> Field {
    let valid = (0..=73_000u64).prop_map(|k| day(ymd(1950, 1, 1) + Days::new(k)));
    weighted(
        valid,
        vec![
            day(ymd(1950, 1, 1)),
            day(ymd(2150, 12, 31)),
            day(today() + Days::new(1)),
        ],
        vec![day(ymd(1949, 12, 31)), day(ymd(2151, 1, 1))],
    )
}

/// From today to 2150 (a target date, never before the day a goal was set).
pub(super) fn coming_day() -> Field {
    let days = (ymd(2150, 12, 31) - today()).num_days() as u64;
    let valid = (0..=days).prop_map(|k| day(today() + Days::new(k)));
    weighted(
        valid,
        vec![day(ymd(2150, 12, 31))],
        vec![day(ymd(2151, 1, 1)), day(ymd(1949, 12, 31))],
    )
}

pub(super) fn moment() -> Field {
    let days = (today() - ymd(1950, 1, 1)).num_days() as u64;
    let valid = (0..=days, 0..24u32)
        .prop_map(|(k, h)| json!(format!("{}T{h:02}:30:00", today() - Days::new(k))));
    weighted(
        valid,
        vec![
            json!("1950-01-01T00:00:00"),
            json!(format!("{}T23:59:59", today())),
        ],
        vec![
            json!("1949-12-31T23:59:59"),
            json!(format!("{}T12:00:00", today() + Days::new(2))),
            json!("2150-12-31T23:59:59"),
        ],
    )
}

pub(super) fn range(lo: i64, hi: i64, bad: Vec<i64>) -> Field {
    let bad = bad.into_iter().map(|n| json!(n)).collect();
    weighted(
        (lo..=hi).prop_map(|n| json!(n)),
        vec![json!(lo), json!(hi)],
        bad,
    )
}

pub(super) fn one_of(words: &'static [&'static str]) -> Field {
    prop::sample::select(words)
        .prop_map(|w| (json!(w), true))
        .boxed()
}

pub(super) fn opt(field: Field) -> Field {
    prop_oneof![1 => Just((Value::Null, true)), 2 => field].boxed()
}

pub(super) fn unchecked(field: Field) -> Field {
    field.prop_map(|(v, _)| (v, true)).boxed()
}

pub(super) fn flag() -> Field {
    any::<bool>().prop_map(|b| (json!(b), true)).boxed()
}

/// A row that exists, or now and then the one deleted before the run.
pub(super) fn id(live: &[i64], gone: i64) -> Field {
    weighted(
        prop::sample::select(live.to_vec()).prop_map(|i| json!(i)),
        vec![],
        vec![json!(gone)],
    )
}

pub(super) fn live(ids: &[i64]) -> Field {
    prop::sample::select(ids.to_vec())
        .prop_map(|i| (json!(i), true))
        .boxed()
}

pub(super) fn fixed(value: Value, valid: bool) -> Field {
    Just((value, valid)).boxed()
}

pub(super) fn list(item: Field, len: std::ops::Range<usize>) -> Field {
    prop::collection::vec(item, len)
        .prop_map(|parts| {
            let valid = parts.iter().all(|(_, ok)| *ok);
            (
                Value::Array(parts.into_iter().map(|(v, _)| v).collect()),
                valid,
            )
        })
        .boxed()
}

pub(super) fn object(fields: Vec<(&'static str, Field)>) -> Field {
    let (names, parts): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    parts
        .prop_map(move |values| {
            let mut valid = true;
            let mut map = Map::new();
            for (name, (value, ok)) in names.iter().zip(values) {
                valid &= ok;
                map.insert((*name).to_owned(), value);
            }
            (Value::Object(map), valid)
        })
        .boxed()
}

pub(super) fn case(fields: Vec<(&'static str, Field)>) -> BoxedStrategy<Case> {
    with_setup(None, fields)
}

pub(super) fn with_setup(
    setup: Option<(&'static str, Value)>,
    fields: Vec<(&'static str, Field)>,
) -> BoxedStrategy<Case> {
    object(fields)
        .prop_map(move |(body, valid)| Case {
            setup: setup.clone(),
            body,
            expect: if valid { Expect::Ok } else { Expect::Refused },
        })
        .boxed()
}

/// Deleting a row made just before (valid), or the row deleted before the run.
pub(super) fn delete(
    setup: (&'static str, Value),
    gone: i64,
    extra: Vec<(&'static str, Value)>,
) -> BoxedStrategy<Case> {
    let mut fresh = vec![("id", fixed(json!("$id"), true))];
    let mut old = vec![("id", fixed(json!(gone), false))];
    for (k, v) in extra {
        fresh.push((k, fixed(v.clone(), true)));
        old.push((k, fixed(v, true)));
    }
    prop_oneof![4 => with_setup(Some(setup), fresh), 1 => case(old)].boxed()
}

/// Refusals become "either answer": for lists of a deleted row, empty is a fair answer too.
pub(super) fn lenient(cases: BoxedStrategy<Case>) -> BoxedStrategy<Case> {
    cases
        .prop_map(|c| match c.expect {
            Expect::Refused => Case {
                expect: Expect::Any,
                ..c
            },
            _ => c,
        })
        .boxed()
}
