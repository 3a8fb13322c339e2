//! Whom a pronoun speaker ("he said", "she told CNN") stands for: a person the article names.
//!
//! [`super::find`] knows no entities, so a statement whose speaker is "he" or "she" leaves
//! [`resolve_pronouns`] to name it once the article's people are linked. News prose names the
//! speaker before the pronoun: as the subject of the same sentence ("Andrea Irwin told CNN that
//! she …"), as the speaker of a sentence shortly before ("…, Kerry added. “…,” he said.") or as
//! its subject ("David Cohen is the head of the community. … “…,” he said."). So the pronoun
//! stands for the first person named outside quotation marks in its own sentence before it,
//! else, in the nearest earlier sentence that has one, the person speaking there or the first
//! person named there; of those, only one whose sex, where the article gives it ("Mr.",
//! "mother", "spokeswoman") or a common first name tells it, agrees. A possessive ("Robinson's
//! mother") names the owner, not the speaker, and is passed over. An earlier sentence whose
//! subject describes someone ("The Russian leader has condemned …") holds the antecedent: the
//! person named before it whose role shares a word with the description ("Russian President
//! Vladimir Putin"), when there is one, rather than whoever that sentence names.
//!
//! It is *not* general coreference: only speakers' "he" and "she", and no guess past
//! [`MAX_SENTENCES_BACK`] sentences: a pronoun left unresolved keeps its own word as its
//! canonical name.

use brief_core::{Document, EntityKind, NamedEntity, Quote, Span, TokenKind};

/// How many sentences before the pronoun's own are searched for its person.
const MAX_SENTENCES_BACK: usize = 4;

/// The sex a pronoun or a person's title tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sex {
    Female,
    Male,
}

/// Words before or around a name that tell a woman: honorifics and roles.
const FEMALE: &[&str] = &[
    "actress",
    "aunt",
    "businesswoman",
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "daughter",
    "duchess",
    "girl",
    "girlfriend",
    "granddaughter",
    "grandmother",
    "lady",
    "miss",
    "mom",
    "mother",
    "mrs",
    "ms",
    "mum",
    "niece",
    "princess",
    "queen",
    "sister",
    "spokeswoman",
    "widow",
    "wife",
    "woman",
];

/// Words before or around a name that tell a man: honorifics and roles.
const MALE: &[&str] = &[
    "actor",
    "boy",
    "boyfriend",
    "brother",
    "businessman",
    "chairman",
    "congressman",
    "councilman",
    "dad",
    "duke",
    "father",
    "grandfather",
    "grandson",
    "husband",
    "king",
    "lord",
    "man",
    "mr",
    "nephew",
    "prince",
    "sir",
    "son",
    "spokesman",
    "uncle",
    "widower",
];

/// The sex a phrase's words tell, when they tell one and only one.
fn sex_of_words(phrase: &str) -> Option<Sex> {
    let mut found = None;
    for word in phrase.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 14 {
            continue;
        }
        let Some(sex) = listed_sex(&word.to_ascii_lowercase(), FEMALE, MALE) else {
            continue;
        };
        match found {
            None => found = Some(sex),
            Some(s) if s != sex => return None,
            Some(_) => {}
        }
    }
    found
}

/// The sex the article gives a person: its roles ("Nick Gordon's mother", "a spokeswoman"),
/// or the word right before a mention ("Mr. Trump", "Mrs May"); else the one its first name
/// tells. None when neither tells, or the article tells both (a role may name a relative:
/// "the son of …").
fn sex_of(text: &str, person: &NamedEntity) -> Option<Sex> {
    let mut found = None;
    let mut see = |sex: Option<Sex>| match (found, sex) {
        (_, None) => true,
        (None, s) => {
            found = s;
            true
        }
        (Some(a), Some(b)) => a == b,
    };
    for role in &person.roles {
        // Of a role's words, the last tells ("the victim's mother"); a relative named
        // before it ("his son's coach") does not.
        let words = &text[role.start..role.end];
        let last = words.split_whitespace().last().unwrap_or("");
        if !see(sex_of_words(last)) {
            return None;
        }
    }
    for mention in &person.mentions {
        let before = text[..mention.start]
            .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // Only honorifics here: a role word before a name is one of `roles`.
        let honorific = matches!(
            before.to_ascii_lowercase().as_str(),
            "mr" | "mrs" | "ms" | "miss" | "sir"
        );
        if honorific && !see(sex_of_words(before)) {
            return None;
        }
    }
    found.or_else(|| sex_by_first_name(person.canonical.get(text).unwrap_or_default()))
}

