//! Section headings: a short noun phrase made of the section's own words.
//!
//! Candidates are runs of one to three adjacent content words in the section's
//! sentences (no stop word, number or punctuation inside). A phrase scores by how
//! often it occurs in the section, how rare its words are in the rest of the
//! article, its length, and whether it is a name (capitalised mid-sentence).

use brief_core::{Article, BriefSentence, Document, Span, Token, TokenKind};
use brief_understand::words::is_stop_word;

use crate::candidates::{Candidate, NO_HEAD};
use crate::rank::per_count;
use brief_understand::word_classes::WordClass;

pub(crate) use crate::terms::word_class;
use crate::terms::SpellingCache;
use std::cell::RefCell;

/// The heading of the closing, forward-looking section.
pub const CLOSING_HEADING: &str = "What Comes Next";

/// Words that make poor headings: function words the stop list leaves ("never", "someone",
/// "every", "anyway", "throughout"), reporting verbs, units of time, days of the week and the
/// months that are not also common words ("May", "March" are).
pub(crate) const WEAK: &[&str] = &[
    "according",
    "added",
    "adding",
    // "CNN affiliate KWCH": the station's name says it all.
    "affiliate",
    "affiliates",
    "afp",
    "alongside",
    "although",
    "always",
    "amidst",
    "amongst",
    "another",
    "anybody",
    "anymore",
    "anyone",
    "anything",
    "anyway",
    "ap",
    "april",
    "around",
    "asked",
    "august",
    "because",
    "beneath",
    "called",
    "cannot",
    "caption",
    "cnn",
    "concerning",
    "copyright",
    "day",
    "days",
    "december",
    "every",
    "everybody",
    "everyone",
    "everything",
    "everywhere",
    "except",
    "february",
    "first",
    "friday",
    "half",
    "however",
    "image",
    "including",
    "january",
    "july",
    "june",
    "last",
    "later",
    "least",
    "lot",
    "many",
    "maybe",
    "monday",
    "month",
    "months",
    "never",
    "new",
    "nobody",
    "nothing",
    "november",
    "october",
    "others",
    "people",
    "percent",
    "perhaps",
    "recent",
    "recently",
    "regarding",
    "reuters",
    "saturday",
    "saying",
    "september",
    "several",
    "somebody",
    "someone",
    "something",
    "sometimes",
    "sunday",
    "thing",
    "things",
    "though",
    "throughout",
    "thursday",
    "till",
    "time",
    "times",
    "told",
    "tuesday",
    "underneath",
    "unlike",
    "versus",
    "way",
    "wednesday",
    "week",
    "weeks",
    "well",
    "whether",
    "whilst",
    "whose",
    "year",
    "years",
];

/// True for the scale of a figure ("million", "thousands"): it follows the figure's number
/// ("4.4 million views"), so a heading that opens with it opens inside a figure.
fn is_scale_word(word: &str) -> bool {
    matches!(
        word,
        "billion"
            | "billions"
            | "hundred"
            | "hundreds"
            | "million"
            | "millions"
            | "thousand"
            | "thousands"
            | "trillion"
            | "trillions"
    )
}

/// True for a lower-case number in words: one opens a noun phrase ("Two Moms", "Three Blocks
/// Away") but ends none ("Arrested Nine", "Previous Two") and heads no section alone;
/// capitalised, it may be a name's ("Final Four", "BBC Four").
fn is_number_word(word: &str) -> bool {
    matches!(
        word,
        "billion"
            | "billions"
            | "dozen"
            | "dozens"
            | "eight"
            | "eleven"
            | "five"
            | "four"
            | "hundred"
            | "hundreds"
            | "million"
            | "millions"
            | "nine"
            | "seven"
            | "six"
            | "ten"
            | "thousand"
            | "thousands"
            | "three"
            | "twelve"
            | "twenty"
            | "twice"
            | "two"
    )
}

/// True for a word that reads as a plural: one in "-s" but not "-ss", "-us" or "-is"
/// ("Teachers", "Inches", not "Business", "Virus", "Analysis"), or an irregular plural
/// ending a word ("men", "policemen", "grandchildren").
fn reads_plural(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "children", "feet", "geese", "men", "mice", "people", "police", "teeth", "women",
    ];
    let bytes = word.as_bytes();
    let ends =
        |e: &[u8]| bytes.len() >= e.len() && bytes[bytes.len() - e.len()..].eq_ignore_ascii_case(e);
    (ends(b"s") && !ends(b"ss") && !ends(b"us") && !ends(b"is"))
        || IRREGULAR.iter().any(|w| ends(w.as_bytes()))
}

/// Pronouns and function words that open a contraction with "'s" ("it's", "there's").
const CONTRACTED: &[&str] = &[
    "it", "that", "there", "here", "he", "she", "what", "who", "where", "let", "how",
];

/// A word that may go into a section heading, with what the heading rules ask of it.
#[derive(Clone, Copy, Debug)]
struct HeadWord {
    /// Its term id.
    term: u32,
    /// Where it is.
    span: Span,
    /// Starts with a capital letter.
    capitalised: bool,
    /// Lower case, or a compound whose last part is ("Award-winning", "Saudi-led"), and
    /// ending in "ed" or "ly" or a participle: a participle or adverb ends no heading.
    weak_end: bool,
    /// A number in lower-case words ("two", "dozens"): a phrase it opens counts things, so
    /// it ends on a plural ("Two Teachers", not "Four Olympic Gold", [`reads_plural`]).
    counting: bool,
    /// Lower case and ending in "ly": an adverb starts no heading.
    adverb: bool,
    /// Lower case and a participle in "-ing" ([`is_participle`]): it ends a heading only
    /// after a possessive ("Pilot's Slaying").
    participle: bool,
    /// A scale of a figure ("million" in "4.4 million views"): the figure's number is no
    /// heading word, so a heading would start inside the figure ("Million Views").
    scale: bool,
    /// Bytes of a possessive ending ("'s", "’s"), left out when the word ends a heading
    /// ("Marie Claire's" heads as "Marie Claire").
    possessive: u8,
    /// Fewer than four letters: too short to head a section alone.
    short: bool,
    /// A people's adjective or a date's word ([`Spelling::no_topic_alone`]): no heading
    /// alone.
    no_topic_alone: bool,
    /// The first word of its sentence, capitalised whatever it is.
    opens: bool,
    /// A verb, adjective or adverb, when it is written in lower case or opens its sentence
    /// (a capital elsewhere may be a name's: "Will", "Hope").
    class: Option<WordClass>,
}

/// What a word's spelling tells the heading rules, wherever it stands: worked out once per
/// spelling (`head_words` keeps them from article to article).
#[derive(Clone, Copy, Debug, Default)]
struct Spelling {
    /// "it's", "doesn't": a pronoun or verb with a verb, no part of a noun phrase.
    contraction: bool,
    capitalised: bool,
    lower_case: bool,
    possessive: u8,
    /// Ends in "ed" or "ly", or is a number in words.
    weak_ending: bool,
    /// Ends in "ly".
    adverb_ending: bool,
    /// Hyphenated, and its last part in lower case ("Award-winning", "Syria-based"): an
    /// adjective whatever the case of its first part.
    lower_tail: bool,
    /// A number in words ([`is_number_word`]).
    number: bool,
    /// Ends in "ing" and is no noun ([`is_participle`]).
    participle_ending: bool,
    /// An age ("64-year-old"): no topic, and it ends no heading.
    age: bool,
    /// Capitalised and a people's adjective ("Turkish", "Chinese", "Russian", "Israeli",
    /// "Islamic") or a month's or a weekday's name ("March"): no topic alone.
    no_topic_alone: bool,
    /// "hundred", "million", … ([`is_scale_word`]).
    scale: bool,
    /// Eight bytes or more.
    long: bool,
    short: bool,
    /// Its class in lower case, whatever its case here.
    class: Option<WordClass>,
}

