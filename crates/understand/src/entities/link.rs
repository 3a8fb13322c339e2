//! Entity linking inside one article: the mentions of one entity grouped under
//! its fullest name ("Putin" and "Vladimir Putin"; "UN" and "United Nations"),
//! and the roles the article writes next to a person's name ("Russian President
//! Vladimir Putin", "Michael Jensen, a Crosby spokesman").
//!
//! Only names the tagger found are linked; pronouns and descriptions ("the
//! Russian leader") are for the callers that need them (quote speakers).

use brief_core::{Document, Entity, EntityKind, NamedEntity, Span, Token, TokenKind};
use rustc_hash::FxHashMap;

use crate::quotes::first_name_is_female;
use crate::sent::WordList;

/// Words that make a phrase a role or title.
const TITLES: WordList = WordList::new(&[
    "actor",
    "actress",
    "adm",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "assemblyman",
    "attorney",
    "author",
    "bishop",
    "boss",
    "candidate",
    "capt",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "champion",
    "chancellor",
    "chief",
    "coach",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "cpl",
    "dean",
    "defender",
    "delegate",
    "deputy",
    "det",
    "detective",
    "diplomat",
    "director",
    "doctor",
    "dr",
    "driver",
    "economist",
    "editor",
    "envoy",
    "executive",
    "expert",
    "founder",
    "gen",
    "general",
    "goalkeeper",
    "gov",
    "governor",
    "head",
    "inspector",
    "investigator",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lieutenant",
    "lt",
    "maj",
    "manager",
    "mayor",
    "member",
    "midfielder",
    "minister",
    "mp",
    "negotiator",
    "nominee",
    "officer",
    "official",
    "owner",
    "partner",
    "pastor",
    "player",
    "police",
    "pope",
    "premier",
    "president",
    "president-elect",
    "prince",
    "princess",
    "professor",
    "prosecutor",
    "queen",
    "rep",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheriff",
    "singer",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "striker",
    "superintendent",
    "supt",
    "surgeon",
    "teacher",
    "trustee",
    "writer",
]);

/// Words that may stand inside a role before its title ("senior", "former").
const MODIFIERS: WordList = WordList::new(&[
    "acting",
    "assistant",
    "associate",
    "chief",
    "communications",
    "defence",
    "defense",
    "deputy",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "health",
    "interim",
    "interior",
    "lead",
    "longtime",
    "managing",
    "national",
    "press",
    "prime",
    "senior",
    "special",
    "state",
    "then",
    "top",
    "veteran",
    "vice",
]);

/// Heads of institutions' names that take an "of" ("Bank of England", "University of
/// Oklahoma"), sorted.
const OF_HEADS: WordList = WordList::new(&[
    "academy",
    "bank",
    "board",
    "bureau",
    "church",
    "college",
    "council",
    "court",
    "department",
    "house",
    "institute",
    "ministry",
    "news",
    "school",
    "university",
]);

/// Longest role we read on either side of a name, in tokens.
const MAX_ROLE_TOKENS: usize = 12;

