//! Composing a brief from an understood article: rank, pick, trim, group, head.
//!
//! [`compose`] takes an [`Article`] and its [`Document`] and returns a [`Brief`]:
//! the key takeaways (the highest-ranked sentences, redundancy removed, shown in the
//! article's order) and headed sections in story order (an opening section, themed
//! sections, a closing "What Comes Next" when the article looks ahead). Every output
//! sentence is a source sentence or a contiguous trimmed part of one ([`trim`]), with
//! its provenance; headings are the only generated text and are built from their
//! section's words. [`validate`] checks that invariant and every stage test runs it.
//!
//! It is *not* for reading input or rendering output (Markdown, HTML, JSON live in
//! the binary), and it never invents a word.

mod candidates;
mod heading;
mod people;
mod rank;
mod sections;
mod statements;
mod story;
mod terms;
pub mod trim;
mod validate;

pub use story::{
    compose_story, Member, StoryMaterial, DIFFER_HEADING, EARLIER_COVERAGE_HEADING,
    EARLIER_TAKEAWAYS_HEADING, OTHER_REPORTS_HEADING,
};
pub use validate::{validate, words_in_order, Unfaithful};

use brief_core::{Article, Brief, BriefSentence, Document, Provenance, Span};

pub use candidates::Candidate;

/// What to compose.
#[derive(Clone, Debug)]
pub struct Options {
    /// Number of key takeaways; `None` chooses 3–6 from the article's length.
    pub takeaways: Option<usize>,
    /// Find the facts too: named entities with their roles, and a "Who's Who"
    /// section introducing the people with their roles.
    pub facts: bool,
}

impl Default for Options {
    /// The full brief: 3–6 takeaways by length, with facts.
    fn default() -> Self {
        Options {
            takeaways: None,
            facts: true,
        }
    }
}

/// Composes the brief of one article.
pub fn compose(article: &Article, doc: &Document, options: &Options) -> Brief {
    let collected = candidates::collect(article, doc);
    let scores = rank::score(&collected);
    let df = collected.df;
    let candidates = collected.list;
    let count = options
        .takeaways
        .unwrap_or_else(|| adaptive_takeaways(candidates.len()));
    let takeaways = rank::select(&candidates, &scores, count);
    let brief_understand::Facts {
        entities,
        quotes,
        figures,
    } = if options.facts {
        brief_understand::facts(article, doc)
    } else {
        brief_understand::Facts::default()
    };
    let said = statements::who_said_what(article, doc, &quotes, &entities);
    // People introduced with their role in "Who Said What" need no second line.
    let quoted: Vec<Span> = said
        .iter()
        .flat_map(|s| s.sentences.iter().map(|line| line.sources[0].span))
        .collect();
    let people = people::whos_who(article, doc, &entities, &quoted);
    let lists = usize::from(said.is_some()) + usize::from(people.is_some());
    let mut sections = sections::build(
        article,
        doc,
        &sections::Ranked {
            candidates: &candidates,
            df: &df,
            scores: &scores,
            takeaways: &takeaways,
        },
        lists,
    );
    for extra in [people, said].into_iter().flatten() {
        // Seven sections at most: these take the place of the last themed ones.
        let closing = sections
            .last()
            .is_some_and(|s| s.heading == heading::CLOSING_HEADING);
        while sections.len() >= sections::MAX_SECTIONS {
            let last_themed = sections
                .iter()
                .rposition(|s| !s.list && s.heading != heading::CLOSING_HEADING);
            match last_themed {
                Some(i) if i > 0 => {
                    sections.remove(i);
                }
                _ => break,
            }
        }
        if sections.len() >= sections::MAX_SECTIONS {
            continue;
        }
        let at = sections.len() - usize::from(closing);
        sections.insert(at, extra);
    }
    let title = title(article, &candidates, &takeaways);
    // Chosen by rank, shown in the article's order: a takeaway that names a person or a
    // thing in full comes before one that goes on about "the detective" or "the students".
    let mut takeaways = takeaways;
    takeaways.sort_unstable();
    Brief {
        id: article.id.clone(),
        title,
        takeaways: takeaways
            .iter()
            .map(|&c| brief_sentence(article, &candidates[c]))
            .collect(),
        sections,
        entities,
        quotes,
        figures,
        timeline: Vec::new(),
        since: None,
    }
}

/// 3 takeaways for short articles, up to 6 for long ones.
fn adaptive_takeaways(candidates: usize) -> usize {
    match candidates {
        0..=12 => 3,
        13..=25 => 4,
        26..=45 => 5,
        _ => 6,
    }
}

