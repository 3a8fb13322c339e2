//! The JSON API (see `openapi.json` beside this crate's sources).

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use brief::read::{read_document, read_jsonl, Format, ReadError};
use brief::store::{Ingested, SearchQuery, StoryFilter};
use brief::{dates, Article, Since, StoryError};
use brief_render::{self as render, wire};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::state::AppState;

/// `?format=` of the brief endpoints.
#[derive(Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum BriefFormat {
    /// The JSON contract (default).
    #[default]
    Json,
    /// Seed-shaped Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
}

#[derive(Deserialize, Default)]
pub struct FormatQuery {
    #[serde(default)]
    format: BriefFormat,
}

/// `GET /healthz`.
pub async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI).into_response()
}

#[derive(Deserialize)]
struct BriefRequest {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

fn read_error(e: ReadError) -> ApiError {
    ApiError::unprocessable(e.to_string())
}

/// The article a brief request carries: text, HTML, or JSON naming either.
pub fn article_from_request(headers: &HeaderMap, body: &[u8]) -> Result<Article, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::unprocessable(
            "the request body is empty: send an article",
        ));
    }
    match content_type(headers).as_str() {
        "application/json" => {
            let request: BriefRequest = serde_json::from_slice(body)
                .map_err(|e| ApiError::bad_request(format!("invalid JSON: {e}")))?;
            let id = request.id.unwrap_or_else(|| "request".to_string());
            let mut article = match (request.text, request.html) {
                (Some(text), None) => read_document(&id, text.as_bytes(), Format::Text),
                (None, Some(html)) => read_document(&id, html.as_bytes(), Format::Html),
                (Some(_), Some(_)) => {
                    return Err(ApiError::unprocessable("give `text` or `html`, not both"))
                }
                (None, None) => {
                    return Err(ApiError::unprocessable(
                        "the JSON needs a `text` or an `html` field",
                    ))
                }
            }
            .map_err(read_error)?;
            article.title = request.title.or(article.title);
            article.url = request.url.or(article.url);
            article.outlet = request.outlet.or(article.outlet);
            article.published = request.published.or(article.published);
            Ok(article)
        }
        "text/plain" | "" => read_document("request", body, Format::Text).map_err(read_error),
        "text/html" | "application/xhtml+xml" => {
            read_document("request", body, Format::Html).map_err(read_error)
        }
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("content type {other:?}: send text/plain, text/html or application/json"),
        )),
    }
}

/// Renders a brief in the asked format.
pub fn brief_response(
    brief: &brief::Brief,
    lead: &Article,
    articles: &[&Article],
    format: BriefFormat,
) -> Response {
    match format {
        BriefFormat::Json => {
            Json(serde_json::to_value(wire::WireBrief::new(brief, lead)).unwrap_or(Value::Null))
                .into_response()
        }
        BriefFormat::Md => (
            [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
            render::markdown(brief),
        )
            .into_response(),
        BriefFormat::Html => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            render::html(brief, articles),
        )
            .into_response(),
    }
}

/// `POST /api/brief`.
pub async fn brief(
    State(state): State<AppState>,
    Query(query): Query<FormatQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let article = article_from_request(&headers, &body)?;
    let (article, brief) = state
        .compute(move |s| {
            let brief = s.pipeline().brief(&article);
            (article, brief)
        })
        .await?;
    let brief = brief.map_err(|e| ApiError::unprocessable(e.to_string()))?;
    Ok(brief_response(&brief, &article, &[&article], query.format))
}

/// Checks `Authorization: Bearer` when the server has a token.
pub fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = state.token() else {
        return Ok(());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    // Compared in constant time: the token is a secret.
    let ok = given.is_some_and(|g| {
        g.len() == token.len()
            && g.bytes()
                .zip(token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    });
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "writes need `Authorization: Bearer <token>`",
        ))
    }
}

/// `POST /api/articles`: one JSON article or JSONL, one per line.
pub async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    match content_type(&headers).as_str() {
        "application/json"
        | "application/x-ndjson"
        | "application/jsonl"
        | "application/x-jsonlines"
        | "text/plain"
        | "" => {}
        other => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                "content type {other:?}: send JSON lines (application/x-ndjson) or one JSON object"
            ),
            ))
        }
    }
    let records = read_jsonl("request", &body);
    if records.is_empty() {
        return Err(ApiError::unprocessable("no articles in the request body"));
    }
    let mut rejected = Vec::new();
    let mut articles = Vec::new();
    for (line, record) in records.into_iter().enumerate() {
        match record {
            Ok(mut article) => {
                if article.id.is_empty() || article.id == "request" {
                    article.id.clear();
                }
                articles.push(article);
            }
            Err(e) => rejected.push(json!({"line": line + 1, "error": e.to_string()})),
        }
    }
    if articles.is_empty() {
        return Err(ApiError::unprocessable(format!(
            "no usable article: {}",
            rejected.len()
        )));
    }
    let profiled = state
        .compute(move |s| {
            articles
                .into_iter()
                .map(|a| {
                    let p = s.pipeline().profile(&a);
                    (a, p)
                })
                .collect::<Vec<_>>()
        })
        .await?;
    let outcomes = state.ingest(profiled).await?;
    let (mut new, mut duplicate, mut near) = (0, 0, 0);
    let listed: Vec<Value> = outcomes
        .iter()
        .map(|o| match o {
            Ingested::New { id, story, .. } => {
                new += 1;
                json!({"id": id, "story": story.to_string(), "status": "new"})
            }
            Ingested::NearDuplicate { id, story, of } => {
                near += 1;
                json!({"id": id, "story": story.to_string(), "status": "near_duplicate", "of": of})
            }
            Ingested::Duplicate { existing } => {
                duplicate += 1;
                json!({"id": existing, "status": "duplicate"})
            }
        })
        .collect();
    Ok(Json(json!({
        "new": new, "duplicate": duplicate, "near_duplicate": near,
        "rejected": rejected, "articles": listed,
    })))
}