impl Spelling {
    fn of(word: &str) -> Self {
        let bytes = word.as_bytes();
        let first = word.chars().next().unwrap_or(' ');
        let number = is_number_word(word);
        // The apostrophe of a contraction or possessive sits in a word's last six bytes
        // ("n't", "'re", "’s"): only those are looked at.
        let tail = bytes.len().saturating_sub(6);
        let apostrophe = bytes[tail..]
            .iter()
            .rposition(|&b| b == b'\'' || b == 0xe2)
            .map(|k| tail + k)
            .filter(|&at| bytes[at] == b'\'' || word[at..].starts_with('’'));
        let (contraction, possessive) = match apostrophe {
            Some(at) => {
                let (before, after) = (&word[..at], &word[at..]);
                let suffix = after.trim_start_matches(['\'', '’']);
                let pronoun = CONTRACTED.iter().any(|c| c.eq_ignore_ascii_case(before));
                if suffix.eq_ignore_ascii_case("s") && !pronoun {
                    (false, after.len() as u8)
                } else {
                    let verb = ["t", "re", "ve", "ll", "d", "m", "s"]
                        .iter()
                        .any(|v| v.eq_ignore_ascii_case(suffix));
                    (verb, 0)
                }
            }
            None => (false, 0),
        };
        Spelling {
            contraction,
            capitalised: first.is_uppercase(),
            lower_case: first.is_lowercase(),
            possessive,
            weak_ending: bytes.ends_with(b"ed") || bytes.ends_with(b"ly") || number,
            adverb_ending: bytes.ends_with(b"ly"),
            lower_tail: memchr::memrchr(b'-', bytes)
                .is_some_and(|at| bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase)),
            number,
            participle_ending: is_participle(word),
            age: bytes.ends_with(b"-year-old"),
            no_topic_alone: first.is_uppercase()
                && ((bytes.len() >= 6
                    && [b"ish", b"ese", b"ian"].iter().any(|e| bytes.ends_with(*e)))
                    || PEOPLES_WORDS.contains(&word)
                    || CALENDAR_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))),
            scale: is_scale_word(word),
            long: bytes.len() >= 8,
            short: word.chars().nth(3).is_none(),
            class: word_class(word).or_else(|| adjective_by_ending(word)),
        }
    }
}

impl HeadWord {
    /// The heading word a word spelled so makes where it stands, none for a contraction.
    fn new(term: u32, span: Span, spelling: Spelling, opening: Opening) -> Option<Self> {
        if spelling.contraction {
            return None;
        }
        let lower_case = spelling.lower_case;
        Some(HeadWord {
            term,
            span,
            capitalised: spelling.capitalised,
            weak_end: (lower_case && spelling.weak_ending)
                || (spelling.lower_tail && (spelling.weak_ending || spelling.participle_ending))
                || spelling.age,
            counting: lower_case && spelling.number,
            participle: lower_case && spelling.participle_ending,
            scale: lower_case && spelling.scale,
            // A sentence's first word is capitalised as its opener: an adverb there is one
            // before a comma or when long ("Unfortunately", "Apparently"), where a short
            // word may be a name ("Holly", "Kelly").
            adverb: spelling.adverb_ending
                && (lower_case
                    || opening == Opening::BeforeComma
                    || (opening == Opening::Plain && spelling.long)),
            possessive: spelling.possessive,
            short: spelling.short,
            no_topic_alone: spelling.no_topic_alone,
            opens: opening != Opening::No,
            class: if lower_case || opening != Opening::No {
                spelling.class
            } else {
                None
            },
        })
    }
}

/// One token of a candidate, as the heading rules see it: a heading word, a capitalised
/// word that heads nothing but does not open its sentence ("New" of "New York"), so that a
/// phrase inside a name is known as such and shows the name whole, or a break.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Head(HeadWord),
    /// Where it is and the bytes of its possessive ending, as [`HeadWord::possessive`].
    Capital(Span, u8),
    Break,
}

impl Slot {
    fn head(self) -> Option<HeadWord> {
        match self {
            Slot::Head(h) => Some(h),
            _ => None,
        }
    }

    /// Where a capitalised word is and its possessive ending's bytes; none for a word in
    /// lower case or a break.
    fn capital(self) -> Option<(Span, u8)> {
        match self {
            Slot::Head(h) if h.capitalised => Some((h.span, h.possessive)),
            Slot::Capital(span, possessive) => Some((span, possessive)),
            _ => None,
        }
    }
}

/// Whether a word opens its sentence, and if so whether a comma follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opening {
    No,
    Plain,
    BeforeComma,
}

/// The words of a candidate as the heading rules see them ([`Slot`]), one entry per token
/// shown; worked out only for the sentences a section shows.
fn head_words(
    article: &Article,
    doc: &Document,
    c: &Candidate,
    spellings: &mut SpellingCache<Spelling>,
    out: &mut Vec<Slot>,
) {
    out.clear();
    let mut heads = c.heads.iter();
    for (k, sentence) in doc.sentences[c.sentence..].iter().enumerate() {
        if sentence.span.start >= c.span.end {
            break;
        }
        let from = if k == 0 { c.first_token } else { 0 };
        let tokens = &sentence.tokens[from..];
        let mut opened = false;
        for (k, (tok, &term)) in tokens.iter().zip(&mut heads).enumerate() {
            let word = matches!(tok.kind, TokenKind::Word | TokenKind::Number);
            let opening = if !word || opened {
                Opening::No
            } else if tokens
                .get(k + 1)
                .is_some_and(|t| article.slice(t.span) == ",")
            {
                Opening::BeforeComma
            } else {
                Opening::Plain
            };
            opened |= word;
            let head = (term != NO_HEAD && !names_source(article, tokens, k))
                .then_some(())
                .and_then(|()| {
                    let mut spelling = spellings.get(&article.text, tok.span, || {
                        Spelling::of(article.slice(tok.span))
                    });
                    if spelling.lower_case && spelling.class.is_none() {
                        let text_at =
                            |i: usize| tokens.get(i).map_or("", |t| article.slice(t.span));
                        if k > 0 && stands_as_verb(text_at(k - 1), text_at(k + 1)) {
                            spelling.class = Some(WordClass::Verb);
                        }
                    }
                    HeadWord::new(term, tok.span, spelling, opening)
                });
            out.push(match head {
                Some(h) => Slot::Head(h),
                // Most tokens that head nothing are in lower case or marks: one byte tells.
                None if word
                    && opening == Opening::No
                    && article.text.as_bytes()[tok.span.start].is_ascii_uppercase() =>
                {
                    name_part(article.slice(tok.span)).map_or(Slot::Break, |possessive| {
                        Slot::Capital(tok.span, possessive)
                    })
                }
                None => Slot::Break,
            });
        }
    }
}

/// True when token `k` of `tokens` is a capitalised name right after "affiliate" ("CNN
/// affiliate KWCH"): a source, not a topic, so it heads nothing.
#[inline]
fn names_source(article: &Article, tokens: &[Token], k: usize) -> bool {
    // One length test turns away nearly every word before the text is read.
    k > 0
        && matches!(tokens[k - 1].span.len(), 9 | 10)
        && ["affiliate", "affiliates"]
            .iter()
            .any(|a| article.slice(tokens[k - 1].span).eq_ignore_ascii_case(a))
        && article.text.as_bytes()[tokens[k].span.start].is_ascii_uppercase()
}

/// The possessive ending's bytes of a capitalised word that may be part of a name, none for
/// a word in lower case or a personal pronoun ("I", or "She" after a quote's opening).
fn name_part(word: &str) -> Option<u8> {
    const PRONOUNS: &[&str] = &["He", "I", "It", "She", "They", "We", "You"];
    if !word.starts_with(|c: char| c.is_uppercase())
        || (word.len() <= 4 && PRONOUNS.contains(&word))
    {
        return None;
    }
    Some(if word.ends_with("'s") {
        2
    } else if word.ends_with("’s") {
        4
    } else {
        0
    })
}

/// The class of a word the word-class list does not know, by an ending only adjectives have
/// ("furious", "careless", "reliable", "grateful"), but for the nouns that share it.
fn adjective_by_ending(word: &str) -> Option<WordClass> {
    const NOUNS: &[&str] = &[
        "constable",
        "handful",
        "mouthful",
        "spoonful",
        "syllable",
        "timetable",
        "turntable",
        "vegetable",
    ];
    let long_enough = |ending: &str, letters: usize| {
        word.len() >= letters
            && word
                .get(word.len() - ending.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(ending))
    };
    let adjective = long_enough("ous", 6)
        || long_enough("less", 7)
        || long_enough("able", 7)
        || long_enough("ible", 7)
        || long_enough("ful", 7);
    (adjective && !NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word)))
        .then_some(WordClass::Adjective)
}

