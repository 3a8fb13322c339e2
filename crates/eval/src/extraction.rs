//! Main-text extraction scores, computed exactly as `peers/extract_eval.py` does.
//!
//! Two rules, both on plain strings:
//!
//! - **Shingle F1** (scrapinghub's article-extraction-benchmark): tokens are the
//!   `\w+` runs of Python's `re` (Unicode letters, digits and numerals, `_`; case
//!   kept); a document's items are its overlapping word n-grams (4 in the benchmark,
//!   1 for bag-of-words) counted as a multiset. Per document TP/FP/FN are normalised
//!   by their sum so each document weighs the same; precision is averaged over
//!   documents with TP+FP > 0, recall over those with TP+FN > 0, and F1 is the
//!   harmonic mean of the two averages.
//! - **Snippets** (trafilatura's `tests/comparison.py`): each "with" snippet found
//!   verbatim in the output is a TP (else FN), each "without" snippet found is an FP
//!   (else TN); counts are summed over documents.

use std::collections::HashMap;

use unicode_general_category::{get_general_category, GeneralCategory as Gc};

/// Whether Python's `re` counts `c` as a word character (`\w` on `str`):
/// `str.isalnum()` (letter categories L*, or a numeric character) or `_`.
/// Rust's `char::is_alphanumeric` differs: it also admits combining marks that
/// Unicode calls alphabetic, which Python does not.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    matches!(
        get_general_category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
            | Gc::DecimalNumber
            | Gc::LetterNumber
            | Gc::OtherNumber
    )
}

/// The `\w+` tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The multiset of word `n`-grams. A text shorter than `n` tokens gives one shorter
/// shingle; an empty text gives none.
fn shingles<'a>(toks: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], u32> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let n = n.max(1);
    if toks.len() < n {
        out.insert(toks, 1);
        return out;
    }
    for w in toks.windows(n) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// One document's shingle overlap, normalised so that `tp + fp + fn_ == 1`
/// (all zero when both texts are empty).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DocCounts {
    /// Shingles in both (multiset minimum).
    pub tp: f64,
    /// Shingles predicted beyond the gold count.
    pub fp: f64,
    /// Gold shingles missing from the prediction.
    pub fn_: f64,
}

impl DocCounts {
    /// Per-document precision: 1 when nothing is wrong, 0 when nothing is right.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Per-document recall: 1 when nothing is wrong, 0 when nothing is found.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// Scores one prediction against its gold text on word `n`-gram shingles.
pub fn shingle_counts(gold: &str, pred: &str, n: usize) -> DocCounts {
    let (gt, pt) = (tokens(gold), tokens(pred));
    let (g, p) = (shingles(&gt, n), shingles(&pt, n));
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &a) in &g {
        let b = p.get(k).copied().unwrap_or(0);
        tp += u64::from(a.min(b));
        fn_ += u64::from(a.saturating_sub(b));
        fp += u64::from(b.saturating_sub(a));
    }
    for (k, &b) in &p {
        if !g.contains_key(k) {
            fp += u64::from(b);
        }
    }
    let s = (tp + fp + fn_) as f64;
    if s == 0.0 {
        return DocCounts::default();
    }
    DocCounts {
        tp: tp as f64 / s,
        fp: fp as f64 / s,
        fn_: fn_ as f64 / s,
    }
}

/// Averaged precision and recall and the F1 of the two.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Mean precision over documents with a non-empty prediction.
    pub precision: f64,
    /// Mean recall over documents with a non-empty gold.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
}

/// Aggregates per-document counts the benchmark's way (F1 of the averages).
pub fn aggregate(rows: &[DocCounts]) -> Prf {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let precision = mean(
        rows.iter()
            .filter(|r| r.tp + r.fp > 0.0)
            .map(DocCounts::precision)
            .collect(),
    );
    let recall = mean(
        rows.iter()
            .filter(|r| r.tp + r.fn_ > 0.0)
            .map(DocCounts::recall)
            .collect(),
    );
    Prf {
        precision,
        recall,
        f1: harmonic(precision, recall),
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Snippet outcomes for one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SnippetCounts {
    /// "with" snippets found.
    pub tp: usize,
    /// "with" snippets missing.
    pub fn_: usize,
    /// "without" snippets found.
    pub fp: usize,
    /// "without" snippets absent.
    pub tn: usize,
}

impl SnippetCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, other: SnippetCounts) {
        self.tp += other.tp;
        self.fn_ += other.fn_;
        self.fp += other.fp;
        self.tn += other.tn;
    }

    /// Precision, recall and F1 of the summed counts.
    pub fn prf(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let precision = ratio(self.tp, self.tp + self.fp);
        let recall = ratio(self.tp, self.tp + self.fn_);
        Prf {
            precision,
            recall,
            f1: harmonic(precision, recall),
        }
    }

    /// Share of snippets judged right (found "with" plus absent "without").
    pub fn accuracy(&self) -> f64 {
        let all = self.tp + self.fn_ + self.fp + self.tn;
        if all == 0 {
            0.0
        } else {
            (self.tp + self.tn) as f64 / all as f64
        }
    }
}

