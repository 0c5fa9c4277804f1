//! Steps a user takes in the app that several tests share: create, unlock, add a mentor, a note.

use super::{Outcome, PASSPHRASE, click, el, press, type_into, wait_text};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// Unlocks with the passphrase and returns how long it took from submit to the review dashboard
/// (the screen the journal opens on); then goes on to the mentors screen.
pub async fn unlock(driver: &WebDriver, passphrase: &str) -> Outcome<Duration> {
    let took = unlock_to_dashboard(driver, passphrase).await?;
    to_mentors(driver).await?;
    Ok(took)
}

pub async fn unlock_to_dashboard(driver: &WebDriver, passphrase: &str) -> Outcome<Duration> {
    type_into(driver, "unlock-passphrase", passphrase).await?;
    let started = Instant::now();
    click(driver, "unlock-submit").await?;
    el(driver, "dashboard").await?;
    Ok(started.elapsed())
}

/// From the dashboard (or anywhere unlocked) to the mentors screen.
pub async fn to_mentors(driver: &WebDriver) -> Outcome {
    el(driver, "dashboard").await?;
    click(driver, "nav-mentors").await?;
    el(driver, "mentors-screen").await?;
    Ok(())
}

/// Creates a journal on the first-start screen and continues past the recovery key.
pub async fn create_journal(driver: &WebDriver) -> Outcome {
    type_into(driver, "create-passphrase", PASSPHRASE).await?;
    type_into(driver, "create-confirm", PASSPHRASE).await?;
    click(driver, "create-submit").await?;
    click(driver, "recovery-saved").await?;
    click(driver, "recovery-continue").await?;
    to_mentors(driver).await?;
    Ok(())
}

/// Adds an active mentor from the mentors screen and waits until it is listed.
pub async fn add_mentor(driver: &WebDriver, name: &str) -> Outcome {
    type_into(driver, "mentor-name", name).await?;
    click(driver, "mentor-add").await?;
    wait_text(driver, "[data-testid='mentor-item']", name).await?;
    Ok(())
}

/// Ctrl+N, then picks the mentor by typing part of the name and Enter.
pub async fn quick_note(driver: &WebDriver, mentor: &str) -> Outcome {
    press(driver, Key::Control + "n").await?;
    type_into(driver, "mentor-picker", mentor).await?;
    press(driver, Key::Enter).await?;
    el(driver, "note-body").await?;
    Ok(())
}

/// Opens the unfinished note offered on the mentors screen and returns its body.
pub async fn resume_draft(driver: &WebDriver) -> Outcome<String> {
    click(driver, "draft-resume").await?;
    Ok(el(driver, "note-body")
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}
