//! A lenient HTML tokenizer: text runs, start and end tags with their raw
//! attributes, and the raw content of script-like elements.
//!
//! It is built for speed on real pages rather than spec conformance: it scans for
//! `<` with `memchr`, skips comments, doctypes and CDATA whole, and jumps over
//! `<script>`/`<style>` bodies with a substring search. Anything it cannot make
//! sense of is text or skipped; it never fails and never panics. Entities are not
//! decoded here (the tree builder decodes the text it keeps).

use super::entities;

/// Element names the extractor tells apart; everything else is [`Tag::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub(crate) enum Tag {
    A,
    Abbr,
    Address,
    Area,
    Article,
    Aside,
    Audio,
    B,
    Base,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Cite,
    Code,
    Col,
    Colgroup,
    Dd,
    Del,
    Details,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    Frameset,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Label,
    Legend,
    Li,
    Link,
    Main,
    Math,
    Menu,
    Meta,
    Nav,
    Noembed,
    Noframes,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    P,
    Param,
    Picture,
    Plaintext,
    Pre,
    Q,
    S,
    Script,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    Track,
    U,
    Ul,
    Video,
    Wbr,
    Xmp,
    Other,
}

impl Tag {
    /// A heading element, `h1` to `h6`.
    pub(crate) fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// The tag for an element name, ignoring ASCII case.
    pub(crate) fn from_name(name: &str) -> Tag {
        let b = name.as_bytes();
        if b.len() > 10 {
            return Tag::Other;
        }
        let mut buf = [0u8; 10];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        match &buf[..b.len()] {
            b"a" => Tag::A,
            b"abbr" => Tag::Abbr,
            b"address" => Tag::Address,
            b"area" => Tag::Area,
            b"article" => Tag::Article,
            b"aside" => Tag::Aside,
            b"audio" => Tag::Audio,
            b"b" => Tag::B,
            b"base" => Tag::Base,
            b"blockquote" => Tag::Blockquote,
            b"body" => Tag::Body,
            b"br" => Tag::Br,
            b"button" => Tag::Button,
            b"canvas" => Tag::Canvas,
            b"caption" => Tag::Caption,
            b"center" => Tag::Center,
            b"cite" => Tag::Cite,
            b"code" => Tag::Code,
            b"col" => Tag::Col,
            b"colgroup" => Tag::Colgroup,
            b"dd" => Tag::Dd,
            b"del" => Tag::Del,
            b"details" => Tag::Details,
            b"dialog" => Tag::Dialog,
            b"div" => Tag::Div,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"em" => Tag::Em,
            b"embed" => Tag::Embed,
            b"fieldset" => Tag::Fieldset,
            b"figcaption" => Tag::Figcaption,
            b"figure" => Tag::Figure,
            b"font" => Tag::Font,
            b"footer" => Tag::Footer,
            b"form" => Tag::Form,
            b"frameset" => Tag::Frameset,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"head" => Tag::Head,
            b"header" => Tag::Header,
            b"hgroup" => Tag::Hgroup,
            b"hr" => Tag::Hr,
            b"html" => Tag::Html,
            b"i" => Tag::I,
            b"iframe" => Tag::Iframe,
            b"img" => Tag::Img,
            b"input" => Tag::Input,
            b"label" => Tag::Label,
            b"legend" => Tag::Legend,
            b"li" => Tag::Li,
            b"link" => Tag::Link,
            b"main" => Tag::Main,
            b"math" => Tag::Math,
            b"menu" => Tag::Menu,
            b"meta" => Tag::Meta,
            b"nav" => Tag::Nav,
            b"noembed" => Tag::Noembed,
            b"noframes" => Tag::Noframes,
            b"noscript" => Tag::Noscript,
            b"object" => Tag::Object,
            b"ol" => Tag::Ol,
            b"optgroup" => Tag::Optgroup,
            b"option" => Tag::Option,
            b"p" => Tag::P,
            b"param" => Tag::Param,
            b"picture" => Tag::Picture,
            b"plaintext" => Tag::Plaintext,
            b"pre" => Tag::Pre,
            b"q" => Tag::Q,
            b"s" => Tag::S,
            b"script" => Tag::Script,
            b"section" => Tag::Section,
            b"select" => Tag::Select,
            b"small" => Tag::Small,
            b"source" => Tag::Source,
            b"span" => Tag::Span,
            b"strong" => Tag::Strong,
            b"style" => Tag::Style,
            b"sub" => Tag::Sub,
            b"summary" => Tag::Summary,
            b"sup" => Tag::Sup,
            b"svg" => Tag::Svg,
            b"table" => Tag::Table,
            b"tbody" => Tag::Tbody,
            b"td" => Tag::Td,
            b"template" => Tag::Template,
            b"textarea" => Tag::Textarea,
            b"tfoot" => Tag::Tfoot,
            b"th" => Tag::Th,
            b"thead" => Tag::Thead,
            b"time" => Tag::Time,
            b"title" => Tag::Title,
            b"tr" => Tag::Tr,
            b"track" => Tag::Track,
            b"u" => Tag::U,
            b"ul" => Tag::Ul,
            b"video" => Tag::Video,
            b"wbr" => Tag::Wbr,
            b"xmp" => Tag::Xmp,
            _ => Tag::Other,
        }
    }

