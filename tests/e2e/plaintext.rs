//! No journal text in plaintext anywhere the app writes, in any encoding it may be written in.

use crate::support::{
    Outcome, PASSPHRASE, TauriDriver, add_mentor, built_app, click, click_css, create_journal, el,
    in_session, press, scan, type_into, unlock, wait_text,
};
use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use thirtyfour::prelude::*;

const MARKERS: usize = 1000;

/// Writes notes through the app's own IPC from inside the page, in batches; returns how many
/// distinct notes the app acknowledged (an id for each).
async fn write_markers(driver: &WebDriver, markers: &[String]) -> Outcome<usize> {
    let mut ids = HashSet::new();
    for batch in markers.chunks(100) {
        let args: Vec<serde_json::Value> = vec![serde_json::json!(batch)];
        let acked = driver
            .execute(
                "const [bodies] = arguments; const invoke = window.__TAURI_INTERNALS__.invoke; \
                 const mentors = await invoke('mentors_list', { filter: { status: null, focusArea: null, sort: 'name' } }); \
                 const mentorId = mentors[0].mentor.id; const ids = []; \
                 for (const body of bodies) { \
                   const saved = await invoke('conversation_add', { conversation: { mentorId, occurredAt: null, channel: null, \
                     durationMinutes: null, title: body, body, takeaways: [body], energy: null, stress: null }, draft: false }); \
                   ids.push(String(saved.id)); \
                 } return ids;",
                args,
            )
            .await?
            .json()
            .clone();
        for id in acked.as_array().ok_or("conversation_add answered no ids")? {
            ids.insert(id.to_string());
        }
    }
    Ok(ids.len())
}

/// What the journal holds, read back through the app after it was locked and unlocked again:
/// the title of every note (page by page, as the mentor page reads them), and the mentor's count
/// of conversations.
async fn read_back(driver: &WebDriver) -> Outcome<(Vec<String>, u64)> {
    let held = driver
        .execute(
            "const invoke = window.__TAURI_INTERNALS__.invoke; \
             const mentors = await invoke('mentors_list', { filter: { status: null, focusArea: null, sort: 'name' } }); \
             const notes = []; let after = null; \
             for (;;) { \
               const [page, more] = await invoke('conversations_list', { mentorId: mentors[0].mentor.id, after }); \
               notes.push(...page); \
               if (!more || page.length === 0) break; \
               const last = page[page.length - 1]; after = [last.occurredAt, last.id]; \
             } \
             return { titles: notes.map(n => n.title), count: mentors[0].conversations };",
            vec![],
        )
        .await?
        .json()
        .clone();
    let titles = held["titles"]
        .as_array()
        .ok_or("no titles")?
        .iter()
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect();
    Ok((titles, held["count"].as_u64().ok_or("no count")?))
}

/// The markers go in through the app and are shown by its search; the journal is locked, unlocked
/// and read back, then locked again. Returns the acknowledged count and what was read back.
async fn markers_flow(
    driver: &WebDriver,
    markers: &[String],
) -> Outcome<(usize, Vec<String>, u64)> {
    create_journal(driver).await?;
    add_mentor(driver, "Dr. Marker").await?;
    let acked = write_markers(driver, markers).await?;
    // Show some of them on screen too, so the webview has rendered journal text.
    press(driver, Key::Control + "k").await?;
    click_css(driver, "dialog[open] [data-testid='search-input']").await?;
    type_into(driver, "search-input", "PlainCanary").await?;
    wait_text(driver, "[data-testid='search-hit']", "PlainCanary").await?;
    press(driver, Key::Escape).await?;
    click(driver, "lock-button").await?;
    el(driver, "unlock-form").await?;
    unlock(driver, PASSPHRASE).await?;
    let (titles, count) = read_back(driver).await?;
    click(driver, "lock-button").await?;
    el(driver, "unlock-form").await?;
    Ok((acked, titles, count))
}

/// Private homes for everything the app and WebKit may write: XDG data, cache, config, state and
/// runtime folders, the temporary folder and HOME.
fn private_folders(root: &Path) -> Outcome<Vec<(&'static str, PathBuf)>> {
    let mut folders = Vec::new();
    for (var, name) in [
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
        ("TMPDIR", "tmp"),
        ("HOME", "home"),
    ] {
        let dir = root.join(name);
        std::fs::create_dir_all(&dir)?;
        folders.push((var, dir));
    }
    // GLib warns about (and may pass over) a runtime folder others can read.
    std::fs::set_permissions(root.join("runtime"), std::fs::Permissions::from_mode(0o700))?;
    Ok(folders)
}

