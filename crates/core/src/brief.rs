//! The compose stage's output: takeaways and headed sections, each sentence with provenance.

use crate::{Figure, NamedEntity, Quote, Span};

/// Where an output sentence came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// Id of the article that carries the sentence.
    pub article: String,
    /// Index of the source sentence in that article's [`crate::Document`].
    pub sentence: usize,
    /// Byte range in the article text that contains the output words, in order.
    pub span: Span,
}

/// One sentence of a brief: a source sentence or a trimmed form of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefSentence {
    /// The words shown to the reader.
    pub text: String,
    /// Every place that carries it (several when outlets agree).
    pub sources: Vec<Provenance>,
}

/// A headed section of a brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Short noun phrase drawn from the section's own words.
    pub heading: String,
    /// Sentences in story order.
    pub sentences: Vec<BriefSentence>,
    /// Shown as a list, one item per sentence (people, statements), rather than prose.
    pub list: bool,
}

/// A brief: title, key takeaways and headed sections.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Brief {
    /// Id of the input it was made from.
    pub id: String,
    /// Headline on one line: the article's title, or its lede cut short when it has none.
    pub title: String,
    /// The most important points, 3–6 unless asked otherwise.
    pub takeaways: Vec<BriefSentence>,
    /// Background first, themed sections in story order, what comes next last.
    pub sections: Vec<Section>,
    /// The people, organisations and places the article names (empty when the
    /// brief was made without facts). Spans point into the article text.
    pub entities: Vec<NamedEntity>,
    /// Statements attributed to speakers in the article (empty without facts).
    pub quotes: Vec<Quote>,
    /// Figures with what they count (empty without facts).
    pub figures: Vec<Figure>,
    /// Dated events, oldest first (story briefs; empty for one article).
    pub timeline: Vec<Dated>,
    /// For an update: the point (an ISO date, or the last brief's) after which
    /// everything in the takeaways and sections is new.
    pub since: Option<String>,
}

/// One event of a timeline: a source sentence and its date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    /// ISO date ("2024-03-05"): a date the sentence states, else its article's.
    pub date: String,
    /// The sentence.
    pub sentence: BriefSentence,
}

impl Brief {
    /// Every sentence of the brief, takeaways first, timeline last.
    pub fn sentences(&self) -> impl Iterator<Item = &BriefSentence> {
        self.takeaways
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.sentences.iter()))
            .chain(self.timeline.iter().map(|d| &d.sentence))
    }
}