/// Common first names of women, lower case and sorted: names that men bear too ("Jordan",
/// "Andrea", "Lindsey", "Kim") are in neither list.
const FEMALE_NAMES: &[&str] = &[
    "abigail",
    "ada",
    "adele",
    "adriana",
    "agnes",
    "aisha",
    "alexandra",
    "alice",
    "alicia",
    "alison",
    "allison",
    "amanda",
    "amber",
    "amelia",
    "amy",
    "ana",
    "anastasia",
    "angela",
    "angelina",
    "anita",
    "ann",
    "anna",
    "anne",
    "annie",
    "antonia",
    "april",
    "ashley",
    "audrey",
    "barbara",
    "beatrice",
    "becky",
    "bella",
    "bernadette",
    "beth",
    "bethany",
    "betty",
    "beverly",
    "beyonce",
    "bianca",
    "bonnie",
    "brenda",
    "bridget",
    "brittany",
    "camilla",
    "carla",
    "carmen",
    "carol",
    "caroline",
    "carolyn",
    "catherine",
    "cecilia",
    "charlotte",
    "chelsea",
    "cheryl",
    "chloe",
    "christina",
    "christine",
    "cindy",
    "claire",
    "clara",
    "claudia",
    "cynthia",
    "daisy",
    "danielle",
    "deb",
    "deborah",
    "debra",
    "denise",
    "diana",
    "diane",
    "donna",
    "doris",
    "dorothy",
    "edith",
    "eileen",
    "elaine",
    "eleanor",
    "elena",
    "elisabeth",
    "elizabeth",
    "ella",
    "ellen",
    "elsa",
    "emily",
    "emma",
    "erica",
    "erin",
    "esther",
    "eva",
    "evelyn",
    "fatima",
    "fiona",
    "frances",
    "gabriela",
    "gabrielle",
    "gemma",
    "gillian",
    "gina",
    "gloria",
    "grace",
    "hannah",
    "harriet",
    "heather",
    "heidi",
    "helen",
    "helena",
    "hillary",
    "holly",
    "ingrid",
    "irene",
    "isabel",
    "isabella",
    "jacqueline",
    "jane",
    "janet",
    "janice",
    "jasmine",
    "jeanne",
    "jen",
    "jennifer",
    "jenny",
    "jess",
    "jessica",
    "jill",
    "joan",
    "joanna",
    "joanne",
    "josephine",
    "joyce",
    "judith",
    "judy",
    "julia",
    "julie",
    "juliet",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathryn",
    "kathy",
    "katie",
    "kayla",
    "kelly",
    "khloe",
    "kimberly",
    "kirsten",
    "kourtney",
    "kristen",
    "kylie",
    "laura",
    "lauren",
    "leah",
    "linda",
    "lisa",
    "liz",
    "lois",
    "lorraine",
    "louise",
    "lucy",
    "lydia",
    "madeleine",
    "madonna",
    "malala",
    "margaret",
    "maria",
    "marie",
    "marilyn",
    "marion",
    "martha",
    "mary",
    "meg",
    "megan",
    "melanie",
    "melinda",
    "melissa",
    "mia",
    "michelle",
    "miriam",
    "molly",
    "monica",
    "nadia",
    "nancy",
    "naomi",
    "natalie",
    "natasha",
    "nicole",
    "nina",
    "olivia",
    "oprah",
    "pamela",
    "patricia",
    "paula",
    "pauline",
    "penelope",
    "rachel",
    "rebecca",
    "rebekah",
    "regina",
    "rihanna",
    "rita",
    "roberta",
    "rosa",
    "ruth",
    "sabrina",
    "sally",
    "samantha",
    "sandra",
    "sara",
    "sarah",
    "serena",
    "sharon",
    "sheila",
    "shirley",
    "sofia",
    "sophia",
    "sophie",
    "stephanie",
    "sue",
    "susan",
    "suzanne",
    "sylvia",
    "tamara",
    "tanya",
    "teresa",
    "theresa",
    "tiffany",
    "tina",
    "valerie",
    "vanessa",
    "veronica",
    "victoria",
    "virginia",
    "wendy",
    "yvonne",
    "zoe",
];

