//! Fuzz target: bytes → charset decoding → HTML main-text extraction. Nothing may panic;
//! the text holds no `<script` and every subhead span covers exactly its subhead's text.
#![no_main]

use brief_read::{decode, html, read_document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = read_document("fuzz.html", bytes, Format::Html);
    let Ok(decoded) = decode("fuzz.html", bytes, html::declared_charset(bytes)) else {
        return;
    };
    let article = html::extract(&decoded.text);
    assert!(
        !article.text.to_ascii_lowercase().contains("<script"),
        "script tag in the extracted text"
    );
    for h in &article.headings {
        assert_eq!(
            h.span.get(&article.text),
            Some(h.text.as_str()),
            "heading span"
        );
    }
});
