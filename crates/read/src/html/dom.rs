//! A light document tree built from [`Tokenizer`] tokens, plus the head metadata
//! gathered on the way.
//!
//! The tree keeps only what extraction and metadata need: element tags, text
//! (entities decoded), a lowercased "hint" string per element (its class, id, role
//! and itemprop, which carry most of a page's structure words), a hidden flag, and a
//! few attributes metadata reads. Nodes live in one arena in document order, so a
//! node's descendants are exactly the nodes after it up to its `end`.
//!
//! Tree construction is a forgiving subset of the HTML5 rules: implied end tags for
//! `p`, `li`, `dt`/`dd`, table rows and cells, `option` and headings; end tags close
//! the nearest matching open element without crossing table cells or (for inline
//! elements) block elements; stray end tags are ignored. It never fails.

use std::ops::Range;

use super::entities;
use super::tokenizer::{decode_value, Attrs, Tag, Token, Tokenizer};

/// Marks "no node" in links between nodes.
pub(crate) const NONE: u32 = u32::MAX;

/// How deep the open-element stack may grow; deeper start tags are flattened
/// into their parent so that pathological nesting cannot blow up later passes.
const MAX_DEPTH: usize = 512;

/// One element or text node.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// The element's tag; `None` for a text node.
    pub tag: Option<Tag>,
    pub parent: u32,
    pub first_child: u32,
    pub next_sibling: u32,
    /// One past the last descendant's index.
    pub end: u32,
    /// Text nodes: their decoded text in [`Dom::text`]. Elements: their hint
    /// string in [`Dom::hints`].
    pub range: Range<u32>,
    /// Hidden by the page (`hidden`, `display:none`, `aria-hidden`), or inert
    /// (`template`).
    pub hidden: bool,
}

/// Attributes kept for metadata, by element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kept {
    Itemprop,
    Rel,
    Datetime,
    Content,
    /// An image's `alt` text.
    Alt,
}

/// The parsed page.
#[derive(Debug, Default)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// Decoded text of all text nodes.
    pub text: String,
    /// Lowercased `class id role itemprop` of all elements.
    pub hints: String,
    /// `(element, attribute, value)` for the attributes in [`Kept`].
    pub kept: Vec<(u32, Kept, String)>,
    /// `<meta>` tags: (lowercased name/property/itemprop, content).
    pub metas: Vec<(String, String)>,
    /// `<link>` tags: (lowercased rel, href).
    pub links: Vec<(String, String)>,
    /// The first `<title>` outside SVG, decoded.
    pub title: Option<String>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

impl Dom {
    /// The text of a text node.
    pub(crate) fn text_of(&self, node: &Node) -> &str {
        self.text
            .get(node.range.start as usize..node.range.end as usize)
            .unwrap_or("")
    }

    /// The hint string (`class id role itemprop`, lowercased) of an element.
    pub(crate) fn hint_of(&self, node: &Node) -> &str {
        if node.tag.is_none() {
            return "";
        }
        self.hints
            .get(node.range.start as usize..node.range.end as usize)
            .unwrap_or("")
    }

    /// A kept attribute of an element.
    pub(crate) fn kept_attr(&self, id: u32, which: Kept) -> Option<&str> {
        let from = self.kept.partition_point(|(n, _, _)| *n < id);
        self.kept[from..]
            .iter()
            .take_while(|(n, _, _)| *n == id)
            .find(|(_, k, _)| *k == which)
            .map(|(_, _, v)| v.as_str())
    }

    /// The children of `id`, in order.
    pub(crate) fn children(&self, id: u32) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes.get(id as usize).map_or(NONE, |n| n.first_child),
        }
    }

    /// All text under `id`, concatenated as written (no separators added).
    pub(crate) fn raw_text(&self, id: u32) -> String {
        let mut out = String::new();
        let Some(node) = self.nodes.get(id as usize) else {
            return out;
        };
        for n in &self.nodes[id as usize..node.end as usize] {
            if n.tag.is_none() {
                out.push_str(self.text_of(n));
            }
        }
        out
    }
}

/// Iterator over a node's children.
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let id = self.next;
        let node = self.dom.nodes.get(id as usize)?;
        self.next = node.next_sibling;
        Some(id)
    }
}

