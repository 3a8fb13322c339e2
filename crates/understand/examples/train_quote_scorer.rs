//! Trains the quote scorer on PolNeAR train and prints `src/quotes/score_weights.rs`:
//!
//! ```sh
//! cargo run --release -p brief-understand --example train_quote_scorer -- ../shared/data \
//!     > crates/understand/src/quotes/score_weights.rs
//! ```
//!
//! Every candidate statement of every train document (`quotes::candidates`: each reading of
//! each statement the rules find) is labelled by whether its content matches a statement of
//! the document's first annotation as the scorer of `brief eval quotes` matches them (overlap
//! of at least half the longer span). Two models are fitted by stochastic gradient descent in
//! a fixed order (deterministic: same data, same bytes), on features seen at least
//! `MIN_COUNT` times: the boundary model, log-linear over the readings of each statement
//! (the target: the reading that fits the gold statement of its cue best), and the keeping
//! model, a logistic regression over the readings the boundary model chooses. The threshold
//! is where F1 over five-fold cross-validation on train (documents split by index), averaged
//! over neighbouring thresholds, peaks, so it is chosen on predictions for documents the
//! model did not see. On stderr: how often, out of fold, the boundary model picks a
//! reading that matches (of the groups with several readings and one that matches), and the
//! CV content P/R/F1. Dev and held-out data are never read.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use brief_core::Article;
use brief_eval::attribution::{parse_ann, Attribution, Counts, Predicted};
use brief_understand::{quotes, understand};

/// Features seen fewer times than this in train get no weight.
const MIN_COUNT: usize = 3;
const EPOCHS: usize = 12;
/// The keeping model's first step, divided by the epoch's number after. Five-fold CV F1 on
/// train with the boundary model at 0.1: 66.6 at 0.1, 66.8 at 0.05, 66.9 at 0.03.
const LEARNING_RATE: f64 = 0.05;
/// The boundary model's (at 0.05: 66.4; at 0.15: 66.9; at 0.2: 66.8).
const BOUNDS_LEARNING_RATE: f64 = 0.1;
/// L2 penalty per update.
const L2: f64 = 1e-5;
const FOLDS: usize = 5;
/// The thresholds tried, in hundredths.
const THRESHOLD_STEPS: (u32, u32) = (10, 70);
/// The threshold is chosen where the CV F1 curve, averaged over this many steps on either
/// side, peaks: the raw curve is flat near its top, and its single highest point moved by a
/// step from one retraining to the next on changes that made no difference to the data
/// (each step moves dev F1 by about 0.2).
const SMOOTHING: usize = 2;
/// Weights smaller than this (in ten-thousandths) are left out of the tables: they change
/// no decision and cost a lookup each.
const MIN_WEIGHT: i32 = 100;

struct Doc {
    /// Candidates: character-offset spans for the scorer's matching, features, label.
    candidates: Vec<(Predicted, Vec<u64>, bool)>,
    /// The candidates as `quotes::candidates` gives them (their groups), features dropped.
    groups: Vec<quotes::Candidate>,
    /// How well each candidate's content fits the gold statement it fits best: the shared
    /// characters over the longer span's.
    fit: Vec<f64>,
    gold: Vec<Attribution>,
}

