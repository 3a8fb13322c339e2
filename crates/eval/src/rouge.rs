//! ROUGE scoring compatible with Google's `rouge-score` package.
//!
//! Placeholder with the final interface; the implementation lands with the
//! NLTK-compatible Porter stemmer.

/// Precision, recall and F-measure of one ROUGE variant.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Matched / predicted.
    pub precision: f64,
    /// Matched / reference.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub fmeasure: f64,
}

/// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of one prediction.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RougeScores {
    /// Unigram overlap.
    pub rouge1: Prf,
    /// Bigram overlap.
    pub rouge2: Prf,
    /// Longest common subsequence over the whole text.
    pub rouge_l: Prf,
    /// Summary-level LCS over newline-separated sentences.
    pub rouge_lsum: Prf,
}

/// Scores predictions against references; caches stems across calls.
#[derive(Debug, Default)]
pub struct Scorer {
    use_stemmer: bool,
}

impl Scorer {
    /// A scorer; `use_stemmer` as in `rouge_scorer.RougeScorer(..., use_stemmer=...)`.
    pub fn new(use_stemmer: bool) -> Self {
        Scorer { use_stemmer }
    }

    /// Scores `prediction` against `target`; sentences are separated by newlines.
    pub fn score(&mut self, target: &str, prediction: &str) -> RougeScores {
        let _ = (self.use_stemmer, target, prediction);
        RougeScores::default()
    }
}
