//! Integration tests on real SQLCipher vaults in temporary folders. One binary, a module per area.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod audit;
mod backup_job;
mod backup_place;
mod backups;
mod backups_killed;
mod children;
mod daily_loop;
mod export_age;
mod export_json;
mod export_markdown;
mod goals;
mod import;
mod key_loss;
mod lifecycle;
mod mentors;
mod notes;
mod older_backups;
mod plaintext;
mod reflections;
mod report_reviews;
mod reports;
mod restore;
mod rules;
mod search_order;
mod security;
mod templates_blocks;
mod vault;
mod xss;

use journal::{Journal, KdfParams, Mentor, MentorFilter, Passphrase};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// A cheap KDF for tests that are not about the KDF (those use the real default, `Vault::create`).
/// The one such helper under tests/: only this binary opens vaults itself, the e2e suite drives
/// the app, which always uses the real KDF. Tests that edit a key file derive the numbers from it.
pub fn fast_kdf() -> KdfParams {
    KdfParams::cheap_for_tests()
}

pub fn passphrase() -> Passphrase {
    Passphrase::new("correct horse battery staple")
}

/// Every file in the folder with the SHA-256 of its bytes: "nothing on disk changed" is this map
/// being equal before and after.
pub fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let bytes = std::fs::read(entry.path()).unwrap();
            let hash: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            (entry.file_name().to_string_lossy().into_owned(), hash)
        })
        .collect()
}

pub fn all_mentors(journal: &Journal) -> Vec<Mentor> {
    journal
        .list_mentors(&MentorFilter::default(), journal.today())
        .unwrap()
        .into_iter()
        .map(|s| s.mentor)
        .collect()
}

pub fn mentor_names(journal: &Journal) -> Vec<String> {
    all_mentors(journal).into_iter().map(|m| m.name).collect()
}

/// Copies a backup folder somewhere else (its files only), as a user restoring by hand would.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}