/// The index of the point where the F1 curve averaged over [`SMOOTHING`] steps on either side
/// peaks (the first such point on a tie).
fn smoothed_peak(curve: &[(f64, Counts)]) -> usize {
    let smoothed = |i: usize| {
        let window = &curve[i.saturating_sub(SMOOTHING)..(i + SMOOTHING + 1).min(curve.len())];
        window.iter().map(|(_, c)| c.f1()).sum::<f64>() / window.len() as f64
    };
    (0..curve.len()).fold(0, |best, i| {
        if smoothed(i) > smoothed(best) {
            i
        } else {
            best
        }
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data".into()),
    );
    let docs = load(&root)?;
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for d in &docs {
        for (_, features, _) in &d.candidates {
            for k in features {
                *counts.entry(*k).or_default() += 1;
            }
        }
    }
    let kept = |k: &u64| counts.get(k).is_some_and(|&n| n >= MIN_COUNT);

    // Out-of-fold probabilities for every candidate, to choose the threshold.
    let mut oof: Vec<Vec<f64>> = docs.iter().map(|d| vec![0.0; d.candidates.len()]).collect();
    let mut oof_bounds: Vec<Vec<f64>> = oof.clone();
    for fold in 0..FOLDS {
        let train: Vec<&Doc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, d)| d)
            .collect();
        let b = fit_bounds(&train, &kept);
        let w = fit(&train, &kept, &b);
        for (i, d) in docs.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            for (j, (_, features, _)) in d.candidates.iter().enumerate() {
                oof[i][j] = sigmoid(dot(&w, features));
                oof_bounds[i][j] = dot(&b, features);
            }
        }
    }
    // How often the boundary model picks a reading that matches, in groups that have several
    // readings and one that matches.
    let (mut right_groups, mut groups) = (0, 0);
    for (d, b) in docs.iter().zip(&oof_bounds) {
        let chosen = quotes::choose(&d.groups, |i| b[i], |_| 1.0, 0.5);
        let mut size = vec![(0, false, false); d.groups.len()];
        for (i, c) in d.groups.iter().enumerate() {
            let g = &mut size[c.group];
            g.0 += 1;
            g.1 |= d.candidates[i].2;
            g.2 |= chosen[i] && d.candidates[i].2;
        }
        for &(n, any, hit) in &size {
            if n > 1 && any {
                groups += 1;
                right_groups += usize::from(hit);
            }
        }
    }
    eprintln!(
        "five-fold CV on train: boundary model right in {right_groups} of {groups} groups ({:.2}%)",
        100.0 * right_groups as f64 / groups.max(1) as f64
    );
    let curve: Vec<(f64, Counts)> = (THRESHOLD_STEPS.0..=THRESHOLD_STEPS.1)
        .map(|step| {
            let threshold = f64::from(step) / 100.0;
            let mut c = Counts::default();
            for ((d, p), b) in docs.iter().zip(&oof).zip(&oof_bounds) {
                let chosen = quotes::choose(&d.groups, |i| b[i], |i| p[i], threshold);
                let kept: Vec<Predicted> = d
                    .candidates
                    .iter()
                    .zip(chosen)
                    .filter(|(_, keep)| *keep)
                    .map(|((pred, _, _), _)| *pred)
                    .collect();
                c.add(&kept, &d.gold);
            }
            (threshold, c)
        })
        .collect();
    let best = &curve[smoothed_peak(&curve)];
    let mut every = Counts::default();
    for d in &docs {
        let all: Vec<Predicted> = d.candidates.iter().map(|(pred, _, _)| *pred).collect();
        every.add(&all, &d.gold);
    }
    eprintln!(
        "every candidate kept: recall {:.2} (the most a scorer could reach), {} candidates",
        100.0 * every.recall(),
        every.predicted
    );

    eprintln!(
        "five-fold CV on train: F1 {:.2} (P {:.2}, R {:.2}) at threshold {:.2}",
        100.0 * best.1.f1(),
        100.0 * best.1.precision(),
        100.0 * best.1.recall(),
        best.0
    );
    let all: Vec<&Doc> = docs.iter().collect();
    let bounds = fit_bounds(&all, &kept);
    let w = fit(&all, &kept, &bounds);
    let table = quantised(w);

    let n: usize = docs.iter().map(|d| d.candidates.len()).sum();
    let positive: usize = docs
        .iter()
        .flat_map(|d| &d.candidates)
        .filter(|c| c.2)
        .count();
    println!("//! Generated by `examples/train_quote_scorer.rs`; do not edit.");
    println!("//!");
    println!(
        "//! PolNeAR train: {} documents, {n} candidate statements ({positive} matching a gold one),",
        docs.len()
    );
    println!(
        "//! {} weights (features seen at least {MIN_COUNT} times). Five-fold cross-validation on train at the",
        table.len()
    );
    println!(
        "//! threshold: content P={:.1} R={:.1} F1={:.1}.",
        100.0 * best.1.precision(),
        100.0 * best.1.recall(),
        100.0 * best.1.f1()
    );
    println!();
    println!("/// Keep statements whose probability reaches this.");
    println!("pub const THRESHOLD: f64 = {:.2};", best.0);
    println!();
    println!("/// `(feature hash, weight in ten-thousandths)`, sorted by hash.");
    println!("pub(super) const WEIGHTS: &[(u64, i32)] = &[");
    for (k, v) in table {
        println!("    ({k:#018x}, {v}),");
    }
    println!("];");
    let table = quantised(bounds);
    println!();
    println!(
        "/// Boundary weights: a log-linear model over the readings of one statement (where its"
    );
    println!("/// content ends), `(feature hash, weight in ten-thousandths)`, sorted by hash.");
    println!("pub(super) const BOUNDS: &[(u64, i32)] = &[");
    for (k, v) in table {
        println!("    ({k:#018x}, {v}),");
    }
    println!("];");
    Ok(())
}