/// Groups `mentions` (in text order, as [`super::recognize`] returns them) into
/// entities, in order of first mention.
pub fn link(text: &str, doc: &Document, mentions: &[Entity]) -> Vec<NamedEntity> {
    let mut words: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| name_words(&text[m.span.start..m.span.end]))
        .collect();
    // "Mr Cameron" is David Cameron: a person's honorific is no word of the name, but it
    // tells the sex, which a first name must not contradict ("Mrs Cruz" is not Ted Cruz).
    let honorifics: Vec<Option<bool>> = mentions
        .iter()
        .zip(&mut words)
        .map(|(m, w)| {
            if m.kind == EntityKind::Person {
                strip_honorific(w)
            } else {
                None
            }
        })
        .collect();
    // Longest names first, so that each entity's canonical name is its fullest.
    let mut order: Vec<usize> = (0..mentions.len())
        .filter(|&i| !words[i].is_empty())
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(words[i].len()), mentions[i].span.start));
    // (canonical mention, members)
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    // A mention joins only a group whose canonical name holds every word of it, or, a single
    // word, has it for initials (see `same_entity`): the groups are indexed by both, and a
    // mention is compared with those under its rarest word alone, not with every group.
    let mut by_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_initials: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut candidates: Vec<usize> = Vec::new();
    for i in order {
        let rarest = words[i]
            .iter()
            .map(|w| by_word.get(w.as_str()).map_or(&[][..], Vec::as_slice))
            .min_by_key(|groups| groups.len())
            .unwrap_or(&[]);
        candidates.clear();
        candidates.extend(rarest);
        if let [single] = words[i].as_slice() {
            candidates.extend(by_initials.get(single.as_str()).into_iter().flatten());
        }
        candidates.sort_unstable();
        candidates.dedup();
        // In the order the groups were made, as a scan of them all would meet them (on a
        // tie the last wins). Of several people a surname may name, it names the one the
        // article introduced first, its subject: after "Conrad Hilton, the younger brother
        // of celebrity heiress Paris Hilton", "Hilton" is Conrad, however often the father
        // "Rick Hilton" comes up. Anything else joins the largest group ("John" after
        // "their children, Laura and John" is not the earlier "John Coltrane" of the story).
        let joined = candidates
            .iter()
            .copied()
            .filter(|&g| {
                let c = groups[g].0;
                let contradicted = honorifics[i].is_some_and(|female| {
                    words[c].first().and_then(|f| first_name_is_female(f)) == Some(!female)
                        || honorifics[c] == Some(!female)
                });
                !contradicted && same_entity(&mentions[i], &words[i], &mentions[c], &words[c])
            })
            .max_by_key(|&g| {
                let (canonical, members) = &groups[g];
                let surname =
                    matches!(words[i].as_slice(), [w] if words[*canonical].last() == Some(w));
                if surname {
                    let introduced = members.iter().map(|&m| mentions[m].span.start).min();
                    (true, -(introduced.unwrap_or(0) as i64))
                } else {
                    (false, members.len() as i64)
                }
            });
        match joined {
            Some(g) => groups[g].1.push(i),
            None => {
                let g = groups.len();
                groups.push((i, vec![i]));
                for word in &words[i] {
                    let list = by_word.entry(word.as_str()).or_default();
                    if list.last() != Some(&g) {
                        list.push(g);
                    }
                }
                if let Some(key) = initials(&words[i]) {
                    by_initials.entry(key).or_default().push(g);
                }
            }
        }
    }
    let mut entities: Vec<NamedEntity> = groups
        .into_iter()
        .map(|(canonical, mut members)| {
            members.sort_unstable();
            let kind = mentions[canonical].kind;
            let spans: Vec<Span> = members.iter().map(|&m| mentions[m].span).collect();
            let mut roles: Vec<Span> = Vec::new();
            // A "person" named only by titles ("Manager" of "General Manager") is the
            // tagger's mistake: no role makes it somebody.
            let named = !words[canonical].iter().all(|w| is_title(w));
            if kind == EntityKind::Person && named {
                for &span in &spans {
                    for role in roles_around(text, doc, span) {
                        let new = !roles.iter().any(|r| {
                            text[r.start..r.end].eq_ignore_ascii_case(&text[role.start..role.end])
                        });
                        if new {
                            roles.push(role);
                        }
                    }
                }
            }
            NamedEntity {
                kind,
                canonical: mentions[canonical].span,
                mentions: spans,
                roles,
            }
        })
        .collect();
    entities.sort_by_key(|e| e.mentions.first().map(|m| m.start));
    entities
}

/// Takes a leading honorific off a person's name words ("mr", "cameron" → "cameron"), when
/// a name follows it, and tells the sex it gives: `Some(true)` for a woman's ("Mrs", "Ms"),
/// `Some(false)` for a man's ("Mr", "Sir"), none for "Dr" or no honorific.
fn strip_honorific(words: &mut Vec<String>) -> Option<bool> {
    if words.len() < 2 {
        return None;
    }
    let female = match words[0].as_str() {
        "mr" | "sir" | "lord" => Some(false),
        "mrs" | "ms" | "miss" | "dame" | "lady" => Some(true),
        "dr" | "prof" | "rev" => None,
        _ => return None,
    };
    words.remove(0);
    female
}

/// The lower-cased words of a name, without a leading "the" or a possessive; of a name with
/// an owner ("NASA's Hubble Space Telescope"), the words after the owner's, so that the
/// owner ("NASA") is no mention of it.
fn name_words(name: &str) -> Vec<String> {
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name);
    // Most names have no apostrophe: one byte scan turns them away.
    let owned = memchr::memchr2(b'\'', 0xe2, name.as_bytes()).and_then(|_| {
        ["'s ", "’s "]
            .iter()
            .filter_map(|mark| name.rfind(mark).map(|at| at + mark.len()))
            .max()
    });
    let name = owned.map_or(name, |at| &name[at..]);
    let mut words: Vec<String> = name
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words
}

