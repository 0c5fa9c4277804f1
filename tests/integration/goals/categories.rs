//! Goal categories: the user's own list, renamed and removed with their goals moved.

use super::{goal, goal_count, vault};
use journal::{ErrorCode, Journal};

#[test]
fn goal_categories_are_the_users_list_and_removing_one_moves_its_goals() {
    let (_dir, journal) = vault();
    let defaults = journal.goal_categories().unwrap();
    assert_eq!(
        defaults,
        [
            "Skill development",
            "Research",
            "Career planning",
            "Networking",
            "Leadership",
            "Work-life balance",
            "Well-being"
        ]
    );
    let teaching = journal.add_goal_category("  Teaching ").unwrap();
    assert_eq!(
        (teaching.name.as_str(), teaching.builtin, teaching.goals),
        ("Teaching", false, 0)
    );
    for (name, field) in [("teaching", "name"), ("RESEARCH", "name"), ("   ", "name")] {
        let err = journal.add_goal_category(name).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (ErrorCode::Validation, Some(field)),
            "{name:?}"
        );
    }
    assert_eq!(
        journal
            .add_goal_category(&"x".repeat(81))
            .unwrap_err()
            .field(),
        Some("name")
    );

    let research = |j: &Journal| {
        j.list_goal_categories()
            .unwrap()
            .into_iter()
            .find(|c| c.name.eq_ignore_ascii_case("research") || c.name == "Research & audit")
            .unwrap()
    };
    let mut input = goal("Publish the audit", "2026-01-10", None, vec![]);
    input.category = "research".into();
    let audit = journal.add_goal(&input).unwrap();
    assert_eq!(
        audit.category.as_deref(),
        Some("Research"),
        "picked case-insensitively"
    );
    input.title = "Write a case report".into();
    let case_report = journal.add_goal(&input).unwrap();
    assert_eq!(research(&journal).goals, 2);

    // Renaming shows on every goal; a default keeps its place; another name's clash is refused.
    let renamed = journal
        .rename_goal_category(research(&journal).id, "Research & audit")
        .unwrap();
    assert!(renamed.builtin);
    assert_eq!(journal.goal_categories().unwrap()[1], "Research & audit");
    assert_eq!(
        journal.goal(audit.id).unwrap().category.as_deref(),
        Some("Research & audit")
    );
    assert_eq!(
        journal
            .rename_goal_category(renamed.id, "teaching")
            .unwrap_err()
            .field(),
        Some("name")
    );
    assert_eq!(
        journal
            .rename_goal_category(teaching.id, "TEACHING")
            .unwrap()
            .name,
        "TEACHING",
        "a change of case alone is fine"
    );

    // In use: refused without a destination, and nothing changes.
    let err = journal.delete_goal_category(renamed.id, None).unwrap_err();
    assert_eq!(err.field(), Some("moveTo"));
    assert!(err.to_string().contains("2 goals"), "{err}");
    assert_eq!(
        journal
            .delete_goal_category(renamed.id, Some(renamed.id))
            .unwrap_err()
            .field(),
        Some("moveTo")
    );
    assert_eq!(
        journal
            .delete_goal_category(renamed.id, Some(journal::GoalCategoryId(9_999)))
            .unwrap_err()
            .field(),
        Some("moveTo")
    );
    assert_eq!(research(&journal).goals, 2);

    journal
        .delete_goal_category(renamed.id, Some(teaching.id))
        .unwrap();
    for id in [audit.id, case_report.id] {
        assert_eq!(
            journal.goal(id).unwrap().category.as_deref(),
            Some("TEACHING")
        );
    }
    assert!(
        !journal
            .goal_categories()
            .unwrap()
            .iter()
            .any(|c| c.starts_with("Research"))
    );
    assert_eq!(goal_count(&journal), 2, "no goal lost");

    // Unused: removed outright; gone: NOT_FOUND.
    let networking = journal
        .list_goal_categories()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Networking")
        .unwrap();
    journal.delete_goal_category(networking.id, None).unwrap();
    assert_eq!(
        journal
            .delete_goal_category(networking.id, None)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        journal
            .rename_goal_category(networking.id, "Networking")
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );

    // The list is bounded; a goal typed with a new category past the bound is refused whole.
    let have = journal.list_goal_categories().unwrap().len();
    for i in have..100 {
        journal.add_goal_category(&format!("Area {i}")).unwrap();
    }
    assert_eq!(
        journal
            .add_goal_category("One too many")
            .unwrap_err()
            .field(),
        Some("name")
    );
    let mut input = goal("Learn to teach", "2026-01-10", None, vec![]);
    input.category = "Yet another".into();
    assert_eq!(
        journal.add_goal(&input).unwrap_err().field(),
        Some("category")
    );
    assert_eq!(goal_count(&journal), 2, "the refused goal was not written");
    input.category = "area 50".into();
    assert_eq!(
        journal.add_goal(&input).unwrap().category.as_deref(),
        Some("Area 50"),
        "an existing category is still fine"
    );
    let area = journal
        .list_goal_categories()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Area 50")
        .unwrap();
    assert_eq!(
        journal
            .delete_goal_category(area.id, None)
            .unwrap_err()
            .to_string(),
        "1 goal uses “Area 50”: choose a category to move it to."
    );
}