    /// Elements that never have content or an end tag.
    pub(crate) fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Area
                | Tag::Base
                | Tag::Br
                | Tag::Col
                | Tag::Embed
                | Tag::Hr
                | Tag::Img
                | Tag::Input
                | Tag::Link
                | Tag::Meta
                | Tag::Param
                | Tag::Source
                | Tag::Track
                | Tag::Wbr
        )
    }

    /// Elements whose content is raw text up to the matching end tag. `noscript`
    /// is one because browsers with scripting on treat it so, and what it holds is
    /// fallback (tracking pixels, "enable JavaScript") rather than the article.
    fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Textarea
                | Tag::Title
                | Tag::Xmp
                | Tag::Iframe
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Noscript
                | Tag::Plaintext
        )
    }
}

/// One piece of the page.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Character data as written (entities not decoded).
    Text(&'a str),
    /// `<name attrs>`; `attrs` is the raw source between the name and `>`.
    Start {
        tag: Tag,
        name: &'a str,
        attrs: &'a str,
        self_closing: bool,
    },
    /// `</name>`.
    End { tag: Tag, name: &'a str },
    /// The content of a raw-text element (`script`, `style`, `title`...), which
    /// follows its `Start` token; the `End` token comes after it.
    Raw { tag: Tag, text: &'a str },
}

/// Tokens of an HTML source, in order.
pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: the next token is its content.
    raw: Option<(Tag, &'a str)>,
    /// Set after raw content: the end tag to emit next.
    pending_end: Option<(Tag, &'a str)>,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
            pending_end: None,
        }
    }

    /// Everything from `pos` to the end tag of `name`, then past that tag.
    fn raw_content(&mut self, tag: Tag, name: &'a str) -> Token<'a> {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let mut from = start;
        let end = loop {
            let Some(p) = memchr::memmem::find(&bytes[from..], b"</") else {
                break None;
            };
            let lt = from + p;
            let after = lt + 2;
            let candidate = bytes.get(after..after + name.len());
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
                && bytes
                    .get(after + name.len())
                    .is_none_or(|c| matches!(c, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
            {
                break Some(lt);
            }
            from = after;
        };
        match end {
            Some(lt) => {
                let close = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
                self.pos = close;
                self.pending_end = Some((tag, name));
                Token::Raw {
                    tag,
                    text: &self.src[start..lt],
                }
            }
            None => {
                self.pos = bytes.len();
                Token::Raw {
                    tag,
                    text: &self.src[start..],
                }
            }
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some((tag, name)) = self.pending_end.take() {
            return Some(Token::End { tag, name });
        }
        if let Some((tag, name)) = self.raw.take() {
            return Some(self.raw_content(tag, name));
        }
        let bytes = self.src.as_bytes();
        loop {
            if self.pos >= bytes.len() {
                return None;
            }
            let start = self.pos;
            let Some(p) = memchr::memchr(b'<', &bytes[start..]) else {
                self.pos = bytes.len();
                return Some(Token::Text(&self.src[start..]));
            };
            let lt = start + p;
            if lt > start {
                self.pos = lt;
                return Some(Token::Text(&self.src[start..lt]));
            }
            // At a '<'.
            match bytes.get(lt + 1) {
                Some(b'!') => {
                    self.pos = skip_markup_declaration(bytes, lt);
                }
                Some(b'?') => {
                    self.pos =
                        memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
                }
                Some(b'/') => {
                    let name_start = lt + 2;
                    if bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                        let name_end = bytes[name_start..]
                            .iter()
                            .position(|&c| is_space(c) || c == b'/' || c == b'>')
                            .map_or(bytes.len(), |p| name_start + p);
                        let name = &self.src[name_start..name_end];
                        self.pos = memchr::memchr(b'>', &bytes[name_end..])
                            .map_or(bytes.len(), |p| name_end + p + 1);
                        return Some(Token::End {
                            tag: Tag::from_name(name),
                            name,
                        });
                    }
                    // `</>` or `</3`: a bogus comment in browsers.
                    self.pos =
                        memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_start = lt + 1;
                    let name_end = bytes[name_start..]
                        .iter()
                        .position(|&c| is_space(c) || c == b'/' || c == b'>')
                        .map_or(bytes.len(), |p| name_start + p);
                    let (attrs_end, close) = scan_attributes(bytes, name_end);
                    self.pos = close;
                    let name = &self.src[name_start..name_end];
                    let tag = Tag::from_name(name);
                    let attrs_raw = &self.src[name_end..attrs_end];
                    let self_closing = attrs_raw.ends_with('/');
                    if tag.is_raw_text() {
                        self.raw = Some((tag, name));
                    }
                    return Some(Token::Start {
                        tag,
                        name,
                        attrs: attrs_raw,
                        self_closing,
                    });
                }
                _ => {
                    // A lone '<' is text.
                    self.pos = lt + 1;
                    return Some(Token::Text(&self.src[lt..lt + 1]));
                }
            }
        }
    }
}

/// Past a `<!...` construct: a comment, CDATA section, doctype or bogus comment.
fn skip_markup_declaration(bytes: &[u8], lt: usize) -> usize {
    let rest = &bytes[lt..];
    let find_from = |needle: &[u8], from: usize| {
        memchr::memmem::find(&rest[from.min(rest.len())..], needle)
            .map_or(bytes.len(), |p| lt + from + p + needle.len())
    };
    if rest.starts_with(b"<!--") {
        // `<!-->` and `<!--->` close at once, as in browsers.
        if rest[4..].starts_with(b">") {
            return lt + 5;
        }
        if rest[4..].starts_with(b"->") {
            return lt + 6;
        }
        return find_from(b"-->", 4);
    }
    if rest.starts_with(b"<![CDATA[") {
        return find_from(b"]]>", 9);
    }
    memchr::memchr(b'>', rest).map_or(bytes.len(), |p| lt + p + 1)
}

/// From just after a tag name: the end of the attribute source and the position
/// after the closing `>`. Quoted values may contain `>`.
fn scan_attributes(bytes: &[u8], from: usize) -> (usize, usize) {
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return (i, i + 1),
            q @ (b'"' | b'\'') if after_equals => match memchr::memchr(q, &bytes[i + 1..]) {
                Some(p) => {
                    i += p + 2;
                    after_equals = false;
                    continue;
                }
                None => return (bytes.len(), bytes.len()),
            },
            b'=' => after_equals = true,
            c if is_space(c) => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    (bytes.len(), bytes.len())
}

/// The `name=value` pairs of a tag's raw attribute source. Names are as written
/// (compare them ignoring case); values are raw (decode with [`decode_value`]).
pub(crate) struct Attrs<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Attrs<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Attrs { src, pos: 0 }
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let b = self.src.as_bytes();
        let mut i = self.pos;
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            self.pos = i;
            return None;
        }
        let name_start = i;
        // The first character may be '=' (browsers keep it in the name).
        i += 1;
        while i < b.len() && !is_space(b[i]) && b[i] != b'=' && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = &self.src[name_start..i];
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            self.pos = i;
            return Some((name, ""));
        }
        j += 1;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        let value = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let vs = j + 1;
                let ve = memchr::memchr(q, &b[vs..]).map_or(b.len(), |p| vs + p);
                self.pos = (ve + 1).min(b.len());
                &self.src[vs..ve]
            }
            _ => {
                let vs = j;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| is_space(c))
                    .map_or(b.len(), |p| vs + p);
                self.pos = ve;
                &self.src[vs..ve]
            }
        };
        Some((name, value))
    }
}

