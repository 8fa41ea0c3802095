//! `POST /api/v1/ratings`: a batch of answers from any channel, validated item by item.
//! Good items are stored even when others are refused; resending a batch is harmless.

use std::collections::HashSet;

use axum::{
    Json,
    body::Body,
    extract::State,
    http::{HeaderMap, header},
    response::{IntoResponse, Response},
};
use jiff::{Timestamp, tz::TimeZone};
use rida_domain::{Answer, Channel, time};
use rida_store::{InsertOutcome, NewRating, RatingRefs};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    Error,
    auth::ApiClient,
    error::{Problem, Result},
    state::AppState,
};

/// Most ratings in one request.
pub const MAX_BATCH: usize = 1000;
/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// How far ahead of the server's clock a client's `answered_at` may be.
const MAX_CLOCK_SKEW_MS: i64 = 24 * 3_600_000;
/// The earliest time an answer may carry (2000-01-01T00:00:00Z): a year 0000 is a
/// client's bug, not a customer.
pub(crate) const EARLIEST_ANSWER_MS: i64 = 946_684_800_000;

/// A batch of ratings.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingBatch {
    /// 1 to 1,000 ratings.
    #[schema(value_type = Vec<RatingItem>)]
    pub ratings: Vec<Box<serde_json::value::RawValue>>,
}

/// One answer to one question.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "id": "01936d3e-8f4c-7cc2-9a51-3f1b2c4d5e6f",
    "answered_at": "2026-11-24T09:41:07Z",
    "site_id": "01936d3e-0000-7000-8000-000000000001",
    "employee_id": "01936d3e-0000-7000-8000-000000000002",
    "channel": "kiosk",
    "question_id": "01936d3e-0000-7000-8000-000000000003",
    "score": 5
}))]
pub struct RatingItem {
    /// The client's id for this answer (UUID, ideally v7), made when the customer answered.
    /// Resending it stores nothing twice.
    pub id: Uuid,
    /// When the customer answered, by the client's clock (RFC 3339).
    #[schema(value_type = String, format = DateTime)]
    pub answered_at: Timestamp,
    pub site_id: Uuid,
    #[serde(default)]
    pub service_id: Option<Uuid>,
    #[serde(default)]
    pub employee_id: Option<Uuid>,
    pub channel: Channel,
    pub question_id: Uuid,
    /// The score on the question's scale (1–5, 0–10, 1–7 or 0–1). Exactly one of
    /// `score`, `choice` and `text` is given.
    #[serde(default)]
    pub score: Option<i64>,
    /// The key of a predefined answer; for a multiple-choice question, the chosen keys
    /// in the question's order joined by commas (`wait,staff`).
    #[serde(default)]
    pub choice: Option<String>,
    /// Free text written by the customer.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub visit_id: Option<Uuid>,
    /// An anonymous key for the customer (never a phone number or name), up to 128 characters.
    #[serde(default)]
    pub customer_key: Option<String>,
    /// The language the customer answered in, as a BCP 47 tag (`ar`, `lv`, `en-GB`…);
    /// kept as its primary subtag, for figures per language.
    #[serde(default)]
    pub lang: Option<String>,
}

/// What happened to the batch.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResult {
    /// How many ratings are stored (now or by an earlier send of the same id).
    pub stored: usize,
    /// How many were refused.
    pub rejected: usize,
    /// One entry per rating, in the order sent.
    pub results: Vec<ItemResult>,
}

/// What happened to one rating.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemResult {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    /// `stored` or `rejected`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ItemError>,
}

/// Why a rating was refused.
#[derive(Debug, Serialize, ToSchema, Clone)]
pub struct ItemError {
    /// The field at fault (`item` when the item as a whole is malformed).
    pub field: &'static str,
    /// A stable code: `unknown_site`, `score_out_of_range`, `malformed`…
    pub code: &'static str,
    pub detail: String,
}

fn bad(code: &'static str, detail: impl Into<String>) -> Error {
    Error::BadRequest {
        code,
        detail: detail.into(),
    }
}

/// Stores a batch of ratings.
#[utoipa::path(
    post,
    path = "/api/v1/ratings",
    tag = "ratings",
    request_body = RatingBatch,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Every rating's outcome; good ones are stored even if others are refused", body = BatchResult),
        (status = 400, description = "Malformed JSON, unknown fields, or an empty or oversized batch", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked API token", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body larger than 8 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not application/json", body = Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all, fields(org = %client.org_id))]
