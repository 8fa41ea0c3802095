//! `POST /api/v1/visits/events`: a visit that starts, then ends, for systems that
//! report the two moments apart.

use axum::{
    Json,
    body::Body,
    extract::State,
    response::{IntoResponse, Response},
};
use jiff::Timestamp;
use rida_store::NewVisit;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{
    Fields, MAX_CLOCK_SKEW_MS, VisitResult, check_external_id, item_error, ms, refs, refused,
};
use crate::api::ratings::MAX_BODY_BYTES;
use crate::{
    auth::ApiClient,
    error::{Problem, Result},
    state::AppState,
};

/// A visit that starts or ends, for systems that report the two moments apart.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "external_id": "Q-2026-11-24-0415",
    "event": "ended",
    "at": "2026-11-24T09:47:40Z"
}))]
pub struct VisitEvent {
    pub external_id: String,
    /// `started` (the visit is recorded; `site_id` is needed) or `ended` (of a visit
    /// started before).
    pub event: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    #[serde(default)]
    pub site_id: Option<Uuid>,
    #[serde(default)]
    pub service_id: Option<Uuid>,
    #[serde(default)]
    pub employee_id: Option<Uuid>,
    #[serde(default)]
    pub employee_external_id: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub arrived_at: Option<Timestamp>,
    #[serde(default)]
    pub customer_key: Option<String>,
}

/// A visit starts or ends.
#[utoipa::path(
    post,
    path = "/api/v1/visits/events",
    tag = "visits",
    request_body = VisitEvent,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The visit's id", body = VisitResult),
        (status = 400, description = "Malformed, an unknown event, site, service or employee, or `ended` for a visit never started", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked API token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all, fields(org = %client.org_id))]
pub async fn event(
    State(state): State<AppState>,
    client: ApiClient,
    body: Body,
) -> Result<Response> {
    let e: VisitEvent = crate::api::read_json(body, MAX_BODY_BYTES).await?;
    let org = client.org_id;
    let mut errs = Vec::new();
    check_external_id(&e.external_id, &mut errs);
    let refs = refs(
        &state,
        org,
        e.employee_external_id.clone().into_iter().collect(),
    )
    .await?;
    let employee_id = Fields {
        site_id: e.site_id,
        service_id: e.service_id,
        employee_id: e.employee_id,
        employee_external_id: e.employee_external_id.as_deref(),
        customer_key: e.customer_key.as_deref(),
    }
    .check(&refs, &mut errs);
    let at = ms(e.at);
    if at > rida_store::now_ms() + MAX_CLOCK_SKEW_MS {
        errs.push(item_error(
            "at",
            "in_future",
            "at is more than a day ahead of the server's clock".into(),
        ));
    }
    let known = state
        .store
        .visit_by_external_id(org, &e.external_id)
        .await?;
    let mut visit = NewVisit {
        id: Uuid::nil(),
        site_id: e.site_id,
        service_id: e.service_id,
        employee_id,
        customer_key: e.customer_key.clone(),
        arrived_at: e.arrived_at.map(ms),
        started_at: at,
        ended_at: None,
    };
    match (e.event.as_str(), &known) {
        ("started", _) if e.site_id.is_none() && known.is_none() => errs.push(item_error(
            "site_id",
            "required",
            "a visit that starts names its site".into(),
        )),
        ("started", _) => {}
        ("ended", None) => errs.push(item_error(
            "external_id",
            "unknown_visit",
            format!(
                "no visit '{}' was started; send `started` first, or the whole visit to /api/v1/visits",
                e.external_id
            ),
        )),
        ("ended", Some(v)) if at < v.started_at => errs.push(item_error(
            "at",
            "before_start",
            "the visit ends before it started".into(),
        )),
        ("ended", Some(v)) => {
            visit.started_at = v.started_at;
            visit.ended_at = Some(at);
        }
        (other, _) => errs.push(item_error(
            "event",
            "unknown_event",
            format!("'{other}' is not an event; one of started, ended"),
        )),
    }
    if !errs.is_empty() {
        return Err(refused(&errs));
    }
    visit.id = match known {
        Some(v) => v.id,
        None => {
            state
                .store
                .claim_visit_ids(org, std::slice::from_ref(&e.external_id))
                .await?[&e.external_id]
        }
    };
    state.store.record_visit(org, &visit).await?;
    Ok(Json(VisitResult {
        index: 0,
        external_id: Some(e.external_id),
        id: Some(visit.id),
        status: "stored",
        errors: vec![],
        survey: None,
    })
    .into_response())
}
