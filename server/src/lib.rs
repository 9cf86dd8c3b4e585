//! Sync Overview's reference server: the API contract of `openapi.yaml` over sync-core, on SQLite
//! (a file created and migrated on first start, seeded with the demo data when asked) or
//! PostgreSQL. Sync runs bring an integration's data in ([`ingest`]).

pub mod database;
pub mod events;
pub mod http;
pub mod ingest;
pub mod routes;
pub mod serve;
pub mod store;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use sync_core::demo::{dataset, DemoConfig};

use crate::database::Db;
use crate::http::actor::{self, Actor, NamedToken, TrustedHeader};
use crate::http::problem::Problem;
use crate::http::{app_files, cors, layers, limits, problem};
use crate::routes::faults;
use crate::serve::gauges::{Gauge, Gauges};
use crate::store::hostile;
use crate::store::replica::{self, Replica};

/// The server's state as handlers hold it.
pub(crate) type Shared = std::sync::Arc<AppState>;

/// What the server holds: its replica of the data (answers reads), the database (source of
/// truth, shared with other replicas) and the settings.
pub struct AppState {
    /// The data, indexed for the screen's queries, kept in step with the database.
    pub replica: Replica,
    /// The database.
    pub db: Db,
    /// The bearer tokens an API request may carry, with their holders' names; none: requests
    /// need no token (and writes are recorded as [`actor::ANONYMOUS`]).
    pub tokens: Vec<NamedToken>,
    /// The header a portal's proxy names the user with, if trusted.
    pub trusted_header: Option<TrustedHeader>,
    /// Armed faults, when fault injection is on (tests only).
    pub faults: Option<faults::Faults>,
    /// Connections, requests and writes in flight (`GET /metrics`).
    pub gauges: Arc<Gauges>,
    /// The largest sync run body taken, in bytes.
    pub run_body_limit: usize,
    /// The built app to serve beside the API, if any.
    pub static_dir: Option<std::path::PathBuf>,
    /// The change events (`GET /api/v1/events`).
    pub events: Arc<events::Events>,
    /// Each integration's (by id or name) source URL template (`{source_id}` stands for the
    /// item's id there), for the items a sync run gave no address.
    pub source_urls: Vec<(String, String)>,
}

impl AppState {
    /// Removes the items' history and the sync log lines made before `time` (retention), from
    /// the database and from this replica's memory; says how many of each.
    pub async fn retain(
        &self,
        time: chrono::DateTime<Utc>,
    ) -> Result<(u64, u64), database::DbError> {
        let history = self.db.trim_history(time).await?;
        let logs = self.db.trim_logs(time).await?;
        self.replica.trim_logs(time).await;
        Ok((history, logs))
    }
}

/// How to open the server's data.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `sqlite:…` or `postgres://…`.
    pub database: String,
    /// Seed an empty database with the demo data, this many items in its largest integration
    /// (`--demo`); without, an empty database stays empty until a sync run comes.
    pub demo: Option<u32>,
    /// Required bearer token (its holder named [`DEFAULT_TOKEN_NAME`]).
    pub token: Option<String>,
    /// More bearer tokens, each with its holder's name (any of them, or `token`, is accepted).
    pub tokens: Vec<NamedToken>,
    /// The header a portal's proxy names the user with, and its addresses.
    pub trusted_header: Option<TrustedHeader>,
    /// Serve `POST /__faults` and inject the faults it arms (end-to-end tests only).
    pub fault_injection: bool,
    /// Names to give the first integration's data when seeding (XSS tests only).
    pub hostile_names: Vec<String>,
    /// The largest sync run body taken, in bytes.
    pub run_body_limit: usize,
    /// Serve the built app from this directory, beside the API (one origin: no CORS needed).
    pub static_dir: Option<std::path::PathBuf>,
    /// Source URL templates, by integration id or name ([`AppState::source_urls`]).
    pub source_urls: Vec<(String, String)>,
}

/// The largest sync run body taken by default: 512 MiB, a million items with room to spare.
pub const RUN_BODY_LIMIT: usize = 512 * 1024 * 1024;

/// The name writes made with `--token` are recorded under.
pub const DEFAULT_TOKEN_NAME: &str = "API token";

/// How long start-up waits for the other replicas' changes to be heard.
const LISTEN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

impl Default for Settings {
    /// An in-memory SQLite database, empty, with no token.
    fn default() -> Self {
        Self {
            database: "sqlite::memory:".to_owned(),
            demo: None,
            token: None,
            tokens: Vec::new(),
            trusted_header: None,
            fault_injection: false,
            hostile_names: Vec::new(),
            run_body_limit: RUN_BODY_LIMIT,
            static_dir: None,
            source_urls: Vec::new(),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] database::DbError),
}

