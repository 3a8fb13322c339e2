//! Web pages for people: the story list with search and a form to brief an
//! article, search results, and each story's brief with its charts. Plain HTML
//! with two small embedded scripts; every text from articles is escaped.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use brief::read::{read_document, Format};
use brief::Article;
use brief_render::{escape, html_page, PageParts};
use serde::Deserialize;
use serde_json::Value;

use crate::api::{list_stories, search_store, story_brief, SearchParams};
use crate::error::ApiError;
use crate::state::AppState;
use crate::svg;

/// The site's extra CSS.
pub const SITE_CSS: &str = include_str!("assets/site.css");
/// The entity filter script (Who Said What by name).
pub const FILTER_JS: &str = include_str!("assets/filter.js");

fn nav(query: &str) -> String {
    format!(
        "<nav><a href=\"/\">brief</a><form action=\"/search\" method=\"get\" role=\"search\">\
<input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"Search articles\" aria-label=\"Search articles\">\
<button type=\"submit\">Search</button></form></nav>",
        escape(query)
    )
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title>\
<style>body{{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}}{SITE_CSS}</style></head>\
<body>{}{body}</body></html>\n",
        escape(title),
        nav("")
    ))
}

/// An error as a page.
pub struct PageError(pub ApiError);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status;
        let mut response = page(
            "brief: error",
            &format!(
                "<h1>{}</h1><p class=\"error\">{}</p>",
                status.as_u16(),
                escape(&self.0.detail)
            ),
        )
        .into_response();
        *response.status_mut() = status;
        response
    }
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        PageError(e)
    }
}

fn story_items(stories: &[Value]) -> String {
    let mut out = String::from("<ul class=\"stories\">");
    for s in stories {
        let articles = s["articles"].as_array().map_or(0, Vec::len);
        let outlets: Vec<&str> = s["outlets"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let span = match (s["first"].as_str(), s["last"].as_str()) {
            (Some(f), Some(l)) if f != l => format!(" · {f} – {l}"),
            (Some(f), _) => format!(" · {f}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "<li><a href=\"/stories/{}\">{}</a><br><small>{articles} article{}{}{}</small></li>",
            escape(s["id"].as_str().unwrap_or("")),
            escape(s["title"].as_str().unwrap_or("")),
            if articles == 1 { "" } else { "s" },
            if outlets.is_empty() {
                String::new()
            } else {
                format!(" · {}", escape(&outlets.join(", ")))
            },
            escape(&span),
        ));
    }
    out.push_str("</ul>");
    out
}

const PASTE_FORM: &str = "<h2>Brief an article</h2>\
<form action=\"/brief\" method=\"post\" enctype=\"multipart/form-data\">\
<p><label for=\"text\">Paste an article</label><br><textarea id=\"text\" name=\"text\"></textarea></p>\
<p><label for=\"file\">or upload an HTML or text file</label> <input id=\"file\" type=\"file\" name=\"file\" accept=\".html,.htm,.txt,text/html,text/plain\"></p>\
<p><button type=\"submit\">Write the brief</button></p></form>";

/// `GET /`: the newest stories, search, and the paste form.
pub async fn index(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let stories = state
        .read(|store, _| list_stories(store, None, None, 50))
        .await?;
    let list = if stories.is_empty() {
        "<p>No stories yet: add articles with <code>brief ingest</code> or <code>POST /api/articles</code>.</p>".to_string()
    } else {
        story_items(&stories)
    };
    Ok(page(
        "brief: stories",
        &format!("<h1>Stories</h1>{list}{PASTE_FORM}"),
    ))
}

/// `GET /search?q=`.
pub async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> Result<Html<String>, PageError> {
    let query = params.q().unwrap_or("").to_string();
    let hits = state
        .read(move |store, _| search_store(store, &params))
        .await?;
    let mut body = format!("<h1>Search: {}</h1>", escape(&query));
    if hits.is_empty() {
        body.push_str("<p>Nothing found.</p>");
    }
    for h in &hits {
        body.push_str(&format!(
            "<div class=\"hit\"><a href=\"/stories/{}\">{}</a><br><small>{}{}</small><br>{}</div>",
            escape(h["story"].as_str().unwrap_or("")),
            escape(
                h["title"]
                    .as_str()
                    .unwrap_or(h["id"].as_str().unwrap_or(""))
            ),
            escape(h["outlet"].as_str().unwrap_or("")),
            h["published"]
                .as_str()
                .map_or(String::new(), |p| format!(" · {}", escape(p))),
            // The snippet's match markers become <mark>, everything else stays text.
            escape(h["snippet"].as_str().unwrap_or(""))
                .replace('[', "<mark>")
                .replace(']', "</mark>"),
        ));
    }
    Ok(page(&format!("brief: {query}"), &body))
}

#[derive(Deserialize)]
pub struct StoryPageQuery {
    since: Option<String>,
}

fn entity_buttons(brief: &brief::Brief, lead: &Article) -> String {
    let mut names: Vec<String> = brief
        .entities
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                brief::EntityKind::Person | brief::EntityKind::Organization
            )
        })
        .map(|e| lead.slice(e.canonical).to_string())
        .collect();
    names.dedup();
    names.truncate(12);
    if names.is_empty() {
        return String::new();
    }
    let mut out = String::from("<p><small>Show statements by:</small> ");
    for n in names {
        out.push_str(&format!(
            "<button class=\"entity\" type=\"button\" data-name=\"{}\">{}</button>",
            escape(&n),
            escape(&n)
        ));
    }
    out.push_str("</p>");
    out
}

