//! Which sentences may appear in a brief, and their comparable word forms.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use brief_core::{Article, Document, Span, Token, TokenKind};
use brief_understand::quotes::straight_mark_opens;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::terms;
use crate::trim::trim_from;

/// A sentence that may appear in the brief.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Index of the source sentence in the document.
    pub sentence: usize,
    /// The trimmed span to show.
    pub span: Span,
    /// Paragraph index of the source sentence.
    pub paragraph: usize,
    /// Index of the last subhead before it, if any.
    pub under_heading: Option<usize>,
    /// Content-word ids (stemmed, stop words out), sorted and deduplicated.
    pub terms: Vec<u32>,
    /// Index, in the first sentence's tokens, of the first token shown.
    pub first_token: usize,
    /// One entry per token shown: the term id of a word that may go into a heading,
    /// or [`NO_HEAD`] for a break (stop word, weak or short word, punctuation,
    /// number, quoted word) that a heading phrase may not cross.
    pub heads: Vec<u32>,
    /// Number of word tokens.
    pub words: usize,
    /// Share of its words inside quotation marks.
    pub quoted: f32,
    /// Ends with a question mark.
    pub question: bool,
    /// Looks ahead: "will", "plans", "expected", "next week", "is set to".
    pub forward: bool,
    /// Gives context: "since", "began", "ago", "had been", "last year".
    pub backward: bool,
    /// Attributes a statement to a pronoun only ("he said"): alone, as a takeaway
    /// is read, it does not say who spoke.
    pub pronoun_speaker: bool,
    /// Earliest and latest years (1900–2099) it mentions, as whole numbers.
    pub years: Option<(u32, u32)>,
    /// Opens with a word that points back to an earlier sentence ("But", "This",
    /// "Until then"): weak on its own, as a takeaway is read.
    pub dangling: bool,
    /// Opens with a personal pronoun ("They're the last …", "His mother …"): whom it
    /// means is named before.
    pub pronoun_opening: bool,
    /// The candidate before it in the list is the sentence right before it in the text (no
    /// subhead, short line, copy or furniture between).
    pub follows_previous: bool,
    /// Ends on a colon: it introduces what follows ("President Obama also said:", "Here are
    /// a few tips:") and says nothing alone.
    pub introduces: bool,
}

/// The [`Candidate::heads`] entry of a token that may not go into a heading.
pub const NO_HEAD: u32 = u32::MAX;

/// Phrases that mark a whole sentence as page furniture, not reporting, when a
/// word of the sentence opens one (their first words are [`terms::FURNITURE_HEADS`]).
const BOILERPLATE: &[&str] = &[
    "published:",
    "updated:",
    "last updated",
    "scroll down",
    "click here",
    "follow us",
    "follow @",
    "sign up",
    "subscribe",
    "all rights reserved",
    "copyright",
    "read more",
    "newsletter",
    "click to",
    "share this",
    "e-mail to a friend",
    "this article",
    "related:",
    "advertisement",
    "getty images",
    "photo:",
    "image:",
    "watch:",
    "video:",
    "contributed to this report",
    "contributed reporting",
    "read this:",
    "please visit",
    "browse other questions",
    // Disclaimers: "… is not responsible for the opinions, statements or media content …",
    // "The views expressed in this commentary are solely those of the writer."
    "responsible for the opinions",
    "views expressed in this",
];

/// Openings of a line that links to another story or an author's accounts ("See more: …",
/// "Opinion: …", "Follow him on Twitter …"), checked at its start only: their words are too
/// common to flag as furniture anywhere.
const LINK_OPENINGS: &[&str] = &[
    "see more:",
    "opinion:",
    "follow him on",
    "follow her on",
    // Syndicated stories: "See the original story at RollingStone.com."
    "see the original story",
    // A reader told to click or swipe is told about the page: "Click the gallery to find
    // out."
    "click ",
    "swipe ",
    // A reader asked to write in: "Email your story ideas and tips to CNNtips@cnn.com."
    "email your ",
    "e-mail your ",
    // A page's own labels: "Posted: Thursday, April 21, 2022.", "Citation: Hibernating
    // astronauts would need smaller spacecraft (2019, November 18) retrieved 20 November 2019
    // from https://phys.org/…".
    "posted:",
    "citation:",
];

/// First words of a line that points at media embedded in the page ("Watch the full
/// exchange above.", "You can see a few moments from the chat in the video above.").
const MEDIA_POINTERS: &[&str] = &["check", "click", "scroll", "see", "watch", "you"];

/// Most words of a line pointing at embedded media.
const MEDIA_POINTER_WORDS: usize = 15;

/// True for a short line that opens with a [`MEDIA_POINTERS`] word and ends with "above" or
/// "below": it points at a video or a list of the page, not at the story ("aged 16 and
/// below" opens otherwise).
fn points_at_media(shown: &str, words: usize) -> bool {
    let end = shown
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .as_bytes();
    let last = &end[end.len().saturating_sub(6)..];
    let ends_pointing = [b" above", b" below"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(*w));
    if words > MEDIA_POINTER_WORDS || !ends_pointing {
        return false;
    }
    let first = first_word(shown);
    MEDIA_POINTERS.iter().any(|m| m.eq_ignore_ascii_case(first))
}

/// The first run of letters and digits of `text` ("" when it has none).
fn first_word(text: &str) -> &str {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// One automaton for all [`BOILERPLATE`] phrases, any case.
fn boilerplate() -> &'static AhoCorasick {
    static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(BOILERPLATE)
            .expect("boilerplate phrases are valid patterns")
    });
    &AUTOMATON
}

/// First words that refer back to what came before.
const DANGLING_OPENERS: &[&str] = &[
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "so",
    "also",
    "however",
    "still",
    "yet",
    "then",
    "until",
    "such",
    "meanwhile",
    "instead",
];

/// Personal pronouns and their possessives, as [`first_word`] reads them ("They're" as
/// "They").
const PRONOUN_OPENERS: &[&str] = &[
    "he", "her", "his", "it", "its", "she", "their", "them", "they",
];

const MIN_WORDS: usize = 4;
/// Fewest words a candidate without closing punctuation needs.
const UNPUNCTUATED_MIN_WORDS: usize = 8;
const MAX_WORDS: usize = 90;
/// Sentences longer than this are never page furniture.
const BOILERPLATE_MAX_WORDS: usize = 25;

/// Fewest words a sentence a photo caption runs into must have to be shown without it.
const MIN_RUN_IN_WORDS: usize = 6;

/// Most sentences one quotation may span before we stop joining them.
const MAX_QUOTE_SENTENCES: usize = 5;

/// Most sentences a quotation too long to join may span and still have its sentences read as
/// inside it (one that has not closed by then is more likely a stray mark).
const MAX_QUOTE_CARRY: usize = 12;

/// Stem hashes mapped to dense term ids, per article, in the order first seen.
///
/// The table is kept from article to article, each article's entries stamped with its
/// number, so starting an article clears nothing: a stem is one load and one comparison where
/// a fresh hash map would be allocated and filled. A stem whose slot another stem of the same
/// article holds goes to a small map. A hash collision would merge two terms' counts, which
/// ranking tolerates.
pub struct Vocabulary {
    /// (stem, the stamp of the article that set it, id), by the stem's top bits.
    slots: Vec<(u64, u32, u32)>,
    stamp: u32,
    spilled: FxHashMap<u64, u32>,
    len: u32,
}

/// Slots of a [`Vocabulary`]: a power of two, about ten per stem of a long article.
const VOCABULARY_SLOTS: usize = 1 << 12;

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            slots: vec![(0, 0, 0); VOCABULARY_SLOTS],
            stamp: 1,
            spilled: FxHashMap::default(),
            len: 0,
        }
    }
}