/// Opens (creating and seeding on first start) the database and loads the store.
pub async fn open(settings: &Settings) -> Result<AppState, StartError> {
    let db = Db::open(&settings.database).await?;
    match settings.demo {
        Some(size) if !db.is_seeded().await? => {
            let demo = DemoConfig {
                size,
                ..DemoConfig::new(Utc::now())
            };
            tracing::info!(size, "seeding the database with demo data");
            let mut data = dataset(&demo);
            hostile::rename(&mut data, &settings.hostile_names);
            db.seed(&data).await?;
        }
        Some(_) => {}
        None => tracing::info!("no demo data (--demo not given): the data comes from sync runs"),
    }
    let (store, seen) = replica::load(&db).await?;
    // SQLite is one process's file; PostgreSQL may have other replicas writing.
    let shared = settings.database.starts_with("postgres");
    let events = Arc::new(events::Events::new(shared));
    if shared {
        // Listening before serving: a write made once this returns is heard.
        let (ready, listening) = tokio::sync::oneshot::channel();
        let url = settings.database.clone();
        tokio::spawn(events::listen::listen(url, events.clone(), ready));
        if tokio::time::timeout(LISTEN_WAIT, listening).await.is_err() {
            tracing::warn!("not yet listening for other replicas' changes; going on");
        }
    }
    Ok(AppState {
        events,
        replica: Replica::new(store, seen, shared),
        db,
        tokens: (settings.token.iter())
            .map(|token| NamedToken {
                token: token.clone(),
                name: DEFAULT_TOKEN_NAME.to_owned(),
            })
            .chain(settings.tokens.iter().cloned())
            .collect(),
        trusted_header: settings.trusted_header.clone(),
        faults: settings.fault_injection.then(faults::Faults::default),
        gauges: Arc::default(),
        run_body_limit: settings.run_body_limit,
        static_dir: settings.static_dir.clone(),
        source_urls: settings.source_urls.clone(),
    })
}

/// The whole HTTP service: `/api/v1/…` (behind the bearer token, if any: an unknown API path
/// is 401 before it is 404, so the routes cannot be mapped without a token) and `/healthz`,
/// with CORS for `origins` (`*` allows any). Every error it writes is a problem document.
pub fn router(state: impl Into<Arc<AppState>>, origins: &[String]) -> Router {
    let state: Arc<AppState> = state.into();
    let files = state.static_dir.as_deref().map(app_files::app_files);
    let api = routes::routes()
        .layer(middleware::from_fn_with_state(
            state.clone(),
            faults::inject,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), authorize));
    let service = Router::new()
        .nest("/api/v1", api)
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .route("/__faults", axum::routing::post(faults::arm))
        .method_not_allowed_fallback(routes::wrong_method);
    // Any other path: the app's files when served, else a problem document.
    let service = match files {
        Some(files) => service.merge(files),
        None => service.fallback(routes::no_route),
    };
    let service = service
        .layer(middleware::from_fn_with_state(state.clone(), count_request))
        .with_state(state)
        .layer(cors::layer(origins))
        .layer(middleware::from_fn(cors::preflight));
    // Outermost: the head as the client sent it (the request id is added inside).
    layers::wrap(service).layer(middleware::from_fn(limits::head))
}

/// `GET /readyz`: whether this replica can answer, i.e. its database answers.
async fn ready(State(state): State<Arc<AppState>>) -> Response {
    match state.db.ping().await {
        Ok(()) => "ready".into_response(),
        Err(error) => problem::db_problem(error).into_response(),
    }
}

/// `GET /metrics`: what is in flight now, in Prometheus' text format.
async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.gauges.exposition(),
    )
        .into_response()
}

/// Counts the request in `/metrics` while it is answered (or until its client goes away).
async fn count_request(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let _held = state.gauges.hold(Gauge::Requests);
    next.run(request).await
}

/// The credentials of an `Authorization: Bearer …` header (the scheme in any case).
fn bearer(header: &[u8]) -> Option<&[u8]> {
    let (scheme, credentials) = header.split_at_checked(7)?;
    scheme
        .eq_ignore_ascii_case(b"bearer ")
        .then(|| credentials.trim_ascii())
}

/// The `access_token` of a request's query (taken only for the change events: a browser's
/// `EventSource` cannot send headers), decoded by `form_urlencoded`.
fn query_token(request: &Request) -> Option<Vec<u8>> {
    if request.uri().path() != "/events" {
        return None;
    }
    form_urlencoded::parse(request.uri().query()?.as_bytes())
        .find(|(name, _)| name == "access_token")
        .map(|(_, token)| token.into_owned().into_bytes())
}

/// Whether a request of this method may change something.
fn is_write(method: &axum::http::Method) -> bool {
    !matches!(method.as_str(), "GET" | "HEAD" | "OPTIONS")
}

/// Lets a request in when the server takes any, or it carries a known token, and names who
/// makes it ([`Actor`], in its extensions).
async fn authorize(
    State(state): State<Arc<AppState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let name = if state.tokens.is_empty() {
        actor::ANONYMOUS.to_owned()
    } else {
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .map(|v| v.as_bytes())
            .and_then(bearer)
            .map(<[u8]>::to_vec)
            .or_else(|| query_token(&request));
        match given.and_then(|given| actor::holder(&state.tokens, &given).map(str::to_owned)) {
            Some(name) => name,
            None => return Problem::unauthorized().into_response(),
        }
    };
    let name = match &state.trusted_header {
        None => name,
        Some(trusted) => match trusted.user(&request) {
            Some(user) => user,
            None if is_write(request.method()) => {
                return Problem::actor_unknown(trusted.name.as_str()).into_response()
            }
            None => name,
        },
    };
    request.extensions_mut().insert(Actor(name));
    next.run(request).await
}
