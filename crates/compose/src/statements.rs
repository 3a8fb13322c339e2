//! "Who Said What": the statements of the people and organisations an article
//! quotes most. Each line is the speaker's name (with a role the article gives
//! them), the cue and the statement, every part a span of the article listed as a
//! source in that order, so the line stays faithful.

use crate::heading::within_limits;
use crate::{one_line, provenance};
use brief_core::{
    Article, BriefSentence, Document, EntityKind, NamedEntity, Quote, Section, Span, TokenKind,
};
use brief_understand::word_classes::WordClass;
use rustc_hash::FxHashMap;
use std::cell::OnceCell;

/// The heading of the statements section.
pub const WHO_SAID_WHAT: &str = "Who Said What";

/// The heading, in the words of the lines it heads: "Who Said What" where one says "said",
/// "Who Says What" where one says "says" (an article in the present tense), else after the
/// first verb the lines show ("Who Reported What", "Who Wrote What"), so that the heading's
/// verb is one its section shows, or with none, after the speakers' `names`. `verbs` are the
/// last words of the cues shown, in order.
fn heading(lines: &[BriefSentence], verbs: &[&str], names: &[&str]) -> String {
    let has = |word: &str| {
        lines.iter().any(|l| {
            l.text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        })
    };
    if has("said") {
        return WHO_SAID_WHAT.to_string();
    }
    if has("says") {
        return "Who Says What".to_string();
    }
    if let Some(verb) = verbs.iter().find(|v| HEADING_VERBS.contains(v)) {
        return format!("Who {}{} What", verb[..1].to_ascii_uppercase(), &verb[1..]);
    }
    // No verb to root the heading in ("Supreme Court: this is constitutional …", after
    // "according to"): the speakers' names do, as many as a heading's seven words hold.
    let mut heading = format!("{WHO_SAID_WHAT}:");
    for (n, name) in names.iter().enumerate() {
        let longer = format!("{heading}{}{name}", if n > 0 { ", " } else { " " });
        if !within_limits(&longer) {
            break;
        }
        heading = longer;
    }
    match names.first() {
        Some(first) if heading.ends_with(':') && within_limits(first) => (*first).to_string(),
        _ => heading.trim_end_matches(':').to_string(),
    }
}
/// Cues that make a heading in "Who … What": verbs of telling that take what is told as
/// their object, in the past or the present ("Who Reported What", not "Who Apologized
/// What" nor, after an auxiliary, "Who Respond What").
const HEADING_VERBS: &[&str] = &[
    "added",
    "adds",
    "admits",
    "admitted",
    "announced",
    "announces",
    "asked",
    "asks",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "denied",
    "denies",
    "described",
    "describes",
    "explained",
    "explains",
    "noted",
    "notes",
    "posted",
    "posts",
    "predicted",
    "predicts",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "stated",
    "states",
    "suggested",
    "suggests",
    "tells",
    "told",
    "tweeted",
    "tweets",
    "wrote",
    "writes",
];

/// Most speakers listed.
const MAX_SPEAKERS: usize = 4;
/// Most statements listed per speaker.
const MAX_PER_SPEAKER: usize = 2;
/// Statements longer than this, in words, are left to the sections.
const MAX_STATEMENT_WORDS: usize = 45;
/// Statements shorter than this say too little alone.
const MIN_STATEMENT_WORDS: usize = 4;

/// A speaker as the section shows them: the span that names them, and a role.
struct Voice {
    name: Span,
    role: Option<Span>,
    /// The role and the full name as the article writes them together, role first
    /// ("Turkish President Recep Tayyip Erdogan", "Col. Ziaul Ahsan"): how the first line
    /// introduces them, as a reader expects, rather than "Name, role,".
    titled: Option<Span>,
    statements: Vec<usize>,
    first: usize,
}

/// The section, when the article attributes statements to named speakers.
pub fn who_said_what(
    article: &Article,
    doc: &Document,
    quotes: &[Quote],
    entities: &[NamedEntity],
) -> Option<Section> {
    let text = &article.text;
    let speakers = Speakers::new(entities);
    let mut voices: Vec<(String, Voice)> = Vec::new();
    // Where each speaker's voice is in `voices`, by the lower-cased canonical name.
    let mut voice_at: FxHashMap<String, usize> = FxHashMap::default();
    // What each line shows of its statement: a quotation its attribution interrupts shows
    // its first part.
    let mut contents: Vec<Span> = quotes.iter().map(|q| q.content).collect();
    for (i, quote) in quotes.iter().enumerate() {
        let Some(speaker) = &quote.speaker else {
            continue;
        };
        if quote.direct {
            contents[i] = first_part(text, quote.content);
        }
        // Read as the line shows it: a dateline the content opens on ("(CNN)Three and a half
        // decades after …") is not what was said.
        let content = article.slice(without_dateline(article, doc, contents[i]));
        let cue = quote.cue.map(|c| &text[c.start..c.end]);
        if !says_something(quote.direct, cue, content) {
            continue;
        }
        let words = quote_words(text, contents[i]);
        if !(MIN_STATEMENT_WORDS..=MAX_STATEMENT_WORDS).contains(&words) {
            continue;
        }
        // A caption run into the statement ("… must have been sleep walking He insisted …")
        // makes no line a reader can take in; a reporter's credit ("CNN's Greg Botelho wrote
        // and reported this story from Atlanta.") is no statement.
        if runs_into_caption(article, doc, contents[i]) || in_credit_line(article, doc, quote) {
            continue;
        }
        // A reported statement its attribution interrupts is not one line.
        if overlaps(contents[i], speaker.span) {
            continue;
        }
        // Only a person or organisation the article names can be shown as the speaker:
        // a pronoun or description that links to no name cannot be shown faithfully.
        let Some(entity) = speakers.of(text, speaker.span, &speaker.canonical) else {
            continue;
        };
        let (key, name, role) = (
            text[entity.canonical.start..entity.canonical.end].to_lowercase(),
            entity.canonical,
            entity.roles.first().copied(),
        );
        let titled = role.and_then(|role| titled(text, entity, role));
        match voice_at.get(&key) {
            Some(&at) => voices[at].1.statements.push(i),
            None => {
                voice_at.insert(key.clone(), voices.len());
                voices.push((
                    key,
                    Voice {
                        name,
                        role,
                        titled,
                        statements: vec![i],
                        first: i,
                    },
                ));
            }
        }
    }
    voices.sort_by_key(|(_, v)| (std::cmp::Reverse(v.statements.len()), v.first));
    voices.truncate(MAX_SPEAKERS);
    voices.sort_by_key(|(_, v)| v.first);
    let mut lines = Vec::new();
    let mut verbs = Vec::new();
    for (_, voice) in &voices {
        // Direct quotes first: the speaker's own words.
        let mut chosen: Vec<usize> = voice
            .statements
            .iter()
            .copied()
            .filter(|&i| quotes[i].direct)
            .collect();
        chosen.extend(
            voice
                .statements
                .iter()
                .copied()
                .filter(|&i| !quotes[i].direct),
        );
        // No statement twice: parts of one quotation found as two overlap, and a quotation
        // the article repeats (a pull quote) is the same words.
        let mut shown: Vec<Span> = Vec::new();
        chosen.retain(|&i| {
            let content = contents[i];
            let fresh = !shown.iter().any(|s| {
                overlaps(*s, content) || text[s.start..s.end] == text[content.start..content.end]
            });
            if fresh {
                shown.push(content);
            }
            fresh
        });
        chosen.truncate(MAX_PER_SPEAKER);
        chosen.sort_unstable();
        // The role introduces the speaker once, on their first line.
        for (n, i) in chosen.into_iter().enumerate() {
            lines.push(line(article, doc, voice, n == 0, &quotes[i], contents[i]));
            let cue = quotes[i].cue.map_or("", |c| &text[c.start..c.end]);
            if !left_out_of_line(cue) {
                verbs.extend(cue.split_whitespace().next_back());
            }
        }
    }
    (!lines.is_empty()).then(|| Section {
        heading: heading(
            &lines,
            &verbs,
            &voices
                .iter()
                .map(|(_, v)| &text[v.name.start..v.name.end])
                .collect::<Vec<_>>(),
        ),
        sentences: lines,
        list: true,
    })
}

