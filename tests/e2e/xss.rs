//! Hostile notes in the real webview: each payload is rendered, then every element it produced is
//! clicked, hovered and focused, and every link followed; no script runs, nothing remote is
//! requested and the window stays on the app.

use crate::support::{
    Outcome, TauriDriver, add_mentor, built_app, check, click, create_journal, el, in_session,
    quick_note, type_into,
};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// Installed once: the CSP sensor, and a guard on outside links. The app asks before opening an
/// http(s) or mailto link (a modal dialog that would stop this sweep) and Rust keeps the window on
/// the app in any case (`daily_loop.rs` tests both for real); the guard records such clicks and
/// cancels them before the app sees them. It does not touch any other link: `javascript:`, `data:` or relative links are
/// followed for real. Registered on `window` in the capture phase, it sees every click first and
/// leaves the app's own handlers to run.
const SENSORS: &str = "window.__violations = []; window.__outside = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));
const guard = e => {
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!a) return;
  const url = new URL(a.getAttribute('href'), location.href);
  const web = ['http:', 'https:', 'mailto:'].includes(url.protocol);
  if (web && (url.protocol !== location.protocol || url.host !== location.host)) {
    e.preventDefault();
    window.__outside.push(url.href);
  }
};
// WebKit follows a link on auxclick (a middle click) as on click.
window.addEventListener('click', guard, true);
window.addEventListener('auxclick', guard, true);";

/// True once the preview shows exactly the sanitised HTML the app renders for this body (comments,
/// such as the framework's anchors, aside). The body starts with a probe unique to the payload, so
/// the previous payload's preview, which the container shows until the new one arrives, never
/// matches. `<template>` parses the expected markup inertly.
const RENDERED: &str = "const [expected] = arguments;
const root = document.querySelector(\"[data-testid='note-rendered']\");
if (!root) return null;
const bare = n => { const w = document.createTreeWalker(n, NodeFilter.SHOW_COMMENT); const c = [];
  while (w.nextNode()) c.push(w.currentNode); c.forEach(x => x.remove()); return n; };
const t = document.createElement('template'); t.innerHTML = expected; bare(t.content);
const shown = bare(root.cloneNode(true)).innerHTML;
return shown === t.innerHTML ? true : shown;";

/// Focuses, hovers and clicks every element of the preview from script (every mouse, focus and
/// other event a payload's handler could wait for), and returns how many elements there were.
const TRIGGER: &str = "const root = document.querySelector(\"[data-testid='note-rendered']\");
const all = [root, ...root.querySelectorAll('*')];
const mouse = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'pointerdown',
  'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'mouseout',
  'mouseleave'];
const other = ['focus', 'focusin', 'blur', 'focusout', 'input', 'change', 'copy', 'cut', 'paste',
  'wheel', 'toggle', 'load', 'error', 'animationstart', 'animationend', 'transitionend', 'begin',
  'start', 'close', 'scroll', 'keydown', 'keyup'];
for (const el of all) {
  if (typeof el.focus === 'function') el.focus();
  for (const t of mouse) el.dispatchEvent(new MouseEvent(t, { cancelable: true, view: window }));
  for (const t of other) el.dispatchEvent(new Event(t, { cancelable: true }));
  if (typeof el.click === 'function') el.click();
}
return all.length;";

