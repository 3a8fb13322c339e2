//! `brief entities`: the named entities of each input, one JSON line per input.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use brief::{entities, understand, EntityKind};
use clap::ValueEnum;

use crate::inputs::for_each_article;
use brief_render::wire;

use crate::Outcome;

/// Entity type labels to print.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Scheme {
    /// The model's own types. These are CoNLL's four today, so the same as `conll`.
    Native,
    /// CoNLL-2003: PER, ORG, LOC, MISC.
    Conll,
}

impl Scheme {
    /// The printed label of a kind.
    pub fn label(self, kind: EntityKind) -> &'static str {
        match self {
            // The model's native types are CoNLL's four: both schemes agree.
            Scheme::Native | Scheme::Conll => kind.conll(),
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (walked recursively) or `-` for stdin (the default);
    /// JSONL lines `{"id","text"}` are one input each.
    pub inputs: Vec<String>,
    /// Type labels.
    #[arg(long, value_enum, default_value = "native")]
    pub scheme: Scheme,
}

pub fn run(args: Args) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let failed = for_each_article(&args.inputs, |_, record| match record {
        Ok(article) => {
            let doc = understand(&article);
            let found = entities::recognize(&article.text, &doc);
            serde_json::to_writer(
                &mut out,
                &wire::WireEntities::new(&article, &found, |k| args.scheme.label(k)),
            )?;
            out.write_all(b"\n")?;
            Ok(true)
        }
        Err(e) => {
            eprintln!("brief: {e}");
            Ok(false)
        }
    })?;
    out.flush()?;
    Ok(if failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}