impl Vocabulary {
    /// Forgets the last article's terms.
    pub fn clear(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // Four billion articles on: old stamps would come round again.
            self.slots.fill((0, 0, 0));
            self.stamp = 1;
        }
        self.spilled.clear();
        self.len = 0;
    }

    fn slot(stem: u64) -> usize {
        (stem >> (64 - VOCABULARY_SLOTS.trailing_zeros())) as usize
    }

    /// The id of a stem, assigned on first sight.
    pub fn id(&mut self, stem: u64) -> u32 {
        let slot = &mut self.slots[Self::slot(stem)];
        if slot.1 != self.stamp {
            *slot = (stem, self.stamp, self.len);
            self.len += 1;
            return slot.2;
        }
        if slot.0 == stem {
            return slot.2;
        }
        let next = self.len;
        let id = *self.spilled.entry(stem).or_insert(next);
        if id == next {
            self.len += 1;
        }
        id
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// The id of a stem if it was seen.
    pub fn get(&self, stem: u64) -> Option<u32> {
        let slot = self.slots[Self::slot(stem)];
        if slot.1 != self.stamp {
            None
        } else if slot.0 == stem {
            Some(slot.2)
        } else {
            self.spilled.get(&stem).copied()
        }
    }
}

/// The candidates of an article and the term ids of its headline.
pub struct Candidates {
    /// Candidate sentences in text order.
    pub list: Vec<Candidate>,
    /// Sorted, deduplicated term ids of the headline words that occur in the candidates.
    pub title_terms: Vec<u32>,
    /// Number of headline content words (found or not).
    pub title_words: usize,
    /// In how many candidates each term id occurs (term ids are dense).
    pub df: Vec<u32>,
}

/// Collects candidate sentences with their term ids (ids are per article).
///
/// A quotation that runs over several sentences becomes one candidate, so a
/// brief never shows half a quote with a dangling quotation mark.
pub fn collect(article: &Article, doc: &Document) -> Candidates {
    thread_local! {
        static WORDS: RefCell<(terms::WordCache, Vocabulary)> = RefCell::default();
    }
    WORDS.with_borrow_mut(|(cache, vocabulary)| {
        vocabulary.clear();
        collect_with(article, doc, cache, vocabulary)
    })
}

/// [`collect`] with the word keys of earlier articles at hand, and a vocabulary to fill.
fn collect_with(
    article: &Article,
    doc: &Document,
    cache: &mut terms::WordCache,
    vocabulary: &mut Vocabulary,
) -> Candidates {
    let mut heading = None;
    let mut out = Vec::new();
    // Articles repeat sentences (pull quotes, syndication glitches): show each once.
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let mut lower = String::new();
    // Text tokenized with a space before every mark ("It rained ." in some corpora) has
    // nothing to tell apart by its full stops: news text has at most a few such lines.
    // The rule holds where at most a third are detached: CNN/DM dev, 772 of 834 articles
    // under a tenth and 3 over a third (at most 40%); tokenized ECB+ dev, 194 of 196 texts
    // over a third.
    let (detached, stops) = doc
        .sentences
        .iter()
        .map(|s| article.slice(s.span).trim_ascii_end())
        .filter(|s| s.ends_with('.'))
        .fold((0usize, 0usize), |(d, n), s| {
            (d + usize::from(detached_full_stop(s)), n + 1)
        });
    let stops_attached = detached * 3 <= stops;
    let mut previous_end = None;
    let mut reference_paragraph = None;
    let text = article.text.as_bytes();
    for (group, open_at_start) in quote_groups(article, doc) {
        let first = &doc.sentences[group.start];
        if first.is_heading {
            heading = Some(group.start);
            continue;
        }
        // A photo caption run into the sentence ("… in the work-inspired spread As for her
        // character on the show, Julia explained …"): the sentence starts where the last one
        // runs in, when enough of it follows to stand alone.
        let last_run_in = (1..first.tokens.len()).rev().find(|&i| {
            text[first.tokens[i].span.start].is_ascii_uppercase()
                && runs_in_at(text, &first.tokens, i)
        });
        let run_in = last_run_in.filter(|&i| {
            first.tokens[i..]
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                .count()
                >= MIN_RUN_IN_WORDS
        });
        let Some(trimmed) = trim_from(article, first, run_in.unwrap_or(0)) else {
            continue;
        };
        let span = Span::new(trimmed.start, doc.sentences[group.end - 1].span.end);
        let shown = article.slice(span);
        let mut terms = Vec::with_capacity(32);
        let mut heads = Vec::with_capacity(48);
        let mut words = 0;
        // Words as `split_whitespace` counts them: tokens that open a run of
        // non-space characters (every such character is in some token).
        let mut spaced_words = 0;
        let mut quoted_words = 0;
        let mut quotes = open_at_start;
        let mut in_quote = quotes.any();
        let mut years: Option<(u32, u32)> = None;
        let mut cues = Cues::default();
        // The words outside parentheses, hashed in order: copies of a sentence differ
        // in spacing, line breaks and asides, which showing deletes anyway.
        let mut copy_key: u64 = 0xcbf2_9ce4_8422_2325;
        let mut in_aside = 0usize;
        let mut furniture_head = false;
        let mut credit_verb = false;
        // Too little after the caption to stand alone: the line is a caption.
        let mut caption = last_run_in.is_some() && run_in.is_none();
        // The first token shown: one the trimmed start falls inside (after invisible marks)
        // is shown.
        let first_token = first.tokens.partition_point(|t| t.span.end <= span.start);
        for (k, sentence) in doc.sentences[group.clone()].iter().enumerate() {
            let from = if k == 0 { first_token } else { 0 };
            for (i, tok) in sentence.tokens.iter().enumerate().skip(from) {
                let Span { start, end } = tok.span;
                // The first sentence's run-ins were looked for above: only a photo's place
                // is left to find there.
                let sign = if k == 0 {
                    text[start] == b','
                } else {
                    may_sign_caption(text[start])
                };
                if sign && caption_sign_at(text, &sentence.tokens, i) {
                    caption = true;
                }
                spaced_words +=
                    usize::from(start == span.start || space_before(&article.text, start));
                match tok.kind {
                    TokenKind::Quote => {
                        heads.push(NO_HEAD);
                        match &text[start..end] {
                            b"'" => quotes.single_mark(&article.text, start, 1, false),
                            b"\xe2\x80\x99" => quotes.single_mark(&article.text, start, 3, false),
                            b"\xe2\x80\x98" => quotes.single_mark(&article.text, start, 3, true),
                            b"\"" => quotes.straight_double_mark(&article.text, start),
                            _ => quotes.double = !quotes.double,
                        }
                        in_quote = quotes.any();
                    }
                    TokenKind::Number => {
                        words += 1;
                        quoted_words += usize::from(in_quote);
                        let spelled = &text[start..end];
                        if in_aside == 0 {
                            copy_key = mix(copy_key, terms::hash_at(text, start, end - start));
                        }
                        if let Some(year) = year(spelled) {
                            years = Some(years.map_or((year, year), |(a, b): (u32, u32)| {
                                (a.min(year), b.max(year))
                            }));
                        }
                        heads.push(NO_HEAD);
                    }
                    TokenKind::Word => {
                        words += 1;
                        quoted_words += usize::from(in_quote);
                        let word = terms::cached_key_at(cache, &article.text, tok.span, &mut lower);
                        cues.see(&word);
                        furniture_head |= word.flags & terms::flag::FURNITURE_HEAD != 0;
                        credit_verb |= word.flags & terms::flag::CREDIT != 0;
                        if in_aside == 0 {
                            copy_key = mix(mix(copy_key, word.spelled), word.lower);
                        }
                        if !word.stop && word.len > 1 {
                            let id = vocabulary.id(word.stem);
                            terms.push(id);
                            // Quoted words are the speaker's, not a topic, and weak words
                            // ("people", "according") say nothing: no headings from them.
                            let heading_word = !in_quote && !word.weak;
                            heads.push(if heading_word { id } else { NO_HEAD });
                        } else {
                            heads.push(NO_HEAD);
                        }
                    }
                    TokenKind::Punct => {
                        if end - start == 1 {
                            match text[start] {
                                b'(' => in_aside += 1,
                                b')' => in_aside = in_aside.saturating_sub(1),
                                _ => {}
                            }
                        }
                        heads.push(NO_HEAD);
                    }
                }
            }
        }
        // Furniture lines are short; checking only short ones keeps this off the hot path.
        if spaced_words <= BOILERPLATE_MAX_WORDS {
            let byline = shown
                .get(..3)
                .is_some_and(|b| b.eq_ignore_ascii_case("by "))
                && spaced_words <= 6;
            // "©2015 The Hollywood Reporter."
            let copyright = shown.starts_with('©');
            let first = shown.as_bytes().first().map(u8::to_ascii_lowercase);
            let link = LINK_OPENINGS.iter().any(|o| {
                first == o.as_bytes().first().copied()
                    && shown
                        .get(..o.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(o))
            });
            // A wire's staff credit standing alone: "(Reporting by Will Dunham; Editing by
            // Tom Brown)".
            let staff = shown.strip_prefix('(').is_some_and(crate::credits_staff);
            if byline
                || copyright
                || link
                || staff
                || points_at_media(shown, spaced_words)
                || (furniture_head && boilerplate().is_match(shown))
                || (credit_verb && is_credit_line(shown))
            {
                continue;
            }
        }
        if !seen.insert(copy_key) {
            continue;
        }
        if caption || is_caption(shown) {
            continue;
        }
        // A reference's title and source follow its authors as sentences of their own
        // ("Cacoub P, et al. | The DRESS syndrome: a literature review."): the paragraph goes.
        if reference_paragraph == Some(first.paragraph) || is_reference(shown) {
            reference_paragraph = Some(first.paragraph);
            continue;
        }
        // In a text whose sentences end in their full stops, a line that had none of its
        // own, given a detached one ("Pope says it's OK to spank children .", "Here are
        // five of the moments: ."), is a linked headline, a listing or a lead-in to
        // embedded media, not a sentence of the story.
        if stops_attached && detached_full_stop(shown) {
            continue;
        }
        // Longer "sentences" are run-ons of captions or lists that lost their
        // punctuation, not prose a reader can take in.
        // Nor is a line without a word of content ("2006;27(10):441.", "It is what it is."),
        // unless it gives a figure ("He said he had about $45 on him.").
        if !(MIN_WORDS..=MAX_WORDS).contains(&words)
            || (terms.is_empty() && !gives_figure(doc, &group))
        {
            continue;
        }
        // A short line with no closing mark ("Buyer's Guide: MacBook Pro") is a link, a
        // label or a credit; a sentence of the story ends in one.
        // A longer one is a sentence only with a verb: "June 9 – West Palm Beach, FL @ Coral
        // Sky Amphitheatre June 10 – Tampa, FL @ …" is a listing.
        if !closes_sentence(shown) && (words < UNPUNCTUATED_MIN_WORDS || !crate::holds_verb(shown))
        {
            continue;
        }
        terms.sort_unstable();
        terms.dedup();
        let opening = first_word(shown);
        let dangling = DANGLING_OPENERS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(opening));
        let pronoun_opening = PRONOUN_OPENERS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(opening));
        let follows_previous = previous_end == Some(group.start);
        previous_end = Some(group.end);
        out.push(Candidate {
            pronoun_opening,
            follows_previous,
            sentence: group.start,
            span,
            paragraph: first.paragraph,
            under_heading: heading,
            terms,
            first_token,
            heads,
            words,
            quoted: quoted_words as f32 / words as f32,
            dangling,
            years,
            forward: cues.forward,
            backward: cues.backward,
            pronoun_speaker: cues.pronoun_speaker,
            question: shown.trim_end_matches(['"', '”', '\'', '’']).ends_with('?'),
            introduces: shown.trim_end().ends_with(':'),
        });
    }
    let mut title_terms = Vec::new();
    let mut title_words = 0;
    let title = article.title.as_deref().unwrap_or("");
    for word in title.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let key = terms::key(word, &mut lower);
        if key.len > 1 && !key.stop {
            title_words += 1;
            title_terms.extend(vocabulary.get(key.stem));
        }
    }
    title_terms.sort_unstable();
    title_terms.dedup();
    let mut df = vec![0u32; vocabulary.len()];
    for c in &out {
        for &t in &c.terms {
            df[t as usize] += 1;
        }
    }
    Candidates {
        list: out,
        title_terms,
        title_words,
        df,
    }
}

