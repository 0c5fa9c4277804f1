//! Backups in the real app (issue 13, first slices): the daily backup is taken on opening and
//! Settings shows it; "Back up now" adds a checked copy; a backup is restored with a preview first
//! and the journal as it was kept aside; and a journal whose key file was deleted, with its
//! backups, comes back from `journal.db` and the recovery key alone, the user told so.

use crate::support::{
    NEW_PASSPHRASE, Outcome, PASSPHRASE, TauriDriver, add_mentor, built_app, check, click,
    click_css, el, in_session, mentor_names, screenshot, to_mentors, type_into, wait_text,
};

#[tokio::test(flavor = "multi_thread")]
async fn with_only_journal_db_and_the_recovery_key_the_journal_comes_back() -> Outcome {
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
        let summary = wait_text(d, "[data-testid='backups-summary']", "2 copies").await?;
        screenshot(d, "settings-backups").await?;
        check!(
            summary.contains("2 copies"),
            "the copy taken by hand adds to the one taken on opening: {summary}"
        );
        Ok(key)
    })
    .await?;
    check!(
        recovery_key.len() == 39,
        "the recovery key was read: {recovery_key:?}"
    );

    // Nothing left but the database: no key file, no backups.
    std::fs::remove_file(journal_dir.path().join("journal.key"))?;
    std::fs::remove_dir_all(journal_dir.path().join("backups"))?;
    in_session(driver.session(&app).await?, async |d| {
        el(d, "unlock-form").await?;
        click(d, "unlock-use-recovery").await?;
        type_into(d, "recover-key", &recovery_key).await?;
        click(d, "recover-submit").await?;
        let notice = el(d, "key-file-rebuilt").await?.text().await?;
        check!(
            notice.contains("Your recovery key rebuilt it"),
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

#[tokio::test(flavor = "multi_thread")]
async fn restoring_a_backup_brings_it_back_and_keeps_the_journal_aside() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, async |d| {
        crate::support::create_journal(d).await?;
        add_mentor(d, "Dr. Amara Osei").await?;
        click(d, "nav-settings").await?;
        click(d, "backup-now").await?;
        wait_text(d, "[data-testid='backup-note']", "Backed up and checked").await?;
        to_mentors_from_anywhere(d).await?;
        add_mentor(d, "Dr. Since The Backup").await?;
        click(d, "nav-settings").await?;
        click_css(d, "[data-testid='backups-all'] summary").await?;
        click(d, "backup-restore").await?;
        type_into(d, "restore-secret", PASSPHRASE).await?;
        click_css(d, "dialog[open] [data-testid='confirm-ok']").await?;
        let preview = wait_text(d, "[data-testid='restore-preview']", "mentor").await?;
        check!(
            preview.contains("1 mentor"),
            "the preview counts the backup: {preview}"
        );
        screenshot(d, "restore-preview").await?;
        click_css(d, "dialog[open] [data-testid='confirm-ok']").await?;
        wait_text(d, "[data-testid='restored-note']", "kept in").await?;
        to_mentors_from_anywhere(d).await?;
        check!(
            mentor_names(d).await? == ["Dr. Amara Osei"],
            "the backup's journal is back"
        );
        Ok(())
    })
    .await?;
    let aside: Vec<_> = std::fs::read_dir(journal_dir.path())?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("replaced-"))
        .collect();
    check!(
        aside.len() == 1,
        "the journal as it was is kept aside: {aside:?}"
    );
    let kept = journal::Vault::unlock(&aside[0].path(), &journal::Passphrase::new(PASSPHRASE))?;
    let names: Vec<String> = kept
        .list_mentors(&journal::MentorFilter::default(), kept.today())?
        .into_iter()
        .map(|s| s.mentor.name)
        .collect();
    check!(
        names == ["Dr. Amara Osei", "Dr. Since The Backup"],
        "and it opens, with what was written since: {names:?}"
    );
    Ok(())
}

async fn to_mentors_from_anywhere(d: &thirtyfour::WebDriver) -> Outcome {
    click(d, "nav-mentors").await?;
    el(d, "mentors-screen").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn backups_are_copied_to_a_second_place_and_a_missing_one_is_a_status() -> Outcome {
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let driver = TauriDriver::start(journal_dir.path())?;
    in_session(driver.session(&app).await?, async |d| {
        crate::support::create_journal(d).await?;
        click(d, "nav-settings").await?;
        // The daily backup taken on opening runs in the background: it is the newest copy the
        // place gets once chosen, so it must exist first.
        wait_text(d, "[data-testid='backups-summary']", "Last backup").await?;
        // The native folder chooser is the desktop's; the test hands the page's command the
        // folder a user would have picked.
        d.execute(
            "return await window.__TAURI_INTERNALS__.invoke('backup_place_set', { path: arguments[0] });",
            vec![serde_json::json!(stick.path().to_string_lossy())],
        )
        .await?;
        click(d, "nav-dashboard").await?;
        click(d, "nav-settings").await?;
        wait_text(d, "[data-testid='backup-place']", "Copying to").await?;
        click(d, "backup-now").await?;
        wait_text(d, "[data-testid='backup-note']", "Backed up and checked").await?;
        let copies: Vec<_> = std::fs::read_dir(stick.path().join(journal::PLACE_FOLDER))?
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        check!(
            copies.len() == 2,
            "the newest copied when the place was chosen, then the one taken by hand: {copies:?}"
        );
        // The stick is pulled out: a backup still works, and Settings says what happened.
        let pulled = stick.path().with_extension("pulled");
        std::fs::rename(stick.path(), &pulled)?;
        click(d, "backup-now").await?;
        wait_text(d, "[data-testid='backup-place-problem']", "plugged in").await?;
        el(d, "backup-place-problem").await?.scroll_into_view().await?;
        screenshot(d, "backup-place-missing").await?;
        std::fs::rename(&pulled, stick.path())?;
        Ok(())
    })
    .await
}
