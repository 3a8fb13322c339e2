//! Adding articles: exact duplicates skipped, near-duplicates linked, every
//! article assigned to a story, in batched transactions.

use std::collections::VecDeque;
use std::time::{SystemTime, UNIX_EPOCH};

use brief_core::Article;
use brief_stories::{
    Assignment, Clusterer, Config, DocumentFrequencies, Move, Profile, StoryId, StoryState,
};

use crate::clustering::ClusterThread;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
/// [`Ingest::submit`] (outcomes come, in order, with later calls: the clusterer
/// assigns up to 512 articles ahead of the writing, commits included; they are
/// written when more are submitted or at [`Ingest::flush`] or [`Ingest::finish`]).
/// Use one or the other in a session: `add` first writes the submitted articles
/// without reporting them.
pub struct Ingest<'s> {
    conn: &'s Connection,
    clusterer: ClusterThread,
    /// What was submitted and not yet written, in order.
    queue: VecDeque<Queued>,
    /// The ids of the articles in `queue`, by content hash.
    queued_ids: FxHashMap<ContentHash, String>,
    next_key: i64,
    /// The first article of this session not yet in the full-text index.
    unindexed: i64,
    /// The first article of this session not yet written.
    unwritten: i64,
    /// Articles submitted since the last commit was asked for.
    in_batch: usize,
    batch_started: std::time::Instant,
    batch_age: std::time::Duration,
    /// Articles moved by re-clustering since the last commit, to their latest story.
    moved: FxHashMap<u64, StoryId>,
    /// The bulk settings (rarer checkpoints, a larger cache) are in force.
    bulk: bool,
    finished: bool,
}

/// Write-ahead log pages (4 KiB) between checkpoints in a [`Ingest::bulk`] session.
const BULK_CHECKPOINT_PAGES: i64 = 65_536;
/// The page cache of a [`Ingest::bulk`] session.
const BULK_CACHE_KIB: u32 = 131_072;

/// Submitted articles the clusterer may assign ahead of the writing: enough to
/// keep it busy while a batch is indexed and committed, a few MB of text.
const IN_FLIGHT: usize = 512;

