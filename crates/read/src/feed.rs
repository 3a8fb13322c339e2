//! RSS 0.9x/1.0/2.0, Atom and JSON Feed files: one article per entry.
//!
//! Parsing is feed-rs's; an entry's article is its content (else its summary),
//! an HTML fragment read like a page, with the entry's title, link, date and
//! authors as metadata and the feed's title as the outlet.

use brief_core::Article;

use crate::{check_size, html, ReadError};

/// Every entry of a feed, each read on its own: an entry without text is an
/// error for that entry only. A feed that cannot be parsed is one error.
pub fn read_feed(origin: &str, bytes: &[u8]) -> Vec<Result<Article, ReadError>> {
    if let Err(e) = check_size(origin, bytes) {
        return vec![Err(e)];
    }
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(ReadError::Feed {
                origin: origin.to_string(),
                reason: e.to_string(),
            })]
        }
    };
    let outlet = feed
        .title
        .map(|t| one_line(&t.content))
        .filter(|t| !t.is_empty());
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let name = format!("{origin}#{}", i + 1);
            let body = entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.map(|s| s.content))
                .unwrap_or_default();
            // Entries hold fragments (or plain text): give the extractor a page.
            let page = format!("<html><body><article>{body}</article></body></html>");
            let mut article = html::extract(&page);
            if article.text.trim().is_empty() {
                return Err(ReadError::NoArticle { origin: name });
            }
            let title = entry
                .title
                .map(|t| one_line(&t.content))
                .filter(|t| !t.is_empty());
            article.id = if entry.id.trim().is_empty() {
                name
            } else {
                entry.id
            };
            article.title = title.or(article.title);
            article.url = entry.links.first().map(|l| l.href.clone()).or(article.url);
            article.published = entry
                .published
                .or(entry.updated)
                .map(|d| d.to_rfc3339())
                .or(article.published);
            let authors: Vec<String> = entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(one_line))
                .filter(|n| !n.is_empty())
                .collect();
            if !authors.is_empty() {
                article.byline = Some(authors.join(", "));
            }
            article.outlet = outlet.clone().or(article.outlet);
            Ok(article)
        })
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
