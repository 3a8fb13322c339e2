//! Main-text extraction on a parsed [`Dom`]: find the article body, clean it, and
//! render it as paragraphs.
//!
//! The method follows Readability: paragraphs score their ancestors by length and
//! commas, scores are discounted by link density and adjusted by class/id words,
//! the best container wins and takes along siblings that look like content. Inside
//! it, conditional cleaning drops link-heavy, image-heavy or list-heavy blocks, and
//! furniture (captions, share bars, bylines, related links, prompts) goes by tag
//! and class words, and a block that repeats an image's alt text is its caption. A strict pass runs first; if it finds too little text the
//! pass is repeated with the unlikely-candidate filter off.

use brief_core::{Heading, Span};

use super::dom::{Dom, Kept, Node, NONE};
use super::hints::{self, Cats};
use super::tokenizer::Tag;

/// Text shorter than this after the strict pass triggers a lenient retry.
const RETRY_BELOW: usize = 500;

/// Counts over an element's live subtree.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    /// Characters of text, whitespace runs counted once.
    text: u32,
    /// Characters inside links.
    link: u32,
    commas: u32,
    /// Characters inside lists.
    list: u32,
    /// Characters inside headings.
    heading: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.text += o.text;
        self.link += o.link;
        self.commas += o.commas;
        self.list += o.list;
        self.heading += o.heading;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
    }

    fn sub(&mut self, o: &Stats) {
        self.text = self.text.saturating_sub(o.text);
        self.link = self.link.saturating_sub(o.link);
        self.commas = self.commas.saturating_sub(o.commas);
        self.list = self.list.saturating_sub(o.list);
        self.heading = self.heading.saturating_sub(o.heading);
        self.p = self.p.saturating_sub(o.p);
        self.img = self.img.saturating_sub(o.img);
        self.li = self.li.saturating_sub(o.li);
        self.input = self.input.saturating_sub(o.input);
        self.embed = self.embed.saturating_sub(o.embed);
    }

    fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }
}

/// Labels of a photo's credit ("Photo: Jonathan Nackstrand/AFP").
const CREDIT_LABELS: &[&str] = &["Photo:", "Photograph:", "Photos:", "Image:", "Picture:"];

/// Most words of a photo's credit after its label.
const MAX_CREDIT_WORDS: usize = 6;

/// True when a block's last line ends on a photo's credit: a label opening its last sentence
/// (or the line) and a few words after it.
fn ends_on_photo_credit(block: &str) -> bool {
    let line = block.rsplit('\n').next().unwrap_or(block);
    // Asked of every block: one whose last line has no colon is settled by one scan.
    if !line.contains(':') {
        return false;
    }
    CREDIT_LABELS.iter().any(|label| {
        line.rmatch_indices(label).next().is_some_and(|(at, _)| {
            let before = line[..at].trim_end();
            let credit = &line[at + label.len()..];
            (before.is_empty() || before.ends_with(['.', '!', '?', '|', ')']))
                && credit.split_whitespace().count() <= MAX_CREDIT_WORDS
                && !credit.trim_end().ends_with(['.', '!', '?'])
        })
    })
}

/// Fewest characters of a subhead taken as a standfirst.
const STANDFIRST_CHARS: u32 = 80;

/// Fewest words of a heading that reads as a sentence of the text, not a subhead.
const SENTENCE_WORDS: usize = 12;

/// True for a text that reads as a sentence: a dozen words or more, ending in a full stop
/// (a subhead ends on none, or asks).
fn reads_as_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('.')
        && text.split_whitespace().nth(SENTENCE_WORDS - 1).is_some()
}

/// Length in characters (whitespace runs counted once) and comma count of a text.
fn measure(text: &str) -> (u32, u32) {
    let mut len = 0u32;
    let mut commas = 0u32;
    let mut in_space = false;
    if text.is_ascii() {
        // The common case, byte by byte.
        for &b in text.as_bytes() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                len += u32::from(!in_space);
                in_space = true;
                continue;
            }
            in_space = false;
            len += 1;
            commas += u32::from(b == b',');
        }
        return (len, commas);
    }
    for c in text.chars() {
        if c.is_whitespace() {
            len += u32::from(!in_space);
            in_space = true;
            continue;
        }
        in_space = false;
        len += 1;
        if matches!(
            c,
            ',' | '\u{060C}'
                | '\u{FE50}'
                | '\u{FE10}'
                | '\u{FE11}'
                | '\u{2E41}'
                | '\u{2E34}'
                | '\u{2E32}'
                | '\u{FF0C}'
        ) {
            commas += 1;
        }
    }
    (len, commas)
}

