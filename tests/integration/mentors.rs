use journal::{ErrorCode, MentorInput, Vault};

use crate::{fast_kdf, passphrase};

#[test]
fn mentors_are_listed_alphabetically_ignoring_case() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    for name in ["dr. zhou", "Dr. Adeyemi", "  Dr. Moreau  "] {
        journal.add_mentor(&MentorInput::named(name)).unwrap();
    }
    let names: Vec<_> = crate::mentor_names(&journal);
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
        let err = journal.add_mentor(&MentorInput::named(bad)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation);
        assert_eq!(
            err.field(),
            Some("name"),
            "the error names the field for the UI"
        );
    }
    assert!(
        crate::all_mentors(&journal).is_empty(),
        "refused input writes nothing"
    );
    let unicode = journal
        .add_mentor(&MentorInput::named("Dr. Zoë Łukasiewicz 🩺"))
        .unwrap();
    assert_eq!(crate::all_mentors(&journal), [unicode]);
}
