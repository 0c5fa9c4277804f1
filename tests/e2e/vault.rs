//! Vault and unlock: first run, a wrong passphrase, a restart, the recovery key.

use crate::support::{
    MENTORS, NEW_PASSPHRASE, Outcome, PASSPHRASE, TauriDriver, built_app, check, click, el,
    files_containing, in_session, mentor_names, screenshot, testid, to_mentors, type_into, unlock,
};
use thirtyfour::prelude::*;

/// First run: create, save the recovery key, add two mentors, lock, a wrong passphrase, unlock.
async fn first_run(driver: &WebDriver) -> Outcome<String> {
    type_into(driver, "create-passphrase", PASSPHRASE).await?;
    type_into(driver, "create-confirm", PASSPHRASE).await?;
    screenshot(driver, "1-create").await?;
    click(driver, "create-submit").await?;

    let recovery_key = el(driver, "recovery-key-text")
        .await?
        .attr("textContent")
        .await?
        .unwrap_or_default();
    check!(
        recovery_key.len() == 39 && recovery_key.matches('-').count() == 7,
        "recovery key shown as 8 groups: {recovery_key:?}"
    );
    screenshot(driver, "2-recovery-key").await?;
    check!(
        !el(driver, "recovery-continue").await?.is_enabled().await?,
        "continue waits for the 'saved it' tick"
    );
    click(driver, "recovery-saved").await?;
    click(driver, "recovery-continue").await?;

    to_mentors(driver).await?;
    el(driver, "mentors-empty").await?;
    for name in MENTORS {
        type_into(driver, "mentor-name", name).await?;
        click(driver, "mentor-add").await?;
        let added = mentor_names(driver).await?;
        check!(
            added.iter().any(|n| n == name),
            "{name} appears in the list after adding, got {added:?}"
        );
    }
    check!(
        mentor_names(driver).await? == MENTORS,
        "both mentors listed in order"
    );
    screenshot(driver, "3-mentors").await?;
    // Control for the locked check below: while unlocked, the page's markup holds the names.
    let unlocked_page = driver.source().await?;
    check!(
        MENTORS.iter().all(|name| unlocked_page.contains(name)),
        "control: the unlocked page's markup names both mentors"
    );

    click(driver, "lock-button").await?;
    type_into(driver, "unlock-passphrase", "not my passphrase at all").await?;
    click(driver, "unlock-submit").await?;
    let message = el(driver, "unlock-error").await?.text().await?;
    check!(
        message.contains("does not open"),
        "wrong passphrase message shown, got {message:?}"
    );
    check!(
        driver.find_all(testid("mentor-item")).await?.is_empty(),
        "no mentor list while locked"
    );
    // Not only hidden: no journal text is left anywhere in the page's markup (a screen kept
    // behind the unlock form, a stale title, an attribute).
    let locked_page = driver.source().await?;
    let left: Vec<&str> = MENTORS
        .iter()
        .copied()
        .filter(|name| locked_page.contains(name))
        .collect();
    check!(
        left.is_empty(),
        "nothing of the journal in the page while locked, found {left:?}"
    );
    screenshot(driver, "4-unlock-wrong").await?;

    let took = unlock(driver, PASSPHRASE).await?;
    println!(
        "unlock (submit to dashboard, first run): {} ms",
        took.as_millis()
    );
    check!(
        mentor_names(driver).await? == MENTORS,
        "both mentors back after unlocking"
    );

    // Ctrl+L locks from anywhere.
    el(driver, "mentor-name")
        .await?
        .send_keys(Key::Control + "l")
        .await?;
    el(driver, "unlock-form").await?;
    Ok(recovery_key)
}

/// After a restart: unlock, then lock and come back in with the recovery key and a new passphrase.
async fn after_restart(driver: &WebDriver, recovery_key: &str) -> Outcome {
    el(driver, "unlock-form").await?;
    let took = unlock(driver, PASSPHRASE).await?;
    println!(
        "unlock (submit to dashboard, after restart): {} ms",
        took.as_millis()
    );
    check!(
        mentor_names(driver).await? == MENTORS,
        "both mentors survive a restart"
    );

    click(driver, "lock-button").await?;
    click(driver, "unlock-use-recovery").await?;
    type_into(driver, "recover-key", &recovery_key.to_lowercase()).await?;
    click(driver, "recover-submit").await?;
    type_into(driver, "new-passphrase", NEW_PASSPHRASE).await?;
    type_into(driver, "new-confirm", NEW_PASSPHRASE).await?;
    click(driver, "new-submit").await?;
    to_mentors(driver).await?;
    check!(
        mentor_names(driver).await? == MENTORS,
        "the recovery key opens the same journal"
    );

    click(driver, "lock-button").await?;
    unlock(driver, NEW_PASSPHRASE).await?;
    check!(
        mentor_names(driver).await? == MENTORS,
        "the new passphrase opens it"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn create_lock_unlock_restart_and_recover() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;

    let recovery_key = in_session(driver.session(&app).await?, first_run).await?;
    let recovery_key_for_restart = recovery_key.clone();
    in_session(driver.session(&app).await?, async move |d: &WebDriver| {
        after_restart(d, &recovery_key_for_restart).await
    })
    .await?;
    drop(driver);

    let files: Vec<_> = std::fs::read_dir(journal_dir.path())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    println!("journal folder after the run: {files:?}");
    for name in MENTORS {
        let hits = files_containing(journal_dir.path(), name)?;
        assert!(
            hits.is_empty(),
            "{name:?} must not be stored in plaintext, found in {hits:?}"
        );
    }
    Ok(())
}