/// Whether `mention` names the same entity as the group whose canonical mention is `canonical`.
fn same_entity(mention: &Entity, words: &[String], canonical: &Entity, full: &[String]) -> bool {
    if words == full {
        return true;
    }
    let person_part = canonical.kind == EntityKind::Person
        && full.len() >= 2
        && words.len() == 1
        && (full.last() == words.first() || full.first() == words.first());
    if person_part {
        return true;
    }
    if mention.kind != canonical.kind {
        return false;
    }
    // The last word of a name is its head: a place's or organisation's name that ends with
    // another's words is that thing, narrowed ("U.S. Supreme Court", "eastern Ukraine"); one
    // that starts with them names a part or a different thing ("BBC Newsbeat", "NATO
    // European"), unless all it adds is a company's or party's generic ending ("Apple Inc",
    // "Labour Party") or a phrase after a preposition ("Syrian Observatory for Human Rights",
    // "Partners in Health"). A person's name holds its shorter forms anywhere.
    let contained = words.len() < full.len()
        && if mention.kind == EntityKind::Person {
            full.windows(words.len()).any(|w| w == words)
        } else {
            full.ends_with(words)
                || (full.starts_with(words)
                    && (full[words.len()..].iter().all(|w| ORG_ENDINGS.contains(w))
                        || matches!(
                            full[words.len()].as_str(),
                            "and" | "for" | "in" | "of" | "on"
                        )))
        };
    contained || is_acronym(words, full)
}

/// Generic last words of an organisation's name that a short mention leaves off ("Apple"
/// for "Apple Inc", "Labour" for "Labour Party"), sorted.
const ORG_ENDINGS: WordList = WordList::new(&[
    "ag",
    "co",
    "company",
    "corp",
    "corporation",
    "fc",
    "group",
    "holdings",
    "inc",
    "llc",
    "ltd",
    "party",
    "plc",
]);

/// The initials of a name of two words or more, as [`is_acronym`] reads them.
fn initials(full: &[String]) -> Option<String> {
    (full.len() >= 2).then(|| {
        full.iter()
            .filter(|w| !matches!(w.as_str(), "of" | "for" | "and" | "the"))
            .filter_map(|w| w.chars().next())
            .collect()
    })
}

/// "UN" for "United Nations", "EU" for "the European Union".
fn is_acronym(words: &[String], full: &[String]) -> bool {
    let [short] = words else { return false };
    short.len() >= 2 && initials(full).is_some_and(|i| *short == i)
}

/// True for a word of a person's title or role ("president", "leader", "spokesman").
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(word.trim_end_matches('.'))
}

fn is_modifier(word: &str) -> bool {
    MODIFIERS.contains(word)
}

/// Prepositions whose object a role before a comma may be ("According to Seoul police,
/// Lippert …").
const PREPOSITIONS: WordList = WordList::new(&[
    "about", "at", "by", "for", "from", "in", "of", "on", "to", "with",
]);

/// Words that never start a role: verbs of saying and common function words.
fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(word)
}

