//! Property tests of the reader: charset decoding, format sniffing, JSONL records and HTML
//! extraction never panic on any input, keep valid UTF-8 text unchanged, give one result per
//! JSONL record, and keep extracted text free of scripts with subheads that point at themselves.

use brief_read::{decode, html, read_jsonl, Format, ReadError};
use proptest::prelude::*;

/// A small hand-written news page (nav, scripts, related links, footer).
const PAGE: &str = include_str!("../../../benches/data/library-reopens.html");

/// Openings that send the reader down one path or another.
const HEADS: &[&[u8]] = &[
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"<html>",
    b"{\"id\":",
    b"  \n{",
    b"<!DOCTYPE html>",
    b"\0",
    b"<p>",
];

/// Bytes that look like text, markup, JSON or binary, plus arbitrary bytes.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..600),
        2 => any::<String>().prop_map(String::into_bytes),
        1 => "[<>{}\"a-z \\n]{0,200}".prop_map(String::into_bytes),
        1 => (prop::sample::select(HEADS), prop::collection::vec(any::<u8>(), 0..300))
            .prop_map(|(head, tail)| [head, &tail[..]].concat()),
    ]
}

/// Text that is valid UTF-8, has no BOM and no control characters but tab and line breaks:
/// text that the reader must hand back unchanged.
fn clean_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,300}",
        "[ -~\\t\\n\\r]{0,300}",
        "[a-zA-Z éü€“”—…\\n]{0,300}",
    ]
    .prop_map(|s| {
        s.chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .trim_start_matches('\u{feff}')
            .to_string()
    })
}

