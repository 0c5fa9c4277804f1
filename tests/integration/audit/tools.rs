//! The programs tests spawn. tests/tools.txt is the one list: `make test-deps` installs it, and
//! `mentor_journal_tests::tool` refuses anything else and names `make test-deps` when a listed
//! program is missing. So no test may spawn a program by name around it (a fresh machine would
//! lack it, and a missing program would surface as a bare NotFound or a silent fallback), and
//! every name given to it must be on the list.

use std::path::Path;

use super::listed;

/// Spelled in two halves so this file does not trip its own scan.
const COMMAND_NEW: &str = concat!("Command", "::new");
const TOOL_FNS: [&str; 2] = [concat!("to", "ol("), concat!("to", "ol_on(")];

/// Every `.rs` file under tests/, as (path relative to tests/, text).
fn test_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
                let name = path.strip_prefix(tests).unwrap().display().to_string();
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new(env!("CARGO_MANIFEST_DIR")), &mut out);
    out.sort();
    out
}

/// (line number, the text right after `needle`) for each occurrence not inside a `//` comment.
fn occurrences<'a>(source: &'a str, needle: &str) -> Vec<(usize, &'a str)> {
    source
        .match_indices(needle)
        .filter(|(at, _)| {
            let line_start = source[..*at].rfind('\n').map_or(0, |n| n + 1);
            let before = &source[line_start..*at];
            let part_of_a_name = before
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            !before.contains("//") && !part_of_a_name
        })
        .map(|(at, _)| {
            let line = source[..at].matches('\n').count() + 1;
            (line, source[at + needle.len()..].trim_start())
        })
        .collect()
}

/// The string literal `text` starts with, if it starts with one.
fn leading_literal(text: &str) -> Option<&str> {
    let text = text.strip_prefix('(').unwrap_or(text).trim_start();
    let rest = text.strip_prefix('"').or_else(|| {
        text.strip_prefix('r')
            .map(|r| r.trim_start_matches('#'))
            .and_then(|r| r.strip_prefix('"'))
    })?;
    Some(&rest[..rest.find('"').unwrap_or(rest.len())])
}

/// The program names passed to `tool`/`tool_on` as literals in one file, with their lines.
fn tool_literals(source: &str) -> Vec<(usize, &str)> {
    TOOL_FNS
        .iter()
        .flat_map(|f| occurrences(source, f))
        .filter_map(|(line, rest)| leading_literal(rest).map(|name| (line, name)))
        .collect()
}

/// How one file spawns programs, against the list; empty is good.
fn spawn_problems(file: &str, source: &str, listed: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for (line, rest) in occurrences(source, COMMAND_NEW) {
        if let Some(program) = leading_literal(rest) {
            problems.push(format!(
                "{file}:{line}: {COMMAND_NEW}(\"{program}\") spawns a program by name; use \
                 mentor_journal_tests::tool(\"{program}\"), which only gives out programs on \
                 tests/tools.txt (so make test-deps installs them) and says \"run make test-deps\" \
                 when one is missing instead of a bare NotFound"
            ));
        } else if rest.starts_with("(std::env::current_exe()") || rest.starts_with("(current_exe()")
        {
            // The test binary re-running itself is no outside program.
        } else if file != "src/tools.rs" {
            problems.push(format!(
                "{file}:{line}: {COMMAND_NEW} with a program chosen at run time goes around \
                 mentor_journal_tests::tool and tests/tools.txt; spawn through tool()"
            ));
        }
    }
    for (line, program) in tool_literals(source) {
        if !listed.contains(&program) {
            problems.push(format!(
                "{file}:{line}: tool(\"{program}\") is not on tests/tools.txt, so make test-deps \
                 never installs it and the test fails on a fresh machine; add it with its source"
            ));
        }
    }
    problems
}

