//! Who is speaking: the noun phrase beside a cue.
//!
//! Without a parser, a speaker is found by walking from the cue over words that can make up a
//! noun phrase in news prose — names and titles ("Putin's senior aide Yuri Ushakov"), a
//! determiner and its noun ("the White House", "a spokesman for the agency"), a pronoun —
//! and stopping at punctuation and at words that end a phrase (prepositions, conjunctions,
//! verbs). Appositives and relative clauses between speaker and cue ("Jones, 62, who lives
//! nearby, said") are stepped over to the name before them.

use super::{Sent, WordList};

/// Subject pronouns: a speaker on their own.
pub(super) const PRONOUNS: WordList = WordList::new(&["he", "i", "it", "she", "they", "we", "you"]);

/// Words that cannot be part of a speaker phrase: walking from the cue stops before them.
const STOP: WordList = WordList::new(&[
    "about", "after", "against", "also", "although", "and", "as", "at", "because", "before", "but",
    "by", "during", "even", "for", "from", "had", "has", "have", "her", "him", "if", "in", "into",
    "is", "it", "me", "nor", "not", "on", "once", "or", "over", "since", "so", "than", "that",
    "them", "then", "though", "through", "to", "under", "until", "us", "was", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "why", "with", "without", "yet",
]);

/// Role nouns that take a prepositional complement inside a speaker phrase: "a spokesman
/// for the campaign", "the head of the agency", "a professor at Yale".
const ROLES: WordList = WordList::new(&[
    "adviser",
    "advisers",
    "advisor",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "attorney",
    "attorneys",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "correspondent",
    "director",
    "economist",
    "editor",
    "executive",
    "expert",
    "experts",
    "fellow",
    "founder",
    "head",
    "lawyer",
    "lawyers",
    "leader",
    "leaders",
    "manager",
    "member",
    "members",
    "official",
    "officials",
    "one",
    "president",
    "professor",
    "representative",
    "researcher",
    "researchers",
    "secretary",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
]);

/// Prepositions a role noun takes inside a speaker phrase.
const ROLE_PREPOSITIONS: WordList = WordList::new(&["at", "for", "from", "of", "with"]);

/// Words that open an appositive or relative clause after a name: "Jones, who …,",
/// "Jones, a spokesman …,", "Jones, 62,".
const APPOSITIVE_OPENERS: WordList = WordList::new(&[
    "a", "an", "another", "her", "his", "its", "the", "their", "which", "who", "whose",
]);

/// Irregular past tenses, which end a phrase walked rightwards ("Boren took it further").
const PAST_TENSES: WordList = WordList::new(&[
    "became", "began", "brought", "came", "chose", "drove", "fell", "felt", "fought", "found",
    "gave", "got", "grew", "held", "kept", "knew", "led", "left", "lost", "made", "met", "paid",
    "ran", "rose", "said", "sat", "saw", "sent", "shot", "spent", "spoke", "stood", "struck",
    "thought", "threw", "told", "took", "went", "won", "wore", "wrote",
]);

/// Possessive determiners, which open a phrase ("her campaign") but end one walking left.
const POSSESSIVES: WordList = WordList::new(&["her", "his", "its", "my", "our", "their", "your"]);

/// The longest speaker phrase walked, in tokens.
const MAX_TOKENS: usize = 12;

/// The speaker phrase ending at token `end` (inclusive), walking left: `(first, last)`.
pub(super) fn left_of(s: &Sent, end: usize) -> Option<(usize, usize)> {
    if s.is_word(end) && PRONOUNS.has(s, end) {
        return Some((end, end));
    }
    // "Jones, 62, who lives nearby, said": step back over comma-closed appositives.
    if s.is_punct(end, ",") {
        return over_appositive(s, end);
    }
    // "House Speaker Paul D. Ryan (R-Wis.) said": step over a short parenthesis.
    let mut last = end;
    if s.is_punct(end, ")") {
        let open = (end.saturating_sub(8)..end)
            .rev()
            .find(|&i| s.is_punct(i, "("))?;
        last = open.checked_sub(1)?;
    }
    let mut first = None;
    let mut i = last;
    loop {
        if !np_token(s, i, first) || last - i >= MAX_TOKENS {
            break;
        }
        first = Some(i);
        if i == 0 {
            break;
        }
        i -= 1;
    }
    let first = first?;
    // A phrase never starts with a preposition or a possessive mark.
    let first = (first..=last).find(|&k| s.is_word(k) && !ROLE_PREPOSITIONS.has(s, k))?;
    Some((first, end))
}

