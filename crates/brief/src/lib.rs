//! brief as a library: turn news articles into briefs people can trust.
//!
//! This facade ties the pipeline stages together — `brief-read` (bytes →
//! [`Article`]), `brief-understand` (→ [`Document`]), `brief-compose` (→ [`Brief`]) —
//! behind one [`Pipeline`], and re-exports the types a caller needs.
//!
//! It is *not* the command line (`brief-cli`) and knows nothing of output formats,
//! terminals or HTTP.
//!
//! ```
//! use brief::{Article, Pipeline};
//! let article = Article::from_text("a1",
//!     "Talks in Moscow ended without a deal on Tuesday. The Kremlin said parts of the plan \
//!      were unacceptable. Negotiators will meet again next week, officials said.");
//! let brief = Pipeline::default().brief(&article).unwrap();
//! assert!(!brief.takeaways.is_empty());
//! assert!(brief::validate(&brief, |id| (id == "a1").then_some(&article)).is_ok());
//! ```
#![deny(missing_docs)]

pub use brief_compose::{
    compose, compose_story, validate, words_in_order, Options, Unfaithful,
    EARLIER_COVERAGE_HEADING, OTHER_REPORTS_HEADING,
};
pub use brief_core::{
    Article, Brief, BriefSentence, Dated, Document, Entity, EntityKind, Figure, Heading,
    NamedEntity, Provenance, Quote, Section, Span, Speaker,
};
pub use brief_read as read;
pub use brief_store as store;
pub use brief_stories as stories;
pub use brief_understand::{dates, entities, facts, figures, quotes, understand, Facts};

mod story;

pub use story::{Since, StoryBrief, StoryError};

use brief_understand::words::is_stop_word_any_case;

/// Why an article cannot be briefed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BriefError {
    /// Too little text to say anything about.
    #[error("{id}: too short for a brief ({sentences} usable sentence{s}; at least 2 are needed)", s = if *.sentences == 1 { "" } else { "s" })]
    TooShort {
        /// The article id.
        id: String,
        /// Sentences found.
        sentences: usize,
    },
    /// The text is not English; brief's models and rules are for English news.
    #[error("{id}: the text does not look like English (brief handles English news)")]
    NotEnglish {
        /// The article id.
        id: String,
    },
    /// An update was asked for and no article is newer than the last brief.
    #[error("{id}: nothing new since the last brief")]
    NothingNew {
        /// The story id.
        id: String,
    },
    /// A composed sentence failed the faithfulness check: a bug, reported rather than shown.
    #[error("{id}: internal error, {source}")]
    Unfaithful {
        /// The article id.
        id: String,
        /// The failing sentence.
        source: Unfaithful,
    },
}

/// The whole pipeline, configured once and applied to many articles.
#[derive(Clone, Debug, Default)]
pub struct Pipeline {
    /// Composition options.
    pub options: Options,
}

impl Pipeline {
    /// A pipeline that writes `takeaways` key takeaways (`None`: 3–6 by length).
    pub fn with_takeaways(takeaways: Option<usize>) -> Self {
        Pipeline {
            options: Options {
                takeaways,
                ..Options::default()
            },
        }
    }

    /// The same pipeline without the facts (entities, Who's Who): the plain
    /// brief, several times faster.
    pub fn without_facts(mut self) -> Self {
        self.options.facts = false;
        self
    }

    /// Understands and briefs one article; the result has passed [`validate`].
    pub fn brief(&self, article: &Article) -> Result<Brief, BriefError> {
        let doc = understand(article);
        self.brief_document(article, &doc)
    }

    /// Briefs an article already understood.
    pub fn brief_document(&self, article: &Article, doc: &Document) -> Result<Brief, BriefError> {
        check_english(article, doc)?;
        let brief = brief_compose::compose(article, doc, &self.options);
        // The story's own sentences: facts lists (Who Said What) do not make a brief.
        let usable = brief.takeaways.len()
            + brief
                .sections
                .iter()
                .filter(|s| !s.list)
                .map(|s| s.sentences.len())
                .sum::<usize>();
        if usable < 2 {
            return Err(BriefError::TooShort {
                id: article.id.clone(),
                sentences: usable,
            });
        }
        validate(&brief, |id| (id == article.id).then_some(article)).map_err(|source| {
            BriefError::Unfaithful {
                id: article.id.clone(),
                source,
            }
        })?;
        Ok(brief)
    }
}

