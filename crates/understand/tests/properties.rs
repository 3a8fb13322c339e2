//! Property tests of sentence segmentation and tokenization: for any text (news-like word
//! soup with abbreviations, quotes, ellipses and line breaks, or arbitrary Unicode), every
//! sentence and token is a well-formed, ordered, non-overlapping span and no text is lost.

use brief_core::{Article, Heading, Span, TokenKind};
use brief_understand::{split_sentences, tokenize, understand};
use proptest::prelude::*;

/// Pieces of news prose that stress the segmenter: abbreviations, initials, acronyms,
/// quotes of every style, ellipses, numbers with separators, dashes and line breaks.
const PIECES: &[&str] = &[
    "The",
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "Kyiv",
    "officials",
    "voted",
    "rose",
    "U.S.",
    "U.K.",
    "Mr.",
    "Mrs.",
    "Dr.",
    "Sen.",
    "Gov.",
    "Jan.",
    "Sept.",
    "No.",
    "Inc.",
    "Co.",
    "a.m.",
    "p.m.",
    "D.C.",
    "e.g.",
    "etc.",
    "George",
    "W.",
    "Bush",
    "J.",
    "R.",
    "Tolkien",
    "3.5",
    "14,000",
    "2024",
    "10:30",
    "1/2",
    "percent",
    "%",
    "$",
    "€5",
    "don't",
    "Putin’s",
    "run-up",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    ",",
    ";",
    ":",
    ".",
    "!",
    "?",
    "?!",
    "...",
    "…",
    ". . .",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "  ",
    " \n ",
    "(CNN)",
    "LONDON",
    "café",
    "naïve",
    "東京",
    "Привет",
    "🙂",
    "x.y.z",
    "a.",
    "I.",
];

/// One realistic piece or, now and then, an arbitrary string.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[ \\n\\r\\t\u{a0}\u{2028}\u{85}.!?…\"“”‘’'a-zA-Z]{0,6}",
    ]
}

