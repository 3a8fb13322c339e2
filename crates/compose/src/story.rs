//! One brief for a story told by several articles, and updates to it.
//!
//! The story's most typical article (the one whose words the other articles share
//! most) is briefed as usual; every sentence of that brief is then credited to
//! each other article that carries the same sentence word for word (wire copy),
//! and what the other articles add that the brief does not yet say becomes an
//! "Other Reports" section. Figures that outlets give differently for the same
//! thing are shown side by side ("Where Reports Differ"), never merged. Earlier
//! stories about the same actors open the brief as "Earlier Coverage"; dated
//! sentences form a timeline. An update ([`StoryMaterial::known`]) keeps only what
//! the earlier articles did not say, and carries the earlier takeaways along.
//! Nothing is paraphrased: a point two outlets word differently appears once per
//! wording, each with its own source.

use brief_core::{Article, Brief, BriefSentence, Dated, Document, Provenance, Section};
use brief_understand::dates::{find_dates, iso_from_day};
use brief_understand::figures;
use brief_understand::words::{is_stop_word, lowercase_into, stem};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::heading::CLOSING_HEADING;
use crate::sections::MAX_SECTIONS;
use crate::{compose, provenance, shown_text, words_in_order, Options};

/// Heading of the section that gathers what the other articles add.
pub const OTHER_REPORTS_HEADING: &str = "Other Reports";
/// Heading of the section that puts differing figures side by side.
pub const DIFFER_HEADING: &str = "Where Reports Differ";
/// Heading of the background drawn from earlier stories.
pub const EARLIER_COVERAGE_HEADING: &str = "Earlier Coverage";
/// Heading of an update's carried-over takeaways.
pub const EARLIER_TAKEAWAYS_HEADING: &str = "Earlier Takeaways";
/// Points taken from each other article.
const POINTS_PER_ARTICLE: usize = 2;
/// Most points in "Other Reports".
const MAX_OTHER_POINTS: usize = 6;
/// A point is new to the brief when at most this share of its content words is already said.
const MAX_KNOWN_SHARE: f32 = 0.5;
/// A sentence was already reported when an earlier sentence has this share of its content words.
const REPORTED_SHARE: f32 = 0.6;
/// Most figures shown as differing.
const MAX_DIFFERENCES: usize = 2;
/// Sentences of an article whose figures are compared.
const LEDE_SENTENCES: usize = 4;
/// Words a dated sentence needs besides its date to be an event (not a dateline).
const MIN_EVENT_WORDS: usize = 8;
/// Most timeline events.
const MAX_TIMELINE: usize = 12;

/// One article of a story, understood.
#[derive(Clone, Copy)]
pub struct Member<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its sentences and tokens.
    pub doc: &'a Document,
    /// Its publication day number, when known.
    pub day: Option<i32>,
}

/// What a story brief is made from.
#[derive(Clone, Default)]
pub struct StoryMaterial<'a> {
    /// The story's articles, oldest (first ingested) first.
    pub members: Vec<Member<'a>>,
    /// How many leading members an earlier brief covered: when non-zero, the
    /// brief is an update that says only what they did not.
    pub known: usize,
    /// The label of the update point (an ISO date), shown with an update.
    pub since: Option<String>,
    /// Leading articles of earlier stories about the same actors and places.
    pub background: Vec<Member<'a>>,
}

