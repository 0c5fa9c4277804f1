//! The calendar and the well-being chart in the real window (issue 18), in light and in dark
//! mode: the month with its notes, reflection, item due and block; moving by keyboard (arrows,
//! Page Up, T); a day's details and what was written on it a year before; the chart over the
//! months with ratings. Screenshots of both in each mode are in target/e2e-screenshots.

use crate::support::{
    MENTORS, Outcome, TauriDriver, add_mentor, built_app, check, chord, click, create_journal, el,
    in_session, keys, screenshot, tap, texts, wait_focus, wait_text,
};
use chrono::{Duration as Days, Local, NaiveDate};
use std::path::Path;
use thirtyfour::prelude::*;

/// Notes with ratings over the last months, a reflection today, one note a year ago today, an
/// item due in three days and a block around today, written through the app's own commands.
const SEED: &str = r#"
const invoke = window.__TAURI_INTERNALS__.invoke;
const [mentorId, today, yearAgo, soon] = arguments;
const back = (n) => { const d = new Date(); d.setDate(d.getDate() - n); return d.toISOString().slice(0, 10); };
const note = (mentorId, day, title, energy, stress, reflection) => invoke('conversation_add', { conversation: {
  mentorId, reflection, occurredAt: `${day}T09:30:00`, channel: null, durationMinutes: null, title,
  body: `About ${title}.`, takeaways: [], energy, stress }, draft: false });
for (const [n, energy, stress] of [[20, 4, 2], [50, 3, 3], [80, 2, 4], [110, 4, 2]]) await note(mentorId, back(n), `Talk ${n}`, energy, stress, false);
await note(null, today, 'A hard week of nights', 1, 5, true);
await note(mentorId, yearAgo, 'First meeting', 3, 3, false);
await invoke('action_item_add', { item: { title: 'Send the abstract', dueOn: soon, owner: 'me', mentorId, conversationId: null, goalId: null } });
await invoke('block_add', { block: { title: 'ICU nights', startsOn: today, endsOn: today, pausesCadence: true, allMentors: true, mentorIds: [], note: '' } });
"#;

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

async fn selected(d: &WebDriver) -> Outcome<String> {
    let cell = d
        .query(By::Css("[data-testid='calendar-day'][tabindex='0']"))
        .first()
        .await?;
    Ok(cell.attr("data-date").await?.unwrap_or_default())
}

async fn calendar(d: &WebDriver, mode: &str) -> Outcome {
    let today = Local::now().date_naive();
    create_journal(d).await?;
    click(d, "nav-mentors").await?;
    add_mentor(d, MENTORS[0]).await?;
    let mentor = d
        .execute(
            "return (await window.__TAURI_INTERNALS__.invoke('mentors_list', { filter: { status: null, focusArea: null, sort: 'name' } }))[0].mentor.id;",
            vec![],
        )
        .await?
        .json()
        .clone();
    let year_ago = today.with_year_back();
    d.execute(
        SEED,
        vec![
            mentor,
            serde_json::json!(day(today)),
            serde_json::json!(day(year_ago)),
            serde_json::json!(day(today + Days::days(3))),
        ],
    )
    .await?;

    // A reflection written in the editor, by keyboard: Ctrl+N, the picker's last row, type, save.
    click(d, "nav-dashboard").await?;
    el(d, "dashboard").await?;
    chord(d, Key::Control, 'n').await?;
    wait_focus(d, "mentor-picker").await?;
    tap(d, Key::Down).await?;
    tap(d, Key::Enter).await?;
    wait_focus(d, "note-body").await?;
    keys(d, "Noticed I skip lunch on call days.").await?;
    chord(d, Key::Control, Key::Enter).await?;
    // Saved, it is listed with the other reflections (the one seeded today among them).
    el(d, "reflections-screen").await?;
    wait_text(d, "[data-testid='reflections-list']", "Reflection").await?;
    wait_text(
        d,
        "[data-testid='reflections-list']",
        "A hard week of nights",
    )
    .await?;

    click(d, "nav-calendar").await?;
    wait_text(
        d,
        "[data-testid='calendar-details']",
        "A hard week of nights",
    )
    .await?;
    wait_text(
        d,
        "[data-testid='calendar-details']",
        "Noticed I skip lunch",
    )
    .await?;
    let details = el(d, "calendar-details").await?.text().await?;
    check!(
        details.contains("ICU nights")
            && details.contains("A year ago")
            && details.contains("First meeting"),
        "today's details: the reflection, the block and what was written a year ago: {details:?}"
    );
    screenshot(d, &format!("calendar-{mode}")).await?;

    // Keys only from the chosen day: a day on, a week back, a month back, and T for today.
    d.query(By::Css("[data-testid='calendar-day'][tabindex='0']"))
        .first()
        .await?
        .click()
        .await?;
    tap(d, Key::Right).await?;
    check!(
        selected(d).await? == day(today + Days::days(1)),
        "the right arrow moves a day on"
    );
    tap(d, Key::Up).await?;
    check!(
        selected(d).await? == day(today + Days::days(1) - Days::days(7)),
        "the up arrow moves a week back"
    );
    let month = el(d, "calendar-month").await?.text().await?;
    tap(d, Key::PageUp).await?;
    let earlier = el(d, "calendar-month").await?.text().await?;
    check!(
        month != earlier,
        "Page Up shows the month before: {month} then {earlier}"
    );
    tap(d, Key::Right).await?;
    d.action_chain().send_keys("t").perform().await?;
    check!(selected(d).await? == day(today), "T goes back to today");
    let focused = d.active_element().await?.attr("data-date").await?;
    check!(
        focused.as_deref() == Some(day(today).as_str()),
        "the focus follows the chosen day: {focused:?}"
    );
    wait_focus(d, "calendar-day").await?;

    click(d, "nav-wellbeing").await?;
    el(d, "wellbeing-chart").await?;
    let rows = texts(d, "[data-testid='wellbeing-table'] tbody tr").await?;
    check!(
        rows.len() >= 4,
        "a row for each month with ratings in the last 12: {rows:?}"
    );
    screenshot(d, &format!("wellbeing-{mode}")).await?;
    Ok(())
}

trait YearBack {
    fn with_year_back(self) -> NaiveDate;
}

impl YearBack for NaiveDate {
    /// The same day a year before (28 February for a 29th).
    fn with_year_back(self) -> NaiveDate {
        use chrono::Datelike;
        self.with_year(self.year() - 1)
            .unwrap_or_else(|| self - Days::days(366))
    }
}

async fn in_mode(dark: bool) -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let theme = if dark { "Adwaita:dark" } else { "Adwaita" };
    let env: &[(&str, &Path)] = &[("GTK_THEME", Path::new(theme))];
    let driver = TauriDriver::start_with(journal_dir.path(), env)?;
    let mode = if dark { "dark" } else { "light" };
    in_session(driver.session(&app).await?, async |d: &WebDriver| {
        calendar(d, mode).await
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_calendar_and_the_wellbeing_chart_in_light_mode() -> Outcome {
    in_mode(false).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_calendar_and_the_wellbeing_chart_in_dark_mode() -> Outcome {
    in_mode(true).await
}
