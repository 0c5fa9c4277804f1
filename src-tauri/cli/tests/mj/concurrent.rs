//! `mj` writing while the app's core writes to the same journal.

use crate::common::{Fixture, PASS};
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn notes_from_several_mj_processes_and_the_core_at_once_are_all_kept() {
    let f = Fixture::with_mentors();
    let dir = f.path().to_owned();
    let app = std::thread::spawn(move || {
        let journal = journal::Vault::unlock(&dir, &journal::Passphrase::new(PASS)).unwrap();
        let mentor = journal.mentors_named_like("Alan Turing", None).unwrap()[0].id;
        for n in 0..40 {
            journal
                .add_conversation(
                    &journal::ConversationInput {
                        mentor_id: Some(mentor),
                        body: format!("from the app {n}"),
                        ..Default::default()
                    },
                    false,
                )
                .unwrap();
        }
    });
    let mj = assert_cmd::cargo::cargo_bin("mj");
    let children: Vec<_> = (0..6)
        .map(|n| {
            let mut child = Command::new(&mj)
                .env("NO_COLOR", "1")
                .arg("--dir")
                .arg(f.path())
                .args(["--passphrase-fd", "0", "note", "--mentor", "amara"])
                .arg(format!("from mj {n}"))
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(format!("{PASS}\n").as_bytes())
                .unwrap();
            child
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "mj note failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    app.join().unwrap();
    let bodies: Vec<String> = f.notes().into_iter().map(|n| n.body).collect();
    assert_eq!(bodies.len(), 46, "every note of both writers is there");
    for n in 0..6 {
        assert!(
            bodies.contains(&format!("from mj {n}")),
            "mj's note {n} is kept"
        );
    }
    for n in 0..40 {
        assert!(
            bodies.contains(&format!("from the app {n}")),
            "the app's note {n} is kept"
        );
    }
    f.mj(&["verify"]).assert().success();
}
