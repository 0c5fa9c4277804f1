//! No journal text in plaintext anywhere the app writes.

use crate::support::{
    Outcome, TauriDriver, add_mentor, built_app, check, click, click_css, count_files,
    create_journal, el, files_containing, in_session, press, type_into, wait_text,
};
use mentor_journal_tests::tool;
use thirtyfour::prelude::*;

/// Writes notes through the app's own IPC from inside the page, in batches.
async fn write_markers(driver: &WebDriver, markers: &[String]) -> Outcome {
    for batch in markers.chunks(100) {
        let args: Vec<serde_json::Value> = vec![serde_json::json!(batch)];
        driver
            .execute(
                "const [bodies] = arguments; const invoke = window.__TAURI_INTERNALS__.invoke; \
                 const mentors = await invoke('mentors_list', { filter: { status: null, focusArea: null, sort: 'name' } }); \
                 const mentorId = mentors[0].mentor.id; \
                 for (const body of bodies) { \
                   await invoke('conversation_add', { conversation: { mentorId, occurredAt: null, channel: null, \
                     durationMinutes: null, title: body, body, takeaways: [body], energy: null, stress: null }, draft: false }); \
                 } return bodies.length;",
                args,
            )
            .await?;
    }
    Ok(())
}

/// 1,000 markers go in through the app; afterwards none is found in plaintext anywhere the app
/// writes: the journal folder, and the app's data, cache and config folders (webview storage).
async fn markers_flow(driver: &WebDriver, markers: &[String]) -> Outcome {
    create_journal(driver).await?;
    add_mentor(driver, "Dr. Marker").await?;
    write_markers(driver, markers).await?;
    // Show some of them on screen too, so the webview has rendered journal text.
    press(driver, Key::Control + "k").await?;
    click_css(driver, "dialog[open] [data-testid='search-input']").await?;
    type_into(driver, "search-input", "PlainCanary").await?;
    wait_text(driver, "[data-testid='search-hit']", "PlainCanary").await?;
    press(driver, Key::Escape).await?;
    click(driver, "lock-button").await?;
    el(driver, "unlock-form").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_markers_leave_no_plaintext_on_disk() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let xdg = tempfile::tempdir()?;
    let (data, cache, config) = (
        xdg.path().join("data"),
        xdg.path().join("cache"),
        xdg.path().join("config"),
    );
    for d in [&data, &cache, &config] {
        std::fs::create_dir_all(d)?;
    }
    let markers: Vec<String> = (0..1000).map(|i| format!("PlainCanary{i:04}Zq")).collect();
    let driver = TauriDriver::start_with(
        journal_dir.path(),
        &[
            ("XDG_DATA_HOME", &data),
            ("XDG_CACHE_HOME", &cache),
            ("XDG_CONFIG_HOME", &config),
        ],
    )?;
    let for_session = markers.clone();
    in_session(driver.session(&app).await?, async move |d: &WebDriver| {
        markers_flow(d, &for_session).await
    })
    .await?;
    drop(driver);

    // The control: the scan does see plaintext placed in those folders.
    std::fs::write(cache.join("control.txt"), &markers[7])?;
    check!(
        !files_containing(xdg.path(), &markers[7])?.is_empty(),
        "control: the scan finds plaintext"
    );
    std::fs::remove_file(cache.join("control.txt"))?;

    let listing = tool("find")?
        .arg(xdg.path())
        .arg("-type")
        .arg("f")
        .output()?;
    println!(
        "app data/cache/config files: {}",
        String::from_utf8_lossy(&listing.stdout)
            .replace(&xdg.path().display().to_string(), "")
            .trim()
            .replace('\n', ", ")
    );
    let mut written = 0;
    for dir in [journal_dir.path(), xdg.path()] {
        written += count_files(dir)?;
    }
    // Every marker shares the prefix, so a file without the prefix holds none of them.
    let mut found = Vec::new();
    for dir in [journal_dir.path(), xdg.path()] {
        found.extend(files_containing(dir, "PlainCanary")?);
    }
    println!(
        "no plaintext: 1000 markers written through the app, {written} files scanned, {} hits",
        found.len()
    );
    assert!(found.is_empty(), "markers found in plaintext: {found:?}");
    Ok(())
}
