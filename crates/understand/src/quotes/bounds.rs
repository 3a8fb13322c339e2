//! Where a reported clause ends: the shorter readings of a content that runs after its cue.
//!
//! The frame rules give a clause after its cue the rest of the sentence (`reported.rs`);
//! PolNeAR often ends it sooner — before ", which …", ", and …", a dash, or, after cues of
//! doing rather than saying ("blasted Republicans for …", "thanked her home state and then
//! …"), after the object, before a preposition or a conjunction; and wherever it comes, before
//! a clause of time or cause ("… after he was pressed") or the statement's occasion ("… in an
//! interview", "… on Fox News"). Every such point is proposed
//! as another reading of the same statement (the same group), and the scorer picks the likeliest
//! reading of each group (`quotes::find`), by features of the cut: what kind of point it is,
//! the word after it, how many words it keeps and drops, with the cue.

use brief_core::{Document, Span, TokenKind};

use super::reported::{Found, Kind};
use super::score::{number, Features};
use super::speaker::PRONOUNS;
use super::{cues, Sent, WordList};

/// At most this many shorter readings of one content.
const MAX_CUTS: usize = 5;

/// At most this many prepositions are cut before (the first ones: an object is short).
const MAX_PREPOSITIONS: usize = 1;

/// Words that open a prepositional or subordinate phrase after an object ("blasted
/// Republicans for being sore losers", "invoked her granddaughter in speeches").
const PREPOSITIONS: WordList = WordList::new(&[
    "about", "after", "against", "amid", "as", "at", "because", "before", "by", "despite",
    "during", "for", "from", "if", "in", "into", "on", "over", "since", "so", "than", "to",
    "until", "when", "while", "with", "without",
]);

/// Words that open a subordinate clause at the start of a sentence.
const SUBORDINATORS: WordList = WordList::new(&[
    "after", "although", "as", "because", "before", "despite", "even", "if", "once", "since",
    "though", "unless", "until", "when", "whether", "while", "with",
]);

/// Words that open a clause of time or cause after the reported one ("… to go home after
/// Christie was pressed", "… while Sanders suggests …"), wherever they come.
const CLAUSE_OPENERS: WordList = WordList::new(&[
    "after", "although", "because", "before", "during", "though", "until", "when", "whereas",
    "while",
]);

/// Prepositions that open the occasion of a statement when an article or a name follows
/// ("… in an interview on Sunday", "… on Fox News", "… at a press conference").
const OCCASION_PREPOSITIONS: WordList = WordList::new(&["at", "in", "on"]);

/// True when token `i` opens an adjunct after the reported clause: a clause of time or
/// cause, or the occasion of the statement.
fn opens_adjunct(s: &Sent, i: usize) -> bool {
    CLAUSE_OPENERS.has(s, i)
        || (OCCASION_PREPOSITIONS.has(s, i)
            && (s.is_word_eq(i + 1, "a") || s.is_word_eq(i + 1, "an") || s.is_capitalized(i + 1)))
}

/// A shorter reading of a content: where it ends and what kind of point it ends at.
pub(super) struct Cut<'t> {
    /// The shortened content.
    pub content: Span,
    /// The kind of point ("comma", "conj", "dash", "prep", "adjunct").
    pub kind: &'static str,
    /// The token after the cut (a conjunction or preposition: the token cut before).
    pub next: &'t str,
    /// Words kept and words dropped.
    pub kept: usize,
    pub dropped: usize,
    /// Ordinal of the cut among those of its kind (1 = first).
    pub ordinal: usize,
    /// What opens the part dropped: a pronoun, a capitalised word, another word or mark.
    pub opens: &'static str,
    /// A cue within a few words after the cut ("…, Trump told CNN"): a clause of its own.
    pub new_cue: bool,
    /// The kept part leaves a quotation open.
    pub open_quote: bool,
    /// What opens the content: "that", "to", a pronoun, another word (a clause reported or an
    /// object taken: after an object the content ends sooner).
    pub starts: &'static str,
    /// The cut ends a subordinate clause that opens the sentence ("While Trump said …, the
    /// party …"): the main clause follows.
    pub ends_lead: bool,
    /// The token cut before, and the content's last token (in its sentence).
    at: usize,
    last: usize,
}

/// How many words after a cut are searched for a cue of a new clause.
const NEW_CUE_WINDOW: usize = 5;

/// True for the frames whose content runs after the cue to the end of its clause.
fn cuttable(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::After | Kind::Inherited | Kind::Relative | Kind::AccordingFirst
    )
}