/// True when the sentence holding `quote`'s cue is a reporter's credit line (its cue one of
/// the credit's verbs, "wrote" or "reported").
fn in_credit_line(article: &Article, doc: &Document, quote: &Quote) -> bool {
    let Some(cue) = quote.cue else {
        return false;
    };
    let verb = article
        .slice(cue)
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    if !crate::terms::CREDIT_VERBS.contains(&verb) {
        return false;
    }
    doc.sentences
        .get(doc.sentence_from(cue.start))
        .is_some_and(|s| crate::candidates::is_credit_line(article.slice(s.span).trim()))
}

/// Verbs (and the "according" of "according to") that report what someone said or
/// wrote, in the forms a cue holds them.
const SAYING: &[&str] = &[
    "according",
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "advised",
    "announce",
    "announced",
    "announces",
    "announcing",
    "apologised",
    "apologized",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "blamed",
    "called",
    "calling",
    "calls",
    "cautioned",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "commented",
    "complain",
    "complained",
    "complains",
    "conceded",
    "confirm",
    "confirmed",
    "confirms",
    "continued",
    "continues",
    "countered",
    "criticised",
    "criticized",
    "declare",
    "declared",
    "declares",
    "demanded",
    "denied",
    "denies",
    "deny",
    "denying",
    "describe",
    "described",
    "describes",
    "describing",
    "emphasised",
    "emphasized",
    "emphasizes",
    "explain",
    "explained",
    "explaining",
    "explains",
    "expressed",
    "expresses",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "joked",
    "maintained",
    "mentioned",
    "note",
    "noted",
    "notes",
    "noting",
    "pleaded",
    "pledge",
    "pledged",
    "pledges",
    "predict",
    "predicted",
    "predicts",
    "promise",
    "promised",
    "promises",
    "questioned",
    "recall",
    "recalled",
    "recalls",
    "remarked",
    "replied",
    "replies",
    "reply",
    "report",
    "reported",
    "reports",
    "respond",
    "responded",
    "responds",
    "reveal",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "shouted",
    "spoke",
    "state",
    "stated",
    "states",
    "stating",
    "stressed",
    "stresses",
    "suggest",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "told",
    "tweet",
    "tweeted",
    "tweets",
    "urge",
    "urged",
    "urges",
    "urging",
    "vow",
    "vowed",
    "vows",
    "warn",
    "warned",
    "warning",
    "warns",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yelled",
];

/// Most words of a prepositional phrase taken for a scene rather than a statement.
const SCENE_WORDS: usize = 12;

/// Prepositions that open the place, time or manner of a statement ("in a written
/// statement", "during a news conference"), which a statement's content never opens on.
const SCENE_PREPOSITIONS: &[&str] = &[
    "amid",
    "as",
    "at",
    "during",
    "following",
    "for",
    "from",
    "in",
    "on",
    "under",
    "with",
];

/// Whether a statement is words someone said, as its cue and content read. Reported
/// statements need a verb of saying for cue ("a poll found …", "she wanted …" are reported,
/// but no statement of theirs), and a content that is neither the verb's object
/// ("responded: to a series of crashes"), a scene alone ("in a written statement") nor a
/// clause that lost its subject or a plea ("was yanked off his plane", "pleaded: guilty to
/// …"), and a question is one only in its own words. No statement has a passive cue ("Stancil is accused of …", "she was told …": the one
/// named is who the words were about or for) or a modal one ("might have explained").
fn says_something(direct: bool, cue: Option<&str>, content: &str) -> bool {
    // A scene-setting phrase alone ("Three and a half decades after calling for …, Jones has
    // apologized", "said: in a written statement") is no clause anyone said.
    let first = content
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let short = !crate::longer_than(content, SCENE_WORDS);
    let scene = (short && SCENE_PREPOSITIONS.contains(&first.as_str()))
        || crate::opens_on_time_measure(content);
    let adverbial_alone = scene && !content.contains(", ");
    let reported_ok = direct
        || (cue.is_some_and(is_saying)
            && !cue.is_some_and(names_or_phones)
            && !opens_with_preposition(content)
            && !opens_with_verb(content)
            && !is_object(content, cue.is_some_and(takes_clause))
            && !asks_someone(cue, content)
            && !cue.is_some_and(|c| ends_on(c, QUESTIONING))
            && !adverbial_alone);
    reported_ok && !unfinished(content) && !cue.is_some_and(|c| is_passive(c) || is_hypothetical(c))
}

/// Words a finished statement does not end on: a modal waiting for its verb, a conjunction
/// for its clause ("The defense very well could", "… if they get relegated and").
const UNFINISHED_ENDS: &[&str] = &[
    "and", "but", "can", "could", "may", "might", "must", "nor", "or", "shall", "should", "will",
    "would",
];

/// True when a content is part of a sentence another part of which it needs: it ends on one
/// of [`UNFINISHED_ENDS`], or is a clause of reason alone ("Because there's disagreement over
/// why Tsarnaev did it", an answer whose question the line does not show).
fn unfinished(content: &str) -> bool {
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut words = content.split_whitespace();
    let first = words.next().map(bare).unwrap_or_default();
    let last = words.next_back().map(bare).unwrap_or_default();
    UNFINISHED_ENDS.contains(&last.as_str()) || (first == "because" && !content.contains(','))
}

/// True for a cue that names or phones rather than says, in reported speech: "called the
/// charges a misuse of the law", "called the police", "dubbed him …" report no statement a
/// line can show ("Putin called: “color technologies,” an apparent reference …").
fn names_or_phones(cue: &str) -> bool {
    const NAMING: &[&str] = &[
        "branded", "call", "called", "calling", "calls", "dubbed", "labeled", "labelled", "termed",
    ];
    ends_on(cue, NAMING)
}

/// True when the cue's last word ("has repeatedly called", "will ask") is one of `verbs`, in
/// any case.
fn ends_on(cue: &str, verbs: &[&str]) -> bool {
    cue.split_whitespace()
        .next_back()
        .is_some_and(|w| verbs.iter().any(|v| v.eq_ignore_ascii_case(w)))
}

/// True when a word of the cue ("has repeatedly said", "according to") is a verb of saying.
pub(crate) fn is_saying(cue: &str) -> bool {
    cue.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        SAYING.binary_search(&w.as_str()).is_ok()
    })
}

/// Prepositions that, in lower case at the start of a reported content, make it the object
/// of its verb ("pleaded for …", "spoke at …"); a clause starting "in …" usually says
/// something ("says in 2013 it removed …").
const OBJECT_PREPOSITIONS: &[&str] = &[
    "about",
    "at",
    "by",
    "for",
    "from",
    "of",
    "on",
    "regarding",
    "to",
    "with",
];

/// True when a reported content opens with one of [`OBJECT_PREPOSITIONS`], as written, with
/// the "as" of a complement ("described: as a “war on indiscipline”") or with a conjunction
/// that joins it to the words before ("apologized: and there was a student outcry").
fn opens_with_preposition(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let first = words.next().unwrap_or("");
    OBJECT_PREPOSITIONS.contains(&first)
        || matches!(first, "and" | "but" | "or")
        || (first == "as" && words.next().is_some_and(|w| matches!(w, "a" | "an")))
}

/// True when `mention` sits in an "of" phrase of the speaker phrase ("Critics of Vladimir
/// Putin", "the family of …"), owns its head ("The Patriots' owner") or, a person, place or
/// nationality, qualifies it ("Trump aides", "Denver police"): it names whom the speakers
/// belong to, not who spoke. An organisation speaks through its people ("Pentagon officials
/// said" is the Pentagon's word), not through an affiliate ("CNN affiliate WGCL").
fn modifies(text: &str, speaker: Span, mention: Span, kind: EntityKind) -> bool {
    let of = mention.start > speaker.start && in_of_phrase(&text[speaker.start..mention.start]);
    // "CNN affiliate WGCL" is the affiliate's word, another outlet's.
    let affiliate = mention.end < speaker.end
        && text[mention.end..speaker.end]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("affiliate"));
    of || affiliate
        || owns(text, speaker, mention, kind)
        || (kind != EntityKind::Organization && qualifies_head(text, speaker, mention))
}

/// True when a mention after the speaker phrase's words `before` stands in an "of" phrase of
/// the head: right after "of" ("Critics of Vladimir Putin"), or after "of" and "the" or
/// capitalised words that a lower-case head governs ("the pushers of The Great Big Lie",
/// "The chairman of the Conservative Party"); not in a title or a name ("Bank of England
/// Governor Mark Carney", "The International Federation of the Red Cross").
fn in_of_phrase(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some(of) = words.iter().rposition(|&w| w == "of") else {
        return false;
    };
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase) || *w == "the";
    of + 1 == words.len()
        || (of > 0
            && words[of - 1].starts_with(char::is_lowercase)
            && words[of + 1..].iter().all(capitalised))
}

