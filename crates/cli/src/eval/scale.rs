//! `brief eval scale`: ingest many generated articles into a store and report
//! throughput per block, peak memory, the cost of story assignment as the store
//! grows, and search latency at the end.
//!
//! Articles are recombined from real ones (the lede of one, the body of two
//! others, a date spread over a year, one of fifty outlets), so the vocabulary,
//! lengths and story structure are those of news; none is written to disk but
//! the store.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Result};
use brief::store::{ContentHash, Ingested, SearchQuery, Store};
use brief::stories::Config;
use brief::{understand, Article, Pipeline};
use serde::Deserialize;

use super::read_records;
use crate::parallel::pipelined;
use crate::store::PROFILE_CHUNK;
use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSONL lines with `article` or `text` to recombine (e.g. ../shared/data/cnndm/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Articles to generate and ingest.
    #[arg(long, default_value_t = 100_000)]
    pub articles: usize,
    /// The store to create (must not exist); it is left in place for inspection.
    #[arg(long)]
    pub store: PathBuf,
    /// Print a line every this many articles.
    #[arg(long, default_value_t = 50_000)]
    pub every: usize,
    /// Commit a batch after this many milliseconds even when it holds fewer than
    /// 2,000 articles (as `brief ingest` does after one second); a large value
    /// makes the batches, and so the work, independent of the machine's speed.
    #[arg(long, default_value_t = 1000)]
    pub batch_age_ms: u64,
    /// Search queries timed at the end.
    #[arg(long, default_value_t = 500)]
    pub queries: usize,
}

#[derive(Deserialize)]
struct Record {
    #[serde(alias = "text")]
    article: String,
}

struct Source {
    sentences: Vec<String>,
}

const OUTLETS: usize = 50;

/// SplitMix64: fixed seeds, the same corpus on every machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn generate(sources: &[Source], k: usize, total: usize) -> Article {
    let mut rng = Rng(k as u64 ^ 0x5eed);
    let lede = &sources[rng.below(sources.len())];
    let mut text = lede.sentences[..lede.sentences.len().min(3)].join(" ");
    for _ in 0..2 {
        let body = &sources[rng.below(sources.len())];
        let start = rng.below(body.sentences.len());
        let end = (start + 4 + rng.below(6)).min(body.sentences.len());
        text.push_str("\n\n");
        text.push_str(&body.sentences[start..end].join(" "));
    }
    let day = 19_723 + (k * 365 / total.max(1)) as i32; // 2024-01-01 onwards
    Article {
        id: format!("s{k}"),
        title: lede.sentences.first().cloned(),
        outlet: Some(format!("Outlet {}", rng.below(OUTLETS))),
        published: Some(brief::dates::iso_from_day(day)),
        text,
        ..Article::default()
    }
}

fn count_started(written: &[Ingested]) -> usize {
    written
        .iter()
        .filter(|w| matches!(w, Ingested::New { started: true, .. }))
        .count()
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU seconds this thread has run (user + system), from `/proc/thread-self/stat`
/// in clock ticks: unlike wall time, not stretched by other work on the machine.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

pub fn run(args: Args) -> Result<Outcome> {
    if args.store.exists() {
        bail!("{} exists: give a new path", args.store.display());
    }
    let mut sources = Vec::new();
    for record in read_records::<Record>(&args.data, "an article record", None)? {
        let article = Article::from_text("x", record.article);
        let sentences: Vec<String> = understand(&article)
            .sentences
            .iter()
            .map(|s| article.slice(s.span).to_string())
            .collect();
        if sentences.len() >= 4 {
            sources.push(Source { sentences });
        }
    }
    if sources.is_empty() {
        bail!("no usable articles in {}", args.data.display());
    }
    let mut store = Store::open(&args.store)?;
    let pipeline = Pipeline::default();
    let mut session = store.ingest(Config::default())?;
    session.set_batch_age(std::time::Duration::from_millis(args.batch_age_ms));
    session.bulk()?;
    outln!(
        "{:>10} {:>12} {:>14} {:>14} {:>16} {:>10}",
        "articles",
        "articles/s",
        "store µs/art",
        "store CPU µs",
        "stories started",
        "peak MB"
    );
    let start = Instant::now();
    let mut block_start = Instant::now();
    let mut block_store_secs = 0.0;
    let mut block_cpu_start = thread_cpu_secs();
    let mut started = 0usize;
    let mut done = 0usize;
    // As `brief ingest` does: the next chunk is generated and understood on the
    // other threads while this one stores the last.
    let total = args.articles;
    let chunks = (0..total.div_ceil(PROFILE_CHUNK)).map(|c| {
        let from = c * PROFILE_CHUNK;
        (from..(from + PROFILE_CHUNK).min(total))
            .map(|k| generate(&sources, k, total))
            .collect::<Vec<Article>>()
    });
    pipelined(
        chunks,
        |a| (ContentHash::of(&a.text), pipeline.profile(a)),
        |batch, prepared| -> Result<()> {
            let n = batch.len();
            let t = Instant::now();
            for (article, (hash, profile)) in batch.into_iter().zip(prepared) {
                let written = session.submit(article, hash, |_| profile)?;
                started += count_started(&written);
            }
            block_store_secs += t.elapsed().as_secs_f64();
            let before = done;
            done += n;
            if done / args.every != before / args.every || done == total {
                let in_block = done - (before / args.every) * args.every;
                let secs = block_start.elapsed().as_secs_f64();
                let cpu_now = thread_cpu_secs();
                let store_cpu = match (block_cpu_start, cpu_now) {
                    (Some(a), Some(b)) => format!("{:.1}", (b - a) * 1e6 / in_block as f64),
                    _ => "-".to_string(),
                };
                outln!(
                    "{done:>10} {:>12.0} {:>14.1} {store_cpu:>14} {started:>16} {:>10.0}",
                    in_block as f64 / secs,
                    block_store_secs * 1e6 / in_block as f64,
                    peak_rss_mb().unwrap_or(0.0)
                );
                block_cpu_start = cpu_now;
                block_start = Instant::now();
                block_store_secs = 0.0;
            }
            Ok(())
        },
    )?;
    started += count_started(&session.finish()?);
    let total = start.elapsed().as_secs_f64();
    outln!(
        "ingested {} articles in {total:.1} s: {:.0} articles/s end to end (generation included); \
         {started} stories started; store {:.0} MB",
        args.articles,
        args.articles as f64 / total,
        std::fs::metadata(&args.store).map_or(0.0, |m| m.len() as f64 / 1e6)
    );
    // Search latency: two words from a random lede, then one word, as people type.
    let mut rng = Rng(42);
    let mut times = Vec::with_capacity(args.queries);
    let mut hits = 0usize;
    for q in 0..args.queries {
        let lede = &sources[rng.below(sources.len())].sentences[0];
        let words: Vec<&str> = lede
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 4)
            .collect();
        if words.is_empty() {
            continue;
        }
        let take = if q % 2 == 0 { 2 } else { 1 };
        let first = rng.below(words.len());
        let text = words[first..(first + take).min(words.len())].join(" ");
        let t = Instant::now();
        hits += store
            .search(&SearchQuery {
                text,
                limit: 10,
                ..SearchQuery::default()
            })?
            .len();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    outln!(
        "search over {} articles: p50 {:.2} ms, p99 {:.2} ms ({} queries, {hits} hits)",
        args.articles,
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.len()
    );
    outln!("peak memory {:.0} MB", peak_rss_mb().unwrap_or(0.0));
    Ok(Outcome::Success)
}
