//! A trained tagger: hashed feature weights and tag transitions, quantised, and
//! its file format. After tagging, mentions written identically in one text are
//! given one kind (summed scores decide), so an article does not call the same
//! town a place in one paragraph and a person in the next.
//!
//! File layout, little-endian: the magic `BRIEFNER`, format version, feature
//! version ([`features::VERSION`]), hash bits, tag count, the transition matrix
//! (i32), then a bitmap of the weight rows that are not all zero and those rows
//! (i16 per tag). Zero rows — most of the table — cost one bit each.

use std::ops::Range;

use rustc_hash::FxHashMap;

use brief_core::{Document, Entity, EntityKind, Span, TokenKind};

use super::features::{self, without_possessive, DocFeatures, TokenInfo};
use super::tags::{begin, inside, kind_of, viterbi, Lattice, Transitions, N_TAGS};
use super::{capitalised_word, token_text};
use crate::sent::WordList;

const MAGIC: &[u8; 8] = b"BRIEFNER";
const FORMAT: u32 = 1;

/// Why model bytes could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The bytes are not an NER model file.
    #[error("not a brief NER model (bad magic bytes)")]
    Magic,
    /// The file was written by another format or feature version of this code.
    #[error("NER model has format {format}, features {features}; this build reads format {FORMAT}, features {}", features::VERSION)]
    Version {
        /// Format version in the file.
        format: u32,
        /// Feature version in the file.
        features: u32,
    },
    /// The header is inconsistent (hash bits or tag count out of range).
    #[error("NER model header is invalid: {0}")]
    Header(String),
    /// The file ends early or has bytes left over.
    #[error("NER model is truncated or has trailing bytes")]
    Length,
}

/// A trained entity tagger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    bits: u32,
    /// The weights in offset binary, `w + 32768` as `u16`: widening them for the sums
    /// is a zero extension, which vectorises on any x86-64 (a sign extension of i16
    /// lanes needs SSE4.1, so the compiler kept those sums scalar).
    rows: Vec<[u16; N_TAGS]>,
    /// Widened from the file's i32: a path score sums a whole sentence's weights,
    /// which could overflow i32 on a very long one.
    transitions: Transitions<i64>,
    /// A hash of the weights, which tells [`SHARES`] whose shares it holds.
    fingerprint: u64,
}

/// Reusable buffers for tagging.
#[derive(Default)]
struct Buffers {
    emissions: Vec<[i64; N_TAGS]>,
    lattice: Lattice<i64>,
    tags: Vec<u8>,
    /// What the shares of a sentence's tokens and their neighbours give each token, framed
    /// as its token infos are.
    partial: Vec<[i64; N_TAGS]>,
}

/// What a token gives the emission scores from its [`TokenInfo`] alone: its own templates'
/// weights summed, and what it gives the tokens two before it, one before, one after and two
/// after it as their neighbour. Most of a token's 33 features are these.
#[derive(Clone, Copy, Debug)]
struct Shares {
    info: TokenInfo,
    own: [i32; N_TAGS],
    neighbour: [[i32; N_TAGS]; 4],
}

/// Slots of the per-thread [`SHARES`] table: a power of two.
const SHARE_SLOTS: usize = 1 << 13;

/// The shares of the token infos seen last, kept from article to article (most words of an
/// article are words earlier articles used), direct-mapped and matched by the whole
/// [`TokenInfo`], so a share is the same whether it came from here or was summed anew.
struct ShareTable {
    /// The [`Model::fingerprint`] of the model whose shares these are.
    model: u64,
    slots: Vec<Option<Shares>>,
}

thread_local! {
    static SHARES: std::cell::RefCell<ShareTable> = std::cell::RefCell::new(ShareTable {
        model: 0,
        slots: vec![None; SHARE_SLOTS],
    });
}

/// A hash of a model's weights and transitions (FNV-1a over the row values and bits).
fn fingerprint(bits: u32, rows: &[[u16; N_TAGS]], transitions: &Transitions<i64>) -> u64 {
    let step = |h: u64, v: u64| (h ^ v).wrapping_mul(0x0000_0100_0000_01b3);
    let mut h = step(0xcbf2_9ce4_8422_2325, u64::from(bits));
    for row in rows {
        for &w in row {
            h = step(h, u64::from(w));
        }
    }
    for row in transitions {
        for &t in row {
            h = step(h, t as u64);
        }
    }
    h
}

impl Model {
    /// A model from its parts (training builds these).
    pub(crate) fn new(bits: u32, rows: Vec<[i16; N_TAGS]>, transitions: Transitions<i32>) -> Self {
        debug_assert_eq!(rows.len(), 1 << bits);
        let rows: Vec<[u16; N_TAGS]> = rows.into_iter().map(|row| row.map(offset)).collect();
        let transitions = transitions.map(|row| row.map(i64::from));
        Model {
            bits,
            fingerprint: fingerprint(bits, &rows, &transitions),
            rows,
            transitions,
        }
    }

