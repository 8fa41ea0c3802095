//! Calls from gateways: replies and delivery reports. Each carries its gateway's proof
//! (Kannel: the shared token in the URL); a call without it is refused with 401 and
//! nothing is stored. The answer to a reply is empty: a gateway that sends an answer's
//! body back as an SMS sends nothing.

use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use rida_domain::contact::parse_phone;
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    Error,
    error::Result,
    messaging::{inbound, kannel, same_secret},
    state::AppState,
};

/// A reply as Kannel's `get-url` passes it (`from=%p&text=%a&id=%I`).
#[derive(Deserialize)]
pub struct KannelMo {
    #[serde(default)]
    token: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    id: String,
}

impl std::fmt::Debug for KannelMo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KannelMo(…)")
    }
}

fn check_kannel(state: &AppState, token: &str) -> Result<()> {
    if same_secret(token, state.settings.kannel_hook_token.trim()) {
        Ok(())
    } else {
        Err(Error::Unauthenticated)
    }
}

/// `GET /hooks/kannel/mo`: a customer's SMS.
pub async fn kannel_mo(
    State(state): State<AppState>,
    Query(q): Query<KannelMo>,
) -> Result<Response> {
    check_kannel(&state, &q.token)?;
    let id = q.id.trim();
    if id.is_empty() {
        return Err(Error::BadRequest {
            code: "missing-id",
            detail: "the message id is missing: add id=%I to Kannel's get-url".into(),
        });
    }
    let from = parse_phone(&q.from, None).map_err(|e| Error::BadRequest {
        code: e.code(),
        detail: "the sender is not an international phone number".into(),
    })?;
    let done = inbound::receive(
        &state,
        inbound::Incoming {
            provider: "kannel",
            provider_id: id.to_string(),
            from,
            text: q.text,
            button: None,
        },
    )
    .await?;
    metrics::counter!("rida_replies_total", "gateway" => "kannel").increment(1);
    tracing::info!(outcome = ?done, "reply received");
    Ok(StatusCode::OK.into_response())
}

/// A delivery report as Kannel's `dlr-url` passes it (`msg` is Rida's id).
#[derive(Debug, Deserialize)]
pub struct KannelDlr {
    #[serde(default)]
    token: String,
    msg: Option<Uuid>,
    status: Option<u32>,
}

/// `GET /hooks/kannel/dlr`: how a message fared.
pub async fn kannel_dlr(
    State(state): State<AppState>,
    Query(q): Query<KannelDlr>,
) -> Result<Response> {
    check_kannel(&state, &q.token)?;
    let (Some(msg), Some(status)) = (q.msg, q.status) else {
        return Err(Error::BadRequest {
            code: "bad-report",
            detail: "a delivery report needs msg and status".into(),
        });
    };
    if let Some(delivered) = kannel::delivery(status) {
        state
            .store
            .message_delivery(msg, delivered, jiff::Timestamp::now().as_millisecond())
            .await?;
    }
    Ok(StatusCode::OK.into_response())
}
