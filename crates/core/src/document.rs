//! The understand stage's output: an article cut into sentences and tokens.

use crate::Span;

/// The kind of a token, decided from its characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes, hyphens or periods: "don't", "U.S.").
    Word,
    /// Digits, possibly with separators: "14,000", "3.5", "2024".
    Number,
    /// A quotation mark of any style.
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token sits in the article text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence sits in the article text (no surrounding whitespace).
    pub span: Span,
    /// Its tokens, in order, each inside `span`.
    pub tokens: Vec<Token>,
    /// Index of the paragraph (block separated by a blank line or a line break) it belongs to.
    pub paragraph: usize,
    /// True when the sentence is one of the article's subheads.
    pub is_heading: bool,
}

/// An article with its sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Sentences in text order; their spans do not overlap.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Index of the first sentence ending after byte `at`: the one holding `at`, else the
    /// next one (`sentences.len()` past the last). A binary search: sentences are in order.
    pub fn sentence_from(&self, at: usize) -> usize {
        self.sentences.partition_point(|s| s.span.end <= at)
    }
}
