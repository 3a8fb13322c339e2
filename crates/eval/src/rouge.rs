//! ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum exactly as Google's `rouge-score`
//! package (0.1.2) computes them, so brief's numbers can be compared with
//! published ones.
//!
//! Tokenization follows `rouge_score.tokenize`: lowercase, every character
//! outside `[a-z0-9]` separates tokens (so non-ASCII letters vanish), and with
//! stemming on, tokens longer than three characters go through NLTK's Porter
//! stemmer ([`crate::porter`]). ROUGE-Lsum treats each `\n`-separated line as a
//! sentence and counts summary-level union-LCS hits the way rouge-score does.
//!
//! Scoring works on integer token ids; the [`Scorer`] interns every distinct
//! raw token once, so each word is stemmed once over a whole corpus.

use std::collections::HashMap;

use crate::porter;

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

impl Prf {
    /// `hits` matched units out of `predicted` and `reference` units, with
    /// rouge-score's F-measure (0 when precision and recall are both 0).
    fn from_counts(hits: usize, predicted: usize, reference: usize) -> Self {
        // Callers guarantee non-zero denominators; the float expressions mirror
        // Python's operation order so results agree to the last bit.
        let precision = hits as f64 / predicted as f64;
        let recall = hits as f64 / reference as f64;
        let fmeasure = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            fmeasure,
        }
    }
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

/// Tokenizes `text` as rouge-score's default tokenizer does, stemming tokens
/// longer than three characters when `stem` is set.
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    let mut tokens = Vec::new();
    for_each_raw_token(text, &mut String::new(), |raw| {
        let token = if stem && raw.len() > 3 {
            porter::stem(raw)
        } else {
            raw.to_owned()
        };
        // rouge-score drops whatever is not a non-empty [a-z0-9]+ after stemming.
        if !token.is_empty() {
            tokens.push(token);
        }
    });
    tokens
}

/// Calls `emit` with each maximal run of `[a-z0-9]` in the lowercased text,
/// using `buf` as scratch space.
fn for_each_raw_token(text: &str, buf: &mut String, mut emit: impl FnMut(&str)) {
    buf.clear();
    let mut flush = |buf: &mut String| {
        if !buf.is_empty() {
            emit(buf);
            buf.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
            } else {
                flush(buf);
            }
        } else {
            // Python lowercases before filtering, and a few non-ASCII letters
            // lowercase to ASCII ('K' KELVIN SIGN -> 'k', 'İ' -> 'i' + U+0307).
            for lower in c.to_lowercase() {
                if lower.is_ascii_alphanumeric() {
                    buf.push(lower);
                } else {
                    flush(buf);
                }
            }
        }
    }
    flush(buf);
}

/// Scores predictions against references; caches stems across calls.
#[derive(Debug, Default)]
pub struct Scorer {
    use_stemmer: bool,
    /// Raw lowercase token -> id of the form it is scored as (its stem).
    token_ids: HashMap<String, u32>,
    /// Scored form -> id, so words sharing a stem share an id.
    form_ids: HashMap<String, u32>,
    /// Reused buffer for tokenizing.
    token_buf: String,
    /// Reused dynamic-programming table for LCS backtracking.
    lcs_table: Vec<u32>,
}

impl Scorer {
    /// A scorer; `use_stemmer` as in `rouge_scorer.RougeScorer(..., use_stemmer=...)`.
    pub fn new(use_stemmer: bool) -> Self {
        Scorer {
            use_stemmer,
            ..Scorer::default()
        }
    }

    /// Scores `prediction` against `target`; sentences are separated by newlines.
    pub fn score(&mut self, target: &str, prediction: &str) -> RougeScores {
        let target_sentences = self.sentences(target);
        let prediction_sentences = self.sentences(prediction);
        let target_tokens = target_sentences.concat();
        let prediction_tokens = prediction_sentences.concat();

        let target_unigrams = sorted_ngrams(&target_tokens, 1);
        let prediction_unigrams = sorted_ngrams(&prediction_tokens, 1);
        let rouge1 = ngram_prf(&target_unigrams, &prediction_unigrams);
        let rouge2 = ngram_prf(
            &sorted_ngrams(&target_tokens, 2),
            &sorted_ngrams(&prediction_tokens, 2),
        );

        let rouge_l = if target_tokens.is_empty() || prediction_tokens.is_empty() {
            Prf::default()
        } else {
            let lcs = lcs_length(&target_tokens, &prediction_tokens);
            Prf::from_counts(lcs, prediction_tokens.len(), target_tokens.len())
        };

        let rouge_lsum = if target_tokens.is_empty() || prediction_tokens.is_empty() {
            Prf::default()
        } else {
            let hits = self.summary_lcs_hits(
                &target_sentences,
                &prediction_sentences,
                &prediction_unigrams,
            );
            Prf::from_counts(hits, prediction_tokens.len(), target_tokens.len())
        };

        RougeScores {
            rouge1,
            rouge2,
            rouge_l,
            rouge_lsum,
        }
    }

