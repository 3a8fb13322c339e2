//! Character references (`&amp;`, `&#8217;`, `&#x2014;`, legacy `&nbsp` without a
//! semicolon) decoded the way browsers decode them, so that extracted text reads
//! as the page shows it.

use std::borrow::Cow;

use super::entity_table::NAMED;

/// The longest reference name in the table (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 32;

/// `raw` with its character references decoded; borrowed when there are none.
/// In attribute values a legacy reference followed by `=` or an alphanumeric is
/// left alone (`?a=1&copy=2` is a URL, not a copyright sign), as the HTML spec says.
pub(crate) fn decode(raw: &str, in_attribute: bool) -> Cow<'_, str> {
    if memchr::memchr(b'&', raw.as_bytes()).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, &mut out, in_attribute);
    Cow::Owned(out)
}

/// Appends `raw` to `out` with its character references decoded.
pub(crate) fn decode_into(raw: &str, out: &mut String, in_attribute: bool) {
    let bytes = raw.as_bytes();
    let mut done = 0;
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'&', &bytes[from..]) {
        let amp = from + p;
        from = amp + 1;
        let Some((replacement, len)) = reference_at(&raw[amp + 1..], in_attribute) else {
            continue;
        };
        out.push_str(&raw[done..amp]);
        match replacement {
            Replacement::Char(c) => out.push(c),
            Replacement::Str(s) => out.push_str(s),
        }
        done = amp + 1 + len;
        from = done;
    }
    out.push_str(&raw[done..]);
}

enum Replacement {
    Char(char),
    Str(&'static str),
}

/// The reference that starts right after an `&`, and how many bytes it spans.
fn reference_at(rest: &str, in_attribute: bool) -> Option<(Replacement, usize)> {
    let b = rest.as_bytes();
    if b.first() == Some(&b'#') {
        return numeric(b).map(|(c, len)| (Replacement::Char(c), len));
    }
    let name_len = b
        .iter()
        .take(MAX_NAME)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    if b.get(name_len) == Some(&b';') {
        if let Some(s) = lookup(&rest[..=name_len]) {
            return Some((Replacement::Str(s), name_len + 1));
        }
    }
    // Legacy references: the longest prefix that names one, without a semicolon.
    for len in (2..=name_len.min(6)).rev() {
        if let Some(s) = lookup(&rest[..len]) {
            let next = b.get(len).copied();
            if in_attribute && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
                return None;
            }
            return Some((Replacement::Str(s), len));
        }
    }
    None
}

fn lookup(name: &str) -> Option<&'static str> {
    NAMED
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .ok()
        .and_then(|i| NAMED.get(i))
        .map(|(_, v)| *v)
}

/// `#123;` or `#x1F600;` (the semicolon is optional, as browsers allow).
fn numeric(b: &[u8]) -> Option<(char, usize)> {
    let (hex, start) = match b.get(1) {
        Some(b'x' | b'X') => (true, 2),
        _ => (false, 1),
    };
    let digits = b[start.min(b.len())..]
        .iter()
        .take_while(|c| {
            if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &d in &b[start..start + digits] {
        let v = (d as char).to_digit(if hex { 16 } else { 10 }).unwrap_or(0);
        value = value
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(v);
    }
    let mut len = start + digits;
    if b.get(len) == Some(&b';') {
        len += 1;
    }
    Some((code_point(value), len))
}

/// What a numeric reference stands for: C1 controls are read as windows-1252 (as
/// browsers do, since pages mean the curly quotes), invalid values as U+FFFD.
fn code_point(value: u32) -> char {
    const C1: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => C1[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_legacy() {
        assert_eq!(decode("a &amp; b", false), "a & b");
        assert_eq!(
            decode("&lsquo;hi&rsquo; &#8212; &#x2014;", false),
            "‘hi’ — —"
        );
        assert_eq!(decode("caf&eacute; &nbsp;x", false), "café \u{a0}x");
        assert_eq!(decode("&copy 2024", false), "© 2024");
        assert_eq!(decode("&notit;", false), "¬it;");
        assert_eq!(decode("&#150;&#0;&#xD800;", false), "–\u{FFFD}\u{FFFD}");
        assert_eq!(decode("&#99999999999;", false), "\u{FFFD}");
        assert_eq!(decode("&CounterClockwiseContourIntegral;", false), "∳");
    }

    #[test]
    fn unknown_and_bare_ampersands_stay() {
        assert_eq!(
            decode("AT&T &unknown; & &#; &#x;", false),
            "AT&T &unknown; & &#; &#x;"
        );
        assert_eq!(decode("trailing &", false), "trailing &");
    }

    #[test]
    fn attribute_rule_for_legacy_references() {
        assert_eq!(decode("?a=1&copy=2", true), "?a=1&copy=2");
        assert_eq!(decode("?a=1&copy=2", false), "?a=1©=2");
        assert_eq!(decode("x&amp;y", true), "x&y");
    }
}
