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
//! - `Name: STATEMENT` (headlines; in a transcript, a label opening a paragraph takes the
//!   whole paragraph),
//!
//! and `speaker.rs` finds the speaker phrase. The rules propose generously. A clause after its
//! cue may end sooner than the rules end it (before ", which …", a conjunction, a dash, a
//! preposition: `bounds.rs`); a log-linear model picks each statement's reading, and a
//! logistic regression, both trained on PolNeAR train (`score.rs`), keeps the statements
//! likely to be attributions as PolNeAR marks them. A quote that follows an attributed quote
//! with no attribution of its own continues it (`"…," she said. "…"`), as in PolNeAR, where
//! such a statement is one content. Content spans are PolNeAR's: the whole reported clause with its
//! "that", partial quotes included (`that the deal was "a disaster" for workers`).
//!
//! It is *not* coreference: a pronoun speaker keeps its span and its own word as its
//! canonical name; [`resolve_pronouns`] names it after a person once the article's entities
//! are linked (`pronouns.rs`).

mod bare;
pub(crate) use bare::SAYING;
mod bounds;
mod cue_table;
mod cues;
mod direct;
mod pronouns;
mod reported;
mod score;
mod score_weights;
mod speaker;

pub use direct::straight_mark_opens;
pub(crate) use pronouns::first_name_is_female;
pub use pronouns::resolve_pronouns;
pub use score::{boundary, probability, THRESHOLD};

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
    let text = article.text.as_str();
    let mut quotes = Vec::new();
    let mut cue = String::new();
    let mut reading = score::Features { keys: Vec::new() };
    let mut counts: Vec<score::Counts> = Vec::new();
    let threshold = (THRESHOLD / (1.0 - THRESHOLD)).ln();
    let quoted = direct::quoted(text, doc);
    for mut f in found(text, doc, &quoted) {
        // Hopeless on its context alone: no reading's content would keep it.
        let z_context = score::logit(&f.features.keys);
        if z_context < threshold - SKIP_MARGIN {
            continue;
        }
        cue_word(text, &f, &mut cue);
        let mut cuts = bounds::cuts(text, doc, &f);
        let kind = f.kind.name();
        let full = f.quote.content;
        let body = full.get(text).unwrap_or_default();
        // The counts over each reading, in one pass: the readings share their start.
        counts.clear();
        let mut running = score::Counts::new();
        let mut at = full.start;
        for cut in &cuts {
            running.extend(&text[at..cut.content.end]);
            at = cut.content.end;
            counts.push(running);
        }
        running.extend(&text[at..full.end]);
        let context = f.features.keys.len();
        bounds::features(&mut f.features, &cue, kind, None, cuts.len());
        score::content_counted(body, running, f.quote.direct, kind, &cue, &mut f.features);
        let z = z_context + score::logit(&f.features.keys[context..]);
        // The reading the boundary model prefers (the longest on a tie), for a statement
        // whose full reading is not far from being kept: only the features that differ
        // between readings count.
        let mut best: Option<usize> = None;
        if !cuts.is_empty() && z >= threshold - CUT_MARGIN {
            bounds::describe(text, doc, &f, &mut cuts);
            let mut top = boundary(&f.features.keys[context..]);
            for (k, cut) in cuts.iter().enumerate().rev() {
                reading.keys.clear();
                bounds::features(&mut reading, &cue, kind, Some(cut), cuts.len());
                let part = cut.content.get(text).unwrap_or_default();
                score::content_counted(part, counts[k], false, kind, &cue, &mut reading);
                let s = boundary(&reading.keys);
                if s > top {
                    (top, best) = (s, Some(k));
                }
            }
        }
        let z = match best {
            None => z,
            Some(k) => {
                f.features.keys.truncate(context);
                f.features.keys.extend_from_slice(&reading_keys(
                    text,
                    &cuts[k],
                    &cue,
                    kind,
                    cuts.len(),
                    counts[k],
                ));
                f.quote.content = cuts[k].content;
                z_context + score::logit(&f.features.keys[context..])
            }
        };
        if z >= threshold {
            quotes.push(f.quote);
        }
    }
    bare::add(text, &quoted, &mut quotes);
    quotes.sort_by_key(|q| (q.content.start, q.content.end));
    quotes.dedup_by(|a, b| a.content == b.content);
    quotes
}

/// The features of a shorter reading (those of the cut and of its content).
fn reading_keys(
    text: &str,
    cut: &bounds::Cut,
    cue: &str,
    kind: &str,
    cuts: usize,
    counts: score::Counts,
) -> Vec<u64> {
    let mut f = score::Features { keys: Vec::new() };
    bounds::features(&mut f, cue, kind, Some(cut), cuts);
    let part = cut.content.get(text).unwrap_or_default();
    score::content_counted(part, counts, false, kind, cue, &mut f);
    f.keys
}

/// How far below the threshold (in log-odds) a statement's full reading may score for its
/// shorter readings to be weighed: none of them gains that much in train.
const CUT_MARGIN: f64 = 3.0;

/// How far below the threshold (in log-odds) a statement's context may score and still be
/// weighed with its content: the most the content and boundary features add in train
/// (statements below never reach the threshold there).
const SKIP_MARGIN: f64 = 3.0;

/// The statements the frame rules find, in text order of their content, one per content.
fn found(text: &str, doc: &Document, quoted: &[direct::Quoted]) -> Vec<reported::Found> {
    let mut found: Vec<reported::Found> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let s = Sent {
            text,
            toks: &sentence.tokens,
        };
        reported::in_sentence(&s, index, doc, quoted, &mut found);
    }
    reported::continue_quotes(doc, quoted, &mut found);
    found.sort_by_key(|f| (f.quote.content.start, f.quote.content.end));
    found.dedup_by(|a, b| a.quote.content == b.quote.content);
    found
}

