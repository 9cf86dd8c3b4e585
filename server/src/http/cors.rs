//! Cross-origin calls from a browser: the origins allowed, and what they may ask for. A preflight
//! for a method or header the API does not take is refused (403, with no allow-origin), so the
//! browser stops there instead of reading an answer that lists what is allowed.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::http::problem::Problem;

/// The methods a cross-origin caller may use.
const METHODS: [Method; 2] = [Method::GET, Method::POST];
/// The request headers a cross-origin caller may send.
const HEADERS: [HeaderName; 3] = [
    header::AUTHORIZATION,
    header::CONTENT_TYPE,
    HeaderName::from_static("idempotency-key"),
];

/// CORS for `origins` (`*` allows any).
pub fn layer(origins: &[String]) -> CorsLayer {
    CorsLayer::new()
        // A browser may keep a preflight's answer this long (Chromium caps it at two hours).
        .max_age(PREFLIGHT_MAX_AGE)
        .allow_methods(METHODS)
        .allow_headers(HEADERS)
        .allow_origin(if origins.iter().any(|o| o == "*") {
            AllowOrigin::any()
        } else {
            AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
        })
}

/// How long a browser may cache a preflight's answer.
pub const PREFLIGHT_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Refuses a preflight that asks for a method or header outside [`METHODS`] and [`HEADERS`].
/// Runs outside [`layer`], which would otherwise answer it.
pub async fn preflight(request: Request, next: Next) -> Response {
    if request.method() == Method::OPTIONS && !allowed(&request) {
        return Problem::preflight_refused().into_response();
    }
    next.run(request).await
}

fn allowed(request: &Request) -> bool {
    let headers = request.headers();
    let Some(method) = headers.get(header::ACCESS_CONTROL_REQUEST_METHOD) else {
        return true; // not a preflight
    };
    let method_allowed = METHODS
        .iter()
        .any(|m| m.as_str().as_bytes() == method.as_bytes());
    let headers_allowed = headers
        .get_all(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .iter()
        .flat_map(|value| value.as_bytes().split(|&b| b == b','))
        .map(<[u8]>::trim_ascii)
        .filter(|name| !name.is_empty())
        .all(|name| {
            HEADERS
                .iter()
                .any(|h| h.as_str().as_bytes().eq_ignore_ascii_case(name))
        });
    method_allowed && headers_allowed
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn preflight_for(method: &str, headers: &str) -> Request {
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/api/v1/integrations")
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, method)
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, headers)
            .body(Body::empty())
            .unwrap()
    }

    #[test]
    fn a_preflight_is_allowed_only_for_the_apis_methods_and_headers() {
        assert!(allowed(&preflight_for(
            "POST",
            "content-type,idempotency-key"
        )));
        assert!(allowed(&preflight_for("GET", "Authorization")));
        assert!(allowed(&preflight_for("GET", "")));
        assert!(!allowed(&preflight_for("DELETE", "content-type")));
        assert!(!allowed(&preflight_for("POST", "content-type, x-admin")));
    }
}
