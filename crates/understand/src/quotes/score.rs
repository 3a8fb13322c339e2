//! The scorer: how likely a statement the rules propose is an attribution with the content
//! they give it. A logistic regression over a few dozen features of the cue, its frame, its
//! neighbours, its speaker and its content (hashed strings such as `cue=said`, `prev=the`,
//! `kind=postposed`), trained on PolNeAR train by `examples/train_quote_scorer.rs`, whose
//! output is `score_weights.rs`.
//!
//! The rules propose generously (every cue the lexicon knows, in every frame that fits); the
//! scorer keeps the statements above [`THRESHOLD`], where F1 in cross-validation on train,
//! averaged over neighbouring thresholds, peaks. Where a statement has several readings (`bounds.rs`), a second,
//! log-linear model over the same kind of features ([`boundary`]) picks the one the scorer
//! weighs.

use std::sync::LazyLock;

use brief_core::{Span, TokenKind};
use rustc_hash::FxHashMap;

use super::reported::{Frame, BE_FORMS};
use super::score_weights::{BOUNDS, WEIGHTS};
use super::{cues, Sent, AUXILIARIES};

pub use super::score_weights::THRESHOLD;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step.
#[inline]
fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// FNV-1a, 64 bits: a stable hash for feature names (the weights table is keyed by it).
pub(super) fn hash(name: &str) -> u64 {
    name.bytes().fold(FNV_OFFSET, fnv)
}

/// Collects hashed features.
pub(super) struct Features {
    pub keys: Vec<u64>,
}

impl Features {
    pub(super) fn new() -> Self {
        let mut f = Features {
            keys: Vec::with_capacity(32),
        };
        f.add("bias", "");
        f
    }

    /// Adds the feature `name=first-value`, as [`Features::add`] would with the two joined
    /// by a dash, without joining them.
    pub(super) fn add2(&mut self, name: &str, first: &str, value: &str) {
        let mut h = fnv(hash(name), b'=');
        for b in first.bytes() {
            h = fnv(h, b.to_ascii_lowercase());
        }
        self.push(fnv(h, b'-'), value);
    }

    /// Adds the feature `name=value`, the value lower-cased: the [`hash`] of that
    /// string, taken as it would be written, without writing it.
    pub(super) fn add(&mut self, name: &str, value: &str) {
        let h = fnv(hash(name), b'=');
        self.push(h, value);
    }

    /// Hashes the lower-cased `value` on from `h` and adds the result.
    fn push(&mut self, mut h: u64, value: &str) {
        if value.is_ascii() {
            for b in value.bytes() {
                h = fnv(h, b.to_ascii_lowercase());
            }
        } else {
            let mut utf8 = [0u8; 4];
            for c in value.chars().flat_map(char::to_lowercase) {
                h = c.encode_utf8(&mut utf8).bytes().fold(h, fnv);
            }
        }
        self.keys.push(h);
    }
}

/// A small number as a feature value, without formatting it (0 to 12).
pub(super) fn number(n: usize) -> &'static str {
    const NUMBERS: [&str; 13] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    ];
    NUMBERS[n.min(12)]
}

/// The class of a token: punctuation, quote, number, capitalised or lower-case word.
fn class(s: &Sent, i: usize) -> &'static str {
    match s.toks.get(i).map(|t| t.kind) {
        None => "none",
        Some(TokenKind::Punct) => "punct",
        Some(TokenKind::Quote) => "quote",
        Some(TokenKind::Number) => "number",
        Some(TokenKind::Word) if s.is_capitalized(i) => "cap",
        Some(TokenKind::Word) => "lower",
    }
}

/// Features of a statement's context in its sentence: the cue (head at token `c`), its
/// neighbours, its frame and its speaker.
pub(super) fn context(s: &Sent, c: usize, frame: &Frame, heading: bool) -> Features {
    let mut f = Features::new();
    let head = s.word(c);
    let lower = head.to_lowercase();
    f.add("kind", frame.kind.name());
    f.add("cue", &lower);
    f.add2("cue-kind", &lower, frame.kind.name());
    let prior = cues::prior(&lower).unwrap_or(1.0);
    f.add("prior", number((prior * 10.0) as usize));
    let start = frame.cue.0;
    f.add("aux", number((c - start).min(2)));
    let passive = (start..c).any(|i| BE_FORMS.has(s, i)) && lower.ends_with("ed");
    if passive {
        f.add("passive", "");
    }
    let prev = start.checked_sub(1);
    let next = c + 1;
    f.add("prev", prev.map_or("^", |p| s.word(p)));

    f.add("next", if next < s.len() { s.word(next) } else { "$" });
    f.add("prevc", prev.map_or("none", |p| class(s, p)));
    f.add("nextc", class(s, next));
    f.add(
        "suffix",
        lower
            .char_indices()
            .rev()
            .nth(2)
            .map_or(lower.as_str(), |(i, _)| &lower[i..]),
    );
    if s.is_capitalized(c) {
        f.add("capcue", "");
    }
    if start > 0 && AUXILIARIES.has(s, start) {
        f.add("auxword", s.word(start));
    }
    let position = if c < 2 {
        "start"
    } else if c + 3 >= s.len() {
        "end"
    } else {
        "middle"
    };
    f.add("pos", position);
    if heading {
        f.add("heading", "");
    }
    if s.toks.iter().any(|t| t.kind == TokenKind::Quote) {
        f.add("sentquote", "");
    }
    match frame.speaker {
        None => f.add("spk", "none"),
        Some(sp) => {
            let words = s.text[sp.start..sp.end].split_whitespace().count();
            let first = s.toks.iter().position(|t| t.span.start == sp.start);
            let kind = match first {
                Some(i) if super::speaker::PRONOUNS.has(s, i) => "pronoun",
                Some(i) if s.is_word_eq(i, "who") || s.is_word_eq(i, "which") => "relative",
                Some(i) if s.is_capitalized(i) => "cap",
                _ => "lower",
            };
            f.add("spk", kind);
            f.add("spklen", number(words.min(5)));
            // The speaker's last word, its head as a rule: "polls show" and "a study found"
            // are attributions less often than "officials say".
            let last = s
                .toks
                .iter()
                .rposition(|t| t.span.end <= sp.end && t.kind == TokenKind::Word);
            f.add("spkhead", last.map_or("", |i| s.word(i)));

            if sp.start >= s.toks[c].span.end {
                f.add("spkafter", "");
            }
        }
    }
    f
}

