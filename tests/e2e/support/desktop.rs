//! The desktop around the app: a private D-Bus session bus, the X clipboard, files on disk.

use super::Outcome;
use mentor_journal_tests::tool;
use std::io::{BufRead, BufReader, ErrorKind};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::SystemTime;

/// A private D-Bus session bus for one test, stopped when dropped.
pub struct SessionBus {
    daemon: Child,
    pub address: String,
}

impl SessionBus {
    pub fn start() -> Outcome<Self> {
        Self::start_with(&["--session"])
    }

    /// A bus that starts no service on demand (the session config would start any installed
    /// one, dunst for notifications among them): only what a test runs itself is on it.
    pub fn start_bare() -> Outcome<Self> {
        let config = std::env::temp_dir().join("mj-e2e-bare-bus.conf");
        std::fs::write(
            &config,
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" \
             \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\
             <busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>\
             <policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>\
             <allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>",
        )?;
        Self::start_with(&[&format!("--config-file={}", config.display())])
    }

    fn start_with(config: &[&str]) -> Outcome<Self> {
        let mut daemon = tool("dbus-daemon")?
            .args(config)
            .args(["--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("dbus-daemon is needed (make test-deps installs it): {e}"))?;
        let stdout = daemon.stdout.take().ok_or("no stdout")?;
        let mut address = String::new();
        BufReader::new(stdout).read_line(&mut address)?;
        Ok(SessionBus {
            daemon,
            address: address.trim().to_owned(),
        })
    }

    pub fn signal(&self, path: &str, member: &str, arg: &str) -> Outcome {
        let status = tool("dbus-send")?
            .args(["--session", "--type=signal", path, member, arg])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .status()?;
        check!(status.success(), "dbus-send failed");
        Ok(())
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// What the X clipboard holds now, read with xclip (empty when nothing is offered).
pub fn clipboard() -> Outcome<String> {
    let out = tool("xclip")?
        .args(["-selection", "clipboard", "-o"])
        .stderr(Stdio::null())
        .output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A needle as the bytes it may be stored in: UTF-8, and UTF-16 in both byte orders (WebKit keeps
/// localStorage and IndexedDB values as UTF-16).
fn encodings(needle: &str) -> [(&'static str, Vec<u8>); 3] {
    let units: Vec<u16> = needle.encode_utf16().collect();
    [
        ("UTF-8", needle.as_bytes().to_vec()),
        (
            "UTF-16LE",
            units.iter().flat_map(|u| u.to_le_bytes()).collect(),
        ),
        (
            "UTF-16BE",
            units.iter().flat_map(|u| u.to_be_bytes()).collect(),
        ),
    ]
}

/// What a scan of a folder saw: each file holding the needle (and in which encoding), and how
/// many regular files it read.
#[derive(Debug, Default)]
pub struct Scan {
    pub hits: Vec<(PathBuf, &'static str)>,
    pub files: usize,
}

/// Reads every regular file under `dir` (sockets and pipes are not files; entries that vanish
/// while the folder is walked are passed over) and looks for `needle` in each of its `encodings`.
/// With `since`, only files modified since then are read (for shared folders such as /tmp);
/// folders for which `skip` says yes are not entered.
pub fn scan(
    dir: &Path,
    needle: &str,
    since: Option<SystemTime>,
    skip: &dyn Fn(&Path) -> bool,
) -> Outcome<Scan> {
    let forms = encodings(needle);
    let mut seen = Scan::default();
    walk(dir, &forms, since, skip, &mut seen)?;
    Ok(seen)
}

fn walk(
    dir: &Path,
    forms: &[(&'static str, Vec<u8>)],
    since: Option<SystemTime>,
    skip: &dyn Fn(&Path) -> bool,
    seen: &mut Scan,
) -> Outcome {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        other => other?,
    };
    for entry in entries {
        let path = entry?.path();
        let meta = match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == ErrorKind::NotFound => continue,
            other => other?,
        };
        if meta.is_dir() {
            if !skip(&path) {
                walk(&path, forms, since, skip, seen)?;
            }
            continue;
        }
        if !meta.is_file() || since.is_some_and(|t| meta.modified().is_ok_and(|m| m < t)) {
            continue;
        }
        let bytes = match std::fs::read(&path) {
            Err(e) if e.kind() == ErrorKind::NotFound => continue,
            other => other?,
        };
        seen.files += 1;
        for (name, form) in forms {
            if form.is_empty() {
                // An empty needle is in every file: the scan then lists them.
                seen.hits.push((path.clone(), "any"));
                break;
            }
            if bytes.windows(form.len()).any(|w| w == form.as_slice()) {
                seen.hits.push((path.clone(), *name));
            }
        }
    }
    Ok(())
}

/// Files under `dir` holding `needle` as UTF-8 or UTF-16 (either byte order).
pub fn files_containing(dir: &Path, needle: &str) -> Outcome<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = scan(dir, needle, None, &|_| false)?
        .hits
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    files.dedup();
    Ok(files)
}
