//! Files in and out: the four exports and the jrnl and Day One imports.
//!
//! Both are the core's: `mj` turns relative paths into absolute ones (the core refuses a path
//! relative to wherever a program happens to run), finds the mentors named on the command line,
//! and asks for the passphrases. An encrypted export is the age format under a passphrase of its
//! own, chosen like a journal's (twice on the terminal, or the next line of `--passphrase-fd`).
//!
//! An import's preview is its dry run: what the file holds, what is already in the journal, the
//! tags with the mentor each probably means, and where each tag would go with the `--map`s
//! given. A tag goes to a mentor only when mapped: the core's suggestions are shown, never
//! applied silently, because a wrong guess would file private notes under the wrong person.

use clap::{Args, ValueEnum};
use journal::{Error, ImportPreview, Journal, MapTo, Protection, Result, SourceFile, TagMapping};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::busy::retry;
use crate::mentors::resolve;
use crate::notes::day;
use crate::output::{BOLD, DIM, count, line, note, styled};
use crate::secret::Secrets;
use crate::vault::open;
use crate::{Ctx, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    /// The whole journal as JSON (the app can import it again).
    Json,
    /// A folder of Markdown files (a zip inside the age file with --encrypt).
    Markdown,
    /// The mentorship portfolio for a period, as a PDF.
    Portfolio,
    /// The summary to hand one mentor, as a PDF.
    Summary,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    kind: ExportKind,
    /// Where to write it.
    file: PathBuf,
    /// The mentor a summary is for (a name or the start of one).
    #[arg(long, value_name = "NAME")]
    mentor: Option<String>,
    /// The portfolio's first day (default: a year before --to).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// The portfolio's last day (default: today).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Include the portfolio period's completed reviews (decisions and figures, not your notes).
    #[arg(long)]
    with_reviews: bool,
    /// Encrypt it with age under a passphrase of its own (`age -d` opens it anywhere).
    #[arg(long)]
    encrypt: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    source: Source,
    /// The file to import.
    file: PathBuf,
    /// Where a tag's entries go: `TAG=NAME` an existing mentor (by the start of the name),
    /// `TAG=+New Name` a new one. Unmapped tags go to no mentor.
    #[arg(long = "map", value_name = "TAG=MENTOR")]
    map: Vec<String>,
    /// Show what the import would do and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Read an encrypted jrnl journal's password from this file descriptor (its next line when
    /// it is the --passphrase-fd).
    #[arg(long, value_name = "N")]
    password_fd: Option<u32>,
}

fn absolute(path: &Path) -> Result<PathBuf> {
    Ok(std::path::absolute(path)?)
}

fn only_for(flag: &str, verb: &str) -> Error {
    Error::Validation {
        field: flag.to_owned().into(),
        message: format!("--{flag} is for `mj export {verb}`."),
    }
}