/// Common first names of men, lower case and sorted (see [`FEMALE_NAMES`]).
const MALE_NAMES: &[&str] = &[
    "aaron",
    "abdul",
    "adam",
    "adrian",
    "ahmed",
    "alan",
    "albert",
    "alexander",
    "alfred",
    "ali",
    "allen",
    "andrew",
    "andy",
    "angelo",
    "anthony",
    "antonio",
    "arnold",
    "arsene",
    "arthur",
    "barack",
    "barry",
    "bashar",
    "ben",
    "benjamin",
    "bernard",
    "bernie",
    "bill",
    "billy",
    "bob",
    "bobby",
    "boris",
    "brad",
    "bradley",
    "brandon",
    "brian",
    "bruce",
    "bryan",
    "carl",
    "carlos",
    "charles",
    "charlie",
    "christian",
    "christopher",
    "clarence",
    "colin",
    "craig",
    "cristiano",
    "dan",
    "daniel",
    "danny",
    "darren",
    "dave",
    "david",
    "dennis",
    "derek",
    "dick",
    "dmitry",
    "don",
    "donald",
    "doug",
    "douglas",
    "dylan",
    "eddie",
    "edward",
    "emmanuel",
    "eric",
    "ernest",
    "eugene",
    "floyd",
    "francis",
    "francisco",
    "frank",
    "fred",
    "frederick",
    "gary",
    "gavin",
    "george",
    "gerald",
    "gordon",
    "graham",
    "greg",
    "gregory",
    "harold",
    "harry",
    "hassan",
    "henry",
    "howard",
    "hugh",
    "hussein",
    "ian",
    "isaac",
    "ivan",
    "jack",
    "jacob",
    "jake",
    "james",
    "jason",
    "javier",
    "jeb",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "kanye",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "khalid",
    "kyle",
    "larry",
    "lawrence",
    "leonard",
    "liam",
    "lionel",
    "louis",
    "luis",
    "luke",
    "mahmoud",
    "manny",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "michael",
    "miguel",
    "mike",
    "mitch",
    "mitt",
    "mohamed",
    "mohammed",
    "muhammad",
    "narendra",
    "nate",
    "nathan",
    "neil",
    "nicholas",
    "nick",
    "nicolas",
    "nigel",
    "noah",
    "novak",
    "oliver",
    "omar",
    "oscar",
    "patrick",
    "paul",
    "pedro",
    "pete",
    "peter",
    "phil",
    "philip",
    "phillip",
    "pierre",
    "rafael",
    "ralph",
    "ray",
    "raymond",
    "recep",
    "richard",
    "rick",
    "rob",
    "robert",
    "roger",
    "ron",
    "ronald",
    "rory",
    "roy",
    "russell",
    "ryan",
    "samuel",
    "scott",
    "sean",
    "sepp",
    "sergei",
    "sergey",
    "shinzo",
    "simon",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tony",
    "trevor",
    "tyler",
    "vincent",
    "vladimir",
    "walt",
    "walter",
    "wayne",
    "william",
    "xavier",
    "yuri",
    "zachary",
];

