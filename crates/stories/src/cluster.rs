//! Online story assignment: each new article joins the most similar active story
//! or starts a new one; no full re-clustering, ever.
//!
//! An article is a tf-idf vector over its [`Profile`] terms, one unit vector per
//! [`Channel`](crate::profile::Channel) (words, names, numbers) so that each
//! counts the same; two articles' similarity is the mean of their channel
//! cosines, raised when they lead with the same person and lowered when each
//! leads with people the other never names. A story is scored by its members'
//! mean similarity to the article (average linkage, from the sum of their
//! vectors).
//!
//! Arrival order must not decide the stories: when an article is close to more
//! than one story, or to one only weakly, the neighbourhood (the article and the
//! most recent members of up to [`Config::neighbour_stories`] nearby stories,
//! at most [`Config::neighbourhood`] in all) is re-clustered from scratch by
//! average linkage, and members may move between those stories ([`Move`]).
//! Everything else stays put, so the cost is bounded whatever the size of the
//! corpus. Candidates come from an inverted index over each story's strongest
//! terms, with posting lists of bounded length; only stories touched recently
//! stay in memory ([`Config::max_active`]), and only so many member vectors
//! ([`Config::max_member_vectors`]), so memory is bounded too. Everything here
//! can be written out and read back ([`StoryState::to_bytes`],
//! [`DocumentFrequencies::to_bytes`]) so a store can carry the state between
//! runs.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::profile::{Channel, PersonRelation, Persons, Profile, Term, CHANNELS};
use crate::sketch::Sketch;

/// A story's id, chosen by the clusterer (a store keeps it as its key).
pub type StoryId = u64;
/// The caller's key for an article (a store's row id).
pub type ArticleKey = u64;

/// Thresholds and bounds of assignment.
#[derive(Clone, Debug)]
pub struct Config {
    /// Mean similarity to a story's members needed to join it (average linkage).
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
    /// Candidates, ranked by their indexed terms alone, scored in full.
    pub rescored: usize,
    /// Stories kept in memory; the least recently touched leave first.
    pub max_active: usize,
    /// Recent members per story kept for near-duplicate checks and re-clustering.
    pub members_per_story: usize,
    /// Nearby stories whose members may be re-clustered with a new article.
    pub neighbour_stories: usize,
    /// Articles re-clustered at most, the new one included.
    pub neighbourhood: usize,
    /// Terms kept of a member's vector.
    pub member_terms: usize,
    /// Member vectors kept in memory over all stories; the least recently
    /// touched stories lose theirs first (they can still be joined, not split).
    pub max_member_vectors: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            join: 0.18,
            near_duplicate: 0.6,
            window_days: 7,
            story_terms: 300,
            indexed_terms: 40,
            query_terms: 30,
            postings: 64,
            rescored: 8,
            max_active: 50_000,
            members_per_story: 32,
            neighbour_stories: 3,
            neighbourhood: 32,
            member_terms: 160,
            max_member_vectors: 16_000,
        }
    }
}

/// Added to two articles' similarity when they lead with the same person.
const SHARED_PERSON: f32 = 0.05;
/// Taken from it when each leads with people the other never names: two
/// arrests, two climbing accidents, two award hosts.
const PERSON_CONFLICT: f32 = 0.3;
/// How far above the join threshold the only nearby story must score for the
/// article to join it without re-clustering.
const CLEAR_JOIN: f32 = 0.05;

/// What became of an article.
#[derive(Clone, Debug, PartialEq)]
pub enum Assignment {
    /// A new story, with this article as its first member.
    Started(StoryId),
    /// Joined an existing story at this mean similarity to its members.
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

/// An earlier article that re-clustering moved to another story. Its
/// near-duplicates go with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    /// The article.
    pub article: ArticleKey,
    /// The story it was in.
    pub from: StoryId,
    /// The story it is in now.
    pub to: StoryId,
}

/// How many articles carry each term, in a fixed table: memory does not grow with
/// the vocabulary, and a rare collision only blurs one term's weight. Counts of
/// a background corpus (general news, compiled in) are added to every idf so
/// the first articles of a store already get sensible weights.
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

/// Background document frequencies: see `models/README.md`.
static BACKGROUND_BYTES: &[u8] = include_bytes!("../models/background.bin");

struct Background {
    documents: u32,
    counts: Vec<u32>,
}

fn background() -> &'static Background {
    static TABLE: OnceLock<Background> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Compiled in and checked by a test: a malformed table is a build bug.
        decode_compact(BACKGROUND_BYTES).unwrap_or(Background {
            documents: 0,
            counts: vec![0; 1 << DF_BITS],
        })
    })
}

