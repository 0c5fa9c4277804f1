//! Drawing the two reports. Wording is for the reader on the other side: a program director
//! reading a portfolio, a mentor reading what the trainee brings. Every section is printed even
//! when empty, with a sentence saying so, so a blank never looks like a missing page.

use chrono::NaiveDate;

use super::layout::Layout;
use super::{Meetings, Portfolio, PortfolioReview, ReportGoal, SummaryForMentor, SummaryItem};
use crate::error::Result;
use crate::kinds::{Channel, Decision, GoalStatus, Owner, ReviewKind};

/// The date as the reports print it: `1 Jan 2026`.
pub(super) fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn footer(generated: NaiveDate) -> String {
    format!("Generated {} with Mentor Journal", day(generated))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Role, specialty and institution, those that are filled in.
fn affiliation(parts: [&str; 3]) -> String {
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    parts.join(" · ")
}

fn cadence(days: u32) -> String {
    match days {
        1 => "every day".to_owned(),
        7 => "every week".to_owned(),
        14 => "every two weeks".to_owned(),
        d => format!("every {d} days"),
    }
}

pub(super) fn meetings_line(m: &Meetings) -> String {
    let held = m.held;
    match (m.cadence_days, m.expected) {
        (Some(c), Some(0)) => format!(
            "{} (agreed {}; none due yet in this period)",
            plural(held as usize, "meeting", "meetings"),
            cadence(c)
        ),
        (Some(c), Some(expected)) => {
            format!("{held} of {expected} meetings (agreed {})", cadence(c))
        }
        _ => format!(
            "{} (no agreed cadence)",
            plural(held as usize, "meeting", "meetings")
        ),
    }
}

/// Renders the portfolio as an A4 PDF.
pub fn portfolio_pdf(p: &Portfolio) -> Result<Vec<u8>> {
    let title = format!("Mentorship portfolio, {} – {}", day(p.from), day(p.to));
    let mut doc = Layout::new(&title, footer(p.generated_on))?;
    let held: u32 = p.mentors.iter().map(|m| m.meetings.held).sum();
    let goals: usize = p.mentors.iter().map(|m| m.goals_achieved.len()).sum();
    let items: usize = p.mentors.iter().map(|m| m.completed.len()).sum();
    doc.title(
        &title,
        &format!(
            "{} · {} · {} achieved with a mentor · {} completed",
            plural(p.mentors.len(), "mentor", "mentors"),
            plural(held as usize, "meeting", "meetings"),
            plural(goals, "goal", "goals"),
            plural(items, "action item", "action items"),
        ),
    );

    doc.heading("Mentors");
    if p.mentors.is_empty() {
        doc.muted("No mentorship activity in this period.");
    }
    for m in &p.mentors {
        doc.subheading(&m.name);
        let who = affiliation([&m.role, &m.specialty, &m.institution]);
        if !who.is_empty() {
            doc.muted(&who);
        }
        doc.gap(3.0);
        let areas = if m.focus_areas.is_empty() {
            "No focus areas recorded".to_owned()
        } else {
            m.focus_areas.join(", ")
        };
        doc.field("Helped with", &areas);
        doc.field("Meetings", &meetings_line(&m.meetings));
        doc.label("Goals achieved");
        if m.goals_achieved.is_empty() {
            doc.muted("No goals achieved in this period.");
        }
        for g in &m.goals_achieved {
            goal(&mut doc, g);
        }
        doc.label("Action items completed");
        if m.completed.is_empty() {
            doc.muted("No action items completed in this period.");
        }
        for item in &m.completed {
            let who = match item.owner {
                Owner::Me => "",
                Owner::Mentor => " (by the mentor)",
            };
            doc.bullet(
                0,
                "✓",
                &format!("{}{who} — done {}", item.title, day(item.completed_on)),
            );
        }
        doc.gap(6.0);
    }

    if !p.other_goals.is_empty() {
        doc.heading("Other goals achieved");
        for g in &p.other_goals {
            goal(&mut doc, g);
        }
    }
    if !p.reviews.is_empty() {
        doc.heading("Reviews");
    }
    for r in &p.reviews {
        review(&mut doc, r);
    }
    doc.finish()
}

/// What a decision means to someone reading the portfolio.
fn decision(d: Option<Decision>) -> &'static str {
    match d {
        Some(Decision::Keep) => "continue",
        Some(Decision::Refine) => "continue with a refined agreement",
        Some(Decision::Pause) => "pause",
        Some(Decision::End) => "end",
        None => "no decision",
    }
}

