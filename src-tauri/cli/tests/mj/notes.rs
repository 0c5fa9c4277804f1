//! `mj note`, `mj search`, `mj show`, `mj due`, `mj mentors`, `mj goals`: writing and reading.

use crate::common::{Fixture, PASS, bare, fails, stdout};
use predicates::str::contains;

#[test]
fn a_note_from_the_arguments_is_saved_for_the_mentor_named_by_a_prefix() {
    let f = Fixture::with_mentors();
    let out = stdout(f.mj(&[
        "note",
        "--mentor",
        "amara",
        "--title",
        "Abstract",
        "Talked",
        "through",
        "the",
        "abstract.",
    ]));
    assert!(out.contains("Saved note #1 with Dr. Amara Osei"), "{out}");
    let notes = f.notes();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].body, "Talked through the abstract.",
        "the words are joined with spaces"
    );
    assert_eq!(notes[0].title, "Abstract");
}

#[test]
fn a_note_from_stdin_follows_the_passphrase_line() {
    let f = Fixture::with_mentors();
    f.mj_with(
        &["note", "--mentor", "alan", "--on", "yesterday"],
        &format!("{PASS}\nFirst line.\n\nSecond paragraph.\n"),
    )
    .assert()
    .success();
    let notes = f.notes();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].body.contains("First line.") && notes[0].body.contains("Second paragraph."));
    let yesterday = f.core(|j| j.today()).pred_opt().unwrap();
    assert_eq!(
        notes[0].occurred_at.date(),
        yesterday,
        "--on yesterday dates the note"
    );
}

#[test]
fn a_note_from_the_editor_leaves_no_temp_file() {
    let f = Fixture::with_mentors();
    let runtime = tempfile::tempdir().unwrap();
    let script = runtime.path().join("editor.sh");
    let seen = runtime.path().join("seen");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nstat -c '%a %n' \"$1\" > '{}'\nprintf 'Written in the editor.\\n' > \"$1\"\n",
            seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let edits = runtime.path().join("run");
    std::fs::create_dir(&edits).unwrap();
    f.mj(&["note", "--mentor", "alan"])
        .env("EDITOR", &script)
        .env("XDG_RUNTIME_DIR", &edits)
        .assert()
        .success();
    assert_eq!(f.notes()[0].body.trim(), "Written in the editor.");
    let seen = std::fs::read_to_string(&seen).unwrap();
    assert!(
        seen.starts_with("600 "),
        "the temp file is the owner's only: {seen}"
    );
    assert!(
        seen.contains(&edits.display().to_string()),
        "edited in $XDG_RUNTIME_DIR: {seen}"
    );
    assert_eq!(
        std::fs::read_dir(&edits).unwrap().count(),
        0,
        "no temp file remains after the edit"
    );
}

#[test]
fn no_text_and_no_editor_is_refused_with_the_ways_to_give_it() {
    let f = Fixture::with_mentors();
    let err = fails(&mut f.mj(&["note", "--mentor", "alan"]), 1);
    assert!(err.contains("$EDITOR"), "{err}");
    assert!(f.notes().is_empty());
}

#[test]
fn an_ambiguous_prefix_lists_every_match_and_writes_nothing() {
    let f = Fixture::with_mentors();
    let err = fails(&mut f.mj(&["note", "--mentor", "A", "hello"]), 1);
    assert!(
        err.contains("Dr. Amara Osei") && err.contains("Alan Turing"),
        "both are listed: {err}"
    );
    assert!(f.notes().is_empty());
}

#[test]
fn an_unknown_mentor_is_refused() {
    let f = Fixture::with_mentors();
    let err = fails(&mut f.mj(&["note", "--mentor", "zora", "hello"]), 1);
    assert!(err.contains("No mentor is called \"zora\""), "{err}");
}

#[test]
fn bad_dates_are_refused_with_an_example_of_a_good_one() {
    let f = Fixture::with_mentors();
    for args in [
        &["note", "--mentor", "alan", "--on", "tomorrow", "x"][..],
        &["search", "x", "--from", "next week"][..],
        &["search", "x", "--to", "2026-02-30"][..],
    ] {
        let err = fails(&mut f.mj(args), 1);
        assert!(
            err.contains("2026-12-01") && err.contains("3 days ago"),
            "{args:?}: {err}"
        );
    }
    let err = fails(
        &mut f.mj(&["note", "--mentor", "alan", "--on", "2099-01-01", "x"]),
        1,
    );
    assert!(
        err.contains("future"),
        "a plain future date is the core's to refuse: {err}"
    );
    assert!(f.notes().is_empty());
}