    /// Hash bits: the weight table has `2^bits` rows.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The named entities of a document, in text order.
    pub fn recognize(&self, text: &str, doc: &Document) -> Vec<Entity> {
        let mut buffers = Buffers::default();
        let features = DocFeatures::new(text, doc);
        let mut found = Vec::new();
        let mut kind_scores: Vec<[i64; 4]> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            self.tag_sentence(&features, s, &mut buffers);
            let before = found.len();
            spans_from_tags(text, &sentence.tokens, &buffers.tags, &mut found);
            for (_, tokens) in &found[before..] {
                kind_scores.push(kind_scores_of(&buffers.emissions[tokens.clone()]));
            }
            extend_organisations(text, &sentence.tokens, &mut found[before..]);
            split_titled_people(text, &sentence.tokens, &mut found, &mut kind_scores, before);
            join_nicknames(text, &sentence.tokens, &mut found, &mut kind_scores, before);
            attach_suffixes(text, &sentence.tokens, &mut found, &mut kind_scores, before);
        }
        let mut entities: Vec<Entity> = found.into_iter().map(|(e, _)| e).collect();
        agree_on_kinds(text, &mut entities, &kind_scores);
        entities
    }

    /// Tags sentence `s`'s tokens into `buffers.tags`. A token's emission scores sum the
    /// weights of its 33 features: the shares of it and its four neighbours (each worked out
    /// once per token info, see [`Shares`]) and the templates that read several tokens.
    fn tag_sentence(&self, features: &DocFeatures, s: usize, b: &mut Buffers) {
        b.emissions.clear();
        let infos = features.sentence_infos(s);
        let partial = &mut b.partial;
        partial.clear();
        partial.resize(infos.len(), [0; N_TAGS]);
        let shift = 64 - self.bits;
        let add = |sums: &mut [i64; N_TAGS], share: &[i32; N_TAGS]| {
            for (sum, &v) in sums.iter_mut().zip(share) {
                *sum += i64::from(v);
            }
        };
        SHARES.with_borrow_mut(|table| {
            if table.model != self.fingerprint {
                table.slots.fill(None);
                table.model = self.fingerprint;
            }
            for (j, info) in infos.iter().enumerate() {
                let slot = &mut table.slots[info.slot(SHARE_SLOTS)];
                let shares = match slot {
                    Some(shares) if shares.info == *info => shares,
                    _ => slot.insert(self.shares(info, shift)),
                };
                // Its own share, and its share as the neighbour two after, one after, one
                // before and two before the tokens around it.
                add(&mut partial[j], &shares.own);
                if let Some(p) = partial.get_mut(j + 2) {
                    add(p, &shares.neighbour[0]);
                }
                if let Some(p) = partial.get_mut(j + 1) {
                    add(p, &shares.neighbour[1]);
                }
                if let Some(p) = j.checked_sub(1).and_then(|k| partial.get_mut(k)) {
                    add(p, &shares.neighbour[2]);
                }
                if let Some(p) = j.checked_sub(2).and_then(|k| partial.get_mut(k)) {
                    add(p, &shares.neighbour[3]);
                }
            }
        });
        let partial = &b.partial;
        let emissions = &mut b.emissions;
        features.context_rows(s, self.bits, |_, rows| {
            let mut emission = self.weights(rows);
            // The token sits two places into its framed window.
            for (e, &p) in emission.iter_mut().zip(&partial[emissions.len() + 2]) {
                *e += p;
            }
            emissions.push(emission);
        });
        viterbi(&b.emissions, &self.transitions, &mut b.lattice, &mut b.tags);
    }

    /// The weights of `rows` summed per tag.
    fn weights(&self, rows: &[u32]) -> [i64; N_TAGS] {
        // Eight lanes and the ninth apart, so that the eight run as vector adds; offset
        // weights (at most 65535 each, 33 at most) sum in u32 without overflow, and taking
        // the offsets back out gives the exact sums.
        let mut acc = [0u32; 8];
        let mut last = 0u32;
        for &f in rows {
            let row = &self.rows[f as usize];
            for (a, &w) in acc.iter_mut().zip(&row[..8]) {
                *a += u32::from(w);
            }
            last += u32::from(row[8]);
        }
        let offsets = i64::from(OFFSET) * rows.len() as i64;
        let mut emission = [i64::from(last) - offsets; N_TAGS];
        for (e, &a) in emission.iter_mut().zip(&acc) {
            *e = i64::from(a) - offsets;
        }
        emission
    }

    /// What a token with `info` gives the emission scores by itself (see [`Shares`]).
    fn shares(&self, info: &TokenInfo, shift: u32) -> Shares {
        // At most twelve weights of 16 bits each: i32 holds the sums.
        let narrow = |sums: [i64; N_TAGS]| sums.map(|v| v as i32);
        Shares {
            info: *info,
            own: narrow(self.weights(&features::own_rows(info, shift))),
            neighbour: features::neighbour_rows(info, shift)
                .map(|rows| narrow(self.weights(&rows))),
        }
    }

    /// The model as file bytes (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for v in [FORMAT, features::VERSION, self.bits, N_TAGS as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for row in &self.transitions {
            for &v in row {
                // Lossless: every transition was an i32 when the model was made or read.
                out.extend_from_slice(&(v as i32).to_le_bytes());
            }
        }
        let zero = |row: &&[u16; N_TAGS]| row.iter().all(|&w| w == OFFSET);
        let mut bitmap = vec![0u8; self.rows.len().div_ceil(8)];
        for (i, row) in self.rows.iter().enumerate() {
            if !zero(&row) {
                bitmap[i / 8] |= 1 << (i % 8);
            }
        }
        out.extend_from_slice(&bitmap);
        for row in self.rows.iter().filter(|r| !zero(r)) {
            for &w in row {
                out.extend_from_slice(&weight(w).to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let (format, features) = (r.u32()?, r.u32()?);
        if format != FORMAT || features != features::VERSION {
            return Err(ModelError::Version { format, features });
        }
        let (bits, tags) = (r.u32()?, r.u32()?);
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Header(format!("{bits} hash bits")));
        }
        if tags as usize != N_TAGS {
            return Err(ModelError::Header(format!(
                "{tags} tags, expected {N_TAGS}"
            )));
        }
        let mut transitions = [[0i64; N_TAGS]; N_TAGS + 1];
        for row in &mut transitions {
            for v in row.iter_mut() {
                *v = i64::from(r.u32()? as i32);
            }
        }
        let n = 1usize << bits;
        let bitmap = r.take(n.div_ceil(8))?;
        let mut rows = vec![[OFFSET; N_TAGS]; n];
        for (i, row) in rows.iter_mut().enumerate() {
            if bitmap[i / 8] & (1 << (i % 8)) != 0 {
                for w in row.iter_mut() {
                    let b = r.take(2)?;
                    *w = offset(i16::from_le_bytes([b[0], b[1]]));
                }
            }
        }
        if r.at != bytes.len() {
            return Err(ModelError::Length);
        }
        Ok(Model {
            bits,
            fingerprint: fingerprint(bits, &rows, &transitions),
            rows,
            transitions,
        })
    }
}

