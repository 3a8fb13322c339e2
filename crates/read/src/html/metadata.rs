//! Page metadata: headline, byline, publication date, outlet and canonical URL,
//! from `<meta>` tags, JSON-LD, `<link>` tags and marked-up elements.
//!
//! Each field takes the first source that has it, in an order from the most to
//! the least deliberate (publisher metadata before markup guesses). Nothing is
//! invented: a field no source gives stays `None`.

use serde_json::Value;

use super::dom::{Dom, Kept, NONE};
use super::tokenizer::Tag;

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// Fields found in JSON-LD article objects.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    site_name: Option<String>,
}

/// Collapses whitespace and trims; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

fn meta<'a>(dom: &'a Dom, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        dom.metas
            .iter()
            .find(|(name, content)| name == k && !content.trim().is_empty())
            .map(|(_, c)| c.as_str())
    })
}

/// Reads the metadata of a parsed page.
pub(crate) fn read(dom: &Dom) -> Metadata {
    let ld = json_ld(dom);
    let outlet = meta(dom, &["og:site_name"])
        .and_then(clean)
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.site_name.clone())
        .or_else(|| meta(dom, &["application-name", "al:android:app_name"]).and_then(clean));
    let url = canonical_url(dom).or_else(|| ld.url.clone());
    let title = title(dom, &ld, outlet.as_deref());
    let byline = byline(dom, &ld);
    let published = meta(
        dom,
        &[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "parsely-pub-date",
            "sailthru.date",
            "publish-date",
            "pubdate",
            "publishdate",
            "dc.date.issued",
            "dc.date",
            "dcterms.created",
            "date",
        ],
    )
    .and_then(clean)
    .or_else(|| ld.published.clone())
    .or_else(|| markup_date(dom));
    Metadata {
        title,
        byline,
        published,
        outlet,
        url,
    }
}

fn canonical_url(dom: &Dom) -> Option<String> {
    let absolute = |s: &str| s.starts_with("http://") || s.starts_with("https://");
    let canonical = dom
        .links
        .iter()
        .find(|(rel, href)| rel.split_whitespace().any(|r| r == "canonical") && !href.is_empty())
        .map(|(_, h)| h.clone());
    let og = meta(dom, &["og:url"]).and_then(clean);
    match (canonical, og) {
        (Some(c), _) if absolute(&c) => Some(c),
        (_, Some(o)) if absolute(&o) => Some(o),
        (Some(c), _) => Some(c),
        (None, o) => o,
    }
}

/// Separators between a headline and the site name in `<title>` and og:title.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];

