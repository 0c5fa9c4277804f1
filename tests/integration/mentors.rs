use journal::{ErrorCode, NewMentor, Vault};

use crate::{fast_kdf, passphrase};

#[test]
fn mentors_are_listed_alphabetically_ignoring_case() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    for name in ["dr. zhou", "Dr. Adeyemi", "  Dr. Moreau  "] {
        journal
            .add_mentor(&NewMentor { name: name.into() })
            .unwrap();
    }
    let names: Vec<_> = journal
        .list_mentors()
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(
        names,
        ["Dr. Adeyemi", "Dr. Moreau", "dr. zhou"],
        "trimmed and sorted case-insensitively"
    );
}

#[test]
fn a_mentor_needs_a_reasonable_name() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    for bad in ["", "   \t ", &"x".repeat(201)] {
        let err = journal
            .add_mentor(&NewMentor {
                name: bad.to_owned(),
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation);
        assert_eq!(
            err.field(),
            Some("name"),
            "the error names the field for the UI"
        );
    }
    assert!(
        journal.list_mentors().unwrap().is_empty(),
        "refused input writes nothing"
    );
    let unicode = journal
        .add_mentor(&NewMentor {
            name: "Dr. Zoë Łukasiewicz 🩺".into(),
        })
        .unwrap();
    assert_eq!(journal.list_mentors().unwrap(), [unicode]);
}
