//! `brief summarize`: one brief per input article.

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use brief::{Article, Brief, Pipeline};
use clap::ValueEnum;

use crate::inputs::{articles, file_stem_for, read_bytes, sources};
use brief_render::{self as render, wire};

use crate::Outcome;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum BriefFormat {
    /// Seed-shaped Markdown.
    Md,
    /// One JSON object per brief (the JSON contract), one per line.
    Json,
    /// A self-contained HTML page; sentences show their source on hover and click.
    Html,
}

impl BriefFormat {
    fn extension(self) -> &'static str {
        match self {
            BriefFormat::Md => "md",
            BriefFormat::Json => "json",
            BriefFormat::Html => "html",
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (walked recursively) or `-` for stdin (the default).
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: BriefFormat,
    /// Number of key takeaways (default: 3–6, chosen by the article's length).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=20))]
    pub takeaways: Option<u8>,
    /// Write one file per input article into this directory instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Leave out the facts (entities, roles, Who's Who): the plain brief, several times faster.
    #[arg(long)]
    pub no_facts: bool,
}

pub fn run(args: Args) -> Result<Outcome> {
    let mut pipeline = Pipeline::with_takeaways(args.takeaways.map(usize::from));
    if args.no_facts {
        pipeline = pipeline.without_facts();
    }
    let sources = sources(&args.inputs)?;
    if let Some(dir) = &args.out {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let progress = (sources.len() > 1 && io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(sources.len() as u64));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut written = 0usize;
    // One brief's JSON at a time, in a buffer kept from brief to brief.
    let mut json = Vec::new();
    for source in &sources {
        let bytes = match read_bytes(source) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("brief: {e:#}");
                failed += 1;
                continue;
            }
        };
        for record in articles(source, &bytes) {
            let result = record
                .map_err(anyhow::Error::from)
                .and_then(|article| Ok((pipeline.brief(&article)?, article)));
            match result {
                Ok((brief, article)) if args.format == BriefFormat::Json && args.out.is_none() => {
                    json.clear();
                    wire::WireBrief::new(&brief, &article).write_json(&mut json);
                    json.push(b'\n');
                    out.write_all(&json)?;
                    written += 1;
                }
                Ok((brief, article)) => {
                    let rendered = render_one(&brief, &article, args.format)?;
                    if let Some(dir) = &args.out {
                        let path = dir.join(format!(
                            "{}.{}",
                            file_stem_for(&article.id),
                            args.format.extension()
                        ));
                        fs::write(&path, rendered)
                            .with_context(|| format!("cannot write {}", path.display()))?;
                    } else {
                        if written > 0 && args.format == BriefFormat::Md {
                            out.write_all(b"\n---\n\n")?;
                        }
                        out.write_all(rendered.as_bytes())?;
                    }
                    written += 1;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("brief: {e:#}");
                    if args.format == BriefFormat::Json && args.out.is_none() {
                        let id = error_id(&e, source.name());
                        serde_json::to_writer(
                            &mut out,
                            &wire::WireError {
                                id: &id,
                                error: format!("{e:#}"),
                            },
                        )?;
                        out.write_all(b"\n")?;
                    }
                }
            }
        }
        if let Some(p) = &progress {
            p.inc(1);
        }
    }
    out.flush()?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    Ok(if failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// The record's id for an error line: the JSONL id when the message names one.
pub(crate) fn error_id(e: &anyhow::Error, fallback: String) -> String {
    let msg = e.to_string();
    msg.split_once("(id ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(id, _)| id.to_string())
        .unwrap_or(fallback)
}

fn render_one(brief: &Brief, article: &Article, format: BriefFormat) -> Result<String> {
    Ok(match format {
        BriefFormat::Md => render::markdown(brief),
        BriefFormat::Html => render::html(brief, &[article]),
        BriefFormat::Json => {
            let mut s = serde_json::to_string(&wire::WireBrief::new(brief, article))?;
            s.push('\n');
            s
        }
    })
}
