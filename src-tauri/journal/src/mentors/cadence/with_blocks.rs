//! The cadence rule with blocks, every edge with a fixed today. Cadence 14 days throughout, so
//! "due soon" is the last 3 days; without blocks a meeting on 20 January is due on 3 February.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use CadenceStatus::*;
use MentorStatus::Active;

const ME: MentorId = MentorId(1);
const OTHER: MentorId = MentorId(2);

fn jan(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

fn feb(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 2, d).unwrap()
}

fn mar(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn block(id: i64, title: &str, starts_on: NaiveDate, ends_on: NaiveDate) -> Block {
    Block {
        id: BlockId(id),
        title: title.into(),
        starts_on,
        ends_on,
        pauses_cadence: true,
        all_mentors: true,
        mentor_ids: vec![],
        note: String::new(),
        created_at: DateTime::<Utc>::UNIX_EPOCH,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    }
}

fn status(last_met: NaiveDate, today: NaiveDate, blocks: &[Block]) -> CadenceStatus {
    cadence_with_blocks(ME, Active, Some(14), Some(last_met), today, blocks)
}

fn paused(block: &Block, resumes_on: NaiveDate, otherwise: CadenceStatus) -> CadenceStatus {
    Paused {
        block_id: block.id,
        block_title: block.title.clone(),
        until: block.ends_on,
        resumes_on,
        otherwise: Box::new(otherwise),
    }
}

#[test]
fn no_blocks_is_the_rule_without_blocks() {
    for today in [jan(20), feb(1), feb(3), feb(4), mar(31)] {
        assert_eq!(
            status(jan(20), today, &[]),
            cadence_status(Active, Some(14), Some(jan(20)), today),
            "{today}"
        );
    }
}

#[test]
fn a_block_covering_the_due_day_stops_the_clock_where_it_stood() {
    let icu = block(1, "ICU nights", feb(1), feb(28));
    // On 31 January, three days were left; they stay three for the whole block.
    assert_eq!(
        status(jan(20), jan(31), std::slice::from_ref(&icu)),
        DueSoon { due_in_days: 3 }
    );
    for today in [feb(1), feb(3), feb(20), feb(28)] {
        assert_eq!(
            status(jan(20), today, std::slice::from_ref(&icu)),
            paused(&icu, mar(1), DueSoon { due_in_days: 3 }),
            "{today}: due, paused for ICU nights until 28 Feb"
        );
    }
    assert_eq!(
        status(jan(20), mar(2), std::slice::from_ref(&icu)),
        DueSoon { due_in_days: 1 },
        "the clock runs again on 1 March: two more days counted, not 27 days overdue"
    );
    assert_eq!(
        status(jan(20), mar(5), &[icu]),
        Overdue { days_overdue: 2 },
        "the due date moved from 3 February by the 28 paused days, to 3 March"
    );
}

#[test]
fn a_block_that_started_before_the_last_meeting_counts_only_the_days_after_it() {
    let icu = block(1, "ICU nights", feb(1), feb(28));
    // Met on 10 February, during the block: the clock starts on 1 March.
    assert_eq!(
        status(feb(10), feb(20), std::slice::from_ref(&icu)),
        OnTrack { due_in_days: 14 }
    );
    assert_eq!(
        status(feb(10), mar(5), std::slice::from_ref(&icu)),
        OnTrack { due_in_days: 9 }
    );
    // A block wholly before the meeting changes nothing.
    let leave = block(2, "Leave", jan(1), jan(15));
    assert_eq!(
        status(jan(20), feb(10), &[leave]),
        cadence_status(Active, Some(14), Some(jan(20)), feb(10))
    );
}

#[test]
fn overlapping_blocks_pause_each_day_once_and_name_the_one_reaching_furthest() {
    let icu = block(1, "ICU nights", feb(1), feb(14));
    let exams = block(2, "Exams", feb(10), feb(20));
    let both = [icu.clone(), exams.clone()];
    // Paused 1 to 20 February: 20 days, not 14 + 11.
    assert_eq!(status(jan(25), feb(25), &both), DueSoon { due_in_days: 3 });
    // Met 10 January: due 24 January, 7 days overdue when the blocks began.
    assert_eq!(
        status(jan(10), feb(12), &both),
        paused(&exams, feb(21), Overdue { days_overdue: 7 }),
        "inside both, the one that ends last is named"
    );
    assert_eq!(
        status(jan(10), feb(5), &both),
        paused(&icu, feb(21), Overdue { days_overdue: 7 }),
        "inside ICU nights only; the clock runs again after the exams"
    );
    assert_eq!(status(jan(10), feb(21), &both), Overdue { days_overdue: 8 });
}

#[test]
fn adjacent_blocks_pause_without_a_gap() {
    let icu = block(1, "ICU nights", feb(1), feb(14));
    let leave = block(2, "Leave", feb(15), feb(22));
    let both = [icu.clone(), leave.clone()];
    assert_eq!(
        status(jan(10), feb(10), &both),
        paused(&icu, feb(23), Overdue { days_overdue: 7 }),
        "until the end of ICU nights, and back on 23 February after the leave"
    );
    assert_eq!(
        status(jan(10), feb(15), &both),
        paused(&leave, feb(23), Overdue { days_overdue: 7 })
    );
    assert_eq!(status(jan(10), feb(23), &both), Overdue { days_overdue: 8 });
}

#[test]
fn a_block_for_some_mentors_only_pauses_only_them() {
    let icu = block(1, "ICU nights", feb(1), feb(28));
    let mut research = block(2, "Research block", feb(1), feb(28));
    research.all_mentors = false;
    research.mentor_ids = vec![ME];
    let mine = [research.clone()];
    assert_eq!(
        status(jan(10), feb(10), &mine),
        paused(&research, mar(1), Overdue { days_overdue: 7 })
    );
    assert_eq!(
        cadence_with_blocks(OTHER, Active, Some(14), Some(jan(10)), feb(10), &mine),
        Overdue { days_overdue: 17 },
        "another mentor's clock keeps running"
    );
    assert_eq!(
        cadence_with_blocks(
            OTHER,
            Active,
            Some(14),
            Some(jan(10)),
            feb(10),
            &[research, icu.clone()]
        ),
        paused(&icu, mar(1), Overdue { days_overdue: 7 }),
        "a block for everyone still applies to them"
    );
}

#[test]
fn a_block_that_does_not_pause_changes_nothing() {
    let mut rotation = block(1, "Cardiology rotation", feb(1), feb(28));
    rotation.pauses_cadence = false;
    for today in [feb(1), feb(10), mar(5)] {
        assert_eq!(
            status(jan(10), today, std::slice::from_ref(&rotation)),
            cadence_status(Active, Some(14), Some(jan(10)), today),
            "{today}"
        );
    }
}

#[test]
fn a_block_entirely_in_the_future_changes_nothing_yet() {
    let leave = block(1, "Leave", mar(1), mar(10));
    assert_eq!(
        status(jan(20), feb(10), std::slice::from_ref(&leave)),
        Overdue { days_overdue: 7 }
    );
    assert_eq!(
        status(jan(31), feb(10), std::slice::from_ref(&leave)),
        OnTrack { due_in_days: 4 }
    );
    let tomorrow = block(2, "Nights", feb(11), feb(20));
    assert_eq!(
        status(jan(20), feb(10), &[tomorrow]),
        Overdue { days_overdue: 7 }
    );
}

#[test]
fn a_block_ending_today_pauses_today_and_the_clock_runs_tomorrow() {
    let nights = block(1, "Nights", feb(1), feb(10));
    assert_eq!(
        status(jan(10), feb(10), std::slice::from_ref(&nights)),
        paused(&nights, feb(11), Overdue { days_overdue: 7 })
    );
    assert_eq!(
        status(jan(10), feb(11), std::slice::from_ref(&nights)),
        Overdue { days_overdue: 8 }
    );
    let starting = block(2, "Nights", feb(10), feb(12));
    assert_eq!(
        status(jan(10), feb(10), std::slice::from_ref(&starting)),
        paused(&starting, feb(13), Overdue { days_overdue: 16 }),
        "a block starting today pauses today"
    );
}

#[test]
fn on_track_stays_on_track_and_untracked_stays_untracked() {
    let icu = block(1, "ICU nights", feb(1), feb(28));
    assert_eq!(
        status(jan(30), feb(10), std::slice::from_ref(&icu)),
        OnTrack { due_in_days: 13 },
        "one day counted before the block: 13 left, then the clock stopped"
    );
    let never = cadence_with_blocks(
        ME,
        Active,
        Some(14),
        None,
        feb(10),
        std::slice::from_ref(&icu),
    );
    assert_eq!(
        never,
        paused(&icu, mar(1), NeverMet),
        "a first meeting due is paused too"
    );
    for s in [
        MentorStatus::Paused,
        MentorStatus::Ended,
        MentorStatus::Prospective,
    ] {
        assert_eq!(
            cadence_with_blocks(
                ME,
                s,
                Some(14),
                Some(jan(1)),
                feb(10),
                std::slice::from_ref(&icu)
            ),
            NotTracked
        );
    }
}

#[test]
fn paused_mentors_sort_after_those_due_and_before_those_on_track() {
    let icu = block(1, "ICU nights", feb(1), feb(28));
    let mut all = [
        OnTrack { due_in_days: 3 },
        paused(&icu, mar(1), DueSoon { due_in_days: 2 }),
        DueSoon { due_in_days: 7 },
        paused(&icu, mar(1), Overdue { days_overdue: 30 }),
        NotTracked,
    ];
    all.sort_by_key(|s| std::cmp::Reverse(s.urgency()));
    assert_eq!(all[0], DueSoon { due_in_days: 7 });
    assert_eq!(all[1], paused(&icu, mar(1), Overdue { days_overdue: 30 }));
    assert_eq!(all[2], paused(&icu, mar(1), DueSoon { due_in_days: 2 }));
    assert_eq!(all[3], OnTrack { due_in_days: 3 });
}
