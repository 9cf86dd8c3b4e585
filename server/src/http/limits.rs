//! What a request may carry, refused with a problem document before any handler runs: its head
//! (header fields, header bytes, URI length), and a body announced larger than its route takes
//! (413 at once, before the body is sent). Heads beyond what hyper's parser buffers are refused
//! by hyper itself, with no body (see `serve`).

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::problem::Problem;

/// The most header fields a request may carry.
pub const MAX_HEADERS: usize = 100;
/// The most bytes a request's header fields may take, names and values (`name: value\r\n`).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// The longest path and query a request may have, in bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// Refuses a request whose head is over the limits above: 431, or 414 for the URI.
pub async fn head(request: Request, next: Next) -> Response {
    match head_problem(&request) {
        Some(problem) => problem.into_response(),
        None => next.run(request).await,
    }
}

fn head_problem(request: &Request) -> Option<Problem> {
    let headers = request.headers();
    if headers.len() > MAX_HEADERS {
        return Some(Problem::headers_too_large(format!(
            "The request has {} header fields; the server reads at most {MAX_HEADERS}.",
            headers.len()
        )));
    }
    let bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if bytes > MAX_HEADER_BYTES {
        return Some(Problem::headers_too_large(format!(
            "The request's header fields take {bytes} bytes; the server reads at most \
             {MAX_HEADER_BYTES}."
        )));
    }
    let uri = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    (uri > MAX_URI_BYTES).then(|| Problem::uri_too_long(MAX_URI_BYTES))
}

/// Refuses with 413, before its body is read, a request whose `Content-Length` is over the
/// route's limit (the state). A body sent without a length is held to the same limit as it is
/// read.
pub async fn announced_body(State(limit): State<usize>, request: Request, next: Next) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match announced {
        Some(length) if u64::try_from(limit).is_ok_and(|limit| length > limit) => {
            Problem::too_large(limit).into_response()
        }
        _ => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn with_headers(n: usize, value: &str) -> Request {
        let mut builder = Request::builder().uri("/healthz");
        for i in 0..n {
            builder = builder.header(format!("x-field-{i}"), value);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn heads_within_the_limits_pass_and_beyond_them_are_refused() {
        assert!(head_problem(&with_headers(MAX_HEADERS, "v")).is_none());
        let many = head_problem(&with_headers(MAX_HEADERS + 1, "v")).unwrap();
        assert_eq!(many.status, 431);
        let big = head_problem(&with_headers(2, &"v".repeat(MAX_HEADER_BYTES / 2))).unwrap();
        assert_eq!(big.status, 431);
        let long = Request::builder()
            .uri(format!("/healthz?{}", "q".repeat(MAX_URI_BYTES)))
            .body(Body::empty())
            .unwrap();
        assert_eq!(head_problem(&long).unwrap().status, 414);
    }
}
