//! The visit API for queue systems, POS and CRMs (`POST /api/v1/visits`,
//! `POST /api/v1/visits/events`): a visit by the caller's own id (sending it again
//! updates it), its site, service and employee (by Rida id or the employee's external
//! id), and its times. Visits feed the operational figures (response rate, waiting
//! time, time with the customer, retention) and, later, the surveys sent after them.

mod contact;
mod events;

use std::collections::{HashMap, HashSet};

use axum::{
    Json,
    body::Body,
    extract::State,
    response::{IntoResponse, Response},
};
use jiff::Timestamp;
use rida_store::NewVisit;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use contact::store_visit;
pub use contact::{Private, SurveyState};
pub use events::{__path_event, VisitEvent, event};

use super::ratings::{ItemError, MAX_BODY_BYTES};
use crate::{
    Error,
    auth::ApiClient,
    error::{Problem, Result},
    state::AppState,
};

/// Visits in one batch at most.
pub const MAX_VISITS: usize = 1000;
/// How far ahead of the server's clock a visit's times may be.
const MAX_CLOCK_SKEW_MS: i64 = 24 * 3_600_000;

/// One visit as a queue system, POS or CRM reports it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "external_id": "Q-2026-11-24-0415",
    "site_id": "01936d3e-0000-7000-8000-000000000001",
    "service_id": "01936d3e-0000-7000-8000-000000000004",
    "employee_external_id": "HR-1042",
    "arrived_at": "2026-11-24T09:31:00Z",
    "started_at": "2026-11-24T09:38:12Z",
    "ended_at": "2026-11-24T09:47:40Z",
    "customer_key": "c-7f3a9b"
}))]
pub struct VisitItem {
    /// The caller's id for the visit (1–128 characters): sending it again updates the
    /// visit (its end, its employee…) instead of recording another.
    pub external_id: String,
    pub site_id: Uuid,
    #[serde(default)]
    pub service_id: Option<Uuid>,
    /// The employee, by Rida's id…
    #[serde(default)]
    pub employee_id: Option<Uuid>,
    /// …or by the employee's external id (as set on the Employees page).
    #[serde(default)]
    pub employee_external_id: Option<String>,
    /// When the customer arrived (took a ticket), for the waiting time.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub arrived_at: Option<Timestamp>,
    /// When the employee began serving the customer.
    #[schema(value_type = String, format = DateTime)]
    pub started_at: Timestamp,
    /// When the visit ended, for the time with the customer.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub ended_at: Option<Timestamp>,
    /// An anonymous key for the customer (never a phone number or name), up to 128
    /// characters, for retention. Without one, a phone number gives one (a keyed hash).
    #[serde(default)]
    pub customer_key: Option<String>,
    /// The customer's phone, for a survey by SMS or WhatsApp: international (`+371…`) or
    /// national when the organisation's country is set. Stored encrypted, never logged.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Private>,
    /// The customer's e-mail address, for a survey link. Stored encrypted.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub email: Option<Private>,
    /// The customer's language (`ar`, `en`, `lv`…) for the survey; else the site's.
    #[serde(default)]
    pub lang: Option<String>,
    /// Whether to survey the customer after the visit (default: yes, when a phone or
    /// e-mail is given).
    #[serde(default)]
    pub survey: Option<bool>,
}

/// A batch of visits.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitBatch {
    /// 1 to 1,000 visits.
    #[schema(value_type = Vec<VisitItem>)]
    pub visits: Vec<Box<serde_json::value::RawValue>>,
}

/// What happened to one visit.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitResult {
    pub index: usize,
    pub external_id: Option<String>,
    /// Rida's id of the visit (answers name it as their `visit_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    /// `stored` or `rejected`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ItemError>,
    /// Whether a survey follows, when a contact or `survey` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey: Option<SurveyState>,
}

/// What happened to a batch.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitBatchResult {
    pub stored: usize,
    pub rejected: usize,
    pub results: Vec<VisitResult>,
}

fn item_error(field: &'static str, code: &'static str, detail: String) -> ItemError {
    ItemError {
        field,
        code,
        detail,
    }
}

/// What the checks need of the organisation: its sites, services, employees and the
/// employees of the external ids named.
struct Refs {
    sites: HashSet<Uuid>,
    services: HashSet<Uuid>,
    employees: HashSet<Uuid>,
    by_external: HashMap<String, Uuid>,
}

