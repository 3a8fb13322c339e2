//! What a figure counts: the noun phrase it quantifies, or the subject it measures.
//!
//! In order (the rules of `tests/data/figures/README.md`): an age after a name ("Glenn Mason,
//! 56,"); a hyphenated compound ("a 61-seat majority"); "N (out) of M things"; the noun phrase
//! after the number or its unit, or its `of` phrase ("42 Egyptian soldiers", "68% of
//! respondents"); the noun before "of" or "worth" ("debts of $100 million"); the subject of a verb
//! of measure or change before it ("Inflation rose to 3.2%"), or the object of a verb of change
//! ("raised interest rates to 5.25%"); a figure after "to" shares the previous one's subject.

use brief_core::Span;

use super::number::is_money_or_share;
use super::{looks_plural, Found, IRREGULAR_PLURALS};
use crate::sent::{Sent, WordList};

/// What `f` counts, and whether that came from the subject of a verb of measure.
pub(super) fn of(s: &Sent, f: &Found, earlier: &[Found]) -> (Option<Span>, bool) {
    let n = &f.number;
    let first = f.qualifier.map_or(n.first, |q| q.0);
    let after = n.last + 1;
    let span = |(a, b): (usize, usize)| Span::new(s.toks[a].span.start, s.toks[b].span.end);

    // "Glenn Mason, 56, plundered": an age after a name.
    if let Some(name) = age_after_name(s, n.first, n.last) {
        return (Some(span(name)), false);
    }
    if let Some((a, b)) = n.compound_noun {
        return (Some(Span::new(a, b)), false);
    }
    // "54 of 130 seats", "18 out of 300 access doors": the things, for both numbers.
    if let Some(k) = of_another_number(s, after) {
        if let Some(np) = noun_after(s, k, true) {
            return (Some(span(np)), false);
        }
    }
    let measure = n.unit.is_some_and(|u| !is_money_or_share(u)) && !n.age;
    // "200mm of rain", "68% of respondents", "eight years of hard labor"; partitives: "59
    // percent of those surveyed", "91 percent of all income gains", "66 of the state's
    // delegates".
    let each_other = s.is_word_eq(after + 1, "each") && s.is_word_eq(after + 2, "other");
    let partitive = s.is_word_eq(after, "of")
        && !each_other
        && (n.unit.is_some() || is_determiner(s, after + 1) || QUANTIFIERS.has(s, after + 1));
    if partitive {
        let k = after + 1;
        if (s.is_word_eq(k, "those") || s.is_word_eq(k, "these")) && PARTICIPLES.has(s, k + 1) {
            return (Some(span((k, k + 1))), false);
        }
        let k = if is_determiner(s, k) || QUANTIFIERS.has(s, k) {
            k + 1
        } else {
            k
        };
        if let Some(np) = noun_after(s, k, n.unit.is_none()) {
            return (Some(span(np)), false);
        }
    }
    // "$500m in artwork": money in a bare noun.
    let money = n.unit.is_some_and(|u| is_money_or_share(u) && u != "%");
    if money
        && s.is_word_eq(after, "in")
        && !is_determiner(s, after + 1)
        && !s.is_capitalized(after + 1)
    {
        if let Some(np) = noun_after(s, after + 1, false) {
            return (Some(span(np)), false);
        }
    }
    // The noun phrase right after: "42 Egyptian soldiers", "a $10,000 fine", "87% chance".
    let plural = n.value > 1.0 || n.upper.is_some();
    let direct = if measure {
        noun_after(s, after, false).filter(|np| np.1 - np.0 < 2)
    } else {
        noun_after(s, after, plural && n.unit.is_none())
    };
    if let Some(np) = direct {
        return (Some(span(np)), false);
    }
    // "debts of $100 million", "a crowd of 74,000", "jewellery worth £1.5m".
    if let Some(np) = noun_before_of(s, first) {
        return (Some(span(np)), false);
    }
    // "Talks lasted five hours", "Inflation rose to 3.2%", "raised interest rates to 5.25%";
    // but "was half a second quicker than": a difference, not a measure of the subject.
    let difference = s.is_word(after)
        && (COMPARATIVES.has(s, after)
            || s.is_word_eq(after, "more")
            || s.is_word_eq(after, "less"))
        && s.is_word_eq(after + 1, "than");
    if difference {
        return (None, false);
    }
    if let Some(np) = measured(s, first, earlier) {
        return (Some(np.0), np.1);
    }
    (None, false)
}

