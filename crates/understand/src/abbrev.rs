//! Abbreviations that end in a period without ending a sentence.

use std::sync::LazyLock;

use crate::words::WordSet;

/// Titles and words that are always followed by more of the same sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs", "gen",
    "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "cdr", "brig", "cpl", "pvt", "pfc",
    "st", "ste", "mt", "ft", "rev", "fr", "hon", "pres", "supt", "det", "insp", "atty", "ald",
    "amb", "sec", "asst", "assoc", "dept", "gen", "vs", "v", "e.g", "i.e", "cf", "approx", "est",
    "no", "nos", "vol", "pp", "fig", "figs", "ch", "art", "sr", "jr", "op", "ed", "eds", "rd",
    "ave", "blvd", "hwy", "mtn", "univ", "mme", "mlle", "msgr", "ph", "gov't",
];

/// Month abbreviations: not final when a number follows ("Jan. 5").
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Abbreviations that often end a sentence ("… in the U.S. The …"): final only
/// when the next word is a common sentence opener.
const MAYBE_FINAL: &[&str] = &[
    "inc", "co", "corp", "ltd", "llc", "plc", "bros", "etc", "a.m", "p.m", "u.s", "u.k", "u.n",
    "e.u", "d.c", "l.a", "n.y", "u.s.a", "al", "jr", "sr", "rt",
];

/// Words that commonly open a sentence; used to resolve [`MAYBE_FINAL`] abbreviations.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "for",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "some",
    "many",
    "most",
    "no",
    "not",
    "now",
    "then",
    "still",
    "yet",
    "also",
    "however",
    "meanwhile",
    "since",
    "what",
    "who",
    "why",
    "how",
    "where",
    "one",
    "two",
    "three",
    "officials",
    "police",
    "according",
];

/// How the word before a period decides a sentence boundary.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Not an abbreviation: the period ends the sentence.
    None,
    /// Never ends a sentence.
    Never,
    /// Ends a sentence only if a sentence opener follows.
    Maybe,
    /// A month: ends a sentence unless a number follows.
    Month,
}

/// Classifies `word` (the characters before a period, without the period).
pub(crate) fn classify(word: &str) -> Abbrev {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return Abbrev::None;
    }
    // Looked up in sets bucketed by length and first letter; ASCII words (nearly all)
    // are lower-cased on the stack. This runs at every single period of every article.
    static SETS: LazyLock<[WordSet; 3]> = LazyLock::new(|| {
        [
            WordSet::new(MAYBE_FINAL),
            WordSet::new(NEVER_FINAL),
            WordSet::new(MONTHS),
        ]
    });
    let mut buffer = [0u8; 32];
    let owned;
    let lower: &[u8] = match buffer.get_mut(..w.len()) {
        Some(slot) if w.is_ascii() => {
            for (d, s) in slot.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            slot
        }
        _ => {
            owned = w.to_lowercase();
            owned.as_bytes()
        }
    };
    let [maybe, never, months] = &*SETS;
    if maybe.contains_bytes(lower) {
        return Abbrev::Maybe;
    }
    if never.contains_bytes(lower) {
        return Abbrev::Never;
    }
    if months.contains_bytes(lower) {
        return Abbrev::Month;
    }
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    // A single capital letter is an initial ("George W. Bush"); dotted letter
    // groups ("U.S", "N.Y", "a.m") are acronyms that may also end a sentence.
    if chars.next().is_none() && first.is_uppercase() {
        return Abbrev::Never;
    }
    if w.contains('.')
        && w.split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
    {
        return Abbrev::Maybe;
    }
    Abbrev::None
}

/// True when `word` is a common sentence opener.
pub(crate) fn is_opener(word: &str) -> bool {
    let lower = word.to_lowercase();
    OPENERS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_in_any_case() {
        assert_eq!(classify("U.S"), Abbrev::Maybe);
        assert_eq!(classify("Inc"), Abbrev::Maybe);
        // "jr" is in two lists: the first match decides, as it always has.
        assert_eq!(classify("Jr"), Abbrev::Maybe);
        assert_eq!(classify("(Sen"), Abbrev::Never);
        assert_eq!(classify("GOV'T"), Abbrev::Never);
        assert_eq!(classify("W"), Abbrev::Never);
        assert_eq!(classify("Sept"), Abbrev::Month);
        assert_eq!(classify("N.Y.C"), Abbrev::Maybe);
        assert_eq!(classify("Moscow"), Abbrev::None);
        assert_eq!(classify("Müller"), Abbrev::None);
        assert_eq!(classify(""), Abbrev::None);
        assert_eq!(classify(&"x".repeat(40)), Abbrev::None);
    }
}
