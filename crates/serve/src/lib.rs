//! brief over HTTP: a JSON API (briefs, ingest, stories, search) and web pages
//! people can read, on the store and the pipeline.
//!
//! [`router`] builds the axum application; [`run`] binds, serves and shuts down
//! gracefully. Requests are bounded: a body size limit (413), a per-request
//! timeout (503), a cap on requests in flight past which the server sheds load
//! (503), and a cap on CPU-heavy work waiting (429). Writes go through one writer
//! thread that commits before it answers, so an acknowledged article is stored.
//! When a token is set, every write needs `Authorization: Bearer <token>`.
//!
//! It is *not* where briefs are made or stored (`brief`, `brief-store`) nor how
//! they are rendered (`brief-render`); it serves no file from disk.

mod api;
mod error;
mod pages;
mod state;
mod svg;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{middleware, BoxError, Router};
use sha2::Digest;
use tokio::sync::Semaphore;
use tower::ServiceBuilder;

pub use error::ApiError;
pub use state::AppState;

/// The API description, checked against the routes by a test and served at
/// `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Every route: method and path (axum syntax), as the router and the OpenAPI
/// test both read it.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/api/openapi.json"),
    ("POST", "/api/brief"),
    ("POST", "/api/articles"),
    ("GET", "/api/stories"),
    ("GET", "/api/stories/{id}"),
    ("GET", "/api/search"),
    ("GET", "/"),
    ("GET", "/search"),
    ("GET", "/stories/{id}"),
    ("POST", "/brief"),
];

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store file.
    pub store: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// The bearer token writes need; required when `addr` is not loopback.
    pub token: Option<String>,
    /// Largest request body.
    pub max_body: usize,
    /// Longest a request may take.
    pub timeout: Duration,
    /// Requests in flight past which new ones are refused (503).
    pub max_in_flight: usize,
    /// CPU-heavy requests waiting or running past which new ones are refused (429).
    pub max_pending_work: usize,
}

impl Config {
    /// Defaults for a store and an address.
    pub fn new(store: PathBuf, addr: SocketAddr) -> Self {
        Config {
            store,
            addr,
            token: None,
            max_body: 8 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            max_in_flight: 1024,
            max_pending_work: 256,
        }
    }
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// Listening beyond this machine without a token.
    #[error("{0} is reachable from other machines: set a token (--token or BRIEF_TOKEN) so writes are authorised")]
    TokenRequired(SocketAddr),
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] brief::store::StoreError),
    /// The address could not be bound, or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

async fn timed_out(error: BoxError) -> axum::response::Response {
    if error.is::<tower::timeout::error::Elapsed>() {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the request took too long").into_response()
    } else {
        ApiError::internal(error).into_response()
    }
}

/// Past `max_in_flight` requests, a new one is refused (503) at once, but only
/// after its body is read and dropped: closing a connection with unread bytes
/// makes the kernel reset it, and the client then loses the refusal it was
/// about to read (a transport error instead of a 503 it could retry on).
async fn shed_past_capacity(
    request: axum::extract::Request,
    next: middleware::Next,
    in_flight: Arc<Semaphore>,
    max_body: usize,
) -> axum::response::Response {
    match in_flight.try_acquire_owned() {
        Ok(_permit) => next.run(request).await,
        Err(_) => {
            let _ = tokio::time::timeout(DRAIN_TIME, discard(request.into_body(), max_body)).await;
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the server is at capacity; retry shortly",
            )
            .into_response()
        }
    }
}

/// Reads and drops a body as it arrives, up to `limit` bytes: a refused request costs
/// no more memory than one frame, however large its body.
async fn discard(mut body: axum::body::Body, limit: usize) {
    use http_body_util::BodyExt;
    let mut seen = 0usize;
    while let Some(Ok(frame)) = body.frame().await {
        seen += frame.data_ref().map_or(0, |data| data.len());
        if seen > limit {
            break;
        }
    }
}