/// Can token `i` extend a speaker phrase whose leftmost token so far is `first`?
fn np_token(s: &Sent, i: usize, first: Option<usize>) -> bool {
    if s.is_number(i) {
        // "59 percent said", "Two officials said".
        return first.is_some_and(|f| s.is_word(f));
    }
    if !s.is_word(i) {
        // "Mr." and "D." keep their periods, as does "Jr." before the cue; "voters’ groups"
        // its possessive mark.
        let abbrev_period =
            s.is_punct(i, ".") && i > 0 && s.is_capitalized(i - 1) && s.word(i - 1).len() <= 4;
        let possessive = s.is_quote(i)
            && i > 0
            && s.word(i - 1).ends_with('s')
            && first.is_some_and(|f| f == i + 1 && s.is_word(f));
        return abbrev_period || possessive;
    }
    if STOP.has(s, i) {
        // "and" joins names ("Trump and Clinton"), a role preposition its complement.
        let joins_names = s.is_word_eq(i, "and")
            && first.is_some_and(|f| s.is_capitalized(f))
            && i > 0
            && s.is_capitalized(i - 1);
        let role_complement = ROLE_PREPOSITIONS.has(s, i) && i > 0 && ROLES.has(s, i - 1);
        return (joins_names || role_complement) && first.is_some();
    }
    // "Song said Mayor Ann Lee had said …": a verb of its own ends the phrase.
    if PRONOUNS.has(s, i)
        || super::AUXILIARIES.has(s, i)
        || (PAST_TENSES.has(s, i) && !s.is_capitalized(i))
    {
        return false;
    }
    // Lower-case words ending like verbs are the end of a clause, not part of a name:
    // "voters who supported him said".
    let w = s.word(i);
    let verb_like = !s.is_capitalized(i)
        && (w.ends_with("ed") || w.ends_with("ing"))
        && !ROLES.has(s, i)
        && w.len() > 4;
    !verb_like
}

/// The speaker before an appositive ending in the comma at `comma`: "Jones, 62, who …, said"
/// gives "Jones".
fn over_appositive(s: &Sent, comma: usize) -> Option<(usize, usize)> {
    // Step left over appositive segments ("a pollster who works with Priorities USA, a super
    // PAC,"); the speaker is the phrase before the leftmost one.
    let mut close = comma;
    let mut found = None;
    for _ in 0..3 {
        let Some(open) = (0..close).rev().take(25).find(|&i| s.is_punct(i, ",")) else {
            break;
        };
        let opener = open + 1;
        // "Democrat of Ohio": a title with a lower-case word, not a list of names.
        let title = (opener..close).any(|i| {
            s.is_word(i)
                && !s.is_capitalized(i)
                && !s.is_word_eq(i, "and")
                && !s.is_word_eq(i, "or")
        });
        let appositive = opener < close
            && (APPOSITIVE_OPENERS.has(s, opener)
                || s.is_number(opener)
                || (s.is_word(opener) && !s.is_capitalized(opener))
                || title);
        // "a nurse from Austin, Texas,": a place name's second part, inside an appositive.
        let place = found.is_none()
            && close - opener <= 2
            && (opener..close).all(|i| s.is_capitalized(i) || s.is_punct(i, "."));
        if place {
            close = open;
            continue;
        }
        if !appositive {
            break;
        }
        match open.checked_sub(1).and_then(|e| left_of(s, e)) {
            Some(np) if !s.is_punct(np.1, ",") => found = Some(np),
            _ => {}
        }
        close = open;
    }
    found
}

/// The speaker phrase starting at token `start`, walking right ("…, said Ann Lewis, a
/// longtime adviser."): `(first, last)`.
pub(super) fn right_of(s: &Sent, start: usize) -> Option<(usize, usize)> {
    if start >= s.len() || !s.is_word(start) {
        return None;
    }
    if PRONOUNS.has(s, start) {
        return Some((start, start));
    }
    // "said dryly": a manner adverb is no speaker.
    if super::is_ly_adverb(s, start) {
        return None;
    }
    let mut last = None;
    let mut i = start;
    while i < s.len() && i - start < MAX_TOKENS {
        let ok = if s.is_word(i) {
            let role = ROLE_PREPOSITIONS.has(s, i) && i > 0 && ROLES.has(s, i - 1);
            // "according to her plan": a possessive determiner opens the phrase.
            let determiner = i == start && POSSESSIVES.has(s, i);
            // "SAE's chapter suspended the students": a verb ends the phrase.
            let w = s.word(i);
            let verb_like = i > start
                && !s.is_capitalized(i)
                && (w.ends_with("ed") || w.ends_with("ing"))
                && w.len() > 4
                && !ROLES.has(s, i);
            let past = i > start && PAST_TENSES.has(s, i);
            // "Serena Williams plays her first match …, saying", "a press release put out": a
            // verb the word classes know, unless a function word before it makes it a
            // modifier ("the slain woman's father"). Looked up last, as the costliest test.
            let verb = || {
                i > start
                    && !s.is_capitalized(i)
                    && !crate::words::is_stop_word_any_case(s.word(i - 1))
                    && crate::word_classes::class_of(w)
                        == Some(crate::word_classes::WordClass::Verb)
            };
            let ends = verb_like
                || past
                || super::is_time_word(s, i)
                || super::AUXILIARIES.has(s, i)
                || verb();
            (!STOP.has(s, i) || role || determiner) && !ends
        } else {
            s.is_punct(i, ".") && i > 0 && s.is_capitalized(i - 1) && s.word(i - 1).len() <= 4
        };
        if !ok {
            break;
        }
        last = Some(i);
        i += 1;
    }
    // Not a phrase that ends on a preposition.
    let mut last = last?;
    while last > start && (ROLE_PREPOSITIONS.has(s, last) || !s.is_word(last)) {
        last -= 1;
    }
    Some((start, last))
}

