//! The desktop around the app: a private D-Bus session bus, the X clipboard, files on disk.

use super::Outcome;
use mentor_journal_tests::tool;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

/// A private D-Bus session bus for one test, stopped when dropped.
pub struct SessionBus {
    daemon: Child,
    pub address: String,
}

impl SessionBus {
    pub fn start() -> Outcome<Self> {
        let mut daemon = tool("dbus-daemon")?
            .args(["--session", "--nofork", "--print-address"])
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

pub fn files_containing(dir: &Path, needle: &str) -> Outcome<Vec<PathBuf>> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            hits.extend(files_containing(&path, needle)?);
        } else if std::fs::read(&path)?
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
        {
            hits.push(path);
        }
    }
    Ok(hits)
}

pub fn count_files(dir: &Path) -> Outcome<usize> {
    let mut n = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        n += if path.is_dir() {
            count_files(&path)?
        } else {
            1
        };
    }
    Ok(n)
}
