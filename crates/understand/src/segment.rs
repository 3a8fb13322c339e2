//! Sentence segmentation with byte spans.
//!
//! Two passes: lines are grouped into units (a blank line or a short line ends a
//! unit; long lines of hard-wrapped text are joined), then each unit is cut at
//! sentence-final punctuation unless the word before it is an abbreviation or the
//! next word starts in lower case.

use brief_core::Span;

use crate::abbrev::{classify, is_opener, Abbrev};
use crate::tokenize::char_at;

/// A sentence found by [`split_sentences`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawSentence {
    /// The sentence, without surrounding whitespace.
    pub span: Span,
    /// Paragraph index: increases at every blank line or hard line break.
    pub paragraph: usize,
    /// True when the sentence is a whole line on its own (a candidate subhead).
    pub standalone_line: bool,
}

/// Lines at least this long that run into the next line are hard-wrapped prose.
const WRAPPED_LINE_MIN: usize = 50;

/// Splits `text` into sentences, in order, non-overlapping, each trimmed.
pub fn split_sentences(text: &str) -> Vec<RawSentence> {
    let mut out = Vec::new();
    for (paragraph, unit) in units(text).into_iter().enumerate() {
        let before = out.len();
        split_unit(text, unit, paragraph, &mut out);
        if out.len() == before + 1
            && memchr::memchr(b'\n', &text.as_bytes()[unit.start..unit.end]).is_none()
        {
            out[before].standalone_line = true;
        }
    }
    out
}

/// Groups lines into units that sentences never cross.
fn units(text: &str) -> Vec<Span> {
    let mut units = Vec::new();
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(u) = current.take() {
                units.push(u);
            }
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let span = Span::new(start + lead, start + lead + content.trim().len());
        current = Some(match current {
            Some(u) => Span::new(u.start, span.end),
            None => span,
        });
        let wrapped = trimmed.chars().count() >= WRAPPED_LINE_MIN;
        if !wrapped {
            units.extend(current.take());
        }
    }
    units.extend(current);
    units
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn split_unit(text: &str, unit: Span, paragraph: usize, out: &mut Vec<RawSentence>) {
    let body = &text[unit.start..unit.end];
    let n = body.len();
    let mut start = 0usize; // byte offset in body of the current sentence
    let bytes = body.as_bytes();
    let mut open = OpenQuotations::default();
    let mut i = 0;
    while i < n {
        // Only '.', '!', '?' and the lead byte of '…' (E2 80 A6) can end a sentence:
        // other bytes, continuation bytes included, are skipped without decoding, by
        // vector search.
        let rest = &bytes[i..];
        let mark = memchr::memchr3(b'.', b'!', b'?', rest).unwrap_or(rest.len());
        let Some(next) =
            memchr::memchr(0xe2, &rest[..mark]).or((mark < rest.len()).then_some(mark))
        else {
            break;
        };
        i += next;
        let (c, len) = char_at(body, i);
        if !is_terminal(c) {
            i += len;
            continue;
        }
        // The run of terminal marks ("?!", "..."), then closing quotes and brackets.
        let mut j = i + len;
        let mut single_period = c == '.';
        while j < n {
            let (d, dlen) = char_at(body, j);
            if !is_terminal(d) {
                break;
            }
            single_period = false;
            j += dlen;
        }
        while j < n {
            let (d, dlen) = char_at(body, j);
            if !is_closing(d) {
                break;
            }
            j += dlen;
        }
        if j >= n {
            break;
        }
        let mut end = j;
        let (after, _) = char_at(body, j);
        if !after.is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        while k < n {
            let (d, dlen) = char_at(body, k);
            if !d.is_whitespace() {
                break;
            }
            k += dlen;
        }
        if k >= n {
            break;
        }
        let (mut next, next_len) = char_at(body, k);
        // A double quotation mark set off by spaces after the full stop closes the quotation
        // the paragraph left open ("… they said 'We don't give out our names.' " Emwazi
        // wrote …"): it ends this sentence rather than opening the next.
        let mut closes_quote = j > i + len && body[i + len..j].contains(is_quote_mark);
        if matches!(next, '"' | '”')
            && body[k + next_len..].starts_with(char::is_whitespace)
            && open.close(body, end, next)
        {
            end = k + next_len;
            k = end + body[end..].len() - body[end..].trim_start().len();
            if k >= n {
                break;
            }
            next = char_at(body, k).0;
            closes_quote = true;
        }
        let quoted_question = c != '.' && closes_quote;
        // A quotation closing on an initial or abbreviation, then another opening (“… they
        // call "Mom B." "I have been …"), is two sentences, whatever the period is.
        let quote_after_quote = closes_quote && matches!(next, '"' | '“' | '‘');
        if (quote_after_quote || boundary(body, i, c, single_period, next, word_at(body, k)))
            && !(quoted_question && attribution_ends(&body[k..]))
        {
            push(out, unit.start, body, start, end, paragraph);
            start = k;
        }
        i = k;
    }
    push(out, unit.start, body, start, n, paragraph);
}

