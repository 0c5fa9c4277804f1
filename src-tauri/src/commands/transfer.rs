//! What leaves and enters the journal: the JSON, Markdown and PDF exports, imports from other
//! journal apps, and backups (taken, listed, restored, thinned, kept in a second place).

use chrono::NaiveDate;
use journal::{
    Backup, BackupPlace, BackupPreview, BackupReason, ImportPreview, ImportReport, ImportSource,
    JsonTransfer, MarkdownExport, MentorId, Passphrase, Protection, RecoveryKey, Reencrypted,
    Restored, Retention, Secret, TagMapping, preview_backup, read_source,
};
use std::path::Path;

commands! {
    /// Writes the whole journal as JSON to `path`; encrypted with age when a passphrase is given.
    fn export_json(state, path: String, passphrase: Option<Passphrase>) -> JsonTransfer {
        state.journal(|j| j.export_json_to(Path::new(&path), Protection::from_passphrase(passphrase.as_ref())))
    }

    /// The Markdown export: a folder at `path`, or a zip in an age file when a passphrase is given.
    fn export_markdown(state, path: String, passphrase: Option<Passphrase>) -> MarkdownExport {
        state.journal(|j| j.export_markdown(Path::new(&path), Protection::from_passphrase(passphrase.as_ref())))
    }

    /// The mentorship portfolio for a period as a PDF, with the period's completed reviews when
    /// asked (age-encrypted when a passphrase is given).
    fn export_portfolio(state, path: String, from: NaiveDate, to: NaiveDate, with_reviews: bool, passphrase: Option<Passphrase>) -> () {
        state.journal(|j| j.export_portfolio(Path::new(&path), (from, to), with_reviews, Protection::from_passphrase(passphrase.as_ref())))
    }

    /// The summary to hand a mentor as a PDF (age-encrypted when a passphrase is given).
    fn export_summary(state, path: String, mentor_id: MentorId, passphrase: Option<Passphrase>) -> () {
        state.journal(|j| j.export_summary(Path::new(&path), mentor_id, Protection::from_passphrase(passphrase.as_ref())))
    }

    /// What importing a jrnl or Day One file would do; writes nothing.
    fn import_preview(state, path: String, source: ImportSource, password: Option<Passphrase>) -> ImportPreview {
        state.journal(|j| j.preview_import(&read_source(Path::new(&path), source, password.as_ref())?))
    }

    /// Imports a jrnl or Day One file with the user's tag mappings (after a backup, in one step).
    fn import_run(state, path: String, source: ImportSource, password: Option<Passphrase>, mappings: Vec<TagMapping>) -> ImportReport {
        state.import(&read_source(Path::new(&path), source, password.as_ref())?, &mappings)
    }

    /// Stops a running import; nothing of it is written.
    fn import_cancel(state) -> () { state.cancel_running_import() }

    /// Imports a Mentor Journal JSON export into this journal, which must be empty.
    fn import_json(state, path: String) -> JsonTransfer {
        state.journal(|j| j.import_json_from(Path::new(&path)))
    }

    /// Removes the backups under an older data key; returns how many.
    fn backups_remove_older(state) -> usize { state.journal(|j| j.remove_older_backups()) }

    /// Re-encrypts the backups under an older data key under the current one.
    fn backups_reencrypt_older(state, passphrase: Passphrase) -> Reencrypted {
        state.journal(|j| j.reencrypt_older_backups(&passphrase))
    }

    /// The journal's backups, newest first.
    fn backups_list(state) -> Vec<Backup> { state.journal(|j| j.backups()) }

    /// Takes a verified backup now.
    fn backup_now(state) -> Backup { state.back_up(BackupReason::Manual) }

    /// Takes the daily backup if the newest is a day old or there is none (the page asks after
    /// unlocking and every hour while open); `null` when none was due.
    fn backup_if_due(state) -> Option<Backup> { state.back_up_if_due() }

    /// What one of the journal's backups holds, opened read-only with its passphrase or recovery key.
    fn backup_preview(state, id: String, passphrase: Option<Passphrase>, recovery_key: Option<RecoveryKey>) -> BackupPreview {
        state.journal(|j| preview_backup(&j.backup_folder(&id)?, Secret::from_options(passphrase.as_ref(), recovery_key.as_ref())?))
    }

    /// Makes one of the journal's backups the journal; the journal as it was is kept aside.
    fn backup_restore(state, id: String, passphrase: Option<Passphrase>, recovery_key: Option<RecoveryKey>) -> Restored {
        state.journal_mut(|j| j.restore(&j.backup_folder(&id)?, Secret::from_options(passphrase.as_ref(), recovery_key.as_ref())?))
    }

    /// What a backup folder chosen anywhere on disk (a copy from another machine) holds.
    fn backup_preview_from(state, path: String, passphrase: Option<Passphrase>, recovery_key: Option<RecoveryKey>) -> BackupPreview {
        state.journal(|_| preview_backup(std::path::Path::new(&path), Secret::from_options(passphrase.as_ref(), recovery_key.as_ref())?))
    }

    /// Makes a backup folder chosen anywhere on disk the journal; the journal as it was is kept aside.
    fn backup_restore_from(state, path: String, passphrase: Option<Passphrase>, recovery_key: Option<RecoveryKey>) -> Restored {
        state.journal_mut(|j| j.restore(std::path::Path::new(&path), Secret::from_options(passphrase.as_ref(), recovery_key.as_ref())?))
    }

    /// How many backups are kept (beyond every one of the last two days).
    fn backup_retention_get(state) -> Retention { state.journal(|j| j.retention()) }

    /// Changes how many backups are kept, and thins them out to it now.
    fn backup_retention_set(state, retention: Retention) -> Retention { state.journal(|j| j.set_retention(retention)) }

    /// The second place for backups (a folder of the user's own), with whether it can be written.
    fn backup_place_get(state) -> Option<BackupPlace> { state.journal(|j| j.backup_place()) }

    /// Chooses the second place for backups (`null` forgets it); the newest backup goes there now.
    fn backup_place_set(state, path: Option<String>) -> Option<BackupPlace> {
        state.journal(|j| j.set_backup_place(path.as_deref().map(std::path::Path::new)))
    }

    /// Where the backups are, for the user to find them (or copy them elsewhere).
    fn backups_folder(state) -> String { Ok(state.backups_folder()) }
}