    /// Token ids of each `\n`-separated line, as rouge-score splits for Lsum.
    /// The concatenation equals the tokens of the whole text, since a newline
    /// separates tokens anyway.
    fn sentences(&mut self, text: &str) -> Vec<Vec<u32>> {
        let mut buf = std::mem::take(&mut self.token_buf);
        let sentences = text
            .split('\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let mut ids = Vec::new();
                for_each_raw_token(line, &mut buf, |raw| ids.push(self.token_id(raw)));
                ids
            })
            .collect();
        self.token_buf = buf;
        sentences
    }

    /// Interns `raw`, stemming it on first sight only.
    fn token_id(&mut self, raw: &str) -> u32 {
        if let Some(&id) = self.token_ids.get(raw) {
            return id;
        }
        let form = if self.use_stemmer && raw.len() > 3 {
            porter::stem(raw)
        } else {
            raw.to_owned()
        };
        let next = u32::try_from(self.form_ids.len()).unwrap_or(u32::MAX);
        let id = *self.form_ids.entry(form).or_insert(next);
        self.token_ids.insert(raw.to_owned(), id);
        id
    }

    /// rouge-score's `_summary_level_lcs` hit count: for each reference
    /// sentence, the union of one LCS with every predicted sentence, with each
    /// token counted at most as often as it occurs on both sides.
    fn summary_lcs_hits(
        &mut self,
        target_sentences: &[Vec<u32>],
        prediction_sentences: &[Vec<u32>],
        prediction_unigrams: &[u64],
    ) -> usize {
        let mut union_tokens = Vec::new();
        let mut in_union = Vec::new();
        for reference in target_sentences {
            in_union.clear();
            in_union.resize(reference.len(), false);
            for candidate in prediction_sentences {
                self.mark_lcs(reference, candidate, &mut in_union);
            }
            union_tokens.extend(
                reference
                    .iter()
                    .zip(&in_union)
                    .filter(|&(_, &marked)| marked)
                    .map(|(&token, _)| u64::from(token)),
            );
        }
        // rouge-score decrements per-token counters of both texts on each hit.
        // Union tokens never outnumber a token's reference occurrences, so the
        // hits per token are min(union count, prediction count): a multiset
        // intersection, independent of the order rouge-score visits them in.
        union_tokens.sort_unstable();
        multiset_overlap(&union_tokens, prediction_unigrams)
    }

    /// Marks in `in_union` the reference positions of the one LCS that
    /// rouge-score's `_backtrack_norec` reads out; which LCS is chosen matters
    /// for the union, so the tie-breaking is the same.
    fn mark_lcs(&mut self, reference: &[u32], candidate: &[u32], in_union: &mut [bool]) {
        if reference.is_empty() || candidate.is_empty() {
            return;
        }
        let cols = candidate.len() + 1;
        let table = &mut self.lcs_table;
        table.clear();
        table.resize((reference.len() + 1) * cols, 0);
        for (i, &r) in reference.iter().enumerate() {
            for (j, &c) in candidate.iter().enumerate() {
                table[(i + 1) * cols + j + 1] = if r == c {
                    table[i * cols + j] + 1
                } else {
                    table[i * cols + j + 1].max(table[(i + 1) * cols + j])
                };
            }
        }
        let (mut i, mut j) = (reference.len(), candidate.len());
        while i > 0 && j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                in_union[i - 1] = true;
                i -= 1;
                j -= 1;
            } else if table[i * cols + j - 1] > table[(i - 1) * cols + j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
    }
}

/// The n-grams of `tokens` (n is 1 or 2) packed into sortable keys, sorted.
fn sorted_ngrams(tokens: &[u32], n: usize) -> Vec<u64> {
    let mut keys: Vec<u64> = tokens
        .windows(n)
        .map(|gram| gram.iter().fold(0, |key, &t| (key << 32) | u64::from(t)))
        .collect();
    keys.sort_unstable();
    keys
}

/// Size of the multiset intersection of two sorted sequences.
fn multiset_overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
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
    common
}

/// rouge-score's `_score_ngrams`: empty sides count as one n-gram so the
/// scores come out as 0 rather than NaN.
fn ngram_prf(target: &[u64], prediction: &[u64]) -> Prf {
    let hits = multiset_overlap(target, prediction);
    Prf::from_counts(hits, prediction.len().max(1), target.len().max(1))
}

/// Length of the longest common subsequence, in one rolling row.
fn lcs_length(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
    }

    #[test]
    fn unigram_and_bigram_overlap() {
        let scores = Scorer::new(true).score("the cat sat", "the cat ran");
        close(scores.rouge1.fmeasure, 2.0 / 3.0);
        close(scores.rouge2.precision, 0.5);
        close(scores.rouge2.fmeasure, 0.5);
        close(scores.rouge_l.fmeasure, 2.0 / 3.0);
    }

    #[test]
    fn lcs_is_order_sensitive_but_unigrams_are_not() {
        // LCS of "a b c d" and "d c b a" is 1 token; all 4 unigrams match.
        let scores = Scorer::new(false).score("a b c d", "d c b a");
        close(scores.rouge1.fmeasure, 1.0);
        close(scores.rouge2.fmeasure, 0.0);
        close(scores.rouge_l.fmeasure, 0.25);
    }

    #[test]
    fn summary_lcs_takes_union_over_candidate_sentences() {
        // Reference "a b c d" against candidates "a b" and "c d": the union
        // of the two LCSs covers all 4 reference tokens; ROUGE-L over the
        // joined text is also 4, but Lsum must not double count "a".
        let scores = Scorer::new(false).score("a b c d", "a b\nc d\na");
        close(scores.rouge_lsum.recall, 1.0);
        close(scores.rouge_lsum.precision, 4.0 / 5.0);
    }

    #[test]
    fn empty_sides_score_zero() {
        let mut scorer = Scorer::new(true);
        assert_eq!(scorer.score("", "some words"), RougeScores::default());
        assert_eq!(
            scorer.score("some words", "!!! ..."),
            RougeScores::default()
        );
        assert_eq!(scorer.score("\n\n", "\n"), RougeScores::default());
    }

    #[test]
    fn tokenizer_drops_non_ascii_and_stems_long_tokens() {
        assert_eq!(
            tokenize("The runners' café ran—quickly, 42 times!", true),
            ["the", "runner", "caf", "ran", "quickli", "42", "time"]
        );
        assert_eq!(tokenize("İSTANBUL", false), ["i", "stanbul"]);
    }
}