pub fn export(ctx: &mut Ctx, args: ExportArgs) -> Result<()> {
    let path = absolute(&args.file)?;
    if args.mentor.is_some() && args.kind != ExportKind::Summary {
        return Err(only_for("mentor", "summary"));
    }
    if (args.from.is_some() || args.to.is_some() || args.with_reviews)
        && args.kind != ExportKind::Portfolio
    {
        let flag = match (args.from.is_some(), args.to.is_some()) {
            (true, _) => "from",
            (_, true) => "to",
            _ => "with-reviews",
        };
        return Err(only_for(flag, "portfolio"));
    }
    let journal = open(ctx)?;
    let mentor = match (args.kind, args.mentor.as_deref()) {
        (ExportKind::Summary, None) => {
            return Err(Error::Validation {
                field: "mentor".into(),
                message: "Name the mentor the summary is for: --mentor NAME.".into(),
            });
        }
        (_, Some(typed)) => Some(resolve(&journal, typed)?),
        _ => None,
    };
    let to = day(&journal, "to", args.to.as_deref())?.unwrap_or_else(|| journal.today());
    let from = day(&journal, "from", args.from.as_deref())?
        .unwrap_or_else(|| to.checked_sub_months(chrono::Months::new(12)).unwrap_or(to));
    let passphrase = if args.encrypt {
        Some(ctx.secrets.new_passphrase("export passphrase")?)
    } else {
        None
    };
    let protection = Protection::from_passphrase(passphrase.as_ref());
    let written = match args.kind {
        ExportKind::Json => to_json(&journal.export_json_to(&path, protection)?)?,
        ExportKind::Markdown => to_json(&journal.export_markdown(&path, protection)?)?,
        ExportKind::Portfolio => {
            journal.export_portfolio(&path, (from, to), args.with_reviews, protection)?;
            serde_json::json!({ "from": from, "to": to, "withReviews": args.with_reviews })
        }
        ExportKind::Summary => {
            let mentor = mentor.ok_or_else(|| Error::Internal("no mentor".into()))?;
            journal.export_summary(&path, mentor.id, protection)?;
            serde_json::json!({ "mentor": mentor })
        }
    };
    if ctx.out.json {
        return ctx.out.json(&serde_json::json!({
            "path": path.display().to_string(),
            "encrypted": args.encrypt,
            "written": written,
        }));
    }
    let what = match args.kind {
        ExportKind::Json | ExportKind::Markdown => {
            let n = |k: &str| written.get(k).and_then(serde_json::Value::as_u64);
            match (n("notes"), n("mentors"), n("files")) {
                (Some(notes), Some(mentors), _) => {
                    format!(": {}, {}", count(mentors, "mentor"), count(notes, "note"))
                }
                (Some(notes), None, Some(files)) => {
                    format!(": {}, {}", count(files, "file"), count(notes, "note"))
                }
                _ => String::new(),
            }
        }
        ExportKind::Portfolio => format!(": {from} to {to}"),
        ExportKind::Summary => String::new(),
    };
    let sealed = if args.encrypt {
        " (encrypted with age)"
    } else {
        ""
    };
    ctx.out
        .para(0, &format!("Wrote {}{what}{sealed}.", path.display()));
    Ok(())
}

fn to_json(value: &impl serde::Serialize) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| Error::Internal(format!("could not write JSON: {e}")))
}

pub fn import(ctx: &mut Ctx, args: ImportArgs) -> Result<()> {
    let path = absolute(&args.file)?;
    let journal = open(ctx)?;
    let file = read(ctx, &path, args.source, args.password_fd)?;
    let preview = journal.preview_import(&file)?;
    let mappings = mappings(&journal, &preview, &args.map)?;
    if args.dry_run {
        if ctx.out.json {
            return ctx.out.json(&preview);
        }
        show_preview(ctx, &journal, &preview, &mappings);
        return Ok(());
    }
    let cancel = AtomicBool::new(false);
    let report = retry(|| journal.import_entries(&file, &mappings, &|_, _| {}, &cancel))?;
    if ctx.out.json {
        return ctx.out.json(&report);
    }
    line(&format!(
        "Imported {} ({} already there), {}, {} about no single mentor.",
        count(report.added, "entry"),
        report.already_imported,
        count(report.new_mentors, "new mentor"),
        report.without_mentor
    ));
    for n in report.notes.iter().chain(&report.media_not_imported) {
        ctx.out.para(2, n);
    }
    Ok(())
}

/// Reads the file, asking for an encrypted jrnl journal's password when it needs one.
fn read(ctx: &mut Ctx, path: &Path, source: Source, fd: Option<u32>) -> Result<SourceFile> {
    let password = match fd {
        None => None,
        Some(n) if ctx.secrets.fd() == Some(n) => Some(ctx.secrets.passphrase("")?),
        Some(n) => Some(Secrets::new(Some(n)).passphrase("")?),
    };
    match journal::read_source(path, source.into(), password.as_ref()) {
        Err(err) if password.is_none() && err.field() == Some("password") => {
            let asked = Secrets::new(None).passphrase("Password of the jrnl journal: ")?;
            journal::read_source(path, source.into(), Some(&asked))
        }
        other => other,
    }
}

