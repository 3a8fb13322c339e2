//! `brief train ner`: trains the entity tagger from BIO-tagged JSONL and writes
//! the model file that `crates/understand` compiles in. `brief train background`:
//! counts the background document frequencies `crates/stories` compiles in.
//!
//! The training set holds every document of the chosen datasets twice: whole (the
//! lines of a `doc_id` joined by blank lines) and line by line. Measured on dev, the
//! per-line score is the same as with lines alone and the whole-document score
//! is 0.2–0.3 F1 points higher.
//!
//! Deterministic: the same data and options give the same bytes (fixed shuffle
//! seed, one thread). With `--dev`, the averaged model is scored on the dev lines
//! after every epoch, to choose the epoch count (dev only: never tune on held-out data).

use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use brief::entities::{self, TrainOptions};
use brief::{understand, Article, EntityKind};
use brief_stories::{DocumentFrequencies, Profile};

use crate::eval::ner::{
    annotated_documents, load_gold, print_table, recognize_all, recognize_documents, score,
};
use crate::eval::read_records;
use crate::Outcome;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// The named-entity tagger (CoNLL types PER, ORG, LOC, MISC).
    Ner(NerArgs),
    /// The background document frequencies of story assignment, from articles
    /// (see crates/stories/models/README.md).
    Background(BackgroundArgs),
}

#[derive(clap::Args, Debug)]
pub struct BackgroundArgs {
    /// Article JSONL with an `article` (CNN/DailyMail) or `text` field (e.g.
    /// ../shared/data/cnndm/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Where to write the table (crates/stories/models/background.bin).
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct NerArgs {
    /// Training JSONL `{"id","dataset","tokens","tags"}` (e.g. ../shared/data/ner/train.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Train on lines of these datasets only (comma-separated).
    #[arg(
        long,
        default_value = "conll2003-train,wnut17-train",
        value_delimiter = ','
    )]
    pub datasets: Vec<String>,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// The weight table has 2^BITS rows.
    #[arg(long, default_value_t = TrainOptions::default().bits, value_parser = clap::value_parser!(u32).range(8..=24))]
    pub bits: u32,
    /// Score this dev JSONL after every epoch.
    #[arg(long)]
    pub dev: Option<PathBuf>,
}

/// The CoNLL kind of a gold type: CoNLL's own, or WNUT-17's mapped onto them.
/// WNUT's social-media text (measured on dev) lifts CoNLL testa a little and
/// WikiGold by about 3 F1 points: it shows names in other contexts than Reuters
/// sport and markets. `group` (bands, teams, parties) is an organisation in CoNLL;
/// products and creative works are CoNLL's MISC.
fn conll_kind(label: &str) -> Option<EntityKind> {
    EntityKind::from_conll(label).or(match label {
        "person" => Some(EntityKind::Person),
        "location" => Some(EntityKind::Location),
        "corporation" | "group" => Some(EntityKind::Organization),
        "product" | "creative-work" => Some(EntityKind::Misc),
        _ => None,
    })
}

pub fn run(cmd: Command) -> Result<Outcome> {
    match cmd {
        Command::Ner(args) => ner(args),
        Command::Background(args) => background(args),
    }
}

/// Profiles each article as the engine does and counts the documents carrying
/// each term; writes the compact table (non-zero slots only).
fn background(args: BackgroundArgs) -> Result<Outcome> {
    let started = Instant::now();
    #[derive(serde::Deserialize)]
    struct Record {
        #[serde(alias = "text")]
        article: String,
    }
    let mut frequencies = DocumentFrequencies::default();
    for (n, record) in read_records::<Record>(&args.data, "an article record", None)?
        .into_iter()
        .enumerate()
    {
        let article = Article::from_text(format!("b{n}"), record.article);
        frequencies.add(&Profile::new(&article, &understand(&article)));
    }
    let bytes = frequencies.to_compact_bytes();
    fs::write(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "{} articles; wrote {} ({} bytes) in {:.1} s",
        frequencies.documents(),
        args.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}

fn ner(args: NerArgs) -> Result<Outcome> {
    let started = Instant::now();
    let mut data = Vec::new();
    for dataset in &args.datasets {
        let gold = load_gold(&args.data, Some(dataset), None)?;
        // Each document once whole (articles come whole) and each line once alone
        // (JSONL lines come alone): the document-level feature learns both.
        data.extend(annotated_documents(&gold, conll_kind));
        data.extend(gold.iter().map(|g| g.annotated(conll_kind)));
    }
    let dev = match &args.dev {
        Some(path) => load_gold(path, None, None)?,
        None => Vec::new(),
    };
    let dev_articles: Vec<Article> = dev
        .iter()
        .map(|g| Article::from_text(g.id.clone(), g.text.clone()))
        .collect();
    let entities: usize = data.iter().map(|a| a.entities.len()).sum();
    eprintln!(
        "training on {} lines, {entities} entities ({})",
        data.len(),
        args.datasets.join(", ")
    );
    let options = TrainOptions {
        epochs: args.epochs,
        bits: args.bits,
        ..TrainOptions::default()
    };
    let model = entities::train(&data, &options, |epoch, model| {
        eprintln!("epoch {epoch} ({:.0} s)", started.elapsed().as_secs_f64());
        // The dev scores of each epoch are progress, written beside it on stderr.
        if !dev.is_empty() {
            let err = &mut io::stderr();
            let _ = print_table(err, &score(&dev, &recognize_all(&dev_articles, model)));
            let _ = writeln!(err, "by document:");
            let _ = print_table(err, &score(&dev, &recognize_documents(&dev, model)));
        }
    });
    let bytes = model.to_bytes();
    fs::write(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({:.2} MB) in {:.0} s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}
