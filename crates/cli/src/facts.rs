//! `brief facts`: the attributed statements and figures of each input article.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use brief::{facts, understand, Article, Facts, Figure, Quote};
use clap::ValueEnum;

use crate::inputs::for_each_article;
use brief_render::wire;

use crate::Outcome;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum FactsFormat {
    /// "Who said what", grouped by speaker, then the figures.
    Md,
    /// One JSON object per article: id, entities, quotes, figures (byte offsets).
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (walked recursively) or `-` for stdin (the default).
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: FactsFormat,
}

pub fn run(args: Args) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut written = 0;
    let failed = for_each_article(&args.inputs, |source, record| {
        let article = match record {
            Ok(a) => a,
            Err(e) => {
                eprintln!("brief: {e}");
                if args.format == FactsFormat::Json {
                    let e = anyhow::Error::from(e);
                    let id = crate::summarize::error_id(&e, source.name());
                    let error = wire::WireError {
                        id: &id,
                        error: format!("{e:#}"),
                    };
                    serde_json::to_writer(&mut out, &error)?;
                    out.write_all(b"\n")?;
                }
                return Ok(false);
            }
        };
        let doc = understand(&article);
        let Facts {
            entities: named,
            quotes,
            figures,
        } = facts(&article, &doc);
        match args.format {
            FactsFormat::Json => {
                serde_json::to_writer(
                    &mut out,
                    &wire::WireFacts::new(&article, &named, &quotes, &figures),
                )?;
                out.write_all(b"\n")?;
            }
            FactsFormat::Md => {
                if written > 0 {
                    out.write_all(b"\n---\n\n")?;
                }
                out.write_all(markdown(&article, &quotes, &figures).as_bytes())?;
            }
        }
        written += 1;
        Ok(true)
    })?;
    out.flush()?;
    Ok(if failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// "Who said what", one list per speaker in order of first appearance (unattributed
/// statements last), then the figures with what they count.
fn markdown(article: &Article, quotes: &[Quote], figures: &[Figure]) -> String {
    let text = |s: brief::Span| one_line(s.get(&article.text).unwrap_or_default());
    let mut md = format!("# {}\n", article.title.as_deref().unwrap_or(&article.id));
    if !quotes.is_empty() {
        md.push_str("\n## Who said what\n");
        let mut speakers: Vec<Option<&str>> = Vec::new();
        for q in quotes {
            let who = q.speaker.as_ref().map(|s| s.canonical.as_str());
            if !speakers.contains(&who) {
                speakers.push(who);
            }
        }
        // Unattributed statements last.
        speakers.sort_by_key(Option::is_none);
        for who in speakers {
            md.push_str(&format!("\n**{}**\n\n", who.unwrap_or("Unattributed")));
            for q in quotes
                .iter()
                .filter(|q| q.speaker.as_ref().map(|s| s.canonical.as_str()) == who)
            {
                let content = text(q.content);
                if q.direct {
                    md.push_str(&format!("- “{content}”\n"));
                } else {
                    md.push_str(&format!("- {content}\n"));
                }
            }
        }
    }
    if !figures.is_empty() {
        md.push_str("\n## Figures\n\n");
        for f in figures {
            match f.counts {
                Some(c) => md.push_str(&format!("- {} — {}\n", text(f.span), text(c))),
                None => md.push_str(&format!("- {}\n", text(f.span))),
            }
        }
    }
    md
}

/// Text on one line: paragraph breaks inside a quote become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
