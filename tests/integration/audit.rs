//! Audits of the files the app and its tests are built from. In `webview`, the webview's security
//! configuration (CSP and capabilities) against an allow-list of exactly what the app uses. In
//! `tools` and `makefile`, the programs the tests and the make targets spawn, against
//! tests/tools.txt. Every audit is checked against deliberately bad inputs too, so it can fail.

mod makefile;
mod tools;
mod webview;
mod webview_controls;

use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The programs on tests/tools.txt.
fn listed() -> Vec<&'static str> {
    mentor_journal_tests::listed_tools()
        .into_iter()
        .map(|(program, _)| program)
        .collect()
}