/// The page with one random edit: cut short, a range dropped, markup inserted, or bytes flipped.
fn mutated_page() -> impl Strategy<Value = String> {
    const SNIPPETS: &[&str] = &[
        "<p>",
        "</p>",
        "<p",
        "<script>",
        "</script>",
        "<script>var x = '<p>SCRIPT</p>';",
        "<!--",
        "-->",
        "<h2>",
        "</h2>",
        "<",
        ">",
        "&",
        "&amp;",
        "&#x",
        "&#99999999;",
        "<![CDATA[",
        "<style>",
        "</article>",
        "<article>",
        "\u{0}",
        "\u{feff}",
        "“",
        "</",
        "<p>Ünïcödé ☃</p>",
    ];
    let len = PAGE.len();
    prop_oneof![
        (0..=len).prop_map(|cut| cut_at(PAGE, cut).to_string()),
        (0..=len, 0..=len).prop_map(|(a, b)| {
            let (a, b) = (a.min(b), a.max(b));
            format!("{}{}", cut_at(PAGE, a), &PAGE[floor(PAGE, b)..])
        }),
        (
            0..=len,
            prop::collection::vec(prop::sample::select(SNIPPETS), 1..6)
        )
            .prop_map(|(at, snippets)| {
                let at = floor(PAGE, at);
                format!("{}{}{}", &PAGE[..at], snippets.concat(), &PAGE[at..])
            }),
        prop::collection::vec((0..len, any::<u8>()), 1..20).prop_map(|flips| {
            let mut bytes = PAGE.as_bytes().to_vec();
            for (at, b) in flips {
                bytes[at] = b;
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }),
    ]
}

/// The largest char boundary of `s` at or below `at`.
fn floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn cut_at(s: &str, at: usize) -> &str {
    &s[..floor(s, at)]
}

/// The invariants of an extracted article, whatever the page.
fn check_extracted(page: &str) -> Result<(), TestCaseError> {
    let article = html::extract(page);
    prop_assert!(
        !article.text.to_ascii_lowercase().contains("<script"),
        "script tag in the text: {:?}",
        article.text
    );
    let mut previous_end = 0;
    for h in &article.headings {
        let covered = h.span.get(&article.text);
        prop_assert_eq!(covered, Some(h.text.as_str()), "heading span {:?}", h.span);
        prop_assert!(previous_end <= h.span.start, "headings out of order");
        previous_end = h.span.end;
    }
    // What is extracted from a page is extracted again the same way.
    prop_assert_eq!(&html::extract(page), &article);
    Ok(())
}

proptest! {
    // 256 cases unless PROPTEST_CASES says otherwise; failures are reported, not stored.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn decode_never_panics_and_refuses_only_binary(bytes in bytes()) {
        match decode("p", &bytes, None) {
            Ok(d) => prop_assert!(!d.text.contains('\0'), "NUL in decoded text"),
            Err(e) => prop_assert!(matches!(e, ReadError::Binary { .. }), "unexpected {e}"),
        }
        for declared in [encoding_rs::WINDOWS_1252, encoding_rs::SHIFT_JIS, encoding_rs::UTF_8] {
            let _ = decode("p", &bytes, Some(declared));
        }
        let _ = html::declared_charset(&bytes);
    }

    #[test]
    fn valid_utf8_is_returned_unchanged(text in clean_text()) {
        let decoded = decode("p", text.as_bytes(), None).map_err(|e| TestCaseError::fail(e.to_string()));
        // Text with many tabs/line breaks is still text: only NULs and rare controls are binary.
        prop_assert_eq!(decoded?.text, text.clone());
        // A page that claims a single-byte charset but is valid UTF-8 is read as UTF-8.
        let declared = decode("p", text.as_bytes(), Some(encoding_rs::WINDOWS_1252));
        prop_assert_eq!(declared.map(|d| d.text).ok(), Some(text));
    }

    #[test]
    fn sniffing_never_panics_and_spots_json(bytes in bytes(), pad in "[ \\t\\r\\n]{0,8}") {
        let _ = Format::sniff(&bytes);
        let _ = Format::detect(Some("in.dat"), &bytes);
        prop_assert_eq!(Format::detect(Some("in.HTML"), &bytes), Format::Html);
        prop_assert_eq!(Format::detect(Some("a.b.jsonl"), &bytes), Format::Jsonl);
        let json = [pad.as_bytes(), b"{", &bytes].concat();
        prop_assert_eq!(Format::sniff(&json), Format::Jsonl);
    }

    #[test]
    fn jsonl_never_panics_and_gives_one_result_per_line(bytes in bytes()) {
        let results = read_jsonl("in.jsonl", &bytes);
        let expected = match decode("in.jsonl", &bytes, None) {
            Ok(d) => d.text.lines().filter(|l| !l.trim().is_empty()).count(),
            Err(_) => 1,
        };
        prop_assert_eq!(results.len(), expected);
    }

    #[test]
    fn jsonl_records_stand_alone(
        lines in prop::collection::vec(
            (0..5usize, "[a-z0-9]{1,8}", "[ -~“”é]{0,40}", "[ \\t]{0,3}"),
            0..12,
        )
    ) {
        // Each line is a good record, a record with blank text, broken JSON, a blank line,
        // or a non-object; the good ones come back whatever their neighbours are.
        let mut input = String::new();
        let mut expected: Vec<Option<(String, String)>> = Vec::new();
        for (kind, id, text, blank) in &lines {
            let record = serde_json::json!({"id": id, "text": text, "title": "T"}).to_string();
            match kind {
                0 => {
                    input.push_str(&record);
                    let good = !text.trim().is_empty();
                    expected.push(good.then(|| (id.clone(), text.clone())));
                }
                1 => {
                    input.push_str(&record[..record.len() - 1]);
                    expected.push(None);
                }
                2 => input.push_str(blank),
                3 => {
                    input.push_str("[1, 2]");
                    expected.push(None);
                }
                _ => {
                    input.push_str(&serde_json::json!({"id": id, "text": blank}).to_string());
                    expected.push(None);
                }
            }
            input.push('\n');
        }
        let results = read_jsonl("in.jsonl", input.as_bytes());
        prop_assert_eq!(results.len(), expected.len());
        for (got, want) in results.iter().zip(&expected) {
            match (got, want) {
                (Ok(a), Some((id, text))) => {
                    prop_assert_eq!(&a.id, id);
                    prop_assert_eq!(&a.text, text);
                    prop_assert_eq!(a.title.as_deref(), Some("T"));
                }
                (Err(e), None) => prop_assert!(e.to_string().starts_with("in.jsonl"), "{e}"),
                (got, want) => prop_assert!(false, "got {got:?}, wanted {want:?}"),
            }
        }
    }

    #[test]
    fn html_extract_never_panics_on_any_string(page in prop_oneof![
        any::<String>(),
        "[<>/a-z \"'=!\\-&;#\\n]{0,300}",
        prop::collection::vec(
            prop::sample::select(&[
                "<p>", "</p>", "<p class=\"x\">", "<script>", "</script>", "<h2>", "</h2>",
                "<!--", "-->", "<nav>", "</nav>", "text", " ", "&amp;", "&", "<", ">", "é",
                "\n", "<br>", "<div>", "</div>",
            ][..]),
            0..60,
        ).prop_map(|parts| parts.concat()),
    ]) {
        check_extracted(&page)?;
    }

    #[test]
    fn html_extract_survives_damaged_pages(page in mutated_page()) {
        check_extracted(&page)?;
    }
}

#[test]
fn the_test_page_extracts_its_story_and_no_script() {
    let article = html::extract(PAGE);
    assert!(article.text.contains("reopened to the public on Saturday"));
    assert!(article.text.contains("talks about the building"));
    assert!(!article.text.contains("SCRIPT_MARKER"));
    assert!(!article.text.contains("window.dataLayer"));
    let decoded = decode(
        "page.html",
        PAGE.as_bytes(),
        html::declared_charset(PAGE.as_bytes()),
    )
    .expect("the page decodes");
    assert_eq!(decoded.text, PAGE);
    assert_eq!(Format::sniff(PAGE.as_bytes()), Format::Html);
}
