//! A server on a free port for one test, stopped when dropped.

use std::net::SocketAddr;
use std::path::PathBuf;

pub struct Server {
    pub addr: SocketAddr,
    pub dir: PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn start(name: &str, tune: impl FnOnce(&mut brief_serve::Config)) -> Server {
        let dir = std::env::temp_dir().join(format!("brief-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut config =
            brief_serve::Config::new(dir.join("store.sqlite"), "127.0.0.1:0".parse().unwrap());
        tune(&mut config);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (ready, bound) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = brief_serve::bind(config.addr).unwrap();
                ready.send(listener.local_addr().unwrap()).unwrap();
                brief_serve::serve_on(listener, config, async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
            });
        });
        let addr = bound.recv().unwrap();
        Server {
            addr,
            dir,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Status and body of a request, errors included (ureq reports 4xx/5xx as errors).
pub fn call(request: ureq::Request, body: Option<(&str, &[u8])>) -> (u16, String, String) {
    let result = match body {
        Some((content_type, bytes)) => request.set("content-type", content_type).send_bytes(bytes),
        None => request.call(),
    };
    let response = match result {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("transport error: {e}"),
    };
    let status = response.status();
    let content_type = response.content_type().to_string();
    (
        status,
        content_type,
        response.into_string().unwrap_or_default(),
    )
}

pub fn article_line(id: &str, title: &str, text: &str) -> String {
    serde_json::json!({"id": id, "title": title, "outlet": "Test Wire", "published": "2024-03-05", "text": text}).to_string()
}

pub const FLOOD: &str = "The city council voted on Tuesday to build a flood barrier along the river, after two winters of flooding damaged more than 400 homes. The barrier will cost 120 million pounds and take three years to build, Mayor Alice Grant said. Residents who lost their homes said the vote came too late. Work is due to start in the spring.";
