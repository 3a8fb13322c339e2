//! The store commands: `ingest`, `stories`, `story`, `stats`, `search`.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use brief::dates::day_number;
use brief::read::{read_all, Format};
use brief::store::{ContentHash, Ingested, SearchQuery, Store, StoryFilter};
use brief::stories::Config;
use brief::{Article, Pipeline, Since, StoryError};
use serde_json::json;

use crate::inputs::{read_bytes, sources, Source};
use crate::parallel::pipelined;
use crate::summarize::BriefFormat;
use brief_render::{self as render, wire};

use crate::Outcome;

/// Where the store is: every store command takes it.
#[derive(clap::Args, Debug)]
pub struct StoreArg {
    /// The store file (default: $BRIEF_STORE, else brief/brief.sqlite in the user's data directory).
    #[arg(long, global = true)]
    pub store: Option<PathBuf>,
}

impl StoreArg {
    fn path(&self) -> PathBuf {
        self.store
            .clone()
            .unwrap_or_else(brief::store::default_path)
    }

    fn open(&self) -> Result<Store> {
        let path = self.path();
        Store::open(&path).with_context(|| format!("cannot open store {}", path.display()))
    }
}

/// Groups an iterator's items into vectors of `size`.
struct Chunks<I> {
    items: I,
    size: usize,
}

impl<I: Iterator> Iterator for Chunks<I> {
    type Item = Vec<I::Item>;
    fn next(&mut self) -> Option<Vec<I::Item>> {
        let chunk: Vec<I::Item> = self.items.by_ref().take(self.size).collect();
        (!chunk.is_empty()).then_some(chunk)
    }
}

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Files, directories (walked recursively) or `-` for stdin (the default): HTML,
    /// text, JSONL (one article per line), RSS/Atom/JSON feeds, WARC archives (plain or gzip).
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Default)]
struct Counts {
    read: u64,
    new: u64,
    stories_started: u64,
    duplicate: u64,
    near_duplicate: u64,
    rejected: BTreeMap<String, u64>,
}

impl Counts {
    fn add(&mut self, written: &[Ingested]) {
        for outcome in written {
            match outcome {
                Ingested::New { started, .. } => {
                    self.new += 1;
                    self.stories_started += u64::from(*started);
                }
                Ingested::NearDuplicate { .. } => self.near_duplicate += 1,
                Ingested::Duplicate { .. } => self.duplicate += 1,
            }
        }
    }
}

