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

impl WireBrief<'_> {
    /// Appends the brief's JSON to `out`: exactly the bytes `serde_json::to_writer`
    /// writes (a test holds them equal), written by hand because this is the hot
    /// path of `brief summarize --format json`: text (sentences, quotes, names) is scanned
    /// for characters to escape eight bytes at a time instead of byte by byte.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"id\":");
        json_string(out, self.id);
        out.extend_from_slice(b",\"title\":");
        json_string(out, self.title);
        out.extend_from_slice(b",\"takeaways\":");
        json_sentences(out, &self.takeaways);
        out.extend_from_slice(b",\"sections\":");
        json_array(out, &self.sections, |out, section| {
            out.extend_from_slice(b"{\"heading\":");
            json_string(out, section.heading);
            out.extend_from_slice(b",\"sentences\":");
            json_sentences(out, &section.sentences);
            out.push(b'}');
        });
        if !self.entities.is_empty() {
            out.extend_from_slice(b",\"entities\":");
            json_entities(out, &self.entities);
        }
        if !self.quotes.is_empty() {
            out.extend_from_slice(b",\"quotes\":");
            json_quotes(out, &self.quotes);
        }
        // The figures (numbers, whose formatting is serde's own) and the timeline: rarer, left
        // to serde (a value's JSON does not depend on where it is written).
        let nested = |out: &mut Vec<u8>, key: &[u8], value: &dyn erased::Value| {
            out.extend_from_slice(key);
            value.write(out);
        };
        if !self.figures.is_empty() {
            nested(out, b",\"figures\":", &self.figures);
        }
        if !self.timeline.is_empty() {
            nested(out, b",\"timeline\":", &self.timeline);
        }
        if let Some(since) = self.since {
            out.extend_from_slice(b",\"since\":");
            json_string(out, since);
        }
        out.push(b'}');
    }
}

/// Serde values written into a byte buffer, behind one object-safe method.
mod erased {
    pub trait Value {
        fn write(&self, out: &mut Vec<u8>);
    }

    impl<T: serde::Serialize> Value for T {
        fn write(&self, out: &mut Vec<u8>) {
            serde_json::to_writer(out, self).expect("wire values serialize and a Vec never fails");
        }
    }
}

