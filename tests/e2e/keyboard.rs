//! The core loop by keyboard alone (issue 17): from the dashboard, Ctrl+N, pick the mentor, type
//! the note and save it, with WebDriver key actions only, then the note is on the mentor's
//! timeline. And Tab walks every control of the note editor and of settings in page order,
//! each one visible, interactive and ringed when it has the focus, and comes round again (no trap).

use crate::support::{
    MENTORS, Outcome, TauriDriver, add_mentor, built_app, check, chord, click, create_journal, el,
    in_session, keys, new_note_by_keys, screenshot, tap, wait_focus, wait_text,
};
use thirtyfour::prelude::*;

/// Every control in the window a Tab can land on, in page order, each as a short description
/// (what a closed `<details>` holds beyond its summary is not among them). Each is numbered
/// (`data-tab-stop`) so that alike controls, such as the rename buttons, stay apart.
const TABBABLE: &str = "return [...document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0
      && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert], dialog:not([open])')
      && !(e.closest('details:not([open])') && e.parentElement !== e.closest('details:not([open])'))
      && !(e.type === 'radio' && e !== (document.querySelector(
           `input[type=radio][name='${e.name}']:checked`)
           ?? document.querySelector(`input[type=radio][name='${e.name}']`))))
    .map((e, i) => { const what = e.outerHTML.slice(0, 90);
      e.setAttribute('data-tab-stop', i); return what; });";

/// What has the focus now: its description, whether it can be seen (its box has a size, is on
/// screen and not clipped away to a pixel, or it is a hidden radio whose segment shows the
/// ring), whether it is a control, whether a focus ring is drawn, and any positive tabindex.
const FOCUSED: &str = "const e = document.activeElement;
    if (!e || e === document.body) return null;
    const r = e.getBoundingClientRect();
    const ringOn = x => { const s = getComputedStyle(x);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; };
    const seg = e.closest('.segment');
    const visible = (r.width > 2 && r.height > 2 && r.bottom > 0 && r.top < innerHeight)
      || (seg !== null && seg.getBoundingClientRect().width > 2);
    const control = e.matches('a[href], button, input, select, textarea, summary')
      || ['button', 'link', 'option', 'tab', 'checkbox', 'radio', 'combobox', 'textbox']
           .includes(e.getAttribute('role'));
    const stop = e.getAttribute('data-tab-stop');
    return { what: e.outerHTML.slice(0, 90), stop: stop === null ? null : Number(stop), visible, control,
             ring: ringOn(e) || (seg !== null && ringOn(seg)), tabindex: e.tabIndex };";

/// Tabs through the window until the focus comes back round to where it started, and checks
/// every stop (a radio group is one stop, on its checked radio or its first); fails if a control
/// is never reached, is reached out of page order, or the focus sticks (a trap).
async fn tab_round(d: &WebDriver, screen: &str) -> Outcome {
    let expected: Vec<String> =
        serde_json::from_value(d.execute(TABBABLE, vec![]).await?.json().clone())?;
    check!(
        expected.len() > 3,
        "{screen}: too few controls found: {expected:?}"
    );
    let mut seen: Vec<usize> = Vec::new();
    let mut outside = 0;
    for _ in 0..expected.len() * 2 + 4 {
        tap(d, Key::Tab).await?;
        let now = d.execute(FOCUSED, vec![]).await?.json().clone();
        if now.is_null() {
            // Past the last control the focus leaves the page for the window once, then returns.
            outside += 1;
            check!(
                outside < 3,
                "{screen}: Tab left the page and did not come back"
            );
            continue;
        }
        let what = now["what"].as_str().unwrap_or("?").to_owned();
        check!(
            now["visible"] == true,
            "{screen}: focused but not visible: {what}"
        );
        check!(
            now["control"] == true,
            "{screen}: focus on something that is not a control: {what}"
        );
        check!(now["ring"] == true, "{screen}: no focus ring on {what}");
        check!(
            now["tabindex"].as_i64().unwrap_or(0) <= 0,
            "{screen}: a positive tabindex reorders the page: {what}"
        );
        let Some(stop) = now["stop"].as_u64().map(|n| n as usize) else {
            return Err(format!("{screen}: Tab reached {what}, not a control listed").into());
        };
        if seen.last() == Some(&stop) {
            // One control, several stops: a date field's day, month and year.
            continue;
        }
        if seen.first() == Some(&stop) {
            break;
        }
        check!(
            !seen.contains(&stop),
            "{screen}: Tab came back to {what} before reaching the rest (a trap): {seen:?}"
        );
        seen.push(stop);
    }
    check!(!seen.is_empty(), "{screen}: Tab never reached a control");
    // In page order from wherever it started: every control, rotated to the first stop.
    let mut order: Vec<usize> = (0..expected.len()).collect();
    order.rotate_left(seen[0]);
    let name = |stops: &[usize]| -> Vec<String> {
        stops
            .iter()
            .map(|&i| format!("#{i} {}", expected[i]))
            .collect()
    };
    check!(
        seen == order,
        "{screen}: Tab does not walk the controls in page order.\nreached: {:#?}\nexpected: {:#?}",
        name(&seen),
        name(&order)
    );
    Ok(())
}

async fn keyboard_loop(d: &WebDriver) -> Outcome {
    create_journal(d).await?;
    add_mentor(d, MENTORS[0]).await?;
    click(d, "nav-dashboard").await?;
    el(d, "dashboard").await?;

    // From here on, keys only.
    new_note_by_keys(d, "osei").await?;
    keys(d, "Asked about the fellowship; she offered a letter.").await?;
    // Shift+Tab from the body is the title, just above it.
    chord(d, Key::Shift, Key::Tab).await?;
    wait_focus(d, "note-title").await?;
    keys(d, "Keyboard only").await?;
    screenshot(d, "keyboard-note").await?;
    chord(d, Key::Control, Key::Enter).await?;
    el(d, "mentor-page").await?;
    let entry = wait_text(d, "[data-testid='timeline-entry']", "Keyboard only").await?;
    check!(
        entry.contains("Keyboard only"),
        "the saved note is on the mentor's timeline: {entry:?}"
    );

    new_note_by_keys(d, "osei").await?;
    tab_round(d, "note editor").await?;

    click(d, "nav-settings").await?;
    el(d, "settings-screen").await?;
    tab_round(d, "settings").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_core_loop_works_by_keyboard_alone_and_tab_reaches_every_control() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, keyboard_loop).await
}
