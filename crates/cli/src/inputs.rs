//! Turning command-line inputs (files, directories, `-`) into articles.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use brief::read::{read_all, Format, ReadError};
use brief::Article;

/// One input source: a file or stdin.
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// The name used in messages and as the article id.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Expands the arguments: directories are walked recursively (sorted, hidden
/// entries skipped), nothing or `-` means stdin.
pub fn sources(args: &[String]) -> Result<Vec<Source>> {
    if args.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        let meta = fs::metadata(&path).with_context(|| format!("cannot open {arg}"))?;
        if meta.is_dir() {
            walk(&path, &mut out).with_context(|| format!("cannot read directory {arg}"))?;
        } else {
            out.push(Source::File(path));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(Source::File(path));
        }
    }
    Ok(())
}

/// Reads a source's bytes.
pub fn read_bytes(source: &Source) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match source {
        Source::Stdin => {
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
        }
        Source::File(path) => {
            bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        }
    }
    Ok(bytes)
}

/// Every article in a source (JSONL, feeds and WARC archives hold many), each read on its own.
pub fn articles(source: &Source, bytes: &[u8]) -> Vec<Result<Article, ReadError>> {
    let name = source.name();
    let file_name = match source {
        Source::File(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
        Source::Stdin => None,
    };
    read_all(&name, bytes, Format::detect(file_name.as_deref(), bytes))
}

/// Reads every article of every input in order and hands each (or the reason it
/// could not be read) to `each` with its source; `each` says whether the input
/// succeeded. An unreadable file is reported on stderr. Returns how many inputs
/// failed, unreadable files included.
pub fn for_each_article(
    args: &[String],
    mut each: impl FnMut(&Source, Result<Article, ReadError>) -> Result<bool>,
) -> Result<usize> {
    let mut failed = 0;
    for source in &sources(args)? {
        let bytes = match read_bytes(source) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("brief: {e:#}");
                failed += 1;
                continue;
            }
        };
        for record in articles(source, &bytes) {
            if !each(source, record)? {
                failed += 1;
            }
        }
    }
    Ok(failed)
}

/// A file name for an article id: path separators and odd characters become `_`.
pub fn file_stem_for(id: &str) -> String {
    let base = Path::new(id)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| id.to_string());
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() || clean == "-" {
        "stdin".to_string()
    } else {
        clean
    }
}
