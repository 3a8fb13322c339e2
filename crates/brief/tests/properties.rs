//! Property tests of the whole pipeline: for generated English-like articles, `Pipeline::brief`
//! either refuses (too short, not English) or returns a faithful, well-shaped brief — validated,
//! at most 7 sections of 1–7-word headings, the adaptive number of takeaways — and the same
//! brief every time.

use std::collections::HashSet;

use brief::{understand, validate, Article, Brief, BriefError, Heading, Pipeline, Span};
use brief_understand::split_sentences;
use proptest::prelude::*;

const SUBJECTS: &[&str] = &[
    "The council",
    "Local officials",
    "The water agency",
    "Residents of Millbrook",
    "The transport board",
    "Engineers from the county",
    "Farmers in the valley",
    "The company",
    "Scientists at the university",
    "The mayor of Eastbridge",
    "Union leaders",
    "The health ministry",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "announced",
    "delayed",
    "reviewed",
    "criticised",
    "defended",
    "funded",
    "studied",
    "opened",
    "questioned",
    "published",
];
const OBJECTS: &[&str] = &[
    "the new flood barrier",
    "a plan for cheaper bus fares",
    "the budget for primary schools",
    "a report on river levels",
    "the contract for the harbour bridge",
    "the closure of the paper mill",
    "a scheme to repair leaking pipes",
    "the results of the water survey",
    "the proposal for a second hospital",
    "an inquiry into the power cuts",
];
const PLACES: &[&str] = &[
    "in the city centre",
    "near the old harbour",
    "across the southern region",
    "at the town hall",
    "in the northern districts",
    "for the whole province",
];
const TIMES: &[&str] = &[
    "on Tuesday",
    "last month",
    "after a long meeting",
    "before the election",
    "this spring",
    "in a statement",
];
const TAILS: &[&str] = &[
    "",
    ", officials said",
    ", according to figures published on Monday",
    ", and work will begin next year",
    ", although the cost is still unclear",
    " in front of a crowd of about 2,000 people",
];
const ENDS: &[&str] = &[".", ".", ".", ".", "!", "?"];

/// One sentence of plain news prose, as indexes into the word lists above.
type Parts = (usize, usize, usize, usize, usize, usize, usize);

