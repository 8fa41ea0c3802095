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

use rida_store::Delivery;

use super::{Accepted, Gateway, Outgoing, SendError};
use crate::{i18n, settings::Settings};

/// The Cloud API's messages endpoint of one business phone number.
#[derive(Clone)]
pub struct WhatsApp {
    client: reqwest::Client,
    messages_url: String,
    access_token: String,
    template: String,
    number_template: String,
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
            number_template: s.whatsapp_number_template.trim().to_string(),
        }))
    }

    /// The request body of a message, as Meta allows it:
    /// - inside the 24-hour window, a survey of at most ten scores as an interactive
    ///   list (row ids `score-N`; a list holds ten rows), one of more scores (0–10) as
    ///   text asking for a typed number (the link to the web page when the rule adds it);
    /// - outside it, a 1–5 survey as the approved template with a quick-reply button per
    ///   score (payload `score-N`), any other as the number template (no buttons; the
    ///   customer types the number), or an error when none is set;
    /// - anything else (a re-ask, a confirmation: answers to a customer who just wrote)
    ///   as text.
    pub fn body(&self, m: &Outgoing<'_>) -> Result<Value, SendError> {
        let to = m.to.trim_start_matches('+');
        let text = || {
            json!({
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                "to": to,
                "type": "text",
                "text": { "preview_url": false, "body": m.body },
            })
        };
        let Some(s) = &m.survey else {
            return Ok(text());
        };
        let scores = i32::from(s.high) - i32::from(s.low) + 1;
        if m.window_open && scores > MAX_LIST_ROWS {
            return Ok(text());
        }
        if m.window_open {
            let l = Locale::parse(m.lang).unwrap_or_default();
            let rows: Vec<Value> = (s.low..=s.high)
                .map(|score| {
                    let mut row =
                        json!({ "id": format!("score-{score}"), "title": score.to_string() });
                    if (s.low, s.high) == (1, 5) {
                        row["description"] = i18n::t(l, &format!("kiosk-smiley-{score}")).into();
                    }
                    row
                })
                .collect();
            return Ok(json!({
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
            }));
        }
        let mut parameters = vec![
            json!({ "type": "text", "text": s.org }),
            json!({ "type": "text", "text": s.site }),
        ];
        let (name, buttons) = if (s.low, s.high) == BUTTON_SCALE {
            (&self.template, true)
        } else if !self.number_template.is_empty() {
            parameters.push(json!({ "type": "text", "text": s.low.to_string() }));
            parameters.push(json!({ "type": "text", "text": s.high.to_string() }));
            (&self.number_template, false)
        } else {
            return Err(SendError::Permanent(format!(
                "whatsapp: a {}-{} question outside the 24-hour window needs whatsapp_number_template (the survey template has buttons for 1-5)",
                s.low, s.high
            )));
        };
        let mut components = vec![json!({ "type": "body", "parameters": parameters })];
        if buttons {
            for (index, score) in (s.low..=s.high).enumerate() {
                components.push(json!({
                    "type": "button",
                    "sub_type": "quick_reply",
                    "index": index.to_string(),
                    "parameters": [{ "type": "payload", "payload": format!("score-{score}") }],
                }));
            }
        }
        Ok(json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            "type": "template",
            "template": {
                "name": name,
                "language": { "code": m.lang },
                "components": components,
            },
        }))
    }
}

/// Rows an interactive list may hold.
const MAX_LIST_ROWS: i32 = 10;
/// The scale of the survey template's quick-reply buttons, one per score.
const BUTTON_SCALE: (i16, i16) = (1, 5);

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

