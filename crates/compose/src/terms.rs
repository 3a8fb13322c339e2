//! Term identity for comparing sentences: a 64-bit hash of a word's lower-cased
//! light stem (see `brief_understand::words::stem`), plus whether the word is a
//! stop word or too weak to head a section.
//!
//! Every token of every article passes through here, so ASCII words are handled
//! in one pass over their bytes with no allocation; other words go through the
//! general lower-casing and stemming in `brief_understand::words`, which gives
//! the same hashes for the same stems.

use std::sync::LazyLock;

use brief_understand::words::{lowercase_into, stem, STOP_WORDS};
use rustc_hash::FxHashMap;

use crate::heading::WEAK;

/// What the pipeline needs to know about one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermKey {
    /// Hash of the stem: equal for "talks", "talked", "Talking".
    pub stem: u64,
    /// Hash of the lower-cased word, for [`hash_of`] comparisons.
    pub lower: u64,
    /// [`hash_of`] the word as written.
    pub spelled: u64,
    /// A function word ("the", "would").
    pub stop: bool,
    /// Too weak or short to head a section ("people", "according").
    pub weak: bool,
    /// Length of the lower-cased word in bytes.
    pub len: usize,
    /// What the lexicon knows of it: bits of [`flag`].
    pub flags: u8,
}

/// FNV-1a, byte by byte, so that a prefix's hash is a step of the whole's.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(FNV_OFFSET, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// The [`TermKey::lower`] hash of a lower-case word.
pub fn hash_of(lower: &str) -> u64 {
    fnv(lower.bytes())
}

/// What the lexicon knows of a word, as bits of [`TermKey::flags`].
pub mod flag {
    /// A function word.
    pub const STOP: u8 = 1;
    /// Too weak to head a section.
    pub const WEAK: u8 = 2;
    /// Looks ahead on its own ("will", "plans").
    pub const FORWARD: u8 = 4;
    /// Gives context on its own ("since", "ago").
    pub const BACKWARD: u8 = 8;
    /// First word of a forward pair ("next" of "next week").
    pub const FORWARD_HEAD: u8 = 16;
    /// First word of a context pair ("had" of "had been").
    pub const BACKWARD_HEAD: u8 = 32;
    /// A personal pronoun that can stand for a speaker ("he", "she", "they").
    pub const PRONOUN: u8 = 64;
    /// A verb of saying ("said", "says", "told").
    pub const SAYING: u8 = 128;
}

/// Single words that look ahead.
const FORWARD_WORDS: &[&str] = &[
    "will",
    "plans",
    "planned",
    "planning",
    "expected",
    "expects",
    "scheduled",
    "upcoming",
    "intends",
    "hopes",
    "aims",
    "future",
    "forthcoming",
    "tomorrow",
];
/// Word pairs that look ahead.
pub const FORWARD_PAIRS: &[(&str, &str)] = &[
    ("next", "week"),
    ("next", "month"),
    ("next", "year"),
    ("set", "to"),
    ("later", "this"),
    ("coming", "weeks"),
    ("coming", "months"),
    ("going", "forward"),
    ("remains", "to"),
    ("would", "vote"),
];
/// Single words that give context.
const BACKWARD_WORDS: &[&str] = &[
    "since",
    "began",
    "previously",
    "earlier",
    "ago",
    "history",
    "decades",
    "founded",
    "long-running",
    "formerly",
    "originally",
];
/// Word pairs that give context.
pub const BACKWARD_PAIRS: &[(&str, &str)] = &[
    ("had", "been"),
    ("last", "year"),
    ("first", "time"),
    ("the", "past"),
    ("has", "long"),
    ("have", "long"),
    ("years", "of"),
];

/// Every word the lexicon knows, by [`TermKey::lower`] hash: one lookup per token.
static LEXICON: LazyLock<FxHashMap<u64, u8>> = LazyLock::new(|| {
    let mut map: FxHashMap<u64, u8> = FxHashMap::default();
    let mut add = |word: &str, bit: u8| *map.entry(hash_of(word)).or_default() |= bit;
    STOP_WORDS.iter().for_each(|w| add(w, flag::STOP));
    WEAK.iter().for_each(|w| add(w, flag::WEAK));
    FORWARD_WORDS.iter().for_each(|w| add(w, flag::FORWARD));
    BACKWARD_WORDS.iter().for_each(|w| add(w, flag::BACKWARD));
    FORWARD_PAIRS
        .iter()
        .for_each(|(w, _)| add(w, flag::FORWARD_HEAD));
    BACKWARD_PAIRS
        .iter()
        .for_each(|(w, _)| add(w, flag::BACKWARD_HEAD));
    PRONOUNS.iter().for_each(|w| add(w, flag::PRONOUN));
    SAYING_VERBS.iter().for_each(|w| add(w, flag::SAYING));
    map
});

/// Pronouns that stand for a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they"];
/// Verbs of saying, for "he said" / "said she".
const SAYING_VERBS: &[&str] = &["said", "says", "told", "added", "explained", "insisted"];

