//! The programs the Makefile's recipes run: each is a base tool of the machine or on
//! tests/tools.txt, which `make test-deps` installs, so no make target fails on a fresh machine
//! for want of a program nobody installed. The recipes are read the way make and the shell
//! would run them, well enough for this Makefile: `$(...)` references, `$$`, quotes, `;`, `&&`,
//! `|`, command substitution, `env`/`sudo`/`xvfb-run` wrappers, `bash -c` and `trap` scripts.

use super::{listed, root};

/// What a Debian machine with the build packages has (bash and its builtins, coreutils, grep, sed,
/// awk, apt, make), the Rust toolchain (cargo's own subcommands, rustfmt, clippy) and the UI's
/// npm. A recipe may run these freely; anything else must be on tests/tools.txt.
const BASE_TOOLS: &[&str] = &[
    // bash builtins
    "break",
    "cd",
    "continue",
    "echo",
    "eval",
    "exit",
    "export",
    "false",
    "local",
    "printf",
    "read",
    "return",
    "set",
    "shift",
    "source",
    "test",
    "true",
    "type",
    "unset",
    "wait",
    // the base system
    "apt-get",
    "awk",
    "basename",
    "bash",
    "cat",
    "chmod",
    "cp",
    "date",
    "dirname",
    "dpkg-query",
    "env",
    "grep",
    "head",
    "id",
    "ln",
    "ls",
    "make",
    "mkdir",
    "mktemp",
    "mv",
    "rm",
    "sed",
    "sh",
    "sleep",
    "sort",
    "sudo",
    "tail",
    "tee",
    "touch",
    "tr",
    "wc",
    // the toolchains the project builds with
    "cargo",
    "node",
    "npm",
    "npx",
];
/// `cargo X` that need no `cargo-X` program.
const CARGO_BUILTINS: &[&str] = &[
    "add", "bench", "build", "check", "clean", "clippy", "doc", "fetch", "fix", "fmt", "install",
    "metadata", "run", "rustc", "test", "tree", "update",
];
/// Programs that run the command after their options; they count themselves too.
const WRAPPERS: &[&str] = &["env", "sudo", "xvfb-run", "nice", "nohup", "exec"];
/// Shell grammar that comes before (or after) a command rather than being one.
const SHELL_WORDS: &[&str] = &[
    "if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "fi", "done", "esac",
];
/// Stands for a make reference such as `$(SUDO)`, which the audit cannot expand.
const MAKE_REF: char = '\u{1}';

/// The recipe lines of a Makefile (continuations joined), with make's `$(...)` references
/// replaced by a marker and `$$` by `$`, as the shell would receive them.
fn recipes(makefile: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut continued = false;
    for (n, line) in makefile.lines().enumerate() {
        let Some(text) = line.strip_prefix('\t').or(continued.then_some(line)) else {
            continue;
        };
        let text = text.trim_end_matches('\\');
        if continued {
            if let Some((_, last)) = out.last_mut() {
                last.push(' ');
                last.push_str(text);
            }
        } else {
            out.push((n + 1, text.trim_start_matches(['@', '-', '+']).to_owned()));
        }
        continued = line.ends_with('\\');
    }
    for (_, text) in &mut out {
        let mut expanded = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().copied()) {
                ('$', Some('$')) => {
                    chars.next();
                    expanded.push('$');
                }
                ('$', Some(open @ ('(' | '{'))) => {
                    let close = if open == '(' { ')' } else { '}' };
                    let mut depth = 0;
                    for c in chars.by_ref() {
                        depth += i32::from(c == open) - i32::from(c == close);
                        if depth == 0 {
                            break;
                        }
                    }
                    expanded.push(MAKE_REF);
                }
                ('$', Some(_)) => {
                    chars.next();
                    expanded.push(MAKE_REF);
                }
                _ => expanded.push(c),
            }
        }
        *text = expanded;
    }
    out
}

/// Splits a shell command line into simple commands (lists of words), quotes removed; the
/// contents of `$(...)` come out as commands of their own.
fn simple_commands(line: &str) -> Vec<Vec<String>> {
    let mut commands = vec![Vec::new()];
    let mut word = String::new();
    let mut chars = line.chars().peekable();
    let end_word = |word: &mut String, commands: &mut Vec<Vec<String>>| {
        if let Some(command) = commands.last_mut()
            && !word.is_empty()
        {
            command.push(std::mem::take(word));
        }
    };
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('\''), c) => word.push(c),
            (_, '$') if chars.peek() == Some(&'(') => {
                chars.next();
                let (mut depth, mut inner) = (1, String::new());
                for c in chars.by_ref() {
                    depth += i32::from(c == '(') - i32::from(c == ')');
                    if depth == 0 {
                        break;
                    }
                    inner.push(c);
                }
                commands.splice(0..0, simple_commands(&inner));
                word.push(MAKE_REF);
            }
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => quote = Some(c),
            (None, '\\') => word.extend(chars.next()),
            (None, '&') if word.ends_with(['>', '<']) => word.push(c),
            (None, ';' | '&' | '|' | '(' | ')') => {
                end_word(&mut word, &mut commands);
                commands.push(Vec::new());
            }
            (None, c) if c.is_whitespace() => end_word(&mut word, &mut commands),
            (None, c) => word.push(c),
        }
    }
    end_word(&mut word, &mut commands);
    commands.retain(|c| !c.is_empty());
    commands
}