/// The sex a person's first name tells: the first word of the name that is in
/// [`FEMALE_NAMES`] or [`MALE_NAMES`] among its first two ("Dr. Phil McGraw" looks at "Phil").
fn sex_by_first_name(name: &str) -> Option<Sex> {
    name.split_whitespace()
        .take(2)
        .find_map(|word| listed_sex(&word.to_lowercase(), FEMALE_NAMES, MALE_NAMES))
}

/// The sex of the sorted list, of women's words or men's, that holds a lower-case word.
fn listed_sex(lower: &str, female: &[&str], male: &[&str]) -> Option<Sex> {
    if female.binary_search(&lower).is_ok() {
        Some(Sex::Female)
    } else if male.binary_search(&lower).is_ok() {
        Some(Sex::Male)
    } else {
        None
    }
}

/// Whether a lower-case first name is one of the women's (`Some(true)`) or men's
/// (`Some(false)`) listed, none when neither list has it.
pub(crate) fn first_name_is_female(lower: &str) -> Option<bool> {
    listed_sex(lower, FEMALE_NAMES, MALE_NAMES).map(|s| s == Sex::Female)
}

/// The sex of a pronoun speaker's word, none for any other speaker.
fn pronoun_sex(word: &str) -> Option<Sex> {
    if word.eq_ignore_ascii_case("he") {
        Some(Sex::Male)
    } else if word.eq_ignore_ascii_case("she") {
        Some(Sex::Female)
    } else {
        None
    }
}

/// Most words a description of a person opening a sentence runs to its title ("The
/// 55-year-old opposition leader").
const DESCRIPTION_WORDS: usize = 5;

/// The lower-cased words of the description of a person that opens sentence `sentence`:
/// "the" and up to [`DESCRIPTION_WORDS`] words ending in a title, no name beside it ("The
/// Russian leader has …" gives "russian leader"; not "The president, Barack Obama, …").
fn described_subject(text: &str, doc: &Document, sentence: usize) -> Option<Vec<String>> {
    let tokens = &doc.sentences.get(sentence)?.tokens;
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &text[t.span.start..t.span.end])
    };
    let first = tokens.iter().position(|t| t.kind == TokenKind::Word)?;
    if !word(first)?.eq_ignore_ascii_case("the") {
        return None;
    }
    let capitalised = |k: usize| word(k).is_some_and(|w| w.starts_with(char::is_uppercase));
    let title = (first + 1..=first + DESCRIPTION_WORDS)
        .map_while(|k| word(k).map(|w| (k, w)))
        .find(|(_, w)| crate::entities::is_title(&w.to_lowercase()))
        .map(|(k, _)| k)?;
    let comma = tokens
        .get(title + 1)
        .is_some_and(|t| &text[t.span.start..t.span.end] == ",");
    if capitalised(title + 1) || (comma && capitalised(title + 2)) {
        return None;
    }
    Some(
        (first + 1..=title)
            .filter_map(word)
            .map(str::to_lowercase)
            .collect(),
    )
}

/// The person a description stands for: of the people named before byte `before` whose
/// sex agrees, the last named with a role that shares a word with it ("Russian President"
/// for "the Russian leader", "Venezuelan President" for "the President").
fn described_person(
    text: &str,
    entities: &[NamedEntity],
    description: &[String],
    before: usize,
    agrees: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    entities
        .iter()
        .enumerate()
        .filter(|&(i, e)| e.kind == EntityKind::Person && agrees(i))
        .filter(|(_, e)| {
            e.roles.iter().any(|r| {
                r.get(text)
                    .unwrap_or_default()
                    .split_whitespace()
                    .any(|w| description.iter().any(|d| d.eq_ignore_ascii_case(w)))
            })
        })
        .filter_map(|(i, e)| {
            let last = e.mentions.iter().rfind(|m| m.end <= before)?;
            Some((last.start, i))
        })
        .max()
        .map(|(_, i)| i)
}

/// True when a mention is a possessive ("Robinson's mother"): it names the owner.
fn possessive(text: &str, mention: Span) -> bool {
    let after = &text[mention.end..];
    after.starts_with("'s") || after.starts_with("’s") || text[..mention.end].ends_with("s'")
}

