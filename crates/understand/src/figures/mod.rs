//! Figures: numbers with what they count ("over 14,000 civilians killed", "five hours",
//! "$1.2bn", "between 10 and 20 rockets", "3-5%").
//!
//! [`find`] reads every number expression of every sentence (`number.rs`: digits and words,
//! scales, currencies, ranges, units), drops the numbers that count nothing — years, dates,
//! clock times, ordinals, match scores, numbers in names ("Flight 9525", "season 19"), "one" as a
//! determiner — and finds what each counts (`counts.rs`). The conventions, and the test set that
//! measures them, are in `tests/data/figures/README.md`.

mod counts;
mod number;

use brief_core::{Article, Document, Figure, Span};

use crate::sent::{Sent, WordList};
use number::Number;

/// The figures of an article, in text order.
///
/// ```
/// use brief_core::Article;
/// let article = Article::from_text("a", "The war has killed over 14,000 civilians.");
/// let doc = brief_understand::understand(&article);
/// let figures = brief_understand::figures::find(&article, &doc);
/// assert_eq!(figures[0].value, 14000.0);
/// assert_eq!(figures[0].counts.map(|c| article.slice(c)), Some("civilians"));
/// assert_eq!(figures[0].qualifier.map(|q| article.slice(q)), Some("over"));
/// ```
pub fn find(article: &Article, doc: &Document) -> Vec<Figure> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let s = Sent {
            text: &article.text,
            toks: &sentence.tokens,
        };
        in_sentence(&s, &mut out);
    }
    out
}

/// A figure in token terms, before it becomes a [`Figure`].
struct Found {
    number: Number,
    /// First token of the qualifier, if any.
    qualifier: Option<(usize, usize)>,
    counts: Option<Span>,
    /// True when `counts` came from the subject of a verb of measure (rule 6 of the README),
    /// which a following "to" figure shares.
    counts_from_subject: bool,
}

fn in_sentence(s: &Sent, out: &mut Vec<Figure>) {
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let Some(n) = number::read(s, i) else {
            i += 1;
            continue;
        };
        let next = n.last + 1;
        let mut n = n;
        // "Glenn Mason, 56,": an age.
        if n.unit.is_none() && counts::age_after_name(s, n.first, n.last).is_some() {
            n.unit = Some("years");
            n.age = true;
        }
        if counts_something(s, &n) {
            let qualifier = qualifier_before(s, n.first);
            found.push(Found {
                number: n,
                qualifier,
                counts: None,
                counts_from_subject: false,
            });
        }
        i = next;
    }
    for k in 0..found.len() {
        let (before, rest) = found.split_at_mut(k);
        let f = &mut rest[0];
        let (counts, from_subject) = counts::of(s, f, before);
        f.counts = counts;
        f.counts_from_subject = from_subject;
    }
    for f in found {
        let n = &f.number;
        let start = f.qualifier.map_or(n.first, |q| q.0);
        // "£1.2bn." closing a sentence: the tokenizer keeps the period on the token.
        let last = s.word(n.last);
        let end = s.toks[n.last].span.end
            - usize::from(last.ends_with('.') && last.starts_with(|c: char| c.is_ascii_digit()));
        out.push(Figure {
            span: Span::new(s.toks[start].span.start, end),
            value: n.value,
            upper: n.upper,
            unit: n.unit.map(str::to_string),
            counts: f.counts,
            qualifier: f
                .qualifier
                .map(|(a, b)| Span::new(s.toks[a].span.start, s.toks[b].span.end)),
        });
    }
}