/// How long a refused request's body may take to arrive before the connection is
/// closed on it anyway.
const DRAIN_TIME: Duration = Duration::from_secs(5);

/// The Content-Security-Policy: nothing loads from elsewhere, and the only
/// scripts that run are the server's own two, named by their SHA-256; an article
/// that smuggled a script into a page could not run it.
fn content_security_policy() -> &'static HeaderValue {
    static POLICY: std::sync::OnceLock<HeaderValue> = std::sync::OnceLock::new();
    POLICY.get_or_init(|| {
        let hashes: Vec<String> = [brief_render::PAGE_SCRIPT, pages::FILTER_JS]
            .iter()
            .map(|script| {
                format!(
                    "'sha256-{}'",
                    base64(&sha2::Sha256::digest(script.as_bytes()))
                )
            })
            .collect();
        HeaderValue::from_str(&format!(
            "default-src 'none'; style-src 'unsafe-inline'; script-src {}; img-src data:; \
             form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            hashes.join(" ")
        ))
        .expect("the policy is ASCII")
    })
}

/// Standard base64 with padding (for CSP hashes).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Security headers on every response.
async fn security_headers(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        content_security_policy().clone(),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// A body whose announced length is past the limit is refused at once, before a
/// byte of it is read (the body limit alone would read up to the limit first).
async fn refuse_announced_oversize(
    request: axum::extract::Request,
    next: middleware::Next,
    max_body: usize,
) -> axum::response::Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > max_body as u64) {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is over the {max_body}-byte limit"),
        )
        .into_response();
    }
    next.run(request).await
}

/// The application.
pub fn router(state: AppState, config: &Config) -> Router {
    let max_body = config.max_body;
    let in_flight = Arc::new(Semaphore::new(config.max_in_flight));
    let api = Router::new()
        .route("/openapi.json", get(api::openapi))
        .route("/brief", post(api::brief))
        .route("/articles", post(api::ingest))
        .route("/stories", get(api::stories))
        .route("/stories/{id}", get(api::story))
        .route("/search", get(api::search))
        .fallback(|| async { ApiError::not_found("no such endpoint") })
        .layer(middleware::from_fn(error::json_errors));
    let pages = Router::new()
        .route("/", get(pages::index))
        .route("/search", get(pages::search))
        .route("/stories/{id}", get(pages::story))
        .route("/brief", post(pages::brief_form));
    Router::new()
        .route("/healthz", get(api::healthz))
        .nest("/api", api)
        .merge(pages)
        .layer(DefaultBodyLimit::max(config.max_body))
        .layer(middleware::from_fn(
            move |request: axum::extract::Request, next: middleware::Next| {
                refuse_announced_oversize(request, next, max_body)
            },
        ))
        .layer(middleware::from_fn(security_headers))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(timed_out))
                .timeout(config.timeout),
        )
        .layer(middleware::from_fn(
            move |request: axum::extract::Request, next: middleware::Next| {
                shed_past_capacity(request, next, in_flight.clone(), max_body)
            },
        ))
        .with_state(state)
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
pub async fn run(
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    if !config.addr.ip().is_loopback() && config.token.is_none() {
        return Err(ServeError::TokenRequired(config.addr));
    }
    let listener = bind(config.addr)?;
    eprintln!(
        "brief serve: listening on http://{}",
        listener.local_addr()?
    );
    serve_on(listener, config, shutdown).await
}

/// Connections the kernel holds for the server before it accepts them. The
/// default here (128) overflows when a few hundred clients connect at once while
/// the server is busy, and an overflowed connection is reset instead of answered.
const LISTEN_BACKLOG: u32 = 4096;

/// A listener on `addr` with room for [`LISTEN_BACKLOG`] connections waiting to
/// be accepted.
pub fn bind(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// [`run`] on a listener already bound (tests bind port 0).
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let state = AppState::open(&config.store, config.token.clone(), config.max_pending_work)?;
    let app = router(state, &config);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(super::base64(&[0xfb, 0xff]), "+/8=");
    }
}