#[test]
fn usage_errors_exit_2_and_every_verb_has_help_with_an_example() {
    let f = Fixture::new();
    bare(f.path())
        .args(["note", "hello"])
        .assert()
        .code(2)
        .stderr(contains("--mentor"));
    bare(f.path()).arg("frobnicate").assert().code(2);
    for verb in [
        "init", "note", "search", "due", "mentors", "goals", "show", "export", "import", "backup",
        "restore", "verify", "passwd",
    ] {
        bare(f.path())
            .args([verb, "--help"])
            .assert()
            .success()
            .stdout(contains("Example"));
    }
    bare(f.path())
        .args(["mentors", "add", "--help"])
        .assert()
        .success()
        .stdout(contains("Example"));
}

#[test]
fn search_finds_notes_newest_first_and_filters_by_mentor_date_and_limit() {
    let f = Fixture::with_mentors();
    f.mj(&[
        "note",
        "--mentor",
        "amara",
        "--on",
        "2 weeks ago",
        "The protocol draft.",
    ])
    .assert()
    .success();
    f.mj(&[
        "note",
        "--mentor",
        "alan",
        "--on",
        "3 days ago",
        "Protocol review with Alan.",
    ])
    .assert()
    .success();
    let out = stdout(f.mj(&["search", "protocol"]));
    let alan = out.find("Protocol review").unwrap();
    let amara = out.find("The protocol draft").unwrap();
    assert!(alan < amara, "newest first: {out}");
    let out = stdout(f.mj(&["search", "protocol", "--mentor", "dr amara"]));
    assert!(
        out.contains("protocol draft") && !out.contains("review"),
        "{out}"
    );
    let out = stdout(f.mj(&["search", "protocol", "--from", "1 week ago"]));
    assert!(out.contains("review") && !out.contains("draft"), "{out}");
    let out = stdout(f.mj(&["search", "protocol", "--limit", "1"]));
    assert!(out.contains("review") && !out.contains("draft"), "{out}");
    assert!(stdout(f.mj(&["search", "nothinglikethis"])).contains("Nothing found"));
}

#[test]
fn show_due_mentors_and_goals_read_what_the_core_holds() {
    let f = Fixture::with_mentors();
    f.core(|j| {
        j.add_goal(&journal::GoalInput::titled("Submit the first paper"))
            .unwrap();
    });
    f.mj(&[
        "note",
        "--mentor",
        "amara",
        "--on",
        "5 weeks ago",
        "Old meeting about methods.",
    ])
    .assert()
    .success();
    let due = stdout(f.mj(&["due"]));
    assert!(
        due.contains("Dr. Amara Osei") && due.contains("overdue"),
        "a 14-day cadence, met weeks ago: {due}"
    );
    assert!(!due.contains("Alan Turing"), "no cadence, never due: {due}");
    let mentors = stdout(f.mj(&["mentors"]));
    assert!(
        mentors.contains("Alan Turing") && mentors.to_lowercase().contains("research"),
        "{mentors}"
    );
    f.mj(&[
        "mentors",
        "add",
        "Dana Reyes",
        "--focus",
        "writing",
        "--every",
        "3-weeks",
    ])
    .assert()
    .success();
    let dana = f
        .core(|j| j.list_mentors(&Default::default(), j.today()).unwrap())
        .into_iter()
        .find(|s| s.mentor.name == "Dana Reyes")
        .unwrap();
    assert_eq!(dana.mentor.cadence_days, Some(21));
    assert_eq!(dana.mentor.focus_areas, vec!["writing".to_owned()]);
    assert!(stdout(f.mj(&["goals"])).contains("Submit the first paper"));
    assert!(stdout(f.mj(&["show", "note", "1"])).contains("Old meeting about methods."));
    assert!(stdout(f.mj(&["show", "mentor", "dana"])).contains("Dana Reyes"));
    assert!(stdout(f.mj(&["show", "goal", "1"])).contains("Submit the first paper"));
    let err = fails(&mut f.mj(&["show", "note", "99"]), 1);
    assert!(err.contains("not found"), "{err}");
}

#[test]
fn output_to_a_pipe_has_no_colour_codes_and_no_wrapping() {
    let f = Fixture::with_mentors();
    let long = "word ".repeat(60);
    f.mj(&["note", "--mentor", "alan", &long])
        .assert()
        .success();
    let out = stdout(f.mj(&["search", "word"]).env_remove("NO_COLOR"));
    assert!(
        !out.contains('\u{1b}'),
        "colour only on a terminal: {out:?}"
    );
    let out = stdout(f.mj(&["show", "note", "1"]).env_remove("NO_COLOR"));
    assert!(
        out.lines().any(|l| l.len() > 200),
        "a pipe gets whole lines, for grep and cut: {out}"
    );
}
