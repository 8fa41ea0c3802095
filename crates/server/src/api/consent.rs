//! `POST /api/v1/consent`: a CRM or the organisation's own systems report that a customer
//! opted out of surveys (or back in); the change goes into the opt-out register with the
//! API as its source.

use axum::{
    Json,
    body::Body,
    extract::State,
    response::{IntoResponse, Response},
};
use rida_domain::contact::parse_phone;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ratings::MAX_BODY_BYTES;
use crate::{
    Error,
    auth::ApiClient,
    error::{Problem, Result},
    state::AppState,
};

/// A customer's consent, as a system reports it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "phone": "+371 2000 0089", "opted_out": true, "note": "asked at the counter" }))]
pub struct ConsentChange {
    /// The customer's phone number (international, or national with the organisation's
    /// country). Never stored: the register keeps an anonymous key.
    #[schema(value_type = String)]
    pub phone: super::visits::Private,
    /// `true`: no more surveys; `false`: surveys may go again.
    pub opted_out: bool,
    #[serde(default)]
    pub note: Option<String>,
}

/// The register's state after the change.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentState {
    pub opted_out: bool,
    /// Whether the change changed anything (a second opt-out does not).
    pub changed: bool,
}

/// Records a customer's opt-out (or opt-in).
#[utoipa::path(
    post,
    path = "/api/v1/consent",
    tag = "visits",
    request_body = ConsentChange,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The register's state for the customer", body = ConsentState),
        (status = 400, description = "Malformed, or a phone number that cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked API token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all, fields(org = %client.org_id))]
pub async fn change(
    State(state): State<AppState>,
    client: ApiClient,
    body: Body,
) -> Result<Response> {
    let c: ConsentChange = super::read_json(body, MAX_BODY_BYTES).await?;
    let org = state.store.organisation(client.org_id).await?;
    let phone = parse_phone(c.phone.expose(), org.phone_region.as_deref()).map_err(|e| {
        Error::BadRequest {
            code: "invalid-phone",
            detail: format!("phone: {e}"),
        }
    })?;
    let key = state.contact_key.customer_key(org.id, &phone);
    let note: Option<String> = c
        .note
        .as_deref()
        .map(|n| n.trim().chars().take(200).collect())
        .filter(|n: &String| !n.is_empty());
    let changed = state
        .store
        .set_consent(
            org.id,
            &key,
            c.opted_out,
            "api",
            note.as_deref(),
            &rida_store::By::system("api"),
        )
        .await?;
    Ok(Json(ConsentState {
        opted_out: state.store.opted_out(org.id, &key).await?,
        changed,
    })
    .into_response())
}
