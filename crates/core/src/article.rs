//! The reader's output: one article's canonical text and metadata.

use crate::Span;

/// A news article as read from its source.
///
/// `text` is the main text, paragraphs separated by `\n\n` and subheads on their
/// own lines; it never changes after reading, so every span elsewhere in the
/// pipeline stays valid. Metadata that could not be found is `None`, never a guess.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Caller-chosen identifier: the JSONL `id`, else the input path.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Author line as printed ("By Jane Doe").
    pub byline: Option<String>,
    /// Publication date/time as found in the source (ISO 8601 where the source gives it).
    pub published: Option<String>,
    /// Publisher name ("BBC News").
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Main text.
    pub text: String,
    /// Subheads inside the main text, in order; each span points into `text`.
    pub headings: Vec<Heading>,
}

/// A subhead found inside an article's main text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// The subhead's words, exactly `text[span]` of its article.
    pub text: String,
    /// Where it sits in the article text.
    pub span: Span,
}

impl Article {
    /// An article with only an id and a text, as plain-text input gives.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// The text a span covers. Panics if the span is not inside this article's
    /// text on character boundaries: spans are produced by the pipeline, so a bad
    /// one is a bug, not bad input.
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
}
