//! `brief serve` as a process: SIGTERM stops it cleanly, and a kill -9 in the
//! middle of ingesting loses no acknowledged write.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Running {
    child: Child,
    base: String,
}

fn start(store: &str) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["serve", "--store", store, "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief serve starts");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().expect("a first line").unwrap();
    let base = first
        .split_once("listening on ")
        .map(|(_, url)| url.trim().to_string())
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    // Keep draining stderr so the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    Running { child, base }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-serve-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn post_article(agent: &ureq::Agent, base: &str, id: &str) -> Result<u16, String> {
    let line = serde_json::json!({"id": id, "title": "River rises", "published": "2024-03-05",
        "text": format!("Officials in Town{id} said on Monday that the river at Bridge{id} had risen overnight. Mayor Person{id} said crews would work through the night. More rain is expected this week in Region{id}.")})
    .to_string();
    match agent
        .post(&format!("{base}/api/articles"))
        .set("content-type", "application/x-ndjson")
        .send_string(&line)
    {
        Ok(r) => Ok(r.status()),
        Err(ureq::Error::Status(s, _)) => Ok(s),
        Err(e) => Err(e.to_string()),
    }
}

fn stored_ids(base: &str) -> Vec<String> {
    let body = ureq::get(&format!("{base}/api/stories?limit=1000"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    let stories: Vec<serde_json::Value> = serde_json::from_str(&body).unwrap();
    stories
        .iter()
        .flat_map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn a_kill_mid_ingest_loses_no_acknowledged_write() {
    let dir = scratch("kill");
    let store = dir.join("store.sqlite").display().to_string();
    let mut server = start(&store);
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    let base = server.base.clone();
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let writer = {
        let acknowledged = acknowledged.clone();
        std::thread::spawn(move || {
            for k in 0..100_000 {
                let id = format!("k{k}");
                match post_article(&agent, &base, &id) {
                    Ok(200) => acknowledged.lock().unwrap().push(id),
                    Ok(status) => panic!("unexpected status {status}"),
                    Err(_) => break, // the server is gone
                }
            }
        })
    };
    // Killed once it has acknowledged some writes, however slow the machine is.
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 20 && !writer.is_finished() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the server acknowledged no writes"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    server.child.kill().unwrap(); // SIGKILL
    server.child.wait().unwrap();
    writer
        .join()
        .expect("the writer saw only 200s until the kill");
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 20,
        "{} acknowledged",
        acknowledged.len()
    );
    let mut again = start(&store);
    let stored = stored_ids(&again.base);
    for id in &acknowledged {
        assert!(
            stored.contains(id),
            "acknowledged {id} lost ({} acknowledged, {} stored)",
            acknowledged.len(),
            stored.len()
        );
    }
    again.child.kill().unwrap();
    let _ = again.child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let dir = scratch("term");
    let store = dir.join("store.sqlite").display().to_string();
    let mut server = start(&store);
    let agent = ureq::agent();
    assert_eq!(post_article(&agent, &server.base, "t1"), Ok(200));
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    let mut again = start(&store);
    assert_eq!(stored_ids(&again.base), ["t1"]);
    again.child.kill().unwrap();
    let _ = again.child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let dir = scratch("inflight");
    let store = dir.join("store.sqlite").display().to_string();
    let mut server = start(&store);
    // A long article: its brief takes far longer than the signal takes to arrive.
    let long: String = (0..60_000)
        .map(|i| format!("Officials in Town{i} said the river rose by {i} centimetres overnight. "))
        .collect();
    let url = format!("{}/api/brief", server.base);
    let request = std::thread::spawn(move || {
        match ureq::post(&url)
            .set("content-type", "text/plain")
            .send_string(&long)
        {
            Ok(r) => {
                let status = r.status();
                let mut body = String::new();
                let read = std::io::Read::read_to_string(&mut r.into_reader(), &mut body);
                (
                    status,
                    read.map(|_| body)
                        .unwrap_or_else(|e| format!("unreadable body: {e}")),
                )
            }
            Err(ureq::Error::Status(s, r)) => (s, r.into_string().unwrap_or_default()),
            Err(e) => (0, e.to_string()),
        }
    });
    std::thread::sleep(Duration::from_millis(100));
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let (code, body) = request.join().unwrap();
    assert_eq!(
        code,
        200,
        "the request in flight was answered: {}",
        &body[..body.len().min(200)]
    );
    let brief: serde_json::Value = serde_json::from_str(&body).expect("the whole brief arrived");
    assert!(
        !brief["takeaways"].as_array().unwrap().is_empty(),
        "{}",
        &body[..body.len().min(300)]
    );
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