/// True when a lower-case word between `before` and `after` stands as a verb, where the
/// word-class list does not know it ("Preclude Anti-discrimination Protections", "Afford
/// Somewhere", "Paints Portraits" would head sections): after a modal or auxiliary ("would
/// preclude", "did help"), a subject pronoun ("she adds", "who paints") or a negation; after
/// "to" when a verb's object follows ("to afford a home", where "to court" or "to power" is a
/// preposition's noun); before an object or reflexive pronoun ("The man identifies himself",
/// "urges them"), which no noun takes.
fn stands_as_verb(before: &str, after: &str) -> bool {
    if before.ends_with("n't") || is_object_pronoun(after) {
        return true;
    }
    let mut buffer = [0u8; 8];
    match short_lowered(before, &mut buffer) {
        b"can" | b"could" | b"did" | b"do" | b"does" | b"he" | b"i" | b"may" | b"might"
        | b"must" | b"not" | b"shall" | b"she" | b"should" | b"they" | b"we" | b"who" | b"will"
        | b"would" => true,
        b"to" => matches!(
            short_lowered(after, &mut [0u8; 8]),
            b"a" | b"an"
                | b"her"
                | b"him"
                | b"his"
                | b"its"
                | b"my"
                | b"our"
                | b"that"
                | b"the"
                | b"their"
                | b"them"
                | b"these"
                | b"this"
                | b"those"
                | b"us"
                | b"your"
        ),
        _ => false,
    }
}

/// A short ASCII word in lower case in `buffer`; empty for a longer one, as none is listed.
fn short_lowered<'b>(word: &str, buffer: &'b mut [u8; 8]) -> &'b [u8] {
    let bytes = word.as_bytes();
    if bytes.len() > buffer.len() {
        return &[];
    }
    for (out, b) in buffer.iter_mut().zip(bytes) {
        *out = b.to_ascii_lowercase();
    }
    &buffer[..bytes.len()]
}

/// True for a pronoun that only stands as an object: the word before it is a verb (or a
/// preposition, which heads nothing anyway). "her" and "it" are left out: "a letter her
/// mother wrote".
fn is_object_pronoun(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut lower = [0u8; 10];
    if !(2..=lower.len()).contains(&bytes.len()) {
        return false;
    }
    for (out, b) in lower.iter_mut().zip(bytes) {
        *out = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..bytes.len()],
        b"herself"
            | b"him"
            | b"himself"
            | b"itself"
            | b"me"
            | b"myself"
            | b"ourselves"
            | b"them"
            | b"themselves"
            | b"us"
            | b"yourself"
    )
}

/// Phrase key: up to three term ids, padded.
type Key = [u32; 3];
const PAD: u32 = u32::MAX;

struct Phrase {
    count: u32,
    len: usize,
    surface: (usize, usize),
    name: bool,
    /// Every occurrence opens its sentence: one word that only ever opens one
    /// ("Sometimes", "Never", "True") is no topic.
    opening_only: bool,
    /// Some occurrence of a single word stands outside a longer name: one that is only ever
    /// part of one ("United" of "United States", "North" of "North Korea") is no topic alone.
    alone: bool,
    /// Every occurrence runs on past its last word: into the noun it modifies ("Electronic
    /// Bulletin" of "electronic bulletin board systems"), or into the object of a verb or
    /// preposition it ends on ("Car Dashcam Captures" of "a car dashcam captures the
    /// moment"): the phrase never ends where a noun phrase does.
    runs_on: bool,
}

/// The phrases of one section, counted in an open-addressed table whose memory
/// is kept from section to section.
#[derive(Default)]
struct PhraseCounts {
    /// 1 + index into `keys`/`phrases`, 0 for an empty slot; a power of two long.
    slots: Vec<u32>,
    keys: Vec<Key>,
    phrases: Vec<Phrase>,
}

impl PhraseCounts {
    fn clear(&mut self) {
        if !self.keys.is_empty() {
            self.slots.fill(0);
        }
        self.keys.clear();
        self.phrases.clear();
    }

