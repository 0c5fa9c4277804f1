//! Settings: verify the journal, change the passphrase, re-encrypt, the clipboard.

use crate::support::{
    NEW_PASSPHRASE, Outcome, PASSPHRASE, TauriDriver, built_app, check, click, click_css,
    clipboard, create_journal, el, in_session, screenshot, type_into, unlock, wait_text,
};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// Settings: verify the journal, change the passphrase (the current one is checked), unlock with it.
async fn settings_flow(driver: &WebDriver) -> Outcome {
    create_journal(driver).await?;
    click(driver, "nav-settings").await?;
    click(driver, "verify").await?;
    wait_text(driver, "[data-testid='verify-note']", "intact").await?;

    type_into(driver, "current-passphrase", "not the current one").await?;
    type_into(driver, "change-passphrase", NEW_PASSPHRASE).await?;
    type_into(driver, "change-confirm", NEW_PASSPHRASE).await?;
    click(driver, "change-submit").await?;
    wait_text(
        driver,
        "[data-testid='settings-screen'] .error",
        "not your current passphrase",
    )
    .await?;

    type_into(driver, "current-passphrase", PASSPHRASE).await?;
    click(driver, "change-submit").await?;
    wait_text(driver, "[data-testid='change-note']", "Passphrase changed").await?;
    screenshot(driver, "9-settings").await?;

    type_into(driver, "rotate-passphrase", NEW_PASSPHRASE).await?;
    click(driver, "rotate-submit").await?;
    click_css(driver, "dialog[open] [data-testid='confirm-ok']").await?;
    let key = el(driver, "recovery-key-text")
        .await?
        .attr("textContent")
        .await?
        .unwrap_or_default();
    check!(
        key.len() == 39,
        "re-encryption shows a new recovery key: {key:?}"
    );
    click(driver, "recovery-copy").await?;
    let copied_at = Instant::now();
    wait_text(driver, "[data-testid='recovery-copy']", "Copied").await?;
    check!(clipboard()? == key, "the recovery key is on the clipboard");
    click(driver, "recovery-saved").await?;
    click(driver, "recovery-continue").await?;

    click(driver, "lock-button").await?;
    type_into(driver, "unlock-passphrase", PASSPHRASE).await?;
    click(driver, "unlock-submit").await?;
    wait_text(driver, "[data-testid='unlock-error']", "does not open").await?;
    unlock(driver, NEW_PASSPHRASE).await?;

    // The app clears the clipboard 30 s after copying (it still holds our key, so it is ours).
    tokio::time::sleep(Duration::from_secs(32).saturating_sub(copied_at.elapsed())).await;
    let left = clipboard()?;
    check!(
        left.is_empty(),
        "the clipboard is cleared after 30 s, still held {left:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_change_the_passphrase_and_verify() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, settings_flow).await
}