/// The words shown for a source sentence: whitespace made single, and short
/// asides in parentheses without figures ("(pictured)", "(left)") deleted, but for words in
/// brackets that open a quotation.
pub(crate) fn shown_text(source: &str) -> String {
    let text = one_line(source);
    if memchr::memchr(b'(', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        // Brackets that open a quotation hold the writer's words the quotation needs ("(He
        // was) a very normal young person"), not an aside.
        let aside = open > 0
            && !rest[..open].ends_with(['"', '“', '‘', '\''])
            && ((inner.split_whitespace().count() <= MAX_ASIDE_WORDS
                && !inner.contains('(')
                && !inner.bytes().any(|b| b.is_ascii_digit()))
                || credits_staff(inner));
        if aside {
            out.push_str(rest[..open].trim_end());
            rest = &rest[open + len + 1..];
            if !rest.starts_with([',', '.', ';', ':', '!', '?']) && !rest.is_empty() {
                out.push(' ');
            }
            rest = rest.trim_start();
        } else {
            out.push_str(&rest[..open + len + 1]);
            rest = &rest[open + len + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// True for the wires' closing credit in brackets, "(Reporting by Will Dunham; Editing by Tom
/// Brown)": the newsroom's, not the story's.
pub(crate) fn credits_staff(inner: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "additional reporting by",
        "compiled by",
        "editing by",
        "reporting by",
        "writing by",
    ];
    OPENINGS.iter().any(|o| {
        inner
            .get(..o.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(o))
    })
}

/// Longest parenthetical aside deleted from a shown sentence, in words.
const MAX_ASIDE_WORDS: usize = 6;

/// `text` with every run of whitespace (line breaks included) made one space.
pub(crate) fn one_line(text: &str) -> String {
    if is_one_line(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A searcher for two spaces, built once: building one per sentence cost more
/// than the search.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// True when `text` has no whitespace but single inner spaces. Walks bytes and
/// decodes only the lead bytes of the few non-ASCII whitespace characters.
fn is_one_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        // Whole-slice tests the compiler vectorises, and a vector search for "  ".
        let control_space = bytes
            .iter()
            .fold(false, |seen, &b| seen | (b'\t'..=b'\r').contains(&b));
        return bytes.first() != Some(&b' ')
            && bytes.last() != Some(&b' ')
            && !control_space
            && DOUBLE_SPACE.find(bytes).is_none();
    }
    let mut after_space = true;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => return false,
            0xc2 | 0xe1 | 0xe2 | 0xe3
                if text[i..].chars().next().is_some_and(char::is_whitespace) =>
            {
                return false
            }
            _ => after_space = false,
        }
    }
    !after_space || bytes.is_empty()
}

/// The brief's title: the article's own, else a headline cut from a sentence of the opening,
/// else, when the lede is a question or a quotation, from the best-ranked of `takeaways`
/// (candidate indexes) that can head, else from the lede.
fn title(article: &Article, candidates: &[Candidate], takeaways: &[usize]) -> String {
    if let Some(t) = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return one_line(t);
    }
    // The lede makes the headline, unless it is a question or a quotation or its headline
    // opens on a word a headline cannot ("It …", "If …"): then the next sentence of the
    // opening whose headline can ("It recalled one of the most memorable moments …" gives
    // way to "DC Comics pulled the cover …").
    // Nor is a headline the scene-setting phrase alone, cut where the lede's news begins
    // ("As the world digests the shock of … Nemtsov's brutal murder …, everybody is trying
    // …" would head as its "As …" phrase).
    // A sentence as a brief shows it: without asides in brackets ("a large (\"venti\" in
    // Starbucks speak) Caramel Frappuccino").
    let shown = |c: &Candidate| shown_text(article.slice(c.span));
    let phrase_alone = |shown: &str, headline: &str| {
        // A preposition's phrase may run into the main clause unmarked ("In a startling new
        // tutorial YouTube star Promise Tamang turns herself …"): only subordinators count.
        opens_on_phrase(headline, SUBORDINATORS)
            && !headline.contains(", ")
            && shown
                .strip_prefix(headline)
                .is_some_and(|rest| rest.starts_with(','))
    };
    let states_news = |c: &Candidate| !c.dangling && !c.question && c.quoted < 0.5;
    let first_to_head = |list: &mut dyn Iterator<Item = &Candidate>| {
        list.filter(|c| states_news(c)).find_map(|c| {
            let sentence = shown(c);
            let headline = headline_from_lede(&sentence);
            (can_open_headline(&headline) && !phrase_alone(&sentence, &headline))
                .then_some(headline)
        })
    };
    // With none in the opening and a lede that is a question or a quotation, the
    // best-ranked takeaway that can head the brief does; a lede that states the news
    // heads it even on a word a headline would not open with ("Its famous Yellow Wall …").
    first_to_head(&mut candidates.iter().take(HEADLINE_SEARCH))
        .or_else(|| {
            let lede = candidates.first()?;
            if states_news(lede) {
                return None;
            }
            first_to_head(&mut takeaways.iter().filter_map(|&i| candidates.get(i)))
        })
        .or_else(|| {
            let sentence = shown(candidates.first()?);
            let headline = headline_from_lede(&sentence);
            if !phrase_alone(&sentence, &headline) {
                return Some(headline);
            }
            // The news after the scene-setting phrase heads the brief ("After spending much
            // of her 2008 campaign …, Hillary Clinton is showing signs …"), if it can.
            let main =
                headline_from_lede(sentence[headline.len()..].trim_start_matches([',', ' ']));
            Some(if can_open_headline(&main) {
                main
            } else {
                headline
            })
        })
        .unwrap_or_else(|| one_line(&article.id))
}

/// Subordinators that open a clause a headline cannot stand on alone.
const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "barring", "because", "before", "even", "if", "once", "since",
    "though", "unless", "until", "when", "whereas", "while",
];

/// How many sentences of the opening may give the headline.
const HEADLINE_SEARCH: usize = 3;

/// Words a headline does not open with: they point back, at the writer or at the reader, or
/// open a clause that needs another.
const NOT_HEADLINE_OPENERS: &[&str] = &[
    "although", "because", "he", "her", "his", "i", "if", "it", "its", "my", "our", "she", "since",
    "their", "these", "they", "this", "those", "though", "we", "when", "whether", "while", "you",
    "your",
];

/// True for a headline that can stand at the top of a brief: it opens on a capital letter
/// but on none of [`NOT_HEADLINE_OPENERS`].
fn can_open_headline(headline: &str) -> bool {
    let first = headline
        .split(|ch: char| !ch.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    headline.starts_with(char::is_uppercase)
        && !NOT_HEADLINE_OPENERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first))
}

/// Words that mark a trailing attribution clause (", a spokesman said.").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "according",
    "announced",
];
/// Longest headline we make from a lede, in words.
const HEADLINE_WORDS: usize = 16;