/// Composes the brief of a story. `None` when there is nothing to say: no
/// articles, or (for an update) no new ones.
pub fn compose_story(material: &StoryMaterial<'_>, options: &Options) -> Option<Brief> {
    let members = &material.members;
    let known = material.known.min(members.len());
    let (earlier, fresh) = members.split_at(known);
    let lead = known + most_typical(fresh)?;
    let lead_member = members[lead];
    let mut brief = compose(lead_member.article, lead_member.doc, options);
    let index = SentenceIndex::new(members);
    let reported = Reported::new(earlier);
    if known > 0 {
        brief.takeaways.retain(|s| !reported.covers(&s.text));
        for section in brief.sections.iter_mut().filter(|s| !s.list) {
            section.sentences.retain(|s| !reported.covers(&s.text));
        }
        brief.sections.retain(|s| !s.sentences.is_empty());
    }
    for sentence in brief.takeaways.iter_mut().chain(
        brief
            .sections
            .iter_mut()
            .filter(|s| !s.list)
            .flat_map(|s| s.sentences.iter_mut()),
    ) {
        index.credit(sentence, members);
    }
    let plain = Options {
        takeaways: Some(POINTS_PER_ARTICLE),
        facts: false,
    };
    let points_of: Vec<Vec<BriefSentence>> = members
        .iter()
        .map(|m| compose(m.article, m.doc, &plain).takeaways)
        .collect();
    let mut said: FxHashSet<String> = FxHashSet::default();
    for s in brief.sentences() {
        said.extend(content_stems(&s.text));
    }
    let mut points: Vec<BriefSentence> = Vec::new();
    for (i, member_points) in points_of.iter().enumerate().skip(known) {
        if i == lead {
            continue;
        }
        for point in member_points {
            let stems = content_stems(&point.text);
            let known_share = share_in(&stems, &said);
            if stems.is_empty() || known_share > MAX_KNOWN_SHARE || reported.covers(&point.text) {
                continue;
            }
            let mut point = point.clone();
            index.credit(&mut point, members);
            said.extend(stems);
            points.push(point);
        }
    }
    // The most widely carried first; story order otherwise.
    points.sort_by_key(|p| std::cmp::Reverse(p.sources.len()));
    // An update whose lead had little new leads with the other new points.
    while brief.takeaways.len() < 3 && !points.is_empty() {
        brief.takeaways.push(points.remove(0));
    }
    points.truncate(MAX_OTHER_POINTS);
    if !points.is_empty() {
        insert_before_lists(
            &mut brief.sections,
            list_section(OTHER_REPORTS_HEADING, points),
        );
    }
    if known > 0 {
        let before = StoryMaterial {
            members: earlier.to_vec(),
            ..StoryMaterial::default()
        };
        if let Some(earlier_brief) = compose_story(&before, &plain_with(options)) {
            let at = brief.sections.len().min(1);
            make_room(&mut brief.sections);
            brief.sections.insert(
                at,
                list_section(EARLIER_TAKEAWAYS_HEADING, earlier_brief.takeaways),
            );
        }
    }
    let differences = differing_figures(members, known);
    if !differences.is_empty() {
        insert_before_lists(
            &mut brief.sections,
            list_section(DIFFER_HEADING, differences),
        );
    }
    let background: Vec<BriefSentence> = material
        .background
        .iter()
        .filter_map(|m| {
            compose(m.article, m.doc, &plain)
                .takeaways
                .into_iter()
                .next()
        })
        .collect();
    if !background.is_empty() {
        make_room(&mut brief.sections);
        brief.sections.insert(
            0,
            Section {
                heading: EARLIER_COVERAGE_HEADING.to_string(),
                sentences: background,
                list: false,
            },
        );
    }
    brief.timeline = timeline(members, &points_of);
    brief.since = material.since.clone().filter(|_| known > 0);
    Some(brief)
}

fn plain_with(options: &Options) -> Options {
    Options {
        facts: false,
        ..options.clone()
    }
}

fn list_section(heading: &str, sentences: Vec<BriefSentence>) -> Section {
    Section {
        heading: heading.to_string(),
        sentences,
        list: true,
    }
}

/// Drops the last themed section while the brief is at the seven-section limit.
fn make_room(sections: &mut Vec<Section>) {
    while sections.len() >= MAX_SECTIONS {
        let last_themed = sections
            .iter()
            .rposition(|s| !s.list && s.heading != CLOSING_HEADING);
        match last_themed {
            Some(i) if i > 0 => {
                sections.remove(i);
            }
            _ => {
                // No themed section to give up: the last list goes.
                sections.pop();
            }
        }
    }
}

/// Puts `section` after the prose sections, before the lists and the closing section.
fn insert_before_lists(sections: &mut Vec<Section>, section: Section) {
    make_room(sections);
    let at = sections
        .iter()
        .position(|s| s.list || s.heading == CLOSING_HEADING)
        .unwrap_or(sections.len());
    sections.insert(at, section);
}