/// 1,000 markers go in through the app, which must acknowledge and, after a lock and unlock, hold
/// exactly them. Then none may be found as UTF-8, UTF-16LE or UTF-16BE (WebKit keeps localStorage
/// and IndexedDB values as UTF-16) in the journal folder, the app's private XDG, runtime, temporary
/// and home folders, or any file in /tmp changed during the run. Controls show the scan finds a
/// marker in each encoding.
#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_markers_leave_no_plaintext_on_disk() -> Outcome {
    let app = built_app()?;
    let started = SystemTime::now();
    let journal_dir = tempfile::tempdir()?;
    let private = tempfile::tempdir()?;
    let folders = private_folders(private.path())?;
    // A prefix no earlier run, and no file on this machine, holds: a hit can only come from here.
    let prefix = format!(
        "PlainCanary{:x}",
        started.duration_since(UNIX_EPOCH)?.as_nanos() % 0xffff_ffff
    );
    let markers: Vec<String> = (0..MARKERS).map(|i| format!("{prefix}x{i:04}Zq")).collect();
    let env: Vec<(&str, &Path)> = folders.iter().map(|(k, v)| (*k, v.as_path())).collect();
    let driver = TauriDriver::start_with(journal_dir.path(), &env)?;
    let for_session = markers.clone();
    let (acked, titles, count) =
        in_session(driver.session(&app).await?, async move |d: &WebDriver| {
            markers_flow(d, &for_session).await
        })
        .await?;
    drop(driver);

    let expected: HashSet<&str> = markers.iter().map(String::as_str).collect();
    let held: HashSet<&str> = titles.iter().map(String::as_str).collect();
    assert_eq!(acked, MARKERS, "the app must acknowledge every marker");
    assert_eq!(
        (titles.len(), count),
        (MARKERS, MARKERS as u64),
        "after a lock and unlock the journal must hold exactly the notes written"
    );
    assert!(
        held == expected,
        "the notes read back must be the markers written"
    );

    // Controls: the scan finds a marker placed in a private folder in each encoding. The bytes
    // are made here, not by the scan's own encoder, so a scan blind to UTF-16 cannot pass.
    let control = &markers[7];
    let written: [(&str, Vec<u8>); 3] = [
        ("UTF-8", control.as_bytes().to_vec()),
        (
            "UTF-16LE",
            control.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        (
            "UTF-16BE",
            control.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ];
    for ((name, bytes), dir) in written.iter().zip([1, 3, 4]) {
        let file = folders[dir].1.join(format!("control-{name}.bin"));
        std::fs::write(&file, [b"pad".as_slice(), bytes, b"pad"].concat())?;
        let seen = scan(private.path(), control, None, &|_| false)?;
        assert!(
            seen.hits.contains(&(file.clone(), *name)),
            "control: the scan must find a {name} marker in {}, saw {:?}",
            folders[dir].0,
            seen.hits
        );
        std::fs::remove_file(&file)?;
    }

    let mut listing: Vec<String> = Vec::new();
    for (var, dir) in &folders {
        for (file, _) in scan(dir, "", None, &|_| false)?.hits {
            listing.push(format!("{var}/{}", file.strip_prefix(dir)?.display()));
        }
    }
    listing.push(format!(
        "{} in the journal folder",
        std::fs::read_dir(&journal_dir)?.count()
    ));
    println!("files after the run: {}", listing.join(", "));

    let mut hits = Vec::new();
    let mut files = 0;
    for dir in [journal_dir.path(), private.path()] {
        let seen = scan(dir, &prefix, None, &|_| false)?;
        files += seen.files;
        hits.extend(seen.hits);
    }
    // /tmp is shared: only files changed since the run began are read. The folders scanned above
    // and the machinery's job folders (which hold this test's own output) are not entered.
    let ours = [journal_dir.path().to_owned(), private.path().to_owned()];
    let skip = |p: &Path| {
        ours.iter().any(|o| o == p)
            || p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("bash_jobs") || n.starts_with("bash_tool"))
    };
    let scan_tmp = || scan(Path::new("/tmp"), &prefix, Some(started), &skip);
    // Control: a marker written to /tmp now, as UTF-16LE, is found by that scan.
    let in_tmp = tempfile::NamedTempFile::new_in("/tmp")?;
    std::fs::write(in_tmp.path(), &written[1].1)?;
    let seen = scan_tmp()?;
    assert!(
        seen.hits.contains(&(in_tmp.path().to_owned(), "UTF-16LE")),
        "control: the /tmp scan must find the UTF-16LE marker placed there, saw {:?}",
        seen.hits
    );
    drop(in_tmp);
    let tmp = scan_tmp()?;
    hits.extend(tmp.hits);
    println!(
        "no plaintext: {acked} markers written through the app and {} read back after unlocking; \
         {files} files in the journal and private folders and {} changed files in /tmp scanned \
         for UTF-8, UTF-16LE and UTF-16BE, {} hits",
        titles.len(),
        tmp.files,
        hits.len()
    );
    assert!(hits.is_empty(), "markers found in plaintext: {hits:?}");
    Ok(())
}