/// A zero weight in offset binary.
const OFFSET: u16 = 0x8000;

/// A weight in offset binary.
fn offset(w: i16) -> u16 {
    (w as u16) ^ OFFSET
}

/// The weight an offset-binary value stands for.
fn weight(v: u16) -> i16 {
    (v ^ OFFSET) as i16
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Length)?;
        let slice = self.bytes.get(self.at..end).ok_or(ModelError::Length)?;
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// How strongly each kind fits an entity's tokens: the `B-` score of the first
/// plus the `I-` scores of the rest, in [`EntityKind::ALL`] order.
fn kind_scores_of(emissions: &[[i64; N_TAGS]]) -> [i64; 4] {
    let mut scores = [0i64; 4];
    for (k, score) in EntityKind::ALL.into_iter().zip(scores.iter_mut()) {
        for (i, e) in emissions.iter().enumerate() {
            let tag = if i == 0 { begin(k) } else { inside(k) };
            *score += e[usize::from(tag)];
        }
    }
    scores
}

/// Gives every mention of the same words the kind with the highest summed scores.
fn agree_on_kinds(text: &str, entities: &mut [Entity], kind_scores: &[[i64; 4]]) {
    let mut totals: FxHashMap<&str, ([i64; 4], usize)> = FxHashMap::default();
    for (e, scores) in entities.iter().zip(kind_scores) {
        let total = totals.entry(&text[e.span.start..e.span.end]).or_default();
        for (t, s) in total.0.iter_mut().zip(scores) {
            *t += s;
        }
        total.1 += 1;
    }
    for e in entities.iter_mut() {
        if let Some((scores, mentions)) = totals.get(&text[e.span.start..e.span.end]) {
            if *mentions > 1 {
                let best = (0..4).fold(0, |b, k| if scores[k] > scores[b] { k } else { b });
                e.kind = EntityKind::ALL[best];
            }
        }
    }
}

/// Organisations whose name goes on past "for" or "of" in capitals the tagger left
/// untagged ("Centers" of "Centers for Disease Control and Prevention") are given the rest
/// of their name: the capitalised words after it, joined by "and" or "of", up to the next
/// entity. `found` are one sentence's entities over `tokens`, in order.
fn extend_organisations(
    text: &str,
    tokens: &[brief_core::Token],
    found: &mut [(Entity, Range<usize>)],
) {
    let word = |i: usize| {
        tokens
            .get(i)
            .map_or("", |t| &text[t.span.start..t.span.end])
    };
    let capitalised = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && word(i).starts_with(char::is_uppercase))
    };
    for k in 0..found.len() {
        if found[k].0.kind != EntityKind::Organization {
            continue;
        }
        let next_entity = found.get(k + 1).map_or(tokens.len(), |(_, r)| r.start);
        let mut at = found[k].1.end;
        if !matches!(word(at), "for" | "of") || !capitalised(at + 1) || at + 1 >= next_entity {
            continue;
        }
        let mut end = at;
        at += 1;
        while at < next_entity && capitalised(at) {
            end = at + 1;
            at += 1;
            if matches!(word(at), "and" | "of") && capitalised(at + 1) && at + 1 < next_entity {
                at += 1;
            }
        }
        let (entity, range) = &mut found[k];
        range.end = end;
        entity.span.end = tokens[end - 1].span.end;
    }
}