/// Most words of a caption's label ("Iconic:", "Fifties fashion:", "Moved out:").
const LABEL_WORDS: usize = 3;

/// Bytes within which a label's colon must come (three long words).
const LABEL_BYTES: usize = 48;

/// Where the text after a label that opens `text` starts: one to [`LABEL_WORDS`] words, the
/// first capitalised, then a colon, a space and a capital or a quotation mark.
fn label_end(text: &str) -> Option<usize> {
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut words = 1;
    for (i, c) in text.char_indices() {
        match c {
            ':' => {
                let after = &text[i + 1..];
                let next = after.strip_prefix(' ')?.chars().next()?;
                let opens = next.is_uppercase() || matches!(next, '"' | '“' | '‘' | '\'');
                return opens.then_some(i + 2);
            }
            ' ' => {
                words += 1;
                if words > LABEL_WORDS {
                    return None;
                }
            }
            c if c.is_whitespace() => return None,
            _ => {}
        }
    }
    None
}

/// Words a line crediting the reporters may hold besides names, places and its verbs.
const CREDIT_WORDS: &[&str] = &[
    "and",
    "correspondent",
    "from",
    "in",
    "journalist",
    "producer",
    "report",
    "story",
    "the",
    "this",
    "while",
];

/// A line crediting the reporters ("CNN's Ann O'Neill reported from Boston, and Mariano
/// Castillo wrote in Atlanta.", "Journalist Hakim Almasmari reported from Sanaa; CNN's Ben
/// Brumfield wrote this story from Atlanta."): names and places, each "reported" or "wrote"
/// ("and" the other, "this story") followed by "from" or "in" and a place, and nothing else.
/// A sentence of the story has lower-case words of its own ("No illnesses were reported from
/// the cups", "as CNN recently reported from Chad, …").
pub(crate) fn is_credit_line(shown: &str) -> bool {
    let Some(body) = shown.strip_suffix('.') else {
        return false;
    };
    let words: Vec<&str> = body
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';']))
        .collect();
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let verb = |w: &str| terms::CREDIT_VERBS.contains(&w);
    let opens_place = |k: usize| {
        let k = if words.get(k) == Some(&"the") {
            k + 1
        } else {
            k
        };
        words.get(k).is_some_and(|w| capitalised(w))
    };
    // Every verb has a name before it and "from"/"in" and a place after it (past "and" the
    // other verb and "this story").
    let mut verbs = 0;
    for (i, &w) in words.iter().enumerate() {
        if !(capitalised(w) || verb(w) || CREDIT_WORDS.contains(&w)) {
            return false;
        }
        if !verb(w) || (i > 0 && words[i - 1] == "and" && verb(words[i.saturating_sub(2)])) {
            continue;
        }
        verbs += 1;
        if i == 0 || !capitalised(words[i - 1]) {
            return false;
        }
        let mut k = i + 1;
        if words.get(k) == Some(&"and") && words.get(k + 1).is_some_and(|w| verb(w)) {
            k += 2;
        }
        if words.get(k) == Some(&"this") && matches!(words.get(k + 1), Some(&"story" | &"report")) {
            k += 2;
        }
        if !(matches!(words.get(k), Some(&"from" | &"in")) && opens_place(k + 1)) {
            return false;
        }
    }
    verbs > 0
        && words
            .first()
            .is_some_and(|w| capitalised(w) || *w == "journalist")
}

