#![allow(clippy::expect_used, clippy::unwrap_used)] // a bench that cannot set up should stop loudly
//! Importing 10,000 entries (issue 14; target under 1 s each, Mini Diarium takes 8 s through its
//! UI): a jrnl plain-text journal and a Day One JSON export, generated in their documented
//! formats, each read and imported (preview checks included) into a new encrypted journal. The
//! journal is made outside the measured time; the backup taken before the import is inside it.

#[path = "common/seed.rs"]
mod seed;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use journal::{ImportSource, Journal, MapTo, TagMapping, dayone, jrnl};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

const ENTRIES: usize = 10_000;

fn body(rng: &mut seed::Rng, words: &[String]) -> String {
    (0..100)
        .map(|_| seed::zipf(rng, words))
        .collect::<Vec<_>>()
        .join(" ")
}

fn jrnl_text() -> Vec<u8> {
    let words = seed::vocabulary();
    let mut rng = seed::Rng::new(7);
    let mut out = String::new();
    for n in 0..ENTRIES {
        let day =
            chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(n as u64);
        out.push_str(&format!(
            "[{day} 08:30] Entry {n} about the week @mentor{}\n{}\n\n",
            n % 20,
            body(&mut rng, &words)
        ));
    }
    out.into_bytes()
}

fn dayone_json() -> Vec<u8> {
    let words = seed::vocabulary();
    let mut rng = seed::Rng::new(8);
    let entries: Vec<serde_json::Value> = (0..ENTRIES)
        .map(|n| {
            let day =
                chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(n as u64);
            serde_json::json!({
                "uuid": format!("{n:032X}"),
                "creationDate": format!("{day}T14:30:00Z"),
                "timeZone": "America/New_York",
                "starred": n % 10 == 0,
                "tags": [format!("mentor{}", n % 20)],
                "text": format!("# Entry {n}\n\n{}", body(&mut rng, &words)),
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "metadata": { "version": "1.0" }, "entries": entries }))
        .unwrap()
}

fn fresh() -> (tempfile::TempDir, Journal) {
    let dir = seed::scratch_dir();
    let (journal, _) = seed::journal(dir.path());
    (dir, journal)
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import 10,000 entries");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (name, source, bytes) in [
        ("jrnl text", ImportSource::Jrnl, jrnl_text()),
        ("Day One JSON", ImportSource::DayOne, dayone_json()),
    ] {
        eprintln!("{name}: {:.1} MiB", bytes.len() as f64 / 1048576.0);
        {
            // Where the time goes, once, for the report.
            let (_dir, journal) = fresh();
            let t = std::time::Instant::now();
            let file = match source {
                ImportSource::Jrnl => jrnl::read(&bytes, None),
                ImportSource::DayOne => dayone::read(&bytes),
            }
            .expect("read");
            let read = t.elapsed();
            let preview = journal.preview_import(&file).expect("preview");
            let previewed = t.elapsed() - read;
            let mappings: Vec<TagMapping> = preview
                .tags
                .iter()
                .map(|t| TagMapping {
                    tag: t.tag.clone(),
                    to: MapTo::NewMentor {
                        name: t.tag.clone(),
                    },
                })
                .collect();
            journal
                .import_entries(&file, &mappings, &|_, _| {}, &AtomicBool::new(false))
                .expect("import");
            eprintln!(
                "{name}: read {read:.0?}, preview {previewed:.0?}, import {:.0?}",
                t.elapsed() - read - previewed
            );
        }
        group.bench_function(name, |b| {
            b.iter_batched(
                fresh,
                |(dir, journal)| {
                    let file = match source {
                        ImportSource::Jrnl => jrnl::read(&bytes, None),
                        ImportSource::DayOne => dayone::read(&bytes),
                    }
                    .expect("read");
                    let preview = journal.preview_import(&file).expect("preview");
                    let mappings: Vec<TagMapping> = preview
                        .tags
                        .iter()
                        .map(|t| TagMapping {
                            tag: t.tag.clone(),
                            to: MapTo::NewMentor {
                                name: t.tag.clone(),
                            },
                        })
                        .collect();
                    let report = journal
                        .import_entries(&file, &mappings, &|_, _| {}, &AtomicBool::new(false))
                        .expect("import");
                    assert_eq!(report.added as usize, ENTRIES);
                    (dir, journal)
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