/// Titles a person's name follows ("Sheriff Calvin Woodard Jr.", "U.S. Attorney William
/// Weinreb"), sorted: the ones that stand inside an organisation's or place's name too
/// ("Police", "General", "Justice", "Premier") are not among them.
const PERSON_TITLES: WordList = WordList::new(&[
    "ambassador",
    "attorney",
    "capt",
    "captain",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "deputy",
    "det",
    "detective",
    "director",
    "dr",
    "gov",
    "governor",
    "inspector",
    "judge",
    "lieutenant",
    "lt",
    "manager",
    "mayor",
    "minister",
    "officer",
    "prosecutor",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheriff",
    "speaker",
    "spokesman",
    "spokeswoman",
    "superintendent",
]);

/// Words that make the capitalised words after a title an organisation's name, not a
/// person's ("Attorney General's Office", "Police Chief Association").
const ORGANISATION_WORDS: WordList = WordList::new(&[
    "agency",
    "association",
    "authority",
    "board",
    "bureau",
    "center",
    "centre",
    "college",
    "commission",
    "committee",
    "council",
    "county",
    "court",
    "department",
    "district",
    "foundation",
    "general",
    "group",
    "hospital",
    "institute",
    "league",
    "ministry",
    "office",
    "party",
    "police",
    "school",
    "service",
    "university",
]);

/// Words before a title that belong to it ("Assistant U.S. Attorney"), not to a name.
const TITLE_MODIFIERS: WordList = WordList::new(&[
    "acting",
    "assistant",
    "associate",
    "deputy",
    "former",
    "interim",
    "senior",
    "u.s",
]);

/// Fewest and most words of a person's name after a title.
const TITLED_NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;

/// Most words of a nickname in quotation marks inside a name.
const NICKNAME_WORDS: usize = 3;

/// Joins a person's first name, a nickname in quotation marks and the surname that follows
/// into one name (`Moshe "Bogy" Yaalon`, `Mike 'Sugar Bear' Thompson`): the tags stop at the
/// marks and leave two people, one of them a first name alone. The surname is the next
/// person found, or capitalised words (one or two) when none was. `found` and
/// `kind_scores` run in step; the sentence's entities start at `from`.
fn join_nicknames(
    text: &str,
    tokens: &[brief_core::Token],
    found: &mut Vec<(Entity, Range<usize>)>,
    kind_scores: &mut Vec<[i64; 4]>,
    from: usize,
) {
    let word = |i: usize| token_text(text, tokens, i);
    let capitalised = |i: usize| capitalised_word(text, tokens, i);
    let mut k = from;
    while k < found.len() {
        let (entity, range) = found[k].clone();
        k += 1;
        let opening = range.end;
        // An owner's possessive before the marks quotes a title ("J Balvin's 'Tranquila'").
        let owner = {
            let last = word(range.end - 1);
            without_possessive(last, tokens[range.end - 1].kind).len() < last.len()
        };
        if entity.kind != EntityKind::Person
            || owner
            || opening >= tokens.len()
            || tokens[opening].kind != TokenKind::Quote
            // The mark opens the nickname: it touches the word after it.
            || tokens.get(opening + 1).is_none_or(|t| t.span.start != tokens[opening].span.end)
        {
            continue;
        }
        let Some(closing) = (opening + 1..tokens.len().min(opening + 2 + NICKNAME_WORDS))
            .find(|&i| tokens[i].kind == TokenKind::Quote)
        else {
            continue;
        };
        let surname = closing + 1;
        if closing == opening + 1
            || !(opening + 1..closing).all(capitalised)
            || surname >= tokens.len()
            || !capitalised(surname)
        {
            continue;
        }
        let end = match found.get(k) {
            Some((next, next_range)) if next_range.start == surname => {
                if next.kind != EntityKind::Person {
                    continue;
                }
                let end = next_range.end;
                found.remove(k);
                kind_scores.remove(k);
                end
            }
            _ => (surname..tokens.len().min(surname + 2))
                .take_while(|&i| capitalised(i))
                .last()
                .map_or(surname + 1, |i| i + 1),
        };
        let (joined, joined_range) = &mut found[k - 1];
        joined.span.end = tokens[end - 1].span.end;
        // A possessive after the surname is the owner's, not the name's.
        let last = word(end - 1);
        joined.span.end -= last.len() - without_possessive(last, tokens[end - 1].kind).len();
        joined_range.end = end;
    }
}

/// Generational suffixes, lower-case, without their full stop: the end of a person's name.
const NAME_SUFFIXES: WordList = WordList::new(&["ii", "iii", "iv", "jr", "sr"]);

/// Most capitalised words a suffix found alone takes in before it as the name it ends.
const SUFFIXED_NAME_WORDS: usize = 3;

