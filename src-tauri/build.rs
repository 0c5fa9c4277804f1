//! Tauri's build step (the capabilities, the embedded config), and packed relocations for the
//! release binary: without them a position-independent binary carries 24 bytes per pointer in
//! its static data (SQLCipher's and Tauri's tables, ~90,000 of them), over 2 MiB that only the
//! dynamic loader reads. DT_RELR needs glibc 2.36 at run time (Debian 12, Ubuntu 24.04; the
//! package depends on it), so it is only asked for when the building machine's glibc has it.
include!("packaging/relr.rs");

fn main() {
    pack_relative_relocs();
    tauri_build::build();
}
