//! `brief serve`: the HTTP API and web pages.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store file (default: $BRIEF_STORE, else brief/brief.sqlite in the user's data directory).
    #[arg(long)]
    pub store: Option<PathBuf>,
    /// Where to listen. Anything but a loopback address needs --token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bearer token every write (POST /api/articles) must carry.
    #[arg(long, env = "BRIEF_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    pub max_body: usize,
    /// Longest a request may take, in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
}

pub fn run(args: Args) -> Result<Outcome> {
    let mut config = brief_serve::Config::new(
        args.store.unwrap_or_else(brief::store::default_path),
        args.addr,
    );
    config.token = args.token.filter(|t| !t.is_empty());
    config.max_body = args.max_body;
    config.timeout = std::time::Duration::from_secs(args.timeout.max(1));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(brief_serve::run(config, shutdown_signal()))?;
    eprintln!("brief serve: stopped");
    Ok(Outcome::Success)
}

/// Resolves on Ctrl-C or SIGTERM: the server then finishes the requests in flight.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
