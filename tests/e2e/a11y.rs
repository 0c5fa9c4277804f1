//! Accessibility in the real webview (issue 17): axe-core, injected into the window, checks every
//! screen against WCAG 2.1 A and AA and its best practices, once with the system light and once
//! dark. A serious or critical violation fails the test, named with its rule, help and nodes.
//!
//! Dark mode is the system's: WebKitGTK answers `prefers-color-scheme: dark` when `GTK_THEME`
//! ends in `:dark`, which tauri-driver passes on to the app. Each session checks that the page
//! really is dark (the media query matches and the page background is the dark token) before it
//! trusts any contrast result.

use crate::support::{
    MENTORS, Outcome, PASSPHRASE, TauriDriver, add_mentor, built_app, check, click, click_css, el,
    in_session, press, quick_note, screenshot, set_value, type_into, wait_text,
};
use std::path::Path;
use std::time::Duration;
use thirtyfour::prelude::*;

const AXE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/node_modules/axe-core/axe.min.js"
);

/// The rule sets the acceptance names; nothing is switched off.
const RUN: &str = "const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
      .then(r => done(r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }))))
      .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));";

struct Audit {
    mode: &'static str,
    failures: Vec<String>,
    minor: Vec<String>,
}

impl Audit {
    /// Runs axe on the page as it is now (injecting it first if this page has none yet).
    async fn screen(&mut self, d: &WebDriver, name: &str) -> Outcome {
        tokio::time::sleep(Duration::from_millis(400)).await;
        let present = d
            .execute("return typeof axe !== 'undefined';", vec![])
            .await?;
        if present.json() != &serde_json::json!(true) {
            let source = std::fs::read_to_string(AXE)
                .map_err(|e| format!("{AXE}: {e} (run npm install in ui/ for axe-core)"))?;
            d.execute(source, vec![]).await?;
        }
        let found = d.execute_async(RUN, vec![]).await?.json().clone();
        for v in found.as_array().into_iter().flatten() {
            let impact = v["impact"].as_str().unwrap_or("?");
            let mut line = format!(
                "[{}] {name}: {} ({impact}) {}",
                self.mode,
                v["id"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("")
            );
            for n in v["nodes"].as_array().into_iter().flatten() {
                line += &format!(
                    "\n      at {} — {}",
                    n["target"].as_str().unwrap_or("?"),
                    n["summary"].as_str().unwrap_or("").replace('\n', " ")
                );
            }
            if matches!(impact, "serious" | "critical") {
                self.failures.push(line);
            } else {
                self.minor.push(line);
            }
        }
        screenshot(d, &format!("a11y-{}-{name}", self.mode)).await?;
        Ok(())
    }
}

/// The page follows the mode asked for: the media query and the page's own background agree.
async fn check_mode(d: &WebDriver, dark: bool) -> Outcome {
    let seen = d
        .execute(
            "return [matchMedia('(prefers-color-scheme: dark)').matches,
                     getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
                     getComputedStyle(document.documentElement).backgroundColor];",
            vec![],
        )
        .await?
        .json()
        .clone();
    let (bg, rgb) = if dark {
        ("#16181b", "rgb(22, 24, 27)")
    } else {
        ("#f6f5f2", "rgb(246, 245, 242)")
    };
    check!(
        seen[0] == dark && seen[1] == bg && seen[2] == rgb,
        "the page is not in {} mode: {seen}",
        if dark { "dark" } else { "light" }
    );
    Ok(())
}

