//! Term identity for comparing sentences: a 64-bit hash of a word's lower-cased
//! light stem (see `brief_understand::words::stem`), plus whether the word is a
//! stop word or too weak to head a section.
//!
//! Every token of every article passes through here, so ASCII words are read,
//! lower-cased and hashed eight bytes at a time with no allocation; other words go through the
//! general lower-casing and stemming in `brief_understand::words`, which gives
//! the same hashes for the same stems.

use std::sync::LazyLock;

use brief_core::Span;
use brief_understand::chunk::{ascii_lowercase, load, HIGH_BITS};
pub use brief_understand::spelling::SpellingCache;
use brief_understand::word_classes::{WordClass, WORD_CLASSES};
use brief_understand::words::{lowercase_into, stem, STOP_WORDS};

use crate::heading::{IRREGULAR_PAST, WEAK};

/// What the pipeline needs to know about one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    pub flags: u16,
}

/// Multiplier of the word hash (the golden ratio's, odd, so each step is a bijection).
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// One step of the word hash: eight bytes at a time, so a word costs one or two
/// multiplications rather than one per byte.
#[inline]
fn step(hash: u64, chunk: u64) -> u64 {
    (hash.rotate_left(23) ^ chunk).wrapping_mul(MULTIPLIER)
}

/// The hash of a byte string: its length, then its bytes as little-endian
/// eight-byte chunks (the last one zero-padded).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_at(bytes, 0, bytes.len())
}

/// [`hash_bytes`] of `bytes[start..start + n]`, reading whole chunks where
/// `bytes` has them past the end (the rest of a text, a padded buffer) and
/// masking what is past `n`.
#[inline]
pub fn hash_at(bytes: &[u8], start: usize, n: usize) -> u64 {
    let mut hash = (n as u64).wrapping_mul(MULTIPLIER);
    let mut at = 0;
    while at < n {
        hash = step(hash, load(bytes, start + at, n - at));
        at += 8;
    }
    hash
}

/// The [`TermKey::lower`] hash of a lower-case word.
pub fn hash_of(lower: &str) -> u64 {
    hash_bytes(lower.as_bytes())
}

/// What the lexicon knows of a word, as bits of [`TermKey::flags`].
pub mod flag {
    /// A function word.
    pub const STOP: u16 = 1;
    /// Too weak to head a section.
    pub const WEAK: u16 = 2;
    /// Looks ahead on its own ("will", "plans").
    pub const FORWARD: u16 = 4;
    /// Gives context on its own ("since", "ago").
    pub const BACKWARD: u16 = 8;
    /// First word of a forward pair ("next" of "next week").
    pub const FORWARD_HEAD: u16 = 16;
    /// First word of a context pair ("had" of "had been").
    pub const BACKWARD_HEAD: u16 = 32;
    /// A personal pronoun that can stand for a speaker ("he", "she", "they").
    pub const PRONOUN: u16 = 64;
    /// A verb of saying ("said", "says", "told").
    pub const SAYING: u16 = 128;
    /// The first word of a page-furniture phrase ("click" of "click here").
    pub const FURNITURE_HEAD: u16 = 256;
    /// A verb, adjective or adverb by its word class (`brief_understand::word_classes`).
    pub const VERB: u16 = 512;
    pub const ADJECTIVE: u16 = 1024;
    pub const ADVERB: u16 = 2048;
    /// A verb of a line crediting the reporters ([`CREDIT_VERBS`]).
    pub const CREDIT: u16 = 4096;
    /// A past form that makes the look ahead after it a past one ("was expected to", "looked
    /// set to": [`PAST_FRAMES`]).
    pub const PAST_FRAME: u16 = 8192;
    /// A forward word that looks back after a past form ([`PAST_FRAMED`]).
    pub const PAST_FRAMED: u16 = 16384;
}