/// True when `mention` is followed, to the end of the speaker phrase, by lower-case words
/// only, the phrase's head ("Denver police", "Iraqi officials", "Trump aides"), unless the
/// head is a voice the name speaks through ("a Trump spokesman").
fn qualifies_head(text: &str, speaker: Span, mention: Span) -> bool {
    if mention.end >= speaker.end {
        return false;
    }
    let after = &text[mention.end..speaker.end];
    let mut words = after.split_whitespace();
    after.starts_with(' ')
        && words
            .clone()
            .all(|w| w.starts_with(|c: char| c.is_lowercase()))
        && words
            .next_back()
            .is_some_and(|head| !VOICES.contains(&head))
}

/// The word after `mention` when it is a possessive before more words of the speaker phrase:
/// "owner" in "The Patriots' owner", "attorney" in "Hernandez's attorney", "senior" in
/// "Putin's senior aide Yuri Ushakov".
fn possessed(text: &str, speaker: Span, mention: Span) -> Option<&str> {
    if mention.end >= speaker.end {
        return None;
    }
    let after = &text[mention.end..speaker.end];
    ["'s ", "’s ", "' ", "’ "]
        .iter()
        .find_map(|mark| after.strip_prefix(mark))
        .and_then(|rest| rest.split_whitespace().next())
        .filter(|word| word.starts_with(char::is_alphanumeric))
}

/// What speaks for an organisation: "the Justice Department's report said" is the
/// department's word, "Hernandez's attorney said" not Hernandez's.
const VOICES: &[&str] = &[
    "account",
    "analysis",
    "data",
    "figures",
    "report",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "statement",
    "study",
    "survey",
    "website",
];

/// True when `mention`, a possessive, owns the head of the speaker phrase rather than
/// speaking through it (see [`VOICES`]).
fn owns(text: &str, speaker: Span, mention: Span, kind: EntityKind) -> bool {
    possessed(text, speaker, mention).is_some_and(|word| {
        kind != EntityKind::Organization || !VOICES.contains(&word.to_lowercase().as_str())
    })
}

/// True when `mention` speaks through what it possesses ("the Justice Department's report").
fn possessed_voice(text: &str, speaker: Span, mention: Span) -> bool {
    possessed(text, speaker, mention)
        .is_some_and(|word| VOICES.contains(&word.to_lowercase().as_str()))
}

/// True when nothing but marks and spaces follows `mention` in the speaker phrase.
fn ends_phrase(text: &str, speaker: Span, mention: Span) -> bool {
    mention.end >= speaker.end
        || text[mention.end..speaker.end]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
}

/// Pronouns that are only ever objects: a content opening with one is the cue's object.
const OBJECT_PRONOUNS: &[&str] = &["him", "me", "them", "us"];

/// Most words of a content that [`is_object`] reads as a noun phrase when it finds no verb.
const MAX_OBJECT_WORDS: usize = 10;

/// Verbs of saying that report a clause, never take a thing as their object: "said: the
/// company regrets the design" is a statement even where no verb of it is known.
const CLAUSE_CUES: &[&str] = &[
    "according",
    "add",
    "added",
    "adding",
    "adds",
    "argue",
    "argued",
    "argues",
    "insist",
    "insisted",
    "insists",
    "note",
    "noted",
    "notes",
    "say",
    "said",
    "saying",
    "says",
    "tell",
    "telling",
    "tells",
    "told",
    "warn",
    "warned",
    "warns",
    "write",
    "writes",
    "wrote",
];

/// True when the cue's last word is one of [`CLAUSE_CUES`].
fn takes_clause(cue: &str) -> bool {
    ends_on(cue, CLAUSE_CUES)
}

/// True when a reported content is its cue's object rather than a clause: it opens with an
/// object pronoun ("urged: them to learn from …") or "it"/"her" before "to" ("asking: it to
/// look at …"), or, after a cue that may take a thing as object (`clause_cue` false), it is
/// short and holds no verb ([`crate::clause_verb`]: "announced: his candidacy last week", "called:
/// the goalless game off after 67 minutes", "described: the storm as a “monster.”").
fn is_object(content: &str, clause_cue: bool) -> bool {
    // Words without the marks around them ("it," in "called: it, was designed …").
    let mut words = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let verbless = || !crate::longer_than(content, MAX_OBJECT_WORDS) && !crate::holds_verb(content);
    OBJECT_PRONOUNS.contains(&first)
        // "claimed responsibility for …", "took credit for …".
        || matches!(first, "credit" | "responsibility")
        || (matches!(first, "it" | "her") && second == "to")
        // A pronoun cut from its verb by a comma is the object of a cue that had one.
        || (first == "it" && content.split_whitespace().next() == Some("it,"))
        // Even a verb of saying takes a thing a determiner opens ("added a third in the
        // closing stages", "said a prayer").
        || (matches!(first, "a" | "an" | "another") && verbless())
        || (matches!(first, "a" | "an" | "another" | "his" | "her" | "its" | "their")
            && object_before_clause(content))
        || (!clause_cue
            && (verbless()
                || noun_with_relative_clause(content)
                || determined_noun_phrase(content)))
}

/// True when a content opens on a determiner in lower case and holds no verb a clause
/// could have, however long ("announced: the 30-date jaunt while closing out their
/// November 18th concert at the Ryman Auditorium in Nashville"): a thing, not a clause.
fn determined_noun_phrase(content: &str) -> bool {
    let mut words = content.split_whitespace();
    words.next().is_some_and(|w| DETERMINERS.contains(&w)) && !words.any(crate::clause_verb)
}

/// Determiners in lower case: a noun phrase opens on one, a sentence on a capital.
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "her", "his", "its", "my", "our", "the", "their", "your",
];

/// True when a content is a short noun phrase with no verb followed by another clause
/// joined by "as" or ", and": the thing a cue such as "added" took, the rest the writer's
/// ("added: his seventh for the Islanders, and Semyon Varlamov stopped 27 shots", "added:
/// a goal as the Bruins beat the Devils").
fn object_before_clause(content: &str) -> bool {
    let Some((at, joint)) = [" as ", ", and "]
        .iter()
        .filter_map(|joint| content.find(joint).map(|at| (at, joint.len())))
        .min()
    else {
        return false;
    };
    let (head, rest) = (&content[..at], &content[at + joint..]);
    // What follows is a clause of its own, its verb before any comma ("his team, and the
    // fans, deserved better" joins two subjects).
    let clause_follows = rest.split(',').next().is_some_and(crate::holds_verb);
    clause_follows && !crate::longer_than(head, MAX_OBJECT_WORDS) && !crate::holds_verb(head)
}

