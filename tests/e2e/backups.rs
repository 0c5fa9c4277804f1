//! Backups in the real app (issue 13, first slices): the daily backup is taken on opening and
//! Settings shows it; "Back up now" adds a checked copy; and a journal whose key file was deleted
//! comes back with the recovery key, the key file rebuilt from a backup and the user told so.

use crate::support::{
    NEW_PASSPHRASE, Outcome, PASSPHRASE, TauriDriver, add_mentor, built_app, check, click, el,
    in_session, mentor_names, screenshot, to_mentors, type_into, wait_text,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_key_file_is_rebuilt_from_a_backup_with_the_recovery_key() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    let recovery_key = in_session(driver.session(&app).await?, async |d| {
        type_into(d, "create-passphrase", PASSPHRASE).await?;
        type_into(d, "create-confirm", PASSPHRASE).await?;
        click(d, "create-submit").await?;
        let key = el(d, "recovery-key-text")
            .await?
            .prop("textContent")
            .await?
            .unwrap_or_default();
        click(d, "recovery-saved").await?;
        click(d, "recovery-continue").await?;
        to_mentors(d).await?;
        add_mentor(d, "Dr. Amara Osei").await?;
        click(d, "nav-settings").await?;
        // The daily backup was taken on opening; one more by hand.
        wait_text(d, "[data-testid='backups-summary']", "1 copy").await?;
        click(d, "backup-now").await?;
        wait_text(d, "[data-testid='backup-note']", "Backed up and checked").await?;
        let summary = wait_text(d, "[data-testid='backups-summary']", "checked and intact").await?;
        screenshot(d, "settings-backups").await?;
        check!(
            summary.contains("copy"),
            "the summary counts the copies: {summary}"
        );
        Ok(key)
    })
    .await?;
    check!(
        recovery_key.len() == 39,
        "the recovery key was read: {recovery_key:?}"
    );

    std::fs::remove_file(journal_dir.path().join("journal.key"))?;
    in_session(driver.session(&app).await?, async |d| {
        el(d, "unlock-form").await?;
        click(d, "unlock-use-recovery").await?;
        type_into(d, "recover-key", &recovery_key).await?;
        click(d, "recover-submit").await?;
        let notice = el(d, "key-file-rebuilt").await?.text().await?;
        check!(
            notice.contains("rebuilt from your latest backup"),
            "the user is told what happened: {notice:?}"
        );
        screenshot(d, "key-file-rebuilt").await?;
        type_into(d, "new-passphrase", NEW_PASSPHRASE).await?;
        type_into(d, "new-confirm", NEW_PASSPHRASE).await?;
        click(d, "new-submit").await?;
        to_mentors(d).await?;
        check!(
            mentor_names(d).await? == ["Dr. Amara Osei"],
            "the journal is all there"
        );
        Ok(())
    })
    .await?;
    check!(
        journal_dir.path().join("journal.key").exists(),
        "the key file is back"
    );
    Ok(())
}
