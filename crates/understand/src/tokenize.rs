//! Tokens with byte spans.

use brief_core::{Span, Token, TokenKind};

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‟' | '`'
    )
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

/// The length of the run of ASCII letters and digits that opens `chunk` (eight
/// bytes, little-endian), and whether all of them are digits.
#[inline]
fn alphanumeric_run(chunk: u64) -> (usize, bool) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let splat = |b: u8| u64::from_le_bytes([b; 8]);
    // For bytes below 0x80, adding 0x80 - c sets the high bit exactly when the
    // byte is >= c, with no carry into the next byte.
    let ascii = !chunk & HIGH;
    let low = chunk & !HIGH;
    let at_least = |c: u8| low.wrapping_add(splat(0x80 - c)) & HIGH;
    let folded = (chunk | splat(0x20)) & !HIGH;
    let letter = folded.wrapping_add(splat(0x80 - b'a'))
        & !folded.wrapping_add(splat(0x80 - b'z' - 1))
        & HIGH;
    let digit = at_least(b'0') & !at_least(b'9' + 1);
    let alphanumeric = (letter | digit) & ascii;
    let len = ((!alphanumeric & HIGH).trailing_zeros() / 8) as usize;
    let run = if len == 8 {
        HIGH
    } else {
        ((1u64 << (8 * len)) - 1) & HIGH
    };
    (len, digit & run == run)
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
                while let Some(eight) = bytes.get(j..j + 8) {
                    let (len, digits) = alphanumeric_run(u64::from_le_bytes(
                        eight.try_into().expect("eight bytes"),
                    ));
                    all_digits &= digits;
                    j += len;
                    if len < 8 {
                        break;
                    }
                }
                while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                    all_digits &= bytes[j].is_ascii_digit();
                    j += 1;
                }
                if j > run {
                    prev = char::from(bytes[j - 1]);
                    if j >= bytes.len() {
                        break;
                    }
                }
                let (d, dlen) = char_at(body, j);
                if d.is_alphanumeric() {
                    all_digits &= d.is_numeric();
                    prev = d;
                    j += dlen;
                    continue;
                }
                if !matches!(d, '\'' | '’' | '-' | '.' | ',' | '/' | ':') || j + dlen >= body.len()
                {
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

    #[test]
    fn runs_of_eight_bytes_agree_with_byte_by_byte() {
        let scalar = |eight: &[u8]| {
            let len = eight
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            (len, eight[..len].iter().all(u8::is_ascii_digit))
        };
        // Every byte value at every position, among letters, digits and stops.
        for fill in [*b"Abcdefgh", *b"01234567", *b"a1b2c3d4", *b"Zz9 .,'x"] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut eight = fill;
                    eight[at] = b;
                    assert_eq!(
                        alphanumeric_run(u64::from_le_bytes(eight)),
                        scalar(&eight),
                        "{eight:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn offsets_are_relative_to_the_whole_text() {
        let text = "xx Kyiv rose.";
        let t = tokenize(text, Span::new(3, text.len()));
        assert_eq!(&text[t[0].span.start..t[0].span.end], "Kyiv");
    }
}