/// The shorter readings of a statement's content, earliest first (none for a direct quote,
/// a content before its cue, or one that is not a run of its sentence's tokens); what
/// follows each cut is left to [`describe`].
pub(super) fn cuts<'t>(text: &'t str, doc: &Document, found: &Found) -> Vec<Cut<'t>> {
    let mut out = Vec::new();
    if found.quote.direct || !cuttable(found.kind) {
        return out;
    }
    let Some(sentence) = doc.sentences.get(found.sentence) else {
        return out;
    };
    let content = found.quote.content;
    let toks = &sentence.tokens;
    let a = toks.partition_point(|t| t.span.start < content.start);
    let b = toks.partition_point(|t| t.span.end < content.end);
    if a >= toks.len() || b >= toks.len() || b < a {
        return out;
    }
    if toks[a].span.start != content.start || toks[b].span.end != content.end {
        return out;
    }
    let s = Sent { text, toks };
    let is_word = |i: usize| matches!(toks[i].kind, TokenKind::Word | TokenKind::Number);
    let total = (a..=b).filter(|&i| is_word(i)).count();
    let (mut commas, mut conjunctions, mut dashes, mut prepositions, mut adjuncts) =
        (0, 0, 0, 0, 0);
    let (mut kept, mut quotes) = (usize::from(is_word(a)), usize::from(s.is_quote(a)));
    for i in a + 1..=b {
        let cut = match toks[i].kind {
            TokenKind::Punct if i < b => match s.word(i) {
                "," => {
                    commas += 1;
                    Some(("comma", commas))
                }
                "—" | "--" | "–" | "-" => {
                    dashes += 1;
                    Some(("dash", dashes))
                }
                _ => None,
            },
            TokenKind::Word
                if (s.is_word_eq(i, "and") || s.is_word_eq(i, "but") || s.is_word_eq(i, "or"))
                    && !s.is_punct(i - 1, ",") =>
            {
                conjunctions += 1;
                Some(("conj", conjunctions))
            }
            TokenKind::Word
                if prepositions < MAX_PREPOSITIONS
                    && toks[i].span.len() <= 7
                    && PREPOSITIONS.has(&s, i) =>
            {
                prepositions += 1;
                Some(("prep", prepositions))
            }
            TokenKind::Word if i < b && opens_adjunct(&s, i) => {
                adjuncts += 1;
                Some(("adjunct", adjuncts))
            }
            _ => None,
        };
        if let Some((kind, ordinal)) = cut.filter(|_| kept > 0) {
            out.push(Cut {
                content: Span::new(content.start, toks[i - 1].span.end),
                kind,
                next: "",
                kept,
                dropped: total - kept,
                ordinal,
                opens: "",
                new_cue: false,
                starts: "",
                open_quote: quotes % 2 == 1,
                ends_lead: false,
                at: i,
                last: b,
            });
            if out.len() == MAX_CUTS {
                break;
            }
        }
        kept += usize::from(is_word(i));
        quotes += usize::from(s.is_quote(i));
    }
    out
}

/// Fills in what the features say about the words after each cut (what opens them, a cue
/// among them, the word cut before): wanted only when the readings are weighed.
pub(super) fn describe<'t>(text: &'t str, doc: &Document, found: &Found, cuts: &mut [Cut<'t>]) {
    let Some(sentence) = doc.sentences.get(found.sentence) else {
        return;
    };
    let toks = &sentence.tokens;
    let s = Sent { text, toks };
    let first = toks.partition_point(|t| t.span.start < found.quote.content.start);
    let starts = if s.is_word_eq(first, "that") {
        "that"
    } else if s.is_word_eq(first, "to") {
        "to"
    } else if PRONOUNS.has(&s, first) {
        "pronoun"
    } else if s.is_capitalized(first) {
        "cap"
    } else {
        "other"
    };
    for cut in cuts {
        cut.starts = starts;
        let i = cut.at;
        // The word after a mark, or the conjunction or preposition itself.
        let next = if cut.kind == "comma" || cut.kind == "dash" {
            i + 1
        } else {
            i
        };
        let after = if cut.kind == "prep" { i } else { i + 1 };
        cut.opens = if PRONOUNS.has(&s, after) {
            "pronoun"
        } else if s.is_capitalized(after) {
            "cap"
        } else if s.is_word(after) && s.word(after).len() > 4 && s.word(after).ends_with("ing") {
            // "…, encouraging his supporters to …": a participle's clause of its own.
            "participle"
        } else if s.is_word(after) {
            "lower"
        } else {
            "other"
        };
        cut.new_cue = (after..(after + NEW_CUE_WINDOW).min(cut.last + 1))
            .take_while(|&j| !s.is_punct(j, ","))
            .any(|j| s.is_word(j) && cues::word_at(text, toks[j].span).cue);
        cut.ends_lead =
            cut.kind == "comma" && SUBORDINATORS.has(&s, 0) && !(0..i).any(|j| s.is_punct(j, ","));
        cut.next = toks
            .get(next)
            .map_or("", |t| &text[t.span.start..t.span.end]);
    }
}

/// A count in a few buckets (0, 1, 2, 3–4, 5–8, 9–16, more).
fn bucket(n: usize) -> u32 {
    match n {
        0..=2 => n as u32,
        _ => (usize::BITS - n.leading_zeros()) + 1,
    }
}

/// The features of a reading: `cut` is `None` for the full content, which learns how many
/// shorter readings it had.
pub(super) fn features(f: &mut Features, cue: &str, frame: &str, cut: Option<&Cut>, cuts: usize) {
    match cut {
        None => {
            f.add("cut", "none");
            f.add2("cut-cue", "none", cue);
            f.add2("cut-frame", "none", frame);
            f.add2("ncuts", "", number(cuts.min(4)));
        }
        Some(c) => {
            f.add("cut", c.kind);
            f.add2("cut-frame", c.kind, frame);
            f.add2("cut-cue", c.kind, cue);
            f.add2("cut-next", c.kind, c.next);
            f.add2("cut-ord", c.kind, number(c.ordinal.min(3)));
            f.add2("cut-kept", c.kind, number(bucket(c.kept).min(9) as usize));
            f.add2(
                "cut-dropped",
                c.kind,
                number(bucket(c.dropped).min(9) as usize),
            );
            f.add2("cut-opens", c.kind, c.opens);
            f.add2("cut-starts", c.kind, c.starts);
            if c.new_cue {
                f.add2("cut-newcue", c.kind, c.opens);
            }
            if c.ends_lead {
                f.add("cut-endslead", "");
            }
            if c.open_quote {
                f.add("cut-openquote", c.kind);
            }
        }
    }
}
