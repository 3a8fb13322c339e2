//! The `brief` command line: read news, write briefs, measure them.
//!
//! Subcommands live one per module; this file parses arguments and maps errors to
//! exit codes: 0 success, 1 some input could not be briefed (each named on stderr),
//! 2 usage or I/O error. A closed pipe (`brief … | head`) exits 0.

/// `println!` that hands a write error back to the caller (`?`) instead of panicking:
/// a reader that closes the pipe early (`brief eval … | head`) ends the command quietly.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)?
    }};
}

mod entities;
mod eval;
mod extract;
mod facts;
mod inputs;
mod parallel;
mod serve;
mod store;
mod summarize;
mod train;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: a brief makes many small, short-lived
/// allocations (token lists, term sets, sentence strings), where glibc malloc and
/// free cost about a tenth of the plain pipeline's instructions. Built without
/// transparent huge pages (feature `no_thp`): with them, every purge and reuse of
/// freed memory faulted in and zeroed 2 MiB pages, a fifth of the plain brief's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// brief: news reporting in, faithful briefs out.
#[derive(Parser, Debug)]
#[command(name = "brief", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Write a brief for each input article (HTML, text or JSONL; files, directories or stdin).
    Summarize(summarize::Args),
    /// Print the attributed statements (who said what) and figures of each input article.
    Facts(facts::Args),
    /// Print each input article as read: main text and metadata.
    Extract(extract::Args),
    /// Print the named entities (PER, ORG, LOC, MISC) of each input as JSON lines.
    Entities(entities::Args),
    /// Add articles (HTML, text, JSONL; files, directories or stdin) to the store, grouped into stories.
    Ingest(store::IngestArgs),
    /// List the stories in the store, most recently updated first.
    Stories(store::StoriesArgs),
    /// Write one story's brief, built across all its articles.
    Story(store::StoryArgs),
    /// Count what the store holds.
    Stats(store::StatsArgs),
    /// Full-text search over the stored articles, with filters.
    Search(store::SearchArgs),
    /// Serve the HTTP API and web pages (briefs, ingest, stories, search).
    Serve(serve::Args),
    /// Benchmarks: quality and speed against gold data.
    #[command(subcommand)]
    Eval(eval::Command),
    /// Train a model from gold data (deterministic; see crates/understand/models/README.md).
    #[command(subcommand)]
    Train(train::Command),
}

/// How a command ended when it did not fail outright.
pub enum Outcome {
    /// Everything was processed.
    Success,
    /// Some inputs were rejected (already reported on stderr).
    SomeFailed,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(args) => summarize::run(args),
        Command::Facts(args) => facts::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Entities(args) => entities::run(args),
        Command::Ingest(args) => store::ingest(args),
        Command::Stories(args) => store::stories(args),
        Command::Story(args) => store::story(args),
        Command::Stats(args) => store::stats(args),
        Command::Search(args) => store::search(args),
        Command::Serve(args) => serve::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(io::stderr(), "brief: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the error is a write to a closed pipe, also as a JSON writer reports it (its
/// error does not give the I/O error as its source).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|json| json.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}
