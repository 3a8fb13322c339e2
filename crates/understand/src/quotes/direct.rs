//! Direct quotes: pairing quotation marks into quoted stretches of text.
//!
//! Straight, curly and single marks, the doubled apostrophes of some wires (`''like this''`),
//! quotes over several sentences. A quote ends with its paragraph: in the print convention a
//! quote over several paragraphs reopens in each and closes only in the last, and each
//! paragraph's part is found as a quote of its own. Single marks pair only
//! outside double quotes: inside, they are nested quotes, part of the outer one; outside, they
//! are the primary quotes of British style.

use brief_core::{Document, Span, TokenKind};

/// A stretch of text between quotation marks. [`quoted`] gives them in text order, none
/// overlapping another (one quotation is open at a time), so their starts and ends are
/// both sorted and a position is found among them by binary search ([`inside`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Quoted {
    /// The opening mark.
    pub open: Span,
    /// The words between the marks, without them. For a quote over several paragraphs: from
    /// the first opening mark to the closing one.
    pub inner: Span,
    /// One past the closing mark (the end of the paragraph when the mark never came).
    pub end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Open,
    Close,
    /// A straight mark: decided by its neighbours, else by whether a quote is open.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    double: bool,
    side: Side,
}

/// What a quotation mark character is.
fn classify(c: char) -> Option<(bool, Side)> {
    Some(match c {
        '“' | '„' | '«' | '‟' => (true, Side::Open),
        '”' | '»' => (true, Side::Close),
        '"' => (true, Side::Either),
        '‘' => (false, Side::Open),
        '’' => (false, Side::Close),
        '\'' => (false, Side::Either),
        '`' => (false, Side::Open),
        _ => return None,
    })
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Decides a straight mark from its neighbours: after a space it opens, before one it closes.
fn side_in_context(text: &str, mark: &Mark) -> Side {
    match straight_mark_opens(text, mark.span.start, mark.span.end) {
        Some(true) => Side::Open,
        Some(false) => Side::Close,
        None => mark.side,
    }
}

/// Whether the straight quotation mark at `text[start..end]` opens a quote (`Some(true)`:
/// after a space or a bracket and before a word) or closes one (`Some(false)`: after a word
/// and before a space or punctuation), by its neighbours; `None` when they do not tell.
/// A quote over several paragraphs reopens in each with a mark that only opens, which a
/// count of marks would take for its closing one.
pub fn straight_mark_opens(text: &str, start: usize, end: usize) -> Option<bool> {
    let before = char_before(text, start);
    let after = char_after(text, end);
    let opens_after = |c: Option<char>| {
        c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/'))
    };
    let closes_before = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | ')' | '—' | '–')
        })
    };
    match (opens_after(before), closes_before(after)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A right single mark that is a plural possessive ("the voters’ anger"), not a closing quote.
fn possessive(text: &str, mark: &Mark) -> bool {
    !mark.double
        && char_before(text, mark.span.start) == Some('s')
        && text[mark.span.end..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_lowercase)
}

/// The quotation marks of a document with the paragraph they sit in, doubled apostrophes
/// merged into one double mark.
fn marks(text: &str, doc: &Document) -> Vec<(Mark, usize)> {
    let mut out: Vec<(Mark, usize)> = Vec::new();
    for sentence in &doc.sentences {
        for token in sentence
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Quote)
        {
            let Some((double, side)) = text[token.span.start..token.span.end]
                .chars()
                .next()
                .and_then(classify)
            else {
                continue;
            };
            let mark = Mark {
                span: token.span,
                double,
                side,
            };
            if let Some((last, _)) = out.last_mut() {
                // Two single marks in a row are one double mark: '' or ‘‘ or ’’.
                if !last.double && !double && last.span.end == token.span.start {
                    last.span.end = token.span.end;
                    last.double = true;
                    if last.side != side {
                        last.side = Side::Either;
                    }
                    continue;
                }
            }
            out.push((mark, sentence.paragraph));
        }
    }
    out
}

/// The end of each paragraph: one past its last sentence.
fn paragraph_ends(doc: &Document) -> Vec<usize> {
    let mut ends = Vec::new();
    for s in &doc.sentences {
        if ends.len() <= s.paragraph {
            ends.resize(s.paragraph + 1, s.span.end);
        }
        ends[s.paragraph] = s.span.end;
    }
    ends
}

/// An open quote waiting for its closing mark.
#[derive(Clone, Copy)]
struct Pending {
    open: Span,
    double: bool,
    paragraph: usize,
}

