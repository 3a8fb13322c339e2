//! Normalised word forms for comparing sentences: lower case, stop words out,
//! a light suffix stemmer. Side tables only: the article text is never changed.

use std::borrow::Cow;
use std::sync::LazyLock;

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
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STOP_WORDS));
    // No stop word is longer than ten letters: most content words stop here.
    lower.len() <= 10 && SET.contains_bytes(lower)
}

/// True for a stop word written in any case ("The", "THE"); ASCII words are
/// lower-cased on the stack.
pub fn is_stop_word_any_case(word: &str) -> bool {
    if !word.is_ascii() {
        let mut lower = String::new();
        lowercase_into(word, &mut lower);
        return is_stop_word(&lower);
    }
    let mut buffer = [0u8; 10];
    // Longer than any stop word.
    let Some(slot) = buffer.get_mut(..word.len()) else {
        return false;
    };
    for (d, s) in slot.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    is_stop_word_bytes(slot)
}

/// A set of words with a fast membership test: words are bucketed by length and
/// first letter, so a lookup compares against one or two words. These tests run
/// on every token of every article.
pub struct WordSet {
    buckets: Vec<Vec<&'static str>>,
}

const MAX_BUCKET_LEN: usize = 16;
const LETTERS: usize = 27;

fn bucket(word: &[u8]) -> usize {
    let first = word.first().copied().unwrap_or(0);
    let letter = if first.is_ascii_lowercase() {
        usize::from(first - b'a')
    } else {
        26
    };
    word.len().min(MAX_BUCKET_LEN) * LETTERS + letter
}

impl WordSet {
    /// The set of `words`.
    pub fn new(words: &[&'static str]) -> Self {
        let mut buckets = vec![Vec::new(); (MAX_BUCKET_LEN + 1) * LETTERS];
        for w in words {
            buckets[bucket(w.as_bytes())].push(*w);
        }
        WordSet { buckets }
    }

    /// True when `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// True when the word spelled by `word` is in the set. Words are short: they
    /// are compared inline, byte by byte, rather than by a call to `memcmp`.
    #[inline]
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        self.buckets[bucket(word)]
            .iter()
            .any(|w| w.len() == word.len() && w.bytes().zip(word).all(|(a, &b)| a == b))
    }
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