/// `GET /stories/{id}`: the story's brief, charts, and the update view.
pub async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<StoryPageQuery>,
) -> Result<Response, PageError> {
    let id: u64 = id
        .parse()
        .map_err(|_| ApiError::not_found(format!("no story {id:?}")))?;
    let since = query.since.clone();
    let story = state
        .read(move |store, s| story_brief(store, s, id, since.as_deref()))
        .await?;
    let refs: Vec<&Article> = story.articles.iter().collect();
    let own: Vec<&Article> = refs
        .iter()
        .copied()
        .filter(|a| {
            !story.brief.sections.iter().any(|s| {
                s.heading == brief::EARLIER_COVERAGE_HEADING
                    && s.sentences
                        .iter()
                        .any(|x| x.sources.iter().any(|p| p.article == a.id))
            })
        })
        .collect();
    let update_link = match &query.since {
        Some(_) => format!("<p><a href=\"/stories/{id}\">The whole story</a></p>"),
        None => format!(
            "<form action=\"/stories/{id}\" method=\"get\"><small>What is new since</small> \
<input type=\"text\" name=\"since\" placeholder=\"2024-03-01 or last\" aria-label=\"since date\" style=\"max-width:12rem\"> <button type=\"submit\">Show</button></form>"
        ),
    };
    let charts = format!(
        "{}{}{}",
        entity_buttons(&story.brief, story.lead()),
        section_chart("How the story unfolded", &svg::timeline(&story.brief, &own)),
        section_chart(
            "Who carries each takeaway",
            &svg::coverage(&story.brief, &own)
        ),
    );
    let html = html_page(
        &story.brief,
        &refs,
        &PageParts {
            style: SITE_CSS,
            before: &format!("{}{update_link}", nav("")),
            after_takeaways: &charts,
            after: "",
            script: FILTER_JS,
        },
    );
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}

fn section_chart(title: &str, svg: &str) -> String {
    if svg.is_empty() {
        String::new()
    } else {
        format!(
            "<figure><figcaption><small>{}</small></figcaption>{svg}</figure>",
            escape(title)
        )
    }
}

/// `POST /brief`: the form's article (pasted text or an uploaded file), briefed.
pub async fn brief_form(
    State(state): State<AppState>,
    mut form: Multipart,
) -> Result<Response, PageError> {
    let mut text = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| ApiError::bad_request(format!("bad form: {e}")))?
    {
        match field.name() {
            Some("text") => {
                text = field
                    .text()
                    .await
                    .map_err(|e| ApiError::bad_request(e.to_string()))?
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| ApiError::bad_request(e.to_string()))?;
                if !bytes.is_empty() {
                    file = Some((name, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    let article = match file {
        Some((name, bytes)) => {
            let format = Format::detect(Some(&name), &bytes);
            let format = if matches!(format, Format::Html | Format::Text) {
                format
            } else {
                Format::Text
            };
            read_document(&name, &bytes, format)
        }
        None if !text.trim().is_empty() => read_document(
            "pasted",
            text.as_bytes(),
            Format::detect(None, text.as_bytes()),
        ),
        None => return Err(ApiError::unprocessable("paste an article or choose a file").into()),
    }
    .map_err(|e| ApiError::unprocessable(e.to_string()))?;
    let (article, brief) = state
        .compute(move |s| {
            let b = s.pipeline().brief(&article);
            (article, b)
        })
        .await?;
    let brief = brief.map_err(|e| ApiError::unprocessable(e.to_string()))?;
    let html = html_page(
        &brief,
        &[&article],
        &PageParts {
            style: SITE_CSS,
            before: &nav(""),
            after_takeaways: &entity_buttons(&brief, &article),
            after: "",
            script: FILTER_JS,
        },
    );
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    *response.status_mut() = StatusCode::OK;
    Ok(response)
}
