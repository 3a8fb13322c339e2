//! A sentence's tokens seen with the text they point into, and word lists to test them
//! against: the view the rule-based readers (`quotes`, `figures`) share.

use brief_core::{Token, TokenKind};

/// One sentence's tokens with the text they point into: the view the frame rules read.
pub(crate) struct Sent<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl Sent<'_> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i`; empty past the last token, so that rules looking ahead or
    /// behind need no bounds checks of their own.
    pub fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.span.start..t.span.end])
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Quote)
    }

    /// True when token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.word(i) == p)
    }

    /// True when token `i` is the word `w` (lower case), in any case.
    pub fn is_word_eq(&self, i: usize, w: &str) -> bool {
        // Lengths first: most tokens are not the word asked for.
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.span.end - t.span.start == w.len()
                && self.text.as_bytes()[t.span.start..t.span.end].eq_ignore_ascii_case(w.as_bytes())
        })
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// A sorted list of lower-case words, tested against tokens in any case. Most words asked
/// about are in no list: their length and first letter turn them away; the rest are looked up
/// in a small hash table built with the list, at compile time.
pub(crate) struct WordList {
    pub words: &'static [&'static str],
    /// Shortest and longest word, in bytes.
    shortest: usize,
    longest: usize,
    /// Bit `k` for a word opening with the `k`-th letter; bit 63 for one opening otherwise.
    openings: u64,
    /// One plus the index of the word at each slot (by [`slot_of`], then the next free
    /// slot), 0 for a free one.
    slots: [u8; WORD_LIST_SLOTS],
}

/// Slots of a [`WordList`]'s table: a power of two, more than twice the longest list.
const WORD_LIST_SLOTS: usize = 512;

/// The first slot of a word: a hash of its length and its first two and last two bytes in
/// ASCII lower case, which tells listed words apart well enough and costs the same for any
/// word (most words asked about are in no list and land on a free slot).
const fn slot_of(word: &[u8]) -> usize {
    let n = word.len();
    if n == 0 {
        return 0;
    }
    let second = if n > 1 { 1 } else { 0 };
    let key = n as u64
        | (word[0].to_ascii_lowercase() as u64) << 8
        | (word[second].to_ascii_lowercase() as u64) << 16
        | (word[n - 1 - second].to_ascii_lowercase() as u64) << 24
        | (word[n - 1].to_ascii_lowercase() as u64) << 32;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - WORD_LIST_SLOTS.trailing_zeros())) as usize
}

/// True when `a` sorts strictly before `b`, byte by byte (as `str`'s order does).
const fn precedes(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// The [`WordList::openings`] bit of a word's first byte, in lower case.
const fn opening_bit(first: u8) -> u64 {
    let lower = first.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        1 << (lower - b'a')
    } else {
        1 << 63
    }
}

impl WordList {
    /// The list of `words`, which must be sorted (so that none is listed twice) and lower-case
    /// (the table is built from lower-case bytes): a list that is not fails to compile where
    /// it is used as a constant.
    pub const fn new(words: &'static [&'static str]) -> Self {
        // Under half full, and every index fits a slot's byte.
        assert!(
            2 * words.len() < WORD_LIST_SLOTS && words.len() <= u8::MAX as usize,
            "a word list is too long for its table"
        );
        let (mut shortest, mut longest, mut openings) = (usize::MAX, 0, 0);
        let mut slots = [0u8; WORD_LIST_SLOTS];
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            assert!(
                i == 0 || precedes(words[i - 1].as_bytes(), word),
                "a word list is not sorted"
            );
            let mut k = 0;
            while k < word.len() {
                assert!(
                    !word[k].is_ascii_uppercase(),
                    "a word list is not lower-case"
                );
                k += 1;
            }
            if word.len() < shortest {
                shortest = word.len();
            }
            if word.len() > longest {
                longest = word.len();
            }
            if !word.is_empty() {
                openings |= opening_bit(word[0]);
            }
            let mut at = slot_of(word);
            while slots[at] != 0 {
                at = (at + 1) % WORD_LIST_SLOTS;
            }
            slots[at] = (i + 1) as u8;
            i += 1;
        }
        WordList {
            words,
            shortest,
            longest,
            openings,
            slots,
        }
    }

    /// True when token `i` of `s` is one of the words.
    pub fn has(&self, s: &Sent, i: usize) -> bool {
        s.is_word(i) && self.contains(s.word(i))
    }

    pub fn contains(&self, word: &str) -> bool {
        let n = word.len();
        if n < self.shortest
            || n > self.longest
            || (n > 0 && self.openings & opening_bit(word.as_bytes()[0]) == 0)
        {
            return false;
        }
        let bytes = word.as_bytes();
        let mut at = slot_of(bytes);
        loop {
            let Some(k) = usize::from(self.slots[at]).checked_sub(1) else {
                return false;
            };
            let listed = self.words[k].as_bytes();
            if listed.len() == n && listed.eq_ignore_ascii_case(bytes) {
                return true;
            }
            at = (at + 1) % WORD_LIST_SLOTS;
        }
    }
}

