//! Feeds and WARC archives: one article per entry or page, bad records rejected
//! one by one, the rest kept.

use std::path::{Path, PathBuf};

use brief_read::{read_all, Format, ReadError};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/data/feeds")
            .join(name),
    )
    .expect("fixture")
}

#[test]
fn an_rss_feed_gives_one_article_per_entry_with_its_metadata() {
    let bytes = fixture("news.rss");
    assert_eq!(Format::detect(Some("news.rss"), &bytes), Format::Feed);
    assert_eq!(Format::sniff(&bytes), Format::Feed);
    let read = read_all("news.rss", &bytes, Format::Feed);
    assert_eq!(read.len(), 3);
    let first = read[0].as_ref().expect("first entry");
    assert_eq!(first.id, "gazette-1");
    assert_eq!(first.title.as_deref(), Some("Council backs flood barrier"));
    assert_eq!(first.outlet.as_deref(), Some("Valley Gazette"));
    assert_eq!(
        first.url.as_deref(),
        Some("https://gazette.example/flood-barrier")
    );
    assert_eq!(
        first.published.as_deref(),
        Some("2024-03-05T18:00:00+00:00")
    );
    assert!(
        first.text.starts_with("The city council voted on Tuesday"),
        "{}",
        first.text
    );
    assert!(
        first
            .text
            .contains("\n\nThe barrier will cost $120 million"),
        "paragraphs kept: {}",
        first.text
    );
    // A plain-text description is an article too.
    let second = read[1].as_ref().expect("second entry");
    assert!(second.text.starts_with("Rovers sacked manager Tom Hale"));
    // An entry with no text is rejected on its own.
    assert!(matches!(&read[2], Err(ReadError::NoArticle { origin }) if origin == "news.rss#3"));
}

#[test]
fn a_malformed_feed_is_one_clear_error() {
    let read = read_all("bad.rss", b"<rss><channel><item><title>Open", Format::Feed);
    assert_eq!(read.len(), 1);
    let err = read[0].as_ref().unwrap_err();
    assert_eq!(err.reason(), "malformed feed");
    assert!(
        err.to_string().starts_with("bad.rss: malformed feed"),
        "{err}"
    );
}

#[test]
fn a_warc_gives_its_html_responses_and_rejects_the_truncated_record() {
    let bytes = fixture("truncated.warc");
    assert_eq!(Format::sniff(&bytes), Format::Warc);
    let read = read_all("t.warc", &bytes, Format::Warc);
    assert_eq!(
        read.len(),
        2,
        "the request is skipped, the response read, the truncated record reported"
    );
    let page = read[0].as_ref().expect("the whole response");
    assert_eq!(page.id, "https://news.example/bridge");
    assert_eq!(page.title.as_deref(), Some("Bridge reopens after repairs"));
    assert!(page.text.starts_with("The old stone bridge"));
    let err = read[1].as_ref().unwrap_err();
    assert_eq!(err.reason(), "damaged WARC record");
    assert!(err.to_string().contains("truncated record"), "{err}");
}

#[test]
fn a_gzipped_warc_reads_like_the_plain_one() {
    use std::io::Write;
    let plain = fixture("truncated.warc");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&plain).unwrap();
    let gz = gz.finish().unwrap();
    assert_eq!(Format::sniff(&gz), Format::Warc);
    let a: Vec<String> = read_all("a", &plain, Format::Warc)
        .into_iter()
        .flatten()
        .map(|a| a.text)
        .collect();
    let b: Vec<String> = read_all("a", &gz, Format::Warc)
        .into_iter()
        .flatten()
        .map(|a| a.text)
        .collect();
    assert_eq!(a, b);
    assert_eq!(a.len(), 1);
}

#[test]
fn garbage_that_looks_like_a_warc_is_rejected_not_a_panic() {
    for bytes in [
        &b"WARC/1.0\r\nContent-Length: 99999\r\n\r\nshort"[..],
        b"WARC/1.0\r\nno end",
        b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",
    ] {
        let read = read_all("g", bytes, Format::Warc);
        assert_eq!(read.len(), 1);
        assert!(read[0].is_err());
    }
}

fn shared_data() -> Option<PathBuf> {
    std::env::var_os("BRIEF_DATA").map(PathBuf::from)
}

/// The feed-rs fixtures: every parseable feed yields as many results as feed-rs's
/// expected parse has entries, and the titles agree.
#[test]
fn shared_feed_fixtures_match_the_expected_parse() {
    let Some(data) = shared_data() else {
        eprintln!("BRIEF_DATA not set: skipped");
        return;
    };
    let index = std::fs::read_to_string(data.join("feeds/index.jsonl")).expect("feeds index");
    let mut checked = 0;
    for line in index.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let path = data.join(row["path"].as_str().unwrap());
        let Some(expected) = row["expected_parse_path"].as_str() else {
            continue;
        };
        let Ok(expected) = std::fs::read_to_string(data.join(expected)) else {
            continue;
        };
        let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let read = read_all(row["id"].as_str().unwrap(), &bytes, Format::Feed);
        let entries = expected["entries"].as_array().unwrap();
        assert_eq!(
            read.len(),
            entries.len().max(usize::from(entries.is_empty())),
            "{}",
            path.display()
        );
        for (got, want) in read.iter().zip(entries) {
            if let (Ok(article), Some(title)) = (got, want["title"]["content"].as_str()) {
                let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                if !title.is_empty() {
                    assert_eq!(
                        article.title.as_deref(),
                        Some(title.as_str()),
                        "{}",
                        path.display()
                    );
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 60, "only {checked} feeds checked");
}
