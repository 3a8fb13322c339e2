//! End-to-end tests of `brief facts`: the JSON contract (byte offsets that resolve to the
//! statements and figures), the Markdown shape, and bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn brief(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("brief finishes")
}

const ARTICLE: &str =
    "Talks in Moscow lasted five hours. \"We made progress,\" the Kremlin said on \
Tuesday. Ushakov said that over 14,000 civilians had been killed, according to the United Nations.";

fn jsonl() -> String {
    format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a1", "text": ARTICLE}),
        serde_json::json!({"id": "a2", "text": "Rain fell on the city."})
    )
}

#[test]
fn json_lines_follow_the_contract() {
    let out = brief(&["facts", "--format", "json", "-"], jsonl().as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let first = &lines[0];
    assert_eq!(first["id"], "a1");
    let text = ARTICLE.as_bytes();
    let slice = |v: &serde_json::Value| {
        let (s, e) = (
            v["start"].as_u64().unwrap_or(0),
            v["end"].as_u64().unwrap_or(0),
        );
        String::from_utf8(text[s as usize..e as usize].to_vec()).expect("span on char boundaries")
    };
    // Entities: every mention's span covers its text; a known name is found and typed.
    let entities = first["entities"].as_array().expect("entities");
    for e in entities {
        assert_eq!(slice(e), e["text"].as_str().unwrap());
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&e["type"].as_str().unwrap()));
        assert!(!e["canonical"].as_str().unwrap().is_empty());
    }
    assert!(
        entities
            .iter()
            .any(|e| e["text"] == "United Nations" && e["type"] == "ORG"),
        "{entities:?}"
    );
    let quotes = first["quotes"].as_array().expect("quotes");
    let direct = quotes
        .iter()
        .find(|q| q["direct"] == true)
        .expect("the direct quote");
    assert_eq!(slice(direct), "We made progress,");
    assert_eq!(slice(&direct["cue"]), "said");
    assert_eq!(slice(&direct["speaker"]), "the Kremlin");
    assert_eq!(direct["speaker"]["canonical"], "the Kremlin");
    let reported = quotes
        .iter()
        .find(|q| slice(q).starts_with("that over 14,000"))
        .expect("the reported statement, with its \"that\" as PolNeAR marks it");
    assert_eq!(slice(&reported["speaker"]), "Ushakov");
    let figures = first["figures"].as_array().expect("figures");
    let hours = figures
        .iter()
        .find(|f| f["unit"] == "hours")
        .expect("five hours");
    assert_eq!(slice(hours), "five hours");
    assert_eq!(hours["value"], 5.0);
    assert_eq!(hours["counts"], "Talks in Moscow");
    let killed = figures
        .iter()
        .find(|f| f["value"] == 14000.0)
        .expect("14,000");
    assert_eq!(killed["counts"], "civilians");
    assert_eq!(killed["qualifier"], "over");
    assert_eq!(lines[1]["quotes"], serde_json::json!([]));
    assert_eq!(lines[1]["figures"], serde_json::json!([]));
}

#[test]
fn markdown_groups_statements_by_speaker_then_lists_figures() {
    let out = brief(&["facts", "-"], jsonl().as_bytes());
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    let who = md.find("## Who said what").expect("who said what");
    let kremlin = md.find("**the Kremlin**").expect("a speaker heading");
    let quote = md
        .find("- “We made progress,”")
        .expect("the quote under it");
    let figures = md.find("## Figures").expect("figures");
    assert!(who < kremlin && kremlin < quote && quote < figures, "{md}");
    assert!(md.contains("- five hours — Talks in Moscow"), "{md}");
}

#[test]
fn bad_input_is_named_and_does_not_stop_the_rest() {
    let input = format!(
        "{}\nnot json\n",
        serde_json::json!({"id": "a1", "text": ARTICLE})
    );
    let out = brief(&["facts", "--format", "json", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout
        .lines()
        .nth(1)
        .is_some_and(|l| l.contains("\"error\"")));
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
}
