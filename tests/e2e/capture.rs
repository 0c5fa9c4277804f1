//! The daily capture loop: mentors (prospect, outreach, status) and notes, across a restart.

use crate::support::{
    Outcome, PASSPHRASE, TauriDriver, built_app, check, click, click_css, create_journal, el,
    files_containing, in_session, press, quick_note, resume_draft, screenshot, testid, type_into,
    unlock, wait_text,
};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

const PROSPECT: &str = "Dr. Ines Duarte";

/// The daily loop: a prospect, outreach, activation with a cadence, a note via Ctrl+N with two
/// takeaways and an action item, found again with Ctrl+K, the item ticked, the relationship ended.
async fn capture_loop(driver: &WebDriver) -> Outcome {
    create_journal(driver).await?;
    type_into(driver, "mentor-name", PROSPECT).await?;
    click(driver, "mentor-as-prospect").await?;
    click(driver, "mentor-add").await?;
    wait_text(driver, "[data-testid='mentor-status']", "Prospect").await?;
    click_css(driver, "[data-testid='mentor-item'] button").await?;

    el(driver, "mentor-page").await?;
    type_into(
        driver,
        "outreach-request",
        "Asked a specific question after rounds",
    )
    .await?;
    click(driver, "outreach-log").await?;
    wait_text(driver, "[data-testid='outreach-item']", "specific question").await?;

    click(driver, "status-active").await?;
    click_css(driver, "dialog[open] [data-testid='confirm-ok']").await?;
    wait_text(driver, "[data-testid='mentor-page-status']", "Active").await?;
    click(driver, "mentor-edit").await?;
    type_into(driver, "mf-weeks", "4").await?;
    click(driver, "mf-save").await?;
    wait_text(driver, "[data-testid='mentor-agreement']", "Every 4 weeks").await?;
    screenshot(driver, "5-mentor-page").await?;

    quick_note(driver, "Duar").await?;
    type_into(driver, "note-title", "Fellowship plans").await?;
    type_into(
        driver,
        "note-body",
        "We discussed **fellowship** timelines and the zebrafish lab.",
    )
    .await?;
    type_into(driver, "takeaway", "Email the lab before March").await?;
    press(driver, Key::Enter).await?;
    press(driver, "Ask for a letter of support").await?;
    click(driver, "add-action").await?;
    type_into(driver, "new-action-title", "Revise my CV").await?;
    click(driver, "note-preview").await?;
    let rendered = el(driver, "note-rendered").await?.inner_html().await?;
    check!(
        rendered.contains("<strong>fellowship</strong>"),
        "the preview renders Markdown: {rendered}"
    );
    screenshot(driver, "6-note-editor").await?;
    click(driver, "note-save").await?;

    let entry = wait_text(driver, "[data-testid='timeline-entry']", "Fellowship plans").await?;
    check!(
        entry.contains("Email the lab before March")
            && entry.contains("Ask for a letter of support"),
        "both takeaways on the timeline: {entry:?}"
    );
    wait_text(
        driver,
        "[data-testid='mentor-actions'] [data-testid='action-item']",
        "Revise my CV",
    )
    .await?;
    screenshot(driver, "8-mentor-timeline").await?;

    press(driver, Key::Control + "k").await?;
    click_css(driver, "dialog[open] [data-testid='search-input']").await?;
    type_into(driver, "search-input", "zebrafish").await?;
    let hit = wait_text(driver, "[data-testid='search-hit']", "Fellowship").await?;
    check!(
        hit.contains("zebrafish"),
        "the hit shows the matching snippet: {hit:?}"
    );
    screenshot(driver, "7-search").await?;
    click(driver, "search-hit").await?;
    el(driver, "note-view").await?;

    click(driver, "nav-actions").await?;
    wait_text(
        driver,
        "[data-testid='actions-list'] [data-testid='action-item']",
        "Revise my CV",
    )
    .await?;
    click(driver, "action-tick").await?;
    el(driver, "actions-screen").await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !driver.find_all(testid("action-item")).await?.is_empty() {
        check!(
            Instant::now() < deadline,
            "the ticked item leaves the open list"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    click(driver, "nav-mentors").await?;
    click_css(driver, "[data-testid='mentor-item'] button").await?;
    click(driver, "status-ended").await?;
    type_into(driver, "status-note", "Moved to another hospital").await?;
    click_css(driver, "dialog[open] [data-testid='confirm-ok']").await?;
    wait_text(
        driver,
        "[data-testid='end-reason']",
        "Moved to another hospital",
    )
    .await?;

    // A note left mid-sentence: the autosaved draft must survive the window closing.
    click(driver, "mentor-new-note").await?;
    type_into(
        driver,
        "note-body",
        "Half-written thought about the handover",
    )
    .await?;
    wait_text(driver, "[data-testid='draft-status']", "Draft saved").await?;
    Ok(())
}

/// After a restart, everything from the capture loop is still there.
async fn capture_loop_survives_restart(driver: &WebDriver) -> Outcome {
    unlock(driver, PASSPHRASE).await?;
    wait_text(driver, "[data-testid='mentor-status']", "Ended").await?;
    click_css(driver, "[data-testid='mentor-item'] button").await?;
    wait_text(
        driver,
        "[data-testid='end-reason']",
        "Moved to another hospital",
    )
    .await?;
    wait_text(driver, "[data-testid='outreach-item']", "specific question").await?;
    wait_text(
        driver,
        "[data-testid='timeline-entry']",
        "Email the lab before March",
    )
    .await?;
    let item = wait_text(
        driver,
        "[data-testid='mentor-actions'] [data-testid='action-item']",
        "Revise my CV",
    )
    .await?;
    let ticked = driver
        .find(By::Css(
            "[data-testid='mentor-actions'] [data-testid='action-tick']",
        ))
        .await?;
    check!(
        ticked.is_selected().await?,
        "the action item is still ticked: {item:?}"
    );

    click(driver, "nav-mentors").await?;
    let body = resume_draft(driver).await?;
    check!(
        body == "Half-written thought about the handover",
        "the draft comes back whole: {body:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn daily_capture_loop_survives_a_restart() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, capture_loop).await?;
    in_session(driver.session(&app).await?, capture_loop_survives_restart).await?;
    drop(driver);
    for secret in [
        PROSPECT,
        "zebrafish",
        "Moved to another hospital",
        "Half-written thought",
    ] {
        let hits = files_containing(journal_dir.path(), secret)?;
        assert!(
            hits.is_empty(),
            "{secret:?} must not be stored in plaintext, found in {hits:?}"
        );
    }
    Ok(())
}
