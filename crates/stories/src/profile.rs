//! What an article is about, as weighted terms: the input to story assignment.

use brief_core::{Article, Document, EntityKind, TokenKind};
use brief_understand::entities;
use brief_understand::words::{is_stop_word, lowercase_into, stem};
use rustc_hash::FxHashMap;

use crate::sketch::Sketch;
use brief_understand::dates::day_number;

/// A term key: the hash of a word stem, a name or a number, tagged by its class.
pub type Term = u64;

/// How much more a named entity counts than a word: two reports of one event
/// share their actors and places; two similar events share only vocabulary.
const NAME_WEIGHT: f32 = 3.0;
/// Numbers ("81st", "2013", "7.2") tell similar events apart.
const NUMBER_WEIGHT: f32 = 1.5;
/// The headline and lede say what the event is.
const LEDE_WEIGHT: f32 = 2.0;
/// Sentences counted as the lede (after the title line).
const LEDE_SENTENCES: usize = 3;

/// An article's terms, time and near-duplicate sketch.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Weighted terms, sorted by term, each once.
    pub terms: Vec<(Term, f32)>,
    /// Day number of publication, when the article gives a date.
    pub day: Option<i32>,
    /// For near-duplicate detection.
    pub sketch: Sketch,
    /// The canonical names of the people, organisations, places and other
    /// entities it names, each once, with their CoNLL type (PER, ORG, LOC, MISC).
    pub names: Vec<(String, &'static str)>,
}

#[derive(Clone, Copy)]
enum Class {
    Word = 1,
    Name = 2,
    Number = 3,
}

fn term(class: Class, key: &str) -> Term {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ class as u64;
    for b in key.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Profile {
    /// The profile of an understood article (`doc` is `understand(article)`).
    pub fn new(article: &Article, doc: &Document) -> Profile {
        let text = &article.text;
        let mut weights: FxHashMap<Term, f32> = FxHashMap::default();
        let mut lower = String::new();
        let mut content_sentences = 0usize;
        for sentence in &doc.sentences {
            let in_lede = sentence.is_heading || content_sentences < LEDE_SENTENCES;
            if !sentence.is_heading {
                content_sentences += 1;
            }
            let boost = if in_lede { LEDE_WEIGHT } else { 1.0 };
            for token in &sentence.tokens {
                let word = &text[token.span.start..token.span.end];
                let (class, weight) = match token.kind {
                    TokenKind::Number => (Class::Number, NUMBER_WEIGHT),
                    TokenKind::Word => (Class::Word, 1.0),
                    _ => continue,
                };
                lowercase_into(word, &mut lower);
                if matches!(class, Class::Word) && (lower.len() < 3 || is_stop_word(&lower)) {
                    continue;
                }
                let key = match class {
                    Class::Word => stem(&lower),
                    _ => lower.as_str().into(),
                };
                *weights.entry(term(class, &key)).or_default() += weight * boost;
            }
        }
        let mentions = entities::recognize(text, doc);
        let mut names = Vec::new();
        for entity in entities::link(text, doc, &mentions) {
            let name = &text[entity.canonical.start..entity.canonical.end];
            names.push((name.to_string(), entity.kind.conll()));
            if entity.kind == EntityKind::Misc && entity.mentions.len() < 2 {
                continue;
            }
            lowercase_into(name, &mut lower);
            *weights.entry(term(Class::Name, &lower)).or_default() +=
                NAME_WEIGHT * entity.mentions.len() as f32;
        }
        let mut terms: Vec<(Term, f32)> = weights.into_iter().collect();
        terms.sort_unstable_by_key(|&(t, _)| t);
        Profile {
            terms,
            day: article.published.as_deref().and_then(day_number),
            sketch: Sketch::of_text(text),
            names,
        }
    }
}