async fn refs(state: &AppState, org: Uuid, external: Vec<String>) -> Result<Refs> {
    let names =
        crate::analytics::names::Names::load(&state.store, org, rida_domain::Locale::default())
            .await?;
    Ok(Refs {
        sites: names.sites.into_keys().collect(),
        services: names.services.into_keys().collect(),
        employees: names.employees.into_keys().collect(),
        by_external: state.store.employees_by_external_id(org, &external).await?,
    })
}

/// A visit's fields checked against the organisation; every error at once.
struct Fields<'a> {
    site_id: Option<Uuid>,
    service_id: Option<Uuid>,
    employee_id: Option<Uuid>,
    employee_external_id: Option<&'a str>,
    customer_key: Option<&'a str>,
}

impl Fields<'_> {
    /// The employee's id, or the errors of the fields.
    fn check(&self, refs: &Refs, errs: &mut Vec<ItemError>) -> Option<Uuid> {
        if let Some(s) = self.site_id.filter(|s| !refs.sites.contains(s)) {
            errs.push(item_error(
                "site_id",
                "unknown_site",
                format!("no site {s} in this organisation"),
            ));
        }
        if let Some(s) = self.service_id.filter(|s| !refs.services.contains(s)) {
            errs.push(item_error(
                "service_id",
                "unknown_service",
                format!("no service {s} in this organisation"),
            ));
        }
        if self.customer_key.is_some_and(|k| k.chars().count() > 128) {
            errs.push(item_error(
                "customer_key",
                "too_long",
                "customer_key is longer than 128 characters".into(),
            ));
        }
        let by_external = self.employee_external_id.map(|x| refs.by_external.get(x));
        match (self.employee_id, by_external) {
            (Some(e), _) if !refs.employees.contains(&e) => {
                errs.push(item_error(
                    "employee_id",
                    "unknown_employee",
                    format!("no employee {e} in this organisation"),
                ));
                None
            }
            (_, Some(None)) => {
                errs.push(item_error(
                    "employee_external_id",
                    "unknown_employee",
                    format!(
                        "no employee with external id '{}' in this organisation",
                        self.employee_external_id.unwrap_or_default()
                    ),
                ));
                None
            }
            (Some(e), Some(Some(x))) if e != *x => {
                errs.push(item_error(
                    "employee_external_id",
                    "employee_mismatch",
                    "employee_id and employee_external_id name different employees".into(),
                ));
                None
            }
            (Some(e), _) => Some(e),
            (None, Some(Some(x))) => Some(*x),
            (None, None) => None,
        }
    }
}

fn check_external_id(id: &str, errs: &mut Vec<ItemError>) {
    let n = id.trim().chars().count();
    if n == 0 || n > 128 {
        errs.push(item_error(
            "external_id",
            "invalid_external_id",
            "external_id is 1 to 128 characters".into(),
        ));
    }
}

fn ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

