//! The meeting prep sheet for one mentor.

use super::{day, goal, mentor, note, review, vault};
use journal::{
    ActionItemInput, ActionStatus, CadenceStatus, ConversationInput, GoalStatus, GoalStatusChange,
    MentorId, Owner, SearchKind, SearchQuery,
};

#[test]
fn the_prep_sheet_gathers_what_to_bring_to_one_mentor() {
    let (_dir, journal) = vault();
    let today = day("2026-03-10");
    let osei = mentor(&journal, "Dr. Osei", &["Research"], Some(14));
    let park = mentor(&journal, "Dr. Park", &[], None);
    for (on, takeaway) in [
        ("2026-01-05", "oldest"),
        ("2026-02-01", "second"),
        ("2026-02-20", "third"),
        ("2026-03-03", "newest"),
    ] {
        note(&journal, osei, on, &[takeaway]);
    }
    note(&journal, park, "2026-03-09", &["Park's advice"]);
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(osei),
                body: "half-written draft".into(),
                takeaways: vec!["draft takeaway".into()],
                ..ConversationInput::default()
            },
            true,
        )
        .unwrap();

    let mine = journal
        .add_action_item(&ActionItemInput {
            title: "Send the draft".into(),
            mentor_id: Some(osei),
            ..ActionItemInput::default()
        })
        .unwrap();
    let theirs = journal
        .add_action_item(&ActionItemInput {
            title: "Introduce me to the stats group".into(),
            owner: Some(Owner::Mentor),
            mentor_id: Some(osei),
            due_on: Some(day("2026-03-01")),
            ..ActionItemInput::default()
        })
        .unwrap();
    let done = journal
        .add_action_item(&ActionItemInput {
            title: "Already done".into(),
            mentor_id: Some(osei),
            ..ActionItemInput::default()
        })
        .unwrap();
    journal
        .set_action_status(done.id, ActionStatus::Done)
        .unwrap();
    journal
        .add_action_item(&ActionItemInput {
            title: "For Park".into(),
            mentor_id: Some(park),
            ..ActionItemInput::default()
        })
        .unwrap();

    let active = journal
        .add_goal(&goal(
            "Registry paper",
            "2026-01-01",
            None,
            vec![osei, park],
        ))
        .unwrap();
    journal
        .review_goal(active.id, &review("2026-03-01", 45, ""))
        .unwrap();
    let achieved = journal
        .add_goal(&goal("Poster", "2026-01-01", None, vec![osei]))
        .unwrap();
    journal
        .set_goal_status(
            achieved.id,
            &GoalStatusChange {
                status: GoalStatus::Achieved,
                on: None,
                note: "Presented".into(),
            },
        )
        .unwrap();
    journal
        .add_goal(&goal("Park only", "2026-01-01", None, vec![park]))
        .unwrap();

    let q1 = journal
        .add_question(osei, "How do I pick a fellowship?")
        .unwrap();
    let q2 = journal
        .add_question(osei, "Is a research year worth it?")
        .unwrap();
    journal.add_question(park, "Park question").unwrap();
    journal.set_question_discussed(q2.id, Some(today)).unwrap();
    assert_eq!(
        journal.add_question(osei, "  ").unwrap_err().field(),
        Some("text")
    );
    assert_eq!(
        journal
            .add_question(MentorId(999), "Who?")
            .unwrap_err()
            .field(),
        Some("mentorId")
    );

    let sheet = journal.prep_sheet(osei, today).unwrap();
    assert_eq!(sheet.mentor.name, "Dr. Osei");
    assert_eq!(sheet.last_met, Some(day("2026-03-03")));
    assert_eq!(sheet.cadence, CadenceStatus::OnTrack { due_in_days: 7 });
    let items: Vec<_> = sheet.action_items.iter().map(|i| i.id).collect();
    assert_eq!(
        items,
        [theirs.id, mine.id],
        "open ones both ways, dated first"
    );
    assert!(sheet.action_items[0].overdue);
    assert_eq!(
        sheet
            .goals
            .iter()
            .map(|g| (g.title.as_str(), g.progress))
            .collect::<Vec<_>>(),
        [("Registry paper", 45)]
    );
    let recent: Vec<_> = sheet.recent.iter().map(|c| c.takeaways.join(",")).collect();
    assert_eq!(
        recent,
        ["newest", "third", "second"],
        "the last three, no drafts"
    );
    assert_eq!(
        sheet.questions.iter().map(|q| q.id).collect::<Vec<_>>(),
        [q1.id],
        "discussed questions are off the sheet"
    );

    let all = journal.list_questions(osei, 10).unwrap();
    assert_eq!(all.iter().map(|q| q.id).collect::<Vec<_>>(), [q1.id, q2.id]);
    assert_eq!(all[1].discussed_on, Some(today));
    journal.set_question_discussed(q2.id, None).unwrap();
    assert_eq!(journal.prep_sheet(osei, today).unwrap().questions.len(), 2);
    journal.delete_question(q1.id).unwrap();
    assert_eq!(journal.prep_sheet(osei, today).unwrap().questions.len(), 1);

    let hits = journal
        .search(&SearchQuery {
            text: "research year".into(),
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, SearchKind::Question);
    assert_eq!(hits[0].mentor_id, Some(osei));
}