/// True when a content opens on a name of one to three capitalised words and "to" before a
/// lower-case word: after a cue of [`ASKING`], the person asked or urged, and what to do
/// ("will ask: Netanyahu to form a national unity government", "urged: President Obama to
/// act"); after another cue a sentence's capitalised opening ("said: Thanks to …").
fn named_object_to(content: &str) -> bool {
    opening_to(content).is_some_and(|(words, to)| {
        (1..=3).contains(&to)
            && words[..to]
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            && words
                .get(to + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
    })
}

/// The first words of a content, up to one past [`MAX_ASKED_WORDS`], and where among them
/// "to" is: where [`named_object_to`] and [`object_to`] read whom a cue asks.
fn opening_to(content: &str) -> Option<(Vec<&str>, usize)> {
    let words: Vec<&str> = content
        .split_whitespace()
        .take(MAX_ASKED_WORDS + 1)
        .collect();
    let to = words.iter().position(|w| *w == "to")?;
    Some((words, to))
}

/// True for a noun phrase a determiner in lower case opens whose first verb is in a relative
/// clause on its noun ("conceded: the penalty that allowed Swansea to pinch a draw"): a thing,
/// however long. A capital marks the start of a sentence, a clause ("according to SANA, The
/// special operation that took place … was part of …").
fn noun_with_relative_clause(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let opens_phrase = words.next().is_some_and(|w| DETERMINERS.contains(&w));
    opens_phrase
        && words
            .take(RELATIVE_REACH)
            .take_while(|w| !crate::clause_verb(w))
            .any(|w| matches!(w, "that" | "which" | "who"))
}

/// How many words after its determiner a noun phrase's relative pronoun may come.
const RELATIVE_REACH: usize = 5;

/// Verbs that cannot open a statement: a content starting with one lost its subject.
const SUBJECTLESS: &[&str] = &["are", "had", "has", "have", "is", "was", "were"];

/// Cues that take a person and what they are to do ("asked X to …", "urged X to …").
const ASKING: &[&str] = &[
    "ask",
    "asked",
    "asking",
    "asks",
    "encouraged",
    "pressed",
    "urge",
    "urged",
    "urges",
    "urging",
];

/// Cues of a question: reported, what was asked loses its "if" or "whether" and reads as a
/// claim ("asked: he could go again", "asks: he can come inside"); quoted, it is shown as
/// asked.
const QUESTIONING: &[&str] = &["ask", "asked", "asking", "asks", "wondered", "wonders"];

/// True when `cue`, its last word one of [`ASKING`], takes a named person and what they are
/// to do for content ([`named_object_to`]), or whoever they are ([`object_to`]: "urged: his
/// players to shut the Champions League out of their minds").
fn asks_someone(cue: Option<&str>, content: &str) -> bool {
    cue.is_some_and(|c| ends_on(c, ASKING)) && (named_object_to(content) || object_to(content))
}

/// Most words before the "to" of [`object_to`].
const MAX_ASKED_WORDS: usize = 4;

/// True when a content opens on a few words with no verb among them and then "to" ("his
/// players to shut …", "the President not to go …"): someone, and what they are to do.
fn object_to(content: &str) -> bool {
    opening_to(content).is_some_and(|(words, to)| {
        to > 0
            && words[..to]
                .iter()
                .all(|w| !crate::clause_verb(w) && *w != "that")
    })
}

/// Modal verbs that make a cue say what someone might say, not what they said ("will say" is
/// a speech briefed ahead, what it says known).
const MODALS: &[&str] = &["could", "might", "may", "should", "would"];

/// True for a cue with a modal ("might have explained", "would say").
fn is_hypothetical(cue: &str) -> bool {
    cue.split_whitespace()
        .any(|w| MODALS.iter().any(|m| m.eq_ignore_ascii_case(w)))
}

/// True when a reported content opens with one of [`SUBJECTLESS`] or another verb, in lower
/// case ("dedicates a large chunk of its budget …": the subject was left before the cue), or
/// is a plea ("guilty to …", "not guilty"). A gerund may be the subject ("raising taxes would
/// hurt"), and a participle in "-en" opens a clause before it ("given the depth, he was …").
fn opens_with_verb(content: &str) -> bool {
    content.starts_with("guilty")
        || content.starts_with("not guilty")
        || content.split_whitespace().next().is_some_and(|w| {
            SUBJECTLESS.contains(&w)
                || (w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !w.ends_with("ing")
                    && !w.ends_with("en")
                    && crate::heading::word_class(w) == Some(WordClass::Verb))
        })
}

/// A content that starts where its sentence does, less the sentence's dateline ("Seoul,
/// South Korea (CNN)North Korea has fired …" shows from "North Korea").
fn without_dateline(article: &Article, doc: &Document, content: Span) -> Span {
    let sentence = doc
        .sentences
        .binary_search_by_key(&content.start, |s| s.span.start)
        .ok()
        .map(|k| &doc.sentences[k]);
    match sentence.and_then(|s| crate::trim::trim(article, s)) {
        Some(trimmed) if trimmed.start > content.start && trimmed.start < content.end => {
            Span::new(trimmed.start, content.end)
        }
        _ => content,
    }
}

/// Forms of "be" that make a participle after them passive.
const BE: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

/// True for a cue in the passive ("is accused", "was told", "has been asked"), whose
/// subject is not the speaker; "is quoted" names the speaker, and "is saying" is active.
fn is_passive(cue: &str) -> bool {
    let words: Vec<&str> = cue.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    let last = last.to_lowercase();
    before
        .iter()
        .any(|w| BE.contains(&w.to_lowercase().as_str()))
        && !last.ends_with("ing")
        && last != "quoted"
}

/// Participles of the verbs that report a clause ("…, saying the plan had failed"); the
/// participle of a verb with an object ("asking it to look", "calling them heroes") stays
/// in its line, which would not read without it.
const CLAUSE_PARTICIPLES: &[&str] = &[
    "acknowledging",
    "adding",
    "admitting",
    "arguing",
    "asserting",
    "claiming",
    "complaining",
    "confirming",
    "declaring",
    "emphasizing",
    "explaining",
    "insisting",
    "maintaining",
    "noting",
    "predicting",
    "promising",
    "revealing",
    "saying",
    "stating",
    "stressing",
    "suggesting",
    "telling",
    "tweeting",
    "warning",
    "writing",
];

/// True for a cue a line cannot show after the speaker's name, which the line leaves out
/// ("Name: …"): one that names its source after it ("according to", which would read
/// "X according to:") and a participle of [`CLAUSE_PARTICIPLES`], the cue of a statement
/// added to another clause ("…, saying …", which would read "X saying:").
fn left_out_of_line(cue: &str) -> bool {
    let mut words = cue.split_whitespace();
    let first = words.next().unwrap_or("");
    let last = words.next_back().unwrap_or(first).to_lowercase();
    first.eq_ignore_ascii_case("according") || CLAUSE_PARTICIPLES.contains(&last.as_str())
}

/// True when a caption runs into the text of `content` (see
/// [`crate::candidates::caption_sign_at`]).
fn runs_into_caption(article: &Article, doc: &Document, content: Span) -> bool {
    let text = article.text.as_bytes();
    doc.sentences[doc.sentence_from(content.start)..]
        .iter()
        .take_while(|s| s.span.start < content.end)
        .any(|s| {
            s.tokens.iter().enumerate().any(|(i, t)| {
                content.start <= t.span.start
                    && t.span.end <= content.end
                    && crate::candidates::may_sign_caption(text[t.span.start])
                    && crate::candidates::caption_sign_at(text, &s.tokens, i)
            })
        })
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The words of a statement, counted up to one past [`MAX_STATEMENT_WORDS`]: enough
/// to tell whether it may be shown, without walking a long statement to its end.
fn quote_words(text: &str, span: Span) -> usize {
    text[span.start..span.end]
        .split_whitespace()
        .take(MAX_STATEMENT_WORDS + 1)
        .count()
}

/// The span from `role` to a mention of the entity's full name that follows it with one
/// space between ("Col." and "Ziaul Ahsan"), when the article has one.
fn titled(text: &str, entity: &NamedEntity, role: Span) -> Option<Span> {
    let full = &text[entity.canonical.start..entity.canonical.end];
    let at = entity.mentions.partition_point(|m| m.start < role.end);
    let mention = entity.mentions.get(at)?;
    (mention.start == role.end + 1
        && text.as_bytes()[role.end] == b' '
        && &text[mention.start..mention.end] == full)
        .then(|| Span::new(role.start, mention.end))
}

/// The people and organisations an article names, indexed to find a speaker's among
/// them without a scan of every mention for every statement.
struct Speakers<'e> {
    entities: &'e [NamedEntity],
    /// Every mention of a person or organisation with its entity's index, by start.
    mentions: Vec<(Span, usize)>,
    /// The longest of those mentions, in bytes: how far before a speaker one may start.
    longest: usize,
    /// The first person by the last word of their fullest name (see [`last_name_key`]),
    /// made when a speaker phrase first names no one.
    by_last_name: OnceCell<FxHashMap<String, usize>>,
}

impl<'e> Speakers<'e> {
    fn new(entities: &'e [NamedEntity]) -> Self {
        let mut mentions: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
            .collect();
        mentions.sort_unstable_by_key(|&(m, i)| (m.start, i));
        let longest = mentions.iter().map(|(m, _)| m.len()).max().unwrap_or(0);
        Speakers {
            entities,
            mentions,
            longest,
            by_last_name: OnceCell::new(),
        }
    }

    /// [`Self::by_last_name`], made on first use.
    fn by_last_name(&self, text: &str) -> &FxHashMap<String, usize> {
        self.by_last_name.get_or_init(|| {
            let mut map = FxHashMap::default();
            for (i, e) in self.entities.iter().enumerate() {
                if e.kind != EntityKind::Person {
                    continue;
                }
                if let Some(key) = last_name_key(&text[e.canonical.start..e.canonical.end]) {
                    map.entry(key).or_insert(i);
                }
            }
            map
        })
    }

    /// The entity a speaker phrase names. In "Myer Chief Officer and Deputy CEO, Daniel
    /// Bracken" the speaker is the person, named last: a person before an organisation,
    /// then the mention ending latest. A name in an "of" phrase ("Critics of Vladimir
    /// Putin") is whom the speakers belong to: it is no speaker, and the phrase is not
    /// matched by name either. With no mention in the phrase, the person whose fullest
    /// name ends with its last word ("Putin").
    fn of(&self, text: &str, speaker: Span, canonical: &str) -> Option<&'e NamedEntity> {
        // The object of a place's preposition is no subject ("comments he posted on Facebook
        // said …": the man said it): the speaker is further back, unknown here.
        let placed = text[..speaker.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| PLACING.contains(&w));
        if placed {
            return None;
        }
        let from = self
            .mentions
            .partition_point(|(m, _)| m.start + self.longest <= speaker.start);
        let mut owner_named = false;
        // A wire credit in brackets ("(CNN)In the final days …, Netanyahu … said", "(AP) —")
        // is the outlet's, not the speaker's; an acronym in brackets after a name ("Kick It
        // Out (KIO) says") is the speaker's own.
        let credit = |m: Span| {
            let bytes = text.as_bytes();
            m.start > 0
                && bytes[m.start - 1] == b'('
                && bytes.get(m.end) == Some(&b')')
                && text[m.end + 1..]
                    .trim_start_matches(' ')
                    .starts_with(|c: char| !c.is_lowercase())
        };
        let named = || {
            self.mentions[from..]
                .iter()
                .take_while(|(m, _)| m.start < speaker.end)
                .filter(|(m, _)| overlaps(*m, speaker) && !credit(*m) && !medium(text, speaker, *m))
        };
        // What a possessive owns is the phrase's head, named at its end or not at all
        // ("Putin's senior aide Yuri Ushakov"; not Facebook in "Barrientos' Facebook
        // profile").
        let kind = |i: usize| self.entities[i].kind;
        let possessed = named().any(|&(m, i)| owns(text, speaker, m, kind(i)));
        // Among equals, the entity listed last, as a scan of the entities in order
        // keeping the latest maximum would choose.
        let best = named()
            .filter(|&&(m, i)| {
                let owner = modifies(text, speaker, m, kind(i));
                owner_named |= owner;
                !owner
            })
            .filter(|(m, _)| {
                !possessed || ends_phrase(text, speaker, *m) || possessed_voice(text, speaker, *m)
            })
            .map(|&(m, i)| (self.entities[i].kind == EntityKind::Person, m.end, i))
            .max();
        match best {
            Some((_, _, i)) => Some(&self.entities[i]),
            None if owner_named => None,
            None => {
                // A "he" or "she" named after a person carries that person's canonical
                // name: theirs, not a namesake's ("Rajnath Singh", not "Mukesh Singh").
                let pronoun = text
                    .get(speaker.start..speaker.end)
                    .is_some_and(|w| w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she"));
                if pronoun {
                    let named = self.entities.iter().find(|e| {
                        e.kind == EntityKind::Person && e.canonical.get(text) == Some(canonical)
                    });
                    if named.is_some() {
                        return named;
                    }
                }
                let key = last_name_key(canonical)?;
                self.by_last_name(text)
                    .get(&key)
                    .map(|&i| &self.entities[i])
            }
        }
    }
}

/// Prepositions of place: a phrase after one is where, not who.
const PLACING: &[&str] = &["at", "from", "in", "into", "on", "onto", "via"];

/// Platforms words are posted on: in a longer speaker phrase ("the Los Angeles Fire
/// Department Twitter account", "a man arrested for comments he posted on Facebook") the
/// platform carries someone else's words; alone ("Facebook said") it is the company.
const PLATFORMS: &[&str] = &[
    "Facebook",
    "Instagram",
    "LinkedIn",
    "Reddit",
    "Snapchat",
    "Telegram",
    "TikTok",
    "Tumblr",
    "Twitter",
    "WeChat",
    "Weibo",
    "WhatsApp",
    "YouTube",
];

/// True when `mention` is a platform ([`PLATFORMS`]) inside a longer speaker phrase.
fn medium(text: &str, speaker: Span, mention: Span) -> bool {
    fn without_possessive(words: &str) -> &str {
        let words = words.trim_matches(|c: char| !c.is_alphanumeric());
        ["'s", "’s"]
            .iter()
            .find_map(|mark| words.strip_suffix(mark))
            .unwrap_or(words)
    }
    let name = without_possessive(&text[mention.start..mention.end]);
    PLATFORMS.contains(&name) && without_possessive(&text[speaker.start..speaker.end]) != name
}

/// The last word of a name, without a possessive ending and in lower case, so "Putin's"
/// finds "Vladimir Putin".
fn last_name_key(name: &str) -> Option<String> {
    let last = name.split_whitespace().last()?;
    Some(last.trim_end_matches(['\'', '’', 's']).to_ascii_lowercase())
}

/// Cues that name a listener after them.
const TELLING: &[&str] = &["tell", "tells", "told"];

/// Words that open a clause (a subject, a question word): no listener goes past one.
const CLAUSE_OPENERS: &[&str] = &[
    "he", "how", "i", "if", "it", "she", "there", "they", "we", "what", "when", "where", "whether",
    "why", "you",
];

/// Most words of a listener shown ("CNN's Andrew Stevens", "reporters on Tuesday").
const MAX_LISTENER_WORDS: usize = 6;

/// The listener a telling cue names: the words right after it ("told CNN", "told reporters
/// on Tuesday that …"), up to punctuation, a "that", the statement or the sentence's end,
/// when there are one to [`MAX_LISTENER_WORDS`].
fn listener(article: &Article, doc: &Document, cue: Span, content: Span) -> Option<Span> {
    let text = &article.text;
    let verb = text[cue.start..cue.end].split_whitespace().next_back()?;
    if !TELLING.iter().any(|t| t.eq_ignore_ascii_case(verb)) {
        return None;
    }
    let sentence = doc
        .sentences
        .get(doc.sentence_from(cue.start))
        .filter(|s| s.span.start <= cue.start)?;
    let limit = if content.start >= cue.end {
        content.start
    } else {
        sentence.span.end
    };
    let words: Vec<Span> = sentence
        .tokens
        .iter()
        .skip_while(|t| t.span.start < cue.end)
        .take_while(|t| {
            let word = &text[t.span.start..t.span.end];
            // A clause opens the statement ("told CNN he's been trading jokes …").
            let opens_clause = word
                .split(['\'', '’'])
                .next()
                .is_some_and(|w| CLAUSE_OPENERS.iter().any(|s| s.eq_ignore_ascii_case(w)));
            t.span.end <= limit
                && matches!(t.kind, TokenKind::Word | TokenKind::Number)
                && !word.eq_ignore_ascii_case("that")
                && !opens_clause
        })
        .map(|t| t.span)
        .collect();
    let is_preposition = |w: &Span| {
        LISTENER_ENDS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&text[w.start..w.end]))
    };
    // A longer one ends before its first preposition: "told the alliance's annual meeting
    // on arms control: …" shows "told the alliance's annual meeting".
    let kept = if words.len() <= MAX_LISTENER_WORDS {
        words.len()
    } else {
        words
            .iter()
            .position(is_preposition)
            .filter(|&k| k <= MAX_LISTENER_WORDS)
            .unwrap_or(0)
    };
    // Nor does it end on a preposition whose object the statement's "that" took ("told him
    // during that meeting that …" shows "told him").
    let kept = words[..kept]
        .iter()
        .rposition(|w| !is_preposition(w))
        .map_or(0, |k| k + 1);
    match (words.first(), words[..kept].last()) {
        (Some(first), Some(last)) => Some(Span::new(first.start, last.end)),
        _ => None,
    }
}