/// A suffix the tagger found as a person of its own ("Martin Luther King Jr." tagged as
/// "Jr.") ends the name before it: the entity right before it, of whatever kind the tagger
/// gave it ("Martin Luther King" + "Jr."), or the capitalised words right before it, and
/// the whole is a person. `found` and `kind_scores` run in step; the sentence's entities
/// start at `from`.
fn attach_suffixes(
    text: &str,
    tokens: &[brief_core::Token],
    found: &mut Vec<(Entity, Range<usize>)>,
    kind_scores: &mut Vec<[i64; 4]>,
    from: usize,
) {
    let word = |i: usize| token_text(text, tokens, i);
    let capitalised = |i: usize| capitalised_word(text, tokens, i);
    let mut k = from;
    while k < found.len() {
        let (entity, range) = found[k].clone();
        // The suffix, with its full stop as a token of its own or not.
        let suffix = entity.kind == EntityKind::Person
            && (range.len() == 1 || (range.len() == 2 && word(range.start + 1) == "."))
            && NAME_SUFFIXES.contains(&word(range.start).trim_end_matches('.').to_lowercase());
        if !suffix || range.start == 0 {
            k += 1;
            continue;
        }
        match k
            .checked_sub(1)
            .filter(|&j| j >= from && found[j].1.end == range.start)
        {
            Some(j) => {
                let (name, name_range) = &mut found[j];
                name.span.end = entity.span.end;
                name.kind = EntityKind::Person;
                name_range.end = range.end;
                kind_scores[j] = kind_scores[k];
                found.remove(k);
                kind_scores.remove(k);
            }
            None => {
                let earlier_end = k
                    .checked_sub(1)
                    .filter(|&j| j >= from)
                    .map_or(0, |j| found[j].1.end);
                let first = (earlier_end.max(range.start.saturating_sub(SUFFIXED_NAME_WORDS))
                    ..range.start)
                    .rev()
                    .take_while(|&i| capitalised(i))
                    .last();
                if let Some(first) = first {
                    let (name, name_range) = &mut found[k];
                    name.span.start = tokens[first].span.start;
                    name_range.start = first;
                }
                k += 1;
            }
        }
    }
}

/// A name the tagger took whole as an organisation, place or other name but that ends in a
/// title and a person's name ("Wilson County Sheriff Calvin Woodard Jr.", "CEO Neil
/// Portnow", "Rep. Barney Frank") is that person, the title no part of either name; what
/// comes before the title, if it is more than the title's own modifiers ("Assistant U.S."),
/// keeps the kind the tagger gave ("Wilson County"). The person is the name of two to four
/// capitalised words, so a title that is a name's first word ("Captain America", "Judge
/// Judy") stays. `found` and `kind_scores` run in step; the sentence's entities start at
/// `from`.
fn split_titled_people(
    text: &str,
    tokens: &[brief_core::Token],
    found: &mut Vec<(Entity, Range<usize>)>,
    kind_scores: &mut Vec<[i64; 4]>,
    from: usize,
) {
    let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    // Titles are listed without their abbreviation's full stop ("Rep.", "Lt.").
    let lower_in = |list: &WordList, i: usize| list.contains(word(i).trim_end_matches('.'));
    let mut k = from;
    while k < found.len() {
        let (entity, range) = found[k].clone();
        k += 1;
        if entity.kind == EntityKind::Person {
            continue;
        }
        // The last title inside the name, followed by nothing but capitalised words.
        let Some(title) = range.clone().rev().find(|&i| {
            i + 2 < range.end
                && word(i).starts_with(char::is_uppercase)
                && lower_in(&PERSON_TITLES, i)
        }) else {
            continue;
        };
        // An abbreviated title's full stop ("Rep.", "Lt.") is the title's.
        let after = title + 1 + usize::from(word(title + 1) == ".");
        let name = after..range.end;
        // Capitalised words, a full stop after one ("Jr.") allowed.
        let capitalised = name.clone().all(|i| match tokens[i].kind {
            TokenKind::Word => {
                word(i).starts_with(char::is_uppercase) && !lower_in(&ORGANISATION_WORDS, i)
            }
            TokenKind::Punct => i > name.start && word(i) == ".",
            _ => false,
        });
        let words = name
            .clone()
            .filter(|&i| tokens[i].kind == TokenKind::Word)
            .count();
        if !capitalised || !TITLED_NAME_WORDS.contains(&words) {
            continue;
        }
        let person = Entity {
            span: Span::new(tokens[name.start].span.start, entity.span.end),
            kind: EntityKind::Person,
        };
        // The person's mentions agree on their kind as a person, whatever the tagger scored.
        let mut person_scores = [0i64; 4];
        person_scores[0] = 1 << 40;
        let owner = (range.start..title).find(|&i| !lower_in(&TITLE_MODIFIERS, i));
        match owner {
            Some(start) => {
                let end = (start..title)
                    .rev()
                    .find(|&i| !lower_in(&TITLE_MODIFIERS, i))
                    .map_or(title, |i| i + 1);
                found[k - 1] = (
                    Entity {
                        span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                        kind: entity.kind,
                    },
                    start..end,
                );
                found.insert(k, (person, name));
                kind_scores.insert(k, person_scores);
                k += 1;
            }
            None => {
                found[k - 1] = (person, name);
                kind_scores[k - 1] = person_scores;
            }
        }
    }
}

