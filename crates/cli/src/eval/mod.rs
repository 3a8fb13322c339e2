//! `brief eval`: benchmarks that print quality and speed figures.

mod clusters;
mod extraction;
mod near_duplicates;
pub mod ner;
mod quotes;
mod scale;
mod summaries;

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use serde::de::DeserializeOwned;

use crate::Outcome;

/// Runs `work` `repeat` times (at least once) and gives the fastest run's seconds, with what
/// the last run made: the machine is shared, so one run's time is noisy.
pub(crate) fn fastest<T>(repeat: usize, mut work: impl FnMut() -> T) -> (f64, T) {
    let started = Instant::now();
    let mut made = work();
    let mut best = started.elapsed().as_secs_f64();
    for _ in 1..repeat {
        let started = Instant::now();
        made = work();
        best = best.min(started.elapsed().as_secs_f64());
    }
    (best, made)
}

/// The records of a JSONL data file, blank lines skipped, at most `limit` of
/// them; a line that is not `what` is an error naming the file and line.
pub(crate) fn read_records<T: DeserializeOwned>(
    path: &Path,
    what: &str,
    limit: Option<usize>,
) -> Result<Vec<T>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    raw.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(limit.unwrap_or(usize::MAX))
        .map(|(i, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not {what}", path.display(), i + 1))
        })
        .collect()
}

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Attributed statements against PolNeAR gold (as peers/score_brief.py quotes scores them).
    Quotes(quotes::Args),
    /// ROUGE of the takeaways against reference highlights (CNN/DM style), beside Lead-3.
    Summaries(summaries::Args),
    /// Story clustering against gold clusters (ECB+), over shuffled ingestion orders.
    Clusters(clusters::Args),
    /// Near-duplicate detection on versions of real articles (changed lede, boilerplate, corrections).
    NearDuplicates(near_duplicates::Args),
    /// Ingest many generated articles into a store: throughput, memory, assignment cost, search latency.
    Scale(scale::Args),
    /// Main-text extraction against gold text or snippets, per dataset.
    Extraction(extraction::Args),
    /// Named entities against BIO gold, per dataset (as peers/score_brief.py ner scores them).
    Ner(ner::Args),
}

pub fn run(cmd: Command) -> Result<Outcome> {
    match cmd {
        Command::Quotes(args) => quotes::run(args),
        Command::Summaries(args) => summaries::run(args),
        Command::Clusters(args) => clusters::run(args),
        Command::NearDuplicates(args) => near_duplicates::run(args),
        Command::Scale(args) => scale::run(args),
        Command::Extraction(args) => extraction::run(args),
        Command::Ner(args) => ner::run(args),
    }
}
