//! The reports' typeface, DejaVu Sans, read from the system's copy (Debian's `fonts-dejavu-core`,
//! which the package depends on) when a report is drawn.
//!
//! Why not embed it: the regular and bold faces are 1.4 MiB, carried in every copy of the app and
//! of `mj` for a report a user makes a few times a year; Debian's policy is that packages use the
//! packaged fonts rather than their own copies; and the system's copy gets its fixes. A machine
//! without it gets a clear error naming the package, and the rest of the app is unaffected.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where distributions put DejaVu: Debian and Ubuntu, then Fedora, Arch and a user's own fonts.
const SYSTEM_DIRS: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
];

/// Regular and bold DejaVu Sans, in that order.
pub(super) fn dejavu_sans() -> Result<(Vec<u8>, Vec<u8>)> {
    let dirs = search_dirs();
    let regular = read_first(&dirs, "DejaVuSans.ttf")?;
    let bold = read_first(&dirs, "DejaVuSans-Bold.ttf")?;
    Ok((regular, bold))
}

/// `MJ_REPORT_FONT_DIR` first (a portable install, or a test), then the user's fonts, then the
/// system's.
fn search_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("MJ_REPORT_FONT_DIR")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".local/share/fonts"));
    }
    dirs.extend(SYSTEM_DIRS.iter().map(PathBuf::from));
    dirs
}

fn read_first(dirs: &[PathBuf], file: &str) -> Result<Vec<u8>> {
    dirs.iter()
        .find_map(|dir| std::fs::read(dir.join(file)).ok())
        .ok_or_else(|| missing(file))
}

fn missing(file: &str) -> Error {
    Error::Conflict(format!(
        "PDF reports are set in DejaVu Sans, and {file} was not found on this computer. \
         Install the fonts-dejavu-core package (or put the font in ~/.local/share/fonts) and \
         try again."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_font_is_a_clear_error_naming_the_package() {
        let dir = tempfile::tempdir().expect("temp dir");
        let message = read_first(&[dir.path().to_path_buf()], "DejaVuSans.ttf")
            .expect_err("no font there")
            .to_string();
        assert!(message.contains("fonts-dejavu-core"), "{message}");
        assert!(message.contains("DejaVuSans.ttf"), "{message}");
    }

    #[test]
    fn the_first_folder_that_has_the_font_wins() {
        let empty = tempfile::tempdir().expect("temp dir");
        let full = tempfile::tempdir().expect("temp dir");
        std::fs::write(full.path().join("DejaVuSans.ttf"), b"font bytes").expect("write");
        let dirs = [empty.path().to_path_buf(), full.path().to_path_buf()];
        assert_eq!(
            read_first(&dirs, "DejaVuSans.ttf").expect("found"),
            b"font bytes"
        );
    }
}
