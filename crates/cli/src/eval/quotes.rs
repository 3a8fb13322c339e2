//! `brief eval quotes`: attributed statements against PolNeAR gold, scored as
//! `peers/score_brief.py quotes` scores them (`brief_eval::attribution`), with the throughput
//! of understanding an article and finding its statements and figures, on one thread.
//!
//! `--out` writes the `brief facts --format json` lines, so the reference scorer can be run on
//! the same predictions: it must print the same figures.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use brief::{figures, quotes, understand, Article, Figure, Quote};
use brief_eval::attribution::{parse_ann, Attribution, Counts, Predicted};
use serde::Deserialize;

use brief_render::wire;

use super::{fastest, read_records};
use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Index JSONL with `id`, `text_path`, `attribution_paths` (e.g. ../shared/data/quotes/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Directory the index's paths are relative to (default: the parent of the index's directory).
    #[arg(long)]
    pub data_root: Option<PathBuf>,
    /// Also write every document's facts (the `brief facts --format json` lines) to this file.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Score only the first N documents.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Time the documents this many times and report the fastest run (the machine is shared,
    /// so one run's time is noisy).
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Also time understand + quotes + figures on the articles of this JSONL (`{"id",
    /// "text"|"article"}` lines, e.g. ../shared/data/cnndm/dev.jsonl).
    #[arg(long)]
    pub throughput: Option<PathBuf>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    text_path: String,
    attribution_paths: Vec<String>,
}

struct Doc {
    article: Article,
    /// The first annotator's attributions, as the reference scorer reads them.
    gold: Vec<Attribution>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let root = match &args.data_root {
        Some(r) => r.clone(),
        None => args
            .data
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    let docs = load(&args, &root)?;

    let (best, found) = fastest(args.repeat, || -> Vec<(Vec<Quote>, Vec<Figure>)> {
        docs.iter()
            .map(|d| {
                let doc = understand(&d.article);
                (
                    quotes::find(&d.article, &doc),
                    figures::find(&d.article, &doc),
                )
            })
            .collect()
    });

    let mut all = Counts::default();
    let mut direct = Counts::default();
    let mut reported = Counts::default();
    for (d, (quotes, _)) in docs.iter().zip(&found) {
        let chars = char_index(&d.article.text);
        let at = |b: usize| chars.get(b).copied().unwrap_or(usize::MAX);
        let predicted: Vec<Predicted> = quotes
            .iter()
            .map(|q| Predicted {
                content: (at(q.content.start), at(q.content.end)),
                speaker: q
                    .speaker
                    .as_ref()
                    .map(|s| (at(s.span.start), at(s.span.end))),
            })
            .collect();
        all.add(&predicted, &d.gold);
        // Recall by kind of gold statement: with quotation marks (direct) or without.
        let text: Vec<char> = d.article.text.chars().collect();
        let (with, without): (Vec<Attribution>, Vec<Attribution>) = d
            .gold
            .iter()
            .cloned()
            .partition(|g| has_quotation_mark(&text, g));
        direct.add(&predicted, &with);
        reported.add(&predicted, &without);
    }

    if let Some(path) = &args.out {
        let mut w = BufWriter::new(
            fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for (d, (quotes, figures)) in docs.iter().zip(&found) {
            serde_json::to_writer(
                &mut w,
                &wire::WireFacts::new(&d.article, &[], quotes, figures),
            )?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }

    let n = docs.len();
    outln!(
        "data: {}  documents: {n}  gold statements: {}  predicted: {}",
        args.data.display(),
        all.gold,
        all.predicted
    );
    outln!(
        "content P={:.1} R={:.1} F1={:.1} speaker={:.1}% (pred={} gold={})",
        100.0 * all.precision(),
        100.0 * all.recall(),
        100.0 * all.f1(),
        100.0 * all.speaker_accuracy(),
        all.predicted,
        all.gold
    );
    outln!(
        "recall: with quotation marks {:.1} ({} gold), without {:.1} ({} gold)",
        100.0 * direct.recall(),
        direct.gold,
        100.0 * reported.recall(),
        reported.gold
    );
    let words: usize = docs
        .iter()
        .map(|d| d.article.text.split_whitespace().count())
        .sum();
    outln!(
        "throughput (understand + quotes + figures, one thread): {:.0} articles/s, {:.0} words/s",
        n as f64 / best.max(1e-9),
        words as f64 / best.max(1e-9)
    );
    if let Some(path) = &args.throughput {
        let articles = read_articles(path)?;
        let words: usize = articles
            .iter()
            .map(|a| a.text.split_whitespace().count())
            .sum();
        let (best, (statements, numbers)) = fastest(args.repeat, || {
            let (mut statements, mut numbers) = (0, 0);
            for a in &articles {
                let doc = understand(a);
                statements += quotes::find(a, &doc).len();
                numbers += figures::find(a, &doc).len();
            }
            (statements, numbers)
        });
        outln!(
            "throughput on {} ({} articles, {statements} statements, {numbers} figures): {:.0} articles/s, {:.0} words/s",
            path.display(),
            articles.len(),
            articles.len() as f64 / best.max(1e-9),
            words as f64 / best.max(1e-9)
        );
    }
    Ok(Outcome::Success)
}

/// The articles of a JSONL file of `{"id", "text"}` or `{"id", "article"}` lines.
fn read_articles(path: &Path) -> Result<Vec<Article>> {
    #[derive(Deserialize)]
    struct Line {
        id: String,
        #[serde(alias = "article")]
        text: String,
    }
    Ok(read_records::<Line>(path, "an article record", None)?
        .into_iter()
        .map(|line| Article::from_text(line.id, line.text))
        .collect())
}

fn load(args: &Args, root: &Path) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for r in read_records::<Record>(&args.data, "a PolNeAR index record", args.limit)? {
        let text_path = root.join(&r.text_path);
        let text = fs::read_to_string(&text_path)
            .with_context(|| format!("cannot read {}", text_path.display()))?;
        let ann_path = root.join(
            r.attribution_paths
                .first()
                .with_context(|| format!("{}: no attribution file", r.id))?,
        );
        let ann = fs::read_to_string(&ann_path)
            .with_context(|| format!("cannot read {}", ann_path.display()))?;
        docs.push(Doc {
            article: Article::from_text(r.id, text),
            gold: parse_ann(&ann),
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

/// A gold statement is direct when a quotation mark is inside its content or next to it,
/// as `peers/quotes_eval.py` decides.
fn has_quotation_mark(text: &[char], g: &Attribution) -> bool {
    let (s, e) = g.content;
    let lo = s.saturating_sub(1);
    let hi = (e + 1).min(text.len());
    lo < hi
        && text[lo..hi]
            .iter()
            .any(|c| matches!(c, '"' | '“' | '”' | '″' | '„' | '«' | '»'))
}
