//! End-to-end tests of the store commands: ingest (duplicates, near-duplicates,
//! rejected input), stories, story briefs across outlets, stats, search, and
//! crash safety (an ingest killed at random moments loses and duplicates nothing).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("brief binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "brief failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/stories")
        .join(name)
        .display()
        .to_string()
}

/// A scratch store for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("brief-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Scratch(dir)
    }
    fn store(&self) -> String {
        self.0.join("store.sqlite").display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[test]
fn ingest_groups_two_stories_links_the_wire_copy_and_skips_the_resubmission() {
    let scratch = Scratch::new("two");
    let store = scratch.store();
    let report = stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &fixture("two-stories.jsonl"),
    ]));
    assert_eq!(
        report.trim(),
        "read 6, new 4 (2 new stories), duplicate 1, near-duplicate 1, rejected 0"
    );
    let stats = json_lines(&stdout(&brief(&[
        "stats", "--store", &store, "--format", "json",
    ])));
    assert_eq!(
        stats[0],
        serde_json::json!({"articles": 5, "stories": 2, "duplicates": 1, "near_duplicates": 1})
    );
    // Ingesting the same file again changes nothing but the duplicate count.
    let again = stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &fixture("two-stories.jsonl"),
    ]));
    assert!(
        again.starts_with("read 6, new 0 (0 new stories), duplicate 6,"),
        "{again}"
    );

    let stories = json_lines(&stdout(&brief(&[
        "stories", "--store", &store, "--format", "json",
    ])));
    let mut groups: Vec<Vec<String>> = stories
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    groups.sort();
    assert_eq!(
        groups,
        [
            vec!["flood-local", "flood-wire", "flood-wire-corrected"],
            vec!["football-1", "football-2"],
        ]
    );
    let flood = stories
        .iter()
        .find(|s| s["articles"].as_array().unwrap().len() == 3)
        .unwrap();
    assert_eq!(
        flood["outlets"],
        serde_json::json!(["Wire", "Worcester News", "Evening Post"])
    );
    assert_eq!(
        (flood["first"].as_str(), flood["last"].as_str()),
        (Some("2024-03-05"), Some("2024-03-06"))
    );
}