/// True when byte `at` lies between the marks of one of `quoted` (in text order, as
/// [`quoted`] gives them).
pub(super) fn inside(quoted: &[Quoted], at: usize) -> bool {
    let k = quoted.partition_point(|q| q.inner.end <= at);
    quoted.get(k).is_some_and(|q| q.inner.start <= at)
}

/// The quotation of `quoted` whose opening mark starts at byte `at`.
pub(super) fn opening_at(quoted: &[Quoted], at: usize) -> Option<&Quoted> {
    quoted
        .binary_search_by_key(&at, |q| q.open.start)
        .ok()
        .map(|k| &quoted[k])
}

/// The quotation of `quoted` that ends (one past its closing mark) at byte `end`.
pub(super) fn ending_at(quoted: &[Quoted], end: usize) -> Option<&Quoted> {
    quoted
        .binary_search_by_key(&end, |q| q.end)
        .ok()
        .map(|k| &quoted[k])
}

/// The quotations of `quoted` from the first that opens at or after byte `at`.
pub(super) fn opening_from(quoted: &[Quoted], at: usize) -> &[Quoted] {
    &quoted[quoted.partition_point(|q| q.open.start < at)..]
}

/// Every quoted stretch of the document, in text order.
/// Every quoted stretch of the document, in text order.
pub(super) fn quoted(text: &str, doc: &Document) -> Vec<Quoted> {
    let ends = paragraph_ends(doc);
    let mut out = Vec::new();
    let mut pending: Option<Pending> = None;
    let close = |out: &mut Vec<Quoted>, p: Pending, inner_end: usize, end: usize| {
        if inner_end > p.open.end {
            out.push(Quoted {
                open: p.open,
                inner: Span::new(p.open.end, inner_end),
                end,
            });
        }
    };
    for (mark, paragraph) in marks(text, doc) {
        if let Some(p) = pending {
            // A quote never crosses a paragraph: in the print convention a quote running on
            // reopens at the start of the next paragraph, and that paragraph is a quote of
            // its own, which `reported` joins to the attributed one before it.
            if paragraph != p.paragraph {
                let end = ends.get(p.paragraph).copied().unwrap_or(p.open.end);
                close(&mut out, p, end, end);
                pending = None;
            }
        }
        let side = side_in_context(text, &mark);
        match pending {
            Some(p) if !p.double && possessive(text, &mark) => {}
            Some(p) if p.double == mark.double && side != Side::Open => {
                close(&mut out, p, mark.span.start, mark.span.end);
                pending = None;
            }
            // Inside a double quote, single marks are nested quotes or apostrophes.
            Some(p) if p.double && !mark.double => {}
            _ => {
                if side != Side::Close {
                    pending = Some(Pending {
                        open: mark.span,
                        double: mark.double,
                        paragraph,
                    });
                } else if pending.is_some_and(|p| !p.double) {
                    // A double mark closes over an unclosed single one: an apostrophe
                    // opened it; drop it.
                    pending = None;
                }
            }
        }
    }
    if let Some(p) = pending {
        let end = ends.get(p.paragraph).copied().unwrap_or(p.open.end);
        close(&mut out, p, end, end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand;
    use brief_core::Article;

    fn inner(text: &str) -> Vec<&str> {
        let doc = understand(&Article::from_text("t", text));
        quoted(text, &doc)
            .into_iter()
            .map(|q| &text[q.inner.start..q.inner.end])
            .collect()
    }

    #[test]
    fn straight_curly_and_doubled_apostrophes() {
        assert_eq!(
            inner("\"We will win,\" he said. “No,” she said. ''Maybe,'' they said."),
            ["We will win,", "No,", "Maybe,"]
        );
    }

    #[test]
    fn quotes_over_sentences_and_paragraphs() {
        let text = "He said: “It is over. We lost.\n\n“Next year we win.” Then he left.";
        assert_eq!(inner(text), ["It is over. We lost.", "Next year we win."]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            inner("“He told me, ‘Go home,’ and I did,” she said."),
            ["He told me, ‘Go home,’ and I did,"]
        );
    }

    #[test]
    fn british_single_quotes_and_possessives() {
        assert_eq!(
            inner("‘The voters’ anger is real,’ he said. It's the 'best' plan."),
            ["The voters’ anger is real,", "best"]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        assert_eq!(
            inner("She said “we are done.\n\nNothing else."),
            ["we are done."]
        );
    }
}