/// Conjunctions, subordinators, prepositions, adverbs and quantifiers ("Both Federer and
/// Murray …"), question words and the auxiliaries that open questions ("Does Pellegrini
/// stay?", "Why Ebola is not …") that open sentences and no name.
const NOT_NAME_OPENERS: &[&str] = &[
    "After", "Although", "And", "Are", "As", "Because", "Before", "Both", "But", "Can", "Could",
    "Despite", "Did", "Do", "Does", "Each", "Either", "Even", "Every", "From", "Had", "Has",
    "Have", "How", "However", "If", "Is", "Like", "Must", "Neither", "Several", "Should", "Since",
    "Though", "Unless", "Unlike", "Until", "Was", "Were", "What", "When", "Where", "Whereas",
    "Which", "While", "Who", "Why", "Would", "Yet",
];

/// True when the word at `i` is "Will" asking the question its sentence is ("Opinion: Will
/// Netanyahu win?"), not a first name ("Will Ferrell said …"): it opens the sentence or
/// follows a colon, and the sentence ends in a question mark.
fn asking_will(text: &str, tokens: &[brief_core::Token], i: usize) -> bool {
    let word = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let opens = i == 0 || (tokens[i - 1].kind == TokenKind::Punct && word(i - 1) == ":");
    word(i) == "Will"
        && opens
        && tokens
            .last()
            .is_some_and(|t| &text[t.span.start..t.span.end] == "?")
}

/// Appends the entities a tag sequence spells over `tokens`, each with the range
/// of tokens it covers. A trailing possessive "'s" is left out of the span
/// ("Merkel's" → "Merkel").
pub(crate) fn spans_from_tags(
    text: &str,
    tokens: &[brief_core::Token],
    tags: &[u8],
    out: &mut Vec<(Entity, Range<usize>)>,
) {
    let mut current: Option<(Entity, Range<usize>)> = None;
    let close = |open: Option<(Entity, Range<usize>)>, out: &mut Vec<(Entity, Range<usize>)>| {
        if let Some((mut e, mut range)) = open {
            // A double quotation mark without its pair cuts the name there: a name that runs
            // into a nickname ("Moshe "Bogy") keeps what comes before the opening mark, one
            // that runs out of it ("Bopper" Richardson") what comes after the closing mark.
            // A single mark may be an apostrophe ("African Nations ' Cup") and cuts nothing.
            let double = |i: usize| {
                tokens[i].kind == TokenKind::Quote
                    && matches!(
                        &text[tokens[i].span.start..tokens[i].span.end],
                        "\"" | "“" | "”"
                    )
            };
            let marks = range.clone().filter(|&i| double(i)).count();
            if marks % 2 == 1 {
                if let Some(q) = range.clone().find(|&i| double(i)) {
                    let opens = tokens
                        .get(q + 1)
                        .is_some_and(|next| next.span.start == tokens[q].span.end);
                    if opens {
                        range.end = q;
                    } else {
                        range.start = q + 1;
                    }
                }
            }
            // A name never opens on a mark ("Mr. Crosby" tagged from its full stop, a "•", the
            // Daily Mail's 'Benzema …) nor ends on a double quotation mark.
            while range.start < range.end
                && matches!(
                    tokens[range.start].kind,
                    TokenKind::Punct | TokenKind::Quote
                )
            {
                range.start += 1;
            }
            while range.end > range.start && double(range.end - 1) {
                range.end -= 1;
            }
            // Nor on a conjunction, subordinator or the like that opens its sentence ("As
            // Lorenz later recalled", "Like Schumer, …"), capitalised only by its place.
            if range.len() > 1 {
                let first = &text[tokens[range.start].span.start..tokens[range.start].span.end];
                if NOT_NAME_OPENERS.contains(&first) || asking_will(text, tokens, range.start) {
                    range.start += 1;
                }
            }
            // A person's name does not run over an owner's "'s" ("Martha's Vineyard" and
            // "McDonald's Corp" are names of their own): the person is the full name after it
            // ("CNN's Stella Chan"), else the owner ("Musallam's Israeli passport").
            if e.kind == EntityKind::Person {
                let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
                if let Some(owner) = (range.start..range.end.saturating_sub(1))
                    .find(|&i| without_possessive(word(i), tokens[i].kind).len() < word(i).len())
                {
                    if range.end - (owner + 1) >= 2 {
                        range.start = owner + 1;
                    } else {
                        range.end = owner + 1;
                    }
                }
            }
            if range.is_empty() {
                return;
            }
            e.span.start = tokens[range.start].span.start;
            let t = tokens[range.end - 1];
            let word = &text[t.span.start..t.span.end];
            e.span.end = t.span.start + without_possessive(word, t.kind).len();
            out.push((e, range));
        }
    };
    for (i, (token, &tag)) in tokens.iter().zip(tags).enumerate() {
        match kind_of(tag) {
            None => close(current.take(), out),
            Some((kind, begins)) => match &mut current {
                Some((e, range)) if !begins && e.kind == kind => {
                    e.span.end = token.span.end;
                    range.end = i + 1;
                }
                _ => {
                    close(current.take(), out);
                    current = Some((
                        Entity {
                            span: Span::new(token.span.start, token.span.end),
                            kind,
                        },
                        i..i + 1,
                    ));
                }
            },
        }
    }
    close(current, out);
}