fn is_determiner(s: &Sent, i: usize) -> bool {
    DETERMINERS.has(s, i)
}

/// Quantifiers before the noun of a partitive ("91 percent of all income gains").
const QUANTIFIERS: WordList = WordList::new(&["all", "both", "each", "many", "most", "some"]);

const DETERMINERS: WordList = WordList::new(&[
    "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those",
    "your",
]);

/// "Glenn Mason, 56," / "Sgt Jeremy Daniels, 31 (pictured)": the name before an age.
pub(super) fn age_after_name(s: &Sent, first: usize, last: usize) -> Option<(usize, usize)> {
    if first != last || !s.is_number(first) || first < 2 || !s.is_punct(first - 1, ",") {
        return None;
    }
    let value: u32 = s.word(first).parse().ok()?;
    let closes = s.is_punct(last + 1, ",") || s.is_punct(last + 1, "(") || last + 1 >= s.len();
    if !(1..=120).contains(&value) || !closes {
        return None;
    }
    let end = first - 2;
    let mut start = end;
    while start > 0 && s.is_capitalized(start - 1) {
        start -= 1;
    }
    (s.is_capitalized(end) && !super::NOT_NAMES.has(s, start)).then_some((start, end))
}

/// After "N", the token starting "M things" in "N of M things" / "N out of M things".
fn of_another_number(s: &Sent, after: usize) -> Option<usize> {
    let at = if s.is_word_eq(after, "of") {
        after + 1
    } else if s.is_word_eq(after, "out") && s.is_word_eq(after + 1, "of") {
        after + 2
    } else {
        return None;
    };
    let mut k = at;
    // "out of approximately 300"
    while s.is_word(k) && APPROXIMATELY.has(s, k) {
        k += 1;
    }
    let n = super::number::read(s, k)?;
    Some(n.last + 1)
}

const APPROXIMATELY: WordList = WordList::new(&[
    "about",
    "approximately",
    "around",
    "nearly",
    "roughly",
    "some",
]);

/// Words that never start or continue the noun phrase after a number.
const NOT_NOUNS: WordList = WordList::new(&[
    "a",
    "abroad",
    "accurate",
    "across",
    "after",
    "against",
    "ago",
    "ahead",
    "all",
    "alone",
    "along",
    "also",
    "altogether",
    "among",
    "an",
    "and",
    "annually",
    "another",
    "any",
    "apart",
    "apiece",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "below",
    "between",
    "but",
    "by",
    "came",
    "can",
    "cannot",
    "certain",
    "complete",
    "correct",
    "could",
    "daily",
    "deep",
    "despite",
    "did",
    "died",
    "do",
    "down",
    "during",
    "each",
    "earlier",
    "early",
    "east",
    "effective",
    "else",
    "every",
    "fell",
    "for",
    "from",
    "full",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "high",
    "his",
    "how",
    "if",
    "in",
    "inside",
    "into",
    "is",
    "it",
    "its",
    "last",
    "late",
    "later",
    "left",
    "less",
    "like",
    "likely",
    "long",
    "made",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "near",
    "nearly",
    "next",
    "no",
    "nor",
    "north",
    "not",
    "now",
    "of",
    "off",
    "old",
    "on",
    "once",
    "only",
    "or",
    "our",
    "out",
    "over",
    "past",
    "per",
    "pregnant",
    "rose",
    "safe",
    "said",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "south",
    "still",
    "sure",
    "tall",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "today",
    "together",
    "too",
    "true",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "went",
    "were",
    "west",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "wide",
    "will",
    "with",
    "within",
    "without",
    "worldwide",
    "would",
    "year",
    "yet",
    "you",
]);

/// Participles that say what happened to the things counted ("14,000 civilians killed").
const PARTICIPLES: WordList = WordList::new(&[
    "affected",
    "arrested",
    "dead",
    "detained",
    "displaced",
    "evacuated",
    "infected",
    "injured",
    "killed",
    "missing",
    "polled",
    "questioned",
    "rescued",
    "surveyed",
    "wounded",
]);

