//! The key file: the journal's data key, sealed twice.
//!
//! The database is encrypted with a 256-bit data key (derived from the recovery key, see
//! `store::recovery`; random in journals made before that) that never changes when the passphrase
//! does. This file holds that key sealed (XChaCha20-Poly1305) once under a key stretched from the
//! passphrase with Argon2id and once under the recovery key. Changing the passphrase therefore
//! rewrites a few hundred bytes, not the whole journal, and the recovery key keeps working.
//!
//! The format version and the KDF parameters are stored in the file *and* bound into each seal as
//! associated data, so editing them (say, to weaken the KDF) makes the seal fail instead of
//! silently changing what the passphrase protects. Nothing stored here is enough to derive the data
//! key without the passphrase or the recovery key: there is no password hash, no cached key.
//!
//! Writes are atomic (temporary file, fsync, rename, fsync of the folder): after a crash the file
//! on disk is either the old one or the new one, never a mix.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use data_encoding::BASE64;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::files;
use crate::store::recovery::recovery_seal_key;
use crate::store::secret::{Passphrase, RECOVERY_KEY_BYTES, random};
use crate::store::vault::DATABASE_FILE;

const FORMAT: &str = "mentor-journal-key";
const VERSION: u32 = 1;
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;
pub(crate) const DATA_KEY_BYTES: usize = 32;

/// The journal's data key, wiped from memory on drop.
pub(crate) type DataKey = Zeroizing<[u8; DATA_KEY_BYTES]>;

/// Argon2id cost, stored in each key file so raising the defaults later locks nobody out.
///
/// The defaults start from Bitwarden's (64 MiB, t=3, p=4) and are raised to 128 MiB and 4 passes,
/// which costs about half a second per attempt on our 2-core reference machine (the argon2 crate
/// computes the 4 lanes on one thread): slow for a guesser, unnoticeable once per unlock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    fn default() -> Self {
        KdfParams {
            memory_kib: 128 * 1024,
            iterations: 4,
            parallelism: 4,
        }
    }
}