/// A headline cut from the lede by deleting words only: a trailing attribution
/// goes, and a long sentence keeps its first clause.
fn headline_from_lede(lede: &str) -> String {
    let lede = without_final_stop(lede);
    let lede = lede.as_ref();
    if !longer_than(lede, HEADLINE_WORDS) {
        return cut_headline(lede);
    }
    // A long lede that names its subject and describes it between commas before the verb
    // ("Anna Duritskaya, the Ukrainian model who was with … Nemtsov when he was shot in
    // Moscow, is now the focus of intense interest") keeps the name and the verb; so does
    // any other subject whose headline would otherwise be the subject alone ("The fury of
    // Tropical Cyclone Pam, one of the most powerful storms ever to make landfall, has moved
    // on" would give "The fury of Tropical Cyclone Pam").
    if let Some((shorter, _)) = without_apposition(lede, Subject::Name) {
        return cut_headline(&shorter);
    }
    let headline = cut_headline(lede);
    match without_apposition(lede, Subject::Any) {
        Some((shorter, verb)) if headline.len() < verb => cut_headline(&shorter),
        _ => headline,
    }
}

/// The headline of a lede, cut from it by deleting words only: a trailing attribution goes,
/// and a long sentence keeps its first clause.
fn cut_headline(lede: &str) -> String {
    // An aside between two dashes goes first: the clause runs on after it ("Racist emails
    // -- like one that … -- resulted in …").
    let unaside;
    let mut text = lede;
    if longer_than(text, HEADLINE_WORDS) {
        if let Some(shorter) = without_dashed_aside(text) {
            unaside = shorter;
            text = &unaside;
        }
    }
    if let Some(comma) = text.rfind(", ") {
        let tail = &text[comma + 2..];
        if !longer_than(tail, 7) && tail.split_whitespace().any(|w| SPEECH_VERBS.contains(&w)) {
            text = &text[..comma];
        }
    }
    // A long lede that opens with a scene-setting phrase ("With its snow-capped
    // mountains, the valley …") loses that phrase first: the news follows it.
    if longer_than(text, HEADLINE_WORDS) && opens_on_phrase(text, INTRODUCTORY) {
        // A date's comma ("On February 3, 1959, a plane …") is inside the phrase, and so
        // are a place's ("on a Dhaka, Bangladesh, street …").
        let commas: Vec<usize> = text.match_indices(", ").map(|(i, _)| i).collect();
        let in_place = |k: usize| {
            let names_place = |i: usize| {
                let next = &text[i + 2..];
                next.starts_with(|c: char| c.is_uppercase())
                    && next.split(' ').next().is_some_and(|w| {
                        w.strip_suffix(',')
                            .is_some_and(|w| w.chars().all(char::is_alphabetic))
                    })
            };
            names_place(commas[k]) || (k > 0 && names_place(commas[k - 1]))
        };
        let comma = (0..commas.len())
            .filter(|&k| !in_place(k))
            .map(|k| commas[k])
            .find(|&i| !text[i + 2..].starts_with(|c: char| c.is_ascii_digit()));
        if let Some(comma) = comma {
            if !longer_than(&text[..comma], 12) {
                text = &text[comma + 2..];
            }
        }
    }
    if longer_than(text, HEADLINE_WORDS) {
        // A cut keeps HEADLINE_MIN_WORDS words when it comes after the start of the last
        // of them (counted once, not again for every mark).
        let last_kept = text
            .split_whitespace()
            .nth(HEADLINE_MIN_WORDS - 1)
            .map_or(text.len(), |w| w.as_ptr() as usize - text.as_ptr() as usize);
        // Not inside a number ("2,000").
        let in_number = |i: usize| {
            let bytes = text.as_bytes();
            i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        };
        // The first mark after the last word kept (bytes, as both marks are ASCII) or dash,
        // when the headline ends whole there: not on a word that wants more ("a blue machine
        // that, all of a sudden, …": the words after that mark interrupt the clause, and a
        // later one would cut inside it) nor inside "not only … but".
        let whole = |i: &usize| ends_whole(&text[..*i]);
        let mark = text.as_bytes()[last_kept..]
            .iter()
            .enumerate()
            .map(|(k, &b)| (last_kept + k, b))
            .find(|&(i, b)| (b == b',' || b == b';') && i > last_kept && !in_number(i))
            .map(|(i, _)| i)
            .filter(whole);
        let dash = clause_dashes(&text[last_kept..])
            .map(|d| last_kept + d.cut)
            .find(|&i| i > last_kept)
            .filter(whole);
        if let Some(i) = mark.into_iter().chain(dash).min() {
            text = &text[..i];
        }
    }
    // No mark to cut at: the first clause ends before a word that opens an adjunct or
    // another clause ("… were arrested and charged Wednesday | for allegedly operating …").
    if longer_than(text, HEADLINE_WORDS) {
        let mut at = 0;
        let mut previous = "";
        // A lede not much longer than a headline is not cut inside its subject: whole, it
        // says what happened.
        let may_cut_subject = longer_than(text, UNCUT_HEADLINE_WORDS);
        for (k, word) in text.split(' ').enumerate().take(HEADLINE_WORDS + 1) {
            if (HEADLINE_MIN_WORDS..=HEADLINE_WORDS).contains(&k)
                && CLAUSE_BREAKS.contains(&word)
                && !TAKES_FOR.contains(&previous)
                && (may_cut_subject || !subject_unfinished(&text[..at]))
            {
                text = without_time_measure(text[..at].trim_end());
                break;
            }
            at += word.len() + 1;
            previous = word;
        }
    }
    let text = text.trim_end_matches([',', ';', ':', ' ']);
    // A headline starts with a capital even when the cut leaves "the …".
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// A dash that sets off a clause: an em or en dash between spaces, or the double hyphen wires
/// type for one (" -- ", "Monday-- after").
#[derive(Clone, Copy)]
struct Dash {
    /// Where the text before it ends (at the space before it, if any).
    cut: usize,
    /// Where the text after it starts (past the space after it).
    after: usize,
    /// Its first byte: `-` for a double hyphen, the lead byte of an em or en dash's second.
    kind: u8,
    /// A space before it too.
    spaced: bool,
}

/// The clause dashes of `text`, in order: found by vector search for their first bytes, as
/// this runs on every long lede.
fn clause_dashes(text: &str) -> impl Iterator<Item = Dash> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'-', 0xe2, bytes).filter_map(move |i| {
        let rest = &text[i..];
        let (kind, len) = if rest.starts_with("--") {
            (b'-', 2)
        } else if rest.starts_with('—') || rest.starts_with('–') {
            (rest.as_bytes()[2], 3)
        } else {
            return None;
        };
        let spaced = i > 0 && bytes[i - 1] == b' ';
        // A hyphen pair may close up on the word before; an em or en dash stands apart.
        let stands = bytes.get(i + len) == Some(&b' ') && (spaced || kind == b'-');
        stands.then(|| Dash {
            cut: i - usize::from(spaced),
            after: i + len + 1,
            kind,
            spaced,
        })
    })
}

