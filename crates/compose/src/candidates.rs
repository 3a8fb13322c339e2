//! Which sentences may appear in a brief, and their comparable word forms.

use std::collections::{HashMap, HashSet};

use brief_core::{Article, Document, Span, TokenKind};
use brief_understand::words::{is_stop_word, stem};

use crate::trim::trim;

/// A sentence that may appear in the brief.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Index of the source sentence in the document.
    pub sentence: usize,
    /// The trimmed span to show.
    pub span: Span,
    /// Paragraph index of the source sentence.
    pub paragraph: usize,
    /// Index of the last subhead before it, if any.
    pub under_heading: Option<usize>,
    /// Content-word ids (stemmed, stop words out), sorted and deduplicated.
    pub terms: Vec<u32>,
    /// Content words in order, as (term id, token span); `None` marks a break
    /// (stop word, punctuation, number) that a phrase may not cross.
    pub sequence: Vec<Option<(u32, Span)>>,
    /// Number of word tokens.
    pub words: usize,
    /// Share of its words inside quotation marks.
    pub quoted: f32,
    /// Ends with a question mark.
    pub question: bool,
}

/// Phrases that mark a whole sentence as page furniture, not reporting.
const BOILERPLATE: &[&str] = &[
    "published:",
    "updated:",
    "last updated",
    "scroll down",
    "click here",
    "follow us",
    "follow @",
    "sign up",
    "subscribe",
    "all rights reserved",
    "copyright",
    "read more",
    "newsletter",
    "click to",
    "share this",
    "e-mail to a friend",
    "this article",
    "related:",
    "advertisement",
    "getty images",
    "photo:",
    "image:",
    "watch:",
    "video:",
];

const MIN_WORDS: usize = 4;

/// Collects candidate sentences with their term ids (ids are per article).
pub fn collect(article: &Article, doc: &Document) -> Vec<Candidate> {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut heading = None;
    let mut out = Vec::new();
    // Articles repeat sentences (pull quotes, syndication glitches): show each once.
    let mut seen: HashSet<String> = HashSet::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if sentence.is_heading {
            heading = Some(index);
            continue;
        }
        let Some(span) = trim(article, sentence) else {
            continue;
        };
        let lower = article.slice(span).to_lowercase();
        if BOILERPLATE.iter().any(|b| lower.contains(b)) {
            continue;
        }
        let normalized: String = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        if !seen.insert(normalized) {
            continue;
        }
        let mut terms = Vec::new();
        let mut sequence = Vec::new();
        let mut words = 0;
        let mut quoted_words = 0;
        let mut in_quote = false;
        for tok in sentence
            .tokens
            .iter()
            .filter(|t| t.span.start >= span.start)
        {
            match tok.kind {
                TokenKind::Quote => {
                    sequence.push(None);
                    let q = article.slice(tok.span);
                    // Apostrophes inside words are tokens of their own only when detached.
                    if q != "'" && q != "’" {
                        in_quote = !in_quote;
                    }
                }
                TokenKind::Word | TokenKind::Number => {
                    words += 1;
                    if in_quote {
                        quoted_words += 1;
                    }
                    let w = article.slice(tok.span).to_lowercase();
                    if tok.kind == TokenKind::Word && !is_stop_word(&w) && w.chars().count() > 1 {
                        let next = vocabulary.len() as u32;
                        let id = *vocabulary.entry(stem(&w)).or_insert(next);
                        terms.push(id);
                        sequence.push(Some((id, tok.span)));
                    } else {
                        sequence.push(None);
                    }
                }
                TokenKind::Punct => sequence.push(None),
            }
        }
        if words < MIN_WORDS {
            continue;
        }
        terms.sort_unstable();
        terms.dedup();
        out.push(Candidate {
            sentence: index,
            span,
            paragraph: sentence.paragraph,
            under_heading: heading,
            terms,
            sequence,
            words,
            quoted: quoted_words as f32 / words as f32,
            question: lower.trim_end_matches(['"', '”', '\'', '’']).ends_with('?'),
        });
    }
    out
}

/// Cosine similarity of two sorted term sets.
pub fn similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / ((a.len() * b.len()) as f32).sqrt()
}
