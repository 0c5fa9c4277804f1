//! End to end: the real app binary, driven through tauri-driver and WebKitWebDriver under Xvfb.
//!
//! Run with `make e2e` (it builds the app with the UI embedded and starts Xvfb). The app is pointed
//! at a temporary journal folder through `MENTOR_JOURNAL_DIR`, which tauri-driver passes on to it.
//! Each WebDriver session is quit before its observations are asserted, and tauri-driver is stopped
//! with SIGTERM (SIGKILL would orphan WebKitWebDriver and the next run would talk to a stale app).

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

type Outcome<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

const PASSPHRASE: &str = "rounds at dawn, coffee at noon";
const NEW_PASSPHRASE: &str = "a fresh passphrase after recovery";
const MENTORS: [&str; 2] = ["Dr. Amara Osei", "Dr. Tomasz Wierzbicki"];

macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+).into());
        }
    };
}

/// tauri-driver on free ports, stopped with SIGTERM when dropped.
struct TauriDriver {
    child: Child,
    port: u16,
}

impl TauriDriver {
    fn start(journal_dir: &Path) -> Outcome<Self> {
        Self::start_with(journal_dir, &[])
    }

    /// Starts tauri-driver (and so the app) with extra environment, e.g. private XDG folders.
    fn start_with(journal_dir: &Path, env: &[(&str, &Path)]) -> Outcome<Self> {
        let port = free_port()?;
        let native_port = free_port()?;
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("MENTOR_JOURNAL_DIR", journal_dir)
            .envs(env.iter().map(|(k, v)| (*k, *v)))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| {
                format!("could not start tauri-driver (make test-deps installs it): {e}")
            })?;
        let driver = TauriDriver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            check!(
                Instant::now() < deadline,
                "tauri-driver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }

    /// A new WebDriver session: tauri-driver starts a fresh app process for it.
    async fn session(&self, app: &Path) -> Outcome<WebDriver> {
        // tauri-driver listens before WebKitWebDriver behind it is ready; a new session can fail
        // with a connection error in that window, so it is retried a few times.
        let mut attempt = 0;
        loop {
            let mut caps = Capabilities::new();
            caps.set("browserName", "wry")?;
            caps.set("tauri:options", serde_json::json!({ "application": app }))?;
            match WebDriver::new(format!("http://127.0.0.1:{}", self.port), caps).await {
                Ok(driver) => return Ok(driver),
                Err(err) if attempt < 4 => {
                    attempt += 1;
                    eprintln!("new WebDriver session failed ({err}); retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(err) => return Err(err.into()),
            }
        }
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn free_port() -> Outcome<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

fn app_binary() -> PathBuf {
    std::env::var_os("MENTOR_JOURNAL_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/mentor-journal")
        })
}

/// The app binary, which must have been built with the UI embedded (`make e2e` does).
fn built_app() -> Outcome<PathBuf> {
    let app = app_binary();
    check!(
        app.exists(),
        "build the app first (make e2e does): {}",
        app.display()
    );
    Ok(app)
}

fn testid(id: &str) -> By {
    By::Css(format!("[data-testid='{id}']"))
}

async fn el(driver: &WebDriver, id: &str) -> Outcome<WebElement> {
    Ok(driver
        .query(testid(id))
        .wait(Duration::from_secs(20), Duration::from_millis(100))
        .first()
        .await?)
}

async fn type_into(driver: &WebDriver, id: &str, text: &str) -> Outcome {
    let field = el(driver, id).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

async fn click(driver: &WebDriver, id: &str) -> Outcome {
    el(driver, id).await?.click().await?;
    Ok(())
}

/// The mentor names listed, once the list has settled (polls until two reads agree).
async fn mentor_names(driver: &WebDriver) -> Outcome<Vec<String>> {
    el(driver, "mentor-list").await?;
    let mut last: Option<Vec<String>> = None;
    loop {
        let mut names = Vec::new();
        for item in driver
            .find_all(By::Css("[data-testid='mentor-item'] .name"))
            .await?
        {
            names.push(item.text().await?);
        }
        if last.as_ref() == Some(&names) {
            return Ok(names);
        }
        last = Some(names);
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Saves a screenshot for people to look at; best effort, it asserts nothing. The X display is
/// captured with ImageMagick's `import` when it is installed (what a user would see, window and
/// all); otherwise WebDriver's own screenshot, which WebKitWebDriver sometimes never answers.
async fn screenshot(driver: &WebDriver, name: &str) -> Outcome {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let captured = Command::new("import")
        .args(["-window", "root"])
        .arg(&path)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !captured {
        match tokio::time::timeout(Duration::from_secs(15), driver.screenshot_as_png()).await {
            Ok(Ok(png)) => std::fs::write(&path, png)?,
            Ok(Err(err)) => println!("screenshot {name} failed: {err}"),
            Err(_) => println!("screenshot {name} timed out"),
        }
    }
    Ok(())
}

/// Unlocks with the passphrase and returns how long it took from submit to the review dashboard
/// (the screen the journal opens on); then goes on to the mentors screen.
async fn unlock(driver: &WebDriver, passphrase: &str) -> Outcome<Duration> {
    let took = unlock_to_dashboard(driver, passphrase).await?;
    to_mentors(driver).await?;
    Ok(took)
}

async fn unlock_to_dashboard(driver: &WebDriver, passphrase: &str) -> Outcome<Duration> {
    type_into(driver, "unlock-passphrase", passphrase).await?;
    let started = Instant::now();
    click(driver, "unlock-submit").await?;
    el(driver, "dashboard").await?;
    Ok(started.elapsed())
}

/// From the dashboard (or anywhere unlocked) to the mentors screen.
async fn to_mentors(driver: &WebDriver) -> Outcome {
    el(driver, "dashboard").await?;
    click(driver, "nav-mentors").await?;
    el(driver, "mentors-screen").await?;
    Ok(())
}

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
        "nothing of the journal while locked"
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

/// Runs the steps, quits the session whatever happened, then reports the steps' outcome.
async fn in_session<T>(
    driver: WebDriver,
    steps: impl AsyncFnOnce(&WebDriver) -> Outcome<T>,
) -> Outcome<T> {
    let outcome = steps(&driver).await;
    if outcome.is_err() {
        let _ = screenshot(&driver, "failure").await;
    }
    driver.quit().await?;
    outcome
}

fn files_containing(dir: &Path, needle: &str) -> Outcome<Vec<PathBuf>> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            hits.extend(files_containing(&path, needle)?);
        } else if std::fs::read(&path)?
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
        {
            hits.push(path);
        }
    }
    Ok(hits)
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

/// Opens the unfinished note offered on the mentors screen and returns its body.
async fn resume_draft(driver: &WebDriver) -> Outcome<String> {
    click(driver, "draft-resume").await?;
    Ok(el(driver, "note-body")
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

/// Adds an active mentor from the mentors screen and waits until it is listed.
async fn add_mentor(driver: &WebDriver, name: &str) -> Outcome {
    type_into(driver, "mentor-name", name).await?;
    click(driver, "mentor-add").await?;
    wait_text(driver, "[data-testid='mentor-item']", name).await?;
    Ok(())
}

/// Ctrl+N, then picks the mentor by typing part of the name and Enter.
async fn quick_note(driver: &WebDriver, mentor: &str) -> Outcome {
    press(driver, Key::Control + "n").await?;
    type_into(driver, "mentor-picker", mentor).await?;
    press(driver, Key::Enter).await?;
    el(driver, "note-body").await?;
    Ok(())
}

/// Creates a journal on the first-start screen and continues past the recovery key.
async fn create_journal(driver: &WebDriver) -> Outcome {
    type_into(driver, "create-passphrase", PASSPHRASE).await?;
    type_into(driver, "create-confirm", PASSPHRASE).await?;
    click(driver, "create-submit").await?;
    click(driver, "recovery-saved").await?;
    click(driver, "recovery-continue").await?;
    to_mentors(driver).await?;
    Ok(())
}

async fn press(driver: &WebDriver, keys: impl Into<TypingData>) -> Outcome {
    driver.active_element().await?.send_keys(keys).await?;
    Ok(())
}

async fn click_css(driver: &WebDriver, css: &str) -> Outcome {
    driver
        .query(By::Css(css))
        .wait(Duration::from_secs(20), Duration::from_millis(100))
        .first()
        .await?
        .click()
        .await?;
    Ok(())
}

async fn texts(driver: &WebDriver, css: &str) -> Outcome<Vec<String>> {
    let mut out = Vec::new();
    for e in driver.find_all(By::Css(css)).await? {
        out.push(e.text().await?);
    }
    Ok(out)
}

/// Polls until `css` matches an element whose text contains `needle`.
async fn wait_text(driver: &WebDriver, css: &str, needle: &str) -> Outcome<String> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = texts(driver, css).await?;
        if let Some(t) = found.iter().find(|t| t.contains(needle)) {
            return Ok(t.clone());
        }
        check!(
            Instant::now() < deadline,
            "no {css} containing {needle:?}; saw {found:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

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
    el(driver, "note-editor").await?;

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

/// What the X clipboard holds now, read with xclip (empty when nothing is offered).
fn clipboard() -> Outcome<String> {
    let out = Command::new("xclip")
        .args(["-selection", "clipboard", "-o"])
        .stderr(Stdio::null())
        .output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_change_the_passphrase_and_verify() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, settings_flow).await
}

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
        "[data-testid='settings-screen'] [aria-live]",
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

    let listing = Command::new("find")
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

fn count_files(dir: &Path) -> Outcome<usize> {
    let mut n = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        n += if path.is_dir() {
            count_files(&path)?
        } else {
            1
        };
    }
    Ok(n)
}

/// A private D-Bus session bus for one test, stopped when dropped.
struct SessionBus {
    daemon: Child,
    address: String,
}

impl SessionBus {
    fn start() -> Outcome<Self> {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("dbus-daemon is needed (make test-deps installs it): {e}"))?;
        let stdout = daemon.stdout.take().ok_or("no stdout")?;
        let mut address = String::new();
        BufReader::new(stdout).read_line(&mut address)?;
        Ok(SessionBus {
            daemon,
            address: address.trim().to_owned(),
        })
    }

    fn signal(&self, path: &str, member: &str, arg: &str) -> Outcome {
        let status = Command::new("dbus-send")
            .args(["--session", "--type=signal", path, member, arg])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .status()?;
        check!(status.success(), "dbus-send failed");
        Ok(())
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
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
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let bus = SessionBus::start()?;
    let driver = TauriDriver::start_with(
        journal_dir.path(),
        &[("DBUS_SESSION_BUS_ADDRESS", Path::new(&bus.address))],
    )?;
    let bus_ref = &bus;
    in_session(driver.session(&app).await?, async move |d: &WebDriver| {
        screen_lock_flow(d, bus_ref).await
    })
    .await
}

/// Sets an input's value as a user picking it would (dates are awkward to type in WebKit), and
/// fires `input` so the page's bindings see it.
async fn set_value(driver: &WebDriver, id: &str, value: &str) -> Outcome {
    let field = el(driver, id).await?;
    driver
        .execute(
            "arguments[0].value = arguments[1]; \
             arguments[0].dispatchEvent(new Event('input', { bubbles: true })); \
             arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
            vec![field.to_json()?, serde_json::json!(value)],
        )
        .await?;
    Ok(())
}

fn days_from_today(days: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn count(driver: &WebDriver, id: &str) -> Outcome<usize> {
    Ok(driver.find_all(testid(id)).await?.len())
}

/// Polls until exactly `n` elements carry the test id.
async fn wait_count(driver: &WebDriver, id: &str, n: usize) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = count(driver, id).await?;
        if found == n {
            return Ok(());
        }
        check!(
            Instant::now() < deadline,
            "expected {n} × {id}, found {found}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
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
        message.contains("before the goal was set"),
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
        if label.contains(&format!("33 % on {done_on}")) {
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

/// Settings: rename the goal's category, then remove it, moving the goal to another one.
async fn categories_flow(driver: &WebDriver) -> Outcome {
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

/// A believable journal for the README's screenshots, written through the app's own commands.
const SEED_JOURNAL: &str = r#"
const invoke = window.__TAURI_INTERNALS__.invoke;
const day = (offset) => { const d = new Date(); d.setDate(d.getDate() + offset); return d.toISOString().slice(0, 10); };
const mentor = async (name, role, areas, weeks) => (await invoke('mentor_add', { mentor: {
  name, role, specialty: '', institution: 'St. Mary\'s', email: '', phone: '', howWeMet: '', origin: 'organic',
  privateNotes: '', focusAreas: areas, status: 'active', cadenceDays: weeks * 7, usualChannel: 'coffee',
  agreedGoals: '', introducedBy: null } })).id;
const osei = await mentor('Dr. Amara Osei', 'Associate professor, cardiology', ['Research', 'Career'], 4);
const park = await mentor('Dr. Lena Park', 'Program director', ['Career', 'Leadership'], 8);
const ng = await mentor('Dr. Samuel Ng', 'Senior resident', ['Clinical skills'], 2);
const ruiz = await mentor('Dr. Carmen Ruiz', 'Hospitalist', ['Clinical skills', 'Work-life & personal'], 6);
const notes = [[osei, -40, 'Registry paper plan', ['Draft the methods first', 'Ask stats for a power check']],
  [osei, -95, 'Abstract feedback', ['Shorten the background']], [osei, -160, 'First meeting', ['Agree on a monthly slot']],
  [osei, -220, 'Project ideas', ['Look at the heart-failure registry']],
  [park, -20, 'Fellowship timeline', ['Letters by March', 'Pick two away rotations']], [park, -120, 'Mid-year review', ['Lead the journal club']],
  [park, -250, 'Career check-in', ['Shadow the cardiology fellows']],
  [ng, -5, 'Night shifts', ['Prioritise sick patients at handover']], [ng, -19, 'ECG practice', ['Do ten ECGs a week']],
  [ng, -33, 'Procedures', ['Log every central line']], [ng, -61, 'Presenting on rounds', ['Lead with the assessment']],
  [ng, -300, 'Intern survival', ['Sleep before nights']],
  [ruiz, -70, 'Balancing exams and wards', ['Block two study evenings']], [ruiz, -180, 'Burnout check', ['Book the GP appointment']]];
for (const [mentorId, offset, title, takeaways] of notes) {
  await invoke('conversation_add', { conversation: { mentorId, occurredAt: `${day(offset)}T17:30:00`, channel: 'coffee',
    durationMinutes: 30, title, body: '', takeaways, energy: null, stress: null }, draft: false });
}
const goal = async (title, category, target, set, mentorIds, criteria) => (await invoke('goal_add', { goal: {
  title, description: '', category, successCriteria: criteria, targetDate: day(target), progressFrom: 'reviews',
  setOn: day(set), mentorIds } })).id;
const review = (id, offset, progress, note) => invoke('goal_review', { id, review: { reviewedOn: day(offset), progress,
  note, newTitle: null, newCriteria: null, reason: '' } });
const paper = await goal('Submit the registry paper as first author', 'Research', 75, -200, [osei], 'Manuscript submitted to a cardiology journal');
await review(paper, -150, 10, 'Question agreed'); await review(paper, -100, 30, 'Data extracted');
await review(paper, -40, 45, 'Methods drafted'); await review(paper, -8, 60, 'Results written');
for (const [title, done] of [['Research question agreed', -150], ['Data extracted', -100], ['Methods drafted', -40],
  ['Results and discussion written', -8], ['Co-authors signed off', null], ['Submitted', null]]) {
  const m = await invoke('milestone_add', { goalId: paper, title });
  if (done !== null) await invoke('milestone_set_done', { id: m.id, doneOn: day(done) });
}
const fellowship = await goal('Apply to cardiology fellowship', 'Career planning', 9, -260, [park, osei], 'Applications sent with three letters');
await review(fellowship, -200, 10, 'Decided on cardiology'); await review(fellowship, -90, 40, 'Two letters promised');
await review(fellowship, -45, 70, 'Personal statement drafted');
const ecg = await goal('Read ECGs with confidence', 'Skill development', 40, -90, [ng], 'Score 90 % on the ECG quiz');
await review(ecg, -60, 25, 'Started ten a week'); await review(ecg, -30, 50, 'Quiz at 70 %');
for (const step of ['Ten ECGs a week for a month', 'Quiz at 80 %', 'Quiz at 90 %']) await invoke('milestone_add', { goalId: ecg, title: step });
const balance = await goal('Protect two evenings a week', 'Work-life balance', 120, -120, [ruiz], 'Eight weeks in a row');
await review(balance, -110, 20, 'Hard on nights');
const item = (title, due, owner, mentorId) => invoke('action_item_add', { item: { title, dueOn: due === null ? null : day(due),
  owner, mentorId, conversationId: null, goalId: null } });
await item('Send the methods draft to Dr. Osei', -2, 'me', osei); await item('Letter of support', 4, 'mentor', park);
await item('Book the away rotation', 6, 'me', park); await item('Introduce me to the echo lab', 12, 'mentor', osei);
await item('Upload ECG quiz results', 3, 'me', ng);
for (const q of ['Is a research year worth it before fellowship?', 'Which journal for the registry paper?', 'Can I present at the spring meeting?'])
  await invoke('question_add', { mentorId: osei, text: q });
return osei;
"#;

/// Regenerates the README's screenshots from a seeded journal: `make docs-screenshots`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes docs/*.png; run with make docs-screenshots"]
async fn readme_screenshots() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        create_journal(d).await?;
        let osei = d.execute(SEED_JOURNAL, vec![]).await?.json().clone();
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
        std::fs::create_dir_all(&docs)?;
        let shoot = |name: &str| {
            let status = Command::new("import")
                .args(["-window", "root", "-crop", "1100x760+0+0"])
                .arg(docs.join(name))
                .status();
            status.map(|s| s.success())
        };
        click(d, "nav-dashboard").await?;
        wait_text(d, "[data-testid='dashboard-goal']", "registry paper").await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        check!(shoot("dashboard.png")?, "screenshot of the dashboard");
        d.execute(
            "const c = document.querySelector('main.content'); c.scrollTop = c.scrollHeight;",
            vec![],
        )
        .await?;
        screenshot(d, "dashboard-lower").await?;
        // The registry paper: reviews and milestones done, so the chart shows both lines.
        d.find(By::XPath(
            "//*[@data-testid='dashboard-goal'][contains(., 'registry paper')]//button",
        ))
        .await?
        .click()
        .await?;
        el(d, "progress-chart").await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        check!(shoot("goal-page.png")?, "screenshot of the goal page");
        click(d, "nav-mentors").await?;
        click_css(d, "[data-testid='mentor-item'] button").await?;
        check!(osei.is_number(), "seeded: {osei}");
        click(d, "mentor-prep").await?;
        el(d, "prep-goal").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        check!(shoot("prep-sheet.png")?, "screenshot of the prep sheet");
        Ok(())
    })
    .await
}
