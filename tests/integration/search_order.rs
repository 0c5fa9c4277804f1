//! Search's order and filters against a plain reading of the notes (issue 16): the index walks its
//! rows newest first and stops at the limit, so this checks, over notes written in no date order
//! and a jrnl import of notes older than everything already there, that every query returns
//! exactly the newest matching notes, by the day they happened (not the day they were written or
//! imported), with a mentor filter and a date range, for a small and a large limit, and the next page.

use chrono::{Duration, NaiveDate};
use journal::{
    ConversationInput, ImportSource, Journal, MentorId, MentorInput, SearchKind, SearchQuery,
    Vault, read_source,
};
use std::sync::atomic::AtomicBool;

use crate::{fast_kdf, passphrase};

const WORDS: &[&str] = &[
    "sepsis",
    "audit",
    "grant",
    "night",
    "shift",
    "poster",
    "abstract",
    "fellowship",
    "cardiology",
    "sleep",
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[self.below(WORDS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A note as the oracle sees it: its id, mentor, day and lower-case words in order.
struct Seen {
    id: i64,
    mentor: Option<MentorId>,
    day: NaiveDate,
    words: Vec<String>,
}

fn read_back(journal: &Journal) -> Vec<Seen> {
    journal
        .list_conversations(None, 10_000)
        .unwrap()
        .into_iter()
        .map(|c| {
            let text = format!("{} {} {}", c.title, c.body, c.takeaways.join(" "));
            Seen {
                id: c.id.0,
                mentor: c.mentor_id,
                day: c.occurred_at.date(),
                words: text
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect(),
            }
        })
        .collect()
}

/// What a search must return, from the notes themselves: every term (a word, the last one
/// maybe a prefix, or a phrase of words) occurs, newest day first, then the later-written first.
fn expected(notes: &[Seen], terms: &[&[&str]], prefix: bool, q: &SearchQuery) -> Vec<i64> {
    let has = |words: &[String], term: &[&str], prefix: bool| {
        words.windows(term.len()).any(|w| {
            w.iter().zip(term).enumerate().all(|(k, (have, want))| {
                if prefix && k == term.len() - 1 {
                    have.starts_with(want)
                } else {
                    have == want
                }
            })
        })
    };
    let mut hits: Vec<&Seen> = notes
        .iter()
        .filter(|n| {
            terms
                .iter()
                .enumerate()
                .all(|(i, t)| has(&n.words, t, prefix && i == terms.len() - 1))
        })
        .filter(|n| q.mentor_id.is_none_or(|m| n.mentor == Some(m)))
        .filter(|n| q.from.is_none_or(|d| n.day >= d) && q.to.is_none_or(|d| n.day <= d))
        .collect();
    hits.sort_by_key(|n| std::cmp::Reverse((n.day, n.id)));
    hits.into_iter()
        .skip(q.offset.unwrap_or(0) as usize)
        .take(q.limit.unwrap_or(50) as usize)
        .map(|n| n.id)
        .collect()
}

#[test]
fn search_returns_the_newest_matches_by_their_own_day_with_every_filter() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Vault::create_with(dir.path(), &passphrase(), fast_kdf())
        .unwrap()
        .0;
    let mentors: Vec<MentorId> = ["Dr. Ama", "Dr. Bo", "Dr. Cy"]
        .iter()
        .map(|n| journal.add_mentor(&MentorInput::named(*n)).unwrap().id)
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let base: NaiveDate = "2025-01-01".parse().unwrap();
    // 400 notes written in no date order: any day of two years, many on the same day.
    for i in 0..400 {
        let day = base + Duration::days(rng.below(700) as i64);
        journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: Some(mentors[rng.below(3) as usize]),
                    occurred_at: Some(day.and_hms_opt(9, 0, 0).unwrap()),
                    title: format!("Meeting {i}"),
                    body: rng.words(12),
                    takeaways: if i % 7 == 0 {
                        vec![rng.words(3)]
                    } else {
                        vec![]
                    },
                    ..ConversationInput::default()
                },
                false,
            )
            .unwrap();
    }
    // Then an import of older entries (2015-2020), written after everything above: no mentor.
    let mut jrnl = String::new();
    for i in 0..120 {
        let day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + Duration::days(i * 17);
        jrnl.push_str(&format!(
            "[{} 08:30] Old entry {i}\n{}\n\n",
            day.format("%Y-%m-%d"),
            rng.words(10)
        ));
    }
    let file = dir.path().join("old.txt");
    std::fs::write(&file, jrnl).unwrap();
    let source = read_source(&file, ImportSource::Jrnl, None).unwrap();
    let report = journal
        .import_entries(&source, &[], &|_, _| {}, &AtomicBool::new(false))
        .unwrap();
    assert_eq!(report.added, 120);

    let notes = read_back(&journal);
    assert_eq!(notes.len(), 520);
    let queries: &[(&str, &[&[&str]], bool)] = &[
        ("sepsis", &[&["sepsis"]], false),
        ("grant poster", &[&["grant"], &["poster"]], false),
        ("fel", &[&["fel"]], true),
        ("\"night shift\"", &[&["night", "shift"]], false),
        ("Cardiology SLEEP", &[&["cardiology"], &["sleep"]], false),
    ];
    let filters = [
        SearchQuery::default(),
        SearchQuery {
            mentor_id: Some(mentors[1]),
            ..SearchQuery::default()
        },
        SearchQuery {
            from: "2025-06-01".parse().ok(),
            to: "2025-09-30".parse().ok(),
            ..SearchQuery::default()
        },
        SearchQuery {
            to: "2018-12-31".parse().ok(),
            ..SearchQuery::default()
        },
        SearchQuery {
            from: "2025-03-10".parse().ok(),
            to: "2025-03-10".parse().ok(),
            mentor_id: Some(mentors[0]),
            ..SearchQuery::default()
        },
    ];
    let mut compared = 0;
    for (text, terms, prefix) in queries {
        for filter in &filters {
            for (limit, offset) in [(5, 0), (5, 3), (50, 0), (50, 40), (500, 0)] {
                let q = SearchQuery {
                    text: (*text).into(),
                    limit: Some(limit),
                    offset: Some(offset),
                    ..filter.clone()
                };
                let hits = journal.search(&q).unwrap();
                assert!(hits.iter().all(|h| h.kind == SearchKind::Conversation));
                let got: Vec<i64> = hits.iter().map(|h| h.item_id).collect();
                let want = expected(&notes, terms, *prefix, &q);
                assert_eq!(got, want, "{q:?}");
                compared += usize::from(!want.is_empty());
            }
        }
    }
    assert!(
        compared > 50,
        "most comparisons found something: {compared}"
    );

    // The imported 2015 notes come after every 2025 note, though written last.
    let all = journal
        .search(&SearchQuery {
            text: "sepsis".into(),
            limit: Some(500),
            ..SearchQuery::default()
        })
        .unwrap();
    let first_old = all
        .iter()
        .position(|h| h.date.is_some_and(|d| d.to_string().as_str() < "2021"))
        .unwrap();
    assert!(all[..first_old].iter().all(|h| h.mentor_id.is_some()));
    assert!(all[first_old..].iter().all(|h| h.mentor_id.is_none()));
}
