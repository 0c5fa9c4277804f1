//! Hostile notes in the real webview.

use crate::support::{
    Outcome, TauriDriver, add_mentor, built_app, check, click, create_journal, el, in_session,
    quick_note, type_into,
};
use std::time::Duration;
use thirtyfour::prelude::*;

/// Sets a textarea's value the way typing would (Svelte listens to `input`), without typing
/// hundreds of characters through WebDriver.
async fn set_body(driver: &WebDriver, text: &str) -> Outcome {
    driver
        .execute(
            "const t = document.querySelector(\"[data-testid='note-body']\"); t.value = arguments[0]; \
             t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::Value::String(text.to_owned())],
        )
        .await?;
    Ok(())
}

/// Every hostile payload is previewed (rendered by Rust, inserted by the UI), then all of them are
/// saved in one note, reopened and previewed again; no script runs and nothing remote is requested.
async fn xss_flow(driver: &WebDriver) -> Outcome {
    create_journal(driver).await?;
    add_mentor(driver, "Dr. Hostile").await?;
    driver
        .execute(
            "window.__violations = []; document.addEventListener('securitypolicyviolation', \
             e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));",
            vec![],
        )
        .await?;
    quick_note(driver, "Hostile").await?;

    let payloads = mentor_journal_tests::hostile_payloads();
    for payload in &payloads {
        set_body(driver, payload).await?;
        click(driver, "note-preview").await?;
        el(driver, "note-rendered").await?;
        click(driver, "note-preview").await?;
        el(driver, "note-body").await?;
    }
    set_body(driver, &payloads.join("\n\n")).await?;
    type_into(driver, "note-title", "Hostile corpus").await?;
    click(driver, "note-save").await?;
    click(driver, "timeline-entry").await?;
    click(driver, "note-preview").await?;
    el(driver, "note-rendered").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let state = driver
        .execute(
            "return { xss: window.__xss === undefined ? null : String(window.__xss), \
                      violations: window.__violations, \
                      remote: performance.getEntriesByType('resource').map(e => e.name) \
                              .filter(n => !n.startsWith(location.origin) && !n.startsWith('ipc:') && !n.includes('ipc.localhost')) };",
            vec![],
        )
        .await?
        .json()
        .clone();
    println!(
        "xss: {} payloads rendered one by one and together; page state {state}",
        payloads.len()
    );
    check!(
        state["xss"].is_null(),
        "a payload ran: window.__xss = {}",
        state["xss"]
    );
    check!(
        state["remote"].as_array().is_some_and(|a| a.is_empty()),
        "remote requests: {}",
        state["remote"]
    );
    check!(
        state["violations"].as_array().is_some_and(|a| a.is_empty()),
        "blocked attempts: {}",
        state["violations"]
    );

    // Control: unsanitised HTML inserted directly is caught by the sensor (and blocked by the CSP).
    driver
        .execute(
            "const d = document.createElement('div'); d.innerHTML = '<img src=\"nope.png\" onerror=\"window.__xss=2\">'; \
             document.body.appendChild(d);",
            vec![],
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let control = driver
        .execute("return window.__violations.length;", vec![])
        .await?
        .json()
        .clone();
    println!("xss control: raw inline handler produced {control} CSP violation(s)");
    check!(
        control.as_u64().is_some_and(|n| n > 0),
        "the sensor must see a raw inline handler being blocked"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_notes_run_no_script_in_the_real_webview() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, xss_flow).await
}
