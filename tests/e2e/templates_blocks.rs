//! Issue 18 in the real window: a note written from a template without the mouse (Ctrl+T, type,
//! Enter), a mentor's default template filling a new note, and a block of the schedule pausing
//! the overdue flag on the Overview, for every mentor and then for one chosen mentor only.

use crate::support::{
    MENTORS, Outcome, TauriDriver, add_mentor, built_app, check, chord, click, create_journal, el,
    in_session, keys, new_note_by_keys, screenshot, set_value, tap, texts, type_into, wait_count,
    wait_focus, wait_text,
};
use chrono::{Duration as Days, Local, NaiveDate};
use thirtyfour::prelude::*;

async fn body_value(d: &WebDriver) -> Outcome<String> {
    Ok(el(d, "note-body")
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

/// Picks the option of a `<select>` by its text, as a user choosing it would, and fires `change`.
async fn choose_option(d: &WebDriver, id: &str, label: &str) -> Outcome {
    let select = el(d, id).await?;
    let found = d
        .execute(
            "const s = arguments[0]; \
             const o = [...s.options].find((o) => o.textContent.trim() === arguments[1]); \
             if (!o) return false; \
             s.value = o.value; \
             s.dispatchEvent(new Event('change', { bubbles: true })); \
             return true;",
            vec![select.to_json()?, serde_json::json!(label)],
        )
        .await?;
    check!(
        found.json().as_bool() == Some(true),
        "{id} has no option {label:?}"
    );
    Ok(())
}

async fn templates(d: &WebDriver) -> Outcome {
    create_journal(d).await?;
    add_mentor(d, MENTORS[0]).await?;
    click(d, "nav-dashboard").await?;
    el(d, "dashboard").await?;

    // Keys only: Ctrl+N, the mentor, Ctrl+T, filter, Enter, answer the first prompt, title, save.
    new_note_by_keys(d, "osei").await?;
    chord(d, Key::Control, 't').await?;
    wait_focus(d, "template-filter").await?;
    keys(d, "check-in").await?;
    screenshot(d, "template-picker").await?;
    tap(d, Key::Enter).await?;
    wait_focus(d, "note-body").await?;
    let filled = body_value(d).await?;
    check!(
        filled.starts_with("## Since we last met"),
        "the body is the check-in template: {filled:?}"
    );
    wait_text(d, "[data-testid='note-template-used']", "Regular check-in").await?;
    // The caret waits at the end of the first prompt.
    keys(d, " the abstract is submitted").await?;
    let typed = body_value(d).await?;
    check!(
        typed.contains("and why: the abstract is submitted\n"),
        "typing lands after the first prompt: {typed:?}"
    );
    chord(d, Key::Shift, Key::Tab).await?;
    wait_focus(d, "note-title").await?;
    keys(d, "Check-in from a template").await?;
    screenshot(d, "template-note").await?;
    chord(d, Key::Control, Key::Enter).await?;
    el(d, "mentor-page").await?;
    wait_text(
        d,
        "[data-testid='timeline-entry']",
        "Check-in from a template",
    )
    .await?;

    // The mentor's default: new notes with her start from "Feedback on a task".
    click(d, "mentor-edit").await?;
    choose_option(d, "mf-template", "Feedback on a task").await?;
    click(d, "mf-save").await?;
    wait_count(d, "mentor-form", 0).await?;
    new_note_by_keys(d, "osei").await?;
    wait_text(
        d,
        "[data-testid='note-template-used']",
        "Feedback on a task",
    )
    .await?;
    let started = body_value(d).await?;
    check!(
        started.starts_with("## The task"),
        "a new note starts from the mentor's default: {started:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_note_is_written_from_a_template_without_the_mouse() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, templates).await
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A mentor met 30 days ago who agreed to meet every two weeks: overdue on the Overview.
pub(crate) async fn overdue_mentor(d: &WebDriver, name: &str, today: NaiveDate) -> Outcome {
    click(d, "nav-mentors").await?;
    add_mentor(d, name).await?;
    let row = d
        .query(By::XPath(format!(
            "//*[@data-testid='mentor-item']//button[.//span[contains(@class, 'name') and normalize-space()='{name}']]"
        )))
        .first()
        .await?;
    row.click().await?;
    click(d, "mentor-edit").await?;
    type_into(d, "mf-weeks", "2").await?;
    click(d, "mf-save").await?;
    // The form closes and the page moves up: click New note once it stands still.
    wait_count(d, "mentor-form", 0).await?;
    click(d, "mentor-new-note").await?;
    el(d, "note-body").await?;
    set_value(
        d,
        "note-when",
        &format!("{}T10:00", day(today - Days::days(30))),
    )
    .await?;
    type_into(d, "note-title", "Before nights").await?;
    type_into(d, "note-body", "Planned the term.").await?;
    click(d, "note-save").await?;
    wait_text(d, "[data-testid='timeline-entry']", "Before nights").await?;
    Ok(())
}

/// The Overview's cadence badge of each mentor, by name.
async fn badges(d: &WebDriver) -> Outcome<Vec<String>> {
    click(d, "nav-dashboard").await?;
    el(d, "dashboard-mentors").await?;
    texts(d, "[data-testid='dashboard-mentor']").await
}

async fn blocks(d: &WebDriver) -> Outcome {
    let today = Local::now().date_naive();
    create_journal(d).await?;
    overdue_mentor(d, MENTORS[0], today).await?;
    overdue_mentor(d, MENTORS[1], today).await?;
    let before = badges(d).await?;
    check!(
        before.len() == 2 && before.iter().all(|b| b.contains("Overdue")),
        "both mentors are overdue before any block: {before:?}"
    );

    click(d, "nav-blocks").await?;
    el(d, "blocks-empty").await?;
    click(d, "block-add").await?;
    // The first day is needed: an empty one is refused beside its field, nothing is lost.
    type_into(d, "bf-title", "ICU nights").await?;
    click(d, "bf-save").await?;
    wait_text(d, "[data-testid='block-form']", "Choose the first day").await?;
    // It began after both were overdue: the clock stopped there, and the Overview says why.
    set_value(d, "bf-starts", &day(today - Days::days(5))).await?;
    set_value(d, "bf-ends", &day(today + Days::days(10))).await?;
    click(d, "bf-save").await?;
    wait_text(d, "[data-testid='block-row']", "ICU nights").await?;
    wait_text(d, "[data-testid='block-applies']", "every mentor").await?;
    screenshot(d, "blocks").await?;

    let paused = badges(d).await?;
    check!(
        paused
            .iter()
            .all(|b| b.contains("paused for ICU nights until")),
        "a block for every mentor pauses both: {paused:?}"
    );
    screenshot(d, "blocks-dashboard").await?;

    // Only the second mentor: the first is overdue again.
    click(d, "nav-blocks").await?;
    click_edit(d, "ICU nights").await?;
    click(d, "bf-some").await?;
    click(d, "bf-save").await?;
    wait_text(d, "[data-testid='block-form']", "Choose the mentors").await?;
    let second = d
        .query(By::XPath(format!(
            "//label[normalize-space()='{}']/input[@data-testid='bf-mentor']",
            MENTORS[1]
        )))
        .first()
        .await?;
    second.click().await?;
    click(d, "bf-save").await?;
    wait_text(d, "[data-testid='block-applies']", MENTORS[1]).await?;
    let some = badges(d).await?;
    let of = |name: &str| {
        some.iter()
            .find(|b| b.contains(name))
            .cloned()
            .unwrap_or_default()
    };
    check!(
        of(MENTORS[0]).contains("Overdue") && !of(MENTORS[0]).contains("paused"),
        "the mentor the block leaves out is overdue: {some:?}"
    );
    check!(
        of(MENTORS[1]).contains("paused for ICU nights"),
        "the chosen mentor stays paused: {some:?}"
    );
    Ok(())
}

async fn click_edit(d: &WebDriver, title: &str) -> Outcome {
    d.query(By::Css(format!("button[aria-label='Edit {title}']")))
        .first()
        .await?
        .click()
        .await?;
    el(d, "block-form").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_block_pauses_the_overdue_flag_of_the_mentors_it_applies_to() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, blocks).await
}