/// Elements removed with everything in them, wherever they are.
fn never_content(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav
            | Tag::Aside
            | Tag::Footer
            | Tag::Header
            | Tag::Button
            | Tag::Select
            | Tag::Option
            | Tag::Optgroup
            | Tag::Input
            | Tag::Svg
            | Tag::Math
            | Tag::Canvas
            | Tag::Video
            | Tag::Audio
            | Tag::Object
            | Tag::Embed
            | Tag::Figcaption
            | Tag::Template
            | Tag::Dialog
            | Tag::Label
            | Tag::Menu
            | Tag::Frameset
            | Tag::Head
            | Tag::Title
            | Tag::Legend
    )
}

/// Elements that break text into blocks when rendered.
fn is_block(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Main
            | Tag::Header
            | Tag::Footer
            | Tag::Aside
            | Tag::Nav
            | Tag::Blockquote
            | Tag::Pre
            | Tag::Ul
            | Tag::Ol
            | Tag::Li
            | Tag::Dl
            | Tag::Dt
            | Tag::Dd
            | Tag::Table
            | Tag::Tbody
            | Tag::Thead
            | Tag::Tfoot
            | Tag::Tr
            | Tag::Td
            | Tag::Th
            | Tag::Caption
            | Tag::H1
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
            | Tag::Figure
            | Tag::Figcaption
            | Tag::Address
            | Tag::Hr
            | Tag::Form
            | Tag::Fieldset
            | Tag::Details
            | Tag::Summary
            | Tag::Center
            | Tag::Hgroup
            | Tag::Menu
            | Tag::Legend
            | Tag::Dialog
            | Tag::Html
    )
}

/// Readability's `DIV_TO_P_ELEMS`: a div holding none of these reads as a paragraph.
fn is_div_block_child(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Blockquote
            | Tag::Dl
            | Tag::Div
            | Tag::Img
            | Tag::Ol
            | Tag::P
            | Tag::Pre
            | Tag::Table
            | Tag::Ul
            | Tag::Section
            | Tag::Article
            | Tag::H1
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
    )
}

/// Containers a div-like element can be, for paragraph scoring.
fn is_div_like(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Div | Tag::Section | Tag::Article | Tag::Main | Tag::Center | Tag::Other
    )
}

/// Readability's starting score for a candidate by its tag.
fn tag_score(tag: Tag) -> f32 {
    match tag {
        Tag::Div => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th => -5.0,
        _ => 0.0,
    }
}

/// The extracted main text.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    pub text: String,
    pub headings: Vec<Heading>,
}

/// Per-page facts that do not change between passes.
struct Page<'d> {
    dom: &'d Dom,
    cats: Vec<Cats>,
    /// Inside a `<table>` or `<code>`/`<pre>` (exempt from the unlikely filter).
    in_table: Vec<bool>,
    /// The headline and the page's `<title>`, normalised, to drop a repeat of
    /// them at the top of the body.
    titles: Vec<String>,
    /// Images' alt texts of [`MIN_CAPTION_WORDS`] or more, normalised: a block that repeats
    /// one is the image's caption set as text ("Hori Parata at his Pātaua farm, the place
    /// where he was born and grew up" in a list after its figure).
    alts: Vec<String>,
    /// (text, link text) lengths under each node before any removal.
    raw: Vec<(u32, u32)>,
    /// (length, commas) of each text node, by [`measure`].
    measures: Vec<(u32, u32)>,
}

impl Page<'_> {
    /// Whether a node holds more than half of the page's text at a low link
    /// density: then it wraps the article, whatever its class says.
    fn holds_article(&self, i: usize) -> bool {
        let (text, link) = self.raw[i];
        text * 2 > self.raw[0].0 && link * 10 < text * 3
    }
}

/// How the lead-in of a list of links to other articles opens, lower-cased ("More
/// Great WIRED Stories", "Related coverage", "Read more:").
const RELATED_LEADS: &[&str] = &[
    "also read",
    "editor's picks",
    "further reading",
    "more from",
    "more great",
    "more on this",
    "more stories",
    "most popular",
    "most read",
    "read more",
    "read next",
    "recommended",
    "related",
    "top stories",
    "trending",
    "you may also like",
    "you might also like",
];

