//! What a new user met in the daily loop (issue 12), in the real window: a link in a note asks
//! and then opens in the system's browser (never in the window, whatever the page does), Ctrl+N
//! lands in the mentor picker after a click elsewhere, search finds hyphenated words, moves with
//! the arrow keys and shows snippets without Markdown syntax, and a recovery key never confirmed
//! as saved is caught at the next unlock.

use crate::support::{
    Outcome, PASSPHRASE, TauriDriver, add_mentor, built_app, check, click, click_css,
    create_journal, el, in_session, press, quick_note, screenshot, testid, type_into, wait_text,
};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// A stand-in browser: the system's opener (xdg-open) finds it as the handler for web links in
/// private XDG folders, and it writes the address it was given to `opened` instead of browsing.
fn stand_in_browser(root: &Path) -> Outcome<(Vec<(&'static str, PathBuf)>, PathBuf)> {
    let opened = root.join("opened.txt");
    let script = root.join("browser.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            opened.display()
        ),
    )?;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
    let (data, config) = (root.join("data"), root.join("config"));
    std::fs::create_dir_all(data.join("applications"))?;
    std::fs::create_dir_all(&config)?;
    std::fs::write(
        data.join("applications/stand-in-browser.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Stand-in browser\nExec={} %u\n\
             MimeType=x-scheme-handler/http;x-scheme-handler/https;x-scheme-handler/mailto;\n",
            script.display()
        ),
    )?;
    std::fs::write(
        config.join("mimeapps.list"),
        "[Default Applications]\nx-scheme-handler/http=stand-in-browser.desktop\n\
         x-scheme-handler/https=stand-in-browser.desktop\n\
         x-scheme-handler/mailto=stand-in-browser.desktop\n",
    )?;
    let env = vec![
        ("XDG_DATA_HOME", data),
        ("XDG_CONFIG_HOME", config),
        ("BROWSER", script),
    ];
    Ok((env, opened))
}

