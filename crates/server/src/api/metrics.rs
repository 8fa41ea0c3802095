//! Prometheus metrics: requests, latencies, ratings ingested.

use std::time::Instant;

use axum::{
    extract::{MatchedPath, Request, State},
    http::header,
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::state::AppState;

/// Counts each request and records its latency, labelled by route pattern (not raw path,
/// so ids do not explode the label set).
pub async fn track(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let method = req.method().to_string();
    let start = Instant::now();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    metrics::counter!("rida_http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status).increment(1);
    metrics::histogram!("rida_http_request_duration_seconds", "method" => method, "route" => route)
        .record(start.elapsed().as_secs_f64());
    res
}

/// `GET /metrics` in the Prometheus text format, for the configured addresses or a
/// scraper with the metrics token only: it tells request rates and routes to whoever
/// reads it.
pub async fn render(
    State(state): State<AppState>,
    crate::auth::ClientIp(ip): crate::auth::ClientIp,
    headers: axum::http::HeaderMap,
) -> crate::error::Result<Response> {
    let s = &state.settings;
    let address_allowed = s
        .metrics_addresses
        .split(',')
        .map(str::trim)
        .any(|a| !a.is_empty() && a == ip);
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let token_allowed = crate::messaging::same_secret(token, s.metrics_token.trim());
    if !(address_allowed || token_allowed) {
        return Err(crate::error::Error::Forbidden);
    }
    // Write transactions run again after meeting another instance's (a deadlock or a
    // serialisation failure): should stay at 0; a rise says writers lock in conflicting
    // orders again.
    metrics::gauge!("rida_store_write_retries_total").set(state.store.retries() as f64);
    Ok((
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
        .into_response())
}
