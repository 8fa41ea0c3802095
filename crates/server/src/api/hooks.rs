//! Calls from gateways: replies and delivery reports. Each carries its gateway's proof
//! (Kannel: the shared token in the URL); a call without it is refused with 401 and
//! nothing is stored. The answer to a reply is empty: a gateway that sends an answer's
//! body back as an SMS sends nothing.

use axum::{
    body::Body,
    extract::{Query, State},
    http::{HeaderMap, StatusCode, Uri, header},
    response::{IntoResponse, Response},
};
use rida_domain::contact::parse_phone;
use rida_store::Delivery;
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    Error,
    error::Result,
    messaging::{hooks_base, inbound, kannel, same_secret, twilio, whatsapp},
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

/// A customer's message from a gateway: the sender read as a number, then the reply
/// received (once per gateway id).
async fn receive(
    state: &AppState,
    provider: &'static str,
    id: &str,
    from: &str,
    (text, button): (String, Option<i16>),
) -> Result<()> {
    let from = parse_phone(from, None).map_err(|e| Error::BadRequest {
        code: e.code(),
        detail: "the sender is not an international phone number".into(),
    })?;
    // A customer's text is kept without control characters (a gateway passes them on;
    // PostgreSQL would refuse a NUL, and the gateway would retry for ever).
    let text: String = text
        .chars()
        .filter(|c| !rida_domain::input::is_forbidden_control(*c))
        .collect();
    let incoming = inbound::Incoming {
        provider,
        provider_id: id.to_string(),
        from,
        text,
        button,
    };
    let done = inbound::receive(state, incoming).await?;
    metrics::counter!("rida_replies_total", "gateway" => provider).increment(1);
    tracing::info!(outcome = ?done, gateway = provider, "reply received");
    Ok(())
}

/// A delivery report: the message by Rida's id when the gateway carries it back, else by
/// the gateway's own id; states on the way (`None`) change nothing and look nothing up.
async fn record_delivery(
    state: &AppState,
    report: Option<Delivery>,
    ours: Option<Uuid>,
    (provider, provider_id): (&str, &str),
) -> Result<()> {
    let Some(report) = report else {
        return Ok(());
    };
    let id = match ours {
        Some(id) => Some(id),
        None => {
            state
                .store
                .message_by_provider_id(provider, provider_id)
                .await?
        }
    };
    if let Some(id) = id {
        let now = jiff::Timestamp::now().as_millisecond();
        state.store.message_delivery(id, &report, now).await?;
    }
    Ok(())
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
    receive(&state, "kannel", id, &q.from, (q.text, None)).await?;
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
    record_delivery(&state, kannel::delivery(status), Some(msg), ("kannel", "")).await?;
    Ok(StatusCode::OK.into_response())
}

/// A Twilio call's parameters, once its signature is checked against the URL Twilio
/// called (Rida's hooks address, the path and any query): a form, or a JSON object when
/// the URL carries `bodySHA256` (Twilio's JSON-bodied webhooks).
async fn twilio_params(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    body: Body,
) -> Result<Vec<(String, String)>> {
    let bytes = super::read_body(body, 64 * 1024).await?;
    let url = format!(
        "{}{}",
        hooks_base(&state.settings),
        uri.path_and_query().map(|p| p.as_str()).unwrap_or("")
    );
    let given = headers
        .get("x-twilio-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let token = state.settings.twilio_auth_token.trim();
    let json = uri
        .query()
        .is_some_and(|q| q.split('&').any(|kv| kv.starts_with("bodySHA256=")));
    if json {
        if !twilio::verify_json(token, &url, &bytes, given) {
            return Err(Error::Unauthenticated);
        }
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&bytes)
            .map_err(|_| Error::BadRequest {
                code: "bad-json",
                detail: "the body is not a JSON object".into(),
            })?;
        return Ok(object
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => (k, s),
                other => (k, other.to_string()),
            })
            .collect());
    }
    let params: Vec<(String, String)> =
        serde_html_form::from_bytes(&bytes).map_err(|_| Error::BadRequest {
            code: "bad-form",
            detail: "the body is not a form".into(),
        })?;
    if twilio::verify(token, &url, &params, given) {
        Ok(params)
    } else {
        Err(Error::Unauthenticated)
    }
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// `POST /hooks/twilio/sms`: a customer's SMS through Twilio. Answered with empty
/// TwiML (no reply SMS from Twilio itself).
pub async fn twilio_sms(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response> {
    let params = twilio_params(&state, &uri, &headers, body).await?;
    let (Some(sid), Some(from)) = (param(&params, "MessageSid"), param(&params, "From")) else {
        return Err(Error::BadRequest {
            code: "bad-message",
            detail: "a message needs MessageSid and From".into(),
        });
    };
    let text = param(&params, "Body").unwrap_or("").to_string();
    receive(&state, "twilio", sid, from, (text, None)).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>",
    )
        .into_response())
}

/// `POST /hooks/twilio/status`: how a message fared (Twilio's status callback).
pub async fn twilio_status(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response> {
    let params = twilio_params(&state, &uri, &headers, body).await?;
    let (Some(sid), Some(status)) = (
        param(&params, "MessageSid"),
        param(&params, "MessageStatus"),
    ) else {
        return Err(Error::BadRequest {
            code: "bad-report",
            detail: "a status callback needs MessageSid and MessageStatus".into(),
        });
    };
    let ours = uri
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("msg=")))
        .and_then(|id| Uuid::parse_str(id).ok());
    let report = twilio::delivery(status, param(&params, "ErrorCode"));
    record_delivery(&state, report, ours, ("twilio", sid)).await?;
    Ok(StatusCode::OK.into_response())
}

/// Meta's webhook check (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`).
#[derive(Deserialize)]
pub struct HubCheck {
    #[serde(rename = "hub.mode", default)]
    mode: String,
    #[serde(rename = "hub.verify_token", default)]
    verify_token: String,
    #[serde(rename = "hub.challenge", default)]
    challenge: String,
}

/// `GET /hooks/whatsapp`: answers Meta's check with its challenge when the token is
/// the one set; 403 otherwise.
pub async fn whatsapp_check(
    State(state): State<AppState>,
    Query(q): Query<HubCheck>,
) -> Result<Response> {
    if q.mode == "subscribe"
        && same_secret(&q.verify_token, state.settings.whatsapp_verify_token.trim())
    {
        Ok((StatusCode::OK, q.challenge).into_response())
    } else {
        Err(Error::Forbidden)
    }
}

/// `POST /hooks/whatsapp`: messages and statuses from Meta, signed with
/// `X-Hub-Signature-256` under the app secret; unsigned or wrongly signed: 401.
pub async fn whatsapp_notify(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response> {
    let bytes = super::read_body(body, 256 * 1024).await?;
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !whatsapp::verify(state.settings.whatsapp_app_secret.trim(), &bytes, signature) {
        return Err(Error::Unauthenticated);
    }
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| Error::BadRequest {
            code: "malformed-json",
            detail: e.to_string(),
        })?;
    let n = whatsapp::read(&value);
    for (id, from, text, button) in n.messages {
        // A sender that is not a phone number is skipped, not the whole notification.
        match receive(&state, "whatsapp", &id, &from, (text, button)).await {
            Err(Error::BadRequest { .. }) | Ok(()) => {}
            Err(e) => return Err(e),
        }
    }
    for (id, report) in n.statuses {
        record_delivery(&state, Some(report), None, ("whatsapp", &id)).await?;
    }
    Ok(StatusCode::OK.into_response())
}
