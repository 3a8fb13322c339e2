//! Trimming a source sentence by deleting tokens only: datelines, wire credits,
//! publication boilerplate. The result is always a contiguous sub-span of the
//! sentence, so faithfulness holds by construction. Whole boilerplate sentences
//! ("PUBLISHED: …", "Follow us on …") are dropped earlier, by [`crate::candidates`].

use brief_core::{Article, Sentence, Span, TokenKind};

/// The part of `sentence` worth showing, or `None` when nothing worth showing
/// is left (pure boilerplate).
pub fn trim(article: &Article, sentence: &Sentence) -> Option<Span> {
    trim_from(article, sentence, 0)
}

/// [`trim`] of the part of `sentence` that opens at its token `from` (a sentence a
/// photo caption runs into starts there).
pub fn trim_from(article: &Article, sentence: &Sentence, from: usize) -> Option<Span> {
    let text = &article.text;
    let end = sentence.span.end;
    let tokens = &sentence.tokens;
    let mut start = tokens.get(from).map_or(end, |tok| tok.span.start);
    let mut t = from;
    // Invisible marks before the first token (a left-to-right mark, a zero-width space), and
    // a list's bullet or dash before a capitalised word ("•A military attack …", "-- In 2009,
    // …"; before a word in lower case the dash ends a clause the splitter cut off).
    if let Some(first) = tokens.get(from) {
        let word = &text[first.span.start..first.span.end];
        // Every invisible mark is outside ASCII: an ASCII first byte rules them out.
        start = if word.as_bytes()[0] < 0x80 {
            first.span.start
        } else {
            first.span.end - word.trim_start_matches(INVISIBLE).len()
        };
        if first.kind == TokenKind::Punct {
            // A dash may come as two tokens ("--").
            let marks = tokens[from..]
                .iter()
                .take(2)
                .take_while(|tok| {
                    tok.kind == TokenKind::Punct
                        && LIST_MARKS.contains(&&text[tok.span.start..tok.span.end])
                })
                .count();
            let item = tokens.get(from + marks).is_some_and(|next| {
                next.kind == TokenKind::Quote
                    || (next.kind == TokenKind::Word
                        && text[next.span.start..].starts_with(char::is_uppercase))
            });
            if marks > 0 && item {
                t = from + marks;
                start = tokens[t].span.start;
            }
        }
    }
    // Page furniture glued to the sentence: "Scroll down for video(s)".
    let prompt = ["scroll", "down", "for", "video"];
    let opens_with_prompt = tokens.len() > from + prompt.len()
        && tokens[from..].iter().zip(prompt).all(|(tok, word)| {
            let shown = &text[tok.span.start..tok.span.end];
            shown.eq_ignore_ascii_case(word)
                || (word == "video" && shown.eq_ignore_ascii_case("videos"))
        });
    if opens_with_prompt {
        t = from + prompt.len();
        start = tokens[t].span.start;
    }
    // Dateline: "(CNN)", "(CNN) --", "KYIV, Ukraine (AP) —", "LONDON (Reuters) -".
    if let Some(close) = dateline_end(text, sentence, t) {
        t = close;
        start = tokens.get(t).map_or(end, |tok| tok.span.start);
    }
    // A leading discourse marker before a capitalised word ("But Britt McHenry …", "Meanwhile,
    // Russian President …"): it ties the sentence to one a brief may not show beside it. Before
    // a word in lower case it stays, as deleting it would leave the sentence without a capital.
    let word = |i: usize| {
        tokens
            .get(i)
            .map_or("", |tok| &text[tok.span.start..tok.span.end])
    };
    if DISCOURSE_MARKERS.contains(&word(t)) {
        let next = if word(t + 1) == "," { t + 2 } else { t + 1 };
        let capitalised = tokens.get(next).is_some_and(|tok| {
            tok.kind == TokenKind::Word && word(next).starts_with(char::is_uppercase)
        });
        if capitalised {
            t = next;
            start = tokens[t].span.start;
        }
    }
    let remaining = tokens[t.min(tokens.len())..]
        .iter()
        .filter(|tok| tok.kind == TokenKind::Word || tok.kind == TokenKind::Number)
        .count();
    if remaining < 3 || start >= end {
        return None;
    }
    Some(Span::new(start, end))
}

/// Format characters that show nothing (zero-width spaces and joiners, direction marks, a
/// byte order mark).
const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2060}', '\u{feff}',
];

/// Marks that open the items of a list.
const LIST_MARKS: &[&str] = &["•", "·", "●", "▪", "■", "►", "◦", "-", "--", "–", "—", "*"];

/// Sentence-opening words that only link a sentence to the one before it.
const DISCOURSE_MARKERS: &[&str] = &[
    "Additionally",
    "Also",
    "And",
    "But",
    "Consequently",
    "Furthermore",
    "However",
    "Meanwhile",
    "Moreover",
    "Nevertheless",
    "Nonetheless",
    "So",
    "Yet",
];