/// A step of the session waiting to be written, in submission order.
enum Queued {
    /// An article whose assignment has been asked for.
    Article(Box<InFlight>),
    /// An exact copy of a stored or queued article.
    Duplicate { existing: String },
    /// A commit, its clusterer snapshot asked for; `reopen` starts the next transaction.
    Commit { reopen: bool },
}

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
            queue: VecDeque::new(),
            queued_ids: FxHashMap::default(),
            next_key,
            unindexed: next_key,
            unwritten: next_key,
            in_batch: 0,
            batch_started: std::time::Instant::now(),
            batch_age: BATCH_AGE,
            moved: FxHashMap::default(),
            bulk: false,
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
        self.flush()?;
        let mut outcomes = self.submit(article.clone(), hash, profile)?;
        outcomes.extend(self.flush()?);
        Ok(outcomes.pop().expect("the article's own outcome"))
    }

    /// Like [`Ingest::add_hashed`], but returns at once with the outcomes of
    /// the articles written meanwhile, in submission order; the rest come with
    /// later calls, [`Ingest::flush`], [`Ingest::commit`] or [`Ingest::finish`].
    pub fn submit(
        &mut self,
        article: Article,
        hash: ContentHash,
        profile: impl FnOnce(&Article) -> Profile,
    ) -> Result<Vec<Ingested>, StoreError> {
        debug_assert_eq!(hash, ContentHash::of(&article.text));
        let existing = match self.queued_ids.get(&hash) {
            Some(id) => Some(id.clone()),
            None => self.existing(&hash)?,
        };
        if let Some(existing) = existing {
            self.queue.push_back(Queued::Duplicate { existing });
        } else {
            let mut profile = profile(&article);
            let key = self.next_key;
            self.next_key += 1;
            let names = std::mem::take(&mut profile.names);
            let day = profile.day;
            self.clusterer.assign(key as u64, profile)?;
            let id = if article.id.is_empty() {
                hash.id()
            } else {
                article.id.clone()
            };
            self.queued_ids.insert(hash, id);
            self.queue.push_back(Queued::Article(Box::new(InFlight {
                article,
                hash,
                key,
                day,
                names,
            })));
            self.in_batch += 1;
            if self.in_batch >= BATCH || self.batch_started.elapsed() >= self.batch_age {
                self.ask_commit(true)?;
            }
        }
        let mut outcomes = Vec::new();
        while self.queue.len() > IN_FLIGHT {
            outcomes.extend(self.write_next()?);
        }
        Ok(outcomes)
    }

    /// Writes everything submitted, returning the outcomes not yet reported.
    pub fn flush(&mut self) -> Result<Vec<Ingested>, StoreError> {
        let mut outcomes = Vec::new();
        while !self.queue.is_empty() {
            outcomes.extend(self.write_next()?);
        }
        Ok(outcomes)
    }

    fn ask_commit(&mut self, reopen: bool) -> Result<(), StoreError> {
        self.clusterer.ask_snapshot()?;
        self.queue.push_back(Queued::Commit { reopen });
        self.in_batch = 0;
        self.batch_started = std::time::Instant::now();
        Ok(())
    }

    /// Writes the oldest queued step: an article (once the clusterer has
    /// assigned it), a duplicate's count, or a commit.
    fn write_next(&mut self) -> Result<Option<Ingested>, StoreError> {
        match self.queue.pop_front() {
            None => Ok(None),
            Some(Queued::Duplicate { existing }) => {
                self.conn
                    .prepare_cached(
                        "INSERT INTO state (key, value) VALUES ('duplicates', 1) \
                         ON CONFLICT(key) DO UPDATE SET value = value + 1",
                    )?
                    .execute([])?;
                Ok(Some(Ingested::Duplicate { existing }))
            }
            Some(Queued::Commit { reopen }) => {
                self.write_batch()?;
                self.conn.execute_batch(if reopen {
                    "COMMIT; BEGIN IMMEDIATE"
                } else {
                    "COMMIT"
                })?;
                Ok(None)
            }
            Some(Queued::Article(in_flight)) => self.write_article(*in_flight).map(Some),
        }
    }

    fn write_article(&mut self, in_flight: InFlight) -> Result<Ingested, StoreError> {
        let InFlight {
            article,
            hash,
            key,
            day,
            names,
        } = in_flight;
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
        let id = self
            .queued_ids
            .remove(&hash)
            .expect("a queued article has its id");
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
        self.unwritten = key + 1;
        self.apply_moves(&moves)?;
        Ok(match near_duplicate_of {
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
        })
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
        }
        Ok(())
    }

    /// Each moved article and its near-duplicates go to their latest story, and
    /// a story left without articles is deleted with any brief written for it.
    fn write_moves(&mut self, gone: &[StoryId]) -> Result<(), StoreError> {
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
        for &story in gone {
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

    /// For long ingests: lets the write-ahead log grow to 256 MiB between
    /// checkpoints (SQLite's default is 4 MiB, a checkpoint and two fsyncs at
    /// nearly every commit), so that pages rewritten by many commits (indexes,
    /// story state, the full-text index) are copied into the store file and
    /// synced once; and doubles the page cache to 128 MiB, as the random-access
    /// indexes (content hashes, entity names) outgrow it.
    pub fn bulk(&mut self) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "wal_autocheckpoint", BULK_CHECKPOINT_PAGES)?;
        self.conn
            .pragma_update(None, "cache_size", -(BULK_CACHE_KIB as i64))?;
        self.bulk = true;
        Ok(())
    }

    /// Commits a batch once it is this old even when it holds fewer than 2,000
    /// articles (default one second). Benchmarks that must not depend on the
    /// machine's speed set it beyond their run.
    pub fn set_batch_age(&mut self, age: std::time::Duration) {
        self.batch_age = age;
    }

    /// Writes everything submitted, the touched stories and the clusterer
    /// statistics, commits, and opens the next transaction; returns the
    /// outcomes not yet reported.
    pub fn commit(&mut self) -> Result<Vec<Ingested>, StoreError> {
        self.ask_commit(true)?;
        self.flush()
    }

    /// The batch's full-text index, moves and clusterer state, in its transaction.
    fn write_batch(&mut self) -> Result<(), StoreError> {
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
        self.unindexed = self.unwritten;
        let snapshot = self.clusterer.snapshot()?;
        self.write_moves(&snapshot.gone)?;
        let mut update = self.conn.prepare_cached(
            "UPDATE stories SET first_day = ?2, last_day = ?3, articles = ?4, touched = ?5, state = ?6 \
             WHERE id = ?1",
        )?;
        for story in snapshot.stories {
            update.execute(params![
                story.id as i64,
                story.first,
                story.last,
                story.articles,
                story.touched as i64,
                story.state
            ])?;
        }
        self.conn
            .prepare_cached(
                "INSERT INTO state (key, value) VALUES ('frequencies', ?1) \
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )?
            .execute([snapshot.frequencies])?;
        Ok(())
    }

    /// Commits the last batch and ends the session; returns the outcomes not
    /// yet reported.
    pub fn finish(mut self) -> Result<Vec<Ingested>, StoreError> {
        self.ask_commit(false)?;
        let outcomes = self.flush()?;
        self.finished = true;
        Ok(outcomes)
    }
}

impl Drop for Ingest<'_> {
    fn drop(&mut self) {
        if !self.finished {
            // An unfinished session (an error, a panic) leaves the store as of its
            // last commit; the uncommitted articles are simply not there.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        if self.bulk {
            // The defaults again, for what follows on this connection.
            let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 1000);
            let _ = self
                .conn
                .pragma_update(None, "cache_size", -(crate::CACHE_KIB as i64));
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