impl KdfParams {
    /// The cheapest cost Argon2 accepts here (1 MiB, one pass, one lane), for tests and benchmarks
    /// that are not about the KDF, and for a seal under 256 random bits (a rebuilt key file's
    /// placeholder passphrase), which no guesser can search. Never for a passphrase a person
    /// chose: it makes a guess cost microseconds.
    pub const fn cheap_for_tests() -> Self {
        KdfParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        }
    }

    /// Bounds for parameters read from a file: a damaged file must not make us allocate terabytes.
    fn check(&self) -> Result<()> {
        let ok = (8..=4 * 1024 * 1024).contains(&self.memory_kib)
            && (1..=64).contains(&self.iterations)
            && (1..=16).contains(&self.parallelism);
        if ok { Ok(()) } else { Err(damaged()) }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileRepr {
    format: String,
    version: u32,
    /// The database file this key opens; absent means the original `journal.db`. Key rotation
    /// writes a new database and commits to it by rewriting this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    database: Option<String>,
    kdf: KdfRepr,
    passphrase: SealedRepr,
    recovery: SealedRepr,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfRepr {
    algorithm: String,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedRepr {
    nonce: String,
    ciphertext: String,
}

/// A parsed key file: what is needed to open either seal.
#[derive(Clone)]
pub(crate) struct KeyFile {
    database: String,
    params: KdfParams,
    salt: [u8; SALT_BYTES],
    passphrase: Sealed,
    recovery: Sealed,
}

#[derive(Clone)]
struct Sealed {
    nonce: [u8; NONCE_BYTES],
    ciphertext: Vec<u8>,
}

fn damaged() -> Error {
    Error::Corrupt(
        "The journal's key file is damaged or unreadable. Unlock with your recovery key: if the \
         journal has a backup, the key file is rebuilt from it."
            .into(),
    )
}

impl KeyFile {
    /// Seals a data key under a passphrase and a recovery key.
    pub(crate) fn seal(
        data_key: &DataKey,
        passphrase: &Passphrase,
        recovery: &[u8; RECOVERY_KEY_BYTES],
        params: KdfParams,
        database: &str,
    ) -> Result<Self> {
        let salt = *random::<SALT_BYTES>()?;
        let pass_key = stretch(passphrase, &salt, params)?;
        let rec_key = recovery_seal_key(recovery);
        Ok(KeyFile {
            database: database.to_owned(),
            params,
            salt,
            passphrase: Sealed::seal(&pass_key, data_key, &passphrase_aad(params, &salt))?,
            recovery: Sealed::seal(&rec_key, data_key, &recovery_aad())?,
        })
    }

    /// The same file with the passphrase seal replaced (fresh salt, current default cost).
    pub(crate) fn with_passphrase(
        self,
        data_key: &DataKey,
        passphrase: &Passphrase,
        params: KdfParams,
    ) -> Result<Self> {
        let salt = *random::<SALT_BYTES>()?;
        let pass_key = stretch(passphrase, &salt, params)?;
        Ok(KeyFile {
            database: self.database,
            params,
            salt,
            passphrase: Sealed::seal(&pass_key, data_key, &passphrase_aad(params, &salt))?,
            recovery: self.recovery,
        })
    }

    /// The same file with the passphrase seal of `other`, which must seal the same data key: many
    /// backups' key files get a new passphrase for the price of one key derivation.
    pub(crate) fn with_passphrase_seal_of(self, other: &KeyFile) -> Self {
        KeyFile {
            params: other.params,
            salt: other.salt,
            passphrase: other.passphrase.clone(),
            ..self
        }
    }

    /// Pays the full KDF, then opens the passphrase seal; a failed seal is a wrong passphrase.
    pub(crate) fn open_with_passphrase(&self, passphrase: &Passphrase) -> Result<DataKey> {
        let key = stretch(passphrase, &self.salt, self.params)?;
        self.passphrase
            .open(&key, &passphrase_aad(self.params, &self.salt))
            .ok_or(Error::WrongPassphrase)
    }

    pub(crate) fn open_with_recovery(
        &self,
        recovery: &[u8; RECOVERY_KEY_BYTES],
    ) -> Result<DataKey> {
        self.recovery
            .open(&recovery_seal_key(recovery), &recovery_aad())
            .ok_or(Error::WrongRecoveryKey)
    }

    pub(crate) fn read(path: &Path) -> Result<Self> {
        let bytes = fs::read(path)?;
        let repr: KeyFileRepr = serde_json::from_slice(&bytes).map_err(|_| damaged())?;
        if repr.format != FORMAT {
            return Err(damaged());
        }
        if repr.version > VERSION {
            return Err(Error::Conflict(
                "This journal's key file was written by a newer version of Mentor Journal. \
                 Update the app to open it; nothing was changed."
                    .into(),
            ));
        }
        if repr.version != VERSION || repr.kdf.algorithm != "argon2id" {
            return Err(damaged());
        }
        repr.kdf.params.check()?;
        let database = repr.database.unwrap_or_else(|| DATABASE_FILE.to_owned());
        if !is_plain_database_name(&database) {
            return Err(damaged());
        }
        Ok(KeyFile {
            database,
            params: repr.kdf.params,
            salt: decode_array(&repr.kdf.salt)?,
            passphrase: Sealed::decode(&repr.passphrase)?,
            recovery: Sealed::decode(&repr.recovery)?,
        })
    }

    /// Replaces the file atomically: temp file, fsync, rename over, fsync the folder.
    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        let repr = KeyFileRepr {
            format: FORMAT.into(),
            version: VERSION,
            database: (self.database != DATABASE_FILE).then(|| self.database.clone()),
            kdf: KdfRepr {
                algorithm: "argon2id".into(),
                params: self.params,
                salt: BASE64.encode(&self.salt),
            },
            passphrase: self.passphrase.encode(),
            recovery: self.recovery.encode(),
        };
        let json = serde_json::to_vec_pretty(&repr)
            .map_err(|_| Error::Internal("could not encode the key file".into()))?;
        files::write_atomically(path, &json)
    }
}

impl KeyFile {
    /// The same seals, naming another database file (a backup's copy keeps its own name).
    pub(crate) fn for_database(self, database: &str) -> Self {
        KeyFile {
            database: database.to_owned(),
            ..self
        }
    }

    /// The database file (in the journal folder) that this key opens.
    pub(crate) fn database(&self) -> &str {
        &self.database
    }
}

/// A file name in the journal folder, never a path: `journal.db`, `journal-20261122.db`.
fn is_plain_database_name(name: &str) -> bool {
    name.ends_with(".db")
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Sealed {
    fn seal(key: &DataKey, plaintext: &DataKey, aad: &[u8]) -> Result<Self> {
        let nonce = *random::<NONCE_BYTES>()?;
        let cipher = XChaCha20Poly1305::new(Key::from_slice(key.as_slice()));
        let ciphertext = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext.as_slice(),
                    aad,
                },
            )
            .map_err(|_| Error::Internal("sealing the key failed".into()))?;
        Ok(Sealed { nonce, ciphertext })
    }

    fn open(&self, key: &DataKey, aad: &[u8]) -> Option<DataKey> {
        let cipher = XChaCha20Poly1305::new(Key::from_slice(key.as_slice()));
        let plain = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(&self.nonce),
                    Payload {
                        msg: &self.ciphertext,
                        aad,
                    },
                )
                .ok()?,
        );
        let mut out = Zeroizing::new([0u8; DATA_KEY_BYTES]);
        if plain.len() != DATA_KEY_BYTES {
            return None;
        }
        out.copy_from_slice(&plain);
        Some(out)
    }

    fn decode(repr: &SealedRepr) -> Result<Self> {
        let ciphertext = BASE64
            .decode(repr.ciphertext.as_bytes())
            .map_err(|_| damaged())?;
        if ciphertext.len() != DATA_KEY_BYTES + 16 {
            return Err(damaged());
        }
        Ok(Sealed {
            nonce: decode_array(&repr.nonce)?,
            ciphertext,
        })
    }

    fn encode(&self) -> SealedRepr {
        SealedRepr {
            nonce: BASE64.encode(&self.nonce),
            ciphertext: BASE64.encode(&self.ciphertext),
        }
    }
}