    fn slot(&self, key: &Key) -> usize {
        let mixed = (u64::from(key[0]) | (u64::from(key[1]) << 32))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ u64::from(key[2]).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
        (mixed >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// The phrase of `key`, made by `new` when first seen.
    fn entry(&mut self, key: Key, new: impl FnOnce() -> Phrase) -> &mut Phrase {
        // At most half full, so probes stay short.
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.slots = vec![0; (self.slots.len() * 2).max(256)];
            for (i, k) in self.keys.iter().enumerate() {
                let mut at = self.slot(k);
                while self.slots[at] != 0 {
                    at = (at + 1) & (self.slots.len() - 1);
                }
                self.slots[at] = i as u32 + 1;
            }
        }
        let mut at = self.slot(&key);
        loop {
            match self.slots[at] {
                0 => {
                    self.keys.push(key);
                    self.phrases.push(new());
                    self.slots[at] = self.keys.len() as u32;
                    return self.phrases.last_mut().expect("just pushed");
                }
                i if self.keys[i as usize - 1] == key => {
                    return &mut self.phrases[i as usize - 1];
                }
                _ => at = (at + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// Section headings for one brief: the article's candidates and how rare each
/// term is, with the buffers the sections share.
pub struct Headings<'a> {
    article: &'a Article,
    doc: &'a Document,
    candidates: &'a [Candidate],
    /// How rare each term is across the article's candidates, `ln(1 + n / df)`.
    rarity: Vec<f32>,
    sequence: Vec<Slot>,
    counts: PhraseCounts,
}

impl<'a> Headings<'a> {
    /// Headings over `candidates`, whose terms occur in `df` of them.
    pub fn new(
        article: &'a Article,
        doc: &'a Document,
        candidates: &'a [Candidate],
        df: &[u32],
    ) -> Self {
        let total = candidates.len().max(1) as f32;
        Headings {
            article,
            doc,
            candidates,
            rarity: per_count(df, |d| (total / d.max(1) as f32).ln_1p()),
            sequence: Vec::with_capacity(64),
            counts: PhraseCounts::default(),
        }
    }

    /// The heading for a section showing `shown` (candidate indexes) as `sentences`.
    /// `used` holds the lower-cased headings of earlier sections, which are not
    /// repeated; a heading must be rooted in the words the section shows.
    pub fn heading_for(
        &mut self,
        shown: &[usize],
        sentences: &[BriefSentence],
        used: &[String],
    ) -> String {
        self.count_phrases(shown);
        let (counts, rarity) = (&self.counts, &self.rarity);
        let mut ranked: Vec<(f32, (usize, usize))> = Vec::with_capacity(counts.keys.len());
        ranked.extend(
            counts
                .keys
                .iter()
                .zip(&counts.phrases)
                .filter(|(_, p)| !p.opening_only && p.alone && !p.runs_on)
                .map(|(key, p)| {
                    let rarity: f32 = key[..p.len]
                        .iter()
                        .map(|&t| rarity[t as usize])
                        .sum::<f32>()
                        / p.len as f32;
                    // A lone common noun ("Statement", "Victim") says least: it heads a
                    // section only when no phrase or name comes near it (at 1.0, 371 of
                    // 3,188 dev headings were one).
                    let length_bonus = match p.len {
                        1 if !p.name => 0.6,
                        1 => 1.0,
                        2 => 1.7,
                        _ => 1.8,
                    };
                    let name_bonus = if p.name { 1.2 } else { 1.0 };
                    (
                        p.count as f32 * rarity * length_bonus * name_bonus,
                        p.surface,
                    )
                }),
        );
        // Only the best few are ever looked at: partition instead of sorting all.
        let order = |a: &(f32, (usize, usize)), b: &(f32, (usize, usize))| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
        };
        const FEW: usize = 8;
        // The section's words in lower case, made once and only when a phrase is tried.
        let mut body = None;
        let text = &self.article.text;
        let mut unused = |list: &[(f32, (usize, usize))]| {
            list.iter()
                .filter(|&&(_, (start, end))| {
                    !cuts_name(text, start, end) && !opens_on_verb(text, start)
                })
                .map(|&(_, (start, end))| (&text[start..end], title_case(&text[start..end])))
                .find(|(surface, h)| {
                    // A phrase shown word for word in the section is rooted there when
                    // it is short enough: the full test lower-cases the whole section.
                    let verbatim = surface.is_ascii()
                        && within_limits(h)
                        && sentences.iter().any(|s| s.text.contains(surface));
                    !used.contains(&h.to_lowercase())
                        && (verbatim
                            || rooted_in(h, body.get_or_insert_with(|| lowered(sentences))))
                })
                .map(|(_, h)| h)
        };
        let split = ranked.len().min(FEW);
        if ranked.len() > FEW {
            ranked.select_nth_unstable_by(FEW, order);
        }
        let (best, rest) = ranked.split_at_mut(split);
        best.sort_unstable_by(order);
        unused(best)
            .or_else(|| {
                rest.sort_unstable_by(order);
                unused(rest)
            })
            .unwrap_or_else(|| fallback(sentences, used))
    }

    /// Counts the runs of one to three heading words in the shown candidates.
    fn count_phrases(&mut self, shown: &[usize]) {
        thread_local! {
            static SPELLINGS: RefCell<SpellingCache<Spelling>> = RefCell::default();
        }
        SPELLINGS.with_borrow_mut(|spellings| self.count_phrases_with(shown, spellings));
    }

    /// [`Headings::count_phrases`] with the spellings of earlier articles at hand.
    fn count_phrases_with(&mut self, shown: &[usize], spellings: &mut SpellingCache<Spelling>) {
        self.counts.clear();
        for &i in shown {
            head_words(
                self.article,
                self.doc,
                &self.candidates[i],
                spellings,
                &mut self.sequence,
            );
            let sequence = &self.sequence;
            let first_word = sequence.iter().position(|w| w.head().is_some());
            for start in 0..sequence.len() {
                let Some(first) = sequence[start].head() else {
                    continue;
                };
                // A heading is a noun phrase: it does not start with a verb or an adverb...
                if first.adverb
                    || first.scale
                    || matches!(first.class, Some(WordClass::Verb | WordClass::Adverb))
                {
                    continue;
                }
                let mut key = [PAD; 3];
                key[0] = first.term;
                // A capitalised word next to another is part of a name.
                let in_name = first.capitalised
                    && ((start > 0 && capitalised_at(sequence, start - 1))
                        || capitalised_at(sequence, start + 1));
                let mut name = Some(start) != first_word && first.capitalised;
                for len in 1..=3 {
                    let Some(last) = sequence.get(start + len - 1).and_then(|w| w.head()) else {
                        break;
                    };
                    if len > 1 {
                        // ...holds no verb nor adverb...
                        if last.class == Some(WordClass::Verb) || last.adverb {
                            break;
                        }
                        key[len - 1] = last.term;
                        name &= last.capitalised;
                    }
                    // ...nor ends in a past participle, an adjective or an adverb; and a
                    // lone short word ("Hon", "Sen") is an abbreviation, not a topic.
                    let after_possessive = len > 1
                        && sequence[start + len - 2]
                            .head()
                            .is_some_and(|w| w.possessive > 0);
                    // A participle after a noun takes an object: no phrase goes past it
                    // ("Amendment Banning Gay [marriage]").
                    if len > 1 && last.participle && !after_possessive {
                        break;
                    }
                    if last.weak_end
                        || (first.counting
                            && !reads_plural(&self.article.text[last.span.start..last.span.end]))
                        || last.class.is_some()
                        || (len == 1 && last.participle)
                        || (len == 1 && (first.short || first.no_topic_alone))
                    {
                        continue;
                    }
                    // A compound ends on its head: a lower-case phrase that another
                    // lower-case noun follows ends on a modifier ("Shocking Rapid Weight" of
                    // "… shocking rapid weight loss").
                    let lower_end = !last.capitalised && last.possessive == 0;
                    let modifier = lower_end
                        && sequence
                            .get(start + len)
                            .and_then(|w| w.head())
                            .is_some_and(|next| {
                                !next.capitalised
                                    && next.class.is_none()
                                    && !next.adverb
                                    && !next.participle
                                    && !next.weak_end
                            });
                    let entry = self.counts.entry(key, || Phrase {
                        count: 0,
                        len,
                        surface: whole_name(&self.article.text, sequence, start, start + len - 1),
                        name,
                        opening_only: true,
                        alone: len > 1,
                        runs_on: true,
                    });
                    entry.count += 1;
                    entry.name |= name;
                    entry.opening_only &= len == 1 && first.opens;
                    entry.alone |= len == 1 && !in_name;
                    // A lower-case last word that an article or a possessive follows takes an
                    // object: a verb or a preposition ("captures the", "sits atop the"). Asked
                    // only while every occurrence so far ran on.
                    if entry.runs_on && !modifier {
                        entry.runs_on =
                            lower_end && opens_object(&self.article.text, last.span.end);
                    }
                }
            }
        }
    }
}

/// Articles and possessives: the word before one takes it as the start of its object ("this"
/// and "these" are left out: "robbery this year" is a time after a noun).
const OBJECT_OPENERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "your",
];

/// True when the word after byte `end` (past spaces on the same line) is one of
/// [`OBJECT_OPENERS`].
fn opens_object(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let rest = rest.trim_start_matches(' ');
    let word_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    OBJECT_OPENERS.contains(&&rest[..word_end])
}

/// True when `sequence` has a capitalised word at `i`.
fn capitalised_at(sequence: &[Slot], i: usize) -> bool {
    sequence.get(i).is_some_and(|w| w.capital().is_some())
}

/// Most words a heading phrase takes in on either side to show a name whole.
const NAME_REACH: usize = 2;

/// The text span a phrase of `sequence[first..=last]` shows: a phrase of several words
/// that starts or ends inside a name takes in the rest of it ("Foreign Minister Delcy"
/// shows as "Foreign Minister Delcy Rodriguez", "Angeles Superior Court" as "Los Angeles
/// Superior Court"), up to [`NAME_REACH`] words either way and not past an owner's
/// possessive; a possessive ending is left off.
fn whole_name(text: &str, sequence: &[Slot], first: usize, last: usize) -> (usize, usize) {
    // A phrase's own words are heading words; the words it takes in are capitalised ones.
    let at = |i: usize| {
        sequence[i].capital().unwrap_or_else(|| {
            let w = sequence[i]
                .head()
                .expect("a phrase's words are heading words");
            (w.span, w.possessive)
        })
    };
    let capitalised = |i: usize| capitalised_at(sequence, i);
    let (mut from, mut to) = (first, last);
    if last > first {
        // Not past an owner: "CNN's Elise Miller" names Elise Miller; but "People's" is a
        // word of names ("Kurdish People's Protection Units", "People's Liberation Army").
        let owner = |i: usize| {
            let (span, possessive) = at(i);
            possessive > 0 && &text[span.start..span.end - usize::from(possessive)] != "People"
        };
        while from > 0
            && first - from < NAME_REACH
            && capitalised(from)
            && capitalised(from - 1)
            && !owner(from - 1)
        {
            from -= 1;
        }
        while to - last < NAME_REACH && capitalised(to) && capitalised(to + 1) && !owner(to) {
            to += 1;
        }
    }
    let (end, possessive) = at(to);
    (at(from).0.start, end.end - usize::from(possessive))
}

/// Verbs in the past and past participles that do not end in "ed": no part of a heading
/// ("Investigators Found", "Took Place", "Helmet Gone"). The word lexicon (`terms.rs`) marks
/// them weak, so they head nothing, in any case: none that is also a name ("Rose", "the
/// Met", "Frozen", "Taken").
pub(crate) const IRREGULAR_PAST: &[&str] = &[
    "beaten",
    "became",
    "began",
    "begun",
    "bitten",
    "bought",
    "broke",
    "brought",
    "built",
    "came",
    "caught",
    "chose",
    "chosen",
    "dealt",
    "done",
    "drawn",
    "driven",
    "drove",
    "eaten",
    "fallen",
    "fell",
    "felt",
    "fled",
    "flew",
    "forgot",
    "forgotten",
    "fought",
    "found",
    "gave",
    "given",
    "gone",
    "got",
    "grew",
    "grown",
    "heard",
    "held",
    "hidden",
    "kept",
    "knew",
    "known",
    "left",
    "lost",
    "made",
    "meant",
    "paid",
    "ran",
    "risen",
    "sat",
    "saw",
    "seen",
    "sent",
    "shaken",
    "shook",
    "shot",
    "shown",
    "sold",
    "sought",
    "spent",
    "spoke",
    "spoken",
    "stole",
    "stolen",
    "stood",
    "struck",
    "swept",
    "swore",
    "sworn",
    "taught",
    "thought",
    "threw",
    "thrown",
    "told",
    "took",
    "went",
    "woke",
    "won",
    "wore",
    "written",
    "wrote",
];

/// True for a lower-case verb of [`IRREGULAR_PAST`].
pub(crate) fn is_irregular_past(lower: &str) -> bool {
    // Every one has three to nine letters.
    (3..=9).contains(&lower.len()) && IRREGULAR_PAST.binary_search(&lower).is_ok()
}

/// Words in "-ing" that are nouns first: they end a heading ("Parliament Building", "School
/// Shooting") where another word in "-ing" after a noun is a participle taking an object
/// ("Boy Holding [a gun]", "Researchers Examining [the …]") and ends none. Sorted.
const ING_NOUNS: &[&str] = &[
    "beginning",
    "bombing",
    "briefing",
    "building",
    "ceiling",
    "clothing",
    "crossing",
    "earring",
    "evening",
    "funding",
    "gathering",
    "hearing",
    "housing",
    "kidnapping",
    "killing",
    "landing",
    "lightning",
    "meeting",
    "morning",
    "offering",
    "offspring",
    "opening",
    "painting",
    "pudding",
    "recording",
    "ruling",
    "screening",
    "sentencing",
    "setting",
    "shooting",
    "sibling",
    "spring",
    "stabbing",
    "string",
    "training",
    "uprising",
    "warning",
    "wedding",
];

/// True for a word in "-ing" of five letters or more ("thing" and "king" are not) that is
/// not one of [`ING_NOUNS`], in any case.
fn is_participle(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 6
        && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b"ing")
        && ING_NOUNS
            .binary_search_by(|noun| cmp_ignore_ascii_case(noun, word))
            .is_err()
}

/// `a` against `b` lower-cased, byte by byte (a binary search of the sorted list costs less
/// than a scan of it: plain callgrind +0.4 M for the scan).
fn cmp_ignore_ascii_case(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes().cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// True for a lower-case word that ends no heading: a verb in the past or a participle
/// ("-ed", [`IRREGULAR_PAST`], [`is_participle`]), an adverb ("-ly") or a number
/// ([`is_number_word`]).
fn ends_no_heading(lower: &str) -> bool {
    lower.ends_with("ed")
        || lower.ends_with("ly")
        || is_irregular_past(lower)
        || is_participle(lower)
        || is_number_word(lower)
}

/// When no phrase qualifies: the section's first capitalised long word not yet
/// used, else its first long word that can end a heading.
fn fallback(sentences: &[BriefSentence], used: &[String]) -> String {
    let words = || {
        sentences
            .iter()
            .flat_map(|s| words_opening(&s.text).map(|(w, opens)| (s.text.as_str(), w, opens)))
            .filter(|&(_, w, opens)| {
                let lower = w.to_lowercase();
                w.chars().count() >= 4
                    && !is_stop_word(&lower)
                    && WEAK.binary_search(&lower.as_str()).is_err()
                    // A month or a day alone ("March") tells when, not what.
                    && !CALENDAR_WORDS.contains(&lower.as_str())
                    // A capital that opens a sentence says nothing: "Fortunately" is an adverb.
                    && ((w.starts_with(char::is_uppercase) && !opens)
                        || !(ends_no_heading(&lower) || word_class(&lower).is_some()))
            })
    };
    let fresh = |w: &str| !used.contains(&w.to_lowercase());
    // A capital that opens a sentence ("“We haven't given up. Quite the opposite”") marks
    // no name. A capital inside one heads with the rest of its name ("Martin Dolan",
    // "Islamic State").
    let single = words()
        .filter(|&(_, w, opens)| !opens && w.starts_with(char::is_uppercase))
        .map(|(text, w, _)| name_from(text, w))
        .find(|&name| fresh(name))
        .or_else(|| words().map(|(_, w, _)| w).find(|&w| fresh(w)))
        .map(title_case);
    // Every long word already heads a section: two neighbouring words will not.
    single.unwrap_or_else(|| {
        // Not the letter left of a contraction ("What’s" is no "What S").
        let all: Vec<&str> = sentences
            .iter()
            .flat_map(|s| s.text.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().nth(1).is_some())
            .collect();
        all.windows(2)
            .map(|pair| title_case(&pair.join(" ")))
            .find(|h| !used.contains(&h.to_lowercase()))
            .or_else(|| all.first().map(|w| title_case(w)))
            .unwrap_or_else(|| "More".to_string())
    })
}

/// Peoples' and faiths' adjectives that do not end as most do ("-ish", "-ese", "-ian").
const PEOPLES_WORDS: &[&str] = &[
    "Afghan",
    "Arab",
    "Arabic",
    "Bangladeshi",
    "Catholic",
    "Emirati",
    "Hispanic",
    "Iraqi",
    "Islamic",
    "Israeli",
    "Kuwaiti",
    "Muslim",
    "Nepali",
    "Pakistani",
    "Qatari",
    "Saudi",
    "Somali",
    "Yemeni",
];

/// Months and days of the week, in lower case.
const CALENDAR_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Most words of a name [`name_from`] reads.
const NAME_WORDS: usize = 4;

/// The name that `word`, a capitalised word inside `text`, opens: it and the capitalised
/// words that follow it, one space apart, up to [`NAME_WORDS`], not past a full stop that
/// may end the sentence ("in March. The" is "March") nor past a possessive.
fn name_from<'t>(text: &'t str, word: &'t str) -> &'t str {
    let start = word.as_ptr() as usize - text.as_ptr() as usize;
    let mut end = start + word.len();
    let part = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
    for _ in 1..NAME_WORDS {
        // "Dolan." may end the sentence; an initial's stop ("George W. Bush") does not.
        if text[end..].starts_with('.') {
            let initial = text[start..end]
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.len() == 1);
            if !initial {
                break;
            }
            end += 1;
        }
        let Some(after) = text[end..].strip_prefix(' ') else {
            break;
        };
        let next = &after[..after.find(|c: char| !part(c)).unwrap_or(after.len())];
        if !next.starts_with(char::is_uppercase) {
            break;
        }
        // An abbreviation keeps its last stop ("U.S."); a word's own may end the sentence.
        let bare = next.trim_end_matches('.');
        end += 1 + if bare.contains('.') {
            next.len()
        } else {
            bare.len()
        };
    }
    &text[start..end]
}

/// The words of `text` (runs of letters and digits), each with whether it opens a
/// sentence: the first word, and the first after a full stop, a question or an
/// exclamation mark (quotation marks between them aside).
fn words_opening(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut opens_next = true;
    text.split_whitespace().flat_map(move |token| {
        let opens = opens_next;
        opens_next = token
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '?', '!']);
        token
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map(|w| w.trim_matches(['\'', '’']))
            .filter(|w| !w.is_empty())
            .enumerate()
            .filter_map(move |(k, w)| {
                // A possessive heads as its owner; a contraction ("weren't") heads nothing.
                let word = match w.find(['\'', '’']) {
                    None => w,
                    Some(at) if w[at..].chars().skip(1).eq("s".chars()) => &w[..at],
                    Some(_) => return None,
                };
                Some((word, opens && k == 0))
            })
    })
}

