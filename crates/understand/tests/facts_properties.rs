//! Property tests of the facts readers: for any text (news-like word soup rich in cues,
//! quotation marks and numbers, or arbitrary Unicode), every span of every statement and
//! figure lies inside the text on character boundaries, and nothing panics.

use brief_core::{Article, Span};
use brief_understand::{figures, quotes, understand};
use proptest::prelude::*;

/// Pieces that exercise the frames and the number reader.
const PIECES: &[&str] = &[
    "The",
    "mayor",
    "said",
    "told",
    "reporters",
    "according",
    "to",
    "officials",
    ",",
    ".",
    ":",
    ";",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "who",
    "that",
    "and",
    "adding",
    "he",
    "She",
    "Trump",
    "Mr.",
    "Jr.",
    "(R-Wis.)",
    "over",
    "more",
    "than",
    "between",
    "14,000",
    "3-5",
    "2-1",
    "$",
    "£",
    "€",
    "1.2bn",
    "5m",
    "two",
    "million",
    "a",
    "dozen",
    "half",
    "five",
    "hours",
    "%",
    "percent",
    "per",
    "cent",
    "miles",
    "year-old",
    "22-year-old",
    "2014",
    "March",
    "10:30",
    "p.m.",
    "No.",
    "Flight",
    "9525",
    "of",
    "in",
    "the",
    "people",
    "killed",
    "\n\n",
    "\n",
    " ",
    "—",
    "―",
    "-",
    "<b>",
    "=\"x\"",
    "é",
    "日本",
];

fn news_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|words| {
        let mut text = String::new();
        for w in words {
            if !text.is_empty() && !w.starts_with(['\n', ' ']) {
                text.push(' ');
            }
            text.push_str(w);
        }
        text
    })
}

fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end && span.get(text).is_some()
}

fn check(text: &str) {
    let article = Article::from_text("p", text);
    let doc = understand(&article);
    for c in quotes::candidates(&article, &doc) {
        let q = c.quote;
        assert!(
            valid(text, q.content),
            "content {:?} in {text:?}",
            q.content
        );
        assert!(q.cue.is_none_or(|s| valid(text, s)), "cue in {text:?}");
        assert!(
            q.speaker.as_ref().is_none_or(|s| valid(text, s.span)),
            "speaker in {text:?}"
        );
    }
    // What `find` keeps, with the quotations it adds and the statements it extends.
    for q in quotes::find(&article, &doc) {
        assert!(
            valid(text, q.content),
            "kept content {:?} in {text:?}",
            q.content
        );
        assert!(
            q.speaker.as_ref().is_none_or(|s| valid(text, s.span)),
            "kept speaker in {text:?}"
        );
    }
    for f in figures::find(&article, &doc) {
        assert!(valid(text, f.span), "figure {:?} in {text:?}", f.span);
        assert!(
            f.counts.is_none_or(|s| valid(text, s)),
            "counts in {text:?}"
        );
        assert!(
            f.qualifier.is_none_or(|s| valid(text, s)),
            "qualifier in {text:?}"
        );
        assert!(f.value.is_finite(), "value in {text:?}");
    }
}

proptest! {
    #[test]
    fn spans_of_news_soup_are_in_bounds(text in news_soup()) {
        check(&text);
    }

    #[test]
    fn spans_of_any_text_are_in_bounds(text in "\\PC{0,200}") {
        check(&text);
    }
}