fn lexicon(lower: u64) -> u8 {
    LEXICON.get(&lower).copied().unwrap_or(0)
}

/// Longest word handled on the allocation-free path, in bytes.
const SHORT_WORD: usize = 32;

/// The key of `word`; `buffer` is scratch space for words that are not ASCII.
pub fn key(word: &str, buffer: &mut String) -> TermKey {
    let bytes = word.as_bytes();
    let n = bytes.len();
    let mut lower = [0u8; SHORT_WORD];
    let mut hash = FNV_OFFSET;
    let mut spelled = FNV_OFFSET;
    let mut ascii = n <= SHORT_WORD;
    if ascii {
        for (slot, &b) in lower.iter_mut().zip(bytes) {
            if b >= 0x80 {
                ascii = false;
                break;
            }
            spelled = (spelled ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            *slot = b.to_ascii_lowercase();
            hash = (hash ^ u64::from(*slot)).wrapping_mul(FNV_PRIME);
        }
    }
    if !ascii {
        lowercase_into(word, buffer);
        let lower = fnv(buffer.bytes());
        let flags = lexicon(lower);
        return TermKey {
            lower,
            spelled: fnv(bytes.iter().copied()),
            stem: fnv(stem(buffer).bytes()),
            stop: flags & flag::STOP != 0,
            weak: buffer.len() < 3 || flags & (flag::WEAK | flag::STOP) != 0,
            len: buffer.len(),
            flags,
        };
    }
    let lower = &lower[..n];
    let (kept, add_y) = ascii_stem(lower);
    let mut stem_hash = if kept == n {
        hash
    } else {
        fnv(lower[..kept].iter().copied())
    };
    if add_y {
        stem_hash = (stem_hash ^ u64::from(b'y')).wrapping_mul(FNV_PRIME);
    }
    let flags = lexicon(hash);
    TermKey {
        stem: stem_hash,
        lower: hash,
        spelled,
        stop: flags & flag::STOP != 0,
        weak: n < 3 || flags & (flag::WEAK | flag::STOP) != 0,
        len: n,
        flags,
    }
}

/// The light stem of a lower-case ASCII word as (length of the kept prefix,
/// whether a "y" follows it): the rules of `brief_understand::words::stem`.
fn ascii_stem(lower: &[u8]) -> (usize, bool) {
    // Most words end in a letter no rule strips.
    if !matches!(lower.last(), Some(b's' | b'g' | b'd' | b'y' | b'\'' | b'.')) {
        return (lower.len(), false);
    }
    let mut word = lower.strip_suffix(b"'s").unwrap_or(lower);
    while let Some((b'\'' | b'.', rest)) = word.split_last() {
        word = rest;
    }
    for (suffix, add_y) in [
        (&b"ies"[..], true),
        (b"ing", false),
        (b"ed", false),
        (b"es", false),
        (b"s", false),
        (b"ly", false),
    ] {
        if let Some(kept) = word.strip_suffix(suffix) {
            if kept.len() >= 3 && !(suffix == b"s" && kept.ends_with(b"s")) {
                return (kept.len(), add_y);
            }
        }
    }
    (word.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(word: &str) -> TermKey {
        key(word, &mut String::new())
    }

    #[test]
    fn inflections_meet_and_case_does_not_matter() {
        assert_eq!(k("talks").stem, k("Talking").stem);
        assert_eq!(k("talked").stem, k("TALK").stem);
        assert_eq!(k("countries").stem, k("country").stem);
        assert_eq!(k("Putin's").stem, k("Putin").stem);
        assert_ne!(k("press").stem, k("pres").stem);
    }

    #[test]
    fn ascii_path_agrees_with_the_general_stemmer() {
        for word in [
            "talks",
            "Countries",
            "press",
            "U.S.",
            "running",
            "dog's",
            "is",
            "flies",
            "quickly",
        ] {
            let lower = word.to_lowercase();
            assert_eq!(k(word).stem, fnv(stem(&lower).bytes()), "{word}");
        }
        // Non-ASCII words take the general path and still meet their ASCII kin.
        assert_eq!(k("Zelensky’s").stem, k("Zelensky").stem);
        assert_eq!(k("Éclairs").stem, fnv(stem("éclairs").bytes()));
    }

    #[test]
    fn the_spelled_hash_keeps_case() {
        for word in ["Talks", "talks", "Zelensky’s", &"x".repeat(40)] {
            assert_eq!(k(word).spelled, hash_of(word), "{word}");
        }
        assert_ne!(k("Talks").spelled, k("talks").spelled);
        assert_eq!(k("Talks").lower, k("talks").lower);
    }

    #[test]
    fn stop_and_weak_words() {
        assert!(k("The").stop && k("would").stop && !k("Kremlin").stop);
        assert!(k("according").weak && k("ox").weak && !k("barrier").weak);
    }
}