/// A status's delivery result: `delivered`, `read`, or `failed` with the first error's
/// code and title (Meta's `message` and `error_data` may quote the customer: not kept);
/// others (`sent`) change nothing.
pub fn delivery(status: &Value) -> Option<Delivery> {
    match status["status"].as_str()? {
        "delivered" => Some(Delivery::Delivered),
        "read" => Some(Delivery::Read),
        "failed" => {
            let e = &status["errors"][0];
            let code = e["code"].as_i64().map(|c| format!(" error {c}"));
            let title = e["title"]
                .as_str()
                .map(|t| format!(": {}", t.chars().take(120).collect::<String>()));
            Some(Delivery::Failed(Some(format!(
                "whatsapp: failed{}{}",
                code.unwrap_or_default(),
                title.unwrap_or_default()
            ))))
        }
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
            .json(&self.body(m)?)
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
    /// (message id, what became of it); states that change nothing are left out.
    pub statuses: Vec<(String, Delivery)>,
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
            if let (Some(id), Some(report)) = (s["id"].as_str(), delivery(s)) {
                n.statuses.push((id.to_string(), report));
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
                "statuses": [
                    { "id": "wamid.S", "status": "read", "timestamp": "1", "recipient_id": "37120000089" },
                    { "id": "wamid.T", "status": "sent", "timestamp": "1", "recipient_id": "37120000089" },
                    { "id": "wamid.U", "status": "failed", "timestamp": "1", "recipient_id": "37120000089",
                      "errors": [{ "code": 131047, "title": "Re-engagement message",
                        "message": "Re-engagement message", "error_data": { "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
                        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/" }] }
                ]
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
            vec![
                ("wamid.S".to_string(), Delivery::Read),
                (
                    "wamid.U".to_string(),
                    Delivery::Failed(Some(
                        "whatsapp: failed error 131047: Re-engagement message".into()
                    ))
                ),
            ]
        );
        assert_eq!(read(&json!({"object": "page"})), Notification::default());
    }

    fn gateway(number_template: &str) -> WhatsApp {
        let s = Settings {
            whatsapp_phone_number_id: "1".into(),
            whatsapp_access_token: "t".into(),
            whatsapp_app_secret: "s".into(),
            whatsapp_number_template: number_template.into(),
            ..Settings::default()
        };
        WhatsApp::from_settings(&s, &reqwest::Client::new())
            .unwrap()
            .unwrap()
    }

    fn survey(low: i16, high: i16, window_open: bool) -> Outgoing<'static> {
        Outgoing {
            id: uuid::Uuid::nil(),
            to: "+37120000089",
            body: "Reply 0-10",
            lang: "en",
            survey: Some(super::super::Template {
                org: "Bank".into(),
                site: "Main".into(),
                low,
                high,
                link: false,
            }),
            link: None,
            window_open,
        }
    }

    #[test]
    fn a_survey_goes_only_in_a_form_meta_allows() {
        // 1-5 outside the window: the template, one button per score.
        let b = gateway("").body(&survey(1, 5, false)).unwrap();
        assert_eq!(b["template"]["name"], "rida_survey");
        assert_eq!(b["template"]["components"].as_array().unwrap().len(), 6);
        // 0-10 inside the window: more scores than a list holds rows, so a typed number.
        let b = gateway("").body(&survey(0, 10, true)).unwrap();
        assert_eq!(b["type"], "text");
        assert_eq!(b["text"]["body"], "Reply 0-10");
        // 1-7 inside the window: a list of seven rows.
        let b = gateway("").body(&survey(1, 7, true)).unwrap();
        let rows = b["interactive"]["action"]["sections"][0]["rows"]
            .as_array()
            .unwrap();
        assert_eq!(rows.len(), 7);
        // 0-10 outside the window: the number template without buttons, with the range.
        let b = gateway("rida_number").body(&survey(0, 10, false)).unwrap();
        assert_eq!(b["template"]["name"], "rida_number");
        let components = b["template"]["components"].as_array().unwrap();
        assert_eq!(components.len(), 1, "no buttons: {b}");
        let params: Vec<&str> = components[0]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        assert_eq!(params, ["Bank", "Main", "0", "10"]);
        // Without a number template it fails for good, saying what to set.
        match gateway("").body(&survey(0, 10, false)) {
            Err(SendError::Permanent(e)) => assert!(e.contains("whatsapp_number_template"), "{e}"),
            other => panic!("{other:?}"),
        }
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
        // A known answer of the same scheme (`X-Hub-Signature-256: sha256=<hex HMAC>`)
        // from GitHub's webhook documentation, computed apart from this code.
        let documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assert!(verify(
            "It's a Secret to Everybody",
            b"Hello, World!",
            documented
        ));
        assert_eq!(
            signature("It's a Secret to Everybody", b"Hello, World!"),
            documented
        );
        assert!(!verify(
            "It's a Secret to Everybody",
            b"Hello, World",
            documented
        ));
    }
}
