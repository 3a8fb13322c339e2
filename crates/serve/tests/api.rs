//! The HTTP API against a real server: routes match the OpenAPI document, errors
//! are JSON with the right status, hostile content renders as text, writes are
//! authorised when a token is set, and no acknowledged write is lost.

mod common;

use std::collections::BTreeSet;

use common::{article_line, call, Server, FLOOD};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    let spec: Value = serde_json::from_str(brief_serve::OPENAPI).unwrap();
    let mut documented = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let routed: BTreeSet<(String, String)> = brief_serve::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented, routed);
    // And the server answers each of them (not "no such endpoint", not 405).
    let server = Server::start("routes", |_| {});
    let agent = ureq::agent();
    for (method, path) in &routed {
        let path = path.replace("{id}", "1");
        let url = server.url(&path);
        let (status, _, body) = match method.as_str() {
            "GET" => call(agent.get(&url), None),
            _ => call(agent.post(&url), Some(("text/plain", FLOOD.as_bytes()))),
        };
        assert_ne!(status, 405, "{method} {path}");
        assert!(
            !body.contains("no such endpoint"),
            "{method} {path}: {body}"
        );
    }
    let served = json(&call(agent.get(&server.url("/api/openapi.json")), None).2);
    assert_eq!(served, spec);
}

#[test]
fn errors_are_json_with_the_right_status() {
    let server = Server::start("errors", |c| c.max_body = 64 * 1024);
    let agent = ureq::agent();
    let cases: Vec<(u16, (u16, String, String))> = vec![
        (
            400,
            call(
                agent.post(&server.url("/api/brief")),
                Some(("application/json", b"{not json")),
            ),
        ),
        (404, call(agent.get(&server.url("/api/stories/77")), None)),
        (404, call(agent.get(&server.url("/api/nothing")), None)),
        (
            415,
            call(
                agent.post(&server.url("/api/brief")),
                Some(("image/png", b"\x89PNG")),
            ),
        ),
        (
            422,
            call(
                agent.post(&server.url("/api/brief")),
                Some(("text/plain", b"   ")),
            ),
        ),
        (
            422,
            call(
                agent.post(&server.url("/api/brief")),
                Some(("text/plain", b"Too short.")),
            ),
        ),
        (400, call(agent.get(&server.url("/api/search")), None)),
        (
            400,
            call(agent.get(&server.url("/api/stories?since=yesterday")), None),
        ),
    ];
    for (want, (status, content_type, body)) in cases {
        assert_eq!(status, want, "{body}");
        assert_eq!(content_type, "application/json", "{want}: {body}");
        let v = json(&body);
        assert!(v["error"].is_string() && v["detail"].is_string(), "{body}");
        assert!(
            !body.contains("panicked") && !body.contains("src/"),
            "{body}"
        );
    }
}

#[test]
fn a_brief_over_http_matches_the_contract_in_each_format() {
    let server = Server::start("brief", |_| {});
    let agent = ureq::agent();
    let (status, _, body) = call(
        agent.post(&server.url("/api/brief")),
        Some(("text/plain", FLOOD.as_bytes())),
    );
    assert_eq!(status, 200, "{body}");
    let b = json(&body);
    assert!(b["takeaways"].as_array().unwrap().len() >= 3);
    for t in b["takeaways"].as_array().unwrap() {
        let s = &t["sources"][0];
        let passage =
            &FLOOD[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize];
        assert!(brief::words_in_order(t["text"].as_str().unwrap(), passage));
    }
    let request =
        serde_json::json!({"text": FLOOD, "title": "Council backs barrier", "outlet": "Gazette"})
            .to_string();
    let (status, _, body) = call(
        agent.post(&server.url("/api/brief?format=md")),
        Some(("application/json", request.as_bytes())),
    );
    assert_eq!(status, 200);
    assert!(
        body.starts_with("# Council backs barrier\n\n## Key Takeaways\n"),
        "{body}"
    );
    let (status, content_type, body) = call(
        agent.post(&server.url("/api/brief?format=html")),
        Some(("text/plain", FLOOD.as_bytes())),
    );
    assert_eq!((status, content_type.as_str()), (200, "text/html"));
    assert!(body.contains("<h2>Key Takeaways</h2>"));
}

const HOSTILE: &str = "<script>alert('owned')</script> The council voted on Tuesday to build a flood barrier <img src=x onerror=alert(2)> along the river, after floods damaged 400 homes. \"<b onmouseover=alert(3)>Never again</b>,\" Mayor Alice Grant said of the javascript:alert(4) floods. The barrier will cost 120 million pounds, the council said. Work starts in the spring.";

fn assert_inert(page: &str) {
    for needle in [
        "<script>alert",
        "<img src=x",
        "<b onmouseover",
        "href=\"javascript:",
    ] {
        assert!(
            !page.contains(needle),
            "{needle} reached the page unescaped"
        );
    }
    assert!(
        page.contains("&lt;script&gt;") || page.contains("&lt;img") || page.contains("&lt;b "),
        "the hostile text is shown, escaped"
    );
}