/// A photo caption run into the text, as the Daily Mail's appear in scraped articles: a
/// label opens it ("Iconic: The dolls are newly produced …") and another label follows
/// without a full stop ("… in 1959 Fifties fashion: The doll features …"), or it says
/// "pictured". A label holding a verb of saying ("Janine Gamblen wrote: '…'") is a speaker's.
fn is_caption(shown: &str) -> bool {
    // Nearly every sentence has no colon among its first words: one search rules it out.
    let head = &shown.as_bytes()[..shown.len().min(LABEL_BYTES)];
    if memchr::memchr(b':', head).is_none() {
        return false;
    }
    let Some(body) = label_end(shown) else {
        return false;
    };
    if crate::statements::is_saying(&shown[..body - 2]) {
        return false;
    }
    let rest = &shown[body..];
    if rest.contains("pictured") {
        return true;
    }
    let bytes = rest.as_bytes();
    bytes.windows(3).enumerate().any(|(i, w)| {
        (w[0].is_ascii_lowercase() || w[0].is_ascii_digit())
            && w[1] == b' '
            && w[2].is_ascii_uppercase()
            && label_end(&rest[i + 2..])
                .is_some_and(|e| !crate::statements::is_saying(&rest[i + 2..i + e]))
    })
}

/// Words that place a person in a photo when set off by commas ("Abase Hussen, left, took
/// his daughter Amira, right, …", "Joshua Titcombe, pictured, died …").
const PHOTO_PLACES: &[&[u8]] = &[
    b"above",
    b"below",
    b"centre",
    b"center",
    b"circled",
    b"left",
    b"pictured",
    b"right",
];

/// Words that open a new sentence and, capitalised, never follow a word in the middle of
/// one without a mark between.
const SENTENCE_OPENERS: &[&[u8]] = &[
    b"He", b"Her", b"His", b"She", b"The", b"Their", b"There", b"These", b"They", b"This", b"We",
];

/// Words that open a new sentence and, capitalised, follow a word in the middle of one only
/// in a title, where the word before is capitalised too ("Leave It to Beaver", "Lost In
/// Translation", "Love After War").
const TITLE_CASE_OPENERS: &[&[u8]] = &[
    b"After",
    b"An",
    b"And",
    b"As",
    b"But",
    b"If",
    b"In",
    b"It",
    b"Last",
    b"When",
    b"Yesterday",
];

/// True when a token opening on byte `lead` may be a sign of [`caption_sign_at`]: only a
/// comma or a capital can, so one byte rules out nearly every token before the call.
#[inline]
pub(crate) fn may_sign_caption(lead: u8) -> bool {
    lead.is_ascii_uppercase() || lead == b','
}

/// True when the token at `i` shows that its candidate is a photo caption the Daily Mail's
/// scraped articles run into the prose around it without a full stop: a comma before a place
/// in a photo (", left,", ", pictured,", ", pictured in 2014,"), or a capitalised pronoun,
/// "The" or another sentence opener that starts a new sentence right after a word or a
/// closing quotation mark, with a lower-case word or a number after it ("… at the start of
/// the sick video They were then blindfolded …", "… on Saturday He links up with …", "…
/// after he was beheaded It is the latest footage …", "… as they rest after surgery In this
/// photo …"). A title keeps its capitals ("the film It Follows") or has them before the
/// opener ("Leave It to Beaver"), so it is not taken for a new sentence.
pub(crate) fn caption_sign_at(text: &[u8], tokens: &[Token], i: usize) -> bool {
    let this = &text[tokens[i].span.start..tokens[i].span.end];
    if this == b"," {
        let (Some(place), Some(after)) = (tokens.get(i + 1), tokens.get(i + 2)) else {
            return false;
        };
        let place = &text[place.span.start..place.span.end];
        return spaced(text, tokens, i, i + 1)
            && PHOTO_PLACES.contains(&place)
            && (&text[after.span.start..after.span.end] == b","
                && tokens[i + 1].span.end == after.span.start
                || place == b"pictured" && spaced(text, tokens, i + 1, i + 2));
    }
    runs_in_at(text, tokens, i)
}

/// True when tokens `a` and `b` stand one space apart.
fn spaced(text: &[u8], tokens: &[Token], a: usize, b: usize) -> bool {
    tokens[a].span.end + 1 == tokens[b].span.start && text[tokens[a].span.end] == b' '
}

/// True when the token at `i` opens a sentence that a photo caption before it runs into
/// (see [`caption_sign_at`]).
fn runs_in_at(text: &[u8], tokens: &[Token], i: usize) -> bool {
    let slice = |t: &Token| &text[t.span.start..t.span.end];
    let spaced = |a: usize, b: usize| spaced(text, tokens, a, b);
    // The cheap tests first: this runs on every capitalised word of a sentence.
    let (Some(this), Some(after)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    if i == 0
        || !text[this.span.start].is_ascii_uppercase()
        || this.span.len() > MAX_OPENER_LEN
        || !(after.kind == TokenKind::Number
            || (after.kind == TokenKind::Word
                && (slice(after)[0].is_ascii_lowercase() || slice(after)[0].is_ascii_digit())))
        || !spaced(i - 1, i)
        || !spaced(i, i + 1)
    {
        return false;
    }
    // The word before, or the one a closing quotation mark ends ("… dubbed ‘The First Great
    // Escape’ The story of how …").
    let word = |k: usize| matches!(tokens[k].kind, TokenKind::Word | TokenKind::Number);
    let closed = tokens[i - 1].kind == TokenKind::Quote
        && i >= 2
        && word(i - 2)
        && tokens[i - 2].span.end == tokens[i - 1].span.start;
    if !(closed || word(i - 1)) {
        return false;
    }
    let this = slice(this);
    let title_case = TITLE_CASE_OPENERS.contains(&this);
    if !(title_case || SENTENCE_OPENERS.contains(&this)) {
        return false;
    }
    let before = &tokens[if closed { i - 2 } else { i - 1 }];
    let before_lower = slice(before)[0].is_ascii_lowercase() || before.kind == TokenKind::Number;
    // A title names its subject after an article: "the drama When the Game Stands Tall".
    let titled = ARTICLES.contains(&slice(after))
        && tokens
            .get(i + 2)
            .is_some_and(|t| slice(t)[0].is_ascii_uppercase());
    (before_lower || !title_case) && !titled
}

/// The longest opener of [`SENTENCE_OPENERS`] and [`TITLE_CASE_OPENERS`] ("Yesterday").
const MAX_OPENER_LEN: usize = 9;

/// Articles and possessives that open a noun phrase.
const ARTICLES: &[&[u8]] = &[
    b"a", b"an", b"her", b"his", b"my", b"our", b"the", b"their", b"your",
];

/// Whether `shown` ends as a sentence does: a full stop, question or exclamation mark,
/// possibly inside a closing quotation mark or bracket.
fn closes_sentence(shown: &str) -> bool {
    shown
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

/// True when the sentences of `group` hold a number and a word: a figure, where a line of
/// numbers alone ("2006;27(10):441.") is none.
fn gives_figure(doc: &Document, group: &Range<usize>) -> bool {
    let tokens = || doc.sentences[group.clone()].iter().flat_map(|s| &s.tokens);
    tokens().any(|t| t.kind == TokenKind::Number) && tokens().any(|t| t.kind == TokenKind::Word)
}

/// True for an entry of a list of references ("Avancini J et al. Drug reaction with …",
/// "Shear NH, Spielberg SP. In vitro assessment of risk.", "Fireman B , Lee J , et al.",
/// "Smith, J. (2010)."): a surname and its initials, then "et al." or another author, or a
/// surname, a comma and one initial.
fn is_reference(shown: &str) -> bool {
    // A surname's particle ("van Vollenhoven R") is read past.
    let shown = if shown.starts_with(|c: char| c.is_ascii_lowercase()) {
        [
            "van ", "von ", "de ", "der ", "di ", "da ", "du ", "le ", "la ",
        ]
        .iter()
        .find_map(|particle| shown.strip_prefix(particle))
        .unwrap_or(shown)
    } else {
        shown
    };
    let surname = |w: &str| {
        let name = w.trim_end_matches(',');
        name.chars().nth(1).is_some()
            && name.starts_with(char::is_uppercase)
            && name.chars().any(char::is_lowercase)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '‐' | '\''))
    };
    let initials = |w: &str| {
        let letters = w.trim_end_matches([',', '.']);
        letters.starts_with(char::is_uppercase)
            && letters.chars().all(|c| c.is_uppercase() || c == '-')
            && letters.chars().nth(4).is_none()
    };
    // Words apart by single spaces, as references are set: the second word, short and in
    // capitals, turns nearly every sentence away before the first is read.
    let mut words = shown.split(' ');
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    if !initials(second) || !surname(first) {
        return false;
    }
    let (third, fourth) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let one_initial = second.len() == 2 && second.ends_with('.');
    third == "et"
        || (second.ends_with(',') && surname(third) && initials(fourth))
        // A comma set apart, as some journals set them: "Fireman B , Lee J , Lewis N , et al."
        || (third == "," && (surname(fourth) || fourth == "et"))
        || (first.ends_with(',') && one_initial)
}

