//! `brief eval extraction`: main-text extraction scores per dataset, and the
//! throughput of decode + extract on one thread.
//!
//! The scores are computed as `peers/extract_eval.py` computes them (see
//! `brief_eval::extraction`), so `--out` written here and scored by that script
//! must print the same numbers.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use brief::read::{decode, html};
use brief_eval::extraction::{aggregate, shingle_counts, snippet_counts, DocCounts, SnippetCounts};
use serde::Deserialize;

use super::fastest;
use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Index JSONL with `id`, `html_path`, `gold_path`, `dataset` (e.g. ../shared/data/extraction/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Directory the index's paths are relative to (default: the parent of the index's directory).
    #[arg(long)]
    pub data_root: Option<PathBuf>,
    /// Also write every extracted text as JSONL `{"id","text"}` to this file.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Score only pages of this dataset.
    #[arg(long)]
    pub dataset: Option<String>,
    /// Score only the first N pages.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Time decode + extract this many times and report the fastest run (the
    /// machine is shared, so one run's time is noisy).
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    html_path: String,
    gold_path: String,
    #[serde(default)]
    dataset: Option<String>,
}

/// What a page's extraction is judged against.
enum Gold {
    /// The whole main text.
    Text(String),
    /// Snippets that must and must not appear.
    Snippets {
        with: Vec<String>,
        without: Vec<String>,
    },
}

#[derive(Deserialize)]
struct SnippetFile {
    #[serde(default)]
    with: Option<Vec<String>>,
    #[serde(default)]
    without: Option<Vec<String>>,
    #[serde(default, alias = "articleBody")]
    text: Option<String>,
}

struct Page {
    id: String,
    dataset: String,
    html: Vec<u8>,
    gold: Gold,
}

fn load_gold(path: &Path) -> Result<Gold> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if path.extension().is_some_and(|e| e == "json") {
        let f: SnippetFile = serde_json::from_str(&text)
            .with_context(|| format!("{}: not a gold JSON file", path.display()))?;
        if f.with.is_some() {
            return Ok(Gold::Snippets {
                with: f.with.unwrap_or_default(),
                without: f.without.unwrap_or_default(),
            });
        }
        return Ok(Gold::Text(f.text.unwrap_or_default()));
    }
    Ok(Gold::Text(text))
}

fn load_pages(args: &Args) -> Result<Vec<Page>> {
    let raw = fs::read_to_string(&args.data)
        .with_context(|| format!("cannot read {}", args.data.display()))?;
    let root = match &args.data_root {
        Some(r) => r.clone(),
        None => args
            .data
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    let mut pages = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a page record", args.data.display(), i + 1))?;
        let dataset = r.dataset.unwrap_or_else(|| "?".into());
        if args.dataset.as_ref().is_some_and(|d| *d != dataset) {
            continue;
        }
        let html_path = root.join(&r.html_path);
        let html =
            fs::read(&html_path).with_context(|| format!("cannot read {}", html_path.display()))?;
        pages.push(Page {
            id: r.id,
            dataset,
            html,
            gold: load_gold(&root.join(&r.gold_path))?,
        });
        if args.limit.is_some_and(|l| pages.len() >= l) {
            break;
        }
    }
    if pages.is_empty() {
        bail!("{}: no pages to score", args.data.display());
    }
    Ok(pages)
}

#[derive(Default)]
struct Group {
    shingle4: Vec<DocCounts>,
    shingle1: Vec<DocCounts>,
    snippets: SnippetCounts,
    snippet_docs: usize,
    pages: usize,
    empty: usize,
}

pub fn run(args: Args) -> Result<Outcome> {
    let pages = load_pages(&args)?;

    // Throughput: decode + extract only, one thread, files already in memory.
    let (secs, texts) = fastest(args.repeat, || -> Vec<String> {
        pages
            .iter()
            .map(|p| {
                decode(&p.id, &p.html, html::declared_charset(&p.html))
                    .map(|d| html::extract(&d.text).text)
                    .unwrap_or_default()
            })
            .collect()
    });
    let secs = secs.max(1e-9);
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();

    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for (page, text) in pages.iter().zip(&texts) {
        for key in ["all", page.dataset.as_str()] {
            let g = groups.entry(key.to_string()).or_default();
            g.pages += 1;
            g.empty += usize::from(text.trim().is_empty());
            match &page.gold {
                Gold::Text(gold) => {
                    g.shingle4.push(shingle_counts(gold, text, 4));
                    g.shingle1.push(shingle_counts(gold, text, 1));
                }
                Gold::Snippets { with, without } => {
                    g.snippets.add(snippet_counts(with, without, text));
                    g.snippet_docs += 1;
                }
            }
        }
    }

    if let Some(path) = &args.out {
        let mut w = BufWriter::new(
            fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for (page, text) in pages.iter().zip(&texts) {
            serde_json::to_writer(&mut w, &serde_json::json!({"id": page.id, "text": text}))?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }

    outln!("data: {}  pages: {}", args.data.display(), pages.len());
    outln!(
        "{:<20} {:>4} {:>6} {:>6} {:>6} {:>7}  {:>6} {:>6} {:>6} {:>6}  {:>5}",
        "dataset",
        "n",
        "P4",
        "R4",
        "F1-4",
        "F1-BoW",
        "snipP",
        "snipR",
        "snipF1",
        "acc",
        "empty"
    );
    for (name, g) in &groups {
        let (p4, b1) = (aggregate(&g.shingle4), aggregate(&g.shingle1));
        let text_cols = if g.shingle4.is_empty() {
            format!("{:>6} {:>6} {:>6} {:>7}", "-", "-", "-", "-")
        } else {
            format!(
                "{:>6.3} {:>6.3} {:>6.3} {:>7.3}",
                p4.precision, p4.recall, p4.f1, b1.f1
            )
        };
        let snip_cols = if g.snippet_docs == 0 {
            format!("{:>6} {:>6} {:>6} {:>6}", "-", "-", "-", "-")
        } else {
            let s = g.snippets.prf();
            format!(
                "{:>6.3} {:>6.3} {:>6.3} {:>6.3}",
                s.precision,
                s.recall,
                s.f1,
                g.snippets.accuracy()
            )
        };
        outln!(
            "{name:<20} {:>4} {text_cols}  {snip_cols}  {:>5}",
            g.pages,
            g.empty
        );
        if g.snippet_docs > 0 {
            let c = g.snippets;
            outln!(
                "{:<20} snippets tp={} fn={} fp={} tn={}",
                "",
                c.tp,
                c.fn_,
                c.fp,
                c.tn
            );
        }
    }
    outln!(
        "speed: {:.0} pages/s, {:.1} MB/s (decode + extract, 1 thread, {:.3} s for {:.1} MB, best of {})",
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        secs,
        bytes as f64 / 1e6,
        args.repeat.max(1)
    );
    Ok(Outcome::Success)
}