/// What the page shows after a payload: the sentinel, blocked attempts, remote requests, the URL
/// (without its fragment: `href=\"#\"` only scrolls), whether this is still the same document (the
/// sensors are still installed) with the app in it, and what in the preview should never be there.
const STATE: &str = "const root = document.querySelector(\"[data-testid='note-rendered']\");
const bad = [];
for (const el of root ? root.querySelectorAll('*') : []) {
  const tag = el.tagName.toLowerCase();
  if (['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base',
       'form', 'img', 'video', 'audio', 'source', 'template', 'applet'].includes(tag)) bad.push(tag);
  for (const a of el.attributes) {
    if (a.name.toLowerCase().startsWith('on')) bad.push(tag + ' ' + a.name);
    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcset', 'background']
        .includes(a.name.toLowerCase())) {
      const p = new URL(a.value, location.href).protocol;
      if (!['http:', 'https:', 'mailto:', location.protocol].includes(p)) bad.push(tag + ' ' + a.value);
    }
  }
}
return { xss: window.__xss === undefined ? null : String(window.__xss),
  violations: window.__violations === undefined ? 'gone: the page was replaced' : window.__violations,
  outside: window.__outside === undefined ? 0 : window.__outside.length,
  remote: performance.getEntriesByType('resource').map(e => e.name)
    .filter(n => !n.startsWith(location.origin) && !n.startsWith('ipc:') && !n.includes('ipc.localhost')),
  url: location.href.split('#')[0], app: root !== null, bad };";

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

async fn js(
    driver: &WebDriver,
    script: &str,
    args: Vec<serde_json::Value>,
) -> Outcome<serde_json::Value> {
    Ok(driver.execute(script, args).await?.json().clone())
}

/// Counts across the run, for the report line.
#[derive(Default)]
struct Tally {
    elements: u64,
    links: usize,
    real_clicks: usize,
}

