//! WhatsApp through Meta's Cloud API: a survey goes as the organisation's approved
//! template (required outside the 24-hour customer-service window) with quick-reply
//! buttons for the scores, or, to a customer who wrote in the last 24 hours, as a
//! free-form interactive list of the scores; answers to a customer who just wrote (a
//! re-ask, a confirmation) go as free-form text inside the window. Meta calls Rida's webhook with
//! messages and statuses, signed with `X-Hub-Signature-256` (HMAC-SHA256 of the body
//! under the app secret); the webhook is confirmed once with the `hub.challenge`
//! handshake.

use hmac::{Hmac, Mac};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::Sha256;

use rida_domain::Locale;

use super::{Accepted, Gateway, Outgoing, SendError};
use crate::{i18n, settings::Settings};

/// The Cloud API's messages endpoint of one business phone number.
#[derive(Clone)]
pub struct WhatsApp {
    client: reqwest::Client,
    messages_url: String,
    access_token: String,
    template: String,
}

impl std::fmt::Debug for WhatsApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WhatsApp")
            .field("messages_url", &self.messages_url)
            .finish_non_exhaustive()
    }
}

impl WhatsApp {
    /// The gateway of the settings; `None` when no phone number id is set.
    pub fn from_settings(
        s: &Settings,
        client: &reqwest::Client,
    ) -> anyhow::Result<Option<WhatsApp>> {
        let id = s.whatsapp_phone_number_id.trim();
        if id.is_empty() {
            return Ok(None);
        }
        anyhow::ensure!(
            !s.whatsapp_access_token.trim().is_empty() && !s.whatsapp_app_secret.trim().is_empty(),
            "whatsapp_phone_number_id needs whatsapp_access_token and whatsapp_app_secret"
        );
        Ok(Some(WhatsApp {
            client: client.clone(),
            messages_url: format!(
                "{}/{id}/messages",
                s.whatsapp_api_url.trim().trim_end_matches('/')
            ),
            access_token: s.whatsapp_access_token.trim().to_string(),
            template: s.whatsapp_template.trim().to_string(),
        }))
    }

    /// The request body of a message: a survey as the template with a quick-reply
    /// button per score (payload `score-N`: it may go at any time), or inside the
    /// 24-hour window as an interactive list of the scores (row ids `score-N`; at most
    /// ten rows, so a 0–10 scale keeps the template); anything else (a re-ask, a
    /// confirmation: answers to a customer who just wrote) as text.
    pub fn body(&self, m: &Outgoing<'_>) -> Value {
        let to = m.to.trim_start_matches('+');
        match &m.survey {
            Some(s) if m.window_open && s.high - s.low < 10 => {
                let l = Locale::parse(m.lang).unwrap_or_default();
                let rows: Vec<Value> = (s.low..=s.high)
                    .map(|score| {
                        let mut row =
                            json!({ "id": format!("score-{score}"), "title": score.to_string() });
                        if (s.low, s.high) == (1, 5) {
                            row["description"] =
                                i18n::t(l, &format!("kiosk-smiley-{score}")).into();
                        }
                        row
                    })
                    .collect();
                json!({
                    "messaging_product": "whatsapp",
                    "recipient_type": "individual",
                    "to": to,
                    "type": "interactive",
                    "interactive": {
                        "type": "list",
                        "body": { "text": m.body },
                        "action": {
                            "button": i18n::t(l, "whatsapp-choose-score"),
                            "sections": [{ "title": i18n::t(l, "whatsapp-scores"), "rows": rows }],
                        },
                    },
                })
            }
            Some(s) => {
                let mut components = vec![json!({
                    "type": "body",
                    "parameters": [
                        { "type": "text", "text": s.org },
                        { "type": "text", "text": s.site },
                    ],
                })];
                for (index, score) in (s.low..=s.high).enumerate().take(10) {
                    components.push(json!({
                        "type": "button",
                        "sub_type": "quick_reply",
                        "index": index.to_string(),
                        "parameters": [{ "type": "payload", "payload": format!("score-{score}") }],
                    }));
                }
                json!({
                    "messaging_product": "whatsapp",
                    "recipient_type": "individual",
                    "to": to,
                    "type": "template",
                    "template": {
                        "name": self.template,
                        "language": { "code": m.lang },
                        "components": components,
                    },
                })
            }
            _ => json!({
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                "to": to,
                "type": "text",
                "text": { "preview_url": false, "body": m.body },
            }),
        }
    }
}

/// Whether `header` (`sha256=<hex>`) is Meta's signature of `body` under `app_secret`.
pub fn verify(app_secret: &str, body: &[u8], header: &str) -> bool {
    let Some(hex) = header.trim().strip_prefix("sha256=") else {
        return false;
    };
    let Ok(given) = hex::decode(hex) else {
        return false;
    };
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(app_secret.as_bytes()) else {
        return false;
    };
    mac.update(body);
    !app_secret.is_empty() && mac.verify_slice(&given).is_ok()
}

