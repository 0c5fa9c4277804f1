//! The programs tests spawn, looked up through one door.
//!
//! `tests/tools.txt` lists every program a test or a make target runs, with where it comes from,
//! and `make test-deps` installs whatever on it is missing. A test that spawned a program by name
//! could use one nobody installs on a fresh machine, and a missing one would surface as a bare
//! `Os { code: 2, kind: NotFound }` (or, worse, as a silent fallback that later times out). So the
//! tests get their `Command`s from [`tool`]: it refuses a program that is not on the list, and for
//! a listed one that is not installed it fails with "X is missing: run make test-deps".

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `tests/tools.txt`, as it was when the tests were built (cargo rebuilds when it changes).
pub const TOOLS_TXT: &str = include_str!("../tools.txt");

/// The `program source` pairs of tools.txt, in order. Like the Makefile (`awk 'NF == 2'`), only
/// lines of exactly two fields count once comments are removed; the audit checks there are no
/// others.
pub fn listed_tools() -> Vec<(&'static str, &'static str)> {
    TOOLS_TXT
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = uncommented(line).split_whitespace().collect();
            match fields[..] {
                [program, source] => Some((program, source)),
                _ => None,
            }
        })
        .collect()
}

/// A line of tools.txt without its `#` comment.
pub fn uncommented(line: &str) -> &str {
    line.split('#').next().unwrap_or_default()
}

/// Why a program could not be given to a test.
#[derive(Clone, PartialEq, Eq)]
pub enum ToolError {
    /// Not on tests/tools.txt, so `make test-deps` would never install it.
    Unlisted(String),
    /// Listed, but not found on `PATH`.
    Missing(String),
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToolError::Unlisted(program) => write!(
                f,
                "{program} is not listed in tests/tools.txt: add it there with its source, so \
                 make test-deps installs it on a fresh machine"
            ),
            ToolError::Missing(program) => write!(f, "{program} is missing: run make test-deps"),
        }
    }
}

// A test returning `Result` prints its error with `Debug`: make that the readable message too.
impl fmt::Debug for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for ToolError {}

/// A `Command` for `program`, which must be listed in tests/tools.txt and installed on `PATH`.
pub fn tool(program: &str) -> Result<Command, ToolError> {
    tool_on(program, std::env::var_os("PATH").as_deref())
}

/// [`tool`], searching the given `PATH` value instead of the process's own (tests of the lookup
/// use it so they need not change the environment of a multi-threaded test binary).
pub fn tool_on(program: &str, path: Option<&OsStr>) -> Result<Command, ToolError> {
    if !listed_tools().iter().any(|(listed, _)| *listed == program) {
        return Err(ToolError::Unlisted(program.to_owned()));
    }
    find_on(program, path)
        .map(Command::new)
        .ok_or_else(|| ToolError::Missing(program.to_owned()))
}

fn find_on(program: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    if program.contains('/') {
        return Some(PathBuf::from(program)).filter(|p| is_executable(p));
    }
    std::env::split_paths(&path.map(OsString::from).unwrap_or_default())
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
