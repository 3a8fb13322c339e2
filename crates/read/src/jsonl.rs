//! JSONL input: one article per line.
//!
//! A record is an object with an `id` (string or number) and either `text`
//! (alias `article`) or `html`; `title`, `url`, `outlet`, `published` and `byline`
//! are optional and, when given, win over what the HTML itself says.

use brief_core::Article;
use serde_json::{Map, Value};

use crate::{check_size, check_text, decode, html, ReadError};

/// Reads every line of a JSONL input. Each record succeeds or fails on its own,
/// so one bad line never loses the others; blank lines are skipped.
pub fn read_jsonl(origin: &str, bytes: &[u8]) -> Vec<Result<Article, ReadError>> {
    let text = match decode(origin, bytes, None) {
        Ok(d) => d.text,
        Err(e) => return vec![Err(e)],
    };
    // Lines as `str::lines` gives them (a "\r" before the "\n" dropped), found with the
    // vectorised search: inputs run to gigabytes.
    let bytes = text.as_bytes();
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    ends.map(|end| {
        let line = &text[start..end];
        start = end + 1;
        line.strip_suffix('\r').unwrap_or(line)
    })
    .enumerate()
    .filter(|(_, line)| !line.trim().is_empty())
    .map(|(i, line)| read_record(origin, i + 1, line))
    .collect()
}

fn read_record(origin: &str, line: usize, record: &str) -> Result<Article, ReadError> {
    let bad = |reason: String| ReadError::Jsonl {
        origin: origin.to_string(),
        line,
        reason,
    };
    check_size(origin, record.as_bytes())?;
    let value: Value =
        serde_json::from_str(record).map_err(|e| bad(format!("invalid JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(bad("expected a JSON object".into()));
    };
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(bad("\"id\" must be a non-empty string or a number".into())),
        None => return Err(bad("missing \"id\"".into())),
    };
    let name = format!("{origin}:{line} (id {id})");
    let mut article = if let Some(text) = string_field(&map, &["text", "article"]) {
        Article::from_text(id, text)
    } else if let Some(markup) = string_field(&map, &["html"]) {
        let mut a = html::extract(&markup);
        a.id = id;
        a
    } else {
        return Err(bad(format!(
            "record {id} has neither \"text\" nor \"html\""
        )));
    };
    for (field, slot) in [
        ("title", &mut article.title),
        ("url", &mut article.url),
        ("outlet", &mut article.outlet),
        ("published", &mut article.published),
        ("byline", &mut article.byline),
    ] {
        if let Some(v) = string_field(&map, &[field]) {
            *slot = Some(v);
        }
    }
    if map.contains_key("html") && !map.contains_key("text") && !map.contains_key("article") {
        check_text(&name, &article.text).map_err(|_| ReadError::NoArticle { origin: name })?;
    } else {
        check_text(&name, &article.text)?;
    }
    Ok(article)
}

fn string_field(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match map.get(*n) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines_are_independent() {
        let input = b"{\"id\":\"a\",\"text\":\"One. Two.\",\"title\":\"T\"}\n\nnot json\n{\"id\":7,\"article\":\"Three.\"}\n{\"id\":\"x\"}\n";
        let out = read_jsonl("in.jsonl", input);
        assert_eq!(out.len(), 4);
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.text.as_str(), a.title.as_deref()),
            ("a", "One. Two.", Some("T"))
        );
        let e = out[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("in.jsonl:3: invalid JSON"), "{e}");
        assert_eq!(out[2].as_ref().unwrap().id, "7");
        let e = out[3].as_ref().unwrap_err().to_string();
        assert!(e.contains("neither \"text\" nor \"html\""), "{e}");
    }

    #[test]
    fn empty_text_is_an_error_naming_the_record() {
        let out = read_jsonl("in.jsonl", b"{\"id\":\"a\",\"text\":\"   \"}");
        let e = out[0].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("in.jsonl:1 (id a)") && e.contains("empty"),
            "{e}"
        );
    }
}
