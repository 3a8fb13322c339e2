//! `brief eval ner`: entity-level P/R/F1 per dataset against BIO-tagged gold, and
//! the throughput of understand + recognize on one thread.
//!
//! Scored as `peers/score_brief.py ner` scores `brief entities` output: gold
//! entities are the conlleval chunks of the tags over the tokens joined by single
//! spaces; a prediction counts when its byte span and upper-cased type equal a gold
//! entity's (the script compares character offsets; on the same text that is the
//! same test). Each line is recognised on its own, as `brief entities` does with
//! JSONL input. WNUT-17's gold types are lower-case (`person`, …), which the script
//! never matches, so its typed score is 0 by construction; the untyped column
//! (span only) is the informative one there.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use brief::entities::Annotated;
use brief::{entities, understand, Article, Entity, EntityKind, Span};
use serde::Deserialize;

use brief_render::wire;

use super::fastest;
use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSONL lines `{"id","dataset","tokens","tags","text"}` (e.g. ../shared/data/ner/dev.jsonl).
    #[arg(long)]
    pub data: PathBuf,
    /// Score only lines of this dataset.
    #[arg(long)]
    pub dataset: Option<String>,
    /// Score only the first N lines.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Also write the predictions (the `brief entities` JSON lines) to this file.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Time recognition this many times and report the fastest run (the machine is shared).
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Recognise whole documents (the lines of a `doc_id` joined by blank lines, as an
    /// article would come) instead of each line on its own; scores stay per line.
    /// Not how `brief entities` sees JSONL lines, so not comparable with the scorer.
    #[arg(long)]
    pub by_doc: bool,
}

/// One gold line.
#[derive(Deserialize)]
pub struct GoldRecord {
    pub id: String,
    #[serde(default)]
    pub dataset: Option<String>,
    #[serde(default)]
    pub doc_id: Option<String>,
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// A gold line ready to score: its text, gold spans with their type strings.
pub struct Gold {
    pub id: String,
    pub dataset: String,
    /// The document the line belongs to (its own id when there is none).
    pub doc_id: String,
    pub text: String,
    pub spans: Vec<(Span, String)>,
}

impl Gold {
    /// The gold entities as CoNLL types, for training; `map` gives the kind of a
    /// gold type (entities it maps to `None` are dropped).
    pub fn annotated(&self, map: impl Fn(&str) -> Option<EntityKind>) -> Annotated {
        Annotated {
            text: self.text.clone(),
            entities: self
                .spans
                .iter()
                .filter_map(|(span, t)| map(t).map(|kind| Entity { span: *span, kind }))
                .collect(),
        }
    }
}

/// Chunks IOB tags as conlleval (and the scorer) do: an `I-` that does not
/// continue an entity of its type starts one. Spans are bytes over the tokens
/// joined by single spaces.
fn gold_spans(tokens: &[String], tags: &[String]) -> Vec<(Span, String)> {
    let mut offsets = Vec::with_capacity(tokens.len());
    let mut pos = 0;
    for t in tokens {
        offsets.push((pos, pos + t.len()));
        pos += t.len() + 1;
    }
    let mut out = Vec::new();
    let mut current: Option<(usize, usize, &str)> = None;
    for (i, tag) in tags.iter().map(String::as_str).chain(["O"]).enumerate() {
        let (prefix, kind) = tag.split_at(tag.len().min(2));
        if let Some((s, e, k)) = current {
            if tag == "O" || prefix == "B-" || (prefix == "I-" && kind != k) {
                out.push((Span::new(offsets[s].0, offsets[e].1), k.to_string()));
                current = None;
            }
        }
        if prefix == "B-" || (prefix == "I-" && current.is_none()) {
            current = Some((i, i, kind));
        } else if prefix == "I-" {
            if let Some(c) = &mut current {
                c.1 = i;
            }
        }
    }
    out
}

/// Reads gold lines, optionally only one dataset's and only the first `limit`.
pub fn load_gold(path: &Path, dataset: Option<&str>, limit: Option<usize>) -> Result<Vec<Gold>> {
    let raw =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: GoldRecord = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not an NER record", path.display(), i + 1))?;
        if r.tokens.len() != r.tags.len() {
            bail!(
                "{}:{}: tokens and tags differ in number",
                path.display(),
                i + 1
            );
        }
        let ds = r.dataset.unwrap_or_else(|| "?".into());
        if dataset.is_some_and(|d| d != ds) {
            continue;
        }
        // WNUT-17's single doc_id covers a whole file of unrelated posts.
        let doc_id = match r.doc_id {
            Some(d) if !ds.starts_with("wnut") => d,
            _ => r.id.clone(),
        };
        out.push(Gold {
            spans: gold_spans(&r.tokens, &r.tags),
            text: r.tokens.join(" "),
            id: r.id,
            dataset: ds,
            doc_id,
        });
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
    }
    if out.is_empty() {
        bail!("{}: no NER lines to score", path.display());
    }
    Ok(out)
}