/// Every screen, from the first start to settings, with enough in the journal that lists,
/// timelines, the goal page and the prep sheet show their content rather than their empty state.
async fn walk(d: &WebDriver, audit: &mut Audit, dark: bool) -> Outcome {
    el(d, "create-passphrase").await?;
    check_mode(d, dark).await?;
    audit.screen(d, "create-journal").await?;
    type_into(d, "create-passphrase", PASSPHRASE).await?;
    type_into(d, "create-confirm", PASSPHRASE).await?;
    click(d, "create-submit").await?;
    el(d, "recovery-key").await?;
    audit.screen(d, "recovery-key").await?;
    click(d, "recovery-saved").await?;
    click(d, "recovery-continue").await?;
    el(d, "dashboard").await?;

    click(d, "nav-mentors").await?;
    el(d, "mentors-screen").await?;
    add_mentor(d, MENTORS[0]).await?;
    add_mentor(d, MENTORS[1]).await?;
    audit.screen(d, "mentors").await?;

    quick_note(d, "Osei").await?;
    type_into(d, "note-title", "Fellowship applications").await?;
    type_into(d, "note-body", "Talked through **three** programmes.").await?;
    type_into(d, "takeaway", "Ask for the letters early").await?;
    audit.screen(d, "note-editor").await?;
    press(d, Key::Control + "t").await?;
    el(d, "template-filter").await?;
    audit.screen(d, "template-picker").await?;
    press(d, Key::Escape).await?;
    click(d, "note-save").await?;
    el(d, "mentor-page").await?;
    wait_text(d, "[data-testid='timeline-entry']", "Fellowship").await?;
    audit.screen(d, "mentor-page").await?;
    click(d, "timeline-entry").await?;
    el(d, "note-view").await?;
    audit.screen(d, "note-view").await?;

    click(d, "nav-goals").await?;
    click(d, "goal-new").await?;
    type_into(d, "gf-title", "Publish a case report").await?;
    type_into(d, "gf-criteria", "Submitted to a journal").await?;
    click(d, "gf-mentor").await?;
    audit.screen(d, "goal-form").await?;
    click(d, "gf-save").await?;
    el(d, "goal-page").await?;
    type_into(d, "milestone-title", "Pick the case").await?;
    click(d, "milestone-add").await?;
    wait_text(d, "[data-testid='milestone']", "Pick the case").await?;
    audit.screen(d, "goal-page").await?;
    click(d, "nav-goals").await?;
    el(d, "goal-row").await?;
    audit.screen(d, "goals").await?;

    click(d, "nav-mentors").await?;
    click_css(d, "[data-testid='mentor-item'] button").await?;
    click(d, "mentor-prep").await?;
    el(d, "prep-sheet").await?;
    audit.screen(d, "prep-sheet").await?;

    click(d, "nav-actions").await?;
    el(d, "actions-screen").await?;
    type_into(d, "action-new-title", "Email the programme director").await?;
    click(d, "action-new-add").await?;
    wait_text(d, "[data-testid='actions-screen']", "programme director").await?;
    audit.screen(d, "action-items").await?;

    click(d, "nav-blocks").await?;
    el(d, "blocks-empty").await?;
    click(d, "block-add").await?;
    type_into(d, "bf-title", "ICU nights").await?;
    set_value(d, "bf-starts", "2027-02-01").await?;
    set_value(d, "bf-ends", "2027-02-28").await?;
    click(d, "bf-some").await?;
    audit.screen(d, "block-form").await?;
    click(d, "bf-mentor").await?;
    click(d, "bf-save").await?;
    wait_text(d, "[data-testid='block-row']", "ICU nights").await?;
    audit.screen(d, "blocks").await?;

    click(d, "nav-reviews").await?;
    el(d, "reviews-empty").await?;
    audit.screen(d, "reviews").await?;
    click(d, "review-new-yearly").await?;
    el(d, "rv-begin").await?;
    audit.screen(d, "review-start").await?;
    click(d, "rv-begin").await?;
    el(d, "review-step").await?;
    click(d, "rv-decision-refine").await?;
    audit.screen(d, "review-step").await?;

    click(d, "nav-reflections").await?;
    el(d, "reflections-screen").await?;
    audit.screen(d, "reflections").await?;

    click(d, "nav-calendar").await?;
    wait_text(d, "[data-testid='calendar-details']", "On this day").await?;
    audit.screen(d, "calendar").await?;
    click(d, "nav-wellbeing").await?;
    el(d, "wellbeing-empty").await?;
    audit.screen(d, "wellbeing").await?;

    click(d, "nav-dashboard").await?;
    el(d, "dashboard").await?;
    audit.screen(d, "dashboard").await?;

    press(d, Key::Control + "k").await?;
    el(d, "search-input").await?.send_keys("programmes").await?;
    el(d, "search-hit").await?;
    audit.screen(d, "search-palette").await?;
    press(d, Key::Escape).await?;

    click(d, "nav-settings").await?;
    el(d, "settings-screen").await?;
    audit.screen(d, "settings").await?;

    click(d, "lock-button").await?;
    el(d, "unlock-passphrase").await?;
    audit.screen(d, "unlock").await?;
    type_into(d, "unlock-passphrase", "not the passphrase").await?;
    click(d, "unlock-submit").await?;
    el(d, "unlock-error").await?;
    audit.screen(d, "unlock-error").await?;
    check_mode(d, dark).await?;
    Ok(())
}

async fn audit_in(dark: bool) -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let env: &[(&str, &Path)] = if dark {
        &[("GTK_THEME", Path::new("Adwaita:dark"))]
    } else {
        &[("GTK_THEME", Path::new("Adwaita"))]
    };
    let driver = TauriDriver::start_with(journal_dir.path(), env)?;
    let mut audit = Audit {
        mode: if dark { "dark" } else { "light" },
        failures: Vec::new(),
        minor: Vec::new(),
    };
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        walk(d, &mut audit, dark).await
    })
    .await?;
    for line in &audit.minor {
        println!("minor or moderate, not failing: {line}");
    }
    assert!(
        audit.failures.is_empty(),
        "axe found serious or critical violations (WCAG 2.1 AA is the issue's bar):\n{}",
        audit.failures.join("\n")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_in_light_mode() -> Outcome {
    audit_in(false).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_in_dark_mode() -> Outcome {
    audit_in(true).await
}
