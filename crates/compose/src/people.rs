//! "Who's Who": the people an article names, each introduced with a role the
//! article gives them ("Russian President Vladimir Putin", "Michael Jensen, a
//! Crosby spokesman"). Each line is the role and the name as written, with both
//! spans as its sources, so it stays faithful.

use crate::{one_line, provenance};
use brief_core::{Article, BriefSentence, Document, EntityKind, NamedEntity, Section, Span};

/// The heading of the people section.
pub const WHOS_WHO: &str = "Who's Who";
/// Most people listed.
const MAX_PEOPLE: usize = 6;

/// The section, when at least one person has a role.
/// People named at the end of one of `introduced` (a name, or a role and a name: "Iraqi
/// Prime Minister Haider al-Abadi") are left out: they were introduced
/// elsewhere in the brief.
pub fn whos_who(
    article: &Article,
    doc: &Document,
    entities: &[NamedEntity],
    introduced: &[Span],
) -> Option<Section> {
    // The names and lines listed so far: a line that holds a listed name, or a name a listed
    // line holds, is the same person named with a stray word ("presidential candidate Hillary"
    // + "Clinton Obsessed", from a caption in capitals, after "presidential candidate Hillary
    // Clinton").
    let mut listed: Vec<(&str, String)> = Vec::new();
    let lines: Vec<BriefSentence> = entities
        .iter()
        .filter(|e| {
            e.kind == EntityKind::Person
                && !introduced
                    .iter()
                    .any(|&span| names(article, span, e.canonical))
                && !is_common_word(article.slice(e.canonical))
        })
        .filter_map(|e| {
            let role = *e.roles.first()?;
            let name = article.slice(e.canonical);
            let shown = line(article, doc, e.canonical, role);
            if listed.iter().any(|(other, other_line)| {
                holds_words(&shown.text, other) || holds_words(other_line, name)
            }) {
                return None;
            }
            listed.push((name, shown.text.clone()));
            Some(shown)
        })
        .take(MAX_PEOPLE)
        .collect();
    (!lines.is_empty()).then(|| Section {
        heading: WHOS_WHO.to_string(),
        sentences: lines,
        list: true,
    })
}

/// True when the words at `span` end with the name at `name` ("Haider al-Abadi" ends "Iraqi
/// Prime Minister Haider al-Abadi").
fn names(article: &Article, span: Span, name: Span) -> bool {
    let (shown, name) = (article.slice(span), article.slice(name));
    shown
        .strip_suffix(name)
        .is_some_and(|before| before.is_empty() || before.ends_with(char::is_whitespace))
}

/// True when the words of `part` stand together in `whole`, as whole words.
fn holds_words(whole: &str, part: &str) -> bool {
    whole.match_indices(part).any(|(at, _)| {
        let before = whole[..at].chars().next_back();
        let after = whole[at + part.len()..].chars().next();
        before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
    })
}

/// True for a one-word "name" that is a common word: a sentence's opener the recogniser took
/// for a name ("Already, the Marseille prosecutor, …").
fn is_common_word(name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && (crate::heading::word_class(name).is_some()
            || brief_understand::words::is_stop_word(&name.to_lowercase()))
}

/// "ROLE NAME" or "NAME, ROLE", in the order the article writes them. A role ending in
/// the title the name starts with ("US Congresswoman" before "Congresswoman Maxine Waters")
/// shows without it.
fn line(article: &Article, doc: &Document, name: Span, role: Span) -> BriefSentence {
    let role = without_repeated_title(article, name, role);
    let source = |span: Span| provenance(article, doc, span);
    let (name_text, role_text) = (one_line(article.slice(name)), one_line(article.slice(role)));
    if role.end <= name.start {
        BriefSentence {
            text: format!("{role_text} {name_text}"),
            sources: vec![source(role), source(name)],
        }
    } else {
        BriefSentence {
            text: format!("{name_text}, {role_text}"),
            sources: vec![source(name), source(role)],
        }
    }
}

/// `role`, written before the name, less its last word when the name starts with that word;
/// `role` itself otherwise, or when nothing would be left.
fn without_repeated_title(article: &Article, name: Span, role: Span) -> Span {
    if role.end > name.start {
        return role;
    }
    let role_text = article.slice(role);
    let Some((head, last)) = role_text.trim_end().rsplit_once(' ') else {
        return role;
    };
    let first = article.slice(name).split_whitespace().next().unwrap_or("");
    if last.eq_ignore_ascii_case(first) && !head.trim().is_empty() {
        Span::new(role.start, role.start + head.trim_end().len())
    } else {
        role
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_introduced_with_a_role_before_the_name_is_introduced() {
        let text =
            "Iraqi Prime Minister Haider al-Abadi spoke. Al-Abadi left. Haider al-Abadi slept.";
        let article = Article::from_text("t", text);
        let titled = Span::new(0, "Iraqi Prime Minister Haider al-Abadi".len());
        let at = text.rfind("Haider al-Abadi").expect("in the text");
        let name = Span::new(at, at + "Haider al-Abadi".len());
        assert!(names(&article, titled, name));
        assert!(names(&article, name, name));
        let other = Span::new(0, "Iraqi".len());
        assert!(!names(&article, other, name));
    }

    #[test]
    fn a_name_held_in_another_is_one_person() {
        assert!(holds_words("Hillary Clinton Obsessed", "Hillary Clinton"));
        assert!(!holds_words("Hillary Clintonesque", "Hillary Clinton"));
        assert!(!holds_words("Bill Clinton", "Hillary Clinton"));
    }

    #[test]
    fn a_common_word_taken_for_a_name_is_nobody() {
        assert!(is_common_word("Already"));
        assert!(is_common_word("However"));
        assert!(!is_common_word("Robin"));
        assert!(!is_common_word("Already Smith"));
    }

    #[test]
    fn a_title_in_both_role_and_name_shows_once() {
        let text = "US Congresswoman Congresswoman Maxine Waters spoke.";
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        let role = Span::new(0, "US Congresswoman".len());
        let start = text.find("Congresswoman Maxine").expect("in the text");
        let name = Span::new(start, start + "Congresswoman Maxine Waters".len());
        assert_eq!(
            line(&article, &doc, name, role).text,
            "US Congresswoman Maxine Waters"
        );
        let plain = Span::new(start + "Congresswoman ".len(), name.end);
        assert_eq!(
            line(&article, &doc, plain, role).text,
            "US Congresswoman Maxine Waters"
        );
    }
}
