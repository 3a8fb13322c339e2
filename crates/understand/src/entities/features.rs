//! What the tagger sees of each token: hashed features, one weight row each.
//!
//! Every token gets exactly [`TEMPLATES`] features: its own word, lower-cased
//! form, shape, prefixes and suffixes, its neighbours' words and shapes (±2), word
//! pairs around it, a few shape conjunctions (the word between its neighbours'
//! shapes catches "von der" in "Ursula von der Leyen"), and whether the whole
//! sentence is in capitals (headlines and datelines, where capitals say nothing). Each feature is a hash of a template id
//! and its values, cut to `bits` bits: the index of a weight row. Hashing keeps the
//! model a fixed size without a vocabulary, and collisions cost little (2^17 rows: 0.5 F1 below 2^20).
//!
//! One feature looks beyond the sentence: how the same word is written elsewhere
//! in the text ([`DocContext`]). A capitalised word that also appears in lower
//! case ("Sales rose" … "sales") is likely a common word; one that appears
//! capitalised mid-sentence elsewhere is likely a name, even at the start of a
//! sentence or in an all-capitals headline.
//!
//! Text is normalised only inside the hashes (curly apostrophes and quotes count as
//! straight ones, a possessive "'s" is not part of the word), so raw articles look
//! like the tokenised training text without any text being rewritten.

use brief_core::{Document, Token, TokenKind};

use crate::spelling::SpellingCache;
use rustc_hash::FxHashMap;

/// Bump when the features change: a model trained with other features is refused.
pub(crate) const VERSION: u32 = 3;

/// Features per token.
pub(crate) const TEMPLATES: usize = 33;

/// What is computed once per token before its features are combined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TokenInfo {
    /// The word as written (normalised apostrophes).
    word: u64,
    /// Lower-cased.
    lower: u64,
    /// Short shape: character classes with runs collapsed ("Xx", "X.X.", "d-d").
    shape: u64,
    /// Lower-cased prefixes and suffixes of 1–4 characters.
    prefix: [u64; 4],
    suffix: [u64; 4],
    /// How it is written: bits of [`HAS_UPPER`], [`HAS_LOWER`], [`FIRST_UPPER`].
    case: u8,
}

impl TokenInfo {
    /// A slot for this info in a table of `slots` (a power of two).
    pub(crate) fn slot(&self, slots: usize) -> usize {
        (finish(self.word ^ self.shape.rotate_left(17)) >> (64 - slots.trailing_zeros())) as usize
    }
}

/// The word has an upper-case letter.
const HAS_UPPER: u8 = 1;
/// The word has a lower-case letter.
const HAS_LOWER: u8 = 2;
/// The word starts with an upper-case letter.
const FIRST_UPPER: u8 = 4;

const BOS: TokenInfo = TokenInfo {
    word: 0x5eed_0001,
    lower: 0x5eed_0001,
    shape: 0x5eed_0001,
    prefix: [0; 4],
    suffix: [0; 4],
    case: 0,
};
const EOS: TokenInfo = TokenInfo {
    word: 0x5eed_0002,
    lower: 0x5eed_0002,
    shape: 0x5eed_0002,
    prefix: [0; 4],
    suffix: [0; 4],
    case: 0,
};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    let mut h = h;
    let mut v = c as u32;
    loop {
        h = (h ^ u64::from(v & 0xff)).wrapping_mul(FNV_PRIME);
        v >>= 8;
        if v == 0 {
            return h;
        }
    }
}

/// [`fnv_char`] of an ASCII character: one step.
#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// Mixes two hashes (a template id and a value, or two values) into one.
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 32)
}

/// The final avalanche (murmur3's), so that the top bits are well spread.
#[inline]
fn finish(h: u64) -> u64 {
    let mut h = h;
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Straight apostrophes and quotes for curly ones, as the training text has them.
#[inline]
fn normalise(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '–' | '—' => '-',
        _ => c,
    }
}

