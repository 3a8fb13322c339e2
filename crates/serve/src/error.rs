//! API errors: JSON `{error, detail}` with the right status, never a stack trace.

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error answered to an API client.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, for people.
    pub detail: String,
}

impl ApiError {
    /// An error with a status and a message.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            detail: detail.into(),
        }
    }
    /// 400: the request cannot be understood.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, detail)
    }
    /// 422: understood, but the content cannot be used.
    pub fn unprocessable(detail: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, detail)
    }
    /// 404.
    pub fn not_found(detail: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, detail)
    }
    /// 500, with the cause logged and not shown.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        eprintln!("brief serve: internal error: {cause}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error; see the server log",
        )
    }
}

/// The short name of a status ("payload_too_large").
fn code(status: StatusCode) -> String {
    status
        .canonical_reason()
        .unwrap_or("error")
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
}

fn json_error(status: StatusCode, detail: &str) -> Response {
    let body = json!({"error": code(status), "detail": detail}).to_string();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_error(self.status, &self.detail)
    }
}

/// Longest plain-text error body carried into `detail`.
const MAX_DETAIL: usize = 2048;

/// Turns any error response under `/api` that is not JSON already (axum's own
/// 413, 415, 404, 405 …) into `{error, detail}`.
pub async fn json_errors(request: Request<Body>, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let body = to_bytes(response.into_body(), MAX_DETAIL * 4)
        .await
        .unwrap_or_default();
    let mut detail: String = String::from_utf8_lossy(&body)
        .chars()
        .take(MAX_DETAIL)
        .collect();
    if detail.trim().is_empty() {
        detail = status.canonical_reason().unwrap_or("error").to_string();
    }
    json_error(status, detail.trim())
}
