//! `brief eval near-duplicates`: does the store recognise versions of one article?
//!
//! A test corpus is built from real articles: each chosen original gets versions
//! as syndication and updates make them — the lede changed, other boilerplate
//! (a byline and dateline on top, a footer below), a correction appended, and
//! the last paragraph cut with a dateline added. All originals and versions go
//! through the clusterer in a shuffled order under opaque ids. A near-duplicate
//! link is right when both articles come from the same original. Links between
//! two originals whose texts are themselves near-identical (shingle Jaccard ≥ 0.6,
//! computed exactly) are neither right nor wrong: the corpus has real copies.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::Result;
use brief::stories::{Assignment, Clusterer, Config, Profile};
use brief::{understand, Article};
use serde::Deserialize;

use super::read_records;
use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSONL lines with `id` and `article` or `text` (e.g. ../shared/data/cnndm/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Every Nth article gets versions (the others are distractors).
    #[arg(long, default_value_t = 3)]
    pub every: usize,
    /// Near-duplicate threshold (estimated shingle Jaccard; default: the engine's).
    #[arg(long)]
    pub threshold: Option<f32>,
}

#[derive(Deserialize)]
struct Record {
    #[serde(alias = "text")]
    article: String,
}

const BOILERPLATE_TOP: &str =
    "By Staff Reporter | Published 09:14 EST, 12 March 2015 | Updated 11:02 EST\n\n";
const BOILERPLATE_BOTTOM: &str = "\n\nCopyright 2015 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Follow us on Twitter and Facebook for the latest news.";
const CORRECTION: &str = "\n\nCorrection: An earlier version of this story misstated the day of the announcement. It was Tuesday, not Monday.";

fn sentences(text: &str) -> Vec<&str> {
    let article = Article::from_text("x", text);
    understand(&article)
        .sentences
        .iter()
        .map(|s| &text[s.span.start..s.span.end])
        .collect()
}

/// The versions of `text`, given another article's lede to swap in.
fn versions(text: &str, other_lede: &str) -> Vec<String> {
    let s = sentences(text);
    let mut out = Vec::new();
    if s.len() >= 2 {
        out.push(format!("{other_lede} {}", s[1..].join(" ")));
    }
    out.push(format!("{BOILERPLATE_TOP}{text}{BOILERPLATE_BOTTOM}"));
    out.push(format!("{text}{CORRECTION}"));
    if let Some(cut) = text
        .trim_end()
        .rfind("\n\n")
        .filter(|&c| c > text.len() * 3 / 4)
    {
        out.push(format!("LONDON (Reuters) - {}", &text[..cut]));
    } else if s.len() >= 4 {
        out.push(format!("LONDON (Reuters) - {}", s[..s.len() - 1].join(" ")));
    }
    out
}

fn shingles(text: &str) -> HashSet<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(4)
        .map(|w| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let inter = a.intersection(b).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    if union == 0.0 {
        0.0
    } else {
        inter / union
    }
}

pub fn run(args: Args) -> Result<Outcome> {
    let originals: Vec<String> = read_records::<Record>(&args.data, "an article record", None)?
        .into_iter()
        .map(|r| r.article)
        .collect();
    // (text, group): group = index of the original.
    let mut corpus: Vec<(String, usize)> = Vec::new();
    let mut expected_links = 0usize;
    for (i, text) in originals.iter().enumerate() {
        corpus.push((text.clone(), i));
        if args.every > 0 && i % args.every == 0 {
            let other = &originals[(i + 1) % originals.len()];
            let lede = sentences(other)
                .first()
                .map_or(String::new(), |s| s.to_string());
            let v = versions(text, &lede);
            expected_links += v.len();
            corpus.extend(v.into_iter().map(|t| (t, i)));
        }
    }
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let mut config = Config::default();
    if let Some(t) = args.threshold {
        config.near_duplicate = t;
    }
    let threshold = config.near_duplicate;
    let mut clusterer = Clusterer::new(config);
    let mut links: Vec<(usize, usize)> = Vec::new();
    for &i in &order {
        let article = Article::from_text(format!("a{i}"), corpus[i].0.clone());
        let profile = Profile::new(&article, &understand(&article));
        if let Assignment::NearDuplicate { of, .. } = clusterer.assign(i as u64, &profile) {
            links.push((i, of as usize));
        }
    }
    let mut right = 0usize;
    let mut wrong = 0usize;
    let mut real_copies = 0usize;
    let mut shingle_cache: HashMap<usize, HashSet<u64>> = HashMap::new();
    for &(a, b) in &links {
        if corpus[a].1 == corpus[b].1 {
            right += 1;
            continue;
        }
        let (ga, gb) = (corpus[a].1, corpus[b].1);
        let sa = shingle_cache
            .entry(ga)
            .or_insert_with(|| shingles(&originals[ga]))
            .clone();
        let sb = shingle_cache
            .entry(gb)
            .or_insert_with(|| shingles(&originals[gb]));
        if jaccard(&sa, sb) >= 0.6 {
            real_copies += 1;
        } else {
            wrong += 1;
        }
    }
    let precision = right as f64 / (right + wrong).max(1) as f64;
    let recall = right.min(expected_links) as f64 / expected_links.max(1) as f64;
    outln!(
        "{} originals, {} versions, threshold {threshold:.2}: links {} (right {right}, wrong {wrong}, between real copies {real_copies})",
        originals.len(),
        expected_links,
        links.len()
    );
    outln!("near-duplicates: precision {precision:.3}  recall {recall:.3}");
    Ok(Outcome::Success)
}