/// Waits until the preview shows `body` as the app renders it (asked of the app directly).
async fn wait_rendered(driver: &WebDriver, body: &str, what: &str) -> Outcome {
    let expected = js(
        driver,
        "return await window.__TAURI_INTERNALS__.invoke('markdown_preview', { body: arguments[0] });",
        vec![serde_json::json!(body)],
    )
    .await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let shown = js(driver, RENDERED, vec![expected.clone()]).await?;
        if shown == serde_json::Value::Bool(true) {
            return Ok(());
        }
        check!(
            Instant::now() < deadline,
            "{what} was never rendered: the preview shows {shown} instead of {expected}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Triggers everything in the preview: script-dispatched events on every element, then a real
/// pointer over the preview and over each link, and a real WebDriver click on each link.
async fn trigger(driver: &WebDriver, tally: &mut Tally) -> Outcome {
    tally.elements += js(driver, TRIGGER, vec![]).await?.as_u64().unwrap_or(0);
    let preview = el(driver, "note-rendered").await?;
    let _ = driver
        .action_chain()
        .move_to_element_center(&preview)
        .perform()
        .await;
    for link in driver
        .find_all(By::Css("[data-testid='note-rendered'] a"))
        .await?
    {
        tally.links += 1;
        let _ = driver
            .action_chain()
            .move_to_element_center(&link)
            .perform()
            .await;
        // A link that is not interactable (hidden, empty) was already clicked from script.
        if link.click().await.is_ok() {
            tally.real_clicks += 1;
        }
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    Ok(())
}

/// Fails if anything ran, was blocked, went remote, or the window left the app.
async fn check_state(driver: &WebDriver, url: &str, what: &str) -> Outcome<u64> {
    let s = js(driver, STATE, vec![]).await?;
    check!(
        s["url"] == url && s["app"] == true,
        "{what}: the window left the app: at {} (was {url}), preview present: {}",
        s["url"],
        s["app"]
    );
    let here = driver.current_url().await?;
    check!(
        here.as_str().split('#').next() == Some(url),
        "{what}: WebDriver sees the window at {here}, not {url}"
    );
    check!(
        s["xss"].is_null(),
        "{what}: a payload ran: window.__xss = {}",
        s["xss"]
    );
    check!(
        s["violations"].as_array().is_some_and(|a| a.is_empty()),
        "{what}: blocked attempts: {}",
        s["violations"]
    );
    check!(
        s["remote"].as_array().is_some_and(|a| a.is_empty()),
        "{what}: remote requests: {}",
        s["remote"]
    );
    check!(
        s["bad"].as_array().is_some_and(|a| a.is_empty()),
        "{what}: the preview holds what the sanitiser must remove: {}",
        s["bad"]
    );
    Ok(s["outside"].as_u64().unwrap_or(0))
}

/// Control: markup the sanitiser would never let through, put into the preview directly, is
/// caught by the same trigger and sensors.
async fn control(driver: &WebDriver, markup: &str, tally: &mut Tally) -> Outcome {
    let before = js(driver, "return window.__violations.length;", vec![]).await?;
    js(
        driver,
        "document.querySelector(\"[data-testid='note-rendered']\").innerHTML = arguments[0];",
        vec![serde_json::json!(markup)],
    )
    .await?;
    trigger(driver, tally).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = js(driver, "return window.__violations.length;", vec![]).await?;
    println!(
        "xss control: {markup} produced {} CSP violation(s)",
        after.as_u64().unwrap_or(0) - before.as_u64().unwrap_or(0)
    );
    check!(
        after.as_u64() > before.as_u64(),
        "control: the trigger and sensor must catch {markup}"
    );
    Ok(())
}

/// Every hostile payload is previewed (rendered by Rust, inserted by the UI) and triggered, then
/// all of them are saved in one note, reopened, previewed and triggered again.
async fn xss_flow(driver: &WebDriver) -> Outcome {
    create_journal(driver).await?;
    add_mentor(driver, "Dr. Hostile").await?;
    js(driver, SENSORS, vec![]).await?;
    quick_note(driver, "Hostile").await?;
    let url = driver
        .current_url()
        .await?
        .as_str()
        .split('#')
        .next()
        .unwrap_or("")
        .to_owned();

    let payloads = mentor_journal_tests::hostile_payloads();
    let mut tally = Tally::default();
    let mut one_by_one = 0;
    for (i, payload) in payloads.iter().enumerate() {
        let what = format!("payload {i} {payload:?}");
        let body = format!("xss-probe-{i}\n\n{payload}");
        set_body(driver, &body).await?;
        click(driver, "note-preview").await?;
        wait_rendered(driver, &body, &what).await?;
        trigger(driver, &mut tally).await?;
        one_by_one = check_state(driver, &url, &what).await?;
        click(driver, "note-preview").await?;
        el(driver, "note-body").await?;
    }
    let single = std::mem::take(&mut tally);
    let all = format!("xss-probe-all\n\n{}", payloads.join("\n\n"));
    set_body(driver, &all).await?;
    type_into(driver, "note-title", "Hostile corpus").await?;
    click(driver, "note-save").await?;
    // A saved note opens in its reading view, which shows Rust's rendering of the body.
    click(driver, "timeline-entry").await?;
    wait_rendered(driver, &all, "the saved note of every payload").await?;
    trigger(driver, &mut tally).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let together = check_state(driver, &url, "the saved note of every payload").await? - one_by_one;
    for (how, t, outside) in [
        ("one by one", &single, one_by_one),
        ("together", &tally, together),
    ] {
        println!(
            "xss: {} payloads {how}, each render awaited: {} elements focused, hovered and clicked \
             from script; {} links hovered and clicked from script and {} by WebDriver; \
             {outside} clicks on outside links held back by the test's guard",
            payloads.len(),
            t.elements,
            t.links,
            t.real_clicks
        );
    }

    let mut spent = Tally::default();
    control(
        driver,
        "<p onclick=\"window.__xss=4\">click me</p>",
        &mut spent,
    )
    .await?;
    control(
        driver,
        "<span onmouseover=\"window.__xss=5\">hover me</span>",
        &mut spent,
    )
    .await?;
    control(
        driver,
        "<a href=\"javascript:window.__xss=6\">follow me</a>",
        &mut spent,
    )
    .await?;
    control(
        driver,
        "<img src=\"nope.png\" onerror=\"window.__xss=2\">",
        &mut spent,
    )
    .await?;
    check!(
        spent.real_clicks > 0,
        "control: WebDriver must click the javascript: link"
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