pub async fn ingest(
    State(state): State<AppState>,
    client: ApiClient,
    headers: HeaderMap,
    body: Body,
) -> Result<Response> {
    let json_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
    if !json_type {
        return Ok(crate::error::problem(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Unsupported media type",
            Some("send the batch as application/json".into()),
        ));
    }
    let bytes = super::read_body(body, MAX_BODY_BYTES).await?;
    super::refuse_control(&bytes)?;
    let batch: RatingBatch =
        serde_json::from_slice(&bytes).map_err(|e| bad("malformed-json", e.to_string()))?;
    if batch.ratings.is_empty() {
        return Err(bad("empty-batch", "the batch has no ratings"));
    }
    if batch.ratings.len() > MAX_BATCH {
        return Err(bad(
            "batch-too-large",
            format!(
                "{} ratings in one batch; at most {MAX_BATCH}",
                batch.ratings.len()
            ),
        ));
    }

    let items: Vec<Result<RatingItem, ItemError>> = parse_items(&batch.ratings);
    let refs = lookup_refs(&state, client.org_id, &items).await?;
    let org_tz = TimeZone::get(&client.org_time_zone).unwrap_or(TimeZone::UTC);
    let checked = check_items(items, &refs, &org_tz, |_| Ok(()));
    let rows = checked.rows();
    let outcomes = if rows.is_empty() {
        Vec::new()
    } else {
        state.ratings.write(client.org_id, rows).await?
    };
    Ok(Json(checked.finish(outcomes)).into_response())
}

pub(crate) async fn lookup_refs(
    state: &AppState,
    org: Uuid,
    items: &[Result<RatingItem, ItemError>],
) -> Result<RatingRefs> {
    let (mut sites, mut services, mut employees, mut questions) = (
        HashSet::new(),
        HashSet::new(),
        HashSet::new(),
        HashSet::new(),
    );
    for i in items.iter().flatten() {
        sites.insert(i.site_id);
        services.extend(i.service_id);
        employees.extend(i.employee_id);
        questions.insert(i.question_id);
    }
    let v = |s: HashSet<Uuid>| s.into_iter().collect::<Vec<_>>();
    // On the answers' own pool, like their group commit.
    Ok(state
        .devices
        .rating_refs(org, &v(sites), &v(services), &v(employees), &v(questions))
        .await?)
}

/// Parses each raw item of a batch on its own: a malformed one is reported, not fatal.
pub(crate) fn parse_items<T: serde::de::DeserializeOwned>(
    raw: &[Box<serde_json::value::RawValue>],
) -> Vec<Result<T, ItemError>> {
    raw.iter()
        .map(|v| {
            serde_json::from_str::<T>(v.get()).map_err(|e| ItemError {
                field: "item",
                code: "malformed",
                detail: e.to_string(),
            })
        })
        .collect()
}

/// A batch checked item by item: each item's result so far, and the ratings to store.
pub(crate) struct Checked {
    results: Vec<ItemResult>,
    pub(crate) to_store: Vec<(usize, NewRating)>,
}

/// Checks every item (`first` applies a channel's own rule before the common checks).
pub(crate) fn check_items(
    items: Vec<Result<RatingItem, ItemError>>,
    refs: &RatingRefs,
    org_tz: &TimeZone,
    first: impl Fn(&RatingItem) -> Result<(), ItemError>,
) -> Checked {
    let received_at = rida_store::now_ms();
    let mut checked = Checked {
        results: Vec::with_capacity(items.len()),
        to_store: Vec::new(),
    };
    for (index, item) in items.into_iter().enumerate() {
        let outcome = item.and_then(|i| {
            first(&i)?;
            validate(i, refs, org_tz, received_at).map_err(|mut e| e.remove(0))
        });
        match outcome {
            Ok(r) => {
                checked.results.push(ItemResult {
                    index,
                    id: Some(r.id),
                    status: "stored",
                    errors: vec![],
                });
                checked.to_store.push((index, r));
            }
            Err(e) => checked.results.push(ItemResult {
                index,
                id: None,
                status: "rejected",
                errors: vec![e],
            }),
        }
    }
    checked
}

impl Checked {
    /// The ratings to store, in item order.
    pub(crate) fn rows(&self) -> Vec<NewRating> {
        self.to_store.iter().map(|(_, r)| r.clone()).collect()
    }

