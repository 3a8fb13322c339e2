//! Hand-made pages under `tests/data/html/` (workspace root), each with the text
//! and metadata a reader should get from it in `NAME.expected.json`.
//!
//! The pages hold the furniture real news pages have (navigation, share bars,
//! captions, ads, related links, newsletter prompts, comments, cookie banners,
//! layout tables, uppercase tags, unclosed paragraphs) around a known article.

use std::fs;
use std::path::PathBuf;

use brief_read::html::extract;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    text: String,
    headings: Vec<String>,
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/html")
}

#[test]
fn fixtures_extract_as_expected() {
    let mut pages: Vec<PathBuf> = fs::read_dir(fixture_dir())
        .expect("fixture directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 3, "fixtures missing: {pages:?}");
    for page in pages {
        let html = fs::read_to_string(&page).expect("fixture is UTF-8");
        let expected_path = page.with_extension("expected.json");
        let expected: Expected = serde_json::from_str(
            &fs::read_to_string(&expected_path).expect("expected file exists"),
        )
        .expect("expected file is valid");
        let got = extract(&html);
        let name = page.display();
        assert_eq!(got.text, expected.text, "{name}: text");
        assert_eq!(got.title, expected.title, "{name}: title");
        assert_eq!(got.byline, expected.byline, "{name}: byline");
        assert_eq!(got.published, expected.published, "{name}: published");
        assert_eq!(got.outlet, expected.outlet, "{name}: outlet");
        assert_eq!(got.url, expected.url, "{name}: url");
        let headings: Vec<&str> = got.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(headings, expected.headings, "{name}: headings");
        for h in &got.headings {
            assert_eq!(h.span.get(&got.text), Some(h.text.as_str()), "{name}: span");
        }
    }
}