/// `text` without its first aside between two spaced dashes of one kind, none when it has no
/// such pair.
fn without_dashed_aside(text: &str) -> Option<String> {
    let mut spaced = clause_dashes(text).filter(|d| d.spaced);
    let open = spaced.next()?;
    let close = spaced.find(|d| d.kind == open.kind)?;
    Some(format!("{} {}", &text[..open.cut], &text[close.after..]))
}

/// `lede` without its full stop (or question or exclamation mark), and without a closing
/// quotation mark after it unless the mark closes a quotation the lede opened ('Levi Pettit
/// says he's "deeply sorry."' gives 'Levi Pettit says he's "deeply sorry"').
fn without_final_stop(lede: &str) -> std::borrow::Cow<'_, str> {
    let stops = ['.', '!', '?'];
    let bare = lede.trim_end_matches(stops);
    let Some(mark) = bare.chars().next_back().filter(|c| matches!(c, '"' | '”')) else {
        return bare.into();
    };
    let inside = bare[..bare.len() - mark.len_utf8()].trim_end_matches(stops);
    let opened = match mark {
        '"' => inside.matches('"').count() % 2 == 1,
        _ => inside.matches('“').count() > inside.matches('”').count(),
    };
    if opened {
        format!("{inside}{mark}").into()
    } else {
        inside.into()
    }
}

/// Most words in a subject that opens a lede, for [`without_apposition`].
const MAX_SUBJECT_WORDS: usize = 12;

/// Most words in a name that opens a lede, for [`Subject::Name`].
const MAX_NAME_WORDS: usize = 4;

/// Most words between a subject and its verb that [`without_apposition`] deletes.
const MAX_APPOSITION_WORDS: usize = 30;

/// Which subjects [`without_apposition`] takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// One to [`MAX_NAME_WORDS`] capitalised words.
    Name,
    /// Any one to [`MAX_SUBJECT_WORDS`] words.
    Any,
}

/// `text` without what stands between commas after its subject and before its verb:
/// "SUBJECT, WORDS, VERB …" gives "SUBJECT VERB …", when a verb ([`opens_with_verb`])
/// follows one of the next commas within [`MAX_APPOSITION_WORDS`] words ("Seven college-age
/// people, some who came to Panama City Beach, Florida, for spring break, were wounded …"),
/// with where the verb starts in `text`.
fn without_apposition(text: &str, subject: Subject) -> Option<(String, usize)> {
    let (head, rest) = text.split_once(", ")?;
    let words = head.split_whitespace().count();
    let fits = match subject {
        Subject::Name => {
            words <= MAX_NAME_WORDS
                && head
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
        }
        // A scene-setting phrase ("With its snow-capped mountains, …", "Earlier this month,
        // …") or a subordinate clause ("If death is the big sleep, …") is no subject.
        Subject::Any => {
            let first = head.split_whitespace().next().unwrap_or("").to_lowercase();
            words <= MAX_SUBJECT_WORDS
                && !opens_on_phrase(head, INTRODUCTORY)
                && !NOT_HEADLINE_OPENERS.contains(&first.as_str())
                && !TIME_OPENERS.contains(&first.as_str())
        }
    };
    if words == 0 || !fits {
        return None;
    }
    let mut skipped = 0;
    let mut from = 0;
    while let Some(comma) = rest[from..].find(", ") {
        skipped += rest[from..from + comma].split_whitespace().count();
        if skipped > MAX_APPOSITION_WORDS {
            return None;
        }
        let after = &rest[from + comma + 2..];
        if opens_with_verb(after) {
            return Some((format!("{head} {after}"), text.len() - after.len()));
        }
        from += comma + 2;
    }
    None
}

/// Words that open a phrase of time before a sentence's subject ("Earlier this month, …").
const TIME_OPENERS: &[&str] = &[
    "earlier",
    "last",
    "later",
    "next",
    "this",
    "today",
    "tonight",
    "yesterday",
];

/// True when `text` opens with a verb: an auxiliary or modal, a verb the word classes know
/// (not a gerund), a past form in "-ed", or a verb in "-s" before "to" ("plans to").
fn opens_with_verb(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    is_verb(first)
        || (first.ends_with('s')
            && first.starts_with(|c: char| c.is_ascii_lowercase())
            && words.next() == Some("to"))
}

/// True for an auxiliary or modal, a verb the word classes know (not a gerund), or a past
/// form in "-ed".
pub(crate) fn is_verb(word: &str) -> bool {
    brief_understand::words::FINITE_VERBS.contains(&word)
        || (word.starts_with(|c: char| c.is_ascii_lowercase())
            && !word.ends_with("ing")
            && (word.ends_with("ed")
                || heading::word_class(word)
                    == Some(brief_understand::word_classes::WordClass::Verb)))
}

/// True for a word that can be a clause's verb: one [`is_verb`] knows, a contraction
/// ("wasn't", "he's", "they're"), or a known verb with a third-person "-s" ("welcomes",
/// "denies").
pub(crate) fn clause_verb(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let word = word.trim_matches(['\'', '’']);
    let lower = word.to_lowercase();
    let contraction = [
        "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m",
    ]
    .iter()
    .any(|end| lower.ends_with(end))
        || lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .is_some_and(|p| ["he", "she", "it", "that", "there", "what", "who"].contains(&p));
    let third_person = word.starts_with(|c: char| c.is_ascii_lowercase())
        && !word.ends_with("ss")
        && (word
            .strip_suffix("ies")
            .is_some_and(|stem| is_verb(&format!("{stem}y")))
            || word.strip_suffix("es").is_some_and(is_verb)
            || word.strip_suffix('s').is_some_and(is_verb));
    is_verb(word) || contraction || third_person
}