/// `title` without a leading or trailing part that names the outlet.
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else {
        return title.to_string();
    };
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let site = norm(outlet);
    if site.is_empty() {
        return title.to_string();
    }
    let matches_site = |part: &str| {
        let p = norm(part);
        !p.is_empty() && (p == site || p.starts_with(&site) || site.starts_with(&p))
    };
    for sep in TITLE_SEPARATORS {
        // A site name with a separator of its own ("My Daily Magazine - Art, Design") is
        // found whole.
        let whole = (
            title
                .strip_suffix(outlet)
                .and_then(|head| head.strip_suffix(sep)),
            title
                .strip_prefix(outlet)
                .and_then(|tail| tail.strip_prefix(sep)),
        );
        if let (Some(part), _) | (None, Some(part)) = whole {
            if !part.trim().is_empty() {
                return part.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if matches_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if matches_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn title(dom: &Dom, ld: &JsonLd, outlet: Option<&str>) -> Option<String> {
    if let Some(found) = meta(dom, &["og:title", "twitter:title"])
        .and_then(clean)
        .or_else(|| ld.headline.clone())
    {
        return clean(&strip_site(&found, outlet));
    }
    // An h1 is the headline when the <title> agrees with it (else it may be a
    // logo or section name); without a <title>, it is all there is.
    let h1 = first_h1(dom);
    let page_title = dom.title.as_deref().and_then(clean);
    match (h1, page_title) {
        (Some(h), Some(t)) if t.to_lowercase().contains(&h.to_lowercase()) => Some(h),
        (_, Some(t)) => clean(&strip_site(&t, outlet)),
        (h, None) => h,
    }
}

fn first_h1(dom: &Dom) -> Option<String> {
    let id = dom
        .nodes
        .iter()
        .position(|n| n.tag == Some(Tag::H1) && !n.hidden)?;
    clean(&dom.raw_text(id as u32))
}

/// "By Jane Doe and John Roe" → "Jane Doe and John Roe".
fn strip_by(s: &str) -> Option<String> {
    let s = clean(s)?;
    let rest = match s.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") || p.eq_ignore_ascii_case("by:") => &s[3..],
        _ => &s[..],
    };
    clean(rest)
}

fn is_plain_name(s: &str) -> bool {
    !s.contains("://") && !s.starts_with('@') && s.chars().count() <= 100
}

fn byline(dom: &Dom, ld: &JsonLd) -> Option<String> {
    if let Some(m) = meta(
        dom,
        &[
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
        ],
    )
    .and_then(strip_by)
    .filter(|s| is_plain_name(s))
    {
        return Some(m);
    }
    let authors: Vec<String> = ld
        .authors
        .iter()
        .filter_map(|a| strip_by(a))
        .filter(|a| is_plain_name(a))
        .collect();
    if !authors.is_empty() {
        return Some(authors.join(", "));
    }
    markup_byline(dom)
}

/// An element marked as the author (itemprop, rel) or a short byline block.
fn markup_byline(dom: &Dom) -> Option<String> {
    for (id, kind, value) in &dom.kept {
        let v = value.to_ascii_lowercase();
        let marked = match kind {
            Kept::Itemprop => v
                .split_whitespace()
                .any(|w| w == "author" || w == "creator"),
            Kept::Rel => v.split_whitespace().any(|w| w == "author"),
            _ => false,
        };
        if !marked {
            continue;
        }
        // A nested itemprop=name holds just the name.
        let node = &dom.nodes[*id as usize];
        let name_el = (*id..node.end).find(|&d| {
            dom.kept_attr(d, Kept::Itemprop)
                .is_some_and(|p| p.eq_ignore_ascii_case("name"))
        });
        let text = match name_el {
            Some(n) => dom
                .kept_attr(n, Kept::Content)
                .map(str::to_string)
                .unwrap_or_else(|| dom.raw_text(n)),
            None => dom
                .kept_attr(*id, Kept::Content)
                .map(str::to_string)
                .unwrap_or_else(|| dom.raw_text(*id)),
        };
        if let Some(s) = strip_by(&text).filter(|s| is_plain_name(s) && s.len() < 80) {
            return Some(s);
        }
    }
    for (i, node) in dom.nodes.iter().enumerate() {
        if node.tag.is_none() || node.hidden {
            continue;
        }
        let hint = dom.hint_of(node);
        if !(hint.contains("byline") || hint.contains("author")) {
            continue;
        }
        let text = dom.raw_text(i as u32);
        if let Some(s) = strip_by(&text).filter(|s| s.chars().count() < 80 && is_plain_name(s)) {
            return Some(s);
        }
    }
    None
}

/// `<time datetime>` or an element marked `itemprop=datePublished`.
fn markup_date(dom: &Dom) -> Option<String> {
    for (id, kind, value) in &dom.kept {
        if *kind == Kept::Itemprop && value.eq_ignore_ascii_case("datepublished") {
            let found = dom
                .kept_attr(*id, Kept::Datetime)
                .or_else(|| dom.kept_attr(*id, Kept::Content))
                .and_then(clean)
                .or_else(|| clean(&dom.raw_text(*id)));
            if found.is_some() {
                return found;
            }
        }
    }
    dom.kept.iter().find_map(|(id, kind, value)| {
        (*kind == Kept::Datetime
            && *id != NONE
            && dom
                .nodes
                .get(*id as usize)
                .is_some_and(|n| n.tag == Some(Tag::Time)))
        .then(|| clean(value))
        .flatten()
    })
}

/// Whether a JSON-LD `@type` names an article.
fn is_article_type(v: &Value) -> bool {
    let is = |s: &str| {
        s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting"
    };
    match v {
        Value::String(s) => is(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(is)),
        _ => false,
    }
}

fn name_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Object(o) => o.get("name").map(name_of).unwrap_or_default(),
        Value::Array(a) => a.iter().flat_map(name_of).collect(),
        _ => Vec::new(),
    }
}