/// Can token `i` be a word of the noun phrase after a number? `first`: it would open the
/// phrase, where "-ing" and "-ive" words are nouns and modifiers ("a 275-foot building", "14
/// executive orders"); later they are participles and predicates ("a man living nearby").
fn nominal_at(s: &Sent, i: usize, first: bool) -> bool {
    if !s.is_word(i) {
        return false;
    }
    // "Serie A crowns": a capital letter inside a name.
    let letter_in_name =
        s.word(i).len() == 1 && s.is_capitalized(i) && i > 0 && s.is_capitalized(i - 1);
    if NOT_NOUNS.has(s, i) && !letter_in_name {
        return false;
    }
    let w = s.word(i).to_ascii_lowercase();
    let adverb = w.ends_with("ly") && w.len() > 4 && !LY_NOUNS.contains(&w);
    let adjective_like = !first
        && ["ing", "ive", "ous", "ful", "able", "ible"]
            .iter()
            .any(|suf| w.ends_with(suf) && w.len() > suf.len() + 2);
    let adjective_like = adjective_like || adverb;
    let verb_like = w.ends_with("ed") && w.len() > 4 && !PARTICIPLES.contains(&w);
    // Comparatives ("quicker", "faster"), but not nouns in -er that follow numbers.
    let comparative = w.ends_with("er") && w.len() > 4 && COMPARATIVES.contains(&w);
    !(adjective_like || verb_like || comparative || w.chars().all(|c| c.is_ascii_digit()))
}

/// [`nominal_at`] for a word inside a phrase.
fn nominal(s: &Sent, i: usize) -> bool {
    nominal_at(s, i, false)
}

/// Nouns that end like adverbs.
const LY_NOUNS: WordList = WordList::new(&[
    "ally", "anomaly", "assembly", "belly", "bully", "family", "italy", "july", "monopoly",
    "rally", "reply", "supply",
]);

const COMPARATIVES: WordList = WordList::new(&[
    "bigger", "cheaper", "closer", "deeper", "faster", "greater", "higher", "larger", "longer",
    "lower", "older", "quicker", "shorter", "slower", "smaller", "taller", "wider", "younger",
]);

/// The noun phrase starting at `k`: up to four words that can be nominal, ending at a plural
/// head when `plural` (then a participle and an `of` phrase may follow): `(first, last)`.
fn noun_after(s: &Sent, k: usize, plural: bool) -> Option<(usize, usize)> {
    let mut last = None;
    let mut i = k;
    while i < s.len() && i - k < 4 && nominal_at(s, i, i == k) {
        // A participle only after the head: "civilians killed", not "killed civilians".
        if PARTICIPLES.has(s, i) && !s.is_word_eq(i, "dead") {
            break;
        }
        last = Some(i);
        if plural && (looks_plural(s.word(i)) || IRREGULAR_PLURALS.has(s, i)) {
            break;
        }
        i += 1;
    }
    let mut last = last?;
    // "civilians killed", "doctors surveyed"
    if PARTICIPLES.has(s, last + 1) {
        last += 1;
    } else if s.is_word_eq(last + 1, "of")
        && !is_determiner(s, last + 2)
        && nominal(s, last + 2)
        && !s.is_capitalized(last + 2)
    {
        // "59 counts of sexual assault", "685 photos of macaques"
        let mut j = last + 2;
        while j + 1 < s.len() && j - (last + 2) < 2 && nominal(s, j + 1) && !s.is_capitalized(j + 1)
        {
            j += 1;
        }
        last = j;
    }
    Some((k, last))
}

/// Nouns too empty to be what a figure counts ("a total of $2.5m").
const EMPTY_NOUNS: WordList = WordList::new(&[
    "amount", "average", "estimate", "figure", "maximum", "minimum", "record", "sum", "tally",
    "total",
]);

/// "debts of (approximately) $100 million", "jewellery worth £1.5m": the noun before "of" or
/// "worth".
fn noun_before_of(s: &Sent, first: usize) -> Option<(usize, usize)> {
    let link = first.checked_sub(1)?;
    if !(s.is_word_eq(link, "of") || s.is_word_eq(link, "worth")) {
        return None;
    }
    let head = link.checked_sub(1)?;
    if !s.is_word(head) || EMPTY_NOUNS.has(s, head) || !nominal(s, head) {
        return None;
    }
    let mut start = head;
    while start > 0 && head - start < 3 && nominal(s, start - 1) && !is_determiner(s, start - 1) {
        start -= 1;
    }
    Some((start, head))
}

