//! The journal locks itself: after idling, and when the desktop locks its screen.

use crate::support::{
    Outcome, PASSPHRASE, SessionBus, TauriDriver, add_mentor, built_app, check, click,
    create_journal, el, in_app_on_bus, in_session, quick_note, resume_draft, testid, type_into,
    unlock, wait_text,
};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// Auto-lock: with the shortest idle time, the app locks by itself, nothing of the note stays in
/// the DOM, and the draft that was open is saved, not lost.
async fn auto_lock_flow(driver: &WebDriver) -> Outcome {
    create_journal(driver).await?;
    add_mentor(driver, "Dr. Idle").await?;
    click(driver, "nav-settings").await?;
    driver
        .execute(
            "const s = document.querySelector(\"[data-testid='autolock']\"); s.value = '30'; \
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await?;
    wait_text(
        driver,
        "[data-testid='settings-screen'] :is([aria-live], [role='status'])",
        "30 seconds",
    )
    .await?;

    quick_note(driver, "Idle").await?;
    type_into(driver, "note-body", "Secret idle sentence about burnout").await?;
    let started = Instant::now();
    driver
        .query(testid("unlock-form"))
        .wait(Duration::from_secs(60), Duration::from_millis(500))
        .first()
        .await?;
    println!(
        "auto-lock: locked itself {} s after the last keystroke (setting: 30 s)",
        started.elapsed().as_secs()
    );
    let dom = driver.source().await?;
    check!(
        !dom.contains("Secret idle sentence"),
        "the note text must be gone from the DOM once locked"
    );
    check!(!dom.contains("Dr. Idle"), "and so must the mentor list");

    unlock(driver, PASSPHRASE).await?;
    let body = resume_draft(driver).await?;
    check!(
        body == "Secret idle sentence about burnout",
        "the open draft was saved before locking: {body:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_app_locks_itself_and_clears_the_screen() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, auto_lock_flow).await
}

/// The desktop locks its screen: the journal locks too and the page forgets the note.
async fn screen_lock_flow(driver: &WebDriver, bus: &SessionBus) -> Outcome {
    create_journal(driver).await?;
    add_mentor(driver, "Dr. Screensaver").await?;
    quick_note(driver, "Screensaver").await?;
    type_into(
        driver,
        "note-body",
        "Words written just before the screen locked",
    )
    .await?;

    bus.signal(
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        "boolean:true",
    )?;
    el(driver, "unlock-form").await?;
    let dom = driver.source().await?;
    check!(
        !dom.contains("Words written just before"),
        "the note is gone from the DOM after a screen lock"
    );
    unlock(driver, PASSPHRASE).await?;
    let body = resume_draft(driver).await?;
    check!(
        body == "Words written just before the screen locked",
        "the draft was saved before locking: {body:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_screen_lock_locks_the_journal() -> Outcome {
    let bus = SessionBus::start()?;
    in_app_on_bus(&bus, async |d: &WebDriver| screen_lock_flow(d, &bus).await).await
}
