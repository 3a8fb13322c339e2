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
/// People whose name is at one of `introduced` are left out: they were introduced
/// elsewhere in the brief.
pub fn whos_who(
    article: &Article,
    doc: &Document,
    entities: &[NamedEntity],
    introduced: &[Span],
) -> Option<Section> {
    let lines: Vec<BriefSentence> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && !introduced.contains(&e.canonical))
        .filter_map(|e| {
            e.roles
                .first()
                .map(|&role| line(article, doc, e.canonical, role))
        })
        .take(MAX_PEOPLE)
        .collect();
    (!lines.is_empty()).then(|| Section {
        heading: WHOS_WHO.to_string(),
        sentences: lines,
        list: true,
    })
}

/// "ROLE NAME" or "NAME, ROLE", in the order the article writes them.
fn line(article: &Article, doc: &Document, name: Span, role: Span) -> BriefSentence {
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