/// A story to brief: its articles and what to say about them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Story<'a> {
    /// The story's id (the brief's id).
    pub id: &'a str,
    /// Its articles, oldest (first ingested) first.
    pub articles: &'a [Article],
    /// For an update: how many leading articles an earlier brief covered.
    pub known: usize,
    /// For an update: the label of the update point (an ISO date).
    pub since: Option<&'a str>,
    /// Leading articles of earlier stories about the same actors and places.
    pub background: &'a [Article],
}

impl Pipeline {
    /// One brief for a story told by several articles (see [`compose_story`]):
    /// the most typical article's brief, each sentence credited to every article
    /// carrying it word for word, what the others add under "Other Reports",
    /// differing figures side by side, earlier coverage, a timeline; for an
    /// update, only what the known articles did not say. The result has passed
    /// [`validate`] against all the articles.
    pub fn story_brief(&self, story: &Story<'_>) -> Result<Brief, BriefError> {
        let understood =
            |articles: &[Article]| -> Vec<Document> { articles.iter().map(understand).collect() };
        let docs = understood(story.articles);
        let background_docs = understood(story.background);
        fn member<'m>((article, doc): (&'m Article, &'m Document)) -> brief_compose::Member<'m> {
            brief_compose::Member {
                article,
                doc,
                day: article.published.as_deref().and_then(dates::day_number),
            }
        }
        let material = brief_compose::StoryMaterial {
            members: story.articles.iter().zip(&docs).map(member).collect(),
            known: story.known,
            since: story.since.map(str::to_string),
            background: story
                .background
                .iter()
                .zip(&background_docs)
                .map(member)
                .collect(),
        };
        let mut brief = compose_story(&material, &self.options).ok_or_else(|| {
            if story.known > 0 {
                BriefError::NothingNew {
                    id: story.id.to_string(),
                }
            } else {
                BriefError::TooShort {
                    id: story.id.to_string(),
                    sentences: 0,
                }
            }
        })?;
        brief.id = story.id.to_string();
        let find = |source: &str| {
            story
                .articles
                .iter()
                .chain(story.background)
                .find(|a| a.id == source)
        };
        validate(&brief, find).map_err(|source| BriefError::Unfaithful {
            id: story.id.to_string(),
            source,
        })?;
        Ok(brief)
    }

    /// What the story store needs to file an article: its terms, date, sketch and names.
    pub fn profile(&self, article: &Article) -> stories::Profile {
        stories::Profile::new(article, &understand(article))
    }
}

/// Words sampled from the start of an article to tell its language.
const LANGUAGE_SAMPLE_WORDS: usize = 200;
/// English prose has far more function words than this share of its words.
const MIN_STOP_PERCENT: usize = 12;

/// English prose is about 40% function words; other languages share almost none of ours.
fn check_english(article: &Article, doc: &Document) -> Result<(), BriefError> {
    let mut words = 0usize;
    let mut stop = 0usize;
    for token in doc.sentences.iter().flat_map(|s| &s.tokens) {
        let w = article.slice(token.span);
        if w.chars().next().is_some_and(char::is_alphabetic) {
            words += 1;
            if is_stop_word_any_case(w) {
                stop += 1;
                // Enough function words that the rest of the sample cannot make
                // the share too low: English, whatever follows.
                if stop * 100 >= LANGUAGE_SAMPLE_WORDS * MIN_STOP_PERCENT {
                    return Ok(());
                }
            }
            if words >= LANGUAGE_SAMPLE_WORDS {
                break;
            }
        }
    }
    if words >= 20 && stop * 100 < words * MIN_STOP_PERCENT {
        return Err(BriefError::NotEnglish {
            id: article.id.clone(),
        });
    }
    Ok(())
}
