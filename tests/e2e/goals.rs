//! Goals, milestones, reviews, the dashboard and the prep sheet, across a restart and in dark mode.

use crate::categories::categories_flow;
use crate::support::{
    MENTORS, Outcome, PASSPHRASE, TauriDriver, add_mentor, built_app, check, click, click_css,
    count, create_journal, el, files_containing, in_session, quick_note, screenshot, set_value,
    type_into, unlock_to_dashboard, wait_count, wait_text,
};
use std::path::Path;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

fn days_from_today(days: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A day as the app shows it in the test's locale (en-US under Xvfb): "Oct 18, 2026".
fn shown_as(iso: &str) -> String {
    iso.parse::<chrono::NaiveDate>()
        .map(|d| d.format("%b %-d, %Y").to_string())
        .unwrap_or_default()
}

/// Records a review on the open goal page; `refine` gives new wording and a reason.
async fn record_review(
    driver: &WebDriver,
    on: &str,
    progress: &str,
    note: &str,
    refine: Option<(&str, &str)>,
) -> Outcome {
    click(driver, "goal-review-open").await?;
    el(driver, "review-form").await?;
    driver
        .execute(
            "const f = document.getElementById('rv-on'); f.value = arguments[0]; \
             f.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::json!(on)],
        )
        .await?;
    type_into(driver, "rv-progress", progress).await?;
    type_into(driver, "rv-note", note).await?;
    if let Some((title, reason)) = refine {
        click(driver, "rv-refine").await?;
        type_into(driver, "rv-new-title", title).await?;
        type_into(driver, "rv-reason", reason).await?;
    }
    click(driver, "rv-save").await?;
    Ok(())
}

const GOAL: &str = "Publish a case report";
const REFINED: &str = "Publish two case reports";
const QUESTION: &str = "Is a research year worth it before fellowship?";

/// Applies the page's own `@media print` rules to the screen (what the print dialog would lay
/// out), or removes them again: a print preview of the real stylesheet in the real webview.
async fn print_preview(driver: &WebDriver, on: bool) -> Outcome<serde_json::Value> {
    let result = driver
        .execute(
            "const on = arguments[0]; let style = document.getElementById('print-preview');
             if (!on) { style?.remove(); return null; }
             const rules = [];
             for (const sheet of document.styleSheets) {
               for (const rule of sheet.cssRules) {
                 if (rule instanceof CSSMediaRule && rule.media.mediaText.includes('print')) {
                   for (const inner of rule.cssRules) rules.push(inner.cssText);
                 }
               }
             }
             style = document.createElement('style'); style.id = 'print-preview';
             style.textContent = rules.join('\\n'); document.head.append(style);
             const shown = (sel) => { const e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== 'none'; };
             return { rules: rules.length, sidebar: shown('.sidebar'), topbar: shown('.topbar'),
                      toolbar: shown('.no-print'), paper: shown(\"[data-testid='prep-paper']\"),
                      background: getComputedStyle(document.body).backgroundColor };",
            vec![serde_json::json!(on)],
        )
        .await?;
    Ok(result.json().clone())
}

/// Goals end to end: a goal linked to a mentor, milestones, three reviews (one refining the
/// wording), the chart, the dashboard, a parked question and the prep sheet with its print view.
async fn goals_flow(driver: &WebDriver) -> Outcome {
    create_journal(driver).await?;
    add_mentor(driver, MENTORS[0]).await?;
    quick_note(driver, "Osei").await?;
    type_into(driver, "note-title", "Case report kick-off").await?;
    type_into(
        driver,
        "note-body",
        "Talked through the unusual presentation.",
    )
    .await?;
    type_into(driver, "takeaway", "Ask radiology for the images").await?;
    click(driver, "note-save").await?;
    el(driver, "mentor-page").await?;

    click(driver, "nav-goals").await?;
    el(driver, "goals-empty").await?;
    click(driver, "goal-new").await?;
    type_into(driver, "gf-title", GOAL).await?;
    type_into(driver, "gf-category", "Research").await?;
    type_into(driver, "gf-criteria", "Submitted to a journal").await?;
    click(driver, "gf-mentor").await?;
    // A target date before the goal was set is refused beside the field; the form keeps its input.
    set_value(driver, "gf-target", "2001-01-01").await?;
    click(driver, "gf-save").await?;
    let message = el(driver, "gf-target-error").await?.text().await?;
    check!(
        message.contains("before the day the goal was set"),
        "target date error shown: {message:?}"
    );
    check!(
        el(driver, "gf-title")
            .await?
            .prop("value")
            .await?
            .as_deref()
            == Some(GOAL),
        "the title is kept after the refusal"
    );
    set_value(driver, "gf-target", &days_from_today(10)).await?;
    click(driver, "gf-save").await?;
    wait_text(driver, "[data-testid='goal-title']", GOAL).await?;
    wait_text(driver, "[data-testid='goal-mentors']", MENTORS[0]).await?;

    for step in ["Pick the case", "Write the draft", "Submit"] {
        type_into(driver, "milestone-title", step).await?;
        click(driver, "milestone-add").await?;
        wait_text(driver, "[data-testid='milestone']", step).await?;
    }
    click_css(
        driver,
        "[data-testid='milestone'] [data-testid='milestone-tick']",
    )
    .await?;
    wait_text(driver, "[data-testid='milestone']", "done").await?;
    // Ticked late: the day it was really done can be set, and the computed line follows it.
    let chart = el(driver, "progress-chart").await?;
    check!(
        chart.attr("data-milestone-points").await?.as_deref() == Some("1"),
        "one milestone point on the chart"
    );
    click(driver, "milestone-done").await?;
    let done_on = days_from_today(-45);
    set_value(driver, "milestone-done-on", &done_on).await?;
    el(driver, "milestone-done-on")
        .await?
        .send_keys(Key::Enter)
        .await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let label = el(driver, "progress-chart")
            .await?
            .attr("aria-label")
            .await?
            .unwrap_or_default();
        if label.contains(&format!("33 % on {}", shown_as(&done_on))) {
            break;
        }
        check!(
            Instant::now() < deadline,
            "the chart follows the new day: {label:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    // Progress outside 0-100 is refused with the field named; the note typed so far stays.
    click(driver, "goal-review-open").await?;
    type_into(driver, "rv-progress", "150").await?;
    type_into(driver, "rv-note", "Too optimistic").await?;
    click(driver, "rv-save").await?;
    let message = el(driver, "rv-progress-error").await?.text().await?;
    check!(message.contains("0 to 100"), "progress error: {message:?}");
    check!(
        el(driver, "rv-note").await?.prop("value").await?.as_deref() == Some("Too optimistic"),
        "the review note is kept"
    );
    click_css(driver, "[data-testid='review-form'] button[type='button']").await?;

    record_review(driver, &days_from_today(-60), "20", "Picked the case", None).await?;
    wait_count(driver, "review-entry", 1).await?;
    record_review(driver, &days_from_today(-30), "35", "Draft started", None).await?;
    wait_count(driver, "review-entry", 2).await?;
    record_review(
        driver,
        &days_from_today(0),
        "55",
        "A second case came in",
        Some((REFINED, "Mentor suggested pairing it with a second case")),
    )
    .await?;
    wait_count(driver, "review-entry", 3).await?;
    wait_text(driver, "[data-testid='goal-title']", REFINED).await?;
    let old = el(driver, "review-old-title").await?.text().await?;
    check!(old == GOAL, "the refinement keeps the old wording: {old:?}");
    wait_text(driver, "[data-testid='goal-progress']", "55 %").await?;
    let points = el(driver, "progress-chart")
        .await?
        .attr("data-points")
        .await?;
    check!(
        points.as_deref() == Some("3"),
        "three points on the chart: {points:?}"
    );
    driver
        .execute(
            "document.querySelector('main.content').scrollTop = 0;",
            vec![],
        )
        .await?;
    screenshot(driver, "goal-page").await?;

    click(driver, "nav-dashboard").await?;
    let card = wait_text(driver, "[data-testid='dashboard-goal']", REFINED).await?;
    check!(
        card.contains("55 %") && card.contains("Target in 10 days"),
        "the dashboard shows progress and the target: {card:?}"
    );
    wait_text(driver, "[data-testid='dashboard-mentor']", MENTORS[0]).await?;
    check!(
        count(driver, "draft-resume").await? == 0,
        "a note saved right after typing leaves no stray draft behind"
    );
    let gaps = el(driver, "coverage-gaps").await?.text().await?;
    check!(
        gaps.contains("Well-being"),
        "coverage gaps listed: {gaps:?}"
    );
    let total = el(driver, "activity-chart")
        .await?
        .attr("data-total")
        .await?;
    check!(
        total.as_deref() == Some("1"),
        "the activity chart counts the conversation: {total:?}"
    );
    screenshot(driver, "dashboard").await?;

    // The prep sheet, from the dashboard's mentor row.
    click_css(
        driver,
        "[data-testid='dashboard-mentor'] button[title='Meeting prep sheet']",
    )
    .await?;
    el(driver, "prep-sheet").await?;
    type_into(driver, "prep-question-input", QUESTION).await?;
    click(driver, "prep-question-add").await?;
    wait_text(driver, "[data-testid='prep-question']", QUESTION).await?;
    type_into(driver, "prep-question-input", "Already answered question").await?;
    click(driver, "prep-question-add").await?;
    wait_count(driver, "prep-question", 2).await?;
    click_css(
        driver,
        "[data-testid='prep-question']:last-child [data-testid='prep-question-tick']",
    )
    .await?;
    let meta = el(driver, "prep-meta").await?.text().await?;
    check!(meta.starts_with("last met"), "no stray separator: {meta:?}");
    let goal = wait_text(driver, "[data-testid='prep-goal']", REFINED).await?;
    check!(
        goal.contains("55 %"),
        "the prep sheet shows progress: {goal:?}"
    );
    wait_text(
        driver,
        "[data-testid='prep-recent']",
        "Ask radiology for the images",
    )
    .await?;
    screenshot(driver, "prep-sheet").await?;

    let preview = print_preview(driver, true).await?;
    println!("print preview: {preview}");
    check!(
        preview["rules"].as_u64().unwrap_or(0) > 0
            && preview["sidebar"] == false
            && preview["topbar"] == false
            && preview["toolbar"] == false
            && preview["paper"] == true
            && preview["background"] == "rgb(255, 255, 255)",
        "the print stylesheet shows only the page, on white: {preview}"
    );
    screenshot(driver, "prep-sheet-print-preview").await?;
    print_preview(driver, false).await?;
    Ok(())
}

/// After a restart, the goal, its milestones, reviews, chart and the parked question are all there.
async fn goals_survive_restart(driver: &WebDriver) -> Outcome {
    unlock_to_dashboard(driver, PASSPHRASE).await?;
    let card = wait_text(driver, "[data-testid='dashboard-goal']", REFINED).await?;
    check!(card.contains("55 %"), "progress survives: {card:?}");
    click_css(driver, "[data-testid='dashboard-goal'] button").await?;
    wait_text(driver, "[data-testid='goal-title']", REFINED).await?;
    wait_count(driver, "review-entry", 3).await?;
    wait_count(driver, "milestone", 3).await?;
    let ticked = driver
        .find(By::Css(
            "[data-testid='milestone']:first-child [data-testid='milestone-tick']",
        ))
        .await?;
    check!(
        ticked.is_selected().await?,
        "the first milestone is still done"
    );
    let old = el(driver, "review-old-title").await?.text().await?;
    check!(old == GOAL, "the old wording survives: {old:?}");
    let points = el(driver, "progress-chart")
        .await?
        .attr("data-points")
        .await?;
    check!(points.as_deref() == Some("3"), "chart points: {points:?}");

    categories_flow(driver).await?;

    click(driver, "nav-mentors").await?;
    click_css(driver, "[data-testid='mentor-item'] button").await?;
    click(driver, "mentor-prep").await?;
    wait_text(driver, "[data-testid='prep-question']", QUESTION).await?;
    check!(
        count(driver, "prep-question").await? == 1,
        "the question ticked off as discussed is off the sheet"
    );
    Ok(())
}

/// The same journal with the system in dark mode: the charts take the dark theme's colours.
async fn goals_in_dark_mode(driver: &WebDriver) -> Outcome {
    unlock_to_dashboard(driver, PASSPHRASE).await?;
    el(driver, "activity-chart").await?;
    let colours = driver
        .execute(
            "const css = getComputedStyle(document.documentElement);
             return [css.getPropertyValue('--chart-1').trim(), getComputedStyle(document.body).backgroundColor];",
            vec![],
        )
        .await?
        .json()
        .clone();
    check!(
        colours[0] == "#6cc3a8" && colours[1] != "rgb(255, 255, 255)",
        "dark theme colours in use: {colours}"
    );
    screenshot(driver, "dashboard-dark").await?;
    click_css(driver, "[data-testid='dashboard-goal'] button").await?;
    el(driver, "progress-chart").await?;
    screenshot(driver, "goal-page-dark").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn goals_reviews_dashboard_and_prep_sheet_survive_a_restart() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, goals_flow).await?;
    in_session(driver.session(&app).await?, goals_survive_restart).await?;
    drop(driver);
    let dark = TauriDriver::start_with(
        journal_dir.path(),
        &[("GTK_THEME", Path::new("Adwaita:dark"))],
    )?;
    in_session(dark.session(&app).await?, goals_in_dark_mode).await?;
    drop(dark);
    for secret in [GOAL, REFINED, QUESTION, "Mentor suggested pairing"] {
        let hits = files_containing(journal_dir.path(), secret)?;
        assert!(
            hits.is_empty(),
            "{secret:?} must not be stored in plaintext, found in {hits:?}"
        );
    }
    Ok(())
}
