//! Export and import in the real app (Settings): the real Day One fixture imported with a tag
//! mapped to a new mentor, its all-day entry on its local day; then a plain JSON export, a
//! portfolio PDF and an age-encrypted JSON export written where the save dialog said, each checked
//! on disk (the encrypted one opened with the real `age -d`).
//!
//! The native file dialogs belong to the desktop, not the page. Tauri defines
//! `__TAURI_INTERNALS__.invoke` (and the object itself) non-writable, so the test wraps the one
//! writable layer below it: `window.fetch`, which carries every IPC call to the `ipc://` protocol.
//! `plugin:dialog|open` and `plugin:dialog|save` answer with the path the test chose, as the
//! dialog would; every other call goes through untouched.

use std::path::Path;

use crate::support::{
    Outcome, TauriDriver, built_app, check, click, create_journal, el, in_session, screenshot,
    set_value, texts, type_into, wait_text,
};
use thirtyfour::WebDriver;

/// Makes the next native open/save dialog answer `path`, as if the user had chosen it.
async fn dialog_answers(d: &WebDriver, path: &Path) -> Outcome {
    d.execute(
        r#"
        window.__e2eDialogPath = arguments[0];
        if (!window.__e2eDialogPatched) {
          const real = window.fetch.bind(window);
          window.fetch = (input, init) => {
            const url = decodeURIComponent(typeof input === "string" ? input : input.url);
            if (url.endsWith("plugin:dialog|open") || url.endsWith("plugin:dialog|save")) {
              return Promise.resolve(new Response(JSON.stringify(window.__e2eDialogPath), {
                headers: { "Content-Type": "application/json", "Tauri-Response": "ok" },
              }));
            }
            return real(input, init);
          };
          window.__e2eDialogPatched = true;
        }
        "#,
        vec![serde_json::json!(path.to_string_lossy())],
    )
    .await?;
    Ok(())
}

async fn to_settings(d: &WebDriver) -> Outcome {
    click(d, "nav-settings").await?;
    el(d, "settings-screen").await?;
    Ok(())
}

async fn scroll_to(d: &WebDriver, id: &str) -> Outcome {
    d.execute(
        "document.querySelector(`[data-testid='${arguments[0]}']`).scrollIntoView({ block: 'start' });",
        vec![serde_json::json!(id)],
    )
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_day_one_export_comes_in_mapped_and_the_journal_goes_out_as_json_pdf_and_age() -> Outcome
{
    let app = built_app()?;
    let journal_dir = tempfile::tempdir()?;
    let out = tempfile::tempdir()?;
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dayone/Dev Journal.json");
    let json = out.path().join("Mentor Journal.json");
    let pdf = out.path().join("Mentorship portfolio.pdf");
    let sealed = out.path().join("Mentor Journal.json.age");
    let file_passphrase = "lantern orchard ferry at noon";
    let driver = TauriDriver::start(journal_dir.path())?;

    in_session(driver.session(&app).await?, async |d| {
        create_journal(d).await?;
        to_settings(d).await?;
        dialog_answers(d, &fixture).await?;

        // Import: the preview first, nothing written yet.
        click(d, "import-source-dayone").await?;
        click(d, "import-choose").await?;
        let preview = wait_text(d, "[data-testid='import-preview']", "entries").await?;
        check!(
            preview.contains("5 entries in a Day One export"),
            "the preview counts the fixture's five entries: {preview}"
        );
        let tags = texts(d, "[data-testid^='import-map-']").await?;
        check!(tags.len() == 2, "one mapping row per tag: {tags:?}");
        // The option chosen as a user picks it: the select's value, then its change event.
        set_value(d, "import-map-dev-testing-tag", "new").await?;
        let name = el(d, "import-new-name-dev-testing-tag")
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        check!(
            name == "Dev Testing Tag",
            "the new mentor's name comes from the tag: {name:?}"
        );
        scroll_to(d, "import").await?;
        screenshot(d, "import-preview").await?;
        let submit = el(d, "import-submit").await?.text().await?;
        check!(
            submit == "Import 5 entries",
            "nothing was imported before: {submit:?}"
        );
        click(d, "import-submit").await?;
        let report = wait_text(d, "[data-testid='import-report']", "Imported").await?;
        check!(
            report.contains("Imported 5 entries") && report.contains("1 new mentor"),
            "the report says what was added: {report}"
        );
        scroll_to(d, "import").await?;
        screenshot(d, "import-report").await?;

        // The mapped entry is the new mentor's note, on the all-day entry's local day.
        click(d, "nav-mentors").await?;
        wait_text(d, "[data-testid='mentor-item']", "Dev Testing Tag").await?;
        crate::support::click_css(d, "[data-testid='mentor-item'] button").await?;
        el(d, "mentor-page").await?;
        let entries = {
            wait_text(d, "[data-testid='timeline-entry']", "2024").await?;
            texts(d, "[data-testid='timeline-entry']").await?
        };
        check!(
            entries.len() == 1
                && (entries[0].contains("Apr 17, 2024") || entries[0].contains("17 Apr 2024")),
            "one note, on 17 April 2024 (the UTC date is the 16th): {entries:?}"
        );

        // Export: plain JSON.
        to_settings(d).await?;
        dialog_answers(d, &json).await?;
        click(d, "export-kind-json").await?;
        click(d, "export-submit").await?;
        let note = wait_text(d, "[data-testid='export-note']", "Wrote").await?;
        check!(
            note.contains("1 mentor") && note.contains("5 notes"),
            "the note counts what was written: {note}"
        );

        // A portfolio PDF over the imported days.
        dialog_answers(d, &pdf).await?;
        click(d, "export-kind-portfolio").await?;
        set_value(d, "export-from", "2024-01-01").await?;
        click(d, "export-submit").await?;
        wait_text(d, "[data-testid='export-note']", "portfolio").await?;

        // An encrypted JSON export.
        dialog_answers(d, &sealed).await?;
        click(d, "export-kind-json").await?;
        click(d, "export-encrypt").await?;
        type_into(d, "export-passphrase", file_passphrase).await?;
        type_into(d, "export-confirm", file_passphrase).await?;
        click(d, "export-submit").await?;
        let note = wait_text(d, "[data-testid='export-note']", "age -d").await?;
        check!(
            note.contains("Mentor Journal.json.age"),
            "the note says where: {note}"
        );
        scroll_to(d, "export-kind-summary").await?;
        screenshot(d, "export-section").await?;
        Ok(())
    })
    .await?;

    let plain: serde_json::Value = serde_json::from_slice(&std::fs::read(&json)?)?;
    check!(
        plain["format"] == "mentor-journal-export",
        "the JSON export says what it is: {}",
        plain["format"]
    );
    let head = std::fs::read(&pdf)?;
    check!(head.starts_with(b"%PDF"), "the portfolio is a PDF");
    let bytes = std::fs::read(&sealed)?;
    check!(
        !String::from_utf8_lossy(&bytes).contains("Dev Testing Tag"),
        "the encrypted export holds no plaintext"
    );
    let opened = mentor_journal_tests::age_decrypt(&sealed, file_passphrase)?;
    let decrypted: serde_json::Value = serde_json::from_slice(&opened)?;
    check!(
        decrypted["format"] == "mentor-journal-export",
        "age -d opens the encrypted export to the same JSON"
    );
    check!(
        decrypted.to_string().contains("Dev Testing Tag"),
        "with the imported mentor in it"
    );
    Ok(())
}