/// True when `text` holds a word that can be a clause's verb ([`clause_verb`]).
pub(crate) fn holds_verb(text: &str) -> bool {
    text.split_whitespace().any(clause_verb)
}

/// True when `text` opens on a phrase rather than its main clause: one of `openers`
/// ([`INTRODUCTORY`]'s subordinators and prepositions, "After …", "With …"; or
/// [`SUBORDINATORS`], "As the dust settles …"), or a measure of time before a subordinator
/// ([`opens_on_time_measure`], "Four days after he was gunned down …").
fn opens_on_phrase(text: &str, openers: &[&str]) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    // "As many as 13 senior leaders …" opens on a number, not a clause.
    let comparison = first.eq_ignore_ascii_case("as")
        && words
            .next()
            .is_some_and(|w| AS_COMPARISONS.contains(&w.to_ascii_lowercase().as_str()));
    (openers.iter().any(|w| w.eq_ignore_ascii_case(first)) && !comparison)
        || opens_on_time_measure(text)
}

/// Words of a comparison that "as" opens with a second "as" after them ("as many as",
/// "as much as", "as long as"), sorted.
const AS_COMPARISONS: &[&str] = &["few", "little", "many", "much"];

/// True when `text` opens on a measure of time before a subordinator ("Three and a half
/// decades after …", "Years before …").
pub(crate) fn opens_on_time_measure(text: &str) -> bool {
    // The lists are lower-case ASCII: a word matches one of them ignoring ASCII case.
    let listed = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    let mut words = text.split_whitespace().take(INTRODUCTORY_REACH);
    let Some(first) = words.next() else {
        return false;
    };
    let measure_opens = first.starts_with(|c: char| c.is_ascii_digit())
        || listed(MEASURE_OPENERS, first)
        || listed(TIME_UNITS, first);
    if !measure_opens {
        return false;
    }
    let mut previous = first;
    words.any(|word| {
        let pair = listed(TIME_UNITS, previous) && listed(TIME_AFTER, word);
        previous = word;
        pair
    })
}

/// True when `text` has more than `words` words (without counting past them: ledes run long).
pub(crate) fn longer_than(text: &str, words: usize) -> bool {
    // Asked several times of every lede and statement: ASCII text is split by bytes (the
    // same words: in ASCII only the vertical tab is white space to Unicode and not to
    // `split_ascii_whitespace`).
    if text.is_ascii() && !text.contains('\x0B') {
        text.split_ascii_whitespace().nth(words).is_some()
    } else {
        text.split_whitespace().nth(words).is_some()
    }
}

/// Fewest words a headline cut from a lede keeps.
const HEADLINE_MIN_WORDS: usize = 6;

/// True when a headline cut to `kept` ends whole: not on a word that wants what follows
/// ("that", "the", "of") and not inside a correlative pair ("is not only convenient" wants
/// the "– it also means …" the cut drops).
fn ends_whole(kept: &str) -> bool {
    const WANTS_MORE: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "than", "that",
        "the", "to", "which", "who", "with",
    ];
    let last = kept
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !WANTS_MORE.contains(&last.as_str())
        && ![" not only ", " not just "]
            .iter()
            .any(|pair| memchr::memmem::find(kept.as_bytes(), pair.as_bytes()).is_some())
}

/// True when `kept`, a lede cut short, is a subject and its relative clause, with the verb
/// still to come: it opens on an article and a relative pronoun follows before any verb
/// ("A pub landlord who was convicted of drink driving | after claiming …, has vowed …"),
/// where a cut clause has its verb first ("The council voted … to build a barrier that …").
fn subject_unfinished(kept: &str) -> bool {
    let mut words = kept.split_whitespace();
    let opens_on_article = words
        .next()
        .is_some_and(|w| ["a", "an", "the"].iter().any(|a| a.eq_ignore_ascii_case(w)));
    if !opens_on_article {
        return false;
    }
    for word in words {
        let lower = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if matches!(lower.as_str(), "who" | "that" | "which") {
            return true;
        }
        if is_verb(&lower) || heading::is_irregular_past(&lower) {
            return false;
        }
    }
    false
}

/// Most words of a lede that heads a brief whole rather than cut inside its subject.
const UNCUT_HEADLINE_WORDS: usize = 30;

/// Words before which a long lede's first clause may end, for its headline.
const CLAUSE_BREAKS: &[&str] = &[
    "after",
    "amid",
    "because",
    "before",
    "but",
    "despite",
    "following",
    "for",
    "since",
    "until",
    "when",
    "which",
    "while",
    "who",
];

/// Words that measure the time to what a cut clause told ("threats days | after …",
/// "two weeks | before …"): they go with it.
const TIME_MEASURES: &[&str] = &[
    "days", "decades", "hours", "just", "minutes", "moments", "months", "shortly", "soon", "weeks",
    "years",
];

/// Counts before a time measure ("two days", "48 hours", "a few weeks").
const MEASURE_COUNTS: &[&str] = &[
    "a", "eight", "few", "five", "four", "nine", "seven", "several", "six", "ten", "three", "two",
];

/// Words before a time measure that make it a time phrase of its own ("in recent weeks").
const TIME_PHRASE_OPENERS: &[&str] = &[
    "after", "before", "coming", "during", "for", "in", "last", "many", "next", "of", "over",
    "past", "previous", "recent", "the", "these", "those", "within",
];

