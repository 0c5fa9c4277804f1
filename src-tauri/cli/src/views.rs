//! The read-only views that gather across domains: what is due, the goals, one item in full.
//!
//! `mj due` is the app's dashboard cut to what asks for action today: the mentors the core's
//! cadence rule calls overdue, never met or due soon, and the open action items the core counts
//! as overdue or due this week. Nothing is recomputed here; the dashboard's own lists are shown.

use clap::ValueEnum;
use journal::{CadenceStatus, DueItem, Error, GoalFilter, GoalId, MentorDue, Result, TargetStatus};
use serde::Serialize;

use crate::Ctx;
use crate::mentors::cadence_words;
use crate::output::{BOLD, DIM, WARN, line, styled};
use crate::vault::open;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shown {
    Note,
    Mentor,
    Goal,
}

/// A numeric id as typed (`12` or `#12`).
pub fn id(typed: &str) -> Result<i64> {
    typed
        .trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| Error::Validation {
            field: "id".into(),
            message: format!(
                "\"{typed}\" is not an id; ids are numbers, as `mj search` shows them."
            ),
        })
}

pub fn show(ctx: &mut Ctx, what: Shown, typed: &str) -> Result<()> {
    match what {
        Shown::Note => crate::notes::show(ctx, typed),
        Shown::Mentor => crate::mentors::show(ctx, typed),
        Shown::Goal => goal(ctx, typed),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Due<'a> {
    today: chrono::NaiveDate,
    mentors: Vec<&'a MentorDue>,
    action_items: &'a [DueItem],
    overdue_items: u32,
    items_due_this_week: u32,
}

pub fn due(ctx: &mut Ctx) -> Result<()> {
    let journal = open(ctx)?;
    let board = journal.dashboard(journal.today())?;
    let mentors: Vec<&MentorDue> = board
        .mentors
        .iter()
        .filter(|m| {
            matches!(
                m.cadence,
                CadenceStatus::Overdue { .. }
                    | CadenceStatus::NeverMet
                    | CadenceStatus::DueSoon { .. }
                    | CadenceStatus::Paused { .. }
            )
        })
        .collect();
    if ctx.out.json {
        return ctx.out.json(&Due {
            today: board.today,
            mentors,
            action_items: &board.action_items,
            overdue_items: board.overdue_items,
            items_due_this_week: board.items_due_this_week,
        });
    }
    if mentors.is_empty() && board.action_items.is_empty() {
        line("Nothing is due: every mentor is on track and no action item is due this week.");
        return Ok(());
    }
    if !mentors.is_empty() {
        line(&styled(BOLD, "Mentors"));
        for m in &mentors {
            let last = m
                .last_met
                .map_or_else(|| "not met yet".into(), |d| format!("last met {d}"));
            ctx.out.para(
                2,
                &format!(
                    "{}  {} · {}",
                    m.name,
                    cadence_words(&m.cadence),
                    styled(DIM, &last)
                ),
            );
        }
    }
    if !board.action_items.is_empty() {
        if !mentors.is_empty() {
            line("");
        }
        line(&styled(BOLD, "Action items"));
        for d in &board.action_items {
            let item = &d.item;
            let due = item.due_on.map_or_else(String::new, |day| {
                let text = format!("due {day}");
                if item.overdue {
                    styled(WARN, &format!("{text}, overdue"))
                } else {
                    text
                }
            });
            let who = d
                .mentor_name
                .as_deref()
                .map_or_else(String::new, |n| format!(" · {n}"));
            ctx.out.para(
                2,
                &format!(
                    "{}  {}{}  {}",
                    item.title,
                    due,
                    who,
                    styled(DIM, &format!("#{}", item.id.0))
                ),
            );
        }
    }
    Ok(())
}

fn target_words(target: TargetStatus) -> String {
    match target {
        TargetStatus::NoTarget => "no target date".into(),
        TargetStatus::Later { due_in_days } => format!("target in {due_in_days} days"),
        TargetStatus::DueSoon { due_in_days } => {
            styled(WARN, &format!("target in {due_in_days} days"))
        }
        TargetStatus::Overdue { days_overdue } => {
            styled(WARN, &format!("target passed {days_overdue} days ago"))
        }
    }
}

pub fn goals(ctx: &mut Ctx) -> Result<()> {
    let journal = open(ctx)?;
    let goals = journal.list_goals(&GoalFilter::default())?;
    if ctx.out.json {
        return ctx.out.json(&goals);
    }
    if goals.is_empty() {
        line("No goals yet; set them in the app.");
    }
    let today = journal.today();
    for g in &goals {
        line(&format!(
            "{} {}  {} · {}%",
            styled(DIM, &format!("#{}", g.id.0)),
            styled(BOLD, &g.title),
            g.status.as_str(),
            g.progress
        ));
        let mut facts = vec![target_words(journal::target_status(g.target_date, today))];
        if let Some(c) = &g.category {
            facts.push(c.clone());
        }
        if g.milestones_total > 0 {
            facts.push(format!(
                "{}/{} milestones",
                g.milestones_done, g.milestones_total
            ));
        }
        ctx.out.para(4, &facts.join(" · "));
    }
    Ok(())
}

fn goal(ctx: &mut Ctx, typed: &str) -> Result<()> {
    let id = id(typed)?;
    let journal = open(ctx)?;
    let d = journal.goal_detail(GoalId(id))?;
    if ctx.out.json {
        return ctx.out.json(&d);
    }
    let g = &d.goal;
    line(&format!(
        "{} {}",
        styled(BOLD, &g.title),
        styled(DIM, &format!("#{}", g.id.0))
    ));
    let mut facts = vec![
        format!("{} since {}", g.status.as_str(), g.status_since),
        format!("{}% done", g.progress),
        target_words(journal::target_status(g.target_date, journal.today())),
    ];
    if !d.mentors.is_empty() {
        let names: Vec<&str> = d.mentors.iter().map(|m| m.name.as_str()).collect();
        facts.push(format!("with {}", names.join(", ")));
    }
    ctx.out.para(2, &facts.join(" · "));
    for (label, text) in [
        ("Description", &g.description),
        ("Success looks like", &g.success_criteria),
    ] {
        if !text.is_empty() {
            line("");
            line(&styled(BOLD, label));
            ctx.out.para(2, text);
        }
    }
    if !d.milestones.is_empty() {
        line("");
        line(&styled(BOLD, "Milestones"));
        for m in &d.milestones {
            let done = m
                .done_on
                .map_or_else(|| "[ ]".into(), |day| format!("[x] {day}"));
            ctx.out.para(2, &format!("{done} {}", m.title));
        }
    }
    Ok(())
}
