//! Named-entity recognition: people, organisations, places and other names, as
//! typed byte spans into the article text.
//!
//! A linear-chain tagger over our own tokens (the ones [`crate::understand`]
//! finds), one sentence at a time: hashed lexical features (see `features.rs`)
//! score BIO tags, and a Viterbi search with tag transitions picks the best
//! sequence (`tags.rs`). The weights are an averaged perceptron trained on the
//! CoNLL-2003 training set (`train.rs`, run by `brief train ner`), quantised to
//! i16 and shipped inside the binary (`crates/understand/models/ner.bin`, loaded
//! once on first use; see `models/README.md` for how it was trained and what it scores).
//!
//! The types are CoNLL's four ([`brief_core::EntityKind`]). It is *not* a parser of
//! quotes, figures or dates.
//!
//! ```
//! use brief_core::{Article, EntityKind};
//! let article = Article::from_text("a", "Angela Merkel met Emmanuel Macron in Paris on Tuesday.");
//! let doc = brief_understand::understand(&article);
//! let found: Vec<(&str, EntityKind)> = brief_understand::entities::recognize(&article.text, &doc)
//!     .iter()
//!     .map(|e| (article.slice(e.span), e.kind))
//!     .collect();
//! assert_eq!(found, [
//!     ("Angela Merkel", EntityKind::Person),
//!     ("Emmanuel Macron", EntityKind::Person),
//!     ("Paris", EntityKind::Location),
//! ]);
//! ```

mod features;
mod link;
pub(crate) use link::is_title;
mod model;
mod tags;
mod train;

use std::sync::LazyLock;

use brief_core::{Document, Entity, Token, TokenKind};

pub use link::link;
pub use model::{Model, ModelError};
pub use train::{train, Annotated, TrainOptions};

/// The trained model, compiled into the binary: no file is read at run time.
static SHIPPED_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

static SHIPPED: LazyLock<Result<Model, ModelError>> =
    LazyLock::new(|| Model::from_bytes(SHIPPED_BYTES));

/// The model shipped with brief, decoded on first use.
///
/// The bytes are fixed at build time and a test loads them, so an error here
/// means the model file and the code disagree: rebuild the model.
pub fn shipped() -> Result<&'static Model, &'static ModelError> {
    SHIPPED.as_ref()
}

/// The named entities of an understood article, in text order, found by the
/// shipped model. `text` is the article text the document's spans point into.
pub fn recognize(text: &str, doc: &Document) -> Vec<Entity> {
    match shipped() {
        Ok(model) => model.recognize(text, doc),
        // A model that does not load is a build defect that the tests catch;
        // finding nothing is the honest answer meanwhile.
        Err(_) => Vec::new(),
    }
}

/// The text of token `i`.
fn token_text<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    &text[tokens[i].span.start..tokens[i].span.end]
}

