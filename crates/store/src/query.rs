//! Reading the store: stories, their articles, counts and full-text search.

use brief_core::{Article, Heading, Span};
use brief_stories::StoryId;
use rusqlite::{params_from_iter, types::Value, OptionalExtension, Row};

use crate::ingest::ContentHash;
use crate::{Store, StoreError};

/// One story as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorySummary {
    /// Story id.
    pub id: StoryId,
    /// The title of the article that started it.
    pub title: String,
    /// Article ids, in ingestion order.
    pub articles: Vec<String>,
    /// Distinct outlets, in order of first article.
    pub outlets: Vec<String>,
    /// Earliest and latest publication day (ISO dates), when articles are dated.
    pub first: Option<String>,
    /// See `first`.
    pub last: Option<String>,
}

/// Which stories to list.
#[derive(Clone, Debug, Default)]
pub struct StoryFilter {
    /// Only stories with an article published on or after this day number.
    pub since_day: Option<i32>,
    /// Only stories with an article matching this full-text query.
    pub query: Option<String>,
    /// At most this many (newest first).
    pub limit: Option<usize>,
}

/// An article read back from the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredArticle {
    /// The article as it was ingested.
    pub article: Article,
    /// Its story.
    pub story: StoryId,
    /// Publication day number, when dated.
    pub day: Option<i32>,
    /// The id of the article it is a version of.
    pub near_duplicate_of: Option<String>,
    /// Ingestion order.
    pub key: i64,
    /// When it was ingested (Unix seconds).
    pub ingested: i64,
}

/// A brief recorded as written for a story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenBrief {
    /// When (Unix seconds).
    pub written: i64,
    /// The last article (ingestion key) it covered.
    pub up_to: i64,
}

/// Store counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Distinct articles stored (near-duplicates included).
    pub articles: u64,
    /// Stories.
    pub stories: u64,
    /// Articles stored as versions of another.
    pub near_duplicates: u64,
}

/// A full-text search.
#[derive(Clone, Debug, Default)]
pub struct SearchQuery {
    /// Words to find (all of them, stemmed; `"a phrase"` in quotes stays a phrase).
    pub text: String,
    /// Only articles from this outlet (exact, case-insensitive).
    pub outlet: Option<String>,
    /// Only articles published on or after this day number.
    pub since_day: Option<i32>,
    /// Only articles published on or before this day number.
    pub until_day: Option<i32>,
    /// Only articles naming this entity (case-insensitive, the name as found).
    pub entity: Option<String>,
    /// At most this many hits.
    pub limit: usize,
}

/// One search result, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// Article id.
    pub id: String,
    /// Its story.
    pub story: StoryId,
    /// Title, outlet and publication date as stored.
    pub title: Option<String>,
    /// See `title`.
    pub outlet: Option<String>,
    /// See `title`.
    pub published: Option<String>,
    /// The best-matching passage, matches in `[…]`.
    pub snippet: String,
    /// BM25 relevance (higher is better).
    pub score: f64,
}

/// Turns a user's query into an FTS5 query: each bare word quoted (so `-`, `:`
/// and FTS operators in news text are words, not syntax), quoted phrases kept.
fn fts_query(text: &str) -> Result<String, StoreError> {
    let mut parts = Vec::new();
    for (i, chunk) in text.split('"').enumerate() {
        if i % 2 == 1 {
            let words: Vec<&str> = chunk
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if !words.is_empty() {
                parts.push(format!("\"{}\"", words.join(" ")));
            }
        } else {
            parts.extend(
                chunk
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| format!("\"{w}\"")),
            );
        }
    }
    if parts.is_empty() {
        return Err(StoreError::BadQuery(format!("no words in {text:?}")));
    }
    Ok(parts.join(" "))
}

fn iso(day: Option<i32>) -> Option<String> {
    day.map(brief_stories::dates::iso_from_day)
}

