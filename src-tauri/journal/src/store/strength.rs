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

use crate::store::secret::{MAX_PASSPHRASE_BYTES, MIN_PASSPHRASE_CHARS};

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
    /// Why it is refused (too short, too easy to guess) and what would pass; empty when accepted.
    pub advice: String,
}

/// The estimate for a passphrase being chosen, with every rule a new passphrase must meet
/// (length, then guessability); `advice` is the refusal message when it is not acceptable.
pub fn passphrase_strength(passphrase: &str) -> PassphraseStrength {
    let entropy = zxcvbn::zxcvbn(passphrase, CONTEXT_WORDS);
    let score = match entropy.score() {
        Score::Zero => 0,
        Score::One => 1,
        Score::Two => 2,
        Score::Three => 3,
        _ => 4,
    };
    let refusal = if passphrase.len() > MAX_PASSPHRASE_BYTES {
        Some("That passphrase is too long.".to_owned())
    } else if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        Some(format!(
            "Use at least {MIN_PASSPHRASE_CHARS} characters. {WHAT_PASSES}"
        ))
    } else if score < MIN_SCORE {
        let why = entropy
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(" {w}"))
            .unwrap_or_default();
        Some(format!(
            "This passphrase is too easy to guess.{why} {WHAT_PASSES}"
        ))
    } else {
        None
    };
    PassphraseStrength {
        score,
        acceptable: refusal.is_none(),
        advice: refusal.unwrap_or_default(),
    }
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
    fn length_comes_first_and_the_advice_is_the_refusal() {
        let short = passphrase_strength("Zq8!vR2");
        assert!(!short.acceptable);
        assert!(
            short.advice.starts_with("Use at least 10 characters."),
            "{short:?}"
        );
        let long = passphrase_strength(&"violet anchor ".repeat(300));
        assert_eq!(long.advice, "That passphrase is too long.");
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