/// Verbs whose subject is what the figure measures: "lasted five hours", "rose to 3.2%".
const MEASURE_VERBS: WordList = WordList::new(&[
    "amount",
    "amounted",
    "are",
    "average",
    "averaged",
    "averages",
    "be",
    "came",
    "climb",
    "climbed",
    "climbs",
    "cost",
    "costs",
    "decline",
    "declined",
    "declines",
    "decrease",
    "decreased",
    "double",
    "doubled",
    "doubles",
    "drop",
    "dropped",
    "drops",
    "edged",
    "exceed",
    "exceeded",
    "exceeds",
    "fall",
    "fallen",
    "falls",
    "fell",
    "grew",
    "grow",
    "grows",
    "halved",
    "hit",
    "hits",
    "increase",
    "increased",
    "increases",
    "is",
    "jump",
    "jumped",
    "jumps",
    "last",
    "lasted",
    "lasts",
    "measure",
    "measured",
    "measures",
    "narrow",
    "narrowed",
    "numbered",
    "plunge",
    "plunged",
    "reach",
    "reached",
    "reaches",
    "rise",
    "risen",
    "rises",
    "rose",
    "set",
    "slipped",
    "slump",
    "slumped",
    "soar",
    "soared",
    "stand",
    "stands",
    "stood",
    "surge",
    "surged",
    "top",
    "topped",
    "tops",
    "total",
    "totalled",
    "totals",
    "triple",
    "tripled",
    "tumble",
    "tumbled",
    "was",
    "weigh",
    "weighed",
    "weighs",
    "were",
    "widen",
    "widened",
]);

/// Verbs whose object is what the figure measures: "raised interest rates to 5.25%".
const CHANGE_VERBS: WordList = WordList::new(&[
    "boosted",
    "bring",
    "brings",
    "brought",
    "cut",
    "cuts",
    "hiked",
    "increased",
    "lifted",
    "lowered",
    "pushed",
    "pushes",
    "raised",
    "raises",
    "reduced",
    "slashed",
    "takes",
    "took",
    "trimmed",
]);

/// Words between a subject and its verb of measure: "are expected to rise", "will cost".
const VERB_CHAIN: WordList = WordList::new(&[
    "already",
    "also",
    "are",
    "be",
    "been",
    "believed",
    "can",
    "cannot",
    "considered",
    "could",
    "due",
    "estimated",
    "expected",
    "forecast",
    "had",
    "has",
    "have",
    "is",
    "known",
    "likely",
    "may",
    "might",
    "must",
    "not",
    "now",
    "reported",
    "said",
    "seen",
    "set",
    "should",
    "still",
    "thought",
    "to",
    "was",
    "were",
    "will",
    "would",
]);

/// Prepositions between a verb of measure and its figure: "rose to", "declined by", "stood
/// at" ("came in at" too).
const LINKS: WordList = WordList::new(&["at", "by", "to"]);

/// The subject (or object) a verb of measure or change gives the figure starting at `first`,
/// and whether it is a subject.
fn measured(s: &Sent, first: usize, earlier: &[Found]) -> Option<(Span, bool)> {
    let mut k = first.checked_sub(1)?;
    let mut linked = false;
    if LINKS.has(s, k) {
        linked = true;
        k = k.checked_sub(1)?;
        // "came in at"
        if s.is_word_eq(k + 1, "at") && s.is_word_eq(k, "in") {
            k = k.checked_sub(1)?;
        }
    }
    // "jumped 4% to $85": a figure after "to" shares the previous figure's subject.
    if linked && s.is_word_eq(k + 1, "to") {
        let previous = earlier
            .iter()
            .rev()
            .find(|p| p.number.last < first && first - p.number.last <= 4)
            .filter(|p| p.counts_from_subject);
        if let Some(p) = previous {
            return p.counts.map(|c| (c, true));
        }
    }
    // "the top 1 percent": after a determiner, a noun.
    if MEASURE_VERBS.has(s, k) && !(k > 0 && is_determiner(s, k - 1)) {
        let mut v = k;
        while v > 0 && VERB_CHAIN.has(s, v - 1) {
            v -= 1;
        }
        let np = subject_before(s, v.checked_sub(1)?)?;
        return Some((
            Span::new(s.toks[np.0].span.start, s.toks[np.1].span.end),
            true,
        ));
    }
    // "raised interest rates to 5.25%", "brings his commitment to the group to $20 million":
    // the object of a verb of change.
    if linked && s.is_word(k) && nominal(s, k) {
        let (start, end) = subject_before(s, k)?;
        // The object starts after its verb: "The central bank raised interest rates".
        let start = (start..end)
            .rev()
            .find(|&i| CHANGE_VERBS.has(s, i))
            .map_or(start, |v| v + 1);
        if start > 0 && CHANGE_VERBS.has(s, start - 1) {
            return Some((
                Span::new(s.toks[start].span.start, s.toks[end].span.end),
                false,
            ));
        }
    }
    None
}

