//! Where passphrases and recovery keys come from: the terminal without echo, or a file descriptor
//! a script opened for `mj`. Never the command line (other users see it in `ps`) nor an
//! environment variable (it is inherited by every child and readable in `/proc` by the same user).
//!
//! With `--passphrase-fd N` the secrets are the lines of that descriptor, in the order a verb
//! needs them: the journal's passphrase (or recovery key) first, then a second one (the export
//! passphrase, the new passphrase of `passwd`). The descriptor is opened as `/dev/fd/N`, which
//! needs no unsafe code and no extra crate, and read a line at a time so that the text after the
//! secrets (a note piped on stdin with `--passphrase-fd 0`) is still there to read.
//! Every copy lives in a `Zeroizing` buffer or in the core's `Passphrase`, wiped when dropped.

use journal::{Error, Passphrase, RecoveryKey, Result};
use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read};
use zeroize::Zeroizing;

/// Longest line read from a descriptor: far more than any passphrase the core accepts.
const MAX_LINE: u64 = 64 * 1024;

#[derive(Debug)]
pub struct Secrets {
    fd: Option<u32>,
    reader: Option<BufReader<File>>,
}

impl Secrets {
    pub fn new(fd: Option<u32>) -> Self {
        Secrets { fd, reader: None }
    }

    /// Whether the secrets come from a descriptor rather than the terminal.
    pub fn given_on_fd(&self) -> bool {
        self.fd.is_some()
    }

    /// The descriptor the secrets come from, if any.
    pub fn fd(&self) -> Option<u32> {
        self.fd
    }

    /// Whether the secrets are read from stdin, so the note's text follows them there.
    pub fn on_stdin(&self) -> bool {
        self.fd == Some(0)
    }

    /// A passphrase (the journal's, or another that `prompt` names).
    pub fn passphrase(&mut self, prompt: &str) -> Result<Passphrase> {
        Ok(Passphrase::new(self.secret(prompt)?.as_str()))
    }

    pub fn recovery_key(&mut self) -> Result<RecoveryKey> {
        Ok(RecoveryKey::new(self.secret("Recovery key: ")?.as_str()))
    }

    /// A passphrase being chosen: asked twice on the terminal (a typo would lock the user out),
    /// read once from a descriptor. The core's strength rule is asked before the second
    /// prompt, so a refused passphrase is not typed twice for nothing (the core checks again).
    pub fn new_passphrase(&mut self, what: &str) -> Result<Passphrase> {
        if self.given_on_fd() {
            return self.passphrase("");
        }
        let first = self.secret(&format!("New {what}: "))?;
        let chosen = Passphrase::new(first.as_str());
        let strength = chosen.strength();
        if !strength.acceptable {
            return Err(Error::Validation {
                field: "passphrase".into(),
                message: strength.advice,
            });
        }
        let again = self.secret(&format!("The {what} again: "))?;
        if first == again {
            Ok(chosen)
        } else {
            Err(Error::Validation {
                field: "passphrase".into(),
                message: format!("The two {what}s are not the same; nothing was changed."),
            })
        }
    }

    /// What the descriptor holds after the secrets (the note's text with `--passphrase-fd 0`).
    pub fn rest(&mut self) -> Result<Zeroizing<String>> {
        let mut text = Zeroizing::new(String::new());
        if let Some(reader) = self.reader()? {
            reader.read_to_string(&mut text)?;
        }
        Ok(text)
    }

    fn reader(&mut self) -> Result<Option<&mut BufReader<File>>> {
        let Some(fd) = self.fd else { return Ok(None) };
        if self.reader.is_none() {
            let file = File::open(format!("/dev/fd/{fd}")).map_err(|_| Error::Validation {
                field: "passphraseFd".into(),
                message: format!("File descriptor {fd} is not open for reading."),
            })?;
            self.reader = Some(BufReader::new(file));
        }
        Ok(self.reader.as_mut())
    }

    fn secret(&mut self, prompt: &str) -> Result<Zeroizing<String>> {
        if let Some(reader) = self.reader()? {
            let mut line = Zeroizing::new(String::new());
            reader.by_ref().take(MAX_LINE).read_line(&mut line)?;
            let end = line.trim_end_matches(['\r', '\n']).len();
            line.truncate(end);
            return Ok(line);
        }
        if !std::io::stdin().is_terminal() && !std::io::stderr().is_terminal() {
            return Err(Error::Validation {
                field: "passphrase".into(),
                message: "There is no terminal to ask the passphrase on; give it on a file \
                          descriptor with --passphrase-fd N."
                    .into(),
            });
        }
        // rpassword reads from /dev/tty with echo off and restores the terminal afterwards.
        rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(|_| Error::Validation {
                field: "passphrase".into(),
                message: "The passphrase could not be read from a terminal; give it on a file \
                          descriptor with --passphrase-fd N."
                    .into(),
            })
    }
}