/// Spans in order of start, each with the furthest end reached by it and those before:
/// whether one of them covers or overlaps a span is a binary search, not a scan.
pub(super) struct Reach {
    /// (start, furthest end so far), by start.
    steps: Vec<(usize, usize)>,
}

impl Reach {
    pub(super) fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut steps: Vec<(usize, usize)> = spans.map(|s| (s.start, s.end)).collect();
        steps.sort_unstable();
        let mut furthest = 0;
        for step in &mut steps {
            furthest = furthest.max(step.1);
            step.1 = furthest;
        }
        Reach { steps }
    }

    /// The furthest end of the spans that start before `at` (0 when none does).
    pub(super) fn end_before(&self, at: usize) -> usize {
        let k = self.steps.partition_point(|&(start, _)| start < at);
        k.checked_sub(1).map_or(0, |k| self.steps[k].1)
    }
}

/// The last word of a statement's cue, lower-cased, into `out`.
fn cue_word(text: &str, f: &reported::Found, out: &mut String) {
    let word = f
        .quote
        .cue
        .and_then(|c| text[c.start..c.end].split_whitespace().last())
        .unwrap_or("");
    crate::words::lowercase_into(word, out);
}

/// Which candidates to keep: of each group (the readings of one statement), the one whose
/// `boundary` score is highest (the longest on a tie), when its `probability` reaches
/// `threshold`. Both are asked by candidate index, `probability` only for the chosen.
pub fn choose(
    candidates: &[Candidate],
    boundary: impl Fn(usize) -> f64,
    probability: impl Fn(usize) -> f64,
    threshold: f64,
) -> Vec<bool> {
    let groups = candidates.iter().map(|c| c.group + 1).max().unwrap_or(0);
    let mut best: Vec<Option<(usize, f64)>> = vec![None; groups];
    for (i, c) in candidates.iter().enumerate() {
        let score = boundary(i);
        let slot = &mut best[c.group];
        let better = slot.is_none_or(|(j, b)| {
            score > b || (score == b && c.quote.content.len() > candidates[j].quote.content.len())
        });
        if better {
            *slot = Some((i, score));
        }
    }
    let mut keep = vec![false; candidates.len()];
    for (i, _) in best.into_iter().flatten() {
        keep[i] = probability(i) >= threshold;
    }
    keep
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
    /// The statement it is a reading of: candidates of one group differ only in where their
    /// content ends, and [`find`] keeps at most one of them.
    pub group: usize,
}

/// Every statement the rules propose, in text order of their content, unscored.
pub fn candidates(article: &Article, doc: &Document) -> Vec<Candidate> {
    let text = article.text.as_str();
    let found = found(text, doc, &direct::quoted(text, doc));
    let mut out = Vec::with_capacity(found.len());
    for (group, mut f) in found.into_iter().enumerate() {
        let mut cuts = bounds::cuts(text, doc, &f);
        bounds::describe(text, doc, &f, &mut cuts);
        let mut cue = String::new();
        cue_word(text, &f, &mut cue);
        for cut in &cuts {
            let mut features = score::Features {
                keys: f.features.keys.clone(),
            };
            let mut quote = f.quote.clone();
            quote.content = cut.content;
            bounds::features(&mut features, &cue, f.kind.name(), Some(cut), cuts.len());
            score::content(text, cut.content, false, f.kind.name(), &cue, &mut features);
            out.push(Candidate {
                quote,
                features: features.keys,
                group,
            });
        }
        bounds::features(&mut f.features, &cue, f.kind.name(), None, cuts.len());
        score::content(
            text,
            f.quote.content,
            f.quote.direct,
            f.kind.name(),
            &cue,
            &mut f.features,
        );
        out.push(Candidate {
            quote: f.quote,
            features: f.features.keys,
            group,
        });
    }
    out.sort_by_key(|c| (c.quote.content.start, c.quote.content.end));
    out
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

/// Auxiliaries and adverbs that sit between a speaker and the cue's verb ("has long argued",
/// "would later say"); they belong to the cue.
pub(crate) const AUXILIARIES: WordList = WordList::new(&[
    "again", "already", "also", "am", "are", "be", "been", "being", "can", "could", "did", "do",
    "does", "even", "first", "had", "has", "have", "having", "is", "just", "later", "long", "may",
    "might", "must", "never", "not", "now", "often", "once", "only", "should", "since", "still",
    "then", "was", "were", "will", "would",
]);

/// Words of a time or place adverbial after a cue ("said on Tuesday", "said last week").
const TIME_WORDS: WordList = WordList::new(&[
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
    s.is_word(i)
        && {
            let w = s.word(i);
            w.len() > 4 && w.ends_with("ly") && !s.is_capitalized(i)
        }
        && !LY_NON_ADVERBS.has(s, i)
}

/// Words in "-ly" that are no adverbs: before a cue they end the speaker's phrase ("a
/// spokesman for the Pettit family confirmed"), they do not modify the cue.
const LY_NON_ADVERBS: WordList = WordList::new(&[
    "anomaly", "apply", "assembly", "belly", "bully", "comply", "family", "folly", "homily",
    "imply", "jelly", "monopoly", "multiply", "rally", "reply", "supply",
]);

#[cfg(test)]
mod tests;
