//! Telling whether two mentor names are the same person's, so adding "dr amara osei" when
//! "Dr. Amara Osei" exists is a warning the front end can show with a way to open the existing
//! one. It is a warning, not a refusal: two people can share a name, and the user decides.
//!
//! Names are compared folded: Unicode-decomposed with the accents dropped, case-folded, titles
//! ("Dr.", "Prof.") and punctuation left out, spaces collapsed. "José Müller" and "Jose Muller"
//! fold alike; "Amara Osei" and "Amara Oseiwa" do not (no fuzzy matching that would cry wolf).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::error::Result;
use crate::goals::MentorRef;
use crate::journal::Journal;
use crate::mentors::MentorId;

const TITLES: &[&str] = &[
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "mx",
    "sir",
    "dame",
];

/// The form of a name that duplicates share.
pub fn fold_name(name: &str) -> String {
    let plain: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain
        .split_whitespace()
        .filter(|w| !TITLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Journal {
    /// Mentors whose name folds like `name` (leaving out `except`, the one being edited).
    pub fn mentors_named_like(
        &self,
        name: &str,
        except: Option<MentorId>,
    ) -> Result<Vec<MentorRef>> {
        let wanted = fold_name(name);
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM mentors ORDER BY id")?;
        let rows = stmt.query_map([], |row| {
            Ok(MentorRef {
                id: MentorId(row.get(0)?),
                name: row.get(1)?,
            })
        })?;
        let mut same = Vec::new();
        for row in rows {
            let mentor = row?;
            if Some(mentor.id) != except && fold_name(&mentor.name) == wanted {
                same.push(mentor);
            }
        }
        Ok(same)
    }

    /// The mentors a name typed the way people say it may mean (the command line's `--mentor
    /// amara`): `#ID` names one exactly; otherwise those whose whole name folds like it, or failing
    /// that, those whose folded name starts with it. Callers refuse to guess between several.
    pub fn mentors_matching(&self, typed: &str) -> Result<Vec<MentorRef>> {
        if let Some(id) = typed.trim().strip_prefix('#') {
            let Ok(id) = id.parse() else {
                return Ok(Vec::new());
            };
            return match self.mentor(MentorId(id)) {
                Ok(mentor) => Ok(vec![MentorRef {
                    id: mentor.id,
                    name: mentor.name,
                }]),
                Err(crate::error::Error::NotFound(_)) => Ok(Vec::new()),
                Err(err) => Err(err),
            };
        }
        let whole = self.mentors_named_like(typed, None)?;
        let wanted = fold_name(typed);
        if !whole.is_empty() || wanted.is_empty() {
            return Ok(whole);
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM mentors ORDER BY name COLLATE NOCASE, id")?;
        let rows = stmt.query_map([], |row| {
            Ok(MentorRef {
                id: MentorId(row.get(0)?),
                name: row.get(1)?,
            })
        })?;
        let mut found = Vec::new();
        for row in rows {
            let mentor = row?;
            if fold_name(&mentor.name).starts_with(&wanted) {
                found.push(mentor);
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::fold_name;

    #[test]
    fn names_fold_without_case_accents_titles_or_punctuation() {
        assert_eq!(fold_name("Dr. Amara Osei"), fold_name("amara  OSEI"));
        assert_eq!(
            fold_name("José Müller-Łukasiewicz"),
            "jose muller łukasiewicz"
        );
        assert_eq!(fold_name("Prof. Zoë Ñúñez"), fold_name("zoe nunez"));
        assert_ne!(fold_name("Amara Osei"), fold_name("Amara Oseiwa"));
        assert_eq!(fold_name("Dr."), "", "a bare title is no name");
    }
}

#[cfg(test)]
mod matching {
    use crate::MentorInput;

    #[test]
    fn a_typed_name_matches_the_whole_name_first_then_a_prefix_and_an_id_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let journal = crate::test_journal(dir.path());
        let osei = journal
            .add_mentor(&MentorInput::named("Dr. Amara Osei"))
            .unwrap();
        journal
            .add_mentor(&MentorInput::named("Amaru Quispe"))
            .unwrap();
        let ana = journal.add_mentor(&MentorInput::named("Ana")).unwrap();
        let names = |typed: &str| -> Vec<String> {
            let found = journal.mentors_matching(typed).unwrap();
            found.into_iter().map(|m| m.name).collect()
        };
        assert_eq!(
            names("amara osei"),
            ["Dr. Amara Osei"],
            "titles and case aside"
        );
        assert_eq!(
            names("AMÁRA"),
            ["Dr. Amara Osei"],
            "a prefix, accents aside"
        );
        assert_eq!(
            names("ama"),
            ["Amaru Quispe", "Dr. Amara Osei"],
            "both: never guessed"
        );
        assert_eq!(
            names("ana"),
            ["Ana"],
            "the whole name wins over longer ones"
        );
        assert_eq!(names(&format!("#{}", osei.id.0)), ["Dr. Amara Osei"]);
        assert!(names("#999").is_empty() && names("#x").is_empty() && names("").is_empty());
        assert!(names("zed").is_empty());
        let _ = ana;
    }
}
