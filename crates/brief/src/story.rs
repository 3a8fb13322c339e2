//! Story briefs straight from the store: the articles, the update point, the
//! earlier coverage, put together for [`Pipeline::story_brief`].

use brief_store::{Store, StoreError, StoredArticle};

use crate::{dates, Article, Brief, BriefError, Pipeline, Story};

/// Names a story is about, for finding its earlier coverage.
const KEY_NAMES: usize = 6;
/// Earlier stories must share this many of them.
const MIN_SHARED_NAMES: usize = 2;
/// Earlier stories drawn on for background.
const BACKGROUND_STORIES: usize = 3;

/// Where an update starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    /// Articles published (or, undated, ingested) on or after this day number.
    Day(i32),
    /// Articles ingested after the last brief written for the story.
    LastBrief,
}

impl Since {
    /// Reads `last` or an ISO date (`2024-03-01`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Since> {
        if text == "last" {
            Some(Since::LastBrief)
        } else {
            dates::day_number(text).map(Since::Day)
        }
    }
}

/// Why a story brief could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoryError {
    /// No story with this id.
    #[error("no story {0} in the store")]
    NotFound(u64),
    /// An update since the last brief, but none was written yet.
    #[error("no brief was written for story {0} yet: write one first, or give a date")]
    NoEarlierBrief(u64),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The brief could not be composed (nothing new, too short, …).
    #[error(transparent)]
    Brief(#[from] BriefError),
}

/// A story's brief with the articles its sources point into.
pub struct StoryBrief {
    /// The brief.
    pub brief: Brief,
    /// The story's articles, then the earlier coverage's.
    pub articles: Vec<Article>,
    /// The last article (ingestion key) the brief covers.
    pub up_to: i64,
}

impl StoryBrief {
    /// The article the brief leads with (its entities and facts point into it).
    pub fn lead(&self) -> &Article {
        self.brief
            .takeaways
            .first()
            .and_then(|t| t.sources.first())
            .and_then(|p| self.articles.iter().find(|a| a.id == p.article))
            .unwrap_or(&self.articles[0])
    }
}

impl Pipeline {
    /// The brief of story `id` in `store`: the whole story, or an update
    /// `since` a point; with earlier coverage of the same actors unless
    /// `background` is false. Records nothing: see [`Store::record_brief`].
    pub fn brief_stored_story(
        &self,
        store: &Store,
        id: u64,
        since: Option<&Since>,
        background: bool,
    ) -> Result<StoryBrief, StoryError> {
        let stored = store.story_articles(id)?;
        if stored.is_empty() {
            return Err(StoryError::NotFound(id));
        }
        let up_to = stored.iter().map(|s| s.key).max().unwrap_or(0);
        let (mut known, mut new, since_label): (Vec<StoredArticle>, Vec<StoredArticle>, _) =
            match since {
                None => (Vec::new(), stored, None),
                Some(Since::LastBrief) => {
                    let last = store
                        .last_brief(id)?
                        .ok_or(StoryError::NoEarlierBrief(id))?;
                    let (known, new) = stored.into_iter().partition(|s| s.key <= last.up_to);
                    let label = dates::iso_from_day((last.written / 86_400) as i32);
                    (known, new, Some(label))
                }
                Some(Since::Day(day)) => {
                    let start_of_day = i64::from(*day) * 86_400;
                    let (known, new) = stored
                        .into_iter()
                        .partition(|s| s.day.map_or(s.ingested < start_of_day, |d| d < *day));
                    (known, new, Some(dates::iso_from_day(*day)))
                }
            };
        let known_count = known.len();
        known.append(&mut new);
        let articles: Vec<Article> = known.into_iter().map(|s| s.article).collect();
        let earlier: Vec<Article> = if background {
            let names: Vec<String> = store
                .story_names(id, KEY_NAMES)?
                .into_iter()
                .map(|(name, _, _)| name)
                .collect();
            let mut leads = Vec::new();
            for (story, _) in
                store.related_earlier(id, &names, MIN_SHARED_NAMES, BACKGROUND_STORIES)?
            {
                if let Some(first) = store.story_articles(story)?.into_iter().next() {
                    leads.push(first.article);
                }
            }
            leads
        } else {
            Vec::new()
        };
        let id_text = id.to_string();
        let brief = self.story_brief(&Story {
            id: &id_text,
            articles: &articles,
            known: known_count,
            since: since_label.as_deref(),
            background: &earlier,
        })?;
        let mut all = articles;
        all.extend(earlier);
        Ok(StoryBrief {
            brief,
            articles: all,
            up_to,
        })
    }
}
