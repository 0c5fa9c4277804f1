//! What the recovery key opens, and why the journal's database alone is enough for it.
//!
//! A key file of a few hundred bytes must not be a single point of failure for ten years of notes:
//! a sync tool that overwrites it, a mistaken delete or a truncated write would otherwise leave a
//! journal that nothing opens. So the data key that encrypts the database is not random on its own:
//! it is derived from the recovery key (a domain-separated SHA-256 of its 160 random bits, which
//! need no slow KDF). With `journal.db` and the recovery key, and nothing else, the journal opens
//! and a new key file is written. The key file still seals the same data key under the passphrase
//! (Argon2id) and under the recovery key, so everyday unlocking is unchanged.
//!
//! Journals made before this had a random data key; they get the property when the user next
//! issues a recovery key, which re-encrypts the journal under a key derived from the new one (the
//! app prompts; `Journal::recoverable_without_key_file` says which kind a journal is). A recovery
//! key therefore always comes with a re-encryption, and the old backups keep the old data key:
//! Settings says so and offers to re-encrypt or remove them.

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::store::keyfile::{DATA_KEY_BYTES, DataKey};
use crate::store::secret::RECOVERY_KEY_BYTES;

/// Set to this value in a journal whose data key is derived from its current recovery key.
pub(crate) const DATA_KEY_SOURCE: &str = "data_key_source";
pub(crate) const FROM_RECOVERY_KEY: &str = "recovery-key-v1";

/// The data key of a journal made or re-encrypted by this version: derived from the recovery key.
pub(crate) fn data_key_from_recovery(recovery: &[u8; RECOVERY_KEY_BYTES]) -> DataKey {
    domain_hash(b"mentor-journal/data-key/v1\0", recovery)
}

/// The key that seals the data key under the recovery key in the key file (a different domain,
/// so the seal's key and the data key are unrelated).
pub(crate) fn recovery_seal_key(recovery: &[u8; RECOVERY_KEY_BYTES]) -> DataKey {
    domain_hash(b"mentor-journal/recovery-key/v1\0", recovery)
}

fn domain_hash(domain: &[u8], secret: &[u8]) -> DataKey {
    let mut hasher = Sha256::new();
    hasher.update(domain);
    hasher.update(secret);
    let mut out = Zeroizing::new([0u8; DATA_KEY_BYTES]);
    out.copy_from_slice(&hasher.finalize());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Journal;
    use crate::store::keyfile::{KdfParams, KeyFile};
    use crate::store::secret::{Passphrase, RecoveryKey, random};
    use crate::store::vault::{DATABASE_FILE, KEY_FILE, Vault};
    use crate::store::{db, files};
    use std::path::Path;

    /// A journal as versions before this one made it: a random data key, no record of its source.
    fn legacy(dir: &Path, pass: &Passphrase) -> (Journal, RecoveryKey) {
        let key = random::<DATA_KEY_BYTES>().unwrap();
        let recovery = random::<RECOVERY_KEY_BYTES>().unwrap();
        let file = KeyFile::seal(
            &key,
            pass,
            &recovery,
            KdfParams::cheap_for_tests(),
            DATABASE_FILE,
        )
        .unwrap();
        let path = dir.join(DATABASE_FILE);
        files::create_empty_private(&path).unwrap();
        let conn = db::open(&path, &key, true).unwrap();
        file.write(&dir.join(KEY_FILE)).unwrap();
        (
            Journal::new(conn, dir.to_path_buf(), key),
            RecoveryKey::from_bytes(&recovery),
        )
    }

    #[test]
    fn an_older_journal_needs_its_key_file_until_its_next_recovery_key() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let (journal, old) = legacy(dir.path(), &pass);
        assert!(!journal.recovery_status().unwrap().without_key_file);
        drop(journal);
        let key_file = dir.path().join(KEY_FILE);
        let saved = std::fs::read(&key_file).unwrap();
        std::fs::remove_file(&key_file).unwrap();
        let Err(err) = Vault::recover(dir.path(), &old) else {
            panic!("no way in without the key file");
        };
        assert_eq!(err.code(), crate::ErrorCode::Corrupt, "{err}");
        assert!(!key_file.exists(), "nothing written");

        std::fs::write(&key_file, saved).unwrap();
        let mut journal = Vault::unlock(dir.path(), &pass).unwrap();
        let new = journal.regenerate_recovery_key(&pass).unwrap();
        assert!(journal.recovery_status().unwrap().without_key_file);
        drop(journal);
        std::fs::remove_dir_all(dir.path().join(crate::BACKUPS_DIR)).unwrap();
        std::fs::remove_file(&key_file).unwrap();
        let (journal, rebuilt) = Vault::recover(dir.path(), &new).unwrap();
        assert!(rebuilt && journal.recovery_status().unwrap().without_key_file);
    }

    #[test]
    fn the_data_key_and_the_seal_key_differ_and_depend_on_every_bit_of_the_recovery_key() {
        let a = [7u8; RECOVERY_KEY_BYTES];
        let mut b = a;
        b[RECOVERY_KEY_BYTES - 1] ^= 1;
        assert_ne!(*data_key_from_recovery(&a), *recovery_seal_key(&a));
        assert_ne!(*data_key_from_recovery(&a), *data_key_from_recovery(&b));
        assert_eq!(*data_key_from_recovery(&a), *data_key_from_recovery(&a));
    }
}
