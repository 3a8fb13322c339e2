//! What an element's class, id, role and itemprop words say about it: a set of
//! category bits found in one pass over the hint string.
//!
//! The word lists are Readability's (unlikely/positive/negative/byline) plus
//! boilerplate words seen across news sites (newsletter, recommended, paywall...).
//! They describe kinds of page furniture, never particular sites.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Category bits.
pub(crate) type Cats = u32;

/// Probably not content (menus, sidebars, comments, footers).
pub(crate) const UNLIKELY: Cats = 1;
/// Overrides [`UNLIKELY`]: the words of content containers.
pub(crate) const MAYBE: Cats = 1 << 1;
/// Content-ish class (+25 weight).
pub(crate) const POSITIVE: Cats = 1 << 2;
/// Boilerplate-ish class (-25 weight).
pub(crate) const NEGATIVE: Cats = 1 << 3;
/// Author or date line.
pub(crate) const BYLINE: Cats = 1 << 4;
/// Share buttons.
pub(crate) const SHARE: Cats = 1 << 5;
/// Image captions and credits.
pub(crate) const CAPTION: Cats = 1 << 6;
/// Furniture that sits inside article bodies: related links, newsletter and
/// subscription prompts, promos, tags, social widgets, comments.
pub(crate) const JUNK: Cats = 1 << 7;
/// Strong signal of the article body itself.
pub(crate) const BODY: Cats = 1 << 8;

const PATTERNS: &[(&str, Cats)] = &[
    ("-ad-", UNLIKELY | NEGATIVE),
    ("ai2html", UNLIKELY),
    ("banner", UNLIKELY | NEGATIVE),
    ("breadcrumb", UNLIKELY | JUNK),
    ("combx", UNLIKELY | NEGATIVE),
    ("comment", UNLIKELY | NEGATIVE | JUNK),
    ("community", UNLIKELY),
    ("cover-wrap", UNLIKELY),
    ("disqus", UNLIKELY | JUNK),
    ("extra", UNLIKELY),
    ("footer", UNLIKELY | NEGATIVE),
    ("gdpr", UNLIKELY | NEGATIVE | JUNK),
    ("header", UNLIKELY),
    ("legends", UNLIKELY),
    ("menu", UNLIKELY),
    ("related", UNLIKELY | NEGATIVE | JUNK),
    ("remark", UNLIKELY),
    ("replies", UNLIKELY),
    ("rss", UNLIKELY),
    ("shoutbox", UNLIKELY | NEGATIVE),
    ("sidebar", UNLIKELY | NEGATIVE),
    ("skyscraper", UNLIKELY | NEGATIVE),
    ("social", UNLIKELY | JUNK),
    ("sponsor", UNLIKELY | NEGATIVE | JUNK),
    ("supplemental", UNLIKELY),
    ("ad-break", UNLIKELY),
    ("agegate", UNLIKELY),
    ("pagination", UNLIKELY | POSITIVE),
    ("pager", UNLIKELY),
    ("popup", UNLIKELY),
    ("yom-remote", UNLIKELY),
    ("navigation", UNLIKELY),
    ("navbar", UNLIKELY),
    ("complementary", UNLIKELY),
    ("alertdialog", UNLIKELY),
    ("and", MAYBE),
    ("article", MAYBE | POSITIVE),
    ("body", MAYBE | POSITIVE),
    ("column", MAYBE),
    ("content", MAYBE | POSITIVE),
    ("main", MAYBE | POSITIVE),
    ("mathjax", MAYBE),
    ("shadow", MAYBE),
    ("entry", POSITIVE),
    ("hentry", POSITIVE),
    ("page", POSITIVE),
    ("post", POSITIVE),
    ("text", POSITIVE),
    ("blog", POSITIVE),
    ("story", POSITIVE),
    ("hidden", NEGATIVE),
    ("com-", NEGATIVE),
    ("contact", NEGATIVE),
    ("masthead", NEGATIVE),
    ("media", NEGATIVE),
    ("meta", NEGATIVE),
    ("outbrain", NEGATIVE | JUNK),
    ("taboola", NEGATIVE | JUNK),
    ("promo", NEGATIVE | JUNK),
    ("scroll", NEGATIVE),
    ("share", NEGATIVE | SHARE),
    ("shopping", NEGATIVE),
    ("tags", NEGATIVE | JUNK),
    ("widget", NEGATIVE),
    ("byline", BYLINE),
    ("author", BYLINE),
    ("dateline", BYLINE),
    ("writtenby", BYLINE),
    ("caption", CAPTION),
    ("newsletter", JUNK),
    ("subscribe", JUNK),
    ("subscription", JUNK),
    ("signup", JUNK),
    ("sign-up", JUNK),
    ("recommend", JUNK),
    ("most-popular", JUNK),
    ("mostpopular", JUNK),
    ("trending", JUNK),
    ("read-more", JUNK),
    ("readmore", JUNK),
    ("more-stories", JUNK),
    // "Continue reading the main story", "Skip to content": links past furniture.
    ("skip-to", JUNK),
    ("skip-link", JUNK),
    ("skiplink", JUNK),
    ("cookie", JUNK),
    ("consent", JUNK),
    ("disclosure", JUNK),
    ("author-box", JUNK),
    ("authorbox", JUNK),
    ("author-bio", JUNK),
    ("author-info", JUNK),
    ("about-author", JUNK),
    ("about-the-author", JUNK),
    ("disclaimer", JUNK),
    ("articlebody", BODY),
    ("article-body", BODY),
    ("article_body", BODY),
    ("story-body", BODY),
    ("storybody", BODY),
    ("post-body", BODY),
    ("entry-content", BODY),
    ("post-content", BODY),
    ("article-content", BODY),
    ("article__body", BODY),
    ("article-text", BODY),
    ("story-content", BODY),
];

