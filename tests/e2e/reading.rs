//! A saved note reopens in its reading view (issue 12, item 6): the Markdown as Rust rendered it,
//! the takeaways and the note's action items, with Edit switching to the editor, which lists those
//! items too. Before, a reopened note showed the editor with an empty "Action items from this
//! conversation", and users added their items a second time.

use crate::support::{
    MENTORS, Outcome, TauriDriver, add_mentor, built_app, check, click, click_css, count,
    create_journal, el, in_session, press, quick_note, screenshot, set_value, texts, type_into,
    wait_count, wait_text,
};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

const BODY: &str = "We discussed **fellowship** timelines and the _zebrafish_ lab.";
const TAKEAWAYS: [&str; 2] = ["Email the lab before March", "Ask for a letter of support"];
const ITEMS: [&str; 2] = ["Revise my CV", "Send the lab contact"];

/// The titles of the action items listed under `scope` (a test id).
async fn item_titles(driver: &WebDriver, scope: &str) -> Outcome<Vec<String>> {
    texts(
        driver,
        &format!("[data-testid='{scope}'] [data-testid='action-item'] .title"),
    )
    .await
}

async fn reading_flow(driver: &WebDriver) -> Outcome {
    create_journal(driver).await?;
    add_mentor(driver, MENTORS[0]).await?;
    quick_note(driver, "Osei").await?;
    type_into(driver, "note-title", "Fellowship plans").await?;
    type_into(driver, "note-body", BODY).await?;
    set_value(driver, "note-channel", "video").await?;
    type_into(driver, "note-duration", "45").await?;
    type_into(driver, "takeaway", TAKEAWAYS[0]).await?;
    press(driver, Key::Enter).await?;
    press(driver, TAKEAWAYS[1]).await?;
    // "Add action item" puts focus in the new row's title (item 20): typing goes straight there.
    for item in ITEMS {
        click(driver, "add-action").await?;
        press(driver, item).await?;
    }
    click(driver, "note-save").await?;

    wait_text(driver, "[data-testid='timeline-entry']", "Fellowship plans").await?;
    click(driver, "timeline-entry").await?;
    let facts = el(driver, "note-facts").await?.text().await?;
    check!(
        facts.contains("Video call · 45 min"),
        "the reading view says how and how long: {facts:?}"
    );
    check!(
        count(driver, "note-body").await? == 0 && count(driver, "note-editor").await? == 0,
        "a saved note opens for reading, not in the editor"
    );
    let rendered = el(driver, "note-rendered").await?.inner_html().await?;
    check!(
        rendered.contains("<strong>fellowship</strong>") && rendered.contains("<em>zebrafish</em>"),
        "the reading view shows the Markdown rendered: {rendered}"
    );
    check!(
        !rendered.contains("**"),
        "no raw Markdown in the reading view: {rendered}"
    );
    let takeaways = texts(driver, "[data-testid='note-takeaway']").await?;
    check!(
        takeaways == TAKEAWAYS,
        "the reading view lists the takeaways: {takeaways:?}"
    );
    let items = item_titles(driver, "note-actions").await?;
    check!(
        items == ITEMS,
        "the reading view lists the note's own action items: {items:?}"
    );
    screenshot(driver, "reading-view").await?;

    // Ticked off here as anywhere, with a few seconds to take it back (item 21).
    click_css(
        driver,
        "[data-testid='note-actions'] [data-testid='action-tick']",
    )
    .await?;
    wait_text(
        driver,
        "[data-testid='note-actions'] [role='status']",
        "Marked done",
    )
    .await?;
    screenshot(driver, "reading-view-undo").await?;
    click_css(driver, "[data-testid='note-actions'] [data-testid='undo']").await?;
    let first = driver
        .find(By::Css(
            "[data-testid='note-actions'] [data-testid='action-tick']",
        ))
        .await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while first.is_selected().await? {
        check!(Instant::now() < deadline, "Undo reopens the ticked item");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    click(driver, "note-edit").await?;
    el(driver, "note-editor").await?;
    let body = el(driver, "note-body").await?.prop("value").await?;
    check!(
        body.as_deref() == Some(BODY),
        "Edit opens the editor on the note's Markdown: {body:?}"
    );
    let listed = item_titles(driver, "note-existing-actions").await?;
    check!(
        listed == ITEMS,
        "the editor of a saved note lists its action items, not an empty list: {listed:?}"
    );
    check!(
        count(driver, "new-action-title").await? == 0,
        "no blank new rows are offered in their place"
    );
    driver
        .execute(
            "document.querySelector(\"[data-testid='note-existing-actions']\").scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await?;
    screenshot(driver, "reading-editor").await?;

    // Where a ticked item leaves the list, the offer to undo outlives its row, and focus goes
    // to it: Enter takes the tick back.
    click(driver, "nav-actions").await?;
    wait_count(driver, "action-item", 2).await?;
    click_css(
        driver,
        "[data-testid='actions-list'] [data-testid='action-tick']",
    )
    .await?;
    wait_count(driver, "action-item", 1).await?;
    wait_text(
        driver,
        "[data-testid='actions-screen'] [role='status']",
        &format!("Marked done: {}", ITEMS[0]),
    )
    .await?;
    screenshot(driver, "actions-undo").await?;
    let focused = driver.active_element().await?.attr("data-testid").await?;
    check!(
        focused.as_deref() == Some("undo"),
        "focus goes to Undo when the ticked row leaves: {focused:?}"
    );
    press(driver, Key::Enter).await?;
    wait_count(driver, "action-item", 2).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_note_reopens_for_reading_with_its_action_items() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, reading_flow).await
}
