//! Conversation notes, drafts, action items and search, on real encrypted vaults.

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    ActionItemFilter, ActionItemInput, ActionStatus, Channel, ConversationId, ConversationInput,
    ErrorCode, Journal, MentorId, MentorInput, Owner, SearchKind, SearchQuery, Vault,
};

use crate::{fast_kdf, passphrase};

fn at(day: &str) -> NaiveDateTime {
    day.parse::<NaiveDate>()
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

fn note(mentor: MentorId, body: &str) -> ConversationInput {
    ConversationInput {
        mentor_id: Some(mentor),
        body: body.into(),
        ..Default::default()
    }
}

fn journal_with_mentor() -> (tempfile::TempDir, Journal, MentorId) {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    let mentor = journal
        .add_mentor(&MentorInput::named("Dr. Amara Osei"))
        .unwrap()
        .id;
    (dir, journal, mentor)
}

#[test]
fn a_note_round_trips_with_takeaways_rendered_markdown_and_wellbeing() {
    let (_dir, journal, mentor) = journal_with_mentor();
    let saved = journal
        .add_conversation(
            &ConversationInput {
                occurred_at: Some(at("2026-03-02")),
                channel: Some(Channel::Coffee),
                duration_minutes: Some(45),
                title: "Career talk".into(),
                takeaways: vec![
                    "Ask for the research elective".into(),
                    "  ".into(),
                    "Update the CV".into(),
                ],
                energy: Some(2),
                stress: Some(4),
                ..note(
                    mentor,
                    "We discussed **fellowship** options.\n\n<script>alert(1)</script>",
                )
            },
            false,
        )
        .unwrap();
    let loaded = journal.conversation(saved.id).unwrap();
    assert_eq!(loaded, saved);
    assert_eq!(
        loaded.takeaways,
        ["Ask for the research elective", "Update the CV"],
        "blank takeaways dropped"
    );
    assert!(loaded.body_html.contains("<strong>fellowship</strong>"));
    assert!(
        !loaded.body_html.contains("<script"),
        "rendered HTML is sanitised"
    );
    assert_eq!((loaded.energy, loaded.stress), (Some(2), Some(4)));
}

#[test]
fn notes_are_validated_and_nothing_is_written_on_refusal() {
    let (_dir, journal, mentor) = journal_with_mentor();
    let cases = [
        (ConversationInput::default(), "mentorId"),
        (
            ConversationInput {
                mentor_id: Some(MentorId(9999)),
                ..Default::default()
            },
            "mentorId",
        ),
        (
            ConversationInput {
                energy: Some(6),
                ..note(mentor, "x")
            },
            "energy",
        ),
        (
            ConversationInput {
                stress: Some(0),
                ..note(mentor, "x")
            },
            "stress",
        ),
        (
            ConversationInput {
                duration_minutes: Some(0),
                ..note(mentor, "x")
            },
            "durationMinutes",
        ),
        (
            ConversationInput {
                occurred_at: Some(at("2400-01-01")),
                ..note(mentor, "x")
            },
            "occurredAt",
        ),
        (note(mentor, &"a".repeat(1024 * 1024 + 1)), "body"),
    ];
    for (input, field) in cases {
        let err = journal.add_conversation(&input, false).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (ErrorCode::Validation, Some(field)),
            "{err}"
        );
    }
    assert!(journal.list_conversations(None, 100).unwrap().is_empty());
    assert!(journal.list_drafts().unwrap().is_empty());
    let big = "b".repeat(1024 * 1024);
    assert!(
        journal.add_conversation(&note(mentor, &big), false).is_ok(),
        "exactly 1 MB is accepted"
    );
}