/// Whole words (split on anything not a letter or digit) with a category.
const WORDS: &[(&str, Cats)] = &[
    ("ad", UNLIKELY | NEGATIVE | JUNK),
    ("ads", UNLIKELY | NEGATIVE | JUNK),
    ("advert", UNLIKELY | NEGATIVE | JUNK),
    ("advertisement", UNLIKELY | NEGATIVE | JUNK),
    ("hid", NEGATIVE),
    ("nav", UNLIKELY),
    ("cta", JUNK),
    ("credit", CAPTION),
    ("credits", CAPTION),
    ("figcaption", CAPTION),
];

/// One pattern with its first (up to) four bytes packed, so most positions are
/// rejected by one integer compare instead of a slice compare.
#[derive(Clone)]
struct Entry {
    bytes: &'static [u8],
    head: u32,
    mask: u32,
    cats: Cats,
}

/// Patterns bucketed by first byte, so a scan checks only the few that can start
/// at each position.
struct Matcher {
    buckets: Vec<Vec<Entry>>,
}

/// Up to four bytes from `b` packed little-endian, with the mask of those present.
fn pack(b: &[u8]) -> (u32, u32) {
    let mut v = 0u32;
    let mut m = 0u32;
    for (k, &x) in b.iter().take(4).enumerate() {
        v |= u32::from(x) << (8 * k);
        m |= 0xFF << (8 * k);
    }
    (v, m)
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut buckets = vec![Vec::new(); 256];
    for &(p, cats) in PATTERNS {
        let bytes = p.as_bytes();
        if let Some(&first) = bytes.first() {
            let (head, mask) = pack(bytes);
            buckets[usize::from(first)].push(Entry {
                bytes,
                head,
                mask,
                cats,
            });
        }
    }
    Matcher { buckets }
});

/// Per-page memo of class-word categories: pages repeat the same few class
/// names on thousands of elements.
#[derive(Default)]
pub(crate) struct Classifier<'a> {
    memo: HashMap<&'a str, Cats, BuildHasherDefault<Fnv>>,
}

impl<'a> Classifier<'a> {
    /// The categories of a hint string: the union over its space-separated words.
    pub(crate) fn classify(&mut self, hint: &'a str) -> Cats {
        let mut cats = 0;
        for word in hint.split(' ') {
            if word.is_empty() {
                continue;
            }
            cats |= *self.memo.entry(word).or_insert_with(|| categories(word));
        }
        cats
    }
}

/// FNV-1a: short keys, no need for DoS resistance within one page.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The categories a lowercased hint string falls in.
pub(crate) fn categories(hint: &str) -> Cats {
    if hint.is_empty() {
        return 0;
    }
    let b = hint.as_bytes();
    let m = &*MATCHER;
    let mut cats = 0;
    for i in 0..b.len() {
        let bucket = &m.buckets[usize::from(b[i])];
        if bucket.is_empty() {
            continue;
        }
        let (here, _) = pack(&b[i..]);
        for e in bucket {
            if here & e.mask == e.head && (e.bytes.len() <= 4 || b[i..].starts_with(e.bytes)) {
                cats |= e.cats;
            }
        }
    }
    for word in hint.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() < 2 || word.len() > 13 {
            continue;
        }
        for &(w, c) in WORDS {
            if w == word {
                cats |= c;
            }
        }
    }
    cats
}

/// Readability's class weight: +25 for content words, -25 for boilerplate words.
pub(crate) fn class_weight(cats: Cats) -> f32 {
    let mut w = 0.0;
    if cats & NEGATIVE != 0 {
        w -= 25.0;
    }
    if cats & POSITIVE != 0 {
        w += 25.0;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_categories() {
        assert_eq!(categories(""), 0);
        let c = categories("article-body main");
        assert!(c & BODY != 0 && c & POSITIVE != 0 && c & MAYBE != 0);
        let c = categories("related-links sidebar");
        assert!(c & UNLIKELY != 0 && c & JUNK != 0);
        assert!(categories("ad slot") & UNLIKELY != 0);
        assert_eq!(categories("shadow") & UNLIKELY, 0);
        assert!(categories("head") & UNLIKELY == 0);
        let mut c = Classifier::default();
        assert_eq!(
            c.classify("story  sidebar"),
            categories("story") | categories("sidebar")
        );
        assert_eq!(c.classify("story"), categories("story"));
    }
}