/// Consecutive lines of one document joined by blank lines, as an article.
pub struct Joined {
    pub text: String,
    /// Index into the gold lines and byte offset in `text` of each line.
    pub lines: Vec<(usize, usize)>,
}

impl Joined {
    /// The line holding byte `at` of the text: (gold index, its offset).
    fn line_at(&self, at: usize) -> (usize, usize) {
        let i = self.lines.partition_point(|&(_, off)| off <= at);
        self.lines[i.saturating_sub(1)]
    }
}

/// Groups consecutive lines with the same `doc_id`.
pub fn join_documents(gold: &[Gold]) -> Vec<Joined> {
    let mut out: Vec<Joined> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        match out.last_mut() {
            Some(j) if gold[j.lines[0].0].doc_id == g.doc_id => {
                j.text.push_str("\n\n");
                j.lines.push((i, j.text.len()));
                j.text.push_str(&g.text);
            }
            _ => out.push(Joined {
                text: g.text.clone(),
                lines: vec![(i, 0)],
            }),
        }
    }
    out
}

/// Whole documents for training: the lines' texts joined, their entities moved along.
pub fn annotated_documents(
    gold: &[Gold],
    map: impl Fn(&str) -> Option<EntityKind>,
) -> Vec<Annotated> {
    let map = &map;
    join_documents(gold)
        .into_iter()
        .map(|j| {
            let entities = j
                .lines
                .iter()
                .flat_map(|&(i, off)| {
                    gold[i].spans.iter().filter_map(move |(span, t)| {
                        map(t).map(|kind| Entity {
                            span: Span::new(span.start + off, span.end + off),
                            kind,
                        })
                    })
                })
                .collect();
            Annotated {
                text: j.text,
                entities,
            }
        })
        .collect()
}

/// Recognises whole documents and hands each line its entities, in line offsets.
pub fn recognize_documents(gold: &[Gold], model: &entities::Model) -> Vec<Vec<Entity>> {
    let mut out = vec![Vec::new(); gold.len()];
    for j in join_documents(gold) {
        let article = Article::from_text("", j.text.as_str());
        for e in model.recognize(&j.text, &understand(&article)) {
            let (i, off) = j.line_at(e.span.start);
            out[i].push(Entity {
                span: Span::new(e.span.start - off, e.span.end - off),
                kind: e.kind,
            });
        }
    }
    out
}

/// Entity counts of one group of lines.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub lines: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// Predictions whose span (type aside) is a gold entity's.
    pub span_tp: usize,
}

impl Counts {
    /// Precision, recall and F1, each in 0–1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        (p, r, 2.0 * p * r / (p + r).max(1e-9))
    }

    /// F1 of spans alone.
    pub fn untyped_f1(&self) -> f64 {
        let predicted = (self.tp + self.fp).max(1) as f64;
        let gold = (self.tp + self.fn_).max(1) as f64;
        let (p, r) = (self.span_tp as f64 / predicted, self.span_tp as f64 / gold);
        2.0 * p * r / (p + r).max(1e-9)
    }
}

/// Counts per dataset and for `all`.
pub fn score(gold: &[Gold], predicted: &[Vec<Entity>]) -> BTreeMap<String, Counts> {
    let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        let gold_set: HashSet<(Span, &str)> =
            g.spans.iter().map(|(s, t)| (*s, t.as_str())).collect();
        let gold_spans: HashSet<Span> = g.spans.iter().map(|(s, _)| *s).collect();
        let pred_set: HashSet<(Span, &str)> = p.iter().map(|e| (e.span, e.kind.conll())).collect();
        let tp = pred_set.intersection(&gold_set).count();
        let pred_spans: HashSet<Span> = p.iter().map(|e| e.span).collect();
        let span_tp = pred_spans.intersection(&gold_spans).count();
        for key in ["all", g.dataset.as_str()] {
            let c = groups.entry(key.to_string()).or_default();
            c.lines += 1;
            c.tp += tp;
            c.fp += pred_set.len() - tp;
            c.fn_ += gold_set.len() - tp;
            c.span_tp += span_tp;
        }
    }
    groups
}