/// Whether `shown` ends in a full stop set apart by (ASCII) white space.
fn detached_full_stop(shown: &str) -> bool {
    let bytes = shown.as_bytes();
    let mut end = bytes.len();
    while end > 0 && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end >= 2 && bytes[end - 1] == b'.' && bytes[end - 2].is_ascii_whitespace()
}

/// Whether the character before byte `at` of `text` is white space.
fn space_before(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        Some(&b) if b < 0x80 => b == b' ' || (b'\t'..=b'\r').contains(&b),
        Some(_) => text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace),
        None => false,
    }
}

/// The year a number token names, if it is a four-digit year of 1900–2099.
fn year(bytes: &[u8]) -> Option<u32> {
    if bytes.len() != 4 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = bytes.iter().fold(0u32, |y, d| y * 10 + u32::from(d - b'0'));
    (1900..2100).contains(&year).then_some(year)
}

/// Words and word pairs that mark a sentence as looking ahead or giving context,
/// read token by token (cheaper than searching each sentence's text again).
#[derive(Default)]
struct Cues {
    previous: (u64, u16),
    /// Whether the word before the previous one was a past form ([`terms::flag::PAST_FRAME`]).
    previous_after_past: bool,
    forward: bool,
    backward: bool,
    /// "he said", "said she": a statement whose speaker is only a pronoun.
    pronoun_speaker: bool,
}

/// Word pairs by their words' hashes.
type PairSet = FxHashSet<(u64, u64)>;

/// The cue pairs: (forward, context).
static CUE_PAIRS: LazyLock<(PairSet, PairSet)> = LazyLock::new(|| {
    let pairs = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(a, b)| (terms::hash_of(a), terms::hash_of(b)))
            .collect()
    };
    (pairs(terms::FORWARD_PAIRS), pairs(terms::BACKWARD_PAIRS))
});

impl Cues {
    fn see(&mut self, word: &terms::TermKey) {
        use terms::flag;
        let (previous, previous_flags) = self.previous;
        // "was expected to", "looked set to": what was ahead then.
        let after_past = previous_flags & flag::PAST_FRAME != 0;
        let past = |flags: u16, after_past: bool| flags & flag::PAST_FRAMED != 0 && after_past;
        self.forward |= (word.flags & flag::FORWARD != 0 && !past(word.flags, after_past))
            || (previous_flags & flag::FORWARD_HEAD != 0
                && CUE_PAIRS.0.contains(&(previous, word.lower))
                && !past(previous_flags, self.previous_after_past));
        self.backward |= word.flags & flag::BACKWARD != 0
            || (previous_flags & flag::BACKWARD_HEAD != 0
                && CUE_PAIRS.1.contains(&(previous, word.lower)));
        let pair = previous_flags | word.flags;
        self.pronoun_speaker |= pair & flag::PRONOUN != 0
            && pair & flag::SAYING != 0
            && (previous_flags ^ word.flags) & (flag::PRONOUN | flag::SAYING)
                == (flag::PRONOUN | flag::SAYING);
        self.previous = (word.lower, word.flags);
        self.previous_after_past = after_past;
    }
}

/// One step of the copy key: FNV-style mixing of a word's hash.
fn mix(key: u64, word: u64) -> u64 {
    (key ^ word).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Runs of sentences that belong together because a quotation spans them, each with the
/// quotations open where it starts. A quotation too long to join leaves its sentences apart,
/// but when it closes within [`MAX_QUOTE_CARRY`] sentences of its paragraph and reopens on the
/// way, those after its opening start inside it: shown alone they are a speaker's words
/// without the speaker (the Daily Mail runs a quote over several paragraphs, each reopening,
/// and its paragraphs arrive run together).
fn quote_groups(article: &Article, doc: &Document) -> Vec<(Range<usize>, OpenQuotes)> {
    let sentences = &doc.sentences;
    let same_paragraph = |from: usize, to: usize| {
        to < sentences.len()
            && !sentences[to].is_heading
            && sentences[to].paragraph == sentences[from].paragraph
    };
    let mut groups = Vec::with_capacity(sentences.len());
    // The quotations open at the start of the next sentence, and the sentence the quotation
    // closes in: those up to it start inside it.
    let mut carried = (OpenQuotes::default(), 0);
    let mut i = 0;
    while i < sentences.len() {
        if i < carried.1 {
            groups.push((i..i + 1, carried.0));
            carried.0 = carried.0.after(article.slice(sentences[i].span));
            i += 1;
            continue;
        }
        let opened = OpenQuotes::default().after(article.slice(sentences[i].span));
        let mut open = opened;
        let mut end = i + 1;
        while open.any() && end - i < MAX_QUOTE_SENTENCES && same_paragraph(i, end) {
            open = open.after(article.slice(sentences[end].span));
            end += 1;
        }
        if open.any() {
            // Never closed within reach: keep the sentences apart.
            let mut closes = end;
            while open.any() && closes - i < MAX_QUOTE_CARRY && same_paragraph(i, closes) {
                open = open.after(article.slice(sentences[closes].span));
                closes += 1;
            }
            // A quotation over paragraphs run together reopens at a paragraph's start: a
            // sentence after its opening starts with a mark of its kind. Without one, an open
            // quotation is more likely a stray mark ("that"s", "his 'do", "'Arrow"").
            let marks: &[char] = if opened.single {
                &['\'', '‘']
            } else {
                &['"', '“']
            };
            let reopens =
                (i + 1..closes).any(|k| article.slice(sentences[k].span).starts_with(marks));
            if !open.any() && reopens {
                carried = (opened, closes);
            }
            end = i + 1;
        }
        // "“… did!!” Griffith said on Twitter.": the speaker's line the splitter set apart
        // after the quotation's own closing mark goes with it; alone it says nothing, and the
        // quotation alone has no speaker.
        if same_paragraph(end - 1, end)
            && closes_on_quotation(article, &sentences[end - 1])
            && is_attribution_tail(article, &sentences[end])
        {
            end += 1;
        }
        groups.push((i..end, OpenQuotes::default()));
        i = end;
    }
    groups
}

/// Most words naming the speaker in an attribution line ("US Senator Jeff Sessions").
const TAIL_SPEAKER_WORDS: usize = 5;

/// Most words after its verb an attribution line may have ("said on Twitter", "asked the
/// jury", "said of defendants in municipal court").
const TAIL_WORDS_AFTER_VERB: usize = 5;

/// Verbs that name the speaker of a quotation in a line of their own.
const TAIL_VERBS: &[&str] = &[
    "added",
    "admitted",
    "argued",
    "asked",
    "commented",
    "confirmed",
    "continued",
    "declared",
    "explained",
    "insisted",
    "joked",
    "noted",
    "posted",
    "recalled",
    "remarked",
    "replied",
    "responded",
    "said",
    "says",
    "shouted",
    "stated",
    "told",
    "tweeted",
    "wrote",
    "yelled",
];

/// Words after the verb that open a clause of its own: the line says something.
const CLAUSE_SUBJECTS: &[&str] = &["he", "i", "it", "she", "that", "they", "we", "you"];

/// True when a sentence ends with a quotation closing after its own full stop, question or
/// exclamation mark (`… here?”`).
fn closes_on_quotation(article: &Article, sentence: &brief_core::Sentence) -> bool {
    let tokens = &sentence.tokens;
    tokens.len() >= 2
        && tokens[tokens.len() - 1].kind == TokenKind::Quote
        && matches!(
            article.slice(tokens[tokens.len() - 2].span),
            "." | "!" | "?"
        )
}

/// True when a sentence only names who said the quotation before it: a name or pronoun, a
/// verb of saying among its first words, at most a few words after it that open no clause,
/// and a full stop ("Griffith said on Twitter.", "Naseer asked the jury.").
fn is_attribution_tail(article: &Article, sentence: &brief_core::Sentence) -> bool {
    let tokens = &sentence.tokens;
    // The speaker, the verb, the words after it and the full stop, with a comma or two.
    if tokens.len() > TAIL_SPEAKER_WORDS + TAIL_WORDS_AFTER_VERB + 4 {
        return false;
    }
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    if first.kind != TokenKind::Word
        || !article
            .slice(first.span)
            .starts_with(|c: char| c.is_uppercase())
        || article.slice(last.span) != "."
        || tokens.iter().any(|t| t.kind == TokenKind::Quote)
    {
        return false;
    }
    // The speaker: words only, up to the verb ("The parents, he said, were laughing" is a
    // sentence of its own).
    let Some(verb) = tokens.iter().take(TAIL_SPEAKER_WORDS + 1).position(|t| {
        t.kind == TokenKind::Word
            && TAIL_VERBS
                .iter()
                .any(|v| v.eq_ignore_ascii_case(article.slice(t.span)))
    }) else {
        return false;
    };
    let after = &tokens[verb + 1..tokens.len() - 1];
    verb >= 1
        && tokens[..verb].iter().all(|t| t.kind == TokenKind::Word)
        && after.len() <= TAIL_WORDS_AFTER_VERB
        && !after.iter().any(|t| {
            CLAUSE_SUBJECTS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(article.slice(t.span)))
        })
}

