//! Clustering scores: B-cubed precision, recall and F1 (as `peers/score_brief.py
//! clusters` computes them) and pairwise precision and recall.
//!
//! Both take one gold label and one predicted label per item, in the same order.

use std::collections::HashMap;
use std::hash::Hash;

/// Scores of a predicted clustering against gold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterScores {
    /// Mean over items of |pred ∩ gold| / |pred| for the item's clusters.
    pub b3_precision: f64,
    /// Mean over items of |pred ∩ gold| / |gold|.
    pub b3_recall: f64,
    /// Harmonic mean of the two.
    pub b3_f1: f64,
    /// Of the item pairs put together, the share gold puts together (1 when none are).
    pub pair_precision: f64,
    /// Of the pairs gold puts together, the share put together.
    pub pair_recall: f64,
    /// Predicted clusters.
    pub predicted: usize,
    /// Gold clusters.
    pub gold: usize,
}

/// Scores `predicted` against `gold` (same length, item i in both).
pub fn score<G: Hash + Eq, P: Hash + Eq>(gold: &[G], predicted: &[P]) -> ClusterScores {
    assert_eq!(gold.len(), predicted.len(), "one label per item in both");
    let n = gold.len();
    let mut gold_size: HashMap<&G, usize> = HashMap::new();
    let mut pred_size: HashMap<&P, usize> = HashMap::new();
    let mut both: HashMap<(&G, &P), usize> = HashMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        *gold_size.entry(g).or_default() += 1;
        *pred_size.entry(p).or_default() += 1;
        *both.entry((g, p)).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (g, p) in gold.iter().zip(predicted) {
        let shared = both[&(g, p)] as f64;
        precision += shared / pred_size[p] as f64;
        recall += shared / gold_size[g] as f64;
    }
    let (b3_precision, b3_recall) = if n == 0 {
        (0.0, 0.0)
    } else {
        (precision / n as f64, recall / n as f64)
    };
    let pairs = |k: usize| (k * k.saturating_sub(1) / 2) as f64;
    let together: f64 = pred_size.values().map(|&k| pairs(k)).sum();
    let gold_together: f64 = gold_size.values().map(|&k| pairs(k)).sum();
    let correct: f64 = both.values().map(|&k| pairs(k)).sum();
    ClusterScores {
        b3_precision,
        b3_recall,
        b3_f1: if b3_precision + b3_recall > 0.0 {
            2.0 * b3_precision * b3_recall / (b3_precision + b3_recall)
        } else {
            0.0
        },
        pair_precision: if together > 0.0 {
            correct / together
        } else {
            1.0
        },
        pair_recall: if gold_together > 0.0 {
            correct / gold_together
        } else {
            1.0
        },
        predicted: pred_size.len(),
        gold: gold_size.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_clustering_scores_one() {
        let s = score(&["a", "a", "b"], &[7, 7, 9]);
        assert_eq!((s.b3_f1, s.pair_precision, s.pair_recall), (1.0, 1.0, 1.0));
        assert_eq!((s.predicted, s.gold), (2, 2));
    }

    #[test]
    fn matches_hand_computed_b_cubed() {
        // gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}.
        let s = score(&[0, 0, 0, 1, 1], &[0, 0, 1, 1, 1]);
        // Precision: items 1,2: 2/2; item 3: 1/3; items 4,5: 2/3 → (2 + 1/3 + 4/3)/5.
        assert!((s.b3_precision - (2.0 + 1.0 / 3.0 + 4.0 / 3.0) / 5.0).abs() < 1e-12);
        // Recall: items 1,2: 2/3; item 3: 1/3; items 4,5: 2/2 → (4/3 + 1/3 + 2)/5.
        assert!((s.b3_recall - (4.0 / 3.0 + 1.0 / 3.0 + 2.0) / 5.0).abs() < 1e-12);
        // Pairs put together: (1,2) (3,4) (3,5) (4,5); correct (1,2) (4,5).
        assert!((s.pair_precision - 0.5).abs() < 1e-12);
        // Gold pairs: (1,2) (1,3) (2,3) (4,5); found 2.
        assert!((s.pair_recall - 0.5).abs() < 1e-12);
    }

    #[test]
    fn all_singletons_have_full_precision_and_low_recall() {
        let s = score(&[0, 0, 0, 0], &[1, 2, 3, 4]);
        assert_eq!(s.b3_precision, 1.0);
        assert!((s.b3_recall - 0.25).abs() < 1e-12);
        assert_eq!(s.pair_recall, 0.0);
    }
}