/// The programs one simple command runs: its first real word, through wrappers, `bash -c` and
/// `trap`, with `cargo X` as `cargo-X` when X is not one of cargo's own subcommands.
fn programs_run(words: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(word) = words.get(i) {
        let w = word.as_str();
        let assignment = w.split_once('=').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        });
        let redirect = w
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['>', '<']);
        if w == MAKE_REF.to_string() || assignment || redirect || SHELL_WORDS.contains(&w) {
            i += 1;
        } else if WRAPPERS.contains(&w) {
            found.push(w.to_owned());
            i += 1;
            while words.get(i).is_some_and(|o| o.starts_with('-')) {
                i += 1;
            }
        } else if (w == "bash" || w == "sh") && words.get(i + 1).is_some_and(|o| o == "-c") {
            found.push(w.to_owned());
            let script = words.get(i + 2).map_or("", String::as_str);
            found.extend(simple_commands(script).iter().flat_map(|c| programs_run(c)));
            break;
        } else if w == "trap" {
            let script = words.get(i + 1).map_or("", String::as_str);
            found.extend(simple_commands(script).iter().flat_map(|c| programs_run(c)));
            break;
        } else if w == "cargo" {
            match words[i + 1..].iter().find(|a| !a.starts_with(['-', '+'])) {
                Some(sub) if !CARGO_BUILTINS.contains(&sub.as_str()) => {
                    found.push(format!("cargo-{sub}"))
                }
                _ => found.push("cargo".to_owned()),
            }
            break;
        } else {
            let name = w.starts_with(|c: char| c.is_ascii_alphanumeric())
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c));
            // A keyword that starts a non-command (`for x in`, `case`), a `./local` program or
            // `command -v` (which only looks a program up) runs nothing from outside.
            if name && !["for", "case", "select", "command"].contains(&w) {
                found.push(w.to_owned());
            }
            break;
        }
    }
    found
}

/// What the Makefile's recipes run that is neither a base tool nor on the list; empty is good.
fn makefile_problems(makefile: &str, listed: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for (line, recipe) in recipes(makefile) {
        for program in simple_commands(&recipe)
            .iter()
            .flat_map(|c| programs_run(c))
        {
            if !BASE_TOOLS.contains(&program.as_str()) && !listed.contains(&program.as_str()) {
                problems.push(format!(
                    "Makefile:{line}: runs {program}, which is not on tests/tools.txt, so make \
                     test-deps never installs it and the target fails on a fresh machine"
                ));
            }
        }
    }
    problems.dedup();
    problems
}

#[test]
fn every_program_the_makefile_runs_is_a_base_tool_or_listed() {
    let makefile = std::fs::read_to_string(root().join("Makefile")).unwrap();
    let run: Vec<String> = recipes(&makefile)
        .iter()
        .flat_map(|(_, recipe)| simple_commands(recipe))
        .flat_map(|c| programs_run(&c))
        .collect();
    for expected in ["xvfb-run", "cargo-deny", "git", "import", "npm", "apt-get"] {
        assert!(
            run.iter().any(|p| p == expected),
            "the scan must see the Makefile run {expected}, or it would pass by seeing nothing \
             (saw {run:?})"
        );
    }
    println!("the Makefile runs: {run:?}");
    let problems = makefile_problems(&makefile, &listed());
    assert!(
        problems.is_empty(),
        "every program a make target runs must be a base tool or on tests/tools.txt, which make \
         test-deps installs:\n{}",
        problems.join("\n")
    );
}

#[test]
fn control_the_makefile_audit_catches_unlisted_programs() {
    let makefile = "\
check: ## a fake target
\tqpdf --show-npages out.pdf | grep -q 1
\tcargo nextest run && cargo test
\t@$(SUDO) env X=1 minisign -V -m f.txt > /dev/null 2>&1
\tbash -c 'sleep 1; shellcheck x.sh'
\t@if [ -n \"$$(jq . f.json)\" ]; then \\
\t  echo 'yq is only text here'; fi
\t./$(APP) & trap 'kill %1' EXIT; xvfb-run -a --server-args=\"-screen 0 1x1x24\" cargo test
";
    let problems = makefile_problems(makefile, &listed());
    for expected in ["qpdf", "cargo-nextest", "minisign", "shellcheck", "jq"] {
        assert!(
            problems
                .iter()
                .any(|p| p.contains(&format!("runs {expected},"))),
            "missed {expected:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), 5, "nothing else is flagged: {problems:#?}");
}
