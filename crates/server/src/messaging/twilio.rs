//! Twilio, the hosted SMS gateway: messages out through its Messages API, replies and
//! status callbacks in through Rida's webhooks (see `api::hooks`), each signed by
//! Twilio with `X-Twilio-Signature`: HMAC-SHA1 under the account's auth token over the
//! URL Twilio called followed by every form parameter, sorted by name, as name and value.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::{Accepted, Gateway, Outgoing, SendError};
use crate::settings::Settings;

/// Twilio's Messages API for one account.
#[derive(Clone)]
pub struct Twilio {
    client: reqwest::Client,
    messages_url: String,
    account_sid: String,
    auth_token: String,
    from: String,
    status_callback: String,
}

impl std::fmt::Debug for Twilio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Twilio")
            .field("account_sid", &self.account_sid)
            .finish_non_exhaustive()
    }
}

impl Twilio {
    pub fn new(s: &Settings, client: reqwest::Client) -> anyhow::Result<Twilio> {
        let (sid, token) = (s.twilio_account_sid.trim(), s.twilio_auth_token.trim());
        anyhow::ensure!(
            !sid.is_empty() && !token.is_empty(),
            "sms_gateway = \"twilio\" needs twilio_account_sid and twilio_auth_token"
        );
        anyhow::ensure!(
            !s.sms_from.trim().is_empty(),
            "sms_gateway = \"twilio\" needs sms_from (a Twilio number or a messaging service SID)"
        );
        Ok(Twilio {
            client,
            messages_url: format!(
                "{}/2010-04-01/Accounts/{sid}/Messages.json",
                s.twilio_api_url.trim().trim_end_matches('/')
            ),
            account_sid: sid.to_string(),
            auth_token: token.to_string(),
            from: s.sms_from.trim().to_string(),
            status_callback: format!("{}/hooks/twilio/status", super::hooks_base(s)),
        })
    }
}

/// Twilio's signature of a call: base64 of HMAC-SHA1 under `auth_token` over `url`
/// and then each parameter's name and value, sorted by name.
pub fn signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut mac =
        <Hmac<Sha1> as Mac>::new_from_slice(auth_token.as_bytes()).expect("any key length");
    mac.update(url.as_bytes());
    for (k, v) in sorted {
        mac.update(k.as_bytes());
        mac.update(v.as_bytes());
    }
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Whether `given` is Twilio's signature of the call (compared in constant time).
pub fn verify(auth_token: &str, url: &str, params: &[(String, String)], given: &str) -> bool {
    !auth_token.is_empty() && super::same_secret(given, &signature(auth_token, url, params))
}

/// A status callback's `MessageStatus` as a delivery result: `delivered`, or `failed`
/// and `undelivered`; the states on the way (queued, sent…) change nothing.
pub fn delivery(status: &str) -> Option<bool> {
    match status {
        "delivered" | "read" => Some(true),
        "failed" | "undelivered" => Some(false),
        _ => None,
    }
}

#[derive(serde::Deserialize)]
struct Created {
    sid: String,
}

#[derive(serde::Deserialize)]
struct Refused {
    #[serde(default)]
    code: Option<i64>,
}

impl Gateway for Twilio {
    fn name(&self) -> &'static str {
        "twilio"
    }

    async fn send(&self, m: &Outgoing<'_>) -> Result<Accepted, SendError> {
        // Rida's id in the callback's address: the report finds its message even
        // before Twilio's id for it is recorded.
        let callback = format!("{}?msg={}", self.status_callback, m.id);
        let from_key = if self.from.starts_with("MG") {
            "MessagingServiceSid"
        } else {
            "From"
        };
        let reply = self
            .client
            .post(&self.messages_url)
            .basic_auth(&self.account_sid, Some(&self.auth_token))
            .form(&[
                ("To", m.to),
                (from_key, self.from.as_str()),
                ("Body", m.body),
                ("StatusCallback", callback.as_str()),
            ])
            .send()
            .await
            .map_err(|e| SendError::Temporary(format!("twilio: {}", e.without_url())))?;
        let status = reply.status();
        let body = reply.bytes().await.unwrap_or_default();
        if status.is_success() {
            let created: Created = serde_json::from_slice(&body)
                .map_err(|e| SendError::Temporary(format!("twilio: unexpected answer: {e}")))?;
            return Ok(Accepted {
                provider_id: Some(created.sid),
            });
        }
        // Twilio's message may quote the number: only its error code is kept.
        let code = serde_json::from_slice::<Refused>(&body)
            .ok()
            .and_then(|r| r.code)
            .map(|c| format!(" error {c} (https://www.twilio.com/docs/errors/{c})"))
            .unwrap_or_default();
        let error = format!("twilio: {}{code}", status.as_u16());
        if status.as_u16() == 429 || status.is_server_error() || status.as_u16() == 401 {
            Err(SendError::Temporary(error))
        } else {
            Err(SendError::Permanent(error))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_signature_matches_twilios_documented_example() {
        // The example of Twilio's security documentation.
        let params = p(&[
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]);
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assert_eq!(
            signature("12345", url, &params),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        );
        assert!(verify(
            "12345",
            url,
            &params,
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
        // Any change breaks it: a parameter, the URL, the token.
        let mut changed = params.clone();
        changed[2].1 = "1235".into();
        assert!(!verify(
            "12345",
            url,
            &changed,
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
        assert!(!verify(
            "12345",
            "https://mycompany.com/myapp.php",
            &params,
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
        assert!(!verify(
            "54321",
            url,
            &params,
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
        assert!(!verify("", url, &params, &signature("", url, &params)));
    }

    #[test]
    fn only_final_states_change_a_message() {
        assert_eq!(delivery("delivered"), Some(true));
        assert_eq!(delivery("undelivered"), Some(false));
        assert_eq!(delivery("failed"), Some(false));
        assert_eq!(delivery("sent"), None);
        assert_eq!(delivery("queued"), None);
    }
}