/// Words (and pairs) that bound or approximate a figure, read backwards from it.
const QUALIFIERS: &[&[&str]] = &[
    &["about"],
    &["above"],
    &["almost"],
    &["approximately"],
    &["around"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["at", "least"],
    &["at", "most"],
    &["below"],
    &["between"],
    &["close", "to"],
    &["estimated"],
    &["fewer", "than"],
    &["just"],
    &["just", "over"],
    &["just", "under"],
    &["less", "than"],
    &["maximum"],
    &["more", "than"],
    &["nearly"],
    &["only"],
    &["over"],
    &["roughly"],
    &["some"],
    &["under"],
    &["up", "to"],
    &["well", "over"],
];

/// The qualifier right before token `first`, as a token range: the longest listed match.
fn qualifier_before(s: &Sent, first: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for q in QUALIFIERS {
        let len = q.len();
        if first < len {
            continue;
        }
        let start = first - len;
        if q.iter()
            .enumerate()
            .all(|(k, w)| s.is_word_eq(start + k, w))
            && best.is_none_or(|b| start < b.0)
        {
            best = Some((start, first - 1));
        }
    }
    best
}

/// Months, for dates ("March 10", "10 March").
const MONTHS: WordList = WordList::new(&[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
]);

/// Words after a number that make it a clock time or a year.
const TIME_MARKS: WordList = WordList::new(&[
    "a.m", "a.m.", "ad", "am", "bc", "bce", "bst", "ce", "cet", "edt", "est", "et", "gmt",
    "o'clock", "p.m", "p.m.", "pm", "pst", "utc",
]);

/// Lower-case nouns that a number labels rather than counts ("season 19", "chapter 9").
const LABEL_NOUNS: WordList = WordList::new(&[
    "act",
    "article",
    "chapter",
    "chromosome",
    "episode",
    "exit",
    "flight",
    "gate",
    "grade",
    "issue",
    "level",
    "no",
    "number",
    "page",
    "platform",
    "room",
    "route",
    "runway",
    "season",
    "section",
    "stage",
    "terminal",
    "volume",
]);

/// Capitalised words that may stand before a count without naming it ("Tuesday 23 people").
const NOT_NAMES: WordList = WordList::new(&[
    "about",
    "after",
    "all",
    "almost",
    "and",
    "around",
    "as",
    "at",
    "before",
    "between",
    "but",
    "by",
    "during",
    "each",
    "every",
    "for",
    "friday",
    "from",
    "if",
    "in",
    "just",
    "monday",
    "more",
    "nearly",
    "of",
    "on",
    "only",
    "over",
    "roughly",
    "saturday",
    "since",
    "some",
    "sunday",
    "than",
    "the",
    "these",
    "those",
    "thursday",
    "to",
    "tuesday",
    "under",
    "until",
    "up",
    "wednesday",
    "when",
    "while",
    "with",
]);

/// Function words: after a run of capitalised words, one of these shows the run is a name
/// ("15 Most Wanted List along with …").
const FUNCTION_WORDS: WordList = WordList::new(&[
    "a", "along", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or",
    "that", "the", "to", "was", "were", "which", "who", "with",
]);

/// Does this number count or measure something, in its context?
fn counts_something(s: &Sent, n: &Number) -> bool {
    let before = n.first.checked_sub(1);
    let after = n.last + 1;
    let integer = n.value.fract() == 0.0;
    let plain = n.unit.is_none() && n.compound_noun.is_none() && !n.scaled;
    // A list item: "6." on its own.
    if s.len() <= 2 && !n.words && plain {
        return false;
    }
    // Clock times and eras: "11:30 p.m." (the time itself is refused by `number`), "8 pm",
    // "1100 AD".
    if plain && s.is_word(after) && TIME_MARKS.contains(s.word(after)) {
        return false;
    }
    // Dates: "March 10", "on Feb. 5", "10 March".
    if plain && integer && (1.0..=31.0).contains(&n.value) && !n.words {
        let month_before = before.is_some_and(|b| {
            MONTHS.has(s, b) || (s.is_punct(b, ".") && b > 0 && MONTHS.has(s, b - 1))
        });
        if month_before || MONTHS.has(s, after) {
            return false;
        }
    }
    // Years: "in 1940", "the 2013 ouster", "2018 World Cup"; but "2000 people" counts.
    if n.year_like && plain && (1000.0..=2100.0).contains(&n.value) {
        let counted = s.is_word(after) && !s.is_capitalized(after) && looks_plural(s.word(after));
        if !counted {
            return false;
        }
    }
    // A number in a name or label: "Flight 9525", "Apollo 11", "season 19", "No. 2".
    if let Some(b) = before {
        // "Amanpour 15 arrests" is a count: a plural noun follows.
        let counted = s.is_word(after) && !s.is_capitalized(after) && looks_plural(s.word(after));
        let labelled = if s.is_punct(b, ".") {
            b > 0 && s.is_word_eq(b - 1, "no")
        } else {
            (s.is_capitalized(b)
                && !NOT_NAMES.has(s, b)
                && !MONTHS.has(s, b)
                && !n.words
                && !counted)
                || LABEL_NOUNS.has(s, b)
        };
        if labelled && n.first == n.core && n.unit.is_none() {
            return false;
        }
    }
    // "15 Most Wanted List along with": capitalised words then a function word.
    if plain && s.is_capitalized(after) {
        let mut k = after;
        while s.is_capitalized(k) {
            k += 1;
        }
        if k >= s.len() || !s.is_word(k) || FUNCTION_WORDS.has(s, k) {
            return false;
        }
    }
    if n.words && plain {
        // "one" counts only with a unit or a scale: "one of the men", "one thing".
        if n.value == 1.0 {
            return false;
        }
        // "the two", "of the two", "those two": a number standing for a noun.
        let pronoun = before.is_some_and(|b| {
            s.is_word_eq(b, "the") || s.is_word_eq(b, "those") || s.is_word_eq(b, "these")
        }) && (after >= s.len() || !s.is_word(after) || FUNCTION_WORDS.has(s, after));
        if pronoun {
            return false;
        }
    }
    true
}

/// True for a word that looks like a plural noun.
fn looks_plural(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    let possessive = lower.ends_with("'s") || lower.ends_with("’s");
    IRREGULAR_PLURALS.contains(&lower)
        || (lower.len() > 3
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !lower.ends_with("us")
            && !possessive)
}

/// Plurals that do not end in "s".
const IRREGULAR_PLURALS: WordList = WordList::new(&[
    "cattle",
    "children",
    "feet",
    "fish",
    "men",
    "mice",
    "people",
    "personnel",
    "police",
    "sheep",
    "staff",
    "teeth",
    "troops",
    "women",
]);

#[cfg(test)]
mod tests;
