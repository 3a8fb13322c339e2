//! Composing a brief from an understood article: rank, pick, trim, group, head.
//!
//! [`compose`] takes an [`Article`] and its [`Document`] and returns a [`Brief`]:
//! the key takeaways (the highest-ranked sentences, redundancy removed) and headed
//! sections in story order (an opening section, themed sections, a closing "What
//! Comes Next" when the article looks ahead). Every output sentence is a source
//! sentence or a contiguous trimmed part of one ([`trim`]), with its provenance;
//! headings are the only generated text and are built from their section's words.
//! [`validate`] checks that invariant and every stage test runs it.
//!
//! It is *not* for reading input or rendering output (Markdown, HTML, JSON live in
//! the binary), and it never invents a word.

mod candidates;
mod heading;
mod rank;
mod sections;
pub mod trim;
mod validate;

pub use validate::{validate, words_in_order, Unfaithful};

use brief_core::{Article, Brief, BriefSentence, Document, Provenance};

pub use candidates::Candidate;

/// What to compose.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Number of key takeaways; `None` chooses 3–6 from the article's length.
    pub takeaways: Option<usize>,
}

/// Composes the brief of one article.
pub fn compose(article: &Article, doc: &Document, options: &Options) -> Brief {
    let collected = candidates::collect(article, doc);
    let scores = rank::score(&collected);
    let df = collected.df;
    let candidates = collected.list;
    let count = options
        .takeaways
        .unwrap_or_else(|| adaptive_takeaways(candidates.len()));
    let takeaways = rank::select(&candidates, &scores, count);
    let sections = sections::build(article, doc, &candidates, &df, &scores, &takeaways);
    Brief {
        id: article.id.clone(),
        title: title(article, &candidates),
        takeaways: takeaways
            .iter()
            .map(|&c| brief_sentence(article, &candidates[c]))
            .collect(),
        sections,
    }
}

/// 3 takeaways for short articles, up to 6 for long ones.
fn adaptive_takeaways(candidates: usize) -> usize {
    match candidates {
        0..=12 => 3,
        13..=25 => 4,
        26..=45 => 5,
        _ => 6,
    }
}

/// `text` with every run of whitespace (line breaks included) made one space.
fn one_line(text: &str) -> String {
    let plain = !text
        .bytes()
        .any(|b| matches!(b, b'\n' | b'\r' | b'\t' | 0x0b | 0x0c) || b >= 0x80)
        && !text.contains("  ");
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn title(article: &Article, candidates: &[Candidate]) -> String {
    if let Some(t) = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return one_line(t);
    }
    candidates
        .first()
        .map(|c| {
            article
                .slice(c.span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| article.id.clone())
}

pub(crate) fn brief_sentence(article: &Article, c: &Candidate) -> BriefSentence {
    BriefSentence {
        text: article
            .slice(c.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        sources: vec![Provenance {
            article: article.id.clone(),
            sentence: c.sentence,
            span: c.span,
        }],
    }
}
