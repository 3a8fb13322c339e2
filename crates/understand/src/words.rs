//! Normalised word forms for comparing sentences: lower case, stop words out,
//! a light suffix stemmer. Side tables only: the article text is never changed.

use std::borrow::Cow;
use std::sync::LazyLock;

/// Auxiliaries and modals: finite verbs wherever they stand ("is", "has", "would").
pub const FINITE_VERBS: &[&str] = &[
    "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];

/// Common English function words that carry no topic, sorted.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "along",
    "also",
    "although",
    "am",
    "amid",
    "among",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "inside",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "like",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "outside",
    "over",
    "own",
    "per",
    "s",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Writes `word` lower-cased into `buffer` (cleared first), with an ASCII fast path:
/// this runs on every token.
pub fn lowercase_into(word: &str, buffer: &mut String) {
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            buffer.push(c.to_ascii_lowercase());
        } else {
            buffer.extend(c.to_lowercase());
        }
    }
}

/// True for a stop word (expects lower case).
pub fn is_stop_word(lower: &str) -> bool {
    is_stop_word_bytes(lower.as_bytes())
}

/// [`is_stop_word`] of a lower-case word's bytes.
fn is_stop_word_bytes(lower: &[u8]) -> bool {
    // No stop word is longer than ten letters: most content words stop here.
    lower.len() <= 10 && stop_words().contains_bytes(lower)
}

fn stop_words() -> &'static WordSet {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STOP_WORDS));
    &SET
}

/// True for a stop word written in any case ("The", "THE"); ASCII words are
/// lower-cased on the stack.
pub fn is_stop_word_any_case(word: &str) -> bool {
    if !word.is_ascii() {
        let mut lower = String::new();
        lowercase_into(word, &mut lower);
        return is_stop_word(&lower);
    }
    // Longer than any stop word.
    if word.len() > 10 {
        return false;
    }
    stop_words().contains_packed(pack_with(word.as_bytes(), |b| b.to_ascii_lowercase()))
}

/// Longest word a [`WordSet`] holds in its table, in bytes: the word's bytes,
/// zero-padded, and its length in the last byte are its key.
const PACKED: usize = 15;

/// A set of words with a fast membership test: words of up to fifteen bytes
/// are exact 128-bit keys in an open-addressed table (one or two comparisons per
/// lookup); longer ones are compared one by one. These tests run on every token
/// of every article.
pub struct WordSet {
    slots: Vec<u128>,
    long: Vec<&'static str>,
}

impl WordSet {
    /// The set of `words`.
    pub fn new(words: &[&'static str]) -> Self {
        // At least four slots per word, a power of two, so probes stay short.
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut set = WordSet {
            slots: vec![0; size],
            long: Vec::new(),
        };
        for w in words {
            match pack(w.as_bytes()) {
                Some(key) => {
                    let mut i = set.slot(key);
                    while set.slots[i] != 0 && set.slots[i] != key {
                        i = (i + 1) & (size - 1);
                    }
                    set.slots[i] = key;
                }
                None => set.long.push(w),
            }
        }
        set
    }

    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(17);
        let hash = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (hash >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// True when `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// True when the word spelled by `word` is in the set.
    #[inline]
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        match pack(word) {
            Some(key) => self.contains_packed(key),
            None => self.long.iter().any(|w| w.as_bytes() == word),
        }
    }

    /// True when the word packed as `key` (see [`PACKED`]) is in the set.
    fn contains_packed(&self, key: u128) -> bool {
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => return false,
                k if k == key => return true,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// A word of 1 to [`PACKED`] bytes as its table key.
fn pack(word: &[u8]) -> Option<u128> {
    (!word.is_empty() && word.len() <= PACKED).then(|| pack_with(word, |b| b))
}

/// The key of a word of at most [`PACKED`] bytes, each byte mapped by `map`.
/// Built in a register: bytes stored one by one and read back as one wide
/// value would stall the load until the stores drain.
#[inline]
fn pack_with(word: &[u8], map: impl Fn(u8) -> u8) -> u128 {
    let bytes = word
        .iter()
        .rev()
        .fold(0u128, |key, &b| (key << 8) | u128::from(map(b)));
    bytes | (word.len() as u128) << (8 * PACKED)
}

/// A light English stemmer: strips possessives and common inflections so that
/// "talks"/"talked"/"talking" meet. Precision over recall: it never strips a stem
/// below three letters.
pub fn stem(lower: &str) -> Cow<'_, str> {
    // Byte-level suffix tests: this runs on every content word. Most words end in
    // a letter no rule strips.
    if !matches!(
        lower.as_bytes().last(),
        Some(b's' | b'g' | b'd' | b'y' | b'\'' | b'.' | 0x99)
    ) {
        return Cow::Borrowed(lower);
    }
    let mut w = lower;
    if let Some(base) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
        w = base;
    }
    w = w.trim_end_matches(['\'', '’', '.']);
    for (suffix, replacement) in [
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let long_enough = stem.len() >= 3 && (stem.is_ascii() || stem.chars().count() >= 3);
            if long_enough && !(suffix == "s" && stem.ends_with('s')) {
                return if replacement.is_empty() {
                    Cow::Borrowed(stem)
                } else {
                    Cow::Owned(format!("{stem}{replacement}"))
                };
            }
        }
    }
    Cow::Borrowed(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_unique() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && is_stop_word("would") && is_stop_word("yourselves"));
        assert!(!is_stop_word("kremlin") && !is_stop_word("") && !is_stop_word("thee"));
        assert!(!is_stop_word("a-very-long-word-beyond-sixteen-bytes"));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 10));
    }

    #[test]
    fn stop_words_in_any_case() {
        for w in ["The", "WOULD", "Yourselves", "a"] {
            assert!(is_stop_word_any_case(w), "{w}");
        }
        for w in ["Kremlin", "", "Thee", "Yourselvesx", "Über"] {
            assert!(!is_stop_word_any_case(w), "{w}");
        }
        assert_eq!(lowercase_into_string("ÉLAN Talks"), "élan talks");
    }

    #[test]
    fn word_sets_hold_exactly_their_words() {
        let long = "a-word-longer-than-fifteen-bytes";
        let set = WordSet::new(&["sen", "gov", "jan", long, "x"]);
        for w in ["sen", "gov", "jan", long, "x"] {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "se",
            "sena",
            "Sen",
            "",
            "a-word-longer-than-fifteen-byte",
            "x\0",
        ] {
            assert!(!set.contains(w), "{w:?}");
        }
        assert!(STOP_WORDS.iter().all(|w| stop_words().contains(w)));
    }

    fn lowercase_into_string(word: &str) -> String {
        let mut out = String::from("stale");
        lowercase_into(word, &mut out);
        out
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("talks"), stem("talking"));
        assert_eq!(stem("talked"), "talk");
        assert_eq!(stem("putin's"), "putin");
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("press"), "press");
        assert_eq!(stem("is"), "is");
    }
}
