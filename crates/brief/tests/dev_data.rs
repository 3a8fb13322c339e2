//! The invariants on every article of the shared dev data: each brief is faithful
//! (validated by the same rule as `peers/score_brief.py faithful`) and seed-shaped.
//! Runs only when `BRIEF_DATA` names the data directory (`.ci/run` sets it).

use std::path::PathBuf;

use brief::{validate, Article, Pipeline};

fn data_dir() -> Option<PathBuf> {
    std::env::var_os("BRIEF_DATA").map(PathBuf::from)
}

#[test]
fn every_cnndm_dev_brief_is_faithful_and_shaped() {
    let Some(dir) = data_dir() else {
        eprintln!("BRIEF_DATA not set: skipping the dev-data check");
        return;
    };
    let raw = std::fs::read_to_string(dir.join("cnndm/dev.jsonl"))
        .expect("cnndm/dev.jsonl under BRIEF_DATA");
    let pipeline = Pipeline::with_takeaways(Some(3));
    let adaptive = Pipeline::default();
    let mut checked = 0;
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        let article = Article::from_text(
            record["id"].as_str().expect("id"),
            record["article"].as_str().expect("article"),
        );
        for (p, takeaways) in [(&pipeline, Some(3)), (&adaptive, None)] {
            let brief = p
                .brief(&article)
                .unwrap_or_else(|e| panic!("{}: {e}", article.id));
            validate(&brief, |id| (id == article.id).then_some(&article))
                .unwrap_or_else(|e| panic!("{}: {e}", article.id));
            let n = brief.takeaways.len();
            match takeaways {
                Some(t) => assert_eq!(n, t, "{}", article.id),
                None => assert!((3..=6).contains(&n), "{}: {n} takeaways", article.id),
            }
            assert!(brief.sections.len() <= 7, "{}", article.id);
            let mut headings: Vec<String> = brief
                .sections
                .iter()
                .map(|s| s.heading.to_lowercase())
                .collect();
            for h in &headings {
                let words = h.split_whitespace().count();
                assert!((1..=7).contains(&words), "{}: heading {h:?}", article.id);
            }
            headings.sort();
            headings.dedup();
            assert_eq!(
                headings.len(),
                brief.sections.len(),
                "{}: duplicate headings",
                article.id
            );
            for s in &brief.sections {
                assert!(!s.sentences.is_empty(), "{}: empty section", article.id);
            }
            // Takeaways are not repeated in the sections.
            for t in &brief.takeaways {
                assert!(
                    !brief
                        .sections
                        .iter()
                        .flat_map(|s| &s.sentences)
                        .any(|s| s.text == t.text),
                    "{}: takeaway repeated",
                    article.id
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 800, "only {checked} articles checked");
}

/// Every text of the other dev sets (story clusters, attribution corpus) briefs
/// faithfully too; the only refusals allowed are for too little text.
#[test]
fn every_other_dev_text_is_faithful() {
    let Some(dir) = data_dir() else {
        eprintln!("BRIEF_DATA not set: skipping the dev-data check");
        return;
    };
    let mut texts: Vec<(String, String)> = Vec::new();
    let stories =
        std::fs::read_to_string(dir.join("stories/dev.jsonl")).expect("stories/dev.jsonl");
    for line in stories.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        texts.push((
            r["id"].as_str().unwrap().to_string(),
            r["text"].as_str().unwrap().to_string(),
        ));
    }
    let quotes = std::fs::read_to_string(dir.join("quotes/dev.jsonl")).expect("quotes/dev.jsonl");
    for line in quotes.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        let text = std::fs::read_to_string(dir.join(r["text_path"].as_str().unwrap()))
            .expect("PolNeAR text");
        texts.push((r["id"].as_str().unwrap().to_string(), text));
    }
    assert!(texts.len() >= 250, "only {} texts", texts.len());
    let pipeline = Pipeline::default();
    let mut briefed = 0;
    for (id, text) in &texts {
        let article = Article::from_text(id.clone(), text.clone());
        match pipeline.brief(&article) {
            Ok(brief) => {
                validate(&brief, |i| (i == article.id).then_some(&article))
                    .unwrap_or_else(|e| panic!("{id}: {e}"));
                assert!(
                    brief.sections.len() <= 7,
                    "{id}: {} sections",
                    brief.sections.len()
                );
                briefed += 1;
            }
            Err(e) => assert!(e.to_string().contains("too short"), "{id}: {e}"),
        }
    }
    assert!(
        briefed * 10 >= texts.len() * 9,
        "only {briefed} of {} briefed",
        texts.len()
    );
}
