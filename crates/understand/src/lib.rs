//! Understanding an article: where its sentences and tokens are.
//!
//! [`understand`] turns an [`Article`] into a [`Document`]: sentences (with the
//! paragraph they belong to and whether they are subheads) and their tokens, all as
//! byte spans into the unchanged article text. The segmenter is rule-based and tuned
//! for news prose: abbreviations ("Sen.", "U.S.", "Jan. 5"), initials ("George W. Bush"),
//! quotes closing a sentence, hard-wrapped plain text and subheads on their own lines.
//!
//! [`entities::recognize`] finds named entities (people, organisations, places,
//! other names) as typed spans over the same tokens, with a small trained model.
//!
//! It is *not* for choosing what matters (that is `brief-compose`) and never
//! rewrites text: normalised forms (lower case, stems) live in side tables.
//!
//! The facts of an article are found on request, over the same tokens: [`quotes::find`]
//! (attributed statements: direct quotes and reported speech, with cue and speaker) and
//! [`figures::find`] (numbers with what they count), or all of them at once by [`facts`],
//! which also names pronoun speakers after the article's people; [`dates`] reads
//! publication dates and explicit dates in running text as day numbers.
//!
//! ```
//! use brief_core::Article;
//! let article = Article::from_text("a", "Sen. Ann Lee spoke in the U.S. Senate. It was late.");
//! let doc = brief_understand::understand(&article);
//! let texts: Vec<&str> = doc.sentences.iter().map(|s| article.slice(s.span)).collect();
//! assert_eq!(texts, ["Sen. Ann Lee spoke in the U.S. Senate.", "It was late."]);
//! ```

mod abbrev;
pub mod chunk;
pub mod dates;
pub mod entities;
pub mod figures;
pub mod quotes;
mod segment;
mod sent;
pub mod spelling;
mod tokenize;
pub mod word_classes;
pub mod words;

pub use segment::split_sentences;
pub use tokenize::tokenize;

use brief_core::{Article, Document, Figure, NamedEntity, Quote, Sentence};

/// Splits an article into sentences and tokens.
pub fn understand(article: &Article) -> Document {
    let text = &article.text;
    let sentences = split_sentences(text)
        .into_iter()
        .map(|raw| {
            let line = &text[raw.span.start..raw.span.end];
            let is_heading = article.headings.iter().any(|h| h.span == raw.span)
                || (raw.standalone_line
                    && article.title.as_deref().is_some_and(|t| t.trim() == line))
                || (article.headings.is_empty() && raw.standalone_line && looks_like_heading(line));
            Sentence {
                span: raw.span,
                tokens: tokenize(text, raw.span),
                paragraph: raw.paragraph,
                is_heading,
            }
        })
        .collect();
    Document { sentences }
}

/// The facts of an understood article, found together.
#[derive(Debug, Default)]
pub struct Facts {
    /// Its named entities, linked ([`entities::link`]).
    pub entities: Vec<NamedEntity>,
    /// Its statements ([`quotes::find`]), pronoun speakers named after the people among
    /// `entities` ([`quotes::resolve_pronouns`]).
    pub quotes: Vec<Quote>,
    /// Its figures ([`figures::find`]).
    pub figures: Vec<Figure>,
}

/// The entities, statements and figures of an understood article.
pub fn facts(article: &Article, doc: &Document) -> Facts {
    let mentions = entities::recognize(&article.text, doc);
    let entities = entities::link(&article.text, doc, &mentions);
    let mut quotes = quotes::find(article, doc);
    quotes::resolve_pronouns(&article.text, doc, &mut quotes, &entities);
    Facts {
        entities,
        quotes,
        figures: figures::find(article, doc),
    }
}

/// A short line with no closing punctuation that starts with a capital: a subhead.
fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    let first = line.chars().next().unwrap_or('a');
    (1..=12).contains(&words)
        && !matches!(
            last,
            '.' | '!' | '?' | ',' | ';' | ':' | '"' | '”' | '’' | '\'' | ')'
        )
        && (first.is_uppercase() || first.is_ascii_digit())
}