#[test]
fn hostile_content_renders_as_text_everywhere() {
    let server = Server::start("hostile", |_| {});
    let agent = ureq::agent();
    let line = serde_json::json!({"id": "evil<script>", "title": "<script>alert(1)</script> Flood <i>barrier</i>",
        "outlet": "<img src=x onerror=alert(5)>", "url": "javascript:alert(6)", "published": "2024-03-05", "text": HOSTILE}).to_string();
    let (status, _, body) = call(
        agent.post(&server.url("/api/articles")),
        Some(("application/x-ndjson", line.as_bytes())),
    );
    assert_eq!(status, 200, "{body}");
    let story = json(&body)["articles"][0]["story"]
        .as_str()
        .unwrap()
        .to_string();
    for path in [
        "/".to_string(),
        format!("/stories/{story}"),
        "/search?q=barrier".to_string(),
        format!("/api/stories/{story}?format=html"),
    ] {
        let (status, _, page) = call(agent.get(&server.url(&path)), None);
        assert_eq!(status, 200, "{path}");
        assert_inert(&page);
    }
    let (status, _, page) = call(
        agent.post(&server.url("/api/brief?format=html")),
        Some(("text/plain", HOSTILE.as_bytes())),
    );
    assert_eq!(status, 200);
    assert_inert(&page);
    // Path tricks never reach the file system.
    for path in [
        "/../../etc/passwd",
        "/stories/..%2F..%2Fetc%2Fpasswd",
        "/api/stories/%2e%2e",
    ] {
        let (status, _, page) = call(agent.get(&server.url(path)), None);
        assert!(status == 404 || status == 400, "{path}: {status}");
        assert!(!page.contains("root:"), "{path}");
    }
}

#[test]
fn with_a_token_writes_need_it_and_reads_do_not() {
    let server = Server::start("token", |c| c.token = Some("s3cret".into()));
    let agent = ureq::agent();
    let line = article_line("a1", "Council backs barrier", FLOOD);
    let (status, _, body) = call(
        agent.post(&server.url("/api/articles")),
        Some(("application/x-ndjson", line.as_bytes())),
    );
    assert_eq!(status, 401, "{body}");
    assert_eq!(json(&body)["error"], "unauthorized");
    let wrong = agent
        .post(&server.url("/api/articles"))
        .set("authorization", "Bearer nope");
    assert_eq!(
        call(wrong, Some(("application/x-ndjson", line.as_bytes()))).0,
        401
    );
    let right = agent
        .post(&server.url("/api/articles"))
        .set("authorization", "Bearer s3cret");
    assert_eq!(
        call(right, Some(("application/x-ndjson", line.as_bytes()))).0,
        200
    );
    let (status, _, body) = call(agent.get(&server.url("/api/stories")), None);
    assert_eq!(status, 200);
    assert_eq!(json(&body)[0]["articles"][0], "a1");
}

#[test]
fn refuses_to_listen_beyond_loopback_without_a_token() {
    let config = brief_serve::Config::new(
        std::env::temp_dir().join("never.sqlite"),
        "0.0.0.0:0".parse().unwrap(),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let result = runtime.block_on(brief_serve::run(config, async {}));
    assert!(matches!(
        result,
        Err(brief_serve::ServeError::TokenRequired(_))
    ));
}

#[test]
fn concurrent_ingests_are_all_stored() {
    let server = Server::start("concurrent", |_| {});
    let url = server.url("/api/articles");
    let threads: Vec<_> = (0..32)
        .map(|t| {
            let url = url.clone();
            std::thread::spawn(move || {
                let agent = ureq::agent();
                let mut acknowledged = Vec::new();
                for k in 0..5 {
                    let id = format!("t{t}-{k}");
                    let text = format!("Officials in Town{t} said on Monday that {k} bridges in District{k} were closed after the river rose overnight. Mayor Person{t} said crews worked through the night near Bridge{t}{k}. More rain is expected in Region{t} this week.");
                    let (status, _, body) = call(agent.post(&url), Some(("application/x-ndjson", article_line(&id, "Bridges closed", &text).as_bytes())));
                    assert_eq!(status, 200, "{body}");
                    acknowledged.push(id);
                }
                acknowledged
            })
        })
        .collect();
    let acknowledged: BTreeSet<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert_eq!(acknowledged.len(), 160);
    let (_, _, body) = call(ureq::get(&server.url("/api/stories?limit=1000")), None);
    let stored: BTreeSet<String> = json(&body)
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(stored, acknowledged);
}

#[test]
fn a_64_mib_body_is_refused_before_it_is_read() {
    use std::io::{Read, Write};
    let server = Server::start("huge", |_| {});
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    // The headers announce 64 MiB; the refusal comes without the body being sent.
    write!(
        stream,
        "POST /api/brief HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        64 * 1024 * 1024
    )
    .unwrap();
    stream.write_all(&[b'a'; 4096]).unwrap();
    let mut response = vec![0u8; 4096];
    let n = stream.read(&mut response).unwrap();
    let head = String::from_utf8_lossy(&response[..n]);
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
    assert!(head.contains("payload_too_large"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{head}"
    );
    assert_eq!(call(ureq::get(&server.url("/healthz")), None).0, 200);
}

#[test]
fn pages_run_only_the_servers_own_scripts() {
    let server = Server::start("csp", |_| {});
    let response = ureq::get(&server.url("/")).call().unwrap();
    let policy = response
        .header("content-security-policy")
        .unwrap()
        .to_string();
    let scripts = policy
        .split(';')
        .find(|d| d.trim_start().starts_with("script-src"))
        .unwrap();
    assert!(!scripts.contains("unsafe-inline"), "{policy}");
    assert_eq!(scripts.matches("'sha256-").count(), 2, "{policy}");
    assert!(policy.contains("default-src 'none'"));
    assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn a_request_past_its_time_gets_503() {
    let server = Server::start("timeout", |c| {
        c.timeout = std::time::Duration::from_millis(5)
    });
    // Thousands of sentences: far more than 5 ms of work.
    let long: String = (0..4000)
        .map(|i| format!("Officials in Town{i} said the river rose by {i} centimetres overnight. "))
        .collect();
    let (status, content_type, body) = call(
        ureq::post(&server.url("/api/brief")),
        Some(("text/plain", long.as_bytes())),
    );
    assert_eq!(status, 503, "{body}");
    assert_eq!(content_type, "application/json");
    assert!(json(&body)["detail"].as_str().unwrap().contains("too long"));
}
