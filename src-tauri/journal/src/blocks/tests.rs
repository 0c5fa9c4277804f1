//! Blocks on a real encrypted journal with a fixed clock: the checks, the chosen mentors, and
//! what deleting a mentor or a block leaves.

use chrono::NaiveDate;

use super::{BlockId, BlockInput};
use crate::error::ErrorCode;
use crate::{Clock, Journal, MentorId, MentorInput};

fn feb(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 2, d).unwrap()
}

fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let journal = crate::test_journal(dir.path()).with_clock(Clock::on(feb(10)));
    (dir, journal)
}

use crate::validation_field as field;

#[test]
fn a_block_needs_a_title_and_an_end_not_before_its_start() {
    let (_dir, j) = journal();
    let mut input = BlockInput::pausing(" ", feb(1), feb(28));
    assert_eq!(field(j.add_block(&input).unwrap_err()), "title");
    input.title = "ICU nights".into();
    input.ends_on = feb(1) - chrono::Days::new(1);
    assert_eq!(field(j.add_block(&input).unwrap_err()), "endsOn");
    input.ends_on = feb(1);
    let one_day = j.add_block(&input).unwrap();
    assert_eq!(
        (one_day.starts_on, one_day.ends_on),
        (feb(1), feb(1)),
        "a one-day block"
    );
    assert_eq!(one_day.created_at, j.now());
    input.starts_on = NaiveDate::from_ymd_opt(1949, 12, 31).unwrap();
    assert_eq!(field(j.add_block(&input).unwrap_err()), "startsOn");
    input.starts_on = feb(1);
    input.note = "n".repeat(20_001);
    assert_eq!(
        field(j.update_block(one_day.id, &input).unwrap_err()),
        "note"
    );
    assert_eq!(
        j.block(one_day.id).unwrap(),
        one_day,
        "a refused edit changes nothing"
    );
    assert_eq!(
        j.block(BlockId(9_999)).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_block_for_chosen_mentors_names_existing_ones_and_keeps_each_once() {
    let (_dir, j) = journal();
    let ada = j.add_mentor(&MentorInput::named("Dr. Ada")).unwrap().id;
    let bo = j.add_mentor(&MentorInput::named("Dr. Bo")).unwrap().id;
    let base = BlockInput::pausing("Research block", feb(1), feb(28));
    assert_eq!(
        field(j.add_block(&base.clone().for_mentors(&[])).unwrap_err()),
        "mentorIds",
        "chosen mentors, but none chosen"
    );
    assert_eq!(
        field(
            j.add_block(&base.clone().for_mentors(&[ada, MentorId(9_999)]))
                .unwrap_err()
        ),
        "mentorIds"
    );
    let b = j
        .add_block(&base.clone().for_mentors(&[bo, ada, bo]))
        .unwrap();
    assert!(!b.all_mentors);
    assert_eq!(b.mentor_ids, [ada, bo]);
    assert!(b.pauses(ada) && !b.pauses(MentorId(9_999)));

    let mut everyone = base.clone();
    everyone.mentor_ids = vec![ada];
    let updated = j.update_block(b.id, &everyone).unwrap();
    assert!(updated.all_mentors);
    assert!(
        updated.mentor_ids.is_empty(),
        "ids given with every mentor are not kept"
    );

    let b = j.update_block(b.id, &base.for_mentors(&[ada, bo])).unwrap();
    j.delete_mentor(bo).unwrap();
    assert_eq!(
        j.block(b.id).unwrap().mentor_ids,
        [ada],
        "a deleted mentor leaves the block"
    );
}

#[test]
fn blocks_list_earliest_first_and_deleting_one_keeps_the_others() {
    let (_dir, j) = journal();
    let later = j
        .add_block(&BlockInput::pausing("Leave", feb(20), feb(27)))
        .unwrap();
    let mut rotation = BlockInput::pausing("Cardiology", feb(1), feb(28));
    rotation.pauses_cadence = false;
    let earlier = j.add_block(&rotation).unwrap();
    let ids: Vec<_> = j.list_blocks().unwrap().into_iter().map(|b| b.id).collect();
    assert_eq!(ids, [earlier.id, later.id]);
    let pausing: Vec<_> = j
        .pausing_blocks()
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(
        pausing,
        [later.id],
        "the cadence rule reads only pausing blocks"
    );
    j.delete_block(later.id).unwrap();
    assert_eq!(j.list_blocks().unwrap(), [earlier]);
    assert_eq!(
        j.delete_block(later.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}
