//! Private reflections, well-being over time and the calendar (issue 18) on real encrypted
//! journals with a fixed clock: a reflection is asked for and a forgotten mentor is still refused,
//! search filters to the reflections alone, and what was written survives a lock and a JSON export
//! into a new journal as reflections, found by the same filter and counted by the same views.

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    ActionItemInput, Clock, ConversationInput, ErrorCode, Journal, MentorId, MentorInput,
    NoteScope, SearchKind, SearchQuery, Vault,
};

use crate::{fast_kdf, passphrase};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    format!("{s}T21:00:00").parse().unwrap()
}

fn vault(today: &str) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    (dir, journal.with_clock(Clock::on(day(today))))
}

fn reflection(on: &str, body: &str, energy: u8, stress: u8) -> ConversationInput {
    ConversationInput {
        reflection: Some(true),
        occurred_at: Some(at(on)),
        body: body.into(),
        energy: Some(energy),
        stress: Some(stress),
        ..ConversationInput::default()
    }
}

fn meeting(mentor: MentorId, on: &str, body: &str) -> ConversationInput {
    ConversationInput {
        mentor_id: Some(mentor),
        occurred_at: Some(at(on)),
        body: body.into(),
        ..ConversationInput::default()
    }
}

fn field_of(err: journal::Error) -> (ErrorCode, Option<String>) {
    (err.code(), err.field().map(str::to_owned))
}

fn search(journal: &Journal, text: &str, reflections: bool) -> Vec<i64> {
    journal
        .search(&SearchQuery {
            text: text.into(),
            reflections: Some(reflections),
            ..SearchQuery::default()
        })
        .unwrap()
        .into_iter()
        .map(|hit| {
            assert_eq!(hit.kind, SearchKind::Conversation);
            hit.item_id
        })
        .collect()
}

#[test]
fn a_reflection_is_asked_for_and_a_forgotten_mentor_is_still_refused() {
    let (_dir, journal) = vault("2026-03-10");
    let osei = journal
        .add_mentor(&MentorInput::named("Dr. Osei"))
        .unwrap()
        .id;

    let forgot = ConversationInput {
        body: "We met about the abstract.".into(),
        ..ConversationInput::default()
    };
    assert_eq!(
        field_of(journal.add_conversation(&forgot, false).unwrap_err()),
        (ErrorCode::Validation, Some("mentorId".into())),
        "no mentor and no word that it is a reflection: the mentor was forgotten"
    );
    let both = ConversationInput {
        mentor_id: Some(osei),
        ..reflection("2026-03-09", "Both?", 3, 3)
    };
    assert_eq!(
        field_of(journal.add_conversation(&both, false).unwrap_err()),
        (ErrorCode::Validation, Some("mentorId".into())),
        "a reflection is about no single mentor"
    );
    assert!(
        journal
            .list_conversations(NoteScope::All, 10)
            .unwrap()
            .is_empty()
    );

    // A reflection brings its action items, which belong to no mentor.
    let mut own = reflection("2026-03-09", "A hard week of nights.", 2, 4);
    own.takeaways = vec!["Ask for a lighter rota".into()];
    own.action_items = vec![ActionItemInput {
        title: "Book a day off".into(),
        due_on: Some(day("2026-03-20")),
        mentor_id: Some(osei),
        ..ActionItemInput::default()
    }];
    let saved = journal.add_conversation(&own, false).unwrap();
    assert_eq!(saved.mentor_id, None);
    let items = journal
        .list_action_items(&journal::ActionItemFilter::default(), journal.today())
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].mentor_id, None,
        "a reflection's item is the note's: no mentor"
    );

    // A meeting note can become a reflection and back, saying so each time.
    let note = journal
        .add_conversation(&meeting(osei, "2026-03-08", "Career talk."), false)
        .unwrap();
    let moved = journal
        .update_conversation(
            note.id,
            &reflection("2026-03-08", "Career, alone.", 3, 2),
            false,
        )
        .unwrap();
    assert_eq!(moved.mentor_id, None);
    assert_eq!(
        journal.list_conversations(osei, 10).unwrap().len(),
        0,
        "no longer among the mentor's notes"
    );
    assert_eq!(
        journal
            .list_conversations(NoteScope::Reflections, 10)
            .unwrap()
            .len(),
        2
    );
    let back = journal
        .update_conversation(note.id, &meeting(osei, "2026-03-08", "Career talk."), false)
        .unwrap();
    assert_eq!(back.mentor_id, Some(osei));
}