/// The index of `word`, compared in ASCII lower case, in `table` sorted by `key`
/// (lower case). Runs on every token of every article: short words are lower-cased
/// once into a buffer and compared byte by byte inline (a call to `memcmp` costs more
/// than comparing a few bytes).
pub(crate) fn find_lower<T>(table: &[T], word: &str, key: impl Fn(&T) -> &str) -> Option<usize> {
    let mut buffer = [0u8; 32];
    let Some(slot) = buffer.get_mut(..word.len()) else {
        return table
            .binary_search_by(|t| {
                key(t)
                    .bytes()
                    .cmp(word.bytes().map(|b| b.to_ascii_lowercase()))
            })
            .ok();
    };
    for (d, s) in slot.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &*slot;
    table
        .binary_search_by(|t| compare(key(t).as_bytes(), lower))
        .ok()
}

/// Lexicographic order of two byte strings, as `Ord` for slices gives it.
#[inline]
fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_list_finds_its_words_in_any_case_and_nothing_else() {
        const LIST: WordList = WordList::new(&["'s", "according", "an", "said", "u.s."]);
        for word in ["'s", "'S", "According", "AN", "said", "U.S."] {
            assert!(LIST.contains(word), "{word}");
        }
        // Too short, too long, an opening no listed word has, a near miss, nothing.
        for word in ["a", "accordingly", "bn", "sad", "saidx", "", "é", "u.s"] {
            assert!(!LIST.contains(word), "{word}");
        }
    }

    #[test]
    fn a_full_table_finds_every_word_and_nothing_else() {
        // As many words as the table takes, many sharing their first slot's neighbourhood.
        let mut words: Vec<String> = (0..WORD_LIST_SLOTS / 2 - 1)
            .map(|i| format!("w{i}x"))
            .collect();
        words.sort();
        let words: &'static [&'static str] = Vec::leak(
            words
                .into_iter()
                .map(|w| &*String::leak(w))
                .collect::<Vec<_>>(),
        );
        let list = WordList::new(words);
        for w in words {
            assert!(list.contains(w) && list.contains(&w.to_uppercase()), "{w}");
            assert!(!list.contains(&format!("{w}y")) && !list.contains(&w[..w.len() - 1]));
        }
    }

    #[test]
    fn words_are_found_in_any_case_and_only_whole() {
        const LIST: WordList = WordList::new(&["according", "said", "says", "told"]);
        for w in ["said", "SAID", "Says", "told"] {
            assert!(LIST.contains(w), "{w}");
        }
        for w in ["sai", "saids", "", "tol", "zebra", "aaa", "Sáid"] {
            assert!(!LIST.contains(w), "{w}");
        }
        let long = "a".repeat(40);
        assert!(!LIST.contains(&long));
        assert_eq!(find_lower(&[("b", 1), ("c", 2)], "C", |t| t.0), Some(1));
    }

    #[test]
    fn word_equality_ignores_case_of_words_only() {
        let text = "He SAID no, said-so";
        let toks = crate::tokenize(text, brief_core::Span::new(0, text.len()));
        let s = Sent { text, toks: &toks };
        assert!(s.is_word_eq(1, "said"));
        assert!(!s.is_word_eq(0, "said") && !s.is_word_eq(9, "said"));
        assert!(!s.is_word_eq(2, "no,"));
    }
}
