//! Release builds pack the binary's relative relocations (`-z pack-relative-relocs`, DT_RELR):
//! a position-independent binary otherwise carries 24 bytes per pointer in its static data
//! (SQLCipher's and the tables' ~80,000), about 2 MiB of `mj` and of the app that only the
//! dynamic loader reads. Needs glibc 2.36 at run time (Debian 12, Ubuntu 24.04; the package says
//! so), so it is only asked for when the building machine's own glibc has it.
include!("../packaging/relr.rs");

fn main() {
    pack_relative_relocs();
}