#[test]
fn a_story_brief_credits_every_outlet_carrying_a_sentence_and_stays_faithful() {
    let scratch = Scratch::new("brief");
    let store = scratch.store();
    stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &fixture("two-stories.jsonl"),
    ]));
    let stories = json_lines(&stdout(&brief(&[
        "stories", "--store", &store, "--format", "json",
    ])));
    let flood = stories
        .iter()
        .find(|s| s["articles"].as_array().unwrap().len() == 3)
        .unwrap();
    let id = flood["id"].as_str().unwrap();
    let out = stdout(&brief(&[
        "story", id, "--store", &store, "--format", "json",
    ]));
    let b: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(b["id"], id);
    // The wire copy and its corrected version carry the same sentences: both are credited.
    let takeaway_sources: Vec<Vec<&str>> = b["takeaways"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            t["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["article"].as_str().unwrap())
                .collect()
        })
        .collect();
    assert!(takeaway_sources.len() >= 3);
    for sources in &takeaway_sources {
        assert!(
            sources.contains(&"flood-wire") && sources.contains(&"flood-wire-corrected"),
            "{sources:?}"
        );
    }
    // What the local paper adds is in Other Reports, credited to it.
    let other = b["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["heading"] == "Other Reports")
        .expect("an Other Reports section");
    assert!(other["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["sources"][0]["article"] == "flood-local"));
    // Every sentence's words are in its sources' text, in order: in each article that
    // carries it (a Who Said What line joins several spans of one article).
    let texts: std::collections::HashMap<String, String> =
        std::fs::read_to_string(fixture("two-stories.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                (
                    v["id"].as_str().unwrap().to_string(),
                    v["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
    let all = b["takeaways"].as_array().unwrap().iter().chain(
        b["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["sentences"].as_array().unwrap()),
    );
    for s in all {
        let mut by_article: Vec<(&str, String)> = Vec::new();
        for src in s["sources"].as_array().unwrap() {
            let id = src["article"].as_str().unwrap();
            let text = &texts[id];
            let passage = &text
                [src["start"].as_u64().unwrap() as usize..src["end"].as_u64().unwrap() as usize];
            match by_article.iter_mut().find(|(a, _)| *a == id) {
                Some((_, joined)) => {
                    joined.push(' ');
                    joined.push_str(passage);
                }
                None => by_article.push((id, passage.to_string())),
            }
        }
        assert!(!by_article.is_empty());
        for (id, joined) in &by_article {
            assert!(
                brief::words_in_order(s["text"].as_str().unwrap(), joined),
                "{s} not in {id}: {joined:?}"
            );
        }
    }
    let md = stdout(&brief(&["story", id, "--store", &store]));
    assert!(
        md.starts_with("# Council backs flood barrier\n\n## Key Takeaways\n"),
        "{md}"
    );
    let missing = brief(&["story", "999", "--store", &store]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no story 999"));
}

#[test]
fn search_ranks_matches_and_filters_by_outlet_date_and_entity() {
    let scratch = Scratch::new("search");
    let store = scratch.store();
    stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &fixture("two-stories.jsonl"),
    ]));
    let search = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["search", "--store", store.as_str(), "--format", "json"];
        args.extend_from_slice(extra);
        json_lines(&stdout(&brief(&args)))
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    let hits = search(&["flood barrier"]);
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h.starts_with("flood")));
    assert_eq!(
        search(&["flood barrier", "--outlet", "worcester news"]),
        ["flood-local"]
    );
    assert_eq!(search(&["defeats", "--since", "2024-03-10"]).len(), 2);
    assert!(search(&["defeats", "--until", "2024-03-09"]).is_empty());
    assert_eq!(search(&["manager", "--entity", "Peter Lund"]).len(), 2);
    // FTS syntax in a query is taken as words, never as an error or an injection.
    assert!(search(&["barrier\" OR 1=1; DROP TABLE articles; --"]).is_empty());
    let stats = json_lines(&stdout(&brief(&[
        "stats", "--store", &store, "--format", "json",
    ])));
    assert_eq!(stats[0]["articles"], 5);
    let empty = brief(&["search", "--store", &store, "!!!"]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no words"));
}

#[test]
fn bad_records_are_counted_with_reasons_and_the_rest_is_stored() {
    let scratch = Scratch::new("bad");
    let store = scratch.store();
    let input = scratch.0.join("mixed.jsonl");
    let good = std::fs::read_to_string(fixture("two-stories.jsonl")).unwrap();
    let first = good.lines().next().unwrap();
    std::fs::write(
        &input,
        format!(
            "{first}\n{{\"id\": \"broken\", \"text\": \n{{\"id\": \"empty\", \"text\": \"\"}}\n"
        ),
    )
    .unwrap();
    let out = brief(&["ingest", "--store", &store, &input.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("new 1 ") && report.contains("rejected 2 (1 bad JSONL record, 1 empty)"),
        "{report}"
    );
}

/// Distinct, realistic-enough articles: numbered places and people in news prose.
fn generated_articles(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let text = format!(
            "Officials in Town{i} said on Monday that {k} people were evacuated after the river \
             rose overnight. Mayor Person{i} Surname{i} said the town had never seen water so high. \
             Emergency crews worked through the night to reinforce the banks near Bridge{i}. \
             Forecasters expect more rain in Region{r} later this week, and schools will stay shut.",
            k = 10 + i % 500,
            r = i % 37,
        );
        out.push_str(&serde_json::json!({"id": format!("g{i}"), "title": format!("Flooding in Town{i}"), "text": text}).to_string());
        out.push('\n');
    }
    out
}

#[test]
fn an_ingest_killed_at_random_moments_loses_and_duplicates_nothing() {
    let scratch = Scratch::new("kill");
    let store = scratch.store();
    let input = scratch.0.join("many.jsonl");
    let n = 4000;
    std::fs::write(&input, generated_articles(n)).unwrap();
    let input = input.display().to_string();
    // Deterministic "random" kill times spread over the run.
    for delay_ms in [150u64, 420, 90, 700] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["ingest", "--store", &store, &input])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        // Whatever was committed is readable and consistent.
        let stats = json_lines(&stdout(&brief(&[
            "stats", "--store", &store, "--format", "json",
        ])));
        assert!(stats[0]["articles"].as_u64().unwrap() <= n as u64);
    }
    stdout(&brief(&["ingest", "--store", &store, &input]));
    let stats = json_lines(&stdout(&brief(&[
        "stats", "--store", &store, "--format", "json",
    ])));
    assert_eq!(
        stats[0]["articles"], n as u64,
        "every article once: {}",
        stats[0]
    );
    let listed: usize = json_lines(&stdout(&brief(&[
        "stories", "--store", &store, "--format", "json",
    ])))
    .iter()
    .map(|s| s["articles"].as_array().unwrap().len())
    .sum();
    assert_eq!(listed, n, "every article in exactly one story");
}

#[test]
fn feeds_and_archives_are_ingested_with_bad_records_counted() {
    let scratch = Scratch::new("feeds");
    let store = scratch.store();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/feeds");
    let out = brief(&["ingest", "--store", &store, &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "some records were rejected");
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        report.trim(),
        "read 3, new 3 (3 new stories), duplicate 0, near-duplicate 0, rejected 2 (1 damaged WARC record, 1 no article text)"
    );
    let stories = json_lines(&stdout(&brief(&[
        "stories", "--store", &store, "--format", "json",
    ])));
    let ids: Vec<&str> = stories
        .iter()
        .flat_map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
        })
        .collect();
    // Feed entries keep their ids; the archived page gets a content-derived one.
    assert!(
        ids.contains(&"gazette-1") && ids.contains(&"gazette-2"),
        "{ids:?}"
    );
    assert!(
        ids.iter().any(|id| id.len() == 17 && id.starts_with('h')),
        "{ids:?}"
    );
}

