//! Adding articles: exact duplicates skipped, near-duplicates linked, every
//! article assigned to a story, in batched transactions.

use std::time::{SystemTime, UNIX_EPOCH};

use brief_core::Article;
use brief_stories::{
    Assignment, Clusterer, Config, DocumentFrequencies, Move, Profile, StoryId, StoryState,
};

use crate::clustering::ClusterThread;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};

use crate::{Store, StoreError};

/// Articles per transaction: large enough to amortise rewriting the touched
/// stories' state, small enough that a kill loses little work (never data: the
/// batch is simply re-read). 500 → 2,000 took ingest from 1,709 to 2,345
/// articles/s (`brief eval scale --articles 100000`).
const BATCH: usize = 2000;
/// A batch also commits once it is this old, so a slow stream is stored promptly
/// (unless [`Ingest::set_batch_age`] says otherwise).
const BATCH_AGE: std::time::Duration = std::time::Duration::from_secs(1);

/// What happened to one article.
#[derive(Clone, Debug, PartialEq)]
pub enum Ingested {
    /// Stored, in a story (a new one when `started`).
    New {
        /// The article's id in the store.
        id: String,
        /// Its story.
        story: StoryId,
        /// True when the article started the story.
        started: bool,
    },
    /// The same text is already stored under `existing`: nothing was written.
    Duplicate {
        /// The stored article's id.
        existing: String,
    },
    /// Stored and linked to the article it is a version of.
    NearDuplicate {
        /// The article's id in the store.
        id: String,
        /// The story of both.
        story: StoryId,
        /// The id of the original.
        of: String,
    },
}

/// What identifies an article's text: the first 16 bytes of its SHA-256.
/// Computed apart from [`Ingest::add_hashed`] so that callers can hash on the
/// threads that read and understand articles, not on the one that stores them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContentHash([u8; 16]);

impl ContentHash {
    /// The hash of `text`.
    pub fn of(text: &str) -> ContentHash {
        let digest = Sha256::digest(text.as_bytes());
        ContentHash(digest[..16].try_into().expect("sha256 has 32 bytes"))
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// The article id derived from it, stable across machines and runs.
    pub fn id(&self) -> String {
        let mut id = String::with_capacity(17);
        id.push('h');
        for b in &self.0[..8] {
            id.push_str(&format!("{b:02x}"));
        }
        id
    }
}

/// An ingest session: holds the clusterer (on a thread of its own) and an open
/// transaction. Call [`Ingest::finish`] to commit the last batch; dropping it
/// rolls that batch back.
///
/// Articles go in with [`Ingest::add`] (one at a time, its outcome at once) or
/// [`Ingest::submit`] (the outcome comes with a later call: while the clusterer
/// assigns an article, the previous one is written). Use one or the other in a
/// session: `add` first lands a submitted article without reporting it.
pub struct Ingest<'s> {
    conn: &'s Connection,
    clusterer: ClusterThread,
    /// The submitted article being assigned, not yet written.
    in_flight: Option<InFlight>,
    next_key: i64,
    /// The first article of this session not yet in the full-text index.
    unindexed: i64,
    pending: usize,
    batch_started: std::time::Instant,
    batch_age: std::time::Duration,
    dirty: FxHashSet<StoryId>,
    /// Articles moved by re-clustering since the last commit, to their latest story.
    moved: FxHashMap<u64, StoryId>,
    /// Stories articles moved out of since the last commit.
    vacated: FxHashSet<StoryId>,
    finished: bool,
}