impl Store {
    /// Stories, most recently updated first.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>, StoreError> {
        let mut sql = String::from("SELECT s.id FROM stories s WHERE 1");
        let mut values: Vec<Value> = Vec::new();
        if let Some(day) = filter.since_day {
            values.push(Value::Integer(day.into()));
            sql.push_str(&format!(" AND s.last_day >= ?{}", values.len()));
        }
        if let Some(q) = &filter.query {
            values.push(Value::Text(fts_query(q)?));
            sql.push_str(&format!(
                " AND s.id IN (SELECT a.story FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid \
                 WHERE articles_fts MATCH ?{})",
                values.len()
            ));
        }
        sql.push_str(" ORDER BY s.touched DESC, s.id DESC");
        if let Some(limit) = filter.limit {
            values.push(Value::Integer(limit as i64));
            sql.push_str(&format!(" LIMIT ?{}", values.len()));
        }
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(values), |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.into_iter()
            .map(|id| {
                self.story(id as StoryId)
                    .transpose()
                    .expect("listed story exists")
            })
            .collect()
    }

    /// One story's summary, `None` when there is no such story.
    pub fn story(&self, id: StoryId) -> Result<Option<StorySummary>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT title, first_day, last_day FROM stories WHERE id = ?1",
                [id as i64],
                |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((title, first, last)) = row else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, outlet FROM articles WHERE story = ?1 ORDER BY key")?;
        let mut articles = Vec::new();
        let mut outlets: Vec<String> = Vec::new();
        for row in stmt.query_map([id as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })? {
            let (article, outlet) = row?;
            articles.push(article);
            if let Some(o) = outlet {
                if !outlets.contains(&o) {
                    outlets.push(o);
                }
            }
        }
        Ok(Some(StorySummary {
            id,
            title,
            articles,
            outlets,
            first: iso(first),
            last: iso(last),
        }))
    }

    /// A story's articles, in ingestion order.
    pub fn story_articles(&self, id: StoryId) -> Result<Vec<StoredArticle>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.key, a.id, a.title, a.byline, a.published, a.day, a.outlet, a.url, a.text, \
             a.headings, a.story, o.id, a.ingested FROM articles a LEFT JOIN articles o ON o.key = a.near_duplicate_of \
             WHERE a.story = ?1 ORDER BY a.key",
        )?;
        let rows = stmt.query_map([id as i64], stored_article)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The names a story's articles mention most: `(name, CoNLL type, articles)`,
    /// most widespread first.
    pub fn story_names(
        &self,
        id: StoryId,
        limit: usize,
    ) -> Result<Vec<(String, String, u32)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.name, n.kind, COUNT(*) AS c FROM article_names n JOIN articles a ON a.key = n.article \
             WHERE a.story = ?1 AND n.kind != 'MISC' GROUP BY n.name ORDER BY c DESC, n.name LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![id as i64, limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u32))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Earlier stories about the same actors and places: stories whose articles
    /// name at least `min_shared` of `names` and that began before `story` did,
    /// most shared names first, then the most recent. Each with its shared count.
    pub fn related_earlier(
        &self,
        story: StoryId,
        names: &[String],
        min_shared: usize,
        limit: usize,
    ) -> Result<Vec<(StoryId, usize)>, StoreError> {
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (0..names.len())
            .map(|i| format!("?{}", i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT a.story, COUNT(DISTINCT n.name) AS shared FROM article_names n \
             JOIN articles a ON a.key = n.article \
             WHERE n.name IN ({placeholders}) AND a.story != ?1 \
             AND a.story IN (SELECT s.id FROM stories s WHERE s.id < ?1) \
             GROUP BY a.story HAVING shared >= ?2 ORDER BY shared DESC, a.story DESC LIMIT {limit}"
        );
        let mut values: Vec<Value> = vec![
            Value::Integer(story as i64),
            Value::Integer(min_shared as i64),
        ];
        values.extend(names.iter().map(|n| Value::Text(n.clone())));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok((r.get::<_, i64>(0)? as StoryId, r.get::<_, i64>(1)? as usize))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that a brief covering the story's articles up to `up_to` was written.
    pub fn record_brief(
        &self,
        story: StoryId,
        up_to: i64,
        title: &str,
        text: &str,
    ) -> Result<(), StoreError> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO briefs (story, written, up_to, title, text) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![story as i64, now, up_to, title, text],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO briefs_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            rusqlite::params![id, title, text],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The last brief written for a story.
    pub fn last_brief(&self, story: StoryId) -> Result<Option<WrittenBrief>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT written, up_to FROM briefs WHERE story = ?1 ORDER BY id DESC LIMIT 1",
                [story as i64],
                |r| {
                    Ok(WrittenBrief {
                        written: r.get(0)?,
                        up_to: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Full-text search over the briefs written so far: `(story, title, snippet, score)`, best first.
    pub fn search_briefs(
        &self,
        text: &str,
        limit: usize,
    ) -> Result<Vec<(StoryId, String, String, f64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.story, b.title, snippet(briefs_fts, 1, '[', ']', '…', 16), bm25(briefs_fts, 2.0, 1.0) AS rank \
             FROM briefs_fts JOIN briefs b ON b.id = briefs_fts.rowid WHERE briefs_fts MATCH ?1 \
             AND b.id = (SELECT MAX(id) FROM briefs WHERE story = b.story) ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![fts_query(text)?, limit.max(1) as i64],
            |r| {
                Ok((
                    r.get::<_, i64>(0)? as StoryId,
                    r.get(1)?,
                    r.get(2)?,
                    -r.get::<_, f64>(3)?,
                ))
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Counts of what is stored.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories), \
             (SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL)",
            [],
            |r| {
                Ok(Stats {
                    articles: r.get::<_, i64>(0)? as u64,
                    stories: r.get::<_, i64>(1)? as u64,
                    near_duplicates: r.get::<_, i64>(2)? as u64,
                })
            },
        )?)
    }

    /// True when an article with exactly this text is stored.
    pub fn contains_text(&self, text: &str) -> Result<bool, StoreError> {
        self.contains(&ContentHash::of(text))
    }

    /// True when an article whose text has this hash is stored.
    pub fn contains(&self, hash: &ContentHash) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?
            .query_row([hash.bytes()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Exact re-submissions skipped by every ingest so far.
    pub fn duplicates_skipped(&self) -> Result<u64, StoreError> {
        let n: Option<i64> = self
            .conn
            .query_row(
                "SELECT value FROM state WHERE key = 'duplicates'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(n.unwrap_or(0) as u64)
    }

    /// Full-text search over stored articles, best first.
    ///
    /// Without filters, FTS5 finds the best `limit` matches by its `rank`
    /// (BM25, title ×2) before any article row is read, and snippets are made for
    /// those only; filters join the article rows first.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        let fts = fts_query(&query.text)?;
        let limit = query.limit.max(1) as i64;
        let mut values: Vec<Value> = vec![Value::Text(fts.clone())];
        let mut filters = String::new();
        if let Some(outlet) = &query.outlet {
            values.push(Value::Text(outlet.clone()));
            filters.push_str(&format!(" AND a.outlet = ?{} COLLATE NOCASE", values.len()));
        }
        if let Some(day) = query.since_day {
            values.push(Value::Integer(day.into()));
            filters.push_str(&format!(" AND a.day >= ?{}", values.len()));
        }
        if let Some(day) = query.until_day {
            values.push(Value::Integer(day.into()));
            filters.push_str(&format!(" AND a.day <= ?{}", values.len()));
        }
        if let Some(entity) = &query.entity {
            values.push(Value::Text(entity.clone()));
            filters.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM article_names n WHERE n.name = ?{} AND n.article = a.key)",
                values.len()
            ));
        }
        values.push(Value::Integer(limit));
        let sql = if filters.is_empty() {
            format!(
                "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?{}",
                values.len()
            )
        } else {
            format!(
                "SELECT a.key, articles_fts.rank FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid \
                 WHERE articles_fts MATCH ?1{filters} ORDER BY articles_fts.rank LIMIT ?{}",
                values.len()
            )
        };
        let best: Vec<(i64, f64)> = {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(values), |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>().map_err(fts_error)?
        };
        let mut snippet = self.conn.prepare_cached(
            "SELECT snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts \
             WHERE articles_fts MATCH ?1 AND rowid = ?2",
        )?;
        let mut row = self.conn.prepare_cached(
            "SELECT id, story, title, outlet, published FROM articles WHERE key = ?1",
        )?;
        let mut hits = Vec::with_capacity(best.len());
        for (key, rank) in best {
            let snippet: String = snippet
                .query_row(rusqlite::params![fts, key], |r| r.get(0))
                .map_err(fts_error)?;
            let hit = row.query_row([key], |r| {
                Ok(SearchHit {
                    id: r.get(0)?,
                    story: r.get::<_, i64>(1)? as StoryId,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    snippet,
                    // FTS5's rank is negative, lower is better; report it the usual way.
                    score: -rank,
                })
            })?;
            hits.push(hit);
        }
        Ok(hits)
    }
}

fn fts_error(e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.contains("fts5") => {
            StoreError::BadQuery(msg)
        }
        e => e.into(),
    }
}

fn stored_article(r: &Row<'_>) -> rusqlite::Result<StoredArticle> {
    let text: String = r.get(8)?;
    let headings_json: String = r.get(9)?;
    let spans: Vec<[usize; 2]> = serde_json::from_str(&headings_json).unwrap_or_default();
    let headings = spans
        .into_iter()
        .filter(|[s, e]| {
            s <= e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
        })
        .map(|[start, end]| Heading {
            text: text[start..end].to_string(),
            span: Span { start, end },
        })
        .collect();
    Ok(StoredArticle {
        key: r.get(0)?,
        article: Article {
            id: r.get(1)?,
            title: r.get(2)?,
            byline: r.get(3)?,
            published: r.get(4)?,
            outlet: r.get(6)?,
            url: r.get(7)?,
            text,
            headings,
        },
        day: r.get(5)?,
        story: r.get::<_, i64>(10)? as StoryId,
        near_duplicate_of: r.get(11)?,
        ingested: r.get(12)?,
    })
}