/// The `--map TAG=MENTOR` arguments as the core's mappings. A tag is matched as the file spells
/// it, else without regard to case (jrnl users write `@Mentor` and `@mentor` alike), so one
/// `--map` covers every spelling. The core makes a new mentor per mapping, so a new mentor for
/// a tag spelled several ways is refused: add the mentor first, then map the tag to it.
fn mappings(
    journal: &Journal,
    preview: &ImportPreview,
    given: &[String],
) -> Result<Vec<TagMapping>> {
    let mut out: Vec<TagMapping> = Vec::new();
    for arg in given {
        let (tag, target) = arg.split_once('=').ok_or_else(|| Error::Validation {
            field: "map".into(),
            message: format!("--map {arg:?}: write TAG=MENTOR, or TAG=+New Name for a new mentor."),
        })?;
        let tag = tag.trim().trim_start_matches(['@', '#']);
        let exact: Vec<&str> = preview
            .tags
            .iter()
            .map(|t| t.tag.as_str())
            .filter(|t| *t == tag)
            .collect();
        let spellings: Vec<&str> = if exact.is_empty() {
            preview
                .tags
                .iter()
                .map(|t| t.tag.as_str())
                .filter(|t| t.to_lowercase() == tag.to_lowercase())
                .collect()
        } else {
            exact
        };
        if spellings.is_empty() {
            note(&format!(
                "Note: no entry has the tag {tag:?}; --map {arg:?} changes nothing."
            ));
        }
        let to = match target.trim().strip_prefix('+') {
            Some(name) => MapTo::NewMentor {
                name: name.trim().to_owned(),
            },
            None => MapTo::Mentor {
                id: resolve(journal, target)?.id,
            },
        };
        if matches!(to, MapTo::NewMentor { .. }) && spellings.len() > 1 {
            return Err(Error::Validation {
                field: "map".into(),
                message: format!(
                    "The tag {tag:?} is spelled {} ways in the file ({}); add the mentor first \
                     (`mj mentors add NAME`), then --map {tag}=NAME.",
                    spellings.len(),
                    spellings.join(", ")
                ),
            });
        }
        for spelling in spellings {
            out.push(TagMapping {
                tag: spelling.to_owned(),
                to: to.clone(),
            });
        }
    }
    Ok(out)
}

fn show_preview(ctx: &mut Ctx, journal: &Journal, p: &ImportPreview, mappings: &[TagMapping]) {
    let span = match (p.first_on, p.last_on) {
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    line(&format!(
        "{} in the file{span}; {} already imported. Nothing was written (dry run).",
        styled(BOLD, &count(p.entries, "entry")),
        p.already_imported
    ));
    if !p.tags.is_empty() {
        line("");
        line(&styled(BOLD, "Tags"));
    }
    for t in &p.tags {
        let goes = match mappings.iter().find(|m| m.tag == t.tag).map(|m| &m.to) {
            Some(MapTo::Mentor { id }) => match journal.mentor(*id) {
                Ok(m) => format!("→ {} (#{})", m.name, id.0),
                Err(_) => format!("→ mentor #{}", id.0),
            },
            Some(MapTo::NewMentor { name }) => format!("→ new mentor {name}"),
            Some(MapTo::Nobody) | None => "→ no mentor".into(),
        };
        let hint = t.suggested.as_ref().map_or_else(String::new, |m| {
            styled(
                DIM,
                &format!("  (probably {}: --map {}={})", m.name, t.tag, m.name),
            )
        });
        ctx.out.para(
            2,
            &format!("{} {}  {goes}{hint}", t.tag, count(t.entries, "entry")),
        );
    }
    if p.without_tags > 0 {
        ctx.out.para(
            0,
            &format!(
                "{} without tags (no mentor).",
                count(p.without_tags, "entry")
            ),
        );
    }
    if p.media > 0 {
        ctx.out.para(
            0,
            &format!("{} not imported.", count(p.media, "media item")),
        );
    }
    for n in &p.notes {
        ctx.out.para(2, n);
    }
}
