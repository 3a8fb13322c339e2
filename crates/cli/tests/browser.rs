//! The web page in headless Chromium (tests/browser/brief.mjs, playwright-core):
//! paste an article, get its brief, click a takeaway and see its source
//! highlighted; hostile article text stays text. Screenshots go to
//! target/browser/. Skipped when node, Chromium or playwright-core is missing,
//! unless BRIEF_REQUIRE_BROWSER is set (as `.ci/run` sets it after installing them).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn paste_brief_click_and_see_the_source() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script_dir = repo.join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        && Path::new(&chromium).exists()
        && script_dir.join("node_modules/playwright-core").exists();
    if !ready {
        assert!(
            std::env::var_os("BRIEF_REQUIRE_BROWSER").is_none(),
            "node, {chromium} and tests/browser/node_modules/playwright-core are required"
        );
        eprintln!("browser test skipped: needs node, Chromium and `npm install` in tests/browser");
        return;
    }
    let dir = std::env::temp_dir().join(format!("brief-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = dir.join("store.sqlite").display().to_string();
    let hostile = dir.join("hostile.jsonl");
    std::fs::write(
        &hostile,
        serde_json::json!({"id": "evil", "title": "<script>alert(1)</script> Flood barrier vote", "outlet": "<img src=x onerror=alert(2)>",
            "published": "2024-03-05",
            "text": "<script>alert('owned')</script> The council voted on Tuesday to build a flood barrier <img src=x onerror=alert(3)> along the river, after floods damaged 400 homes. \"<b onmouseover=alert(4)>Never again</b>,\" Mayor Alice Grant said. The barrier will cost 120 million pounds, the council said. Work starts in the spring."})
            .to_string()
            + "\n"
            + &serde_json::json!({"id": "calm", "title": "Barrier approved", "outlet": "Gazette", "published": "2024-03-07",
                "text": "The council approved a flood barrier along the river on Tuesday after floods damaged 400 homes, Mayor Alice Grant said. The barrier will cost 120 million pounds. Work starts in the spring, the council said."})
            .to_string(),
    )
    .unwrap();
    let ingest = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["ingest", "--store", &store, &hostile.display().to_string()])
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let mut server = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["serve", "--store", &store, "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let base = first
        .split_once("listening on ")
        .unwrap()
        .1
        .trim()
        .to_string();
    std::thread::spawn(move || for _ in lines {});
    let out_dir = repo.join("target/browser");
    let run = Command::new("node")
        .current_dir(&script_dir)
        .args([
            "brief.mjs",
            &base,
            &out_dir.display().to_string(),
            &repo
                .join("examples/flood-barrier.txt")
                .display()
                .to_string(),
            "1",
        ])
        .output()
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out_dir.join("brief.png").exists() && out_dir.join("story.png").exists());
}
