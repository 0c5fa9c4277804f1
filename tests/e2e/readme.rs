//! The README's screenshots, from a seeded journal.

use crate::support::{
    Outcome, TauriDriver, built_app, check, click, click_css, create_journal, el, in_session,
    screenshot, type_into, wait_text,
};
use mentor_journal_tests::tool;
use std::path::Path;
use std::time::Duration;
use thirtyfour::prelude::*;

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
for (const [i, [mentorId, offset, title, takeaways]] of notes.entries()) {
  await invoke('conversation_add', { conversation: { mentorId, occurredAt: `${day(offset)}T17:30:00`, channel: 'coffee',
    durationMinutes: 30, title, body: '', takeaways, energy: 2 + (i % 3), stress: 4 - (i % 2) }, draft: false });
}
for (const [offset, title, energy, stress] of [[-3, 'A hard week of nights', 1, 5], [-12, 'Why cardiology', 3, 3],
  [-45, 'After the exam', 4, 2], [-130, 'Two evenings off', 4, 2], [-200, 'First month as a resident', 2, 4]]) {
  await invoke('conversation_add', { conversation: { mentorId: null, reflection: true, occurredAt: `${day(offset)}T22:00:00`,
    channel: null, durationMinutes: null, title, body: 'What I noticed this week.', takeaways: [], energy, stress }, draft: false });
}
await invoke('block_add', { block: { title: 'ICU nights', startsOn: day(-8), endsOn: day(12), pausesCadence: true,
  allMentors: true, mentorIds: [], note: '' } });
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
        let shoot = |name: &str| -> Outcome<bool> {
            let status = tool("import")?
                .args(["-window", "root", "-crop", "1100x760+0+0"])
                .arg(docs.join(name))
                .status()?;
            Ok(status.success())
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
        click(d, "nav-calendar").await?;
        el(d, "calendar-grid").await?;
        wait_text(d, "[data-testid='calendar-details']", "ICU nights").await?;
        // Last month, where the notes and reflections are.
        d.query(By::Css("[data-testid='calendar-day'][tabindex='0']"))
            .first()
            .await?
            .send_keys(Key::PageUp)
            .await?;
        // The 27th of last month: a note with a mentor, under the ICU nights block.
        for _ in 0..3 {
            crate::support::tap(d, Key::Down).await?;
        }
        for _ in 0..4 {
            crate::support::tap(d, Key::Right).await?;
        }
        tokio::time::sleep(Duration::from_millis(600)).await;
        check!(shoot("calendar.png")?, "screenshot of the calendar");
        click(d, "nav-wellbeing").await?;
        el(d, "wellbeing-chart").await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        check!(
            shoot("wellbeing.png")?,
            "screenshot of the well-being chart"
        );
        // A yearly review at its first mentor: the year's figures and the decision to make.
        click(d, "nav-reviews").await?;
        click(d, "review-new-yearly").await?;
        click(d, "rv-begin").await?;
        wait_text(d, "[data-testid='review-mentor']", "Osei").await?;
        click(d, "rv-decision-refine").await?;
        type_into(
            d,
            "rv-note",
            "Every 3 weeks until the paper is submitted; add the echo lab.",
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        check!(shoot("review.png")?, "screenshot of a review");
        Ok(())
    })
    .await
}