fn sentence_sources(s: &Value) -> Vec<&str> {
    s["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["article"].as_str().unwrap())
        .collect()
}

fn section<'v>(brief: &'v Value, heading: &str) -> Option<&'v Value> {
    brief["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["heading"] == heading)
}

#[test]
fn a_developing_story_shows_differing_figures_a_timeline_and_updates() {
    let scratch = Scratch::new("developing");
    let store = scratch.store();
    stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &fixture("developing.jsonl"),
    ]));
    let full: Value = serde_json::from_str(&stdout(&brief(&[
        "story", "1", "--store", &store, "--format", "json",
    ])))
    .unwrap();
    // Two outlets give different death tolls: both are shown, each with its source.
    let differ = section(&full, "Where Reports Differ").expect("differing figures");
    let sources: Vec<Vec<&str>> = differ["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(sentence_sources)
        .collect();
    assert_eq!(sources, [vec!["floods-a"], vec!["floods-b"]]);
    assert!(differ["sentences"][0]["text"]
        .as_str()
        .unwrap()
        .contains("killed 12 people"));
    assert!(differ["sentences"][1]["text"]
        .as_str()
        .unwrap()
        .contains("At least 15 people"));
    // The timeline runs oldest first: publication days, and a date the text states.
    let dates: Vec<&str> = full["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2024-05-06", "2024-05-08", "2024-06-01"]);
    assert!(full.get("since").is_none());

    // An update since 7 May says only what the article of 8 May adds.
    let update: Value = serde_json::from_str(&stdout(&brief(&[
        "story",
        "1",
        "--store",
        &store,
        "--format",
        "json",
        "--since",
        "2024-05-07",
    ])))
    .unwrap();
    assert_eq!(update["since"], "2024-05-07");
    assert!(update["takeaways"].as_array().unwrap().len() >= 2);
    for t in update["takeaways"].as_array().unwrap() {
        assert_eq!(sentence_sources(t), ["floods-c"], "{t}");
    }
    let earlier = section(&update, "Earlier Takeaways").expect("earlier takeaways carried");
    assert!(earlier["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| sentence_sources(s).iter().all(|a| *a != "floods-c")));
    assert!(
        section(&update, "Where Reports Differ").is_none(),
        "no new difference"
    );
    let md = stdout(&brief(&[
        "story",
        "1",
        "--store",
        &store,
        "--since",
        "2024-05-07",
    ]));
    assert!(
        md.contains("*New since 2024-05-07: only what the earlier reports did not say.*"),
        "{md}"
    );

    // Since the last brief written: nothing new until another article comes in.
    let none = brief(&["story", "1", "--store", &store, "--since", "last"]);
    assert!(none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("no article is newer"));
    let extra = scratch.0.join("extra.jsonl");
    std::fs::write(
        &extra,
        serde_json::json!({"id": "floods-d", "outlet": "The Ledger", "published": "2024-05-09",
            "title": "Kora floods: bridge at Port Elm to reopen",
            "text": "Engineers said the bridge at Port Elm on the Kora river would reopen next week after repairs. Governor Ruth Adeyemi said the floods in the northern province had cost farmers more than half of the spring harvest. The Red Cross said its shelters in Port Elm still housed 400 people."})
            .to_string(),
    )
    .unwrap();
    stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &extra.display().to_string(),
    ]));
    let latest: Value = serde_json::from_str(&stdout(&brief(&[
        "story", "1", "--store", &store, "--format", "json", "--since", "last",
    ])))
    .unwrap();
    assert!(latest["takeaways"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| sentence_sources(t) == ["floods-d"]));
    // Written briefs are searchable.
    let hits = json_lines(&stdout(&brief(&[
        "search",
        "--store",
        &store,
        "--briefs",
        "--format",
        "json",
        "helicopters",
    ])));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["story"], "1");
}

