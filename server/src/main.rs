//! `sync-server`: serves the Sync Overview API. Stops gracefully on Ctrl-C or SIGTERM: in-flight
//! requests finish (within the shutdown grace) and every committed write stays committed.
//! `sync-server import` applies one sync run from a file or standard input, and stops.

use std::net::SocketAddr;
use std::time::Duration;

use clap::{Parser, Subcommand};
use sync_core::parse_templates;
use sync_server::http::actor::{parse_tokens, TrustedHeader};
use sync_server::ingest::import::{import, Format};
use sync_server::serve::{serve, Limits};
use sync_server::{open, router, Settings};
use tracing_subscriber::EnvFilter;

/// Sync Overview's reference HTTP/JSON server.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// What to do (without: serve the API).
    #[command(subcommand)]
    command: Option<Command>,
    /// Address to listen on.
    #[arg(long, env = "SYNC_SERVER_LISTEN", default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// Database URL: `sqlite:<file>` (created on first start) or `postgres://…`.
    #[arg(
        long,
        global = true,
        env = "SYNC_SERVER_DATABASE",
        default_value = "sqlite:sync-server.db"
    )]
    database: String,
    /// Seed an empty database with demo data (six integrations of made-up clients and items).
    /// Without it, an empty database stays empty until a sync run comes in.
    #[arg(long, global = true, env = "SYNC_SERVER_DEMO")]
    demo: bool,
    /// Synced items of the largest demo integration, with `--demo`.
    #[arg(
        long,
        global = true,
        env = "SYNC_SERVER_DEMO_SIZE",
        default_value_t = 600
    )]
    demo_size: u32,
    /// The largest sync run body taken, in bytes (JSON or NDJSON).
    #[arg(
        long,
        global = true,
        env = "SYNC_SERVER_RUN_BODY_LIMIT",
        default_value_t = sync_server::RUN_BODY_LIMIT
    )]
    run_body_limit: usize,
    /// An origin allowed to call the API from a browser (repeatable; `*` for any; in the
    /// environment, comma-separated).
    #[arg(
        long = "cors-origin",
        env = "SYNC_SERVER_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,
    /// Serve the built app (`dist/`) from this directory beside the API: one process and one
    /// origin is a deployment.
    #[arg(long, env = "SYNC_SERVER_STATIC_DIR")]
    static_dir: Option<std::path::PathBuf>,
    /// Seconds a new connection may take to send its first byte.
    #[arg(long, env = "SYNC_SERVER_FIRST_BYTE_TIMEOUT", default_value_t = 5)]
    first_byte_timeout: u64,
    /// Seconds a connection may take to send a request's headers once it started, or sit idle
    /// between requests.
    #[arg(long, env = "SYNC_SERVER_HEADER_TIMEOUT", default_value_t = 10)]
    header_timeout: u64,
    /// Connections open at once. When full, the one that has waited longest without sending a
    /// byte is closed to make room; if all are busy, more wait in the listen queue.
    #[arg(long, env = "SYNC_SERVER_MAX_CONNECTIONS", default_value_t = 10_000)]
    max_connections: usize,
    /// Seconds a shutdown waits for requests in flight before closing what is left.
    #[arg(long, env = "SYNC_SERVER_SHUTDOWN_GRACE", default_value_t = 10)]
    shutdown_grace: u64,
    /// Hours an idempotency key is remembered.
    #[arg(long, env = "SYNC_SERVER_KEY_TTL_HOURS", default_value_t = 24)]
    key_ttl_hours: u32,
    /// Require this bearer token on every API request (its writes are recorded as "API token").
    #[arg(long, env = "SYNC_SERVER_TOKEN")]
    token: Option<String>,
    /// Named bearer tokens, one `<token> <name>` a line: each is accepted, and the items' history
    /// records its holder's name.
    #[arg(long, env = "SYNC_SERVER_TOKENS_FILE")]
    tokens_file: Option<std::path::PathBuf>,
    /// Named bearer tokens as text (lines, or parts separated by `;`, of `<token> <name>`).
    #[arg(long, env = "SYNC_SERVER_TOKENS", hide_env_values = true)]
    tokens: Option<String>,
    /// Where each integration's items are in its source product: `<integration id or name>=<URL
    /// template>` parts, separated by `;` or new lines; `{source_id}` stands for the item's id
    /// there (an address a sync run gives an item wins).
    #[arg(long, env = "SYNC_SERVER_SOURCE_URLS")]
    source_urls: Option<String>,
    /// A header a portal's proxy names the user with (e.g. X-Portal-User): taken only from
    /// `--trusted-proxies`, and then every write must carry it.
    #[arg(long, env = "SYNC_SERVER_ACTOR_HEADER", requires = "trusted_proxies")]
    actor_header: Option<String>,
    /// The portal proxy's addresses or networks, comma-separated (10.0.0.0/8,127.0.0.1).
    #[arg(long, env = "SYNC_SERVER_TRUSTED_PROXIES")]
    trusted_proxies: Option<String>,
    /// Days the items' history is kept.
    #[arg(long, env = "SYNC_SERVER_HISTORY_DAYS", default_value_t = 365)]
    history_days: u32,
    /// Tests only: serve `POST /__faults` to make the next requests fail on purpose.
    #[arg(long, env = "SYNC_SERVER_FAULT_INJECTION")]
    fault_injection: bool,
    /// Tests only: when seeding, give clients, items, records and log lines these names (a JSON
    /// array of strings, e.g. XSS payloads).
    #[arg(long, env = "SYNC_SERVER_HOSTILE_NAMES")]
    hostile_names: Option<std::path::PathBuf>,
}

