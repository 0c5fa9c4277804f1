//! Tauri's build step (the capabilities, the embedded config), and packed relocations for the
//! release binary: without them a position-independent binary carries 24 bytes per pointer in
//! its static data (SQLCipher's and Tauri's tables, ~90,000 of them), over 2 MiB that only the
//! dynamic loader reads. DT_RELR needs glibc 2.36 at run time (Debian 12, Ubuntu 24.04), so it is
//! only asked for when the building machine's glibc has it, and the package says so
//! (`libc6 (>= 2.36)` in tauri.conf.json's deb depends: an older loader refuses the binary, its
//! `GLIBC_ABI_DT_RELR` version not found, and apt should say so before it installs). A package
//! built where glibc is older would ask for more than it needs; none is built there.
include!("packaging/relr.rs");

fn main() {
    pack_relative_relocs();
    tauri_build::build();
}