fn opened(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

async fn set_body(driver: &WebDriver, text: &str) -> Outcome {
    driver
        .execute(
            "const t = document.querySelector(\"[data-testid='note-body']\"); t.value = arguments[0]; \
             t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::json!(text)],
        )
        .await?;
    Ok(())
}

/// The window is still the app's, at its URL, with the journal's page in it.
async fn still_the_app(driver: &WebDriver, url: &str, what: &str) -> Outcome {
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let here = driver.current_url().await?;
    check!(
        here.as_str() == url,
        "{what} took the window to {here} (was {url})"
    );
    check!(
        !driver.find_all(testid("note-editor")).await?.is_empty(),
        "{what}: the app's page is gone"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_note_link_asks_then_opens_in_the_browser_and_never_in_the_window() -> Outcome {
    let app = built_app()?;
    // The app opens links through xdg-open; without it this test would only see a refusal.
    mentor_journal_tests::tool("xdg-open")?;
    let journal_dir = tempfile::tempdir()?;
    let home = tempfile::tempdir()?;
    let (env, opened_file) = stand_in_browser(home.path())?;
    let env: Vec<(&str, &Path)> = env.iter().map(|(k, v)| (*k, v.as_path())).collect();
    let driver = TauriDriver::start_with(journal_dir.path(), &env)?;
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        create_journal(d).await?;
        add_mentor(d, "Dr. Link").await?;
        quick_note(d, "Link").await?;
        let url = d.current_url().await?.to_string();
        set_body(
            d,
            "See [AAMC](https://www.aamc.org/) or [write](mailto:link@example.org)",
        )
        .await?;
        click(d, "note-preview").await?;
        let link = "[data-testid='note-rendered'] a[href^='https']";
        click_css(d, link).await?;
        let asked = wait_text(d, "dialog[open] [data-testid='link-url']", "aamc").await?;
        check!(
            asked == "https://www.aamc.org/",
            "the dialog names the link: {asked}"
        );
        screenshot(d, "link-confirm").await?;
        still_the_app(d, &url, "a click on a note link").await?;
        click_css(d, "dialog[open] [data-testid='confirm-cancel']").await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        check!(opened(&opened_file).is_empty(), "cancel opens nothing");

        click_css(d, link).await?;
        click_css(d, "dialog[open] [data-testid='confirm-ok']").await?;
        let deadline = Instant::now() + Duration::from_secs(15);
        while opened(&opened_file).is_empty() {
            check!(
                Instant::now() < deadline,
                "the system's browser was never asked to open the link"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        check!(
            opened(&opened_file) == ["https://www.aamc.org/"],
            "the browser got {:?}",
            opened(&opened_file)
        );
        still_the_app(d, &url, "opening the link").await?;

        // Whatever the page does, Rust keeps the window on the app: a script navigating, and
        // a real click on a link that the page's own handler does not see.
        d.execute("location.href = 'https://www.aamc.org/';", Vec::new())
            .await?;
        still_the_app(d, &url, "a script setting location").await?;
        d.execute(
            "const a = document.createElement('a'); a.href = 'https://example.org/'; \
             a.id = 'bare-link'; a.textContent = 'bare'; \
             a.addEventListener('click', e => e.stopImmediatePropagation()); \
             document.body.prepend(a);",
            Vec::new(),
        )
        .await?;
        d.find(By::Id("bare-link")).await?.click().await?;
        still_the_app(d, &url, "a link the page does not guard").await?;
        check!(
            opened(&opened_file).len() == 1,
            "nothing else was opened outside: {:?}",
            opened(&opened_file)
        );
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_n_lands_in_the_mentor_picker_after_a_click_elsewhere() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        create_journal(d).await?;
        add_mentor(d, "Dr. Amara Osei").await?;
        for nav in ["nav-goals", "nav-actions", "nav-dashboard"] {
            click(d, nav).await?;
            press(d, Key::Control + "n").await?;
            el(d, "mentor-picker").await?;
            let deadline = Instant::now() + Duration::from_secs(5);
            loop {
                let focused = d.active_element().await?.attr("data-testid").await?;
                if focused.as_deref() == Some("mentor-picker") {
                    break;
                }
                check!(
                    Instant::now() < deadline,
                    "after clicking {nav}, Ctrl+N left the focus on {focused:?}"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            // Typed at once, without a click: it lands in the picker, and Enter picks.
            press(d, "osei").await?;
            press(d, Key::Enter).await?;
            el(d, "note-body").await?;
        }
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_hyphenated_words_and_moves_with_the_arrow_keys() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        create_journal(d).await?;
        add_mentor(d, "Dr. Amara Osei").await?;
        for (title, body) in [
            (
                "Handover",
                "## Plan\n\nThe **half-written** handover needs a follow-up.",
            ),
            ("Post-op", "A post-op review of the half-written protocol."),
        ] {
            quick_note(d, "Osei").await?;
            type_into(d, "note-title", title).await?;
            set_body(d, body).await?;
            click(d, "note-save").await?;
            wait_text(d, "[data-testid='timeline-entry']", title).await?;
        }
        press(d, Key::Control + "k").await?;
        let input = el(d, "search-input").await?;
        input.send_keys("Half-written").await?;
        let deadline = Instant::now() + Duration::from_secs(15);
        let hits = loop {
            let hits = d.find_all(testid("search-hit")).await?;
            if hits.len() == 2 {
                break hits;
            }
            check!(
                Instant::now() < deadline,
                "\"Half-written\" found {} notes, not both",
                hits.len()
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        };
        for hit in &hits {
            let text = hit.text().await?;
            check!(
                !text.contains("**") && !text.contains("##"),
                "a snippet shows Markdown syntax: {text:?}"
            );
        }
        screenshot(d, "search-hyphen").await?;
        let first = hits[0].text().await?;
        let second = hits[1].text().await?;
        press(d, Key::Down).await?;
        let marked = d
            .find(By::Css(
                "[data-testid='search-results'] [aria-selected='true']",
            ))
            .await?
            .text()
            .await?;
        check!(
            marked == second && marked != first,
            "ArrowDown marks the second result: {marked:?}"
        );
        press(d, Key::Enter).await?;
        let title = if second.contains("Post-op") {
            "Post-op"
        } else {
            "Handover"
        };
        wait_text(d, "[data-testid='note-view-title']", title).await?;
        for (query, title) in [("follow-up", "Handover"), ("post-op review", "Post-op")] {
            press(d, Key::Control + "k").await?;
            let input = el(d, "search-input").await?;
            input.clear().await?;
            input.send_keys(query).await?;
            wait_text(d, "[data-testid='search-hit']", title).await?;
            press(d, Key::Escape).await?;
        }
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_on_the_recovery_key_screen_is_caught_at_the_next_unlock() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    // Created, and the app closed while the recovery key is on screen.
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        type_into(d, "create-passphrase", PASSPHRASE).await?;
        type_into(d, "create-confirm", PASSPHRASE).await?;
        click(d, "create-submit").await?;
        el(d, "recovery-key").await?;
        Ok(())
    })
    .await?;
    let first_key = in_session(driver.session(&app).await?, async |d: &WebDriver| {
        type_into(d, "unlock-passphrase", PASSPHRASE).await?;
        click(d, "unlock-submit").await?;
        let check = el(d, "recovery-check").await?.text().await?;
        check!(
            check.contains("No recovery key was confirmed"),
            "the unlock says so: {check:?}"
        );
        screenshot(d, "recovery-check").await?;
        // A new key re-encrypts the journal, so it asks for the passphrase first.
        click(d, "recovery-check-issue").await?;
        type_into(d, "recovery-check-passphrase", PASSPHRASE).await?;
        click(d, "recovery-check-submit").await?;
        let key = el(d, "recovery-key-text")
            .await?
            .prop("textContent")
            .await?
            .unwrap_or_default();
        click(d, "recovery-saved").await?;
        click(d, "recovery-continue").await?;
        el(d, "dashboard").await?;
        Ok(key)
    })
    .await?;
    check!(first_key.len() == 39, "a new key was shown: {first_key:?}");
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        type_into(d, "unlock-passphrase", PASSPHRASE).await?;
        click(d, "unlock-submit").await?;
        el(d, "dashboard").await?;
        check!(
            d.find_all(testid("recovery-check")).await?.is_empty(),
            "once confirmed, the next unlock goes straight to the journal"
        );
        Ok(())
    })
    .await
}
