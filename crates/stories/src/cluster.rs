//! Online story assignment: each new article joins the most similar active story
//! or starts a new one; no full re-clustering, ever.
//!
//! An article is a tf-idf vector over its [`Profile`] terms; a story is the sum of
//! its members' unit vectors (its centroid). Candidates come from an inverted
//! index over each story's strongest terms, with posting lists of bounded length,
//! so the cost of one assignment does not grow with the number of stories; and
//! only stories touched recently stay in memory ([`Config::max_active`]), so
//! memory does not either. Everything here can be written out and read back
//! ([`StoryState::to_bytes`], [`DocumentFrequencies::to_bytes`]) so a store can
//! carry the state between runs.

use rustc_hash::FxHashMap;

use crate::profile::{Profile, Term};
use crate::sketch::Sketch;

/// A story's id, chosen by the clusterer (a store keeps it as its key).
pub type StoryId = u64;
/// The caller's key for an article (a store's row id).
pub type ArticleKey = u64;

/// Thresholds and bounds of assignment.
#[derive(Clone, Debug)]
pub struct Config {
    /// Cosine similarity to a story's centroid needed to join it.
    pub join: f32,
    /// Estimated shingle Jaccard above which an article is a version of another.
    pub near_duplicate: f32,
    /// An article joins a dated story only within this many days of its span.
    pub window_days: i32,
    /// Terms kept in a story's centroid.
    pub story_terms: usize,
    /// Of those, the strongest indexed for candidate lookup.
    pub indexed_terms: usize,
    /// Strongest terms of an article used to look up candidates.
    pub query_terms: usize,
    /// Stories kept per posting list (most recently touched).
    pub postings: usize,
    /// Candidates, ranked by their indexed terms alone, scored in full (cosine
    /// with the whole centroid, near-duplicate sketches).
    pub rescored: usize,
    /// Stories kept in memory; the least recently touched leave first.
    pub max_active: usize,
    /// Recent members per story kept for near-duplicate checks.
    pub sketches_per_story: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            join: 0.30,
            near_duplicate: 0.6,
            window_days: 7,
            story_terms: 300,
            indexed_terms: 40,
            query_terms: 30,
            postings: 64,
            rescored: 8,
            max_active: 50_000,
            sketches_per_story: 32,
        }
    }
}

/// What became of an article.
#[derive(Clone, Debug, PartialEq)]
pub enum Assignment {
    /// A new story, with this article as its first member.
    Started(StoryId),
    /// Joined an existing story at this centroid similarity.
    Joined(StoryId, f32),
    /// A version of an article already in the story (same wire copy, an update):
    /// linked to it, and left out of the story's centroid.
    NearDuplicate {
        /// The story of the original.
        story: StoryId,
        /// The original.
        of: ArticleKey,
        /// Estimated shingle Jaccard similarity.
        similarity: f32,
    },
}

impl Assignment {
    /// The story the article belongs to now.
    pub fn story(&self) -> StoryId {
        match *self {
            Assignment::Started(s) | Assignment::Joined(s, _) => s,
            Assignment::NearDuplicate { story, .. } => story,
        }
    }
}

/// How many articles carry each term, in a fixed table: memory does not grow with
/// the vocabulary, and a rare collision only blurs one term's weight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentFrequencies {
    documents: u32,
    counts: Vec<u32>,
}

const DF_BITS: u32 = 20;

impl Default for DocumentFrequencies {
    fn default() -> Self {
        DocumentFrequencies {
            documents: 0,
            counts: vec![0; 1 << DF_BITS],
        }
    }
}

impl DocumentFrequencies {
    fn slot(term: Term) -> usize {
        // FNV's high bits hardly vary over short keys ("1", "12"): mix first.
        (crate::sketch::mix(term) >> (64 - DF_BITS)) as usize
    }

    /// Counts one article's terms.
    pub fn add(&mut self, profile: &Profile) {
        self.documents = self.documents.saturating_add(1);
        for &(t, _) in &profile.terms {
            let c = &mut self.counts[Self::slot(t)];
            *c = c.saturating_add(1);
        }
    }