/// [`normalise`] of an ASCII character.
#[inline]
fn normalise_byte(b: u8) -> u8 {
    if b == b'`' {
        b'\''
    } else {
        b
    }
}

fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// The token's word without a possessive "'s" ("Merkel's" → "Merkel"): CoNLL
/// text splits it off, raw text does not.
pub(crate) fn without_possessive(word: &str, kind: TokenKind) -> &str {
    if kind != TokenKind::Word {
        return word;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// Computes a token's [`TokenInfo`]; `chars` is a reusable buffer.
fn token_info(word: &str, chars: &mut Vec<char>) -> TokenInfo {
    if word.is_ascii() {
        ascii_token_info(word.as_bytes())
    } else {
        general_token_info(word, chars)
    }
}

/// [`token_info`] of any word, character by character.
fn general_token_info(word: &str, chars: &mut Vec<char>) -> TokenInfo {
    chars.clear();
    let mut word_h = FNV_OFFSET;
    let mut lower_h = FNV_OFFSET;
    let mut shape_h = FNV_OFFSET;
    let mut last_class = '\0';
    let mut case = 0;
    for c in word.chars() {
        if c.is_uppercase() {
            case |= HAS_UPPER | if chars.is_empty() { FIRST_UPPER } else { 0 };
        }
        if c.is_lowercase() {
            case |= HAS_LOWER;
        }
        let c = normalise(c);
        word_h = fnv_char(word_h, c);
        let lc = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        lower_h = fnv_char(lower_h, lc);
        chars.push(lc);
        let k = class(c);
        if k != last_class {
            shape_h = fnv_char(shape_h, k);
            last_class = k;
        }
    }
    let mut info = TokenInfo {
        word: word_h,
        lower: lower_h,
        shape: shape_h,
        case,
        ..TokenInfo::default()
    };
    let mut h = FNV_OFFSET;
    for (k, &c) in chars.iter().take(4).enumerate() {
        h = fnv_char(h, c);
        info.prefix[k] = h;
    }
    let mut h = FNV_OFFSET ^ 0x55;
    for (k, &c) in chars.iter().rev().take(4).enumerate() {
        h = fnv_char(h, c);
        info.suffix[k] = h;
    }
    short_affixes(&mut info, chars.len());
    info
}

/// [`token_info`] of an ASCII word, byte by byte: the same hashes, no buffer.
fn ascii_token_info(bytes: &[u8]) -> TokenInfo {
    let mut word_h = FNV_OFFSET;
    let mut lower_h = FNV_OFFSET;
    let mut shape_h = FNV_OFFSET;
    let mut prefix_h = FNV_OFFSET;
    let mut last_class = 0u8;
    let mut info = TokenInfo::default();
    for (k, &b) in bytes.iter().enumerate() {
        let c = normalise_byte(b);
        word_h = fnv_byte(word_h, c);
        let lc = c.to_ascii_lowercase();
        lower_h = fnv_byte(lower_h, lc);
        if k < 4 {
            prefix_h = fnv_byte(prefix_h, lc);
            info.prefix[k] = prefix_h;
        }
        let class = match c {
            b'A'..=b'Z' => {
                info.case |= HAS_UPPER | if k == 0 { FIRST_UPPER } else { 0 };
                b'X'
            }
            b'a'..=b'z' => {
                info.case |= HAS_LOWER;
                b'x'
            }
            b'0'..=b'9' => b'd',
            _ => c,
        };
        if class != last_class {
            shape_h = fnv_byte(shape_h, class);
            last_class = class;
        }
    }
    let mut h = FNV_OFFSET ^ 0x55;
    for (k, &b) in bytes.iter().rev().take(4).enumerate() {
        h = fnv_byte(h, normalise_byte(b).to_ascii_lowercase());
        info.suffix[k] = h;
    }
    info.word = word_h;
    info.lower = lower_h;
    info.shape = shape_h;
    short_affixes(&mut info, bytes.len());
    info
}

/// Words shorter than an affix get the whole word, marked as such.
fn short_affixes(info: &mut TokenInfo, chars: usize) {
    for k in chars..4 {
        info.prefix[k] = mix(info.prefix[k.saturating_sub(1)], 0xa11);
        info.suffix[k] = mix(info.suffix[k.saturating_sub(1)], 0xa11);
    }
}

/// True when the sentence has capitals and no lower-case letter (a headline, a dateline).
fn all_caps(text: &str, tokens: &[Token]) -> bool {
    let mut upper = false;
    for t in tokens {
        for c in text[t.span.start..t.span.end].chars() {
            if c.is_lowercase() {
                return false;
            }
            upper |= c.is_uppercase();
        }
    }
    upper
}

/// The word is written all in lower case somewhere in the text.
const SEEN_LOWER: u8 = 1;
/// The word is written capitalised (not all capitals) inside a sentence somewhere.
const SEEN_TITLE: u8 = 2;

/// How each word (lower-cased hash) is written across a whole text.
#[derive(Default)]
struct DocContext {
    words: FxHashMap<u64, u8>,
}

impl DocContext {
    fn flags(&self, lower: u64) -> u8 {
        self.words.get(&lower).copied().unwrap_or(0)
    }
}

/// What the tagger needs of a whole text, computed once: every token's
/// [`TokenInfo`] (each sentence framed by two [`BOS`] and two [`EOS`], so that
/// neighbours need no bounds checks), whether each sentence is in capitals, and
/// how each word is written across the text ([`DocContext`]).
pub(crate) struct DocFeatures {
    infos: Vec<TokenInfo>,
    /// Per sentence: where its framed run of infos starts, its tokens, all capitals.
    sentences: Vec<(usize, usize, bool)>,
    context: DocContext,
}

impl DocFeatures {
    /// Reads every token of `doc` once.
    pub(crate) fn new(text: &str, doc: &Document) -> Self {
        let tokens: usize = doc.sentences.iter().map(|s| s.tokens.len() + 4).sum();
        let mut infos = Vec::with_capacity(tokens);
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut context = DocContext::default();
        let mut chars = Vec::new();
        thread_local! {
            static INFOS: std::cell::RefCell<SpellingCache<TokenInfo>> = Default::default();
        }
        INFOS.with_borrow_mut(|cache| {
            for s in &doc.sentences {
                let caps = all_caps(text, &s.tokens);
                sentences.push((infos.len(), s.tokens.len(), caps));
                infos.extend([BOS, BOS]);
                for (i, t) in s.tokens.iter().enumerate() {
                    // A token's kind follows from its bytes, so its spelling is key enough.
                    let info = cache.get(text, t.span, || {
                        token_info(
                            without_possessive(&text[t.span.start..t.span.end], t.kind),
                            &mut chars,
                        )
                    });
                    infos.push(info);
                    if t.kind != TokenKind::Word {
                        continue;
                    }
                    let (upper, lower) = (info.case & HAS_UPPER != 0, info.case & HAS_LOWER != 0);
                    let flags = if lower && !upper {
                        SEEN_LOWER
                    } else if info.case & FIRST_UPPER != 0 && lower && i > 0 && !caps {
                        SEEN_TITLE
                    } else {
                        0
                    };
                    if flags != 0 {
                        *context.words.entry(info.lower).or_default() |= flags;
                    }
                }
                infos.extend([EOS, EOS]);
            }
        });
        DocFeatures {
            infos,
            sentences,
            context,
        }
    }

    /// The token infos of sentence `s`, framed by two [`BOS`] and two [`EOS`].
    pub(crate) fn sentence_infos(&self, s: usize) -> &[TokenInfo] {
        let (start, n, _) = self.sentences[s];
        &self.infos[start..start + n + 4]
    }

    /// Calls `each` with the feature rows of every token of sentence `s` in
    /// order, [`TEMPLATES`] per token, each below `1 << bits`.
    pub(crate) fn sentence(&self, s: usize, bits: u32, mut each: impl FnMut(&[u32; TEMPLATES])) {
        let shift = 64 - bits;
        let mut rows = [0u32; TEMPLATES];
        self.context_rows(s, bits, |window, context| {
            let c = &window[2];
            rows[..OWN_TEMPLATES].copy_from_slice(&own_rows(c, shift));
            for (role, (info, (lower, shape))) in [&window[0], &window[1], &window[3], &window[4]]
                .into_iter()
                .zip(NEIGHBOUR_TEMPLATES)
                .enumerate()
            {
                let [l, h] = neighbour_rows(info, shift)[role];
                (rows[lower], rows[shape]) = (l, h);
            }
            rows[OWN_TEMPLATES + 2 * NEIGHBOUR_TEMPLATES.len()..].copy_from_slice(context);
            each(&rows);
        });
    }

    /// Calls `each` for every token of sentence `s` in order with its window of token infos
    /// (two before it, itself, two after) and the rows of the templates that read several of
    /// them at once, [`CONTEXT_TEMPLATES`] of them, each below `1 << bits`; the other
    /// templates read one token alone ([`own_rows`], [`neighbour_rows`]).
    pub(crate) fn context_rows(
        &self,
        s: usize,
        bits: u32,
        mut each: impl FnMut(&[TokenInfo], &[u32; CONTEXT_TEMPLATES]),
    ) {
        let (start, n, caps) = self.sentences[s];
        let caps = u64::from(caps);
        let shift = 64 - bits;
        let mut rows = [0u32; CONTEXT_TEMPLATES];
        for (i, w) in self.infos[start..start + n + 4].windows(5).enumerate() {
            let (p2, p1, c, n1, n2) = (&w[0], &w[1], &w[2], &w[3], &w[4]);
            let first = u64::from(i == 0);
            let values: [u64; CONTEXT_TEMPLATES] = [
                mix(p1.lower, c.lower),
                mix(c.lower, n1.lower),
                mix(mix(p1.shape, c.shape), n1.shape),
                mix(c.shape, first | caps << 1),
                mix(c.lower, caps),
                mix(p1.lower, c.shape),
                mix(c.shape, n1.lower),
                mix(
                    c.shape,
                    first | caps << 1 | u64::from(self.context.flags(c.lower)) << 2,
                ),
                mix(p2.lower, p1.lower),
                mix(n1.lower, n2.lower),
                mix(p1.lower, n1.lower),
                mix(mix(p1.shape, c.lower), n1.shape),
                mix(mix(p2.shape, c.lower), n2.shape),
            ];
            let first_template = OWN_TEMPLATES + 2 * NEIGHBOUR_TEMPLATES.len();
            for (k, (row, value)) in rows.iter_mut().zip(values).enumerate() {
                *row = feature_row(first_template + k, value, shift);
            }
            each(w, &rows);
        }
    }
}

/// Templates that read the token alone: a bias, its word, lower-cased form, shape, prefixes
/// and suffixes (templates `0..OWN_TEMPLATES`).
pub(crate) const OWN_TEMPLATES: usize = 12;

/// Templates that read one neighbour alone, its lower-cased form and its shape, for the
/// neighbours two before, one before, one after and two after the token, in that order.
const NEIGHBOUR_TEMPLATES: [(usize, usize); 4] = [(14, 18), (12, 16), (13, 17), (15, 19)];

/// Templates that read several tokens at once (the rest, from 20 on).
pub(crate) const CONTEXT_TEMPLATES: usize = TEMPLATES - OWN_TEMPLATES - 8;

/// The weight row of `template` with `value`, for a table of `1 << (64 - shift)` rows.
#[inline]
fn feature_row(template: usize, value: u64, shift: u32) -> u32 {
    (finish(mix(template as u64 + 1, value)) >> shift) as u32
}

/// The rows of a token's own templates, which read nothing but its [`TokenInfo`].
pub(crate) fn own_rows(c: &TokenInfo, shift: u32) -> [u32; OWN_TEMPLATES] {
    let values = [
        0,
        c.word,
        c.lower,
        c.shape,
        c.prefix[0],
        c.prefix[1],
        c.prefix[2],
        c.prefix[3],
        c.suffix[0],
        c.suffix[1],
        c.suffix[2],
        c.suffix[3],
    ];
    let mut rows = [0u32; OWN_TEMPLATES];
    for (template, (row, value)) in rows.iter_mut().zip(values).enumerate() {
        *row = feature_row(template, value, shift);
    }
    rows
}

/// The rows a token gives the templates of the tokens it neighbours, as the one two before
/// them, one before, one after and two after: its lower-cased form's and its shape's.
pub(crate) fn neighbour_rows(info: &TokenInfo, shift: u32) -> [[u32; 2]; 4] {
    NEIGHBOUR_TEMPLATES.map(|(lower, shape)| {
        [
            feature_row(lower, info.lower, shift),
            feature_row(shape, info.shape, shift),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The feature rows of every token of `text`, sentence after sentence.
    fn features(text: &str) -> Vec<u32> {
        let article = brief_core::Article::from_text("t", text);
        let doc = crate::understand(&article);
        let features = DocFeatures::new(text, &doc);
        let mut out = Vec::new();
        for s in 0..doc.sentences.len() {
            features.sentence(s, 20, |rows| out.extend_from_slice(rows));
        }
        out
    }

    #[test]
    fn one_row_per_template_and_token_in_range() {
        let f = features("Angela Merkel met Emmanuel Macron in Paris.");
        assert_eq!(f.len(), 8 * TEMPLATES);
        assert!(f.iter().all(|&r| r < 1 << 20));
    }

    #[test]
    fn curly_apostrophes_and_possessives_look_like_training_text() {
        // "Merkel’s" in raw text has the word features of CoNLL's "Merkel".
        let raw = features("Merkel’s party");
        let plain = features("Merkel party");
        assert_eq!(raw[1..12], plain[1..12]);
        assert_eq!(without_possessive("Putin's", TokenKind::Word), "Putin");
        assert_eq!(without_possessive("'s", TokenKind::Word), "'s");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        for word in [
            "Merkel", "U.S.", "`til", "co-op", "x", "", "IBM's", "1,200", "PARIS", "a1B2", "\0",
        ] {
            assert_eq!(
                ascii_token_info(word.as_bytes()),
                general_token_info(word, &mut Vec::new()),
                "{word}"
            );
        }
        // Curly marks hash as straight ones.
        let curly = token_info("‘til", &mut Vec::new());
        let straight = token_info("'til", &mut Vec::new());
        assert_eq!((curly.word, curly.shape), (straight.word, straight.shape));
    }

    #[test]
    fn the_document_tells_common_words_from_names() {
        let text = "Sales rose at Acme. Acme said sales fell.";
        let article = brief_core::Article::from_text("t", text);
        let doc = crate::understand(&article);
        let context = DocFeatures::new(text, &doc).context;
        let lower = |w: &str| token_info(w, &mut Vec::new()).lower;
        assert_eq!(context.flags(lower("Sales")), SEEN_LOWER);
        assert_eq!(context.flags(lower("Acme")), SEEN_TITLE);
        assert_eq!(context.flags(lower("Zurich")), 0);
    }

    #[test]
    fn capitals_change_the_shape() {
        let a = features("Paris");
        let b = features("paris");
        assert_ne!(a[3], b[3], "shape");
        assert_eq!(a[2], b[2], "lower-cased word");
    }
}
