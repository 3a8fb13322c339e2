//! The store on its own: schema versions, sessions that commit or roll back,
//! and state that survives reopening.

use brief_core::Article;
use brief_store::{Ingested, Store, StoreError, SCHEMA_VERSION};
use brief_stories::{Config, Profile};

fn profile(article: &Article) -> Profile {
    Profile::new(article, &brief_understand::understand(article))
}

fn article(id: &str, text: &str) -> Article {
    Article {
        published: Some("2024-03-05".into()),
        ..Article::from_text(id, text)
    }
}

const FLOOD: &str = "The city council voted on Tuesday to build a flood barrier along the river \
    after floods damaged 400 homes. Mayor Alice Grant said the barrier will cost 120 million pounds.";
const MATCH: &str = "Rovers sacked manager Tom Hale on Sunday after eight defeats left the club \
    bottom of the league. Chairman Peter Lund said a successor would be named within a week.";

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-store-unit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("nested").join("store.sqlite")
}

#[test]
fn a_new_store_is_at_the_current_schema_and_a_newer_one_is_refused() {
    let store = Store::in_memory().unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let path = temp_path("version");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    match Store::open(&path) {
        Err(StoreError::TooNew { found, known }) => {
            assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
        }
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
    let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
}

#[test]
fn a_finished_session_survives_reopening_and_resumes_its_stories() {
    let path = temp_path("reopen");
    {
        let mut store = Store::open(&path).unwrap();
        let mut session = store.ingest(Config::default()).unwrap();
        let first = session.add(&article("f1", FLOOD), profile).unwrap();
        assert!(matches!(first, Ingested::New { started: true, .. }));
        session.add(&article("m1", MATCH), profile).unwrap();
        session.finish().unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().articles, 2);
    // The clusterer resumes: a second report of the flood vote joins its story.
    let mut session = store.ingest(Config::default()).unwrap();
    let again = session
        .add(
            &article("f2", "Councillors in the city backed the flood barrier on Tuesday. Mayor Alice Grant said the barrier along the river will cost 120 million pounds and protect 400 homes."),
            profile,
        )
        .unwrap();
    session.finish().unwrap();
    let flood_story = store
        .stories(&Default::default())
        .unwrap()
        .into_iter()
        .find(|s| s.articles.contains(&"f1".to_string()))
        .unwrap();
    assert!(
        matches!(again, Ingested::New { started: false, story, .. } if story == flood_story.id),
        "{again:?}"
    );
    assert_eq!(flood_story.articles, ["f1", "f2"]);
    let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
}

#[test]
fn a_dropped_session_leaves_the_store_as_of_its_last_commit() {
    let mut store = Store::in_memory().unwrap();
    {
        let mut session = store.ingest(Config::default()).unwrap();
        session.add(&article("f1", FLOOD), profile).unwrap();
        session.commit().unwrap();
        session.add(&article("m1", MATCH), profile).unwrap();
        // Dropped without finish: the second article was never committed.
    }
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.stories), (1, 1));
    assert!(store.contains_text(FLOOD).unwrap());
    assert!(!store.contains_text(MATCH).unwrap());
}

#[test]
fn search_treats_query_syntax_as_words() {
    let mut store = Store::in_memory().unwrap();
    let mut session = store.ingest(Config::default()).unwrap();
    session.add(&article("f1", FLOOD), profile).unwrap();
    session.finish().unwrap();
    for query in [
        "barrier",
        "BARRIER",
        "barriers",
        "\"flood barrier\"",
        "barrier -river",
        "barrier*",
        "(barrier)^",
    ] {
        let hits = store
            .search(&brief_store::SearchQuery {
                text: query.into(),
                limit: 5,
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{query}: {e}"));
        assert_eq!(hits.len(), 1, "{query}");
        assert!(
            hits[0].snippet.contains("barrier]"),
            "matches marked: {}",
            hits[0].snippet
        );
    }
    assert!(matches!(
        store.search(&brief_store::SearchQuery {
            text: "  ".into(),
            limit: 5,
            ..Default::default()
        }),
        Err(StoreError::BadQuery(_))
    ));
}