/// Meta's signature of `body` (for tests and tools): `sha256=<hex>`.
pub fn signature(app_secret: &str, body: &[u8]) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(app_secret.as_bytes()).expect("any key length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// A status's delivery result: `delivered`/`read`, or `failed`; others change nothing.
pub fn delivery(status: &str) -> Option<bool> {
    match status {
        "delivered" | "read" => Some(true),
        "failed" => Some(false),
        _ => None,
    }
}

#[derive(Deserialize)]
struct Sent {
    messages: Vec<SentId>,
}

#[derive(Deserialize)]
struct SentId {
    id: String,
}

#[derive(Deserialize)]
struct GraphError {
    error: GraphErrorBody,
}

#[derive(Deserialize)]
struct GraphErrorBody {
    #[serde(default)]
    code: Option<i64>,
}

impl Gateway for WhatsApp {
    fn name(&self) -> &'static str {
        "whatsapp"
    }

    async fn send(&self, m: &Outgoing<'_>) -> Result<Accepted, SendError> {
        let reply = self
            .client
            .post(&self.messages_url)
            .bearer_auth(&self.access_token)
            .json(&self.body(m))
            .send()
            .await
            .map_err(|e| SendError::Temporary(format!("whatsapp: {}", e.without_url())))?;
        let status = reply.status();
        let body = reply.bytes().await.unwrap_or_default();
        if status.is_success() {
            let sent: Sent = serde_json::from_slice(&body)
                .map_err(|e| SendError::Temporary(format!("whatsapp: unexpected answer: {e}")))?;
            return Ok(Accepted {
                provider_id: sent.messages.into_iter().next().map(|m| m.id),
            });
        }
        let code = serde_json::from_slice::<GraphError>(&body)
            .ok()
            .and_then(|e| e.error.code)
            .map(|c| format!(" error {c}"))
            .unwrap_or_default();
        let error = format!("whatsapp: {}{code}", status.as_u16());
        if status.as_u16() == 429 || status.is_server_error() {
            Err(SendError::Temporary(error))
        } else {
            Err(SendError::Permanent(error))
        }
    }
}

/// What a notification carries that Rida uses.
#[derive(Debug, Default, PartialEq)]
pub struct Notification {
    /// (message id, sender as E.164, text, tapped score).
    pub messages: Vec<(String, String, String, Option<i16>)>,
    /// (message id, status).
    pub statuses: Vec<(String, String)>,
}

/// Reads a webhook notification (`object: whatsapp_business_account`): typed texts,
/// template quick-reply buttons, interactive button and list replies, and statuses.
pub fn read(v: &Value) -> Notification {
    let mut n = Notification::default();
    let score = |payload: &str| {
        payload
            .strip_prefix("score-")
            .and_then(|s| s.parse::<i16>().ok())
    };
    let changes = v["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|e| e["changes"].as_array().into_iter().flatten());
    for change in changes {
        let value = &change["value"];
        for m in value["messages"].as_array().into_iter().flatten() {
            let (Some(id), Some(from)) = (m["id"].as_str(), m["from"].as_str()) else {
                continue;
            };
            let (text, button) = match m["type"].as_str() {
                Some("text") => (m["text"]["body"].as_str().unwrap_or("").to_string(), None),
                Some("button") => (
                    m["button"]["text"].as_str().unwrap_or("").to_string(),
                    score(m["button"]["payload"].as_str().unwrap_or("")),
                ),
                Some("interactive") => {
                    let reply = &m["interactive"][m["interactive"]["type"].as_str().unwrap_or("")];
                    (
                        reply["title"].as_str().unwrap_or("").to_string(),
                        score(reply["id"].as_str().unwrap_or("")),
                    )
                }
                _ => continue,
            };
            n.messages.push((
                id.to_string(),
                format!("+{}", from.trim_start_matches('+')),
                text,
                button,
            ));
        }
        for s in value["statuses"].as_array().into_iter().flatten() {
            if let (Some(id), Some(status)) = (s["id"].as_str(), s["status"].as_str()) {
                n.statuses.push((id.to_string(), status.to_string()));
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notifications_read_texts_buttons_interactive_replies_and_statuses() {
        let v = json!({
            "object": "whatsapp_business_account",
            "entry": [{ "id": "1", "changes": [{ "field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": { "display_phone_number": "15550783881", "phone_number_id": "1" },
                "messages": [
                    { "from": "37120000089", "id": "wamid.A", "timestamp": "1", "type": "text", "text": { "body": "٥ شكرا" } },
                    { "from": "37120000089", "id": "wamid.B", "timestamp": "1", "type": "interactive",
                      "interactive": { "type": "list_reply", "list_reply": { "id": "score-3", "title": "3" } } },
                    { "from": "37120000089", "id": "wamid.C", "timestamp": "1", "type": "interactive",
                      "interactive": { "type": "button_reply", "button_reply": { "id": "score-1", "title": "1" } } },
                    { "from": "37120000089", "id": "wamid.D", "timestamp": "1", "type": "image", "image": {} }
                ],
                "statuses": [{ "id": "wamid.S", "status": "read", "timestamp": "1", "recipient_id": "37120000089" }]
            } }] }]
        });
        let n = read(&v);
        assert_eq!(n.messages.len(), 3, "an image is not a reply");
        assert_eq!(
            n.messages[0],
            (
                "wamid.A".into(),
                "+37120000089".into(),
                "٥ شكرا".into(),
                None
            )
        );
        assert_eq!(n.messages[1].3, Some(3));
        assert_eq!(n.messages[2].3, Some(1));
        assert_eq!(
            n.statuses,
            vec![("wamid.S".to_string(), "read".to_string())]
        );
        assert_eq!(delivery("read"), Some(true));
        assert_eq!(read(&json!({"object": "page"})), Notification::default());
    }

    #[test]
    fn signatures_are_checked_against_the_app_secret() {
        let body = br#"{"object":"whatsapp_business_account","entry":[]}"#;
        let good = signature("secret", body);
        assert!(verify("secret", body, &good));
        assert!(!verify("other", body, &good));
        assert!(!verify("secret", b"{}", &good));
        assert!(!verify("secret", body, good.trim_start_matches("sha256=")));
        assert!(!verify("secret", body, "sha256=zz"));
        assert!(!verify("", body, &signature("", body)));
    }
}
