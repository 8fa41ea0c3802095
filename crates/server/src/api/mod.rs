//! The JSON API (`/api/v1/…`), health checks, metrics and the OpenAPI document.
//! Errors are RFC 9457 problem details.

pub mod health;
pub mod metrics;
pub mod openapi;
pub mod ratings;

use axum::{
    Router,
    routing::{get, post},
};

use crate::state::AppState;

pub fn router(_state: AppState) -> Router<AppState> {
    Router::new()
        .route("/api/v1/ratings", post(ratings::ingest))
        .route("/api/openapi.json", get(openapi::document))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::render))
}