/// Words that end a subject walked leftwards: verbs, conjunctions, relative pronouns.
const SUBJECT_STOPS: WordList = WordList::new(&[
    "and", "are", "as", "be", "because", "been", "but", "can", "could", "did", "do", "does", "had",
    "has", "have", "if", "is", "may", "might", "must", "or", "said", "says", "should", "so",
    "than", "that", "was", "were", "when", "which", "while", "who", "will", "would",
]);

/// Prepositions a subject may hold: "Talks in Moscow", "Exports to China", "the percentage
/// of young people".
const SUBJECT_PREPOSITIONS: WordList = WordList::new(&["for", "in", "of", "to"]);

/// Other prepositions: a subject walked leftwards ends after them ("… with bail").
const OTHER_PREPOSITIONS: WordList = WordList::new(&[
    "about", "after", "against", "at", "before", "below", "by", "during", "from", "into", "on",
    "over", "since", "through", "under", "with", "without",
]);

/// The longest subject walked, in tokens.
const MAX_SUBJECT: usize = 12;

/// The subject noun phrase ending at token `end`, walking left; a relative clause or
/// appositive between it and its verb ("The bridge, which cost $4.2bn, is …") is stepped over.
fn subject_before(s: &Sent, end: usize) -> Option<(usize, usize)> {
    let mut end = end;
    // "The bridge, which cost $4.2bn to build, is": back over ", which …,".
    if s.is_punct(end, ",") {
        let open = (0..end).rev().find(|&i| s.is_punct(i, ","))?;
        if !(s.is_word_eq(open + 1, "which") || s.is_word_eq(open + 1, "who")) {
            return None;
        }
        end = open.checked_sub(1)?;
    }
    if s.is_word_eq(end, "which") || s.is_word_eq(end, "that") || s.is_word_eq(end, "who") {
        end = end.checked_sub(1)?;
        if s.is_punct(end, ",") {
            end = end.checked_sub(1)?;
        }
    }
    let mut start = None;
    let mut i = end;
    loop {
        let ok = if s.is_word(i) {
            // "people making below $25,000": a preposition before a number stays inside.
            let before_number = s.is_number(i + 1) || matches!(s.word(i + 1), "$" | "£" | "€");
            !SUBJECT_STOPS.has(s, i) && (!OTHER_PREPOSITIONS.has(s, i) || before_number)
        } else {
            s.is_number(i) || matches!(s.word(i), "$" | "£" | "€" | "%" | "'s" | "’s")
        };
        if !ok || end - i >= MAX_SUBJECT {
            break;
        }
        start = Some(i);
        // A determiner opens the phrase unless a preposition governs it ("in the company").
        let governed = i > 0 && SUBJECT_PREPOSITIONS.has(s, i - 1);
        if is_determiner(s, i) && !governed {
            break;
        }
        if i == 0 {
            break;
        }
        i -= 1;
    }
    let mut start = start?;
    // Not a phrase that starts with a preposition or an adverb.
    while start < end
        && (SUBJECT_PREPOSITIONS.has(s, start)
            || s.word(start).to_ascii_lowercase().ends_with("ly"))
    {
        start += 1;
    }
    // A pronoun names nothing: "this can be as little as $71".
    if start == end && PRONOUNS.has(s, start) {
        return None;
    }
    (s.is_word(start) || s.is_number(start)).then_some((start, end))
}

/// Pronouns, which name no counted thing.
const PRONOUNS: WordList = WordList::new(&[
    "he", "i", "it", "she", "that", "them", "there", "these", "they", "this", "those", "we", "you",
]);