    /// What storing did to each item: an id stored before with a different answer is
    /// rejected. Counts the stored ones in the metrics.
    pub(crate) fn finish(mut self, outcomes: Vec<InsertOutcome>) -> BatchResult {
        for ((index, _), outcome) in self.to_store.iter().zip(outcomes) {
            if outcome == InsertOutcome::Conflict {
                let r = &mut self.results[*index];
                r.status = "rejected";
                r.errors.push(ItemError {
                    field: "id",
                    code: "id_conflict",
                    detail: "this id is already stored with a different answer".into(),
                });
            }
        }
        let stored = self.results.iter().filter(|r| r.status == "stored").count();
        metrics::counter!("rida_ratings_ingested_total").increment(stored as u64);
        BatchResult {
            stored,
            rejected: self.results.len() - stored,
            results: self.results,
        }
    }
}

/// Turns one item into a rating ready to store, or says every field at fault.
fn validate(
    i: RatingItem,
    refs: &RatingRefs,
    org_tz: &TimeZone,
    received_at: i64,
) -> Result<NewRating, Vec<ItemError>> {
    let mut errs = Vec::new();
    let mut err = |field, code, detail: String| {
        errs.push(ItemError {
            field,
            code,
            detail,
        })
    };
    let site_tz = match refs.sites.get(&i.site_id) {
        None => {
            err(
                "site_id",
                "unknown_site",
                format!("no site {} in this organisation", i.site_id),
            );
            None
        }
        Some(tz) => Some(
            tz.as_deref()
                .and_then(|t| TimeZone::get(t).ok())
                .unwrap_or_else(|| org_tz.clone()),
        ),
    };
    if let Some(s) = i.service_id.filter(|s| !refs.services.contains(s)) {
        err(
            "service_id",
            "unknown_service",
            format!("no service {s} in this organisation"),
        );
    }
    if let Some(e) = i.employee_id.filter(|e| !refs.employees.contains(e)) {
        err(
            "employee_id",
            "unknown_employee",
            format!("no employee {e} in this organisation"),
        );
    }
    let answer = Answer::from_parts(i.score, i.choice, i.text);
    match (refs.questions.get(&i.question_id), &answer) {
        (None, _) => err(
            "question_id",
            "unknown_question",
            format!("no question {} in this organisation", i.question_id),
        ),
        (Some(q), Ok(a)) => {
            if let Err(e) = q.scale.check(a) {
                err(
                    if a.score().is_some() {
                        "score"
                    } else {
                        "answer"
                    },
                    e.code(),
                    e.to_string(),
                );
            } else if let Some(Err(e)) = a.choice().map(|c| q.check_choice(c)) {
                err("choice", "unknown_choice", e.to_string());
            }
        }
        (Some(_), Err(e)) => err("score", e.code(), e.to_string()),
    }
    let answered_at = time::to_millis(i.answered_at);
    if answered_at < EARLIEST_ANSWER_MS {
        err(
            "answered_at",
            "too_early",
            "answered_at is before 2000-01-01, earlier than any answer Rida can hold".into(),
        );
    }
    if answered_at > received_at + MAX_CLOCK_SKEW_MS {
        err(
            "answered_at",
            "in_future",
            "answered_at is more than a day ahead of the server's clock".into(),
        );
    }
    if i.customer_key
        .as_ref()
        .is_some_and(|k| k.chars().count() > 128)
    {
        err(
            "customer_key",
            "too_long",
            "customer_key is longer than 128 characters".into(),
        );
    }
    let lang = i.lang.as_deref().map(rida_domain::locale::answer_language);
    if lang == Some(None) {
        err(
            "lang",
            "invalid_language",
            "lang is a BCP 47 language tag such as ar, en or lv-LV".into(),
        );
    }
    match (site_tz, answer) {
        (Some(tz), Ok(answer)) if errs.is_empty() => Ok(NewRating {
            id: i.id,
            answered_at,
            received_at,
            local_day: time::local_day(i.answered_at, &tz),
            site_id: i.site_id,
            service_id: i.service_id,
            employee_id: i.employee_id,
            channel: i.channel,
            question_id: i.question_id,
            answer,
            visit_id: i.visit_id,
            customer_key: i.customer_key,
            terminal_id: None,
            lang: lang.flatten(),
            flags: 0,
        }),
        _ => Err(errs),
    }
}
