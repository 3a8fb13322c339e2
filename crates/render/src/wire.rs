//! The JSON contract: the shapes outside tools depend on. Fields may be added,
//! never changed; these structs are converted from the library types by hand so
//! that a library refactor cannot silently change the wire format.

use brief::{Article, Brief, BriefSentence, Entity, EntityKind, NamedEntity, Span};
use serde::Serialize;

/// A brief on the wire.
#[derive(Serialize)]
pub struct WireBrief<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub takeaways: Vec<WireSentence<'a>>,
    pub sections: Vec<WireSection<'a>>,
    /// Absent when the brief was made without facts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<WireNamedEntity<'a>>,
    /// Statements with their speakers; absent without facts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<WireQuote<'a>>,
    /// Figures with what they count; absent without facts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<WireFigure<'a>>,
    /// Dated events of a story, oldest first; absent for one article.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<WireDated<'a>>,
    /// For an update: everything in takeaways and sections is new since this point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<&'a str>,
}

/// A timeline event: an ISO date and a sentence with its sources.
#[derive(Serialize)]
pub struct WireDated<'a> {
    pub date: &'a str,
    #[serde(flatten)]
    pub sentence: WireSentence<'a>,
}

/// An entity of the article: its fullest name, type, roles and every mention.
#[derive(Serialize)]
pub struct WireNamedEntity<'a> {
    pub canonical: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub roles: Vec<WireText<'a>>,
    pub mentions: Vec<WireSpan>,
}

/// A span of the article with its text.
#[derive(Serialize)]
pub struct WireText<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A bare span of the article.
#[derive(Serialize)]
pub struct WireSpan {
    pub start: usize,
    pub end: usize,
}

impl<'a> WireNamedEntity<'a> {
    pub fn new(e: &NamedEntity, text: &'a str) -> Self {
        let slice = |s: Span| &text[s.start..s.end];
        WireNamedEntity {
            canonical: slice(e.canonical),
            kind: e.kind.conll(),
            start: e.canonical.start,
            end: e.canonical.end,
            roles: e
                .roles
                .iter()
                .map(|&r| WireText {
                    text: slice(r),
                    start: r.start,
                    end: r.end,
                })
                .collect(),
            mentions: e
                .mentions
                .iter()
                .map(|m| WireSpan {
                    start: m.start,
                    end: m.end,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
pub struct WireSection<'a> {
    pub heading: &'a str,
    pub sentences: Vec<WireSentence<'a>>,
}

#[derive(Serialize)]
pub struct WireSentence<'a> {
    pub text: &'a str,
    pub sources: Vec<WireSource<'a>>,
}

/// `start`/`end`: UTF-8 byte offsets into the article text, end exclusive.
#[derive(Serialize)]
pub struct WireSource<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
}

fn sentence(s: &BriefSentence) -> WireSentence<'_> {
    WireSentence {
        text: &s.text,
        sources: s
            .sources
            .iter()
            .map(|p| WireSource {
                article: &p.article,
                start: p.span.start,
                end: p.span.end,
                sentence: p.sentence,
            })
            .collect(),
    }
}

impl<'a> WireBrief<'a> {
    /// The wire form of `b`, a brief of `article`.
    pub fn new(b: &'a Brief, article: &'a Article) -> Self {
        WireBrief {
            id: &b.id,
            title: &b.title,
            takeaways: b.takeaways.iter().map(sentence).collect(),
            sections: b
                .sections
                .iter()
                .map(|s| WireSection {
                    heading: &s.heading,
                    sentences: s.sentences.iter().map(sentence).collect(),
                })
                .collect(),
            entities: b
                .entities
                .iter()
                .map(|e| WireNamedEntity::new(e, &article.text))
                .collect(),
            quotes: wire_quotes(article, &b.quotes),
            figures: wire_figures(article, &b.figures),
            timeline: b
                .timeline
                .iter()
                .map(|d| WireDated {
                    date: &d.date,
                    sentence: sentence(&d.sentence),
                })
                .collect(),
            since: b.since.as_deref(),
        }
    }
}

/// An article as read, for `brief extract --format json`.
#[derive(Serialize)]
pub struct WireArticle<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub text: &'a str,
    pub headings: Vec<WireHeading<'a>>,
}

#[derive(Serialize)]
pub struct WireHeading<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl<'a> From<&'a Article> for WireArticle<'a> {
    fn from(a: &'a Article) -> Self {
        WireArticle {
            id: &a.id,
            title: a.title.as_deref(),
            byline: a.byline.as_deref(),
            published: a.published.as_deref(),
            outlet: a.outlet.as_deref(),
            url: a.url.as_deref(),
            text: &a.text,
            headings: a
                .headings
                .iter()
                .map(|h| WireHeading {
                    text: &h.text,
                    start: h.span.start,
                    end: h.span.end,
                })
                .collect(),
        }
    }
}

/// An input that could not be briefed, in place of its brief.
#[derive(Serialize)]
pub struct WireError<'a> {
    pub id: &'a str,
    pub error: String,
}

/// The named entities of one input, for `brief entities`.
#[derive(Serialize)]
pub struct WireEntities<'a> {
    pub id: &'a str,
    pub entities: Vec<WireEntity<'a>>,
}

