//! Templates on a real encrypted journal with a fixed clock: the built-ins a new journal has, the
//! rules for names and takeaways, restoring a deleted built-in, and the mentor's default.

use chrono::NaiveDate;

use super::builtin::BUILTINS;
use super::{TemplateId, TemplateInput};
use crate::error::ErrorCode;
use crate::{Clock, Journal, MentorId, MentorInput};

fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
    let journal = crate::test_journal(dir.path()).with_clock(Clock::on(day));
    (dir, journal)
}

use crate::validation_field as field;

#[test]
fn a_new_journal_has_the_built_ins_in_order_with_prompts_and_takeaways() {
    let (_dir, j) = journal();
    let list = j.list_templates().unwrap();
    let keys: Vec<_> = list
        .iter()
        .map(|t| t.builtin_key.as_deref().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "first_meeting",
            "check_in",
            "task_feedback",
            "career_advice",
            "ending"
        ]
    );
    let first = &list[0];
    assert!(
        first.body.contains("How often"),
        "the first meeting asks how often to meet"
    );
    assert!(first.body.contains("Goals"));
    assert!(!first.takeaways.is_empty());
    for t in &list {
        assert!(
            t.body.starts_with("## "),
            "{} is a Markdown skeleton",
            t.name
        );
        assert!(!t.description.is_empty(), "{}", t.name);
        assert_eq!(t.default_for_mentors, 0);
    }
}

#[test]
fn names_are_required_bounded_and_unique_whatever_their_case() {
    let (_dir, j) = journal();
    assert_eq!(
        field(j.add_template(&TemplateInput::named("  ")).unwrap_err()),
        "name"
    );
    let long = "n".repeat(81);
    assert_eq!(
        field(j.add_template(&TemplateInput::named(long)).unwrap_err()),
        "name"
    );
    j.add_template(&TemplateInput::named("n".repeat(80)))
        .unwrap();
    let clash = j
        .add_template(&TemplateInput::named("regular CHECK-IN"))
        .unwrap_err();
    assert_eq!(clash.code(), ErrorCode::Validation);
    assert!(clash.to_string().contains("already"), "{clash}");
    let mine = j.add_template(&TemplateInput::named("Écho")).unwrap();
    assert_eq!(
        field(j.add_template(&TemplateInput::named("écho")).unwrap_err()),
        "name",
        "case is folded beyond ASCII too"
    );
    // Renaming a template to its own name in another case is fine.
    let renamed = j
        .update_template(mine.id, &TemplateInput::named("ÉCHO"))
        .unwrap();
    assert_eq!(renamed.name, "ÉCHO");
}

#[test]
fn bodies_and_takeaways_are_checked_and_kept() {
    let (_dir, j) = journal();
    let mut input = TemplateInput::named("Journal club");
    input.body = "## Paper\n- Question:\n\n".into();
    input.takeaways = vec!["  Read the methods first ".into(), String::new()];
    let t = j.add_template(&input).unwrap();
    assert_eq!(
        t.body, "## Paper\n- Question:",
        "trailing blank lines are dropped"
    );
    assert_eq!(
        t.takeaways,
        ["Read the methods first"],
        "trimmed, empty ones dropped"
    );
    assert_eq!(t.created_at, j.now());

    input.takeaways = vec!["two\nlines".into()];
    assert_eq!(field(j.add_template(&input).unwrap_err()), "takeaways");
    input.takeaways = vec!["t".into(); 51];
    assert_eq!(
        field(j.update_template(t.id, &input).unwrap_err()),
        "takeaways"
    );
    input.takeaways = vec![];
    input.body = "x".repeat(1024 * 1024 + 1);
    assert_eq!(field(j.update_template(t.id, &input).unwrap_err()), "body");
    input.body = String::new();
    input.description = "d".repeat(201);
    assert_eq!(
        field(j.update_template(t.id, &input).unwrap_err()),
        "description"
    );
    assert_eq!(
        j.template(t.id).unwrap(),
        t,
        "a refused edit changes nothing"
    );
    let gone = TemplateId(9_999);
    assert_eq!(j.template(gone).unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(
        j.delete_template(gone).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_deleted_built_in_is_restored_with_its_text_and_an_edited_one_is_left_alone() {
    let (_dir, j) = journal();
    let list = j.list_templates().unwrap();
    let (first, check_in) = (&list[0], &list[1]);
    let mut edited = TemplateInput::named("My check-in");
    edited.body = "## Mine".into();
    j.update_template(check_in.id, &edited).unwrap();
    j.delete_template(first.id).unwrap();
    // The user's own template took the built-in's name meanwhile.
    j.add_template(&TemplateInput::named("First meeting"))
        .unwrap();

    let restored = j.restore_builtin_templates().unwrap();
    assert_eq!(restored.len(), 1);
    assert_eq!(restored[0].builtin_key.as_deref(), Some("first_meeting"));
    assert_eq!(restored[0].name, "First meeting (built-in)");
    assert_eq!(restored[0].body, BUILTINS[0].body);
    let still = j.template(check_in.id).unwrap();
    assert_eq!(
        (still.name.as_str(), still.body.as_str()),
        ("My check-in", "## Mine")
    );
    assert_eq!(
        still.builtin_key.as_deref(),
        Some("check_in"),
        "still known as built-in"
    );
    assert!(
        j.restore_builtin_templates().unwrap().is_empty(),
        "nothing left to restore"
    );
}

#[test]
fn a_mentor_default_is_what_a_new_note_starts_from_and_goes_with_the_template() {
    let (_dir, j) = journal();
    let ada = j.add_mentor(&MentorInput::named("Dr. Ada")).unwrap();
    assert_eq!(
        j.template_for_new_note(ada.id).unwrap(),
        None,
        "no default: a blank note"
    );
    let check_in = j.list_templates().unwrap()[1].clone();
    let m = j
        .set_mentor_default_template(ada.id, Some(check_in.id))
        .unwrap();
    assert_eq!(m.default_template_id, Some(check_in.id));
    let start = j.template_for_new_note(ada.id).unwrap().unwrap();
    assert_eq!(start.id, check_in.id);
    assert_eq!(start.default_for_mentors, 1);

    j.delete_template(check_in.id).unwrap();
    assert_eq!(
        j.mentor(ada.id).unwrap().default_template_id,
        None,
        "the default is forgotten"
    );
    assert_eq!(j.template_for_new_note(ada.id).unwrap(), None);

    let mine = j.add_template(&TemplateInput::named("Research")).unwrap();
    j.set_mentor_default_template(ada.id, Some(mine.id))
        .unwrap();
    let cleared = j.set_mentor_default_template(ada.id, None).unwrap();
    assert_eq!(cleared.default_template_id, None);
    assert_eq!(
        j.set_mentor_default_template(ada.id, Some(check_in.id))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound,
        "a deleted template cannot become a default"
    );
    assert_eq!(
        j.template_for_new_note(MentorId(9_999)).unwrap_err().code(),
        ErrorCode::NotFound
    );
    // Editing the mentor keeps the default: it is not part of the mentor form.
    j.set_mentor_default_template(ada.id, Some(mine.id))
        .unwrap();
    let edited = j
        .update_mentor(ada.id, &MentorInput::named("Dr. Ada L."))
        .unwrap();
    assert_eq!(edited.default_template_id, Some(mine.id));
}
