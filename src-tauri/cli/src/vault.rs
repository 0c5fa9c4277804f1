//! The journal itself: where it lives, creating and unlocking it, its passphrase, its backups and
//! its integrity check.
//!
//! `mj` opens the journal for one verb and drops it at the end, which locks it (the core closes
//! the database and wipes the key). Unlocking pays the key derivation every time (about half a
//! second by design); nothing is cached between runs, because a cached key on disk or in an
//! agent would open the journal without the passphrase.

use clap::ValueEnum;
use journal::{
    BackupReason, Error, Journal, Passphrase, RecoveryKey, Result, Secret, Vault, VaultStatus,
};
use serde::Serialize;
use std::path::PathBuf;

use crate::Ctx;
use crate::busy::retry;
use crate::output::{BOLD, DIM, GOOD, line, note, styled};

/// The desktop app's identifier (`src-tauri/tauri.conf.json`): its data folder's name.
const APP_ID: &str = "org.mentorjournal.desktop";
/// The variable the app and `mj` both read for another journal folder.
const DATA_DIR_ENV: &str = "MENTOR_JOURNAL_DIR";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BackupAction {
    /// Take a verified backup now.
    Now,
    /// List the backups, newest first.
    List,
}

/// What unlocked the journal; a restore opens the backup with the same.
#[derive(Debug)]
pub enum Unlocked {
    Passphrase(Passphrase),
    RecoveryKey(RecoveryKey),
}

impl Unlocked {
    fn secret(&self) -> Secret<'_> {
        match self {
            Unlocked::Passphrase(p) => Secret::Passphrase(p),
            Unlocked::RecoveryKey(r) => Secret::RecoveryKey(r),
        }
    }
}

/// `--dir`, else `$MENTOR_JOURNAL_DIR`, else the folder the desktop app uses (Tauri's app data
/// folder for the app's identifier, then `journal`).
pub fn journal_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    let dir = match given {
        Some(dir) => dir,
        None => match std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => app_data_dir()?.join(APP_ID).join("journal"),
        },
    };
    Ok(std::path::absolute(&dir)?)
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

/// Where Tauri puts app data on this system (`dirs::data_dir`).
fn app_data_dir() -> Result<PathBuf> {
    let home = || env_dir("HOME");
    let found = if cfg!(target_os = "macos") {
        home().map(|h| h.join("Library/Application Support"))
    } else if cfg!(windows) {
        env_dir("APPDATA")
    } else {
        env_dir("XDG_DATA_HOME").or_else(|| home().map(|h| h.join(".local/share")))
    };
    found.ok_or_else(|| Error::Validation {
        field: "dir".into(),
        message: format!("Cannot tell where the journal lives; give --dir or set {DATA_DIR_ENV}."),
    })
}

/// Unlocks with the passphrase, or with the recovery key under `--recovery`.
pub fn open(ctx: &mut Ctx) -> Result<Journal> {
    open_keeping_secret(ctx).map(|(journal, _)| journal)
}