/// `items` as a JSON array, each written by `write`.
fn json_array<T>(out: &mut Vec<u8>, items: &[T], mut write: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

/// A number as JSON.
fn json_number(out: &mut Vec<u8>, value: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// `"start":…,"end":…`, the members every span of the contract opens with.
fn json_start_end(out: &mut Vec<u8>, start: usize, end: usize) {
    out.extend_from_slice(b"\"start\":");
    json_number(out, start);
    out.extend_from_slice(b",\"end\":");
    json_number(out, end);
}

/// A span as `{"start":…,"end":…}`.
fn json_span(out: &mut Vec<u8>, start: usize, end: usize) {
    out.push(b'{');
    json_start_end(out, start, end);
    out.push(b'}');
}

fn json_entities(out: &mut Vec<u8>, entities: &[WireNamedEntity<'_>]) {
    json_array(out, entities, |out, e| {
        out.extend_from_slice(b"{\"canonical\":");
        json_string(out, e.canonical);
        out.extend_from_slice(b",\"type\":");
        json_string(out, e.kind);
        out.push(b',');
        json_start_end(out, e.start, e.end);
        out.extend_from_slice(b",\"roles\":");
        json_array(out, &e.roles, |out, role| {
            out.extend_from_slice(b"{\"text\":");
            json_string(out, role.text);
            out.push(b',');
            json_start_end(out, role.start, role.end);
            out.push(b'}');
        });
        out.extend_from_slice(b",\"mentions\":");
        json_array(out, &e.mentions, |out, m| json_span(out, m.start, m.end));
        out.push(b'}');
    });
}

fn json_quotes(out: &mut Vec<u8>, quotes: &[WireQuote<'_>]) {
    json_array(out, quotes, |out, q| {
        out.push(b'{');
        json_start_end(out, q.start, q.end);
        out.extend_from_slice(if q.direct {
            b",\"direct\":true"
        } else {
            b",\"direct\":false"
        });
        out.extend_from_slice(b",\"cue\":");
        match &q.cue {
            Some(cue) => json_span(out, cue.start, cue.end),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"speaker\":");
        match &q.speaker {
            Some(speaker) => {
                out.push(b'{');
                json_start_end(out, speaker.start, speaker.end);
                out.extend_from_slice(b",\"canonical\":");
                json_string(out, speaker.canonical);
                out.extend_from_slice(b",\"text\":");
                json_string(out, speaker.text);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"text\":");
        json_string(out, q.text);
        out.push(b'}');
    });
}

fn json_sentences(out: &mut Vec<u8>, sentences: &[WireSentence<'_>]) {
    json_array(out, sentences, |out, sentence| {
        out.extend_from_slice(b"{\"text\":");
        json_string(out, sentence.text);
        out.extend_from_slice(b",\"sources\":");
        json_array(out, &sentence.sources, |out, source| {
            out.extend_from_slice(b"{\"article\":");
            json_string(out, source.article);
            out.push(b',');
            json_start_end(out, source.start, source.end);
            out.extend_from_slice(b",\"sentence\":");
            json_number(out, source.sentence);
            out.push(b'}');
        });
        out.push(b'}');
    });
}

/// `text` as a JSON string, escaped as serde_json escapes: `"`, `\\` and control
/// characters only, with the short forms `\b \t \n \f \r` and `\u00xx` otherwise.
fn json_string(out: &mut Vec<u8>, text: &str) {
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // A byte of the chunk is zero: the classic test, exact about whether any is.
    let has_zero = |x: u64| x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS != 0;
    let clean = |chunk: u64| {
        let control = chunk.wrapping_sub(LOW_BITS * 0x20) & !chunk & HIGH_BITS != 0;
        !control
            && !has_zero(chunk ^ (LOW_BITS * u64::from(b'"')))
            && !has_zero(chunk ^ (LOW_BITS * u64::from(b'\\')))
    };
    let bytes = text.as_bytes();
    out.push(b'"');
    let mut written = 0;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(eight) = bytes.get(at..at + 8) {
            if clean(u64::from_le_bytes(eight.try_into().expect("eight bytes"))) {
                at += 8;
                continue;
            }
        }
        let end = (at + 8).min(bytes.len());
        for (i, &b) in bytes.iter().enumerate().take(end).skip(at) {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x09 => b't',
                0x0a => b'n',
                0x0c => b'f',
                0x0d => b'r',
                0x00..=0x1f => b'u',
                _ => continue,
            };
            out.extend_from_slice(&bytes[written..i]);
            written = i + 1;
            if short == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            } else {
                out.extend_from_slice(&[b'\\', short]);
            }
        }
        at = end;
    }
    out.extend_from_slice(&bytes[written..]);
    out.push(b'"');
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

#[cfg(test)]
mod tests {
    use super::*;
    use brief::Pipeline;

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let strings = [
            "",
            "plain ascii words, long enough to fill several chunks",
            "“curly” ‘quotes’ — and dashes",
            "a \"quoted\" word and a back\\slash",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f} /",
            "exactly8",
            "\"\"\"\"\"\"\"\"\"",
            "tail after eight bytes: \"",
        ];
        for s in strings {
            let mut ours = Vec::new();
            json_string(&mut ours, s);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn any_string_is_escaped_as_serde_escapes_it(
            text in "(\\PC|[\\x00-\\x1f\"\\\\\u{7f}]){0,40}"
        ) {
            let mut ours = Vec::new();
            json_string(&mut ours, &text);
            proptest::prop_assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&text).unwrap()
            );
        }
    }

    #[test]
    fn briefs_are_written_as_serde_writes_them() {
        let text = "Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on \
            Tuesday for five hours of talks. \"We have not come up with a compromise version \
            yet,\" Putin's aide Yuri Ushakov said after the meeting.\n\nThe United Nations says \
            over 14,000 civilians have been killed since 2022. Macron stated there was \"no \
            finalised plan\" and called the talks a\\first step.\n\nNegotiators will meet again \
            next week in Geneva, officials said. The White House said the proposals had been \
            \"very much refined\" over the past month.";
        let article = Article::from_text("id \"1\"\t", text);
        for pipeline in [Pipeline::default(), Pipeline::default().without_facts()] {
            let brief = pipeline.brief(&article).unwrap();
            let mut wire = WireBrief::new(&brief, &article);
            let mut ours = Vec::new();
            wire.write_json(&mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&wire).unwrap()
            );
            assert_eq!(pipeline.options.facts, !wire.quotes.is_empty());
            assert_eq!(pipeline.options.facts, !wire.figures.is_empty());
            if pipeline.options.facts {
                // The example has direct and reported statements with cue and speaker, and
                // people with roles.
                assert!(wire.quotes.iter().any(|q| q.direct && q.speaker.is_some()));
                assert!(wire.quotes.iter().any(|q| !q.direct && q.cue.is_some()));
                assert!(wire.entities.iter().any(|e| !e.roles.is_empty()));
            }
            wire.since = Some("2026-11-27");
            // Whatever the pipeline found, every shape a fact may take: no cue, no speaker,
            // text to escape, roles and no mentions.
            wire.quotes.push(WireQuote {
                start: 1,
                end: 20,
                direct: false,
                cue: None,
                speaker: None,
                text: "a \"quoted\"\tword",
            });
            wire.entities.push(WireNamedEntity {
                canonical: "O\"Neil\\",
                kind: "PER",
                start: 3,
                end: 9,
                roles: vec![WireText {
                    text: "envoy",
                    start: 0,
                    end: 5,
                }],
                mentions: Vec::new(),
            });
            wire.timeline.push(WireDated {
                date: "2026-11-25",
                sentence: sentence(&brief.takeaways[0]),
            });
            let mut ours = Vec::new();
            wire.write_json(&mut ours);
            assert_eq!(ours, serde_json::to_vec(&wire).unwrap());
        }
    }
}
