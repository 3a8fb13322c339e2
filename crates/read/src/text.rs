//! Plain text: the decoded input is the article text, unchanged; a headline line
//! and a "By …" line at the top are recognised as metadata (they stay in the text).

use brief_core::Article;

/// Longest headline we accept, in words.
const MAX_TITLE_WORDS: usize = 20;
/// Longest byline, in words after "By".
const MAX_BYLINE_WORDS: usize = 8;

/// Sets `title` from a first line that stands alone (a blank line follows, no
/// sentence-final period) and `byline` from a "By …" line among the first lines.
pub fn find_metadata(article: &mut Article) {
    let mut lines = article.text.lines().map(str::trim);
    let first = lines.by_ref().find(|l| !l.is_empty());
    let after_first = lines.next();
    if let (Some(first), Some("")) = (first, after_first) {
        let words = first.split_whitespace().count();
        if words <= MAX_TITLE_WORDS && !first.ends_with(['.', ',', ';']) {
            article.title = Some(first.to_string());
        }
    }
    article.byline = article
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
        .find_map(|l| {
            let name = l.strip_prefix("By ").or_else(|| l.strip_prefix("BY "))?;
            let words = name.split_whitespace().count();
            let looks_like_names = name.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "and" | "&" | "," | "de" | "van" | "von")
            });
            (words <= MAX_BYLINE_WORDS && looks_like_names && !name.ends_with('.'))
                .then(|| name.to_string())
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> (Option<String>, Option<String>) {
        let mut a = Article::from_text("t", text);
        find_metadata(&mut a);
        assert_eq!(a.text, text, "text must stay unchanged");
        (a.title, a.byline)
    }

    #[test]
    fn headline_and_byline() {
        let (title, byline) =
            meta("Council approves barrier\n\nBy Hannah Okafor\n\nThe council voted on Tuesday.");
        assert_eq!(title.as_deref(), Some("Council approves barrier"));
        assert_eq!(byline.as_deref(), Some("Hannah Okafor"));
    }

    #[test]
    fn prose_first_line_is_not_a_title() {
        assert_eq!(
            meta("The council voted on Tuesday.\n\nIt was late."),
            (None, None)
        );
        assert_eq!(meta("One paragraph with no break at all"), (None, None));
        assert_eq!(
            meta("By the time we arrived, it was over.\n\nMore."),
            (None, None)
        );
    }
}
