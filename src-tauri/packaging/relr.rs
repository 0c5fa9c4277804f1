// Shared by the app's and mj's build scripts (included, not a crate: a build dependency would be
// compiled for every build). See their `//!` for why.

/// The dynamic loaders that understand DT_RELR mark it with this version name.
const RELR_MARK: &[u8] = b"GLIBC_ABI_DT_RELR";

fn pack_relative_relocs() {
    println!("cargo:rerun-if-env-changed=PROFILE");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let gnu_linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    if release && gnu_linux && glibc_has_relr() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

fn glibc_has_relr() -> bool {
    ["/lib/x86_64-linux-gnu/libc.so.6", "/lib64/libc.so.6", "/usr/lib/libc.so.6"]
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .any(|libc| libc.windows(RELR_MARK.len()).any(|w| w == RELR_MARK))
}