    /// Smoothed inverse document frequency.
    fn idf(&self, term: Term) -> f32 {
        let df = self.counts[Self::slot(term)] as f32;
        ((self.documents as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Articles counted.
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// Bytes for storage (little endian: documents, then the counts).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + 4 * self.counts.len());
        out.extend_from_slice(&self.documents.to_le_bytes());
        for c in &self.counts {
            out.extend_from_slice(&c.to_le_bytes());
        }
        out
    }

    /// Reads [`DocumentFrequencies::to_bytes`]'s output; `None` if malformed.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != 4 + 4 * (1 << DF_BITS) {
            return None;
        }
        let mut words = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap()));
        let documents = words.next()?;
        Some(DocumentFrequencies {
            documents,
            counts: words.collect(),
        })
    }
}

/// One story as the clusterer remembers it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryState {
    /// The story's id.
    pub id: StoryId,
    /// Sum of members' unit tf-idf vectors, strongest terms only, sorted by term.
    centroid: Vec<(Term, f32)>,
    /// Members, near-duplicates included.
    pub articles: u32,
    /// Earliest and latest dated member (day numbers).
    pub first: Option<i32>,
    /// See `first`.
    pub last: Option<i32>,
    /// Recent members' sketches, for near-duplicate checks.
    members: Vec<(ArticleKey, Sketch)>,
    /// Clock value of the last change, for eviction.
    touched: u64,
}

impl StoryState {
    /// When the story last changed, on the clusterer's clock (one tick per article).
    pub fn touched(&self) -> u64 {
        self.touched
    }

    fn within_window(&self, day: Option<i32>, window: i32) -> bool {
        match (day, self.first, self.last) {
            (Some(d), Some(first), Some(last)) => d >= first - window && d <= last + window,
            _ => true,
        }
    }

    /// Bytes for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&self.id.to_le_bytes());
        out.extend_from_slice(&self.articles.to_le_bytes());
        for day in [self.first, self.last] {
            out.extend_from_slice(&day.unwrap_or(i32::MIN).to_le_bytes());
        }
        out.extend_from_slice(&self.touched.to_le_bytes());
        out.extend_from_slice(&(self.centroid.len() as u32).to_le_bytes());
        for &(t, w) in &self.centroid {
            out.extend_from_slice(&t.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(self.members.len() as u32).to_le_bytes());
        for (key, sketch) in &self.members {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&sketch.to_bytes());
        }
        out
    }

    /// Reads [`StoryState::to_bytes`]'s output; `None` if malformed.
    pub fn from_bytes(bytes: &[u8]) -> Option<StoryState> {
        let mut r = Reader(bytes);
        let id = r.u64()?;
        let articles = r.u32()?;
        let day = |v: i32| (v != i32::MIN).then_some(v);
        let first = day(r.i32()?);
        let last = day(r.i32()?);
        let touched = r.u64()?;
        let n = r.u32()? as usize;
        let mut centroid = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            centroid.push((r.u64()?, f32::from_bits(r.u32()?)));
        }
        let n = r.u32()? as usize;
        let mut members = Vec::with_capacity(n.min(4096));
        let sketch_len = Sketch::of_text("").to_bytes().len();
        for _ in 0..n {
            let key = r.u64()?;
            members.push((key, Sketch::from_bytes(r.take(sketch_len)?)?));
        }
        r.0.is_empty().then_some(StoryState {
            id,
            centroid,
            articles,
            first,
            last,
            members,
            touched,
        })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

/// Closest stories whose recent members are checked for near-duplicates.
const NEAR_DUPLICATE_STORIES: usize = 2;

/// The online clusterer.
#[derive(Debug, Default)]
pub struct Clusterer {
    config: Config,
    frequencies: DocumentFrequencies,
    stories: FxHashMap<StoryId, StoryState>,
    /// For each indexed term, stories with the term's share of their centroid.
    postings: FxHashMap<Term, Vec<(StoryId, f32)>>,
    next_id: StoryId,
    clock: u64,
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(config: Config) -> Self {
        Clusterer {
            config,
            next_id: 1,
            ..Clusterer::default()
        }
    }

