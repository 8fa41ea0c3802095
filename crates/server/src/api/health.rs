//! Liveness and readiness.

use axum::{Json, extract::State, http::StatusCode, response::IntoResponse};
use serde_json::json;

use crate::state::AppState;

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, description = "Alive")))]
pub async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// The database answers and takes writes; a load balancer may send traffic.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses(
    (status = 200, description = "Ready"),
    (status = 503, description = "The database does not answer or does not take writes", body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn readyz(State(state): State<AppState>) -> axum::response::Response {
    match state.store.ready().await {
        Ok(()) => (StatusCode::OK, Json(json!({ "status": "ready" }))).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            crate::error::problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "not-ready",
                "The database does not answer or does not take writes",
                None,
            )
        }
    }
}