/// An article whose assignment has been asked for.
struct InFlight {
    article: Article,
    hash: ContentHash,
    key: i64,
    day: Option<i32>,
    names: Vec<(String, &'static str)>,
}

impl Store {
    /// Starts an ingest session, resuming the clusterer from the stored state.
    pub fn ingest(&mut self, config: Config) -> Result<Ingest<'_>, StoreError> {
        let conn = &self.conn;
        let frequencies = match load_state(conn, "frequencies")? {
            Some(bytes) => DocumentFrequencies::from_bytes(&bytes)
                .ok_or(StoreError::Damaged("document frequencies"))?,
            None => DocumentFrequencies::default(),
        };
        let mut stmt = conn.prepare("SELECT state FROM stories ORDER BY touched DESC LIMIT ?1")?;
        let mut stories = Vec::new();
        for blob in stmt.query_map([config.max_active as i64], |r| r.get::<_, Vec<u8>>(0))? {
            stories.push(StoryState::from_bytes(&blob?).ok_or(StoreError::Damaged("story state"))?);
        }
        let next_story: i64 =
            conn.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM stories", [], |r| {
                r.get(0)
            })?;
        let next_key: i64 =
            conn.query_row("SELECT COALESCE(MAX(key), 0) + 1 FROM articles", [], |r| {
                r.get(0)
            })?;
        let clusterer = Clusterer::resume(config, frequencies, stories, next_story as StoryId);
        conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(Ingest {
            conn,
            clusterer: ClusterThread::start(clusterer),
            in_flight: None,
            next_key,
            unindexed: next_key,
            pending: 0,
            batch_started: std::time::Instant::now(),
            batch_age: BATCH_AGE,
            dirty: FxHashSet::default(),
            moved: FxHashMap::default(),
            vacated: FxHashSet::default(),
            finished: false,
        })
    }
}