/// Whether a start tag of `tag` implies the end of an open `<p>`.
fn closes_p(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Address
            | Tag::Article
            | Tag::Aside
            | Tag::Blockquote
            | Tag::Center
            | Tag::Details
            | Tag::Dialog
            | Tag::Div
            | Tag::Dl
            | Tag::Fieldset
            | Tag::Figcaption
            | Tag::Figure
            | Tag::Footer
            | Tag::Form
            | Tag::H1
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
            | Tag::Header
            | Tag::Hgroup
            | Tag::Hr
            | Tag::Main
            | Tag::Menu
            | Tag::Nav
            | Tag::Ol
            | Tag::P
            | Tag::Pre
            | Tag::Section
            | Tag::Summary
            | Tag::Table
            | Tag::Ul
            | Tag::Li
            | Tag::Dd
            | Tag::Dt
    )
}

/// Elements an end tag search never crosses (HTML's scope boundaries).
fn is_scope_boundary(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Table | Tag::Td | Tag::Th | Tag::Caption | Tag::Html | Tag::Template | Tag::Object
    )
}

/// Phrasing (inline) elements whose end tags must not close block elements.
fn is_inline(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::A
            | Tag::Abbr
            | Tag::B
            | Tag::Cite
            | Tag::Code
            | Tag::Del
            | Tag::Em
            | Tag::Font
            | Tag::I
            | Tag::Label
            | Tag::Q
            | Tag::S
            | Tag::Small
            | Tag::Span
            | Tag::Strong
            | Tag::Sub
            | Tag::Sup
            | Tag::Time
            | Tag::U
    )
}

struct Builder<'a> {
    dom: Dom,
    /// Open elements: (node, tag, name as written).
    stack: Vec<(u32, Tag, &'a str)>,
    /// Open `<svg>`/`<math>` elements (their `<title>` is not the page's).
    foreign: usize,
    /// Each node's last child so far, to append in O(1).
    last_child: Vec<u32>,
}

impl<'a> Builder<'a> {
    fn parent(&self) -> u32 {
        self.stack.last().map_or(0, |s| s.0)
    }

    fn append(&mut self, mut node: Node) -> u32 {
        let id = self.dom.nodes.len() as u32;
        let parent = self.parent();
        node.parent = parent;
        self.dom.nodes.push(node);
        // Link as the parent's last child: find it via the previous sibling chain's
        // tail, which is cached in `last_child`.
        let last = self.last_child[parent as usize];
        if last == NONE {
            self.dom.nodes[parent as usize].first_child = id;
        } else {
            self.dom.nodes[last as usize].next_sibling = id;
        }
        self.last_child[parent as usize] = id;
        self.last_child.push(NONE);
        id
    }