fn json_ld(dom: &Dom) -> JsonLd {
    let mut out = JsonLd::default();
    for raw in &dom.json_ld {
        let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 1000 {
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let ty = o.get("@type").unwrap_or(&Value::Null);
                    if ty.as_str() == Some("WebSite") && out.site_name.is_none() {
                        out.site_name = o.get("name").and_then(Value::as_str).and_then(clean);
                    }
                    if !is_article_type(ty) {
                        continue;
                    }
                    if out.headline.is_none() {
                        out.headline = o.get("headline").and_then(Value::as_str).and_then(clean);
                    }
                    if out.authors.is_empty() {
                        out.authors = o.get("author").map(name_of).unwrap_or_default();
                    }
                    if out.published.is_none() {
                        out.published = o
                            .get("datePublished")
                            .and_then(Value::as_str)
                            .and_then(clean);
                    }
                    if out.publisher.is_none() {
                        out.publisher = o
                            .get("publisher")
                            .map(name_of)
                            .and_then(|v| v.into_iter().next());
                    }
                    if out.url.is_none() {
                        out.url = o
                            .get("url")
                            .and_then(Value::as_str)
                            .filter(|u| u.starts_with("http"))
                            .and_then(clean);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::parse;

    #[test]
    fn meta_tags_first() {
        let dom = parse(
            r#"<head><title>Rain falls - Daily Planet</title>
            <meta property="og:site_name" content="Daily Planet">
            <meta name="author" content="By Lois Lane">
            <meta property="article:published_time" content="2024-05-01T10:00:00Z">
            <link rel="canonical" href="https://planet.example/rain"></head><body><h1>Rain falls today</h1>"#,
        );
        let m = read(&dom);
        assert_eq!(m.title.as_deref(), Some("Rain falls"));
        assert_eq!(m.byline.as_deref(), Some("Lois Lane"));
        assert_eq!(m.published.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(m.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(m.url.as_deref(), Some("https://planet.example/rain"));
    }

    #[test]
    fn a_site_name_with_a_separator_of_its_own_leaves_the_title() {
        let site = Some("My Daily Magazine - Art, Design, DIY");
        assert_eq!(
            strip_site(
                "Halloween Workouts - My Daily Magazine - Art, Design, DIY",
                site
            ),
            "Halloween Workouts"
        );
        assert_eq!(
            strip_site(
                "My Daily Magazine - Art, Design, DIY | Halloween Workouts",
                site
            ),
            "Halloween Workouts"
        );
        assert_eq!(
            strip_site("Rain - sun - Daily Planet", Some("Daily Planet")),
            "Rain - sun"
        );
    }

    #[test]
    fn json_ld_graph() {
        let dom = parse(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Hello","author":[{"name":"A B"},{"name":"C D"}],
            "datePublished":"2023-01-02","publisher":{"@type":"Organization","name":"Pub"}}]}</script>"#,
        );
        let m = read(&dom);
        assert_eq!(m.title.as_deref(), Some("Hello"));
        assert_eq!(m.byline.as_deref(), Some("A B, C D"));
        assert_eq!(m.published.as_deref(), Some("2023-01-02"));
        assert_eq!(m.outlet.as_deref(), Some("Pub"));
    }

    #[test]
    fn markup_fallbacks_and_nothing_invented() {
        let dom = parse(
            r#"<title>Plain</title><div class="byline">By <a rel="author">Jo Smith</a></div>
            <time datetime="2020-02-02">Feb 2</time>"#,
        );
        let m = read(&dom);
        assert_eq!(m.title.as_deref(), Some("Plain"));
        assert_eq!(m.byline.as_deref(), Some("Jo Smith"));
        assert_eq!(m.published.as_deref(), Some("2020-02-02"));
        assert_eq!(m.outlet, None);
        assert_eq!(m.url, None);
        assert_eq!(read(&parse("<p>x</p>")), Metadata::default());
    }
}
