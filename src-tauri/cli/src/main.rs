//! `mj`: Mentor Journal's command-line companion, over the same encrypted journal and the same
//! core as the desktop app.
//!
//! This file holds only the interface (clap's definitions, with an example on every verb), the
//! dispatch to the verb modules and the exit codes. Every rule (what a valid note is, which
//! mentors are due, how a backup is checked) is the core's: a verb gathers what was typed, calls
//! one core function and prints its answer, so a note saved here and one saved in the app can
//! never obey different rules. The names of verbs and flags are a contract (scripts rely on
//! them); see issue 15 and `JSON.md` for the machine-readable output.
//!
//! Exit codes: 0 done, 1 refused or failed (the core's message on stderr), 2 usage (clap's),
//! 3 wrong passphrase or recovery key, 4 the journal is damaged.

mod busy;
mod editor;
mod mentors;
mod notes;
mod output;
mod secret;
mod transfer;
mod vault;
mod views;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::output::Out;
use crate::secret::Secrets;

#[derive(Debug, Parser)]
#[command(
    name = "mj",
    version,
    about = "Mentor Journal on the command line: the same encrypted journal as the app.",
    after_help = "Examples:\n  mj note --mentor amara \"Talked through the abstract.\"\n  mj search abstract --from \"2 weeks ago\"\n  mj due\n\nThe passphrase is asked on the terminal without echo, or read from --passphrase-fd."
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    verb: Verb,
}

/// What every verb shares.
#[derive(Debug, Args)]
struct Global {
    /// The journal's folder (default: the app's, or $MENTOR_JOURNAL_DIR when set).
    #[arg(long, global = true, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Machine-readable output (documented in JSON.md).
    #[arg(long, global = true)]
    json: bool,
    /// Read the passphrase (or recovery key) from the first line of this open file descriptor;
    /// a second passphrase (export, passwd) from its next line.
    #[arg(long, global = true, value_name = "N")]
    passphrase_fd: Option<u32>,
    /// Unlock with the recovery key instead of the passphrase.
    #[arg(long, global = true)]
    recovery: bool,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Create a journal and print its recovery key once.
    #[command(after_help = "Example:\n  mj init\n  mj --dir ~/journal-test init")]
    Init,
    /// Write a note about a conversation with a mentor.
    #[command(
        after_help = "Examples:\n  mj note --mentor amara \"Talked through the abstract.\"\n  mj note --mentor amara --on yesterday --title \"Abstract\" < notes.md\n  mj note --mentor amara          # opens $EDITOR"
    )]
    Note(notes::NoteArgs),
    /// Search notes, mentors, action items, goals and questions, newest first.
    #[command(
        after_help = "Examples:\n  mj search abstract\n  mj search \"study protocol\" --mentor amara --from 2026-01-01 --limit 10"
    )]
    Search(notes::SearchArgs),
    /// Mentors overdue or due soon by their cadence; action items overdue or due this week.
    #[command(after_help = "Example:\n  mj due")]
    Due,
    /// List mentors, or add one.
    #[command(
        after_help = "Examples:\n  mj mentors\n  mj mentors add \"Dr. Amara Osei\" --focus research --focus career --every 3-weeks"
    )]
    Mentors(mentors::MentorsArgs),
    /// List goals.
    #[command(after_help = "Example:\n  mj goals")]
    Goals,
    /// Show one note, mentor or goal in full.
    #[command(
        after_help = "Examples:\n  mj show note 12\n  mj show mentor amara\n  mj show goal 3"
    )]
    Show {
        what: views::Shown,
        /// The id (`mj search`, `mj mentors`, `mj goals` show it); a mentor also by name.
        id: String,
    },
    /// Write the journal (or a report from it) to a file.
    #[command(
        after_help = "Examples:\n  mj export json ~/journal.json --encrypt\n  mj export markdown ~/journal-md\n  mj export portfolio --from 2026-01-01 --to 2026-06-30 --with-reviews ~/portfolio.pdf\n  mj export summary --mentor amara ~/for-amara.pdf"
    )]
    Export(transfer::ExportArgs),
    /// Import a jrnl or Day One file; --dry-run shows what it would do.
    #[command(
        after_help = "Examples:\n  mj import jrnl ~/journal.txt --dry-run\n  mj import jrnl ~/journal.txt --map mentor=amara --map writing=+Dana Reyes\n  mj import dayone ~/Export.zip --map dana=dana"
    )]
    Import(transfer::ImportArgs),
    /// Take a verified backup now, or list the backups.
    #[command(after_help = "Examples:\n  mj backup now\n  mj backup list")]
    Backup { action: vault::BackupAction },
    /// Make one of the journal's backups the journal (the journal as it was is kept aside).
    #[command(
        after_help = "Example:\n  mj restore 20261201T093000Z-manual   # an id from `mj backup list`"
    )]
    Restore {
        /// The backup's id, from `mj backup list`.
        backup: String,
    },
    /// Check every page of the journal.
    #[command(after_help = "Example:\n  mj verify && echo intact")]
    Verify,
    /// Change the passphrase (the current one, then the new one twice).
    #[command(
        after_help = "Examples:\n  mj passwd\n  mj passwd --recovery   # forgot it: the recovery key, then a new passphrase"
    )]
    Passwd,
}

/// The kinds of file `mj import` reads.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Source {
    Jrnl,
    Dayone,
}

impl From<Source> for journal::ImportSource {
    fn from(source: Source) -> Self {
        match source {
            Source::Jrnl => journal::ImportSource::Jrnl,
            Source::Dayone => journal::ImportSource::DayOne,
        }
    }
}

/// What a verb needs besides its own arguments.
#[derive(Debug)]
pub struct Ctx {
    pub dir: PathBuf,
    pub out: Out,
    pub secrets: Secrets,
    pub recovery: bool,
}

fn main() -> ExitCode {
    // A crash dump would hold the data key and whatever was decrypted; best effort.
    let _ = journal::refuse_core_dumps();
    let cli = Cli::parse();
    let out = Out::new(cli.global.json);
    match run(cli, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            output::error(&err);
            ExitCode::from(exit_code(&err))
        }
    }
}

fn exit_code(err: &journal::Error) -> u8 {
    match err.code() {
        journal::ErrorCode::WrongPassphrase => 3,
        journal::ErrorCode::Corrupt => 4,
        _ => 1,
    }
}

fn run(cli: Cli, out: Out) -> journal::Result<()> {
    let mut ctx = Ctx {
        dir: vault::journal_dir(cli.global.dir)?,
        out,
        secrets: Secrets::new(cli.global.passphrase_fd),
        recovery: cli.global.recovery,
    };
    match cli.verb {
        Verb::Init => vault::init(&mut ctx),
        Verb::Note(args) => notes::note(&mut ctx, args),
        Verb::Search(args) => notes::search(&mut ctx, args),
        Verb::Due => views::due(&mut ctx),
        Verb::Mentors(args) => mentors::mentors(&mut ctx, args),
        Verb::Goals => views::goals(&mut ctx),
        Verb::Show { what, id } => views::show(&mut ctx, what, &id),
        Verb::Export(args) => transfer::export(&mut ctx, args),
        Verb::Import(args) => transfer::import(&mut ctx, args),
        Verb::Backup { action } => vault::backup(&mut ctx, action),
        Verb::Restore { backup } => vault::restore(&mut ctx, &backup),
        Verb::Verify => vault::verify(&mut ctx),
        Verb::Passwd => vault::passwd(&mut ctx),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interface_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
