//! `brief extract`: the article as read (main text and metadata).

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::ValueEnum;

use crate::inputs::for_each_article;
use brief_render::wire;

use crate::Outcome;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ExtractFormat {
    /// The main text, preceded by the title when there is one.
    Text,
    /// One JSON object per article: id, title, byline, published, outlet, url, text, headings.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (walked recursively) or `-` for stdin (the default).
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExtractFormat,
}

pub fn run(args: Args) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut written = 0;
    let failed = for_each_article(&args.inputs, |_, record| {
        let article = match record {
            Ok(article) => article,
            Err(e) => {
                eprintln!("brief: {e}");
                return Ok(false);
            }
        };
        match args.format {
            ExtractFormat::Json => {
                serde_json::to_writer(&mut out, &wire::WireArticle::from(&article))?;
                out.write_all(b"\n")?;
            }
            ExtractFormat::Text => {
                if written > 0 {
                    out.write_all(b"\n")?;
                }
                if let Some(title) = &article.title {
                    writeln!(out, "{title}\n")?;
                }
                writeln!(out, "{}", article.text)?;
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