/// `text` without a trailing time measure and its count: "received death threats days"
/// is "received death threats".
fn without_time_measure(text: &str) -> &str {
    fn last_word(t: &str) -> &str {
        t.rsplit(' ').next().unwrap_or("")
    }
    if !TIME_MEASURES.contains(&last_word(text)) {
        return text;
    }
    let whole = text;
    let mut text = text[..text.len() - last_word(text).len()].trim_end();
    // "in recent weeks", "for years": the measure is a phrase of its own.
    if TIME_PHRASE_OPENERS.contains(&last_word(text)) {
        return whole;
    }
    while {
        let w = last_word(text);
        MEASURE_COUNTS.contains(&w) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    } {
        text = text[..text.len() - last_word(text).len()].trim_end();
    }
    // "jailed for five years": the phrase is the clause's own, count and all.
    if TIME_PHRASE_OPENERS.contains(&last_word(text)) {
        return whole;
    }
    text
}

/// Words whose sense needs the "for" after them ("known for", "pay for"): no cut there.
const TAKES_FOR: &[&str] = &[
    "account",
    "ask",
    "asked",
    "best",
    "blamed",
    "bound",
    "call",
    "called",
    "calling",
    "criticised",
    "criticized",
    "demand",
    "destined",
    "eligible",
    "famous",
    "headed",
    "known",
    "look",
    "looking",
    "need",
    "paid",
    "pay",
    "paying",
    "praised",
    "ready",
    "reason",
    "remembered",
    "renowned",
    "responsible",
    "room",
    "search",
    "searching",
    "sought",
    "wait",
    "waiting",
    "wanted",
];

/// Words into a lede within which a measure of time may lead to its subordinator.
const INTRODUCTORY_REACH: usize = 6;

/// Subordinators that follow a measure of time ("Two weeks after …", "Years before …").
const TIME_AFTER: &[&str] = &["after", "before", "since"];

/// Units of a measure of time, as they stand before its subordinator.
const TIME_UNITS: &[&str] = &[
    "centuries",
    "days",
    "decades",
    "hours",
    "minutes",
    "moments",
    "months",
    "seconds",
    "weeks",
    "years",
];

/// Words that open a measure of time ("Three days", "Just hours", "Nearly a decade").
const MEASURE_OPENERS: &[&str] = &[
    "a", "about", "almost", "eight", "five", "four", "just", "mere", "more", "nearly", "nine",
    "only", "seven", "six", "some", "ten", "three", "two",
];

/// Words that open a scene-setting phrase rather than the news itself.
const INTRODUCTORY: &[&str] = &[
    "within",
    "with",
    "after",
    "as",
    "in",
    "despite",
    "although",
    "though",
    "when",
    "while",
    "amid",
    "following",
    "once",
    "since",
    "for",
    "on",
    "at",
    "from",
    "during",
    "before",
    "under",
    "having",
    "faced",
];

/// Where a span of the article sits: the article, the sentence it starts in, the span.
pub(crate) fn provenance(article: &Article, doc: &Document, span: Span) -> Provenance {
    Provenance {
        article: article.id.clone(),
        sentence: doc.sentence_from(span.start),
        span,
    }
}