/// Checks one visit; the visit to record (its id still nil) or every error.
fn validate(v: &VisitItem, refs: &Refs, now: i64) -> std::result::Result<NewVisit, Vec<ItemError>> {
    let mut errs = Vec::new();
    check_external_id(&v.external_id, &mut errs);
    let employee_id = Fields {
        site_id: Some(v.site_id),
        service_id: v.service_id,
        employee_id: v.employee_id,
        employee_external_id: v.employee_external_id.as_deref(),
        customer_key: v.customer_key.as_deref(),
    }
    .check(refs, &mut errs);
    let (started, arrived, ended) = (ms(v.started_at), v.arrived_at.map(ms), v.ended_at.map(ms));
    if started > now + MAX_CLOCK_SKEW_MS {
        errs.push(item_error(
            "started_at",
            "in_future",
            "started_at is more than a day ahead of the server's clock".into(),
        ));
    }
    if arrived.is_some_and(|a| a > started) {
        errs.push(item_error(
            "arrived_at",
            "after_start",
            "arrived_at is after started_at".into(),
        ));
    }
    if ended.is_some_and(|e| e < started) {
        errs.push(item_error(
            "ended_at",
            "before_start",
            "ended_at is before started_at".into(),
        ));
    }
    if v.lang
        .as_deref()
        .is_some_and(|l| rida_domain::locale::answer_language(l).is_none())
    {
        errs.push(item_error(
            "lang",
            "invalid_language",
            "lang is a BCP 47 language tag such as ar, en or lv-LV".into(),
        ));
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(NewVisit {
        id: Uuid::nil(),
        site_id: Some(v.site_id),
        service_id: v.service_id,
        employee_id,
        customer_key: v.customer_key.clone(),
        arrived_at: arrived,
        started_at: started,
        ended_at: ended,
    })
}

fn malformed(detail: String) -> Error {
    Error::BadRequest {
        code: "malformed-json",
        detail,
    }
}

/// The problem of a single visit refused: every field at fault, in one detail.
fn refused(errs: &[ItemError]) -> Error {
    Error::BadRequest {
        code: "invalid-visit",
        detail: errs
            .iter()
            .map(|e| format!("{}: {}", e.field, e.detail))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A batch item checked: the item (when it parsed) and the visit or its errors.
type CheckedVisit = (
    Option<VisitItem>,
    std::result::Result<NewVisit, Vec<ItemError>>,
);

/// Records a visit, or a batch of them (`{"visits": […]}`).
#[utoipa::path(
    post,
    path = "/api/v1/visits",
    tag = "visits",
    request_body(content = VisitItem, description = "One visit, or `{\"visits\": [...]}` with up to 1,000"),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The visit's id (one visit), or every visit's outcome (a batch: good ones are stored even if others are refused)", body = VisitBatchResult),
        (status = 400, description = "Malformed JSON, or a single visit refused: the detail names every field at fault (unknown site, service or employee…)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked API token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all, fields(org = %client.org_id))]
pub async fn record(
    State(state): State<AppState>,
    client: ApiClient,
    body: Body,
) -> Result<Response> {
    let value: serde_json::Value = crate::api::read_json(body, MAX_BODY_BYTES).await?;
    let org = client.org_id;
    let now = rida_store::now_ms();
    if value.get("visits").is_none() {
        // One visit: its id, or a problem naming every field at fault.
        let item: VisitItem =
            serde_json::from_value(value).map_err(|e| malformed(e.to_string()))?;
        let refs = refs(
            &state,
            org,
            item.employee_external_id.clone().into_iter().collect(),
        )
        .await?;
        let mut visit = validate(&item, &refs, now).map_err(|e| refused(&e))?;
        let ids = state
            .store
            .claim_visit_ids(org, std::slice::from_ref(&item.external_id))
            .await?;
        visit.id = ids[&item.external_id];
        let region = state.store.organisation(org).await?.phone_region;
        let result = store_visit(&state, org, region.as_deref(), &item, visit).await?;
        return Ok(Json(result).into_response());
    }
    let batch: VisitBatch = serde_json::from_value(value).map_err(|e| malformed(e.to_string()))?;
    if batch.visits.is_empty() || batch.visits.len() > MAX_VISITS {
        return Err(Error::BadRequest {
            code: "batch-size",
            detail: format!("a batch has 1 to {MAX_VISITS} visits"),
        });
    }
    let items: Vec<std::result::Result<VisitItem, ItemError>> =
        crate::api::ratings::parse_items(&batch.visits);
    let external: Vec<String> = items
        .iter()
        .flatten()
        .filter_map(|i| i.employee_external_id.clone())
        .collect();
    let refs = refs(&state, org, external).await?;
    let checked: Vec<CheckedVisit> = items
        .into_iter()
        .map(|i| match i {
            Ok(i) => {
                let v = validate(&i, &refs, now);
                (Some(i), v)
            }
            Err(e) => (None, Err(vec![e])),
        })
        .collect();
    let good: Vec<String> = checked
        .iter()
        .filter(|(_, r)| r.is_ok())
        .filter_map(|(i, _)| i.as_ref().map(|i| i.external_id.clone()))
        .collect();
    let ids = state.store.claim_visit_ids(org, &good).await?;
    let region = state.store.organisation(org).await?.phone_region;
    let mut results = Vec::with_capacity(checked.len());
    for (index, (item, r)) in checked.into_iter().enumerate() {
        let result = match (item, r) {
            (Some(item), Ok(mut v)) => {
                v.id = ids[&item.external_id];
                VisitResult {
                    index,
                    ..store_visit(&state, org, region.as_deref(), &item, v).await?
                }
            }
            (item, Err(errors)) => VisitResult {
                index,
                external_id: item.map(|i| i.external_id),
                id: None,
                status: "rejected",
                errors,
                survey: None,
            },
            (None, Ok(_)) => unreachable!("an item that did not parse has no visit"),
        };
        results.push(result);
    }
    let stored = results.iter().filter(|r| r.status == "stored").count();
    Ok(Json(VisitBatchResult {
        stored,
        rejected: results.len() - stored,
        results,
    })
    .into_response())
}
