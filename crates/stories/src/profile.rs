//! What an article is about, as weighted terms: the input to story assignment.

use brief_core::{Article, Document, EntityKind, TokenKind};
use brief_understand::entities;
use brief_understand::words::{is_stop_word, lowercase_into, stem};
use rustc_hash::FxHashMap;

use crate::sketch::Sketch;
use brief_understand::dates::day_number;

/// A term key: the hash of a word stem, a name or a number, its [`Channel`] in
/// the low two bits.
pub type Term = u64;

/// The kinds of term, compared separately: two reports of one event share their
/// actors (names), their figures (numbers) and their vocabulary (words); two
/// similar events share mostly vocabulary. Each channel counts the same in a
/// comparison, so names are not drowned by the many more words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Word stems.
    Word = 0,
    /// Canonical entity names.
    Name = 1,
    /// Numbers ("81st" is a word; "2013", "7.2" are numbers).
    Number = 2,
}

/// Channels a term can be in.
pub const CHANNELS: usize = 3;

impl Channel {
    /// The channel of a term.
    pub fn of(term: Term) -> usize {
        (term & 3) as usize
    }
}

/// The headline and lede say what the event is.
const LEDE_WEIGHT: f32 = 2.0;
/// Sentences counted as the lede (after the title line).
const LEDE_SENTENCES: usize = 3;
/// People named this early (sentence index) lead the article even if named once.
const LEADING_PERSON_SENTENCES: usize = 4;
/// Leading people kept; more would blur the conflict between two events.
const LEADING_PERSONS: usize = 2;
/// People kept per article for comparisons.
const PERSONS: usize = 16;

fn term(channel: Channel, key: &str) -> Term {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in key.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h & !3) | channel as u64
}

/// The people an article is about, by surname hash: two reports of one event
/// lead with the same people, two similar events (two arrests, two climbing
/// accidents) with different ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Persons {
    /// The most mentioned people (named twice or early), most mentioned first.
    pub leading: Vec<u64>,
    /// Every person named, sorted.
    pub all: Vec<u64>,
}

impl Persons {
    /// Whether two articles lead with the same person, lead with people the
    /// other never names, or neither (one names no one, or the leads are merely
    /// mentioned in the other).
    pub fn relation(&self, other: &Persons) -> PersonRelation {
        if self.leading.is_empty() || other.leading.is_empty() {
            return PersonRelation::Unknown;
        }
        if self.leading.iter().any(|p| other.leading.contains(p)) {
            return PersonRelation::Shared;
        }
        let named_in = |p: &u64, persons: &Persons| persons.all.binary_search(p).is_ok();
        if self.leading.iter().any(|p| named_in(p, other))
            || other.leading.iter().any(|p| named_in(p, self))
        {
            PersonRelation::Unknown
        } else {
            PersonRelation::Conflict
        }
    }
}

/// How two articles' leading people relate (see [`Persons::relation`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonRelation {
    /// They lead with a common person.
    Shared,
    /// Each leads with people the other does not name at all.
    Conflict,
    /// Nothing can be said.
    Unknown,
}

/// An article's terms, time and near-duplicate sketch.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Weighted terms, sorted by term, each once.
    pub terms: Vec<(Term, f32)>,
    /// The people it is about.
    pub persons: Persons,
    /// Day number of publication, when the article gives a date.
    pub day: Option<i32>,
    /// For near-duplicate detection.
    pub sketch: Sketch,
    /// The canonical names of the people, organisations, places and other
    /// entities it names, each once, with their CoNLL type (PER, ORG, LOC, MISC).
    pub names: Vec<(String, &'static str)>,
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
            let weight = if in_lede { LEDE_WEIGHT } else { 1.0 };
            for token in &sentence.tokens {
                let word = &text[token.span.start..token.span.end];
                let channel = match token.kind {
                    TokenKind::Number => Channel::Number,
                    TokenKind::Word => Channel::Word,
                    _ => continue,
                };
                lowercase_into(word, &mut lower);
                if channel == Channel::Word && (lower.len() < 3 || is_stop_word(&lower)) {
                    continue;
                }
                let key = match channel {
                    Channel::Word => stem(&lower),
                    _ => lower.as_str().into(),
                };
                *weights.entry(term(channel, &key)).or_default() += weight;
            }
        }
        let mentions = entities::recognize(text, doc);
        let mut names = Vec::new();
        // (mentions, first sentence, surname) of each person.
        let mut people: Vec<(usize, usize, u64)> = Vec::new();
        for entity in entities::link(text, doc, &mentions) {
            let name = &text[entity.canonical.start..entity.canonical.end];
            names.push((name.to_string(), entity.kind.conll()));
            if entity.kind == EntityKind::Person {
                let first = entity.mentions.iter().map(|m| m.start).min().unwrap_or(0);
                let sentence = doc
                    .sentences
                    .iter()
                    .position(|s| s.span.end > first)
                    .unwrap_or(0);
                people.push((entity.mentions.len(), sentence, surname(name)));
            }
            if entity.kind == EntityKind::Misc && entity.mentions.len() < 2 {
                continue;
            }
            lowercase_into(name, &mut lower);
            *weights.entry(term(Channel::Name, &lower)).or_default() +=
                entity.mentions.len() as f32;
        }
        let mut terms: Vec<(Term, f32)> = weights.into_iter().collect();
        terms.sort_unstable_by_key(|&(t, _)| t);
        Profile {
            terms,
            persons: persons(people),
            day: article.published.as_deref().and_then(day_number),
            sketch: Sketch::of_text(text),
            names,
        }
    }
}

/// The hash of a person's surname: the last word of the name, lowercased,
/// without a possessive.
fn surname(name: &str) -> u64 {
    let last = name.split_whitespace().last().unwrap_or(name);
    let last = last
        .strip_suffix("'s")
        .or_else(|| last.strip_suffix("’s"))
        .unwrap_or(last);
    term(Channel::Name, &last.to_lowercase())
}

fn persons(mut people: Vec<(usize, usize, u64)>) -> Persons {
    // Most mentioned first, then the earliest named.
    people.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let leading = people
        .iter()
        .take(LEADING_PERSONS)
        .filter(|&&(mentions, sentence, _)| mentions >= 2 || sentence < LEADING_PERSON_SENTENCES)
        .map(|&(_, _, p)| p)
        .collect();
    let mut all: Vec<u64> = people.iter().take(PERSONS).map(|&(_, _, p)| p).collect();
    all.sort_unstable();
    all.dedup();
    Persons { leading, all }
}