/// The member whose content words the others share most (a linear pass: the
/// number of members carrying each word, averaged over the member's words).
fn most_typical(members: &[Member<'_>]) -> Option<usize> {
    let stems: Vec<FxHashSet<String>> = members
        .iter()
        .map(|m| content_stems(&m.article.text))
        .collect();
    let mut carried: FxHashMap<&str, u32> = FxHashMap::default();
    for set in &stems {
        for s in set {
            *carried.entry(s.as_str()).or_default() += 1;
        }
    }
    let score = |i: usize| {
        let set = &stems[i];
        let shared: u32 = set.iter().map(|s| carried[s.as_str()] - 1).sum();
        shared as f32 / (set.len().max(1) as f32).sqrt()
    };
    // Ties go to the earlier member.
    (0..members.len()).max_by(|&a, &b| score(a).total_cmp(&score(b)).then(b.cmp(&a)))
}

fn content_stems(text: &str) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let mut lower = String::new();
    for word in words(text) {
        lowercase_into(word, &mut lower);
        if lower.len() >= 3 && !is_stop_word(&lower) {
            out.insert(stem(&lower).into_owned());
        }
    }
    out
}

fn share_in(stems: &FxHashSet<String>, known: &FxHashSet<String>) -> f32 {
    if stems.is_empty() {
        return 0.0;
    }
    stems.iter().filter(|s| known.contains(*s)).count() as f32 / stems.len() as f32
}

fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The sentences of the earlier articles, to tell what an update adds.
struct Reported {
    sentences: Vec<FxHashSet<String>>,
    by_stem: FxHashMap<String, Vec<u32>>,
}

impl Reported {
    fn new(members: &[Member<'_>]) -> Self {
        let mut sentences = Vec::new();
        let mut by_stem: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for m in members {
            for s in &m.doc.sentences {
                let stems = content_stems(m.article.slice(s.span));
                let id = sentences.len() as u32;
                for st in &stems {
                    by_stem.entry(st.clone()).or_default().push(id);
                }
                sentences.push(stems);
            }
        }
        Reported { sentences, by_stem }
    }

    /// True when an earlier sentence holds most of `text`'s content words.
    fn covers(&self, text: &str) -> bool {
        if self.sentences.is_empty() {
            return false;
        }
        let stems = content_stems(text);
        let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
        for st in &stems {
            for &id in self.by_stem.get(st).into_iter().flatten() {
                *shared.entry(id).or_default() += 1;
            }
        }
        let best = shared.values().copied().max().unwrap_or(0);
        !stems.is_empty() && best as f32 >= REPORTED_SHARE * stems.len() as f32
    }
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
    fn new(members: &[Member<'_>]) -> Self {
        let mut by_tail: FxHashMap<u64, Vec<(usize, usize)>> = FxHashMap::default();
        for (m, member) in members.iter().enumerate() {
            for (i, s) in member.doc.sentences.iter().enumerate() {
                by_tail
                    .entry(tail_key(member.article.slice(s.span)))
                    .or_default()
                    .push((m, i));
            }
        }
        SentenceIndex { by_tail }
    }

    /// Adds as sources the sentences of other articles that carry the sentence
    /// word for word, give or take a dateline (checked as the validator checks it).
    fn credit(&self, sentence: &mut BriefSentence, members: &[Member<'_>]) {
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
            let member = members[m];
            let span = member.doc.sentences[i].span;
            let source = member.article.slice(span);
            let already = sentence.sources.iter().any(|p| {
                p.article == member.article.id
                    && p.span.start <= span.end
                    && span.start <= p.span.end
            });
            if !already
                && words(source).count() <= shown_words + MAX_EXTRA_WORDS
                && words_in_order(&sentence.text, source)
            {
                sentence.sources.push(Provenance {
                    article: member.article.id.clone(),
                    sentence: i,
                    span,
                });
            }
        }
    }
}

/// The sentence of `member` holding a byte offset, as a brief sentence.
fn sentence_at(member: &Member<'_>, at: usize) -> Option<BriefSentence> {
    let i = member.doc.sentence_from(at);
    let s = member.doc.sentences.get(i)?;
    let text = shown_text(member.article.slice(s.span));
    (!text.is_empty()).then(|| BriefSentence {
        text,
        sources: vec![provenance(member.article, member.doc, s.span)],
    })
}

/// Where a figure was seen: its value, the member, its byte offset.
type Sightings = Vec<(f64, usize, usize)>;

/// Figures that count the same thing with different values in different
/// articles: one sentence per value, earliest article first. In an update
/// (`known` > 0), only differences a new article takes part in.
fn differing_figures(members: &[Member<'_>], known: usize) -> Vec<BriefSentence> {
    if members.len() < 2 {
        return Vec::new();
    }
    // What is counted (its words, lower case) → per value: (member, figure start).
    let mut by_thing: FxHashMap<String, Sightings> = FxHashMap::default();
    for (m, member) in members.iter().enumerate() {
        // The figures a report leads with are the ones it stands by: a figure
        // deep in the body is often about something else of the same kind.
        let lede_end = member
            .doc
            .sentences
            .iter()
            .filter(|s| !s.is_heading)
            .nth(LEDE_SENTENCES)
            .map_or(usize::MAX, |s| s.span.start);
        for figure in figures::find(member.article, member.doc) {
            let Some(counts) = figure.counts else {
                continue;
            };
            // Counts of people and things, shares and money; not distances or durations.
            let comparable = figure.unit.as_deref().is_none_or(|u| {
                u == "%" || (u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()))
            });
            if figure.span.start >= lede_end || !comparable {
                continue;
            }
            let thing = member.article.slice(counts).to_lowercase();
            let key = format!("{thing}|{}", figure.unit.as_deref().unwrap_or(""));
            by_thing
                .entry(key)
                .or_default()
                .push((figure.value, m, figure.span.start));
        }
    }
    let mut things: Vec<(String, Sightings)> = by_thing
        .into_iter()
        .filter(|(_, seen)| {
            let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
            // One article giving two values for a thing counts two things (a
            // distance here, another there): not a disagreement between reports.
            let one_value_each = seen
                .iter()
                .all(|a| seen.iter().all(|b| a.1 != b.1 || same(a.0, b.0)));
            let members: FxHashSet<usize> = seen.iter().map(|s| s.1).collect();
            let involves_new = seen.iter().any(|s| s.1 >= known);
            one_value_each
                && involves_new
                && members.len() >= 2
                && seen.iter().any(|s| !same(s.0, seen[0].0))
        })
        .collect();
    // The most widely reported things first; stable by name.
    things.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut out = Vec::new();
    for (_, mut seen) in things.into_iter().take(MAX_DIFFERENCES) {
        seen.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)));
        let mut values_shown: Vec<f64> = Vec::new();
        for (value, m, at) in seen {
            if values_shown
                .iter()
                .any(|v| (v - value).abs() <= 1e-9 * value.abs().max(1.0))
            {
                continue;
            }
            if let Some(s) = sentence_at(&members[m], at) {
                if !out.iter().any(|o: &BriefSentence| o.text == s.text) {
                    values_shown.push(value);
                    out.push(s);
                }
            }
        }
    }
    out
}