/// The word class the lexicon's flags give a word.
pub fn class_of(flags: u16) -> Option<WordClass> {
    if flags & flag::VERB != 0 {
        Some(WordClass::Verb)
    } else if flags & flag::ADJECTIVE != 0 {
        Some(WordClass::Adjective)
    } else if flags & flag::ADVERB != 0 {
        Some(WordClass::Adverb)
    } else {
        None
    }
}

/// The class of `word` in `WORD_CLASSES`, looked up in lower case. Every listed word is
/// short ASCII: others need no lower-casing to be ruled out.
pub fn word_class(word: &str) -> Option<WordClass> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_CLASSED_WORD || !word.is_ascii() {
        return None;
    }
    // Copied into a zero-padded buffer, the word is read eight bytes at a time.
    let mut padded = [0u8; MAX_CLASSED_WORD + 8];
    padded[..bytes.len()].copy_from_slice(bytes);
    let mut hash = (bytes.len() as u64).wrapping_mul(MULTIPLIER);
    for chunk in padded[..bytes.len().div_ceil(8) * 8].chunks_exact(8) {
        let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        hash = step(hash, ascii_lowercase(chunk));
    }
    class_of(lexicon(hash))
}

/// Longer than any word of `WORD_CLASSES`.
const MAX_CLASSED_WORD: usize = 24;

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
    "forthcoming",
    "tomorrow",
];
/// Past forms before which "expected", "planned", "scheduled" and "set to" tell what was
/// once ahead ("The derailment was expected to cause traffic problems", "Raikkonen looked set
/// to underline Ferrari's improvement"), not what comes next.
const PAST_FRAMES: &[&str] = &["appeared", "had", "looked", "seemed", "was", "were"];

/// Forward words ([`FORWARD_WORDS`], or a [`FORWARD_PAIRS`] head) that a past form before
/// them turns to the past.
const PAST_FRAMED: &[&str] = &["expected", "planned", "planning", "scheduled", "set"];

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
    // "the future", "the near future"; not "canceled future covers".
    ("the", "future"),
    ("near", "future"),
    ("foreseeable", "future"),
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

/// The outlets among [`WEAK`], whose possessives are weak too.
const WEAK_OUTLETS: &[&str] = &["afp", "ap", "cnn", "reuters"];

/// Every word the lexicon knows, by [`TermKey::lower`] hash: one lookup per token.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        slots: vec![(0, 0); LEXICON_SLOTS].into_boxed_slice(),
    };
    let mut add = |word: &str, bit: u16| lexicon.add(hash_of(word), bit);
    STOP_WORDS.iter().for_each(|w| add(w, flag::STOP));
    WEAK.iter().for_each(|w| add(w, flag::WEAK));
    // A wire's or network's possessive is as weak as its name: "CNN's Chris Cuomo" is about
    // Chris Cuomo, "CNN's request" about no topic.
    for outlet in WEAK_OUTLETS {
        add(&format!("{outlet}'s"), flag::WEAK);
        add(&format!("{outlet}’s"), flag::WEAK);
    }
    IRREGULAR_PAST.iter().for_each(|w| add(w, flag::WEAK));
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
    CREDIT_VERBS.iter().for_each(|w| add(w, flag::CREDIT));
    PAST_FRAMES.iter().for_each(|w| add(w, flag::PAST_FRAME));
    PAST_FRAMED.iter().for_each(|w| add(w, flag::PAST_FRAMED));
    FURNITURE_HEADS
        .iter()
        .for_each(|w| add(w, flag::FURNITURE_HEAD));
    for &(word, class) in WORD_CLASSES {
        let bit = match class {
            WordClass::Verb => flag::VERB,
            WordClass::Adjective => flag::ADJECTIVE,
            WordClass::Adverb => flag::ADVERB,
        };
        add(&word.to_ascii_lowercase(), bit);
    }
    lexicon
});

/// Slots of the lexicon's table: a power of two, about four per word, so that
/// nearly every lookup is one load and one comparison.
const LEXICON_SLOTS: usize = 1 << 13;

