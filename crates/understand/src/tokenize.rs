//! Tokens with byte spans.

use brief_core::{Span, Token, TokenKind};

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‟' | '`'
    )
}

/// Tokenizes `text[span]`. Words keep inner apostrophes, hyphens and periods
/// ("don't", "Putin’s", "run-up", "U.S."); numbers keep separators ("14,000", "3.5").
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let body = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut tokens = Vec::with_capacity(chars.len() / 5 + 1);
    let byte_end = |k: usize| chars.get(k).map_or(body.len(), |&(p, _)| p);
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let kind;
        let mut j = i + 1;
        if c.is_alphanumeric() {
            let mut all_digits = c.is_numeric();
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    all_digits &= d.is_numeric();
                    j += 1;
                } else if matches!(d, '\'' | '’' | '-' | '.' | ',' | '/' | ':')
                    && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphanumeric())
                {
                    // Inner punctuation joins when alphanumerics follow: "don't", "U.S",
                    // "14,000", "3.5"; "," "/" ":" only between digits.
                    let between_digits = chars[j - 1].1.is_numeric() && chars[j + 1].1.is_numeric();
                    if matches!(d, ',' | '/' | ':') && !between_digits {
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            // Trailing period of an acronym: "U.S." keeps its final period.
            if j < chars.len()
                && chars[j].1 == '.'
                && body[pos..byte_end(j)].contains('.')
                && !all_digits
            {
                j += 1;
            }
            kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if is_quote(c) {
            kind = TokenKind::Quote;
        } else {
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            span: Span::new(span.start + pos, span.start + byte_end(j)),
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
    fn offsets_are_relative_to_the_whole_text() {
        let text = "xx Kyiv rose.";
        let t = tokenize(text, Span::new(3, text.len()));
        assert_eq!(&text[t[0].span.start..t[0].span.end], "Kyiv");
    }
}