/// What the content features count over a content: words (as `split_whitespace` counts
/// them), and whether a quotation mark or a line break is inside.
#[derive(Clone, Copy, Default)]
pub(super) struct Counts {
    words: usize,
    quote: bool,
    newline: bool,
    space: bool,
}

impl Counts {
    /// Counts of an empty content, to be extended.
    pub(super) fn new() -> Self {
        Counts {
            space: true,
            ..Counts::default()
        }
    }

    /// Extends the counts over `part`, the text that follows what they cover.
    pub(super) fn extend(&mut self, part: &str) {
        if part.is_ascii() {
            // Branch-free over the bytes. `char::is_whitespace` on ASCII: space, and tab to
            // carriage return.
            let (mut words, mut space, mut quote, mut newline) =
                (self.words, self.space, false, false);
            for &b in part.as_bytes() {
                let white = (b == b' ') | (b.wrapping_sub(b'\t') < 5);
                words += usize::from(!white & space);
                space = white;
                quote |= b == b'"';
                newline |= b == b'\n';
            }
            self.words = words;
            self.space = space;
            self.quote |= quote;
            self.newline |= newline;
            return;
        }
        for c in part.chars() {
            let white = c.is_whitespace();
            if !white && self.space {
                self.words += 1;
            }
            self.space = white;
            self.quote |= matches!(c, '"' | '“' | '”');
            self.newline |= c == '\n';
        }
    }
}

/// Adds the features of the statement's content, once its extent is final.
pub(super) fn content(
    text: &str,
    content: Span,
    direct: bool,
    kind: &str,
    cue: &str,
    f: &mut Features,
) {
    let body = content.get(text).unwrap_or_default();
    let mut counts = Counts::new();
    counts.extend(body);
    content_counted(body, counts, direct, kind, cue, f);
}

/// [`content`] with the counts over `body` done.
pub(super) fn content_counted(
    body: &str,
    counts: Counts,
    direct: bool,
    kind: &str,
    cue: &str,
    f: &mut Features,
) {
    let bucket = ((counts.words as f64 + 1.0).log2() * 2.0) as u32;
    f.add("clen", number(bucket.min(12) as usize));
    f.add("direct", if direct { "1" } else { "0" });
    // How the content opens: "that", a pronoun, a determiner, a quote.
    let first = body
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    f.add("cstart", first);
    // With the cue: "said" wants a clause ("said the …", "said he …"), "supported" or
    // "talked about" an object ("supported Sanders"), and the first word tells them apart.
    f.add2("cue-cstart", cue, first);
    f.add2("kind-direct", kind, if direct { "true" } else { "false" });
    if counts.quote {
        f.add("quoteinside", "");
    }
    if counts.newline {
        f.add("paragraphs", "");
    }
}

/// A weights table in a hash map: asked for every feature of every candidate, where a
/// binary search of the sorted table would miss the cache at most of its steps.
type Table = FxHashMap<u64, i32>;

fn table(rows: &[(u64, i32)]) -> Table {
    rows.iter().copied().collect()
}

static KEEPING: LazyLock<Table> = LazyLock::new(|| table(WEIGHTS));
static BOUNDARY: LazyLock<Table> = LazyLock::new(|| table(BOUNDS));

/// The sum of the weights of `keys` in a table.
fn dot(table: &Table, keys: &[u64]) -> f64 {
    keys.iter()
        .filter_map(|k| table.get(k))
        .map(|&w| f64::from(w) / 10_000.0)
        .sum()
}

/// The log-odds the keeping weights give these features (a part of them: their share).
pub(super) fn logit(keys: &[u64]) -> f64 {
    dot(&KEEPING, keys)
}

/// The probability that a statement with these features is an attribution as PolNeAR marks
/// them.
pub fn probability(keys: &[u64]) -> f64 {
    1.0 / (1.0 + (-logit(keys)).exp())
}

/// How well a reading of a statement places its content's end, against the other readings of
/// the same statement (a log-linear score: only differences within a group mean anything).
pub fn boundary(keys: &[u64]) -> f64 {
    dot(&BOUNDARY, keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_sorted_with_each_feature_once() {
        assert!(WEIGHTS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(BOUNDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn hash_is_fnv1a() {
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_feature_is_the_hash_of_its_lower_cased_name() {
        let mut f = Features::new();
        f.add("cue", "Said");
        f.add("prev", "ÉLYSÉE");
        f.add("spk", "");
        assert_eq!(
            f.keys,
            [
                hash("bias="),
                hash("cue=said"),
                hash("prev=élysée"),
                hash("spk=")
            ]
        );
    }
}
