//! Which sentences may appear in a brief, and their comparable word forms.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

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

/// Most sentences one quotation may span before we stop joining them.
const MAX_QUOTE_SENTENCES: usize = 5;

/// Collects candidate sentences with their term ids (ids are per article).
///
/// A quotation that runs over several sentences becomes one candidate, so a
/// brief never shows half a quote with a dangling quotation mark.
pub fn collect(article: &Article, doc: &Document) -> Vec<Candidate> {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut heading = None;
    let mut out = Vec::new();
    // Articles repeat sentences (pull quotes, syndication glitches): show each once.
    let mut seen: HashSet<String> = HashSet::new();
    let mut lower = String::new();
    for group in quote_groups(article, doc) {
        let first = &doc.sentences[group.start];
        if first.is_heading {
            heading = Some(group.start);
            continue;
        }
        let Some(trimmed) = trim(article, first) else {
            continue;
        };
        let span = Span::new(trimmed.start, doc.sentences[group.end - 1].span.end);
        let shown = article.slice(span);
        let folded = shown.to_lowercase();
        let byline = folded.starts_with("by ") && shown.split_whitespace().count() <= 6;
        if byline || BOILERPLATE.iter().any(|b| folded.contains(b)) {
            continue;
        }
        let normalized: String = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        if !seen.insert(normalized) {
            continue;
        }
        let mut terms = Vec::new();
        let mut sequence = Vec::new();
        let mut words = 0;
        let mut quoted_words = 0;
        let mut in_quote = false;
        let tokens = doc.sentences[group.clone()]
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter(|t| t.span.start >= span.start);
        for tok in tokens {
            match tok.kind {
                TokenKind::Quote => {
                    sequence.push(None);
                    let q = article.slice(tok.span);
                    // A detached apostrophe is not a quotation mark.
                    if q != "'" && q != "’" {
                        in_quote = !in_quote;
                    }
                }
                TokenKind::Word | TokenKind::Number => {
                    words += 1;
                    if in_quote {
                        quoted_words += 1;
                    }
                    let word = article.slice(tok.span);
                    lower.clear();
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                    if tok.kind == TokenKind::Word && !is_stop_word(&lower) && lower.len() > 1 {
                        let next = vocabulary.len() as u32;
                        let id = match vocabulary.get(stem(&lower).as_str()) {
                            Some(&id) => id,
                            None => {
                                vocabulary.insert(stem(&lower), next);
                                next
                            }
                        };
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
            sentence: group.start,
            span,
            paragraph: first.paragraph,
            under_heading: heading,
            terms,
            sequence,
            words,
            quoted: quoted_words as f32 / words as f32,
            question: folded
                .trim_end_matches(['"', '”', '\'', '’'])
                .ends_with('?'),
        });
    }
    out
}

/// Runs of sentences that belong together because a quotation spans them.
fn quote_groups(article: &Article, doc: &Document) -> Vec<Range<usize>> {
    let mut groups = Vec::with_capacity(doc.sentences.len());
    let mut i = 0;
    while i < doc.sentences.len() {
        let mut open = leaves_quote_open(article.slice(doc.sentences[i].span), false);
        let mut end = i + 1;
        while open
            && end < doc.sentences.len()
            && end - i < MAX_QUOTE_SENTENCES
            && !doc.sentences[end].is_heading
            && doc.sentences[end].paragraph == doc.sentences[i].paragraph
        {
            open = leaves_quote_open(article.slice(doc.sentences[end].span), true);
            end += 1;
        }
        if open {
            // Never closed within reach: keep the sentences apart.
            end = i + 1;
        }
        groups.push(i..end);
        i = end;
    }
    groups
}

/// Whether a quotation is still open at the end of `text`, given the state at its start.
fn leaves_quote_open(text: &str, mut open: bool) -> bool {
    for c in text.chars() {
        match c {
            '"' => open = !open,
            '“' => open = true,
            '”' => open = false,
            _ => {}
        }
    }
    open
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