/// Word hashes and their flags in an open-addressed table (linear probing). The
/// hash is already well mixed, so its top bits pick the slot; an empty slot
/// has flags 0, which is also what an unknown word gets.
struct Lexicon {
    slots: Box<[(u64, u16)]>,
}

impl Lexicon {
    fn slot(hash: u64) -> usize {
        (hash >> (64 - LEXICON_SLOTS.trailing_zeros())) as usize
    }

    fn add(&mut self, hash: u64, bit: u16) {
        let mut i = Self::slot(hash);
        while self.slots[i].1 != 0 && self.slots[i].0 != hash {
            i = (i + 1) & (LEXICON_SLOTS - 1);
        }
        self.slots[i] = (hash, self.slots[i].1 | bit);
    }

    fn get(&self, hash: u64) -> u16 {
        let mut i = Self::slot(hash);
        loop {
            let (known, flags) = self.slots[i];
            if known == hash || flags == 0 {
                return if known == hash { flags } else { 0 };
            }
            i = (i + 1) & (LEXICON_SLOTS - 1);
        }
    }
}

/// The first words of the page-furniture phrases (`candidates::BOILERPLATE`):
/// only a sentence with one of them is searched for the phrases.
pub const FURNITURE_HEADS: &[&str] = &[
    "published",
    "updated",
    "last",
    "scroll",
    "click",
    "follow",
    "sign",
    "subscribe",
    "all",
    "copyright",
    "read",
    "newsletter",
    "share",
    "e-mail",
    "this",
    "related",
    "advertisement",
    "getty",
    "photo",
    "image",
    "watch",
    "video",
    "contributed",
    "please",
    "browse",
    "responsible",
    "views",
];

/// Pronouns that stand for a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they"];
/// Verbs of saying, for "he said" / "said she".
const SAYING_VERBS: &[&str] = &["said", "says", "told", "added", "explained", "insisted"];

/// The verbs of a line crediting the reporters ([`flag::CREDIT`]).
pub const CREDIT_VERBS: &[&str] = &["reported", "wrote"];

fn lexicon(lower: u64) -> u16 {
    LEXICON.get(lower)
}

/// Longest word handled on the allocation-free path, in bytes.
const SHORT_WORD: usize = 32;
/// The stack buffer of that path: a short word and a chunk's worth of slack.
const PADDED: usize = SHORT_WORD + 8;
/// The key of `word`; `buffer` is scratch space for words that are not ASCII.
pub fn key(word: &str, buffer: &mut String) -> TermKey {
    key_at(word, Span::new(0, word.len()), buffer)
}

/// The key of the word `text[span]`. ASCII words up to [`SHORT_WORD`] bytes are
/// read, lower-cased and hashed eight bytes at a time, straight from the text.
pub fn key_at(text: &str, span: Span, buffer: &mut String) -> TermKey {
    let bytes = text.as_bytes();
    let n = span.len();
    if (1..=8).contains(&n) {
        let chunk = load(bytes, span.start, n);
        if chunk & HIGH_BITS == 0 {
            return short_key(chunk, n);
        }
    }
    let mut lower = [0u8; PADDED];
    let (mut spelled, mut hash) = (
        (n as u64).wrapping_mul(MULTIPLIER),
        (n as u64).wrapping_mul(MULTIPLIER),
    );
    let mut seen = if n > SHORT_WORD { HIGH_BITS } else { 0 };
    let mut at = 0;
    while at < n && seen == 0 {
        let chunk = load(bytes, span.start + at, n - at);
        seen |= chunk & HIGH_BITS;
        let lowered = ascii_lowercase(chunk);
        spelled = step(spelled, chunk);
        hash = step(hash, lowered);
        lower[at..at + 8].copy_from_slice(&lowered.to_le_bytes());
        at += 8;
    }
    if seen != 0 {
        let word = &text[span.start..span.end];
        lowercase_into(word, buffer);
        let lower = hash_of(buffer);
        let flags = lexicon(lower);
        return TermKey {
            lower,
            spelled: hash_bytes(word.as_bytes()),
            stem: hash_of(&stem(buffer)),
            stop: flags & flag::STOP != 0,
            weak: buffer.len() < 3 || flags & (flag::WEAK | flag::STOP) != 0,
            len: buffer.len(),
            flags,
        };
    }
    let (kept, add_y) = ascii_stem(&lower[..n]);
    let stem = if add_y {
        lower[kept] = b'y';
        hash_at(&lower, 0, kept + 1)
    } else if kept == n {
        hash
    } else {
        hash_at(&lower, 0, kept)
    };
    let flags = lexicon(hash);
    TermKey {
        stem,
        lower: hash,
        spelled,
        stop: flags & flag::STOP != 0,
        weak: n < 3 || flags & (flag::WEAK | flag::STOP) != 0,
        len: n,
        flags,
    }
}

