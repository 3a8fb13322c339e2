//! Tokens with byte spans.

use brief_core::{Span, Token, TokenKind};

use crate::chunk::alphanumeric_run;

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‟' | '`'
    )
}

/// Punctuation that joins the alphanumerics on its two sides into one word ("don't",
/// "Putin’s", "run-up", "U.S") or number ("14,000", "3.5", "24/7", "10:30").
fn may_join(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',' | '/' | ':')
}

/// The character at byte `i` of `s` and its length, with an ASCII fast path.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Tokenizes `text[span]`. Words keep inner apostrophes, hyphens and periods
/// ("don't", "Putin’s", "run-up", "U.S."); numbers keep separators ("14,000", "3.5").
///
/// Walks bytes, decoding only non-ASCII characters: this runs on every article.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let body = &text[span.start..span.end];
    let bytes = body.as_bytes();
    let mut tokens = Vec::with_capacity(body.len() / 4 + 1);
    let mut i = 0;
    while i < body.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let (c, len) = char_at(body, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        let mut j = i + len;
        let kind = if c.is_alphanumeric() {
            let mut all_digits = c.is_numeric();
            let mut dotted = false;
            let mut prev = c;
            while j < body.len() {
                // Runs of ASCII letters and digits, the bulk of any word: eight bytes
                // at a time (no branch per byte to mispredict where the word ends),
                // then byte by byte near the end of the text.
                let run = j;
                // Byte by byte only where fewer than eight bytes are left.
                let mut near_end = true;
                while let Some(eight) = bytes.get(j..j + 8) {
                    let (len, digits) = alphanumeric_run(u64::from_le_bytes(
                        eight.try_into().expect("eight bytes"),
                    ));
                    all_digits &= digits;
                    j += len;
                    if len < 8 {
                        near_end = false;
                        break;
                    }
                }
                if near_end {
                    while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                        all_digits &= bytes[j].is_ascii_digit();
                        j += 1;
                    }
                }
                if j > run {
                    prev = char::from(bytes[j - 1]);
                    if j >= bytes.len() {
                        break;
                    }
                }
                // An ASCII byte here is no letter or digit: unless it may join, the word ends.
                if bytes[j] < 0x80 && !may_join(char::from(bytes[j])) {
                    break;
                }
                let (d, dlen) = char_at(body, j);
                if d.is_alphanumeric() {
                    all_digits &= d.is_numeric();
                    prev = d;
                    j += dlen;
                    continue;
                }
                if !may_join(d) || j + dlen >= body.len() {
                    break;
                }
                // Inner punctuation joins when alphanumerics follow: "don't", "U.S",
                // "14,000", "3.5"; "," "/" ":" only between digits.
                let (e, _) = char_at(body, j + dlen);
                if !e.is_alphanumeric() {
                    break;
                }
                if matches!(d, ',' | '/' | ':') && !(prev.is_numeric() && e.is_numeric()) {
                    break;
                }
                dotted |= d == '.';
                prev = d;
                j += dlen;
            }
            // Trailing period of an acronym: "U.S." keeps its final period.
            if dotted && !all_digits && body.as_bytes().get(j) == Some(&b'.') {
                j += 1;
            }
            if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else if is_quote(c) {
            TokenKind::Quote
        } else {
            TokenKind::Punct
        };
        tokens.push(Token {
            span: Span::new(span.start + start, span.start + j),
            kind,
        });
        i = j;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| (&text[t.span.start..t.span.end], t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_quotes() {
        use TokenKind::*;
        assert_eq!(
            toks("Putin’s aide said \"over 14,000\" died in the U.S., not 3.5%."),
            [
                ("Putin’s", Word),
                ("aide", Word),
                ("said", Word),
                ("\"", Quote),
                ("over", Word),
                ("14,000", Number),
                ("\"", Quote),
                ("died", Word),
                ("in", Word),
                ("the", Word),
                ("U.S.", Word),
                (",", Punct),
                ("not", Word),
                ("3.5", Number),
                ("%", Punct),
                (".", Punct),
            ]
        );
    }

    /// The tokenizer's rules one character at a time, as plainly as they can be written.
    fn reference(text: &str) -> Vec<(usize, usize, TokenKind)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k].1;
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            let start = k;
            if !c.is_alphanumeric() {
                let kind = if is_quote(c) {
                    TokenKind::Quote
                } else {
                    TokenKind::Punct
                };
                out.push((chars[k].0, end_of(k + 1), kind));
                k += 1;
                continue;
            }
            let (mut all_digits, mut dotted, mut prev) = (c.is_numeric(), false, c);
            k += 1;
            while k < chars.len() {
                let d = chars[k].1;
                if d.is_alphanumeric() {
                    all_digits &= d.is_numeric();
                    prev = d;
                    k += 1;
                    continue;
                }
                let Some(&(_, e)) = chars.get(k + 1) else {
                    break;
                };
                let joins = matches!(d, '\'' | '’' | '-' | '.')
                    || (matches!(d, ',' | '/' | ':') && prev.is_numeric() && e.is_numeric());
                if !joins || !e.is_alphanumeric() {
                    break;
                }
                dotted |= d == '.';
                prev = d;
                k += 1;
            }
            if dotted && !all_digits && chars.get(k).is_some_and(|&(_, c)| c == '.') {
                k += 1;
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push((chars[start].0, end_of(k), kind));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_fast_tokenizer_follows_the_rules(
            text in "([a-zA-Z0-9 .,:/'’\"“”«»`!?()\\-]|[éß١٢ⅣÀ\u{a0}\u{2003}\u{1c}\t\n\r]|[a-z]{8,12}|[0-9]{1,9}){0,40}"
        ) {
            let fast: Vec<_> = tokenize(&text, Span::new(0, text.len()))
                .into_iter()
                .map(|t| (t.span.start, t.span.end, t.kind))
                .collect();
            proptest::prop_assert_eq!(fast, reference(&text));
        }
    }

    #[test]
    fn offsets_are_relative_to_the_whole_text() {
        let text = "xx Kyiv rose.";
        let t = tokenize(text, Span::new(3, text.len()));
        assert_eq!(&text[t[0].span.start..t[0].span.end], "Kyiv");
    }
}
