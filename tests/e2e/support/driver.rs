//! tauri-driver and the WebDriver sessions it opens on the real app, and screenshots of them.

use super::Outcome;
use mentor_journal_tests::tool;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// tauri-driver on free ports, stopped with SIGTERM when dropped.
pub struct TauriDriver {
    child: Child,
    port: u16,
    /// `kill`, looked up before tauri-driver starts: a drop must not be where it turns out missing.
    kill: Command,
}

impl TauriDriver {
    pub fn start(journal_dir: &Path) -> Outcome<Self> {
        Self::start_with(journal_dir, &[])
    }

    /// Starts tauri-driver (and so the app) with extra environment, e.g. private XDG folders.
    pub fn start_with(journal_dir: &Path, env: &[(&str, &Path)]) -> Outcome<Self> {
        let port = free_port()?;
        let native_port = free_port()?;
        let kill = tool("kill")?;
        let child = tool("tauri-driver")?
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
        let driver = TauriDriver { child, port, kill };
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
    pub async fn session(&self, app: &Path) -> Outcome<WebDriver> {
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
        let _ = self
            .kill
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> Outcome<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

pub fn app_binary() -> PathBuf {
    std::env::var_os("MENTOR_JOURNAL_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/mentor-journal")
        })
}

/// The app binary, which must have been built with the UI embedded (`make e2e` does).
pub fn built_app() -> Outcome<PathBuf> {
    let app = app_binary();
    check!(
        app.exists(),
        "build the app first (make e2e does): {}",
        app.display()
    );
    Ok(app)
}

/// Runs the steps in a fresh app on a new journal whose session bus is `bus` (a screen lock to
/// signal, a notification service to show reminders), then quits it.
pub async fn in_app_on_bus<T>(
    bus: &super::SessionBus,
    steps: impl AsyncFnOnce(&WebDriver) -> Outcome<T>,
) -> Outcome<T> {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start_with(
        journal_dir.path(),
        &[("DBUS_SESSION_BUS_ADDRESS", Path::new(&bus.address))],
    )?;
    in_session(driver.session(&app).await?, steps).await
}

/// Runs the steps, quits the session whatever happened, then reports the steps' outcome.
pub async fn in_session<T>(
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

/// Saves a screenshot for people to look at; it asserts nothing about the page. The X display is
/// captured with ImageMagick's `import` (what a user would see, window and all), which must be
/// installed: without it this fails with "import is missing: run make test-deps" rather than
/// falling back to WebDriver's own screenshot, which WebKitWebDriver sometimes never answers (a
/// run would then "time out" for no visible reason). Only a capture that runs and fails falls back.
pub async fn screenshot(driver: &WebDriver, name: &str) -> Outcome {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let captured = tool("import")?
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
