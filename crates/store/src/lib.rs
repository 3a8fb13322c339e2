//! The store: one embedded SQLite file holding articles, the stories they form,
//! the story clusterer's state, and a full-text index (FTS5).
//!
//! Writes happen in batches ([`Ingest`]): every article, its story's new state
//! and the clusterer's statistics commit in one transaction, so a store killed at
//! any moment reopens consistent (WAL mode), and re-running the same ingest adds
//! only what was not committed. Exact re-submissions are recognised by a content
//! hash; near-duplicates are stored and linked to their original.
//!
//! It is *not* where articles are read or understood: callers hand it an
//! [`Article`](brief_core::Article) with its [`Profile`](brief_stories::Profile)
//! and entity names. Every SQL statement binds its values as parameters. Story
//! assignment runs on a thread of its own beside the writes (`clustering.rs`).

mod clustering;
mod ingest;
mod query;
mod schema;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use ingest::{ContentHash, Ingest, Ingested};
pub use query::{
    SearchHit, SearchQuery, Stats, StoredArticle, StoryFilter, StorySummary, WrittenBrief,
};
pub use schema::VERSION as SCHEMA_VERSION;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite refused (the file is not a store, is locked, the disk is full, …).
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The directory for the store file could not be made.
    #[error("cannot create {path}: {source}")]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The store was written by a newer brief.
    #[error(
        "store schema version {found} is newer than this brief knows ({known}); upgrade brief"
    )]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this code knows.
        known: i64,
    },
    /// Saved state could not be decoded: the file was damaged or edited.
    #[error("store: damaged {0}")]
    Damaged(&'static str),
    /// The story clusterer's thread stopped (a bug: it panicked).
    #[error("store: the story clusterer stopped")]
    Clusterer,
    /// A full-text query that FTS5 cannot parse, or one with no words.
    #[error("bad search query: {0}")]
    BadQuery(String),
}

/// The page cache of a store connection.
pub(crate) const CACHE_KIB: u32 = 65_536;

/// An open store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, migrating it to the current schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Store::setup(conn)
    }

    /// Opens an existing store for reading only, beside a writer (WAL lets
    /// readers and one writer work at once).
    pub fn open_reader(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(Store { conn })
    }

    /// A store in memory, gone when dropped (tests, benchmarks).
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store, StoreError> {
        // WAL: readers never block the writer, and a killed writer leaves the last
        // committed transaction intact. NORMAL sync is durable across process
        // crashes in WAL mode (only a power cut can lose the latest commits).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Index pages are touched at random (content hashes, names, stories): a
        // page cache of 64 MiB keeps ingest from waiting on reads as the store grows.
        conn.pragma_update(None, "cache_size", -(CACHE_KIB as i64))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// The default store file: `$BRIEF_STORE`, else `brief/brief.sqlite` under the
/// user's data directory (`$XDG_DATA_HOME`, else `~/.local/share`), else in the
/// working directory.
pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os("BRIEF_STORE").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|p| !p.is_empty())
                .map(|h| PathBuf::from(h).join(".local").join("share"))
        });
    match data {
        Some(dir) => dir.join("brief").join("brief.sqlite"),
        None => PathBuf::from("brief.sqlite"),
    }
}