fn sentence(p: Parts) -> String {
    let at = |list: &[&'static str], i: usize| list[i % list.len()];
    format!(
        "{} {} {} {} {}{}{}",
        at(SUBJECTS, p.0),
        at(VERBS, p.1),
        at(OBJECTS, p.2),
        at(PLACES, p.3),
        at(TIMES, p.4),
        at(TAILS, p.5),
        at(ENDS, p.6),
    )
}

/// Distinct plain sentences laid out in paragraphs of 1–4 sentences. Distinct in
/// their words: a copy that differs only in its closing mark is the same sentence
/// to a reader, and the brief shows it once.
fn plain_article() -> impl Strategy<Value = (String, usize)> {
    let parts = (
        0..12usize,
        0..12usize,
        0..10usize,
        0..6usize,
        0..6usize,
        0..6usize,
        0..6usize,
    );
    (prop::collection::vec((parts, 1..=4usize), 0..50)).prop_map(|items| {
        let mut seen = HashSet::new();
        let mut text = String::new();
        let mut count = 0;
        let mut in_paragraph = 0;
        for (p, paragraph_len) in items {
            let s = sentence(p);
            if !seen.insert(s.trim_end_matches(['.', '!', '?']).to_string()) {
                continue;
            }
            if in_paragraph == 0 && !text.is_empty() {
                text.push_str("\n\n");
            } else if in_paragraph > 0 {
                text.push(' ');
            }
            text.push_str(&s);
            count += 1;
            in_paragraph = (in_paragraph + 1) % paragraph_len;
        }
        (text, count)
    })
}

/// Messier news: plain sentences mixed with quotes, abbreviations, datelines, subheads,
/// bylines, page furniture, stray punctuation, other scripts and arbitrary strings.
fn messy_article() -> impl Strategy<Value = Article> {
    const EXTRAS: &[&str] = &[
        "“We will not give up,” she said.",
        "\"It is over,\" he said. \"We lost.",
        "Mr. Lee met Sen. Ruiz in the U.S. on Jan. 5.",
        "LONDON (Reuters) — ",
        "(CNN)",
        "RIVERSIDE — ",
        "\n\nThe Winter Floods\n\n",
        "\n\nWhat happens next\n\n",
        "\n\nBy Jane Doe\n\n",
        "Follow us on Twitter.",
        "Scroll down for video.",
        "…",
        "...",
        " - ",
        "\n",
        "\n\n",
        "Is it over?",
        "Die Regierung hat am Dienstag beschlossen.",
        "東京で会議が開かれた。",
        "— — — — — — — —",
        "'",
        "’",
        "(",
        ")",
        "3.5 percent",
        "14,000",
    ];
    let piece = prop_oneof![
        6 => (0..12usize, 0..12usize, 0..10usize, 0..6usize, 0..6usize, 0..6usize, 0..6usize)
            .prop_map(sentence),
        3 => prop::sample::select(EXTRAS).prop_map(str::to_string),
        1 => "\\PC{0,20}",
    ];
    let title = prop::option::of(prop_oneof![
        "[A-Z][a-z]{2,8}( [a-z]{2,8}){0,6}",
        (
            0..12usize,
            0..12usize,
            0..10usize,
            0..6usize,
            0..6usize,
            0..6usize,
            0..6usize
        )
            .prop_map(sentence),
    ]);
    (
        prop::collection::vec((piece, prop::bool::weighted(0.9)), 0..60),
        title,
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
    )
        .prop_map(|(pieces, title, subheads)| {
            let mut text = String::new();
            for (p, space) in pieces {
                text.push_str(&p);
                if space {
                    text.push(' ');
                }
            }
            let spans: Vec<Span> = split_sentences(&text).iter().map(|s| s.span).collect();
            let mut headings: Vec<Heading> = subheads
                .iter()
                .filter(|_| !spans.is_empty())
                .map(|i| spans[i.index(spans.len())])
                .map(|span| Heading {
                    text: text[span.start..span.end].to_string(),
                    span,
                })
                .collect();
            headings.sort_by_key(|h| h.span);
            headings.dedup();
            let mut article = Article::from_text("messy", text);
            article.title = title;
            article.headings = headings;
            article
        })
}

/// The rule of `brief-compose`: 3 takeaways up to 12 candidate sentences, 4 up to 25,
/// 5 up to 45, then 6 — never more than there are candidates.
fn adaptive_takeaways(candidates: usize) -> usize {
    let wanted = match candidates {
        0..=12 => 3,
        13..=25 => 4,
        26..=45 => 5,
        _ => 6,
    };
    wanted.min(candidates)
}

/// Words of a heading, counted both ways a reader or a checker might: runs of
/// letters and digits, and whitespace-separated pieces; the larger count.
fn heading_words(heading: &str) -> usize {
    let runs = heading
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .count();
    runs.max(heading.split_whitespace().count())
}

/// The shape every brief keeps, whatever its article.
fn check_shape(article: &Article, brief: &Brief) -> Result<(), TestCaseError> {
    let faithful = validate(brief, |id| (id == article.id).then_some(article));
    prop_assert!(faithful.is_ok(), "{:?}", faithful);
    prop_assert_eq!(&brief.id, &article.id);
    prop_assert!(!brief.title.trim().is_empty(), "empty title");
    prop_assert!(
        brief.takeaways.len() <= 6,
        "{} takeaways",
        brief.takeaways.len()
    );
    if brief.takeaways.len() < 3 {
        // Fewer than three takeaways only when there were no more sentences to show
        // (lists of facts, as Who Said What, aside).
        prop_assert!(
            brief.sections.iter().all(|s| s.list),
            "few takeaways but sections"
        );
    }
    prop_assert!(
        brief.sections.len() <= 7,
        "{} sections",
        brief.sections.len()
    );
    let mut seen = HashSet::new();
    for section in &brief.sections {
        prop_assert!(
            seen.insert(section.heading.to_lowercase()),
            "heading {:?} repeated",
            section.heading
        );
        let words = heading_words(&section.heading);
        prop_assert!(
            (1..=7).contains(&words),
            "heading {:?} has {} words",
            section.heading,
            words
        );
        prop_assert!(
            !section.sentences.is_empty(),
            "empty section {:?}",
            section.heading
        );
        let order: Vec<usize> = section
            .sentences
            .iter()
            .map(|s| s.sources[0].sentence)
            .collect();
        // Story sections follow the article; lists (Who Said What) go speaker by speaker.
        prop_assert!(
            section.list || order.windows(2).all(|w| w[0] < w[1]),
            "section out of story order"
        );
    }
    let mut shown = HashSet::new();
    for s in brief.sentences() {
        prop_assert!(
            shown.insert(s.text.clone()),
            "sentence {:?} shown twice",
            s.text
        );
        prop_assert_eq!(
            s.text.split_whitespace().collect::<Vec<_>>().join(" "),
            s.text.clone()
        );
    }
    Ok(())
}

fn check_refusal(error: &BriefError) -> Result<(), TestCaseError> {
    prop_assert!(
        matches!(
            error,
            BriefError::TooShort { .. } | BriefError::NotEnglish { .. }
        ),
        "unexpected refusal: {error}"
    );
    Ok(())
}

proptest! {
    // 256 cases unless PROPTEST_CASES says otherwise; failures are reported, not stored.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn plain_articles_get_faithful_adaptive_briefs((text, count) in plain_article()) {
        let article = Article::from_text("plain", text);
        let doc = understand(&article);
        prop_assert_eq!(doc.sentences.len(), count, "the generator's sentences were not found");
        match Pipeline::default().brief(&article) {
            Ok(brief) => {
                prop_assert!(count >= 2, "a brief of {count} sentence");
                check_shape(&article, &brief)?;
                prop_assert_eq!(brief.takeaways.len(), adaptive_takeaways(count));
                if count >= 12 {
                    prop_assert!((3..=6).contains(&brief.takeaways.len()));
                }
                // Headings made from the sections' words: one to three of them, none repeated.
                let mut headings = HashSet::new();
                for section in &brief.sections {
                    let words = section.heading.split_whitespace().count();
                    prop_assert!((1..=3).contains(&words), "heading {:?}", section.heading);
                    let new = headings.insert(section.heading.to_lowercase());
                    prop_assert!(new, "heading {:?} repeated", section.heading);
                }
                // No title: the lede stands in for one, its trailing clause or stop cut (or,
                // for a lede a headline cannot be made of, such as a question, a sentence
                // of the opening or a takeaway).
                let sentences = doc.sentences.iter().map(|s| article.slice(s.span));
                let mut from = sentences.filter(|s| s.starts_with(&brief.title));
                prop_assert!(!brief.title.is_empty() && from.next().is_some(), "title {:?}", brief.title);
                // Nothing to trim in plain prose: every story sentence shown is a whole
                // source sentence (lists of facts compose spans, checked by validate).
                let story = brief.takeaways.iter().chain(
                    brief.sections.iter().filter(|s| !s.list).flat_map(|s| s.sentences.iter()),
                );
                for s in story {
                    let p = &s.sources[0];
                    prop_assert_eq!(p.span, doc.sentences[p.sentence].span);
                    prop_assert_eq!(s.text.as_str(), article.slice(p.span));
                }
                prop_assert_eq!(Pipeline::default().brief(&article).ok(), Some(brief));
            }
            Err(e) => {
                prop_assert!(count < 2, "{count} sentences refused: {e}");
                prop_assert!(matches!(e, BriefError::TooShort { .. }), "{e}");
            }
        }
    }

    #[test]
    fn fixed_takeaway_counts_are_kept((text, count) in plain_article(), wanted in 1..8usize) {
        let article = Article::from_text("plain", text);
        if let Ok(brief) = Pipeline::with_takeaways(Some(wanted)).brief(&article) {
            check_shape_fixed(&article, &brief)?;
            prop_assert_eq!(brief.takeaways.len(), wanted.min(count));
        } else {
            prop_assert!(count < 2, "{count} sentences, {wanted} wanted");
        }
    }

    #[test]
    fn messy_articles_are_briefed_faithfully_or_refused(article in messy_article()) {
        let first = Pipeline::default().brief(&article);
        match &first {
            Ok(brief) => check_shape(&article, brief)?,
            Err(e) => check_refusal(e)?,
        }
        // Deterministic, and the same through `brief_document`.
        let again = Pipeline::default().brief(&article);
        prop_assert_eq!(format!("{first:?}"), format!("{again:?}"));
        let doc = understand(&article);
        let by_doc = Pipeline::default().brief_document(&article, &doc);
        prop_assert_eq!(format!("{first:?}"), format!("{by_doc:?}"));
    }
}

/// As [`check_shape`] but for a caller-chosen takeaway count (which may exceed six).
fn check_shape_fixed(article: &Article, brief: &Brief) -> Result<(), TestCaseError> {
    let faithful = validate(brief, |id| (id == article.id).then_some(article));
    prop_assert!(faithful.is_ok(), "{:?}", faithful);
    prop_assert!(
        brief.sections.len() <= 7,
        "{} sections",
        brief.sections.len()
    );
    for section in &brief.sections {
        let words = heading_words(&section.heading);
        prop_assert!((1..=7).contains(&words), "heading {:?}", section.heading);
    }
    Ok(())
}

#[test]
fn a_long_plain_article_gets_four_takeaways() {
    // 13 distinct sentences: the adaptive rule's second step.
    let text: Vec<String> = (0..13)
        .map(|i| sentence((i, i + 1, i, i, i, 0, 0)))
        .collect();
    let article = Article::from_text("long", text.join(" "));
    let brief = Pipeline::default().brief(&article).expect("briefed");
    assert_eq!(brief.takeaways.len(), 4);
}