/// Dated events: each dated article's leading point on its publication day, and
/// every sentence that states a full date, on that date; oldest first.
fn timeline(members: &[Member<'_>], points_of: &[Vec<BriefSentence>]) -> Vec<Dated> {
    let mut events: Vec<(i32, BriefSentence)> = Vec::new();
    for (member, points) in members.iter().zip(points_of) {
        if let (Some(day), Some(point)) = (member.day, points.first()) {
            events.push((day, point.clone()));
        }
        for (start, end, day) in find_dates(&member.article.text) {
            let i = member.doc.sentence_from(start);
            let Some(sentence) = member.doc.sentences.get(i) else {
                continue;
            };
            let date_words = words(&member.article.text[start..end]).count();
            let event = !sentence.is_heading
                && words(member.article.slice(sentence.span)).count()
                    >= date_words + MIN_EVENT_WORDS;
            if let Some(s) = sentence_at(member, start).filter(|_| event) {
                events.push((day, s));
            }
        }
    }
    events.sort_by_key(|(day, _)| *day);
    let mut out: Vec<(i32, BriefSentence, FxHashSet<String>)> = Vec::new();
    for (day, sentence) in events {
        let stems = content_stems(&sentence.text);
        // The same point again (wire copy, a later version) keeps its first date.
        let repeat = out
            .iter()
            .any(|(_, _, seen)| share_in(&stems, seen) > MAX_KNOWN_SHARE);
        if !repeat {
            out.push((day, sentence, stems));
        }
    }
    // Too many: keep one event per day first, then the rest in order.
    if out.len() > MAX_TIMELINE {
        let mut kept = Vec::new();
        let mut days = FxHashSet::default();
        let mut rest = Vec::new();
        for e in out {
            if days.insert(e.0) {
                kept.push(e);
            } else {
                rest.push(e);
            }
        }
        kept.extend(rest);
        kept.truncate(MAX_TIMELINE);
        kept.sort_by_key(|e| e.0);
        out = kept;
    }
    out.into_iter()
        .map(|(day, sentence, _)| Dated {
            date: iso_from_day(day),
            sentence,
        })
        .collect()
}
