//! `brief eval clusters`: story clustering against gold clusters (ECB+), ingesting
//! the articles in several shuffled orders, beside a TF-IDF baseline.
//!
//! The engine sees opaque ids ("a0", "a1", … in ingestion order) and never the
//! gold ids or file names, which encode the grouping. Scores are B-cubed (as
//! `peers/score_brief.py clusters` computes it) and pairwise precision; the
//! figure that counts is the minimum over the orders.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use brief::{understand, Article};
use brief_eval::clusters::{score, ClusterScores};
use brief_stories::{Assignment, Clusterer, Config, Profile};
use serde::Deserialize;
use serde_json::json;

use super::read_records;
use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSONL lines `{"id","cluster","title","text","outlet","published","url"}`
    /// (e.g. ../shared/data/stories/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Shuffled ingestion orders to run (seeds 1..=N).
    #[arg(long, default_value_t = 5)]
    pub orders: u64,
    /// Cosine similarity to a story needed to join it (default: the engine's).
    #[arg(long)]
    pub join: Option<f32>,
    /// Write the stories of the first order (`brief stories --format json` lines, with
    /// the dataset's ids) here, for `peers/score_brief.py clusters`.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    cluster: String,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let records: Vec<Record> = read_records(&args.data, "a story-clustering record", None)?;
    if records.is_empty() {
        bail!("{}: no articles", args.data.display());
    }
    let gold: Vec<&str> = records.iter().map(|r| r.cluster.as_str()).collect();
    let mut config = Config::default();
    if let Some(join) = args.join {
        config.join = join;
    }
    outln!(
        "{} articles, {} gold clusters, {} orders, join {:.2}",
        records.len(),
        gold.iter().collect::<std::collections::HashSet<_>>().len(),
        args.orders,
        config.join
    );
    outln!(
        "{:<10} {:>6} {:>6} {:>6} {:>7} {:>7} {:>8} {:>10}",
        "system",
        "B3 P",
        "B3 R",
        "B3 F1",
        "pair P",
        "pair R",
        "stories",
        "articles/s"
    );
    let mut worst: Option<ClusterScores> = None;
    let mut baseline_worst: Option<ClusterScores> = None;
    for seed in 1..=args.orders {
        let order = shuffled(records.len(), seed);
        let start = Instant::now();
        let predicted = cluster_in_order(&records, &order, &config);
        let rate = records.len() as f64 / start.elapsed().as_secs_f64();
        let scores = score(&gold, &predicted);
        print_row(&format!("brief #{seed}"), &scores, Some(rate))?;
        if worst.is_none_or(|w| scores.b3_f1 < w.b3_f1) {
            worst = Some(scores);
        }
        if seed == 1 {
            if let Some(path) = &args.out {
                write_stories(path, &records, &predicted)?;
            }
        }
        let baseline = tfidf_baseline(&records, &order, BASELINE_THRESHOLD);
        let scores = score(&gold, &baseline);
        print_row(&format!("tfidf #{seed}"), &scores, None)?;
        if baseline_worst.is_none_or(|w| scores.b3_f1 < w.b3_f1) {
            baseline_worst = Some(scores);
        }
    }
    if let (Some(w), Some(b)) = (worst, baseline_worst) {
        print_row("brief min", &w, None)?;
        print_row("tfidf min", &b, None)?;
    }
    Ok(Outcome::Success)
}

fn print_row(name: &str, s: &ClusterScores, rate: Option<f64>) -> Result<()> {
    outln!(
        "{name:<10} {:>6.3} {:>6.3} {:>6.3} {:>7.3} {:>7.3} {:>8} {:>10}",
        s.b3_precision,
        s.b3_recall,
        s.b3_f1,
        s.pair_precision,
        s.pair_recall,
        s.predicted,
        rate.map_or(String::new(), |r| format!("{r:.0}"))
    );
    Ok(())
}

