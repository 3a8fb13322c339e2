//! The faithfulness invariant, checked: every output sentence's words appear, in
//! order, inside the source span it names. The same rule as
//! `peers/score_brief.py faithful` (words are runs of alphanumerics or `_`).

use brief_core::{Article, Brief};

/// An output sentence that its provenance does not support.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unfaithful sentence {text:?}: {reason}")]
pub struct Unfaithful {
    /// The sentence as output.
    pub text: String,
    /// Why it fails.
    pub reason: String,
}

/// Checks every sentence of `brief` against the articles it cites.
pub fn validate<'a>(
    brief: &Brief,
    articles: impl Fn(&str) -> Option<&'a Article>,
) -> Result<(), Unfaithful> {
    for s in brief.sentences() {
        let fail = |reason: String| Unfaithful {
            text: s.text.clone(),
            reason,
        };
        if s.sources.is_empty() {
            return Err(fail("no sources".into()));
        }
        let mut pool = String::new();
        let mut single = None;
        for p in &s.sources {
            let article = articles(&p.article)
                .ok_or_else(|| fail(format!("unknown article {}", p.article)))?;
            let slice = p
                .span
                .get(&article.text)
                .filter(|_| p.span.start < p.span.end)
                .ok_or_else(|| {
                    fail(format!(
                        "span {}..{} outside the article text",
                        p.span.start, p.span.end
                    ))
                })?;
            if s.sources.len() == 1 {
                single = Some(slice);
            } else {
                pool.push_str(slice);
                pool.push(' ');
            }
        }
        if !words_in_order(&s.text, single.unwrap_or(&pool)) {
            return Err(fail("words not found in order in the source span".into()));
        }
    }
    Ok(())
}

/// Words of `text`: maximal runs of alphanumerics and `_` (Python's `\w+`).
/// Walks bytes with an ASCII fast path; this check runs on every brief.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let is_word_at = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b.is_ascii_alphanumeric() || b == b'_', 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let (word, len) = is_word_at(pos);
            if word {
                break;
            }
            pos += len;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        while pos < bytes.len() {
            let (word, len) = is_word_at(pos);
            if !word {
                break;
            }
            pos += len;
        }
        Some(&text[start..pos])
    })
}

/// True when `output` has at least one word and all its words occur in `source` in order.
pub fn words_in_order(output: &str, source: &str) -> bool {
    // Most output sentences are their source as it stands (one memcmp), or with
    // whitespace collapsed (one pass): check those before the word-by-word walk,
    // which would find the same.
    if output == source || same_but_whitespace(output, source) {
        return words(output).next().is_some();
    }
    let mut pool = words(source);
    let mut any = false;
    for w in words(output) {
        any = true;
        if !pool.any(|p| p == w) {
            return false;
        }
    }
    any
}

/// True when `output` equals `source` with every whitespace run made one space
/// and leading/trailing whitespace removed. Compares bytes; only the lead bytes of
/// non-ASCII whitespace are decoded.
fn same_but_whitespace(output: &str, source: &str) -> bool {
    let (out, src) = (output.as_bytes(), source.as_bytes());
    let (mut i, mut j) = (0, 0);
    let mut pending_space = false;
    while j < src.len() {
        let space = whitespace_len(source, j);
        if space > 0 {
            pending_space = i > 0;
            j += space;
            continue;
        }
        if pending_space {
            if out.get(i) != Some(&b' ') {
                return false;
            }
            i += 1;
            pending_space = false;
        }
        if out.get(i) != Some(&src[j]) {
            return false;
        }
        i += 1;
        j += 1;
    }
    i == out.len()
}

/// The length of the whitespace character at byte `at`, or 0.
fn whitespace_len(text: &str, at: usize) -> usize {
    match text.as_bytes()[at] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xc2 | 0xe1 | 0xe2 | 0xe3 => text[at..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_fast_path() {
        assert!(same_but_whitespace(
            "Talks failed today.",
            "  Talks\n failed\ttoday. "
        ));
        assert!(!same_but_whitespace("Talks failed", "Talks failed today"));
        assert!(!same_but_whitespace("Talks  failed", "Talks failed"));
        assert!(words_in_order(
            "Talks failed today.",
            "Talks\nfailed today."
        ));
    }

    #[test]
    fn order_and_presence() {
        assert!(words_in_order(
            "Talks failed.",
            "(CNN) Talks in Moscow failed today."
        ));
        assert!(!words_in_order("failed Talks", "Talks failed"));
        assert!(!words_in_order("Talks stalled", "Talks failed"));
        assert!(!words_in_order("...", "Talks failed"));
        // A sentence shown exactly as written, stray spaces and all; no words, no pass.
        assert!(words_in_order("Talks  failed ", "Talks  failed "));
        assert!(!words_in_order("...", "..."));
        assert!(words_in_order(
            "Zelensky’s plan: 14,000 «killed»",
            "Zelensky’s new plan: 14,000 «killed» — UN"
        ));
        assert!(!words_in_order("Zelenskyi", "Zelensky’s"));
        let w: Vec<&str> = words("naïve café_2 — ok").collect();
        assert_eq!(w, ["naïve", "café_2", "ok"]);
    }
}
