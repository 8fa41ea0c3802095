//! Twilio, the hosted SMS gateway: messages out through its Messages API, replies and
//! status callbacks in through Rida's webhooks (see `api::hooks`), each signed by
//! Twilio with `X-Twilio-Signature`: HMAC-SHA1 under the account's auth token over the
//! URL Twilio called followed by every form parameter, sorted by name, as name and value.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use rida_store::Delivery;

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

/// Whether `given` is Twilio's signature of the call (compared in constant time). As
/// Twilio's own validators do, the URL is tried without a port and with one (the
/// scheme's default, 443 or 80, when none is written): Twilio signs whichever form it
/// called.
pub fn verify(auth_token: &str, url: &str, params: &[(String, String)], given: &str) -> bool {
    !auth_token.is_empty()
        && url_forms(url)
            .iter()
            .any(|u| super::same_secret(given, &signature(auth_token, u, params)))
}

/// Whether a JSON-bodied call is Twilio's: the URL carries `bodySHA256`, the hex
/// SHA-256 of the body, and the signature covers the URL alone (no parameters).
pub fn verify_json(auth_token: &str, url: &str, body: &[u8], given: &str) -> bool {
    use sha2::{Digest, Sha256};
    let Some(hash) = url
        .split_once('?')
        .and_then(|(_, q)| q.split('&').find_map(|kv| kv.strip_prefix("bodySHA256=")))
    else {
        return false;
    };
    super::same_secret(hash, &hex::encode(Sha256::digest(body)))
        && verify(auth_token, url, &[], given)
}

/// The URL without its port and with one (the scheme's default when none is given).
fn url_forms(url: &str) -> [String; 2] {
    let Some((scheme, rest)) = url.split_once("://") else {
        return [url.to_string(), url.to_string()];
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // The port follows the last colon, after an IPv6 address's closing bracket.
    let host_end = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => i,
        _ => authority.len(),
    };
    let (host, port) = authority.split_at(host_end);
    let port = match (port.strip_prefix(':'), scheme) {
        (Some(p), _) => p,
        (None, "https") => "443",
        (None, _) => "80",
    };
    [
        format!("{scheme}://{host}{tail}"),
        format!("{scheme}://{host}:{port}{tail}"),
    ]
}

/// A status callback's `MessageStatus` as a delivery result: `delivered`, `read`, or
/// `failed` and `undelivered` with Twilio's `ErrorCode`; the states on the way (queued,
/// sent…) change nothing.
pub fn delivery(status: &str, error_code: Option<&str>) -> Option<Delivery> {
    match status {
        "delivered" => Some(Delivery::Delivered),
        "read" => Some(Delivery::Read),
        "failed" | "undelivered" => Some(Delivery::Failed(Some(match error_code {
            Some(c) if !c.is_empty() && c.chars().all(|c| c.is_ascii_digit()) => {
                format!("twilio: {status}, error {c} (https://www.twilio.com/docs/errors/{c})")
            }
            _ => format!("twilio: {status}"),
        }))),
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

    /// The vectors of Twilio's own Python library (tests/unit/test_request_validator.py),
    /// under the auth token 12345.
    #[test]
    fn the_signature_checks_pass_twilios_own_library_vectors() {
        let uri = "https://mycompany.com/myapp.php?foo=1&bar=2";
        let params = p(&[
            ("CallSid", "CA1234567890ABCDE"),
            ("Digits", "1234"),
            ("From", "+14158675309"),
            ("To", "+18005551212"),
            ("Caller", "+14158675309"),
        ]);
        assert_eq!(
            signature("12345", uri, &params),
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        );
        assert!(verify(
            "12345",
            uri,
            &params,
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
        // Signed without the port, called with one.
        let with_port = uri.replace(".com", ".com:1234");
        assert!(verify(
            "12345",
            &with_port,
            &params,
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
        // Signed with the port, http.
        let http_port = with_port.replace("https", "http");
        assert!(verify(
            "12345",
            &http_port,
            &params,
            "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="
        ));
        // Signed with the scheme's default port, called without it.
        assert!(verify(
            "12345",
            uri,
            &params,
            "kvajT1Ptam85bY51eRf/AJRuM3w="
        ));
        let http = uri.replace("https", "http");
        assert!(verify(
            "12345",
            &http,
            &params,
            "0ZXoZLH/DfblKGATFgpif+LLRf4="
        ));
        // A repeated parameter: every value, in order.
        let repeated = p(&[
            ("Sid", "CA123"),
            ("SidAccount", "AC123"),
            ("Digits", "5678"),
            ("Digits", "1234"),
        ]);
        assert_eq!(
            signature("12345", uri, &repeated),
            "IK+Dwps556ElfBT0I3Rgjkr1wJU="
        );
        // A JSON body: its hash in the URL, the URL signed alone.
        let body = br#"{"property": "value", "boolean": true}"#;
        let with_body = format!(
            "{uri}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
        );
        assert!(verify_json(
            "12345",
            &with_body,
            body,
            "a9nBmqA0ju/hNViExpshrM61xv4="
        ));
        assert!(!verify_json(
            "12345",
            &with_body,
            b"{}",
            "a9nBmqA0ju/hNViExpshrM61xv4="
        ));
        assert!(!verify_json(
            "12345",
            uri,
            body,
            "a9nBmqA0ju/hNViExpshrM61xv4="
        ));
        assert!(!verify(
            "12345",
            uri,
            &params,
            "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="
        ));
    }

    #[test]
    fn a_url_has_a_form_without_and_with_its_port() {
        assert_eq!(
            url_forms("https://a.example/x?y=1"),
            ["https://a.example/x?y=1", "https://a.example:443/x?y=1"]
        );
        assert_eq!(
            url_forms("http://[::1]:8080/hooks"),
            ["http://[::1]/hooks", "http://[::1]:8080/hooks"]
        );
        assert_eq!(url_forms("http://h"), ["http://h", "http://h:80"]);
    }

    #[test]
    fn only_final_states_change_a_message() {
        assert_eq!(delivery("delivered", None), Some(Delivery::Delivered));
        assert_eq!(delivery("read", None), Some(Delivery::Read));
        assert_eq!(
            delivery("undelivered", Some("30003")),
            Some(Delivery::Failed(Some(
                "twilio: undelivered, error 30003 (https://www.twilio.com/docs/errors/30003)"
                    .into()
            )))
        );
        assert_eq!(
            delivery("failed", Some("+3712")),
            Some(Delivery::Failed(Some("twilio: failed".into()))),
            "only a numeric code is kept"
        );
        assert_eq!(delivery("sent", None), None);
        assert_eq!(delivery("queued", None), None);
    }
}