/// The longest lead-in of a list of links, in characters.
const RELATED_LEAD_MAX_CHARS: u32 = 60;

/// Extracts the main text of a parsed page. `title` (the headline, if known)
/// lets a block that repeats it be dropped.
pub(crate) fn main_text(dom: &Dom, title: Option<&str>) -> Extracted {
    let n = dom.nodes.len();
    let mut cats = vec![0; n];
    let mut in_table = vec![false; n];
    let mut classifier = hints::Classifier::default();
    for (i, node) in dom.nodes.iter().enumerate() {
        if node.tag.is_some() {
            cats[i] = classifier.classify(dom.hint_of(node));
        }
        if let Some(p) = dom.nodes.get(node.parent as usize) {
            in_table[i] =
                in_table[node.parent as usize] || matches!(p.tag, Some(Tag::Code | Tag::Pre));
        }
    }
    let mut raw = vec![(0u32, 0u32); n];
    let mut measures = vec![(0u32, 0u32); n];
    for i in (0..n).rev() {
        let node = &dom.nodes[i];
        match node.tag {
            None => {
                measures[i] = measure(dom.text_of(node));
                raw[i].0 = measures[i].0;
            }
            Some(Tag::A) => raw[i].1 = raw[i].0,
            Some(_) => {}
        }
        let here = raw[i];
        if let Some(p) = raw.get_mut(node.parent as usize) {
            p.0 += here.0;
            p.1 += here.1;
        }
    }
    let page = Page {
        dom,
        cats,
        in_table,
        titles: title
            .into_iter()
            .chain(dom.title.as_deref())
            .map(normalise_title)
            .filter(|t| !t.is_empty())
            .collect(),
        alts: captions(dom),
        raw,
        measures,
    };
    let strict = Pass::run(&page, true);
    if strict.text.len() >= RETRY_BELOW {
        return strict;
    }
    let lenient = Pass::run(&page, false);
    // The lenient pass lets furniture back in: it must find much more to win.
    if lenient.text.len() > strict.text.len() * 3 / 2 {
        lenient
    } else {
        strict
    }
}

/// Fewest words of an alt text taken for a caption: a short one ("Photo", "Joe Biden")
/// may well be a line of the article too.
const MIN_CAPTION_WORDS: usize = 5;

/// The page's alt texts that read as captions, normalised as a block is compared
/// ([`normalise_caption`]), sorted.
fn captions(dom: &Dom) -> Vec<String> {
    let mut alts: Vec<String> = dom
        .kept
        .iter()
        .filter(|(_, which, _)| *which == Kept::Alt)
        .filter(|(_, _, alt)| alt.split_whitespace().nth(MIN_CAPTION_WORDS - 1).is_some())
        .map(|(_, _, alt)| normalise_caption(alt))
        .collect();
    alts.sort_unstable();
    alts.dedup();
    alts
}

/// A caption's words in lower case, single-spaced, without a closing full stop.
fn normalise_caption(t: &str) -> String {
    let mut t = normalise_title(t);
    while t.ends_with(['.', ' ']) {
        t.pop();
    }
    t
}

