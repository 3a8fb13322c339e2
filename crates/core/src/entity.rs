//! Named entities: typed spans into an article's text.

use crate::Span;

/// The kind of a named entity: the four CoNLL-2003 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person ("Angela Merkel").
    Person,
    /// A company, institution, team or other organisation ("Reuters", "Bayern Munich").
    Organization,
    /// A place: country, city, region, geographical feature ("Paris", "the Alps").
    Location,
    /// Any other name: nationalities, events, products, works ("German", "World Cup").
    Misc,
}

impl EntityKind {
    /// All kinds, in a fixed order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Misc,
    ];

    /// The CoNLL-2003 label: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn conll(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// The kind for a CoNLL-2003 label, if it is one of the four.
    pub fn from_conll(label: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.conll() == label)
    }
}

/// A named entity found in an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Where the name sits in the article text (whole tokens, possessive "'s" excluded).
    pub span: Span,
    /// What it names.
    pub kind: EntityKind,
}

/// One real-world entity an article names, with every mention of it.
///
/// Nothing here is generated text: the canonical name and the roles are spans
/// of the article, so whatever shows them stays faithful.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedEntity {
    /// What it is.
    pub kind: EntityKind,
    /// The mention that names it most fully ("Vladimir Putin" for "Putin").
    pub canonical: Span,
    /// Every mention of it, in text order.
    pub mentions: Vec<Span>,
    /// Roles and titles found next to its mentions ("Russian President",
    /// "a Crosby spokesman"), in text order, without repeats.
    pub roles: Vec<Span>,
}