/// Recognises every line on its own, as `brief entities` does.
pub fn recognize_all(articles: &[Article], model: &entities::Model) -> Vec<Vec<Entity>> {
    articles
        .iter()
        .map(|a| model.recognize(&a.text, &understand(a)))
        .collect()
}

/// Writes the score table to `out`.
pub fn print_table(
    out: &mut impl std::io::Write,
    groups: &BTreeMap<String, Counts>,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<18} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}",
        "dataset", "lines", "P", "R", "F1", "tp", "fp", "fn", "untypedF1"
    )?;
    for (name, c) in groups {
        let (p, r, f) = c.prf();
        writeln!(
            out,
            "{name:<18} {:>5} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>6} {:>6} {:>8.1}",
            c.lines,
            100.0 * p,
            100.0 * r,
            100.0 * f,
            c.tp,
            c.fp,
            c.fn_,
            100.0 * c.untyped_f1()
        )?;
    }
    Ok(())
}

pub fn run(args: Args) -> Result<Outcome> {
    let gold = load_gold(&args.data, args.dataset.as_deref(), args.limit)?;
    let model = entities::shipped().map_err(|e| anyhow::anyhow!("the shipped model: {e}"))?;
    let articles: Vec<Article> = gold
        .iter()
        .map(|g| Article::from_text(g.id.clone(), g.text.clone()))
        .collect();
    let words: usize = gold.iter().map(|g| g.text.split_whitespace().count()).sum();

    // Throughput: understand + recognize from the text, one thread, best of `repeat`.
    let (secs, predicted) = fastest(args.repeat, || {
        if args.by_doc {
            recognize_documents(&gold, model)
        } else {
            recognize_all(&articles, model)
        }
    });
    let secs = secs.max(1e-9);

    if let Some(path) = &args.out {
        let mut w = BufWriter::new(
            fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for (a, p) in articles.iter().zip(&predicted) {
            serde_json::to_writer(&mut w, &wire::WireEntities::new(a, p, EntityKind::conll))?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }

    outln!(
        "data: {}  lines: {}  words: {words}",
        args.data.display(),
        gold.len()
    );
    print_table(&mut std::io::stdout(), &score(&gold, &predicted))?;
    outln!(
        "speed: {:.0} words/s, {:.0} lines/s (understand + recognize, 1 thread, {:.3} s, best of {})",
        words as f64 / secs,
        gold.len() as f64 / secs,
        secs,
        args.repeat.max(1)
    );
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob_chunks_like_conlleval() {
        let tokens: Vec<String> = ["New", "York", "'s", "Mets", "beat", "Jo"]
            .map(String::from)
            .to_vec();
        let tags: Vec<String> = ["B-LOC", "I-LOC", "O", "I-ORG", "O", "B-PER"]
            .map(String::from)
            .to_vec();
        let text = tokens.join(" ");
        let spans = gold_spans(&tokens, &tags);
        let got: Vec<(&str, &str)> = spans
            .iter()
            .map(|(s, t)| (&text[s.start..s.end], t.as_str()))
            .collect();
        assert_eq!(got, [("New York", "LOC"), ("Mets", "ORG"), ("Jo", "PER")]);
    }

    #[test]
    fn documents_join_lines_and_map_offsets_back() {
        let line = |id: &str, doc: &str, text: &str| Gold {
            id: id.into(),
            dataset: "d".into(),
            doc_id: doc.into(),
            text: text.into(),
            spans: vec![(Span::new(0, 2), "PER".into())],
        };
        let gold = [
            line("1", "a", "Jo ran"),
            line("2", "a", "Al sat"),
            line("3", "b", "Ed"),
        ];
        let joined = join_documents(&gold);
        assert_eq!(joined.len(), 2);
        assert_eq!(joined[0].text, "Jo ran\n\nAl sat");
        assert_eq!(joined[0].line_at(9), (1, 8));
        assert_eq!(joined[0].line_at(3), (0, 0));
        let docs = annotated_documents(&gold, EntityKind::from_conll);
        let names: Vec<&str> = docs[0]
            .entities
            .iter()
            .map(|e| &docs[0].text[e.span.start..e.span.end])
            .collect();
        assert_eq!(names, ["Jo", "Al"]);
    }
}