/// The words of [`is_function_word`], sorted.
const FUNCTION_WORDS: WordList = WordList::new(&[
    "about",
    "according",
    "added",
    "after",
    "also",
    "been",
    "before",
    "could",
    "even",
    "from",
    "have",
    "into",
    "said",
    "says",
    "should",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "they",
    "this",
    "told",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
]);

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// Roles written right before a name ("Putin's senior aide Yuri Ushakov") and
/// in an apposition right after it ("Michael Jensen, a Crosby spokesman,").
fn roles_around(text: &str, doc: &Document, name: Span) -> Vec<Span> {
    // Sentences and their tokens are in text order: binary searches find the name's.
    let Some(sentence) = doc
        .sentences
        .get(doc.sentence_from(name.start))
        .filter(|s| s.span.contains(name))
    else {
        return Vec::new();
    };
    let tokens = &sentence.tokens;
    let word = |t: &Token| &text[t.span.start..t.span.end];
    let first = tokens.partition_point(|t| t.span.start < name.start);
    if first == tokens.len() {
        return Vec::new();
    }
    let last = tokens
        .partition_point(|t| t.span.end <= name.end)
        .checked_sub(1)
        .unwrap_or(first);
    let mut roles = Vec::new();

    // Before: capitalised words, modifiers, titles and possessives, one title at least.
    let mut start = first;
    let mut cursor = first;
    let across_comma =
        cursor > 1 && word(&tokens[cursor - 1]) == "," && is_title(word(&tokens[cursor - 2]));
    if across_comma {
        cursor -= 1;
    }
    // An abbreviated title's full stop ("Gov. Mike Huckabee", "Sen. Rick Santorum").
    if cursor > 1
        && word(&tokens[cursor - 1]) == "."
        && tokens[cursor - 1].span.start == tokens[cursor - 2].span.end
        && is_title(word(&tokens[cursor - 2]))
    {
        cursor -= 1;
    }
    let mut titled = false;
    while cursor > 0 && first - cursor < MAX_ROLE_TOKENS {
        let t = &tokens[cursor - 1];
        let w = word(t);
        // A lower-case noun right before a title belongs to it ("council leader",
        // "police chief"); a function word or verb ends the role.
        // Not before "former": "faces former Arkansas Gov." is a verb's object. Before a
        // capitalised title the word names an occupation ("pediatrician Dr.", "police Capt.",
        // "specialist Dr."), where a verb's object is common ("shook Dr. Phil", "urge
        // President Obama").
        let next = word(&tokens[cursor.min(first)]);
        let compound = cursor < first
            && (is_title(next) || is_modifier(next))
            && !next.eq_ignore_ascii_case("former")
            && (next.starts_with(char::is_lowercase) || names_occupation(w))
            && w.chars().next().is_some_and(char::is_lowercase)
            && w.len() > 3
            && !is_function_word(w)
            // Nor is a verb or a function word ("includes director Steven Spielberg",
            // "between singer Chris Brown").
            && !crate::words::is_stop_word(&w.to_lowercase())
            && crate::word_classes::class_of(&w.to_lowercase())
                != Some(crate::word_classes::WordClass::Verb)
            // An adverb or a participle is no part of the noun ("notably former Foreign
            // Minister", "supported President"), nor a verb in "-ing" before a capitalised
            // title ("slamming President Barack Obama"; "housing minister" is one).
            && !(w.ends_with("ly") || w.ends_with("ed"))
            && !(w.ends_with("ing") && next.starts_with(char::is_uppercase));
        // "of" after a capitalised title or head of an institution's name, and "the" after
        // such an "of", belong to the role ("Secretary of State", "Bank of England
        // Governor", "Chairman of the Joint Chiefs of Staff"); not right before the name
        // ("Member of Barbie"), after another name ("United States of Afghan President")
        // or after a title in lower case ("a member of the …", an apposition's).
        let heads_of = |b: usize| {
            let h = word(&tokens[b]);
            h.starts_with(char::is_uppercase)
                && (is_title(h)
                    || is_title(h.strip_suffix('s').unwrap_or(h))
                    || OF_HEADS.contains(h))
        };
        let joins = cursor < first
            && match w {
                "of" => cursor >= 2 && heads_of(cursor - 2),
                "the" => cursor >= 3 && word(&tokens[cursor - 2]) == "of" && heads_of(cursor - 3),
                _ => false,
            };
        let fits = t.kind == TokenKind::Word
            && (compound
                || joins
                || is_title(w)
                || is_modifier(w)
                || is_possessive(w)
                || w.chars().next().is_some_and(char::is_uppercase));
        if !fits {
            break;
        }
        titled |= is_title(w);
        cursor -= 1;
        if compound || is_title(w) || is_modifier(w) || is_possessive(w) || titled {
            start = cursor;
        }
    }
    // "al Qaeda in Iraq founder Abu Musab al-Zarqawi": a role that opens on a name's last
    // words after its "in" takes in the whole name, not "Iraq founder".
    if titled && start < first && start == cursor {
        if let Some(name_start) = name_before_preposition(text, tokens, start) {
            start = name_start;
        }
    }
    if titled && start < first {
        let mut end = first;
        while end > start && word(&tokens[end - 1]) == "," {
            end -= 1;
        }
        // A role starts at its first title, modifier or possessive, not at a
        // capitalised sentence opener before them.
        while start < end && !titled_prefix(text, &tokens[start..end]) {
            start += 1;
        }
        // "According to Seoul police, Lippert was slashed": a preposition's object before
        // the comma is no apposition of a name that opens the clause after it (one that
        // ends a phrase is: "according to Niger's former prime minister, Mahamadou Danda.").
        let opens_clause = tokens
            .get(last + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && !PREPOSITIONS.contains(word(t)));
        let object = across_comma
            && opens_clause
            && start > 0
            && PREPOSITIONS.contains(word(&tokens[start - 1]));
        if start < end && !object {
            roles.push(Span::new(
                tokens[start].span.start,
                tokens[end - 1].span.end,
            ));
        }
    }

    // After: ", a/an/the … title …" up to the next comma or the sentence end.
    if tokens.get(last + 1).is_some_and(|t| word(t) == ",") {
        let from = last + 2;
        let mut to = from;
        let mut titled = false;
        // A finite verb makes the words after the comma a clause of their own ("According
        // to his fiancée, Shayanna Jenkins, the player had not been at a club"), no role.
        let mut clause = false;
        while to < tokens.len() && to - from < MAX_ROLE_TOKENS {
            let w = word(&tokens[to]);
            if matches!(tokens[to].kind, TokenKind::Punct | TokenKind::Quote)
                || matches!(w, "who" | "which" | "said" | "says" | "told")
            {
                break;
            }
            // Auxiliaries and modals are finite wherever they stand: no apposition holds one.
            clause |= crate::words::FINITE_VERBS.contains(&w);
            titled |= is_title(w);
            to += 1;
        }
        let closed = tokens
            .get(to)
            .is_none_or(|t| matches!(word(t), "," | "." | ";" | ")"));
        let opener = tokens.get(from).map(word).is_some_and(|w| {
            matches!(w.to_lowercase().as_str(), "a" | "an" | "the")
                || is_title(w)
                || is_modifier(w)
                || is_possessive(w)
        });
        // A title followed by a name is another person's ("George W. Bush, former Vice
        // President Dick Cheney"), not this one's role.
        // An abbreviated title's full stop ends the run: "former Pennsylvania Sen. Rick
        // Santorum" names Santorum too.
        let last_title = (from..to).rev().find(|&i| is_title(word(&tokens[i])));
        let capitalised = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| word(t).starts_with(char::is_uppercase))
        };
        let names_another = last_title.is_some_and(|t| {
            (t + 2 < to && (t + 1..=t + 2).all(capitalised))
                || (t + 1 == to
                    && tokens
                        .get(to)
                        .is_some_and(|p| word(p) == "." && p.span.start == tokens[t].span.end)
                    && capitalised(to + 1))
        });
        if titled && closed && opener && to > from && !names_another && !clause {
            roles.push(Span::new(tokens[from].span.start, tokens[to - 1].span.end));
        }
    }
    roles
}