/// Applies trafilatura's snippet rule to one extracted text.
pub fn snippet_counts<S: AsRef<str>>(with: &[S], without: &[S], pred: &str) -> SnippetCounts {
    let tp = with.iter().filter(|s| pred.contains(s.as_ref())).count();
    let fp = without.iter().filter(|s| pred.contains(s.as_ref())).count();
    SnippetCounts {
        tp,
        fn_: with.len() - tp,
        fp,
        tn: without.len() - fp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_follow_python_word_rule() {
        assert_eq!(
            tokens("It's 4:30 — naïve_x, 北京 ①!"),
            ["It", "s", "4", "30", "naïve_x", "北京", "①"]
        );
        // U+0301 (combining acute) is alphabetic to Rust but not `\w` to Python.
        assert_eq!(tokens("cafe\u{301} x"), ["cafe", "x"]);
        assert!(tokens(" ,.; ").is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let c = shingle_counts("a b c d e", "a b c d e", 4);
        assert_eq!(
            c,
            DocCounts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        assert_eq!((c.precision(), c.recall()), (1.0, 1.0));
    }

    #[test]
    fn partial_overlap_by_hand() {
        // gold 4-grams: abcd bcde cdef; pred: abcd bcde cdex dexy.
        // tp=2, fp=2, fn=1 → normalised by 5.
        let c = shingle_counts("a b c d e f", "a b c d e x y", 4);
        assert!(close(c.tp, 0.4) && close(c.fp, 0.4) && close(c.fn_, 0.2));
        assert!(close(c.precision(), 0.5));
        assert!(close(c.recall(), 2.0 / 3.0));
    }

    #[test]
    fn multisets_count_repeats() {
        // gold unigrams {a:3, b:1}; pred {a:1, b:2}: tp=2, fp=1, fn=2.
        let c = shingle_counts("a a a b", "a b b", 1);
        assert!(close(c.tp, 0.4) && close(c.fp, 0.2) && close(c.fn_, 0.4));
    }

    #[test]
    fn short_texts_give_one_short_shingle() {
        let c = shingle_counts("two words", "two words", 4);
        assert_eq!(c.tp, 1.0);
        let c = shingle_counts("two words", "two", 4);
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.5, 0.5));
        assert_eq!(shingle_counts("", "", 4), DocCounts::default());
    }

    #[test]
    fn aggregate_skips_empty_sides() {
        let rows = [
            shingle_counts("a b c d e", "a b c d e", 4), // P 1, R 1
            shingle_counts("a b c d e", "", 4),          // no P; R 0
            shingle_counts("a b c d e f", "a b c d e x y", 4), // P .5, R 2/3
        ];
        let m = aggregate(&rows);
        assert!(close(m.precision, 0.75));
        assert!(close(m.recall, (1.0 + 0.0 + 2.0 / 3.0) / 3.0));
        let f = 2.0 * m.precision * m.recall / (m.precision + m.recall);
        assert!(close(m.f1, f));
        assert_eq!(aggregate(&[]), Prf::default());
    }

    #[test]
    fn snippet_rule() {
        let pred = "The council met on Monday. Subscribe now!";
        let c = snippet_counts(
            &["council met", "on Tuesday"],
            &["Subscribe now", "Cookie policy"],
            pred,
        );
        assert_eq!(
            c,
            SnippetCounts {
                tp: 1,
                fn_: 1,
                fp: 1,
                tn: 1
            }
        );
        let m = c.prf();
        assert!(close(m.precision, 0.5) && close(m.recall, 0.5) && close(m.f1, 0.5));
        assert!(close(c.accuracy(), 0.5));
    }
}