fn normalise_title(t: &str) -> String {
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One extraction attempt with its own removals.
struct Pass<'p, 'd> {
    page: &'p Page<'d>,
    removed: Vec<bool>,
    stats: Vec<Stats>,
    /// Text directly in each block (not in a nested block).
    direct: Vec<(u32, u32)>,
    /// Whether a div-like element holds any of [`is_div_block_child`].
    has_block: Vec<bool>,
    score: Vec<f32>,
    scored: Vec<bool>,
}

impl<'p, 'd> Pass<'p, 'd> {
    fn run(page: &'p Page<'d>, strip_unlikely: bool) -> Extracted {
        let n = page.dom.nodes.len();
        let mut pass = Pass {
            page,
            removed: vec![false; n],
            stats: vec![Stats::default(); n],
            direct: vec![(0, 0); n],
            has_block: vec![false; n],
            score: vec![0.0; n],
            scored: vec![false; n],
        };
        pass.mark_removed(strip_unlikely);
        pass.compute_stats();
        let roots = pass.select();
        pass.clean(&roots);
        render(page.dom, &roots, &pass.removed, &page.titles, &page.alts)
    }

    fn node(&self, id: u32) -> &'d Node {
        &self.page.dom.nodes[id as usize]
    }

    fn mark_removed(&mut self, strip_unlikely: bool) {
        let dom = self.page.dom;
        let mut i = 1usize;
        while i < dom.nodes.len() {
            let node = &dom.nodes[i];
            let Some(tag) = node.tag else {
                i += 1;
                continue;
            };
            let cats = self.page.cats[i];
            let unlikely = strip_unlikely
                && cats & hints::UNLIKELY != 0
                && cats & (hints::MAYBE | hints::BODY) == 0
                && !matches!(tag, Tag::A | Tag::Article | Tag::Main | Tag::Body)
                && !self.page.in_table[i];
            if node.hidden || never_content(tag) || (unlikely && !self.page.holds_article(i)) {
                self.removed[i] = true;
                i = node.end as usize;
                continue;
            }
            i += 1;
        }
    }

    /// Bottom-up stats over live nodes, direct text per block, block children.
    fn compute_stats(&mut self) {
        let dom = self.page.dom;
        let n = dom.nodes.len();
        // Nearest block ancestor, for direct text.
        let mut owner = vec![0u32; n];
        for i in 1..n {
            let node = &dom.nodes[i];
            let p = node.parent as usize;
            owner[i] = match dom.nodes[p].tag {
                Some(t) if is_block(t) || p == 0 => p as u32,
                _ => owner[p],
            };
        }
        for i in (1..n).rev() {
            let node = &dom.nodes[i];
            match node.tag {
                None => {
                    let (len, commas) = self.page.measures[i];
                    self.stats[i].text = len;
                    self.stats[i].commas = commas;
                }
                Some(tag) => {
                    let s = &mut self.stats[i];
                    match tag {
                        Tag::A => s.link = s.text,
                        Tag::Ul | Tag::Ol => s.list = s.text,
                        t if t.is_heading() => s.heading = s.text,
                        Tag::P => s.p += 1,
                        Tag::Img | Tag::Picture => s.img += 1,
                        Tag::Li => s.li += 1,
                        Tag::Input | Tag::Select | Tag::Textarea | Tag::Button => s.input += 1,
                        Tag::Embed | Tag::Object | Tag::Iframe => s.embed += 1,
                        _ => {}
                    }
                }
            }
            if self.removed[i] {
                continue;
            }
            let p = node.parent as usize;
            let child = self.stats[i];
            self.stats[p].add(&child);
            if node.tag.is_none() {
                let o = owner[i] as usize;
                self.direct[o].0 += child.text;
                self.direct[o].1 += child.commas;
            } else if let Some(t) = node.tag {
                if is_div_block_child(t) || self.has_block[i] {
                    self.has_block[p] = true;
                }
            }
        }
    }

    fn init_candidate(&mut self, id: u32) {
        if self.scored[id as usize] {
            return;
        }
        self.scored[id as usize] = true;
        let tag = self.node(id).tag.unwrap_or(Tag::Other);
        self.score[id as usize] = tag_score(tag) + hints::class_weight(self.page.cats[id as usize]);
    }

    /// Whether an element reads as one paragraph (Readability's scored tags and
    /// divs without block children).
    fn is_paragraph(&self, id: u32) -> bool {
        match self.node(id).tag {
            Some(Tag::P | Tag::Pre | Tag::Td) => true,
            Some(Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6) => true,
            Some(t) if is_div_like(t) => !self.has_block[id as usize],
            _ => false,
        }
    }

    /// Scores paragraphs into their ancestors and picks the content roots.
    fn select(&mut self) -> Vec<u32> {
        let dom = self.page.dom;
        let n = dom.nodes.len();
        let mut i = 1usize;
        let mut units: Vec<(u32, u32, u32)> = Vec::new(); // (first ancestor, len, commas)
        while i < n {
            let node = &dom.nodes[i];
            if self.removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.tag.is_some() {
                let id = i as u32;
                if self.is_paragraph(id) {
                    let s = self.stats[i];
                    units.push((node.parent, s.text, s.commas));
                } else if self.direct[i].0 > 0 && node.tag.is_some_and(is_div_like) {
                    // Text runs directly in a container: a paragraph inside it.
                    units.push((id, self.direct[i].0, self.direct[i].1));
                }
            }
            i += 1;
        }
        let mut candidates: Vec<u32> = Vec::new();
        for (first, len, commas) in units {
            if len < 25 {
                continue;
            }
            let content = 1.0 + commas as f32 + (len / 100).min(3) as f32;
            let mut anc = first;
            let mut level = 0u32;
            while anc != NONE && anc != 0 && level < 5 {
                if !self.scored[anc as usize] {
                    self.init_candidate(anc);
                    candidates.push(anc);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                self.score[anc as usize] += content / divider;
                anc = self.node(anc).parent;
                level += 1;
            }
        }
        for &c in &candidates {
            let ld = self.stats[c as usize].link_density();
            self.score[c as usize] *= 1.0 - ld;
        }
        candidates.sort_by(|a, b| {
            self.score[*b as usize]
                .partial_cmp(&self.score[*a as usize])
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let Some(&first) = candidates.first() else {
            return vec![0];
        };
        let mut top = first;
        let top_score = self.score[top as usize];

        // Several near-best candidates under one ancestor: that ancestor is the article.
        let alternatives: Vec<u32> = candidates
            .iter()
            .skip(1)
            .take(4)
            .copied()
            .filter(|&c| top_score > 0.0 && self.score[c as usize] / top_score >= 0.75)
            .collect();
        if alternatives.len() >= 3 {
            let mut parent = self.node(top).parent;
            while parent != NONE && parent != 0 {
                let containing = alternatives
                    .iter()
                    .filter(|&&a| self.is_ancestor(parent, a))
                    .count();
                if containing >= 3 {
                    top = parent;
                    break;
                }
                parent = self.node(parent).parent;
            }
        }
        if !self.scored[top as usize] {
            self.init_candidate(top);
        }

        // Climb while the parent scores higher (the article is split in parts).
        let mut parent = self.node(top).parent;
        let mut last = self.score[top as usize];
        let threshold = last / 3.0;
        while parent != NONE && parent != 0 {
            if !self.scored[parent as usize] {
                parent = self.node(parent).parent;
                continue;
            }
            let ps = self.score[parent as usize];
            if ps < threshold {
                break;
            }
            if ps > last {
                top = parent;
                break;
            }
            last = ps;
            parent = self.node(parent).parent;
        }
        // An ancestor that scores nearly as well yet holds much more text is the
        // article; the winner was one dense part of it (a table, a list of names).
        let (top_score, top_text) = (self.score[top as usize], self.stats[top as usize].text);
        let mut anc = self.node(top).parent;
        while anc != NONE && anc != 0 {
            let s = self.stats[anc as usize];
            if self.scored[anc as usize]
                && self.score[anc as usize] >= 0.6 * top_score
                && s.text as f32 >= 1.6 * top_text as f32
                && s.link_density() < 0.3
            {
                top = anc;
                break;
            }
            anc = self.node(anc).parent;
        }
        // An only child stands for its parent.
        loop {
            let parent = self.node(top).parent;
            if parent == NONE || parent == 0 {
                break;
            }
            let live_elements = dom
                .children(parent)
                .filter(|&c| !self.removed[c as usize] && self.node(c).tag.is_some())
                .count();
            if live_elements != 1 {
                break;
            }
            top = parent;
        }
        self.siblings(top)
    }

    fn is_ancestor(&self, anc: u32, id: u32) -> bool {
        let a = self.node(anc);
        id > anc && id < a.end
    }

    /// The top candidate and the siblings that look like more of the article.
    fn siblings(&mut self, top: u32) -> Vec<u32> {
        let dom = self.page.dom;
        let parent = self.node(top).parent;
        if parent == NONE || top == 0 {
            return vec![top];
        }
        let top_score = self.score[top as usize];
        let threshold = (top_score * 0.2).max(10.0);
        let top_hint = dom.hint_of(self.node(top));
        let mut roots = Vec::new();
        for c in dom.children(parent).collect::<Vec<_>>() {
            if self.removed[c as usize] {
                continue;
            }
            let node = self.node(c);
            if c == top {
                roots.push(c);
                continue;
            }
            if node.tag.is_none() {
                continue;
            }
            let mut bonus = 0.0;
            if !top_hint.is_empty() && dom.hint_of(node) == top_hint {
                bonus = top_score * 0.2;
                // Another part of the same article, named alike but too far
                // from its paragraphs to have been scored.
                let s = self.stats[c as usize];
                if s.text > 200 && s.link_density() < 0.3 {
                    roots.push(c);
                    continue;
                }
            }
            if self.scored[c as usize] && self.score[c as usize] + bonus >= threshold {
                roots.push(c);
                continue;
            }
            // A standfirst before the body, set as a subhead ("<h2 class=excerpt>Whether
            // you're for or against …, there is no denying … during the crisis.</h2>").
            if c < top && node.tag.is_some_and(|t| t.is_heading() && t != Tag::H1) {
                let s = self.stats[c as usize];
                if s.text > STANDFIRST_CHARS
                    && s.link == 0
                    && reads_as_sentence(dom.raw_text(c).trim_end())
                {
                    roots.push(c);
                    continue;
                }
            }
            if self.is_paragraph(c) && matches!(node.tag, Some(Tag::P | Tag::Div)) {
                let s = self.stats[c as usize];
                let ld = s.link_density();
                if s.text > 80 && ld < 0.25 {
                    roots.push(c);
                } else if s.text > 0 && s.text <= 80 && ld == 0.0 {
                    let t = dom.raw_text(c);
                    let t = t.trim_end();
                    if t.ends_with('.') || t.contains(". ") {
                        roots.push(c);
                    }
                }
            }
        }
        roots
    }

    fn remove(&mut self, id: u32) {
        if self.removed[id as usize] {
            return;
        }
        self.removed[id as usize] = true;
        let s = self.stats[id as usize];
        let mut anc = self.node(id).parent;
        while anc != NONE {
            self.stats[anc as usize].sub(&s);
            anc = self.node(anc).parent;
        }
    }

    /// Readability's article preparation: conditional cleaning and furniture removal.
    fn clean(&mut self, roots: &[u32]) {
        for &root in roots {
            let end = self.node(root).end;
            let root_text = self.stats[root as usize].text;
            // Forward: headings and furniture by name.
            let mut i = root;
            while i < end {
                let node = self.node(i);
                // "More Great WIRED Stories" over a list of links to other articles: the
                // lead-in and its list go (a lead-in already removed by its name,
                // "story-footer", still marks its list).
                let related_list = (i != root
                    && node.tag.is_some()
                    && self.stats[i as usize].text <= RELATED_LEAD_MAX_CHARS)
                    .then(|| self.related_list_after(i))
                    .flatten();
                if let Some(list) = related_list {
                    self.remove(list);
                }
                if self.removed[i as usize] {
                    i = node.end;
                    continue;
                }
                let Some(tag) = node.tag else {
                    i += 1;
                    continue;
                };
                let cats = self.page.cats[i as usize];
                let s = self.stats[i as usize];
                // The headline (h1) is metadata, not body; so are subheads
                // named like furniture.
                let mut drop =
                    tag == Tag::H1 || (tag.is_heading() && hints::class_weight(cats) < 0.0);
                if i != root {
                    // A block of nothing but links: buttons, "read more", link lists.
                    if matches!(tag, Tag::P | Tag::Div)
                        && !self.has_block[i as usize]
                        && s.link_density() > 0.8
                    {
                        drop = true;
                    }
                    if cats & hints::SHARE != 0 && s.text < 500 {
                        drop = true;
                    }
                    if cats & hints::BYLINE != 0 && s.text < 100 {
                        drop = true;
                    }
                    if cats & hints::CAPTION != 0 && s.text < 300 {
                        drop = true;
                    }
                    // Furniture by name, unless it holds most of the article
                    // (a wrapper whose many class names include such a word).
                    if cats & hints::JUNK != 0 && s.text * 2 < root_text {
                        drop = true;
                    }
                    drop |= related_list.is_some();
                }
                if drop {
                    self.remove(i);
                    i = node.end;
                    continue;
                }
                i += 1;
            }
            // Backward: conditional cleaning, innermost first.
            let mut ids: Vec<u32> = (root..end)
                .filter(|&i| {
                    matches!(
                        self.node(i).tag,
                        Some(
                            Tag::Form
                                | Tag::Fieldset
                                | Tag::Table
                                | Tag::Ul
                                | Tag::Ol
                                | Tag::Div
                                | Tag::Section
                        )
                    )
                })
                .collect();
            ids.reverse();
            let root_text = self.stats[root as usize].text;
            for id in ids {
                if id == root || self.is_dead(id, root) {
                    continue;
                }
                if self.should_clean(id, root_text) {
                    self.remove(id);
                }
            }
        }
    }

    /// The list that `lead` introduces when it reads like a lead-in to links to other
    /// articles ([`RELATED_LEADS`]) and the element after it is a list of at least two
    /// items, each holding a link.
    fn related_list_after(&self, lead: u32) -> Option<u32> {
        let dom = self.page.dom;
        let text = dom.raw_text(lead);
        let lower = text.trim().to_lowercase();
        if !RELATED_LEADS.iter().any(|l| lower.starts_with(l)) {
            return None;
        }
        let mut next = self.node(lead).next_sibling;
        while next != NONE && self.node(next).tag.is_none() {
            if !dom.text_of(self.node(next)).trim().is_empty() {
                return None;
            }
            next = self.node(next).next_sibling;
        }
        if next == NONE || !matches!(self.node(next).tag, Some(Tag::Ul | Tag::Ol)) {
            return None;
        }
        let items: Vec<u32> = dom
            .children(next)
            .filter(|&c| self.node(c).tag == Some(Tag::Li))
            .collect();
        let linked = items.iter().all(|&c| self.stats[c as usize].link > 0);
        (items.len() >= 2 && linked && !self.removed[next as usize]).then_some(next)
    }

    fn is_dead(&self, id: u32, root: u32) -> bool {
        let mut cur = id;
        while cur != NONE {
            if self.removed[cur as usize] {
                return true;
            }
            if cur == root {
                return false;
            }
            cur = self.node(cur).parent;
        }
        false
    }

    fn has_ancestor(&self, id: u32, tag: Tag) -> bool {
        let mut cur = self.node(id).parent;
        while cur != NONE {
            if self.node(cur).tag == Some(tag) {
                return true;
            }
            cur = self.node(cur).parent;
        }
        false
    }

    /// Readability's `_cleanConditionally` test.
    fn should_clean(&self, id: u32, root_text: u32) -> bool {
        let tag = self.node(id).tag.unwrap_or(Tag::Other);
        if matches!(tag, Tag::Div | Tag::Section) && !self.has_block[id as usize] {
            // Read as a paragraph, not a container.
            return false;
        }
        let s = self.stats[id as usize];
        if s.text * 2 >= root_text && s.link_density() < 0.3 {
            // Most of the article: whatever its class says, it is the body.
            return false;
        }
        let weight = hints::class_weight(self.page.cats[id as usize]);
        if weight < 0.0 {
            return true;
        }
        if s.commas >= 10 {
            return false;
        }
        let is_list =
            matches!(tag, Tag::Ul | Tag::Ol) || (s.text > 0 && s.list as f32 / s.text as f32 > 0.9);
        let p = s.p as f32;
        let img = s.img as f32;
        let li = s.li as f32 - 100.0;
        let input = s.input as f32;
        let ld = s.link_density();
        let in_figure = self.has_ancestor(id, Tag::Figure);
        let heading_density = if s.text == 0 {
            0.0
        } else {
            s.heading as f32 / s.text as f32
        };
        (!in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list
                && !in_figure
                && heading_density < 0.9
                && s.text < 25
                && (s.img == 0 || s.img > 2)
                && ld > 0.0)
            || (!is_list && weight < 25.0 && ld > 0.2)
            || (weight >= 25.0 && ld > 0.5)
            || ((s.embed == 1 && s.text < 75) || s.embed > 1)
            || (s.img == 0 && s.text == 0)
    }
}

/// Writes the live text under `roots` as paragraphs.
fn render(
    dom: &Dom,
    roots: &[u32],
    removed: &[bool],
    titles: &[String],
    alts: &[String],
) -> Extracted {
    let mut r = Renderer {
        dom,
        removed,
        titles,
        alts,
        blocks: 0,
        item: 0,
        out: Extracted::default(),
        cur: String::new(),
        space: false,
        heading: 0,
        initial: None,
    };
    for &root in roots {
        r.walk(root, 0);
        r.flush();
    }
    if let Some(initial) = r.initial.take() {
        r.emit(initial.encode_utf8(&mut [0; 4]));
    }
    r.out
}

struct Renderer<'a> {
    dom: &'a Dom,
    removed: &'a [bool],
    titles: &'a [String],
    /// [`Page::alts`].
    alts: &'a [String],
    /// Blocks flushed so far (kept or dropped).
    blocks: usize,
    out: Extracted,
    /// The block being built.
    cur: String,
    /// Whitespace seen since the last character.
    space: bool,
    /// Open heading elements.
    heading: u32,
    /// Open list items and table cells, where short blocks are normal.
    item: u32,
    /// A block of one capital letter, held back in case it is the drop cap of the next.
    initial: Option<char>,
}

/// Sentence-final punctuation: a block ending so is prose, however short.
const CLOSERS: [char; 12] = [
    '.', '!', '?', ':', '"', '”', ')', '…', '。', '！', '？', '」',
];

/// A short line that is only a date ("November 20, 2019", "05/10/2018 09:14").
fn is_date_line(block: &str) -> bool {
    if block.len() > 60 || block.ends_with(CLOSERS) {
        return false;
    }
    let numbers: Vec<&str> = block
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    let has_year = numbers
        .iter()
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    let words = block
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    has_year && numbers.len() >= 2 && words <= 5
}

impl Renderer<'_> {
    fn walk(&mut self, id: u32, depth: usize) {
        if self.removed.get(id as usize).copied().unwrap_or(true) {
            return;
        }
        let Some(node) = self.dom.nodes.get(id as usize) else {
            return;
        };
        let Some(tag) = node.tag else {
            self.push_text(self.dom.text_of(node));
            return;
        };
        match tag {
            Tag::Br => return self.line_break(),
            Tag::Hr => return self.flush(),
            _ => {}
        }
        let block = is_block(tag);
        let heading = matches!(tag, Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6);
        let item = matches!(tag, Tag::Li | Tag::Dd | Tag::Dt | Tag::Td | Tag::Th);
        if block {
            self.flush();
        }
        if heading {
            self.heading += 1;
        }
        if item {
            self.item += 1;
        }
        if depth < 1024 {
            let mut child = node.first_child;
            while child != NONE {
                self.walk(child, depth + 1);
                child = self
                    .dom
                    .nodes
                    .get(child as usize)
                    .map_or(NONE, |c| c.next_sibling);
            }
        }
        if block {
            self.flush();
        }
        if heading {
            self.heading -= 1;
        }
        if item {
            self.item -= 1;
        }
    }

    /// Whether a block is the headline again: equal to a title, or the part of
    /// the `<title>` before a site-name separator.
    fn repeats_title(&self, block: &str) -> bool {
        let b = normalise_title(block);
        self.titles.iter().any(|t| {
            *t == b
                || (b.split(' ').count() >= 3
                    && t.strip_prefix(b.as_str()).is_some_and(|rest| {
                        rest.starts_with(' ')
                            && rest.chars().nth(1).is_some_and(|c| !c.is_alphanumeric())
                    }))
        })
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.cur.is_empty() && !self.cur.ends_with('\n') {
                self.cur.push(' ');
            }
            self.space = false;
            self.cur.push(c);
        }
    }

    fn line_break(&mut self) {
        if self.cur.is_empty() {
            return;
        }
        if self.cur.ends_with('\n') {
            // Two breaks in a row separate paragraphs.
            self.flush();
            return;
        }
        self.cur.push('\n');
        self.space = false;
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.cur);
        self.space = false;
        let block = block.trim();
        if block.is_empty() {
            return;
        }
        // A drop cap set apart from its paragraph ("T" in a span, then "urkey, Poland and
        // …") opens the paragraph's first word again.
        if let Some(initial) = self.initial.take() {
            if block.starts_with(char::is_lowercase) {
                return self.emit(&format!("{initial}{block}"));
            }
            self.emit(initial.encode_utf8(&mut [0; 4]));
        }
        let mut chars = block.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() && self.heading == 0 {
                self.initial = Some(c);
                return;
            }
        }
        self.emit(block);
    }

    /// Adds a finished block to the text, unless it repeats the title, is a date line or
    /// an image's caption.
    fn emit(&mut self, block: &str) {
        self.blocks += 1;
        if self.blocks <= 3 && self.repeats_title(block) {
            return;
        }
        if self.heading == 0 && self.item == 0 && is_date_line(block) {
            return;
        }
        // A heading that repeats an image's alt text is the title the image illustrates.
        if self.heading == 0
            && !self.alts.is_empty()
            && self.alts.binary_search(&normalise_caption(block)).is_ok()
        {
            return;
        }
        // "The real state epidemiologist … at one of the daily briefings. Photo: Jonathan
        // Nackstrand/AFP": a block that ends on a photo's credit is the photo's caption.
        if self.heading == 0 && ends_on_photo_credit(block) {
            return;
        }
        if !self.out.text.is_empty() {
            self.out.text.push_str("\n\n");
        }
        let start = self.out.text.len();
        self.out.text.push_str(block);
        if self.heading > 0 && !block.contains('\n') && !reads_as_sentence(block) {
            self.out.headings.push(Heading {
                text: block.to_string(),
                span: Span::new(start, self.out.text.len()),
            });
        }
    }
}
