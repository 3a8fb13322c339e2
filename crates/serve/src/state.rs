//! What the handlers share: the pipeline, one writer thread owning the store's
//! write connection, a pool of read connections, and the limits on CPU work.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use brief::store::{Ingested, Store, StoreError};
use brief::stories::{Config as ClusterConfig, Profile};
use brief::{Article, Pipeline};
use tokio::sync::{oneshot, Semaphore};

use crate::error::ApiError;

/// Articles a writer batch may hold: concurrent ingests share one transaction.
const MAX_BATCH_JOBS: usize = 64;
/// Read connections kept open between requests.
const MAX_IDLE_READERS: usize = 16;

/// One ingest request for the writer: articles with their profiles, and where
/// to send the outcome once it is committed.
struct WriteJob {
    articles: Vec<(Article, Profile)>,
    reply: oneshot::Sender<Result<Vec<Ingested>, String>>,
}

/// Shared server state.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    path: PathBuf,
    pipeline: Pipeline,
    writer: std::sync::mpsc::SyncSender<WriteJob>,
    readers: Mutex<Vec<Store>>,
    /// Permits for CPU-heavy work (briefs, profiles) waiting or running.
    work: Semaphore,
    token: Option<String>,
}

impl AppState {
    /// Opens (creating if needed) the store at `path` and starts its writer thread.
    pub fn open(
        path: &Path,
        token: Option<String>,
        max_pending_work: usize,
    ) -> Result<AppState, StoreError> {
        let store = Store::open(path)?;
        // Bounded: an ingest flood waits here instead of filling memory.
        let (writer, jobs) = std::sync::mpsc::sync_channel::<WriteJob>(256);
        std::thread::Builder::new()
            .name("brief-store-writer".into())
            .spawn(move || write_loop(store, jobs))
            .expect("spawn the store writer");
        Ok(AppState(Arc::new(Inner {
            path: path.to_path_buf(),
            pipeline: Pipeline::default(),
            writer,
            readers: Mutex::new(Vec::new()),
            work: Semaphore::new(max_pending_work),
            token,
        })))
    }

    /// The pipeline.
    pub fn pipeline(&self) -> &Pipeline {
        &self.0.pipeline
    }

    /// The bearer token writes need, if any.
    pub fn token(&self) -> Option<&str> {
        self.0.token.as_deref()
    }

    /// Runs CPU-heavy `f` on the blocking pool, or answers 429 when too much such
    /// work is already waiting.
    pub async fn compute<R: Send + 'static>(
        &self,
        f: impl FnOnce(&AppState) -> R + Send + 'static,
    ) -> Result<R, ApiError> {
        let _permit = self.0.work.try_acquire().map_err(|_| {
            ApiError::new(
                axum::http::StatusCode::TOO_MANY_REQUESTS,
                "too many requests are being worked on; retry shortly",
            )
        })?;
        let state = self.clone();
        tokio::task::spawn_blocking(move || f(&state))
            .await
            .map_err(ApiError::internal)
    }

    /// Runs `f` with a read connection on the blocking pool.
    pub async fn read<R: Send + 'static>(
        &self,
        f: impl FnOnce(&Store, &AppState) -> Result<R, ApiError> + Send + 'static,
    ) -> Result<R, ApiError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let reader = state.0.readers.lock().ok().and_then(|mut r| r.pop());
            let reader = match reader {
                Some(r) => r,
                None => Store::open_reader(&state.0.path).map_err(ApiError::internal)?,
            };
            let result = f(&reader, &state);
            if let Ok(mut idle) = state.0.readers.lock() {
                if idle.len() < MAX_IDLE_READERS {
                    idle.push(reader);
                }
            }
            result
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Stores articles (profiled already); answers once they are committed.
    pub async fn ingest(
        &self,
        articles: Vec<(Article, Profile)>,
    ) -> Result<Vec<Ingested>, ApiError> {
        let (reply, answer) = oneshot::channel();
        let job = WriteJob { articles, reply };
        let writer = self.0.writer.clone();
        tokio::task::spawn_blocking(move || writer.send(job))
            .await
            .map_err(ApiError::internal)?
            .map_err(|_| {
                ApiError::new(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    "the store is closed",
                )
            })?;
        answer
            .await
            .map_err(|_| {
                ApiError::new(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    "the store writer stopped",
                )
            })?
            .map_err(ApiError::internal)
    }
}

/// The writer: takes every waiting job into one transaction, commits, then
/// answers each. An answer is only ever sent after its articles are committed.
fn write_loop(mut store: Store, jobs: std::sync::mpsc::Receiver<WriteJob>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH_JOBS {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let outcome = (|| -> Result<Vec<Vec<Ingested>>, StoreError> {
            let mut session = store.ingest(ClusterConfig::default())?;
            let mut results = Vec::with_capacity(batch.len());
            for job in &mut batch {
                let articles = std::mem::take(&mut job.articles);
                let mut one = Vec::with_capacity(articles.len());
                for (article, profile) in articles {
                    one.push(session.add(&article, |_| profile)?);
                }
                results.push(one);
            }
            session.finish()?;
            Ok(results)
        })();
        match outcome {
            Ok(results) => {
                for (job, result) in batch.into_iter().zip(results) {
                    let _ = job.reply.send(Ok(result));
                }
            }
            Err(e) => {
                for job in batch {
                    let _ = job.reply.send(Err(e.to_string()));
                }
            }
        }
    }
}