/// Lower-case words inside names ("al Qaeda", "Osama bin Laden").
const NAME_PARTICLES: &[&str] = &["al", "bin", "da", "de", "del", "el", "la", "van", "von"];

/// Most words of a name before the "in" inside it ("al Qaeda").
const NAME_HEAD_WORDS: usize = 4;

/// Where the name starts whose last words open a role at token `start` ("Iraq" of "al
/// Qaeda in Iraq founder"): the role's first word is a capitalised word that is no title,
/// the word before it "in" (maybe with "the": "in the Arabian Peninsula"), and capitalised
/// words or name particles before that. `None` when the words do not read so. An "of"
/// joins a role only after a title or an institution's head ("Bank of England Governor"),
/// not after another name ("the United States of Afghan President Ashraf Ghani").
fn name_before_preposition(text: &str, tokens: &[Token], start: usize) -> Option<usize> {
    let word = |i: usize| super::token_text(text, tokens, i);
    let capitalised = |i: usize| super::capitalised_word(text, tokens, i);
    let first = word(start);
    if !capitalised(start) || is_title(first) || is_modifier(first) || is_possessive(first) {
        return None;
    }
    let mut p = start.checked_sub(1)?;
    if word(p) == "the" {
        p = p.checked_sub(1)?;
    }
    if word(p) != "in" || p == 0 || !capitalised(p - 1) {
        return None;
    }
    let mut from = p - 1;
    while from > 0
        && p - from < NAME_HEAD_WORDS
        && (capitalised(from - 1) || NAME_PARTICLES.contains(&word(from - 1)))
    {
        from -= 1;
    }
    Some(from)
}

/// True for a lower-case word that names an occupation: a title itself, or a noun of a
/// doer ("pediatrician", "specialist", "investigator", "spokesman", "spokeswoman").
fn names_occupation(word: &str) -> bool {
    is_title(word)
        || is_modifier(word)
        || ["er", "or", "ist", "ian", "ant", "ent", "man"]
            .iter()
            .any(|end| word.ends_with(end))
}

/// Words before a title that open no role: articles, conjunctions, prepositions, "of",
/// pronouns and subordinators opening the sentence ("He faces …", "While Gov.").
const NOT_ROLE_OPENERS: &[&str] = &[
    "But", "And", "The", "A", "An", "In", "On", "At", "As", "of", "the", "He", "She", "It", "They",
    "We", "I", "When", "While", "After", "Before", "If", "Since", "Because", "Although", "Though",
    "Once", "Until", "Like", "With", "For", "From", "By", "To", "Under", "During", "Against",
    "Despite", "Amid",
];