/// The double quotation marks of a paragraph up to a point, counted as the point moves on
/// (quotations run over sentences), so each question costs only the text since the last.
#[derive(Default)]
struct OpenQuotations {
    counted: usize,
    straight: usize,
    left: usize,
    right: usize,
}

impl OpenQuotations {
    /// True when `body[..end]` leaves open a quotation that `mark` (a straight or a right
    /// double quotation mark) would close; `end` never moves back.
    fn close(&mut self, body: &str, end: usize, mark: char) -> bool {
        let part = &body[self.counted.min(end)..end];
        self.straight += memchr::memchr_iter(b'"', part.as_bytes()).count();
        self.left += part.matches('“').count();
        self.right += part.matches('”').count();
        self.counted = end;
        if mark == '"' {
            self.straight % 2 == 1
        } else {
            self.left > self.right
        }
    }
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’')
}

/// Most words of an attribution that closes a quoted question or exclamation.
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// True when `rest` opens with a short attribution that ends its sentence: the speaker
/// and the verb of saying of a quotation just closed ("“Did you see him?” Assistant U.S.
/// Attorney William Weinreb asked.", "… asked Kraft."): the quotation's sentence runs on
/// to its full stop, as it does before a lower-case "she asked".
fn attribution_ends(rest: &str) -> bool {
    let saying = |w: &str| crate::quotes::SAYING.contains(&w.to_ascii_lowercase().as_str());
    let mut previous = "";
    for (n, word) in rest
        .split_whitespace()
        .take(MAX_ATTRIBUTION_WORDS)
        .enumerate()
    {
        if word.contains(['!', '?', ',', ';', ':']) || word.contains(is_quote_mark) {
            return false;
        }
        if let Some(bare) = word.strip_suffix('.') {
            // The verb last, or before a listener of one word ("asked Kraft.").
            if n >= 1 && (saying(bare) || (n >= 2 && saying(previous))) {
                return true;
            }
            // Past an abbreviation or initial ("U.S.", "Sen.", "W."), else the sentence
            // ended without a verb of saying.
            if !(bare.contains('.') || bare.len() <= 3) {
                return false;
            }
        }
        previous = word;
    }
    false
}

