//! Mentors: finding one from what was typed, listing them, adding one, showing one.
//!
//! A mentor is named on the command line the way people say it: `amara` for "Dr. Amara Osei".
//! Matching is the core's (`mentors_matching`: case, accents, titles and punctuation set aside,
//! the whole name first, then a prefix; `#ID` for one exactly). More than one match is never
//! guessed between: the matches are listed and the user types more (or `#ID`, for two people with
//! the same name).

use clap::{Args, Subcommand};
use journal::{
    CadenceStatus, Error, Journal, MentorFilter, MentorId, MentorInput, MentorRef, Result,
};

use crate::Ctx;
use crate::busy::retry;
use crate::output::{BOLD, DIM, WARN, line, note, styled};
use crate::vault::open;

#[derive(Debug, Args)]
pub struct MentorsArgs {
    #[command(subcommand)]
    action: Option<MentorsAction>,
}

#[derive(Debug, Subcommand)]
enum MentorsAction {
    /// Add a mentor.
    #[command(
        after_help = "Example:\n  mj mentors add \"Dr. Amara Osei\" --focus research --focus career --every 3-weeks"
    )]
    Add {
        /// The mentor's name as you write it.
        name: String,
        /// A focus area of the mentorship (repeat for more).
        #[arg(long = "focus", value_name = "AREA")]
        focus: Vec<String>,
        /// How often you mean to meet: `3-weeks`, `2w`, `10-days`.
        #[arg(long, value_name = "N-weeks")]
        every: Option<String>,
    },
}

/// The one mentor `typed` names (the core's `mentors_matching`; see the module notes).
pub fn resolve(journal: &Journal, typed: &str) -> Result<MentorRef> {
    let matches = journal.mentors_matching(typed)?;
    let mut found = matches.into_iter();
    match (found.next(), found.next()) {
        (Some(one), None) => Ok(one),
        (None, _) => Err(unknown(typed)),
        (Some(first), Some(second)) => {
            let all: Vec<MentorRef> = [first, second].into_iter().chain(found).collect();
            let list: Vec<String> = all
                .iter()
                .map(|m| format!("  {} (#{})", m.name, m.id.0))
                .collect();
            Err(Error::Validation {
                field: "mentor".into(),
                message: format!(
                    "\"{typed}\" matches {} mentors:\n{}\nType more of the name, or #ID.",
                    all.len(),
                    list.join("\n")
                ),
            })
        }
    }
}

fn unknown(typed: &str) -> Error {
    Error::Validation {
        field: "mentor".into(),
        message: format!(
            "No mentor is called \"{typed}\". `mj mentors` lists them; `mj mentors add NAME` adds one."
        ),
    }
}

pub fn mentors(ctx: &mut Ctx, args: MentorsArgs) -> Result<()> {
    match args.action {
        None => list(ctx),
        Some(MentorsAction::Add { name, focus, every }) => add(ctx, &name, focus, every),
    }
}

fn list(ctx: &mut Ctx) -> Result<()> {
    let journal = open(ctx)?;
    let mentors = journal.list_mentors(&MentorFilter::default(), journal.today())?;
    if ctx.out.json {
        return ctx.out.json(&mentors);
    }
    if mentors.is_empty() {
        line("No mentors yet; add one with `mj mentors add NAME`.");
    }
    for s in &mentors {
        let m = &s.mentor;
        line(&format!(
            "{} {}  {}",
            styled(DIM, &format!("#{}", m.id.0)),
            styled(BOLD, &m.name),
            m.status.as_str()
        ));
        let mut facts = vec![cadence_words(&s.cadence)];
        facts.push(match s.last_met {
            Some(day) => format!("last met {day}"),
            None => "not met yet".into(),
        });
        facts.push(crate::output::count(s.conversations, "note"));
        if s.open_action_items > 0 {
            facts.push(crate::output::count(s.open_action_items, "open item"));
        }
        if !m.focus_areas.is_empty() {
            facts.push(m.focus_areas.join(", "));
        }
        ctx.out.para(4, &facts.join(" · "));
    }
    Ok(())
}