    /// Pops the stack down to (and including) position `pos`.
    fn pop_to(&mut self, pos: usize) {
        let end = self.dom.nodes.len() as u32;
        for (id, tag, _) in self.stack.drain(pos..) {
            self.dom.nodes[id as usize].end = end;
            if matches!(tag, Tag::Svg | Tag::Math) {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
    }

    /// Closes an open `tag` found above any of `stop` (searching from the top).
    fn close_implied(&mut self, tags: &[Tag], stop: impl Fn(Tag) -> bool) {
        for pos in (0..self.stack.len()).rev() {
            let t = self.stack[pos].1;
            if tags.contains(&t) {
                self.pop_to(pos);
                return;
            }
            if stop(t) {
                return;
            }
        }
    }

    fn text(&mut self, raw: &str) {
        let parent = self.parent();
        let last = self.last_child[parent as usize];
        let start = self.dom.text.len();
        entities::decode_into(raw, &mut self.dom.text, false);
        let end = self.dom.text.len();
        if start == end {
            return;
        }
        // Text split by a skipped comment continues the previous text node.
        if last != NONE {
            let prev = &mut self.dom.nodes[last as usize];
            if prev.tag.is_none() && prev.range.end as usize == start {
                prev.range.end = end as u32;
                return;
            }
        }
        let id = self.dom.nodes.len() as u32;
        self.append(Node {
            tag: None,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            end: id + 1,
            range: start as u32..end as u32,
            hidden: false,
        });
    }

    fn start(&mut self, tag: Tag, name: &'a str, attrs: &str, self_closing: bool) {
        match tag {
            Tag::Meta => return self.meta(attrs),
            Tag::Link => return self.link(attrs),
            Tag::Base | Tag::Html | Tag::Head | Tag::Body => return,
            _ => {}
        }
        if tag == Tag::P || closes_p(tag) {
            self.close_implied(&[Tag::P], |t| is_scope_boundary(t) || t == Tag::Button);
        }
        match tag {
            Tag::Li => self.close_implied(&[Tag::Li], |t| {
                matches!(t, Tag::Ul | Tag::Ol | Tag::Menu) || is_scope_boundary(t)
            }),
            Tag::Dt | Tag::Dd => self.close_implied(&[Tag::Dt, Tag::Dd], |t| {
                t == Tag::Dl || is_scope_boundary(t)
            }),
            Tag::Tr => self.close_implied(&[Tag::Tr], |t| t == Tag::Table),
            Tag::Td | Tag::Th => {
                self.close_implied(&[Tag::Td, Tag::Th], |t| matches!(t, Tag::Tr | Tag::Table))
            }
            Tag::Option => self.close_implied(&[Tag::Option], |t| t != Tag::Option),
            Tag::A => self.close_implied(&[Tag::A], |t| !is_inline(t)),
            t if t.is_heading() && self.stack.last().is_some_and(|s| s.1.is_heading()) => {
                self.pop_to(self.stack.len() - 1);
            }
            _ => {}
        }

        let mut hidden = tag == Tag::Template;
        let hint_start = self.dom.hints.len();
        let id = self.dom.nodes.len() as u32;
        for (key, value) in Attrs::new(attrs) {
            let key = key.as_bytes();
            if key.eq_ignore_ascii_case(b"class")
                || key.eq_ignore_ascii_case(b"id")
                || key.eq_ignore_ascii_case(b"role")
            {
                self.push_hint(hint_start, value);
            } else if key.eq_ignore_ascii_case(b"itemprop") {
                self.push_hint(hint_start, value);
                self.keep(id, Kept::Itemprop, value);
            } else if key.eq_ignore_ascii_case(b"hidden") {
                hidden = true;
            } else if key.eq_ignore_ascii_case(b"aria-hidden") {
                hidden |= value.trim().eq_ignore_ascii_case("true");
            } else if key.eq_ignore_ascii_case(b"style") {
                hidden |= style_hides(value);
            } else if key.eq_ignore_ascii_case(b"rel") {
                self.keep(id, Kept::Rel, value);
            } else if key.eq_ignore_ascii_case(b"datetime") {
                self.keep(id, Kept::Datetime, value);
            } else if key.eq_ignore_ascii_case(b"content") {
                self.keep(id, Kept::Content, value);
            } else if tag == Tag::Img && key.eq_ignore_ascii_case(b"alt") {
                self.keep(id, Kept::Alt, value);
            }
        }
        let hint_end = self.dom.hints.len();
        let deep = self.stack.len() >= MAX_DEPTH;
        let id = self.append(Node {
            tag: Some(tag),
            parent: 0,
            first_child: NONE,
            next_sibling: NONE,
            end: id + 1,
            range: hint_start as u32..hint_end as u32,
            hidden,
        });
        let leaf = tag.is_void() || (self_closing && tag == Tag::Other) || deep;
        if !leaf {
            self.stack.push((id, tag, name));
            if matches!(tag, Tag::Svg | Tag::Math) {
                self.foreign += 1;
            }
        }
    }

    fn push_hint(&mut self, start: usize, value: &str) {
        if self.dom.hints.len() > start {
            self.dom.hints.push(' ');
        }
        for c in value.chars() {
            self.dom.hints.push(c.to_ascii_lowercase());
        }
    }

    fn keep(&mut self, id: u32, which: Kept, value: &str) {
        self.dom
            .kept
            .push((id, which, decode_value(value).into_owned()));
    }

    fn end(&mut self, tag: Tag, name: &str) {
        match tag {
            Tag::Br => {
                return self.start(Tag::Br, "br", "", false);
            }
            Tag::Html | Tag::Head | Tag::Body => return,
            _ => {}
        }
        // Any heading's end tag closes the open heading, whatever its level ("<h2>…</h3>",
        // as the HTML5 rules have it): a page that mismatches them would otherwise hold the
        // whole article inside its excerpt's heading.
        if tag.is_heading() {
            for pos in (0..self.stack.len()).rev() {
                let t = self.stack[pos].1;
                if t.is_heading() {
                    self.pop_to(pos);
                    return;
                }
                if is_scope_boundary(t) {
                    return;
                }
            }
            return;
        }
        let inline = is_inline(tag);
        for pos in (0..self.stack.len()).rev() {
            let (_, t, n) = self.stack[pos];
            if t == tag && (tag != Tag::Other || n.eq_ignore_ascii_case(name)) {
                self.pop_to(pos);
                return;
            }
            // `</td>` and `</table>` may close what is open inside the cell or
            // table; other end tags stop there, and inline ones at any block.
            let crossing_ok = matches!(tag, Tag::Table | Tag::Td | Tag::Th | Tag::Tr)
                && matches!(t, Tag::Td | Tag::Th | Tag::Tr | Tag::Caption);
            if (is_scope_boundary(t) && !crossing_ok)
                || (inline && !is_inline(t) && t != Tag::Other)
            {
                return;
            }
        }
    }

    fn meta(&mut self, attrs: &str) {
        let (mut key, mut content) = (None, None);
        for (k, v) in Attrs::new(attrs) {
            let k = k.as_bytes();
            if k.eq_ignore_ascii_case(b"name")
                || k.eq_ignore_ascii_case(b"property")
                || k.eq_ignore_ascii_case(b"itemprop")
            {
                if key.is_none() {
                    key = Some(v.trim().to_ascii_lowercase());
                }
            } else if k.eq_ignore_ascii_case(b"content") {
                content = Some(decode_value(v).into_owned());
            }
        }
        if let (Some(k), Some(c)) = (key, content) {
            self.dom.metas.push((k, c));
        }
    }

    fn link(&mut self, attrs: &str) {
        let (mut rel, mut href) = (None, None);
        for (k, v) in Attrs::new(attrs) {
            let k = k.as_bytes();
            if k.eq_ignore_ascii_case(b"rel") {
                rel = Some(v.trim().to_ascii_lowercase());
            } else if k.eq_ignore_ascii_case(b"href") {
                href = Some(decode_value(v).trim().to_string());
            }
        }
        if let (Some(r), Some(h)) = (rel, href) {
            self.dom.links.push((r, h));
        }
    }

    fn raw(&mut self, tag: Tag, text: &str, script_attrs: &str) {
        match tag {
            Tag::Title if self.foreign == 0 && self.dom.title.is_none() => {
                self.dom.title = Some(entities::decode(text, false).into_owned());
            }
            Tag::Script if is_json_ld(script_attrs) => {
                self.dom.json_ld.push(text.to_string());
            }
            _ => {}
        }
    }
}

/// `style="display: none"` or `visibility: hidden`.
fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

fn is_json_ld(attrs: &str) -> bool {
    Attrs::new(attrs).any(|(k, v)| {
        k.eq_ignore_ascii_case("type") && v.trim().eq_ignore_ascii_case("application/ld+json")
    })
}

/// Parses a page into a [`Dom`]. Node 0 is the document root.
pub(crate) fn parse(html: &str) -> Dom {
    let mut b = Builder {
        dom: Dom {
            nodes: Vec::with_capacity(html.len() / 64),
            text: String::with_capacity(html.len() / 4),
            ..Dom::default()
        },
        stack: Vec::new(),
        foreign: 0,
        last_child: vec![NONE],
    };
    b.dom.nodes.push(Node {
        tag: Some(Tag::Html),
        parent: NONE,
        first_child: NONE,
        next_sibling: NONE,
        end: 1,
        range: 0..0,
        hidden: false,
    });
    let mut last_raw_attrs = "";
    for token in Tokenizer::new(html) {
        match token {
            Token::Text(t) => b.text(t),
            Token::Start {
                tag,
                name,
                attrs,
                self_closing,
            } => {
                if matches!(
                    tag,
                    Tag::Script
                        | Tag::Style
                        | Tag::Title
                        | Tag::Textarea
                        | Tag::Xmp
                        | Tag::Iframe
                        | Tag::Noembed
                        | Tag::Noframes
                        | Tag::Noscript
                        | Tag::Plaintext
                ) {
                    // Raw-text elements become no nodes: their content is never
                    // article text. Its Raw token follows.
                    last_raw_attrs = attrs;
                } else {
                    b.start(tag, name, attrs, self_closing);
                }
            }
            Token::End { tag, name } => b.end(tag, name),
            Token::Raw { tag, text } => b.raw(tag, text, last_raw_attrs),
        }
    }
    b.pop_to(0);
    let total = b.dom.nodes.len() as u32;
    b.dom.nodes[0].end = total;
    b.dom
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_under(dom: &Dom, id: u32) -> Vec<Tag> {
        dom.children(id)
            .filter_map(|c| dom.nodes[c as usize].tag)
            .collect()
    }

    #[test]
    fn implied_ends_for_p_and_li() {
        let dom = parse("<div><p>one<p>two<ul><li>a<li>b</ul></div>");
        let div = dom.children(0).next().unwrap_or(NONE);
        assert_eq!(tags_under(&dom, div), vec![Tag::P, Tag::P, Tag::Ul]);
        let ul = dom.children(div).nth(2).unwrap_or(NONE);
        assert_eq!(tags_under(&dom, ul), vec![Tag::Li, Tag::Li]);
        assert_eq!(dom.raw_text(0), "onetwoab");
    }

    #[test]
    fn stray_and_inline_end_tags() {
        // `</span>` must not close the div; `</b>` without `<b>` is ignored.
        let dom = parse("<div><span>x</div></b>y");
        let div = dom.children(0).next().unwrap_or(NONE);
        assert_eq!(dom.raw_text(div), "x");
        let dom = parse("<div><span>a</span></b>b</div>");
        let div = dom.children(0).next().unwrap_or(NONE);
        assert_eq!(dom.raw_text(div), "ab");
    }

    #[test]
    fn a_heading_s_end_tag_closes_the_open_heading_of_any_level() {
        let dom = parse("<div><h2>Excerpt</h3><p>one</p><p>two</p></div>");
        let div = dom.children(0).next().unwrap_or(NONE);
        assert_eq!(tags_under(&dom, div), vec![Tag::H2, Tag::P, Tag::P]);
        let h2 = dom.children(div).next().unwrap_or(NONE);
        assert_eq!(dom.raw_text(h2), "Excerpt");
        // No heading open: the end tag is stray and closes nothing.
        let dom = parse("<div><p>one</h3>two</p></div>");
        let div = dom.children(0).next().unwrap_or(NONE);
        assert_eq!(dom.raw_text(div), "onetwo");
        assert_eq!(tags_under(&dom, div), vec![Tag::P]);
    }

    #[test]
    fn descendants_are_contiguous() {
        let dom = parse("<article><h2>T</h2><p>a <b>b</b></p></article><footer>f</footer>");
        let article = dom.children(0).next().unwrap_or(NONE);
        let node = &dom.nodes[article as usize];
        assert_eq!(dom.raw_text(article), "Ta b");
        let footer = node.next_sibling;
        assert_eq!(footer, node.end);
    }

    #[test]
    fn hints_hidden_and_head() {
        let dom = parse(
            "<html><head><title>A &amp; B</title><meta property=\"og:title\" content=\"T&amp;x\">\
             <link rel=canonical href=\"https://x/a\"><script type=\"application/ld+json\">{}</script>\
             </head><body><div Class=\"Main Story\" id=Body hidden>x</div><svg><title>icon</title></svg>",
        );
        assert_eq!(dom.title.as_deref(), Some("A & B"));
        assert_eq!(dom.metas, vec![("og:title".to_string(), "T&x".to_string())]);
        assert_eq!(
            dom.links,
            vec![("canonical".to_string(), "https://x/a".to_string())]
        );
        assert_eq!(dom.json_ld, vec!["{}".to_string()]);
        let div = dom.children(0).next().unwrap_or(NONE);
        let node = &dom.nodes[div as usize];
        assert_eq!(dom.hint_of(node), "main story body");
        assert!(node.hidden);
    }

    #[test]
    fn script_content_is_not_text() {
        let dom =
            parse("<p>a<script>document.write('<p>x</p>')</script>b<noscript>n</noscript></p>");
        assert_eq!(dom.raw_text(0), "ab");
    }
}