fn boundary(
    body: &str,
    period_at: usize,
    mark: char,
    single_period: bool,
    next: char,
    next_word: &str,
) -> bool {
    if next.is_lowercase() {
        return false;
    }
    if mark != '.' || !single_period {
        return true;
    }
    let before = &body[..period_at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '—'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    match classify(word) {
        Abbrev::None => true,
        Abbrev::Never => false,
        Abbrev::Month => !next.is_ascii_digit(),
        Abbrev::Maybe => is_opener(next_word.trim_matches(|c: char| !c.is_alphanumeric())),
    }
}

fn word_at(body: &str, at: usize) -> &str {
    let rest = &body[at..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    &rest[..end]
}

fn push(
    out: &mut Vec<RawSentence>,
    base: usize,
    body: &str,
    start: usize,
    end: usize,
    paragraph: usize,
) {
    let piece = &body[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_end = start + piece.trim_end().len();
    if trimmed_end > trimmed_start {
        out.push(RawSentence {
            span: Span::new(base + trimmed_start, base + trimmed_end),
            paragraph,
            standalone_line: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn a_quotation_closing_on_an_initial_ends_before_the_next_one() {
        assert_eq!(
            split("Two alumni agree with the woman they call \"Mom B.\" \"I am heartbroken,\" Gilbow said."),
            [
                "Two alumni agree with the woman they call \"Mom B.\"",
                "\"I am heartbroken,\" Gilbow said."
            ]
        );
        // Without a quotation after it, an initial ends nothing.
        assert_eq!(
            split("They call her \"Mom B.\" to this day."),
            ["They call her \"Mom B.\" to this day."]
        );
    }

    #[test]
    fn abbreviations_initials_and_dates() {
        assert_eq!(
            split("Sen. Ann Lee met Mr. Smith on Jan. 5 in Washington, D.C. to talk. George W. Bush was there."),
            ["Sen. Ann Lee met Mr. Smith on Jan. 5 in Washington, D.C. to talk.", "George W. Bush was there."]
        );
        assert_eq!(
            split("He mourned the former Speaker, Rt. Hon. Ben Nzeribe. The House rose."),
            [
                "He mourned the former Speaker, Rt. Hon. Ben Nzeribe.",
                "The House rose."
            ]
        );
        assert_eq!(
            split("Putin told RT. The Kremlin denied it."),
            ["Putin told RT.", "The Kremlin denied it."]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        assert_eq!(
            split("He lives in the U.S. The U.S. Army said so. Shares of Acme Inc. fell."),
            [
                "He lives in the U.S.",
                "The U.S. Army said so.",
                "Shares of Acme Inc. fell."
            ]
        );
    }

    #[test]
    fn a_named_speaker_after_a_quoted_question_stays_in_its_sentence() {
        assert_eq!(
            split(
                "\"Did you see him again?\" Assistant U.S. Attorney William Weinreb asked. \
                 \"I did not.\" \"Do you work?\" McCauley asked Kraft. \"Yes.\" \
                 \"Why?\" The room fell silent after the question was asked."
            ),
            [
                "\"Did you see him again?\" Assistant U.S. Attorney William Weinreb asked.",
                "\"I did not.\"",
                "\"Do you work?\" McCauley asked Kraft.",
                "\"Yes.\"",
                "\"Why?\"",
                "The room fell silent after the question was asked."
            ]
        );
    }

    #[test]
    fn a_closing_mark_set_off_by_a_space_ends_its_sentence() {
        assert_eq!(
            split(
                "\"They said 'We don't give out our names.' \" Emwazi wrote that it hurt. \
                   He left. \" I know,\" she said."
            ),
            [
                "\"They said 'We don't give out our names.' \"",
                "Emwazi wrote that it hurt.",
                // A mark that opens no quotation left open is the next sentence's.
                "He left.",
                "\" I know,\" she said."
            ]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("\"We have no plan yet.\" Ushakov said. \"Is it over?\" she asked."),
            [
                "\"We have no plan yet.\"",
                "Ushakov said.",
                "\"Is it over?\" she asked."
            ]
        );
    }

    #[test]
    fn numbers_and_lowercase_continuations() {
        assert_eq!(
            split("Growth was 3.5 percent. It rose at 2 p.m. on Friday... and fell."),
            [
                "Growth was 3.5 percent.",
                "It rose at 2 p.m. on Friday... and fell."
            ]
        );
    }

    #[test]
    fn lines_and_paragraphs() {
        let text = "The Moscow Talks\n\nTalks lasted five hours. No deal came.\n\nNext steps\nMore talks are planned.";
        let got = split_sentences(text);
        let texts: Vec<&str> = got
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(
            texts,
            [
                "The Moscow Talks",
                "Talks lasted five hours.",
                "No deal came.",
                "Next steps",
                "More talks are planned."
            ]
        );
        let paragraphs: Vec<usize> = got.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1, 2, 3]);
        assert!(got[0].standalone_line && !got[1].standalone_line && got[3].standalone_line);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "This is a long line of prose that has been wrapped at a fixed\nwidth by the writer. It goes on.";
        assert_eq!(
            split(text),
            ["This is a long line of prose that has been wrapped at a fixed\nwidth by the writer.", "It goes on."]
        );
    }

    #[test]
    fn cnn_style_spaced_periods() {
        assert_eq!(
            split("What: Live chat . When: Wednesday ."),
            ["What: Live chat .", "When: Wednesday ."]
        );
    }
}