/// A cadence status in words, coloured when something is due.
pub fn cadence_words(status: &CadenceStatus) -> String {
    match *status {
        CadenceStatus::NotTracked => "no cadence".into(),
        CadenceStatus::NeverMet => styled(WARN, "first meeting due"),
        CadenceStatus::OnTrack { due_in_days } => format!("next due in {due_in_days} days"),
        CadenceStatus::DueSoon { due_in_days: 0 } => styled(WARN, "due today"),
        CadenceStatus::DueSoon { due_in_days } => styled(
            WARN,
            &format!(
                "due in {}",
                crate::output::count(due_in_days.unsigned_abs(), "day")
            ),
        ),
        CadenceStatus::Overdue { days_overdue } => styled(
            WARN,
            &format!(
                "overdue by {}",
                crate::output::count(days_overdue.unsigned_abs(), "day")
            ),
        ),
        CadenceStatus::Paused {
            ref block_title,
            until,
            ref otherwise,
            ..
        } => format!(
            "{}, paused for {block_title} until {until}",
            cadence_words(otherwise)
        ),
    }
}

/// `3-weeks`, `3 weeks`, `3w`, `10-days`, `10d` as days.
fn cadence_days(text: &str) -> Result<u32> {
    let refuse = || Error::Validation {
        field: "every".into(),
        message: "Give the cadence like 3-weeks, 2w or 10-days.".into(),
    };
    let t = text.trim().to_lowercase();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let unit = t[digits.len()..].trim_start_matches(['-', ' ']);
    let n: u32 = digits.parse().map_err(|_| refuse())?;
    let per = match unit {
        "w" | "week" | "weeks" => 7,
        "d" | "day" | "days" => 1,
        _ => return Err(refuse()),
    };
    n.checked_mul(per).ok_or_else(refuse)
}

fn add(ctx: &mut Ctx, name: &str, focus: Vec<String>, every: Option<String>) -> Result<()> {
    let cadence = every.as_deref().map(cadence_days).transpose()?;
    let journal = open(ctx)?;
    for same in journal.mentors_named_like(name, None)? {
        note(&format!(
            "Note: {} (#{}) has the same name; adding another all the same.",
            same.name, same.id.0
        ));
    }
    let input = MentorInput {
        focus_areas: focus,
        cadence_days: cadence,
        ..MentorInput::named(name)
    };
    let mentor = retry(|| journal.add_mentor(&input))?;
    if ctx.out.json {
        return ctx.out.json(&mentor);
    }
    line(&format!(
        "Added {} (#{}).",
        styled(BOLD, &mentor.name),
        mentor.id.0
    ));
    Ok(())
}

/// `mj show mentor NAME|ID`.
pub fn show(ctx: &mut Ctx, typed: &str) -> Result<()> {
    let journal = open(ctx)?;
    let id = match typed.parse::<i64>() {
        Ok(id) => MentorId(id),
        Err(_) => resolve(&journal, typed)?.id,
    };
    let m = journal.mentor(id)?;
    if ctx.out.json {
        return ctx.out.json(&m);
    }
    line(&format!(
        "{} {}",
        styled(BOLD, &m.name),
        styled(DIM, &format!("#{}", m.id.0))
    ));
    let mut facts = vec![format!("{} since {}", m.status.as_str(), m.status_since)];
    if let Some(days) = m.cadence_days {
        facts.push(format!("meet every {}", crate::output::count(days, "day")));
    }
    for (label, value) in [
        ("role", &m.role),
        ("specialty", &m.specialty),
        ("institution", &m.institution),
        ("email", &m.email),
        ("phone", &m.phone),
    ] {
        if !value.is_empty() {
            facts.push(format!("{label}: {value}"));
        }
    }
    if !m.focus_areas.is_empty() {
        facts.push(format!("focus: {}", m.focus_areas.join(", ")));
    }
    ctx.out.para(2, &facts.join(" · "));
    for (label, text) in [
        ("How we met", &m.how_we_met),
        ("Agreed goals", &m.agreed_goals),
        ("Private notes", &m.private_notes),
    ] {
        if !text.is_empty() {
            line("");
            line(&styled(BOLD, label));
            ctx.out.para(2, text);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadences_read_in_weeks_or_days() {
        assert_eq!(cadence_days("3-weeks").unwrap(), 21);
        assert_eq!(cadence_days("1 week").unwrap(), 7);
        assert_eq!(cadence_days("2w").unwrap(), 14);
        assert_eq!(cadence_days("10-days").unwrap(), 10);
        for bad in [
            "",
            "weeks",
            "3",
            "3 months",
            "-3-weeks",
            "99999999999-weeks",
        ] {
            assert!(cadence_days(bad).is_err(), "{bad:?} is refused");
        }
    }
}
