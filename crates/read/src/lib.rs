//! Reading news input into [`Article`]s: the first stage of brief's pipeline.
//!
//! Bytes come in from files, directories, stdin or JSONL records; this crate decides
//! what they are ([`Format`]), decodes any charset to UTF-8 ([`decode`]), pulls the
//! main text and metadata out of HTML pages ([`html::extract`]) and hands back one
//! [`Article`] per document. The article text is final here: later stages only point
//! into it with byte spans.
//!
//! It is *not* for understanding text (sentences, entities: `brief-understand`) nor for
//! walking the file system or printing: callers hand it bytes and an origin name.
//!
//! ```
//! use brief_read::{read_document, Format};
//! let article = read_document("note.txt", b"Rain fell in Kyiv. Rivers rose.", Format::Text).unwrap();
//! assert_eq!(article.text, "Rain fell in Kyiv. Rivers rose.");
//! ```

mod charset;
mod error;
mod feed;
pub mod html;
mod jsonl;
mod text;
mod warc;

pub use charset::{decode, Decoded};
pub use error::ReadError;
pub use feed::read_feed;
pub use jsonl::read_jsonl;
pub use warc::read_warc;

use brief_core::Article;

/// Inputs larger than this are refused: no news article comes close, and a
/// runaway input must not exhaust memory.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What kind of document a sequence of bytes holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An HTML page.
    Html,
    /// Plain text: the decoded input is the article text, unchanged.
    Text,
    /// One JSON object per line, each an article.
    Jsonl,
    /// An RSS, Atom or JSON Feed file: one article per entry.
    Feed,
    /// A WARC archive (plain or gzip): one article per HTML page.
    Warc,
}

impl Format {
    /// Decides the format from a file name's extension, else by sniffing the bytes.
    pub fn detect(name: Option<&str>, bytes: &[u8]) -> Format {
        let ext = name
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
            Some("jsonl" | "ndjson") => return Format::Jsonl,
            Some("txt" | "text" | "md") => return Format::Text,
            Some("rss" | "atom") => return Format::Feed,
            Some("warc") => return Format::Warc,
            _ => {}
        }
        Format::sniff(bytes)
    }

    /// Decides the format from the content alone.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(4096)];
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF))
            .unwrap_or(head.len());
        if warc::looks_like_warc(bytes) {
            return Format::Warc;
        }
        let head = &head[start..];
        let lower: Vec<u8> = head.iter().take(1024).map(u8::to_ascii_lowercase).collect();
        let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
        if head.first() == Some(&b'{') {
            // A JSON Feed is one object naming its version; anything else is JSONL.
            return if has(b"jsonfeed.org/version") {
                Format::Feed
            } else {
                Format::Jsonl
            };
        }
        if lower.starts_with(b"<") && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) {
            return Format::Feed;
        }
        if lower.starts_with(b"<!doctype html")
            || lower.starts_with(b"<html")
            || has(b"<html")
            || has(b"<head")
            || has(b"<body")
            || (lower.starts_with(b"<") && (has(b"<p>") || has(b"<div")))
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Reads every article an input holds: one for a page or a text, one per line
/// of JSONL, one per entry of a feed, one per page of a WARC archive. Each is
/// read on its own, so one bad record does not cost the others.
pub fn read_all(origin: &str, bytes: &[u8], format: Format) -> Vec<Result<Article, ReadError>> {
    match format {
        Format::Jsonl => read_jsonl(origin, bytes),
        Format::Feed => read_feed(origin, bytes),
        Format::Warc => read_warc(origin, bytes),
        Format::Html | Format::Text => vec![read_document(origin, bytes, format)],
    }
}

/// Reads one HTML or plain-text document. JSONL, feeds and archives hold many: use [`read_all`].
///
/// `origin` names the input in errors and becomes the article id.
pub fn read_document(origin: &str, bytes: &[u8], format: Format) -> Result<Article, ReadError> {
    check_size(origin, bytes)?;
    match format {
        Format::Jsonl | Format::Feed | Format::Warc => Err(ReadError::Jsonl {
            origin: origin.to_string(),
            line: 0,
            reason: "this input holds many articles: read it with read_all".into(),
        }),
        Format::Text => {
            let decoded = decode(origin, bytes, None)?;
            let mut article = Article::from_text(origin, decoded.text);
            check_text(origin, &article.text)?;
            text::find_metadata(&mut article);
            Ok(article)
        }
        Format::Html => {
            let decoded = decode(origin, bytes, html::declared_charset(bytes))?;
            let mut article = html::extract(&decoded.text);
            article.id = origin.to_string();
            check_text(origin, &article.text).map_err(|_| ReadError::NoArticle {
                origin: origin.to_string(),
            })?;
            Ok(article)
        }
    }
}

pub(crate) fn check_size(origin: &str, bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            origin: origin.to_string(),
            bytes: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

pub(crate) fn check_text(origin: &str, text: &str) -> Result<(), ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            origin: origin.to_string(),
        });
    }
    Ok(())
}