/// One input record on its way to the store.
enum Item {
    /// An article, with its profile unless it is stored already.
    Article(Box<Article>),
    /// Could not be read: the reason in a few words, and the message.
    Rejected(&'static str, String),
}

pub fn ingest(args: IngestArgs) -> Result<Outcome> {
    let path = args.store.path();
    let mut store =
        Store::open(&path).with_context(|| format!("cannot open store {}", path.display()))?;
    // A second, read-only connection lets the readers skip understanding
    // articles the store already holds (re-running an ingest costs little).
    let reader = Store::open_reader(&path)
        .with_context(|| format!("cannot open store {}", path.display()))?;
    let pipeline = Pipeline::default();
    let sources = sources(&args.inputs)?;
    let bar = (sources.len() > 1 && io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(sources.len() as u64));
    let mut counts = Counts::default();
    let mut session = store.ingest(Config::default())?;
    session.bulk()?;
    let progress = bar.clone();
    let items = sources.iter().flat_map(move |source| {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        match read_bytes(source) {
            Ok(bytes) => articles_for_store(source, &bytes)
                .into_iter()
                .map(|record| match record {
                    Ok(article) => Item::Article(Box::new(article)),
                    Err(e) => Item::Rejected(e.reason(), e.to_string()),
                })
                .collect::<Vec<_>>(),
            Err(e) => vec![Item::Rejected("unreadable file", format!("{e:#}"))],
        }
    });
    let chunks = Chunks {
        items,
        size: PROFILE_CHUNK,
    };
    let reader = std::sync::Mutex::new(reader);
    // Hashing and understanding happen on the worker threads: the thread that
    // stores only writes.
    let prepare = |item: &Item| match item {
        Item::Article(article) => {
            let hash = ContentHash::of(&article.text);
            let stored = reader
                .lock()
                .map(|r| r.contains(&hash).unwrap_or(false))
                .unwrap_or(false);
            Some((hash, (!stored).then(|| pipeline.profile(article))))
        }
        Item::Rejected(..) => None,
    };
    pipelined(chunks, prepare, |chunk, prepared| -> Result<()> {
        for (item, prepared) in chunk.into_iter().zip(prepared) {
            let article = match item {
                Item::Article(article) => article,
                Item::Rejected(reason, message) => {
                    eprintln!("brief: {message}");
                    *counts.rejected.entry(reason.to_string()).or_default() += 1;
                    continue;
                }
            };
            let (hash, profile) = prepared.expect("prepare answers every article");
            counts.read += 1;
            // Submitted: this article is assigned to a story while the last one is written.
            let written = match profile {
                Some(profile) => session.submit(*article, hash, |_| profile)?,
                None => session.submit(*article, hash, |a| pipeline.profile(a))?,
            };
            counts.add(&written);
        }
        Ok(())
    })?;
    counts.add(&session.finish()?);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let rejected: u64 = counts.rejected.values().sum();
    let reasons = counts
        .rejected
        .iter()
        .map(|(r, n)| format!("{n} {r}"))
        .collect::<Vec<_>>()
        .join(", ");
    outln!(
        "read {}, new {} ({} new stories), duplicate {}, near-duplicate {}, rejected {}{}",
        counts.read,
        counts.new,
        counts.stories_started,
        counts.duplicate,
        counts.near_duplicate,
        rejected,
        if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({reasons})")
        }
    );
    Ok(if rejected > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// Articles understood together before the store takes them in order.
pub const PROFILE_CHUNK: usize = 256;

/// Articles of one source, ids as the store wants them: a JSONL line or a feed
/// entry keeps its id; a page or text gets a content-derived id (a path is not stable).
fn articles_for_store(
    source: &Source,
    bytes: &[u8],
) -> Vec<Result<Article, brief::read::ReadError>> {
    let name = source.name();
    let file_name = match source {
        Source::File(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
        Source::Stdin => None,
    };
    let format = Format::detect(file_name.as_deref(), bytes);
    let mut articles = read_all(&name, bytes, format);
    if matches!(format, Format::Html | Format::Text | Format::Warc) {
        for article in articles.iter_mut().flatten() {
            article.id.clear();
        }
    }
    articles
}

#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    /// One line per item for people.
    Text,
    /// One JSON object per line.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct StoriesArgs {
    /// Only stories with an article published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Only stories with an article matching this full-text query.
    #[arg(long)]
    pub query: Option<String>,
    /// At most this many stories, most recently updated first.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArg,
}

fn parse_day(flag: &str, value: &str) -> Result<i32> {
    match day_number(value) {
        Some(d) => Ok(d),
        None => bail!("--{flag} {value:?}: expected a date like 2024-03-01"),
    }
}

pub fn stories(args: StoriesArgs) -> Result<Outcome> {
    let store = args.store.open()?;
    let filter = StoryFilter {
        since_day: args
            .since
            .as_deref()
            .map(|s| parse_day("since", s))
            .transpose()?,
        query: args.query,
        limit: args.limit,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for s in store.stories(&filter)? {
        match args.format {
            ListFormat::Json => writeln!(out, "{}", wire::story_line(&s))?,
            ListFormat::Text => writeln!(
                out,
                "{:>6}  {:<60}  {} article{}  {}{}",
                s.id,
                s.title.chars().take(60).collect::<String>(),
                s.articles.len(),
                if s.articles.len() == 1 { "" } else { "s" },
                s.outlets.join(", "),
                match (&s.first, &s.last) {
                    (Some(f), Some(l)) if f != l => format!("  {f} – {l}"),
                    (Some(f), _) => format!("  {f}"),
                    _ => String::new(),
                }
            )?,
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

#[derive(clap::Args, Debug)]
pub struct StoryArgs {
    /// The story id (from `brief stories`).
    pub id: u64,
    #[arg(long, value_enum, default_value = "md")]
    pub format: BriefFormat,
    /// Only what is new: since a date (YYYY-MM-DD; articles published, or else
    /// ingested, on or after it) or `last` (since the last brief written for the story).
    #[arg(long)]
    pub since: Option<String>,
    /// Leave out the background drawn from earlier stories.
    #[arg(long)]
    pub no_background: bool,
    #[command(flatten)]
    pub store: StoreArg,
}

pub fn story(args: StoryArgs) -> Result<Outcome> {
    let store = args.store.open()?;
    let since = match args.since.as_deref() {
        None => None,
        Some(text) => Some(Since::parse(text).with_context(|| {
            format!("--since {text:?}: expected `last` or a date like 2024-03-01")
        })?),
    };
    let story = match Pipeline::default().brief_stored_story(
        &store,
        args.id,
        since.as_ref(),
        !args.no_background,
    ) {
        Ok(story) => story,
        Err(StoryError::Brief(brief::BriefError::NothingNew { .. })) => {
            eprintln!(
                "brief: story {}: no article is newer than {}",
                args.id,
                args.since.unwrap_or_default()
            );
            return Ok(Outcome::Success);
        }
        Err(e) => return Err(e).with_context(|| format!("story {}", args.id)),
    };
    let refs: Vec<&Article> = story.articles.iter().collect();
    let markdown = render::markdown(&story.brief);
    let text = match args.format {
        BriefFormat::Md => markdown.clone(),
        BriefFormat::Html => render::html(&story.brief, &refs),
        BriefFormat::Json => {
            let mut s = serde_json::to_string(&wire::WireBrief::new(&story.brief, story.lead()))?;
            s.push('\n');
            s
        }
    };
    io::stdout().lock().write_all(text.as_bytes())?;
    // Remembered for `--since last` and searchable with `brief search --briefs`.
    store.record_brief(args.id, story.up_to, &story.brief.title, &markdown)?;
    Ok(Outcome::Success)
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArg,
}

pub fn stats(args: StatsArgs) -> Result<Outcome> {
    let store = args.store.open()?;
    let s = store.stats()?;
    let duplicates = store.duplicates_skipped()?;
    match args.format {
        ListFormat::Json => outln!(
            "{}",
            json!({"articles": s.articles, "stories": s.stories,
                   "duplicates": duplicates, "near_duplicates": s.near_duplicates})
        ),
        ListFormat::Text => outln!(
            "{} articles in {} stories; {} near-duplicates linked; {} exact duplicates skipped",
            s.articles,
            s.stories,
            s.near_duplicates,
            duplicates
        ),
    }
    Ok(Outcome::Success)
}

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Words to find (all of them; "quoted phrases" stay phrases).
    pub query: String,
    /// Only articles from this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Only articles naming this person, organisation or place.
    #[arg(long)]
    pub entity: Option<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Search the briefs written for stories (their latest versions) instead of the articles.
    #[arg(long)]
    pub briefs: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArg,
}

pub fn search(args: SearchArgs) -> Result<Outcome> {
    let store = args.store.open()?;
    if args.briefs {
        let mut out = BufWriter::new(io::stdout().lock());
        for (story, title, snippet, score) in store.search_briefs(&args.query, args.limit)? {
            match args.format {
                ListFormat::Json => writeln!(
                    out,
                    "{}",
                    json!({"story": story.to_string(), "title": title, "snippet": snippet, "score": score})
                )?,
                ListFormat::Text => writeln!(
                    out,
                    "story {story}  {title}\n    {}",
                    snippet.replace('\n', " ")
                )?,
            }
        }
        out.flush()?;
        return Ok(Outcome::Success);
    }
    let query = SearchQuery {
        text: args.query,
        outlet: args.outlet,
        since_day: args
            .since
            .as_deref()
            .map(|s| parse_day("since", s))
            .transpose()?,
        until_day: args
            .until
            .as_deref()
            .map(|s| parse_day("until", s))
            .transpose()?,
        entity: args.entity,
        limit: args.limit,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for hit in store.search(&query)? {
        match args.format {
            ListFormat::Json => writeln!(out, "{}", wire::search_hit(&hit))?,
            ListFormat::Text => writeln!(
                out,
                "{}  story {}  {}{}\n    {}",
                hit.id,
                hit.story,
                hit.title.as_deref().unwrap_or(""),
                hit.outlet
                    .as_deref()
                    .map_or(String::new(), |o| format!("  ({o})")),
                hit.snippet.replace('\n', " ")
            )?,
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}