    /// A clusterer resuming from saved state: the document frequencies, the
    /// active stories, and the next free story id.
    pub fn resume(
        config: Config,
        frequencies: DocumentFrequencies,
        stories: impl IntoIterator<Item = StoryState>,
        next_id: StoryId,
    ) -> Self {
        let mut clusterer = Clusterer {
            config,
            frequencies,
            next_id,
            ..Clusterer::default()
        };
        for story in stories {
            clusterer.clock = clusterer.clock.max(story.touched);
            clusterer.index(&story);
            clusterer.next_id = clusterer.next_id.max(story.id + 1);
            clusterer.stories.insert(story.id, story);
        }
        clusterer.evict();
        clusterer
    }

    /// The document frequencies, for saving.
    pub fn frequencies(&self) -> &DocumentFrequencies {
        &self.frequencies
    }

    /// A story in memory.
    pub fn story(&self, id: StoryId) -> Option<&StoryState> {
        self.stories.get(&id)
    }

    /// The next story id that will be given out.
    pub fn next_id(&self) -> StoryId {
        self.next_id
    }

    /// Assigns an article to a story and updates that story. `key` names the
    /// article in later [`Assignment::NearDuplicate`] answers.
    pub fn assign(&mut self, key: ArticleKey, profile: &Profile) -> Assignment {
        self.clock += 1;
        self.frequencies.add(profile);
        let vector = self.unit_vector(profile);
        let mut scored: Vec<(StoryId, f32)> = self
            .candidates(&vector, profile.day)
            .into_iter()
            .map(|id| (id, cosine(&vector, &self.stories[&id].centroid)))
            .collect();
        scored.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let best = scored.first().copied();
        // A version of a member shares nearly all its words, so its story is among
        // the closest: only those are checked member by member (the costly part).
        let mut near: Option<(StoryId, ArticleKey, f32)> = None;
        for &(id, _) in scored.iter().take(NEAR_DUPLICATE_STORIES) {
            for (member, sketch) in &self.stories[&id].members {
                let j = sketch.similarity(&profile.sketch);
                if j >= self.config.near_duplicate && near.is_none_or(|(_, _, n)| j > n) {
                    near = Some((id, *member, j));
                }
            }
        }
        let assignment = if let Some((story, of, similarity)) = near {
            Assignment::NearDuplicate {
                story,
                of,
                similarity,
            }
        } else {
            match best {
                Some((story, similarity)) if similarity >= self.config.join => {
                    Assignment::Joined(story, similarity)
                }
                _ => {
                    let id = self.next_id;
                    self.next_id += 1;
                    Assignment::Started(id)
                }
            }
        };
        self.add_member(&assignment, key, profile, &vector);
        assignment
    }

    fn add_member(
        &mut self,
        assignment: &Assignment,
        key: ArticleKey,
        profile: &Profile,
        vector: &[(Term, f32)],
    ) {
        let id = assignment.story();
        let clock = self.clock;
        let config = &self.config;
        let story = self.stories.entry(id).or_insert_with(|| StoryState {
            id,
            centroid: Vec::new(),
            articles: 0,
            first: None,
            last: None,
            members: Vec::new(),
            touched: clock,
        });
        story.articles += 1;
        story.touched = clock;
        if let Some(day) = profile.day {
            story.first = Some(story.first.map_or(day, |f| f.min(day)));
            story.last = Some(story.last.map_or(day, |l| l.max(day)));
        }
        if !matches!(assignment, Assignment::NearDuplicate { .. }) {
            story.centroid = add_vectors(&story.centroid, vector, config.story_terms);
            if story.members.len() >= config.sketches_per_story {
                story.members.remove(0);
            }
            story.members.push((key, profile.sketch.clone()));
        }
        index_story(&mut self.postings, &self.config, story);
        self.evict();
    }

    /// The article's terms as a unit tf-idf vector (sublinear tf), sorted by term.
    fn unit_vector(&self, profile: &Profile) -> Vec<(Term, f32)> {
        let mut v: Vec<(Term, f32)> = profile
            .terms
            .iter()
            .map(|&(t, w)| (t, (1.0 + w.ln().max(0.0)) * self.frequencies.idf(t)))
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    }

