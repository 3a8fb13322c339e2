//! Facts found in an article: attributed statements and figures, as spans into its text.

use crate::Span;

/// A statement attributed to a speaker: a direct quote or reported speech.
///
/// `content` is the statement as it stands in the text, without the quotation marks of a
/// direct quote. A quote interrupted by its attribution (`"We will," he said, "win."`) or
/// running over several sentences or paragraphs is one statement whose content spans all
/// its parts, attribution included, since a span is one contiguous range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// What was said.
    pub content: Span,
    /// True when the content is the speaker's own words in quotation marks.
    pub direct: bool,
    /// The word or words that mark the attribution ("said", "according to", "has emphasized").
    pub cue: Option<Span>,
    /// Who said it, when the text names them.
    pub speaker: Option<Speaker>,
}

/// The speaker of a [`Quote`]: a noun phrase of the text (a person, an organisation such as
/// "the White House", or a pronoun).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Where the speaker is named.
    pub span: Span,
    /// A normalised name for grouping statements by speaker: the span's words (or, for a
    /// pronoun the article's people resolve, the canonical name of the person it stands
    /// for), whitespace collapsed.
    pub canonical: String,
}

/// A number in the text with what it counts: "over 14,000 civilians killed", "five hours".
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The number with its qualifier and unit ("over 14,000", "$1.2bn", "five hours").
    pub span: Span,
    /// The quantity: 14000 for "14,000", 1.2e9 for "$1.2bn", 5 for "five", 25 for "25%".
    pub value: f64,
    /// The upper end of a range ("between 10 and 20", "3-5"), `value` being the lower.
    pub upper: Option<f64>,
    /// The unit, normalised: a currency code ("USD", "GBP", "EUR"), "%", or a unit word as
    /// written in lower case ("hours", "miles").
    pub unit: Option<String>,
    /// What is counted ("civilians killed", "talks"), when the text says.
    pub counts: Option<Span>,
    /// A word that bounds or approximates the value ("over", "at least", "about").
    pub qualifier: Option<Span>,
}