/// Which quotations are open: double marks (straight or curly) and single ones, the
/// British style and the Daily Mail's ('Hair is a big deal,' she said), tracked apart
/// because each nests inside the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct OpenQuotes {
    double: bool,
    single: bool,
}

impl OpenQuotes {
    fn any(self) -> bool {
        self.double || self.single
    }

    /// The quotations open at the end of `text`, given those open at its start. Jumps
    /// between `"`, `'` and the lead byte of the curly marks (`E2 80 9C`/`9D`/`98`/`99`).
    fn after(mut self, text: &str) -> OpenQuotes {
        let bytes = text.as_bytes();
        for i in memchr::memchr3_iter(b'"', b'\'', 0xe2, bytes) {
            match bytes[i] {
                b'"' => self.straight_double_mark(text, i),
                b'\'' => self.single_mark(text, i, 1, false),
                0xe2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0x9c) => self.double = true,
                    Some(0x9d) => self.double = false,
                    Some(0x98) => self.single_mark(text, i, 3, true),
                    Some(0x99) => self.single_mark(text, i, 3, false),
                    _ => {}
                },
                _ => {}
            }
        }
        self
    }

    /// A straight double mark at byte `at`: it opens or closes as its neighbours say
    /// (`"And while …` reopens a quote over several paragraphs, run together in some
    /// corpora), else it toggles.
    fn straight_double_mark(&mut self, text: &str, at: usize) {
        self.double = straight_mark_opens(text, at, at + 1).unwrap_or(!self.double);
    }

    /// A single mark at byte `at` (`len` bytes; `opening` for a left curly mark). A single
    /// mark is also an apostrophe ("don't", "the players' union"), so it opens only before a
    /// word and after a space, a bracket or a dash, and closes only an open quotation, after
    /// a non-space and before a space or punctuation.
    fn single_mark(&mut self, text: &str, at: usize, len: usize, opening: bool) {
        let before = text[..at].chars().next_back();
        let after = text[at + len..].chars().next();
        if !self.single {
            let opens_here = before.is_none_or(|c| {
                c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '"' | '“')
            });
            self.single = (opening || opens_here) && after.is_some_and(|c| c.is_alphanumeric());
        } else {
            self.single = !(before.is_some_and(|c| !c.is_whitespace())
                && after.is_none_or(|c| {
                    c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '”' | '—' | '–')
                }));
        }
    }
}

