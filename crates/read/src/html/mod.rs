//! HTML pages: main-text extraction and metadata.
//!
//! Placeholder extractor: keeps the text of `<p>` and heading elements. To be
//! replaced by the scoring extractor.

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
pub fn extract(html: &str) -> Article {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<p") {
        rest = &rest[open..];
        let Some(gt) = rest.find('>') else { break };
        let Some(close) = rest.find("</p>") else {
            break;
        };
        if close > gt {
            let inner = strip_tags(&rest[gt + 1..close]);
            if !inner.trim().is_empty() {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(inner.trim());
            }
        }
        rest = &rest[close.max(gt) + 1..];
    }
    Article {
        text,
        ..Article::default()
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
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