#[derive(Deserialize)]
pub struct StoriesQuery {
    since: Option<String>,
    q: Option<String>,
    limit: Option<usize>,
}

fn day(flag: &str, value: &str) -> Result<i32, ApiError> {
    dates::day_number(value).ok_or_else(|| {
        ApiError::bad_request(format!("{flag}={value:?}: expected a date like 2024-03-01"))
    })
}

/// The stories, newest first, as the CLI lists them.
pub fn list_stories(
    store: &brief::store::Store,
    since: Option<i32>,
    query: Option<String>,
    limit: usize,
) -> Result<Vec<Value>, ApiError> {
    let filter = StoryFilter {
        since_day: since,
        query: query.filter(|q| !q.trim().is_empty()),
        limit: Some(limit),
    };
    let stories = store.stories(&filter).map_err(|e| match e {
        brief::store::StoreError::BadQuery(m) => ApiError::bad_request(m),
        e => ApiError::internal(e),
    })?;
    Ok(stories.iter().map(wire::story_line).collect())
}

/// `GET /api/stories`.
pub async fn stories(
    State(state): State<AppState>,
    Query(query): Query<StoriesQuery>,
) -> Result<Json<Value>, ApiError> {
    let since = query
        .since
        .as_deref()
        .map(|s| day("since", s))
        .transpose()?;
    let limit = query.limit.unwrap_or(100).min(1000);
    let list = state
        .read(move |store, _| list_stories(store, since, query.q, limit))
        .await?;
    Ok(Json(Value::Array(list)))
}

#[derive(Deserialize)]
pub struct StoryQuery {
    since: Option<String>,
    #[serde(default)]
    format: BriefFormat,
}

/// A story's brief (or its update) from the store.
pub fn story_brief(
    store: &brief::store::Store,
    state: &AppState,
    id: u64,
    since: Option<&str>,
) -> Result<brief::StoryBrief, ApiError> {
    let since = since
        .map(|s| {
            Since::parse(s).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "since={s:?}: expected `last` or a date like 2024-03-01"
                ))
            })
        })
        .transpose()?;
    state
        .pipeline()
        .brief_stored_story(store, id, since.as_ref(), true)
        .map_err(|e| match e {
            StoryError::NotFound(_) => ApiError::not_found(e.to_string()),
            StoryError::NoEarlierBrief(_) => ApiError::unprocessable(e.to_string()),
            StoryError::Brief(b) => ApiError::unprocessable(b.to_string()),
            e => ApiError::internal(e),
        })
}

/// `GET /api/stories/{id}`.
pub async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<StoryQuery>,
) -> Result<Response, ApiError> {
    let id: u64 = id
        .parse()
        .map_err(|_| ApiError::not_found(format!("no story {id:?}")))?;
    let format = query.format;
    let story = state
        .read(move |store, s| story_brief(store, s, id, query.since.as_deref()))
        .await?;
    let refs: Vec<&Article> = story.articles.iter().collect();
    Ok(brief_response(&story.brief, story.lead(), &refs, format))
}

#[derive(Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    entity: Option<String>,
    limit: Option<usize>,
}

/// Runs a search; hits as JSON values.
pub fn search_store(
    store: &brief::store::Store,
    params: &SearchParams,
) -> Result<Vec<Value>, ApiError> {
    let text = params
        .q
        .clone()
        .filter(|q| !q.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request("give a query: ?q=words"))?;
    let query = SearchQuery {
        text,
        outlet: params.outlet.clone().filter(|o| !o.is_empty()),
        since_day: params
            .since
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| day("since", s))
            .transpose()?,
        until_day: params
            .until
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| day("until", s))
            .transpose()?,
        entity: params.entity.clone().filter(|e| !e.is_empty()),
        limit: params.limit.unwrap_or(20).min(200),
    };
    let hits = store.search(&query).map_err(|e| match e {
        brief::store::StoreError::BadQuery(m) => ApiError::bad_request(m),
        e => ApiError::internal(e),
    })?;
    Ok(hits.iter().map(wire::search_hit).collect())
}

impl SearchParams {
    /// The query text, if any.
    pub fn q(&self) -> Option<&str> {
        self.q.as_deref()
    }
}

/// `GET /api/search`.
pub async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> Result<Json<Value>, ApiError> {
    let hits = state
        .read(move |store, _| search_store(store, &params))
        .await?;
    Ok(Json(Value::Array(hits)))
}
