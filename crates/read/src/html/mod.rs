//! HTML pages: main-text extraction and metadata.
//!
//! [`extract`] turns a decoded page into an [`Article`]: a lenient tokenizer
//! ([`tokenizer`]) feeds a light tree ([`dom`]); [`metadata`] reads the headline,
//! byline, date, outlet and URL; [`extract`](mod@extract) finds and cleans the
//! article body and renders it as paragraphs. [`declared_charset`] reads the
//! charset a page names, for the caller's decoding.
//!
//! It is *not* a conforming HTML5 parser (no DOM for scripts, no CSS, no
//! rendering): only what finding an article's text needs, built for speed.

mod dom;
mod entities;
mod entity_table;
mod extract;
mod hints;
mod metadata;
mod tokenizer;

use brief_core::Article;
use encoding_rs::Encoding;

/// The charset a page declares in its first 4 KiB (`<meta charset>` or
/// `http-equiv="Content-Type"`), if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = Encoding::for_label(&lower[i..end]) {
            return Some(enc);
        }
    }
    None
}

/// Extracts the main text and metadata of a page. The id is left empty for the caller.
///
/// Never fails: a page with no recognisable article gives an empty `text`.
pub fn extract(html: &str) -> Article {
    let dom = dom::parse(html);
    let meta = metadata::read(&dom);
    let body = extract::main_text(&dom, meta.title.as_deref());
    Article {
        id: String::new(),
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        outlet: meta.outlet,
        url: meta.url,
        text: body.text,
        headings: body.headings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1252\">"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">"
            ),
            Some(encoding_rs::ISO_8859_2)
        );
        assert_eq!(declared_charset(b"<p>no charset here</p>"), None);
    }
}
