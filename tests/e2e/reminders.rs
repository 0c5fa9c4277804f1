//! Desktop reminders on a real notification service (issue 18): dunst, on a private session bus
//! under Xvfb (a bus that starts no service by itself), shows what the app sends. With no service on the bus a due reminder is not shown
//! and so not recorded as given; once the service runs, the next round shows it (dunst's history
//! holds it, with no note text in it) and the round after that shows nothing again.

use crate::support::{
    Outcome, SessionBus, check, click, create_journal, el, in_app_on_bus, set_value, wait_text,
};
use crate::templates_blocks::overdue_mentor;
use chrono::Local;
use mentor_journal_tests::tool;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// dunst on the test's bus, stopped when dropped.
struct Dunst {
    child: Child,
    bus: String,
}

impl Dunst {
    fn start(bus: &SessionBus) -> Outcome<Self> {
        let child = tool("dunst")?
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let dunst = Dunst {
            child,
            bus: bus.address.clone(),
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        while !dunst.ctl(&["is-paused"]).is_ok_and(|out| !out.is_empty()) {
            check!(
                Instant::now() < deadline,
                "dunst did not come up on the bus"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(dunst)
    }

    fn ctl(&self, args: &[&str]) -> Outcome<String> {
        let out = tool("dunstctl")?
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .output()?;
        check!(out.status.success(), "dunstctl {args:?}: {out:?}");
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The summaries and bodies dunst has shown (its history; `history` lists closed ones too).
    fn shown(&self) -> Outcome<Vec<(String, String)>> {
        let _ = self.ctl(&["close-all"]);
        let history: serde_json::Value = serde_json::from_str(&self.ctl(&["history"])?)?;
        let data = history["data"][0].as_array().cloned().unwrap_or_default();
        Ok(data
            .iter()
            .map(|n| {
                let text = |k: &str| n[k]["data"].as_str().unwrap_or_default().to_owned();
                (text("summary"), text("body"))
            })
            .collect())
    }
}

impl Drop for Dunst {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One round of the app's reminder timer, asked for now instead of in five minutes.
async fn notify(d: &WebDriver) -> Outcome<u64> {
    let shown = d
        .execute(
            "return await window.__TAURI_INTERNALS__.invoke('reminders_notify');",
            vec![],
        )
        .await?;
    Ok(shown.json().as_u64().unwrap_or(u64::MAX))
}

/// Waits until the journal holds `want` as the reminder settings the settings screen saved.
async fn stored_reminders(d: &WebDriver, want: serde_json::Value) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let stored = d
            .execute(
                "return (await window.__TAURI_INTERNALS__.invoke('settings_get')).reminders;",
                vec![],
            )
            .await?
            .json()
            .clone();
        if stored == want {
            return Ok(());
        }
        check!(
            Instant::now() < deadline,
            "the settings screen saved {stored}, not {want}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn reminders(d: &WebDriver, bus: &SessionBus) -> Outcome {
    create_journal(d).await?;
    overdue_mentor(d, "Dr. Reminded", Local::now().date_naive()).await?;
    click(d, "nav-settings").await?;
    click(d, "reminders-enabled").await?;
    wait_text(d, "[data-testid='reminders-note']", "Reminders are on.").await?;
    // Never quiet, whatever the hour the test runs at: each choice saved before the next.
    set_value(d, "reminders-quiet-from", "0").await?;
    stored_reminders(
        d,
        serde_json::json!({ "enabled": true, "quietFrom": 0, "quietTo": 8 }),
    )
    .await?;
    set_value(d, "reminders-quiet-to", "0").await?;
    stored_reminders(
        d,
        serde_json::json!({ "enabled": true, "quietFrom": 0, "quietTo": 0 }),
    )
    .await?;

    check!(
        notify(d).await? == 0,
        "no notification service on the bus: nothing is shown"
    );
    let dunst = Dunst::start(bus)?;
    let shown = notify(d).await?;
    check!(
        shown >= 1,
        "the service is up: the reminder that could not be shown before is shown now ({shown})"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = dunst.shown()?;
    while seen.len() < shown as usize && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        seen = dunst.shown()?;
    }
    check!(
        seen.iter()
            .any(|(summary, _)| summary == "Time to meet Dr. Reminded"),
        "dunst showed the overdue mentor's reminder: {seen:?}"
    );
    check!(
        seen.iter()
            .all(|(s, b)| !s.contains("Planned the term") && !b.contains("Planned the term")),
        "no note text in a notification: {seen:?}"
    );
    check!(notify(d).await? == 0, "each reminder is shown once");
    el(d, "settings-screen").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reminder_reaches_a_real_notification_service_once_it_runs() -> Outcome {
    let bus = SessionBus::start_bare()?;
    in_app_on_bus(&bus, async |d: &WebDriver| reminders(d, &bus).await).await
}