/// Names each "he" or "she" speaker of `quotes` after the person it stands for (the
/// canonical name of one of `entities`, whitespace collapsed), or after itself when none is
/// found. Other speakers are left as they are.
pub fn resolve_pronouns(
    text: &str,
    doc: &Document,
    quotes: &mut [Quote],
    entities: &[NamedEntity],
) {
    if !quotes.iter().any(|q| {
        q.speaker
            .as_ref()
            .is_some_and(|s| pronoun_sex(s.span.get(text).unwrap_or("")).is_some())
    }) {
        return;
    }
    // Mentions of people outside quotation marks and not possessive, in text order.
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| q.content)
        .collect();
    let inside_quote = |m: Span| quoted.iter().any(|q| q.start <= m.start && m.end <= q.end);
    let mut people: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
        .filter(|&(m, _)| !possessive(text, m) && !inside_quote(m))
        .collect();
    people.sort_unstable_by_key(|&(m, i)| (m.start, i));
    let sexes: Vec<Option<Sex>> = entities
        .iter()
        .map(|e| {
            (e.kind == EntityKind::Person)
                .then(|| sex_of(text, e))
                .flatten()
        })
        .collect();
    let sentence_of = |at: usize| {
        doc.sentences
            .partition_point(|s| s.span.end <= at)
            .min(doc.sentences.len().saturating_sub(1))
    };
    // The people named as the speakers of statements, by the sentence of the speaker: the
    // last person of a speaker phrase ("Hernandez lawyer Charles Rankin").
    let mut speaking: Vec<(usize, usize)> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter_map(|sp| {
            let from = people.partition_point(|(m, _)| m.end <= sp.span.start);
            people[from..]
                .iter()
                .take_while(|(m, _)| m.start < sp.span.end)
                .last()
                .map(|&(_, i)| (sentence_of(sp.span.start), i))
        })
        .collect();
    speaking.sort_unstable();
    for quote in quotes.iter_mut() {
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        let Some(sex) = pronoun_sex(speaker.span.get(text).unwrap_or("")) else {
            continue;
        };
        let agrees = |i: usize| sexes[i].is_none_or(|s| s == sex);
        let own = sentence_of(speaker.span.start);
        // The first person named in a sentence (its subject, as a rule), up to `end`.
        let first_in = |sentence: usize, end: usize| {
            let span = doc.sentences.get(sentence)?.span;
            let from = people.partition_point(|(m, _)| m.start < span.start);
            people[from..]
                .iter()
                .take_while(|(m, _)| m.end <= end.min(span.end))
                .find(|&&(_, i)| agrees(i))
                .map(|&(_, i)| i)
        };
        // In an earlier sentence, whoever speaks there goes on speaking ("… Kerry added.
        // “…,” he said."); else its first person.
        let speaker_in = |sentence: usize| {
            let from = speaking.partition_point(|&(s, _)| s < sentence);
            speaking[from..]
                .iter()
                .take_while(|&&(s, _)| s == sentence)
                .filter(|&&(_, i)| agrees(i))
                .last()
                .map(|&(_, i)| i)
        };
        // A sentence whose subject describes someone without naming them ("The Russian
        // leader has condemned …") holds the pronoun's antecedent: the person named before
        // it whose role shares a word with the description ("Russian President Vladimir
        // Putin"), else whoever the search finds on.
        let described_in = |s: usize| {
            let sentence = &doc.sentences[s];
            let opens_outside = sentence
                .tokens
                .first()
                .is_some_and(|t| !inside_quote(t.span));
            let description = described_subject(text, doc, s).filter(|_| opens_outside)?;
            described_person(text, entities, &description, sentence.span.start, &agrees)
        };
        let found = first_in(own, speaker.span.start).or_else(|| {
            (own.saturating_sub(MAX_SENTENCES_BACK)..own)
                .rev()
                .find_map(|s| {
                    speaker_in(s)
                        .or_else(|| described_in(s))
                        .or_else(|| first_in(s, usize::MAX))
                })
        });
        let name = match found {
            Some(i) => entities[i].canonical.get(text).unwrap_or_default(),
            None => speaker.span.get(text).unwrap_or_default(),
        };
        speaker.canonical = name.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::Article;

    /// The canonical names of the pronoun speakers of `text`, in order.
    fn resolved(text: &str) -> Vec<String> {
        let article = Article::from_text("t", text);
        let doc = crate::understand(&article);
        crate::facts(&article, &doc)
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .filter(|s| pronoun_sex(s.span.get(&article.text).unwrap_or("")).is_some())
            .map(|s| s.canonical.clone())
            .collect()
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(FEMALE.windows(2).all(|w| w[0] < w[1]));
        assert!(MALE.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_description_stands_for_the_person_whose_role_it_shares() {
        // "The Russian leader" is Russian President Vladimir Putin, not Nemtsov, named last.
        let text = "Russian President Vladimir Putin spoke on Wednesday. Boris Nemtsov was \
                    shot on Friday. The Russian leader has condemned the killing. He also wrote \
                    to the mother, saying he shared her grief.";
        assert!(!resolved(text).is_empty());
        assert!(resolved(text).iter().all(|n| n == "Vladimir Putin"));
        // No role to match: the search goes on to the sentence before.
        let text = "David Cameron attacked Labour on Monday. The Prime Minister said Labour \
                    had failed. \"Don't you dare lecture us on poverty,\" he said.";
        assert_eq!(resolved(text), ["David Cameron"]);
    }

    #[test]
    fn a_pronoun_stands_for_the_subject_of_an_earlier_sentence() {
        let text = "David Cohen is the head of the Jewish community in Esfahan. He declined \
                    to comment on politics. \"Israel and Iran are countries,\" he said.";
        assert_eq!(resolved(text), ["David Cohen", "David Cohen"]);
    }

    #[test]
    fn names_inside_quotation_marks_and_possessives_are_passed_over() {
        let text = "Don King offered a rebuttal. \"Why would Mr. Pharrell Williams need to copy \
                    anyone?\" he asked the jury.";
        assert_eq!(resolved(text), ["Don King"]);
        let text = "Tony Robinson's mother, Andrea Irwin, spoke to CNN on Monday. \"My son has \
                    never been a violent person,\" she said.";
        assert_eq!(resolved(text), ["Andrea Irwin"]);
    }

    #[test]
    fn the_sex_a_title_or_role_gives_must_agree() {
        let text = "Michelle Gordon, Nick Gordon's mother, spoke first. Mr. Nick Gordon sat \
                    beside her. She said her son had been drinking.";
        assert_eq!(resolved(text), ["Michelle Gordon"]);
        assert_eq!(sex_of_words("spokeswoman"), Some(Sex::Female));
        assert_eq!(sex_of_words("son of the mother"), None);
    }

    #[test]
    fn whoever_speaks_in_the_sentence_before_goes_on_speaking() {
        let text = "President Barack Obama wants a durable agreement, John Kerry added. \"We \
                    have not yet reached the finish line,\" he said.";
        assert_eq!(resolved(text), ["John Kerry"]);
    }

    #[test]
    fn a_first_name_tells_the_sex_when_the_article_does_not() {
        let text = "On Monday, Hillary Clinton spoke after Barack Obama left the stage. \"We \
                    will win,\" she said.";
        assert_eq!(resolved(text), ["Hillary Clinton"]);
        assert!(FEMALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(MALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(!FEMALE_NAMES.iter().any(|n| MALE_NAMES.contains(n)));
        assert_eq!(sex_by_first_name("Dr. Phil McGraw"), Some(Sex::Male));
    }

    #[test]
    fn a_pronoun_with_no_person_near_keeps_its_word() {
        let text = "Greece has denied it will miss a payment. The talks went on for hours. \
                    Markets fell. Banks shut early. Nobody knew why. \"We strive to pay,\" he \
                    said.";
        assert_eq!(resolved(text), ["he"]);
    }
}
