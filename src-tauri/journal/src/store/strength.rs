//! How hard a new passphrase is to guess, and the floor below which the core refuses it.
//!
//! The estimate is zxcvbn's (dictionaries of common passwords, names and words, keyboard
//! patterns, dates, repeats), the same for every front end: the desktop page shows it while the
//! user types, `mj init` and `mj passwd` will print it, and `Passphrase::check_new` refuses
//! anything under `MIN_SCORE`. The journal's own words are passed as user inputs, so
//! "mentorjournal2026" counts as weak. zxcvbn reads only the first 100 characters and keeps short
//! lived copies of them while it scores (not wiped; SECURITY.md says so).

use serde::Serialize;
use ts_rs::TS;
use zxcvbn::Score;

/// Lowest accepted score: "safely unguessable", more than 10^8 guesses even before the
/// key-derivation cost multiplies each guess.
pub const MIN_SCORE: u8 = 3;
const CONTEXT_WORDS: &[&str] = &[
    "mentor",
    "journal",
    "mentorjournal",
    "mentorship",
    "residency",
];
const WHAT_PASSES: &str =
    "Four or five unrelated words, or a sentence only you would write, will pass.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PassphraseStrength {
    /// 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// Whether a new journal or a new passphrase may use it.
    pub acceptable: bool,
    /// Why it is weak (empty when it is not), then what would pass.
    pub advice: String,
}

/// The estimate for a passphrase being chosen.
pub fn passphrase_strength(passphrase: &str) -> PassphraseStrength {
    let entropy = zxcvbn::zxcvbn(passphrase, CONTEXT_WORDS);
    let score = match entropy.score() {
        Score::Zero => 0,
        Score::One => 1,
        Score::Two => 2,
        Score::Three => 3,
        _ => 4,
    };
    let acceptable = score >= MIN_SCORE;
    let advice = if acceptable {
        String::new()
    } else {
        let why = entropy
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!("{w} "))
            .unwrap_or_default();
        format!("{why}{WHAT_PASSES}")
    };
    PassphraseStrength {
        score,
        acceptable,
        advice,
    }
}

/// The refusal message for a passphrase under the floor.
pub(crate) fn too_weak(strength: &PassphraseStrength) -> String {
    format!("This passphrase is too easy to guess. {}", strength.advice)
}

#[cfg(test)]
mod tests {
    use super::passphrase_strength;

    #[test]
    fn common_and_patterned_passphrases_fall_under_the_floor() {
        for weak in [
            "password123",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "mentorjournal",
            "abcdefghij12",
            "iloveyou2026",
        ] {
            let s = passphrase_strength(weak);
            assert!(!s.acceptable, "{weak} is weak: {s:?}");
            assert!(s.advice.contains("unrelated words"), "{s:?}");
        }
    }

    #[test]
    fn a_few_unrelated_words_pass() {
        for strong in [
            "correct horse battery staple",
            "violet anchor ledger pumpkin",
        ] {
            let s = passphrase_strength(strong);
            assert!(s.acceptable, "{strong}: {s:?}");
            assert!(s.advice.is_empty());
        }
    }
}
