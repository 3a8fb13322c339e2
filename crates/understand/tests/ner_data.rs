//! The shipped entity model on the shared dev data: entity-level F1 on the
//! CoNLL-2003 testa portion, scored as `peers/score_brief.py ner` scores it.
//! Runs only when `BRIEF_DATA` names the data directory (`.ci/run` sets it).

use std::collections::HashSet;
use std::path::PathBuf;

use brief_core::{Article, Span};
use brief_understand::{entities, understand};

/// Gold entities as (byte span, type) over the tokens joined by spaces, chunked as conlleval does.
fn gold_spans(tokens: &[&str], tags: &[&str]) -> HashSet<(Span, String)> {
    let mut offsets = Vec::new();
    let mut pos = 0;
    for t in tokens {
        offsets.push((pos, pos + t.len()));
        pos += t.len() + 1;
    }
    let mut out = HashSet::new();
    let mut current: Option<(usize, usize, &str)> = None;
    for (i, tag) in tags.iter().copied().chain(["O"]).enumerate() {
        let (prefix, kind) = tag.split_at(tag.len().min(2));
        if let Some((s, e, k)) = current {
            if tag == "O" || prefix == "B-" || (prefix == "I-" && kind != k) {
                out.insert((Span::new(offsets[s].0, offsets[e].1), k.to_string()));
                current = None;
            }
        }
        if prefix == "B-" || (prefix == "I-" && current.is_none()) {
            current = Some((i, i, kind));
        } else if let (Some(c), "I-") = (&mut current, prefix) {
            c.1 = i;
        }
    }
    out
}

#[test]
fn conll_testa_f1_is_at_least_0_85() {
    let Some(dir) = std::env::var_os("BRIEF_DATA").map(PathBuf::from) else {
        eprintln!("BRIEF_DATA not set: skipping the NER dev-data check");
        return;
    };
    let raw =
        std::fs::read_to_string(dir.join("ner/dev.jsonl")).expect("ner/dev.jsonl under BRIEF_DATA");
    let (mut tp, mut predicted, mut gold_total) = (0usize, 0usize, 0usize);
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        if r["dataset"] != "conll2003-testa" {
            continue;
        }
        let strings = |k: &str| -> Vec<&str> {
            r[k].as_array()
                .expect("array")
                .iter()
                .map(|v| v.as_str().expect("string"))
                .collect()
        };
        let (tokens, tags) = (strings("tokens"), strings("tags"));
        let gold = gold_spans(&tokens, &tags);
        let article = Article::from_text(r["id"].as_str().expect("id"), tokens.join(" "));
        let found: HashSet<(Span, String)> =
            entities::recognize(&article.text, &understand(&article))
                .iter()
                .map(|e| (e.span, e.kind.conll().to_string()))
                .collect();
        tp += found.intersection(&gold).count();
        predicted += found.len();
        gold_total += gold.len();
    }
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold_total.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    eprintln!("conll2003-testa: P={p:.3} R={r:.3} F1={f1:.3} ({gold_total} gold entities)");
    assert!(gold_total > 5000, "only {gold_total} gold entities read");
    assert!(f1 >= 0.85, "F1 {f1:.3} below 0.85");
}