    /// The stories most likely to be the article's: similarity accumulated
    /// over the posting lists of its strongest terms (a partial dot product with
    /// each story's indexed terms), the best [`Config::rescored`] kept.
    fn candidates(&self, vector: &[(Term, f32)], day: Option<i32>) -> Vec<StoryId> {
        let mut partial: FxHashMap<StoryId, f32> = FxHashMap::default();
        for (term, weight) in strongest(vector, self.config.query_terms) {
            for &(id, share) in self.postings.get(&term).into_iter().flatten() {
                *partial.entry(id).or_default() += weight * share;
            }
        }
        let mut ranked: Vec<(StoryId, f32)> = partial
            .into_iter()
            .filter(|(id, _)| {
                self.stories
                    .get(id)
                    .is_some_and(|s| s.within_window(day, self.config.window_days))
            })
            .collect();
        // Ties by id, so that the result never depends on hash order.
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(self.config.rescored);
        ranked.into_iter().map(|(id, _)| id).collect()
    }

    /// Puts a story at the front of the posting lists of its strongest terms.
    fn index(&mut self, story: &StoryState) {
        index_story(&mut self.postings, &self.config, story);
    }

    fn evict(&mut self) {
        let excess = self.stories.len().saturating_sub(self.config.max_active);
        if excess == 0 {
            return;
        }
        // Evict in batches so the sort is amortised over many assignments.
        let batch = excess.max(self.config.max_active / 10);
        let mut by_age: Vec<(u64, StoryId)> =
            self.stories.values().map(|s| (s.touched, s.id)).collect();
        by_age.sort_unstable();
        for (_, id) in by_age.into_iter().take(batch) {
            self.stories.remove(&id);
        }
        let stories = &self.stories;
        self.postings.retain(|_, list| {
            list.retain(|(id, _)| stories.contains_key(id));
            !list.is_empty()
        });
    }
}

/// Puts a story at the front of the posting lists of its strongest terms.
fn index_story(
    postings: &mut FxHashMap<Term, Vec<(StoryId, f32)>>,
    config: &Config,
    story: &StoryState,
) {
    let norm = story
        .centroid
        .iter()
        .map(|(_, w)| w * w)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    for (term, weight) in strongest(&story.centroid, config.indexed_terms) {
        let list = postings.entry(term).or_default();
        list.retain(|&(id, _)| id != story.id);
        if list.len() >= config.postings {
            list.remove(0);
        }
        list.push((story.id, weight / norm));
    }
}

/// The `n` largest-weight entries.
fn strongest(vector: &[(Term, f32)], n: usize) -> Vec<(Term, f32)> {
    let mut v = vector.to_vec();
    if v.len() > n {
        v.select_nth_unstable_by(n, |a, b| b.1.total_cmp(&a.1));
        v.truncate(n);
    }
    v
}