fn decode_array<const N: usize>(text: &str) -> Result<[u8; N]> {
    BASE64
        .decode(text.as_bytes())
        .ok()
        .and_then(|v| <[u8; N]>::try_from(v.as_slice()).ok())
        .ok_or_else(damaged)
}

thread_local! {
    /// The parameters of every Argon2 run made on this thread, in order. Tests read it to show
    /// that every unlock attempt, wrong ones included, pays the full derivation at the stored
    /// cost; other tests running in parallel (on their own threads) cannot add to it.
    static PAID: std::cell::RefCell<Vec<KdfParams>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The parameters each key derivation on the calling thread ran with, oldest first.
#[doc(hidden)]
pub fn kdf_paid_on_this_thread() -> Vec<KdfParams> {
    PAID.with(|paid| paid.borrow().clone())
}

fn stretch(passphrase: &Passphrase, salt: &[u8], p: KdfParams) -> Result<DataKey> {
    let params = Params::new(
        p.memory_kib,
        p.iterations,
        p.parallelism,
        Some(DATA_KEY_BYTES),
    )
    .map_err(|_| damaged())?;
    let mut out = Zeroizing::new([0u8; DATA_KEY_BYTES]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut_slice())
        .map_err(|_| Error::Internal("key derivation failed".into()))?;
    PAID.with(|paid| paid.borrow_mut().push(p));
    Ok(out)
}

/// A name for a data key that reveals nothing of it (a domain-separated hash of 256 random bits):
/// which backups are under the journal's current key, so a new passphrase or recovery key can be
/// given to them too.
pub(crate) fn key_id(key: &DataKey) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"mentor-journal/key-id/v1\0");
    hasher.update(key.as_slice());
    data_encoding::HEXLOWER.encode(&hasher.finalize()[..8])
}

fn passphrase_aad(p: KdfParams, salt: &[u8]) -> Vec<u8> {
    format!(
        "{FORMAT}/v{VERSION}/passphrase/argon2id-v19/m={},t={},p={}/salt={}",
        p.memory_kib,
        p.iterations,
        p.parallelism,
        BASE64.encode(salt)
    )
    .into_bytes()
}

fn recovery_aad() -> Vec<u8> {
    format!("{FORMAT}/v{VERSION}/recovery").into_bytes()
}