/// Word keys by spelling.
pub type WordCache = SpellingCache<TermKey>;

/// [`key_at`], from `cache` when the word is there.
pub fn cached_key_at(
    cache: &mut WordCache,
    text: &str,
    span: Span,
    buffer: &mut String,
) -> TermKey {
    cache.get(text, span, || key_at(text, span, buffer))
}

/// The key of an ASCII word of one to eight bytes, given as one chunk: worked
/// out in registers, with selects rather than branches where the word's ending
/// decides (which suffix goes), as those branches mispredict on running text.
fn short_key(chunk: u64, n: usize) -> TermKey {
    let lowered = ascii_lowercase(chunk);
    let length = (n as u64).wrapping_mul(MULTIPLIER);
    let hash = step(length, lowered);
    let from_end = |k: usize| {
        if n >= k {
            (lowered >> (8 * (n - k))) as u8
        } else {
            0
        }
    };
    let (b1, b2, b3) = (from_end(1), from_end(2), from_end(3));
    let (kept, add_y) = if b1 == b'\'' || b1 == b'.' || (b1 == b's' && b2 == b'\'') {
        // Possessives and trailing marks: the general rules.
        ascii_stem(&lowered.to_le_bytes()[..n])
    } else {
        // The suffix rules of `ascii_stem` in their order: a rule applies when the
        // stem left is three letters or more ("s" not after another "s").
        let ies = b3 == b'i' && b2 == b'e' && b1 == b's' && n >= 6;
        let ing = b3 == b'i' && b2 == b'n' && b1 == b'g' && n >= 6;
        let ed = b2 == b'e' && b1 == b'd' && n >= 5;
        let es = b2 == b'e' && b1 == b's' && n >= 5;
        let plural = b1 == b's' && b2 != b's' && n >= 4;
        let ly = b2 == b'l' && b1 == b'y' && n >= 5;
        let cut = if ies || ing {
            3
        } else if ed || es || ly {
            2
        } else {
            usize::from(plural)
        };
        (n - cut, ies)
    };
    let kept_bytes = if kept >= 8 {
        lowered
    } else {
        lowered & ((1u64 << (8 * kept)) - 1)
    };
    let stem_len = kept + usize::from(add_y);
    let stem_chunk = kept_bytes | ((u64::from(add_y) * u64::from(b'y')) << (8 * (kept % 8)));
    let stem = step((stem_len as u64).wrapping_mul(MULTIPLIER), stem_chunk);
    let flags = lexicon(hash);
    TermKey {
        stem,
        lower: hash,
        spelled: step(length, chunk),
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
            assert_eq!(k(word).stem, hash_of(&stem(&lower)), "{word}");
        }
        // Non-ASCII words take the general path and still meet their ASCII kin.
        assert_eq!(k("Zelensky’s").stem, k("Zelensky").stem);
        assert_eq!(k("Éclairs").stem, hash_of(&stem("éclairs")));
    }

    #[test]
    fn short_words_agree_with_the_general_stemmer() {
        let endings = [
            "s", "es", "ies", "ed", "ing", "ly", "ss", "'s", "s'", "'", ".", "y", "g", "d", "x",
            "sing", "led", "ies's", "ed.", "S", "IES", "Ing",
        ];
        for prefix in ["", "a", "ab", "abc", "abcd", "abcde", "Bcdef"] {
            for ending in endings {
                let word = format!("{prefix}{ending}");
                if word.len() > 8 {
                    continue;
                }
                let lower = word.to_lowercase();
                let key = k(&word);
                assert_eq!(key.stem, hash_of(&stem(&lower)), "{word}");
                assert_eq!(key.lower, hash_of(&lower), "{word}");
                assert_eq!(key.spelled, hash_of(&word), "{word}");
                assert_eq!(key.flags, lexicon(hash_of(&lower)), "{word}");
            }
        }
        for word in ["the", "The", "would", "people", "said", "He"] {
            assert_eq!(
                k(word).flags,
                lexicon(hash_of(&word.to_lowercase())),
                "{word}"
            );
        }
    }

    #[test]
    fn chunked_hashes_agree_with_the_general_one() {
        let text = "Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLM";
        for n in 0..=SHORT_WORD {
            let mut buffer = [0u8; PADDED];
            buffer.copy_from_slice(&text.as_bytes()[..PADDED]);
            // Bytes past the length are read and must not count.
            assert_eq!(
                hash_at(&buffer, 0, n),
                hash_bytes(&text.as_bytes()[..n]),
                "{n}"
            );
            let word = &text[..n];
            assert_eq!(k(word).lower, hash_of(&word.to_lowercase()), "{n}");
        }
        assert_ne!(hash_of("a"), hash_of("a\0"));
        assert_ne!(hash_of("abcdefgh"), hash_of("abcdefgh\0"));
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
    fn the_lexicon_finds_every_word_it_holds_and_nothing_else() {
        for (words, bit) in [
            (STOP_WORDS, flag::STOP),
            (WEAK, flag::WEAK),
            (FORWARD_WORDS, flag::FORWARD),
            (BACKWARD_WORDS, flag::BACKWARD),
            (PRONOUNS, flag::PRONOUN),
            (SAYING_VERBS, flag::SAYING),
            (PAST_FRAMES, flag::PAST_FRAME),
            (PAST_FRAMED, flag::PAST_FRAMED),
        ] {
            for word in words {
                assert_ne!(lexicon(hash_of(word)) & bit, 0, "{word}");
            }
        }
        for word in ["kremlin", "ceasefire", "talks", "", "zzz"] {
            assert_eq!(lexicon(hash_of(word)), 0, "{word}");
        }
    }

    #[test]
    fn word_classes_come_from_the_lexicon_in_any_case() {
        for &(word, class) in WORD_CLASSES {
            assert_eq!(word_class(word), Some(class), "{word}");
            assert_eq!(word_class(&word.to_uppercase()), Some(class), "{word}");
            assert_eq!(class_of(k(word).flags), Some(class), "{word}");
        }
        assert!(WORD_CLASSES
            .iter()
            .all(|(w, _)| w.len() <= MAX_CLASSED_WORD));
        for word in [
            "minister",
            "an-unusually-long-hyphenated-word",
            "éclair",
            "",
            "said's",
        ] {
            assert_eq!(word_class(word), None, "{word}");
        }
    }

    #[test]
    fn stop_and_weak_words() {
        assert!(k("The").stop && k("would").stop && !k("Kremlin").stop);
        assert!(k("according").weak && k("ox").weak && !k("barrier").weak);
        assert!(k("CNN's").weak && k("Reuters’s").weak && !k("Putin's").weak);
        assert!(WEAK_OUTLETS.iter().all(|o| WEAK.contains(o)));
    }
}