#[test]
fn drafts_are_kept_apart_until_finished_then_edit_and_delete_work() {
    let (_dir, journal, mentor) = journal_with_mentor();
    let draft = journal
        .add_conversation(&note(mentor, "half a thought about grants"), true)
        .unwrap();
    assert!(draft.is_draft);
    assert_eq!(journal.list_drafts().unwrap().len(), 1);
    assert!(
        journal.list_conversations(None, 10).unwrap().is_empty(),
        "drafts are not in the timeline"
    );
    assert!(
        journal
            .search(&SearchQuery {
                text: "grants".into(),
                ..Default::default()
            })
            .unwrap()
            .is_empty()
    );

    let done = journal
        .update_conversation(
            draft.id,
            &note(mentor, "a whole thought about grants"),
            false,
        )
        .unwrap();
    assert!(!done.is_draft);
    assert!(journal.list_drafts().unwrap().is_empty());
    assert_eq!(
        journal
            .search(&SearchQuery {
                text: "grants".into(),
                ..Default::default()
            })
            .unwrap()
            .len(),
        1
    );

    journal.delete_conversation(done.id).unwrap();
    assert_eq!(
        journal.conversation(done.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(
        journal
            .search(&SearchQuery {
                text: "grants".into(),
                ..Default::default()
            })
            .unwrap()
            .is_empty()
    );
}

#[test]
fn action_items_from_a_note_are_listed_by_due_date_and_ticked() {
    let (_dir, journal, mentor) = journal_with_mentor();
    let conv = journal
        .add_conversation(&note(mentor, "CV and letter"), false)
        .unwrap();
    let day = |s: &str| Some(s.parse::<NaiveDate>().unwrap());
    let cv = journal
        .add_action_item(&ActionItemInput {
            title: "Revise CV".into(),
            due_on: day("2026-03-10"),
            conversation_id: Some(conv.id),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        cv.mentor_id,
        Some(mentor),
        "an item from a note belongs to its mentor"
    );
    journal
        .add_action_item(&ActionItemInput {
            title: "Letter of support".into(),
            due_on: day("2026-04-01"),
            owner: Some(Owner::Mentor),
            mentor_id: Some(mentor),
            ..Default::default()
        })
        .unwrap();
    journal
        .add_action_item(&ActionItemInput {
            title: "Someday: learn R".into(),
            ..Default::default()
        })
        .unwrap();

    let today = "2026-03-20".parse().unwrap();
    let open_items = || {
        journal
            .list_action_items(
                &ActionItemFilter {
                    status: Some(ActionStatus::Open),
                    ..Default::default()
                },
                today,
            )
            .unwrap()
    };
    let open = open_items();
    let view: Vec<_> = open.iter().map(|a| (a.title.as_str(), a.overdue)).collect();
    assert_eq!(
        view,
        [
            ("Revise CV", true),
            ("Letter of support", false),
            ("Someday: learn R", false)
        ]
    );

    let ticked = journal
        .set_action_status(cv.id, ActionStatus::Done)
        .unwrap();
    assert!(ticked.completed_at.is_some() && !ticked.overdue);
    let open = open_items();
    assert_eq!(open.len(), 2);
    let from_note = journal
        .list_action_items(
            &ActionItemFilter {
                conversation_id: Some(conv.id),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    assert_eq!(from_note.len(), 1);

    let err = journal
        .add_action_item(&ActionItemInput {
            title: " ".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("title"));

    journal.delete_conversation(conv.id).unwrap();
    let kept = journal.action_item(cv.id, today).unwrap();
    assert_eq!(
        kept.conversation_id, None,
        "deleting a note keeps its action items, unlinked"
    );
}

/// 5,000 notes: the right ones are found by word, prefix and phrase, filters apply, and the index
/// follows edits and deletions.
#[test]
fn search_over_five_thousand_notes() {
    let (_dir, journal, osei) = journal_with_mentor();
    let lee = journal
        .add_mentor(&MentorInput::named("Dr. Lee"))
        .unwrap()
        .id;
    let topics = [
        "sepsis bundle audit",
        "residency interview tips",
        "night shift fatigue",
        "grant writing basics",
    ];
    let start: NaiveDate = "2024-01-01".parse().unwrap();
    let mut ids = Vec::new();
    for i in 0..5_000u32 {
        let mentor = if i % 2 == 0 { osei } else { lee };
        let day = start + chrono::Duration::days(i64::from(i % 700));
        let topic = topics[(i % 4) as usize];
        let c = journal
            .add_conversation(
                &ConversationInput {
                    occurred_at: Some(day.and_hms_opt(8, 0, 0).unwrap()),
                    title: format!("Meeting {i}"),
                    takeaways: if i == 4_321 {
                        vec!["Apply for the zebrafish fellowship".into()]
                    } else {
                        vec![]
                    },
                    ..note(
                        mentor,
                        &format!("We talked about {topic}. Note number {i}."),
                    )
                },
                false,
            )
            .unwrap();
        ids.push(c.id);
    }
    let find = |q: SearchQuery| journal.search(&q).unwrap();
    let text = |t: &str| SearchQuery {
        text: t.into(),
        limit: Some(500),
        ..Default::default()
    };

    let hits = find(text("zebrafish"));
    assert_eq!(hits.len(), 1, "a word in a takeaway is found");
    assert_eq!(hits[0].kind, SearchKind::Conversation);
    assert!(hits[0].snippet_html.contains("<mark>zebrafish</mark>"));

    assert_eq!(
        find(text("zebraf")).len(),
        1,
        "the last word is a prefix while typing"
    );
    assert_eq!(
        find(text("\"night shift\"")).len(),
        500,
        "a phrase matches 1,250 notes, capped by the limit"
    );
    assert!(
        find(text("\"shift night\"")).is_empty(),
        "a phrase is ordered"
    );
    let all_sepsis = journal
        .search(&SearchQuery {
            text: "sepsis".into(),
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    assert!(
        all_sepsis.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );

    // Sepsis is notes 0, 4, 8, ...: all Dr. Osei's (even numbers); residency (1, 5, 9, ...) all
    // Dr. Lee's. Each mentor's filter keeps that mentor's notes and only those.
    let of = |mentor, word| {
        find(SearchQuery {
            mentor_id: Some(mentor),
            ..text(word)
        })
    };
    assert_eq!(find(text("sepsis")).len(), 500, "sepsis notes exist");
    assert!(
        of(lee, "sepsis").is_empty(),
        "sepsis notes are all Dr. Osei's (even numbers), so none is Dr. Lee's"
    );
    let oseis = of(osei, "sepsis");
    assert_eq!(oseis.len(), 500, "Dr. Osei's filter keeps the sepsis notes");
    assert!(oseis.iter().all(|h| h.mentor_id == Some(osei)));
    let lees = of(lee, "residency");
    assert_eq!(
        lees.len(),
        500,
        "Dr. Lee's filter keeps the residency notes"
    );
    assert!(lees.iter().all(|h| h.mentor_id == Some(lee)));
    assert!(
        of(osei, "residency").is_empty(),
        "residency notes are all Dr. Lee's (odd numbers)"
    );
    let window = find(SearchQuery {
        from: Some("2024-02-01".parse().unwrap()),
        to: Some("2024-02-29".parse().unwrap()),
        ..text("grant")
    });
    assert!(!window.is_empty());
    assert!(
        window
            .iter()
            .all(|h| h.date.is_some_and(|d| d.to_string().starts_with("2024-02")))
    );

    let target = ids[4_321];
    let mut edited = note(lee, "Now about quantum chromodynamics");
    edited.occurred_at = Some(at("2025-05-05"));
    journal.update_conversation(target, &edited, false).unwrap();
    assert!(
        find(text("zebrafish")).is_empty(),
        "the old takeaway is gone from the index"
    );
    assert_eq!(find(text("chromodynamics")).len(), 1);
    journal.delete_conversation(target).unwrap();
    assert!(
        find(text("chromodynamics")).is_empty(),
        "a deleted note is gone from the index"
    );

    assert_eq!(
        find(text("Osei"))[0].kind,
        SearchKind::Mentor,
        "mentors are searchable too"
    );
    // Read as FTS5 syntax, each of these would find thousands of notes; typed, they are plain
    // words, and no note has the words "or", "near" or "and" (nor a word that starts with them).
    for word in ["or", "near", "and"] {
        assert!(find(text(word)).is_empty(), "no note has the word {word:?}");
    }
    for typed in [
        "sepsis OR grant",
        "\"sepsis\" OR \"grant\"",
        "NEAR(sepsis audit)",
        "sepsis AND bundle",
        "grant OR",
    ] {
        assert!(
            find(text(typed)).is_empty(),
            "query syntax in the input is inert: {typed:?} finds only notes with all its words"
        );
    }
}

/// Every page of a timeline, walked as the mentor page walks it: each from the last note shown.
fn walk_pages(journal: &Journal, mentor: Option<MentorId>) -> (Vec<ConversationId>, usize) {
    let mut seen = Vec::new();
    let mut pages = 0;
    let mut after = None;
    loop {
        let (page, more) = journal.conversation_page(mentor, after).unwrap();
        pages += 1;
        assert!(
            more || page.len() <= 50,
            "a last page is never longer than a page"
        );
        if let Some(last) = page.last() {
            after = Some((last.occurred_at, last.id));
        }
        seen.extend(page.iter().map(|c| c.id));
        if !more {
            return (seen, pages);
        }
        assert!(
            !page.is_empty(),
            "a page that says more follows is not empty"
        );
    }
}

#[test]
fn paging_a_timeline_returns_every_note_once_newest_first_even_many_at_one_moment() {
    let (_dir, journal, mentor) = journal_with_mentor();
    let other = journal
        .add_mentor(&MentorInput::named("Dr. Tomasz Wierzbicki"))
        .unwrap()
        .id;
    // 130 notes on 3 days, written in no date order; 70 of them at the very same moment, so
    // page boundaries fall inside a run that only the id can order. Drafts and another
    // mentor's notes are mixed in and must not show.
    let days = ["2025-03-02", "2025-01-15", "2025-02-10"];
    let mut expected = Vec::new();
    for i in 0..130 {
        let day = if i % 13 < 7 { days[0] } else { days[1 + i % 2] };
        let saved = journal
            .add_conversation(
                &ConversationInput {
                    occurred_at: Some(at(day)),
                    ..note(mentor, &format!("note {i}"))
                },
                false,
            )
            .unwrap();
        expected.push((saved.occurred_at, saved.id.0));
        if i % 10 == 0 {
            journal
                .add_conversation(&note(mentor, &format!("draft {i}")), true)
                .unwrap();
            journal
                .add_conversation(
                    &ConversationInput {
                        occurred_at: Some(at(day)),
                        ..note(other, &format!("other {i}"))
                    },
                    false,
                )
                .unwrap();
        }
    }
    expected.sort_by(|a, b| b.cmp(a));
    let expected: Vec<ConversationId> = expected
        .into_iter()
        .map(|(_, id)| ConversationId(id))
        .collect();

    let (seen, pages) = walk_pages(&journal, Some(mentor));
    assert_eq!(
        seen, expected,
        "the pages together are the mentor's finished notes, each once, newest first and by id within a moment"
    );
    assert_eq!(pages, 3, "130 notes are three pages of 50");

    let (all, _) = walk_pages(&journal, None);
    assert_eq!(
        all.len(),
        130 + 13,
        "all mentors' finished notes, no drafts"
    );
    let first = journal.conversation_page(None, None).unwrap().0;
    assert_eq!(
        first.iter().map(|c| c.id).collect::<Vec<_>>(),
        journal
            .list_conversations(None, 50)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>(),
        "the first page is what the newest-50 list was"
    );
}

#[test]
fn paging_says_no_more_on_a_full_last_page_and_walks_on_past_a_deleted_note() {
    let (_dir, journal, mentor) = journal_with_mentor();
    for i in 0..100 {
        journal
            .add_conversation(
                &ConversationInput {
                    occurred_at: Some(at("2025-05-01")),
                    ..note(mentor, &format!("note {i}"))
                },
                false,
            )
            .unwrap();
    }
    let (first, more) = journal.conversation_page(Some(mentor), None).unwrap();
    assert!(more, "50 of 100 shown: more follow");
    let last = first.last().unwrap();
    // The last note shown goes (deleted in another window, or by `mj`) before the next page.
    journal.delete_conversation(last.id).unwrap();
    let (second, more) = journal
        .conversation_page(Some(mentor), Some((last.occurred_at, last.id)))
        .unwrap();
    assert_eq!(second.len(), 50, "the other 50 notes, none skipped");
    assert!(
        !more,
        "a last page that is exactly full says so: no empty page is promised"
    );
    assert!(
        second.iter().all(|c| c.id.0 < last.id.0),
        "the next page starts after the key it was given"
    );
    let (none, more) = journal
        .conversation_page(Some(mentor), Some((second[49].occurred_at, second[49].id)))
        .unwrap();
    assert!(none.is_empty() && !more);
}
