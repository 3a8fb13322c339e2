//! What was worked out from a word, kept by its exact spelling from article to article.
//!
//! Most tokens of any article are words earlier articles used ("the", "said", "police"):
//! what depends on a word's spelling alone (its term key, its tagger features, what the
//! heading rules ask of it) is worked out once for many articles rather than once per token.
//! Not for anything that depends on where a word stands.

use brief_core::Span;

use crate::chunk::{load, HIGH_BITS};

/// One step of the slot hash: a chunk mixed in and multiplied by the golden ratio's odd
/// constant.
#[inline]
fn mix(hash: u64, chunk: u64) -> u64 {
    (hash.rotate_left(23) ^ chunk).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Slots of a [`SpellingCache`]: a power of two. News text across many articles has some
/// tens of thousands of word forms, a few thousand of them most of its tokens.
const CACHE_SLOTS: usize = 1 << 14;
/// Longest word a [`SpellingCache`] keeps, in bytes: two chunks.
const CACHED_WORD: usize = 16;

/// One word a [`SpellingCache`] holds: its bytes as two zero-padded chunks, its length (0
/// for an empty slot) and what was worked out from it.
#[derive(Clone, Copy)]
struct Cached<T> {
    chunks: [u64; 2],
    len: usize,
    value: T,
}

/// What was worked out from the short ASCII words seen last, by spelling, kept from article
/// to article: most tokens of any article are words other articles used ("the", "said",
/// "police"), so a word's facts are worked out once for many articles rather than once per
/// token. Direct-mapped (a word evicts the one in its slot), so it never grows; exact, as a
/// slot is matched by the word's bytes, so a value is the same whether it came from here or
/// was worked out anew.
pub struct SpellingCache<T> {
    slots: Vec<Cached<T>>,
}

impl<T: Copy + Default> Default for SpellingCache<T> {
    fn default() -> Self {
        let empty = Cached {
            chunks: [0; 2],
            len: 0,
            value: T::default(),
        };
        SpellingCache {
            slots: vec![empty; CACHE_SLOTS],
        }
    }
}

impl<T: Copy> SpellingCache<T> {
    /// What `work` makes of the word `text[span]`, from the cache when the word is there.
    #[inline]
    pub fn get(&mut self, text: &str, span: Span, work: impl FnOnce() -> T) -> T {
        let n = span.len();
        if n == 0 || n > CACHED_WORD {
            return work();
        }
        let bytes = text.as_bytes();
        let first = load(bytes, span.start, n);
        let second = if n > 8 {
            load(bytes, span.start + 8, n - 8)
        } else {
            0
        };
        if (first | second) & HIGH_BITS != 0 {
            return work();
        }
        let hash = mix(mix(n as u64, first), second);
        let slot = &mut self.slots[(hash >> (64 - CACHE_SLOTS.trailing_zeros())) as usize];
        if slot.len == n && slot.chunks == [first, second] {
            return slot.value;
        }
        let value = work();
        *slot = Cached {
            chunks: [first, second],
            len: n,
            value,
        };
        value
    }
}
