//! Attributed statements: direct quotes and reported speech, with their cue and speaker.
//!
//! [`find`] works sentence by sentence over the [`Document`]'s tokens, with the quoted
//! stretches of the whole text at hand (`direct.rs`: quotes may run over sentences and
//! paragraphs). A statement hangs on a cue: a word of the lexicon learned from PolNeAR train
//! (`cues.rs`, `cue_table.rs`) or "according to". Around each cue, `reported.rs` recognises
//! the frames news prose uses —
//!
//! - `X said (that) CLAUSE`, `X told Y CLAUSE`, `X said: "QUOTE"` (content after the cue),
//! - `CLAUSE, X said.`, `"QUOTE," said X.` (content before it),
//! - `"QUOTE," X said, "MORE."` and `CLAUSE, X said, CLAUSE` (around it),
//! - `according to X, CLAUSE` and `CLAUSE, according to X`,
//! - `…, adding that CLAUSE` and `… and said CLAUSE` (the speaker is the sentence's),
//! - `Name: STATEMENT` (headlines, transcripts),
//!
//! and `speaker.rs` finds the speaker phrase. The rules propose generously; a logistic
//! regression trained on PolNeAR train (`score.rs`) keeps the statements likely to be
//! attributions as PolNeAR marks them. A quote that follows an attributed quote with no
//! attribution of its own continues it (`"…," she said. "…"`), as in PolNeAR, where such a
//! statement is one content. Content spans are PolNeAR's: the whole reported clause, partial
//! quotes included (`the deal was "a disaster" for workers`).
//!
//! It is *not* coreference: a pronoun speaker keeps its span; its canonical name is the
//! nearest preceding speaker with a name, a guess the caller may ignore.

mod cue_table;
mod cues;
mod direct;
mod reported;
mod score;
mod score_weights;
mod speaker;

pub use score::{probability, THRESHOLD};

use brief_core::{Article, Document, Quote, Span, Speaker};

pub(crate) use crate::sent::{Sent, WordList};

/// The attributed statements of an article, in text order of their content.
///
/// ```
/// use brief_core::Article;
/// let article = Article::from_text("a", "\"We will not give up,\" the mayor said on Monday.");
/// let doc = brief_understand::understand(&article);
/// let quotes = brief_understand::quotes::find(&article, &doc);
/// assert_eq!(article.slice(quotes[0].content), "We will not give up,");
/// assert_eq!(quotes[0].speaker.as_ref().map(|s| s.canonical.as_str()), Some("the mayor"));
/// ```
pub fn find(article: &Article, doc: &Document) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = candidates(article, doc)
        .into_iter()
        .filter(|c| probability(&c.features) >= THRESHOLD)
        .map(|c| c.quote)
        .collect();
    name_pronouns(&article.text, &mut quotes);
    quotes
}

/// A statement the rules propose, with the hashed features the scorer weighs. [`find`] keeps
/// the candidates whose [`probability`] reaches [`THRESHOLD`]; the scorer is trained on them
/// (`examples/train_quote_scorer.rs`).
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The statement.
    pub quote: Quote,
    /// Its features, hashed.
    pub features: Vec<u64>,
}

/// Every statement the rules propose, in text order of their content, unscored.
pub fn candidates(article: &Article, doc: &Document) -> Vec<Candidate> {
    let text = article.text.as_str();
    let quoted = direct::quoted(text, doc);
    let mut found: Vec<reported::Found> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let s = Sent {
            text,
            toks: &sentence.tokens,
        };
        reported::in_sentence(&s, index, doc, &quoted, &mut found);
    }
    reported::continue_quotes(doc, &quoted, &mut found);
    found.sort_by_key(|f| (f.quote.content.start, f.quote.content.end));
    found.dedup_by(|a, b| a.quote.content == b.quote.content);
    found
        .into_iter()
        .map(|mut f| {
            score::content(text, &f.quote, f.kind.name(), &mut f.features);
            Candidate {
                quote: f.quote,
                features: f.features.keys,
            }
        })
        .collect()
}

/// A speaker for a span: its words with whitespace collapsed.
fn speaker(text: &str, span: Span) -> Speaker {
    Speaker {
        span,
        canonical: text[span.start..span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Gives a pronoun speaker the canonical name of the nearest preceding speaker that has one,
/// when its number agrees: "he"/"she" take a singular name-like speaker (capitalised, no
/// plural role noun). Spans stay as they are.
fn name_pronouns(text: &str, quotes: &mut [Quote]) {
    let mut last_named: Option<(usize, String)> = None;
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| {
        quotes[i]
            .speaker
            .as_ref()
            .map_or(usize::MAX, |s| s.span.start)
    });
    for i in order {
        let Some(sp) = quotes[i].speaker.as_mut() else {
            continue;
        };
        let words = &text[sp.span.start..sp.span.end];
        let lower = words.to_ascii_lowercase();
        if lower == "he" || lower == "she" {
            if let Some((_, name)) = &last_named {
                sp.canonical.clone_from(name);
            }
        } else if words
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with('s'))
        {
            last_named = Some((sp.span.start, sp.canonical.clone()));
        }
    }
}

/// Auxiliaries and adverbs that sit between a speaker and the cue's verb ("has long argued",
/// "would later say"); they belong to the cue.
pub(crate) const AUXILIARIES: WordList = WordList(&[
    "again", "already", "also", "am", "are", "be", "been", "being", "can", "could", "did", "do",
    "does", "even", "first", "had", "has", "have", "having", "is", "just", "later", "long", "may",
    "might", "must", "never", "not", "now", "often", "once", "only", "should", "since", "still",
    "then", "was", "were", "will", "would",
]);

/// Words of a time or place adverbial after a cue ("said on Tuesday", "said last week").
const TIME_WORDS: WordList = WordList(&[
    "afterward",
    "afterwards",
    "ago",
    "at",
    "during",
    "earlier",
    "friday",
    "in",
    "last",
    "later",
    "monday",
    "night",
    "on",
    "saturday",
    "sunday",
    "this",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "when",
    "while",
    "yesterday",
]);

/// True for a word that starts or makes up a time or place adverbial.
pub(crate) fn is_time_word(s: &Sent, i: usize) -> bool {
    TIME_WORDS.has(s, i)
}

/// True for an adverb in "-ly" ("repeatedly", "publicly"): part of a cue, like an auxiliary.
pub(crate) fn is_ly_adverb(s: &Sent, i: usize) -> bool {
    s.is_word(i) && {
        let w = s.word(i);
        w.len() > 4 && w.ends_with("ly") && !s.is_capitalized(i)
    }
}

#[cfg(test)]
mod tests;
