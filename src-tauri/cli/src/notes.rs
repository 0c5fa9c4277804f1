//! Notes: writing one in a line (`mj note`), finding them again (`mj search`), reading one whole
//! (`mj show note`).
//!
//! The text of a note comes from the arguments, else from stdin when it is not a terminal (after
//! the passphrase line, with `--passphrase-fd 0`), else from `$EDITOR` (see `editor`). The
//! journal is unlocked and the mentor found before the editor opens, so a typo in either is told
//! before anything is written, not after.

use chrono::NaiveDate;
use clap::Args;
use journal::{ConversationId, ConversationInput, Error, Journal, Result, SearchQuery, parse_day};
use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use zeroize::Zeroizing;

use crate::Ctx;
use crate::busy::retry;
use crate::mentors::resolve;
use crate::output::{BOLD, DIM, line, marked, styled};
use crate::vault::open;

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// Whom the conversation was with: a name or the start of one (`amara`).
    #[arg(long, value_name = "NAME")]
    mentor: String,
    /// The day it happened: 2026-12-01, today, yesterday, monday, 3 days ago (default: now).
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
    /// A title for the note.
    #[arg(long, value_name = "T")]
    title: Option<String>,
    /// The note's text (Markdown); without it, stdin or $EDITOR.
    text: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (the last may be the start of a word); "quoted words" as a phrase.
    #[arg(required = true)]
    text: Vec<String>,
    /// Only what is about this mentor (a name or the start of one).
    #[arg(long, value_name = "NAME")]
    mentor: Option<String>,
    /// Only private reflections (notes about no single mentor).
    #[arg(long, conflicts_with = "mentor")]
    reflections: bool,
    /// From this day on: 2026-12-01, yesterday, monday, 2 weeks ago.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Up to this day.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// How many results at most (default 50).
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
}

/// A typed day on the journal's clock, refused in the core's words with the flag named.
pub fn day(journal: &Journal, flag: &str, typed: Option<&str>) -> Result<Option<NaiveDate>> {
    typed
        .map(|t| {
            parse_day(t, journal.today()).map_err(|err| Error::Validation {
                field: flag.to_owned().into(),
                message: format!("--{flag} {t:?}: {err}"),
            })
        })
        .transpose()
}

pub fn note(ctx: &mut Ctx, args: NoteArgs) -> Result<()> {
    let journal = open(ctx)?;
    let mentor = resolve(&journal, &args.mentor)?;
    let on = day(&journal, "on", args.on.as_deref())?;
    let body = text(ctx, &args.text)?;
    let input = ConversationInput {
        mentor_id: Some(mentor.id),
        // A day alone is dated at noon, which reads as "that day" in every time zone; today is
        // now, so the note sorts after the ones already written today.
        occurred_at: on
            .filter(|d| *d != journal.today())
            .and_then(|d| d.and_hms_opt(12, 0, 0)),
        title: args.title.unwrap_or_default(),
        body: body.to_string(),
        ..ConversationInput::default()
    };
    let saved = retry(|| journal.add_conversation(&input, false))?;
    drop(Zeroizing::new(input.body));
    if ctx.out.json {
        return ctx.out.json(&saved);
    }
    line(&format!(
        "Saved note #{} with {} on {}.",
        saved.id.0,
        styled(BOLD, &mentor.name),
        saved.occurred_at.date()
    ));
    Ok(())
}

/// The note's text from the arguments, stdin or the editor (see the module notes).
fn text(ctx: &mut Ctx, args: &[String]) -> Result<Zeroizing<String>> {
    if !args.is_empty() {
        return Ok(Zeroizing::new(args.join(" ")));
    }
    if ctx.secrets.on_stdin() {
        let rest = ctx.secrets.rest()?;
        if !rest.trim().is_empty() {
            return Ok(rest);
        }
    } else if !std::io::stdin().is_terminal() {
        let mut piped = Zeroizing::new(String::new());
        std::io::stdin().read_to_string(&mut piped)?;
        if !piped.trim().is_empty() {
            return Ok(piped);
        }
    }
    crate::editor::edit()
}

pub fn search(ctx: &mut Ctx, args: SearchArgs) -> Result<()> {
    let journal = open(ctx)?;
    let mentor = args
        .mentor
        .as_deref()
        .map(|m| resolve(&journal, m))
        .transpose()?;
    let query = SearchQuery {
        text: args.text.join(" "),
        mentor_id: mentor.map(|m| m.id),
        reflections: Some(args.reflections),
        from: day(&journal, "from", args.from.as_deref())?,
        to: day(&journal, "to", args.to.as_deref())?,
        limit: args.limit,
        offset: None,
    };
    let hits = journal.search(&query)?;
    if ctx.out.json {
        return ctx.out.json(&hits);
    }
    if hits.is_empty() {
        line("Nothing found.");
        return Ok(());
    }
    let mut names: HashMap<i64, String> = HashMap::new();
    for id in hits.iter().filter_map(|h| h.mentor_id) {
        names
            .entry(id.0)
            .or_insert_with(|| journal.mentor(id).map(|m| m.name).unwrap_or_default());
    }
    for hit in &hits {
        let kind = format!("{:?}", hit.kind).to_lowercase();
        let mut head = vec![
            hit.date
                .map_or_else(|| "          ".into(), |d| d.to_string()),
            styled(DIM, &format!("{kind} #{}", hit.item_id)),
        ];
        if let Some(name) = hit.mentor_id.and_then(|id| names.get(&id.0)) {
            head.push(name.clone());
        }
        line(&head.join("  "));
        let title = marked(&hit.title_html);
        if !title.trim().is_empty() {
            ctx.out.para(2, &styled(BOLD, &title));
        }
        let snippet = marked(&hit.snippet_html);
        if !snippet.trim().is_empty() {
            ctx.out.para(2, &snippet);
        }
    }
    Ok(())
}

/// `mj show note ID`.
pub fn show(ctx: &mut Ctx, id: &str) -> Result<()> {
    let id = crate::views::id(id)?;
    let journal = open(ctx)?;
    let note = journal.conversation(ConversationId(id))?;
    if ctx.out.json {
        return ctx.out.json(&note);
    }
    let mentor = match note.mentor_id {
        Some(id) => journal.mentor(id)?.name,
        None => "no single mentor".into(),
    };
    line(&format!(
        "{}  {}  {}{}",
        note.occurred_at.format("%Y-%m-%d %H:%M"),
        styled(BOLD, &mentor),
        styled(DIM, &format!("note #{}", note.id.0)),
        if note.is_draft { "  (draft)" } else { "" }
    ));
    if !note.title.is_empty() {
        line("");
        ctx.out.para(0, &styled(BOLD, &note.title));
    }
    line("");
    ctx.out.para(0, &note.body);
    if !note.takeaways.is_empty() {
        line("");
        line(&styled(BOLD, "Takeaways"));
        for t in &note.takeaways {
            ctx.out.para(2, &format!("- {t}"));
        }
    }
    Ok(())
}
