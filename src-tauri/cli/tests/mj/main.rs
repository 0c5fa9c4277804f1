//! The real `mj` binary against real encrypted journals in temp dirs.
//!
//! Most journals are made in-process with a cheap key derivation (`common::Fixture`), so each
//! run of `mj` unlocks in microseconds; `mj init` itself pays the real one. Passphrases go in on
//! stdin with `--passphrase-fd 0`, as a script would give them. One module per area.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;
mod concurrent;
mod json;
mod notes;
mod transfer;
mod vault;