#[test]
fn every_program_the_tests_spawn_goes_through_tool_and_is_listed() {
    let sources = test_sources();
    let names: Vec<&str> = sources.iter().map(|(name, _)| name.as_str()).collect();
    for expected in [
        "e2e/support/driver.rs",
        "integration/audit.rs",
        "src/tools.rs",
    ] {
        assert!(
            names.contains(&expected),
            "the scan must see {expected} (saw {names:?})"
        );
    }
    let mut spawned: Vec<&str> = sources
        .iter()
        .flat_map(|(_, source)| tool_literals(source))
        .map(|(_, program)| program)
        .collect();
    spawned.sort_unstable();
    spawned.dedup();
    for expected in ["dbus-daemon", "import", "kill", "tauri-driver", "xclip"] {
        assert!(
            spawned.contains(&expected),
            "the scan must find the e2e suite's tool(\"{expected}\"), or it would pass by \
             seeing nothing (found {spawned:?})"
        );
    }
    let problems: Vec<String> = sources
        .iter()
        .flat_map(|(name, source)| spawn_problems(name, source, &listed()))
        .collect();
    assert!(
        problems.is_empty(),
        "every program a test spawns must come from tests/tools.txt through tool(), so a fresh \
         machine after make test-deps has it and a missing one says so:\n{}",
        problems.join("\n")
    );
}

#[test]
fn control_the_spawn_audit_catches_a_bare_command_and_an_unlisted_tool() {
    let tool = TOOL_FNS[0];
    let source = [
        format!("let a = std::process::{COMMAND_NEW}(\"xyz\").status();"),
        format!("let b = {COMMAND_NEW}(r#\"rawprog\"#);"),
        format!("let c = {COMMAND_NEW}(program_from_somewhere);"),
        format!("let d = {tool}\"qpdf\")?;"),
        format!("let e = {tool}\"import\")?;"),
        format!("let f = {COMMAND_NEW}(std::env::current_exe().unwrap());"),
        format!("// {COMMAND_NEW}(\"in-a-comment\") is not code"),
    ]
    .join("\n");
    let problems = spawn_problems("e2e/fake.rs", &source, &listed());
    for expected in [
        format!("e2e/fake.rs:1: {COMMAND_NEW}(\"xyz\")"),
        format!("e2e/fake.rs:2: {COMMAND_NEW}(\"rawprog\")"),
        format!("e2e/fake.rs:3: {COMMAND_NEW} with a program chosen at run time"),
        format!("e2e/fake.rs:4: {tool}\"qpdf\") is not on tests/tools.txt"),
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(&expected)),
            "missed {expected:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), 4, "nothing else is flagged: {problems:#?}");
}

#[test]
fn tools_txt_is_one_program_and_its_source_a_line() {
    let mut seen = Vec::new();
    for (n, line) in mentor_journal_tests::TOOLS_TXT.lines().enumerate() {
        let fields: Vec<&str> = mentor_journal_tests::uncommented(line)
            .split_whitespace()
            .collect();
        assert!(
            fields.is_empty() || fields.len() == 2,
            "tests/tools.txt:{}: {line:?} must be `program source`: the Makefile keeps only \
             lines of two fields (awk 'NF == 2'), so this program would never be installed",
            n + 1
        );
        if let [program, _] = fields[..] {
            assert!(
                !seen.contains(&program),
                "tests/tools.txt lists {program} twice: one list, one line per program"
            );
            seen.push(program);
        }
    }
    assert!(seen.contains(&"tauri-driver"), "the list is read: {seen:?}");
}

#[test]
fn tool_refuses_unlisted_programs_and_names_make_test_deps_for_missing_ones() {
    use mentor_journal_tests::{ToolError, tool, tool_on};
    use std::os::unix::fs::PermissionsExt;

    let unlisted = "surely-not-a-listed-program";
    let err = tool(unlisted).unwrap_err();
    assert_eq!(err, ToolError::Unlisted(unlisted.into()));
    assert!(err.to_string().contains("tests/tools.txt"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let err = tool_on("import", Some(empty.path().as_os_str())).unwrap_err();
    assert_eq!(
        err.to_string(),
        "import is missing: run make test-deps",
        "a missing program names the fix, not Os {{ code: 2, kind: NotFound }}"
    );
    assert_eq!(
        format!("{err:?}"),
        err.to_string(),
        "a test returning Err prints it with Debug"
    );

    let bin = tempfile::tempdir().unwrap();
    let fake = bin.path().join("import");
    std::fs::write(&fake, "#!/bin/sh\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths([empty.path(), bin.path()]).unwrap();
    let command = tool_on("import", Some(&path)).unwrap();
    assert_eq!(command.get_program(), fake.as_os_str(), "found on PATH");
}
