//! One test per form of figure: value, unit and what it counts, as text.

use brief_core::Article;

use super::find;
use crate::understand;

/// (figure text, value, upper, unit, counts).
type Seen = (String, f64, Option<f64>, Option<String>, Option<String>);

/// Every figure of `text`, as text.
fn figures(text: &str) -> Vec<Seen> {
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    find(&article, &doc)
        .into_iter()
        .map(|f| {
            (
                article.slice(f.span).to_string(),
                f.value,
                f.upper,
                f.unit,
                f.counts.map(|c| article.slice(c).to_string()),
            )
        })
        .collect()
}

fn fig(
    text: &str,
    value: f64,
    upper: Option<f64>,
    unit: Option<&str>,
    counts: Option<&str>,
) -> Seen {
    (
        text.into(),
        value,
        upper,
        unit.map(String::from),
        counts.map(String::from),
    )
}

#[test]
fn counts_with_qualifiers() {
    assert_eq!(
        figures("Over 14,000 civilians killed in the war were buried there."),
        [fig(
            "Over 14,000",
            14000.0,
            None,
            None,
            Some("civilians killed")
        )]
    );
}

#[test]
fn durations_measure_their_subject() {
    assert_eq!(
        figures("Talks in Moscow lasted five hours."),
        [fig(
            "five hours",
            5.0,
            None,
            Some("hours"),
            Some("Talks in Moscow")
        )]
    );
}

#[test]
fn money_and_percentages() {
    assert_eq!(
        figures("Boeing won a $3.7 billion contract and 68% of voters approved."),
        [
            fig("$3.7 billion", 3.7e9, None, Some("USD"), Some("contract")),
            fig("68%", 68.0, None, Some("%"), Some("voters"))
        ]
    );
    assert_eq!(
        figures("Profits fell by £1.2bn."),
        [fig("£1.2bn", 1.2e9, None, Some("GBP"), Some("Profits"))]
    );
}

#[test]
fn ranges() {
    assert_eq!(
        figures("Rebels fired between 10 and 20 rockets."),
        [fig(
            "between 10 and 20",
            10.0,
            Some(20.0),
            None,
            Some("rockets")
        )]
    );
    assert_eq!(
        figures("Prices will rise 3-5%."),
        [fig("3-5%", 3.0, Some(5.0), Some("%"), Some("Prices"))]
    );
}

#[test]
fn words_and_dozens() {
    assert_eq!(
        figures("Nearly two million refugees and a dozen aid workers crossed."),
        [
            fig("Nearly two million", 2e6, None, None, Some("refugees")),
            fig("a dozen", 12.0, None, None, Some("aid workers"))
        ]
    );
}

#[test]
fn ages() {
    assert_eq!(
        figures("Glenn Mason, 56, robbed a 92-year-old man."),
        [
            fig("56", 56.0, None, Some("years"), Some("Glenn Mason")),
            fig("92-year-old", 92.0, None, Some("years"), Some("man"))
        ]
    );
}

#[test]
fn years_dates_times_scores_and_names_are_not_figures() {
    for text in [
        "When the bridge was built in 1940, it was new.",
        "The show was suspended on March 10 after a row.",
        "He came home around 11:30 p.m. on Friday.",
        "Real Madrid beat Levante 2-0 at home.",
        "Apollo 11 landed on the moon.",
        "They resumed their season 19 seats.",
        "One of the men was deported.",
        "He scored in the 69th minute.",
    ] {
        assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
    }
}