/// `start`/`end`: UTF-8 byte offsets into the input text, end exclusive;
/// `type`: PER, ORG, LOC or MISC; `text`: the words it covers.
#[derive(Serialize)]
pub struct WireEntity<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: &'a str,
}

impl<'a> WireEntities<'a> {
    /// The wire form of `entities` found in `article`.
    pub fn new(
        article: &'a Article,
        entities: &[Entity],
        label: impl Fn(EntityKind) -> &'static str,
    ) -> Self {
        WireEntities {
            id: &article.id,
            entities: entities
                .iter()
                .map(|e| WireEntity {
                    start: e.span.start,
                    end: e.span.end,
                    kind: label(e.kind),
                    text: article.slice(e.span),
                })
                .collect(),
        }
    }
}

/// The facts of one input, for `brief facts --format json`. Offsets are UTF-8 byte offsets
/// into the input text, end exclusive; each `text` is the text its span covers.
#[derive(Serialize)]
pub struct WireFacts<'a> {
    pub id: &'a str,
    /// Every mention of a named entity, with its entity's canonical name.
    pub entities: Vec<WireMention<'a>>,
    pub quotes: Vec<WireQuote<'a>>,
    pub figures: Vec<WireFigure<'a>>,
}

/// One mention of a named entity.
#[derive(Serialize)]
pub struct WireMention<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub canonical: &'a str,
    pub text: &'a str,
}

/// A statement: `start`/`end` cover its content (without the quotation marks).
#[derive(Serialize)]
pub struct WireQuote<'a> {
    pub start: usize,
    pub end: usize,
    pub direct: bool,
    pub cue: Option<WireRange>,
    pub speaker: Option<WireSpeaker<'a>>,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct WireRange {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct WireSpeaker<'a> {
    pub start: usize,
    pub end: usize,
    pub canonical: &'a str,
    pub text: &'a str,
}

/// A figure: `start`/`end` cover the number with its qualifier and unit; `counts` is the
/// text of what it counts; `upper` the top of a range.
#[derive(Serialize)]
pub struct WireFigure<'a> {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub upper: Option<f64>,
    pub unit: Option<&'a str>,
    pub counts: Option<&'a str>,
    pub qualifier: Option<&'a str>,
    pub text: &'a str,
}

impl<'a> WireFacts<'a> {
    /// The facts of `article`, their spans resolved against its text.
    pub fn new(
        article: &'a Article,
        entities: &[NamedEntity],
        quotes: &'a [brief::Quote],
        figures: &'a [brief::Figure],
    ) -> Self {
        let text = |s: brief::Span| s.get(&article.text).unwrap_or_default();
        let mut mentions: Vec<WireMention<'a>> = entities
            .iter()
            .flat_map(|e| {
                e.mentions.iter().map(move |&m| WireMention {
                    start: m.start,
                    end: m.end,
                    kind: e.kind.conll(),
                    canonical: text(e.canonical),
                    text: text(m),
                })
            })
            .collect();
        mentions.sort_by_key(|m| m.start);
        WireFacts {
            id: &article.id,
            entities: mentions,
            quotes: wire_quotes(article, quotes),
            figures: wire_figures(article, figures),
        }
    }
}

/// The statements of `article` on the wire.
pub fn wire_quotes<'a>(article: &'a Article, quotes: &'a [brief::Quote]) -> Vec<WireQuote<'a>> {
    let text = |s: brief::Span| s.get(&article.text).unwrap_or_default();
    quotes
        .iter()
        .map(|q| WireQuote {
            start: q.content.start,
            end: q.content.end,
            direct: q.direct,
            cue: q.cue.map(|c| WireRange {
                start: c.start,
                end: c.end,
            }),
            speaker: q.speaker.as_ref().map(|s| WireSpeaker {
                start: s.span.start,
                end: s.span.end,
                canonical: &s.canonical,
                text: text(s.span),
            }),
            text: text(q.content),
        })
        .collect()
}

/// The figures of `article` on the wire.
pub fn wire_figures<'a>(article: &'a Article, figures: &'a [brief::Figure]) -> Vec<WireFigure<'a>> {
    let text = |s: brief::Span| s.get(&article.text).unwrap_or_default();
    figures
        .iter()
        .map(|f| WireFigure {
            start: f.span.start,
            end: f.span.end,
            value: f.value,
            upper: f.upper,
            unit: f.unit.as_deref(),
            counts: f.counts.map(text),
            qualifier: f.qualifier.map(text),
            text: text(f.span),
        })
        .collect()
}

/// A story as `brief stories --format json` and `GET /api/stories` give it.
pub fn story_line(s: &brief::store::StorySummary) -> serde_json::Value {
    serde_json::json!({"id": s.id.to_string(), "title": s.title, "articles": s.articles,
                       "outlets": s.outlets, "first": s.first, "last": s.last})
}

/// A search hit as `brief search --format json` and `GET /api/search` give it.
pub fn search_hit(h: &brief::store::SearchHit) -> serde_json::Value {
    serde_json::json!({"id": h.id, "story": h.story.to_string(), "title": h.title,
                       "outlet": h.outlet, "published": h.published,
                       "snippet": h.snippet, "score": h.score})
}
