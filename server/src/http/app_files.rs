//! The built app (`scripts/build.sh`'s `dist/`), served by the API's own process
//! (`--static-dir`): one origin, so no second host and no CORS. Files whose names carry Trunk's
//! content hash are cached for a year; the rest (`index.html`, `embed.js`, `standalone.js`) are
//! checked every time, so a new build is seen at once. The page is sent under the strict
//! Content Security Policy the app is tested under, and opened on this server's API: a page
//! address without `backend` is sent on to the same one with `backend=http` (the app's default
//! is its in-browser demo data; an empty `api` means its own origin).

use std::path::Path;

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderValue, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use tower_http::services::ServeDir;

/// The policy of the app's page: its own scripts, styles and API only (and its wasm compiled).
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'";

/// Serves the files of `dir` (a directory's `index.html` for its path).
pub fn app_files<S: Clone + Send + Sync + 'static>(dir: &Path) -> Router<S> {
    Router::new()
        .fallback_service(ServeDir::new(dir).append_index_html_on_directories(true))
        .layer(middleware::from_fn(headers))
}

/// The cache and policy headers of a file's answer; the page without a backend sent on to the
/// page on this server's API.
async fn headers(request: Request, next: Next) -> Response {
    if let Some(on_api) = on_this_api(request.uri()) {
        return Redirect::temporary(&on_api).into_response();
    }
    let hashed = content_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let cache = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    let html = headers
        .get(CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if html {
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
    }
    response
}

/// The page's address with `backend=http` added, when it is the page and names no backend.
fn on_this_api(uri: &Uri) -> Option<String> {
    let path = uri.path();
    let page = path.ends_with('/') || path.ends_with("/index.html");
    let query = uri.query().unwrap_or_default();
    let named = query.split('&').any(|pair| pair.starts_with("backend="));
    (page && !named).then(|| match query {
        "" => format!("{path}?backend=http"),
        query => format!("{path}?{query}&backend=http"),
    })
}

/// Whether a file's name carries a content hash (`main-cde3131a705ba252.css`,
/// `sync-overview-7404c9dcf9e45216_bg.wasm`): its content never changes under that name.
fn content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::{content_hashed, on_this_api};

    #[test]
    fn names_with_trunks_hash_are_told_apart() {
        assert!(content_hashed("/sync-overview-7404c9dcf9e45216_bg.wasm"));
        assert!(content_hashed("/app/main-cde3131a705ba252.css"));
        assert!(content_hashed("/favicon-cea0361e1d1b06f.svg"));
        assert!(!content_hashed("/index.html"));
        assert!(!content_hashed("/embed.js"));
        assert!(!content_hashed("/"));
        assert!(!content_hashed("/sync-overview.js"));
    }

    #[test]
    fn the_page_opens_on_this_servers_api_unless_it_names_a_backend() {
        let on = |uri: &str| on_this_api(&uri.parse().unwrap());
        assert_eq!(on("/").as_deref(), Some("/?backend=http"));
        assert_eq!(
            on("/app/?client=3").as_deref(),
            Some("/app/?client=3&backend=http")
        );
        assert_eq!(on("/?backend=mock"), None);
        assert_eq!(on("/embed.js"), None);
    }
}
