//! Stories: many outlets' articles on one event become one story.
//!
//! [`Profile`] says what an article is about (weighted word stems, names and
//! numbers, its date, a MinHash [`Sketch`] of its wording); [`Clusterer`] assigns
//! each new article, online, to the most similar active story within a time
//! window or starts a new one, and recognises near-duplicates (versions of one
//! wire story) on the way. The state it keeps is bounded and serialisable, so a
//! store can carry it across runs.
//!
//! It is *not* storage (that is `brief-store`) and writes no text: story briefs
//! are composed from the articles' own sentences elsewhere.

pub mod cluster;
pub mod profile;
pub mod sketch;

/// Day numbers of dates (re-exported for the store, which reads no text itself).
pub use brief_understand::dates;

pub use cluster::{
    ArticleKey, Assignment, Clusterer, Config, DocumentFrequencies, Move, StoryId, StoryState,
};
pub use profile::{Channel, PersonRelation, Persons, Profile, Term};
pub use sketch::Sketch;