/// The subject of the clause that token `upto` ends, for cues without one of their own
/// ("Trump hit back in a statement, saying …", "SAE suspended them, but Boren went further,
/// saying …"): the phrase opening the last clause (after "but", "and" or a semicolon), else
/// the sentence (after a leading adverbial: "On Friday, Trump …").
pub(super) fn subject(s: &Sent, upto: usize) -> Option<(usize, usize)> {
    let clause = (1..upto.min(s.len()))
        .rev()
        .find(|&i| {
            (s.is_word_eq(i, "but") || s.is_word_eq(i, "and") || s.is_punct(i, ";"))
                && s.is_punct(i - 1, ",")
        })
        .map_or(0, |i| i + 1);
    let mut start =
        (clause..(clause + 3).min(s.len())).find(|&i| s.is_word(i) && !STOP.has(s, i))?;
    if clause == 0 && STOP.has(s, 0) {
        // "On Friday, Trump said …": the subject follows the adverbial's comma.
        if let Some(comma) = (1..upto.min(8)).find(|&i| s.is_punct(i, ",")) {
            start = comma + 1;
        }
    }
    right_of(s, start).filter(|&(a, _)| a == start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::Span;

    fn sent(text: &str) -> (Vec<brief_core::Token>, &str) {
        (crate::tokenize(text, Span::new(0, text.len())), text)
    }

    fn phrase(text: &str, toks: &[brief_core::Token], np: Option<(usize, usize)>) -> String {
        np.map(|(a, b)| text[toks[a].span.start..toks[b].span.end].to_string())
            .unwrap_or_default()
    }

    fn left(text: &str, word: &str) -> String {
        let (toks, text) = sent(text);
        let s = Sent { text, toks: &toks };
        let cue = (0..toks.len()).find(|&i| s.word(i) == word).expect("cue");
        phrase(text, &toks, left_of(&s, cue - 1))
    }

    #[test]
    fn a_verb_ends_the_subject_of_a_participle() {
        let text = "Serena Williams plays her first match on Friday, saying she was happy.";
        let (toks, text) = sent(text);
        let s = Sent { text, toks: &toks };
        let cue = (0..toks.len())
            .find(|&i| s.word(i) == "saying")
            .expect("cue");
        assert_eq!(phrase(text, &toks, subject(&s, cue)), "Serena Williams");
        let text = "It woke Turkey up, according to the slain woman's father.";
        let (toks, text) = sent(text);
        let s = Sent { text, toks: &toks };
        let the = (0..toks.len()).find(|&i| s.word(i) == "the").expect("the");
        assert_eq!(
            phrase(text, &toks, right_of(&s, the)),
            "the slain woman's father"
        );
    }

    #[test]
    fn names_titles_and_roles() {
        assert_eq!(
            left("Putin's senior aide Yuri Ushakov said", "said"),
            "Putin's senior aide Yuri Ushakov"
        );
        assert_eq!(
            left("On Tuesday, a spokesman for the White House said", "said"),
            "a spokesman for the White House"
        );
        assert_eq!(
            left("Senate leader Mr. Smith also said", "also"),
            "Senate leader Mr. Smith"
        );
        assert_eq!(left("But he said", "said"), "he");
    }

    #[test]
    fn appositives_are_stepped_over() {
        assert_eq!(
            left("Sue Keninger, 62, who lives nearby, said", "said"),
            "Sue Keninger"
        );
        assert_eq!(
            left("House Speaker Paul D. Ryan (R-Wis.) said", "said"),
            "House Speaker Paul D. Ryan (R-Wis.)"
        );
    }

    #[test]
    fn inverted_speakers() {
        let (toks, text) = sent("said Ann Lewis, a longtime adviser.");
        let s = Sent { text, toks: &toks };
        assert_eq!(phrase(text, &toks, right_of(&s, 1)), "Ann Lewis");
        let (toks, text) = sent("said the senator on Tuesday.");
        let s = Sent { text, toks: &toks };
        assert_eq!(phrase(text, &toks, right_of(&s, 1)), "the senator");
    }
}
