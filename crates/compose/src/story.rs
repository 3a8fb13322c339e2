//! One brief for a story told by several articles.
//!
//! The story's most typical article (the one whose words the other articles share
//! most) is briefed as usual; every sentence of that brief is then credited to
//! each other article that carries the same sentence word for word (wire copy),
//! and the other articles' own leading points that the brief does not yet say
//! become an "Other Reports" section, each credited to every article carrying it.
//! Nothing is paraphrased or merged: a point two outlets word differently appears
//! once per wording, each with its own source.

use brief_core::{Article, Brief, BriefSentence, Document, Provenance, Section};
use brief_understand::words::{is_stop_word, lowercase_into, stem};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::heading::CLOSING_HEADING;
use crate::sections::MAX_SECTIONS;
use crate::{compose, words_in_order, Options};

/// Heading of the section that gathers what the other articles add.
pub const OTHER_REPORTS_HEADING: &str = "Other Reports";
/// Points taken from each other article.
const POINTS_PER_ARTICLE: usize = 2;
/// Most points in "Other Reports".
const MAX_OTHER_POINTS: usize = 6;
/// A point is new when at most this share of its content words is already said.
const MAX_KNOWN_SHARE: f32 = 0.5;

/// Composes the brief of a story from its articles (each with its understood
/// document), in any order. Returns `None` for an empty story.
pub fn compose_story(members: &[(&Article, &Document)], options: &Options) -> Option<Brief> {
    let lead = most_typical(members)?;
    let (lead_article, lead_doc) = members[lead];
    let mut brief = compose(lead_article, lead_doc, options);
    if members.len() == 1 {
        return Some(brief);
    }
    let index = SentenceIndex::new(members);
    for sentence in brief.takeaways.iter_mut().chain(
        brief
            .sections
            .iter_mut()
            .filter(|s| !s.list)
            .flat_map(|s| s.sentences.iter_mut()),
    ) {
        index.credit(sentence, members);
    }
    let mut known: FxHashSet<String> = FxHashSet::default();
    for s in brief.sentences() {
        known.extend(content_stems(&s.text));
    }
    let mut points: Vec<BriefSentence> = Vec::new();
    let plain = Options {
        takeaways: Some(POINTS_PER_ARTICLE),
        facts: false,
    };
    for (i, (article, doc)) in members.iter().enumerate() {
        if i == lead {
            continue;
        }
        for mut point in compose(article, doc, &plain).takeaways {
            let stems = content_stems(&point.text);
            if stems.is_empty() {
                continue;
            }
            let said = stems.iter().filter(|s| known.contains(*s)).count();
            if said as f32 > MAX_KNOWN_SHARE * stems.len() as f32 {
                continue;
            }
            index.credit(&mut point, members);
            known.extend(stems);
            points.push(point);
        }
    }
    // The most widely carried first; story order (first article first) otherwise.
    points.sort_by_key(|p| std::cmp::Reverse(p.sources.len()));
    points.truncate(MAX_OTHER_POINTS);
    if !points.is_empty() {
        insert_before_lists(
            &mut brief.sections,
            Section {
                heading: OTHER_REPORTS_HEADING.to_string(),
                sentences: points,
                list: true,
            },
        );
    }
    Some(brief)
}

/// Puts `section` after the prose sections, before the lists and the closing
/// section, making room within the seven-section limit by dropping the last
/// themed section.
fn insert_before_lists(sections: &mut Vec<Section>, section: Section) {
    while sections.len() >= MAX_SECTIONS {
        let last_themed = sections
            .iter()
            .rposition(|s| !s.list && s.heading != CLOSING_HEADING);
        match last_themed {
            Some(i) if i > 0 => {
                sections.remove(i);
            }
            _ => return,
        }
    }
    let at = sections
        .iter()
        .position(|s| s.list || s.heading == CLOSING_HEADING)
        .unwrap_or(sections.len());
    sections.insert(at, section);
}

/// The member whose content words the others share most (a linear pass: the
/// number of members carrying each word, averaged over the member's words).
fn most_typical(members: &[(&Article, &Document)]) -> Option<usize> {
    let stems: Vec<FxHashSet<String>> = members
        .iter()
        .map(|(a, _)| content_stems(&a.text))
        .collect();
    let mut carried: FxHashMap<&str, u32> = FxHashMap::default();
    for set in &stems {
        for s in set {
            *carried.entry(s.as_str()).or_default() += 1;
        }
    }
    (0..members.len()).max_by(|&a, &b| {
        let score = |i: usize| {
            let set = &stems[i];
            let shared: u32 = set.iter().map(|s| carried[s.as_str()] - 1).sum();
            shared as f32 / (set.len().max(1) as f32).sqrt()
        };
        // Ties go to the earlier member.
        score(a).total_cmp(&score(b)).then(b.cmp(&a))
    })
}

fn content_stems(text: &str) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        lowercase_into(word, &mut lower);
        if lower.len() >= 3 && !is_stop_word(&lower) {
            out.insert(stem(&lower).into_owned());
        }
    }
    out
}

/// Words compared at the end of a sentence: wire copy differs mostly at the
/// start (a dateline, a discourse marker), so the tail finds it.
const TAIL_WORDS: usize = 8;
/// Extra words a copy may carry around the shown words (a dateline).
const MAX_EXTRA_WORDS: usize = 8;

/// Every sentence of every member by its last words, to find wire copy.
struct SentenceIndex {
    by_tail: FxHashMap<u64, Vec<(usize, usize)>>,
}

fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn tail_key(text: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for word in words(text).rev().take(TAIL_WORDS) {
        for b in word.bytes().chain([b' ']) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

impl SentenceIndex {
    fn new(members: &[(&Article, &Document)]) -> Self {
        let mut by_tail: FxHashMap<u64, Vec<(usize, usize)>> = FxHashMap::default();
        for (m, (article, doc)) in members.iter().enumerate() {
            for (i, s) in doc.sentences.iter().enumerate() {
                by_tail
                    .entry(tail_key(article.slice(s.span)))
                    .or_default()
                    .push((m, i));
            }
        }
        SentenceIndex { by_tail }
    }

    /// Adds as sources the sentences of other articles that carry the sentence
    /// word for word, give or take a dateline (checked as the validator checks it).
    fn credit(&self, sentence: &mut BriefSentence, members: &[(&Article, &Document)]) {
        let shown_words = words(&sentence.text).count();
        if shown_words < TAIL_WORDS {
            return;
        }
        for &(m, i) in self
            .by_tail
            .get(&tail_key(&sentence.text))
            .into_iter()
            .flatten()
        {
            let (article, doc) = members[m];
            let span = doc.sentences[i].span;
            let source = article.slice(span);
            let already = sentence.sources.iter().any(|p| {
                p.article == article.id && p.span.start <= span.end && span.start <= p.span.end
            });
            if !already
                && words(source).count() <= shown_words + MAX_EXTRA_WORDS
                && words_in_order(&sentence.text, source)
            {
                sentence.sources.push(Provenance {
                    article: article.id.clone(),
                    sentence: i,
                    span,
                });
            }
        }
    }
}