/// Reads the compact table format: documents (u32), non-zero slots (u32), then
/// (slot, count) pairs as u32, slots ascending; little endian.
fn decode_compact(bytes: &[u8]) -> Option<Background> {
    let mut r = Reader(bytes);
    let documents = r.u32()?;
    let n = r.u32()? as usize;
    let mut counts = vec![0; 1 << DF_BITS];
    let mut previous = None;
    for _ in 0..n {
        let slot = r.u32()? as usize;
        if slot >= counts.len() || previous.is_some_and(|p| p >= slot) {
            return None;
        }
        previous = Some(slot);
        counts[slot] = r.u32()?;
    }
    r.0.is_empty().then_some(Background { documents, counts })
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

    /// Smoothed inverse document frequency over these counts and the background's.
    fn idf(&self, term: Term) -> f32 {
        let slot = Self::slot(term);
        let background = background();
        let df = self.counts[slot] as f32 + background.counts[slot] as f32;
        let documents = self.documents as f32 + background.documents as f32;
        ((documents + 1.0) / (df + 1.0)).ln() + 1.0
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

    /// The counts in the compact format of the compiled-in background table
    /// (documents, non-zero slots, then (slot, count) pairs).
    pub fn to_compact_bytes(&self) -> Vec<u8> {
        let nonzero: Vec<(u32, u32)> = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(slot, &c)| (slot as u32, c))
            .collect();
        let mut out = Vec::with_capacity(8 + 8 * nonzero.len());
        out.extend_from_slice(&self.documents.to_le_bytes());
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        for (slot, c) in nonzero {
            out.extend_from_slice(&slot.to_le_bytes());
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

/// An article as compared with others: its unit vector and its people.
#[derive(Clone, Debug, PartialEq)]
struct Item {
    /// Per-channel unit tf-idf vectors, each scaled by 1/sqrt(channels), sorted
    /// by term: the dot product of two is the mean of the channel cosines.
    vector: Vec<(Term, f32)>,
    persons: Persons,
}

impl Item {
    fn similarity(&self, other: &Item) -> f32 {
        dot(&self.vector, &other.vector) + person_adjustment(&self.persons, &other.persons)
    }
}

fn person_adjustment(a: &Persons, b: &Persons) -> f32 {
    match a.relation(b) {
        PersonRelation::Shared => SHARED_PERSON,
        PersonRelation::Conflict => -PERSON_CONFLICT,
        PersonRelation::Unknown => 0.0,
    }
}

/// A recent member of a story.
#[derive(Clone, Debug, PartialEq)]
struct Member {
    key: ArticleKey,
    /// Clock value of its arrival.
    arrived: u64,
    /// Its vector (cut to its strongest terms) and people; the vector is
    /// empty once memory pressure dropped it.
    item: Item,
    sketch: Sketch,
    /// Its near-duplicates, which go wherever it goes.
    copies: u32,
}

/// One story as the clusterer remembers it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryState {
    /// The story's id.
    pub id: StoryId,
    /// Sum of members' unit vectors, strongest terms only, sorted by term.
    centroid: Vec<(Term, f32)>,
    /// Members summed in the centroid (near-duplicates are not).
    size: u32,
    /// Members, near-duplicates included.
    pub articles: u32,
    /// Earliest and latest dated member (day numbers).
    pub first: Option<i32>,
    /// See `first`.
    pub last: Option<i32>,
    /// Recent members, oldest first.
    members: Vec<Member>,
    /// Clock value of the last change, for eviction.
    touched: u64,
}

/// Marks the state format that carries member vectors (the first, older one
/// started directly with the story id).
const STATE_MAGIC: &[u8; 4] = b"BSt2";

impl StoryState {
    fn new(id: StoryId, clock: u64) -> StoryState {
        StoryState {
            id,
            centroid: Vec::new(),
            size: 0,
            articles: 0,
            first: None,
            last: None,
            members: Vec::new(),
            touched: clock,
        }
    }

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

    fn extend_days(&mut self, day: Option<i32>) {
        if let Some(day) = day {
            self.first = Some(self.first.map_or(day, |f| f.min(day)));
            self.last = Some(self.last.map_or(day, |l| l.max(day)));
        }
    }

    /// Mean similarity of an article to the members (average linkage).
    fn score(&self, item: &Item) -> f32 {
        if self.size == 0 {
            return 0.0;
        }
        let words = dot(&item.vector, &self.centroid) / self.size as f32;
        let persons = if self.members.is_empty() {
            0.0
        } else {
            self.members
                .iter()
                .map(|m| person_adjustment(&item.persons, &m.item.persons))
                .sum::<f32>()
                / self.members.len() as f32
        };
        words + persons
    }

    fn held_vectors(&self) -> usize {
        self.members
            .iter()
            .filter(|m| !m.item.vector.is_empty())
            .count()
    }

    /// Bytes for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(STATE_MAGIC);
        out.extend_from_slice(&self.id.to_le_bytes());
        out.extend_from_slice(&self.articles.to_le_bytes());
        out.extend_from_slice(&self.size.to_le_bytes());
        for day in [self.first, self.last] {
            out.extend_from_slice(&day.unwrap_or(i32::MIN).to_le_bytes());
        }
        out.extend_from_slice(&self.touched.to_le_bytes());
        write_vector(&mut out, &self.centroid);
        out.extend_from_slice(&(self.members.len() as u32).to_le_bytes());
        for m in &self.members {
            out.extend_from_slice(&m.key.to_le_bytes());
            out.extend_from_slice(&m.arrived.to_le_bytes());
            out.extend_from_slice(&m.copies.to_le_bytes());
            out.extend_from_slice(&m.sketch.to_bytes());
            for list in [&m.item.persons.leading, &m.item.persons.all] {
                out.extend_from_slice(&(list.len() as u32).to_le_bytes());
                for p in list {
                    out.extend_from_slice(&p.to_le_bytes());
                }
            }
            write_vector(&mut out, &m.item.vector);
        }
        out
    }

    /// Reads [`StoryState::to_bytes`]'s output (or the older format without
    /// member vectors); `None` if malformed.
    pub fn from_bytes(bytes: &[u8]) -> Option<StoryState> {
        let sketch_len = Sketch::of_text("").to_bytes().len();
        let Some(rest) = bytes.strip_prefix(STATE_MAGIC) else {
            return Self::from_first_format(bytes, sketch_len);
        };
        let mut r = Reader(rest);
        let id = r.u64()?;
        let articles = r.u32()?;
        let size = r.u32()?;
        let first = r.day()?;
        let last = r.day()?;
        let touched = r.u64()?;
        let centroid = r.vector()?;
        let n = r.u32()? as usize;
        let mut members = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let key = r.u64()?;
            let arrived = r.u64()?;
            let copies = r.u32()?;
            let sketch = Sketch::from_bytes(r.take(sketch_len)?)?;
            let leading = r.list()?;
            let all = r.list()?;
            let vector = r.vector()?;
            members.push(Member {
                key,
                arrived,
                item: Item {
                    vector,
                    persons: Persons { leading, all },
                },
                sketch,
                copies,
            });
        }
        r.0.is_empty().then_some(StoryState {
            id,
            centroid,
            size,
            articles,
            first,
            last,
            members,
            touched,
        })
    }

    /// The state stores wrote before member vectors: joinable, not re-clustered.
    fn from_first_format(bytes: &[u8], sketch_len: usize) -> Option<StoryState> {
        let mut r = Reader(bytes);
        let id = r.u64()?;
        let articles = r.u32()?;
        let first = r.day()?;
        let last = r.day()?;
        let touched = r.u64()?;
        let n = r.u32()? as usize;
        let mut centroid = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            centroid.push((r.u64()?, f32::from_bits(r.u32()?)));
        }
        let n = r.u32()? as usize;
        let mut members = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let key = r.u64()?;
            members.push(Member {
                key,
                arrived: touched,
                item: Item {
                    vector: Vec::new(),
                    persons: Persons::default(),
                },
                sketch: Sketch::from_bytes(r.take(sketch_len)?)?,
                copies: 0,
            });
        }
        r.0.is_empty().then_some(StoryState {
            id,
            centroid,
            size: articles,
            articles,
            first,
            last,
            members,
            touched,
        })
    }
}

