//! A large journal for benchmarks, written through the public API (so the rows, the search index
//! and the database size are exactly what the app makes): `notes` conversations of about 100
//! words drawn from a Zipf-like vocabulary (a few words occur in most notes, most are rare), over
//! 60 mentors, dated backwards from 2026-11-30 a few hours apart.
//!
//! It lives in /dev/shm when there is one: seeding commits one transaction per note, and fsync on
//! a laptop disk would make the setup, not the measurement, take the time.

#![allow(dead_code)] // each bench uses part of it

use chrono::{Duration, NaiveDate};
use journal::{ConversationInput, Journal, KdfParams, MentorId, MentorInput, Passphrase, Vault};
use tempfile::TempDir;

pub const MENTORS: usize = 60;

/// A small deterministic generator (xorshift64*), so every run seeds the same journal.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The vocabulary, most frequent first: real mentoring words at the top, made-up ones below.
pub fn vocabulary() -> Vec<String> {
    let common = [
        "mentor",
        "research",
        "the",
        "residency",
        "patient",
        "feedback",
        "goal",
        "project",
        "abstract",
        "career",
        "clinic",
        "meeting",
        "paper",
        "teaching",
        "leadership",
        "fellowship",
    ];
    let mut words: Vec<String> = common.iter().map(|w| (*w).to_owned()).collect();
    let syllables = [
        "ka", "lo", "mi", "ren", "sa", "tu", "vel", "dor", "pha", "qui",
    ];
    let mut i = 0usize;
    while words.len() < 20_000 {
        let w: String = (0..3)
            .map(|k| syllables[(i / 10usize.pow(k)) % syllables.len()])
            .collect::<String>()
            + &format!("{}", i % 7);
        words.push(w);
        i += 1;
    }
    words
}

/// A word by Zipf-like rank: rank r with probability about 1/r.
pub fn zipf<'a>(rng: &mut Rng, words: &'a [String]) -> &'a str {
    let n = words.len() as f64;
    let rank = (n.powf(rng.unit()) as usize).saturating_sub(1);
    &words[rank.min(words.len() - 1)]
}

pub fn scratch_dir() -> TempDir {
    if std::path::Path::new("/dev/shm").is_dir() {
        tempfile::tempdir_in("/dev/shm").expect("temp dir")
    } else {
        tempfile::tempdir().expect("temp dir")
    }
}

/// The seeded journals' passphrase (their KDF is the cheap one of tests).
pub fn passphrase() -> Passphrase {
    Passphrase::new("correct horse battery staple")
}

/// A new encrypted journal in `dir` with the mentors and no notes yet.
pub fn journal(dir: &std::path::Path) -> (Journal, Vec<MentorId>) {
    let (journal, _) =
        Vault::create_with(dir, &passphrase(), KdfParams::cheap_for_tests()).expect("create");
    let mentors = (0..MENTORS)
        .map(|i| {
            journal
                .add_mentor(&MentorInput::named(format!("Dr. Mentor {i:02}")))
                .expect("mentor")
                .id
        })
        .collect();
    (journal, mentors)
}

/// Adds notes number `from..to` (so a bench can grow one journal from 10k to 100k).
pub fn add_notes(journal: &Journal, mentors: &[MentorId], from: usize, to: usize) {
    let words = vocabulary();
    let mut rng = Rng::new(0x5eed ^ from as u64);
    let newest = NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap();
    for n in from..to {
        let body: Vec<&str> = (0..100).map(|_| zipf(&mut rng, &words)).collect();
        journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: Some(mentors[n % mentors.len()]),
                    occurred_at: Some(newest - Duration::hours(3 * n as i64)),
                    title: format!("Meeting {n}"),
                    body: body.join(" "),
                    ..ConversationInput::default()
                },
                false,
            )
            .expect("note");
    }
}