fn load(root: &Path) -> Result<Vec<Doc>, Box<dyn std::error::Error>> {
    let index = fs::read_to_string(root.join("quotes/train.jsonl"))?;
    let mut docs = Vec::new();
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line)?;
        if record["split"].as_str() != Some("train") {
            return Err("the scorer is trained on train only".into());
        }
        let text = fs::read_to_string(root.join(record["text_path"].as_str().unwrap_or_default()))?;
        let ann_path = record["attribution_paths"][0].as_str().unwrap_or_default();
        let ann = fs::read_to_string(root.join(ann_path))?;
        let gold = parse_ann(&ann);
        let gold_cues: Vec<Option<(usize, usize)>> = gold.iter().map(|a| a.cue).collect();
        let article = Article::from_text(record["id"].as_str().unwrap_or_default(), text);
        let doc = understand(&article);
        let chars = char_index(&article.text);
        let at = |b: usize| chars.get(b).copied().unwrap_or(usize::MAX);
        let all = quotes::candidates(&article, &doc);
        let candidates: Vec<(Predicted, Vec<u64>, bool)> = all
            .iter()
            .map(|c| {
                let pred = Predicted {
                    content: (at(c.quote.content.start), at(c.quote.content.end)),
                    speaker: c
                        .quote
                        .speaker
                        .as_ref()
                        .map(|s| (at(s.span.start), at(s.span.end))),
                };
                let label = gold
                    .iter()
                    .any(|g| brief_eval::attribution::matches(pred.content, g.content));
                (pred, c.features.clone(), label)
            })
            .collect();
        let groups = all
            .iter()
            .cloned()
            .map(|mut c| {
                c.features = Vec::new();
                c
            })
            .collect();
        // How well each reading fits the gold statement of its cue (any gold statement when
        // no gold cue overlaps the reading's): a reading that takes in another statement is
        // no better for matching that one.
        let fit = all
            .iter()
            .zip(&candidates)
            .map(|(c, (pred, _, _))| {
                let cue = c.quote.cue.map(|s| (at(s.start), at(s.end)));
                let same_cue: Vec<&Attribution> = gold
                    .iter()
                    .zip(&gold_cues)
                    .filter(|(_, gc)| {
                        cue.zip(**gc)
                            .is_some_and(|(x, y)| brief_eval::attribution::overlap(x, y) > 0)
                    })
                    .map(|(g, _)| g)
                    .collect();
                let pool: Vec<&Attribution> = if same_cue.is_empty() {
                    gold.iter().collect()
                } else {
                    same_cue
                };
                pool.iter()
                    .map(|g| {
                        let longer = (pred.content.1.saturating_sub(pred.content.0))
                            .max(g.content.1.saturating_sub(g.content.0))
                            .max(1);
                        brief_eval::attribution::overlap(pred.content, g.content) as f64
                            / longer as f64
                    })
                    .fold(0.0, f64::max)
            })
            .collect();
        docs.push(Doc {
            candidates,
            groups,
            fit,
            gold,
        });
    }
    Ok(docs)
}