#[test]
fn search_filters_to_the_reflections_newest_first_and_never_with_a_mentor() {
    let (_dir, journal) = vault("2026-03-10");
    let osei = journal
        .add_mentor(&MentorInput::named("Dr. Osei"))
        .unwrap()
        .id;
    let older = journal
        .add_conversation(
            &reflection("2025-11-02", "Nights again, tired.", 2, 4),
            false,
        )
        .unwrap()
        .id;
    let met = journal
        .add_conversation(&meeting(osei, "2026-01-15", "Nights and the rota."), false)
        .unwrap()
        .id;
    let newer = journal
        .add_conversation(&reflection("2026-03-01", "After the nights.", 4, 2), false)
        .unwrap()
        .id;
    let draft = reflection("2026-03-09", "Nights draft", 1, 5);
    journal.add_conversation(&draft, true).unwrap();

    assert_eq!(search(&journal, "nights", false), [newer.0, met.0, older.0]);
    assert_eq!(
        search(&journal, "nights", true),
        [newer.0, older.0],
        "only the reflections, newest first, the draft left out"
    );
    assert_eq!(
        search(&journal, "nig", true),
        [newer.0, older.0],
        "as you type"
    );
    assert!(search(&journal, "rota", true).is_empty());
    assert!(
        search(&journal, "reflection", false).is_empty(),
        "the filter's token is not text anyone wrote"
    );
    let both = journal
        .search(&SearchQuery {
            text: "nights".into(),
            mentor_id: Some(osei),
            reflections: Some(true),
            ..SearchQuery::default()
        })
        .unwrap_err();
    assert_eq!(
        field_of(both),
        (ErrorCode::Validation, Some("reflections".into()))
    );
    let dated = journal
        .search(&SearchQuery {
            text: "nights".into(),
            reflections: Some(true),
            from: Some(day("2026-01-01")),
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(dated.len(), 1, "a date range and the filter together");
}

#[test]
fn reflections_and_their_ratings_survive_a_lock_and_an_export_into_a_new_journal() {
    let (dir, journal) = vault("2026-03-10");
    let osei = journal
        .add_mentor(&MentorInput::named("Dr. Osei"))
        .unwrap()
        .id;
    journal
        .add_conversation(&reflection("2026-02-03", "Nights began.", 2, 4), false)
        .unwrap();
    journal
        .add_conversation(
            &reflection("2026-02-20", "Nights, week three.", 1, 5),
            false,
        )
        .unwrap();
    journal
        .add_conversation(&meeting(osei, "2026-01-12", "Work-life balance."), false)
        .unwrap();
    let before = journal.wellbeing(journal.today(), 3).unwrap();
    let feb = &before.months[1];
    assert_eq!(
        (
            feb.month.as_str(),
            feb.energy,
            feb.stress,
            feb.checks,
            feb.reflections
        ),
        ("2026-02", Some(1.5), Some(4.5), 2, 2)
    );
    assert_eq!(
        before.activity.series[0].counts,
        [1, 0, 0],
        "met in January, not once since nights began"
    );

    journal.lock();
    let journal = Vault::unlock(dir.path(), &passphrase())
        .unwrap()
        .with_clock(Clock::on(day("2026-03-10")));
    assert_eq!(journal.wellbeing(journal.today(), 3).unwrap(), before);
    let month = journal.calendar_month(2026, 2, journal.today()).unwrap();
    assert_eq!(month.days[2].reflections.len(), 1);
    assert_eq!(month.days[2].reflections[0].excerpt, "Nights began.");

    let mut json = Vec::new();
    journal.export_json(&mut json).unwrap();
    let other = tempfile::tempdir().unwrap();
    let (fresh, _) = Vault::create_with(other.path(), &passphrase(), fast_kdf()).unwrap();
    let fresh = fresh.with_clock(Clock::on(day("2026-03-10")));
    fresh.import_json(&json).unwrap();
    assert_eq!(
        search(&fresh, "nights", true).len(),
        2,
        "the imported notes without a mentor are reflections to search too"
    );
    assert_eq!(fresh.wellbeing(fresh.today(), 3).unwrap(), before);
    assert_eq!(
        fresh
            .list_conversations(NoteScope::Reflections, 10)
            .unwrap()
            .len(),
        2
    );
}