#[cfg(test)]
mod tests {
    use super::super::tags::{begin, inside, OUTSIDE};
    use super::*;
    use brief_core::EntityKind;

    /// A model of pseudo-random weights (a fixed linear congruential sequence from `seed`).
    fn random_model(bits: u32, seed: u64) -> Model {
        let mut x = seed;
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 48) as i16
        };
        let rows = (0..1usize << bits)
            .map(|_| std::array::from_fn(|_| next()))
            .collect();
        let transitions = std::array::from_fn(|_| std::array::from_fn(|_| i32::from(next())));
        Model::new(bits, rows, transitions)
    }

    #[test]
    fn shared_scores_sum_to_every_feature_s_weight() {
        let text = "Wilson County Sheriff Calvin Woodard Jr. said the truck stopped. \
                    THE TRUCK STOPPED. Woodard said “it stopped” near Miami's port, 3 miles away.";
        let article = brief_core::Article::from_text("t", text);
        let doc = crate::understand(&article);
        let features = DocFeatures::new(text, &doc);
        // The first model twice (the second time from the shares table), then another whose
        // shares the table must not serve from the first.
        for (seed, bits) in [(1, 10), (1, 10), (2, 10), (3, 12)] {
            let model = random_model(bits, seed);
            let mut buffers = Buffers::default();
            for s in 0..doc.sentences.len() {
                let mut expected = Vec::new();
                features.sentence(s, bits, |rows| expected.push(model.weights(rows)));
                model.tag_sentence(&features, s, &mut buffers);
                assert_eq!(buffers.emissions, expected, "sentence {s}, model {seed}");
            }
        }
    }

    /// `split_titled_people` on one name tagged whole as `kind`: the names it leaves.
    fn split(name: &str, kind: EntityKind) -> Vec<(String, EntityKind)> {
        let text = format!("{name} said so.");
        let tokens = crate::tokenize(&text, Span::new(0, text.len()));
        let n = tokens
            .iter()
            .position(|t| &text[t.span.start..t.span.end] == "said")
            .unwrap();
        let whole = Entity {
            span: Span::new(0, tokens[n - 1].span.end),
            kind,
        };
        let mut found = vec![(whole, 0..n)];
        let mut scores = vec![[0; 4]];
        split_titled_people(&text, &tokens, &mut found, &mut scores, 0);
        assert_eq!(found.len(), scores.len());
        found
            .iter()
            .map(|(e, _)| (text[e.span.start..e.span.end].to_string(), e.kind))
            .collect()
    }

    /// `attach_suffixes` on `text` tagged with the names `tagged`: the names it leaves.
    fn attached(text: &str, tagged: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let tokens = crate::tokenize(text, Span::new(0, text.len()));
        let mut found: Vec<(Entity, Range<usize>)> = tagged
            .iter()
            .map(|&(name, kind)| {
                let start = text.find(name).expect("a name of the text");
                let end = start + name.len();
                let first = tokens.iter().position(|t| t.span.start == start).unwrap();
                let last = tokens.iter().position(|t| t.span.end == end).unwrap();
                let span = Span::new(start, end);
                (Entity { span, kind }, first..last + 1)
            })
            .collect();
        let mut scores = vec![[0; 4]; found.len()];
        attach_suffixes(text, &tokens, &mut found, &mut scores, 0);
        assert_eq!(found.len(), scores.len());
        found
            .iter()
            .map(|(e, _)| (text[e.span.start..e.span.end].to_string(), e.kind))
            .collect()
    }

    #[test]
    fn a_suffix_found_alone_ends_the_name_before_it() {
        use EntityKind::*;
        let person = |name: &str| vec![(name.to_string(), Person)];
        let text = "He followed Martin Luther King Jr. and his movement.";
        assert_eq!(
            attached(text, &[("Jr", Person)]),
            person("Martin Luther King Jr")
        );
        assert_eq!(
            attached(text, &[("Martin Luther King", Location), ("Jr", Person)]),
            person("Martin Luther King Jr")
        );
        // A suffix with no capitalised words before it, and a name that merely precedes
        // another person, stay as they are.
        assert_eq!(
            attached("The club paid Jr. in cash.", &[("Jr.", Person)]),
            vec![("Jr.".to_string(), Person)]
        );
        assert_eq!(
            attached(
                "He met Smith Jones today.",
                &[("Smith", Person), ("Jones", Person)]
            ),
            vec![("Smith".to_string(), Person), ("Jones".to_string(), Person)]
        );
    }

    #[test]
    fn a_title_parts_an_owner_from_a_person() {
        use EntityKind::*;
        let owned = |a: &str, k, b: &str| vec![(a.to_string(), k), (b.to_string(), Person)];
        assert_eq!(
            split("Wilson County Sheriff Calvin Woodard Jr.", Organization),
            owned("Wilson County", Organization, "Calvin Woodard Jr.")
        );
        assert_eq!(
            split("Assistant U.S. Attorney Aloke Chakravarty", Organization),
            vec![("Aloke Chakravarty".to_string(), Person)]
        );
        assert_eq!(
            split("Rep. Barney Frank", Misc),
            vec![("Barney Frank".to_string(), Person)]
        );
        for whole in [
            "Captain America",
            "Judge Judy",
            "Attorney General's Office",
            "Ferguson Police Chief",
            "Madison Police Department",
        ] {
            assert_eq!(
                split(whole, Organization),
                vec![(whole.to_string(), Organization)]
            );
        }
    }

    /// The text of each span.
    fn shown(text: &str, spans: impl Iterator<Item = Span>) -> Vec<&str> {
        spans.map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn tags_become_spans() {
        let text = "Angela Merkel's aide met Macron in Paris";
        let tokens = crate::tokenize(text, Span::new(0, text.len()));
        let (bp, ip) = (begin(EntityKind::Person), inside(EntityKind::Person));
        let bl = begin(EntityKind::Location);
        let tags = [bp, ip, OUTSIDE, OUTSIDE, bp, OUTSIDE, bl];
        let mut out = Vec::new();
        spans_from_tags(text, &tokens, &tags, &mut out);
        let got: Vec<(&str, EntityKind)> = out
            .iter()
            .map(|(e, _)| (&text[e.span.start..e.span.end], e.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Angela Merkel", EntityKind::Person),
                ("Macron", EntityKind::Person),
                ("Paris", EntityKind::Location)
            ]
        );
        // A mark tagged as a name's first token is left out of it, a mark alone dropped.
        let text = "Mr. Crosby met • Katherine and .";
        let tokens = crate::tokenize(text, Span::new(0, text.len()));
        let words = shown(text, tokens.iter().map(|t| t.span));
        assert_eq!(
            words,
            ["Mr", ".", "Crosby", "met", "•", "Katherine", "and", "."]
        );
        let tags = [OUTSIDE, bp, ip, OUTSIDE, bp, ip, OUTSIDE, bp];
        out.clear();
        spans_from_tags(text, &tokens, &tags, &mut out);
        let got = shown(text, out.iter().map(|(e, _)| e.span));
        assert_eq!(got, ["Crosby", "Katherine"]);
        assert_eq!(out[0].1, 2..3);
        // A quotation mark without its pair cuts a name at it.
        let text = "Defense Minister Moshe \"Bogy\" Yaalon met Jiles \"Bopper\" Richardson.";
        let tokens = crate::tokenize(text, Span::new(0, text.len()));
        let words = shown(text, tokens.iter().map(|t| t.span));
        assert_eq!(
            words,
            [
                "Defense",
                "Minister",
                "Moshe",
                "\"",
                "Bogy",
                "\"",
                "Yaalon",
                "met",
                "Jiles",
                "\"",
                "Bopper",
                "\"",
                "Richardson",
                "."
            ]
        );
        let tags = [
            OUTSIDE, OUTSIDE, bp, ip, ip, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE, bp, ip, ip,
            OUTSIDE,
        ];
        out.clear();
        spans_from_tags(text, &tokens, &tags, &mut out);
        let got = shown(text, out.iter().map(|(e, _)| e.span));
        assert_eq!(got, ["Moshe", "Richardson"]);
    }

    #[test]
    fn the_same_words_get_one_kind() {
        let text = "Millbrook flooded. Millbrook residents met. Acme hired Millbrook.";
        let entity = |at: usize, kind| Entity {
            span: Span::new(at, at + "Millbrook".len()),
            kind,
        };
        let mut entities = [
            entity(0, EntityKind::Location),
            entity(19, EntityKind::Organization),
            entity(55, EntityKind::Person),
        ];
        // Location wins on the summed scores though it is the best of only one mention.
        let scores = [[0, 0, 50, 0], [0, 30, 25, 0], [20, 0, 5, 0]];
        agree_on_kinds(text, &mut entities, &scores);
        assert!(entities.iter().all(|e| e.kind == EntityKind::Location));
    }

    #[test]
    fn offset_binary_keeps_every_weight() {
        for w in [i16::MIN, -12, -1, 0, 1, 9, i16::MAX] {
            assert_eq!(weight(offset(w)), w);
            assert_eq!(i64::from(offset(w)) - i64::from(OFFSET), i64::from(w));
        }
    }

    #[test]
    fn bytes_round_trip_and_bad_bytes_are_errors() {
        let mut rows = vec![[0i16; N_TAGS]; 256];
        rows[7][3] = -12;
        rows[200][0] = 9;
        let mut t = [[0i32; N_TAGS]; N_TAGS + 1];
        t[2][6] = 40;
        let m = Model::new(8, rows, t);
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).ok(), Some(m));
        assert!(matches!(
            Model::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ModelError::Length)
        ));
        assert!(matches!(
            Model::from_bytes(b"not a model"),
            Err(ModelError::Magic)
        ));
    }
}