fn load_state(conn: &Connection, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM state WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

impl Ingest<'_> {
    /// The id of the stored article whose text has this content hash, if any.
    fn existing(&self, hash: &ContentHash) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE hash = ?1")?
            .query_row([hash.bytes()], |r| r.get(0))
            .optional()?)
    }

    /// Stores an article and assigns it to a story, unless the same text is
    /// stored already (then only the duplicate is counted). `profile` (terms,
    /// date, sketch, entity names) is computed only for a new text. `article.id`
    /// is kept; an empty id gets a content-derived one.
    pub fn add(
        &mut self,
        article: &Article,
        profile: impl FnOnce(&Article) -> Profile,
    ) -> Result<Ingested, StoreError> {
        self.add_hashed(article, ContentHash::of(&article.text), profile)
    }

    /// [`Ingest::add`] with the text's hash computed by the caller.
    pub fn add_hashed(
        &mut self,
        article: &Article,
        hash: ContentHash,
        profile: impl FnOnce(&Article) -> Profile,
    ) -> Result<Ingested, StoreError> {
        self.land()?;
        let mut outcomes = self.submit(article.clone(), hash, profile)?;
        outcomes.extend(self.land()?);
        Ok(outcomes.pop().expect("the article's own outcome"))
    }

    /// Like [`Ingest::add_hashed`], but returns at once with the outcomes of
    /// the articles written meanwhile (in order; this one's comes later, or
    /// from [`Ingest::flush`], [`Ingest::commit`] or [`Ingest::finish`]).
    pub fn submit(
        &mut self,
        article: Article,
        hash: ContentHash,
        profile: impl FnOnce(&Article) -> Profile,
    ) -> Result<Vec<Ingested>, StoreError> {
        debug_assert_eq!(hash, ContentHash::of(&article.text));
        let mut outcomes = Vec::with_capacity(2);
        if self.in_flight.as_ref().is_some_and(|f| f.hash == hash) {
            // A copy of the article being assigned: written first, it is found below.
            outcomes.extend(self.land()?);
        }
        if let Some(existing) = self.existing(&hash)? {
            outcomes.extend(self.land()?);
            self.conn
                .prepare_cached(
                    "INSERT INTO state (key, value) VALUES ('duplicates', 1) \
                     ON CONFLICT(key) DO UPDATE SET value = value + 1",
                )?
                .execute([])?;
            outcomes.push(Ingested::Duplicate { existing });
            return Ok(outcomes);
        }
        let mut profile = profile(&article);
        let key = self.next_key;
        self.next_key += 1;
        let names = std::mem::take(&mut profile.names);
        let day = profile.day;
        self.clusterer.assign(key as u64, profile)?;
        // While the clusterer works on this one, the previous one is written.
        outcomes.extend(self.land()?);
        self.in_flight = Some(InFlight {
            article,
            hash,
            key,
            day,
            names,
        });
        if self.pending >= BATCH || self.batch_started.elapsed() >= self.batch_age {
            outcomes.extend(self.commit()?);
        }
        Ok(outcomes)
    }

    /// Writes the submitted article still being assigned, if any.
    pub fn flush(&mut self) -> Result<Vec<Ingested>, StoreError> {
        Ok(self.land()?.into_iter().collect())
    }

    /// Waits for the in-flight article's assignment and writes it.
    fn land(&mut self) -> Result<Option<Ingested>, StoreError> {
        let Some(InFlight {
            article,
            hash,
            key,
            day,
            names,
        }) = self.in_flight.take()
        else {
            return Ok(None);
        };
        let (assignment, moves) = self.clusterer.assigned()?;
        let story = assignment.story();
        if let Assignment::Started(_) = assignment {
            let title = article
                .title
                .clone()
                .unwrap_or_else(|| first_line(&article.text));
            self.conn
                .prepare_cached(
                    "INSERT INTO stories (id, title, articles, touched, state) \
                     VALUES (?1, ?2, 0, 0, x'')",
                )?
                .execute(params![story as i64, title])?;
        }
        let id = if article.id.is_empty() {
            hash.id()
        } else {
            article.id.clone()
        };
        let near_duplicate_of = match assignment {
            Assignment::NearDuplicate { of, .. } => Some(of as i64),
            _ => None,
        };
        let headings = serde_json::to_string(
            &article
                .headings
                .iter()
                .map(|h| [h.span.start, h.span.end])
                .collect::<Vec<_>>(),
        )
        .expect("numbers serialise");
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        self.conn
            .prepare_cached(
                "INSERT INTO articles (key, id, hash, title, byline, published, day, outlet, url, \
                 text, headings, story, near_duplicate_of, ingested) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                key,
                id,
                hash.bytes(),
                article.title,
                article.byline,
                article.published,
                day,
                article.outlet,
                article.url,
                article.text,
                headings,
                story as i64,
                near_duplicate_of,
                now
            ])?;
        let mut insert_name = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO article_names (article, name, kind) VALUES (?1, ?2, ?3)",
        )?;
        for (name, kind) in &names {
            insert_name.execute(params![key, name, kind])?;
        }
        self.dirty.insert(story);
        self.apply_moves(&moves)?;
        self.pending += 1;
        Ok(Some(match near_duplicate_of {
            Some(of) => Ingested::NearDuplicate {
                id,
                story,
                of: self
                    .conn
                    .prepare_cached("SELECT id FROM articles WHERE key = ?1")?
                    .query_row([of], |r| r.get(0))?,
            },
            None => Ingested::New {
                id,
                story,
                started: matches!(assignment, Assignment::Started(_)),
            },
        }))
    }

    /// Notes the clusterer's re-clustering; the rows follow at commit
    /// ([`Ingest::write_moves`]), once per article however often it moved.
    fn apply_moves(&mut self, moves: &[Move]) -> Result<(), StoreError> {
        for m in moves {
            // A story a move splits off exists at once: new articles may join it.
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO stories (id, title, articles, touched, state) \
                     SELECT ?1, COALESCE(title, substr(text, 1, 200)), 0, 0, x'' \
                     FROM articles WHERE key = ?2",
                )?
                .execute(params![m.to as i64, m.article as i64])?;
            self.moved.insert(m.article, m.to);
            self.vacated.insert(m.from);
            self.dirty.insert(m.from);
            self.dirty.insert(m.to);
        }
        Ok(())
    }

    /// Each moved article and its near-duplicates go to their latest story, and
    /// a story left without articles is deleted with any brief written for it.
    fn write_moves(&mut self, gone: &FxHashSet<StoryId>) -> Result<(), StoreError> {
        for (article, to) in self.moved.drain() {
            for moving in [
                "UPDATE articles SET story = ?2 WHERE key = ?1",
                "UPDATE articles SET story = ?2 WHERE near_duplicate_of = ?1",
            ] {
                self.conn
                    .prepare_cached(moving)?
                    .execute(params![article as i64, to as i64])?;
            }
        }
        for story in self.vacated.drain() {
            if !gone.contains(&story) {
                continue;
            }
            self.dirty.remove(&story);
            let left: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE story = ?1)",
                [story as i64],
                |r| r.get(0),
            )?;
            if !left {
                self.conn.execute(
                    "INSERT INTO briefs_fts (briefs_fts, rowid, title, text) \
                     SELECT 'delete', id, title, text FROM briefs WHERE story = ?1",
                    [story as i64],
                )?;
                self.conn
                    .execute("DELETE FROM briefs WHERE story = ?1", [story as i64])?;
                self.conn
                    .execute("DELETE FROM stories WHERE id = ?1", [story as i64])?;
            }
        }
        Ok(())
    }

    /// Commits a batch once it is this old even when it holds fewer than 2,000
    /// articles (default one second). Benchmarks that must not depend on the
    /// machine's speed set it beyond their run.
    pub fn set_batch_age(&mut self, age: std::time::Duration) {
        self.batch_age = age;
    }

    /// Writes the touched stories and the clusterer statistics, commits, and opens
    /// the next transaction.
    /// the next transaction; returns the outcome of the article it had to write first.
    pub fn commit(&mut self) -> Result<Vec<Ingested>, StoreError> {
        let landed = self.save()?;
        self.conn.execute_batch("COMMIT; BEGIN IMMEDIATE")?;
        self.pending = 0;
        self.batch_started = std::time::Instant::now();
        Ok(landed)
    }

    fn save(&mut self) -> Result<Vec<Ingested>, StoreError> {
        let landed = self.flush()?;
        // The batch enters the full-text index in one statement: FTS5 flushes
        // its pending terms at every statement savepoint, so indexing each
        // article beside statements that open one (constraint checks) wrote a
        // segment per article and spent its time merging them.
        self.conn
            .prepare_cached(
                "INSERT INTO articles_fts (rowid, title, text) \
                 SELECT key, COALESCE(title, ''), text FROM articles WHERE key >= ?1",
            )?
            .execute([self.unindexed])?;
        self.unindexed = self.next_key;
        // Stories touched in this batch are the most recent, so still in memory
        // (eviction keeps the newest stories, far more than a batch), unless a
        // re-clustering emptied them.
        let asked: Vec<StoryId> = self.dirty.union(&self.vacated).copied().collect();
        let snapshot = self.clusterer.snapshot(asked)?;
        let gone: FxHashSet<StoryId> = snapshot.gone.into_iter().collect();
        self.write_moves(&gone)?;
        let mut update = self.conn.prepare_cached(
            "UPDATE stories SET first_day = ?2, last_day = ?3, articles = ?4, touched = ?5, state = ?6 \
             WHERE id = ?1",
        )?;
        for story in snapshot.stories {
            if !self.dirty.contains(&story.id) {
                continue;
            }
            update.execute(params![
                story.id as i64,
                story.first,
                story.last,
                story.articles,
                story.touched as i64,
                story.state
            ])?;
        }
        self.dirty.clear();
        self.conn
            .prepare_cached(
                "INSERT INTO state (key, value) VALUES ('frequencies', ?1) \
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )?
            .execute([snapshot.frequencies])?;
        Ok(landed)
    }

    /// Commits the last batch and ends the session.
    /// Returns the outcome of the article it had to write first.
    pub fn finish(mut self) -> Result<Vec<Ingested>, StoreError> {
        let landed = self.save()?;
        self.conn.execute_batch("COMMIT")?;
        self.finished = true;
        Ok(landed)
    }
}

impl Drop for Ingest<'_> {
    fn drop(&mut self) {
        if !self.finished {
            // An unfinished session (an error, a panic) leaves the store as of its
            // last commit; the uncommitted articles are simply not there.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

fn first_line(text: &str) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut out: String = line.trim().chars().take(120).collect();
    if line.trim().chars().count() > 120 {
        out.push('…');
    }
    out
}