/// Whether a run of tokens, read from its start, is a role: some title, and its
/// first word a title, modifier, possessive or capitalised qualifier ("Russian").
fn titled_prefix(text: &str, tokens: &[Token]) -> bool {
    let word = |t: &Token| &text[t.span.start..t.span.end];
    tokens.iter().any(|t| is_title(word(t)))
        && tokens.first().is_some_and(|t| {
            let w = word(t);
            is_title(w) || is_modifier(w) || is_possessive(w) || !NOT_ROLE_OPENERS.contains(&w)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::Article;

    #[test]
    fn word_lists_are_read_in_any_case() {
        assert!(is_title("President") && is_title("Sen.") && is_title("CEO"));
        assert!(is_modifier("Former") && !is_modifier("Formerly"));
        assert!(is_function_word("According") && !is_function_word("accord"));
        assert!(!is_title("Präsident"));
        let words = |s: &[&str]| s.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert!(is_acronym(&words(&["un"]), &words(&["united", "nations"])));
        assert!(is_acronym(&words(&["eu"]), &words(&["european", "union"])));
        assert!(!is_acronym(&words(&["u"]), &words(&["united"])));
        assert!(!is_acronym(&words(&["ue"]), &words(&["united", "nations"])));
    }

    /// The canonical name of the entity `mentions[k]` joins once `mentions` are linked.
    fn canonical_of<'a>(
        article: &'a Article,
        doc: &Document,
        mentions: &[Entity],
        k: usize,
    ) -> Option<&'a str> {
        link(&article.text, doc, mentions)
            .iter()
            .find(|e| e.mentions.contains(&mentions[k].span))
            .map(|e| article.slice(e.canonical))
    }

    #[test]
    fn an_honorific_joins_the_full_name_its_sex_allows() {
        let text = "David Cameron and Ted Cruz spoke. Mr Cameron left. Mrs Cruz stayed. \
                    Mr. Cruz waved.";
        let article = Article::from_text("t", text);
        let doc = crate::understand(&article);
        let person = |name: &str, from: usize| {
            let start = from + text[from..].find(name).expect("in the text");
            Entity {
                span: Span::new(start, start + name.len()),
                kind: EntityKind::Person,
            }
        };
        let mentions = [
            person("David Cameron", 0),
            person("Ted Cruz", 0),
            person("Mr Cameron", 0),
            person("Mrs Cruz", 0),
            person("Mr. Cruz", 0),
        ];
        let canonical_of = |k: usize| canonical_of(&article, &doc, &mentions, k);
        assert_eq!(canonical_of(2), Some("David Cameron"));
        assert_eq!(canonical_of(4), Some("Ted Cruz"));
        // A woman's honorific does not join a man's first name.
        assert_eq!(canonical_of(3), Some("Mrs Cruz"));
    }

    #[test]
    fn a_surname_names_the_person_introduced_first_and_a_first_name_the_likeliest() {
        let text = "Conrad Hilton, the brother of Paris Hilton, was charged. His father is Rick \
                    Hilton, and Rick Hilton paid. Rick Hilton spoke. Hilton yelled. Jazz great \
                    John Coltrane played. The pastor's son John Craddock runs a firm. John \
                    Craddock spoke, and John Craddock left. John smiled.";
        let article = Article::from_text("t", text);
        let doc = crate::understand(&article);
        // The `nth` mention of `name`, or its first word alone when `alone`.
        let person = |name: &str, nth: usize, alone: bool| {
            let start = text.match_indices(name).nth(nth).expect("in the text").0;
            let len = if alone {
                name.find(' ').unwrap_or(name.len())
            } else {
                name.len()
            };
            Entity {
                span: Span::new(start, start + len),
                kind: EntityKind::Person,
            }
        };
        let mentions = [
            person("Conrad Hilton", 0, false),
            person("Paris Hilton", 0, false),
            person("Rick Hilton", 0, false),
            person("Rick Hilton", 1, false),
            person("Rick Hilton", 2, false),
            person("Hilton yelled", 0, true),
            person("John Coltrane", 0, false),
            person("John Craddock", 0, false),
            person("John Craddock", 1, false),
            person("John Craddock", 2, false),
            person("John smiled", 0, true),
        ];
        let canonical_of = |k: usize| canonical_of(&article, &doc, &mentions, k);
        // "Hilton" is Conrad, introduced first, though Rick is named more often.
        assert_eq!(canonical_of(5), Some("Conrad Hilton"));
        // "John" is no surname: it goes with the John named most, not the first one.
        assert_eq!(canonical_of(10), Some("John Craddock"));
    }

    #[test]
    fn a_person_named_only_by_titles_gets_no_role() {
        let text = "Evelyn Mazzocco, General Manager of Barbie, spoke.";
        let article = Article::from_text("t", text);
        let doc = crate::understand(&article);
        let at = |name: &str| {
            let start = text.find(name).expect("in the text");
            Span::new(start, start + name.len())
        };
        let person = |span| Entity {
            span,
            kind: EntityKind::Person,
        };
        let entities = link(
            text,
            &doc,
            &[person(at("Evelyn Mazzocco")), person(at("Manager"))],
        );
        let roles = |name: &str| {
            entities
                .iter()
                .find(|e| article.slice(e.canonical) == name)
                .map(|e| e.roles.len())
        };
        assert_eq!(roles("Manager"), Some(0));
        assert!(roles("Evelyn Mazzocco").is_some_and(|n| n > 0));
    }

    /// The roles `linked` found for the entity named `name` (none when there is no such
    /// entity).
    fn roles_of(got: &[(String, Vec<String>, usize)], name: &str) -> Vec<String> {
        got.iter()
            .find(|(n, ..)| n == name)
            .map(|(_, roles, _)| roles.clone())
            .unwrap_or_default()
    }

    fn linked(text: &str) -> Vec<(String, Vec<String>, usize)> {
        let article = Article::from_text("t", text);
        let doc = crate::understand(&article);
        let mentions = super::super::recognize(&article.text, &doc);
        link(&article.text, &doc, &mentions)
            .iter()
            .map(|e| {
                (
                    article.slice(e.canonical).to_string(),
                    e.roles
                        .iter()
                        .map(|r| article.slice(*r).to_string())
                        .collect(),
                    e.mentions.len(),
                )
            })
            .collect()
    }

    #[test]
    fn roles_take_in_their_of_phrases() {
        let got = linked(
            "Secretary of State John Kerry met Bank of England Governor Mark Carney in London. \
             Chairman of the Joint Chiefs of Staff Martin Dempsey said the plan was sound. \
             He thanked the late singer Ann Lowe and the United States of Afghan President \
             Ashraf Ghani. Critics, notably former Foreign Minister Tzipi Livni, objected. \
             The guests were Tom Hale, former Vice President Dick Cheney and others. \
             He faces former Arkansas Gov. Mike Huckabee, former Pennsylvania Sen. Rick \
             Santorum and Ben Carson, slamming President Barack Obama.",
        );
        let roles = |name: &str| roles_of(&got, name);
        assert_eq!(roles("John Kerry"), ["Secretary of State"], "{got:?}");
        assert_eq!(
            roles("Mark Carney"),
            ["Bank of England Governor"],
            "{got:?}"
        );
        assert_eq!(
            roles("Martin Dempsey"),
            ["Chairman of the Joint Chiefs of Staff"],
            "{got:?}"
        );
        assert_eq!(roles("Ann Lowe"), ["late singer"], "{got:?}");
        assert_eq!(roles("Ashraf Ghani"), ["Afghan President"], "{got:?}");
        assert_eq!(roles("Tzipi Livni"), ["former Foreign Minister"], "{got:?}");
        assert!(roles("Tom Hale").is_empty(), "{got:?}");
        assert_eq!(roles("Dick Cheney"), ["former Vice President"], "{got:?}");
        assert_eq!(roles("Mike Huckabee"), ["former Arkansas Gov."], "{got:?}");
        assert_eq!(
            roles("Rick Santorum"),
            ["former Pennsylvania Sen."],
            "{got:?}"
        );
        assert_eq!(roles("Barack Obama"), ["President"], "{got:?}");
    }

    #[test]
    fn a_role_after_an_organisation_s_in_takes_in_its_whole_name() {
        let got = linked(
            "He trained with al Qaeda in Iraq founder Abu Musab al-Zarqawi in 2004. Al Qaeda in \
             the Arabian Peninsula leader Nasir al-Wuhayshi was killed. He thanked the troops in \
             Iraq commander John Allen leads.",
        );
        let roles = |name: &str| roles_of(&got, name);
        assert_eq!(
            roles("Abu Musab al-Zarqawi"),
            ["al Qaeda in Iraq founder"],
            "{got:?}"
        );
        assert_eq!(
            roles("Nasir al-Wuhayshi"),
            ["Al Qaeda in the Arabian Peninsula leader"],
            "{got:?}"
        );
        // A lower-case word before the "in" names nothing: the role stays as it was.
        assert_eq!(roles("John Allen"), ["Iraq commander"], "{got:?}");
    }

    #[test]
    fn a_prepositions_object_before_a_comma_is_no_role() {
        let got = linked(
            "The ambassador, Mark Lippert, was attacked. According to Seoul police, Lippert \
             was slashed on his cheek. The spokesman, Tom Hale, said little.",
        );
        let roles = |name: &str| roles_of(&got, name);
        assert!(
            !roles("Mark Lippert").iter().any(|r| r.contains("police")),
            "{got:?}"
        );
        assert_eq!(roles("Tom Hale"), ["spokesman"], "{got:?}");
    }

    #[test]
    fn short_names_join_full_names_with_roles() {
        let got = linked(
            "Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow. \
             Putin's senior aide Yuri Ushakov said no compromise had been found. \
             Putin did not speak to reporters.",
        );
        let putin = got
            .iter()
            .find(|(name, ..)| name == "Vladimir Putin")
            .expect("Putin linked");
        assert_eq!(putin.2, 3, "{got:?}");
        assert!(
            putin.1.contains(&"Russian President".to_string()),
            "{got:?}"
        );
        let ushakov = got
            .iter()
            .find(|(name, ..)| name == "Yuri Ushakov")
            .expect("Ushakov");
        assert_eq!(
            ushakov.1,
            vec!["Putin's senior aide".to_string()],
            "{got:?}"
        );
        let witkoff = got
            .iter()
            .find(|(name, ..)| name == "Steve Witkoff")
            .expect("Witkoff");
        assert_eq!(witkoff.1, vec!["US envoy".to_string()], "{got:?}");
    }

    #[test]
    fn appositions_after_names() {
        let got = linked(
            "\"He wishes the jogger a speedy recovery,\" said Michael Jensen, a Crosby spokesman. \
             Jensen declined to say more.",
        );
        let jensen = got
            .iter()
            .find(|(name, ..)| name == "Michael Jensen")
            .expect("Jensen");
        let got_delgado =
            linked("\"We cannot wait,\" said council leader Maria Delgado on Tuesday.");
        assert_eq!(
            got_delgado[0].1,
            vec!["council leader".to_string()],
            "{got_delgado:?}"
        );
        assert_eq!(jensen.1, vec!["a Crosby spokesman".to_string()], "{got:?}");
        assert_eq!(jensen.2, 2);
        // A verb or a preposition before a lower-case title is no part of the role.
        let got = linked("The panel includes director Steven Spielberg and others.");
        let spielberg = got
            .iter()
            .find(|(name, ..)| name == "Steven Spielberg")
            .expect("Spielberg");
        assert_eq!(spielberg.1, vec!["director".to_string()], "{got:?}");
        // The words after the comma are a clause of their own: no role.
        let got = linked(
            "According to testimony from his fiancée, Shayanna Jenkins, the player had not \
             been at a club.",
        );
        let jenkins = got
            .iter()
            .find(|(name, ..)| name == "Shayanna Jenkins")
            .expect("Jenkins");
        assert!(jenkins.1.is_empty(), "{got:?}");
    }

    #[test]
    fn acronyms_and_contained_names() {
        let a = Entity {
            span: Span::new(0, 2),
            kind: EntityKind::Organization,
        };
        let full = Entity {
            span: Span::new(0, 14),
            kind: EntityKind::Organization,
        };
        let un = vec!["un".to_string()];
        let united = vec!["united".to_string(), "nations".to_string()];
        assert!(same_entity(&a, &un, &full, &united));
        assert!(!same_entity(&a, &["eu".to_string()], &full, &united));
        assert_eq!(name_words("the European Union's"), ["european", "union"]);
        // A name that another ends is that thing narrowed; one it opens is another thing,
        // unless a generic ending or a phrase after a preposition is all that follows.
        let joins =
            |short: &str, long: &str| same_entity(&a, &name_words(short), &full, &name_words(long));
        assert!(joins("Ukraine", "eastern Ukraine"));
        assert!(joins("Justice Department", "U.S. Justice Department"));
        assert!(joins("Apple", "Apple Inc"));
        assert!(joins(
            "Syrian Observatory",
            "Syrian Observatory for Human Rights"
        ));
        assert!(!joins("BBC", "BBC Newsbeat"));
        assert!(!joins("NATO", "NATO European"));
        assert!(!joins(
            "Security Council",
            "U.N. Security Council member states"
        ));
        // An owner is no mention of what it owns.
        assert_eq!(
            name_words("NASA's Hubble Space Telescope"),
            ["hubble", "space", "telescope"]
        );
    }
}