/// A completed review: its period, the decision for each mentorship on its figures, and the
/// goals carried over (the trainee's reasons and closing note are not in `PortfolioReview`).
fn review(doc: &mut Layout, r: &PortfolioReview) {
    doc.subheading(&r.title);
    let kind = match r.kind {
        ReviewKind::Yearly => "Yearly review",
        ReviewKind::Rotation => "End-of-rotation review",
    };
    doc.muted(&format!(
        "{kind} of {} – {}, completed {}",
        day(r.from),
        day(r.to),
        day(r.completed_on)
    ));
    doc.gap(3.0);
    doc.label("Mentorships");
    if r.mentors.is_empty() {
        doc.muted("No mentorships were active in this review.");
    }
    for m in &r.mentors {
        let meetings = meetings_line(&m.meetings);
        let items = format!(
            "{} done, {} open",
            plural(m.items_done as usize, "action item", "action items"),
            m.items_open
        );
        doc.bullet(
            0,
            "•",
            &format!(
                "{}: {} · {meetings} · {items}",
                m.name,
                decision(m.decision)
            ),
        );
    }
    doc.label("Goals carried over");
    if r.carried_over.is_empty() {
        doc.muted("No goals carried over.");
    }
    for g in &r.carried_over {
        doc.bullet(0, "→", g);
    }
    doc.gap(6.0);
}

/// A goal and its milestones as bullets.
fn goal(doc: &mut Layout, g: &ReportGoal) {
    let status = match g.status {
        GoalStatus::Achieved => format!("achieved {}", day(g.status_since)),
        GoalStatus::Active => format!("in progress, {}%", g.progress),
        GoalStatus::Paused => format!("paused since {}", day(g.status_since)),
        GoalStatus::Dropped => "dropped".to_owned(),
    };
    let mut line = format!("{} — {status}", g.title);
    if let Some(target) = g.target_date.filter(|_| g.status != GoalStatus::Achieved) {
        line.push_str(&format!(" · target {}", day(target)));
    }
    if let Some(category) = &g.category {
        line.push_str(&format!(" · {category}"));
    }
    doc.bullet(0, "•", &line);
    for m in &g.milestones {
        match m.done_on {
            Some(on) => doc.bullet(1, "✓", &format!("{} — done {}", m.title, day(on))),
            None => doc.bullet(1, "○", &format!("{} — not done", m.title)),
        }
    }
}

fn channel(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "In person",
        Channel::Video => "Video call",
        Channel::Phone => "Phone",
        Channel::Coffee => "Over coffee",
        Channel::Email => "Email",
        Channel::Message => "Messages",
    }
}

fn items(doc: &mut Layout, items: &[SummaryItem], empty: &str) {
    if items.is_empty() {
        doc.muted(empty);
    }
    for item in items {
        let due = match (item.due_on, item.overdue) {
            (Some(on), true) => format!(" — due {} (overdue)", day(on)),
            (Some(on), false) => format!(" — due {}", day(on)),
            (None, _) => String::new(),
        };
        doc.bullet(0, "○", &format!("{}{due}", item.title));
    }
}

/// Renders the summary to hand a mentor as an A4 PDF.
pub fn summary_pdf(s: &SummaryForMentor) -> Result<Vec<u8>> {
    let title = format!("Summary for {}", s.name);
    let mut doc = Layout::new(&title, footer(s.generated_on))?;
    let who = affiliation([&s.role, &s.specialty, &s.institution]);
    let prepared = format!("Prepared {}", day(s.generated_on));
    let subtitle = if who.is_empty() {
        prepared
    } else {
        format!("{who} · {prepared}")
    };
    doc.title(&title, &subtitle);

    doc.heading("Our agreement");
    let meet = s.cadence_days.map_or("No agreed cadence".to_owned(), |c| {
        let mut text = cadence(c);
        if let Some(first) = text.get(..1) {
            text.replace_range(..1, &first.to_uppercase());
        }
        text
    });
    doc.field("We meet", &meet);
    doc.field(
        "Usually",
        s.usual_channel.map_or("No usual channel agreed", channel),
    );
    doc.field("Last met", &s.last_met.map_or("Not yet".to_owned(), day));
    if !s.focus_areas.is_empty() {
        doc.field("Focus", &s.focus_areas.join(", "));
    }
    doc.label("Agreed goals");
    if s.agreed_goals.trim().is_empty() {
        doc.muted("No agreed goals written down.");
    } else {
        doc.para(&s.agreed_goals);
    }

    doc.heading("Shared goals");
    if s.goals.is_empty() {
        doc.muted("No goals linked to this mentorship yet.");
    }
    for g in &s.goals {
        goal(&mut doc, g);
    }

    doc.heading("Open action items");
    doc.label("What I will do");
    items(&mut doc, &s.mine, "Nothing open on my side.");
    doc.label("What you offered");
    items(&mut doc, &s.theirs, "Nothing open on your side.");

    doc.heading("Questions for next time");
    if s.questions.is_empty() {
        doc.muted("No questions parked.");
    }
    for q in &s.questions {
        doc.bullet(0, "?", q);
    }
    doc.finish()
}
