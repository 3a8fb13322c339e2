//! `brief eval summaries`: ROUGE of the takeaways against reference highlights,
//! with Lead-3 (the first three sentences) measured in the same run, throughput,
//! and the faithfulness check on every brief.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use brief::{understand, Article, Brief, Pipeline};
use brief_eval::rouge::{RougeScores, Scorer};
use serde::Deserialize;

use brief_render::wire;

use super::{fastest, read_records};
use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSONL lines `{"id","article","highlights":[...]}` (e.g. ../shared/data/cnndm/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Takeaways per brief.
    #[arg(long, default_value_t = 3)]
    pub takeaways: usize,
    /// Score only the first N records.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Also write every brief (JSON contract, one per line) to this file.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Time the briefs this many times and report the fastest run (the machine is shared,
    /// so one run's time is noisy), as `eval quotes` and `eval ner` do.
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(alias = "text")]
    article: String,
    highlights: Vec<String>,
}

#[derive(Default)]
struct Totals {
    n: usize,
    sums: [f64; 4],
}

impl Totals {
    fn add(&mut self, s: &RougeScores) {
        self.n += 1;
        for (sum, v) in self
            .sums
            .iter_mut()
            .zip([s.rouge1, s.rouge2, s.rouge_l, s.rouge_lsum])
        {
            *sum += v.fmeasure;
        }
    }
    fn mean(&self, k: usize) -> f64 {
        100.0 * self.sums[k] / self.n.max(1) as f64
    }
}

pub fn run(args: Args) -> Result<Outcome> {
    let records: Vec<Record> = read_records(&args.data, "a summary record", args.limit)?;
    let articles: Vec<Article> = records
        .iter()
        .map(|r| Article::from_text(r.id.clone(), r.article.clone()))
        .collect();

    // Throughput: the whole pipeline, text → brief JSON, one thread; the plain
    // brief and the brief with facts (entities, quotes, figures) timed apart.
    let pipeline = Pipeline::with_takeaways(Some(args.takeaways)).without_facts();
    // The JSON goes into one reused buffer, as `summarize` streams it to its output.
    let mut json = Vec::new();
    // Bytes of JSON written in one run of each kind.
    let (brief_secs, plain_bytes) = fastest(args.repeat, || {
        let mut bytes = 0usize;
        for a in &articles {
            if let Ok(b) = pipeline.brief(a) {
                json.clear();
                wire::WireBrief::new(&b, a).write_json(&mut json);
                bytes += json.len();
            }
        }
        bytes
    });
    let with_facts = Pipeline::with_takeaways(Some(args.takeaways));
    let (facts_secs, (briefs, facts_bytes)) = fastest(args.repeat, || {
        let mut bytes = 0usize;
        let mut briefs: Vec<Option<Brief>> = Vec::with_capacity(articles.len());
        for a in &articles {
            let b = with_facts.brief(a).ok();
            if let Some(b) = &b {
                json.clear();
                wire::WireBrief::new(b, a).write_json(&mut json);
                bytes += json.len();
            }
            briefs.push(b);
        }
        (briefs, bytes)
    });
    let json_bytes = plain_bytes + facts_bytes;
    let stages = stage_timings(&pipeline, &articles);
    let started = Instant::now();
    let leads: Vec<String> = articles.iter().map(lead3).collect();
    let lead_secs = started.elapsed().as_secs_f64();

    let mut scorer = Scorer::new(true);
    let (mut ours, mut lead) = (Totals::default(), Totals::default());
    let (mut sentences, mut unfaithful, mut failed) = (0usize, 0usize, 0usize);
    for ((record, brief), (article, lead_text)) in
        records.iter().zip(&briefs).zip(articles.iter().zip(&leads))
    {
        let target = record.highlights.join("\n");
        let prediction = match brief {
            Some(b) => {
                sentences += b.sentences().count();
                if brief::validate(b, |id| (id == article.id).then_some(article)).is_err() {
                    unfaithful += 1;
                }
                b.takeaways
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            None => {
                failed += 1;
                String::new()
            }
        };
        ours.add(&scorer.score(&target, &prediction));
        lead.add(&scorer.score(&target, lead_text));
    }

    if let Some(path) = &args.out {
        let mut w = BufWriter::new(
            fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for (b, a) in briefs.iter().zip(&articles) {
            if let Some(b) = b {
                json.clear();
                wire::WireBrief::new(b, a).write_json(&mut json);
                json.push(b'\n');
                w.write_all(&json)?;
            }
        }
        w.flush()?;
    }

    let n = records.len();
    outln!(
        "data: {}  articles: {n}  takeaways: {}",
        args.data.display(),
        args.takeaways
    );
    outln!(
        "{:<8} {:>6} {:>6} {:>6} {:>6} {:>12}",
        "method",
        "R1",
        "R2",
        "RL",
        "RLsum",
        "articles/s"
    );
    for (name, t, secs) in [("brief", &ours, brief_secs), ("lead3", &lead, lead_secs)] {
        outln!(
            "{name:<8} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>12.0}",
            t.mean(0),
            t.mean(1),
            t.mean(2),
            t.mean(3),
            n as f64 / secs.max(1e-9)
        );
    }
    outln!(
        "with facts (entities, quotes, figures, Who Said What): {:.0} articles/s",
        n as f64 / facts_secs.max(1e-9)
    );
    outln!(
        "stages (µs/article): understand {:.1}, compose {:.1}, validate {:.1}",
        stages[0] * 1e6 / n as f64,
        stages[1] * 1e6 / n as f64,
        stages[2] * 1e6 / n as f64
    );
    outln!(
        "faithful: {sentences} sentences, {unfaithful} unfaithful briefs; {failed} articles not briefed; {json_bytes} JSON bytes"
    );
    Ok(if unfaithful > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// Seconds spent in each stage over all articles: understand, compose, validate.
fn stage_timings(pipeline: &Pipeline, articles: &[Article]) -> [f64; 3] {
    let started = Instant::now();
    let docs: Vec<_> = articles.iter().map(understand).collect();
    let understand_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let briefs: Vec<Brief> = articles
        .iter()
        .zip(&docs)
        .map(|(a, d)| brief::compose(a, d, &pipeline.options))
        .collect();
    let compose_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    for (a, b) in articles.iter().zip(&briefs) {
        let _ = brief::validate(b, |id| (id == a.id).then_some(a));
    }
    [
        understand_secs,
        compose_secs,
        started.elapsed().as_secs_f64(),
    ]
}

/// The first three sentences as our segmenter finds them, untrimmed.
fn lead3(article: &Article) -> String {
    understand(article)
        .sentences
        .iter()
        .take(3)
        .map(|s| article.slice(s.span))
        .collect::<Vec<_>>()
        .join("\n")
}