/// What `sync-server` does besides serving.
#[derive(Debug, Subcommand)]
enum Command {
    /// Applies one sync run (JSON or NDJSON, as `POST …/sync-runs` takes it) from a file, or
    /// from standard input with `-`, prints what it did, and stops.
    Import {
        /// The integration: its id, or its name (created with the run's product when new).
        #[arg(long)]
        integration: String,
        /// The run's file, or `-` for standard input.
        file: String,
        /// How the run is written (by default: JSON for a `.json` file, else NDJSON).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let filter =
        |default: &str| EnvFilter::try_from_default_env().unwrap_or_else(|_| default.into());
    if let Some(Command::Import {
        integration,
        file,
        format,
    }) = &args.command
    {
        // The summary goes to standard output; logs, warnings only, to standard error.
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_env_filter(filter("warn"))
            .init();
        let state = open(&settings(&args)?).await?;
        let format = format.unwrap_or_else(|| Format::of(file));
        let outcome = import(&state, integration, file, format).await;
        state.db.close().await;
        let outcome = outcome?;
        let replayed = if outcome.replayed {
            " (applied before: nothing changed now)"
        } else {
            ""
        };
        println!("{}{replayed}", outcome.summary.message());
        return Ok(());
    }
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter("info,tower_http=info"))
        .init();
    let state = std::sync::Arc::new(open(&settings(&args)?).await?);
    let (db, gauges, events) = (state.db.clone(), state.gauges.clone(), state.events.clone());
    let expiry = tokio::spawn(expire(state.clone(), args.key_ttl_hours, args.history_days));
    let app = router(state, &args.cors_origins);
    let listener = sync_server::serve::bind(args.listen)?;
    let limits = Limits {
        first_byte_timeout: Duration::from_secs(args.first_byte_timeout),
        header_timeout: Duration::from_secs(args.header_timeout),
        max_connections: args.max_connections,
        shutdown_grace: Duration::from_secs(args.shutdown_grace),
    };
    tracing::info!(listen = %listener.local_addr()?, database = %redacted(&args.database), ?limits, "serving");
    // Stopping ends the event streams first: a subscriber would otherwise hold its connection
    // for the whole shutdown grace.
    let stopping = async move {
        shutdown().await;
        events.close();
    };
    serve(listener, app, limits, gauges, stopping).await;
    expiry.abort();
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// The settings the flags make.
fn settings(args: &Args) -> Result<Settings, Box<dyn std::error::Error>> {
    Ok(Settings {
        database: args.database.clone(),
        demo: args.demo.then_some(args.demo_size),
        run_body_limit: args.run_body_limit,
        static_dir: args.static_dir.clone(),
        source_urls: parse_templates(args.source_urls.as_deref().unwrap_or_default()),
        token: args.token.clone(),
        tokens: {
            let mut tokens = match &args.tokens_file {
                Some(path) => parse_tokens(&std::fs::read_to_string(path)?)?,
                None => Vec::new(),
            };
            tokens.extend(parse_tokens(args.tokens.as_deref().unwrap_or_default())?);
            tokens
        },
        trusted_header: match &args.actor_header {
            Some(header) => Some(TrustedHeader::parse(
                header,
                args.trusted_proxies.as_deref().unwrap_or_default(),
            )?),
            None => None,
        },
        fault_injection: args.fault_injection,
        hostile_names: match &args.hostile_names {
            Some(path) => serde_json::from_str(&std::fs::read_to_string(path)?)?,
            None => Vec::new(),
        },
    })
}

/// The database URL without its password, for the log.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://…@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// Every ten minutes, in a task of its own (requests do not wait for it): forgets idempotency
/// keys older than `hours`, and the items' history and the sync logs older than `days`.
async fn expire(state: std::sync::Arc<sync_server::AppState>, hours: u32, days: u32) {
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        let now = chrono::Utc::now();
        let before = now.timestamp() - i64::from(hours) * 3600;
        match state.db.expire_keys(before).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(n, "idempotency keys expired"),
            Err(error) => tracing::warn!(%error, "could not expire idempotency keys"),
        }
        let oldest = now - chrono::Duration::days(i64::from(days));
        match state.retain(oldest).await {
            Ok((0, 0)) => {}
            Ok((history, logs)) => tracing::info!(history, logs, days, "past retention: removed"),
            Err(error) => tracing::warn!(%error, "could not apply the retention"),
        }
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("stop requested");
}