/// An attribute value with its character references decoded.
pub(crate) fn decode_value(raw: &str) -> std::borrow::Cow<'_, str> {
    entities::decode(raw, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Vec<Token<'_>> {
        Tokenizer::new(src).collect()
    }

    #[test]
    fn tags_text_and_case() {
        let t = tokens("<DIV Class=x>Hi <b>there</B></div>");
        assert_eq!(
            t,
            vec![
                Token::Start {
                    tag: Tag::Div,
                    name: "DIV",
                    attrs: " Class=x",
                    self_closing: false
                },
                Token::Text("Hi "),
                Token::Start {
                    tag: Tag::B,
                    name: "b",
                    attrs: "",
                    self_closing: false
                },
                Token::Text("there"),
                Token::End {
                    tag: Tag::B,
                    name: "B"
                },
                Token::End {
                    tag: Tag::Div,
                    name: "div"
                },
            ]
        );
    }

    #[test]
    fn comments_doctype_cdata_are_skipped() {
        let t = tokens("<!DOCTYPE html><!-- a <p> -->x<!---->y<![CDATA[ z ]]><?xml v?>w");
        assert_eq!(
            t,
            vec![Token::Text("x"), Token::Text("y"), Token::Text("w")]
        );
        // Unterminated comment swallows the rest.
        assert_eq!(tokens("a<!-- never closed <p>b"), vec![Token::Text("a")]);
    }

    #[test]
    fn script_and_style_are_raw() {
        let t = tokens("<script>if (a<b) { x = '</div>'; }</SCRIPT >after");
        assert_eq!(t.len(), 4);
        assert_eq!(
            t[1],
            Token::Raw {
                tag: Tag::Script,
                text: "if (a<b) { x = '</div>'; }"
            }
        );
        assert_eq!(t[3], Token::Text("after"));
        let t = tokens("<style>p{}</styles></style><p>");
        assert_eq!(
            t[1],
            Token::Raw {
                tag: Tag::Style,
                text: "p{}</styles>"
            }
        );
        // Unclosed script runs to the end.
        let t = tokens("<script>var a = 1;");
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn quoted_attributes_may_hold_gt() {
        let t = tokens(r#"<a title="x > y" href='/a?b>c'>link</a>"#);
        match &t[0] {
            Token::Start { attrs, .. } => {
                let pairs: Vec<_> = Attrs::new(attrs).collect();
                assert_eq!(pairs, vec![("title", "x > y"), ("href", "/a?b>c")]);
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(t[1], Token::Text("link"));
    }

    #[test]
    fn attribute_forms() {
        let pairs: Vec<_> =
            Attrs::new(r#" hidden data-x = "1" class=a id='b c' checked/"#).collect();
        assert_eq!(
            pairs,
            vec![
                ("hidden", ""),
                ("data-x", "1"),
                ("class", "a"),
                ("id", "b c"),
                ("checked", "")
            ]
        );
        assert_eq!(decode_value("a&amp;b"), "a&b");
    }

    #[test]
    fn lone_brackets_and_truncation() {
        assert_eq!(
            tokens("1 < 2 <3"),
            vec![
                Token::Text("1 "),
                Token::Text("<"),
                Token::Text(" 2 "),
                Token::Text("<"),
                Token::Text("3")
            ]
        );
        let t = tokens("<p class=\"unterminated");
        assert_eq!(t.len(), 1);
        let t = tokens("<br/><img src=x />");
        assert!(matches!(
            t[0],
            Token::Start {
                tag: Tag::Br,
                self_closing: true,
                ..
            }
        ));
        assert!(matches!(
            t[1],
            Token::Start {
                tag: Tag::Img,
                self_closing: true,
                ..
            }
        ));
    }
}