/// News-like text: pieces joined by spaces (or, sometimes, by nothing).
fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.85)), 0..80).prop_map(|parts| {
        let mut text = String::new();
        for (p, space) in parts {
            text.push_str(&p);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// Any text: news-like or completely arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => newsish(), 1 => any::<String>(), 1 => "\\PC{0,200}"]
}

/// `span` lies inside `text` on character boundaries.
fn in_bounds(text: &str, span: Span) -> bool {
    span.start <= span.end && span.get(text).is_some()
}

/// Every non-whitespace character of `text[within]` lies inside one of `spans`.
fn covers_all_but_whitespace(text: &str, within: Span, spans: &[Span]) -> Result<(), String> {
    let mut next = spans.iter().peekable();
    for (i, c) in text[within.start..within.end].char_indices() {
        let at = within.start + i;
        while next.peek().is_some_and(|s| s.end <= at) {
            next.next();
        }
        let covered = next.peek().is_some_and(|s| s.start <= at);
        if !c.is_whitespace() && !covered {
            return Err(format!("{c:?} at byte {at} is in no span"));
        }
    }
    Ok(())
}

fn check_sentences(text: &str) -> Result<(), TestCaseError> {
    let sentences = split_sentences(text);
    let mut previous: Option<(Span, usize)> = None;
    for s in &sentences {
        prop_assert!(in_bounds(text, s.span), "span {:?} out of bounds", s.span);
        let body = &text[s.span.start..s.span.end];
        prop_assert!(!body.is_empty(), "empty sentence at {:?}", s.span);
        prop_assert_eq!(body.trim(), body, "sentence not trimmed");
        if let Some((prev, paragraph)) = previous {
            prop_assert!(prev.end <= s.span.start, "{:?} overlaps {:?}", prev, s.span);
            prop_assert!(paragraph <= s.paragraph, "paragraph index went down");
        }
        previous = Some((s.span, s.paragraph));
    }
    let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    covers_all_but_whitespace(text, Span::new(0, text.len()), &spans)
        .map_err(TestCaseError::fail)?;
    Ok(())
}

fn check_document(article: &Article) -> Result<(), TestCaseError> {
    let text = &article.text;
    let doc = understand(article);
    let raw = split_sentences(text);
    prop_assert_eq!(
        doc.sentences.len(),
        raw.len(),
        "understand and split disagree"
    );
    for (s, r) in doc.sentences.iter().zip(&raw) {
        prop_assert_eq!(s.span, r.span);
        prop_assert_eq!(s.paragraph, r.paragraph);
        prop_assert_eq!(&s.tokens, &tokenize(text, s.span));
        let mut end = s.span.start;
        for t in &s.tokens {
            prop_assert!(
                s.span.contains(t.span),
                "token {:?} outside {:?}",
                t.span,
                s.span
            );
            prop_assert!(in_bounds(text, t.span), "token {:?} out of bounds", t.span);
            prop_assert!(
                end <= t.span.start,
                "token {:?} overlaps the previous one",
                t.span
            );
            end = t.span.end;
            let word = &text[t.span.start..t.span.end];
            prop_assert!(!word.is_empty(), "empty token at {:?}", t.span);
            prop_assert!(
                !word.chars().any(char::is_whitespace),
                "token {:?} holds whitespace",
                word
            );
            let first = word.chars().next().unwrap_or(' ');
            match t.kind {
                TokenKind::Word | TokenKind::Number => {
                    prop_assert!(first.is_alphanumeric(), "{:?} is not a word", word)
                }
                TokenKind::Quote | TokenKind::Punct => {
                    prop_assert_eq!(word.chars().count(), 1, "punctuation {:?}", word)
                }
            }
            if t.kind == TokenKind::Number {
                prop_assert!(
                    word.chars()
                        .all(|c| c.is_numeric() || ".,/:'’-".contains(c)),
                    "number {:?}",
                    word
                );
            }
        }
        let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
        covers_all_but_whitespace(text, s.span, &spans).map_err(TestCaseError::fail)?;
        if article.headings.iter().any(|h| h.span == s.span) {
            prop_assert!(s.is_heading, "a declared subhead is not flagged");
        }
    }
    Ok(())
}

proptest! {
    // 256 cases unless PROPTEST_CASES says otherwise; failures are reported, not stored.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn sentence_spans_are_well_formed(text in text()) {
        check_sentences(&text)?;
    }

    #[test]
    fn tokens_are_well_formed(text in text()) {
        check_document(&Article::from_text("p", text))?;
    }

    #[test]
    fn subheads_and_titles_keep_the_invariants(
        text in newsish(),
        title in newsish(),
        pick in any::<prop::sample::Index>(),
    ) {
        // Declare one of the found sentences a subhead, as the HTML reader would.
        let spans: Vec<Span> = split_sentences(&text).iter().map(|s| s.span).collect();
        let mut article = Article::from_text("p", text.clone());
        article.title = Some(title);
        if !spans.is_empty() {
            let span = spans[pick.index(spans.len())];
            article.headings.push(Heading { text: text[span.start..span.end].to_string(), span });
        }
        check_document(&article)?;
    }

    #[test]
    fn segmentation_is_deterministic_and_local_to_paragraphs(a in newsish(), b in newsish()) {
        // Two paragraphs joined by a blank line: neither sentence crosses the blank line,
        // and the first paragraph's sentences are found as if it stood alone.
        let text = format!("{a}\n\n{b}");
        prop_assert_eq!(split_sentences(&text), split_sentences(&text));
        let alone: Vec<Span> = split_sentences(&a).iter().map(|s| s.span).collect();
        let joined: Vec<Span> = split_sentences(&text)
            .iter()
            .map(|s| s.span)
            .filter(|s| s.start < a.len())
            .collect();
        prop_assert_eq!(alone, joined);
        for s in split_sentences(&text) {
            prop_assert!(
                s.span.end <= a.len() || s.span.start >= a.len() + 2,
                "sentence {:?} crosses the blank line at {}",
                s.span,
                a.len()
            );
        }
    }
}

#[test]
fn abbreviations_do_not_split_and_quotes_close() {
    // The fixed points the generated cases revolve around.
    let text = "Mr. Lee met Dr. Ruiz in the U.S. Senate on Jan. 5. “It went well…” He left.";
    let got: Vec<&str> = split_sentences(text)
        .iter()
        .map(|s| &text[s.span.start..s.span.end])
        .collect();
    assert_eq!(
        got,
        [
            "Mr. Lee met Dr. Ruiz in the U.S. Senate on Jan. 5.",
            "“It went well…”",
            "He left."
        ]
    );
}