/// True when token `i` is a word that starts with a capital.
fn capitalised_word(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[i].kind == TokenKind::Word && token_text(text, tokens, i).starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::{Article, EntityKind};

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        let article = Article::from_text("t", text);
        let doc = crate::understand(&article);
        recognize(&article.text, &doc)
            .iter()
            .map(|e| (article.slice(e.span).to_string(), e.kind))
            .collect()
    }

    #[test]
    fn the_shipped_model_loads() {
        let model = shipped().expect("models/ner.bin matches this code");
        assert!(model.bits() >= 16);
    }

    #[test]
    fn a_person_after_a_title_inside_a_name_is_a_person() {
        let names = found(
            "\"It is over,\" Wilson County Sheriff Calvin Woodard Jr. said on Monday. CEO Neil \
             Portnow spoke first, then Assistant U.S. Attorney Aloke Chakravarty. Captain \
             America won, said Judge Judy.",
        );
        for person in ["Calvin Woodard Jr.", "Neil Portnow"] {
            assert!(
                names.contains(&(person.to_string(), EntityKind::Person)),
                "{person}: {names:?}"
            );
        }
        // No title inside any name, and a title that opens a name stays with it.
        for (name, _) in &names {
            assert!(
                !["Sheriff", "CEO", "Attorney"]
                    .iter()
                    .any(|t| name.contains(t)),
                "{names:?}"
            );
        }
    }

    #[test]
    fn a_name_does_not_open_on_the_sentence_s_subordinator() {
        for text in [
            "As Schultz correctly stated, the campaign was about race.",
            "When Beckham arrived, the crowd cheered.",
            "Like Schumer, he voted against the bill.",
            "Both Federer and Nadal won on Sunday.",
            "Does Pellegrini stay at the club after this season?",
            "Will Netanyahu win the election in March?",
        ] {
            let got = found(text);
            let opener = text.split(' ').next().unwrap_or("");
            assert!(
                got.iter().all(|(name, _)| !name.starts_with(opener)),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_nickname_in_quotation_marks_stays_inside_the_name() {
        let got = found(
            "Defense Minister Moshe \"Bogy\" Yaalon stated that a deal is near. Mike 'Sugar \
             Bear' Thompson has filed a claim. Fans hummed J Balvin's 'Tranquila' Theo Walcott \
             said.",
        );
        for name in ["Moshe \"Bogy\" Yaalon", "Mike 'Sugar Bear' Thompson"] {
            assert!(
                got.iter()
                    .any(|(n, kind)| n == name && *kind == EntityKind::Person),
                "{name}: {got:?}"
            );
        }
        assert!(got.iter().all(|(n, _)| !n.contains("Tranquila")), "{got:?}");
    }

    #[test]
    fn will_is_a_first_name_outside_a_question() {
        let got = found("Will Ferrell said he would return to the show next year.");
        assert!(
            got.iter()
                .any(|(name, kind)| name == "Will Ferrell" && *kind == EntityKind::Person),
            "{got:?}"
        );
        let got = found("Opinion: Will Benjamin Netanyahu win the election in March?");
        assert!(
            got.iter().all(|(name, _)| !name.starts_with("Will")),
            "{got:?}"
        );
    }

    #[test]
    fn a_person_s_name_ends_at_the_owner_s_possessive() {
        let got =
            found("In the video, ISIS shows Musallam's Israeli passport and claims he's an agent.");
        assert!(
            got.iter()
                .any(|(name, kind)| name == "Musallam" && *kind == EntityKind::Person),
            "{got:?}"
        );
        let got = found("Said Musallam told CNN's Stella Chan that his son had no ties to Israel.");
        assert!(
            got.iter()
                .all(|(name, kind)| !name.starts_with("CNN") || *kind != EntityKind::Person),
            "{got:?}"
        );
    }

    #[test]
    fn an_organisation_s_name_goes_on_past_for_and_of() {
        let got = found(
            "Eight aid workers are being watched, according to the Centers for Disease Control \
             and Prevention in Atlanta.",
        );
        assert!(
            got.iter()
                .any(|(name, _)| name == "Centers for Disease Control and Prevention"),
            "{got:?}"
        );
    }

    #[test]
    fn a_news_paragraph() {
        use EntityKind::*;
        let got = found(
            "German Chancellor Angela Merkel’s government said on Monday that Siemens would \
             build the plant near Munich. Speaking in Brussels, European Commission President \
             Ursula von der Leyen welcomed the deal.",
        );
        // "Siemens" never occurs in the training data: its span must be found, its
        // type is the model's guess.
        for (name, kind) in [
            ("German", Some(Misc)),
            ("Angela Merkel", Some(Person)),
            ("Siemens", None),
            ("Munich", Some(Location)),
            ("Brussels", Some(Location)),
            ("European Commission", Some(Organization)),
            ("Ursula von der Leyen", Some(Person)),
        ] {
            assert!(
                got.iter()
                    .any(|(t, k)| t == name && kind.is_none_or(|kind| kind == *k)),
                "{name} ({kind:?}) not in {got:?}"
            );
        }
        assert!(
            !got.iter().any(|(t, _)| t == "Monday" || t == "Speaking"),
            "{got:?}"
        );
    }

    #[test]
    fn a_very_long_sentence_and_odd_inputs() {
        // Tens of thousands of tokens in one sentence: path scores must not overflow.
        let long = "Angela Merkel met Paris officials and ".repeat(5000);
        assert!(found(&long).len() >= 5000);
        assert!(found("").is_empty());
        assert!(found("... ,;: 12 34 %").is_empty());
    }
}
