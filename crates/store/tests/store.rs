//! The store on its own: schema versions, sessions that commit or roll back,
//! and state that survives reopening.

use brief_core::Article;
use brief_store::{Ingested, Store, StoreError, SCHEMA_VERSION};
use brief_stories::{Config, Persons, Profile, Sketch};

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
fn every_committed_article_is_indexed_once_across_commits_and_rollbacks() {
    let path = temp_path("indexed");
    let mut store = Store::open(&path).unwrap();
    {
        let mut session = store.ingest(Config::default()).unwrap();
        session.add(&article("f1", FLOOD), profile).unwrap();
        session.commit().unwrap();
        session.add(&article("m1", MATCH), profile).unwrap();
        // Dropped: the match report was never committed, nor indexed.
    }
    let hits = |store: &Store, text: &str| {
        store
            .search(&brief_store::SearchQuery {
                text: text.into(),
                limit: 10,
                ..Default::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!((hits(&store, "barrier"), hits(&store, "manager")), (1, 0));
    let mut session = store.ingest(Config::default()).unwrap();
    session.add(&article("m1", MATCH), profile).unwrap();
    session.commit().unwrap();
    session
        .add(
            &article("f2", "The flood barrier vote was delayed."),
            profile,
        )
        .unwrap();
    session.finish().unwrap();
    assert_eq!((hits(&store, "barrier"), hits(&store, "manager")), (2, 1));
    // FTS5 checks its index against the articles table, row by row.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    drop(conn);
    let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
}

#[test]
fn submitted_articles_are_reported_in_order_and_copies_of_one_in_flight_are_duplicates() {
    let mut store = Store::in_memory().unwrap();
    let mut session = store.ingest(Config::default()).unwrap();
    let hash = |text: &str| brief_store::ContentHash::of(text);
    let mut outcomes = Vec::new();
    // The first is still being assigned when its copy arrives.
    outcomes.extend(
        session
            .submit(article("f1", FLOOD), hash(FLOOD), profile)
            .unwrap(),
    );
    assert!(outcomes.is_empty(), "reported before it was written");
    outcomes.extend(
        session
            .submit(article("f1-again", FLOOD), hash(FLOOD), |_| {
                panic!("a duplicate is not profiled")
            })
            .unwrap(),
    );
    outcomes.extend(
        session
            .submit(article("m1", MATCH), hash(MATCH), profile)
            .unwrap(),
    );
    outcomes.extend(session.finish().unwrap());
    assert_eq!(outcomes.len(), 3, "{outcomes:?}");
    assert!(matches!(&outcomes[0], Ingested::New { id, started: true, .. } if id == "f1"));
    assert_eq!(
        outcomes[1],
        Ingested::Duplicate {
            existing: "f1".into()
        }
    );
    assert!(matches!(&outcomes[2], Ingested::New { id, started: true, .. } if id == "m1"));
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.stories), (2, 2));
    assert_eq!(store.duplicates_skipped().unwrap(), 1);
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

/// A profile of made-up terms (word numbers) led by `person` (none if 0), with
/// the wording sketch of `wording`.
fn synthetic(words: &[u64], person: u64, wording: &str) -> Profile {
    let leading: Vec<u64> = (person != 0).then_some(person).into_iter().collect();
    Profile {
        terms: words.iter().map(|w| (w << 2, 1.0)).collect(),
        persons: Persons {
            all: leading.clone(),
            leading,
        },
        day: None,
        sketch: Sketch::of_text(wording),
        names: Vec::new(),
    }
}

#[test]
fn re_clustering_moves_stored_articles_and_their_copies() {
    // Two events sharing most of their vocabulary; the first report of the
    // second names no one, so it joins the first event's story at first.
    let x = [1, 2, 3, 4, 5, 6, 7, 8];
    let y = [1, 2, 3, 4, 5, 6, 9, 10];
    let wording = |n: u32| format!("w{n} x{n} y{n} z{n} v{n} u{n} t{n}");
    let mut store = Store::in_memory().unwrap();
    let mut session = store.ingest(Config::default()).unwrap();
    let add = |session: &mut brief_store::Ingest<'_>, id: &str, p: Profile| {
        session
            .add(&article(id, &format!("Text of {id}.")), |_| p)
            .unwrap()
    };
    add(&mut session, "x1", synthetic(&x, 0, &wording(1)));
    let y1 = add(&mut session, "y1", synthetic(&y, 0, &wording(2)));
    assert!(matches!(y1, Ingested::New { started: false, .. }), "{y1:?}");
    let copy = add(&mut session, "y1-copy", synthetic(&y, 0, &wording(2)));
    assert!(matches!(copy, Ingested::NearDuplicate { .. }), "{copy:?}");
    for n in 3..9 {
        let (words, person, id) = if n % 2 == 1 {
            (&x, 100, format!("x{n}"))
        } else {
            (&y, 200, format!("y{n}"))
        };
        add(&mut session, &id, synthetic(words, person, &wording(n)));
    }
    session.finish().unwrap();
    let mut stories: Vec<Vec<String>> = store
        .stories(&Default::default())
        .unwrap()
        .into_iter()
        .map(|s| {
            let mut ids = s.articles;
            ids.sort();
            ids
        })
        .collect();
    stories.sort();
    assert_eq!(
        stories,
        [
            vec!["x1", "x3", "x5", "x7"],
            vec!["y1", "y1-copy", "y4", "y6", "y8"]
        ]
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.stories), (9, 2));
}

#[test]
fn a_submitted_stream_longer_than_a_batch_is_written_indexed_and_reported_in_order() {
    let path = temp_path("stream");
    let mut store = Store::open(&path).unwrap();
    let mut session = store.ingest(Config::default()).unwrap();
    session.set_batch_age(std::time::Duration::from_secs(3600));
    let n = 2_100u64; // past one batch of 2,000: a commit lands mid-stream
    let mut outcomes = Vec::new();
    for k in 0..n {
        let text = format!("Report {k} on the harbour works in Port{k}.");
        let hash = brief_store::ContentHash::of(&text);
        let words = [k % 7 + 1, 100 + k];
        outcomes.extend(
            session
                .submit(article(&format!("a{k}"), &text), hash, |_| {
                    synthetic(&words, 0, &text)
                })
                .unwrap(),
        );
    }
    outcomes.extend(session.finish().unwrap());
    let ids: Vec<String> = outcomes
        .iter()
        .map(|o| match o {
            Ingested::New { id, .. } | Ingested::NearDuplicate { id, .. } => id.clone(),
            Ingested::Duplicate { existing } => panic!("no copies were sent: {existing}"),
        })
        .collect();
    assert_eq!(ids, (0..n).map(|k| format!("a{k}")).collect::<Vec<_>>());
    assert_eq!(store.stats().unwrap().articles, n);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let indexed: i64 = conn
        .query_row("SELECT COUNT(*) FROM articles_fts_docsize", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(indexed, n as i64);
    conn.execute(
        "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    drop(conn);
    let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
}