#[test]
fn a_story_opens_with_earlier_coverage_of_the_same_actors() {
    let scratch = Scratch::new("background");
    let store = scratch.store();
    stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &fixture("developing.jsonl"),
    ]));
    let later = scratch.0.join("later.jsonl");
    std::fs::write(
        &later,
        serde_json::json!({"id": "dam-1", "outlet": "Daily Courier", "published": "2024-09-02",
            "title": "Province approves Kora dam",
            "text": "Governor Ruth Adeyemi approved plans on Monday for a dam on the Kora river above Port Elm, four months after floods devastated the province. The dam will cost 300 million dollars and hold back water during heavy rain, engineers said. Work is due to begin next year."})
            .to_string(),
    )
    .unwrap();
    stdout(&brief(&[
        "ingest",
        "--store",
        &store,
        &later.display().to_string(),
    ]));
    let stories = json_lines(&stdout(&brief(&[
        "stories", "--store", &store, "--format", "json",
    ])));
    assert_eq!(stories.len(), 2, "months apart: two stories");
    let dam = stories
        .iter()
        .find(|s| s["articles"][0] == "dam-1")
        .unwrap();
    let b: Value = serde_json::from_str(&stdout(&brief(&[
        "story",
        dam["id"].as_str().unwrap(),
        "--store",
        &store,
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(b["sections"][0]["heading"], "Earlier Coverage");
    let background = sentence_sources(&b["sections"][0]["sentences"][0]);
    assert!(background[0].starts_with("floods-"), "{background:?}");
    let plain: Value = serde_json::from_str(&stdout(&brief(&[
        "story",
        dam["id"].as_str().unwrap(),
        "--store",
        &store,
        "--format",
        "json",
        "--no-background",
    ])))
    .unwrap();
    assert!(section(&plain, "Earlier Coverage").is_none());
}
