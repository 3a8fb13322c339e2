//! `brief eval extraction`: main-text extraction scores per dataset.

use std::path::PathBuf;

use anyhow::{bail, Result};

use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Index JSONL with `id`, `html_path`, `gold_path`, `dataset` (e.g. ../shared/data/extraction/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    bail!(
        "extraction scoring for {} is not available yet",
        args.data.display()
    )
}
