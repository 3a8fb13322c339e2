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
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// A sorted list of lower-case words, tested against tokens in any case.
pub(crate) struct WordList(pub &'static [&'static str]);

impl WordList {
    /// True when token `i` of `s` is one of the words.
    pub fn has(&self, s: &Sent, i: usize) -> bool {
        s.is_word(i) && self.contains(s.word(i))
    }

    pub fn contains(&self, word: &str) -> bool {
        // Lower-case short words once into a buffer, so the search compares plain
        // strings (this runs on every token of every article).
        let mut buffer = [0u8; 32];
        let lower = match buffer.get_mut(..word.len()) {
            Some(slot) if word.is_ascii() => {
                for (d, s) in slot.iter_mut().zip(word.bytes()) {
                    *d = s.to_ascii_lowercase();
                }
                std::str::from_utf8(slot).unwrap_or(word)
            }
            _ => {
                return self
                    .0
                    .binary_search_by(|w| {
                        w.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase()))
                    })
                    .is_ok()
            }
        };
        self.0.binary_search(&lower).is_ok()
    }
}
