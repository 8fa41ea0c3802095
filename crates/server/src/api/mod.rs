//! The JSON API (`/api/v1/…`), health checks, metrics and the OpenAPI document.
//! Errors are RFC 9457 problem details.

pub mod consent;
pub mod health;
pub mod hooks;
pub mod kiosk;
pub mod metrics;
pub mod openapi;
pub mod ratings;
pub mod visits;

use axum::{
    Router,
    routing::{get, post},
};

use crate::state::AppState;

/// Reads a request body of at most `limit` bytes. A larger one is read on (and thrown
/// away) up to a few times the limit before the 413 answer, so that the client, still
/// sending, receives the problem details instead of a broken connection.
pub async fn read_body(
    body: axum::body::Body,
    limit: usize,
) -> Result<axum::body::Bytes, crate::Error> {
    use http_body_util::BodyExt;
    let mut body = body;
    let mut buf = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| crate::Error::BadRequest {
            code: "bad-body",
            detail: e.to_string(),
        })?;
        if let Ok(data) = frame.into_data() {
            seen += data.len();
            if seen <= limit {
                buf.extend_from_slice(&data);
            } else if seen > limit.saturating_mul(4) {
                break;
            }
        }
    }
    if seen > limit {
        return Err(crate::Error::PayloadTooLarge {
            detail: format!("the body is larger than {limit} bytes; send smaller batches"),
        });
    }
    Ok(buf.into())
}

/// Reads a JSON body of at most `limit` bytes as `T`; malformed JSON (or unknown fields,
/// where `T` denies them) is a `malformed-json` problem.
pub async fn read_json<T: serde::de::DeserializeOwned>(
    body: axum::body::Body,
    limit: usize,
) -> Result<T, crate::Error> {
    let bytes = read_body(body, limit).await?;
    refuse_control(&bytes)?;
    serde_json::from_slice(&bytes).map_err(|e| crate::Error::BadRequest {
        code: "malformed-json",
        detail: e.to_string(),
    })
}

/// Refuses a JSON body whose text holds NUL or another control character: no text Rida
/// stores may hold one (PostgreSQL refuses NUL outright).
pub fn refuse_control(json: &[u8]) -> Result<(), crate::Error> {
    if rida_domain::input::json_has_control(json) {
        return Err(crate::Error::BadRequest {
            code: "control-character",
            detail: "a text holds a control character (NUL, escape…); only tab and line breaks are allowed"
                .into(),
        });
    }
    Ok(())
}

/// A JSON body read as the API reads every body: its errors are problem details.
pub struct ApiJson<T>(pub T);

impl<T: serde::de::DeserializeOwned> axum::extract::FromRequest<AppState> for ApiJson<T> {
    type Rejection = crate::Error;

    async fn from_request(req: axum::extract::Request, _: &AppState) -> Result<Self, crate::Error> {
        Ok(ApiJson(read_json(req.into_body(), 64 * 1024).await?))
    }
}

/// Every error an `/api` or `/hooks` route gives is RFC 9457 problem details, also
/// those that come from the framework before a handler runs (a query that does not
/// parse, an id that is not one, an unknown route).
pub async fn problems_only(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let api = {
        let p = req.uri().path();
        p.starts_with("/api/") || p.starts_with("/hooks/")
    };
    let res = next.run(req).await;
    let status = res.status();
    let is_problem = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !api || is_problem || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let bytes = axum::body::to_bytes(res.into_body(), 16 * 1024)
        .await
        .unwrap_or_default();
    let detail = String::from_utf8_lossy(&bytes).trim().to_string();
    let code = status
        .canonical_reason()
        .unwrap_or("error")
        .to_lowercase()
        .replace(' ', "-");
    crate::error::problem(
        status,
        &code,
        status.canonical_reason().unwrap_or("Error"),
        (!detail.is_empty()).then_some(detail),
    )
}

pub fn router(_state: AppState) -> Router<AppState> {
    Router::new()
        .route("/api/v1/ratings", post(ratings::ingest))
        .route("/api/v1/visits", post(visits::record))
        .route("/api/v1/visits/events", post(visits::event))
        .route("/api/v1/consent", post(consent::change))
        .route("/hooks/kannel/mo", get(hooks::kannel_mo))
        .route("/hooks/kannel/dlr", get(hooks::kannel_dlr))
        .route("/hooks/twilio/sms", post(hooks::twilio_sms))
        .route("/hooks/twilio/status", post(hooks::twilio_status))
        .route(
            "/hooks/whatsapp",
            get(hooks::whatsapp_check).post(hooks::whatsapp_notify),
        )
        .route("/api/v1/kiosk/pair", post(kiosk::pair))
        .route("/api/v1/kiosk/config", get(kiosk::config))
        .route("/api/v1/kiosk/heartbeat", post(kiosk::heartbeat))
        .route("/api/v1/kiosk/wait", get(kiosk::wait))
        .route("/api/v1/kiosk/answers", post(kiosk::answers))
        .route("/api/v1/kiosk/station/ask", post(kiosk::station_ask))
        .route("/api/v1/kiosk/station/status", get(kiosk::station_status))
        .route("/api/v1/kiosk/station/visit", post(kiosk::station_visit))
        .route("/api/openapi.json", get(openapi::document))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::render))
        .method_not_allowed_fallback(|| async {
            crate::error::problem(
                axum::http::StatusCode::METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
                None,
            )
        })
}
