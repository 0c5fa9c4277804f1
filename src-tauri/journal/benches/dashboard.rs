#![allow(clippy::expect_used, clippy::unwrap_used)] // a bench that cannot set up should stop loudly
//! The review dashboard on a large journal: 50 mentors, 20,000 conversations, 2,000 goals (with
//! milestones and reviews) and 20,000 action items, written through the public API so the data
//! and the indexes are exactly what the app produces. Target: under 20 ms for the whole load.
//!
//! The journal lives in /dev/shm when there is one: seeding makes ~60,000 committed transactions,
//! and fsync on a laptop disk would make the setup, not the measurement, take minutes.

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use journal::{
    ActionItemInput, ActionStatus, ConversationInput, GoalInput, GoalStatus, GoalStatusChange,
    KdfParams, MentorId, MentorInput, MentorStatus, Owner, Passphrase, ReviewInput, StatusChange,
    Vault,
};
use std::time::Instant;

const MENTORS: usize = 50;
const CONVERSATIONS: usize = 20_000;
const GOALS: usize = 2_000;
const ACTION_ITEMS: usize = 20_000;
const AREAS: &[&str] = &[
    "Clinical skills",
    "Research",
    "Career",
    "Leadership",
    "Teaching",
];

fn day(base: NaiveDate, offset: i64) -> NaiveDate {
    if offset >= 0 {
        base + Days::new(offset as u64)
    } else {
        base - Days::new(offset.unsigned_abs())
    }
}

fn dashboard(c: &mut Criterion) {
    let dir = if std::path::Path::new("/dev/shm").is_dir() {
        tempfile::tempdir_in("/dev/shm").expect("temp dir")
    } else {
        tempfile::tempdir().expect("temp dir")
    };
    let fast = KdfParams::cheap_for_tests();
    let (journal, _) = Vault::create_with(
        dir.path(),
        &Passphrase::new("correct horse battery staple"),
        fast,
    )
    .expect("create");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let started = Instant::now();

    let mentors: Vec<MentorId> = (0..MENTORS)
        .map(|i| {
            let m = journal
                .add_mentor(&MentorInput {
                    focus_areas: vec![AREAS[i % AREAS.len()].into()],
                    cadence_days: Some(14 + (i as u32 % 5) * 7),
                    ..MentorInput::named(format!("Dr. Mentor {i:02}"))
                })
                .unwrap();
            if i % 10 == 9 {
                journal
                    .set_mentor_status(
                        m.id,
                        &StatusChange {
                            status: MentorStatus::Ended,
                            on: Some(today),
                            note: String::new(),
                        },
                    )
                    .unwrap();
            }
            m.id
        })
        .collect();

    // Ten years of conversations, spread over the mentors, two takeaways each.
    for i in 0..CONVERSATIONS {
        let on = day(today, -((i * 3650 / CONVERSATIONS) as i64));
        journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: Some(mentors[i % MENTORS]),
                    occurred_at: on.and_hms_opt(8 + (i % 10) as u32, 0, 0),
                    title: format!("Conversation {i}"),
                    body: "We talked about the next rotation, a paper, and how the nights went."
                        .into(),
                    takeaways: vec!["Ask for feedback early".into(), "Block study time".into()],
                    ..ConversationInput::default()
                },
                false,
            )
            .unwrap();
    }

    // Goals over the years: most finished, a quarter active; milestones and reviews on each.
    for i in 0..GOALS {
        let set_on = day(today, -((i * 3000 / GOALS) as i64) - 30);
        let g = journal
            .add_goal(&GoalInput {
                set_on: Some(set_on),
                target_date: Some(day(set_on, 60 + (i % 200) as i64)),
                category: "Research".into(),
                mentor_ids: vec![mentors[i % MENTORS], mentors[(i * 7) % MENTORS]],
                ..GoalInput::titled(format!("Goal {i}"))
            })
            .unwrap();
        for m in 0..3 {
            let milestone = journal.add_milestone(g.id, &format!("Step {m}")).unwrap();
            if m < i % 4 {
                journal
                    .set_milestone_done(milestone.id, Some(day(set_on, 10 * (m as i64 + 1))))
                    .unwrap();
            }
        }
        for r in 0..3 {
            journal
                .review_goal(
                    g.id,
                    &ReviewInput {
                        reviewed_on: Some(day(set_on, 14 * (r + 1))),
                        progress: (r + 1) * 25,
                        note: "Steady".into(),
                        ..ReviewInput::default()
                    },
                )
                .unwrap();
        }
        if i % 4 != 0 {
            journal
                .set_goal_status(
                    g.id,
                    &GoalStatusChange {
                        status: GoalStatus::Achieved,
                        on: Some(day(set_on, 50)),
                        note: "Done".into(),
                    },
                )
                .unwrap();
        }
    }

    // Action items: four in five done; the open ones due from a year ago to a year ahead.
    for i in 0..ACTION_ITEMS {
        let item = journal
            .add_action_item(&ActionItemInput {
                title: format!("Item {i}"),
                due_on: Some(day(today, (i % 730) as i64 - 365)),
                owner: Some(if i % 3 == 0 { Owner::Mentor } else { Owner::Me }),
                mentor_id: Some(mentors[i % MENTORS]),
                ..ActionItemInput::default()
            })
            .unwrap();
        if i % 5 != 0 {
            journal
                .set_action_status(item.id, ActionStatus::Done)
                .unwrap();
        }
    }
    eprintln!(
        "seeded the large journal in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let loaded = journal.dashboard(today).unwrap();
    eprintln!(
        "dashboard: {} goal cards of {} active, {} mentors, {} items ({} overdue, {} this week), {} activity series",
        loaded.goals.len(),
        loaded.active_goals,
        loaded.mentors.len(),
        loaded.action_items.len(),
        loaded.overdue_items,
        loaded.items_due_this_week,
        loaded.activity.series.len()
    );

    let mut group = c.benchmark_group("dashboard");
    group.bench_function(
        "load (50 mentors, 20k conversations, 2k goals, 20k action items)",
        |b| b.iter(|| journal.dashboard(today).unwrap()),
    );
    group.bench_function("prep sheet (one mentor of the same journal)", |b| {
        b.iter(|| journal.prep_sheet(mentors[0], today).unwrap())
    });
    group.finish();
}

criterion_group!(benches, dashboard);
criterion_main!(benches);
