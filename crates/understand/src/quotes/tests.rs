//! One test per frame: the content, cue and speaker the rules propose, as text; and the
//! scorer's verdict on clear cases.

use brief_core::{Article, Quote};

use super::{candidates, find, resolve_pronouns, AUXILIARIES};
use crate::understand;

/// (content, cue, speaker, direct) of every statement the rules propose in `text`, as the
/// frames give it (the longest reading of each).
fn statements(text: &str) -> Vec<(String, String, String, bool)> {
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    let all = candidates(&article, &doc);
    all.iter()
        .filter(|c| {
            all.iter()
                .all(|o| o.group != c.group || o.quote.content.end <= c.quote.content.end)
        })
        .map(|c| c.quote.clone())
        .map(|q| {
            (
                article.slice(q.content).to_string(),
                q.cue
                    .map(|c| article.slice(c).to_string())
                    .unwrap_or_default(),
                q.speaker
                    .map(|s| article.slice(s.span).to_string())
                    .unwrap_or_default(),
                q.direct,
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, bool) {
    let all = statements(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap_or_default()
}

fn s(a: &str, b: &str, c: &str, d: bool) -> (String, String, String, bool) {
    (a.into(), b.into(), c.into(), d)
}

#[test]
fn said_that_clause() {
    assert_eq!(
        one("Trump said the deal was \"a disaster\" for workers."),
        s(
            "the deal was \"a disaster\" for workers",
            "said",
            "Trump",
            false
        )
    );
    assert_eq!(
        one("The Kremlin has repeatedly said that the talks would go on."),
        s(
            "that the talks would go on",
            "has repeatedly said",
            "The Kremlin",
            false
        )
    );
}

/// PolNeAR's content of "said that CLAUSE" takes in the "that" (2,316 times in train, 12
/// not); a colon opening the content is left out.
#[test]
fn said_on_tuesday_that() {
    assert_eq!(
        one("Putin's senior aide Yuri Ushakov said on Tuesday that no deal was reached."),
        s(
            "that no deal was reached",
            "said",
            "Putin's senior aide Yuri Ushakov",
            false
        )
    );
    assert_eq!(
        one("The mayor said in a statement: the dam will hold."),
        s("the dam will hold", "said", "The mayor", false)
    );
    // A quoted title before the speaker is no statement when "that" opens one after the cue.
    let all =
        statements("“Parasite” director Bong Joon Ho said backstage that the show would go on.");
    assert!(
        all.iter()
            .any(|q| q.0 == "that the show would go on" && q.1 == "said"),
        "{all:?}"
    );
    assert!(all.iter().all(|q| q.0 != "Parasite"), "{all:?}");
    // A span of time is when it was said.
    assert_eq!(
        one("The attorney general announced weeks later that the case was closed."),
        s(
            "that the case was closed",
            "announced",
            "The attorney general",
            false
        )
    );
    // An adverb of place, not the content, stands between the cue and "that".
    assert_eq!(
        one("The director said backstage that the show would go on."),
        s("that the show would go on", "said", "The director", false)
    );
}

#[test]
fn clause_then_attribution() {
    assert_eq!(
        one("The plan was unacceptable, the White House said."),
        s(
            "The plan was unacceptable",
            "said",
            "the White House",
            false
        )
    );
    assert_eq!(
        one("The plan was unacceptable, said Ann Lewis, a longtime adviser."),
        s("The plan was unacceptable", "said", "Ann Lewis", false)
    );
}

#[test]
fn direct_quote_before_and_after() {
    assert_eq!(
        one("“We will not give up,” the mayor said on Monday."),
        s("We will not give up,", "said", "the mayor", true)
    );
    assert_eq!(
        one("She told reporters: \"We are done here.\""),
        s("We are done here.", "told", "She", true)
    );
}

#[test]
fn split_quote_is_one_statement() {
    assert_eq!(
        one("\"We will,\" he said, \"win this.\""),
        s("We will,\" he said, \"win this.", "said", "he", true)
    );
    assert_eq!(
        one("“Donald is thin-skinned,” she said. “He takes everything personally.”"),
        s(
            "Donald is thin-skinned,” she said. “He takes everything personally.",
            "said",
            "she",
            true
        )
    );
}

#[test]
fn quote_over_paragraphs() {
    let text = "Ms. Lee said: “We lost the vote. We will be back.\n\n“Next year is ours.”\n\nThe hall emptied.";
    assert_eq!(
        one(text),
        s(
            "We lost the vote. We will be back.\n\n“Next year is ours.",
            "said",
            "Ms. Lee",
            true
        )
    );
}

#[test]
fn according_to() {
    assert_eq!(
        one("According to the report, turnout fell sharply."),
        s("turnout fell sharply", "According to", "the report", false)
    );
    assert_eq!(
        one("Turnout fell sharply, according to officials."),
        s("Turnout fell sharply", "according to", "officials", false)
    );
}

#[test]
fn a_semicolon_after_the_cue_ends_its_clause() {
    let all = statements(
        "The marriage suffered when he stayed away, TMZ reported; Flay was seen in Rome.",
    );
    assert!(
        all.iter()
            .all(|x| !x.0.starts_with(';') && !x.0.starts_with("Flay")),
        "{all:?}"
    );
}

#[test]
fn told_listener_is_not_content() {
    assert_eq!(
        one("Cook told the Times that the decision was a mistake."),
        s("that the decision was a mistake", "told", "Cook", false)
    );
    assert_eq!(
        one("Cook told reporters he would stay."),
        s("he would stay", "told", "Cook", false)
    );
    assert_eq!(
        one("Lai told the Daily Camera newspaper she was safe."),
        s("she was safe", "told", "Lai", false)
    );
    assert_eq!(
        one("Boughton told CNN he's been trading jokes with students."),
        s(
            "he's been trading jokes with students",
            "told",
            "Boughton",
            false
        )
    );
    // A name describing the listeners: "WeWork executives".
    assert_eq!(
        one("Son has told WeWork executives he will cut costs by 2021."),
        s("he will cut costs by 2021", "has told", "Son", false)
    );
    // Names joined by "and" are one listener; after lower-case words, a capital opens the
    // clause.
    assert_eq!(
        one("Dadayev told Eva Merkacheva and Andrey Babushkin he had been tortured."),
        s("he had been tortured", "told", "Dadayev", false)
    );
    assert_eq!(
        one("Gravier told French newspaper Liberation the crash occurred in a steep area."),
        s(
            "the crash occurred in a steep area",
            "told",
            "Gravier",
            false
        )
    );
    assert_eq!(
        one("Smith told reporters Trump was wrong about the deal."),
        s("Trump was wrong about the deal", "told", "Smith", false)
    );
    let possessive = statements("Jones told NBC's Today show he was wrong.");
    assert!(
        possessive
            .iter()
            .any(|x| x.0 == "he was wrong" && x.1 == "told" && x.2 == "Jones"),
        "{possessive:?}"
    );
    // A listener up to the sentence's end: the content is before the cue.
    assert_eq!(
        one("His son had no ties to the group, Jassem Emwazi told the Kuwaiti newspaper al Qabas."),
        s(
            "His son had no ties to the group",
            "told",
            "Jassem Emwazi",
            false
        )
    );
    // A passive cue has no listener: what follows is the content.
    let passive = statements("Cook was told the plant would close.");
    assert!(
        passive
            .iter()
            .any(|x| x.0 == "the plant would close" && x.1 == "was told"),
        "{passive:?}"
    );
}

#[test]
fn a_cue_inside_a_name_is_no_cue() {
    let name = statements(
        "In the video, ISIS claims the man, 19-year-old Mohamed Said Ismail Musallam, is a spy.",
    );
    assert!(name.iter().all(|x| x.1 != "Said"), "{name:?}");
    assert!(name.iter().any(|x| x.1 == "claims"), "{name:?}");
    // A name that ends in the cue's word.
    let credit = statements(
        "CNN's Samira Said, Roba Alhenawi and Nic Robertson contributed to this report.",
    );
    assert!(credit.iter().all(|x| x.1 != "Said"), "{credit:?}");
    // A headline in title case keeps its cue.
    let headline = statements("Senator Warren Says Trump Is Wrong About the Deal");
    assert!(headline.iter().any(|x| x.1 == "Says"), "{headline:?}");
}

#[test]
fn relative_clause_speaker() {
    assert_eq!(
        one("Jones, 62, who lives nearby, said the water rose fast."),
        s("the water rose fast", "said", "Jones", false)
    );
}

#[test]
fn participle_takes_the_sentence_speaker() {
    let all = statements("The senator defended the bill on Tuesday, saying it would create jobs.");
    assert!(
        all.contains(&s("it would create jobs", "saying", "The senator", false)),
        "{all:?}"
    );
}

#[test]
fn has_emphasized_the_need() {
    assert_eq!(
        one("The minister has emphasized the need for calm."),
        s("the need for calm", "has emphasized", "The minister", false)
    );
}

#[test]
fn nested_attribution() {
    let all =
        statements("A poll found that 74 percent of voters said Trump should release his returns.");
    let contents: Vec<&str> = all.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        contents,
        [
            "that 74 percent of voters said Trump should release his returns",
            "Trump should release his returns"
        ]
    );
}

#[test]
fn scare_quotes_and_plain_sentences_are_not_statements() {
    assert!(statements("The so-called \"pass through\" income is taxed at 15 percent.").is_empty());
    assert!(statements("Rain fell on the city for five hours.").is_empty());
}

#[test]
fn the_scorer_keeps_clear_statements() {
    let text =
        "The mayor said the dam would hold. \"We are ready,\" she told reporters on Monday. \
                Officials said 300 homes were flooded.";
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    let kept: Vec<&str> = find(&article, &doc)
        .iter()
        .map(|q| article.slice(q.content))
        .collect();
    assert_eq!(
        kept,
        [
            "the dam would hold",
            "We are ready,",
            "300 homes were flooded"
        ]
    );
}

#[test]
fn pronoun_speakers_get_a_canonical_name() {
    let article = Article::from_text(
        "t",
        "Mayor Ann Lee said the dam would hold. \"We are ready,\" she said.",
    );
    let doc = understand(&article);
    let mut quotes = find(&article, &doc);
    let she = |quotes: &[Quote]| {
        quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .find(|sp| article.slice(sp.span) == "she")
            .map(|sp| sp.canonical.clone())
    };
    // Without the article's people, a pronoun is its own word...
    assert_eq!(she(&quotes).as_deref(), Some("she"));
    // ...and with them, the person it stands for.
    let mentions = crate::entities::recognize(&article.text, &doc);
    let people = crate::entities::link(&article.text, &doc, &mentions);
    resolve_pronouns(&article.text, &doc, &mut quotes, &people);
    assert_eq!(she(&quotes).as_deref(), Some("Mayor Ann Lee"));
}

#[test]
fn word_lists_are_sorted() {
    for list in [
        AUXILIARIES.words,
        super::speaker::PRONOUNS.words,
        super::TIME_WORDS.words,
    ] {
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
    }
}

#[test]
fn relative_pronoun_speaker_is_named_by_its_antecedent() {
    let article = Article::from_text(
        "t",
        "Mr. Trump, who said the race was rigged, lost the vote.",
    );
    let doc = understand(&article);
    let quotes = find(&article, &doc);
    let q = quotes.first().expect("a statement");
    assert_eq!(article.slice(q.content), "the race was rigged");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(
        (article.slice(sp.span), sp.canonical.as_str()),
        ("who", "Mr. Trump")
    );
}

#[test]
fn name_and_colon() {
    let all = statements("Elizabeth Warren: Donald Trump Is a Proven Failure in Business");
    assert!(
        all.contains(&s(
            "Donald Trump Is a Proven Failure in Business",
            ":",
            "Elizabeth Warren",
            false
        )),
        "{all:?}"
    );
    let note = statements("Editor's note: this story was updated.");
    assert!(note.iter().all(|x| x.1 != ":"), "{note:?}");
}

#[test]
fn a_transcript_label_owns_its_paragraph() {
    let text = "The interview went on.\n\n\"WALLACE: Will she be there? We have little time.\n\n\"PENCE: She will not. He was joking.";
    let all = statements(text);
    assert!(
        all.contains(&s(
            "Will she be there? We have little time",
            ":",
            "WALLACE",
            false
        )),
        "{all:?}"
    );
    assert!(
        all.contains(&s("She will not. He was joking", ":", "PENCE", false)),
        "{all:?}"
    );
    // A label after the paragraph's start holds its sentence only.
    let mid = statements("Then it was his turn. Smith: We won. We will win again.");
    assert!(mid.contains(&s("We won", ":", "Smith", false)), "{mid:?}");
}

#[test]
fn a_clause_after_the_cue_is_its_content() {
    assert_eq!(
        one("Later in the day, the FBI said it would cooperate."),
        s("it would cooperate", "said", "the FBI", false)
    );
}

#[test]
fn after_a_closing_quote_the_quote_is_the_content() {
    assert_eq!(
        one("“The campaign goes on,” Kasich told a crowd in Berea, Ohio on Tuesday night."),
        s("The campaign goes on,", "told", "Kasich", true)
    );
}

#[test]
fn a_quoted_title_before_the_speaker_is_no_content_when_a_clause_follows_the_cue() {
    assert_eq!(
        one("On “Fox News Sunday,” Gov. Mike Pence said the tweet was only a joke."),
        s(
            "the tweet was only a joke",
            "said",
            "Gov. Mike Pence",
            false
        )
    );
    // An adverbial after the cue leaves the quote its content.
    assert_eq!(
        one("“We will win,” Pence said on Sunday."),
        s("We will win,", "said", "Pence", true)
    );
}

#[test]
fn a_speaker_with_an_appositive_after_the_quote() {
    assert_eq!(
        one("\"We need a new bridge,\" Representative Jane Doe, Democrat of Ohio, told the council on Monday."),
        s("We need a new bridge,", "told", "Representative Jane Doe", true)
    );
    assert_eq!(
        one("''We will not rule it out,'' Mr. Grant, a former banker, said dryly."),
        s("We will not rule it out,", "said", "Mr. Grant", true)
    );
}

#[test]
fn a_place_in_the_speakers_appositive() {
    assert_eq!(
        one("Maria Lopez, a nurse from Austin, Texas, said the clinic was overwhelmed."),
        s("the clinic was overwhelmed", "said", "Maria Lopez", false)
    );
}

#[test]
fn a_quote_resumes_only_as_a_quote() {
    assert_eq!(
        one("“We are ready,” she said, in a message to her supporters."),
        s("We are ready,", "said", "she", true)
    );
}

#[test]
fn according_to_inside_the_clause() {
    let all = statements("Gold prices, according to the exchange, rose for a third day.");
    assert!(
        all.contains(&s(
            "Gold prices, according to the exchange, rose for a third day",
            "according to",
            "the exchange",
            false
        )),
        "{all:?}"
    );
}

#[test]
fn a_verb_ends_a_speaker_phrase() {
    let all = statements("Ann Cole said the governor had said the budget was final.");
    assert!(
        all.contains(&s(
            "the budget was final",
            "had said",
            "the governor",
            false
        )),
        "{all:?}"
    );
}

#[test]
fn a_quote_of_several_sentences_after_the_cue() {
    for (text, content, cue, speaker) in [
        (
            "Asked about it, Mr. Lane said: ''I hope so. I hope so.''",
            "I hope so. I hope so.",
            "said",
            "Mr. Lane",
        ),
        (
            "She told Fox News, “We have a plan. It is a good one.”",
            "We have a plan. It is a good one.",
            "told",
            "She",
        ),
        (
            "He wrote to his followers, “It is time to go. Thank you.”",
            "It is time to go. Thank you.",
            "wrote",
            "He",
        ),
    ] {
        let all = statements(text);
        assert!(
            all.contains(&s(content, cue, speaker, true)),
            "{text}: {all:?}"
        );
    }
}

/// The contents of what `find` keeps in `text`.
fn kept(text: &str) -> Vec<String> {
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    find(&article, &doc)
        .iter()
        .map(|q| article.slice(q.content).to_string())
        .collect()
}

#[test]
fn a_clause_after_its_cue_has_shorter_readings() {
    let text = "Democrats blasted Republicans for being sore losers, which angered the senator.";
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    let all = candidates(&article, &doc);
    let full = all
        .iter()
        .find(|c| {
            article.slice(c.quote.content)
                == "Republicans for being sore losers, which angered the senator"
        })
        .expect("the frame's reading");
    let readings: Vec<&str> = all
        .iter()
        .filter(|c| c.group == full.group)
        .map(|c| article.slice(c.quote.content))
        .collect();
    assert_eq!(
        readings,
        [
            "Republicans",
            "Republicans for being sore losers",
            "Republicans for being sore losers, which angered the senator"
        ]
    );
}

/// The readings of the statement whose longest reading is `longest`, shortest first.
fn readings(text: &str, longest: &str) -> Vec<String> {
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    let all = candidates(&article, &doc);
    let full = all
        .iter()
        .find(|c| article.slice(c.quote.content) == longest)
        .expect("the frame's reading");
    all.iter()
        .filter(|c| c.group == full.group)
        .map(|c| article.slice(c.quote.content).to_string())
        .collect()
}

#[test]
fn a_clause_may_end_before_an_adjunct_anywhere_in_it() {
    // The first preposition ("to") and the clause of time ("after") both end a reading.
    assert_eq!(
        readings(
            "Christie said he wanted to go home after he was pressed by reporters.",
            "he wanted to go home after he was pressed by reporters"
        ),
        [
            "he wanted",
            "he wanted to go home",
            "he wanted to go home after he was pressed by reporters"
        ]
    );
    // The occasion of the statement: "in", "on" or "at" before an article or a name.
    assert_eq!(
        readings(
            "Trump said the race for the presidency was rigged in an interview on Sunday.",
            "the race for the presidency was rigged in an interview on Sunday"
        ),
        [
            "the race",
            "the race for the presidency was rigged",
            "the race for the presidency was rigged in an interview",
            "the race for the presidency was rigged in an interview on Sunday"
        ]
    );
}

#[test]
fn the_boundary_model_ends_a_clause_before_which_and_a_new_clause() {
    assert_eq!(
        kept(
            "Mr. Obama acknowledged the reality of climate change, which makes him \
             something of an outlier among Republican lawmakers."
        ),
        ["the reality of climate change"]
    );
    assert_eq!(
        kept("The senator said the tax plan would help families, which is disputed by economists."),
        ["the tax plan would help families"]
    );
    // A clause of speech keeps its "and …": the speaker said both.
    assert_eq!(
        kept("The mayor said the dam would hold and the roads would reopen on Monday."),
        ["the dam would hold and the roads would reopen on Monday"]
    );
}

#[test]
fn content_features_pair_the_cue_with_the_first_word_of_the_content() {
    use super::score::{content, hash, Features};
    let text = "the deal was dead";
    let span = brief_core::Span::new(0, text.len());
    let mut said = Features { keys: Vec::new() };
    content(text, span, false, "after", "said", &mut said);
    let mut backed = Features { keys: Vec::new() };
    content(text, span, false, "after", "backed", &mut backed);
    assert!(said.keys.contains(&hash("cue-cstart=said-the")));
    assert!(backed.keys.contains(&hash("cue-cstart=backed-the")));
    assert!(!backed.keys.contains(&hash("cue-cstart=said-the")));
    // The rest of the content's features do not depend on the cue.
    assert_eq!(said.keys.len(), backed.keys.len());
    assert_eq!(
        said.keys
            .iter()
            .filter(|k| !backed.keys.contains(k))
            .count(),
        1
    );
}

/// A quote that opens in a reported clause and closes sentences later: PolNeAR's content
/// runs to its closing mark.
#[test]
fn a_partial_quote_over_sentences_ends_the_content() {
    assert_eq!(
        one("He said Rubio is \"weak on illegal immigration. Weak like a baby.\""),
        s(
            "Rubio is \"weak on illegal immigration. Weak like a baby.\"",
            "said",
            "He",
            false
        )
    );
}

/// A clause that opens its sentence with "while", "although" … ends at the sentence's first
/// comma: the main clause follows.
#[test]
fn a_leading_subordinate_clause_ends_at_its_comma() {
    use super::score::hash;
    let text = "While Sanders said the race was rigged, the party moved on.";
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    let all = candidates(&article, &doc);
    let cut = all
        .iter()
        .find(|c| article.slice(c.quote.content) == "the race was rigged")
        .expect("the reading ending at the comma");
    assert!(cut.features.contains(&hash("cut-endslead=")));
    assert!(all
        .iter()
        .filter(|c| c.group == cut.group && c.quote.content != cut.quote.content)
        .all(|c| !c.features.contains(&hash("cut-endslead="))));
    assert_eq!(kept(text), ["the race was rigged"]);
}

/// (content, direct, cue, speaker) of every statement `find` keeps in `text`, as text.
fn kept_statements(text: &str) -> Vec<(String, bool, Option<String>, Option<String>)> {
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    find(&article, &doc)
        .into_iter()
        .map(|q| {
            (
                article.slice(q.content).to_string(),
                q.direct,
                q.cue.map(|c| article.slice(c).to_string()),
                q.speaker.map(|s| article.slice(s.span).to_string()),
            )
        })
        .collect()
}

/// A long quotation no cue introduces is a statement of its own, its speaker only where the
/// text names one after it; short quoted phrases, quotations a statement covers and quoted
/// titles after a dash are not.
#[test]
fn long_quotations_without_a_cue_are_statements() {
    let text = "Voters answered the paper's call.\n\n\
                “Mr. Trump’s performance confirms where he stands on every single issue.” ― Veronica Cruz\n\n\
                “I have never seen a debate like this one in all my years of watching.”\n\n\
                The mayor called the plan “a disaster” on Monday.\n\n\
                Headlines — “Council votes to build the barrier along the whole river front”\n\n\
                “We will build the barrier before the next winter comes,” Grant said.";
    let found = kept_statements(text);
    let bare = |content: &str, speaker: Option<&str>| {
        (content.to_string(), true, None, speaker.map(str::to_string))
    };
    assert!(found.contains(&bare(
        "Mr. Trump’s performance confirms where he stands on every single issue.",
        Some("Veronica Cruz")
    )));
    assert!(found.contains(&bare(
        "I have never seen a debate like this one in all my years of watching.",
        None
    )));
    assert!(!found
        .iter()
        .any(|f| f.0.contains("a disaster") && f.2.is_none()));
    assert!(!found.iter().any(|f| f.0.contains("Council votes")));
    // The quote Grant is cited for is found once, with its cue.
    let grant: Vec<_> = found
        .iter()
        .filter(|f| f.0.contains("next winter"))
        .collect();
    assert_eq!(grant.len(), 1, "{found:?}");
    assert_eq!(grant[0].2.as_deref(), Some("said"));
}

/// Quotations of one paragraph a few words apart are one statement; one shortly after a
/// direct statement continues it.
#[test]
fn close_quotations_of_a_paragraph_are_one_statement() {
    let text = "The village counted the damage.\n\n\
                “The river rose faster than anyone had expected.” Then the rain stopped. \
                “Nobody slept at all that night.”\n\n\
                “We will build the barrier before the next winter comes,” Grant said at the town \
                hall on Monday. The crowd cheered. “Work starts in the spring and will take three \
                whole years.”";
    let found: Vec<(String, Option<String>)> = kept_statements(text)
        .into_iter()
        .map(|(content, _, cue, _)| (content, cue))
        .collect();
    assert!(found.contains(&(
        "The river rose faster than anyone had expected.” Then the rain stopped. \
         “Nobody slept at all that night."
            .to_string(),
        None
    )));
    let spring: Vec<_> = found
        .iter()
        .filter(|f| f.0.contains("Work starts in the spring"))
        .collect();
    assert_eq!(spring.len(), 1, "{found:?}");
    assert!(spring[0].0.starts_with("We will build"), "{found:?}");
    assert_eq!(spring[0].1.as_deref(), Some("said"));
}

/// "told X" has X for its listener, never for an inverted speaker ("“…,” asked Smith" is one).
#[test]
fn the_listener_of_told_is_no_speaker() {
    let text = "\"There will not be any pool tables on board,\" Italian designer, Lidia Bersani, told CNN.";
    for (content, cue, speaker, _) in statements(text) {
        assert!(
            speaker != "CNN",
            "{content:?} ({cue}) attributed to the listener"
        );
    }
    let (_, cue, speaker, _) =
        one("\"Why would anyone vote for that plan?\" asked Senator Ann Lee.");
    assert_eq!(
        (cue.as_str(), speaker.as_str()),
        ("asked", "Senator Ann Lee")
    );
}

#[test]
fn a_sentence_without_end_is_read_for_no_attribution() {
    let opening = "The mayor said the bridge would reopen in March";
    let within = format!("{opening}{}.", " and the road in May".repeat(50));
    let runaway = format!("{opening}{}.", " and the road in May".repeat(100));
    assert_eq!(statements(&within).len(), 1, "{within}");
    assert!(statements(&runaway).is_empty());
}

#[test]
fn a_noun_in_ly_before_the_cue_ends_the_speaker() {
    let (content, cue, speaker, _) =
        one("A spokesman for the Pettit family confirmed the couple had divorced.");
    assert_eq!(content, "the couple had divorced");
    assert_eq!(cue, "confirmed");
    assert_eq!(speaker, "A spokesman for the Pettit family");
    assert_eq!(
        one("The minister reportedly said the talks had failed.").1,
        "reportedly said"
    );
}

#[test]
fn a_quote_ending_a_longer_sentence_is_not_the_next_sentences() {
    let inside = statements(
        "His attorney argued that the station violated an order \"directing the facility not \
         to permit outside contact.\" Cornell spoke with reporter Tricia Macke.",
    );
    assert!(
        inside
            .iter()
            .all(|q| !(q.2 == "Cornell" && q.0.starts_with("directing"))),
        "{inside:?}"
    );
    // A quote that is its own sentence is the next one's.
    assert_eq!(
        statements("\"We will not back down.\" Trump said."),
        [s("We will not back down.", "said", "Trump", true)]
    );
}

#[test]
fn a_capitalised_quote_run_on_after_a_word_is_an_utterance_of_its_own() {
    // A photo caption that lost its full stop runs into the quote.
    assert_eq!(
        one("Davis beat Bouchard on Wednesday 'I've never beaten her,' said Davis."),
        s("I've never beaten her,", "said", "Davis", true)
    );
    // A partial quote stays in its clause.
    assert_eq!(
        statements("He called the deal 'a disaster,' said Smith.")[0],
        s("He called the deal 'a disaster,'", "said", "Smith", false)
    );
}

#[test]
fn the_day_after_the_cue_is_not_content() {
    assert_eq!(
        one("President Maduro said Saturday an unspecified number of Americans were arrested.").0,
        "an unspecified number of Americans were arrested"
    );
    assert_eq!(
        one("The mayor said Tuesday night the roads would reopen.").0,
        "the roads would reopen"
    );
}

#[test]
fn a_long_adjunct_after_a_postposed_cue_is_not_content() {
    let all = statements(
        "His allegiance has shifted to Cruz, Wilkin said during his campaign speech to be a \
         national delegate.",
    );
    assert!(
        all.iter()
            .any(|q| q.0 == "His allegiance has shifted to Cruz" && q.2 == "Wilkin"),
        "{all:?}"
    );
    assert!(all.iter().all(|q| !q.0.starts_with("during")), "{all:?}");
}

#[test]
fn a_second_predicate_or_a_phrase_after_a_postposed_cue_is_not_content() {
    for (text, quote, speaker) in [
        (
            "\u{201c}I\u{2019}m supporting Tom Selleck,\u{201d} she said and quickly hung up.",
            "I\u{2019}m supporting Tom Selleck,",
            "she",
        ),
        (
            "''I am going to be the nominee,'' he said aboard his campaign plane on Monday.",
            "I am going to be the nominee,",
            "he",
        ),
    ] {
        let all = statements(text);
        assert!(
            all.iter().any(|q| q.0 == quote && q.2 == speaker && q.3),
            "{text}: {all:?}"
        );
        assert!(all.iter().all(|q| !q.3 || q.0 == quote), "{all:?}");
    }
}

/// "CLAUSE, X said, and CLAUSE": the clause the conjunction adds is the speaker's too, as in
/// PolNeAR, unless a verb of saying opens an attribution of its own ("…, but he said …").
#[test]
fn a_conjunction_after_an_interrupting_attribution_resumes_the_content() {
    assert_eq!(
        one(
            "The middle fifth paid 8.9 percent, the agency said in a June report, \
             and the bottom fifth paid 0.8 percent."
        ),
        s(
            "The middle fifth paid 8.9 percent, the agency said in a June report, \
             and the bottom fifth paid 0.8 percent",
            "said",
            "the agency",
            false
        )
    );
    let own = statements("The plan was sound, Carson said on NBC, but he later said it failed.");
    assert!(
        own.iter()
            .any(|q| q.0 == "The plan was sound" && q.2 == "Carson"),
        "{own:?}"
    );
}

/// The features of the cuts of `text`'s statement whose longest reading is `longest`, by
/// the content each cut leaves.
fn cut_features(text: &str, longest: &str) -> Vec<(String, Vec<u64>)> {
    let article = Article::from_text("t", text);
    let doc = understand(&article);
    let all = candidates(&article, &doc);
    let group = all
        .iter()
        .find(|c| article.slice(c.quote.content) == longest)
        .expect("the longest reading")
        .group;
    all.iter()
        .filter(|c| c.group == group && article.slice(c.quote.content) != longest)
        .map(|c| {
            (
                article.slice(c.quote.content).to_string(),
                c.features.clone(),
            )
        })
        .collect()
}

/// A cut before ", encouraging …" is told by the participle that opens the rest, and every
/// cut by what opens the content: an object ("questioning the integrity …") ends sooner than
/// a clause ("said that …").
#[test]
fn a_cut_knows_a_participle_after_it_and_how_the_content_opens() {
    use super::score::hash;
    let text = "Trump is questioning the integrity of the voting system, encouraging \
                his supporters to visit polling places.";
    let cuts = cut_features(
        text,
        "the integrity of the voting system, encouraging his supporters to visit polling places",
    );
    let (_, comma) = cuts
        .iter()
        .find(|(content, _)| content == "the integrity of the voting system")
        .expect("the reading ending at the comma");
    assert!(comma.contains(&hash("cut-opens=comma-participle")));
    assert!(comma.contains(&hash("cut-starts=comma-other")));
    let text = "He said that the vote was rigged, and that the count was late.";
    let cuts = cut_features(
        text,
        "that the vote was rigged, and that the count was late",
    );
    assert!(!cuts.is_empty());
    for (content, features) in &cuts {
        assert!(
            features
                .iter()
                .any(|k| k == &hash("cut-starts=comma-that") || k == &hash("cut-starts=conj-that")),
            "{content}"
        );
        assert!(!features.contains(&hash("cut-opens=comma-participle")));
    }
}

/// "With Democrats worried about X, Obama …": a sentence's opening "with" phrase ends at its
/// comma, like a "while" clause.
#[test]
fn an_opening_with_phrase_ends_at_its_comma() {
    use super::score::hash;
    let cuts = cut_features(
        "With Democrats increasingly worried about turnout, Obama is rolling out a new message.",
        "about turnout, Obama is rolling out a new message",
    );
    let (_, comma) = cuts
        .iter()
        .find(|(content, _)| content == "about turnout")
        .expect("the reading ending at the comma");
    assert!(comma.contains(&hash("cut-endslead=")));
}

/// "that" before an occasion after the cue points at it ("said that day", "during that
/// meeting"): the "that" after the occasion opens the content.
#[test]
fn a_that_pointing_at_the_occasion_opens_no_content() {
    for (text, content) in [
        (
            "Hernandez told him during that meeting that he hoped the trial would end.",
            "that he hoped the trial would end",
        ),
        (
            "The mayor said that day that the budget was balanced.",
            "that the budget was balanced",
        ),
    ] {
        let all = statements(text);
        assert!(all.iter().any(|q| q.0 == content), "{text}: {all:?}");
        assert!(
            all.iter()
                .all(|q| !q.0.starts_with("that meeting") && !q.0.starts_with("that day")),
            "{all:?}"
        );
    }
}

/// "CLAUSE, when, in fact, he responded": the cue stands in a subordinate clause and
/// reports nothing of what comes before it.
#[test]
fn a_cue_in_a_subordinate_clause_reports_no_clause_before_it() {
    let text = "The video had been altered to show Starmer failing to answer a question, \
                when, in fact, he responded quickly.";
    let all = statements(text);
    assert!(all.iter().all(|q| !q.0.starts_with("The video")), "{all:?}");
    // A clause of its own before the attribution is still its content.
    let text = "The video had been altered, the party said.";
    assert_eq!(one(text).0, "The video had been altered");
}