pub(crate) fn brief_sentence(article: &Article, c: &Candidate) -> BriefSentence {
    BriefSentence {
        text: shown_text(article.slice(c.span)),
        sources: vec![Provenance {
            article: article.id.clone(),
            sentence: c.sentence,
            span: c.span,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_from_ledes() {
        assert_eq!(
            headline_from_lede("Singer-songwriter David Crosby hit a jogger with his car Sunday evening, a spokesman said."),
            "Singer-songwriter David Crosby hit a jogger with his car Sunday evening"
        );
        assert_eq!(
            headline_from_lede("The council voted on Tuesday to build a barrier across the river, three months after floods forced 2,300 people from their homes."),
            "The council voted on Tuesday to build a barrier across the river"
        );
        assert_eq!(headline_from_lede("Talks failed."), "Talks failed");
        assert_eq!(
            headline_from_lede("Three area residents were arrested and charged Wednesday for allegedly operating four Southern California schools for Korean and Chinese students who never attended classes."),
            "Three area residents were arrested and charged Wednesday"
        );
        assert_eq!(
            headline_from_lede("With its snow-capped mountains and picturesque deserted hamlets, the Bleone Valley, where a jet crashed Tuesday, is a beautiful but sparsely populated spot."),
            "The Bleone Valley, where a jet crashed Tuesday, is a beautiful but sparsely populated spot"
        );
        // A cut ends on no word that wants more, and leaves no "not only" without its second
        // half.
        assert_eq!(
            headline_from_lede("The talk among fans in the aftermath of Sunday's derby was of a blue machine that, all of a sudden, looks as outdated as a Commodore 64."),
            "The talk among fans in the aftermath of Sunday's derby was of a blue machine that, all of a sudden, looks as outdated as a Commodore 64"
        );
        assert_eq!(
            headline_from_lede("Having a Waitrose within walking distance is not only convenient – it also means your house is worth more, according to a study."),
            "Having a Waitrose within walking distance is not only convenient – it also means your house is worth more"
        );
        // "wanted for murder" describes the officer: no clause ends before its "for".
        assert_eq!(
            headline_from_lede("The father of a police officer wanted for murder has been charged with making a false statement to an agent, the FBI said."),
            "The father of a police officer wanted for murder has been charged with making a false statement to an agent"
        );
    }

    #[test]
    fn a_headline_keeps_the_quotation_mark_it_needs() {
        assert_eq!(
            headline_from_lede("Levi Pettit says he's \"deeply sorry.\""),
            "Levi Pettit says he's \"deeply sorry\""
        );
        assert_eq!(
            headline_from_lede("She called it “a disgrace.”"),
            "She called it “a disgrace”"
        );
        assert_eq!(headline_from_lede("Talks failed.\""), "Talks failed");
    }

    #[test]
    fn a_long_lede_ends_at_a_dash_and_loses_an_aside_between_two() {
        assert_eq!(
            headline_from_lede("Israel's ruling Likud Party pulled off a victory in Tuesday's general election -- and it was a stunning one."),
            "Israel's ruling Likud Party pulled off a victory in Tuesday's general election"
        );
        // An aside between two dashes goes, and the clause it interrupts stays whole.
        assert_eq!(
            headline_from_lede("The collapse of marriage in our poorest communities across the whole country -- and its tragic impact -- is a familiar story."),
            "The collapse of marriage in our poorest communities across the whole country is a familiar story"
        );
        assert_eq!(
            headline_from_lede("A sanitation worker in an Atlanta suburb already served two weekends in jail-- after authorities charged him for doing his job too early."),
            "A sanitation worker in an Atlanta suburb already served two weekends in jail"
        );
    }

    #[test]
    fn a_long_lede_loses_the_apposition_between_its_subject_and_verb() {
        assert_eq!(
            headline_from_lede("Anna Duritskaya, the Ukrainian model who was with opposition politician Boris Nemtsov when he was shot in Moscow, is now the focus of intense interest."),
            "Anna Duritskaya is now the focus of intense interest"
        );
        // Not a list of names; a subject that is not a name only where its headline would
        // have no verb.
        assert_eq!(
            without_apposition(
                "Britain, France, Germany and Italy agreed on Friday",
                Subject::Any
            ),
            None
        );
        assert_eq!(
            without_apposition(
                "The BBC's director-general, Tony Hall, has allegedly received death threats",
                Subject::Name
            ),
            None
        );
        assert_eq!(
            without_apposition(
                "Jason Cotterill, 42, sent explicit images to her children",
                Subject::Name
            ),
            Some((
                "Jason Cotterill sent explicit images to her children".to_string(),
                "Jason Cotterill, 42, ".len()
            ))
        );
        assert_eq!(
            headline_from_lede("The fury of Tropical Cyclone Pam, one of the most powerful storms ever to make landfall, has moved on, but the misery it left behind in the islands of Vanuatu is just starting to become apparent."),
            "The fury of Tropical Cyclone Pam has moved on"
        );
        assert_eq!(
            without_apposition(
                "Earlier this month, Shahindokht Molaverdi, Iran's Vice President, led a delegation",
                Subject::Any
            ),
            None
        );
        assert_eq!(
            headline_from_lede("Seven college-age people, some who came to Panama City Beach, Florida, for spring break, were wounded in a late-night shooting, the Bay County Sheriff's Office said in a press release."),
            "Seven college-age people were wounded in a late-night shooting"
        );
        assert_eq!(
            headline_from_lede("Within 48 hours of his election night victory, Benjamin Netanyahu rolled back his pre-election comments that there would be no Palestinian state if he were Prime Minister."),
            "Benjamin Netanyahu rolled back his pre-election comments that there would be no Palestinian state if he were Prime Minister"
        );
    }

    #[test]
    fn a_time_measure_goes_with_the_clause_it_measures() {
        assert_eq!(
            headline_from_lede("The BBC's director-general, Tony Hall, has allegedly received death threats days after \"Top Gear\" host Jeremy Clarkson was dropped."),
            "The BBC's director-general, Tony Hall, has allegedly received death threats"
        );
        assert_eq!(
            without_time_measure("The ministers met in Geneva a few weeks"),
            "The ministers met in Geneva"
        );
        assert_eq!(
            without_time_measure("Talks resumed 48 hours"),
            "Talks resumed"
        );
        assert_eq!(without_time_measure("Talks resumed"), "Talks resumed");
        assert_eq!(
            without_time_measure("Carlos Boente was jailed for five years"),
            "Carlos Boente was jailed for five years"
        );
        assert_eq!(
            without_time_measure("Herrera has caught the eye in recent weeks"),
            "Herrera has caught the eye in recent weeks"
        );
    }

    #[test]
    fn a_headline_is_no_subject_cut_from_its_verb() {
        let lede = "A pub landlord who was convicted of drink driving after claiming he was \
                    sleepwalking and was not drunk has vowed to never drink again.";
        assert_eq!(headline_from_lede(lede), lede.trim_end_matches('.'));
        assert!(subject_unfinished("A pub landlord who was convicted"));
        assert!(!subject_unfinished(
            "The council voted on Tuesday to build a barrier that"
        ));
        assert!(!subject_unfinished("Police arrested a man who"));
    }

    #[test]
    fn as_many_as_opens_no_phrase() {
        assert_eq!(
            headline_from_lede("As many as 13 senior leaders of al-Nusra Front, including the terror group's military commander, were killed in two Syrian airstrikes Thursday, a Middle Eastern security source who was briefed by Syrian intelligence told CNN."),
            "As many as 13 senior leaders of al-Nusra Front were killed in two Syrian airstrikes Thursday"
        );
    }

    #[test]
    fn a_place_in_an_opening_phrase_stays_with_it() {
        assert_eq!(
            headline_from_lede("On a Dhaka, Bangladesh, street, blogger Washiqur Rahman was hacked to death in full view of horrified onlookers on Thursday."),
            "Blogger Washiqur Rahman was hacked to death in full view of horrified onlookers on Thursday"
        );
    }

    #[test]
    fn a_scene_setting_phrase_alone_gives_way_to_the_news_after_it() {
        let text = "After spending much of her 2008 campaign seemingly running away from the \
                    fact that she is a woman, Hillary Clinton is showing signs that 2016 is \
                    going to be a different story. It seems that she has found her outer \
                    woman this time around. This time she seems to have decided to embrace it \
                    fully, aides say.";
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        let brief = compose(&article, &doc, &Options::default());
        assert_eq!(
            brief.title,
            "Hillary Clinton is showing signs that 2016 is going to be a different story"
        );
    }

    #[test]
    fn a_date_in_an_opening_phrase_stays_with_it() {
        assert_eq!(
            headline_from_lede("On February 3, 1959, a small aircraft carrying Buddy Holly, Ritchie Valens and J.P. Richardson crashed in a cornfield near Clear Lake in Iowa."),
            "A small aircraft carrying Buddy Holly"
        );
    }

    #[test]
    fn a_headline_is_not_cut_inside_a_number() {
        assert_eq!(
            headline_from_lede("In November 2002, the world was captivated by the biggest archaeological discovery ever made relating to Jesus: a 2,000 year-old ossuary, or bone box."),
            "The world was captivated by the biggest archaeological discovery ever made relating to Jesus: a 2,000 year-old ossuary"
        );
    }

    #[test]
    fn a_measure_of_time_before_a_subordinator_opens_a_phrase() {
        assert_eq!(
            headline_from_lede("Three and a half decades after calling for homosexuals to be stoned, former Bob Jones University President Bob Jones III has apologized."),
            "Former Bob Jones University President Bob Jones III has apologized"
        );
        // A main clause that holds a measure of time keeps it.
        assert_eq!(
            headline_from_lede("The man died two weeks after the attack on his home in the north of the city, police and his family said on Monday."),
            "The man died two weeks after the attack on his home in the north of the city"
        );
    }

    #[test]
    fn takeaways_chosen_by_rank_are_shown_in_the_article_order() {
        // A long lede that ranks below a short sentence after it, as it often does: the
        // takeaways still read from the lede on.
        let text = "Sigma Alpha Epsilon, one of the largest fraternities in the country with \
                    chapters at more than two hundred campuses, is under fire for a video that \
                    shows members of its Oklahoma chapter singing a racist chant on a bus. The \
                    fraternity closed the Oklahoma chapter. The chapter house will close by \
                    Tuesday. The fraternity said the video shamed every one of its members. \
                    Students held a protest on campus.";
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        let collected = candidates::collect(&article, &doc);
        let scores = rank::score(&collected);
        let ranked = rank::select(&collected.list, &scores, 3);
        assert!(ranked.windows(2).any(|w| w[0] > w[1]), "{ranked:?}");
        let options = Options {
            takeaways: Some(3),
            facts: false,
        };
        let brief = compose(&article, &doc, &options);
        let starts: Vec<usize> = brief
            .takeaways
            .iter()
            .map(|t| t.sources[0].span.start)
            .collect();
        assert_eq!(starts.len(), 3);
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    }

    #[test]
    fn with_no_opening_sentence_to_head_the_best_takeaway_that_can_does() {
        let text = "Was the young man pushed toward extremism by the authorities? Or was he \
                    heading down a militant path all along? It's a controversial question that \
                    has sparked a long debate. A London group says his emails paint a picture \
                    of a desperate man.";
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        let candidates = candidates::collect(&article, &doc).list;
        let last = candidates.len() - 1;
        assert_eq!(
            title(&article, &candidates, &[last]),
            "A London group says his emails paint a picture of a desperate man"
        );
        // With no takeaway to go on, the lede stays.
        assert_eq!(
            title(&article, &candidates, &[]),
            "Was the young man pushed toward extremism by the authorities"
        );
    }

    #[test]
    fn a_lede_opening_on_a_pronoun_gives_way_to_the_next_sentence() {
        let title_of = |text: &str| {
            let article = Article::from_text("t", text);
            let doc = brief_understand::understand(&article);
            let candidates = candidates::collect(&article, &doc);
            title(&article, &candidates.list, &[])
        };
        assert_eq!(
            title_of("It recalled one of the most memorable moments in comic book history. DC Comics pulled the cover for the upcoming issue on Monday. Fans had asked for it."),
            "DC Comics pulled the cover for the upcoming issue on Monday"
        );
        assert_eq!(
            title_of("I like to think I am an optimist. I grew up in a small town near the coast. I still live there."),
            "I like to think I am an optimist",
            "with no sentence of the opening to take its place, the lede stays"
        );
        assert_eq!(
            title_of("The council voted on Tuesday to build a barrier. It will cost £42 million."),
            "The council voted on Tuesday to build a barrier"
        );
        // A subordinate clause too long to drop heads nothing alone: the next sentence does.
        assert_eq!(
            title_of("As the dust settles after the high court ruled on Friday to overturn the latest guilty verdicts for the two students, questions remain. The two were tried together and convicted of murder by two separate courts. Both deny it."),
            "The two were tried together and convicted of murder by two separate courts"
        );
        // A prepositional phrase may run into its main clause unmarked: that lede stays.
        assert_eq!(
            title_of("In a startling new tutorial posted online this week the YouTube star turns herself into a witch, with help from her sister. It took four hours. She said it was fun."),
            "In a startling new tutorial posted online this week the YouTube star turns herself into a witch"
        );
    }

    #[test]
    fn asides_without_figures_go() {
        assert_eq!(
            shown_text("The singer (pictured) hit a jogger (CNN)."),
            "The singer hit a jogger."
        );
        assert_eq!(
            shown_text("It cost (about $5 million) to build."),
            "It cost (about $5 million) to build."
        );
        assert_eq!(shown_text("(CNN) Talks failed."), "(CNN) Talks failed.");
        assert_eq!(
            shown_text("\"(He was) a very normal young person,\" Radke said."),
            "\"(He was) a very normal young person,\" Radke said."
        );
        assert_eq!(shown_text("Unclosed (aside here."), "Unclosed (aside here.");
        // The wire's staff credit goes whatever its length.
        assert_eq!(
            shown_text("Dragonfly is due in 2034. (Reporting by Will Dunham in Washington; Editing by Tom Brown)"),
            "Dragonfly is due in 2034."
        );
    }

    #[test]
    fn one_line_collapses_every_whitespace() {
        assert_eq!(one_line("a  b\nc\u{a0}d\u{2009}e "), "a b c d e");
        assert_eq!(one_line(" lead"), "lead");
        assert!(is_one_line("Zelensky’s plan — “final”"));
        assert!(!is_one_line("a\u{3000}b") && !is_one_line("a ") && !is_one_line("a  b"));
        for text in [
            "", "a", "a b", " a", "a\tb", "a\u{b}b", "a\rb", "a b.", "a  b", "x ",
        ] {
            let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(is_one_line(text), collapsed == text, "{text:?}");
        }
    }
}
