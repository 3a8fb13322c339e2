//! `brief eval`: benchmarks that print quality and speed figures.

mod clusters;
mod extraction;
mod near_duplicates;
pub mod ner;
mod quotes;
mod scale;
mod summaries;

use anyhow::Result;

use crate::Outcome;

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