/// The character index of every byte offset that starts a character (and of the end).
fn char_index(text: &str) -> Vec<usize> {
    let mut index = vec![usize::MAX; text.len() + 1];
    for (c, (b, _)) in text.char_indices().enumerate() {
        index[b] = c;
    }
    index[text.len()] = text.chars().count();
    index
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Weights in ten-thousandths (integers print exactly and read back exactly),
/// the negligible ones left out, sorted by feature hash.
fn quantised(weights: HashMap<u64, f64>) -> Vec<(u64, i32)> {
    let mut table: Vec<(u64, i32)> = weights
        .into_iter()
        .map(|(k, v)| (k, (v * 10_000.0).round() as i32))
        .filter(|(_, v)| v.abs() >= MIN_WEIGHT)
        .collect();
    table.sort_by_key(|(k, _)| *k);
    table
}

fn dot(w: &HashMap<u64, f64>, features: &[u64]) -> f64 {
    features.iter().filter_map(|k| w.get(k)).sum()
}

/// Logistic regression by stochastic gradient descent, candidates in document order.
/// The keeping model is fitted on the readings the boundary model `bounds` chooses, the only
/// ones it is asked about.
fn fit(
    docs: &[&Doc],
    kept: &dyn Fn(&u64) -> bool,
    bounds: &HashMap<u64, f64>,
) -> HashMap<u64, f64> {
    let mut w: HashMap<u64, f64> = HashMap::new();
    let chosen: Vec<Vec<bool>> = docs
        .iter()
        .map(|d| {
            let b: Vec<f64> = d.candidates.iter().map(|c| dot(bounds, &c.1)).collect();
            quotes::choose(&d.groups, |i| b[i], |_| 1.0, 0.5)
        })
        .collect();
    for epoch in 0..EPOCHS {
        let rate = LEARNING_RATE / (1.0 + epoch as f64);
        for (d, chosen) in docs.iter().zip(&chosen) {
            for ((_, features, label), _) in d.candidates.iter().zip(chosen).filter(|(_, c)| **c) {
                let p = sigmoid(dot(&w, features));
                let gradient = if *label { 1.0 } else { 0.0 } - p;
                for k in features.iter().filter(|k| kept(k)) {
                    let v = w.entry(*k).or_insert(0.0);
                    *v += rate * (gradient - L2 * *v);
                }
            }
        }
    }
    w
}

/// The boundary model: a log-linear (softmax) model over the readings of each group that has
/// several and at least one matching a gold statement, the matching readings sharing the
/// target; stochastic gradient descent in a fixed order.
fn fit_bounds(docs: &[&Doc], kept: &dyn Fn(&u64) -> bool) -> HashMap<u64, f64> {
    let mut w: HashMap<u64, f64> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for epoch in 0..EPOCHS {
        let rate = BOUNDS_LEARNING_RATE / (1.0 + epoch as f64);
        for d in docs {
            groups.clear();
            for (i, c) in d.groups.iter().enumerate() {
                if groups.len() <= c.group {
                    groups.resize(c.group + 1, Vec::new());
                }
                groups[c.group].push(i);
            }
            for g in &groups {
                let right = g.iter().filter(|&&i| d.candidates[i].2).count();
                if g.len() < 2 || right == 0 {
                    continue;
                }
                // The target: the reading that fits its gold statement best.
                let target = *g
                    .iter()
                    .max_by(|&&a, &&b| d.fit[a].total_cmp(&d.fit[b]))
                    .unwrap_or(&g[0]);
                let scores: Vec<f64> = g.iter().map(|&i| dot(&w, &d.candidates[i].1)).collect();
                let max = scores.iter().copied().fold(f64::MIN, f64::max);
                let z: f64 = scores.iter().map(|s| (s - max).exp()).sum();
                for (&i, s) in g.iter().zip(&scores) {
                    let p = (s - max).exp() / z;
                    let t = if i == target { 1.0 } else { 0.0 };
                    let gradient = t - p;
                    for k in d.candidates[i].1.iter().filter(|k| kept(k)) {
                        let v = w.entry(*k).or_insert(0.0);
                        *v += rate * (gradient - L2 * *v);
                    }
                }
            }
        }
    }
    w
}
