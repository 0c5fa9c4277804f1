//! Secrets that the user types or is shown: wiped from memory when dropped, never printed.
//! (Newtype structs are transparent to serde_json, so these arrive as plain strings over IPC.)

use serde::Deserialize;
use std::fmt;
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::strength::{PassphraseStrength, passphrase_strength};

/// Shortest passphrase accepted for a new journal (counted in characters, not bytes).
pub const MIN_PASSPHRASE_CHARS: usize = 10;
pub(crate) const MAX_PASSPHRASE_BYTES: usize = 4096;

/// A passphrase as typed. Deserialises straight from the IPC argument so no plain `String` copy
/// outlives the request.
#[derive(Clone, Deserialize, TS)]
#[ts(export, type = "string")]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        Passphrase(Zeroizing::new(text.into()))
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The rules for choosing a passphrase (see `strength`); unlocking accepts whatever was
    /// chosen before.
    pub(crate) fn check_new(&self) -> Result<()> {
        let strength = passphrase_strength(&self.0);
        if strength.acceptable {
            Ok(())
        } else {
            Err(Error::validation("passphrase", strength.advice))
        }
    }

    /// How hard this passphrase would be to guess, as the page shows it while typing.
    pub fn strength(&self) -> PassphraseStrength {
        passphrase_strength(&self.0)
    }

    pub(crate) fn check_length(&self) -> Result<()> {
        if self.0.is_empty() {
            return Err(Error::validation("passphrase", "Enter your passphrase."));
        }
        if self.0.len() > MAX_PASSPHRASE_BYTES {
            return Err(Error::validation(
                "passphrase",
                "That passphrase is too long.",
            ));
        }
        Ok(())
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

/// The recovery key: 160 random bits shown once as 8 groups of 4 base32 characters
/// (`ABCD-EFGH-...`), an alphabet without 0, 1, 8 or 9 so it reads aloud and types back cleanly.
#[derive(Clone, Deserialize, TS)]
#[ts(export, type = "string")]
pub struct RecoveryKey(Zeroizing<String>);

pub(crate) const RECOVERY_KEY_BYTES: usize = 20;
const RECOVERY_KEY_CHARS: usize = 32;

impl RecoveryKey {
    pub fn new(text: impl Into<String>) -> Self {
        RecoveryKey(Zeroizing::new(text.into()))
    }

    pub(crate) fn from_bytes(bytes: &[u8; RECOVERY_KEY_BYTES]) -> Self {
        let plain = Zeroizing::new(data_encoding::BASE32_NOPAD.encode(bytes));
        let mut grouped = String::with_capacity(plain.len() + plain.len() / 4);
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                grouped.push('-');
            }
            grouped.push(c);
        }
        RecoveryKey(Zeroizing::new(grouped))
    }

    /// The grouped form shown to the user.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Parses what the user typed back: case, spaces and dashes do not matter, and the digits
    /// people mistake for letters (0, 1, 8) are read as O, I, B.
    pub(crate) fn to_bytes(&self) -> Result<Zeroizing<[u8; RECOVERY_KEY_BYTES]>> {
        let invalid = || {
            Error::validation(
                "recoveryKey",
                "A recovery key is 32 letters and digits, in 8 groups of 4.",
            )
        };
        let normal: Zeroizing<String> = Zeroizing::new(
            self.0
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    '0' => 'O',
                    '1' => 'I',
                    '8' => 'B',
                    other => other,
                })
                .collect(),
        );
        if normal.len() != RECOVERY_KEY_CHARS {
            return Err(invalid());
        }
        let decoded = Zeroizing::new(
            data_encoding::BASE32_NOPAD
                .decode(normal.as_bytes())
                .map_err(|_| invalid())?,
        );
        let mut out = Zeroizing::new([0u8; RECOVERY_KEY_BYTES]);
        if decoded.len() != RECOVERY_KEY_BYTES {
            return Err(invalid());
        }
        out.copy_from_slice(&decoded);
        Ok(out)
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(<redacted>)")
    }
}

/// Fills a buffer from the operating system's random source.
pub(crate) fn random<const N: usize>() -> Result<Zeroizing<[u8; N]>> {
    let mut buf = Zeroizing::new([0u8; N]);
    getrandom::fill(buf.as_mut_slice())
        .map_err(|_| Error::Internal("the system random source failed".into()))?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_key_round_trips_through_its_grouped_form_and_forgives_typing() {
        let bytes = [7u8; RECOVERY_KEY_BYTES];
        let key = RecoveryKey::from_bytes(&bytes);
        assert_eq!(key.expose().len(), 39, "32 characters and 7 dashes");
        assert_eq!(key.expose().split('-').count(), 8);
        let typed = RecoveryKey::new(key.expose().to_lowercase().replace('-', " "));
        assert_eq!(*typed.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn malformed_recovery_keys_are_validation_errors() {
        for bad in [
            "",
            "ABCD",
            "!!!!-!!!!-!!!!-!!!!-!!!!-!!!!-!!!!-!!!!",
            &"A".repeat(33),
        ] {
            let err = RecoveryKey::new(bad).to_bytes().unwrap_err();
            assert_eq!(
                err.field(),
                Some("recoveryKey"),
                "{bad:?} must be rejected as input"
            );
        }
    }

    #[test]
    fn secrets_do_not_print() {
        assert!(!format!("{:?}", Passphrase::new("hunter2hunter2")).contains("hunter"));
        assert!(!format!("{:?}", RecoveryKey::from_bytes(&[1; 20])).contains("AE"));
    }
}