/// Cosine of a unit vector with a centroid, both sorted by term.
fn cosine(unit: &[(Term, f32)], centroid: &[(Term, f32)]) -> f32 {
    let norm = centroid.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < unit.len() && j < centroid.len() {
        match unit[i].0.cmp(&centroid[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += unit[i].1 * centroid[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot / norm
}

/// The sum of two term-sorted vectors, cut to the `keep` strongest terms.
fn add_vectors(a: &[(Term, f32)], b: &[(Term, f32)], keep: usize) -> Vec<(Term, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                i += 1;
                j += 1;
                (x.0, x.1 + y.1)
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                i += 1;
                *x
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (None, None) => unreachable!("loop condition"),
        };
        out.push(next);
    }
    if out.len() > keep {
        out = strongest(&out, keep);
        out.sort_unstable_by_key(|&(t, _)| t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::Article;

    fn profile(text: &str, published: Option<&str>) -> Profile {
        let article = Article {
            published: published.map(str::to_string),
            ..Article::from_text("a", text)
        };
        Profile::new(&article, &brief_understand::understand(&article))
    }

    const FLOOD_A: &str = "The city council in Worcester voted to build a flood barrier along the \
        River Severn after floods damaged 400 homes. Mayor Alice Grant said the barrier will cost \
        120 million pounds. Work on the Severn flood barrier starts in spring.";
    const FLOOD_B: &str = "Worcester councillors backed a 120 million pound flood barrier for the \
        River Severn on Tuesday. Mayor Alice Grant called the flood barrier vote a turning point \
        for homes hit by floods.";
    const FOOTBALL: &str = "Rovers sacked manager Tom Hale on Sunday after eight defeats left the \
        club bottom of the league. Chairman Peter Lund said a successor would be named within a \
        week. Fans had called for the manager to go.";

    #[test]
    fn reports_of_one_event_join_and_another_event_starts_a_story() {
        let mut c = Clusterer::new(Config::default());
        let first = c.assign(1, &profile(FLOOD_A, None));
        assert_eq!(first, Assignment::Started(1));
        assert!(matches!(
            c.assign(2, &profile(FLOOD_B, None)),
            Assignment::Joined(1, _)
        ));
        assert_eq!(
            c.assign(3, &profile(FOOTBALL, None)),
            Assignment::Started(2)
        );
        assert_eq!(c.story(1).unwrap().articles, 2);
    }

    #[test]
    fn a_near_copy_is_linked_to_its_original() {
        let mut c = Clusterer::new(Config::default());
        c.assign(7, &profile(FLOOD_A, None));
        let copy = format!("LONDON (Wire) - {FLOOD_A} Correction: the cost was misstated.");
        match c.assign(8, &profile(&copy, None)) {
            Assignment::NearDuplicate {
                story,
                of,
                similarity,
            } => {
                assert_eq!((story, of), (1, 7));
                assert!(similarity >= 0.5);
            }
            other => panic!("expected a near-duplicate, got {other:?}"),
        }
        // A near-duplicate counts as a member but leaves the centroid alone.
        assert_eq!(c.story(1).unwrap().articles, 2);
        assert_eq!(c.story(1).unwrap().members.len(), 1);
    }

    #[test]
    fn the_same_event_months_later_is_another_story() {
        let mut c = Clusterer::new(Config::default());
        c.assign(1, &profile(FLOOD_A, Some("2024-03-05")));
        let later = c.assign(2, &profile(FLOOD_B, Some("2024-09-05")));
        assert_eq!(later, Assignment::Started(2));
        let soon = c.assign(3, &profile(FLOOD_B, Some("2024-03-07")));
        assert!(
            matches!(
                soon,
                Assignment::NearDuplicate { story: 2, .. } | Assignment::Joined(1, _)
            ),
            "{soon:?}"
        );
    }

    #[test]
    fn saved_state_resumes_with_the_same_decisions() {
        let config = Config::default();
        let mut whole = Clusterer::new(config.clone());
        let mut first_half = Clusterer::new(config.clone());
        for (k, text) in [FLOOD_A, FOOTBALL].iter().enumerate() {
            whole.assign(k as u64, &profile(text, None));
            first_half.assign(k as u64, &profile(text, None));
        }
        let saved: Vec<StoryState> = [1, 2]
            .iter()
            .map(|id| StoryState::from_bytes(&first_half.story(*id).unwrap().to_bytes()).unwrap())
            .collect();
        let df = DocumentFrequencies::from_bytes(&first_half.frequencies().to_bytes()).unwrap();
        let mut resumed = Clusterer::resume(config, df, saved, first_half.next_id());
        let next = profile(FLOOD_B, None);
        assert_eq!(resumed.assign(9, &next), whole.assign(9, &next));
        assert_eq!(resumed.next_id(), whole.next_id());
    }

    #[test]
    fn memory_holds_at_most_the_active_stories() {
        let config = Config {
            max_active: 10,
            join: 2.0, // never join: every article starts a story
            ..Config::default()
        };
        let mut c = Clusterer::new(config);
        for k in 0..100u64 {
            c.assign(
                k,
                &profile(
                    &format!("Story number {k} about item {k} and thing {k}."),
                    None,
                ),
            );
        }
        assert!(c.stories.len() <= 10);
        assert!(c.story(100).is_some(), "the newest story stays");
        assert!(c
            .postings
            .values()
            .flatten()
            .all(|(id, _)| c.stories.contains_key(id)));
    }

    #[test]
    fn damaged_state_is_refused() {
        assert!(StoryState::from_bytes(&[1, 2, 3]).is_none());
        assert!(DocumentFrequencies::from_bytes(&[0; 10]).is_none());
    }
}