fn open_keeping_secret(ctx: &mut Ctx) -> Result<(Journal, Unlocked)> {
    if Vault::status(&ctx.dir) == VaultStatus::Absent {
        return Err(Error::Validation {
            field: "dir".into(),
            message: format!(
                "There is no journal in {}; create one with `mj init`, or point --dir at yours.",
                ctx.dir.display()
            ),
        });
    }
    if ctx.recovery {
        let key = ctx.secrets.recovery_key()?;
        let (journal, rebuilt) = retry(|| Vault::recover(&ctx.dir, &key))?;
        if rebuilt {
            note(
                "The journal's key file was missing or damaged and has been rebuilt with the \
                 recovery key. Choose a new passphrase with `mj --recovery passwd`.",
            );
        }
        Ok((journal, Unlocked::RecoveryKey(key)))
    } else {
        let passphrase = ctx.secrets.passphrase("Passphrase: ")?;
        let journal = retry(|| Vault::unlock(&ctx.dir, &passphrase))?;
        Ok((journal, Unlocked::Passphrase(passphrase)))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Created<'a> {
    dir: String,
    recovery_key: &'a str,
}

pub fn init(ctx: &mut Ctx) -> Result<()> {
    if Vault::status(&ctx.dir) == VaultStatus::Present {
        return Err(Error::Conflict(
            "A journal already exists in this folder.".into(),
        ));
    }
    let passphrase = ctx.secrets.new_passphrase("passphrase")?;
    let (journal, key) = Vault::create(&ctx.dir, &passphrase)?;
    drop(journal);
    if ctx.out.json {
        return ctx.out.json(&Created {
            dir: ctx.dir.display().to_string(),
            recovery_key: key.expose(),
        });
    }
    line(&format!("Created a journal in {}.", ctx.dir.display()));
    line("");
    line("Your recovery key, shown this once:");
    line("");
    line(&format!("    {}", styled(BOLD, key.expose())));
    line("");
    ctx.out.para(
        0,
        "Write it down and keep it apart from this computer. It opens the journal if you forget \
         the passphrase (`mj --recovery passwd`), and it is the only way in then.",
    );
    Ok(())
}

#[derive(Serialize)]
struct Verified {
    intact: bool,
}

pub fn verify(ctx: &mut Ctx) -> Result<()> {
    let journal = open(ctx)?;
    journal.verify()?;
    if ctx.out.json {
        return ctx.out.json(&Verified { intact: true });
    }
    line(&styled(GOOD, "The journal is intact: every page checked."));
    Ok(())
}

pub fn passwd(ctx: &mut Ctx) -> Result<()> {
    if ctx.recovery {
        let journal = open(ctx)?;
        let new = ctx.secrets.new_passphrase("passphrase")?;
        retry(|| journal.set_passphrase(&new))?;
    } else {
        let current = ctx.secrets.passphrase("Current passphrase: ")?;
        let journal = retry(|| Vault::unlock(&ctx.dir, &current))?;
        let new = ctx.secrets.new_passphrase("passphrase")?;
        retry(|| journal.change_passphrase(&current, &new))?;
    }
    if ctx.out.json {
        return ctx.out.json(&serde_json::json!({ "changed": true }));
    }
    line("The passphrase is changed. The recovery key still works.");
    Ok(())
}

pub fn backup(ctx: &mut Ctx, action: BackupAction) -> Result<()> {
    let journal = open(ctx)?;
    match action {
        BackupAction::Now => {
            let backup = retry(|| journal.back_up(BackupReason::Manual))?;
            if ctx.out.json {
                return ctx.out.json(&backup);
            }
            line(&format!(
                "Backed up and checked: {} ({} KiB).",
                styled(BOLD, &backup.id),
                backup.bytes.div_ceil(1024)
            ));
        }
        BackupAction::List => {
            let backups = journal.backups()?;
            if ctx.out.json {
                return ctx.out.json(&backups);
            }
            if backups.is_empty() {
                line("No backups yet; take one with `mj backup now`.");
            }
            for b in &backups {
                let taken = b.taken_at.with_timezone(&chrono::Local);
                line(&format!(
                    "{}  {}  {}  {} KiB{}{}",
                    styled(BOLD, &b.id),
                    taken.format("%Y-%m-%d %H:%M"),
                    crate::output::words(&b.reason),
                    b.bytes.div_ceil(1024),
                    if b.verified_at.is_some() {
                        "  verified"
                    } else {
                        ""
                    },
                    if b.older_key {
                        styled(DIM, "  (under an older key)")
                    } else {
                        String::new()
                    },
                ));
            }
        }
    }
    Ok(())
}

pub fn restore(ctx: &mut Ctx, id: &str) -> Result<()> {
    let (mut journal, unlocked) = open_keeping_secret(ctx)?;
    let folder = journal.backup_folder(id)?;
    let restored = retry(|| journal.restore(&folder, unlocked.secret()))?;
    if ctx.out.json {
        return ctx.out.json(&restored);
    }
    let p = &restored.preview;
    line(&format!(
        "Restored {id}: {}, {}, {}.",
        crate::output::count(p.mentors, "mentor"),
        crate::output::count(p.notes, "note"),
        crate::output::count(p.goals, "goal"),
    ));
    ctx.out.para(
        0,
        &format!("The journal as it was is kept in {}.", restored.kept_aside),
    );
    if restored.older_key {
        ctx.out.para(
            0,
            "This backup is from before a new recovery key: the recovery key of its time opens \
             the journal now.",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_folder_wins_and_is_made_absolute() {
        let dir = journal_dir(Some(PathBuf::from("some/where"))).unwrap();
        assert!(dir.is_absolute());
        assert!(dir.ends_with("some/where"));
    }
}