/// "security guarantees" -> "Security Guarantees"; "U.S." and "iPhone" stay;
/// "HOW TO USE A CANNER" -> "How to Use a Canner".
pub fn title_case(phrase: &str) -> String {
    // A subhead set in capitals ("HOW TO USE A CANNER") reads as shouting: soften it.
    let letters = phrase.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = letters > 3
        && !phrase.chars().any(char::is_lowercase)
        && phrase.split_whitespace().count() > 1;
    if shouted {
        return phrase
            .split_whitespace()
            .enumerate()
            .map(|(i, w)| {
                let lower = w.to_lowercase();
                if i > 0
                    && matches!(
                        lower.as_str(),
                        "a" | "an"
                            | "the"
                            | "of"
                            | "and"
                            | "or"
                            | "to"
                            | "in"
                            | "on"
                            | "for"
                            | "at"
                            | "by"
                    )
                {
                    lower
                } else {
                    let mut chars = lower.chars();
                    chars
                        .next()
                        .map(|f| f.to_uppercase().chain(chars).collect())
                        .unwrap_or_default()
                }
            })
            .collect::<Vec<String>>()
            .join(" ");
    }
    phrase
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let mut chars = w.chars();
            // A capital inside keeps a brand's lower-case start ("iPhone"), but at the start
            // of the heading not the capital of a compound's later part ("late-September";
            // a name's particle stays: "Saad al-Hadithi").
            let head = w.split('-').next().unwrap_or(w);
            let compound = i == 0 && head.len() > 2 && head.len() < w.len();
            let inner_capital = if compound { head } else { w };
            match chars.next() {
                Some(first)
                    if first.is_lowercase() && !inner_capital.chars().any(char::is_uppercase) =>
                {
                    first.to_uppercase().chain(chars).collect()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of a heading that must be found in its section (as the acceptance check
/// reads it): longer than three letters and not a function word.
const HEADING_STOP: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "what", "next", "comes", "into", "over",
    "after",
];

/// True when a heading is 1–7 words and some content word of it (its first five
/// letters) occurs in the section's sentences: a heading drawn from its section.
pub fn is_rooted(heading: &str, sentences: &[BriefSentence]) -> bool {
    rooted_in(heading, &lowered(sentences))
}

/// Capitalised words that open a sentence or name a day or month: after a name they do not
/// continue it ("… at Old Trafford The club …", "… on Twitter Wednesday").
const NAME_BREAKS: &[&str] = &[
    "A",
    "An",
    "And",
    "April",
    "August",
    "But",
    "December",
    "February",
    "Friday",
    "He",
    "Her",
    "His",
    "I",
    "In",
    "It",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "November",
    "October",
    "On",
    "Saturday",
    "September",
    "She",
    "Sunday",
    "That",
    "The",
    "They",
    "This",
    "Thursday",
    "Tuesday",
    "We",
    "Wednesday",
];

/// Endings of peoples' adjectives ("French", "Iraqi", "Chinese"), which stand before a name
/// without being part of it.
const PEOPLES_ENDINGS: &[&str] = &["an", "ch", "ese", "i", "ish"];

/// True when the phrase at `start..end` of `text` cuts a name: it ends on a capitalised word
/// that a capitalised word continues after one space ("Primary Industries Minister Nathan" of
/// "… Nathan Guy", "National Security" of "National Security Council"), or opens on one that
/// continues a capitalised word other than a people's adjective ("Angeles Fire Department"
/// of "Los Angeles …"). A heading shows a name whole or not at all.
fn cuts_name(text: &str, start: usize, end: usize) -> bool {
    let phrase = &text[start..end];
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let word_after = text[end..].strip_prefix(' ').map(|rest| {
        rest.split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
    });
    let word_before = text[..start].strip_suffix(' ').map(|before| {
        before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
    });
    let continued = word_after.is_some_and(|next| {
        capitalised(phrase.rsplit(' ').next().unwrap_or(""))
            && capitalised(next)
            && !NAME_BREAKS.contains(&next)
    });
    let continues = word_before.is_some_and(|previous| {
        capitalised(phrase)
            && capitalised(previous)
            && !NAME_BREAKS.contains(&previous)
            && !PEOPLES_ENDINGS.iter().any(|e| previous.ends_with(e))
    });
    continued || continues
}

/// Words after which a word in "-ing" or "-ed" is a verb: an auxiliary, a conjunction
/// joining predicates or opening a clause on a participle ("while raiding homes"), a subject
/// pronoun, sorted.
const VERB_OPENERS: &[&str] = &[
    "after", "and", "are", "be", "been", "before", "being", "but", "by", "had", "has", "have",
    "he", "i", "is", "it", "she", "since", "that", "then", "they", "was", "we", "were", "when",
    "which", "while", "who", "without", "you",
];

/// True when the phrase at `start` of `text` opens on a verb: a lower-case word in "-ing" (not
/// a noun of [`ING_NOUNS`]) or "-ed" after an auxiliary, a conjunction, a subject pronoun,
/// an adverb in "-ly" or a comma ("has been trading jokes", "Schmidt said, prompting
/// laughter", "and smelled cigarette", "currently occupying four areas"), where after an
/// article or a preposition it is an adjective ("the warning signs", "of alleged racial
/// slurs"). A heading is a noun phrase.
fn opens_on_verb(text: &str, start: usize) -> bool {
    let first = text[start..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    if !first.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let mut before = text[..start].split_whitespace().rev();
    let previous = before.next().unwrap_or("");
    let lower = previous.to_ascii_lowercase();
    // "the decision to dismiss popular presenter": an infinitive.
    if lower == "to" {
        return before.next().is_some_and(|taker| {
            INFINITIVE_TAKERS
                .binary_search(&taker.to_ascii_lowercase().as_str())
                .is_ok()
        });
    }
    let verb_form =
        first.len() >= 5 && !first.contains('-') && (is_participle(first) || first.ends_with("ed"));
    verb_form
        && (previous.ends_with(',')
            || (lower.len() > 4 && lower.ends_with("ly"))
            || VERB_OPENERS.binary_search(&lower.as_str()).is_ok())
}

/// Words a "to" and a verb follow ("the decision to dismiss …", "trying to please …",
/// "agreed to subject …"), where after others "to" opens a noun phrase ("access to
/// low-cost drugs", "talk to key officials"), sorted.
const INFINITIVE_TAKERS: &[&str] = &[
    "ability", "able", "agreed", "aim", "aimed", "aims", "attempt", "attempts", "bid", "chose",
    "decided", "decision", "designed", "effort", "efforts", "expected", "failed", "going", "hope",
    "hoped", "intended", "likely", "move", "need", "needed", "needs", "order", "plan", "planned",
    "plans", "promised", "refused", "right", "seeking", "seeks", "sought", "tried", "try",
    "trying", "unable", "used", "vowed", "want", "wanted", "wants",
];

/// The sentences' words in lower case, one string.
fn lowered(sentences: &[BriefSentence]) -> String {
    sentences
        .iter()
        .map(|s| s.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Seven words at most, however they are counted (punctuation-padded subheads).
pub(crate) fn within_limits(heading: &str) -> bool {
    let words = heading
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .count();
    (1..=7).contains(&words) && heading.split_whitespace().count() <= 7
}

/// [`is_rooted`] in a section whose words are `body`, in lower case.
fn rooted_in(heading: &str, body: &str) -> bool {
    if !within_limits(heading) {
        return false;
    }
    let words: Vec<String> = heading
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let content: Vec<&String> = words
        .iter()
        .filter(|w| w.chars().count() > 3 && !HEADING_STOP.contains(&w.as_str()))
        .collect();
    if content.is_empty() {
        return true;
    }
    content.iter().any(|w| {
        let prefix: String = w.chars().take(5).collect();
        body.contains(&prefix)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_counts_count_each_key_across_growth_and_clearing() {
        let mut counts = PhraseCounts::default();
        let phrase = || Phrase {
            count: 0,
            len: 1,
            surface: (0, 0),
            name: false,
            opening_only: false,
            alone: true,
            runs_on: false,
        };
        for round in 0..2 {
            counts.clear();
            // More keys than the first table holds, each seen (k % 3) + 1 times.
            for k in 0..1000u32 {
                for _ in 0..=(k % 3) {
                    counts.entry([k, PAD, round], phrase).count += 1;
                }
            }
            assert_eq!(counts.keys.len(), 1000);
            for (key, p) in counts.keys.iter().zip(&counts.phrases) {
                assert_eq!(p.count, key[0] % 3 + 1, "{key:?}");
                assert_eq!(key[2], round);
            }
        }
    }

    #[test]
    fn contractions_head_nothing_and_possessives_head_without_their_ending() {
        let word = |w: &str| HeadWord::new(0, Span::new(0, w.len()), Spelling::of(w), Opening::No);
        for contraction in [
            "It's",
            "there's",
            "doesn't",
            "Couldn’t",
            "we've",
            "They're",
            "I'd",
        ] {
            assert!(word(contraction).is_none(), "{contraction}");
        }
        assert_eq!(word("Claire's").map(|w| w.possessive), Some(2));
        assert_eq!(word("Osborne’s").map(|w| w.possessive), Some(4));
        assert_eq!(word("O'Neill").map(|w| w.possessive), Some(0));
        assert_eq!(word("talks").map(|w| w.possessive), Some(0));
    }

    #[test]
    fn openers_numbers_and_function_words_head_nothing() {
        let word = |w: &str, opening| {
            HeadWord::new(0, Span::new(0, w.len()), Spelling::of(w), opening).unwrap()
        };
        // A capital that only opens the sentence hides no adverb; a short name stays one.
        assert!(word("Unfortunately", Opening::BeforeComma).adverb);
        assert!(word("Apparently", Opening::Plain).adverb);
        assert!(!word("Holly", Opening::Plain).adverb);
        assert!(word("Holly", Opening::BeforeComma).adverb);
        assert!(!word("Kelly", Opening::No).adverb);
        // A number in words opens a phrase but ends none, unless it is part of a name.
        assert!(word("two", Opening::No).weak_end);
        assert!(!word("Four", Opening::No).weak_end);
        let weak = |w: &str| crate::terms::key(w, &mut String::new()).weak;
        for w in ["never", "sometimes", "someone", "nothing", "maybe"] {
            assert!(weak(w), "{w}");
        }
        let sentence = |text: &str| {
            [BriefSentence {
                text: text.into(),
                sources: Vec::new(),
            }]
        };
        assert_eq!(
            fallback(
                &sentence("Fortunately, all is not lost. Progress has been made."),
                &[]
            ),
            "Progress"
        );
        assert_eq!(
            fallback(&sentence("Everybody has four hours on deck."), &[]),
            "Hours"
        );
        assert_eq!(
            fallback(&sentence("They weren't home: the neighbours were."), &[]),
            "Home"
        );
    }

    #[test]
    fn a_heading_holds_no_verb_and_ends_in_no_adjective() {
        use brief_understand::word_classes::WORD_CLASSES;
        assert!(WORD_CLASSES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(word_class("Reduce"), Some(WordClass::Verb));
        assert_eq!(word_class("local"), Some(WordClass::Adjective));
        assert_eq!(word_class("soon"), Some(WordClass::Adverb));
        assert_eq!(word_class("minister"), None);
        assert_eq!(word_class("an-unusually-long-hyphenated-word"), None);
        let class = |w: &str, opening| {
            HeadWord::new(0, Span::new(0, w.len()), Spelling::of(w), opening)
                .expect("a heading word")
                .class
        };
        // A capital inside a sentence may be a name's: "Will Smith".
        assert_eq!(class("Will", Opening::No), None);
        assert_eq!(class("Find", Opening::Plain), Some(WordClass::Verb));
        let sentence = [BriefSentence {
            text: "They will reduce the relief for families.".into(),
            sources: Vec::new(),
        }];
        assert_eq!(fallback(&sentence, &[]), "Relief");
    }

    #[test]
    fn verbs_in_the_past_head_nothing() {
        assert!(IRREGULAR_PAST
            .windows(2)
            .all(|w| w[0] < w[1] && (3..=9).contains(&w[1].len())));
        let weak = |w: &str| crate::terms::key(w, &mut String::new()).weak;
        for verb in ["took", "wrote", "began", "found", "brought"] {
            assert!(weak(verb), "{verb}");
        }
        assert!(!weak("place"));
        // With no phrase to go on, a section is not headed by a verb either.
        let sentences = [BriefSentence {
            text: "Editors wrote it: the magazine ran the story.".into(),
            sources: Vec::new(),
        }];
        assert_eq!(fallback(&sentences, &[]), "Editors");
        assert_eq!(fallback(&sentences, &["editors".into()]), "Magazine");
        let quoted = [BriefSentence {
            text: "“We haven't given up. Quite the opposite,” Martin Dolan said.".into(),
            sources: Vec::new(),
        }];
        assert_eq!(fallback(&quoted, &[]), "Martin Dolan");
        let text = "In March. The ex-U.S. envoy met George W. Bush's aides and the U.S. Navy";
        let at = |w: &str| &text[text.find(w).unwrap_or(0)..][..w.len()];
        assert_eq!(name_from(text, at("March")), "March");
        assert_eq!(name_from(text, at("George")), "George W. Bush");
        assert_eq!(name_from(text, at("U.S. Navy")), "U.S. Navy");
        let dated = [BriefSentence {
            text: "The vote is set for March and the count for the spring.".into(),
            sources: Vec::new(),
        }];
        assert_eq!(fallback(&dated, &[]), "Vote");
        let short = [BriefSentence {
            text: "What’s new in 2.26?".into(),
            sources: Vec::new(),
        }];
        assert_eq!(fallback(&short, &[]), "What New");
    }

    #[test]
    fn a_phrase_inside_a_name_shows_the_whole_name_but_no_owner() {
        let text = "CNN's Foreign Minister Delcy Rodriguez spoke";
        let mut sequence = Vec::new();
        let mut at = 0;
        for word in text.split(' ') {
            let span = Span::new(at, at + word.len());
            let head = HeadWord::new(0, span, Spelling::of(word), Opening::No);
            sequence.push(head.map_or(Slot::Break, Slot::Head));
            at += word.len() + 1;
        }
        let shown = |first: usize, last: usize| {
            let (start, end) = whole_name(text, &sequence, first, last);
            &text[start..end]
        };
        // "Foreign Minister Delcy" ends inside the name; the owner "CNN's" stays out.
        assert_eq!(shown(1, 3), "Foreign Minister Delcy Rodriguez");
        // "Minister Delcy" starts and ends inside it.
        assert_eq!(shown(2, 3), "Foreign Minister Delcy Rodriguez");
        // One word alone is left as it is, and a name's possessive ending is left off.
        assert_eq!(shown(4, 4), "Rodriguez");
        assert_eq!(shown(0, 0), "CNN");
        // "People's" is a word of names, no owner.
        let text = "Kurdish People's Protection Units";
        let sequence: Vec<Slot> = text
            .split(' ')
            .scan(0, |at, word| {
                let span = Span::new(*at, *at + word.len());
                *at += word.len() + 1;
                let head = HeadWord::new(0, span, Spelling::of(word), Opening::No);
                Some(head.map_or(Slot::Break, Slot::Head))
            })
            .collect();
        let (start, end) = whole_name(text, &sequence, 2, 3);
        assert_eq!(&text[start..end], text);
    }

    /// The heading of a section showing every candidate of `text`.
    fn heading_of_whole(text: &str) -> String {
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        let collected = crate::candidates::collect(&article, &doc);
        let shown: Vec<usize> = (0..collected.list.len()).collect();
        let sentences: Vec<BriefSentence> = collected
            .list
            .iter()
            .map(|c| BriefSentence {
                text: article.slice(c.span).to_string(),
                sources: Vec::new(),
            })
            .collect();
        let mut headings = Headings::new(&article, &doc, &collected.list, &collected.df);
        headings.heading_for(&shown, &sentences, &[])
    }

    #[test]
    fn a_counted_phrase_ends_on_a_plural_and_an_adjectival_compound_ends_none() {
        let text = "She won four Olympic gold medals in London. Four Olympic gold medals \
                    made her famous. Her four Olympic gold medals hang in a museum.";
        let heading = heading_of_whole(text);
        assert_ne!(heading, "Four Olympic Gold", "{heading}");
        let text = "Two teachers were hurt. Two teachers went home. The two teachers spoke.";
        assert_eq!(heading_of_whole(text), "Two Teachers");
        for (word, plural) in [
            ("teachers", true),
            ("Inches", true),
            ("policemen", true),
            ("children", true),
            ("business", false),
            ("virus", false),
            ("analysis", false),
            ("gold", false),
        ] {
            assert_eq!(reads_plural(word), plural, "{word}");
        }
        let text = "The Academy Award-winning story opened. An Academy Award-winning cast \
                    starred. Critics loved the Academy Award-winning film.";
        let heading = heading_of_whole(text);
        assert!(!heading.ends_with("Award-winning"), "{heading}");
        let word = |w: &str| HeadWord::new(0, Span::new(0, w.len()), Spelling::of(w), Opening::No);
        assert!(word("Saudi-led").is_some_and(|w| w.weak_end));
        assert!(word("Award-winning").is_some_and(|w| w.weak_end));
        assert!(!word("Six-Day").is_some_and(|w| w.weak_end));
    }

    #[test]
    fn a_phrase_that_only_ever_modifies_a_noun_after_it_heads_nothing() {
        let text = "He had an extensive criminal record. His extensive criminal history was \
                    known. An extensive criminal past followed him.";
        let heading = heading_of_whole(text);
        assert_ne!(heading, "Extensive Criminal");
        assert!(
            ["Record", "History", "Past"]
                .iter()
                .any(|noun| heading.ends_with(noun)),
            "{heading}"
        );
        // A compound that stands alone somewhere keeps its place: "death penalty" before
        // "case" is a modifier, but not at the end of a sentence.
        let text = "Prosecutors seek the death penalty. The death penalty case opened. \
                    Jurors weighed the death penalty.";
        assert_eq!(heading_of_whole(text), "Death Penalty");
    }

    #[test]
    fn a_phrase_that_only_ever_takes_an_object_heads_nothing() {
        let text = "A car dashcam captures the moment. The dashcam footage spread. Another car \
                    dashcam captures the crash.";
        let heading = heading_of_whole(text);
        assert!(!heading.ends_with("Captures"), "{heading}");
        assert!(opens_object("captures the moment", "captures".len()));
        assert!(!opens_object("robbery this year", "robbery".len()));
        assert!(!opens_object("captures theory", "captures".len()));
    }

    #[test]
    fn a_heading_does_not_open_inside_a_figure() {
        let text = "The video has 4.4 million views on YouTube. It reached 2 million views in a \
                    day. The pilot landed the plane safely. Views of the landing spread online.";
        let heading = heading_of_whole(text);
        assert!(!heading.starts_with("Million"), "{heading}");
        assert!(is_scale_word("thousands") && !is_scale_word("two"));
    }

    #[test]
    fn a_word_only_ever_inside_a_name_heads_nothing_alone() {
        let text = "The United States and the United Nations met. The United States wants a deal. \
                    The United Nations wants one too. Officials met in Geneva again.";
        let heading = heading_of_whole(text);
        assert_ne!(heading, "United", "{heading}");
        assert!(heading.starts_with("United "), "{heading}");
    }

    #[test]
    fn a_name_shows_whole_across_words_that_head_nothing() {
        // "New" heads nothing ("new" is a weak word), yet it is part of the name.
        let text = "The New York Daily News ran the story first. Reporters at the New York \
                    Daily News found the files. The mayor's office called the New York Daily \
                    News on Friday.";
        assert_eq!(heading_of_whole(text), "New York Daily News");
        // "York" is only ever part of "New York": it heads nothing alone.
        let text = "Snow fell on New York overnight. Schools in New York stayed shut. Parents \
                    in New York kept children home as snow fell.";
        let heading = heading_of_whole(text);
        assert_ne!(heading, "York", "{heading}");
    }

    #[test]
    fn months_ages_peoples_adjectives_and_adjectives_head_nothing_alone() {
        for (text, not) in [
            (
                "The vote was held in January. In January the council met twice. By late \
                 January the plan had stalled.",
                "January",
            ),
            (
                "A 64-year-old was arrested. The 64-year-old denied the charge. Police said \
                 the 64-year-old had fled.",
                "64-year-old",
            ),
            (
                "Turkish officials met. The Turkish side spoke first. A Turkish delegation \
                 then left the room.",
                "Turkish",
            ),
            (
                "Israeli officials met. The Israeli side spoke first. An Israeli delegation \
                 then left the room.",
                "Israeli",
            ),
            (
                "The March snowpack was thin. The March count was lower. Only in 1991 was the \
                 March count lower.",
                "March",
            ),
            (
                "Furious, the coach left the field. Furious, the players followed. Fans were \
                 furious too.",
                "Furious",
            ),
        ] {
            let heading = heading_of_whole(text);
            assert_ne!(heading, not, "{text}");
        }
        for word in ["Turkish", "Israeli", "Islamic", "March", "Friday"] {
            assert!(Spelling::of(word).no_topic_alone, "{word}");
        }
        for word in ["Iran", "Miami", "Mali", "Marchetti", "march"] {
            assert!(!Spelling::of(word).no_topic_alone, "{word}");
        }
    }

    #[test]
    fn a_verb_after_a_modal_a_subject_or_to_heads_nothing() {
        assert!(stands_as_verb("would", "anti-discrimination"));
        assert!(stands_as_verb("she", "portraits"));
        assert!(stands_as_verb("doesn't", "matter"));
        assert!(stands_as_verb("to", "a"));
        // "to" before no object is a preposition's: "went to court on Monday".
        assert!(!stands_as_verb("to", "on"));
        assert!(!stands_as_verb("the", "portraits"));
        assert!(stands_as_verb("man", "himself"));
        assert!(stands_as_verb("program", "Them"));
        assert!(!stands_as_verb("man", "her"));

        let text =
            "The artist paints portraits of her neighbours. She paints portraits every day. \
                    The laws would preclude protections for tenants. They preclude protections \
                    in three states. The tenants' union filed a complaint.";
        let heading = heading_of_whole(text);
        assert!(
            !heading.starts_with("Paints") && !heading.starts_with("Preclude"),
            "{heading}"
        );
    }

    #[test]
    fn a_phrase_heads_before_a_lone_common_noun_it_outnumbers() {
        // "victim" comes up three times, "victim's vehicle" once: the phrase says more.
        let text = "The victim's vehicle was hit several times. The victim was grazed. Police \
                    said the victim was treated at the scene.";
        assert_eq!(heading_of_whole(text), "Victim's Vehicle");
    }

    #[test]
    fn a_station_named_after_affiliate_heads_nothing() {
        // The name would head the section but for the word before it.
        let text = "The principal told CNN affiliate KWCH the school was safe. Parents thanked \
                    the principal.";
        assert_ne!(heading_of_whole(text), "KWCH");
        let text = text.replace("affiliate KWCH", "reporter KWCH");
        assert_eq!(heading_of_whole(&text), "Reporter KWCH");
    }

    #[test]
    fn a_participle_ends_no_heading_and_no_phrase_runs_past_it() {
        assert!(is_participle("holding") && is_participle("Banning"));
        assert!(!is_participle("building") && !is_participle("thing"));
        assert!(ING_NOUNS.windows(2).all(|w| w[0] < w[1]));
        // "Boy Holding" and "Amendment Banning Gay" are no headings (a participle may open
        // one: "Banning Gay Marriage"); a noun in "-ing" ends one.
        let text = "A boy holding a pistol was seen. The boy holding the pistol ran. Another \
                    boy holding a toy watched. An amendment banning gay marriage passed. The \
                    amendment banning gay marriage stands.";
        let heading = heading_of_whole(text);
        assert!(
            !heading.ends_with("Holding") && !heading.contains("Amendment Banning"),
            "{heading}"
        );
        let text = "The Parliament building was evacuated. Staff left the Parliament building \
                    at noon. Police searched the Parliament building.";
        assert_eq!(heading_of_whole(text), "Parliament Building");
        assert!(ends_no_heading("gone") && ends_no_heading("holding"));
    }

    #[test]
    fn an_adverb_inside_a_phrase_breaks_it() {
        let text = "The pistol apparently shooting blanks was found. A pistol apparently \
                    shooting blanks was seized. The pistol apparently shooting blanks is gone.";
        let heading = heading_of_whole(text);
        assert!(!heading.contains("Apparently"), "{heading}");
    }

    #[test]
    fn title_case_softens_capitals() {
        assert_eq!(title_case("security guarantees"), "Security Guarantees");
        assert_eq!(
            title_case("HOW TO USE A WATER BATH CANNER"),
            "How to Use a Water Bath Canner"
        );
        assert_eq!(title_case("U.S. talks"), "U.S. Talks");
        assert_eq!(title_case("NATO"), "NATO");
        assert_eq!(title_case("iPhone sales"), "iPhone Sales");
        assert_eq!(
            title_case("late-September Ukrainian caper"),
            "Late-September Ukrainian Caper"
        );
        assert_eq!(title_case("Saad al-Hadithi"), "Saad al-Hadithi");
    }

    #[test]
    fn a_heading_does_not_open_on_a_verb() {
        let opens =
            |text: &str, phrase: &str| opens_on_verb(text, text.find(phrase).expect("in the text"));
        let text = "He has been trading jokes, prompting laughter, and smelled cigarette smoke \
                    near the warning signs of alleged racial slurs.";
        assert!(opens(text, "trading jokes"));
        assert!(opens(text, "prompting laughter"));
        assert!(opens(text, "smelled cigarette"));
        let raids = "They made the arrests while raiding homes in 11 provinces.";
        assert!(opens(raids, "raiding homes"));
        assert!(!opens(text, "warning signs"));
        assert!(!opens(text, "alleged racial slurs"));
        let text = "The decision to dismiss popular presenter Jeremy Clarkson gave access to \
                    low-cost drugs.";
        assert!(opens(text, "dismiss popular presenter"));
        assert!(!opens(text, "low-cost drugs"));
    }

    #[test]
    fn a_heading_does_not_cut_a_name() {
        let cuts = |text: &str, phrase: &str| {
            let start = text.find(phrase).expect("in the text");
            cuts_name(text, start, start + phrase.len())
        };
        let text = "Primary Industries Minister Nathan Guy said the National Security Council met \
                    at Old Trafford The club said French Foreign Minister Laurent Fabius spoke.";
        assert!(cuts(text, "Primary Industries Minister Nathan"));
        assert!(cuts(text, "Industries Minister Nathan Guy"));
        assert!(cuts(text, "National Security"));
        assert!(!cuts(text, "Primary Industries Minister Nathan Guy"));
        assert!(!cuts(text, "National Security Council"));
        // A sentence opener or a people's adjective is no part of the name.
        assert!(!cuts(text, "Old Trafford"));
        assert!(!cuts(text, "Foreign Minister Laurent Fabius"));
    }
}
