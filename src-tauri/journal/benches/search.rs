#![allow(clippy::expect_used, clippy::unwrap_used)] // a bench that cannot set up should stop loudly
//! Search, lists and writes on a large journal (issue 16): the queries of its table (a rare word,
//! a word in ~10 % of notes, a word in most notes, the most common word, two words, a 3-letter
//! prefix, a phrase), each also with a mentor filter and a date filter, at 10,000 and 100,000
//! notes; then a mentor's last 200 notes, saving one more note, unlocking to the dashboard (without
//! the KDF, which `--bench unlock` measures), verifying the journal, and the bytes per note,
//! printed for `docs/benchmarks.md` (`MJ_VERIFY_TRACE=1` adds the verify's work per page).
//!
//! Each query asks for the first 50 hits, newest first, as the search screen does. Criterion's
//! median is the p50; the p95 of the same query is printed from a separate timed loop, because
//! criterion reports intervals of the mean, not percentiles.

#[path = "common/seed.rs"]
mod seed;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use journal::{ConversationInput, DATABASE_FILE, MentorId, SearchQuery, Vault};
use std::time::{Duration, Instant};

/// The table's rows: a label and the text typed.
const QUERIES: &[(&str, &str)] = &[
    ("a rare word", "kalomi3"),
    ("a word in ~10 % of notes", "clinic"),
    ("a word in most notes", "research"),
    ("the most common word", "mentor"),
    ("two words", "mentor feedback"),
    ("a 3-letter prefix", "fel"),
    ("a phrase", "\"mentor research\""),
];

fn query(text: &str, filter: &str, mentor: MentorId) -> SearchQuery {
    let mut q = SearchQuery {
        text: text.into(),
        limit: Some(50),
        ..SearchQuery::default()
    };
    match filter {
        "mentor" => q.mentor_id = Some(mentor),
        "dates" => {
            q.from = NaiveDate::from_ymd_opt(2024, 1, 1);
            q.to = NaiveDate::from_ymd_opt(2024, 12, 31);
        }
        _ => {}
    }
    q
}

/// p50 and p95 of up to `runs` calls (fewer when they take over 3 s in all, at least 20), in ms.
fn percentiles(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let budget = Instant::now();
    let mut times: Vec<f64> = Vec::with_capacity(runs);
    while times.len() < runs && (times.len() < 20 || budget.elapsed() < Duration::from_secs(3)) {
        let started = Instant::now();
        f();
        times.push(started.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let n = times.len();
    (times[n / 2], times[(n * 95 / 100).min(n - 1)])
}

/// The journal's bytes on disk (the database and its write-ahead log) per note.
fn bytes_per_note(dir: &std::path::Path, notes: usize) -> u64 {
    let size = |name: &str| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
    (size(DATABASE_FILE) + size(&format!("{DATABASE_FILE}-wal"))) / notes as u64
}

fn search(c: &mut Criterion) {
    let dir = seed::scratch_dir();
    let (journal, mentors) = seed::journal(dir.path());
    let mut seeded = 0;
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(2));
    group.warm_up_time(Duration::from_millis(500));
    for notes in [10_000usize, 100_000] {
        let started = Instant::now();
        seed::add_notes(&journal, &mentors, seeded, notes);
        seeded = notes;
        eprintln!(
            "search at {notes} notes: seeded in {:.0?}; {} bytes per note on disk",
            started.elapsed(),
            bytes_per_note(dir.path(), notes)
        );
        for filter in ["", "mentor", "dates"] {
            for (label, text) in QUERIES {
                let q = query(text, filter, mentors[7]);
                let hits = journal.search(&q).expect("search").len();
                let (p50, p95) = percentiles(200, || {
                    journal.search(&q).expect("search");
                });
                let name = if filter.is_empty() {
                    format!("{label}, {notes} notes")
                } else {
                    format!("{label}, {filter} filter, {notes} notes")
                };
                eprintln!("  {name}: {hits} hits, p50 {p50:.2} ms, p95 {p95:.2} ms");
                group.bench_function(name, |b| b.iter(|| journal.search(&q).expect("search")));
            }
        }
        let (p50, p95) = percentiles(50, || {
            journal
                .list_conversations(Some(mentors[3]), 200)
                .expect("notes");
        });
        eprintln!("  a mentor's last 200 notes, {notes} notes: p50 {p50:.2} ms, p95 {p95:.2} ms");
        let mut n = 0;
        let (p50, p95) = percentiles(50, || {
            n += 1;
            journal
                .add_conversation(
                    &ConversationInput {
                        mentor_id: Some(mentors[n % mentors.len()]),
                        title: format!("One more {n}"),
                        body: "A short note after clinic about the research abstract.".into(),
                        ..ConversationInput::default()
                    },
                    false,
                )
                .expect("save");
        });
        eprintln!("  saving a note, {notes} notes: p50 {p50:.2} ms, p95 {p95:.2} ms");
        // Unlocking with the seed's cheap KDF, so what is left is everything but the KDF: the key
        // file, opening SQLCipher, the schema check and the first dashboard.
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let (p50, p95) = percentiles(20, || {
            let again = Vault::unlock(dir.path(), &seed::passphrase()).expect("unlock");
            again.dashboard(today).expect("dashboard");
        });
        eprintln!(
            "  unlock to dashboard without the KDF, {notes} notes: p50 {p50:.1} ms, p95 {p95:.1} ms"
        );
        let started = Instant::now();
        journal.verify().expect("intact");
        eprintln!("  verify, {notes} notes: {:.2?}", started.elapsed());
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