/// Size of the intersection of two sorted sets.
pub fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates `collect` keeps of `text`, as shown.
    #[test]
    fn term_ids_are_dense_in_first_seen_order_and_per_article() {
        let mut v = Vocabulary::default();
        // Two stems in one slot (same top bits) and a third elsewhere.
        let (a, b, c) = (
            0xabc0_0000_0000_0001,
            0xabc0_0000_0000_0002,
            0x1230_0000_0000_0000,
        );
        assert_eq!(
            [v.id(a), v.id(b), v.id(c), v.id(b), v.id(a)],
            [0, 1, 2, 1, 0]
        );
        assert_eq!(v.len(), 3);
        assert_eq!([v.get(a), v.get(b), v.get(c)], [Some(0), Some(1), Some(2)]);
        assert_eq!(v.get(0xabc0_0000_0000_0003), None);
        v.clear();
        assert_eq!((v.len(), v.get(a), v.get(b)), (0, None, None));
        assert_eq!([v.id(b), v.id(a)], [0, 1]);
    }

    fn kept(text: &str) -> Vec<String> {
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        collect(&article, &doc)
            .list
            .iter()
            .map(|c| article.slice(c.span).to_string())
            .collect()
    }

    fn caption_signs(text: &str) -> bool {
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        doc.sentences
            .iter()
            .any(|s| (0..s.tokens.len()).any(|i| caption_sign_at(text.as_bytes(), &s.tokens, i)))
    }

    #[test]
    fn a_person_placed_in_a_photo_marks_a_caption() {
        for caption in [
            "Abase Hussen, left, took his daughter Amira, right, to a demonstration",
            "Joshua Titcombe, pictured, died at just nine days old They include",
            "Mr Waley-Cohen, pictured in 2014, rode to success at Aintree",
            "Billy Thompson, center, was last seen on Saturday",
        ] {
            assert!(caption_signs(caption), "{caption}");
        }
        for run_on in [
            "filmed at the start of the sick video They were then blindfolded",
            "The body can be seen after he was beheaded It is the latest footage",
            "ahead of the first race of the season on Saturday He links up with Harrison",
            "offering to post tweets for $20 He was once the champion",
            "thrown into the air by the Colima volcano in Mexico The 12,400 feet high volcano",
            "due to its large explosive eruptions The volcano is one of three",
            "a Hollywood film dubbed 'The First Great Escape' The story of how he recovered",
            "the next seven games as 'finals' The 26-year-old has been in fine form",
            "as they rest after surgery In this photo the cat nurse appears",
            "dons a black pencil skirt in the spread As for her character on the show",
            "on their Facebook page When officials confronted the Georgian",
            "the vehicle was stolen An eight-year-old boy who took a snooze",
        ] {
            assert!(caption_signs(run_on), "{run_on}");
        }
        for prose in [
            "I grew up watching \"Leave It to Beaver.\"",
            "She saw the film It Follows twice.",
            "They flew to The Hague and read The Guardian on the way.",
            "He said 'no.' The vote went ahead anyway.",
            "He said, \"They were there.\" It was late.",
            "A fourth girl from their school, Sharmeena Begum, left for Syria in December.",
            "That's right, he said, and left.",
            "The photo was shared with her 25,000 followers.",
            "Turn right, then left, at the lights.",
            "The film Lost In Translation won an award.",
            "The rising star's credits include the drama When the Game Stands Tall.",
            "It was called 'Love After War' by critics.",
            "The couple ran the bar Once In a while and left.",
        ] {
            assert!(!caption_signs(prose), "{prose}");
        }
    }

    #[test]
    fn a_sentence_a_caption_runs_into_is_kept_without_the_caption() {
        let text = "Sharp dresser: The actress dons a striped shirt in the spread As for her \
                    character on the show, she explained that Selina is a straddler. The show \
                    returns in April with a new season.";
        let shown = kept(text);
        assert_eq!(
            shown,
            [
                "As for her character on the show, she explained that Selina is a straddler.",
                "The show returns in April with a new season."
            ]
        );
        // Too little after the caption to stand alone: the whole line goes.
        let text = "The dolls wear striped swimsuits in the photos In this one too. The dolls \
                    go on sale on Saturday in five stores.";
        let shown = kept(text);
        assert_eq!(shown, ["The dolls go on sale on Saturday in five stores."]);
    }

    #[test]
    fn a_line_naming_the_speaker_goes_with_the_quotation_before_it() {
        let text = "The actor's mother chimed in on Sunday with her view. \"She killed it! I \
                    loved everything she did!\" Griffith said on Twitter. The show airs weekly.";
        assert_eq!(
            kept(text),
            [
                "The actor's mother chimed in on Sunday with her view.",
                "\"She killed it! I loved everything she did!\" Griffith said on Twitter.",
                "The show airs weekly."
            ]
        );
        // A line that says something of its own stays apart: a clause after the verb, or
        // words around an interjected "he said".
        for line in [
            "Walker said Saturday he has remained steady in his views.",
            "The parents, he said, were laughing.",
        ] {
            let text = format!("\"We will not back down from this fight.\" {line}");
            assert_eq!(kept(&text).last().map(String::as_str), Some(line));
        }
    }

    #[test]
    fn no_opener_is_longer_than_the_longest_looked_for() {
        for opener in SENTENCE_OPENERS.iter().chain(TITLE_CASE_OPENERS) {
            assert!(opener.len() <= MAX_OPENER_LEN, "{opener:?}");
        }
    }

    #[test]
    fn every_furniture_phrase_opens_with_a_listed_word() {
        for phrase in BOILERPLATE {
            let first = phrase.split([' ', ':']).next().unwrap_or("");
            assert!(terms::FURNITURE_HEADS.contains(&first), "{phrase}");
        }
    }

    #[test]
    fn a_line_needs_a_word_of_content_or_a_figure() {
        let lines = kept(
            "The council met on Monday to vote. They do, and they have. He said he had about $45 \
             on him. 2006;27(10):441.",
        );
        assert_eq!(
            lines,
            [
                "The council met on Monday to vote.",
                "He said he had about $45 on him."
            ],
            "{lines:?}"
        );
    }

    #[test]
    fn references_are_no_sentences_of_the_story() {
        for line in [
            "Avancini J et al. Drug reaction with eosinophilia: clinical features of 27 patients.",
            "Hiransuthikul A, et al. Drug-induced hypersensitivity syndrome: a 11 years study.",
            "Shear NH, Spielberg SP. In vitro assessment of risk.",
            "Smith, J. (2010). Reading the news. Journal of Reading, 4, 1-9.",
            "Bocquet H, Bagot M, Roujeau J. Drug-induced pseudolymphoma.",
            "Funck-Brentano E et al. Therapeutic management of DRESS.",
            "Kinyó Á et al. Allopurinol is the most common cause of DRESS syndrome.",
            "van Vollenhoven R et al. DRESS syndrome and reversible liver function abnormalities.",
            "Fireman B , Lee J , Lewis N , et al. Influenza vaccination and mortality.",
            "Jefferson T , Rivetti D , Rivetti A , et al. Efficacy of influenza vaccines.",
        ] {
            assert!(is_reference(line), "{line}");
        }
        for line in [
            "Trump IS wrong about the deal, the senator said.",
            "Obama, UN officials and aid groups met on Monday.",
            "Kim Jong Un visited the factory.",
            "Washington, D.C. police said the man was arrested.",
            "Washington, DC, United States: Getting to the Moon has been done.",
            "The FBI, White House and CIA have not acknowledged any connection.",
            "That's OK, as long as you aren't hateful about it.",
            "Emmanuel G., of the Criminal Research Institute, said it was complicated.",
            "Trump IS , as he says, the winner.",
        ] {
            assert!(!is_reference(line), "{line}");
        }
    }

    #[test]
    fn a_line_with_neither_closing_mark_nor_verb_is_a_listing() {
        let text = "The band will tour in June.\n\nJune 9 – West Palm Beach, FL @ Coral Sky \
Amphitheatre\nJune 10 – Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre\nJune 14 – Alpharetta, \
GA @ Ameris Bank Amphitheatre\n\nTickets were on \
sale Friday at the box office and online, and the band may add dates in the fall if demand holds\n\n";
        let lines = kept(text);
        assert!(lines.iter().all(|l| !l.contains('@')), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.starts_with("Tickets were")),
            "{lines:?}"
        );
    }

    #[test]
    fn furniture_lines_go_and_words_inside_longer_words_do_not_count() {
        assert_eq!(
            kept("Click here to read the full report now. The council met on Tuesday night."),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept("The council met on Tuesday night.\nBuyer's Guide: MacBook Pro\nFor more details on the plan, please visit: www.example.com"),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept("The council met on Tuesday night. Follow him on Twitter @LucasNolan_ or email him at ln@example.com"),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept("The council met on Tuesday night. See more: The faces of the new pilot season."),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept("The council met on Tuesday night. See the original story at Billboard.com."),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept("Posted: Thursday, April 21, 2022.\n\nThe council met on Tuesday night.\n\nCitation: Council meets (2019, November 18) retrieved 20 November 2019 from https://example.org/news/council.html"),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept("So, what ever happened to the children? Click the gallery to find out."),
            ["So, what ever happened to the children?"]
        );
        assert_eq!(
            kept("The council met on Tuesday night.\n\n(Reporting by Will Dunham in Washington; Editing by Tom Brown and Sandra Maler)"),
            ["The council met on Tuesday night."]
        );
        // Pointers at a video or a list of the page go; a line that merely ends in "below"
        // stays.
        assert_eq!(
            kept(
                "The council met on Tuesday night. Watch the full exchange above. You can see \
                 a few moments from the meeting in the video above. The law covers children \
                 aged 16 and below."
            ),
            [
                "The council met on Tuesday night.",
                "The law covers children aged 16 and below."
            ]
        );
        assert_eq!(
            kept(
                "The council met on Tuesday night. NOW Grenada is not responsible for the \
                 opinions, statements or media content presented by contributors."
            ),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept(
                "The council met on Tuesday night. CNN's Greg Botelho contributed to this report."
            ),
            ["The council met on Tuesday night."]
        );
        assert_eq!(
            kept("The dolls go on sale on Saturday in five stores. Iconic: The dolls are modelled \
                  on the doll first released in 1959 Fifties fashion: The doll wears a striped swimsuit."),
            ["The dolls go on sale on Saturday in five stores."]
        );
        assert_eq!(
            kept("Janine Gamblen wrote: 'Some people really are just stupid,' while Sarah Edwards added: 'Only in Oldham.'"),
            ["Janine Gamblen wrote: 'Some people really are just stupid,' while Sarah Edwards added: 'Only in Oldham.'"]
        );
        assert_eq!(
            kept("The channel now has two million subscribers online."),
            ["The channel now has two million subscribers online."]
        );
        assert_eq!(
            kept("The council met on Tuesday night. The vote was close. Six members were away. \
                  Pope says it is fine to spank children .\nThe mayor spoke last. The meeting ended late."),
            [
                "The council met on Tuesday night.",
                "The vote was close.",
                "Six members were away.",
                "The mayor spoke last.",
                "The meeting ended late."
            ]
        );
        assert_eq!(
            kept("The council met on Tuesday night .\nThe vote was close ."),
            ["The council met on Tuesday night .", "The vote was close ."],
            "tokenized text keeps its sentences"
        );
        assert_eq!(
            kept("The film was adapted in 1978 starring Diana Ross. ©2015 The Hollywood Reporter."),
            ["The film was adapted in 1978 starring Diana Ross."]
        );
    }

    #[test]
    fn lines_crediting_reporters_go_and_sentences_of_the_story_stay() {
        for credit in [
            "CNN's Ann O'Neill reported from Boston, and Mariano Castillo wrote in Atlanta.",
            "Journalist Hakim Almasmari reported from Sanaa; CNN's Ben Brumfield wrote this story from Atlanta.",
            "CNN's Masoud Popalzai reported from Kabul, Afghanistan and journalist Naomi Ng wrote from Hong Kong.",
            "Dana Ford reported and wrote from Atlanta.",
            "Shoichet reported from Atlanta and CNN's Richard Roth reported from the United Nations.",
            "CNN's Christian Purefoy reported from Lagos, Nigeria, while CNN's Susannah Cullinane and Stephanie Busari wrote from London.",
        ] {
            assert!(is_credit_line(credit), "{credit}");
        }
        for story in [
            "There have been no illnesses reported from the cups, Blue Bell said.",
            "And, as CNN recently reported from Chad, Western militaries have trained special forces.",
            "Mandela wrote from prison to his daughters every month.",
            "Saudi leaders said they would stay, CNN's Ian Lee reported.",
            "The Times reported from Kabul that the talks had failed.",
            "CNN's Ann O'Neill reported from Boston",
        ] {
            assert!(!is_credit_line(story), "{story}");
        }
        assert_eq!(
            kept("The council met on Tuesday night. CNN's Ann O'Neill reported from Boston, and Mariano Castillo wrote in Atlanta."),
            ["The council met on Tuesday night."]
        );
    }

    #[test]
    fn pronoun_speakers_are_marked() {
        let marked = |text: &str| {
            let article = Article::from_text("t", text);
            let doc = brief_understand::understand(&article);
            collect(&article, &doc).list[0].pronoun_speaker
        };
        assert!(marked(
            "\"We will win this fight for the city,\" he said on Tuesday."
        ));
        assert!(marked(
            "\"We will win this fight for the city,\" said she on Tuesday."
        ));
        assert!(!marked(
            "\"We will win this fight for the city,\" Mayor Ann Lee said on Tuesday."
        ));
        assert!(!marked(
            "He visited the flooded city on Tuesday and said little."
        ));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "one",
            " two  words ",
            "a\u{a0}b\u{2009}c\u{3000}d\te\u{b}f",
            "Zelensky’s plan — “final” here",
            "(CNN)--Talks, at 5:30,ended; \"no\"!",
        ] {
            let tokens = brief_understand::tokenize(text, Span::new(0, text.len()));
            let first = tokens.first().map_or(0, |t| t.span.start);
            let spaced = tokens
                .iter()
                .filter(|t| t.span.start == first || space_before(text, t.span.start))
                .count();
            assert_eq!(spaced, text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn sentences_looking_ahead_are_marked() {
        let forward = |text: &str| {
            let article = Article::from_text("t", text);
            let doc = brief_understand::understand(&article);
            collect(&article, &doc).list[0].forward
        };
        assert!(forward("The council will vote on the plan in March."));
        assert!(forward("Talks are set to resume in Geneva."));
        assert!(forward("Nobody knows what the future holds for the club."));
        assert!(!forward(
            "The publisher canceled future covers by the artist last year."
        ));
        assert!(!forward("The council voted on the plan in March."));
        // What was ahead once is past.
        assert!(!forward(
            "Raikkonen looked set to underline the team's improvement."
        ));
        assert!(!forward(
            "The derailment was expected to cause traffic problems."
        ));
        assert!(!forward(
            "The government had planned to make the announcement."
        ));
        assert!(forward("The vote is expected to pass on Monday."));
        assert!(forward(
            "The talks were delayed and are now set to resume in June."
        ));
    }

    #[test]
    fn sentences_inside_a_quotation_too_long_to_join_are_quoted() {
        let quoted = |text: &str| -> Vec<(String, f32)> {
            let article = Article::from_text("t", text);
            let doc = brief_understand::understand(&article);
            collect(&article, &doc)
                .list
                .iter()
                .map(|c| (article.slice(c.span).to_string(), c.quoted))
                .collect()
        };
        // Seven sentences from the opening mark to the closing one, reopened on the way as the
        // Daily Mail runs paragraphs together.
        let text = "The coach spoke after training on Friday. 'He is fully behind the keeper \
                    when he plays in the league team. If he isn't playing well then the other \
                    man will be back in the team. 'The reverse comes in the cup for both of \
                    them. He hurts when he is left out of the side. He wants to play at \
                    Wembley in the final. 'He understands that the other man has earned the \
                    right to play. I don't see that being a question,' said the coach.";
        // The quoted share of the candidate that opens with `opening`.
        let share = |shown: &[(String, f32)], opening: &str| {
            shown
                .iter()
                .find(|(s, _)| s.starts_with(opening))
                .expect("a candidate")
                .1
        };
        let shown = quoted(text);
        assert_eq!(share(&shown, "If he isn't playing well"), 1.0, "{shown:?}");
        assert_eq!(shown[0].1, 0.0);
        // A stray mark that no sentence reopens leaves the sentences after it as they are.
        let text = "He pointed to his dyed-blond 'do and laughed at the question. The police \
                    stopped him three times last year on the same road. He said the stops had \
                    to end soon. Officials said they would look into it. The mayor's office \
                    declined to comment. A review is due in May. The police chief said, 'We \
                    will see.'";
        let shown = quoted(text);
        assert_eq!(share(&shown, "The police stopped him"), 0.0, "{shown:?}");
    }

    #[test]
    fn quotes_stay_open_across_sentences() {
        let none = OpenQuotes::default();
        let double = OpenQuotes {
            double: true,
            single: false,
        };
        let single = OpenQuotes {
            double: false,
            single: true,
        };
        assert!(none.after("“We will not stop.").any());
        assert!(!none.after("“We will not stop,” she said.").any());
        assert!(!double.after("It is over.\"").any());
        assert!(double.after("A plain sentence — with a dash.").any());
        // A quote over several paragraphs run together reopens with a mark that opens
        // only: the quote stays open until its closing mark.
        assert_eq!(
            double.after("\"And while we respect the report, we disagree."),
            double
        );
        assert_eq!(double.after("Any inferences are simply false.\""), none);
        assert_eq!(none.after("He said \"no\" twice."), none);
        // Single marks: the British and Daily Mail style, told apart from apostrophes.
        assert_eq!(
            none.after("'In my limited experience, they are open."),
            single
        );
        assert!(!single.after("I don't feel a guard,' she said.").any());
        assert!(!none.after("'Hair is a big deal,' she said.").any());
        assert!(!none
            .after("The players' union and the club's owners didn't agree.")
            .any());
        assert_eq!(none.after("‘We will stay.’ The rest"), none);
        // A single quotation nested in a double one.
        assert_eq!(
            none.after("He said “they called it ‘the plan."),
            OpenQuotes {
                double: true,
                single: true
            }
        );
    }
}
