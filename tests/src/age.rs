//! Opening an age file with the real `age` command, as a person on another machine would.
//!
//! `age -d` reads a passphrase only from the terminal, never from stdin or the environment, so
//! the tests give it one: `script` runs it on a pseudo-terminal and passes our stdin to it.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use crate::tools::tool;

/// Decrypts `file` with `age -d` and `passphrase`; the plaintext, or what age said.
pub fn age_decrypt(file: &Path, passphrase: &str) -> Result<Vec<u8>, String> {
    // `age` must be installed; looking it up checks tests/tools.txt lists it.
    let age = tool("age").map_err(|e| e.to_string())?;
    let age = age.get_program().to_string_lossy().into_owned();
    let out = tempfile::tempdir().map_err(|e| e.to_string())?;
    let plain = out.path().join("plain");
    let command = format!("{age} -d -o '{}' '{}'", plain.display(), file.display());
    let mut child = tool("script")
        .map_err(|e| e.to_string())?
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    if let Some(mut stdin) = child.stdin.take() {
        // age asks once for the passphrase; the pty holds the line until it reads it.
        let _ = writeln!(stdin, "{passphrase}");
    }
    let done = child.wait_with_output().map_err(|e| e.to_string())?;
    if !done.status.success() {
        return Err(format!(
            "age -d failed: {}{}",
            String::from_utf8_lossy(&done.stdout),
            String::from_utf8_lossy(&done.stderr)
        ));
    }
    std::fs::read(&plain).map_err(|e| e.to_string())
}
