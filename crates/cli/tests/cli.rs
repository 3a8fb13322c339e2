//! End-to-end tests of the `brief` binary: the JSON contract, the Markdown shape,
//! and bad input (a clear message naming the input, a non-zero exit, no panic).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn brief(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief binary runs");
    {
        let mut pipe = child.stdin.take().expect("stdin");
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).expect("write stdin");
        }
    }
    child.wait_with_output().expect("brief finishes")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A scratch directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("brief-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_file(dir: &Scratch, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.0.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Words are runs of alphanumerics or `_`, as in `peers/score_brief.py`.
fn words_in_order(output: &str, source: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut pool = words(source).into_iter();
    let out = words(output);
    !out.is_empty() && out.iter().all(|w| pool.any(|p| &p == w))
}

#[test]
fn example_brief_is_seed_shaped() {
    let example = repo().join("examples/flood-barrier.txt");
    let out = brief(&["summarize", example.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert!(lines[0].starts_with("# "), "{md}");
    let kt = lines
        .iter()
        .position(|l| *l == "## Key Takeaways")
        .expect("takeaways heading");
    let bullets = lines[kt + 1..]
        .iter()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("- "))
        .count();
    assert!((3..=6).contains(&bullets), "{bullets} bullets\n{md}");
    let sections = lines
        .iter()
        .filter(|l| l.starts_with("## ") && **l != "## Key Takeaways")
        .count();
    assert!((3..=7).contains(&sections), "{sections} sections\n{md}");
    assert!(!md.contains("Section 1"));
}

#[test]
fn json_contract_for_jsonl_input_in_order_with_faithful_spans() {
    let example = std::fs::read_to_string(repo().join("examples/flood-barrier.txt")).unwrap();
    let second = "The storm closed every school in the county on Monday. Officials said 40 roads were flooded. \
                  Power was cut to 12,000 homes, the utility said. Crews expect to restore it by Friday.";
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "flood", "text": example}),
        serde_json::json!({"id": 2, "text": second, "title": "Storm shuts schools"})
    );
    let out = brief(&["summarize", "--format", "json"], Some(input.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let briefs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(briefs.len(), 2);
    assert_eq!(briefs[0]["id"], "flood");
    assert_eq!(briefs[1]["id"], "2");
    assert_eq!(briefs[1]["title"], "Storm shuts schools");
    for (b, text) in briefs.iter().zip([example.as_str(), second]) {
        let mut sentences: Vec<&serde_json::Value> =
            b["takeaways"].as_array().unwrap().iter().collect();
        for s in b["sections"].as_array().unwrap() {
            assert!(!s["heading"].as_str().unwrap().is_empty());
            sentences.extend(s["sentences"].as_array().unwrap());
        }
        assert!(!sentences.is_empty());
        for s in sentences {
            // The words appear in order across the sources, as listed.
            let mut pool = String::new();
            for src in s["sources"].as_array().unwrap() {
                assert_eq!(src["article"], b["id"]);
                let (start, end) = (
                    src["start"].as_u64().unwrap() as usize,
                    src["end"].as_u64().unwrap() as usize,
                );
                let slice = &text.as_bytes()[start..end];
                pool.push_str(std::str::from_utf8(slice).expect("span on char boundaries"));
                pool.push(' ');
            }
            assert!(
                words_in_order(s["text"].as_str().unwrap(), &pool),
                "{s} vs {pool:?}"
            );
        }
    }
}

#[test]
fn takeaways_flag_sets_the_count() {
    let example = repo().join("examples/flood-barrier.txt");
    let out = brief(
        &[
            "summarize",
            "--format",
            "json",
            "--takeaways",
            "3",
            example.to_str().unwrap(),
        ],
        None,
    );
    let b: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(b["takeaways"].as_array().unwrap().len(), 3);
}

#[test]
fn html_output_is_self_contained_and_escaped() {
    let text = "Protesters gathered outside <script>alert(1)</script> city hall on Monday. \
                The mayor said the plan would go ahead. Talks will resume next week, officials said.";
    let out = brief(&["summarize", "--format", "html"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script>alert(1)"),
        "markup from the article must be escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "no external assets"
    );
}

#[test]
fn out_dir_gets_one_file_per_article() {
    let scratch = Scratch::new("out");
    let dir = scratch.0.join("briefs");
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a/b", "text": "The river rose two metres. Homes were flooded. The council met to plan a barrier."}),
        serde_json::json!({"id": "c", "text": "Talks ended without a deal. Both sides blamed each other. More talks are planned."})
    );
    let out = brief(
        &[
            "summarize",
            "--out",
            dir.to_str().unwrap(),
            "--format",
            "md",
        ],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.join("b.md").exists() && dir.join("c.md").exists());
    assert!(out.stdout.is_empty());
}

#[test]
fn extract_json_has_every_field_and_nulls_for_missing_metadata() {
    let out = brief(
        &["extract", "--format", "json"],
        Some(b"Plain text. Two sentences."),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in [
        "id",
        "title",
        "byline",
        "published",
        "outlet",
        "url",
        "text",
        "headings",
    ] {
        assert!(a.get(field).is_some(), "missing {field}");
    }
    assert!(a["byline"].is_null() && a["url"].is_null());
    assert_eq!(a["text"], "Plain text. Two sentences.");
}

fn assert_rejected(name: &str, bytes: &[u8], needle: &str) {
    let scratch = Scratch::new(&format!("rejected-{name}"));
    let path = temp_file(&scratch, name, bytes);
    let out = brief(&["summarize", path.to_str().unwrap()], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{name}: {err}");
    assert!(
        err.contains(name),
        "{name}: message must name the input: {err}"
    );
    assert!(err.contains(needle), "{name}: expected {needle:?} in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_inputs_are_rejected_with_a_reason() {
    assert_rejected("empty.txt", b"", "empty");
    assert_rejected("blank.txt", b"  \n\t \n", "empty");
    assert_rejected("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", "binary");
    assert_rejected(
        "nav.html",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "no article",
    );
    assert_rejected("one.txt", b"Only one sentence is here.", "too short");
    assert_rejected(
        "french.txt",
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites. Les syndicats ont appelé à la grève dans tout le pays. \
         La ministre a déclaré que le texte serait présenté au Parlement le mois prochain."
            .as_bytes(),
        "English",
    );
    let huge = vec![b'a'; 17 * 1024 * 1024];
    assert_rejected("huge.txt", &huge, "limit");
}

#[test]
fn bad_jsonl_lines_fail_alone() {
    let input = "{\"id\":\"ok\",\"text\":\"The river rose two metres overnight. Homes were flooded in three towns. The council met to plan a barrier.\"}\n\
                 {not json}\n\
                 {\"id\":\"nobody\"}\n";
    let out = brief(&["summarize", "--format", "json"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["id"], "ok");
    assert!(lines[0]["takeaways"].is_array());
    assert!(lines[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(lines[2]["error"].as_str().unwrap().contains("neither"));
    assert!(err.contains("-:2") && err.contains("-:3"), "{err}");
}

#[test]
fn missing_file_is_an_error() {
    let out = brief(&["summarize", "/nonexistent/file.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/file.txt"));
}

#[test]
fn entities_prints_byte_spans_and_conll_types_per_line() {
    let input =
        "{\"id\":\"a\",\"text\":\"Angela Merkel met Emmanuel Macron in Paris on Tuesday.\"}\n\
                 {\"id\":\"b\",\"text\":\"“We are ready,” said Corine Mauch, the mayor of Zürich’s largest district.\"}\n";
    let o = brief(&["entities", "--scheme", "conll"], Some(input.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    let texts = [
        "Angela Merkel met Emmanuel Macron in Paris on Tuesday.",
        "“We are ready,” said Corine Mauch, the mayor of Zürich’s largest district.",
    ];
    for (line, text) in lines.iter().zip(texts) {
        for e in line["entities"].as_array().expect("entities") {
            let (s, t) = (
                e["start"].as_u64().expect("start"),
                e["end"].as_u64().expect("end"),
            );
            let slice = text
                .get(s as usize..t as usize)
                .expect("byte offsets on char boundaries");
            assert_eq!(e["text"], slice);
            assert!(["PER", "ORG", "LOC", "MISC"].contains(&e["type"].as_str().expect("type")));
        }
    }
    let found = |i: usize| -> Vec<(String, String)> {
        lines[i]["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .map(|e| (e["text"].to_string(), e["type"].to_string()))
            .collect()
    };
    let pair = |t: &str, k: &str| (format!("{t:?}"), format!("{k:?}"));
    assert_eq!(
        found(0),
        [
            pair("Angela Merkel", "PER"),
            pair("Emmanuel Macron", "PER"),
            pair("Paris", "LOC")
        ]
    );
    // Multi-byte text, and the possessive stays outside the span.
    assert!(found(1).contains(&pair("Zürich", "LOC")), "{:?}", found(1));
    assert!(
        found(1).contains(&pair("Corine Mauch", "PER")),
        "{:?}",
        found(1)
    );
}

#[test]
fn eval_ner_scores_per_dataset_and_train_ner_writes_a_model() {
    let dir = Scratch::new("ner");
    let gold = b"{\"id\":\"s1\",\"dataset\":\"toy\",\"doc_id\":\"d1\",\"tokens\":[\"Angela\",\"Merkel\",\"met\",\"Emmanuel\",\"Macron\",\"in\",\"Paris\",\".\"],\"tags\":[\"B-PER\",\"I-PER\",\"O\",\"B-PER\",\"I-PER\",\"O\",\"B-LOC\",\"O\"]}\n\
{\"id\":\"s2\",\"dataset\":\"toy\",\"doc_id\":\"d1\",\"tokens\":[\"It\",\"rained\",\".\"],\"tags\":[\"O\",\"O\",\"O\"]}\n";
    let data = temp_file(&dir, "gold.jsonl", gold);
    let data = data.to_str().expect("utf-8 path");
    let o = brief(&["eval", "ner", "--data", data], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let toy = out
        .lines()
        .find(|l| l.starts_with("toy"))
        .expect("a row for the dataset");
    // 3 gold entities, all found: P = R = F1 = 100.
    assert_eq!(
        toy.split_whitespace().take(5).collect::<Vec<_>>(),
        ["toy", "2", "100.0", "100.0", "100.0"],
        "{out}"
    );
    assert!(out.contains("words/s"), "{out}");

    let model = dir.0.join("toy.bin");
    let o = brief(
        &[
            "train",
            "ner",
            "--data",
            data,
            "--datasets",
            "toy",
            "--bits",
            "12",
            "--epochs",
            "2",
        ]
        .into_iter()
        .chain(["--out", model.to_str().expect("utf-8 path")])
        .collect::<Vec<_>>(),
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&model).expect("model written");
    assert!(bytes.starts_with(b"BRIEFNER"));
}

/// A reader that stops early (`brief … | head`) ends every command quietly: exit 0, nothing
/// on stderr, for the JSON writers as for the text ones.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::io::Read;
    let example = std::fs::read_to_string(repo().join("examples/flood-barrier.txt")).unwrap();
    let line = serde_json::json!({"id": "flood", "text": example}).to_string();
    let scratch = Scratch::new("closed-pipe");
    let input = scratch.0.join("many.jsonl");
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    std::fs::write(&input, format!("{line}\n").repeat(400)).unwrap();
    let input = input.to_str().unwrap();
    for args in [
        vec!["facts", "--format", "json", input],
        vec!["summarize", "--format", "json", input],
        vec!["summarize", input],
        vec!["extract", "--format", "json", input],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("brief binary runs");
        let mut first = [0u8; 16];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        let output = child.wait_with_output().expect("brief finishes");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
