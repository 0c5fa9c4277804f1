//! Goal categories in the settings (part of the goals test, after its restart).

use crate::support::{Outcome, check, click, click_css, el, screenshot, texts, wait_text};
use thirtyfour::prelude::*;

/// Settings: rename the goal's category, then remove it, moving the goal to another one.
pub async fn categories_flow(driver: &WebDriver) -> Outcome {
    click(driver, "nav-settings").await?;
    wait_text(driver, "[data-testid='category']", "Research").await?;
    click_css(
        driver,
        "[data-testid='category'] button[aria-label='Rename Research']",
    )
    .await?;
    let input = el(driver, "category-rename-input").await?;
    input.clear().await?;
    input.send_keys("Networking").await?;
    click(driver, "category-rename-save").await?;
    let refused = wait_text(driver, "[data-testid='category'] [role='alert']", "already").await?;
    check!(
        el(driver, "category-rename-input")
            .await?
            .prop("value")
            .await?
            .as_deref()
            == Some("Networking"),
        "the refused name stays: {refused:?}"
    );
    let input = el(driver, "category-rename-input").await?;
    input.clear().await?;
    input.send_keys("Research & audit").await?;
    input.send_keys(Key::Enter).await?;
    let row = wait_text(driver, "[data-testid='category']", "Research & audit").await?;
    check!(
        row.contains("1 goal"),
        "the renamed category keeps its goal: {row:?}"
    );
    screenshot(driver, "settings-categories").await?;

    click_css(
        driver,
        "[data-testid='category'] button[aria-label='Remove Research & audit']",
    )
    .await?;
    click(driver, "confirm-ok").await?;
    wait_text(
        driver,
        "[data-testid='confirm-dialog'] [role='alert']",
        "Choose where",
    )
    .await?;
    let select = el(driver, "category-move-to").await?;
    select
        .find(By::XPath("./option[normalize-space()='Leadership']"))
        .await?
        .click()
        .await?;
    click(driver, "confirm-ok").await?;
    wait_text(
        driver,
        "[data-testid='category-note']",
        "now in “Leadership”",
    )
    .await?;
    check!(
        !texts(driver, "[data-testid='category-name']")
            .await?
            .iter()
            .any(|n| n.starts_with("Research")),
        "the category is gone from the list"
    );

    click(driver, "nav-goals").await?;
    click(driver, "goal-row").await?;
    wait_text(driver, "[data-testid='goal-meta']", "Leadership").await?;
    Ok(())
}