/// A permutation of `0..n` from a fixed seed (SplitMix64 + Fisher–Yates), the
/// same on every machine.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// The engine's story for each record, ingesting in `order` under opaque ids.
fn cluster_in_order(records: &[Record], order: &[usize], config: &Config) -> Vec<u64> {
    let mut clusterer = Clusterer::new(config.clone());
    let mut story = vec![0; records.len()];
    // Near-duplicates follow their original wherever re-clustering moves it.
    let mut copies: Vec<Vec<usize>> = vec![Vec::new(); records.len()];
    for (position, &i) in order.iter().enumerate() {
        let r = &records[i];
        let article = Article {
            id: format!("a{position}"),
            title: r.title.clone(),
            outlet: r.outlet.clone(),
            published: r.published.clone(),
            url: r.url.clone(),
            text: r.text.clone(),
            ..Article::default()
        };
        let profile = Profile::new(&article, &understand(&article));
        let assignment = clusterer.assign(position as u64, &profile);
        story[i] = assignment.story();
        if let Assignment::NearDuplicate { of, .. } = assignment {
            copies[order[of as usize]].push(i);
        }
        for m in clusterer.take_moves() {
            let moved = order[m.article as usize];
            story[moved] = m.to;
            for &copy in &copies[moved] {
                story[copy] = m.to;
            }
        }
    }
    story
}

fn write_stories(path: &PathBuf, records: &[Record], story: &[u64]) -> Result<()> {
    let mut groups: std::collections::BTreeMap<u64, Vec<&str>> = Default::default();
    for (r, s) in records.iter().zip(story) {
        groups.entry(*s).or_default().push(&r.id);
    }
    let file =
        fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = BufWriter::new(file);
    for (id, articles) in groups {
        writeln!(
            out,
            "{}",
            json!({"id": id.to_string(), "articles": articles})
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The baseline's threshold: the best of 0.1, 0.15, … 0.5 on the dev data.
const BASELINE_THRESHOLD: f32 = 0.25;

/// The simple baseline: TF-IDF over lower-cased words (IDF from the whole set,
/// which favours the baseline), each article joining the cluster of its most
/// similar earlier article when the cosine reaches `threshold`.
fn tfidf_baseline(records: &[Record], order: &[usize], threshold: f32) -> Vec<usize> {
    use std::collections::HashMap;
    let docs: Vec<HashMap<String, f32>> = records
        .iter()
        .map(|r| {
            let mut tf = HashMap::new();
            let text = format!("{} {}", r.title.as_deref().unwrap_or(""), r.text);
            for w in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
            {
                *tf.entry(w.to_lowercase()).or_insert(0.0) += 1.0;
            }
            tf
        })
        .collect();
    let mut df: HashMap<&str, f32> = HashMap::new();
    for d in &docs {
        for w in d.keys() {
            *df.entry(w).or_default() += 1.0;
        }
    }
    let n = docs.len() as f32;
    let vectors: Vec<HashMap<&str, f32>> = docs
        .iter()
        .map(|d| {
            let mut v: HashMap<&str, f32> = d
                .iter()
                .map(|(w, tf)| {
                    (
                        w.as_str(),
                        (1.0 + tf.ln()) * ((n + 1.0) / (df[w.as_str()] + 1.0)).ln(),
                    )
                })
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            v.values_mut().for_each(|x| *x /= norm);
            v
        })
        .collect();
    let mut cluster = vec![usize::MAX; records.len()];
    for (position, &i) in order.iter().enumerate() {
        let best = order[..position]
            .iter()
            .map(|&j| {
                let dot: f32 = vectors[i]
                    .iter()
                    .filter_map(|(w, x)| vectors[j].get(w).map(|y| x * y))
                    .sum();
                (j, dot)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        cluster[i] = match best {
            Some((j, s)) if s >= threshold => cluster[j],
            _ => i,
        };
    }
    cluster
}