/// Prepositions before which a long listener ends (an occasion or a topic follows).
const LISTENER_ENDS: &[&str] = &[
    "about", "after", "at", "before", "during", "for", "in", "on", "over", "with",
];

/// The first part of a quotation's `content` that its attribution interrupts, up to the
/// mark that closes it ("The Edmund Pettus Bridge for me was wrought in symbolism," of
/// "“The Edmund Pettus Bridge for me was wrought in symbolism,” Parks recalled years later.
/// “The photos …”"); the whole content when no mark closes inside it.
fn first_part(text: &str, content: Span) -> Span {
    let inside = &text[content.start..content.end];
    match inside.find(['"', '“', '”']) {
        Some(at) => Span::new(content.start, content.start + inside[..at].trim_end().len()),
        None => content,
    }
}

/// "NAME, ROLE, CUE “STATEMENT”" with each part's span as a source, in that order; the
/// statement shows `content`, all or part of the quote's.
fn line(
    article: &Article,
    doc: &Document,
    voice: &Voice,
    with_role: bool,
    quote: &Quote,
    content: Span,
) -> BriefSentence {
    let text = &article.text;
    let part = |span: Span| one_line(&text[span.start..span.end]);
    let source = |span: Span| provenance(article, doc, span);
    let titled = voice.titled.filter(|_| with_role);
    let name = titled.unwrap_or(voice.name);
    let mut shown = part(name);
    let mut sources = vec![source(name)];
    let cue = quote
        .cue
        .filter(|c| !left_out_of_line(&text[c.start..c.end]));
    if let Some(role) = voice.role.filter(|_| with_role && titled.is_none()) {
        // "Name, role, said: …", but "Name, role: …" where no cue follows.
        let comma = if cue.is_some() { "," } else { "" };
        shown.push_str(&format!(", {}{comma}", part(role)));
        sources.push(source(role));
    }
    match cue {
        Some(cue) => {
            shown.push_str(&format!(" {}", part(cue)));
            sources.push(source(cue));
            // "told" wants its listener: "told CNN: …", not "told: …".
            if let Some(listener) = listener(article, doc, cue, content) {
                shown.push_str(&format!(" {}", part(listener)));
                sources.push(source(listener));
            }
            shown.push(':');
        }
        None => shown.push(':'),
    }
    let content = without_dateline(article, doc, content);
    let statement = part(content);
    // Marks that join the statement to its frame ("… she reportedly told him; 'IM GOING
    // …'") are the frame's, not the statement's.
    let statement = statement
        .trim_end_matches([',', ';', ':'])
        .trim_start_matches([',', ';', ':'])
        .trim_start();
    // A reported clause keeps its "that" (PolNeAR's span), which the line after the cue's
    // colon does without: a deleted word, as trimming deletes them.
    let statement = match statement.strip_prefix("that ") {
        Some(rest) if !quote.direct => rest,
        _ => statement,
    };
    if quote.direct {
        shown.push_str(&format!(" “{statement}”"));
    } else {
        shown.push_str(&format!(" {statement}"));
    }
    sources.push(source(content));
    BriefSentence {
        text: shown,
        sources,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_thing_a_cue_takes_as_object_is_no_statement() {
        assert!(is_object("them to learn from a chastening week", false));
        assert!(is_object("it to look at other possible factors", true));
        assert!(is_object("his candidacy last week", false));
        assert!(is_object("the storm as a \"monster.\"", false));
        // A clause, or a cue that only ever reports one.
        assert!(!is_object("it faces another tough year", true));
        assert!(!is_object("he wasn't aiming at the police officers", false));
        assert!(!is_object("the company regrets the design", true));
        assert!(!is_object("the minister denies the allegations", false));
        assert!(is_object("it, was designed for new compact cameras", false));
        assert!(is_object("a third in the closing stages", true));
        assert!(!is_object("a lot of people were hurt", true));
        // So is a noun phrase with no verb at all.
        assert!(is_object(
            "the 30-date jaunt while closing out their November 18th concert at the Ryman \
             Auditorium in Nashville",
            false
        ));
        assert!(!is_object(
            "the 30-date tour of the band with its former frontman opens in Florida in June",
            false
        ));
        // A noun with a relative clause is a thing, however long, after a cue that takes one.
        assert!(is_object(
            "the penalty that allowed Swansea to pinch a 1-1 draw at the Liberty Stadium",
            false
        ));
        assert!(!is_object(
            "the man who attacked her was a stranger to the family",
            true
        ));
        assert!(!is_object(
            "the team is better than the one that won",
            false
        ));
        assert!(takes_clause("has repeatedly said"));
        assert!(!takes_clause("described"));
    }

    #[test]
    fn a_verb_object_is_no_statement() {
        assert!(super::opens_with_preposition("to a series of crashes"));
        assert!(super::opens_with_preposition("at a conference for women"));
        assert!(!super::opens_with_preposition(
            "On Sunday, 3,000 women marched"
        ));
        assert!(!super::opens_with_preposition(
            "in 2013 it removed 540 items"
        ));
        assert!(!super::opens_with_preposition("the dam would hold"));
        assert!(super::opens_with_preposition(
            "as a \"war on indiscipline,\" a tough regime"
        ));
        assert!(super::opens_with_preposition(
            "and there was a student outcry"
        ));
        assert!(!super::opens_with_preposition("as many as 70 people died"));
        assert!(!super::opens_with_preposition("And I got a box cut"));
    }

    #[test]
    fn a_dateline_is_no_part_of_a_statement() {
        let text = "SEOUL, South Korea (CNN)North Korea fired two short-range missiles into the sea on Monday, the Defense Ministry said.";
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        let content = Span::new(0, text.find(", the Defense").expect("in the text"));
        let shown = without_dateline(&article, &doc, content);
        assert!(article.slice(shown).starts_with("North Korea fired"));
        assert_eq!(shown.end, content.end);
    }

    #[test]
    fn whom_speakers_belong_to_did_not_speak() {
        let person = EntityKind::Person;
        let text = "Critics of Vladimir Putin claim it is no coincidence.";
        let speaker = Span::new(0, "Critics of Vladimir Putin".len());
        let putin = Span::new("Critics of ".len(), speaker.end);
        assert!(modifies(text, speaker, putin, person));
        let lie = "the pushers of The Great Big Lie say";
        let phrase = Span::new(0, "the pushers of The Great Big Lie".len());
        let named = Span::new(lie.find("Lie").expect("in the text"), phrase.end);
        assert!(modifies(lie, phrase, named, EntityKind::Misc));
        let chairman = "The chairman of the Conservative Party described it";
        let phrase = Span::new(0, "The chairman of the Conservative Party".len());
        let party = Span::new(
            chairman.find("Conservative").expect("in the text"),
            phrase.end,
        );
        assert!(modifies(chairman, phrase, party, EntityKind::Organization));
        let federation = "The International Federation of the Red Cross confirmed it";
        let phrase = Span::new(0, "The International Federation of the Red Cross".len());
        let red_cross = Span::new(federation.find("Red").expect("in the text"), phrase.end);
        assert!(!modifies(
            federation,
            phrase,
            red_cross,
            EntityKind::Organization
        ));
        let aide = "Putin aide Yuri Ushakov said so.";
        let yuri = Span::new("Putin aide ".len(), "Putin aide Yuri Ushakov".len());
        assert!(!modifies(aide, Span::new(0, yuri.end), yuri, person));
        let carney = "Bank of England Governor Mark Carney";
        let mark = Span::new(carney.find("Mark").expect("in the text"), carney.len());
        assert!(!modifies(carney, Span::new(0, carney.len()), mark, person));
        // A possessive owns the speaker, unless an organisation speaks through it.
        let lawyer = "Hernandez's attorney said";
        let phrase = Span::new(0, "Hernandez's attorney".len());
        let hernandez = Span::new(0, "Hernandez".len());
        assert!(modifies(lawyer, phrase, hernandez, person));
        let report = "the Justice Department's report said";
        let phrase = Span::new(0, "the Justice Department's report".len());
        let department = Span::new(4, "the Justice Department".len());
        assert!(!modifies(
            report,
            phrase,
            department,
            EntityKind::Organization
        ));
        assert!(modifies(report, phrase, department, person));
        // A place before a lower-case head places the speakers; before a name it does not.
        let police = "Denver police said";
        let phrase = Span::new(0, "Denver police".len());
        let denver = Span::new(0, "Denver".len());
        assert!(modifies(police, phrase, denver, EntityKind::Location));
        assert!(modifies(police, phrase, denver, EntityKind::Person));
        let voice = "a Trump spokesman said";
        let trump = Span::new(2, "a Trump".len());
        let phrase = Span::new(0, "a Trump spokesman".len());
        assert!(!modifies(voice, phrase, trump, EntityKind::Person));
        let officials = "Pentagon officials said";
        let pentagon = Span::new(0, "Pentagon".len());
        let phrase = Span::new(0, "Pentagon officials".len());
        assert!(!modifies(
            officials,
            phrase,
            pentagon,
            EntityKind::Organization
        ));
        // An outlet's affiliate is another outlet.
        let affiliate = "CNN affiliate WGCL reported";
        let phrase = Span::new(0, "CNN affiliate WGCL".len());
        let cnn = Span::new(0, 3);
        assert!(modifies(affiliate, phrase, cnn, EntityKind::Organization));
        let mayor = "Denver Mayor Michael Hancock";
        assert!(!modifies(
            mayor,
            Span::new(0, mayor.len()),
            denver,
            EntityKind::Location
        ));
        assert!(opens_with_verb("was yanked off his plane"));
        assert!(opens_with_verb("not guilty through his attorney"));
        assert!(!opens_with_verb("nobody had seen him"));
        assert!(is_hypothetical("might have explained"));
        assert!(!is_hypothetical("has repeatedly said"));
        assert!(!is_hypothetical("will say"));
        assert!(!opens_with_verb("Was it over?"));
    }

    #[test]
    fn passive_cues_do_not_name_a_speaker() {
        assert!(super::is_passive("is accused"));
        assert!(super::is_passive("was falsely accused"));
        assert!(super::is_passive("has been asked"));
        assert!(super::is_passive("were told"));
        assert!(!super::is_passive("is quoted"));
        assert!(!super::is_passive("is saying"));
        assert!(!super::is_passive("said"));
        assert!(!super::is_passive("has repeatedly said"));
    }

    #[test]
    fn verbs_of_saying_are_sorted_and_found_at_a_cue_end() {
        assert!(super::SAYING.windows(2).all(|w| w[0] < w[1]));
        assert!(super::is_saying("has repeatedly said"));
        assert!(super::is_saying("according to"));
        assert!(super::is_saying("Told"));
        assert!(!super::is_saying("found"));
        assert!(!super::is_saying("plans"));
    }

    use super::*;

    #[test]
    fn an_according_to_line_names_the_source_without_the_cue() {
        let article = Article::from_text(
            "t",
            "According to the Environment Agency, the river rose faster than at any time since 1921.",
        );
        let doc = brief_understand::understand(&article);
        let quotes = brief_understand::quotes::find(&article, &doc);
        let quote = quotes
            .iter()
            .find(|q| q.cue.is_some_and(|c| article.slice(c) == "According to"))
            .expect("an according-to statement");
        let voice = Voice {
            name: quote.speaker.as_ref().expect("a speaker").span,
            role: None,
            titled: None,
            statements: vec![0],
            first: 0,
        };
        let shown = line(&article, &doc, &voice, false, quote, quote.content);
        assert!(
            !shown.text.contains("According"),
            "the cue reads after the name: {:?}",
            shown.text
        );
        assert!(
            shown
                .text
                .ends_with(": the river rose faster than at any time since 1921"),
            "{:?}",
            shown.text
        );
        assert_eq!(shown.sources.len(), 2);
        let with_role = Voice {
            role: Some(quote.speaker.as_ref().expect("a speaker").span),
            ..voice
        };
        let shown = line(&article, &doc, &with_role, true, quote, quote.content);
        assert!(!shown.text.contains(",:"), "{:?}", shown.text);
    }

    /// The lines of the Who Said What section the pipeline's own facts make of `text`.
    fn listed(text: &str) -> Option<Vec<String>> {
        let article = Article::from_text("t", text);
        let doc = brief_understand::understand(&article);
        let facts = brief_understand::facts(&article, &doc);
        who_said_what(&article, &doc, &facts.quotes, &facts.entities)
            .map(|s| s.sentences.into_iter().map(|l| l.text).collect())
    }

    #[test]
    fn a_quotation_its_attribution_interrupts_shows_its_first_part() {
        let text = "Rosa Parks walked down Woodward Avenue in Detroit in solidarity with the \
                    marchers. \"The Edmund Pettus Bridge for me was wrought in symbolism,\" Parks \
                    recalled years later. \"The photos taken that day made me think of the bridge \
                    as a battlefield.\"";
        let lines = listed(text).unwrap_or_default();
        assert_eq!(
            lines,
            ["Rosa Parks recalled: “The Edmund Pettus Bridge for me was wrought in symbolism”"]
        );
        let text = "“It was a turning point,” she said. “It was.”";
        let content = Span::new(3, text.rfind('”').unwrap_or(0));
        let closing = text.find('”').unwrap_or(0);
        assert_eq!(first_part(text, content), Span::new(3, closing));
        // With no mark inside, the whole content.
        let one = Span::new(3, closing);
        assert_eq!(first_part(text, one), one);
    }

    #[test]
    fn a_mark_joining_a_statement_to_its_frame_is_left_out() {
        let text = "Uncle Poodle posted a text message exchange with June Shannon in which June \
                    Shannon reportedly told him; 'I am going to confront everyone on everything \
                    because you have started some lies.'";
        let lines = listed(text).unwrap_or_default();
        assert!(lines.iter().any(|l| l.contains("confront")), "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| !l.contains(": ;") && !l.contains(":  ")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_thing_added_is_no_statement() {
        assert!(is_object(
            "his seventh for the Islanders, and Semyon Varlamov stopped 27 shots",
            true
        ));
        assert!(is_object("a goal as the Bruins beat the Devils", true));
        let asked = |cue: &str, content: &str| asks_someone(Some(cue), content);
        assert!(asked(
            "will ask",
            "Netanyahu to form a national unity government"
        ));
        assert!(asked("urged", "Laura McDuffie, to find someone"));
        assert!(!asked("will ask", "Netanyahu will form a government"));
        assert!(!asked(
            "said",
            "Thanks to two devices, his parachute opened"
        ));
        assert!(!is_object("her son was killed as police fired", true));
        assert!(!is_object("his team, and the fans, deserved better", true));
    }

    #[test]
    fn a_scene_after_a_dateline_is_no_statement() {
        let text = "(CNN)Three and a half decades after calling for homosexuals to be stoned, \
                    former Bob Jones University President Bob Jones III has apologized.\n\n\
                    Jones said the school had changed its policies on dating years ago.";
        let lines = listed(text).unwrap_or_default();
        assert!(lines.iter().all(|l| !l.contains("decades")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("policies")), "{lines:?}");
    }

    #[test]
    fn a_reporter_s_credit_is_no_statement() {
        let text = "Police Chief Ann Lee said the suspect had been arrested near the border.\n\n\
                    CNN's Sophia Saifi reported from Islamabad, and CNN's Greg Botelho wrote this \
                    report from Atlanta.";
        let lines = listed(text).unwrap_or_default();
        assert!(lines.iter().any(|l| l.contains("arrested")), "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains("Botelho")), "{lines:?}");
    }

    #[test]
    fn the_heading_takes_the_tense_of_the_lines() {
        let lines = |texts: &[&str]| -> Vec<BriefSentence> {
            texts
                .iter()
                .map(|t| BriefSentence {
                    text: (*t).to_string(),
                    sources: Vec::new(),
                })
                .collect()
        };
        assert_eq!(
            heading(&lines(&["Ann Lee says: it works"]), &["says"], &[]),
            "Who Says What"
        );
        assert_eq!(
            heading(
                &lines(&["Ann Lee says: it works", "Bo Li said: it fails"]),
                &["says", "said"],
                &[]
            ),
            WHO_SAID_WHAT
        );
        // With neither, the first verb the lines show that agrees with "Who".
        assert_eq!(
            heading(
                &lines(&[
                    "The company did not respond: it is closed",
                    "Police confirmed: “We are investigating”"
                ]),
                &["respond", "confirmed"],
                &[]
            ),
            "Who Confirmed What"
        );
        assert_eq!(
            heading(&lines(&["Ann Lee wrote: it works"]), &["wrote"], &[]),
            "Who Wrote What"
        );
        // With no verb, the speakers' names, as many as seven words hold.
        let names = ["Supreme Court", "Ann Lee", "Bo Li"];
        let no_verb = lines(&["Supreme Court: it is lawful", "Ann Lee: no", "Bo Li: yes"]);
        assert_eq!(
            heading(&no_verb, &[], &names),
            "Who Said What: Supreme Court, Ann Lee"
        );
        let long = ["Baja California Sur Prosecutor General's Office"];
        assert_eq!(heading(&no_verb, &[], &long), long[0]);
    }

    #[test]
    fn a_scene_alone_is_no_statement() {
        let said = Some("said");
        assert!(!says_something(false, said, "in a written statement"));
        assert!(!says_something(
            false,
            said,
            "Three and a half decades after calling for homosexuals to be stoned"
        ));
        assert!(says_something(
            false,
            said,
            "the bridge would reopen in March"
        ));
        // After the scene, the clause: the statement is there.
        assert!(says_something(
            false,
            said,
            "in a press conference at her next tournament she heard whatever he heard"
        ));
        assert!(says_something(false, said, "in the end, the vote was fair"));
    }

    #[test]
    fn whom_an_asking_cue_asks_to_do_something_is_no_statement() {
        let urged = Some("urged");
        assert!(!says_something(
            false,
            urged,
            "his players to shut the Champions League out of their minds"
        ));
        assert!(!says_something(
            false,
            urged,
            "the President not to go to the United Nations for a vote"
        ));
        assert!(says_something(
            false,
            Some("said"),
            "his players want to win the league"
        ));
        assert!(!object_to("the council is likely to vote"));
    }

    #[test]
    fn a_part_of_a_sentence_is_no_statement() {
        let said = Some("said");
        assert!(!says_something(true, said, "The defense very well could"));
        assert!(!says_something(
            false,
            Some("admitted"),
            "his job could be under threat if they get relegated and"
        ));
        assert!(!says_something(
            false,
            said,
            "Because there's disagreement over why he did it"
        ));
        assert!(says_something(
            false,
            said,
            "because of the storm, the bridge would stay shut"
        ));
        assert!(says_something(
            true,
            said,
            "It's not something that you would have any warning of"
        ));
        assert!(!says_something(
            false,
            Some("claimed"),
            "responsibility Thursday for the deadly attack at the museum"
        ));
    }

    #[test]
    fn a_question_is_listed_only_in_its_own_words() {
        let asked = Some("asked");
        assert!(!says_something(false, asked, "he could go again"));
        assert!(!says_something(
            false,
            Some("wondered"),
            "the plan would work"
        ));
        assert!(says_something(
            true,
            asked,
            "How does a person look suspicious?"
        ));
        assert!(says_something(false, Some("said"), "he could go again"));
    }

    #[test]
    fn a_platform_or_a_place_in_the_speaker_phrase_is_not_the_speaker() {
        let text = "Mayor Ann Lee said the bridge would reopen in March. A Florida man arrested \
for comments he posted on Facebook said he was sorry for his remarks.";
        let lines = listed(text).expect("statements");
        assert!(
            lines.iter().any(|l| l.contains("Ann Lee said")),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|l| !l.starts_with("Facebook")),
            "{lines:?}"
        );
        let speaker = Span::new(0, 30);
        let text = "the Fire Department Twitter account said";
        assert!(medium(text, speaker, Span::new(20, 27)));
        assert!(!medium(
            "Facebook's statement",
            Span::new(0, 10),
            Span::new(0, 8)
        ));
    }

    #[test]
    fn a_statement_a_caption_runs_into_is_not_listed() {
        let text = "Mayor Ann Lee said the bridge would reopen in March. Tom Hale claimed he \
went to bed early and must have been sleep walking He insisted he had been asleep.";
        let lines = listed(text).expect("statements");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("the bridge would reopen in March")),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|l| !l.contains("sleep walking")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_telling_cue_shows_its_listener() {
        let text = "Mayor Ann Lee told CNN on Friday that the bridge would reopen in March. \
\"We will rebuild it stone by stone,\" Ann Lee told reporters. Tom Hale told CNN he had \
traded jokes about the closure with students for years.";
        let lines = listed(text).expect("statements");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("told CNN on Friday: the bridge would reopen in March")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("told reporters: “We will rebuild it stone by stone")),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| !l.contains("CNN he")), "{lines:?}");
        let text = "On March 2, Deputy Secretary General Alexander Vershbow told the alliance's \
annual meeting on arms control: \"Russia's annexation of Crimea has put the security system \
under severe strain.\"";
        let lines = listed(text).expect("statements");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("told the alliance's annual meeting: “Russia's")),
            "{lines:?}"
        );
        let text = "Aaron Hernandez told him during that meeting that he hoped the time of the \
death would come out.";
        let lines = listed(text).expect("statements");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("told him: he hoped the time of the death would come out")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_pronoun_speaker_keeps_the_person_it_was_named_after() {
        // Two people share a surname: "he" is the home minister, not the convict named first.
        let text = "Mukesh Singh, who was driving the bus, is on death row. Home Minister \
Rajnath Singh spoke in Parliament on Wednesday. The home minister told the upper house that \
no one would profit from the crime. He also said that the filmmakers had broken the rules of \
the prison.";
        let lines = listed(text).expect("statements");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Home Minister Rajnath Singh also said: the filmmakers")),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| !l.starts_with("Mukesh")), "{lines:?}");
    }

    #[test]
    fn naming_or_phoning_is_no_statement_but_a_quotation_after_it_is() {
        let text = "Activist Ravi Mahapatra called the charges a misuse of the law. Sandrine \
Boisse called the police and the local government office to find out what had happened. \
President Hadi called: “You violated the sovereignty of Yemen, and you bear the responsibility.”";
        let lines = listed(text).expect("statements");
        assert!(lines.iter().all(|l| !l.contains("misuse")), "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains("police")), "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("“You violated the sovereignty")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_participle_cue_is_left_out_of_the_line() {
        let text = "The board dropped the striker on Friday, with chairman Giles Clarke saying \
the player had been a disruptive influence in the dressing room for months. The club has \
not commented.";
        let lines = listed(text).expect("a statement");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("Giles Clarke: the player had been")),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| !l.contains("saying:")), "{lines:?}");
        assert!(left_out_of_line("according to"));
        assert!(!left_out_of_line("has repeatedly said"));
        assert!(!left_out_of_line("asking"), "an object follows");
    }

    #[test]
    fn a_statement_is_the_person_s_not_their_employer_s() {
        let text = "\"Barbie is a true icon and one of a handful of toys,\" said Myer Chief \
Marketing Officer Daniel Bracken. Myer has five stores in Melbourne and Sydney.";
        let lines = listed(text).expect("a statement");
        assert!(
            lines[0].starts_with("Myer Chief Marketing Officer Daniel Bracken said: "),
            "{:?}",
            lines[0]
        );
    }

    #[test]
    fn a_role_written_before_the_name_introduces_the_speaker_there() {
        let text = "Ohio Gov. John Kasich said the talks had failed after two days. Kasich \
said he would return to Columbus on Friday to meet his staff.";
        let lines = listed(text).expect("statements");
        assert!(
            lines[0].starts_with("Ohio Gov. John Kasich said: "),
            "{lines:?}"
        );
        assert!(lines[1].starts_with("John Kasich said: "), "{lines:?}");
        // A role after the name stays there.
        let text = "Jon Smith, a spokesman for the council, said the vote would go ahead on \
Tuesday night.";
        let lines = listed(text).expect("a statement");
        assert!(
            lines[0].starts_with("Jon Smith, a spokesman for the council, said: "),
            "{lines:?}"
        );
    }

    #[test]
    fn a_wire_credit_is_no_speaker() {
        let text = "(CNN)In the final days of the campaign, Prime Minister Benjamin Netanyahu \
disavowed the plan and said there would be no new state on his watch. He spoke in Jerusalem.";
        let lines = listed(text).unwrap_or_default();
        assert!(lines.iter().all(|l| !l.starts_with("CNN")), "{lines:?}");
        let text = "Anti-racism group Kick It Out (KIO) says there has been a 35% rise in reports \
of abuse at matches this season.";
        let lines = listed(text).expect("a statement");
        assert!(
            lines[0].starts_with("Kick It Out") || lines[0].starts_with("KIO"),
            "{lines:?}"
        );
    }

    #[test]
    fn a_statement_about_someone_is_not_listed_as_theirs() {
        let text =
            "Robert Owens is accused of killing a former contestant and her husband in 2014. \
Police chief Ann Lee said the investigation into the killings would take several more months.";
        let lines = listed(text).expect("Ann Lee is listed");
        assert!(lines.iter().all(|l| !l.contains("Owens")), "{lines:?}");
    }

    #[test]
    fn a_reported_clause_is_shown_without_its_that() {
        let article = Article::from_text(
            "t",
            "Mayor Ann Lee said that the dam would hold through the spring floods.",
        );
        let doc = brief_understand::understand(&article);
        let quotes = brief_understand::quotes::find(&article, &doc);
        assert_eq!(
            article.slice(quotes[0].content),
            "that the dam would hold through the spring floods"
        );
        let voice = Voice {
            name: quotes[0].speaker.as_ref().expect("a speaker").span,
            role: None,
            titled: None,
            statements: vec![0],
            first: 0,
        };
        let shown = line(&article, &doc, &voice, false, &quotes[0], quotes[0].content);
        assert_eq!(
            shown.text,
            "Mayor Ann Lee said: the dam would hold through the spring floods"
        );
        assert_eq!(shown.sources.len(), 3);
    }
}