fn write_vector(out: &mut Vec<u8>, vector: &[(Term, f32)]) {
    out.extend_from_slice(&(vector.len() as u32).to_le_bytes());
    for &(t, w) in vector {
        out.extend_from_slice(&t.to_le_bytes());
        out.extend_from_slice(&w.to_le_bytes());
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
    fn day(&mut self) -> Option<Option<i32>> {
        let v = i32::from_le_bytes(self.take(4)?.try_into().ok()?);
        Some((v != i32::MIN).then_some(v))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn list(&mut self) -> Option<Vec<u64>> {
        let n = self.u32()? as usize;
        if n > self.0.len() / 8 {
            return None;
        }
        (0..n).map(|_| self.u64()).collect()
    }
    fn vector(&mut self) -> Option<Vec<(Term, f32)>> {
        let n = self.u32()? as usize;
        if n > self.0.len() / 12 {
            return None;
        }
        (0..n)
            .map(|_| Some((self.u64()?, f32::from_bits(self.u32()?))))
            .collect()
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
    /// Member vectors held over all stories.
    held_vectors: usize,
    /// Moves made since [`Clusterer::take_moves`] was last called.
    moves: Vec<Move>,
    /// Similarities of member pairs already worked out: members' vectors never
    /// change, and the same recent members meet again in the next re-clustering.
    pair_similarities: FxHashMap<(ArticleKey, ArticleKey), f32>,
}

/// Member pairs remembered at most (about 24 MB); then the memo starts afresh.
const PAIR_MEMO: usize = 1 << 20;

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
            clusterer.held_vectors += story.held_vectors();
            index_story(&mut clusterer.postings, &clusterer.config, &story);
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

    /// The moves re-clustering made since the last call, oldest first. A story
    /// a move left empty is gone from the clusterer.
    pub fn take_moves(&mut self) -> Vec<Move> {
        std::mem::take(&mut self.moves)
    }

    /// Assigns an article to a story and updates the stories concerned. `key`
    /// names the article in later answers ([`Assignment::NearDuplicate`],
    /// [`Move`]). Earlier articles may move: see [`Clusterer::take_moves`].
    pub fn assign(&mut self, key: ArticleKey, profile: &Profile) -> Assignment {
        self.clock += 1;
        self.frequencies.add(profile);
        let item = Item {
            vector: self.unit_vector(profile),
            persons: profile.persons.clone(),
        };
        let mut scored: Vec<(StoryId, f32)> = self
            .candidates(&item.vector, profile.day)
            .into_iter()
            .map(|id| (id, self.stories[&id].score(&item)))
            .collect();
        scored.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if let Some(assignment) = self.near_duplicate(&scored, profile) {
            self.add_copy(&assignment, profile.day);
            self.evict();
            return assignment;
        }
        let near: Vec<(StoryId, f32)> = scored
            .iter()
            .take(self.config.neighbour_stories)
            .copied()
            .filter(|&(_, s)| s >= self.config.join / 2.0)
            .collect();
        // Only young stories are re-clustered: all their members are at hand.
        // An established story (more members than are kept) has settled and
        // dropped its member vectors, as have stories memory pressure reached.
        let young = |id: &StoryId| self.stories[id].held_vectors() > 0;
        let movable: Vec<StoryId> = near.iter().map(|&(id, _)| id).filter(young).collect();
        let assignment = match near.first() {
            None => self.start(key, item, profile),
            Some(&(story, similarity))
                if similarity >= self.config.join
                    && (near.len() == 1 && similarity >= self.config.join + CLEAR_JOIN
                        || !young(&story)) =>
            {
                self.add_member(story, key, item, profile);
                Assignment::Joined(story, similarity)
            }
            Some(_) if movable.is_empty() => self.start(key, item, profile),
            Some(_) => self.recluster(key, item, profile, &movable),
        };
        self.evict();
        assignment
    }

    /// A version of a recent member of one of the closest stories, if any: it
    /// shares nearly all its words, so its story is among the closest, and only
    /// those are checked member by member (the costly part).
    fn near_duplicate(&self, scored: &[(StoryId, f32)], profile: &Profile) -> Option<Assignment> {
        let mut near: Option<(StoryId, ArticleKey, f32)> = None;
        for &(id, _) in scored.iter().take(NEAR_DUPLICATE_STORIES) {
            for member in &self.stories[&id].members {
                let j = member.sketch.similarity(&profile.sketch);
                if j >= self.config.near_duplicate && near.is_none_or(|(_, _, n)| j > n) {
                    near = Some((id, member.key, j));
                }
            }
        }
        near.map(|(story, of, similarity)| Assignment::NearDuplicate {
            story,
            of,
            similarity,
        })
    }

    fn add_copy(&mut self, assignment: &Assignment, day: Option<i32>) {
        let &Assignment::NearDuplicate { story, of, .. } = assignment else {
            return;
        };
        let clock = self.clock;
        let Some(state) = self.stories.get_mut(&story) else {
            return;
        };
        state.articles += 1;
        state.touched = clock;
        state.extend_days(day);
        if let Some(original) = state.members.iter_mut().find(|m| m.key == of) {
            original.copies += 1;
        }
        index_story(&mut self.postings, &self.config, state);
    }

    fn start(&mut self, key: ArticleKey, item: Item, profile: &Profile) -> Assignment {
        let id = self.new_story();
        self.add_member(id, key, item, profile);
        Assignment::Started(id)
    }

    fn new_story(&mut self) -> StoryId {
        let id = self.next_id;
        self.next_id += 1;
        self.stories.insert(id, StoryState::new(id, self.clock));
        id
    }

    fn add_member(&mut self, story: StoryId, key: ArticleKey, item: Item, profile: &Profile) {
        let mut vector = item.vector;
        if vector.len() > self.config.member_terms {
            vector = strongest(&vector, self.config.member_terms);
            vector.sort_unstable_by_key(|&(t, _)| t);
        }
        let member = Member {
            key,
            arrived: self.clock,
            item: Item {
                vector,
                persons: item.persons,
            },
            sketch: profile.sketch.clone(),
            copies: 0,
        };
        self.insert_member(story, member, profile.day);
    }

    /// Puts a member into a story: centroid, counts, recent members.
    fn insert_member(&mut self, story: StoryId, member: Member, day: Option<i32>) {
        let clock = self.clock;
        let state = self
            .stories
            .entry(story)
            .or_insert_with(|| StoryState::new(story, clock));
        let held_before = state.held_vectors();
        state.articles += 1 + member.copies;
        state.size += 1;
        state.touched = clock;
        state.extend_days(day);
        state.centroid = add_vectors(
            &state.centroid,
            &member.item.vector,
            1.0,
            self.config.story_terms,
        );
        let position = state
            .members
            .partition_point(|m| m.arrived <= member.arrived);
        state.members.insert(position, member);
        if state.members.len() > self.config.members_per_story {
            state.members.remove(0);
        }
        if state.size as usize > self.config.members_per_story {
            // Established: never re-clustered again, so its member vectors
            // would only cost memory and state to write.
            for m in &mut state.members {
                m.item.vector = Vec::new();
            }
        }
        self.held_vectors = self.held_vectors + state.held_vectors() - held_before;
        index_story(&mut self.postings, &self.config, state);
    }

    /// Re-clusters the new article with the most recent members of the nearby
    /// stories by average linkage, keeps each story id with the cluster that
    /// holds most of its members, and moves members whose cluster changed.
    fn recluster(
        &mut self,
        key: ArticleKey,
        item: Item,
        profile: &Profile,
        stories: &[StoryId],
    ) -> Assignment {
        // The most recent members that still have vectors, newest first.
        let mut chosen: Vec<(u64, StoryId, ArticleKey)> = stories
            .iter()
            .flat_map(|id| {
                self.stories[id]
                    .members
                    .iter()
                    .filter(|m| !m.item.vector.is_empty())
                    .map(move |m| (m.arrived, *id, m.key))
            })
            .collect();
        chosen.sort_unstable_by(|a, b| b.cmp(a));
        chosen.truncate(self.config.neighbourhood.saturating_sub(1));
        let (sims, n) = {
            let mut items: Vec<(Option<ArticleKey>, &Item)> = vec![(None, &item)];
            for &(_, story, member) in &chosen {
                let state = &self.stories[&story];
                let m = state.members.iter().find(|m| m.key == member);
                items.push((
                    Some(member),
                    &m.expect("chosen from the story's members").item,
                ));
            }
            if self.pair_similarities.len() > PAIR_MEMO {
                self.pair_similarities.clear();
            }
            (
                similarities(&items, &mut self.pair_similarities),
                items.len(),
            )
        };
        let clusters = average_linkage(&sims, n, self.config.join);
        let mean = |i: usize, cluster: &[usize]| mean_similarity(&sims, n, i, cluster);
        // Which story each clustered item came from (the new article: none).
        let origin = |i: usize| (i > 0).then(|| chosen[i - 1].1);
        let mut overlaps: Vec<(usize, StoryId, usize)> = Vec::new();
        for (c, members) in clusters.iter().enumerate() {
            let mut counts: FxHashMap<StoryId, usize> = FxHashMap::default();
            for &i in members {
                if let Some(s) = origin(i) {
                    *counts.entry(s).or_default() += 1;
                }
            }
            overlaps.extend(counts.into_iter().map(|(s, n)| (n, s, c)));
        }
        // Largest overlap first; ties by story and cluster for determinism.
        overlaps.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut target: Vec<Option<StoryId>> = vec![None; clusters.len()];
        let mut claimed: Vec<StoryId> = Vec::new();
        for (_, story, c) in overlaps {
            if target[c].is_none() && !claimed.contains(&story) {
                target[c] = Some(story);
                claimed.push(story);
            }
        }
        // The cluster that keeps each story's id.
        let kept = |story: StoryId| target.iter().position(|&t| t == Some(story));
        // Who goes where: the new article always; a member only when at least
        // as close to its new cluster as to what stays of its story.
        let mut movers: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
        for (c, members) in clusters.iter().enumerate() {
            for &i in members {
                match origin(i) {
                    None => movers[c].push(i),
                    Some(from) if target[c] != Some(from) => {
                        let stays = kept(from).map(|k| mean(i, &clusters[k]));
                        if stays.is_none_or(|stays| mean(i, members) >= stays) {
                            movers[c].push(i);
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        let mut assignment = None;
        let mut moves = Vec::new();
        for (c, members) in movers.iter().enumerate() {
            if members.is_empty() {
                continue;
            }
            let to = match target[c] {
                Some(id) => id,
                None => self.new_story(),
            };
            for &i in members {
                match origin(i) {
                    None if target[c].is_some() => {
                        assignment = Some(Assignment::Joined(to, mean(0, &clusters[c])));
                    }
                    None => assignment = Some(Assignment::Started(to)),
                    Some(from) => moves.push(Move {
                        article: chosen[i - 1].2,
                        from,
                        to,
                    }),
                }
            }
        }
        // All out, then all in: a story filling up past its recent members
        // must not drop one that is about to move.
        let taken: Vec<(Move, Member)> = moves
            .into_iter()
            .filter_map(|m| self.take_member(m).map(|member| (m, member)))
            .collect();
        for (m, member) in taken {
            self.insert_member(m.to, member, None);
            if self.stories.get(&m.from).is_some_and(|s| s.articles == 0) {
                self.stories.remove(&m.from);
            }
            self.moves.push(m);
        }
        let assignment = assignment.expect("the new article is in a cluster");
        self.add_member(assignment.story(), key, item, profile);
        assignment
    }

    /// Takes a member out of the story it is moving from, if it is still
    /// there (counts and centroid follow).
    fn take_member(&mut self, m: Move) -> Option<Member> {
        let from = self.stories.get_mut(&m.from)?;
        let position = from.members.iter().position(|x| x.key == m.article)?;
        let member = from.members.remove(position);
        from.articles -= (1 + member.copies).min(from.articles);
        from.size = from.size.saturating_sub(1);
        from.centroid = add_vectors(
            &from.centroid,
            &member.item.vector,
            -1.0,
            self.config.story_terms,
        );
        from.touched = self.clock;
        if !member.item.vector.is_empty() {
            self.held_vectors -= 1;
        }
        index_story(&mut self.postings, &self.config, from);
        Some(member)
    }

    /// The article's terms as per-channel unit tf-idf vectors (sublinear tf),
    /// each scaled so that a dot product is the mean of channel cosines.
    fn unit_vector(&self, profile: &Profile) -> Vec<(Term, f32)> {
        let mut v: Vec<(Term, f32)> = profile
            .terms
            .iter()
            .map(|&(t, w)| (t, (1.0 + w.ln().max(0.0)) * self.frequencies.idf(t)))
            .collect();
        let mut norms = [0.0f32; CHANNELS];
        for &(t, w) in &v {
            norms[Channel::of(t)] += w * w;
        }
        let scale = (CHANNELS as f32).sqrt();
        for n in &mut norms {
            *n = n.sqrt() * scale;
        }
        for (t, w) in &mut v {
            *w /= norms[Channel::of(*t)];
        }
        v
    }

    /// The stories most likely to be the article's: similarity accumulated
    /// over the posting lists of its strongest terms (a partial dot product with
    /// each story's indexed terms), the best [`Config::rescored`] kept.
    fn candidates(&self, vector: &[(Term, f32)], day: Option<i32>) -> Vec<StoryId> {
        let query = strongest(vector, self.config.query_terms);
        let mut partial: FxHashMap<StoryId, f32> = FxHashMap::default();
        for (term, weight) in query {
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
        // Ties by id, so that the result never depends on hash order; only the
        // best few are sorted.
        let best_first =
            |a: &(StoryId, f32), b: &(StoryId, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > self.config.rescored {
            ranked.select_nth_unstable_by(self.config.rescored, best_first);
            ranked.truncate(self.config.rescored);
        }
        ranked.sort_unstable_by(best_first);
        ranked.into_iter().map(|(id, _)| id).collect()
    }

    fn evict(&mut self) {
        if self.held_vectors > self.config.max_member_vectors {
            // The least recently touched stories lose their member vectors first,
            // in a batch so the sort is amortised over many assignments.
            let goal = self.config.max_member_vectors - self.config.max_member_vectors / 10;
            let mut by_age: Vec<(u64, StoryId)> =
                self.stories.values().map(|s| (s.touched, s.id)).collect();
            by_age.sort_unstable();
            for (_, id) in by_age {
                if self.held_vectors <= goal {
                    break;
                }
                let story = self.stories.get_mut(&id).expect("listed above");
                for m in &mut story.members {
                    if !m.item.vector.is_empty() {
                        m.item.vector = Vec::new();
                        self.held_vectors -= 1;
                    }
                }
            }
        }
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
            if let Some(story) = self.stories.remove(&id) {
                self.held_vectors -= story.held_vectors();
            }
        }
        let stories = &self.stories;
        self.postings.retain(|_, list| {
            list.retain(|(id, _)| stories.contains_key(id));
            !list.is_empty()
        });
    }
}

/// Pairwise similarities of items, as a row-major n×n matrix; pairs of
/// members (items with a key) are looked up in, or added to, `memo`.
fn similarities(
    items: &[(Option<ArticleKey>, &Item)],
    memo: &mut FxHashMap<(ArticleKey, ArticleKey), f32>,
) -> Vec<f32> {
    let n = items.len();
    let mut sims = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = match (items[i].0, items[j].0) {
                (Some(a), Some(b)) => *memo
                    .entry((a.min(b), a.max(b)))
                    .or_insert_with(|| items[i].1.similarity(items[j].1)),
                _ => items[i].1.similarity(items[j].1),
            };
            sims[i * n + j] = s;
            sims[j * n + i] = s;
        }
    }
    sims
}

/// Average-linkage agglomerative clustering of `n` items with pairwise
/// similarities `sims`: the two clusters with the highest mean pairwise
/// similarity merge while it is at least `threshold`. Returns the clusters as
/// item indices, each in ascending order.
fn average_linkage(sims: &[f32], n: usize, threshold: f32) -> Vec<Vec<usize>> {
    // Sums of pairwise similarities between clusters, indexed by cluster.
    let mut sums = sims.to_vec();
    let mut clusters: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    loop {
        let mut best: Option<(f32, usize, usize)> = None;
        for a in 0..n {
            let Some(ca) = &clusters[a] else { continue };
            for b in a + 1..n {
                let Some(cb) = &clusters[b] else { continue };
                let mean = sums[a * n + b] / (ca.len() * cb.len()) as f32;
                if mean >= threshold && best.is_none_or(|(m, _, _)| mean > m) {
                    best = Some((mean, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else { break };
        let absorbed = clusters[b].take().expect("b is live");
        clusters[a].as_mut().expect("a is live").extend(absorbed);
        for c in 0..n {
            if c != a && clusters[c].is_some() {
                let s = sums[a * n + c] + sums[b * n + c];
                sums[a * n + c] = s;
                sums[c * n + a] = s;
            }
        }
    }
    clusters
        .into_iter()
        .flatten()
        .map(|mut c| {
            c.sort_unstable();
            c
        })
        .collect()
}

/// Mean similarity of item `i` to the other members of a cluster.
fn mean_similarity(sims: &[f32], n: usize, i: usize, cluster: &[usize]) -> f32 {
    let others = cluster.iter().filter(|&&j| j != i);
    let count = others.clone().count();
    if count == 0 {
        return 0.0;
    }
    others.map(|&j| sims[i * n + j]).sum::<f32>() / count as f32
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

/// Dot product of two term-sorted vectors. The merge advances without
/// branching on the comparison (which a CPU cannot predict here): it is the
/// clusterer's innermost loop.
fn dot(a: &[(Term, f32)], b: &[(Term, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        let ((ta, wa), (tb, wb)) = (a[i], b[j]);
        dot += if ta == tb { wa * wb } else { 0.0 };
        i += usize::from(ta <= tb);
        j += usize::from(tb <= ta);
    }
    dot
}

/// `a + sign * b` over term-sorted vectors, cut to the `keep` strongest terms;
/// terms that fall to (about) zero are dropped.
fn add_vectors(a: &[(Term, f32)], b: &[(Term, f32)], sign: f32, keep: usize) -> Vec<(Term, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                i += 1;
                j += 1;
                (x.0, x.1 + sign * y.1)
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
                (y.0, sign * y.1)
            }
            (None, None) => unreachable!("loop condition"),
        };
        if next.1 > 1e-6 {
            out.push(next);
        }
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

    /// A profile of made-up words (each its own term) and leading people, with
    /// a sketch of unrelated wording (no near-duplicates).
    fn synthetic(words: &str, leading: &[u64]) -> Profile {
        static ARTICLES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = ARTICLES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut terms: Vec<(Term, f32)> = words
            .split_whitespace()
            .map(|w| {
                (
                    crate::sketch::mix(w.len() as u64 * 0x9e37 + u64::from(w.as_bytes()[0])) & !3,
                    1.0,
                )
            })
            .collect();
        terms.sort_unstable_by_key(|&(t, _)| t);
        terms.dedup_by_key(|t| t.0);
        let mut all = leading.to_vec();
        all.sort_unstable();
        Profile {
            terms,
            persons: Persons {
                leading: leading.to_vec(),
                all,
            },
            day: None,
            sketch: Sketch::of_text(&format!("w{n} x{n} y{n} z{n} v{n} u{n}")),
            names: Vec::new(),
        }
    }

    #[test]
    fn an_early_mistake_is_undone_when_the_two_events_become_clear() {
        // Two events sharing most of their vocabulary, led by different people.
        let x = "a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh";
        let y = "a bb ccc dddd eeeee ffffff kkkkkkk llllllll";
        let mut c = Clusterer::new(Config::default());
        // The first of event Y names no one, so nothing tells it from X yet.
        let first = c.assign(1, &synthetic(x, &[]));
        let second = c.assign(2, &synthetic(y, &[]));
        assert_eq!(first, Assignment::Started(1));
        assert!(matches!(second, Assignment::Joined(1, _)), "{second:?}");
        for k in 3..9 {
            let (words, person) = if k % 2 == 1 { (x, 100) } else { (y, 200) };
            c.assign(k, &synthetic(words, &[person]));
        }
        let moves = c.take_moves();
        assert!(!moves.is_empty(), "re-clustering moved someone");
        let story_of = |key: ArticleKey| {
            c.stories
                .values()
                .find(|s| s.members.iter().any(|m| m.key == key))
                .map(|s| s.id)
                .unwrap()
        };
        let xs: Vec<StoryId> = [1, 3, 5, 7].iter().map(|&k| story_of(k)).collect();
        let ys: Vec<StoryId> = [2, 4, 6, 8].iter().map(|&k| story_of(k)).collect();
        assert!(xs.iter().all(|&s| s == xs[0]), "{xs:?}");
        assert!(ys.iter().all(|&s| s == ys[0]), "{ys:?}");
        assert_ne!(xs[0], ys[0]);
        // Counts follow the members.
        assert_eq!(c.story(xs[0]).unwrap().articles, 4);
        assert_eq!(c.story(ys[0]).unwrap().articles, 4);
    }

    #[test]
    fn average_linkage_merges_only_above_the_threshold() {
        let item = |words: &str| Item {
            vector: {
                let p = synthetic(words, &[]);
                let n = (p.terms.len() as f32).sqrt();
                p.terms.iter().map(|&(t, _)| (t, 1.0 / n)).collect()
            },
            persons: Persons::default(),
        };
        let items = [
            item("a bb ccc"),
            item("a bb dddd"),
            item("xxxxx yyyyyy zzzzzzz"),
        ];
        let refs: Vec<(Option<ArticleKey>, &Item)> = items
            .iter()
            .enumerate()
            .map(|(k, i)| (Some(k as u64), i))
            .collect();
        let mut memo = FxHashMap::default();
        let sims = similarities(&refs, &mut memo);
        assert_eq!(memo.len(), 3, "every pair remembered");
        assert_eq!(similarities(&refs, &mut memo), sims);
        assert_eq!(average_linkage(&sims, 3, 0.5), vec![vec![0, 1], vec![2]]);
        assert_eq!(average_linkage(&sims, 3, 0.9).len(), 3);
    }

    #[test]
    fn the_background_table_is_well_formed() {
        let table = decode_compact(BACKGROUND_BYTES).expect("compiled-in table decodes");
        assert!(table.documents >= 500, "{}", table.documents);
        assert!(table.counts.iter().filter(|&&c| c > 0).count() > 10_000);
    }

    #[test]
    fn state_written_before_member_vectors_still_reads() {
        let mut old = Vec::new();
        old.extend_from_slice(&7u64.to_le_bytes());
        old.extend_from_slice(&3u32.to_le_bytes());
        old.extend_from_slice(&i32::MIN.to_le_bytes());
        old.extend_from_slice(&i32::MIN.to_le_bytes());
        old.extend_from_slice(&42u64.to_le_bytes());
        old.extend_from_slice(&1u32.to_le_bytes());
        old.extend_from_slice(&9u64.to_le_bytes());
        old.extend_from_slice(&0.5f32.to_le_bytes());
        old.extend_from_slice(&0u32.to_le_bytes());
        let story = StoryState::from_bytes(&old).expect("first format");
        assert_eq!((story.id, story.articles, story.size), (7, 3, 3));
        assert_eq!(story.centroid, vec![(9, 0.5)]);
        assert_eq!(story.held_vectors(), 0);
        let again = StoryState::from_bytes(&story.to_bytes()).unwrap();
        assert_eq!(again, story);
    }

    #[test]
    fn damaged_state_is_refused() {
        assert!(StoryState::from_bytes(&[1, 2, 3]).is_none());
        assert!(DocumentFrequencies::from_bytes(&[0; 10]).is_none());
    }
}