/// Index of the first token after a leading dateline, if the sentence opens with one.
fn dateline_end(text: &str, sentence: &Sentence, from: usize) -> Option<usize> {
    let tokens = &sentence.tokens;
    let tok = |i: usize| tokens.get(i).map(|t| &text[t.span.start..t.span.end]);
    let is_dash = |w: &str| matches!(w, "-" | "—" | "–" | ":");
    let all_caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    // Up to 8 leading capitalised place words ("KYIV, Ukraine", "LONDON")...
    let mut i = from;
    while i < from + 8
        && tok(i).is_some_and(|w| w == "," || w.chars().next().is_some_and(char::is_uppercase))
        && tok(i) != Some("(")
    {
        i += 1;
    }
    // ...then a wire credit "(AP)", "(CNN)", "(Reuters)"...
    let mut credited = false;
    if tok(i) == Some("(") {
        let close = (i + 1..(i + 5).min(tokens.len())).find(|&k| tok(k) == Some(")"))?;
        let inside_ok = close > i + 1
            && (i + 1..close).all(|k| {
                tok(k).is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase) || w == "." || w == "-"
                })
            });
        if !inside_ok {
            return None;
        }
        i = close + 1;
        credited = true;
    }
    // ...then a dash. Without a credit, only an ALL-CAPS place followed by a dash
    // is a dateline ("RIVERSIDE —"), not any capitalised opening ("Obama - the man").
    let before_dash = i;
    while tok(i).is_some_and(is_dash) {
        i += 1;
    }
    let dashed = i > before_dash;
    let ok = credited || (dashed && tok(from).is_some_and(all_caps) && before_dash > from);
    // The sentence after a dateline opens as one: a word in lower case shows the "credit" was
    // the subject's own brackets ("The Presbyterian Church (U.S.A.) approved …").
    let opens = tok(i).is_some_and(|w| !w.starts_with(char::is_lowercase));
    (ok && opens && i < tokens.len()).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_understand::understand;

    fn trimmed(text: &str) -> Option<String> {
        let article = Article::from_text("t", text);
        let doc = understand(&article);
        trim(&article, &doc.sentences[0]).map(|s| article.slice(s).to_string())
    }

    #[test]
    fn datelines_go() {
        assert_eq!(
            trimmed("(CNN)Singer David Crosby hit a jogger.").as_deref(),
            Some("Singer David Crosby hit a jogger.")
        );
        assert_eq!(
            trimmed("KYIV, Ukraine (AP) — Talks failed on Tuesday.").as_deref(),
            Some("Talks failed on Tuesday.")
        );
        assert_eq!(
            trimmed("RIVERSIDE — The council voted on Tuesday.").as_deref(),
            Some("The council voted on Tuesday.")
        );
        assert_eq!(
            trimmed("Obama - the man himself - spoke today.").as_deref(),
            Some("Obama - the man himself - spoke today.")
        );
        assert_eq!(
            trimmed("LONDON (Reuters) - Shares fell sharply today.").as_deref(),
            Some("Shares fell sharply today.")
        );
        assert_eq!(
            trimmed("The Presbyterian Church (U.S.A.) approved an amendment on Tuesday.")
                .as_deref(),
            Some("The Presbyterian Church (U.S.A.) approved an amendment on Tuesday.")
        );
    }

    #[test]
    fn video_prompt_goes() {
        assert_eq!(
            trimmed("Scroll down for video The actress covers the May issue.").as_deref(),
            Some("The actress covers the May issue.")
        );
        assert_eq!(
            trimmed("Scroll down for videos Passengers were at the mercy of the seas.").as_deref(),
            Some("Passengers were at the mercy of the seas.")
        );
    }

    #[test]
    fn a_discourse_marker_before_a_capital_goes() {
        assert_eq!(
            trimmed("But Britt McHenry has been suspended by ESPN.").as_deref(),
            Some("Britt McHenry has been suspended by ESPN.")
        );
        assert_eq!(
            trimmed("Meanwhile, Russian President Vladimir Putin met the envoy.").as_deref(),
            Some("Russian President Vladimir Putin met the envoy.")
        );
        assert_eq!(
            trimmed("Moreover, Starbucks baristas wrote on the cups.").as_deref(),
            Some("Starbucks baristas wrote on the cups.")
        );
        assert!(DISCOURSE_MARKERS.windows(2).all(|w| w[0] < w[1]));
        // Before a word in lower case it stays: the sentence keeps its capital.
        assert_eq!(
            trimmed("But some analysts say the emails are only part of it.").as_deref(),
            Some("But some analysts say the emails are only part of it.")
        );
        assert_eq!(
            trimmed("So far, Investors have lost $3 billion.").as_deref(),
            Some("So far, Investors have lost $3 billion.")
        );
    }

    #[test]
    fn a_list_mark_goes() {
        assert_eq!(
            trimmed("•A military attack would put Israel at odds with its allies.").as_deref(),
            Some("A military attack would put Israel at odds with its allies.")
        );
        assert_eq!(
            trimmed("- The plan was approved on Monday by the council.").as_deref(),
            Some("The plan was approved on Monday by the council.")
        );
        assert_eq!(
            trimmed("\u{200e}The museum opens on Friday in the city.").as_deref(),
            Some("The museum opens on Friday in the city.")
        );
        assert_eq!(
            trimmed("-- In 2009, Cook offered his boss a piece of his liver.").as_deref(),
            Some("In 2009, Cook offered his boss a piece of his liver.")
        );
        // A minus before a number is no list mark.
        assert_eq!(
            trimmed("-5 degrees was the coldest reading of the night.").as_deref(),
            Some("-5 degrees was the coldest reading of the night.")
        );
    }

    #[test]
    fn ordinary_parentheses_stay() {
        assert_eq!(
            trimmed("The group (which met twice) agreed.").as_deref(),
            Some("The group (which met twice) agreed.")
        );
    }
}
