//! The schema and its migrations. `PRAGMA user_version` holds the version; each
//! migration moves one version up inside one transaction, so a store is always
//! at a version this code knows, or refused.

use rusqlite::Connection;

use crate::StoreError;

/// Each entry takes the store from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 → 1: articles, stories, clusterer state, entity names, full-text index.
    r#"
    CREATE TABLE stories (
        id        INTEGER PRIMARY KEY,
        title     TEXT NOT NULL,
        first_day INTEGER,
        last_day  INTEGER,
        articles  INTEGER NOT NULL,
        touched   INTEGER NOT NULL,
        state     BLOB NOT NULL
    );
    CREATE INDEX stories_touched ON stories(touched);
    CREATE TABLE articles (
        key        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL,
        hash       BLOB NOT NULL UNIQUE,
        title      TEXT,
        byline     TEXT,
        published  TEXT,
        day        INTEGER,
        outlet     TEXT,
        url        TEXT,
        text       TEXT NOT NULL,
        headings   TEXT NOT NULL,
        story      INTEGER NOT NULL REFERENCES stories(id),
        near_duplicate_of INTEGER REFERENCES articles(key),
        ingested   INTEGER NOT NULL
    );
    CREATE INDEX articles_story ON articles(story, key);
    CREATE INDEX articles_id ON articles(id);
    CREATE TABLE article_names (
        article INTEGER NOT NULL REFERENCES articles(key),
        name    TEXT NOT NULL COLLATE NOCASE,
        kind    TEXT NOT NULL,
        PRIMARY KEY (name, article)
    ) WITHOUT ROWID;
    CREATE TABLE state (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='key', tokenize='porter unicode61'
    );
    "#,
    // 1 → 2: briefs written for stories (for updates "since the last brief", and search).
    r#"
    CREATE TABLE briefs (
        id      INTEGER PRIMARY KEY,
        story   INTEGER NOT NULL REFERENCES stories(id),
        written INTEGER NOT NULL,
        up_to   INTEGER NOT NULL,
        title   TEXT NOT NULL,
        text    TEXT NOT NULL
    );
    CREATE INDEX briefs_story ON briefs(story, id);
    CREATE VIRTUAL TABLE briefs_fts USING fts5(
        title, text, content='briefs', content_rowid='id', tokenize='porter unicode61'
    );
    "#,
    // 2 → 3: FTS ranking by the hidden `rank` column (title counts double), so
    // that the best N are found without sorting every match's full row.
    r#"
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
    INSERT INTO briefs_fts(briefs_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
    "#,
    // 3 → 4: re-clustering moves an article with its near-duplicates, found by
    // this index (near-duplicates only, so it stays small).
    r#"
    CREATE INDEX articles_copies ON articles(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
    "#,
];

/// The version this code writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings a store up to [`VERSION`]; refuses one written by a newer brief.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > VERSION {
        return Err(StoreError::TooNew {
            found,
            known: VERSION,
        });
    }
    for (version, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
